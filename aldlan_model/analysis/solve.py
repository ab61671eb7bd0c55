"""``aldlan solve``: the value of one parameter at which a metric reaches a goal.

A goal is one-sided: ``savings=3600000`` means savings *at least* € 3.6 million; costs,
subsidy and spending goals mean *at most* (:data:`~aldlan_model.analysis.metrics.GOAL_SIDE`);
``METRIC>=VALUE`` or ``METRIC<=VALUE`` says so explicitly.

Method (every evaluation is one vectorised :func:`~aldlan_model.engine.compute` call):

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
   :func:`~aldlan_model.engine.run`; ``achieved`` is the metric of that run.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from aldlan_model.analysis.metrics import check_metric, check_year, metric_values, tolerance
from aldlan_model.analysis.overrides import scenario_at
from aldlan_model.analysis.paths import Bounds, bounds, check_variable, generic
from aldlan_model.engine import Result, compute, run
from aldlan_model.errors import SolveError, UsageError
from aldlan_model.loader import Document
from aldlan_model.params import Structure, point_table
from aldlan_model.reports.numfmt import money, number, percent
from aldlan_model.scenario import Scenario

SEARCH_CAP = 1e9  # parameters without an upper bound (counts, money, hours) are searched up to this
GRID = 1001
MAX_ROUNDS = 12


@dataclass
class Solution:
    path: str
    metric: str
    goal: float
    year: int
    value: float  # the answer (a whole number for whole-number parameters)
    achieved: float  # the metric at ``value``, from a validated run
    whole: bool  # the parameter takes whole numbers only
    exact: bool  # achieved equals the goal (to the cent); False when the metric jumps past it
    method: str  # 'whole', 'linear' (linear over the bounds) or 'piecewise'
    whole_value: int | None  # for counts: the smallest whole number that reaches the goal
    current: float
    current_metric: float
    scenario: Scenario
    result: Result


def parse_goal(text: str) -> tuple[str, float]:
    """``result=0`` → ('result', 0.0); ``savings=3600000`` → ('savings', 3600000.0)."""
    metric, sep, raw = text.partition("=")
    if not sep:
        raise UsageError(f"--goal expects METRIC=VALUE, e.g. result=0 or savings=3600000, got {text!r}")
    metric = check_metric(metric.strip())
    try:
        value = float(raw.strip())
    except ValueError:
        raise UsageError(f"--goal {text}: {raw.strip()!r} is not a number") from None
    if not math.isfinite(value):
        raise UsageError(f"--goal {text}: the value must be a finite number")
    return metric, value


class _Metric:
    """The metric as a function of the parameter, for many values at once."""

    def __init__(self, base: Scenario, path: str, metric: str, year: int | None):
        self.row = point_table(base)
        self.structure = Structure.of(base)
        self.path, self.metric, self.year = path, metric, year

    def __call__(self, xs: np.ndarray) -> np.ndarray:
        xs = np.asarray(xs, dtype=float)
        table = pd.DataFrame({c: np.full(len(xs), v) for c, v in self.row.iloc[0].items()})
        table[self.path] = xs
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
    return number(x, "en", decimals)


def _no_solution(path: str, metric: str, goal: float, b: Bounds, m: np.ndarray) -> SolveError:
    fmt = (lambda x: percent(x, "en", 2)) if metric == "share" else (lambda x: money(x, "en"))
    low = f"above {_plain(b.lo)}" if b.lo_open else f"from {_plain(b.lo)}"
    if not math.isfinite(b.hi):
        high = f"to {_plain(SEARCH_CAP)} (the search cap)"
    else:
        high = f"below {_plain(b.hi)}" if b.hi_open else f"to {_plain(b.hi)}"
    return SolveError(
        f"no value of {path} {low} {high} brings {metric} to {fmt(goal)}: "
        f"over that range {metric} runs from {fmt(float(np.min(m)))} to {fmt(float(np.max(m)))}"
    )


def _solve_whole(f: _Metric, path: str, b: Bounds, goal: float, tol: float) -> float:
    lo = math.ceil(b.lo) + (1 if b.lo_open and float(b.lo).is_integer() else 0)
    hi = math.floor(min(b.hi, SEARCH_CAP))
    xs = np.arange(lo, hi + 1, dtype=float)
    m = f(xs)
    i = _first_crossing(m - goal, tol)
    if i is None:
        raise _no_solution(path, f.metric, goal, b, m)
    return float(xs[i])


def _solve_continuous(f: _Metric, path: str, b: Bounds, goal: float, tol: float, current: float) -> tuple[float, str]:
    lo, hi = _search_range(b)
    xs = _grid(lo, hi, current)
    d = f(xs) - goal
    i = _first_crossing(d, tol)
    if i is None:
        raise _no_solution(path, f.metric, goal, b, d + goal)
    method = "linear" if _is_linear(xs, d, tol) else "piecewise"
    if abs(d[i]) <= tol:
        return float(xs[i]), method
    a, z = float(xs[i - 1]), float(xs[i])
    for _ in range(MAX_ROUNDS):
        xs = np.linspace(a, z, GRID)
        d = f(xs) - goal
        if _is_linear(xs, d, tol):
            x = a - d[0] * (z - a) / (d[-1] - d[0])
            if abs(f([x])[0] - goal) <= tol:
                return float(min(max(x, a), z)), method
        i = _first_crossing(d, tol)
        if i is None or i == 0:  # pragma: no cover - the crossing lies inside [a, z] by construction
            break
        if abs(d[i]) <= tol:
            return float(xs[i]), method
        a, z = float(xs[i - 1]), float(xs[i])
        if z - a <= 1e-13 * max(1.0, abs(z)):
            break
    return _snap(f, a, z, goal, tol), method  # the metric jumps past the goal here


def _snap(f: _Metric, a: float, z: float, goal: float, tol: float) -> float:
    """The roundest number in (a, z] on the reaching side of a jump: 3, not 3.0000000000000195."""
    side = np.sign(f([a])[0] - goal)
    xs = np.array([round(z, d) for d in range(10)] + [z])
    xs = xs[(xs > a) & (xs <= z)] if len(xs[(xs > a) & (xs <= z)]) else np.array([z])
    d = f(xs) - goal
    ok = xs[(np.sign(d) != side) | (np.abs(d) <= tol)]
    return float(ok[0]) if len(ok) else z


def _whole_hint(f: _Metric, x: float, b: Bounds, goal: float, tol: float, below: bool) -> int | None:
    """The smallest whole number at or above the crossing that still reaches the goal."""
    xs = np.arange(max(math.ceil(b.lo), math.floor(x) - 1), math.ceil(x) + 2, dtype=float)
    xs = xs[[b.contains(v) for v in xs]]
    if not len(xs):
        return None
    d = f(xs) - goal
    reach = (d >= -tol) if below else (d <= tol)
    ok = xs[reach & (xs >= x - 1e-9 * max(1.0, abs(x)))]
    return int(ok[0]) if len(ok) else None


def solve(doc: Document, path: str, metric: str, goal: float, year: int | None = None,
          fixed: tuple[str, ...] | list[str] = ()) -> Solution:
    """The value of ``path`` at which ``metric`` (in ``year``, default the target year) reaches ``goal``."""
    base = scenario_at(doc, fixed)
    check_metric(metric)
    check_variable(base, path)
    check_year(Structure.of(base), year)
    b = bounds(base, path)
    f = _Metric(base, path, metric, year)
    tol = tolerance(metric)
    current = float(f.row[path].iloc[0])
    below = bool(f([b.lo if not b.lo_open else _search_range(b)[0]])[0] < goal)
    if b.whole:
        value, method = _solve_whole(f, path, b, goal, tol), "whole"
    else:
        value, method = _solve_continuous(f, path, b, goal, tol, current)
    scenario = scenario_at(doc, fixed, {path: value})  # the answer is a valid scenario value
    result = run(scenario)
    achieved = float(metric_values(result, metric, year)[0])
    hint = None
    if generic(path).endswith(".count") and not float(value).is_integer():
        hint = _whole_hint(f, value, b, goal, tol, below)
    return Solution(
        path=path, metric=metric, goal=goal, year=int(year if year is not None else scenario.target_year),
        value=value, achieved=achieved, whole=b.whole, exact=abs(achieved - goal) <= tol, method=method,
        whole_value=hint, current=current, current_metric=float(f([current])[0]),
        scenario=scenario, result=result,
    )
