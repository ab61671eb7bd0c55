"""``aldlan solve --goal p_target=0.9``: the value of a parameter at which a *chance* reaches a goal.

Goals: ``p_target`` (the chance that the savings reach ``target.amount`` in the report year),
``p_target_hard`` (the same for hard savings) — at least the goal; ``p_deficit`` (the chance that
the operator runs a deficit in an operating year up to the report year) — at most the goal. Each
chance is estimated as in ``aldlan simulate`` from ``draws`` Monte Carlo draws with ``seed``.

**Common random numbers.** Every value tried uses the *same* draws of every other ranged input
(draw ``i`` of an input depends only on the seed, its key path and ``i``: :mod:`..uncertainty.draws`).
So the chance, as a function of the parameter, changes only because the parameter changes: for
``locations`` it is exactly monotone (a draw that reaches the target with ``n`` rooms reaches it
with ``n + 1``), the answer does not jump about with the seed, and ``aldlan simulate --set
PATH=VALUE`` with the same ``--draws`` and ``--seed`` reproduces the chance at the answer to the
last digit. If the parameter itself is a range, it is fixed at each value tried, as ``--set`` does.

**Search.** The chance is assumed monotone in the parameter (more rooms, more participants, a
higher tariff: one direction). The ends of the parameter's range tell the direction; a search on
the first :data:`COARSE` draws finds the neighbourhood of the answer cheaply; then the full draws
walk out from there (1, 2, 4… steps) and bisect to the boundary: the **smallest** value that
reaches the goal when the chance improves with the parameter, the **largest** when it worsens.
Whole-number parameters step by 1; others by :func:`step_of` (a cent for money, 0.01 % for a
share, 0.01 otherwise). Every value tried, and its chance, is kept in ``tried``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from aldlan_model.analysis.overrides import scenario_at
from aldlan_model.analysis.paths import bounds, check_variable, column_of, kind_of
from aldlan_model.engine.params import Structure
from aldlan_model.i18n.messages import grouped, msg
from aldlan_model.io.document import Document
from aldlan_model.model.errors import SolveError, UsageError
from aldlan_model.uncertainty import rooms as rooms_mod
from aldlan_model.uncertainty.draws import draw
from aldlan_model.uncertainty.simulate import DEFAULT_DRAWS, DEFAULT_SEED, check_draws, chunk_draws

CHANCES = {"p_target": "reached", "p_target_hard": "reached_hard", "p_deficit": "deficit"}
AT_LEAST, AT_MOST = "at_least", "at_most"
SIDE = {"p_target": AT_LEAST, "p_target_hard": AT_LEAST, "p_deficit": AT_MOST}
COARSE = 4_096  # draws of the first, cheap search
SEARCH_CAP = 1e9
MAX_DRAWS = 1_000_000  # the draws are kept for every value tried: about 240 MB for 30 inputs


def is_chance(metric: str) -> bool:
    return metric.strip() in CHANCES


def step_of(path: str, whole: bool) -> float:
    if whole:
        return 1.0
    kind = kind_of(path)
    return 0.01 if kind in ("money", "number") else 1e-4


@dataclass
class ChanceSolution:
    path: str
    metric: str  # p_target, p_target_hard or p_deficit
    goal: float
    side: str
    year: int
    draws: int
    seed: int
    value: float
    chance: float  # the chance at ``value``, from all draws
    error: float  # its Monte Carlo standard error, sqrt(p (1 - p) / draws)
    direction: str  # 'up': the chance improves as the parameter grows; 'down': as it shrinks
    neighbour: float | None  # the next value beyond the answer (one step), which does not reach the goal
    neighbour_chance: float | None
    whole: bool
    step: float
    current: float
    current_chance: float
    every_value: bool = False  # the goal is reached over the whole range: the answer is the range's end
    at_bound: str | None = None
    scenario: Any = None
    tried: dict[float, float] = field(default_factory=dict)  # value -> chance, all draws

    @property
    def meets(self) -> bool:
        return _meets(self.chance, self.goal, self.side)


def _meets(p: float, goal: float, side: str) -> bool:
    return p >= goal - 1e-12 if side == AT_LEAST else p <= goal + 1e-12


def parse_chance_goal(text: str) -> tuple[str, float]:
    metric, sep, raw = text.partition("=")
    metric = metric.strip().rstrip("<>")
    if not sep or metric not in CHANCES:
        raise UsageError(msg("an_chance_syntax", text=repr(text)))
    try:
        value = float(raw.strip().rstrip("%")) / (100.0 if raw.strip().endswith("%") else 1.0)
    except ValueError:
        raise UsageError(msg("an_goal_not_number", text=text, raw=repr(raw.strip()))) from None
    if not 0.0 <= value <= 1.0 or math.isnan(value):
        raise UsageError(msg("an_chance_range", text=text, raw=raw.strip()))
    return metric, value


class Chance:
    """The chance of ``metric`` as a function of the parameter, from the first ``draws`` draws (cached)."""

    def __init__(self, model: rooms_mod.Model, path: str, metric: str, draws: int, seed: int, year: int | None):
        self.model, self.path, self.flag, self.year = model, path, CHANCES[metric], year
        size = chunk_draws(model.years, len(model.rooms))
        self.chunks = [(s, min(draws, s + size)) for s in range(0, draws, size)]
        self.seed = seed
        self._drawn: dict[int, dict[str, np.ndarray]] = {}
        self.cache: dict[float, float] = {}

    def __call__(self, x: float) -> float:
        x = float(x)
        if x not in self.cache:
            hits = 0
            for start, stop in self.chunks:
                if start not in self._drawn:
                    self._drawn[start] = draw(self.model.specs, self.seed, start, stop)
                out = rooms_mod.evaluate(self.model, stop - start, self._drawn[start], self.year,
                                         {column_of(self.path): x}, figures=())
                hits += int(np.count_nonzero(out[self.flag]))
            self.cache[x] = hits / (self.chunks[-1][1] if self.chunks else 1)
        return self.cache[x]


def _walk(meets: Callable[[float], bool], start: float, unit: float, lo: float, hi: float,
          smallest: bool) -> float:
    """The boundary on the lattice ``start + unit·j`` within [lo, hi]: the smallest point that meets
    (``smallest``; the points meet from there upwards) or the largest (they meet from there downwards),
    found by walking out from ``start`` in steps of 1, 2, 4… units and bisecting."""
    sign = -1.0 if smallest else 1.0  # the direction in which the meeting points end

    def at(j: int) -> float:
        return min(hi, max(lo, start + unit * j))

    j_ok: int | None
    j_bad: int | None
    if meets(at(0)):
        j_ok, j_bad, step = 0, None, 1
        while j_bad is None:
            j = int(sign * step)
            x = at(j)
            if x == at(j_ok):  # at the end of the range
                return x
            if meets(x):
                j_ok = j
                step *= 2
            else:
                j_bad = j
    else:
        j_bad, j_ok, step = 0, None, 1
        while j_ok is None:
            j = int(-sign * step)
            x = at(j)
            if x == at(j_bad):  # pragma: no cover - the caller checked that the far end meets
                raise SolveError(msg("an_no_value"))
            if meets(x):
                j_ok = j
            else:
                j_bad = j
                step *= 2
    while abs(j_ok - j_bad) > 1:
        mid = (j_ok + j_bad) // 2
        if meets(at(mid)):
            j_ok = mid
        else:
            j_bad = mid
    return at(j_ok)


def solve_chance(doc: Document, path: str, metric: str, goal: float, year: int | None = None,
                 fixed: tuple[str, ...] | list[str] = (), draws: int = DEFAULT_DRAWS,
                 seed: int = DEFAULT_SEED) -> ChanceSolution:
    """The boundary value of ``path`` at which the chance ``metric`` reaches ``goal``; see the module doc."""
    if metric not in CHANCES:
        raise UsageError(msg("an_unknown_chance", metric=repr(metric), choices=", ".join(CHANCES)))
    if not 0.0 <= goal <= 1.0:
        raise UsageError(msg("an_chance_between", goal=goal))
    base = scenario_at(doc, fixed)
    check_variable(base, path)
    structure = Structure.of(base)
    if year is not None and not structure.first <= year <= structure.last:
        raise UsageError(msg("an_year_outside", year=year, first=structure.first, last=structure.last))
    if draws > MAX_DRAWS:
        raise UsageError(msg("an_chance_draws", limit=grouped(MAX_DRAWS), draws=grouped(draws)))
    check_draws(draws, structure.last - structure.first + 1)
    if seed < 0:
        raise UsageError(msg("an_seed", seed=seed))
    model = rooms_mod.build(base)
    model.specs = [s for s in model.specs if s.path != column_of(path)]  # fixed at each value tried, as --set does
    side = SIDE[metric]
    b = bounds(base, path)
    unit = step_of(path, b.whole)
    lo = float(math.ceil(b.lo)) if b.whole else b.lo + (unit if b.lo_open else 0.0)
    hi_cap = min(b.hi, SEARCH_CAP)
    hi = float(math.floor(hi_cap)) if b.whole else hi_cap - (unit if b.hi_open else 0.0)
    full = Chance(model, path, metric, draws, seed, year)
    coarse = Chance(model, path, metric, min(draws, COARSE), seed, year) if draws > COARSE else full
    current = float(rooms_mod.build(base).rooms[0].points[column_of(path)])
    ok = lambda f: (lambda x: _meets(f(x), goal, side))  # noqa: E731

    # the direction: where the coarse chance is better
    if not math.isfinite(b.hi):  # no upper bound: grow from the current value until the goal is reached
        x = max(abs(current) * 2, lo + 1.0, 1.0)
        while x < hi and not ok(coarse)(x) and not ok(coarse)(lo):
            x *= 4
        hi = min(hi, x)
        if b.whole:
            hi = float(math.floor(hi))
    c_lo, c_hi = coarse(lo), coarse(hi)
    better_high = (c_hi >= c_lo) if side == AT_LEAST else (c_hi <= c_lo)
    smallest = better_high  # the chance improves upwards: the smallest value that reaches the goal
    f_lo, f_hi = full(lo), full(hi)
    far = f_hi if better_high else f_lo
    if not _meets(far, goal, side):
        best = max(f_lo, f_hi) if side == AT_LEAST else min(f_lo, f_hi)
        how = msg("an_at_least") if side == AT_LEAST else msg("an_at_most")
        raise SolveError(msg("an_no_chance_solution", path=path, low=_plain(lo), high=_plain(hi), metric=metric,
                             how=how, goal=f"{goal:.4g}", draws=grouped(draws), seed=seed, f_lo=f"{f_lo:.4f}",
                             f_hi=f"{f_hi:.4f}", best=f"{best:.4f}"))
    near = _meets(f_lo if better_high else f_hi, goal, side)
    if near:  # every value reaches it: the answer is the end of the range
        value = lo if smallest else hi
        every = True
    else:
        every = False
        # the neighbourhood from the coarse draws, then the exact boundary on all draws
        c_ok = ok(coarse)
        if c_ok(hi if better_high else lo) and not c_ok(lo if better_high else hi):
            mid = lo + math.floor((hi - lo) / 2 / unit) * unit
            guess = _walk(c_ok, mid, unit, lo, hi, smallest)
        else:
            guess = hi if better_high else lo
        value = _walk(ok(full), guess, unit, lo, hi, smallest)
    nb = value - unit if smallest else value + unit
    neighbour = nb if lo <= nb <= hi else None
    chance = full(value)
    return ChanceSolution(
        path=path, metric=metric, goal=goal, side=side,
        year=int(year if year is not None else base.target_year), draws=draws, seed=seed,
        value=float(value), chance=chance, error=math.sqrt(max(0.0, chance * (1 - chance)) / draws),
        direction="up" if better_high else "down",
        neighbour=neighbour, neighbour_chance=None if neighbour is None else full(neighbour),
        whole=b.whole, step=unit, current=current, current_chance=full(current),
        every_value=every, at_bound="lowest" if value == lo else "highest" if value == hi else None,
        scenario=scenario_at(doc, fixed, {path: value}), tried=dict(sorted(full.cache.items())),
    )


def _plain(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}"
