"""The library never prints or exits, and only the CLI speaks Typer. (Which way imports run
is import-linter's contract in ``pyproject.toml``, checked by ``lint-imports`` in CI.)"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "aldlan_model"
CLI = {"__main__.py"}


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name not in CLI and "cli" not in p.relative_to(PACKAGE).parts)


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
    assert not {n for n in names if n.startswith("aldlan_model.cli.app") or n.split(".")[0] == "typer"}, path
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            assert not (isinstance(f, ast.Name) and f.id in {"print", "exit", "quit"}), f"{path}:{node.lineno}"
            assert not (isinstance(f, ast.Attribute) and f.attr == "exit" and isinstance(f.value, ast.Name)
                        and f.value.id == "sys"), f"{path}:{node.lineno}"
