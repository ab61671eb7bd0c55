"""Readable names for the inputs of a scenario: parameter paths as a council member reads them.

``input_label("participants.zin.count", "nl")`` → "Deelnemers met Wmo-indicatie (ZIN), aantal".
Every numeric input of :func:`aldlan_model.engine.params.flatten` has a label in Dutch and English; with
the scenario at hand, staff members, projects, funders and replaced spending are named by their
own role or name ("activiteitenbegeleider: fte") instead of their place in a list. A plan room's
own input (``locations.Oost.costs.housing``, :mod:`aldlan_model.uncertainty.rooms`) reads
"Oost: Huisvesting per jaar". A path that is not in the catalogue comes back as it is.

``input_kind(path)`` says how a value of the input reads best: ``money``, ``fraction`` (a share,
shown as a percentage), ``year``, ``int`` or ``number``.
"""

from __future__ import annotations

import re
from typing import Any

LANGS = ("nl", "en")

# fixed paths -> (nl, en)
FIXED: dict[str, tuple[str, str]] = {
    "period.start": ("Eerste exploitatiejaar", "First operating year"),
    "target.amount": ("Doel: besparing per jaar", "Target: savings per year"),
    "target.year": ("Doeljaar", "Target year"),
    "locations": ("Aantal buurtkamers", "Number of buurtkamers"),
    "opening.weeks_per_year": ("Weken open per jaar", "Weeks open per year"),
    "opening.dagdelen_per_week": ("Dagdelen open per week", "Dagdelen open per week"),
    "opening.hours_per_dagdeel": ("Uren per dagdeel", "Hours per dagdeel"),
    "participants.former_indication.baseline_dagdelen_per_week": (
        "Oud-cliënten, dagdelen per week bij de eerdere aanbieder",
        "Former clients, dagdelen per week at their former provider"),
    "context.indicated_clients": ("Cliënten met een indicatie in de gemeente",
                                  "Clients with an indicatie in the municipality"),
    "context.volunteers_available": ("Vrijwilligers te werven in de gemeente",
                                     "Volunteers available in the municipality"),
    "norms.max_group_per_professional": ("Norm: deelnemers per professional", "Norm: participants per professional"),
    "norms.hours_per_fte": ("Norm: uren per fte", "Norm: hours per FTE"),
    "norms.max_indicated_per_professional": ("Norm: geïndiceerden per professional",
                                             "Norm: indicated participants per professional"),
    "norms.enforce": ("Norm toegepast (ja/nee)", "Norm enforced (yes/no)"),
    "costs.housing": ("Huisvesting per jaar", "Housing per year"),
    "costs.per_participant_dagdeel": ("Activiteitenkosten per deelnemer-dagdeel",
                                      "Activity costs per participant-dagdeel"),
    "costs.overhead": ("Overhead (deel van de kosten)", "Overhead (share of costs)"),
    "costs.margin": ("Winstmarge", "Profit margin"),
    "costs.startup.amount": ("Opstartkosten", "Start-up costs"),
    "costs.startup.depreciation_years": ("Opstartkosten: afschrijving in jaren", "Start-up costs: years of depreciation"),
    "income.contribution": ("Bijdrage deelnemers per dagdeel", "Contribution per dagdeel"),
    "income.other": ("Overige inkomsten per jaar", "Other income per year"),
    "income.subsidy": ("Exploitatiesubsidie per jaar", "Operating subsidy per year"),
    "tariffs.buurtkamer.zin": ("Tarief buurtkamer, ZIN per dagdeel", "Buurtkamer tariff, ZIN per dagdeel"),
    "tariffs.buurtkamer.pgb": ("Tarief buurtkamer, pgb per dagdeel", "Buurtkamer tariff, PGB per dagdeel"),
    "tariffs.baseline.zin": ("Tarief reguliere aanbieder, ZIN per dagdeel",
                             "Regular provider's tariff, ZIN per dagdeel"),
    "tariffs.baseline.pgb": ("Tarief reguliere aanbieder, pgb per dagdeel",
                             "Regular provider's tariff, PGB per dagdeel"),
    "municipality.assessment_per_indication": ("Kosten van een indicatie per jaar",
                                               "Cost of an indicatie per year"),
    "municipality.substitution": ("Substitutie: meelifters die anders een indicatie krijgen",
                                  "Substitution: riders-along who would otherwise get an indicatie"),
    "indexation.wages": ("Indexatie lonen per jaar", "Indexation of wages per year"),
    "indexation.prices": ("Indexatie prijzen per jaar", "Indexation of prices per year"),
    "indexation.tariffs": ("Indexatie tarieven per jaar", "Indexation of tariffs per year"),
    # ---- BEGIN v3 input labels (MODEL.md v3 §2.7–2.12) ----
    "participants.zin.origin.reindicated": ("Herkomst ZIN: aandeel geherindiceerd",
                                            "Origin ZIN: share re-indicated"),
    "participants.zin.origin.same_product": ("Herkomst ZIN: aandeel had al dit product",
                                             "Origin ZIN: share that already had this product"),
    "participants.zin.origin.new": ("Herkomst ZIN: aandeel nieuwe cliënten", "Origin ZIN: share of new clients"),
    "participants.pgb.origin.reindicated": ("Herkomst pgb: aandeel geherindiceerd",
                                            "Origin PGB: share re-indicated"),
    "participants.pgb.origin.same_product": ("Herkomst pgb: aandeel had al dit product",
                                             "Origin PGB: share that already had this product"),
    "participants.pgb.origin.new": ("Herkomst pgb: aandeel nieuwe cliënten", "Origin PGB: share of new clients"),
    "participants.attendance": ("Opkomst: deel van de geplande dagdelen", "Attendance: share of planned dagdelen"),
    "income.payment_days": ("Betaaltermijn tarieven in dagen", "Payment delay of the tariffs in days"),
    "discount_rate": ("Discontovoet (reëel)", "Discount rate (real)"),
    # ---- END v3 input labels ----
}

