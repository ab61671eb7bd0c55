"""An independent, deliberately plain implementation of MODEL.md (version 3) section 3.

The input is a PLAIN DICT: a scenario (or plan) mapping as read from YAML, after ``extends``
merging (``load_yaml`` below does that for a file). Nothing of the engine is used: every
default of MODEL.md §2 is applied here, numbers are read here (bare, ``{value, source}``,
``{low, high}``, ``{low, mode, high}``, and the dated mappings of §2.11), and §3 is one
scalar loop per year. Clarity over speed.

Deliberate difference from MODEL.md section 5 (kept from ``tests/reference_model.py``): the
legal maxima of the volunteer allowance are read from the verified tables shipped in
``aldlan_model/data`` (per year and per hour), clamped to the table's first and last year.

Documented tolerance choices kept from ``tests/reference_model.py``: capacity equal to demand
within 1e-9 relative serves everyone; ``locations_needed = ceil(amount / per_room × (1 − 1e-9))``
when ``per_room > 0.005``; group, pool and allowance checks exceed only above
``limit × (1 + 1e-9)``; ``financing_need`` below ``0.005 × locations`` is 0; a money figure
within half a cent per location of zero is zero (§3.5).

Choices where MODEL.md v3 is silent or ambiguous (see the report of this module's author):

- a dated mapping is ONE number for ``extends`` and plan merging: a child's dated mapping
  replaces the parent's value whole (as a ``{value}`` / range mapping does), it is not merged
  key by key;
- a plan's ``present_value`` is the sum of its rooms' present values (each with its own price
  index and discount rate; the ``rate`` reported is the first room's); a plan's
  ``payback_year`` when never negative is the earliest room's ``period.start``;
- the per-trip transport rate reads ``per_trip`` by §3.9 (tariffs index) and then applies
  ``share / dagdelen_per_trip``;
- ``savings_rest_on_reassessment`` uses per-location figures, like the other target warnings.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent.parent / "aldlan_model" / "data"
EPS = 0.005  # half a cent per location (§3.5)
REL = 1e-9
DEFAULT_DISCOUNT = 0.0225

OPERATOR_KEYS = ("staff_professional", "staff_volunteer", "housing", "activities", "overhead",
                 "depreciation", "margin", "cost", "income_zin", "income_pgb", "income_contribution",
                 "income_other", "subsidy", "income", "result")
PROJECT_OPERATOR_KEYS = ("projects_cost", "projects_funding", "projects_result", "projects_municipal",
                         "projects_external", "organisation_result", "cumulative_result")
V3_OPERATOR_KEYS = ("income_other_wmo", "income_other_municipal", "income_other_external", "cash",
                    "cumulative_cash")
MUNICIPALITY_KEYS = ("baseline", "scenario", "savings", "cumulative_savings", "replaced", "projects_wmo",
                     "savings_hard", "net_municipality", "cumulative_net_municipality")
MECHANISM_KEYS = ("tariff_difference", "transport_avoided", "substitution", "replaced", "moved_clients", "paid")
V3_MECHANISM_KEYS = ("new_clients",)
PAYER_KEYS = ("wmo", "municipal", "participants", "external", "organisation", "total")
PV_KEYS = ("savings", "savings_hard", "net_municipality", "organisation_result")
BUDGETS = ("wmo", "municipal", "external")
NUMBER_KEYS = frozenset({"value", "low", "mode", "high"})
GROUPS = ("zin", "pgb")


# ---------------------------------------------------------------- legal maxima (from reference_model.py)

@cache
def _table(name: str) -> tuple[tuple[int, int, float], ...]:
    doc = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    rows = []
    for item in doc["values"]:
        amount = item["amount"]
        amount = amount["value"] if isinstance(amount, dict) else amount
        rows.append((int(item["from"]), int(item["to"]), float(amount)))
    return tuple(sorted(rows))


def _lookup(name: str, year: int) -> float:
    rows = _table(name)
    year = min(max(year, rows[0][0]), rows[-1][1])  # clamp outside the table
    for lo, hi, amount in rows:
        if lo <= year <= hi:
            return amount
    raise KeyError(year)  # a gap in the table


def legal_max(year: int) -> float:
    """Legal maximum allowance per volunteer per year."""
    return _lookup("vrijwilligersvergoeding.yaml", year)


def legal_max_hour(year: int) -> float:
    """Legal maximum allowance per hour, oldest age group."""
    return _lookup("vrijwilligersvergoeding_uur.yaml", year)


# ---------------------------------------------------------------- reading numbers (§2, §2.11, §3.9)

def _year_key(k: Any) -> int | None:
    if isinstance(k, bool):
        return None
    if isinstance(k, int):
        return k
    if isinstance(k, str) and k.strip().isdigit():
        return int(k)
    return None


def is_dated(x: Any) -> bool:
    """A §2.11 mapping from year to value."""
    return isinstance(x, dict) and bool(x) and all(_year_key(k) is not None for k in x)


def is_number_map(x: Any) -> bool:
    return isinstance(x, dict) and bool(NUMBER_KEYS & x.keys())


def point(x: Any, default: float | None = 0.0) -> float | None:
    """The deterministic value of a (non-dated) number: mode, else value, else (low + high) / 2."""
    if x is None:
        return default
    if isinstance(x, dict):
        if x.get("mode") is not None:
            return float(x["mode"])
        if x.get("value") is not None:
            return float(x["value"])
        return (float(x["low"]) + float(x["high"])) / 2
    return float(x)


def year_of(x: Any, default: int | None = None) -> int | None:
    value = point(x, None)
    return default if value is None else int(value)


def dated_key(x: dict, y: int) -> tuple[int, Any]:
    """(k, v_k): the largest key ≤ y, or the first key when y is before all keys (§3.9)."""
    keys = sorted((_year_key(k), k) for k in x)
    chosen = keys[0]
    for key in keys:
        if key[0] <= y:
            chosen = key
    return chosen[0], x[chosen[1]]


def one(y: int) -> float:
    """The index of a line that is not indexed (``subsidy``, ``replaced`` with ``index: none``)."""
    return 1.0


def money(x: Any, y: int, index: Callable[[int], float]) -> float:
    """A money input in euros of year ``y``: ``v × I_y`` for a plain number, ``v_k × I_y / I_k`` dated."""
    if is_dated(x):
        k, value = dated_key(x, y)
        return point(value) * index(y) / index(k)
    return point(x) * index(y)


def make_index(spec: Any, first: int) -> Callable[[int], float]:
    """§3.1: the index factor of year y from ``first`` for a plain or dated yearly rate."""

    def rate(j: int) -> float:
        return point(dated_key(spec, j)[1]) if is_dated(spec) else point(spec)

    @cache
    def factor(y: int) -> float:
        f = 1.0
        if y >= first:
            for j in range(first + 1, y + 1):
                f *= 1 + rate(j)
            return f
        for j in range(y + 1, first + 1):
            f *= 1 + rate(j)
        return 1 / f

    return factor


# ---------------------------------------------------------------- files and merging (the caller's part)

def merge(parent: Any, child: Any) -> Any:
    """``extends`` / plan merge: mappings key by key, the child wins; lists, scalars and numbers
    (including a ``{value}``/range mapping and a dated mapping) replace the parent's whole."""
    if isinstance(parent, dict) and isinstance(child, dict) and not is_number_map(child) and not is_dated(child):
        out = dict(parent)
        for key, value in child.items():
            out[key] = merge(parent[key], value) if key in parent else value
        return out
    return child


