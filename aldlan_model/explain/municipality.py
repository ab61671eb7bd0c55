"""The municipality's figures: what it pays without the buurtkamer (baseline) and
with it (scenario), the saving, the six mechanisms the saving is made of (MODEL.md §3.4), the hard
saving and the net position with the projects, per location.

:data:`MECHANISMS` and :data:`FIGURES` map each figure to the function that adds its steps.
"""

from __future__ import annotations

from collections.abc import Callable

from aldlan_model.explain import operator
from aldlan_model.explain.context import Context, difference, running_sum, sum_step


def transport_rate(ctx: Context, side: str) -> float:
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


def _indicated(ctx: Context) -> None:
    """The dagdelen and persons with an indication (ZIN and PGB), as steps."""
    lab = ctx.lab
    ctx.dagdelen("zin")
    ctx.dagdelen("pgb")
    zc, pc = ctx.p("participants.zin.count"), ctx.p("participants.pgb.count")
    f, r = float(ctx.r.staffing["served_share"][0]), ctx.d["r"]
    ctx.add(
        lab("ex_sym_N_ind"),
        f"({lab('ex_sym_count_zin')} + {lab('ex_sym_count_pgb')}) × {lab('ex_sym_served')} × "
        f"{lab('ex_sym_ramp', k=int(ctx.d['k']))}",
        f"({ctx.n(zc)} + {ctx.n(pc)}) × {ctx.n(f, 8)} × {ctx.n(r, 8)}",
        ctx.d["N_ind"],
        False,
    )


def _without_indication(ctx: Context) -> None:
    """The dagdelen and persons without an indication, as steps."""
    ctx.dagdelen("without_indication")
    nc = ctx.p("participants.without_indication.count")
    ctx.add(
        ctx.lab("ex_sym_N_none"),
        f"{ctx.lab('ex_sym_count_none')} × {ctx.lab('ex_sym_ramp', k=int(ctx.d['k']))}",
        f"{ctx.n(nc)} × {ctx.n(ctx.d['r'], 8)}",
        ctx.d["N_none"],
        False,
    )


def baseline(ctx: Context, name: str) -> None:
    """What the municipality pays without the buurtkamer."""
    lab = ctx.lab
    tix = ctx.index("t")
    Pz, Pp, Pn = ctx.d["P_zin"], ctx.d["P_pgb"], ctx.d["P_none"]
    Ni, Nn = ctx.d["N_ind"], ctx.d["N_none"]
    _indicated(ctx)
    a = ctx.p("municipality.assessment_per_indication")
    s_ = ctx.p("municipality.substitution")
    _without_indication(ctx)
    bz, bp, tr = ctx.p("tariffs.baseline.zin"), ctx.p("tariffs.baseline.pgb"), transport_rate(ctx, "baseline")
    T, S = lab("ex_sym_t"), lab("ex_sym_substitution")
    PZ, PP, PN = lab("ex_sym_P_zin"), lab("ex_sym_P_pgb"), lab("ex_sym_P_none")
    NI, NN = lab("ex_sym_N_ind"), lab("ex_sym_N_none")
    sym = (
        f"{lab('ex_sym_baseline_zin')} × {T} × ({PZ} + {S} × {PN}) + {lab('ex_sym_baseline_pgb')} × {T} × {PP}"
        f" + {lab('ex_sym_transport_baseline')} × {T} × ({PZ} + {PP} + {S} × {PN})"
        f" + {lab('ex_sym_assessment')} × {T} × ({NI} + {S} × {NN})"
        f" + {lab('replaced')} + {lab('moved_clients')}"
    )
    f4 = lambda x: ctx.n(x, 8)  # noqa: E731
    num = (
        f"{ctx.m(bz)} × {f4(tix)} × ({ctx.n(Pz)} + {f4(s_)} × {ctx.n(Pn)}) + {ctx.m(bp)} × {f4(tix)} × {ctx.n(Pp)}"
        f" + {ctx.m(tr)} × {f4(tix)} × ({ctx.n(Pz)} + {ctx.n(Pp)} + {f4(s_)} × {ctx.n(Pn)})"
        f" + {ctx.m(a)} × {f4(tix)} × ({ctx.n(Ni)} + {f4(s_)} × {ctx.n(Nn)})"
        f" + {ctx.m(ctx.L['replaced'])} + {ctx.m(ctx.L['moved_clients'])}"
    )
    ctx.add(lab("baseline"), sym, num, ctx.L["baseline"])


