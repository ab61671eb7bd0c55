"""The scenario model (MODEL.md section 2): pydantic v2, unknown keys forbidden, no I/O.

Field validation lives here; rules that tie fields together are in :func:`cross_checks`,
which returns problems (key path, message) instead of raising, so the loader can report
every one of them with its line and column.
"""

from __future__ import annotations

import difflib
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StrictBool, Tag
from pydantic_core import PydanticCustomError

from aldlan_model.i18n.messages import msg, template
from aldlan_model.model.numbers import (
    DATED_TAG,
    NUM_TAG,
    Count,
    DatedBase,
    DatedMoney,
    Fraction,
    Money,
    NonNeg,
    Num,
    Positive,
    Rate,
    Year,
    dated_model,
    fmt_number,
    looks_dated,
    nfc,
    num_type,
    strict_number,
)

COVER_DEFICIT = "cover_deficit"

DATED_PATHS = re.compile(
    r"^(costs\.(housing|per_participant_dagdeel)|income\.(contribution|subsidy|other|other\.\d+\.amount)"
    r"|tariffs\.(buurtkamer|baseline)\.(zin|pgb)|transport\.(buurtkamer|baseline)(\.per_trip)?"
    r"|municipality\.(assessment_per_indication|replaced\.\d+\.amount)"
    r"|(projects\.\d+\.)?staff\.\d+\.(salary|hourly_cost|allowance|other_costs)"
    r"|projects\.\d+\.(yearly_costs|funding\.\d+\.yearly)|indexation\.(wages|prices|tariffs))$"
)
"""Where a value may be dated (MODEL.md §2.11, v3): the money inputs and the indexation rates."""


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


class Origin(Model):
    """Where a group's indicated participants come from (MODEL.md §2.7, v3): shares summing to 1."""

    reindicated: Fraction | None = Field(None, description="Had the baseline product and are re-indicated")
    same_product: Fraction | None = Field(None, description="Already had the room's product at a regular provider")
    new: Fraction | None = Field(None, description="Had no indicatie and would have none without the room")

    def shares(self) -> tuple[float, float, float]:
        """(reindicated, same_product, new); a missing share is 0."""
        return tuple(0.0 if x is None else x.point for x in (self.reindicated, self.same_product, self.new))


class IndicatedGroup(Group):
    origin: Origin | None = Field(
        None, description="Shares reindicated / same_product / new (default {reindicated: 1}, v3)"
    )


class FormerGroup(Group):
    baseline_dagdelen_per_week: num_type(ge=0, le=14) | None = Field(
        None, description="Dagdelen per week they had at their regular provider (default: dagdelen_per_week)"
    )


class Participants(Model):
    zin: IndicatedGroup = Field(default_factory=IndicatedGroup, description="With Wmo-indicatie, zorg in natura")
    pgb: IndicatedGroup = Field(default_factory=IndicatedGroup, description="With a persoonsgebonden budget")
    without_indication: Group = Field(
        default_factory=Group, description="Participants without an indicatie (deelnemers zonder indicatie)"
    )
    former_indication: FormerGroup = Field(
        default_factory=FormerGroup,
        description="Former clients whose indicatie ended and who now come without one (v2)",
    )
    attendance: num_type(gt=0, le=1) = Field(
        _n(1), description="Share of planned participant-dagdelen that are attended (v3)"
    )


class StaffMember(Model):
    role: str | None = Field(None, description="Name of the role (default: the kind)")
    kind: Literal["professional", "volunteer"]
    fte: Count | None = Field(None, description="Professional: FTE")
    salary: Money | None = Field(None, description="Professional: gross salary per FTE per year")
    employer_charges: num_type(ge=0, le=1.5) | None = Field(
        None, description="Professional: employer charges as a fraction of salary"
    )
    hours_per_week: num_type(ge=0, le=168) | None = Field(
        None, description="Hours per week (professional paid by the hour, or per volunteer)"
    )
    hourly_cost: Money | None = Field(None, description="Professional: all-in cost per hour")
    group_work: StrictBool | None = Field(
        None, description="Professional: hours count as present with the group (default true)"
    )
    count: Count | None = Field(None, description="Volunteer: number of volunteers")
    allowance: Money | None = Field(None, description="Volunteer: allowance per year")
    other_costs: Money | None = Field(None, description="Volunteer: other costs per year")

    @property
    def label(self) -> str:
        return self.role or self.kind

    @property
    def is_fte(self) -> bool:
        return self.fte is not None

    @property
    def is_part_time(self) -> bool:
        """v3: ``hours_per_week`` + ``salary``, read as fte = hours_per_week / norms.hours_per_fte."""
        return self.kind == "professional" and self.fte is None and self.salary is not None


