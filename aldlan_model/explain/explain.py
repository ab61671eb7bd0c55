"""``aldlan explain``: how one figure came about, as steps a council member can check.

:func:`explain` checks the figure asked for and hands it to the module of its family:
:mod:`.operator` (the operator's lines), :mod:`.municipality` (baseline, scenario, savings,
mechanisms, net position), :mod:`.projects`, :mod:`.target` and :mod:`.financing` (the
figures of the target year). A plan's figure is the sum over its locations.
"""

from __future__ import annotations

from collections.abc import Callable

from aldlan_model.engine.lines import OPERATOR_LINES, OTHER_INCOME_LINES, V1_MONEY_LINES, Result
from aldlan_model.engine.params import flatten
from aldlan_model.explain import cash, financing, municipality, operator, present_value, projects, target
from aldlan_model.explain.context import Context, Explanation, Step
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.messages import msg
from aldlan_model.i18n.numfmt import money
from aldlan_model.ledger.rounded import Ledger, ledger, present_value_euros, room_ledger
from aldlan_model.model.errors import UsageError
from aldlan_model.model.keys import suggest
from aldlan_model.model.numbers import nfc
from aldlan_model.model.scenario import Scenario

METRICS = (*V1_MONEY_LINES, *OTHER_INCOME_LINES, *municipality.MECHANISMS, "savings_hard", "net_municipality",
           "cumulative_net_municipality", "organisation_result", "cumulative_result", *cash.FIGURES,
           *projects.PROJECT_METRICS)
TARGETS: dict[str, Callable[[Scenario, Result, str, str], Explanation]] = {
    **target.FIGURES, **financing.FIGURES, **present_value.FIGURES}
TARGET_METRICS = tuple(TARGETS)
STEPS: dict[str, Callable[[Context, str], None]] = {
    **operator.LINES, **operator.FIGURES, **municipality.FIGURES, **cash.FIGURES}
"""Each figure of one year (but the projects') and the function that adds its steps."""


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
    return with_shown(_explain_one(scenario, result, metric, year, lang, location, project), result, ledger(result),
                      project)


def with_shown(ex: Explanation, result: Result, L: Ledger, project: str | None = None) -> Explanation:
    """``ex`` with the whole euros the tables of ``aldlan run`` show for its figure (MODEL.md §4.1): the line of
    the rounded ledger ``L`` (a plan's room: its own, rounded per room × its count), the financing need from
    its running cash, a present value rounded once; None for a figure that is no money of the ledger."""
    if ex.kind not in ("money", "money2") or ex.metric == "cost_per_dagdeel":
        ex.shown = None
    elif ex.metric == "financing_need":
        ex.shown = L.financing_need
    elif ex.metric in present_value.FIGURES:
        ex.shown = present_value_euros(result.target)[ex.metric.removeprefix("pv_")]
    elif project is not None:
        name = projects.canonical([n for n, _ in result.projects], project)
        if name in dict(result.projects):
            ex.shown = projects.one_project(result, L, ex.metric, name, result.year_index(ex.year))[1]
        else:  # a plan's room without that project: € 0 in its tables
            ex.shown = 0
    elif ex.metric in L.lines:
        ex.shown = int(L.lines[ex.metric][result.year_index(ex.year)])
    return ex


def _explain_one(
    scenario: Scenario,
    result: Result,
    metric: str,
    year: int | None,
    lang: str,
    location: str | None,
    project: str | None,
) -> Explanation:
    """:func:`explain` of a single scenario, before the tables' euros are added."""
    if location is not None:
        raise UsageError(msg("ex_location_plans"))
    if project is not None and metric not in projects.PROJECT_METRICS:
        raise UsageError(msg("ex_project_figure"))
    if project is not None:
        project = projects.canonical([p.name for p in scenario.projects], project)
    if metric in TARGETS:
        return TARGETS[metric](scenario, result, metric, lang)
    if metric not in METRICS:
        choices = [*METRICS, *TARGET_METRICS]
        hint = suggest(metric, choices)
        extra = msg("did_you_mean", hint=hint) if hint else ""
        raise UsageError(msg("ex_unknown_metric", metric=repr(metric), hint=extra, choices=", ".join(choices)))
    year = scenario.target_year if year is None else int(year)
    try:
        ctx = Context(scenario, result, year, lang)
    except ValueError:
        raise UsageError(msg("ex_year_outside", year=year, first=scenario.first, last=scenario.last)) from None
    rule = _rule(ctx, metric)
    if metric in projects.PROJECT_METRICS:
        projects.figure(ctx, metric, project)
    elif _operating(ctx) or metric not in (*OPERATOR_LINES, *OTHER_INCOME_LINES):
        STEPS[metric](ctx, metric)
    return _explanation(ctx, metric, rule, project)


def _operating(ctx: Context) -> bool:
    """Whether the year is an operating year (the operator's lines are zero before)."""
    return int(ctx.d["k"]) >= 1


