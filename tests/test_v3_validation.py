"""Validation of the version 3 keys (MODEL.md v3 §2, §2.7–2.12): every new error with its
FILE:LINE:COL, key path and exact Dutch message; ``--set`` with a dated value; and the JSON Schema
(``aldlan schema``) accepting dated values where they may stand and nowhere else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from aldlan_model.io.loader import load_scenario
from aldlan_model.model.errors import ScenarioError
from tests.conftest import MINIMAL, REPO, SCENARIOS, write

YEAR_MSG = "de sleutels van een waarde per jaar zijn jaren van 1900 tot en met 2200"
NOT_HERE = ("een waarde per jaar (jaar: waarde) mag hier niet: alleen geldbedragen en indexeringen kunnen per jaar "
            "verschillen (zie scenario-format.md, 'Waarden per jaar')")


def problems(path: Path, overrides: tuple[str, ...] = ()) -> list[str]:
    with pytest.raises(ScenarioError) as info:
        load_scenario(path, list(overrides))
    return [str(p).replace(str(path), "x.yaml") for p in info.value.problems]


# MINIMAL has 7 lines: what is added starts on line 8
CASES = [
    ("participants:\n  zin: {count: 4, dagdelen_per_week: 2, origin: {reindicated: 0.5, new: 0.4}}\n",
     "x.yaml:9:41: participants.zin.origin: de aandelen reindicated, same_product en new moeten samen 1 zijn, "
     "maar dit is 0.9"),
    ("participants:\n  pgb: {origin: {}}\n",
     "x.yaml:9:9: participants.pgb.origin: noem minstens één aandeel: reindicated, same_product of new (samen 1)"),
    ("participants:\n  zin: {origin: {new: {low: 0, high: 1}}}\n",
     "x.yaml:9:18: participants.zin.origin.new: een aandeel van origin kan geen bereik zijn (de som ligt vast): "
     "vergelijk of sweep verschillende aandelen"),
    ("participants:\n  zin: {origin: {reindicated: 1.2}}\n",
     "x.yaml:9:18: participants.zin.origin.reindicated: moet ≤ 1 zijn, maar dit is 1.2"),
    ("participants: {attendance: 0}\n", "x.yaml:8:16: participants.attendance: moet > 0 zijn, maar dit is 0"),
    ("participants: {attendance: 1.1}\n", "x.yaml:8:16: participants.attendance: moet ≤ 1 zijn, maar dit is 1.1"),
    ("municipality: {substitution: -1.5}\n",
     "x.yaml:8:16: municipality.substitution: moet ≥ -1 zijn, maar dit is -1.5"),
    ("income:\n  other:\n    - {name: Huur, amount: 1}\n    - {name: Huur, amount: 2}\n",
     "x.yaml:11:8: income.other.1.name: dubbele naam 'Huur' (ook item 1)"),
    ("income:\n  other: [{name: Huur, amount: 1, budget: gemeente}]\n",
     "x.yaml:9:35: income.other.0.budget: verwacht een van 'wmo', 'municipal', 'external', maar dit is 'gemeente'"),
    ("income: {payment_days: 400}\n", "x.yaml:8:10: income.payment_days: moet ≤ 365 zijn, maar dit is 400"),
    ("discount_rate: 0.3\n", "x.yaml:8:1: discount_rate: moet ≤ 0.2 zijn, maar dit is 0.3"),
    ("staff:\n  - {kind: professional, fte: 1, hours_per_week: 18, salary: 36000}\n",
     "x.yaml:9:5: staff.0: een professional heeft óf fte óf hours_per_week, niet beide (salary met hours_per_week "
     "rekent fte = hours_per_week / norms.hours_per_fte)"),
    ("staff:\n  - {kind: professional, hours_per_week: 18, salary: 36000, hourly_cost: 40}\n",
     "x.yaml:9:5: staff.0: een professional heeft óf salary óf hourly_cost, niet beide"),
    ("staff:\n  - {kind: professional, fte: 24/36, salary: 36000}\n",
     "x.yaml:9:26: staff.0.fte: verwacht een getal, maar dit is de tekst '24/36'; schrijf 0.667, of schrijf de "
     "uren: hours_per_week: 24 met salary"),
    ("costs: {housing: {}}\n",
     "x.yaml:8:9: costs.housing: een lege mapping: geef een getal, of jaren met hun waarde (zoals 2022: 10500)"),
    ("costs: {housing: {1800: 5, 2020: 6}}\n", f"x.yaml:8:19: costs.housing.1800: 1800 is geen jaar: {YEAR_MSG}"),
    ("costs: {housing: {2020: 5, value: 6}}\n", f"x.yaml:8:28: costs.housing.value: 'value' is geen jaar: {YEAR_MSG}"),
    ("costs: {housing: {2020: -5}}\n", "x.yaml:8:19: costs.housing.2020: moet ≥ 0 zijn, maar dit is -5"),
    ("income: {subsidy: {2020: cover_deficit}}\n",
     "x.yaml:8:20: income.subsidy.2020: cover_deficit kan niet per jaar: schrijf subsidy: cover_deficit, of per "
     "jaar een bedrag"),
    ("indexation: {prices: {2020: 2}}\n",
     "x.yaml:8:23: indexation.prices.2020: moet ≤ 1 zijn, maar dit is 2 (een fractie: schrijf 2 % als 0.02)"),
]


@pytest.mark.parametrize(("extra", "expected"), CASES, ids=[e for _, e in CASES])
def test_v3_errors(tmp_path, extra, expected):
    assert problems(write(tmp_path, "x.yaml", MINIMAL + extra)) == [expected]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("opening: {weeks_per_year: 40, dagdelen_per_week: 8}",
     "opening: {weeks_per_year: {2020: 40}, dagdelen_per_week: 8}", f"x.yaml:3:11: opening.weeks_per_year: {NOT_HERE}"),
    ("period: {first: 2020, last: 2022}", "period: {2020: 5, 2021: 6}", f"x.yaml:2:1: period: {NOT_HERE}"),
    ("period: {first: 2020, last: 2022}", "period: {first: 2020, last: 2022, 2021: 5}",
     "x.yaml:2:35: period: sleutels moeten woorden zijn, maar dit is '2021'"),
])
def test_a_dated_mapping_where_none_may_stand(tmp_path, old, new, expected):
    assert problems(write(tmp_path, "x.yaml", MINIMAL.replace(old, new))) == [expected]


RANGE_HERE = ("hier kan geen bereik staan (het bepaalt de opbouw van de berekening): geef één getal, en vergelijk "
              "of sweep andere waarden")


def test_no_ranges_on_what_shapes_the_calculation(tmp_path):
    text = MINIMAL.replace("last: 2022}", "last: {low: 2022, high: 2024}}") + (
        "costs: {startup: {amount: 100, depreciation_years: {low: 2, high: 4}}}\n"
        "projects:\n  - {name: P, start: {low: 2020, high: 2021},"
        " one_off: [{year: {low: 2020, high: 2021}, amount: 1}]}\n")
    assert problems(write(tmp_path, "x.yaml", text)) == [
        f"x.yaml:2:23: period.last: {RANGE_HERE}",
        f"x.yaml:8:32: costs.startup.depreciation_years: {RANGE_HERE}",
        f"x.yaml:10:15: projects.0.start: {RANGE_HERE}",
        f"x.yaml:10:58: projects.0.one_off.0.year: {RANGE_HERE}",
    ]


def test_v3_keys_that_are_valid(tmp_path):
    path = write(tmp_path, "x.yaml", MINIMAL + (
        "participants:\n  zin: {count: 4, dagdelen_per_week: 2, origin: {reindicated: 0.6, same_product: 0.3,"
        " new: 0.1}}\n  pgb: {origin: {same_product: 1}}\n  attendance: 0.9\n"
        "staff:\n  - {kind: professional, hours_per_week: 18, salary: {2020: 36000, 2022: 38000}}\n"
        "income:\n  other: [{name: Huur, amount: {2021: 9000}, budget: municipal}, {name: Zalen, amount: 2500}]\n"
        "  payment_days: 30\n  subsidy: {2020: 0, '2021': 25000}\n"
        "costs: {housing: {2019: 9000, 2022: 10500}}\n"
        "transport: {baseline: {per_trip: {2020: 13.75}, dagdelen_per_trip: 2}, buurtkamer: {2023: 1}}\n"
        "indexation: {tariffs: {2020: 0.0328, 2021: {low: 0.01, high: 0.03}}}\n"
        "municipality: {substitution: -0.2, replaced: [{name: x, amount: {2021: 5}, index: wages}]}\n"
        "discount_rate: 0.03\n"))
    s = load_scenario(path)
    assert s.participants.zin.origin.shares() == (0.6, 0.3, 0.1)
    assert s.income.subsidy.years == (2020, 2021)  # a quoted year is a year too
    assert s.income.other[0].amount.at(2024)[0] == 2021
    assert s.staff[0].is_part_time


def test_extends_replaces_a_dated_value_whole(tmp_path):
    write(tmp_path, "base.yaml", MINIMAL + "costs: {housing: {2020: 1000, 2021: 2000}}\n")
    child = write(tmp_path, "child.yaml", "extends: base.yaml\nname: kind\ncosts: {housing: {2022: 3000}}\n")
    assert load_scenario(child).costs.housing.years == (2022,)
    plain = write(tmp_path, "plain.yaml", "extends: base.yaml\nname: kind\ncosts: {housing: 500}\n")
    assert load_scenario(plain).costs.housing.point == 500


def test_set_a_dated_value_and_one_of_its_years(tmp_path):
    path = write(tmp_path, "x.yaml", MINIMAL + "costs: {housing: {2020: {value: 9000, source: huurcontract}}}\n")
    s = load_scenario(path, ["costs.housing={2020: 9000, 2022: 10500}"])
    assert [(k, n.point) for k, n in s.costs.housing.items()] == [(2020, 9000), (2022, 10500)]
    s = load_scenario(path, ["costs.housing.2020=9500"])
    assert s.costs.housing.items()[0][1].source == "huurcontract"  # one year's value replaced, its source kept
    s = load_scenario(path, ["costs.housing.2023=11000"])
    assert s.costs.housing.years == (2020, 2023)
    assert problems(path, ("costs.per_participant_dagdeel.2022=4",)) == [
        "--set costs.per_participant_dagdeel.2022=4: costs.per_participant_dagdeel.2022: "
        "costs.per_participant_dagdeel is geen waarde per jaar; geef de hele waarde per jaar, zoals "
        "'costs.per_participant_dagdeel=' gevolgd door jaren met hun waarde tussen accolades"]


# ---------------------------------------------------------------- the JSON Schema

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra: pip install -e '.[test]'")


@pytest.fixture(scope="module")
def validator():
    from aldlan_model.io.schema import schema

    s = schema()
    cls = jsonschema.validators.validator_for(s)
    cls.check_schema(s)
    return cls(s)


def base_data() -> dict:
    return yaml.safe_load(MINIMAL)


SHIPPED = [*sorted(SCENARIOS.glob("*.yaml")), *sorted((REPO / "tests" / "golden").rglob("*.yaml"))]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_schema_accepts_every_shipped_file(validator, path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(data)) == []
    assert list(validator.iter_errors(json.loads(json.dumps(data)))) == []  # year keys as text, as JSON has them


DATED_OK = [
    ("costs", {"housing": {2019: 9000, 2022: {"value": 10500, "source": "x"}}}),
    ("income", {"subsidy": {2019: 0, 2021: 25000}, "other": [{"name": "A", "amount": {2021: {"low": 1, "high": 2}}}]}),
    ("tariffs", {"buurtkamer": {"zin": {2023: 35.76}, "pgb": 20}, "baseline": {"zin": 40, "pgb": 30}}),
    ("indexation", {"tariffs": {2020: 0.0328, 2021: 0.0201}}),
    ("transport", {"baseline": {"per_trip": {2023: 14.79}, "dagdelen_per_trip": 2}, "buurtkamer": {2020: 1}}),
    ("staff", [{"kind": "volunteer", "count": 2, "hours_per_week": 4, "allowance": {2020: 1700, 2024: 2100}}]),
]
DATED_BAD = [
    ("opening", {"weeks_per_year": {2020: 40}, "dagdelen_per_week": 8}),
    ("costs", {"overhead": {2020: 0.1}}),
    ("costs", {"housing": {1800: 5}}),
    ("income", {"subsidy": {2020: "cover_deficit"}}),
    ("ramp_up", {2020: 0.5}),  # (bounds such as a rate ≤ 1 are not in the schema, dated or not)
    ("participants", {"zin": {"count": {2020: 5}}}),
]


@pytest.mark.parametrize(("key", "value"), DATED_OK, ids=[k for k, _ in DATED_OK])
def test_schema_accepts_dated_values_where_allowed(validator, key, value, tmp_path):
    data = base_data() | {key: value}
    assert list(validator.iter_errors(data)) == []
    assert list(validator.iter_errors(json.loads(json.dumps(data)))) == []
    path = tmp_path / "x.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    load_scenario(path)  # and aldlan validate agrees


@pytest.mark.parametrize(("key", "value"), DATED_BAD, ids=[f"{k}-{i}" for i, (k, _) in enumerate(DATED_BAD)])
def test_schema_refuses_dated_values_elsewhere(validator, key, value, tmp_path):
    data = base_data() | {key: value}
    assert list(validator.iter_errors(data)) != []
    path = tmp_path / "x.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ScenarioError):  # and aldlan validate agrees
        load_scenario(path)
