"""Charts of where the money flows: where the saving comes from (a waterfall from spending
without the room to spending with it, through the mechanisms) and who pays for what (the
room and each project, stacked by budget). One scenario or plan per chart; every amount is
the rounded ledger's, so the chart shows the euros of the tables. Four colours at most, one
hatch (the saving that rests on an assumption), legend items only for what is drawn; the
font, the source line and the file formats come from :func:`aldlan_model.render.charts.draw.figure`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from aldlan_model.i18n.labels import t
from aldlan_model.i18n.messages import msg
from aldlan_model.i18n.numfmt import money
from aldlan_model.ledger.rounded import MECHANISM_LINES, ledger
from aldlan_model.model.errors import UsageError
from aldlan_model.render.charts.base import MIN_PT, legend_outside, money_axis, value_label, wrap_name
from aldlan_model.render.safetext import mpl_text
from aldlan_model.tables.positions import PAYER_ROWS
from aldlan_model.tables.run import MECHANISM_LABEL

# dark, light and middle greys (16 %, 75 %, 57 % luminance) and a grey between: each reads apart in black and white
HARD, SOFT, PAID, TOTAL = "#08306b", "#9ecae1", "#e08214", "#555555"
# the budgets in grey levels 17 %, 84 % and 55 % apart, and the external budget dotted as well
BUDGET_COLOURS = {"wmo": "#08306b", "municipal": "#c6dbef", "external": "#5aae61"}
BUDGET_HATCHES = {"wmo": "", "municipal": "", "external": ".."}


def _one(items: Sequence[Any], kind: str) -> tuple[Any, Any]:
    if len(items) != 1:
        raise UsageError(msg("chart_one_scenario", kind=kind))
    return items[0]


def _wrap(text: str, width: int = 16) -> str:
    return wrap_name(mpl_text(text), width)


def mechanisms_chart(ax: Any, items: Sequence[Any], lang: str) -> None:
    """Waterfall: spending without the room, minus each mechanism, equals spending with it. A mechanism
    at € 0 has no step (as the table); every amount sits on top of the bar it names."""
    scenario, result = _one(items, "mechanisms")
    L = ledger(result)
    year = L.target_year
    level = L.at("baseline")
    labels = [t("baseline", lang)]
    _total_bar(ax, 0, level, lang)
    shown = [name for name in MECHANISM_LINES if L.at(name)]
    for i, name in enumerate(shown, start=1):
        amount = L.at(name)
        new = level - amount
        ax.bar(i, new - level, 0.6, bottom=level, color=_MECH_COLOUR[_MECH_KIND.get(name, "hard")],
               edgecolor="black", linewidth=0.5, hatch="//" if name == "substitution" else "")
        ax.plot([i - 0.3, i + 1.3], [new, new], color="#999999", linewidth=0.6)
        value_label(ax, money(amount, lang), i, max(level, new))  # the table's sign: a saving is positive
        labels.append(t(MECHANISM_LABEL.get(name, name), lang))
        level = new
    end = len(shown) + 1
    _total_bar(ax, end, level, lang)
    labels.append(t("scenario", lang))
    ax.set_xticks(range(end + 1), [_wrap(x, 14) for x in labels], fontsize=MIN_PT)  # "herindicatie)" whole
    title = t("chart_mechanisms_title", lang, year=year, saving=money(L.at("savings"), lang),
              hard=money(L.at("savings_hard"), lang))
    ax.set_title(textwrap.fill(title, 60, break_on_hyphens=False), fontsize=10)  # whole at the placed size
    ax.set_ylabel(t("chart_euro_per_year", lang, year=year))
    low, high = ax.get_ylim()
    ax.set_ylim(bottom=min(0, low), top=high * 1.08)  # room for the amounts above the bars
    money_axis(ax.yaxis, lang)
    from matplotlib.patches import Patch

    drawn = {_MECH_KIND.get(name, "hard") for name in shown}  # no legend item without a bar
    legend_outside(ax, [Patch(facecolor=_MECH_COLOUR[k], edgecolor="black", hatch="//" if k == "soft" else "",
                              label=t(f"chart_mech_{k}", lang)) for k in ("hard", "soft", "paid") if k in drawn])
    del scenario


_MECH_KIND = {"substitution": "soft", "paid": "paid", "new_clients": "paid"}
_MECH_COLOUR = {"hard": HARD, "soft": SOFT, "paid": PAID}


def _total_bar(ax: Any, x: float, level: float, lang: str) -> None:
    """The spending without or with the room: a grey bar (none at € 0) with its amount on top."""
    if level:
        ax.bar(x, level, 0.6, color=TOTAL, edgecolor="black", linewidth=0.5)
    value_label(ax, money(level, lang), x, level)


def funding_chart(ax: Any, items: Sequence[Any], lang: str) -> None:
    """Who pays what over the whole period: the room and each project, stacked by budget (each its own grey
    and pattern), with the cost as a line; the funded total sits on top of the stack, the cost on the line."""
    _scenario, result = _one(items, "funding")
    L = ledger(result)
    room = {  # the room's income by whose money it is, as the dekkingsplan table books it (MODEL.md v3 §2.9)
        "wmo": float(sum(L.lines["income_zin"]) + sum(L.lines["income_pgb"]) + sum(L.lines["subsidy"])
                     + sum(L.lines["income_other_wmo"])),
        "municipal": float(sum(L.lines["income_other_municipal"])),
        "external": float(sum(L.lines["income_contribution"]) + sum(L.lines["income_other_external"])),
        "cost": float(sum(L.lines["cost"])),
    }
    groups = [(t("funding_room", lang), room)]
    for name, d in L.projects:
        groups.append((name, {k: float(sum(d[k])) for k in ("wmo", "municipal", "external", "cost")}))
    labelled: set[str] = set()  # a legend item for each budget that pays something, once
    for i, (_, g) in enumerate(groups):
        bottom = 0.0
        for budget in ("wmo", "municipal", "external"):
            if not g[budget]:
                continue  # no bar of € 0
            label = None if budget in labelled else t(f"funding_{budget}", lang)
            labelled.add(budget)
            ax.bar(i, g[budget], 0.6, bottom=bottom, color=BUDGET_COLOURS[budget], edgecolor="black", linewidth=0.5,
                   hatch=BUDGET_HATCHES[budget], label=label)
            bottom += g[budget]
        ax.plot([i - 0.35, i + 0.35], [g["cost"], g["cost"]], color="black", linewidth=2,
                label=t("funding_cost", lang) if i == 0 else None, gid=f"cost-{i}")
    top = max([max(g["cost"], sum(g[b] for b in BUDGET_COLOURS)) for _, g in groups] + [1.0])
    ax.set_ylim(bottom=0, top=top * 1.1)
    for i, (_, g) in enumerate(groups):
        _funding_labels(ax, i, sum(g[b] for b in BUDGET_COLOURS), g["cost"], lang)
    ax.set_xticks(range(len(groups)), [_wrap(n, 14) for n, _ in groups], fontsize=MIN_PT)
    ax.set_title(t("chart_funding_title", lang, first=L.years[0], last=L.years[-1]), fontsize=10)
    ax.set_ylabel(t("chart_euro_period", lang))
    money_axis(ax.yaxis, lang)
    legend_outside(ax)


def _funding_labels(ax: Any, i: int, funded: float, cost: float, lang: str) -> None:
    """The funded total on top of the stack and the cost on its line, each on the marker it names; one label
    where they are the same amount, and the lower one inside its bar when the two would touch."""
    if round(funded) == round(cost):
        value_label(ax, money(cost, lang), i, cost, gid="funding-both")
        return
    low, high = ax.get_ylim()
    axes_pt = ax.figure.get_figheight() * 72 * 0.6  # the axes' height, roughly, in points
    close = abs(funded - cost) / (high - low) * axes_pt < 2.2 * MIN_PT  # too near for a label between them
    value_label(ax, money(cost, lang), i, cost, below=close and cost < funded, gid="funding-cost")
    if funded:
        value_label(ax, money(funded, lang), i, funded, below=close and funded < cost, gid="funding-funded")


def payers_chart(ax: Any, items: Sequence[Any], lang: str) -> None:
    """Who pays, who saves in the target year (MODEL.md v3 §3.8): a horizontal bar per payer, better off to the
    right, worse off to the left, and the total; the ledger's euros, as the table."""
    _scenario, result = _one(items, "payers")
    L = ledger(result)
    year = L.target_year
    names = [*PAYER_ROWS, "total"]
    values = [L.at(f"payers_{name}") for name in names]
    labels = [t(f"payers_{name}", lang) if name != "total" else t("total", lang) for name in names]
    rows = range(len(names))[::-1]  # the first payer on top
    colours = [TOTAL if name == "total" else HARD if v >= 0 else PAID for name, v in zip(names, values, strict=True)]
    ax.barh(list(rows), values, 0.6, color=colours, edgecolor="black", linewidth=0.5)
    for r, v in zip(rows, values, strict=True):
        ax.annotate(money(v, lang), (v, r), xytext=(3 if v >= 0 else -3, 0), textcoords="offset points",
                    ha="left" if v >= 0 else "right", va="center", fontsize=MIN_PT)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(list(rows), [_wrap(x, 22) for x in labels], fontsize=MIN_PT)
    low, high = ax.get_xlim()
    span = (high - low) or 1.0
    ax.set_xlim(low - 0.2 * span * (low < 0), high + 0.2 * span * (high > 0))  # room for the amounts
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.grid(axis="y", visible=False)
    ax.set_title(t("chart_payers_title", lang, year=year, total=money(L.at("payers_total"), lang)), fontsize=10)
    ax.set_xlabel(t("chart_payers_axis", lang, year=year))
    money_axis(ax.xaxis, lang)
