"""Benchmark of ``aldlan simulate``: 1,000,000 draws of scenarios/aldlan-mix.yaml (7 years).

Prints, for this machine:
- the wall time of ``aldlan simulate scenarios/aldlan-mix.yaml --draws 1000000 --format json`` as a
  subprocess, start-up included (goal: under 5 s), and its peak memory (goal: under 1.5 GB);
- the throughput in draw-years per second;
- the in-process time of ``simulate()`` against a hand-written NumPy kernel of the same formulas
  (MODEL.md section 3, specialised to this scenario's structure) fed with the same draws in the
  same chunks (goal: within 3x), and the same without the drawing on either side.

Run: /work/venv/bin/python benchmarks/bench_simulate.py [--draws 1000000] [--repeat 3]
Timings are the best of ``--repeat`` runs: other work on the machine only ever slows a run down.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
SCENARIO = REPO / "scenarios" / "aldlan-mix.yaml"
ALDLAN = Path(sys.executable).with_name("aldlan")
DEFICIT_TOLERANCE = 0.005


def kernel(x: dict[str, np.ndarray], years: np.ndarray, ramp_len: int) -> dict[str, np.ndarray]:
    """MODEL.md section 3 by hand for aldlan-mix: staff 0 by FTE, staff 1 by the hour, staff 2
    volunteers; a fixed subsidy. Plain arrays in, the per-year lines the simulation keeps out."""
    col = {k: v[:, None] for k, v in x.items()}
    first = float(years[0])
    yrs = years[None, :].astype(float)
    k = yrs - col["period.start"] + 1
    op = k >= 1
    ramp = np.column_stack([x[f"ramp_up.{i}"] for i in range(ramp_len)])
    r = np.take_along_axis(ramp, (np.clip(k, 1, ramp_len) - 1).astype(np.intp), axis=1) * op
    e = yrs - first
    w = (1 + col["indexation.wages"]) ** e
    p = (1 + col["indexation.prices"]) ** e
    t = (1 + col["indexation.tariffs"]) ** e
    W, D, h = col["opening.weeks_per_year"], col["opening.dagdelen_per_week"], col["opening.hours_per_dagdeel"]
    fte, hrs = col["staff.0.fte"], col["staff.1.hours_per_week"]
    prof = fte * col["staff.0.salary"] * (1 + col["staff.0.employer_charges"]) + hrs * W * col["staff.1.hourly_cost"]
    vol = col["staff.2.count"] * (col["staff.2.allowance"] + col["staff.2.other_costs"])
    group_hours = fte * col["norms.hours_per_fte"] * col["staff.0.group_work"] + hrs * col["staff.1.group_work"]
    zc, zd = col["participants.zin.count"], col["participants.zin.dagdelen_per_week"]
    pc, pd_ = col["participants.pgb.count"], col["participants.pgb.dagdelen_per_week"]
    nc, nd = col["participants.without_indication.count"], col["participants.without_indication.dagdelen_per_week"]
    demand = (zc * zd + pc * pd_) / D
    capacity = group_hours / (D * h) * col["norms.max_indicated_per_professional"]
    f = np.where(demand > 0, np.minimum(1.0, capacity / np.where(demand > 0, demand, 1.0)), 1.0)
    P_zin, P_pgb, P_none = zc * f * zd * W * r, pc * f * pd_ * W * r, nc * nd * W * r
    N_ind, N_none = (zc + pc) * f * r, nc * r
    operating = prof * w * op + (vol + col["costs.housing"]) * p * op \
        + col["costs.per_participant_dagdeel"] * (P_zin + P_pgb + P_none) * p
    dep_years = col["costs.startup.depreciation_years"]
    depreciation = np.where(op & (k <= dep_years), col["costs.startup.amount"] / dep_years, 0.0)
    cost = (operating * (1 + col["costs.overhead"]) + depreciation) * (1 + col["costs.margin"])
    income_zin = col["tariffs.buurtkamer.zin"] * t * P_zin
    income_pgb = col["tariffs.buurtkamer.pgb"] * t * P_pgb
    subsidy = col["income.subsidy"] * op
    income = income_zin + income_pgb + col["income.contribution"] * p * P_none + col["income.other"] * p * op + subsidy
    s, a = col["municipality.substitution"], col["municipality.assessment_per_indication"]
    scenario = income_zin + income_pgb + subsidy + col["transport.buurtkamer"] * t * (P_zin + P_pgb) + a * t * N_ind
    baseline = t * (col["tariffs.baseline.zin"] * (P_zin + s * P_none) + col["tariffs.baseline.pgb"] * P_pgb
                    + col["transport.baseline"] * (P_zin + P_pgb + s * P_none) + a * (N_ind + s * N_none))
    loc = col["locations"]
    savings = (baseline - scenario) * loc
    return {"savings": savings, "cumulative_savings": np.cumsum(savings, axis=1), "result": (income - cost) * loc,
            "subsidy": subsidy * loc, "operating": op}


def kernel_simulate(scenario, draws: int, seed: int, chunk: int, predrawn: dict | None = None) -> dict:
    """The same run as ``simulate()`` through ``kernel``: same draws, same chunks, same kept numbers."""
    from aldlan_model.params import flatten
    from aldlan_model.uncertainty.draws import draw, specs

    points = {k: v.point for k, v in flatten(scenario).items()}
    uncertain = specs(scenario)
    years = np.arange(scenario.first, scenario.last + 1)
    yi = scenario.target_year - scenario.first
    kept = {n: np.empty(draws) for n in ("savings", "cumulative_savings", "result", "subsidy")}
    deficit = np.empty(draws, bool)
    for start in range(0, draws, chunk):
        stop = min(draws, start + chunk)
        if predrawn is None:
            drawn = draw(uncertain, seed, start, stop)
        else:
            drawn = {k: v[start:stop] for k, v in predrawn.items()}
        x = {k: drawn[k] if k in drawn else np.full(stop - start, v) for k, v in points.items()}
        out = kernel(x, years, len(scenario.ramp_up))
        for n in kept:
            kept[n][start:stop] = out[n][:, yi]
        loss = (out["result"] < -DEFICIT_TOLERANCE) & out["operating"]
        deficit[start:stop] = loss[:, : yi + 1].any(axis=1)
    return kept | {"deficit": deficit}


def best_of(repeat: int, fn) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return min(times), value


def cli_run(draws: int, repeat: int) -> None:
    cmd = [str(ALDLAN), "simulate", str(SCENARIO), "--draws", str(draws), "--format", "json"]
    startup, _ = best_of(repeat, lambda: subprocess.run([*cmd[:4], "1", *cmd[5:]], check=True,
                                                         capture_output=True, cwd=REPO))
    wall, proc = best_of(repeat, lambda: subprocess.run(cmd, check=True, capture_output=True, cwd=REPO))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KB on Linux
    data = json.loads(proc.stdout)
    years = 7
    print(f"CLI  {' '.join(cmd[1:])}")
    print(f"     wall time (best of {repeat}):      {wall:6.2f} s   (goal < 5 s)")
    print(f"     start-up (the same, --draws 1):{startup:6.2f} s")
    print(f"     peak memory (largest child):   {peak_mb:6.0f} MB  (goal < 1,536 MB)")
    print(f"     throughput incl. start-up:     {draws * years / wall / 1e6:6.2f} M draw-years/s")
    print(f"     P50 savings {data['savings']['p50']:,.0f}, p_target {data['p_target']}, p_deficit {data['p_deficit']}")


def in_process(draws: int, repeat: int) -> None:
    from aldlan_model.cli_uncertainty import keep_freed_memory
    from aldlan_model.loader import load_scenario
    from aldlan_model.uncertainty import simulate as sim_mod
    from aldlan_model.uncertainty.draws import draw, specs

    keep_freed_memory()  # as the CLI does, for both sides
    s = load_scenario(SCENARIO)
    n_years = s.last - s.first + 1
    chunk = sim_mod.chunk_rows(n_years)
    t_engine, sim = best_of(repeat, lambda: sim_mod.simulate(s, draws, 1))
    t_one, _ = best_of(repeat, lambda: sim_mod.simulate(s, draws, 1, workers=1))
    t_kernel, ker = best_of(repeat, lambda: kernel_simulate(s, draws, 1, chunk))
    for name in ker:
        ref = sim.figures[name] if name != "deficit" else sim.deficit
        if name == "deficit":
            assert np.array_equal(ker[name], ref), name
        else:
            assert np.allclose(ker[name], ref, rtol=1e-9, atol=1e-6), name  # the same formulas
    t_draw, pre = best_of(repeat, lambda: draw(specs(s), 1, 0, draws))
    t_kernel_only, _ = best_of(repeat, lambda: kernel_simulate(s, draws, 1, chunk, predrawn=pre))
    t_engine_only = max(t_one - t_draw, 1e-9)  # simulate() draws chunk by chunk; the total is the same work
    print(f"in-process, {draws:,} draws x {n_years} years, chunks of {chunk:,} rows (best of {repeat}):")
    rate = draws * n_years / 1e6
    print(f"     simulate() through the engine: {t_engine:6.2f} s  {rate / t_engine:6.2f} M draw-years/s"
          f"  ({sim_mod.default_workers()} threads; one thread: {t_one:.2f} s)")
    print(f"     hand-written NumPy kernel:     {t_kernel:6.2f} s  {rate / t_kernel:6.2f} M draw-years/s")
    print(f"     ratio engine / kernel:         {t_engine / t_kernel:6.2f} x  (goal < 3 x; one thread each: "
          f"{t_one / t_kernel:.2f} x)")
    print(f"     drawing alone (all draws):     {t_draw:6.2f} s")
    print(f"     without the drawing, 1 thread: engine {t_engine_only:.2f} s, kernel {t_kernel_only:.2f} s, "
          f"ratio {t_engine_only / t_kernel_only:.2f} x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draws", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-cli", action="store_true")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; numpy {np.__version__}")
    if not args.skip_cli:
        cli_run(args.draws, args.repeat)
    in_process(args.draws, args.repeat)


if __name__ == "__main__":
    main()
