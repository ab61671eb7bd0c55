"""The message catalogue: every text a user reads, in standard gettext catalogues.

``locale/{nl,en}/LC_MESSAGES/aldlan.po`` is the source: one entry per text, ``msgctxt`` its kind
(``message``, ``help``, ``label``, ``input``, ``input-part``), ``msgid`` its key and ``msgstr`` the
text, with the same ``{placeholders}`` (``str.format`` names) in both languages. The ``.mo`` files
next to them are compiled from it by Babel and shipped; at run time :mod:`gettext` reads the ``.mo``
of the language asked for, once (``msg``, ``h``, ``t`` and ``input_label`` build on :func:`text`).
``locale/nl/LC_MESSAGES/click.po`` translates Click's and Typer's own texts (:mod:`.clicktext`).

After editing a ``.po``::

    python -m aldlan_model.i18n --compile   # write the .mo files
    python -m aldlan_model.i18n --check     # every text in both languages, same placeholders,
                                                      # every key the code uses, .mo up to date

Reading and writing ``.po``/``.mo`` (Babel) is only for those two and the tests; the run-time path
needs nothing but the standard library.
"""

from __future__ import annotations

import functools
import gettext
import io
import re
from pathlib import Path
from string import Formatter

LANGS = ("nl", "en")
DOMAIN = "aldlan"
LOCALE = Path(__file__).resolve().parent / "locale"
PACKAGE = LOCALE.parent.parent
KINDS = ("message", "help", "label", "input", "input-part")


def po_path(lang: str, domain: str = DOMAIN) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"


def mo_path(lang: str, domain: str = DOMAIN) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{domain}.mo"


# --------------------------------------------------------------------------------------------- run time
@functools.cache
def translations(lang: str, domain: str = DOMAIN) -> gettext.GNUTranslations:
    """The compiled catalogue of ``lang`` (read once)."""
    with open(mo_path(lang, domain), "rb") as fp:
        return gettext.GNUTranslations(fp)


@functools.cache
def _tables(lang: str) -> dict[str, dict[str, str]]:
    """The compiled catalogue of ``lang`` by kind: ``{kind: {key: text}}``."""
    tables: dict[str, dict[str, str]] = {}
    # GNUTranslations keeps its entries in ``_catalog`` (``context\x04msgid`` -> msgstr), as Django also reads them
    for entry, value in translations(lang)._catalog.items():  # type: ignore[attr-defined]
        kind, separator, key = entry.partition("\x04") if isinstance(entry, str) else ("", "", "")
        if separator:
            tables.setdefault(kind, {})[key] = value
    return tables


def table(kind: str, lang: str) -> dict[str, str]:
    """Every text of one kind in ``lang``: ``{key: text}``."""
    return _tables(lang).setdefault(kind, {})


def text(kind: str, key: str, lang: str) -> str:
    """The text ``key`` of ``kind`` in ``lang``; ``KeyError`` when the catalogue has none."""
    return table(kind, "en" if lang == "en" else "nl")[key]


def placeholders(template: str) -> set[str]:
    """The ``{names}`` of a ``str.format`` template."""
    return {name for _, name, _, _ in Formatter().parse(template) if name}


# --------------------------------------------------------------------------------------------- sources (Babel)
def read(lang: str, domain: str = DOMAIN):  # -> babel.messages.catalog.Catalog
    """The ``.po`` of ``lang`` as a Babel catalogue (entries in file order)."""
    from babel.messages.pofile import read_po

    with open(po_path(lang, domain), "rb") as fp:
        return read_po(fp, locale=lang, domain=domain)


def entries(kind: str) -> dict[str, tuple[str, str]]:
    """Every text of one kind in file order: ``{key: (nl, en)}`` (for docs/errors.md and the tests)."""
    nl, en = read("nl"), read("en")
    return {m.id: (m.string, en.get(m.id, context=kind).string if en.get(m.id, context=kind) else "")
            for m in nl if m.id and m.context == kind}


