"""``aldlan chart``: valid PNG/SVG/PDF files, Dutch labels and numbers, safe writing."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from aldlan_model.engine.room import run as compute
from aldlan_model.io.loader import load_scenario
from aldlan_model.model.errors import UsageError
from aldlan_model.render.charts.base import chart_format
from aldlan_model.render.charts.draw import figure, render_chart

GOLDEN = Path(__file__).resolve().parent / "golden"
SCENARIO = GOLDEN / "letters-scenario.yaml"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
runner = CliRunner()


def items(*overrides: list[str]):
    out = []
    for sets in overrides:
        s = load_scenario(SCENARIO, sets)
        out.append((s, compute(s)))
    return out


@pytest.fixture(scope="module")
def two():
    # the second design never saves: its tariffs are far above the regular ones plus transport
    return items([], ["name=Duur", "tariffs.buurtkamer.zin=100", "tariffs.buurtkamer.pgb=100"])


def test_png_is_valid_and_sized(two):
    data = render_chart(two, "savings", "nl", "png")
    assert data[:8] == PNG_MAGIC
    assert 10_000 < len(data) < 2_000_000
    width, height = struct.unpack(">II", data[16:24])  # IHDR: 6.3 × 3.55 inches (16 × 9 cm) at 200 dpi
    assert (width, height) == (1260, 710)


def test_svg_is_valid_xml(two):
    data = render_chart(two, "costs", "en", "svg")
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") == "453.6pt" and root.get("height") == "255.6pt"  # 6.3 × 3.55 inches: 16 cm wide


def test_savings_chart_labels_and_dutch_money_axis(two):
    fig = figure(two, "savings", "nl")
    ax = fig.axes[0]
    assert ax.get_title() == "Besparing op de Wmo per jaar" and ax.get_xlabel() == "Jaar"
    assert ax.yaxis.get_major_formatter()(1234567, 0) == "€\u00a01.234.567"
    assert ax.xaxis.get_major_formatter()(2021, 0) == "2021"  # years without a thousands separator
    lines = [ln for ln in ax.get_lines() if ln.get_label() in ("Buurtkamer De Brug | test & <proef>", "Duur")]
    assert len(lines) == 2
    assert lines[0].get_linestyle() != lines[1].get_linestyle()  # not colour alone
    assert lines[0].get_marker() != lines[1].get_marker()
    # target 250,000 against savings below 100,000 a year: drawn as a line, the target year starred
    target = [ln for ln in ax.get_lines() if ln.get_label() == "Doel 2022: €\u00a0250.000"]
    assert len(target) == 1 and list(target[0].get_xdata()) == [2022]


def test_target_off_scale_is_named_in_a_note_not_drawn():
    big = items(["target.amount=3600000"])
    ax = figure(big, "savings", "nl").axes[0]
    # savings 2022: € 91.562 of € 3.600.000 = 2,5% (more than 3× the largest saving: not drawn)
    assert ax.get_title() == "Besparing op de Wmo per jaar"
    [note] = ax.texts
    assert note.get_gid() == "target-off-scale"
    assert note.get_text().replace("\n", " ") == ("Doel 2022: €\u00a03.600.000 per jaar valt ver buiten de schaal; "
                                                  "daarvan gehaald in 2022: 2,5\u00a0%")
    assert not [ln for ln in ax.get_lines() if ln.get_label().startswith("Doel")]
    assert [ln.get_gid() for ln in ax.get_lines()].count("axis-break") == 2  # the break mark on the money axis


def test_an_off_scale_target_is_not_reached_by_extra_costs():
    # a design with extra costs reached nothing of the target: "geen besparing", never "gehaald: -1,2 %"
    scenarios = GOLDEN.parent.parent / "scenarios"
    pairs = []
    for name in ("aldlan-mix.yaml", "volunteers-only.yaml"):
        from aldlan_model.api import load_model, run_model

        model = load_model(scenarios / name)
        pairs.append((model, run_model(model)))
    [note] = figure(pairs, "savings", "nl").axes[0].texts
    text = note.get_text().replace("\n", " ")
    assert "Alleen vrijwilligers geen besparing" in text and "-" not in text.split("gehaald")[1]


def test_target_chart_says_nvt_for_a_design_that_never_saves(two):
    ax = figure(two, "target", "nl").axes[0]
    # savings 2022 per location 91,561.94 / 2 = 45,780.97; ceil(250,000 / 45,780.97) = 6
    assert [t.get_text() for t in ax.texts] == ["6", "n.v.t. (geen besparing)"]
    en = figure(two, "target", "en").axes[0]
    assert [t.get_text() for t in en.texts][1] == "n/a (no savings)"


def test_costs_chart_stacks_groups_in_six_colours_at_most(two):
    ax = figure(two, "costs", "nl").axes[0]
    labels = [t.get_text() for t in ax.texts]
    # the totals of 2022 as the tables show them (Tabel 2 of the golden file): sums of rounded lines
    assert labels[:2] == ["Kosten\n€\u00a0144.610", "Inkomsten\n€\u00a090.833"]
    assert len({p.get_facecolor() for p in ax.patches}) <= 6
    assert {p.get_hatch() for p in ax.patches} <= {None, ""}  # shades, not hatches
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert all(legend) and len(legend) == len(set(legend)) <= 6


def test_chart_format_from_extension():
    assert [chart_format(Path(f"x.{e}")) for e in ("png", "SVG", "pdf")] == ["png", "svg", "pdf"]
    with pytest.raises(UsageError, match=r"kan geen grafiek maken in x.gif: gebruik een bestand dat eindigt op "
                                         r".png, .svg, .pdf"):
        chart_format(Path("x.gif"))


def test_cli_chart_writes_pdf_and_never_overwrites(tmp_path):
    out = tmp_path / "grafiek.pdf"
    r = runner.invoke(app, ["chart", str(SCENARIO), "-o", str(out), "--kind", "target", "--set", "locations=1"])
    assert r.exit_code == 0, r.output
    assert r.stderr == f"✓ geschreven: {out}\n"
    assert out.read_bytes()[:5] == b"%PDF-"
    before = out.read_bytes()
    r = runner.invoke(app, ["chart", str(SCENARIO), "-o", str(out)])
    assert r.exit_code == 2 and r.stderr == f"fout: {out} bestaat al; gebruik --force om het te overschrijven.\n"
    assert out.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["grafiek.pdf"]


def test_cli_chart_errors(tmp_path):
    r = runner.invoke(app, ["chart", str(SCENARIO), "-o", str(tmp_path / "x.gif")])
    assert r.exit_code == 2 and "gebruik een bestand dat eindigt op .png, .svg, .pdf" in r.stderr
    r = runner.invoke(app, ["chart", str(SCENARIO), "-o", str(tmp_path / "x.png"), "--kind", "pie"])
    assert r.exit_code == 2
    assert list(tmp_path.iterdir()) == []


SHIPPED = Path(__file__).resolve().parent.parent / "scenarios"
V2 = Path(__file__).resolve().parent / "fixtures" / "v2"


def test_cli_chart_takes_plans_as_the_docs_show(tmp_path, monkeypatch):
    # docs/output-formats.md: aldlan chart scenarios/*.yaml -o kosten.svg --kind costs (plans among them)
    monkeypatch.chdir(SHIPPED.parent)
    files = sorted(str(p.relative_to(SHIPPED.parent)) for p in SHIPPED.glob("*.yaml"))
    assert "scenarios/leeuwarden-kamers.yaml" in files
    for kind, name in (("costs", "kosten.svg"), ("target", "buurtkamers.pdf")):
        out = tmp_path / name
        r = runner.invoke(app, ["chart", *files, "-o", str(out), "--kind", kind])
        assert r.exit_code == 0, r.output
        assert out.stat().st_size > 1000


def test_a_plan_is_drawn_as_its_totals():
    from aldlan_model.api import load_model, run_model

    plan = load_model(SHIPPED / "leeuwarden-kamers-professionals.yaml")
    result = run_model(plan)
    ax = figure([(plan, result)], "savings", "nl").axes[0]
    line = next(ln for ln in ax.get_lines() if ln.get_label() == "Kamers prof. + vrijw.")  # its label (§2.5)
    from aldlan_model.tables.run import rounded_lines

    assert list(line.get_ydata()) == rounded_lines(result)["savings"]  # the ledger's sum over the nine rooms
    # the target chart: savings 2021 € 804,073 over 9 rooms = € 89,341 a room (v3 scenario: origins,
    # attendance, the € 800,000 stated for 2021); ceil(800,000 / 89,341.4) = ceil(8.95) = 9
    assert round(result.lines["savings"][0][2021 - 2019]) == 804073
    texts = [t.get_text() for t in figure([(plan, result)], "target", "nl").axes[0].texts]
    assert texts == [str(int(result.target["locations_needed"][0]))] == ["9"]


@pytest.mark.parametrize("kind", ["costs", "target"])
def test_many_scenarios_do_not_overlap(kind):
    from aldlan_model.api import load_model, run_model

    models = [load_model(p) for p in sorted(SHIPPED.glob("*.yaml"))]
    fig = figure([(m, run_model(m)) for m in models], kind, "nl")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]

    def apart(artists):
        boxes = [a.get_window_extent(renderer) for a in artists if a.get_text()]
        return not any(b.overlaps(c) for i, b in enumerate(boxes) for c in boxes[i + 1:])

    assert len(ax.get_xticklabels()) == 7 and apart(ax.get_xticklabels())  # seven shipped files, base.yaml included
    assert apart(ax.texts)  # the amounts above the bars, "n.v.t. (geen besparing)"
