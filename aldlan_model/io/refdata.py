"""Reference facts with their sources (MODEL.md section 5), read through the typed path.

The YAML files in ``aldlan_model/data/`` are parsed by the same reader as scenarios (line
numbers, duplicate keys, no YAML surprises) and validated by pydantic models that use the
same :class:`Num` type, so every value keeps its source.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from aldlan_model.io.yamlsrc import parse, read_text
from aldlan_model.model.errors import Problem, ScenarioError
from aldlan_model.model.numbers import NonNeg, Year

DATA = Path(__file__).parent.parent / "data"


class Span(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_: Year
    to: Year
    amount: NonNeg


class YearTable(BaseModel):
    """A value per year, given as spans of years."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    unit: str
    source: str
    values: list[Span]

    def value(self, year: int) -> float:
        """The value in ``year``; clamped to the first/last span outside the table."""
        return float(self.values_for(np.array([year]))[0])

    def values_for(self, years: np.ndarray) -> np.ndarray:
        starts = np.array([s.from_.point for s in self.values])
        amounts = np.array([s.amount.point for s in self.values])
        idx = np.clip(np.searchsorted(starts, years, side="right") - 1, 0, len(starts) - 1)
        return amounts[idx]


@cache
def load_table(name: str) -> YearTable:
    path = DATA / f"{name}.yaml"
    shown = f"aldlan_model/data/{name}.yaml"
    data, _ = parse(read_text(path, shown), shown)
    for item in data.get("values", []):
        if isinstance(item, dict) and "from" in item:
            item["from_"] = item.pop("from")
    try:
        return YearTable.model_validate(data)
    except ValidationError as exc:  # pragma: no cover - shipped data is tested
        raise ScenarioError(
            [Problem(shown, None, None, ".".join(map(str, e["loc"])), e["msg"]) for e in exc.errors()]
        ) from None


def volunteer_allowance_max() -> YearTable:
    """Legal maximum vrijwilligersvergoeding per volunteer per year."""
    return load_table("vrijwilligersvergoeding")


def volunteer_allowance_hourly_max() -> YearTable:
    """Legal maximum vrijwilligersvergoeding per hour, volunteers aged 23 or older."""
    return load_table("vrijwilligersvergoeding_uur")


def abonnementstarief() -> YearTable:
    """Wmo abonnementstarief per month."""
    return load_table("abonnementstarief")
