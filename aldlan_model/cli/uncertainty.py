"""``aldlan simulate`` and ``aldlan sensitivity``: thin shells over aldlan_model.uncertainty."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from aldlan_model.cli.common import ForceOpt, FormatOpt, Lang, LangOpt, SetOpt, YearOpt, command, handled
from aldlan_model.i18n.messages import h

PROGRESS_AFTER = 1.0  # seconds: shorter runs show no progress bar


class ProgressBar:
    """A rich progress bar on stderr that appears only once a run has taken a second, and
    never when stdout or stderr is not a terminal. Use as ``simulate(..., progress=bar)``."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.start = time.monotonic()
        self.enabled = sys.stdout.isatty() and sys.stderr.isatty()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            if time.monotonic() - self.start < PROGRESS_AFTER or done >= total:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done)

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def keep_freed_memory() -> None:
    """Ask glibc to keep freed memory for reuse instead of returning it to the system after
    every chunk of draws (which costs a page fault per 4 KB on the next chunk): about a
    third off a large run. A process-wide setting, so the CLI makes it, not the library;
    a no-op where the C library is not glibc."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(-1, 256 << 20)  # M_TRIM_THRESHOLD: keep up to 256 MB of freed heap
        libc.mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD: chunk-sized arrays come from the heap
    except (OSError, AttributeError):
        pass


CHART_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def load_uncertain(file: Path, overrides: list[str]) -> Any:
    """A scenario or a plan as :mod:`aldlan_model.uncertainty.rooms` needs it (shared and own inputs)."""
    from aldlan_model.api import validate_model
    from aldlan_model.io.loader import apply_overrides, read_document
    from aldlan_model.uncertainty.rooms import build

    doc = apply_overrides(read_document(file), list(overrides))
    return build(validate_model(doc), doc.data)


def fitted_report(build_report: Any, output: Path | None) -> Any:
    """A report builder for ``emit``: in the terminal (or a .txt file) split to its width, else not split."""
    def report(cols: int) -> Any:
        from aldlan_model.tables.termfit import FIT

        if cols != FIT:
            return build_report(None)
        if output is not None:
            from aldlan_model.render.output import TEXT_WIDTH

            return build_report(TEXT_WIDTH)
        from rich.console import Console

        return build_report(Console().width)

    return report


def _chart_or_emit(output: Path | None, format: str | None, force: bool, draw: Any, report: Any,
                   data: Any) -> None:
    """A chart for -o *.png/.svg/.pdf (unless --format says otherwise), else the report via emit."""
    fmt = CHART_FORMATS.get(output.suffix.lower()) if output is not None and format is None else None
    if fmt is not None:
        from aldlan_model.io.fileio import write_output
        from aldlan_model.render.output import wrote

        write_output(output, draw(fmt), force=force)
        wrote(output)
        return
    from aldlan_model.render.output import emit
    from aldlan_model.tables.termfit import FIT

    emit(report, data, fmt=format, output=output, force=force, year_cols=FIT)


@command(help=h("cmd_simulate"))
def simulate(
    file: Annotated[Path, typer.Argument(help=h("arg_scenario_or_plan"), show_default=False)],
    draws: Annotated[int, typer.Option("--draws", "-n", help=h("opt_sim_draws"))]
    = 10_000,
    seed: Annotated[int, typer.Option("--seed", help=h("opt_sim_seed"))] = 1,
    year: YearOpt = None,
    set_: SetOpt = None,
    format: FormatOpt = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help=h("opt_sim_output"))] = None,
    force: ForceOpt = False,
    lang: LangOpt = Lang.nl,
) -> None:
    """Monte Carlo over every input written as a range: P10/P50/P90 of savings, hard savings,
    cumulative savings, net position, operator result, subsidy and financing need, and the chance
    of reaching the target (also on hard savings) or running a deficit.

    {low, high} is drawn uniform, {low, mode, high} triangular; every other number stays at its
    value. locations, period.start and target.year are rounded to whole numbers. A deficit is a
    result below zero in any operating year up to the report year. A plan (locations as a list of
    rooms): an input shared through the plan file is drawn once per draw for every room, a range
    in a room's own entry for that room alone; the rooms that matter most are listed.

    \b
    Example: aldlan simulate scenarios/aldlan-mix.yaml --draws 100000 --seed 7 -o besparing.png
    """
    from aldlan_model.i18n.labels import t
    from aldlan_model.tables.uncertainty import simulate_dict, simulate_report
    from aldlan_model.uncertainty.simulate import simulate as run_simulate

    with handled():
        model = load_uncertain(file, set_ or [])
        scenario = model.plan or model.scenario
        keep_freed_memory()
        with ProgressBar(t("unc_draws", lang.value)) as bar:
            sim = run_simulate(model, draws, seed, year, progress=bar)
        amount = model.scenario.target.amount.point

        def chart(fmt: str) -> bytes:
            from aldlan_model.render.charts.uncertainty import histogram

            return histogram(sim, amount, lang.value, fmt, scenario=scenario)

        report = fitted_report(lambda width: simulate_report(scenario, sim, lang.value, width=width,
                                                             sources=model.sources), output)
        _chart_or_emit(output, format, force, chart, report, simulate_dict(scenario, sim, lang.value))


@command(help=h("cmd_sensitivity"))
def sensitivity(
    file: Annotated[Path, typer.Argument(help=h("arg_scenario_or_plan"), show_default=False)],
    metric: Annotated[str, typer.Option(
        "--metric", "-m", help=h("opt_sens_metric"))] = "savings",
    year: YearOpt = None,
    set_: SetOpt = None,
    format: FormatOpt = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help=h("opt_sens_output"))] = None,
    force: ForceOpt = False,
    lang: LangOpt = Lang.nl,
) -> None:
    """One at a time, each input written as a range at its low and its high value (the others at
    their point value), ranked by how far the figure swings: a tornado table and chart.

    \b
    Example: aldlan sensitivity scenarios/aldlan-mix.yaml --metric result -o tornado.png
    """
    from aldlan_model.tables.uncertainty import sensitivity_dict, sensitivity_report
    from aldlan_model.uncertainty.sensitivity import check_metric
    from aldlan_model.uncertainty.sensitivity import sensitivity as run_sensitivity

    with handled():
        check_metric(metric.strip())
        model = load_uncertain(file, set_ or [])
        scenario = model.plan or model.scenario
        sens = run_sensitivity(model, year, metric.strip())

        def chart(fmt: str) -> bytes:
            from aldlan_model.render.charts.uncertainty import tornado

            return tornado(sens, lang.value, fmt, scenario=scenario)

        rooms = sum(r.count for r in model.rooms) if model.is_plan else 0
        report = fitted_report(lambda width: sensitivity_report(scenario, sens, lang.value, width=width,
                                                                sources=model.sources, rooms=rooms), output)
        _chart_or_emit(output, format, force, chart, report, sensitivity_dict(scenario, sens, lang.value))
