"""Which keys are valid where, derived from the scenario models; "did you mean" hints."""

from __future__ import annotations

import difflib
import types
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel

from aldlan_model.i18n.messages import msg
from aldlan_model.model.errors import short
from aldlan_model.model.numbers import Num

KeyPath = tuple[str | int, ...]


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The BaseModel classes an annotation can hold (through Optional, list, Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        out: list[type[BaseModel]] = []
        for arg in typing.get_args(annotation):
            out.extend(_models_in(arg))
        return out
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


@cache
def _root() -> type[BaseModel]:
    from aldlan_model.model.scenario import Scenario

    return Scenario


def model_at(path: KeyPath) -> type[BaseModel] | None:
    """The model that holds the keys at ``path`` (list indices are skipped)."""
    model: type[BaseModel] | None = _root()
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        info = model.model_fields.get(part)
        if info is None:
            return None
        models = _models_in(info.annotation)
        model = models[0] if models else None
    return model


def valid_keys(path: KeyPath) -> list[str]:
    """Valid keys of the mapping at ``path`` (the parent of an unknown key)."""
    model = model_at(path)
    if model is None:
        return []
    names = list(model.model_fields)
    if path == ():
        names.append("extends")
    return names


def expected_keys(path: KeyPath) -> str:
    names = valid_keys(path)
    if model_at(path) is Num:
        return "value, low, mode, high, source"
    return ", ".join(names[:6]) + (", …" if len(names) > 6 else "")


def suggest(word: str, candidates: list[str]) -> str | None:
    """The nearest valid key, or None when nothing is close."""
    lowered = {c.lower(): c for c in candidates}
    if word.lower() in lowered:
        return lowered[word.lower()]
    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if match:
        return match[0]
    squeezed = word.replace("-", "_").replace(" ", "_").lower()
    for c in candidates:
        if squeezed == c or squeezed.rstrip("s") == c.rstrip("s"):
            return c
    return None


def leaf_paths(word: str, exact: bool = False) -> list[str]:
    """Full key paths ending in ``word`` (``housing`` → ``costs.housing``), for a key written at
    the wrong level; unless ``exact``, with no exact match those ending in its nearest leaf name.
    Paths outside lists come first (``start`` → ``period.start``, not ``projects.N.start``)."""
    paths = [p for p in all_paths() if "." in p]
    leaves = sorted({p.rsplit(".", 1)[1] for p in paths if not p.endswith(".N")})
    hit = word if word in leaves else None if exact else suggest(word, leaves)
    found = [p for p in paths if hit is not None and p.rsplit(".", 1)[1] == hit]
    plain = [p for p in found if ".N." not in p]
    return (plain or found)[:3]


def unknown_key_message(path: KeyPath) -> str:
    written = str(path[-1]) if path else "?"
    candidates = valid_keys(path[:-1])
    key = short(written)  # control characters are escaped when the problem is printed
    hint = next((c for c in candidates if c.lower() == written.lower()), None)
    if not hint and path[:-1] == ():  # housing at the top: costs.housing
        hint = "' / '".join(leaf_paths(written, exact=True)) or None
    hint = hint or suggest(written, candidates)
    if not hint and path[:-1] == ():
        hint = "' / '".join(leaf_paths(written)) or None
    if hint:
        return msg("unknown_key", key=key, hint=msg("did_you_mean", hint=hint))
    if candidates:
        return msg("unknown_key_choices", key=key, choices=", ".join(candidates))
    return msg("unknown_key_bare", key=key)


def is_top_key(word: str) -> bool:
    """A valid top-level key of a scenario, or a near miss of one ('nmae', 'Period')."""
    top = valid_keys(())
    return word in top or (len(word) <= 2 * max(map(len, top)) and suggest(word, top) is not None)


def all_paths() -> list[str]:
    """Every settable key path (list items as ``N``), for ``--set`` hints and docs."""
    out: list[str] = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            models = _models_in(info.annotation)
            here = f"{prefix}{name}"
            origin = typing.get_origin(info.annotation)
            is_list = origin is list or "list[" in str(info.annotation)
            if models and models[0] is not Num:
                walk(models[0], f"{here}.N." if is_list else f"{here}.")
            else:
                out.append(f"{here}.N" if is_list else here)

    walk(_root(), "")
    return out
