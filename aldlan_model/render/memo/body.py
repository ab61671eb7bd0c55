"""The body of the memo after its conclusion: the room's costs and income, where the saving comes
from, who pays and who saves, financing and uncertainty — each a :class:`Section` of short tables
read from the rounded ledger (the same euros as ``aldlan run``) and sentences from :mod:`.sentences`.

Several scenarios: one table with a column per scenario, not every table three times.
"""

from __future__ import annotations

import dataclasses

from aldlan_model.engine.lines import COST_LINES, INCOME_LINES
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import number, round_euros
from aldlan_model.ledger.report import Row, Table
from aldlan_model.ledger.rounded import MECHANISM_LINES, Ledger
from aldlan_model.render.memo.conditions import condition_sentences
from aldlan_model.render.memo.document import Block, Section
from aldlan_model.render.memo.financing import financing_sentences, municipality_payback
from aldlan_model.render.memo.sentences import named, opening, period, run_in
from aldlan_model.render.memo.state import Build, without_zero_rows
from aldlan_model.render.memo.uncertainty_words import chance_sentences, uncertainty_sentences
from aldlan_model.tables.positions import PAYER_ROWS, payer_label, payers_table
from aldlan_model.tables.run import funding_table

MEMO_FINANCING = {"organisation_result": "memo_fin_col_result", "cumulative_cash": "memo_fin_col_cash",
                  "net_municipality": "memo_fin_col_net", "cumulative_net_municipality": "memo_fin_col_net_cum"}
"""The four columns of the memo's year table (``aldlan run`` has all six)."""

MECHANISM_KIND = {"tariff_difference": "memo_k_reindication", "transport_avoided": "memo_k_hard",
                  "substitution": "memo_k_assumption", "replaced": "memo_k_replaced",
                  "moved_clients": "memo_k_moved", "paid": "memo_k_paid", "new_clients": "memo_k_new"}


def _years_shown(L: Ledger, start: int) -> list[int]:
    """The opening year, the target year and the last year: the exploitation in three columns."""
    return sorted({max(start, L.years[0]), L.target_year, L.years[-1]})


def _start(b: Build, i: int) -> int:
    return opening(b.items[i], b.ledgers[i])


def costs_section(b: Build) -> Section:
    """Kosten en inkomsten: the organisation's exploitation, rows without a euro left out."""
    lang = b.lang
    section = Section("costs", t("memo_h_costs", lang))
    order = [*COST_LINES, "cost", *INCOME_LINES, "income", "result"]
    totals = {"cost", "income", "result"}
    if b.several:
        year = b.ledgers[0].target_year
        cols = [it.label for it in b.items]
        rows = [Row(t(n, lang), [L.at(n, year) for L in b.ledgers], total=n in totals) for n in order]
        title = b.caption(t("memo_costs_table_several", lang, year=year))
    else:
        L = b.ledgers[0]
        years = _years_shown(L, _start(b, 0))
        cols = [str(y) for y in years]
        rows = [Row(t(n, lang), [L.at(n, y) for y in years], total=n in totals) for n in order]
        title = b.caption(t("memo_costs_table", lang))
    year = b.ledgers[0].target_year
    intro = t("memo_costs_intro_several", lang, year=year) if b.several else t("memo_costs_intro", lang)
    section.blocks.append(Block("p", intro))
    table = Table("costs", title, cols, without_zero_rows(rows), kinds=["money"] * len(cols), label_header="")
    section.blocks.append(b.table(table))
    return section


