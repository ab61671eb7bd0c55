"""Render an :class:`Explanation` as plain text for the terminal."""

from __future__ import annotations

import math

from aldlan_model.explain.context import Explanation
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, number, percent


def _trim(text: str) -> str:
    """Drop trailing decimal zeros: 0,8000 -> 0,8; 48,0000 -> 48."""
    if "," in text or "." in text:
        sep = "," if text.rfind(",") > text.rfind(".") else "."
        head, _, tail = text.rpartition(sep)
        tail = tail.rstrip("0")
        return f"{head}{sep}{tail}" if tail else head
    return text


def render_explanation(ex: Explanation) -> str:
    lang = ex.lang
    lines = [t("ex_title", lang, metric=ex.label, year=ex.year), "", ex.rule, ""]
    for i, step in enumerate(ex.steps, 1):
        if not math.isfinite(step.value):
            shown = t("not_applicable", lang)
        elif step.money and step.decimals > 2:  # as the next step reads it: trailing zeros dropped, two kept
            shown = money(step.value, lang, decimals=step.decimals)
            for _ in range(step.decimals - 2):
                shown = shown[:-1] if shown.endswith("0") else shown
        elif step.money:
            shown = money(step.value, lang, decimals=step.decimals)
        else:
            shown = _trim(number(step.value, lang, 8))
        lines.append(f"{i}. {step.label}")
        lines.append(f"   = {step.symbolic}")
        lines.append(f"   = {step.numeric}")
        lines.append(f"   = {shown}")
    lines.append("")
    if ex.kind == "percent":
        lines.append(f"{t('ex_value', lang)}: {percent(ex.value, lang, 2)}")
    elif ex.kind == "year":
        shown = t("payback_never", lang) if ex.value <= 0 or math.isnan(ex.value) else str(int(ex.value))
        lines.append(f"{t('ex_value', lang)}: {shown}")
    elif ex.kind == "money2" and not math.isfinite(ex.value):
        lines.append(f"{t('ex_value', lang)}: {t('not_applicable', lang)}")
    elif ex.kind == "money2":
        lines.append(f"{t('ex_value', lang)}: {money(ex.value, lang, decimals=2)}")
        if ex.shown is not None:
            lines.append(f"   ({t('ex_in_tables', lang)}: {money(ex.shown, lang)})")
    elif ex.kind == "rooms":
        shown = t("not_applicable", lang) if math.isnan(ex.value) else f"{number(ex.value, lang)} {t('ex_rooms', lang)}"
        lines.append(f"{t('ex_value', lang)}: {shown}")
    else:
        per = money(ex.per_location, lang, decimals=2)
        if ex.locations != 1:
            lines.append(f"{t('ex_value', lang)}: {per} {t('ex_per_location', lang)} × {ex.locations} "
                         f"({t('ex_locations', lang)}) = {money(ex.value, lang, decimals=2)}")
        else:
            lines.append(f"{t('ex_value', lang)}: {money(ex.value, lang, decimals=2)}")
        if ex.shown is not None:
            lines.append(f"   ({t('ex_in_tables', lang)}: {money(ex.shown, lang)})")
    if ex.inputs:
        lines += ["", t("ex_inputs", lang) + ":"]
        for path, value, source in ex.inputs:
            is_year = path.rsplit(".", 1)[-1] in {"start", "end", "year", "first", "last"}
            shown = str(int(value)) if is_year and float(value).is_integer() else _trim(number(value, lang, 8))
            path, _, key = path.partition("@")  # a dated input: one line per key used
            where = f" ({t('ex_key', lang, since=key)})" if key else ""
            lines.append(f"  {path}{where} = {shown}"
                         f"  [{source or t('ex_source_none', lang)}]")
    return "\n".join(lines)