def load_yaml(path: str | Path) -> dict:
    """A scenario or plan file with its ``extends`` chain merged (label and description not inherited)."""
    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    parent_name = data.pop("extends", None)
    if parent_name is None:
        return data
    parent = load_yaml(path.parent / parent_name)
    for own in ("label", "description"):
        parent.pop(own, None)
    return merge(parent, data)


# ---------------------------------------------------------------- staff (§2, §3.2)

def _prof_fte(m: dict, hpf: float) -> float | None:
    """A professional's FTE when paid by salary (``fte``, or v3 ``hours_per_week`` / ``hours_per_fte``)."""
    if m.get("salary") is None:
        return None
    if m.get("fte") is not None:
        return point(m["fte"])
    return point(m.get("hours_per_week")) / hpf


def staff_cost(staff: list, y: int, W: float, hpf: float, w: Callable, p: Callable) -> tuple[float, float]:
    """(professional, volunteer) cost of a staff list in year ``y``."""
    pro = vol = 0.0
    for m in staff:
        if m.get("kind") == "professional":
            fte = _prof_fte(m, hpf)
            if fte is not None:
                pro += fte * money(m["salary"], y, w) * (1 + point(m.get("employer_charges")))
            else:
                pro += point(m.get("hours_per_week")) * W * money(m.get("hourly_cost"), y, w)
        else:
            vol += point(m.get("count")) * (money(m.get("allowance"), y, p) + money(m.get("other_costs"), y, p))
    return pro, vol


