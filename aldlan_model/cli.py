"""The ``aldlan`` command: a thin Typer shell over the library.

Each command parses its options, makes one library call, renders the result and maps
the library's exceptions to exit codes: 0 success, 2 invalid input or usage, 1 internal
error (a short "please report" line; the traceback only with ``--debug``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aldlan_model import __version__
from aldlan_model.i18n.messages import h, msg, set_lang, startup_lang
from aldlan_model.io.fileio import OutputError
from aldlan_model.model.errors import AldlanError, ScenarioError, one_line, short

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="aldlan",
    help=h("app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state = {"debug": False}


def out_console(soft_wrap: bool = False) -> Console:
    from rich.console import Console  # only for messages: a run in JSON needs no rich console

    return Console(highlight=False, soft_wrap=soft_wrap, emoji=False)  # "x.yaml:100:" is not an emoji


def err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def escape(text: str) -> str:
    """rich's markup escape, imported when a message is printed."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


class Lang(StrEnum):
    nl = "nl"
    en = "en"


SetOpt = Annotated[
    list[str] | None,
    typer.Option("--set", "-s", metavar="PATH=VALUE",
                 help=h("opt_set")),
]
def _set_lang(value: Lang | str | None) -> Lang | str | None:
    """Messages, notes and hints in the language of ``--lang`` (or ``ALDLAN_LANG``); Dutch by default."""
    set_lang(str(getattr(value, "value", value) or "nl"))
    return value


LangOpt = Annotated[Lang, typer.Option(
    "--lang", envvar="ALDLAN_LANG", callback=_set_lang, case_sensitive=False,
    help=h("opt_lang"))]
YearOpt = Annotated[int | None, typer.Option("--year", "-y", help=h("opt_year"))]


class SourcesMode(StrEnum):
    none = "none"
    short = "short"
    full = "full"


