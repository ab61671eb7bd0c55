"""Sources as numbered notes, once (issue 13): each distinct source text is one note listing
the inputs it supports, with a readable label and the value in the report's number style.

Tables cite their inputs by note number ("Bronnen: 1, 3, 4"); one "Bronnen" section at the
end of a report lists the notes. ``--sources none`` leaves both out (for those who paste
only the table), ``short`` (default) lists the sourced inputs, ``full`` adds the inputs
without a source and the ranges behind every number.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aldlan_model.engine.params import NOT_SET, flatten
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.labels_inputs import from_year, input_kind, input_label
from aldlan_model.i18n.numfmt import money, number, percent

MODES = ("none", "short", "full")
_OWN = r"(?:(?:docs|scenarios|aldlan_model)/[\w./-]+(?:\s*§\s*\d+(?:\s*(?:en|and)\s*§?\s*\d+)?)?|\b[\w-]+\.ya?ml\b)"
_OWN_FILES = re.compile(rf"\s*\({_OWN}\)|\s*[;,]\s*{_OWN}|\s*{_OWN}")
_EMPTY_PARENS = re.compile(r"\(\s*[;,]?\s*\)")


def source_words(source: str) -> str:
    """A source as a reader sees it: the scenario's words without references to the repository's own
    files ("docs/sources.md §5", "aldlan-mix.yaml"), amounts kept whole."""
    text = _OWN_FILES.sub("", source or "")
    text = _EMPTY_PARENS.sub("", text)
    text = re.sub(r"\s+([;,.)])", r"\1", text).strip().rstrip(";, ")
    return keep_amounts(text)


def keep_amounts(text: str) -> str:
    """No line break between € and its amount."""
    return re.sub(r"€ (?=[\d-])", "€\u00a0", text)


@dataclass
class SourceNote:
    number: int
    source: str  # the source text as written in the scenario ("" for inputs without a source)
    inputs: list[str] = field(default_factory=list)  # "label: value" per input

    def text(self, lang: str) -> str:
        inputs = "; ".join(self.inputs)
        source = source_words(self.source) or t("note_no_source", lang)
        return f"{inputs}. {t('note_source', lang)}: {source}"


@dataclass
class Notes:
    """The numbered notes of one report and which note each input path belongs to."""

    mode: str = "short"
    notes: list[SourceNote] = field(default_factory=list)
    by_path: dict[str, int] = field(default_factory=dict)

    def cite(self, prefixes: tuple[str, ...] | None, lang: str) -> list[str]:
        """The citation line under a table whose inputs lie under ``prefixes`` (None: all)."""
        if self.mode == "none" or not self.notes:
            return []
        nums = sorted({n for path, n in self.by_path.items()
                       if prefixes is None or any(path == p or path.startswith(p + ".") for p in prefixes)})
        if not nums:
            return []
        return [t("note_cite", lang, notes=_runs(nums))]

    def lines(self, lang: str) -> list[str]:
        """The "Bronnen" section: one line per note, numbered."""
        if self.mode == "none":
            return []
        return [f"[{note.number}] {note.text(lang)}" for note in self.notes]


def _runs(nums: list[int]) -> str:
    """1, 2, 3, 5 → "1–3, 5"."""
    out, start = [], None
    for i, n in enumerate(nums):
        if start is None:
            start = n
        if i + 1 == len(nums) or nums[i + 1] != n + 1:
            out.append(str(start) if start == n else f"{start}\u2013{n}")
            start = None
    return ", ".join(out)


def value_text(num: Any, path: str, lang: str, full: bool) -> str:
    """An input's value as the report writes numbers (a range behind it with ``full``)."""
    kind = input_kind(path)

    def one(x: float) -> str:
        if kind == "money":
            return money(x, lang, 0 if float(x).is_integer() else 2)
        if kind == "fraction":  # 30%, 2,5%, 2,25% (a discount rate or an NZa index as published)
            return percent(x, lang, next((d for d in (0, 1) if round(x * 100, d) == round(x * 100, 6)), 2))
        if kind == "year":
            return str(int(x))
        if kind == "int" or float(x).is_integer():
            return number(x, lang)
        return number(x, lang, 2)

    text = one(num.point)
    if full and num.is_range:
        text += " (" + t("note_range", lang, low=one(num.low), high=one(num.high)) + ")"
    return text


