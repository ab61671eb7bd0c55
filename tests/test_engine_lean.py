"""The engine's lean mode (``compute(..., lines=…)``, issue 14) gives the full result's numbers.

Monte Carlo, sensitivity and chance solves ask the engine for a few lines only; every one of them
must be the same number, bit for bit, as the full computation ``aldlan run`` uses — for every
shipped scenario, for many variants at once, from a DataFrame or a plain mapping of columns.
"""

from __future__ import annotations

import numpy as np
import pytest

from aldlan_model.api import load_model
from aldlan_model.engine.lines import LEAN_LINES
from aldlan_model.engine.params import Structure, point_table
from aldlan_model.engine.room import compute
from aldlan_model.uncertainty import rooms as rooms_mod
from aldlan_model.uncertainty.draws import draw
from tests.conftest import SCENARIOS

FILES = sorted(p.name for p in SCENARIOS.glob("*.yaml"))


def _tables(file: str, n: int = 300):
    """Per location entry: its structure and a table of ``n`` drawn variants (as simulate draws them)."""
    model = rooms_mod.build(load_model(SCENARIOS / file))
    drawn = draw(model.specs, 5, 0, n)
    for structure, members in model.groups:
        columns = model.rooms[members[0]].points
        yield structure, {p: rooms_mod._column(model, members, p, n, drawn, {}) for p in columns}


@pytest.mark.parametrize("file", FILES)
def test_lean_lines_equal_the_full_result(file):
    import pandas as pd

    for structure, cols in _tables(file):
        full = compute(pd.DataFrame(cols), structure)
        lean = compute(cols, structure, lines=LEAN_LINES)
        for name in LEAN_LINES:
            assert np.array_equal(lean.lines[name], full.lines[name]), name
        assert np.array_equal(lean.detail["k"], full.detail["k"])


def test_lean_result_of_a_single_run():
    s = load_model(SCENARIOS / "aldlan-mix.yaml")
    full = compute(point_table(s), Structure.of(s))
    lean = compute(point_table(s), Structure.of(s), lines=["savings", "cumulative_net_municipality"])
    assert set(lean.lines) == {"savings", "cumulative_net_municipality"}
    assert np.array_equal(lean.lines["savings"], full.lines["savings"])
    assert np.array_equal(lean.lines["cumulative_net_municipality"], full.lines["cumulative_net_municipality"])
    assert lean.target == {} and lean.flags == {}