def _rule(ctx: Context, metric: str) -> str:
    """The rule in words, with a note when the operator's line is asked before the first operating year."""
    lang = ctx.lang
    rule_key = f"ex_rule_{metric}"
    if metric == "subsidy":
        rule_key = "ex_rule_subsidy_cover" if ctx.s.income.covers_deficit else "ex_rule_subsidy_fixed"
    if metric.startswith("payers_"):
        rule_key = "ex_rule_payers"
    elif metric in OTHER_INCOME_LINES:
        rule_key = "ex_rule_income_other_budget"
    rule = t(rule_key, lang, first=ctx.s.first) if metric == "cumulative_savings" else t(rule_key, lang)
    if metric in (*OPERATOR_LINES, *OTHER_INCOME_LINES) and not _operating(ctx):
        rule = rule + " " + t("ex_not_operating", lang, year=ctx.year, k=int(ctx.d["k"]))
    elif metric == "savings":
        rule += " " + t("ex_see_also", lang)
    return rule


def _explanation(ctx: Context, metric: str, rule: str, project: str | None) -> Explanation:
    """The explanation of the steps added: the figure for all locations and as the tables show it."""
    result, lang = ctx.r, ctx.lang
    sources = flatten(ctx.s)
    inputs = [(path, float(ctx.row[path]), sources[path].source if path in sources else None) for path in ctx.used]
    locations = int(ctx.row["locations"])
    value, per_location = float(result.lines[metric][0, ctx.j]), ctx.L[metric]
    label = ctx.name(metric)
    if project is not None:
        value = projects.one_project(result, ledger(result), metric, project, ctx.j)[0]
        per_location = value / locations
        label = f"{label} ({project})"
    return Explanation(
        metric=metric,
        label=label,
        year=ctx.year,
        value=value,
        per_location=per_location,
        locations=locations,
        rule=rule,
        steps=ctx.steps,
        inputs=inputs,
        lang=lang,
    )


def _explain_plan(plan, result: Result, metric: str, year: int | None, lang: str, location: str | None,
                  project: str | None = None) -> Explanation:
    """A plan's figure: of one location with ``location``, else the sum over its locations."""
    if location is None and metric in present_value.FIGURES:
        return with_shown(_plan_present_value(plan, result, metric, lang), result, ledger(result))
    if location is None and metric in TARGET_METRICS:  # the plan's totals, its rooms counted
        return with_shown(TARGETS[metric](plan.base, result, metric, lang), result, ledger(result))
    if project is not None:  # a project none of the rooms has is an error, not the plan's total
        if metric not in projects.PROJECT_METRICS:
            raise UsageError(msg("ex_project_figure"))
        names = list(dict.fromkeys(p.name for room in plan.locations for p in room.scenario.projects))
        if not any(nfc(n) == nfc(project) for n in names):
            raise projects.no_project(project, names)
    if location is not None:
        room = plan.location(location)
        part = result.parts[plan.locations.index(room)]
        ex = explain(room.scenario, part, metric, year, lang, project=project)
        ex.label = f"{ex.label} ({room.name})"
        return with_shown(ex, part, room_ledger(part), project)  # the room as the plan's rooms table adds it
    first = explain(plan.locations[0].scenario, result.parts[0], metric, year, lang)  # checks metric and year
    j = result.year_index(first.year)
    values = [float(part.lines[metric][0, j]) for part in result.parts]
    label = first.label
    if project is not None:  # that project's figure in each room that has it
        values = [explain(room.scenario, part, metric, year, lang, project=project).value
                  if any(nfc(p.name) == nfc(project) for p in room.scenario.projects) else 0.0
                  for room, part in zip(plan.locations, result.parts, strict=True)]
        label = f"{label} ({project})"
    names = [f"{room.name} ({room.count} ×)" for room in plan.locations]
    steps = [Step(label, " + ".join(names), " + ".join(money(v, lang, decimals=2) for v in values), sum(values))]
    if project is None and metric in ledger(result).lines:  # the tables add the rooms' own rounded figures
        shown = [int(room_ledger(part).lines[metric][j]) for part in result.parts]
        steps.append(Step(f"{label} ({t('ex_in_tables', lang)})", " + ".join(names),
                          " + ".join(money(v, lang) for v in shown), float(sum(shown)), decimals=0))
    total = float(result.lines[metric][0, j]) if project is None else sum(values)
    return with_shown(Explanation(
        metric=metric,
        label=label,
        year=first.year,
        value=total,
        per_location=float(result.per_location[metric][0, j]) if project is None else total / max(
            1, sum(room.count for room in plan.locations)),
        locations=1,
        rule=t("ex_rule_plan", lang),
        steps=steps,
        inputs=[],
        lang=lang,
    ), result, ledger(result), project)


def _plan_present_value(plan, result: Result, metric: str, lang: str) -> Explanation:
    """A plan's present value: the sum of its locations' (each with its own index and rooms)."""
    one = present_value.present_value(plan.base, result.parts[0], metric, lang)
    values = [float(part.target[metric][0]) for part in result.parts]
    names = [f"{room.name} ({room.count} ×)" for room in plan.locations]
    step = Step(one.label, " + ".join(names), " + ".join(money(v, lang, decimals=2) for v in values), sum(values))
    return Explanation(metric=metric, label=one.label, year=one.year, value=float(result.target[metric][0]),
                       per_location=float(result.target[metric][0]), locations=1,
                       rule=t("ex_rule_plan", lang), steps=[step], inputs=[], lang=lang, kind="money2")
