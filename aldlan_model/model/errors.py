"""Error types of the library. The library raises these; only the CLI picks exit codes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario, pointing at the place it came from."""

    file: str
    line: int | None
    col: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file if len(self.file) <= 200 else self.file[:100] + "…" + self.file[-99:]  # --set x=9999…
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        key = f" {_short_path(self.path)}:" if self.path else ""
        return one_line(f"{where}:{key} {self.message}")


KEY_SHOWN = 40
"""Keys longer than this are cut in messages (a "key" may be a line of a file that is no scenario)."""


def short(text: str, limit: int = KEY_SHOWN) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (control characters are escaped on printing)."""
    return text if len(text) <= limit else text[:limit] + "…"


def _short_path(path: str) -> str:
    return ".".join(short(part) for part in path.split(".")) if len(path) > KEY_SHOWN else path


def one_line(text: str) -> str:
    """Escape line breaks and other control characters (from keys or file names) so that
    every problem stays on one line of the terminal."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class AldlanError(Exception):
    """Base class of every error the user can cause (exit code 2)."""


class ScenarioError(AldlanError):
    """A scenario could not be read or is invalid. Carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(AldlanError):
    """A command was used wrongly (bad option value, unknown metric...)."""


class SolveError(AldlanError):
    """A goal cannot be reached within the parameter's bounds."""
