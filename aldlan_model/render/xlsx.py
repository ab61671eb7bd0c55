"""Render a :class:`Report` as an Excel workbook (openpyxl, imported lazily).

Sheets: a summary (title, headline, warnings, source line), one sheet per table, the inputs
(value, range and source of each, with a readable label) and the numbered sources. Every
figure is a real number with a € or % format, the same whole euros as every other format
(the rounded ledger, MODEL.md §4.1); a total that is the plain sum of the rows above it is a
``SUM`` formula over those cells, "Resultaat" the formula income − cost, each with its
computed value stored too (openpyxl writes none), so a reader that does not recalculate sees
the number. The best value of a row (``compare``) carries the ★ of the other formats through
its number format, so the cell stays a number. Each sheet prints on A4, fitted to the page
width, landscape where a table has more than 5 value columns, caption and header repeated on
every page; every cell names the Word documents' font. Text from input is always a text cell
(:func:`~aldlan_model.render.safetext.xlsx_text`), never a formula.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
import zipfile
from typing import Any

from aldlan_model.i18n.labels import CATALOGUES, t
from aldlan_model.ledger.report import Report, Table
from aldlan_model.render.fonts import DOC_FONT
from aldlan_model.render.safetext import doc_title, xlsx_text
from aldlan_model.tables.parts import BEST_MARK, GOAL_MARK, cells, footnotes, numeric_column

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
FONT = DOC_FONT
BODY, NOTE, CAPTION, TITLE = 11, 9, 12, 14  # points
LANDSCAPE_FROM = 6  # value columns: a table wider than 5 of them prints landscape
PORTRAIT_UNITS = 100  # column-width units that fit the width of a portrait A4 page at full size
FIRST_ROW = 3  # tables: caption in row 1, header in row 2, rows from row 3
Cached = dict[str, float | int]  # formula cell -> its value, per sheet


def number_format(kind: str, lang: str) -> str:
    return NUMBER_FORMATS[lang].get(kind) or OTHER_FORMATS.get(kind, "General")


def marked(fmt: str, mark: str) -> str:
    """``fmt`` with ``mark`` (★, ✓) after the number in every section, so the cell stays a number."""
    suffix = '"' + mark.replace('"', "") + '"'
    return ";".join(section + suffix for section in fmt.split(";"))


def _cut16(text: str, units: int) -> str:
    """``text`` cut to at most ``units`` UTF-16 code units (Excel counts an emoji as two)."""
    out, used = [], 0
    for ch in text:
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > units:
            break
        out.append(ch)
    return "".join(out)


def _sheet_cut(base: str, units: int) -> str:
    return _cut16(base, units).strip("' ") or "Blad"  # never an apostrophe at either end (Excel refuses)


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unique sheet name: at most 31 UTF-16 units, none of ``[]:*?/\\``, no apostrophe at
    either end."""
    base = _BAD.sub("-", wanted).strip("' ") or "Blad"
    name, n = _sheet_cut(base, 31), 1
    while name.lower() in taken:
        n += 1
        suffix = f" ({n})"
        name = _sheet_cut(base, 31 - len(suffix)) + suffix
    taken.add(name.lower())
    return name


def plain_title(title: str, lang: str) -> str:
    """A table's title without its caption number, and up to a colon (the gist, for a sheet name):
    "Tabel 1 – Besparing per jaar" → "Besparing per jaar"; "Tabel 1 – Besparing in 2021: rijen …" →
    "Besparing in 2021"."""
    head, _, tail = t("caption", lang, n="\x00", title="\x01").partition("\x00")
    pattern = re.escape(head) + r"\d+" + re.escape(tail.split("\x01")[0])
    return re.sub("^" + pattern, "", title).split(":")[0].strip()


def _year(text: Any) -> Any:
    """A year label (``"2021"``) as a number, so Excel does not flag "number stored as text"."""
    return int(text) if isinstance(text, str) and text.isdigit() and len(text) == 4 else text


