"""Charts for letters (matplotlib, Agg backend, imported lazily): PNG, SVG or PDF bytes.

Kinds: ``savings`` — savings per year, one line per scenario, against the target line;
``costs`` — the operator's cost and income lines in the target year, a stacked bar each
per scenario, side by side; ``target`` — buurtkamers needed to reach the target per
scenario ("n.v.t." where a design never saves). Labels and numbers follow the language
(numfmt, Babel); every series differs by line style, marker or shade as well as colour,
so the charts stay readable printed in black and white (issue 13: at most 6 colours, no
hatching beyond that, every axis with its unit, a source line under each chart, the Word
documents' font, PNG at 200 dpi).
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from typing import Any

import numpy as np

from aldlan_model import __version__
from aldlan_model.engine.lines import COST_LINES, INCOME_LINES, Result
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.messages import msg
from aldlan_model.i18n.numfmt import money, number, percent
from aldlan_model.io.loader import overrides_of, source_file
from aldlan_model.io.models import Model
from aldlan_model.model.errors import UsageError
from aldlan_model.render.fonts import chart_rc
from aldlan_model.render.safetext import mpl_text, quiet_glyphs
from aldlan_model.tables.run import rounded_lines

KINDS = ("savings", "costs", "target", "mechanisms", "funding")
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
SIZE_IN, DPI = (8.0, 4.5), 200  # PNG 1600 × 900 pixels
OFF_SCALE = 3.0  # a target more than this many times the largest savings is named in the title, not drawn
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
_METADATA = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}

Item = tuple[Model, Result]  # a scenario or a plan (whose result is the total over its rooms)


def chart_format(path: Any) -> str:
    """``png``/``svg``/``pdf`` from the output file's extension."""
    from pathlib import Path

    ext = Path(path).suffix.lower()
    if ext not in FORMATS:
        raise UsageError(msg("chart_bad_file", path=path, formats=", ".join(FORMATS)))
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


def _ledger_line(result: Result, name: str) -> list[int]:
    """A line of the rounded ledger: the euros of the tables."""
    return rounded_lines(result)[name]


def savings_chart(ax: Any, items: Sequence[Item], lang: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    lines = [_ledger_line(result, "savings") for _, result in items]
    for i, ((scenario, result), ys) in enumerate(zip(items, lines, strict=True)):
        ax.plot(result.years, ys, label=_name(scenario, 40).replace("\n", " "),
                color=COLOURS[i % len(COLOURS)], linestyle=LINESTYLES[i % len(LINESTYLES)],
                marker=MARKERS[i % len(MARKERS)], markersize=5, linewidth=1.6)
    peak = max([float(np.max(np.abs(ys))) for ys in lines if len(ys)] + [1.0])
    off_scale = []
    for year, amount in sorted({_target(item) for item in items}):
        label = t("chart_target_line", lang, year=str(year), amount=money(amount, lang))
        if abs(amount) > OFF_SCALE * peak:  # the lines would lie flat at the bottom: name it in the title
            shares = [(scenario, ys[result.year_index(year)] / amount if amount else 0.0)
                      for (scenario, result), ys in zip(items, lines, strict=True)
                      if _target((scenario, result)) == (year, amount) and result.years[0] <= year <= result.years[-1]]
            shown = (percent(shares[0][1], lang) if len(shares) == 1 else
                     ", ".join(f"{_name(sc, 40).replace(chr(10), ' ')} {percent(x, lang)}" for sc, x in shares))
            off_scale.append(t("chart_target_share", lang, year=str(year), amount=money(amount, lang),
                               shares=shown or "–"))
            continue
        ax.axhline(amount, color="black", linewidth=1.0, linestyle=(0, (6, 3)), gid="target-line")
        ax.plot([year], [amount], marker="*", markersize=12, color="black", linestyle="none", label=label)
    ax.axhline(0, color="#999999", linewidth=0.6)
    title = t("chart_savings_title", lang)
    if off_scale:
        title += "\n" + "\n".join(textwrap.fill(line, 110) for line in off_scale)
    ax.set_title(title, fontsize=11 if not off_scale else 10)
    ax.set_xlabel(t("chart_axis_year", lang))
    ax.set_ylabel(t("chart_axis_savings", lang))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: str(int(round(x)))))
    _money_axis(ax, lang)
    ax.legend(fontsize=8, loc="best")


