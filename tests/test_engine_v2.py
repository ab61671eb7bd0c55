"""MODEL.md version 2 checked by hand, by property and against version 1.

- hand-worked examples: the arithmetic is in the comments, the figures are asserted on the
  JSON of MODEL.md §4 and, for good measure, the plain reference agrees;
- hypothesis properties of the v2 figures (mechanisms, hard savings, financing, funding);
- v1 golden: for the scenarios shipped at commit c9e1839 (copied to tests/golden/v1 with
  that commit's JSON output), the v1 keys of today's engine are the same figures.
"""

from __future__ import annotations

import copy
import json
import math
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings

from aldlan_model.api import load_model, run_model
from aldlan_model.render.json import run_dict
from tests.reference_model import reference, reference_plan
from tests.test_reference import V2_SETTINGS, assert_matches, scenario_data_v2, validate

GOLDEN_V1 = Path(__file__).resolve().parent / "golden" / "v1"

HAND = """\
name: Hand
period: {first: 2020, last: 2024}
target: {amount: 100000, year: 2022}
opening: {weeks_per_year: 40, dagdelen_per_week: 5}
tariffs:
  buurtkamer: {zin: 30, pgb: 20}
  baseline: {zin: 40, pgb: 25}
"""


def run_text(tmp_path: Path, extra: str, base: str = HAND) -> dict:
    """Write ``extra`` as a scenario file that extends ``base``, run it, check it against the reference."""
    path = tmp_path / "hand.yaml"
    text = textwrap.dedent(extra)
    if base:
        (tmp_path / "base.yaml").write_text(base, encoding="utf-8")
        text = "extends: base.yaml\n" + text
    path.write_text(text, encoding="utf-8")
    model = load_model(path)
    got = run_dict(model, run_model(model))
    want = reference_plan(model) if isinstance(model.locations, list) else reference(model)
    assert_matches(got, want)
    return got


def codes(got: dict) -> set[str]:
    return {w["code"] for w in got["warnings"]}


def year(got: dict, y: int) -> dict:
    return next(x for x in got["years"] if x["year"] == y)


def column(got: dict, part: str, key: str) -> list[float]:
    return [x[part][key] for x in got["years"]]


def approx(values, rel: float = 1e-12, abs: float = 1e-9):  # noqa: A002
    return pytest.approx(values, rel=rel, abs=abs)


# --- §2.1 transport per trip ----------------------------------------------------------------

def test_transport_per_trip_rate(tmp_path):
    # P_zin = 10 participants × 2 dagdelen × 40 weeks = 800 participant-dagdelen a year.
    # T_0 = per_trip × share / dagdelen_per_trip = 14 × 0.5 / 2 = 3.50 per dagdeel;
    # T_b = 10 × 1 (default share) / 1 (default dagdelen_per_trip) = 10.
    # baseline = 40 × 800 + 3.50 × 800 = 32,000 + 2,800 = 34,800
    # scenario = income_zin 30 × 800 + T_b 10 × 800 = 24,000 + 8,000 = 32,000 → savings 2,800
    # mechanisms: tariff_difference (40 − 30) × 800 = 8,000; transport_avoided (3.5 − 10) × 800 = −5,200
    got = run_text(tmp_path, """\
        participants: {zin: {count: 10, dagdelen_per_week: 2}}
        norms: {enforce: false}
        transport:
          baseline: {per_trip: 14, dagdelen_per_trip: 2, share: 0.5}
          buurtkamer: {per_trip: 10}
        """)
    for x in got["years"]:
        m = x["municipality"]
        assert (m["baseline"], m["scenario"], m["savings"]) == approx((34_800, 32_000, 2_800))
        assert m["mechanisms"]["tariff_difference"] == approx(8_000)
        assert m["mechanisms"]["transport_avoided"] == approx(-5_200)
    # a bare number is the rate itself: 3.5 and 10 give the same figures
    same = run_text(tmp_path, """\
        participants: {zin: {count: 10, dagdelen_per_week: 2}}
        norms: {enforce: false}
        transport: {baseline: 3.5, buurtkamer: 10}
        """)
    assert column(same, "municipality", "savings") == approx(column(got, "municipality", "savings"))


