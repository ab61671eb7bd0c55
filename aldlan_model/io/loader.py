"""The single way in: YAML file -> ``extends`` resolved -> overrides -> validated Scenario.

``load_scenario(path)`` returns a :class:`Scenario` or raises one :class:`ScenarioError`
carrying every problem with its ``FILE:LINE:COL`` and key path.
"""

from __future__ import annotations

import copy
import errno
import os
import re
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from aldlan_model.i18n.messages import L, msg
from aldlan_model.io.document import Document, locate
from aldlan_model.io.yamlsrc import KeyPath, Loc, dotted, near_file, parse, parse_value, read_text
from aldlan_model.model import keys
from aldlan_model.model.errors import Problem, ScenarioError
from aldlan_model.model.numbers import DATED_TAG, NUM_TAG, fmt_number, looks_dated, nfc
from aldlan_model.model.scenario import (
    DATED_PATHS,
    LINES_TAG,
    RATE_TAG,
    SUBSIDY_TAG,
    TRIP_TAG,
    Scenario,
    cross_checks,
)

MAX_EXTENDS_DEPTH = 10
"""At most this many files in an ``extends`` chain, the file given included."""


def _shown(path: Path) -> str:
    """The file name as the user would recognise it: relative to cwd when possible."""
    try:
        return os.path.relpath(path)
    except (ValueError, OSError):  # another drive on Windows; the working folder was deleted
        return str(path)


def _is_yaml_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in (".yaml", ".yml")


