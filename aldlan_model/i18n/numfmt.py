"""Locale-aware number formatting for reports, through Babel only.

Every value is first rounded *half away from zero* with :class:`decimal.Decimal`
(``0.5 → 1``, ``-0.5 → -1``, ``2.5 → 3``); Babel only lays out the already-rounded
number, so its own half-even rounding never comes into play. Floats are converted
through their shortest ``repr`` (``2.675`` rounds to ``2.68``, as a reader expects).

Patterns are fixed here per language, symbols (``.``/``,``, ``€``, minus) come from
the Babel locale. Dutch currency uses a no-break space (U+00A0) after ``€``, as
CLDR nl_NL does: ``€\\u00a03.600.000``. Negative amounts: ``€\\u00a0-12.345`` (nl),
``-€12,345`` (en). Dutch percentages have a no-break space before ``%``
(``12,5\u00a0%``), as the Taalunie advises and our style guide asks; English has none.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from numbers import Integral, Real

from babel.numbers import format_currency, format_decimal, format_percent

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
"""Report language → Babel locale."""

_MONEY_PATTERNS = {  # positive;negative, as CLDR nl_NL / en_GB, with our own decimals
    "nl": "¤\u00a0#,##0{frac};¤\u00a0-#,##0{frac}",
    "en": "¤#,##0{frac};-¤#,##0{frac}",
}
_CTX = Context(prec=400, rounding=ROUND_HALF_UP)  # room for any finite float, in Babel too
_MAX_DECIMALS = 10


def _locale(lang: str) -> str:
    try:
        return LOCALES[lang]
    except KeyError:
        choices = ", ".join(LOCALES)
        raise ValueError(f"unknown report language {lang!r}; use one of: {choices}") from None


def _frac(decimals: int) -> str:
    valid = isinstance(decimals, int) and not isinstance(decimals, bool)
    if not valid or not 0 <= decimals <= _MAX_DECIMALS:
        raise ValueError(f"decimals must be an integer from 0 to {_MAX_DECIMALS}, got {decimals!r}")
    return "." + "0" * decimals if decimals else ""


def _to_decimal(x: Real | Decimal) -> Decimal:
    """Exact-as-written Decimal of a number; rejects NaN and infinities."""
    if isinstance(x, Decimal):
        d = x
    elif isinstance(x, Integral):
        d = Decimal(int(x))
    else:
        f = float(x)
        if not math.isfinite(f):
            raise ValueError(f"cannot format a non-finite number: {x!r}")
        d = Decimal(repr(f))
    if not d.is_finite():
        raise ValueError(f"cannot format a non-finite number: {x!r}")
    return d


def round_half_up(x: Real | Decimal, decimals: int = 0) -> Decimal:
    """Round half away from zero to ``decimals`` places; never returns ``-0``."""
    _frac(decimals)
    q = _to_decimal(x).quantize(Decimal(1).scaleb(-decimals), context=_CTX)
    return q.copy_abs() if q.is_zero() else q


def money(x: Real | Decimal, lang: str = "nl", decimals: int = 0) -> str:
    """Euro amount: nl ``€ 3.600.000`` (no-break space), en ``€3,600,000``.

    Use ``decimals=2`` for tariffs: nl ``€ 30,51``, en ``€30.51``.
    """
    loc, frac = _locale(lang), _frac(decimals)
    pattern = _MONEY_PATTERNS[lang].format(frac=frac)
    value = round_half_up(x, decimals)
    with localcontext(_CTX):  # Babel quantizes in the current context (default precision 28)
        return format_currency(value, "EUR", format=pattern, locale=loc, currency_digits=False)


def percent(x: Real | Decimal, lang: str = "nl", decimals: int = 1) -> str:
    """Fraction as percentage: ``0.125`` → nl ``12,5\u00a0%`` (no-break space), en ``12.5%``."""
    loc = _locale(lang)
    pattern = "#,##0" + _frac(decimals) + ("\u00a0%" if lang == "nl" else "%")
    value = round_half_up(_to_decimal(x).scaleb(2), decimals).scaleb(-2)
    with localcontext(_CTX):
        return format_percent(value, format=pattern, locale=loc)


def number(x: Real | Decimal, lang: str = "nl", decimals: int = 0) -> str:
    """Grouped number with fixed decimals: nl ``1.234,5``, en ``1,234.5``."""
    loc, pattern = _locale(lang), "#,##0" + _frac(decimals)
    value = round_half_up(x, decimals)
    with localcontext(_CTX):
        return format_decimal(value, format=pattern, locale=loc)


def year(y: Real | Decimal) -> str:
    """A year, never with group separators: ``2021``."""
    try:
        whole = (
            isinstance(y, Real | Decimal) and not isinstance(y, bool) and _to_decimal(y) % 1 == 0
        )
    except ValueError:  # NaN, infinities
        whole = False
    if not whole:
        raise ValueError(f"a year must be a whole number, got {y!r}")
    return str(int(y))


def round_euros(values: Iterable[Real | Decimal]) -> list[int]:
    """Round each value to whole euros, half away from zero."""
    return [int(round_half_up(v)) for v in values]


def rounded_with_total(values: Iterable[Real | Decimal]) -> tuple[list[int], int]:
    """Rounded parts and their sum, so a displayed total equals the sum of the displayed rows."""
    parts = round_euros(values)
    return parts, sum(parts)


def by_kind(kind: str, x: float, lang: str = "nl", decimals: int | None = None) -> str:
    """An input's value as a reader expects it by its kind: 2021 (year), 36 (int), € 31,24 (money),
    8,50% (fraction), 13,27 (number); ``decimals`` overrides the default of 2."""
    if kind == "year":
        return str(int(x))
    if kind == "int":
        return number(x, lang, 0)
    if kind == "money":
        return money(x, lang, 2 if decimals is None else decimals)
    if kind == "fraction":
        return percent(x, lang, 2 if decimals is None else max(0, decimals - 2))
    return number(x, lang, 2 if decimals is None else decimals)
