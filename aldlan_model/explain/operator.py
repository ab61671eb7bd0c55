"""The operator's lines: staff, housing, activities, overhead, depreciation,
margin, income and subsidy per location, their totals (cost, income, result) and the
organisation's result with the projects.

:data:`LINES` and :data:`FIGURES` map each figure to the function that adds its steps.
"""

from __future__ import annotations

from collections.abc import Callable

from aldlan_model.engine.lines import COST_LINES, INCOME_LINES
from aldlan_model.explain.context import Context, difference, product, running_sum, sum_step


def _staff_member(ctx: Context, i: int, label: str, kind: str) -> None:
    """One professional: fte × salary × (1 + charges) × w, hours × weeks × hourly cost × w, or (v3, part
    time) hours_per_week / hours_per_fte FTE at a salary."""
    pre = f"staff.{i}."
    if kind == "hours":
        cost = ctx.money_in(pre + "hourly_cost")
        hours, W = ctx.p(pre + "hours_per_week"), ctx.p("opening.weeks_per_year")
        ctx.add(label, f"{pre}hours_per_week × {ctx.lab('ex_sym_weeks')} × {cost.sym}",
                f"{ctx.n(hours)} × {ctx.n(W)} × {cost.num}", hours * W * cost.value)
        return
    if kind == "part_time":
        hours, per_fte = ctx.p(pre + "hours_per_week"), ctx.p("norms.hours_per_fte")
        fte = ctx.add(f"{label}: fte", f"{pre}hours_per_week / norms.hours_per_fte",
                      f"{ctx.n(hours)} / {ctx.n(per_fte)}", hours / per_fte, False)
        fte_sym = "fte"
    else:
        fte, fte_sym = ctx.p(pre + "fte"), pre + "fte"
    salary = ctx.money_in(pre + "salary")
    charges = 1 + ctx.p(pre + "employer_charges")
    ctx.add(label, f"{fte_sym} × {salary.sym} × (1 + {pre}employer_charges)",
            f"{ctx.n(fte, 8)} × {salary.num} × {ctx.n(charges, 8)}", fte * salary.value * charges)


def staff_professional(ctx: Context, name: str) -> None:
    kinds = ctx.r.structure.staff
    for i, m in enumerate(ctx.s.staff):
        if m.kind != "volunteer":
            _staff_member(ctx, i, m.label, kinds[i])


def staff_volunteer(ctx: Context, name: str) -> None:
    for i, m in enumerate(ctx.s.staff):
        pre = f"staff.{i}."
        if m.kind == "volunteer":
            count = ctx.p(pre + "count")
            allowance, other = ctx.money_in(pre + "allowance"), ctx.money_in(pre + "other_costs")
            ctx.add(m.label, f"{pre}count × ({allowance.sym} + {other.sym})",
                    f"{ctx.n(count)} × ({allowance.num} + {other.num})", count * (allowance.value + other.value))


def _priced(ctx: Context, name: str, path: str) -> None:
    """An amount of the first year × the price index (housing, other income); dated: read for the year."""
    term = ctx.money_in(path)
    ctx.add(ctx.name(name), term.sym, term.num, ctx.L[name])


def housing(ctx: Context, name: str) -> None:
    _priced(ctx, name, "costs.housing")


def activities(ctx: Context, name: str) -> None:
    lab = ctx.lab
    total = sum(ctx.dagdelen(g) for g in ("zin", "pgb", "without_indication", "former_indication"))
    cost = ctx.money_in("costs.per_participant_dagdeel")
    ctx.add(lab(name), f"{cost.sym} × ({lab('ex_sym_P_zin')} + {lab('ex_sym_P_pgb')} + {lab('ex_sym_P_none')}"
            f" + {lab('ex_sym_P_former')})", f"{cost.num} × {ctx.n(total)}", ctx.L[name])


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
        f"{ctx.mi(amount)} / {ctx.n(years)}" if ctx.L[name] else "0",
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
    tariff = ctx.money_in(f"tariffs.buurtkamer.{group}")
    ctx.add(ctx.lab(name), f"{tariff.sym} × {ctx.lab(f'ex_sym_P_{group}')}", f"{tariff.num} × {ctx.n(P)}",
            ctx.L[name])


def income_contribution(ctx: Context, name: str) -> None:
    lab = ctx.lab
    P = ctx.dagdelen("without_indication") + ctx.dagdelen("former_indication")
    fee = ctx.money_in("income.contribution")
    ctx.add(lab(name), f"{fee.sym} × ({lab('ex_sym_P_none')} + {lab('ex_sym_P_former')})",
            f"{fee.num} × {ctx.n(P)}", ctx.L[name])


def _other_lines(ctx: Context, budget: str | None) -> None:
    """income.other as a list (v3 §2.9): each line of ``budget`` (None: every line) × p, then their sum."""
    lines = [(i, line) for i, line in enumerate(ctx.s.income.other) if budget in (None, line.budget)]
    syms, nums, total = [], [], 0.0
    for i, line in lines:
        term = ctx.money_in(f"income.other.{i}.amount")
        ctx.add(f"{line.name} ({line.budget})", term.sym, term.num, term.value)
        syms.append(line.name)
        nums.append(ctx.m(term.value))
        total += term.value
    name = "income_other" if budget is None else f"income_other_{budget}"
    ctx.add(ctx.name(name), " + ".join(syms) or "0", " + ".join(nums) or ctx.m(0.0), ctx.L[name])


def income_other(ctx: Context, name: str) -> None:
    """Other income: a bare number (external, × p) or the sum of its lines (v3), split by budget."""
    if isinstance(ctx.s.income.other, list):
        _other_lines(ctx, None if name == "income_other" else name.removeprefix("income_other_"))
    elif name in ("income_other", "income_other_external"):
        _priced(ctx, name, "income.other")
    else:  # a bare number is external money: nothing from this budget
        ctx.add(ctx.name(name), ctx.lab("ex_other_bare"), ctx.m(0.0), ctx.L[name])


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
        term = ctx.money_in("income.subsidy", None)
        ctx.add(lab(name), term.sym, term.num, L[name])


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
    "income_other_wmo": income_other,
    "income_other_municipal": income_other,
    "income_other_external": income_other,
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
