"""``aldlan explain``: how one figure came about, as steps a council member can check.

Each step shows the rule with names and the same rule with the actual numbers filled in.
Every number shown is taken from the engine's result or the scenario's inputs, so the
explained figure is the figure ``aldlan run`` reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aldlan_model.engine.lines import COST_LINES, INCOME_LINES, V1_MONEY_LINES, Result
from aldlan_model.engine.params import flatten
from aldlan_model.explain.municipality import V2_METRICS, V2_TARGET_METRICS, figure, transport_rate
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.messages import msg
from aldlan_model.i18n.numfmt import money, number
from aldlan_model.model.errors import UsageError
from aldlan_model.model.keys import suggest
from aldlan_model.model.scenario import Scenario

METRICS = (*V1_MONEY_LINES, *V2_METRICS)
TARGET_METRICS = ("share", "locations_needed", *V2_TARGET_METRICS)


@dataclass
class Step:
    label: str
    symbolic: str
    numeric: str
    value: float
    money: bool = True


@dataclass
class Explanation:
    metric: str
    label: str
    year: int
    value: float  # all locations
    per_location: float
    locations: int
    rule: str
    steps: list[Step] = field(default_factory=list)
    inputs: list[tuple[str, float, str | None]] = field(default_factory=list)
    lang: str = "nl"
    kind: str = "money"  # how the value reads: money, percent or rooms
    shown: int | None = None  # the whole euros the tables of `aldlan run` show


class _Ctx:
    def __init__(self, scenario: Scenario, result: Result, year: int, lang: str):
        self.s, self.r, self.lang = scenario, result, lang
        self.j = result.year_index(year)
        self.year = year
        self.row = result.table.iloc[0]
        self.d = {k: float(v[0, self.j]) for k, v in result.detail.items() if v.ndim == 2}
        self.L = {k: float(v[0, self.j]) for k, v in result.per_location.items()}
        self.used: dict[str, None] = {}
        self.steps: list[Step] = []

    def p(self, path: str) -> float:
        self.used[path] = None
        return float(self.row[path])

    def n(self, x: float, decimals: int = 6) -> str:
        text = number(x, self.lang, decimals)
        return text.rstrip("0").rstrip(",.") if ("," in text or "." in text) and decimals else text

    def m(self, x: float) -> str:
        return money(x, self.lang, decimals=2)

    def lab(self, key: str, **kw: object) -> str:
        return t(key, self.lang, **kw)

    def add(self, label: str, symbolic: str, numeric: str, value: float, is_money: bool = True) -> float:
        if any(s.label == label and s.numeric == numeric for s in self.steps):
            return value  # the same intermediate figure is shown once
        self.steps.append(Step(label, symbolic, numeric, value, is_money))
        return value

    def index(self, kind: str) -> float:
        rate_path = {"w": "indexation.wages", "p": "indexation.prices", "t": "indexation.tariffs"}[kind]
        rate = self.p(rate_path)
        value = self.d[kind]
        self.add(
            self.lab(f"ex_sym_{kind}"),
            self.lab("ex_sym_index_base", rate=rate_path, year=self.year, first=self.s.first),
            self.lab("ex_sym_index_base", rate=self.n(rate, 8), year=self.year, first=self.s.first),
            value,
            False,
        )
        return value

    def ramp(self) -> float:
        k = int(self.d["k"])
        idx = min(k, len(self.s.ramp_up)) - 1
        value = self.d["r"]
        self.add(self.lab("ex_sym_ramp", k=k), f"ramp_up.{idx}", self.n(value, 8), value, False)
        self.used[f"ramp_up.{idx}"] = None
        return value

    def dagdelen(self, group: str) -> float:
        key = {"zin": "P_zin", "pgb": "P_pgb", "without_indication": "P_none"}[group]
        cnt = self.p(f"participants.{group}.count")
        dpw = self.p(f"participants.{group}.dagdelen_per_week")
        W = self.p("opening.weeks_per_year")
        r = self.ramp()
        f = float(self.r.staffing["served_share"][0]) if group != "without_indication" else 1.0
        count_label = {"zin": "ex_sym_count_zin", "pgb": "ex_sym_count_pgb", "without_indication": "ex_sym_count_none"}
        names = [self.lab(count_label[group])]
        nums = [self.n(cnt)]
        if group != "without_indication":
            names.append(self.lab("ex_sym_served"))
            nums.append(self.n(f, 8))
        names += [self.lab("ex_sym_dpw"), self.lab("ex_sym_weeks"), self.lab("ex_sym_ramp", k=int(self.d["k"]))]
        nums += [self.n(dpw), self.n(W), self.n(r, 8)]
        return self.add(self.lab(f"ex_sym_{key}"), " × ".join(names), " × ".join(nums), self.d[key], False)


def _product(ctx: _Ctx, label: str, parts: list[tuple[str, float, str]]) -> float:
    """A step that multiplies named values; parts are (name, value, kind)."""
    value = 1.0
    for _, v, _ in parts:
        value *= v
    fmt = {"money": ctx.m, "number": ctx.n, "factor": lambda x: ctx.n(x, 8)}
    return ctx.add(label, " × ".join(n for n, _, _ in parts), " × ".join(fmt[k](v) for _, v, k in parts), value)


def _line(ctx: _Ctx, name: str) -> float:
    """Steps for one operator line (per location); returns the engine's value."""
    L, lab, s = ctx.L, ctx.lab, ctx.s
    if name == "staff_professional":
        w = ctx.index("w")
        for i, m in enumerate(s.staff):
            pre = f"staff.{i}."
            if m.kind == "volunteer":
                continue
            if m.is_fte:
                _product(
                    ctx,
                    m.label,
                    [
                        (pre + "fte", ctx.p(pre + "fte"), "number"),
                        (pre + "salary", ctx.p(pre + "salary"), "money"),
                        ("(1 + " + pre + "employer_charges)", 1 + ctx.p(pre + "employer_charges"), "factor"),
                        (lab("ex_sym_w"), w, "factor"),
                    ],
                )
            else:
                _product(
                    ctx,
                    m.label,
                    [
                        (pre + "hours_per_week", ctx.p(pre + "hours_per_week"), "number"),
                        (lab("ex_sym_weeks"), ctx.p("opening.weeks_per_year"), "number"),
                        (pre + "hourly_cost", ctx.p(pre + "hourly_cost"), "money"),
                        (lab("ex_sym_w"), w, "factor"),
                    ],
                )
    elif name == "staff_volunteer":
        p = ctx.index("p")
        for i, m in enumerate(s.staff):
            pre = f"staff.{i}."
            if m.kind == "volunteer":
                _product(
                    ctx,
                    m.label,
                    [
                        (pre + "count", ctx.p(pre + "count"), "number"),
                        (
                            f"({pre}allowance + {pre}other_costs)",
                            ctx.p(pre + "allowance") + ctx.p(pre + "other_costs"),
                            "money",
                        ),
                        (lab("ex_sym_p"), p, "factor"),
                    ],
                )
    elif name == "housing":
        _product(
            ctx,
            lab(name),
            [("costs.housing", ctx.p("costs.housing"), "money"), (lab("ex_sym_p"), ctx.index("p"), "factor")],
        )
    elif name == "activities":
        total = ctx.dagdelen("zin") + ctx.dagdelen("pgb") + ctx.dagdelen("without_indication")
        p = ctx.index("p")
        _product(
            ctx,
            lab(name),
            [
                ("costs.per_participant_dagdeel", ctx.p("costs.per_participant_dagdeel"), "money"),
                (f"({lab('ex_sym_P_zin')} + {lab('ex_sym_P_pgb')} + {lab('ex_sym_P_none')})", total, "number"),
                (lab("ex_sym_p"), p, "factor"),
            ],
        )
    elif name == "overhead":
        base = sum(L[x] for x in ("staff_professional", "staff_volunteer", "housing", "activities"))
        _product(
            ctx,
            lab(name),
            [
                ("costs.overhead", ctx.p("costs.overhead"), "factor"),
                (
                    f"({lab('staff_professional')} + {lab('staff_volunteer')} + {lab('housing')} + "
                    f"{lab('activities')})",
                    base,
                    "money",
                ),
            ],
        )
    elif name == "depreciation":
        amount, years = ctx.p("costs.startup.amount"), ctx.p("costs.startup.depreciation_years")
        ctx.add(
            lab(name),
            "costs.startup.amount / costs.startup.depreciation_years"
            + (f" ({'exploitatiejaar' if ctx.lang == 'nl' else 'operating year'} {int(ctx.d['k'])})"),
            f"{ctx.m(amount)} / {ctx.n(years)}" if L[name] else "0",
            L[name],
        )
    elif name == "margin":
        base = sum(L[x] for x in COST_LINES[:6])
        _product(
            ctx,
            lab(name),
            [
                ("costs.margin", ctx.p("costs.margin"), "factor"),
                ("Σ " + ", ".join(lab(x) for x in COST_LINES[:6]), base, "money"),
            ],
        )
    elif name in ("income_zin", "income_pgb"):
        group = name[-3:]
        P = ctx.dagdelen(group)
        tix = ctx.index("t")
        _product(
            ctx,
            lab(name),
            [
                (f"tariffs.buurtkamer.{group}", ctx.p(f"tariffs.buurtkamer.{group}"), "money"),
                (lab("ex_sym_t"), tix, "factor"),
                (lab(f"ex_sym_P_{group}"), P, "number"),
            ],
        )
    elif name == "income_contribution":
        P = ctx.dagdelen("without_indication")
        p = ctx.index("p")
        _product(
            ctx,
            lab(name),
            [
                ("income.contribution", ctx.p("income.contribution"), "money"),
                (lab("ex_sym_p"), p, "factor"),
                (lab("ex_sym_P_none"), P, "number"),
            ],
        )
    elif name == "income_other":
        _product(
            ctx,
            lab(name),
            [("income.other", ctx.p("income.other"), "money"), (lab("ex_sym_p"), ctx.index("p"), "factor")],
        )
    elif name == "subsidy":
        if s.income.covers_deficit:
            earned = sum(L[x] for x in INCOME_LINES[:4])
            ctx.add(
                lab(name),
                f"max(0; {lab('cost')} − ({' + '.join(lab(x) for x in INCOME_LINES[:4])}))",
                f"max(0; {ctx.m(L['cost'])} − {ctx.m(earned)})",
                L[name],
            )
        else:
            ctx.add(lab(name), "income.subsidy", ctx.m(ctx.p("income.subsidy")), L[name])
    return L[name]


