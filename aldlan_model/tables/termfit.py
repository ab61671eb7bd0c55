"""Split a wide table into parts that a terminal of a given width shows whole.

A number that does not fit is cut off by the terminal, so the widths are measured, not
guessed: each number column is as wide as its widest cell (with its ★ or ✓) or header word,
plus 3 for the rule and padding; a text column wraps, at its longest word and at least
``TEXT_MIN``; the label column is as wide as :func:`aldlan_model.render.terminal.table` makes
it at the terminal's width (wrapped at 30 characters, narrowed to 12 when the values need the
room). ``FIT`` as a report builder's column count asks for this split (see
:func:`aldlan_model.render.output.emit`'s ``year_cols``).
"""

from __future__ import annotations

import dataclasses

from aldlan_model.ledger.report import Table
from aldlan_model.tables.parts import cells, numeric_column
from aldlan_model.tables.run import balanced_chunks

FIT = 0  # "as many columns as the terminal width allows", in place of a column count
LABEL_MIN, LABEL_MAX = 12, 30  # the label column of the terminal table wraps within these
LAYOUT_WIDTH = 79  # the width terminal.table lays the label column out for on an 80-column terminal
GAP = 3  # "│" and a space of padding either side
TEXT_MIN = 16  # a text column wraps, but not narrower than this (or its longest word)


def column_width(tb: Table, ci: int, shown: list[list[str]]) -> int:
    """What a value column needs, without the gap: a number column its widest cell or header word (a
    number never wraps); a text column its longest word, at least ``TEXT_MIN``, at most its widest cell."""
    texts = [r[ci] for r in shown if ci < len(r)]
    header = [len(w) for w in tb.columns[ci].split()] + [1]
    if numeric_column(tb, ci):
        return max([len(x) for x in texts] + header)
    words = [len(w) for x in texts for w in x.split()] + header
    return max(max(words), min(TEXT_MIN, max([len(x) for x in texts] + header)))


def value_widths(tb: Table, lang: str) -> list[int]:
    """The terminal width of each value column (:func:`column_width`), plus the gap."""
    shown = cells(tb, lang)
    return [column_width(tb, ci, shown) + GAP for ci in range(len(tb.columns))]


def label_room(values: int, width: int) -> int:
    """The label column's width at most, beside value columns ``values`` wide on a ``width`` terminal."""
    return max(LABEL_MIN, min(LABEL_MAX, width - 1 - values))


def label_width(tb: Table) -> int:
    return max([len(tb.label_header), *(len(r.label) for r in tb.rows)], default=4)


def fits(labels: int, values: int, width: int) -> bool:
    """Whether a table with label text ``labels`` wide and value columns ``values`` wide fits ``width``."""
    return min(labels, label_room(values, width)) + values <= width


def fit_parts(tb: Table, lang: str, width: int, most: int) -> list[range]:
    """As few parts of at most ``most`` columns as fit ``width``; of nearly equal size where that
    fits too. A single column wider than the terminal gets a part of its own."""
    widths, labels = value_widths(tb, lang), label_width(tb)
    n = len(widths)
    greedy: list[range] = []
    start = 0
    while start < n:
        stop = start + 1
        while stop < n and stop - start < most and fits(labels, sum(widths[start:stop + 1]), width):
            stop += 1
        greedy.append(range(start, stop))
        start = stop
    balanced = balanced_chunks(n, -(-n // len(greedy))) if n else []
    if len(balanced) == len(greedy) and all(fits(labels, sum(widths[p.start:p.stop]), width) for p in balanced):
        return balanced
    return greedy


def take(tb: Table, part: range, **changes: object) -> Table:
    """The columns ``part`` of ``tb`` (values, raw values, kinds, ★ and ✓ move with their column)."""
    rows = [dataclasses.replace(r, values=[r.values[i] for i in part],
                                raw=None if r.raw is None else [r.raw[i] for i in part]) for r in tb.rows]
    return dataclasses.replace(
        tb, columns=[tb.columns[i] for i in part], rows=rows,
        kinds=[tb.kinds[i] for i in part if i < len(tb.kinds)],
        best={ri: ci - part.start for ri, ci in tb.best.items() if ci in part},
        marks={(ri, ci - part.start) for ri, ci in tb.marks if ci in part}, **changes,
    )
