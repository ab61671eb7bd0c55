"""The calculation of MODEL.md section 3, vectorised over variants and years.

``compute(table, structure)`` takes a parameter table (one row per variant, see
:mod:`aldlan_model.engine.params`) and returns a :class:`Result` of (variants x years) arrays.
There is no Python loop over years or variants; the only loops run over staff members
and ramp-up steps, which are columns. ``run(scenario)`` is the single-scenario shortcut.
Nothing here prints, exits or formats.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from aldlan_model.engine.params import Structure, point_table
from aldlan_model.engine.projects import allowance_over, project_lines, staff_cost
from aldlan_model.io.refdata import volunteer_allowance_hourly_max, volunteer_allowance_max
from aldlan_model.model.scenario import Scenario

OPERATOR_LINES = (
    "staff_professional", "staff_volunteer", "housing", "activities", "overhead",
    "depreciation", "margin", "cost", "income_zin", "income_pgb", "income_contribution",
    "income_other", "subsidy", "income", "result",
)
COST_LINES = OPERATOR_LINES[:7]
INCOME_LINES = OPERATOR_LINES[8:13]
MUNICIPALITY_LINES = ("baseline", "scenario", "savings", "cumulative_savings")
V1_MONEY_LINES = OPERATOR_LINES + MUNICIPALITY_LINES
# v2 (MODEL.md §3.3–3.5, §4)
PROJECT_OPERATOR_LINES = (
    "projects_cost", "projects_funding", "projects_result", "projects_municipal", "projects_external",
    "organisation_result", "cumulative_result",
)
MECHANISMS = ("tariff_difference", "transport_avoided", "substitution", "replaced", "moved_clients", "paid")
V2_MUNICIPALITY_LINES = (
    "replaced", "projects_wmo", "savings_hard", "net_municipality", "cumulative_net_municipality",
)
# the parts of the baseline and the scenario, for the rounded ledger (MODEL.md §4.1)
BASELINE_PARTS = (
    "baseline_tariff_zin", "baseline_tariff_pgb", "baseline_transport", "baseline_assessment",
    "substitution", "replaced", "moved_clients",
)
SCENARIO_PARTS = (
    "income_zin", "income_pgb", "subsidy", "scenario_transport", "scenario_assessment", "projects_wmo",
)
MONEY_LINES = V1_MONEY_LINES + PROJECT_OPERATOR_LINES + V2_MUNICIPALITY_LINES + (
    "substitution", "tariff_difference", "transport_avoided", "moved_clients", "paid",
    "baseline_tariff_zin", "baseline_tariff_pgb", "baseline_transport", "baseline_assessment",
    "scenario_transport", "scenario_assessment",
)
PROJECT_KEYS = ("cost", "wmo", "municipal", "external", "result")
WARNING_CODES = (
    "norm_not_met", "allowance_above_legal_max", "operator_deficit", "no_savings",
    "start_after_target", "savings_rest_on_substitution", "project_deficit", "group_too_large",
    "pool_clients_exceeded", "pool_volunteers_exceeded",
)
DEFICIT_TOLERANCE = 0.005  # half a cent: smaller "deficits" are floating-point noise
SAVINGS_TOLERANCE = 0.005  # half a cent per room: smaller "savings" are floating-point noise
RATIO_TOLERANCE = 1e-9  # 5759.999999999998 rooms' worth is 5760: exact ratios stay exact
LEAN_LINES = (
    "savings", "savings_hard", "result", "subsidy", "cost", "income", "baseline", "scenario",
    "organisation_result", "projects_result", "substitution", "net_municipality", "cumulative_savings",
    "cumulative_result", "cumulative_net_municipality",
)
"""The lines ``compute(..., lines=…)`` can give without the rest of the result."""


@dataclass
class Result:
    """Engine output for n variants over the years of ``structure``.

    ``lines`` holds every money line for *all* locations (per-location figure x locations),
    each an (n, years) array. ``per_location`` holds the same lines for one location.
    ``staffing`` and ``target`` hold one value per variant. ``flags`` holds one boolean
    per variant per warning code; ``detail`` keeps intermediate arrays for ``explain``.
    """

    structure: Structure
    table: pd.DataFrame
    lines: dict[str, np.ndarray]
    per_location: dict[str, np.ndarray]
    staffing: dict[str, np.ndarray]
    target: dict[str, np.ndarray]
    flags: dict[str, np.ndarray]
    detail: dict[str, np.ndarray] = field(default_factory=dict)
    parts: list[Result] = field(default_factory=list)  # a plan's locations, each x its count
    projects: list[tuple[str, dict[str, np.ndarray]]] = field(default_factory=list)
    """Per project (by name): its lines ``cost``, ``wmo``, ``municipal``, ``external``, ``result`` (all rooms)."""

    @property
    def years(self) -> np.ndarray:
        return self.structure.years

    @property
    def n(self) -> int:
        return len(self.table)

    def frame(self, variant: int = 0) -> pd.DataFrame:
        """One variant as a DataFrame: a row per year, a column per money line."""
        data = {name: self.lines[name][variant] for name in MONEY_LINES if name in self.lines}
        df = pd.DataFrame(data, index=pd.Index(self.years, name="year"))
        df.insert(0, "operating_year", self.detail["k"][variant].astype(int))
        return df

    def at_year(self, name: str, year: int) -> np.ndarray:
        """A line in one year for every variant."""
        return self.lines[name][:, int(year) - self.structure.first]

    def year_index(self, year: int) -> int:
        idx = int(year) - self.structure.first
        if not 0 <= idx < len(self.years):
            raise ValueError(f"year {year} lies outside the period {self.structure.first}–{self.structure.last}")
        return idx


def target_figures(
    amount: np.ndarray, year: np.ndarray, savings: np.ndarray, per_room: np.ndarray, first: int
) -> dict[str, np.ndarray]:
    """The target block per variant from the savings lines (all rooms, and per room)."""
    rows = np.arange(len(amount))
    j = np.clip((year - first).astype(int), 0, savings.shape[1] - 1)
    room, total = per_room[rows, j], savings[rows, j]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        saves = room > SAVINGS_TOLERANCE
        needed = np.where(saves, np.ceil(amount / np.where(saves, room, 1.0) * (1.0 - RATIO_TOLERANCE)), np.nan)
    needed = np.where(np.isfinite(needed), needed, np.nan)  # a backstop: never inf in any output
    reached = savings >= amount[:, None]
    return {
        "year": year.astype(int),
        "amount": amount,
        "savings": total,
        "share": total / amount,
        "locations_needed": needed,
        "first_year_reached": np.where(reached.any(axis=1), first + reached.argmax(axis=1), -1),
        "savings_per_location": room,
    }


def safe_ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a / b, with 0 where a is 0 and inf where only b is 0 (no warnings)."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        out = np.where(b > 0, a / np.where(b > 0, b, 1.0), np.inf)
    return np.where(a == 0, 0.0, out)


def _col(table: pd.DataFrame, name: str) -> np.ndarray:
    """A parameter column as an (n, 1) array, to broadcast against the years."""
    return table[name].to_numpy(dtype=float)[:, None]


def compute(table: pd.DataFrame | Mapping[str, np.ndarray], structure: Structure,
            lines: Collection[str] | None = None) -> Result:
    """Compute every line of MODEL.md section 3 for every row of ``table``.

    ``lines`` asks for a lean result (Monte Carlo, sensitivity, solve): only those money lines (any
    of :data:`LEAN_LINES`, all locations), ``detail["k"]``, no target, staffing, flags or ledger
    parts; ``table`` may then be a plain mapping of columns. Every line is the same number either way.
    """
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

    elapsed = years - first
    w = (1 + c("indexation.wages")) ** elapsed
    p = (1 + c("indexation.prices")) ** elapsed
    t = (1 + c("indexation.tariffs")) ** elapsed

    W = c("opening.weeks_per_year")
    D = c("opening.dagdelen_per_week")
    h = c("opening.hours_per_dagdeel")

    # staff: a loop over members (columns), never over years or variants; costs as for a project's staff
    zeros = np.zeros((n, 1))
    prof_group_hours = zeros.copy()
    prof_hours = zeros.copy()
    vol_hours = zeros.copy()
    vol_count = zeros.copy()
    hours_per_fte = c("norms.hours_per_fte")
    for i, kind in enumerate(structure.staff):
        s = f"staff.{i}."
        if kind == "volunteer":
            vol_hours = vol_hours + c(s + "count") * c(s + "hours_per_week")
            vol_count = vol_count + c(s + "count")
            continue
        hours = c(s + "fte") * hours_per_fte if kind == "fte" else c(s + "hours_per_week")
        prof_hours = prof_hours + hours
        prof_group_hours = prof_group_hours + hours * c(s + "group_work")
    staff_prof_w, staff_vol_p, volunteers = staff_cost(c, "staff.", structure.staff, W, w, p)

    # staffing norm at full operation (not ramped)
    zc, zd = c("participants.zin.count"), c("participants.zin.dagdelen_per_week")
    pc, pd_ = c("participants.pgb.count"), c("participants.pgb.dagdelen_per_week")
    nc, nd = c("participants.without_indication.count"), c("participants.without_indication.dagdelen_per_week")
    fc, fd = c("participants.former_indication.count"), c("participants.former_indication.dagdelen_per_week")
    fb = c("participants.former_indication.baseline_dagdelen_per_week")
    fb = np.where(fb < 0, fd, fb)  # not written: what they have in the room
    present = prof_group_hours / (D * h)
    demand = (zc * zd + pc * pd_) / D
    capacity = present * c("norms.max_indicated_per_professional")
    enforce = (c("norms.enforce") != 0) & (demand > 0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        f = np.where(enforce, np.minimum(1.0, capacity / np.where(demand > 0, demand, 1.0)), 1.0)
    f = np.where(f > 1.0 - RATIO_TOLERANCE, 1.0, f)  # capacity equal to demand up to noise serves everyone
    short = (demand > 0) & (capacity < demand * (1.0 - RATIO_TOLERANCE))
    zin_s, pgb_s = zc * f, pc * f

    P_zin = zin_s * zd * W * r
    P_pgb = pgb_s * pd_ * W * r
    P_none = nc * nd * W * r
    P_former = fc * fd * W * r
    B_former = fc * fb * W * r
    N_ind = (zin_s + pgb_s) * r
    N_none = nc * r
    N_former = fc * r

    # operator
    staff_professional = staff_prof_w * opf
    staff_volunteer = staff_vol_p * opf
    housing = c("costs.housing") * p * opf
    activities = c("costs.per_participant_dagdeel") * (P_zin + P_pgb + P_none + P_former) * p
    operating = staff_professional + staff_volunteer + housing + activities
    overhead = c("costs.overhead") * operating
    dep_years = c("costs.startup.depreciation_years")
    depreciation = np.where(op & (k <= dep_years), c("costs.startup.amount") / dep_years, 0.0)
    margin = c("costs.margin") * (operating + overhead + depreciation)
    cost = operating + overhead + depreciation + margin

    tz, tp = c("tariffs.buurtkamer.zin"), c("tariffs.buurtkamer.pgb")
    income_zin = tz * t * P_zin
    income_pgb = tp * t * P_pgb
    income_contribution = c("income.contribution") * p * (P_none + P_former)
    income_other = c("income.other") * p * opf
    earned = income_zin + income_pgb + income_contribution + income_other
    subsidy = (  # either way a fresh (n, Y) array
        np.maximum(0.0, cost - earned) * opf if structure.cover_deficit else c("income.subsidy") * opf
    )
    income = earned + subsidy
    result = income - cost

    # the wijk's other projects (MODEL.md §3.3): columns, like staff members
    if lines is None:
        yearly_max = volunteer_allowance_max().values_for(structure.years)[None, :]
        hourly_max = volunteer_allowance_hourly_max().values_for(structure.years)[None, :]
    else:  # a lean result has no warnings
        yearly_max = hourly_max = np.full((1, years.shape[1]), np.inf)
    shape = (n, years.shape[1])
    projects = [
        project_lines(c, i, ps, years, W, w, p, yearly_max, hourly_max) for i, ps in enumerate(structure.projects)
    ]
    zero = np.zeros(shape)
    projects_cost = sum((pr.cost for pr in projects), zero)
    projects_by_budget = {
        b: sum((pr.funding[b] for pr in projects), zero) for b in ("wmo", "municipal", "external")
    }
    projects_funding = projects_by_budget["wmo"] + projects_by_budget["municipal"] + projects_by_budget["external"]
    projects_result = projects_funding - projects_cost
    projects_wmo = projects_by_budget["wmo"]

    # municipality; T_b and T_0 are the transport rates per dagdeel (MODEL.md §2.1)
    T_b = trip_rate(c, "buurtkamer")
    T_0 = trip_rate(c, "baseline")
    s_ = c("municipality.substitution")
    assess = c("municipality.assessment_per_indication")
    tb_zin, tb_pgb = c("tariffs.baseline.zin"), c("tariffs.baseline.pgb")
    scenario_transport = T_b * t * (P_zin + P_pgb)
    scenario_assessment = assess * t * N_ind
    replaced = zero.copy()
    factors = {"wages": w, "prices": p, "tariffs": t, "none": 1.0}
    for i, index in enumerate(structure.replaced):
        replaced = replaced + c(f"municipality.replaced.{i}.amount") * factors[index] * opf
    moved_clients = (tb_zin + T_0) * t * B_former + assess * t * N_former
    scenario = (
        income_zin + income_pgb + subsidy
        + scenario_transport
        + scenario_assessment
        + projects_wmo
    )
    baseline = (
        tb_zin * t * (P_zin + s_ * P_none)
        + tb_pgb * t * P_pgb
        + T_0 * t * (P_zin + P_pgb + s_ * P_none)
        + assess * t * (N_ind + s_ * N_none)
        + replaced + moved_clients
    )
    savings = baseline - scenario
    substitution = s_ * (tb_zin * t * P_none + T_0 * t * P_none + assess * t * N_none)
    savings_hard = savings - substitution
    organisation_result = result + projects_result
    if lines is not None:
        lean = {
            "savings": savings, "savings_hard": savings_hard, "result": result, "subsidy": subsidy, "cost": cost,
            "income": income, "baseline": baseline, "scenario": scenario, "organisation_result": organisation_result,
            "projects_result": projects_result, "substitution": substitution,
        }
        municipal = projects_by_budget["municipal"]
        locations = c("locations")
        one = bool(np.all(locations == 1.0))
        out: dict[str, np.ndarray] = {}
        for name in lines:
            if name == "net_municipality":
                v = savings - municipal
            elif name == "cumulative_savings":
                v = np.cumsum(np.broadcast_to(savings, shape), axis=1)
            elif name == "cumulative_result":
                v = np.cumsum(np.broadcast_to(organisation_result, shape), axis=1)
            elif name == "cumulative_net_municipality":
                v = np.cumsum(np.broadcast_to(savings - municipal, shape), axis=1)
            else:
                v = lean[name]
            v = np.broadcast_to(v, shape)
            out[name] = v if one else v * locations
        return Result(structure, table, out, {}, {}, {}, {}, {"k": k})  # type: ignore[arg-type]
    tariff_difference = (tb_zin - tz) * t * P_zin + (tb_pgb - tp) * t * P_pgb
    transport_avoided = (T_0 - T_b) * t * (P_zin + P_pgb)

    per_loc = {
        "staff_professional": staff_professional, "staff_volunteer": staff_volunteer,
        "housing": housing, "activities": activities, "overhead": overhead,
        "depreciation": depreciation, "margin": margin, "cost": cost,
        "income_zin": income_zin, "income_pgb": income_pgb,
        "income_contribution": income_contribution, "income_other": income_other,
        "subsidy": subsidy, "income": income, "result": result,
        "baseline": baseline, "scenario": scenario, "savings": savings,
        "projects_cost": projects_cost, "projects_funding": projects_funding, "projects_result": projects_result,
        "projects_wmo": projects_wmo, "projects_municipal": projects_by_budget["municipal"],
        "projects_external": projects_by_budget["external"], "organisation_result": organisation_result,
        "replaced": replaced, "savings_hard": savings_hard,
        "net_municipality": savings - projects_by_budget["municipal"],
        "substitution": substitution, "tariff_difference": tariff_difference,
        "transport_avoided": transport_avoided, "moved_clients": moved_clients,
        "paid": 0.0 - (subsidy + projects_wmo),
        "baseline_tariff_zin": tb_zin * t * P_zin, "baseline_tariff_pgb": tb_pgb * t * P_pgb,
        "baseline_transport": T_0 * t * (P_zin + P_pgb), "baseline_assessment": assess * t * N_ind,
        "scenario_transport": scenario_transport, "scenario_assessment": scenario_assessment,
        "dagdelen": P_zin + P_pgb + P_none + P_former,
    }
    for i, pr in enumerate(projects):
        per_loc[f"project.{i}.cost"] = pr.cost
        per_loc[f"project.{i}.result"] = pr.result
        for b in ("wmo", "municipal", "external"):
            per_loc[f"project.{i}.{b}"] = pr.funding[b]
    per_loc = {  # the lines are fresh (n, Y) float arrays already: copy only one that is not
        name: v if v.shape == shape and v.dtype == np.float64 else np.broadcast_to(v, shape).astype(float)
        for name, v in per_loc.items()
    }
    per_loc["cumulative_savings"] = np.cumsum(per_loc["savings"], axis=1)
    per_loc["cumulative_result"] = np.cumsum(per_loc["organisation_result"], axis=1)
    per_loc["cumulative_net_municipality"] = np.cumsum(per_loc["net_municipality"], axis=1)
    locations = c("locations")
    # x * 1.0 is x exactly: with one location the totals share the per-location arrays
    lines = dict(per_loc) if np.all(locations == 1.0) else {name: v * locations for name, v in per_loc.items()}

    # target
    target = full_target(table, lines, per_loc, structure.first)
    staffing = {
        "professional_hours": prof_hours[:, 0],
        "professional_group_hours": prof_group_hours[:, 0],
        "volunteer_hours": vol_hours[:, 0],
        "volunteer_share": safe_ratio(vol_hours, prof_hours + vol_hours)[:, 0],
        "present": present[:, 0],
        "demand": demand[:, 0],
        "capacity": capacity[:, 0],
        "indicated_per_professional": safe_ratio(demand, present)[:, 0],
        "served_share": f[:, 0],
        "norm": table["norms.max_indicated_per_professional"].to_numpy(float),
    }
    # group size and pools (MODEL.md §3.6): full operation, not ramped
    group = (zin_s * zd + pgb_s * pd_ + nc * nd + fc * fd) / D
    max_group = c("norms.max_group_per_professional")
    group_limit = present * max_group
    loc_count = locations
    room_volunteers = vol_count + sum((pr.volunteers for pr in projects), zeros)
    staffing |= {
        "group_present": group[:, 0],
        "group_limit": np.where(max_group[:, 0] > 0, group_limit[:, 0], np.nan),
        "pool_clients": (loc_count * (zin_s + pgb_s + fc))[:, 0],
        "pool_volunteers": (loc_count * room_volunteers)[:, 0],
        "volunteers_per_location": room_volunteers[:, 0],
    }

    over = allowance_over(volunteers, W, p, yearly_max, hourly_max) & op
    project_over = np.zeros_like(over)
    for pr in projects:
        project_over |= pr.allowance_over
    flags = {
        "norm_not_met": short[:, 0],
        "allowance_above_legal_max": (over | project_over).any(axis=1),
        "operator_deficit": ((result < -DEFICIT_TOLERANCE) & op).any(axis=1),
        "no_savings": target["savings_per_location"] <= SAVINGS_TOLERANCE,
        "start_after_target": table["period.start"].to_numpy(float) > table["target.year"].to_numpy(float),
        "project_deficit": np.any(
            [(pr.result < -DEFICIT_TOLERANCE).any(axis=1) for pr in projects], axis=0
        ) if projects else np.zeros(n, dtype=bool),
        "group_too_large": (max_group[:, 0] > 0) & (group[:, 0] > group_limit[:, 0] * (1 + RATIO_TOLERANCE)),
    }
    flags |= pool_flags(table, staffing)
    flags["savings_rest_on_substitution"] = savings_rest_flag(target)
    detail = {
        "k": np.broadcast_to(k, (n, years.shape[1])), "r": r, "w": np.broadcast_to(w, r.shape),
        "p": np.broadcast_to(p, r.shape), "t": np.broadcast_to(t, r.shape),
        "P_zin": P_zin, "P_pgb": P_pgb, "P_none": P_none, "N_ind": N_ind, "N_none": N_none,
        "P_former": np.broadcast_to(P_former, r.shape), "B_former": np.broadcast_to(B_former, r.shape),
        "N_former": np.broadcast_to(N_former, r.shape),
        "T_b": np.broadcast_to(T_b, (n, 1))[:, 0], "T_0": np.broadcast_to(T_0, (n, 1))[:, 0],
        "allowance_over": over, "project_allowance_over": project_over,
        "legal_max": np.broadcast_to(yearly_max, r.shape), "hourly_max": np.broadcast_to(hourly_max, r.shape),
    }
    for i, pr in enumerate(projects):
        detail[f"project.{i}.running"] = np.broadcast_to(pr.running, shape)
        detail[f"project.{i}.allowance_over"] = pr.allowance_over
    project_list = [
        (name, {key: lines[f"project.{i}.{key}"] for key in PROJECT_KEYS})
        for i, name in enumerate(structure.project_names)
    ]
    return Result(structure, table, lines, per_loc, staffing, target, flags, detail, projects=project_list)


def trip_rate(c, side: str) -> np.ndarray:
    """The transport rate per dagdeel (MODEL.md §2.1): a bare rate, or per_trip × share / dagdelen_per_trip."""
    pre = f"transport.{side}"
    return c(pre) + c(pre + ".per_trip") * c(pre + ".share") / c(pre + ".dagdelen_per_trip")


def full_target(
    table: pd.DataFrame, lines: dict[str, np.ndarray], per_loc: dict[str, np.ndarray], first: int
) -> dict[str, np.ndarray]:
    """The target block, the hard-savings target, cost per dagdeel and financing (MODEL.md §3.5)."""
    amount = table["target.amount"].to_numpy(float)
    year = table["target.year"].to_numpy(float)
    target = target_figures(amount, year, lines["savings"], per_loc["savings"], first)
    hard = target_figures(amount, year, lines["savings_hard"], per_loc["savings_hard"], first)
    target["savings_hard"] = hard["savings"]
    target["share_hard"] = hard["share"]
    target["locations_needed_hard"] = hard["locations_needed"]
    target["savings_hard_per_location"] = hard["savings_per_location"]
    rows = np.arange(len(amount))
    j = np.clip((year - first).astype(int), 0, lines["cost"].shape[1] - 1)
    dagdelen = lines["dagdelen"][rows, j]
    with np.errstate(divide="ignore", invalid="ignore"):
        target["cost_per_dagdeel"] = np.where(
            dagdelen > 0, lines["cost"][rows, j] / np.where(dagdelen > 0, dagdelen, 1.0), np.nan
        )
    locations = table["locations"].to_numpy(float)
    target |= financing(lines["cumulative_result"], lines["cumulative_net_municipality"], locations, first)
    return target


def financing(cum_result: np.ndarray, cum_net: np.ndarray, locations: np.ndarray, first: int) -> dict[str, np.ndarray]:
    """Bridge financing at the worst moment and the municipality's payback year (MODEL.md §3.5)."""
    need = -cum_result.min(axis=1)
    need = np.where(need > DEFICIT_TOLERANCE * locations, need, 0.0)  # below half a cent per room: noise
    ok = cum_net >= -DEFICIT_TOLERANCE * locations[:, None]
    ok_from_here = np.flip(np.logical_and.accumulate(np.flip(ok, axis=1), axis=1), axis=1)
    payback = np.where(ok[:, -1], first + ok_from_here.argmax(axis=1), -1)
    return {"financing_need": need, "payback_year": payback}


def savings_rest_flag(target: dict[str, np.ndarray]) -> np.ndarray:
    """Savings > 0 but hard savings ≤ 0 in the target year (per location, with the noise tolerance)."""
    return (target["savings_per_location"] > SAVINGS_TOLERANCE) & (
        target["savings_hard_per_location"] <= SAVINGS_TOLERANCE
    )


def pool_flags(table: pd.DataFrame, staffing: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Indicated clients and volunteers needed against the municipality's pools (MODEL.md §3.6)."""
    clients = table["context.indicated_clients"].to_numpy(float)
    vols = table["context.volunteers_available"].to_numpy(float)
    return {
        "pool_clients_exceeded": (clients >= 0) & (staffing["pool_clients"] > clients * (1 + RATIO_TOLERANCE)),
        "pool_volunteers_exceeded": (vols >= 0) & (staffing["pool_volunteers"] > vols * (1 + RATIO_TOLERANCE)),
    }


def run(scenario: Scenario) -> Result:
    """Compute one scenario (a single variant)."""
    return compute(point_table(scenario), Structure.of(scenario))
