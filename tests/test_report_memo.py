"""``aldlan report``: the memo as a council annex (issues 13 and 21), read back as a reader would see it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from aldlan_model.render.memo.document import markdown_blocks, method_text, plain

REPO = Path(__file__).resolve().parent.parent
MIX = "tests/fixtures/v2/aldlan-mix.yaml"
COMMERCIAL = "tests/fixtures/v2/commercial.yaml"
VOLUNTEERS = "tests/fixtures/v2/volunteers-only.yaml"
PLAN = "tests/fixtures/v2/leeuwarden-kamers.yaml"
WIJKPLAN = "tests/fixtures/v2/aldlan-wijkplan.yaml"
NL_HEADINGS = ["Samenvatting", "Uitgangspunten", "Kosten en inkomsten van de buurtkamer",
               "Waar komt de besparing vandaan", "Wie betaalt, wie bespaart", "Financiering", "Onzekerheid",
               "Bijlage A. Invoer en bronnen", "Bijlage B. Verantwoording"]
EN_HEADINGS = ["Summary", "Starting points", "The room's costs and income", "Where the saving comes from",
               "Who pays, who saves", "Financing", "Uncertainty", "Annex A. Inputs and sources", "Annex B. Method"]
KEY_PATH = re.compile(r"\b(participants|tariffs|transport|municipality|staff|costs|income|ramp_up|opening|"
                      r"indexation|norms|period|target|locations)\.[a-z_0-9]+")
PATHS = re.compile(r"(scenarios/|docs/|\.ya?ml\b|/tmp|/home|aldlan_model)")
COMMAND_WORDS = re.compile(r"\b(aldlan (run|explain|report|solve|simulate|compare)|--set|--lang|het programma|"
                           r"aldlan-model \d)")
ODD_NAMES = ["Commerciële aanbieder", "Alleen vrijwilligers", "De Schakel", "Stichting 't Hoekje"]

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), env={"ALDLAN_TODAY": "2026-12-02", "COLUMNS": "80", "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    """The golden memos — one room, three scenarios, a plan, the wijkplan, HTML, English — written once
    from the repository folder (so file names are relative)."""
    import os

    out = tmp_path_factory.mktemp("memo")
    here = os.getcwd()
    os.chdir(REPO)
    try:
        files = {
            "one": (out / "notitie.docx", [MIX]),
            "three": (out / "vergelijking.docx", [MIX, VOLUNTEERS, COMMERCIAL]),
            "plan": (out / "plan.docx", [PLAN]),
            "wijkplan": (out / "wijkplan.docx", [WIJKPLAN]),
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


def body_and_appendix(path: Path) -> tuple[str, str, str]:
    """The memo's text before the appendices, the appendices, and the summary alone."""
    import docx

    doc = docx.Document(str(path))
    body: list[str] = []
    appendix: list[str] = []
    summary: list[str] = []
    part = body
    heading = ""
    for el in doc.element.body.iterchildren():
        if el.tag.endswith("}p"):
            from docx.text.paragraph import Paragraph

            p = Paragraph(el, doc)
            if p.style.name == "Heading 1":
                heading = p.text
                if heading.startswith(("Bijlage A", "Annex A")):
                    part = appendix
            elif heading in ("Samenvatting", "Summary"):
                summary.append(p.text)
            part.append(p.text)
        elif el.tag.endswith("}tbl"):
            from docx.table import Table

            part += [c.text for row in Table(el, doc).rows for c in row.cells]
    return ("\n".join(body).replace("\xa0", " "), "\n".join(appendix).replace("\xa0", " "),
            " ".join(summary).replace("\xa0", " "))


def test_docx_has_every_section_in_order(made) -> None:
    headings, text, pictures = docx_parts(made["three"])
    assert headings == NL_HEADINGS
    assert "2 december 2026" in text
    assert "2026-12-02" not in text
    assert pictures == 1  # several designs: their savings year by year, side by side
    for word in ("Aan", "Van", "Datum", "Onderwerp", "De gemeenteraad", "Bijlage"):
        assert word in text


def test_one_room_summary_carries_the_message(made) -> None:
    headings, text, pictures = docx_parts(made["one"])
    assert headings == NL_HEADINGS
    assert pictures == 1  # one design: where its saving comes from
    _, _, summary = body_and_appendix(made["one"])
    # the conclusion, with the tables' euros, in the past tense (2021 is over on 2 December 2026)
    assert ("Met één buurtkamer volgens het ontwerp ‘Aldlan’ zou de gemeente in 2021 € 45.752 op de Wmo hebben "
            "bespaard") in summary
    assert "79 buurtkamers" in summary and "93 zonder de aanname over substitutie" in summary
    assert "een nieuwe indicatie hadden gekregen" in summary and "€ 6.672" in summary and "(substitutie)" in summary
    # the cash low point (v3 §3.5): cumulative result € -51.533 in 2020, plus two years' depreciation
    # (2 × € 4.000) minus the € 20.000 start-up paid in 2019: € -63.533; in 2025 still € -43.176
    assert "€ 63.533" in summary and "€ 43.176" in summary
    assert "de gemeente als geheel" in summary  # the municipality's net position


