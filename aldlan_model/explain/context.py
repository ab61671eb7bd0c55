"""What every explained figure is made of: :class:`Step`, :class:`Explanation` and the
:class:`Context` that fills in the numbers of one scenario, result and year, with the small
step helpers the figure modules share (a product, a sum, a difference, a running sum).

Each step shows the rule with names and the same rule with the actual numbers filled in.
Every number shown is taken from the engine's result or the scenario's inputs, so the
explained figure is the figure ``aldlan run`` reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aldlan_model.engine.lines import Result
from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, number
from aldlan_model.model.scenario import Scenario


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


class Context:
    """One scenario, result and year: the inputs used and the steps shown so far (per location)."""

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


def product(ctx: Context, label: str, parts: list[tuple[str, float, str]]) -> float:
    """A step that multiplies named values; parts are (name, value, kind)."""
    value = 1.0
    for _, v, _ in parts:
        value *= v
    fmt = {"money": ctx.m, "number": ctx.n, "factor": lambda x: ctx.n(x, 8)}
    return ctx.add(label, " × ".join(n for n, _, _ in parts), " × ".join(fmt[k](v) for _, v, k in parts), value)


def sum_step(ctx: Context, label: str, names: list[str], signs: list[str] | None = None) -> None:
    """A step that adds (or subtracts) lines of this year."""
    signs = signs or ["+"] * len(names)
    sym = " ".join(f"{sg} {ctx.lab(n)}" for sg, n in zip(signs, names, strict=True)).lstrip("+ ")
    num = " ".join(f"{sg} {ctx.m(ctx.L[n])}" for sg, n in zip(signs, names, strict=True)).lstrip("+ ")
    ctx.add(
        label, sym, num, float(sum((1 if sg == "+" else -1) * ctx.L[n] for sg, n in zip(signs, names, strict=True)))
    )


def difference(ctx: Context, name: str, a: str, b: str, sign: str = "−") -> None:
    """The line ``name`` as ``a`` minus (or plus) ``b``."""
    lab, L = ctx.lab, ctx.L
    ctx.add(lab(name), f"{lab(a)} {sign} {lab(b)}", f"{ctx.m(L[a])} {sign} {ctx.m(L[b])}", L[name])


def running_sum(ctx: Context, name: str, line: str) -> None:
    """The line ``name`` as the sum of ``line`` over the years up to this one."""
    values = ctx.r.per_location[line][0, : ctx.j + 1]
    ctx.add(ctx.lab(name), " + ".join(f"{ctx.lab(line)} {y}" for y in ctx.r.years[: ctx.j + 1]),
            " + ".join(ctx.m(v) for v in values), float(values.sum()))
