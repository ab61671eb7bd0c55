"""``aldlan solve``: the value of one parameter at which a metric reaches a goal.

A goal is one-sided: ``savings=3600000`` means savings *at least* € 3.6 million; costs,
subsidy and spending goals mean *at most* (:data:`~aldlan_model.analysis.metrics.GOAL_SIDE`);
``METRIC>=VALUE`` or ``METRIC<=VALUE`` says so explicitly.

Method (every evaluation is one vectorised :func:`~aldlan_model.engine.room.compute` call):

1. Whole-number parameters (``locations``, ``period.start``, ``target.year``): evaluate every
   whole value within the bounds at once and take the run of values that reach the goal
   (around the current value); the answer is its boundary (:mod:`.solve_region`).
2. Others: evaluate a grid over the bounds (1,001 evenly spaced points near the current value,
   then geometrically up to the cap ``SEARCH_CAP`` for parameters without an upper bound) and
   take the first interval where the metric crosses the goal. Inside it, evaluate 1,001 points:
   where the metric is linear on the interval (it usually is: the model is piecewise linear)
   the answer is interpolated exactly; else the interval shrinks to the crossing and repeats.
   The grid also says on which side of the answer the goal is reached.
3. The answer goes back through the loader (``apply_overrides`` + ``validate_document``) and
   :func:`~aldlan_model.engine.room.run`; ``achieved`` is the metric of that run.

The figures a report names (at the answer, at the current value and at a whole number's neighbour) are
also kept as that run's rounded ledger shows them (``shown``, ``current_shown``, ``neighbour_shown``), so
they are the euros ``aldlan run`` shows for the same scenario.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from aldlan_model.analysis.metrics import (
    AT_LEAST,
    AT_MOST,
    GOAL_SIDE,
    check_metric,
    check_year,
    meets,
    metric_values,
    tolerance,
)
from aldlan_model.analysis.overrides import scenario_at
from aldlan_model.analysis.paths import Bounds, bounds, check_variable, column_of, generic
from aldlan_model.analysis.solve_region import Region, side_of, whole_answer, whole_hint
from aldlan_model.engine.lines import Result
from aldlan_model.engine.params import Structure, point_table
from aldlan_model.engine.room import compute, run
from aldlan_model.i18n.messages import current, grouped, msg
from aldlan_model.i18n.numfmt import money, number, percent
from aldlan_model.io.document import Document
from aldlan_model.ledger.rounded import ledger
from aldlan_model.model.errors import AldlanError, SolveError, UsageError, short
from aldlan_model.model.scenario import Scenario

SEARCH_CAP = 1e9  # parameters without an upper bound (counts, money, hours) are searched up to this
GRID = 1001
MAX_ROUNDS = 12


class Goal(NamedTuple):
    metric: str
    value: float
    side: str  # AT_LEAST or AT_MOST


@dataclass
class Solution:
    path: str
    metric: str
    goal: float
    side: str  # AT_LEAST: the metric should be at least the goal; AT_MOST: at most
    year: int
    value: float  # the answer (a whole number for whole-number parameters)
    achieved: float  # the metric at ``value``, from a validated run
    whole: bool  # the parameter takes whole numbers only
    exact: bool  # achieved equals the goal (to the cent)
    meets: bool  # achieved is on the goal's side (always, except at a jump past the goal)
    method: str  # 'whole', 'linear' (linear over the bounds), 'piecewise' or 'none' (met everywhere)
    region: Region | None  # the values around the answer that reach the goal; None: not one-sided
    neighbour: float | None  # whole numbers: the next value beyond the answer, which does not reach it
    neighbour_metric: float | None
    at_bound: str | None  # whole numbers: 'lowest' or 'highest' when the answer is a bound of the parameter
    whole_value: int | None  # for counts solved at a fraction: the whole number next to it that reaches the goal
    whole_side: str | None  # 'smallest' (whole_value and above reach it) or 'largest'
    current: float
    current_metric: float
    current_meets: bool
    scenario: Scenario
    result: Result
    # the figures as the tables show them: each run's rounded ledger (MODEL.md §4.1); None for the share
    shown: float | None = None  # at the answer
    current_shown: float | None = None  # at the current value: what `aldlan run` shows
    neighbour_shown: float | None = None  # at the neighbour: what `aldlan run --set PATH=NEIGHBOUR` shows


_GOAL = re.compile(r"^\s*([^<>=\s]*)\s*(>=|<=|=)(.*)$")


GOAL_LIMIT = 1e15
"""A goal beyond this (in euros, people or years) is no goal any scenario can reach."""


def parse_goal(text: str) -> Goal:
    """``result=0`` → ('result', 0.0, 'at_least'); ``cost<=50000`` → ('cost', 50000.0, 'at_most')."""
    m = _GOAL.match(text)
    if not m:
        raise UsageError(msg("an_goal_syntax", text=repr(text)))
    metric, op, raw = m.group(1), m.group(2), m.group(3).strip()
    metric = check_metric(metric)
    try:
        value = float(raw)
    except ValueError:
        raise UsageError(msg("an_goal_not_number", text=text, raw=repr(raw))) from None
    if not math.isfinite(value):
        raise UsageError(msg("an_goal_finite", text=short(text)))
    if abs(value) > GOAL_LIMIT:  # € 1e300 would be printed in full, 300 digits
        raise UsageError(msg("an_goal_magnitude", text=short(text), limit=grouped(int(GOAL_LIMIT))))
    side = {">=": AT_LEAST, "<=": AT_MOST}.get(op, GOAL_SIDE[metric])
    return Goal(metric, value, side)


class _Metric:
    """The metric as a function of the parameter, for many values at once."""

    def __init__(self, base: Scenario, path: str, metric: str, year: int | None):
        self.row = point_table(base)
        self.structure = Structure.of(base)
        self.path, self.metric, self.year = path, metric, year

    def __call__(self, xs: np.ndarray) -> np.ndarray:
        xs = np.asarray(xs, dtype=float)
        table = pd.DataFrame({c: np.full(len(xs), v) for c, v in self.row.iloc[0].items()})
        table[column_of(self.path)] = xs  # v3: one year of a dated input is its own column
        return metric_values(compute(table, self.structure), self.metric, self.year)


def _first_crossing(d: np.ndarray, tol: float) -> int | None:
    """Index of the first point on the other side of the goal than point 0 (or on it)."""
    hit = (np.abs(d) <= tol) | (np.sign(d) != np.sign(d[0]))
    return int(np.argmax(hit)) if hit.any() else None


def _is_linear(xs: np.ndarray, d: np.ndarray, tol: float) -> bool:
    line = d[0] + (d[-1] - d[0]) * (xs - xs[0]) / (xs[-1] - xs[0])
    return bool(np.max(np.abs(d - line)) <= tol / 10)


def _search_range(b: Bounds) -> tuple[float, float]:
    lo = b.lo + (max(abs(b.lo), 1.0) * 1e-9 if b.lo_open else 0.0)
    hi = b.hi if math.isfinite(b.hi) else SEARCH_CAP
    hi -= max(abs(hi), 1.0) * 1e-9 if b.hi_open else 0.0
    return lo, hi


def _grid(lo: float, hi: float, current: float) -> np.ndarray:
    near = min(hi, max(lo + 10.0, 4 * abs(current)))
    xs = np.linspace(lo, near, GRID)
    if hi > near:
        xs = np.concatenate([xs, np.geomspace(near, hi, 200)[1:]])
    return xs


def _plain(x: float) -> str:
    """A bound in an (English) error message: 1, 10,000, 0.5; at most 4 decimals."""
    decimals = next((d for d in range(5) if abs(round(x, d) - x) <= 1e-9 * max(1.0, abs(x))), 4)
    return number(x, current(), decimals)


def _no_solution(path: str, metric: str, goal: float, side: str, b: Bounds, m: np.ndarray) -> SolveError:
    def fmt(x: float) -> str:  # a plain space: messages are one line of plain text
        return (percent(x, current(), 2) if metric == "share" else money(x, current())).replace("\u00a0", " ")

    low = msg("an_above", x=_plain(b.lo)) if b.lo_open else msg("an_from", x=_plain(b.lo))
    if not math.isfinite(b.hi):
        high = msg("an_to_cap", x=_plain(SEARCH_CAP))
    else:
        high = msg("an_below", x=_plain(b.hi)) if b.hi_open else msg("an_to", x=_plain(b.hi))
    how = msg("an_at_least") if side == AT_LEAST else msg("an_at_most")
    return SolveError(msg("an_no_solution", path=path, low=low, high=high, metric=metric, how=how, goal=fmt(goal),
                          least=fmt(float(np.min(m))), most=fmt(float(np.max(m)))))


def _whole_values(b: Bounds) -> np.ndarray:
    lo = math.ceil(b.lo) + (1 if b.lo_open and float(b.lo).is_integer() else 0)
    hi = math.floor(min(b.hi, SEARCH_CAP))
    return np.arange(lo, hi + 1, dtype=float)


def _refine(f: _Metric, xs: np.ndarray, d: np.ndarray, i: int, goal: float, tol: float) -> float:
    """The crossing between grid points ``i - 1`` and ``i``: exact on a linear piece, else the jump."""
    if abs(d[i]) <= tol:
        return float(xs[i])
    a, z = float(xs[i - 1]), float(xs[i])
    for _ in range(MAX_ROUNDS):
        xs = np.linspace(a, z, GRID)
        d = f(xs) - goal
        if _is_linear(xs, d, tol):
            x = a - d[0] * (z - a) / (d[-1] - d[0])
            if abs(f([x])[0] - goal) <= tol:
                return float(min(max(x, a), z))
        i = _first_crossing(d, tol)
        if i is None or i == 0:  # pragma: no cover - the crossing lies inside [a, z] by construction
            break
        if abs(d[i]) <= tol:
            return float(xs[i])
        a, z = float(xs[i - 1]), float(xs[i])
        if z - a <= 1e-13 * max(1.0, abs(z)):
            break
    return _snap(f, a, z, goal, tol)  # the metric jumps past the goal here


def _snap(f: _Metric, a: float, z: float, goal: float, tol: float) -> float:
    """The roundest number in (a, z] on the reaching side of a jump: 3, not 3.0000000000000195."""
    side = np.sign(f([a])[0] - goal)
    xs = np.array([round(z, d) for d in range(10)] + [z])
    xs = xs[(xs > a) & (xs <= z)] if len(xs[(xs > a) & (xs <= z)]) else np.array([z])
    d = f(xs) - goal
    ok = xs[(np.sign(d) != side) | (np.abs(d) <= tol)]
    return float(ok[0]) if len(ok) else z




@dataclass
class _Found:
    value: float
    method: str
    region: Region | None
    neighbour: float | None = None
    neighbour_metric: float | None = None
    at_bound: str | None = None


def _solve_whole(f: _Metric, path: str, b: Bounds, goal: float, side: str, tol: float, current: float) -> _Found:
    xs = _whole_values(b)
    m = f(xs)
    ok = meets(m, goal, side, tol)
    if not ok.any():
        raise _no_solution(path, f.metric, goal, side, b, m)
    w = whole_answer(xs, m, ok, current)
    at_bound = "lowest" if w.value == xs[0] else "highest" if w.value == xs[-1] else None
    return _Found(w.value, "whole", w.region, w.neighbour, w.neighbour_metric, at_bound)


def _solve_continuous(f: _Metric, path: str, b: Bounds, goal: float, side: str, tol: float,
                      current: float) -> _Found:
    lo, hi = _search_range(b)
    xs = _grid(lo, hi, current)
    m = f(xs)
    d = m - goal
    i = _first_crossing(d, tol)
    if i is None:
        if meets(m, goal, side, tol).all():  # on the goal's side everywhere: nothing to cross
            return _Found(current, "none", Region(None, None))
        raise _no_solution(path, f.metric, goal, side, b, m)
    method = "linear" if _is_linear(xs, d, tol) else "piecewise"
    x = _refine(f, xs, d, i, goal, tol)
    ok_at_x = bool(meets(f([x])[0], goal, side, tol))
    return _Found(x, method, side_of(xs, m, x, ok_at_x, goal, side, tol))


def shown_at(result: Result, metric: str, year: int | None) -> float | None:
    """``metric`` of a one-variant run as its tables show it: the rounded ledger's euro in ``year`` (default:
    the run's target year, as :func:`~aldlan_model.analysis.metrics.metric_values`); None for the share."""
    if metric == "share":
        return None
    L = ledger(result)
    return float(L.at(metric, year)) if metric in L.lines else None


