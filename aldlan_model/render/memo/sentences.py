"""The memo's sentences in plain words, generated from the rounded ledger (the same euros as every
table).

The wording rules (docs/glossary.md, issue 21):

- **Names.** A scenario's name is a proper name and may be anything ("Commerciële aanbieder",
  "De Schakel", "Stichting 't Hoekje"). It is never put where grammar needs a noun phrase of a
  certain shape: it always follows a common noun in quotes — "het model ‘Alleen vrijwilligers’",
  "het plan ‘Kamers vrijwilligers’" — and no sentence starts with it, so its article and capital
  stay as written (:func:`named`). The subject of a sentence is "de gemeente" or "de organisatie",
  never the name, so the verb agrees whatever the name is.
- **Tense.** A year before the memo's date is over: its sentences are in the past (conditional)
  tense; the memo's own year and later ones in the present or future (:class:`Voice`).
- **Nothing trivially true or empty**: a chance of 0 % or 100 %, a € 0 need or mechanism is said
  in words or left out.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, number, percent, round_euros
from aldlan_model.ledger.rounded import Ledger, ledger
from aldlan_model.render.memo.document import MemoItem

QUOTES = {"nl": ("\u2018", "\u2019"), "en": ("\u2018", "\u2019")}
DOUBLE = ("\u201c", "\u201d")
CHANCE_SAID = (0.01, 0.99)  # a chance outside this range carries no information: left out


@dataclass(frozen=True)
class Voice:
    """The report's language and date: which tense a year's sentence takes."""

    lang: str
    today: _dt.date

    def past(self, year: int) -> bool:
        return int(year) < self.today.year

    def say(self, key: str, when: int, /, **fmt: object) -> str:
        """The sentence ``key`` in the tense of ``year``: ``key_past`` or ``key_fut``."""
        return t(f"{key}_{'past' if self.past(when) else 'fut'}", self.lang, **fmt)


def quoted(name: str, lang: str) -> str:
    """A name in quotes; a name that holds an apostrophe (’t Hoekje) in double quotes."""
    name = " ".join(str(name).split())
    left, right = DOUBLE if ("'" in name or "\u2019" in name or "\u2018" in name) else QUOTES[lang]
    return f"{left}{name}{right}"


def is_plan(item: MemoItem) -> bool:
    return isinstance(getattr(item.model, "locations", None), list)


def rooms_of(item: MemoItem) -> int:
    return int(round(float(item.result.table["locations"].iloc[0])))


def named(item: MemoItem, lang: str) -> str:
    """"het model ‘X’" or "het plan ‘X’": the name where any name is grammatical."""
    return t("memo_w_plan" if is_plan(item) else "memo_w_model", lang, name=quoted(item.label, lang))


def who(item: MemoItem, lang: str) -> str:
    """What saves, in lower case: "één buurtkamer volgens het model ‘X’", "het plan ‘X’ met 9
    buurtkamers", "12 buurtkamers volgens het model ‘X’", "het model ‘X’ (een buurtkamer en 4 projecten)"."""
    rooms = rooms_of(item)
    if item.result.projects and not is_plan(item):
        return t("memo_w_with_projects", lang, model=named(item, lang), rooms=counted("memo_n_rooms", rooms, lang),
                 projects=counted("memo_n_projects", len(item.result.projects), lang))
    if is_plan(item):
        return t("memo_w_plan_rooms", lang, plan=named(item, lang), rooms=number(rooms, lang))
    if rooms == 1:
        return t("memo_w_one_room", lang, model=named(item, lang))
    return t("memo_w_rooms", lang, model=named(item, lang), rooms=number(rooms, lang))


def counted(key: str, n: int, lang: str) -> str:
    """"één project" or "4 projecten": a count with its noun in the right number."""
    return t(f"{key}_one", lang) if n == 1 else t(key, lang, n=number(n, lang))


def period(first: int, last: int) -> str:
    """"2019–2025", or "2020" for a period of one year (never "2020–2020")."""
    return str(first) if first == last else f"{first}\u2013{last}"


def cap(text: str) -> str:
    """The first letter in upper case ("één" → "Eén": the accent marks the stress, the capital the start)."""
    if text.startswith("één"):
        return "Eén" + text[3:]
    return text[:1].upper() + text[1:]


