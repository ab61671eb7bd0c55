"""The memo's inputs as a reader sees them: the starting points (the 10–15 inputs that decide the
answer, one table: value and whether it is a published figure or an assumption) and the appendix
of every input with its source (one line each, the scenario's own words).

No key paths: every input is named by its label (:func:`~aldlan_model.i18n.labels_inputs.input_label`);
references to the repository's own files in a source ("docs/sources.md §5") are left out.
Several scenarios: the inputs they share once, then per scenario only those that differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from aldlan_model.engine.params import NOT_SET, flatten
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.labels_inputs import input_kind, input_label
from aldlan_model.i18n.numfmt import by_kind
from aldlan_model.ledger.report import Row, Table
from aldlan_model.ledger.rounded import ledger
from aldlan_model.render.memo.document import Block, MemoItem
from aldlan_model.render.memo.sentences import named
from aldlan_model.tables.sources import keep_amounts, source_words
from aldlan_model.tables.values import decimals_needed

# the inputs that decide the answer, in the order a reader asks about them
KEY_INPUTS = (
    re.compile(r"^locations$"),
    re.compile(r"^period\.start$"),
    re.compile(r"^participants\.(zin|pgb|without_indication)\.count$"),
    re.compile(r"^participants\.(zin|pgb)\.origin\.reindicated$"),  # carries the tariff difference
    re.compile(r"^tariffs\.(buurtkamer|baseline)\.zin$"),
    re.compile(r"^transport\.baseline\.(per_trip|share)$"),
    re.compile(r"^municipality\.substitution$"),
    re.compile(r"^municipality\.replaced\.\d+\.amount$"),
    re.compile(r"^staff\.\d+\.(fte|count)$"),
    re.compile(r"^staff\.\d+\.hourly_cost$"),
    re.compile(r"^costs\.housing$"),
    re.compile(r"^income\.(other|subsidy)$"),
    re.compile(r"^projects\.\d+\.yearly_costs$"),
)
INDICATED_ONLY = re.compile(r"^(tariffs|transport)\.")
MAX_KEY = 15
SHORT_SOURCE = 70
def is_assumption(source: str) -> bool:
    """A source that is (or leans on) an assumption: it says "aanname" somewhere."""
    low = source.strip().lower()
    return not low or "aanname" in low or "assumption" in low


NOT_IN_MEMO = re.compile(r"^discount_rate$")  # the present value is not in the memo (Bijlage B says so)
SWITCHES = re.compile(r"(\.group_work|^norms\.enforce)$")  # yes/no settings, not figures


@dataclass
class Input:
    path: str
    label: str
    value: str
    source: str  # the scenario's own words, file references left out
    assumption: bool


def _value(path: str, num: Any, lang: str, plan_rooms: int | None) -> str:
    """The value as a reader expects it (12, € 33,11, 5%), the range in brackets."""
    if path == "locations" and plan_rooms is not None:
        return by_kind("int", plan_rooms, lang)
    kind = input_kind(path)
    shown = [num.point, num.low, num.high] if num.is_range else [num.point]
    decimals = decimals_needed(shown, 4 if kind == "fraction" else 2)  # a fraction's 2 more: its percent
    if kind == "money" and decimals:
        decimals = 2
    text = by_kind(kind, num.point, lang, decimals)
    if num.is_range:
        text += f" ({span(by_kind(kind, num.low, lang, decimals), by_kind(kind, num.high, lang, decimals), lang)})"
    return keep_amounts(text)


def span(low: str, high: str, lang: str) -> str:
    """A range as one writes it: "20–50 %" (the unit once), "-5 % tot 10 %" (a dash would read as a minus),
    "€ 9.000–€ 15.000"."""
    unit = "\u00a0%" if lang == "nl" else "%"
    if low.startswith("-"):
        return f"{low} {t('memo_range_to', lang)} {high}"
    if low.endswith(unit) and high.endswith(unit):
        return f"{low[: -len(unit)]}\u2013{high}"
    return f"{low}\u2013{high}"


def inputs_of(model: Any, lang: str) -> list[Input]:
    """Every input that was written, with its label, value (range in brackets) and source."""
    rooms = getattr(model, "locations", None)
    plan_rooms = sum(r.count for r in rooms) if isinstance(rooms, list) else None
    out = []
    for path, num in flatten(model).items():
        if (num.point == NOT_SET or num.point == 0 or SWITCHES.search(path)) and not num.source:
            continue  # not written, or a default nobody chose
        if NOT_IN_MEMO.search(path):
            continue  # an input only other reports use
        source = source_words(num.source or "")
        out.append(Input(path, input_label(path, lang, model), _value(path, num, lang, plan_rooms), source,
                         is_assumption(num.source or "") or not source))
    return out


def key_inputs(inputs: list[Input], indicated: bool = True) -> list[Input]:
    """The inputs that decide the answer (at most :data:`MAX_KEY`), leaving out those at zero; a dated
    input by its path (``municipality.replaced.0.amount@2021``). Without indicated participants the
    tariffs and transport decide nothing and are left out."""
    chosen = []
    for pattern in KEY_INPUTS:
        for inp in inputs:
            path = inp.path.partition("@")[0]
            if not indicated and INDICATED_ONLY.match(path):
                continue
            if pattern.match(path) and inp not in chosen and not _zero(inp):
                chosen.append(inp)
    return chosen[:MAX_KEY]


def has_indicated(item: MemoItem) -> bool:
    """Whether any participant with an indicatie (ZIN or pgb) comes in any year."""
    L = ledger(item.result)
    return bool(any(L.lines["income_zin"]) or any(L.lines["income_pgb"]))


def _zero(inp: Input) -> bool:
    if inp.path == "locations":
        return inp.value == "1"  # one room: the memo's sentences say so
    return re.fullmatch(r"(€\s?)?0([.,]0+)?\s?%?", inp.value.replace("\u00a0", " ").strip()) is not None


def short_source(inp: Input, lang: str) -> str:
    """"aanname" or the source's first words (up to a bracket or colon), cut at a word."""
    if inp.assumption:
        return t("memo_i_assumption", lang)
    head = re.split(r"[(:]", inp.source, maxsplit=1)[0].strip().rstrip(",;")
    if len(head) > SHORT_SOURCE:
        head = head[:SHORT_SOURCE].rsplit(" ", 1)[0] + " \u2026"
    return head or t("memo_i_source", lang)


