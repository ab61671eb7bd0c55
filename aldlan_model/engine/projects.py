"""The wijk's other projects (MODEL.md §3.3), vectorised over variants and years.

Projects are columns, like staff members: the only loops run over projects, their staff,
one-offs and funding items, never over years or variants. Every figure is per location;
the engine multiplies by ``locations``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from aldlan_model.engine.params import ProjectShape

Col = Callable[[str], np.ndarray]
Money = Callable[[str, str | None], np.ndarray]
"""Reads a money input in first-year money for the rule of MODEL.md §3.9 (``Frame.m``)."""
BUDGETS = ("wmo", "municipal", "external")


@dataclass
class ProjectLines:
    """Per-location (n, Y) arrays of one project."""

    cost: np.ndarray
    funding: dict[str, np.ndarray]  # by budget
    result: np.ndarray
    running: np.ndarray  # bool
    volunteers: np.ndarray  # (n, 1) volunteers' count
    allowance_over: np.ndarray  # bool (n, Y): a volunteer line above a legal maximum in a running year
    staff_cost: np.ndarray = field(default=None)  # type: ignore[assignment]


def staff_cost(c: Col, prefix: str, kinds: tuple[str, ...], W: np.ndarray, w: np.ndarray, p: np.ndarray,
               m: Money | None = None):
    """Professional and volunteer staff cost per year, and the volunteers' (count, hours, allowance) lines.

    ``m`` reads a money input that may be dated (v3); without it every input is a column."""
    m = m or (lambda path, kind: c(path))
    prof = 0.0
    vol = 0.0
    volunteers = []
    for i, kind in enumerate(kinds):
        s = f"{prefix}{i}."
        if kind == "fte":
            prof = prof + c(s + "fte") * m(s + "salary", "wages") * (1 + c(s + "employer_charges"))
        elif kind == "part_time":  # v3: a salary for hours_per_week / norms.hours_per_fte FTE
            fte = c(s + "hours_per_week") / c("norms.hours_per_fte")
            prof = prof + fte * m(s + "salary", "wages") * (1 + c(s + "employer_charges"))
        elif kind == "hours":
            prof = prof + c(s + "hours_per_week") * W * m(s + "hourly_cost", "wages")
        else:
            allowance = m(s + "allowance", "prices")
            vol = vol + c(s + "count") * (allowance + m(s + "other_costs", "prices"))
            volunteers.append((c(s + "count"), c(s + "hours_per_week"), allowance))
    return prof * w, vol * p, volunteers


def _one_off(c: Col, prefix: str, count: int, years: np.ndarray) -> np.ndarray:
    total = np.zeros_like(years * c(prefix + "0.amount")) if count else 0.0
    for m in range(count):
        total = total + np.where(years == c(f"{prefix}{m}.year"), c(f"{prefix}{m}.amount"), 0.0)
    return total


def allowance_over(
    volunteers: list, W: np.ndarray, p: np.ndarray, yearly_max: np.ndarray, hourly_max: np.ndarray
) -> np.ndarray:
    """(n, Y) bool: some volunteer line (with count > 0) above the yearly or hourly legal maximum."""
    over = np.zeros(np.broadcast_shapes(p.shape, yearly_max.shape), dtype=bool)
    for count, hours, allowance in volunteers:
        paid = allowance * p
        with np.errstate(divide="ignore", invalid="ignore"):
            per_hour = np.where(hours > 0, paid / np.where(hours > 0, hours * W, 1.0), 0.0)
        line = (paid > yearly_max + 1e-9) | ((hours > 0) & (per_hour > hourly_max + 1e-9))
        over |= line & (count > 0)
    return over


def project_lines(
    c: Col, i: int, shape: ProjectShape, years: np.ndarray, W: np.ndarray, w: np.ndarray, p: np.ndarray,
    yearly_max: np.ndarray, hourly_max: np.ndarray, m: Money | None = None,
) -> ProjectLines:
    """Cost, funding by budget and result of project ``i`` per location."""
    m = m or (lambda path, kind: c(path))
    pre = f"projects.{i}."
    running = (years >= c(pre + "start")) & (years <= c(pre + "end"))
    run = running.astype(float)
    prof, vol, volunteers = staff_cost(c, pre + "staff.", shape.staff, W, w, p, m)
    staff = (prof + vol) * run
    cost = staff + m(pre + "yearly_costs", "prices") * p * run + _one_off(c, pre + "one_off.", shape.one_offs, years)
    cost = np.broadcast_to(cost, np.broadcast_shapes(np.shape(cost), run.shape)).astype(float)
    funding = {b: np.zeros_like(cost) for b in BUDGETS}
    others = np.zeros_like(cost)
    rest_budget = None
    for f, (kind, budget, n_one) in enumerate(shape.funding):
        at = f"{pre}funding.{f}."
        if kind == "rest":
            rest_budget = budget
            continue
        if kind == "yearly":
            amount = m(at + "yearly", "prices") * p * run
        else:
            amount = _one_off(c, at + "one_off.", n_one, years)
        funding[budget] = funding[budget] + amount
        others = others + amount
    if rest_budget is not None:
        funding[rest_budget] = funding[rest_budget] + np.maximum(0.0, cost - others)
    total = funding["wmo"] + funding["municipal"] + funding["external"]
    n_vol = sum((cnt for cnt, _, _ in volunteers), np.zeros((cost.shape[0], 1)))
    over = allowance_over(volunteers, W, p, yearly_max, hourly_max) & running
    return ProjectLines(cost, funding, total - cost, running, n_vol, over, staff)
