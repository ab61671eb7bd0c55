"""The report of ``aldlan sweep``: the grid as a table, the cells that reach the goal marked ✓.

One parameter: a row per value. Two parameters: rows are the first, columns the second,
split into tables of ``COLUMNS`` columns (documents: six), or for the terminal into as many as
its width shows whole (:mod:`aldlan_model.tables.termfit`).
"""

from __future__ import annotations

import datetime as _dt

import numpy as np

from aldlan_model.analysis.sweep import TABLE_COLUMNS, Grid
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.labels_inputs import input_label
from aldlan_model.i18n.numfmt import number, round_euros
from aldlan_model.ledger.report import Report, Row, Table
from aldlan_model.tables.run import chunks, source_line, table_source
from aldlan_model.tables.solve import metric_label, metric_text, param_text
from aldlan_model.tables.sources import source_notes
from aldlan_model.tables.termfit import FIT, fit_parts, take
from aldlan_model.tables.values import decimals_needed

COLUMNS = 4  # grid columns per table when no width is known: "€ -3.600.000 ✓" is 14 wide, 4 and the labels fit 80


def _labels(path: str, values: np.ndarray, lang: str) -> list[str]:
    d = decimals_needed(values)
    return [param_text(path, v, lang, decimals=d) for v in values]


def _cells(grid: Grid, values: np.ndarray) -> list:
    if grid.metric == "share":
        return [float(v) for v in values]
    return round_euros(values)


def _parts(tb: Table, lang: str, columns: int, width: int | None) -> list[range]:
    if columns == FIT or width is not None:
        return fit_parts(tb, lang, 80 if width is None else width, TABLE_COLUMNS)
    return chunks(len(tb.columns), columns)


def sweep_report(grid: Grid, lang: str = "nl", today: _dt.date | None = None, *, columns: int = COLUMNS,
                 width: int | None = None) -> Report:
    """The grid as tables of ``columns`` columns, or (``width``, or ``columns=FIT``: 80) as many as a
    terminal that wide shows whole. A table that holds part of the columns names their values."""
    year = str(grid.shown_year) if grid.shown_year is not None else t("sweep_target_year", lang)
    metric = metric_label(grid.metric, lang)
    kind = "percent" if grid.metric == "share" else "money"
    rows_axis = grid.axes[0]
    row_labels = _labels(rows_axis.path, rows_axis.values, lang)
    values = grid.values if grid.values.ndim == 2 else grid.values[:, None]
    marked = None if grid.marked is None else (grid.marked if grid.marked.ndim == 2 else grid.marked[:, None])
    if len(grid.axes) == 2:
        col_axis = grid.axes[1]
        col_labels = _labels(col_axis.path, col_axis.values, lang)
    else:
        col_labels = [metric]
    full = Table(
        "sweep", "", col_labels,
        [Row(label, _cells(grid, values[i]), raw=[float(v) for v in values[i]]) for i, label in enumerate(row_labels)],
        kinds=[kind] * len(col_labels), label_header=input_label(rows_axis.path, lang, grid.scenario),
        marks=set() if marked is None else {(int(i), int(j)) for i, j in zip(*np.nonzero(marked), strict=True)},
    )
    parts = _parts(full, lang, columns, width)
    tables = []
    rows_name = input_label(rows_axis.path, lang, grid.scenario)
    for n, part in enumerate(parts, start=1):
        if len(grid.axes) == 1:
            title = t("sweep_table_1d", lang, metric=metric, year=year, rows=rows_name)
        else:
            cols_name = input_label(col_axis.path, lang, grid.scenario)
            shown = cols_name
            if len(parts) > 1:  # name the values this part holds, as its column headers show them
                first, last = col_labels[part.start], col_labels[part.stop - 1]
                shown = t("sweep_columns_part", lang, path=cols_name, first=first, last=last) \
                    if part.stop - part.start > 1 else f"{cols_name} {first}"
            title = t("sweep_table_2d", lang, metric=metric, year=year, rows=rows_name, columns=shown)
        tables.append(take(full, part, title=t("caption", lang, n=n, title=title)))
    subtitle = [] if grid.marked is None else [t(f"sweep_mark_{grid.metric}", lang)]
    if grid.fixed:
        subtitle.append(t("sweep_fixed", lang, overrides=", ".join(grid.fixed)))
    flat = grid.values.ravel()
    head = [
        (t("sweep_points", lang), number(flat.size, lang)),
        (t("sweep_lowest", lang), metric_text(grid.metric, float(flat.min()), lang)),
        (t("sweep_highest", lang), metric_text(grid.metric, float(flat.max()), lang)),
    ]
    if grid.marked is not None:
        head.append((t("sweep_marked", lang), t("sweep_marked_count", lang, count=number(int(grid.marked.sum()), lang),
                                                  total=number(flat.size, lang))))
    return Report(
        title=t("sweep_title", lang, name=grid.scenario.name),
        subtitle=" ".join(subtitle),
        headline=head,
        tables=tables,
        warnings=cell_warnings(grid, lang),
        sources=source_notes(grid.scenario, lang).lines(lang),  # labels, never key paths
        source_line=source_line(grid.scenario, lang, today),
        table_source=table_source([grid.scenario.name], lang, today),
        lang=lang,
    )


def cell_warnings(grid: Grid, lang: str) -> list[str]:
    """Each warning that applies in some cell: in how many, and its message at the first such cell."""
    if not grid.warned:
        return []
    from aldlan_model.engine.warnings import warnings_for
    from aldlan_model.tables.warnings import warning_texts

    total = grid.values.size
    out = []
    for code, cells in grid.warned.items():
        flat = cells.ravel()
        first = int(np.argmax(flat))
        where = np.unravel_index(first, cells.shape)
        at = ", ".join(f"{input_label(a.path, lang, grid.scenario)} = "
                       f"{param_text(a.path, float(a.values[i]), lang, decimals_needed(a.values))}"
                       for a, i in zip(grid.axes, where, strict=True))
        message = code
        if grid.result is not None:
            found = [w for w in warnings_for(grid.result, grid.scenario, first) if w.code == code]
            if found:
                message = warning_texts(found[:1], grid.result, lang, variant=first)[0]
        out.append(t("sweep_warning", lang, count=number(int(flat.sum()), lang), total=number(total, lang),
                     at=at, message=message))
    return out
