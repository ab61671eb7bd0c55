"""Send a report where the user asked: the terminal, stdout or a file, in a format.

``emit`` is the one function every report command calls. Formats: ``table`` (rich, the
terminal), ``json``. (Other formats are added by the letters issue.)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from aldlan_model.errors import UsageError
from aldlan_model.reports.model import Report

FORMATS = ("table", "json")


def emit(
    report: Report,
    json_data: Any,
    *,
    fmt: str | None = None,
    output: Path | None = None,
    force: bool = False,
    year_cols: int = 4,
) -> None:
    """Render ``report`` (or ``json_data`` for json) to stdout or ``output``."""
    fmt = fmt or "table"
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    if fmt == "json":
        from aldlan_model.reports.jsonout import dumps

        text = dumps(json_data)
        if output is None:
            sys.stdout.write(text)
        else:
            from aldlan_model.fileio import write_output

            write_output(output, text, force=force)
        return
    from rich.console import Console

    from aldlan_model.reports.terminal import render

    Console(highlight=False).print(render(report))
