"""What every chart shares (matplotlib, Agg backend, imported lazily): the figure, the Word
documents' font, the source line under the chart, money on an axis, and PNG (200 dpi), SVG or
PDF bytes. Labels and numbers follow the language (numfmt, Babel); issue 13: every axis with its
unit, a source line under each chart, the Word documents' font, PNG at 200 dpi. The kinds of chart
are drawn in :mod:`.results`, :mod:`.flows` and :mod:`.uncertainty`, picked in :mod:`.draw`.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import Any

from aldlan_model import __version__
from aldlan_model.engine.lines import Result
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.messages import msg
from aldlan_model.i18n.numfmt import money
from aldlan_model.io.loader import overrides_of, source_file
from aldlan_model.io.models import Model
from aldlan_model.model.errors import UsageError
from aldlan_model.render.fonts import chart_rc, quiet_config
from aldlan_model.render.safetext import mpl_text, quiet_glyphs

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
PLACED_IN = 6.3  # inches: the text width of an A4 page (16 cm), the width a chart is placed at in a document
SIZE_IN, DPI = (PLACED_IN, 3.55), 200  # 16 × 9 cm, PNG 1260 × 710 pixels: drawn at the size it is placed
MIN_PT = 7.0  # the smallest text in a chart, in points at the size it is placed (value labels, source line)
_METADATA = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}

Item = tuple[Model, Result]  # a scenario or a plan (whose result is the total over its rooms)


def chart_format(path: Any) -> str:
    """``png``/``svg``/``pdf`` from the output file's extension."""
    from pathlib import Path

    ext = Path(path).suffix.lower()
    if ext not in FORMATS:
        raise UsageError(msg("chart_bad_file", path=path, formats=", ".join(FORMATS)))
    return FORMATS[ext]


def money_axis(axis: Any, lang: str) -> None:
    """Euros on ``axis`` (``ax.xaxis`` or ``ax.yaxis``), in the language's format."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    if axis.axis_name == "x":  # amounts side by side: few enough that they never touch
        axis.set_major_locator(MaxNLocator(nbins=5))
    axis.set_major_formatter(FuncFormatter(lambda x, _pos: money(x, lang)))


def source_text(models: Sequence[Any], lang: str) -> str:
    """"Bron: aldlan-model 0.2.0, scenario aldlan-mix.yaml": the files as the command named them, relative
    to the working folder (a file outside it by its name alone), never an absolute path."""
    files = list(dict.fromkeys(shown_file(source_file(m)) for m in models if source_file(m)))
    changed = list(dict.fromkeys(o for m in models for o in overrides_of(m)))
    if not files:
        text = t("chart_source", lang, version=__version__, files="").rstrip(", ")
    else:
        which = (t("chart_source_one", lang, file=files[0]) if len(files) == 1
                 else t("chart_source_many", lang, files=", ".join(files)))
        text = t("chart_source", lang, version=__version__, files=which)
    if changed:
        text += "; --set " + ", ".join(changed)
    return mpl_text(text)


def shown_file(file: Any) -> str:
    """A file relative to the working folder; outside it, its name alone."""
    import os
    from pathlib import Path

    try:
        rel = os.path.relpath(str(file))
    except ValueError:  # another drive
        return Path(str(file)).name
    return Path(str(file)).name if rel.startswith("..") or os.path.isabs(rel) else rel


def add_source(fig: Any, text: str) -> None:
    """The source line under the chart, at the left (kept clear of the axes by the layout), wrapped
    to the figure's width."""
    per_line = max(40, int(fig.get_figwidth() * 72 / (7 * 0.48)))  # 7-point characters across the figure
    fig.supxlabel(textwrap.fill(text, per_line, break_on_hyphens=False), x=0.01, ha="left", fontsize=MIN_PT,
                  color="#333333", multialignment="left")


def wrap_name(text: str, width: int) -> str:
    """A name under its bar on lines of ``width`` characters; a longer word is split with a hyphen, so
    no name runs into its neighbour's."""
    words = []
    for word in text.split():
        while len(word) > width:
            cut = min(width - 1, len(word) - 4)  # never a stub of a few letters on the next line
            words.append(word[:cut] + "-")
            word = word[cut:]
        words.append(word)
    lines: list[str] = []
    for word in words:
        if lines and not lines[-1].endswith("-") and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines) or "–"


def legend_outside(ax: Any, handles: Sequence[Any] | None = None, width: int = 22) -> None:
    """The legend to the right of the axes, never over the data (the layout makes room for it); labels
    wrapped to ``width`` characters. Nothing for fewer than two items: one series needs no legend."""
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    else:
        labels = [h.get_label() for h in handles]
    if len(handles) < 2:
        return
    labels = ["\n".join(textwrap.wrap(x, width, break_long_words=False)) or x for x in labels]
    ax.legend(handles, labels, fontsize=MIN_PT, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0,
              frameon=False)


def value_label(ax: Any, text: str, x: float, y: float, *, below: bool = False, gid: str | None = None) -> Any:
    """A value label on the marker it names: at ``(x, y)`` in data units, just above it (``below``: just
    under it, inside the bar), on a white ground so it reads over a bar or a line."""
    return ax.annotate(text, (x, y), xytext=(0, -3 if below else 3), textcoords="offset points", ha="center",
                       va="top" if below else "bottom", fontsize=MIN_PT, gid=gid,
                       bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})


def new_figure(size: tuple[float, float] = SIZE_IN) -> Any:
    """A matplotlib ``Figure`` (Agg, no pyplot, no global state); call inside ``chart_context()``."""
    quiet_config()
    import matplotlib

    matplotlib.use("Agg")  # no display needed; before anything touches pyplot
    from matplotlib.figure import Figure

    return Figure(figsize=size, dpi=DPI, layout="constrained")


def chart_context() -> Any:
    """The documents' font and text settings for one figure, restored afterwards."""
    quiet_config()
    import matplotlib

    return matplotlib.rc_context(chart_rc())


def check_format(fmt: str) -> None:
    """Refuse a file format other than ``png``, ``svg`` or ``pdf``."""
    if fmt not in _METADATA:
        raise UsageError(msg("chart_bad_format", fmt=repr(fmt), choices=", ".join(_METADATA)))


def save(fig: Any, fmt: str) -> bytes:
    """A figure as PNG (200 dpi), SVG (text as text) or PDF (fonts embedded) bytes."""
    check_format(fmt)
    buf = io.BytesIO()
    with quiet_glyphs(), chart_context():
        fig.savefig(buf, format=fmt, dpi=DPI, metadata=_METADATA[fmt])
    return buf.getvalue()