class Startup(Model):
    amount: NonNeg = Field(_n(0), description="One-off startup costs")
    depreciation_years: Positive = Field(_n(1), description="Years over which they are written off")


class Costs(Model):
    housing: Money = Field(_n(0), description="Housing per location per year")
    per_participant_dagdeel: Money = Field(_n(0), description="Materials, coffee, lunch")
    overhead: Fraction = Field(_n(0), description="Overhead as a share of operating costs")
    margin: num_type(ge=0, lt=1) = Field(_n(0), description="Profit share")
    startup: Startup = Field(default_factory=Startup)


def _no_cover(x: Any) -> Any:
    if x == COVER_DEFICIT:
        raise PydanticCustomError("dated_cover_deficit", template("dated_cover_deficit"), {})
    return x


DatedSubsidy = dated_model(Annotated[NonNeg, BeforeValidator(_no_cover)], "DatedSubsidy")
SUBSIDY_TAG = "cover-deficit"


def _subsidy_kind(x: Any) -> str:
    if isinstance(x, str):
        return SUBSIDY_TAG
    if isinstance(x, DatedBase) or (isinstance(x, dict) and (not x or looks_dated(x))):
        return DATED_TAG
    return NUM_TAG


SubsidyField = Annotated[
    Annotated[Literal["cover_deficit"], Tag(SUBSIDY_TAG)] | Annotated[NonNeg, Tag(NUM_TAG)]
    | Annotated[DatedSubsidy, Tag(DATED_TAG)],
    Discriminator(_subsidy_kind),
]


def _subsidy(x: Any) -> Any:
    if isinstance(x, str):
        if x == COVER_DEFICIT:
            return x
        hint = msg("did_you_mean", hint=COVER_DEFICIT) if difflib.get_close_matches(x.lower(), [COVER_DEFICIT]) else ""
        raise PydanticCustomError(
            "subsidy", template("subsidy_expected"), {"raw": repr(x), "hint": hint}
        )
    if isinstance(x, Num | dict | DatedBase):
        return x
    return {"value": strict_number(x)}


BUDGETS = ("wmo", "municipal", "external")


class OtherIncome(Model):
    """A line of other income (MODEL.md §2.9, v3) and whose money it is."""

    name: Annotated[str, Field(min_length=1)] = Field(description="What the income is")
    amount: Money = Field(description="€ per year per location (prices-indexed)")
    budget: Literal["wmo", "municipal", "external"] = Field(
        "external", description="Whose money: wmo (counts in the Wmo scenario), municipal, external"
    )


LINES_TAG = "income-lines"


def _other_kind(x: Any) -> str:
    if isinstance(x, list | tuple):
        return LINES_TAG
    if isinstance(x, DatedBase) or (isinstance(x, dict) and (not x or looks_dated(x))):
        return DATED_TAG
    return NUM_TAG


OtherIncomeField = Annotated[
    Annotated[list[OtherIncome], Tag(LINES_TAG)] | Annotated[NonNeg, Tag(NUM_TAG)]
    | Annotated[DatedMoney, Tag(DATED_TAG)],
    Discriminator(_other_kind),
]


class Income(Model):
    contribution: Money = Field(_n(0), description="€ per dagdeel paid by riders-along")
    other: OtherIncomeField = Field(
        _n(0), description="Other income per year (external), or a list of {name, amount, budget} (v3)"
    )
    subsidy: Annotated[SubsidyField, BeforeValidator(_subsidy)] = Field(
        _n(0), description="€ per year from the municipality (may be dated), or the word cover_deficit"
    )
    payment_days: num_type(ge=0, le=365) = Field(
        _n(0), description="Days between delivering a dagdeel and receiving its tariff (v3)"
    )

    @property
    def other_lines(self) -> list[OtherIncome]:
        """The lines of other income: a bare number is one external line."""
        if isinstance(self.other, list):
            return list(self.other)
        return [OtherIncome(name="other", amount=self.other, budget="external")]

    @property
    def covers_deficit(self) -> bool:
        return self.subsidy == COVER_DEFICIT


class TariffPair(Model):
    zin: Money = Field(description="€ per participant-dagdeel, zorg in natura")
    pgb: Money = Field(description="€ per participant-dagdeel, PGB")