def allowance_too_high(staff: list, y: int, W: float, p: Callable) -> bool:
    """§3.6: a volunteer line (count > 0) above the yearly or the hourly legal maximum of year y."""
    for m in staff:
        if m.get("kind") != "volunteer" or point(m.get("count")) <= 0:
            continue
        indexed = money(m.get("allowance"), y, p)
        if indexed > legal_max(y) * (1 + REL):
            return True
        hours = point(m.get("hours_per_week"))
        if hours > 0 and indexed / (hours * W) > legal_max_hour(y) * (1 + REL):
            return True
    return False


def volunteer_count(staff: list) -> float:
    return sum(point(m.get("count")) for m in staff if m.get("kind") == "volunteer")


def prof_hours(staff: list, hpf: float) -> float:
    """Hours per week of group-work professionals (the staffing norm, §3.1)."""
    hours = 0.0
    for m in staff:
        if m.get("kind") == "professional" and m.get("group_work", True) is not False:
            hours += point(m["fte"]) * hpf if m.get("fte") is not None else point(m.get("hours_per_week"))
    return hours


# ---------------------------------------------------------------- the scenario's constants

def _group(parts: dict, name: str) -> dict:
    g = parts.get(name) or {}
    out = {"count": point(g.get("count")), "dpw": point(g.get("dagdelen_per_week"))}
    if name in GROUPS:
        origin = g.get("origin") or {"reindicated": 1}
        out["m"] = point(origin.get("reindicated"))
        out["q"] = point(origin.get("same_product"))
        out["n"] = point(origin.get("new"))
    if name == "former_indication":
        out["base_dpw"] = point(g.get("baseline_dagdelen_per_week"), out["dpw"])
    return out


def setup(d: dict) -> dict:
    """Everything that does not depend on the year, read with MODEL.md's defaults."""
    period = d["period"]
    first, last = year_of(period["first"]), year_of(period["last"])
    start = year_of(period.get("start"), first)
    target = d.get("target") or {}
    opening, norms = d["opening"], d.get("norms") or {}
    parts = d.get("participants") or {}
    idx = d.get("indexation") or {}
    costs, income = d.get("costs") or {}, d.get("income") or {}
    startup = costs.get("startup") or {}
    c = {
        "first": first, "last": last, "start": start,
        "target_amount": point(target.get("amount"), 3_600_000.0),
        "target_year": year_of(target.get("year"), 2021),
        "locations": point(d.get("locations"), 1.0),
        "W": point(opening["weeks_per_year"]), "D": point(opening["dagdelen_per_week"]),
        "h": point(opening.get("hours_per_dagdeel"), 4.0),
        "groups": {g: _group(parts, g) for g in ("zin", "pgb", "without_indication", "former_indication")},
        "attendance": point(parts.get("attendance"), 1.0),
        "ramp": [point(r) for r in (d.get("ramp_up") or [1.0])],
        "staff": d.get("staff") or [],
        "hpf": point(norms.get("hours_per_fte"), 36.0),
        "max_ind": point(norms.get("max_indicated_per_professional"), 8.0),
        "enforce": norms.get("enforce", True) is not False,
        "max_group": point(norms.get("max_group_per_professional"), None),
        "w": make_index(idx.get("wages"), first), "p": make_index(idx.get("prices"), first),
        "t": make_index(idx.get("tariffs"), first),
        "costs": costs, "income": income,
        "startup_amount": point(startup.get("amount")),
        "dep_years": point(startup.get("depreciation_years"), 1.0),
        "payment_days": point(income.get("payment_days")),
        "tariffs": d["tariffs"], "transport": d.get("transport") or {},
        "municipality": d.get("municipality") or {},
        "context": d.get("context") or {},
        "discount_rate": point(d.get("discount_rate"), DEFAULT_DISCOUNT),
    }
    _staffing_norm(c)
    c["projects"] = [
        {"p": pr, "name": pr["name"], "start": year_of(pr.get("start"), start), "end": year_of(pr.get("end"), last)}
        for pr in (d.get("projects") or [])
    ]
    return c


