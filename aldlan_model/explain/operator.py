"""The operator's lines: staff, housing, activities, overhead, depreciation,
margin, income and subsidy per location, their totals (cost, income, result) and the
organisation's result with the projects.

:data:`LINES` and :data:`FIGURES` map each figure to the function that adds its steps.
"""

from __future__ import annotations

from collections.abc import Callable

from aldlan_model.engine.lines import COST_LINES, INCOME_LINES
from aldlan_model.explain.context import Context, difference, product, running_sum, sum_step


def _staff_member(ctx: Context, i: int, label: str, is_fte: bool, w: float) -> None:
    pre = f"staff.{i}."
    if is_fte:
        product(
            ctx,
            label,
            [
                (pre + "fte", ctx.p(pre + "fte"), "number"),
                (pre + "salary", ctx.p(pre + "salary"), "money"),
                ("(1 + " + pre + "employer_charges)", 1 + ctx.p(pre + "employer_charges"), "factor"),
                (ctx.lab("ex_sym_w"), w, "factor"),
            ],
        )
    else:
        product(
            ctx,
            label,
            [
                (pre + "hours_per_week", ctx.p(pre + "hours_per_week"), "number"),
                (ctx.lab("ex_sym_weeks"), ctx.p("opening.weeks_per_year"), "number"),
                (pre + "hourly_cost", ctx.p(pre + "hourly_cost"), "money"),
                (ctx.lab("ex_sym_w"), w, "factor"),
            ],
        )


def staff_professional(ctx: Context, name: str) -> None:
    w = ctx.index("w")
    for i, m in enumerate(ctx.s.staff):
        if m.kind != "volunteer":
            _staff_member(ctx, i, m.label, m.is_fte, w)


def staff_volunteer(ctx: Context, name: str) -> None:
    p = ctx.index("p")
    for i, m in enumerate(ctx.s.staff):
        pre = f"staff.{i}."
        if m.kind == "volunteer":
            product(
                ctx,
                m.label,
                [
                    (pre + "count", ctx.p(pre + "count"), "number"),
                    (
                        f"({pre}allowance + {pre}other_costs)",
                        ctx.p(pre + "allowance") + ctx.p(pre + "other_costs"),
                        "money",
                    ),
                    (ctx.lab("ex_sym_p"), p, "factor"),
                ],
            )


def _priced(ctx: Context, name: str, path: str) -> None:
    """An amount of the first year × the price index (housing, other income)."""
    product(ctx, ctx.lab(name), [(path, ctx.p(path), "money"), (ctx.lab("ex_sym_p"), ctx.index("p"), "factor")])


def housing(ctx: Context, name: str) -> None:
    _priced(ctx, name, "costs.housing")


def activities(ctx: Context, name: str) -> None:
    lab = ctx.lab
    total = ctx.dagdelen("zin") + ctx.dagdelen("pgb") + ctx.dagdelen("without_indication")
    p = ctx.index("p")
    product(
        ctx,
        lab(name),
        [
            ("costs.per_participant_dagdeel", ctx.p("costs.per_participant_dagdeel"), "money"),
            (f"({lab('ex_sym_P_zin')} + {lab('ex_sym_P_pgb')} + {lab('ex_sym_P_none')})", total, "number"),
            (lab("ex_sym_p"), p, "factor"),
        ],
    )


def overhead(ctx: Context, name: str) -> None:
    lab = ctx.lab
    base = sum(ctx.L[x] for x in ("staff_professional", "staff_volunteer", "housing", "activities"))
    product(
        ctx,
        lab(name),
        [
            ("costs.overhead", ctx.p("costs.overhead"), "factor"),
            (
                f"({lab('staff_professional')} + {lab('staff_volunteer')} + {lab('housing')} + {lab('activities')})",
                base,
                "money",
            ),
        ],
    )


