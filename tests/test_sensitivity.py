"""One-at-a-time sensitivity: swings worked out by hand, the ranking, metrics and the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from aldlan_model.io.loader import load_scenario
from aldlan_model.model.errors import UsageError
from aldlan_model.uncertainty.sensitivity import sensitivity
from tests.conftest import write

runner = CliRunner()

# P_none = 10 riders-along x 1 dagdeel x 40 weeks = 400 a year; nothing is paid for them in the scenario.
# baseline = 50 x s x 400 (ZIN tariff for the substituted share s) + T x s x 400 (transport) = (50 + T) x 400 s.
# Point values: s = 0.2 (midpoint of 0.1-0.3), T = 10 (midpoint of 0-20): savings = 60 x 400 x 0.2 = 4,800.
#   substitution 0.1 -> 60 x 40 = 2,400; 0.3 -> 60 x 120 = 7,200; swing 4,800
#   transport 0 -> 50 x 80 = 4,000; 20 -> 70 x 80 = 5,600; swing 1,600
#   housing 0 / 1,000 -> savings unchanged (swing 0); result 0 / -1,000 (no income), swing 1,000
CASE = """\
name: Tornado
period: {first: 2020, last: 2022}
target: {amount: 1000, year: 2021}
opening: {weeks_per_year: 40, dagdelen_per_week: 2}
participants:
  without_indication: {count: 10, dagdelen_per_week: 1}
tariffs:
  buurtkamer: {zin: 0, pgb: 0}
  baseline: {zin: 50, pgb: 0}
costs:
  housing: {low: 0, high: 1000}
transport:
  baseline: {low: 0, high: 20}
municipality:
  substitution: {low: 0.1, high: 0.3}
"""


@pytest.fixture
def case(tmp_path):
    return write(tmp_path, "tornado.yaml", CASE)


def invoke(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1"})


def test_savings_swings_are_ranked(case):
    sens = sensitivity(load_scenario(case))
    got = [(w.spec.path, w.at_low, w.at_high, w.swing) for w in sens.swings]
    assert got == [
        ("municipality.substitution", pytest.approx(2_400), pytest.approx(7_200), pytest.approx(4_800)),
        ("transport.baseline", pytest.approx(4_000), pytest.approx(5_600), pytest.approx(1_600)),
        ("costs.housing", pytest.approx(4_800), pytest.approx(4_800), 0.0),
    ]
    assert sens.base == pytest.approx(4_800)
    assert (sens.metric, sens.year) == ("savings", 2021)


def test_result_metric_ranks_housing_first(case):
    sens = sensitivity(load_scenario(case), metric="result")
    first = sens.swings[0]
    assert first.spec.path == "costs.housing"
    assert (first.at_low, first.at_high, first.swing) == (0.0, -1_000.0, 1_000.0)
    assert [w.swing for w in sens.swings[1:]] == [0.0, 0.0]


def test_cumulative_savings_in_another_year(case):
    # up to 2022 the yearly savings add up three times: substitution swing 3 x 4,800 = 14,400
    sens = sensitivity(load_scenario(case), year=2022, metric="cumulative_savings")
    assert sens.swings[0].spec.path == "municipality.substitution"
    assert sens.swings[0].swing == pytest.approx(14_400)
    assert sens.base == pytest.approx(3 * 4_800)


def test_unknown_metric():
    with pytest.raises(UsageError, match="onbekende maat 'share'; kies een van: savings, cumulative_savings"):
        sensitivity(None, metric="share")  # type: ignore[arg-type]


def test_cli_table_and_json(case):
    r = invoke("sensitivity", str(case), "--lang", "en")
    assert r.exit_code == 0, r.output
    lines = [ln for ln in r.stdout.splitlines() if "│" in ln]
    assert lines[0].split("│")[0].strip() == "Substitution: participants"  # a label, wrapped
    assert [c.strip() for c in lines[0].split("│")[1:]] == ["10%", "30%", "€2,400", "€7,200", "€4,800"]
    data = json.loads(invoke("sensitivity", str(case), "--format", "json").stdout)
    assert [(i["path"], i["swing"]) for i in data["inputs"]] == [
        ("municipality.substitution", pytest.approx(4_800)), ("transport.baseline", pytest.approx(1_600)),
        ("costs.housing", 0.0)]
    assert (data["metric"], data["year"], data["base"]) == ("savings", 2021, pytest.approx(4_800))


def test_cli_unknown_metric_exit_code(case):
    r = invoke("sensitivity", str(case), "--metric", "winst")
    assert r.exit_code == 2
    assert r.stderr.strip() == ("fout: onbekende maat 'winst'; kies een van: savings, cumulative_savings, result, "
                                "cost, income, subsidy, baseline, scenario, savings_hard, net_municipality, "
                                "financing_need")


def test_cli_tornado_chart(case, tmp_path):
    out = tmp_path / "tornado.svg"
    r = invoke("sensitivity", str(case), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    svg = out.read_text(encoding="utf-8")
    # the input by its Dutch label (issue 13), never its key path
    assert "Substitutie: deelnemers zonder indicatie" in svg and "municipality.substitution" not in svg


def test_no_ranges_says_so(tmp_path):
    path = write(tmp_path, "vast.yaml", CASE.replace("{low: 0, high: 1000}", "0").replace(
        "{low: 0, high: 20}", "0").replace("{low: 0.1, high: 0.3}", "0.2"))
    r = invoke("sensitivity", str(path), "--format", "json", "--lang", "en")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert data["inputs"] == []
    assert data["warnings"][0]["message"] == ("This scenario has no input with a range (low/high or low/mode/high): "
                                              "there is nothing to vary.")
