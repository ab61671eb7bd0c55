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
