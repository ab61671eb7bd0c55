"""A hand-written NumPy kernel of MODEL.md section 3 (version 1 and 2 rules), for the benchmarks.

It takes what the engine takes — one column per parameter path (``participants.zin.count``,
``staff.0.fte``…), one row per variant — and the :class:`~aldlan_model.engine.params.Structure`, and
computes only what ``aldlan simulate`` keeps: per variant, in the report year, savings, hard
savings, cumulative savings, the municipality's net position, the operator's result and subsidy,
and over the whole period the organisation's financing need, the deficit flag and whether the
target is reached. Plain formulas, no tables, no warnings, no ledger: the yardstick the engine is
measured against (``bench_simulate.py``), and a second implementation its numbers are checked by.

Rules (per location, years as columns, MODEL.md §3.1–3.5): the room (staffing norm, ramped
participant-dagdelen incl. former clients), the operator (staff, housing, activities, overhead,
depreciation, margin; tariffs, contributions, other income, a fixed or cover_deficit subsidy), the
wijk's projects (staff, yearly costs, one-offs, yearly / one-off / rest funding by budget),
transport per trip, replaced spending, moved clients, savings and hard savings, × locations.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from aldlan_model.engine.params import Structure

TOL = 0.005


def _staff(col, prefix: str, kinds: tuple[str, ...], W):
    prof = 0.0
    vol = 0.0
    group = 0.0
    for i, kind in enumerate(kinds):
        s = f"{prefix}{i}."
        if kind == "fte":
            prof = prof + col(s + "fte") * col(s + "salary") * (1 + col(s + "employer_charges"))
            gw = col(s + "group_work") if (s + "group_work") in col.keys else 1.0
            group = group + col(s + "fte") * col("norms.hours_per_fte") * gw
        elif kind == "hours":
            prof = prof + col(s + "hours_per_week") * W * col(s + "hourly_cost")
            gw = col(s + "group_work") if (s + "group_work") in col.keys else 1.0
            group = group + col(s + "hours_per_week") * gw
        else:
            vol = vol + col(s + "count") * (col(s + "allowance") + col(s + "other_costs"))
    return prof, vol, group


class _Cols:
    def __init__(self, x: Mapping[str, np.ndarray]):
        self.x = x
        self.keys = x.keys()

    def __call__(self, name: str) -> np.ndarray:
        return self.x[name][:, None]


def room_lines(x: Mapping[str, np.ndarray], st: Structure) -> dict[str, np.ndarray]:
    """Per-year lines (× locations) of ``len(column)`` variants of one room."""
    col = _Cols(x)
    years = np.arange(st.first, st.last + 1, dtype=float)[None, :]
    k = years - col("period.start") + 1
    op = k >= 1
    opf = op.astype(float)
    ramp = np.column_stack([x[f"ramp_up.{i}"] for i in range(st.ramp_len)])
    r = np.take_along_axis(ramp, (np.clip(k, 1, st.ramp_len) - 1).astype(np.intp), axis=1) * opf
    e = years - st.first
    w = (1 + col("indexation.wages")) ** e
    p = (1 + col("indexation.prices")) ** e
    t = (1 + col("indexation.tariffs")) ** e
    W, D, h = col("opening.weeks_per_year"), col("opening.dagdelen_per_week"), col("opening.hours_per_dagdeel")
    prof, vol, group = _staff(col, "staff.", st.staff, W)

    zc, zd = col("participants.zin.count"), col("participants.zin.dagdelen_per_week")
    pc, pd_ = col("participants.pgb.count"), col("participants.pgb.dagdelen_per_week")
    nc, nd = col("participants.without_indication.count"), col("participants.without_indication.dagdelen_per_week")
    fc, fd = col("participants.former_indication.count"), col("participants.former_indication.dagdelen_per_week")
    fb = col("participants.former_indication.baseline_dagdelen_per_week")
    fb = np.where(fb < 0, fd, fb)
    demand = (zc * zd + pc * pd_) / D
    capacity = group / (D * h) * col("norms.max_indicated_per_professional")
    with np.errstate(divide="ignore", invalid="ignore"):
        f = np.where((col("norms.enforce") != 0) & (demand > 0),
                     np.minimum(1.0, capacity / np.where(demand > 0, demand, 1.0)), 1.0)
    f = np.where(f > 1 - 1e-9, 1.0, f)
    P_zin, P_pgb = zc * f * zd * W * r, pc * f * pd_ * W * r
    P_none, P_former, B_former = nc * nd * W * r, fc * fd * W * r, fc * fb * W * r
    N_ind, N_none, N_former = (zc + pc) * f * r, nc * r, fc * r

    operating = prof * w * opf + (vol + col("costs.housing")) * p * opf \
        + col("costs.per_participant_dagdeel") * (P_zin + P_pgb + P_none + P_former) * p
    dep_years = col("costs.startup.depreciation_years")
    depreciation = np.where(op & (k <= dep_years), col("costs.startup.amount") / dep_years, 0.0)
    cost = (operating * (1 + col("costs.overhead")) + depreciation) * (1 + col("costs.margin"))
    income_zin = col("tariffs.buurtkamer.zin") * t * P_zin
    income_pgb = col("tariffs.buurtkamer.pgb") * t * P_pgb
    earned = income_zin + income_pgb + col("income.contribution") * p * (P_none + P_former) \
        + col("income.other") * p * opf
    subsidy = np.maximum(0.0, cost - earned) * opf if st.cover_deficit else col("income.subsidy") * opf
    result = earned + subsidy - cost

    wmo = municipal = project_result = 0.0
    for i, shape in enumerate(st.projects):
        pre = f"projects.{i}."
        run = ((years >= col(pre + "start")) & (years <= col(pre + "end"))).astype(float)
        pprof, pvol, _ = _staff(col, pre + "staff.", shape.staff, W)
        pcost = (pprof * w + pvol * p + col(pre + "yearly_costs") * p) * run
        for m in range(shape.one_offs):
            pcost = pcost + np.where(years == col(f"{pre}one_off.{m}.year"), col(f"{pre}one_off.{m}.amount"), 0.0)
        paid = {"wmo": 0.0, "municipal": 0.0, "external": 0.0}
        others = 0.0
        rest = None
        for j, (kind, budget, n_one) in enumerate(shape.funding):
            at = f"{pre}funding.{j}."
            if kind == "rest":
                rest = budget
                continue
            if kind == "yearly":
                amount = col(at + "yearly") * p * run
            else:
                amount = 0.0
                for m in range(n_one):
                    amount = amount + np.where(years == col(f"{at}one_off.{m}.year"), col(f"{at}one_off.{m}.amount"),
                                               0.0)
            paid[budget] = paid[budget] + amount
            others = others + amount
        if rest is not None:
            paid[rest] = paid[rest] + np.maximum(0.0, pcost - others)
        wmo = wmo + paid["wmo"]
        municipal = municipal + paid["municipal"]
        project_result = project_result + paid["wmo"] + paid["municipal"] + paid["external"] - pcost

    def rate(side: str) -> np.ndarray:
        pre = f"transport.{side}"
        return col(pre) + col(pre + ".per_trip") * col(pre + ".share") / col(pre + ".dagdelen_per_trip")

    T_b, T_0 = rate("buurtkamer"), rate("baseline")
    s, a = col("municipality.substitution"), col("municipality.assessment_per_indication")
    tbz, tbp = col("tariffs.baseline.zin"), col("tariffs.baseline.pgb")
    factor = {"wages": w, "prices": p, "tariffs": t, "none": 1.0}
    replaced = 0.0
    for i, index in enumerate(st.replaced):
        replaced = replaced + col(f"municipality.replaced.{i}.amount") * factor[index] * opf
    scenario = income_zin + income_pgb + subsidy + T_b * t * (P_zin + P_pgb) + a * t * N_ind + wmo
    substitution = s * t * ((tbz + T_0) * P_none + a * N_none)
    baseline = t * (tbz * P_zin + tbp * P_pgb + T_0 * (P_zin + P_pgb) + a * N_ind) + substitution + replaced \
        + t * ((tbz + T_0) * B_former + a * N_former)
    loc = col("locations")
    savings = (baseline - scenario) * loc
    return {
        "savings": savings,
        "savings_hard": savings - substitution * loc,
        "net_municipality": savings - municipal * loc,
        "result": result * loc,
        "subsidy": subsidy * loc,
        "organisation_result": (result + project_result) * loc,
        "operating": op,
        "locations": loc[:, 0],
    }


def evaluate(model, n: int, drawn: Mapping[str, np.ndarray], year: int | None = None) -> dict[str, np.ndarray]:
    """What ``aldlan_model.uncertainty.rooms.evaluate`` returns, by the kernel: a plan's rooms of one
    structure stacked as rows (as the engine does), then summed per variant."""
    from aldlan_model.uncertainty.rooms import _column, year_index

    yi = year_index(model, n, drawn, {}, year)
    upto = np.arange(model.years)[None, :] <= yi[:, None]
    out: dict[str, np.ndarray] = {}
    deficit = np.zeros(n, dtype=bool)
    org = None
    locations = np.zeros(n)
    rows = np.arange(n)
    for structure, members in model.groups:
        L = len(members)
        x = {p: _column(model, members, p, n, drawn, {}) for p in model.rooms[members[0]].points}
        lines = room_lines(x, structure)
        yi_all = np.tile(yi, L)
        rows_all = np.arange(n * L)
        for name in ("savings", "savings_hard", "net_municipality", "result", "subsidy"):
            v = lines[name][rows_all, yi_all].reshape(L, n).sum(axis=0)
            out[name] = out[name] + v if name in out else v
        cum = np.cumsum(lines["savings"], axis=1)[rows_all, yi_all].reshape(L, n).sum(axis=0)
        out["cumulative_savings"] = out.get("cumulative_savings", 0.0) + cum
        loss = (lines["result"] < -TOL) & lines["operating"] & np.tile(upto, (L, 1))
        deficit |= loss.any(axis=1).reshape(L, n).any(axis=0)
        o = lines["organisation_result"].reshape(L, n, -1).sum(axis=0)
        org = o if org is None else org + o
        locations = locations + lines["locations"].reshape(L, n).sum(axis=0)
    need = -np.cumsum(org, axis=1).min(axis=1)
    out["financing_need"] = np.where(need > TOL * locations, need, 0.0)
    amount = _column(model, [0], "target.amount", n, drawn, {})
    out["reached"] = out["savings"] >= amount
    out["reached_hard"] = out["savings_hard"] >= amount
    out["deficit"] = deficit
    del rows
    return out


def simulate(model, draws: int, seed: int, chunk: int, predrawn: dict | None = None) -> dict[str, np.ndarray]:
    """The same run as ``aldlan_model.uncertainty.simulate.simulate`` through the kernel: the same
    draws in the same chunks, one thread, the same kept numbers."""
    from aldlan_model.uncertainty.draws import draw

    kept: dict[str, np.ndarray] = {}
    for start in range(0, draws, chunk):
        stop = min(draws, start + chunk)
        drawn = draw(model.specs, seed, start, stop) if predrawn is None else \
            {k: v[start:stop] for k, v in predrawn.items()}
        out = evaluate(model, stop - start, drawn)
        for name, v in out.items():
            if name not in kept:
                kept[name] = np.empty(draws, dtype=v.dtype)
            kept[name][start:stop] = v
    return kept
