"""Monte Carlo: closed forms, reproducibility, whole-number draws, the deficit rule and the CLI."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from aldlan_model.io.loader import load_scenario
from aldlan_model.model.errors import UsageError
from aldlan_model.uncertainty import simulate as simulate_mod
from aldlan_model.uncertainty.draws import BLOCK, Spec, draw, specs, uniforms
from aldlan_model.uncertainty.simulate import MAX_DRAWS, check_draws, simulate
from tests.conftest import write

runner = CliRunner()

# 10 riders-along, 1 dagdeel a week, 40 weeks: P_none = 10 x 1 x 40 x 1 = 400 participant-dagdelen a year
# (ramp 1, no indexation). Nothing is paid for them in the scenario, and the baseline pays the ZIN tariff
# 50 for the share s (substitution) who would otherwise have an indicatie: savings = 50 x s x 400 = 20,000 s
# in every year 2020-2022.
LINEAR = """\
name: Lineair
period: {{first: 2020, last: 2022}}
target: {{amount: 1000, year: 2021}}
opening: {{weeks_per_year: 40, dagdelen_per_week: 2}}
participants:
  without_indication: {{count: 10, dagdelen_per_week: 1}}
tariffs:
  buurtkamer: {{zin: 0, pgb: 0}}
  baseline: {{zin: 50, pgb: 0}}
