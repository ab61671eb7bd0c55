"""Advice that fits the mistake (issue 15, item 6): the right line, the right fix, in Dutch by
default and in English with ``--lang en``. Each case: exact message, FILE:LINE:COL, exit code."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from aldlan_model.io.loader import MAX_EXTENDS_DEPTH
from tests.conftest import MINIMAL, write

runner = CliRunner()


def run(*args: str) -> tuple[int, list[str], str]:
    r = runner.invoke(app, list(args))
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    return r.exit_code, [ln for ln in r.stderr.splitlines() if ln.strip()], r.stdout


def scenario(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    return write(tmp_path, name, MINIMAL + text)


# --- 34.500: a Dutch amount read as 34,5 -------------------------------------------------------

STAFF = "staff:\n  - role: begeleider\n    kind: professional\n    fte: 1\n    salary: 34.500\n"


def test_three_decimals_on_a_money_key_is_a_note(tmp_path: Path) -> None:
    path = scenario(tmp_path, "costs:\n  housing: 12.500\n" + STAFF)
    code, err, _ = run("run", str(path), "--format", "json")
    assert code == 0
    assert err == [
        f"let op: {path}:9:3: costs.housing: 12.500 wordt gelezen als 12,5; schrijf voor twaalfduizendvijfhonderd "
        "12500",
        f"let op: {path}:14:5: staff.0.salary: 34.500 wordt gelezen als 34,5; schrijf voor "
        "vierendertigduizendvijfhonderd 34500",
    ]


def test_three_decimals_in_english(tmp_path: Path) -> None:
    path = scenario(tmp_path, STAFF)
    code, err, _ = run("run", str(path), "--format", "json", "--lang", "en")
    assert code == 0
    assert err == [f"note: {path}:12:5: staff.0.salary: 34.500 is read as 34.5; for thirty-four thousand, five "
                   "hundred write 34500"]


def test_three_decimals_elsewhere_is_no_note(tmp_path: Path) -> None:
    path = scenario(tmp_path, "costs:\n  per_participant_dagdeel: 4.125\n  overhead: 0.125\n")
    assert run("run", str(path), "--format", "json")[1] == []


@pytest.mark.parametrize("fmt", ["markdown", "html", "csv", "table"])
def test_notes_are_in_the_report_warnings(tmp_path: Path, fmt: str) -> None:
    path = scenario(tmp_path, "costs:\n  housing: 12.500\n")
    code, _, out = run("run", str(path), "--format", fmt)
    assert code == 0
    assert "12.500 wordt gelezen als 12,5; schrijf voor twaalfduizendvijfhonderd 12500" in " ".join(out.split())


def test_notes_in_the_report_follow_its_language(tmp_path: Path) -> None:
    path = scenario(tmp_path, "costs:\n  housing: 12.500\n")
    out = run("run", str(path), "--format", "markdown", "--lang", "en")[2]
    assert "12.500 is read as 12.5; for twelve thousand, five hundred write 12500" in " ".join(out.split())


def test_notes_in_compare_warnings(tmp_path: Path) -> None:
    path = scenario(tmp_path, "costs:\n  housing: 12.500\n")
    out = run("compare", str(path), str(path), "locations=2", "--format", "markdown")[2]
    assert "12.500 wordt gelezen als 12,5" in " ".join(out.split())


def test_words() -> None:
    from aldlan_model.io.notes import words_en, words_nl

    # Dutch writes a number in words as one word (num2words follows the spelling rules)
    assert words_nl(34500) == "vierendertigduizendvijfhonderd"
    assert words_nl(43250) == "drieënveertigduizendtweehonderdvijftig"
    assert words_nl(1800) == "duizendachthonderd"
    assert words_en(34500) == "thirty-four thousand, five hundred"


# --- 10%, €9000: no "remove the quotes" where there are none ----------------------------------

@pytest.mark.parametrize(("text", "line", "col", "message"), [
    ("costs:\n  overhead: 10%\n", 9, 3,
     "costs.overhead: verwacht een getal, maar dit is de tekst '10%'; schrijf 10 % als 0.10"),
    ("costs:\n  housing: €9000\n", 9, 3,
     "costs.housing: verwacht een getal, maar dit is de tekst '€9000'; schrijf het bedrag zonder €-teken: 9000"),
    ("costs:\n  housing: € 9.000\n", 9, 3,
     "costs.housing: verwacht een getal, maar dit is de tekst '€ 9.000'; schrijf het bedrag zonder €-teken: 9000"),
    ("costs:\n  housing: \"9000\"\n", 9, 3,
     "costs.housing: verwacht een getal, maar dit is de tekst '9000'; haal de aanhalingstekens weg: 9000"),
])
def test_text_for_a_number(tmp_path: Path, text: str, line: int, col: int, message: str) -> None:
    path = scenario(tmp_path, text)
    code, err, _ = run("run", str(path))
    assert code == 2
    assert err == [f"fout: {path}:{line}:{col}: {message}"]


def test_percent_in_english(tmp_path: Path) -> None:
    path = scenario(tmp_path, "costs:\n  overhead: 10%\n")
    assert run("run", str(path), "--lang", "en")[1] == [
        f"error: {path}:9:3: costs.overhead: expected a number, got the text '10%'; write 10 % as 0.10"]


# --- 30 for 30 %: the fraction hint for every fraction-like key -------------------------------

@pytest.mark.parametrize(("text", "line", "col", "message"), [
    ("staff:\n  - {role: a, kind: professional, fte: 1, salary: 34000, employer_charges: 30}\n", 9, 58,
     "staff.0.employer_charges: moet ≤ 1.5 zijn, maar dit is 30 (een fractie: schrijf 30 % als 0.30)"),
    ("indexation:\n  wages: 2\n", 9, 3,
     "indexation.wages: moet ≤ 1 zijn, maar dit is 2 (een fractie: schrijf 2 % als 0.02)"),
    ("costs:\n  margin: 5\n", 9, 3,
     "costs.margin: moet < 1 zijn, maar dit is 5 (een fractie: schrijf 5 % als 0.05)"),
    ("costs:\n  overhead: 12.5\n", 9, 3,
     "costs.overhead: moet ≤ 1 zijn, maar dit is 12.5 (een fractie: schrijf 12.5 % als 0.125)"),
])
def test_fraction_hint(tmp_path: Path, text: str, line: int, col: int, message: str) -> None:
    path = scenario(tmp_path, text)
    code, err, _ = run("run", str(path))
    assert code == 2
    assert err == [f"fout: {path}:{line}:{col}: {message}"]


def test_fraction_hint_in_english(tmp_path: Path) -> None:
    path = scenario(tmp_path, "costs:\n  margin: 5\n")
    assert run("run", str(path), "--lang", "en")[1] == [
        f"error: {path}:9:3: costs.margin: must be < 1, got 5 (a fraction: write 5 % as 0.05)"]


# --- 0,3 and 1.800,00 inside { } ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "col", "message"), [
    ("costs: {overhead: 0,3}\n", 19,
     "costs.overhead: binnen { } scheidt een komma de items, dus 0,3 wordt in stukken gelezen; schrijf 0.3"),
    ("costs: {housing: 1.800,00}\n", 18,
     "costs.housing: binnen { } scheidt een komma de items, dus 1.800,00 wordt in stukken gelezen; schrijf 1800"),
    ("costs: {housing: {value: 1.800,50, source: x}}\n", 26,
     "costs.housing.value: binnen { } scheidt een komma de items, dus 1.800,50 wordt in stukken gelezen; "
     "schrijf 1800.5"),
])
def test_decimal_comma_in_a_flow_mapping(tmp_path: Path, text: str, col: int, message: str) -> None:
    path = scenario(tmp_path, text)
    code, err, _ = run("run", str(path))
    assert code == 2
    assert err == [f"fout: {path}:8:{col}: {message}"]


# --- YAML syntax: the line where the problem is, in plain words ---------------------------------

@pytest.mark.parametrize(("text", "where", "message"), [
    ("costs:\n  housing 9000\n  overhead: 0.1\n", "9:3", "geen dubbele punt na 'housing'; schrijf housing: 9000"),
    ("housing 9000\nlocations: 2\n", "8:1", "geen dubbele punt na 'housing'; schrijf housing: 9000"),
    ("staff:\n  - role begeleider\n    fte: 1\n", "9:5", "geen dubbele punt na 'role'; schrijf role: begeleider"),
    ("costs:\n  housing 9000\n", "8:1", "costs: geen dubbele punt na 'housing'; schrijf housing: 9000"),
    ("description: \"Buurtkamer Oost\nlocations: 2\n", "8:14",
     "het aanhalingsteken \" hier wordt nooit gesloten; zet er een \" achter de tekst"),
    ("description: Buurtkamer: Oost\n", "8:24",
     "een dubbele punt met een spatie erna midden in een waarde; zet de tekst tussen aanhalingstekens: "
     "description: \"Buurtkamer: Oost\""),
    ("costs:\n  housing: 1000\n    overhead: 0.1\n", "10:5",
     "deze regel springt verder in dan de sleutel erboven (regel 9); zet hem recht onder de sleutels waar hij "
     "bij hoort"),
    ("costs: {housing: 1000, overhead: 0.1\nlocations: 2\n", "8:8",
     "de { hier wordt niet gesloten met } (of er ontbreekt een komma tussen twee items)"),
])
def test_yaml_syntax_errors(tmp_path: Path, text: str, where: str, message: str) -> None:
    path = scenario(tmp_path, text)
    code, err, _ = run("run", str(path))
    assert code == 2
    assert err == [f"fout: {path}:{where}: {message}"]


def test_lang_is_not_case_sensitive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = scenario(tmp_path, "costs:\n  housing 9000\n  overhead: 0.1\n")
    monkeypatch.setenv("ALDLAN_LANG", "EN")
    assert run("run", str(path))[1] == [f"error: {path}:9:3: no colon after 'housing'; write housing: 9000"]


def test_missing_colon_in_english(tmp_path: Path) -> None:
    path = scenario(tmp_path, "costs:\n  housing 9000\n  overhead: 0.1\n")
    assert run("validate", str(path), "--lang", "en")[1][1] == f"  {path}:9:3: no colon after 'housing'; write " \
        "housing: 9000"


# --- invisible characters -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "where", "path"), [
    ("costs:\n  housing:\u00a09000\n", (9, 11), "costs: "),
    ("costs:\n  housing: 9\u00a0000\n", (9, 13), "costs.housing: "),
    ("costs:\n  housing: 9000\n\u00a0 overhead: 0.1\n", (10, 1), None),
])
def test_no_break_space_is_named(tmp_path: Path, text: str, where: tuple[int, int], path: str | None) -> None:
    file = scenario(tmp_path, text)
    code, err, _ = run("run", str(file))
    assert code == 2
    line, col = where
    message = f"onzichtbare harde spatie (U+00A0) op regel {line}, kolom {col}; vervang door een gewone spatie"
    assert err[0].startswith(f"fout: {file}:{line}:{col}: ") and err[0].endswith(message), err
    if path is not None:
        assert err[0] == f"fout: {file}:{line}:{col}: {path}{message}"


def test_line_separator_in_a_name_does_not_shift_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", MINIMAL.replace("name: Minimaal", 'name: "Mini\u2028maal\u2029"')
                 + "costs:\n  housng: 1\n")
    code, err, _ = run("run", str(path))
    assert code == 2
    assert err == [f"fout: {path}:9:3: costs.housng: onbekende sleutel 'housng'; bedoelde u 'housing'?"]


# --- --set --------------------------------------------------------------------------------------

@pytest.fixture
def minimal_file(tmp_path: Path) -> Path:
    return scenario(tmp_path, "")


def test_set_a_leaf_name_suggests_its_full_path(minimal_file: Path) -> None:
    code, err, _ = run("run", str(minimal_file), "--set", "housing=8000")
    assert code == 2
    assert err == ["fout: --set housing=8000: housing: onbekende sleutel 'housing'; bedoelde u 'costs.housing'?"]


def test_set_extends_is_refused(minimal_file: Path) -> None:
    code, err, _ = run("run", str(minimal_file), "--set", "extends=base.yaml")
    assert code == 2
    assert err == ["fout: --set extends=base.yaml: extends: extends kan niet met --set gezet worden; schrijf het "
                   "in het bestand"]
    assert run("run", str(minimal_file), "--set", "extends=b.yaml", "--lang", "en")[1] == [
        "error: --set extends=b.yaml: extends: extends cannot be set with --set; write it in the file"]


def test_compare_variant_with_a_leaf_name_suggests_period_start(minimal_file: Path) -> None:
    code, err, _ = run("compare", str(minimal_file), str(minimal_file), "start=2021")
    assert code == 2
    assert err == [f"fout: {minimal_file} start=2021: start: onbekende sleutel 'start'; bedoelde u "
                   "'period.start'?"]


# --- extends: at most 10 files ------------------------------------------------------------------

def test_extends_chain_of_exactly_ten_files(tmp_path: Path) -> None:
    assert MAX_EXTENDS_DEPTH == 10
    write(tmp_path, "s1.yaml", MINIMAL)
    for i in range(2, 12):
        write(tmp_path, f"s{i}.yaml", f"extends: s{i - 1}.yaml\nname: s{i}\n")
    code, _, out = run("run", str(tmp_path / "s10.yaml"), "--format", "json")  # s10 → s1: ten files
    assert code == 0 and json.loads(out)["name"] == "s10"
    code, err, _ = run("run", str(tmp_path / "s11.yaml"))  # eleven files
    assert code == 2
    shown = os.path.relpath(tmp_path / "s2.yaml")  # a file reached through extends: relative to the working folder
    assert err == [f"fout: {shown}:1:1: extends: de extends-keten is langer dan 10 bestanden"]


# --- aldlan new --from "dir #1/base.yaml" ------------------------------------------------------

@pytest.mark.parametrize("folder", ["dir #1", "a: b", "it's", "[x]"])
def test_new_from_a_path_that_needs_quotes(tmp_path: Path, folder: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / folder).mkdir()
    write(tmp_path / folder, "base.yaml", MINIMAL)
    code, _, out = run("new", "kind.yaml", "--from", f"{folder}/base.yaml")
    assert code == 0, out
    assert out.strip() == "✓ geschreven: kind.yaml"
    assert run("run", "kind.yaml", "--format", "json")[0] == 0


def test_new_template_is_dutch_and_english_with_lang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("new", "nl.yaml")[0] == 0
    assert "# per locatie per jaar" in (tmp_path / "nl.yaml").read_text(encoding="utf-8")
    assert run("new", "en.yaml", "--lang", "en")[2].strip() == "✓ wrote en.yaml"
    assert "# per location per year" in (tmp_path / "en.yaml").read_text(encoding="utf-8")


def test_decimal_comma_in_a_flow_list(tmp_path: Path) -> None:
    path = scenario(tmp_path, "ramp_up: [0,5, 0,8, 1]\n")
    code, err, _ = run("run", str(path))
    assert code == 2
    assert err == [
        f"fout: {path}:8:11: ramp_up.0: binnen [ ] scheidt een komma de items, dus 0,5 wordt als twee getallen "
        "gelezen; schrijf 0.5",
        f"fout: {path}:8:16: ramp_up.2: binnen [ ] scheidt een komma de items, dus 0,8 wordt als twee getallen "
        "gelezen; schrijf 0.8",
    ]
    assert run("run", str(scenario(tmp_path, "ramp_up: [0.5, 0.8, 1]\n", "ok.yaml")), "-f", "json")[0] == 0
