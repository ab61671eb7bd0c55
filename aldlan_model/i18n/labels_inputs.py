"""Readable names for the inputs of a scenario: parameter paths as a council member reads them.

``input_label("participants.zin.count", "nl")`` → "Deelnemers met Wmo-indicatie (ZIN), aantal".
Every numeric input of :func:`aldlan_model.engine.params.flatten` has a label in Dutch and English; with
the scenario at hand, staff members, projects, funders and replaced spending are named by their
own role or name ("activiteitenbegeleider: fte") instead of their place in a list. A plan room's
own input (``locations.Oost.costs.housing``, :mod:`aldlan_model.uncertainty.rooms`) reads
"Oost: Huisvesting per jaar". A path that is not in the catalogue comes back as it is.

The words are in the catalogue (:mod:`aldlan_model.i18n.catalogue`): ``msgctxt "input"`` by key
path, ``msgctxt "input-part"`` the pieces the rules below put together.

``input_kind(path)`` says how a value of the input reads best: ``money``, ``fraction`` (a share,
shown as a percentage), ``year``, ``int`` or ``number``.
"""

from __future__ import annotations

import re
from typing import Any

from aldlan_model.i18n.catalogue import table, text

LANGS = ("nl", "en")


def _word(key: str, lang: str, **fmt: object) -> str:
    """A word input labels are made of (``msgctxt "input-part"``), e.g. ``staff_field.fte``."""
    found = text("input-part", key, lang)
    return found.format(**fmt) if fmt else found


_STAFF = re.compile(r"^(?P<pre>(?:projects\.\d+\.)?)staff\.(?P<i>\d+)\.(?P<field>\w+)$")
_PART = re.compile(r"^participants\.(?P<g>\w+)\.(?P<field>count|dagdelen_per_week)$")
_RAMP = re.compile(r"^ramp_up\.(?P<i>\d+)$")
_TRANSPORT = re.compile(r"^transport\.(?P<side>buurtkamer|baseline)(?:\.(?P<field>\w+))?$")
_REPLACED = re.compile(r"^municipality\.replaced\.(?P<i>\d+)\.amount$")
_PROJECT = re.compile(r"^projects\.(?P<i>\d+)\.(?P<field>start|end|yearly_costs)$")
_ONE_OFF = re.compile(r"^projects\.(?P<i>\d+)\.(?:funding\.(?P<f>\d+)\.)?one_off\.(?P<m>\d+)\.(?P<field>year|amount)$")
_FUNDING = re.compile(r"^projects\.(?P<i>\d+)\.funding\.(?P<f>\d+)\.yearly$")
_ROOM = re.compile(r"^locations\.(?P<name>.+?)\.(?P<path>(?:period|target|opening|participants|ramp_up|staff|"
                   r"transport|municipality|projects|context|norms|costs|income|tariffs|indexation)(?:\..*)?)$")

MONEY = re.compile(
    r"^(target\.amount|tariffs\..*|transport\.\w+(\.per_trip)?|(projects\.\d+\.)?staff\.\d+\.(salary|hourly_cost|"
    r"allowance|other_costs)|costs\.(housing|per_participant_dagdeel|startup\.amount)|income\..*|"
    r"municipality\.(assessment_per_indication|replaced\.\d+\.amount)|projects\.\d+\.(yearly_costs|"
    r"(funding\.\d+\.)?one_off\.\d+\.amount|funding\.\d+\.yearly))$"
)
FRACTION = re.compile(
    r"^(transport\.\w+\.share|ramp_up\.\d+|(projects\.\d+\.)?staff\.\d+\.employer_charges|costs\.(overhead|margin)|"
    r"municipality\.substitution|indexation\.\w+)$"
)
YEAR = re.compile(r"^(period\.start|target\.year|projects\.\d+\.(start|end)|projects\.\d+\.(funding\.\d+\.)?"
                  r"one_off\.\d+\.year)$")
INT = re.compile(r"^(locations|context\.\w+)$")


def _item(items: Any, i: int, attr: str) -> str | None:
    try:
        value = getattr(items[i], attr)
    except (IndexError, TypeError, AttributeError):
        return None
    return value if isinstance(value, str) and value.strip() else None


def _staff_name(scenario: Any, pre: str, i: int, lang: str) -> str:
    staff = None
    if scenario is not None:
        if pre:
            j = int(pre.split(".")[1])
            projects = getattr(scenario, "projects", None) or []
            staff = getattr(projects[j], "staff", None) if j < len(projects) else None
        else:
            staff = getattr(scenario, "staff", None)
    role = _item(staff, i, "role") if staff is not None else None
    return role or _word("staff_member", lang, n=i + 1)


def _project_name(scenario: Any, i: int, lang: str) -> str:
    name = _item(getattr(scenario, "projects", None), i, "name") if scenario is not None else None
    return name or _word("project", lang, n=i + 1)


