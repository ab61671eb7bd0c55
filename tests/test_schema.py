"""The JSON Schema (``aldlan schema``) describes files as people write them (issue 15).

Every shipped scenario and golden file is valid against it; a file with ``extends`` needs no
key its parent can give; a plan's rooms are accepted; and for broken files (an unknown key,
a wrong type) the schema and ``aldlan validate`` agree that they are broken.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from aldlan_model.io.schema import schema
from tests.conftest import REPO, SCENARIOS

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra: pip install -e '.[test]'")

runner = CliRunner()
SHIPPED = sorted(SCENARIOS.glob("*.yaml")) + sorted((REPO / "tests" / "golden").glob("*.yaml"))

BASE = """\
name: Klein
period: {first: 2019, last: 2021}
target: {amount: 100000, year: 2020}
opening: {weeks_per_year: 40, dagdelen_per_week: 8}
participants:
  zin: {count: 10, dagdelen_per_week: 2}
staff:
  - {role: begeleider, kind: professional, fte: 1, salary: 40000}
tariffs:
  buurtkamer: {zin: 30, pgb: 22}
  baseline: {zin: 38, pgb: 28}
"""


@pytest.fixture(scope="module")
def validator() -> Any:
    s = schema()
    cls = jsonschema.validators.validator_for(s)  # the draft the schema declares
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    cls.check_schema(s)
    return cls(s)


def problems(validator: Any, data: Any) -> list[str]:
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def test_the_docs_copy_is_current() -> None:
    """docs/scenario.schema.json is what ``aldlan schema`` prints; when the models changed, this
    test writes the new schema there (commit it) and fails once."""
    from aldlan_model.io.schema import schema_json

    docs = REPO / "docs" / "scenario.schema.json"
    shipped = json.loads(docs.read_text(encoding="utf-8"))
    if shipped != schema():
        docs.write_text(schema_json(), encoding="utf-8")
        pytest.fail("docs/scenario.schema.json was stale and has been regenerated; commit it")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_file_is_valid(validator: Any, path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert problems(validator, data) == []


def validate_cli(folder: Path, text: str) -> int:
    (folder / "base.yaml").write_text(BASE, encoding="utf-8")
    path = folder / "x.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert "Traceback" not in result.output
    return result.exit_code


GOOD = {
    "complete file": BASE,
    "extends, nothing else but a name": "extends: base.yaml\nname: Kind\n",
    "extends, a nested key without its required siblings": "extends: base.yaml\nopening: {hours_per_dagdeel: 5}\n",
    "extends, only a source": "extends: base.yaml\ncosts: {housing: {value: 5000, source: huurcontract}}\n",
    "a plan of rooms": (
        "extends: base.yaml\nlocations:\n  - {name: Oost, count: 2, costs: {housing: 5000}}\n"
        "  - name: West\n    participants: {zin: {count: 4}}\n"
    ),
    "a plan in a complete file": BASE + "locations:\n  - {name: Oost}\n  - {name: West, count: {value: 3}}\n",
}


@pytest.mark.parametrize("text", GOOD.values(), ids=GOOD.keys())
def test_files_as_people_write_them_are_accepted(validator: Any, tmp_path: Path, text: str) -> None:
    assert problems(validator, yaml.safe_load(text)) == []
    assert validate_cli(tmp_path, text) == 0


BROKEN = {
    "unknown top-level key": "extends: base.yaml\nlocaties: 3\n",
    "unknown nested key": "extends: base.yaml\ncosts: {housng: 1000}\n",
    "unknown key in a number": "extends: base.yaml\ncosts: {housing: {value: 1000, bron: x}}\n",
    "text for a number": "extends: base.yaml\ncosts: {housing: veel}\n",
    "list for a name": "extends: base.yaml\nname: [a, b]\n",
    "mapping for the staff list": "extends: base.yaml\nstaff: {role: x, kind: volunteer}\n",
    "text for true/false": "extends: base.yaml\nnorms: {enforce: misschien}\n",
    "unknown key in a room": "extends: base.yaml\nlocations:\n  - {name: Oost, kleur: rood}\n",
    "a plan-wide key in a room": "extends: base.yaml\nlocations:\n  - {name: Oost, target: {amount: 5}}\n",
    "a room without a name": "extends: base.yaml\nlocations:\n  - {count: 2}\n",
    "a room count that is text": "extends: base.yaml\nlocations:\n  - {name: Oost, count: twee}\n",
    "a complete file missing its tariffs": BASE.split("tariffs:")[0],
    "a complete file missing a nested required key": BASE.replace("weeks_per_year: 40, ", ""),
}


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_schema_and_validate_agree_a_file_is_broken(validator: Any, tmp_path: Path, text: str) -> None:
    assert problems(validator, yaml.safe_load(text)), "the schema accepts it"
    assert validate_cli(tmp_path, text) == 2, "aldlan validate accepts it"