def _sum_step(ctx: _Ctx, label: str, names: list[str], signs: list[str] | None = None) -> None:
    signs = signs or ["+"] * len(names)
    sym = " ".join(f"{sg} {ctx.lab(n)}" for sg, n in zip(signs, names, strict=True)).lstrip("+ ")
    num = " ".join(f"{sg} {ctx.m(ctx.L[n])}" for sg, n in zip(signs, names, strict=True)).lstrip("+ ")
    ctx.add(
        label, sym, num, float(sum((1 if sg == "+" else -1) * ctx.L[n] for sg, n in zip(signs, names, strict=True)))
    )


def _municipality(ctx: _Ctx, name: str) -> None:
    lab = ctx.lab
    tix = ctx.index("t")
    Pz, Pp, Pn = ctx.d["P_zin"], ctx.d["P_pgb"], ctx.d["P_none"]
    Ni, Nn = ctx.d["N_ind"], ctx.d["N_none"]
    ctx.dagdelen("zin")
    ctx.dagdelen("pgb")
    zc, pc = ctx.p("participants.zin.count"), ctx.p("participants.pgb.count")
    f, r = float(ctx.r.staffing["served_share"][0]), ctx.d["r"]
    ctx.add(
        lab("ex_sym_N_ind"),
        f"({lab('ex_sym_count_zin')} + {lab('ex_sym_count_pgb')}) × {lab('ex_sym_served')} × "
        f"{lab('ex_sym_ramp', k=int(ctx.d['k']))}",
        f"({ctx.n(zc)} + {ctx.n(pc)}) × {ctx.n(f, 8)} × {ctx.n(r, 8)}",
        Ni,
        False,
    )
    a = ctx.p("municipality.assessment_per_indication")
    if name == "baseline":
        s_ = ctx.p("municipality.substitution")
        ctx.dagdelen("without_indication")
        nc = ctx.p("participants.without_indication.count")
        ctx.add(
            lab("ex_sym_N_none"),
            f"{lab('ex_sym_count_none')} × {lab('ex_sym_ramp', k=int(ctx.d['k']))}",
            f"{ctx.n(nc)} × {ctx.n(r, 8)}",
            Nn,
            False,
        )
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
    else:
        tr = transport_rate(ctx, "buurtkamer")
        _line(ctx, "subsidy")
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