def costs_chart(ax: Any, items: Sequence[Item], lang: str) -> None:
    """Per scenario two stacked bars, costs and income in the target year, each in three groups of
    lines (six colours in all); a group that is zero everywhere is left out, legend included."""
    width = 0.38
    crowded = len(items) > CROWDED  # side by side the amounts would overlap: set them upright
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
            label = f"{t('chart_' + total, lang)}{' ' if crowded else chr(10)}{money(ledgers[i][total][at[i]], lang)}"
            ax.annotate(label, (i + offset, max(bottom, 0)), xytext=(0, 2), textcoords="offset points",
                        ha="center", va="bottom", fontsize=6.5, rotation=90 if crowded else 0)
        ticks.append(i)
        ticklabels.append(f"{_name(scenario, _name_width(len(items)))}\n({year})")
    ax.set_xticks(ticks, ticklabels, fontsize=7 if crowded else 8)
    ax.set_xlim(-0.7, len(items) - 0.3)
    ax.set_ylim(top=max(top, 1.0) * (1.45 if crowded else 1.2))
    ax.set_title(t("chart_costs_title", lang))
    ax.set_ylabel(t("chart_axis_amount", lang))
    _money_axis(ax, lang)
    if labelled and crowded:  # the bars need the whole width: the legend goes under the names
        ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, frameon=False)
    elif labelled:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)


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
            text = textwrap.fill(text, 12)
        ax.annotate(text, (i, height), xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                    fontsize=9, fontweight="bold")
    ax.set_xticks(range(len(items)), [f"{_name(s, _name_width(len(items)))}\n({_target((s, r))[0]})"
                                      for s, r in items], fontsize=7 if crowded else 8)
    ax.set_xlim(-0.7, len(items) - 0.3)
    ax.margins(y=0.15)
    ax.set_ylim(bottom=0)
    ax.set_title(t("chart_target_title", lang))
    ax.set_ylabel(t("chart_axis_rooms", lang))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: number(x, lang)))


def _v2(name: str) -> Any:
    def draw(ax: Any, items: Sequence[Item], lang: str) -> None:
        from aldlan_model.render import charts_flows as charts_v2

        getattr(charts_v2, name)(ax, items, lang)

    return draw


DRAW = {"savings": savings_chart, "costs": costs_chart, "target": target_chart,
        "mechanisms": _v2("mechanisms_chart"), "funding": _v2("funding_chart")}


def source_text(models: Sequence[Any], lang: str) -> str:
    """"Bron: aldlan-model 0.2.0, scenario aldlan-mix.yaml": the files as the command named them, relative
    to the working folder (a file outside it by its name alone), never an absolute path."""
    files = list(dict.fromkeys(shown_file(source_file(m)) for m in models if source_file(m)))
    changed = list(dict.fromkeys(o for m in models for o in overrides_of(m)))
    if not files:
        text = t("chart_source", lang, version=__version__, files="").rstrip(", ")
    else:
        which = (t("chart_source_one", lang, file=files[0]) if len(files) == 1
                 else t("chart_source_many", lang, files=", ".join(files)))
        text = t("chart_source", lang, version=__version__, files=which)
    if changed:
        text += "; --set " + ", ".join(changed)
    return mpl_text(text)


def shown_file(file: Any) -> str:
    """A file relative to the working folder; outside it, its name alone."""
    import os
    from pathlib import Path

    try:
        rel = os.path.relpath(str(file))
    except ValueError:  # another drive
        return Path(str(file)).name
    return Path(str(file)).name if rel.startswith("..") or os.path.isabs(rel) else rel


def add_source(fig: Any, text: str) -> None:
    """The source line under the chart, at the left (kept clear of the axes by the layout), wrapped
    to the figure's width."""
    per_line = max(40, int(fig.get_figwidth() * 72 / (7 * 0.48)))  # 7-point characters across the figure
    fig.supxlabel(textwrap.fill(text, per_line, break_on_hyphens=False), x=0.01, ha="left", fontsize=7,
                  color="#333333", multialignment="left")


def new_figure(size: tuple[float, float] = SIZE_IN) -> Any:
    """A matplotlib ``Figure`` (Agg, no pyplot, no global state); call inside ``chart_context()``."""
    import matplotlib

    matplotlib.use("Agg")  # no display needed; before anything touches pyplot
    from matplotlib.figure import Figure

    return Figure(figsize=size, dpi=DPI, layout="constrained")


def chart_context() -> Any:
    """The documents' font and text settings for one figure, restored afterwards."""
    import matplotlib

    return matplotlib.rc_context(chart_rc())


def figure(items: Sequence[Item], kind: str = "savings", lang: str = "nl") -> Any:
    """The chart as a matplotlib ``Figure`` (no pyplot, no global state)."""
    if kind not in DRAW:
        raise UsageError(msg("chart_bad_kind", kind=repr(kind), choices=", ".join(KINDS)))
    if not items:
        raise UsageError(msg("chart_no_files"))
    with chart_context():
        fig = new_figure()
        ax = fig.add_subplot()
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        DRAW[kind](ax, items, lang)
        add_source(fig, source_text([m for m, _ in items], lang))
    return fig


def save(fig: Any, fmt: str) -> bytes:
    """A figure as PNG (200 dpi), SVG (text as text) or PDF (fonts embedded) bytes."""
    if fmt not in _METADATA:
        raise UsageError(msg("chart_bad_format", fmt=repr(fmt), choices=", ".join(_METADATA)))
    buf = io.BytesIO()
    with quiet_glyphs(), chart_context():
        fig.savefig(buf, format=fmt, dpi=DPI, metadata=_METADATA[fmt])
    return buf.getvalue()


def render_chart(items: Sequence[Item], kind: str = "savings", lang: str = "nl", fmt: str = "png") -> bytes:
    """The chart as the bytes of a PNG, SVG or PDF file."""
    if fmt not in _METADATA:
        raise UsageError(msg("chart_bad_format", fmt=repr(fmt), choices=", ".join(_METADATA)))
    with quiet_glyphs():
        fig = figure(items, kind, lang)
    return save(fig, fmt)
