"""``run`` and ``explain``: one scenario or plan, computed and shown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aldlan_model.cli.common import (
    ForceOpt,
    FormatOpt,
    Lang,
    LangOpt,
    OutputOpt,
    SetOpt,
    SourcesMode,
    SourcesOpt,
    YearOpt,
    command,
    handled,
    out_console,
    show_notes,
)
from aldlan_model.i18n.messages import h


@command(help=h("cmd_run"))
def run(
    file: Annotated[Path, typer.Argument(help=h("arg_scenario"), show_default=False)],
    set_: SetOpt = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = Lang.nl,
    sources: SourcesOpt = SourcesMode.short,
) -> None:
    """Compute a scenario: savings against the target, the operator's exploitation, staffing.

    Example: aldlan run scenarios/aldlan-mix.yaml --set participants.zin.count=14
    """
    from aldlan_model.api import load_model, run_model
    from aldlan_model.render.output import emit, resolve_format

    with handled():
        scenario = load_model(file, set_ or [])
        show_notes(scenario)
        result = run_model(scenario)
        def report(year_cols: int):  # each format picks its table width
            from aldlan_model.tables.run import run_report

            return run_report(scenario, result, lang.value, year_cols=year_cols, sources=sources.value)

        data = None
        if resolve_format(format, output) == "json":  # only json needs it: the tables are built from the report
            from aldlan_model.render.json import run_dict

            data = run_dict(scenario, result, lang=lang.value)
        emit(report, data, fmt=format, output=output, force=force,
             year_cols=4)


@command(help=h("cmd_explain"))
def explain(
    file: Annotated[Path, typer.Argument(help=h("arg_scenario"), show_default=False)],
    metric: Annotated[str, typer.Argument(help=h("arg_explain_metric"), show_default=False)],
    year: YearOpt = None,
    location: Annotated[str | None, typer.Option(
        "--location", help=h("opt_explain_location"))] = None,
    project: Annotated[str | None, typer.Option(
        "--project", help=h("opt_explain_project"))] = None,
    set_: SetOpt = None,
    lang: LangOpt = Lang.nl,
) -> None:
    """Show how one figure was computed: the rule, the formula with numbers, the inputs and sources.

    Example: aldlan explain scenarios/aldlan-mix.yaml savings --year 2021
    """
    from aldlan_model.api import load_model, run_model
    from aldlan_model.explain.explain import explain as explain_figure
    from aldlan_model.render.explain_text import render_explanation
    from aldlan_model.render.safetext import clean

    with handled():
        scenario = load_model(file, set_ or [])
        result = run_model(scenario)
        ex = explain_figure(scenario, result, metric, year, lang.value, location=location, project=project)
        text = "\n".join(clean(line) for line in render_explanation(ex).split("\n"))  # no escape codes from input
        out_console().print(text, markup=False, highlight=False)
