"""Loading and validating scenario files: every rule of MODEL.md section 2, with places."""

from __future__ import annotations

import pytest

from aldlan_model.io.loader import load_scenario
from aldlan_model.model.errors import ScenarioError
from tests.conftest import EXAMPLE, MINIMAL, write


def problems(path, overrides=()) -> list[str]:
    with pytest.raises(ScenarioError) as info:
        load_scenario(path, list(overrides))
    return [str(p) for p in info.value.problems]


def test_minimal_defaults(minimal):
    s = load_scenario(minimal)
    assert s.start == 2020 and s.locations.point == 1
    assert s.opening.hours_per_dagdeel.point == 4
    assert s.participants.zin.count.point == 0 and s.ramp_up[0].point == 1.0
    assert s.staff == [] and s.income.subsidy.point == 0
    assert (s.norms.hours_per_fte.point, s.norms.max_indicated_per_professional.point, s.norms.enforce) == (36, 8, True)


def test_default_target_is_3_6_million_in_2021(tmp_path):
    s = load_scenario(write(tmp_path, "m.yaml", MINIMAL.replace("target: {amount: 100000, year: 2021}\n", "")))
    assert (s.target.amount.point, s.target_year) == (3_600_000, 2021)


def test_sourced_and_ranged_numbers(tmp_path):
    text = MINIMAL.replace("zin: 30,", 'zin: {low: 25, mode: 30.51, high: 40, source: "Meerinzicht"},').replace(
        "pgb: 20}", "pgb: {low: 10, high: 30}}")
    s = load_scenario(write(tmp_path, "r.yaml", text))
    zin, pgb = s.tariffs.baseline.zin, s.tariffs.baseline.pgb
    assert (zin.point, zin.distribution, zin.source) == (30.51, "triangular", "Meerinzicht")
    assert (pgb.point, pgb.distribution) == (20.0, "uniform")  # (10 + 30) / 2


