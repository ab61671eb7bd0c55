"""Build the report of one run: headline, tables and notes, as raw values (no formatting
of numbers except in headline sentences, which are text by nature)."""

from __future__ import annotations

import datetime as _dt
import os

import numpy as np

from aldlan_model import __version__
from aldlan_model.engine.lines import COST_LINES, INCOME_LINES, Result
from aldlan_model.engine.params import flatten
from aldlan_model.engine.room import input_in_year
from aldlan_model.engine.warnings import warnings_for
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, number, percent
from aldlan_model.io.loader import overrides_of, source_file
from aldlan_model.io.notes import note_texts
from aldlan_model.ledger.report import Report, Row, Table
from aldlan_model.ledger.rounded import MECHANISM_LINES, Ledger, ledger, room_ledger
from aldlan_model.model.errors import UsageError
from aldlan_model.model.scenario import Scenario
from aldlan_model.tables.positions import (
    full_operation_headline,
    payers_table,
    present_value_headline,
    present_value_table,
)
from aldlan_model.tables.sources import Notes, long_date, shown_path, source_notes
from aldlan_model.tables.warnings import warning_texts

TABLE_INPUTS = {
    "municipality": ("tariffs", "transport", "municipality", "participants", "ramp_up",
                     "indexation.tariffs", "opening.weeks_per_year", "locations"),
    "operator": ("staff", "costs", "income", "tariffs.buurtkamer", "indexation", "participants",
                 "opening.weeks_per_year", "ramp_up", "locations"),
    "staffing": ("staff", "norms", "participants", "opening"),
}


def report_date(today: _dt.date | None = None) -> _dt.date:
    """The date printed on reports: ``today``, else ``$ALDLAN_TODAY`` (YYYY-MM-DD, for
    reproducible documents and tests), else the system date."""
    if today is not None:
        return today
    fixed = os.environ.get("ALDLAN_TODAY", "").strip()
    if not fixed:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(fixed)
    except ValueError:
        from aldlan_model.i18n.messages import msg

        raise UsageError(msg("today_bad", got=repr(fixed))) from None


def table_source(names: list[str], lang: str, today: _dt.date | None = None) -> str:
    """The line under a table a reader sees: whose calculation, with which scenario(s), when — no file
    names or versions (those are in the report's last line)."""
    quoted = ", ".join(f"\u2018{n}\u2019" for n in names)
    key = "table_source_line" if len(names) == 1 else "table_source_line_several"
    return t(key, lang, names=quoted, date=long_date(report_date(today), lang))


def source_line(scenario: Scenario, lang: str, today: _dt.date | None = None) -> str:
    today = report_date(today)
    line = t("source_line", lang, name=scenario.name, file=shown_path(source_file(scenario)),
             version=__version__, date=long_date(today, lang))
    changed = overrides_of(scenario)
    if changed:
        line += "; " + t("with_overrides", lang, overrides=", ".join(changed))
    return line


def chunks(n: int, size: int) -> list[range]:
    return [range(i, min(n, i + size)) for i in range(0, n, size)]


