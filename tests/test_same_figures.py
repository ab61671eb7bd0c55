"""One set of figures for every command (MODEL.md §4.1): what `solve`, `sensitivity`, `simulate`, `explain`, a
plan's rooms table and the Excel inputs sheet show is the euro `aldlan run` shows for the same figure.

Every expected number is worked out here from the rounded ledger of a run (``ledger(run_model(load_model(
FILE, [PATH=VALUE])))``: what `aldlan run FILE --set PATH=VALUE` shows) or from the scenario file, never taken
from the output under test. The commands are run through the CLI, on every shipped scenario.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from conftest import SCENARIOS
from typer.testing import CliRunner

from aldlan_model.api import load_model, run_model
from aldlan_model.ledger.rounded import Ledger, ledger, room_ledger
from aldlan_model.model.errors import AldlanError

runner = CliRunner()
SHIPPED = sorted(SCENARIOS.glob("*.yaml"))
EURO = re.compile(r"€\s?(-?[\d.]+)(?![\d,])")


def invoke(*args: str) -> str:
    from aldlan_model.cli.app import app

    res = runner.invoke(app, list(args))
    assert res.exit_code == 0, res.output
    return res.stdout.replace("\u00a0", " ")


def euro(text: str) -> int:
    """The first whole-euro amount in ``text`` (Dutch: € -1.234)."""
    m = EURO.search(text)
    assert m, text
    return int(m.group(1).replace(".", ""))


@cache
def led(path: Path, *sets: str) -> Ledger:
    """What `aldlan run PATH --set …` shows: the run's rounded ledger."""
    return ledger(run_model(load_model(path, list(sets))))


def figure(L: Ledger, name: str) -> int:
    """A figure of the uncertainty commands in the run's euros: the financing need over the period (the worst
    running cash), every other figure in the target year."""
    return int(max(0, -min(L.row("cumulative_cash")))) if name == "financing_need" else L.at(name)


def is_plan(path: Path) -> bool:
    return isinstance(load_model(path).locations, list)


def md_rows(text: str) -> dict[str, list[str]]:
    """Markdown table rows by their first cell (the last table wins for a label seen twice)."""
    out = {}
    for line in text.splitlines():
        if line.startswith("|") and not set(line) <= set("|-: "):
            cells = [c.strip().replace("\\", "") for c in line.strip().strip("|").split("|")]
            out[cells[0]] = cells[1:]
    return out


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_sensitivity_point_and_ends_are_the_runs_euros(path):
    """The point value and each end "bij laag" / "bij hoog" is the figure of `run --set PATH=LOW|HIGH`."""
    for metric in ("savings", "financing_need"):
        data = json.loads(invoke("sensitivity", str(path), "-m", metric, "-f", "json"))
        text = invoke("sensitivity", str(path), "-m", metric, "-f", "markdown")
        base = led(path)
        head = next(line for line in text.splitlines() if "puntwaarden" in line)
        assert euro(head) == figure(base, metric), (metric, head)
        rows = [cells for line in text.splitlines() if line.startswith("|") and line.count("€") >= 2
                for cells in [[c.strip() for c in line.strip().strip("|").split("|")]]]
        assert len(rows) == len(data["inputs"])
        checked = 0
        for item, cells in zip(data["inputs"], rows, strict=True):
            if checked >= 3 or item.get("room") or item["low"] == item["high"]:
                continue
            try:
                low, high = (led(path, f"{item['path']}={item[k]!r}") for k in ("low", "high"))
            except AldlanError:  # a dated input (one range over its years) is no single --set
                continue
            assert [euro(cells[3]), euro(cells[4])] == [figure(low, metric), figure(high, metric)], item["path"]
            assert euro(cells[5]) == abs(figure(high, metric) - figure(low, metric))
            checked += 1
        assert checked or not data["inputs"]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_simulate_point_column_is_the_runs_ledger(path):
    text = invoke("simulate", str(path), "--draws", "20", "-f", "markdown")
    rows = md_rows(text)
    L = led(path)
    labels = {"savings": "Besparing", "savings_hard": "Harde besparing", "cumulative_savings": "Cumulatief",
              "net_municipality": "Gemeente als geheel", "result": "Resultaat", "subsidy": "Subsidie",
              "financing_need": "Kastekort (slechtste moment)"}
    for name, label in labels.items():
        assert euro(rows[label][4]) == figure(L, name), name


def _solve(path: Path, vary: str, goal: str) -> tuple[dict, dict[str, list[str]], str]:
    data = json.loads(invoke("solve", str(path), "--vary", vary, "--goal", goal, "-f", "json"))
    text = invoke("solve", str(path), "--vary", vary, "--goal", goal, "-f", "markdown")
    return data, md_rows(text), " ".join(text.split())


