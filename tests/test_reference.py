"""The vectorised engine against a plain per-year implementation of MODEL.md (v2) section 3.

``scenarios_v2`` invents version 2 scenarios (transport per trip, replaced spending, former
clients, projects with staff, one-offs and every kind of funding, context and group norm),
validated through the loader like a file; every JSON key of MODEL.md §4 is compared with
``tests/reference_model.py``: money to the cent (half a cent per location, or 1e-9 relative),
``locations_needed`` / ``_hard`` and ``payback_year`` exactly, and the set of warning codes.
"""

from __future__ import annotations

import copy
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aldlan_model.api import run_model, validate_model
from aldlan_model.engine.room import run
from aldlan_model.io.document import Document
from aldlan_model.render.json import run_dict
from tests.reference_model import (
    MECHANISM_KEYS,
    MUNICIPALITY_KEYS,
    OPERATOR_KEYS,
    PROJECT_OPERATOR_KEYS,
    reference,
    reference_plan,
)
from tests.test_engine_properties import SETTINGS, scenarios

V2_SETTINGS = settings(max_examples=110, deadline=None,
                       suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def F(lo: float, hi: float) -> st.SearchStrategy[float]:
    """Floats rounded to 4 decimals: no subnormal noise that validation rightly refuses."""
    return st.floats(min_value=lo, max_value=hi, allow_nan=False).map(lambda x: round(x, 4))


money = F(0, 100_000)
frac = F(0, 1)
count = F(0, 60)
INDEXES = [None, "wages", "prices", "tariffs", "none"]


def _staff(draw, n_max: int = 3) -> list[dict]:
    staff = []
    for _ in range(draw(st.integers(0, n_max))):
        kind = draw(st.sampled_from(["fte", "hours", "volunteer"]))
        if kind == "fte":
            m = {"kind": "professional", "fte": draw(F(0, 5)), "salary": draw(money),
                 "group_work": draw(st.booleans())}
            if draw(st.booleans()):
                m["employer_charges"] = draw(F(0, 1.5))
        elif kind == "hours":
            m = {"kind": "professional", "hours_per_week": draw(F(0, 60)), "hourly_cost": draw(F(0, 150))}
        else:
            m = {"kind": "volunteer", "count": draw(st.one_of(st.just(0), st.integers(0, 30), count)),
                 "hours_per_week": draw(st.one_of(st.just(0), F(0, 20))),
                 "allowance": draw(st.one_of(F(0, 2500), st.sampled_from([0, 960, 1500, 1700, 2100])))}
            if draw(st.booleans()):
                m["other_costs"] = draw(F(0, 500))
        staff.append(m)
    return staff


def _transport_side(draw):
    if draw(st.booleans()):
        return draw(F(0, 30))
    side = {}
    for key, strat in (("per_trip", F(0, 30)), ("dagdelen_per_trip", F(0.1, 14)), ("share", frac)):
        if draw(st.booleans()):
            side[key] = draw(strat)
    return side or {"per_trip": draw(F(0, 30))}


def _one_offs(draw, years: list[int], n_max: int = 2) -> list[dict]:
    return [{"year": draw(st.sampled_from(years)), "amount": draw(money)}
            for _ in range(draw(st.integers(0, n_max)))]


def _projects(draw, first: int, last: int, start: int) -> list[dict]:
    years = list(range(first, last + 1))
    out = []
    for i in range(draw(st.integers(0, 3))):
        pr: dict = {"name": f"Project {i + 1}"}
        how = draw(st.sampled_from(["default", "start", "end", "both"]))
        if how in ("start", "both"):
            pr["start"] = draw(st.integers(first, last))
        lo = pr.get("start", start)
        if how in ("end", "both"):
            pr["end"] = draw(st.integers(lo, last))
        if draw(st.booleans()):
            pr["staff"] = _staff(draw, 2)
        if draw(st.booleans()):
            pr["yearly_costs"] = draw(money)
        if draw(st.booleans()):
            pr["one_off"] = _one_offs(draw, years)
        funding = []
        has_rest = False
        for j in range(draw(st.integers(0, 3))):
            kind = draw(st.sampled_from(["yearly", "one_off", "rest"]))
            item = {"name": f"Fonds {j + 1}", "budget": draw(st.sampled_from(["wmo", "municipal", "external"]))}
            if kind == "rest" and not has_rest:
                item["rest"] = True
                has_rest = True
            elif kind == "one_off":
                item["one_off"] = _one_offs(draw, years)
            else:
                item["yearly"] = draw(money)
            funding.append(item)
        if funding:
            pr["funding"] = funding
        out.append(pr)
    return out


@st.composite
def scenario_data_v2(draw, locations: int | None = None) -> dict:
    """The data of a valid version 2 scenario file (before validation)."""
    first = draw(st.integers(2015, 2027))
    last = first + draw(st.integers(0, 8))
    start = draw(st.integers(first, last))
    D = draw(st.integers(1, 14))

    def group():
        return {"count": draw(count), "dagdelen_per_week": draw(st.integers(0, D))}

    former = group()
    if draw(st.booleans()):
        former["baseline_dagdelen_per_week"] = draw(F(0, 14))
    replaced = []
    for i in range(draw(st.integers(0, 3))):
        item = {"name": f"Vervangen {i + 1}", "amount": draw(money)}
        index = draw(st.sampled_from(INDEXES))
        if index is not None:
            item["index"] = index
        replaced.append(item)
    norms = {"hours_per_fte": draw(F(1, 40)), "max_indicated_per_professional": draw(F(0, 12)),
             "enforce": draw(st.booleans())}
    if draw(st.booleans()):
        norms["max_group_per_professional"] = draw(F(0.5, 30))
    context = {}
    if draw(st.booleans()):
        context["indicated_clients"] = draw(st.integers(0, 3000))
    if draw(st.booleans()):
        context["volunteers_available"] = draw(st.integers(0, 500))
    data = {
        "name": "property v2",
        "period": {"first": first, "last": last, "start": start},
        "target": {"amount": draw(F(1, 5e6)), "year": draw(st.integers(first, last))},
        "locations": locations if locations is not None else draw(st.integers(1, 50)),
        "opening": {"weeks_per_year": draw(st.integers(1, 53)), "dagdelen_per_week": D,
                    "hours_per_dagdeel": draw(F(0.5, 12))},
        "participants": {"zin": group(), "pgb": group(), "without_indication": group(),
                         "former_indication": former},
        "ramp_up": draw(st.lists(frac, min_size=1, max_size=4)),
        "staff": _staff(draw),
        "costs": {"housing": draw(money), "per_participant_dagdeel": draw(F(0, 20)),
                  "overhead": draw(frac), "margin": draw(F(0, 0.5)),
                  "startup": {"amount": draw(money), "depreciation_years": draw(st.integers(1, 8))}},
        "income": {"contribution": draw(F(0, 10)), "other": draw(money),
                   "subsidy": draw(st.one_of(money, st.just("cover_deficit")))},
        "tariffs": {"buurtkamer": {"zin": draw(F(0, 80)), "pgb": draw(F(0, 80))},
                    "baseline": {"zin": draw(F(0, 80)), "pgb": draw(F(0, 80))}},
        "transport": {"buurtkamer": _transport_side(draw), "baseline": _transport_side(draw)},
        "municipality": {"assessment_per_indication": draw(F(0, 2000)), "substitution": draw(frac),
                         "replaced": replaced},
        "indexation": {"wages": draw(F(0, 0.1)), "prices": draw(F(0, 0.1)), "tariffs": draw(F(0, 0.1))},
        "norms": norms,
        "projects": _projects(draw, first, last, start),
    }
    if context:
        data["context"] = context
    return data


def validate(data: dict) -> object:
    """Through the loader like a file: a Scenario, or a Plan when ``locations`` is a list."""
    return validate_model(Document("hypothesis-v2.yaml", copy.deepcopy(data)))


def scenarios_v2(locations: int | None = None) -> st.SearchStrategy:
    """A valid version 2 scenario, validated through the loader (cross checks included)."""
    return scenario_data_v2(locations).map(validate)


@st.composite
def plans_v2(draw) -> object:
    """A plan of 1–3 rooms on a v2 scenario: rooms differ in start, participants, staff and projects."""
    data = draw(scenario_data_v2())
    first, last = data["period"]["first"], data["period"]["last"]
    D = data["opening"]["dagdelen_per_week"]
    rooms = []
    for i in range(draw(st.integers(1, 3))):
        item: dict = {"name": f"Kamer {i + 1}", "count": draw(st.integers(1, 4))}
        if draw(st.booleans()):
            start = draw(st.integers(first, last))
            item["period"] = {"start": start}
        else:
            start = data["period"]["start"]
        if draw(st.booleans()):
            item["participants"] = {"zin": {"count": draw(count)},
                                    "former_indication": {"count": draw(count),
                                                          "dagdelen_per_week": draw(st.integers(0, D))}}
        if draw(st.booleans()):
            item["staff"] = _staff(draw)
        item["projects"] = _projects(draw, first, last, start)  # their default start is the room's
        rooms.append(item)
    data["locations"] = rooms
    return validate(data)


def close(got, want, locations: float, what) -> None:
    """Money to the cent: within half a cent per location, or 1e-9 relative."""
    assert got is not None, what
    assert math.isclose(got, want, rel_tol=1e-9, abs_tol=0.005 * locations), (what, got, want)


def ratio_close(got, want, what) -> None:
    if want is None:
        assert got is None, (what, got, want)
        return
    assert got is not None, (what, got, want)
    assert math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12), (what, got, want)