def _plain(value: Any) -> Any:
    """A cell value: numpy scalars as Python numbers, NaN and infinities as an empty cell."""
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def text_lines(text: str, width: float, size: int = BODY) -> int:
    """Lines ``text`` takes in a wrapped cell ``width`` column units wide (a little generous: a row
    too tall is blank space, a row too short hides text; neither Excel nor LibreOffice grows rows)."""
    per_line = max(1, int(width * 1.1 * BODY / size))
    return max(1, sum(len(textwrap.wrap(part, per_line)) or 1 for part in text.split("\n")))


def row_height(lines: int, size: int = BODY) -> float:
    return round(lines * size * 1.25 + 1.5, 1)


class Writer:
    """Cell writing with the document font on every cell and the formulas' values remembered."""

    def __init__(self, ws: Any, lang: str):
        self.ws, self.lang = ws, lang
        self.cached: Cached = {}

    def put(self, r: int, c: int, value: Any, *, fmt: str | None = None, bold: bool = False,
            italic: bool = False, size: int = BODY, wrap: bool = False, align: str | None = None,
            rule: str | None = None, valign: str = "top", indent: int = 0) -> Any:
        from openpyxl.styles import Alignment, Border, Font, Side

        cell = self.ws.cell(r, c, _plain(value))
        xlsx_text(cell)  # text from input stays text, never a formula
        cell.font = Font(name=FONT, size=size, bold=bold, italic=italic)
        if fmt:
            cell.number_format = fmt
        cell.alignment = Alignment(horizontal=align, vertical=valign, wrap_text=wrap, indent=indent)
        if rule == "bottom":
            cell.border = Border(bottom=Side(style="thin"))
        elif rule == "top":
            cell.border = Border(top=Side(style="thin"))
        return cell

    def formula(self, r: int, c: int, expression: str, value: Any, **style: Any) -> Any:
        """Our own formula (``SUM(B3:B9)``), never text from input; ``value`` is what it computes."""
        cell = self.put(r, c, None, **style)
        cell.value = "=" + expression
        cell.data_type = "f"
        self.cached[cell.coordinate] = _plain(value)
        return cell

    def text_block(self, r: int, text: str, last_col: int, width: float, *, size: int = NOTE,
                   italic: bool = False, bold: bool = False) -> None:
        """A line of text over the columns ``A:last_col``, wrapped, its row as tall as it needs."""
        self.put(r, 1, text, size=size, italic=italic, bold=bold, wrap=True, align="left")
        if last_col > 1:
            self.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=last_col)
        self.ws.row_dimensions[r].height = row_height(text_lines(text, width, size), size)


