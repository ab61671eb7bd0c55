"""Warnings in words with the euros of the rounded ledger (MODEL.md §4.1).

Whether a warning applies is decided at full precision (MODEL.md §3.5); the amounts it
names are taken from the same rounded ledger as the tables, so "a deficit of € 36.866" in
the warning is the € -36.866 in the table.
"""

from __future__ import annotations

from dataclasses import replace

from aldlan_model.engine.lines import Result
from aldlan_model.engine.warnings import Warning
from aldlan_model.ledger.rounded import Ledger, ledger, room_ledger
from aldlan_model.tables.warning_text import warning_message


def _with_ledger(w: Warning, L: Ledger) -> Warning:
    f = dict(w.facts)
    if w.code == "operator_deficit" and f.get("years"):
        f["amount"] = float(-min(L.at("result", y) for y in f["years"]))
    elif w.code == "no_savings":
        f["amount"] = float(L.at("savings", f["year"]))
    elif w.code == "savings_rest_on_substitution":
        f["savings"], f["savings_hard"] = float(L.at("savings", f["year"])), float(L.at("savings_hard", f["year"]))
    elif w.code == "savings_rest_on_reassessment":  # v3
        f["savings_hard"] = float(L.at("savings_hard", f["year"]))
        f["tariff_difference"] = float(L.at("tariff_difference", f["year"]))
    elif w.code == "project_deficit":
        lines = dict(L.projects).get(f["project"])
        if lines is not None:
            res = lines["funding"] - lines["cost"]
            f["amount"] = float(-min(res[L.years.index(y)] for y in f["years"]))
    return replace(w, facts=f)


def warning_texts(warnings: list[Warning], result: Result, lang: str, variant: int = 0) -> list[str]:
    """Each warning's message, its amounts from the ledger of its room (plans) or of the run."""
    rooms: dict[str, Ledger] = {}
    whole: Ledger | None = None
    out = []
    for w in warnings:
        name = w.facts.get("location")
        if name is not None and result.parts:
            if name not in rooms:
                names = [getattr(p, "_room_name", None) for p in result.parts]
                idx = names.index(name) if name in names else None
                rooms[name] = room_ledger(result.parts[idx]) if idx is not None else ledger(result, variant)
            L = rooms[name]
        else:
            whole = whole or ledger(result, variant)
            L = whole
        out.append(warning_message(_with_ledger(w, L), lang))
    return out
