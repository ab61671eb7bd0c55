"""The wijk's other projects (MODEL.md §3.3): a projects figure as the sum over the projects,
or with ``--project`` one project's make-up (running, staff, yearly costs, one-off costs).
"""

from __future__ import annotations

from aldlan_model.engine.lines import Result
from aldlan_model.explain.context import Context
from aldlan_model.i18n.messages import msg
from aldlan_model.ledger.rounded import Ledger
from aldlan_model.model.errors import UsageError
from aldlan_model.model.keys import suggest
from aldlan_model.model.numbers import nfc

PROJECT_METRICS = ("projects_cost", "projects_funding", "projects_result", "projects_wmo", "projects_municipal",
                   "projects_external")


def _key(name: str) -> str:
    """The project line a projects figure adds up: ``projects_cost`` → ``cost``."""
    return name.removeprefix("projects_")


def canonical(names: list[str], project: str) -> str:
    """The project's name as the scenario writes it ("Aldlân" typed in the other normal form)."""
    return next((n for n in names if nfc(n) == nfc(project)), project)


def no_project(project: str, names: list[str]) -> UsageError:
    hint = suggest(project, names)
    extra = msg("did_you_mean", hint=hint) if hint else ""
    return UsageError(msg("ex_no_project", name=repr(project), hint=extra, names=", ".join(names) or msg("set_none")))


def _project_index(ctx: Context, project: str) -> int:
    names = [p.name for p in ctx.s.projects]
    same = [i for i, n in enumerate(names) if nfc(n) == nfc(project)]
    if not same:
        raise no_project(project, names)
    return same[0]


def _value(ctx: Context, key: str, pname: str) -> float:
    """One project's figure of this year, per location."""
    per_loc = float(ctx.r.table["locations"].iloc[0])
    d = dict(ctx.r.projects)[pname]
    if key == "funding":
        return float((d["wmo"] + d["municipal"] + d["external"])[0, ctx.j]) / per_loc
    return float(d[key][0, ctx.j]) / per_loc


def _staff(ctx: Context, pre: str, staff: list, w: float, p: float, W: float) -> None:
    """The steps of a project's staff (volunteers, FTE or hours)."""
    for j, m in enumerate(staff):
        s = f"{pre}staff.{j}."
        if m.kind == "volunteer":
            amount = ctx.p(s + "count") * (ctx.p(s + "allowance") + ctx.p(s + "other_costs")) * p
            ctx.add(m.label, f"{s}count × ({s}allowance + {s}other_costs) × {ctx.lab('ex_sym_p')}",
                    f"{ctx.n(ctx.p(s + 'count'))} × {ctx.mi(ctx.p(s + 'allowance') + ctx.p(s + 'other_costs'))}"
                    f" × {ctx.n(p, 8)}", amount)
        elif m.is_fte:
            amount = ctx.p(s + "fte") * ctx.p(s + "salary") * (1 + ctx.p(s + "employer_charges")) * w
            ctx.add(m.label, f"{s}fte × {s}salary × (1 + {s}employer_charges) × {ctx.lab('ex_sym_w')}",
                    f"{ctx.n(ctx.p(s + 'fte'))} × {ctx.mi(ctx.p(s + 'salary'))} × "
                    f"{ctx.n(1 + ctx.p(s + 'employer_charges'), 8)} × {ctx.n(w, 8)}", amount)
        else:
            amount = ctx.p(s + "hours_per_week") * W * ctx.p(s + "hourly_cost") * w
            ctx.add(m.label, f"{s}hours_per_week × {ctx.lab('ex_sym_weeks')} × {s}hourly_cost × "
                    f"{ctx.lab('ex_sym_w')}", f"{ctx.n(ctx.p(s + 'hours_per_week'))} × {ctx.n(W)} × "
                    f"{ctx.mi(ctx.p(s + 'hourly_cost'))} × {ctx.n(w, 8)}", amount)


def _cost(ctx: Context, i: int, running: bool) -> None:
    """The steps of one project's cost this year: staff and yearly costs while running, one-off costs."""
    pr = ctx.s.projects[i]
    pre = f"projects.{i}."
    w, p = ctx.index("w"), ctx.index("p")
    W = ctx.p("opening.weeks_per_year")
    if running:
        _staff(ctx, pre, pr.staff, w, p, W)
        ctx.add(ctx.lab("ex_project_yearly_costs"), f"{pre}yearly_costs × {ctx.lab('ex_sym_p')}",
                f"{ctx.mi(ctx.p(pre + 'yearly_costs'))} × {ctx.n(p, 8)}", ctx.p(pre + "yearly_costs") * p)
    for m in range(len(pr.one_off)):
        if int(ctx.p(f"{pre}one_off.{m}.year")) == ctx.year:
            amount = ctx.p(f"{pre}one_off.{m}.amount")
            ctx.add(ctx.lab("ex_project_one_off"), f"{pre}one_off.{m}.amount", ctx.mi(amount), amount)


def figure(ctx: Context, name: str, project: str | None) -> None:
    """A projects figure as the sum over projects, or one project's make-up with ``project``."""
    key = _key(name)
    if project is None:
        names = [p.name for p in ctx.s.projects]
        ctx.add(ctx.lab(name), " + ".join(names) or "0",
                " + ".join(ctx.m(_value(ctx, key, n)) for n in names) or ctx.m(0.0), ctx.L[name])
        return
    i = _project_index(ctx, project)
    pr = ctx.s.projects[i]
    pre = f"projects.{i}."
    running = bool(ctx.r.detail[f"project.{i}.running"][0, ctx.j])
    start, end = int(ctx.p(pre + "start")), int(ctx.p(pre + "end"))
    ctx.add(ctx.lab("ex_project_running"), f"{pre}start ≤ {ctx.year} ≤ {pre}end",
            f"{start} ≤ {ctx.year} ≤ {end}: {ctx.lab('ex_yes') if running else ctx.lab('ex_no')}", 0.0, False)
    if key == "cost":
        _cost(ctx, i, running)
    value = _value(ctx, key, pr.name)
    ctx.add(f"{ctx.lab(name)} ({pr.name})", ctx.lab("ex_project_sum"), ctx.m(value), value)


def one_project(result: Result, led: Ledger, name: str, project: str, j: int) -> tuple[float, int]:
    """One project's figure for all locations and as the tables show it (whole euros)."""
    key = _key(name)
    lines = dict(result.projects)[project]
    arr = (lines["wmo"] + lines["municipal"] + lines["external"]) if key == "funding" else lines[key]
    pl = dict(led.projects)[project]
    shown = int(pl[key][j]) if key in pl else int(pl["wmo"][j] + pl["municipal"][j] + pl["external"][j])
    return float(arr[0, j]), shown