def test_wijkplan_summary_starts_with_the_municipality_as_a_whole(made) -> None:
    _, _, summary = body_and_appendix(made["wijkplan"])
    first = summary.split(". ")[0]
    assert "de gemeente als geheel" in first and "€ 81.499 slechter af" in first
    _, text, pictures = docx_parts(made["wijkplan"])
    assert "Dekkingsplan" in text and pictures == 2  # the causes, and the funding chart by the dekkingsplan table


@pytest.mark.parametrize("key", ["one", "three", "plan", "wijkplan", "en"])
def test_no_path_no_key_name_no_command_word(made, key: str) -> None:
    body, appendix, _ = body_and_appendix(made[key])
    for text in (body, appendix.rsplit("\n", 1)[0]):  # the colophon, the last line, may name files
        assert not PATHS.search(text), PATHS.search(text).group()
        assert not KEY_PATH.search(text), KEY_PATH.search(text).group()
        assert not COMMAND_WORDS.search(text), COMMAND_WORDS.search(text).group()
    assert "tests/fixtures/v2/" in appendix.rsplit("\n", 1)[1]  # the colophon names the file


@pytest.mark.parametrize("key", ["one", "three", "plan", "wijkplan"])
def test_appendices_are_the_larger_part_but_not_the_message(made, key: str) -> None:
    body, appendix, summary = body_and_appendix(made[key])
    words = len(body.split()), len(appendix.split())
    assert words[0] > 300 and len(summary.split()) > 60
    assert len(summary.split()) / sum(words) > 0.05


@pytest.mark.parametrize("key", ["one", "three", "plan", "wijkplan", "en"])
def test_no_empty_or_trivial_figures(made, key: str) -> None:
    body, _, _ = body_and_appendix(made[key])
    for bad in ("0,0 %", "100,0 %", "0.0%", "100.0%", "€ 0 overbrugging", "gehaald: -", "€ -", "meelifter",
                "exploitant", "PGB", "aantoonbaar", "in de min", "Kort gezegd", "dan heten", "wacht nooit",
                "non-profit"):
        lines = [x for x in body.split("\n") if bad in x]
        if bad == "€ -":  # a negative amount only in a table cell of a signed column
            lines = [x for x in lines if len(x) > 40]
        assert not lines, (bad, lines[:2])
    # one percent style: Dutch "12,5 %" (a no-break space, read back as a space), English "12.5%"
    style = re.compile(r"\d %") if key == "en" else re.compile(r"\d%")
    lines = [x for x in body.split("\n") if style.search(x)]
    assert not lines, lines[:2]


def _page_numbers(path: Path) -> bool:
    import docx

    doc = docx.Document(str(path))
    xml = doc.sections[0].footer._element.xml
    return "PAGE" in xml and "NUMPAGES" in xml


def test_every_word_file_has_page_numbers(made, tmp_path) -> None:
    for path in (made["one"], made["three"], made["wijkplan"]):
        assert _page_numbers(path)
    out = tmp_path / "run.docx"
    r = invoke("run", str(REPO / MIX), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert _page_numbers(out)


def test_english_headings(made) -> None:
    headings, text, _ = docx_parts(made["en"])
    assert headings == EN_HEADINGS
    assert "2 December 2026" in text
    assert "Annex" in text


def test_header_block_is_settable(tmp_path) -> None:
    out = tmp_path / "n.docx"
    r = invoke("report", str(REPO / MIX), "-o", str(out), "--to", "De raad van Leeuwarden", "--from",
               "College van B&W", "--reference", "RIB-2026-17", "--subject", "Buurtkamer Aldlan", "--date",
               "2020-06-01")
    assert r.exit_code == 0, r.output
    _, text, _ = docx_parts(out)
    for want in ("De raad van Leeuwarden", "College van B&W", "RIB-2026-17", "Buurtkamer Aldlan", "1 juni 2020"):
        assert want in text
    _, _, summary = body_and_appendix(out)
    assert "bespaart de gemeente in 2021" in summary  # 2021 lies after the memo's date: not past tense


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
    assert parser.images == 1
    assert "@page" in page and "break-inside: avoid" in page
    assert "2 december 2026" in page
    assert 'src="http' not in page and "<link" not in page  # nothing fetched from elsewhere
    assert "<script" not in page and str(REPO) not in page
    body = page.split("Bijlage A. Invoer en bronnen")[0]
    assert not KEY_PATH.search(body) and not PATHS.search(body.split("<body>")[1])


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
                 if p.style.name == "Heading 1" and p.text == "Bijlage B. Verantwoording")
    shown = [x for x in paragraphs[start + 1:] if x.strip()][:-1]  # the colophon last
    expected = [plain(b.text) for b in markdown_blocks(method_text("nl"))]
    assert shown == expected


