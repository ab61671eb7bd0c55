"""The memo's sentences in plain words, generated from the rounded ledger (the same euros as every
table): savings and target, where the saving comes from, the financing, and the range of an
uncertain saving."""

from __future__ import annotations

from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, number, percent
from aldlan_model.ledger.rounded import Ledger, ledger
from aldlan_model.render.memo.document import MemoItem


def _rooms(item: MemoItem) -> int:
    return int(round(float(item.result.table["locations"].iloc[0])))


def _is_plan(item: MemoItem) -> bool:
    return isinstance(getattr(item.model, "locations", None), list)


def _who(item: MemoItem, lang: str) -> str:
    rooms = _rooms(item)
    if rooms == 1 and not _is_plan(item):
        return t("memo_one_room", lang, label=item.label)
    return t("memo_rooms", lang, label=item.label, rooms=number(rooms, lang))


def lower_first(text: str) -> str:
    if text.startswith("Eén"):
        return "één" + text[3:]  # the accents mark the stress; lower case keeps both
    return text[:1].lower() + text[1:]


def range_phrase(summary: dict[str, float], lang: str) -> str:
    """P10–P90 of a saving in words: a saving between …, extra costs between …, or from one to the other."""
    p10, p90 = round(summary["p10"]), round(summary["p90"])
    if p10 >= 0:
        return t("memo_range_pos", lang, p10=money(p10, lang), p90=money(p90, lang))
    if p90 <= 0:
        return t("memo_range_neg", lang, low=money(-p90, lang), high=money(-p10, lang))
    return t("memo_range_mixed", lang, extra=money(-p10, lang), saving=money(p90, lang))


def join_and(parts: list[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {t('memo_and', lang)} " + parts[-1]


def summary_sentences(item: MemoItem, lang: str) -> list[str]:
    """The plain sentences about one scenario: savings, target, mechanisms, financing."""
    return [s for para in summary_paragraphs(item, lang) for s in para]


def summary_paragraphs(item: MemoItem, lang: str) -> list[list[str]]:
    """The sentences about one scenario in three paragraphs: savings and target, where the saving
    comes from, financing."""
    L = ledger(item.result)
    tg = item.result.target
    year = L.target_year
    amount = float(tg["amount"][0])
    savings, hard = L.at("savings"), L.at("savings_hard")
    who = _who(item, lang)
    out: list[str] = []
    if savings > 0 and hard >= 0:
        out.append(t("memo_saves", lang, who=who, savings=money(savings, lang),
                     year=year, hard=money(hard, lang)))
        out.append(t("memo_share", lang, share=percent(savings / amount, lang),
                     share_hard=percent(hard / amount, lang), amount=money(amount, lang)))
    elif savings > 0:
        out.append(t("memo_saves_no_hard", lang, who=who,
                     savings=money(savings, lang), year=year, hard=money(-hard, lang)))
    else:
        out.append(t("memo_costs_more", lang, who=lower_first(who), year=year, extra=money(-savings, lang),
                     extra_hard=money(-hard, lang)))
    needed, needed_hard = tg["locations_needed"][0], tg["locations_needed_hard"][0]
    if needed != needed:  # NaN: never
        out.append(t("memo_needed_never", lang, amount=money(amount, lang)))
    elif needed_hard != needed_hard:
        out.append(t("memo_needed_no_hard", lang, amount=money(amount, lang), rooms=number(needed, lang)))
    else:
        out.append(t("memo_needed", lang, amount=money(amount, lang), rooms=number(needed, lang),
                     rooms_hard=number(needed_hard, lang)))
    reached = int(tg["first_year_reached"][0])
    if reached > 0:
        out.append(t("memo_reached", lang, year=reached))
    return [out, mechanism_sentences(L, lang), financing_sentences(L, lang)]


HARD_MECHANISMS = ("tariff_difference", "transport_avoided", "replaced", "moved_clients")


def mechanism_sentences(L: Ledger, lang: str) -> list[str]:
    out = []
    hard = sorted(((L.at(n), n) for n in HARD_MECHANISMS if L.at(n) > 0), reverse=True)
    if hard:
        parts = [t("memo_mech_part", lang, name=t(f"memo_mech_{n}", lang), amount=money(v, lang)) for v, n in hard]
        out.append(t("memo_mech_main", lang, parts=join_and(parts, lang)))
    if L.at("substitution") > 0 and L.at("savings") > 0:
        out.append(t("memo_mech_soft", lang, amount=money(L.at("substitution"), lang)))
    if L.at("paid") < 0:
        out.append(t("memo_mech_paid", lang, amount=money(-L.at("paid"), lang)))
    return out


def financing_sentences(L: Ledger, lang: str) -> list[str]:
    """The headline sentence of :func:`build.financing_sentence` and, when there is a bridge, whether
    it is paid back within the period."""
    from aldlan_model.tables.run import financing_sentence

    need = L.financing_need
    if need <= 0:
        return [t("memo_fin_none", lang)]
    out = [financing_sentence(L, lang)]
    cum = L.lines["cumulative_result"]
    if cum[-1] < 0:
        out.append(t("memo_fin_end_short", lang, year=L.years[-1], amount=money(-int(cum[-1]), lang)))
    else:
        low = int(cum.argmin())
        back = next(L.years[j] for j in range(low, len(cum)) if cum[j] >= 0)
        out.append(t("memo_fin_back", lang, year=back))
    return out
