"""What every section of one memo draws on while it is built: the items, their rounded ledgers and
Monte Carlo runs, the language and date (:class:`~.sentences.Voice`), and the running numbers of
tables and figures."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass
from typing import Any

from aldlan_model.i18n.labels import t
from aldlan_model.ledger.report import Row, Table
from aldlan_model.ledger.rounded import Ledger
from aldlan_model.render.memo.document import Block, MemoItem
from aldlan_model.render.memo.sentences import Voice

CHART_IN = (16 / 2.54, 2.6)  # the size the writers place a chart at (16 cm wide): its text prints at its size


@dataclass
class Build:
    items: list[MemoItem]
    voice: Voice
    charts: bool
    ledgers: list[Ledger]
    sims: list[Any] = dataclasses.field(default_factory=list)
    sens: list[list[str]] = dataclasses.field(default_factory=list)  # per item: the inputs that move it most
    tables: int = 0
    figures: int = 0

    @property
    def lang(self) -> str:
        return self.voice.lang

    @property
    def today(self) -> _dt.date:
        return self.voice.today

    @property
    def several(self) -> bool:
        return len(self.items) > 1

    @property
    def pairs(self) -> list[tuple[Any, Any]]:
        return [(it.model, it.result) for it in self.items]

    def caption(self, title: str) -> str:
        """The next table's numbered title."""
        self.tables += 1
        return t("caption", self.lang, n=self.tables, title=title)

    def table(self, table: Table, note: str = "", source: str = "memo_table_source_plain") -> Block:
        """A table block with the memo's one source line (the inputs are in the appendix; a table of
        inputs names the appendix as its source)."""
        notes = [note] if note else []
        table = dataclasses.replace(table, notes=notes)
        return Block("table", table=table, source_line=t(source, self.lang))

    def chart(self, items: list[tuple[Any, Any]], kind: str, title: str) -> Block | None:
        """A chart with the next figure's numbered caption (None when charts are off)."""
        if not self.charts:
            return None
        from aldlan_model.render.charts.draw import render_chart

        png = render_chart(items, kind, self.lang, "png", source=False, size=CHART_IN)
        self.figures += 1
        return Block("figure", t("memo_figure", self.lang, n=self.figures, title=title), image=png)


def without_zero_rows(rows: list[Row]) -> list[Row]:
    """The rows that carry something: a row whose every value is 0 is left out (totals kept)."""
    return [r for r in rows if r.total or any(isinstance(v, (int, float)) and v != 0 for v in r.values)]