POOLS = {"pool_clients_exceeded", "pool_volunteers_exceeded"}


def assert_target_and_years(got: dict, want: dict, n: float) -> None:
    """``target`` and every key of every year (MODEL.md §4, v1 and v2); ``n`` locations."""
    tg, tw = got["target"], want["target"]
    assert (tg["year"], tg["amount"]) == (tw["year"], tw["amount"])
    for key in ("savings", "savings_hard"):
        close(tg[key], tw[key], n, ("target", key))
    for key in ("share", "share_hard", "cost_per_dagdeel"):
        ratio_close(tg[key], tw[key], ("target", key))
    assert tg["locations_needed"] == tw["locations_needed"], (tg["locations_needed"], tw["locations_needed"])
    assert tg["locations_needed_hard"] == tw["locations_needed_hard"], (
        tg["locations_needed_hard"], tw["locations_needed_hard"])
    assert len(got["years"]) == len(want["years"])
    for g, w in zip(got["years"], want["years"], strict=True):
        y = w["year"]
        assert (g["year"], g["operating_year"]) == (y, w["operating_year"])
        for key in OPERATOR_KEYS + PROJECT_OPERATOR_KEYS:
            close(g["operator"][key], w["operator"][key], n, (y, "operator", key))
        for key in (*MUNICIPALITY_KEYS, "moved_clients"):
            close(g["municipality"][key], w["municipality"][key], n, (y, "municipality", key))
        for key in MECHANISM_KEYS:
            close(g["municipality"]["mechanisms"][key], w["municipality"]["mechanisms"][key], n,
                  (y, "mechanisms", key))
        assert [p["name"] for p in g["projects"]] == [p["name"] for p in w["projects"]]
        for gp, wp in zip(g["projects"], w["projects"], strict=True):
            for key in ("cost", "result"):
                close(gp[key], wp[key], n, (y, wp["name"], key))
            assert set(gp["funding"]) == {"wmo", "municipal", "external"}
            for budget, value in wp["funding"].items():
                close(gp["funding"][budget], value, n, (y, wp["name"], "funding", budget))


