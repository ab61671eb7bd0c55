"""One set of figures in every format (MODEL.md §4.1, issue 13).

`run`, `compare` and a plan are rendered to Markdown, HTML, CSV, Word and Excel; every money
cell of every table is read back from each file and compared with the report's own cells (the
rounded ledger): the same multiset of euros in every format, so no figure can show € 102.380 in
one file and € 102.381 in another. The headline's figures and the warnings' amounts are checked
against the tables.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import SCENARIOS
from typer.testing import CliRunner

from aldlan_model.cli.app import app

MONEY_KINDS = {"money"}
EURO = re.compile(r"^(meerkosten )?€\s?(-?[\d.]+)$")


def euros(text: str) -> int | None:
    """A Dutch whole-euro cell ("€ 1.013.125", "**€ -36.866**") as an int, "meerkosten € 16.231" (a negative
    saving in compare) as -16231; None for anything else."""
    m = EURO.match(text.replace("\u00a0", " ").replace("*", "").replace("★", "").strip())
    return (-1 if m.group(1) else 1) * int(m.group(2).replace(".", "")) if m else None


def report_cells(report) -> Counter:
    out: Counter = Counter()
    for tb in report.tables:
        for row in tb.rows:
            for ci, v in enumerate(row.values):
                if tb.kind(row, ci) in MONEY_KINDS and v is not None:
                    out[int(row.raw[ci] if isinstance(v, str) else v)] += 1  # "meerkosten € …": the signed raw
    return out


def cells_md(text: str) -> Counter:
    out: Counter = Counter()
    for line in text.splitlines():
        if line.startswith("|"):
            for cell in line.strip("|").split("|")[1:]:
                if (x := euros(cell)) is not None:
                    out[x] += 1
    return out


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth, self.cell, self.cells, self.head, self.tables = 0, None, [], 0, 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.depth += 1
            self.tables += 1
        if tag in ("td", "th") and self.depth:
            self.cell = ""
        if tag == "thead":
            self.head += 1

    def handle_endtag(self, tag):
        if tag == "table":
            self.depth -= 1
        if tag in ("td", "th") and self.cell is not None:
            self.cells.append((self.tables, self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def cells_html(text: str, headline: bool) -> Counter:
    p = _Cells()
    p.feed(text)
    first = 2 if headline else 1  # the headline is the first table of a run report
    return Counter(x for n, c in p.cells if n >= first and (x := euros(c)) is not None)


def cells_docx(path: Path, headline: bool) -> Counter:
    from docx import Document

    doc = Document(str(path))
    tables = doc.tables[1:] if headline else doc.tables  # the headline is the first table of a run report
    return Counter(x for tb in tables for row in tb.rows for c in row.cells if (x := euros(c.text)) is not None)


def cells_xlsx(path: Path) -> Counter:
    from openpyxl import load_workbook

    wb = load_workbook(path, data_only=True)  # totals are SUM formulas with their computed values stored
    out: Counter = Counter()
    for ws in wb.worksheets:  # the numbered sheets hold the tables (not the summary, inputs or sources)
        if not ws.title[0].isdigit():
            continue
        for row in ws.iter_rows():
            for c in row[1:]:
                if isinstance(c.value, int | float) and "€" in (c.number_format or "") and \
                        "0.00" not in c.number_format:
                    out[int(c.value)] += 1
    return out


def cells_csv(text: str, report) -> Counter:
    """CSV numbers carry no format: read each table block and take the columns the report says are money."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    out: Counter = Counter()
    titles = [tb.title for tb in report.tables]
    i = 0
    for tb in report.tables:
        while i < len(rows) and (not rows[i] or rows[i][0] != tb.title):
            i += 1
        assert i < len(rows), f"table {tb.title!r} not in the CSV ({titles})"
        i += 2  # caption, header
        for row in tb.rows:
            line = rows[i]
            assert line[0] == row.label, (line, row.label)
            for ci, cell in enumerate(line[1:]):
                if tb.kind(row, ci) in MONEY_KINDS and cell != "":
                    out[int(cell)] += 1
            i += 1
    return out


def render_all(tmp_path: Path, args: list[str], monkeypatch) -> dict[str, object]:
    monkeypatch.setenv("ALDLAN_TODAY", "2026-12-02")
    runner = CliRunner()
    out: dict[str, object] = {}
    for fmt in ("markdown", "html", "csv"):
        r = runner.invoke(app, [*args, "--format", fmt])
        assert r.exit_code == 0, r.output
        out[fmt] = r.stdout
    for ext in ("docx", "xlsx"):
        path = tmp_path / f"out.{ext}"
        r = runner.invoke(app, [*args, "-o", str(path)])
        assert r.exit_code == 0, r.output
        out[ext] = path
    return out


