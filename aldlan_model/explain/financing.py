"""The financing of the plan: the financing need (the deepest point of the
organisation's running result) and the payback year (when the municipality's running net
position is no longer negative for good), each from the years' running sums.

Each builds its whole :class:`Explanation`; :data:`FIGURES` maps each figure to its function.
"""

from __future__ import annotations

from collections.abc import Callable

from aldlan_model.engine.lines import Result
from aldlan_model.explain.context import Explanation, Step
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money
from aldlan_model.model.scenario import Scenario


def financing_need(scenario: Scenario, result: Result, metric: str, lang: str) -> Explanation:
    """The bridge financing: the lowest point of the organisation's running result."""
    tg = result.target
    year = int(tg["year"][0])
    years = [int(y) for y in result.years]
    locations = int(result.table["locations"].iloc[0])
    cum = result.lines["cumulative_result"][0]
    j = int(cum.argmin())
    value = float(tg["financing_need"][0])
    steps = [Step(f"{t('cumulative_result', lang)} {y}", f"Σ {t('organisation_result', lang)} {years[0]}–{y}",
                  money(float(c), lang, decimals=2), float(c)) for y, c in zip(years, cum, strict=True)]
    steps.append(Step(t("financing_need", lang), f"max(0; −min {t('cumulative_result', lang)})",
                      f"max(0; −({money(float(cum[j]), lang, decimals=2)})) ({years[j]})", value))
    return Explanation(metric, t("financing_need", lang), year, value, value / locations, locations,
                       t(f"ex_rule_{metric}", lang), steps, [], lang)


def payback_year(scenario: Scenario, result: Result, metric: str, lang: str) -> Explanation:
    """The first year from which the municipality's running net position is no longer negative."""
    tg = result.target
    year = int(tg["year"][0])
    years = [int(y) for y in result.years]
    cum = result.lines["cumulative_net_municipality"][0]
    value = float(tg["payback_year"][0])
    steps = [Step(f"{t('cumulative_net_municipality', lang)} {y}", f"Σ {t('net_municipality', lang)} {years[0]}–{y}",
                  money(float(c), lang, decimals=2), float(c)) for y, c in zip(years, cum, strict=True)]
    return Explanation(metric, t("payback_year", lang), year, value, value, 1, t(f"ex_rule_{metric}", lang), steps,
                       [], lang, kind="year")


FIGURES: dict[str, Callable[[Scenario, Result, str, str], Explanation]] = {
    "financing_need": financing_need,
    "payback_year": payback_year,
}
"""The financing figures and the function that explains each one."""