@pytest.mark.parametrize("path", [p for p in SHIPPED if not is_plan(p)], ids=lambda p: p.stem)
def test_solve_names_the_runs_euros(path):
    """The current value's figure, the answer's and the neighbour's are those of `run` (with --set)."""
    L = led(path)
    cost = L.at("cost")
    data, rows, words = _solve(path, "locations", f"cost<={cost * 3 + 1}")
    if cost > 0:  # three rooms reach it, four do not
        assert data["value"] == 3 and data["neighbour"]["value"] == 4
        assert f"dan € {led(path, 'locations=3').at('cost'):,}".replace(",", ".") in words
        assert f"bij 4 € {led(path, 'locations=4').at('cost'):,}".replace(",", ".") in words
    row = next(v for k, v in rows.items() if k.startswith("Totale kosten"))
    assert euro(row[0]) == cost
    goal = L.at("cumulative_cash") - 1000
    data, rows, _ = _solve(path, "participants.without_indication.count", f"cumulative_cash>={goal}")
    row = next(v for k, v in rows.items() if k.startswith("Cumulatieve kas"))
    assert euro(row[0]) == L.at("cumulative_cash")
    if data["method"] != "none":
        answer = led(path, f"participants.without_indication.count={data['value']!r}")
        assert euro(row[1]) == answer.at("cumulative_cash")


def _in_tables(text: str) -> int:
    line = next(x for x in text.splitlines() if "(in de tabellen:" in x)
    return euro(line)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_explain_ends_on_the_runs_euro(path):
    L = led(path)
    for metric in ("savings", "result", "cumulative_cash", "financing_need"):
        assert _in_tables(invoke("explain", str(path), metric)) == figure(L, metric), metric
    pv = run_model(load_model(path)).target["pv_savings"][0]
    assert abs(_in_tables(invoke("explain", str(path), "pv_savings")) - pv) <= 0.5


def test_explain_of_a_plan_and_its_rooms_ends_on_the_tables_euros():
    path = SCENARIOS / "leeuwarden-kamers.yaml"
    result = run_model(load_model(path))
    model = load_model(path)
    text = invoke("explain", str(path), "savings")
    assert _in_tables(text) == led(path).at("savings")
    for room, part in zip(model.locations, result.parts, strict=True):
        if room.count > 1:  # a room counted twice: rounded per room, then × 2, as the rooms table adds it
            text = invoke("explain", str(path), "savings", "--location", room.name)
            assert _in_tables(text) == room_ledger(part).at("savings")


def test_explain_shows_the_digits_it_computes_with():
    """A contribution of € 3,4225 is shown as € 3,4225 (not € 3,42), so a calculator gives the step's result."""
    text = invoke("explain", str(SCENARIOS / "aldlan-mix.yaml"), "income_contribution",
                  "--set", "income.contribution=3.4225")
    assert "€ 3,42 " not in text
    lines = text.splitlines()
    i = next(i for i, x in enumerate(lines) if x.strip().startswith("= € 3,4225 ×"))
    factors = [float(f.strip().replace("€", "").replace(".", "").replace(",", "."))
               for f in lines[i].strip()[2:].split("×")]
    product = factors[0] * factors[1] * factors[2]
    assert f"{product:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") in lines[i + 1]


PLANS = [p for p in SHIPPED if is_plan(p)]


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_plan_rooms_table_and_inputs_sheet(path, tmp_path):
    """The rooms sheet: each room's euros from its own ledger (per room, × count), the total the sum of the rows
    shown and the plan's savings; the inputs sheet: the plan's rooms as the summary counts them, dated inputs
    by the year they hold from."""
    from openpyxl import load_workbook

    out = tmp_path / "plan.xlsx"
    invoke("run", str(path), "-o", str(out))
    wb = load_workbook(out, data_only=True)
    model, result = load_model(path), run_model(load_model(path))
    L = led(path)
    year = L.target_year
    sheet = next(ws for ws in wb.worksheets if ws.title[0].isdigit() and "Buurtkamers" in ws.title)
    rows = {r[0]: r for r in sheet.iter_rows(values_only=True) if r[0]}
    for room, part in zip(model.locations, result.parts, strict=True):
        assert rows[room.name][2] == room_ledger(part).at("savings", year), room.name
    shown = [rows[room.name][2] for room in model.locations]
    assert rows["Totaal"][2] == sum(shown) == L.at("savings")
    summary = {r[0]: r[1] for r in wb["Samenvatting"].iter_rows(values_only=True) if r[0]}
    assert summary[f"Besparing {year}"] == L.at("savings")
    plan = SCENARIOS / "leeuwarden-kamers.yaml"  # the plan file the shipped plans write their rooms in
    rooms = sum(item.get("count", 1) for item in yaml.safe_load(plan.read_text(encoding="utf-8"))["locations"])
    inputs = {r[0]: r for r in wb["Invoer"].iter_rows(values_only=True) if r[0]}
    assert inputs["Aantal buurtkamers"][1] == rooms == summary["Aantal buurtkamers"]
    dated = yaml.safe_load((SCENARIOS / "base.yaml").read_text(encoding="utf-8"))["indexation"]["tariffs"]
    for since, value in dated.items():
        point = value.get("value", value.get("mode")) if isinstance(value, dict) else value
        assert inputs[f"Indexatie tarieven per jaar (vanaf {since})"][1] == pytest.approx(point)
    assert not any("@" in str(label) for label in inputs)
