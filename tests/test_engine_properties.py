"""Properties of the engine that hold for every valid scenario (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aldlan_model.engine.lines import MONEY_LINES
from aldlan_model.engine.params import Structure, point_table
from aldlan_model.engine.room import compute, run
from aldlan_model.model.scenario import Scenario


def F(lo: float, hi: float, **_: object) -> st.SearchStrategy[float]:
    """Floats rounded to 4 decimals: no subnormal noise that validation rightly refuses."""
    return st.floats(min_value=lo, max_value=hi, allow_nan=False).map(lambda x: round(x, 4))


money = F(0, 100_000)
frac = F(0, 1)
count = F(0, 60)


@st.composite
def scenarios(draw, participants: bool = True, subsidy=None) -> Scenario:
    first = draw(st.integers(2015, 2025))
    last = first + draw(st.integers(0, 8))
    start = draw(st.integers(first, last))
    D = draw(st.integers(1, 14))
    group = lambda: {"count": draw(count) if participants else 0, "dagdelen_per_week": draw(st.integers(0, D))}  # noqa: E731
    staff = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["fte", "hours", "volunteer"]))
        if kind == "fte":
            staff.append({"kind": "professional", "fte": draw(F(0, 5)), "salary": draw(money),
                          "employer_charges": draw(F(0, 1.5)), "group_work": draw(st.booleans())})
        elif kind == "hours":
            staff.append({"kind": "professional", "hours_per_week": draw(F(0, 60)),
                          "hourly_cost": draw(F(0, 150))})
        else:
            staff.append({"kind": "volunteer", "count": draw(count), "hours_per_week": draw(F(0, 20)),
                          "allowance": draw(F(0, 2500)), "other_costs": draw(F(0, 500))})
    data = {
        "name": "property",
        "period": {"first": first, "last": last, "start": start},
        "target": {"amount": draw(F(1, 5e6)), "year": draw(st.integers(first, last))},
        "locations": draw(st.integers(1, 50)),
        "opening": {"weeks_per_year": draw(st.integers(1, 53)), "dagdelen_per_week": D,
                    "hours_per_dagdeel": draw(F(0.5, 12))},
        "participants": {"zin": group(), "pgb": group(), "without_indication": group()},
        "ramp_up": draw(st.lists(frac, min_size=1, max_size=4)),
        "staff": staff,
        "costs": {"housing": draw(money), "per_participant_dagdeel": draw(F(0, 20)),
                  "overhead": draw(frac), "margin": draw(F(0, 0.5)),
                  "startup": {"amount": draw(money), "depreciation_years": draw(st.integers(1, 8))}},
        "income": {"contribution": draw(F(0, 10)), "other": draw(money),
                   "subsidy": subsidy if subsidy is not None else draw(st.one_of(money, st.just("cover_deficit")))},
        "tariffs": {"buurtkamer": {"zin": draw(F(0, 80)), "pgb": draw(F(0, 80))},
                    "baseline": {"zin": draw(F(0, 80)), "pgb": draw(F(0, 80))}},
        "transport": {"buurtkamer": draw(F(0, 30)), "baseline": draw(F(0, 30))},
        "municipality": {"assessment_per_indication": draw(F(0, 2000)), "substitution": draw(frac)},
        "indexation": {"wages": draw(F(0, 0.1)), "prices": draw(F(0, 0.1)),
                       "tariffs": draw(F(0, 0.1))},
        "norms": {"hours_per_fte": draw(F(1, 40)), "max_indicated_per_professional": draw(F(0, 12)),
                  "enforce": draw(st.booleans())},
    }
    return Scenario.model_validate(data)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(scenarios())
def test_savings_is_baseline_minus_scenario(s):
    r = run(s)
    assert np.allclose(r.lines["savings"], r.lines["baseline"] - r.lines["scenario"], rtol=1e-12, atol=1e-6)
    assert np.allclose(r.lines["cumulative_savings"], np.cumsum(r.lines["savings"], axis=1), rtol=1e-9, atol=1e-6)
    assert np.allclose(r.lines["result"], r.lines["income"] - r.lines["cost"], rtol=1e-12, atol=1e-6)


@SETTINGS
@given(scenarios(), st.integers(2, 40))
def test_money_scales_linearly_with_locations(s, n):
    one = run(s.model_copy(update={"locations": s.locations.model_copy(update={"value": 1.0})}))
    many = run(s.model_copy(update={"locations": s.locations.model_copy(update={"value": float(n)})}))
    for name in MONEY_LINES:
        assert np.allclose(many.lines[name], n * one.lines[name], rtol=1e-9, atol=1e-6), name
    assert np.array_equal(np.nan_to_num(one.target["locations_needed"]), np.nan_to_num(many.target["locations_needed"]))


@SETTINGS
@given(scenarios(participants=False))
def test_zero_participants_give_zero_participant_flows(s):
    r = run(s)
    for name in ("income_zin", "income_pgb", "income_contribution", "activities", "baseline"):
        assert np.all(r.lines[name] == 0), name


@SETTINGS
@given(scenarios())
def test_years_before_start_are_zero(s):
    r = run(s)
    before = r.years < s.start
    for name in MONEY_LINES:
        assert np.all(r.lines[name][0, before] == 0), name


@SETTINGS
@given(scenarios(subsidy="cover_deficit"))
def test_cover_deficit_result_never_negative(s):
    r = run(s)
    assert np.all(r.lines["result"] >= -1e-6 * np.maximum(1.0, r.lines["cost"]))
    assert not r.flags["operator_deficit"][0]


@SETTINGS
@given(scenarios(), st.integers(2, 30))
def test_many_equal_variants_equal_one(s, n):
    one = run(s)
    table = point_table(s, n)
    many = compute(table, Structure.of(s))
    for name in MONEY_LINES:
        assert np.array_equal(many.lines[name], np.repeat(one.lines[name], n, axis=0)), name
