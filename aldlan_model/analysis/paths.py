"""Which parameters ``solve`` and ``sweep`` may vary, and within which bounds.

A parameter is a column of :func:`aldlan_model.engine.params.point_table` (``participants.zin.count``,
``staff.0.fte``, ``ramp_up.1``, ``period.start``…). What shapes the computation itself
(``period.first``/``period.last``, the length of ``ramp_up``, the kind of a staff member,
``income.subsidy: cover_deficit``) and the yes/no settings cannot be varied.

The bounds repeat the validation rules of MODEL.md section 2; a test checks them against
the loader, and every answer still goes back through the loader's validation.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, replace

from aldlan_model.engine.params import flatten
from aldlan_model.i18n.messages import msg
from aldlan_model.model.errors import UsageError
from aldlan_model.model.scenario import Scenario

INF = math.inf


@dataclass(frozen=True)
class Bounds:
    """The valid values of a parameter: ``lo``…``hi`` (``hi`` may be infinite)."""

    lo: float
    hi: float = INF
    lo_open: bool = False  # lo itself is not allowed (> instead of ≥)
    hi_open: bool = False
    whole: bool = False

    def contains(self, x: float) -> bool:
        above = x > self.lo if self.lo_open else x >= self.lo
        below = x < self.hi if self.hi_open else x <= self.hi
        return above and below and (not self.whole or float(x).is_integer())


NONNEG = Bounds(0.0)
FRACTION = Bounds(0.0, 1.0)

# generic path (list indices and group names as *) -> bounds; anything else: NONNEG
_RULES: dict[str, Bounds] = {
    "target.amount": Bounds(0.0, lo_open=True),
    "locations": Bounds(1.0, 10_000.0, whole=True),
    "opening.weeks_per_year": Bounds(1.0, 53.0),
    "opening.dagdelen_per_week": Bounds(1.0, 14.0),
    "opening.hours_per_dagdeel": Bounds(0.0, 12.0, lo_open=True),
    "participants.*.dagdelen_per_week": Bounds(0.0, 14.0),
    "ramp_up.*": FRACTION,
    "staff.*.employer_charges": Bounds(0.0, 1.5),
    "staff.*.hours_per_week": Bounds(0.0, 168.0),
    "costs.overhead": FRACTION,
    "costs.margin": Bounds(0.0, 1.0, hi_open=True),
    "costs.startup.depreciation_years": Bounds(0.0, lo_open=True),
    "municipality.substitution": Bounds(-1.0, 1.0),  # v3: a negative substitution is induced demand
    "participants.*.origin.*": FRACTION,
    "participants.attendance": Bounds(0.0, 1.0, lo_open=True),
    "income.payment_days": Bounds(0.0, 365.0),
    "discount_rate": Bounds(0.0, 0.2),
    "indexation.*": FRACTION,
}

STRUCTURAL = {
    "period.first": "an_why_first",  # message keys (aldlan_model/i18n/messages.py)
    "period.last": "an_why_last",
    "period": "an_why_period",
    "ramp_up": "an_why_ramp_up",
    "staff": "an_why_staff",
}
YES_NO = re.compile(r"^(norms\.enforce|staff\.\d+\.group_work)$")


def generic(path: str) -> str:
    """``staff.2.count`` → ``staff.*.count``; ``participants.zin.count`` → ``participants.*.count``."""
    parts = path.split(".")
    out = ["*" if p.isdigit() else p for p in parts]
    if out[0] in {"participants", "indexation"} and len(out) > 1:
        out[1] = "*"
    return ".".join(out)


_YEAR_OF = re.compile(r"^(?P<base>.+)\.(?P<year>\d{4})$")


def column_of(path: str) -> str:
    """The parameter column a ``--set``/``--vary`` path addresses: one year of a dated input
    (``costs.housing.2022``, MODEL.md §2.11) is the column ``costs.housing@2022``; any other path is its own."""
    m = _YEAR_OF.match(path)
    return f"{m['base']}@{m['year']}" if m else path


def check_variable(scenario: Scenario, path: str) -> None:
    """Raise :class:`UsageError` unless ``path`` is a numeric parameter that can be varied."""
    columns = list(flatten(scenario))
    if column_of(path) != path and column_of(path) in columns:  # one year of a dated input (v3)
        return
    years = sorted(int(c.partition("@")[2]) for c in columns if c.partition("@")[0] == path and "@" in c)
    if years:  # a dated input as a whole: vary one of its years
        raise UsageError(msg("an_dated_whole", path=path, years=", ".join(f"{path}.{y}" for y in years)))
    if path in columns and not YES_NO.match(path):
        if path == "income.subsidy" and scenario.income.covers_deficit:
            raise UsageError(msg("an_subsidy_cover"))
        return
    if YES_NO.match(path):
        raise UsageError(msg("an_yes_no", path=path))
    head = ".".join(path.split(".")[:2])
    why = STRUCTURAL.get(path) or STRUCTURAL.get(head)
    if why is None and re.fullmatch(r"staff\.\d+\.(kind|role)", path):
        why = "an_why_kind"
    if why is not None and not path.startswith("ramp_up."):
        raise UsageError(msg("an_structural", path=path, why=msg(why)))
    m = re.fullmatch(r"staff\.(\d+)\.(\w+)", path)
    if m and int(m.group(1)) < len(scenario.staff):
        i = int(m.group(1))
        own = ", ".join(c for c in columns if c.startswith(f"staff.{i}.") and not YES_NO.match(c))
        raise UsageError(msg("an_staff_number", i=i, label=scenario.staff[i].label, name=repr(m.group(2)), own=own))
    m = re.fullmatch(r"ramp_up\.(\d+)", path)
    if m:
        n = len(scenario.ramp_up)
        raise UsageError(msg("an_ramp_up", n=n, last=n - 1))
    near = difflib.get_close_matches(path, [c for c in columns if not YES_NO.match(c)], n=1)
    hint = msg("did_you_mean", hint=near[0]) if near else ""
    raise UsageError(msg("an_not_numeric", path=repr(path), hint=hint))


def bounds(scenario: Scenario, path: str) -> Bounds:
    """The valid values of ``path``, given the rest of ``scenario`` (e.g. years within the period)."""
    if path in {"period.start", "target.year"}:
        return Bounds(float(scenario.first), float(scenario.last), whole=True)
    if column_of(path) != path:  # one year of a dated input: the input's own bounds
        path = column_of(path).partition("@")[0]
    b = _RULES.get(generic(path), NONNEG)
    if path == "opening.dagdelen_per_week":  # every group's dagdelen must still fit
        groups = [getattr(scenario.participants, g).dagdelen_per_week.point
                  for g in ("zin", "pgb", "without_indication")]
        b = replace(b, lo=max(b.lo, *groups))
    elif generic(path) == "participants.*.dagdelen_per_week":
        b = replace(b, hi=min(b.hi, scenario.opening.dagdelen_per_week.point))
    return b


MONEY_PATHS = re.compile(
    r"^(target\.amount|tariffs\..*|transport\..*|staff\.\*\.(salary|hourly_cost|allowance|other_costs)"
    r"|costs\.(housing|per_participant_dagdeel|startup\.amount)|income\..*|municipality\.assessment_per_indication)$"
)


def kind_of(path: str) -> str:
    """How a value of ``path`` reads best: 'year', 'int', 'money', 'fraction' or 'number'."""
    if path in {"period.start", "target.year"}:
        return "year"
    path = column_of(path).partition("@")[0]  # one year of a dated input reads as the input
    g = generic(path)
    b = _RULES.get(g, NONNEG)
    if b.whole:
        return "int"
    if MONEY_PATHS.match(g):
        return "money"
    if b.hi <= 1.5:
        return "fraction"
    return "number"