class Tariffs(Model):
    buurtkamer: TariffPair
    baseline: TariffPair


class TransportTrip(Model):
    """Wmo-vervoer priced per trip (docs/method.md): rate per dagdeel = per_trip × share / dagdelen_per_trip."""

    per_trip: Money = Field(_n(0), description="€ per return trip (a trip day)")
    dagdelen_per_trip: num_type(gt=0, le=14) = Field(_n(1), description="Dagdelen one trip covers")
    share: Fraction = Field(_n(1), description="Share of participant-dagdelen that travel by Wmo-vervoer")


TRIP_KEYS = frozenset(TransportTrip.model_fields)
TRIP_TAG, RATE_TAG = "transport-trip", "transport-rate"


def _transport_kind(v: Any) -> str:
    if isinstance(v, TransportTrip) or (isinstance(v, dict) and set(v) & TRIP_KEYS):
        return TRIP_TAG
    if isinstance(v, DatedBase) or (isinstance(v, dict) and (not v or looks_dated(v))):
        return DATED_TAG
    return RATE_TAG


TransportSide = Annotated[
    Annotated[TransportTrip, Tag(TRIP_TAG)] | Annotated[NonNeg, Tag(RATE_TAG)]
    | Annotated[DatedMoney, Tag(DATED_TAG)],
    Discriminator(_transport_kind),
]


class Transport(Model):
    buurtkamer: TransportSide = Field(
        _n(0), description="€ per attended dagdeel in the buurtkamer, or {per_trip, dagdelen_per_trip, share}"
    )
    baseline: TransportSide = Field(
        _n(0), description="€ per attended dagdeel with the regular provider, or {per_trip, dagdelen_per_trip, share}"
    )


INDEX_KINDS = ("wages", "prices", "tariffs", "none")


class Replaced(Model):
    name: Annotated[str, Field(min_length=1)] = Field(description="What the municipality stops paying")
    amount: Money = Field(description="€ per year per location, in euros of period.first")
    index: Literal["wages", "prices", "tariffs", "none"] = Field("prices", description="Indexation of the amount")


class Municipality(Model):
    assessment_per_indication: Money = Field(_n(0), description="Yearly cost of an indicatie")
    substitution: num_type(ge=-1, le=1) = Field(
        _n(0), description="Share of riders-along who would otherwise need an indicatie (v3: −1…1)"
    )
    replaced: list[Replaced] = Field(
        default_factory=list, description="Existing spending the room replaces, per location (v2)"
    )


class Indexation(Model):
    wages: Rate = Field(_n(0))
    prices: Rate = Field(_n(0))
    tariffs: Rate = Field(_n(0))


class Norms(Model):
    hours_per_fte: num_type(gt=0, le=168) = Field(_n(36))  # a week has 168 hours
    max_indicated_per_professional: Count = Field(_n(8))
    enforce: StrictBool = True
    max_group_per_professional: Positive | None = Field(
        None, description="Participants present per professional present (optional check, v2)"
    )


class OneOff(Model):
    year: Year
    amount: NonNeg


class Funding(Model):
    name: Annotated[str, Field(min_length=1)]
    budget: Literal["wmo", "municipal", "external"] = Field(
        description="Whose money: wmo (counts against the Wmo savings), municipal, external"
    )
    yearly: Money | None = Field(None, description="€ per year in running years (prices-indexed)")
    one_off: list[OneOff] | None = Field(None, description="€ in given years")
    rest: StrictBool | None = Field(None, description="Pays whatever the other funders leave, each year")

    @property
    def kind(self) -> str:
        if self.rest:
            return "rest"
        return "one_off" if self.one_off is not None else "yearly"


class Project(Model):
    name: Annotated[str, Field(min_length=1)]
    start: Year | None = Field(None, description="First year (default period.start)")
    end: Year | None = Field(None, description="Last year (default period.last)")
    staff: list[StaffMember] = Field(default_factory=list)
    yearly_costs: Money = Field(_n(0), description="€ per year in running years (prices-indexed)")
    one_off: list[OneOff] = Field(default_factory=list, description="€ in given years, not indexed")
    funding: list[Funding] = Field(default_factory=list)


class Context(Model):
    indicated_clients: num_type(ge=0, le=1e9, whole=True) | None = Field(
        None, description="People with an indicatie for dagbesteding in the municipality today"
    )
    volunteers_available: num_type(ge=0, le=1e9, whole=True) | None = Field(
        None, description="Volunteers that can realistically be recruited"
    )


