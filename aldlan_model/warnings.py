"""The five warnings of MODEL.md section 3, as data with their facts, for one variant.

The engine computes a boolean flag per warning code for every variant; this module turns
the flags of one variant into :class:`Warning` values whose ``facts`` fill the message
templates of :mod:`aldlan_model.reports.labels` (formatting happens in the reports).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from aldlan_model.engine import WARNING_CODES, Result
from aldlan_model.scenario import Scenario


@dataclass(frozen=True)
class Warning:  # noqa: A001 - the domain word; never shadows the builtin in use
    code: str
    facts: dict[str, Any] = field(default_factory=dict)


def warnings_for(result: Result, scenario: Scenario, variant: int = 0) -> list[Warning]:
    """The warnings of one variant, in the order of MODEL.md section 3.

    For a plan: the warnings of every location, each with the location's name in its facts.
    """
    rooms = getattr(scenario, "locations", None)
    if isinstance(rooms, list) and result.parts:
        return [
            Warning(w.code, {**w.facts, "location": room.name})
            for room, part in zip(rooms, result.parts, strict=True)
            for w in warnings_for(part, room.scenario)
        ]
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
        p = result.detail["p"][variant]
        op = result.detail["k"][variant] >= 1
        legal = result.detail["legal_max"][variant]
        for i, m in enumerate(scenario.staff):
            if m.kind != "volunteer":
                continue
            allowance = float(result.table[f"staff.{i}.allowance"].iloc[variant])
            over = (allowance * p > legal + 1e-9) & op
            if over.any():
                j = int(np.argmax(over))
                out.append(Warning("allowance_above_legal_max", {
                    "role": m.label, "allowance": float(allowance * p[j]),
                    "year": int(years[j]), "maximum": float(legal[j]),
                    "years": [int(y) for y in years[over]],
                }))
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
    return out
