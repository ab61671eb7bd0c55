"""Which keys are valid where, derived from the scenario models; "did you mean" hints."""

from __future__ import annotations

import difflib
import types
import typing
import unicodedata
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


def is_list(path: KeyPath) -> bool:
    """Is the key at ``path`` a list in the scenario model (``ramp_up``, ``staff``, ``projects``)?"""
    model = model_at(path[:-1]) if path else None
    info = model.model_fields.get(str(path[-1])) if model is not None else None
    return info is not None and typing.get_origin(info.annotation) is list or "list[" in str(
        getattr(info, "annotation", ""))


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


VOLUNTEER = "staff:volunteer"
"""Glossary target: a volunteer is an item of ``staff`` with ``kind: volunteer``, not a key."""

GLOSSARY: dict[str, str] = {
    # the words a treasurer writes (Dutch, and a few English synonyms) → the key of the same
    # meaning: a key name (hinted where it is valid, else by its full path) or a full path
    "zonder_indicatie": "without_indication", "meelifters": "without_indication",
    "voormalig_geindiceerd": "former_indication", "oud_clienten": "former_indication",
    "huur": "costs.housing", "huisvesting": "costs.housing", "rent": "costs.housing",
    "vrijwilligers": VOLUNTEER, "vrijwilliger": VOLUNTEER, "volunteers": VOLUNTEER, "volunteer": VOLUNTEER,
    "deelnemers": "participants", "deelnemer": "participants", "tarieven": "tariffs", "tarief": "tariffs",
    "subsidie": "income.subsidy", "vervoer": "transport", "indexatie": "indexation",
    "opkomst": "participants.attendance", "aanwezigheid": "participants.attendance",
    "herkomst": "origin", "personeel": "staff", "medewerkers": "staff", "personnel": "staff",
    "employees": "staff", "kosten": "costs", "inkomsten": "income", "opbrengsten": "income",
    "gemeente": "municipality", "projecten": "projects", "project": "projects",
    "salaris": "salary", "loon": "salary", "uurloon": "hourly_cost", "uurtarief": "hourly_cost",
    "vergoeding": "allowance", "vrijwilligersvergoeding": "allowance", "aantal": "count",
    "naam": "name", "omschrijving": "description", "beschrijving": "description", "periode": "period",
    "doel": "target", "bezuinigingsdoel": "target", "locaties": "locations", "aanloop": "ramp_up",
    "normen": "norms", "marge": "margin", "opstartkosten": "startup", "werkgeverslasten": "employer_charges",
    "uren_per_week": "hours_per_week", "rol": "role", "soort": "kind", "financiering": "funding",
    "eenmalig": "one_off", "jaarlijks": "yearly", "bron": "source", "waarde": "value", "laag": "low",
    "hoog": "high", "bedrag": "amount", "bijdrage": "income.contribution", "eigen_bijdrage": "income.contribution",
    "betaaltermijn": "income.payment_days", "discontovoet": "discount_rate",
    "indicatiekosten": "municipality.assessment_per_indication", "lonen": "wages", "prijzen": "prices",
    "openingstijden": "opening", "weken_per_jaar": "weeks_per_year",
}


def _norm(word: str) -> str:
    return word.strip().lower().replace("-", "_").replace(" ", "_")


def _distance(a: str, b: str) -> int:
    """Edit distance (insert, delete, replace, swap of neighbours): how far a typo is."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                d = min(d, prev2[j - 2] + 1)
            cur.append(d)
        prev2, prev = prev, cur
    return prev[-1]


def is_typo(word: str, key: str) -> bool:
    """One letter added, left out, changed or swapped, in a word long enough to tell."""
    return min(len(word), len(key)) >= 5 and _distance(word.lower(), key.lower()) <= 1


@cache
def model_paths() -> tuple[str, ...]:
    """Every key path of the scenario (list items as ``N``), those holding keys included."""
    out: list[str] = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            out.append(prefix + name)
            models = _models_in(info.annotation)
            is_list = typing.get_origin(info.annotation) is list or "list[" in str(info.annotation)
            if models and models[0] is not Num:
                walk(models[0], f"{prefix}{name}.N." if is_list else f"{prefix}{name}.")

    walk(_root(), "")
    return tuple(out)


def _generic(path: KeyPath) -> str:
    return ".".join("N" if isinstance(p, int) else str(p) for p in path)


def glossary_target(word: str) -> str | None:
    """The key (or full path) a treasurer's word means, also with one typo in a long word."""
    norm = _norm(word)
    return GLOSSARY.get(norm) or next(
        (GLOSSARY[g] for g in GLOSSARY if len(g) >= 7 and _distance(norm, g) <= 1), None)


