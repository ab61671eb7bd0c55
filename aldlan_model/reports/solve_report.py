"""The report of ``aldlan solve``: the answer in a sentence, then the solved scenario's headline."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from aldlan_model.analysis.paths import kind_of
from aldlan_model.analysis.solve import Solution
from aldlan_model.reports.build import headline, source_line, sources_for
from aldlan_model.reports.labels import t
from aldlan_model.reports.messages import warning_message
from aldlan_model.reports.model import Report, Row, Table
from aldlan_model.reports.numfmt import money, number, percent
from aldlan_model.warnings import warnings_for

CELL_KINDS = {"year": "year", "int": "int", "money": "money2", "fraction": "percent", "number": "number2"}


def decimals_needed(values: Any, most: int = 4) -> int:
    """The fewest decimals (up to ``most``) that show every value exactly: 0.25 → 2, 10 → 0."""
    vals = [float(v) for v in values]
    for d in range(most + 1):
        if all(abs(round(v, d) - v) <= 1e-9 * max(1.0, abs(v)) for v in vals):
            return d
    return most


def param_text(path: str, x: float, lang: str, decimals: int | None = None) -> str:
    """A value of parameter ``path`` as a reader expects it: 2021, 36, € 31,24, 8,50%, 13,27."""
    kind = kind_of(path)
    if kind == "year":
        return str(int(x))
    if kind == "int":
        return number(x, lang, 0)
    if kind == "money":
        return money(x, lang, 2 if decimals is None else decimals)
    if kind == "fraction":
        return percent(x, lang, 2 if decimals is None else max(0, decimals - 2))
    return number(x, lang, 2 if decimals is None else decimals)


def metric_text(metric: str, x: float, lang: str) -> str:
    return percent(x, lang) if metric == "share" else money(x, lang)


def metric_label(metric: str, lang: str) -> str:
    return t("target_share" if metric == "share" else metric, lang)


def sentences(sol: Solution, lang: str) -> list[str]:
    m = t("m_" + sol.metric, lang)
    common = {"metric": m, "year": str(sol.year), "path": sol.path, "goal": metric_text(sol.metric, sol.goal, lang)}
    value = param_text(sol.path, sol.value, lang)
    achieved = metric_text(sol.metric, sol.achieved, lang)
    if sol.whole:
        text = t("solve_answer_whole", lang, value=value, achieved=achieved, **common)
        return [text[0].upper() + text[1:]]
    if sol.exact:
        text = t("solve_answer", lang, value=value, **common)
    else:  # the metric jumps past the goal: say where it first reaches it, and what it is there
        text = t("solve_jump", lang, value=value, achieved=achieved, **common)
    out = [text[0].upper() + text[1:]]
    if sol.whole_value is not None:
        out.append(t("solve_whole_hint", lang, value=number(sol.whole_value, lang, 0)))
    return out


def short_path(path: str, width: int = 30) -> str:
    """A row label that fits the label column: the path, else its last two parts."""
    return path if len(path) <= width else ".".join(path.split(".")[-2:])


def solve_report(sol: Solution, lang: str = "nl", today: _dt.date | None = None) -> Report:
    kind = CELL_KINDS[kind_of(sol.path)]
    mkind = "percent" if sol.metric == "share" else "money"
    table = Table(
        "solve", t("caption", lang, n=1, title=t("solve_table", lang)),
        [t("solve_current", lang), t("solve_solution", lang)],
        [
            Row(short_path(sol.path), [sol.current, sol.value], kind=kind),
            Row(f"{metric_label(sol.metric, lang)} {sol.year}", [sol.current_metric, sol.achieved], kind=mkind),
            Row(t("solve_goal", lang), [None, sol.goal], kind=mkind),
        ],
        kinds=[kind, kind],
    )
    return Report(
        title=t("solve_title", lang, name=sol.scenario.name),
        subtitle=" ".join(sentences(sol, lang)),
        headline=headline(sol.scenario, sol.result, lang),
        tables=[table],
        warnings=[warning_message(w, lang) for w in warnings_for(sol.result, sol.scenario)],
        sources=sources_for(sol.scenario),
        source_line=source_line(sol.scenario, lang, today),
        lang=lang,
    )


def solve_dict(sol: Solution) -> dict[str, Any]:
    """``{"parameter", "value", "metric", "goal", "year", "achieved"}`` plus how it was found."""
    return {
        "parameter": sol.path,
        "value": int(sol.value) if sol.whole else sol.value,
        "metric": sol.metric,
        "goal": sol.goal,
        "year": sol.year,
        "achieved": sol.achieved,
        "exact": sol.exact,
        "whole_number": sol.whole,
        "smallest_whole_value": sol.whole_value,
        "method": sol.method,
        "current": {"value": sol.current, "metric": sol.current_metric},
        "name": sol.scenario.name,
    }
