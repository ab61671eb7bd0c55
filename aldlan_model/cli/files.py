"""``validate``, ``schema`` and ``new``: the scenario file itself."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from aldlan_model.cli.common import (
    Lang,
    LangOpt,
    command,
    err_console,
    escape,
    handled,
    out_console,
    show_notes,
)
from aldlan_model.i18n.messages import h, msg
from aldlan_model.model.errors import ScenarioError, one_line


@command(help=h("cmd_validate"))
def validate(
    files: Annotated[list[Path], typer.Argument(help=h("arg_validate_files"), show_default=False)],
    lang: LangOpt = Lang.nl,
) -> None:
    """Check scenario files and report every problem with file, line and column.

    Example: aldlan validate scenarios/*.yaml
    """
    from aldlan_model.api import load_model

    out, err = out_console(soft_wrap=True), err_console()
    bad = 0
    with handled():
        for f in files:
            try:
                s = load_model(f)
            except ScenarioError as exc:
                bad += 1
                err.print(f"[red]✗[/red] {escape(one_line(str(f)))}", markup=True, highlight=False)
                for problem in exc.problems:
                    err.print(f"  {problem}", markup=False, highlight=False)
                continue
            line = escape(one_line(f"{f}: {s.name}"))
            out.print(f"[green]✓[/green] {line} ({msg('validate_ok')})", markup=True, highlight=False)
            show_notes(s)
    if bad:
        raise typer.Exit(2)


@command(help=h("cmd_schema"))
def schema(lang: LangOpt = Lang.nl) -> None:
    """Print the JSON Schema of the scenario format, for editors with a YAML language server.

    Example: aldlan schema > scenario.schema.json
    """
    from aldlan_model.io.schema import schema_json

    with handled():
        sys.stdout.write(schema_json())


@command(help=h("cmd_new"))
def new(
    file: Annotated[Path, typer.Argument(help=h("arg_new_file"), show_default=False)],
    from_: Annotated[
        Path | None, typer.Option("--from", help=h("opt_new_from"))
    ] = None,
    lang: LangOpt = Lang.nl,
) -> None:
    """Write a commented starting scenario that validates as written (never overwrites).

    Example: aldlan new mijn-buurtkamer.yaml --from scenarios/aldlan-mix.yaml
    """
    from aldlan_model.io.template import write_new

    with handled():
        path = write_new(file, from_)
        shown = escape(msg("cli_wrote", path=one_line(str(path))))
        out_console().print(f"[green]✓[/green] {shown}", markup=True, highlight=False)
