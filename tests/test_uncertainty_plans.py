"""Issue 14: plans under uncertainty, chance goals in solve, input labels.

* a plan's simulation equals a brute-force loop over its draws (same seed, same numbers): every
  draw built by hand as ``--set`` overrides of the plan and run through ``run_model``;
* which inputs are shared by all rooms and which are a room's own;
* ``solve --goal p_target=0.9`` is reproducible, monotone over the values tried, and its answer
  is checked by ``simulate`` at the answer and one step below.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from aldlan_model.analysis.solve_chance import Chance, solve_chance
from aldlan_model.api import load_model, run_model
from aldlan_model.cli.app import app
from aldlan_model.i18n.labels_inputs import input_kind, input_label
from aldlan_model.io.loader import read_document
from aldlan_model.uncertainty import rooms as rooms_mod
from aldlan_model.uncertainty.draws import uniforms
from aldlan_model.uncertainty.sensitivity import sensitivity
from aldlan_model.uncertainty.simulate import simulate
from tests.conftest import SCENARIOS, V2, write

PLAN = """\
name: Klein plan
period: {first: 2020, last: 2023}
target: {amount: 150000, year: 2022}
opening: {weeks_per_year: 40, dagdelen_per_week: 8}
participants:
  zin: {count: {low: 6, mode: 8, high: 10}, dagdelen_per_week: 2}
  without_indication: {count: 10, dagdelen_per_week: 2}
staff:
  - {role: begeleider, kind: professional, hours_per_week: 12, hourly_cost: {low: 30, high: 60}}
costs:
  housing: {low: 2000, high: 9000}
tariffs:
  buurtkamer: {zin: 25, pgb: 20}
  baseline: {zin: {low: 32, mode: 35, high: 40}, pgb: 25}
municipality: {substitution: {low: 0, high: 0.2}, assessment_per_indication: 300}
locations:
  - name: Noord
  - name: Zuid
    count: 2
    costs: {housing: {low: 1000, high: 4000}}
  - name: Oost
    participants: {zin: {count: {low: 2, high: 12}}}
