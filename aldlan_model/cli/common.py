"""What every command shares: consoles, the common options, the error mapping and the list of
commands that :mod:`aldlan_model.cli.app` registers on the Typer app (so no command module
imports the app, and the app imports every command module: one way)."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from aldlan_model import __version__
from aldlan_model.i18n.messages import h, msg, set_lang, startup_lang
from aldlan_model.io.fileio import OutputError
from aldlan_model.model.errors import AldlanError, ScenarioError, one_line, short

if TYPE_CHECKING:
    from rich.console import Console

COMMANDS: list[tuple[Callable[..., Any], dict[str, Any]]] = []


def command(**options: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a function as an ``aldlan`` command; ``app.py`` registers it with these options."""
    def mark(func: Callable[..., Any]) -> Callable[..., Any]:
        COMMANDS.append((func, options))
        return func
    return mark


STATE = {"debug": False}


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
def _set_lang(ctx: typer.Context, param: typer.CallbackParam, value: Lang | str | None) -> Lang | str | None:
    """Messages, notes and hints in the language of ``--lang`` (or ``ALDLAN_LANG``); Dutch by default.
    A command's ``--lang`` that was not given keeps the one given before the command
    (``aldlan --lang en run …``), else the one chosen at start-up."""
    chosen = str(getattr(value, "value", value) or "nl")
    if getattr(ctx.get_parameter_source(param.name or "lang"), "name", None) == "DEFAULT":
        chosen = ctx.meta.get("aldlan_lang") or startup_lang()
    ctx.meta["aldlan_lang"] = chosen
    set_lang(chosen)
    return value


LangOpt = Annotated[Lang, typer.Option(
    "--lang", envvar="ALDLAN_LANG", callback=_set_lang, case_sensitive=False,
    help=h("opt_lang"))]
YearOpt = Annotated[int | None, typer.Option("--year", "-y", help=h("opt_year"))]
TargetYearOpt = Annotated[int | None, typer.Option("--year", "-y", help=h("opt_year_as_target"))]


def year_override(year: int | None) -> list[str]:
    """``--year`` of ``report`` and ``chart``: the year shown in place of the target year, as an override."""
    return [] if year is None else [f"target.year={int(year)}"]


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
        silence_stdout()
        raise typer.Exit(0) from None
    except SystemExit as exc:  # rich ends with exit code 1 on a broken pipe; for us it is not an error
        if isinstance(exc.__context__, BrokenPipeError):
            silence_stdout()
            raise typer.Exit(0) from None
        raise
    except UnicodeEncodeError as exc:  # a stream whose encoding cannot show € or ë (no main())
        say_once(msg("cli_cannot_show", char=ascii(exc.object[exc.start:exc.end]), encoding=exc.encoding))
        raise typer.Exit(2) from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:  # any path the command was given: one line, exit 2
            name = one_line(str(exc.filename or ""))
            shown = name if len(name) <= 200 else name[:100] + "…" + name[-99:]
            err_console().print(f"[red]{msg('cli_error')}[/red] {escape(msg('out_name_too_long', path=shown))}",
                                markup=True, highlight=False)
            raise typer.Exit(2) from None
        if exc.errno not in STREAM_ERRORS:
            _internal(exc)
        silence_stdout()
        say_once(msg("cli_cannot_write", why=exc.strerror or exc))
        raise typer.Exit(2) from None
    except Exception as exc:  # noqa: BLE001 - the one place that catches everything
        _internal(exc)


# what writing to a full, broken or too small standard output raises (output files have OutputError)
STREAM_ERRORS = {errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EPIPE, getattr(errno, "EDQUOT", errno.ENOSPC)}


def silence_stdout() -> None:
    """Point standard output at the null device, so no later flush (at exit) fails again."""
    with contextlib.suppress(Exception):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def say_once(message: str) -> None:
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
    if STATE["debug"]:
        raise exc
    err_console().print(
        msg("cli_internal", name=type(exc).__name__)
    )
    raise typer.Exit(1) from None


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"aldlan-model {__version__}")
        raise typer.Exit()


FormatOpt = Annotated[
    str | None,
    typer.Option("--format", "-f", help=h("opt_format")),
]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help=h("opt_output"))]
ForceOpt = Annotated[bool, typer.Option("--force", help=h("opt_force"))]
