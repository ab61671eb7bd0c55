"""A scenario or a plan as the uncertainty commands see it: rooms whose ranged inputs are drawn.

A single scenario is one room. A plan (``locations`` as a list of rooms, :mod:`aldlan_model.io.plan`)
is one room per location item (an item with ``count: 2`` is two rooms with the same numbers, so
it is drawn once and counts twice). Which draws a room's ranged input takes:

* an input the room inherits from the file the plan's rooms share (the plan itself and what it
  ``extends``, and any ``--set``) is **shared**: it is drawn once per draw, under its own key path
  (``tariffs.baseline.zin``), and every room that inherits it uses that same number — one tariff
  for the whole municipality;
* an input written in the room's own item (``locations: [{name: Oost, costs: {housing: …}}]``)
  is the room's **own**: it is drawn for that room alone, under the key
  ``locations.<name>.<path>`` (``locations.Oost.costs.housing``), independently of every other
  room. A room's own list (``staff: […]``, ``ramp_up: […]``) makes every number in it its own.

Draw ``i`` of an input depends only on the seed, its key and ``i`` (:mod:`.draws`), so a single
scenario draws exactly as before and a plan's shared inputs draw exactly as the same input of a
single scenario.

:func:`evaluate` sends ``n`` variants (draws) of every room through the vectorised engine (one
:func:`~aldlan_model.engine.room.compute` call per distinct :class:`~aldlan_model.engine.params.Structure`,
all rooms of it stacked as rows) and returns, per variant, the plan's figures in the report year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from aldlan_model.engine.lines import DEFICIT_TOLERANCE
from aldlan_model.engine.params import Structure, flatten
from aldlan_model.engine.room import compute
from aldlan_model.ledger.rounded import Ledger, build_ledger, room_ledger_at
from aldlan_model.model.numbers import looks_dated
from aldlan_model.uncertainty.draws import Spec

NUM_KEYS = frozenset({"value", "low", "mode", "high", "source"})
ROOM_PREFIX = "locations."

FIGURES = (
    "savings", "savings_hard", "cumulative_savings", "net_municipality", "result", "subsidy",
    "cost", "income", "baseline", "scenario", "financing_need",
)
"""The figures :func:`evaluate` returns per variant (``financing_need`` over the whole period,
every other one in the report year)."""


@dataclass
class Room:
    """One location item: its numbers at point values, and which of them are drawn under which key."""

    name: str | None  # None: a single scenario
    count: int
    structure: Structure
    points: dict[str, float]  # parameter path -> point value
    keys: dict[str, str]  # ranged parameter path -> draw key


@dataclass
class Model:
    """What the uncertainty commands compute: one or more rooms sharing a period and a target."""

    name: str
    scenario: Any  # the Scenario, or the plan's first room's (period, target, sources)
    rooms: list[Room]
    specs: list[Spec]  # one per draw key, in the order of the rooms' parameter tables
    first: int
    last: int
    target_year: int
    plan: Any = None  # the Plan, when this is one
    sources: dict[str, str] = field(default_factory=dict)  # draw key -> the source written with its range
    groups: list[tuple[Structure, list[int]]] = field(default_factory=list)

    @property
    def is_plan(self) -> bool:
        return self.plan is not None

    @property
    def years(self) -> int:
        return self.last - self.first + 1

    @property
    def room_names(self) -> list[str]:
        return [r.name or "" for r in self.rooms]


def _own_prefixes(data: Any, prefix: str = "") -> list[str]:
    """Key paths a room item writes: mappings are followed, a number mapping, a list or a value ends a path."""
    if isinstance(data, dict) and not (data and set(data) <= NUM_KEYS) and not looks_dated(data):  # v3: dated ends
        out: list[str] = []
        for k, v in data.items():
            out += _own_prefixes(v, f"{prefix}{k}.")
        return out
    return [prefix[:-1]] if prefix else []


def _is_own(path: str, prefixes: list[str]) -> bool:
    return any(path == q or path.startswith((q + ".", q + "@")) for q in prefixes)  # v3: costs.housing@2022


def own_paths(doc_data: Mapping[str, Any] | None) -> dict[str, list[str]]:
    """Per room name, the key paths its item writes (besides ``name`` and ``count``)."""
    out: dict[str, list[str]] = {}
    for item in (doc_data or {}).get("locations") or []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            written = {k: v for k, v in item.items() if k not in ("name", "count")}
            out[item["name"]] = _own_prefixes(written)
    return out


def room_key(name: str, path: str) -> str:
    return f"{ROOM_PREFIX}{name}.{path}"


def build(model: Any, doc_data: Mapping[str, Any] | None = None) -> Model:
    """The :class:`Model` of a scenario or a plan. For a plan, ``doc_data`` is the plan file's data
    (with any ``--set``); without it the file is read again to see what each room writes."""
    rooms_attr = getattr(model, "locations", None)
    if not isinstance(rooms_attr, list):  # a single scenario
        nums = flatten(model)
        keys = {p: p for p, n in nums.items() if n.is_range}
        room = Room(None, 1, Structure.of(model), {p: float(n.point) for p, n in nums.items()}, keys)
        specs = [Spec.of(p, n) for p, n in nums.items() if n.is_range]
        m = Model(model.name, model, [room], specs, model.first, model.last, model.target_year,
                  sources={p: n.source for p, n in nums.items() if n.is_range and n.source})
    else:
        if doc_data is None:
            from aldlan_model.io.loader import read_document

            doc_data = read_document(model.file).data
        own = own_paths(doc_data)
        rooms: list[Room] = []
        specs_by_key: dict[str, Spec] = {}
        sources: dict[str, str] = {}
        for loc in rooms_attr:
            nums = flatten(loc.scenario)
            prefixes = own.get(loc.name, [])
            keys: dict[str, str] = {}
            for p, n in nums.items():
                if not n.is_range:
                    continue
                if _is_own(p, prefixes):
                    key = room_key(loc.name, p)
                    spec = Spec.of(p, n)
                    spec = Spec(key, spec.distribution, spec.low, spec.high, spec.mode, spec.point, spec.whole,
                                room=loc.name, parameter=p)
                else:
                    key, spec = p, Spec.of(p, n)
                keys[p] = key
                specs_by_key.setdefault(key, spec)
                if n.source:
                    sources.setdefault(key, n.source)
            rooms.append(Room(loc.name, loc.count, Structure.of(loc.scenario),
                              {p: float(n.point) for p, n in nums.items()}, keys))
        base = model.base
        m = Model(model.name, base, rooms, list(specs_by_key.values()), base.first, base.last, base.target_year,
                  plan=model, sources=sources)
    groups: dict[Structure, list[int]] = {}
    for i, room in enumerate(m.rooms):
        groups.setdefault(room.structure, []).append(i)
    m.groups = list(groups.items())
    return m


def _column(model: Model, members: list[int], path: str, n: int, drawn: Mapping[str, np.ndarray],
            values: Mapping[str, float]) -> np.ndarray:
    if path in values:
        return np.full(n * len(members), float(values[path]))
    parts = []
    for i in members:
        room = model.rooms[i]
        key = room.keys.get(path)
        got = drawn.get(key) if key is not None else None
        parts.append(np.full(n, room.points[path]) if got is None else np.asarray(got, dtype=float))
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def year_index(model: Model, n: int, drawn: Mapping[str, np.ndarray], values: Mapping[str, float],
               year: int | None) -> np.ndarray:
    """Per variant, the report year's column: ``year``, else the (possibly drawn) target year."""
    if year is not None:
        return np.full(n, int(year) - model.first, dtype=np.intp)
    ty = _column(model, [0], "target.year", n, drawn, values)
    return np.clip(ty - model.first, 0, model.last - model.first).astype(np.intp)


