"""Monte Carlo over the ranged inputs of a scenario or a plan, through the vectorised engine.

``simulate(model, draws=, seed=)`` draws every ranged input (see :mod:`.draws`; for a plan,
which inputs are shared by all rooms and which are a room's own: :mod:`.rooms`), sends the
draws through :func:`aldlan_model.engine.room.compute` in chunks of rows (inputs that are not ranged
sit at their point value), keeps only a few numbers per draw and throws each chunk away, so
memory stays bounded however many draws are asked for. Chunks run on a few threads (NumPy
releases the GIL in its array loops); each writes only its own slice of the kept arrays. The
draws depend neither on the chunk size nor on the threads, so neither do the results.

The report year is ``year`` if given, else the target year (each draw's own target year
when ``target.year`` is itself a range). Per draw it keeps, in that year: savings, hard
savings, cumulative savings, the net position of the municipality, the operator's result and
subsidy (a plan: summed over its rooms), and the financing need over the period; whether the
target is reached (savings ≥ ``target.amount``, and the same for hard savings); and whether
the operator runs a deficit, meaning a result below zero (by more than half a cent; in a plan,
in any room) in *any* operating year from the start up to and including the report year.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from aldlan_model.i18n.messages import grouped, msg
from aldlan_model.model.errors import UsageError
from aldlan_model.uncertainty import rooms as rooms_mod
from aldlan_model.uncertainty.draws import BLOCK, Spec, draw

DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 1
MAX_DRAWS = 10_000_000
MAX_ROOM_DRAWS = 10_000_000
"""A plan's rooms × draws × max(1, rooms // 64): at most this (:func:`max_draws`; docs/errors.md, Limits)."""
CHUNK_CELLS = 114_688
"""Rows x years per engine call: small enough for the CPU cache, big enough to vectorise."""
MAX_WORKERS = 4
FIGURES = ("savings", "savings_hard", "cumulative_savings", "net_municipality", "result", "subsidy",
           "financing_need")
PERCENTILES = (10, 50, 90)
_BYTES_PER_DRAW = 8 * len(FIGURES) + 3 + 8  # kept figures, two flags, room for sorting one
_BYTES_PER_CELL = 8 * 160  # the engine's working arrays per row-year in a chunk

Progress = Callable[[int, int], None]


@dataclass
class Simulation:
    """The kept per-draw figures of a Monte Carlo run and their summaries."""

    draws: int
    seed: int
    year: int
    year_drawn: bool  # each draw used its own (drawn) target year
    uncertain: list[Spec]
    figures: dict[str, np.ndarray]  # name -> one value per computed draw
    reached: np.ndarray  # bool per draw: savings >= target amount in the report year
    deficit: np.ndarray  # bool per draw: result < 0 in an operating year up to the report year
    point: dict[str, float] = field(default_factory=dict)  # the deterministic run, same year
    reached_hard: np.ndarray | None = None  # bool per draw: hard savings >= target amount
    rooms: list[str] = field(default_factory=list)  # a plan's location items (empty: one scenario)
    room_counts: list[int] = field(default_factory=list)
    room_savings: np.ndarray | None = None  # (items, draws): each item's savings in the report year
    point_euros: dict[str, int] = field(default_factory=dict)  # the point run in whole euros: its rounded ledger
    _summaries: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)

    def summary(self, name: str) -> dict[str, float]:
        """P10, P50, P90 (linear interpolation, NumPy's default) and mean of one figure."""
        if name not in self._summaries:
            values = self.figures[name]
            p10, p50, p90 = (float(x) for x in np.percentile(values, PERCENTILES))
            self._summaries[name] = {"p10": p10, "p50": p50, "p90": p90, "mean": float(values.mean())}
        return dict(self._summaries[name])

    @property
    def p_target(self) -> float:
        return float(self.reached.mean())

    @property
    def p_deficit(self) -> float:
        return float(self.deficit.mean())

    @property
    def p_target_hard(self) -> float:
        return float(self.reached_hard.mean()) if self.reached_hard is not None else 0.0

    def room_summary(self) -> list[dict[str, float | str | int]]:
        """Per location item of a plan: P10/P50/P90 and mean of its savings, and its share of the
        spread of the plan's savings, ``cov(item, total) / var(total)`` (the shares add up to 1;
        0 for every item when the total does not vary), largest share first."""
        if self.room_savings is None:
            return []
        total = self.figures["savings"]
        dev = total - total.mean()
        var = float(dev @ dev)
        out = []
        for name, count, values in zip(self.rooms, self.room_counts, self.room_savings, strict=True):
            p10, p50, p90 = (float(x) for x in np.percentile(values, PERCENTILES))
            share = float((values - values.mean()) @ dev) / var if var > 0 else 0.0
            out.append({"name": name, "count": count, "p10": p10, "p50": p50, "p90": p90,
                        "mean": float(values.mean()), "share_of_spread": share})
        return sorted(out, key=lambda d: -float(d["share_of_spread"]))


