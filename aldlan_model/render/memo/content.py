"""``aldlan report``: one memo (notitie) a board can attach to a letter to the council.

:func:`build_memo` gathers the content once, in the report's language, one function per section:
a summary in plain sentences generated from the rounded ledger (:mod:`.sentences`, the same euros
as every table), the comparison (:func:`~aldlan_model.tables.compare.compare_report`), where the
saving comes from and the financing (the tables of :func:`~aldlan_model.tables.run.run_report`),
the uncertainty (a fixed-seed Monte Carlo, :func:`aldlan_model.uncertainty.simulate.simulate`),
two charts, the sources as numbered notes (once) and the Verantwoording (read by :mod:`.document`).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass
from typing import Any

from aldlan_model import __version__
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, number, percent
from aldlan_model.ledger.report import Report, Row, Table
from aldlan_model.ledger.rounded import Ledger, ledger
from aldlan_model.render.memo.document import Block, Memo, MemoItem, Section, markdown_blocks, method_text
from aldlan_model.render.memo.sentences import (
    financing_sentences,
    join_and,
    lower_first,
    range_phrase,
    summary_paragraphs,
)
from aldlan_model.render.safetext import clean, clean_report
from aldlan_model.tables.run import MECHANISM_INPUTS, report_date, run_report
from aldlan_model.tables.sources import Notes, long_date, merged_notes, shown_path

DRAWS = 20_000
SEED = 1


def _caption(n: int, title: str, lang: str) -> str:
    return t("caption", lang, n=n, title=title)


def _bare_title(title: str, n: int, lang: str) -> str:
    """A title captioned "Tabel n – " by a report builder, without that prefix."""
    prefix = _caption(n, "", lang)
    return title[len(prefix):] if title.startswith(prefix) else title


def _table_source(item: MemoItem, lang: str, today: _dt.date) -> str:
    line = t("memo_table_source", lang, label=item.label, file=shown_path(item.file), version=__version__,
             date=long_date(today, lang))
    if item.overrides:
        line += "; " + t("with_overrides", lang, overrides=", ".join(item.overrides))
    return line


def _recited(table: Table, own: Notes, merged: Notes, prefixes: tuple[str, ...], lang: str) -> Table:
    """``table`` citing the merged notes of a comparison instead of its own scenario's numbers."""
    number_of = {note.source: note.number for note in merged.notes}
    mapped = {note.number: number_of.get(note.source) for note in own.notes}
    by_path = {path: mapped[n] for path, n in own.by_path.items() if mapped.get(n) is not None}
    new = Notes(merged.mode, merged.notes, by_path).cite(prefixes, lang)
    old = own.cite(prefixes, lang)
    notes = [x for x in table.notes if x not in old] + new
    return dataclasses.replace(table, notes=notes)


def uncertainty_table(item: MemoItem, sim: Any, L: Ledger, lang: str, title: str) -> Table:
    """P10, median and P90 against the point value (the tables' euros) of three figures."""
    rows = []
    for name, point in (("savings", L.at("savings")), ("savings_hard", L.at("savings_hard")),
                        ("financing_need", L.financing_need)):
        s = sim.summary(name)
        rows.append(Row(t(name, lang), [round(s["p10"]), round(s["p50"]), round(s["p90"]), point],
                        raw=[s["p10"], s["p50"], s["p90"], point]))
    cols = [t("memo_unc_p10", lang), t("memo_unc_p50", lang), t("memo_unc_p90", lang), t("memo_unc_point", lang)]
    return Table("uncertainty", title, cols, rows, kinds=["money"] * 4, label_header="")


@dataclass
class _Build:
    """What every section of one memo draws on, and the running numbers of its tables and figures."""

    items: list[MemoItem]
    lang: str
    today: _dt.date
    charts: bool
    reports: list[Report]
    ledgers: list[Ledger]
    merged: Notes | None
    sims: list[Any] = dataclasses.field(default_factory=list)
    tables: int = 0
    figures: int = 0

    @property
    def several(self) -> bool:
        return len(self.items) > 1

    @property
    def pairs(self) -> list[tuple[Any, Any]]:
        return [(it.model, it.result) for it in self.items]

    def caption(self, title: str) -> str:
        """The next table's numbered title."""
        self.tables += 1
        return _caption(self.tables, title, self.lang)

    def figure(self, png: bytes, title: str) -> Block:
        """A picture with the next figure's numbered caption."""
        self.figures += 1
        return Block("figure", t("memo_figure", self.lang, n=self.figures, title=title), image=png)

    def table_source(self, item: MemoItem) -> str:
        return _table_source(item, self.lang, self.today)


def _table_of(report: Report, key: str) -> Table:
    return next(tb for tb in report.tables if tb.key == key)