# --- §2.2 replaced spending -----------------------------------------------------------------

def test_replaced_with_each_index_only_in_operating_years(tmp_path):
    # start 2021, so 2020 (k = 0) replaces nothing. Each item 1,000 in euros of 2020:
    # 2021: wages 1000 × 1.10 + prices 1000 × 1.05 + tariffs 1000 × 1.02 + none 1000 = 4,170
    # 2022: 1000 × 1.21 + 1000 × 1.1025 + 1000 × 1.0404 + 1000 = 4,352.90
    # 3 locations: × 3 → 12,510 and 13,058.70. Nothing else: savings = savings_hard = replaced.
    got = run_text(tmp_path, """\
        period: {first: 2020, last: 2024, start: 2021}
        locations: 3
        indexation: {wages: 0.10, prices: 0.05, tariffs: 0.02}
        municipality:
          replaced:
            - {name: Welzijnswerker, amount: 1000, index: wages}
            - {name: Subsidie buurthuis, amount: 1000}
            - {name: Tariefgebonden, amount: 1000, index: tariffs}
            - {name: Vast bedrag, amount: 1000, index: none}
        """)
    assert year(got, 2020)["municipality"]["replaced"] == 0
    assert year(got, 2021)["municipality"]["replaced"] == approx(12_510)
    assert year(got, 2022)["municipality"]["replaced"] == approx(13_058.7)
    assert year(got, 2022)["municipality"]["mechanisms"]["replaced"] == approx(13_058.7)
    assert got["target"]["savings"] == got["target"]["savings_hard"] == approx(13_058.7)
    # 100,000 / 4,352.90 per location = 22.97… → 23 locations
    assert got["target"]["locations_needed"] == got["target"]["locations_needed_hard"] == 23


def test_one_replaced_item_per_index(tmp_path):
    # one item at a time, 2,000 in 2020 euros, year 2023 (3 years of indexation, start = first)
    factors = {"wages": 1.1 ** 3, "prices": 1.05 ** 3, "tariffs": 1.02 ** 3, "none": 1.0}
    for index, factor in factors.items():
        got = run_text(tmp_path, f"""\
            indexation: {{wages: 0.10, prices: 0.05, tariffs: 0.02}}
            municipality: {{replaced: [{{name: Item, amount: 2000, index: {index}}}]}}
            """)
        assert year(got, 2023)["municipality"]["replaced"] == approx(2000 * factor), index


# --- §2.6 former clients --------------------------------------------------------------------

def test_former_clients_moved_and_contribution(tmp_path):
    # P_former = 5 × 2 × 40 = 400 dagdelen in the room; B_former = 5 × 4 × 40 = 800 they had.
    # moved_clients = (baseline zin 40 + T_0 3.5) × 800 + assessment 700 × N_former 5
    #               = 34,800 + 3,500 = 38,300
    # income_contribution = 2 × 400 = 800; activities = 1 × 400 = 400; cost_per_dagdeel 400 / 400 = 1.
    # Not indicated: no staffing demand, so no norm_not_met without any staff.
    # Pool: 5 former clients ≤ indicated_clients 5: no warning.
    got = run_text(tmp_path, """\
        participants: {former_indication: {count: 5, dagdelen_per_week: 2, baseline_dagdelen_per_week: 4}}
        transport: {baseline: 3.5}
        municipality: {assessment_per_indication: 700}
        income: {contribution: 2}
        costs: {per_participant_dagdeel: 1}
        context: {indicated_clients: 5}
        """)
    for x in got["years"]:
        assert x["municipality"]["mechanisms"]["moved_clients"] == approx(38_300)
        assert x["operator"]["income_contribution"] == approx(800)
        assert x["operator"]["activities"] == approx(400)
    assert got["target"]["cost_per_dagdeel"] == approx(1.0)
    assert "norm_not_met" not in codes(got) and "pool_clients_exceeded" not in codes(got)
    # without baseline_dagdelen_per_week they had their room's 2: B = 400 → 43.5 × 400 + 3,500 = 20,900
    # one more former client than the pool: 6 > 5 → pool_clients_exceeded
    got = run_text(tmp_path, """\
        participants: {former_indication: {count: 6, dagdelen_per_week: 2}}
        transport: {baseline: 3.5}
        municipality: {assessment_per_indication: 700}
        context: {indicated_clients: 5}
        """)
    assert year(got, 2020)["municipality"]["moved_clients"] == approx(6 * 2 * 40 * 43.5 + 700 * 6)
    assert "pool_clients_exceeded" in codes(got)


