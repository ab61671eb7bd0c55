"""Start-up of ``aldlan run`` against the import floor, measured paired (issue 18).

The floor is ``python -c "import pandas, pydantic, typer, rich, yaml"``: what any tool on this
stack pays before it does anything. Each round runs the floor and every command once, in turn,
so a busy machine slows all of them alike; the figure is the median over rounds of each
command's wall time divided by the floor's in the same round (and the best of each, for
reference). Bytecode is compiled once into a private cache first, as after an ordinary install.

Run: python benchmarks/bench_startup.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = str(Path(os.environ.get("TMPDIR", "/tmp")) / "aldlan-bench-pycache")
PY = sys.executable
COMMANDS = {
    "floor: import pandas, pydantic, typer, rich, yaml": [PY, "-c", "import pandas, pydantic, typer, rich, yaml"],
    "aldlan run scenarios/aldlan-mix.yaml": [PY, "-m", "aldlan_model", "run", "scenarios/aldlan-mix.yaml"],
    "aldlan run scenarios/aldlan-mix.yaml -f json": [PY, "-m", "aldlan_model", "run", "scenarios/aldlan-mix.yaml",
                                                     "-f", "json"],
    "aldlan --version": [PY, "-m", "aldlan_model", "--version"],
}


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=REPO, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    rounds = ap.parse_args().rounds
    for cmd in COMMANDS.values():  # fill the bytecode cache
        wall(cmd)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(rounds):
        for name, cmd in COMMANDS.items():
            times[name].append(wall(cmd))
    floor = times[next(iter(COMMANDS))]
    print(f"load average {os.getloadavg()[0]:.2f}, {rounds} paired rounds; ratio = median of command / floor "
          "in the same round")
    for name, ts in times.items():
        ratios = [t / f for t, f in zip(ts, floor, strict=True)]
        goal = "   (goal <= 1.30 x)" if name == "aldlan run scenarios/aldlan-mix.yaml" else ""
        print(f"  {name:50} median {statistics.median(ts):5.3f} s  best {min(ts):5.3f} s  "
              f"ratio {statistics.median(ratios):4.2f} x{goal}")


if __name__ == "__main__":
    main()
