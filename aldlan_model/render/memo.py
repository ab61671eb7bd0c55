"""``aldlan report``: one memo (notitie) a board can attach to a letter to the council.

:func:`build_memo` gathers the content once, in the report's language: a summary in plain
sentences generated from the rounded ledger (the same euros as every table), the comparison
(:func:`~aldlan_model.tables.compare.compare_report`), where the saving comes from and
the financing (the tables of :func:`~aldlan_model.tables.run.run_report`), the uncertainty
(a fixed-seed Monte Carlo, :func:`aldlan_model.uncertainty.simulate.simulate`), two charts,
the sources as numbered notes (once) and the Verantwoording (the method, read from
``aldlan_model/data/verantwoording.{nl,en}.md``, the text docs/method.md also holds).

:mod:`memo_docx` and :mod:`memo_html` render a :class:`Memo`; they format, never compute.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from aldlan_model import __version__
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, number, percent
from aldlan_model.ledger.report import Report, Row, Table
from aldlan_model.ledger.rounded import Ledger, ledger
from aldlan_model.render.safetext import clean, clean_report
from aldlan_model.tables.run import MECHANISM_INPUTS, report_date, run_report
from aldlan_model.tables.sources import Notes, long_date, merged_notes, shown_path

DRAWS = 20_000
SEED = 1
SECTIONS = ("summary", "compare", "mechanisms", "financing", "uncertainty", "sources", "method")
HEADING_KEYS = {key: f"memo_h_{key}" for key in SECTIONS}


@dataclass
class MemoItem:
    """One scenario or plan of the memo: its column label, file, model and result, and the model
    :func:`aldlan_model.uncertainty.rooms.build` makes of it with the file's data (with any
    overrides); None: built from ``model`` alone (a plan's file is then read again)."""

    label: str
    file: str
    model: Any
    result: Any
    uncertain: Any = None
    overrides: list[str] = field(default_factory=list)


@dataclass
class Block:
    """A piece of a section: a paragraph (``p``), a sub-heading (``h``), a list item (``li``), a
    numbered source note (``note``),
    a table with its source line (``table``) or a picture with its caption (``figure``).
    Paragraph text may hold ``**bold**``; renderers split it with :func:`spans`."""

    kind: str
    text: str = ""
    table: Table | None = None
    source_line: str = ""
    image: bytes | None = None


@dataclass
class Section:
    key: str
    heading: str
    blocks: list[Block] = field(default_factory=list)
    new_page: bool = False  # start on a new page (the Verantwoording, an annex to the memo)


@dataclass
class Memo:
    lang: str
    kind: str  # "Notitie"
    title: str
    date: str  # "2 december 2026"
    meta: list[tuple[str, str]]
    sections: list[Section]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


# ---------------------------------------------------------------------------------------------
# the Verantwoording text (shared with docs/method.md)


def method_text(lang: str) -> str:
    """The Verantwoording as written in ``aldlan_model/data/verantwoording.{lang}.md``."""
    return resources.files("aldlan_model").joinpath(f"data/verantwoording.{lang}.md").read_text(encoding="utf-8")


def markdown_blocks(text: str) -> list[Block]:
    """The small Markdown of the Verantwoording as blocks: ``## heading``, ``- item`` and paragraphs
    (lines joined until a blank line); ``**bold**`` stays in the text for :func:`spans`."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("p", " ".join(para)))
            para.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("<!--"):
            continue
        if not line:
            flush()
        elif line.startswith("#"):
            flush()
            blocks.append(Block("h", line.lstrip("#").strip()))
        elif line.startswith(("- ", "* ")):
            flush()
            blocks.append(Block("li", line[2:].strip()))
        elif blocks and blocks[-1].kind == "li" and not para and raw.startswith("  "):
            blocks[-1].text += " " + line  # a list item continued on the next line
        else:
            para.append(line)
    flush()
    return blocks


_SPAN = re.compile(r"\*\*(.+?)\*\*")


def spans(text: str) -> list[tuple[str, bool]]:
    """``"a **b** c"`` → ``[("a ", False), ("b", True), (" c", False)]``."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _SPAN.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def plain(text: str) -> str:
    """``text`` without the ``**`` marks."""
    return "".join(s for s, _ in spans(text))


# ---------------------------------------------------------------------------------------------
# the summary sentences


def _rooms(item: MemoItem) -> int:
    return int(round(float(item.result.table["locations"].iloc[0])))


def _is_plan(item: MemoItem) -> bool:
    return isinstance(getattr(item.model, "locations", None), list)


def _who(item: MemoItem, lang: str) -> str:
    rooms = _rooms(item)
    if rooms == 1 and not _is_plan(item):
        return t("memo_one_room", lang, label=item.label)
    return t("memo_rooms", lang, label=item.label, rooms=number(rooms, lang))


def _lower_first(text: str) -> str:
    if text.startswith("Eén"):
        return "één" + text[3:]  # the accents mark the stress; lower case keeps both
    return text[:1].lower() + text[1:]


def range_phrase(summary: dict[str, float], lang: str) -> str:
    """P10–P90 of a saving in words: a saving between …, extra costs between …, or from one to the other."""
    p10, p90 = round(summary["p10"]), round(summary["p90"])
    if p10 >= 0:
        return t("memo_range_pos", lang, p10=money(p10, lang), p90=money(p90, lang))
    if p90 <= 0:
        return t("memo_range_neg", lang, low=money(-p90, lang), high=money(-p10, lang))
    return t("memo_range_mixed", lang, extra=money(-p10, lang), saving=money(p90, lang))


def _join(parts: list[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {t('memo_and', lang)} " + parts[-1]


def summary_sentences(item: MemoItem, lang: str) -> list[str]:
    """The plain sentences about one scenario: savings, target, mechanisms, financing."""
    return [s for para in summary_paragraphs(item, lang) for s in para]


def summary_paragraphs(item: MemoItem, lang: str) -> list[list[str]]:
    """The sentences about one scenario in three paragraphs: savings and target, where the saving
    comes from, financing."""
    L = ledger(item.result)
    tg = item.result.target
    year = L.target_year
    amount = float(tg["amount"][0])
    savings, hard = L.at("savings"), L.at("savings_hard")
    who = _who(item, lang)
    out: list[str] = []
    if savings > 0 and hard >= 0:
        out.append(t("memo_saves", lang, who=who, savings=money(savings, lang),
                     year=year, hard=money(hard, lang)))
        out.append(t("memo_share", lang, share=percent(savings / amount, lang),
                     share_hard=percent(hard / amount, lang), amount=money(amount, lang)))
    elif savings > 0:
        out.append(t("memo_saves_no_hard", lang, who=who,
                     savings=money(savings, lang), year=year, hard=money(-hard, lang)))
    else:
        out.append(t("memo_costs_more", lang, who=_lower_first(who), year=year, extra=money(-savings, lang),
                     extra_hard=money(-hard, lang)))
    needed, needed_hard = tg["locations_needed"][0], tg["locations_needed_hard"][0]
    if needed != needed:  # NaN: never
        out.append(t("memo_needed_never", lang, amount=money(amount, lang)))
    elif needed_hard != needed_hard:
        out.append(t("memo_needed_no_hard", lang, amount=money(amount, lang), rooms=number(needed, lang)))
    else:
        out.append(t("memo_needed", lang, amount=money(amount, lang), rooms=number(needed, lang),
                     rooms_hard=number(needed_hard, lang)))
    reached = int(tg["first_year_reached"][0])
    if reached > 0:
        out.append(t("memo_reached", lang, year=reached))
    return [out, mechanism_sentences(L, lang), financing_sentences(L, lang)]


HARD_MECHANISMS = ("tariff_difference", "transport_avoided", "replaced", "moved_clients")


def mechanism_sentences(L: Ledger, lang: str) -> list[str]:
    out = []
    hard = sorted(((L.at(n), n) for n in HARD_MECHANISMS if L.at(n) > 0), reverse=True)
    if hard:
        parts = [t("memo_mech_part", lang, name=t(f"memo_mech_{n}", lang), amount=money(v, lang)) for v, n in hard]
        out.append(t("memo_mech_main", lang, parts=_join(parts, lang)))
    if L.at("substitution") > 0 and L.at("savings") > 0:
        out.append(t("memo_mech_soft", lang, amount=money(L.at("substitution"), lang)))
    if L.at("paid") < 0:
        out.append(t("memo_mech_paid", lang, amount=money(-L.at("paid"), lang)))
    return out


def financing_sentences(L: Ledger, lang: str) -> list[str]:
    """The headline sentence of :func:`build.financing_sentence` and, when there is a bridge, whether
    it is paid back within the period."""
    from aldlan_model.tables.run import financing_sentence

    need = L.financing_need
    if need <= 0:
        return [t("memo_fin_none", lang)]
    out = [financing_sentence(L, lang)]
    cum = L.lines["cumulative_result"]
    if cum[-1] < 0:
        out.append(t("memo_fin_end_short", lang, year=L.years[-1], amount=money(-int(cum[-1]), lang)))
    else:
        low = int(cum.argmin())
        back = next(L.years[j] for j in range(low, len(cum)) if cum[j] >= 0)
        out.append(t("memo_fin_back", lang, year=back))
    return out


# ---------------------------------------------------------------------------------------------
# the sections


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


def build_memo(
    items: list[MemoItem], lang: str = "nl", *, comparison: Any = None, today: _dt.date | None = None,
    draws: int = DRAWS, seed: int = SEED, charts: bool = True,
) -> Memo:
    """The memo of ``items`` (one or more scenarios or plans); ``comparison`` is the
    :class:`~aldlan_model.analysis.compare.Comparison` of the same items when there are several."""
    from aldlan_model.tables.compare import compare_report

    today = report_date(today)
    date = long_date(today, lang)
    several = len(items) > 1
    reports = [run_report(it.model, it.result, lang, today=today) for it in items]
    ledgers = [ledger(it.result) for it in items]
    tables = 0

    def next_caption(title: str) -> str:
        nonlocal tables
        tables += 1
        return _caption(tables, title, lang)

    figures = 0

    def figure(png: bytes, title: str) -> Block:
        nonlocal figures
        figures += 1
        return Block("figure", t("memo_figure", lang, n=figures, title=title), image=png)

    def table_of(report: Report, key: str) -> Table:
        return next(tb for tb in report.tables if tb.key == key)

    merged = merged_notes([(it.label, it.model) for it in items], lang) if several else None
    sections: list[Section] = []

    # Samenvatting
    summary = Section("summary", t("memo_h_summary", lang))
    for it in items:
        groups = summary_paragraphs(it, lang)
        paragraphs = [" ".join(p) for p in groups if p]
        if several:  # one paragraph per scenario (its mechanisms follow in their own section)
            paragraphs = [" ".join(groups[0] + groups[2])]
        summary.blocks += [Block("p", p) for p in paragraphs]
    targets = {(float(it.result.target["amount"][0]), int(it.result.target["year"][0])) for it in items}
    if several and len(targets) == 1:  # "saves most" only between designs held to the same target
        best = max(range(len(items)), key=lambda i: ledgers[i].at("savings"))
        if sum(1 for L in ledgers if L.at("savings") == ledgers[best].at("savings")) == 1:
            summary.blocks.append(Block("p", t("memo_best", lang, label=items[best].label,
                                               year=ledgers[best].target_year,
                                               amount=money(ledgers[best].at("savings"), lang))))
    sims = [_simulate(it, draws, seed) for it in items]
    drawn = [(it, sim) for it, sim in zip(items, sims, strict=True) if sim is not None]
    if len(drawn) == 1 and not several:
        sim = drawn[0][1]
        summary.blocks.append(Block("p", t(
            "memo_unc_sentence", lang, year=sim.year, saving=range_phrase(sim.summary("savings"), lang),
            hard=range_phrase(sim.summary("savings_hard"), lang), chance=percent(sim.p_target, lang))))
    elif drawn:
        parts = [t("memo_unc_part", lang, label=it.label, phrase=range_phrase(sim.summary("savings"), lang))
                 for it, sim in drawn]
        summary.blocks.append(Block("p", t("memo_unc_several", lang, year=drawn[0][1].year, parts=_join(parts, lang))))
    summary.blocks.append(Block("p", t("memo_see_method", lang)))
    pairs = [(it.model, it.result) for it in items]
    if charts:
        from aldlan_model.render.charts import render_chart

        summary.blocks.append(figure(render_chart(pairs, "savings", lang, "png"), t("memo_fig_savings", lang)))
    sections.append(summary)

    # Vergelijking
    sources: list[str]
    if several and comparison is not None:
        cmp = compare_report(comparison, lang, today=today)
        section = Section("compare", t("memo_h_compare", lang))
        section.blocks.append(Block("p", cmp.subtitle))
        for n, tb in enumerate(cmp.tables, start=1):
            tb = dataclasses.replace(tb, title=next_caption(_bare_title(tb.title, n, lang)))
            section.blocks.append(Block("table", table=tb, source_line=cmp.source_line))
        sections.append(section)
        sources = cmp.sources
    else:
        sources = reports[0].sources

    # Waar komt de besparing vandaan
    section = Section("mechanisms", t("memo_h_mechanisms", lang))
    section.blocks.append(Block("p", t("memo_mech_intro", lang)))
    for i, (it, rep, L) in enumerate(zip(items, reports, ledgers, strict=True)):
        tb = table_of(rep, "mechanisms")
        if merged is not None:
            tb = _recited(tb, rep.extra["notes"], merged, MECHANISM_INPUTS, lang)
        tb = dataclasses.replace(tb, title=next_caption(t("memo_mech_table", lang, year=L.target_year,
                                                          label=it.label)))
        section.blocks.append(Block("table", table=tb, source_line=_table_source(it, lang, today)))
        if charts and i == 0:  # the waterfall of the first scenario, beside its table
            from aldlan_model.render.charts import render_chart

            section.blocks.append(figure(render_chart([pairs[0]], "mechanisms", lang, "png"), t(
                "memo_fig_mechanisms", lang, year=L.target_year, label=it.label)))
    sections.append(section)

    # Financiering
    section = Section("financing", t("memo_h_financing", lang))
    section.blocks.append(Block("p", t("memo_fin_intro", lang)))
    for it, rep, L in zip(items, reports, ledgers, strict=True):
        if several:
            section.blocks.append(Block("h", it.label))
        section.blocks.append(Block("p", " ".join(financing_sentences(L, lang))))
        tb = table_of(rep, "financing")  # its note is the sentence just above: left out
        tb = dataclasses.replace(tb, title=next_caption(t("memo_fin_table", lang, label=it.label)), notes=[])
        section.blocks.append(Block("table", table=tb, source_line=_table_source(it, lang, today)))
    sections.append(section)

    # Onzekerheid
    section = Section("uncertainty", t("memo_h_uncertainty", lang))
    section.blocks.append(Block("p", t("memo_unc_intro", lang, draws=number(draws, lang), seed=seed)))
    for it, L, sim in zip(items, ledgers, sims, strict=True):
        if sim is None:
            section.blocks.append(Block("p", t("memo_unc_none", lang, label=it.label)))
            continue
        tb = uncertainty_table(it, sim, L, lang, next_caption(t("memo_unc_table", lang, year=sim.year,
                                                                   label=it.label)))
        section.blocks.append(Block("table", table=tb, source_line=_table_source(it, lang, today)))
        section.blocks.append(Block("p", t(
            "memo_unc_chances", lang, p=percent(sim.p_target, lang),
            p_hard=percent(sim.p_target_hard, lang), year=sim.year, p_deficit=percent(sim.p_deficit, lang))))
        if several:
            last = section.blocks[-1]
            last.text = f"{it.label}: {_lower_first(last.text)}"
    sections.append(section)

    # Bronnen
    section = Section("sources", t("memo_h_sources", lang))
    section.blocks.append(Block("p", t("memo_sources_intro", lang)))
    section.blocks += [Block("note", line) for line in sources]
    files = list(dict.fromkeys(shown_path(it.file) for it in items))
    section.blocks.append(Block("p", t("memo_sources_files", lang, files=", ".join(files))))
    sections.append(section)

    # Verantwoording
    sections.append(Section("method", t("memo_h_method", lang), markdown_blocks(method_text(lang))))

    names = [f"{it.model.name} ({shown_path(it.file)})" for it in items]
    meta = [
        (t("memo_date", lang), date),
        (t("memo_subject", lang), t("memo_title", lang)),
        (t("memo_scenarios" if several else "memo_scenario", lang), "\n".join(names)),
        (t("memo_made_with", lang), t("memo_made_with_value", lang, version=__version__)),
    ]
    memo = Memo(lang, t("memo_kind", lang), t("memo_title", lang), date, meta, sections)
    return _cleaned(memo)


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


def render_memo(memo: Memo, fmt: str) -> bytes | str:
    if fmt == "docx":
        from aldlan_model.render.memo_docx import render

        return render(memo)
    if fmt == "html":
        from aldlan_model.render.memo_html import render as render_html

        return render_html(memo)
    raise ValueError(f"unknown memo format {fmt!r}")
