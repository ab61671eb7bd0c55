"""Charts of the uncertainty commands (matplotlib, Agg backend, imported lazily): PNG, SVG or PDF.

``histogram`` — the savings of every draw in the report year, with P10/P50/P90, the point
value and the target as lines that differ in style as well as colour; ``tornado`` — one
bar per ranged input from the metric at its low to the metric at its high value, around
the value at point values, the largest swing on top, each input by its Dutch (English) label;
the low side light, the high side dark. Both stay readable printed in black and white, carry
their unit on every axis and a source line, use the Word documents' font and draw PNG at
200 dpi (through :mod:`aldlan_model.render.charts.base`).
"""

from __future__ import annotations

import textwrap
from typing import Any

import numpy as np

from aldlan_model.i18n.labels import t
from aldlan_model.i18n.labels_inputs import input_label
from aldlan_model.i18n.numfmt import money, number
from aldlan_model.render.charts.base import (
    SIZE_IN,
    add_source,
    chart_context,
    legend_outside,
    money_axis,
    new_figure,
    save,
    source_text,
)
from aldlan_model.render.safetext import mpl_text
from aldlan_model.uncertainty.sensitivity import Sensitivity
from aldlan_model.uncertainty.simulate import Simulation

BINS = 60
TORNADO_MAX = 15  # inputs drawn; the table lists them all
LOW, HIGH = "#d9d9d9", "#505050"


def _figure(size: tuple[float, float] = SIZE_IN) -> tuple[Any, Any]:
    fig = new_figure(size)
    ax = fig.add_subplot()
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig, ax


def _sources(scenario: Any) -> list[Any]:
    return [] if scenario is None else [scenario]


def histogram(sim: Simulation, amount: float, lang: str = "nl", fmt: str = "png", *, scenario: Any = None) -> bytes:
    """The savings of every draw in the report year as a histogram; ``scenario`` (or plan) names the file
    in the source line."""
    with chart_context():
        fig = _histogram(sim, amount, lang)
        add_source(fig, source_text(_sources(scenario), lang))
    return save(fig, fmt)


def _histogram(sim: Simulation, amount: float, lang: str) -> Any:
    values = sim.figures["savings"]
    if len(values) < sim.draws:  # no ranges: one computed draw stands for all of them
        values = np.full(sim.draws, values[0])
    fig, ax = _figure()
    counts, edges = np.histogram(values, bins=BINS)
    ax.bar(edges[:-1], counts, width=np.diff(edges), align="edge", color="#c8c8c8", edgecolor="#505050",
           linewidth=0.4)
    s = sim.summary("savings")
    point = sim.point["savings"]
    marks = [(s["p10"], f"{t('unc_p10', lang)}: {money(s['p10'], lang)}", (0, (1, 1.5))),
             (s["p50"], f"{t('unc_p50', lang)}: {money(s['p50'], lang)}", "-"),
             (s["p90"], f"{t('unc_p90', lang)}: {money(s['p90'], lang)}", (0, (4, 2))),
             (point, t("unc_chart_point", lang, amount=money(point, lang)), "-.")]
    for x, label, style in marks:
        ax.axvline(x, color="black", linestyle=style, linewidth=1.4 if style == "-" else 1.0, label=label)
    off = None
    lo, hi = float(edges[0]), float(edges[-1])
    span = max(hi - lo, 1.0)
    if lo - span <= amount <= hi + span:  # near enough to draw without squashing the bars
        ax.axvline(amount, color="#8c1c13", linestyle=(0, (8, 2, 1, 2)), linewidth=2.0,
                   label=t("unc_chart_target", lang, amount=money(amount, lang)))
    else:  # far off: named under the title, not as a legend item without a mark
        off = t("unc_chart_target_off", lang, amount=money(amount, lang))
    from matplotlib.ticker import FuncFormatter

    title = t("unc_chart_title", lang, year=str(sim.year), draws=number(sim.draws, lang), seed=str(sim.seed))
    ax.set_title(title if off is None else f"{title}\n{off}")
    ax.set_xlabel(t("chart_axis_savings_in", lang, year=str(sim.year)))
    ax.set_ylabel(t("chart_axis_draws", lang))
    money_axis(ax.xaxis, lang)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: number(x, lang)))
    legend_outside(ax, width=24)  # beside the bars, never over them
    return fig


def tornado(sens: Sensitivity, lang: str = "nl", fmt: str = "png", *, scenario: Any = None) -> bytes:
    """One bar per ranged input, from the metric at its low to the metric at its high value; ``scenario``
    (or plan) names its staff and projects in the labels and its file in the source line."""
    with chart_context():
        fig = _tornado(sens, lang, scenario)
        add_source(fig, source_text(_sources(scenario), lang))
    return save(fig, fmt)


def input_name(path: str, lang: str, scenario: Any = None, width: int = 40) -> str:
    """An input's label for the tornado's axis, on at most two lines."""
    lines = textwrap.wrap(mpl_text(input_label(path, lang, scenario)), width, break_long_words=False) or [path]
    return "\n".join(lines[:2]) + ("…" if len(lines) > 2 else "")


def _tornado(sens: Sensitivity, lang: str, scenario: Any) -> Any:
    shown = [w for w in sens.swings if w.swing > 0][:TORNADO_MAX]
    fig, ax = _figure((SIZE_IN[0], max(3.0, 1.2 + 0.38 * len(shown))))
    base = sens.base
    for i, w in enumerate(shown):
        y = len(shown) - 1 - i  # the largest swing on top
        ax.barh(y, w.at_low - base, left=base, height=0.6, color=LOW, edgecolor="black",
                linewidth=0.7, label=t("sens_chart_low", lang) if i == 0 else None)
        ax.barh(y, w.at_high - base, left=base, height=0.6, color=HIGH, edgecolor="black",
                linewidth=0.7, label=t("sens_chart_high", lang) if i == 0 else None)
    ax.axvline(base, color="black", linewidth=1.0)
    ax.set_yticks(range(len(shown)), [input_name(w.spec.path, lang, scenario) for w in reversed(shown)], fontsize=8)
    ax.set_ylim(-0.7, max(len(shown), 1) - 0.3)
    metric = t(sens.metric, lang)
    ax.set_title(t("sens_chart_title", lang, metric=t("sens_m_" + sens.metric, lang), year=str(sens.year)))
    base_text = t("sens_chart_base", lang, amount=money(base, lang))
    xlabel = f"{t('chart_axis_metric', lang, metric=metric)} \u2013 {base_text}"
    if len(sens.swings) > len(shown):
        xlabel += "\n" + textwrap.fill(t("sens_chart_more", lang, count=str(len(sens.swings) - len(shown))), 60)
    ax.set_xlabel(xlabel)
    money_axis(ax.xaxis, lang)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    legend_outside(ax, width=12)  # beside the bars, never over them or the axis' label
    return fig
