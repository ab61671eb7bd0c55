"""One way in: read a scenario or a plan file, merge, override and validate it.

``load_model(path)`` returns a :class:`Scenario` (``locations`` a number) or a :class:`Plan`
(``locations`` a list of rooms), or raises one :class:`ScenarioError` with every problem.
"""

from __future__ import annotations

import os

from aldlan_model.io.document import Document
from aldlan_model.io.loader import apply_overrides, read_document, validate_document
from aldlan_model.io.plan import Plan, is_plan, validate_plan
from aldlan_model.model.scenario import Scenario

Model = Scenario | Plan


def validate_model(doc: Document) -> Model:
    return validate_plan(doc) if is_plan(doc) else validate_document(doc)


def load_model(path: str | os.PathLike[str], overrides: list[str] | tuple[str, ...] = ()) -> Model:
    """Read, merge, override and validate a scenario or plan file."""
    return validate_model(apply_overrides(read_document(path), list(overrides)))
