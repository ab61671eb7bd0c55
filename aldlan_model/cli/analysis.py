"""``aldlan compare``, ``aldlan solve`` and ``aldlan sweep``: thin shells over aldlan_model.analysis."""

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
)
from aldlan_model.i18n.messages import h


@command(help=h("cmd_compare"))
def compare(
    items: Annotated[list[str], typer.Argument(
        metavar="FILE [PATH=VALUE]...", show_default=False,
        help=h("arg_compare_items"))],
    set_: Annotated[list[str] | None, typer.Option(
        "--set", "-s", metavar="PATH=VALUE",
        help=h("opt_compare_set"))] = None,
    year: YearOpt = None,
    years: Annotated[bool, typer.Option("--years", help=h("opt_compare_years"))] = False,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = Lang.nl,
    sources: SourcesOpt = SourcesMode.short,
) -> None:
    """Compare scenarios side by side: spending, savings, the operator and staffing, best value per row ★.

    The row "Gemiste besparing" (foregone savings) shows how much less each column saves than
    the first one, cumulatively: the cost of starting later.

    \b
    Example: aldlan compare scenarios/aldlan-mix.yaml scenarios/volunteers-only.yaml scenarios/commercial.yaml
    Example, the cost of starting in 2020 or 2021 instead of 2019:
      aldlan compare scenarios/aldlan-mix.yaml \\
        scenarios/aldlan-mix.yaml period.start=2020 scenarios/aldlan-mix.yaml period.start=2021
    """
    from aldlan_model.analysis.compare import compare as run_compare
    from aldlan_model.analysis.overrides import parse_variants
    from aldlan_model.render.json import compare_dict
    from aldlan_model.render.output import emit
    from aldlan_model.tables.compare import compare_report
    from aldlan_model.tables.termfit import FIT

    with handled():
        comparison = run_compare(parse_variants(items), set_ or [], year)
        width = terminal_width(output)

        def report(cols: int):  # the terminal: as many columns as fit; documents 6; spreadsheets all
            if cols == FIT:
                return compare_report(comparison, lang.value, years=years, width=width, sources=sources.value)
            return compare_report(comparison, lang.value, years=years, columns=cols, sources=sources.value)

        emit(report, compare_dict(comparison, lang.value), fmt=format, output=output, force=force, year_cols=FIT)


@command(help=h("cmd_solve"))
def solve(
    file: Annotated[Path, typer.Argument(help=h("arg_scenario"), show_default=False)],
    vary: Annotated[str, typer.Option(
        "--vary", metavar="PATH", show_default=False,
        help=h("opt_solve_vary"))],
    goal: Annotated[str, typer.Option(
        "--goal", metavar="METRIC=VALUE", show_default=False,
        help=h("opt_solve_goal"))],
    year: YearOpt = None,
    draws: Annotated[int, typer.Option("--draws", "-n", help=h("opt_solve_draws"))]
    = 10_000,
    seed: Annotated[int, typer.Option("--seed", help=h("opt_solve_seed"))] = 1,
    set_: SetOpt = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = Lang.nl,
) -> None:
    """Goal seek: the value of one number at which a figure reaches a goal (in the target year or --year).

    A goal is one-sided: savings, share, result and income at least the goal; cost, subsidy, baseline
    and scenario at most (or write METRIC>=VALUE / METRIC<=VALUE). Whole numbers (locations, years)
    give the boundary of the values that reach the goal: the smallest when the figure rises with the
    number, the largest ("up to and including") when it falls. Other numbers give the exact value where
    the figure crosses the goal, searched up to 1,000,000,000 when they have no upper bound.
    Plans (locations as a list of rooms) are refused: compare a plan with itself instead.

    \b
    Example, break-even number of ZIN participants:
      aldlan solve scenarios/aldlan-mix.yaml --vary participants.zin.count --goal result=0
    Example, buurtkamers needed for the target:
      aldlan solve scenarios/aldlan-mix.yaml --vary locations --goal savings=3600000
    Example, buurtkamers needed for a 90 % chance of the target (common random numbers, seed 1):
      aldlan solve scenarios/aldlan-mix.yaml --vary locations --goal p_target=0.9 --draws 100000
    """
    from aldlan_model.analysis.solve_chance import is_chance
    from aldlan_model.io.loader import read_document
    from aldlan_model.render.output import emit

    if is_chance(goal.partition("=")[0].rstrip("<>")):
        from aldlan_model.analysis.solve_chance import parse_chance_goal, solve_chance
        from aldlan_model.cli.uncertainty import keep_freed_memory
        from aldlan_model.tables.solve import chance_dict, chance_report

        with handled():
            chance, value = parse_chance_goal(goal)
            keep_freed_memory()
            sol = solve_chance(read_document(file), vary.strip(), chance, value, year, set_ or [], draws, seed)
            emit(chance_report(sol, lang.value), chance_dict(sol), fmt=format, output=output, force=force)
        return
    from aldlan_model.analysis.solve import parse_goal
    from aldlan_model.analysis.solve import solve as run_solve
    from aldlan_model.tables.solve import solve_dict, solve_report

    with handled():
        metric, value, side = parse_goal(goal)
        solution = run_solve(read_document(file), vary.strip(), metric, value, year, set_ or [], side)
        emit(solve_report(solution, lang.value), solve_dict(solution), fmt=format, output=output, force=force)


