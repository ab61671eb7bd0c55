"""Charts of the uncertainty commands (matplotlib, Agg backend, imported lazily): PNG, SVG or PDF.

``histogram`` — the savings of every draw in the report year, with P10/P50/P90, the point
value and the target as lines that differ in style as well as colour; ``tornado`` — one
bar per ranged input from the metric at its low to the metric at its high value, around
the value at point values, the largest swing on top; the low side hatched, the high side
solid. Both stay readable printed in black and white.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np

from aldlan_model.errors import UsageError
from aldlan_model.reports.labels import t
from aldlan_model.reports.numfmt import money, number
from aldlan_model.reports.safetext import mpl_text, quiet_glyphs
from aldlan_model.reports.solve_report import short_path
from aldlan_model.uncertainty.sensitivity import Sensitivity
from aldlan_model.uncertainty.simulate import Simulation

SIZE_IN, DPI = (8.0, 4.5), 150
BINS = 60
TORNADO_MAX = 15  # inputs drawn; the table lists them all
_METADATA = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}


def _figure(size: tuple[float, float] = SIZE_IN) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")  # no display needed; before anything touches pyplot
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=DPI, layout="constrained")
    ax = fig.add_subplot()
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig, ax


def _money_axis(axis: Any, lang: str) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda x, _pos: money(x, lang)))


def _bytes(fig: Any, fmt: str) -> bytes:
    if fmt not in _METADATA:
        raise UsageError(f"unknown chart format {fmt!r}; expected one of: {', '.join(_METADATA)}")
    buf = io.BytesIO()
    with quiet_glyphs():
        fig.savefig(buf, format=fmt, dpi=DPI, metadata=_METADATA[fmt])
    return buf.getvalue()


def histogram(sim: Simulation, amount: float, lang: str = "nl", fmt: str = "png") -> bytes:
    """The savings of every draw in the report year as a histogram."""
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
    lo, hi = float(edges[0]), float(edges[-1])
    span = max(hi - lo, 1.0)
    if lo - span <= amount <= hi + span:  # near enough to draw without squashing the bars
        ax.axvline(amount, color="#8c1c13", linestyle=(0, (8, 2, 1, 2)), linewidth=2.0,
                   label=t("unc_chart_target", lang, amount=money(amount, lang)))
    else:  # a legend line without a mark: says where the target is
        ax.plot([], [], linestyle="none", label=t("unc_chart_target_off", lang, amount=money(amount, lang)))
    from matplotlib.ticker import FuncFormatter

    ax.set_title(t("unc_chart_title", lang, year=str(sim.year), draws=number(sim.draws, lang), seed=str(sim.seed)))
    ax.set_xlabel(t("savings", lang))
    ax.set_ylabel(t("unc_chart_draws", lang))
    _money_axis(ax.xaxis, lang)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: number(x, lang)))
    ax.legend(fontsize=8, loc="upper left", framealpha=0.9)
    return _bytes(fig, fmt)


def tornado(sens: Sensitivity, lang: str = "nl", fmt: str = "png") -> bytes:
    """One bar per ranged input, from the metric at its low to the metric at its high value."""
    shown = [w for w in sens.swings if w.swing > 0][:TORNADO_MAX]
    fig, ax = _figure((8.0, max(3.0, 1.2 + 0.38 * len(shown))))
    base = sens.base
    for i, w in enumerate(shown):
        y = len(shown) - 1 - i  # the largest swing on top
        ax.barh(y, w.at_low - base, left=base, height=0.6, color="white", edgecolor="black", hatch="////",
                linewidth=0.7, label=t("sens_chart_low", lang) if i == 0 else None)
        ax.barh(y, w.at_high - base, left=base, height=0.6, color="#505050", edgecolor="black",
                linewidth=0.7, label=t("sens_chart_high", lang) if i == 0 else None)
    ax.axvline(base, color="black", linewidth=1.0)
    ax.set_yticks(range(len(shown)), [mpl_text(short_path(w.spec.path, 34)) for w in reversed(shown)], fontsize=8)
    ax.set_ylim(-0.7, max(len(shown), 1) - 0.3)
    metric = t(sens.metric, lang)
    ax.set_title(t("sens_chart_title", lang, metric=t("sens_m_" + sens.metric, lang), year=str(sens.year)))
    xlabel = f"{metric} ({t('sens_chart_base', lang, amount=money(base, lang))})"
    if len(sens.swings) > len(shown):
        xlabel += "\n" + t("sens_chart_more", lang, count=str(len(sens.swings) - len(shown)))
    ax.set_xlabel(xlabel)
    _money_axis(ax.xaxis, lang)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    if shown:
        ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False)
    return _bytes(fig, fmt)
