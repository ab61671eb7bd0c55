"""Tests for the report labels (``msgctxt "label"`` of the catalogue, aldlan_model/i18n/locale)."""

from __future__ import annotations

import pytest

from aldlan_model.i18n.labels import CATALOGUES, placeholders, t

NL, EN = CATALOGUES["nl"], CATALOGUES["en"]

OPERATOR = [
    "staff_professional",
    "staff_volunteer",
    "housing",
    "activities",
    "overhead",
    "depreciation",
    "margin",
    "cost",
    "income_zin",
    "income_pgb",
    "income_contribution",
    "income_other",
    "subsidy",
    "income",
    "result",
]
MUNICIPALITY = ["baseline", "scenario", "savings", "cumulative_savings"]
WARNINGS = [
    "norm_not_met",
    "allowance_above_legal_max",
    "operator_deficit",
    "no_savings",
    "start_after_target",
]


def test_languages_have_the_same_keys():
    assert set(NL) == set(EN)
    assert set(CATALOGUES) == {"nl", "en"}


@pytest.mark.parametrize("key", sorted(NL))
def test_every_template_formats_with_its_placeholders(key):
    names = placeholders(key, "nl")
    assert names == placeholders(key, "en")
    for lang in CATALOGUES:
        text = t(key, lang, **{name: f"<{name}>" for name in names})
        assert text.strip()
        assert "{" not in text
        assert "}" not in text
        assert all(f"<{name}>" in text for name in names)


@pytest.mark.parametrize("key", OPERATOR + MUNICIPALITY + WARNINGS)
def test_required_keys_present(key):
    assert key in NL


@pytest.mark.parametrize(
    ("key", "dutch"),
    [
        ("staff_professional", "Personeel professionals"),
        ("depreciation", "Afschrijving opstartkosten"),
        ("income_contribution", "Bijdrage deelnemers"),
        ("baseline", "Uitgaven zonder buurtkamer"),
        ("cumulative_savings", "Cumulatieve besparing"),
        ("never_within_period", "niet binnen de periode"),
        ("year", "Jaar"),
        ("total", "Totaal"),
    ],
)
def test_dutch_labels(key, dutch):
    assert t(key) == dutch
    assert t(key, "nl") == dutch


def test_caption_and_source_line():
    assert t("caption", "nl", n=2, title="Besparing") == "Tabel 2 \u2013 Besparing"
    assert t("caption", "en", n=2, title="Savings") == "Table 2 \u2013 Savings"
    line = t("source_line", name="Aldlan", file="aldlan.yaml", version="0.1.0", date="2024-05-01")
    assert line == "Bron: scenario Aldlan (aldlan.yaml), aldlan-model 0.1.0, 2024-05-01"


def test_warning_template():
    text = t("no_savings", "nl", year="2021", amount="€\u00a0-12.345")
    assert text == "Geen besparing in het doeljaar 2021: de besparing is €\u00a0-12.345."


def test_unknown_key_is_a_keyerror_with_suggestion():
    with pytest.raises(KeyError, match=r"no label 'savngs'.*did you mean 'savings'"):
        t("savngs")


def test_unknown_language():
    with pytest.raises(ValueError, match="unknown report language 'fy'"):
        t("savings", "fy")


def test_placeholder_mismatch():
    with pytest.raises(ValueError, match="missing: title"):
        t("caption", n=1)
    with pytest.raises(ValueError, match="unexpected: extra"):
        t("savings", extra="x")
