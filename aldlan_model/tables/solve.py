"""The report of ``aldlan solve``: the answer in a sentence, then the solved scenario's headline."""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any

from aldlan_model.analysis.overrides import assignment, number_text
from aldlan_model.analysis.paths import kind_of
from aldlan_model.analysis.solve import Solution
from aldlan_model.engine.warnings import warnings_for
from aldlan_model.i18n.labels import placeholders, t
from aldlan_model.i18n.numfmt import by_kind, money, number, percent
from aldlan_model.ledger.report import Report, Row, Table
from aldlan_model.tables.run import headline, source_line, table_source
from aldlan_model.tables.sources import source_notes
from aldlan_model.tables.values import decimals_needed, value_text
from aldlan_model.tables.warnings import warning_texts

CELL_KINDS = {"year": "year", "int": "int", "money": "money2", "fraction": "percent", "number": "number2"}


def param_text(path: str, x: float, lang: str, decimals: int | None = None) -> str:
    """A value of parameter ``path`` as a reader expects it: 2021, 36, € 31,24, 8,50%, 13,27."""
    return by_kind(kind_of(path), x, lang, decimals)


def metric_text(metric: str, x: float, lang: str) -> str:
    return percent(x, lang) if metric == "share" else money(x, lang)


def metric_label(metric: str, lang: str) -> str:
    return t("target_share" if metric == "share" else metric, lang)


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _say(key: str, lang: str, **facts: str) -> str:
    """Label ``key`` filled from ``facts``, each sentence taking the facts it names."""
    return t(key, lang, **{k: v for k, v in facts.items() if k in placeholders(key, lang)})


def _input_label(sol: Solution, lang: str) -> str:
    from aldlan_model.i18n.labels_inputs import input_label

    return input_label(sol.path, lang, sol.scenario)


def _achieved_value(sol: Solution) -> float:
    """The figure at the answer as the tables show it: the ledger's euro for a money line."""
    return _as_shown(sol.achieved, sol.shown)


def _as_shown(value: float, shown: float | None) -> float:
    """A figure of a run as its tables show it (the rounded ledger's euro), else the value itself (a share)."""
    return value if shown is None else shown


def _achieved(sol: Solution, lang: str) -> str:
    """The figure reached at the answer, in the rounded ledger's euros when it is a money line of the run
    the report shows below (so the sentence and the headline name the same euro)."""
    return metric_text(sol.metric, _achieved_value(sol), lang)


def _whole_sentence(sol: Solution, lang: str, common: dict[str, str]) -> str:
    region = sol.region
    kind = region.kind if region is not None else "all"
    if kind == "all":
        return _say("solve_all", lang, **common)
    value = param_text(sol.path, sol.value, lang)
    bound = t("solve_" + sol.at_bound, lang) if sol.at_bound else ""
    facts = {
        "value": value, "bound": bound, "achieved": _achieved(sol, lang),
        "neighbour": param_text(sol.path, sol.neighbour, lang) if sol.neighbour is not None else "–",
        "neighbour_metric": metric_text(sol.metric, _as_shown(sol.neighbour_metric, sol.neighbour_shown), lang)
        if sol.neighbour_metric is not None else "–",
    }
    if kind == "between":
        return _say("solve_whole_between", lang, low=param_text(sol.path, region.low, lang),
                 high=param_text(sol.path, region.high, lang), **facts, **common)
    return _say("solve_whole_" + kind, lang, **facts, **common)


def _side_sentence(sol: Solution, lang: str, common: dict[str, str]) -> str | None:
    """Continuous parameters: on which side of the answer the goal is reached (None: not one-sided)."""
    region = sol.region
    if region is None:
        return None
    kind = region.kind
    if kind == "all":
        return _say("solve_all", lang, **common)
    value = param_text(sol.path, sol.value, lang)
    if kind == "from":
        key = "solve_side_from" if region.low_included else "solve_side_above"
    elif kind == "upto":
        key = "solve_side_upto" if region.high_included else "solve_side_below"
    else:  # pragma: no cover - a crossing has the goal on one side only
        return None
    return _say(key, lang, value=value, **common)