def balanced_chunks(n: int, size: int) -> list[range]:
    """As few parts of at most ``size`` as :func:`chunks`, but of (nearly) equal length:
    7 years in parts of 6 become 4 + 3, not 6 + 1."""
    parts = max(1, -(-n // max(1, size)))
    out, start = [], 0
    for i in range(parts):
        length = n // parts + (1 if i < n % parts else 0)
        if length:
            out.append(range(start, start + length))
        start += length
    return out


def rounded_lines(result: Result, variant: int = 0) -> dict[str, list[int]]:
    """Every money line per year in whole euros, from the one rounded ledger (MODEL.md §4.1):
    base lines rounded once, every total, result and saving derived from them by addition."""
    L = ledger(result, variant)
    return {name: L.row(name) for name in L.lines}


def headline(scenario: Scenario, result: Result, lang: str, variant: int = 0) -> list[tuple[str, str]]:
    tg = result.target
    year = int(tg["year"][variant])
    needed = tg["locations_needed"][variant]
    reached = int(tg["first_year_reached"][variant])
    L = ledger(result, variant)  # the same euros as the tables below
    amount = float(tg["amount"][variant])
    savings, hard = L.at("savings"), L.at("savings_hard")
    needed_hard = tg["locations_needed_hard"][variant]
    hard_text = (t("of_target_no_rooms", lang, share=percent(hard / amount, lang)) if np.isnan(needed_hard)
                 else t("of_target_rooms", lang, share=percent(hard / amount, lang), rooms=number(needed_hard, lang)))
    out = [
        (t("target", lang) + f" {year}", money(amount, lang)),
        (t("savings", lang) + f" {year}",
         f"{money(savings, lang)} ({percent(savings / amount, lang)} " + t("of_target", lang) + ")")
        if savings >= 0 else (t("extra_costs", lang) + f" {year}", money(-savings, lang)),
        (t("savings_hard_headline", lang, year=year), f"{money(hard, lang)} ({hard_text})") if hard >= 0 else
        (t("extra_costs_hard", lang, year=year), money(-hard, lang)),
        (t("locations", lang), str(int(result.table["locations"].iloc[variant]))),
        (t("locations_needed", lang), t("not_applicable", lang) if np.isnan(needed) else number(needed, lang)),
        (t("first_year_target_reached", lang), str(reached) if reached > 0 else t("never_within_period", lang)),
        (t("result_target_year", lang) + f" ({year})", money(L.at("result"), lang)),
        (financing_label(L, lang), financing_sentence(L, lang)),
    ]
    full = full_operation_headline(L, int(tg["full_operation_year"][variant]), lang)
    if full is not None:  # a room that opens late still ramps up in the target year
        out.insert(3, full)
    if "pv_savings" in tg:
        out.append(present_value_headline(tg, L.years, lang, variant))
    cpd = tg["cost_per_dagdeel"][variant]
    if np.isfinite(cpd):  # the operator's full cost of a participant-dagdeel against the tariffs it is paid
        text = money(cpd, lang, 2)
        try:  # the ZIN tariffs of the target year as the rules read them (a dated tariff deflated), as the cost is
            room, regular = (input_in_year(result, f"tariffs.{side}.zin", "tariffs", year, variant)
                             for side in ("buurtkamer", "baseline"))
        except (KeyError, ValueError):  # a result without its inputs' columns: the cost alone
            room = regular = None
        if room is not None and regular is not None:
            text += " (" + t("cost_per_dagdeel_against", lang, room=money(room, lang, 2),
                             regular=money(regular, lang, 2)) + ")"
        out.append((t("cost_per_dagdeel", lang), text))
    if result.projects:
        out += [
            (t("position_wmo", lang, year=year), money(savings, lang)),
            (t("position_net", lang, year=year), money(L.at("net_municipality"), lang)),
        ]
    return out


def financing_label(L: Ledger, lang: str) -> str:
    """The headline's name for the need: bridge financing only when the cash comes back (MODEL.md v3 §3.5)."""
    return t("financing_need" if L.financing_recovered else "financing_need_unrecovered", lang)


def financing_sentence(L: Ledger, lang: str) -> str:
    """"The organisation needs € X of bridge financing; the municipality has its money back in Y" — or, when
    the cumulative cash is still below 0 in the last year, that the loss is not recovered within the period."""
    cum = L.lines["cumulative_net_municipality"]
    payback = L.payback_year()
    if payback is None:
        when = t("financing_payback_never", lang)
    elif (cum >= 0).all():
        when = t("payback_never_waits", lang)
    else:
        when = t("financing_payback_in", lang, year=str(payback))
    if L.financing_need <= 0:
        return t("financing_sentence_none", lang, payback=when)
    if not L.financing_recovered:
        return t("financing_sentence_unrecovered", lang, need=money(L.financing_need, lang),
                 payback=when)
    return t("financing_sentence", lang, need=money(L.financing_need, lang), payback=when)


def run_report(
    scenario: Scenario, result: Result, lang: str = "nl", *, year_cols: int = 6,
    variant: int = 0, today: _dt.date | None = None, sources: str = "short",
) -> Report:
    """The report of ``aldlan run``: headline, tables, warnings once, and the sources as numbered notes
    (``sources``: none, short or full)."""
    years = [int(y) for y in result.years]
    R = rounded_lines(result, variant)
    notes = source_notes(scenario, lang, sources)
    tables: list[Table] = []
    n = 1

    def caption(title: str) -> str:
        nonlocal n
        text = t("caption", lang, n=n, title=f"{title}, {scenario.name}")
        n += 1
        return text

    # 1. municipality, a row per year
    M = ("baseline", "scenario", "savings", "cumulative_savings")
    rows = [
        Row(str(y), [R[m][j] for m in M], kind=None)
        for j, y in enumerate(years)
    ]
    rows.append(Row(t("total", lang), [sum(R["baseline"]), sum(R["scenario"]), sum(R["savings"]), None], total=True))
    tables.append(Table(
        "municipality", caption(t("heading_municipality", lang)),
        [t("baseline", lang), t("scenario", lang), t("savings", lang), t("cumulative_savings", lang)],
        rows, kinds=["money"] * 4, label_header=t("year", lang),
        notes=notes.cite(TABLE_INPUTS["municipality"], lang),
    ))

    L = ledger(result, variant)
    ty = int(result.target["year"][variant])
    tables.append(mechanisms_table(L, lang, caption(t("heading_mechanisms", lang, year=ty)), notes))

    # 2. operator exploitation, lines as rows, years as columns (split to fit the page)
    order = [*COST_LINES, "cost", *INCOME_LINES, "income", "result"]
    for part in balanced_chunks(len(years), year_cols):
        first_y, last_y = years[part.start], years[part.stop - 1]
        span = "" if len(years) <= year_cols else f" {first_y}" if first_y == last_y else f" {first_y}\u2013{last_y}"
        tables.append(Table(
            "operator", caption(t("heading_operator", lang) + span),
            [str(years[j]) for j in part],
            [Row(t(name, lang), [R[name][j] for j in part], total=name in {"cost", "income", "result"})
             for name in order],
            kinds=["money"] * len(part), label_header="",
            notes=notes.cite(TABLE_INPUTS["operator"], lang),
        ))

    tables.append(payers_table(L, lang, caption(t("heading_payers", lang))))
    tables.append(financing_table(L, lang, caption(t("heading_financing", lang))))
    if "pv_savings" in result.target:
        tables.append(present_value_table(result.target, years, lang, caption, variant))
    if result.projects:
        tables.append(funding_table(L, lang, caption(t("heading_funding", lang, period=str(ty))), [ty], notes))
        whole = t("period_whole", lang, first=years[0], last=years[-1])
        tables.append(funding_table(L, lang, caption(t("heading_funding", lang, period=whole)), years, notes))

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
            # with no indicated participants there is nobody to serve: "–", not 100 %
            Row(t("served_share", lang), [float(st["served_share"][v]) if st["demand"][v] > 0 else None],
                kind="percent"),
        ],
        kinds=["number1"],
        notes=notes.cite(TABLE_INPUTS["staffing"], lang),
    ))
    rooms = getattr(scenario, "locations", None)
    if isinstance(rooms, list) and result.parts:
        tables.append(locations_table(rooms, result, lang, caption(t("heading_locations", lang))))
    warns = warning_texts(warnings_for(result, scenario, variant), result, lang, variant)
    warns = [*note_texts(scenario, lang), *warns]  # values that are valid but probably mistakes (34.500)
    return Report(
        title=scenario.name,
        subtitle=scenario.description or "",
        headline=headline(scenario, result, lang, variant),
        tables=tables,
        warnings=warns,
        sources=notes.lines(lang),
        source_line=source_line(scenario, lang, today),
        table_source=table_source([scenario.name], lang, today),
        lang=lang,
        extra={"inputs": inputs_for(scenario, lang), "notes": notes},
    )


