"""Hypothesis strategies for random VALID MODEL.md v3 scenario dicts and plan dicts.

Self-contained (plain dicts, no engine import), for ``tests/reference_v3.py`` and the engine.
Every v3 feature is exercised: origins (shares summing to 1, or left to the default),
attendance, negative substitution, ``income.other`` as a list with budgets, ``payment_days``,
start-up, ``discount_rate``, part-time professionals with ``hours_per_week`` + ``salary``, and
dated values (§2.11) in every place the brief allows them — keys before, inside and after the
period, single keys, values as bare numbers, ``{value, source}`` or ranges — and dated
indexation rates. Values stay within MODEL.md's validation rules.

``scenario_dicts_v3(v3=False)`` draws the version 2 subset (no v3 key, no dated value): the
current engine reads those, so the reference can be checked against it on random input too.

Plan rooms never override a value with a dated mapping and always write all three origin
shares: how a dated or origin mapping merges onto the scenario's own is not fixed by MODEL.md
(key by key, or replaced whole), and these strategies stay clear of that question.
"""

from __future__ import annotations

from hypothesis import strategies as st

INDEXES = [None, "wages", "prices", "tariffs", "none"]
BUDGETS = ["wmo", "municipal", "external"]


def F(lo: float, hi: float) -> st.SearchStrategy[float]:
    """Floats rounded to 4 decimals: no subnormal noise that validation rightly refuses."""
    return st.floats(min_value=lo, max_value=hi, allow_nan=False).map(lambda x: round(x, 4))


def _plain(draw, lo: float, hi: float, ranges: bool = True):
    """A number: bare, ``{value, source}`` or (money, rates) a range."""
    kind = draw(st.sampled_from(["bare", "bare", "value", "range2", "range3"] if ranges else ["bare", "value"]))
    if kind == "bare":
        return draw(F(lo, hi))
    if kind == "value":
        return {"value": draw(F(lo, hi)), "source": "hypothesis"}
    a, b, c = sorted(draw(F(lo, hi)) for _ in range(3))
    return {"low": a, "high": c} if kind == "range2" else {"low": a, "mode": b, "high": c, "source": "hypothesis"}


def _dated(draw, lo: float, hi: float, first: int, last: int) -> dict:
    """A §2.11 dated mapping: 1–3 keys anywhere from 3 years before ``first`` to 3 after ``last``."""
    keys = draw(st.lists(st.integers(max(1900, first - 3), min(2200, last + 3)), min_size=1, max_size=3,
                         unique=True))
    return {k: _plain(draw, lo, hi) for k in sorted(keys)}


