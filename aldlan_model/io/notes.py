"""Notes: values that are valid but probably not what the writer meant.

They never stop a run (a valid file stays valid); the CLI shows them on stderr next to the
result, with the place they were written, and the reports list them with their warnings, so
``salary: 34.500`` (read as 34,5 euros, the point being a decimal point in YAML) does not
pass unnoticed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from aldlan_model.i18n.messages import L, msg, use_lang
from aldlan_model.io.document import Document, locate
from aldlan_model.io.yamlsrc import dotted
from aldlan_model.model.errors import Problem
from aldlan_model.model.scenario import Scenario

_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.000")
_THREE_DECIMALS = re.compile(r"[1-9]\d{0,2}\.\d{3}")

MONEY_KEYS = frozenset({
    "salary", "allowance", "other_costs", "hourly_cost", "housing", "amount", "costs", "income", "subsidy",
    "other", "yearly", "yearly_costs", "per_trip", "assessment_per_indication",
})
"""Keys whose number is an amount of euros: ``34.500`` there is a Dutch thirty-four thousand five hundred.
Prices per dagdeel (tariffs, ``contribution``, ``per_participant_dagdeel``) are left out: 4.125 may be meant."""
_NUMBER_PARTS = frozenset({"value", "low", "mode", "high"})


@dataclass(frozen=True)
class Note(Problem):
    """A note that can be shown again in another language (a report's)."""

    key: str = ""
    facts: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def in_lang(self, lang: str) -> str:
        with use_lang(lang):
            return msg(self.key, **self.facts)


def _note(loc: Any, path: tuple[Any, ...], key: str, **facts: Any) -> Note:
    return Note(loc.file, loc.line, loc.col, dotted(path), msg(key, **facts), key, facts)


def _money_key(path: tuple[Any, ...]) -> bool:
    named = [p for p in path if isinstance(p, str) and p not in _NUMBER_PARTS]
    return bool(named) and named[-1] in MONEY_KEYS


def notes_for(doc: Document, scenario: Scenario) -> list[Problem]:
    out: list[Problem] = []
    for path, loc in sorted(doc.locs.items(), key=lambda item: (item[1].line or 0, item[1].col or 0)):
        shown = (loc.raw or "").strip()
        if loc.raw is None or not (_THOUSANDS.fullmatch(shown) or
                                   (_THREE_DECIMALS.fullmatch(shown) and _money_key(path))):
            continue
        whole = int(shown.replace(".", ""))
        read = float(shown)
        read_en = str(int(read)) if read.is_integer() else repr(read)
        out.append(_note(loc, path, "note_thousands", raw=shown, read=L(read_en.replace(".", ","), read_en),
                         words=L(words_nl(whole), words_en(whole)), plain=str(whole)))
    for group in ("zin", "pgb", "without_indication"):
        g = getattr(scenario.participants, group)
        if g.count.point > 0 and g.dagdelen_per_week.point == 0:
            path = ("participants", group, "dagdelen_per_week")
            loc = locate(doc, path)
            out.append(_note(loc, path, "note_no_dagdelen", count=f"{g.count.point:g}"))
    return out


def notes_of(model: object) -> list[Problem]:
    """The notes attached to a loaded scenario, or to every room of a plan (once each)."""
    rooms = getattr(model, "locations", None)
    found: list[Problem] = []
    for s in [r.scenario for r in rooms] if isinstance(rooms, list) else [model]:
        for note in getattr(s, "__notes__", []):
            if note not in found:
                found.append(note)
    return found


def note_texts(model: object, lang: str) -> list[str]:
    """The notes of a scenario or plan as lines for a report's warnings, in the report's language."""
    out = []
    for note in notes_of(model):
        text = note.in_lang(lang) if isinstance(note, Note) and note.key else note.message
        out.append(str(Problem(note.file, note.line, note.col, note.path, text)))
    return out


def words_nl(n: int) -> str:
    """A whole number in Dutch words (num2words): 34500 → 'vierendertigduizendvijfhonderd'."""
    from num2words import num2words  # only when a note needs it

    return num2words(n, lang="nl")


def words_en(n: int) -> str:
    """A whole number in English words (num2words): 34500 → 'thirty-four thousand, five hundred'."""
    from num2words import num2words

    return num2words(n, lang="en")
