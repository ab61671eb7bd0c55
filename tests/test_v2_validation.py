"""Every validation rule of the version 2 keys (MODEL.md §2.1–2.6), with FILE:LINE:COL and key path,
also inside an extended file and inside a plan's room; pools checked on the plan's total."""

from __future__ import annotations

import json

import pytest
from conftest import write
from typer.testing import CliRunner

from aldlan_model.cli.app import app

HEAD = """\
name: Projecten
period: {first: 2021, last: 2023}
opening: {weeks_per_year: 40, dagdelen_per_week: 8}
tariffs: {buurtkamer: {zin: 30, pgb: 30}, baseline: {zin: 40, pgb: 40}}
"""


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # messages name files relative to where the command runs


def validate(path) -> tuple[int, list[str]]:
    r = CliRunner().invoke(app, ["validate", path.name])
    return r.exit_code, [line.strip() for line in r.output.splitlines()[1:] if line.strip()]


def test_type_errors_of_the_new_keys(tmp_path):
    path = write(tmp_path, "t.yaml", HEAD + """\
projects:
  - name: A
    funding:
      - {name: F, budget: wmoo, yearly: 1}
transport:
  baseline: {per_trip: 10, dagdelen_per_trip: 0, share: 1.5}
municipality:
  replaced:
    - {name: X, amount: -5, index: wage}
context: {indicated_clients: 1.5}
norms: {max_group_per_professional: 0}
label: Dit label is veel te lang voor een kolom
participants:
  former_indication: {count: 2, dagdelen_per_week: 9, baseline_dagdelen_per_week: 15}
""")
    code, lines = validate(path)
    assert code == 2
    assert lines == [
        "t.yaml:8:19: projects.0.funding.0.budget: verwacht een van 'wmo', 'municipal', 'external', maar dit is "
            "'wmoo'; "
        "bedoelde u 'wmo'?",
        "t.yaml:10:28: transport.baseline.dagdelen_per_trip: moet > 0 zijn, maar dit is 0",
        "t.yaml:10:50: transport.baseline.share: moet ≤ 1 zijn, maar dit is 1.5",
        "t.yaml:13:17: municipality.replaced.0.amount: moet ≥ 0 zijn, maar dit is -5",
        "t.yaml:13:29: municipality.replaced.0.index: verwacht een van 'wages', 'prices', 'tariffs', 'none', "
        "maar dit is 'wage'; bedoelde u 'wages'?",
        "t.yaml:14:11: context.indicated_clients: moet een heel getal zijn, maar dit is 1.5",
        "t.yaml:15:9: norms.max_group_per_professional: moet > 0 zijn, maar dit is 0",
        "t.yaml:16:1: label: mag hoogstens 24 tekens lang zijn, maar dit zijn er 40",
        "t.yaml:18:55: participants.former_indication.baseline_dagdelen_per_week: moet ≤ 14 zijn, maar dit is 15",
    ]