municipality:
  substitution: {substitution}
{extra}"""


def scenario(tmp_path, substitution="{low: 0, high: 0.5}", extra="", name="s.yaml"):
    return write(tmp_path, name, LINEAR.format(substitution=substitution, extra=extra))


def invoke(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1"})


def test_uniform_input_matches_the_closed_form(tmp_path):
    s = load_scenario(scenario(tmp_path))
    sim = simulate(s, draws=20_000, seed=5)
    # s ~ U(0, 0.5), savings = 20,000 s ~ U(0, 10,000): mean = median = 5,000, P10 = 1,000, P90 = 9,000.
    # sd = 10,000 / sqrt(12) = 2,887, so the mean's standard error is 2,887 / sqrt(20,000) = 20;
    # a percentile's is sqrt(p (1 - p) / n) x 10,000 <= 35. Tolerance 150 is over 4 standard errors.
    sav = sim.summary("savings")
    assert sav["mean"] == pytest.approx(5_000, abs=150)
    assert sav["p50"] == pytest.approx(5_000, abs=150)
    assert sav["p10"] == pytest.approx(1_000, abs=150)
    assert sav["p90"] == pytest.approx(9_000, abs=150)
    # cumulative to 2021 = 2020 + 2021 = 40,000 s: mean 10,000
    assert sim.summary("cumulative_savings")["mean"] == pytest.approx(10_000, abs=300)
    # target 1,000 reached when 20,000 s >= 1,000, i.e. s >= 0.05: chance (0.5 - 0.05) / 0.5 = 0.9 (sd 0.002)
    assert sim.p_target == pytest.approx(0.9, abs=0.01)
    # no costs, no income: result 0, never a deficit; the point run has s = 0.25: savings 5,000
    assert sim.summary("result") == {"p10": 0.0, "p50": 0.0, "p90": 0.0, "mean": 0.0}
    assert sim.p_deficit == 0.0
    assert sim.point["savings"] == pytest.approx(5_000)
    assert [u.path for u in sim.uncertain] == ["municipality.substitution"]


def test_triangular_input_has_the_right_mean_and_median(tmp_path):
    s = load_scenario(scenario(tmp_path, "{low: 0.1, mode: 0.2, high: 0.45}"))
    sim = simulate(s, draws=20_000, seed=11)
    # mean of s = (0.1 + 0.2 + 0.45) / 3 = 0.25, savings mean = 20,000 x 0.25 = 5,000.
    # var = (0.01 + 0.04 + 0.2025 - 0.02 - 0.045 - 0.09) / 18 = 0.005417, sd 0.0736 -> savings sd 1,472,
    # standard error 1,472 / sqrt(20,000) = 10.4; tolerance 60.
    assert sim.summary("savings")["mean"] == pytest.approx(5_000, abs=60)
    # F(mode) = 0.1 / 0.35 < 0.5, so the median is high - sqrt((high - low)(high - mode) / 2)
    # = 0.45 - sqrt(0.35 x 0.25 / 2) = 0.45 - 0.20917 = 0.24083 -> savings 4,816.6
    assert sim.summary("savings")["p50"] == pytest.approx(4_816.6, abs=60)


def test_triangular_draws_directly():
    spec = Spec("x", "triangular", low=2.0, high=11.0, mode=5.0)
    x = draw([spec], seed=3, start=0, stop=200_000)["x"]
    assert x.min() >= 2.0 and x.max() <= 11.0
    # mean (2 + 5 + 11) / 3 = 6; sd sqrt((4 + 25 + 121 - 10 - 22 - 55) / 18) = 1.87, standard error 0.004
    assert x.mean() == pytest.approx(6.0, abs=0.02)
    # P(x <= mode) = (mode - low) / (high - low) = 3 / 9
    assert (x <= 5.0).mean() == pytest.approx(1 / 3, abs=0.005)


def test_same_seed_same_result_whatever_the_chunk_size_or_threads(tmp_path):
    s = load_scenario(scenario(tmp_path))
    n = BLOCK + 4_000  # over a block boundary
    ref = simulate(s, draws=n, seed=42, workers=1)
    # chunks that straddle the block boundary, in two threads; everything in one chunk
    for chunk, workers in ((4_999, 2), (n, 1)):
        sim = simulate(s, draws=n, seed=42, chunk=chunk, workers=workers)
        for name in ref.figures:
            assert np.array_equal(sim.figures[name], ref.figures[name])
            assert sim.summary(name) == ref.summary(name)
        assert sim.p_target == ref.p_target


def test_draws_depend_only_on_seed_path_and_draw_number():
    a = uniforms(9, "costs.housing", 0, BLOCK + 100)
    assert np.array_equal(uniforms(9, "costs.housing", 50, BLOCK + 60), a[50:BLOCK + 60])
    assert not np.array_equal(uniforms(10, "costs.housing", 0, 100), a[:100])  # another seed
    assert not np.array_equal(uniforms(9, "costs.overhead", 0, 100), a[:100])  # another input
    assert a.min() >= 0.0 and a.max() < 1.0


def test_a_different_seed_gives_different_draws(tmp_path):
    s = load_scenario(scenario(tmp_path))
    a, b = simulate(s, draws=1_000, seed=1), simulate(s, draws=1_000, seed=2)
    assert not np.array_equal(a.figures["savings"], b.figures["savings"])


def test_whole_number_inputs_are_rounded(tmp_path):
    # substitution fixed at 0.25: savings 5,000 a year, cumulative 5,000 in 2020, 10,000 in 2021, 15,000 in 2022.
    # target.year ~ U(2020, 2022) rounded (halves up): 2020 for [2020, 2020.5), 2021 for [2020.5, 2021.5),
    # 2022 for [2021.5, 2022]: chances 1/4, 1/2, 1/4. Each draw reads its own target year.
    path = scenario(tmp_path, "0.25", extra="locations: {low: 1, high: 3}\n")
    text = path.read_text().replace("year: 2021}", "year: {low: 2020, high: 2022}}")
    s = load_scenario(write(tmp_path, "w.yaml", text))
    sim = simulate(s, draws=20_000, seed=8)
    assert sim.year_drawn
    # savings x locations: locations rounded to 1, 2 or 3 with chances 1/4, 1/2, 1/4
    values, counts = np.unique(sim.figures["savings"], return_counts=True)
    assert values.tolist() == pytest.approx([5_000, 10_000, 15_000])
    assert (counts / counts.sum()).tolist() == pytest.approx([0.25, 0.5, 0.25], abs=0.015)
    per_room = sim.figures["cumulative_savings"] / (sim.figures["savings"] / 5_000)
    years, counts = np.unique(per_room, return_counts=True)
    assert years.tolist() == pytest.approx([5_000, 10_000, 15_000])
    assert (counts / counts.sum()).tolist() == pytest.approx([0.25, 0.5, 0.25], abs=0.015)


# A professional paid by the hour: 1 h x 40 weeks x €25 = €1,000 x w, w = (1 + g)^(year - 2020);
# income: a fixed subsidy of €1,100 (not indexed). Result = 1,100 - 1,000 (1 + g)^e with g ~ U(0, 0.2):
# 2020 (e = 0): +100, never a deficit; 2021: deficit when g > 0.1, chance 0.5;
# 2022: deficit when (1 + g)^2 > 1.1, g > 0.04881, chance (0.2 - 0.04881) / 0.2 = 0.756.
DEFICIT = """\
staff:
  - {kind: professional, hours_per_week: 1, hourly_cost: 25}