def print_setup(ws: Any, lang: str, *, last_col: int, last_row: int, landscape: bool,
                title_rows: str | None = None) -> None:
    """A4, fitted to the page width (as many pages down as needed), the caption and header rows
    repeated on every page, page numbers in the footer."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins = PageMargins(left=0.7, right=0.7, top=0.75, bottom=0.75, header=0.3, footer=0.3)
    if title_rows:
        ws.print_title_rows = title_rows
    ws.print_area = f"A1:{get_column_letter(max(1, last_col))}{max(1, last_row)}"
    ws.oddFooter.center.text = t("office_footer", lang)
    ws.oddFooter.center.size = NOTE
    ws.oddFooter.center.font = FONT


def _label(key: str, lang: str, fallback: str) -> str:
    """A label that another part of the catalogue may define (``compare_star_note``), else ours."""
    return CATALOGUES[lang].get(key) or t(fallback, lang)


# --------------------------------------------------------------------------- totals as formulas

def total_formula(tb: Table, ri: int, ci: int, first_row: int = FIRST_ROW) -> str | None:
    """The formula for the total cell (row ``ri``, value column ``ci``) when the report's number is
    what it computes: ``SUM`` of the rows since the previous total, or, for a result right under
    two totals (income under cost), the later minus the earlier. None: keep the number."""
    from openpyxl.utils import get_column_letter

    row = tb.rows[ri]
    value = _plain(row.values[ci]) if ci < len(row.values) else None
    if not row.total or not _is_number(value):
        return None
    col = get_column_letter(ci + 2)

    def at(k: int) -> Any:
        vals = tb.rows[k].values
        return _plain(vals[ci]) if ci < len(vals) else None

    start = ri
    while start > 0 and not tb.rows[start - 1].total:
        start -= 1
    parts = [at(k) for k in range(start, ri)]
    summable = parts and all(v is None or _is_number(v) for v in parts) and any(_is_number(v) for v in parts)
    if summable and _same(sum(v for v in parts if v is not None), value):
        return f"SUM({col}{first_row + start}:{col}{first_row + ri - 1})"
    totals = [k for k in range(ri - 1, -1, -1) if tb.rows[k].total][:2]
    if start == ri and len(totals) == 2 and all(_is_number(at(k)) for k in totals):
        later, earlier = totals
        if _same(at(later) - at(earlier), value):
            return f"{col}{first_row + later}-{col}{first_row + earlier}"
    return None


# --------------------------------------------------------------------------- table sheets

def _table_sheet(ws: Any, report: Report, index: int) -> Cached:
    from openpyxl.utils import get_column_letter

    lang = report.lang
    tb = report.tables[index]
    w = Writer(ws, lang)
    ncols = len(tb.columns) + 1
    header = [tb.label_header, *tb.columns]
    numeric = [numeric_column(tb, ci) for ci in range(len(tb.columns))]

    # column widths first: wrapped text (caption, notes) needs them
    shown = cells(tb, lang)
    label_width = min(MAX_WIDTH, max(len(x) for x in [tb.label_header, *(r.label for r in tb.rows), "–"]) + 2)
    widths = [label_width]
    header_lines = 1
    for ci, name in enumerate(tb.columns):
        # headers wrap between words; numbers need their full width (bold and € take a little extra)
        words = [round(len(word) * BOLD) + 2 for word in name.split()]
        width = min(MAX_WIDTH, max([MIN_WIDTH, *words, *(len(row[ci]) + 3 for row in shown if ci < len(row))]))
        widths.append(width)
        header_lines = max(header_lines, len(textwrap.wrap(name, max(1, int((width - 2) / BOLD)))))
    for ci, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(ci)].width = width
    total_width = sum(widths)

    w.text_block(1, tb.title, ncols, total_width, size=CAPTION, bold=True)
    for ci, text in enumerate(header, start=1):
        right = ci > 1 and numeric[ci - 2]
        w.put(2, ci, _year(text), bold=True, rule="bottom", wrap=True, align="right" if right else "left",
              valign="bottom")
    ws.row_dimensions[2].height = row_height(header_lines)  # spreadsheets do not grow wrapped rows

    for ri, row in enumerate(tb.rows):
        r = FIRST_ROW + ri
        rule = "top" if row.total else None
        w.put(r, 1, _year(row.label), bold=row.total, align="left", rule=rule)
        for ci in range(len(tb.columns)):
            value = row.values[ci] if ci < len(row.values) else None
            fmt = number_format(tb.kind(row, ci), lang)
            if tb.best.get(ri) == ci:
                fmt = marked(fmt, BEST_MARK)
            if (ri, ci) in tb.marks:
                fmt = marked(fmt, GOAL_MARK)
            align = "right" if numeric[ci] else "left"
            if isinstance(value, str) and tb.kind(row, ci) == "text":  # a figure a report wrote as text
                text = value
                figure, kind, rest = split_figure(text, lang)
                if figure is not None and not rest:
                    value, fmt, align = figure, figure_format(kind or "number", text, lang), "right"
            style = {"fmt": fmt, "bold": row.total, "rule": rule, "align": align}
            formula = total_formula(tb, ri, ci)
            if formula:
                w.formula(r, ci + 2, formula, value, **style)
            else:
                w.put(r, ci + 2, value, **style)
    ws.freeze_panes = "B3"

    fn = footnotes(report, index)
    lines = list(fn.sources) + ["\u26a0 " + x for x in fn.warnings]
    if tb.best and not any(BEST_MARK.strip() in line for line in lines):
        lines.insert(0, _label("compare_star_note", lang, "office_star_note"))
    if tb.marks and not any(GOAL_MARK.strip() in line for line in lines):
        lines.insert(0, t("office_goal_note", lang))
    r = FIRST_ROW + len(tb.rows) + 1
    w.text_block(r, fn.source_line, ncols, total_width, italic=True)
    for k, line in enumerate(lines, start=1):
        w.text_block(r + k, line, ncols, total_width)
    landscape = len(tb.columns) >= LANDSCAPE_FROM
    print_setup(ws, lang, last_col=ncols, last_row=r + len(lines), landscape=landscape, title_rows="1:2")
    return w.cached


# --------------------------------------------------------------------------- summary

_NUM = {"nl": r"\d{1,3}(?:\.\d{3})*(?:,\d+)?", "en": r"\d{1,3}(?:,\d{3})*(?:\.\d+)?"}
_MONEY = {"nl": r"€[\u00a0 ]?-?" + _NUM["nl"], "en": r"-?€" + _NUM["en"]}


def _to_number(text: str, lang: str) -> float | int:
    digits = re.sub(r"[^\d,.\-]", "", text)
    digits = digits.replace(".", "").replace(",", ".") if lang == "nl" else digits.replace(",", "")
    value = float(digits)
    return int(value) if value.is_integer() and "." not in digits else value


def split_figure(text: str, lang: str) -> tuple[Any, str | None, str]:
    """A headline text as (number, kind, explanation): "€ 45.752 (1,3% van het doel)" →
    (45752, "money", "1,3% van het doel"); "79" → (79, "int", ""); a sentence with one amount in
    it → (the amount, "money", the sentence); other text → (None, None, text)."""
    lang = lang if lang in _NUM else "nl"
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        return int(text), "year", ""
    if re.fullmatch("-?" + _NUM[lang], text):
        value = _to_number(text, lang)
        return value, "int" if isinstance(value, int) else "number2", ""
    for pattern, kind in ((_MONEY[lang], "money"), ("-?" + _NUM[lang] + "\u00a0?%", "percent")):
        m = re.match(pattern + r"(?![\d%])", text)
        if m:
            value = _to_number(m.group(), lang)
            if kind == "percent":
                value = value / 100
            elif isinstance(value, float):
                kind = "money2"
            rest = text[m.end():].strip()
            if rest.startswith("(") and rest.endswith(")"):
                rest = rest[1:-1]
            return value, kind, rest
    amounts = re.findall(_MONEY[lang] + r"(?!\d)", text)
    if len(amounts) == 1 and text.endswith("."):  # a sentence with one amount: the amount, then the sentence
        value = _to_number(amounts[0], lang)
        return value, "money" if isinstance(value, int) else "money2", text
    return None, None, text


def figure_format(kind: str, text: str, lang: str) -> str:
    """The number format of a figure parsed from ``text``: percentages and amounts with as many
    decimals as the text shows ("2,5%" → ``0.0%``, "€ 41,21" → two decimals)."""
    if kind == "percent":
        m = re.search(r"[.,](\d+)%", text)
        decimals = len(m.group(1)) if m else 0
        return "0%" if not decimals else "0." + "0" * decimals + "%"
    return number_format(kind, lang)


def _summary_sheet(ws: Any, report: Report) -> None:
    lang = report.lang
    w = Writer(ws, lang)
    widths = [min(48, max([len(lb) for lb, _ in report.headline] or [20]) + 2), 16, 58]
    for ci, width in enumerate(widths):
        ws.column_dimensions["ABC"[ci]].width = width
    full = sum(widths)
    w.text_block(1, report.title, 3, full, size=TITLE, bold=True)
    r = 2
    if report.subtitle:
        w.text_block(r, report.subtitle, 3, full, size=BODY, italic=True)
        r += 1
    r += 1
    for label, text in report.headline:
        value, kind, rest = split_figure(text, lang)
        w.put(r, 1, label, bold=True, wrap=True, align="left")
        if value is None:
            w.put(r, 2, rest, wrap=True, align="left")
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
            lines = text_lines(rest, widths[1] + widths[2])
        else:
            w.put(r, 2, value, fmt=figure_format(kind or "number", text, lang), align="right")
            w.put(r, 3, rest, wrap=True, align="left", indent=1)
            lines = text_lines(rest, widths[2])
        ws.row_dimensions[r].height = row_height(max(lines, text_lines(label, widths[0])))
        r += 1
    r += 1
    w.put(r, 1, t("heading_warnings", lang), bold=True)
    for warning in report.warnings or [t("no_warnings", lang)]:
        r += 1
        w.text_block(r, warning, 3, full, size=BODY)
    r += 2
    w.text_block(r, report.source_line, 3, full, italic=True)
    print_setup(ws, lang, last_col=3, last_row=r, landscape=False)


# --------------------------------------------------------------------------- inputs and sources

YES_NO = ("group_work", "enforce")


def _fraction_format(values: list[float]) -> str:
    """"0%" for 30 %, "0.0%" for 2.5 %: as many decimals as the inputs have (at most 2)."""
    for decimals in (0, 1, 2):
        if all(_same(round(v * 100, decimals), v * 100) for v in values):
            return "0%" if decimals == 0 else "0." + "0" * decimals + "%"
    return "0.00%"


def input_format(item: dict[str, Any], lang: str) -> str:
    """The number format of an input's value and range, by its kind (money, fraction, …)."""
    kind = item.get("kind") or "number"
    values = [float(item[k]) for k in ("value", "low", "mode", "high") if _is_number(item.get(k))]
    whole = all(float(v).is_integer() for v in values)
    if kind == "money":
        tariff = any(word in str(item.get("path", "")) for word in ("tariff", "transport", "contribution",
                                                                    "per_participant"))
        return number_format("money" if whole and not tariff else "money2", lang)
    if kind == "fraction":
        return _fraction_format(values)
    if kind == "year":
        return "0"
    if kind == "int" or whole:
        return "#,##0"
    return "#,##0.0##"