def mechanisms_section(b: Build) -> Section:
    """Waar komt de besparing vandaan: the causes (those with a euro), what each rests on, the waterfall."""
    lang = b.lang
    section = Section("mechanisms", t("memo_h_mechanisms", lang))
    section.blocks.append(Block("p", t("memo_mech_intro", lang)))
    if b.several:
        cols = [it.label for it in b.items]
        rows = [Row(t(n, lang), [L.at(n) for L in b.ledgers]) for n in MECHANISM_LINES]
        rows.append(Row(t("savings", lang), [L.at("savings") for L in b.ledgers], total=True))
        kinds = ["money"] * len(cols)
        title = b.caption(t("memo_mech_table_several", lang, year=b.ledgers[0].target_year))
        for it, L in zip(b.items, b.ledgers, strict=True):
            said = condition_sentences(L, b.voice, model=it.model)
            if said:
                section.blocks.append(Block("p", run_in(it, lang) + " " + " ".join(said)))
    else:
        L = b.ledgers[0]
        cols = [t("mechanism_amount", lang), t("memo_k_column", lang)]
        rows = [Row(t(n, lang), [L.at(n), t(MECHANISM_KIND[n], lang)]) for n in MECHANISM_LINES]
        rows.append(Row(t("savings", lang), [L.at("savings"), ""], total=True))
        kinds = ["money", "text"]
        title = b.caption(t("memo_mech_table", lang, year=L.target_year))  # the summary says what it rests on
    table = Table("mechanisms", title, cols, without_zero_rows(rows), kinds=kinds, label_header="")
    substitution = any(L.at("substitution") != 0 for L in b.ledgers)
    section.blocks.append(b.table(table, t("memo_mech_note" if substitution else "memo_mech_note_none", lang)))
    if b.several:  # the designs side by side, year by year
        fig = b.chart(b.pairs, "savings", t("memo_fig_savings", lang))
    else:  # the one design's causes, as the table has them
        fig = b.chart([b.pairs[0]], "mechanisms", t("memo_fig_mechanisms", lang, year=b.ledgers[0].target_year,
                                                      name=b.items[0].label))
    if fig is not None:
        section.blocks.append(fig)
    return section




def payers_section(b: Build) -> Section:
    """Wie betaalt, wie bespaart (MODEL.md v3 §3.8) from the ledger's ``payers_*`` lines: one room's target
    year and the period (the run's table), or the target year per scenario; then each plan's dekkingsplan."""
    lang = b.lang
    section = Section("payers", t("memo_h_payers", lang))
    year = b.ledgers[0].target_year
    section.blocks.append(Block("p", t("memo_pay_intro", lang)))
    # the total is of everyone involved, not the municipality's; "buurtkamer en projecten" only with projects
    labels = {"total": "memo_pay_total"}
    if not any(L.projects for L in b.ledgers):
        labels["organisation"] = "memo_pay_organisation"
    if b.several:  # one column per scenario, the target year (MODEL.md v3 §3.8)
        cols = [it.label for it in b.items]
        rows = [Row(payer_label(n, lang, labels), [L.at(f"payers_{n}") for L in b.ledgers]) for n in PAYER_ROWS]
        rows = without_zero_rows(rows)
        rows.append(Row(payer_label("total", lang, labels), [sum(r.values[i] for r in rows) for i in range(len(cols))],
                        total=True))
        table = Table("payers", b.caption(t("memo_pay_table", lang, year=year)), cols, rows,
                      kinds=["money"] * len(cols), label_header="")
    else:
        L = b.ledgers[0]
        title = t("memo_pay_table_one", lang, year=year, period=period(L.years[0], L.years[-1]))
        table = payers_table(L, lang, b.caption(title), labels=labels)
        shown = without_zero_rows(table.rows[:-1])  # a payer with € 0 in both columns says nothing
        table = dataclasses.replace(table, rows=[*shown, table.rows[-1]])
    section.blocks.append(b.table(table))
    for it, L in zip(b.items, b.ledgers, strict=True):
        if not L.projects:
            continue
        whole = t("period_whole", lang, first=L.years[0], last=L.years[-1])
        fund = funding_table(L, lang, b.caption(t("memo_funding_table", lang, period=whole, name=it.label)), L.years)
        section.blocks.append(b.table(fund, t("funding_note", lang)))
        fig = b.chart([(it.model, it.result)], "funding", t("memo_fig_funding", lang, name=it.label))
        if fig is not None:
            section.blocks.append(fig)
    return section