class Drawer:
    """Draws values for one scenario: knows its period and whether v3 (dated values) is on."""

    def __init__(self, draw, first: int, last: int, v3: bool):
        self.draw, self.first, self.last, self.v3 = draw, first, last, v3

    def money(self, lo: float = 0, hi: float = 100_000, dated_ok: bool = True):
        """A money input: dated (v3, where §2.11 allows) about one time in three."""
        if self.v3 and dated_ok and self.draw(st.integers(0, 2)) == 0:
            return _dated(self.draw, lo, hi, self.first, self.last)
        return _plain(self.draw, lo, hi)

    def rate(self):
        """An indexation rate: plain or (v3) dated."""
        if self.v3 and self.draw(st.booleans()):
            return _dated(self.draw, 0, 0.1, self.first, self.last)
        return _plain(self.draw, 0, 0.1)

    def staff(self, n_max: int = 3) -> list[dict]:
        draw = self.draw
        kinds = ["fte", "hours", "volunteer"] + (["part_time"] if self.v3 else [])
        staff = []
        for _ in range(draw(st.integers(0, n_max))):
            kind = draw(st.sampled_from(kinds))
            if kind == "fte":
                m = {"kind": "professional", "fte": draw(F(0, 5)), "salary": self.money(),
                     "group_work": draw(st.booleans())}
            elif kind == "part_time":  # v3: hours_per_week + salary (fte = hours / hours_per_fte)
                m = {"role": "deeltijd", "kind": "professional", "hours_per_week": draw(F(0, 40)),
                     "salary": self.money(20_000, 60_000), "group_work": draw(st.booleans())}
            elif kind == "hours":
                m = {"kind": "professional", "hours_per_week": draw(F(0, 60)), "hourly_cost": self.money(0, 150)}
            else:
                m = {"kind": "volunteer", "count": draw(st.one_of(st.just(0), st.integers(0, 30), F(0, 60))),
                     "hours_per_week": draw(st.one_of(st.just(0), F(0, 20))),
                     "allowance": (self.money(0, 2500) if draw(st.booleans())
                                   else draw(st.sampled_from([0, 960, 1500, 1700, 2100])))}
                if draw(st.booleans()):
                    m["other_costs"] = self.money(0, 500)
            if kind in ("fte", "part_time") and draw(st.booleans()):
                m["employer_charges"] = draw(F(0, 1.5))
            staff.append(m)
        return staff

    def transport_side(self):
        draw = self.draw
        if draw(st.booleans()):
            return self.money(0, 30)
        side = {}
        if draw(st.booleans()):
            side["per_trip"] = self.money(0, 30)
        if draw(st.booleans()):
            side["dagdelen_per_trip"] = draw(F(0.1, 14))
        if draw(st.booleans()):
            side["share"] = draw(F(0, 1))
        return side or {"per_trip": self.money(0, 30)}

    def one_offs(self, n_max: int = 2) -> list[dict]:
        years = list(range(self.first, self.last + 1))
        return [{"year": self.draw(st.sampled_from(years)), "amount": _plain(self.draw, 0, 100_000)}
                for _ in range(self.draw(st.integers(0, n_max)))]

    def funding(self) -> list[dict]:
        draw = self.draw
        funding, has_rest = [], False
        for j in range(draw(st.integers(0, 3))):
            kind = draw(st.sampled_from(["yearly", "one_off", "rest"]))
            item = {"name": f"Fonds {j + 1}", "budget": draw(st.sampled_from(BUDGETS))}
            if kind == "rest" and not has_rest:
                item["rest"] = True
                has_rest = True
            elif kind == "one_off":
                item["one_off"] = self.one_offs()
            else:
                item["yearly"] = self.money()
            funding.append(item)
        return funding

    def projects(self, start: int) -> list[dict]:
        draw = self.draw
        out = []
        for i in range(draw(st.integers(0, 3))):
            pr: dict = {"name": f"Project {i + 1}"}
            how = draw(st.sampled_from(["default", "start", "end", "both"]))
            if how in ("start", "both"):
                pr["start"] = draw(st.integers(self.first, self.last))
            if how in ("end", "both"):
                pr["end"] = draw(st.integers(pr.get("start", start), self.last))
            if draw(st.booleans()):
                pr["staff"] = self.staff(2)
            if draw(st.booleans()):
                pr["yearly_costs"] = self.money()
            if draw(st.booleans()):
                pr["one_off"] = self.one_offs()
            funding = self.funding()
            if funding:
                pr["funding"] = funding
            out.append(pr)
        return out


def origin(draw) -> dict | None:
    """§2.7 origin shares: None (the default), one share 1, two shares or three, summing to 1."""
    kind = draw(st.sampled_from(["default", "one", "two", "three", "three"]))
    names = ["reindicated", "same_product", "new"]
    if kind == "default":
        return None
    if kind == "one":
        return {draw(st.sampled_from(names)): 1}
    if kind == "two":
        a, b = draw(st.lists(st.sampled_from(names), min_size=2, max_size=2, unique=True))
        x = draw(F(0, 1))
        return {a: x, b: round(1 - x, 4)}
    x = draw(F(0, 1))
    y = draw(F(0, round(1 - x, 4)))
    return {"reindicated": x, "same_product": y, "new": round(1 - x - y, 4)}


def full_origin(draw) -> dict:
    """All three shares written: safe to override in a plan room whatever the merge rule."""
    x = draw(F(0, 1))
    y = draw(F(0, round(1 - x, 4)))
    return {"reindicated": x, "same_product": y, "new": round(1 - x - y, 4)}


def _participants(draw, D: int, v3: bool) -> dict:
    def group():
        return {"count": draw(F(0, 60)), "dagdelen_per_week": draw(st.integers(0, D))}

    former = group()
    if draw(st.booleans()):
        former["baseline_dagdelen_per_week"] = draw(F(0, 14))
    parts = {"zin": group(), "pgb": group(), "without_indication": group(), "former_indication": former}
    if v3:
        for g in ("zin", "pgb"):
            share = origin(draw)
            if share is not None:
                parts[g]["origin"] = share
        if draw(st.booleans()):
            parts["attendance"] = draw(F(0.05, 1))
    return parts


def _income(dr: Drawer) -> dict:
    draw = dr.draw
    income = {"contribution": dr.money(0, 10),
              "subsidy": "cover_deficit" if draw(st.booleans()) else dr.money()}
    if dr.v3 and draw(st.booleans()):
        lines = []
        for i in range(draw(st.integers(1, 3))):
            line = {"name": f"Inkomsten {i + 1}", "amount": dr.money()}
            budget = draw(st.sampled_from([None, *BUDGETS]))
            if budget is not None:
                line["budget"] = budget
            lines.append(line)
        income["other"] = lines
    else:
        income["other"] = dr.money()
    if dr.v3 and draw(st.booleans()):
        income["payment_days"] = draw(st.one_of(st.integers(0, 365), F(0, 365)))
    return income


