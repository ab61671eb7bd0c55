"""The engine against figures worked out by hand (MODEL.md section 3)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from aldlan_model.engine.room import run
from aldlan_model.engine.warnings import warnings_for
from aldlan_model.io.loader import load_scenario
from tests.conftest import write

# A small scenario whose figures are easy to work out by hand: no indexation, a norm that
# is not met, cover_deficit, a start one year after `first`, depreciation over two years.
NORM = """\
name: Norm en tekort
period: {first: 2020, last: 2023, start: 2021}
target: {amount: 100000, year: 2022}
opening: {weeks_per_year: 40, dagdelen_per_week: 8, hours_per_dagdeel: 4}
participants:
  zin: {count: 10, dagdelen_per_week: 4}
  without_indication: {count: 10, dagdelen_per_week: 1}
staff:
  - {role: begeleider, kind: professional, fte: 0.5, salary: 40000, employer_charges: 0.25}
  - {role: vrijwilliger, kind: volunteer, count: 0, hours_per_week: 3}
costs:
  housing: 5000
  per_participant_dagdeel: 2
  overhead: 0.1
  startup: {amount: 6000, depreciation_years: 2}
income: {contribution: 1, subsidy: cover_deficit}
tariffs:
  buurtkamer: {zin: 20, pgb: 15}
  baseline: {zin: 30, pgb: 20}