GROUPS = {
    "zin": ("Deelnemers met Wmo-indicatie (ZIN)", "Participants with a Wmo-indicatie (ZIN)"),
    "pgb": ("Deelnemers met een pgb", "Participants with a PGB"),
    "without_indication": ("Deelnemers zonder indicatie", "Participants without an indicatie"),
    "former_indication": ("Oud-cliënten (indicatie beëindigd)", "Former clients (indicatie ended)"),
}
GROUP_FIELDS = {"count": ("aantal", "number"), "dagdelen_per_week": ("dagdelen per week", "dagdelen per week")}

STAFF_FIELDS = {
    "fte": ("fte", "FTE"),
    "salary": ("brutosalaris per fte", "gross salary per FTE"),
    "employer_charges": ("werkgeverslasten", "employer charges"),
    "hours_per_week": ("uren per week", "hours per week"),
    "hourly_cost": ("kosten per uur", "cost per hour"),
    "group_work": ("bij de groep (ja/nee)", "with the group (yes/no)"),
    "count": ("aantal", "number"),
    "allowance": ("vergoeding per jaar", "allowance per year"),
    "other_costs": ("overige kosten per jaar", "other costs per year"),
}
SIDES = {"buurtkamer": ("Vervoer naar de buurtkamer", "Transport to the buurtkamer"),
         "baseline": ("Vervoer zonder buurtkamer", "Transport without buurtkamer")}
TRIP_FIELDS = {"": ("per dagdeel", "per dagdeel"), "per_trip": ("per rit", "per trip"),
               "dagdelen_per_trip": ("dagdelen per rit", "dagdelen per trip"),
               "share": ("deel dat reist", "share that travels")}
PROJECT_FIELDS = {"start": ("eerste jaar", "first year"), "end": ("laatste jaar", "last year"),
                  "yearly_costs": ("kosten per jaar", "costs per year")}

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


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


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
    return role or (f"Medewerker {i + 1}" if lang != "en" else f"Staff member {i + 1}")


def _project_name(scenario: Any, i: int, lang: str) -> str:
    name = _item(getattr(scenario, "projects", None), i, "name") if scenario is not None else None
    return name or (f"Project {i + 1}")


