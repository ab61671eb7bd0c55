"""Labels of the reports in Dutch (``nl``) and English (``en``): ``msgctxt "label"`` of the catalogue
(:mod:`aldlan_model.i18n.catalogue`).

Keys for table lines equal the field names of the JSON output (``staff_professional``,
``savings``, …); warning keys equal the warning codes. Templates use ``str.format``
placeholders, filled with values that are already formatted as strings
(``t("no_savings", "nl", year="2021", amount="€ 0")``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping

from aldlan_model.i18n.catalogue import LANGS, table
from aldlan_model.i18n.catalogue import placeholders as _names


class _Catalogues(Mapping[str, dict[str, str]]):
    """``CATALOGUES[lang]``: every label of ``lang`` as ``{key: text}``, read from the catalogue when first asked."""

    def __getitem__(self, lang: str) -> dict[str, str]:
        if lang not in LANGS:
            raise KeyError(lang)
        return table("label", lang)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)


CATALOGUES: Mapping[str, dict[str, str]] = _Catalogues()


def _template(key: str, lang: str) -> str:
    try:
        catalogue = CATALOGUES[lang]
    except KeyError:
        choices = ", ".join(CATALOGUES)
        raise ValueError(f"unknown report language {lang!r}; use one of: {choices}") from None
    try:
        return catalogue[key]
    except KeyError:
        near = difflib.get_close_matches(key, catalogue, n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise KeyError(f"no label {key!r} in the {lang!r} catalogue{hint}") from None


def placeholders(key: str, lang: str = "nl") -> set[str]:
    """Names of the ``{placeholders}`` in a label's template."""
    return _names(_template(key, lang))


def t(key: str, lang: str = "nl", **fmt: object) -> str:
    """The label ``key`` in ``lang``, with its placeholders filled from ``fmt``.

    Raises ``KeyError`` for an unknown key, ``ValueError`` for an unknown language or
    when the keyword arguments do not match the template's placeholders exactly.
    """
    template = _template(key, lang)
    expected = _names(template)
    if set(fmt) != expected:
        missing = ", ".join(sorted(expected - set(fmt))) or "none"
        extra = ", ".join(sorted(set(fmt) - expected)) or "none"
        raise ValueError(
            f"label {key!r} takes placeholders {sorted(expected)}; "
            f"missing: {missing}; unexpected: {extra}"
        )
    return template.format(**fmt)