def read_document(path: str | os.PathLike[str], _seen: tuple[Path, ...] = ()) -> Document:
    """Read one scenario file and everything it ``extends``, merged child-over-parent."""
    path = Path(path)
    shown = _shown(path) if _seen else str(path)
    text = read_text(path, shown, regular_only=bool(_seen))
    data, locs = parse(text, shown, keys.is_top_key)
    locs[()] = Loc(shown, 1, 1)
    if "extends" not in data:
        return Document(shown, data, locs, [shown])
    parent_ref = data.pop("extends")
    ext_loc = locs.pop(("extends",))
    here = Path(os.path.abspath(path))

    def fail(message: str) -> ScenarioError:
        return ScenarioError([Problem(shown, ext_loc.line, ext_loc.col, "extends", message)])

    if not isinstance(parent_ref, str) or not parent_ref.strip() or "\x00" in parent_ref:
        raise fail(msg("ext_expected_name"))
    ref = repr(parent_ref if len(parent_ref) <= 80 else parent_ref[:80] + "…")
    if os.path.isabs(parent_ref):
        raise fail(msg("ext_absolute", ref=ref))
    target = here.parent / parent_ref
    try:
        real = target.resolve(strict=True)
    except FileNotFoundError:
        near = near_file(target)
        hint = msg("ext_did_you_mean", name=repr(near)) if near else ""
        raise fail(msg("ext_not_found", name=_shown(target), hint=hint)) from None
    except RuntimeError:  # Python < 3.13 on a symbolic link loop
        raise fail(msg("ext_loop", ref=ref)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise fail(msg("ext_loop", ref=ref)) from None
        raise fail(msg("ext_cannot_follow", ref=ref, why=exc.strerror or type(exc).__name__)) from None
    chain = (*_seen, here.resolve())
    if real in chain:
        names = " → ".join(p.name for p in (*chain, real))
        raise fail(msg("ext_cycle", names=names))
    if len(chain) >= MAX_EXTENDS_DEPTH:  # the parent would be file number len(chain) + 1
        raise fail(msg("ext_too_deep", limit=MAX_EXTENDS_DEPTH))
    if real.is_dir():
        raise fail(msg("ext_folder", ref=ref))
    if not (_is_yaml_name(parent_ref) and _is_yaml_name(real.name)):  # /etc/shadow, secrets.json, /proc/…
        raise fail(msg("ext_not_yaml", ref=ref))
    if not real.is_file():
        raise fail(msg("ext_not_regular", ref=ref))
    parent = read_document(target, chain)
    if not {"name", "period", "tariffs"} & parent.data.keys():  # no scenario: quote nothing of it
        raise fail(msg("ext_not_scenario", ref=ref))
    merged = merge(parent.data, data)
    merged_locs = merge_locs(parent.locs, locs, data)
    for own in ("description", "label"):  # they describe their own file, not the files built on it
        if own not in data:
            merged.pop(own, None)
            merged_locs.pop((own,), None)
    return Document(shown, merged, merged_locs, [shown, *parent.chain])


NUMBER_KEYS = frozenset({"value", "low", "mode", "high"})


def _replaces(child: Any) -> bool:
    """A child value replaces the parent's whole: scalars, lists and written numbers.

    A number written as a mapping (``{value: 50}``, ``{low: 25, high: 40}``) is one number,
    so it replaces the parent's number instead of merging with its range; so does a dated
    value (``{2020: 9000, 2022: 10500}``, v3): the child's years replace the parent's.
    """
    return not isinstance(child, dict) or bool(NUMBER_KEYS & child.keys()) or looks_dated(child)


def merge(parent: Any, child: Any) -> Any:
    """Deep merge: mappings key by key (the child wins); lists, scalars and numbers are replaced."""
    if isinstance(parent, dict) and not _replaces(child):
        out = dict(parent)
        for k, v in child.items():
            out[k] = merge(parent[k], v) if k in parent else v
        return out
    return child


def _get(data: Any, path: KeyPath) -> Any:
    for p in path:
        data = data[p]
    return data


def merge_locs(
    parent: dict[KeyPath, Loc], child: dict[KeyPath, Loc], child_data: Any
) -> dict[KeyPath, Loc]:
    """Locations of a merged document: the child's where it wrote a value, else the parent's."""
    out = dict(parent)
    # only the parent's paths can lie below a child's path (children come shortest first): look
    # for them only under a prefix the parent has (linear, not quadratic, for a plan of 3,000 rooms)
    prefixes = {p[:k] for p in parent for k in range(1, len(p))}
    for path in sorted(child, key=len):
        if path and path in prefixes and _replaces(_get(child_data, path)):
            n = len(path)
            for p in [p for p in out if len(p) > n and p[:n] == path]:
                del out[p]
        out[path] = child[path]
    return out


def parse_set(expr: str, origin: str = "--set") -> tuple[KeyPath, Any, str]:
    """Parse ``PATH=VALUE`` from ``--set`` (or after a file in ``compare``, ``origin`` the file):
    the value is read as a YAML scalar or list."""
    if "=" not in expr:
        raise ScenarioError(
            [Problem(f"{origin} {expr}", None, None, "", msg("set_syntax"))]
        )
    key, _, raw = expr.partition("=")
    key = key.strip()
    parts: list[str | int] = []
    for part in key.split("."):
        if not part:
            raise ScenarioError([Problem(f"{origin} {expr}", None, None, key, msg("set_empty_part"))])
        parts.append(int(part) if part.isascii() and part.isdigit() else part)  # not '¹' or '٣'
    try:  # the same reader as files: no foreign tags, no alias bombs, 1e6 is a number
        value = parse_value(raw, f"{origin} {expr}") if raw.strip() else None
    except yaml.YAMLError:
        value = raw
    if isinstance(value, dict | list):
        pass
    elif value is not None and not isinstance(value, str | int | float | bool):
        value = raw  # dates and other YAML types stay text
    return tuple(parts), value, raw


def apply_overrides(doc: Document, overrides: list[str] | tuple[str, ...], origin: str = "--set") -> Document:
    """A copy of ``doc`` with each ``--set PATH=VALUE`` applied (validated later); ``origin`` names
    where they were given in messages (``--set``, or the file they follow in ``compare``)."""
    if not overrides:
        return doc
    data = copy.deepcopy(doc.data)
    locs = dict(doc.locs)
    problems: list[Problem] = []
    for expr in overrides:
        try:
            path, value, raw = parse_set(expr, origin)
        except ScenarioError as exc:
            problems.extend(exc.problems)
            continue
        where = f"{origin} {expr}"
        if path and path[0] == "extends":
            problems.append(Problem(where, None, None, "extends", msg("set_extends")))
            continue
        try:
            path = resolve_names(data, path)
        except ScenarioError as exc:
            problems.extend(Problem(where, None, None, p.path, p.message) for p in exc.problems)
            continue
        node: Any = data
        ok = True
        made: list[KeyPath] = []  # mappings this --set creates (or puts in place of a value)
        for i, p in enumerate(path[:-1]):
            if isinstance(node, dict):
                if not isinstance(p, str):
                    ok = False
                    break
                nxt = node.get(p)
                if nxt is None and isinstance(path[i + 1], int) and keys.is_list(path[: i + 1]):
                    problems.append(Problem(where, None, None, dotted(path), _no_list(path[: i + 1], path[i + 1])))
                    ok = None
                    break
                if not isinstance(nxt, dict | list):
                    nxt = node[p] = {}
                    made.append(tuple(path[: i + 1]))
                node = nxt
            elif isinstance(node, list) and isinstance(p, int) and p < len(node):
                node = node[p]
            else:
                ok = False
                break
            if not isinstance(node, dict | list):
                ok = False
                break
        last = path[-1]
        if ok is None:  # reported: a list that is not in the scenario
            continue
        if ok and isinstance(node, dict) and isinstance(last, int) and not isinstance(last, bool):
            if not looks_dated(node):  # costs.housing.2022=… on a value that is not per year
                problems.append(Problem(where, None, None, dotted(path), msg("set_not_dated", path=dotted(path[:-1]))))
                continue
            old = node.get(last)  # one year of a dated value (v3): keep that year's source
            is_number = isinstance(value, int | float) and not isinstance(value, bool)
            if isinstance(old, dict) and "source" in old and is_number:
                node[last] = {"value": value, "source": old["source"]}
            else:
                node[last] = value
        elif ok and isinstance(node, dict) and isinstance(last, str):
            old = node.get(last)
            is_number = isinstance(value, int | float) and not isinstance(value, bool)
            if isinstance(old, dict) and set(old) & (NUMBER_KEYS | {"source"}) and is_number:
                # --set on a sourced/ranged number replaces the point value, keeps the source
                node[last] = {"value": value, **({"source": old["source"]} if "source" in old else {})}
            else:
                node[last] = value
        elif ok and isinstance(node, list) and isinstance(last, int) and last < len(node):
            node[last] = value
        else:
            problems.append(Problem(where, None, None, dotted(path), _no_such_path(doc.data, path)))
            continue
        for written in (*made, path):
            n = len(written)
            for p in [p for p in locs if len(p) >= n and p[:n] == written]:
                del locs[p]
            locs[written] = Loc(where, None, None, raw if written == path else None)
    if problems:
        raise ScenarioError(problems)
    return Document(doc.file, data, locs, doc.chain, [*doc.overrides, *overrides])


NAME_KEYS = ("name", "role")  # list items addressed by name: projects, rooms, replaced items; staff by role


def resolve_names(data: Any, path: KeyPath) -> KeyPath:
    """``projects.Huiswerk.yearly_costs`` → ``projects.1.yearly_costs``: a word where a list
    stands picks the item whose ``name`` (staff: ``role``) it is, exactly or ignoring case."""
    out: list[str | int] = []
    node = data
    for i, part in enumerate(path):
        if isinstance(node, list) and isinstance(part, str):
            found = None
            for match in (lambda a, b: nfc(a) == nfc(b), lambda a, b: nfc(a).casefold() == nfc(b).casefold()):
                hits = [j for j, item in enumerate(node) if isinstance(item, dict)
                        and any(isinstance(item.get(k), str) and match(item[k], part) for k in NAME_KEYS)]
                if len(hits) == 1:
                    found = hits[0]
                    break
                if len(hits) > 1:
                    raise ScenarioError([Problem("", None, None, dotted(path), msg(
                        "set_name_ambiguous", name=repr(part), n=len(hits), path=dotted(path[:i]),
                        numbers=", ".join(map(str, hits))))])
            if found is None:
                names = [str(item.get(k)) for item in node if isinstance(item, dict) for k in NAME_KEYS
                         if isinstance(item.get(k), str)]
                hint = keys.suggest(part, names)
                extra = msg("did_you_mean", hint=hint) if hint else ""
                shown = ", ".join(names) if names else msg("set_none")
                raise ScenarioError([Problem("", None, None, dotted(path), msg(
                    "set_no_name", name=repr(part), path=dotted(path[:i]), hint=extra, names=shown))])
            part = found
        out.append(part)
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(out)


def _no_list(at: KeyPath, item: int) -> str:
    """``--set ramp_up.0=0.5`` on a file without ``ramp_up``: its item cannot be set, the list can."""
    generic = ".".join("N" if isinstance(p, int) else str(p) for p in at)
    if f"{generic}.N" in keys.all_paths():  # a list of numbers (ramp_up)
        return msg("set_list_missing", path=dotted(at), item=item, example="0.5, 1" if at[-1] == "ramp_up" else "…")
    return msg("set_list_missing_items", path=dotted(at), item=item)


def _no_such_path(data: Any, path: KeyPath) -> str:
    """Why a ``--set`` path leads nowhere: a list too short, or the nearest valid path."""
    node = data
    for i, part in enumerate(path):
        if isinstance(node, list):
            if not isinstance(part, int):
                return msg("set_is_list", path=dotted(path[:i]))
            if part >= len(node):
                items = msg("set_items_range", last=len(node) - 1) if node else msg("set_no_items")
                return msg("set_list_items", path=dotted(path[:i]), items=items)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
        else:
            break
    generic = ".".join("N" if isinstance(p, int) else p for p in path)
    hint = keys.suggest(generic, keys.all_paths())
    return msg("set_did_you_mean", hint=hint) if hint else msg("set_no_path")


def _year_key_problems(doc: Document) -> list[Problem]:
    """Numbers written as keys (MODEL.md §2.11, v3): a value per year may stand only where
    :data:`DATED_PATHS` says; elsewhere a mapping of years is refused as such, and any other
    number as a key as before (keys must be words)."""
    out: list[Problem] = []

    def walk(node: Any, path: KeyPath) -> None:
        if isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, (*path, i))
            return
        if not isinstance(node, dict):
            return
        numbers = [k for k in node if isinstance(k, int) and not isinstance(k, bool)]
        if numbers and not DATED_PATHS.match(dotted(path)):
            if len(numbers) == len(node) and all(1900 <= k <= 2200 for k in numbers):
                out.append(_problem(doc, path, msg("dated_not_here")))
            else:
                for k in numbers:
                    loc = locate(doc, (*path, k))
                    out.append(Problem(loc.file, loc.line, loc.col, dotted(path), msg("key_number", raw=repr(str(k)))))
            return
        for k, v in node.items():
            walk(v, (*path, k))

    walk(doc.data, ())
    return out


