"""The warnings of MODEL.md section 3.6, as data with their facts, for one variant.

The engine computes a boolean flag per warning code for every variant; this module turns
the flags of one variant into :class:`Warning` values whose ``facts`` fill the message
templates of :mod:`aldlan_model.i18n.labels` (formatting happens in the reports).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from aldlan_model.engine.lines import WARNING_CODES, Result
from aldlan_model.model.scenario import Scenario


@dataclass(frozen=True)
class Warning:  # noqa: A001 - the domain word; never shadows the builtin in use
    code: str
    facts: dict[str, Any] = field(default_factory=dict)


def warnings_for(result: Result, scenario: Scenario, variant: int = 0) -> list[Warning]:
    """The warnings of one variant (computed once per result, scenario and variant, then kept)."""
    cache = result.__dict__.setdefault("_warnings", {})
    key = (id(scenario), variant)
    if key not in cache:
        cache[key] = (scenario, _warnings_for(result, scenario, variant))  # the scenario kept: its id stays unique
    return list(cache[key][1])


def _warnings_for(result: Result, scenario: Scenario, variant: int = 0) -> list[Warning]:
    """The warnings of one variant, in the order of MODEL.md section 3.

    For a plan: the warnings of every location, each with the location's name in its facts.
    """
    rooms = getattr(scenario, "locations", None)
    if isinstance(rooms, list) and result.parts:
        per_room = [
            Warning(w.code, {**w.facts, "location": room.name})
            for room, part in zip(rooms, result.parts, strict=True)
            for w in warnings_for(part, room.scenario)
            if w.code not in POOL_CODES  # pools are the municipality's: checked on the plan's total
        ]
        pools = _pool_warnings(result, variant, {c: bool(result.flags[c][variant]) for c in POOL_CODES})
        return sorted(per_room + pools, key=lambda w: WARNING_CODES.index(w.code))
    out: list[Warning] = []
    flags = {code: bool(result.flags[code][variant]) for code in WARNING_CODES}
    st = result.staffing
    years = result.years
    if flags["norm_not_met"]:
        out.append(Warning("norm_not_met", {
            "capacity": float(st["capacity"][variant]),
            "demand": float(st["demand"][variant]),
            "served_share": float(st["served_share"][variant]),
        }))
    if flags["allowance_above_legal_max"]:
        op = result.detail["k"][variant] >= 1
        out += _allowance(result, variant, "staff.", scenario.staff, op, None)
        for i, pr in enumerate(scenario.projects):
            running = result.detail[f"project.{i}.running"][variant]
            out += _allowance(result, variant, f"projects.{i}.staff.", pr.staff, running, pr.name)
    if flags["operator_deficit"]:
        res = result.lines["result"][variant]
        op = result.detail["k"][variant] >= 1
        bad = op & (res < -0.005)
        out.append(Warning("operator_deficit", {
            "years": [int(y) for y in years[bad]],
            "amount": float(-res[bad].min()),
        }))
    if flags["no_savings"]:
        out.append(Warning("no_savings", {
            "year": int(result.target["year"][variant]),
            "amount": float(result.target["savings"][variant]),
        }))
    if flags["start_after_target"]:
        out.append(Warning("start_after_target", {
            "start": int(result.table["period.start"].iloc[variant]),
            "year": int(result.target["year"][variant]),
        }))
    tg = result.target
    if flags["savings_rest_on_substitution"]:
        out.append(Warning("savings_rest_on_substitution", {
            "year": int(tg["year"][variant]), "savings": float(tg["savings"][variant]),
            "savings_hard": float(tg["savings_hard"][variant]),
        }))
    if flags["savings_rest_on_reassessment"]:  # v3
        out.append(Warning("savings_rest_on_reassessment", {
            "year": int(tg["year"][variant]), "savings_hard": float(tg["savings_hard"][variant]),
            "tariff_difference": float(tg["tariff_difference_per_location"][variant])
            * float(result.table["locations"].iloc[variant]),
        }))
    if flags["project_deficit"]:
        for name, plines in result.projects:
            res = plines["result"][variant]
            bad = res < -0.005 * float(result.table["locations"].iloc[variant])
            if bad.any():
                out.append(Warning("project_deficit", {
                    "project": name, "years": [int(y) for y in years[bad]], "amount": float(-res[bad].min()),
                }))
    if flags["group_too_large"]:
        out.append(Warning("group_too_large", {
            "group": float(st["group_present"][variant]), "limit": float(st["group_limit"][variant]),
            "present": float(st["present"][variant]),
            "norm": float(result.table["norms.max_group_per_professional"].iloc[variant]),
        }))
    out += _pool_warnings(result, variant, flags)
    return out


POOL_CODES = ("pool_clients_exceeded", "pool_volunteers_exceeded")


def _pool_warnings(result: Result, variant: int, flags: dict[str, bool]) -> list[Warning]:
    out: list[Warning] = []
    st, table = result.staffing, result.table
    if flags["pool_clients_exceeded"]:
        out.append(Warning("pool_clients_exceeded", {
            "needed": float(st["pool_clients"][variant]),
            "available": float(table["context.indicated_clients"].iloc[variant]),
        }))
    if flags["pool_volunteers_exceeded"]:
        out.append(Warning("pool_volunteers_exceeded", {
            "needed": float(st["pool_volunteers"][variant]),
            "available": float(table["context.volunteers_available"].iloc[variant]),
        }))
    return out


def _allowance(result: Result, variant: int, prefix: str, staff: list, when: np.ndarray,
               project: str | None) -> list[Warning]:
    """One warning per volunteer line above the yearly or hourly legal maximum (MODEL.md §3.6)."""
    out: list[Warning] = []
    d, table, years = result.detail, result.table, result.years
    p, legal, hourly = d["p"][variant], d["legal_max"][variant], d["hourly_max"][variant]
    weeks = float(table["opening.weeks_per_year"].iloc[variant])
    for i, m in enumerate(staff):
        if m.kind != "volunteer":
            continue
        col = lambda k, i=i: float(table[f"{prefix}{i}.{k}"].iloc[variant])  # noqa: E731
        if col("count") <= 0:
            continue
        dated = d.get(f"{prefix}{i}.allowance")  # v3: a dated allowance, in first-year money per year
        paid = (dated[variant] if dated is not None else col("allowance")) * p
        hours = col("hours_per_week") * weeks
        per_hour = paid / hours if hours > 0 else np.zeros_like(paid)
        over_year = (paid > legal + 1e-9) & when
        over_hour = (hours > 0) & (per_hour > hourly + 1e-9) & when
        over = over_year | over_hour
        if not over.any():
            continue
        j = int(np.argmax(over))
        facts = {
            "role": m.label, "allowance": float(paid[j]), "year": int(years[j]),
            "years": [int(y) for y in years[over]],
        }
        if over_year[j]:
            facts |= {"maximum": float(legal[j]), "per": "year"}
        else:
            facts |= {"per_hour": float(per_hour[j]), "maximum": float(hourly[j]), "per": "hour"}
        if project is not None:
            facts["project"] = project
        out.append(Warning("allowance_above_legal_max", facts))
    return out
