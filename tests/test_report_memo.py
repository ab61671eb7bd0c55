"""``aldlan report``: the memo for a board's letter (issue 13), read back as a reader would see it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from aldlan_model.render.memo.document import markdown_blocks, method_text, plain

REPO = Path(__file__).resolve().parent.parent
MIX = "scenarios/aldlan-mix.yaml"
COMMERCIAL = "scenarios/commercial.yaml"
NL_HEADINGS = ["Samenvatting", "Vergelijking", "Waar komt de besparing vandaan", "Financiering", "Onzekerheid",
               "Bronnen", "Verantwoording"]
EN_HEADINGS = ["Summary", "Comparison", "Where the saving comes from", "Financing", "Uncertainty", "Sources",
               "Method"]
KEY_PATH = re.compile(r"\b(participants|tariffs|transport|municipality|staff|costs|income|ramp_up|opening|"
                      r"indexation|norms|period|target)\.[a-z_0-9]+")

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), env={"ALDLAN_TODAY": "2026-12-02", "COLUMNS": "80", "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    """The memos, written once from the repository folder (so file names are relative)."""
    import os

    out = tmp_path_factory.mktemp("memo")
    here = os.getcwd()
    os.chdir(REPO)
    try:
        files = {
            "one": (out / "notitie.docx", [MIX]),
            "two": (out / "vergelijking.docx", [MIX, COMMERCIAL]),
            "html": (out / "vergelijking.html", [MIX, COMMERCIAL]),
            "en": (out / "memo.docx", [MIX, COMMERCIAL, "--lang", "en"]),
        }
        for path, args in files.values():
            r = invoke("report", *args, "-o", str(path))
            assert r.exit_code == 0, r.output
    finally:
        os.chdir(here)
    return {key: path for key, (path, _) in files.items()}


def docx_parts(path: Path) -> tuple[list[str], str, int]:
    """The level-1 headings in order, all text (body, tables, header, footer) and the number of pictures."""
    import docx

    doc = docx.Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    sec = doc.sections[0]
    texts += [p.text for p in sec.header.paragraphs] + [p.text for p in sec.footer.paragraphs]
    pictures = len(doc.inline_shapes)
    return headings, "\n".join(texts).replace("\xa0", " "), pictures


def test_docx_has_every_section_in_order(made) -> None:
    headings, text, pictures = docx_parts(made["two"])
    assert headings == NL_HEADINGS
    assert headings.count("Bronnen") == 1
    assert "2 december 2026" in text
    assert "2026-12-02" not in text
    assert pictures >= 2
    assert "Notitie" in text


def test_single_file_has_no_comparison(made) -> None:
    headings, text, pictures = docx_parts(made["one"])
    assert headings == [h for h in NL_HEADINGS if h != "Vergelijking"]
    assert pictures >= 1
    # the summary's figures are the tables' figures
    assert "Eén buurtkamer van Aldlan bespaart de gemeente € 45.752 in 2021, waarvan € 39.080 hard" in text
    assert "79 buurtkamers" in text and "93 op harde besparing" in text
    # v3 (MODEL.md §3.5): in cash, the start-up of € 12.000 paid in the first year: 51.533 + 12.000
    assert "€ 63.533 overbruggingsfinanciering" in text
    assert "20.000 keer" in text and "startwaarde 1" in text


@pytest.mark.parametrize("key", ["one", "two", "en"])
def test_no_paths_and_no_key_names(made, key: str) -> None:
    _, text, _ = docx_parts(made[key])
    assert str(REPO) not in text and "/tmp" not in text and "/home" not in text
    assert not KEY_PATH.search(text), KEY_PATH.search(text).group()
    assert "scenarios/aldlan-mix.yaml" in text  # relative to where the command ran


def test_english_headings(made) -> None:
    headings, text, _ = docx_parts(made["en"])
    assert headings == EN_HEADINGS
    assert "2 December 2026" in text
    assert "Memo" in text


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.h2: list[str] = []
        self.images = 0
        self._in = False

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "h2":
            self._in = True
            self.h2.append("")
        if tag == "img" and dict(attrs).get("src", "").startswith("data:image/png;base64,"):
            self.images += 1

    def handle_endtag(self, tag) -> None:
        if tag == "h2":
            self._in = False

    def handle_data(self, data) -> None:
        if self._in:
            self.h2[-1] += data


def test_html_has_every_section_and_is_self_contained(made) -> None:
    page = made["html"].read_text(encoding="utf-8")
    parser = _Headings()
    parser.feed(page)
    assert parser.h2 == NL_HEADINGS
    assert parser.images >= 2
    assert "2 december 2026" in page
    assert 'src="http' not in page and "<link" not in page  # nothing fetched from elsewhere
    assert "<script" not in page and str(REPO) not in page
    assert not KEY_PATH.search(page)


def test_never_overwrites_without_force(made, tmp_path) -> None:
    target = tmp_path / "notitie.docx"
    target.write_bytes(b"mine")
    r = invoke("report", str(REPO / MIX), "-o", str(target))
    assert r.exit_code == 2
    assert "--force" in r.output
    assert target.read_bytes() == b"mine"
    r = invoke("report", str(REPO / MIX), "-o", str(target), "--force")
    assert r.exit_code == 0, r.output
    assert target.read_bytes()[:2] == b"PK"


def test_pdf_and_unknown_extensions_are_usage_errors(tmp_path) -> None:
    for name in ("notitie.pdf", "notitie.txt"):
        r = invoke("report", str(REPO / MIX), "-o", str(tmp_path / name))
        assert r.exit_code == 2
        assert ".docx" in r.output
        assert not (tmp_path / name).exists()


def _between(text: str, begin: str, end: str) -> str:
    return text.split(begin, 1)[1].split(end, 1)[0].strip()


@pytest.mark.parametrize(("lang", "doc"), [("nl", "docs/method.md"), ("en", "docs/method.en.md")])
def test_verantwoording_is_the_text_of_docs_method(lang: str, doc: str) -> None:
    written = (REPO / doc).read_text(encoding="utf-8")
    block = _between(written, "<!-- verantwoording:begin -->", "<!-- verantwoording:end -->")
    assert block == method_text(lang).strip()


def test_memo_verantwoording_is_the_data_text(made) -> None:
    import docx

    doc = docx.Document(str(made["one"]))
    paragraphs = [p.text for p in doc.paragraphs]
    start = next(i for i, p in enumerate(doc.paragraphs)
                 if p.style.name == "Heading 1" and p.text == "Verantwoording")
    shown = [x for x in paragraphs[start + 1:] if x.strip()]
    expected = [plain(b.text) for b in markdown_blocks(method_text("nl"))]
    assert shown == expected


def test_labels_have_the_same_keys() -> None:
    from aldlan_model.i18n.labels import CATALOGUES

    assert {k for k in CATALOGUES["nl"] if k.startswith("memo_")} == \
        {k for k in CATALOGUES["en"] if k.startswith("memo_")}


def _memo_of(*files: str, lang: str = "nl"):
    """The memo of shipped scenarios without charts or simulation (fast), built as the command builds it."""
    from aldlan_model.analysis.compare import compare
    from aldlan_model.analysis.overrides import parse_variants
    from aldlan_model.render.memo.content import build_memo
    from aldlan_model.render.memo.document import MemoItem

    comparison = compare(parse_variants([str(REPO / f) for f in files]))
    items = [MemoItem(c.label, c.variant.file, c.scenario, c.result) for c in comparison.columns]
    return build_memo(items, lang, comparison=comparison, charts=False)


def _summary(memo) -> str:
    return " ".join(b.text for b in memo.section("summary").blocks).replace("\xa0", " ")


def test_a_design_that_costs_more_says_meerkosten() -> None:
    text = _summary(_memo_of("scenarios/volunteers-only.yaml"))
    assert "Met één buurtkamer van Alleen vrijwilligers geeft de gemeente in 2021 € 34.917 meer uit dan zonder: " \
           "meerkosten (€ 44.258 zonder de substitutie-aanname)" in text
    assert "geeft dit ontwerp in 2021 meerkosten tussen" in text
    assert "€ -" not in text  # never "a saving of € -34.917"
    assert "Met geen enkel aantal buurtkamers" in text


def test_a_plan_is_named_with_its_rooms_and_the_summary_matches_its_tables() -> None:
    memo = _memo_of("scenarios/leeuwarden-kamers.yaml")
    text = _summary(memo)
    assert "Het scenario Kamers vrijwilligers met 9 buurtkamers bespaart de gemeente € 557.534 in 2021" in text
    table = next(b.table for b in memo.section("mechanisms").blocks if b.kind == "table")
    total = next(r for r in table.rows if r.total)
    assert total.values[0] == 557534
    assert any(b.kind == "table" for b in memo.section("uncertainty").blocks)  # the plan's ranges, drawn


def test_several_scenarios_cite_the_merged_notes() -> None:
    memo = _memo_of("scenarios/aldlan-mix.yaml", "scenarios/commercial.yaml")
    notes = [b.text for b in memo.section("sources").blocks if b.kind == "note"]
    assert notes and notes[0].startswith("[1] ")
    cited = [n for b in memo.section("mechanisms").blocks if b.kind == "table" for n in b.table.notes
             if n.startswith("Bronnen: noot")]
    numbers = {int(x) for line in cited for x in re.findall(r"\d+", line)}
    assert numbers and max(numbers) <= len(notes)