def _inputs_sheet(ws: Any, report: Report) -> None:
    """Every input with a readable label, its value and range; the number of the note on the sources
    sheet that gives its source (or, without numbered notes, the source itself)."""
    from aldlan_model.engine.params import NOT_SET
    from aldlan_model.i18n.labels_inputs import input_kind, input_label

    lang = report.lang
    w = Writer(ws, lang)
    notes = report.extra.get("notes")
    by_path: dict[str, int] = dict(getattr(notes, "by_path", None) or {})
    mode = getattr(notes, "mode", "short")
    last = "note" if by_path else None if mode == "none" else "source"
    keys = ("input_value", "input_low", "input_mode", "input_high")
    header = [t("office_input", lang), *(t(k, lang) for k in keys)]
    if last:
        header.append(t("office_note" if last == "note" else "input_source", lang))
    rows = []
    for item in report.extra.get("inputs") or []:
        path = str(item.get("path", ""))
        item = {"kind": input_kind(path), **item}
        rows.append((str(item.get("label") or input_label(path, lang)), item))
    label_width = min(56, max([len(header[0]), *(len(lb) for lb, _ in rows)]) + 2)
    widths = [label_width, 14, 12, 14, 12, *([] if not last else [8] if last == "note" else [60])]
    for ci, width in enumerate(widths):
        ws.column_dimensions["ABCDEF"[ci]].width = width
    for ci, text in enumerate(header, start=1):
        left = ci == 1 or (ci == 6 and last == "source")
        w.put(1, ci, text, bold=True, rule="bottom", wrap=True, align="left" if left else "right",
              valign="bottom", indent=1 if ci == 6 and left else 0)
    ws.row_dimensions[1].height = row_height(2)
    yes_no_suffix = re.compile(r"\s*\((ja/nee|yes/no)\)$")
    for r, (label, item) in enumerate(rows, start=2):
        path = str(item.get("path", ""))
        yes_no = path.rsplit(".", 1)[-1] in YES_NO or bool(yes_no_suffix.search(label))
        shown_label = yes_no_suffix.sub("", label) if yes_no else label
        w.put(r, 1, shown_label, wrap=True, align="left")
        fmt = input_format(item, lang)
        for ci, key in enumerate(("value", "low", "mode", "high"), start=2):
            value = item.get(key)
            if (yes_no and _is_number(value)) or isinstance(value, bool):
                w.put(r, ci, t("office_yes" if value else "office_no", lang), align="right")
            elif _is_number(value) and value == NOT_SET and item.get("kind") != "money":
                w.put(r, ci, None)  # not set: the model leaves it out
            else:
                w.put(r, ci, value, fmt=fmt, align="right")
        lines = text_lines(shown_label, widths[0])
        if last == "note":
            w.put(r, 6, by_path.get(path), fmt="0", align="right")
        elif last == "source":
            source = str(item.get("source") or "")
            w.put(r, 6, source, wrap=True, align="left", indent=1)
            lines = max(lines, text_lines(source, widths[5]) if source else 1)
        ws.row_dimensions[r].height = row_height(lines)
    ws.freeze_panes = "B2"
    # a long list: portrait holds the most rows a page (fitted to the width)
    print_setup(ws, lang, last_col=len(header), last_row=len(rows) + 1,
                landscape=last == "source" and sum(widths) > PORTRAIT_UNITS, title_rows="1:1")