def financing_section(b: Build) -> Section:
    """Financiering: one design's result, cash and the municipality's net per year (the summary says what
    they mean); several designs: what each must lend or take from reserves, and whether it comes back."""
    lang = b.lang
    section = Section("financing", t("memo_h_financing", lang))
    if b.several:
        for i, (it, L) in enumerate(zip(b.items, b.ledgers, strict=True)):
            said = financing_sentences(L, b.voice, _start(b, i)) + municipality_payback(L, b.voice, _start(b, i))
            section.blocks.append(Block("p", run_in(it, lang) + " " + " ".join(said)))
        section.blocks.append(b.table(_period_table(b)))
        return section
    section.blocks.append(Block("p", t("memo_fin_intro", lang)))
    L = b.ledgers[0]
    start = _start(b, 0)
    rows = [Row(str(y), [L.row(n)[j] for n in MEMO_FINANCING]) for j, y in enumerate(L.years) if y >= start]
    table = Table("financing", b.caption(t("memo_fin_table", lang)), [t(h, lang) for h in MEMO_FINANCING.values()],
                  rows, kinds=["money"] * len(MEMO_FINANCING), label_header=t("year", lang))
    section.blocks.append(b.table(table))
    return section


def _period_table(b: Build) -> Table:
    """Several designs over the whole period, the figures the sentences above name: the cash at its lowest
    point, the cash at the end, and the municipality as a whole added up (a column per design)."""
    lang = b.lang
    first, last = b.ledgers[0].years[0], b.ledgers[0].years[-1]
    rows = [
        Row(t("memo_fin_row_low", lang), [-int(L.financing_need) for L in b.ledgers]),
        Row(t("memo_fin_row_end", lang, year=last), [int(L.lines["cumulative_cash"][-1]) for L in b.ledgers]),
        Row(t("memo_fin_row_whole", lang, period=period(first, last)),
            [int(L.lines["cumulative_net_municipality"][-1]) for L in b.ledgers]),
    ]
    title = b.caption(t("memo_fin_table_several", lang, period=period(first, last)))
    return Table("financing", title, [it.label for it in b.items], rows, kinds=["money"] * len(b.items),
                 label_header="")


def uncertainty_section(b: Build, draws: int) -> Section:
    """Onzekerheid: the range in words (several designs; one design's is in the summary), the inputs that
    move it most as a list, then the table."""
    lang = b.lang
    section = Section("uncertainty", t("memo_h_uncertainty", lang))
    intro = t("memo_unc_intro" if b.several else "memo_unc_intro_one", lang, draws=number(draws, lang))
    if b.several:
        section.blocks.append(Block("p", intro))
    rows = []
    for it, L, sim, sens in zip(b.items, b.ledgers, b.sims, b.sens, strict=True):
        if sim is None:
            section.blocks.append(Block("p", t("memo_unc_none", lang, name=named(it, lang))))
            continue
        said = uncertainty_sentences(sim, lang) if b.several else chance_sentences(sim, lang)
        if sens:
            said.append(t("memo_u_inputs", lang))
        lead = run_in(it, lang) if b.several else intro  # one design: the intro and these in one paragraph
        section.blocks.append(Block("p", " ".join([lead, *said])))
        section.blocks += [Block("li", x) for x in sens]
        s = sim.summary("savings")
        label = it.label if b.several else t("savings", lang)
        rows.append(Row(label, [*round_euros([s["p10"], s["p50"], s["p90"]]), L.at("savings")]))
    if rows:
        cols = [t("memo_unc_p10", lang), t("memo_unc_p50", lang), t("memo_unc_p90", lang), t("memo_unc_point", lang)]
        year = b.ledgers[0].target_year
        table = Table("uncertainty", b.caption(t("memo_unc_table", lang, year=year)), cols, rows,
                      kinds=["money"] * 4, label_header="")
        section.blocks.append(b.table(table, t("memo_unc_note", lang)))
    return section