income: {subsidy: 1100}
indexation: {wages: {low: 0, high: 0.2}}
"""


@pytest.mark.parametrize(("year", "chance"), [(2020, 0.0), (2021, 0.5), (2022, 0.756)])
def test_deficit_means_a_loss_in_any_operating_year_up_to_the_report_year(tmp_path, year, chance):
    s = load_scenario(scenario(tmp_path, "0.25", extra=DEFICIT))
    sim = simulate(s, draws=20_000, seed=4, year=year)
    assert sim.p_deficit == pytest.approx(chance, abs=0.015)
    assert sim.year == year


def test_progress_callback_counts_up_to_the_total(tmp_path):
    s = load_scenario(scenario(tmp_path))
    calls: list[tuple[int, int]] = []
    simulate(s, draws=2_500, seed=1, chunk=1_000, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1_000, 2_500), (2_000, 2_500), (2_500, 2_500)]


def test_check_draws_limits():
    with pytest.raises(UsageError, match="^--draws moet minstens 1 zijn, gekregen 0$"):
        check_draws(0, 7)
    with pytest.raises(UsageError, match="^--draws mag hoogstens 10.000.000 zijn, gekregen 10.000.001$"):
        check_draws(MAX_DRAWS + 1, 7)
    with pytest.raises(UsageError, match="vragen ongeveer .* MB geheugen en er is maar 10 MB vrij"):
        check_draws(1_000_000, 7, available=10 * 2**20)
    from aldlan_model.i18n.messages import use_lang

    with use_lang("en"), pytest.raises(UsageError, match="^--draws may be at most 10,000,000, got 10,000,001$"):
        check_draws(MAX_DRAWS + 1, 7)
    check_draws(MAX_DRAWS, 7, available=24 * 2**30)  # fits on this kind of machine


def test_specs_of_a_shipped_scenario_are_its_ranges():
    from tests.conftest import SCENARIOS

    s = load_scenario(SCENARIOS / "aldlan-mix.yaml")
    got = {x.path: x for x in specs(s)}
    assert got["participants.zin.count"] == Spec("participants.zin.count", "triangular", 10, 14, 12, 12)
    assert "opening.dagdelen_per_week" not in got  # a plain value, not a range


# --- the command line ---------------------------------------------------------------------------------


def test_cli_json(tmp_path):
    r = invoke("simulate", str(scenario(tmp_path)), "--draws", "2000", "--seed", "3", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert (data["draws"], data["seed"], data["year"]) == (2_000, 3, 2021)
    for name in ("savings", "cumulative_savings", "result", "subsidy"):
        assert set(data[name]) == {"p10", "p50", "p90", "mean"}
    assert data["uncertain"] == ["municipality.substitution"]
    assert data["inputs"][0]["label"] == "Substitutie: deelnemers zonder indicatie die anders een indicatie krijgen"
    first = {k: v for k, v in data["inputs"][0].items() if k != "label"}
    assert first == {"path": "municipality.substitution", "distribution": "uniform", "low": 0.0,
                                     "mode": None, "high": 0.5, "point": 0.25, "whole": False}
    assert 0.85 < data["p_target"] < 0.95 and data["p_deficit"] == 0.0
    again = invoke("simulate", str(scenario(tmp_path)), "--draws", "2000", "--seed", "3", "--format", "json")
    assert again.stdout == r.stdout


def test_cli_without_ranges_says_so_and_gives_the_run(tmp_path):
    path = scenario(tmp_path, "0.25")
    r = invoke("simulate", str(path), "--format", "json", "--lang", "en")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    # savings 20,000 x 0.25 = 5,000 in every draw
    assert data["savings"] == {"p10": 5_000.0, "p50": 5_000.0, "p90": 5_000.0, "mean": 5_000.0}
    assert data["draws"] == 10_000 and data["uncertain"] == [] and data["p_target"] == 1.0
    sentence = ("This scenario has no input with a range (low/high or low/mode/high): there is nothing to draw, "
                "every draw is the ordinary calculation.")
    assert data["warnings"] == [{"code": "no_ranges", "message": sentence}]
    table = invoke("simulate", str(path), "--lang", "en")
    assert table.exit_code == 0
    assert sentence in " ".join(table.stdout.split())


@pytest.mark.parametrize(("draws", "message"), [
    ("0", "fout: --draws moet minstens 1 zijn, gekregen 0"),
    ("-5", "fout: --draws moet minstens 1 zijn, gekregen -5"),
    ("10000001", "fout: --draws mag hoogstens 10.000.000 zijn, gekregen 10.000.001"),
])
def test_cli_refuses_bad_draws(tmp_path, draws, message):
    r = invoke("simulate", str(scenario(tmp_path)), "--draws", draws)
    assert r.exit_code == 2
    assert r.stderr.strip() == message


def test_cli_refuses_draws_that_do_not_fit_in_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(simulate_mod, "available_memory", lambda: 64 * 2**20)
    r = invoke("simulate", str(scenario(tmp_path)), "--draws", "5000000")
    assert r.exit_code == 2
    assert "MB geheugen en er is maar 64 MB vrij; gebruik minder --draws" in r.stderr


def test_cli_refuses_a_year_outside_the_period(tmp_path):
    r = invoke("simulate", str(scenario(tmp_path)), "--year", "2030")
    assert r.exit_code == 2 and r.stderr.strip() == "fout: --year 2030 ligt buiten de periode 2020–2022"


def test_cli_histogram(tmp_path):
    out = tmp_path / "hist.png"
    r = invoke("simulate", str(scenario(tmp_path)), "--draws", "500", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert r.stderr == f"✓ geschreven: {out}\n"


def test_cli_refuses_a_negative_seed(tmp_path):
    r = invoke("simulate", str(scenario(tmp_path)), "--seed", "-1")
    assert r.exit_code == 2 and r.stderr.strip() == "fout: --seed moet 0 of meer zijn, gekregen -1"
