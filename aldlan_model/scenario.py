"""The scenario model (MODEL.md section 2): pydantic v2, unknown keys forbidden, no I/O.

Field validation lives here; rules that tie fields together are in :func:`cross_checks`,
which returns problems (key path, message) instead of raising, so the loader can report
every one of them with its line and column.
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool
from pydantic_core import PydanticCustomError

from aldlan_model.numbers import (
    Count,
    Fraction,
    NonNeg,
    Num,
    Positive,
    Year,
    fmt_number,
    num_type,
    strict_number,
)

COVER_DEFICIT = "cover_deficit"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _n(x: float, source: str | None = None) -> Num:
    return Num(value=x, source=source)


class Period(Model):
    first: Year = Field(description="First year of the model")
    last: Year = Field(description="Last year of the model")
    start: Year | None = Field(None, description="First operating year (default: first)")


class Target(Model):
    amount: Positive = Field(_n(3_600_000), description="Yearly savings target in euros")
    year: Year = Field(_n(2021), description="Year in which the target should be reached")


class Opening(Model):
    weeks_per_year: num_type(ge=1, le=53) = Field(description="Weeks open per year")
    dagdelen_per_week: num_type(ge=1, le=14) = Field(description="Dagdelen open per week")
    hours_per_dagdeel: num_type(gt=0, le=12) = Field(_n(4), description="Hours per dagdeel")


class Group(Model):
    count: Count = Field(_n(0), description="Participants per location at full operation")
    dagdelen_per_week: num_type(ge=0, le=14) = Field(
        _n(0), description="Dagdelen per participant per week"
    )


class Participants(Model):
    zin: Group = Field(default_factory=Group, description="With Wmo-indicatie, zorg in natura")
    pgb: Group = Field(default_factory=Group, description="With a persoonsgebonden budget")
    without_indication: Group = Field(
        default_factory=Group, description="Riders-along without indicatie (meeliften)"
    )


class StaffMember(Model):
    role: str | None = Field(None, description="Name of the role (default: the kind)")
    kind: Literal["professional", "volunteer"]
    fte: Count | None = Field(None, description="Professional: FTE")
    salary: NonNeg | None = Field(None, description="Professional: gross salary per FTE per year")
    employer_charges: num_type(ge=0, le=1.5) | None = Field(
        None, description="Professional: employer charges as a fraction of salary"
    )
    hours_per_week: num_type(ge=0, le=168) | None = Field(
        None, description="Hours per week (professional paid by the hour, or per volunteer)"
    )
    hourly_cost: NonNeg | None = Field(None, description="Professional: all-in cost per hour")
    group_work: StrictBool | None = Field(
        None, description="Professional: hours count as present with the group (default true)"
    )
    count: Count | None = Field(None, description="Volunteer: number of volunteers")
    allowance: NonNeg | None = Field(None, description="Volunteer: allowance per year")
    other_costs: NonNeg | None = Field(None, description="Volunteer: other costs per year")

    @property
    def label(self) -> str:
        return self.role or self.kind

    @property
    def is_fte(self) -> bool:
        return self.fte is not None


class Startup(Model):
    amount: NonNeg = Field(_n(0), description="One-off startup costs")
    depreciation_years: Positive = Field(_n(1), description="Years over which they are written off")


class Costs(Model):
    housing: NonNeg = Field(_n(0), description="Housing per location per year")
    per_participant_dagdeel: NonNeg = Field(_n(0), description="Materials, coffee, lunch")
    overhead: Fraction = Field(_n(0), description="Overhead as a share of operating costs")
    margin: num_type(ge=0, lt=1) = Field(_n(0), description="Profit share")
    startup: Startup = Field(default_factory=Startup)


def _subsidy(x: Any) -> Any:
    if isinstance(x, str):
        if x == COVER_DEFICIT:
            return x
        hint = "; did you mean cover_deficit?" if difflib.get_close_matches(x.lower(), [COVER_DEFICIT]) else ""
        raise PydanticCustomError(
            "subsidy", "expected a number or the word cover_deficit, got {raw}{hint}", {"raw": repr(x), "hint": hint}
        )
    if isinstance(x, Num | dict):
        return x
    return {"value": strict_number(x)}


class Income(Model):
    contribution: NonNeg = Field(_n(0), description="€ per dagdeel paid by riders-along")
    other: NonNeg = Field(_n(0), description="Other income per year, e.g. rent")
    subsidy: Annotated[Literal["cover_deficit"] | NonNeg, BeforeValidator(_subsidy)] = Field(
        _n(0), description="€ per year from the municipality, or the word cover_deficit"
    )

    @property
    def covers_deficit(self) -> bool:
        return self.subsidy == COVER_DEFICIT


class TariffPair(Model):
    zin: NonNeg = Field(description="€ per participant-dagdeel, zorg in natura")
    pgb: NonNeg = Field(description="€ per participant-dagdeel, PGB")


class Tariffs(Model):
    buurtkamer: TariffPair
    baseline: TariffPair


class Transport(Model):
    buurtkamer: NonNeg = Field(_n(0), description="€ per attended dagdeel in the buurtkamer")
    baseline: NonNeg = Field(_n(0), description="€ per attended dagdeel with the regular provider")


class Municipality(Model):
    assessment_per_indication: NonNeg = Field(_n(0), description="Yearly cost of an indicatie")
    substitution: Fraction = Field(
        _n(0), description="Share of riders-along who would otherwise need an indicatie"
    )


class Indexation(Model):
    wages: Fraction = Field(_n(0))
    prices: Fraction = Field(_n(0))
    tariffs: Fraction = Field(_n(0))


class Norms(Model):
    hours_per_fte: num_type(gt=0, le=168) = Field(_n(36))  # a week has 168 hours
    max_indicated_per_professional: Count = Field(_n(8))
    enforce: StrictBool = True


class Scenario(Model):
    """One scenario file, validated, with every default filled in."""

    name: Annotated[str, Field(min_length=1)]
    description: str | None = None
    period: Period
    target: Target = Field(default_factory=Target)
    locations: num_type(ge=1, le=10_000, whole=True) = Field(_n(1))
    opening: Opening
    participants: Participants = Field(default_factory=Participants)
    ramp_up: Annotated[list[Fraction], Field(min_length=1)] = Field(
        default_factory=lambda: [_n(1.0)]
    )
    staff: list[StaffMember] = Field(default_factory=list)
    costs: Costs = Field(default_factory=Costs)
    income: Income = Field(default_factory=Income)
    tariffs: Tariffs
    transport: Transport = Field(default_factory=Transport)
    municipality: Municipality = Field(default_factory=Municipality)
    indexation: Indexation = Field(default_factory=Indexation)
    norms: Norms = Field(default_factory=Norms)

    @property
    def first(self) -> int:
        return int(self.period.first.point)

    @property
    def last(self) -> int:
        return int(self.period.last.point)

    @property
    def start(self) -> int:
        return int((self.period.start or self.period.first).point)

    @property
    def years(self) -> list[int]:
        return list(range(self.first, self.last + 1))

    @property
    def target_year(self) -> int:
        return int(self.target.year.point)


_PRO_KEYS = ("fte", "salary", "employer_charges", "hours_per_week", "hourly_cost", "group_work")
_VOL_KEYS = ("count", "hours_per_week", "allowance", "other_costs")

Path = tuple[str | int, ...]


def cross_checks(s: Scenario) -> list[tuple[Path, str]]:
    """Rules between fields (MODEL.md section 2); each problem as (key path, message)."""
    out: list[tuple[Path, str]] = []
    first, last = s.first, s.last
    if first > last:
        out.append((("period", "last"), f"must be ≥ period.first ({first}), got {last}"))
    elif last - first + 1 > 100:
        out.append((("period", "last"), f"the period may span at most 100 years, got {last - first + 1}"))
    if s.period.start is not None and not first <= s.start <= last:
        out.append(
            (("period", "start"), f"must lie between period.first and period.last ({first}–{last}), got {s.start}")
        )
    if first <= last and not first <= s.target_year <= last:
        out.append(
            (("target", "year"), f"must lie within the period {first}–{last}, got {s.target_year}")
        )
    d = s.opening.dagdelen_per_week
    d_max = max(v for _, v in d.numbers())
    for group in ("zin", "pgb", "without_indication"):
        g = getattr(s.participants, group).dagdelen_per_week
        worst = max(v for _, v in g.numbers())
        if g.point > d.point or worst > d_max:
            shown = g.point if g.point > d.point else worst
            out.append((
                ("participants", group, "dagdelen_per_week"),
                f"must be ≤ opening.dagdelen_per_week ({fmt_number(d.point)}), "
                f"got {fmt_number(shown)}",
            ))
    for i, m in enumerate(s.staff):
        given = set(m.model_fields_set)
        if m.kind == "professional":
            for key in sorted(given & {"count", "allowance", "other_costs"}):
                out.append((("staff", i, key), f"'{key}' does not apply to a professional (it is a volunteer key)"))
            has_fte = bool(given & {"fte", "salary", "employer_charges"})
            has_hours = bool(given & {"hours_per_week", "hourly_cost"})
            if has_fte and has_hours:
                out.append((
                    ("staff", i), "a professional has either fte + salary or hours_per_week + hourly_cost, never both"
                ))
            elif has_fte:
                for key in ("fte", "salary"):
                    if key not in given:
                        out.append((
                            ("staff", i), f"missing required key '{key}' (a professional with fte needs fte and salary)"
                        ))
            elif has_hours:
                for key in ("hours_per_week", "hourly_cost"):
                    if key not in given:
                        out.append((("staff", i), f"missing required key '{key}' (a professional paid by the hour "
                                                  "needs hours_per_week and hourly_cost)"))
            else:
                out.append((("staff", i), "a professional needs fte + salary, or hours_per_week + hourly_cost"))
        else:
            for key in sorted(given & {"fte", "salary", "employer_charges", "hourly_cost", "group_work"}):
                out.append((("staff", i, key), f"'{key}' does not apply to a volunteer (it is a professional key)"))
            for key in ("count", "hours_per_week"):
                if key not in given:
                    out.append((
                        ("staff", i), f"missing required key '{key}' (a volunteer needs count and hours_per_week)"
                    ))
    return out
