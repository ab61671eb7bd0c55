"""Tests for report number formatting (Babel, nl and en)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aldlan_model.i18n.numfmt import (
    money,
    number,
    percent,
    round_euros,
    round_half_up,
    rounded_with_total,
    year,
)

NBSP = "\u00a0"  # Babel/CLDR nl_NL puts a no-break space between € and the amount


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (3_600_000, f"€{NBSP}3.600.000", "€3,600,000"),
        (3_600_000.0, f"€{NBSP}3.600.000", "€3,600,000"),
        (-12_345, f"€{NBSP}-12.345", "-€12,345"),  # nl_NL: minus after the euro sign
        (0, f"€{NBSP}0", "€0"),
        (-0.4, f"€{NBSP}0", "€0"),  # never "-0"
        (0.5, f"€{NBSP}1", "€1"),  # half away from zero, not Babel's half-even
        (2.5, f"€{NBSP}3", "€3"),
        (-0.5, f"€{NBSP}-1", "-€1"),
        (999.49, f"€{NBSP}999", "€999"),
        (1_234, f"€{NBSP}1.234", "€1,234"),
        (1e12, f"€{NBSP}1.000.000.000.000", "€1,000,000,000,000"),
        (
            Decimal("12345678901234567890123456789"),
            f"€{NBSP}12.345.678.901.234.567.890.123.456.789",
            "€12,345,678,901,234,567,890,123,456,789",
        ),  # beyond Decimal's default precision
    ],
)
def test_money_whole_euros(value, nl, en):
    assert money(value) == nl
    assert money(value, "nl") == nl
    assert money(value, "en") == en


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (30.51, f"€{NBSP}30,51", "€30.51"),
        (38.4, f"€{NBSP}38,40", "€38.40"),
        (2.675, f"€{NBSP}2,68", "€2.68"),  # as written, not the binary 2.67499…
        (0.005, f"€{NBSP}0,01", "€0.01"),
        (-13.755, f"€{NBSP}-13,76", "-€13.76"),
        (1700, f"€{NBSP}1.700,00", "€1,700.00"),
    ],
)
def test_money_tariffs_two_decimals(value, nl, en):
    assert money(value, "nl", decimals=2) == nl
    assert money(value, "en", decimals=2) == en


@pytest.mark.parametrize(
    ("value", "decimals", "nl", "en"),
    [
        (0.125, 1, "12,5\u00a0%", "12.5%"),
        (0.1255, 1, "12,6\u00a0%", "12.6%"),
        (0.125, 0, "13\u00a0%", "13%"),
        (-0.125, 1, "-12,5\u00a0%", "-12.5%"),
        (-0.0004, 1, "0,0\u00a0%", "0.0%"),
        (0, 1, "0,0\u00a0%", "0.0%"),
        (1, 1, "100,0\u00a0%", "100.0%"),
        (12.345, 2, "1.234,50\u00a0%", "1,234.50%"),
    ],
)
def test_percent(value, decimals, nl, en):
    assert percent(value, "nl", decimals) == nl
    assert percent(value, "en", decimals) == en


def test_percent_default_is_one_decimal_with_a_no_break_space_in_dutch():
    # the style guide writes 12,5 % (Taalunie: a space before %), kept on one line
    assert percent(0.125) == "12,5\u00a0%"
    assert percent(0.125, "en") == "12.5%"


@pytest.mark.parametrize(
    ("value", "decimals", "nl", "en"),
    [
        (1234.5, 1, "1.234,5", "1,234.5"),
        (1234.5, 0, "1.235", "1,235"),
        (1234, 2, "1.234,00", "1,234.00"),
        (-1234.56, 1, "-1.234,6", "-1,234.6"),
        (-0.04, 1, "0,0", "0.0"),
        (0, 0, "0", "0"),
        (1e9, 0, "1.000.000.000", "1,000,000,000"),
    ],
)
def test_number(value, decimals, nl, en):
    assert number(value, "nl", decimals) == nl
    assert number(value, "en", decimals) == en


@pytest.mark.parametrize("value", [2021, 2021.0, Decimal(2021)])
def test_year_has_no_separators(value):
    assert year(value) == "2021"


@pytest.mark.parametrize("value", [2021.5, float("nan"), True, "2021"])
def test_year_rejects_non_whole_numbers(value):
    with pytest.raises(ValueError, match="year"):
        year(value)


@pytest.mark.parametrize("func", [money, percent, number])
def test_unknown_language(func):
    with pytest.raises(ValueError, match="unknown report language 'de'"):
        func(1, "de")


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_non_finite_rejected(bad):
    with pytest.raises(ValueError, match="non-finite"):
        money(bad)


@pytest.mark.parametrize("bad", [-1, 11, 1.5, True])
def test_bad_decimals_rejected(bad):
    with pytest.raises(ValueError, match="decimals"):
        number(1, decimals=bad)


def test_round_half_up():
    assert round_half_up(0.5) == 1
    assert round_half_up(-0.5) == -1
    assert round_half_up(1.005, 2) == Decimal("1.01")
    assert str(round_half_up(-0.2)) == "0"


def test_round_euros_and_total():
    assert round_euros([0.5, 1.5, 2.5, -0.5, 0.4, 7]) == [1, 2, 3, -1, 0, 7]
    parts, total = rounded_with_total([0.4, 0.4, 0.4])
    assert (parts, total) == ([0, 0, 0], 0)  # not round(1.2) == 1: total = sum of rows
    assert rounded_with_total([]) == ([], 0)
    assert all(type(p) is int for p in parts)
    assert type(total) is int


@given(st.lists(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)))
def test_rounded_total_equals_sum_of_rounded_parts(values):
    parts, total = rounded_with_total(values)
    assert len(parts) == len(values)
    assert total == sum(parts)
    for part, value in zip(parts, values, strict=True):
        assert abs(Fraction(part) - Fraction(value)) <= Fraction(1, 2)  # exact, no float slop
