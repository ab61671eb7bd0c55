"""The machine-readable run output of MODEL.md section 4: full precision, no locale."""

from __future__ import annotations

import json
import math
from typing import Any

from aldlan_model import __version__
from aldlan_model.engine import MUNICIPALITY_LINES, OPERATOR_LINES, Result
from aldlan_model.loader import source_file
from aldlan_model.params import flatten
from aldlan_model.reports.messages import warning_message
from aldlan_model.scenario import Scenario
from aldlan_model.warnings import warnings_for


def _f(x: Any) -> float | None:
    x = float(x)
    return x if math.isfinite(x) else None


def run_dict(scenario: Scenario, result: Result, variant: int = 0, lang: str = "nl") -> dict[str, Any]:
    """The run JSON of one variant as a dict (section 4 keys plus a few extras).

    For a plan the figures are the plan's totals, and ``locations_detail`` holds each
    location's own figures (for all its ``count`` rooms).
    """
    data = _run_dict(scenario, result, variant, lang)
    rooms = getattr(scenario, "locations", None)
    if isinstance(rooms, list) and result.parts:
        data["locations_detail"] = []
        for room, part in zip(rooms, result.parts, strict=True):
            one = _run_dict(room.scenario, part, 0, lang)
            data["locations_detail"].append({
                "name": room.name, "count": room.count, "target": one["target"],
                "years": one["years"], "warnings": one["warnings"], "staffing": one["staffing"],
            })
    return data


def _run_dict(scenario: Scenario, result: Result, variant: int, lang: str) -> dict[str, Any]:
    tg = result.target
    needed = tg["locations_needed"][variant]
    first_reached = int(tg["first_year_reached"][variant])
    years = []
    for j, year in enumerate(result.years):
        years.append({
            "year": int(year),
            "operating_year": int(result.detail["k"][variant, j]),
            "operator": {name: float(result.lines[name][variant, j]) for name in OPERATOR_LINES},
            "municipality": {name: float(result.lines[name][variant, j]) for name in MUNICIPALITY_LINES},
        })
    st = result.staffing
    return {
        "name": scenario.name,
        "file": source_file(scenario),
        "locations": int(result.table["locations"].iloc[variant]),
        "target": {
            "year": int(tg["year"][variant]),
            "amount": float(tg["amount"][variant]),
            "savings": float(tg["savings"][variant]),
            "share": float(tg["share"][variant]),
            "locations_needed": None if math.isnan(needed) else int(needed),
            "first_year_reached": first_reached if first_reached > 0 else None,
        },
        "years": years,
        "staffing": {
            "professional_hours_per_week": float(st["professional_hours"][variant]),
            "volunteer_hours_per_week": float(st["volunteer_hours"][variant]),
            "volunteer_share": float(st["volunteer_share"][variant]),
            "professionals_present": float(st["present"][variant]),
            "indicated_per_dagdeel": float(st["demand"][variant]),
            "indicated_per_professional": _f(st["indicated_per_professional"][variant]),
            "norm": float(st["norm"][variant]),
            "served_share": float(st["served_share"][variant]),
        },
        "warnings": [
            {"code": w.code, "message": warning_message(w, lang)}
            for w in warnings_for(result, scenario, variant)
        ],
        "sources": {
            path: num.source for path, num in flatten(scenario).items() if num.source
        },
        "version": __version__,
    }


def dumps(data: Any) -> str:
    """JSON text: full precision (shortest round-trip floats), UTF-8, never NaN."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
