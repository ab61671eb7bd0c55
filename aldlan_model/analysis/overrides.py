"""Overrides as the analysis commands use them: ``PATH=VALUE`` texts, scenario variants.

Every value the analysis puts into a scenario goes back through
:func:`aldlan_model.io.loader.apply_overrides` and :func:`~aldlan_model.io.loader.validate_document`,
so it is checked against exactly the rules of a scenario file and a bad value gets the
loader's own message (``--set locations=0: locations: must be ≥ 1, got 0``).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from aldlan_model.i18n.messages import msg
from aldlan_model.io.document import Document, locate
from aldlan_model.io.loader import apply_overrides, read_document, validate_document
from aldlan_model.io.plan import is_plan
from aldlan_model.model.errors import Problem, ScenarioError, UsageError
from aldlan_model.model.scenario import Scenario


def number_text(x: float) -> str:
    """A number as YAML reads it back exactly: ``14``, ``13.272727272727273``, never ``1e-05``.

    PyYAML reads ``1e-05`` as text, so exponents are written out positionally.
    """
    x = float(x)
    if not math.isfinite(x):
        raise ValueError(f"not a finite number: {x!r}")
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return np.format_float_positional(x, unique=True, trim="-")


def assignment(path: str, x: float) -> str:
    """``PATH=VALUE`` for :func:`~aldlan_model.io.loader.apply_overrides`."""
    return f"{path}={number_text(x)}"


def scenario_at(doc: Document, fixed: Sequence[str], values: Mapping[str, float] | None = None) -> Scenario:
    """The validated scenario of ``doc`` with the ``fixed`` overrides, then ``values`` set."""
    values = values or {}
    doc = apply_overrides(doc, list(fixed))
    if is_plan(doc):
        raise plan_refused(doc)
    if "ramp_up" not in doc.data and any(p.startswith("ramp_up.") for p in values):
        doc = apply_overrides(doc, ["ramp_up=[1.0]"])  # the default, written out so ramp_up.0 has a place
    return validate_document(apply_overrides(doc, [assignment(p, v) for p, v in values.items()]))


def plan_refused(doc: Document) -> ScenarioError:
    """``solve`` and ``sweep`` vary one number of one scenario: a plan's rooms each have their own."""
    where = locate(doc, ("locations",))
    return ScenarioError([Problem(where.file, where.line, where.col, "locations", msg("an_plan_refused"))])


@dataclass
class Variant:
    """One column of ``aldlan compare``: a scenario file and its own overrides."""

    file: str
    overrides: list[str] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return Path(self.file).stem


def _is_override(token: str) -> bool:
    return "=" in token and not os.path.exists(token)


def parse_variants(tokens: Sequence[str]) -> list[Variant]:
    """Split ``a.yaml b.yaml period.start=2021 c.yaml`` into variants.

    A ``PATH=VALUE`` token belongs to the scenario file just before it, so the same file
    can be given several times, each with its own overrides.
    """
    variants: list[Variant] = []
    for token in tokens:
        if _is_override(token):
            if not variants:
                raise UsageError(msg("an_must_follow", token=repr(token)))
            variants[-1].overrides.append(token)
        else:
            variants.append(Variant(token))
    if not variants:
        raise UsageError(msg("an_no_file"))
    return variants


def _short(override: str) -> str:
    """``period.start=2021`` → ``start=2021``: the last key is enough in a column header."""
    key, _, value = override.partition("=")
    return f"{key.strip().split('.')[-1]}={value.strip()}"


def column_labels(variants: Sequence[Variant], names: Sequence[str | None] | None = None) -> list[str]:
    """Short column headers (a terminal table must fit 80 columns): the scenario's ``label``
    (MODEL.md §2.5), else the file stem; where a file repeats, its overrides in short
    (``start=2021``), prefixed with the label only when that is needed to tell columns apart."""
    names = list(names) if names is not None else [None] * len(variants)
    stems = [n or v.stem for v, n in zip(variants, names, strict=True)]
    labels = []
    for v, stem in zip(variants, stems, strict=True):
        label = stem
        if stems.count(stem) > 1 and v.overrides:
            label = " ".join(_short(o) for o in v.overrides)
        labels.append(label)
    if len(set(labels)) < len(labels):
        labels = [f"{stem} {x}" if x != stem else x for stem, x in zip(stems, labels, strict=True)]
    # still equal (the same file with the same overrides): number them
    return [f"{x} ({labels[:i + 1].count(x)})" if labels.count(x) > 1 else x for i, x in enumerate(labels)]


class DocumentCache:
    """Read each scenario file once, however often it is compared."""

    def __init__(self) -> None:
        self._docs: dict[str, Document] = {}

    def __call__(self, file: str) -> Document:
        if file not in self._docs:
            self._docs[file] = read_document(file)
        return self._docs[file]
