"""Safety round 3 (issue 22): the scenario is never overwritten by its own output, no exit 1 from
odd input, output paths that behave, Excel limits, a hostile environment, Unicode, hints that
never change the meaning, and every error of a file in one run.

Each test states the case as a user would type it; exit codes are 0 or 2, messages one line,
and nothing is lost, leaked, clobbered or left behind.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from tests.conftest import REPO, digest

SCENARIOS = REPO / "scenarios"
INTERNAL = "interne fout"

runner = CliRunner()
pytestmark = pytest.mark.usefixtures("fast_cli")


def invoke(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Any:
    result = runner.invoke(app, list(args), env=env, input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output and INTERNAL not in result.output, result.output
    assert result.exit_code in (0, 2), result.output
    return result


def errors(result: Any) -> list[str]:
    return [ln for ln in result.stderr.splitlines() if ln.strip()]


def first_error(*args: str, **kwargs: Any) -> str:
    result = invoke(*args, **kwargs)
    assert result.exit_code == 2, result.output
    lines = errors(result)
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of scenarios/ as the working folder."""
    for p in SCENARIOS.iterdir():
        shutil.copyfile(p, tmp_path / p.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- 1. data loss: the scenario is never overwritten by its own output ---------------------------


IS_INPUT = ("is een invoerbestand van deze opdracht (het scenario of een bestand dat het leest) en wordt nooit "
            "overschreven, ook niet met --force; kies een andere naam voor de uitvoer.")


@pytest.mark.parametrize("force", [[], ["--force"]])
@pytest.mark.parametrize(("command", "target"), [
    (["run", "aldlan-mix.yaml", "-f", "json"], "aldlan-mix.yaml"),
    (["run", "aldlan-mix.yaml", "-f", "json"], "base.yaml"),  # the extends parent
    (["run", "aldlan-mix.yaml", "-f", "markdown"], "aldlan-mix.yaml"),
    (["sweep", "aldlan-mix.yaml", "--set", "locations=1:3:1", "-f", "csv"], "aldlan-mix.yaml"),
    (["solve", "aldlan-mix.yaml", "--vary", "locations", "--goal", "savings=100000", "-f", "json"], "base.yaml"),
    (["compare", "aldlan-mix.yaml", "commercial.yaml", "-f", "json"], "commercial.yaml"),
    (["sensitivity", "aldlan-mix.yaml", "-f", "json"], "aldlan-mix.yaml"),
    (["run", "leeuwarden-kamers.yaml", "-f", "json"], "leeuwarden-kamers.yaml"),
])
def test_scenario_never_overwritten_by_its_own_output(shipped: Path, command: list[str], target: str,
                                                      force: list[str]) -> None:
    before = digest(shipped)
    assert first_error(*command, "-o", target, *force) == f"fout: {target} {IS_INPUT}"
    assert digest(shipped) == before


@pytest.mark.parametrize("force", [[], ["--force"]])
@pytest.mark.parametrize("link", ["symlink", "hardlink", "relative"])
def test_scenario_never_overwritten_through_a_link(shipped: Path, link: str, force: list[str]) -> None:
    if link == "symlink":
        os.symlink("aldlan-mix.yaml", "out.json")
        out = "out.json"
    elif link == "hardlink":
        os.link("aldlan-mix.yaml", "out.json")
        out = "out.json"
    else:
        (shipped / "sub").mkdir()
        out = "sub/../aldlan-mix.yaml"
    before = digest(shipped)
    assert first_error("run", "aldlan-mix.yaml", "-f", "json", "-o", out, *force) == f"fout: {out} {IS_INPUT}"
    assert digest(shipped) == before


def test_force_on_a_link_replaces_the_link_not_its_target(shipped: Path) -> None:
    (shipped / "notes.txt").write_text("my notes")
    os.symlink("notes.txt", "out.json")
    result = invoke("run", "aldlan-mix.yaml", "-f", "json", "-o", "out.json", "--force")
    assert result.exit_code == 0, result.output
    assert (shipped / "notes.txt").read_text() == "my notes"
    assert not (shipped / "out.json").is_symlink()
    assert json.loads((shipped / "out.json").read_text())["name"]


def test_an_input_of_one_command_may_be_the_output_of_the_next(shipped: Path) -> None:
    """Only the files this command reads are protected, not those of an earlier one."""
    assert invoke("run", "aldlan-mix.yaml", "-f", "json", "-o", "out.json").exit_code == 0
    assert invoke("run", "commercial.yaml", "-f", "json", "-o", "out.json", "--force").exit_code == 0
    assert json.loads((shipped / "out.json").read_text())["name"].startswith("Commerci")


# --- 2. no exit 1 from input ---------------------------------------------------------------------


PLAN = """\
name: Plan
extends: base.yaml
locations:
  - {name: Oost}
  - {name: West}
"""


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1e400"])
def test_plan_room_count_that_is_no_finite_number(shipped: Path, value: str) -> None:
    shown = {".nan": "nan", ".inf": "inf", "-.inf": "-inf", "1e400": "inf"}[value]
    (shipped / "plan.yaml").write_text(PLAN + f"  - name: Zuid\n    count: {value}\n")
    assert first_error("run", "plan.yaml") == (
        f"fout: plan.yaml:7:5: locations.2.count: moet een heel getal van 1 tot 10.000 zijn, maar dit is {shown}")
    (shipped / "plan.yaml").write_text(PLAN)
    assert first_error("run", "plan.yaml", "--set", f"locations.0.count={value}") == (
        f"fout: --set locations.0.count={value}: locations.0.count: moet een heel getal van 1 tot 10.000 zijn, "
        f"maar dit is {shown}")
    assert first_error("compare", "plan.yaml", "plan.yaml", f"locations.1.count={value}").endswith(
        f"locations.1.count: moet een heel getal van 1 tot 10.000 zijn, maar dit is {shown}")


XML_BAD = "A\ufffeB\uffffC"


@pytest.mark.parametrize("out", ["r.xlsx", "r.docx", "r.html", "r.md", "r.csv", "r.json"])
def test_xml_invalid_characters_never_crash_a_format(shipped: Path, out: str) -> None:
    text = (shipped / "aldlan-wijkplan.yaml").read_text()
    text = text.replace("name: Aldlan – wijkplan", 'name: "\\uFFFEAldlan – wijkplan\\uFFFF', 1)
    text = text.replace("(buurtkamer en wijkprojecten)\n", '(buurtkamer en wijkprojecten)"\n', 1)
    text = text.replace("  - name: Sociaal Platform Aldlan", '  - name: "Sociaal \\uFFFF Platform \\uFFFE Aldlan"')
    (shipped / "x.yaml").write_text(text)
    result = invoke("run", "x.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    data = (shipped / out).read_bytes()
    assert "\ufffe".encode() not in data and "\uffff".encode() not in data or out == "r.json"


@pytest.mark.parametrize("command", [["chart", "x.yaml", "-o", "c.svg"],
                                     ["chart", "x.yaml", "-k", "costs", "-o", "c.svg"],
                                     ["report", "x.yaml", "-o", "c.docx"], ["sensitivity", "x.yaml", "-o", "c.svg"]])
def test_xml_invalid_characters_in_charts_and_memos(shipped: Path, command: list[str]) -> None:
    from xml.dom import minidom

    text = (shipped / "leeuwarden-kamers.yaml").read_text()
    text = text.replace("  - name: Bilgaard", '  - name: "Bil\\uFFFFgaard\\uFFFE"')
    text = text.replace("role: opbouwwerker", 'role: "opbouw\\uFFFEwerker"')
    (shipped / "x.yaml").write_text(text)
    result = invoke(*command)
    assert result.exit_code == 0, result.output
    if command[-1].endswith(".svg"):
        minidom.parse(str(shipped / command[-1]))  # well-formed XML


@pytest.mark.parametrize("command", [["run", "aldlan-mix.yaml", "-f", "json", "-o", "{name}.json"],
                                     ["chart", "aldlan-mix.yaml", "-o", "{name}.png"],
                                     ["report", "aldlan-mix.yaml", "-o", "{name}.docx"],
                                     ["new", "{name}.yaml"], ["run", "{name}.yaml"]])
def test_output_name_of_300_characters(shipped: Path, command: list[str]) -> None:
    name = "n" * 300
    line = first_error(*(part.format(name=name) for part in command))
    assert len(line) < 400, line
    assert line.startswith("fout: nnnn") and "…" in line
    assert sorted(os.listdir(shipped)) == sorted(p.name for p in SCENARIOS.iterdir())


def test_plan_too_large_to_simulate_is_refused_at_once(shipped: Path) -> None:
    rooms = "".join(f"  - {{name: K{i}}}\n" for i in range(3000))
    (shipped / "big.yaml").write_text("name: Groot\nextends: leeuwarden-kamers.yaml\nlocations:\n" + rooms)
    assert first_error("simulate", "big.yaml", "-f", "json") == (
        "fout: een plan van 3.000 ruimtes kan met hoogstens 72 trekkingen gesimuleerd worden, maar dit is 10.000; "
        "gebruik --draws 72 of minder")
    assert first_error("report", "big.yaml", "-o", "m.docx") == (
        "fout: big.yaml: een plan van 3.000 ruimtes is te groot voor de onzekerheid in de notitie (20.000 trekkingen; "
        "hoogstens 191 ruimtes); gebruik aldlan simulate met minder --draws")
    assert not (shipped / "m.docx").exists()


@pytest.mark.parametrize(("out", "grid", "message"), [
    ("s.xlsx", "0:999999:1", "fout: het rooster heeft 1.000.000 punten, meer dan het maximum van 20.000 in .xlsx; "
     "gebruik --format csv of json, of grotere stappen"),
    ("s.docx", "0:999:1", "fout: een raster van 1.000 waarden is te groot voor een tabel in een document (hoogstens "
     "100 rijen × 24 kolommen); gebruik --format csv of json, of grotere stappen"),
    ("s.html", "0:999:1", "fout: een raster van 1.000 waarden is te groot voor een tabel in een document (hoogstens "
     "100 rijen × 24 kolommen); gebruik --format csv of json, of grotere stappen"),
])
def test_sweep_too_large_for_the_format(shipped: Path, out: str, grid: str, message: str) -> None:
    assert first_error("sweep", "aldlan-mix.yaml", "--set", f"participants.zin.count={grid}", "-o", out) == message
    assert not (shipped / out).exists()


# --- 3. output paths -----------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "start"), [
    (["run", "aldlan-mix.yaml", "-o", "-"], "Aldlan – professionals met vrijwilligers"),
    (["run", "aldlan-mix.yaml", "-o", "-", "-f", "json"], "{"),
    (["run", "aldlan-mix.yaml", "-o", "-", "-f", "markdown"], "# "),
    (["sweep", "aldlan-mix.yaml", "--set", "locations=1:3:1", "-o", "-", "-f", "csv"], "locations;savings"),
    (["simulate", "aldlan-mix.yaml", "--draws", "50", "-o", "-", "-f", "json"], "{"),
])
def test_dash_is_standard_output(shipped: Path, args: list[str], start: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip("\ufeff").startswith(start)
    assert not (shipped / "-").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["run", "aldlan-mix.yaml", "-o", "-", "-f", "xlsx"],
     "fout: -o - schrijft naar de standaarduitvoer, maar xlsx is een binair formaat; geef een bestandsnaam, "
     "bijv. -o uitvoer.xlsx"),
    (["run", "aldlan-mix.yaml", "-o", "-", "-f", "docx"],
     "fout: -o - schrijft naar de standaarduitvoer, maar docx is een binair formaat; geef een bestandsnaam, "
     "bijv. -o uitvoer.docx"),
    (["chart", "aldlan-mix.yaml", "-o", "-"],
     "fout: kan geen grafiek maken in -: gebruik een bestand dat eindigt op .png, .svg, .pdf"),
])
def test_dash_is_refused_for_binary_formats(shipped: Path, args: list[str], message: str) -> None:
    assert first_error(*args) == message
    assert not (shipped / "-").exists()