def source_notes(scenario: Any, lang: str, mode: str = "short") -> Notes:
    """Number every distinct source of the scenario's inputs (in the order they are first used)."""
    if mode not in MODES:
        raise ValueError(f"unknown sources mode {mode!r}; use one of {', '.join(MODES)}")
    notes = Notes(mode)
    if mode == "none":
        return notes
    by_source: dict[str, SourceNote] = {}
    # per note, per input: its value, or (v3) the value of each key of a dated input, in key order
    values: dict[int, dict[str, list[tuple[str, str]]]] = {}
    for path, num in flatten(scenario).items():
        if num.point == NOT_SET and not num.source:
            continue  # an optional input that was not written
        source = (num.source or "").strip()
        if not source and mode != "full":
            continue
        note = by_source.get(source)
        if note is None:
            note = by_source[source] = SourceNote(len(by_source) + 1, source)
            notes.notes.append(note)
            values[note.number] = {}
        base, _, year = path.partition("@")  # costs.housing@2022: one key of a dated value
        values[note.number].setdefault(base, []).append((year, value_text(num, path, lang, mode == "full")))
        notes.by_path[path] = note.number
    for note in notes.notes:
        note.inputs = [f"{input_label(base, lang, scenario)}: {dated_text(keys, lang)}"
                       for base, keys in values[note.number].items()]
    return notes


def dated_text(keys: list[tuple[str, str]], lang: str) -> str:
    """An input's value; a dated value as its path: "€ 9.000 vanaf 2020, € 10.500 vanaf 2022"."""
    if len(keys) == 1 and not keys[0][0]:
        return keys[0][1]
    return ", ".join(f"{text} {from_year(year, lang)}" if year else text for year, text in keys)


def shown_path(file: str | None) -> str:
    """A scenario file as a reader should see it: relative to where the command ran, never absolute
    (a file outside the working folder is named by its file name alone)."""
    if not file:
        return "–"
    try:
        rel = os.path.relpath(file)
    except ValueError:  # another drive
        return Path(file).name
    if rel.startswith("..") or os.path.isabs(rel):
        return Path(file).name
    return rel


def long_date(day: _dt.date, lang: str) -> str:
    """"2 december 2026" (nl) or "2 December 2026" (en), with Babel."""
    from babel.dates import format_date

    return format_date(day, format="long", locale="nl_NL" if lang == "nl" else "en_GB")


def merged_notes(named: list[tuple[str, Any]], lang: str, mode: str = "short") -> Notes:
    """The notes of several scenarios side by side (``(column label, scenario)`` pairs): one note per
    distinct source; an input that holds for some columns only names them."""
    merged = Notes(mode)
    if mode == "none":
        return merged
    by_source: dict[str, SourceNote] = {}
    seen: dict[tuple[str, str], list[str]] = {}
    order: list[tuple[str, str]] = []
    for label, scenario in named:
        single = source_notes(scenario, lang, mode)
        for note in single.notes:
            for entry in note.inputs:
                key = (note.source, entry)
                if key not in seen:
                    seen[key] = []
                    order.append(key)
                seen[key].append(label)
    for source, entry in order:
        note = by_source.get(source)
        if note is None:
            note = by_source[source] = SourceNote(len(by_source) + 1, source)
            merged.notes.append(note)
        labels = seen[(source, entry)]
        note.inputs.append(entry if len(labels) == len(named) else
                           f"{entry} ({t('note_only', lang, columns=', '.join(f'‘{x}’' for x in labels))})")
    merged.by_path = {str(n.number): n.number for n in merged.notes}  # a comparison cites every note
    return merged