def scenario(ctx: Context, name: str) -> None:
    """What the municipality pays with the buurtkamer."""
    lab = ctx.lab
    tix = ctx.index("t")
    Pz, Pp, Ni = ctx.d["P_zin"], ctx.d["P_pgb"], ctx.d["N_ind"]
    _indicated(ctx)
    a = ctx.p("municipality.assessment_per_indication")
    tr = transport_rate(ctx, "buurtkamer")
    operator.subsidy(ctx)
    T = lab("ex_sym_t")
    sym = (
        f"{lab('income_zin')} + {lab('income_pgb')} + {lab('subsidy')} + "
        f"{lab('ex_sym_transport_buurtkamer')} × {T} × ({lab('ex_sym_P_zin')} + {lab('ex_sym_P_pgb')})"
        f" + {lab('ex_sym_assessment')} × {T} × {lab('ex_sym_N_ind')} + {lab('projects_wmo')}"
    )
    num = (
        f"{ctx.m(ctx.L['income_zin'])} + {ctx.m(ctx.L['income_pgb'])} + {ctx.m(ctx.L['subsidy'])} + "
        f"{ctx.m(tr)} × {ctx.n(tix, 8)} × ({ctx.n(Pz)} + {ctx.n(Pp)}) + {ctx.m(a)} × {ctx.n(tix, 8)} × {ctx.n(Ni)}"
        f" + {ctx.m(ctx.L['projects_wmo'])}"
    )
    ctx.used.update({"tariffs.buurtkamer.zin": None, "tariffs.buurtkamer.pgb": None})
    ctx.add(lab("scenario"), sym, num, ctx.L["scenario"])


def savings(ctx: Context, name: str) -> None:
    sum_step(ctx, ctx.lab(name), ["baseline", "scenario"], ["+", "−"])


def _former(ctx: Context) -> tuple[float, float]:
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


def tariff_difference(ctx: Context, name: str) -> None:
    lab, T = ctx.lab, ctx.lab("ex_sym_t")
    t = ctx.index("t")
    Pz, Pp = ctx.dagdelen("zin"), ctx.dagdelen("pgb")
    bz, bp = ctx.p("tariffs.baseline.zin"), ctx.p("tariffs.baseline.pgb")
    kz, kp = ctx.p("tariffs.buurtkamer.zin"), ctx.p("tariffs.buurtkamer.pgb")
    ctx.add(lab(name),
            f"(tariffs.baseline.zin − tariffs.buurtkamer.zin) × {T} × {lab('ex_sym_P_zin')} + "
            f"(tariffs.baseline.pgb − tariffs.buurtkamer.pgb) × {T} × {lab('ex_sym_P_pgb')}",
            f"({ctx.m(bz)} − {ctx.m(kz)}) × {ctx.n(t, 8)} × {ctx.n(Pz)} + "
            f"({ctx.m(bp)} − {ctx.m(kp)}) × {ctx.n(t, 8)} × {ctx.n(Pp)}", ctx.L[name])


def transport_avoided(ctx: Context, name: str) -> None:
    lab, T = ctx.lab, ctx.lab("ex_sym_t")
    t = ctx.index("t")
    Pz, Pp = ctx.dagdelen("zin"), ctx.dagdelen("pgb")
    T0, Tb = transport_rate(ctx, "baseline"), transport_rate(ctx, "buurtkamer")
    ctx.add(lab(name),
            f"({lab('ex_sym_transport_baseline')} − {lab('ex_sym_transport_buurtkamer')}) × {T} × "
            f"({lab('ex_sym_P_zin')} + {lab('ex_sym_P_pgb')})",
            f"({ctx.m(T0)} − {ctx.m(Tb)}) × {ctx.n(t, 8)} × ({ctx.n(Pz)} + {ctx.n(Pp)})", ctx.L[name])


