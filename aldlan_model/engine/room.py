"""The calculation of MODEL.md section 3, vectorised over variants and years.

``compute(table, structure)`` takes a parameter table (one row per variant, see
:mod:`aldlan_model.engine.params`) and returns a :class:`Result` of (variants x years) arrays,
in named steps: the frame (years, ramp, index factors), the participants and the staffing norm,
the operator, the projects, the municipality and its mechanisms, then the target, staffing and
warning flags. There is no Python loop over years or variants; the only loops run over staff
members, projects and ramp-up steps, which are columns. ``run(scenario)`` is the
single-scenario shortcut. Nothing here prints, exits or formats.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from aldlan_model.engine.lines import DEFICIT_TOLERANCE, PROJECT_KEYS, RATIO_TOLERANCE, SAVINGS_TOLERANCE, Result
from aldlan_model.engine.params import Structure, dated_column, point_table
from aldlan_model.engine.projects import ProjectLines, allowance_over, project_lines, staff_cost
from aldlan_model.engine.target import full_target, pool_flags, reassessment_flag, safe_ratio, savings_rest_flag
from aldlan_model.io.refdata import volunteer_allowance_hourly_max, volunteer_allowance_max
from aldlan_model.model.scenario import Scenario

Arrays = dict[str, np.ndarray]


@dataclass
class Frame:
    """What every step shares: the parameter accessor, the years and the index factors."""

    c: Callable[[str], np.ndarray]
    n: int
    years: np.ndarray  # (1, Y) float
    first: float
    k: np.ndarray  # operating year (n, Y)
    op: np.ndarray  # bool, k >= 1
    opf: np.ndarray  # op as float
    r: np.ndarray  # ramp, (n, Y)
    w: np.ndarray
    p: np.ndarray
    t: np.ndarray
    W: np.ndarray
    D: np.ndarray
    h: np.ndarray
    structure: Structure | None = None
    index_at: dict[str, Callable[[np.ndarray], np.ndarray]] | None = None  # kind -> factor in given years

    @property
    def shape(self) -> tuple[int, int]:
        return (self.n, self.years.shape[1])

    def factor(self, kind: str | None) -> np.ndarray | float:
        """The index factor of a line in the period: ``w``, ``p``, ``t`` or (``none``/None) 1."""
        return {"wages": self.w, "prices": self.p, "tariffs": self.t}.get(kind or "none", 1.0)

    def m(self, path: str, kind: str | None) -> np.ndarray:
        """A money input for the rule of MODEL.md §3.9: its value in first-year money, ``v_k / I_k``.

        Undated: the column itself, an (n, 1) array, so the arithmetic stays today's exactly. Dated
        (``path@year`` columns): an (n, Y) array, year by year the key ``k`` in force (the largest key
        ≤ the year, else the first) divided by the line's index ``I`` (``kind``) in year ``k``.
        """
        keys = self.structure.keys_of(path) if self.structure is not None else None
        if keys is None:
            return self.c(path)
        years = np.asarray(keys, dtype=float)[None, :]
        values = np.column_stack([self.c(dated_column(path, k))[:, 0] for k in keys])  # (n, K)
        per_key = values if kind in (None, "none") else values / self.index_at[kind](years)
        chosen = np.clip(np.searchsorted(np.asarray(keys), self.years[0], side="right") - 1, 0, None)
        return per_key[:, chosen]


def input_in_year(result: Result, path: str, kind: str, year: int, variant: int = 0) -> float:
    """A money input as the rules read it in ``year`` (MODEL.md §3.9), indexed: ``v_k / I_k × I_y`` — a
    tariff published for 2023 is worth less in 2021. A plan: its first room's."""
    part = result.parts[0] if result.parts else result
    fr = frame(part.table, part.structure)
    j = part.year_index(year)
    first_money = fr.m(path, kind)
    factor = fr.factor(kind)
    factor = factor[variant, j] if isinstance(factor, np.ndarray) else factor
    return float(first_money[variant, j if first_money.shape[1] > 1 else 0] * factor)


def _col(table: pd.DataFrame, name: str) -> np.ndarray:
    """A parameter column as an (n, 1) array, to broadcast against the years."""
    return table[name].to_numpy(dtype=float)[:, None]


