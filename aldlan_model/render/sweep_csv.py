"""A sweep's grid as CSV: one line per point, unrounded, in the CSV style of every aldlan file."""

from __future__ import annotations

import csv
import io

import numpy as np

from aldlan_model.analysis.sweep import Grid
from aldlan_model.render.csv import DELIMITERS, number_text


def sweep_csv(grid: Grid, lang: str = "nl") -> str:
    """The grid as CSV, one line per point: the parameter values, the metric, ``marked`` (1/0)
    when the metric has a goal. Unrounded; ``;`` and a decimal comma in Dutch, ``,`` and a point
    in English, as every CSV of aldlan."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=DELIMITERS[lang], lineterminator="\r\n")
    w.writerow([a.path for a in grid.axes] + [grid.metric] + (["marked"] if grid.marked is not None else []))
    mesh = [m.ravel() for m in np.meshgrid(*[a.values for a in grid.axes], indexing="ij")]
    values = grid.values.ravel()
    marked = None if grid.marked is None else grid.marked.ravel()
    kind = "number" if grid.metric == "share" else "money2"
    for i in range(values.size):  # formatting text, one line per point: no computation here
        line = [number_text(float(m[i]), lang) for m in mesh] + [number_text(float(values[i]), lang, kind)]
        w.writerow(line + ([int(marked[i])] if marked is not None else []))
    return buf.getvalue()
