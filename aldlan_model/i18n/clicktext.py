"""Click's and Typer's own texts in the current language: ``Gebruik:``, ``Toon dit bericht en stop.``,
``Ontbrekend argument 'file'.``, ``Onbekende opdracht 'runn'. Bedoelde u 'run'?`` — Dutch by default,
English with ``--lang en`` or ``ALDLAN_LANG=en`` (the language :func:`~aldlan_model.i18n.messages.current`
holds; ``cli.app.main`` sets it from the command line before the parser runs).

The Dutch texts are the ``click`` domain of the catalogue, ``locale/nl/LC_MESSAGES/click.po``: msgid
the English text as Click or Typer writes it. English needs no catalogue. :func:`install` wires it in:

* Click (and Typer's ``core``) call ``gettext`` through a name of their own module (``from gettext import
  gettext as _``): that name becomes :func:`gettext` here, in every loaded ``click``/``typer`` module.
* Typer's own copy of Click (``typer._click``, Typer 0.2x) writes its texts without gettext: its error
  display (``ClickException.show``) writes the message through :func:`translate`, which matches the
  finished English text against the catalogue's entries as templates; the ``Usage:`` prefix and the
  help option's text are set through the formatter and the command.

Nothing here runs unless a help text or a parser message is shown: the catalogue is read then.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import re
import sys
from typing import IO, Any

from aldlan_model.i18n.catalogue import translations
from aldlan_model.i18n.messages import current

DOMAIN = "click"
_FIELD = re.compile(r"\{(\w*)(![rsa])?(:[^{}]*)?\}")


def _dutch() -> bool:
    return current() == "nl"


def gettext(message: str) -> str:
    """``message`` (Click's English) in the current language."""
    return translations("nl", DOMAIN).gettext(message) if _dutch() else message


def ngettext(singular: str, plural: str, n: int) -> str:
    if _dutch():
        return translations("nl", DOMAIN).ngettext(singular, plural, n)
    return singular if n == 1 else plural


# --------------------------------------------------------------------------------------------- finished texts
_NESTED = ("message", "param_hint")  # placeholders that hold a text of Click's in turn


@functools.cache
def _templates() -> list[tuple[re.Pattern[str], str, int]]:
    """Every Dutch entry as (pattern of the English text, Dutch template, length of its fixed text); each
    twice, its placeholders taking as little and as much as they can ("{param_hint}: {message}" splits
    "'--lang' (env var: 'ALDLAN_LANG'): …" at the last colon)."""
    found = []
    for key, dutch in translations("nl", DOMAIN)._catalog.items():  # type: ignore[attr-defined]
        # a plural is keyed (singular, form) and its English plural is not kept: the singular (form 0)
        # is a template; a plural text that Typer's copy of Click writes has an entry of its own
        english = key if isinstance(key, str) else key[0] if key[1] == 0 else ""
        if english and "%(" not in english and "{}" not in english and _FIELD.sub("", english):
            fixed = len(_FIELD.sub("", english))
            found += [(_pattern(english, ".*?"), dutch, fixed), (_pattern(english, ".*"), dutch, fixed)]
    return found


def _pattern(english: str, wildcard: str) -> re.Pattern[str]:
    parts, pos, names = [], 0, set()
    for field in _FIELD.finditer(english):
        parts.append(re.escape(english[pos:field.start()]))
        name = field.group(1)
        parts.append(f"(?P={name})" if name in names else f"(?P<{name}>{wildcard})")
        names.add(name)
        pos = field.end()
    parts.append(re.escape(english[pos:]))
    return re.compile("".join(parts), re.S)


def _translated(text: str) -> tuple[str, int]:
    """The best translation of ``text`` and how much fixed text it recognised: of the entries that match,
    the one that recognises the most (with the texts inside it), so "Value error, {message}" around
    "{value!r} is not one of {choices}." wins over the latter alone."""
    best, score = text, 0
    for pattern, dutch, fixed in _templates():
        found = pattern.fullmatch(text)
        if not found:
            continue
        values, total = {}, fixed
        for name, value in found.groupdict().items():
            values[name], inner = _translated(value) if name in _NESTED else (value, 0)
            total += inner
        if total > score:
            best = _FIELD.sub(lambda field: values.get(field.group(1), field.group(0)), dutch)  # noqa: B023
            score = total
    return best, score


def translate(text: str) -> str:
    """A finished English text of Click or Typer in the current language; a text that is not in the
    catalogue comes back as it is. A ``{message}`` or ``{param_hint}`` inside is translated in turn."""
    return _translated(text)[0] if _dutch() and text else text


# --------------------------------------------------------------------------------------------- wiring
def _shower(module: Any) -> Any:
    """``ClickException.show`` in the current language, with the layout of Click's own; ``module`` is the
    exceptions module of that Click (its ``echo`` and ``get_text_stderr``)."""
    def show(self: Any, file: IO[Any] | None = None) -> None:
        file = file if file is not None else getattr(module, "get_text_stderr", lambda: sys.stderr)()
        ctx = getattr(self, "ctx", None)
        color = getattr(self, "show_color", None)
        if ctx is not None:
            color = ctx.color
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = gettext("Try '{command} {option}' for help.").format(
                    command=ctx.command_path, option=ctx.help_option_names[0]) + "\n"
            module.echo(f"{ctx.get_usage()}\n{hint}", file=file, color=color)
        message = translate(self.format_message())
        module.echo(gettext("Error: {message}").format(message=message), file=file, color=color)

    return show


def _write_usage(original: Any) -> Any:
    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original(self, prog, args, f"{gettext('Usage:')} " if prefix is None else prefix)

    write_usage.__wrapped__ = original  # type: ignore[attr-defined]
    return write_usage


def _get_help_option(original: Any) -> Any:
    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original(self, ctx)
        if option is not None:
            option.help = gettext("Show this message and exit.")
        return option

    get_help_option.__wrapped__ = original  # type: ignore[attr-defined]
    return get_help_option


def install() -> None:
    """Let Click and Typer speak the current language (see the module doc). Safe to call again."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name in ("click", "typer") or name.startswith(("click.", "typer."))):
            continue
        if getattr(module, "_", None) is _gettext.gettext:
            module._ = gettext  # type: ignore[attr-defined]
        if getattr(module, "gettext", None) is _gettext.gettext:
            module.gettext = gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is _gettext.ngettext:
            module.ngettext = ngettext  # type: ignore[attr-defined]
    for package in ("typer._click", "click"):
        if package not in sys.modules:
            continue
        exceptions = sys.modules.get(package + ".exceptions")
        for cls in (getattr(exceptions, "ClickException", None), getattr(exceptions, "UsageError", None)):
            if cls is not None and "show" in vars(cls) and hasattr(exceptions, "echo"):
                cls.show = _shower(exceptions)
        formatter = getattr(sys.modules.get(package + ".formatting"), "HelpFormatter", None)
        if formatter is not None and not hasattr(formatter.write_usage, "__wrapped__"):
            formatter.write_usage = _write_usage(formatter.write_usage)
        command = getattr(sys.modules.get(package + ".core"), "Command", None)
        if command is not None and not hasattr(command.get_help_option, "__wrapped__"):
            command.get_help_option = _get_help_option(command.get_help_option)
