"""The vectorised engine against a plain per-year implementation of MODEL.md section 3."""

from __future__ import annotations

import pytest
from hypothesis import given

from aldlan_model.engine import run
from aldlan_model.loader import load_scenario
from aldlan_model.reports.jsonout import run_dict
from tests.conftest import SCENARIOS
from tests.reference_model import reference
from tests.test_engine_properties import SETTINGS, scenarios


def assert_same(s) -> None:
    got, want = run_dict(s, run(s)), reference(s)
    assert got["target"]["locations_needed"] == want["target"]["locations_needed"]
    assert got["target"]["savings"] == pytest.approx(want["target"]["savings"], rel=1e-9, abs=1e-6)
    assert {w["code"] for w in got["warnings"]} == want["warnings"]
    for g, w in zip(got["years"], want["years"], strict=True):
        assert (g["year"], g["operating_year"]) == (w["year"], w["operating_year"])
        for part in ("operator", "municipality"):
            for key, value in w[part].items():
                assert g[part][key] == pytest.approx(value, rel=1e-9, abs=1e-6), (g["year"], part, key)


@SETTINGS
@given(scenarios())
def test_engine_matches_the_plain_reference(s):
    assert_same(s)


@pytest.mark.parametrize("name", ["aldlan-mix", "volunteers-only", "commercial", "base"])
def test_shipped_scenarios_match_the_reference(name):
    assert_same(load_scenario(SCENARIOS / f"{name}.yaml"))
