"""What the saving rests on, in words: where it comes from (the causes that save set against those that
cost), and the condition each cause carries — the tariff difference only with a new indicatie (and how
many are re-indicated is an input without a range), spending taken over only if it really stops,
substitution an assumption without evidence. In the tense of the target year.
"""

from __future__ import annotations

from typing import Any

from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, percent
from aldlan_model.ledger.rounded import Ledger
from aldlan_model.render.memo.sentences import Voice, join_and

HARD_MECHANISMS = ("tariff_difference", "transport_avoided", "replaced", "moved_clients")


def condition_sentences(L: Ledger, v: Voice, *, parts: bool = True, model: Any = None) -> list[str]:
    """Where the saving comes from (``parts``: the causes that save listed first, then those that cost and
    the net), naming what each rests on. ``model``: the scenario, for the re-indicated shares."""
    lang, year = v.lang, L.target_year
    out: list[str] = []
    saving = sorted(((L.at(n), n) for n in HARD_MECHANISMS if L.at(n) > 0), reverse=True)
    if saving and parts:
        listed = [t("memo_mech_part", lang, name=t(f"memo_mech_{n}", lang), amount=money(x, lang)) for x, n in saving]
        out.append(t("memo_c_parts", lang, parts=join_and(listed, lang)))
    if L.at("new_clients") < 0:
        key = "memo_c_new_clients" if parts else "memo_c_new_clients_in"
        out.append(t(key, lang, amount=money(-L.at("new_clients"), lang)))
    if L.at("paid") < 0:
        out.append(_paid(L, lang, bool(saving or L.at("new_clients") < 0)))
    if parts and len(out) > 1:
        net = L.at("savings")
        out.append(t("memo_c_net_saving" if net >= 0 else "memo_c_net_extra", lang, amount=money(abs(net), lang)))
    if L.at("tariff_difference") > 0:
        out.append(v.say("memo_c_reindication", year, amount=money(L.at("tariff_difference"), lang)))
        out += origin_sentences(model, lang)
    if L.at("replaced") > 0:
        without = L.at("savings") - L.at("replaced")
        key = "memo_w_without_saving" if without >= 0 else "memo_w_without_extra"
        out.append(v.say("memo_c_replaced", year, amount=money(L.at("replaced"), lang),
                         without=v.say(key, year, amount=money(abs(without), lang))))
    if L.at("substitution") > 0:
        out.append(t("memo_c_substitution", lang, amount=money(L.at("substitution"), lang),
                     hard=_hard_phrase(L.at("savings_hard"), lang)))
    return out


def _paid(L: Ledger, lang: str, after_causes: bool) -> str:
    """What the municipality itself pays from the Wmo, already taken off the saving: the subsidy, or the
    subsidy and the projects' Wmo money (no "projects" where there are none)."""
    projects = L.at("projects_wmo") != 0
    if after_causes:
        key = "memo_c_paid_projects" if projects else "memo_c_paid"
    else:
        key = "memo_c_paid_only_projects" if projects else "memo_c_paid_only"
    return t(key, lang, amount=money(-L.at("paid"), lang))


def origin_sentences(model: Any, lang: str) -> list[str]:
    """"Aangenomen is dat 50 % van de deelnemers met een indicatie een nieuwe indicatie krijgt": the
    re-indicated shares, which carry the tariff difference and have no range (MODEL.md §3.10)."""
    participants = getattr(model, "participants", None)
    shares: dict[str, float] = {}
    for group in ("zin", "pgb"):
        g = getattr(participants, group, None)
        count = getattr(getattr(g, "count", None), "point", 0) or 0
        if g is None or count <= 0:
            continue
        origin = getattr(g, "origin", None)
        shares[group] = 1.0 if origin is None else origin.shares()[0]
    if not shares:
        return []
    if len(set(shares.values())) == 1:  # one share for all: said once
        who = t("memo_w_share_all", lang, p=percent(next(iter(shares.values())), lang, 0))
    else:
        who = join_and([t(f"memo_w_share_{g}", lang, p=percent(x, lang, 0)) for g, x in shares.items()], lang)
    return [t("memo_c_origin_fixed", lang, shares=who)]


def _hard_phrase(hard: int, lang: str) -> str:
    if hard >= 0:
        return t("memo_w_hard_saving", lang, amount=money(hard, lang))
    return t("memo_w_hard_extra", lang, amount=money(-hard, lang))
