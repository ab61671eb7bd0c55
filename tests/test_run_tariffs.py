"""The run's "Kosten per deelnemer-dagdeel" line names the tariffs of the target year as the rules read
them (MODEL.md §3.9): a tariff published for a later year is worth less in an earlier one. It read
€ 37,68 for a 2023 tariff of € 35,76 in 2021 (indexed up, not back); the rule gives € 32,70."""

from __future__ import annotations

from tests.test_engine_v3 import hand
from tests.test_v3_reports import report_of, write


def line(tmp_path, data: dict) -> str:
    head = dict(report_of(write(tmp_path, "t", data)).headline)
    return head["Kosten per deelnemer-dagdeel (doeljaar)"].replace("\u00a0", " ")


def test_a_tariff_published_later_is_read_back_to_the_target_year(tmp_path):
    # tariffs rise 10 % a year from 2020; the room's tariff is written for 2022 as 36,30:
    # in 2021 it reads 36,30 / 1,1² × 1,1 = 33,00; the regular tariff 40 (undated) × 1,1 = 44,00
    data = hand(period={"first": 2020, "last": 2022}, target={"year": 2021}, indexation={"tariffs": 0.1},
                tariffs={"buurtkamer": {"zin": {2022: 36.3}}})
    assert "(tarief buurtkamer € 33,00, gewoon tarief € 44,00)" in line(tmp_path, data)


def test_an_undated_tariff_is_indexed_up(tmp_path):
    # written in first-year money: 30 × 1,1 = 33,00 and 40 × 1,1 = 44,00 in 2021
    data = hand(period={"first": 2020, "last": 2022}, target={"year": 2021}, indexation={"tariffs": 0.1})
    assert "(tarief buurtkamer € 33,00, gewoon tarief € 44,00)" in line(tmp_path, data)