def explain(
    scenario: Scenario,
    result: Result,
    metric: str,
    year: int | None = None,
    lang: str = "nl",
    location: str | None = None,
    project: str | None = None,
) -> Explanation:
    """Explain one money figure of one year (default: the target year).

    For a plan: with ``location`` the figure of that location (for all its rooms),
    without it the plan's figure as the sum over its locations.
    """
    rooms = getattr(scenario, "locations", None)
    if isinstance(rooms, list):
        return _explain_plan(scenario, result, metric, year, lang, location, project)
    if location is not None:
        raise UsageError(msg("ex_location_plans"))
    if project is not None and metric not in ("projects_cost", "projects_funding", "projects_result", "projects_wmo",
                                              "projects_municipal", "projects_external"):
        raise UsageError(msg("ex_project_figure"))
    if metric in TARGET_METRICS:
        return _explain_target(scenario, result, metric, lang)
    if metric not in METRICS:
        choices = [*METRICS, *TARGET_METRICS]
        hint = suggest(metric, choices)
        extra = msg("did_you_mean", hint=hint) if hint else ""
        raise UsageError(msg("ex_unknown_metric", metric=repr(metric), hint=extra, choices=", ".join(choices)))
    year = scenario.target_year if year is None else int(year)
    try:
        ctx = _Ctx(scenario, result, year, lang)
    except ValueError:
        raise UsageError(msg("ex_year_outside", year=year, first=scenario.first, last=scenario.last)) from None
    k = int(ctx.d["k"])
    rule_key = f"ex_rule_{metric}"
    if metric == "subsidy":
        rule_key = "ex_rule_subsidy_cover" if scenario.income.covers_deficit else "ex_rule_subsidy_fixed"
    rule = t(rule_key, lang, first=scenario.first) if metric == "cumulative_savings" else t(rule_key, lang)
    if metric in V2_METRICS:
        figure(ctx, metric, project)
    elif k < 1 and metric not in ("cumulative_savings", "baseline", "scenario", "savings"):
        rule = rule + " " + t("ex_not_operating", lang, year=year, k=k)
    elif metric in (*COST_LINES, *INCOME_LINES, "subsidy"):
        _line(ctx, metric)
    elif metric == "cost":
        _sum_step(ctx, t("cost", lang), list(COST_LINES))
    elif metric == "income":
        _sum_step(ctx, t("income", lang), [*INCOME_LINES])
    elif metric == "result":
        _sum_step(ctx, t("result", lang), ["income", "cost"], ["+", "−"])
    elif metric in ("baseline", "scenario"):
        _municipality(ctx, metric)
    elif metric == "savings":
        _sum_step(ctx, t("savings", lang), ["baseline", "scenario"], ["+", "−"])
        rule += " " + t("ex_see_also", lang)
    elif metric == "cumulative_savings":
        per_year = result.per_location["savings"][0, : ctx.j + 1]
        ctx.add(
            t("cumulative_savings", lang),
            " + ".join(f"{t('savings', lang)} {y}" for y in result.years[: ctx.j + 1]),
            " + ".join(ctx.m(v) for v in per_year),
            float(per_year.sum()),
        )
    sources = flatten(scenario)
    inputs = [(path, float(ctx.row[path]), sources[path].source if path in sources else None) for path in ctx.used]
    locations = int(ctx.row["locations"])
    from aldlan_model.ledger.rounded import ledger  # the tables' own rounding

    led = ledger(result)
    value, per_location = float(result.lines[metric][0, ctx.j]), ctx.L[metric]
    shown = int(led.lines[metric][ctx.j])
    label = t(metric, lang)
    if project is not None:
        key = metric.removeprefix("projects_")
        lines = dict(result.projects)[project]
        arr = (lines["wmo"] + lines["municipal"] + lines["external"]) if key == "funding" else lines[key]
        value, per_location = float(arr[0, ctx.j]), float(arr[0, ctx.j]) / locations
        pl = dict(led.projects)[project]
        shown = int(pl[key][ctx.j]) if key in pl else int(pl["wmo"][ctx.j] + pl["municipal"][ctx.j]
                                                          + pl["external"][ctx.j])
        label = f"{label} ({project})"
    return Explanation(
        metric=metric,
        label=label,
        year=year,
        value=value,
        per_location=per_location,
        locations=locations,
        rule=rule,
        steps=ctx.steps,
        inputs=inputs,
        lang=lang,
        shown=shown,
    )