def _funder_name(scenario: Any, i: int, f: int, lang: str) -> str:
    funding = None
    if scenario is not None:
        projects = getattr(scenario, "projects", None) or []
        funding = getattr(projects[i], "funding", None) if i < len(projects) else None
    name = _item(funding, f, "name") if funding is not None else None
    return name or _word("funder", lang, n=f + 1)


def _base_scenario(scenario: Any) -> Any:
    """A plan's rooms share their lists' names with the plan's first room."""
    if scenario is not None and isinstance(getattr(scenario, "locations", None), list):
        return getattr(scenario, "base", None)
    return scenario


def input_label(path: str, lang: str = "nl", scenario: Any = None) -> str:
    """The label of parameter ``path`` in ``lang`` (see the module doc); ``scenario`` names list items."""
    m = _ROOM.match(path)
    if m:
        room_scenario = None
        plan_rooms = getattr(scenario, "locations", None)
        if isinstance(plan_rooms, list):
            room_scenario = next((r.scenario for r in plan_rooms if getattr(r, "name", None) == m["name"]), None)
        return f"{m['name']}: {input_label(m['path'], lang, room_scenario or _base_scenario(scenario))}"
    scenario = _base_scenario(scenario)
    base, sep, year = path.partition("@")  # a dated input's key: costs.housing@2022
    if sep:
        return f"{input_label(base, lang, scenario)} ({_word('from_year', lang, year=year)})"
    if m := re.match(r"^income\.other\.(?P<i>\d+)\.amount$", path):  # a line of other income, by its name
        lines = getattr(getattr(scenario, "income", None), "other", None) if scenario is not None else None
        name = _item(lines, int(m["i"]), "name") if isinstance(lines, list) else None
        what = _word("other_income_line", lang)
        return f"{what}: {name}" if name else f"{what} {int(m['i']) + 1}"
    fixed = table("input", "en" if lang == "en" else "nl")
    if path in fixed:
        return fixed[path]
    parts = table("input-part", "en" if lang == "en" else "nl")
    if (m := _PART.match(path)) and f"group.{m['g']}" in parts:
        return f"{parts['group.' + m['g']]}, {parts['group_field.' + m['field']]}"
    if m := _RAMP.match(path):
        return _word("ramp_up", lang, n=int(m["i"]) + 1)
    if m := _STAFF.match(path):
        who = _staff_name(scenario, m["pre"], int(m["i"]), lang)
        if m["pre"]:
            who = f"{_project_name(scenario, int(m['pre'].split('.')[1]), lang)}, {who}"
        else:  # a label starts with a capital, as every other label: "Vrijwilliger: aantal"
            who = who[:1].upper() + who[1:] if who[:1].islower() else who
        return f"{who}: {parts.get('staff_field.' + m['field'], m['field'])}"
    if m := _TRANSPORT.match(path):
        field = parts.get(f"trip_field.{m['field']}" if m["field"] else "trip_field")
        if field is not None:
            return f"{parts['transport.' + m['side']]}, {field}"
    if m := _REPLACED.match(path):
        items = getattr(getattr(scenario, "municipality", None), "replaced", None) if scenario is not None else None
        name = _item(items, int(m["i"]), "name") if items is not None else None
        what = parts["replaced"]
        return f"{what}: {name}" if name else f"{what} {int(m['i']) + 1}"
    if m := _PROJECT.match(path):
        return f"{_project_name(scenario, int(m['i']), lang)}: {parts['project_field.' + m['field']]}"
    if m := _FUNDING.match(path):
        i, f = int(m["i"]), int(m["f"])
        return f"{_project_name(scenario, i, lang)}, {_funder_name(scenario, i, f, lang)}: {parts['funding_per_year']}"
    if m := _ONE_OFF.match(path):
        i = int(m["i"])
        who = _project_name(scenario, i, lang)
        if m["f"] is not None:
            who = f"{who}, {_funder_name(scenario, i, int(m['f']), lang)}"
        return f"{who}: {_word('one_off.' + m['field'], lang, n=int(m['m']) + 1)}"
    return path


def from_year(year: int | str, lang: str = "nl") -> str:
    """"vanaf 2022": the key of a dated value (MODEL.md §2.11) after its amount."""
    return _word("from_year", lang, year=year)


def input_kind(path: str) -> str:
    """How a value of ``path`` reads best: 'money', 'fraction', 'year', 'int' or 'number'."""
    m = _ROOM.match(path)
    if m:
        path = m["path"]
    path = path.partition("@")[0]  # a dated input's key reads as the input
    if path in ("participants.attendance", "discount_rate") or ".origin." in path:
        return "fraction"
    if path == "income.payment_days":  # days, not euros (it sits under income)
        return "int"
    if YEAR.match(path):
        return "year"
    if INT.match(path):
        return "int"
    if MONEY.match(path):
        return "money"
    if FRACTION.match(path):
        return "fraction"
    return "number"
