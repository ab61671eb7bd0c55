"""A scenario as a table of parameters: one column per numeric input, one row per variant.

The engine computes from this table, so a single run (one row), a sweep (a grid of rows)
and Monte Carlo (a million drawn rows) go through the same code. Only what shapes the
computation itself (the years, the staff list, ``cover_deficit``) is in :class:`Structure`
and shared by all rows.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from aldlan_model.model.numbers import DatedBase, Num
from aldlan_model.model.scenario import Project, Scenario, TransportTrip

STAFF_FIELDS = {
    "fte": ("fte", "salary", "employer_charges", "group_work"),
    "hours": ("hours_per_week", "hourly_cost", "group_work"),
    "part_time": ("hours_per_week", "salary", "employer_charges", "group_work"),  # v3: fte = hours / hours_per_fte
    "volunteer": ("count", "hours_per_week", "allowance", "other_costs"),
}
DATED_SEP = "@"
"""A dated input (MODEL.md §2.11) is one column per key: ``costs.housing@2022``."""


def dated_column(path: str, year: int) -> str:
    return f"{path}{DATED_SEP}{int(year)}"


def split_column(column: str) -> tuple[str, int | None]:
    """``costs.housing@2022`` → (``costs.housing``, 2022); an undated column → (column, None)."""
    path, sep, year = column.partition(DATED_SEP)
    return (path, int(year)) if sep else (column, None)


NOT_SET = -1.0
"""Table value of an optional input that was not written (a check that is off, a default that follows another)."""


@dataclass(frozen=True)
class ProjectShape:
    """What shapes one project's computation: its staff kinds, one-offs and funding items."""

    staff: tuple[str, ...]
    one_offs: int
    funding: tuple[tuple[str, str, int], ...]  # per item: (kind 'yearly'/'one_off'/'rest', budget, one-offs)


def _kind(m) -> str:
    if m.kind == "volunteer":
        return "volunteer"
    if m.is_fte:
        return "fte"
    return "part_time" if m.salary is not None else "hours"


def _kinds(staff: list) -> tuple[str, ...]:
    return tuple(_kind(m) for m in staff)


@dataclass(frozen=True)
class Structure:
    """What all variants share: the year axis, ramp length, staff members' kinds, list shapes."""

    first: int
    last: int
    ramp_len: int
    staff: tuple[str, ...]  # per member: 'fte', 'hours', 'part_time' (v3) or 'volunteer'
    cover_deficit: bool
    replaced: tuple[str, ...] = ()  # per replaced item: its index ('wages', 'prices', 'tariffs', 'none')
    projects: tuple[ProjectShape, ...] = ()
    project_names: tuple[str, ...] = ()
    other_income: tuple[str, ...] = ()  # v3: per line of income.other (a list): its budget
    dated: tuple[tuple[str, tuple[int, ...]], ...] = ()  # v3: per dated input, its path and its keys (years)

    def keys_of(self, path: str) -> tuple[int, ...] | None:
        """The years of a dated input, or None when ``path`` is not dated."""
        for p, years in self.dated:
            if p == path:
                return years
        return None

    @property
    def years(self) -> np.ndarray:
        return np.arange(self.first, self.last + 1)

    @classmethod
    def of(cls, s: Scenario) -> Structure:
        projects = tuple(
            ProjectShape(
                _kinds(pr.staff),
                len(pr.one_off),
                tuple((f.kind, f.budget, len(f.one_off or [])) for f in pr.funding),
            )
            for pr in s.projects
        )
        dated: dict[str, list[int]] = {}
        for column in flatten(s):
            path, year = split_column(column)
            if year is not None:
                dated.setdefault(path, []).append(year)
        other = s.income.other
        return cls(
            s.first, s.last, len(s.ramp_up), _kinds(s.staff), s.income.covers_deficit,
            tuple(item.index for item in s.municipality.replaced), projects,
            tuple(pr.name for pr in s.projects),
            tuple(line.budget for line in other) if isinstance(other, list) else (),
            tuple((path, tuple(sorted(years))) for path, years in dated.items()),
        )


