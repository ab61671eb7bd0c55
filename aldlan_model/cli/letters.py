"""``aldlan chart``: a chart of one or more scenarios for a letter (PNG, SVG or PDF)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from aldlan_model.cli.common import ForceOpt, Lang, LangOpt, SetOpt, TargetYearOpt, command, handled, year_override
from aldlan_model.i18n.messages import h


class ChartKind(str, Enum):  # noqa: UP042 - Typer shows the values of a str Enum as choices
    savings = "savings"
    costs = "costs"
    target = "target"
    mechanisms = "mechanisms"
    funding = "funding"
    payers = "payers"


@command(help=h("cmd_chart"))
def chart(
    files: Annotated[list[Path], typer.Argument(help=h("arg_chart_files"),
                                                show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", show_default=False,
                                         help=h("opt_chart_output"))],
    kind: Annotated[ChartKind, typer.Option("--kind", "-k", help=h("opt_chart_kind"))
                ] = ChartKind.savings,
    lang: LangOpt = Lang.nl,
    force: ForceOpt = False,
    set_: SetOpt = None,
    year: TargetYearOpt = None,
) -> None:
    """Draw a chart of scenarios side by side, ready for a letter (readable in black and white).

    A plan (locations as a list of rooms) is drawn as its totals over all rooms.

    Example: aldlan chart scenarios/aldlan-mix.yaml scenarios/commercial.yaml -o besparing.png
    """
    from aldlan_model.api import load_model, run_model
    from aldlan_model.io.fileio import write_output
    from aldlan_model.render.charts.base import chart_format
    from aldlan_model.render.charts.draw import render_chart
    from aldlan_model.render.output import wrote

    with handled():
        fmt = chart_format(output)
        items = []
        for f in files:
            # a scenario, or a plan of several rooms (its totals); --year as the target year
            model = load_model(f, [*(set_ or []), *year_override(year)])
            items.append((model, run_model(model)))
        written = write_output(output, render_chart(items, kind.value, lang.value, fmt), force=force)
        wrote(written)
