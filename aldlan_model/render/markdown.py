"""Render a :class:`Report` as Markdown for e-mail and wikis: GitHub-style pipe tables
with right-aligned number columns (``---:``) padded so they also line up as plain text,
the caption in bold above each table, the source line and footnotes below it."""

from __future__ import annotations

import re

from aldlan_model.i18n.labels import t
from aldlan_model.ledger.report import Report, Table
from aldlan_model.tables.parts import Footnotes, cells, footnotes, numeric_column

_SPECIAL = "\\`*_[]<>|"


_BLOCK = re.compile(r"(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|[-=]+\s*$|~~~)|(\d{1,9})([.)])(?=\s|$)")
"""What starts a block at the start of a line: a heading, a quote, a list item, a rule or
setext underline, a fence, a numbered item."""


def escape(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell: ``|`` and emphasis escaped, and a
    block marker at its start (``# kop``, ``> ``, ``- ``, ``+ ``, ``1. ``) made literal."""
    out = "".join("\\" + ch if ch in _SPECIAL else ch for ch in text)
    out = " ".join(out.splitlines())
    body = out.lstrip(" ")
    lead = out[: len(out) - len(body)]
    found = _BLOCK.match(body)
    if found and found.group(1):
        return f"{lead}\\{body}"
    if found:
        return f"{lead}{found.group(2)}\\{body[found.end(2):]}"
    return out


def _bold(text: str) -> str:
    return f"**{text}**" if text else text


def table(tb: Table, lang: str) -> list[str]:
    body = cells(tb, lang)
    right = [False] + [numeric_column(tb, ci) for ci in range(len(tb.columns))]
    header = [escape(tb.label_header), *(escape(c) for c in tb.columns)]
    rows = []
    for row, values in zip(tb.rows, body, strict=True):
        line = [escape(row.label), *(escape(v) for v in values)]
        line += [""] * (len(header) - len(line))
        rows.append([_bold(x) for x in line] if row.total else line)
    widths = [max(3, len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]

    def fmt(line: list[str]) -> str:
        padded = [x.rjust(w) if r else x.ljust(w) for x, w, r in zip(line, widths, right, strict=True)]
        return "| " + " | ".join(padded) + " |"

    rule = "| " + " | ".join(("-" * (w - 1) + ":") if r else (":" + "-" * (w - 1))
                             for w, r in zip(widths, right, strict=True)) + " |"
    return [fmt(header), rule, *(fmt(r) for r in rows)]


def notes(fn: Footnotes, *, with_source_line: bool = True) -> list[str]:
    out: list[str] = []
    if with_source_line:
        out += [f"*{escape(fn.source_line)}*", ""]
    for s in fn.sources:  # each note its own paragraph
        out += [escape(s), ""]
    if fn.warnings:
        out += [f"{escape(fn.warnings_heading)}:", ""]
        out += [f"- \u26a0 {escape(w)}" for w in fn.warnings]
        out.append("")
    return out


def _source(note: str) -> str:
    """``path: source`` with the key path as code."""
    path, sep, rest = note.partition(": ")
    if sep and path and " " not in path and "`" not in path:
        return f"`{path}`: {escape(rest)}"
    return escape(note)


def render(report: Report) -> str:
    lang = report.lang
    out = [f"# {escape(report.title)}", ""]
    if report.subtitle:
        out += [escape(report.subtitle), ""]
    if report.headline:
        out += [f"## {escape(t('heading_headline', lang))}", ""]
        out += [f"- **{escape(label)}:** {escape(value)}" for label, value in report.headline]
        out.append("")
    out += [f"## {escape(t('heading_warnings', lang))}", ""]
    out += [f"- \u26a0 {escape(w)}" for w in report.warnings] or [escape(t("no_warnings", lang))]
    out.append("")
    for i, tb in enumerate(report.tables):
        out += [f"**{escape(tb.title)}**", "", *table(tb, lang), ""]
        out += notes(footnotes(report, i))
    if not report.tables:
        out += [f"*{escape(report.source_line)}*", ""]
    if report.sources:
        out += [f"## {escape(t('heading_sources', lang))}", ""]
        out += [escape(line) + "  " for line in report.sources]
        out.append("")
    if report.tables and report.table_source:  # the colophon: file, version and date, once, at the end
        out += [f"*{escape(report.source_line)}*", ""]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
