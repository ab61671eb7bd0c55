"""The totals rule in letters: every displayed total equals the sum of the displayed rows.

Parsed back from the rendered markdown and HTML, for random row values and for runs of
random scenarios (through ``--set`` overrides of the golden scenario).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from aldlan_model.engine.lines import COST_LINES, INCOME_LINES
from aldlan_model.engine.room import run as compute
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import rounded_with_total
from aldlan_model.io.loader import load_scenario
from aldlan_model.ledger.report import Report, Row, Table
from aldlan_model.render import html, markdown
from aldlan_model.render.output import layout
from aldlan_model.tables.run import run_report

SCENARIO = Path(__file__).resolve().parent / "golden" / "letters-scenario.yaml"


def amount(text: str) -> int:
    """``€ -12.345`` (nl) or ``-€12,345`` (en) → -12345."""
    digits = re.sub(r"[^\d-]", "", text)
    return int(digits)


def md_tables(text: str) -> list[list[list[str]]]:
    """Every pipe table as rows of cells (header and rule dropped, ``**`` removed)."""
    tables, current = [], None
    for line in text.splitlines():
        if line.startswith("| "):
            if current is None:
                current = []
                tables.append(current)
            current.append([c.strip().strip("*") for c in line.strip()[1:-1].split(" | ")])
        else:
            current = None
    return [tb[2:] for tb in tables]


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self._in_body = False

    def handle_starttag(self, tag, attrs):
        if tag == "tbody":
            self._in_body = True
            self.tables.append([])
        elif tag == "tr" and self._in_body:
            self.tables[-1].append([])
        elif tag == "td" and self._in_body:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "tbody":
            self._in_body = False
        elif tag == "td" and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def html_tables(text: str) -> list[list[list[str]]]:
    parser = _Cells()
    parser.feed(text)
    return parser.tables


money_values = st.floats(min_value=-5e7, max_value=5e7, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 12).flatmap(lambda n: st.lists(st.lists(money_values, min_size=n, max_size=n),
                                                     min_size=1, max_size=6)),
       st.sampled_from(["nl", "en"]))
def test_total_row_is_the_sum_of_the_shown_rows(columns, lang):
    parts_totals = [rounded_with_total(col) for col in columns]
    n = len(columns[0])
    rows = [Row(f"r{i}", [parts[i] for parts, _ in parts_totals], raw=[col[i] for col in columns]) for i in range(n)]
    rows.append(Row(t("total", lang), [total for _, total in parts_totals], total=True))
    table = Table("t", "Tabel 1 – test", [f"c{j}" for j in range(len(columns))], rows, kinds=["money"] * len(columns))
    report = Report("r", "", [], [table], [], [], "Bron: test", lang=lang)
    for parsed in (md_tables(markdown.render(report))[0], html_tables(html.render(report))[0]):
        assert len(parsed) == n + 1
        shown = [[amount(c) for c in row[1:]] for row in parsed]
        for j in range(len(columns)):
            assert shown[-1][j] == sum(row[j] for row in shown[:-1])


@settings(max_examples=15, deadline=None)
@given(
    zin=st.integers(0, 40), none=st.integers(0, 60), housing=st.floats(0, 60000).map(lambda x: round(x, 2)),
    overhead=st.floats(0, 0.3).map(lambda x: round(x, 3)), locations=st.integers(1, 25),
    prices=st.floats(0, 0.08).map(lambda x: round(x, 4)), lang=st.sampled_from(["nl", "en"]),
)
def test_run_report_totals_in_documents(zin, none, housing, overhead, locations, prices, lang):
    s = load_scenario(SCENARIO, [f"participants.zin.count={zin}", f"participants.without_indication.count={none}",
                                 f"costs.housing={housing}", f"costs.overhead={overhead}",
                                 f"locations={locations}", f"indexation.prices={prices}"])
    result = compute(s)
    report = layout(lambda cols: run_report(s, result, lang, year_cols=cols), "markdown", 4)
    for tables in (md_tables(markdown.render(report)), html_tables(html.render(report))):
        # v2 order: 1 municipality, 2 where the saving comes from, 3–4 exploitation (split at 4 year columns),
        # 5 financing, 6 staffing
        municipality, mechanisms, *operator = tables[:4]
        body = [[amount(c) for c in row[1:4]] for row in municipality]
        assert body[-1] == [sum(col) for col in zip(*body[:-1], strict=True)]
        # the mechanisms shown (v3: seven, none at € 0) add up to the saving; the hard saving leaves out a
        # positive substitution (the only "assumption")
        mech = [(amount(row[1]), row[2]) for row in mechanisms]
        k = next(i for i, row in enumerate(mechanisms) if row[0].strip("*") == t("savings", lang))
        assert all(value != 0 for value, _ in mech[:k]) and k <= 7
        assert mech[k][0] == sum(value for value, _ in mech[:k])
        assert mech[k + 1][0] == mech[k][0] - sum(max(0, value) for value, kind in mech[:k]
                                                  if kind == t("mechanism_soft", lang))
        for part in operator:
            lines = {row[0]: [amount(c) for c in row[1:]] for row in part}
            by_key = {key: lines[t(key, lang)] for key in (*COST_LINES, *INCOME_LINES, "cost", "income", "result")}
            for j in range(len(by_key["cost"])):
                assert by_key["cost"][j] == sum(by_key[k][j] for k in COST_LINES)
                assert by_key["income"][j] == sum(by_key[k][j] for k in INCOME_LINES)
                assert by_key["result"][j] == by_key["income"][j] - by_key["cost"][j]
