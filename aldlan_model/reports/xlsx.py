"""Render a :class:`Report` as an Excel workbook (openpyxl, imported lazily).

Sheets: a summary (title, headline, warnings, source line), one sheet per table and one
with every input, its range and its source. Cells hold real numbers, unrounded
(``Row.raw`` where the report keeps it) so formulas compute exactly, shown in whole euros
through a number format; percentages are fractions with a percent format. Each table
sheet has its caption in row 1, the header in row 2 (both frozen, with the label column)
and the source line and footnotes under the table.
"""

from __future__ import annotations

import io
import re
import textwrap
from typing import Any

from aldlan_model.reports.docparts import cells, footnotes, numeric_column, sheet_value
from aldlan_model.reports.labels import t
from aldlan_model.reports.model import Report
from aldlan_model.reports.safetext import doc_title, xlsx_text

NUMBER_FORMATS = {
    "nl": {"money": '"€" #,##0;"€" -#,##0', "money2": '"€" #,##0.00;"€" -#,##0.00'},
    "en": {"money": '"€"#,##0;-"€"#,##0', "money2": '"€"#,##0.00;-"€"#,##0.00'},
}
OTHER_FORMATS = {"percent": "0.0%", "number1": "#,##0.0", "number2": "#,##0.00", "year": "0",
                 "int": "#,##0", "number": "#,##0"}
SHEET_KEYS = {"municipality": "sheet_municipality", "operator": "sheet_operator", "staffing": "sheet_staffing"}
_BAD = re.compile(r"[\[\]:*?/\\]")
MAX_WIDTH, MIN_WIDTH = 60, 12
BOLD = 1.25  # bold header characters are wider than the column-width unit