def _sources_sheet(ws: Any, report: Report) -> None:
    lang = report.lang
    w = Writer(ws, lang)
    widths = [8, 88]
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = widths
    w.put(1, 1, t("office_note", lang), bold=True, rule="bottom", align="right")
    w.put(1, 2, t("office_text", lang), bold=True, rule="bottom", align="left")
    for r, line in enumerate(report.sources, start=2):
        m = re.match(r"\[(\d+)\]\s*", line)
        number, text = (int(m.group(1)), line[m.end():]) if m else (None, line)
        w.put(r, 1, number, fmt="0", align="right", size=NOTE)
        w.put(r, 2, text, wrap=True, align="left", size=NOTE)
        ws.row_dimensions[r].height = row_height(text_lines(text, widths[1], NOTE), NOTE)
    ws.freeze_panes = "A2"
    print_setup(ws, lang, last_col=2, last_row=len(report.sources) + 1, landscape=False, title_rows="1:1")


# --------------------------------------------------------------------------- the workbook

def with_cached_values(data: bytes, cached: list[Cached]) -> bytes:
    """The saved workbook with each formula's computed value written next to it (``<v>``), sheet
    by sheet in workbook order, so readers that do not recalculate see the numbers too."""
    if not any(cached):
        return data
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
            values = cached[int(m.group(1)) - 1] if m and int(m.group(1)) <= len(cached) else {}
            if values:
                xml = body.decode("utf-8")
                for ref, value in values.items():
                    if value is None:
                        continue
                    number = repr(float(value)) if isinstance(value, float) else str(value)
                    xml = re.sub(rf'(<c r="{ref}"[^>]*>)<f>([^<]*)</f>(?:<v\s*/>|<v>\s*</v>)?',
                                 lambda mm, n=number: f"{mm.group(1)}<f>{mm.group(2)}</f><v>{n}</v>", xml, count=1)
                body = xml.encode("utf-8")
            dst.writestr(info, body)
    return out.getvalue()


