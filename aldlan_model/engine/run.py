"""Compute a scenario or a plan: the one call every command makes after loading."""

from __future__ import annotations

from aldlan_model.engine.lines import Result
from aldlan_model.engine.room import run
from aldlan_model.io.models import Model
from aldlan_model.io.plan import Plan


def run_model(model: Model) -> Result:
    if isinstance(model, Plan):
        from aldlan_model.engine.plan import run_plan

        return run_plan(model)
    return run(model)
