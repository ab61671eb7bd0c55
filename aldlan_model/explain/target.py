"""The figures of the target year: the share of the target the saving reaches,
the rooms needed to reach it (both also on the hard saving) and the cost per dagdeel.

Each builds its whole :class:`Explanation`; :data:`FIGURES` maps each figure to its function.
"""

from __future__ import annotations

from collections.abc import Callable

from aldlan_model.engine.lines import Result
from aldlan_model.explain.context import Explanation, Step
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, number
from aldlan_model.model.scenario import Scenario


def _m(x: float, lang: str) -> str:
    return money(x, lang, decimals=2)


def _inputs(scenario: Scenario, result: Result) -> list[tuple[str, float, str | None]]:
    amount = float(result.target["amount"][0])
    locations = int(result.table["locations"].iloc[0])
    return [("target.amount", amount, scenario.target.amount.source),
            ("locations", float(locations), scenario.locations.source)]


def share(scenario: Scenario, result: Result, metric: str, lang: str) -> Explanation:
    """The share of the target the saving reaches."""
    year, amount = int(result.target["year"][0]), float(result.target["amount"][0])
    savings = float(result.target["savings"][0])
    value = float(result.target["share"][0])
    steps = [Step(t("target_share", lang), f"{t('savings', lang)} {year} / target.amount",
                  f"{_m(savings, lang)} / {_m(amount, lang)}", value, money=False)]
    return Explanation(metric, t("target_share", lang), year, value, value, 1, t("ex_rule_share", lang),
                       steps, _inputs(scenario, result), lang, kind="percent")


def locations_needed(scenario: Scenario, result: Result, metric: str, lang: str) -> Explanation:
    """The rooms needed to reach the target."""
    year, amount = int(result.target["year"][0]), float(result.target["amount"][0])
    savings = float(result.target["savings"][0])
    per_room = float(result.target["savings_per_location"][0])
    locations = int(result.table["locations"].iloc[0])
    value = float(result.target["locations_needed"][0])
    steps = [Step(t("savings", lang) + f" {year} " + t("ex_per_location", lang),
                  f"{t('savings', lang)} / {t('locations', lang)}", f"{_m(savings, lang)} / {locations}", per_room)]
    if per_room > 0.005:
        steps.append(Step(t("locations_needed", lang), f"⌈ target.amount / {t('savings', lang)} "
                          f"{t('ex_per_location', lang)} ⌉", f"⌈ {_m(amount, lang)} / {_m(per_room, lang)} ⌉ = "
                          f"⌈ {number(amount / per_room, lang, 4)} ⌉", value, money=False))
    return Explanation(metric, t("locations_needed", lang), year, value, value, 1, t("ex_rule_locations_needed", lang),
                       steps, _inputs(scenario, result), lang, kind="rooms")


def _hard_inputs(scenario: Scenario, result: Result) -> list[tuple[str, float, str | None]]:
    return [("target.amount", float(result.target["amount"][0]), scenario.target.amount.source)]


def share_hard(scenario: Scenario, result: Result, metric: str, lang: str) -> Explanation:
    """The share of the target the hard saving reaches."""
    tg = result.target
    year, amount = int(tg["year"][0]), float(tg["amount"][0])
    value = float(tg["share_hard"][0])
    steps = [Step(t("target_share", lang), f"{t('savings_hard_short', lang)} {year} / target.amount",
                  f"{_m(float(tg['savings_hard'][0]), lang)} / {_m(amount, lang)}", value, money=False)]
    return Explanation(metric, t("cmp_share_hard", lang), year, value, value, 1, t(f"ex_rule_{metric}", lang), steps,
                       _hard_inputs(scenario, result), lang, kind="percent")


def locations_needed_hard(scenario: Scenario, result: Result, metric: str, lang: str) -> Explanation:
    """The rooms needed to reach the target with the hard saving."""
    tg = result.target
    year, amount = int(tg["year"][0]), float(tg["amount"][0])
    locations = int(result.table["locations"].iloc[0])
    per_room = float(tg["savings_hard_per_location"][0])
    value = float(tg["locations_needed_hard"][0])
    steps = [Step(t("savings_hard_short", lang) + f" {year} " + t("ex_per_location", lang),
                  f"{t('savings_hard_short', lang)} / {t('locations', lang)}",
                  f"{_m(float(tg['savings_hard'][0]), lang)} / {locations}", per_room)]
    if per_room > 0.005:
        steps.append(Step(t("cmp_locations_needed_hard", lang), f"⌈ target.amount / {t('savings_hard_short', lang)}"
                          f" {t('ex_per_location', lang)} ⌉", f"⌈ {_m(amount, lang)} / {_m(per_room, lang)} ⌉ = "
                          f"⌈ {number(amount / per_room, lang, 4)} ⌉", value, money=False))
    return Explanation(metric, t("cmp_locations_needed_hard", lang), year, value, value, 1,
                       t(f"ex_rule_{metric}", lang), steps, _hard_inputs(scenario, result), lang, kind="rooms")


def cost_per_dagdeel(scenario: Scenario, result: Result, metric: str, lang: str) -> Explanation:
    """The operator's cost per dagdeel in the target year, next to the tariffs."""
    tg = result.target
    year = int(tg["year"][0])
    j = result.year_index(year)
    cost, dagdelen = float(result.lines["cost"][0, j]), float(result.lines["dagdelen"][0, j])
    value = float(tg["cost_per_dagdeel"][0])
    steps = [Step(t("cost_per_dagdeel", lang), f"{t('cost', lang)} {year} / {t('ex_sym_dagdelen_all', lang)}",
                  f"{_m(cost, lang)} / {number(dagdelen, lang, 2)}", value)]
    pairs = [("tariffs.buurtkamer.zin", scenario.tariffs.buurtkamer.zin),
             ("tariffs.baseline.zin", scenario.tariffs.baseline.zin)]
    inputs = [(path, num.point, num.source) for path, num in pairs]
    return Explanation(metric, t("cost_per_dagdeel", lang), year, value, value, 1, t(f"ex_rule_{metric}", lang),
                       steps, inputs, lang, kind="money2")


FIGURES: dict[str, Callable[[Scenario, Result, str, str], Explanation]] = {
    "share": share,
    "locations_needed": locations_needed,
    "share_hard": share_hard,
    "locations_needed_hard": locations_needed_hard,
    "cost_per_dagdeel": cost_per_dagdeel,
}
"""The target year's figures and the function that explains each one."""