SourcesOpt = Annotated[SourcesMode, typer.Option(
    "--sources", help=h("opt_sources"))]


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Turn library errors into messages and exit codes; never a traceback for users."""
    try:
        yield
    except typer.Exit:
        raise
    except ScenarioError as exc:
        console = err_console()
        for problem in exc.problems:
            console.print(f"[red]{msg('cli_error')}[/red] {escape(str(problem))}", markup=True, highlight=False)
        raise typer.Exit(2) from None
    except (AldlanError, OutputError) as exc:  # OutputError: file exists, folder missing/read-only
        err_console().print(f"[red]{msg('cli_error')}[/red] {escape(short(one_line(str(exc)), 1000))}", markup=True,
                            highlight=False)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err_console().print(msg("cli_interrupted"))
        raise typer.Exit(130) from None
    except BrokenPipeError:  # `aldlan run x | head -0`: the reader is gone; nothing more to say
        _silence_stdout()
        raise typer.Exit(0) from None
    except SystemExit as exc:  # rich ends with exit code 1 on a broken pipe; for us it is not an error
        if isinstance(exc.__context__, BrokenPipeError):
            _silence_stdout()
            raise typer.Exit(0) from None
        raise
    except UnicodeEncodeError as exc:  # a stream whose encoding cannot show € or ë (no main())
        _say_once(msg("cli_cannot_show", char=ascii(exc.object[exc.start:exc.end]), encoding=exc.encoding))
        raise typer.Exit(2) from None
    except OSError as exc:
        if exc.errno not in _STREAM_ERRORS:
            _internal(exc)
        _silence_stdout()
        _say_once(msg("cli_cannot_write", why=exc.strerror or exc))
        raise typer.Exit(2) from None
    except Exception as exc:  # noqa: BLE001 - the one place that catches everything
        _internal(exc)


# what writing to a full, broken or too small standard output raises (output files have OutputError)
_STREAM_ERRORS = {errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EPIPE, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _silence_stdout() -> None:
    """Point standard output at the null device, so no later flush (at exit) fails again."""
    with contextlib.suppress(Exception):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _say_once(message: str) -> None:
    """One line on stderr, if stderr can still be written to."""
    with contextlib.suppress(Exception):
        sys.stderr.write(one_line(message) + "\n")
        sys.stderr.flush()


def show_notes(model: object) -> None:
    """Print the notes of a loaded scenario or plan on stderr (they never change the exit code)."""
    from aldlan_model.io.notes import notes_of

    notes = list(notes_of(model))
    if not notes:  # no console, no rich import, for the usual file without notes
        return
    console = err_console()
    for note in notes:
        console.print(f"[yellow]{msg('cli_note')}[/yellow] {escape(one_line(str(note)))}", markup=True,
                      highlight=False)


def _internal(exc: BaseException) -> None:
    if _state["debug"]:
        raise exc
    err_console().print(
        msg("cli_internal", name=type(exc).__name__)
    )
    raise typer.Exit(1) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"aldlan-model {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help=h("opt_version"))] = False,
    debug: Annotated[bool, typer.Option("--debug", help=h("opt_debug"))] = False,
) -> None:
    """Cost-savings modeller for Dutch buurtkamers and wijkgerichte dagbesteding (Wmo).

    Example: aldlan run scenarios/aldlan-mix.yaml
    """
    _state["debug"] = debug or bool(os.environ.get("ALDLAN_DEBUG"))


@app.command(help=h("cmd_validate"))
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


@app.command(help=h("cmd_schema"))
def schema(lang: LangOpt = Lang.nl) -> None:
    """Print the JSON Schema of the scenario format, for editors with a YAML language server.

    Example: aldlan schema > scenario.schema.json
    """
    from aldlan_model.io.schema import schema_json

    with handled():
        sys.stdout.write(schema_json())


@app.command(help=h("cmd_new"))
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


FormatOpt = Annotated[
    str | None,
    typer.Option("--format", "-f", help=h("opt_format")),
]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help=h("opt_output"))]
ForceOpt = Annotated[bool, typer.Option("--force", help=h("opt_force"))]


@app.command(help=h("cmd_run"))
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


@app.command(help=h("cmd_explain"))
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
    from aldlan_model.explain.figures import explain as explain_figure
    from aldlan_model.render.explain_text import render_explanation
    from aldlan_model.render.safetext import clean

    with handled():
        scenario = load_model(file, set_ or [])
        result = run_model(scenario)
        ex = explain_figure(scenario, result, metric, year, lang.value, location=location, project=project)
        text = "\n".join(clean(line) for line in render_explanation(ex).split("\n"))  # no escape codes from input
        out_console().print(text, markup=False, highlight=False)


# commands of later capabilities live in their own modules and register on ``app``
from aldlan_model import cli_analysis, cli_letters, cli_plan, cli_report, cli_uncertainty  # noqa: E402,F401


def _forgiving_streams() -> None:
    """A closed stdout or stderr (``>&-``) becomes the null device (and keeps its number, so no
    file the command opens takes its place); with any PYTHONIOENCODING (ascii, latin-1)
    characters it cannot show become '?', never a crash."""
    for name, fileno in (("stdout", 1), ("stderr", 2)):
        if getattr(sys, name) is None:
            with contextlib.suppress(OSError):
                fd = os.open(os.devnull, os.O_WRONLY)
                if fd != fileno:
                    os.dup2(fd, fileno)
                    os.close(fd)
                setattr(sys, name, open(fileno, "w", encoding="utf-8", closefd=False))  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]


def _no_plugin_loader() -> None:
    """With plugins disabled, pydantic's plugin loader would only import ``importlib.metadata``
    (and ``email`` with it, ≈ 15–30 ms) to return no plugins: give it a loader that returns none."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in ("__all__", "1", "true") \
            and "pydantic.plugin._loader" not in sys.modules:
        import types

        loader = types.ModuleType("pydantic.plugin._loader")
        loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
        sys.modules["pydantic.plugin._loader"] = loader


def main() -> None:
    """Entry point of the ``aldlan`` console script.

    Standard output closed (``>&-``) or gone (``| head -0``): silence and the command's own
    exit code. Standard output full (``> /dev/full``): one line on stderr and exit code 2.
    """
    _forgiving_streams()
    set_lang(startup_lang())  # before any option is parsed: --help and parser messages
    # pydantic looks for plugins in every installed package's metadata when it builds the first
    # model (≈ 10–20 ms of each start-up); aldlan uses none. PYDANTIC_DISABLE_PLUGINS set by the
    # user wins (docs/performance.md).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _no_plugin_loader()
    code: int | str | None = 0
    try:
        app()
    except SystemExit as exc:
        code = exc.code
        if code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":  # click's exit on a broken pipe
            code = 0
    except BrokenPipeError:  # `aldlan --help | head -0`, outside any command
        _silence_stdout()
    except OSError as exc:  # `aldlan run --help > /dev/full`
        if exc.errno not in _STREAM_ERRORS:
            raise
        _silence_stdout()
        _say_once(msg("cli_cannot_write", why=exc.strerror or exc))
        code = 2
    if sys.stdout is not None:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()
        except OSError as exc:
            _silence_stdout()
            _say_once(msg("cli_cannot_write", why=exc.strerror or exc))
            code = 2 if code in (0, None) else code
    sys.exit(code)