def _funder_name(scenario: Any, i: int, f: int, lang: str) -> str:
    funding = None
    if scenario is not None:
        projects = getattr(scenario, "projects", None) or []
        funding = getattr(projects[i], "funding", None) if i < len(projects) else None
    name = _item(funding, f, "name") if funding is not None else None
    return name or (f"financier {f + 1}" if lang != "en" else f"funder {f + 1}")


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
    # ---- BEGIN v3: a dated input's key (costs.housing@2022) and a line of other income ----
    base, sep, year = path.partition("@")
    if sep:
        return f"{input_label(base, lang, scenario)} ({'from' if lang == 'en' else 'vanaf'} {year})"
    if m := re.match(r"^income\.other\.(?P<i>\d+)\.amount$", path):
        lines = getattr(getattr(scenario, "income", None), "other", None) if scenario is not None else None
        name = _item(lines, int(m["i"]), "name") if isinstance(lines, list) else None
        what = "Overige inkomsten" if lang != "en" else "Other income"
        return f"{what}: {name}" if name else f"{what} {int(m['i']) + 1}"
    # ---- END v3 ----
    if path in FIXED:
        return _pick(FIXED[path], lang)
    if (m := _PART.match(path)) and m["g"] in GROUPS:
        return f"{_pick(GROUPS[m['g']], lang)}, {_pick(GROUP_FIELDS[m['field']], lang)}"
    if m := _RAMP.match(path):
        n = int(m["i"]) + 1
        return f"Opstart: deel van de deelnemers in jaar {n}" if lang != "en" else \
            f"Ramp-up: share of participants in year {n}"
    if m := _STAFF.match(path):
        who = _staff_name(scenario, m["pre"], int(m["i"]), lang)
        if m["pre"]:
            who = f"{_project_name(scenario, int(m['pre'].split('.')[1]), lang)}, {who}"
        field = STAFF_FIELDS.get(m["field"])
        return f"{who}: {_pick(field, lang) if field else m['field']}"
    if m := _TRANSPORT.match(path):
        field = TRIP_FIELDS.get(m["field"] or "")
        if field is not None:
            return f"{_pick(SIDES[m['side']], lang)}, {_pick(field, lang)}"
    if m := _REPLACED.match(path):
        items = getattr(getattr(scenario, "municipality", None), "replaced", None) if scenario is not None else None
        name = _item(items, int(m["i"]), "name") if items is not None else None
        what = "Vervangen uitgave" if lang != "en" else "Replaced spending"
        return f"{what}: {name}" if name else f"{what} {int(m['i']) + 1}"
    if m := _PROJECT.match(path):
        return f"{_project_name(scenario, int(m['i']), lang)}: {_pick(PROJECT_FIELDS[m['field']], lang)}"
    if m := _FUNDING.match(path):
        i, f = int(m["i"]), int(m["f"])
        per_year = "per jaar" if lang != "en" else "per year"
        return f"{_project_name(scenario, i, lang)}, {_funder_name(scenario, i, f, lang)}: {per_year}"
    if m := _ONE_OFF.match(path):
        i = int(m["i"])
        who = _project_name(scenario, i, lang)
        if m["f"] is not None:
            who = f"{who}, {_funder_name(scenario, i, int(m['f']), lang)}"
        n = int(m["m"]) + 1
        what = {("nl", "year"): f"jaar eenmalig {n}", ("nl", "amount"): f"eenmalig bedrag {n}",
                ("en", "year"): f"year of one-off {n}", ("en", "amount"): f"one-off amount {n}"}
        return f"{who}: {what[('en' if lang == 'en' else 'nl', m['field'])]}"
    return path


def input_kind(path: str) -> str:
    """How a value of ``path`` reads best: 'money', 'fraction', 'year', 'int' or 'number'."""
    m = _ROOM.match(path)
    if m:
        path = m["path"]
    path = path.partition("@")[0]  # v3: a dated input's key reads as the input
    if path in ("participants.attendance", "discount_rate") or ".origin." in path:  # v3
        return "fraction"
    if YEAR.match(path):
        return "year"
    if INT.match(path):
        return "int"
    if MONEY.match(path):
        return "money"
    if FRACTION.match(path):
        return "fraction"
    return "number"
