"""Notes: values that are valid but probably not what the writer meant.

They never stop a run (a valid file stays valid); the CLI shows them on stderr next to the
result, with the place they were written, so ``salary: 34.000`` (read as 34 euros, the
point being a decimal point in YAML) does not pass unnoticed.
"""

from __future__ import annotations

import re

from aldlan_model.errors import Problem
from aldlan_model.loader import Document, locate
from aldlan_model.scenario import Scenario
from aldlan_model.yamlsrc import dotted

_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.000")


def notes_for(doc: Document, scenario: Scenario) -> list[Problem]:
    out: list[Problem] = []
    for path, loc in sorted(doc.locs.items(), key=lambda item: (item[1].line or 0, item[1].col or 0)):
        if loc.raw is not None and _THOUSANDS.fullmatch(loc.raw.strip()):
            shown = loc.raw.strip()
            out.append(Problem(loc.file, loc.line, loc.col, dotted(path),
                               f"{shown} is read as {shown.split('.')[0]} (in YAML a point is a decimal point); "
                               f"if you meant {shown.split('.')[0]} thousand, write {shown.replace('.', '')}"))
    for group in ("zin", "pgb", "without_indication"):
        g = getattr(scenario.participants, group)
        if g.count.point > 0 and g.dagdelen_per_week.point == 0:
            path = ("participants", group, "dagdelen_per_week")
            loc = locate(doc, path)
            out.append(Problem(loc.file, loc.line, loc.col, dotted(path),
                               f"{g.count.point:g} participants but 0 dagdelen per week: they attend nothing "
                               "(dagdelen_per_week defaults to 0)"))
    return out


def notes_of(model: object) -> list[Problem]:
    """The notes attached to a loaded scenario, or to every room of a plan (once each)."""
    rooms = getattr(model, "locations", None)
    found: list[Problem] = []
    for s in [r.scenario for r in rooms] if isinstance(rooms, list) else [model]:
        for note in getattr(s, "__notes__", []):
            if note not in found:
                found.append(note)
    return found
