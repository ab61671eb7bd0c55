"""Messages and ``--help`` texts in the current language.

The texts are in the catalogue (:mod:`aldlan_model.i18n.catalogue`: ``msgctxt "message"`` and
``"help"``), each key in Dutch and English with the same ``{placeholders}`` (``tests/test_i18n.py``
checks that, and that ``docs/errors.md`` lists every message).
The library builds a message with :func:`msg` in the current language: a context variable,
Dutch unless set otherwise (the CLI sets it once from ``--lang`` or ``ALDLAN_LANG``).
The library never prints.

A fact that itself depends on the language (``34,5`` / ``34.5``) is given as :class:`L`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from aldlan_model.i18n.catalogue import text

LANGS = ("nl", "en")
_LANG: ContextVar[str] = ContextVar("aldlan_lang", default="nl")


@dataclass(frozen=True)
class L:
    """A fact in both languages; :func:`msg` picks the current one."""

    nl: str
    en: str

    def __str__(self) -> str:
        return self.nl if current() == "nl" else self.en


def current() -> str:
    """The language messages are built in: 'nl' (the default) or 'en'."""
    return _LANG.get()


def set_lang(lang: str | None) -> None:
    """Set the language of messages (unknown values keep Dutch)."""
    _LANG.set("en" if (lang or "").strip().lower().startswith("en") else "nl")


@contextlib.contextmanager
def use_lang(lang: str) -> Iterator[None]:
    token = _LANG.set("en" if lang == "en" else "nl")
    try:
        yield
    finally:
        _LANG.reset(token)


def startup_lang(argv: list[str] | None = None) -> str:
    """The language of ``--help`` texts and of the command-line parser's messages, chosen before options
    are parsed: ``--lang en`` (or ``--lang=en``) on the command line, before the command or after it (the
    last one counts, as the command's own ``--lang`` wins over the one before it), else ``ALDLAN_LANG``,
    else Dutch."""
    argv = sys.argv[1:] if argv is None else argv
    chosen = os.environ.get("ALDLAN_LANG", "")
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            chosen = argv[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg[7:]
    return "en" if chosen.strip().lower().startswith("en") else "nl"


def template(_key: str, lang: str | None = None) -> str:
    """The message ``key`` with its placeholders unfilled."""
    return text("message", _key, lang or current())


def msg(_key: str, **facts: Any) -> str:
    """The message ``key`` in the current language with its facts filled in."""
    lang = current()
    shown = {k: (v.en if lang == "en" else v.nl) if isinstance(v, L) else v for k, v in facts.items()}
    return template(_key, lang).format(**shown)


def either(nl: str, en: str) -> L:
    return L(nl, en)


def grouped(n: int | float) -> L:
    """A whole number with thousands separators: 1.000.000 in Dutch, 1,000,000 in English."""
    en = f"{int(n):,}"
    return L(en.replace(",", "."), en)


def h(key: str) -> str:
    """A --help text in the language chosen at start-up."""
    return text("help", key, startup_lang())
