"""Render a :class:`Report` as one self-contained HTML page (inline CSS, no scripts, no
external resources) whose tables paste into Word and LibreOffice Writer as real tables.

Styles that must survive copy and paste sit inline on every cell (``text-align:right``
for numbers, ``font-weight:bold`` for totals, borders); a ``<style>`` block only makes
the page itself pleasant in a browser. All text goes through :func:`html.escape`.
"""

from __future__ import annotations

from html import escape

from aldlan_model.i18n.labels import t
from aldlan_model.ledger.report import Report, Table
from aldlan_model.tables.parts import Footnotes, cells, footnotes, numeric_column

FONT = "Calibri, Carlito, Arial, Helvetica, sans-serif"
PX_PER_CHAR, PX_PAD, MAX_LABEL_PX = 7, 16, 280  # 10 pt text
_CELL = "border:1px solid #808080;padding:2px 6px;vertical-align:top"
_TABLE = f"border-collapse:collapse;font-family:{FONT};font-size:10pt;margin:4px 0"
_NOTE = f"font-family:{FONT};font-size:8pt;margin:2px 0"
_CSS = f"""body {{ font-family: {FONT}; font-size: 11pt; line-height: 1.35; color: #000;
       background: #fff; max-width: 17cm; margin: 2em auto; padding: 0 1em; }}
h1 {{ font-size: 16pt; margin-bottom: 0.2em; }}
h2 {{ font-size: 12pt; margin: 1.2em 0 0.4em; }}
caption {{ text-align: left; font-weight: bold; padding: 0 0 4px; caption-side: top; }}
ul {{ margin: 2px 0 2px 1.2em; padding: 0; }}
.table-block {{ margin: 1.6em 0; }}"""


def _widths(tb: Table, body: list[list[str]]) -> list[int]:
    """Column widths in px for the header cells, so that word processors that ignore
    ``nowrap`` still give numbers room (headers wrap between words)."""

    def need(texts: list[str]) -> int:
        return max([len(x) for x in texts] + [1]) * PX_PER_CHAR + PX_PAD

    values = [need([*c.split(), *(r[ci] for r in body if ci < len(r))]) for ci, c in enumerate(tb.columns)]
    label = min(MAX_LABEL_PX, need([*tb.label_header.split(), *(r.label for r in tb.rows)]))
    return [label, *values]


def _cell(tag: str, text: str, *, right: bool, bold: bool, nowrap: bool = False, width: int | None = None) -> str:
    """A cell styled inline; ``align``/``nowrap``/``width`` attributes too, which pasting keeps best."""
    style = _CELL + (";text-align:right" if right else ";text-align:left")
    attrs = ' align="right"' if right else ' align="left"'
    if width:
        style += f";width:{width}px"
        attrs += f' width="{width}"'
    if nowrap:
        style += ";white-space:nowrap"
        attrs += " nowrap"
    if bold:
        style += ";font-weight:bold"
    return f'<{tag}{attrs} style="{style}">{escape(text)}</{tag}>'


def table(tb: Table, lang: str) -> list[str]:
    body = cells(tb, lang)
    right = [numeric_column(tb, ci) for ci in range(len(tb.columns))]
    widths = _widths(tb, body)
    out = [f'<table style="{_TABLE}">',
           f'<caption style="text-align:left;font-weight:bold">{escape(tb.title)}</caption>',
           "<thead>", "<tr>" + _cell("th", tb.label_header, right=False, bold=True, width=widths[0])
           + "".join(_cell("th", c, right=r, bold=True, width=w)
                     for c, r, w in zip(tb.columns, right, widths[1:], strict=True)) + "</tr>",
           "</thead>", "<tbody>"]
    for row, values in zip(tb.rows, body, strict=True):
        values = values + [""] * (len(tb.columns) - len(values))
        out.append("<tr>" + _cell("td", row.label, right=False, bold=row.total)
                   + "".join(_cell("td", v, right=r, bold=row.total, nowrap=r)
                             for v, r in zip(values, right, strict=True))
                   + "</tr>")
    out += ["</tbody>", "</table>"]
    return out


def notes(fn: Footnotes) -> list[str]:
    out = [f'<p style="{_NOTE};font-style:italic">{escape(fn.source_line)}</p>']
    out += [f'<p style="{_NOTE}">{escape(x)}</p>' for x in fn.sources]
    return out


def render(report: Report) -> str:
    lang = report.lang
    out = ["<!DOCTYPE html>", f'<html lang="{escape(lang)}">', "<head>", '<meta charset="utf-8">',
           f"<title>{escape(report.title)}</title>", "<style>", _CSS, "</style>", "</head>", "<body>",
           f"<h1>{escape(report.title)}</h1>"]
    if report.subtitle:
        out.append(f"<p>{escape(report.subtitle)}</p>")
    if report.headline:
        out.append(f"<h2>{escape(t('heading_headline', lang))}</h2>")
        out.append(f'<table style="{_TABLE}">')
        for label, value in report.headline:
            out.append(f'<tr><th style="text-align:left;padding:1px 12px 1px 0">{escape(label)}</th>'
                       f'<td style="text-align:left;padding:1px 0">{escape(value)}</td></tr>')
        out.append("</table>")
    out.append(f"<h2>{escape(t('heading_warnings', lang))}</h2>")
    if report.warnings:
        out.append("<ul>" + "".join(f"<li>{escape(chr(0x26A0) + ' ' + w)}</li>" for w in report.warnings) + "</ul>")
    else:
        out.append(f"<p>{escape(t('no_warnings', lang))}</p>")
    for i, tb in enumerate(report.tables):
        out += ['<div class="table-block">', *table(tb, lang), *notes(footnotes(report, i)), "</div>"]
    if not report.tables:
        out.append(f'<p style="{_NOTE};font-style:italic">{escape(report.source_line)}</p>')
    if report.sources:
        out.append(f"<h2>{escape(t('heading_sources', lang))}</h2>")
        out += [f'<p style="{_NOTE}">{escape(line)}</p>' for line in report.sources]
    if report.tables and report.table_source:  # the colophon: file, version and date, once, at the end
        out.append(f'<p style="{_NOTE};font-style:italic">{escape(report.source_line)}</p>')
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
