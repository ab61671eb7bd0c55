"""``aldlan compare``: several scenarios (or one scenario with different overrides) side by side.

Each column is an ordinary run (:func:`aldlan_model.engine.room.run`) of one variant, so its
numbers are those of ``aldlan run`` with the same file and overrides. The comparison year is
``--year``, else the target year of the first column; it must lie in every column's period.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from aldlan_model.analysis.overrides import DocumentCache, Variant, column_labels
from aldlan_model.engine.lines import PAYERS, Result
from aldlan_model.engine.run import run_model
from aldlan_model.engine.warnings import Warning, warnings_for
from aldlan_model.i18n.messages import msg
from aldlan_model.io.loader import apply_overrides
from aldlan_model.io.models import validate_model
from aldlan_model.model.errors import UsageError
from aldlan_model.model.scenario import Scenario


@dataclass
class Column:
    label: str  # short header: the file stem (plus overrides where a file repeats)
    variant: Variant
    scenario: Scenario
    result: Result

    @property
    def warnings(self) -> list[Warning]:
        return warnings_for(self.result, self.scenario)


@dataclass
class Comparison:
    year: int  # the year every figure is shown for
    horizon: int  # the last year all periods share (foregone savings up to the end)
    columns: list[Column]
    global_overrides: list[str]

    @property
    def target_years(self) -> list[int]:
        return [c.scenario.target_year for c in self.columns]


def compare(variants: Sequence[Variant], global_overrides: Sequence[str] = (), year: int | None = None) -> Comparison:
    """Load and run every variant: global overrides first, then the variant's own."""
    docs = DocumentCache()
    scenarios = [validate_model(apply_overrides(apply_overrides(docs(v.file), list(global_overrides)), v.overrides,
                                                origin=v.file)) for v in variants]
    labels = column_labels(variants, [scenario_label(s) for s in scenarios])
    columns = [Column(label, v, s, run_model(s)) for label, v, s in zip(labels, variants, scenarios, strict=True)]
    year = columns[0].scenario.target_year if year is None else int(year)
    for c in columns:
        if not c.scenario.first <= year <= c.scenario.last:
            raise UsageError(msg("an_compare_year", year=year, label=c.label, first=c.scenario.first,
                                 last=c.scenario.last))
    horizon = min(c.scenario.last for c in columns)
    return Comparison(year, horizon, columns, list(global_overrides))


def scenario_label(scenario: Scenario) -> str | None:
    """The short ``label`` of a scenario or plan (MODEL.md §2.5), if it has one."""
    label = getattr(scenario, "label", None)
    if label is None and hasattr(scenario, "base"):
        label = getattr(scenario.base, "label", None)
    return label


def _at(result: Result, name: str, year: int) -> float:
    return float(result.lines[name][0, result.year_index(year)])


def figures(column: Column, year: int) -> dict[str, float | None]:
    """The unrounded figures of one column in ``year`` (money for all its locations)."""
    r = column.result
    j = r.year_index(year)
    st = r.staffing
    dagdelen = _at(r, "dagdelen", year)  # every participant-dagdeel, former clients included (v2)
    cost = _at(r, "cost", year)
    per_location = float(r.per_location["savings"][0, j])  # locations needed, as the engine, in ``year``
    needed = math.ceil(float(r.target["amount"][0]) / per_location) if per_location > 0 else None
    return {
        "baseline": _at(r, "baseline", year),
        "scenario": _at(r, "scenario", year),
        "savings": _at(r, "savings", year),
        "share": _at(r, "savings", year) / float(r.target["amount"][0]),
        "locations_needed": None if needed is None else float(needed),
        "cost": cost,
        "income": _at(r, "income", year),
        "subsidy": _at(r, "subsidy", year),
        "result": _at(r, "result", year),
        "cost_per_dagdeel": cost / dagdelen if dagdelen > 0 else None,
        "professional_hours": float(st["professional_hours"][0]),
        "volunteer_hours": float(st["volunteer_hours"][0]),
        "volunteer_share": float(st["volunteer_share"][0]),
        # no indicated participants: nobody to serve, so no share (not 100%)
        "served_share": float(st["served_share"][0]) if st["demand"][0] > 0 else None,
        "warnings": float(len(column.warnings)),
        # v2
        "savings_hard": _at(r, "savings_hard", year),
        "share_hard": _at(r, "savings_hard", year) / float(r.target["amount"][0]),
        "locations_needed_hard": _needed(float(r.target["amount"][0]), float(r.per_location["savings_hard"][0, j])),
        "financing_need": float(r.target["financing_need"][0]),
        "payback_year": float(r.target["payback_year"][0]) if r.target["payback_year"][0] > 0 else None,
        "net_municipality": _at(r, "net_municipality", year),
        "projects_cost": _at(r, "projects_cost", year),
        # v3: cash need recovered (§3.5), present values (§3.7), the payers in ``year`` (§3.8)
        "financing_recovered": bool(r.target["financing_recovered"][0]),
        "pv_savings": float(r.target["pv_savings"][0]),
        "pv_net_municipality": float(r.target["pv_net_municipality"][0]),
        **{f"payers_{name}": _at(r, f"payers_{name}", year) for name in PAYERS},
    }


def _needed(amount: float, per_location: float) -> float | None:
    return float(math.ceil(amount / per_location * (1 - 1e-9))) if per_location > 0.005 else None


def foregone(comparison: Comparison, year: int) -> list[float]:
    """Cumulative savings up to ``year`` of the first column minus each column's (cost of delay)."""
    cum = [_at(c.result, "cumulative_savings", year) for c in comparison.columns]
    return [cum[0] - x for x in cum]
