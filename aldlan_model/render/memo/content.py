"""``aldlan report``: the memo a board attaches to its letter to the council, as a council annex.

:func:`build_memo` gathers the content once, in the report's language:

1. the bijlage block (Aan, Van, Datum, Kenmerk, Onderwerp: :class:`MemoHeader`, settable);
2. the **Samenvatting** that carries the message: the conclusion in plain words (the municipality
   as a whole first when there are projects), the conditions it rests on, financing, uncertainty;
3. the **Uitgangspunten** (the inputs that decide the answer, one table), the room's costs and
   income, where the saving comes from, who pays and who saves, financing, uncertainty
   (:mod:`.body`);
4. the appendices on a new page: every input with its source (:mod:`.inputs`), the method
   (read by :mod:`.document`) and a colophon line — the only place for files and the version.

Every euro is the rounded ledger's (:func:`~aldlan_model.ledger.rounded.ledger`), as in ``aldlan run``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from aldlan_model import __version__
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.labels_inputs import input_label
from aldlan_model.i18n.numfmt import money, number
from aldlan_model.ledger.rounded import ledger
from aldlan_model.render.memo.body import (
    costs_section,
    financing_section,
    mechanisms_section,
    payers_section,
    uncertainty_section,
)
from aldlan_model.render.memo.conclusion import other_budget_sentences, saving_sentences, whole_said, whole_sentences
from aldlan_model.render.memo.conditions import condition_sentences
from aldlan_model.render.memo.document import Block, Memo, MemoItem, Section, markdown_blocks, method_text
from aldlan_model.render.memo.financing import financing_sentences, municipality_payback
from aldlan_model.render.memo.inputs import appendix_blocks, starting_points
from aldlan_model.render.memo.sentences import Voice, named, opening, outcome, period
from aldlan_model.render.memo.state import Build
from aldlan_model.render.memo.uncertainty_words import band_sentences
from aldlan_model.render.safetext import clean, clean_report
from aldlan_model.tables.run import report_date
from aldlan_model.tables.sources import long_date, shown_path

DRAWS = 20_000
SEED = 1
TOP_INPUTS = 3


@dataclass
class MemoHeader:
    """The bijlage block; empty fields take the defaults of the catalogue (a Kenmerk left empty is
    left out)."""

    to: str = ""
    sender: str = ""
    date: _dt.date | None = None
    reference: str = ""
    subject: str = ""


def build_memo(
    items: list[MemoItem], lang: str = "nl", *, comparison: Any = None, today: _dt.date | None = None,
    draws: int = DRAWS, seed: int = SEED, charts: bool = True, header: MemoHeader | None = None,
) -> Memo:
    """The memo of ``items`` (one or more scenarios or plans). ``comparison`` is accepted for callers
    of the earlier memo; the memo's own tables put several scenarios side by side."""
    del comparison
    header = header or MemoHeader()
    today = report_date(header.date or today)
    b = Build(items, Voice(lang, today), charts, ledgers=[ledger(it.result) for it in items])
    b.sims = [_simulate(it, draws, seed) for it in items]
    b.sens = [_moving_inputs(it, lang) if sim is not None else [] for it, sim in zip(items, b.sims, strict=True)]
    sections = [
        _summary_section(b),
        _starting_points_section(b),
        costs_section(b),
        mechanisms_section(b),
        payers_section(b),
        financing_section(b),
        uncertainty_section(b, draws),
        _appendix_inputs(b),
        Section("method", t("memo_h_method", lang), markdown_blocks(method_text(lang)), new_page=True),
    ]
    date = long_date(today, lang)
    subject = header.subject or _default_subject(b)
    memo = Memo(lang, t("memo_kind", lang), subject, date, _front(header, date, subject, lang), sections,
                colophon=_colophon(b, date, seed, draws))
    return _cleaned(memo)


def _default_subject(b: Build) -> str:
    """"Besparing op de Wmo met buurtkamers: het ontwerp ‘Aldlan’", or "…: 3 ontwerpen vergeleken", so that
    two annexes to one letter read apart."""
    what = t("memo_subject_several", b.lang, n=len(b.items)) if b.several else named(b.items[0], b.lang)
    return t("memo_subject_default", b.lang, title=t("memo_title", b.lang), what=what)


def _front(header: MemoHeader, date: str, subject: str, lang: str) -> list[tuple[str, str]]:
    lines = [
        (t("memo_to", lang), header.to or t("memo_to_default", lang)),
        (t("memo_from", lang), header.sender or t("memo_from_default", lang)),
        (t("memo_date", lang), date),
    ]
    if header.reference:
        lines.append((t("memo_reference", lang), header.reference))
    lines.append((t("memo_subject", lang), subject))
    return lines