def validate_document(doc: Document) -> Scenario:
    """Validate merged data into a Scenario, mapping every error to its file and line."""
    early = _year_key_problems(doc)
    if early:
        raise ScenarioError(early)
    try:
        scenario = Scenario.model_validate(doc.data)
    except ValidationError as exc:
        found = _problems(doc, exc)
        found += [p for p in _checks_on_the_rest(doc, exc) if p not in found]
        found.sort(key=lambda p: (p.file != doc.file, p.file, p.line or 0, p.col or 0))  # in reading order
        raise ScenarioError(found) from None
    problems = [_problem(doc, path, msg) for path, msg in cross_checks(scenario)]
    if problems:
        raise ScenarioError(problems)
    object.__setattr__(scenario, "__source_file__", doc.file)
    object.__setattr__(scenario, "__overrides__", list(doc.overrides))
    from aldlan_model.io.notes import notes_for

    object.__setattr__(scenario, "__notes__", notes_for(doc, scenario))
    return scenario


def _error_paths(doc: Document, data: Any, exc: ValidationError) -> list[KeyPath]:
    out = []
    for err in exc.errors(include_url=False):
        path = _clean_loc(err["loc"], data)
        out.append(path[:-1] if path and path[-1] == "value" and path not in doc.locs else path)
    return out


