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
from aldlan_model.engine.params import dated_column
from aldlan_model.explain.dated import KINDS, factor_terms, factor_value, index_kind, key_in_force
from aldlan_model.i18n.labels import placeholders, t
from aldlan_model.i18n.numfmt import money, number
from aldlan_model.model.scenario import Scenario

INPUT_DECIMALS = 6  # the most decimals a money input is shown with


def input_decimals(x: float) -> int:
    """The decimals a money input needs to be shown as written: 2 for € 35,76 or € 12.000, 4 for € 3,4225."""
    for d in range(2, INPUT_DECIMALS):
        if abs(round(x, d) - x) <= 1e-9 * max(1.0, abs(x)):
            return d
    return INPUT_DECIMALS


@dataclass
class Step:
    label: str
    symbolic: str
    numeric: str
    value: float
    money: bool = True
    decimals: int = 2  # a money value derived from a dated input shows more, to check with a calculator


@dataclass
class Term:
    """A money input as it enters a rule in the year asked: with its index, or (dated) read for the year."""

    sym: str
    num: str
    value: float  # in money of the year asked


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

    def mi(self, x: float) -> str:
        """A money input as the rule computes with it: every decimal it has (€ 3,4225, not € 3,42), at least two
        (€ 35,76, € 12.000,00) and at most six, so a calculator check of the step comes out the same."""
        return money(x, self.lang, decimals=input_decimals(x))

    def lab(self, label: str, /, **kw: object) -> str:
        return t(label, self.lang, **kw)

    def name(self, line: str) -> str:
        """A line's label; a v3 line without a report label yet reads ``ex_name_…``."""
        try:
            placeholders(line, self.lang)
        except KeyError:
            return t(f"ex_name_{line}", self.lang)
        return t(line, self.lang)

    def add(self, label: str, symbolic: str, numeric: str, value: float, is_money: bool = True,
            decimals: int = 2) -> float:
        if any(s.label == label and s.numeric == numeric for s in self.steps):
            return value  # the same intermediate figure is shown once
        self.steps.append(Step(label, symbolic, numeric, value, is_money, decimals))
        return value

    def index(self, kind: str, year: int | None = None) -> float:
        """The index factor ``w``, ``p`` or ``t`` of ``year`` (default: the year asked), as a step."""
        year = self.year if year is None else year
        st = self.r.structure
        columns, inverted = factor_terms(st, kind, year)
        rates = {c: self.p(c) for c in columns}
        value = self.d[kind] if year == self.year else factor_value(st, rates, kind, year)
        label = self.lab(f"ex_sym_{kind}") if year == self.year else f"{self.lab(f'ex_sym_{kind}')} {year}"
        if st.keys_of(f"indexation.{KINDS[kind]}") is None:
            sym = self.lab("ex_sym_index_base", rate=columns[0], year=year, first=self.s.first)
            num = self.lab("ex_sym_index_base", rate=self.n(rates[columns[0]], 8), year=year, first=self.s.first)
        elif not columns:
            sym, num = self.lab("ex_index_first", first=self.s.first), "1"
        else:
            sym = " × ".join(f"(1 + {c.replace('@', ' ')})" for c in columns)
            num = " × ".join(f"(1 + {self.n(rates[c], 8)})" for c in columns)
            if inverted:
                sym, num = f"1 / ({sym})", f"1 / ({num})"
        self.add(label, sym, num, value, False)
        return value

    def money_in(self, path: str, kind: str | None = "auto") -> Term:
        """A money input as its rule uses it in the year asked (MODEL.md §3.9).

        Not dated: ``v × I`` (the index as a step). Dated: the key in force, the index from the key's
        year to this one and ``v_k × I_y / I_k`` as a step; the term is that value.
        """
        if kind == "auto":
            kind = index_kind(path, self.r.structure.replaced)
        keys = self.r.structure.keys_of(path)
        if keys is None:
            v = self.p(path)
            if kind is None:
                return Term(path, self.mi(v), v)
            factor = self.index(kind)
            return Term(f"{path} × {self.lab(f'ex_sym_{kind}')}", f"{self.mi(v)} × {self.n(factor, 8)}", v * factor)
        return self._dated(path, kind, keys)

    def _dated(self, path: str, kind: str | None, keys: tuple[int, ...]) -> Term:
        k = key_in_force(keys, self.year)
        v_k = self.p(dated_column(path, k))
        why = "ex_key_before" if self.year < k else "ex_key_from"
        sym = self.lab("ex_key_value", since=k)
        label = self.lab("ex_dated_label", path=path, year=self.year, since=k, why=self.lab(why, year=self.year))
        if kind is None:
            self.add(label, sym, self.mi(v_k), v_k, decimals=input_decimals(v_k))
            return Term(f"{path} {self.year}", self.mi(v_k), v_k)
        i_y, i_k = self.index(kind), self.index(kind, k)
        value = v_k / i_k * i_y  # as the engine: first-year money (v_k / I_k), then × I_y
        idx = self.lab(f"ex_sym_{kind}")
        self.add(label, f"{sym} × {idx} {self.year} / {idx} {k}",
                 f"{self.mi(v_k)} × {self.n(i_y, 8)} / {self.n(i_k, 8)} = {self.mi(v_k)} × {self.n(i_y / i_k, 8)}",
                 value, decimals=6)
        return Term(f"{path} {self.year}", self.mp(value), value)

    def mp(self, x: float) -> str:
        """Money with up to six decimals (trailing zeros dropped, at least two): a derived rate or a value read
        from a dated input, shown with the digits a calculator needs to reach the next step to the cent."""
        text = money(x, self.lang, decimals=6)
        for _ in range(4):
            text = text[:-1] if text.endswith("0") else text
        return text

    def ramp(self) -> float:
        k = int(self.d["k"])
        value = self.d["r"]
        if k < 1:  # not open yet: every flow of the room is 0
            return self.add(self.lab("ex_sym_ramp", k=k), self.lab("ex_not_open_zero"), "0", value, False)
        idx = min(k, len(self.s.ramp_up)) - 1
        self.add(self.lab("ex_sym_ramp", k=k), f"ramp_up.{idx}", self.n(value, 8), value, False)
        self.used[f"ramp_up.{idx}"] = None
        return value

    def dagdelen(self, group: str) -> float:
        """Participant-dagdelen of a group this year (ramped, × attendance: MODEL.md §3.1, §2.8)."""
        key = {"zin": "P_zin", "pgb": "P_pgb", "without_indication": "P_none", "former_indication": "P_former"}[group]
        cnt = self.p(f"participants.{group}.count")
        dpw = self.p(f"participants.{group}.dagdelen_per_week")
        W = self.p("opening.weeks_per_year")
        r = self.ramp()
        att = self.p("participants.attendance")
        count_label = {"zin": "ex_sym_count_zin", "pgb": "ex_sym_count_pgb", "without_indication": "ex_sym_count_none",
                       "former_indication": "ex_sym_count_former"}
        names = [self.lab(count_label[group])]
        nums = [self.n(cnt)]
        if group in ("zin", "pgb"):
            names.append(self.lab("ex_sym_served"))
            nums.append(self.n(float(self.r.staffing["served_share"][0]), 8))
        names += [self.lab("ex_sym_dpw"), self.lab("ex_sym_weeks"), self.lab("ex_sym_ramp", k=int(self.d["k"])),
                  self.lab("ex_sym_attendance")]
        nums += [self.n(dpw), self.n(W), self.n(r, 8), self.n(att, 8)]
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
    sym = " ".join(f"{sg} {ctx.name(n)}" for sg, n in zip(signs, names, strict=True)).lstrip("+ ")
    num = " ".join(f"{sg} {ctx.m(ctx.L[n])}" for sg, n in zip(signs, names, strict=True)).lstrip("+ ")
    ctx.add(
        label, sym, num, float(sum((1 if sg == "+" else -1) * ctx.L[n] for sg, n in zip(signs, names, strict=True)))
    )


def difference(ctx: Context, name: str, a: str, b: str, sign: str = "−") -> None:
    """The line ``name`` as ``a`` minus (or plus) ``b``."""
    L = ctx.L
    ctx.add(ctx.name(name), f"{ctx.name(a)} {sign} {ctx.name(b)}", f"{ctx.m(L[a])} {sign} {ctx.m(L[b])}", L[name])


def running_sum(ctx: Context, name: str, line: str) -> None:
    """The line ``name`` as the sum of ``line`` over the years up to this one."""
    values = ctx.r.per_location[line][0, : ctx.j + 1]
    ctx.add(ctx.name(name), " + ".join(f"{ctx.name(line)} {y}" for y in ctx.r.years[: ctx.j + 1]),
            " + ".join(ctx.m(v) for v in values), float(values.sum()))
