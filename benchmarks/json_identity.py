"""Prove that a change to the engine changed no number: ``aldlan run --format json`` of every shipped
scenario with the engine of a git revision (default ``HEAD``) against the working tree's.

A copy of the working tree's package goes to a temporary folder with ``engine.py`` and
``engine_projects.py`` taken from the revision; both run as subprocesses (``python -m aldlan_model``,
``PYTHONPATH`` first), so the loader, the reports and the scenarios are the same on both sides.
Money must agree to the cent (and every other value exactly); prints one line per scenario.

Run: /tmp/venv/bin/python benchmarks/json_identity.py [REVISION] [--exact]
``--exact`` asks for bit-for-bit equal JSON instead of equal to the cent.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENGINE_FILES = ("aldlan_model/engine/room.py", "aldlan_model/engine/projects.py")


def _run(pythonpath: Path | None, scenario: Path) -> object:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    out = subprocess.run([sys.executable, "-m", "aldlan_model", "run", str(scenario), "--format", "json"],
                         capture_output=True, text=True, check=True, cwd=REPO, env=env)
    return json.loads(out.stdout)


def _diff(a: object, b: object, path: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return [f"{path}: keys {sorted(a.keys() ^ b.keys())}"]
        return [d for k in a for d in _diff(a[k], b[k], f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: length {len(a)} != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in _diff(x, y, f"{path}[{i}]")]
    if isinstance(a, float) and isinstance(b, float) and not EXACT:
        return [] if round(a, 2) == round(b, 2) or abs(a - b) < 0.005 else [f"{path}: {a} != {b}"]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


EXACT = "--exact" in sys.argv


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rev = args[0] if args else "HEAD"
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp)
        shutil.copytree(REPO / "aldlan_model", old / "aldlan_model")
        for f in ENGINE_FILES:
            text = subprocess.run(["git", "show", f"{rev}:{f}"], capture_output=True, text=True, check=True,
                                  cwd=REPO).stdout
            (old / f).write_text(text, encoding="utf-8")
        for scenario in sorted((REPO / "scenarios").glob("*.yaml")):
            before, after = _run(old, scenario), _run(None, scenario)
            diffs = _diff(before, after)
            bad += bool(diffs)
            print(f"{scenario.name:40} {'identical' if not diffs else f'{len(diffs)} differences: {diffs[:3]}'}")
    print(f"engine of {rev} against the working tree: {'the same' if not bad else f'{bad} scenarios differ'}"
          f" ({'bit for bit' if EXACT else 'to the cent'})")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
