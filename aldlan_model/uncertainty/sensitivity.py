"""One-at-a-time sensitivity: each ranged input at its low and at its high end, every other
input at its point value, all in one engine call per structure (a table of 2 x k + 1 rows).

Each input's *swing* is ``|metric at high - metric at low|``; inputs are ranked by swing,
largest first (ties keep the order of the parameter table). Beside the full-precision values, each
end and the point value is also kept in whole euros from its own rounded ledger (MODEL.md §4.1):
the euro ``aldlan run --set PATH=LOW`` shows, which is what the report shows. The metric is read in the
report year: ``year`` if given, else the target year (for the rows that move
``target.year`` itself, the target year of that row). For a plan the metric is the plan's
total and the inputs are those of :mod:`.rooms`: an input shared by every room moves in all
of them at once, a room's own input in that room only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from aldlan_model.i18n.messages import msg
from aldlan_model.model.errors import UsageError
from aldlan_model.uncertainty import rooms as rooms_mod
from aldlan_model.uncertainty.draws import Spec
from aldlan_model.uncertainty.simulate import check_year

METRICS = (
    "savings", "cumulative_savings", "result", "cost", "income", "subsidy", "baseline", "scenario",
    "savings_hard", "net_municipality", "financing_need",
)
"""Every metric is the figure in the report year, except ``financing_need`` (the organisation's
bridge financing at its worst moment over the whole period, MODEL.md §3.5)."""


@dataclass(frozen=True)
class Swing:
    """One input's effect: the metric with the input at its low and at its high end."""

    spec: Spec
    at_low: float
    at_high: float
    low_euros: int | None = None  # the figure at the low end in whole euros, as `aldlan run --set PATH=LOW` shows it
    high_euros: int | None = None

    @property
    def swing(self) -> float:
        return abs(self.at_high - self.at_low)


@dataclass
class Sensitivity:
    metric: str
    year: int
    base: float  # the metric with every input at its point value
    swings: list[Swing]  # largest swing first
    base_euros: int | None = None  # the base in whole euros: what `aldlan run` shows (its rounded ledger)


def _grouped(specs: list[Spec]) -> list[tuple[Spec, list[Spec]]]:
    """One entry per input: a dated input's keys (``costs.housing@2020``, ``@2022``) are one input
    (MODEL.md §3.9), shown as its first ranged key's spec with the input's own path."""
    out: dict[str, list[Spec]] = {}
    for spec in specs:
        out.setdefault(spec.path.partition("@")[0], []).append(spec)
    return [(replace(members[0], path=base) if len(members) > 1 else members[0], members)
            for base, members in out.items()]


def check_metric(metric: str) -> None:
    if metric not in METRICS:
        raise UsageError(msg("sens_unknown_metric", metric=repr(metric), choices=", ".join(METRICS)))


def sensitivity(scenario: Any, year: int | None = None, metric: str = "savings", *,
                doc_data: Any = None) -> Sensitivity:
    """Tornado data for ``metric`` in ``year`` (default: the target year) of a scenario, a plan or a
    built :class:`~aldlan_model.uncertainty.rooms.Model`; see the module doc."""
    check_metric(metric)
    model = scenario if isinstance(scenario, rooms_mod.Model) else rooms_mod.build(scenario, doc_data)
    check_year(model, year)
    groups = _grouped(model.specs)
    k = len(groups)
    n = 2 * k + 1  # row 2k: everything at its point value
    drawn = {}
    for i, (_, members) in enumerate(groups):
        for spec in members:  # a dated input (v3): every year's range at its low, then at its high, together
            col = np.full(n, spec.point)
            col[2 * i], col[2 * i + 1] = spec.low, spec.high
            drawn[spec.path] = col
    values = rooms_mod.evaluate(model, n, drawn, year, figures=(metric,))[metric]
    euros = rooms_mod.ledger_figures(model, n, drawn, year, figures=(metric,))[metric]
    swings = [Swing(spec, float(values[2 * i]), float(values[2 * i + 1]), euros[2 * i], euros[2 * i + 1])
              for i, (spec, _) in enumerate(groups)]
    order = sorted(range(k), key=lambda i: -swings[i].swing)  # sorted() is stable: ties keep table order
    return Sensitivity(metric, int(year) if year is not None else model.target_year,
                       float(values[2 * k]), [swings[i] for i in order], euros[2 * k])
