"""The financing of the plan: the financing need (v3: the deepest point of the organisation's running
cash, MODEL.md §3.5) and whether it is recovered within the period, and the payback year (when the
municipality's running net position is no longer negative for good), each from the years' running sums.

Each builds its whole :class:`Explanation`; :data:`FIGURES` maps each figure to its function.
"""

from __future__ import annotations

from collections.abc import Callable

from aldlan_model.engine.lines import Result
from aldlan_model.explain.context import Explanation, Step
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money
from aldlan_model.model.scenario import Scenario


def _cash_steps(result: Result, lang: str) -> list[Step]:
    """Per year: cumulative cash = last year's + (organisation result + depreciation − start-up paid −
    (receivable − receivable of the year before)), all locations."""
    L, years = result.lines, [int(y) for y in result.years]
    m = lambda x: money(float(x), lang, decimals=2)  # noqa: E731
    steps, before, rec_before = [], 0.0, 0.0
    for j, y in enumerate(years):
        org, dep, paid = L["organisation_result"][0, j], L["depreciation"][0, j], L["startup_paid"][0, j]
        rec, cum = L["receivable"][0, j], L["cumulative_cash"][0, j]
        steps.append(Step(
            f"{t('ex_name_cumulative_cash', lang)} {y}",
            t("ex_cash_year_sym", lang, year=y),
            f"{m(before)} + ({m(org)} + {m(dep)} − {m(paid)} − ({m(rec)} − {m(rec_before)}))", float(cum)))
        before, rec_before = float(cum), float(rec)
    return steps


def financing_need(scenario: Scenario, result: Result, metric: str, lang: str) -> Explanation:
    """The financing need (v3, in cash): the lowest point of the organisation's running cash; a bridge
    only when the running cash is back at ≥ 0 in the last year."""
    tg = result.target
    year = int(tg["year"][0])
    years = [int(y) for y in result.years]
    locations = int(result.table["locations"].iloc[0])
    cum = result.lines["cumulative_cash"][0]
    j = int(cum.argmin())
    value = float(tg["financing_need"][0])
    steps = _cash_steps(result, lang)
    steps.append(Step(t("ex_name_financing_need", lang), f"max(0; −min {t('ex_name_cumulative_cash', lang)})",
                      f"max(0; −({money(float(cum[j]), lang, decimals=2)})) ({years[j]})", value))
    if value <= 0:
        words = t("ex_financing_none", lang)
    elif bool(tg["financing_recovered"][0]):
        words = t("ex_financing_bridge", lang, last=years[-1], amount=money(float(cum[-1]), lang, decimals=2))
    else:
        words = t("ex_financing_not_recovered", lang, last=years[-1], amount=money(float(cum[-1]), lang, decimals=2))
    # the label says "financieringsbehoefte": a bridge only when it is recovered (the rule says which)
    return Explanation(metric, t("ex_name_financing_need", lang), year, value, value / locations, locations,
                       f"{t(f'ex_rule_{metric}', lang)} {words}", steps, [], lang)


def payback_year(scenario: Scenario, result: Result, metric: str, lang: str) -> Explanation:
    """The first year from which the municipality's running net position is no longer negative (v3: never
    negative → the room's first year, ``period.start``)."""
    tg = result.target
    year = int(tg["year"][0])
    years = [int(y) for y in result.years]
    cum = result.lines["cumulative_net_municipality"][0]
    value = float(tg["payback_year"][0])
    steps = [Step(f"{t('cumulative_net_municipality', lang)} {y}", f"Σ {t('net_municipality', lang)} {years[0]}–{y}",
                  money(float(c), lang, decimals=2), float(c)) for y, c in zip(years, cum, strict=True)]
    floor = 0.005 * float(result.table["locations"].iloc[0])
    if value <= 0:
        words = t("ex_payback_none", lang, last=years[-1])
    elif all(float(c) >= -floor for c in cum):
        words = t("ex_payback_never_negative", lang, start=int(value))
    else:
        words = t("ex_payback_from", lang, year=int(value))
    return Explanation(metric, t("payback_year", lang), year, value, value, 1,
                       f"{t(f'ex_rule_{metric}', lang)} {words}", steps, [], lang, kind="year")


FIGURES: dict[str, Callable[[Scenario, Result, str, str], Explanation]] = {
    "financing_need": financing_need,
    "payback_year": payback_year,
}
"""The financing figures and the function that explains each one."""
