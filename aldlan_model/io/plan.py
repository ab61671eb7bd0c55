"""A municipality-wide plan: ``locations`` as a list of rooms, each with its own numbers.

Each item has a ``name``, an optional ``count`` (default 1: rooms with the same numbers)
and any overrides of the scenario's own keys, deep-merged onto the scenario like
``extends`` (mappings merged, lists and numbers replaced). Per location the calculation
is exactly MODEL.md section 3 on the merged scenario; every money figure of the plan is
the sum over locations of ``count`` x that location's figures.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from typing import Any

from aldlan_model.i18n.messages import grouped, msg
from aldlan_model.io.document import Document, locate
from aldlan_model.io.loader import merge, merge_locs, validate_document
from aldlan_model.io.yamlsrc import KeyPath, dotted
from aldlan_model.model import keys
from aldlan_model.model.errors import Problem, ScenarioError
from aldlan_model.model.numbers import fmt_number, nfc
from aldlan_model.model.scenario import Scenario

ITEM_ONLY = ("name", "count")
NOT_PER_LOCATION = ("locations", "extends", "target", "name", "description", "label", "context")
MAX_ROOMS = 10_000


@dataclass
class Location:
    name: str
    count: int
    scenario: Scenario  # the merged scenario, with ``locations`` = count


@dataclass
class Plan:
    """Several locations that share a target and a period."""

    name: str
    description: str | None
    file: str
    locations: list[Location]
    base: Scenario = field(repr=False)  # the first location's scenario: period, target

    @property
    def count(self) -> int:
        return sum(loc.count for loc in self.locations)

    @property
    def target_year(self) -> int:
        return self.base.target_year

    @property
    def first(self) -> int:
        return self.base.first

    @property
    def last(self) -> int:
        return self.base.last

    @property
    def years(self) -> list[int]:
        return self.base.years

    @property
    def target(self) -> Any:
        return self.base.target

    @property
    def start(self) -> int:
        return min(loc.scenario.start for loc in self.locations)

    def location(self, name: str) -> Location:
        for loc in self.locations:
            if nfc(loc.name) == nfc(name):
                return loc
        names = [loc.name for loc in self.locations]
        hint = keys.suggest(name, names)
        from aldlan_model.model.errors import UsageError

        extra = msg("did_you_mean", hint=hint) if hint else ""
        raise UsageError(msg("plan_no_location", name=repr(name), hint=extra, names=", ".join(names)))


def is_plan(doc: Document) -> bool:
    return isinstance(doc.data.get("locations"), list)


def _count(item: dict[str, Any], where: Problem) -> tuple[int | None, Problem | None]:
    raw = item.get("count", 1)
    value = raw.get("value") if isinstance(raw, dict) else raw
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)  # .nan, .inf, 1e400: never int() them
        or value != int(value)
        or not 1 <= value <= MAX_ROOMS
    ):
        shown = fmt_number(value) if isinstance(value, int | float) and not isinstance(value, bool) else repr(value)
        return None, Problem(
            where.file,
            where.line,
            where.col,
            where.path,
            msg("plan_rooms_whole", limit=grouped(MAX_ROOMS), got=shown),
        )
    return int(value), None


def _locs_by_item(doc: Document) -> dict[int, list[tuple[KeyPath, Any]]]:
    """The places of ``locations.N`` and everything under it, per N (one pass over the document)."""
    out: dict[int, list[tuple[KeyPath, Any]]] = {}
    for p, where in doc.locs.items():
        if len(p) >= 2 and p[0] == "locations" and isinstance(p[1], int):
            out.setdefault(p[1], []).append((p, where))
    return out


def split_plan(doc: Document) -> tuple[list[tuple[str, int, Document]], list[Problem]]:
    """One document per location item (scenario data with the item merged onto it),
    and the problems of the items that could not be split."""
    items = doc.data["locations"]
    base = {k: v for k, v in doc.data.items() if k != "locations"}
    base_locs = {p: loc for p, loc in doc.locs.items() if not (p and p[0] == "locations")}
    problems: list[Problem] = []
    out: list[tuple[str, int, Document]] = []
    seen: dict[str, int] = {}
    if not items:
        loc = locate(doc, ("locations",))
        raise ScenarioError(
            [
                Problem(
                    loc.file,
                    loc.line,
                    loc.col,
                    "locations",
                    msg("plan_empty"),
                )
            ]
        )
    by_item = _locs_by_item(doc)
    for i, item in enumerate(items):
        here: KeyPath = ("locations", i)
        loc = locate(doc, here)
        if not isinstance(item, dict):
            problems.append(
                Problem(
                    loc.file,
                    loc.line,
                    loc.col,
                    dotted(here),
                    msg("plan_item_mapping"),
                )
            )
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(
                Problem(loc.file, loc.line, loc.col, dotted(here), msg("plan_item_name"))
            )
            continue
        if nfc(name) in seen:  # "Aldlân" typed once composed and once decomposed is one name
            nl = locate(doc, (*here, "name"))
            problems.append(
                Problem(
                    nl.file,
                    nl.line,
                    nl.col,
                    dotted((*here, "name")),
                    msg("plan_dup_name", name=repr(name), item=seen[nfc(name)] + 1),
                )
            )
            continue
        seen[nfc(name)] = i
        cl = locate(doc, (*here, "count"))
        count, problem = _count(item, Problem(cl.file, cl.line, cl.col, dotted((*here, "count")), ""))
        if problem:
            problems.append(problem)
            continue
        overrides = {k: v for k, v in item.items() if k not in ITEM_ONLY}
        bad = False
        for key in overrides:
            kl = locate(doc, (*here, key))
            if key in NOT_PER_LOCATION:
                problems.append(
                    Problem(
                        kl.file,
                        kl.line,
                        kl.col,
                        dotted((*here, key)),
                        msg("plan_whole_key", key=key),
                    )
                )
                bad = True
            elif key not in keys.valid_keys(()):
                problems.append(
                    Problem(kl.file, kl.line, kl.col, dotted((*here, key)), keys.unknown_key_message((key,)))
                )
                bad = True
        if bad:
            continue
        item_locs = {p[2:]: where for p, where in by_item.get(i, ()) if len(p) > 2 and p[2] not in ITEM_ONLY}
        data = merge(copy.deepcopy(base), copy.deepcopy(overrides))
        data["locations"] = count
        locs = merge_locs(base_locs, item_locs, overrides)
        locs[("locations",)] = locate(doc, (*here, "count")) if "count" in item else loc
        out.append((name, count, Document(doc.file, data, locs, doc.chain, doc.overrides)))
    return out, problems


def validate_plan(doc: Document) -> Plan:
    """Validate every location of a plan; one error carrying every location's problems."""
    items, problems = split_plan(doc)
    locations: list[Location] = []
    index = {}
    for i, x in enumerate(doc.data["locations"]):
        index.setdefault(x.get("name") if isinstance(x, dict) else None, i)
    by_item = _locs_by_item(doc)
    for name, count, sub in items:
        i = index[name]
        lines = {(w.file, w.line) for _p, w in by_item.get(i, ())}
        try:
            locations.append(Location(name, count, validate_document(sub)))
        except ScenarioError as exc:
            for p in exc.problems:
                if (p.file, p.line) in lines:  # written in the item: name the item in the key path
                    p = Problem(p.file, p.line, p.col, f"locations.{i}.{p.path}", p.message)
                if p not in problems:
                    problems.append(p)
    if not problems and not locations:
        where = locate(doc, ("locations",))
        problems.append(Problem(where.file, where.line, where.col, "locations", msg("plan_no_valid")))
    if not problems:
        first = locations[0].scenario
        for i, loc in enumerate(locations[1:], 1):
            s = loc.scenario
            if (s.first, s.last) != (first.first, first.last):
                where = locate(doc, ("locations", i, "period"))
                problems.append(
                    Problem(
                        where.file,
                        where.line,
                        where.col,
                        f"locations.{i}.period",
                        msg("plan_period", first=first.first, last=first.last, got=f"{s.first}–{s.last}"),
                    )
                )
    total = sum(loc.count for loc in locations)
    if not problems and total > MAX_ROOMS:
        where = locate(doc, ("locations",))
        problems.append(
            Problem(
                where.file,
                where.line,
                where.col,
                "locations",
                msg("plan_too_many", limit=grouped(MAX_ROOMS), n=grouped(total)),
            )
        )
    if problems:
        raise ScenarioError(problems)
    base = locations[0].scenario
    return Plan(base.name, base.description, doc.file, locations, base)