def frame(table: pd.DataFrame | Mapping[str, np.ndarray], structure: Structure) -> Frame:
    """Operating years, ramp and index factors from ``first`` (MODEL.md §3.1)."""
    if isinstance(table, pd.DataFrame):
        c = lambda name: _col(table, name)  # noqa: E731 - a short local accessor
        n = len(table)
    else:
        c = lambda name: np.asarray(table[name], dtype=float)[:, None]  # noqa: E731
        n = len(next(iter(table.values())))
    years = structure.years[None, :].astype(float)  # (1, Y)
    first = float(structure.first)
    k = years - c("period.start") + 1  # operating year, (n, Y)
    op = k >= 1
    opf = op.astype(float)
    ramp = np.column_stack([c(f"ramp_up.{i}")[:, 0] for i in range(structure.ramp_len)])
    ramp_idx = (np.clip(k, 1, structure.ramp_len) - 1).astype(int)
    r = np.take_along_axis(ramp, ramp_idx, axis=1) * opf
    index_at = {kind: _index(c, structure, f"indexation.{kind}", n) for kind in ("wages", "prices", "tariffs")}
    w, p, t = (index_at[kind](years) for kind in ("wages", "prices", "tariffs"))
    return Frame(c, n, years, first, k, op, opf, r, w, p, t,
                 c("opening.weeks_per_year"), c("opening.dagdelen_per_week"), c("opening.hours_per_dagdeel"),
                 structure, index_at)


def _index(c: Callable[[str], np.ndarray], structure: Structure, path: str,
           n: int) -> Callable[[np.ndarray], np.ndarray]:
    """The index factor from ``first`` (MODEL.md §3.1) as a function of (1, K) float years → (n, K).

    A plain rate: ``(1 + rate) ** (y − first)``, today's arithmetic. A dated rate (v3): the product
    of the rates in force in each year after ``first`` (``1 / Π_{j=y+1..first}`` before ``first``).
    """
    first = structure.first
    keys = structure.keys_of(path)
    if keys is None:
        rate = c(path)
        return lambda years: (1 + rate) ** (years - float(first))
    spans = [first, structure.last, *keys] + [k for _, ks in structure.dated for k in ks]
    lo, hi = min(spans), max(spans)
    span = np.arange(lo, hi + 1)  # every year an index may be asked for
    rates = np.column_stack([c(dated_column(path, k))[:, 0] for k in keys])
    chosen = np.clip(np.searchsorted(np.asarray(keys), span, side="right") - 1, 0, None)
    grow = 1 + rates[:, chosen]  # (n, J): the rise from j − 1 to j
    j0 = first - lo
    factors = np.ones((n, len(span)))
    if hi > first:
        factors[:, j0 + 1:] = np.cumprod(grow[:, j0 + 1:], axis=1)
    if j0 > 0:  # before first: 1 / Π_{j=y+1..first} (1 + rate_j)
        back = np.cumprod(grow[:, 1:j0 + 1][:, ::-1], axis=1)[:, ::-1]
        factors[:, :j0] = 1 / back

    def at(years: np.ndarray) -> np.ndarray:
        return factors[:, (np.asarray(years, dtype=float)[0] - lo).astype(int)]

    return at


