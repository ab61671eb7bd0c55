"""Whole-file golden tests of the letter formats (markdown, html, csv) in both languages.

The run goes through the CLI (``aldlan run FILE -o brief.EXT``), so format inference from
the extension, ``emit`` and the atomic write are part of it. The date comes from
``ALDLAN_TODAY`` and the version is pinned to ``TEST``, so the files only change when the
output really changes. Regenerate after an intended change with
``ALDLAN_UPDATE_GOLDEN=1 pytest tests/test_letters_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aldlan_model.cli.app import app

GOLDEN = Path(__file__).resolve().parent / "golden"
SCENARIO = "letters-scenario.yaml"  # in GOLDEN; run from there so the source line shows this name


@pytest.fixture
def in_golden(monkeypatch):
    monkeypatch.chdir(GOLDEN)
    monkeypatch.setenv("ALDLAN_TODAY", "2026-01-01")
    monkeypatch.setattr("aldlan_model.tables.run.__version__", "TEST")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("ext", ["md", "html", "csv"])
def test_golden_file(in_golden, tmp_path, ext, lang):
    out = tmp_path / f"brief.{ext}"
    r = CliRunner().invoke(app, ["run", SCENARIO, "-o", str(out), "--lang", lang])
    assert r.exit_code == 0, r.output
    got = out.read_bytes()
    golden = GOLDEN / f"run.{lang}.{ext}"
    if os.environ.get("ALDLAN_UPDATE_GOLDEN"):
        golden.write_bytes(got)
    assert got.decode("utf-8") == golden.read_bytes().decode("utf-8")
    assert got == golden.read_bytes()  # also the BOM and line ends


def test_golden_files_show_the_letter_conventions():
    """What the golden files must hold, so a regenerated file cannot drift unnoticed."""
    md_nl = re.sub(" +", " ", (GOLDEN / "run.nl.md").read_text(encoding="utf-8"))  # column widths aside
    # 0.8 fte × 36,000 × 1.30 employer charges × 1.025 (one year of wage indexation) × 2 locations = 76,752
    assert "| Personeel professionals | €\u00a00 | €\u00a076.752 |" in md_nl  # no-break space
    # Table 2 is "Waar komt de besparing vandaan" (v2); the exploitation moved to tables 3 and 4
    assert "**Tabel 3 – Exploitatie van de buurtkamer 2020–2023, Buurtkamer De Brug \\| test & \\<proef\\>**" in md_nl
    # the mechanisms add up to the saving: 20,392 + 36,851 + 34,319 = 91,562; hard = 91,562 − 34,319 = 57,243
    assert "| **Besparing** | **€\u00a091.562** |" \
           " |" in md_nl
    # v3: the tariff difference is the saving that needs re-indication; mechanisms at € 0 are named, not shown
    assert "| Lager tarief buurtkamer (vraagt herindicatie) | €\u00a020.392 |" \
           " hard, alleen na herindicatie |" in md_nl
    assert "€\u00a00 in 2022, daarom niet in de tabel: Nieuwe cliënten (geen eerdere indicatie), Vervangen " in md_nl
    # v3 §3.8 who pays, who saves: 91,562 − 5,743 − 6,242 − 53,777 = 25,800 in 2022
    assert "| **Totaal** | **€\u00a025.800** | **€\u00a0111.198** |" in md_nl
    assert "- **Harde besparing 2022:** €\u00a057.243 (22,9\u00a0% van het doel; 9 buurtkamers nodig)" in md_nl
    assert "*Bron: scenario Buurtkamer De Brug \\| test & \\<proef\\> (letters-scenario.yaml), aldlan-model TEST, " \
           "1 januari 2026*" in md_nl  # the date in words, the file in the last line only
    assert md_nl.count("letters-scenario.yaml") == 1
    assert "*Bron: eigen berekening met het scenario ‘Buurtkamer De Brug \\| test & \\<proef\\>’, 1 januari 2026; " \
           "de invoer en haar bronnen staan aan het eind.*" in md_nl  # under each table
    assert "| :--------- | -------------------------: |" in md_nl  # numbers right-aligned
    md_en = (GOLDEN / "run.en.md").read_text(encoding="utf-8")
    assert "€76,752" in md_en and "**Table 1 – Municipal Wmo spending" in md_en
    html = (GOLDEN / "run.nl.html").read_text(encoding="utf-8")
    assert "<script" not in html and "http" not in html and "<link" not in html
    assert "Buurtkamer De Brug | test &amp; &lt;proef&gt;" in html
    assert '<td align="right" nowrap style="' in html and "font-weight:bold" in html
    csv_nl = (GOLDEN / "run.nl.csv").read_bytes()
    assert csv_nl.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel shows € and ë
    # the ledger's whole euros, as every other format (MODEL.md §4.1): 2022's 78.670,80 is 78671
    assert "Personeel professionals;0;76752;78671;" in csv_nl.decode("utf-8-sig")
    csv_en = (GOLDEN / "run.en.csv").read_bytes().decode("utf-8-sig")
    assert "Professional staff,0,76752,78671," in csv_en
