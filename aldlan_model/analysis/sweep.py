"""``aldlan sweep``: a metric over a 1- or 2-D grid of parameter values, in one engine call.

``--set PATH=START:STOP:STEP`` makes an axis (STOP included when a step lands on it, so
``10:20:5`` is 10, 15, 20); a plain ``--set PATH=VALUE`` stays a fixed override. The grid is
one parameter table with a row per point, computed by a single
:func:`~aldlan_model.engine.room.compute` call. Before computing, the corners of the grid and the
second point of each axis go through the loader's validation, so a value out of bounds (or a
fraction of a whole number) gets the loader's message. At most ``MAX_POINTS`` points.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import product
from typing import Any

import numpy as np
import pandas as pd

from aldlan_model.analysis.metrics import check_metric, check_year, metric_values
from aldlan_model.analysis.overrides import scenario_at
from aldlan_model.analysis.paths import check_variable, column_of
from aldlan_model.engine.lines import WARNING_CODES
from aldlan_model.engine.params import Structure, point_table
from aldlan_model.engine.room import compute
from aldlan_model.i18n.messages import grouped, msg
from aldlan_model.io.document import Document
from aldlan_model.model.errors import UsageError
from aldlan_model.model.numbers import MAX_MAGNITUDE
from aldlan_model.model.scenario import Scenario

MAX_POINTS = 1_000_000
MAX_AXES = 2
XLSX_POINTS = 20_000  # an .xlsx of a sweep: 1,000,000 cells would take minutes and gigabytes
TABLE_ROWS = 100  # the most rows (values of the first parameter) a terminal table shows
TABLE_COLUMNS = 24  # the most columns (values of the second parameter) a terminal table shows
MARKS = {"savings": "savings >= target.amount", "share": "share >= 1", "result": "result >= 0"}


@dataclass
class Axis:
    path: str
    values: np.ndarray


@dataclass
class Grid:
    scenario: Scenario  # the file with the fixed overrides
    fixed: list[str]
    axes: list[Axis]
    metric: str
    year: int | None  # None: each point's own target year (the same unless target.year is swept)
    values: np.ndarray  # shape = (len(axis) for axis in axes)
    marked: np.ndarray | None  # same shape; None when the metric has no goal to mark
    warned: dict[str, np.ndarray] = field(default_factory=dict)  # warning code -> cells (same shape) it applies to
    result: Any = None  # the engine's result of every point (kept for a table's warning messages)

    @property
    def shown_year(self) -> int | None:
        if self.year is not None:
            return self.year
        return None if any(a.path == "target.year" for a in self.axes) else self.scenario.target_year


def _numberish(text: str) -> bool:
    text = text.strip().lower()
    try:
        float(text)
    except ValueError:
        return text.lstrip("+-.") in {"nan", "inf", "infinity"}
    return True


def _is_range(value: str) -> bool:
    """START:STOP:STEP: three parts, at least one a number (``name=a:b:c`` stays text);
    whether all three are proper numbers is checked by :func:`axis_values`."""
    parts = value.split(":")
    return len(parts) == 3 and any(_numberish(p) for p in parts)


def axis_values(expr: str) -> np.ndarray:
    """``START:STOP:STEP`` → the grid values, STOP included when a step lands on it."""
    path, _, spec = expr.partition("=")
    where = f"--set {expr}"
    try:
        start, stop, step = (float(p) for p in spec.split(":"))
    except ValueError:
        raise UsageError(msg("an_grid_numbers", where=where)) from None
    if not all(math.isfinite(v) for v in (start, stop, step)):
        raise UsageError(msg("an_grid_finite", where=where))
    if max(abs(start), abs(stop), abs(step)) > MAX_MAGNITUDE:
        raise UsageError(msg("an_grid_magnitude", where=where, limit=f"{MAX_MAGNITUDE:g}"))
    if step <= 0:
        raise UsageError(msg("an_grid_step", where=where, step=spec.split(":")[2]))
    if stop < start:
        raise UsageError(msg("an_grid_order", where=where, start=f"{start:g}", stop=f"{stop:g}"))
    span = (stop - start) / step  # 1e-300 steps: a huge or infinite count, never printed in full
    if not math.isfinite(span) or span > 1e12:
        raise UsageError(msg("an_grid_huge", where=where, limit=grouped(MAX_POINTS)))
    n = math.floor(span + 1e-9) + 1
    if n > MAX_POINTS:
        raise UsageError(msg("an_grid_points", where=where, n=grouped(n), limit=grouped(MAX_POINTS)))
    values = start + step * np.arange(n)
    return np.round(values, 10)  # 0.1 + 0.2 → 0.3, not 0.30000000000000004


_HALF_RANGE = re.compile(r"\s*([-+]?\d+(?:\.\d+)?)\s*(?::|\.\.|–|—|-|\btot\b|\bto\b)\s*([-+]?\d+(?:\.\d+)?)\s*")


def _half_range(expr: str) -> str | None:
    """``PATH=10:24`` or ``PATH=10-24``: a range without its step, as the full form to write."""
    path, sep, value = expr.partition("=")
    found = _HALF_RANGE.fullmatch(value) if sep else None
    if not found:
        return None
    start, stop = found.groups()
    whole = "." not in start + stop
    step = "1" if whole else f"{(float(stop) - float(start)) / 10:g}"
    return f"{path.strip()}={start}:{stop}:{step}"


def split_sets(sets: Sequence[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """Separate axes (``PATH=START:STOP:STEP``) from fixed overrides (``PATH=VALUE``)."""
    axes, fixed = [], []
    for expr in sets:
        path, sep, value = expr.partition("=")
        if sep and _is_range(value.strip()):
            axes.append((path.strip(), expr))
        elif (full := _half_range(expr)) is not None:
            raise UsageError(msg("an_grid_form", where=f"--set {expr}", full=full))
        else:
            fixed.append(expr)
    paths = [p for p, _ in axes]
    if not axes:
        raise UsageError(msg("an_sweep_none"))
    if len(axes) > MAX_AXES:
        raise UsageError(msg("an_sweep_axes", limit=MAX_AXES, n=len(axes), paths=", ".join(paths)))
    twice = [p for i, p in enumerate(paths) if p in paths[:i]]
    if twice:
        raise UsageError(msg("an_sweep_twice", path=twice[0]))
    return axes, fixed


def _validate(doc: Document, fixed: list[str], base: Scenario, axes: list[Axis]) -> None:
    """Every corner of the grid and each axis' second value through the loader's validation.

    The bounds of a scenario are intervals and their cross-checks linear, so if the corners are
    valid every point is; the second value catches a fraction where a whole number is needed.
    """
    picks = [sorted({0, min(1, len(a.values) - 1), len(a.values) - 1}) for a in axes]
    structure = Structure.of(base)
    for idx in product(*picks):
        s = scenario_at(doc, fixed, {a.path: float(a.values[i]) for a, i in zip(axes, idx, strict=True)})
        if Structure.of(s) != structure:  # pragma: no cover - check_variable refuses such paths first
            raise UsageError(msg("an_sweep_structure", paths=", ".join(a.path for a in axes)))


def sweep(doc: Document, sets: Sequence[str], metric: str = "savings", year: int | None = None,
          *, for_table: bool | str = False) -> Grid:
    """Compute ``metric`` over the grid the ``--set`` ranges span (see the module docstring)."""
    check_metric(metric)
    axis_specs, fixed = split_sets(sets)
    base = scenario_at(doc, fixed)
    for path, _ in axis_specs:
        check_variable(base, path)
    structure = Structure.of(base)
    check_year(structure, year)
    axes = [Axis(path, axis_values(expr)) for path, expr in axis_specs]
    shape = tuple(len(a.values) for a in axes)
    total = math.prod(shape)
    if total > MAX_POINTS:
        raise UsageError(msg("an_grid_total", n=grouped(total), limit=grouped(MAX_POINTS)))
    _check_fits(shape, for_table)
    _validate(doc, fixed, base, axes)
    row = point_table(base).iloc[0]
    table = pd.DataFrame({c: np.full(total, v) for c, v in row.items()})
    mesh = np.meshgrid(*[a.values for a in axes], indexing="ij")
    for a, m in zip(axes, mesh, strict=True):
        table[column_of(a.path)] = m.ravel()  # v3: one year of a dated input is its own column
    result = compute(table, structure)
    values = metric_values(result, metric, year)
    marked = None
    if metric == "savings":
        marked = values >= result.target["amount"]
    elif metric == "share":
        marked = values >= 1.0
    elif metric == "result":
        marked = values >= 0.0
    warned = {code: result.flags[code].reshape(shape) for code in WARNING_CODES
              if code in result.flags and result.flags[code].any()}
    return Grid(base, fixed, axes, metric, year, values.reshape(shape),
                None if marked is None else marked.reshape(shape), warned, result if for_table else None)


def _check_fits(shape: tuple[int, ...], for_table: bool | str) -> None:
    """``for_table``: ``True`` or ``"table"`` for the terminal, a document format (``"docx"``…) for a
    document's table, ``"xlsx"`` for a spreadsheet (at most :data:`XLSX_POINTS` cells)."""
    if for_table == "xlsx":
        total = math.prod(shape)
        if total > XLSX_POINTS:
            raise UsageError(msg("an_grid_xlsx", n=grouped(total), limit=grouped(XLSX_POINTS)))
        return
    if for_table and (shape[0] > TABLE_ROWS or (len(shape) > 1 and shape[1] > TABLE_COLUMNS)):
        key = "an_grid_table" if for_table in (True, "table") else "an_grid_document"
        raise UsageError(msg(key, shape=" × ".join(str(grouped(n)) for n in shape), rows=TABLE_ROWS,
                             cols=TABLE_COLUMNS))


def grid_dict(grid: Grid) -> dict[str, object]:
    """The JSON of ``aldlan sweep``; ``values[i][j]`` belongs to parameters[0] value i and
    parameters[1] value j (a flat list for one parameter); ``marked`` has the same shape.
    ``warnings``: per warning code that applies somewhere, ``{"code", "points", "first"}``."""
    return {
        "name": grid.scenario.name,
        "metric": grid.metric,
        "year": grid.shown_year,
        "parameters": [{"path": a.path, "values": [float(v) for v in a.values]} for a in grid.axes],
        "values": grid.values.tolist(),
        "mark": MARKS.get(grid.metric),
        "marked": None if grid.marked is None else grid.marked.tolist(),
        "fixed": grid.fixed,
        "warnings": [_warned(grid, code, cells) for code, cells in grid.warned.items()],
    }



def _warned(grid: Grid, code: str, cells: np.ndarray) -> dict[str, object]:
    """A warning of the grid's cells: how many points it applies to and the first of them."""
    where = np.unravel_index(int(np.argmax(cells)), cells.shape)
    return {"code": code, "points": int(cells.sum()),
            "first": {a.path: float(a.values[i]) for a, i in zip(grid.axes, where, strict=True)}}
