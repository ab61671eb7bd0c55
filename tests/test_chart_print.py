"""Charts fit for print (issue 21), read back from the matplotlib figures: every value label on the marker
it names, text at 7 pt or more at the size the chart is placed, the target line when the target is in
range and a note when it is not, no legend for one series and none over the data, no € 0 steps in the
waterfall, and series whose greys differ enough to tell apart printed in black and white."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation, Text

from aldlan_model.api import load_model, run_model
from aldlan_model.render.charts.base import MIN_PT, PLACED_IN
from aldlan_model.render.charts.draw import figure
from aldlan_model.render.memo.state import CHART_IN

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
WIJKPLAN = SCENARIOS / "aldlan-wijkplan.yaml"
SINGLE = ("aldlan-mix.yaml", "commercial.yaml", "volunteers-only.yaml")


def item(path: Path, sets: list[str] | None = None):
    model = load_model(path, sets or [])
    return model, run_model(model)


def euros(text: str) -> int:
    """'€ -12.312' → -12312."""
    return int(text.replace("€", "").replace("\u00a0", "").replace(" ", "").replace(".", ""))


def drawn(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


def luminance(colour) -> float:
    r, g, b = to_rgb(colour)
    return 0.299 * r + 0.587 * g + 0.114 * b


def all_figures():
    """Every kind of chart at the size ``aldlan chart`` draws and at the memo's, Dutch and English."""
    many = [item(SCENARIOS / name) for name in SINGLE]
    one = [item(WIJKPLAN)]
    for kind, items in (("savings", many), ("costs", many), ("target", many), ("savings", one),
                        ("mechanisms", one), ("funding", one), ("payers", one)):
        for size in (None, CHART_IN):
            yield f"{kind}-{len(items)}-{size}", figure(items, kind, "nl", size=size)


@pytest.fixture(scope="module")
def figures():
    return dict(all_figures())


def test_funding_labels_sit_on_the_marker_they_name():
    fig = figure([item(WIJKPLAN)], "funding", "nl")
    ax = fig.axes[0]
    costs = {round(float(ln.get_xdata().mean())): float(ln.get_ydata()[0])
             for ln in ax.get_lines() if (ln.get_gid() or "").startswith("cost-")}
    stacks: dict[int, float] = {}
    for p in ax.patches:
        x = round(p.get_x() + p.get_width() / 2)
        stacks[x] = max(stacks.get(x, 0.0), p.get_y() + p.get_height())
    labels = [a for a in ax.texts if isinstance(a, Annotation)]
    assert {a.get_gid() for a in labels} <= {"funding-cost", "funding-funded", "funding-both"}
    for a in labels:
        x, y = a.xy
        assert euros(a.get_text()) == round(y)  # the label names the value it sits at
        if a.get_gid() in ("funding-cost", "funding-both"):
            assert y == pytest.approx(costs[round(x)])  # on the cost line
        else:
            assert y == pytest.approx(stacks[round(x)])  # on top of the stack
    # the room: funded € 672.522 sits on its stack, the cost on the line above it
    room = {a.get_gid(): euros(a.get_text()) for a in labels if round(a.xy[0]) == 0}
    assert room["funding-cost"] == round(costs[0]) and room["funding-funded"] == round(stacks[0])
    assert room["funding-funded"] < room["funding-cost"]


def test_waterfall_labels_on_their_bars_and_no_zero_steps():
    for path in (WIJKPLAN, SCENARIOS / "aldlan-mix.yaml"):
        ax = figure([item(path)], "mechanisms", "nl").axes[0]
        bars = [p for p in ax.patches if isinstance(p, Rectangle)]
        assert bars and all(p.get_height() != 0 for p in bars)  # no € 0 bar
        tops = {round(p.get_x() + p.get_width() / 2): max(p.get_y(), p.get_y() + p.get_height()) for p in bars}
        labels = [a for a in ax.texts if isinstance(a, Annotation)]
        assert len(labels) == len(tops)
        for a in labels:
            assert a.xy[1] == pytest.approx(tops[round(a.xy[0])])


