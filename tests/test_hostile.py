"""Hostile and broken input: exit code 2 and a one-line ``FILE:LINE`` message, never a crash.

The regression corpus lives in ``tests/nasty/``: every file with the start of the first error
line of ``aldlan run FILE --format json`` in ``tests/nasty/expected.yaml``. The other tests
build what cannot be kept as a small file (1 MB files, 10,000 brackets, symlink loops, a
thousand files, folders, devices, pipes) and check the command-line mistakes and the
internal-error path.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from aldlan_model.io import yamlsrc
from aldlan_model.model.numbers import MAX_COUNT, MAX_MAGNITUDE, MIN_MAGNITUDE
from tests.conftest import digest

NASTY = Path(__file__).resolve().parent / "nasty"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((NASTY / "expected.yaml").read_text(encoding="utf-8"))
CORPUS = sorted(p.name for p in NASTY.iterdir() if p.name != "expected.yaml")

# an error line of `aldlan run` / a problem line of `aldlan validate`: always FILE:LINE
RUN_LINE = re.compile(r"^fout: (?P<file>.+?):(?P<line>\d+)(:\d+)?: .+$")
PROBLEM_LINE = re.compile(r"^  (?P<file>.+?):(?P<line>\d+)(:\d+)?: .+$")
INTERNAL = "interne fout — meld dit alstublieft, draai met --debug voor details"

runner = CliRunner()

GOOD = """\
name: Klein
period: {first: 2019, last: 2021}
target: {amount: 100000, year: 2020}
opening: {weeks_per_year: 40, dagdelen_per_week: 8}
tariffs:
  buurtkamer: {zin: 30, pgb: 22}
  baseline: {zin: 38, pgb: 28}
"""


def child(folder: Path, text: str) -> Path:
    """``x.yaml`` that extends a valid ``base.yaml`` (GOOD) and adds or replaces ``text``."""
    (folder / "base.yaml").write_text(GOOD)
    path = folder / "x.yaml"
    path.write_text("extends: base.yaml\n" + text)
    return path


pytestmark = pytest.mark.usefixtures("fast_cli")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of tests/nasty (the tool must not change it; we check that on the copy)."""
    target = tmp_path_factory.mktemp("nasty")
    for name in CORPUS:
        shutil.copyfile(NASTY / name, target / name)
    return target


