"""Render a :class:`Report` as a Word document (python-docx, imported lazily), ready to
attach to a letter: A4 portrait, title, summary, warnings, and every table with its
caption above and its source line and footnotes below.

Tables use the built-in "Table Grid" style (prints well in black and white), a bold
shaded header row that repeats on every page (``w:tblHeader``), rows that do not break
across pages, right-aligned numbers and bold totals. The document language is set to
the report's language so Word's spelling check uses the right dictionary.
"""

from __future__ import annotations

import io
from typing import Any

from aldlan_model.i18n.labels import t
from aldlan_model.ledger.report import Report, Table
from aldlan_model.render.safetext import doc_title
from aldlan_model.tables.parts import cells, footnotes, numeric_column

TABLE_STYLE = "Table Grid"
LANG_TAGS = {"nl": "nl-NL", "en": "en-GB"}
PAGE_CM = (21.0, 29.7)
MARGINS_CM = {"left": 2.0, "right": 2.0, "top": 2.5, "bottom": 2.5}
TABLE_PT, NOTE_PT = 9, 8
CHAR_CM = 0.19  # a digit at 9 pt, a little generous
CELL_PAD_CM = 0.45
AFTER_TABLE_PT = 12
HEADER_FACTOR = 1.25  # header words are bold letters, wider than digits: "Grondslag" must not wrap
MIN_LABEL_CM = 3.0
INK = (0x1F, 0x2A, 0x44)  # the house colour of titles and headings (dark blue-grey; prints as near-black)
RULE = "1F2A44"
HEAD_PT, FOOT_PT = 9, 8
KEEP_ROWS = 16  # a table this short stays on one page with its caption and notes; longer ones repeat their header


