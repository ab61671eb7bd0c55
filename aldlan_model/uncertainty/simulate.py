"""Monte Carlo over the ranged inputs of a scenario, through the vectorised engine.

``simulate(scenario, draws=, seed=)`` draws every ranged input (see :mod:`.draws`), sends
the draws through :func:`aldlan_model.engine.compute` in chunks of rows (inputs that are not
ranged sit at their point value), keeps only a few numbers per draw and throws each chunk
away, so memory stays bounded however many draws are asked for. Chunks run on a few
threads (NumPy releases the GIL in its array loops); each writes only its own slice of the
kept arrays. The draws depend neither on the chunk size nor on the threads, so neither do
the results.

The report year is ``year`` if given, else the target year (each draw's own target year
when ``target.year`` is itself a range). Per draw it keeps, in that year: savings,
cumulative savings, the operator's result and subsidy; whether the target is reached
(savings ≥ ``target.amount``); and whether the operator runs a deficit, meaning a result
below zero (by more than half a cent) in *any* operating year from the start up to and
including the report year.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from aldlan_model.engine import DEFICIT_TOLERANCE, Result, compute
from aldlan_model.errors import UsageError
from aldlan_model.params import Structure, flatten, point_table
from aldlan_model.scenario import Scenario
from aldlan_model.uncertainty.draws import BLOCK, Spec, draw, specs

DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 1
MAX_DRAWS = 10_000_000
CHUNK_CELLS = 114_688
"""Rows x years per engine call: small enough for the CPU cache, big enough to vectorise."""
MAX_WORKERS = 4
FIGURES = ("savings", "cumulative_savings", "result", "subsidy")
PERCENTILES = (10, 50, 90)
_BYTES_PER_DRAW = 8 * len(FIGURES) + 2 + 8  # kept figures, two flags, room for sorting one
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


def memory_needed(draws: int, years: int, workers: int = 1) -> int:
    """A generous estimate of the bytes a run of ``draws`` draws needs beyond start-up."""
    return draws * _BYTES_PER_DRAW + workers * chunk_rows(years) * years * _BYTES_PER_CELL


def check_draws(draws: int, years: int, available: int | None = None, workers: int = 1) -> None:
    """Refuse a number of draws below 1, above :data:`MAX_DRAWS` or too big for memory."""
    if draws < 1:
        raise UsageError(f"--draws must be at least 1, got {draws}")
    if draws > MAX_DRAWS:
        raise UsageError(f"--draws may be at most {MAX_DRAWS:,}, got {draws:,}")
    available = available_memory() if available is None else available
    need = memory_needed(draws, years, workers)
    if available is not None and need > 0.8 * available:
        raise UsageError(
            f"{draws:,} draws need about {need / 2**20:,.0f} MB of memory and only "
            f"{available / 2**20:,.0f} MB is available; use fewer --draws"
        )


def _year_index(scenario: Scenario, table: pd.DataFrame, year: int | None) -> np.ndarray | int:
    first, last = scenario.first, scenario.last
    if year is not None:
        return int(year) - first
    years = table["target.year"].to_numpy(float)
    return np.clip(years - first, 0, last - first).astype(np.intp)


def _take(res: Result, yi: np.ndarray | int, threshold: np.ndarray) -> dict[str, np.ndarray]:
    """The kept numbers of one chunk: each figure in the report year, and the two flags."""
    rows = np.arange(res.n)
    out = {name: res.lines[name][rows, yi] for name in FIGURES}
    out["reached"] = out["savings"] >= threshold
    cols = np.arange(len(res.years))[None, :] <= np.asarray(yi).reshape(-1, 1)
    loss = (res.lines["result"] < -DEFICIT_TOLERANCE) & (res.detail["k"] >= 1) & cols
    out["deficit"] = loss.any(axis=1)
    return out


def check_year(scenario: Scenario, year: int | None) -> None:
    if year is not None and not scenario.first <= year <= scenario.last:
        raise UsageError(f"--year {year} lies outside the period {scenario.first}–{scenario.last}")


def default_workers() -> int:
    """Threads for a run: NumPy releases the GIL in its array loops, so chunks overlap well."""
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def simulate(
    scenario: Scenario,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    year: int | None = None,
    *,
    chunk: int | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Simulation:
    """Run ``draws`` Monte Carlo draws of ``scenario`` with ``seed``; see the module doc.

    ``chunk`` (rows per engine call) and ``workers`` (threads) change the speed, never the result.
    ``progress(done, total)`` is called from this thread after each chunk, in order.
    """
    structure = Structure.of(scenario)
    n_years = scenario.last - scenario.first + 1
    workers = workers or default_workers()
    check_draws(draws, n_years, workers=workers)
    check_year(scenario, year)
    if seed < 0:
        raise UsageError(f"--seed must be 0 or more, got {seed}")
    uncertain = specs(scenario)
    base = point_table(scenario)
    point = _take(compute(base, structure), _year_index(scenario, base, year), base["target.amount"].to_numpy())
    computed = draws if uncertain else 1  # without ranges every draw is the deterministic run
    size = chunk or chunk_rows(n_years)
    points = {k: v.point for k, v in flatten(scenario).items()}
    kept: dict[str, np.ndarray] = {name: np.empty(computed) for name in FIGURES}
    kept |= {"reached": np.empty(computed, bool), "deficit": np.empty(computed, bool)}

    def run_chunk(start: int) -> int:  # writes its own slice of ``kept`` only
        stop = min(computed, start + size)
        drawn = draw(uncertain, seed, start, stop)
        cols = {k: drawn[k] if k in drawn else np.full(stop - start, v) for k, v in points.items()}
        table = pd.DataFrame(cols, copy=False)
        taken = _take(compute(table, structure), _year_index(scenario, table, year),
                      table["target.amount"].to_numpy())
        for name, values in taken.items():
            kept[name][start:stop] = values
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
        year=int(year) if year is not None else scenario.target_year,
        year_drawn=year is None and any(s.path == "target.year" for s in uncertain),
        uncertain=uncertain,
        figures={name: kept[name] for name in FIGURES},
        reached=kept["reached"], deficit=kept["deficit"],
        point={name: float(point[name][0]) for name in FIGURES}
        | {"reached": bool(point["reached"][0]), "deficit": bool(point["deficit"][0])},
    )
