"""Compute a :class:`Plan`: every location through the vectorised engine, then the sum.

Locations that share a :class:`Structure` (same staff kinds, same years) are computed in
one ``compute`` call as rows of one parameter table. The plan's :class:`Result` holds the
sums; ``Result.parts`` keeps each location's own result (already x its count).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from aldlan_model.engine.lines import PROJECT_KEYS, Result
from aldlan_model.engine.params import Structure, point_table
from aldlan_model.engine.room import compute
from aldlan_model.engine.target import PV_LINES, full_target, pool_flags, safe_ratio
from aldlan_model.io.plan import Plan


def _split(result: Result, row: int) -> Result:
    """Row ``row`` of a multi-variant result as a one-variant result."""
    pick = lambda d: {k: v[row : row + 1] for k, v in d.items()}  # noqa: E731
    return Result(
        result.structure,
        result.table.iloc[row : row + 1].reset_index(drop=True),
        pick(result.lines),
        pick(result.per_location),
        pick(result.staffing),
        pick(result.target),
        pick(result.flags),
        pick(result.detail),
        projects=[(name, pick(d)) for name, d in result.projects],
    )


def location_results(plan: Plan) -> list[Result]:
    """Each location's result, in plan order; one engine call per distinct structure."""
    groups: dict[Structure, list[int]] = {}
    for i, loc in enumerate(plan.locations):
        groups.setdefault(Structure.of(loc.scenario), []).append(i)
    out: list[Result | None] = [None] * len(plan.locations)
    for structure, members in groups.items():
        tables = [point_table(plan.locations[i].scenario) for i in members]
        columns = sorted(set().union(*(t.columns for t in tables)))
        table = pd.concat([t.reindex(columns=columns) for t in tables], ignore_index=True)
        result = compute(table, structure)
        for row, i in enumerate(members):
            out[i] = _split(result, row)
    return [r for r in out if r is not None]


def run_plan(plan: Plan) -> Result:
    """The plan as one result: money lines summed over locations, target on the sum."""
    parts = location_results(plan)
    for part, loc in zip(parts, plan.locations, strict=True):
        part._room_name = loc.name  # so a room's warnings find its ledger
    count = float(plan.count)
    common = [name for name in parts[0].lines if not name.startswith("project.")]
    lines = {name: np.sum([p.lines[name] for p in parts], axis=0) for name in common}
    per_location = {name: v / count for name, v in lines.items()}
    # cumulative figures of the sum are the running sums of the summed lines
    projects: dict[str, dict[str, np.ndarray]] = {}
    for part in parts:
        for name, plines in part.projects:
            if name in projects:
                projects[name] = {k: projects[name][k] + plines[k] for k in PROJECT_KEYS}
            else:
                projects[name] = dict(plines)
    weights = np.array([[loc.count] for loc in plan.locations], dtype=float)  # (L, 1)

    def total(key: str) -> np.ndarray:
        return np.sum([w[0] * p.staffing[key] for w, p in zip(weights, parts, strict=True)], axis=0)

    prof, vol = total("professional_hours"), total("volunteer_hours")
    present, demand, capacity = total("present"), total("demand"), total("capacity")
    served = np.sum(
        [w[0] * p.staffing["served_share"] * p.staffing["demand"] for w, p in zip(weights, parts, strict=True)], axis=0
    )
    staffing = {
        "professional_hours": prof,
        "professional_group_hours": total("professional_group_hours"),
        "volunteer_hours": vol,
        "volunteer_share": safe_ratio(vol, prof + vol),
        "present": present,
        "demand": demand,
        "capacity": capacity,
        "indicated_per_professional": safe_ratio(demand, present),
        "served_share": np.where(demand > 0, safe_ratio(served, demand), 1.0),
        "norm": parts[0].staffing["norm"],
        "pool_clients": np.sum([p.staffing["pool_clients"] for p in parts], axis=0),
        "pool_volunteers": np.sum([p.staffing["pool_volunteers"] for p in parts], axis=0),
    }
    base = parts[0]
    table = base.table.copy()
    table["locations"] = count
    table["period.start"] = float(plan.start)
    target = full_target(table, lines, per_location, base.structure.first)
    # v3: present values are each room's own (its price index and discount rate), summed; the rate shown
    # is the first room's. Full operation: when the last room reaches it.
    for name in PV_LINES:
        target[f"pv_{name}"] = np.sum([part.target[f"pv_{name}"] for part in parts], axis=0)
    target["discount_rate"] = base.target["discount_rate"]
    target["full_operation_year"] = np.max([part.target["full_operation_year"] for part in parts], axis=0)
    flags = {code: np.any([p.flags[code] for p in parts], axis=0) for code in base.flags}
    flags |= pool_flags(table, staffing)  # pools are the municipality's: checked on the plan's total
    k = base.structure.years[None, :] - plan.start + 1
    detail = dict(base.detail)
    detail["k"] = k.astype(float)
    result = Result(base.structure, table, lines, per_location, staffing, target, flags, detail,
                    projects=list(projects.items()))
    result.parts = parts
    return result
