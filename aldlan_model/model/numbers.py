"""The sourced / ranged number: the one first-class type for every number in a scenario.

A scenario may write any number as a bare number (``30.51``) or as a mapping that adds a
source or a range: ``{value, source}``, ``{low, high}`` (uniform) or ``{low, mode, high}``
(triangular). :class:`Num` keeps all of it; :attr:`Num.point` is the value a deterministic
run uses (``mode``, else ``value``, else the midpoint of ``low`` and ``high``).
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    RootModel,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

from aldlan_model.i18n.messages import L, msg, template

MAX_MAGNITUDE = 1e12
"""No number in a scenario is larger (a trillion euros); the engine's products stay finite."""
MIN_MAGNITUDE = 1e-9
"""Non-zero numbers are at least this large, so no division in the engine can overflow."""
MAX_COUNT = 1e7
"""Counts of people (participants, volunteers, FTE) per buurtkamer are at most ten million."""

def fmt_number(x: Any) -> str:
    """Show a number in an error message the way a user wrote it (3, not 3.0)."""
    if isinstance(x, bool) or not isinstance(x, int | float):
        return repr(x)
    if isinstance(x, float) and math.isfinite(x) and x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(x) if isinstance(x, float) else str(x)


def _big_int(x: int) -> str:
    """A huge whole number in a message: 1.000e+30, or its length (10**400 overflows a float)."""
    if abs(x) < 10**21:
        return str(x)
    if abs(x) < 10**300:
        return f"{x:.3e}"
    digits = int(abs(x).bit_length() * 0.30103) + 1  # str() of 4,300+ digits raises ValueError
    return msg("num_digits", digits=f"{digits:,}")


def _plain(t: str) -> str | None:
    """A number written the Dutch way (``9.000``, ``1.800,50``, ``0,3``) the way YAML reads it."""
    import re

    t = t.replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", t):
        return t.replace(".", "").replace(",", ".")
    if re.fullmatch(r"-?\d+,\d+", t):
        return t.replace(",", ".")
    if re.fullmatch(r"-?\d+(\.\d+)?", t):
        return t
    return None


def fraction_text(pct: float) -> str:
    """30 → '0.30', 2 → '0.02', 12.5 → '0.125': a percentage as the fraction a scenario takes."""
    x = pct / 100
    two = f"{x:.2f}"
    return two if abs(float(two) - x) < 1e-12 else fmt_number(x)


def _text_hint(text: str) -> str:
    """What a Dutch writer probably meant by a number written as text."""
    import re

    t = text.strip()
    ratio = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*/\s*(\d+(?:[.,]\d+)?)", t)
    if ratio and float(ratio.group(2).replace(",", ".")) > 0:
        value = float(ratio.group(1).replace(",", ".")) / float(ratio.group(2).replace(",", "."))
        return msg("hint_ratio", value=fmt_number(round(value, 3)))
    if t.endswith("%") or t.startswith("%"):
        plain = _plain(t.strip("% "))
        if plain is not None:
            pct = float(plain)
            return msg("hint_percent", pct=fmt_number(pct), fraction=fraction_text(pct))
    if "€" in t or t.upper().startswith("EUR"):
        bare = re.sub(r"^(€|EUR)\s*|\s*(€|EUR)$", "", t, flags=re.IGNORECASE).rstrip(",-").strip()
        plain = _plain(bare)
        if plain is not None:
            return msg("hint_euro", plain=fmt_number(float(plain)))
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", t):
        return msg("hint_thousands", plain=t.replace(".", "").replace(",", "."))
    if re.fullmatch(r"-?\d+,\d+", t):
        return msg("hint_decimal_comma", plain=t.replace(",", "."))
    if re.fullmatch(r"-?\d+(\.\d+)?", t):
        return msg("hint_quotes", plain=t)
    return ""


def strict_number(x: Any) -> float:
    """Accept ints and floats only: no booleans, no quoted numbers, nothing infinite."""
    if isinstance(x, bool):
        raise PydanticCustomError("number_type", template("num_yesno_value"), {"raw": x})
    if isinstance(x, str):
        raise PydanticCustomError(
            "number_type", template("num_text"), {"raw": repr(x), "hint": _text_hint(x)}
        )
    if not isinstance(x, int | float):
        kind = str(L("een lijst", "a list") if isinstance(x, list) else L("sleutels met waarden", "a mapping")
                   if isinstance(x, dict) else L("niets", "nothing") if x is None else type(x).__name__)
        raise PydanticCustomError("number_type", template("num_kind"), {"kind": kind})
    if isinstance(x, int) and abs(x) > MAX_MAGNITUDE:  # before float(): 10**400 would overflow
        raise PydanticCustomError("number_range", template("num_too_large"), {"raw": _big_int(x)})
    x = float(x)
    if not math.isfinite(x):
        raise PydanticCustomError("number_finite", template("num_finite"), {"raw": fmt_number(x)})
    if abs(x) > MAX_MAGNITUDE:
        raise PydanticCustomError("number_range", template("num_too_large"), {"raw": fmt_number(x)})
    if 0 < abs(x) < MIN_MAGNITUDE:
        raise PydanticCustomError(
            "number_range",
            template("num_too_small"),
            {"raw": fmt_number(x)},
        )
    return x


