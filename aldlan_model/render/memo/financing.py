"""The organisation's money and the municipality's payback in words (MODEL.md v3 §3.5): the deepest
point of the organisation's cumulative cash, whether it comes back within the period (only then a
bridge), what of it is Wmo money still to come in after the payment term, and when the municipality as
a whole has its money back. Euros from the rounded ledger, the tense from the year.
"""

from __future__ import annotations

from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money
from aldlan_model.ledger.rounded import Ledger
from aldlan_model.render.memo.sentences import Voice, active_from, period


def financing_sentences(L: Ledger, v: Voice, start: int) -> list[str]:
    """The organisation's cash: no deficit, a deficit the subsidy covers, a bridge that comes back, or a
    shortfall still open at the end (and how much of that is tariffs not yet paid)."""
    lang = v.lang
    cum = L.lines["cumulative_cash"]
    need = L.financing_need
    last = L.years[-1]
    if need <= 0:
        if L.at("subsidy") > 0:
            return [v.say("memo_f_covered", L.target_year, year=L.target_year, amount=money(L.at("subsidy"), lang))]
        return [v.say("memo_f_none", last, period=period(start, last))]
    low = L.years[int(cum.argmin())]
    when = t("memo_w_in_year" if low == start else "memo_w_up_to", lang, year=low)
    if L.financing_recovered:
        back = next(L.years[j] for j in range(int(cum.argmin()), len(cum)) if cum[j] >= 0)
        return [v.say("memo_f_bridge", back, need=money(need, lang), when=when, back=back)]
    still = -int(cum[-1])
    waiting = int(L.lines["receivable"][-1])  # tariffs of the last weeks, paid after the period's end
    fmt = {"need": money(need, lang), "when": when, "last": last}
    if 0 < still <= waiting:  # what is open is only money on its way: no lasting shortfall
        return [v.say("memo_f_short_waiting", last, open=money(still, lang), **fmt)]
    if still == need:  # nothing came back: one amount, said once
        out = [v.say("memo_f_short_all", last, **fmt)]
    else:
        out = [v.say("memo_f_short", last, open=money(still, lang), **fmt)]
    if waiting > 0:
        out.append(v.say("memo_f_waiting_part", last, amount=money(waiting, lang), last=last))
    return out


def municipality_payback(L: Ledger, v: Voice, start: int) -> list[str]:
    """When the municipality as a whole has its money back, counted from the year the room opens
    (a year before it, with nothing spent, is no payback); the amount over the period when it never lags."""
    years = [y for y in L.years if y >= start]
    if not years:
        return []
    j0 = L.years.index(years[0])
    cum = L.lines["cumulative_net_municipality"][j0:]
    last = L.years[-1]
    total = int(L.lines["cumulative_net_municipality"][-1])
    span = period(active_from(L, start), last)
    if (cum >= 0).all():
        return [v.say("memo_p_never_behind", last, period=span, amount=money(total, v.lang))] if total > 0 else []
    if cum[-1] < 0:
        return [v.say("memo_p_not_back", last, period=span, amount=money(-total, v.lang))]
    j = len(cum) - 1
    while j > 0 and cum[j - 1] >= 0:
        j -= 1
    return [v.say("memo_p_back", years[j], year=years[j])]
