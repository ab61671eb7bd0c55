"""The memo's sentences on small scenarios worked by hand (issue 21): the municipality as a whole first
when another municipal budget pays (rent from a municipal service, projects), the money of each budget
named once, a target out of reach said in words, the organisation's cash in the tense of its years, and
counts and one-year periods in grammatical Dutch.

The scenario is ``payers_scenario`` of ``tests/test_v3_reports.py`` (2020–2021, no indexation): per year
savings on the Wmo 11,400; other municipal budgets pay 5,000 to the project and 2,000 rent to the
organisation, so the municipality as a whole gains 11,400 − 7,000 = 4,400 a year, 8,800 over 2020–2021.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from tests.test_engine_v3 import hand
from tests.test_v3_reports import cash_scenario, payers_scenario, write

LATE = _dt.date(2026, 12, 2)  # every year of the scenarios is over
EARLY = _dt.date(2019, 6, 1)  # none has begun


def summary(tmp_path: Path, data: dict, today: _dt.date = LATE, lang: str = "nl", section: str = "summary") -> str:
    from aldlan_model.api import load_model, run_model
    from aldlan_model.render.memo.content import build_memo
    from aldlan_model.render.memo.document import MemoItem

    path = write(tmp_path, "memo", data)
    model = load_model(path)
    memo = build_memo([MemoItem("hand", str(path), model, run_model(model))], lang, charts=False, draws=200,
                      today=today)
    return " ".join(b.text for b in memo.section(section).blocks).replace("\u00a0", " ")


def test_the_whole_comes_first_and_each_budget_is_named(tmp_path):
    text = summary(tmp_path, payers_scenario())
    first = ("Met het ontwerp ‘hand’ (één buurtkamer en één project) zou de gemeente als geheel, over al haar "
             "budgetten samen, in 2020–2021 € 8.800 beter af zijn geweest dan zonder.")
    assert text.startswith(first)
    # on the Wmo alone 11,400 of the target 100,000 = 11,4 %; ceil(100,000 / 11,400) = 9 rooms
    assert ("Op de Wmo alleen zou zij in 2021 € 11.400 hebben bespaard: 11,4 % van het besparingsdoel van "
            "€ 100.000. Voor het doel zouden 9 buurtkamers van dit ontwerp nodig zijn.") in text
    # 5,000 to the project + 2,000 rent = 7,000; net 11,400 − 7,000 = 4,400 in 2021
    # over 2020–2021 twice 7,000 = 14,000
    assert ("Uit andere gemeentelijke budgetten zou in 2021 € 7.000 zijn betaald: € 5.000 aan de projecten en "
            "€ 2.000 aan de organisatie (‘Huur wijkteam’); over 2020–2021 samen € 14.000. Per saldo zou de "
            "gemeente in dat jaar € 4.400 voordeel hebben gehad.") in text
    # the organisation's cash never goes below zero (result 30,400 a year, no start-up, paid at once)
    assert "De organisatie zou in 2020–2021 op geen enkel moment geld hebben hoeven lenen" in text
    assert "1 project" not in text and "1 buurtkamer" not in text


def test_rent_alone_from_a_municipal_service_also_puts_the_whole_first(tmp_path):
    # no project: savings 14,400 a year; the rent of 2,000 is municipal money, so the whole gains 12,400 in 2020
    data = hand(income={"other": [{"name": "Huur wijkteam", "amount": 2000, "budget": "municipal"}]})
    text = summary(tmp_path, data)
    assert text.startswith("Met één buurtkamer volgens het ontwerp ‘hand’ zou de gemeente als geheel, over al haar "
                           "budgetten samen, in 2020 € 12.400 beter af zijn geweest dan zonder.")  # not "2020–2020"
    assert ("Uit andere gemeentelijke budgetten zou in 2020 € 2.000 naar de organisatie zijn gegaan "
            "(‘Huur wijkteam’; over 2020 samen € 2.000); per saldo zou de gemeente in dat jaar € 12.400 voordeel "
            "hebben gehad.") in text


def test_future_years_are_in_the_future_tense(tmp_path):
    text = summary(tmp_path, payers_scenario(), today=EARLY)
    assert ("Met het ontwerp ‘hand’ (één buurtkamer en één project) is de gemeente als geheel, over al haar "
            "budgetten samen, in 2020–2021 € 8.800 beter af dan zonder.") in text
    assert "Op de Wmo alleen bespaart zij in 2021 € 11.400" in text
    assert "zou" not in text.split(". Voor het doel")[0]


def test_a_target_far_out_of_reach_is_said_so(tmp_path):
    # 2,000,000 / 14,400 = 138,9 → 139 rooms, more than the 100 a municipality could open
    text = summary(tmp_path, hand(target={"amount": 2_000_000}))
    assert ("Het doel ligt buiten bereik van dit ontwerp: daarvoor zouden 139 buurtkamers nodig zijn.") in text
    # 100,000 / 14,400 = 6,9 → 7 rooms: a number, not a verdict
    text = summary(tmp_path, hand())
    assert "Voor het doel zouden 7 buurtkamers van dit ontwerp nodig zijn." in text
    assert "buiten bereik" not in text


def test_a_loss_never_recovered_is_said_once(tmp_path):
    # housing 40,000 a year from 2021 (start), income 12,000 then 24,000, start-up 1,000 paid in 2021 over 2
    # years, 73 payment days (0,2 of the income outstanding):
    #   2021: result 12,000 − 40,000 − 500 = −28,500; cash −28,500 + 500 − 1,000 − 2,400 = −31,400
    #   2022: result 24,000 − 40,500 = −16,500; cash −16,500 + 500 − (4,800 − 2,400) = −18,400
    #   2023: result 24,000 − 40,000 = −16,000; cash −16,000
    # cumulative −31,400, −49,800, −65,800: the lowest point is the last year, nothing comes back
    text = summary(tmp_path, cash_scenario(40_000))
    assert ("De organisatie zou tot en met 2023 in totaal € 65.800 tekort zijn gekomen; dat had zij moeten lenen "
            "of uit haar reserves moeten halen, en aan het eind van 2023 zou daarvan nog niets zijn "
            "terugverdiend. Van dat tekort zouden € 4.800 Wmo-tarieven over 2023 zijn") in text


def test_a_loss_partly_recovered_names_what_is_still_open(tmp_path):
    #   2021: result 12,000 − 20,500 = −8,500; cash −8,500 + 500 − 1,000 − 2,400 = −11,400
    #   2022: result 24,000 − 20,500 = 3,500; cash 3,500 + 500 − 2,400 = 1,600
    #   2023: result 4,000; cash 4,000 → cumulative −11,400, −9,800, −5,800
    # the lowest point is in 2021, the opening year ("in 2021", not "tot en met 2021 in totaal"); of what is open at the
    # end, 0,2 × 24,000 = 4,800 are tariffs for 2023 still to be paid
    text = summary(tmp_path, cash_scenario(20_000))
    assert ("De organisatie zou in 2021 € 11.400 tekort zijn gekomen; dat had zij moeten lenen "
            "of uit haar reserves moeten halen. Aan het eind van 2023 zou daarvan nog € 5.800 niet zijn "
            "terugverdiend. Van dat tekort zouden € 4.800 Wmo-tarieven over 2023 zijn die pas na de "
            "betaaltermijn binnenkomen.") in text
    assert "overbrugging" not in text  # not a bridge: the cash is not back at zero within the period


def test_a_zero_saving_is_said_in_words(tmp_path):
    # the room's tariff and transport equal the baseline's: nothing saved, nothing spent more
    data = hand(tariffs={"buurtkamer": {"zin": 40, "pgb": 30}}, transport={"buurtkamer": 10})
    text = summary(tmp_path, data)
    assert ("Met één buurtkamer volgens het ontwerp ‘hand’ zou de gemeente in 2020 op de Wmo niets hebben "
            "bespaard") in text
    assert "€ 0" not in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_financing_table_has_the_four_columns_of_the_summary(tmp_path, lang):
    from aldlan_model.api import load_model, run_model
    from aldlan_model.render.memo.content import build_memo
    from aldlan_model.render.memo.document import MemoItem

    path = write(tmp_path, "memo", payers_scenario())
    model = load_model(path)
    memo = build_memo([MemoItem("hand", str(path), model, run_model(model))], lang, charts=False, draws=200,
                      today=LATE)
    table = next(b.table for b in memo.section("financing").blocks if b.kind == "table")
    assert len(table.columns) == 4
    # result 30,400 a year; the cash equals it (no start-up, no payment days); the whole 4,400 a year
    assert [r.values for r in table.rows] == [[30400, 30400, 4400, 4400], [30400, 60800, 4400, 8800]]


def test_rent_from_a_municipal_service_is_municipal_money_in_the_dekkingsplan(tmp_path):
    from matplotlib.patches import Rectangle

    from aldlan_model.api import load_model, run_model
    from aldlan_model.ledger.rounded import ledger
    from aldlan_model.render.charts.draw import figure
    from aldlan_model.tables.run import funding_table

    model = load_model(write(tmp_path, "plan", payers_scenario()))
    result = run_model(model)
    L = ledger(result)
    room = funding_table(L, "nl", "t", L.years).rows[0]
    # two years of: tariffs 24,000 (Wmo); rent 2,000 from the wijkteam (municipal); 400 contributions and
    # 4,000 rent from others (external); the room has no costs → result 2 × 30,400
    assert room.values == [0, 48000, 4000, 8800, 60800]
    ax = figure([(model, result)], "funding", "nl").axes[0]
    stack = sorted((p.get_y(), p.get_height()) for p in ax.patches
                   if isinstance(p, Rectangle) and abs(p.get_x() + p.get_width() / 2) < 0.5 and p.get_height() > 0)
    assert [round(h) for _, h in stack] == [48000, 4000, 8800]  # Wmo, other municipal, external: as the table


def test_what_is_open_only_because_tariffs_are_still_to_come_is_no_lasting_shortfall(tmp_path):
    #   2021: result 12,000 − 19,500 = −7,500; cash −7,500 + 500 − 1,000 − 2,400 = −10,400
    #   2022: result 24,000 − 19,500 = 4,500; cash 4,500 + 500 − 2,400 = 2,600
    #   2023: result 5,000; cash 5,000 → cumulative −10,400, −7,800, −2,800; 2,800 ≤ the 4,800 still to be paid
    text = summary(tmp_path, cash_scenario(19_000))
    assert ("De organisatie zou in 2021 € 10.400 tekort zijn gekomen; dat had zij moeten lenen of uit "
            "haar reserves moeten halen. Aan het eind van 2023 zou nog € 2.800 openstaan: Wmo-tarieven die pas na "
            "de betaaltermijn binnenkomen, geen blijvend tekort.") in text
    assert "niet zijn terugverdiend" not in text


def test_the_re_indicated_share_is_named_as_fixed(tmp_path):
    # half re-indicated, half had the room's product already: tariff difference (40 − 30) × 800 × 0,5 = 4,000
    data = hand(participants={"zin": {"origin": {"reindicated": 0.5, "same_product": 0.5}}})
    text = summary(tmp_path, data)
    assert ("De besparing door het lagere tarief (€ 4.000) was er alleen geweest als de deelnemers een nieuwe "
            "indicatie hadden gekregen voor het lichtere product van de buurtkamer. Aangenomen is dat 50 % van de "
            "deelnemers met een indicatie een nieuwe indicatie krijgt; die aanname is niet gevarieerd in de "
            "onzekerheidsberekening.") in text


def test_rent_from_a_municipal_service_carries_its_condition(tmp_path):
    data = hand(income={"other": [{"name": "Huur wijkteam", "amount": 2000, "budget": "municipal"}]})
    text = summary(tmp_path, data)
    # net 12,400 in 2020; without the 2,000 rent counted as municipal spending: 14,400, the Wmo saving itself
    assert ("Betaalt de gemeentelijke dienst dat bedrag zonder buurtkamer elders evenveel, dan was het saldo in "
            "2020 € 14.400 voordeel.") in text
    assert "Dit is een berekening achteraf" in text  # 2020 is over on 2 December 2026: not a result
    assert "Dit is een raming" in summary(tmp_path, data, today=EARLY)


def test_several_designs_show_the_period_figures_their_sentences_name(tmp_path):
    from aldlan_model.api import load_model, run_model
    from aldlan_model.render.memo.content import build_memo
    from aldlan_model.render.memo.document import MemoItem

    # A: the payers scenario, cash 30,400 a year (never below 0), the whole 2 × 4,400 = 8,800
    # B: the hand room with housing 30,000: result 24,000 − 30,000 = −6,000 a year → cash −6,000, −12,000;
    #    no other budget pays: the whole is the Wmo saving, 2 × 14,400 = 28,800
    items = []
    for name, data in (("A", payers_scenario()),
                       ("B", hand(period={"first": 2020, "last": 2021}, target={"year": 2021},
                                  costs={"housing": 30000}))):
        model = load_model(write(tmp_path, name, data))
        items.append(MemoItem(name, name, model, run_model(model)))
    memo = build_memo(items, "nl", charts=False, draws=200, today=LATE)
    table = next(b.table for b in memo.section("financing").blocks if b.kind == "table")
    assert table.columns == ["A", "B"]
    assert [(r.label, r.values) for r in table.rows] == [
        ("Kas organisatie, laagste punt (opgeteld)", [0, -12000]),
        ("Kas organisatie, eind 2021 (opgeteld)", [60800, -12000]),
        ("Gemeente als geheel, opgeteld 2020–2021", [8800, 28800]),
    ]