# --- §3.3 projects --------------------------------------------------------------------------

def test_rest_funder_pays_nothing_when_others_cover(tmp_path):
    # yearly_costs 5,000; external 8,000 a year; the municipal rest item pays max(0, cost − 8,000):
    # 2020: max(0, 5,000 − 8,000) = 0, result +3,000. 2022 adds a one-off of 10,000:
    # cost 15,000, rest 7,000, result 0. No project_deficit.
    got = run_text(tmp_path, """\
        projects:
          - name: Huiswerk
            yearly_costs: 5000
            one_off: [{year: 2022, amount: 10000}]
            funding:
              - {name: Fonds, budget: external, yearly: 8000}
              - {name: Gemeente, budget: municipal, rest: true}
        """)
    p2020, p2022 = year(got, 2020)["projects"][0], year(got, 2022)["projects"][0]
    assert p2020["funding"] == approx({"wmo": 0, "municipal": 0, "external": 8_000})
    assert p2020["result"] == approx(3_000)
    assert p2022["cost"] == approx(15_000)
    assert p2022["funding"] == approx({"wmo": 0, "municipal": 7_000, "external": 8_000})
    assert p2022["result"] == approx(0)
    assert year(got, 2022)["operator"]["projects_municipal"] == approx(7_000)
    assert year(got, 2022)["municipality"]["net_municipality"] == approx(-7_000)
    assert "project_deficit" not in codes(got)


def test_one_off_outside_running_years_paid_by_rest(tmp_path):
    # runs 2022–2023 only; prices +10 %. One-off of 20,000 in 2021 (outside, not indexed);
    # the wmo rest item pays it: projects_wmo 20,000 → scenario 20,000 → savings −20,000 (paid).
    # 2022: yearly_costs 1,000 × 1.1² = 1,210; 2023: 1,000 × 1.1³ = 1,331; 2020 and 2024: 0.
    got = run_text(tmp_path, """\
        indexation: {prices: 0.10}
        projects:
          - name: Platform
            start: 2022
            end: 2023
            yearly_costs: 1000
            one_off: [{year: 2021, amount: 20000}]
            funding: [{name: Wmo, budget: wmo, rest: true}]
        """)
    assert column(got, "operator", "projects_cost") == approx([0, 20_000, 1_210, 1_331, 0])
    assert column(got, "municipality", "projects_wmo") == approx([0, 20_000, 1_210, 1_331, 0])
    assert year(got, 2021)["municipality"]["savings"] == approx(-20_000)
    assert year(got, 2021)["municipality"]["mechanisms"]["paid"] == approx(-20_000)
    assert column(got, "operator", "projects_result") == approx([0] * 5)


def test_project_starting_after_the_room(tmp_path):
    # the room opens 2020; the project runs from 2022: two volunteers at (500 + 100) = 1,200 a year.
    # 500 / (2 h × 40 weeks) = 6.25 per hour > 5.00 (2022): allowance_above_legal_max, from the project.
    got = run_text(tmp_path, """\
        projects:
          - name: Later
            start: 2022
            staff:
              - {role: vrijwilliger, kind: volunteer, count: 2, hours_per_week: 2, allowance: 500, other_costs: 100}
        """)
    assert column(got, "operator", "projects_cost") == approx([0, 0, 1_200, 1_200, 1_200])
    assert [len(x["projects"]) for x in got["years"]] == [1] * 5  # listed every year, zeros before it runs
    assert year(got, 2020)["projects"][0] == {"name": "Later", "cost": 0.0,
                                              "funding": {"wmo": 0.0, "municipal": 0.0, "external": 0.0},
                                              "result": 0.0}
    assert {"allowance_above_legal_max", "project_deficit"} <= codes(got)


