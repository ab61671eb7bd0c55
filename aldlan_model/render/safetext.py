"""Text from a scenario made safe for every output: terminal, documents and spreadsheets.

A scenario's name, sources, roles and location names are whatever its author typed. Before
they reach an output:

- :func:`clean` shows control characters as visible escapes (``\\x1b``, ``\\u202e``), so an
  ANSI escape or a right-to-left override never reaches a terminal raw and Word and Excel
  never refuse a character (openpyxl's ``IllegalCharacterError``, python-docx's
  ``ValueError``); line breaks and tabs become spaces, so no text can fake an output line.
- :func:`clean_report` does that for every text of a :class:`Report`, once, where a
  report is sent to its format (``output.emit``).
- :func:`csv_field` and :func:`xlsx_text` keep input text from becoming a spreadsheet
  formula: in CSV a text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return gets a leading ``'`` (as OWASP recommends), numbers stay numbers; in Excel a text
  cell is always a text cell, never a formula.
- :func:`mpl_text` keeps ``$`` from starting matplotlib's math mode.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import unicodedata
import warnings
from collections.abc import Iterator
from typing import Any

# control characters (C0, DEL, C1) and the invisible format characters that reorder or hide
# text (bidi overrides and isolates, zero-width marks): shown, never passed on
# and what XML 1.0 forbids (U+FFFE, U+FFFF, lone surrogates): Word, Excel and SVG are XML
_HIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
                     r"\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]")
_BREAKS = re.compile(r"[\t\n\r\x85\u2028\u2029]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBERLIKE = re.compile(r"[-+]?[\d\s.,\u00a0\u202f'€%]*\d[\d\s.,\u00a0\u202f'€%]*")
MAX_DOC_TITLE = 255  # Word's document properties (core_properties.title) hold at most 255 characters


def _shown(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def clean(text: str) -> str:
    """``text`` with line breaks and tabs as spaces and other control characters escaped."""
    if text.isprintable():
        return text
    return _HIDDEN.sub(_shown, _BREAKS.sub(" ", text))


def clean_any(value: Any) -> Any:
    """``value`` with every string in it cleaned: strings, lists, tuples, sets, dicts, dataclasses."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [clean_any(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_any(v) for v in value)
    if isinstance(value, set | frozenset):
        return type(value)(clean_any(v) for v in value)
    if isinstance(value, dict):
        return {clean_any(k): clean_any(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: clean_any(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    return value


def clean_report(report: Any) -> Any:
    """A copy of a :class:`Report` (or any dataclass) with every text in it cleaned."""
    return clean_any(report)


_JSON_HIDDEN = re.compile(r"[\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")


def json_text(text: str) -> str:
    """JSON text with the characters ``json.dumps`` leaves raw (DEL, C1 controls, direction marks)
    written as ``\\u`` escapes: the same data, but nothing a terminal acts on."""
    return _JSON_HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def csv_field(value: Any) -> Any:
    """A CSV field that no spreadsheet reads as a formula; numbers (``-1234,5``) are unchanged."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    if _NUMBERLIKE.fullmatch(value):
        return value
    return "'" + value


def csv_row(row: Any) -> list[Any]:
    return [csv_field(v) for v in row]


def xlsx_text(cell: Any) -> Any:
    """An openpyxl cell holding text as text: ``=cmd|' /C calc'!A0`` stays those characters."""
    if isinstance(cell.value, str):
        text = clean(cell.value)
        if len(text) > XLSX_CELL_MAX // 2 and len(text.encode("utf-16-le")) // 2 > XLSX_CELL_MAX:
            text = _cut_utf16(text, XLSX_CELL_MAX - len(XLSX_CUT)) + XLSX_CUT
        cell.value = text
        cell.data_type = "s"  # openpyxl makes any text starting with '=' a formula
    return cell


XLSX_CELL_MAX = 32_767  # Excel's limit for a text cell, in UTF-16 code units
XLSX_CUT = " […]"  # marks a text cut to that limit


def _cut_utf16(text: str, units: int) -> str:
    """``text`` cut to at most ``units`` UTF-16 code units, never inside a surrogate pair."""
    cut = text.encode("utf-16-le")[: 2 * units].decode("utf-16-le", "ignore")
    return cut


def doc_title(text: str) -> str:
    """A title for a document's properties: clean and at most 255 characters."""
    text = clean(text)
    return text if len(text) <= MAX_DOC_TITLE else text[: MAX_DOC_TITLE - 1] + "…"


MPL_KEEP = "\u2060"
"""A word joiner (zero width) before a label that starts with ``_``, which matplotlib would leave
out of the legend."""


def mpl_text(text: str) -> str:
    """A label for matplotlib: clean, ``$`` literal (it would start math mode), and shown in a
    legend also when it starts with ``_`` (matplotlib hides such labels)."""
    text = clean(text).replace("$", r"\$")
    return MPL_KEEP + text if text.startswith("_") else text


def is_clean(text: str) -> bool:
    """No control character and no hidden format character left in ``text``."""
    return not any(unicodedata.category(ch) == "Cc" for ch in text) and not _HIDDEN.search(text)


class SafeCsvWriter:
    """A ``csv.writer`` whose every field goes through :func:`csv_field`."""

    def __init__(self, writer: Any):
        self._writer = writer

    def writerow(self, row: Any) -> Any:
        return self._writer.writerow(csv_row(row))

    def writerows(self, rows: Any) -> None:
        for row in rows:
            self.writerow(row)


@contextlib.contextmanager
def quiet_glyphs() -> Iterator[None]:
    """Drawing a chart: a character the font lacks (an emoji in a name) is drawn as a box and a
    name too long for the layout is drawn anyway, without matplotlib's warnings (with a source
    path) on stderr."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from", category=UserWarning)
        warnings.filterwarnings("ignore", message=r".*does not have a glyph for", category=UserWarning)
        # a very long name: the layout gives up and the chart is drawn without it
        warnings.filterwarnings("ignore", message=r"constrained_layout not applied", category=UserWarning)
        yield
