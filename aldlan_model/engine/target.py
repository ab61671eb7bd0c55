"""The target, the hard-savings target, cost per dagdeel, financing and the pool and
substitution flags of MODEL.md §3.5–3.6, from the engine's lines."""

from __future__ import annotations

import numpy as np
import pandas as pd

from aldlan_model.engine.lines import DEFICIT_TOLERANCE, RATIO_TOLERANCE, SAVINGS_TOLERANCE


def target_figures(
    amount: np.ndarray, year: np.ndarray, savings: np.ndarray, per_room: np.ndarray, first: int
) -> dict[str, np.ndarray]:
    """The target block per variant from the savings lines (all rooms, and per room)."""
    rows = np.arange(len(amount))
    j = np.clip((year - first).astype(int), 0, savings.shape[1] - 1)
    room, total = per_room[rows, j], savings[rows, j]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        saves = room > SAVINGS_TOLERANCE
        needed = np.where(saves, np.ceil(amount / np.where(saves, room, 1.0) * (1.0 - RATIO_TOLERANCE)), np.nan)
    needed = np.where(np.isfinite(needed), needed, np.nan)  # a backstop: never inf in any output
    reached = savings >= amount[:, None]
    return {
        "year": year.astype(int),
        "amount": amount,
        "savings": total,
        "share": total / amount,
        "locations_needed": needed,
        "first_year_reached": np.where(reached.any(axis=1), first + reached.argmax(axis=1), -1),
        "savings_per_location": room,
    }


def safe_ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a / b, with 0 where a is 0 and inf where only b is 0 (no warnings)."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        out = np.where(b > 0, a / np.where(b > 0, b, 1.0), np.inf)
    return np.where(a == 0, 0.0, out)


def full_target(
    table: pd.DataFrame, lines: dict[str, np.ndarray], per_loc: dict[str, np.ndarray], first: int,
    p: np.ndarray | None = None, ramp_len: int = 1,
) -> dict[str, np.ndarray]:
    """The target block, the hard-savings target, cost per dagdeel, financing (MODEL.md §3.5) and
    (with the price index ``p``) the present values of §3.7."""
    amount = table["target.amount"].to_numpy(float)
    year = table["target.year"].to_numpy(float)
    target = target_figures(amount, year, lines["savings"], per_loc["savings"], first)
    hard = target_figures(amount, year, lines["savings_hard"], per_loc["savings_hard"], first)
    target["savings_hard"] = hard["savings"]
    target["share_hard"] = hard["share"]
    target["locations_needed_hard"] = hard["locations_needed"]
    target["savings_hard_per_location"] = hard["savings_per_location"]
    rows = np.arange(len(amount))
    j = np.clip((year - first).astype(int), 0, lines["cost"].shape[1] - 1)
    dagdelen = lines["dagdelen"][rows, j]
    with np.errstate(divide="ignore", invalid="ignore"):
        target["cost_per_dagdeel"] = np.where(
            dagdelen > 0, lines["cost"][rows, j] / np.where(dagdelen > 0, dagdelen, 1.0), np.nan
        )
    target["tariff_difference_per_location"] = per_loc["tariff_difference"][rows, j]
    locations = table["locations"].to_numpy(float)
    start = table["period.start"].to_numpy(float)
    target |= financing(lines["cumulative_cash"], lines["cumulative_net_municipality"], locations, first, start)
    years = lines["cost"].shape[1]
    target["full_operation_year"] = np.clip(start + ramp_len - 1, first, first + years - 1).astype(int)
    if p is not None:
        target |= present_values(lines, p, table["discount_rate"].to_numpy(float), first)
    return target


PV_LINES = ("savings", "savings_hard", "net_municipality", "organisation_result")


def present_values(lines: dict[str, np.ndarray], p: np.ndarray, rate: np.ndarray, first: int) -> dict[str, np.ndarray]:
    """MODEL.md §3.7 (v3): Σ_y x_y / (p_y × (1 + rate)^(y − first)) of each line (all locations)."""
    elapsed = np.arange(lines["savings"].shape[1], dtype=float)[None, :]
    discount = np.broadcast_to(p, lines["savings"].shape) * (1 + rate[:, None]) ** elapsed
    out = {f"pv_{name}": (lines[name] / discount).sum(axis=1) for name in PV_LINES}
    out["discount_rate"] = rate
    return out


def financing(cum_cash: np.ndarray, cum_net: np.ndarray, locations: np.ndarray, first: int,
              start: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Financing need (v3: in cash), whether it is recovered, and the payback year (MODEL.md §3.5).

    ``payback_year`` is the first year from which the cumulative net position stays ≥ 0; when it is
    never negative it is ``start`` (v3: the room's first year; version 2 said ``first``)."""
    floor = DEFICIT_TOLERANCE * locations
    need = -cum_cash.min(axis=1)
    need = np.where(need > floor, need, 0.0)  # below half a cent per room: noise
    ok = cum_net >= -floor[:, None]
    ok_from_here = np.flip(np.logical_and.accumulate(np.flip(ok, axis=1), axis=1), axis=1)
    payback = np.where(ok[:, -1], first + ok_from_here.argmax(axis=1), -1)
    if start is not None:
        payback = np.where(ok.all(axis=1), start.astype(int), payback)
    return {"financing_need": need, "payback_year": payback, "financing_recovered": cum_cash[:, -1] >= -floor}


def reassessment_flag(target: dict[str, np.ndarray]) -> np.ndarray:
    """v3 ``savings_rest_on_reassessment``: hard savings > 0 but ≤ 0 without the tariff difference
    (target year, per location, with the noise tolerance)."""
    hard = target["savings_hard_per_location"]
    return (hard > SAVINGS_TOLERANCE) & (hard - target["tariff_difference_per_location"] <= SAVINGS_TOLERANCE)


def savings_rest_flag(target: dict[str, np.ndarray]) -> np.ndarray:
    """Savings > 0 but hard savings ≤ 0 in the target year (per location, with the noise tolerance)."""
    return (target["savings_per_location"] > SAVINGS_TOLERANCE) & (
        target["savings_hard_per_location"] <= SAVINGS_TOLERANCE
    )


def pool_flags(table: pd.DataFrame, staffing: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Indicated clients and volunteers needed against the municipality's pools (MODEL.md §3.6)."""
    clients = table["context.indicated_clients"].to_numpy(float)
    vols = table["context.volunteers_available"].to_numpy(float)
    return {
        "pool_clients_exceeded": (clients >= 0) & (staffing["pool_clients"] > clients * (1 + RATIO_TOLERANCE)),
        "pool_volunteers_exceeded": (vols >= 0) & (staffing["pool_volunteers"] > vols * (1 + RATIO_TOLERANCE)),
    }


