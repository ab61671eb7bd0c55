"""The label catalogue for reports, in Dutch (``nl``) and English (``en``).

Keys for table lines equal the field names of the JSON output (``staff_professional``,
``savings``, …); warning keys equal the warning codes. Templates use ``str.format``
placeholders, filled with values that are already formatted as strings
(``t("no_savings", "nl", year="2021", amount="€ 0")``). The caption templates use an
en dash, written as ``\u2013``.
"""

from __future__ import annotations

import difflib
from string import Formatter

NL: dict[str, str] = {
    # operator lines
    "staff_professional": "Personeel professionals",
    "staff_volunteer": "Vrijwilligers",
    "housing": "Huisvesting",
    "activities": "Activiteiten en materialen",
    "overhead": "Overhead",
    "depreciation": "Afschrijving opstartkosten",
    "margin": "Winstmarge",
    "cost": "Totale kosten",
    "income_zin": "Inkomsten Wmo ZIN",
    "income_pgb": "Inkomsten pgb",
    "income_contribution": "Bijdrage deelnemers",
    "income_other": "Overige inkomsten",
    "subsidy": "Subsidie",
    "income": "Totale inkomsten",
    "result": "Resultaat",
    # municipality lines
    "baseline": "Uitgaven zonder buurtkamer",
    "scenario": "Uitgaven met buurtkamer",
    "savings": "Besparing",
    "cumulative_savings": "Cumulatieve besparing",
    # headings and headline
    "heading_municipality": "Wmo-uitgaven van de gemeente",
    "heading_operator": "Exploitatie van de buurtkamer",
    "heading_staffing": "Bezetting en norm",
    "heading_warnings": "Waarschuwingen",
    "heading_headline": "Samenvatting",
    "target": "Besparingsdoel",
    "target_share": "Deel van het doel",
    "locations": "Aantal buurtkamers",
    "locations_needed": "Benodigde buurtkamers voor het doel",
    "first_year_target_reached": "Eerste jaar waarin het doel wordt gehaald",
    "never_within_period": "niet binnen de periode",
    "result_target_year": "Resultaat exploitant in het doeljaar",
    "not_applicable": "n.v.t.",
    # staffing
    "professional_hours_per_week": "Uren professionals per week",
    "volunteer_hours_per_week": "Uren vrijwilligers per week",
    "volunteer_share": "Aandeel vrijwilligersuren",
    "indicated_per_professional": "Geïndiceerde deelnemers per aanwezige professional",
    "norm": "Norm",
    "served_share": "Deel van de geïndiceerde deelnemers dat bediend wordt",
    # warnings
    "norm_not_met": (
        "De bezetting haalt de norm niet: ruimte voor {capacity} geïndiceerde deelnemers "
        "per dagdeel, {demand} nodig; {served_share} van hen kan worden bediend."
    ),
    "allowance_above_legal_max": (
        "De vrijwilligersvergoeding voor {role} ({allowance}) ligt in {year} boven het "
        "wettelijk maximum van {maximum}."
    ),
    "operator_deficit": (
        "De exploitant heeft een tekort in {years}; het grootste tekort is {amount}."
    ),
    "no_savings": "Geen besparing in het doeljaar {year}: de besparing is {amount}.",
    "no_savings_extra": "Geen besparing in het doeljaar {year}: de buurtkamer kost de gemeente {amount} meer (meerkosten).",
    "start_after_target": "De buurtkamer start pas in {start}, na het doeljaar {year}.",
    "allowance_above_legal_max_hour": (
        "De vrijwilligersvergoeding voor {role} komt in {year} neer op {per_hour} per uur, boven het "
        "wettelijk maximum van {maximum} per uur; verlaag de vergoeding of reken met meer uren."
    ),
    "savings_rest_on_substitution": (
        "De besparing van {savings} in {year} rust geheel op de aanname dat meelifters anders een "
        "indicatie zouden krijgen; zonder die aanname (harde besparing) is het {savings_hard}. "
        "Er is geen bewijs gevonden voor die aanname."
    ),
    "project_deficit": (
        "Het project {project} heeft een tekort in {years} (het grootste {amount}): de financiering "
        "dekt de kosten niet; zoek een financier voor het restant of verlaag de kosten."
    ),
    "group_too_large": (
        "De groep is te groot: gemiddeld {group} deelnemers per dagdeel bij {present} aanwezige "
        "professionals, terwijl de norm {norm} per professional is (ruimte voor {limit}); "
        "zet meer professionals in of spreid de deelnemers over meer dagdelen."
    ),
    "pool_clients_exceeded": (
        "Het plan heeft {needed} deelnemers met een (vroegere) indicatie nodig; de gemeente heeft er "
        "{available} met een indicatie voor dagbesteding. Minder buurtkamers of minder geïndiceerden per kamer."
    ),
    "pool_volunteers_exceeded": (
        "Het plan heeft {needed} vrijwilligers nodig; er zijn er naar schatting {available} te vinden. "
        "Reken met minder vrijwilligers per kamer, minder kamers, of werf eerst vrijwilligers."
    ),
    # table furniture
    "caption": "Tabel {n} \u2013 {title}",
    "source_line": "Bron: scenario {name} ({file}), aldlan-model {version}, {date}",
    "year": "Jaar",
    "total": "Totaal",
    "item": "Post",
}

