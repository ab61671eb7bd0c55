"""The memo of ``aldlan report`` as one self-contained HTML page (inline CSS, the charts as
``data:`` PNG, no scripts, nothing fetched from elsewhere), printable on A4.

Tables are those of :mod:`aldlan_model.render.html` (:func:`~aldlan_model.render.html.table`
and :func:`~aldlan_model.render.html.notes`), so they paste into Word as real tables.
All text goes through :func:`html.escape`.
"""

from __future__ import annotations

import base64
from html import escape

from aldlan_model.ledger.report import Report
from aldlan_model.render.html import FONT, notes, table
from aldlan_model.render.memo.document import Block, Memo, spans
from aldlan_model.tables.parts import footnotes

INK = "#1f2a44"
PICTURE_CM, PICTURE_PX = 16, 605  # 16 cm at 96 px per inch: what word processors take from width=""
_CSS = f"""@page {{ size: A4; margin: 2.5cm 2cm;
         @bottom-right {{ content: counter(page) " / " counter(pages); font-size: 8pt; }} }}
body {{ font-family: {FONT}; font-size: 10.5pt; line-height: 1.4; color: #000; background: #fff;
       max-width: 17cm; margin: 1.5em auto; padding: 0 1em; }}
table.memo-head {{ width: 100%; border-collapse: collapse; font-size: 9pt; border-bottom: 1px solid {INK};
                   margin-bottom: 1.5em; }}
table.memo-head td {{ padding: 0 0 2px; }}
.memo-kind {{ font-weight: bold; font-variant: small-caps; color: {INK}; letter-spacing: 0.03em; }}
h1 {{ font-size: 17pt; color: {INK}; margin: 0.1em 0 0.4em; }}
h2 {{ font-size: 12pt; font-variant: small-caps; color: {INK}; border-bottom: 0.5pt solid {INK};
      margin: 1.6em 0 0.4em; padding-bottom: 1px; page-break-after: avoid; }}
h3 {{ font-size: 10.5pt; color: {INK}; margin: 1em 0 0.3em; page-break-after: avoid; }}
table.meta {{ border-collapse: collapse; font-size: 9.5pt; margin-bottom: 0.6em; }}
table.meta th {{ text-align: left; vertical-align: top; padding: 1px 14px 1px 0; }}
table.meta td {{ padding: 1px 0; }}
.rule {{ border-bottom: 1px solid {INK}; margin-bottom: 1em; }}
div.figure {{ margin: 1em 0; text-align: center; page-break-inside: avoid; }}
p.figcaption {{ font-size: 9pt; font-weight: bold; text-align: center; margin-top: 2px; }}
caption {{ text-align: left; font-weight: bold; padding: 0 0 4px; caption-side: top; }}
.table-block {{ margin: 1.2em 0; page-break-inside: avoid; }}
p.note {{ font-size: 8.5pt; margin: 0 0 2px 2.2em; text-indent: -2.2em; line-height: 1.25; }}
h2.new-page {{ page-break-before: always; break-before: page; }}
tr, p.note, li {{ page-break-inside: avoid; break-inside: avoid; }}
thead {{ display: table-header-group; }}
p {{ orphans: 3; widows: 3; }}
p.colophon {{ font-size: 8pt; border-top: 0.5pt solid {INK}; padding-top: 4px; margin-top: 2em; }}"""


def _inline(text: str) -> str:
    return "".join(f"<strong>{escape(s)}</strong>" if bold else escape(s) for s, bold in spans(text))


def _blocks(memo: Memo, blocks: list[Block]) -> list[str]:
    out: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items.clear()

    for block in blocks:
        if block.kind == "li":
            items.append(f"<li>{_inline(block.text)}</li>")
            continue
        flush()
        if block.kind == "note":
            out.append(f'<p class="note">{escape(block.text)}</p>')
        elif block.kind == "p":
            out.append(f"<p>{_inline(block.text)}</p>")
        elif block.kind == "h":
            out.append(f"<h3>{escape(block.text)}</h3>")
        elif block.kind == "table" and block.table is not None:
            one = Report(title="", subtitle="", headline=[], tables=[block.table], warnings=[], sources=[],
                         source_line=block.source_line, lang=memo.lang)
            out += ['<div class="table-block">', *table(block.table, memo.lang), *notes(footnotes(one, 0)),
                    "</div>"]
        elif block.kind == "figure" and block.image is not None:
            data = base64.b64encode(block.image).decode("ascii")
            out.append(f'<div class="figure"><img src="data:image/png;base64,{data}" width="{PICTURE_PX}" '
                       f'style="width:{PICTURE_CM}cm;max-width:100%;height:auto" alt="{escape(block.text)}">'
                       f'<p class="figcaption">{escape(block.text)}</p></div>')
    flush()
    return out


def render(memo: Memo) -> str:
    out = ["<!DOCTYPE html>", f'<html lang="{escape(memo.lang)}">', "<head>", '<meta charset="utf-8">',
           f"<title>{escape(memo.kind)}: {escape(memo.title)}</title>", "<style>", _CSS, "</style>", "</head>",
           "<body>",
           # a table, not flex: word processors that open or paste the page keep it on one line
           '<table class="memo-head"><tr>'
           f'<td class="memo-kind">{escape(memo.kind)}</td>'
           f'<td style="text-align:right">{escape(memo.date)} \u00b7 {escape(memo.title)}</td></tr></table>',
           f'<p class="memo-kind" style="margin:0">{escape(memo.kind)}</p>',
           f"<h1>{escape(memo.title)}</h1>", '<table class="meta">']
    for label, value in memo.meta:
        shown = "<br>".join(escape(line) for line in value.split("\n"))
        out.append(f'<tr><th style="text-align:left" align="left" valign="top">{escape(label)}</th>'
                   f"<td>{shown}</td></tr>")
    out += ["</table>", '<div class="rule"></div>']
    for section in memo.sections:
        cls = ' class="new-page"' if section.new_page else ""
        out.append(f"<h2{cls}>{escape(section.heading)}</h2>")
        out += _blocks(memo, section.blocks)
    if memo.colophon:
        out.append(f'<p class="colophon">{escape(memo.colophon)}</p>')
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