def _checks_on_the_rest(doc: Document, exc: ValidationError, rounds: int = 3) -> list[Problem]:
    """The rules between fields (:func:`cross_checks`) on what is valid, so that every error of a
    file comes in one run: the keys with a field error are left out (their defaults stand in)
    and the rest validated again; a rule that touches a key left out is not reported (it may
    only be the default speaking). Nothing when a key left out is required, or sits in a list."""
    data = copy.deepcopy(doc.data)
    dropped: list[KeyPath] = []
    for _ in range(rounds):
        for path in _error_paths(doc, data, exc):
            node = data
            for part in path[:-1]:
                inside = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
                node = node[part] if inside or (isinstance(node, dict) and part in node) else None
            if not path or not isinstance(node, dict) or path[-1] not in node or isinstance(path[-1], int):
                return []
            del node[path[-1]]
            dropped.append(path)
        try:
            scenario = Scenario.model_validate(data)
        except ValidationError as again:
            exc = again
            continue
        return [_problem(doc, path, text) for path, text in cross_checks(scenario)
                if not any(path[:len(d)] == d or d[:len(path)] == path for d in dropped)]
    return []


def load_scenario(
    path: str | os.PathLike[str], overrides: list[str] | tuple[str, ...] = ()
) -> Scenario:
    """Read, merge, override and validate one scenario file."""
    doc = apply_overrides(read_document(path), list(overrides))
    if isinstance(doc.data.get("locations"), list):
        where = locate(doc, ("locations",))
        raise ScenarioError([Problem(
            where.file, where.line, where.col, "locations",
            msg("plan_refused_single"),
        )])
    return validate_document(doc)


