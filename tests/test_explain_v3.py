"""``aldlan explain`` for the version 3 figures (MODEL.md §2.7–2.12, §3.4–3.9), worked by hand.

The scenario V3 below is small enough to work out with a calculator; every expected number is
worked out in a comment first, and the tests pin the lines a council member would check.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from tests.conftest import write

runner = CliRunner()

# Worked by hand (MODEL.md §3.1–3.8), every year 2019–2021 (ramp 1, no tariff or wage index; prices +10 %):
#   p = 1, 1,1, 1,21.  P_zin = 10 × 2 × 40 × 1 × 0,9 (attendance) = 720;  P_none = 5 × 2 × 40 × 0,9 = 360;
#   N_zin = 10, N_none = 5.  Origins m = 0,5, q = 0,4, n = 0,1.
#   tariff_difference = (40 − 30) × 0,5 × 720 = 3.600
#   transport_avoided = (5 − 1) × (0,5 + 0,4) × 720 = 2.592
#   new_clients = −0,1 × ((30 + 1) × 720 + 100 × 10) = −0,1 × 23.320 = −2.332
#   substitution = −0,1 × ((40 + 5) × 360 + 100 × 5) = −1.670 (induced demand)
#   paid = −(500 × p): −500, −550, −605
#   savings = 3.600 + 2.592 − 2.332 − 1.670 − 500 p = 1.690, 1.640, 1.585
#   savings_hard = savings − max(0; −1.670) = savings (a negative substitution stays in)
#   staff: 18 h / 36 h = 0,5 fte × 36.000 × 1,25 = 22.500; depreciation 10.000 / 5 = 2.000
#   income_zin = 30 × 720 = 21.600; contribution = 2 × 360 × p = 720 p; other = 10.500 p (9.000 municipal,
#   1.000 external, 500 wmo); result = 21.600 + 11.220 p − 24.500 = 8.320, 9.442, 10.676,20
#   receivable = 21.600 × 73 / 365 = 4.320 each year; start-up 10.000 paid in 2019
#   cash 2019 = 8.320 + 2.000 − 10.000 − (4.320 − 0) = −4.000; 2020 = 9.442 + 2.000 = 11.442;
#   2021 = 10.676,20 + 2.000 = 12.676,20; cumulative −4.000, 7.442, 20.118,20 → need 4.000, recovered
#   payers 2021: wmo 1.585, municipal −10.890, participants −871,20, external −1.210, organisation 10.676,20,
#   total −710
#   pv_savings (r = 0,1) = 1.690 / (1 × 1) + 1.640 / (1,1 × 1,1) + 1.585 / (1,21 × 1,21)
#                        = 1.690 + 1.355,37 + 1.082,58 = 4.127,95
V3 = """\
name: Uitleg v3
period: {first: 2019, last: 2021, start: 2019}
target: {amount: 100000, year: 2021}
opening: {weeks_per_year: 40, dagdelen_per_week: 8}
participants:
  zin: {count: 10, dagdelen_per_week: 2, origin: {reindicated: 0.5, same_product: 0.4, new: 0.1}}
  without_indication: {count: 5, dagdelen_per_week: 2}
  attendance: 0.9
staff:
  - {role: begeleider, kind: professional, hours_per_week: 18, salary: 36000, employer_charges: 0.25}
costs:
  startup: {amount: 10000, depreciation_years: 5}
income:
  contribution: 2
  payment_days: 73
  other:
    - {name: Huur wijkteam, amount: 9000, budget: municipal}
    - {name: Zaalverhuur, amount: 1000}
    - {name: Wmo-bijdrage, amount: 500, budget: wmo}
tariffs:
  buurtkamer: {zin: 30, pgb: 0}
  baseline: {zin: 40, pgb: 0}
transport: {buurtkamer: 1, baseline: 5}
municipality: {assessment_per_indication: 100, substitution: -0.1}
indexation: {prices: 0.1}
discount_rate: 0.1
norms: {enforce: false}
"""

# A tariff published for 2023 in a 2019–2025 period, with a dated tariffs index (MODEL.md §2.11, §3.9):
#   t_2021 = (1 + 0,03) × (1 + 0,02) = 1,0506
#   t_2023 = 1,0506 × (1 + 0,04) × (1 + 0,05) = 1,0506 × 1,092 = 1,1472552
#   2021 lies before the only key 2023: that key applies, indexed back by t_2021 / t_2023 = 1 / 1,092
#   = 0,91575092 (8 decimals); tariff 2021 = 35,76 × 0,91575092 = 32,747253 (35,76 / 1,092 = 32,7472527…)
#   P_zin = 10 × 2 × 40 × 0,9 = 720;  income_zin 2021 = 32,7472527… × 720 = 23.578,02
#   2025: key 2023 carried forward with the 2023 rate: t_2025 / t_2023 = 1,05 × 1,05 = 1,1025;
#   tariff 2025 = 35,76 × 1,1025 = 39,4254; income_zin = 39,4254 × 720 = 28.386,288 → 28.386,29
DATED = """\
name: Gedateerd tarief
period: {first: 2019, last: 2025, start: 2019}
opening: {weeks_per_year: 40, dagdelen_per_week: 8}
participants:
  zin: {count: 10, dagdelen_per_week: 2}
  attendance: 0.9