def available_memory() -> int | None:
    """Bytes of memory available to new work (Linux MemAvailable), or None if unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def chunk_rows(years: int) -> int:
    """Rows per engine call for a period of ``years`` years."""
    return int(min(BLOCK, max(256, CHUNK_CELLS // max(1, years))))


def chunk_draws(years: int, rooms: int = 1) -> int:
    """Draws per chunk: a plan's rooms are rows of the same engine call, so fewer draws per chunk."""
    floor = 256 if rooms <= 64 else 16  # 3,000 rooms × 256 draws would be gigabytes per chunk
    return int(max(floor, chunk_rows(years) // max(1, rooms)))


def memory_needed(draws: int, years: int, workers: int = 1, rooms: int = 1) -> int:
    """A generous estimate of the bytes a run of ``draws`` draws needs beyond start-up."""
    per_draw = _BYTES_PER_DRAW + (8 * rooms if rooms > 1 else 0)
    return draws * per_draw + workers * chunk_draws(years, rooms) * rooms * years * _BYTES_PER_CELL


def max_draws(rooms: int) -> int:
    """The most draws for a plan of ``rooms`` location items: ``rooms × draws × max(1, rooms // 64)``
    stays within :data:`MAX_ROOM_DRAWS` (the work per chunk grows with the rooms; about 10 s)."""
    rooms = max(1, rooms)
    return max(1, MAX_ROOM_DRAWS // (rooms * max(1, rooms // 64)))


def check_draws(draws: int, years: int, available: int | None = None, workers: int = 1, rooms: int = 1) -> None:
    """Refuse a number of draws below 1, above :data:`MAX_DRAWS` or too big for memory."""
    if draws < 1:
        raise UsageError(msg("draws_too_few", draws=draws))
    if draws > MAX_DRAWS:
        raise UsageError(msg("draws_too_many", limit=grouped(MAX_DRAWS), draws=grouped(draws)))
    if rooms > 1 and draws > max_draws(rooms):  # a plan of 3,000 rooms: refused at once, not after minutes
        raise UsageError(msg("draws_rooms", rooms=grouped(rooms), draws=grouped(draws), fit=grouped(max_draws(rooms))))
    available = available_memory() if available is None else available
    need = memory_needed(draws, years, workers, rooms)
    if available is not None and need > 0.8 * available:
        raise UsageError(msg("draws_memory", draws=grouped(draws), need=grouped(round(need / 2**20)),
                             available=grouped(round(available / 2**20))))


def check_year(scenario: Any, year: int | None) -> None:
    if year is not None and not scenario.first <= year <= scenario.last:
        raise UsageError(msg("year_outside", year=year, first=scenario.first, last=scenario.last))


def default_workers() -> int:
    """Threads for a run: NumPy releases the GIL in its array loops, so chunks overlap well."""
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def simulate(
    scenario: Any,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    year: int | None = None,
    *,
    chunk: int | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    doc_data: Any = None,
) -> Simulation:
    """Run ``draws`` Monte Carlo draws of ``scenario`` (a scenario, a plan or a built
    :class:`~aldlan_model.uncertainty.rooms.Model`) with ``seed``; see the module doc.

    ``chunk`` (draws per engine call) and ``workers`` (threads) change the speed, never the result.
    ``progress(done, total)`` is called from this thread after each chunk, in order. ``doc_data``:
    a plan file's data, to tell shared inputs from rooms' own (:func:`.rooms.build`).
    """
    model = scenario if isinstance(scenario, rooms_mod.Model) else rooms_mod.build(scenario, doc_data)
    n_years = model.years
    workers = workers or default_workers()
    items = len(model.rooms)
    check_draws(draws, n_years, workers=workers, rooms=items)
    check_year(model, year)
    if seed < 0:
        raise UsageError(msg("seed_negative", seed=seed))
    uncertain = model.specs
    point = rooms_mod.evaluate(model, 1, None, year, figures=FIGURES)
    point_euros = {name: v[0] for name, v in rooms_mod.ledger_figures(model, 1, None, year, FIGURES).items()}
    computed = draws if uncertain else 1  # without ranges every draw is the deterministic run
    size = chunk or chunk_draws(n_years, items)
    kept: dict[str, np.ndarray] = {name: np.empty(computed) for name in FIGURES}
    kept |= {flag: np.empty(computed, bool) for flag in ("reached", "reached_hard", "deficit")}
    per_room = np.empty((items, computed)) if model.is_plan else None

    def run_chunk(start: int) -> int:  # writes its own slice of ``kept`` only
        stop = min(computed, start + size)
        drawn = draw(uncertain, seed, start, stop)
        taken = rooms_mod.evaluate(model, stop - start, drawn, year, room_savings=per_room is not None,
                                   figures=FIGURES)
        for name in kept:
            kept[name][start:stop] = taken[name]
        if per_room is not None:
            per_room[:, start:stop] = taken["rooms"]
        return stop

    starts = range(0, computed, size)
    if workers == 1 or len(starts) == 1:
        done_iter: Iterator[int] = map(run_chunk, starts)
        pool = None
    else:
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="aldlan-simulate")
        done_iter = pool.map(run_chunk, starts)
    try:
        for stop in done_iter:
            if progress is not None:
                progress(stop if uncertain else draws, draws)
    finally:
        if pool is not None:  # on an error or Ctrl-C: drop the chunks not started yet
            pool.shutdown(wait=True, cancel_futures=True)
    return Simulation(
        draws=draws, seed=seed,
        year=int(year) if year is not None else model.target_year,
        year_drawn=year is None and any(s.path == "target.year" for s in uncertain),
        uncertain=uncertain,
        figures={name: kept[name] for name in FIGURES},
        reached=kept["reached"], deficit=kept["deficit"], reached_hard=kept["reached_hard"],
        point={name: float(point[name][0]) for name in FIGURES}
        | {"reached": bool(point["reached"][0]), "reached_hard": bool(point["reached_hard"][0]),
           "deficit": bool(point["deficit"][0])},
        rooms=model.room_names if model.is_plan else [],
        room_counts=[r.count for r in model.rooms] if model.is_plan else [],
        room_savings=per_room,
        point_euros=point_euros,
    )
