"""Pieces shared by the document renderers (markdown, html, csv, xlsx, docx).

Renderers format, they never compute: the cells come from :func:`cells` (through
:mod:`fmtcell`, i.e. Babel), the footnotes from :func:`footnotes`, and tables wider
than a portrait A4 page are cut by :func:`split_wide` into parts with the same caption
and "(deel 1 van 2)".
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

from aldlan_model.i18n.labels import t
from aldlan_model.ledger.report import Report, Row, Table
from aldlan_model.tables.cells import cell
from aldlan_model.tables.run import balanced_chunks

MAX_VALUE_COLUMNS = 6
"""Value columns per table in documents: with the label column 7, which fits A4 portrait."""

BEST_MARK = " \u2605"  # ★ the best value of a row (compare)
GOAL_MARK = " \u2713"  # ✓ a cell that reaches the goal (sweep)


def cells(tb: Table, lang: str) -> list[list[str]]:
    """Every value of ``tb`` formatted for display, a list per row."""
    return [
        [cell(v, tb.kind(row, ci), lang) + (BEST_MARK if tb.best.get(ri) == ci else "")
         + (GOAL_MARK if (ri, ci) in tb.marks else "")
         for ci, v in enumerate(row.values)]
        for ri, row in enumerate(tb.rows)
    ]


def numeric_column(tb: Table, ci: int) -> bool:
    """Whether a value column holds numbers (right-aligned) rather than text."""
    kind = tb.kinds[ci] if ci < len(tb.kinds) else "money"
    if kind != "text":
        return True
    return any(r.kind not in (None, "text") for r in tb.rows)


def signed_numbers(report: Report) -> Report:
    """``report`` for a spreadsheet: a figure a table wrote in words in a number column ("meerkosten
    € 16.231" for a saving of € -16.231) back as its signed number (``Row.raw``), so the sheet can sum it
    and its number format shows the sign."""
    def row_numbers(tb: Table, row: Row) -> Row:
        if row.raw is None or not any(isinstance(v, str) and tb.kind(row, ci) != "text"
                                      for ci, v in enumerate(row.values)):
            return row
        values = [row.raw[ci] if isinstance(v, str) and tb.kind(row, ci) != "text" and ci < len(row.raw) else v
                  for ci, v in enumerate(row.values)]
        return dataclasses.replace(row, values=values)

    tables = [dataclasses.replace(tb, rows=[row_numbers(tb, r) for r in tb.rows]) for tb in report.tables]
    return dataclasses.replace(report, tables=tables)


def sheet_value(row: Row, ci: int) -> Any:
    """The value for spreadsheets: unrounded (``Row.raw``) where the report keeps it."""
    if row.raw is not None and ci < len(row.raw) and row.raw[ci] is not None:
        return row.raw[ci]
    value = row.values[ci] if ci < len(row.values) else None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@dataclass
class Footnotes:
    source_line: str
    sources_heading: str
    sources: list[str]
    warnings_heading: str
    warnings: list[str]


def footnotes(report: Report, index: int) -> Footnotes:
    """What goes under table ``index``: the source line, the sources of its inputs and the
    warnings. A table continued in the next one (same key and notes, e.g. the years of the
    exploitation split over two tables) gets only the source line; the rest follows the last part."""
    lang = report.lang
    tb = report.tables[index]
    nxt = report.tables[index + 1] if index + 1 < len(report.tables) else None
    continued = nxt is not None and nxt.key == tb.key and nxt.notes == tb.notes
    # the table's own notes (its citation of the numbered sources, a one-line explanation); the
    # sources themselves are listed once at the end of the report and the warnings once at the top
    del lang
    return Footnotes(report.table_source or report.source_line, "", [] if continued else list(tb.notes), "", [])


def split_table(tb: Table, lang: str, max_values: int = MAX_VALUE_COLUMNS) -> list[Table]:
    """``tb`` cut into parts of at most ``max_values`` value columns (the label column repeats)."""
    n = len(tb.columns)
    if n <= max_values:
        return [tb]
    parts = balanced_chunks(n, max_values)
    out = []
    for k, part in enumerate(parts, start=1):
        rows = [
            dataclasses.replace(
                row, values=[row.values[j] for j in part if j < len(row.values)],
                raw=None if row.raw is None else [row.raw[j] for j in part if j < len(row.raw)])
            for row in tb.rows
        ]
        best = {ri: ci - part.start for ri, ci in tb.best.items() if ci in part}
        marks = {(ri, ci - part.start) for ri, ci in tb.marks if ci in part}
        out.append(dataclasses.replace(
            tb, title=t("table_part", lang, title=tb.title, i=k, n=len(parts)),
            columns=[tb.columns[j] for j in part], rows=rows,
            kinds=[tb.kinds[j] for j in part if j < len(tb.kinds)], best=best, marks=marks,
        ))
    return out


def split_wide(report: Report, max_values: int = MAX_VALUE_COLUMNS) -> Report:
    """The report with every table narrow enough for a portrait A4 page."""
    tables = [part for tb in report.tables for part in split_table(tb, report.lang, max_values)]
    return dataclasses.replace(report, tables=tables)
