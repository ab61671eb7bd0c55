"""The names of the engine's lines and the :class:`Result` that holds them (MODEL.md §3–4)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from aldlan_model.engine.params import Structure

OPERATOR_LINES = (
    "staff_professional", "staff_volunteer", "housing", "activities", "overhead",
    "depreciation", "margin", "cost", "income_zin", "income_pgb", "income_contribution",
    "income_other", "subsidy", "income", "result",
)
COST_LINES = OPERATOR_LINES[:7]
INCOME_LINES = OPERATOR_LINES[8:13]
# v3 (MODEL.md §2.9, §2.10, §3.5, §3.8): other income by budget, cash, payers
OTHER_INCOME_LINES = ("income_other_wmo", "income_other_municipal", "income_other_external")
CASH_LINES = ("receivable", "startup_paid", "cash", "cumulative_cash")
V3_OPERATOR_LINES = (*OTHER_INCOME_LINES, *CASH_LINES)
PAYERS = ("wmo", "municipal", "participants", "external", "organisation", "total")
PAYER_LINES = tuple(f"payers_{name}" for name in PAYERS)
NEW_CLIENTS_PARTS = ("new_clients_tariff", "new_clients_transport", "new_clients_assessment")
MUNICIPALITY_LINES = ("baseline", "scenario", "savings", "cumulative_savings")
V1_MONEY_LINES = OPERATOR_LINES + MUNICIPALITY_LINES
# v2 (MODEL.md §3.3–3.5, §4)
PROJECT_OPERATOR_LINES = (
    "projects_cost", "projects_funding", "projects_result", "projects_municipal", "projects_external",
    "organisation_result", "cumulative_result",
)
MECHANISMS = (
    "tariff_difference", "transport_avoided", "new_clients", "substitution", "replaced", "moved_clients", "paid",
)  # v3: seven, in the order of MODEL.md §3.4
V2_MUNICIPALITY_LINES = (
    "replaced", "projects_wmo", "savings_hard", "net_municipality", "cumulative_net_municipality",
)
# the parts of the baseline and the scenario, for the rounded ledger (MODEL.md §4.1)
BASELINE_PARTS = (
    "baseline_tariff_zin", "baseline_tariff_pgb", "baseline_transport", "baseline_assessment",
    "substitution", "replaced", "moved_clients",
)
SCENARIO_PARTS = (
    "income_zin", "income_pgb", "subsidy", "scenario_transport", "scenario_assessment", "projects_wmo",
    "income_other_wmo",
)
MONEY_LINES = V1_MONEY_LINES + PROJECT_OPERATOR_LINES + V2_MUNICIPALITY_LINES + (
    "substitution", "tariff_difference", "transport_avoided", "moved_clients", "paid",
    "baseline_tariff_zin", "baseline_tariff_pgb", "baseline_transport", "baseline_assessment",
    "scenario_transport", "scenario_assessment",
) + V3_OPERATOR_LINES + ("new_clients",) + NEW_CLIENTS_PARTS + PAYER_LINES
PROJECT_KEYS = ("cost", "wmo", "municipal", "external", "result")
WARNING_CODES = (
    "norm_not_met", "allowance_above_legal_max", "operator_deficit", "no_savings",
    "start_after_target", "savings_rest_on_substitution", "savings_rest_on_reassessment", "project_deficit",
    "group_too_large", "pool_clients_exceeded", "pool_volunteers_exceeded",
)
DEFICIT_TOLERANCE = 0.005  # half a cent: smaller "deficits" are floating-point noise
SAVINGS_TOLERANCE = 0.005  # half a cent per room: smaller "savings" are floating-point noise
RATIO_TOLERANCE = 1e-9  # 5759.999999999998 rooms' worth is 5760: exact ratios stay exact
LEAN_LINES = (
    "savings", "savings_hard", "result", "subsidy", "cost", "income", "baseline", "scenario",
    "organisation_result", "projects_result", "substitution", "net_municipality", "cumulative_savings",
    "cumulative_result", "cumulative_net_municipality", "cash", "cumulative_cash",
)
"""The lines ``compute(..., lines=…)`` can give without the rest of the result."""


@dataclass
class Result:
    """Engine output for n variants over the years of ``structure``.

    ``lines`` holds every money line for *all* locations (per-location figure x locations),
    each an (n, years) array. ``per_location`` holds the same lines for one location.
    ``staffing`` and ``target`` hold one value per variant. ``flags`` holds one boolean
    per variant per warning code; ``detail`` keeps intermediate arrays for ``explain``.
    """

    structure: Structure
    table: pd.DataFrame
    lines: dict[str, np.ndarray]
    per_location: dict[str, np.ndarray]
    staffing: dict[str, np.ndarray]
    target: dict[str, np.ndarray]
    flags: dict[str, np.ndarray]
    detail: dict[str, np.ndarray] = field(default_factory=dict)
    parts: list[Result] = field(default_factory=list)  # a plan's locations, each x its count
    projects: list[tuple[str, dict[str, np.ndarray]]] = field(default_factory=list)
    """Per project (by name): its lines ``cost``, ``wmo``, ``municipal``, ``external``, ``result`` (all rooms)."""

    @property
    def years(self) -> np.ndarray:
        return self.structure.years

    @property
    def n(self) -> int:
        return len(self.table)

    def frame(self, variant: int = 0) -> pd.DataFrame:
        """One variant as a DataFrame: a row per year, a column per money line."""
        data = {name: self.lines[name][variant] for name in MONEY_LINES if name in self.lines}
        df = pd.DataFrame(data, index=pd.Index(self.years, name="year"))
        df.insert(0, "operating_year", self.detail["k"][variant].astype(int))
        return df

    def at_year(self, name: str, year: int) -> np.ndarray:
        """A line in one year for every variant."""
        return self.lines[name][:, int(year) - self.structure.first]

    def year_index(self, year: int) -> int:
        idx = int(year) - self.structure.first
        if not 0 <= idx < len(self.years):
            raise ValueError(f"year {year} lies outside the period {self.structure.first}–{self.structure.last}")
        return idx