def starting_points(items: list[MemoItem], lang: str, title: str) -> Table:
    """One table of the inputs that decide the answer. One scenario: value and ground; several:
    a value column per scenario, only the inputs that differ (the shared ones are in the appendix)."""
    per = [inputs_of(it.model, lang) for it in items]
    if len(items) == 1:
        rows = [Row(i.label, [i.value, short_source(i, lang)]) for i in key_inputs(per[0], has_indicated(items[0]))]
        return Table("starting_points", title, [t("memo_i_value", lang), t("memo_i_ground", lang)], rows,
                     kinds=["text", "text"], label_header="")
    by_label = [{i.label: i for i in inputs} for inputs in per]  # by label: "vrijwilliger" in any place
    labels: list[str] = []
    for inputs, it in zip(per, items, strict=True):
        labels += [i.label for i in key_inputs(inputs, has_indicated(it)) if i.label not in labels]
    rows = []
    for label in labels:
        shown = [d[label].value if label in d else "\u2013" for d in by_label]
        if len(set(shown)) > 1:
            rows.append(Row(label, shown))
    return Table("starting_points", title, [it.label for it in items], rows, kinds=["text"] * len(items),
                 label_header="")


def appendix_blocks(items: list[MemoItem], lang: str) -> list[Block]:
    """Every input, one line each: "label: value — source". Several scenarios: the shared lines once,
    then per scenario the lines that differ."""
    per = [inputs_of(it.model, lang) for it in items]
    if len(items) == 1:
        return [Block("note", _line(i, lang)) for i in per[0]]
    keyed = [{(i.path, i.value, i.source): i for i in inputs} for inputs in per]
    shared = set(keyed[0]).intersection(*keyed[1:])
    blocks = [Block("h", t("memo_i_shared", lang))]
    blocks += [Block("note", _line(i, lang)) for i in per[0] if (i.path, i.value, i.source) in shared]
    for it, inputs in zip(items, per, strict=True):
        own = [i for i in inputs if (i.path, i.value, i.source) not in shared]
        if own:
            blocks.append(Block("h", t("memo_i_own", lang, name=named(it, lang))))
            blocks += [Block("note", _line(i, lang)) for i in own]
    return blocks


def _line(i: Input, lang: str) -> str:
    source = i.source or t("memo_i_no_source", lang)
    return f"{i.label}: {i.value} \u2014 {source}"