def _num(x: float) -> Num:
    return Num(value=float(x))


def _put(out: dict[str, Num], path: str, x: Num | DatedBase) -> None:
    """An input that may be dated: one entry, or (v3) one per key (``costs.housing@2022``)."""
    if isinstance(x, DatedBase):
        for year, num in x.items():
            out[dated_column(path, year)] = num
    else:
        out[path] = x


def _dated_ok(values: dict[str, Num | DatedBase]) -> dict[str, Num]:
    out: dict[str, Num] = {}
    for path, x in values.items():
        _put(out, path, x)
    return out


def flatten(s: Scenario) -> dict[str, Num]:
    """Every numeric input of the computation as ``path -> Num`` (sources and ranges kept).

    For a plan (anything with ``locations`` as a list of rooms) the first location that
    writes a path gives its number. Flattened once per scenario object (a frozen model), then kept.
    """
    kept = getattr(s, "__flat__", None)
    if kept is not None:
        return dict(kept)
    flat = _flatten(s)
    with contextlib.suppress(AttributeError, TypeError):  # an object that takes no attributes: not kept
        object.__setattr__(s, "__flat__", flat)
    return dict(flat)


def _flatten(s: Scenario) -> dict[str, Num]:
    rooms = getattr(s, "locations", None)
    if isinstance(rooms, list):
        merged: dict[str, Num] = {}
        for room in rooms:
            for path, num in flatten(room.scenario).items():
                merged.setdefault(path, num)
        return merged
    out: dict[str, Num] = {
        "period.start": s.period.start or s.period.first,
        "target.amount": s.target.amount,
        "target.year": s.target.year,
        "locations": s.locations,
        "opening.weeks_per_year": s.opening.weeks_per_year,
        "opening.dagdelen_per_week": s.opening.dagdelen_per_week,
        "opening.hours_per_dagdeel": s.opening.hours_per_dagdeel,
    }
    for group in ("zin", "pgb", "without_indication", "former_indication"):
        g = getattr(s.participants, group)
        out[f"participants.{group}.count"] = g.count
        out[f"participants.{group}.dagdelen_per_week"] = g.dagdelen_per_week
    former = s.participants.former_indication.baseline_dagdelen_per_week
    out["participants.former_indication.baseline_dagdelen_per_week"] = former or _num(NOT_SET)
    out |= _v3_participants(s)
    for i, r in enumerate(s.ramp_up):
        out[f"ramp_up.{i}"] = r
    out |= _staff("staff.", s.staff)
    for side in ("buurtkamer", "baseline"):
        t = getattr(s.transport, side)
        if not isinstance(t, TransportTrip):  # a bare rate per dagdeel (version 1; v3: may be dated)
            _put(out, f"transport.{side}", t)
            t = TransportTrip()
        else:
            out[f"transport.{side}"] = _num(0.0)
        _put(out, f"transport.{side}.per_trip", t.per_trip)
        out[f"transport.{side}.dagdelen_per_trip"] = t.dagdelen_per_trip
        out[f"transport.{side}.share"] = t.share
    for i, item in enumerate(s.municipality.replaced):
        _put(out, f"municipality.replaced.{i}.amount", item.amount)
    for i, pr in enumerate(s.projects):
        out |= _project(f"projects.{i}.", pr, s)
    ctx = s.context
    out["context.indicated_clients"] = ctx.indicated_clients or _num(NOT_SET)
    out["context.volunteers_available"] = ctx.volunteers_available or _num(NOT_SET)
    out["norms.max_group_per_professional"] = s.norms.max_group_per_professional or _num(NOT_SET)
    c = s.costs
    out |= _dated_ok({
        "costs.housing": c.housing,
        "costs.per_participant_dagdeel": c.per_participant_dagdeel,
    })
    out |= {
        "costs.overhead": c.overhead,
        "costs.margin": c.margin,
        "costs.startup.amount": c.startup.amount,
        "costs.startup.depreciation_years": c.startup.depreciation_years,
    }
    out |= _dated_ok({
        "income.contribution": s.income.contribution,
        "income.other": _num(0.0) if isinstance(s.income.other, list) else s.income.other,
        "income.subsidy": _num(0.0) if s.income.covers_deficit else s.income.subsidy,
        "tariffs.buurtkamer.zin": s.tariffs.buurtkamer.zin,
        "tariffs.buurtkamer.pgb": s.tariffs.buurtkamer.pgb,
        "tariffs.baseline.zin": s.tariffs.baseline.zin,
        "tariffs.baseline.pgb": s.tariffs.baseline.pgb,
        "municipality.assessment_per_indication": s.municipality.assessment_per_indication,
    })
    out["municipality.substitution"] = s.municipality.substitution
    out |= _dated_ok({
        "indexation.wages": s.indexation.wages,
        "indexation.prices": s.indexation.prices,
        "indexation.tariffs": s.indexation.tariffs,
    })
    out |= {
        "norms.hours_per_fte": s.norms.hours_per_fte,
        "norms.max_indicated_per_professional": s.norms.max_indicated_per_professional,
        "norms.enforce": _num(1.0 if s.norms.enforce else 0.0),
    }
    if isinstance(s.income.other, list):
        for i, line in enumerate(s.income.other):
            _put(out, f"income.other.{i}.amount", line.amount)
    out["income.payment_days"] = s.income.payment_days
    out["discount_rate"] = s.discount_rate
    return out


