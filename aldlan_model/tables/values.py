"""Input values as a reader expects them, shared by the solve, sweep and uncertainty tables."""

from __future__ import annotations

from typing import Any

from aldlan_model.i18n.labels_inputs import input_kind
from aldlan_model.i18n.numfmt import by_kind


def decimals_needed(values: Any, most: int = 4) -> int:
    """The fewest decimals (up to ``most``) that show every value exactly: 0.25 → 2, 10 → 0."""
    vals = [float(v) for v in values]
    for d in range(most + 1):
        if all(abs(round(v, d) - v) <= 1e-9 * max(1.0, abs(v)) for v in vals):
            return d
    return most


def value_text(path: str, x: float | None, lang: str, decimals: int | None = None) -> str | None:
    """A value of an input as a reader expects it: 2021, 36, € 31,24, 8,5%, 13,27."""
    if x is None:
        return None
    return by_kind(input_kind(path), x, lang, decimals)