def test_project_rules(tmp_path):
    path = write(tmp_path, "p.yaml", HEAD + """\
projects:
  - name: A
    start: 2023
    end: 2022
    one_off: [{year: 2030, amount: 5}]
    funding:
      - {name: F, budget: wmo, one_off: [{year: 2019, amount: 1}]}
      - {name: G, budget: external, yearly: 1, rest: true}
      - {name: H, budget: external}
      - {name: I, budget: municipal, rest: true}
  - name: A
    staff:
      - {role: x, kind: professional}
participants:
  former_indication: {count: 2, dagdelen_per_week: 9}
""")
    code, lines = validate(path)
    assert code == 2
    assert lines == [
        "p.yaml:19:33: participants.former_indication.dagdelen_per_week: moet ≤ opening.dagdelen_per_week (8) "
        "zijn, maar dit is 9",
        "p.yaml:8:5: projects.0.end: moet ≥ start (2023) zijn, maar dit is 2022",
        "p.yaml:9:16: projects.0.one_off.0.year: moet binnen de periode 2021–2023 liggen, maar dit is 2030",
        "p.yaml:11:43: projects.0.funding.0.one_off.0.year: moet binnen de periode 2021–2023 liggen, maar dit is 2019",
        "p.yaml:12:9: projects.0.funding.1: een financieringsitem heeft precies één van 'yearly', 'one_off' of "
        "'rest: true' nodig, maar dit is yearly en rest",
        "p.yaml:13:9: projects.0.funding.2: een financieringsitem heeft precies één van 'yearly', 'one_off' of "
        "'rest: true' nodig, maar dit is geen ervan",
        "p.yaml:14:38: projects.0.funding.3.rest: hoogstens één financieringsitem per project mag 'rest: true' "
        "hebben (ook item 2)",
        "p.yaml:15:5: projects.1.name: dubbele projectnaam 'A' (ook item 1)",
        "p.yaml:17:9: projects.1.staff.0: een professional heeft fte + salary nodig, of hours_per_week + hourly_cost",
    ]


def test_errors_inside_an_extended_file_and_a_plan_room(tmp_path):
    write(tmp_path, "base.yaml", HEAD + """\
projects:
  - name: P
    funding:
      - {name: F, budget: extern, yearly: 1}
""")
    child = write(tmp_path, "child.yaml", "name: Kind\nextends: base.yaml\n")
    code, lines = validate(child)
    assert code == 2
    assert lines == ["base.yaml:8:19: projects.0.funding.0.budget: verwacht een van 'wmo', 'municipal', "
                     "'external', maar dit is 'extern'; bedoelde u 'external'?"]
    plan = write(tmp_path, "plan.yaml", HEAD + """\
locations:
  - {name: Oost, count: 2}
  - name: West
    projects:
      - name: Q
        end: 2030
""")
    code, lines = validate(plan)
    assert code == 2
    assert lines == ["plan.yaml:10:9: locations.1.projects.0.end: moet binnen de periode 2021–2023 liggen, maar dit "
        "is 2030"]


def test_label_and_context_apply_to_the_whole_plan(tmp_path):
    plan = write(tmp_path, "plan.yaml", HEAD + """\
locations:
  - {name: Oost, label: O}
""")
    code, lines = validate(plan)
    assert code == 2
    assert lines == ["plan.yaml:6:18: locations.0.label: 'label' geldt voor het hele plan en kan niet per "
                     "locatie verschillen"]


def test_pools_are_checked_on_the_plan_total(tmp_path):
    # 3 rooms × 2 volunteers = 6 > 5 available; each room alone (2 or 4) would be within the pool
    plan = write(tmp_path, "plan.yaml", HEAD + """\
context: {volunteers_available: 5}
staff:
  - {role: vrijwilliger, kind: volunteer, count: 2, hours_per_week: 2}
locations:
  - {name: Oost, count: 2}
  - {name: West}
""")
    r = CliRunner().invoke(app, ["run", str(plan), "--format", "json"])
    assert r.exit_code == 0, r.output
    pools = [w for w in json.loads(r.output)["warnings"] if w["code"].startswith("pool_")]
    assert pools == [{"code": "pool_volunteers_exceeded", "message": (
        "Het plan heeft 6 vrijwilligers nodig; er zijn er naar schatting 5 te vinden. Reken met minder "
        "vrijwilligers per kamer, minder kamers, of werf eerst vrijwilligers.")}]


@pytest.mark.parametrize("label,inherited", [("Basis", False)])
def test_label_is_not_inherited(tmp_path, label, inherited):
    write(tmp_path, "base.yaml", HEAD + f"label: {label}\n")
    child = write(tmp_path, "child.yaml", "name: Kind\nextends: base.yaml\n")
    r = CliRunner().invoke(app, ["run", str(child), "--format", "json"])
    assert (json.loads(r.output)["label"] == label) is inherited