def _staffing_norm(c: dict) -> None:
    """§3.1 staffing norm, full operation, not ramped: f and the served counts zin', pgb'."""
    z, pg = c["groups"]["zin"], c["groups"]["pgb"]
    c["present"] = prof_hours(c["staff"], c["hpf"]) / (c["D"] * c["h"])
    c["demand"] = (z["count"] * z["dpw"] + pg["count"] * pg["dpw"]) / c["D"]
    c["capacity"] = c["present"] * c["max_ind"]
    f = min(1.0, c["capacity"] / c["demand"]) if c["enforce"] and c["demand"] > 0 else 1.0
    f = 1.0 if f > 1 - REL else f  # documented: capacity equal to demand up to float noise serves all
    for g in GROUPS:
        c["groups"][g]["served"] = c["groups"][g]["count"] * f


def transport_rate(side: Any, y: int, t: Callable) -> float:
    """§2.1 the transport rate per dagdeel in euros of year y (already × t)."""
    if side is None:
        return 0.0
    if isinstance(side, dict) and not is_number_map(side) and not is_dated(side):
        per_trip = money(side.get("per_trip"), y, t)
        return per_trip * point(side.get("share"), 1.0) / point(side.get("dagdelen_per_trip"), 1.0)
    return money(side, y, t)


# ---------------------------------------------------------------- one year

def volumes(c: dict, k: int) -> dict:
    """§3.1 participant-dagdelen (× attendance) and persons in operating year k."""
    r = c["ramp"][min(k, len(c["ramp"])) - 1] if k >= 1 else 0.0
    W, att, gs = c["W"], c["attendance"], c["groups"]
    no, fo = gs["without_indication"], gs["former_indication"]
    out = {"r": r}
    for g in GROUPS:
        out["P_" + g] = gs[g]["served"] * gs[g]["dpw"] * W * r * att
        out["N_" + g] = gs[g]["served"] * r
    out["P_none"] = no["count"] * no["dpw"] * W * r * att
    out["P_former"] = fo["count"] * fo["dpw"] * W * r * att
    out["B_former"] = fo["count"] * fo["base_dpw"] * W * r * att
    out["N_none"], out["N_former"] = no["count"] * r, fo["count"] * r
    out["N_ind"] = out["N_zin"] + out["N_pgb"]
    out["dagdelen"] = out["P_zin"] + out["P_pgb"] + out["P_none"] + out["P_former"]
    return out


def other_income(income: dict, y: int, p: Callable) -> dict:
    """§2.9 ``income.other`` by budget (a bare number is external)."""
    out = dict.fromkeys(BUDGETS, 0.0)
    other = income.get("other")
    if isinstance(other, list):
        for line in other:
            out[line.get("budget", "external")] += money(line.get("amount"), y, p)
    else:
        out["external"] += money(other, y, p)
    return out


def operator_year(c: dict, y: int, k: int, vol: dict, warnings: set) -> dict:
    """§3.2 the operator's lines in year y (all 0 before start)."""
    op = dict.fromkeys(OPERATOR_KEYS + ("income_other_wmo", "income_other_municipal", "income_other_external"), 0.0)
    if k < 1:
        return op
    w, p, t = c["w"], c["p"], c["t"]
    costs, income, tariffs = c["costs"], c["income"], c["tariffs"]
    op["staff_professional"], op["staff_volunteer"] = staff_cost(c["staff"], y, c["W"], c["hpf"], w, p)
    if allowance_too_high(c["staff"], y, c["W"], p):
        warnings.add("allowance_above_legal_max")
    op["housing"] = money(costs.get("housing"), y, p)
    op["activities"] = money(costs.get("per_participant_dagdeel"), y, p) * vol["dagdelen"]
    base = op["staff_professional"] + op["staff_volunteer"] + op["housing"] + op["activities"]
    op["overhead"] = point(costs.get("overhead")) * base
    op["depreciation"] = c["startup_amount"] / c["dep_years"] if k <= c["dep_years"] else 0.0
    op["margin"] = point(costs.get("margin")) * (base + op["overhead"] + op["depreciation"])
    op["cost"] = base + op["overhead"] + op["depreciation"] + op["margin"]
    op["income_zin"] = money(tariffs["buurtkamer"]["zin"], y, t) * vol["P_zin"]
    op["income_pgb"] = money(tariffs["buurtkamer"]["pgb"], y, t) * vol["P_pgb"]
    op["income_contribution"] = money(income.get("contribution"), y, p) * (vol["P_none"] + vol["P_former"])
    other = other_income(income, y, p)
    for b in BUDGETS:
        op["income_other_" + b] = other[b]
    op["income_other"] = other["wmo"] + other["municipal"] + other["external"]
    earned = op["income_zin"] + op["income_pgb"] + op["income_contribution"] + op["income_other"]
    subsidy = income.get("subsidy")
    if subsidy == "cover_deficit":
        op["subsidy"] = max(0.0, op["cost"] - earned)
    else:
        op["subsidy"] = money(subsidy, y, one)
    op["income"] = earned + op["subsidy"]
    op["result"] = op["income"] - op["cost"]
    if op["result"] < -EPS:
        warnings.add("operator_deficit")
    return op


