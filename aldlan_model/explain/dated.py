"""Dated inputs and index factors for ``explain`` (MODEL.md §2.11, §3.1, §3.9).

A dated input is one parameter column per key (``tariffs.buurtkamer.zin@2023``); its value in
year ``y`` is ``v_k × I_y / I_k`` with ``k`` the largest key ≤ ``y`` (the first key before it).
An index factor ``I`` from ``period.first`` is ``(1 + rate) ^ (y − first)`` for a plain rate, or
the product of each year's rate for a dated one. These helpers compute exactly what the engine
computes (the same operations in the same order), for any year: a key may lie outside the period.
"""

from __future__ import annotations

from bisect import bisect_right

from aldlan_model.engine.params import Structure, dated_column

KINDS = {"w": "wages", "p": "prices", "t": "tariffs"}
"""The index factors of MODEL.md §3.1 and the rate each one grows with (``indexation.…``)."""

_TARIFF_PATHS = ("tariffs.", "transport.", "municipality.assessment_per_indication")
_WAGE_FIELDS = ("salary", "hourly_cost")


def index_kind(path: str, replaced_index: tuple[str, ...] = ()) -> str | None:
    """The index a money input is read with (MODEL.md §3.9): ``w``, ``p``, ``t`` or None (subsidy)."""
    if path == "income.subsidy":
        return None
    if path.startswith("municipality.replaced."):
        index = replaced_index[int(path.split(".")[2])]
        return {"wages": "w", "prices": "p", "tariffs": "t"}.get(index)
    if path.startswith(_TARIFF_PATHS):
        return "t"
    if path.rsplit(".", 1)[-1] in _WAGE_FIELDS:
        return "w"
    return "p"


def key_in_force(keys: tuple[int, ...], year: int) -> int:
    """The key of a dated input that applies in ``year``: the largest key ≤ year, else the first."""
    return keys[max(0, bisect_right(keys, year) - 1)]


def rate_column(structure: Structure, kind: str, year: int) -> str:
    """The parameter column of the rate of ``kind`` that applies in ``year`` (a dated rate: its key)."""
    path = f"indexation.{KINDS[kind]}"
    keys = structure.keys_of(path)
    return path if keys is None else dated_column(path, key_in_force(keys, year))


def factor_terms(structure: Structure, kind: str, year: int) -> tuple[list[str], bool]:
    """The rate columns whose ``(1 + rate)`` make up the factor of ``year``, and whether it is 1 / (…).

    A plain rate: one column (the factor is a power). A dated rate: one column per year from
    ``first + 1`` to ``year`` (or, before ``first``, from ``year + 1`` to ``first``, inverted).
    """
    first = structure.first
    if structure.keys_of(f"indexation.{KINDS[kind]}") is None:
        return [f"indexation.{KINDS[kind]}"], False
    if year >= first:
        return [rate_column(structure, kind, j) for j in range(first + 1, year + 1)], False
    return [rate_column(structure, kind, j) for j in range(year + 1, first + 1)], True


def factor_value(structure: Structure, rates: dict[str, float], kind: str, year: int) -> float:
    """The index factor of ``year`` as the engine computes it (``rates``: column → rate)."""
    columns, inverted = factor_terms(structure, kind, year)
    if structure.keys_of(f"indexation.{KINDS[kind]}") is None:
        return (1 + rates[columns[0]]) ** float(year - structure.first)
    if inverted:  # the engine multiplies from first back to year + 1, then inverts
        back = 1.0
        for column in reversed(columns):
            back = back * (1 + rates[column])
        return 1 / back
    value = 1.0
    for column in columns:
        value = value * (1 + rates[column])
    return value