def _summary_section(b: Build) -> Section:
    """Samenvatting: what kind of figures these are, then the message in plain words, one paragraph per
    scenario (the whole first), what the saving rests on, the organisation's money and the band."""
    lang, v = b.lang, b.voice
    section = Section("summary", t("memo_h_summary", lang))
    for i, (it, L) in enumerate(zip(b.items, b.ledgers, strict=True)):
        start = opening(it, L)
        first = whole_sentences(it, v) + saving_sentences(it, v) + other_budget_sentences(it, v)
        section.blocks.append(Block("p", " ".join(first)))
        conditions = condition_sentences(L, v, parts=False, model=it.model) if not b.several else []
        if conditions:
            section.blocks.append(Block("p", " ".join(conditions)))
        rest = financing_sentences(L, v, start)
        if not whole_said(it):  # the whole over the period is already the first sentence
            rest += municipality_payback(L, v, start)
        if b.sims[i] is not None and not b.several:
            rest += band_sentences(b.sims[i], lang)
        section.blocks.append(Block("p", " ".join(rest)))
    section.blocks += _best_blocks(b)
    section.blocks.append(Block("p", _kind_of_figures(b) + " " + t("memo_see_appendix", lang)))
    return section


def _kind_of_figures(b: Build) -> str:
    """A reconstruction of years that are over, an estimate of years to come, or both: never results."""
    years = [y for L in b.ledgers for y in L.years]
    if max(years) < b.today.year:
        return t("memo_kind_past", b.lang)
    if min(years) >= b.today.year:
        return t("memo_kind_future", b.lang)
    return t("memo_kind_mixed", b.lang)


def _best_blocks(b: Build) -> list[Block]:
    """The design that saves most on the Wmo, when several are held to the same target and one saves most;
    and that none leaves the municipality as a whole better off, when none does."""
    items, ledgers, v = b.items, b.ledgers, b.voice
    targets = {(float(it.result.target["amount"][0]), int(it.result.target["year"][0])) for it in items}
    if not (b.several and len(targets) == 1):
        return []
    out = []
    best = max(range(len(items)), key=lambda i: ledgers[i].at("savings"))
    top = ledgers[best].at("savings")
    if top > 0 and sum(1 for L in ledgers if L.at("savings") == top) == 1:
        year = ledgers[best].target_year
        only = sum(1 for L in ledgers if L.at("savings") > 0) == 1
        out.append(v.say("memo_best_only" if only else "memo_best", year, name=named(items[best], b.lang),
                         year=year, amount=money(top, b.lang)))
    if all(int(L.lines["cumulative_net_municipality"][-1]) < 0 for L in ledgers):
        first, last = ledgers[0].years[0], ledgers[0].years[-1]
        out.append(v.say("memo_none_whole", last, period=period(first, last)))
    return [Block("p", " ".join(out))] if out else []


def _starting_points_section(b: Build) -> Section:
    lang = b.lang
    section = Section("starting_points", t("memo_h_starting_points", lang))
    key = "memo_sp_intro_several" if b.several else "memo_sp_intro"
    section.blocks.append(Block("p", t(key, lang)))
    table = starting_points(b.items, lang, b.caption(t("memo_sp_table", lang)))
    section.blocks.append(b.table(table, source="memo_table_source_inputs"))
    return section


def _appendix_inputs(b: Build) -> Section:
    section = Section("inputs", t("memo_h_inputs", b.lang), new_page=True)
    section.blocks.append(Block("p", t("memo_inputs_intro", b.lang)))
    section.blocks += appendix_blocks(b.items, b.lang)
    return section


def _colophon(b: Build, date: str, seed: int, draws: int) -> str:
    files = ", ".join(dict.fromkeys(shown_path(it.file) for it in b.items))
    line = t("memo_colophon", b.lang, version=__version__, files=files, date=date, seed=seed,
             draws=number(draws, b.lang))
    changed = [o for it in b.items for o in it.overrides]
    if changed:
        line += " " + t("with_overrides", b.lang, overrides=", ".join(dict.fromkeys(changed))) + "."
    return line


def _simulate(item: MemoItem, draws: int, seed: int) -> Any:
    """The fixed-seed Monte Carlo of ``item``, or None when none of its inputs is a range."""
    from aldlan_model.uncertainty.simulate import simulate

    sim = simulate(item.model if item.uncertain is None else item.uncertain, draws, seed)
    return sim if sim.uncertain else None


def _moving_inputs(item: MemoItem, lang: str) -> list[str]:
    """The inputs with the largest swing, one list item each: "label: meerkosten € 3.600 bij de lage en
    besparing € 13.604 bij de hoge waarde" (whole euros)."""
    from aldlan_model.uncertainty.sensitivity import sensitivity

    sens = sensitivity(item.model if item.uncertain is None else item.uncertain)
    parts = []
    for sw in sens.swings[:TOP_INPUTS]:
        if round(sw.swing) == 0:
            break
        label = input_label(sw.spec.path, lang, item.model)
        low = sw.low_euros if sw.low_euros is not None else round(sw.at_low)  # what `run --set` shows
        high = sw.high_euros if sw.high_euros is not None else round(sw.at_high)
        parts.append(t("memo_u_input", lang, label=label, low=outcome(low, lang), high=outcome(high, lang)))
    return parts


def _cleaned(memo: Memo) -> Memo:
    """Every text from input made safe (control characters shown, never acted on); images kept."""
    for section in memo.sections:
        for block in section.blocks:
            block.text = clean(block.text)
            block.source_line = clean(block.source_line)
            if block.table is not None:
                block.table = clean_report(block.table)
    memo.meta = [(clean(k), "\n".join(clean(x) for x in v.split("\n"))) for k, v in memo.meta]
    memo.colophon = clean(memo.colophon)
    return memo