def depreciation(ctx: Context, name: str) -> None:
    amount, years = ctx.p("costs.startup.amount"), ctx.p("costs.startup.depreciation_years")
    ctx.add(
        ctx.lab(name),
        "costs.startup.amount / costs.startup.depreciation_years"
        + (f" ({'exploitatiejaar' if ctx.lang == 'nl' else 'operating year'} {int(ctx.d['k'])})"),
        f"{ctx.m(amount)} / {ctx.n(years)}" if ctx.L[name] else "0",
        ctx.L[name],
    )


def margin(ctx: Context, name: str) -> None:
    lab = ctx.lab
    base = sum(ctx.L[x] for x in COST_LINES[:6])
    product(
        ctx,
        lab(name),
        [
            ("costs.margin", ctx.p("costs.margin"), "factor"),
            ("Σ " + ", ".join(lab(x) for x in COST_LINES[:6]), base, "money"),
        ],
    )


def income_tariff(ctx: Context, name: str) -> None:
    """income_zin, income_pgb: the buurtkamer's tariff × the tariff index × the dagdelen."""
    group = name[-3:]
    P = ctx.dagdelen(group)
    tix = ctx.index("t")
    product(
        ctx,
        ctx.lab(name),
        [
            (f"tariffs.buurtkamer.{group}", ctx.p(f"tariffs.buurtkamer.{group}"), "money"),
            (ctx.lab("ex_sym_t"), tix, "factor"),
            (ctx.lab(f"ex_sym_P_{group}"), P, "number"),
        ],
    )


def income_contribution(ctx: Context, name: str) -> None:
    P = ctx.dagdelen("without_indication")
    p = ctx.index("p")
    product(
        ctx,
        ctx.lab(name),
        [
            ("income.contribution", ctx.p("income.contribution"), "money"),
            (ctx.lab("ex_sym_p"), p, "factor"),
            (ctx.lab("ex_sym_P_none"), P, "number"),
        ],
    )


def income_other(ctx: Context, name: str) -> None:
    _priced(ctx, name, "income.other")


def subsidy(ctx: Context, name: str = "subsidy") -> None:
    lab, L = ctx.lab, ctx.L
    if ctx.s.income.covers_deficit:
        earned = sum(L[x] for x in INCOME_LINES[:4])
        ctx.add(
            lab(name),
            f"max(0; {lab('cost')} − ({' + '.join(lab(x) for x in INCOME_LINES[:4])}))",
            f"max(0; {ctx.m(L['cost'])} − {ctx.m(earned)})",
            L[name],
        )
    else:
        ctx.add(lab(name), "income.subsidy", ctx.m(ctx.p("income.subsidy")), L[name])


def cost(ctx: Context, name: str) -> None:
    sum_step(ctx, ctx.lab(name), list(COST_LINES))


def income(ctx: Context, name: str) -> None:
    sum_step(ctx, ctx.lab(name), [*INCOME_LINES])


def result(ctx: Context, name: str) -> None:
    sum_step(ctx, ctx.lab(name), ["income", "cost"], ["+", "−"])


def organisation_result(ctx: Context, name: str) -> None:
    difference(ctx, name, "result", "projects_result", "+")


def cumulative_result(ctx: Context, name: str) -> None:
    running_sum(ctx, name, "organisation_result")


LINES: dict[str, Callable[[Context, str], None]] = {
    "staff_professional": staff_professional,
    "staff_volunteer": staff_volunteer,
    "housing": housing,
    "activities": activities,
    "overhead": overhead,
    "depreciation": depreciation,
    "margin": margin,
    "income_zin": income_tariff,
    "income_pgb": income_tariff,
    "income_contribution": income_contribution,
    "income_other": income_other,
    "subsidy": subsidy,
}
"""Each base line of the operator (per location) and the function that adds its steps."""

FIGURES: dict[str, Callable[[Context, str], None]] = {
    "cost": cost,
    "income": income,
    "result": result,
    "organisation_result": organisation_result,
    "cumulative_result": cumulative_result,
}
"""The operator's totals and the function that adds each one's steps."""
