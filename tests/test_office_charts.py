"""Charts read back as SVG (issue 13): the target line where the target is in range and the share in
the title where it is not, units on the axes, a source line with a relative file name, at most six
colours in the costs chart, the documents' font, Dutch input labels in the tornado."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aldlan_model import __version__
from aldlan_model.cli.app import app
from aldlan_model.engine.room import run as compute
from aldlan_model.io.loader import load_scenario
from aldlan_model.render.charts.draw import figure, render_chart
from aldlan_model.render.fonts import chart_families

ROOT = Path(__file__).resolve().parent.parent
REL = "tests/golden/letters-scenario.yaml"
SVG = "{http://www.w3.org/2000/svg}"
runner = CliRunner()


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # file names in the source line are relative to the working folder


def items(*overrides: list[str], file: str = REL):
    out = []
    for sets in overrides:
        s = load_scenario(file, sets)
        out.append((s, compute(s)))
    return out


def texts(svg: bytes) -> list[str]:
    """Every line of text in the SVG (matplotlib writes one <text> per line, text as text)."""
    root = ET.fromstring(svg)
    return ["".join(el.itertext()) for el in root.iter(f"{SVG}text")]


def test_target_in_range_is_drawn_with_its_label():
    # target € 250.000 against savings of about € 91.562 a year: within a factor of 3, drawn
    svg = render_chart(items([]), "savings", "nl", "svg")
    assert "Doel 2022: €\u00a0250.000" in texts(svg)
    assert b'id="target-line' in svg
    assert not any("daarvan gehaald" in x for x in texts(svg))


def test_target_out_of_range_is_a_note_with_the_share():
    svg = render_chart(items(["target.amount=3600000"]), "savings", "nl", "svg")
    lines = texts(svg)
    assert "Doel 2022: €\u00a03.600.000" not in lines and b'id="target-line' not in svg
    assert b'id="target-off-scale' in svg
    assert "daarvan gehaald in 2022: 2,5\u00a0%" in " ".join(lines)


def test_units_on_every_axis():
    two = items([], ["name=Duur", "tariffs.buurtkamer.zin=100", "tariffs.buurtkamer.pgb=100"])
    assert figure(two, "savings", "nl").axes[0].get_ylabel() == "Besparing per jaar (€)"
    assert figure(two, "savings", "en").axes[0].get_ylabel() == "Savings per year (€)"
    assert figure(two, "costs", "nl").axes[0].get_ylabel() == "Bedrag in het doeljaar (€)"
    assert figure(two, "target", "nl").axes[0].get_ylabel() == "Aantal buurtkamers"
    assert "(€" in figure(two[:1], "mechanisms", "nl").axes[0].get_ylabel()
    assert "(€)" in figure(two[:1], "funding", "nl").axes[0].get_ylabel()


@pytest.mark.parametrize("lang, word", [("nl", "Bron"), ("en", "Source")])
def test_source_line_names_the_file_relative_never_absolute(lang, word):
    svg = render_chart(items([], file=str(ROOT / REL)), "savings", lang, "svg")
    assert f"{word}: aldlan-model {__version__}, scenario {REL}" in texts(svg)
    assert str(ROOT).encode() not in svg


def test_source_line_of_a_file_elsewhere_is_its_name(tmp_path):
    other = tmp_path / "elders.yaml"
    other.write_text((ROOT / REL).read_text(encoding="utf-8"), encoding="utf-8")
    svg = render_chart(items([], file=str(other)), "target", "nl", "svg")
    assert f"Bron: aldlan-model {__version__}, scenario elders.yaml" in texts(svg)
    assert str(tmp_path).encode() not in svg


def test_costs_chart_has_six_colours_at_most_and_no_empty_legend_items():
    models = [load_scenario(p) for p in (ROOT / "scenarios").glob("*.yaml") if "kamers" not in p.name]
    svg = render_chart([(m, compute(m)) for m in models], "costs", "nl", "svg")
    root = ET.fromstring(svg)
    fills = set()
    for group in root.iter(f"{SVG}g"):
        if (group.get("id") or "").startswith("patch_"):
            for path in group.iter(f"{SVG}path"):
                m = re.search(r"fill:\s*(#[0-9a-fA-F]{6})", path.get("style") or "")
                if m and m.group(1).lower() != "#ffffff":
                    fills.add(m.group(1).lower())
    assert 3 <= len(fills) <= 6
    assert "hatch" not in svg.decode()
    legend = figure([(m, compute(m)) for m in models], "costs", "nl").axes[0].get_legend()
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels and all(labels) and len(labels) == len(set(labels)) <= 6


def test_png_at_200_dpi_and_the_documents_font():
    png = render_chart(items([]), "target", "nl", "png")
    m = re.search(rb"pHYs(....)(....)\x01", png)
    assert m and int.from_bytes(m.group(1), "big") == round(200 / 0.0254)  # pixels per metre
    svg = render_chart(items([]), "target", "nl", "svg").decode()
    assert f"font-family: '{chart_families()[0]}'" in svg
    assert chart_families()[-1] == "DejaVu Sans"  # always there: matplotlib ships it


def test_tornado_labels_inputs_in_dutch(tmp_path):
    out = tmp_path / "tornado.svg"
    r = runner.invoke(app, ["sensitivity", "scenarios/aldlan-mix.yaml", "-o", str(out)])
    assert r.exit_code == 0, r.output
    lines = texts(out.read_bytes())
    assert any(x.startswith("Deelnemers met Wmo-indicatie (ZIN)") for x in lines)
    assert not any(re.fullmatch(r"[a-z_]+(\.[a-z_0-9]+)+", x) for x in lines)  # no key path
    assert any(x.startswith("Besparing (€)") for x in lines)
    assert f"Bron: aldlan-model {__version__}, scenario scenarios/aldlan-mix.yaml" in lines