def project_year(c: dict, pj: dict, y: int, warnings: set) -> dict:
    """§3.3 one project in year y."""
    pr, p = pj["p"], c["p"]
    running = pj["start"] <= y <= pj["end"]
    cost = 0.0
    if running:
        pro, vol = staff_cost(pr.get("staff") or [], y, c["W"], c["hpf"], c["w"], p)
        cost += pro + vol + money(pr.get("yearly_costs"), y, p)
        if allowance_too_high(pr.get("staff") or [], y, c["W"], p):
            warnings.add("allowance_above_legal_max")
    cost += sum((point(o["amount"]) for o in pr.get("one_off") or [] if year_of(o["year"]) == y), 0.0)
    funding = dict.fromkeys(BUDGETS, 0.0)
    others, rest_budget = 0.0, None
    for fund in pr.get("funding") or []:
        if fund.get("rest"):
            rest_budget = fund["budget"]
            continue
        if fund.get("one_off") is not None:
            amount = sum((point(o["amount"]) for o in fund["one_off"] if year_of(o["year"]) == y), 0.0)
        else:
            amount = money(fund.get("yearly"), y, p) if running else 0.0
        funding[fund["budget"]] += amount
        others += amount
    if rest_budget is not None:
        funding[rest_budget] += max(0.0, cost - others)
    result = funding["wmo"] + funding["municipal"] + funding["external"] - cost
    if result < -EPS:
        warnings.add("project_deficit")
    return {"name": pj["name"], "cost": cost, "funding": funding, "result": result}


def replaced_year(c: dict, y: int, k: int) -> float:
    """§2.2 replaced spending, each item with its own index, in operating years."""
    if k < 1:
        return 0.0
    indexes = {"wages": c["w"], "prices": c["p"], "tariffs": c["t"], "none": one}
    return sum((money(item.get("amount"), y, indexes[item.get("index", "prices")])
                for item in c["municipality"].get("replaced") or []), 0.0)


def municipality_year(c: dict, y: int, k: int, vol: dict, op: dict, projects_wmo: float) -> dict:
    """§3.2 baseline and scenario, §3.4 the seven mechanisms (per location, year y)."""
    t, tariffs, mun, gs = c["t"], c["tariffs"], c["municipality"], c["groups"]
    T_b = transport_rate(c["transport"].get("buurtkamer"), y, t)
    T_0 = transport_rate(c["transport"].get("baseline"), y, t)
    a = money(mun.get("assessment_per_indication"), y, t)
    s = point(mun.get("substitution"))
    tz_0 = money(tariffs["baseline"]["zin"], y, t)
    replaced = replaced_year(c, y, k)
    moved_clients = (tz_0 + T_0) * vol["B_former"] + a * vol["N_former"]
    riders = s * (tz_0 * vol["P_none"] + T_0 * vol["P_none"] + a * vol["N_none"])
    indicated = tariff_difference = transport_avoided = new_clients = 0.0
    for g in GROUPS:
        m, q, n = gs[g]["m"], gs[g]["q"], gs[g]["n"]
        t_base, t_room = money(tariffs["baseline"][g], y, t), money(tariffs["buurtkamer"][g], y, t)
        P, N = vol["P_" + g], vol["N_" + g]
        indicated += (m * t_base + q * t_room) * P + (m + q) * T_0 * P + (m + q) * a * N
        tariff_difference += m * (t_base - t_room) * P
        transport_avoided += (T_0 - T_b) * P * (m + q)
        new_clients -= n * ((t_room + T_b) * P + a * N)
    baseline = indicated + riders + replaced + moved_clients
    scenario = (op["income_zin"] + op["income_pgb"] + op["subsidy"] + T_b * (vol["P_zin"] + vol["P_pgb"])
                + a * vol["N_ind"] + projects_wmo + op["income_other_wmo"])
    mechanisms = {
        "tariff_difference": tariff_difference, "transport_avoided": transport_avoided,
        "new_clients": new_clients, "substitution": riders, "replaced": replaced,
        "moved_clients": moved_clients, "paid": -(op["subsidy"] + projects_wmo + op["income_other_wmo"]),
    }
    return {"baseline": baseline, "scenario": scenario, "savings": baseline - scenario, "replaced": replaced,
            "projects_wmo": projects_wmo, "moved_clients": moved_clients, "mechanisms": mechanisms}