def sentences(sol: Solution, lang: str) -> list[str]:
    """The answer in words: exact about which values reach the goal, and from which side."""
    side = t("solve_" + sol.side, lang)
    plural = "_plural" if sol.metric in t("solve_plural_metrics", lang).split() else ""
    common = {"metric": t("m_" + sol.metric, lang), "year": str(sol.year), "path": sol.path,
              "goal": metric_text(sol.metric, sol.goal, lang), "side": side,
              **{verb: t(f"solve_{verb}{plural}", lang) for verb in ("is", "reaches", "jumps")}}
    out: list[str] = []
    if sol.whole or sol.method == "none" or (sol.region is not None and sol.region.kind == "all"):
        out.append(_whole_sentence(sol, lang, common))
        if sol.region is not None and sol.region.others:
            ranges = [param_text(sol.path, a, lang) if a == b else
                      t("solve_range", lang, low=param_text(sol.path, a, lang), high=param_text(sol.path, b, lang))
                      for a, b in sol.region.others]
            out.append(t("solve_others", lang, ranges=", ".join(ranges)))
    else:
        value = param_text(sol.path, sol.value, lang)
        achieved = _achieved(sol, lang)
        key = "solve_answer" if sol.exact else "solve_jump"  # a jump: where it passes the goal, and what it is there
        out.append(_say(key, lang, value=value, achieved=achieved, **common))
        side_text = _side_sentence(sol, lang, common)
        if side_text:
            out.append(side_text)
        if sol.whole_value is not None:
            key = "solve_whole_hint" if sol.whole_side == "smallest" else "solve_whole_hint_largest"
            out.append(t(key, lang, value=number(sol.whole_value, lang, 0)))
    everywhere = sol.region is not None and sol.region.kind == "all"
    if everywhere or not sol.current_meets:
        pass
    elif sol.current == sol.value and (sol.whole or not sol.exact):
        out.append(t("solve_current_is_answer", lang, value=param_text(sol.path, sol.value, lang)))
    else:
        out.append(_say("solve_current_meets", lang, current=param_text(sol.path, sol.current, lang),
                     current_metric=metric_text(sol.metric, _as_shown(sol.current_metric, sol.current_shown), lang),
                        **common))
    return [_cap(x) for x in out]


def override_text(path: str, x: float) -> str:
    """``PATH=VALUE`` for the source line: a solved fraction rounded as the sentence shows it
    (``participants.zin.count≈13.47``); ``=`` where the rounded value is exact."""
    kind = kind_of(path)
    decimals = {"year": 0, "int": 0, "money": 2, "fraction": 4}.get(kind, 2)
    if x != 0 and abs(x) < 1:  # at least three significant digits
        decimals = max(decimals, 2 - math.floor(math.log10(abs(x))))
    shown = round(x, decimals)
    return f"{path}={number_text(shown)}" if shown == x else f"{path}\u2248{number_text(shown)}"


def solve_source_line(sol: Solution, lang: str, today: _dt.date | None = None) -> str:
    """The run's source line, with the solved value rounded (the exact value is in the JSON)."""
    line = source_line(sol.scenario, lang, today)
    return line.replace(assignment(sol.path, sol.value), override_text(sol.path, sol.value))


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
            Row(_input_label(sol, lang), [sol.current, sol.value], kind=kind),
            Row(f"{metric_label(sol.metric, lang)} {sol.year}", [_as_shown(sol.current_metric, sol.current_shown),
                                                                 _achieved_value(sol)],
                kind=mkind),
            Row(t("solve_goal", lang, side=t("solve_" + sol.side, lang)), [None, sol.goal], kind=mkind),
        ],
        kinds=[kind, kind],
    )
    return Report(
        title=t("solve_title", lang, name=sol.scenario.name),
        subtitle=" ".join(sentences(sol, lang)),
        headline=headline(sol.scenario, sol.result, lang),
        tables=[table],
        warnings=warning_texts(warnings_for(sol.result, sol.scenario), sol.result, lang),
        sources=source_notes(sol.scenario, lang).lines(lang),
        source_line=solve_source_line(sol, lang, today),
        table_source=table_source([sol.scenario.name], lang, today),
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
        "side": sol.side,
        "meets": sol.meets,
        "reaches": None if sol.region is None else {
            "kind": sol.region.kind, "low": sol.region.low, "high": sol.region.high,
            "low_included": sol.region.low_included, "high_included": sol.region.high_included,
            "also": [list(r) for r in sol.region.others]},
        "smallest_whole_value": sol.whole_value if sol.whole_side == "smallest" else None,
        "largest_whole_value": sol.whole_value if sol.whole_side == "largest" else None,
        "neighbour": None if sol.neighbour is None else {"value": sol.neighbour, "metric": sol.neighbour_metric},
        "method": sol.method,
        "current": {"value": sol.current, "metric": sol.current_metric, "meets": sol.current_meets},
        "name": sol.scenario.name,
    }


def _chance_value(sol: Any, x: float, lang: str) -> str:

    if sol.whole:
        return number(x, lang, 0) if kind_of(sol.path) != "year" else str(int(x))
    return value_text(sol.path, x, lang, decimals_needed([x, sol.step]))