def test_report_reads_a_pipe_once(tmp_path: Path) -> None:
    import subprocess
    import sys

    text = (SCENARIOS / "base.yaml").read_text()
    out = tmp_path / "memo.html"
    proc = subprocess.run([sys.executable, "-m", "aldlan_model", "report", "/dev/stdin", "-o", str(out)],
                          input=text, capture_output=True, text=True, timeout=300, cwd=REPO,
                          env={**os.environ, "MPLBACKEND": "Agg"})
    assert proc.returncode == 0, proc.stderr
    assert "<html" in out.read_text()


def test_wrote_line_escapes_the_file_name(shipped: Path) -> None:
    name = "a\nb\x1b[31m\x07.json"
    result = invoke("run", "aldlan-mix.yaml", "-o", name)
    assert result.exit_code == 0
    assert result.stderr == "✓ geschreven: a\\nb\\x1b[31m\\x07.json\n"
    assert (shipped / name).exists()


# --- 4. Excel limits -----------------------------------------------------------------------------


def test_excel_text_cells_and_sheet_names_within_limits(shipped: Path) -> None:
    from openpyxl import load_workbook

    from aldlan_model.render.xlsx import sheet_name

    text = (shipped / "aldlan-mix.yaml").read_text()
    long = "😀" * 20_000  # 40,000 UTF-16 units
    text = text.replace("name: Aldlan – professionals met vrijwilligers", f'name: "\'{"😀" * 40}\'"', 1)
    text = text.replace('source: "', f'source: "{long}', 1)
    (shipped / "x.yaml").write_text(text)
    result = invoke("run", "x.yaml", "-o", "x.xlsx")
    assert result.exit_code == 0, result.output
    book = load_workbook(shipped / "x.xlsx")
    for ws in book.worksheets:
        assert len(ws.title.encode("utf-16-le")) // 2 <= 31 and not ws.title.startswith("'")
        assert not ws.title.endswith("'")
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert len(cell.value.encode("utf-16-le")) // 2 <= 32_767
    taken: set[str] = set()
    names = [sheet_name("'" + "😀" * 20 + "'", taken) for _ in range(3)]
    assert [len(n.encode("utf-16-le")) // 2 <= 31 for n in names] == [True] * 3 and len(set(names)) == 3
    assert sheet_name("'abc'", set()) == "abc" and sheet_name("a" * 30 + "'b", set()) == "a" * 30


def test_long_text_cell_is_cut_with_a_marker() -> None:
    from openpyxl import Workbook

    from aldlan_model.render.safetext import XLSX_CUT, xlsx_text

    cell = Workbook().active.cell(1, 1, "x" + "😀" * 20_000)
    xlsx_text(cell)
    assert cell.value.endswith(XLSX_CUT) and len(cell.value.encode("utf-16-le")) // 2 <= 32_767


# --- 5. environment ------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", ["0", "-3", "abc", ""])
def test_columns_zero_or_garbage_is_ignored(shipped: Path, columns: str) -> None:
    result = invoke("run", "aldlan-mix.yaml", env={"COLUMNS": columns})
    assert result.exit_code == 0 and "Aldlan" in result.stdout
    assert first_error("run", "nope.yaml", env={"COLUMNS": columns}) == "fout: nope.yaml: bestand niet gevonden"


def test_read_only_home_prints_no_matplotlib_warning(tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("MPLCONFIGDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")}
    env |= {"HOME": "/dev/null/home", "TMPDIR": str(tmp_path)}
    out = tmp_path / "c.png"
    proc = subprocess.run([sys.executable, "-m", "aldlan_model", "chart", str(SCENARIOS / "aldlan-mix.yaml"), "-o",
                           str(out)], capture_output=True, text=True, timeout=300, cwd=REPO, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == f"✓ geschreven: {out}\n"
    assert os.listdir(tmp_path) == ["c.png"]  # the temporary matplotlib folder is gone


# --- 8. hints that never change the meaning ------------------------------------------------------


@pytest.mark.parametrize(("path", "value", "hint"), [
    (("participants", "zonder_indicatie"), {"count": 5}, "; bedoelde u 'without_indication'?"),
    (("costs", "huur"), 9000, "; bedoelde u 'housing'?"),
    (("costs", "rent"), 9000, "; bedoelde u 'housing'?"),
    (("rent",), 9000, "; bedoelde u 'costs.housing'?"),
    (("huur",), 9000, "; bedoelde u 'costs.housing'?"),
    (("projects", 0, "huur"), 9000, "; bedoelde u 'costs.housing'?"),
    (("deelnemers",), {}, "; bedoelde u 'participants'?"),
    (("tarieven",), {}, "; bedoelde u 'tariffs'?"),
    (("subsidie",), 5, "; bedoelde u 'income.subsidy'?"),
    (("income", "subsidie"), 5, "; bedoelde u 'subsidy'?"),
    (("vervoer",), {}, "; bedoelde u 'transport'?"),
    (("indexatie",), {}, "; bedoelde u 'indexation'?"),
    (("participants", "opkomst"), 0.9, "; bedoelde u 'attendance'?"),
    (("opkomst",), 0.9, "; bedoelde u 'participants.attendance'?"),
    (("participants", "zin", "herkomst"), {}, "; bedoelde u 'origin'?"),
    (("personeel",), [], "; bedoelde u 'staff'?"),
    (("kosten",), {}, "; bedoelde u 'costs'?"),
    (("inkomsten",), {}, "; bedoelde u 'income'?"),
    (("gemeente",), {}, "; bedoelde u 'municipality'?"),
    (("projecten",), [], "; bedoelde u 'projects'?"),
    (("staff", 0, "salaris"), 40000, "; bedoelde u 'salary'?"),
    (("staff", 0, "uurloon"), 40, "; bedoelde u 'hourly_cost'?"),
    (("staff", 0, "vergoeding"), 400, "; bedoelde u 'allowance'?"),
    (("staff", 0, "aantal"), 4, "; bedoelde u 'count'?"),
    (("participants", "zin", "aantal"), 4, "; bedoelde u 'count'?"),
    (("costs", "housng"), 9000, "; bedoelde u 'housing'?"),
    (("context", "volunteers"), 30, "; bedoelde u 'volunteers_available'?"),
    (("zin",), {"count": 5}, "; bedoelde u 'participants.zin'? (spring de regel verder in)"),
    (("costs", "startup", "housing"), 9000, "; bedoelde u 'costs.housing'? (spring de regel minder ver in)"),
    (("housing",), 9000, "; bedoelde u 'costs.housing'? (spring de regel verder in)"),
])
def test_a_hint_names_a_key_of_the_same_meaning(path: tuple[Any, ...], value: Any, hint: str) -> None:
    from aldlan_model.model.keys import unknown_key_message

    assert unknown_key_message(path, value) == f"onbekende sleutel '{path[-1]}'{hint}"


@pytest.mark.parametrize(("path", "value", "never"), [
    (("participants", "zonder_indicatie"), {"count": 5}, "former_indication"),
    (("rent",), 9000, "funding"),
    (("projects", 0, "funding", 0, "rent"), 9000, "rest"),
    (("volunteers",), 4, "context"),
    (("vrijwilligers",), 4, "context"),
    (("zin",), {"count": 5}, "tariffs"),
    (("start",), 2021, "target"),
])
def test_a_hint_never_crosses_meanings(path: tuple[Any, ...], value: Any, never: str) -> None:
    from aldlan_model.model.keys import unknown_key_message

    assert never not in unknown_key_message(path, value)


def test_volunteers_are_pointed_to_staff() -> None:
    from aldlan_model.model.keys import unknown_key_message

    for word in ("vrijwilligers", "volunteers"):
        assert unknown_key_message((word,), 4) == (
            f"onbekende sleutel '{word}'; vrijwilligers staan in 'staff', elk als een item met kind: volunteer, "
            "count en hours_per_week")


def test_no_near_key_lists_the_valid_keys() -> None:
    from aldlan_model.model.keys import unknown_key_message

    assert unknown_key_message(("costs", "koffie"), 5) == (
        "onbekende sleutel 'koffie'; verwacht een van: housing, per_participant_dagdeel, overhead, margin, startup")


def test_following_the_hint_for_zonder_indicatie_keeps_the_meaning(shipped: Path) -> None:
    Path("zi.yaml").write_text("extends: base.yaml\nparticipants:\n  zonder_indicatie:\n    count: 5\n")
    line = first_error("run", "zi.yaml", "-f", "json")
    assert line.endswith("bedoelde u 'without_indication'?")
    Path("zi.yaml").write_text("extends: base.yaml\nparticipants:\n  without_indication:\n    count: 5\n")
    assert invoke("run", "zi.yaml", "-f", "json").exit_code == 0


def test_set_with_a_key_at_the_wrong_level_names_the_path_not_indentation(shipped: Path) -> None:
    assert first_error("run", "base.yaml", "--set", "housing=8000") == (
        "fout: --set housing=8000: housing: onbekende sleutel 'housing'; bedoelde u 'costs.housing'?")


# --- 9. every error of a file in one run ---------------------------------------------------------


def test_three_independent_errors_come_in_one_run(shipped: Path) -> None:
    Path("three.yaml").write_text(
        "extends: base.yaml\nparticipants:\n  zin:\n    count: -3\nstaff:\n  - kind: professional\n    fte: 1\n"
        "    hours_per_week: 20\n    salary: 40000\ncosts:\n  housing: veel\n")
    result = invoke("run", "three.yaml", "-f", "json")
    assert result.exit_code == 2
    assert errors(result) == [
        "fout: three.yaml:4:5: participants.zin.count: moet ≥ 0 zijn, maar dit is -3",
        "fout: three.yaml:6:5: staff.0: een professional heeft óf fte óf hours_per_week, niet beide (salary met "
        "hours_per_week rekent fte = hours_per_week / norms.hours_per_fte)",
        "fout: three.yaml:11:3: costs.housing: verwacht een getal, maar dit is de tekst 'veel'",
    ]


def test_a_rule_on_a_key_with_an_error_is_not_reported_twice(shipped: Path) -> None:
    # fte: -1 is wrong; without it the member would "need hourly_cost", which is only the default speaking
    Path("pro.yaml").write_text(
        "extends: base.yaml\nstaff:\n  - kind: professional\n    fte: -1\n    hours_per_week: 20\n"
        "    salary: 40000\nprojects:\n  - name: a\n  - name: a\n    yearly_costs: x\n")
    result = invoke("run", "pro.yaml", "-f", "json")
    assert errors(result) == [
        "fout: pro.yaml:4:5: staff.0.fte: moet ≥ 0 zijn, maar dit is -1",
        "fout: pro.yaml:9:5: projects.1.name: dubbele projectnaam 'a' (ook item 1)",
        "fout: pro.yaml:10:5: projects.1.yearly_costs: verwacht een getal, maar dit is de tekst 'x'",
    ]


# --- 10. a missing file, a sweep range without its step, a fraction for fte ---------------------


@pytest.mark.parametrize(("typed", "hint"), [
    ("Schakel.yaml", "; bedoelde u 'schakel.yaml'?"),
    ("schakel", "; bedoelde u 'schakel.yaml'?"),
    ("schakle.yaml", "; bedoelde u 'schakel.yaml'?"),
    ("sub/Schakel.yml", "; bedoelde u 'sub/schakel.yml'?"),
    ("iets-anders.yaml", ""),
])
def test_missing_file_has_no_line_and_suggests_the_file_that_exists(shipped: Path, typed: str, hint: str) -> None:
    shutil.copyfile("base.yaml", "schakel.yaml")
    Path("sub").mkdir()
    shutil.copyfile("base.yaml", "sub/schakel.yml")
    assert first_error("run", typed) == f"fout: {typed}: bestand niet gevonden{hint}"


@pytest.mark.parametrize(("value", "full"), [
    ("10:24", "locations=10:24:1"), ("10-24", "locations=10:24:1"), ("10..24", "locations=10:24:1"),
    ("0.1:0.5", "locations=0.1:0.5:0.04"),
])
def test_sweep_range_without_a_step_is_told_the_form(shipped: Path, value: str, full: str) -> None:
    assert first_error("sweep", "aldlan-mix.yaml", "--set", f"locations={value}") == (
        f"fout: --set locations={value}: een reeks voor sweep schrijft u als START:STOP:STEP (begin, eind en "
        f"stapgrootte), bijv. --set {full}")


def test_fte_as_a_fraction_gets_the_decimal(shipped: Path) -> None:
    assert first_error("run", "aldlan-mix.yaml", "--set", "staff.0.fte=24/36").endswith(
        "verwacht een getal, maar dit is de tekst '24/36'; schrijf 0.667, of schrijf de uren: hours_per_week: 24 "
        "met salary")


# --- 6. Unicode ----------------------------------------------------------------------------------


ALDLAN_NFC = "Aldl\u00e2n"
ALDLAN_NFD = "Aldla\u0302n"


@pytest.mark.parametrize("key", ["locations", "projects"])
def test_names_in_other_normal_forms_are_duplicates(shipped: Path, key: str) -> None:
    Path("p.yaml").write_text(f"extends: base.yaml\n{key}:\n  - name: {ALDLAN_NFC}\n  - name: {ALDLAN_NFD}\n")
    line = first_error("run", "p.yaml", "-f", "json")
    assert line.startswith(f"fout: p.yaml:4:5: {key}.1.name: dubbele ") and "(ook item 1)" in line


@pytest.mark.parametrize(("written", "typed"), [(ALDLAN_NFC, ALDLAN_NFD), (ALDLAN_NFD, ALDLAN_NFC)])
def test_set_by_name_in_the_other_normal_form_finds_the_room(shipped: Path, written: str, typed: str) -> None:
    Path("p.yaml").write_text(f"extends: base.yaml\nlocations:\n  - name: {written}\n  - name: Oost\n")
    result = invoke("run", "p.yaml", "--set", f"locations.{typed}.count=2", "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["locations"] == 3


def test_key_with_a_cyrillic_letter_names_the_letter(shipped: Path) -> None:
    Path("c.yaml").write_text("extends: base.yaml\nn\u0430me: Kamer\n")
    assert first_error("run", "c.yaml") == (
        "fout: c.yaml:2:1: n\u0430me: onbekende sleutel 'n\u0430me'; bedoelde u 'name'? (de '\u0430' in 'n\u0430me' is "
        "U+0430 CYRILLIC SMALL LETTER A, een letter die op een Latijnse lijkt; typ hem opnieuw)")


def test_key_with_a_greek_letter_names_the_letter() -> None:
    from aldlan_model.model.keys import unknown_key_message

    assert "U+03BF GREEK SMALL LETTER OMICRON" in unknown_key_message(("costs", "h\u03bfusing"), 5)


@pytest.mark.parametrize(("text", "message"), [
    ('"A\\ud800B"', "fout: s.yaml:2:16: '\\ud800' tussen dubbele aanhalingstekens is geen teken (een losse "
                    "surrogaatcode, U+D800–U+DFFF); schrijf het teken zelf, of zet de tekst tussen enkele "
                    "aanhalingstekens, waarin \\ gewoon een teken is"),
    ('"C:\\map"', "fout: s.yaml:2:17: '\\m' is geen geldige escape tussen dubbele aanhalingstekens; schrijf het teken "
                  "zelf, of zet de tekst tussen enkele aanhalingstekens, waarin \\ gewoon een teken is"),
])
def test_bad_escape_in_double_quotes_is_no_unclosed_quote(shipped: Path, text: str, message: str) -> None:
    Path("s.yaml").write_text(f"extends: base.yaml\ndescription: {text}\n")
    assert first_error("run", "s.yaml") == message


def test_lone_surrogate_through_the_pure_python_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    from aldlan_model.io import yamlsrc
    from aldlan_model.model.errors import ScenarioError

    monkeypatch.setattr(yamlsrc, "_Loader", yaml.SafeLoader)
    with pytest.raises(ScenarioError) as info:
        yamlsrc.parse('name: "A\\ud800B"\n', "s.yaml")
    assert "'\\ud800' tussen dubbele aanhalingstekens is geen teken" in str(info.value)


# --- 7. smaller ----------------------------------------------------------------------------------


def test_label_starting_with_underscore_stays_in_the_legend() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from aldlan_model.render.safetext import mpl_text

    fig, ax = plt.subplots()
    ax.plot([1, 2], [1, 2], label=mpl_text("_verborgen"))
    texts = [x.get_text() for x in ax.legend().get_texts()]
    plt.close(fig)
    assert texts == ["\u2060_verborgen"]


def test_chart_of_a_scenario_labelled_with_underscore(shipped: Path) -> None:
    Path("u.yaml").write_text("extends: base.yaml\nlabel: _verborgen\n")
    assert invoke("chart", "u.yaml", "-o", "u.png").exit_code == 0
    assert Path("u.png").stat().st_size > 0


@pytest.mark.parametrize(("text", "shown"), [
    ("# kop", "\\# kop"), ("> citaat", "\\> citaat"), ("- punt", "\\- punt"), ("+ punt", "\\+ punt"),
    ("1. een", "1\\. een"), ("---", "\\---"), ("gewoon # geen kop", "gewoon # geen kop"), ("-5 %", "-5 %"),
])
def test_markdown_block_markers_at_the_start_are_literal(text: str, shown: str) -> None:
    from aldlan_model.render.markdown import escape

    assert escape(text) == shown


def test_description_heading_is_no_heading_in_markdown(shipped: Path) -> None:
    Path("h.yaml").write_text('extends: base.yaml\nname: "# kop"\ndescription: "# kop\\n> citaat"\n')
    result = invoke("run", "h.yaml", "-f", "markdown")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert not any(ln.startswith(("# kop", "> citaat", "## kop")) for ln in lines), lines[:6]


@pytest.mark.parametrize("scenario", ["base.yaml", "leeuwarden-kamers.yaml", "aldlan-wijkplan.yaml"])
def test_explain_an_unknown_project_exits_2(shipped: Path, scenario: str) -> None:
    line = first_error("explain", scenario, "projects_cost", "--project", "bestaat niet")
    assert line.startswith("fout: geen project 'bestaat niet' in dit scenario (projecten: ")


def test_explain_a_project_of_a_plan_sums_its_rooms(shipped: Path) -> None:
    Path("w.yaml").write_text("extends: aldlan-wijkplan.yaml\nlocations:\n  - name: A\n  - name: B\n    count: 2\n")
    def outcome(*args: str) -> float:
        result = invoke("explain", *args, "projects_cost", "--project", "Sociaal Platform Aldlan")
        assert result.exit_code == 0, result.output
        line = next(ln for ln in result.stdout.splitlines() if ln.startswith("Uitkomst: "))
        return float(line.split("€")[1].strip().replace(".", "").replace(",", "."))

    assert outcome("w.yaml") == pytest.approx(3 * outcome("aldlan-wijkplan.yaml"), abs=0.02)


def test_set_an_item_of_a_list_the_file_does_not_have(shipped: Path) -> None:
    assert first_error("run", "base.yaml", "--set", "ramp_up.0=0.5") == (
        "fout: --set ramp_up.0=0.5: ramp_up.0: ramp_up staat niet in het scenario, dus er is geen item 0; geef de "
        "hele lijst, bijv. --set 'ramp_up=[0.5, 1]'")
    assert invoke("run", "base.yaml", "--set", "ramp_up=[0.5, 1]", "-f", "json").exit_code == 0


@pytest.mark.parametrize("goal", ["savings=1e300", "savings=-1e300", "x=1e300", "cost<=1e300",
                                  "savings=1" + "0" * 400])
def test_huge_goal_gets_a_short_message(shipped: Path, goal: str) -> None:
    line = first_error("solve", "base.yaml", "--vary", "locations", "--goal", goal)
    # one line: the huge number is never echoed whole; an unknown name lists the 20 goals (≈ 250 characters)
    assert len(line) <= 300 and "0" * 40 not in line, line


def test_extends_of_a_file_that_is_no_scenario_quotes_nothing(shipped: Path) -> None:
    Path("geheim.yml").write_text("label: geheim-1234\nlocations: s3cr3t-waarde\ntoken: abcdef\n")
    Path("e.yaml").write_text("extends: geheim.yml\nname: x\n")
    result = invoke("run", "e.yaml")
    assert errors(result) == ["fout: e.yaml:1:1: extends: 'geheim.yml' is geen scenario (het heeft geen name, period "
                              "of tariffs); extends bouwt voort op een ander scenariobestand"]
