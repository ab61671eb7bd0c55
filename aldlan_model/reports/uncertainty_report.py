"""Reports and JSON of ``aldlan simulate`` and ``aldlan sensitivity``.

Money cells are whole euros; ``Row.raw`` keeps the unrounded values for CSV/XLSX. The
swing shown is the difference of the two rounded amounts shown beside it.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from aldlan_model import __version__
from aldlan_model.analysis.paths import kind_of
from aldlan_model.loader import source_file
from aldlan_model.params import flatten
from aldlan_model.reports.build import source_line
from aldlan_model.reports.labels import t
from aldlan_model.reports.model import Report, Row, Table
from aldlan_model.reports.numfmt import money, number, percent, round_euros
from aldlan_model.reports.solve_report import decimals_needed, param_text, short_path
from aldlan_model.scenario import Scenario
from aldlan_model.uncertainty.draws import Spec
from aldlan_model.uncertainty.sensitivity import Sensitivity
from aldlan_model.uncertainty.simulate import FIGURES, Simulation

LABEL_WIDTH = 26  # the input column of the tornado table; five value columns beside it fit 80


def _input_cells(spec: Spec, lang: str) -> list[str | None]:
    numbers = [x for x in (spec.low, spec.mode, spec.high) if x is not None]
    d = decimals_needed(numbers)
    if d and kind_of(spec.path) == "money":
        d = 2  # € 3,50, not € 3,5
    show = lambda x: None if x is None else param_text(spec.path, x, lang, decimals=d)  # noqa: E731
    return [show(spec.low), show(spec.mode), show(spec.high)]


def _sources(scenario: Scenario, paths: list[str]) -> list[str]:
    nums = flatten(scenario)
    return [f"{p}: {nums[p].source}" for p in paths if nums[p].source]


def _inputs_json(specs: list[Spec]) -> list[dict[str, Any]]:
    return [{"path": s.path, "distribution": s.distribution, "low": s.low, "mode": s.mode, "high": s.high,
             "point": s.point, "whole": s.whole} for s in specs]


def inputs_table(specs: list[Spec], lang: str, n: int, sources: list[str]) -> Table:
    """The uncertain inputs: distribution and range."""
    rows = [Row(short_path(s.path), [t("unc_" + s.distribution, lang), *_input_cells(s, lang)]) for s in specs]
    return Table(
        "uncertain_inputs", t("caption", lang, n=n, title=t("unc_inputs_table", lang)),
        [t("unc_distribution", lang), t("unc_low", lang), t("unc_mode", lang), t("unc_high", lang)],
        rows, kinds=["text"] * 4, label_header=t("unc_input", lang), notes=sources,
    )


def simulate_report(scenario: Scenario, sim: Simulation, lang: str = "nl", today: _dt.date | None = None) -> Report:
    """Headline (chances), the spread table and the uncertain inputs."""
    year = str(sim.year)
    shown_year = t("unc_year_drawn", lang, year=year) if sim.year_drawn else year
    amount = money(scenario.target.amount.point, lang)
    labels = {"savings": t("savings", lang), "cumulative_savings": t("unc_cumulative", lang),
              "result": t("unc_result", lang), "subsidy": t("subsidy", lang)}
    rows = []
    for name in FIGURES:
        s = sim.summary(name)
        raw = [s["p10"], s["p50"], s["p90"], s["mean"], sim.point[name]]
        rows.append(Row(labels[name], round_euros(raw), raw=raw))
    tables = [Table(
        "spread", t("caption", lang, n=1, title=t("unc_table", lang, year=shown_year)),
        [t(k, lang) for k in ("unc_p10", "unc_p50", "unc_p90", "unc_mean", "unc_point")],
        rows, kinds=["money"] * 5,
    )]
    sources = _sources(scenario, [s.path for s in sim.uncertain])
    if sim.uncertain:
        tables.append(inputs_table(sim.uncertain, lang, 2, sources))
    draws = number(sim.draws, lang)
    headline = [
        (t("unc_draws", lang), draws),
        (t("unc_seed", lang), t("unc_seed_value", lang, seed=str(sim.seed), draws=str(sim.draws))),
        (t("unc_year", lang), shown_year),
        (t("unc_p_target", lang), t("unc_p_target_value", lang, p=percent(sim.p_target, lang), amount=amount,
                                    year=shown_year)),
        (t("unc_p_deficit", lang), t("unc_p_deficit_value", lang, p=percent(sim.p_deficit, lang), year=shown_year)),
    ]
    return Report(
        title=t("unc_title", lang, name=scenario.name),
        subtitle=" ".join([
            t("unc_subtitle", lang, draws=draws, seed=str(sim.seed)),
            t("unc_note_percentiles", lang, first=str(scenario.first), year=shown_year),
            t("unc_note_deficit", lang, year=shown_year),
            *([t("unc_note_whole", lang)] if any(s.whole for s in sim.uncertain) else []),
        ]),
        headline=headline, tables=tables,
        warnings=[] if sim.uncertain else [t("unc_no_ranges", lang)],
        sources=sources, source_line=source_line(scenario, lang, today), lang=lang,
    )


def simulate_dict(scenario: Scenario, sim: Simulation, lang: str = "nl") -> dict[str, Any]:
    """The JSON of ``aldlan simulate``: full precision, no locale."""
    out: dict[str, Any] = {
        "name": scenario.name, "file": source_file(scenario),
        "draws": sim.draws, "seed": sim.seed, "year": sim.year, "year_drawn": sim.year_drawn,
        "target_amount": scenario.target.amount.point,
    }
    out |= {name: sim.summary(name) for name in FIGURES}
    out |= {
        "p_target": sim.p_target, "p_deficit": sim.p_deficit,
        "point": dict(sim.point),
        "uncertain": [s.path for s in sim.uncertain],
        "inputs": _inputs_json(sim.uncertain),
        "warnings": [] if sim.uncertain else [{"code": "no_ranges", "message": t("unc_no_ranges", lang)}],
        "version": __version__,
    }
    return out


def sensitivity_report(scenario: Scenario, sens: Sensitivity, lang: str = "nl",
                       today: _dt.date | None = None) -> Report:
    """Headline (the metric at point values) and the tornado table, largest swing first."""
    metric, year = t(sens.metric, lang), str(sens.year)
    rows = []
    for w in sens.swings:
        low, high = round_euros([w.at_low, w.at_high])
        cells = _input_cells(w.spec, lang)
        rows.append(Row(short_path(w.spec.path, LABEL_WIDTH), [cells[0], cells[2], low, high, abs(high - low)],
                        raw=[w.spec.low, w.spec.high, w.at_low, w.at_high, w.swing]))
    tables = []
    sources = _sources(scenario, [w.spec.path for w in sens.swings])
    if rows:
        tables.append(Table(
            "tornado", t("caption", lang, n=1, title=t("sens_table", lang, metric=metric, year=year)),
            [t("unc_low", lang), t("unc_high", lang), t("sens_at_low", lang), t("sens_at_high", lang),
             t("sens_swing", lang)],
            rows, kinds=["text", "text", "money", "money", "money"], label_header=t("unc_input", lang),
            notes=sources,
        ))
    return Report(
        title=t("sens_title", lang, name=scenario.name),
        subtitle=t("sens_subtitle", lang, metric=t("sens_m_" + sens.metric, lang), year=year) + " "
        + t("sens_note_swing", lang, metric=t("sens_m_" + sens.metric, lang)),
        headline=[
            (t("sens_base", lang, metric=metric, year=year), money(sens.base, lang)),
            (t("sens_inputs", lang), number(len(sens.swings), lang)),
        ],
        tables=tables,
        warnings=[] if rows else [t("sens_no_ranges", lang)],
        sources=sources,
        source_line=source_line(scenario, lang, today), lang=lang,
    )


def sensitivity_dict(scenario: Scenario, sens: Sensitivity, lang: str = "nl") -> dict[str, Any]:
    """The JSON of ``aldlan sensitivity``: inputs ranked by swing, full precision."""
    return {
        "name": scenario.name, "file": source_file(scenario),
        "metric": sens.metric, "year": sens.year, "base": sens.base,
        "inputs": [d | {"at_low": w.at_low, "at_high": w.at_high, "swing": w.swing}
                   for w, d in zip(sens.swings, _inputs_json([w.spec for w in sens.swings]), strict=True)],
        "warnings": [] if sens.swings else [{"code": "no_ranges", "message": t("sens_no_ranges", lang)}],
        "version": __version__,
    }