def substitution(ctx: Context, name: str) -> None:
    lab, T = ctx.lab, ctx.lab("ex_sym_t")
    t = ctx.index("t")
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
            f"{ctx.n(Pn)} + {ctx.m(a)} × {ctx.n(t, 8)} × {ctx.n(Nn)})", ctx.L[name])


def replaced(ctx: Context, name: str) -> None:
    lab = ctx.lab
    items = ctx.s.municipality.replaced
    if not items or ctx.d["k"] < 1:
        ctx.add(lab(name), "Σ municipality.replaced", ctx.m(0.0), ctx.L[name])
        return
    syms, nums = [], []
    for i, item in enumerate(items):
        amount = ctx.p(f"municipality.replaced.{i}.amount")
        kind = {"wages": "w", "prices": "p", "tariffs": "t"}.get(item.index)
        factor = 1.0 if kind is None else ctx.index(kind)
        syms.append(f"{item.name} × {lab('ex_sym_' + {'wages': 'w', 'prices': 'p', 'tariffs': 't'}[item.index])}"
                    if item.index != "none" else item.name)
        nums.append(f"{ctx.m(amount)} × {ctx.n(factor, 8)}" if item.index != "none" else ctx.m(amount))
    ctx.add(lab(name), " + ".join(syms), " + ".join(nums), ctx.L[name])


def moved_clients(ctx: Context, name: str) -> None:
    lab, T = ctx.lab, ctx.lab("ex_sym_t")
    t = ctx.index("t")
    B, N = _former(ctx)
    bz, a = ctx.p("tariffs.baseline.zin"), ctx.p("municipality.assessment_per_indication")
    T0 = transport_rate(ctx, "baseline")
    ctx.add(lab(name),
            f"({lab('ex_sym_baseline_zin')} + {lab('ex_sym_transport_baseline')}) × {T} × "
            f"{lab('ex_sym_B_former')} + {lab('ex_sym_assessment')} × {T} × {lab('ex_sym_N_former')}",
            f"({ctx.m(bz)} + {ctx.m(T0)}) × {ctx.n(t, 8)} × {ctx.n(B)} + {ctx.m(a)} × {ctx.n(t, 8)} × {ctx.n(N)}",
            ctx.L[name])


def paid(ctx: Context, name: str) -> None:
    L = ctx.L
    ctx.add(ctx.lab(name), f"−({ctx.lab('subsidy')} + {ctx.lab('projects_wmo')})",
            f"−({ctx.m(L['subsidy'])} + {ctx.m(L['projects_wmo'])})", L[name])


def savings_hard(ctx: Context, name: str) -> None:
    difference(ctx, name, "savings", "substitution")


def net_municipality(ctx: Context, name: str) -> None:
    difference(ctx, name, "savings", "projects_municipal")


def cumulative_net_municipality(ctx: Context, name: str) -> None:
    running_sum(ctx, name, "net_municipality")


def cumulative_savings(ctx: Context, name: str) -> None:
    running_sum(ctx, name, "savings")


MECHANISMS: dict[str, Callable[[Context, str], None]] = {
    "tariff_difference": tariff_difference,
    "transport_avoided": transport_avoided,
    "substitution": substitution,
    "replaced": replaced,
    "moved_clients": moved_clients,
    "paid": paid,
}
"""The six mechanisms of MODEL.md §3.4, in the order of the tables."""

FIGURES: dict[str, Callable[[Context, str], None]] = {
    "baseline": baseline,
    "scenario": scenario,
    "savings": savings,
    "cumulative_savings": cumulative_savings,
    **MECHANISMS,
    "savings_hard": savings_hard,
    "net_municipality": net_municipality,
    "cumulative_net_municipality": cumulative_net_municipality,
}
"""The municipality's figures and the function that adds each one's steps."""
