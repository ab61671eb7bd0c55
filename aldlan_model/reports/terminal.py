"""Render a :class:`Report` for the terminal with rich (fits 80 columns)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from aldlan_model.reports.fmtcell import cell
from aldlan_model.reports.labels import t
from aldlan_model.reports.model import Report, Table


def table(tb: Table, lang: str) -> RichTable:
    rt = RichTable(title=tb.title, title_justify="left", title_style="bold", expand=False,
                   pad_edge=False, show_edge=False, header_style="bold")
    formatted = [
        [cell(v, tb.kind(row, ci), lang) + (" ★" if tb.best.get(ri) == ci else "")
         for ci, v in enumerate(row.values)]
        for ri, row in enumerate(tb.rows)
    ]
    label_width = max([len(tb.label_header), *(len(r.label) for r in tb.rows)], default=4)
    rt.add_column(tb.label_header, min_width=min(label_width, 30), max_width=30)
    for ci, name in enumerate(tb.columns):
        width = max([len(r[ci]) for r in formatted if ci < len(r)], default=1)
        rt.add_column(name, justify="right", min_width=width)
    for ri, row in enumerate(tb.rows):
        rt.add_row(row.label, *formatted[ri], style="bold" if row.total else None,
                   end_section=row.total and ri + 1 < len(tb.rows))
    return rt


def render(report: Report) -> RenderableType:
    lang = report.lang
    parts: list[RenderableType] = [Text(report.title, style="bold underline")]
    if report.subtitle:
        parts.append(Text(report.subtitle, style="italic"))
    head = RichTable(show_header=False, box=None, pad_edge=False)
    head.add_column(style="bold")
    head.add_column()
    for label, value in report.headline:
        head.add_row(label, value)
    parts += [Text(""), head]
    for tb in report.tables:
        parts += [Text(""), table(tb, lang)]
    parts.append(Text(""))
    parts.append(Text(t("heading_warnings", lang), style="bold"))
    if report.warnings:
        for w in report.warnings:
            parts.append(Text(f"⚠ {w}", style="yellow"))
    else:
        parts.append(Text("–"))
    parts.append(Text(""))
    parts.append(Text(report.source_line, style="dim"))
    return Group(*parts)
