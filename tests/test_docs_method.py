"""The worked example of docs/method.md and docs/method.en.md shows the engine's own figures.

Every bold euro amount in the example ("Rekenvoorbeeld" / "Worked example") is, in the order it
appears, one named figure of the rounded ledger (MODEL.md §4.1) of ``scenarios/aldlan-mix.yaml``;
the cash table is the ledger's cash lines, year by year; and every ``aldlan explain`` command in
the closing block runs. If the engine or the text changes a figure, these tests fail: update the
text (and the hand arithmetic that leads to it) together with the figure.
"""

from __future__ import annotations

import re
import shlex

import pytest
from typer.testing import CliRunner

from aldlan_model.api import load_model, run_model
from aldlan_model.cli.app import app
from aldlan_model.ledger.rounded import Ledger, ledger
from tests.conftest import REPO

SCENARIO = "scenarios/aldlan-mix.yaml"
YEAR = 2021

# (line of the rounded ledger, year, sign): the text shows sign × the ledger's figure, so a cost
# or a deficit is written as a positive amount in words ("€ 15.330 aan extra uitgaven").
# ``financing_need`` is the ledger's property (the lowest cumulative cash, as a positive amount).
BOLD_FIGURES: list[tuple[str, int | None, int]] = [
    ("tariff_difference", YEAR, 1),          # lager tarief buurtkamer (vraagt herindicatie)
    ("transport_avoided", YEAR, 1),          # vervoer dat vervalt
    ("new_clients", YEAR, -1),               # nieuwe cliënten: extra uitgaven
    ("savings", YEAR, 1),                    # besparing
    ("baseline", YEAR, 1),                   # uitgaven zonder buurtkamer
    ("scenario", YEAR, 1),                   # uitgaven met buurtkamer
    ("savings_hard", YEAR, 1),               # harde besparing
    ("cost", YEAR, 1),                       # totale kosten
    ("income", YEAR, 1),                     # totale inkomsten
    ("result", YEAR, -1),                    # tekort
    ("net_municipality", YEAR, -1),          # de gemeente als geheel, slechter af in 2021
    ("cumulative_net_municipality", 2025, -1),  # ... en over 2019–2025
    ("cash", YEAR, -1),                      # kastekort in 2021
    ("financing_need", None, 1),             # diepste punt van de cumulatieve kas
]

DOCS = {
    "nl": ("docs/method.md", "## Rekenvoorbeeld", "## De regels precies", ".", "Na te rekenen met:"),
    "en": ("docs/method.en.md", "## Worked example", "## The rules", ",", "Check with:"),
}
BOLD_EURO = re.compile(r"\*\*\s*[-−]?€\s?[-−]?([\d.,]+)\s*\*\*")
TABLE_ROW = re.compile(r"^\|\s*(\d{4})\s*\|(.*)\|\s*$", re.MULTILINE)


@pytest.fixture(scope="module")
def rounded() -> Ledger:
    return ledger(run_model(load_model(REPO / SCENARIO)))


def _example(lang: str) -> str:
    path, begin, end, _, _ = DOCS[lang]
    text = (REPO / path).read_text(encoding="utf-8")
    assert begin in text and end in text, f"{path}: the worked example's headings moved"
    return text.split(begin, 1)[1].split(end, 1)[0]


def _whole(text: str, lang: str) -> int:
    """A whole-euro amount as written: nl 12.312, en 12,312; a minus sign − or -."""
    sep = DOCS[lang][3]
    t = text.strip().replace("\u2212", "-").replace("\u00a0", "").replace(sep, "")
    assert re.fullmatch(r"-?\d+", t), f"not a whole-euro amount: {text!r}"
    return int(t)


def _figure(L: Ledger, name: str, year: int | None) -> int:
    return L.financing_need if name == "financing_need" else L.at(name, year)


@pytest.mark.parametrize("lang", sorted(DOCS))
def test_bold_figures_are_the_ledger(rounded: Ledger, lang: str) -> None:
    shown = [_whole(m, lang) for m in BOLD_EURO.findall(_example(lang))]
    names = [n for n, _, _ in BOLD_FIGURES]
    assert len(shown) == len(BOLD_FIGURES), f"{lang}: {len(shown)} bold euro figures, expected {names}"
    for value, (name, year, sign) in zip(shown, BOLD_FIGURES, strict=True):
        assert value == sign * _figure(rounded, name, year), (lang, name, year)


def test_the_example_is_about_a_loss_not_a_bridge(rounded: Ledger) -> None:
    """The text says the financing need is the cash at the end of the period, never recovered."""
    assert not rounded.financing_recovered
    assert rounded.at("cumulative_cash", rounded.years[-1]) == -rounded.financing_need
    assert rounded.at("substitution", YEAR) == 0 and rounded.at("savings_hard", YEAR) == rounded.at("savings", YEAR)
    nonzero = [m for m in ("tariff_difference", "transport_avoided", "new_clients", "substitution", "replaced",
                           "moved_clients", "paid") if rounded.at(m, YEAR) != 0]
    assert nonzero == ["tariff_difference", "transport_avoided", "new_clients"]  # "drie niet nul"


@pytest.mark.parametrize("lang", sorted(DOCS))
def test_cash_table_is_the_ledger(rounded: Ledger, lang: str) -> None:
    rows = TABLE_ROW.findall(_example(lang))
    assert [int(y) for y, _ in rows] == rounded.years
    receivable_before = 0
    for year_text, cells in rows:
        year = int(year_text)
        values = [_whole(c, lang) for c in cells.split("|")]
        receivable = rounded.at("receivable", year)
        expected = [rounded.at("organisation_result", year), rounded.at("depreciation", year),
                    rounded.at("startup_paid", year), receivable - receivable_before,
                    rounded.at("cash", year), rounded.at("cumulative_cash", year)]
        assert values == expected, (lang, year)
        assert values[0] + values[1] - values[2] - values[3] == values[4], (lang, year)  # the row adds up
        receivable_before = receivable


@pytest.mark.parametrize("lang", sorted(DOCS))
def test_explain_commands_run(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    block = _example(lang).split(DOCS[lang][4], 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [shlex.split(line) for line in block.splitlines() if line.strip()]
    assert len(commands) >= 10
    monkeypatch.chdir(REPO)
    runner = CliRunner()
    for argv in commands:
        assert argv[:3] == ["aldlan", "explain", SCENARIO], argv
        r = runner.invoke(app, argv[1:], env={"COLUMNS": "80", "NO_COLOR": "1"})
        assert r.exit_code == 0, (argv, r.output)


def test_plain_words() -> None:
    """The glossary's words: no 'meelifters', no 'exploitant' (say 'organisatie')."""
    text = (REPO / DOCS["nl"][0]).read_text(encoding="utf-8").lower()
    for bad in ("meelifter", "exploitant"):
        assert bad not in text, bad
