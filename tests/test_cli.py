"""The command line: exit codes, messages, help and the run/explain outputs."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from aldlan_model import __version__
from aldlan_model.cli.app import app
from aldlan_model.engine.room import run as compute
from aldlan_model.i18n.numfmt import money
from aldlan_model.io.loader import load_scenario
from tests.conftest import MINIMAL, SCENARIOS, write

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1"})


def test_version():
    r = invoke("--version")
    assert r.exit_code == 0 and r.output.strip() == f"aldlan-model {__version__}"


def test_every_command_has_help_with_an_example():
    import typer.main

    group = typer.main.get_command(app)
    assert sorted(group.commands) and len(group.commands) >= 5
    for name, command in group.commands.items():
        r = invoke(name, "--help")
        assert r.exit_code == 0, name
        assert command.help and command.help.strip(), f"{name} has no help"
        assert "Voorbeeld" in command.help, f"{name} --help has no example (Voorbeeld)"


def test_validate_shipped_scenarios():
    files = sorted(str(p) for p in SCENARIOS.glob("*.yaml"))
    r = invoke("validate", *files)
    assert r.exit_code == 0, r.output
    assert r.output.count("✓") == len(files)


def test_validate_reports_every_file_and_exits_2(tmp_path, minimal):
    bad = write(tmp_path, "bad.yaml", MINIMAL + "locations: -1\n")
    r = invoke("validate", str(minimal), str(bad))
    assert r.exit_code == 2
    assert f"✓ {minimal}: Minimaal" in r.output
    assert f"✗ {bad}" in r.output
    assert f"{bad}:8:1: locations: moet ≥ 1 zijn, maar dit is -1" in r.output
    assert "Traceback" not in r.output


def test_run_json_has_the_section_4_structure(example):
    r = invoke("run", str(example), "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert set(data) >= {"name", "locations", "target", "years", "warnings"}
    assert set(data["target"]) >= {"year", "amount", "savings", "share", "locations_needed"}
    year = data["years"][0]
    assert set(year) >= {"year", "operating_year", "operator", "municipality"}
    assert set(year["operator"]) == {
        "staff_professional", "staff_volunteer", "housing", "activities", "overhead", "depreciation", "margin",
        "cost", "income_zin", "income_pgb", "income_contribution", "income_other", "subsidy", "income", "result",
        # v2 (MODEL.md §4)
        "projects_cost", "projects_funding", "projects_result", "projects_municipal", "projects_external",
        "organisation_result", "cumulative_result",
        # v3 (MODEL.md §4): other income by budget, cash (with the receivable and the start-up paid)
        "income_other_wmo", "income_other_municipal", "income_other_external", "receivable", "startup_paid",
        "cash", "cumulative_cash"}
    assert set(year["municipality"]) == {
        "baseline", "scenario", "savings", "cumulative_savings",
        "replaced", "projects_wmo", "savings_hard", "net_municipality", "cumulative_net_municipality",
        "moved_clients", "mechanisms"}
    assert set(year["municipality"]["mechanisms"]) == {
        "tariff_difference", "transport_avoided", "new_clients", "substitution", "replaced", "moved_clients",
        "paid"}
    assert set(year["payers"]) == {"wmo", "municipal", "participants", "external", "organisation", "total"}
    assert set(data["present_value"]) == {"rate", "savings", "savings_hard", "net_municipality", "organisation_result"}
    assert year["projects"] == []
    # full precision: 2020's income_zin is 30.51 × 1.02 × 1382.4 = 43020.56448
    assert data["years"][1]["operator"]["income_zin"] == pytest.approx(43020.56448, abs=1e-9)
    # v2: 1200 / (4 h × 48 weeks) = € 6,25 per hour, above the hourly maximum of € 5,00
    assert [w["code"] for w in data["warnings"]] == ["allowance_above_legal_max", "operator_deficit"]


def test_run_json_before_start_and_null_locations_needed(minimal):
    r = invoke("run", str(minimal), "--format", "json", "--set", "period.start=2022")
    data = json.loads(r.output)
    assert [y["operating_year"] for y in data["years"]] == [-1, 0, 1]
    assert data["target"]["locations_needed"] is None
    assert [w["code"] for w in data["warnings"]] == ["no_savings", "start_after_target"]


def test_run_table_has_five_parts_within_80_columns():
    r = invoke("run", str(SCENARIOS / "aldlan-mix.yaml"))
    assert r.exit_code == 0, r.output
    assert max(len(line) for line in r.output.splitlines()) <= 80
    for part in ("Besparingsdoel", "Wmo-uitgaven van de gemeente", "Exploitatie van de buurtkamer",
                 "Bezetting en norm", "Waarschuwingen"):
        assert part in r.output, part


def test_run_english(example):
    r = invoke("run", str(example), "--lang", "en")
    assert r.exit_code == 0 and "Savings" in r.output and "€3,600,000" in r.output


@pytest.mark.parametrize("metric", ["savings", "baseline", "scenario", "cost", "income", "result",
                                    "staff_professional", "activities", "income_zin", "subsidy"])
def test_explain_shows_the_same_number_as_run(example, metric):
    r = invoke("explain", str(example), metric, "--year", "2022")
    assert r.exit_code == 0, r.output
    s = load_scenario(example)
    value = float(compute(s).lines[metric][0, 3])
    assert money(value, "nl", decimals=2) in r.output


def test_explain_unknown_metric_and_year(example):
    r = invoke("explain", str(example), "savngs")
    assert r.exit_code == 2
    assert "onbekend bedrag 'savngs'; bedoelde u 'savings'?" in r.output
    r = invoke("explain", str(example), "savings", "--year", "2030")
    assert r.exit_code == 2 and "jaar 2030 ligt buiten de periode 2019–2025" in r.output
    r = invoke("explain", str(example), "savings", "--year", "2030", "--lang", "en")
    assert r.exit_code == 2 and "year 2030 lies outside the period 2019–2025" in r.output


def test_new_writes_a_valid_file_and_never_overwrites(tmp_path):
    target = tmp_path / "nieuw.yaml"
    assert invoke("new", str(target)).exit_code == 0
    assert load_scenario(target).name == "Mijn buurtkamer"
    r = invoke("new", str(target))
    assert r.exit_code == 2 and "bestaat al" in r.output
    variant = tmp_path / "variant.yaml"
    assert invoke("new", str(variant), "--from", str(SCENARIOS / "aldlan-mix.yaml")).exit_code == 0
    assert load_scenario(variant).staff == load_scenario(SCENARIOS / "aldlan-mix.yaml").staff


def test_schema_is_json_and_matches_docs():
    r = invoke("schema")
    data = json.loads(r.output)
    assert "participants" in data["properties"] and "extends" in data["properties"]
    shipped = (SCENARIOS.parent / "docs" / "scenario.schema.json").read_text(encoding="utf-8")
    stale = "docs/scenario.schema.json is stale: run aldlan schema > docs/scenario.schema.json"
    assert json.loads(shipped) == data, stale


def test_usage_error_exit_2(example):
    assert invoke("run").exit_code == 2
    assert invoke("run", str(example), "--format", "nope").exit_code == 2


def test_explain_share_and_locations_needed(example):
    s = load_scenario(example)
    r = compute(s)
    savings = float(r.target["savings"][0])
    out = invoke("explain", str(example), "locations_needed").output
    # ⌈ 3,600,000 / savings ⌉ rooms, the same number `run` reports
    assert f"Uitkomst: {int(r.target['locations_needed'][0])} buurtkamers" in out
    assert money(savings, "nl", decimals=2) in out
    out = invoke("explain", str(example), "share", "--lang", "en").output
    assert f"{savings / 3_600_000 * 100:.2f}%" in out


def test_explain_formula_reproduces_with_a_calculator(example):
    # 2025 is six years after 2019: the tariff index is printed with enough decimals
    out = invoke("explain", str(example), "income_zin", "--year", "2025").output
    assert "1,12616242" in out  # 1.02 ** 6 = 1.126162419264
