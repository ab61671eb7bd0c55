"""Reports and JSON of ``aldlan simulate`` and ``aldlan sensitivity``.

Money cells are whole euros; ``Row.raw`` keeps the unrounded values for CSV/XLSX. The
swing shown is the difference of the two rounded amounts shown beside it.
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any as _Any

from aldlan_model import __version__
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.labels_inputs import input_kind, input_label
from aldlan_model.i18n.numfmt import money, number, percent, round_euros
from aldlan_model.io.loader import source_file
from aldlan_model.ledger.report import Report, Row, Table
from aldlan_model.tables.run import source_line, table_source
from aldlan_model.tables.sources import source_words
from aldlan_model.tables.termfit import LAYOUT_WIDTH, label_width, take, value_widths
from aldlan_model.tables.values import decimals_needed, value_text
from aldlan_model.uncertainty.draws import Spec
from aldlan_model.uncertainty.sensitivity import Sensitivity
from aldlan_model.uncertainty.simulate import FIGURES, Simulation

WIDTH = 80  # the terminal width the tables are laid out for when none is given
MIN_LABEL = 24  # a table is split rather than squeeze its labels (input names) below this width
SPREAD_ROWS = ("savings", "savings_hard", "cumulative_savings", "net_municipality", "result", "subsidy",
               "financing_need")


def _input_cells(spec: Spec, lang: str) -> list[str | None]:
    numbers = [x for x in (spec.low, spec.mode, spec.high) if x is not None]
    d = decimals_needed(numbers)
    if d and input_kind(spec.param) == "money":
        d = 2  # € 3,50, not € 3,5
    return [value_text(spec.param, x, lang, d) for x in (spec.low, spec.mode, spec.high)]


def _label(spec: Spec, lang: str, scenario: _Any) -> str:
    return input_label(spec.path, lang, scenario)


def _sources(sources: dict[str, str], specs: list[Spec], lang: str, scenario: _Any) -> list[str]:
    return [f"{_label(s, lang, scenario)}: {source_words(sources[s.path])}" for s in specs if sources.get(s.path)]


def _inputs_json(specs: list[Spec], lang: str, scenario: _Any) -> list[dict[str, _Any]]:
    out = []
    for s in specs:
        d = {"path": s.path, "distribution": s.distribution, "low": s.low, "mode": s.mode, "high": s.high,
             "point": s.point, "whole": s.whole}
        if s.room is not None:
            d |= {"room": s.room, "parameter": s.param}
        out.append(d | {"label": _label(s, lang, scenario)})
    return out


def fit_columns(tb: Table, lang: str, width: int, min_label: int = MIN_LABEL) -> list[range]:
    """Parts of ``tb``'s value columns that a terminal ``width`` wide shows whole with at least
    ``min_label`` columns for the labels (or all they need): as few parts as that allows, of nearly
    equal size. A column wider than that on its own gets a part of its own."""
    widths = value_widths(tb, lang)
    label = min(label_width(tb), min_label)
    room = min(width, LAYOUT_WIDTH + 1) - 1 - label
    n = len(widths)
    parts: list[range] = []
    start = 0
    while start < n:
        stop = start + 1
        while stop < n and sum(widths[start:stop + 1]) <= room:
            stop += 1
        parts.append(range(start, stop))
        start = stop
    if len(parts) > 1:  # the same number of parts, as even as they fit
        size = -(-n // len(parts))
        even = [range(i, min(n, i + size)) for i in range(0, n, size)]
        if len(even) == len(parts) and all(sum(widths[p.start:p.stop]) <= room for p in even):
            return even
    return parts


BREAKS = {"tornado": (2,)}  # where a table splits best: the input's range apart from its effect


def fitted(tb: Table, lang: str, width: int | None, first: int) -> list[Table]:
    """``tb`` split into parts that a terminal ``width`` wide shows whole (None: as it is), numbered
    from caption ``first``; a part after the first says it continues."""
    parts = [range(len(tb.columns))] if width is None else fit_columns(tb, lang, width)
    if len(parts) > 1 and tb.key in BREAKS:
        edges = [0, *BREAKS[tb.key], len(tb.columns)]
        natural = [range(a, b) for a, b in zip(edges, edges[1:], strict=False)]
        if len(natural) <= len(parts) and all(fit_columns(take(tb, p), lang, width) == [range(len(p))]
                                              for p in natural):
            parts = natural
    out = []
    for i, part in enumerate(parts):
        title = tb.title if i == 0 else t("unc_continued", lang, title=tb.title)
        out.append(take(tb, part, title=t("caption", lang, n=first + i, title=title)))
    return out


def _number_tables(tables: list[Table], lang: str, width: int | None) -> list[Table]:
    out: list[Table] = []
    for tb in tables:
        out += fitted(tb, lang, width, len(out) + 1)
    return out


def inputs_table(specs: list[Spec], lang: str, sources: list[str], scenario: _Any = None) -> Table:
    """The uncertain inputs: distribution and range (the caption is set by :func:`fitted`)."""
    rows = [Row(_label(s, lang, scenario), [t("unc_" + s.distribution, lang), *_input_cells(s, lang)]) for s in specs]
    return Table(
        "uncertain_inputs", t("unc_inputs_table", lang),
        [t("unc_distribution", lang), t("unc_low", lang), t("unc_mode", lang), t("unc_high", lang)],
        rows, kinds=["text"] * 4, label_header=t("unc_input", lang), notes=sources,
    )


def mc_error(p: float, draws: int) -> float:
    """The Monte Carlo standard error of a chance ``p`` estimated from ``draws`` draws."""
    return math.sqrt(max(0.0, p * (1.0 - p)) / draws) if draws > 0 else 0.0


def simulate_report(scenario: _Any, sim: Simulation, lang: str = "nl", today: _dt.date | None = None, *,
                    width: int | None = WIDTH, sources: dict[str, str] | None = None) -> Report:
    """Headline (chances), the spread table, a plan's rooms and the uncertain inputs; every table split
    to fit a terminal ``width`` wide (None: not split)."""
    base = getattr(scenario, "base", scenario)
    year = str(sim.year)
    shown_year = t("unc_year_drawn", lang, year=year) if sim.year_drawn else year
    amount = money(base.target.amount.point, lang)
    rows = []
    point = sim.point_euros  # what `aldlan run` shows: the point run's rounded ledger (MODEL.md §4.1)
    for name in SPREAD_ROWS:
        s = sim.summary(name)
        raw = [s["p10"], s["p50"], s["p90"], s["mean"], sim.point[name]]
        shown = round_euros(raw[:4]) + [point.get(name, round_euros(raw[4:])[0])]
        rows.append(Row(t("unc_cumulative" if name == "cumulative_savings" else
                          "unc_result" if name == "result" else "unc_" + name, lang), shown))
    tables = [Table(
        "spread", t("unc_table", lang, year=shown_year),
        [t(k, lang) for k in ("unc_p10", "unc_p50", "unc_p90", "unc_mean", "unc_point")],
        rows, kinds=["money"] * 5,
    )]
    if sim.rooms:
        room_rows = []
        for d in sim.room_summary():
            label = str(d["name"]) if d["count"] == 1 else t("unc_room_count", lang, name=d["name"], count=d["count"])
            raw = [d["p10"], d["p50"], d["p90"]]
            room_rows.append(Row(label, [*round_euros(raw), d["share_of_spread"]], raw=[*raw, d["share_of_spread"]]))
        tables.append(Table(
            "rooms", t("unc_rooms_table", lang, year=shown_year),
            [t("unc_p10", lang), t("unc_p50", lang), t("unc_p90", lang), t("unc_share_of_spread", lang)],
            room_rows, kinds=["money", "money", "money", "percent"], label_header=t("unc_room", lang),
            notes=[t("unc_note_rooms", lang)],
        ))
    source_lines = _sources(sources or {}, sim.uncertain, lang, scenario)
    if sim.uncertain:
        tables.append(inputs_table(sim.uncertain, lang, source_lines, scenario))
    draws = number(sim.draws, lang)
    headline = [
        (t("unc_draws", lang), draws),
        (t("unc_seed", lang), t("unc_seed_value", lang, seed=str(sim.seed), draws=str(sim.draws))),
        (t("unc_year", lang), shown_year),
        (t("unc_p_target", lang), t("unc_p_target_value", lang, p=percent(sim.p_target, lang), amount=amount,
                                    year=shown_year)),
        (t("unc_p_target_hard", lang), t("unc_p_target_hard_value", lang, p=percent(sim.p_target_hard, lang),
                                         amount=amount, year=shown_year)),
        (t("unc_p_deficit", lang), t("unc_p_deficit_value", lang, p=percent(sim.p_deficit, lang), year=shown_year)),
        (t("unc_mc_error", lang), t("unc_mc_error_value", lang,
                                    error=percent(mc_error(sim.p_target, sim.draws), lang, 2))),
    ]
    notes = [
        t("unc_subtitle", lang, draws=draws, seed=str(sim.seed)),
        t("unc_note_percentiles", lang, first=str(base.first), year=shown_year),
        t("unc_note_hard", lang),
        t("unc_note_deficit", lang, year=shown_year),
    ]
    if sim.rooms:
        notes.append(t("unc_plan_note", lang, rooms=number(sum(sim.room_counts), lang)))
    if any(s.whole for s in sim.uncertain):
        notes.append(t("unc_note_whole", lang))
    return Report(
        title=t("unc_title", lang, name=scenario.name),
        subtitle=" ".join(notes),
        headline=headline, tables=_number_tables(tables, lang, width),
        warnings=[] if sim.uncertain else [t("unc_no_ranges", lang)],
        sources=source_lines, source_line=source_line(scenario, lang, today), lang=lang,
        table_source=table_source([scenario.name], lang, today),
    )


def simulate_dict(scenario: _Any, sim: Simulation, lang: str = "nl") -> dict[str, _Any]:
    """The JSON of ``aldlan simulate``: full precision, no locale."""
    base = getattr(scenario, "base", scenario)
    out: dict[str, _Any] = {
        "name": scenario.name, "file": source_file(scenario),
        "draws": sim.draws, "seed": sim.seed, "year": sim.year, "year_drawn": sim.year_drawn,
        "target_amount": base.target.amount.point,
    }
    out |= {name: sim.summary(name) for name in FIGURES}
    out |= {
        "p_target": sim.p_target, "p_target_hard": sim.p_target_hard, "p_deficit": sim.p_deficit,
        "p_target_error": mc_error(sim.p_target, sim.draws),
        "point": dict(sim.point),
        "uncertain": [s.path for s in sim.uncertain],
        "inputs": _inputs_json(sim.uncertain, lang, scenario),
    }
    if sim.rooms:
        out["rooms"] = sim.room_summary()
    out |= {
        "warnings": [] if sim.uncertain else [{"code": "no_ranges", "message": t("unc_no_ranges", lang)}],
        "version": __version__,
    }
    return out


def _metric_name(metric: str, lang: str) -> str:
    key = {"cumulative_savings": "unc_cumulative", "result": "unc_result"}.get(metric, "unc_" + metric)
    return t(key, lang) if key in _keys() else t(metric, lang)


def _keys() -> set[str]:
    from aldlan_model.i18n.labels import CATALOGUES

    return set(CATALOGUES["nl"])


def sensitivity_report(scenario: _Any, sens: Sensitivity, lang: str = "nl", today: _dt.date | None = None, *,
                       width: int | None = WIDTH, sources: dict[str, str] | None = None,
                       rooms: int = 0) -> Report:
    """Headline (the metric at point values) and the tornado table, largest swing first; split to fit
    a terminal ``width`` wide (None: not split)."""
    metric, year = _metric_name(sens.metric, lang), str(sens.year)
    if sens.metric == "financing_need":
        year = f"{scenario.first if hasattr(scenario, 'first') else ''}–{getattr(scenario, 'last', '')}"
    rows = []
    for w in sens.swings:
        low, high = (w.low_euros, w.high_euros) if w.low_euros is not None and w.high_euros is not None \
            else round_euros([w.at_low, w.at_high])
        cells = _input_cells(w.spec, lang)
        rows.append(Row(_label(w.spec, lang, scenario), [cells[0], cells[2], low, high, abs(high - low)],
                        raw=[w.spec.low, w.spec.high, w.at_low, w.at_high, w.swing]))
    tables = []
    source_lines = _sources(sources or {}, [w.spec for w in sens.swings], lang, scenario)
    if rows:
        tables.append(Table(
            "tornado", t("sens_table", lang, metric=metric, year=year),
            [t("unc_low", lang), t("unc_high", lang), t("sens_at_low", lang), t("sens_at_high", lang),
             t("sens_swing", lang)],
            rows, kinds=["text", "text", "money", "money", "money"], label_header=t("unc_input", lang),
            notes=source_lines,
        ))
    subtitle = t("sens_subtitle", lang, metric=t("sens_m_" + sens.metric, lang), year=year) + " " \
        + t("sens_note_swing", lang, metric=t("sens_m_" + sens.metric, lang))
    if rooms:
        subtitle += " " + t("sens_plan_note", lang, rooms=number(rooms, lang))
    return Report(
        title=t("sens_title", lang, name=scenario.name),
        subtitle=subtitle,
        headline=[
            (t("sens_base", lang, metric=metric, year=year),
             money(sens.base if sens.base_euros is None else sens.base_euros, lang)),
            (t("sens_inputs", lang), number(len(sens.swings), lang)),
        ],
        tables=_number_tables(tables, lang, width),
        warnings=[] if rows else [t("sens_no_ranges", lang)],
        sources=source_lines,
        source_line=source_line(scenario, lang, today), lang=lang,
        table_source=table_source([scenario.name], lang, today),
    )


def sensitivity_dict(scenario: _Any, sens: Sensitivity, lang: str = "nl") -> dict[str, _Any]:
    """The JSON of ``aldlan sensitivity``: inputs ranked by swing, full precision."""
    return {
        "name": scenario.name, "file": source_file(scenario),
        "metric": sens.metric, "year": sens.year, "base": sens.base,
        "inputs": [d | {"at_low": w.at_low, "at_high": w.at_high, "swing": w.swing}
                   for w, d in zip(sens.swings, _inputs_json([w.spec for w in sens.swings], lang, scenario),
                                   strict=True)],
        "warnings": [] if sens.swings else [{"code": "no_ranges", "message": t("sens_no_ranges", lang)}],
        "version": __version__,
    }