def test_labels_have_the_same_keys() -> None:
    from aldlan_model.i18n.labels import CATALOGUES

    assert {k for k in CATALOGUES["nl"] if k.startswith("memo_")} == \
        {k for k in CATALOGUES["en"] if k.startswith("memo_")}


def _memo_of(*files: str, lang: str = "nl", labels: list[str] | None = None):
    """The memo of shipped scenarios without charts (faster), built as the command builds it; ``labels``
    renames the scenarios."""
    import datetime as _dt

    from aldlan_model.analysis.compare import compare
    from aldlan_model.analysis.overrides import parse_variants
    from aldlan_model.render.memo.content import build_memo
    from aldlan_model.render.memo.document import MemoItem

    comparison = compare(parse_variants([str(REPO / f) for f in files]))
    names = labels or [c.label for c in comparison.columns]
    items = [MemoItem(n, c.variant.file, c.scenario, c.result) for n, c in zip(names, comparison.columns, strict=True)]
    return build_memo(items, lang, charts=False, draws=2000, today=_dt.date(2026, 12, 2))


def _text(memo, *keys: str) -> str:
    return " ".join(b.text for k in keys for b in memo.section(k).blocks).replace("\xa0", " ")


def test_a_design_that_costs_more_says_meerkosten() -> None:
    text = _text(_memo_of(VOLUNTEERS), "summary")
    assert ("Met één buurtkamer volgens het ontwerp ‘Alleen vrijwilligers’ zou de gemeente in 2021 € 34.917 meer aan "
            "de Wmo hebben uitgegeven dan zonder: meerkosten") in text
    assert "€ -" not in text  # never "a saving of € -34.917"
    assert "Met geen enkel aantal buurtkamers" in text


def test_a_plan_is_named_with_its_rooms_and_the_summary_matches_its_tables() -> None:
    memo = _memo_of(PLAN)
    text = _text(memo, "summary")
    assert "Met het plan ‘Kamers vrijwilligers’ met 9 buurtkamers zou de gemeente in 2021 € 557.534" in text
    table = next(b.table for b in memo.section("mechanisms").blocks if b.kind == "table")
    total = next(r for r in table.rows if r.total)
    assert total.values[0] == 557534
    assert all(r.values[0] != 0 for r in table.rows)  # no € 0 mechanism rows
    points = next(b.table for b in memo.section("starting_points").blocks if b.kind == "table")
    assert any(r.values[0] == "9" for r in points.rows)  # the plan's nine rooms, not the first room's one


@pytest.mark.parametrize("name", ODD_NAMES)
def test_any_name_reads_grammatically(name: str) -> None:
    memo = _memo_of(MIX, COMMERCIAL, labels=[name, "Tweede"])
    text = _text(memo, "summary", "mechanisms", "financing", "uncertainty")
    quoted = f"‘{name}’" if "'" not in name else f"“{name}”"
    assert quoted in text
    for bad in (f"van {name}", f"(bij {name}", f"(alleen {name}", f". {name}", "Eén buurtkamer van"):
        assert bad not in text, bad
    # the name never starts a sentence; sentences start with a capital
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        assert sentence[:1].isupper() or sentence[:1] in "*‘“€", sentence
    assert ": De " not in text and ": Het " not in text


def test_tense_follows_the_memo_date() -> None:
    import datetime as _dt

    from aldlan_model.render.memo.sentences import Voice

    v = Voice("nl", _dt.date(2021, 3, 1))
    assert v.past(2020) and not v.past(2021) and not v.past(2025)
    past = _text(_memo_of(MIX), "summary")
    assert "zou de gemeente in 2021" in past and "bespaart de gemeente" not in past


def test_chances_of_nothing_are_left_out() -> None:
    from aldlan_model.render.memo.uncertainty_words import chance_said

    assert not chance_said(0.0) and not chance_said(1.0) and not chance_said(0.004) and chance_said(0.4)
    text = _text(_memo_of(MIX), "uncertainty")
    for trivial in ("0,0%", "100,0%", "0,0\u00a0%", "100,0\u00a0%"):
        assert trivial not in text