EN: dict[str, str] = {
    "staff_professional": "Professional staff",
    "staff_volunteer": "Volunteers",
    "housing": "Housing",
    "activities": "Activities and materials",
    "overhead": "Overhead",
    "depreciation": "Depreciation of start-up costs",
    "margin": "Profit margin",
    "cost": "Total costs",
    "income_zin": "Income Wmo ZIN",
    "income_pgb": "Income PGB",
    "income_contribution": "Participant contributions",
    "income_other": "Other income",
    "subsidy": "Subsidy",
    "income": "Total income",
    "result": "Result",
    "baseline": "Spending without buurtkamer",
    "scenario": "Spending with buurtkamer",
    "savings": "Savings",
    "cumulative_savings": "Cumulative savings",
    "heading_municipality": "Municipal Wmo spending",
    "heading_operator": "Operating account of the buurtkamer",
    "heading_staffing": "Staffing and norm",
    "heading_warnings": "Warnings",
    "heading_headline": "Summary",
    "target": "Savings target",
    "target_share": "Share of target",
    "locations": "Number of buurtkamers",
    "locations_needed": "Buurtkamers needed to reach the target",
    "first_year_target_reached": "First year the target is reached",
    "never_within_period": "not within the period",
    "result_target_year": "Operator result in the target year",
    "not_applicable": "n/a",
    "professional_hours_per_week": "Professional hours per week",
    "volunteer_hours_per_week": "Volunteer hours per week",
    "volunteer_share": "Volunteer share of hours",
    "indicated_per_professional": "Indicated participants per professional present",
    "norm": "Norm",
    "served_share": "Share of indicated participants served",
    "norm_not_met": (
        "Staffing does not meet the norm: room for {capacity} indicated participants "
        "per dagdeel, {demand} needed; {served_share} of them can be served."
    ),
    "allowance_above_legal_max": (
        "The volunteer allowance for {role} ({allowance}) is above the legal maximum "
        "of {maximum} in {year}."
    ),
    "operator_deficit": "The operator runs a deficit in {years}; the largest deficit is {amount}.",
    "no_savings": "No savings in the target year {year}: savings are {amount}.",
    "no_savings_extra": "No savings in the target year {year}: the buurtkamer costs the municipality {amount} more (extra costs).",
    "start_after_target": "The buurtkamer only starts in {start}, after the target year {year}.",
    "allowance_above_legal_max_hour": (
        "The volunteer allowance for {role} comes to {per_hour} per hour in {year}, above the legal "
        "maximum of {maximum} per hour; lower the allowance or count more hours."
    ),
    "savings_rest_on_substitution": (
        "The saving of {savings} in {year} rests entirely on the assumption that riders-along would "
        "otherwise get an indicatie; without it (hard saving) it is {savings_hard}. No evidence for "
        "that assumption was found."
    ),
    "project_deficit": (
        "Project {project} runs a deficit in {years} (the largest {amount}): its funding does not cover "
        "its cost; find a funder for the rest or lower the cost."
    ),
    "group_too_large": (
        "The group is too large: on average {group} participants per dagdeel with {present} "
        "professionals present, while the norm is {norm} per professional (room for {limit}); "
        "add professionals or spread participants over more dagdelen."
    ),
    "pool_clients_exceeded": (
        "The plan needs {needed} participants with a (former) indicatie; the municipality has {available} "
        "with an indicatie for dagbesteding. Fewer rooms or fewer indicated participants per room."
    ),
    "pool_volunteers_exceeded": (
        "The plan needs {needed} volunteers; an estimated {available} can be found. Plan fewer "
        "volunteers per room, fewer rooms, or recruit volunteers first."
    ),
    "caption": "Table {n} \u2013 {title}",
    "source_line": "Source: scenario {name} ({file}), aldlan-model {version}, {date}",
    "year": "Year",
    "total": "Total",
    "item": "Item",
}

# Each capability keeps its own labels in a module of its own; they join the catalogue here.
from aldlan_model.i18n import (  # noqa: E402 - after the core catalogue on purpose
    labels_analysis,
    labels_explain,
    labels_figures,
    labels_letters,
    labels_memo,
    labels_office,
    labels_plan,
    labels_uncertainty,
)

for _extra in (labels_analysis, labels_explain, labels_letters, labels_memo, labels_office, labels_plan, labels_uncertainty, labels_figures):
    NL.update(_extra.NL)
    EN.update(_extra.EN)

CATALOGUES: dict[str, dict[str, str]] = {"nl": NL, "en": EN}


def _template(key: str, lang: str) -> str:
    try:
        catalogue = CATALOGUES[lang]
    except KeyError:
        choices = ", ".join(CATALOGUES)
        raise ValueError(f"unknown report language {lang!r}; use one of: {choices}") from None
    try:
        return catalogue[key]
    except KeyError:
        near = difflib.get_close_matches(key, catalogue, n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise KeyError(f"no label {key!r} in the {lang!r} catalogue{hint}") from None


def placeholders(key: str, lang: str = "nl") -> set[str]:
    """Names of the ``{placeholders}`` in a label's template."""
    return {name for _, name, _, _ in Formatter().parse(_template(key, lang)) if name}


def t(key: str, lang: str = "nl", **fmt: object) -> str:
    """The label ``key`` in ``lang``, with its placeholders filled from ``fmt``.

    Raises ``KeyError`` for an unknown key, ``ValueError`` for an unknown language or
    when the keyword arguments do not match the template's placeholders exactly.
    """
    template = _template(key, lang)
    expected = placeholders(key, lang)
    if set(fmt) != expected:
        missing = ", ".join(sorted(expected - set(fmt))) or "none"
        extra = ", ".join(sorted(set(fmt) - expected)) or "none"
        raise ValueError(
            f"label {key!r} takes placeholders {sorted(expected)}; "
            f"missing: {missing}; unexpected: {extra}"
        )
    return template.format(**fmt)