def number_format(kind: str, lang: str) -> str:
    return NUMBER_FORMATS[lang].get(kind) or OTHER_FORMATS.get(kind, "General")


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of ``[]:*?/\\``."""
    base = _BAD.sub("-", wanted).strip("' ") or "Blad"
    name, n = base[:31], 1
    while name.lower() in taken:
        n += 1
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
    taken.add(name.lower())
    return name


def plain_title(title: str, lang: str) -> str:
    """A table's title without its caption number, and up to a colon (the gist, for a sheet name):
    "Tabel 1 – Besparing per jaar" → "Besparing per jaar"; "Tabel 1 – Besparing in 2021: rijen …" →
    "Besparing in 2021"."""
    head, _, tail = t("caption", lang, n="\x00", title="\x01").partition("\x00")
    pattern = re.escape(head) + r"\d+" + re.escape(tail.split("\x01")[0])
    return re.sub("^" + pattern, "", title).split(":")[0].strip()


def _year(text: str) -> str | int:
    """A year label (``"2021"``) as a number, so Excel does not flag "number stored as text"."""
    return int(text) if isinstance(text, str) and text.isdigit() and len(text) == 4 else text


def _table_sheet(ws: Any, report: Report, index: int) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    lang = report.lang
    tb = report.tables[index]
    bold = Font(bold=True)
    xlsx_text(ws.cell(1, 1, tb.title)).font = bold
    header = [tb.label_header, *tb.columns]
    numeric = [numeric_column(tb, ci) for ci in range(len(tb.columns))]
    rule = Border(bottom=Side(style="thin"))
    for ci, text in enumerate(header, start=1):
        c = xlsx_text(ws.cell(2, ci, _year(text)))
        c.font, c.border = bold, rule
        right_aligned = ci > 1 and numeric[ci - 2]
        c.alignment = Alignment(horizontal="right" if right_aligned else "left", vertical="bottom", wrap_text=True)
    for ri, row in enumerate(tb.rows, start=3):
        label = xlsx_text(ws.cell(ri, 1, _year(row.label)))
        label.font, label.alignment = Font(bold=row.total), Alignment(horizontal="left")
        for ci in range(len(row.values)):
            value = sheet_value(row, ci)
            c = xlsx_text(ws.cell(ri, ci + 2, value))
            c.number_format = number_format(tb.kind(row, ci), lang)
            c.font = Font(bold=row.total or tb.best.get(ri - 3) == ci or (ri - 3, ci) in tb.marks)
    ws.freeze_panes = "B3"
    fn = footnotes(report, index)
    r = len(tb.rows) + 4
    lines = [fn.source_line]
    if fn.sources:
        lines += [fn.sources_heading + ":", *fn.sources]
    if fn.warnings:
        lines += [fn.warnings_heading + ":", *("\u26a0 " + w for w in fn.warnings)]
    for k, line in enumerate(lines):
        xlsx_text(ws.cell(r + k, 1, line)).font = Font(italic=k == 0, size=9)
    shown = cells(tb, lang)
    label_width = max(len(x) for x in [tb.label_header, *(r.label for r in tb.rows)])
    ws.column_dimensions["A"].width = min(MAX_WIDTH, label_width + 2)
    from openpyxl.utils import get_column_letter

    header_lines = 1
    for ci, name in enumerate(tb.columns):
        # headers wrap between words; numbers need their full width (bold and € take a little extra)
        words = [round(len(w) * BOLD) + 2 for w in name.split()]
        width = min(MAX_WIDTH, max([MIN_WIDTH, *words, *(len(row[ci]) + 3 for row in shown if ci < len(row))]))
        ws.column_dimensions[get_column_letter(ci + 2)].width = width
        header_lines = max(header_lines, len(textwrap.wrap(name, max(1, int((width - 2) / BOLD)))))
    ws.row_dimensions[2].height = 15 * header_lines  # spreadsheets do not grow wrapped rows on opening


def _summary_sheet(ws: Any, report: Report) -> None:
    from openpyxl.styles import Font

    lang = report.lang
    xlsx_text(ws.cell(1, 1, report.title)).font = Font(bold=True, size=14)
    r = 2
    if report.subtitle:
        xlsx_text(ws.cell(r, 1, report.subtitle)).font = Font(italic=True)
        r += 1
    r += 1
    for label, value in report.headline:
        xlsx_text(ws.cell(r, 1, label)).font = Font(bold=True)
        xlsx_text(ws.cell(r, 2, value))
        r += 1
    r += 1
    xlsx_text(ws.cell(r, 1, t("heading_warnings", lang))).font = Font(bold=True)
    for w in report.warnings or [t("no_warnings", lang)]:
        r += 1
        xlsx_text(ws.cell(r, 1, w))
    xlsx_text(ws.cell(r + 2, 1, report.source_line)).font = Font(italic=True, size=9)
    ws.column_dimensions["A"].width = min(MAX_WIDTH, max([len(lb) for lb, _ in report.headline] or [10]) + 2)
    ws.column_dimensions["B"].width = min(MAX_WIDTH, max([len(v) for _, v in report.headline] or [10]) + 2)


def _inputs_sheet(ws: Any, report: Report) -> None:
    from openpyxl.styles import Border, Font, Side

    lang = report.lang
    keys = ("input_path", "input_value", "input_low", "input_mode", "input_high", "input_source")
    header = [t(k, lang) for k in keys]
    for ci, text in enumerate(header, start=1):
        c = xlsx_text(ws.cell(1, ci, text))
        c.font, c.border = Font(bold=True), Border(bottom=Side(style="thin"))
    inputs = report.extra.get("inputs") or []
    for ri, item in enumerate(inputs, start=2):
        xlsx_text(ws.cell(ri, 1, item["path"]))
        for ci, key in enumerate(("value", "low", "mode", "high"), start=2):
            xlsx_text(ws.cell(ri, ci, item.get(key))).number_format = "General"
        xlsx_text(ws.cell(ri, 6, item.get("source") or ""))
    ws.freeze_panes = "A2"
    widths = [max([len(header[0]), *(len(i["path"]) for i in inputs)]) + 2, 14, 12, 12, 12,
              min(100, max([len(header[5]), *(len(i.get("source") or "") for i in inputs)]) + 2)]
    for ci, width in enumerate(widths):
        ws.column_dimensions["ABCDEF"[ci]].width = min(100, max(width, len(header[ci]) + 2))


def render(report: Report) -> bytes:
    from openpyxl import Workbook

    lang = report.lang
    wb = Workbook()
    taken: set[str] = set()
    summary = wb.active
    summary.title = sheet_name(t("heading_headline", lang), taken)
    _summary_sheet(summary, report)
    for n, tb in enumerate(report.tables, start=1):
        short = t(SHEET_KEYS[tb.key], lang) if tb.key in SHEET_KEYS else plain_title(tb.title, lang)
        _table_sheet(wb.create_sheet(sheet_name(f"{n} {short}", taken)), report, n - 1)
    if report.extra.get("inputs"):
        _inputs_sheet(wb.create_sheet(sheet_name(t("sheet_inputs", lang), taken)), report)
    wb.properties.title = doc_title(report.title)
    wb.properties.creator = "aldlan-model"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
