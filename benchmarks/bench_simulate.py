"""Benchmarks of issue 14: Monte Carlo against a hand-written kernel, memory, chance solves, start-up.

Prints (nothing is asserted; see docs/performance.md for the figures and goals):

1. in-process, for ``scenarios/aldlan-mix.yaml`` (one room) and the nine-room plan
   ``scenarios/leeuwarden-kamers-professionals.yaml``, 1,000,000 draws x 7 years:
   the engine (``aldlan_model.uncertainty.rooms.evaluate``: the parameter tables, ``compute`` and the
   kept figures) against the hand-written NumPy kernel of MODEL.md §3 v1+v2 (``benchmarks/kernel.py``)
   on the **same drawn values in the same chunks, one thread each** (goal: engine ≤ 1.5 x kernel),
   and the whole ``simulate()`` (drawing included, one thread and its default threads); the kernel's
   numbers are checked against the engine's first;
2. the CLI: ``aldlan simulate FILE --draws 1000000 --format json`` wall time and peak memory
   (``/usr/bin/time``; goal ≤ 1.5 GB) for both files;
3. ``aldlan solve scenarios/aldlan-mix.yaml --vary locations --goal p_target=0.9 --draws 100000``
   (goal: under 10 s);
4. start-up: ``aldlan run scenarios/aldlan-mix.yaml`` against
   ``python -c "import pandas, pydantic, typer, rich, yaml"`` (goal: ≤ 1.3 x).

Run: /tmp/venv/bin/python benchmarks/bench_simulate.py [--draws 1000000] [--repeat 3] [--skip-cli]
Timings are the best of ``--repeat`` runs: other work on the machine only ever slows a run down.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
ALDLAN = Path(sys.executable).with_name("aldlan")
FILES = {"aldlan-mix (1 room)": REPO / "scenarios" / "aldlan-mix.yaml",
         "leeuwarden-kamers-professionals (plan, 9 rooms)": REPO / "scenarios" / "leeuwarden-kamers-professionals.yaml"}


def best_of(repeat: int, fn) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return min(times), value


def _check(model, n: int = 5_000) -> None:
    """The kernel gives the engine's numbers (else the comparison would be meaningless)."""
    import kernel

    from aldlan_model.uncertainty.simulate import simulate

    sim = simulate(model, n, 1, workers=1)
    ker = kernel.simulate(model, n, 1, 1_000)
    for name, values in sim.figures.items():
        assert np.allclose(values, ker[name], rtol=1e-9, atol=1e-6), name
    assert np.array_equal(sim.reached, ker["reached"]) and np.array_equal(sim.deficit, ker["deficit"])


def in_process(draws: int, repeat: int) -> None:
    import kernel

    from aldlan_model.api import load_model
    from aldlan_model.cli.uncertainty import keep_freed_memory
    from aldlan_model.uncertainty import rooms
    from aldlan_model.uncertainty.draws import draw
    from aldlan_model.uncertainty.simulate import chunk_draws, default_workers, simulate

    keep_freed_memory()  # as the CLI does, for both sides
    for label, file in FILES.items():
        model = rooms.build(load_model(file))
        _check(model)
        chunk = chunk_draws(model.years, len(model.rooms))
        t_draw, pre = best_of(1, lambda m=model: draw(m.specs, 1, 0, draws))

        def engine(m=model, c=chunk, p=pre) -> None:
            for s in range(0, draws, c):
                e = min(draws, s + c)
                rooms.evaluate(m, e - s, {k: v[s:e] for k, v in p.items()}, None, room_savings=m.is_plan,
                               figures=rooms.SIMULATE)

        t_engine, _ = best_of(repeat, engine)
        t_kernel, _ = best_of(repeat, lambda m=model, c=chunk, p=pre: kernel.simulate(m, draws, 1, c, predrawn=p))
        del pre
        t_sim1, _ = best_of(repeat, lambda m=model: simulate(m, draws, 1, workers=1))
        t_sim, _ = best_of(repeat, lambda m=model: simulate(m, draws, 1))
        t_ker_full, _ = best_of(repeat, lambda m=model, c=chunk: kernel.simulate(m, draws, 1, c))
        cells = draws * model.years * sum(r.count > 0 for r in model.rooms)
        print(f"{label}: {draws:,} draws x {model.years} years, {len(model.rooms)} location item(s), "
              f"chunks of {chunk:,} draws")
        print(f"   same drawn values, one thread:  engine {t_engine:6.2f} s   kernel {t_kernel:6.2f} s   "
              f"ratio {t_engine / t_kernel:4.2f} x  (goal <= 1.5 x); {cells / t_engine / 1e6:5.1f} M room-years/s")
        print(f"   drawing ({len(model.specs)} inputs):        {t_draw:6.2f} s")
        print(f"   simulate(), one thread:         {t_sim1:6.2f} s   kernel incl. drawing {t_ker_full:6.2f} s   "
              f"ratio {t_sim1 / t_ker_full:4.2f} x")
        print(f"   simulate(), {default_workers()} threads:          {t_sim:6.2f} s")