# --- §3.5 financing and payback -------------------------------------------------------------

def test_financing_need_with_a_dip_and_recovery(tmp_path):
    # The room has no flows; the project gets 10,000 a year and spends 50,000 once in 2021.
    # per location: +10,000, −40,000, +10,000, +10,000, +10,000; 2 locations:
    # cumulative_result 20,000, −60,000, −40,000, −20,000, 0 → financing_need 60,000.
    got = run_text(tmp_path, """\
        locations: 2
        projects:
          - name: Verbouwing
            one_off: [{year: 2021, amount: 50000}]
            funding: [{name: Fonds, budget: external, yearly: 10000}]
        """)
    assert column(got, "operator", "cumulative_result") == approx([20_000, -60_000, -40_000, -20_000, 0])
    assert got["financing_need"] == approx(60_000)
    assert "project_deficit" in codes(got)
    assert got["payback_year"] == 2020  # external money only: the municipality never waits


PAYBACK = """\
municipality: {{replaced: [{{name: Subsidie, amount: 10000, index: none}}]}}
projects:
  - name: Wijkcentrum
    one_off: [{one_off}]
    funding: [{{name: Gemeente, budget: municipal, rest: true}}]
"""


@pytest.mark.parametrize(("one_off", "cumulative", "payback"), [
    # net = replaced 10,000 − municipal rest paying the one-off
    ("{year: 2020, amount: 25000}", [-15_000, -5_000, 5_000, 15_000, 25_000], 2022),  # later
    ("{year: 2020, amount: 60000}", [-50_000, -40_000, -30_000, -20_000, -10_000], None),  # never
    ("{year: 2020, amount: 50000}", [-40_000, -30_000, -20_000, -10_000, 0], 2024),  # 0 counts
    ("{year: 2021, amount: 40000}", [10_000, -20_000, -10_000, 0, 10_000], 2023),  # a dip after 2020
    ("{year: 2020, amount: 0}", [10_000, 20_000, 30_000, 40_000, 50_000], 2020),  # immediately
    # half a cent per location of 0 counts as 0 (§3.5): −0.004 is paid back, −0.006 is not
    ("{year: 2020, amount: 50000.004}", [-40_000.004, -30_000.004, -20_000.004, -10_000.004, -0.004], 2024),
    ("{year: 2020, amount: 50000.006}", [-40_000.006, -30_000.006, -20_000.006, -10_000.006, -0.006], None),
])
def test_payback_year(tmp_path, one_off, cumulative, payback):
    got = run_text(tmp_path, PAYBACK.format(one_off=one_off))
    assert column(got, "municipality", "cumulative_net_municipality") == approx(cumulative)
    assert column(got, "municipality", "savings") == approx([10_000] * 5)  # municipal money is not Wmo
    assert got["payback_year"] == payback


def test_half_a_cent_is_no_financing_need_and_no_deficit(tmp_path):
    # a project that costs 0.004 once and has no funder: result −0.004 per location, within
    # half a cent of 0 → financing_need 0 and no project_deficit; 0.006 is a deficit.
    text = "projects: [{{name: Klein, one_off: [{{year: 2020, amount: {amount}}}]}}]\n"
    got = run_text(tmp_path, text.format(amount=0.004))
    assert got["financing_need"] == 0 and "project_deficit" not in codes(got)
    got = run_text(tmp_path, text.format(amount=0.006))
    assert got["financing_need"] == approx(0.006) and "project_deficit" in codes(got)


@pytest.mark.parametrize(("amount", "needed"), [(5760, 1), (11520, 2), (11520.01, 3)])
def test_locations_needed_exact_ratio(tmp_path, amount, needed):
    # savings 5,760 per location in the target year (replaced only): an exact ratio stays exact
    got = run_text(tmp_path, f"""\
        target: {{amount: {amount}, year: 2022}}
        municipality: {{replaced: [{{name: Uren, amount: 5760, index: none}}]}}
        """)
    assert got["target"]["locations_needed"] == got["target"]["locations_needed_hard"] == needed