transport: {baseline: 10}
municipality: {assessment_per_indication: 500, substitution: 0.5}
"""


def year(result, name: str, y: int) -> float:
    return float(result.lines[name][0, y - result.structure.first])


def test_example_2020_by_hand(example):
    r = run(load_scenario(example))
    # 2020 is operating year 2: ramp 0.8, indices (1.025, 1.02, 1.02)
    # staff_professional = (1.5 × 34000 × 1.30 + 6 × 48 × 65) × 1.025 = (66300 + 18720) × 1.025
    assert year(r, "staff_professional", 2020) == pytest.approx(87145.5)
    # staff_volunteer = 10 × (1200 + 150) × 1.02 = 13770
    assert year(r, "staff_volunteer", 2020) == pytest.approx(13770.0)
    # P_zin = 12 × 3 × 48 × 0.8 = 1382.4; P_pgb = 4 × 3 × 48 × 0.8 = 460.8; P_none = 20 × 2 × 48 × 0.8 = 1536
    # activities = 4.50 × (1382.4 + 460.8 + 1536) × 1.02 = 4.5 × 3379.2 × 1.02 = 15510.528
    assert year(r, "activities", 2020) == pytest.approx(15510.528)
    # income_zin = 30.51 × 1.02 × 1382.4 = 43020.56448
    assert year(r, "income_zin", 2020) == pytest.approx(43020.56448)
    # income_pgb = 22.88 × 1.02 × 460.8 = 10753.96608
    assert year(r, "income_pgb", 2020) == pytest.approx(10753.96608)
    # income_contribution = 2.50 × 1.02 × 1536 = 3916.8; income_other = 6000 × 1.02 = 6120
    assert year(r, "income_contribution", 2020) == pytest.approx(3916.8)
    assert year(r, "income_other", 2020) == pytest.approx(6120.0)
    # baseline = 1.02 × (38.40 × (1382.4 + 0.25 × 1536) + 28.80 × 460.8
    #                    + 13.75 × (1382.4 + 460.8 + 0.25 × 1536) + 700 × (12.8 + 0.25 × 16))
    #          = 1.02 × (67829.76 + 13271.04 + 30624 + 11760) = 1.02 × 123484.8 = 125954.496
    assert year(r, "baseline", 2020) == pytest.approx(125954.496)
    # scenario = 43020.56448 + 10753.96608 + 0 (subsidy) + 0 (transport) + 700 × 1.02 × 12.8 = 62913.73056
    assert year(r, "scenario", 2020) == pytest.approx(62913.73056)
    assert year(r, "savings", 2020) == pytest.approx(125954.496 - 62913.73056)


def test_example_ramp_depreciation_and_target(example):
    r = run(load_scenario(example))
    # 2019 is operating year 1 (ramp 0.5): P_zin = 12 × 3 × 48 × 0.5 = 864 → income_zin = 30.51 × 864 = 26360.64
    assert year(r, "income_zin", 2019) == pytest.approx(26360.64)
    # depreciation = 20000 / 5 = 4000 in operating years 1–5 (2019–2023), then 0
    assert [year(r, "depreciation", y) for y in range(2019, 2026)] == [4000.0] * 5 + [0.0, 0.0]
    # 2021: full operation, t = 1.02² = 1.0404; savings per location is the target's base
    savings_2021 = year(r, "savings", 2021)
    assert r.target["savings"][0] == pytest.approx(savings_2021)
    assert r.target["share"][0] == pytest.approx(savings_2021 / 3_600_000)
    assert r.target["locations_needed"][0] == math.ceil(3_600_000 / savings_2021)
    # cumulative savings is the running sum
    assert year(r, "cumulative_savings", 2022) == pytest.approx(sum(year(r, "savings", y) for y in range(2019, 2023)))


def test_norm_enforced_cover_deficit_and_start(tmp_path):
    s = load_scenario(write(tmp_path, "norm.yaml", NORM))
    r = run(s)
    # present = 0.5 fte × 36 h / (8 dagdelen × 4 h) = 0.5625 professionals; capacity = 0.5625 × 8 = 4.5
    # demand = 10 × 4 / 8 = 5 indicated per dagdeel → served share f = 4.5 / 5 = 0.9, 9 of 10 ZIN served
    assert r.staffing["served_share"][0] == pytest.approx(0.9)
    # 2020 lies before start: every flow is 0
    assert all(year(r, name, 2020) == 0 for name in r.lines)
    # 2021 (operating year 1, ramp 1.0, no indexation):
    # staff 0.5 × 40000 × 1.25 = 25000; housing 5000; P_zin = 9 × 4 × 40 = 1440; P_none = 10 × 1 × 40 = 400
    # activities = 2 × (1440 + 400) = 3680; overhead = 0.1 × (25000 + 5000 + 3680) = 3368
    # depreciation = 6000 / 2 = 3000 → cost = 25000 + 5000 + 3680 + 3368 + 3000 = 40048
    assert year(r, "cost", 2021) == pytest.approx(40048.0)
    # income: ZIN 20 × 1440 = 28800; contribution 1 × 400 = 400 → subsidy = 40048 − 29200 = 10848; result 0
    assert year(r, "subsidy", 2021) == pytest.approx(10848.0)
    assert year(r, "result", 2021) == pytest.approx(0.0, abs=1e-9)
    # baseline = 30 × (1440 + 0.5 × 400) + 10 × (1440 + 0.5 × 400) + 500 × (9 + 0.5 × 10) = 49200 + 16400 + 7000
    assert year(r, "baseline", 2021) == pytest.approx(72600.0)
    # scenario = 28800 + 10848 + 500 × 9 = 44148 → savings 28452
    assert year(r, "scenario", 2021) == pytest.approx(44148.0)
    assert year(r, "savings", 2021) == pytest.approx(28452.0)
    # 2023: depreciation has ended (2 years) → cost 37048, subsidy 7848, scenario 41148, savings 31452
    assert year(r, "depreciation", 2023) == 0.0
    assert year(r, "subsidy", 2023) == pytest.approx(7848.0)
    assert year(r, "savings", 2023) == pytest.approx(31452.0)
    # target 2022 = 100000: share 0.28452, locations needed ceil(100000 / 28452) = ceil(3.51) = 4
    assert r.target["share"][0] == pytest.approx(0.28452)
    assert r.target["locations_needed"][0] == 4
    codes = [w.code for w in warnings_for(r, s)]
    assert codes == ["norm_not_met"]


def test_norm_not_enforced_serves_everybody_but_still_warns(tmp_path):
    s = load_scenario(write(tmp_path, "norm.yaml", NORM), ["norms.enforce=false"])
    r = run(s)
    # f = 1: P_zin = 10 × 4 × 40 = 1600 → income_zin = 20 × 1600 = 32000
    assert r.staffing["served_share"][0] == 1.0
    assert year(r, "income_zin", 2021) == pytest.approx(32000.0)
    assert [w.code for w in warnings_for(r, s)] == ["norm_not_met"]


def test_locations_multiply_money_but_not_locations_needed(tmp_path):
    s = load_scenario(write(tmp_path, "norm.yaml", NORM), ["locations=3"])
    r = run(s)
    # 3 rooms × 28452 = 85356 in 2021
    assert year(r, "savings", 2021) == pytest.approx(85356.0)
    assert r.target["locations_needed"][0] == 4
    assert r.target["share"][0] == pytest.approx(3 * 0.28452)


def test_warnings_deficit_allowance_no_savings_start_after_target(tmp_path):
    text = NORM.replace("subsidy: cover_deficit", "subsidy: 0").replace(
        "count: 0, hours_per_week: 3}", "count: 2, hours_per_week: 3, allowance: 600}"
    ).replace("start: 2021", "start: 2023")
    s = load_scenario(write(tmp_path, "w.yaml", text))
    r = run(s)
    codes = [w.code for w in warnings_for(r, s)]
    # 600 / (3 h × 40 weeks) = € 5,00 per hour: at the hourly maximum, not above it; 600 is below every
    # yearly maximum. Only the norm, the deficit (no subsidy), no savings in 2022 (not open yet),
    # start after target.
    assert codes == ["norm_not_met", "operator_deficit", "no_savings", "start_after_target"]
    s2 = load_scenario(write(tmp_path, "w2.yaml", text.replace("start: 2023", "start: 2020").replace(
        "allowance: 600", "allowance: 1750")))
    r2 = run(s2)
    codes2 = [w.code for w in warnings_for(r2, s2)]
    # 1750 > 1700 (2020's legal maximum) in operating year 2020; 1750 / 120 h = € 14,58 per hour is
    # above the hourly maximum in every year (v2), so every operating year is named
    assert "allowance_above_legal_max" in codes2
    over = [w for w in warnings_for(r2, s2) if w.code == "allowance_above_legal_max"][0]
    assert over.facts["years"] == [2020, 2021, 2022, 2023]
    assert over.facts["maximum"] == 1700.0 and over.facts["per"] == "year"


def test_allowance_per_hour_and_count_zero(tmp_path):
    # v2: 720 / (3 h × 40 weeks) = € 6,00 per hour > € 5,00 (2020–2023), below every yearly maximum
    text = NORM.replace("count: 0, hours_per_week: 3}", "count: 2, hours_per_week: 3, allowance: 720}")
    s = load_scenario(write(tmp_path, "h.yaml", text))
    r = run(s)
    over = [w for w in warnings_for(r, s) if w.code == "allowance_above_legal_max"]
    assert len(over) == 1 and over[0].facts["per"] == "hour"
    assert over[0].facts["per_hour"] == pytest.approx(6.0) and over[0].facts["maximum"] == 5.0
    assert over[0].facts["years"] == [2021, 2022, 2023]  # operating years only (start 2021)
    # a line with count 0 pays no one: no warning, the yearly test included (5000 > every maximum)
    s0 = load_scenario(write(tmp_path, "z.yaml", NORM.replace(
        "count: 0, hours_per_week: 3}", "count: 0, hours_per_week: 3, allowance: 5000}")))
    assert "allowance_above_legal_max" not in [w.code for w in warnings_for(run(s0), s0)]


def test_cover_deficit_never_negative_and_equal_variants(tmp_path):
    s = load_scenario(write(tmp_path, "norm.yaml", NORM))
    r = run(s)
    assert np.all(r.lines["result"] >= -1e-9)


NOISE = """\
name: ruis
period: {first: 2019, last: 2021}
target: {amount: 3600000, year: 2021}
opening: {weeks_per_year: 48, dagdelen_per_week: 8}
participants:
  zin: {count: 12, dagdelen_per_week: 1}