def invoke(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def errors(result: Any) -> list[str]:
    return [ln for ln in result.stderr.splitlines() if ln.strip()]


def first_error(*args: str) -> str:
    """Run a command that must fail with exit 2 and one error line; return that line."""
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    lines = errors(result)
    assert len(lines) == 1, lines
    return lines[0]


# --- the corpus ----------------------------------------------------------------------------


def test_expected_lists_every_corpus_file() -> None:
    assert sorted(EXPECTED) == CORPUS


@pytest.mark.parametrize("name", CORPUS)
def test_corpus_file(corpus: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(corpus)
    expected = EXPECTED[name]
    before = digest(corpus)
    result = invoke("run", name, "--format", "json")
    assert result.exit_code == expected["exit"], result.output
    if expected["exit"] == 0:
        assert json.loads(result.stdout, parse_constant=_refuse)["name"]
        notes = [ln for ln in errors(result) if ln.startswith("let op: ")]
        assert notes[:1] == [f"let op: {expected['note']}"] if "note" in expected else notes == [], notes
    else:
        lines = errors(result)
        assert lines[0].startswith("fout: " + expected["error"]), lines[0]
        assert all(RUN_LINE.match(ln) for ln in lines), lines
    assert digest(corpus) == before


def _refuse(constant: str) -> None:
    raise AssertionError(f"JSON contains {constant}")


def test_validate_the_whole_corpus_in_one_call(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every bad file gets a ✗ line and problems naming FILE:LINE; nothing runs, nothing changes."""
    monkeypatch.chdir(corpus)
    before = digest(corpus)
    result = invoke("validate", *CORPUS)
    assert result.exit_code == 2
    bad = [n for n in CORPUS if EXPECTED[n]["exit"] != 0]
    lines = errors(result)
    crossed = [ln[2:] for ln in lines if ln.startswith("✗ ")]
    assert crossed == bad
    problems = [ln for ln in lines if not ln.startswith(("✗ ", "let op: "))]  # notes of valid files: let op
    assert problems and all(PROBLEM_LINE.match(ln) for ln in problems), problems
    assert result.stdout.count("✓ ") == len(CORPUS) - len(bad)
    assert digest(corpus) == before
    assert not Path("/tmp/aldlan-pwned").exists()  # python-object.yaml's os.system never ran


SAMPLE = ["alias-bomb.yaml", "utf16-bom.yaml", "tabs.yaml", "python-object.yaml", "nan.yaml", "extends-cycle-a.yaml",
          "kind-typo.yaml", "empty.yaml"]


@pytest.mark.parametrize("command", [
    ["explain", "{f}", "savings"], ["compare", "_base.yaml", "{f}"], ["simulate", "{f}", "--draws", "10", "-f", "json"],
    ["sensitivity", "{f}", "-f", "json"], ["solve", "{f}", "--vary", "locations", "--goal", "savings=1"],
    ["sweep", "{f}", "--set", "locations=1:3:1", "-f", "json"], ["run", "{f}", "-f", "csv"],
])
def test_every_command_reports_a_broken_file_the_same_way(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(corpus)
    for name in SAMPLE:
        result = invoke(*(part.format(f=name) for part in command))
        assert result.exit_code == 2, (name, result.output)
        assert errors(result)[0].startswith("fout: " + EXPECTED[name]["error"]), (name, errors(result))


# --- resource safety -------------------------------------------------------------------------


def test_billion_laughs_stops_at_the_node_limit(tmp_path: Path) -> None:
    # 10 levels of 9 aliases each would expand to 9**10 ≈ 3.5e9 values
    lines = ["name: bom", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (tmp_path / "bomb.yaml").write_text("\n".join(lines) + "\n")
    line = first_error("run", str(tmp_path / "bomb.yaml"))
    assert line.startswith(f"fout: {tmp_path / 'bomb.yaml'}:2:")
    assert line.endswith("het document breidt uit tot meer dan 10.000 waarden (aliassen te vaak herhaald?)")


@pytest.mark.parametrize("text", ["[" * 10_000, "{a: " * 10_000, "- " * 5_000 + "x"])
def test_deep_nesting_is_one_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text)
    line = first_error("run", str(path))
    assert re.fullmatch(rf"fout: {re.escape(str(path))}:1:\d+: het document is te diep genest", line), line


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(GOOD.encode() + b"#" * (yamlsrc.MAX_BYTES + 1 - len(GOOD)))
    assert first_error("run", str(path)) == (
        f"fout: {path}: het bestand is te groot (1.000.001 bytes; de grens is 1.000.000)"
    )


def test_file_of_exactly_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "full.yaml"
    path.write_bytes(GOOD.encode() + b"#" * (yamlsrc.MAX_BYTES - len(GOOD)))
    assert path.stat().st_size == yamlsrc.MAX_BYTES
    assert invoke("validate", str(path)).exit_code == 0


def test_long_line_and_long_key(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(GOOD + "description: " + "x" * 500_000 + "\n" + "k" * 1000 + ": 1\n")
    # a key is cut to 40 characters in messages (it may be a line of a file that is no scenario)
    assert first_error("run", str(path)).startswith(f"fout: {path}:9:1: {'k' * 40}…: onbekende sleutel '{'k' * 40}…'")
    # YAML allows at most 1024 characters in a plain key
    path.write_text(GOOD + "k" * 100_000 + ": 1\n")
    assert first_error("run", str(path)) == f"fout: {path}:8:1: een sleutel is hoogstens 1024 tekens lang"


def test_extends_chain_deeper_than_ten(tmp_path: Path) -> None:
    (tmp_path / "s0.yaml").write_text(GOOD)
    for i in range(1, 13):
        (tmp_path / f"s{i}.yaml").write_text(f"extends: s{i - 1}.yaml\nname: s{i}\n")
    assert invoke("validate", str(tmp_path / "s9.yaml")).exit_code == 0  # s9 → s0: 10 files, the limit
    line = first_error("run", str(tmp_path / "s10.yaml"))  # 11 files
    assert line.endswith("extends: de extends-keten is langer dan 10 bestanden")
    assert RUN_LINE.match(line)


def test_extends_symlink_loop(tmp_path: Path) -> None:
    os.symlink("b.yaml", tmp_path / "a.yaml")
    os.symlink("a.yaml", tmp_path / "b.yaml")
    (tmp_path / "child.yaml").write_text("extends: a.yaml\nname: x\n")
    assert first_error("run", str(tmp_path / "child.yaml")) == (
        f"fout: {tmp_path / 'child.yaml'}:1:1: extends: kan 'a.yaml' niet volgen (een lus van symbolische koppelingen?)"
    )


def test_symlink_loop_given_as_file(tmp_path: Path) -> None:
    os.symlink("loop.yaml", tmp_path / "loop.yaml")
    line = first_error("run", str(tmp_path / "loop.yaml"))
    assert line == (f"fout: {tmp_path / 'loop.yaml'}: het bestand kan niet gelezen worden (Too many levels of "
        f"symbolic links)")


def test_extends_through_a_symlink_to_itself_is_a_cycle(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text("extends: alias.yaml\nname: x\n")
    os.symlink("real.yaml", tmp_path / "alias.yaml")
    line = first_error("run", str(tmp_path / "real.yaml"))
    assert line.endswith("extends: extends vormt een kring: real.yaml → real.yaml"), line


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.mkdir(), "is een map, geen scenariobestand"),
    (lambda p: None, "bestand niet gevonden"),
    (lambda p: p.write_bytes(b""), "het bestand is leeg; verwacht een scenario (name, period, tariffs, …)"),
])
def test_file_that_is_no_scenario(tmp_path: Path, make: Any, message: str) -> None:
    path = tmp_path / "x.yaml"
    make(path)
    empty = message.startswith("het bestand is leeg")  # the content is at fault: a line; otherwise none
    assert first_error("run", str(path)).startswith(f"fout: {path}:1:1:" if empty else f"fout: {path}: ")
    assert first_error("run", str(path)).endswith(message)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_device_given_as_file_is_refused_not_read() -> None:
    assert first_error("run", "/dev/zero") == (
        "fout: /dev/zero: is geen gewoon bestand (een apparaat of socket?); geef een scenariobestand"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_without_writer_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    assert first_error("run", str(tmp_path / "pipe.yaml")).endswith("het bestand is leeg; verwacht een scenario "
                                                                     "(name, period, tariffs, …)")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text(GOOD)
    path.chmod(0)
    assert first_error("run", str(path)) == f"fout: {path}: geen toegang: het bestand kan niet gelezen worden"


def test_validate_a_thousand_files(tmp_path: Path) -> None:
    """Half good, half broken: 500 ✓ lines, 500 ✗ blocks each with its FILE:LINE problem, exit 2."""
    files = []
    for i in range(1000):
        path = tmp_path / f"s{i:04d}.yaml"
        path.write_text(GOOD if i % 2 == 0 else GOOD + "locaties: 3\n")
        files.append(str(path))
    result = invoke("validate", *files)
    assert result.exit_code == 2
    assert result.stdout.count("✓ ") == 500
    lines = errors(result)
    assert len(lines) == 1000  # a ✗ line and one problem line per broken file
    for i in range(500):
        name = files[2 * i + 1]
        assert lines[2 * i] == f"✗ {name}"
        assert lines[2 * i + 1] == f"  {name}:8:1: locaties: onbekende sleutel 'locaties'; bedoelde u 'locations'?"


# --- numbers that make no sense --------------------------------------------------------------


@pytest.mark.parametrize(("snippet", "message"), [
    ("costs: {housing: .nan}", "costs.housing: moet een eindig getal zijn, maar dit is nan"),
    ("costs: {housing: {low: 1, high: .inf}}", "costs.housing.high: moet een eindig getal zijn, maar dit is inf"),
    ("costs: {housing: 1.0e+13}",
     "costs.housing: getal is te groot (de grens is 1.000.000.000.000), maar dit is 10000000000000"),
    ("costs: {housing: 1e300}", "costs.housing: getal is te groot (de grens is 1.000.000.000.000), maar dit is 1e+300"),
    ("income: {other: 123456789012345678901234567890}",
     "income.other: getal is te groot (de grens is 1.000.000.000.000), maar dit is 1.235e+29"),
    ("tariffs: {baseline: {zin: 5.0e-324}}", "tariffs.baseline.zin: getal is te klein om iets te betekenen "
     "(het kleinste naast 0 is 0.000000001), maar dit is 5e-324"),
    ("participants: {zin: {count: 10000001}}", "participants.zin.count: moet ≤ 10000000 zijn, maar dit is 10000001"),
    ("norms: {hours_per_fte: 169}", "norms.hours_per_fte: moet ≤ 168 zijn, maar dit is 169"),
    ("staff: [{kind: volunteer, count: 1, hours_per_week: 168.5}]",
     "staff.0.hours_per_week: moet ≤ 168 zijn, maar dit is 168.5"),
    ("opening: {weeks_per_year: 48, dagdelen_per_week: 8, hours_per_dagdeel: 12.5}",
     "opening.hours_per_dagdeel: moet ≤ 12 zijn, maar dit is 12.5"),
    ("period: {first: 2019, last: 2201}", "period.last: moet ≤ 2200 zijn, maar dit is 2201"),
    ("period: {first: 1899, last: 2021}", "period.first: moet ≥ 1900 zijn, maar dit is 1899"),
])
def test_nonsense_numbers_are_caught_before_computing(tmp_path: Path, snippet: str, message: str) -> None:
    path = child(tmp_path, snippet + "\n")
    line = first_error("run", str(path), "--format", "json")
    assert RUN_LINE.match(line) and line.endswith(message), line


def test_opening_hours_cannot_exceed_a_week(tmp_path: Path) -> None:
    """dagdelen_per_week ≤ 14 and hours_per_dagdeel ≤ 12: at most 14 × 12 = 168 hours, a whole week."""
    path = child(tmp_path, "opening: {weeks_per_year: 53, dagdelen_per_week: 14, hours_per_dagdeel: 12}\n")
    assert invoke("validate", str(path)).exit_code == 0
    path = child(tmp_path, "opening: {weeks_per_year: 53, dagdelen_per_week: 14.5, hours_per_dagdeel: 12}\n")
    assert first_error("run", str(path)).endswith("opening.dagdelen_per_week: moet ≤ 14 zijn, maar dit is 14.5")


def test_the_caps_are_the_documented_ones() -> None:
    assert (MAX_MAGNITUDE, MIN_MAGNITUDE, MAX_COUNT, yamlsrc.MAX_BYTES) == (1e12, 1e-9, 1e7, 1_000_000)
    doc = (Path(__file__).resolve().parent.parent / "docs" / "errors.md").read_text(encoding="utf-8")
    for shown in ("1,000,000,000,000", "0.000000001", "10,000,000", "1,000,000 bytes", "10,000 values"):
        assert shown in doc


TINY_SAVINGS = """\
participants: {zin: {count: 1.0e-9, dagdelen_per_week: 1.0e-9}}
staff: [{kind: professional, hours_per_week: 1.0e-9, hourly_cost: 0}]
transport: {baseline: 1.0e-9}
target: {amount: 1.0e+12, year: 2020}
"""


EXTREME = """\
name: Alles op het maximum
period: {first: 1900, last: 1999, start: 1900}
target: {amount: 1.0e-9, year: 1999}
locations: 10000
opening: {weeks_per_year: 53, dagdelen_per_week: 14, hours_per_dagdeel: 12}
participants:
  zin: {count: 10000000, dagdelen_per_week: 14}
  pgb: {count: 10000000, dagdelen_per_week: 14}
  without_indication: {count: 10000000, dagdelen_per_week: 14}
staff:
  - {kind: professional, fte: 10000000, salary: 1.0e+12, employer_charges: 1.5}
  - {kind: professional, hours_per_week: 168, hourly_cost: 1.0e+12}
  - {kind: volunteer, count: 10000000, hours_per_week: 168, allowance: 1.0e+12, other_costs: 1.0e+12}
costs: {housing: 1.0e+12, per_participant_dagdeel: 1.0e+12, overhead: 1, margin: 0.999999999,
        startup: {amount: 1.0e+12, depreciation_years: 1.0e-9}}
income: {contribution: 1.0e+12, other: 1.0e+12, subsidy: cover_deficit}
tariffs: {buurtkamer: {zin: 1.0e-9, pgb: 1.0e+12}, baseline: {zin: 1.0e+12, pgb: 1.0e-9}}
transport: {buurtkamer: 1.0e+12, baseline: 1.0e+12}
municipality: {assessment_per_indication: 1.0e+12, substitution: 1}
indexation: {wages: 1, prices: 1, tariffs: 1}
norms: {hours_per_fte: 168, max_indicated_per_professional: 1.0e-9}
"""


@pytest.mark.parametrize("variant", [
    EXTREME,
    # no professional present but indicated participants: indicated per professional is infinite
    "extends: base.yaml\nparticipants: {zin: {count: 1.0e-9, dagdelen_per_week: 1.0e-9}}\n",
    "extends: base.yaml\n" + TINY_SAVINGS,
])
def test_valid_extremes_give_finite_json(tmp_path: Path, variant: str) -> None:
    """At the caps (and at the smallest non-zero numbers) every figure in the JSON is finite."""
    (tmp_path / "base.yaml").write_text(GOOD)
    path = tmp_path / "x.yaml"
    path.write_text(variant)
    result = invoke("run", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout, parse_constant=_refuse)
    numbers = list(_numbers(data))
    assert numbers and all(math.isfinite(x) for x in numbers)
    assert invoke("run", str(path)).exit_code == 0  # the terminal table too


def test_tiny_savings_count_as_no_savings(tmp_path: Path) -> None:
    data = json.loads(invoke("run", str(child(tmp_path, TINY_SAVINGS)), "-f", "json").stdout, parse_constant=_refuse)
    # P_zin = 1e-9 × 1e-9 × 40 weeks × ramp 1 = 4e-17 (served share 1: capacity 1e-9 / 32 × 8 ≫ demand 1.25e-19)
    # savings = 38 × 4e-17 + 1e-9 × 4e-17 − 30 × 4e-17 = 3.2e-16 (+ 4e-26)
    assert data["target"]["savings"] == pytest.approx(3.2e-16)
    # 3.2e-16 euro is below half a cent: no saving, no number of rooms (never ≈ 3e27 rooms)
    assert data["target"]["locations_needed"] is None
    assert "no_savings" in [w["code"] for w in data["warnings"]]


def _numbers(value: Any) -> Any:
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _numbers(v)
    elif isinstance(value, list):
        for v in value:
            yield from _numbers(v)


def test_no_professional_present_gives_null_not_infinity(tmp_path: Path) -> None:
    path = child(tmp_path, "participants: {zin: {count: 4, dagdelen_per_week: 2}}\n")
    data = json.loads(invoke("run", str(path), "--format", "json").stdout, parse_constant=_refuse)
    # demand = 4 × 2 / 8 = 1 indicated participant per dagdeel, present = 0 professionals
    assert data["staffing"]["indicated_per_dagdeel"] == 1.0
    assert data["staffing"]["professionals_present"] == 0.0
    assert data["staffing"]["indicated_per_professional"] is None


# --- commands used wrongly ---------------------------------------------------------------------


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    return child(tmp_path, "name: Klein\nstaff: [{role: a, kind: professional, fte: 1, salary: 30000},"
                           " {role: b, kind: volunteer, count: 2, hours_per_week: 4}]\n")


@pytest.mark.parametrize(("setting", "message"), [
    ("participants.zin.cout=3",
     "fout: --set participants.zin.cout=3: participants.zin.cout: onbekende sleutel 'cout'; bedoelde u 'count'?"),
    ("partcipants.zin.count=3",
     "fout: --set partcipants.zin.count=3: partcipants: onbekende sleutel 'partcipants'; bedoelde u 'participants'?"),
    ("staff.5.fte=1", "fout: --set staff.5.fte=1: staff.5.fte: geen sleutelpad: staff heeft items 0–1"),
    ("staff.fte=1", "fout: --set staff.fte=1: staff.fte: geen item met de naam 'fte' in staff (namen: a, b; of gebruik "
     "het itemnummer)"),
    ("locations=veel", "fout: --set locations=veel: locations: verwacht een getal, maar dit is de tekst 'veel'"),
    ("locations=.nan", "fout: --set locations=.nan: locations: moet een eindig getal zijn, maar dit is nan"),
    ("locations=1e9", "fout: --set locations=1e9: locations: moet ≤ 10000 zijn, maar dit is 1000000000"),
    ("locations=010", "fout: --set locations=010: '010' is in YAML een octaal getal (010 betekent 8); "
     "schrijf het zonder de voorloopnul"),
    ("name=!!python/object/apply:os.system [ls]", "fout: --set name=!!python/object/apply:os.system [ls]: "
     "YAML-tag !!python/object/apply:os.system wordt niet ondersteund; een scenario bevat alleen getallen, tekst, "
     "true/false, lijsten en sleutels met waarden"),
    ("norms.enforce=misschien", "fout: --set norms.enforce=misschien: norms.enforce: verwacht true of false, "
     "maar dit is misschien"),
    ("ramp_up=[]", "fout: --set ramp_up=[]: ramp_up: mag niet leeg zijn"),
    ("income.subsidy=cover_defecit", "fout: --set income.subsidy=cover_defecit: income.subsidy: verwacht een getal "
     "of het woord cover_deficit, maar dit is 'cover_defecit'; bedoelde u 'cover_deficit'?"),
    ("locations", "fout: --set locations: verwacht PAD=WAARDE, bijv. participants.zin.count=14"),
    ("costs..housing=3", "fout: --set costs..housing=3: costs..housing: leeg deel in het sleutelpad"),
])
def test_wrong_set(scenario: Path, setting: str, message: str) -> None:
    assert first_error("run", str(scenario), "--set", setting) == message


def test_set_with_a_digit_that_is_no_number(scenario: Path) -> None:
    """'¹'.isdigit() is true but int('¹') fails: found by the fuzz suite."""
    assert first_error("run", str(scenario), "--set", "¹=1").startswith("fout: --set ¹=1: ¹: onbekende sleutel '¹'")
    assert first_error("run", str(scenario), "--set", "staff.²=1") == (
        "fout: --set staff.²=1: staff.²: geen item met de naam '²' in staff (namen: a, b; of gebruik het itemnummer)"
    )


def test_set_that_makes_a_number_into_a_mapping_points_at_the_set(scenario: Path) -> None:
    line = first_error("run", str(scenario), "--set", "name.first=x")
    assert line == "fout: --set name.first=x: name: verwacht tekst, maar dit is sleutels met waarden"


def test_existing_output_is_not_overwritten_without_force(scenario: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("keep me")
    assert first_error("run", str(scenario), "-f", "json", "-o", str(out)) == (
        f"fout: {out} bestaat al; gebruik --force om het te overschrijven."
    )
    assert out.read_text() == "keep me"
    assert invoke("run", str(scenario), "-f", "json", "-o", str(out), "--force").exit_code == 0
    assert json.loads(out.read_text())["name"] == "Klein"


@pytest.mark.parametrize(("where", "message"), [
    ("missing/out.json", "fout: Map {tmp}/missing bestaat niet; maak hem aan of kies een ander pad."),
    (".", "fout: {tmp} is een map; geef een bestandsnaam voor de uitvoer."),
])
def test_unwritable_output(scenario: Path, tmp_path: Path, where: str, message: str) -> None:
    target = tmp_path / where if where != "." else tmp_path
    assert first_error("run", str(scenario), "-f", "json", "-o", str(target)) == message.format(tmp=tmp_path)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root writes everywhere")
def test_read_only_output_folder(scenario: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        line = first_error("run", str(scenario), "-f", "json", "-o", str(folder / "out.json"))
    finally:
        folder.chmod(0o700)
    assert line == f"fout: In map {folder} kan niet geschreven worden; kies een andere uitvoermap."


def test_unknown_format(scenario: Path) -> None:
    assert first_error("run", str(scenario), "--format", "pdf").startswith("fout: onbekend formaat 'pdf'")


def test_unknown_metric_in_explain(scenario: Path) -> None:
    assert first_error("explain", str(scenario), "savngs").startswith(
        "fout: onbekend bedrag 'savngs'; bedoelde u 'savings'?"
    )


@pytest.mark.parametrize(("grid", "message"), [
    ("8:16:0", "STEP moet groter dan 0 zijn, maar dit is 0"),
    ("8:16:-2", "STEP moet groter dan 0 zijn, maar dit is -2"),
    ("16:8:2", "STOP moet ≥ START zijn (het raster loopt omhoog), maar dit is 16 > 8"),
    ("0:10000000:1", "10.000.001 punten, meer dan het maximum van 1.000.000; gebruik een grotere STEP"),
])
def test_sweep_with_a_broken_grid(scenario: Path, grid: str, message: str) -> None:
    line = first_error("sweep", str(scenario), "--set", f"participants.zin.count={grid}", "--format", "json")
    assert line == f"fout: --set participants.zin.count={grid}: {message}"


@pytest.mark.parametrize(("option", "message"), [
    (["--draws", "0"], "fout: --draws moet minstens 1 zijn, gekregen 0"),
    (["--draws", "-5"], "fout: --draws moet minstens 1 zijn, gekregen -5"),
    (["--draws", "100000000000"], "fout: --draws mag hoogstens 10.000.000 zijn, gekregen 100.000.000.000"),
    (["--seed", "-1"], "fout: --seed moet 0 of meer zijn, gekregen -1"),
])
def test_simulate_with_impossible_draws(scenario: Path, option: list[str], message: str) -> None:
    assert first_error("simulate", str(scenario), *option, "--format", "json") == message


def test_sensitivity_with_an_unknown_metric(scenario: Path) -> None:
    assert first_error("sensitivity", str(scenario), "--metric", "savngs").startswith(
        "fout: onbekende maat 'savngs'; kies een van: savings,"
    )


# --- internal errors ---------------------------------------------------------------------------


def _boom(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError("secret detail")


def test_internal_error_is_one_line_and_exit_1(scenario: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("aldlan_model.engine.room.compute", _boom)
    monkeypatch.delenv("ALDLAN_DEBUG", raising=False)
    result = invoke("run", str(scenario), "--format", "json")
    assert result.exit_code == 1
    assert errors(result) == [f"{INTERNAL} (RuntimeError)"]
    assert "secret detail" not in result.output
    assert result.stdout == ""


def test_debug_shows_the_traceback(scenario: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("aldlan_model.engine.room.compute", _boom)
    result = runner.invoke(app, ["--debug", "run", str(scenario)])
    # the exception escapes the command: Python prints the traceback and exits with 1
    assert isinstance(result.exception, RuntimeError) and str(result.exception) == "secret detail"
    assert result.exit_code == 1
