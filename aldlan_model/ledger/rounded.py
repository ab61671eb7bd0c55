"""One rounded ledger (MODEL.md §4.1): the figures every table, file and command shows.

Each **base line** is rounded to whole euros once (per year; for a plan per room, before it
is multiplied by the room's count). Every total, result, saving, mechanism, cumulative
figure, plan total and comparison is then derived from those rounded lines by addition
only. So the same figure shows the same euro in the terminal, Word, Excel, CSV and HTML,
and every total equals the sum of the rows shown above it. JSON keeps full precision.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from aldlan_model.engine.lines import (
    BASELINE_PARTS,
    COST_LINES,
    INCOME_LINES,
    MECHANISMS,
    NEW_CLIENTS_PARTS,
    OTHER_INCOME_LINES,
    PAYERS,
    PROJECT_KEYS,
    Result,
)

PROJECT_BASE = ("cost", "wmo", "municipal", "external")
# v3: other income is rounded per budget (income_other is their sum); the scenario's indicaties are
# derived (the baseline's plus those of new clients), so they cost the same with and without the room
BASE_LINES = tuple(dict.fromkeys((*COST_LINES, *(n for n in INCOME_LINES if n != "income_other"),
                                  *OTHER_INCOME_LINES, *BASELINE_PARTS, "scenario_transport",
                                  *NEW_CLIENTS_PARTS, "startup_paid", "receivable")))
MECHANISM_LINES = MECHANISMS
"""The seven mechanisms of MODEL.md v3 §3.4 (``new_clients`` added): they add up to ``savings`` in the ledger,
by addition. Every table, chart and check of the mechanisms reads this one list."""
PAYER_LINES = tuple(f"payers_{name}" for name in PAYERS)


def _round(a: np.ndarray) -> np.ndarray:
    """Half away from zero to whole euros (the tables' rule). Whole numbers kept as floats, so
    sums stay exact up to 2**53 euros and the extremes that validation allows never overflow."""
    return np.sign(a) * np.floor(np.abs(a) + 0.5) + 0.0  # + 0.0: never -0


@dataclass
class Ledger:
    """Whole-euro lines per year (numpy int arrays) of one variant, plus the projects' lines."""

    years: list[int]
    lines: dict[str, np.ndarray]
    projects: list[tuple[str, dict[str, np.ndarray]]] = field(default_factory=list)
    target_year: int = 0
    start: int | None = None  # v3: the room's first year (a plan: the first room's), for payback_year

    def at(self, name: str, year: int | None = None) -> int:
        """A line in one year (default: the target year)."""
        y = self.target_year if year is None else year
        return int(self.lines[name][self.years.index(int(y))])

    def row(self, name: str) -> list[int]:
        return [int(x) for x in self.lines[name]]

    def figure(self, name: str, year: int | None = None) -> int:
        """A figure as every table shows it: a line in ``year`` (default: the target year), or the
        financing need (over the whole period, ``year`` aside)."""
        return self.financing_need if name == "financing_need" else self.at(name, year)

    @property
    def financing_need(self) -> int:
        """The worst cumulative cash (MODEL.md v3 §3.5), as a positive amount."""
        return int(max(0, -int(self.lines["cumulative_cash"].min())))

    @property
    def financing_recovered(self) -> bool:
        """The cumulative cash is back at ≥ 0 in the last year: the need is bridge financing."""
        return bool(self.lines["cumulative_cash"][-1] >= 0)

    def payback_year(self) -> int | None:
        """First year from which the cumulative net position stays ≥ 0 (in whole euros); when it is
        never negative, the room's first year (v3 §3.5)."""
        ok = self.lines["cumulative_net_municipality"] >= 0
        if not ok[-1]:
            return None
        if ok.all() and self.start is not None:
            return self.start
        j = len(ok) - 1
        while j > 0 and ok[j - 1]:
            j -= 1
        return self.years[j]

    def __add__(self, other: Ledger) -> Ledger:
        lines = {k: self.lines[k] + other.lines[k] for k in self.lines}
        projects = dict((n, dict(d)) for n, d in self.projects)
        for name, d in other.projects:
            projects[name] = {k: projects[name][k] + d[k] for k in d} if name in projects else dict(d)
        starts = [s for s in (self.start, other.start) if s is not None]
        return Ledger(self.years, lines, list(projects.items()), self.target_year, min(starts) if starts else None)


def _derive(
    base: dict[str, np.ndarray], projects: list[tuple[str, dict[str, np.ndarray]]], cover_deficit: bool
) -> dict[str, np.ndarray]:
    """Every derived line from rounded base lines, by addition only.

    With ``subsidy: cover_deficit`` the subsidy is itself derived (the deficit of the rounded
    lines), so the operator's result shows exactly € 0 where the municipality covers it.
    """
    L = dict(base)
    zero = np.zeros_like(L[COST_LINES[0]])
    for _, d in projects:
        d["funding"] = d["wmo"] + d["municipal"] + d["external"]
        d["result"] = d["funding"] - d["cost"]
    L["cost"] = sum((L[n] for n in COST_LINES), zero)
    L["income_other"] = L["income_other_wmo"] + L["income_other_municipal"] + L["income_other_external"]
    if cover_deficit:
        earned = sum((L[n] for n in INCOME_LINES if n != "subsidy"), zero)
        L["subsidy"] = np.maximum(0, L["cost"] - earned)
    L["income"] = sum((L[n] for n in INCOME_LINES), zero)
    L["result"] = L["income"] - L["cost"]
    for key, src in (("projects_cost", "cost"), ("projects_wmo", "wmo"), ("projects_municipal", "municipal"),
                     ("projects_external", "external"), ("projects_funding", "funding"),
                     ("projects_result", "result")):
        L[key] = sum((d[src] for _, d in projects), zero)
    L["baseline"] = sum((L[n] for n in BASELINE_PARTS), zero)
    L["scenario_assessment"] = L["baseline_assessment"] + L["new_clients_assessment"]
    L["scenario"] = (L["income_zin"] + L["income_pgb"] + L["subsidy"] + L["scenario_transport"]
                     + L["scenario_assessment"] + L["projects_wmo"] + L["income_other_wmo"])
    L["savings"] = L["baseline"] - L["scenario"]
    L["tariff_difference"] = (L["baseline_tariff_zin"] + L["baseline_tariff_pgb"] - L["income_zin"] - L["income_pgb"]
                              + L["new_clients_tariff"])
    L["transport_avoided"] = L["baseline_transport"] - L["scenario_transport"] + L["new_clients_transport"]
    L["new_clients"] = -(L["new_clients_tariff"] + L["new_clients_transport"] + L["new_clients_assessment"])
    L["paid"] = -(L["subsidy"] + L["projects_wmo"] + L["income_other_wmo"])
    # the indicaties of the served participants cost the same with and without the room
    L["assessment_difference"] = L["baseline_assessment"] - L["scenario_assessment"] + L["new_clients_assessment"]
    L["savings_hard"] = L["savings"] - np.maximum(0, L["substitution"])
    L["net_municipality"] = L["savings"] - L["projects_municipal"] - L["income_other_municipal"]
    L["organisation_result"] = L["result"] + L["projects_result"]
    L["cumulative_savings"] = np.cumsum(L["savings"])
    L["cumulative_net_municipality"] = np.cumsum(L["net_municipality"])
    L["cumulative_result"] = np.cumsum(L["organisation_result"])
    # v3 cash (§3.5): the start-up paid and the receivable are base lines; the rest by addition
    before = np.concatenate([zero[:1], L["receivable"][:-1]])
    L["cash"] = L["organisation_result"] + L["depreciation"] - L["startup_paid"] - (L["receivable"] - before)
    L["cumulative_cash"] = np.cumsum(L["cash"])
    # v3 payers (§3.8)
    L["payers_wmo"] = L["savings"]
    L["payers_municipal"] = -(L["projects_municipal"] + L["income_other_municipal"])
    L["payers_participants"] = -L["income_contribution"]
    L["payers_external"] = -(L["projects_external"] + L["income_other_external"])
    L["payers_organisation"] = L["organisation_result"]
    L["payers_total"] = (L["payers_wmo"] + L["payers_municipal"] + L["payers_participants"] + L["payers_external"]
                         + L["payers_organisation"])
    return L


def _one(lines: dict[str, np.ndarray], projects: list, variant: int, scale: int = 1) -> tuple[dict, list]:
    base = {n: _round(lines[n][variant]) * scale for n in BASE_LINES}
    proj = [(name, {k: _round(d[k][variant]) * scale for k in PROJECT_BASE}) for name, d in projects]
    return base, proj


def ledger(result: Result, variant: int = 0) -> Ledger:
    """The rounded ledger of one variant; for a plan, the sum of its rooms' ledgers.

    Built once per result and variant (kept on the result), so every table, headline, warning and
    file of one command reads the same object."""
    cache = result.__dict__.setdefault("_ledgers", {})
    if variant not in cache:
        cache[variant] = build_ledger(result, variant)
    return cache[variant]


def build_ledger(result: Result, variant: int = 0) -> Ledger:
    """Round the base lines and derive the rest (see :func:`ledger`, which keeps the answer)."""
    years = [int(y) for y in result.years]
    target_year = int(result.target["year"][variant])
    if result.parts:
        total: Ledger | None = None
        for part in result.parts:
            part_ledger = room_ledger(part)
            total = part_ledger if total is None else total + part_ledger
        assert total is not None
        total.target_year = target_year
        return total
    base, proj = _one(result.lines, result.projects, variant)
    start = int(result.table["period.start"].iloc[variant])
    return Ledger(years, _derive(base, proj, result.structure.cover_deficit), proj, target_year, start)


def room_ledger(part: Result) -> Ledger:
    """A plan room's ledger: each base line rounded for one room, then × the room's count."""
    cache = part.__dict__.setdefault("_ledgers", {})
    if "room" not in cache:
        cache["room"] = _room_ledger(part)
    return cache["room"]


def _room_ledger(part: Result) -> Ledger:
    return room_ledger_at(part, 0)


def room_ledger_at(part: Result, row: int) -> Ledger:
    """Row ``row`` of a result whose rows are plan rooms (each ``locations`` the room's count): each base
    line rounded for one room, then × the count, as a plan's ledger adds its rooms (:func:`room_ledger`)."""
    count = int(round(float(part.table["locations"].iloc[row])))
    per_room_projects = [(n, {k: v / count for k, v in d.items()}) for n, d in part.projects]
    base, proj = _one(part.per_location, per_room_projects, row, count)
    years = [int(y) for y in part.years]
    return Ledger(years, _derive(base, proj, part.structure.cover_deficit), proj, int(part.target["year"][row]),
                  int(part.table["period.start"].iloc[row]))


def whole_euros(x: float) -> int:
    """One figure that is no sum of base lines (a present value) in whole euros, by the ledger's rule."""
    return int(_round(np.asarray(float(x))))


def present_value_euros(target: dict, variant: int = 0) -> dict[str, int]:
    """The present values of MODEL.md §3.7 (the engine's, full precision) in whole euros, rounded once."""
    return {key[3:]: whole_euros(v[variant]) for key, v in target.items() if key.startswith("pv_")}


__all__ = ["Ledger", "ledger", "room_ledger", "room_ledger_at", "whole_euros", "present_value_euros",
           "MECHANISM_LINES", "PAYER_LINES", "PROJECT_KEYS"]
