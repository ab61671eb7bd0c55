"""``aldlan explain`` for the version 2 figures (MODEL.md §3.3–3.5): the mechanisms, the
hard saving, the municipality's net position, the organisation's result, the projects,
the financing need and the payback year.

Each function adds steps to the explain context (:class:`aldlan_model.explain.figures._Ctx`) for one
location; the caller multiplies by ``locations`` as for every other figure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aldlan_model.i18n.messages import msg
from aldlan_model.model.errors import UsageError
from aldlan_model.model.keys import suggest

if TYPE_CHECKING:  # pragma: no cover
    from aldlan_model.explain.figures import _Ctx

MECHANISM_METRICS = ("tariff_difference", "transport_avoided", "substitution", "replaced", "moved_clients", "paid")
PROJECT_METRICS = ("projects_cost", "projects_funding", "projects_result", "projects_wmo", "projects_municipal",
                   "projects_external")
V2_METRICS = (*MECHANISM_METRICS, "savings_hard", "net_municipality", "cumulative_net_municipality",
              "organisation_result", "cumulative_result", *PROJECT_METRICS)
V2_TARGET_METRICS = ("share_hard", "locations_needed_hard", "cost_per_dagdeel", "financing_need", "payback_year")


def transport_rate(ctx: _Ctx, side: str) -> float:
    """The transport rate per dagdeel (MODEL.md §2.1), as a step when it is made from a trip price."""
    pre = f"transport.{side}"
    bare = ctx.p(pre)
    trip, share, per = ctx.p(pre + ".per_trip"), ctx.p(pre + ".share"), ctx.p(pre + ".dagdelen_per_trip")
    rate = bare + trip * share / per
    if trip:
        ctx.add(ctx.lab(f"ex_sym_transport_{side}"),
                f"{pre}.per_trip × {pre}.share / {pre}.dagdelen_per_trip",
                f"{ctx.m(trip)} × {ctx.n(share, 8)} / {ctx.n(per)}", rate)
    return rate


def _former(ctx: _Ctx) -> tuple[float, float]:
    """B_former (dagdelen they had) and N_former (persons), as steps."""
    cnt = ctx.p("participants.former_indication.count")
    dpw = ctx.p("participants.former_indication.dagdelen_per_week")
    base = ctx.p("participants.former_indication.baseline_dagdelen_per_week")
    base = dpw if base < 0 else base
    W, r = ctx.p("opening.weeks_per_year"), ctx.ramp()
    k = int(ctx.d["k"])
    B = ctx.add(ctx.lab("ex_sym_B_former"),
                f"{ctx.lab('ex_sym_count_former')} × {ctx.lab('ex_sym_baseline_dpw')} × {ctx.lab('ex_sym_weeks')} × "
                f"{ctx.lab('ex_sym_ramp', k=k)}",
                f"{ctx.n(cnt)} × {ctx.n(base)} × {ctx.n(W)} × {ctx.n(r, 8)}", ctx.d["B_former"], False)
    N = ctx.add(ctx.lab("ex_sym_N_former"), f"{ctx.lab('ex_sym_count_former')} × {ctx.lab('ex_sym_ramp', k=k)}",
                f"{ctx.n(cnt)} × {ctx.n(r, 8)}", ctx.d["N_former"], False)
    return B, N


def mechanism(ctx: _Ctx, name: str) -> None:
    """Steps for one mechanism of MODEL.md §3.4 (per location)."""
    lab, L = ctx.lab, ctx.L
    T = lab("ex_sym_t")
    if name in ("tariff_difference", "transport_avoided", "substitution", "moved_clients"):
        t = ctx.index("t")
    if name == "tariff_difference":
        Pz, Pp = ctx.dagdelen("zin"), ctx.dagdelen("pgb")
        bz, bp = ctx.p("tariffs.baseline.zin"), ctx.p("tariffs.baseline.pgb")
        kz, kp = ctx.p("tariffs.buurtkamer.zin"), ctx.p("tariffs.buurtkamer.pgb")
        ctx.add(lab(name),
                f"(tariffs.baseline.zin − tariffs.buurtkamer.zin) × {T} × {lab('ex_sym_P_zin')} + "
                f"(tariffs.baseline.pgb − tariffs.buurtkamer.pgb) × {T} × {lab('ex_sym_P_pgb')}",
                f"({ctx.m(bz)} − {ctx.m(kz)}) × {ctx.n(t, 8)} × {ctx.n(Pz)} + "
                f"({ctx.m(bp)} − {ctx.m(kp)}) × {ctx.n(t, 8)} × {ctx.n(Pp)}", L[name])
    elif name == "transport_avoided":
        Pz, Pp = ctx.dagdelen("zin"), ctx.dagdelen("pgb")
        T0, Tb = transport_rate(ctx, "baseline"), transport_rate(ctx, "buurtkamer")
        ctx.add(lab(name),
                f"({lab('ex_sym_transport_baseline')} − {lab('ex_sym_transport_buurtkamer')}) × {T} × "
                f"({lab('ex_sym_P_zin')} + {lab('ex_sym_P_pgb')})",
                f"({ctx.m(T0)} − {ctx.m(Tb)}) × {ctx.n(t, 8)} × ({ctx.n(Pz)} + {ctx.n(Pp)})", L[name])
    elif name == "substitution":
        Pn = ctx.dagdelen("without_indication")
        s_ = ctx.p("municipality.substitution")
        bz, a = ctx.p("tariffs.baseline.zin"), ctx.p("municipality.assessment_per_indication")
        T0 = transport_rate(ctx, "baseline")
        Nn = ctx.d["N_none"]
        ctx.add(lab(name),
                f"{lab('ex_sym_substitution')} × ({lab('ex_sym_baseline_zin')} × {T} × {lab('ex_sym_P_none')} + "
                f"{lab('ex_sym_transport_baseline')} × {T} × {lab('ex_sym_P_none')} + "
                f"{lab('ex_sym_assessment')} × {T} × {lab('ex_sym_N_none')})",
                f"{ctx.n(s_, 8)} × ({ctx.m(bz)} × {ctx.n(t, 8)} × {ctx.n(Pn)} + {ctx.m(T0)} × {ctx.n(t, 8)} × "
                f"{ctx.n(Pn)} + {ctx.m(a)} × {ctx.n(t, 8)} × {ctx.n(Nn)})", L[name])
    elif name == "replaced":
        items = ctx.s.municipality.replaced
        if not items or ctx.d["k"] < 1:
            ctx.add(lab(name), "Σ municipality.replaced", ctx.m(0.0), L[name])
            return
        syms, nums = [], []
        for i, item in enumerate(items):
            amount = ctx.p(f"municipality.replaced.{i}.amount")
            kind = {"wages": "w", "prices": "p", "tariffs": "t"}.get(item.index)
            factor = 1.0 if kind is None else ctx.index(kind)
            syms.append(f"{item.name} × {lab('ex_sym_' + {'wages': 'w', 'prices': 'p', 'tariffs': 't'}[item.index])}"
                        if item.index != "none" else item.name)
            nums.append(f"{ctx.m(amount)} × {ctx.n(factor, 8)}" if item.index != "none" else ctx.m(amount))
        ctx.add(lab(name), " + ".join(syms), " + ".join(nums), L[name])
    elif name == "moved_clients":
        B, N = _former(ctx)
        bz, a = ctx.p("tariffs.baseline.zin"), ctx.p("municipality.assessment_per_indication")
        T0 = transport_rate(ctx, "baseline")
        ctx.add(lab(name),
                f"({lab('ex_sym_baseline_zin')} + {lab('ex_sym_transport_baseline')}) × {T} × "
                f"{lab('ex_sym_B_former')} + {lab('ex_sym_assessment')} × {T} × {lab('ex_sym_N_former')}",
                f"({ctx.m(bz)} + {ctx.m(T0)}) × {ctx.n(t, 8)} × {ctx.n(B)} + {ctx.m(a)} × {ctx.n(t, 8)} × {ctx.n(N)}",
                L[name])
    elif name == "paid":
        ctx.add(lab(name), f"−({lab('subsidy')} + {lab('projects_wmo')})",
                f"−({ctx.m(L['subsidy'])} + {ctx.m(L['projects_wmo'])})", L[name])


def figure(ctx: _Ctx, name: str, project: str | None = None) -> None:
    """Steps for the v2 money figures that are sums or differences of other lines."""
    lab, L = ctx.lab, ctx.L

    def diff(a: str, b: str, sign: str = "−") -> None:
        ctx.add(lab(name), f"{lab(a)} {sign} {lab(b)}", f"{ctx.m(L[a])} {sign} {ctx.m(L[b])}", L[name])

    if name in MECHANISM_METRICS:
        mechanism(ctx, name)
    elif name == "savings_hard":
        diff("savings", "substitution")
    elif name == "net_municipality":
        diff("savings", "projects_municipal")
    elif name == "organisation_result":
        diff("result", "projects_result", "+")
    elif name in ("cumulative_net_municipality", "cumulative_result"):
        line = "net_municipality" if name == "cumulative_net_municipality" else "organisation_result"
        values = ctx.r.per_location[line][0, : ctx.j + 1]
        ctx.add(lab(name), " + ".join(f"{lab(line)} {y}" for y in ctx.r.years[: ctx.j + 1]),
                " + ".join(ctx.m(v) for v in values), float(values.sum()))
    elif name in PROJECT_METRICS:
        projects(ctx, name, project)


def _project_index(ctx: _Ctx, project: str) -> int:
    names = [p.name for p in ctx.s.projects]
    if project not in names:
        hint = suggest(project, names)
        extra = msg("did_you_mean", hint=hint) if hint else ""
        raise UsageError(msg("ex_no_project", name=repr(project), hint=extra,
                             names=", ".join(names) or msg("set_none")))
    return names.index(project)


def projects(ctx: _Ctx, name: str, project: str | None) -> None:
    """A projects figure as the sum over projects, or one project's make-up with ``--project``."""
    key = {"projects_cost": "cost", "projects_wmo": "wmo", "projects_municipal": "municipal",
           "projects_external": "external", "projects_result": "result", "projects_funding": "funding"}[name]
    per_loc = float(ctx.r.table["locations"].iloc[0])
    lines = dict(ctx.r.projects)

    def value(pname: str) -> float:
        d = lines[pname]
        if key == "funding":
            return float((d["wmo"] + d["municipal"] + d["external"])[0, ctx.j]) / per_loc
        return float(d[key][0, ctx.j]) / per_loc

    if project is None:
        names = [p.name for p in ctx.s.projects]
        ctx.add(ctx.lab(name), " + ".join(names) or "0", " + ".join(ctx.m(value(n)) for n in names) or ctx.m(0.0),
                ctx.L[name])
        return
    i = _project_index(ctx, project)
    pr = ctx.s.projects[i]
    pre = f"projects.{i}."
    running = bool(ctx.r.detail[f"project.{i}.running"][0, ctx.j])
    start, end = int(ctx.p(pre + "start")), int(ctx.p(pre + "end"))
    ctx.add(ctx.lab("ex_project_running"), f"{pre}start ≤ {ctx.year} ≤ {pre}end",
            f"{start} ≤ {ctx.year} ≤ {end}: {ctx.lab('ex_yes') if running else ctx.lab('ex_no')}", 0.0, False)
    if key == "cost":
        w, p = ctx.index("w"), ctx.index("p")
        W = ctx.p("opening.weeks_per_year")
        for j, m in enumerate(pr.staff):
            s = f"{pre}staff.{j}."
            if not running:
                break
            if m.kind == "volunteer":
                amount = ctx.p(s + "count") * (ctx.p(s + "allowance") + ctx.p(s + "other_costs")) * p
                ctx.add(m.label, f"{s}count × ({s}allowance + {s}other_costs) × {ctx.lab('ex_sym_p')}",
                        f"{ctx.n(ctx.p(s + 'count'))} × {ctx.m(ctx.p(s + 'allowance') + ctx.p(s + 'other_costs'))}"
                        f" × {ctx.n(p, 8)}", amount)
            elif m.is_fte:
                amount = ctx.p(s + "fte") * ctx.p(s + "salary") * (1 + ctx.p(s + "employer_charges")) * w
                ctx.add(m.label, f"{s}fte × {s}salary × (1 + {s}employer_charges) × {ctx.lab('ex_sym_w')}",
                        f"{ctx.n(ctx.p(s + 'fte'))} × {ctx.m(ctx.p(s + 'salary'))} × "
                        f"{ctx.n(1 + ctx.p(s + 'employer_charges'), 8)} × {ctx.n(w, 8)}", amount)
            else:
                amount = ctx.p(s + "hours_per_week") * W * ctx.p(s + "hourly_cost") * w
                ctx.add(m.label, f"{s}hours_per_week × {ctx.lab('ex_sym_weeks')} × {s}hourly_cost × "
                        f"{ctx.lab('ex_sym_w')}", f"{ctx.n(ctx.p(s + 'hours_per_week'))} × {ctx.n(W)} × "
                        f"{ctx.m(ctx.p(s + 'hourly_cost'))} × {ctx.n(w, 8)}", amount)
        if running:
            ctx.add(ctx.lab("ex_project_yearly_costs"), f"{pre}yearly_costs × {ctx.lab('ex_sym_p')}",
                    f"{ctx.m(ctx.p(pre + 'yearly_costs'))} × {ctx.n(p, 8)}", ctx.p(pre + "yearly_costs") * p)
        for m in range(len(pr.one_off)):
            if int(ctx.p(f"{pre}one_off.{m}.year")) == ctx.year:
                amount = ctx.p(f"{pre}one_off.{m}.amount")
                ctx.add(ctx.lab("ex_project_one_off"), f"{pre}one_off.{m}.amount", ctx.m(amount), amount)
    ctx.add(f"{ctx.lab(name)} ({pr.name})", ctx.lab("ex_project_sum"), ctx.m(value(pr.name)), value(pr.name))
