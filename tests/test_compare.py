"""``aldlan compare``: columns equal individual runs, cost of delay by hand, best marks, layout."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from aldlan_model.analysis.compare import compare, figures
from aldlan_model.analysis.overrides import Variant, column_labels, parse_variants
from aldlan_model.cli.app import app
from aldlan_model.engine.room import run
from aldlan_model.io.loader import load_scenario
from aldlan_model.model.errors import UsageError
from aldlan_model.render.json import run_dict
from aldlan_model.tables import parts as docparts
from aldlan_model.tables.compare import best_column, compare_report
from aldlan_model.tables.run import rounded_lines
from tests.conftest import SCENARIOS
from tests.test_solve import SIMPLE, write

runner = CliRunner()
SHIPPED = [str(SCENARIOS / f) for f in ("aldlan-mix.yaml", "volunteers-only.yaml", "commercial.yaml")]


@pytest.fixture
def simple(tmp_path):
    return write(tmp_path, "simple.yaml", SIMPLE)


def test_columns_equal_individual_runs():
    comparison = compare([Variant(f) for f in SHIPPED])
    for column, file in zip(comparison.columns, SHIPPED, strict=True):
        single = run(load_scenario(file))
        j = single.year_index(2021)
        f = figures(column, 2021)
        for name in ("baseline", "scenario", "savings", "cost", "income", "subsidy", "result"):
            assert f[name] == float(single.lines[name][0, j])
        assert f["share"] == float(single.target["share"][0])
        needed = single.target["locations_needed"][0]
        assert f["locations_needed"] == (None if needed != needed else float(needed))


def test_json_holds_the_run_json_of_each_scenario():
    res = runner.invoke(app, ["compare", *SHIPPED[:2], "-f", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["year"] == 2021
    for got, file in zip(data["scenarios"], SHIPPED[:2], strict=True):
        s = load_scenario(file)
        expected = json.loads(json.dumps(run_dict(s, run(s))))
        assert {k: v for k, v in got.items() if k not in {"column", "overrides"}} == expected
    # the shipped scenarios carry a `label` (MODEL.md §2.5), which names the column
    assert [d["column"] for d in data["scenarios"]] == ["Aldlan", "Alleen vrijwilligers"]


def test_cost_of_delay_by_hand(simple):
    # 8,000 savings a year from the start year. Start 2020: cumulative 8,000 (2020), 16,000 (2021), 24,000 (2022).
    # Start 2021: 0, 8,000, 16,000 → foregone to 2021: 8,000; to 2022: 8,000.
    # Start 2022: 0, 0, 8,000 → foregone to 2021: 16,000; to 2022: 16,000.
    variants = parse_variants([str(simple), str(simple), "period.start=2021", str(simple), "period.start=2022"])
    comparison = compare(variants)
    report = compare_report(comparison)
    rows = {r.label: r.values for r in report.tables[0].rows}
    assert rows["Gemiste besparing t/m 2021"] == [0, 8000, 16000]
    assert rows["Gemiste besparing t/m 2022"] == [0, 8000, 16000]
    assert rows["Besparing"] == [8000, 8000, 0]
    assert report.tables[0].columns == ["simple", "start=2021", "start=2022"]


def test_global_overrides_first_then_the_columns_own(simple):
    comparison = compare(parse_variants([str(simple), str(simple), "locations=2"]), ["locations=3"])
    assert [int(c.scenario.locations.point) for c in comparison.columns] == [3, 2]
    # savings 8,000 per location
    assert [figures(c, 2021)["savings"] for c in comparison.columns] == [24000.0, 16000.0]


def test_rows_use_the_rounded_lines_of_run(simple):
    comparison = compare(parse_variants(SHIPPED))
    report = compare_report(comparison)
    # the signed euros: a negative saving's cell reads "meerkosten € …", its raw value keeps the sign
    rows = {r.label.split(" (negatief")[0]: r.raw if r.label == "Besparing" and r.raw else r.values
            for r in report.tables[0].rows}
    for i, c in enumerate(comparison.columns):
        r = rounded_lines(c.result)
        j = c.result.year_index(2021)
        assert rows["Besparing"][i] == r["savings"][j]
        assert rows["Resultaat organisatie"][i] == r["result"][j]


def test_best_marks(simple):
    # locations 1, 2, 3: savings 8,000 / 16,000 / 24,000 → best savings in column 2 (0-based);
    # locations needed ceil(100,000 / 8,000) = 13 in every column: a tie, no mark
    report = compare_report(compare(parse_variants([str(simple), str(simple), "locations=2",
                                                    str(simple), "locations=3"])))
    table = report.tables[0]
    labels = [r.label for r in table.rows]
    assert table.best[labels.index("Besparing")] == 2
    assert labels.index("Benodigde buurtkamers voor het doel") not in table.best
    assert labels.index("Uitgaven zonder buurtkamer") not in table.best  # "best" means nothing here


@pytest.mark.parametrize(("values", "how", "expected"), [
    ([1, 3, 2], "max", 1), ([1, 3, 2], "min", 0), ([None, 2, 5], "min", 1), ([2, 2, 1], "max", None),
    ([None, 4], "max", None), ([1, 2], None, None),
])
def test_best_column(values, how, expected):
    assert best_column(values, how) == expected


def test_more_than_six_scenarios_split_the_table(simple):
    tokens = [str(simple)] + [t for n in range(2, 9) for t in (str(simple), f"locations={n}")]
    report = compare_report(compare(parse_variants(tokens)))
    assert [len(t.columns) for t in report.tables] == [6, 2]
    assert report.tables[1].columns == ["locations=7", "locations=8"]
    savings = [r.label for r in report.tables[0].rows].index("Besparing")
    assert savings not in report.tables[0].best  # the most savings is in the second part …
    assert report.tables[1].best[savings] == 1  # … its last column, locations=8


def test_column_labels():
    assert column_labels([Variant("a/x.yaml"), Variant("b/y.yaml")]) == ["x", "y"]
    assert column_labels([Variant("x.yaml"), Variant("x.yaml", ["period.start=2021"])]) == ["x", "start=2021"]
    # the short form would collide: the stem is added
    assert column_labels([Variant("x.yaml"), Variant("x.yaml", ["locations=2"]), Variant("y.yaml"),
                          Variant("y.yaml", ["locations=2"])]) == ["x", "x locations=2", "y", "y locations=2"]
    assert column_labels([Variant("x.yaml"), Variant("x.yaml")]) == ["x (1)", "x (2)"]


def test_parse_variants(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "odd=name.yaml").write_text("")
    variants = parse_variants(["a.yaml", "locations=2", "period.start=2021", "odd=name.yaml", "b.yaml"])
    assert [(v.file, v.overrides) for v in variants] == [
        ("a.yaml", ["locations=2", "period.start=2021"]), ("odd=name.yaml", []), ("b.yaml", [])]
    with pytest.raises(UsageError, match="'locations=2' moet na een scenariobestand komen"):
        parse_variants(["locations=2", "a.yaml"])


def test_cli_table_fits_80_columns_with_legend():
    res = runner.invoke(app, ["compare", *SHIPPED, "--years"])
    assert res.exit_code == 0, res.output
    assert max(len(line) for line in res.stdout.splitlines()) <= 80
    legend = [" ".join(line.split()) for line in res.stdout.splitlines()]
    assert "Commerciële aanbieder Commerciële aanbieder met sociaal werkers" in legend  # label, then name
    assert "Tabel 2 – Besparing per jaar" in res.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--year", "2030"], "2030 ligt buiten de periode van simple (2020–2022)"),
    (["locations=0"], "locations: moet ≥ 1 zijn, maar dit is 0"),
])
def test_cli_errors_exit_2(simple, args, message):
    res = runner.invoke(app, ["compare", str(simple), *args])
    assert res.exit_code == 2
    assert message in " ".join(res.stderr.split())


def test_cli_missing_file_exits_2(tmp_path):
    res = runner.invoke(app, ["compare", str(tmp_path / "nope.yaml")])
    assert res.exit_code == 2


FIVE = [str(SCENARIOS / f) for f in ("aldlan-mix.yaml", "volunteers-only.yaml", "commercial.yaml",
                                     "leeuwarden-kamers.yaml", "leeuwarden-kamers-professionals.yaml")]


def terminal_tables(text: str) -> list[dict[str, list[str]]]:
    """The tables of a terminal rendering: per table, each column header → its values, top to bottom
    (a row whose label wraps has its values on its first line)."""
    tables: list[dict[str, list[str]]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if "┃" not in lines[i]:
            i += 1
            continue
        headers: list[str] = []
        while "┃" in lines[i]:  # a long header wraps over several lines
            parts = [p.strip() for p in lines[i].split("┃")[1:]]
            headers = parts if not headers else [
                (h + ("" if h.endswith("-") else " ") + p).strip() if p else h for h, p in zip(headers, parts,
                                                                                                   strict=True)]
            i += 1
        i += 1  # the rule under the header
        columns: dict[str, list[str]] = {h: [] for h in headers}
        while i < len(lines) and "│" in lines[i]:
            cells = [c.strip() for c in lines[i].split("│")[1:]]
            if any(cells):
                for h, c in zip(headers, cells, strict=True):
                    columns[h].append(c)
            i += 1
        tables.append(columns)
    return tables


@pytest.mark.parametrize(("files", "width"), [(FIVE, 80), (SHIPPED, 60), (FIVE, 100)])
def test_cli_terminal_shows_every_value_whole_within_the_width(files, width):
    res = runner.invoke(app, ["compare", *files, "--years"], env={"COLUMNS": str(width)})
    assert res.exit_code == 0, res.output
    assert max(len(line) for line in res.stdout.splitlines()) <= width
    # what every cell should read, marks included: the same report as one table per kind
    whole = compare_report(compare(parse_variants(files)), years=True, columns=len(files))
    shown = terminal_tables(res.stdout)
    for expected in whole.tables:
        cells = docparts.cells(expected, "nl")
        for ci, name in enumerate(expected.columns):
            want = [row[ci].replace("\u00a0", " ") for row in cells]
            found = [[v.replace("\u00a0", " ") for v in t[name]] for t in shown if name in t]
            assert want in found, (name, found)


def test_terminal_parts_are_balanced_and_keep_the_best_marks():
    report = compare_report(compare(parse_variants(FIVE)), width=80)
    assert [len(t.columns) for t in report.tables] == [3, 2]
    assert [t.title for t in report.tables] == ["Tabel 1 – Scenario's vergeleken in 2021 (deel 1 van 2)",
                                                "Tabel 2 – Scenario's vergeleken in 2021 (deel 2 van 2)"]
    savings = next(i for i, r in enumerate(report.tables[0].rows) if r.label.startswith("Besparing"))
    # the most savings (€ 419.836) is leeuwarden-kamers-professionals, the last column of the second part
    assert savings not in report.tables[0].best and report.tables[1].best[savings] == 1


SOURCED = SIMPLE.replace("zin: {count: 10, dagdelen_per_week: 2}",
                         'zin: {count: {value: 10, source: "telling {who}"}, dagdelen_per_week: 2}').replace(
    "buurtkamer: {zin: 20, pgb: 15}", 'buurtkamer: {zin: {value: 20, source: "tarieven 2021"}, pgb: 15}')


def test_sources_deduplicated_and_definitions_apart(tmp_path):
    a = write(tmp_path, "a.yaml", SOURCED.replace("{who}", "A"))
    b = write(tmp_path, "b.yaml", SOURCED.replace("{who}", "B"))
    report = compare_report(compare(parse_variants([str(a), str(b), str(a), "locations=2"])))
    # one numbered note per distinct source; the tariff's source holds in all three columns: unmarked;
    # the count's differs, and the count of the column with locations=2 differs again (one room vs two)
    assert report.sources == [
        "[1] Deelnemers met Wmo-indicatie (ZIN), aantal: 10 (bij ‘a’, ‘locations=2’). Bron: telling A",
        "[2] Tarief buurtkamer, ZIN per dagdeel: €\u00a020. Bron: tarieven 2021",
        "[3] Deelnemers met Wmo-indicatie (ZIN), aantal: 10 (bij ‘b’). Bron: telling B",
    ]
    assert report.tables[0].notes[-1] == "Bronnen: noot 1–3."
    assert "Gemiste besparing: wat a cumulatief meer bespaart" in report.subtitle
    res = runner.invoke(app, ["compare", str(a), str(b), "-f", "markdown"])
    text = res.stdout
    block = text[text.index("## Bronnen"):].replace("\\[", "[").replace("\\]", "]")  # markdown escapes
    assert "[1] Deelnemers met Wmo-indicatie (ZIN), aantal: 10 (bij ‘a’). Bron: telling A" in block
    assert "[2] Tarief buurtkamer, ZIN per dagdeel: € 20. Bron: tarieven 2021" in block.replace("\u00a0", " ")
    assert "Gemiste besparing" not in block and "participants.zin.count" not in text
    assert text.count("## Bronnen") == 1
    assert text.index("Gemiste besparing: wat a") < text.index("**Tabel 1")


def test_xlsx_sheets_are_named_after_their_tables(tmp_path):
    from openpyxl import load_workbook

    for lang, names in (("nl", ["Samenvatting", "1 Scenario's vergeleken in 2021", "2 Besparing per jaar", "Bronnen"]),
                        ("en", ["Summary", "1 Scenarios compared in 2021", "2 Savings per year", "Sources"])):
        out = tmp_path / f"c-{lang}.xlsx"
        res = runner.invoke(app, ["compare", *SHIPPED, "--years", "--lang", lang, "-o", str(out)])
        assert res.exit_code == 0, res.output
        assert load_workbook(out).sheetnames == names
        assert all(len(n) <= 31 for n in names)
