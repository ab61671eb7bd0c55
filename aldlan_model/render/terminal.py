"""Render a :class:`Report` for the terminal with rich (fits the console's width, 80 by default)."""

from __future__ import annotations

import textwrap

from rich.console import Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from aldlan_model.i18n.labels import t
from aldlan_model.ledger.report import Report, Table
from aldlan_model.tables.cells import cell
from aldlan_model.tables.parts import numeric_column
from aldlan_model.tables.termfit import GAP, column_width, fit_parts, label_room, label_width, take

WIDTH = 80  # the terminal this layout is made for


def table(tb: Table, lang: str, width: int = WIDTH) -> RichTable:
    """``tb`` for a terminal ``width`` columns wide: a number is never wrapped or cut (its column is as wide
    as its widest cell), the label and text columns wrap (see :mod:`aldlan_model.tables.termfit`)."""
    # every string goes in as Text: a name like "[/b]" in a scenario is text, never rich markup
    rt = RichTable(expand=False, pad_edge=False, show_edge=False, header_style="bold")
    formatted = [
        [cell(v, tb.kind(row, ci), lang) + (" ★" if tb.best.get(ri) == ci else "")
         + (" ✓" if (ri, ci) in tb.marks else "")
         for ci, v in enumerate(row.values)]
        for ri, row in enumerate(tb.rows)
    ]
    widths = [column_width(tb, ci, formatted) for ci in range(len(tb.columns))]
    # long labels wrap rather than push numbers off the terminal
    room = label_room(sum(w + GAP for w in widths), width)
    rt.add_column(Text(tb.label_header), min_width=min(label_width(tb), room), max_width=room)
    for ci, name in enumerate(tb.columns):
        if not numeric_column(tb, ci):  # text wraps at its words, never inside one
            rt.add_column(Text(name), justify="right", min_width=widths[ci], overflow="fold")
            continue
        word = max((len(w) for w in name.split()), default=1)
        # as wide as the widest value (or header word): a long header wraps, a number never does
        rt.add_column(Text(name), justify="right", min_width=widths[ci], no_wrap=False,
                      max_width=max(widths[ci], word, len(name) if len(name) <= widths[ci] else 0))
    for ri, row in enumerate(tb.rows):
        rt.add_row(Text(row.label), *(Text(x) for x in formatted[ri]), style="bold" if row.total else None,
                   end_section=row.total and ri + 1 < len(tb.rows))
    return rt


def para(text: str, width: int, style: str | None = None) -> Text:
    """A paragraph wrapped at spaces only: never between € and its amount (a no-break space, which rich's
    own wrapping would break at, as Python's ``\\s`` matches it; textwrap does not)."""
    lines = [textwrap.fill(line, width=max(20, width), break_on_hyphens=False) or "" for line in text.split("\n")]
    return Text("\n".join(lines), style=style, no_wrap=True, overflow="fold")


def render(report: Report, width: int = WIDTH) -> RenderableType:
    """The report for a terminal ``width`` columns wide (80 unless the console says otherwise)."""
    lang = report.lang
    parts: list[RenderableType] = [Text(report.title, style="bold underline")]
    if report.subtitle:
        parts.append(para(report.subtitle, width, "italic"))
    head = RichTable(show_header=False, box=None, pad_edge=False)
    head.add_column(style="bold")
    head.add_column()
    for label, value in report.headline:
        head.add_row(Text(label), Text(value))
    parts += [Text(""), head]
    for tb in report.tables:
        # the caption goes above the table as text: a long caption wraps instead of widening the table
        parts += [Text(""), Text(tb.title, style="bold")]
        # a table wider than the terminal (the financing table's six columns) is shown in parts, never cut off
        parts += [table(take(tb, part) if len(part) < len(tb.columns) else tb, lang, width)
                  for part in fit_parts(tb, lang, width, max(1, len(tb.columns)))]
        parts += [para(note, width, "dim") for note in tb.notes]
    parts.append(Text(""))
    parts.append(Text(t("heading_warnings", lang), style="bold"))
    if report.warnings:
        for w in report.warnings:
            parts.append(para(f"⚠ {w}", width, "yellow"))
    else:
        parts.append(Text("–"))
    parts.append(Text(""))
    parts.append(para(report.source_line, width, "dim"))
    if report.sources:
        parts += [Text(""), Text(t("heading_sources", lang), style="bold")]
        parts += [para(line, width, "dim") for line in report.sources]
    return Group(*parts)
