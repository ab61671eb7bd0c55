"""The memo of ``aldlan report`` as data: a :class:`Memo` of :class:`Section` s of :class:`Block` s
(paragraphs, sub-headings, list items, numbered source notes, tables, pictures), the
:class:`MemoItem` s it is made of, and the text helpers the writers share: :func:`spans`
(``**bold**``) and the Verantwoording (the method, read from
``aldlan_model/data/verantwoording.{nl,en}.md``, the text docs/method.md also holds).

:mod:`.content` fills a :class:`Memo`; :mod:`.docx` and :mod:`.html` render one (they format, never
compute); :mod:`.write` picks the writer by format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from aldlan_model.ledger.report import Table

SECTIONS = ("summary", "starting_points", "costs", "mechanisms", "payers", "financing", "uncertainty", "inputs",
            "method")
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
    new_page: bool = False  # start on a new page (the appendices)


@dataclass
class Memo:
    lang: str
    kind: str  # "Bijlage"
    title: str  # the subject
    date: str  # "2 december 2026"
    meta: list[tuple[str, str]]  # the bijlage block: Aan, Van, Datum, Kenmerk, Onderwerp
    sections: list[Section]
    colophon: str = ""  # the one line that names the files, the version and the draws

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


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
