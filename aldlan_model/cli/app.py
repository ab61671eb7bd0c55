"""The ``aldlan`` command: a thin Typer shell over the library.

Each command parses its options, makes one library call, renders the result and maps
the library's exceptions to exit codes: 0 success, 2 invalid input or usage, 1 internal
error (a short "please report" line; the traceback only with ``--debug``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Annotated

import typer

from aldlan_model.cli import analysis, files, letters, report, run, uncertainty
from aldlan_model.cli.common import (
    COMMANDS,
    STATE,
    STREAM_ERRORS,
    Lang,
    LangOpt,
    say_once,
    show_version,
    silence_stdout,
)
from aldlan_model.i18n import clicktext
from aldlan_model.i18n.messages import h, msg, set_lang, startup_lang
from aldlan_model.io import inputs

clicktext.install()  # Click's and Typer's own texts (Usage:, Missing argument …) in the current language

app = typer.Typer(
    name="aldlan",
    help=h("app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=show_version, is_eager=True,
                                          help=h("opt_version"))] = False,
    debug: Annotated[bool, typer.Option("--debug", help=h("opt_debug"))] = False,
    lang: LangOpt = Lang.nl,
) -> None:
    """Cost-savings modeller for Dutch buurtkamers and wijkgerichte dagbesteding (Wmo).

    Example: aldlan run scenarios/aldlan-mix.yaml
    """
    STATE["debug"] = debug or bool(os.environ.get("ALDLAN_DEBUG"))
    inputs.forget_all()  # the files this command reads, which its output may never overwrite
    _sane_terminal_size()


def _sane_terminal_size() -> None:
    """``COLUMNS=0`` (or negative, or not a number) would make every table and message zero wide:
    treat it, and ``LINES`` likewise, as unset."""
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and not (value.strip().isdecimal() and 0 < int(value.strip()) < 100_000):
            del os.environ[name]


# every command module adds its commands to COMMANDS when imported (above); register them in order
for _module in (files, run, analysis, letters, report, uncertainty):
    for _func, _options in COMMANDS:
        if _func.__module__ == _module.__name__:
            app.command(**_options)(_func)


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
    _sane_terminal_size()  # before --help is laid out
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
        silence_stdout()
    except OSError as exc:  # `aldlan run --help > /dev/full`
        if exc.errno not in STREAM_ERRORS:
            raise
        silence_stdout()
        say_once(msg("cli_cannot_write", why=exc.strerror or exc))
        code = 2
    if sys.stdout is not None:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            silence_stdout()
        except OSError as exc:
            silence_stdout()
            say_once(msg("cli_cannot_write", why=exc.strerror or exc))
            code = 2 if code in (0, None) else code
    sys.exit(code)