def build_memo(
    items: list[MemoItem], lang: str = "nl", *, comparison: Any = None, today: _dt.date | None = None,
    draws: int = DRAWS, seed: int = SEED, charts: bool = True,
) -> Memo:
    """The memo of ``items`` (one or more scenarios or plans); ``comparison`` is the
    :class:`~aldlan_model.analysis.compare.Comparison` of the same items when there are several."""
    today = report_date(today)
    several = len(items) > 1
    b = _Build(items, lang, today, charts,
               reports=[run_report(it.model, it.result, lang, today=today) for it in items],
               ledgers=[ledger(it.result) for it in items],
               merged=merged_notes([(it.label, it.model) for it in items], lang) if several else None)
    sections = [_summary_section(b, draws, seed)]
    compared, sources = _compare_section(b, comparison)
    sections += compared
    sections += [_mechanisms_section(b), _financing_section(b), _uncertainty_section(b, draws, seed),
                 _sources_section(b, sources),
                 Section("method", t("memo_h_method", lang), markdown_blocks(method_text(lang)))]
    date = long_date(today, lang)
    memo = Memo(lang, t("memo_kind", lang), t("memo_title", lang), date, _meta(b, date), sections)
    return _cleaned(memo)


def _summary_section(b: _Build, draws: int, seed: int) -> Section:
    """Samenvatting: the sentences of each item, the best of several, the uncertainty, the savings chart."""
    lang = b.lang
    summary = Section("summary", t("memo_h_summary", lang))
    for it in b.items:
        groups = summary_paragraphs(it, lang)
        paragraphs = [" ".join(p) for p in groups if p]
        if b.several:  # one paragraph per scenario (its mechanisms follow in their own section)
            paragraphs = [" ".join(groups[0] + groups[2])]
        summary.blocks += [Block("p", p) for p in paragraphs]
    summary.blocks += _best_blocks(b)
    b.sims = [_simulate(it, draws, seed) for it in b.items]
    summary.blocks += _uncertainty_summary(b)
    summary.blocks.append(Block("p", t("memo_see_method", lang)))
    if b.charts:
        from aldlan_model.render.charts.draw import render_chart

        summary.blocks.append(b.figure(render_chart(b.pairs, "savings", lang, "png"), t("memo_fig_savings", lang)))
    return summary


def _best_blocks(b: _Build) -> list[Block]:
    """The design that saves most, when several are held to the same target and one saves most."""
    items, ledgers = b.items, b.ledgers
    targets = {(float(it.result.target["amount"][0]), int(it.result.target["year"][0])) for it in items}
    if not (b.several and len(targets) == 1):  # "saves most" only between designs held to the same target
        return []
    best = max(range(len(items)), key=lambda i: ledgers[i].at("savings"))
    if sum(1 for L in ledgers if L.at("savings") == ledgers[best].at("savings")) != 1:
        return []
    return [Block("p", t("memo_best", b.lang, label=items[best].label, year=ledgers[best].target_year,
                         amount=money(ledgers[best].at("savings"), b.lang)))]


def _uncertainty_summary(b: _Build) -> list[Block]:
    """The range of the saving: in full for one item, a phrase per item for several."""
    lang = b.lang
    drawn = [(it, sim) for it, sim in zip(b.items, b.sims, strict=True) if sim is not None]
    if len(drawn) == 1 and not b.several:
        sim = drawn[0][1]
        return [Block("p", t(
            "memo_unc_sentence", lang, year=sim.year, saving=range_phrase(sim.summary("savings"), lang),
            hard=range_phrase(sim.summary("savings_hard"), lang), chance=percent(sim.p_target, lang)))]
    if drawn:
        parts = [t("memo_unc_part", lang, label=it.label, phrase=range_phrase(sim.summary("savings"), lang))
                 for it, sim in drawn]
        return [Block("p", t("memo_unc_several", lang, year=drawn[0][1].year, parts=join_and(parts, lang)))]
    return []


def _compare_section(b: _Build, comparison: Any) -> tuple[list[Section], list[str]]:
    """Vergelijking (several items with their comparison), and the source notes of the memo."""
    from aldlan_model.tables.compare import compare_report

    if not (b.several and comparison is not None):
        return [], b.reports[0].sources
    cmp = compare_report(comparison, b.lang, today=b.today)
    section = Section("compare", t("memo_h_compare", b.lang))
    section.blocks.append(Block("p", cmp.subtitle))
    for n, tb in enumerate(cmp.tables, start=1):
        tb = dataclasses.replace(tb, title=b.caption(_bare_title(tb.title, n, b.lang)))
        section.blocks.append(Block("table", table=tb, source_line=cmp.source_line))
    return [section], cmp.sources


