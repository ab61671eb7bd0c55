"""``aldlan sweep``: grid values, cells equal to individual runs, marks, validation errors, outputs."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from aldlan_model.analysis.metrics import metric_values
from aldlan_model.analysis.overrides import number_text
from aldlan_model.analysis.sweep import MAX_POINTS, axis_values, grid_dict, split_sets, sweep
from aldlan_model.cli.app import app
from aldlan_model.engine.room import run
from aldlan_model.io.loader import load_scenario, read_document
from aldlan_model.model.errors import ScenarioError, UsageError
from tests.test_solve import SIMPLE, write

runner = CliRunner()


@pytest.fixture
def simple(tmp_path):
    return write(tmp_path, "simple.yaml", SIMPLE)


@pytest.mark.parametrize(("spec", "expected"), [
    ("10:20:5", [10, 15, 20]),  # STOP included when a step lands on it
    ("1:2:0.4", [1, 1.4, 1.8]),  # …and left out when none does
    ("0:0.3:0.1", [0, 0.1, 0.2, 0.3]),  # no 0.30000000000000004
    ("2021:2021:1", [2021]),
])
def test_axis_values(spec, expected):
    assert axis_values(f"x={spec}").tolist() == expected


@pytest.mark.parametrize(("spec", "message"), [
    ("1:10:0", "--set x=1:10:0: STEP moet groter dan 0 zijn, maar dit is 0"),
    ("1:10:-1", "--set x=1:10:-1: STEP moet groter dan 0 zijn, maar dit is -1"),
    ("10:1:1", "--set x=10:1:1: STOP moet ≥ START zijn (het raster loopt omhoog), maar dit is 10 > 1"),
    (f"1:{MAX_POINTS + 1}:1", "--set x=1:1000001:1: 1.000.001 punten, meer dan het maximum van 1.000.000"),
])
def test_axis_errors(spec, message):
    with pytest.raises(UsageError) as exc:
        axis_values(f"x={spec}")
    assert str(exc.value).startswith(message)


def test_split_sets_keeps_plain_values_as_fixed_overrides():
    axes, fixed = split_sets(["locations=1:3:1", "costs.housing=5000", "name=a:b:c"])
    assert axes == [("locations", "locations=1:3:1")]
    assert fixed == ["costs.housing=5000", "name=a:b:c"]


@pytest.mark.parametrize(("sets", "message"), [
    (["costs.housing=1"], "geef minstens één --set PAD=START:STOP:STEP"),
    (["locations=1:2:1", "locations=1:3:1"], "locations wordt twee keer afgelopen"),
    (["locations=1:2:1", "costs.housing=1:2:1", "target.year=2020:2021:1"],
     "hoogstens 2 parameters kunnen tegelijk afgelopen worden, maar dit zijn er 3: locations, costs.housing, "
     "target.year"),
])
def test_split_sets_errors(sets, message):
    with pytest.raises(UsageError, match=message):
        split_sets(sets)


def test_grid_is_one_compute_call_and_cells_equal_individual_runs(example):
    doc = read_document(example)
    grid = sweep(doc, ["participants.zin.count=0:20:5", "staff.0.fte=0.5:2:0.5", "costs.housing=9000"])
    assert grid.values.shape == (5, 4)
    for i, j in [(0, 0), (2, 1), (4, 3), (3, 2)]:
        zin, fte = grid.axes[0].values[i], grid.axes[1].values[j]
        single = run(load_scenario(example, ["costs.housing=9000", f"participants.zin.count={number_text(zin)}",
                                             f"staff.0.fte={number_text(fte)}"]))
        assert grid.values[i, j] == pytest.approx(float(metric_values(single, "savings")[0]), abs=1e-6)


@pytest.mark.parametrize("metric", ["result", "cost", "share", "cumulative_savings", "subsidy"])
def test_other_metrics_equal_individual_runs(example, metric):
    grid = sweep(read_document(example), ["ramp_up.0=0:1:0.5"], metric, year=2019)
    for i, r in enumerate(grid.axes[0].values):
        single = run(load_scenario(example, [f"ramp_up.0={number_text(r)}"]))
        assert grid.values[i] == pytest.approx(float(metric_values(single, metric, 2019)[0]), abs=1e-6)


def test_marks_cells_that_reach_the_target(simple):
    # savings 2021 = 8,000 × locations against 100,000: 13 and 14 reach it (104,000, 112,000), 12 not (96,000)
    grid = sweep(read_document(simple), ["locations=10:14:1"])
    assert grid.values.tolist() == pytest.approx([80000, 88000, 96000, 104000, 112000])
    assert grid.marked.tolist() == [False, False, False, True, True]
    # break-even marks for result: 1,600 zin − 74,000 ≥ 0 without the norm from zin 46.25
    res = sweep(read_document(simple), ["participants.zin.count=45:48:1", "norms.enforce=false"], "result")
    assert res.values.tolist() == pytest.approx([-2000, -400, 1200, 2800])
    assert res.marked.tolist() == [False, False, True, True]
    assert sweep(read_document(simple), ["locations=1:2:1"], "cost").marked is None


def test_period_start_cost_of_delay(simple):
    # 8,000 a year from the start: cumulative to 2022 is 24,000 / 16,000 / 8,000 for a start in 2020 / 21 / 22
    grid = sweep(read_document(simple), ["period.start=2020:2022:1"], "cumulative_savings", year=2022)
    assert grid.values.tolist() == pytest.approx([24000, 16000, 8000])


def test_target_year_swept_uses_each_points_own_target_year(simple):
    # start 2021: savings 0 in 2020, 8,000 in 2021 and 2022
    grid = sweep(read_document(simple), ["target.year=2020:2022:1", "period.start=2021"])
    assert grid.values.tolist() == pytest.approx([0, 8000, 8000])
    assert grid_dict(grid)["year"] is None


@pytest.mark.parametrize(("sets", "message"), [
    (["locations=0:3:1"], "--set locations=0: locations: moet ≥ 1 zijn, maar dit is 0"),
    (["locations=1:3:0.5"], "--set locations=1.5: locations: moet een heel getal zijn, maar dit is 1.5"),
    (["costs.overhead=0:2:0.5"], "--set costs.overhead=2: costs.overhead: moet ≤ 1 zijn, maar dit is 2 "
                                 "(een fractie: schrijf 2 % als 0.02)"),
    (["period.start=2019:2021:1"], "--set period.start=2019: period.start: moet tussen period.first en "
                                   "period.last liggen (2020–2022), maar dit is 2019"),
])
def test_grid_values_are_validated_by_the_loader(simple, sets, message):
    with pytest.raises(ScenarioError) as exc:
        sweep(read_document(simple), sets)
    assert str(exc.value).endswith(message)


def test_two_parameters_are_validated_together(example):
    # group dagdelen ≤ opening dagdelen: each range is valid on its own (zin up to 6 with opening 8;
    # opening down to 5 with zin 3), but the corner (zin 6, opening 5) is not
    doc = read_document(example)
    sweep(doc, ["participants.zin.dagdelen_per_week=3:6:1"])
    sweep(doc, ["opening.dagdelen_per_week=5:8:1"])
    with pytest.raises(ScenarioError, match="participants.zin.dagdelen_per_week: moet ≤ opening.dagdelen_per_week"):
        sweep(doc, ["participants.zin.dagdelen_per_week=3:6:1", "opening.dagdelen_per_week=5:8:1"])


def test_structural_parameter_is_refused(simple):
    with pytest.raises(UsageError, match="period.first bepaalt de opbouw van de berekening"):
        sweep(read_document(simple), ["period.first=2019:2020:1"])


def test_too_large_for_a_table(simple):
    with pytest.raises(UsageError, match=r"een raster van 101 waarden is te groot voor een tabel in de terminal"):
        sweep(read_document(simple), ["locations=1:101:1"], for_table=True)
    assert sweep(read_document(simple), ["locations=1:101:1"]).values.size == 101


def test_cli_table_marks_and_fits_80_columns(simple):
    res = runner.invoke(app, ["sweep", str(simple), "--set", "locations=11:14:1",
                              "--set", "participants.zin.count=9:11:1"])
    assert res.exit_code == 0, res.output
    rows = {line.split("│")[0].strip(): [c.strip() for c in line.split("│")[1:]]
            for line in res.stdout.splitlines() if "│" in line}
    # savings = 800 × zin × locations against 100,000: 11 × 800 × 11 = 96,800; 14 × 800 × 9 = 100,800 ✓
    assert rows["11"] == ["€\u00a079.200", "€\u00a088.000", "€\u00a096.800"]  # a no-break space after €
    assert rows["14"] == ["€\u00a0100.800 ✓", "€\u00a0112.000 ✓", "€\u00a0123.200 ✓"]
    assert max(len(line) for line in res.stdout.splitlines()) <= 80


def test_cli_json_and_csv(simple):
    args = ["sweep", str(simple), "--set", "locations=12:13:1", "--set", "participants.zin.count=10:11:1"]
    data = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    assert data["parameters"] == [{"path": "locations", "values": [12.0, 13.0]},
                                  {"path": "participants.zin.count", "values": [10.0, 11.0]}]
    # 800 × zin × locations
    assert np.allclose(data["values"], [[96000, 105600], [104000, 114400]])
    assert data["marked"] == [[False, True], [True, True]]
    assert data["metric"] == "savings" and data["year"] == 2021
    csv_en = runner.invoke(app, [*args, "-f", "csv", "--lang", "en"]).stdout.splitlines()
    assert csv_en == ["locations,participants.zin.count,savings,marked", "12,10,96000,0", "12,11,105600,1",
                      "13,10,104000,1", "13,11,114400,1"]
    csv_nl = runner.invoke(app, [*args, "-f", "csv", "--metric", "share"]).stdout.splitlines()
    assert csv_nl[1] == "12;10;0,96;0"


@pytest.mark.parametrize(("args", "message"), [
    (["--set", "locations=1:10:0"], "STEP moet groter dan 0 zijn"),
    (["--set", "locations=5:1:1"], "STOP moet ≥ START zijn"),
    (["--set", "locations=1:2000000:1", "-f", "json"], "meer dan het maximum van 1.000.000"),
    (["--set", "locations=0:3:1"], "locations: moet ≥ 1 zijn, maar dit is 0"),
    (["--set", "staff.0.kind=1:2:1"], "staff.0.kind bepaalt de opbouw"),
    (["--set", "locations=1:3:1", "--metric", "savngs"], "onbekend bedrag 'savngs' (bedoelde u 'savings'?)"),
])
def test_cli_errors_exit_2(simple, args, message):
    res = runner.invoke(app, ["sweep", str(simple), *args])
    assert res.exit_code == 2
    assert message in " ".join(res.stderr.split())


@pytest.mark.parametrize(("expr", "message"), [
    ("participants.zin.count=8:1e300:1e299", "getallen in een scenario liggen binnen ±1e+12"),
    ("participants.zin.count=8:.nan:2", "START, STOP en STEP moeten getallen zijn, bijv. 8:16:2"),
    ("participants.zin.count=8:x:2", "START, STOP en STEP moeten getallen zijn, bijv. 8:16:2"),
])
def test_axis_values_refuses_absurd_or_broken_grids(expr, message):
    axes, _ = split_sets([expr])
    with pytest.raises(UsageError) as info:
        axis_values(axes[0][1])
    assert str(info.value) == f"--set {expr}: {message}"


def test_captions_of_parts_name_the_column_values(simple):
    from aldlan_model.tables.sweep import sweep_report

    grid = sweep(read_document(simple), ["participants.zin.count=8:12:2", "locations=30:40:2"])
    titles = [t.title for t in sweep_report(grid, columns=4).tables]
    assert titles == [
        "Tabel 1 – Besparing in 2021: rijen Deelnemers met Wmo-indicatie (ZIN), aantal, kolommen Aantal "
        "buurtkamers 30 tot en met 36",
        "Tabel 2 – Besparing in 2021: rijen Deelnemers met Wmo-indicatie (ZIN), aantal, kolommen Aantal "
        "buurtkamers 38 tot en met 40",
    ]  # input names as labels (issue 14)
    assert [t.columns for t in sweep_report(grid, columns=4).tables] == [["30", "32", "34", "36"], ["38", "40"]]
    titles = [t.title for t in sweep_report(grid, "en", columns=5).tables]
    assert titles[1] == ("Table 2 – Savings in 2021: rows Participants with a Wmo-indicatie (ZIN), number, "
                         "columns Number of buurtkamers 40")
    assert sweep_report(grid, columns=6).tables[0].title.endswith("kolommen Aantal buurtkamers")  # one table


@pytest.mark.parametrize("width", [60, 80, 120])
def test_cli_table_shows_every_cell_whole_within_the_width(simple, width):
    from tests.test_compare import terminal_tables

    args = ["sweep", str(simple), "--set", "participants.zin.count=8:12:2", "--set", "locations=100:1000:100"]
    res = runner.invoke(app, args, env={"COLUMNS": str(width)})
    assert res.exit_code == 0, res.output
    assert max(len(line) for line in res.stdout.splitlines()) <= width
    shown = {}
    for table in terminal_tables(res.stdout.replace("\u00a0", " ")):
        shown.update(table)
    # savings = 800 × zin × locations: zin 12 and 1,000 rooms save 9,600,000 (✓: at least 100,000)
    assert list(shown) == [str(n) for n in range(100, 1000, 100)] + ["1.000"]
    assert shown["1.000"] == ["€ 6.400.000 ✓", "€ 8.000.000 ✓", "€ 9.600.000 ✓"]
    assert shown["100"] == ["€ 640.000 ✓", "€ 800.000 ✓", "€ 960.000 ✓"]