def _municipality(dr: Drawer) -> dict:
    draw = dr.draw
    replaced = []
    for i in range(draw(st.integers(0, 3))):
        item = {"name": f"Vervangen {i + 1}", "amount": dr.money()}
        index = draw(st.sampled_from(INDEXES))
        if index is not None:
            item["index"] = index
        replaced.append(item)
    return {"assessment_per_indication": dr.money(0, 2000),
            "substitution": draw(F(-1, 1) if dr.v3 else F(0, 1)), "replaced": replaced}


def _norms_context(draw) -> tuple[dict, dict]:
    norms = {"hours_per_fte": draw(F(1, 40)), "max_indicated_per_professional": draw(F(0, 12)),
             "enforce": draw(st.booleans())}
    if draw(st.booleans()):
        norms["max_group_per_professional"] = draw(F(0.5, 30))
    context = {}
    if draw(st.booleans()):
        context["indicated_clients"] = draw(st.integers(0, 3000))
    if draw(st.booleans()):
        context["volunteers_available"] = draw(st.integers(0, 500))
    return norms, context


@st.composite
def scenario_dicts_v3(draw, locations: int | None = None, v3: bool = True) -> dict:
    """The data of a valid version 3 scenario file (``v3=False``: the version 2 subset)."""
    first = draw(st.integers(2015, 2027))
    last = first + draw(st.integers(0, 8))
    start = draw(st.integers(first, last))
    D = draw(st.integers(1, 14))
    dr = Drawer(draw, first, last, v3)
    norms, context = _norms_context(draw)
    data = {
        "name": "property v3" if v3 else "property v2",
        "period": {"first": first, "last": last, "start": start},
        "target": {"amount": draw(F(1, 5e6)), "year": draw(st.integers(first, last))},
        "locations": locations if locations is not None else draw(st.integers(1, 50)),
        "opening": {"weeks_per_year": draw(st.integers(1, 53)), "dagdelen_per_week": D,
                    "hours_per_dagdeel": draw(F(0.5, 12))},
        "participants": _participants(draw, D, v3),
        "ramp_up": draw(st.lists(F(0, 1), min_size=1, max_size=4)),
        "staff": dr.staff(),
        "costs": {"housing": dr.money(), "per_participant_dagdeel": dr.money(0, 20),
                  "overhead": draw(F(0, 1)), "margin": draw(F(0, 0.5)),
                  "startup": {"amount": _plain(draw, 0, 100_000), "depreciation_years": draw(st.integers(1, 8))}},
        "income": _income(dr),
        "tariffs": {side: {g: dr.money(0, 80) for g in ("zin", "pgb")} for side in ("buurtkamer", "baseline")},
        "transport": {"buurtkamer": dr.transport_side(), "baseline": dr.transport_side()},
        "municipality": _municipality(dr),
        "indexation": {"wages": dr.rate(), "prices": dr.rate(), "tariffs": dr.rate()},
        "norms": norms,
        "projects": dr.projects(start),
    }
    if context:
        data["context"] = context
    if v3 and draw(st.booleans()):
        data["discount_rate"] = draw(F(0, 0.2))
    return data


@st.composite
def plan_dicts_v3(draw, v3: bool = True) -> dict:
    """A plan of 1–3 rooms on a v3 scenario: rooms differ in start, participants (origin, attendance),
    staff, housing and projects. Room overrides are never dated (see the module docstring)."""
    data = draw(scenario_dicts_v3(v3=v3))
    first, last = data["period"]["first"], data["period"]["last"]
    D = data["opening"]["dagdelen_per_week"]
    plain = Drawer(draw, first, last, v3=False)  # rooms' own values: never dated
    rooms = []
    for i in range(draw(st.integers(1, 3))):
        item: dict = {"name": f"Kamer {i + 1}", "count": draw(st.integers(1, 4))}
        start = data["period"]["start"]
        if draw(st.booleans()):
            start = draw(st.integers(first, last))
            item["period"] = {"start": start}
        if draw(st.booleans()):
            parts: dict = {"zin": {"count": draw(F(0, 60))},
                           "former_indication": {"count": draw(F(0, 60)),
                                                 "dagdelen_per_week": draw(st.integers(0, D))}}
            if v3 and draw(st.booleans()):
                parts["zin"]["origin"] = full_origin(draw)
            if v3 and draw(st.booleans()):
                parts["attendance"] = draw(F(0.05, 1))
            item["participants"] = parts
        if draw(st.booleans()):
            item["staff"] = Drawer(draw, first, last, v3).staff()  # a list replaces: dated values are fine
        if draw(st.booleans()):
            item["costs"] = {"housing": plain.money()}
        item["projects"] = Drawer(draw, first, last, v3).projects(start)  # default start: the room's
        rooms.append(item)
    data["locations"] = rooms
    return data
