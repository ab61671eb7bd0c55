"""``aldlan solve``: answers worked out by hand, put back through ``run``; bounds; no-solution cases."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from aldlan_model.analysis.metrics import metric_values
from aldlan_model.analysis.overrides import number_text, scenario_at
from aldlan_model.analysis.paths import Bounds, bounds, check_variable
from aldlan_model.analysis.solve import parse_goal, solve
from aldlan_model.cli.app import app
from aldlan_model.engine.room import run
from aldlan_model.io.loader import load_scenario, read_document
from aldlan_model.model.errors import ScenarioError, SolveError, UsageError
from tests.conftest import EXAMPLE, V2, write

# No indexation, ramp 1, one professional paid by the hour: every figure by hand.
# staff_professional = 32 h × 40 weeks × €50 = 64,000; housing 10,000 → cost 74,000 a year.
# Norm: present = 32 / (8 × 4) = 1 professional, capacity 8; demand = zin × 2 / 8 = zin / 4,
# so served zin' = min(zin, 32). P_zin = zin' × 2 × 40 = 80 zin'.
# income_zin = 20 × 80 zin' = 1,600 zin'; result = 1,600 zin' − 74,000.
# savings = (30 − 20) × 80 zin' = 800 zin' per location (8,000 with zin = 10).
SIMPLE = """\
name: Eenvoudig
period: {first: 2020, last: 2022}
target: {amount: 100000, year: 2021}
opening: {weeks_per_year: 40, dagdelen_per_week: 8}
participants:
  zin: {count: 10, dagdelen_per_week: 2}
staff:
  - {role: begeleider, kind: professional, hours_per_week: 32, hourly_cost: 50}
costs: {housing: 10000}
tariffs:
  buurtkamer: {zin: 20, pgb: 15}
  baseline: {zin: 30, pgb: 20}
