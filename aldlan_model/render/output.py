"""Send a report where the user asked: the terminal, stdout or a file, in a format.

``emit`` is the one function every report command calls. Formats: ``table`` (rich, the
terminal; plain text in a ``.txt`` file), ``markdown``, ``html``, ``csv``, ``xlsx``,
``docx`` and ``json``. With ``-o FILE`` and no ``--format`` the format follows the
extension. ``xlsx`` and ``docx`` need ``-o``; the others may go to stdout.

``report`` is a :class:`Report`, or a function ``year_cols -> Report`` so that each
format gets the table layout it needs: ``year_cols`` year columns in the terminal,
six in documents (seven columns with the labels, A4 portrait), all years in
spreadsheets. Document formats also cut any other table wider than that.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aldlan_model.i18n.messages import msg
from aldlan_model.ledger.report import Report
from aldlan_model.model.errors import UsageError
from aldlan_model.render.safetext import clean_report, json_text

FORMATS = ("table", "markdown", "html", "csv", "xlsx", "docx", "json")
EXTENSIONS = {
    ".txt": "table", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
    ".csv": "csv", ".xlsx": "xlsx", ".docx": "docx", ".json": "json",
}
NEEDS_FILE = ("xlsx", "docx")
DOCUMENTS = ("markdown", "html", "docx")
SPREADSHEETS = ("csv", "xlsx")
DOCUMENT_YEAR_COLS = 6
ALL_YEARS = 10_000  # spreadsheets: every year in one table (periods are at most 100 years)
TEXT_WIDTH = 100  # plain-text tables written to a file

ReportArg = Report | Callable[[int], Report]


def is_stdout(output: Path | str | None) -> bool:
    """``-o -``: standard output, for the text formats."""
    return output is not None and str(output) == "-"


def wrote(path: Path | str) -> None:
    """The "✓ wrote PATH" line on stderr (stdout stays clean for pipes), the name shown escaped."""
    from aldlan_model.model.errors import one_line

    sys.stderr.write(f"\u2713 {msg('cli_wrote', path=one_line(str(path)))}\n")


def resolve_format(fmt: str | None, output: Path | None) -> str:
    """The format asked for, else the one the output file's extension names, else ``table``."""
    if is_stdout(output):
        return _stdout_format(fmt)
    if fmt:
        name = fmt.strip().lower()
        if name == "md":
            name = "markdown"
        if name not in FORMATS:
            raise UsageError(msg("unknown_format", fmt=repr(fmt), choices=", ".join(FORMATS)))
    elif output is not None:
        ext = Path(output).suffix.lower()
        if ext not in EXTENSIONS:
            shown = ext or msg("no_extension")
            raise UsageError(msg("format_from_ext", path=output, ext=shown, exts=", ".join(EXTENSIONS),
                                 formats=", ".join(FORMATS)))
        name = EXTENSIONS[ext]
    else:
        name = "table"
    if name in NEEDS_FILE and output is None:
        raise UsageError(msg("format_needs_file", name=name))
    return name


def _stdout_format(fmt: str | None) -> str:
    """``-o -``: the format asked for (``table`` by default); a binary format is refused."""
    name = resolve_format(fmt, Path("x.txt")) if fmt else "table"
    if name in NEEDS_FILE:
        raise UsageError(msg("out_stdout_binary", name=name))
    return name


def layout(report: ReportArg, fmt: str, year_cols: int) -> Report:
    """The report laid out for ``fmt`` (see the module docstring)."""
    if fmt in DOCUMENTS:
        cols = DOCUMENT_YEAR_COLS
    elif fmt in SPREADSHEETS:
        cols = ALL_YEARS
    else:
        cols = year_cols
    built = report if isinstance(report, Report) else report(cols)
    if fmt in DOCUMENTS:
        from aldlan_model.tables.parts import split_wide

        built = split_wide(built, DOCUMENT_YEAR_COLS)
    if fmt in SPREADSHEETS:  # a figure in words ("meerkosten € 16.231") as its signed number
        from aldlan_model.tables.parts import signed_numbers

        built = signed_numbers(built)
    return built


def render(report: Report, fmt: str) -> str | bytes:
    """``report`` as the text or bytes of a document format (not ``table``/``json``)."""
    if fmt == "markdown":
        from aldlan_model.render.markdown import render as md

        return md(report)
    if fmt == "html":
        from aldlan_model.render.html import render as html

        return html(report)
    if fmt == "csv":
        from aldlan_model.render.csv import render as csv

        return csv(report)
    if fmt == "xlsx":
        from aldlan_model.render.xlsx import render as xlsx

        return xlsx(report)
    if fmt == "docx":
        from aldlan_model.render.docx import render as docx

        return docx(report)
    raise UsageError(msg("unknown_format", fmt=repr(fmt), choices=", ".join(FORMATS)))


def plain_text(report: Report, width: int = TEXT_WIDTH) -> str:
    """The terminal rendering as plain text (no colours), for ``-o rapport.txt``."""
    import io

    from rich.console import Console

    from aldlan_model.render.terminal import render as terminal

    buf = io.StringIO()
    Console(file=buf, width=width, color_system=None, highlight=False, force_terminal=False,
            legacy_windows=False).print(terminal(report, width))
    return buf.getvalue()


def _write(data: str | bytes, output: Path | None, force: bool, *, bom: bool = False) -> None:
    if output is None:
        sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8"))
        return
    from aldlan_model.io.fileio import write_output

    if bom and isinstance(data, str):
        data = "\ufeff" + data
    wrote(write_output(output, data, force=force))


def emit(
    report: ReportArg,
    json_data: Any,
    *,
    fmt: str | None = None,
    output: Path | None = None,
    force: bool = False,
    year_cols: int = 4,
) -> None:
    """Render ``report`` (or ``json_data`` for json) to stdout or ``output``.

    Raises :class:`UsageError` for an unknown format or extension and when a binary
    format has no output file; :class:`aldlan_model.io.fileio.OutputError` when the file
    exists (without ``force``) or its folder is missing or not writable.
    """
    name = resolve_format(fmt, output)
    if is_stdout(output):
        output = None
    if name == "json":
        from aldlan_model.render.json import dumps

        _write(json_text(dumps(json_data)), output, force)  # no raw C1 or direction mark in a terminal
        return
    built = clean_report(layout(report, name, year_cols))  # no control character from input in any format
    if name == "table":
        if output is not None:
            _write(plain_text(built), output, force)
            return
        from rich.console import Console

        from aldlan_model.render.terminal import render as terminal

        console = Console(highlight=False)
        console.print(terminal(built, console.width))
        return
    _write(render(built, name), output, force, bom=name == "csv")
