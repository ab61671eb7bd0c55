"""Shared test helpers: scenario text builders and a pinned terminal."""

from __future__ import annotations

import hashlib
import os
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("COLUMNS", "80")
os.environ.setdefault("NO_COLOR", "1")
os.environ.setdefault("MPLBACKEND", "Agg")

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = REPO / "scenarios"
V2 = REPO / "tests" / "fixtures" / "v2"  # the version 2 shipped scenarios, frozen: what older tests were worked out on

# The example of MODEL.md section 2, written out in full.
EXAMPLE = """\
name: Voorbeeld
period: {first: 2019, last: 2025, start: 2019}
target: {amount: 3600000, year: 2021}
locations: 1
opening: {weeks_per_year: 48, dagdelen_per_week: 8, hours_per_dagdeel: 4}
participants:
  zin:                {count: 12, dagdelen_per_week: 3}
  pgb:                {count: 4,  dagdelen_per_week: 3}
  without_indication: {count: 20, dagdelen_per_week: 2}
ramp_up: [0.5, 0.8, 1.0]
staff:
  - {role: activiteitenbegeleider, kind: professional, fte: 1.5, salary: 34000, employer_charges: 0.30}
  - {role: opbouwwerker, kind: professional, hours_per_week: 6, hourly_cost: 65, group_work: false}
  - {role: vrijwilliger, kind: volunteer, count: 10, hours_per_week: 4, allowance: 1200, other_costs: 150}
costs:
  housing: 12000
  per_participant_dagdeel: 4.50
  overhead: 0.10
  margin: 0.0
  startup: {amount: 20000, depreciation_years: 5}
income:
  contribution: 2.50
  other: 6000
  subsidy: 0
tariffs:
  buurtkamer: {zin: {value: 30.51, source: "Het Hogeland, tarieven Wmo 2021"}, pgb: 22.88}
  baseline:   {zin: 38.40, pgb: 28.80}
transport:
  buurtkamer: 0
  baseline: 13.75
municipality:
  assessment_per_indication: 700
  substitution: 0.25
indexation: {wages: 0.025, prices: 0.02, tariffs: 0.02}
norms: {hours_per_fte: 36, max_indicated_per_professional: 8, enforce: true}
"""

MINIMAL = """\
name: Minimaal
period: {first: 2020, last: 2022}
opening: {weeks_per_year: 40, dagdelen_per_week: 8}
tariffs:
  buurtkamer: {zin: 20, pgb: 15}
  baseline: {zin: 30, pgb: 20}
target: {amount: 100000, year: 2021}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return write(tmp_path, "example.yaml", EXAMPLE)


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    return write(tmp_path, "minimal.yaml", MINIMAL)


@pytest.fixture(scope="module")
def fast_cli() -> Iterator[None]:
    """Typer rebuilds the click command on every invoke (half the time of a short run);
    build it once for modules that invoke the CLI thousands of times."""
    import typer.main
    import typer.testing

    from aldlan_model.cli.app import app

    command = typer.main.get_command(app)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(typer.testing, "_get_command", lambda _app: command)
        yield


def digest(folder: Path) -> dict[str, str]:
    """A fingerprint of every file in a folder, to prove that nothing was changed."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(autouse=True)
def _dutch_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts with Dutch messages (the default), whatever ALDLAN_LANG or an earlier
    ``--lang en`` said; a test may switch with ``set_lang`` or ``--lang en``."""
    from aldlan_model.i18n.messages import set_lang

    monkeypatch.delenv("ALDLAN_LANG", raising=False)
    set_lang("nl")
    yield
    set_lang("nl")
