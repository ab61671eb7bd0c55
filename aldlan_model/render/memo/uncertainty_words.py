"""The uncertainty in words: the band within which 8 of 10 draws fall, with and without substitution;
where the point value (every input at its most likely value) lies outside that band, said with the
median; chances only when they say something (not about 0 % or 100 %). Whole euros, half away from
zero, as the ledger rounds.
"""

from __future__ import annotations

from typing import Any

from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, percent, round_euros

CHANCE_SAID = (0.01, 0.99)  # a chance outside this range carries no information: left out


def chance_said(p: float) -> bool:
    """Whether a chance says anything: not (nearly) 0 % or 100 %."""
    return CHANCE_SAID[0] < p < CHANCE_SAID[1]


def range_phrase(summary: dict[str, float], lang: str) -> str:
    """P10–P90 of a saving in words: "tussen € 2.000 en € 9.000 besparing", "… meerkosten", or "tussen
    € 1.470 meerkosten en € 8.560 besparing"."""
    p10, p90 = round_euros([summary["p10"], summary["p90"]])
    if p10 >= 0:
        return t("memo_range_pos", lang, p10=money(p10, lang), p90=money(p90, lang))
    if p90 <= 0:
        return t("memo_range_neg", lang, low=money(-p90, lang), high=money(-p10, lang))
    return t("memo_range_mixed", lang, extra=money(-p10, lang), saving=money(p90, lang))


def uncertainty_sentences(sim: Any, lang: str) -> list[str]:
    """The band in words (:func:`band_sentences`), then the chances that say something."""
    return band_sentences(sim, lang) + chance_sentences(sim, lang)


def band_sentences(sim: Any, lang: str) -> list[str]:
    """The band of the saving in words, and the point value when it lies outside it (with the median)."""
    s = sim.summary("savings")
    out = [t("memo_u_range", lang, year=sim.year, phrase=range_phrase(s, lang),
             hard=range_phrase(sim.summary("savings_hard"), lang))]
    point = (getattr(sim, "point_euros", None) or {}).get("savings")
    p10, p50, p90 = round_euros([s["p10"], s["p50"], s["p90"]])
    if point is not None and (point > p90 or point < p10):
        key = "memo_u_point_above" if point > p90 else "memo_u_point_below"
        out.append(t(key, lang, point=money(point, lang), median=money(p50, lang)))
    return out


def chance_sentences(sim: Any, lang: str) -> list[str]:
    """The chance of the target and of a deficit, only when it is not (nearly) 0 % or 100 %."""
    out = []
    if chance_said(sim.p_target):
        out.append(t("memo_u_target", lang, p=percent(sim.p_target, lang), year=sim.year))
    if chance_said(sim.p_deficit):
        out.append(t("memo_u_deficit", lang, p=percent(sim.p_deficit, lang), year=sim.year))
    return out
