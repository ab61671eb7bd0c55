"""The library's front door: every command's work as a call, for programs and notebooks.

``load_model(path)`` returns a :class:`Scenario` (``locations`` a number) or a
:class:`Plan` (``locations`` a list of rooms); ``run_model`` computes either;
``run_json`` gives what ``aldlan run --format json`` prints, as a dict.
"""

from __future__ import annotations

from typing import Any

from aldlan_model.engine.lines import Result
from aldlan_model.engine.run import run_model
from aldlan_model.io.models import Model, load_model, validate_model

__all__ = ["Model", "Result", "load_model", "run_json", "run_model", "validate_model"]


def run_json(model: Model, result: Result | None = None, lang: str = "nl") -> dict[str, Any]:
    """The JSON of ``aldlan run FILE --format json`` (MODEL.md §4), full precision."""
    from aldlan_model.render.json import run_dict

    return run_dict(model, result if result is not None else run_model(model), lang=lang)