# --- §3.6 warnings --------------------------------------------------------------------------

@pytest.mark.parametrize(("first", "start", "end", "allowance", "hours", "count", "warns"), [
    (2020, 2024, 2024, 1050, 5, 2, False),  # 1050 / 200 h = 5.25 ≤ 5.50 (2024, shipped table)
    (2020, 2023, 2024, 1050, 5, 2, True),   # 2023: 5.25 > 5.00
    (2022, 2025, 2025, 1100, 5, 1, False),  # 5.50 ≤ 5.60 (2025)
    (2024, 2026, 2026, 1130, 5, 1, True),   # after the table its last value 5.60 holds: 5.65 > 5.60
    (2015, 2016, 2016, 920, 5, 1, True),    # before the table its first value 4.50 holds: 4.60 > 4.50
    (2015, 2016, 2016, 900, 5, 1, False),   # 4.50: not above
    (2020, 2020, 2024, 5000, 5, 0, False),  # count 0 pays no one: never a warning
    (2020, 2020, 2020, 1000, 0, 1, False),  # no hours: only the yearly test, 1,000 ≤ 1,700
    (2020, 2020, 2020, 1800, 10, 1, True),  # yearly: 1,800 > 1,700 (2020); 4.50 per hour is fine
    (2021, 2021, 2021, 1800, 10, 1, False),  # 1,800 is not above 1,800 (2021)
    (2020, 2020, 2020, 1000, 5, 1, False),  # 1,000 / 200 h = 5.00 is not above 5.00
])
def test_allowance_of_project_volunteers(tmp_path, first, start, end, allowance, hours, count, warns):
    got = run_text(tmp_path, f"""\
        name: Vergoeding
        period: {{first: {first}, last: {max(end, first + 1)}}}
        target: {{amount: 1000, year: {first}}}
        opening: {{weeks_per_year: 40, dagdelen_per_week: 5}}
        tariffs: {{buurtkamer: {{zin: 1, pgb: 1}}, baseline: {{zin: 1, pgb: 1}}}}
        projects:
          - name: P
            start: {start}
            end: {end}
            staff: [{{kind: volunteer, count: {count}, hours_per_week: {hours}, allowance: {allowance}}}]
        """, base="")
    assert ("allowance_above_legal_max" in codes(got)) is warns


def test_room_volunteers_only_in_operating_years(tmp_path):
    # 1,800 a year > 1,700 in 2019–2020 but ≤ 1,800 from 2021; the room opens in 2021: no warning.
    text = """\
        period: {{first: 2019, last: 2022, start: {start}}}
        target: {{amount: 1000, year: 2022}}
        staff: [{{kind: volunteer, count: 1, hours_per_week: 10, allowance: 1800}}]
        """
    assert "allowance_above_legal_max" not in codes(run_text(tmp_path, text.format(start=2021)))
    assert "allowance_above_legal_max" in codes(run_text(tmp_path, text.format(start=2020)))


def test_savings_rest_on_substitution(tmp_path):
    # 10 riders-along × 1 dagdeel × 40 weeks = 400; substitution 0.5 × 40 × 400 = 8,000 = savings;
    # savings_hard = 8,000 − 8,000 = 0 → the warning, and no locations_needed_hard.
    got = run_text(tmp_path, """\
        participants: {without_indication: {count: 10, dagdelen_per_week: 1}}
        municipality: {substitution: 0.5}
        """)
    assert got["target"]["savings"] == approx(8_000)
    assert got["target"]["savings_hard"] == approx(0)
    assert got["target"]["locations_needed"] == 13  # 100,000 / 8,000 = 12.5
    assert got["target"]["locations_needed_hard"] is None
    assert "savings_rest_on_substitution" in codes(got) and "no_savings" not in codes(got)