def compiled(lang: str, domain: str = DOMAIN) -> bytes:
    """The ``.mo`` that the ``.po`` of ``lang`` compiles to (Babel)."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, read(lang, domain))
    return buffer.getvalue()


def _entries_of(mo: bytes) -> dict[object, str]:
    """A ``.mo``'s entries without its header (Babel writes the date and its own version into that)."""
    found = gettext.GNUTranslations(io.BytesIO(mo))._catalog  # type: ignore[attr-defined]
    return {key: value for key, value in found.items() if key != ""}


def stale(lang: str, domain: str = DOMAIN) -> bool:
    """Whether the ``.mo`` of ``lang`` is missing or holds other texts than its ``.po``."""
    path = mo_path(lang, domain)
    return not path.exists() or _entries_of(path.read_bytes()) != _entries_of(compiled(lang, domain))


def domains() -> list[tuple[str, str]]:
    """Every (lang, domain) that has a ``.po``."""
    return sorted((p.parent.parent.name, p.stem) for p in LOCALE.glob("*/LC_MESSAGES/*.po"))


def compile_all() -> list[Path]:
    """Write every ``.mo`` whose texts differ from its ``.po``; the files written."""
    changed = []
    for lang, domain in domains():
        if stale(lang, domain):
            mo_path(lang, domain).write_bytes(compiled(lang, domain))
            changed.append(mo_path(lang, domain))
    return changed


_CALL = re.compile(r"""\b(msg|h|t|template)\(\s*["']([a-z][a-z0-9_]*)["']\s*[,)]""")
_KIND_OF_CALL = {"msg": "message", "template": "message", "h": "help", "t": "label"}


def used_keys() -> set[tuple[str, str]]:
    """(kind, key) of every ``msg("…")``, ``template("…")``, ``h("…")`` and ``t("…")`` in the package."""
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        for call, key in _CALL.findall(path.read_text(encoding="utf-8")):
            found.add((_KIND_OF_CALL[call], key))
    return found


def problems() -> list[str]:
    """What is wrong with the catalogue: a text missing or empty in a language, placeholders that differ,
    a key the code uses that is not there, a stale ``.mo``."""
    out = []
    nl, en = read("nl"), read("en")
    ids = {(m.context, m.id) for m in nl if m.id} | {(m.context, m.id) for m in en if m.id}
    for kind, key in sorted(ids, key=lambda x: (x[0] or "", x[1])):
        if kind not in KINDS:
            out.append(f"{key}: unknown msgctxt {kind!r} (one of {', '.join(KINDS)})")
        texts = {lang: cat.get(key, context=kind) for lang, cat in (("nl", nl), ("en", en))}
        for lang, found in texts.items():
            if found is None or not str(found.string or "").strip():
                out.append(f"{kind} {key}: no {lang} text")
        if all(found is not None and found.string for found in texts.values()):
            names = {lang: placeholders(found.string) for lang, found in texts.items()}  # type: ignore[union-attr]
            if names["nl"] != names["en"]:
                out.append(f"{kind} {key}: placeholders differ: nl {sorted(names['nl'])}, en {sorted(names['en'])}")
    out += [f"{kind} {key}: used in the code, missing from the catalogue"
            for kind, key in sorted(used_keys() - ids)]
    out += click_problems()
    for lang, domain in domains():
        path = mo_path(lang, domain)
        if stale(lang, domain):
            out.append(f"{shown(path)} is stale: python -m aldlan_model.i18n --compile")
    return out


def click_problems() -> list[str]:
    """The Dutch of Click's texts (``click.po``): every entry translated, with the placeholders of its English."""
    out = []
    for message in read("nl", "click"):
        if not message.id:
            continue
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        dutch = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(str(form).strip() for form in dutch):
            out.append(f"click {english[0]!r}: no Dutch text")
            continue
        if set().union(*map(placeholders, english)) != set().union(*map(placeholders, dutch)):
            out.append(f"click {english[0]!r}: placeholders differ from the English")
    return out


def shown(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent)) if path.is_relative_to(PACKAGE.parent) else str(path)
