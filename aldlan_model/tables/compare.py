"""The report of ``aldlan compare``: one column per scenario, the best value per row marked.

Money cells are whole euros taken from :func:`~aldlan_model.tables.run.rounded_lines`, so a
column shows exactly what ``aldlan run`` shows for that scenario; ``Row.raw`` keeps the
unrounded values. Tables have at most 6 scenario columns (7 with the labels, for A4).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from aldlan_model import __version__
from aldlan_model.analysis.compare import Column, Comparison, figures
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money
from aldlan_model.io.notes import note_texts
from aldlan_model.ledger.report import Report, Row, Table
from aldlan_model.ledger.rounded import ledger
from aldlan_model.tables.positions import PAYER_ROWS, present_values
from aldlan_model.tables.run import chunks, report_date, rounded_lines, table_source
from aldlan_model.tables.sources import long_date, merged_notes, shown_path
from aldlan_model.tables.termfit import FIT, fit_parts, take
from aldlan_model.tables.warnings import warning_texts

MAX_COLUMNS = 6  # scenario columns per table; with the label column 7, the most an A4 page holds

# (figure, cell kind, which value is best: "max", "min" or None where "best" means nothing)
ROWS: tuple[tuple[str, str, str | None], ...] = (
    ("baseline", "money", None),
    ("scenario", "money", None),
    ("savings", "money", "max"),
    ("savings_hard", "money", "max"),
    ("share", "percent", "max"),
    ("share_hard", "percent", "max"),
    ("locations_needed", "int", "min"),
    ("locations_needed_hard", "int", "min"),
    ("net_municipality", "money", "max"),
    ("projects_cost", "money", None),
    ("cost", "money", None),
    ("income", "money", None),
    ("subsidy", "money", None),
    ("result", "money", "max"),
    ("financing_need", "money", "min"),
    ("financing_recovered", "text", None),  # v3 §3.5: a bridge only when the cash comes back
    ("payback_year", "year", None),
    ("pv_savings", "money", "max"),  # v3 §3.7
    ("pv_net_municipality", "money", "max"),
    *((f"payers_{name}", "money", None) for name in (*PAYER_ROWS, "total")),  # v3 §3.8, in the comparison year
    ("cost_per_dagdeel", "money2", "min"),
    ("professional_hours", "number1", None),
    ("volunteer_hours", "number1", None),
    ("volunteer_share", "percent", None),
    ("served_share", "percent", "max"),
    ("warnings", "int", None),  # fewer warnings is not "better": a warning can be a mere note
)
MONEY = {"baseline", "scenario", "savings", "cost", "income", "subsidy", "result", "savings_hard",
         "net_municipality", "projects_cost", *(f"payers_{name}" for name in (*PAYER_ROWS, "total"))}
TARGET_RELATIVE = {"share", "share_hard", "locations_needed", "locations_needed_hard"}


def best_column(values: list[Any], how: str | None) -> int | None:
    """The one column with the best value; None when nothing is best (ties at the top, no values)."""
    present = [(v, i) for i, v in enumerate(values) if v is not None]
    if how is None or len(present) < 2:
        return None
    top = max(v for v, _ in present) if how == "max" else min(v for v, _ in present)
    winners = [i for v, i in present if v == top]
    return winners[0] if len(winners) == 1 else None


def _rows(comparison: Comparison, lang: str) -> tuple[list[Row], dict[int, int]]:
    year = comparison.year
    cols = comparison.columns
    raw = [figures(c, year) for c in cols]
    ledgers = [ledger(c.result) for c in cols]
    rounded = [{name: L.row(name) for name in L.lines} for L in ledgers]
    js = [c.result.year_index(year) for c in cols]
    same_target = len({(float(c.result.target["amount"][0]), int(c.result.target["year"][0])) for c in cols}) == 1
    rows: list[Row] = []
    best: dict[int, int] = {}
    for key, kind, how in ROWS:
        raws = [f[key] for f in raw]
        if key in MONEY:
            shown: list[Any] = [r[key][j] for r, j in zip(rounded, js, strict=True)]
        elif key == "financing_need":
            shown = [L.financing_need for L in ledgers]
        elif key == "payback_year":
            shown = [L.payback_year() for L in ledgers]
        elif key == "financing_recovered":
            shown = [t("cmp_yes" if L.financing_recovered else "cmp_no", lang) for L in ledgers]
        elif key.startswith("pv_"):
            shown = [present_values(c.result.target)[key[3:]] for c in cols]
        elif kind == "int":
            shown = [None if v is None else int(v) for v in raws]
        else:
            shown = raws
        if key in TARGET_RELATIVE and not same_target:
            how = None  # "better" means nothing between different targets
        b = best_column(shown, how)
        if b is not None:
            best[len(rows)] = b
        # every format shows the ledger's euros (MODEL.md §4.1); other figures as computed
        label = t("cmp_" + key, lang)
        negative = any(isinstance(v, int | float) and v < 0 for v in shown)
        if key in ("share", "share_hard") and negative:  # the glossary: a negative saving is extra cost
            label += t("cmp_negative_extra", lang)
        if key in ("savings", "savings_hard") and negative:  # each such cell says so: "meerkosten € 16.231"
            rows.append(Row(label, extra_costs(shown, lang), kind=kind, raw=shown))
            continue
        rows.append(Row(label, shown, kind=kind, raw=None if shown is not raws else raws))
    for upto in sorted({year, comparison.horizon}):
        cum = [r["cumulative_savings"][c.result.year_index(upto)] for r, c in zip(rounded, cols, strict=True)]
        rows.append(Row(t("cmp_foregone", lang, year=upto), [cum[0] - x for x in cum], kind="money",
                        ))
    return rows, best


def extra_costs(values: list[Any], lang: str) -> list[Any]:
    """Savings as a reader says them: a negative one as "meerkosten € 16.231" (MODEL.md's glossary), the
    others as they are; spreadsheets keep the signed euros (``Row.raw``)."""
    return [t("cmp_extra_cost", lang, amount=money(-v, lang)) if isinstance(v, int | float) and v < 0 else v
            for v in values]


def _split(tb: Table, lang: str, columns: int, width: int | None) -> list[Table]:
    """``tb`` in parts of ``columns`` scenarios, or as many as fit ``width`` terminal columns
    (at most ``MAX_COLUMNS``); ★ marks move with their column."""
    parts = fit_parts(tb, lang, width, MAX_COLUMNS) if width is not None else chunks(len(tb.columns), columns)
    if len(parts) <= 1:
        return [tb]
    return [take(tb, part, title=t("table_part", lang, title=tb.title, i=k, n=len(parts)))
            for k, part in enumerate(parts, start=1)]


def _years_rows(comparison: Comparison, lang: str) -> list[Row]:
    cols = comparison.columns
    years = range(min(c.scenario.first for c in cols), max(c.scenario.last for c in cols) + 1)
    rounded = [rounded_lines(c.result)["savings"] for c in cols]
    rows = []
    for y in years:
        vals = [r[y - c.scenario.first] if c.scenario.first <= y <= c.scenario.last else None
                for r, c in zip(rounded, cols, strict=True)]
        rows.append(Row(str(y), vals))
    totals = [sum(r.values[i] for r in rows if r.values[i] is not None) for i in range(len(cols))]
    rows.append(Row(t("total", lang), totals, total=True))
    return rows


def _legend(c: Column, lang: str) -> str:
    if not c.variant.overrides:
        return c.scenario.name
    return t("compare_legend_overrides", lang, name=c.scenario.name, overrides=", ".join(c.variant.overrides))


def compare_report(comparison: Comparison, lang: str = "nl", *, years: bool = False,
                   today: _dt.date | None = None, columns: int = MAX_COLUMNS, width: int | None = None,
                   sources: str = "short") -> Report:
    """The comparison; ``columns`` scenarios per table (spreadsheets may ask for all in one), or with
    ``width`` (or ``columns=FIT``, then 80) as many as a terminal that wide shows whole."""
    if columns == FIT and width is None:
        width = 80
    cols = comparison.columns
    labels = [c.label for c in cols]
    rows, best = _rows(comparison, lang)
    notes = merged_notes([(c.label, c.scenario) for c in cols], lang, sources)
    cite = notes.cite(None, lang)
    # the definition of foregone savings goes with the other explanations, above the tables
    subtitle = [t("compare_subtitle", lang, year=comparison.year),
                t("compare_foregone_note", lang, first=labels[0])]
    if comparison.global_overrides:
        subtitle.append(t("compare_global", lang, overrides=", ".join(comparison.global_overrides)))
    if len(set(comparison.target_years)) > 1:
        subtitle.append(t("compare_target_years", lang, year=comparison.year,
                          years=", ".join(str(y) for y in comparison.target_years)))
    star_note = [t("compare_star_note", lang)] if best else []
    main = Table("compare", t("compare_table", lang, year=comparison.year), labels, rows,
                 kinds=["money"] * len(labels), notes=[*star_note, *cite], best=best)
    tables = _split(main, lang, columns, width)
    if years:
        rows = _years_rows(comparison, lang)
        negative = any(isinstance(v, int | float) and v < 0 for r in rows for v in r.values)
        per_year = Table("compare_years", t("compare_years_table", lang), labels, rows,
                         kinds=["money"] * len(labels), label_header=t("year", lang),
                         notes=[t("compare_years_negative", lang)] if negative else [])
        tables += _split(per_year, lang, columns, width)
    for n, tb in enumerate(tables, start=1):
        tb.title = t("caption", lang, n=n, title=tb.title)
    files = list(dict.fromkeys(c.variant.file for c in cols))
    return Report(
        title=t("compare_title", lang),
        subtitle=" ".join(subtitle),
        headline=[(c.label, _legend(c, lang)) for c in cols],
        tables=tables,
        warnings=[f"{c.label}: {text}" for c in cols
                  for text in [*note_texts(c.scenario, lang), *warning_texts(c.warnings, c.result, lang)]],
        sources=notes.lines(lang),
        source_line=t("compare_source_line", lang, files=", ".join(shown_path(f) for f in files),
                      version=__version__, date=long_date(report_date(today), lang)),
        table_source=table_source([c.scenario.name for c in cols], lang, today),
        lang=lang,
    )
