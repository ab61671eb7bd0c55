"""The municipality's figures: what it pays without the buurtkamer (baseline) and
with it (scenario), the saving, the six mechanisms the saving is made of (MODEL.md §3.4), the hard
saving and the net position with the projects, per location.

:data:`MECHANISMS` and :data:`FIGURES` map each figure to the function that adds its steps.
"""

from __future__ import annotations

from collections.abc import Callable

from aldlan_model.engine.lines import BASELINE_PARTS, SCENARIO_PARTS
from aldlan_model.explain.context import Context, Term, running_sum, sum_step


def transport_rate(ctx: Context, side: str) -> Term:
    """The transport rate per dagdeel in the year asked (MODEL.md §2.1): a bare rate, or a trip price ×
    share / dagdelen per trip; × the tariff index, or (dated) read for the year (§3.9)."""
    pre = f"transport.{side}"
    label = ctx.lab(f"ex_sym_transport_{side}")
    structure = ctx.r.structure
    if structure.keys_of(pre) is not None:  # a dated bare rate
        return ctx.money_in(pre, "t")
    share, per = ctx.p(pre + ".share"), ctx.p(pre + ".dagdelen_per_trip")
    formula = f"{pre}.per_trip × {pre}.share / {pre}.dagdelen_per_trip"
    if structure.keys_of(pre + ".per_trip") is not None:
        trip = ctx.money_in(pre + ".per_trip", "t")
        value = trip.value * share / per
        ctx.add(f"{label} {ctx.year}", f"{trip.sym} × {pre}.share / {pre}.dagdelen_per_trip",
                f"{trip.num} × {ctx.n(share, 8)} / {ctx.n(per)}", value, decimals=6)
        return Term(f"{label} {ctx.year}", ctx.mp(value), value)
    bare, trip = ctx.p(pre), ctx.p(pre + ".per_trip")
    rate = bare + trip * share / per
    if trip:
        ctx.add(label, formula, f"{ctx.mi(trip)} × {ctx.n(share, 8)} / {ctx.n(per)}", rate, decimals=6)
    t = ctx.index("t")
    return Term(f"{label} × {ctx.lab('ex_sym_t')}", f"{ctx.mp(rate)} × {ctx.n(t, 8)}", rate * t)


def _origin(ctx: Context, group: str) -> tuple[float, float, float]:
    """The origin shares m (re-indicated), q (same product), n (new) of a group (MODEL.md §2.7)."""
    return tuple(ctx.p(f"participants.{group}.origin.{o}") for o in ("reindicated", "same_product", "new"))


def _share(ctx: Context, which: str, group: str) -> str:
    return ctx.lab(f"ex_sym_origin_{which}", group=group.upper())


def _persons(ctx: Context, group: str) -> float:
    """Served persons of a group this year: count × served share × ramp (not × attendance)."""
    cnt, f, r = ctx.p(f"participants.{group}.count"), float(ctx.r.staffing["served_share"][0]), ctx.d["r"]
    return ctx.add(ctx.lab(f"ex_sym_N_{group}"), f"{ctx.lab(f'ex_sym_count_{group}')} × {ctx.lab('ex_sym_served')} × "
                   f"{ctx.lab('ex_sym_ramp', k=int(ctx.d['k']))}", f"{ctx.n(cnt)} × {ctx.n(f, 8)} × {ctx.n(r, 8)}",
                   ctx.d[f"N_{group}"], False)


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


def _baseline_tariff(ctx: Context, group: str) -> None:
    """The baseline's tariff of a group (v3): re-indicated at the regular tariff, same product at the room's."""
    P = ctx.dagdelen(group)
    m, q, _ = _origin(ctx, group)
    base, room = ctx.money_in(f"tariffs.baseline.{group}"), ctx.money_in(f"tariffs.buurtkamer.{group}")
    name = f"baseline_tariff_{group}"
    ctx.add(ctx.name(name),
            f"({_share(ctx, 'reindicated', group)} × {base.sym} + {_share(ctx, 'same_product', group)} × {room.sym})"
            f" × {ctx.lab(f'ex_sym_P_{group}')}",
            f"({ctx.n(m, 8)} × {base.num} + {ctx.n(q, 8)} × {room.num}) × {ctx.n(P)}", ctx.L[name])


