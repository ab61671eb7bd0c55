"""The calculation of MODEL.md section 3, vectorised over variants and years.

``compute(table, structure)`` takes a parameter table (one row per variant, see
:mod:`aldlan_model.params`) and returns a :class:`Result` of (variants x years) arrays.
There is no Python loop over years or variants; the only loops run over staff members
and ramp-up steps, which are columns. ``run(scenario)`` is the single-scenario shortcut.
Nothing here prints, exits or formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from aldlan_model.params import Structure, point_table
from aldlan_model.refdata import volunteer_allowance_max
from aldlan_model.scenario import Scenario

OPERATOR_LINES = (
    "staff_professional", "staff_volunteer", "housing", "activities", "overhead",
    "depreciation", "margin", "cost", "income_zin", "income_pgb", "income_contribution",
    "income_other", "subsidy", "income", "result",
)
COST_LINES = OPERATOR_LINES[:7]
INCOME_LINES = OPERATOR_LINES[8:13]
MUNICIPALITY_LINES = ("baseline", "scenario", "savings", "cumulative_savings")
MONEY_LINES = OPERATOR_LINES + MUNICIPALITY_LINES
WARNING_CODES = (
    "norm_not_met", "allowance_above_legal_max", "operator_deficit", "no_savings",
    "start_after_target",
)
DEFICIT_TOLERANCE = 0.005  # half a cent: smaller "deficits" are floating-point noise
SAVINGS_TOLERANCE = 0.005  # half a cent per room: smaller "savings" are floating-point noise
RATIO_TOLERANCE = 1e-9  # 5759.999999999998 rooms' worth is 5760: exact ratios stay exact


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

    @property
    def years(self) -> np.ndarray:
        return self.structure.years

    @property
    def n(self) -> int:
        return len(self.table)

    def frame(self, variant: int = 0) -> pd.DataFrame:
        """One variant as a DataFrame: a row per year, a column per money line."""
        data = {name: self.lines[name][variant] for name in MONEY_LINES}
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


def compute(table: pd.DataFrame, structure: Structure) -> Result:
    """Compute every line of MODEL.md section 3 for every row of ``table``."""
    c = lambda name: _col(table, name)  # noqa: E731 - a short local accessor
    n = len(table)
    years = structure.years[None, :].astype(float)  # (1, Y)
    first = float(structure.first)

    k = years - c("period.start") + 1  # operating year, (n, Y)
    op = k >= 1
    opf = op.astype(float)
    ramp = np.column_stack([table[f"ramp_up.{i}"].to_numpy(float) for i in range(structure.ramp_len)])
    ramp_idx = (np.clip(k, 1, structure.ramp_len) - 1).astype(int)
    r = np.take_along_axis(ramp, ramp_idx, axis=1) * opf

    elapsed = years - first
    w = (1 + c("indexation.wages")) ** elapsed
    p = (1 + c("indexation.prices")) ** elapsed
    t = (1 + c("indexation.tariffs")) ** elapsed

    W = c("opening.weeks_per_year")
    D = c("opening.dagdelen_per_week")
    h = c("opening.hours_per_dagdeel")

    # staff: a loop over members (columns), never over years or variants
    zeros = np.zeros((n, 1))
    prof_group_hours = zeros.copy()
    prof_hours = zeros.copy()
    prof_cost = zeros.copy()
    vol_hours = zeros.copy()
    vol_cost = zeros.copy()
    hours_per_fte = c("norms.hours_per_fte")
    for i, kind in enumerate(structure.staff):
        s = f"staff.{i}."
        if kind == "fte":
            hours = c(s + "fte") * hours_per_fte
            prof_cost = prof_cost + c(s + "fte") * c(s + "salary") * (1 + c(s + "employer_charges"))
        elif kind == "hours":
            hours = c(s + "hours_per_week")
            prof_cost = prof_cost + c(s + "hours_per_week") * W * c(s + "hourly_cost")
        else:
            vol_hours = vol_hours + c(s + "count") * c(s + "hours_per_week")
            vol_cost = vol_cost + c(s + "count") * (c(s + "allowance") + c(s + "other_costs"))
            continue
        prof_hours = prof_hours + hours
        prof_group_hours = prof_group_hours + hours * c(s + "group_work")

    # staffing norm at full operation (not ramped)
    zc, zd = c("participants.zin.count"), c("participants.zin.dagdelen_per_week")
    pc, pd_ = c("participants.pgb.count"), c("participants.pgb.dagdelen_per_week")
    nc, nd = c("participants.without_indication.count"), c("participants.without_indication.dagdelen_per_week")
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
    N_ind = (zin_s + pgb_s) * r
    N_none = nc * r

    # operator
    staff_professional = prof_cost * w * opf
    staff_volunteer = vol_cost * p * opf
    housing = c("costs.housing") * p * opf
    activities = c("costs.per_participant_dagdeel") * (P_zin + P_pgb + P_none) * p
    operating = staff_professional + staff_volunteer + housing + activities
    overhead = c("costs.overhead") * operating
    dep_years = c("costs.startup.depreciation_years")
    depreciation = np.where(op & (k <= dep_years), c("costs.startup.amount") / dep_years, 0.0)
    margin = c("costs.margin") * (operating + overhead + depreciation)
    cost = operating + overhead + depreciation + margin

    tz, tp = c("tariffs.buurtkamer.zin"), c("tariffs.buurtkamer.pgb")
    income_zin = tz * t * P_zin
    income_pgb = tp * t * P_pgb
    income_contribution = c("income.contribution") * p * P_none
    income_other = c("income.other") * p * opf
    earned = income_zin + income_pgb + income_contribution + income_other
    subsidy = (  # either way a fresh (n, Y) array
        np.maximum(0.0, cost - earned) * opf if structure.cover_deficit else c("income.subsidy") * opf
    )
    income = earned + subsidy
    result = income - cost

    # municipality
    s_ = c("municipality.substitution")
    assess = c("municipality.assessment_per_indication")
    scenario = (
        income_zin + income_pgb + subsidy
        + c("transport.buurtkamer") * t * (P_zin + P_pgb)
        + assess * t * N_ind
    )
    baseline = (
        c("tariffs.baseline.zin") * t * (P_zin + s_ * P_none)
        + c("tariffs.baseline.pgb") * t * P_pgb
        + c("transport.baseline") * t * (P_zin + P_pgb + s_ * P_none)
        + assess * t * (N_ind + s_ * N_none)
    )
    savings = baseline - scenario

    per_loc = {
        "staff_professional": staff_professional, "staff_volunteer": staff_volunteer,
        "housing": housing, "activities": activities, "overhead": overhead,
        "depreciation": depreciation, "margin": margin, "cost": cost,
        "income_zin": income_zin, "income_pgb": income_pgb,
        "income_contribution": income_contribution, "income_other": income_other,
        "subsidy": subsidy, "income": income, "result": result,
        "baseline": baseline, "scenario": scenario, "savings": savings,
    }
    shape = (n, years.shape[1])
    per_loc = {  # the lines are fresh (n, Y) float arrays already: copy only one that is not
        name: v if v.shape == shape and v.dtype == np.float64 else np.broadcast_to(v, shape).astype(float)
        for name, v in per_loc.items()
    }
    per_loc["cumulative_savings"] = np.cumsum(per_loc["savings"], axis=1)
    locations = c("locations")
    # x * 1.0 is x exactly: with one location the totals share the per-location arrays
    lines = dict(per_loc) if np.all(locations == 1.0) else {name: v * locations for name, v in per_loc.items()}

    # target
    target = target_figures(
        table["target.amount"].to_numpy(float), table["target.year"].to_numpy(float),
        lines["savings"], per_loc["savings"], structure.first,
    )
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

    legal_max = volunteer_allowance_max().values_for(structure.years)[None, :]
    over = np.zeros((n, years.shape[1]), dtype=bool)
    for i, kind in enumerate(structure.staff):
        if kind == "volunteer":
            over |= (c(f"staff.{i}.allowance") * p > legal_max + 1e-9) & op
    flags = {
        "norm_not_met": short[:, 0],
        "allowance_above_legal_max": over.any(axis=1),
        "operator_deficit": ((result < -DEFICIT_TOLERANCE) & op).any(axis=1),
        "no_savings": target["savings_per_location"] <= SAVINGS_TOLERANCE,
        "start_after_target": table["period.start"].to_numpy(float) > table["target.year"].to_numpy(float),
    }
    detail = {
        "k": np.broadcast_to(k, (n, years.shape[1])), "r": r, "w": np.broadcast_to(w, r.shape),
        "p": np.broadcast_to(p, r.shape), "t": np.broadcast_to(t, r.shape),
        "P_zin": P_zin, "P_pgb": P_pgb, "P_none": P_none, "N_ind": N_ind, "N_none": N_none,
        "allowance_over": over, "legal_max": np.broadcast_to(legal_max, r.shape),
    }
    return Result(structure, table, lines, per_loc, staffing, target, flags, detail)


def run(scenario: Scenario) -> Result:
    """Compute one scenario (a single variant)."""
    return compute(point_table(scenario), Structure.of(scenario))