def _mechanisms_section(b: _Build) -> Section:
    """Waar komt de besparing vandaan: a table per item, the first one's waterfall beside it."""
    lang = b.lang
    section = Section("mechanisms", t("memo_h_mechanisms", lang))
    section.blocks.append(Block("p", t("memo_mech_intro", lang)))
    for i, (it, rep, L) in enumerate(zip(b.items, b.reports, b.ledgers, strict=True)):
        tb = _table_of(rep, "mechanisms")
        if b.merged is not None:
            tb = _recited(tb, rep.extra["notes"], b.merged, MECHANISM_INPUTS, lang)
        tb = dataclasses.replace(tb, title=b.caption(t("memo_mech_table", lang, year=L.target_year,
                                                       label=it.label)))
        section.blocks.append(Block("table", table=tb, source_line=b.table_source(it)))
        if b.charts and i == 0:  # the waterfall of the first scenario, beside its table
            from aldlan_model.render.charts.draw import render_chart

            section.blocks.append(b.figure(render_chart([b.pairs[0]], "mechanisms", lang, "png"), t(
                "memo_fig_mechanisms", lang, year=L.target_year, label=it.label)))
    return section


def _financing_section(b: _Build) -> Section:
    """Financiering: the financing sentences and table of each item."""
    lang = b.lang
    section = Section("financing", t("memo_h_financing", lang))
    section.blocks.append(Block("p", t("memo_fin_intro", lang)))
    for it, rep, L in zip(b.items, b.reports, b.ledgers, strict=True):
        if b.several:
            section.blocks.append(Block("h", it.label))
        section.blocks.append(Block("p", " ".join(financing_sentences(L, lang))))
        tb = _table_of(rep, "financing")  # its note is the sentence just above: left out
        tb = dataclasses.replace(tb, title=b.caption(t("memo_fin_table", lang, label=it.label)), notes=[])
        section.blocks.append(Block("table", table=tb, source_line=b.table_source(it)))
    return section


def _uncertainty_section(b: _Build, draws: int, seed: int) -> Section:
    """Onzekerheid: the table and the chances of each item with ranges."""
    lang = b.lang
    section = Section("uncertainty", t("memo_h_uncertainty", lang))
    section.blocks.append(Block("p", t("memo_unc_intro", lang, draws=number(draws, lang), seed=seed)))
    for it, L, sim in zip(b.items, b.ledgers, b.sims, strict=True):
        if sim is None:
            section.blocks.append(Block("p", t("memo_unc_none", lang, label=it.label)))
            continue
        tb = uncertainty_table(it, sim, L, lang, b.caption(t("memo_unc_table", lang, year=sim.year,
                                                                label=it.label)))
        section.blocks.append(Block("table", table=tb, source_line=b.table_source(it)))
        section.blocks.append(Block("p", t(
            "memo_unc_chances", lang, p=percent(sim.p_target, lang),
            p_hard=percent(sim.p_target_hard, lang), year=sim.year, p_deficit=percent(sim.p_deficit, lang))))
        if b.several:
            last = section.blocks[-1]
            last.text = f"{it.label}: {lower_first(last.text)}"
    return section


def _sources_section(b: _Build, sources: list[str]) -> Section:
    """Bronnen: the numbered notes and the files."""
    section = Section("sources", t("memo_h_sources", b.lang))
    section.blocks.append(Block("p", t("memo_sources_intro", b.lang)))
    section.blocks += [Block("note", line) for line in sources]
    files = list(dict.fromkeys(shown_path(it.file) for it in b.items))
    section.blocks.append(Block("p", t("memo_sources_files", b.lang, files=", ".join(files))))
    return section


def _meta(b: _Build, date: str) -> list[tuple[str, str]]:
    """The lines under the title: date, subject, the scenarios and their files, the version."""
    lang = b.lang
    names = [f"{it.model.name} ({shown_path(it.file)})" for it in b.items]
    return [
        (t("memo_date", lang), date),
        (t("memo_subject", lang), t("memo_title", lang)),
        (t("memo_scenarios" if b.several else "memo_scenario", lang), "\n".join(names)),
        (t("memo_made_with", lang), t("memo_made_with_value", lang, version=__version__)),
    ]


def _simulate(item: MemoItem, draws: int, seed: int) -> Any:
    """The fixed-seed Monte Carlo of ``item``, or None when none of its inputs is a range."""
    from aldlan_model.uncertainty.simulate import simulate

    sim = simulate(item.model if item.uncertain is None else item.uncertain, draws, seed)
    return sim if sim.uncertain else None


def _cleaned(memo: Memo) -> Memo:
    """Every text from input made safe (control characters shown, never acted on); images kept."""
    for section in memo.sections:
        for block in section.blocks:
            block.text = clean(block.text)
            block.source_line = clean(block.source_line)
            if block.table is not None:
                block.table = clean_report(block.table)
    memo.meta = [(clean(k), "\n".join(clean(x) for x in v.split("\n"))) for k, v in memo.meta]
    return memo