tariffs:
  buurtkamer:
    zin: {2023: {value: 35.76, source: "Westerveld, tarieven Wmo 2023"}}
    pgb: 0
  baseline: {zin: 46.15, pgb: 0}
indexation:
  tariffs: {2020: 0.03, 2021: 0.02, 2022: 0.04, 2023: 0.05}
norms: {enforce: false}
"""


def explain(path, metric: str, *extra: str) -> list[str]:
    r = runner.invoke(app, ["explain", str(path), metric, *extra], env={"COLUMNS": "400", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.output
    return r.output.replace("\u00a0", " ").splitlines()  # money has a no-break space after €


@pytest.fixture
def v3(tmp_path):
    return write(tmp_path, "v3.yaml", V3)


@pytest.fixture
def dated(tmp_path):
    return write(tmp_path, "dated.yaml", DATED)


def test_dated_tariff_shows_key_index_and_arithmetic(dated):
    out = explain(dated, "income_zin", "--year", "2021")
    assert "   = (1 + indexation.tariffs 2020) × (1 + indexation.tariffs 2021)" in out
    assert "   = (1 + 0,03) × (1 + 0,02)" in out
    assert "   = 1,0506" in out
    assert "   = (1 + 0,03) × (1 + 0,02) × (1 + 0,04) × (1 + 0,05)" in out
    assert "   = 1,1472552" in out
    key = out.index("5. tariffs.buurtkamer.zin in 2021: sleutel 2023 geldt (2021 ligt vóór de eerste sleutel; "
                    "die wordt met de index teruggerekend)")
    assert out[key + 1:key + 4] == [
        "   = waarde van 2023 × tariefindex 2021 / tariefindex 2023",
        "   = € 35,76 × 1,0506 / 1,1472552 = € 35,76 × 0,91575092",
        "   = € 32,747253",
    ]
    assert out[key + 4:key + 8] == [
        "6. Inkomsten Wmo ZIN",
        "   = tariffs.buurtkamer.zin 2021 × deelnemer-dagdelen ZIN",
        "   = € 32,747253 × 720",
        "   = € 23.578,02",
    ]
    assert "  tariffs.buurtkamer.zin (sleutel 2023) = 35,76  [Westerveld, tarieven Wmo 2023]" in out


def test_dated_tariff_after_its_key_is_carried_forward(dated):
    out = explain(dated, "income_zin", "--year", "2025")
    assert any(line.startswith("5. tariffs.buurtkamer.zin in 2025: sleutel 2023 geldt (de laatste sleutel ≤ 2025")
               for line in out)
    assert "   = € 35,76 × 1,26484886 / 1,1472552 = € 35,76 × 1,1025" in out  # 1,1472552 × 1,1025
    assert "   = € 39,4254 × 720" in out
    assert "Uitkomst: € 28.386,29" in out


def test_dated_tariff_in_english(dated):
    out = explain(dated, "income_zin", "--year", "2021", "--lang", "en")
    assert any(line.startswith("5. tariffs.buurtkamer.zin in 2021: key 2023 applies (2021 lies before the first key")
               for line in out)
    assert "   = €35.76 × 1.0506 / 1.1472552 = €35.76 × 0.91575092" in out
    assert "   = €32.747253 × 720" in out
    assert "Result: €23,578.02" in out


def test_attendance_in_every_participant_dagdeel_step(v3):
    out = explain(v3, "income_contribution", "--year", "2021")
    assert "   = 5 × 2 × 40 × 1 × 0,9" in out  # P_none = 5 × 2 × 40 × ramp 1 × attendance 0,9 = 360
    assert any("× aanwezigheid" in line for line in out)
    assert "   = income.contribution × prijsindex × (deelnemer-dagdelen zonder indicatie + " \
           "deelnemer-dagdelen oud-cliënten)" in out
    assert "   = € 2,00 × 1,21 × 360" in out and "Uitkomst: € 871,20" in out


def test_new_clients_with_the_origin_shares(v3):
    out = explain(v3, "new_clients", "--year", "2021")
    # −0,1 × ((30 + 1) × 720 + 100 × 10) = −2.332 (the PGB group is empty)
    assert "   = −(0,1 × ((€ 30,00 × 1 + € 1,00 × 1) × 720 + € 100,00 × 1 × 10) + 0 × ((€ 0,00 × 1 + " \
           "€ 1,00 × 1) × 0 + € 100,00 × 1 × 0))" in out
    assert "Uitkomst: € -2.332,00" in out
    assert any("n ZIN (nieuw)" in line for line in out)


def test_tariff_difference_and_transport_only_for_who_had_an_indicatie(v3):
    out = explain(v3, "tariff_difference", "--year", "2021")
    assert "   = (€ 40,00 × 1 − € 30,00 × 1) × 0,5 × 720 + (€ 0,00 × 1 − € 0,00 × 1) × 1 × 0" in out
    assert "Uitkomst: € 3.600,00" in out and any("m ZIN (herindicatie)" in line for line in out)
    assert any("herindicatie naar het lichtere product" in line for line in out)  # the saving that needs it
    out = explain(v3, "transport_avoided", "--year", "2021")
    assert "   = (€ 5,00 × 1 − € 1,00 × 1) × ((0,5 + 0,4) × 720 + (1 + 0) × 0)" in out
    assert "Uitkomst: € 2.592,00" in out


def test_savings_hard_keeps_a_negative_substitution(v3):
    out = explain(v3, "savings_hard", "--year", "2021")
    assert "   = -0,1 × ((€ 40,00 × 1 + € 5,00 × 1) × 360 + € 100,00 × 1 × 5)" in out
    assert "   = € 1.585,00 − max(0; € -1.670,00)" in out
    assert "Uitkomst: € 1.585,00" in out


def test_baseline_and_scenario_by_origin(v3):
    # baseline = (0,5 × 40 + 0,4 × 30) × 720 + 5 × 0,9 × 720 + 100 × 0,9 × 10 − 1.670 = 23.040 + 3.240 + 900
    #            − 1.670 = 25.510;  scenario 2021 = 21.600 + 720 + 1.000 + 605 = 23.925;  savings = 1.585
    out = explain(v3, "baseline", "--year", "2021")
    assert "   = (0,5 × € 40,00 × 1 + 0,4 × € 30,00 × 1) × 720" in out
    assert "Uitkomst: € 25.510,00" in out
    out = explain(v3, "scenario", "--year", "2021")
    assert "   = € 21.600,00 + € 0,00 + € 0,00 + € 720,00 + € 1.000,00 + € 0,00 + € 605,00" in out
    assert "Uitkomst: € 23.925,00" in out


def test_other_income_by_budget_and_net_municipality(v3):
    out = explain(v3, "income_other_municipal", "--year", "2021")
    assert out[out.index("2. Huur wijkteam (municipal)") + 2] == "   = € 9.000,00 × 1,21"
    assert "Uitkomst: € 10.890,00" in out
    assert "Uitkomst: € 1.210,00" in explain(v3, "income_other_external", "--year", "2021")
    assert "Uitkomst: € 605,00" in explain(v3, "income_other_wmo", "--year", "2021")
    out = explain(v3, "net_municipality", "--year", "2021")  # 1.585 − 0 − 10.890 = −9.305
    assert "   = € 1.585,00 − € 0,00 − € 10.890,00" in out and "Uitkomst: € -9.305,00" in out
    out = explain(v3, "paid", "--year", "2021")
    assert "   = −(€ 0,00 + € 0,00 + € 605,00)" in out


def test_cash_receivable_and_startup(v3):
    out = explain(v3, "receivable", "--year", "2019")
    assert "   = (€ 21.600,00 + € 0,00) × 73 / 365" in out and "Uitkomst: € 4.320,00" in out
    assert "Uitkomst: € 10.000,00" in explain(v3, "startup_paid", "--year", "2019")
    assert "Uitkomst: € 0,00" in explain(v3, "startup_paid", "--year", "2020")
    out = explain(v3, "cash", "--year", "2019")
    assert "   = € 8.320,00 + € 2.000,00 − € 10.000,00 − (€ 4.320,00 − € 0,00)" in out
    assert "Uitkomst: € -4.000,00" in out
    out = explain(v3, "cumulative_cash", "--year", "2021")
    assert "   = € -4.000,00 + € 11.442,00 + € 12.676,20" in out and "Uitkomst: € 20.118,20" in out


def test_financing_need_in_cash_is_a_bridge_only_when_recovered(v3, tmp_path):
    out = explain(v3, "financing_need")
    assert "   = € 0,00 + (€ 8.320,00 + € 2.000,00 − € 10.000,00 − (€ 4.320,00 − € 0,00))" in out
    assert "   = max(0; −(€ -4.000,00)) (2019)" in out and "Uitkomst: € 4.000,00" in out
    assert any("dus dit is overbruggingsfinanciering" in line for line in out)
    # housing 20.000 × p: cash −24.000, −10.558, −11.523,80 → cumulative −46.081,80, never recovered
    out = explain(v3, "financing_need", "--set", "costs.housing=20000")
    assert "Uitkomst: € 46.081,80" in out
    text = " ".join(" ".join(out).split())  # the rule is one paragraph, wrapped by the terminal
    assert "niet terugverdiend" in text and "Dit is geen overbrugging" in text
    assert "dus dit is overbruggingsfinanciering" not in text


def test_payback_year_never_negative_is_the_first_year_of_the_room(tmp_path):
    # all other income external: net_municipality = savings = 1.690, 1.640, 1.585, never negative → start 2019
    path = write(tmp_path, "ext.yaml", V3.replace("budget: municipal", "budget: external")
                 .replace("period: {first: 2019, last: 2021, start: 2019}", "period: {first: 2018, last: 2021, "
                                                                           "start: 2019}"))
    out = explain(path, "payback_year")
    assert "Uitkomst: 2019" in out
    assert any("nooit negatief" in line and "(2019)" in line for line in out)


def test_present_value_terms_and_sum(v3):
    out = explain(v3, "pv_savings")
    assert out[out.index("2. Besparing 2020 contant gemaakt") + 2] == "   = € 1.640,00 / (1,1 × (1 + 0,1) ^ 1)"
    assert out[out.index("3. Besparing 2021 contant gemaakt") + 2] == "   = € 1.585,00 / (1,21 × (1 + 0,1) ^ 2)"
    assert "   = € 1.690,00 + € 1.355,37 + € 1.082,58" in out
    assert "Uitkomst: € 4.127,95" in out
    for metric in ("pv_savings_hard", "pv_net_municipality", "pv_organisation_result"):
        assert any(line.startswith("Uitkomst: ") for line in explain(v3, metric))


def test_payers_add_up(v3):
    out = explain(v3, "payers_total", "--year", "2021")
    assert "   = € 1.585,00 + € -10.890,00 + € -871,20 + € -1.210,00 + € 10.676,20" in out
    assert "Uitkomst: € -710,00" in out
    assert "   = −(€ 0,00 + € 10.890,00)" in explain(v3, "payers_municipal", "--year", "2021")
    assert "Uitkomst: € -871,20" in explain(v3, "payers_participants", "--year", "2021")


def test_part_time_salary_reads_hours_as_fte(v3):
    out = explain(v3, "staff_professional", "--year", "2021")
    i = out.index("1. begeleider: fte")
    assert out[i + 1:i + 4] == ["   = staff.0.hours_per_week / norms.hours_per_fte", "   = 18 / 36", "   = 0,5"]
    assert "   = 0,5 × € 36.000,00 × 1 × 1,25" in out and "Uitkomst: € 22.500,00" in out


def test_new_clients_in_english(v3):
    out = explain(v3, "new_clients", "--year", "2021", "--lang", "en")
    assert out[0] == "How was New clients (no indicatie before) in 2021 computed?"
    assert "   = −(0.1 × ((€30.00 × 1 + €1.00 × 1) × 720 + €100.00 × 1 × 10) + 0 × ((€0.00 × 1 + €1.00 × 1) × 0 + "\
           "€100.00 × 1 × 0))" in out
    assert any("n ZIN (new)" in line for line in out)


def test_metric_list_and_suggestion_know_the_new_figures(v3):
    r = runner.invoke(app, ["explain", str(v3), "cumulative_csh"], env={"COLUMNS": "400", "NO_COLOR": "1"})
    assert r.exit_code == 2 and "bedoelde u 'cumulative_cash'?" in r.output
    for name in ("new_clients", "payers_total", "pv_savings", "income_other_municipal", "startup_paid"):
        assert name in r.output
    r = runner.invoke(app, ["explain", "--help"], env={"COLUMNS": "400", "NO_COLOR": "1"})
    for name in ("new_clients", "cumulative_cash", "pv_organisation_result", "payers_wmo", "receivable"):
        assert name in r.output, name


PLAN = """\
extends: v3.yaml
locations:
  - {name: Oost, count: 2}
  - {name: West, participants: {attendance: 0.8}}
"""


@pytest.mark.parametrize("metric", ["new_clients", "cash", "payers_total", "income_other_municipal", "pv_savings",
                                    "financing_need"])
def test_plan_explains_the_new_figures(tmp_path, v3, metric):
    write(tmp_path, "v3.yaml", V3)
    plan = write(tmp_path, "plan.yaml", PLAN)
    out = explain(plan, metric, "--location", "West")
    assert any("(West)" in line for line in out[:1])
    assert any(line.startswith("Uitkomst: ") for line in explain(plan, metric))
