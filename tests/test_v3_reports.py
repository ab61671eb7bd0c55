"""MODEL.md version 3 in the reports, worked by hand (the arithmetic is in the comments).

Who pays, who saves (§3.8), the cash words (§3.5: "overbruggingsfinanciering" only when the cumulative
cash is back at ≥ 0 in the last year), present value (§3.7), the saving at full operation, the seven
mechanisms (§3.4) without € 0 rows, the v3 rows of ``compare``, running sums as ``solve`` goals, a dated
input as its path in the sources (§2.11), and the rounded ledger's euros in every format (§4.1).

The scenarios are the one-room ``hand`` scenario of ``tests/test_engine_v3.py``: W = 40 weeks, ZIN 10 × 2
dagdelen → P_zin = 800 a year, tariffs room 30 / baseline 40, transport 2 / 10 per dagdeel, assessment 500
per indicatie; without indexation. Baseline 40 × 800 + 10 × 800 + 500 × 10 = 45,000; with the room
30 × 800 + 2 × 800 + 500 × 10 = 30,600; savings 14,400; the room's income 24,000 against no costs.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from tests.test_engine_v3 import hand

NBSP = "\u00a0"


def euro(x: int) -> str:
    return f"€{NBSP}{x:,}".replace(",", ".")


def write(tmp_path: Path, name: str, data: dict) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(copy.deepcopy(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def report_of(path: Path, lang: str = "nl"):
    from aldlan_model.api import load_model, run_model
    from aldlan_model.tables.run import run_report

    model = load_model(path)
    return run_report(model, run_model(model), lang, year_cols=100)


def table(report, key: str):
    return next(tb for tb in report.tables if tb.key == key)


def payers_scenario() -> dict:
    """2020–2021, the hand room plus: other income 2,000 from a municipal budget and 4,000 from a third party;
    5 riders-along × 1 dagdeel × 40 weeks = 200 dagdelen × € 2 contribution = 400; a project costing 10,000 a
    year, paid 3,000 by the Wmo, 5,000 by another municipal budget and 2,000 by a fund."""
    return hand(
        period={"first": 2020, "last": 2021}, target={"year": 2021},
        participants={"without_indication": {"count": 5, "dagdelen_per_week": 1}},
        income={"contribution": 2, "other": [{"name": "Huur wijkteam", "amount": 2000, "budget": "municipal"},
                                             {"name": "Verhuur zalen", "amount": 4000, "budget": "external"}]},
        projects=[{"name": "Huiswerk", "start": 2020, "yearly_costs": 10000,
                   "funding": [{"name": "Wmo", "budget": "wmo", "yearly": 3000},
                               {"name": "Jeugd", "budget": "municipal", "yearly": 5000},
                               {"name": "Fonds", "budget": "external", "yearly": 2000}]}],
    )


def cash_scenario(housing: int) -> dict:
    """2020–2023, start 2021, ramp 0.5 then 1; start-up 1,000 over 2 years, paid in 2021; 73 days' payment delay
    (0.2 of a year). Year by year (income_zin 12,000 in 2021, then 24,000; receivable 0.2 of it):
    cash = result + depreciation − start-up paid − (receivable − last year's)."""
    return hand(period={"first": 2020, "last": 2023, "start": 2021}, target={"year": 2021}, ramp_up=[0.5, 1],
                costs={"housing": housing, "startup": {"amount": 1000, "depreciation_years": 2}},
                income={"payment_days": 73})


# ---------------------------------------------------------------- who pays, who saves (§3.8)

def test_payers_table_by_hand(tmp_path):
    # scenario = 24,000 + 1,600 + 5,000 + projects_wmo 3,000 = 33,600 → savings (Wmo) 45,000 − 33,600 = 11,400
    # municipal = −(5,000 project + 2,000 other income) = −7,000; participants = −400 (contribution);
    # external = −(2,000 project + 4,000 other income) = −6,000;
    # organisation = room (24,000 + 400 + 6,000 − 0) + project (10,000 − 10,000) = 30,400
    # total = 11,400 − 7,000 − 400 − 6,000 + 30,400 = 28,400; two equal years: the period is twice that
    report = report_of(write(tmp_path, "payers", payers_scenario()))
    tb = table(report, "payers")
    assert tb.title == "Tabel 4 – Wie betaalt, wie bespaart, hand"  # after the one exploitation table
    assert tb.columns == ["In 2021", "2020–2021 samen"]
    assert [(r.label, r.values) for r in tb.rows] == [
        ("Wmo", [11400, 22800]),
        ("Andere gemeentelijke budgetten", [-7000, -14000]),
        ("Deelnemers", [-400, -800]),
        ("Fondsen en derden", [-6000, -12000]),
        ("Organisatie (buurtkamer en projecten)", [30400, 60800]),
        ("Totaal", [28400, 56800]),
    ]
    assert tb.rows[-1].total and not any(r.total for r in tb.rows[:-1])
    # Wmo + other municipal budgets = net for the municipality: 11,400 − 7,000 = 4,400
    assert f"vormen de gemeente als geheel: {euro(4400)} in 2021, {euro(8800)} over 2020–2021" in tb.notes[0]
    english = table(report_of(tmp_path / "payers.yaml", "en"), "payers")
    assert [r.label for r in english.rows] == ["Wmo", "Other municipal budgets", "Participants",
                                               "Funds and third parties", "Organisation (buurtkamer and projects)",
                                               "Total"]


def test_payers_in_every_format_with_the_ledgers_euros(tmp_path, monkeypatch):
    # the rounded-ledger identity of tests/test_one_ledger.py on the payers scenario: every money cell of the
    # report (payers and present value included) read back from Markdown, HTML, CSV, Word and Excel
    from tests.test_one_ledger import cells_csv, cells_docx, cells_html, cells_md, cells_xlsx, render_all, report_cells

    path = write(tmp_path, "payers", payers_scenario())
    report = report_of(path)
    expected = report_cells(report)
    files = render_all(tmp_path, ["run", str(path)], monkeypatch)
    got = {"markdown": cells_md(files["markdown"]), "html": cells_html(files["html"], True),
           "docx": cells_docx(files["docx"], True), "xlsx": cells_xlsx(files["xlsx"]),
           "csv": cells_csv(files["csv"], report)}
    for fmt, cells in got.items():
        assert set(cells) == set(expected), (fmt, sorted(set(cells) ^ set(expected)))
    assert got["csv"] == expected and got["xlsx"] == expected
    # in Excel the payers' total is a SUM over the five rows above it
    from openpyxl import load_workbook

    ws = next(ws for ws in load_workbook(files["xlsx"]).worksheets if "Wie betaalt" in ws.title)
    assert ws["A8"].value == "Totaal" and ws["B8"].value == "=SUM(B3:B7)" and ws["C8"].value == "=SUM(C3:C7)"


def test_payers_chart_draws_the_ledgers_euros(tmp_path):
    from aldlan_model.api import load_model, run_model
    from aldlan_model.render.charts.draw import figure

    model = load_model(write(tmp_path, "payers", payers_scenario()))
    ax = figure([(model, run_model(model))], "payers", "nl").axes[0]
    widths = [round(p.get_width()) for p in ax.patches]
    assert widths == [11400, -7000, -400, -6000, 30400, 28400]  # the five payers and the total, top to bottom
    assert ax.get_title() == f"Wie betaalt, wie bespaart in 2021: totaal {euro(28400)}"
    r = CliRunner().invoke(app, ["chart", str(tmp_path / "payers.yaml"), "--kind", "payers", "--year", "2020",
                                 "-o", str(tmp_path / "p.svg")])
    assert r.exit_code == 0, r.output


# ---------------------------------------------------------------- the mechanisms (§3.4)

def test_mechanisms_without_zero_rows_and_the_tariff_difference_named(tmp_path):
    # origin 0.5 re-indicated, 0.5 new: tariff (40 − 30) × 800 × 0.5 = 4,000; transport (10 − 2) × 800 × 0.5
    # = 3,200; new clients −0.5 × [(30 + 2) × 800 + 500 × 10] = −0.5 × 30,600 = −15,300;
    # savings 4,000 + 3,200 − 15,300 = −8,100; substitution, replaced, moved clients and paid are € 0
    d = hand(participants={"zin": {"count": 10, "dagdelen_per_week": 2, "origin": {"reindicated": 0.5, "new": 0.5}}})
    tb = table(report_of(write(tmp_path, "origin", d)), "mechanisms")
    assert [(r.label, r.values) for r in tb.rows] == [
        ("Lager tarief buurtkamer (vraagt herindicatie)", [4000, "hard, alleen na herindicatie"]),
        ("Vervoer dat vervalt", [3200, "hard"]),
        ("Nieuwe cliënten (geen eerdere indicatie)", [-15300, "kosten"]),
        ("Besparing", [-8100, ""]),
        ("Harde besparing (zonder substitutie-aanname)", [-8100, "hard"]),
    ]
    notes = " ".join(tb.notes)
    assert "alleen een besparing voor deelnemers die het zwaardere product hadden en opnieuw worden geïndiceerd" \
        in notes
    assert (f"{euro(0)} in 2020, daarom niet in de tabel: "
            "Deelnemers zonder indicatie die anders een indicatie kregen (aanname), "
            "Vervangen bestaande uitgaven, Oud-cliënten zonder indicatie, Subsidie en Wmo-bijdrage aan projecten.") \
        in notes


# ---------------------------------------------------------------- cash words (§3.5)

def test_cash_need_recovered_is_bridge_financing(tmp_path):
    # housing 10,000: 2021 result 12,000 − 10,500 = 1,500; cash 1,500 + 500 − 1,000 − 2,400 = −1,400;
    # 2022 result 24,000 − 10,500 = 13,500; cash 13,500 + 500 − (4,800 − 2,400) = 11,600; cumulative 10,200 ≥ 0
    report = report_of(write(tmp_path, "bridge", cash_scenario(10000)))
    head = dict(report.headline)
    assert head["Benodigde overbruggingsfinanciering"].startswith(
        f"De organisatie heeft {euro(1400)} overbruggingsfinanciering nodig")
    tb = table(report, "financing")
    assert tb.columns[2:4] == ["Kas", "Cumulatieve kas"]
    assert [r.values[2:4] for r in tb.rows][:3] == [[0, 0], [-1400, -1400], [11600, 10200]]


def test_cash_need_not_recovered_is_a_loss_not_a_bridge(tmp_path):
    # housing 20,000 (tests/test_engine_v3.py): cash 0, −11,400, 1,600, 4,000; cumulative −11,400, −9,800, −5,800:
    # still below 0 in 2023, so the words are "not recovered", never "overbruggingsfinanciering nodig"
    report = report_of(write(tmp_path, "loss", cash_scenario(20000)))
    head = dict(report.headline)
    assert "Benodigde overbruggingsfinanciering" not in head
    sentence = head["Kastekort organisatie (niet terugverdiend)"]
    assert sentence.startswith(f"De organisatie heeft op haar slechtste moment een kastekort van {euro(11400)} en "
                               "verdient dat binnen de periode niet terug: een verlies voor de organisatie, "
                               "geen overbruggingsfinanciering")
    tb = table(report, "financing")
    assert [r.values[3] for r in tb.rows] == [0, -11400, -9800, -5800]
    assert sentence in tb.notes[-1]
    english = dict(report_of(tmp_path / "loss.yaml", "en").headline)
    assert english["Organisation cash shortfall (not recovered)"].startswith(
        "The organisation's cash is €11,400 short at its worst moment and it does not recover this")


# ---------------------------------------------------------------- present value (§3.7) and full operation

def test_present_value_line_and_table(tmp_path):
    # 2020–2021, prices 5 %, discount 10 %: PV = x + x / (1.05 × 1.1) = x + x / 1.155
    # savings 14,400 + 12,467.53 = 26,867.53 → 26,868; organisation 24,000 + 20,779.22 = 44,779.22 → 44,779
    d = hand(period={"first": 2020, "last": 2021}, indexation={"prices": 0.05}, discount_rate=0.1)
    report = report_of(write(tmp_path, "pv", d))
    head = dict(report.headline)
    assert head["Contante waarde besparing 2020–2021 (10\u00a0%)"] == (
        f"{euro(26868)} (harde besparing {euro(26868)}; gemeente als geheel {euro(26868)}; "
        f"resultaat organisatie {euro(44779)})")
    tb = table(report, "present_value")
    assert "Contante waarde 2020–2021 (discontovoet 10\u00a0%)" in tb.title
    assert [r.values[0] for r in tb.rows] == [26868, 26868, 26868, 44779]
    # the default rate is written as the standard writes it: 2,25 % (no-break space)
    assert "Contante waarde besparing 2020–2020 (2,25\u00a0%)" in dict(report_of(write(tmp_path, "d", hand())).headline)


def test_savings_at_full_operation_next_to_the_target_year(tmp_path):
    # start 2021, ramp 0.5 then 1, target 2021: P_zin 400, N 5 in 2021 → baseline 16,000 + 4,000 + 2,500 = 22,500,
    # with the room 12,000 + 800 + 2,500 = 15,300, savings 7,200; full operation in 2022: savings 14,400
    head = report_of(write(tmp_path, "ramp", cash_scenario(10000))).headline
    labels = [label for label, _ in head]
    assert dict(head)["Besparing 2021"].startswith(euro(7200))
    assert dict(head)["Besparing bij volle werking (2022)"] == f"{euro(14400)} (harde besparing {euro(14400)})"
    assert labels.index("Besparing bij volle werking (2022)") == labels.index("Harde besparing 2021") + 1
    # at full operation in the target year already: no extra line
    assert not any("volle werking" in label for label, _ in report_of(write(tmp_path, "flat", hand())).headline)


# ---------------------------------------------------------------- compare (v3 rows)

def test_compare_rows_for_present_value_cash_and_payers(tmp_path):
    from aldlan_model.analysis.compare import compare
    from aldlan_model.analysis.overrides import parse_variants
    from aldlan_model.tables.compare import compare_report

    a, b = write(tmp_path, "bridge", cash_scenario(10000)), write(tmp_path, "loss", cash_scenario(20000))
    report = compare_report(compare(parse_variants([str(a), str(b)])), "nl", columns=100)
    rows = {r.label: r.values for r in report.tables[0].rows}
    assert rows["Kastekort organisatie (slechtste moment)"] == [1400, 11400]
    assert rows["Kastekort terugverdiend in de periode"] == ["ja", "nee"]
    # savings 7,200 in 2021 and 14,400 in 2022 and 2023 in both (housing is the operator's): PV at 2.25 %, no
    # price index: 7,200 / 1.0225 + 14,400 / 1.0225² + 14,400 / 1.0225³ = 7,041.56 + 13,773.09 + 13,470.01
    assert rows["Contante waarde besparing (periode)"] == [34285, 34285]
    # payers in 2021: Wmo 7,200; the organisation's result 1,500 and −8,500 (housing 10,000 or 20,000 + 500)
    assert rows["Wie betaalt: Wmo"] == [7200, 7200]
    assert rows["Wie betaalt: organisatie"] == [1500, -8500]
    assert rows["Wie betaalt: totaal"] == [8700, -1300]


# ---------------------------------------------------------------- solve on a running sum

def test_solve_cumulative_result_to_zero(tmp_path):
    # results 2021: 12,000 − (H + 500); 2022: 24,000 − (H + 500); 2023: 24,000 − H (depreciation over 2 years)
    # cumulative 2023 = 60,000 − 3H − 1,000 = 0 → H = 59,000 / 3 = 19,666.67
    path = write(tmp_path, "solve", cash_scenario(10000))
    r = CliRunner().invoke(app, ["solve", str(path), "--vary", "costs.housing", "--goal", "cumulative_result=0",
                                 "--year", "2023", "--format", "json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["value"] == pytest.approx(59000 / 3, abs=0.01) and out["metric"] == "cumulative_result"
    for goal in ("cumulative_savings=50000", "cumulative_net_municipality=0", "cumulative_cash=0"):
        r = CliRunner().invoke(app, ["solve", str(path), "--vary", "costs.housing", "--goal", goal,
                                     "--year", "2023", "--format", "json"])
        assert r.exit_code in (0, 2), r.output  # an answer, or a clear "no solution": never "unknown metric"
        assert "onbekend" not in r.output.lower() and "unknown" not in r.output.lower()


# ---------------------------------------------------------------- dated inputs in the sources (§2.11)

def test_a_dated_value_reads_as_its_path_and_each_source_once(tmp_path):
    from aldlan_model.api import load_model
    from aldlan_model.tables.sources import source_notes

    one = hand(costs={"housing": {2020: {"value": 9000, "source": "Huurcontract"},
                                  2022: {"value": 10500, "source": "Huurcontract"}}})
    notes = source_notes(load_model(write(tmp_path, "one", one)), "nl")
    assert [n.text("nl") for n in notes.notes] == [
        f"Huisvesting per jaar: {euro(9000)} vanaf 2020, {euro(10500)} vanaf 2022. Bron: Huurcontract"]
    two = hand(costs={"housing": {2020: {"value": 9000, "source": "Huurcontract 2020"},
                                  2022: {"value": 10500, "source": "Indexatiebrief 2022"}}})
    notes = source_notes(load_model(write(tmp_path, "two", two)), "nl")
    assert [n.text("nl") for n in notes.notes] == [
        f"Huisvesting per jaar: {euro(9000)} vanaf 2020. Bron: Huurcontract 2020",
        f"Huisvesting per jaar: {euro(10500)} vanaf 2022. Bron: Indexatiebrief 2022"]
    assert notes.by_path == {"costs.housing@2020": 1, "costs.housing@2022": 2}


def test_v3_inputs_have_labels_and_kinds(tmp_path):
    from aldlan_model.i18n.labels_inputs import input_kind, input_label
    from aldlan_model.tables.sources import value_text

    assert input_label("income.payment_days") == "Betaaltermijn tarieven in dagen"
    assert input_kind("income.payment_days") == "int"
    assert input_label("discount_rate") == "Discontovoet (reëel)"
    assert input_label("participants.attendance") == "Opkomst: deel van de geplande dagdelen"
    assert input_label("participants.zin.origin.new") == "Herkomst ZIN: aandeel nieuwe cliënten"
    from aldlan_model.model.numbers import Num

    assert value_text(Num(value=0.0225), "discount_rate", "nl", False) == "2,25\u00a0%"
    assert value_text(Num(value=45), "income.payment_days", "nl", False) == "45"


def test_compare_names_a_negative_saving_as_extra_cost():
    """The glossary: a negative saving is 'meerkosten'; compare says so in the cell of a saving ("meerkosten
    € 44.258") and in the label of a share of the target, only when a column is negative (volunteers-only:
    the municipality pays the € 44.258 deficit and nothing is replaced)."""
    from typer.testing import CliRunner

    from aldlan_model.cli.app import app

    both = CliRunner().invoke(app, ["compare", "scenarios/aldlan-mix.yaml", "scenarios/volunteers-only.yaml",
                                    "--format", "markdown"], env={"COLUMNS": "200"})
    assert both.exit_code == 0
    assert "| Besparing " in both.output and "Besparing (negatief" not in both.output
    assert both.output.count("|  meerkosten €\u00a044.258 |") == 2  # the saving and the hard saving
    assert "Deel van het doel (negatief = meerkosten)" in both.output
    one = CliRunner().invoke(app, ["compare", "scenarios/aldlan-mix.yaml", "scenarios/aldlan-mix.yaml",
                                   "costs.housing=9000", "--format", "markdown"], env={"COLUMNS": "200"})
    assert one.exit_code == 0 and "meerkosten" not in one.output


@pytest.mark.parametrize("fmt, cell", [
    ("table", "│ meerkosten €\u00a044.258\n"),
    ("markdown", "|  meerkosten €\u00a044.258 |"),
    ("html", ">meerkosten €\u00a044.258</td>"),
])
def test_compare_cell_of_a_negative_saving_reads_meerkosten(fmt, cell):
    """Each cell: "meerkosten € 44.258" where the saving is € -44.258, in the terminal, markdown and html;
    English "extra costs"; the JSON and the spreadsheets keep the signed euros."""
    from typer.testing import CliRunner

    from aldlan_model.cli.app import app

    args = ["compare", "scenarios/aldlan-mix.yaml", "scenarios/volunteers-only.yaml", "--format", fmt]
    r = CliRunner().invoke(app, args, env={"COLUMNS": "100"})
    assert r.exit_code == 0, r.output
    assert r.output.count(cell) == 2  # the saving and the hard saving
    en = CliRunner().invoke(app, [*args, "--lang", "en"], env={"COLUMNS": "100"})
    assert "extra costs €44,258" in en.output
    data = json.loads(CliRunner().invoke(app, [*args[:3], "--format", "json"]).output)
    assert [round(s["target"]["savings"]) for s in data["scenarios"]] == [2135, -44258]
    csv = CliRunner().invoke(app, [*args[:3], "--format", "csv"]).output
    assert "Besparing;2135;-44258" in csv


def test_compare_spreadsheet_keeps_a_negative_saving_signed(tmp_path):
    """Excel: the signed euros with the money format (it shows the sign), never the words."""
    from openpyxl import load_workbook

    out = tmp_path / "c.xlsx"
    r = CliRunner().invoke(app, ["compare", "scenarios/aldlan-mix.yaml", "scenarios/volunteers-only.yaml",
                                 "-o", str(out)])
    assert r.exit_code == 0, r.output
    ws = next(ws for ws in load_workbook(out).worksheets if ws.title[0].isdigit())  # the first table
    rows = {row[0].value: row for row in ws.iter_rows() if row[0].value in ("Besparing", "Harde besparing")}
    for row in rows.values():
        assert row[2].value == -44258 and row[2].number_format == '"€" #,##0;"€" -#,##0'
    assert len(rows) == 2