SIMULATE = ("savings", "savings_hard", "cumulative_savings", "net_municipality", "result", "subsidy",
            "financing_need")
"""The figures ``aldlan simulate`` keeps."""


def evaluate(model: Model, n: int, drawn: Mapping[str, np.ndarray] | None = None, year: int | None = None,
             values: Mapping[str, float] | None = None, *, room_savings: bool = False,
             figures: tuple[str, ...] = FIGURES) -> dict[str, np.ndarray]:
    """The plan's figures for ``n`` variants: ``drawn`` maps draw keys to ``n`` values each (keys not
    in it sit at their point value); ``values`` sets a parameter path in every room (``solve``).

    Returns each of ``figures`` (names of :data:`FIGURES`; one value per variant), ``reached`` /
    ``reached_hard`` (savings / hard savings ≥ the target amount in the report year), ``deficit``
    (some room's result below −0.005 in an operating year up to the report year), ``amount`` (the
    target amount) and, with ``room_savings``, ``rooms``: an (items, n) array of each location item's
    savings in the report year (× its count). Only the lines these need are computed.
    """
    drawn = drawn or {}
    values = values or {}
    yi = year_index(model, n, drawn, values, year)
    upto = np.arange(model.years)[None, :] <= yi[:, None]
    need = [f for f in figures if f != "financing_need"]
    need = list(dict.fromkeys([*need, "savings", "savings_hard", "result"]))
    if "financing_need" in figures:
        need.append("cumulative_cash")
    totals: dict[str, np.ndarray] = {}
    deficit = np.zeros(n, dtype=bool)
    per_room = np.empty((len(model.rooms), n)) if room_savings else None
    cum_result = None
    locations = np.zeros(n)
    for structure, members in model.groups:
        columns = model.rooms[members[0]].points
        table = {p: _column(model, members, p, n, drawn, values) for p in columns}
        res = compute(table, structure, lines=need)
        lines = res.lines
        L = len(members)
        yi_all = np.tile(yi, L) if L > 1 else yi
        rows_all = np.arange(n * L)
        for name in need:
            if name == "cumulative_cash":
                continue
            v = lines[name][rows_all, yi_all]
            v = v if L == 1 else v.reshape(L, n).sum(axis=0)
            totals[name] = totals[name] + v if name in totals else v
        loss = (lines["result"] < -DEFICIT_TOLERANCE) & (res.detail["k"] >= 1)
        loss &= upto if L == 1 else np.tile(upto, (L, 1))
        flags = loss.any(axis=1)
        deficit |= flags if L == 1 else flags.reshape(L, n).any(axis=0)
        if "cumulative_cash" in lines:
            cr = lines["cumulative_cash"] if L == 1 else lines["cumulative_cash"].reshape(L, n, -1).sum(axis=0)
            cum_result = cr if cum_result is None else cum_result + cr
        loc = table["locations"]
        locations = locations + (loc if L == 1 else loc.reshape(L, n).sum(axis=0))
        if per_room is not None:
            per_room[members] = lines["savings"][rows_all, yi_all].reshape(L, n)
    amount = _column(model, [0], "target.amount", n, drawn, values)
    out = {name: totals[name] for name in figures if name in totals}
    if cum_result is not None:
        worst = -cum_result.min(axis=1)
        out["financing_need"] = np.where(worst > DEFICIT_TOLERANCE * locations, worst, 0.0)
    out["reached"] = totals["savings"] >= amount
    out["reached_hard"] = totals["savings_hard"] >= amount
    out["deficit"] = deficit
    out["amount"] = amount
    if per_room is not None:
        out["rooms"] = per_room
    return out



