"""Warnings in words: fill the label templates with formatted facts."""

from __future__ import annotations

from aldlan_model.engine.warnings import Warning
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, number, percent, round_half_up


def _years(years: list[int], lang: str) -> str:
    if not years:
        return ""
    runs: list[str] = []
    start = prev = years[0]
    for y in [*years[1:], None]:
        if y is not None and y == prev + 1:
            prev = y
            continue
        runs.append(str(start) if start == prev else f"{start}\u2013{prev}")
        if y is not None:
            start = prev = y
    joiner = " en " if lang == "nl" else " and "
    return runs[0] if len(runs) == 1 else ", ".join(runs[:-1]) + joiner + runs[-1]


def warning_message(w: Warning, lang: str = "nl") -> str:
    text = _message(w, lang)
    return f"{w.facts['location']}: {text}" if "location" in w.facts else text


def _message(w: Warning, lang: str) -> str:
    f = w.facts
    if w.code == "norm_not_met":
        return t(w.code, lang, capacity=number(f["capacity"], lang, 1),
                 demand=number(f["demand"], lang, 1), served_share=percent(f["served_share"], lang))
    if w.code == "allowance_above_legal_max":
        role = f["role"] if "project" not in f else f"{f['role']} ({f['project']})"
        if f.get("per") == "hour":
            return t("allowance_above_legal_max_hour", lang, role=role, per_hour=money(f["per_hour"], lang, 2),
                     year=str(f["year"]), maximum=money(f["maximum"], lang, 2))
        return t(w.code, lang, role=role, allowance=money(f["allowance"], lang),
                 year=str(f["year"]), maximum=money(f["maximum"], lang))
    if w.code == "operator_deficit":
        return t(w.code, lang, years=_years(f["years"], lang), amount=money(f["amount"], lang))
    if w.code == "no_savings":
        if f["amount"] < -0.5:  # a negative saving reads as extra costs ("meerkosten")
            return t("no_savings_extra", lang, year=str(f["year"]), amount=money(-f["amount"], lang))
        return t(w.code, lang, year=str(f["year"]), amount=money(f["amount"], lang))
    if w.code == "start_after_target":
        return t(w.code, lang, start=str(f["start"]), year=str(f["year"]))
    if w.code == "savings_rest_on_substitution":
        return t(w.code, lang, year=str(f["year"]), savings=money(f["savings"], lang),
                 savings_hard=money(f["savings_hard"], lang))
    if w.code == "savings_rest_on_reassessment":  # v3
        hard, tariff = int(round_half_up(f["savings_hard"])), int(round_half_up(f["tariff_difference"]))
        return t(w.code, lang, year=str(f["year"]), savings_hard=money(hard, lang),
                 tariff_difference=money(tariff, lang), without=money(tariff - hard, lang))
    if w.code == "project_deficit":
        return t(w.code, lang, project=f["project"], years=_years(f["years"], lang), amount=money(f["amount"], lang))
    if w.code == "group_too_large":
        return t(w.code, lang, group=number(f["group"], lang, 1), limit=number(f["limit"], lang, 1),
                 present=number(f["present"], lang, 1), norm=number(f["norm"], lang, 1))
    if w.code in ("pool_clients_exceeded", "pool_volunteers_exceeded"):
        return t(w.code, lang, needed=number(f["needed"], lang, 0), available=number(f["available"], lang, 0))
    raise KeyError(w.code)  # pragma: no cover - every code is handled above