def year_figures(c: dict, y: int, warnings: set, prev_receivable: float) -> dict:
    """All per-location figures of year y (running sums are added by ``room``)."""
    k = y - c["start"] + 1
    vol = volumes(c, k)
    op = operator_year(c, y, k, vol, warnings)
    year_projects = [project_year(c, pj, y, warnings) for pj in c["projects"]]
    pf = {b: sum((x["funding"][b] for x in year_projects), 0.0) for b in BUDGETS}
    op["projects_cost"] = sum((x["cost"] for x in year_projects), 0.0)
    op["projects_funding"] = pf["wmo"] + pf["municipal"] + pf["external"]
    op["projects_result"] = sum((x["result"] for x in year_projects), 0.0)
    op["projects_municipal"], op["projects_external"] = pf["municipal"], pf["external"]
    op["organisation_result"] = op["result"] + op["projects_result"]
    # §2.10 cash
    op["receivable"] = (op["income_zin"] + op["income_pgb"]) * c["payment_days"] / 365
    op["startup_paid"] = c["startup_amount"] if k == 1 else 0.0
    op["cash"] = (op["organisation_result"] + op["depreciation"] - op["startup_paid"]
                  - (op["receivable"] - prev_receivable))
    mun = municipality_year(c, y, k, vol, op, pf["wmo"])
    sub = mun["mechanisms"]["substitution"]
    mun["savings_hard"] = mun["savings"] - max(0.0, sub)
    mun["net_municipality"] = mun["savings"] - op["projects_municipal"] - op["income_other_municipal"]
    payers = {
        "wmo": mun["savings"],
        "municipal": -(op["projects_municipal"] + op["income_other_municipal"]),
        "participants": -op["income_contribution"],
        "external": -(op["projects_external"] + op["income_other_external"]),
        "organisation": op["organisation_result"],
    }
    payers["total"] = sum(payers.values())
    return {"year": y, "operating_year": k, "operator": op, "municipality": mun, "projects": year_projects,
            "payers": payers, "dagdelen": vol["dagdelen"]}


# ---------------------------------------------------------------- a room and a scenario

def add_running_sums(years: list[dict]) -> None:
    """The cumulative lines from ``first`` (recomputed, so also right for a plan's summed years)."""
    cum = dict.fromkeys(("s", "n", "r", "c"), 0.0)
    for x in years:
        op, mun = x["operator"], x["municipality"]
        cum["s"] += mun["savings"]
        cum["n"] += mun["net_municipality"]
        cum["r"] += op["organisation_result"]
        cum["c"] += op["cash"]
        mun["cumulative_savings"], mun["cumulative_net_municipality"] = cum["s"], cum["n"]
        op["cumulative_result"], op["cumulative_cash"] = cum["r"], cum["c"]


def room_warnings(c: dict, at_target: dict) -> set[str]:
    """§3.6 warnings of the target year and of the staffing and group norms (per location)."""
    out = set()
    mun = at_target["municipality"]
    savings, hard = mun["savings"], mun["savings_hard"]
    if c["demand"] > 0 and c["capacity"] < c["demand"] * (1 - REL):
        out.add("norm_not_met")
    if savings <= EPS:
        out.add("no_savings")
    if savings > EPS and hard <= EPS:
        out.add("savings_rest_on_substitution")
    if hard > EPS and hard - mun["mechanisms"]["tariff_difference"] <= EPS:
        out.add("savings_rest_on_reassessment")
    if c["start"] > c["target_year"]:
        out.add("start_after_target")
    if c["max_group"] is not None:
        gs = c["groups"]
        group = (gs["zin"]["served"] * gs["zin"]["dpw"] + gs["pgb"]["served"] * gs["pgb"]["dpw"]
                 + gs["without_indication"]["count"] * gs["without_indication"]["dpw"]
                 + gs["former_indication"]["count"] * gs["former_indication"]["dpw"]) / c["D"]
        if group > c["present"] * c["max_group"] * (1 + REL):
            out.add("group_too_large")
    return out


