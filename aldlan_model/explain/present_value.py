"""Present value (MODEL.md §2.12, §3.7, v3): Σ_y x_y / (p_y × (1 + r)^(y − first)) of the savings, the
hard savings, the municipality's net position and the organisation's result (all locations).

Each builds its whole :class:`Explanation`, one step per year and the sum; :data:`FIGURES` maps each
metric (``pv_savings``, …) to its function.
"""

from __future__ import annotations

from collections.abc import Callable

from aldlan_model.engine.lines import Result
from aldlan_model.engine.target import PV_LINES
from aldlan_model.explain.context import Explanation, Step
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, number
from aldlan_model.model.scenario import Scenario


def _n(x: float, lang: str, decimals: int = 8) -> str:
    text = number(x, lang, decimals)
    return text.rstrip("0").rstrip(",.") if decimals else text


def _label(line: str, lang: str) -> str:
    try:
        return t(line, lang)
    except KeyError:
        return t(f"ex_name_{line}", lang)


def present_value(scenario: Scenario, result: Result, metric: str, lang: str) -> Explanation:
    """One present value: each year's term x_y / (p_y × (1 + r)^(y − first)), then their sum."""
    line = metric.removeprefix("pv_")
    tg = result.target
    rate = float(tg["discount_rate"][0])
    first = int(result.structure.first)
    p = result.detail["p"][0]
    steps, total = [], 0.0
    for j, y in enumerate(int(x) for x in result.years):
        x = float(result.lines[line][0, j])
        term = x / (float(p[j]) * (1 + rate) ** float(y - first))  # as the engine, term by term
        total += term
        steps.append(Step(f"{_label(line, lang)} {y} {t('ex_pv_discounted', lang)}",
                          t("ex_pv_term_sym", lang, line=_label(line, lang), year=y, first=first),
                          f"{money(x, lang, decimals=2)} / ({_n(float(p[j]), lang)} × (1 + {_n(rate, lang)}) ^ "
                          f"{y - first})", term))
    value = float(tg[metric][0])
    steps.append(Step(_label(metric, lang), t("ex_pv_sum_sym", lang, first=first, last=int(result.years[-1])),
                      " + ".join(money(s.value, lang, decimals=2) for s in steps), value))
    rule = t("ex_rule_present_value", lang, line=_label(line, lang), rate=_n(rate, lang), first=first)
    inputs = [("discount_rate", rate, getattr(scenario.discount_rate, "source", None))]
    return Explanation(metric, _label(metric, lang), int(tg["year"][0]), value, value, 1, rule, steps, inputs, lang,
                       kind="money2")


FIGURES: dict[str, Callable[[Scenario, Result, str, str], Explanation]] = {
    f"pv_{line}": present_value for line in PV_LINES
}
"""The present values and the function that explains each one."""