def _explain_target(scenario: Scenario, result: Result, metric: str, lang: str) -> Explanation:
    """The share of the target and the rooms needed, in the target year."""
    year = int(result.target["year"][0])
    amount = float(result.target["amount"][0])
    savings = float(result.target["savings"][0])
    per_room = float(result.target["savings_per_location"][0])
    locations = int(result.table["locations"].iloc[0])
    m = lambda x: money(x, lang, decimals=2)  # noqa: E731
    source = scenario.target.amount.source
    inputs = [("target.amount", amount, source), ("locations", float(locations), scenario.locations.source)]
    if metric in V2_TARGET_METRICS:
        return _explain_target_v2(scenario, result, metric, lang)
    if metric == "share":
        value = float(result.target["share"][0])
        steps = [Step(t("target_share", lang), f"{t('savings', lang)} {year} / target.amount",
                      f"{m(savings)} / {m(amount)}", value, money=False)]
        return Explanation(metric, t("target_share", lang), year, value, value, 1, t("ex_rule_share", lang),
                           steps, inputs, lang, kind="percent")
    value = float(result.target["locations_needed"][0])
    steps = [Step(t("savings", lang) + f" {year} " + t("ex_per_location", lang),
                  f"{t('savings', lang)} / {t('locations', lang)}", f"{m(savings)} / {locations}", per_room)]
    if per_room > 0.005:
        steps.append(Step(t("locations_needed", lang), f"⌈ target.amount / {t('savings', lang)} "
                          f"{t('ex_per_location', lang)} ⌉", f"⌈ {m(amount)} / {m(per_room)} ⌉ = "
                          f"⌈ {number(amount / per_room, lang, 4)} ⌉", value, money=False))
    return Explanation(metric, t("locations_needed", lang), year, value, value, 1, t("ex_rule_locations_needed", lang),
                       steps, inputs, lang, kind="rooms")


