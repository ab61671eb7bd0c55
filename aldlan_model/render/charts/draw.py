"""The charts of letters by kind, as a matplotlib ``Figure`` or as PNG, SVG or PDF bytes.

Kinds: ``savings``, ``costs`` and ``target`` (:mod:`.results`, scenarios side by side);
``mechanisms``, ``funding`` and ``payers`` (:mod:`.flows`, one scenario or plan each). The frame, the font,
the source line and the file formats come from :mod:`.base`; matplotlib is imported lazily.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from aldlan_model.i18n.messages import msg
from aldlan_model.model.errors import UsageError
from aldlan_model.render.charts.base import Item, add_source, chart_context, check_format, new_figure, save, source_text
from aldlan_model.render.charts.flows import funding_chart, mechanisms_chart, payers_chart
from aldlan_model.render.charts.results import costs_chart, savings_chart, target_chart
from aldlan_model.render.safetext import quiet_glyphs

KINDS = ("savings", "costs", "target", "mechanisms", "funding", "payers")
DRAW: dict[str, Callable[[Any, Sequence[Item], str], None]] = {
    "savings": savings_chart, "costs": costs_chart, "target": target_chart,
    "mechanisms": mechanisms_chart, "funding": funding_chart, "payers": payers_chart}


def figure(items: Sequence[Item], kind: str = "savings", lang: str = "nl", *, source: bool = True,
           size: tuple[float, float] | None = None) -> Any:
    """The chart as a matplotlib ``Figure`` (no pyplot, no global state); ``source``: with the source
    line under it (a memo's caption and colophon say it instead); ``size`` in inches: the size the
    chart is placed at, so its 7 pt text prints at 7 pt."""
    if kind not in DRAW:
        raise UsageError(msg("chart_bad_kind", kind=repr(kind), choices=", ".join(KINDS)))
    if not items:
        raise UsageError(msg("chart_no_files"))
    with chart_context():
        fig = new_figure(size) if size else new_figure()
        ax = fig.add_subplot()
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        DRAW[kind](ax, items, lang)
        if source:
            add_source(fig, source_text([m for m, _ in items], lang))
    return fig


def render_chart(items: Sequence[Item], kind: str = "savings", lang: str = "nl", fmt: str = "png", *,
                 source: bool = True, size: tuple[float, float] | None = None) -> bytes:
    """The chart as the bytes of a PNG, SVG or PDF file."""
    check_format(fmt)
    with quiet_glyphs():
        fig = figure(items, kind, lang, source=source, size=size)
    return save(fig, fmt)