def room(d: dict) -> dict:
    """Per-location figures of one scenario dict (never multiplied by ``locations``)."""
    c = setup(d)
    years, warnings = [], set()
    receivable = 0.0
    for y in range(c["first"], c["last"] + 1):
        x = year_figures(c, y, warnings, receivable)
        receivable = x["operator"]["receivable"]
        years.append(x)
    add_running_sums(years)
    at_target = next(x for x in years if x["year"] == c["target_year"])
    warnings |= room_warnings(c, at_target)
    gs = c["groups"]
    return {
        "c": c, "years": years, "warnings": warnings,
        # v3 pool: only participants who had an indicatie before (re-indicated or same product)
        "clients": sum((gs[g]["m"] + gs[g]["q"]) * gs[g]["served"] for g in GROUPS)
        + gs["former_indication"]["count"],
        "volunteers": volunteer_count(c["staff"]) + sum(volunteer_count(pj["p"].get("staff") or [])
                                                         for pj in c["projects"]),
        "target_cost": at_target["operator"]["cost"], "target_dagdelen": at_target["dagdelen"],
    }


def scaled(x: Any, n: float) -> Any:
    if isinstance(x, dict):
        return {key: scaled(value, n) for key, value in x.items()}
    if isinstance(x, list):
        return [scaled(value, n) for value in x]
    if isinstance(x, float):
        return x * n
    return x


def present_value(years: list[dict], c: dict) -> dict:
    """§3.7: Σ x_y / (p_y × (1 + rate)^(y − first)) of already scaled yearly flows."""
    rate = c["discount_rate"]
    out = {"rate": rate}
    for key in PV_KEYS:
        total = 0.0
        for x in years:
            flow = x["operator"][key] if key == "organisation_result" else x["municipality"][key]
            total += flow / (c["p"](x["year"]) * (1 + rate) ** (x["year"] - c["first"]))
        out[key] = total
    return out


def pool_warnings(context: dict, clients: float, volunteers: float) -> set[str]:
    out = set()
    ic, va = point(context.get("indicated_clients"), None), point(context.get("volunteers_available"), None)
    if ic is not None and clients > ic * (1 + REL):
        out.add("pool_clients_exceeded")
    if va is not None and volunteers > va * (1 + REL):
        out.add("pool_volunteers_exceeded")
    return out


def payback_year(years: list[dict], locations: float, start: int) -> int | None:
    """v3 §3.5: the first year from which the cumulative net position stays ≥ 0; ``start`` if never negative."""
    cums = [x["municipality"]["cumulative_net_municipality"] for x in years]
    floor = -EPS * locations
    if all(cum >= floor for cum in cums):
        return start
    payback = None
    for x, cum in zip(reversed(years), reversed(cums), strict=True):
        if cum < floor:
            break
        payback = x["year"]
    return payback


def totals(years: list[dict], locations: float, amount: float, ty: int, start: int) -> dict:
    """Target, financing need (v3: from cumulative cash) and payback of already scaled years."""
    at_target = next(x for x in years if x["year"] == ty)
    savings, hard = at_target["municipality"]["savings"], at_target["municipality"]["savings_hard"]

    def needed(total: float) -> int | None:
        per_room = total / locations
        return math.ceil(amount / per_room * (1 - REL)) if per_room > EPS else None

    financing_need = max(0.0, -min(x["operator"]["cumulative_cash"] for x in years))
    if financing_need < EPS * locations:
        financing_need = 0.0
    return {
        "target": {"year": ty, "amount": amount, "savings": savings, "share": savings / amount,
                   "locations_needed": needed(savings), "savings_hard": hard, "share_hard": hard / amount,
                   "locations_needed_hard": needed(hard)},
        "financing_need": financing_need,
        "payback_year": payback_year(years, locations, start),
    }