@pytest.mark.parametrize(("max_group", "warns"), [(10, False), (9.99, True)])
def test_group_too_large(tmp_path, max_group, warns):
    # present = 20 h / (5 dagdelen × 4 h) = 1 professional; participants present per dagdeel:
    # zin' = 10 × f (demand 10 × 4 / 5 = 8 ≤ capacity 1 × 8: f = 1) → (10 × 4 + 5 × 2 + 10 × 0) / 5 = 10;
    # former 0 → 10 per professional against max_group_per_professional.
    got = run_text(tmp_path, f"""\
        participants:
          zin: {{count: 10, dagdelen_per_week: 4}}
          without_indication: {{count: 5, dagdelen_per_week: 2}}
        staff: [{{kind: professional, hours_per_week: 20, hourly_cost: 0}}]
        norms: {{max_group_per_professional: {max_group}}}
        """)
    assert ("group_too_large" in codes(got)) is warns
    assert "norm_not_met" not in codes(got)


@pytest.mark.parametrize(("available", "warns"), [(10, False), (9, True)])
def test_pool_volunteers_room_and_projects(tmp_path, available, warns):
    # 2 locations × (3 in the room + 2 in a project that runs in 2020 only) = 10 volunteers
    got = run_text(tmp_path, f"""\
        locations: 2
        staff: [{{kind: volunteer, count: 3, hours_per_week: 2}}]
        projects: [{{name: Kort, end: 2020, staff: [{{kind: volunteer, count: 2, hours_per_week: 1}}]}}]
        context: {{volunteers_available: {available}}}
        """)
    assert ("pool_volunteers_exceeded" in codes(got)) is warns


PLAN = """\
name: Plan
period: {first: 2020, last: 2022}
target: {amount: 100000, year: 2021}
opening: {weeks_per_year: 40, dagdelen_per_week: 5}
tariffs: {buurtkamer: {zin: 30, pgb: 20}, baseline: {zin: 40, pgb: 25}}
participants: {former_indication: {count: 3, dagdelen_per_week: 1}}
staff: [{kind: volunteer, count: 3, hours_per_week: 2}]
context: {indicated_clients: 5, volunteers_available: 5}
locations:
  - {name: Noord}
  - {name: Zuid, costs: {housing: 1000}}
"""


def test_plan_pools_on_the_total_other_warnings_per_room(tmp_path):
    # each room: 3 former clients and 3 volunteers, within the pools of 5; the plan: 6 > 5 of each.
    # Zuid pays 1,000 housing without income: operator_deficit (per room) shows in the plan.
    got = run_text(tmp_path, PLAN, base="")
    assert {"pool_clients_exceeded", "pool_volunteers_exceeded", "operator_deficit"} <= codes(got)
    assert column(got, "operator", "housing") == approx([1_000] * 3)
    noord, zuid = got["locations_detail"]
    assert "operator_deficit" not in codes(noord) and "operator_deficit" in codes(zuid)


# --- properties -----------------------------------------------------------------------------

PROPERTY = settings(V2_SETTINGS, max_examples=12)


def _json(data: dict) -> dict:
    model = validate(data)
    return run_dict(model, run_model(model))


@PROPERTY
@given(scenario_data_v2())
def test_mechanisms_add_up_to_savings(data):
    for x in _json(data)["years"]:
        m = x["municipality"]
        parts = m["mechanisms"].values()
        scale = max([1.0, abs(m["savings"]), *map(abs, parts)])
        assert abs(sum(parts) - m["savings"]) <= 1e-6 * scale
        assert m["mechanisms"]["replaced"] == m["replaced"]


@PROPERTY
@given(scenario_data_v2())
def test_hard_savings_never_above_savings(data):
    got = _json(data)
    for x in got["years"]:
        m = x["municipality"]
        assert m["mechanisms"]["substitution"] >= 0
        assert m["savings_hard"] <= m["savings"] + 1e-9 * max(1.0, abs(m["savings"]))
    assert got["target"]["savings_hard"] <= got["target"]["savings"] + 1e-9 * max(1.0, abs(got["target"]["savings"]))


