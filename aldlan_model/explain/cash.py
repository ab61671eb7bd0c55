"""Cash and who pays (MODEL.md §2.10, §3.5, §3.8, v3), per location and year: the tariffs not yet
received, the start-up paid, the cash flow and its running sum; each payer's position.

:data:`FIGURES` maps each figure to the function that adds its steps.
"""

from __future__ import annotations

from collections.abc import Callable

from aldlan_model.explain.context import Context, running_sum, sum_step


def receivable(ctx: Context, name: str) -> None:
    """Tariffs delivered but not yet paid at the year's end: (income_zin + income_pgb) × payment_days / 365."""
    days = ctx.p("income.payment_days")
    L = ctx.L
    if ctx.d["k"] < 1:
        ctx.add(ctx.name(name), ctx.lab("ex_not_open_zero"), ctx.m(0.0), L[name])
        return
    ctx.add(ctx.name(name), f"({ctx.name('income_zin')} + {ctx.name('income_pgb')}) × income.payment_days / 365",
            f"({ctx.m(L['income_zin'])} + {ctx.m(L['income_pgb'])}) × {ctx.n(days)} / 365", L[name])


def startup_paid(ctx: Context, name: str) -> None:
    """The start-up amount goes out in cash in operating year 1 (MODEL.md §2.10)."""
    k = int(ctx.d["k"])
    amount = ctx.p("costs.startup.amount")
    ctx.add(ctx.name(name), ctx.lab("ex_startup_paid_sym", k=k),
            ctx.mi(amount) if k == 1 else ctx.m(0.0), ctx.L[name])


def _receivable_before(ctx: Context) -> float:
    return float(ctx.r.per_location["receivable"][0, ctx.j - 1]) if ctx.j > 0 else 0.0


def cash(ctx: Context, name: str) -> None:
    """cash = organisation_result + depreciation − startup_paid − (receivable − receivable of the year before)."""
    receivable(ctx, "receivable")
    startup_paid(ctx, "startup_paid")
    L = ctx.L
    before = _receivable_before(ctx)
    ctx.add(ctx.name(name),
            f"{ctx.name('organisation_result')} + {ctx.name('depreciation')} − {ctx.name('startup_paid')} − "
            f"({ctx.name('receivable')} − {ctx.lab('ex_receivable_before', year=ctx.year - 1)})",
            f"{ctx.m(L['organisation_result'])} + {ctx.m(L['depreciation'])} − {ctx.m(L['startup_paid'])} − "
            f"({ctx.m(L['receivable'])} − {ctx.m(before)})", L[name])


def cumulative_cash(ctx: Context, name: str) -> None:
    running_sum(ctx, name, "cash")


def _payers_negated(ctx: Context, name: str, parts: list[str]) -> None:
    """A payer who pays the lines ``parts``: its position is minus their sum."""
    ctx.add(ctx.name(name), f"−({' + '.join(ctx.name(x) for x in parts)})",
            f"−({' + '.join(ctx.m(ctx.L[x]) for x in parts)})", ctx.L[name])


def payers(ctx: Context, name: str) -> None:
    """Who pays, who saves (MODEL.md §3.8): each payer against the situation without the room."""
    L = ctx.L
    if name == "payers_wmo":
        ctx.add(ctx.name(name), ctx.name("savings"), ctx.m(L["savings"]), L[name])
    elif name == "payers_municipal":
        _payers_negated(ctx, name, ["projects_municipal", "income_other_municipal"])
    elif name == "payers_participants":
        _payers_negated(ctx, name, ["income_contribution"])
    elif name == "payers_external":
        _payers_negated(ctx, name, ["projects_external", "income_other_external"])
    elif name == "payers_organisation":
        ctx.add(ctx.name(name), ctx.name("organisation_result"), ctx.m(L["organisation_result"]), L[name])
    else:
        parts = ["payers_wmo", "payers_municipal", "payers_participants", "payers_external", "payers_organisation"]
        for part in parts:
            payers(ctx, part)
        sum_step(ctx, ctx.name(name), parts)


FIGURES: dict[str, Callable[[Context, str], None]] = {
    "receivable": receivable,
    "startup_paid": startup_paid,
    "cash": cash,
    "cumulative_cash": cumulative_cash,
    **{f"payers_{p}": payers for p in ("wmo", "municipal", "participants", "external", "organisation", "total")},
}
"""The cash figures and the payers, and the function that adds each one's steps."""
