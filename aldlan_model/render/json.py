"""The machine-readable run output of MODEL.md section 4: full precision, no locale."""

from __future__ import annotations

import json
import math
from typing import Any

from aldlan_model import __version__
from aldlan_model.engine.lines import (
    CASH_LINES,
    MECHANISMS,
    MUNICIPALITY_LINES,
    OPERATOR_LINES,
    OTHER_INCOME_LINES,
    PAYERS,
    PROJECT_OPERATOR_LINES,
    V2_MUNICIPALITY_LINES,
    Result,
)
from aldlan_model.engine.params import flatten
from aldlan_model.engine.target import PV_LINES
from aldlan_model.engine.warnings import warnings_for
from aldlan_model.io.loader import source_file
from aldlan_model.model.scenario import Scenario
from aldlan_model.tables.warnings import warning_texts


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
    needed_hard = tg["locations_needed_hard"][variant]
    payback = int(tg["payback_year"][variant])
    years = []
    lines = result.lines
    for j, year in enumerate(result.years):
        at = lambda name, j=j: float(lines[name][variant, j])  # noqa: E731
        municipality = {name: at(name) for name in MUNICIPALITY_LINES + V2_MUNICIPALITY_LINES}
        municipality["moved_clients"] = at("moved_clients")
        municipality["mechanisms"] = {name: at(name) for name in MECHANISMS}
        years.append({
            "year": int(year),
            "operating_year": int(result.detail["k"][variant, j]),
            "operator": {name: at(name) for name in OPERATOR_LINES + PROJECT_OPERATOR_LINES + OTHER_INCOME_LINES
                         + CASH_LINES},
            "municipality": municipality,
            "payers": {name: at(f"payers_{name}") for name in PAYERS},
            "projects": [
                {
                    "name": name,
                    "cost": float(pl["cost"][variant, j]),
                    "funding": {b: float(pl[b][variant, j]) for b in ("wmo", "municipal", "external")},
                    "result": float(pl["result"][variant, j]),
                }
                for name, pl in result.projects
            ],
        })
    st = result.staffing
    return {
        "name": scenario.name,
        "label": getattr(scenario, "label", None),
        "file": source_file(scenario),
        "locations": int(result.table["locations"].iloc[variant]),
        "target": {
            "year": int(tg["year"][variant]),
            "amount": float(tg["amount"][variant]),
            "savings": float(tg["savings"][variant]),
            "share": float(tg["share"][variant]),
            "locations_needed": None if math.isnan(needed) else int(needed),
            "first_year_reached": first_reached if first_reached > 0 else None,
            "savings_hard": float(tg["savings_hard"][variant]),
            "share_hard": float(tg["share_hard"][variant]),
            "locations_needed_hard": None if math.isnan(needed_hard) else int(needed_hard),
            "cost_per_dagdeel": _f(tg["cost_per_dagdeel"][variant]),
        },
        "financing_need": float(tg["financing_need"][variant]),
        "payback_year": payback if payback > 0 else None,
        "financing_recovered": bool(tg["financing_recovered"][variant]),
        "full_operation_year": int(tg["full_operation_year"][variant]),
        "present_value": {
            "rate": float(tg["discount_rate"][variant]),
            **{name: float(tg[f"pv_{name}"][variant]) for name in PV_LINES},
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
        "warnings": _one_per_code(warnings_for(result, scenario, variant), result, lang, variant),
        "sources": {
            path: num.source for path, num in flatten(scenario).items() if num.source
        },
        # valid values that are probably mistakes (34.500 on a salary), as the reports show them
        "notes": _notes(scenario, lang),
        "version": __version__,
    }


def _notes(scenario: Scenario, lang: str) -> list[str]:
    from aldlan_model.io.notes import note_texts

    return note_texts(scenario, lang)


def _one_per_code(warnings: list, result: Result, lang: str, variant: int) -> list[dict[str, str]]:
    """One ``{code, message}`` per code (MODEL.md §3.6): the messages of every room, project or role joined.
    Amounts in the messages are those of the tables (the rounded ledger); the figures are full precision."""
    messages: dict[str, list[str]] = {}
    for w, text in zip(warnings, warning_texts(warnings, result, lang, variant), strict=True):
        if text not in messages.setdefault(w.code, []):
            messages[w.code].append(text)
    return [{"code": code, "message": " ".join(texts)} for code, texts in messages.items()]


def dumps(data: Any) -> str:
    """JSON text: full precision (shortest round-trip floats), UTF-8, never NaN."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def compare_dict(comparison: Any, lang: str = "nl") -> dict[str, Any]:
    """``{"year": Y, "scenarios": [run JSON of each column…]}``; each run JSON also carries
    ``column`` (its header) and ``overrides``; ``comparison`` holds the table's figures unrounded."""
    from aldlan_model.analysis.compare import figures, foregone
    from aldlan_model.tables.compare import ROWS

    scenarios = []
    for c in comparison.columns:
        d = run_dict(c.scenario, c.result, lang=lang)
        d["column"] = c.label
        d["overrides"] = [*comparison.global_overrides, *c.variant.overrides]
        scenarios.append(d)
    table: dict[str, list[Any]] = {key: [figures(c, comparison.year)[key] for c in comparison.columns]
                                   for key, _, _ in ROWS}
    for upto in sorted({comparison.year, comparison.horizon}):
        table[f"foregone_savings_to_{upto}"] = foregone(comparison, upto)
    return {"year": comparison.year, "scenarios": scenarios, "comparison": table}