MECHANISM_INPUTS = ("tariffs", "transport", "municipality", "participants", "ramp_up", "indexation.tariffs",
                    "opening.weeks_per_year")
MECHANISM_KIND = {"tariff_difference": "mechanism_reindication", "transport_avoided": "mechanism_hard",
                  "new_clients": "mechanism_paid", "substitution": "mechanism_soft", "replaced": "mechanism_hard",
                  "moved_clients": "mechanism_hard", "paid": "mechanism_paid"}
MECHANISM_LABEL = {"tariff_difference": "tariff_difference_reindication"}  # the saving that needs re-indication


def mechanisms_table(L: Ledger, lang: str, title: str, notes: Notes | None = None, year: int | None = None) -> Table:
    """Where the saving comes from in the target year (or ``year``): the seven mechanisms of MODEL.md v3 §3.4
    as rows, those at € 0 named in a note instead; the saving is the sum of the rows shown."""
    y = L.target_year if year is None else int(year)
    shown = [name for name in MECHANISM_LINES if L.at(name, y)]
    zero = [name for name in MECHANISM_LINES if name not in shown]
    rows = [Row(t(MECHANISM_LABEL.get(name, name), lang), [L.at(name, y), t(MECHANISM_KIND[name], lang)])
            for name in shown]
    rows.append(Row(t("savings", lang), [sum(L.at(name, y) for name in shown), ""], total=True))
    rows.append(Row(t("savings_hard", lang), [L.at("savings_hard", y), t("mechanism_hard", lang)]))
    text = [t("mechanisms_note", lang)]
    if "tariff_difference" in shown:
        text.append(t("mechanisms_reindication_note", lang))
    if "new_clients" in shown:
        text.append(t("mechanisms_new_clients_note", lang))
    if zero:
        text.append(t("mechanisms_zero_note", lang, zero=money(0, lang), year=y,
                      names=", ".join(t(name, lang) for name in zero)))
    return Table("mechanisms", title, [t("mechanism_amount", lang), t("mechanism_kind", lang)], rows,
                 kinds=["money", "text"], label_header="",
                 notes=[*text, *(notes.cite(MECHANISM_INPUTS, lang) if notes else [])])