def test_smallest_text_is_seven_points_where_the_chart_is_placed(figures):
    for name, fig in figures.items():
        scale = min(1.0, PLACED_IN / fig.get_figwidth())  # a wider chart is shrunk to the page's text width
        drawn(fig)
        sizes = [t.get_fontsize() * scale for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
        assert sizes and min(sizes) >= MIN_PT - 1e-9, name


def test_charts_are_drawn_at_the_width_they_are_placed(figures):
    assert abs(PLACED_IN - 16 / 2.54) < 0.01
    assert all(fig.get_figwidth() == pytest.approx(PLACED_IN, abs=0.01) for fig in figures.values())


def test_legends_never_cover_the_data_and_never_for_one_series(figures):
    for name, fig in figures.items():
        renderer = drawn(fig)
        ax = fig.axes[0]
        legend = ax.get_legend()
        if legend is None:
            continue
        assert len(legend.get_texts()) >= 2, name
        box, axes = legend.get_window_extent(renderer), ax.get_window_extent(renderer)
        assert not box.overlaps(axes), name


def test_one_scenario_without_target_line_has_no_legend():
    ax = figure([item(WIJKPLAN)], "savings", "nl").axes[0]  # target € 3.600.000, far off the scale
    assert ax.get_legend() is None


def test_target_line_in_range_and_a_note_when_far_off():
    near = figure([item(WIJKPLAN, ["target.amount=2000"])], "savings", "nl").axes[0]
    lines = [ln for ln in near.get_lines() if ln.get_gid() == "target-line"]
    assert len(lines) == 1 and list(lines[0].get_ydata()) == [2000, 2000]  # an axhline at the target
    assert not [t for t in near.texts if t.get_gid() == "target-off-scale"]
    far = figure([item(WIJKPLAN)], "savings", "nl").axes[0]
    assert not [ln for ln in far.get_lines() if ln.get_gid() == "target-line"]
    [note] = [t for t in far.texts if t.get_gid() == "target-off-scale"]
    assert "€\u00a03.600.000 per jaar valt ver buiten de schaal" in note.get_text().replace("\n", " ")
    assert far.get_ylim()[1] < 10 * 3_600_000 / 1000  # the lines keep their own scale
    en = figure([item(WIJKPLAN)], "savings", "en").axes[0]
    assert "lies far off the scale" in en.texts[0].get_text().replace("\n", " ")


@pytest.mark.parametrize("kind", ["funding", "mechanisms"])
def test_series_differ_in_grey(kind):
    """Each pair of legend items differs by 15 % in luminance or by its hatch."""
    ax = figure([item(WIJKPLAN)], kind, "nl").axes[0]
    handles = [h for h in ax.get_legend().legend_handles if not isinstance(h, Line2D)]
    assert len(handles) >= 2
    for a, b in itertools.combinations(handles, 2):
        apart = abs(luminance(a.get_facecolor()) - luminance(b.get_facecolor()))
        assert apart >= 0.15 or (a.get_hatch() or "") != (b.get_hatch() or ""), (a.get_label(), b.get_label())


def test_funding_budgets_read_apart_in_a_greyscale_png(tmp_path):
    """Printed in black and white: the PNG in grey, each budget's bar sampled at its middle."""
    import io

    from PIL import Image

    from aldlan_model.render.charts.base import save

    fig = figure([item(WIJKPLAN)], "funding", "nl")
    renderer = drawn(fig)
    ax = fig.axes[0]
    grey = Image.open(io.BytesIO(save(fig, "png"))).convert("L")
    height = grey.size[1]
    shades = {}
    for p in ax.patches:
        colour = to_rgb(p.get_facecolor())
        if p.get_height() <= 0 or colour in shades:
            continue
        box = p.get_window_extent(renderer)
        # the bar's middle, in the image's rows from the top; the median grey over the spot (the dots included)
        spot = grey.crop((int(box.x0 + box.width * 0.3), int(height - box.y1 + box.height * 0.3),
                          int(box.x1 - box.width * 0.3), int(height - box.y0 - box.height * 0.3)))
        counts = list(itertools.accumulate(spot.histogram()))
        shades[colour] = next(i for i, c in enumerate(counts) if c >= counts[-1] / 2) / 255
    assert len(shades) >= 2
    for a, b in itertools.combinations(shades.values(), 2):
        assert abs(a - b) >= 0.15


def test_waterfall_steps_carry_the_tables_sign_and_plain_legend():
    # aldlan-mix 2021 (docs/method.md): tariff difference 12,312 and transport 5,153 save, new clients cost 15,330;
    # the labels read as Tabel 3 of the memo (a saving positive), the legend says saving / extra spending
    ax = figure([item(SCENARIOS / "aldlan-mix.yaml")], "mechanisms", "nl").axes[0]
    labels = [a.get_text().replace("\u00a0", " ") for a in ax.texts if isinstance(a, Annotation)]
    assert labels == ["€ 98.684", "€ 12.312", "€ 5.153", "€ -15.330", "€ 96.549"]
    legend = [x.get_text() for x in ax.get_legend().get_texts()]
    assert legend == ["besparing", "extra uitgaven"]
