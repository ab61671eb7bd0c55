"""Benchmark ``aldlan sweep``: wall time of a 1-D and 2-D grid through the vectorised engine.

Run: /work/venv/bin/python benchmarks/bench_sweep.py

Prints, for 100 / 10,000 / 250,000 grid points, the time of the library call
(validation of the grid corners + building the parameter table + ONE ``compute`` call +
the metric), the time per point and the ratio to the 100-point grid; then the whole
command (``aldlan sweep … --format json`` in a new process) against ``aldlan run FILE --format
json`` (the same imports of pandas, pydantic and the engine, one variant), so the cost "on top of
start-up" is visible.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from aldlan_model.analysis.sweep import sweep
from aldlan_model.io.loader import read_document

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "scenarios" / "aldlan-mix.yaml"
GRIDS = {  # points -> --set ranges (two parameters: zin participants × riders-along)
    100: ["participants.zin.count=0:9:1", "participants.without_indication.count=0:9:1"],
    10_000: ["participants.zin.count=0:99:1", "participants.without_indication.count=0:99:1"],
    250_000: ["participants.zin.count=0:499:1", "participants.without_indication.count=0:499:1"],
}
REPEAT = 3


def best_of(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    doc = read_document(SCENARIO)
    sweep(doc, GRIDS[100])  # warm up imports and caches
    print(f"library: sweep() on {SCENARIO.name}, best of {REPEAT}")
    print(f"{'points':>9} {'seconds':>9} {'µs/point':>9} {'× time of 100':>14}")
    base = None
    for n, sets in GRIDS.items():
        grid = sweep(doc, sets)
        assert grid.values.size == n
        seconds = best_of(lambda sets=sets: sweep(doc, sets))
        base = base or seconds
        print(f"{n:>9,} {seconds:>9.4f} {seconds / n * 1e6:>9.2f} {seconds / base:>14.1f}")

    exe = [sys.executable, "-m", "aldlan_model"]
    startup = best_of(lambda: subprocess.run([*exe, "run", str(SCENARIO), "--format", "json"], check=True,
                                             capture_output=True))
    sets = [arg for s in GRIDS[10_000] for arg in ("--set", s)]
    whole = best_of(lambda: subprocess.run([*exe, "sweep", str(SCENARIO), *sets, "--format", "json"], check=True,
                                           capture_output=True))
    print(f"\ncommand line, best of {REPEAT}: aldlan run --format json {startup:.3f} s; "
          f"aldlan sweep 10,000 points --format json {whole:.3f} s; on top of a single run {whole - startup:.3f} s")


if __name__ == "__main__":
    main()