def join_and(parts: list[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {t('memo_and', lang)} " + parts[-1]


def range_phrase(summary: dict[str, float], lang: str) -> str:
    """P10–P90 of a saving in words: a saving of … to …, extra costs of … to …, or from one to the other."""
    p10, p90 = round_euros([summary["p10"], summary["p90"]])
    if p10 >= 0:
        return t("memo_range_pos", lang, p10=money(p10, lang), p90=money(p90, lang))
    if p90 <= 0:
        return t("memo_range_neg", lang, low=money(-p90, lang), high=money(-p10, lang))
    return t("memo_range_mixed", lang, extra=money(-p10, lang), saving=money(p90, lang))


def outcome(amount: int, lang: str) -> str:
    """"besparing € 39.080" or "meerkosten € 44.258": a saving by its sign."""
    key = "memo_w_saving_amount" if amount >= 0 else "memo_w_extra_amount"
    return t(key, lang, amount=money(abs(amount), lang))


def run_in(item: MemoItem, lang: str) -> str:
    """A paragraph's bold lead for one of several designs: "**Het model ‘X’.**"."""
    return t("memo_for", lang, name=cap(named(item, lang)))


def chance_said(p: float) -> bool:
    """Whether a chance says anything: not (nearly) 0 % or 100 %."""
    return CHANCE_SAID[0] < p < CHANCE_SAID[1]


# --- the conclusion -------------------------------------------------------------------------------


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
    first, last = L.years[0], L.years[-1]
    net = int(L.lines["cumulative_net_municipality"][-1])
    key = "memo_c_whole_better" if net > 0 else "memo_c_whole_worse" if net < 0 else "memo_c_whole_even"
    fmt = {"amount": money(abs(net), v.lang)} if net else {}
    return [v.say(key, last, who=who(item, v.lang), period=period(first, last), **fmt)]


def other_budget_sentences(item: MemoItem, v: Voice) -> list[str]:
    """What the municipality's other budgets pay in the target year (to projects, to the organisation
    as other income such as rent), and its net position in that year."""
    L = ledger(item.result)
    year = L.target_year
    projects, income = L.at("projects_municipal"), L.at("income_other_municipal")
    if projects == 0 and income == 0:
        return []
    key = "memo_c_other" if income == 0 else "memo_c_other_income" if projects == 0 else "memo_c_other_both"
    fmt = {"what": municipal_income_names(item, v.lang)} if income else {}
    if projects and income:
        fmt.update(projects=money(projects, v.lang), income=money(income, v.lang))
    return [v.say(key, year, year=year, other=money(projects + income, v.lang),
                  net=_signed(L.at("net_municipality"), v.lang), **fmt)]


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
    After the sentence on the whole (projects), "op de Wmo alleen" without naming the design again."""
    L = ledger(item.result)
    tg = item.result.target
    year, lang = L.target_year, v.lang
    amount = float(tg["amount"][0])
    savings = L.at("savings")
    again = whole_said(item)
    w = who(item, lang)
    if savings > 0:
        key = "memo_c_saves_wmo" if again else "memo_c_saves"
        fmt = {} if again else {"who": w}
        out = [v.say(key, year, year=year, savings=money(savings, lang), share=percent(savings / amount, lang),
                     amount=money(amount, lang), **fmt)]
    elif savings < 0:
        key = "memo_c_costs_more_wmo" if again else "memo_c_costs_more"
        fmt = {} if again else {"who": w}
        out = [v.say(key, year, year=year, extra=money(-savings, lang), **fmt)]
    else:  # € 0 either way: said in words
        key = "memo_c_nothing_wmo" if again else "memo_c_nothing"
        out = [v.say(key, year, year=year, **({} if again else {"who": w}))]
    out += rooms_needed(item, lang)
    reached = int(tg["first_year_reached"][0])
    if reached > 0:
        out.append(v.say("memo_c_reached", reached, year=reached))
    return out


OUT_OF_REACH = 100
"""assumption: more rooms than this for the target is out of a design's reach (Leeuwarden planned nine)."""


def rooms_needed(item: MemoItem, lang: str) -> list[str]:
    """How many rooms of this design the target takes; beyond :data:`OUT_OF_REACH` the target is said
    to be out of reach."""
    tg = item.result.target
    needed, needed_hard = tg["locations_needed"][0], tg["locations_needed_hard"][0]
    if int(tg["first_year_reached"][0]) > 0:
        return []  # reached as it is: how many rooms it would take says nothing new
    if needed != needed:  # NaN: never
        return [t("memo_c_needed_never", lang)]
    far = "_far" if needed > OUT_OF_REACH else ""
    fmt = {"rooms": number(needed, lang)}
    if needed_hard != needed_hard:
        return [t(f"memo_c_needed_no_hard{far}", lang, **fmt)]
    if needed_hard == needed:
        return [t(f"memo_c_needed_same{far}", lang, **fmt)]
    return [t(f"memo_c_needed{far}", lang, rooms_hard=number(needed_hard, lang), **fmt)]


HARD_MECHANISMS = ("tariff_difference", "transport_avoided", "replaced", "moved_clients")


def condition_sentences(L: Ledger, lang: str, *, parts: bool = True) -> list[str]:
    """Where the saving comes from (``parts``: the hard causes listed first), naming what it rests on:
    the tariff difference needs a new indicatie, replaced spending must really stop, substitution
    is an assumption."""
    out: list[str] = []
    hard = sorted(((L.at(n), n) for n in HARD_MECHANISMS if L.at(n) > 0), reverse=True)
    if hard and parts:
        parts = [t("memo_mech_part", lang, name=t(f"memo_mech_{n}", lang), amount=money(x, lang)) for x, n in hard]
        out.append(t("memo_c_parts", lang, parts=join_and(parts, lang)))
    if L.at("new_clients") < 0:
        key = "memo_c_new_clients" if parts else "memo_c_new_clients_in"
        out.append(t(key, lang, amount=money(-L.at("new_clients"), lang)))
    if L.at("paid") < 0:
        out.append(t("memo_c_paid" if hard or L.at("new_clients") < 0 else "memo_c_paid_only", lang,
                     amount=money(-L.at("paid"), lang)))
    if parts and len(out) > 1:
        net = L.at("savings")
        out.append(t("memo_c_net_saving" if net >= 0 else "memo_c_net_extra", lang, amount=money(abs(net), lang)))
    if L.at("tariff_difference") > 0:
        out.append(t("memo_c_reindication", lang, amount=money(L.at("tariff_difference"), lang)))
    if L.at("replaced") > 0:
        out.append(t("memo_c_replaced", lang, amount=money(L.at("replaced"), lang)))
    if L.at("substitution") > 0:
        out.append(t("memo_c_substitution", lang, amount=money(L.at("substitution"), lang),
                     hard=_hard_phrase(L.at("savings_hard"), lang)))
    return out


def _hard_phrase(hard: int, lang: str) -> str:
    if hard >= 0:
        return t("memo_w_hard_saving", lang, amount=money(hard, lang))
    return t("memo_w_hard_extra", lang, amount=money(-hard, lang))


def financing_sentences(L: Ledger, v: Voice, start: int) -> list[str]:
    """The organisation's money (MODEL.md v3 §3.5): the deepest point of its cumulative cash and whether
    the cash comes back to ≥ 0 within the period; nothing about a € 0 need but that there is no deficit."""
    lang = v.lang
    cum = L.lines["cumulative_cash"]
    need = L.financing_need
    last = L.years[-1]
    if need <= 0:
        if L.at("subsidy") > 0:
            return [v.say("memo_f_covered", L.target_year, year=L.target_year, amount=money(L.at("subsidy"), lang))]
        return [v.say("memo_f_none", last, period=period(start, last))]
    low = L.years[int(cum.argmin())]
    if not L.financing_recovered:
        still = -int(cum[-1])
        fmt = {"need": money(need, lang), "year": low, "last": last}
        if still == need:  # nothing came back: one amount, said once
            return [v.say("memo_f_short_all", last, **fmt)]
        return [v.say("memo_f_short", last, open=money(still, lang), **fmt)]
    back = next(L.years[j] for j in range(int(cum.argmin()), len(cum)) if cum[j] >= 0)
    return [v.say("memo_f_bridge", back, need=money(need, lang), year=low, back=back)]


def municipality_payback(L: Ledger, v: Voice, start: int) -> list[str]:
    """When the municipality as a whole has its money back, counted from the year the room opens
    (a year before it, with nothing spent, is no payback)."""
    years = [y for y in L.years if y >= start]
    if not years:
        return []
    j0 = L.years.index(years[0])
    cum = L.lines["cumulative_net_municipality"][j0:]
    last = L.years[-1]
    if (cum >= 0).all():
        return [v.say("memo_p_never_behind", start, start=start)]
    if cum[-1] < 0:
        total = -int(L.lines["cumulative_net_municipality"][-1])
        return [v.say("memo_p_not_back", last, period=period(L.years[0], last), amount=money(total, v.lang))]
    j = len(cum) - 1
    while j > 0 and cum[j - 1] >= 0:
        j -= 1
    return [v.say("memo_p_back", years[j], year=years[j])]


def uncertainty_sentences(sim: Any, lang: str) -> list[str]:
    """The range of the saving in words, and the chances that say something."""
    out = [t("memo_u_range", lang, year=sim.year, phrase=range_phrase(sim.summary("savings"), lang),
             hard=range_phrase(sim.summary("savings_hard"), lang))]
    if chance_said(sim.p_target):
        out.append(t("memo_u_target", lang, p=percent(sim.p_target, lang), year=sim.year))
    if chance_said(sim.p_deficit):
        out.append(t("memo_u_deficit", lang, p=percent(sim.p_deficit, lang), year=sim.year))
    return out