def source_file(scenario: Any) -> str | None:
    """The file a scenario (or plan) was read from."""
    return getattr(scenario, "__source_file__", None) or getattr(scenario, "file", None)


def overrides_of(scenario: Any) -> list[str]:
    """The ``--set PATH=VALUE`` applied to a scenario (or plan), in order."""
    found = getattr(scenario, "__overrides__", None)
    if found is None and hasattr(scenario, "base"):
        found = getattr(scenario.base, "__overrides__", None)
    return list(found or [])


def _problem(doc: Document, path: KeyPath, message: str) -> Problem:
    loc = locate(doc, path)
    return Problem(loc.file, loc.line, loc.col, dotted(path), message)


_PYDANTIC_MARKERS = {
    "literal['cover_deficit']", "function-after", "function-before", TRIP_TAG, RATE_TAG,
    DATED_TAG, NUM_TAG, LINES_TAG, SUBSIDY_TAG,
}


def _clean_loc(loc: tuple[Any, ...], data: Any) -> KeyPath:
    """Drop pydantic's internal markers (union members, validator names) from a loc.

    A part that is a key (or index) of the data at that point is the user's, even when it
    looks like a marker (a key written as ``"[x]"``); anything else of marker shape is dropped.
    """
    out: list[str | int] = []
    node = data
    for part in loc:
        is_key = isinstance(node, dict) and part in node
        if is_key or (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            node = node[part]
        elif isinstance(part, str) and ("[" in part or part in _PYDANTIC_MARKERS):
            continue
        else:
            node = None
        out.append(part)
    return tuple(out)


def _problems(doc: Document, exc: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[KeyPath, str]] = set()
    for err in exc.errors(include_url=False):
        path = _clean_loc(err["loc"], doc.data)
        # the Num wrapper turns a bare 5 into {value: 5}: report it at the field itself
        if path and path[-1] == "value" and path not in doc.locs:
            path = path[:-1]
        message = _message(doc, path, err)
        if "[key]" in err["loc"] and path:  # a key of a dated value that is no year (MODEL.md §2.11)
            message = msg("dated_key_not_year", key=repr(path[-1]) if isinstance(path[-1], str) else path[-1])
        if (path, message) in seen:
            continue
        seen.add((path, message))
        problems.append(_problem(doc, path, message))
    return problems


_LIST_EXAMPLES = {"ramp_up": "list_ramp_up", "staff": "list_staff"}


def _message(doc: Document, path: KeyPath, err: dict[str, Any]) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        where = doc.locs.get(path)
        return keys.unknown_key_message(path, err.get("input"), in_file=where is None or where.line is not None)
    if kind == "missing":
        return msg("missing_key", key=path[-1]) if path else msg("missing_key_bare")
    loc = doc.locs.get(path)
    raw = loc.raw if loc else None
    if kind == "number_type" and raw is not None and isinstance(err.get("input"), bool):
        return msg("num_yesno", raw=repr(raw))
    ratio = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*", str(err.get("input")))
    if kind == "number_type" and path and path[-1] == "fte" and ratio and float(ratio.group(2)) > 0:
        value = float(ratio.group(1)) / float(ratio.group(2))  # fte: 24/36 (v3: or hours_per_week with salary)
        return msg("fte_ratio", raw=repr(err.get("input")), value=fmt_number(round(value, 3)),
                   hours=fmt_number(float(ratio.group(1))))
    if kind in {"bool_type", "bool_parsing"}:
        got = raw if raw is not None else fmt_number(err.get("input"))
        return msg("bool_expected", raw=got)
    if kind == "string_type":
        got = err.get("input")
        if got is None:
            return msg("text_empty")
        if raw is None:
            kind = L("een lijst", "a list") if isinstance(got, list) else L("sleutels met waarden", "a mapping")
            return msg("text_got_kind", kind=kind)
        return msg("text_got_raw", raw=raw)
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        got = err.get("input")
        word, _, rest = (raw or "").partition(" ")
        if isinstance(got, str) and raw and rest.strip() and word in keys.valid_keys(path):  # costs: \n housing 9000
            return msg("yaml_missing_colon", key=word, fixed=f"{word}: {rest.strip()}")
        what = (
            L("een lijst", "a list") if isinstance(got, list) else L("niets", "nothing") if got is None
            else f"{raw!r}" if raw is not None else L("één waarde", "a single value")
        )
        return msg("mapping_expected", keys=keys.expected_keys(path), got=what)
    if kind == "list_type":
        return msg(_LIST_EXAMPLES.get(str(path[-1]) if path else "", "list_expected"))
    if kind == "too_short":
        return msg("not_empty")
    if kind in {"literal_error", "union_tag_invalid"} and path and path[-1] == "kind":
        got = err.get("input")
        hint = keys.suggest(got, ["professional", "volunteer"]) if isinstance(got, str) else None
        return msg("kind_expected", got=repr(got), hint=msg("did_you_mean", hint=hint) if hint else "")
    if kind == "string_too_short":
        return msg("not_empty")
    if kind == "string_too_long":
        limit = (err.get("ctx") or {}).get("max_length")
        return msg("text_too_long", limit=limit, n=len(str(err.get("input"))))
    if kind == "literal_error":
        expected = [str(x) for x in typing.get_args(_literal_at(path))] or []
        got = err.get("input")
        hint = keys.suggest(got, expected) if isinstance(got, str) and expected else None
        choices = ", ".join(repr(x) for x in expected)
        extra = msg("did_you_mean", hint=hint) if hint else ""
        return msg("choice_expected", choices=choices, got=repr(got), hint=extra)
    return err["msg"]


def _literal_at(path: KeyPath) -> Any:
    """The Literal type of the field at ``path`` (for the choices of an error message)."""
    model = keys.model_at(path[:-1])
    info = model.model_fields.get(path[-1]) if model is not None and path else None
    return info.annotation if info is not None else None
