"""The memo's conclusion in plain words: the municipality as a whole first whenever another municipal
budget pays (projects, rent from a municipal service), then the Wmo saving and its share of the target,
how many rooms the target would take, and what each other budget pays.

Every euro is the rounded ledger's; the tense follows the year (:class:`~.sentences.Voice`).
"""

from __future__ import annotations

from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, number, percent
from aldlan_model.ledger.rounded import ledger
from aldlan_model.render.memo.document import MemoItem
from aldlan_model.render.memo.sentences import Voice, active_from, join_and, opening, period, quoted, who

OUT_OF_REACH = 100
"""assumption: more rooms than this for the target is out of a design's reach (Leeuwarden planned nine)."""


def whole_said(item: MemoItem) -> bool:
    """Whether the municipality as a whole differs from its Wmo budget: projects, or other municipal
    budgets that pay the organisation (rent from a municipal service, MODEL.md v3 §2.9)."""
    L = ledger(item.result)
    return bool(item.result.projects) or any(int(x) != 0 for x in L.lines["payers_municipal"])


def whole_sentences(item: MemoItem, v: Voice) -> list[str]:
    """The municipality as a whole (all its budgets) over the period, first when other budgets take part."""
    if not whole_said(item):
        return []
    L = ledger(item.result)
    first, last = active_from(L, opening(item, L)), L.years[-1]
    net = int(L.lines["cumulative_net_municipality"][-1])
    key = "memo_c_whole_better" if net > 0 else "memo_c_whole_worse" if net < 0 else "memo_c_whole_even"
    fmt = {"amount": money(abs(net), v.lang)} if net else {}
    return [v.say(key, last, who=who(item, v.lang), period=period(first, last), **fmt)]


def other_budget_sentences(item: MemoItem, v: Voice) -> list[str]:
    """What the municipality's other budgets pay in the target year and over the period (to projects, to
    the organisation as other income such as rent), and the municipality's net position in that year."""
    L = ledger(item.result)
    year, lang = L.target_year, v.lang
    projects, income = L.at("projects_municipal"), L.at("income_other_municipal")
    if projects == 0 and income == 0:
        return []
    key = "memo_c_other" if income == 0 else "memo_c_other_income" if projects == 0 else "memo_c_other_both"
    fmt = {"what": municipal_income_names(item, lang)} if income else {}
    if projects and income:
        fmt.update(projects=money(projects, lang), income=money(income, lang))
    total = -sum(int(x) for x in L.lines["payers_municipal"])
    fmt.update(total=money(total, lang), period=period(active_from(L, opening(item, L)), L.years[-1]))
    out = [v.say(key, year, year=year, other=money(projects + income, lang),
                 net=_signed(L.at("net_municipality"), lang), **fmt)]
    if income:  # the rent is a cost to the municipality only if its service would not pay it elsewhere
        rest = L.at("net_municipality") + income
        if projects:
            out.append(t("memo_c_rent_caveat", lang, income=money(income, lang), year=year, rest=_signed(rest, lang)))
        else:
            out.append(t("memo_c_rent_caveat_only", lang, year=year, rest=_signed(rest, lang)))
    return out


def municipal_income_names(item: MemoItem, lang: str) -> str:
    """The names of the organisation's other income paid from a municipal budget, quoted: "‘Huur Sociaal
    Wijkteam’"; a general phrase when the scenario gives none (a plan, a single amount)."""
    lines = getattr(getattr(item.model, "income", None), "other", None)
    names = [quoted(x.name, lang) for x in lines or [] if getattr(x, "budget", "") == "municipal"] \
        if isinstance(lines, list) else []
    return join_and(list(dict.fromkeys(names)), lang) if names else t("memo_w_other_income", lang)


def _signed(amount: int, lang: str) -> str:
    """A net position in words: "€ 5.000 voordeel" or "€ 5.000 nadeel"."""
    key = "memo_w_gain" if amount >= 0 else "memo_w_loss"
    return t(key, lang, amount=money(abs(amount), lang))


def saving_sentences(item: MemoItem, v: Voice) -> list[str]:
    """What the design saves on the Wmo in the target year, its share of the target, and the rooms needed.
    After the sentence on the whole, "op de Wmo alleen" without naming the design again."""
    L = ledger(item.result)
    tg = item.result.target
    year, lang = L.target_year, v.lang
    amount = float(tg["amount"][0])
    savings = L.at("savings")
    again = whole_said(item)
    fmt = {} if again else {"who": who(item, lang)}
    wmo = "_wmo" if again else ""
    if savings > 0:
        out = [v.say(f"memo_c_saves{wmo}", year, year=year, savings=money(savings, lang),
                     share=percent(savings / amount, lang), amount=money(amount, lang), **fmt)]
    elif savings < 0:
        out = [v.say(f"memo_c_costs_more{wmo}", year, year=year, extra=money(-savings, lang), **fmt)]
    else:  # € 0 either way: said in words
        out = [v.say(f"memo_c_nothing{wmo}", year, year=year, **fmt)]
    out += rooms_needed(item, v)
    reached = int(tg["first_year_reached"][0])
    if reached > 0:
        out.append(v.say("memo_c_reached", reached, year=reached))
    return out


def rooms_needed(item: MemoItem, v: Voice) -> list[str]:
    """How many rooms of this design the target takes; beyond :data:`OUT_OF_REACH` the target is said
    to be out of reach; with spending taken over, only if every room takes over as much."""
    tg = item.result.target
    lang = v.lang
    needed, needed_hard = tg["locations_needed"][0], tg["locations_needed_hard"][0]
    if int(tg["first_year_reached"][0]) > 0:
        return []  # reached as it is: how many rooms it would take says nothing new
    if needed != needed:  # NaN: never
        return [v.say("memo_c_needed_never", int(tg["year"][0]))]
    far = "_far" if needed > OUT_OF_REACH else ""
    fmt = {"rooms": number(needed, lang)}
    if needed_hard != needed_hard:
        out = [t(f"memo_c_needed_no_hard{far}", lang, **fmt)]
    elif needed_hard == needed:
        out = [t(f"memo_c_needed_same{far}", lang, **fmt)]
    else:
        out = [t(f"memo_c_needed{far}", lang, rooms_hard=number(needed_hard, lang), **fmt)]
    if ledger(item.result).at("replaced") > 0:
        out.append(t("memo_c_needed_if_replaced", lang))
    return out