"""
ROOMS = ["Noord", "Zuid", "Oost"]
SHARED = ["participants.zin.count", "staff.0.hourly_cost", "costs.housing", "tariffs.baseline.zin",
          "municipality.substitution"]
OWN = {"Zuid": ["costs.housing"], "Oost": ["participants.zin.count"]}
DRAWS, SEED = 40, 11


@pytest.fixture
def plan(tmp_path):
    return write(tmp_path, "plan.yaml", PLAN)


def test_shared_and_own_inputs(plan):
    model = rooms_mod.build(load_model(plan))
    keys = {s.path for s in model.specs}
    assert keys == set(SHARED) | {"locations.Zuid.costs.housing", "locations.Oost.participants.zin.count"}
    noord, zuid, oost = model.rooms
    assert noord.keys["costs.housing"] == "costs.housing"  # inherited: the shared draw
    assert zuid.keys["costs.housing"] == "locations.Zuid.costs.housing"  # written in its own item
    assert oost.keys["participants.zin.count"] == "locations.Oost.participants.zin.count"
    assert oost.keys["costs.housing"] == "costs.housing"
    assert zuid.count == 2
    own = next(s for s in model.specs if s.path == "locations.Zuid.costs.housing")
    assert (own.room, own.param, own.low, own.high) == ("Zuid", "costs.housing", 1000.0, 4000.0)


def _value(model, key: str, i: int) -> float:
    spec = next(s for s in model.specs if s.path == key)
    return float(spec.from_uniform(uniforms(SEED, key, i, i + 1))[0])


def test_plan_simulation_equals_a_brute_force_loop_over_draws(plan):
    """Draw by draw: the drawn values as --set overrides of the plan, each run on its own."""
    model = rooms_mod.build(load_model(plan))
    sim = simulate(load_model(plan), DRAWS, SEED, workers=1, chunk=7)  # chunks cut across draws
    year = 2022
    for i in range(DRAWS):
        sets = [f"{p}={_value(model, p, i)!r}" for p in SHARED]
        for room, paths in OWN.items():
            idx = ROOMS.index(room)
            sets += [f"locations.{idx}.{p}={_value(model, f'locations.{room}.{p}', i)!r}" for p in paths]
        one = load_model(plan, sets)
        res = run_model(one)
        j = year - 2020
        assert sim.figures["savings"][i] == pytest.approx(res.lines["savings"][0, j], rel=1e-12, abs=1e-6)
        assert sim.figures["savings_hard"][i] == pytest.approx(res.lines["savings_hard"][0, j], rel=1e-12, abs=1e-6)
        assert sim.figures["result"][i] == pytest.approx(res.lines["result"][0, j], rel=1e-12, abs=1e-6)
        assert sim.figures["cumulative_savings"][i] == pytest.approx(res.lines["cumulative_savings"][0, j],
                                                                     rel=1e-12, abs=1e-6)
        assert sim.figures["financing_need"][i] == pytest.approx(res.target["financing_need"][0], rel=1e-12, abs=1e-6)
        deficit = any(((p.lines["result"][0] < -0.005) & (p.detail["k"][0] >= 1))[: j + 1].any() for p in res.parts)
        assert sim.deficit[i] == deficit
        assert sim.reached[i] == (res.lines["savings"][0, j] >= 150_000)
        for k, part in enumerate(res.parts):  # each room's own savings (× its count)
            assert sim.room_savings[k, i] == pytest.approx(part.lines["savings"][0, j], rel=1e-12, abs=1e-6)


def test_plan_point_value_is_the_plan_run(plan):
    sim = simulate(load_model(plan), 100, 1)
    res = run_model(load_model(plan))
    assert sim.point["savings"] == pytest.approx(res.lines["savings"][0, 2])
    shares = [r["share_of_spread"] for r in sim.room_summary()]
    assert sum(shares) == pytest.approx(1.0)
    assert sim.room_summary()[0]["share_of_spread"] == max(shares)


def test_plan_sensitivity_moves_shared_inputs_in_every_room(plan):
    sens = sensitivity(load_model(plan), metric="savings")
    by_key = {w.spec.path: w for w in sens.swings}
    base = load_model(plan)
    lo = run_model(load_model(plan, ["tariffs.baseline.zin=32"])).lines["savings"][0, 2]
    hi = run_model(load_model(plan, ["tariffs.baseline.zin=40"])).lines["savings"][0, 2]
    assert (by_key["tariffs.baseline.zin"].at_low, by_key["tariffs.baseline.zin"].at_high) == (
        pytest.approx(lo), pytest.approx(hi))
    own_lo = run_model(load_model(plan, ["locations.2.participants.zin.count=2"])).lines["savings"][0, 2]
    assert by_key["locations.Oost.participants.zin.count"].at_low == pytest.approx(own_lo)
    assert sens.base == pytest.approx(run_model(base).lines["savings"][0, 2])
    for metric in ("savings_hard", "financing_need", "net_municipality"):
        assert sensitivity(load_model(plan), metric=metric).swings


def test_plan_cli_json_and_table(plan):
    r = CliRunner().invoke(app, ["simulate", str(plan), "--draws", "500", "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert [x["name"] for x in data["rooms"]] and {x["name"] for x in data["rooms"]} == set(ROOMS)
    assert "savings_hard" in data and "p_target_hard" in data and data["p_target_error"] >= 0
    own = [i for i in data["inputs"] if i.get("room") == "Zuid"]
    assert own == [own[0]] and own[0]["label"] == "Zuid: Huisvesting per jaar"
    table = CliRunner().invoke(app, ["simulate", str(plan), "--draws", "500"])
    assert table.exit_code == 0 and "Zuid (× 2)" in table.stdout
    sens = CliRunner().invoke(app, ["sensitivity", str(plan), "--metric", "financing_need"])
    assert sens.exit_code == 0, sens.output


def test_solve_p_target_reproducible_monotone_and_checked_by_simulate():
    doc = read_document(V2 / "aldlan-mix.yaml")
    draws = 3_000
    a = solve_chance(doc, "locations", "p_target", 0.9, draws=draws, seed=1)
    b = solve_chance(doc, "locations", "p_target", 0.9, draws=draws, seed=1)
    assert (a.value, a.chance, a.neighbour_chance) == (b.value, b.chance, b.neighbour_chance)
    assert a.direction == "up" and a.neighbour == a.value - 1
    assert a.chance >= 0.9 > a.neighbour_chance
    assert a.error == pytest.approx(np.sqrt(a.chance * (1 - a.chance) / draws))
    # monotone: common random numbers make more rooms never a smaller chance
    f = Chance(rooms_mod.build(load_model(V2 / "aldlan-mix.yaml")), "locations", "p_target", draws, 1, None)
    xs = np.arange(a.value - 6, a.value + 7)
    chances = [f(x) for x in xs]
    assert all(x <= y for x, y in zip(chances, chances[1:], strict=False))
    # simulate at the answer and one below: the same draws, the same chances
    at = simulate(load_model(V2 / "aldlan-mix.yaml", [f"locations={int(a.value)}"]), draws, 1)
    below = simulate(load_model(V2 / "aldlan-mix.yaml", [f"locations={int(a.value) - 1}"]), draws, 1)
    assert at.p_target == a.chance and at.p_target >= 0.9
    assert below.p_target == a.neighbour_chance and below.p_target < 0.9


def test_solve_p_deficit_on_a_continuous_number():
    doc = read_document(V2 / "aldlan-mix.yaml")
    sol = solve_chance(doc, "income.subsidy", "p_deficit", 0.1, draws=1_000, seed=2)
    assert sol.direction == "up" and sol.chance <= 0.1 < sol.neighbour_chance
    assert sol.neighbour == pytest.approx(sol.value - 0.01)
    s = simulate(load_model(V2 / "aldlan-mix.yaml", [f"income.subsidy={sol.value!r}"]), 1_000, 2)
    assert s.p_deficit == sol.chance


def test_solve_chance_cli(tmp_path):
    r = CliRunner().invoke(app, ["solve", str(V2 / "aldlan-mix.yaml"), "--vary", "locations",
                                 "--goal", "p_target=0.9", "--draws", "2000", "--seed", "1", "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["draws"] == 2000 and data["chance"] >= 0.9 > data["neighbour"]["chance"]
    assert data["check"].endswith(f"--set locations={data['value']} --draws 2000 --seed 1")
    bad = CliRunner().invoke(app, ["solve", str(V2 / "aldlan-mix.yaml"), "--vary", "locations",
                                   "--goal", "p_target=1.5"])
    assert bad.exit_code == 2


@pytest.mark.parametrize(("path", "nl", "en", "kind"), [
    ("participants.zin.count", "Deelnemers met Wmo-indicatie (ZIN), aantal",
     "Participants with a Wmo-indicatie (ZIN), number", "number"),
    ("transport.baseline.share", "Vervoer zonder buurtkamer, deel dat reist",
     "Transport without buurtkamer, share that travels", "fraction"),
    ("tariffs.baseline.zin", "Tarief reguliere aanbieder, ZIN per dagdeel",
     "Regular provider's tariff, ZIN per dagdeel", "money"),
    ("ramp_up.1", "Opstart: deel van de deelnemers in jaar 2", "Ramp-up: share of participants in year 2",
     "fraction"),
    ("locations", "Aantal buurtkamers", "Number of buurtkamers", "int"),
    ("staff.3.fte", "Medewerker 4: fte", "Staff member 4: FTE", "number"),
    ("locations.Oost.costs.housing", "Oost: Huisvesting per jaar", "Oost: Housing per year", "money"),
])
def test_input_labels(path, nl, en, kind):
    assert input_label(path, "nl") == nl
    assert input_label(path, "en") == en
    assert input_kind(path) == kind


def test_every_input_of_the_shipped_scenarios_has_a_label():
    from aldlan_model.engine.params import flatten

    for file in sorted(SCENARIOS.glob("*.yaml")):
        model = load_model(file)
        rooms = model.locations if isinstance(model.locations, list) else None
        scenario = rooms[0].scenario if rooms else model
        for path in flatten(scenario):
            assert input_label(path, "nl", scenario) != path, (file.name, path)
            assert input_label(path, "en", scenario) != path, (file.name, path)
    mix = load_model(V2 / "aldlan-mix.yaml")
    assert input_label("staff.0.fte", "nl", mix) == "Activiteitenbegeleider: fte"  # a label starts with a capital
