"""The memo's words: names, counts, periods and tense, shared by the sentences of the conclusion
(:mod:`.conclusion`), the conditions (:mod:`.conditions`), the organisation's money (:mod:`.financing`)
and the uncertainty (:mod:`.uncertainty_words`), all read from the rounded ledger.

The wording rules (docs/glossary.md, issue 21):

- **Names.** A scenario's name is a proper name and may be anything ("Commerciële aanbieder",
  "De Schakel", "Stichting 't Hoekje"). It is never put where grammar needs a noun phrase of a
  certain shape: it always follows a common noun in quotes — "het ontwerp ‘Alleen vrijwilligers’",
  "het plan ‘Kamers vrijwilligers’" — and no sentence starts with it, so its article and capital
  stay as written (:func:`named`). The subject of a sentence is "de gemeente" or "de organisatie",
  never the name, so the verb agrees whatever the name is.
- **Tense.** A year before the memo's date is over: its sentences are in the past (conditional)
  tense; the memo's own year and later ones in the present or future (:class:`Voice`).
- **Nothing trivially true or empty**: a chance of 0 % or 100 %, a € 0 need or mechanism is said
  in words or left out.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from aldlan_model.i18n.labels import t
from aldlan_model.i18n.numfmt import money, number
from aldlan_model.ledger.rounded import Ledger
from aldlan_model.render.memo.document import MemoItem

QUOTES = {"nl": ("\u2018", "\u2019"), "en": ("\u2018", "\u2019")}
DOUBLE = ("\u201c", "\u201d")


@dataclass(frozen=True)
class Voice:
    """The report's language and date: which tense a year's sentence takes."""

    lang: str
    today: _dt.date

    def past(self, year: int) -> bool:
        return int(year) < self.today.year

    def say(self, key: str, when: int, /, **fmt: object) -> str:
        """The sentence ``key`` in the tense of ``year``: ``key_past`` or ``key_fut``."""
        return t(f"{key}_{'past' if self.past(when) else 'fut'}", self.lang, **fmt)


def quoted(name: str, lang: str) -> str:
    """A name in quotes; a name that holds an apostrophe (’t Hoekje) in double quotes."""
    name = " ".join(str(name).split())
    left, right = DOUBLE if ("'" in name or "\u2019" in name or "\u2018" in name) else QUOTES[lang]
    return f"{left}{name}{right}"


def is_plan(item: MemoItem) -> bool:
    return isinstance(getattr(item.model, "locations", None), list)


def rooms_of(item: MemoItem) -> int:
    return int(round(float(item.result.table["locations"].iloc[0])))


def named(item: MemoItem, lang: str) -> str:
    """"het model ‘X’" or "het plan ‘X’": the name where any name is grammatical."""
    return t("memo_w_plan" if is_plan(item) else "memo_w_model", lang, name=quoted(item.label, lang))


def who(item: MemoItem, lang: str) -> str:
    """What saves, in lower case: "één buurtkamer volgens het model ‘X’", "het plan ‘X’ met 9
    buurtkamers", "12 buurtkamers volgens het model ‘X’", "het model ‘X’ (een buurtkamer en 4 projecten)"."""
    rooms = rooms_of(item)
    if item.result.projects and not is_plan(item):
        return t("memo_w_with_projects", lang, model=named(item, lang), rooms=counted("memo_n_rooms", rooms, lang),
                 projects=counted("memo_n_projects", len(item.result.projects), lang))
    if is_plan(item):
        return t("memo_w_plan_rooms", lang, plan=named(item, lang), rooms=number(rooms, lang))
    if rooms == 1:
        return t("memo_w_one_room", lang, model=named(item, lang))
    return t("memo_w_rooms", lang, model=named(item, lang), rooms=number(rooms, lang))


def counted(key: str, n: int, lang: str) -> str:
    """"één project" or "4 projecten": a count with its noun in the right number."""
    return t(f"{key}_one", lang) if n == 1 else t(key, lang, n=number(n, lang))


def period(first: int, last: int) -> str:
    """"2019–2025", or "2020" for a period of one year (never "2020–2020")."""
    return str(first) if first == last else f"{first}\u2013{last}"


def opening(item: MemoItem, L: Ledger) -> int:
    """The year the room opens (the period's first year when the model does not say)."""
    return int(getattr(item.model, "start", L.years[0]))


def active_from(L: Ledger, start: int) -> int:
    """The first year anything happens: the room's opening, or an earlier year in which a project already
    costs the municipality something ("opgeteld over 2021–2025" for a plan that opens in 2021)."""
    net = L.lines["net_municipality"]
    years = L.years
    early = [y for y, x in zip(years, net, strict=True) if int(x) != 0 and y < start]
    return min([start, *early])


def cap(text: str) -> str:
    """The first letter in upper case ("één" → "Eén": the accent marks the stress, the capital the start)."""
    if text.startswith("één"):
        return "Eén" + text[3:]
    return text[:1].upper() + text[1:]


def join_and(parts: list[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {t('memo_and', lang)} " + parts[-1]


def outcome(amount: int, lang: str) -> str:
    """"besparing € 39.080" or "meerkosten € 44.258": a saving by its sign."""
    key = "memo_w_saving_amount" if amount >= 0 else "memo_w_extra_amount"
    return t(key, lang, amount=money(abs(amount), lang))


def run_in(item: MemoItem, lang: str) -> str:
    """A paragraph's bold lead for one of several designs: "**Het ontwerp ‘X’.**"."""
    return t("memo_for", lang, name=cap(named(item, lang)))
