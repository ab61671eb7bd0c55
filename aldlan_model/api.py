"""The library's front door: load a scenario or a plan, and run it.

``load_model(path)`` returns a :class:`Scenario` (``locations`` a number) or a
:class:`Plan` (``locations`` a list of rooms); ``run_model`` computes either.
"""

from __future__ import annotations

import os

from aldlan_model.engine.lines import Result
from aldlan_model.engine.room import run
from aldlan_model.io.loader import Document, apply_overrides, read_document, validate_document
from aldlan_model.io.plan import Plan, is_plan, validate_plan
from aldlan_model.model.scenario import Scenario

Model = Scenario | Plan


def validate_model(doc: Document) -> Model:
    return validate_plan(doc) if is_plan(doc) else validate_document(doc)


def load_model(path: str | os.PathLike[str], overrides: list[str] | tuple[str, ...] = ()) -> Model:
    """Read, merge, override and validate a scenario or plan file."""
    return validate_model(apply_overrides(read_document(path), list(overrides)))


def run_model(model: Model) -> Result:
    if isinstance(model, Plan):
        from aldlan_model.engine.plan import run_plan

        return run_plan(model)
    return run(model)
