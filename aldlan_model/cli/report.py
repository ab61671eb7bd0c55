"""``aldlan report``: one memo (Word or HTML) of one or more scenarios, for a board's letter."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from aldlan_model.cli.common import ForceOpt, Lang, LangOpt, TargetYearOpt, command, handled, year_override
from aldlan_model.i18n.messages import h, msg

MEMO_FORMATS = {".docx": "docx", ".html": "html", ".htm": "html"}


def memo_format(output: Path) -> str:
    from aldlan_model.model.errors import UsageError

    ext = output.suffix.lower()
    if ext == ".pdf":
        raise UsageError(msg("memo_no_pdf", path=output))
    if ext not in MEMO_FORMATS:
        raise UsageError(msg("memo_ext", path=output))
    return MEMO_FORMATS[ext]


def _check_plan_size(file: str, rooms: int) -> None:
    """The memo draws DRAWS times: refuse a plan too large for that before minutes of work."""
    from aldlan_model.i18n.messages import grouped
    from aldlan_model.model.errors import UsageError, one_line
    from aldlan_model.render.memo.content import DRAWS
    from aldlan_model.uncertainty.simulate import max_draws

    if rooms > 1 and max_draws(rooms) < DRAWS:
        most = max(n for n in range(1, 10_001) if max_draws(n) >= DRAWS)
        raise UsageError(msg("memo_plan_too_big", file=one_line(str(file)), rooms=grouped(rooms),
                             draws=grouped(DRAWS), max_rooms=grouped(most)))


def memo_date(text: str) -> Any:
    """``--date YYYY-MM-DD`` as a date (None when not given: today, or ``$ALDLAN_TODAY``)."""
    import datetime as _dt

    from aldlan_model.model.errors import UsageError

    if not text.strip():
        return None
    try:
        return _dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(msg("memo_date_bad", got=repr(text))) from None


@command(help=h("cmd_report"))
def report(
    items: Annotated[list[str], typer.Argument(
        metavar="FILE [PATH=VALUE]...", show_default=False,
        help=h("arg_report_items"))],
    output: Annotated[Path, typer.Option("--output", "-o", show_default=False,
                                         help=h("opt_report_output"))],
    set_: Annotated[list[str] | None, typer.Option(
        "--set", "-s", metavar="PATH=VALUE", help=h("opt_report_set"))] = None,
    to: Annotated[str, typer.Option("--to", metavar="TEXT", help=h("opt_report_to"))] = "",
    sender: Annotated[str, typer.Option("--from", metavar="TEXT", help=h("opt_report_from"))] = "",
    date: Annotated[str, typer.Option("--date", metavar="YYYY-MM-DD", help=h("opt_report_date"))] = "",
    reference: Annotated[str, typer.Option("--reference", metavar="TEXT", help=h("opt_report_reference"))] = "",
    subject: Annotated[str, typer.Option("--subject", metavar="TEXT", help=h("opt_report_subject"))] = "",
    force: ForceOpt = False,
    lang: LangOpt = Lang.nl,
    year: TargetYearOpt = None,
) -> None:
    """Write a memo as a council annex: the bijlage block (Aan, Van, Datum, Kenmerk, Onderwerp), the
    message on the first page, the starting points, costs and income, where the saving comes from,
    who pays, financing, uncertainty (20,000 draws, seed 1); the inputs and the method as appendices.

    \b
    Example: aldlan report scenarios/aldlan-mix.yaml -o notitie.docx
    Example: aldlan report scenarios/aldlan-mix.yaml scenarios/commercial.yaml -o notitie.html --lang en
    """
    from aldlan_model.analysis.compare import compare as run_compare
    from aldlan_model.analysis.overrides import parse_variants
    from aldlan_model.io.fileio import exists, write_output
    from aldlan_model.io.loader import apply_overrides, read_document
    from aldlan_model.render.memo.content import MemoHeader, build_memo
    from aldlan_model.render.memo.document import MemoItem
    from aldlan_model.render.memo.write import render_memo
    from aldlan_model.render.output import wrote
    from aldlan_model.uncertainty.rooms import build

    with handled():
        fmt = memo_format(output)
        if exists(output) and not force:  # a name too long or an existing file: fail before the work
            write_output(output, b"", force=False)
        global_overrides = [*(set_ or []), *year_override(year)]
        comparison = run_compare(parse_variants(items), global_overrides)
        memo_items = []
        for c in comparison.columns:
            doc = apply_overrides(read_document(c.variant.file), [*global_overrides, *c.variant.overrides])
            uncertain = build(c.scenario, doc.data)
            _check_plan_size(c.variant.file, len(uncertain.rooms))
            memo_items.append(MemoItem(c.label, c.variant.file, c.scenario, c.result, uncertain,
                                       [*global_overrides, *c.variant.overrides]))
        header = MemoHeader(to=to, sender=sender, date=memo_date(date), reference=reference, subject=subject)
        memo = build_memo(memo_items, lang.value, header=header)
        written = write_output(output, render_memo(memo, fmt), force=force)
        wrote(written)
