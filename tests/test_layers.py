"""Imports run one way (scenario → loader → engine → reports → cli); the library never
prints or exits. Checked on the source, so a shortcut fails here before it spreads."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "aldlan_model"
CLI = {"cli.py", "cli_analysis.py", "cli_letters.py", "cli_plan.py", "cli_report.py", "cli_uncertainty.py",
       "__main__.py"}
LEAF_REPORTS = {"aldlan_model.reports.numfmt", "aldlan_model.reports.labels"}  # formatting helpers only


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name not in CLI)


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_library_never_imports_the_cli_or_prints(path):
    names = imports(path)
    assert not {n for n in names if n.startswith("aldlan_model.cli") or n.split(".")[0] == "typer"}, path
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            assert not (isinstance(f, ast.Name) and f.id in {"print", "exit", "quit"}), f"{path}:{node.lineno}"
            assert not (isinstance(f, ast.Attribute) and f.attr == "exit" and isinstance(f.value, ast.Name)
                        and f.value.id == "sys"), f"{path}:{node.lineno}"


@pytest.mark.parametrize("path", [p for p in modules() if "reports" not in p.parts and p.name != "explain.py"],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_computation_does_not_depend_on_renderers(path):
    reports = {n for n in imports(path) if n.startswith("aldlan_model.reports")}
    assert reports <= LEAF_REPORTS, f"{path.name} imports {sorted(reports - LEAF_REPORTS)}"
    assert not {n for n in imports(path) if n.split(".")[0] in {"rich", "matplotlib", "openpyxl", "docx"}}, path


@pytest.mark.parametrize("name", ["numbers", "scenario", "yamlsrc", "params", "engine"])
def test_core_modules_stay_below_the_loader(name):
    below = {"aldlan_model.loader", "aldlan_model.api", "aldlan_model.plan", "aldlan_model.analysis",
             "aldlan_model.uncertainty", "aldlan_model.reports"}
    names = imports(PACKAGE / f"{name}.py")
    assert not {n for n in names if any(n == b or n.startswith(b + ".") for b in below)}, name
