"""A scenario file as read: merged data before validation, with where every key was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aldlan_model.io.yamlsrc import KeyPath, Loc


@dataclass
class Document:
    """Merged scenario data before validation, with where every key was written."""

    file: str
    data: dict[str, Any]
    locs: dict[KeyPath, Loc] = field(default_factory=dict)
    chain: list[str] = field(default_factory=list)  # this file, then what it extends
    overrides: list[str] = field(default_factory=list)  # the --set PATH=VALUE applied


def locate(doc: Document, path: KeyPath) -> Loc:
    """The location of the longest prefix of ``path`` that was written somewhere."""
    for n in range(len(path), -1, -1):
        loc = doc.locs.get(tuple(path[:n]))
        if loc is not None:
            return loc
    return Loc(doc.file, None, None)