def _prior_dagdelen(ctx: Context) -> tuple[str, str, float]:
    """The dagdelen of participants who had an indicatie before: (m + q) × P per group (v3 §2.7)."""
    syms, nums, total = [], [], 0.0
    for g in ("zin", "pgb"):
        m, q, _ = _origin(ctx, g)
        P = ctx.dagdelen(g)
        syms.append(f"({_share(ctx, 'reindicated', g)} + {_share(ctx, 'same_product', g)}) × "
                    f"{ctx.lab(f'ex_sym_P_{g}')}")
        nums.append(f"({ctx.n(m, 8)} + {ctx.n(q, 8)}) × {ctx.n(P)}")
        total += (m + q) * P
    return " + ".join(syms), " + ".join(nums), total


def _baseline_transport(ctx: Context) -> None:
    T0 = transport_rate(ctx, "baseline")
    sym, num, _ = _prior_dagdelen(ctx)
    ctx.add(ctx.name("baseline_transport"), f"{T0.sym} × ({sym})", f"{T0.num} × ({num})",
            ctx.L["baseline_transport"])


def _baseline_assessment(ctx: Context) -> None:
    a = ctx.money_in("municipality.assessment_per_indication")
    syms, nums = [], []
    for g in ("zin", "pgb"):
        m, q, _ = _origin(ctx, g)
        N = _persons(ctx, g)
        syms.append(f"({_share(ctx, 'reindicated', g)} + {_share(ctx, 'same_product', g)}) × "
                    f"{ctx.lab(f'ex_sym_N_{g}')}")
        nums.append(f"({ctx.n(m, 8)} + {ctx.n(q, 8)}) × {ctx.n(N)}")
    ctx.add(ctx.name("baseline_assessment"), f"{a.sym} × ({' + '.join(syms)})", f"{a.num} × ({' + '.join(nums)})",
            ctx.L["baseline_assessment"])


def baseline(ctx: Context, name: str) -> None:
    """What the municipality pays without the buurtkamer, part by part (MODEL.md §3.2, v3 origins)."""
    _baseline_tariff(ctx, "zin")
    _baseline_tariff(ctx, "pgb")
    _baseline_transport(ctx)
    _baseline_assessment(ctx)
    for part in ("substitution", "replaced", "moved_clients"):
        MECHANISMS[part](ctx, part)
    _parts_sum(ctx, name, BASELINE_PARTS)


def _parts_sum(ctx: Context, name: str, parts: tuple[str, ...]) -> None:
    """The figure as the sum of its parts (the ledger's parts, MODEL.md §4.1)."""
    ctx.add(ctx.lab(name), " + ".join(ctx.name(x) for x in parts), " + ".join(ctx.m(ctx.L[x]) for x in parts),
            ctx.L[name])


def scenario(ctx: Context, name: str) -> None:
    """What the municipality pays with the buurtkamer, part by part (v3: other income from the Wmo)."""
    Tb = transport_rate(ctx, "buurtkamer")
    Pz, Pp = ctx.dagdelen("zin"), ctx.dagdelen("pgb")
    ctx.add(ctx.name("scenario_transport"), f"{Tb.sym} × ({ctx.lab('ex_sym_P_zin')} + {ctx.lab('ex_sym_P_pgb')})",
            f"{Tb.num} × ({ctx.n(Pz)} + {ctx.n(Pp)})", ctx.L["scenario_transport"])
    _indicated(ctx)
    a = ctx.money_in("municipality.assessment_per_indication")
    ctx.add(ctx.name("scenario_assessment"), f"{a.sym} × {ctx.lab('ex_sym_N_ind')}",
            f"{a.num} × {ctx.n(ctx.d['N_ind'])}", ctx.L["scenario_assessment"])
    ctx.used.update({"tariffs.buurtkamer.zin": None, "tariffs.buurtkamer.pgb": None} if
                    ctx.r.structure.keys_of("tariffs.buurtkamer.zin") is None else {})
    _parts_sum(ctx, name, SCENARIO_PARTS)