Float = Annotated[float, BeforeValidator(strict_number)]


class Num(BaseModel):
    """A number with an optional source and an optional range (uniform or triangular)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: Float | None = None
    low: Float | None = None
    mode: Float | None = None
    high: Float | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _shape(self) -> Num:
        has_range = self.low is not None or self.high is not None
        if has_range and (self.low is None or self.high is None):
            raise PydanticCustomError("num_shape", template("range_both"), {})
        if self.mode is not None and not has_range:
            raise PydanticCustomError("num_shape", template("mode_needs_range"), {})
        if self.value is None and not has_range:
            raise PydanticCustomError("num_shape", template("num_needs_value"), {})
        if has_range:
            if self.low > self.high:
                raise PydanticCustomError(
                    "num_order",
                    template("low_high"),
                    {"low": fmt_number(self.low), "high": fmt_number(self.high)},
                )
            if self.mode is not None and not self.low <= self.mode <= self.high:
                raise PydanticCustomError(
                    "num_order",
                    template("mode_between"),
                    {
                        "low": fmt_number(self.low),
                        "mode": fmt_number(self.mode),
                        "high": fmt_number(self.high),
                    },
                )
        return self

    @property
    def point(self) -> float:
        """The value of a deterministic run: mode, else value, else (low + high) / 2."""
        if self.mode is not None:
            return self.mode
        if self.value is not None:
            return self.value
        return (self.low + self.high) / 2  # type: ignore[operator]

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None and self.low < self.high

    @property
    def distribution(self) -> str | None:
        """'uniform', 'triangular' or None for a fixed number."""
        if not self.is_range:
            return None
        return "triangular" if self.mode is not None else "uniform"

    def numbers(self) -> list[tuple[str, float]]:
        """Every number written, with its name, for bound checks."""
        return [
            (name, v)
            for name in ("value", "low", "mode", "high")
            if (v := getattr(self, name)) is not None
        ]

    @classmethod
    def of(cls, x: float, source: str | None = None) -> Num:
        return cls(value=x, source=source)


def is_year_key(k: Any) -> bool:
    """A key of a dated mapping (MODEL.md §2.11): a whole number (``2022``, or the text ``"2022"``)."""
    if isinstance(k, bool):
        return False
    return isinstance(k, int) or (isinstance(k, str) and k.strip().isascii() and k.strip().isdigit())


def looks_dated(x: Any) -> bool:
    """A mapping written as a year-by-year value: some key is a year (an empty mapping is not)."""
    return isinstance(x, dict) and any(is_year_key(k) for k in x)


def _coerce(x: Any) -> Any:
    if isinstance(x, Num):
        return x
    if isinstance(x, dict):
        if looks_dated(x):  # a year-by-year value where only one number may stand
            raise PydanticCustomError("dated_not_here", template("dated_not_here"), {})
        return x
    return {"value": strict_number(x)}


def bounded(
    ge: float | None = None,
    le: float | None = None,
    gt: float | None = None,
    lt: float | None = None,
    whole: bool = False,
) -> AfterValidator:
    """An after-validator checking every number of a :class:`Num` against bounds."""

    def check(n: Num) -> Num:
        for name, v in n.numbers():
            prefix = "" if name == "value" else f"{name} "
            if whole and not float(v).is_integer():
                raise PydanticCustomError(
                    "whole", template("whole"), {"p": prefix, "v": fmt_number(v)}
                )
            for bound, ok, sign in (
                (ge, lambda a, b: a >= b, "≥"),
                (gt, lambda a, b: a > b, ">"),
                (le, lambda a, b: a <= b, "≤"),
                (lt, lambda a, b: a < b, "<"),
            ):
                if bound is not None and not ok(v, bound):
                    hint = ""
                    if sign in ("≤", "<") and bound <= 1.5 and v > bound and 2 <= v <= 100:  # a % for a fraction
                        hint = msg("hint_fraction", pct=fmt_number(v), fraction=fraction_text(v))
                    raise PydanticCustomError(
                        "bound",
                        template("bound"),
                        {"p": prefix, "sign": sign, "b": fmt_number(bound), "v": fmt_number(v), "hint": hint},
                    )
        return n

    return AfterValidator(check)


_INPUT = BeforeValidator(_coerce, json_schema_input_type=float | Num)

NumAny = Annotated[Num, _INPUT]
NonNeg = Annotated[Num, _INPUT, bounded(ge=0)]
Positive = Annotated[Num, _INPUT, bounded(gt=0)]
Fraction = Annotated[Num, _INPUT, bounded(ge=0, le=1)]
Year = Annotated[Num, _INPUT, bounded(ge=1900, le=2200, whole=True)]
Count = Annotated[Num, _INPUT, bounded(ge=0, le=MAX_COUNT)]


def num_type(**bounds: Any) -> Any:
    """A Num annotated with the given bounds (see :func:`bounded`)."""
    return Annotated[Num, _INPUT, bounded(**bounds)]


# ---------------------------------------------------------------------------------------------
# Dated values (MODEL.md §2.11, v3): a mapping from year to value, the value in force from that year on.

MIN_YEAR, MAX_YEAR = 1900, 2200
YearKey = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]
DATED_TAG, NUM_TAG = "dated-value", "number-value"


class DatedBase(RootModel):
    """A dated value: ``{year: number}``, each number a :class:`Num` (bare, sourced or ranged).

    ``items()`` gives ``(year, Num)`` in year order. ``point`` (the first key's point value),
    ``source`` (None) and ``is_range`` make it usable where one number is shown; the engine
    reads it year by year (MODEL.md §3.9).
    """

    model_config = ConfigDict(frozen=True)

    @model_validator(mode="after")
    def _not_empty(self) -> DatedBase:
        if not self.root:
            raise PydanticCustomError("dated_empty", template("dated_empty"), {})
        return self

    def items(self) -> list[tuple[int, Num]]:
        return sorted(self.root.items())

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted(self.root))

    @property
    def point(self) -> float:
        return self.items()[0][1].point

    @property
    def source(self) -> str | None:
        return None

    @property
    def is_range(self) -> bool:
        return any(n.is_range for _, n in self.items())

    @property
    def distribution(self) -> str | None:
        return None

    def numbers(self) -> list[tuple[str, float]]:
        return [pair for _, n in self.items() for pair in n.numbers()]

    def at(self, year: int) -> tuple[int, Num]:
        """(k, v_k): the largest key ≤ ``year``, or the first key (MODEL.md §3.9)."""
        chosen = self.items()[0]
        for k, n in self.items():
            if k <= year:
                chosen = (k, n)
        return chosen


_DATED_SCHEMA = {
    "minProperties": 1,
    "propertyNames": {"anyOf": [
        {"type": "string", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)$"},
        {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
    ]},
    "description": "Year by year (MODEL.md §2.11): {year: value}, the value in force from that year on",
}


def _dated_kind(x: Any) -> str:
    if isinstance(x, DatedBase) or (isinstance(x, dict) and (not x or looks_dated(x))):
        return DATED_TAG
    return NUM_TAG


def dated_model(value: Any, name: str) -> type[DatedBase]:
    """The model of a dated mapping whose values are of type ``value`` (a bounded :class:`Num` type)."""
    return type(name, (DatedBase,), {
        "__annotations__": {"root": dict[YearKey, value]},
        "model_config": ConfigDict(frozen=True, json_schema_extra=_DATED_SCHEMA),
        "__module__": __name__,
    })


def dated_type(plain: Any, name: str, value: Any = None) -> Any:
    """``plain`` (a bounded :class:`Num` type) or a dated mapping of it (``value``: the type of each year's value)."""
    model = dated_model(value if value is not None else plain, name)
    return Annotated[Annotated[plain, Tag(NUM_TAG)] | Annotated[model, Tag(DATED_TAG)], Discriminator(_dated_kind)]

DatedMoney = dated_model(NonNeg, "DatedMoney")
Money = Annotated[Annotated[NonNeg, Tag(NUM_TAG)] | Annotated[DatedMoney, Tag(DATED_TAG)], Discriminator(_dated_kind)]
"""A money input that may be dated (MODEL.md §2.11): a number ≥ 0, or ``{year: number ≥ 0}``."""
Rate = dated_type(Fraction, "DatedRate")
"""An indexation rate that may be dated: a fraction, or ``{year: fraction}``."""


def nfc(text: str) -> str:
    """A name as compared: in Unicode normal form C ("Aldlân" composed or decomposed is one name)."""
    import unicodedata

    return unicodedata.normalize("NFC", text)
