"""A municipality-wide plan: locations as a list of rooms."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from typer.testing import CliRunner

from aldlan_model.api import load_model, run_model
from aldlan_model.cli.app import app
from aldlan_model.engine.lines import MONEY_LINES
from aldlan_model.engine.room import run
from aldlan_model.io.loader import load_scenario
from aldlan_model.io.plan import Plan
from aldlan_model.model.errors import ScenarioError
from aldlan_model.render.json import run_dict
from tests.conftest import EXAMPLE, SCENARIOS, write

PLAN = """\
extends: base.yaml
name: Plan
target: {amount: 800000, year: 2021}
locations:
  - {name: Oost, count: 2}
  - name: West
    participants: {zin: {count: 6}}
  - name: Dorp
    period: {start: 2021}
    costs: {housing: 4000}
"""


@pytest.fixture
def plan_file(tmp_path):
    write(tmp_path, "base.yaml", EXAMPLE)
    return write(tmp_path, "plan.yaml", PLAN)


def test_identical_locations_equal_locations_n(tmp_path):
    write(tmp_path, "base.yaml", EXAMPLE)
    plan = write(tmp_path, "p.yaml", "extends: base.yaml\nlocations:\n  - {name: A, count: 2}\n  - {name: B}\n")
    single = load_scenario(tmp_path / "base.yaml", ["locations=3"])
    r_plan, r_single = run_model(load_model(plan)), run(single)
    for name in MONEY_LINES:
        assert np.allclose(r_plan.lines[name], r_single.lines[name], rtol=1e-12), name
    assert r_plan.target["locations_needed"][0] == r_single.target["locations_needed"][0]
    assert r_plan.target["share"][0] == pytest.approx(r_single.target["share"][0])


def test_plan_totals_equal_the_sum_of_the_detail(plan_file):
    model = load_model(plan_file)
    data = run_dict(model, run_model(model))
    assert [d["name"] for d in data["locations_detail"]] == ["Oost", "West", "Dorp"]
    assert data["locations"] == 4  # 2 + 1 + 1 rooms
    for j, year in enumerate(data["years"]):
        for part in ("operator", "municipality"):
            for line, value in year[part].items():
                if isinstance(value, dict):
                    continue  # the mechanisms: checked through their sum elsewhere
                total = sum(d["years"][j][part][line] for d in data["locations_detail"])
                assert value == pytest.approx(total, rel=1e-12, abs=1e-9), (year["year"], line)
    # locations_needed = ceil(amount / (plan savings / total count))
    savings = data["target"]["savings"]
    assert data["target"]["locations_needed"] == math.ceil(800000 / (savings / 4))


def test_overrides_merge_as_documented(plan_file):
    model = load_model(plan_file)
    assert isinstance(model, Plan)
    oost, west, dorp = (loc.scenario for loc in model.locations)
    # mappings merge key by key: West changes zin.count only, keeps zin.dagdelen_per_week 3
    assert west.participants.zin.count.point == 6 and west.participants.zin.dagdelen_per_week.point == 3
    assert oost.participants.zin.count.point == 12
    # Dorp starts in 2021 and pays 4000 housing; the rest of `costs` is the scenario's
    assert dorp.start == 2021 and dorp.costs.housing.point == 4000 and dorp.costs.overhead.point == 0.1
    # Oost counts 2 rooms: its figures are twice one room's
    one = run(load_scenario(plan_file.parent / "base.yaml"))
    oost_result = run_model(model).parts[0]
    assert np.allclose(oost_result.lines["savings"], 2 * one.lines["savings"])


def test_error_in_third_item_points_at_its_line(plan_file, tmp_path):
    bad = write(tmp_path, "bad.yaml", PLAN.replace("costs: {housing: 4000}", "costs: {housing: -4000}"))
    with pytest.raises(ScenarioError) as info:
        load_model(bad)
    # the third item's `costs` mapping is on line 10; `housing` at column 13
    assert [str(p) for p in info.value.problems] == [
        f"{bad}:10:13: locations.2.costs.housing: moet ≥ 0 zijn, maar dit is -4000"
    ]


def test_item_errors_are_all_reported(tmp_path):
    write(tmp_path, "base.yaml", EXAMPLE)
    bad = write(tmp_path, "bad.yaml", """\
        extends: base.yaml
        locations:
          - {name: A}
          - {name: A}
          - {name: B, count: 0}
          - {name: C, target: {year: 2022}}
          - {name: D, housing: 3}
        """)
    with pytest.raises(ScenarioError) as info:
        load_model(bad)
    assert [str(p) for p in info.value.problems] == [
        f"{bad}:4:6: locations.1.name: dubbele locatienaam 'A' (ook item 1)",
        f"{bad}:5:15: locations.2.count: moet een heel getal van 1 tot 10.000 zijn, maar dit is 0",
        f"{bad}:6:15: locations.3.target: 'target' geldt voor het hele plan en kan niet per locatie verschillen",
        f"{bad}:7:15: locations.4.housing: onbekende sleutel 'housing'; bedoelde u 'costs.housing'? "
        "(spring de regel verder in)",
    ]


def test_single_scenario_commands_refuse_plans_clearly(plan_file):
    with pytest.raises(ScenarioError) as info:
        load_scenario(plan_file)
    assert "dit bestand is een plan met meerdere locaties" in str(info.value)


def test_cli_run_explain_validate_on_a_plan(plan_file):
    runner = CliRunner()
    r = runner.invoke(app, ["run", str(plan_file), "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert len(data["locations_detail"]) == 3
    r = runner.invoke(app, ["run", str(plan_file)], env={"COLUMNS": "80"})
    assert "Buurtkamers in het plan" in r.output and "Oost" in r.output
    r = runner.invoke(app, ["explain", str(plan_file), "savings", "--location", "West"])
    assert r.exit_code == 0 and "Besparing (West)" in r.output
    r = runner.invoke(app, ["explain", str(plan_file), "savings", "--location", "Wets"])
    assert r.exit_code == 2 and "bedoelde u 'West'?" in r.output
    r = runner.invoke(app, ["explain", str(plan_file), "savings"])
    assert r.exit_code == 0 and "Oost (2 ×) + West (1 ×) + Dorp (1 ×)" in r.output
    assert runner.invoke(app, ["validate", str(plan_file)]).exit_code == 0


def test_shipped_leeuwarden_plan():
    vol = load_model(SCENARIOS / "leeuwarden-kamers.yaml")
    pro = load_model(SCENARIOS / "leeuwarden-kamers-professionals.yaml")
    assert isinstance(vol, Plan) and isinstance(pro, Plan)
    assert vol.count == pro.count == 9
    assert vol.target.amount.point == 800_000 and vol.target_year == 2021
    assert [loc.name for loc in vol.locations] == [loc.name for loc in pro.locations]
