"""Prove that a change changed no number: ``aldlan run --format json`` of every shipped scenario and
golden scenario file with the package of a git revision (default ``HEAD``) against the working tree's.

The revision's whole ``aldlan_model`` package is extracted (``git archive``) to a temporary folder;
both run as subprocesses (``python -m aldlan_model``, ``PYTHONPATH`` first) on the working tree's
scenario files. Money must agree to the cent (and every other value exactly); ``--exact`` asks for
bit-for-bit equal JSON. Prints one line per file.

Run: /tmp/venv/bin/python benchmarks/json_identity.py [REVISION] [--exact]
``--exact`` asks for bit-for-bit equal JSON instead of equal to the cent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FILES = ("scenarios/*.yaml", "tests/golden/*.yaml", "tests/golden/v1/*.yaml")


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
        archive = subprocess.run(["git", "archive", rev, "aldlan_model"], capture_output=True, check=True,
                                 cwd=REPO).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        for scenario in sorted(p for pattern in FILES for p in REPO.glob(pattern)):
            before, after = _run(old, scenario), _run(None, scenario)
            diffs = _diff(before, after)
            bad += bool(diffs)
            name = str(scenario.relative_to(REPO))
            print(f"{name:48} {'identical' if not diffs else f'{len(diffs)} differences: {diffs[:3]}'}")
    print(f"package of {rev} against the working tree: {'the same' if not bad else f'{bad} files differ'}"
          f" ({'bit for bit' if EXACT else 'to the cent'})")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
