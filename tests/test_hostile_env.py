"""Files that cannot leak or destroy anything, and output that is safe wherever it goes (issue 15).

- reading: no content of a file that is no scenario is ever quoted (``extends`` of a JSON file
  of secrets, of ``/etc/passwd``, of ``/proc/self/status``; the same files given directly);
- writing: ``--force`` never replaces a pipe or a device;
- text from a scenario never becomes a spreadsheet formula and never reaches the terminal as
  an escape code, in any format;
- a hostile environment (an ASCII-only stdout, stdout closed or full) is never an internal error.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from tests.conftest import REPO

NASTY = REPO / "tests" / "nasty"
SECRET = "NASTY-SECRET-7f3a"
INTERNAL = "interne fout"
ESC = "\x1b"

runner = CliRunner()
pytestmark = pytest.mark.usefixtures("fast_cli")


def invoke(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output and INTERNAL not in result.output, result.output
    return result


@pytest.fixture
def nasty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/nasty as the working folder."""
    for p in NASTY.iterdir():
        shutil.copyfile(p, tmp_path / p.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- reading: nothing is quoted from a file that is no scenario ------------------------------


LEAKY = ["_secret.json", "_secret-keys.yaml", "extends-json.yaml", "extends-secret-keys.yaml",
         "extends-etc-passwd.yaml", "extends-proc-status.yaml"]


@pytest.mark.parametrize("command", [["run", "{f}"], ["validate", "{f}"], ["compare", "_base.yaml", "{f}"],
                                     ["explain", "{f}", "savings"]])
@pytest.mark.parametrize("name", LEAKY)
def test_no_secret_is_ever_quoted(nasty: Path, name: str, command: list[str]) -> None:
    result = invoke(*(part.format(f=name) for part in command))
    assert result.exit_code == 2
    assert SECRET not in result.output
    assert "Umask" not in result.output and "root:" not in result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip() and not ln.startswith("✗")]
    assert len(lines) == 1, lines  # one problem, never a list of the file's keys


@pytest.mark.parametrize("secret_file", ["secrets.json", "secrets", "secrets.txt", "secrets.yaml.bak", "id_rsa"])
def test_extends_refuses_files_that_are_not_yaml(tmp_path: Path, secret_file: str) -> None:
    (tmp_path / secret_file).write_text(f'{{"name": "{SECRET}", "period": "{SECRET}"}}\n')
    child = tmp_path / "child.yaml"
    child.write_text(f"extends: {secret_file}\n")
    result = invoke("run", str(child))
    assert result.exit_code == 2
    assert SECRET not in result.output
    assert result.stderr.strip().endswith("is geen scenariobestand: alleen .yaml/.yml-bestanden kunnen uitgebreid "
        "worden")


def test_extends_of_a_yaml_symlink_to_a_secret_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(f"name: {SECRET}\nperiod: {SECRET}\n")
    (tmp_path / "base.yaml").symlink_to("secret.txt")
    (tmp_path / "child.yaml").write_text("extends: base.yaml\n")
    result = invoke("run", str(tmp_path / "child.yaml"))
    assert result.exit_code == 2 and SECRET not in result.output


@pytest.mark.parametrize("path", ["/etc/passwd", "/etc/shadow", "/proc/self/status", "/proc/self/environ"])
def test_system_files_given_directly_are_not_quoted(path: str) -> None:
    if not os.access(path, os.R_OK):
        pytest.skip(f"{path} is not readable here")
    content = Path(path).read_bytes()[:4000].decode("utf-8", "replace")
    result = invoke("run", path)
    assert result.exit_code == 2
    words = {w for w in re.split(r"[\s:=\x00]+", content) if len(w) >= 4}
    message = result.stderr.replace(path, "")
    leaked = {w for w in words if w in message and w not in ("scenario", "file", "keys", "regular")}
    assert not leaked, (leaked, result.stderr)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_extends_of_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "child.yaml").write_text("extends: pipe.yaml\n")
    result = invoke("run", str(tmp_path / "child.yaml"))
    assert result.exit_code == 2
    assert "is geen gewoon bestand" in result.stderr


def test_a_scenario_with_a_typo_in_its_only_key_is_still_a_scenario(tmp_path: Path) -> None:
    """Near misses count as scenario keys: 'nmae' gets its "did you mean", not "not a scenario"."""
    (tmp_path / "x.yaml").write_text("nmae: x\n")
    assert "bedoelde u 'name'" in invoke("run", str(tmp_path / "x.yaml")).stderr


# --- numbers and grids that make no sense ------------------------------------------------------


@pytest.mark.parametrize("value", ["9" * 310, "9" * 5000, "1" * 400 + ".5", "-" + "9" * 4301])
def test_huge_numbers_in_set_are_exit_2(nasty: Path, value: str) -> None:
    result = invoke("run", "_base.yaml", "--set", f"costs.housing={value}")
    assert result.exit_code == 2
    assert "getal is te groot" in result.stderr