def savings(ctx: Context, name: str) -> None:
    sum_step(ctx, ctx.lab(name), ["baseline", "scenario"], ["+", "−"])


def _former(ctx: Context) -> tuple[float, float]:
    """B_former (dagdelen they had, × attendance) and N_former (persons), as steps."""
    cnt = ctx.p("participants.former_indication.count")
    dpw = ctx.p("participants.former_indication.dagdelen_per_week")
    base = ctx.p("participants.former_indication.baseline_dagdelen_per_week")
    if base < 0:  # not written: what they have in the room (not an input to show)
        ctx.used.pop("participants.former_indication.baseline_dagdelen_per_week", None)
        base = dpw
    W, r, att = ctx.p("opening.weeks_per_year"), ctx.ramp(), ctx.p("participants.attendance")
    k = int(ctx.d["k"])
    B = ctx.add(ctx.lab("ex_sym_B_former"),
                f"{ctx.lab('ex_sym_count_former')} × {ctx.lab('ex_sym_baseline_dpw')} × {ctx.lab('ex_sym_weeks')} × "
                f"{ctx.lab('ex_sym_ramp', k=k)} × {ctx.lab('ex_sym_attendance')}",
                f"{ctx.n(cnt)} × {ctx.n(base)} × {ctx.n(W)} × {ctx.n(r, 8)} × {ctx.n(att, 8)}", ctx.d["B_former"],
                False)
    N = ctx.add(ctx.lab("ex_sym_N_former"), f"{ctx.lab('ex_sym_count_former')} × {ctx.lab('ex_sym_ramp', k=k)}",
                f"{ctx.n(cnt)} × {ctx.n(r, 8)}", ctx.d["N_former"], False)
    return B, N


def tariff_difference(ctx: Context, name: str) -> None:
    """Only the re-indicated save the tariff gap (v3 §3.4): Σ_g (baseline − room tariff) × m_g × P_g."""
    syms, nums = [], []
    for g in ("zin", "pgb"):
        P = ctx.dagdelen(g)
        m, _, _ = _origin(ctx, g)
        base, room = ctx.money_in(f"tariffs.baseline.{g}"), ctx.money_in(f"tariffs.buurtkamer.{g}")
        syms.append(f"({base.sym} − {room.sym}) × {_share(ctx, 'reindicated', g)} × {ctx.lab(f'ex_sym_P_{g}')}")
        nums.append(f"({base.num} − {room.num}) × {ctx.n(m, 8)} × {ctx.n(P)}")
    ctx.add(ctx.lab(name), " + ".join(syms), " + ".join(nums), ctx.L[name])


def transport_avoided(ctx: Context, name: str) -> None:
    """Transport stops for the re-indicated and the same-product participants (v3 §3.4)."""
    T0, Tb = transport_rate(ctx, "baseline"), transport_rate(ctx, "buurtkamer")
    sym, num, _ = _prior_dagdelen(ctx)
    ctx.add(ctx.lab(name), f"({T0.sym} − {Tb.sym}) × ({sym})", f"({T0.num} − {Tb.num}) × ({num})", ctx.L[name])


def new_clients(ctx: Context, name: str) -> None:
    """What the Wmo pays for participants who had no indicatie (v3 §3.4): −Σ_g n_g × [(tariff + T_b) × P_g
    + assessment × N_g]."""
    Tb = transport_rate(ctx, "buurtkamer")
    a = ctx.money_in("municipality.assessment_per_indication")
    syms, nums = [], []
    for g in ("zin", "pgb"):
        P, N = ctx.dagdelen(g), _persons(ctx, g)
        _, _, n = _origin(ctx, g)
        room = ctx.money_in(f"tariffs.buurtkamer.{g}")
        syms.append(f"{_share(ctx, 'new', g)} × (({room.sym} + {Tb.sym}) × {ctx.lab(f'ex_sym_P_{g}')} + "
                    f"{a.sym} × {ctx.lab(f'ex_sym_N_{g}')})")
        nums.append(f"{ctx.n(n, 8)} × (({room.num} + {Tb.num}) × {ctx.n(P)} + {a.num} × {ctx.n(N)})")
    ctx.add(ctx.name(name), f"−({' + '.join(syms)})", f"−({' + '.join(nums)})", ctx.L[name])