class Scenario(Model):
    """One scenario file, validated, with every default filled in."""

    name: Annotated[str, Field(min_length=1)]
    label: Annotated[str, Field(min_length=1, max_length=24)] | None = Field(
        None, description="Short name for column headers and legends (at most 24 characters)"
    )
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
    projects: list[Project] = Field(default_factory=list, description="The wijk's other projects (v2)")
    context: Context = Field(default_factory=Context, description="Facts about the municipality (v2)")
    discount_rate: num_type(ge=0, le=0.2) = Field(
        _n(0.0225), description="Real discount rate for present values (v3; Werkgroep Discontovoet 2020)"
    )

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
        out.append((("period", "last"), msg("last_before_first", first=first, last=last)))
    elif last - first + 1 > 100:
        out.append((("period", "last"), msg("period_too_long", n=last - first + 1)))
    if s.period.start is not None and not first <= s.start <= last:
        out.append(
            (("period", "start"), msg("start_in_period", first=first, last=last, start=s.start))
        )
    if first <= last and not first <= s.target_year <= last:
        out.append(
            (("target", "year"), msg("year_in_period", first=first, last=last, year=s.target_year))
        )
    d = s.opening.dagdelen_per_week
    d_max = max(v for _, v in d.numbers())
    for group in ("zin", "pgb", "without_indication", "former_indication"):
        g = getattr(s.participants, group).dagdelen_per_week
        worst = max(v for _, v in g.numbers())
        if g.point > d.point or worst > d_max:
            shown = g.point if g.point > d.point else worst
            out.append((
                ("participants", group, "dagdelen_per_week"),
                msg("dagdelen_over_opening", opening=fmt_number(d.point), got=fmt_number(shown)),
            ))
    out += _staff_checks(("staff",), s.staff)
    out += _project_checks(s)
    out += _origin_checks(s)
    out += _other_income_checks(s)
    out += _range_checks(s)
    return out


def _range_checks(s: Scenario) -> list[tuple[Path, str]]:
    """No ranges where a value shapes the computation (MODEL.md §3.10): the period's first and last
    year, project and one-off years, ``depreciation_years``. (``period.start``, ``target.year`` and
    ``locations`` keep their ranges: Monte Carlo draws them as whole numbers, as before v3.)"""
    found: list[tuple[Path, Num | None]] = [
        (("period", "first"), s.period.first), (("period", "last"), s.period.last),
        (("costs", "startup", "depreciation_years"), s.costs.startup.depreciation_years),
    ]
    for i, pr in enumerate(s.projects):
        found += [(("projects", i, "start"), pr.start), (("projects", i, "end"), pr.end)]
        found += [(("projects", i, "one_off", m, "year"), o.year) for m, o in enumerate(pr.one_off)]
        for f, fund in enumerate(pr.funding):
            found += [(("projects", i, "funding", f, "one_off", m, "year"), o.year)
                      for m, o in enumerate(fund.one_off or [])]
    return [(path, msg("range_not_here")) for path, num in found if num is not None and num.low is not None]


def _staff_checks(at: Path, staff: list[StaffMember]) -> list[tuple[Path, str]]:
    """The role rules of MODEL.md section 2 for a staff list at key path ``at``."""
    out: list[tuple[Path, str]] = []
    for i, m in enumerate(staff):
        given = set(m.model_fields_set)
        if m.kind == "professional":
            for key in sorted(given & {"count", "allowance", "other_costs"}):
                out.append(((*at, i, key), msg("not_for_professional", key=key)))
            out += _professional_checks((*at, i), given)
        else:
            for key in sorted(given & {"fte", "salary", "employer_charges", "hourly_cost", "group_work"}):
                out.append(((*at, i, key), msg("not_for_volunteer", key=key)))
            for key in ("count", "hours_per_week"):
                if key not in given:
                    out.append((
                        (*at, i), msg("vol_needs", key=key)
                    ))
    return out


