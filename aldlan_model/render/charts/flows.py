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
from aldlan_model.render.charts.base import money_axis
from aldlan_model.render.safetext import mpl_text
from aldlan_model.tables.positions import PAYER_ROWS
from aldlan_model.tables.run import MECHANISM_LABEL

HARD, SOFT, PAID, TOTAL = "#1f5a96", "#9ecae1", "#b35806", "#555555"
BUDGET_COLOURS = {"wmo": "#1f5a96", "municipal": "#6baed6", "external": "#2d7d3a"}


def _one(items: Sequence[Any], kind: str) -> tuple[Any, Any]:
    if len(items) != 1:
        raise UsageError(msg("chart_one_scenario", kind=kind))
    return items[0]


def _wrap(text: str, width: int = 16) -> str:
    return "\n".join(textwrap.wrap(mpl_text(text), width, break_long_words=False)) or "–"


def mechanisms_chart(ax: Any, items: Sequence[Any], lang: str) -> None:
    """Waterfall: spending without the room, minus each mechanism, equals spending with it."""
    scenario, result = _one(items, "mechanisms")
    L = ledger(result)
    year = L.target_year
    level = L.at("baseline")
    labels = [t("baseline", lang)]
    ax.bar(0, level, 0.6, color=TOTAL, edgecolor="black", linewidth=0.5)
    ax.annotate(money(level, lang), (0, level), xytext=(0, 2), textcoords="offset points", ha="center",
                va="bottom", fontsize=7)
    shown = [name for name in MECHANISM_LINES if L.at(name)]  # as the table: a mechanism at € 0 has no bar
    for i, name in enumerate(shown, start=1):
        amount = L.at(name)
        new = level - amount
        colour = SOFT if name == "substitution" else PAID if name in ("paid", "new_clients") else HARD
        ax.bar(i, new - level, 0.6, bottom=level, color=colour, edgecolor="black", linewidth=0.5,
               hatch="//" if name == "substitution" else "")
        ax.annotate(money(-amount, lang), (i, max(level, new)), xytext=(0, 2), textcoords="offset points",
                    ha="center", va="bottom", fontsize=7)
        ax.plot([i - 0.3, i + 1.3], [new, new], color="#999999", linewidth=0.6)
        labels.append(t(MECHANISM_LABEL.get(name, name), lang))
        level = new
    end = len(shown) + 1
    ax.bar(end, level, 0.6, color=TOTAL, edgecolor="black", linewidth=0.5)
    ax.annotate(money(level, lang), (end, level), xytext=(0, 2), textcoords="offset points", ha="center",
                va="bottom", fontsize=7)
    labels.append(t("scenario", lang))
    ax.set_xticks(range(end + 1), [_wrap(x, 14) for x in labels], fontsize=7)
    import textwrap

    title = t("chart_mechanisms_title", lang, year=year, saving=money(L.at("savings"), lang),
              hard=money(L.at("savings_hard"), lang))
    ax.set_title(textwrap.fill(title, 70, break_on_hyphens=False), fontsize=10)  # whole at any placed size
    ax.set_ylabel(t("chart_euro_per_year", lang, year=year))
    low, high = ax.get_ylim()
    ax.set_ylim(bottom=min(0, low), top=high * 1.12)  # room for the amounts above the bars
    money_axis(ax.yaxis, lang)
    from matplotlib.patches import Patch

    kinds = {"substitution": "soft", "paid": "paid", "new_clients": "paid"}
    drawn = {kinds.get(name, "hard") for name in shown}  # no legend item without a bar
    handles = [Patch(facecolor=HARD, edgecolor="black", label=t("mechanism_hard", lang)) if k == "hard" else
               Patch(facecolor=SOFT, edgecolor="black", hatch="//", label=t("mechanism_soft", lang)) if k == "soft" else
               Patch(facecolor=PAID, edgecolor="black", label=t("mechanism_paid", lang))
               for k in ("hard", "soft", "paid") if k in drawn]
    if len(handles) > 1:  # one kind of bar needs no legend
        ax.legend(handles=handles, fontsize=7, loc="upper right")
    del scenario


def funding_chart(ax: Any, items: Sequence[Any], lang: str) -> None:
    """Who pays what over the whole period: the room and each project, stacked by budget."""
    _scenario, result = _one(items, "funding")
    L = ledger(result)
    room = {
        "wmo": float(sum(L.lines["income_zin"]) + sum(L.lines["income_pgb"]) + sum(L.lines["subsidy"])),
        "municipal": 0.0,
        "external": float(sum(L.lines["income_contribution"]) + sum(L.lines["income_other"])),
        "cost": float(sum(L.lines["cost"])),
    }
    groups = [(t("funding_room", lang), room)]
    for name, d in L.projects:
        groups.append((name, {k: float(sum(d[k])) for k in ("wmo", "municipal", "external", "cost")}))
    labelled: set[str] = set()  # a legend item for each budget that pays something, once
    for i, (_, g) in enumerate(groups):
        bottom = 0.0
        for budget in ("wmo", "municipal", "external"):
            label = None
            if g[budget] and budget not in labelled:
                label = t(f"funding_{budget}", lang)
                labelled.add(budget)
            ax.bar(i, g[budget], 0.6, bottom=bottom, color=BUDGET_COLOURS[budget], edgecolor="black", linewidth=0.5,
                   label=label)
            bottom += g[budget]
        ax.plot([i - 0.35, i + 0.35], [g["cost"], g["cost"]], color="black", linewidth=2,
                label=t("funding_cost", lang) if i == 0 else None)
        ax.annotate(money(bottom, lang), (i, max(bottom, g["cost"])), xytext=(0, 4), textcoords="offset points",
                    ha="center", va="bottom", fontsize=7)
    ax.set_xticks(range(len(groups)), [_wrap(n) for n, _ in groups], fontsize=7)
    ax.set_ylim(top=ax.get_ylim()[1] * 1.08)
    ax.set_title(t("chart_funding_title", lang, first=L.years[0], last=L.years[-1]), fontsize=10)
    ax.set_ylabel(t("chart_euro_period", lang))
    money_axis(ax.yaxis, lang)
    ax.legend(fontsize=7, loc="upper right")


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
                    ha="left" if v >= 0 else "right", va="center", fontsize=7)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(list(rows), [_wrap(x, 22) for x in labels], fontsize=7)
    low, high = ax.get_xlim()
    span = (high - low) or 1.0
    ax.set_xlim(low - 0.2 * span * (low < 0), high + 0.2 * span * (high > 0))  # room for the amounts
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.grid(axis="y", visible=False)
    ax.set_title(t("chart_payers_title", lang, year=year, total=money(L.at("payers_total"), lang)), fontsize=10)
    ax.set_xlabel(t("chart_payers_axis", lang, year=year))
    money_axis(ax.xaxis, lang)