# Every command runs with compiled bytecode, as after an ordinary install: this machine sets
# PYTHONDONTWRITEBYTECODE=1, which would make each start-up compile every module of aldlan from
# source (≈ 0.17 s) while pandas & co. come precompiled. A private cache folder keeps the
# repository clean; a first run fills it.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = str(Path(os.environ.get("TMPDIR", "/tmp")) / "aldlan-bench-pycache")


def _timed(cmd: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user + system) and peak memory (MB) of a command, via /usr/bin/time."""
    start = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", *cmd], capture_output=True, text=True, cwd=REPO,
                         check=True, env=ENV)
    wall = time.perf_counter() - start
    user, system, peak = out.stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), float(peak) / 1024, out.stdout


def cli(draws: int, repeat: int) -> None:
    for file in FILES.values():
        cmd = [str(ALDLAN), "simulate", str(file.relative_to(REPO)), "--draws", str(draws), "--format", "json"]
        runs = [_timed(cmd) for _ in range(repeat)]
        wall = min(r[0] for r in runs)
        peak = max(r[2] for r in runs)
        print(f"CLI {' '.join(cmd[1:])}")
        print(f"   wall {wall:6.2f} s, peak memory {peak:6.0f} MB (goal <= 1,536 MB)")
    cmd = [str(ALDLAN), "solve", "scenarios/aldlan-mix.yaml", "--vary", "locations", "--goal", "p_target=0.9",
           "--draws", "100000", "--seed", "1", "--format", "json"]
    runs = [_timed(cmd) for _ in range(repeat)]
    import json

    data = json.loads(runs[0][3])
    print(f"CLI {' '.join(cmd[1:])}")
    print(f"   wall {min(r[0] for r in runs):6.2f} s (goal < 10 s), peak {max(r[2] for r in runs):4.0f} MB; answer "
          f"{data['value']} rooms, chance {data['chance']:.4f} ± {data['error']:.4f}, {len(data['tried'])} values "
          f"computed with all draws")


def startup(repeat: int) -> None:
    py = sys.executable
    cmds = {
        "python -c 'import pandas, pydantic, typer, rich, yaml'": [py, "-c",
                                                                   "import pandas, pydantic, typer, rich, yaml"],
        "aldlan run scenarios/aldlan-mix.yaml": [str(ALDLAN), "run", "scenarios/aldlan-mix.yaml"],
        "aldlan run scenarios/aldlan-mix.yaml --format json": [str(ALDLAN), "run", "scenarios/aldlan-mix.yaml",
                                                             "--format", "json"],
        "aldlan --version": [str(ALDLAN), "--version"],
    }
    for cmd in cmds.values():  # fill the bytecode cache
        _timed(cmd)
    n = max(repeat, 10)
    best = {name: (min(r[0] for r in runs), min(r[1] for r in runs))
            for name, runs in ((name, [_timed(cmd) for _ in range(n)]) for name, cmd in cmds.items())}
    base_wall, base_cpu = next(iter(best.values()))
    print(f"start-up, best of {n} (wall / CPU), bytecode compiled:")
    for name, (wall, cpu) in best.items():
        print(f"   {name:52} {wall:5.2f} s = {wall / base_wall:4.2f} x   CPU {cpu:5.2f} s = {cpu / base_cpu:4.2f} x"
              f"{'   (goal <= 1.3 x)' if name.endswith('aldlan-mix.yaml') else ''}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draws", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-cli", action="store_true")
    args = ap.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}; Python {platform.python_version()}, numpy {np.__version__}")
    if not args.skip_cli:
        startup(args.repeat)
        cli(args.draws, args.repeat)
    in_process(args.draws, args.repeat)


if __name__ == "__main__":
    main()
