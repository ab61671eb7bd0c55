"""An independent, deliberately plain implementation of MODEL.md section 3.

One Python loop per year, scalar arithmetic only, written from the brief and nothing else,
so the vectorised engine can be checked against it on scenarios hypothesis invents.
"""

from __future__ import annotations

import math

LEGAL_MAX = {2017: 1500, 2018: 1500, 2019: 1700, 2020: 1700, 2021: 1800, 2022: 1800, 2023: 1900,
             2024: 2100, 2025: 2100}


def legal_max(year: int) -> float:
    return LEGAL_MAX[min(max(year, 2017), 2025)]


def reference(s) -> dict:
    v = lambda n: n.point  # noqa: E731
    first, last, start = s.first, s.last, s.start
    W, D, h = v(s.opening.weeks_per_year), v(s.opening.dagdelen_per_week), v(s.opening.hours_per_dagdeel)
    z, pg, no = s.participants.zin, s.participants.pgb, s.participants.without_indication
    hpf = v(s.norms.hours_per_fte)
    prof_hours = 0.0
    for m in s.staff:
        if m.kind == "professional" and m.group_work is not False:
            prof_hours += v(m.fte) * hpf if m.fte is not None else v(m.hours_per_week)
    present = prof_hours / (D * h)
    demand = (v(z.count) * v(z.dagdelen_per_week) + v(pg.count) * v(pg.dagdelen_per_week)) / D
    capacity = present * v(s.norms.max_indicated_per_professional)
    f = min(1.0, capacity / demand) if s.norms.enforce and demand > 0 else 1.0
    f = 1.0 if f > 1 - 1e-9 else f  # documented: capacity equal to demand up to float noise serves all
    zin_s, pgb_s = v(z.count) * f, v(pg.count) * f
    locations = v(s.locations)
    years, cumulative, warnings = [], 0.0, set()
    for y in range(first, last + 1):
        k = y - start + 1
        r = v(s.ramp_up[min(k, len(s.ramp_up)) - 1]) if k >= 1 else 0.0
        w = (1 + v(s.indexation.wages)) ** (y - first)
        p = (1 + v(s.indexation.prices)) ** (y - first)
        t = (1 + v(s.indexation.tariffs)) ** (y - first)
        P_zin = zin_s * v(z.dagdelen_per_week) * W * r
        P_pgb = pgb_s * v(pg.dagdelen_per_week) * W * r
        P_none = v(no.count) * v(no.dagdelen_per_week) * W * r
        N_ind, N_none = (zin_s + pgb_s) * r, v(no.count) * r
        op = {key: 0.0 for key in ("staff_professional", "staff_volunteer", "housing", "activities", "overhead",
                                   "depreciation", "margin", "cost", "income_zin", "income_pgb",
                                   "income_contribution", "income_other", "subsidy", "income", "result")}
        if k >= 1:
            for m in s.staff:
                if m.kind == "professional":
                    if m.fte is not None:
                        ec = v(m.employer_charges) if m.employer_charges is not None else 0.0
                        op["staff_professional"] += v(m.fte) * v(m.salary) * (1 + ec) * w
                    else:
                        op["staff_professional"] += v(m.hours_per_week) * W * v(m.hourly_cost) * w
                else:
                    allowance = v(m.allowance) if m.allowance is not None else 0.0
                    other = v(m.other_costs) if m.other_costs is not None else 0.0
                    op["staff_volunteer"] += v(m.count) * (allowance + other) * p
                    if allowance * p > legal_max(y) + 1e-9:
                        warnings.add("allowance_above_legal_max")
            op["housing"] = v(s.costs.housing) * p
            op["activities"] = v(s.costs.per_participant_dagdeel) * (P_zin + P_pgb + P_none) * p
            base = op["staff_professional"] + op["staff_volunteer"] + op["housing"] + op["activities"]
            op["overhead"] = v(s.costs.overhead) * base
            dy = v(s.costs.startup.depreciation_years)
            op["depreciation"] = v(s.costs.startup.amount) / dy if k <= dy else 0.0
            op["margin"] = v(s.costs.margin) * (base + op["overhead"] + op["depreciation"])
            op["cost"] = base + op["overhead"] + op["depreciation"] + op["margin"]
            op["income_zin"] = v(s.tariffs.buurtkamer.zin) * t * P_zin
            op["income_pgb"] = v(s.tariffs.buurtkamer.pgb) * t * P_pgb
            op["income_contribution"] = v(s.income.contribution) * p * P_none
            op["income_other"] = v(s.income.other) * p
            earned = op["income_zin"] + op["income_pgb"] + op["income_contribution"] + op["income_other"]
            op["subsidy"] = max(0.0, op["cost"] - earned) if s.income.covers_deficit else v(s.income.subsidy)
            op["income"] = earned + op["subsidy"]
            op["result"] = op["income"] - op["cost"]
            if op["result"] < -0.005:
                warnings.add("operator_deficit")
        a, sub = v(s.municipality.assessment_per_indication), v(s.municipality.substitution)
        scenario = (op["income_zin"] + op["income_pgb"] + op["subsidy"]
                    + v(s.transport.buurtkamer) * t * (P_zin + P_pgb) + a * t * N_ind)
        baseline = (v(s.tariffs.baseline.zin) * t * (P_zin + sub * P_none) + v(s.tariffs.baseline.pgb) * t * P_pgb
                    + v(s.transport.baseline) * t * (P_zin + P_pgb + sub * P_none) + a * t * (N_ind + sub * N_none))
        savings = baseline - scenario
        cumulative += savings * locations
        years.append({
            "year": y, "operating_year": k,
            "operator": {key: value * locations for key, value in op.items()},
            "municipality": {"baseline": baseline * locations, "scenario": scenario * locations,
                             "savings": savings * locations, "cumulative_savings": cumulative},
        })
    amount, ty = v(s.target.amount), s.target_year
    per_room = next(y for y in years if y["year"] == ty)["municipality"]["savings"] / locations
    if demand > 0 and capacity < demand * (1 - 1e-9):
        warnings.add("norm_not_met")
    if per_room <= 0.005:  # documented: half a cent per room is no saving
        warnings.add("no_savings")
    if start > ty:
        warnings.add("start_after_target")
    return {
        "target": {"savings": per_room * locations, "share": per_room * locations / amount,
                   "locations_needed": math.ceil(amount / per_room * (1 - 1e-9)) if per_room > 0.005 else None},
        "years": years,
        "warnings": warnings,
    }
