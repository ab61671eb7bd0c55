"""Charts for letters (matplotlib, Agg backend, imported lazily): PNG, SVG or PDF bytes.

Kinds: ``savings`` — savings per year, one line per scenario, against the target line;
``costs`` — the operator's cost and income lines in the target year, a stacked bar each
per scenario, side by side; ``target`` — buurtkamers needed to reach the target per
scenario ("n.v.t." where a design never saves). Labels and numbers follow the language
(numfmt, Babel); every series differs by line style, marker or hatch as well as colour,
so the charts stay readable printed in black and white.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from typing import Any

import numpy as np

from aldlan_model.api import Model
from aldlan_model.engine import COST_LINES, INCOME_LINES, Result
from aldlan_model.errors import UsageError
from aldlan_model.reports.build import rounded_lines
from aldlan_model.reports.labels import t
from aldlan_model.reports.numfmt import money, number
from aldlan_model.reports.safetext import mpl_text, quiet_glyphs

KINDS = ("savings", "costs", "target", "mechanisms", "funding")
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
SIZE_IN, DPI = (8.0, 4.5), 150
OFF_SCALE = 4.0  # a target more than this many times the largest savings is named, not drawn
LINESTYLES = ["-", "--", "-.", ":"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
COLOURS = ["#1b1b1b", "#1f5a96", "#b35806", "#2d7d3a", "#6a3d9a", "#8c1c13", "#555555", "#0f7c7c"]
HATCHES = ["", "//", "\\\\", "xx", "..", "++", "--", "oo", "||", "**", "OO", "/."]
COST_SHADES = ["#08306b", "#2171b5", "#4292c6", "#6baed6", "#9ecae1", "#c6dbef", "#deebf7"]
INCOME_SHADES = ["#00441b", "#238b45", "#41ab5d", "#74c476", "#a1d99b"]
_METADATA = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}

Item = tuple[Model, Result]  # a scenario or a plan (whose result is the total over its rooms)


def chart_format(path: Any) -> str:
    """``png``/``svg``/``pdf`` from the output file's extension."""
    from pathlib import Path

    ext = Path(path).suffix.lower()
    if ext not in FORMATS:
        raise UsageError(f"cannot draw a chart to {path}: use a file ending in {', '.join(FORMATS)}")
    return FORMATS[ext]


CROWDED = 4  # more scenarios than this: narrower names, upright amounts, "n.v.t." on two lines


def _name(scenario: Model, width: int = 22) -> str:
    """The scenario's short ``label`` (MODEL.md §2.5), else its name, wrapped."""
    label = getattr(scenario, "label", None) or getattr(getattr(scenario, "base", None), "label", None)
    return "\n".join(textwrap.wrap(mpl_text(label or scenario.name), width)) or "–"


def _name_width(n: int) -> int:
    """Characters per line of a scenario's name under its bar: narrower as more bars share the axis."""
    return 22 if n <= CROWDED else max(10, 84 // n)


def _money_axis(ax: Any, lang: str) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: money(x, lang)))


def _target(item: Item) -> tuple[int, float]:
    _, result = item
    return int(result.target["year"][0]), float(result.target["amount"][0])


def savings_chart(ax: Any, items: Sequence[Item], lang: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    for i, (scenario, result) in enumerate(items):
        ax.plot(result.years, result.lines["savings"][0], label=_name(scenario, 40).replace("\n", " "),
                color=COLOURS[i % len(COLOURS)], linestyle=LINESTYLES[i % len(LINESTYLES)],
                marker=MARKERS[i % len(MARKERS)], markersize=5, linewidth=1.6)
    peak = max([float(np.max(np.abs(r.lines["savings"][0]))) for _, r in items] + [1.0])
    off_scale = []
    for year, amount in sorted({_target(item) for item in items}):
        label = t("chart_target_line", lang, year=str(year), amount=money(amount, lang))
        if amount > OFF_SCALE * peak:  # the lines would be flat at the bottom: say where the target is
            off_scale.append(label)
            continue
        ax.axhline(amount, color="black", linewidth=1.0, linestyle=(0, (6, 3)))
        ax.plot([year], [amount], marker="*", markersize=12, color="black", linestyle="none", label=label)
    if off_scale:
        ax.set_ylim(top=max(ax.get_ylim()[1], peak * 1.3))
        ax.text(0.01, 0.98, "\u2191 " + "; ".join(off_scale) + " " + t("chart_off_scale", lang),
                transform=ax.transAxes, ha="left", va="top", fontsize=8, fontweight="bold")
    ax.axhline(0, color="#999999", linewidth=0.6)
    ax.set_title(t("chart_savings_title", lang))
    ax.set_xlabel(t("year", lang))
    ax.set_ylabel(t("savings", lang))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: str(int(round(x)))))
    _money_axis(ax, lang)
    ax.legend(fontsize=8, loc="best")


