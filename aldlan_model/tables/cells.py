"""Format one table cell by its kind, in the report's language (through Babel)."""

from __future__ import annotations

import math
from typing import Any

from aldlan_model.i18n.numfmt import money, number, percent


def cell(value: Any, kind: str, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if kind == "text" or isinstance(value, str):
        return str(value)
    if isinstance(value, float) and math.isinf(value):
        return "∞"
    if kind == "money":
        return money(value, lang)
    if kind == "money2":
        return money(value, lang, decimals=2)
    if kind == "percent":
        return percent(value, lang)
    if kind == "number1":
        return number(value, lang, 1)
    if kind == "number2":
        return number(value, lang, 2)
    if kind == "year":
        return str(int(value))
    if kind == "int":
        return number(value, lang, 0)
    return number(value, lang, 0)