ORIGIN_SHARES = ("reindicated", "same_product", "new")


def _v3_participants(s: Scenario) -> dict[str, Num]:
    """Origin shares per indicated group (default ``{reindicated: 1}``) and attendance (MODEL.md §2.7–2.8)."""
    out: dict[str, Num] = {}
    for group in ("zin", "pgb"):
        origin = getattr(s.participants, group).origin
        for name, share in zip(ORIGIN_SHARES, origin.shares() if origin else (1.0, 0.0, 0.0), strict=True):
            written = getattr(origin, name) if origin is not None else None
            out[f"participants.{group}.origin.{name}"] = written if written is not None else _num(share)
    out["participants.attendance"] = s.participants.attendance
    return out


def _staff(prefix: str, staff: list) -> dict[str, Num]:
    out: dict[str, Num] = {}
    for i, (m, kind) in enumerate(zip(staff, _kinds(staff), strict=True)):
        for name in STAFF_FIELDS[kind]:
            if name == "group_work":
                out[f"{prefix}{i}.group_work"] = _num(1.0 if m.group_work in (None, True) else 0.0)
                continue
            _put(out, f"{prefix}{i}.{name}", getattr(m, name) or _num(0.0))
    return out


def _one_offs(prefix: str, items: list) -> dict[str, Num]:
    out: dict[str, Num] = {}
    for m, item in enumerate(items):
        out[f"{prefix}{m}.year"] = item.year
        out[f"{prefix}{m}.amount"] = item.amount
    return out


def _project(prefix: str, pr: Project, s: Scenario) -> dict[str, Num]:
    out: dict[str, Num] = {
        prefix + "start": pr.start or _num(float(s.start)),
        prefix + "end": pr.end or _num(float(s.last)),
    }
    _put(out, prefix + "yearly_costs", pr.yearly_costs)
    out |= _staff(prefix + "staff.", pr.staff)
    out |= _one_offs(prefix + "one_off.", pr.one_off)
    for f, fund in enumerate(pr.funding):
        at = f"{prefix}funding.{f}."
        if fund.kind == "yearly":
            _put(out, at + "yearly", fund.yearly)
        elif fund.kind == "one_off":
            out |= _one_offs(at + "one_off.", fund.one_off or [])
    return out


def point_table(s: Scenario, rows: int = 1) -> pd.DataFrame:
    """The deterministic parameter table: every input at its point value, ``rows`` times."""
    values = {k: np.full(rows, v.point, dtype=float) for k, v in flatten(s).items()}
    return pd.DataFrame(values)


def ranged(s: Scenario) -> dict[str, Num]:
    """The inputs written as a range (the uncertain ones)."""
    return {k: v for k, v in flatten(s).items() if v.is_range}