FINANCING_LINES = ("organisation_result", "cumulative_result", "cash", "cumulative_cash", "net_municipality",
                   "cumulative_net_municipality")


def financing_table(L: Ledger, lang: str, title: str) -> Table:
    """Per year: the organisation's result, its cash (v3 §3.5) and their running sums, the municipality's net and
    its running sum."""
    rows = [Row(str(y), [L.row(name)[j] for name in FINANCING_LINES]) for j, y in enumerate(L.years)]
    return Table("financing", title, [t(f"fin_{name}", lang) for name in FINANCING_LINES], rows,
                 kinds=["money"] * len(FINANCING_LINES), label_header=t("year", lang),
                 notes=[t("financing_cash_note", lang),
                        financing_sentence(L, lang)])


def funding_table(L: Ledger, lang: str, title: str, years: list[int], notes: Notes | None = None) -> Table:
    """The dekkingsplan: per project and for the room, cost, funding by budget and result over ``years``."""
    idx = [L.years.index(y) for y in years]

    def total(arr) -> int:
        return int(sum(arr[j] for j in idx))

    # the room's income by whose money it is (MODEL.md v3 §2.9): rent from a municipal service is
    # municipal money here as in "wie betaalt" and the municipality's net, not external
    room = [total(L.lines["cost"]),
            total(L.lines["income_zin"]) + total(L.lines["income_pgb"]) + total(L.lines["subsidy"])
            + total(L.lines["income_other_wmo"]),
            total(L.lines["income_other_municipal"]),
            total(L.lines["income_contribution"]) + total(L.lines["income_other_external"])]
    room.append(room[1] + room[2] + room[3] - room[0])
    rows = [Row(t("funding_room", lang), room)]
    for name, d in L.projects:
        vals = [total(d["cost"]), total(d["wmo"]), total(d["municipal"]), total(d["external"])]
        vals.append(vals[1] + vals[2] + vals[3] - vals[0])
        rows.append(Row(name, vals))
    rows.append(Row(t("total", lang), [sum(r.values[i] for r in rows) for i in range(5)], total=True))
    cols = ["funding_cost", "funding_wmo", "funding_municipal", "funding_external", "funding_result"]
    return Table("funding", title, [t(c, lang) for c in cols], rows, kinds=["money"] * 5, label_header="",
                 notes=[t("funding_note", lang), *(notes.cite(("projects",), lang) if notes else [])])


