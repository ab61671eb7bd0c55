"""The charts of results side by side: ``savings`` — savings per year, one line per scenario,
against the target line; ``costs`` — the operator's cost and income lines in the target year,
a stacked bar each per scenario, side by side; ``target`` — buurtkamers needed to reach the
target per scenario ("n.v.t." where a design never saves). Every series differs by line style,
marker or shade as well as colour, so the charts stay readable printed in black and white
(issue 13: at most 6 colours, no hatching beyond that). Each function draws on the axes
:func:`aldlan_model.render.charts.draw.figure` gives it; matplotlib is imported inside them.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import Any

import numpy as np

from aldlan_model.engine.lines import COST_LINES, INCOME_LINES, Result
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, number, percent
from aldlan_model.io.models import Model
from aldlan_model.render.charts.base import MIN_PT, Item, legend_outside, money_axis, wrap_name
from aldlan_model.render.safetext import mpl_text
from aldlan_model.tables.run import rounded_lines

OFF_SCALE = 3.0  # a target more than this many times the largest savings is named in a note, not drawn
LINESTYLES = ["-", "--", "-.", ":"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
COLOURS = ["#1b1b1b", "#1f5a96", "#b35806", "#2d7d3a", "#6a3d9a", "#8c1c13"]  # six at most
BAR = "#1f5a96"
# the cost and income lines in three groups each: dark, middle and light, so they read in grey too
COST_GROUPS = (("chart_group_staff", ("staff_professional", "staff_volunteer"), "#08306b"),
               ("chart_group_place", ("housing", "activities"), "#4292c6"),
               ("chart_group_other_cost", ("overhead", "depreciation", "margin"), "#c6dbef"))
INCOME_GROUPS = (("chart_group_wmo", ("income_zin", "income_pgb"), "#00441b"),
                 ("chart_group_subsidy", ("subsidy",), "#41ab5d"),
                 ("chart_group_other_income", ("income_contribution", "income_other"), "#c7e9c0"))
CROWDED = 4  # more scenarios than this: narrower names, upright amounts, "n.v.t." on two lines


def _name(scenario: Model, width: int = 22) -> str:
    """The scenario's short ``label`` (MODEL.md §2.5), else its name, wrapped."""
    label = getattr(scenario, "label", None) or getattr(getattr(scenario, "base", None), "label", None)
    return wrap_name(mpl_text(label or scenario.name), width)


