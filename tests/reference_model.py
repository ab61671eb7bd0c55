"""An independent, deliberately plain implementation of MODEL.md (version 2) section 3.

One Python loop per year, scalar arithmetic only, written from the brief and nothing else,
so the vectorised engine can be checked against it on scenarios hypothesis invents.

Deliberate difference from MODEL.md section 5: the legal maxima of the volunteer allowance
are read from the verified tables shipped in ``aldlan_model/data`` (per year and per hour),
clamped to the table's first and last year.

Documented tolerance choices of the engine mirrored here: capacity equal to demand within
1e-9 relative serves everyone; ``locations_needed = ceil(amount / per_room × (1 − 1e-9))``
when ``per_room > 0.005``; group and pool checks exceed only above ``limit × (1 + 1e-9)``;
``financing_need`` below ``0.005 × locations`` is 0; a money figure within half a cent per
location of zero is zero (§3.5).
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "aldlan_model" / "data"
EPS = 0.005  # half a cent per location (§3.5)
REL = 1e-9

OPERATOR_KEYS = ("staff_professional", "staff_volunteer", "housing", "activities", "overhead",
                 "depreciation", "margin", "cost", "income_zin", "income_pgb", "income_contribution",
                 "income_other", "subsidy", "income", "result")
PROJECT_OPERATOR_KEYS = ("projects_cost", "projects_funding", "projects_result", "projects_municipal",
                         "projects_external", "organisation_result", "cumulative_result")
MUNICIPALITY_KEYS = ("baseline", "scenario", "savings", "cumulative_savings", "replaced", "projects_wmo",
                     "savings_hard", "net_municipality", "cumulative_net_municipality")
MECHANISM_KEYS = ("tariff_difference", "transport_avoided", "substitution", "replaced", "moved_clients", "paid")
BUDGETS = ("wmo", "municipal", "external")


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
    """Legal maximum allowance per hour, volunteers aged 23 or over."""
    return _lookup("vrijwilligersvergoeding_uur.yaml", year)


def v(n) -> float:
    return 0.0 if n is None else float(n.point)


def rate(side) -> float:
    """§2.1: the transport rate per dagdeel; a bare number is the rate."""
    if hasattr(side, "per_trip"):
        return v(side.per_trip) * v(side.share) / v(side.dagdelen_per_trip)
    return v(side)


def _staff_cost(staff, W: float, w: float, p: float) -> tuple[float, float]:
    """(professional, volunteer) cost of a staff list in one year (§3.2)."""
    pro = vol = 0.0
    for m in staff:
        if m.kind == "professional":
            if m.fte is not None:
                pro += v(m.fte) * v(m.salary) * (1 + v(m.employer_charges)) * w
            else:
                pro += v(m.hours_per_week) * W * v(m.hourly_cost) * w
        else:
            vol += v(m.count) * (v(m.allowance) + v(m.other_costs)) * p
    return pro, vol


def _allowance_too_high(staff, y: int, W: float, p: float) -> bool:
    """§3.6: a volunteer line (count > 0) above the yearly or the hourly legal maximum."""
    for m in staff:
        if m.kind != "volunteer" or v(m.count) <= 0:
            continue
        indexed = v(m.allowance) * p
        if indexed > legal_max(y) * (1 + REL):
            return True
        hours = v(m.hours_per_week)
        if hours > 0 and indexed / (hours * W) > legal_max_hour(y) * (1 + REL):
            return True
    return False


def _volunteer_count(staff) -> float:
    return sum(v(m.count) for m in staff if m.kind == "volunteer")


def room(s) -> dict:
    """Per-location figures of one scenario (never multiplied by ``locations``)."""
    first, last, start = s.first, s.last, s.start
    W, D, h = v(s.opening.weeks_per_year), v(s.opening.dagdelen_per_week), v(s.opening.hours_per_dagdeel)
    parts = s.participants
    z, pg, no, fo = parts.zin, parts.pgb, parts.without_indication, parts.former_indication
    fo_base = fo.baseline_dagdelen_per_week if fo.baseline_dagdelen_per_week is not None else fo.dagdelen_per_week
    hpf = v(s.norms.hours_per_fte)

    # staffing norm (§3.1), full operation, not ramped
    prof_hours = 0.0
    for m in s.staff:
        if m.kind == "professional" and m.group_work is not False:
            prof_hours += v(m.fte) * hpf if m.fte is not None else v(m.hours_per_week)
    present = prof_hours / (D * h)
    demand = (v(z.count) * v(z.dagdelen_per_week) + v(pg.count) * v(pg.dagdelen_per_week)) / D
    capacity = present * v(s.norms.max_indicated_per_professional)
    f = min(1.0, capacity / demand) if s.norms.enforce and demand > 0 else 1.0
    f = 1.0 if f > 1 - REL else f  # documented: capacity equal to demand up to float noise serves all
    zin_s, pgb_s = v(z.count) * f, v(pg.count) * f

    T_b, T_0 = rate(s.transport.buurtkamer), rate(s.transport.baseline)
    a, sub = v(s.municipality.assessment_per_indication), v(s.municipality.substitution)
    tz_b, tp_b = v(s.tariffs.buurtkamer.zin), v(s.tariffs.buurtkamer.pgb)
    tz_0, tp_0 = v(s.tariffs.baseline.zin), v(s.tariffs.baseline.pgb)

    projects = []
    for pr in s.projects:
        projects.append({
            "name": pr.name, "p": pr,
            "start": int(pr.start.point) if pr.start is not None else start,
            "end": int(pr.end.point) if pr.end is not None else last,
        })

    years, warnings = [], set()
    cum_savings = cum_net = cum_result = 0.0
    for y in range(first, last + 1):
        k = y - start + 1
        r = v(s.ramp_up[min(k, len(s.ramp_up)) - 1]) if k >= 1 else 0.0
        w = (1 + v(s.indexation.wages)) ** (y - first)
        p = (1 + v(s.indexation.prices)) ** (y - first)
        t = (1 + v(s.indexation.tariffs)) ** (y - first)
        P_zin = zin_s * v(z.dagdelen_per_week) * W * r
        P_pgb = pgb_s * v(pg.dagdelen_per_week) * W * r
        P_none = v(no.count) * v(no.dagdelen_per_week) * W * r
        P_former = v(fo.count) * v(fo.dagdelen_per_week) * W * r
        B_former = v(fo.count) * v(fo_base) * W * r
        N_ind, N_none, N_former = (zin_s + pgb_s) * r, v(no.count) * r, v(fo.count) * r

        op = dict.fromkeys((*OPERATOR_KEYS, "startup_paid"), 0.0)
        replaced = 0.0
        if k >= 1:
            op["staff_professional"], op["staff_volunteer"] = _staff_cost(s.staff, W, w, p)
            if _allowance_too_high(s.staff, y, W, p):
                warnings.add("allowance_above_legal_max")
            op["housing"] = v(s.costs.housing) * p
            op["activities"] = v(s.costs.per_participant_dagdeel) * (P_zin + P_pgb + P_none + P_former) * p
            base = op["staff_professional"] + op["staff_volunteer"] + op["housing"] + op["activities"]
            op["overhead"] = v(s.costs.overhead) * base
            dy = v(s.costs.startup.depreciation_years)
            op["depreciation"] = v(s.costs.startup.amount) / dy if k <= dy else 0.0
            # MODEL.md v3 §3.5: the financing need is in cash; the start-up is paid in operating year 1
            op["startup_paid"] = v(s.costs.startup.amount) if k == 1 else 0.0
            op["margin"] = v(s.costs.margin) * (base + op["overhead"] + op["depreciation"])
            op["cost"] = base + op["overhead"] + op["depreciation"] + op["margin"]
            op["income_zin"] = tz_b * t * P_zin
            op["income_pgb"] = tp_b * t * P_pgb
            op["income_contribution"] = v(s.income.contribution) * p * (P_none + P_former)
            op["income_other"] = v(s.income.other) * p
            earned = op["income_zin"] + op["income_pgb"] + op["income_contribution"] + op["income_other"]
            op["subsidy"] = max(0.0, op["cost"] - earned) if s.income.covers_deficit else v(s.income.subsidy)
            op["income"] = earned + op["subsidy"]
            op["result"] = op["income"] - op["cost"]
            if op["result"] < -EPS:
                warnings.add("operator_deficit")
            for item in s.municipality.replaced:
                factor = {"wages": w, "prices": p, "tariffs": t, "none": 1.0}[item.index]
                replaced += v(item.amount) * factor

        # projects (§3.3)
        year_projects = []
        for pj in projects:
            pr = pj["p"]
            running = pj["start"] <= y <= pj["end"]
            cost = 0.0
            if running:
                pro, vol = _staff_cost(pr.staff, W, w, p)
                cost += pro + vol + v(pr.yearly_costs) * p
                if _allowance_too_high(pr.staff, y, W, p):
                    warnings.add("allowance_above_legal_max")
            cost += sum(v(o.amount) for o in pr.one_off if int(o.year.point) == y)
            funding = dict.fromkeys(BUDGETS, 0.0)
            others, rest_budget = 0.0, None
            for fund in pr.funding:
                if fund.rest:
                    rest_budget = fund.budget
                    continue
                if fund.one_off is not None:
                    amount = sum((v(o.amount) for o in fund.one_off if int(o.year.point) == y), 0.0)
                else:
                    amount = v(fund.yearly) * p if running else 0.0
                funding[fund.budget] += amount
                others += amount
            if rest_budget is not None:
                funding[rest_budget] += max(0.0, cost - others)
            total = sum(funding.values())
            result = total - cost
            if result < -EPS:
                warnings.add("project_deficit")
            year_projects.append({"name": pj["name"], "cost": cost, "funding": funding, "result": result})

        projects_cost = sum((x["cost"] for x in year_projects), 0.0)
        projects_wmo = sum((x["funding"]["wmo"] for x in year_projects), 0.0)
        projects_municipal = sum((x["funding"]["municipal"] for x in year_projects), 0.0)
        projects_external = sum((x["funding"]["external"] for x in year_projects), 0.0)
        projects_funding = projects_wmo + projects_municipal + projects_external
        projects_result = sum((x["result"] for x in year_projects), 0.0)

        moved_clients = (tz_0 + T_0) * t * B_former + a * t * N_former
        scenario = (op["income_zin"] + op["income_pgb"] + op["subsidy"] + T_b * t * (P_zin + P_pgb)
                    + a * t * N_ind + projects_wmo)
        baseline = (tz_0 * t * (P_zin + sub * P_none) + tp_0 * t * P_pgb
                    + T_0 * t * (P_zin + P_pgb + sub * P_none) + a * t * (N_ind + sub * N_none)
                    + replaced + moved_clients)
        savings = baseline - scenario
        mechanisms = {
            "tariff_difference": (tz_0 - tz_b) * t * P_zin + (tp_0 - tp_b) * t * P_pgb,
            "transport_avoided": (T_0 - T_b) * t * (P_zin + P_pgb),
            "substitution": sub * (tz_0 * t * P_none + T_0 * t * P_none + a * t * N_none),
            "replaced": replaced,
            "moved_clients": moved_clients,
            "paid": -(op["subsidy"] + projects_wmo),
        }
        savings_hard = savings - mechanisms["substitution"]
        net = savings - projects_municipal
        cum_savings += savings
        cum_net += net
        organisation_result = op["result"] + projects_result
        cum_result += organisation_result
        op.update({
            "projects_cost": projects_cost, "projects_funding": projects_funding,
            "projects_result": projects_result, "projects_municipal": projects_municipal,
            "projects_external": projects_external, "organisation_result": organisation_result,
            "cumulative_result": cum_result,
        })
        years.append({
            "year": y, "operating_year": k, "operator": op,
            "municipality": {
                "baseline": baseline, "scenario": scenario, "savings": savings,
                "cumulative_savings": cum_savings, "replaced": replaced, "projects_wmo": projects_wmo,
                "savings_hard": savings_hard, "net_municipality": net,
                "cumulative_net_municipality": cum_net, "moved_clients": moved_clients,
                "mechanisms": mechanisms,
            },
            "projects": year_projects,
            "dagdelen": P_zin + P_pgb + P_none + P_former,
        })

    # room-level warnings (§3.6)
    ty = s.target_year
    at_target = next(x for x in years if x["year"] == ty)
    per_room, per_room_hard = at_target["municipality"]["savings"], at_target["municipality"]["savings_hard"]
    if demand > 0 and capacity < demand * (1 - REL):
        warnings.add("norm_not_met")
    if per_room <= EPS:
        warnings.add("no_savings")
    if per_room > EPS and per_room_hard <= EPS:
        warnings.add("savings_rest_on_substitution")
    # MODEL.md v3 §3.6: the hard saving rests on re-indication (a version 2 file re-indicates everyone)
    if per_room_hard > EPS and per_room_hard - at_target["municipality"]["mechanisms"]["tariff_difference"] <= EPS:
        warnings.add("savings_rest_on_reassessment")
    if start > ty:
        warnings.add("start_after_target")
    max_group = s.norms.max_group_per_professional
    if max_group is not None:
        group = (zin_s * v(z.dagdelen_per_week) + pgb_s * v(pg.dagdelen_per_week)
                 + v(no.count) * v(no.dagdelen_per_week) + v(fo.count) * v(fo.dagdelen_per_week)) / D
        if group > present * v(max_group) * (1 + REL):
            warnings.add("group_too_large")
    return {
        "years": years, "warnings": warnings,
        "clients": zin_s + pgb_s + v(fo.count),
        "volunteers": _volunteer_count(s.staff) + sum(_volunteer_count(pr.staff) for pr in s.projects),
        "target_cost": at_target["operator"]["cost"], "target_dagdelen": at_target["dagdelen"],
    }


def _scaled(x, n: float):
    if isinstance(x, dict):
        return {key: _scaled(value, n) for key, value in x.items()}
    if isinstance(x, list):
        return [_scaled(value, n) for value in x]
    if isinstance(x, float):
        return x * n
    return x


def _pool_warnings(context, clients: float, volunteers: float) -> set[str]:
    out = set()
    ic, va = context.indicated_clients, context.volunteers_available
    if ic is not None and clients > v(ic) * (1 + REL):
        out.add("pool_clients_exceeded")
    if va is not None and volunteers > v(va) * (1 + REL):
        out.add("pool_volunteers_exceeded")
    return out


def _totals(years: list[dict], locations: float, amount: float, ty: int, start: int) -> dict:
    """Target, financing and payback from whole-scenario (already × locations) years.

    MODEL.md v3 §3.5 changes two figures of a version 2 file, followed here: the financing need
    is the worst cumulative *cash* (result + depreciation − the start-up paid in operating year 1;
    a version 2 file has no payment delay), and a net position that is never negative pays back
    in ``period.start`` (the first room's, for a plan), not ``period.first``."""
    at_target = next(x for x in years if x["year"] == ty)
    savings = at_target["municipality"]["savings"]
    hard = at_target["municipality"]["savings_hard"]

    def needed(total: float) -> int | None:
        per_room = total / locations
        return math.ceil(amount / per_room * (1 - REL)) if per_room > EPS else None

    cash = worst = 0.0
    for x in years:
        op = x["operator"]
        cash += op["organisation_result"] + op["depreciation"] - op["startup_paid"]
        worst = min(worst, cash)
    financing_need = max(0.0, -worst)
    if financing_need < EPS * locations:
        financing_need = 0.0
    payback = None
    for x in reversed(years):
        if x["municipality"]["cumulative_net_municipality"] >= -EPS * locations:
            payback = x["year"]
        else:
            break
    if payback == years[0]["year"]:  # never negative: the room's first year (v3 §3.5)
        payback = start
    return {
        "target": {"year": ty, "amount": amount, "savings": savings, "share": savings / amount,
                   "locations_needed": needed(savings), "savings_hard": hard, "share_hard": hard / amount,
                   "locations_needed_hard": needed(hard)},
        "financing_need": financing_need,
        "payback_year": payback,
    }


def reference(s) -> dict:
    """The MODEL.md §4 figures of one scenario (everything × ``locations``) and its warning codes."""
    locations = v(s.locations)
    one = room(s)
    years = [{key: (_scaled(value, locations) if key in ("operator", "municipality", "projects") else value)
              for key, value in x.items() if key != "dagdelen"} for x in one["years"]]
    out = _totals(years, locations, v(s.target.amount), s.target_year, s.start)
    dagdelen = one["target_dagdelen"]
    out["target"]["cost_per_dagdeel"] = one["target_cost"] / dagdelen if dagdelen > 0 else None
    out["years"] = years
    out["locations"] = int(locations)
    out["warnings"] = one["warnings"] | _pool_warnings(s.context, locations * one["clients"],
                                                       locations * one["volunteers"])
    return out


def _add(a, b):
    if isinstance(a, dict):
        return {key: _add(a[key], b[key]) if key in b else a[key] for key in a}
    if isinstance(a, list):
        return [_add(x, y) for x, y in zip(a, b, strict=True)]
    if isinstance(a, float):
        return a + b
    return a


def reference_plan(plan) -> dict:
    """A plan (``locations`` a list of rooms): money is the sum over rooms (each × its count);
    pools are checked on the plan's total; other warnings per room.

    Choices where MODEL.md is silent: a plan's per-location savings (for ``locations_needed``)
    are its total over its number of rooms; ``cost_per_dagdeel`` is the plan's total cost over
    its total dagdelen; the per-year ``projects`` list has one entry per project name, summed
    over the rooms that have it, in order of first appearance; the plan's ``operating_year``
    counts from the earliest room's ``period.start``.
    """
    rooms = [(loc.name, loc.count, loc.scenario) for loc in plan.locations]
    total_years, warnings, clients, volunteers, cost, dagdelen = None, set(), 0.0, 0.0, 0.0, 0.0
    details = []
    for name, count, sc in rooms:
        one = reference(sc)  # a room's scenario carries locations = count
        details.append({"name": name, "count": count, **one})
        warnings |= {w for w in one["warnings"] if not w.startswith("pool_")}
        r = room(sc)
        clients += count * r["clients"]
        volunteers += count * r["volunteers"]
        cost += count * r["target_cost"]
        dagdelen += count * r["target_dagdelen"]
        years = [{key: value for key, value in x.items() if key != "projects"} for x in one["years"]]
        total_years = years if total_years is None else _add(total_years, years)
        for total, x in zip(total_years, one["years"], strict=True):
            merged = {pj["name"]: pj for pj in total.setdefault("projects", [])}
            for pj in x["projects"]:  # a project of the same name in several rooms: summed
                if pj["name"] in merged:
                    merged[pj["name"]].update(_add(merged[pj["name"]], pj))
                else:
                    merged[pj["name"]] = {**pj, "funding": dict(pj["funding"])}
                    total["projects"].append(merged[pj["name"]])
    # running sums of a plan are sums of running sums: recomputed here from the summed lines
    cum_s = cum_n = cum_r = 0.0
    start = min(sc.start for _, _, sc in rooms)
    for x in total_years:
        x["operating_year"] = x["year"] - start + 1  # from the first room that opens
        cum_s += x["municipality"]["savings"]
        cum_n += x["municipality"]["net_municipality"]
        cum_r += x["operator"]["organisation_result"]
        x["municipality"]["cumulative_savings"] = cum_s
        x["municipality"]["cumulative_net_municipality"] = cum_n
        x["operator"]["cumulative_result"] = cum_r
    base = plan.base
    n = float(plan.count)
    out = _totals(total_years, n, v(base.target.amount), base.target_year, start)
    out["target"]["cost_per_dagdeel"] = cost / dagdelen if dagdelen > 0 else None
    out["years"] = total_years
    out["locations"] = plan.count
    out["warnings"] = warnings | _pool_warnings(base.context, clients, volunteers)
    out["rooms"] = details
    return out
