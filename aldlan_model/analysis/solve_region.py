"""Which values of a parameter reach a goal: the region around ``solve``'s answer.

"Reaching" a goal is one-sided (:data:`~aldlan_model.analysis.metrics.GOAL_SIDE`): savings,
share, result and income at least the goal; costs, subsidy and spending at most. Given the
metric on a grid of parameter values, these helpers find the run of values that reach it:

* whole numbers: every whole value is on the grid, so the run is exact. The answer is its
  boundary that is not a bound of the parameter: the *smallest* value when the run reaches up
  to the upper bound ("vanaf 36"), the *largest* when it starts at the lower bound ("tot en met
  13"), the nearer one to the current value when it lies inside ("van 3 tot en met 7");
* other numbers: the answer is where the metric crosses the goal; :func:`side_of` says on which
  side of it the grid reaches the goal all the way to the bound (None when it does not, e.g.
  a metric that rises and falls again).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from aldlan_model.analysis.metrics import meets


@dataclass
class Region:
    """The values that reach the goal around the answer. ``low``/``high`` None: up to the bound."""

    low: float | None
    high: float | None
    low_included: bool = True
    high_included: bool = True
    others: list[tuple[float, float]] = field(default_factory=list)  # whole numbers: further runs

    @property
    def kind(self) -> str:
        """'all', 'from' (the answer and above), 'upto' (the answer and below) or 'between'."""
        if self.low is None and self.high is None:
            return "all"
        if self.high is None:
            return "from"
        if self.low is None:
            return "upto"
        return "between"


@dataclass
class WholeAnswer:
    value: float
    region: Region
    neighbour: float | None  # the next whole value beyond the answer that does not reach the goal
    neighbour_metric: float | None


def _runs(ok: np.ndarray) -> list[tuple[int, int]]:
    """Index ranges ``(first, last)`` of consecutive True values."""
    edges = np.diff(np.concatenate([[0], ok.astype(int), [0]]))
    return list(zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1, strict=True))


def whole_answer(xs: np.ndarray, m: np.ndarray, ok: np.ndarray, current: float) -> WholeAnswer:
    """The answer among every whole value ``xs`` (metric ``m``, reaching where ``ok``); ``ok.any()``."""
    runs = _runs(ok)
    cur = int(np.argmin(np.abs(xs - current)))

    def distance(run: tuple[int, int]) -> int:
        return 0 if run[0] <= cur <= run[1] else min(abs(run[0] - cur), abs(run[1] - cur))

    i0, i1 = min(runs, key=distance)
    others = [(float(xs[a]), float(xs[b])) for a, b in runs if (a, b) != (i0, i1)]
    region = Region(None if i0 == 0 else float(xs[i0]), None if i1 == len(xs) - 1 else float(xs[i1]),
                    others=others)
    kind = region.kind
    if kind == "all":
        return WholeAnswer(float(xs[cur]), region, None, None)
    if kind == "from" or (kind == "between" and cur <= (i0 + i1) / 2):
        i, j = i0, i0 - 1
    else:
        i, j = i1, i1 + 1
    return WholeAnswer(float(xs[i]), region, float(xs[j]), float(m[j]))


def side_of(xs: np.ndarray, m: np.ndarray, x: float, ok_at_x: bool, goal: float, side: str,
            tol: float) -> Region | None:
    """The region next to a crossing at ``x``, judged on the grid ``xs`` (metric ``m``)."""
    eps = 1e-9 * max(1.0, abs(x))
    ok = meets(m, goal, side, tol)
    left, right = ok[xs < x - eps], ok[xs > x + eps]
    all_left, all_right = bool(left.all()), bool(right.all())  # vacuously True at a bound
    if all_left and all_right:
        return Region(None, None) if ok_at_x else None
    if all_right and not left.any():
        return Region(x, None, low_included=ok_at_x)
    if all_left and not right.any():
        return Region(None, x, high_included=ok_at_x)
    return None


def whole_hint(values: dict[float, float], x: float, goal: float, side: str, tol: float) -> tuple[int, str] | None:
    """For a count solved at a fraction ``x``: the whole number next to it that reaches the goal,
    as ``(value, 'smallest' or 'largest')``; ``values`` maps floor(x) and ceil(x) to the metric."""
    below, above = math.floor(x), math.ceil(x)
    ok_below = below in values and bool(meets(values[below], goal, side, tol))
    ok_above = above in values and bool(meets(values[above], goal, side, tol))
    if ok_above and not ok_below:
        return above, "smallest"
    if ok_below and not ok_above:
        return below, "largest"
    return None
