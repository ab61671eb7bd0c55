"""Who pays, who saves (MODEL.md v3 §3.8) and the present values (§3.7): the tables of ``aldlan run`` that
hold each party's position against the situation without the room.

The payers' euros are the rounded ledger's (§4.1): the five payer lines are derived there from rounded base
lines by addition, the period column is each row's sum over the years, and the total is the sum of the rows
shown. The present values are the engine's (full precision, as in the JSON), rounded to whole euros once
(:func:`~aldlan_model.ledger.rounded.present_value_euros`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, percent
from aldlan_model.ledger.report import Row, Table
from aldlan_model.ledger.rounded import Ledger, present_value_euros

PAYER_ROWS = ("wmo", "municipal", "participants", "external", "organisation")
"""The payers of §3.8, in the order of the table; ``total`` is their sum."""
PV_ROWS = (("savings", "savings"), ("savings_hard", "savings_hard_short"), ("net_municipality", "net_municipality"),
           ("organisation_result", "organisation_result"))
"""(present-value line, label) for the table of present values."""


def payer_values(L: Ledger, year: int) -> list[int]:
    """The five payers' positions in ``year`` (whole euros, from the ledger)."""
    return [L.at(f"payers_{name}", year) for name in PAYER_ROWS]


def payer_label(name: str, lang: str, labels: Mapping[str, str] | None = None) -> str:
    """The row label of payer ``name`` (or ``total``); ``labels`` maps a name to another catalogue key."""
    default = "total" if name == "total" else f"payers_{name}"
    return t((labels or {}).get(name, default), lang)


def payers_table(L: Ledger, lang: str, title: str, year: int | None = None,
                 labels: Mapping[str, str] | None = None) -> Table:
    """"Wie betaalt, wie bespaart": a row per payer and the total, for the target year (or ``year``) and summed
    over the period. ``wmo + municipal`` is the net for the municipality (named in the note). ``labels``:
    other catalogue keys for some rows (see :func:`payer_label`)."""
    y = L.target_year if year is None else int(year)
    first, last = L.years[0], L.years[-1]
    rows = [Row(payer_label(name, lang, labels), [L.at(f"payers_{name}", y), sum(L.row(f"payers_{name}"))])
            for name in PAYER_ROWS]
    rows.append(Row(payer_label("total", lang, labels), [sum(r.values[0] for r in rows),
                                                         sum(r.values[1] for r in rows)], total=True))
    net, net_period = L.at("net_municipality", y), sum(L.row("net_municipality"))
    note = t("payers_note", lang, net=money(net, lang), year=y, net_period=money(net_period, lang),
             first=first, last=last)
    return Table("payers", title, [t("payers_year", lang, year=y), t("payers_period", lang, first=first, last=last)],
                 rows, kinds=["money", "money"], label_header="", notes=[note])


def rate_text(rate: float, lang: str) -> str:
    """A discount rate as written in the standard: 2,25%."""
    return percent(rate, lang, 0 if round(rate * 100, 6).is_integer() else 2)


def present_values(target: dict[str, Any], variant: int = 0) -> dict[str, int]:
    """The present values of §3.7 in whole euros (rounded once from the engine's figures, as the JSON's, by
    the ledger's rule: the same euro in ``explain``)."""
    pv = present_value_euros(target, variant)
    return {name: pv[name] for name, _ in PV_ROWS}


def present_value_table(target: dict[str, Any], years: list[int], lang: str, title_of, variant: int = 0) -> Table:
    """Present value over the period of savings, hard savings, the net for the municipality and the
    organisation's result at the scenario's discount rate. ``title_of(heading)`` makes the caption."""
    rate = rate_text(float(target["discount_rate"][variant]), lang)
    pv = present_values(target, variant)
    rows = [Row(t(label, lang), [pv[name]]) for name, label in PV_ROWS]
    heading = t("heading_present_value", lang, first=years[0], last=years[-1], rate=rate)
    return Table("present_value", title_of(heading), [t("present_value", lang)], rows, kinds=["money"],
                 label_header="", notes=[t("present_value_note", lang, first=years[0], rate=rate)])


def present_value_headline(target: dict[str, Any], years: list[int], lang: str, variant: int = 0) -> tuple[str, str]:
    """The headline line: the present value of the savings, with hard savings, the net and the organisation."""
    rate = rate_text(float(target["discount_rate"][variant]), lang)
    pv = present_values(target, variant)
    return (t("pv_headline", lang, first=years[0], last=years[-1], rate=rate),
            t("pv_headline_value", lang, savings=money(pv["savings"], lang), hard=money(pv["savings_hard"], lang),
              net=money(pv["net_municipality"], lang), organisation=money(pv["organisation_result"], lang)))


def full_operation_headline(L: Ledger, full_year: int, lang: str) -> tuple[str, str] | None:
    """Next to the target-year figure, the figure at full operation (the first year the ramp reaches its last
    value) when that is a later year; None when it is the target year or earlier."""
    if full_year <= L.target_year:
        return None
    savings, hard = L.at("savings", full_year), L.at("savings_hard", full_year)
    key = "savings_full_operation" if savings >= 0 else "extra_costs_full_operation"
    return (t(key, lang, year=full_year),
            t("full_operation_value", lang, amount=money(abs(savings), lang), hard=money(hard, lang)))