"""

runner = CliRunner()


@pytest.fixture
def simple(tmp_path):
    return write(tmp_path, "simple.yaml", SIMPLE)


def achieved(path, overrides, metric, year=None):
    """The metric of an ordinary run of the file with these overrides."""
    return float(metric_values(run(load_scenario(path, overrides)), metric, year)[0])


def test_break_even_without_the_norm_is_linear(simple):
    # result = 1,600 zin − 74,000 = 0  →  zin = 46.25; the smallest whole number reaching it is 47
    sol = solve(read_document(simple), "participants.zin.count", "result", 0.0, fixed=["norms.enforce=false"])
    assert sol.value == pytest.approx(46.25, abs=1e-9)
    assert sol.method == "linear"
    assert sol.exact
    assert sol.whole_value == 47
    assert abs(achieved(simple, ["norms.enforce=false", f"participants.zin.count={number_text(sol.value)}"],
                        "result")) <= 0.005
    assert achieved(simple, ["norms.enforce=false", "participants.zin.count=47"], "result") >= 0  # 1,200
    assert achieved(simple, ["norms.enforce=false", "participants.zin.count=46"], "result") < 0  # −400


def test_break_even_is_out_of_reach_when_the_norm_caps_the_served_participants(simple):
    # with the norm at most 32 are served: result runs from −74,000 (zin 0) to 1,600 × 32 − 74,000 = −22,800
    with pytest.raises(SolveError) as exc:
        solve(read_document(simple), "participants.zin.count", "result", 0.0)
    assert str(exc.value) == (
        "geen waarde van participants.zin.count van 0 tot 1.000.000.000 (de zoekgrens) brengt result op minstens "
        "€ 0: over dat bereik loopt result van € -74.000 tot € -22.800"
    )


def test_piecewise_staffing_norm_hours(simple):
    # served share f = min(1, (h / 4) / 2.5) = min(1, h / 10); savings = 8,000 × f.
    # savings 4,000 → h = 5, on the rising piece before the kink at h = 10
    sol = solve(read_document(simple), "staff.0.hours_per_week", "savings", 4000.0)
    assert sol.method == "piecewise"
    assert sol.value == pytest.approx(5.0, abs=1e-9)
    assert abs(achieved(simple, [f"staff.0.hours_per_week={number_text(sol.value)}"], "savings") - 4000) <= 0.005


def test_piecewise_cover_deficit(simple):
    # 20 riders-along × 1 dagdeel × 40 weeks = 800 dagdelen; subsidy = max(0, 74,000 − 16,000 − 800 c)
    # subsidy 20,000 → c = 38,000 / 800 = 47.5 (the kink, where the subsidy stops, is at c = 72.5)
    fixed = ["income.subsidy=cover_deficit", "participants.without_indication.count=20",
             "participants.without_indication.dagdelen_per_week=1"]
    sol = solve(read_document(simple), "income.contribution", "subsidy", 20000.0, fixed=fixed)
    assert sol.value == pytest.approx(47.5, abs=1e-9)
    assert sol.method == "piecewise"
    assert abs(achieved(simple, [*fixed, f"income.contribution={number_text(sol.value)}"], "subsidy") - 20000) <= 0.005


def test_goal_met_at_the_lower_bound(simple):
    # with cover_deficit the result is 0 for every contribution up to 72.5: reached at 0 already
    sol = solve(read_document(simple), "income.contribution", "result", 0.0, fixed=["income.subsidy=cover_deficit"])
    assert sol.value == 0.0
    assert sol.achieved == 0.0


def test_whole_number_locations(simple):
    # savings = 8,000 × locations ≥ 100,000 → 13 (104,000); 12 gives 96,000
    sol = solve(read_document(simple), "locations", "savings", 100000.0)
    assert sol.value == 13
    assert sol.whole
    assert sol.achieved == pytest.approx(104000.0)
    assert achieved(simple, ["locations=12"], "savings") == pytest.approx(96000.0)
    # share = savings / target: the same answer
    assert solve(read_document(simple), "locations", "share", 1.0).value == 13


def test_whole_number_no_solution_reports_the_range(simple):
    # 10,000 locations save 80,000,000 at most
    with pytest.raises(SolveError, match="van 1 tot 10.000 brengt savings op minstens € 100.000.000: over dat "
                                         "bereik loopt savings van € 8.000 tot € 80.000.000"):
        solve(read_document(simple), "locations", "savings", 1e8)


def test_a_jump_past_the_goal_gives_the_reaching_side(simple):
    # depreciation 30,000 / d in operating years 1…d; 2021 is operating year 2, so for d < 2 nothing,
    # from d = 2 on 30,000 / d. Without the norm, zin 10: result 2021 = 16,000 − 74,000 = −58,000 (d < 2)
    # and −58,000 − 15,000 = −73,000 at d = 2: −60,000 is jumped over at d = 2 (the first crossing).
    fixed = ["norms.enforce=false", "costs.startup.amount=30000"]
    sol = solve(read_document(simple), "costs.startup.depreciation_years", "result", -60000.0, fixed=fixed)
    assert sol.value == 2.0
    assert not sol.exact
    assert sol.achieved == pytest.approx(-73000.0)


def test_solve_the_shipped_break_even_answer_meets_the_goal_to_the_cent():
    path = V2 / "aldlan-mix.yaml"
    sol = solve(read_document(path), "participants.zin.count", "result", 0.0)
    again = achieved(path, [f"participants.zin.count={number_text(sol.value)}"], "result")
    assert abs(again) <= 0.005
    # break-even at 11.90 participants: the shipped 12 leave € 557 in 2021, 11 a deficit of € 5.086
    assert sol.whole_value == 12
    assert achieved(path, ["participants.zin.count=12"], "result") >= 0
    assert achieved(path, ["participants.zin.count=11"], "result") < 0


def test_tariff_that_covers_costs_in_another_year():
    path = V2 / "aldlan-mix.yaml"
    sol = solve(read_document(path), "tariffs.buurtkamer.zin", "result", 0.0, year=2023)
    assert sol.year == 2023
    again = achieved(path, [f"tariffs.buurtkamer.zin={number_text(sol.value)}"], "result", 2023)
    assert abs(again) <= 0.005


@pytest.mark.parametrize(("text", "expected"), [
    ("result=0", ("result", 0.0, "at_least")), ("savings=3600000", ("savings", 3.6e6, "at_least")),
    (" share = 0.5", ("share", 0.5, "at_least")), ("cost=50000", ("cost", 50000.0, "at_most")),
    ("subsidy=0", ("subsidy", 0.0, "at_most")), ("cost>=50000", ("cost", 50000.0, "at_least")),
    ("result<=-100", ("result", -100.0, "at_most")),
])
def test_parse_goal(text, expected):
    assert parse_goal(text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("result", "--goal verwacht BEDRAG=WAARDE, bijv. result=0 of savings=3600000, maar dit is 'result'"),
    ("reslt=0", "onbekend bedrag 'reslt' (bedoelde u 'result'?); kies een van: savings, cumulative_savings, "
                "result, cost, income, subsidy, baseline, scenario, share, savings_hard, net_municipality, "
                "cumulative_net_municipality, organisation_result, cumulative_result, cash, cumulative_cash"),
    ("result=nul", "--goal result=nul: 'nul' is geen getal"),
])
def test_parse_goal_errors(text, message):
    with pytest.raises(UsageError) as exc:
        parse_goal(text)
    assert str(exc.value) == message


@pytest.mark.parametrize(("path", "message"), [
    ("period.first", "period.first bepaalt de opbouw van de berekening (het eerste jaar van de jarenas van het "
                     "model) en kan niet gevarieerd worden"),
    ("ramp_up", "ramp_up bepaalt de opbouw van de berekening (de lengte van de ramp_up-lijst)"),
    ("ramp_up.3", "ramp_up heeft in dit scenario 3 waarde(n) (ramp_up.0–ramp_up.2)"),
    ("staff.0.kind", "staff.0.kind bepaalt de opbouw van de berekening (het soort medewerker)"),
    ("staff.1.fte", "staff.1 (opbouwwerker) heeft geen getal 'fte'; zijn getallen zijn: staff.1.hours_per_week, "
                    "staff.1.hourly_cost"),
    ("norms.enforce", "norms.enforce is een ja/nee-instelling en kan niet gevarieerd worden"),
    ("participants.zin.cont", "'participants.zin.cont' is geen getal van dit scenario dat gevarieerd kan worden; "
                              "bedoelde u 'participants.zin.count'?"),
])
def test_what_cannot_be_varied(example, path, message):
    with pytest.raises(UsageError) as exc:
        check_variable(load_scenario(example), path)
    assert str(exc.value).startswith(message)


def test_cover_deficit_subsidy_cannot_be_varied(example):
    s = load_scenario(example, ["income.subsidy=cover_deficit"])
    with pytest.raises(UsageError, match="income.subsidy is in dit scenario cover_deficit"):
        check_variable(s, "income.subsidy")


@pytest.mark.parametrize("path", [
    "locations", "period.start", "target.year", "target.amount", "opening.weeks_per_year",
    "opening.dagdelen_per_week", "opening.hours_per_dagdeel", "participants.zin.count",
    "participants.pgb.dagdelen_per_week", "ramp_up.1", "staff.0.employer_charges", "staff.2.hours_per_week",
    "costs.overhead", "costs.margin", "costs.startup.depreciation_years", "municipality.substitution",
    "indexation.wages", "tariffs.baseline.zin",
])
def test_bounds_agree_with_the_loader(tmp_path, path):
    """Each bound is valid and a step beyond it is not, as the loader says."""
    doc = read_document(write(tmp_path, "example.yaml", EXAMPLE))
    b: Bounds = bounds(load_scenario(tmp_path / "example.yaml"), path)
    step = 1.0 if b.whole else 1e-6
    for edge, outside, is_open in ((b.lo, b.lo - step, b.lo_open), (b.hi, b.hi + step, b.hi_open)):
        if edge == float("inf"):
            continue
        inside = edge + (step if edge == b.lo else -step) if is_open else edge
        scenario_at(doc, [], {path: inside})  # valid
        with pytest.raises(ScenarioError):
            scenario_at(doc, [], {path: edge if is_open else outside})


def test_cli_json(simple):
    res = runner.invoke(app, ["solve", str(simple), "--vary", "locations", "--goal", "savings=100000", "-f", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert {k: data[k] for k in ("parameter", "value", "metric", "goal", "year", "achieved")} == {
        "parameter": "locations", "value": 13, "metric": "savings", "goal": 100000.0, "year": 2021,
        "achieved": pytest.approx(104000.0),
    }


def test_cli_sentence_in_dutch_and_english(simple):
    res = runner.invoke(app, ["solve", str(simple), "--vary", "participants.zin.count", "--goal", "savings=20000"])
    assert res.exit_code == 0, res.output
    # 800 zin = 20,000 → 25
    assert "De besparing in 2021 is € 20.000 bij participants.zin.count = 25,00." in " ".join(res.stdout.split())
    res = runner.invoke(app, ["solve", str(simple), "--vary", "locations", "--goal", "savings=100000", "--lang", "en"])
    assert ("Savings in 2021 reach the goal (at least €100,000) from locations = 13 upwards: "
            "savings are then €104,000, at 12 €96,000.") in " ".join(res.stdout.split())


@pytest.mark.parametrize(("args", "message"), [
    (["--vary", "participants.zin.count", "--goal", "result=0"], "geen waarde van participants.zin.count"),
    (["--vary", "period.last", "--goal", "result=0"], "period.last bepaalt de opbouw"),
    (["--vary", "locations", "--goal", "savings"], "--goal verwacht BEDRAG=WAARDE"),
    (["--vary", "locations", "--goal", "savings=1", "--year", "2030"], "--year 2030 ligt buiten de periode 2020–2022"),
])
def test_cli_errors_exit_2(simple, args, message):
    res = runner.invoke(app, ["solve", str(simple), *args])
    assert res.exit_code == 2
    assert message in " ".join(res.stderr.split())


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(goal=st.floats(min_value=-70000, max_value=-23000))
def test_property_any_reachable_goal_is_met_to_the_cent(simple, goal):
    # with the norm, result = 1,600 × min(zin, 32) − 74,000 covers −74,000 … −22,800: every goal in
    # between is reached, on the rising piece, at zin = (goal + 74,000) / 1,600; solve may answer the
    # roundest number within half a cent of the goal (28.08 for 28.0799975…), never further
    sol = solve(read_document(simple), "participants.zin.count", "result", goal)
    assert abs(sol.value - (goal + 74000) / 1600) * 1600 <= 0.005
    assert abs(achieved(simple, [f"participants.zin.count={number_text(sol.value)}"], "result") - goal) <= 0.005