def inputs_for(scenario: Scenario, lang: str = "nl") -> list[dict[str, object]]:
    """Every numeric input that was written: a readable label, the path, point value, low/mode/high,
    its kind (money, fraction, year, int, number) and source (for spreadsheets)."""
    from aldlan_model.engine.params import NOT_SET
    from aldlan_model.i18n.labels_inputs import input_kind, input_label

    rooms = getattr(scenario, "locations", None)
    plan_rooms = sum(r.count for r in rooms) if isinstance(rooms, list) else None  # a plan: all its rooms

    def value(path: str, point: float) -> float:
        return float(plan_rooms) if path == "locations" and plan_rooms is not None else point

    return [
        {"label": input_label(path, lang, scenario), "path": path, "kind": input_kind(path),
         "value": value(path, num.point), "low": num.low, "mode": num.mode, "high": num.high,
         "source": num.source or ""}
        for path, num in flatten(scenario).items()
        if not (num.point == NOT_SET and not num.source)
    ]


def shares_to_total(parts: list[int], decimals: int = 3) -> list[float]:
    """Shares of a total, rounded (largest remainder) so the shown shares add up exactly."""
    total = sum(parts)
    if total == 0:
        return [0.0] * len(parts)
    unit = 10**decimals
    raw = [p * unit / total for p in parts]
    floors = [int(np.floor(x)) for x in raw]
    left = unit - sum(floors)
    order = sorted(range(len(raw)), key=lambda i: raw[i] - floors[i], reverse=True)
    for i in order[: max(0, left)]:
        floors[i] += 1
    return [f / unit for f in floors]


def locations_table(rooms: list, result: Result, lang: str, title: str) -> Table:
    """A plan's rooms: savings in the target year, share of the plan, result, warnings."""
    j = result.year_index(int(result.target["year"][0]))
    # each room's lines as the plan's ledger adds them (rounded per room, then × count): the total is the plan's
    savings = [int(room_ledger(part).lines["savings"][j]) for part in result.parts]
    results = [int(room_ledger(part).lines["result"][j]) for part in result.parts]
    shares = shares_to_total(savings) if all(x >= 0 for x in savings) else [
        x / sum(savings) if sum(savings) else 0.0 for x in savings]
    n_warn = [len(warnings_for(part, room.scenario)) for room, part in zip(rooms, result.parts, strict=True)]
    rows = [
        Row(room.name, [room.count, savings[i], shares[i], results[i], n_warn[i]])
        for i, room in enumerate(rooms)
    ]
    rows.append(Row(t("total", lang), [sum(r.count for r in rooms), sum(savings), sum(shares) if all(
        x >= 0 for x in savings) else None, sum(results), sum(n_warn)], total=True))
    year = int(result.target["year"][0])
    return Table(
        "locations", title,
        [t("count", lang), f"{t('savings', lang)} {year}", t("share_of_plan", lang), f"{t('result', lang)} {year}",
         t("warnings_count", lang)],
        rows, kinds=["int", "money", "percent", "money", "int"], label_header=t("location", lang),
    )