def test_line_and_column_of_a_negative_count(tmp_path):
    path = write(tmp_path, "x.yaml", MINIMAL + "participants:\n  zin:\n    count: -3\n")
    # MINIMAL has 7 lines; the key `count` stands on line 10, column 5
    assert problems(path) == [f"{path}:10:5: participants.zin.count: moet ≥ 0 zijn, maar dit is -3"]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("locations: 0\n", "locations: moet ≥ 1 zijn, maar dit is 0"),
        ("locations: 2.5\n", "locations: moet een heel getal zijn, maar dit is 2.5"),
        ("locations: 10001\n", "locations: moet ≤ 10000 zijn, maar dit is 10001"),
        ("ramp_up: []\n", "ramp_up: mag niet leeg zijn"),
        ("ramp_up: [0.5, 1.2]\n", "ramp_up.1: moet ≤ 1 zijn, maar dit is 1.2"),
        ("costs: {overhead: 1.01}\n", "costs.overhead: moet ≤ 1 zijn, maar dit is 1.01"),
        ("costs: {margin: 1}\n", "costs.margin: moet < 1 zijn, maar dit is 1"),
        ("costs: {housing: -1}\n", "costs.housing: moet ≥ 0 zijn, maar dit is -1"),
        ("municipality: {substitution: -1.5}\n", "municipality.substitution: moet ≥ -1 zijn, maar dit is -1.5"),
        ("indexation: {wages: 1.5}\n", "indexation.wages: moet ≤ 1 zijn, maar dit is 1.5"),
        ("municipality: {substitution: 25}\n",
         "municipality.substitution: moet ≤ 1 zijn, maar dit is 25 (een fractie: schrijf 25 % als 0.25)"),
        ("staff: [{kind: professional, fte: 1, salary: 30000, employer_charges: 1.6}]\n",
         "staff.0.employer_charges: moet ≤ 1.5 zijn, maar dit is 1.6"),
    ],
)
def test_rejected_values(tmp_path, extra, expected):
    path = write(tmp_path, "x.yaml", MINIMAL + extra)
    found = problems(path)
    assert len(found) == 1 and found[0].endswith(expected), found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("weeks_per_year: 40", "weeks_per_year: 54", "opening.weeks_per_year: moet ≤ 53 zijn, maar dit is 54"),
        ("weeks_per_year: 40", "weeks_per_year: 0", "opening.weeks_per_year: moet ≥ 1 zijn, maar dit is 0"),
        ("dagdelen_per_week: 8}", "dagdelen_per_week: 15}", "opening.dagdelen_per_week: moet ≤ 14 zijn, maar dit is "
            "15"),
        ("dagdelen_per_week: 8}", "dagdelen_per_week: 8, hours_per_dagdeel: 0}",
         "opening.hours_per_dagdeel: moet > 0 zijn, maar dit is 0"),
        ("dagdelen_per_week: 8}", "dagdelen_per_week: 8, hours_per_dagdeel: 12.5}",
         "opening.hours_per_dagdeel: moet ≤ 12 zijn, maar dit is 12.5"),
        ("last: 2022}", "last: 2201}", "period.last: moet ≤ 2200 zijn, maar dit is 2201"),
        ("first: 2020", "first: 1899", "period.first: moet ≥ 1900 zijn, maar dit is 1899"),
        ("amount: 100000", "amount: 0", "target.amount: moet > 0 zijn, maar dit is 0"),
        ("buurtkamer: {zin: 20,", "buurtkamer: {zin: {low: 40, high: 30},",
         "tariffs.buurtkamer.zin: low moet ≤ high zijn, maar dit is low 40 en high 30"),
        ("buurtkamer: {zin: 20,", "buurtkamer: {zin: {low: 20, mode: 50, high: 30},",
         "tariffs.buurtkamer.zin: mode moet tussen low en high liggen, maar dit is 20 ≤ 50 ≤ 30"),
        ("buurtkamer: {zin: 20,", "buurtkamer: {zin: {mode: 20},",
         "tariffs.buurtkamer.zin: 'mode' heeft 'low' en 'high' nodig"),
    ],
)
def test_rejected_replacements(tmp_path, old, new, expected):
    path = write(tmp_path, "x.yaml", MINIMAL.replace(old, new))
    found = problems(path)
    assert len(found) == 1 and found[0].endswith(expected), found


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ("period.start=2019", "period.start: moet tussen period.first en period.last liggen (2020–2022), maar dit is "
            "2019"),
        ("period.last=2019", "period.last: moet ≥ period.first (2020) zijn, maar dit is 2019"),
        ("target.year=2023", "target.year: moet binnen de periode 2020–2022 liggen, maar dit is 2023"),
        ("period.last=2120", "period.last: de periode mag hoogstens 100 jaar beslaan, maar dit is 101"),
    ],
)
def test_cross_field_rules(minimal, override, expected):
    found = problems(minimal, [override])
    assert found[0].endswith(expected), found


def test_group_dagdelen_not_above_opening(tmp_path):
    path = write(tmp_path, "x.yaml", MINIMAL + "participants:\n  pgb: {count: 2, dagdelen_per_week: 9}\n")
    assert problems(path) == [
        f"{path}:9:19: participants.pgb.dagdelen_per_week: moet ≤ opening.dagdelen_per_week (8) zijn, maar dit is 9"
    ]


def test_professional_needs_one_way_of_paying(tmp_path):
    both = "staff:\n  - {kind: professional, fte: 1, salary: 30000, hours_per_week: 4, hourly_cost: 50}\n"
    neither = "staff:\n  - {kind: professional, role: x}\n"
    half = "staff:\n  - {kind: professional, fte: 1}\n"
    assert problems(write(tmp_path, "a.yaml", MINIMAL + both))[0].endswith(
        "staff.0: een professional heeft óf fte + salary óf hours_per_week + hourly_cost, nooit beide")
    assert problems(write(tmp_path, "b.yaml", MINIMAL + neither))[0].endswith(
        "staff.0: een professional heeft fte + salary nodig, of hours_per_week + hourly_cost")
    assert problems(write(tmp_path, "c.yaml", MINIMAL + half))[0].endswith(
        "staff.0: verplichte sleutel 'salary' ontbreekt (een professional met fte heeft fte en salary nodig)")


def test_required_keys(tmp_path):
    path = write(tmp_path, "x.yaml", "name: x\nperiod: {first: 2020, last: 2021}\nopening: {weeks_per_year: 4}\n")
    found = problems(path)
    assert f"{path}:3:1: opening.dagdelen_per_week: verplichte sleutel 'dagdelen_per_week' ontbreekt" in found
    assert f"{path}:1:1: tariffs: verplichte sleutel 'tariffs' ontbreekt" in found