def _explain_plan(plan, result: Result, metric: str, year: int | None, lang: str, location: str | None,
                  project: str | None = None) -> Explanation:
    if location is None and metric in TARGET_METRICS:
        return _explain_target(plan.base, result, metric, lang)  # the plan's totals, its rooms counted
    if location is not None:
        room = plan.location(location)
        part = result.parts[plan.locations.index(room)]
        ex = explain(room.scenario, part, metric, year, lang, project=project)
        ex.label = f"{ex.label} ({room.name})"
        return ex
    first = explain(plan.locations[0].scenario, result.parts[0], metric, year, lang)  # checks metric and year
    j = result.year_index(first.year)
    values = [float(part.lines[metric][0, j]) for part in result.parts]
    names = [f"{room.name} ({room.count} ×)" for room in plan.locations]
    step = Step(t(metric, lang), " + ".join(names), " + ".join(money(v, lang, decimals=2) for v in values), sum(values))
    return Explanation(
        metric=metric,
        label=t(metric, lang),
        year=first.year,
        value=float(result.lines[metric][0, j]),
        per_location=float(result.per_location[metric][0, j]),
        locations=1,
        rule=t("ex_rule_plan", lang),
        steps=[step],
        inputs=[],
        lang=lang,
    )


def _explain_target_v2(scenario: Scenario, result: Result, metric: str, lang: str) -> Explanation:
    """The hard-savings target, the cost per dagdeel, the financing need and the payback year."""
    tg = result.target
    year, amount = int(tg["year"][0]), float(tg["amount"][0])
    m = lambda x: money(x, lang, decimals=2)  # noqa: E731
    years = [int(y) for y in result.years]
    locations = int(result.table["locations"].iloc[0])
    inputs = [("target.amount", amount, scenario.target.amount.source)]
    rule = t(f"ex_rule_{metric}", lang)
    if metric == "share_hard":
        value = float(tg["share_hard"][0])
        steps = [Step(t("target_share", lang), f"{t('savings_hard_short', lang)} {year} / target.amount",
                      f"{m(float(tg['savings_hard'][0]))} / {m(amount)}", value, money=False)]
        return Explanation(metric, t("cmp_share_hard", lang), year, value, value, 1, rule, steps, inputs, lang,
                           kind="percent")
    if metric == "locations_needed_hard":
        per_room = float(tg["savings_hard_per_location"][0])
        value = float(tg["locations_needed_hard"][0])
        steps = [Step(t("savings_hard_short", lang) + f" {year} " + t("ex_per_location", lang),
                      f"{t('savings_hard_short', lang)} / {t('locations', lang)}",
                      f"{m(float(tg['savings_hard'][0]))} / {locations}", per_room)]
        if per_room > 0.005:
            steps.append(Step(t("cmp_locations_needed_hard", lang), f"⌈ target.amount / {t('savings_hard_short', lang)}"
                              f" {t('ex_per_location', lang)} ⌉", f"⌈ {m(amount)} / {m(per_room)} ⌉ = "
                              f"⌈ {number(amount / per_room, lang, 4)} ⌉", value, money=False))
        return Explanation(metric, t("cmp_locations_needed_hard", lang), year, value, value, 1, rule, steps, inputs,
                           lang, kind="rooms")
    if metric == "cost_per_dagdeel":
        j = result.year_index(year)
        cost, dagdelen = float(result.lines["cost"][0, j]), float(result.lines["dagdelen"][0, j])
        value = float(tg["cost_per_dagdeel"][0])
        steps = [Step(t("cost_per_dagdeel", lang), f"{t('cost', lang)} {year} / {t('ex_sym_dagdelen_all', lang)}",
                      f"{m(cost)} / {number(dagdelen, lang, 2)}", value)]
        pairs = [("tariffs.buurtkamer.zin", scenario.tariffs.buurtkamer.zin),
                 ("tariffs.baseline.zin", scenario.tariffs.baseline.zin)]
        inputs = [(path, num.point, num.source) for path, num in pairs]
        return Explanation(metric, t("cost_per_dagdeel", lang), year, value, value, 1, rule, steps, inputs, lang,
                           kind="money2")
    if metric == "financing_need":
        cum = result.lines["cumulative_result"][0]
        j = int(cum.argmin())
        value = float(tg["financing_need"][0])
        steps = [Step(f"{t('cumulative_result', lang)} {y}", f"Σ {t('organisation_result', lang)} {years[0]}–{y}",
                      m(float(c)), float(c)) for y, c in zip(years, cum, strict=True)]
        steps.append(Step(t("financing_need", lang), f"max(0; −min {t('cumulative_result', lang)})",
                          f"max(0; −({m(float(cum[j]))})) ({years[j]})", value))
        return Explanation(metric, t("financing_need", lang), year, value, value / locations, locations, rule, steps,
                           [], lang)
    # payback_year
    cum = result.lines["cumulative_net_municipality"][0]
    value = float(tg["payback_year"][0])
    steps = [Step(f"{t('cumulative_net_municipality', lang)} {y}", f"Σ {t('net_municipality', lang)} {years[0]}–{y}",
                  m(float(c)), float(c)) for y, c in zip(years, cum, strict=True)]
    return Explanation(metric, t("payback_year", lang), year, value, value, 1, rule, steps, [], lang, kind="year")
