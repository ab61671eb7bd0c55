"""A version 2 file means what it meant (MODEL.md v3): through the v3 engine, every version 1 and 2
key of its run JSON is the same number to the last bit, except the two figures v3 §3.5 changes.

``tests/golden/v2/*.json`` hold the version 2 engine's JSON (commit 63a629a, before v3) of the files in
``tests/golden/v1``: target, years (operator, municipality with its mechanisms, projects) and the
warning codes, plus that engine's ``financing_need`` and ``payback_year``. v3 may change only those
two (the need is counted in cash with the start-up paid in operating year 1; a payback that never
waits is ``period.start``) and may add the warning ``savings_rest_on_reassessment`` and new keys.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aldlan_model.api import load_model, run_json

GOLDEN = Path(__file__).resolve().parent / "golden"
NAMES = sorted(p.stem for p in (GOLDEN / "v2").glob("*.json"))


def same(old, new, path=()) -> list:
    """Every key of ``old`` in ``new`` with the same value and type (floats to the last bit)."""
    if isinstance(old, dict):
        return [d for k in old for d in (same(old[k], new[k], (*path, k)) if k in new else [((*path, k), "missing")])]
    if isinstance(old, list):
        if len(old) != len(new):
            return [(path, "length")]
        return [d for i, (a, b) in enumerate(zip(old, new, strict=True)) for d in same(a, b, (*path, i))]
    return [] if (type(old) is type(new) and old == new) else [(path, old, new)]


def test_every_v1_golden_input_has_a_v2_snapshot():
    assert sorted(p.stem for p in (GOLDEN / "v1").glob("*.yaml")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_v2_figures_are_unchanged(name):
    old = json.loads((GOLDEN / "v2" / f"{name}.json").read_text(encoding="utf-8"))
    model = load_model(GOLDEN / "v1" / f"{name}.yaml")
    new = run_json(model)
    for key in ("name", "locations", "target", "years"):
        assert same(old[key], new[key]) == [], key
    codes = sorted(w["code"] for w in new["warnings"])
    assert set(old["warnings"]) <= set(codes) and set(codes) - set(old["warnings"]) <= {"savings_rest_on_reassessment"}
    # the two figures v3 changes: the need grows by the start-up at most, payback moves to the start at most
    startup = model.costs.startup.amount.point * model.locations.point if hasattr(model, "costs") else None
    if startup is not None:
        assert old["financing_need_v2"] <= new["financing_need"] <= old["financing_need_v2"] + startup + 1e-6
    if old["payback_year_v2"] is not None and new["payback_year"] != old["payback_year_v2"]:
        assert old["payback_year_v2"] == new["years"][0]["year"]  # v2: never negative → first; v3: the start
