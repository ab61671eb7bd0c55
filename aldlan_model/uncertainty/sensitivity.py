"""One-at-a-time sensitivity: each ranged input at its low and at its high end, every other
input at its point value, all in one engine call (a table of 2 x k rows).

Each input's *swing* is ``|metric at high - metric at low|``; inputs are ranked by swing,
largest first (ties keep the order of the parameter table). The metric is read in the
report year: ``year`` if given, else the target year (for the rows that move
``target.year`` itself, the target year of that row).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aldlan_model.engine import compute
from aldlan_model.errors import UsageError
from aldlan_model.params import Structure, point_table
from aldlan_model.scenario import Scenario
from aldlan_model.uncertainty.draws import Spec, specs
from aldlan_model.uncertainty.simulate import check_year

METRICS = ("savings", "cumulative_savings", "result", "cost", "income", "subsidy", "baseline", "scenario")


@dataclass(frozen=True)
class Swing:
    """One input's effect: the metric with the input at its low and at its high end."""

    spec: Spec
    at_low: float
    at_high: float

    @property
    def swing(self) -> float:
        return abs(self.at_high - self.at_low)


@dataclass
class Sensitivity:
    metric: str
    year: int
    base: float  # the metric with every input at its point value
    swings: list[Swing]  # largest swing first


def check_metric(metric: str) -> None:
    if metric not in METRICS:
        raise UsageError(f"unknown metric {metric!r}; choose one of: {', '.join(METRICS)}")


def sensitivity(scenario: Scenario, year: int | None = None, metric: str = "savings") -> Sensitivity:
    """Tornado data for ``metric`` in ``year`` (default: the target year); see the module doc."""
    check_metric(metric)
    check_year(scenario, year)
    uncertain = specs(scenario)
    k = len(uncertain)
    table = point_table(scenario, 2 * k + 1)  # row 2k: everything at its point value
    for i, spec in enumerate(uncertain):
        col = table.columns.get_loc(spec.path)
        table.iloc[2 * i, col] = spec.low
        table.iloc[2 * i + 1, col] = spec.high
    result = compute(table, Structure.of(scenario))
    if year is not None:
        idx = np.full(len(table), int(year) - scenario.first)
    else:
        idx = np.clip(table["target.year"].to_numpy(float) - scenario.first, 0, len(result.years) - 1)
    values = result.lines[metric][np.arange(len(table)), idx.astype(np.intp)]
    swings = [Swing(spec, float(values[2 * i]), float(values[2 * i + 1])) for i, spec in enumerate(uncertain)]
    order = sorted(range(k), key=lambda i: -swings[i].swing)  # sorted() is stable: ties keep table order
    return Sensitivity(metric, int(year) if year is not None else scenario.target_year,
                       float(values[2 * k]), [swings[i] for i in order])