@command(help=h("cmd_sweep"))
def sweep(
    file: Annotated[Path, typer.Argument(help=h("arg_scenario"), show_default=False)],
    set_: Annotated[list[str] | None, typer.Option(
        "--set", "-s", metavar="PATH=START:STOP:STEP",
        help=h("opt_sweep_set"))] = None,
    metric: Annotated[str, typer.Option(
        "--metric", "-m", help=h("opt_sweep_metric"))] = "savings",
    year: YearOpt = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = Lang.nl,
) -> None:
    """Sweep one or two numbers over a grid; cells that reach the goal are marked ✓. Not for plans.

    At most 1,000,000 points (json, csv), 20,000 in .xlsx; a terminal or document table shows at most
    100 rows × 24 columns.
    csv: a line per point; json: {"metric", "year", "parameters": [{"path", "values"}], "values", "marked"}.

    \b
    Example:
      aldlan sweep scenarios/aldlan-mix.yaml --set participants.zin.count=8:16:2 --set locations=30:40:2
    """
    from aldlan_model.analysis.sweep import grid_dict
    from aldlan_model.analysis.sweep import sweep as run_sweep
    from aldlan_model.io.loader import read_document
    from aldlan_model.render.output import DOCUMENTS, emit, resolve_format
    from aldlan_model.render.sweep_csv import sweep_csv
    from aldlan_model.tables.sweep import sweep_report
    from aldlan_model.tables.termfit import FIT

    with handled():
        name = resolve_format(format, output)
        grid = run_sweep(read_document(file), set_ or [], metric.strip(), year,
                         for_table=name if name == "table" or name in DOCUMENTS or name == "xlsx" else False)
        if name == "csv":
            _write_csv(sweep_csv(grid, lang.value), output, force)
            return

        width = terminal_width(output)

        def report(cols: int):  # the terminal: as many columns as fit; documents 6; spreadsheets all
            return sweep_report(grid, lang.value, width=width) if cols == FIT else sweep_report(grid, lang.value,
                                                                                                columns=cols)

        emit(report, grid_dict(grid), fmt=name, output=output, force=force, year_cols=FIT)


def terminal_width(output: Path | None) -> int:
    """The width a table for ``--format table`` gets: the console's, or that of a ``.txt`` file."""
    if output is not None:
        from aldlan_model.render.output import TEXT_WIDTH

        return TEXT_WIDTH
    from rich.console import Console

    return Console().width


def _write_csv(text: str, output: Path | None, force: bool) -> None:
    from aldlan_model.render.output import is_stdout, wrote

    if output is None or is_stdout(output):
        typer.echo(text, nl=False)
        return
    from aldlan_model.io.fileio import write_output

    wrote(write_output(output, "\ufeff" + text, force=force))  # a BOM, as every aldlan CSV: Excel reads € and ë
