"""XLSX and DOCX read back with openpyxl and python-docx: cells, styles, number formats."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm
from openpyxl import load_workbook
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from aldlan_model.engine.room import run as compute
from aldlan_model.io.loader import load_scenario
from aldlan_model.render.xlsx import sheet_name

GOLDEN = Path(__file__).resolve().parent / "golden"
SCENARIO = GOLDEN / "letters-scenario.yaml"
EURO_NL = '"€" #,##0;"€" -#,##0'


def write(tmp_path: Path, name: str, *extra: str) -> Path:
    out = tmp_path / name
    r = CliRunner().invoke(app, ["run", str(SCENARIO), "-o", str(out), *extra], env={"ALDLAN_TODAY": "2026-01-01"})
    assert r.exit_code == 0, r.output
    return out


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    return load_workbook(write(tmp_path_factory.mktemp("xlsx"), "brief.xlsx"))


def test_xlsx_sheets(workbook):
    # v2: the mechanisms (2) and the financing (5) have their own sheets; names are cut at 31 characters;
    # the numbered sources (issue 13) have a sheet of their own, last; v3: who pays (4), present value (6)
    names = workbook.sheetnames
    assert len(names) == 10 and [names[i] for i in (0, 1, 3, 7, 8, 9)] == [
        "Samenvatting", "1 Gemeente", "3 Exploitatie", "7 Bezetting", "Invoer", "Bronnen"]
    assert names[2].startswith("2 Waar komt de besparing") and names[4].startswith("4 Wie betaalt, wie bespaart")
    assert names[5].startswith("5 Financiering") and names[6].startswith("6 Contante waarde")


def test_xlsx_money_is_a_number_in_whole_euros_format(workbook):
    ws = workbook["3 Exploitatie"]
    assert ws["A1"].value.startswith("Tabel 3 – Exploitatie van de buurtkamer, Buurtkamer De Brug")
    assert [ws.cell(2, c).value for c in range(2, 9)] == list(range(2020, 2027))  # all years on one sheet
    assert ws["A3"].value == "Personeel professionals"
    cell = ws["C3"]  # 2021
    # 0.8 fte × 36,000 × 1.30 × 1.025 (wages indexed one year) × 2 locations = 76,752
    assert isinstance(cell.value, float | int) and cell.value == pytest.approx(76752)
    assert cell.number_format == EURO_NL
    assert ws["A1"].font.b and ws["B2"].font.b
    assert ws.freeze_panes == "B3"  # caption and header rows and the label column stay in view
    assert ws.column_dimensions["A"].width >= len("Afschrijving opstartkosten")


def test_xlsx_holds_the_ledgers_whole_euros_and_sum_formulas(workbook):
    # issue 13: the same whole euros as every other format (the rounded ledger), totals as formulas
    from aldlan_model.tables.run import rounded_lines

    r = compute(load_scenario(SCENARIO))
    R = rounded_lines(r)
    ws = workbook["1 Gemeente"]
    assert ws["A4"].value == 2021 and ws["B4"].value == R["baseline"][1] == 108809
    total = ws["A10"]
    assert total.value == "Totaal" and total.font.b
    assert ws["D10"].data_type == "f" and ws["D10"].value == "=SUM(D3:D9)"
    assert ws["E10"].value is None  # no total of a running total


def test_xlsx_percent_and_inputs(workbook):
    ws = workbook["7 Bezetting"]
    share = next(row for row in ws.iter_rows(min_row=3) if row[0].value == "Aandeel vrijwilligersuren")[1]
    # 24 volunteer hours / (28.8 professional + 24 volunteer hours) = 0.4545...
    assert share.value == pytest.approx(24 / 52.8) and share.number_format == "0.0%"
    inputs = workbook["Invoer"]
    assert [c.value for c in inputs[1]] == ["Invoer", "Waarde in de berekening", "Laag", "Meest waarschijnlijk",
                                            "Hoog", "Noot"]
    assert inputs.freeze_panes == "B2"
    rows = {row[0]: row[1:] for row in inputs.iter_rows(min_row=2, values_only=True)}
    # readable labels, no key paths; the note number points to the sources sheet
    assert rows["Deelnemers met Wmo-indicatie (ZIN), aantal"] == (8, 6, 8, 10, 1)
    assert rows["Begeleider: brutosalaris per fte"][:4] == (36000, None, None, None)
    assert not any("participants.zin" in str(v) for row in inputs.iter_rows(values_only=True) for v in row)


def test_xlsx_english_euro_format(tmp_path):
    wb = load_workbook(write(tmp_path, "brief.xlsx", "--lang", "en"))
    names = wb.sheetnames
    assert [names[i] for i in (0, 1, 3, 7, 8)] == ["Summary", "1 Municipality", "3 Operating account", "7 Staffing",
                                                   "Inputs"]
    assert names[2].startswith("2 Where the saving comes from") and names[4].startswith("4 Who pays, who saves")
    assert names[5].startswith("5 Financing")
    assert wb["3 Operating account"]["C3"].number_format == '"€"#,##0;-"€"#,##0'


def test_sheet_names_are_valid_and_unique():
    taken: set[str] = set()
    names = [sheet_name("Tabel 1 – Wmo: kosten/baten [2021]?*", taken), sheet_name("x" * 40, taken),
             sheet_name("x" * 40, taken), sheet_name("", taken)]
    assert names[0] == "Tabel 1 – Wmo- kosten-baten -20"
    assert names[1] == "x" * 31 and names[2] == "x" * 27 + " (2)"
    assert names[3] == "Blad"
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    return Document(str(write(tmp_path_factory.mktemp("docx"), "brief.docx")))


def test_docx_page_is_a4_portrait(document):
    sec = document.sections[0]
    assert sec.orientation == WD_ORIENT.PORTRAIT
    assert abs(sec.page_width - Cm(21)) < Cm(0.01) and abs(sec.page_height - Cm(29.7)) < Cm(0.01)


def test_docx_tables(document):
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Buurtkamer De Brug | test & <proef>"
    captions = [t for t in texts if t.startswith("Tabel ")]
    assert captions == [
        "Tabel 1 – Wmo-uitgaven van de gemeente, Buurtkamer De Brug | test & <proef>",
        "Tabel 2 – Waar komt de besparing vandaan, 2022, Buurtkamer De Brug | test & <proef>",
        "Tabel 3 – Exploitatie van de buurtkamer 2020–2023, Buurtkamer De Brug | test & <proef>",
        "Tabel 4 – Exploitatie van de buurtkamer 2024–2026, Buurtkamer De Brug | test & <proef>",
        "Tabel 5 – Wie betaalt, wie bespaart, Buurtkamer De Brug | test & <proef>",
        "Tabel 6 – Financiering van de organisatie en positie van de gemeente, Buurtkamer De Brug | test & <proef>",
        "Tabel 7 – Contante waarde 2020–2026 (discontovoet 2,25\u00a0%), Buurtkamer De Brug | test & <proef>",
        "Tabel 8 – Bezetting en norm, Buurtkamer De Brug | test & <proef>",
    ]
    data = document.tables[1:]  # the first table is the summary
    assert len(data) == 8 and all(len(t.columns) <= 7 for t in data)
    for i, table in enumerate(data):
        assert table.style.name == "Table Grid"
        if i < len(data) - 1:
            assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header repeats on every page
    staffing = data[-1]  # no column headings: no empty shaded header row (issue 21)
    assert staffing.rows[0].cells[0].text.strip() and staffing.rows[0]._tr.trPr.find(qn("w:tblHeader")) is None
    operator = data[2]
    assert [c.text for c in operator.rows[0].cells] == ["", "2020", "2021", "2022", "2023"]
    staff = operator.rows[1]
    assert staff.cells[0].text == "Personeel professionals" and staff.cells[2].text == "€\u00a076.752"
    assert staff.cells[2].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert staff.cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    total = next(r for r in operator.rows if r.cells[0].text == "Totale kosten")
    assert all(run.bold for c in total.cells for run in c.paragraphs[0].runs)
    assert not any(run.bold for run in staff.cells[2].paragraphs[0].runs)


def test_docx_footnotes_and_warnings(document):
    texts = [p.text for p in document.paragraphs]
    everything = "\n".join(texts + [c.text for tb in document.tables for row in tb.rows for c in row.cells])
    # under every table: whose calculation and when, no file name or version (issue 21)
    under = ("Bron: eigen berekening met het scenario ‘Buurtkamer De Brug | test & <proef>’, 1 januari 2026; "
             "de invoer en haar bronnen staan aan het eind.")
    assert texts.count(under) >= 6
    assert not [t for t in texts if "letters-scenario.yaml" in t and t != texts[-1] and "Bron: scenario" in t][1:]
    # the last line, a colophon, names the file relative to where the command ran, with a Dutch date
    source = "Bron: scenario Buurtkamer De Brug | test & <proef> (tests/golden/letters-scenario.yaml)"
    lines = [t for t in texts if t.startswith(source)]
    assert len(lines) == 1 and lines[0].endswith(", 1 januari 2026")
    assert str(SCENARIO) not in everything  # never an absolute path
    warning = "⚠ Tekort van de organisatie in 2021–2026; het grootste jaartekort: €\u00a076.203."
    assert texts.count(warning) == 1  # warnings once, in one place
    # sources once, as numbered notes with readable labels: no key paths
    assert [p.text for p in document.paragraphs if p.style.name.startswith("Heading")].count("Bronnen") == 1
    assert "[1] " in everything and "Deelnemers met Wmo-indicatie (ZIN), aantal: 8" in everything
    assert "participants.zin.count" not in everything and "ramp_up.0" not in everything