def test_unknown_key_did_you_mean(tmp_path):
    path = write(tmp_path, "x.yaml", MINIMAL + "participants:\n  zin: {count: 3, dagdelen_per_wek: 2}\n")
    assert problems(path) == [
        f"{path}:9:19: participants.zin.dagdelen_per_wek: onbekende sleutel 'dagdelen_per_wek'; "
        "bedoelde u 'dagdelen_per_week'?"
    ]


def test_duplicate_keys(tmp_path):
    path = write(tmp_path, "x.yaml", MINIMAL + "locations: 2\nlocations: 3\n")
    assert problems(path) == [f"{path}:9:1: locations: dubbele sleutel (eerst geschreven op regel 8)"]


@pytest.mark.parametrize(("raw", "message"), [
    ("yes", "verwacht een getal, maar dit is 'yes' (YAML leest het als ja/nee)"),
    ("off", "verwacht een getal, maar dit is 'off' (YAML leest het als ja/nee)"),
    ('"3"', "verwacht een getal, maar dit is de tekst '3'; haal de aanhalingstekens weg: 3"),
    ('"30,5"', "verwacht een getal, maar dit is de tekst '30,5'; schrijf decimalen met een punt: 30.5"),
    ('"1.000"', "verwacht een getal, maar dit is de tekst '1.000'; "
                "schrijf het zonder scheidingstekens voor duizendtallen en met een decimale punt: 1000"),
    (".nan", "moet een eindig getal zijn, maar dit is nan"),
])
def test_yaml_surprises_are_errors(tmp_path, raw, message):
    path = write(tmp_path, "x.yaml", MINIMAL + f"locations: {raw}\n")
    assert problems(path) == [f"{path}:8:1: locations: {message}"]


def test_empty_list_and_non_utf8_files(tmp_path):
    empty = write(tmp_path, "empty.yaml", "")
    assert problems(empty) == [f"{empty}:1:1: het bestand is leeg; verwacht een scenario (name, period, tariffs, …)"]
    lst = write(tmp_path, "list.yaml", "- a\n- b\n")
    assert problems(lst) == [f"{lst}:1:1: verwacht sleutels met waarden (name: …, period: …), maar dit is een lijst"]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"name: caf\xe9\n")
    assert problems(latin) == [f"{latin}:1:10: geen UTF-8-tekst (byte 0xe9); sla het bestand op als UTF-8"]


def test_syntax_error_has_line(tmp_path):
    path = write(tmp_path, "x.yaml", "name: x\nperiod: {first: 2020\n")
    found = problems(path)
    # the line of the unclosed brace, not the end of the file
    assert found == [f"{path}:2:9: de {{ hier wordt niet gesloten met }} (of er ontbreekt een komma tussen twee items)"]


def test_alias_bomb_fails_fast(tmp_path):
    lines = ['name: bom', 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    found = problems(path)
    assert len(found) == 1 and "breidt uit tot meer dan 10.000 waarden" in found[0]


# --- extends ---------------------------------------------------------------------

def test_extends_merges_mappings_and_replaces_lists(tmp_path):
    write(tmp_path, "base.yaml", EXAMPLE)
    child = write(tmp_path, "child.yaml", """\
        extends: base.yaml
        name: Kind
        participants:
          zin: {count: 20}
        ramp_up: [1.0]
        tariffs:
          baseline: {zin: {value: 40, source: "eigen"}}
        """)
    s = load_scenario(child)
    assert s.name == "Kind"
    assert s.participants.zin.count.point == 20
    assert s.participants.zin.dagdelen_per_week.point == 3  # kept from the parent
    assert [r.point for r in s.ramp_up] == [1.0]  # list replaced whole
    assert len(s.staff) == 3
    assert (s.tariffs.baseline.zin.point, s.tariffs.baseline.zin.source) == (40, "eigen")


def test_number_mapping_replaces_a_range_whole(tmp_path):
    write(tmp_path, "base.yaml", EXAMPLE.replace("zin: 38.40", "zin: {low: 30, mode: 38.40, high: 45}"))
    child = write(tmp_path, "child.yaml", "extends: base.yaml\ntariffs: {baseline: {zin: {value: 50}}}\n")
    z = load_scenario(child).tariffs.baseline.zin
    assert (z.point, z.is_range) == (50, False)


def test_error_in_extended_file_points_into_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "base.yaml", EXAMPLE.replace("housing: 12000", "housing: -5"))
    write(tmp_path, "child.yaml", "extends: base.yaml\nname: Kind\n")
    # `housing` is on line 16 of the example, indented by two spaces
    assert problems("child.yaml") == ["base.yaml:16:3: costs.housing: moet ≥ 0 zijn, maar dit is -5"]