def the_report(args: list[str]):
    from aldlan_model.analysis.compare import compare
    from aldlan_model.analysis.overrides import parse_variants
    from aldlan_model.api import load_model, run_model
    from aldlan_model.tables.compare import compare_report
    from aldlan_model.tables.run import run_report

    if args[0] == "compare":
        return compare_report(compare(parse_variants(args[1:])), "nl", columns=100)
    model = load_model(args[1])
    return run_report(model, run_model(model), "nl", year_cols=100)


CASES = {
    "run": ["run", str(SCENARIOS / "aldlan-mix.yaml")],
    "projects": ["run", str(SCENARIOS / "aldlan-wijkplan.yaml")],
    "plan": ["run", str(SCENARIOS / "leeuwarden-kamers.yaml")],
    "compare": ["compare", str(SCENARIOS / "aldlan-mix.yaml"), str(SCENARIOS / "commercial.yaml"),
                str(SCENARIOS / "volunteers-only.yaml")],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_format_shows_the_same_euros(case, tmp_path, monkeypatch):
    args = CASES[case]
    report = the_report(args)
    expected = report_cells(report)
    assert expected, "a report without money cells proves nothing"
    files = render_all(tmp_path, args, monkeypatch)
    got = {
        "markdown": cells_md(files["markdown"]),
        "html": cells_html(files["html"], args[0] == "run"),
        "docx": cells_docx(files["docx"], args[0] == "run"),
        "xlsx": cells_xlsx(files["xlsx"]),
        "csv": cells_csv(files["csv"], report),
    }
    for fmt, cells in got.items():
        # the documents may repeat a label column or split a table over pages, never change a euro
        assert set(cells) == set(expected), (fmt, sorted(set(cells) ^ set(expected))[:10])
    assert got["csv"] == expected and got["xlsx"] == expected


def test_headline_and_warnings_use_the_table_euros(monkeypatch):
    monkeypatch.setenv("ALDLAN_TODAY", "2026-12-02")
    report = the_report(CASES["run"])
    municipality = next(tb for tb in report.tables if tb.key == "municipality")
    savings_2021 = next(r for r in municipality.rows if r.label == "2021").values[2]
    headline = dict(report.headline)
    assert headline["Besparing 2021"].startswith(f"€\u00a0{savings_2021:,}".replace(",", "."))
    operator = [tb for tb in report.tables if tb.key == "operator"]
    results = {col: v for tb in operator for col, v in zip(tb.columns, tb.rows[-1].values, strict=True)}
    worst = -min(results["2019"], results["2020"])
    assert any(f"€\u00a0{worst:,}".replace(",", ".") in w for w in report.warnings), report.warnings
    # v3 (MODEL.md §3.5): the need is the lowest cumulative *cash* of the ledger (its rounded lines added up)
    from aldlan_model.api import load_model, run_model
    from aldlan_model.ledger.rounded import ledger

    L = ledger(run_model(load_model(CASES["run"][1])))
    need = -int(L.lines["cumulative_cash"].min())
    # the cash of aldlan-mix never comes back within the period: not "overbruggingsfinanciering" (§3.5)
    assert L.lines["cumulative_cash"][-1] < 0
    assert f"€\u00a0{need:,}".replace(",", ".") in headline["Kastekort organisatie (niet terugverdiend)"]


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "md", "html", "csv", "txt", "json"])
def test_one_run_builds_the_ledger_warnings_and_inputs_once(fmt, tmp_path, monkeypatch):
    """The ledger is the one station between the engine and every renderer: one `aldlan run` rounds
    the ledger once, computes the warnings once and flattens the scenario once, whatever the format."""
    import aldlan_model.engine.params as params
    import aldlan_model.engine.warnings as warnings_mod
    import aldlan_model.ledger.rounded as ledger_mod

    calls: Counter = Counter()
    for mod, name in ((ledger_mod, "build_ledger"), (warnings_mod, "_warnings_for"), (params, "_flatten")):
        original = getattr(mod, name)

        def counted(*a, _f=original, _n=name, **k):
            calls[_n] += 1
            return _f(*a, **k)

        monkeypatch.setattr(mod, name, counted)
    r = CliRunner().invoke(app, ["run", str(CASES["run"][1]), "-o", str(tmp_path / f"x.{fmt}")])
    assert r.exit_code == 0, r.output
    assert calls == {"build_ledger": 1, "_warnings_for": 1, "_flatten": 1}