def codes(warnings: list[dict]) -> set[str]:
    found = [w["code"] for w in warnings]
    assert len(found) == len(set(found)), f"each code at most once: {found}"
    return set(found)


def assert_matches(got: dict, want: dict) -> None:
    """Every MODEL.md §4 key (v1 and v2) of the engine's JSON against the reference."""
    n = want["locations"]
    assert got["locations"] == n
    assert_target_and_years(got, want, n)
    close(got["financing_need"], want["financing_need"], n, "financing_need")
    assert got["payback_year"] == want["payback_year"], (got["payback_year"], want["payback_year"])
    assert codes(got["warnings"]) == want["warnings"]


def assert_same(s) -> None:
    assert_matches(run_dict(s, run(s)), reference(s))


def assert_same_plan(plan) -> None:
    """A plan's totals, and each room's own figures (for all its ``count`` rooms), against the reference.

    Pools are a plan-wide check, so they are left out of the rooms' own warnings.
    """
    got, want = run_dict(plan, run_model(plan)), reference_plan(plan)
    assert_matches(got, want)
    for detail, room in zip(got["locations_detail"], want["rooms"], strict=True):
        assert (detail["name"], detail["count"]) == (room["name"], room["count"])
        assert_target_and_years(detail, room, room["count"])
        assert codes(detail["warnings"]) - POOLS == room["warnings"] - POOLS


@V2_SETTINGS
@given(scenarios_v2())
def test_engine_matches_the_plain_reference_v2(s):
    assert_same(s)


@settings(SETTINGS, max_examples=20)
@given(scenarios())
def test_engine_matches_the_plain_reference_v1_scenarios(s):
    assert_same(s)


@settings(V2_SETTINGS, max_examples=40)
@given(plans_v2())
def test_plans_match_the_plain_reference(plan):
    assert_same_plan(plan)