def _name_width(n: int) -> int:
    """Characters per line of a scenario's name under its bar: narrower as more bars share the axis."""
    return 22 if n <= 2 else max(9, 66 // n)  # the chart is 16 cm wide, the legend beside it


def _target(item: Item) -> tuple[int, float]:
    _, result = item
    return int(result.target["year"][0]), float(result.target["amount"][0])


def _ledger_line(result: Result, name: str) -> list[int]:
    """A line of the rounded ledger: the euros of the tables."""
    return rounded_lines(result)[name]


def savings_chart(ax: Any, items: Sequence[Item], lang: str) -> None:
    """Savings per year, one line per scenario, against the target: a dashed line where the target lies
    within the scale of the savings; where it lies far off, a note at the top of the axes with a break
    mark on the axis says so, and the lines keep their scale."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    lines = [_ledger_line(result, "savings") for _, result in items]
    for i, ((scenario, result), ys) in enumerate(zip(items, lines, strict=True)):
        ax.plot(result.years, ys, label=_name(scenario, 40).replace("\n", " "),
                color=COLOURS[i % len(COLOURS)], linestyle=LINESTYLES[i % len(LINESTYLES)],
                marker=MARKERS[i % len(MARKERS)], markersize=5, linewidth=1.6)
    peak = max([float(np.max(np.abs(ys))) for ys in lines if len(ys)] + [1.0])
    off_scale = []
    for year, amount in sorted({_target(item) for item in items}):
        if abs(amount) > OFF_SCALE * peak:  # the lines would lie flat at the bottom: say so instead
            off_scale.append(_off_scale_text(items, lines, year, amount, lang))
            continue
        ax.axhline(amount, color="black", linewidth=1.0, linestyle=(0, (6, 3)), gid="target-line")
        ax.plot([year], [amount], marker="*", markersize=12, color="black", linestyle="none",
                label=t("chart_target_line", lang, year=str(year), amount=money(amount, lang)))
    ax.axhline(0, color="#999999", linewidth=0.6)
    ax.set_title(t("chart_savings_title", lang), fontsize=11)
    if off_scale:
        _off_scale_note(ax, off_scale)
    ax.set_xlabel(t("chart_axis_year", lang))
    ax.set_ylabel(t("chart_axis_savings", lang))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: str(int(round(x)))))
    money_axis(ax.yaxis, lang)
    legend_outside(ax)  # one line needs no legend: the title names it


def _off_scale_text(items: Sequence[Item], lines: list[list[int]], year: int, amount: float, lang: str) -> str:
    """"Doel 2021: € 3.600.000 per jaar valt ver buiten de schaal; gehaald in 2021: 0,1 %"."""
    shares = [(scenario, ys[result.year_index(year)] / amount if amount else 0.0)
              for (scenario, result), ys in zip(items, lines, strict=True)
              if _target((scenario, result)) == (year, amount) and result.years[0] <= year <= result.years[-1]]

    def share(x: float) -> str:  # a negative share of a target is not "reached": say there is no saving
        return percent(x, lang) if x > 0 else t("chart_no_saving", lang)

    shown = (share(shares[0][1]) if len(shares) == 1 else
             ", ".join(f"{_name(sc, 40).replace(chr(10), ' ')} {share(x)}" for sc, x in shares))
    return t("chart_target_off_scale", lang, year=str(year), amount=money(amount, lang), shares=shown or "–")


def _off_scale_note(ax: Any, texts: list[str]) -> None:
    """The targets off the scale, named in a note at the top of the axes (above the data), and a break mark
    (two short slashes) across the top of the money axis: the axis does not run on to the target."""
    text = "\n".join(textwrap.fill(x, 55, break_on_hyphens=False) for x in texts)  # within the axes
    axes_pt = ax.figure.get_figheight() * 72 * 0.6  # the axes' height, roughly, in points
    room = min(0.5, (text.count("\n") + 1) * 10 / axes_pt + 0.04)  # the note's share of the axes, above the data
    low, high = ax.get_ylim()
    ax.set_ylim(low, low + (high - low) / (1 - room))
    ax.annotate(text, (0.5, 1.0), xycoords="axes fraction", xytext=(0, -3), textcoords="offset points",
                ha="center", va="top", fontsize=MIN_PT, gid="target-off-scale")
    for dy in (0.0, 0.018):
        ax.plot([-0.012, 0.012], [0.975 + dy, 0.995 + dy], transform=ax.transAxes, color="black", linewidth=0.9,
                clip_on=False, gid="axis-break")


def costs_chart(ax: Any, items: Sequence[Item], lang: str) -> None:
    """Per scenario two stacked bars, costs and income in the target year, each in three groups of
    lines (six colours in all); a group that is zero everywhere is left out, legend included."""
    width = 0.38
    crowded = len(items) > 2  # side by side the amounts would overlap: set them upright
    many = len(items) > CROWDED  # upright on one line: two would touch the next bar's
    cost_groups = _groups(COST_GROUPS, COST_LINES)
    income_groups = _groups(INCOME_GROUPS, INCOME_LINES)
    ledgers = [rounded_lines(result) for _, result in items]  # the amounts as the tables show them
    at = [result.year_index(_target((scenario, result))[0]) for scenario, result in items]

    def amount(k: int, names: tuple[str, ...]) -> float:
        return float(sum(ledgers[k][n][at[k]] for n in names))

    used = {key for key, names, _ in (*cost_groups, *income_groups)
            if any(abs(amount(k, names)) > 0 for k in range(len(items)))}
    labelled: set[str] = set()
    ticks, ticklabels = [], []
    top = 0.0
    for i, (scenario, result) in enumerate(items):
        year = _target((scenario, result))[0]
        for offset, groups, total in ((-width / 2, cost_groups, "cost"), (width / 2, income_groups, "income")):
            bottom = 0.0
            for key, names, colour in groups:
                if key not in used:
                    continue
                value = amount(i, names)
                ax.bar(i + offset, value, width, bottom=bottom, color=colour, edgecolor="black", linewidth=0.5,
                       label=None if key in labelled else t(key, lang))
                labelled.add(key)
                bottom += value
            top = max(top, bottom)
            label = f"{t('chart_' + total, lang)}{' ' if many else chr(10)}{money(ledgers[i][total][at[i]], lang)}"
            ax.annotate(label, (i + offset, max(bottom, 0)), xytext=(0, 2), textcoords="offset points",
                        ha="center", va="bottom", fontsize=MIN_PT, rotation=90 if crowded else 0)
        ticks.append(i)
        ticklabels.append(f"{_name(scenario, _name_width(len(items)))}\n({year})")
    ax.set_xticks(ticks, ticklabels, fontsize=7 if crowded else 8)
    ax.set_xlim(-0.7, len(items) - 0.3)
    ax.set_ylim(top=max(top, 1.0) * (1.85 if many else 1.5 if crowded else 1.2))  # room for the amounts
    ax.set_title(t("chart_costs_title", lang))
    ax.set_ylabel(t("chart_axis_amount", lang))
    money_axis(ax.yaxis, lang)
    legend_outside(ax, width=18)


def _groups(groups: tuple, lines: Sequence[str]) -> list[tuple[str, tuple[str, ...], str]]:
    """``groups`` with every line of ``lines`` in one of them (a line no group names joins the last)."""
    named = {n for _, names, _ in groups for n in names}
    rest = tuple(n for n in lines if n not in named)
    out = [(key, tuple(n for n in names if n in lines), colour) for key, names, colour in groups]
    key, names, colour = out[-1]
    out[-1] = (key, names + rest, colour)
    return out


def target_chart(ax: Any, items: Sequence[Item], lang: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    crowded = len(items) > CROWDED
    for i, (_scenario, result) in enumerate(items):
        needed = float(result.target["locations_needed"][0])
        never = not math.isfinite(needed)
        height = 0.0 if never else needed
        ax.bar(i, height, 0.6, color=BAR, edgecolor="black", linewidth=0.6)
        text = t("chart_never", lang) if never else number(needed, lang)
        if crowded:
            text = textwrap.fill(text, 10)
        ax.annotate(text, (i, height), xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                    fontsize=MIN_PT + 1 if crowded else 9, fontweight="bold")
    ax.set_xticks(range(len(items)), [f"{_name(s, _name_width(len(items)))}\n({_target((s, r))[0]})"
                                      for s, r in items], fontsize=7 if crowded else 8)
    ax.set_xlim(-0.7, len(items) - 0.3)
    ax.margins(y=0.15)
    ax.set_ylim(bottom=0)
    ax.set_title(t("chart_target_title", lang))
    ax.set_ylabel(t("chart_axis_rooms", lang))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: number(x, lang)))