def test_extends_cycle_and_depth(tmp_path):
    write(tmp_path, "a.yaml", "extends: b.yaml\nname: a\n")
    write(tmp_path, "b.yaml", "extends: a.yaml\nname: b\n")
    found = problems(tmp_path / "a.yaml")
    assert len(found) == 1 and "extends vormt een kring: a.yaml → b.yaml → a.yaml" in found[0]
    write(tmp_path, "c0.yaml", MINIMAL)
    for i in range(1, 12):
        write(tmp_path, f"c{i}.yaml", f"extends: c{i - 1}.yaml\n")
    assert load_scenario(tmp_path / "c9.yaml").name == "Minimaal"  # c9 → c0: 10 files, the limit
    deep = problems(tmp_path / "c10.yaml")  # 11 files
    assert "de extends-keten is langer dan 10 bestanden" in deep[0]


def test_extends_missing_and_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "m.yaml", "extends: nothere.yaml\nname: m\n")
    assert problems("m.yaml") == ["m.yaml:1:1: extends: bestand niet gevonden: nothere.yaml"]
    write(tmp_path, "abs.yaml", f"extends: {tmp_path / 'm.yaml'}\nname: m\n")
    assert problems("abs.yaml") == [
        f"abs.yaml:1:1: extends: moet een pad zijn ten opzichte van dit bestand, maar dit is het absolute pad "
            f"'{tmp_path / 'm.yaml'}'"
    ]


# --- --set -------------------------------------------------------------------------

def test_set_overrides_and_validates(minimal):
    s = load_scenario(minimal, ["participants.zin.count=14", "period.start=2021", "income.subsidy=cover_deficit"])
    assert (s.participants.zin.count.point, s.start, s.income.covers_deficit) == (14, 2021, True)
    assert problems(minimal, ["participants.zin.count=-1"]) == [
        "--set participants.zin.count=-1: participants.zin.count: moet ≥ 0 zijn, maar dit is -1"
    ]
    assert problems(minimal, ["participants.zinn.count=1"])[0].endswith(
        "participants.zinn: onbekende sleutel 'zinn'; bedoelde u 'zin'?")
    assert problems(minimal, ["locations=yes"]) == [
        "--set locations=yes: locations: verwacht een getal, maar dit is 'yes' (YAML leest het als ja/nee)"
    ]


def test_set_word_on_a_sourced_number(tmp_path):
    path = write(tmp_path, "x.yaml", MINIMAL + 'income: {subsidy: {value: 0, source: "begroting"}}\n')
    assert load_scenario(path, ["income.subsidy=cover_deficit"]).income.covers_deficit
    # a number keeps the source it replaces
    s = load_scenario(path, ["income.subsidy=5000"])
    assert (s.income.subsidy.point, s.income.subsidy.source) == (5000, "begroting")


def test_description_is_not_inherited(tmp_path):
    write(tmp_path, "base.yaml", MINIMAL + "description: Gedeelde aannames\n")
    assert load_scenario(tmp_path / "base.yaml").description == "Gedeelde aannames"
    child = write(tmp_path, "child.yaml", "extends: base.yaml\nname: Kind\n")
    assert load_scenario(child).description is None
    own = write(tmp_path, "own.yaml", "extends: base.yaml\nname: Kind\ndescription: Eigen\n")
    assert load_scenario(own).description == "Eigen"


def test_notes_for_values_that_are_probably_mistakes(tmp_path):
    from aldlan_model.io.notes import notes_of

    path = write(tmp_path, "x.yaml", MINIMAL + "costs: {housing: 12.000}\nparticipants: {zin: {count: 12}}\n")
    s = load_scenario(path)  # valid: notes never stop a run
    assert s.costs.housing.point == 12.0
    assert [str(n) for n in notes_of(s)] == [
        f"{path}:8:9: costs.housing: 12.000 wordt gelezen als 12; schrijf voor twaalfduizend 12000",
        f"{path}:9:16: participants.zin.dagdelen_per_week: 12 deelnemers maar 0 dagdelen per week: "
        "ze komen nergens (dagdelen_per_week is standaard 0)",
    ]