def _professional_checks(at: Path, given: set[str]) -> list[tuple[Path, str]]:
    """How a professional is paid (MODEL.md §2): fte + salary, hours_per_week + hourly_cost, or
    (v3) hours_per_week + salary; never fte with hours_per_week, nor salary with hourly_cost."""
    if "fte" in given and "hourly_cost" in given or "employer_charges" in given and "hourly_cost" in given:
        return [(at, msg("pro_both"))]
    if "fte" in given and "hours_per_week" in given:
        return [(at, msg("pro_fte_and_hours"))]
    if "salary" in given and "hourly_cost" in given:
        return [(at, msg("pro_salary_and_hourly"))]
    if "salary" in given and "hours_per_week" in given:
        return []  # v3: a CAO salary for a part-time contract
    if given & {"fte", "salary", "employer_charges"}:
        return [(at, msg("pro_fte_needs", key=key)) for key in ("fte", "salary") if key not in given]
    if given & {"hours_per_week", "hourly_cost"}:
        return [(at, msg("pro_hours_needs", key=key)) for key in ("hours_per_week", "hourly_cost")
                if key not in given]
    return [(at, msg("pro_needs"))]


def _origin_checks(s: Scenario) -> list[tuple[Path, str]]:
    """Origin shares (MODEL.md §2.7, v3): at least one named, no ranges, summing to 1 within 1e-9."""
    out: list[tuple[Path, str]] = []
    for group in ("zin", "pgb"):
        origin = getattr(s.participants, group).origin
        if origin is None:
            continue
        at: Path = ("participants", group, "origin")
        named = [k for k in ("reindicated", "same_product", "new") if getattr(origin, k) is not None]
        if not named:
            out.append((at, msg("origin_none")))
            continue
        ranged = [k for k in named if getattr(origin, k).is_range or getattr(origin, k).low is not None]
        for k in ranged:
            out.append(((*at, k), msg("origin_range")))
        total = sum(origin.shares())
        if not ranged and abs(total - 1.0) > 1e-9:
            out.append((at, msg("origin_sum", total=fmt_number(round(total, 12)))))
    return out


def _other_income_checks(s: Scenario) -> list[tuple[Path, str]]:
    """Names of ``income.other`` lines are unique (MODEL.md §2.9, v3)."""
    out: list[tuple[Path, str]] = []
    if not isinstance(s.income.other, list):
        return out
    seen: dict[str, int] = {}
    for i, line in enumerate(s.income.other):
        if nfc(line.name) in seen:
            out.append((("income", "other", i, "name"),
                        msg("other_income_dup", name=repr(line.name), item=seen[nfc(line.name)] + 1)))
        seen.setdefault(nfc(line.name), i)
    return out


def _in_period(s: Scenario, path: Path, year: Num) -> list[tuple[Path, str]]:
    y = int(year.point)
    if not s.first <= y <= s.last:
        return [(path, msg("year_in_period", first=s.first, last=s.last, year=y))]
    return []


def _project_checks(s: Scenario) -> list[tuple[Path, str]]:
    """The project rules of MODEL.md section 2.3."""
    out: list[tuple[Path, str]] = []
    seen: dict[str, int] = {}
    for i, pr in enumerate(s.projects):
        at: Path = ("projects", i)
        if nfc(pr.name) in seen:  # composed and decomposed accents are one name
            out.append(((*at, "name"), msg("dup_project", name=repr(pr.name), item=seen[nfc(pr.name)] + 1)))
        seen.setdefault(nfc(pr.name), i)
        for key in ("start", "end"):
            year = getattr(pr, key)
            if year is not None:
                out += _in_period(s, (*at, key), year)
        start = int(pr.start.point) if pr.start is not None else s.start
        end = int(pr.end.point) if pr.end is not None else s.last
        if start > end:
            out.append(((*at, "end"), msg("end_before_start", start=start, end=end)))
        for m, item in enumerate(pr.one_off):
            out += _in_period(s, (*at, "one_off", m, "year"), item.year)
        out += _staff_checks((*at, "staff"), pr.staff)
        rests = []
        for f, fund in enumerate(pr.funding):
            fat = (*at, "funding", f)
            given = [k for k in ("yearly", "one_off", "rest") if getattr(fund, k) is not None]
            if fund.rest is False:
                given.remove("rest")
            if len(given) != 1:
                shown = msg("funding_and").join(given) if given else msg("funding_none")
                out.append((fat, msg("funding_one", given=shown)))
            if fund.rest:
                rests.append(f)
            for m, item in enumerate(fund.one_off or []):
                out += _in_period(s, (*fat, "one_off", m, "year"), item.year)
        if len(rests) > 1:
            out.append(((*at, "funding", rests[1], "rest"),
                        msg("funding_rest_once", item=rests[0] + 1)))
    return out