def ledger_figures(model: Model, n: int, drawn: Mapping[str, np.ndarray] | None = None, year: int | None = None,
                   figures: tuple[str, ...] = FIGURES) -> dict[str, list[int]]:
    """The ``figures`` of ``n`` variants as ``aldlan run`` shows them: each variant's rounded ledger (MODEL.md
    §4.1; a plan: each room rounded, × its count, then added), read in the report year of :func:`evaluate`.

    For the few variants a report names (the point value, a tornado's low and high ends): every line is
    computed, so it costs more per variant than :func:`evaluate`, which stays the one for draws."""
    drawn = drawn or {}
    yi = year_index(model, n, drawn, {}, year)
    ledgers: list[Ledger | None] = [None] * n
    for structure, members in model.groups:
        columns = model.rooms[members[0]].points
        res = compute(pd.DataFrame({p: _column(model, members, p, n, drawn, {}) for p in columns}), structure)
        for k in range(len(members)):
            for v in range(n):
                one = room_ledger_at(res, k * n + v) if model.is_plan else build_ledger(res, k * n + v)
                ledgers[v] = one if ledgers[v] is None else ledgers[v] + one  # type: ignore[operator]
    return {name: [L.figure(name, model.first + int(yi[v])) for v, L in enumerate(ledgers) if L is not None]
            for name in figures}
