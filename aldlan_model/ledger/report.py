"""Report data: tables of raw values that every renderer (terminal, markdown, html, csv,
xlsx, docx) formats its own way. Building a report computes nothing new; renderers
format, they never compute.

Money cells hold whole euros (ints) already rounded so that totals equal the sum of the
rows shown; ``Table.raw`` may keep the unrounded values for CSV/XLSX.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Kind = str  # 'money' | 'money2' | 'percent' | 'number' | 'number1' | 'year' | 'text' | 'int'


@dataclass
class Row:
    label: str
    values: list[Any]
    kind: Kind | None = None  # overrides the column kinds for every cell of this row
    total: bool = False  # a total line: shown in bold, computed from the rows shown above
    raw: list[Any] | None = None  # unrounded values, where they differ


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]  # header of each value column
    rows: list[Row]
    kinds: list[Kind] = field(default_factory=list)  # per value column
    label_header: str = ""
    notes: list[str] = field(default_factory=list)
    best: dict[int, int] = field(default_factory=dict)  # row index -> column marked best
    marks: set[tuple[int, int]] = field(default_factory=set)  # (row, column) cells that reach a goal (✓)

    def kind(self, row: Row, col: int) -> Kind:
        if row.kind:
            return row.kind
        return self.kinds[col] if col < len(self.kinds) else "money"


@dataclass
class Report:
    title: str
    subtitle: str
    headline: list[tuple[str, str]]
    tables: list[Table]
    warnings: list[str]
    sources: list[str]  # "path: source" lines of the inputs used
    source_line: str  # the report's last line: scenario, file, version and date (a colophon)
    lang: str = "nl"
    extra: dict[str, Any] = field(default_factory=dict)
    table_source: str = ""  # the line under each table: no file, no version (empty: ``source_line``)