def chance_command(sol: Any) -> str:
    """The ``aldlan simulate`` command that reproduces the chance at the answer."""
    from aldlan_model.io.loader import overrides_of, source_file

    sets = " ".join(f"--set {o}" for o in overrides_of(sol.scenario) if not o.startswith(sol.path + "="))
    file = source_file(sol.scenario) or "FILE"
    extra = f" --year {sol.year}" if getattr(sol, "year_given", False) else ""
    return (f"aldlan simulate {file} {sets + ' ' if sets else ''}--set {assignment(sol.path, sol.value)}"
            f" --draws {sol.draws} --seed {sol.seed}{extra}")


def chance_report(sol: Any, lang: str = "nl", today: _dt.date | None = None) -> Report:
    """The answer of a chance goal in sentences, and the chance at the answer, its neighbour and now."""
    from aldlan_model.i18n.labels_inputs import input_label

    label = input_label(sol.path, lang, sol.scenario)
    amount = money(sol.scenario.target.amount.point, lang)
    chance = t("chance_" + sol.metric, lang, year=str(sol.year), amount=amount)
    p = lambda x: percent(x, lang, 2)  # noqa: E731
    facts = {"label": label, "chance": chance, "side": t("chance_" + sol.side, lang), "goal": p(sol.goal),
             "value": _chance_value(sol, sol.value, lang), "p": p(sol.chance), "error": p(sol.error)}
    if sol.every_value:
        sentences_ = [t("chance_every", lang, end=t("chance_end_" + (sol.at_bound or "lowest"), lang),
                        value=facts["value"])]
    else:
        sentences_ = [t("chance_smallest" if sol.direction == "up" else "chance_largest", lang, **facts)]
    if sol.neighbour is not None:
        sentences_.append(t("chance_neighbour", lang, value=_chance_value(sol, sol.neighbour, lang),
                            p=p(sol.neighbour_chance)))
    sentences_.append(t("chance_method", lang, draws=number(sol.draws, lang), seed=str(sol.seed),
                        command=chance_command(sol)))
    rows = [Row(t("chance_row_answer", lang), [_chance_value(sol, sol.value, lang), sol.chance, sol.error])]
    if sol.neighbour is not None:
        err = math.sqrt(max(0.0, sol.neighbour_chance * (1 - sol.neighbour_chance)) / sol.draws)
        rows.append(Row(t("chance_row_neighbour", lang),
                        [_chance_value(sol, sol.neighbour, lang), sol.neighbour_chance, err]))
    cur_err = math.sqrt(max(0.0, sol.current_chance * (1 - sol.current_chance)) / sol.draws)
    rows.append(Row(t("chance_row_current", lang), [_chance_value(sol, sol.current, lang), sol.current_chance,
                                                     cur_err]))
    table = Table(
        "solve_chance", t("caption", lang, n=1, title=t("chance_table", lang)),
        [t("chance_value", lang), t("chance_chance", lang), t("chance_error", lang)],
        rows, kinds=["text", "percent", "percent"], label_header=label if len(label) <= 30 else "",
    )
    return Report(
        title=t("chance_title", lang, name=sol.scenario.name),
        subtitle=" ".join(sentences_),
        headline=[(t("chance_draws", lang), f"{number(sol.draws, lang)} (seed {sol.seed})"),
                  (t("chance_tried", lang), number(len(sol.tried), lang))],
        tables=[table], warnings=[], sources=[],
        source_line=source_line(sol.scenario, lang, today), lang=lang,
        table_source=table_source([sol.scenario.name], lang, today),
    )


def chance_dict(sol: Any) -> dict[str, Any]:
    """The JSON of a chance goal: the answer, its chance and Monte Carlo error, the values tried."""
    from aldlan_model import __version__

    as_value = (lambda x: int(x)) if sol.whole else float  # noqa: E731
    return {
        "name": sol.scenario.name, "parameter": sol.path, "metric": sol.metric, "goal": sol.goal, "side": sol.side,
        "year": sol.year, "draws": sol.draws, "seed": sol.seed,
        "value": as_value(sol.value), "chance": sol.chance, "error": sol.error, "meets": sol.meets,
        "direction": sol.direction, "every_value": sol.every_value, "at_bound": sol.at_bound,
        "neighbour": None if sol.neighbour is None else {"value": as_value(sol.neighbour),
                                                         "chance": sol.neighbour_chance},
        "current": {"value": sol.current, "chance": sol.current_chance},
        "whole_number": sol.whole, "step": sol.step,
        "tried": [{"value": as_value(x), "chance": c} for x, c in sol.tried.items()],
        "check": chance_command(sol), "version": __version__,
    }