def substitution(ctx: Context, name: str) -> None:
    lab = ctx.lab
    Pn = ctx.dagdelen("without_indication")
    s_ = ctx.p("municipality.substitution")
    bz, a = ctx.money_in("tariffs.baseline.zin"), ctx.money_in("municipality.assessment_per_indication")
    T0 = transport_rate(ctx, "baseline")
    Nn = ctx.d["N_none"]
    ctx.add(lab(name),
            f"{lab('ex_sym_substitution')} × (({bz.sym} + {T0.sym}) × {lab('ex_sym_P_none')} + "
            f"{a.sym} × {lab('ex_sym_N_none')})",
            f"{ctx.n(s_, 8)} × (({bz.num} + {T0.num}) × {ctx.n(Pn)} + {a.num} × {ctx.n(Nn)})", ctx.L[name])


def replaced(ctx: Context, name: str) -> None:
    lab = ctx.lab
    items = ctx.s.municipality.replaced
    if not items or ctx.d["k"] < 1:
        ctx.add(lab(name), "Σ municipality.replaced", ctx.m(0.0), ctx.L[name])
        return
    syms, nums = [], []
    for i, item in enumerate(items):
        term = ctx.money_in(f"municipality.replaced.{i}.amount")
        syms.append(f"{item.name}: {term.sym}")
        nums.append(term.num)
    ctx.add(lab(name), " + ".join(syms), " + ".join(nums), ctx.L[name])


def moved_clients(ctx: Context, name: str) -> None:
    lab = ctx.lab
    B, N = _former(ctx)
    bz, a = ctx.money_in("tariffs.baseline.zin"), ctx.money_in("municipality.assessment_per_indication")
    T0 = transport_rate(ctx, "baseline")
    ctx.add(lab(name),
            f"({bz.sym} + {T0.sym}) × {lab('ex_sym_B_former')} + {a.sym} × {lab('ex_sym_N_former')}",
            f"({bz.num} + {T0.num}) × {ctx.n(B)} + {a.num} × {ctx.n(N)}", ctx.L[name])


def paid(ctx: Context, name: str) -> None:
    """What the Wmo pays besides tariffs (v3): −(subsidy + projects_wmo + income_other_wmo)."""
    parts = ("subsidy", "projects_wmo", "income_other_wmo")
    ctx.add(ctx.lab(name), f"−({' + '.join(ctx.name(x) for x in parts)})",
            f"−({' + '.join(ctx.m(ctx.L[x]) for x in parts)})", ctx.L[name])


def savings_hard(ctx: Context, name: str) -> None:
    """v3: savings − max(0, substitution) — a negative substitution (induced demand) stays in."""
    substitution(ctx, "substitution")
    L = ctx.L
    ctx.add(ctx.lab(name), f"{ctx.lab('savings')} − max(0; {ctx.lab('substitution')})",
            f"{ctx.m(L['savings'])} − max(0; {ctx.m(L['substitution'])})", L[name])


def net_municipality(ctx: Context, name: str) -> None:
    """v3: savings − projects_municipal − income_other_municipal (every municipal budget)."""
    sum_step(ctx, ctx.lab(name), ["savings", "projects_municipal", "income_other_municipal"], ["+", "−", "−"])


def cumulative_net_municipality(ctx: Context, name: str) -> None:
    running_sum(ctx, name, "net_municipality")


def cumulative_savings(ctx: Context, name: str) -> None:
    running_sum(ctx, name, "savings")


MECHANISMS: dict[str, Callable[[Context, str], None]] = {
    "tariff_difference": tariff_difference,
    "transport_avoided": transport_avoided,
    "new_clients": new_clients,
    "substitution": substitution,
    "replaced": replaced,
    "moved_clients": moved_clients,
    "paid": paid,
}
"""The seven mechanisms of MODEL.md §3.4 (v3), in the order of the tables."""

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
