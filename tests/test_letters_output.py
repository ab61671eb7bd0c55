"""``emit`` through the CLI: formats, extensions, stdout, --force and atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from aldlan_model.model.errors import UsageError
from aldlan_model.render.output import EXTENSIONS, FORMATS, resolve_format

GOLDEN = Path(__file__).resolve().parent / "golden"
SCENARIO = str(GOLDEN / "letters-scenario.yaml")
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1", "ALDLAN_TODAY": "2026-01-01"})


@pytest.mark.parametrize(("name", "fmt"), [("brief.md", "markdown"), ("BRIEF.HTML", "html"), ("b.htm", "html"),
                                           ("b.csv", "csv"), ("b.xlsx", "xlsx"), ("b.docx", "docx"),
                                           ("b.json", "json"), ("b.txt", "table")])
def test_format_follows_the_extension(name, fmt):
    assert resolve_format(None, Path(name)) == fmt


def test_explicit_format_wins_and_defaults():
    assert resolve_format("csv", Path("x.txt")) == "csv"
    assert resolve_format("md", None) == "markdown"
    assert resolve_format(None, None) == "table"


def test_unknown_format_and_extension_list_the_valid_ones():
    with pytest.raises(UsageError, match=r"onbekend formaat 'pdf'; verwacht een van: table, markdown, html, csv, "
                                         r"xlsx, docx, json"):
        resolve_format("pdf", None)
    with pytest.raises(UsageError, match=r"kan het formaat van brief.pdf niet afleiden uit de extensie \(.pdf\); "
                                         r"gebruik een van .txt, .md"):
        resolve_format(None, Path("brief.pdf"))
    assert set(EXTENSIONS.values()) == set(FORMATS)


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_binary_formats_need_a_file(fmt):
    r = invoke("run", SCENARIO, "--format", fmt)
    assert r.exit_code == 2
    assert f"--format {fmt} schrijft een bestand; geef er een met -o, bijv. -o rapport.{fmt}" in r.stderr
    assert r.stdout == ""


def test_unknown_extension_is_exit_2(tmp_path):
    r = invoke("run", SCENARIO, "-o", str(tmp_path / "brief.pdf"))
    assert r.exit_code == 2
    assert "kan het formaat van" in r.stderr and ".docx" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_markdown_html_csv_go_to_stdout():
    md = invoke("run", SCENARIO, "--format", "markdown")
    assert md.exit_code == 0 and "| Jaar " in md.stdout and md.stdout.startswith("# Buurtkamer De Brug")
    html = invoke("run", SCENARIO, "-f", "html", "--lang", "en")
    assert html.exit_code == 0 and html.stdout.startswith("<!DOCTYPE html>") and '<html lang="en">' in html.stdout
    csv = invoke("run", SCENARIO, "-f", "csv")
    assert csv.exit_code == 0 and not csv.stdout.startswith("\ufeff")  # BOM only in files
    assert "Jaar;Uitgaven zonder buurtkamer;" in csv.stdout


def test_json_file_equals_json_stdout(tmp_path):
    out = tmp_path / "run.json"
    assert invoke("run", SCENARIO, "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(invoke("run", SCENARIO, "-f", "json").stdout)


def test_txt_file_is_the_plain_terminal_table(tmp_path):
    out = tmp_path / "run.txt"
    assert invoke("run", SCENARIO, "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Tabel 1 – Wmo-uitgaven van de gemeente" in text and "\x1b[" not in text


def test_document_tables_have_at_most_seven_columns():
    r = invoke("run", SCENARIO, "-f", "markdown")
    header_widths = [line.count("|") - 1 for line in r.stdout.splitlines() if line.startswith("| :")]
    assert header_widths and max(header_widths) <= 7
    # 7 years in parts of at most 6 are split evenly: 2020–2023 and 2024–2026
    assert "Exploitatie van de buurtkamer 2020–2023" in r.stdout
    assert "Exploitatie van de buurtkamer 2024–2026" in r.stdout


def test_existing_file_is_left_alone_without_force(tmp_path):
    out = tmp_path / "brief.docx"
    out.write_bytes(b"de brief van vorige week")
    r = invoke("run", SCENARIO, "-o", str(out))
    assert r.exit_code == 2
    assert r.stderr == f"fout: {out} bestaat al; gebruik --force om het te overschrijven.\n"
    assert out.read_bytes() == b"de brief van vorige week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx"]  # no temporary file left
    r = invoke("run", SCENARIO, "-o", str(out), "--force")
    assert r.exit_code == 0, r.output
    assert r.stderr == f"✓ geschreven: {out}\n" and r.stdout == ""
    assert out.read_bytes()[:2] == b"PK"  # a real .docx (zip) replaced it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx"]


def test_missing_folder_is_exit_2(tmp_path):
    r = invoke("run", SCENARIO, "-o", str(tmp_path / "nieuw" / "brief.md"))
    assert r.exit_code == 2
    assert r.stderr == f"fout: Map {tmp_path / 'nieuw'} bestaat niet; maak hem aan of kies een ander pad.\n"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder_is_exit_2(tmp_path):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        r = invoke("run", SCENARIO, "-o", str(folder / "brief.html"))
    finally:
        folder.chmod(0o755)
    assert r.exit_code == 2 and "kan niet geschreven worden" in r.stderr


def test_bad_aldlan_today_is_a_usage_error():
    r = runner.invoke(app, ["run", SCENARIO, "-f", "markdown"], env={"ALDLAN_TODAY": "1-1-2026"})
    assert r.exit_code == 2
    assert "ALDLAN_TODAY moet een datum zijn als 2026-01-01, gekregen '1-1-2026'" in r.stderr


def test_wide_tables_of_other_reports_are_split_for_documents():
    from aldlan_model.ledger.report import Report, Row, Table
    from aldlan_model.render.markdown import render
    from aldlan_model.tables.parts import split_wide

    rows = [Row("a", list(range(8)), raw=[x + 0.4 for x in range(8)]), Row("b", list(range(10, 18)))]
    wide = Table("compare", "Tabel 1 – Vergelijking", [f"k{j}" for j in range(8)], rows, kinds=["int"] * 8,
                 best={0: 7}, marks={(1, 5)})
    report = Report("r", "", [], [wide], [], [], "Bron: test")
    first, second = split_wide(report, 6).tables  # 8 columns in parts of at most 6: 4 + 4
    assert first.title == "Tabel 1 – Vergelijking (deel 1 van 2)" and second.title.endswith("(deel 2 van 2)")
    assert second.columns == ["k4", "k5", "k6", "k7"] and second.rows[0].raw == [4.4, 5.4, 6.4, 7.4]
    assert (first.best, second.best) == ({}, {0: 3}) and (first.marks, second.marks) == (set(), {(1, 1)})
    text = render(split_wide(report, 6))
    assert "| a   |   4 |    5 |   6 | 7 ★ |\n| b   |  14 | 15 ✓ |  16 |  17 |" in text