def render(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    lang = report.lang
    wb = Workbook()
    wb._named_styles["Normal"].font = Font(name=FONT, size=BODY)  # empty cells too
    taken: set[str] = set()
    summary = wb.active
    summary.title = sheet_name(t("heading_headline", lang), taken)
    _summary_sheet(summary, report)
    cached: list[Cached] = [{}]
    for n, tb in enumerate(report.tables, start=1):
        short = t(SHEET_KEYS[tb.key], lang) if tb.key in SHEET_KEYS else plain_title(tb.title, lang)
        cached.append(_table_sheet(wb.create_sheet(sheet_name(f"{n} {short}", taken)), report, n - 1))
    if report.extra.get("inputs"):
        _inputs_sheet(wb.create_sheet(sheet_name(t("sheet_inputs", lang), taken)), report)
        cached.append({})
    if report.sources:
        _sources_sheet(wb.create_sheet(sheet_name(t("office_sheet_sources", lang), taken)), report)
        cached.append({})
    wb.properties.title = doc_title(report.title)
    wb.properties.creator = "aldlan-model"
    buf = io.BytesIO()
    wb.save(buf)
    return with_cached_values(buf.getvalue(), cached)


__all__ = ["render", "sheet_name", "number_format", "split_figure", "total_formula"]