def _set(el: Any, tag: str, **attrs: str) -> Any:
    """Get or add child ``tag`` of ``el`` and set its ``w:`` attributes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    child = el.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        el.append(child)
    for name, value in attrs.items():
        child.set(qn(f"w:{name}"), value)
    return child


def _rgb(rgb: tuple[int, int, int]) -> Any:
    from docx.shared import RGBColor

    return RGBColor(*rgb)


def _border(paragraph: Any, side: str = "bottom", size: int = 6, space: int = 1) -> None:
    """A line under (or over) a paragraph: ``w:pBdr``."""
    ppr = paragraph._p.get_or_add_pPr()
    bdr = _set(ppr, "w:pBdr")
    _set(bdr, f"w:{side}", val="single", sz=str(size), space=str(space), color=RULE)


def _field(paragraph: Any, code: str, size: float) -> None:
    """A Word field (PAGE, NUMPAGES) that the reader's word processor fills in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size * 2)))
    rpr.append(sz)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def house_header_footer(doc: Any, kind: str, right: str, lang: str, usable_cm: float) -> None:
    """The house style of every Word file: a header "kind ... right" above a thin line, and
    "Pagina 1 van 5" in the footer (fields the word processor fills in)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt

    sec = doc.sections[0]
    sec.header_distance, sec.footer_distance = Cm(1.2), Cm(1.2)
    head = sec.header.paragraphs[0]
    doc.styles["Header"].paragraph_format.tab_stops.clear_all()  # the template's centre tab
    head.paragraph_format.tab_stops.add_tab_stop(Cm(usable_cm), WD_TAB_ALIGNMENT.RIGHT)
    first = head.add_run(kind)
    first.bold, first.font.small_caps, first.font.size = True, True, Pt(HEAD_PT)
    first.font.color.rgb = _rgb(INK)
    head.add_run(f"\t{right}").font.size = Pt(HEAD_PT)
    _border(head)
    foot = sec.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    marker_page, marker_pages = "\x00P\x00", "\x00N\x00"
    text = t("memo_page", lang, page=marker_page, pages=marker_pages)
    for piece in text.replace(marker_page, "\x01PAGE\x01").replace(marker_pages, "\x01NUMPAGES\x01").split("\x01"):
        if piece in ("PAGE", "NUMPAGES"):
            _field(foot, piece, FOOT_PT)
        elif piece:
            foot.add_run(piece).font.size = Pt(FOOT_PT)


def _write(cell: Any, text: str, *, right: bool, bold: bool, size: int = TABLE_PT) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
    p.paragraph_format.space_after = Pt(0)
    run = p.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _widths(tb: Table, shown: list[list[str]], usable_cm: float) -> list[float]:
    """Column widths in cm: numbers never wrap, headers wrap between words, the label
    column takes what it needs up to the rest of the page; shrunk to fit if need be."""

    def need(texts: list[str], factor: float = 1.0) -> float:
        return max([len(x) for x in texts] + [1]) * CHAR_CM * factor + CELL_PAD_CM

    values = [max(need(c.split(), HEADER_FACTOR), need([r[ci] for r in shown if ci < len(r)]))
              for ci, c in enumerate(tb.columns)]
    room = usable_cm - MIN_LABEL_CM
    if sum(values) > room:
        values = [w * room / sum(values) for w in values]
    label = min(need([tb.label_header, *(r.label for r in tb.rows)]), usable_cm - sum(values))
    return [max(label, min(MIN_LABEL_CM, usable_cm - sum(values))), *values]


def _table(doc: Any, report: Report, index: int, usable_cm: float) -> None:
    from docx.shared import Cm, Pt, RGBColor

    lang = report.lang
    tb = report.tables[index]
    cap = doc.add_paragraph(style="Caption")
    run = cap.add_run(tb.title)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(10), RGBColor(0, 0, 0)
    cap.paragraph_format.keep_with_next = True
    shown = cells(tb, lang)
    right = [numeric_column(tb, ci) for ci in range(len(tb.columns))]
    table = doc.add_table(rows=1 + len(tb.rows), cols=1 + len(tb.columns))
    table.style = doc.styles[TABLE_STYLE]
    table.autofit = False
    widths = _widths(tb, shown, usable_cm)
    for ci, width in enumerate(widths):
        table.columns[ci].width = Cm(width)
        for c in table.columns[ci].cells:
            c.width = Cm(width)
    head = table.rows[0]
    headers = [tb.label_header, *tb.columns]
    if any(h.strip() for h in headers):
        _set(_set(head._tr, "w:trPr"), "w:tblHeader", val="true")
        for ci, text in enumerate(headers):
            c = head.cells[ci]
            _write(c, text, right=ci > 0 and right[ci - 1], bold=True)
            _set(_set(c._tc, "w:tcPr"), "w:shd", val="clear", color="auto", fill="D9D9D9")
    else:  # no header words: no empty shaded row
        table._tbl.remove(head._tr)
    first = 1 if any(h.strip() for h in headers) else 0
    for ri, (row, values) in enumerate(zip(tb.rows, shown, strict=True), start=first):
        tr = table.rows[ri]
        _set(_set(tr._tr, "w:trPr"), "w:cantSplit", val="true")
        _write(tr.cells[0], row.label, right=False, bold=row.total)
        for ci, text in enumerate(values):
            _write(tr.cells[ci + 1], text, right=right[ci], bold=row.total)
    fn = footnotes(report, index)
    lines: list[tuple[str, bool]] = [(fn.source_line, True)]
    lines += [(s, False) for s in fn.sources]
    notes = []
    for k, (text, italic) in enumerate([x for x in lines if x[0]]):
        p = doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.space_before, fmt.space_after = Pt(4 if k == 0 else 0), Pt(0)
        r = p.add_run(text)
        r.italic, r.font.size = italic, Pt(NOTE_PT)
        notes.append(p)
    keep_together(doc, notes)
    if notes:  # the space after the table is the last note's, not an empty paragraph that may start a page
        notes[-1].paragraph_format.space_after = Pt(AFTER_TABLE_PT)
    else:
        doc.add_paragraph().paragraph_format.space_after = Pt(0)


def keep_together(doc: Any, notes: list[Any]) -> None:
    """The table just added on one page with its caption and the ``notes`` under it, when it is short
    (keep-with-next on its rows and on every note but the last)."""
    table = doc.tables[-1]
    if len(table.rows) > KEEP_ROWS:
        return
    rows = list(table.rows) if notes else list(table.rows)[:-1]  # nothing under it: the last row need not stick on
    for row in rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
    for p in notes[:-1]:
        p.paragraph_format.keep_with_next = True


def _setup(doc: Any, lang: str) -> float:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
    sec.left_margin, sec.right_margin = Cm(MARGINS_CM["left"]), Cm(MARGINS_CM["right"])
    sec.top_margin, sec.bottom_margin = Cm(MARGINS_CM["top"]), Cm(MARGINS_CM["bottom"])
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(11)
    _set(normal.element.get_or_add_rPr(), "w:lang", val=LANG_TAGS[lang])
    return PAGE_CM[0] - MARGINS_CM["left"] - MARGINS_CM["right"]


def render(report: Report) -> bytes:
    from docx import Document
    from docx.shared import Pt

    lang = report.lang
    doc = Document()
    usable = _setup(doc, lang)
    doc.core_properties.title = doc_title(report.title)  # at most 255 characters
    doc.core_properties.author = "aldlan-model"
    doc.core_properties.language = LANG_TAGS[lang]
    house_header_footer(doc, t("run_kind", lang), report.title, lang, usable)
    doc.add_heading(report.title, level=1)
    if report.subtitle:
        doc.add_paragraph().add_run(report.subtitle).italic = True
    if report.headline:
        doc.add_heading(t("heading_headline", lang), level=2)
        head = doc.add_table(rows=len(report.headline), cols=2)
        for (label, value), row in zip(report.headline, head.rows, strict=True):
            _write(row.cells[0], label, right=False, bold=True, size=10)
            _write(row.cells[1], value, right=False, bold=False, size=10)
    doc.add_heading(t("heading_warnings", lang), level=2)
    for w in report.warnings or [t("no_warnings", lang)]:
        doc.add_paragraph(("\u26a0 " if report.warnings else "") + w)
    doc.add_paragraph()
    for i in range(len(report.tables)):
        _table(doc, report, i, usable)
    if not report.tables:
        doc.add_paragraph().add_run(report.source_line).font.size = Pt(NOTE_PT)
    if report.sources:
        doc.add_heading(t("heading_sources", lang), level=2)
        for line in report.sources:
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(2)
            p.add_run(line).font.size = Pt(NOTE_PT)
    if report.tables and report.table_source:  # the colophon: file, version and date, once, at the end
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(8)
        p.add_run(report.source_line).font.size = Pt(NOTE_PT)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
