"""Issue 14: every simulate / sensitivity / sweep table fits 80 columns without cutting a number.

Snapshots of the Dutch terminal output with amounts in the millions (``tests/golden/uncertainty``;
regenerate with ``ALDLAN_UPDATE_GOLDEN=1``), and for Dutch and English: no line wider than 80
columns, and every amount in a table cell whole (``€ 3.627.5`` is a cut-off ``€ 3.627.512``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aldlan_model import __version__
from aldlan_model.cli.app import app
from tests.conftest import SCENARIOS

GOLDEN = Path(__file__).parent / "golden" / "uncertainty"
V2 = Path(__file__).parent / "fixtures" / "v2"  # the frozen version 2 copies the snapshots were made with
MIX = str(V2 / "aldlan-mix.yaml")
PLAN = str(V2 / "leeuwarden-kamers-professionals.yaml")
CASES = {
    "simulate": ["simulate", MIX, "--set", "locations=90", "--draws", "2000", "--seed", "1"],
    "simulate-plan": ["simulate", PLAN, "--draws", "2000", "--seed", "1"],
    "sensitivity": ["sensitivity", MIX, "--set", "locations=90"],
    "sensitivity-plan": ["sensitivity", PLAN, "--metric", "financing_need"],
    "sweep": ["sweep", MIX, "--set", "participants.zin.count=8:20:2", "--set", "locations=80:140:10"],
    "sweep-1d": ["sweep", MIX, "--set", "locations=500:1000:100", "--metric", "result", "--year", "2019"],
}
MONEY = {
    "nl": re.compile(r"^€[ \xa0]-?\d{1,3}(\.\d{3})*(,\d\d)?$"),
    "en": re.compile(r"^-?€-?\d{1,3}(,\d{3})*(\.\d\d)?$"),
}


def _run(args: list[str], lang: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ALDLAN_TODAY", "2026-01-15")
    monkeypatch.setenv("COLUMNS", "80")
    r = CliRunner().invoke(app, [*args, "--lang", lang])
    assert r.exit_code == 0, r.output
    return r.stdout


def _cells(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        if "│" in line:
            out += [c.strip().removesuffix("✓").strip() for c in line.split("│")[1:]]
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_fits_80_columns_and_no_number_is_cut(case, lang, monkeypatch):
    text = _run(CASES[case], lang, monkeypatch)
    assert max(len(line) for line in text.splitlines()) <= 80
    money = [c for c in _cells(text) if "€" in c]
    assert money, "the table shows amounts"
    assert all(MONEY[lang].match(c) for c in money), [c for c in money if not MONEY[lang].match(c)]
    assert any(len(re.sub(r"\D", "", c)) >= 7 for c in money), "amounts in the millions"


@pytest.mark.parametrize("case", sorted(CASES))
def test_dutch_snapshot(case, monkeypatch):
    text = _run(CASES[case], "nl", monkeypatch)
    text = text.replace(str(SCENARIOS) + "/", "scenarios/").replace(str(V2) + "/", "scenarios/")
    text = text.replace(f"aldlan-model {__version__},", "aldlan-model VERSION,")  # a release changes no snapshot
    path = GOLDEN / f"{case}.nl.txt"
    if os.environ.get("ALDLAN_UPDATE_GOLDEN") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_sweep_shows_the_warnings_of_its_cells(monkeypatch):
    text = _run(CASES["sweep"], "nl", monkeypatch)
    warnings = text.split("Waarschuwingen")[1]
    assert "⚠ In " in warnings and "De bezetting haalt de norm niet" in " ".join(warnings.split())


def test_sweep_json_counts_the_warnings_of_its_points(monkeypatch):
    import json

    r = CliRunner().invoke(app, [*CASES["sweep"], "--format", "json"])
    data = json.loads(r.stdout)
    norm = next(w for w in data["warnings"] if w["code"] == "norm_not_met")
    assert 0 < norm["points"] < len(data["values"]) * len(data["values"][0])
    assert set(norm["first"]) == {"participants.zin.count", "locations"}