def participants(fr: Frame, structure: Structure) -> Arrays:
    """Staff hours, the staffing norm at full operation (not ramped) and the participant-dagdelen."""
    c, W, D, r = fr.c, fr.W, fr.D, fr.r
    zeros = np.zeros((fr.n, 1))
    prof_group_hours, prof_hours, vol_hours, vol_count = zeros.copy(), zeros.copy(), zeros.copy(), zeros.copy()
    hours_per_fte = c("norms.hours_per_fte")
    for i, kind in enumerate(structure.staff):  # a loop over members (columns), never over years or variants
        s = f"staff.{i}."
        if kind == "volunteer":
            vol_hours = vol_hours + c(s + "count") * c(s + "hours_per_week")
            vol_count = vol_count + c(s + "count")
            continue
        hours = c(s + "fte") * hours_per_fte if kind == "fte" else c(s + "hours_per_week")  # part_time: its hours
        prof_hours = prof_hours + hours
        prof_group_hours = prof_group_hours + hours * c(s + "group_work")
    zc, zd = c("participants.zin.count"), c("participants.zin.dagdelen_per_week")
    pc, pd_ = c("participants.pgb.count"), c("participants.pgb.dagdelen_per_week")
    nc, nd = c("participants.without_indication.count"), c("participants.without_indication.dagdelen_per_week")
    fc, fd = c("participants.former_indication.count"), c("participants.former_indication.dagdelen_per_week")
    fb = c("participants.former_indication.baseline_dagdelen_per_week")
    fb = np.where(fb < 0, fd, fb)  # not written: what they have in the room
    present = prof_group_hours / (D * fr.h)
    demand = (zc * zd + pc * pd_) / D
    capacity = present * c("norms.max_indicated_per_professional")
    enforce = (c("norms.enforce") != 0) & (demand > 0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        f = np.where(enforce, np.minimum(1.0, capacity / np.where(demand > 0, demand, 1.0)), 1.0)
    f = np.where(f > 1.0 - RATIO_TOLERANCE, 1.0, f)  # capacity equal to demand up to noise serves everyone
    zin_s, pgb_s = zc * f, pc * f
    att = c("participants.attendance")  # v3 §2.8: × 1.0 is exact, so a v2 file keeps its figures
    origin = {g: tuple(c(f"participants.{g}.origin.{o}") for o in ("reindicated", "same_product", "new"))
              for g in ("zin", "pgb")}
    mq = {g: m + q for g, (m, q, _) in origin.items()}  # had an indicatie before (v3 §2.7)
    return {
        "prof_hours": prof_hours, "prof_group_hours": prof_group_hours, "vol_hours": vol_hours,
        "vol_count": vol_count, "present": present, "demand": demand, "capacity": capacity, "f": f,
        "short": (demand > 0) & (capacity < demand * (1.0 - RATIO_TOLERANCE)),
        "zin_s": zin_s, "pgb_s": pgb_s, "zd": zd, "pd": pd_, "nc": nc, "nd": nd, "fc": fc, "fd": fd,
        "P_zin": zin_s * zd * W * r * att, "P_pgb": pgb_s * pd_ * W * r * att, "P_none": nc * nd * W * r * att,
        "P_former": fc * fd * W * r * att, "B_former": fc * fb * W * r * att,
        "N_ind": (zin_s + pgb_s) * r, "N_none": nc * r, "N_former": fc * r,
        "N_zin": zin_s * r, "N_pgb": pgb_s * r,
        "N_prior": (mq["zin"] * zin_s + mq["pgb"] * pgb_s) * r,  # persons whose indicatie the baseline pays
        "m_zin": origin["zin"][0], "q_zin": origin["zin"][1], "n_zin": origin["zin"][2],
        "m_pgb": origin["pgb"][0], "q_pgb": origin["pgb"][1], "n_pgb": origin["pgb"][2],
        "mq_zin": mq["zin"], "mq_pgb": mq["pgb"],
    }


def operator(fr: Frame, structure: Structure, v: Arrays) -> tuple[Arrays, list]:
    """The operator's cost and income lines (MODEL.md §3.2), and its volunteers for the allowance check."""
    c, m, p, t, opf = fr.c, fr.m, fr.p, fr.t, fr.opf
    staff_prof_w, staff_vol_p, volunteers = staff_cost(c, "staff.", structure.staff, fr.W, fr.w, p, m)
    staff_professional = staff_prof_w * opf
    staff_volunteer = staff_vol_p * opf
    housing = m("costs.housing", "prices") * p * opf
    activities = m("costs.per_participant_dagdeel", "prices") * (
        v["P_zin"] + v["P_pgb"] + v["P_none"] + v["P_former"]) * p
    operating = staff_professional + staff_volunteer + housing + activities
    overhead = c("costs.overhead") * operating
    dep_years = c("costs.startup.depreciation_years")
    depreciation = np.where(fr.op & (fr.k <= dep_years), c("costs.startup.amount") / dep_years, 0.0)
    margin = c("costs.margin") * (operating + overhead + depreciation)
    cost = operating + overhead + depreciation + margin
    income_zin = m("tariffs.buurtkamer.zin", "tariffs") * t * v["P_zin"]
    income_pgb = m("tariffs.buurtkamer.pgb", "tariffs") * t * v["P_pgb"]
    income_contribution = m("income.contribution", "prices") * p * (v["P_none"] + v["P_former"])
    other = other_income(fr, structure)
    income_other = other["income_other"]
    earned = income_zin + income_pgb + income_contribution + income_other
    subsidy = (  # either way a fresh (n, Y) array
        np.maximum(0.0, cost - earned) * opf if structure.cover_deficit else m("income.subsidy", None) * opf
    )
    income = earned + subsidy
    lines = {
        "staff_professional": staff_professional, "staff_volunteer": staff_volunteer, "housing": housing,
        "activities": activities, "overhead": overhead, "depreciation": depreciation, "margin": margin,
        "cost": cost, "income_zin": income_zin, "income_pgb": income_pgb,
        "income_contribution": income_contribution, "income_other": income_other, "subsidy": subsidy,
        "income": income, "result": income - cost,
        **{name: x for name, x in other.items() if name != "income_other"},
    }
    return lines, volunteers


def other_income(fr: Frame, structure: Structure) -> Arrays:
    """``income.other`` and its split by budget (MODEL.md §2.9, v3): a bare number is external."""
    p, opf = fr.p, fr.opf
    bare = fr.m("income.other", "prices") * p * opf
    if not structure.other_income:  # a bare number (version 1/2): today's arithmetic exactly
        zero = np.zeros(fr.shape)
        return {"income_other": bare, "income_other_wmo": zero, "income_other_municipal": zero.copy(),
                "income_other_external": bare}
    split = {b: np.zeros(fr.shape) for b in ("wmo", "municipal", "external")}
    for i, budget in enumerate(structure.other_income):  # a loop over lines (columns)
        split[budget] = split[budget] + fr.m(f"income.other.{i}.amount", "prices") * p * opf
    return {"income_other": split["wmo"] + split["municipal"] + split["external"],
            "income_other_wmo": split["wmo"], "income_other_municipal": split["municipal"],
            "income_other_external": split["external"]}


def projects(fr: Frame, structure: Structure, lean: bool) -> tuple[list[ProjectLines], Arrays, tuple]:
    """The wijk's other projects (MODEL.md §3.3), summed; and the allowance maxima per year."""
    if not lean:
        yearly_max = volunteer_allowance_max().values_for(structure.years)[None, :]
        hourly_max = volunteer_allowance_hourly_max().values_for(structure.years)[None, :]
    else:  # a lean result has no warnings
        yearly_max = hourly_max = np.full((1, fr.years.shape[1]), np.inf)
    each = [
        project_lines(fr.c, i, ps, fr.years, fr.W, fr.w, fr.p, yearly_max, hourly_max, fr.m)
        for i, ps in enumerate(structure.projects)
    ]
    zero = np.zeros(fr.shape)
    by_budget = {b: sum((pr.funding[b] for pr in each), zero) for b in ("wmo", "municipal", "external")}
    cost = sum((pr.cost for pr in each), zero)
    funding = by_budget["wmo"] + by_budget["municipal"] + by_budget["external"]
    sums = {
        "projects_cost": cost, "projects_funding": funding, "projects_result": funding - cost,
        "projects_wmo": by_budget["wmo"], "projects_municipal": by_budget["municipal"],
        "projects_external": by_budget["external"],
    }
    return each, sums, (yearly_max, hourly_max)


def trip_rate(fr: Frame, side: str) -> np.ndarray:
    """The transport rate per dagdeel (MODEL.md §2.1): a bare rate, or per_trip × share / dagdelen_per_trip.

    In first-year money (§3.9: a dated rate or per_trip is read with the tariffs index)."""
    pre = f"transport.{side}"
    c, m = fr.c, fr.m
    return m(pre, "tariffs") + m(pre + ".per_trip", "tariffs") * c(pre + ".share") / c(pre + ".dagdelen_per_trip")


def municipality(fr: Frame, structure: Structure, v: Arrays, ops: Arrays, proj: Arrays) -> Arrays:
    """Baseline, scenario and savings with their parts (MODEL.md §3.2; v3: origins and other Wmo income).

    With the default origin (reindicated 1, same_product 0, new 0) every product with a share is × 1.0
    and every added term is + 0.0: a version 2 file gets exactly its version 2 figures."""
    c, m, t = fr.c, fr.m, fr.t
    T_b, T_0 = trip_rate(fr, "buurtkamer"), trip_rate(fr, "baseline")
    s_ = c("municipality.substitution")
    assess = m("municipality.assessment_per_indication", "tariffs")
    tb_zin, tb_pgb = m("tariffs.baseline.zin", "tariffs"), m("tariffs.baseline.pgb", "tariffs")
    tz, tp = m("tariffs.buurtkamer.zin", "tariffs"), m("tariffs.buurtkamer.pgb", "tariffs")
    P_zin, P_pgb, P_none, N_ind, N_none = v["P_zin"], v["P_pgb"], v["P_none"], v["N_ind"], v["N_none"]
    scenario_transport = T_b * t * (P_zin + P_pgb)
    scenario_assessment = assess * t * N_ind
    replaced = np.zeros(fr.shape)
    for i, index in enumerate(structure.replaced):
        replaced = replaced + m(f"municipality.replaced.{i}.amount", index) * fr.factor(index) * fr.opf
    moved_clients = (tb_zin + T_0) * t * v["B_former"] + assess * t * v["N_former"]
    scenario = (
        ops["income_zin"] + ops["income_pgb"] + ops["subsidy"]
        + scenario_transport
        + scenario_assessment
        + proj["projects_wmo"]
        + ops["income_other_wmo"]
    )
    # the indicated part of the baseline by origin (v3 §3.2): re-indicated at the baseline tariff,
    # same_product at the room's tariff; transport and indicatie for both
    same_product = v["q_zin"] * tz * t * P_zin + v["q_pgb"] * tp * t * P_pgb
    baseline_tariff_zin = tb_zin * t * (v["m_zin"] * P_zin) + v["q_zin"] * tz * t * P_zin
    baseline_tariff_pgb = tb_pgb * t * (v["m_pgb"] * P_pgb) + v["q_pgb"] * tp * t * P_pgb
    prior_P = v["mq_zin"] * P_zin + v["mq_pgb"] * P_pgb
    baseline = (
        tb_zin * t * (v["m_zin"] * P_zin + s_ * P_none)
        + tb_pgb * t * (v["m_pgb"] * P_pgb)
        + T_0 * t * (prior_P + s_ * P_none)
        + assess * t * (v["N_prior"] + s_ * N_none)
        + replaced + moved_clients
        + same_product
    )
    savings = baseline - scenario
    substitution = s_ * (tb_zin * t * P_none + T_0 * t * P_none + assess * t * N_none)
    return {
        "baseline": baseline, "scenario": scenario, "savings": savings, "substitution": substitution,
        # v3: a negative substitution (induced demand) stays in the hard figure
        "savings_hard": savings - np.maximum(0.0, substitution), "replaced": replaced, "moved_clients": moved_clients,
        "scenario_transport": scenario_transport, "scenario_assessment": scenario_assessment,
        "baseline_tariff_zin": baseline_tariff_zin, "baseline_tariff_pgb": baseline_tariff_pgb,
        "baseline_transport": T_0 * t * prior_P, "baseline_assessment": assess * t * v["N_prior"],
        "T_b": T_b, "T_0": T_0, "tz": tz, "tp": tp, "tb_zin": tb_zin, "tb_pgb": tb_pgb, "assess": assess,
    }


def mechanisms(fr: Frame, v: Arrays, ops: Arrays, proj: Arrays, mun: Arrays) -> Arrays:
    """The mechanisms of MODEL.md §3.4 not already among the municipality's lines, and the ledger's parts."""
    t = fr.t
    tb_zin, tb_pgb, tz, tp = mun["tb_zin"], mun["tb_pgb"], mun["tz"], mun["tp"]
    P_zin, P_pgb = v["P_zin"], v["P_pgb"]
    T_b, assess = mun["T_b"], mun["assess"]
    # v3 new_clients: what the Wmo pays for participants who had no indicatie, in three parts for the ledger
    nc_tariff = v["n_zin"] * tz * t * P_zin + v["n_pgb"] * tp * t * P_pgb
    nc_transport = T_b * t * (v["n_zin"] * P_zin + v["n_pgb"] * P_pgb)
    nc_assessment = assess * t * (v["n_zin"] * v["N_zin"] + v["n_pgb"] * v["N_pgb"])
    return {
        "tariff_difference": (tb_zin - tz) * t * (v["m_zin"] * P_zin) + (tb_pgb - tp) * t * (v["m_pgb"] * P_pgb),
        "transport_avoided": (mun["T_0"] - T_b) * t * (v["mq_zin"] * P_zin + v["mq_pgb"] * P_pgb),
        "new_clients": 0.0 - (nc_tariff + nc_transport + nc_assessment),
        "paid": 0.0 - (ops["subsidy"] + proj["projects_wmo"] + ops["income_other_wmo"]),
        "baseline_tariff_zin": mun["baseline_tariff_zin"], "baseline_tariff_pgb": mun["baseline_tariff_pgb"],
        "baseline_transport": mun["baseline_transport"], "baseline_assessment": mun["baseline_assessment"],
        "new_clients_tariff": nc_tariff, "new_clients_transport": nc_transport,
        "new_clients_assessment": nc_assessment,
    }


def lean_lines(fr: Frame, wanted: Collection[str], ops: Arrays, proj: Arrays, mun: Arrays) -> Arrays:
    """Only the asked lines (all locations): Monte Carlo, sensitivity and solve need no more."""
    savings, municipal = mun["savings"], proj["projects_municipal"]
    organisation_result = ops["result"] + proj["projects_result"]
    lean = {
        "savings": savings, "savings_hard": mun["savings_hard"], "result": ops["result"], "subsidy": ops["subsidy"],
        "cost": ops["cost"], "income": ops["income"], "baseline": mun["baseline"], "scenario": mun["scenario"],
        "organisation_result": organisation_result, "projects_result": proj["projects_result"],
        "substitution": mun["substitution"],
    }
    if "cumulative_cash" in wanted or "cash" in wanted:
        lean["cash"] = cash_lines(fr, ops, organisation_result)["cash"]
    shape = fr.shape
    locations = fr.c("locations")
    one = bool(np.all(locations == 1.0))
    out: Arrays = {}
    for name in wanted:
        if name == "net_municipality":
            value = savings - municipal - ops["income_other_municipal"]
        elif name == "cumulative_savings":
            value = np.cumsum(np.broadcast_to(savings, shape), axis=1)
        elif name == "cumulative_result":
            value = np.cumsum(np.broadcast_to(organisation_result, shape), axis=1)
        elif name == "cumulative_net_municipality":
            value = np.cumsum(np.broadcast_to(savings - municipal - ops["income_other_municipal"], shape), axis=1)
        elif name == "cumulative_cash":
            value = np.cumsum(np.broadcast_to(lean["cash"], shape), axis=1)
        else:
            value = lean[name]
        value = np.broadcast_to(value, shape)
        out[name] = value if one else value * locations
    return out


def cash_lines(fr: Frame, ops: Arrays, organisation_result: np.ndarray) -> Arrays:
    """Cash (MODEL.md §2.10, §3.5 v3): the start-up paid in operating year 1, the tariffs received
    ``payment_days`` later; ``cash = organisation_result + depreciation − startup_paid − Δreceivable``."""
    receivable = (ops["income_zin"] + ops["income_pgb"]) * fr.c("income.payment_days") / 365.0 * fr.opf
    startup_paid = np.where(fr.k == 1, fr.c("costs.startup.amount"), 0.0)
    receivable = np.broadcast_to(receivable, fr.shape)
    before = np.concatenate([np.zeros((fr.n, 1)), receivable[:, :-1]], axis=1)  # 0 before first
    cash = organisation_result + ops["depreciation"] - startup_paid - (receivable - before)
    return {"receivable": receivable, "startup_paid": np.broadcast_to(startup_paid, fr.shape), "cash": cash}


def payers(ops: Arrays, proj: Arrays, savings: np.ndarray, organisation_result: np.ndarray) -> Arrays:
    """Who pays, who saves (MODEL.md §3.8, v3), per year against the situation without the room."""
    out = {
        "payers_wmo": savings + 0.0,
        "payers_municipal": 0.0 - (proj["projects_municipal"] + ops["income_other_municipal"]),
        "payers_participants": 0.0 - ops["income_contribution"],
        "payers_external": 0.0 - (proj["projects_external"] + ops["income_other_external"]),
        "payers_organisation": organisation_result + 0.0,
    }
    out["payers_total"] = (out["payers_wmo"] + out["payers_municipal"] + out["payers_participants"]
                           + out["payers_external"] + out["payers_organisation"])
    return out


def per_location(fr: Frame, v: Arrays, ops: Arrays, each: list[ProjectLines], proj: Arrays, mun: Arrays,
                 mech: Arrays) -> Arrays:
    """Every money line of one location as a fresh (n, Y) float array, with the running sums."""
    organisation_result = ops["result"] + proj["projects_result"]
    net = mun["savings"] - proj["projects_municipal"] - ops["income_other_municipal"]  # − 0.0 in a v2 file
    per_loc = {
        **ops,
        "baseline": mun["baseline"], "scenario": mun["scenario"], "savings": mun["savings"],
        **proj,
        "organisation_result": organisation_result,
        "replaced": mun["replaced"], "savings_hard": mun["savings_hard"],
        "net_municipality": net,
        "substitution": mun["substitution"], "tariff_difference": mech["tariff_difference"],
        "transport_avoided": mech["transport_avoided"], "moved_clients": mun["moved_clients"],
        "paid": mech["paid"], "new_clients": mech["new_clients"],
        "baseline_tariff_zin": mech["baseline_tariff_zin"], "baseline_tariff_pgb": mech["baseline_tariff_pgb"],
        "baseline_transport": mech["baseline_transport"], "baseline_assessment": mech["baseline_assessment"],
        "new_clients_tariff": mech["new_clients_tariff"], "new_clients_transport": mech["new_clients_transport"],
        "new_clients_assessment": mech["new_clients_assessment"],
        "scenario_transport": mun["scenario_transport"], "scenario_assessment": mun["scenario_assessment"],
        "dagdelen": v["P_zin"] + v["P_pgb"] + v["P_none"] + v["P_former"],
        **cash_lines(fr, ops, organisation_result),
        **payers(ops, proj, mun["savings"], organisation_result),
    }
    for i, pr in enumerate(each):
        per_loc[f"project.{i}.cost"] = pr.cost
        per_loc[f"project.{i}.result"] = pr.result
        for b in ("wmo", "municipal", "external"):
            per_loc[f"project.{i}.{b}"] = pr.funding[b]
    shape = fr.shape
    per_loc = {  # the lines are fresh (n, Y) float arrays already: copy only one that is not
        name: x if x.shape == shape and x.dtype == np.float64 else np.broadcast_to(x, shape).astype(float)
        for name, x in per_loc.items()
    }
    per_loc["cumulative_savings"] = np.cumsum(per_loc["savings"], axis=1)
    per_loc["cumulative_result"] = np.cumsum(per_loc["organisation_result"], axis=1)
    per_loc["cumulative_net_municipality"] = np.cumsum(per_loc["net_municipality"], axis=1)
    per_loc["cumulative_cash"] = np.cumsum(per_loc["cash"], axis=1)
    return per_loc


def staffing(fr: Frame, table: pd.DataFrame, v: Arrays, each: list[ProjectLines]) -> Arrays:
    """Staff hours, the norm, group size and the pools (MODEL.md §3.1, §3.6), one value per variant."""
    c = fr.c
    out = {
        "professional_hours": v["prof_hours"][:, 0],
        "professional_group_hours": v["prof_group_hours"][:, 0],
        "volunteer_hours": v["vol_hours"][:, 0],
        "volunteer_share": safe_ratio(v["vol_hours"], v["prof_hours"] + v["vol_hours"])[:, 0],
        "present": v["present"][:, 0],
        "demand": v["demand"][:, 0],
        "capacity": v["capacity"][:, 0],
        "indicated_per_professional": safe_ratio(v["demand"], v["present"])[:, 0],
        "served_share": v["f"][:, 0],
        "norm": table["norms.max_indicated_per_professional"].to_numpy(float),
    }
    # group size and pools: full operation, not ramped
    group = (v["zin_s"] * v["zd"] + v["pgb_s"] * v["pd"] + v["nc"] * v["nd"] + v["fc"] * v["fd"]) / fr.D
    max_group = c("norms.max_group_per_professional")
    group_limit = v["present"] * max_group
    loc_count = c("locations")
    room_volunteers = v["vol_count"] + sum((pr.volunteers for pr in each), np.zeros((fr.n, 1)))
    return out | {
        "group_present": group[:, 0],
        "group_limit": np.where(max_group[:, 0] > 0, group_limit[:, 0], np.nan),
        # v3: only participants who had an indicatie before (re-indicated or same product)
        "pool_clients": (loc_count * (v["mq_zin"] * v["zin_s"] + v["mq_pgb"] * v["pgb_s"] + v["fc"]))[:, 0],
        "pool_volunteers": (loc_count * room_volunteers)[:, 0],
        "volunteers_per_location": room_volunteers[:, 0],
    }


def flags(fr: Frame, table: pd.DataFrame, v: Arrays, ops: Arrays, each: list[ProjectLines], staff: Arrays,
          target: Arrays, over: np.ndarray, project_over: np.ndarray) -> Arrays:
    """One boolean per variant per warning code (MODEL.md §3.6)."""
    max_group = fr.c("norms.max_group_per_professional")[:, 0]
    group, limit = staff["group_present"], v["present"][:, 0] * max_group
    out = {
        "norm_not_met": v["short"][:, 0],
        "allowance_above_legal_max": (over | project_over).any(axis=1),
        "operator_deficit": ((ops["result"] < -DEFICIT_TOLERANCE) & fr.op).any(axis=1),
        "no_savings": target["savings_per_location"] <= SAVINGS_TOLERANCE,
        "start_after_target": table["period.start"].to_numpy(float) > table["target.year"].to_numpy(float),
        "project_deficit": np.any(
            [(pr.result < -DEFICIT_TOLERANCE).any(axis=1) for pr in each], axis=0
        ) if each else np.zeros(fr.n, dtype=bool),
        "group_too_large": (max_group > 0) & (group > limit * (1 + RATIO_TOLERANCE)),
    }
    out |= pool_flags(table, staff)
    out["savings_rest_on_substitution"] = savings_rest_flag(target)
    out["savings_rest_on_reassessment"] = reassessment_flag(target)
    return out


def detail(fr: Frame, v: Arrays, mun: Arrays, each: list[ProjectLines], maxima: tuple, over: np.ndarray,
           project_over: np.ndarray) -> Arrays:
    """Intermediate arrays that ``explain`` shows."""
    r = fr.r
    out = {
        "k": np.broadcast_to(fr.k, fr.shape), "r": r, "w": np.broadcast_to(fr.w, r.shape),
        "p": np.broadcast_to(fr.p, r.shape), "t": np.broadcast_to(fr.t, r.shape),
        "P_zin": v["P_zin"], "P_pgb": v["P_pgb"], "P_none": v["P_none"], "N_ind": v["N_ind"], "N_none": v["N_none"],
        "P_former": np.broadcast_to(v["P_former"], r.shape), "B_former": np.broadcast_to(v["B_former"], r.shape),
        "N_former": np.broadcast_to(v["N_former"], r.shape),
        "N_zin": np.broadcast_to(v["N_zin"], r.shape), "N_pgb": np.broadcast_to(v["N_pgb"], r.shape),  # explain v3
        "T_b": np.broadcast_to(mun["T_b"], fr.shape)[:, 0], "T_0": np.broadcast_to(mun["T_0"], fr.shape)[:, 0],
        "allowance_over": over, "project_allowance_over": project_over,
        "legal_max": np.broadcast_to(maxima[0], r.shape), "hourly_max": np.broadcast_to(maxima[1], r.shape),
    }
    for i, pr in enumerate(each):
        out[f"project.{i}.running"] = np.broadcast_to(pr.running, fr.shape)
        out[f"project.{i}.allowance_over"] = pr.allowance_over
    if fr.structure is not None:  # v3: a dated allowance read year by year (§3.9), for its warning
        for path, _ in fr.structure.dated:
            if path.endswith(".allowance"):
                out[path] = np.broadcast_to(fr.m(path, "prices"), fr.shape)
    return out


def compute(table: pd.DataFrame | Mapping[str, np.ndarray], structure: Structure,
            lines: Collection[str] | None = None) -> Result:
    """Compute every line of MODEL.md section 3 for every row of ``table``.

    ``lines`` asks for a lean result (Monte Carlo, sensitivity, solve): only those money lines (any
    of :data:`LEAN_LINES`, all locations), ``detail["k"]``, no target, staffing, flags or ledger
    parts; ``table`` may then be a plain mapping of columns. Every line is the same number either way.
    """
    fr = frame(table, structure)
    v = participants(fr, structure)
    ops, volunteers = operator(fr, structure, v)
    each, proj, maxima = projects(fr, structure, lean=lines is not None)
    mun = municipality(fr, structure, v, ops, proj)
    if lines is not None:
        out = lean_lines(fr, lines, ops, proj, mun)
        return Result(structure, table, out, {}, {}, {}, {}, {"k": fr.k})  # type: ignore[arg-type]
    mech = mechanisms(fr, v, ops, proj, mun)
    per_loc = per_location(fr, v, ops, each, proj, mun, mech)
    locations = fr.c("locations")
    # x * 1.0 is x exactly: with one location the totals share the per-location arrays
    all_lines = dict(per_loc) if np.all(locations == 1.0) else {name: x * locations for name, x in per_loc.items()}
    target = full_target(table, all_lines, per_loc, structure.first, np.broadcast_to(fr.p, fr.shape),
                         structure.ramp_len)
    staff = staffing(fr, table, v, each)
    over = allowance_over(volunteers, fr.W, fr.p, *maxima) & fr.op
    project_over = np.zeros_like(over)
    for pr in each:
        project_over |= pr.allowance_over
    warn = flags(fr, table, v, ops, each, staff, target, over, project_over)
    project_list = [
        (name, {key: all_lines[f"project.{i}.{key}"] for key in PROJECT_KEYS})
        for i, name in enumerate(structure.project_names)
    ]
    return Result(structure, table, all_lines, per_loc, staff, target, warn,
                  detail(fr, v, mun, each, maxima, over, project_over), projects=project_list)


def run(scenario: Scenario) -> Result:
    """Compute one scenario (a single variant)."""
    return compute(point_table(scenario), Structure.of(scenario))
