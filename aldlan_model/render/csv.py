"""Render a :class:`Report` as CSV that a spreadsheet opens directly.

Dutch (``nl``): ``;`` between fields and a decimal comma, which is what Excel and
LibreOffice expect with Dutch regional settings; English (``en``): ``,`` and a decimal
point. Numbers are unrounded (``Row.raw`` where the report keeps it), without thousands
separators or currency signs, so they arrive as numbers; fractions (percentages) stay
fractions (``0.125``); money keeps its cents. Layout: a block per table (caption line, header, rows, blank line)
after a summary block, then the warnings and the source line. Files get a UTF-8
byte-order mark so Excel shows ``€`` and ``ë`` correctly (added by ``output.emit``).
"""

from __future__ import annotations

import csv
import io
import math
from decimal import Decimal
from typing import Any

from aldlan_model.i18n.labels import t
from aldlan_model.ledger.report import Report
from aldlan_model.render.safetext import SafeCsvWriter
from aldlan_model.tables.parts import sheet_value

DELIMITERS = {"nl": ";", "en": ","}
DECIMAL_MARKS = {"nl": ",", "en": "."}
MONEY_KINDS = ("money", "money2")


def number_text(x: Any, lang: str, kind: str = "number") -> str:
    """A number in plain notation with the language's decimal mark: ``1234,5`` (nl).

    Money keeps its cents (``54160.99999999999`` → ``54161``, floating-point noise
    dropped), other numbers twelve significant digits."""
    if x is None or isinstance(x, bool):
        return "" if x is None else str(int(x))
    if isinstance(x, str):
        return x
    if isinstance(x, int):
        return str(x)
    f = float(x)
    if not math.isfinite(f):
        return ""
    f = round(f, 2) if kind in MONEY_KINDS else float(f"{f:.12g}")
    if f.is_integer() and abs(f) < 2**53:
        return str(int(f))
    text = format(Decimal(repr(f)), "f")
    return text.replace(".", DECIMAL_MARKS[lang])


def render(report: Report) -> str:
    lang = report.lang
    buf = io.StringIO()
    w = SafeCsvWriter(csv.writer(buf, delimiter=DELIMITERS[lang], lineterminator="\r\n"))  # text never a formula
    w.writerow([report.title])
    if report.subtitle:
        w.writerow([report.subtitle])
    w.writerow([])
    if report.headline:
        w.writerow([t("heading_headline", lang)])
        for label, value in report.headline:
            w.writerow([label, value])
        w.writerow([])
    for tb in report.tables:
        w.writerow([tb.title])
        w.writerow([tb.label_header, *tb.columns])
        for row in tb.rows:
            w.writerow([row.label, *(number_text(sheet_value(row, ci), lang, tb.kind(row, ci))
                                     for ci in range(len(row.values)))])
        for note in tb.notes:
            w.writerow([note])
        w.writerow([])
    w.writerow([t("heading_warnings", lang)])
    for warning in report.warnings or [t("no_warnings", lang)]:
        w.writerow([warning])
    w.writerow([])
    w.writerow([report.source_line])
    if report.sources:
        w.writerow([])
        w.writerow([t("heading_sources", lang)])
        for line in report.sources:
            w.writerow([line])
    return buf.getvalue()