@PROPERTY
@given(scenario_data_v2(locations=None))
def test_financing_need_non_negative_and_linear_in_locations(data):
    one = _json(data)
    double = copy.deepcopy(data)
    double["locations"] = 2 * data["locations"]
    two = _json(double)
    assert one["financing_need"] >= 0 and two["financing_need"] >= 0
    assert two["financing_need"] == pytest.approx(2 * one["financing_need"], rel=1e-9, abs=0.01 * data["locations"])


@PROPERTY
@given(scenario_data_v2())
def test_funding_by_budget_adds_up_and_result_is_funding_minus_cost(data):
    got = _json(data)
    n = got["locations"]
    tol = {"rel": 1e-9, "abs": 1e-6 * n}
    rests = {pr["name"] for pr in data["projects"] if any(f.get("rest") for f in pr.get("funding", []))}
    for x in got["years"]:
        op = x["operator"]
        by_budget = [sum(p["funding"][b] for p in x["projects"]) for b in ("wmo", "municipal", "external")]
        assert sum(by_budget) == pytest.approx(op["projects_funding"], **tol)
        assert by_budget == pytest.approx([x["municipality"]["projects_wmo"], op["projects_municipal"],
                                           op["projects_external"]], **tol)
        assert op["projects_result"] == pytest.approx(op["projects_funding"] - op["projects_cost"], **tol)
        assert op["organisation_result"] == pytest.approx(op["result"] + op["projects_result"], **tol)
        for p in x["projects"]:
            assert p["result"] == pytest.approx(sum(p["funding"].values()) - p["cost"], **tol)
            if p["name"] in rests:  # with a rest item a project never runs a deficit
                assert p["result"] >= -1e-9 * max(1.0, p["cost"])


# --- version 1 golden figures ---------------------------------------------------------------

V1_OPERATOR = ("staff_professional", "staff_volunteer", "housing", "activities", "overhead", "depreciation",
               "margin", "cost", "income_zin", "income_pgb", "income_contribution", "income_other", "subsidy",
               "income", "result")
V1_MUNICIPALITY = ("baseline", "scenario", "savings", "cumulative_savings")
V1_TARGET = ("year", "amount", "savings", "share", "locations_needed", "first_year_reached")
NEW_IN_V2 = {"savings_rest_on_substitution", "allowance_above_legal_max"}  # rules that v2 widened or added


def _v1(d: dict) -> dict:
    """The version 1 keys of a run JSON (and of each location of a plan)."""
    out = {
        "target": {k: d["target"][k] for k in V1_TARGET},
        "years": [{"year": x["year"], "operating_year": x["operating_year"],
                   "operator": {k: x["operator"][k] for k in V1_OPERATOR},
                   "municipality": {k: x["municipality"][k] for k in V1_MUNICIPALITY}} for x in d["years"]],
    }
    for k in ("name", "locations"):
        if k in d:
            out[k] = d[k]
    if "locations_detail" in d:
        out["locations_detail"] = [{"name": r["name"], "count": r["count"], **_v1(r)} for r in d["locations_detail"]]
    return out


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLDEN_V1.glob("*.yaml")))
def test_v1_scenarios_give_the_v1_figures(name):
    golden = json.loads((GOLDEN_V1 / f"{name}.json").read_text(encoding="utf-8"))
    model = load_model(GOLDEN_V1 / f"{name}.yaml")
    got = run_dict(model, run_model(model), lang="en")
    assert _v1(got) == _v1(golden)
    before, now = {w["code"] for w in golden["warnings"]}, codes(got)
    assert before <= now and now - before <= NEW_IN_V2, (before, now)


def test_v1_golden_has_every_shipped_v1_scenario():
    assert {p.stem for p in GOLDEN_V1.glob("*.yaml")} == {
        "aldlan-mix", "base", "commercial", "leeuwarden-kamers", "leeuwarden-kamers-professionals",
        "letters-scenario", "volunteers-only"}
    assert all(math.isfinite(json.loads(p.read_text())["target"]["amount"]) for p in GOLDEN_V1.glob("*.json"))