def _public_years(years: list[dict], n: float) -> list[dict]:
    return [{key: (scaled(value, n) if key in ("operator", "municipality", "projects", "payers") else value)
             for key, value in x.items() if key != "dagdelen"} for x in years]


def reference(d: dict) -> dict:
    """The MODEL.md §4 figures of one scenario dict (everything × ``locations``) and its warning codes."""
    if isinstance(d.get("locations"), list):
        return reference_plan(d)
    r = room(d)
    c = r["c"]
    n = c["locations"]
    years = _public_years(r["years"], n)
    out = totals(years, n, c["target_amount"], c["target_year"], c["start"])
    dagdelen = r["target_dagdelen"]
    out["target"]["cost_per_dagdeel"] = r["target_cost"] / dagdelen if dagdelen > 0 else None
    out.update({
        "name": d.get("name"), "locations": int(n), "years": years,
        "present_value": present_value(years, c),
        "warnings": r["warnings"] | pool_warnings(c["context"], n * r["clients"], n * r["volunteers"]),
    })
    return out


# ---------------------------------------------------------------- plans

def plan_rooms(d: dict) -> list[tuple[str, int, dict]]:
    """(name, count, merged scenario dict with ``locations`` = count) per plan item."""
    base = {key: value for key, value in d.items() if key != "locations"}
    out = []
    for item in d["locations"]:
        count = int(point(item.get("count"), 1.0))
        overrides = {key: value for key, value in item.items() if key not in ("name", "count")}
        data = merge(copy.deepcopy(base), copy.deepcopy(overrides))
        data["locations"] = count
        out.append((item["name"], count, data))
    return out


def _add(a: Any, b: Any) -> Any:
    if isinstance(a, dict):
        return {key: _add(a[key], b[key]) if key in b else a[key] for key in a}
    if isinstance(a, list):
        return [_add(x, y) for x, y in zip(a, b, strict=True)]
    if isinstance(a, float):
        return a + b
    return a


def _merge_projects(total: dict, x: dict) -> None:
    """A plan year's projects: one entry per name, summed over the rooms that have it, in order of first appearance."""
    merged = {pj["name"]: pj for pj in total.setdefault("projects", [])}
    for pj in x["projects"]:
        if pj["name"] in merged:
            merged[pj["name"]].update(_add(merged[pj["name"]], pj))
        else:
            merged[pj["name"]] = {**pj, "funding": dict(pj["funding"])}
            total["projects"].append(merged[pj["name"]])


def reference_plan(d: dict) -> dict:
    """A plan: money is the sum over rooms (each × its count); pools on the plan's total; other
    warnings per room. Choices as in ``tests/reference_model.py``; v3 additions in the module docstring."""
    rooms = plan_rooms(d)
    total_years, warnings, details = None, set(), []
    clients = volunteers = cost = dagdelen = 0.0
    pv = None
    for name, count, data in rooms:
        one_room = reference(data)
        details.append({**one_room, "name": name, "count": count})
        warnings |= {w for w in one_room["warnings"] if not w.startswith("pool_")}
        r = room(data)
        clients += count * r["clients"]
        volunteers += count * r["volunteers"]
        cost += count * r["target_cost"]
        dagdelen += count * r["target_dagdelen"]
        pv = one_room["present_value"] if pv is None else {
            key: (pv[key] + one_room["present_value"][key] if key != "rate" else pv[key]) for key in pv}
        years = [{key: value for key, value in x.items() if key != "projects"} for x in one_room["years"]]
        total_years = copy.deepcopy(years) if total_years is None else _add(total_years, years)
        for total, x in zip(total_years, one_room["years"], strict=True):
            _merge_projects(total, x)
    add_running_sums(total_years)
    start = min(room(data)["c"]["start"] for _, _, data in rooms)
    for x in total_years:
        x["operating_year"] = x["year"] - start + 1  # from the first room that opens
    base = setup(rooms[0][2])
    n = float(sum(count for _, count, _ in rooms))
    out = totals(total_years, n, base["target_amount"], base["target_year"], start)
    out["target"]["cost_per_dagdeel"] = cost / dagdelen if dagdelen > 0 else None
    out.update({
        "name": d.get("name"), "locations": int(n), "years": total_years, "present_value": pv,
        "warnings": warnings | pool_warnings(base["context"], clients, volunteers), "rooms": details,
    })
    return out
