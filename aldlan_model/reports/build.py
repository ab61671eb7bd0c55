"""Build the report of one run: headline, tables and notes, as raw values (no formatting
of numbers except in headline sentences, which are text by nature)."""

from __future__ import annotations

import datetime as _dt

import numpy as np

from aldlan_model import __version__
from aldlan_model.engine import COST_LINES, INCOME_LINES, Result
from aldlan_model.loader import source_file
from aldlan_model.params import flatten
from aldlan_model.reports.labels import t
from aldlan_model.reports.messages import warning_message
from aldlan_model.reports.model import Report, Row, Table
from aldlan_model.reports.numfmt import money, percent, round_euros
from aldlan_model.scenario import Scenario
from aldlan_model.warnings import warnings_for

TABLE_INPUTS = {
    "municipality": ("tariffs", "transport", "municipality", "participants", "ramp_up",
                     "indexation.tariffs", "opening.weeks_per_year", "locations"),
    "operator": ("staff", "costs", "income", "tariffs.buurtkamer", "indexation", "participants",
                 "opening.weeks_per_year", "ramp_up", "locations"),
    "staffing": ("staff", "norms", "participants", "opening"),
}


def sources_for(scenario: Scenario, prefixes: tuple[str, ...] | None = None) -> list[str]:
    """``path: source`` for every sourced input (under the given key prefixes)."""
    out = []
    for path, num in flatten(scenario).items():
        if not num.source:
            continue
        if prefixes is None or any(path == p or path.startswith(p + ".") for p in prefixes):
            out.append(f"{path}: {num.source}")
    return out


def source_line(scenario: Scenario, lang: str, today: _dt.date | None = None) -> str:
    today = today or _dt.date.today()
    return t("source_line", lang, name=scenario.name, file=source_file(scenario) or "–",
             version=__version__, date=today.isoformat())


def chunks(n: int, size: int) -> list[range]:
    return [range(i, min(n, i + size)) for i in range(0, n, size)]


def rounded_lines(result: Result, variant: int = 0) -> dict[str, list[int]]:
    """Every money line per year in whole euros, totals built from the rounded parts."""
    L = result.lines
    out: dict[str, list[int]] = {}
    for name in (*COST_LINES, *INCOME_LINES, "baseline", "scenario"):
        out[name] = round_euros(list(L[name][variant]))
    out["cost"] = list(np.sum([out[n] for n in COST_LINES], axis=0).astype(int))
    out["income"] = list(np.sum([out[n] for n in INCOME_LINES], axis=0).astype(int))
    out["result"] = [int(a - b) for a, b in zip(out["income"], out["cost"], strict=True)]
    out["savings"] = [int(a - b) for a, b in zip(out["baseline"], out["scenario"], strict=True)]
    out["cumulative_savings"] = [int(x) for x in np.cumsum(out["savings"])]
    return out


def headline(scenario: Scenario, result: Result, lang: str, variant: int = 0) -> list[tuple[str, str]]:
    tg = result.target
    year = int(tg["year"][variant])
    needed = tg["locations_needed"][variant]
    reached = int(tg["first_year_reached"][variant])
    res = rounded_lines(result, variant)["result"][result.year_index(year)]
    return [
        (t("target", lang) + f" {year}", money(tg["amount"][variant], lang)),
        (t("savings", lang) + f" {year}",
         f"{money(tg['savings'][variant], lang)} ({percent(tg['share'][variant], lang)} "
         + ("van het doel" if lang == "nl" else "of the target") + ")"),
        (t("locations", lang), str(int(result.table["locations"].iloc[variant]))),
        (t("locations_needed", lang), t("not_applicable", lang) if np.isnan(needed) else str(int(needed))),
        (t("first_year_target_reached", lang), str(reached) if reached > 0 else t("never_within_period", lang)),
        (t("result_target_year", lang) + f" ({year})", money(res, lang)),
    ]


def run_report(
    scenario: Scenario, result: Result, lang: str = "nl", *, year_cols: int = 6,
    variant: int = 0, today: _dt.date | None = None,
) -> Report:
    """The report of ``aldlan run``: headline, three tables, warnings and sources."""
    years = [int(y) for y in result.years]
    R = rounded_lines(result, variant)
    tables: list[Table] = []
    n = 1

    def caption(title: str) -> str:
        nonlocal n
        text = t("caption", lang, n=n, title=f"{title}, {scenario.name}")
        n += 1
        return text

    # 1. municipality, a row per year
    rows = [
        Row(str(y), [R["baseline"][j], R["scenario"][j], R["savings"][j], R["cumulative_savings"][j]], kind=None)
        for j, y in enumerate(years)
    ]
    rows.append(Row(t("total", lang), [sum(R["baseline"]), sum(R["scenario"]), sum(R["savings"]), None], total=True))
    tables.append(Table(
        "municipality", caption(t("heading_municipality", lang)),
        [t("baseline", lang), t("scenario", lang), t("savings", lang), t("cumulative_savings", lang)],
        rows, kinds=["money"] * 4, label_header=t("year", lang),
        notes=sources_for(scenario, TABLE_INPUTS["municipality"]),
    ))

    # 2. operator exploitation, lines as rows, years as columns (split to fit the page)
    order = [*COST_LINES, "cost", *INCOME_LINES, "income", "result"]
    for part in chunks(len(years), year_cols):
        span = f" {years[part.start]}\u2013{years[part.stop - 1]}" if len(years) > year_cols else ""
        tables.append(Table(
            "operator", caption(t("heading_operator", lang) + span),
            [str(years[j]) for j in part],
            [Row(t(name, lang), [R[name][j] for j in part], total=name in {"cost", "income", "result"})
             for name in order],
            kinds=["money"] * len(part), label_header="",
            notes=sources_for(scenario, TABLE_INPUTS["operator"]),
        ))

    # 3. staffing at full operation
    st = result.staffing
    v = variant
    tables.append(Table(
        "staffing", caption(t("heading_staffing", lang)),
        [""],
        [
            Row(t("professional_hours_per_week", lang), [float(st["professional_hours"][v])], kind="number1"),
            Row(t("volunteer_hours_per_week", lang), [float(st["volunteer_hours"][v])], kind="number1"),
            Row(t("volunteer_share", lang), [float(st["volunteer_share"][v])], kind="percent"),
            Row(t("indicated_per_professional", lang), [float(st["indicated_per_professional"][v])], kind="number1"),
            Row(t("norm", lang), [float(st["norm"][v])], kind="number1"),
            Row(t("served_share", lang), [float(st["served_share"][v])], kind="percent"),
        ],
        kinds=["number1"],
        notes=sources_for(scenario, TABLE_INPUTS["staffing"]),
    ))
    warns = [warning_message(w, lang) for w in warnings_for(result, scenario, variant)]
    return Report(
        title=scenario.name,
        subtitle=scenario.description or "",
        headline=headline(scenario, result, lang, variant),
        tables=tables,
        warnings=warns,
        sources=sources_for(scenario),
        source_line=source_line(scenario, lang, today),
        lang=lang,
    )