staff:
  - {role: begeleider, kind: professional, hours_per_week: 32, hourly_cost: 30}
tariffs:
  buurtkamer: {zin: 28.40, pgb: 22.88}
  baseline:   {zin: 38.40, pgb: 28.80}
"""


def test_exact_ratios_survive_float_noise(tmp_path):
    # savings = (38.40 − 28.40) × 12 × 1 × 48 = 5760 (computed as 5759.999999999998);
    # 3,600,000 / 5760 = 625 rooms exactly, not 626
    r = run(load_scenario(write(tmp_path, "n.yaml", NOISE)))
    assert r.target["savings"][0] == pytest.approx(5760.0)
    assert r.target["locations_needed"][0] == 625


def test_savings_of_float_noise_are_no_savings(tmp_path):
    # 38.40 in the buurtkamer against 30.51 + 7.89 transport regular: savings 0 up to 1e-11
    text = NOISE.replace("zin: 28.40", "zin: 38.40").replace("zin: 38.40, pgb: 28.80", "zin: 30.51, pgb: 28.80")
    text += "transport: {baseline: 7.89}\n"
    s = load_scenario(write(tmp_path, "z.yaml", text))
    r = run(s)
    assert abs(r.target["savings"][0]) < 1e-6
    assert math.isnan(r.target["locations_needed"][0])
    assert "no_savings" in [w.code for w in warnings_for(r, s)]


def test_norm_met_exactly_is_met(tmp_path):
    # 0.6 fte × 36 h + 2.4 h = 24 h; present = 24 / (8 × 4) = 0.75; capacity = 0.75 × 8 = 6
    # demand = 24 ZIN × 2 dagdelen / 8 = 6: the norm is met, everyone is served
    text = NOISE.replace("count: 12, dagdelen_per_week: 1", "count: 24, dagdelen_per_week: 2").replace(
        "  - {role: begeleider, kind: professional, hours_per_week: 32, hourly_cost: 30}\n",
        "  - {role: b, kind: professional, fte: 0.6, salary: 34000}\n"
        "  - {role: c, kind: professional, hours_per_week: 2.4, hourly_cost: 45}\n")
    s = load_scenario(write(tmp_path, "m.yaml", text))
    r = run(s)
    assert r.staffing["served_share"][0] == 1.0
    assert "norm_not_met" not in [w.code for w in warnings_for(r, s)]
