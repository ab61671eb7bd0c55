"""A terminal table never cuts a number (issue 21): at 64 and 80 columns every shipped scenario's
``run``, the comparison of the three single-room scenarios, ``sensitivity``, ``simulate`` and ``solve``
show each figure whole — the ledger's euros as the tables show them ("€ 3.874", never "€ -3"), and
every number a wide terminal shows."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aldlan_model.api import load_model, run_model
from aldlan_model.cli.app import app
from aldlan_model.i18n.numfmt import money
from aldlan_model.ledger.rounded import ledger

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(p.name for p in (ROOT / "scenarios").glob("*.yaml"))
SINGLE = ["scenarios/aldlan-mix.yaml", "scenarios/commercial.yaml", "scenarios/volunteers-only.yaml"]
NUMBER = re.compile(r"-?\d[\d.]*(?:,\d+)?")
LINES = ("baseline", "scenario", "savings", "cost", "income", "result")  # the run's tables, year by year
runner = CliRunner()


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def shown(args: list[str], columns: int) -> str:
    r = runner.invoke(app, args, env={"COLUMNS": str(columns), "LINES": "50", "TERM": "dumb", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.output
    return r.stdout


def whole(text: str, figure: str) -> bool:
    """``figure`` in ``text`` with no digit cut off either side."""
    return re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d,]|\.\d)", text) is not None


def ledger_figures(path: str) -> set[str]:
    L = ledger(run_model(load_model(ROOT / path)))
    return {money(v, "nl") for name in LINES for v in L.lines[name]}


@pytest.mark.parametrize("columns", [64, 80])
@pytest.mark.parametrize("name", SHIPPED)
def test_run_shows_every_ledger_figure_whole(name, columns):
    text = shown(["run", f"scenarios/{name}"], columns)
    assert max(len(line) for line in text.splitlines()) <= columns
    cut = [f for f in ledger_figures(f"scenarios/{name}") if not whole(text, f)]
    assert not cut, cut


@pytest.mark.parametrize("columns", [64, 80])
def test_compare_shows_every_saving_whole(columns):
    text = shown(["compare", *SINGLE], columns)
    assert max(len(line) for line in text.splitlines()) <= columns
    for path in SINGLE:
        L = ledger(run_model(load_model(ROOT / path)))
        for name in ("baseline", "scenario", "cost", "income"):
            assert whole(text, money(L.at(name), "nl")), (path, name)
        saving = L.at("savings")  # a negative saving reads as meerkosten, the figure whole
        assert whole(text, money(abs(saving), "nl")), path


COMMANDS = [
    *(["run", f"scenarios/{name}"] for name in SHIPPED),
    ["compare", *SINGLE],
    ["sensitivity", "scenarios/aldlan-mix.yaml"],
    ["simulate", "scenarios/aldlan-mix.yaml", "-n", "500"],
    ["solve", "scenarios/aldlan-mix.yaml", "--vary", "locations", "--goal", "savings=3600000"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_narrow_terminal_shows_every_number_a_wide_one_does(args):
    wide = collections.Counter(NUMBER.findall(shown(args, 250)))
    for columns in (64, 80):
        narrow = collections.Counter(NUMBER.findall(shown(args, columns)))
        assert not wide - narrow, (columns, list((wide - narrow).items())[:10])