@pytest.mark.parametrize("step", ["1e-300", "1e-320", "5e-324"])
def test_absurd_sweep_steps_are_one_short_line(nasty: Path, step: str) -> None:
    result = invoke("sweep", "_base.yaml", "--set", f"participants.zin.count=0:10:{step}")
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "meer dan het maximum van 1.000.000 punten" in line and len(line) < 200


# --- writing: never a device, a pipe or a folder ---------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_force_never_replaces_a_pipe(nasty: Path) -> None:
    os.mkfifo("out.json")
    result = invoke("run", "_base.yaml", "-o", "out.json", "--force")
    assert result.exit_code == 2
    assert "alleen gewone bestanden" in result.stderr
    assert stat.S_ISFIFO(os.stat("out.json").st_mode)
    assert not [p for p in os.listdir() if p.endswith(".tmp")]


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_force_leaves_dev_null_a_device(nasty: Path) -> None:
    result = invoke("run", "_base.yaml", "-o", "/dev/null", "--force", "-f", "json")
    assert result.exit_code == 2
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_name_too_long_for_the_file_system(nasty: Path) -> None:
    result = invoke("run", "_base.yaml", "-o", "x" * 300 + ".json")
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "te lang voor het bestandssysteem" in line


# --- text from input: never a formula, never an escape code ---------------------------------


EVIL = "name-formula-and-escapes.yaml"
EVIL_PLAN = "plan-formula-room-names.yaml"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[-+]?[\d.,\s€%\u00a0]*\d[\d.,\s€%\u00a0]*")


OWN_FORMULA = re.compile(r"=SUM\(([A-Z]+)\d+:\1\d+\)|=[A-Z]+\d+-[A-Z]+\d+")