def costs_chart(ax: Any, items: Sequence[Item], lang: str) -> None:
    width = 0.38
    crowded = len(items) > CROWDED  # side by side the amounts would overlap: set them upright
    used = [n for n in (*COST_LINES, *INCOME_LINES)
            if any(abs(r.lines[n][0][r.year_index(_target((s, r))[0])]) > 0.5 for s, r in items)]
    shades = dict(zip(COST_LINES, COST_SHADES, strict=True)) | dict(zip(INCOME_LINES, INCOME_SHADES, strict=True))
    hatches = dict(zip((*COST_LINES, *INCOME_LINES), HATCHES, strict=True))
    labelled: set[str] = set()
    ticks, ticklabels = [], []
    top = 0.0
    for i, (scenario, result) in enumerate(items):
        year = _target((scenario, result))[0]
        j = result.year_index(year)
        shown = rounded_lines(result)  # the totals as the tables show them
        for offset, lines, total in ((-width / 2, COST_LINES, "cost"), (width / 2, INCOME_LINES, "income")):
            bottom = 0.0
            for name in lines:
                if name not in used:
                    continue
                value = float(result.lines[name][0][j])
                ax.bar(i + offset, value, width, bottom=bottom, color=shades[name], hatch=hatches[name],
                       edgecolor="black", linewidth=0.5, label=None if name in labelled else t(name, lang))
                labelled.add(name)
                bottom += value
            top = max(top, bottom)
            label = f"{t('chart_' + total, lang)}{' ' if crowded else chr(10)}{money(shown[total][j], lang)}"
            ax.annotate(label, (i + offset, max(bottom, 0)), xytext=(0, 2), textcoords="offset points",
                        ha="center", va="bottom", fontsize=6.5, rotation=90 if crowded else 0)
        ticks.append(i)
        ticklabels.append(f"{_name(scenario, _name_width(len(items)))}\n({year})")
    ax.set_xticks(ticks, ticklabels, fontsize=7 if crowded else 8)
    ax.set_xlim(-0.7, len(items) - 0.3)
    ax.set_ylim(top=max(top, 1.0) * (1.45 if crowded else 1.2))
    ax.set_title(t("chart_costs_title", lang))
    ax.set_ylabel(t("chart_amount", lang))
    _money_axis(ax, lang)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)


def target_chart(ax: Any, items: Sequence[Item], lang: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    crowded = len(items) > CROWDED
    for i, (_scenario, result) in enumerate(items):
        needed = float(result.target["locations_needed"][0])
        never = not math.isfinite(needed)
        height = 0.0 if never else needed
        ax.bar(i, height, 0.6, color=COLOURS[i % len(COLOURS)], hatch=HATCHES[i % len(HATCHES)],
               edgecolor="black", linewidth=0.6, alpha=0.85)
        text = t("chart_never", lang) if never else number(needed, lang)
        if crowded:
            text = textwrap.fill(text, 12)
        ax.annotate(text, (i, height), xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                    fontsize=9, fontweight="bold")
    ax.set_xticks(range(len(items)), [f"{_name(s, _name_width(len(items)))}\n({_target((s, r))[0]})"
                                      for s, r in items], fontsize=7 if crowded else 8)
    ax.set_xlim(-0.7, len(items) - 0.3)
    ax.margins(y=0.15)
    ax.set_ylim(bottom=0)
    ax.set_title(t("chart_target_title", lang))
    ax.set_ylabel(t("chart_rooms", lang))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: number(x, lang)))


def _v2(name: str) -> Any:
    def draw(ax: Any, items: Sequence[Item], lang: str) -> None:
        from aldlan_model.reports import charts_v2

        getattr(charts_v2, name)(ax, items, lang)

    return draw


DRAW = {"savings": savings_chart, "costs": costs_chart, "target": target_chart,
        "mechanisms": _v2("mechanisms_chart"), "funding": _v2("funding_chart")}


def figure(items: Sequence[Item], kind: str = "savings", lang: str = "nl") -> Any:
    """The chart as a matplotlib ``Figure`` (no pyplot, no global state)."""
    if kind not in DRAW:
        raise UsageError(f"unknown chart kind {kind!r}; expected one of: {', '.join(KINDS)}")
    if not items:
        raise UsageError("give at least one scenario file to draw")
    import matplotlib

    matplotlib.use("Agg")  # no display needed; before anything touches pyplot
    from matplotlib.figure import Figure

    fig = Figure(figsize=SIZE_IN, dpi=DPI, layout="constrained")
    ax = fig.add_subplot()
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    DRAW[kind](ax, items, lang)
    return fig


def render_chart(items: Sequence[Item], kind: str = "savings", lang: str = "nl", fmt: str = "png") -> bytes:
    """The chart as the bytes of a PNG, SVG or PDF file."""
    if fmt not in _METADATA:
        raise UsageError(f"unknown chart format {fmt!r}; expected one of: {', '.join(_METADATA)}")
    buf = io.BytesIO()
    with quiet_glyphs():
        fig = figure(items, kind, lang)
        fig.savefig(buf, format=fmt, dpi=DPI, metadata=_METADATA[fmt])
    return buf.getvalue()