def _shown_with(doc: Document, fixed: tuple[str, ...] | list[str], path: str, value: float | None, metric: str,
                year: int | None) -> float | None:
    """:func:`shown_at` for the scenario with ``path`` at ``value`` (None: as written)."""
    if value is None:
        return None
    try:
        return shown_at(run(scenario_at(doc, fixed, {path: value})), metric, year)
    except AldlanError:  # pragma: no cover - a value the search found within the bounds is a valid scenario
        return None


def solve(doc: Document, path: str, metric: str, goal: float, year: int | None = None,
          fixed: tuple[str, ...] | list[str] = (), side: str | None = None) -> Solution:
    """The value of ``path`` at which ``metric`` (in ``year``, default the target year) reaches ``goal``
    from ``side`` (default :data:`GOAL_SIDE` of the metric)."""
    base = scenario_at(doc, fixed)
    check_metric(metric)
    side = side or GOAL_SIDE[metric]
    check_variable(base, path)
    check_year(Structure.of(base), year)
    b = bounds(base, path)
    f = _Metric(base, path, metric, year)
    tol = tolerance(metric)
    current = float(f.row[column_of(path)].iloc[0])
    if b.whole:
        found = _solve_whole(f, path, b, goal, side, tol, current)
    else:
        found = _solve_continuous(f, path, b, goal, side, tol, current)
    value = found.value
    scenario = scenario_at(doc, fixed, {path: value})  # the answer is a valid scenario value
    result = run(scenario)
    achieved = float(metric_values(result, metric, year)[0])
    hint = None
    if generic(path).endswith(".count") and not float(value).is_integer():
        near = [v for v in (math.floor(value), math.ceil(value)) if b.contains(v)]
        hint = whole_hint(dict(zip(near, f(near), strict=True)), value, goal, side, tol) if near else None
    current_metric = float(f([current])[0])
    return Solution(
        path=path, metric=metric, goal=goal, side=side,
        year=int(year if year is not None else scenario.target_year), value=value, achieved=achieved,
        whole=b.whole, exact=abs(achieved - goal) <= tol, meets=bool(meets(achieved, goal, side, tol)),
        method=found.method, region=found.region, neighbour=found.neighbour,
        neighbour_metric=found.neighbour_metric, at_bound=found.at_bound,
        whole_value=None if hint is None else hint[0], whole_side=None if hint is None else hint[1],
        current=current, current_metric=current_metric,
        current_meets=bool(meets(current_metric, goal, side, tol)), scenario=scenario, result=result,
        shown=shown_at(result, metric, year), current_shown=shown_at(run(base), metric, year),
        neighbour_shown=_shown_with(doc, fixed, path, found.neighbour, metric, year),
    )
