"""The memo of ``aldlan report`` as a Word document, styled like a municipal memo.

A4 with the margins of :mod:`docx` (the tables come from there: :func:`aldlan_model.render.docx._table`,
with their shaded, repeating header rows and the source line below), one sober font
(:data:`~aldlan_model.render.fonts.DOC_FONT`, the charts' font too), section headings in bold
small capitals with a rule under them, a page header "Notitie · date · subject" above a thin
line, "Pagina 1 van 5" in the footer, charts as 200 dpi PNG pictures with a numbered caption.
"""

from __future__ import annotations

import io
from typing import Any

from aldlan_model.ledger.report import Report
from aldlan_model.render.docx import INK, LANG_TAGS, _border, _rgb, _set, _setup, _table, house_header_footer
from aldlan_model.render.fonts import DOC_FONT
from aldlan_model.render.memo.document import Block, Memo, spans
from aldlan_model.render.safetext import doc_title

BODY_PT, SMALL_PT, H1_PT, H2_PT, TITLE_PT = 10.5, 8, 12, 10.5, 17
PICTURE_CM = 16.0  # = state.CHART_IN: the chart is drawn at the size it is placed
NOTE_PT, NOTE_INDENT_CM = 8.5, 0.8
META_CM = (3.2, 13.8)


def _font(style: Any, size: float, *, bold: bool = False, caps: bool = False, italic: bool = False,
          colour: tuple[int, int, int] | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    f = style.font
    f.name, f.size, f.bold, f.italic, f.small_caps = DOC_FONT, Pt(size), bold, italic, caps
    f.color.rgb = _rgb(colour or (0, 0, 0))
    rpr = style.element.get_or_add_rPr()
    fonts = _set(rpr, "w:rFonts")
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), DOC_FONT)
    for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):  # the template's theme font out
        fonts.attrib.pop(qn(f"w:{attr}"), None)


def _styles(doc: Any) -> None:
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    _font(normal, BODY_PT)
    pf = normal.paragraph_format
    pf.space_after, pf.line_spacing = Pt(6), 1.15
    for name, size, caps in (("Heading 1", H1_PT, True), ("Heading 2", H2_PT, False)):
        st = doc.styles[name]
        _font(st, size, bold=True, caps=caps, colour=INK)
        st.paragraph_format.space_before = Pt(16 if caps else 10)
        st.paragraph_format.space_after = Pt(4)
        st.paragraph_format.keep_with_next = True
    title = doc.styles["Title"]
    _font(title, TITLE_PT, bold=True, colour=INK)
    title.paragraph_format.space_after = Pt(6)
    # the template draws a coloured line under its Title; a memo has its own rule
    ppr = title.element.get_or_add_pPr()
    for child in list(ppr):
        if child.tag.endswith("}pBdr"):
            ppr.remove(child)
    caption = doc.styles["Caption"]
    _font(caption, 9, bold=True)
    bullet = doc.styles["List Bullet"]
    _font(bullet, BODY_PT)
    bullet.paragraph_format.space_after = Pt(3)


def _header_footer(doc: Any, memo: Memo, usable_cm: float) -> None:
    house_header_footer(doc, memo.kind, f"{memo.date} \u00b7 {memo.title}", memo.lang, usable_cm)


def _paragraph(doc: Any, text: str, style: str | None = None) -> Any:
    p = doc.add_paragraph(style=style)
    for chunk, bold in spans(text):
        p.add_run(chunk).bold = bold or None
    return p


def _front(doc: Any, memo: Memo) -> None:
    from docx.shared import Cm, Pt

    kind = doc.add_paragraph()
    run = kind.add_run(memo.kind)
    run.bold, run.font.small_caps, run.font.size = True, True, Pt(11)
    run.font.color.rgb = _rgb(INK)
    kind.paragraph_format.space_after = Pt(0)
    doc.add_paragraph(memo.title, style="Title")
    table = doc.add_table(rows=len(memo.meta), cols=2)
    table.autofit = False
    for ci, width in enumerate(META_CM):
        table.columns[ci].width = Cm(width)
    for (label, value), row in zip(memo.meta, table.rows, strict=True):
        row.cells[0].width, row.cells[1].width = Cm(META_CM[0]), Cm(META_CM[1])
        lp = row.cells[0].paragraphs[0]
        lr = lp.add_run(label)
        lr.bold, lr.font.size = True, Pt(9.5)
        vp = row.cells[1].paragraphs[0]
        for i, line in enumerate(value.split("\n")):
            if i:
                vp.add_run().add_break()
            vp.add_run(line).font.size = Pt(9.5)
        for p in (lp, vp):
            p.paragraph_format.space_after = Pt(1)
    rule = doc.add_paragraph()
    rule.paragraph_format.space_after = Pt(6)
    _border(rule, size=8)


def _block(doc: Any, memo: Memo, block: Block, usable_cm: float) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    if block.kind == "p":
        _paragraph(doc, block.text)
    elif block.kind == "h":
        doc.add_heading(block.text, level=2)
    elif block.kind == "li":
        _paragraph(doc, block.text, "List Bullet")
    elif block.kind == "note":  # "[12] label: value. Bron: …" with a hanging indent
        number, _, rest = block.text.partition("] ")
        p = doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.left_indent, fmt.first_line_indent, fmt.space_after = Cm(NOTE_INDENT_CM), Cm(-NOTE_INDENT_CM), Pt(2)
        fmt.line_spacing = 1.0
        fmt.tab_stops.add_tab_stop(Cm(NOTE_INDENT_CM))
        for text in (f"{number}]\t" if rest else "", rest or block.text):
            if text:
                p.add_run(text).font.size = Pt(NOTE_PT)
    elif block.kind == "table" and block.table is not None:
        one = Report(title="", subtitle="", headline=[], tables=[block.table], warnings=[], sources=[],
                     source_line=block.source_line, lang=memo.lang)
        _table(doc, one, 0, usable_cm)
    elif block.kind == "figure" and block.image is not None:
        pic = doc.add_paragraph()
        pic.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pic.paragraph_format.keep_with_next = True
        pic.paragraph_format.space_after = Pt(2)
        pic.add_run().add_picture(io.BytesIO(block.image), width=Cm(min(PICTURE_CM, usable_cm)))
        cap = doc.add_paragraph(block.text, style="Caption")
        cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
        cap.paragraph_format.space_after = Pt(10)


def render(memo: Memo) -> bytes:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    usable = _setup(doc, memo.lang)
    _styles(doc)
    doc.core_properties.title = doc_title(f"{memo.kind}: {memo.title}")
    doc.core_properties.author = "aldlan-model"
    doc.core_properties.language = LANG_TAGS[memo.lang]
    _header_footer(doc, memo, usable)
    _front(doc, memo)
    for section in memo.sections:
        heading = doc.add_heading(section.heading, level=1)
        heading.paragraph_format.page_break_before = section.new_page
        _border(heading, size=4)
        for i, block in enumerate(section.blocks):
            _block(doc, memo, block, usable)
            following = section.blocks[i + 1] if i + 1 < len(section.blocks) else None
            if block.kind == "p" and following is not None and following.kind == "table":
                doc.paragraphs[-1].paragraph_format.keep_with_next = True  # the lead-in stays with its table
    if memo.colophon:
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(12)
        _border(p, side="top", size=4)
        p.add_run(memo.colophon).font.size = Pt(NOTE_PT)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
