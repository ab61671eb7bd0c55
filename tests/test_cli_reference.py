"""docs/cli.md is generated from ``--help``, so the CLI reference cannot drift.

Regenerate after changing a command: ``ALDLAN_UPDATE_DOCS=1 python -m pytest tests/test_cli_reference.py``.
"""

from __future__ import annotations

import os

import pytest
import typer
import typer.main
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from tests.conftest import REPO

DOC = REPO / "docs" / "cli.md"


def reference() -> str:
    runner = CliRunner()
    env = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    group = typer.main.get_command(app)
    parts = [
        "# Command reference\n",
        "Generated from `aldlan --help` and each command's `--help` by `tests/test_cli_reference.py`;",
        "do not edit by hand (run `ALDLAN_UPDATE_DOCS=1 python -m pytest tests/test_cli_reference.py`).",
        f"Rendered with Typer {typer.__version__}.\n",
        "```text", runner.invoke(app, ["--help"], env=env).output.rstrip(), "```\n",
    ]
    for name in group.commands:
        out = runner.invoke(app, [name, "--help"], env=env).output.rstrip()
        parts += [f"## aldlan {name}\n", "```text", out, "```\n"]
    return "\n".join(parts)


def test_cli_reference_is_current():
    text = reference()
    if os.environ.get("ALDLAN_UPDATE_DOCS"):
        DOC.write_text(text, encoding="utf-8")
    if f"Rendered with Typer {typer.__version__}." not in DOC.read_text(encoding="utf-8"):
        pytest.skip("docs/cli.md was rendered with another Typer version; its help layout differs")
    assert DOC.read_text(encoding="utf-8") == text, "docs/cli.md is stale: ALDLAN_UPDATE_DOCS=1 pytest " \
        "tests/test_cli_reference.py"
