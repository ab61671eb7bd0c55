"""The figures ``solve`` and ``sweep`` aim at: one number per variant in one year."""

from __future__ import annotations

import difflib

import numpy as np

from aldlan_model.engine.lines import Result
from aldlan_model.engine.params import Structure
from aldlan_model.i18n.messages import msg
from aldlan_model.model.errors import UsageError

METRICS = (
    "savings", "cumulative_savings", "result", "cost", "income", "subsidy", "baseline", "scenario", "share",
    "savings_hard", "net_municipality", "cumulative_net_municipality", "organisation_result", "cumulative_result",
    "cash", "cumulative_cash",
)
"""``share`` is savings / target.amount; every other metric is a money line of the run JSON (the running sums
``cumulative_*`` up to and including the year asked)."""

AT_LEAST, AT_MOST = "at_least", "at_most"
GOAL_SIDE = {metric: AT_LEAST for metric in METRICS} | {m: AT_MOST for m in ("cost", "subsidy", "baseline", "scenario")}
"""Which side of a goal counts as reaching it: savings, share, result and income should be at least
the goal; the operator's costs, the subsidy and municipal spending at most the goal."""

MONEY_TOLERANCE = 0.005  # half a cent: a money goal is met "to the cent"
SHARE_TOLERANCE = 1e-9


def check_metric(metric: str) -> str:
    if metric in METRICS:
        return metric
    near = difflib.get_close_matches(metric, METRICS, n=1)
    hint = msg("did_you_mean_paren", hint=near[0]) if near else ""
    raise UsageError(msg("an_unknown_metric", metric=repr(metric), hint=hint, choices=", ".join(METRICS)))


def tolerance(metric: str) -> float:
    return SHARE_TOLERANCE if metric == "share" else MONEY_TOLERANCE


def meets(values: np.ndarray | float, goal: float, side: str, tol: float) -> np.ndarray:
    """Whether each value reaches ``goal`` from ``side`` (to within ``tol``: a cent for money)."""
    values = np.asarray(values, dtype=float)
    return values >= goal - tol if side == AT_LEAST else values <= goal + tol


def check_year(structure: Structure, year: int | None) -> int | None:
    if year is not None and not structure.first <= year <= structure.last:
        raise UsageError(msg("an_year_outside", year=year, first=structure.first, last=structure.last))
    return year


def metric_values(result: Result, metric: str, year: int | None = None) -> np.ndarray:
    """``metric`` for every variant in ``year``, or in each variant's own target year when None."""
    n = result.n
    first = result.structure.first
    years = result.target["year"] if year is None else np.full(n, int(year))
    idx = np.clip(np.asarray(years, dtype=int) - first, 0, len(result.years) - 1)
    rows = np.arange(n)
    if metric == "share":
        return result.lines["savings"][rows, idx] / result.target["amount"]
    return result.lines[metric][rows, idx]