@pytest.mark.parametrize("name", [EVIL, EVIL_PLAN])
def test_xlsx_has_no_live_formula(nasty: Path, name: str) -> None:
    import openpyxl

    assert invoke("run", name, "-o", "out.xlsx").exit_code == 0
    wb = openpyxl.load_workbook("out.xlsx")
    texts = []
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                # the only formulas are the workbook's own totals (issue 13), never text from input
                assert c.data_type != "f" or OWN_FORMULA.fullmatch(c.value), (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    texts.append(c.value)
                    assert ESC not in c.value
    assert any(t.startswith(("=", "+")) for t in texts)  # the text is there, as text


@pytest.mark.parametrize("name", [EVIL, EVIL_PLAN])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_csv_text_never_starts_a_formula(nasty: Path, name: str, lang: str) -> None:
    result = invoke("run", name, "-f", "csv", "--lang", lang)
    assert result.exit_code == 0
    assert ESC not in result.stdout
    fields = [f for row in csv.reader(io.StringIO(result.stdout), delimiter=";" if lang == "nl" else ",")
              for f in row]
    starting = [f for f in fields if f.startswith(FORMULA_START) and not NUMBER.fullmatch(f)]
    assert starting == [], starting
    assert any(f.startswith(("'=", "'+")) for f in fields)
    assert any(NUMBER.fullmatch(f) and f.startswith("-") for f in fields)  # negative numbers stay numbers


@pytest.mark.parametrize("command", [
    ["run", "{f}"], ["run", "{f}", "-f", "markdown"], ["run", "{f}", "-f", "html"], ["explain", "{f}", "savings"],
    ["compare", "_base.yaml", "{f}"], ["validate", "{f}"], ["sensitivity", "{f}"],
    ["simulate", "{f}", "--draws", "20", "--seed", "1"],
])
@pytest.mark.parametrize("name", [EVIL, EVIL_PLAN])
def test_no_escape_code_or_markup_reaches_the_terminal(nasty: Path, command: list[str], name: str) -> None:
    result = invoke(*(part.format(f=name) for part in command))
    assert result.exit_code == 0, result.output
    assert ESC not in result.output and "\x07" not in result.output and "\u202e" not in result.output
    if command[:2] == ["run", "{f}"] and len(command) == 2 and name == EVIL:
        assert "[bold]opmaak[/bold]" in result.stdout  # rich markup from input is shown as typed
        assert "\\x1b[31mrood" in result.stdout  # and escape codes as visible text


@pytest.mark.parametrize("suffix", ["docx", "xlsx", "html", "md", "txt", "csv"])
def test_control_characters_and_a_huge_name_in_every_file_format(nasty: Path, suffix: str) -> None:
    Path("long.yaml").write_text('extends: _base.yaml\nname: "' + "Lange naam \\e\\x07 " * 1000 + '"\n')
    for name in (EVIL, EVIL_PLAN, "long.yaml"):
        result = invoke("run", name, "-o", f"out-{name}.{suffix}")
        assert result.exit_code == 0, result.output
        data = Path(f"out-{name}.{suffix}").read_bytes()
        if suffix in ("docx", "xlsx"):  # zip files: look at the XML inside
            import zipfile

            with zipfile.ZipFile(f"out-{name}.{suffix}") as z:
                data = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml"))
        assert b"\x1b" not in data and b"\x07" not in data
    if suffix == "docx":
        import docx

        title = docx.Document("out-long.yaml.docx").core_properties.title
        assert 0 < len(title) <= 255


@pytest.mark.parametrize("kind", ["savings", "costs", "target"])
def test_chart_labels_with_emoji_dollars_and_escapes(nasty: Path, kind: str) -> None:
    Path("emoji.yaml").write_text('extends: _base.yaml\nname: "Kamer 🏠 中文 $x^{$ \\e[31m"\n')
    result = invoke("chart", "emoji.yaml", EVIL, "--kind", kind, "-o", "chart.png")
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.stderr and ".py" not in result.stderr, result.stderr


# --- a hostile environment: real processes ---------------------------------------------------


def aldlan(*args: str) -> list[str]:
    return [sys.executable, "-m", "aldlan_model", *args]


def env(**extra: str) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    out.update(extra)
    return out


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "utf-16"])
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_any_pythonioencoding_works(nasty: Path, encoding: str, fmt: str) -> None:
    proc = subprocess.run(aldlan("run", EVIL, "-f", fmt), capture_output=True, env=env(PYTHONIOENCODING=encoding),
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr and proc.stdout


def test_ascii_stdout_error_messages(nasty: Path) -> None:
    proc = subprocess.run(aldlan("validate", EVIL, "huge-int-310-digits.yaml"), capture_output=True,
                          env=env(PYTHONIOENCODING="ascii"), timeout=120)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert b"getal is te groot" in proc.stderr


@pytest.mark.skipif(os.name == "nt", reason="POSIX pipes")
@pytest.mark.parametrize("args", [["run", EVIL], ["run", EVIL, "-f", "json"], ["schema"], ["compare", EVIL, EVIL]])
def test_stdout_closed_or_gone_is_silence(nasty: Path, args: list[str]) -> None:
    # `aldlan … >&-`: no standard output at all
    proc = subprocess.run(aldlan(*args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120,
                          preexec_fn=lambda: os.close(1))
    assert proc.returncode == 0 and proc.stderr == b"", proc.stderr
    # `aldlan … | head -0`: the reader is gone before anything is written
    p = subprocess.Popen(aldlan(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout is not None
    p.stdout.close()
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0 and err == b"", err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["run", EVIL], ["run", EVIL, "-f", "csv"], ["schema"]])
def test_stdout_full_is_one_line_and_exit_2(nasty: Path, args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(aldlan(*args), stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == ["fout: de uitvoer kan niet geschreven worden: No space left on device"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_sigterm_during_a_command_leaves_no_temporary_file(nasty: Path) -> None:
    """The CLI writing a report is killed while its temporary file exists: the file is removed."""
    script = (
        "import os, signal, sys\n"
        "from aldlan_model.io import fileio\n"
        "fileio.os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGTERM)\n"
        "sys.argv = ['aldlan', 'run', sys.argv[1], '-o', 'out.xlsx']\n"
        "from aldlan_model.cli.app import main\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, EVIL], capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGTERM, proc.stderr
    assert not [p for p in os.listdir() if p.endswith(".tmp") or p == "out.xlsx"]


# --- smaller holes found on the way ------------------------------------------------------------


def test_json_has_no_raw_c1_control_or_direction_mark(nasty: Path) -> None:
    import json

    Path("c1.yaml").write_text('extends: _base.yaml\nname: "C1 \\x9b31m \\u202e rtl \\x7f"\n')
    result = invoke("run", "c1.yaml", "-f", "json")
    assert result.exit_code == 0
    assert not re.search("[\x7f-\x9f\u202e]", result.stdout)
    assert json.loads(result.stdout)["name"] == "C1 \x9b31m \u202e rtl \x7f"  # the same data, escaped


def test_new_from_a_file_that_is_not_yaml(nasty: Path) -> None:
    shutil.copyfile("_base.yaml", "base.txt")
    result = invoke("new", "x.yaml", "--from", "base.txt")
    assert result.exit_code == 2 and "alleen .yaml/.yml-scenariobestanden kunnen uitgebreid worden" in result.stderr
    assert not Path("x.yaml").exists()


def test_new_from_a_name_with_control_characters_validates(nasty: Path) -> None:
    Path("c1.yaml").write_text('extends: _base.yaml\nname: "C1 \\x9b31m \\e[0m"\n')
    assert invoke("new", "x.yaml", "--from", "c1.yaml").exit_code == 0
    assert invoke("validate", "x.yaml").exit_code == 0


@pytest.mark.parametrize("args", [["run", "_base.yaml", "--set", "locations=" + "9" * 5000],
                                  ["sweep", "_base.yaml", "--set", "locations=1:" + "9" * 5000 + ":1"]])
def test_messages_stay_short_whatever_was_typed(nasty: Path, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert len(line) <= 1100