def _glossary_hint(target: str, parent: KeyPath) -> tuple[str | None, bool]:
    """The hint for a glossary word and whether its key is valid right here: as a key of
    ``parent``, relative to ``parent`` when it lies below it, else by its full path (at most 3)."""
    if target == VOLUNTEER:
        return msg("hint_volunteer"), "staff" in valid_keys(parent)
    if "." not in target:
        if target in valid_keys(parent):
            return msg("did_you_mean", hint=target), True
        found = [p for p in model_paths() if p.rsplit(".", 1)[-1] == target]
        found = [p for p in found if not p.startswith("projects.")] or found
        return (msg("did_you_mean", hint="' / '".join(found)) if 0 < len(found) <= 3 else None), False
    prefix = _generic(parent)
    if not prefix or target.startswith(prefix + "."):
        return msg("did_you_mean", hint=target[len(prefix) + 1 if prefix else 0:]), True
    return msg("did_you_mean", hint=target), False


def _fits(path: KeyPath, value: Any) -> bool:
    """Could ``value`` stand at ``path``? (A mapping only where a model takes all its keys.)"""
    model = model_at(path)
    if isinstance(value, dict):
        words = [k for k in value if isinstance(k, str)]
        return model is not None and all(k in model.model_fields for k in words)
    return model is None or model is Num


def _indent_hint(word: str, parent: KeyPath, value: Any) -> tuple[str, str] | None:
    """The same key one level down (under a key of ``parent``) or one level up: the hint for a
    file (indent the line) and the path alone."""
    here = valid_keys(parent)
    model = model_at(parent)
    down = [k for k in here if model_at((*parent, k)) not in (None, Num) and word in valid_keys((*parent, k))
            and model is not None and "list[" not in str(model.model_fields[k].annotation)  # not into items
            and _fits((*parent, k, word), value)]
    if down:
        paths = "' / '".join(_generic((*parent, k, word)) for k in down[:4])
        return msg("indent_down", path=paths), paths
    up = parent
    while up and isinstance(up[-1], int):
        up = up[:-1]
    if up and word in valid_keys(up[:-1]) and _fits((*up[:-1], word), value):
        return msg("indent_up", path=_generic((*up[:-1], word))), _generic((*up[:-1], word))
    return None


_NO_VALUE = object()

_LOOKALIKES = str.maketrans(
    "аеіјорсѕухһԁԛԝӏАВЕКМНІЈОРСЅТХҮԚԜαικνορυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧı",
    "aeijopcsyxhdqwlABEKMHIJOPCSTXYQWaikvopuxABEZHIKMNOPTYXi",
)
"""Cyrillic and Greek letters (and the dotless i) that look like a Latin one."""


def _lookalike_hint(written: str, candidates: list[str]) -> str | None:
    """``nаme`` with a Cyrillic а: the key it looks like, naming the letter that is not Latin."""
    plain = unicodedata.normalize("NFKC", written).translate(_LOOKALIKES)
    if plain == written or not plain.isascii():
        return None
    hit = next((c for c in candidates if c.lower() == plain.lower()), None)
    odd = next((ch for ch in written if not ch.isascii()), None)
    if hit is None or odd is None:
        return None
    return msg("lookalike", hint=hit, char=odd, key=short(written), code=f"U+{ord(odd):04X}",
               name=unicodedata.name(odd, "?"))



def unknown_key_message(path: KeyPath, value: Any = _NO_VALUE, in_file: bool = True) -> str:
    """Why a key is unknown, with a hint only for a key of the same meaning: the same key in
    other capitals, a glossary word, the same key one level up or down (wrong indentation), a
    near spelling at the same place; at the top, the same key deeper; else the valid keys."""
    written = str(path[-1]) if path else "?"
    key = short(written)  # control characters are escaped when the problem is printed
    hint = _lookalike_hint(written, valid_keys(path[:-1])) or _hint(written, path[:-1], value, in_file)
    if hint:
        return msg("unknown_key", key=key, hint=hint)
    if candidates := valid_keys(path[:-1]):
        return msg("unknown_key_choices", key=key, choices=", ".join(candidates))
    return msg("unknown_key_bare", key=key)


def _hint(written: str, parent: KeyPath, value: Any, in_file: bool) -> str | None:
    candidates = valid_keys(parent)
    same = next((c for c in candidates if c.lower() == _norm(written)), None)
    if same:
        return msg("did_you_mean", hint=same)
    target = glossary_target(written)
    hint, here = _glossary_hint(target, parent) if target else (None, False)
    if here:
        return hint
    moved = _indent_hint(_norm(written), parent, None if value is _NO_VALUE else value)
    if moved:
        return moved[0] if in_file else msg("did_you_mean", hint=moved[1])
    near = suggest(written, candidates)
    if near and (not target or near.startswith(_norm(written))):  # rent is not rest
        return msg("did_you_mean", hint=near)
    if hint or parent != ():
        return hint
    # at the top, the same key deeper: per_trip → transport.baseline.per_trip
    deep = leaf_paths(_norm(written), exact=True) or [
        p for p in leaf_paths(written) if is_typo(written, p.rsplit(".", 1)[1])]
    return msg("did_you_mean", hint="' / '".join(deep)) if deep else None


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
