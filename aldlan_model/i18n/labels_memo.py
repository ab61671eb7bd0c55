"""Labels of ``aldlan report``, the memo for a board's letter (issue 13); nl and en have the same
keys. Merged into labels.NL/EN. The section headings are fixed words: tests look for them."""

NL: dict[str, str] = {
    # the memo's frame
    "memo_kind": "Notitie",
    "memo_title": "Besparing op de Wmo met buurtkamers",
    "memo_subject": "Onderwerp",
    "memo_date": "Datum",
    "memo_scenarios": "Scenario's",
    "memo_scenario": "Scenario",
    "memo_made_with": "Berekend met",
    "memo_made_with_value": "aldlan-model {version}; de cijfers zijn na te rekenen met aldlan explain",
    "memo_page": "Pagina {page} van {pages}",
    "memo_figure": "Figuur {n} \u2013 {title}",
    "memo_table_source": "Bron: scenario {label} ({file}), aldlan-model {version}, {date}",
    # section headings (exactly these words)
    "memo_h_summary": "Samenvatting",
    "memo_h_compare": "Vergelijking",
    "memo_h_mechanisms": "Waar komt de besparing vandaan",
    "memo_h_financing": "Financiering",
    "memo_h_uncertainty": "Onzekerheid",
    "memo_h_sources": "Bronnen",
    "memo_h_method": "Verantwoording",
    # Samenvatting: sentences generated from the figures
    "memo_one_room": "Eén buurtkamer van {label}",
    "memo_rooms": "Het scenario {label} met {rooms} buurtkamers",
    "memo_saves": "{who} bespaart de gemeente {savings} in {year}, waarvan {hard} hard: geld dat de gemeente "
                  "aantoonbaar niet meer uitgeeft.",
    "memo_saves_no_hard": "{who} bespaart de gemeente {savings} in {year}, maar die besparing rust helemaal op "
                          "de aanname dat meelifters anders een indicatie zouden krijgen; zonder die aanname "
                          "zijn er {hard} meerkosten.",
    "memo_costs_more": "Met {who} geeft de gemeente in {year} {extra} meer uit dan zonder: meerkosten ({extra_hard} "
                       "zonder de substitutie-aanname).",
    "memo_share": "Dat is {share} van het doel van {amount} ({share_hard} op harde besparing).",
    "memo_needed": "Voor het doel van {amount} zijn {rooms} buurtkamers van dit ontwerp nodig ({rooms_hard} "
                   "op harde besparing alleen).",
    "memo_needed_no_hard": "Voor het doel van {amount} zijn {rooms} buurtkamers van dit ontwerp nodig; op "
                           "harde besparing alleen haalt geen enkel aantal het doel.",
    "memo_needed_never": "Met geen enkel aantal buurtkamers van dit ontwerp wordt het doel van {amount} "
                         "gehaald: het ontwerp bespaart niets.",
    "memo_reached": "Het doel wordt gehaald vanaf {year}.",
    "memo_mech_main": "De besparing komt van {parts}.",
    "memo_mech_part": "{name} ({amount})",
    "memo_and": "en",
    "memo_mech_tariff_difference": "het lagere tarief van de buurtkamer",
    "memo_mech_transport_avoided": "Wmo-vervoer dat vervalt",
    "memo_mech_replaced": "bestaande uitgaven die de buurtkamer overneemt",
    "memo_mech_moved_clients": "oud-cliënten van wie de indicatie is beëindigd",
    "memo_mech_soft": "Daarvan rust {amount} op de aanname dat meelifters anders een indicatie zouden krijgen "
                      "(substitutie); daarvoor is geen bewijs gevonden.",
    "memo_mech_paid": "De gemeente betaalt daarnaast {amount} aan subsidie of projecten; dat bedrag is hierin al "
                      "meegeteld.",
    "memo_fin_end_short": "Aan het eind van {year} staat de organisatie cumulatief {amount} in de min: de "
                          "overbrugging is binnen de periode niet terugverdiend.",
    "memo_fin_back": "De overbrugging is in {year} terugverdiend.",
    "memo_fin_none": "De organisatie heeft geen overbruggingsfinanciering nodig: haar cumulatieve resultaat "
                     "is in geen enkel jaar negatief.",
    "memo_unc_sentence": "Met de bandbreedtes van de invoer geeft dit ontwerp in {year} {saving}, zonder de "
                         "substitutie-aanname {hard}; de kans dat het doel wordt gehaald is {chance}.",
    "memo_range_pos": "een besparing tussen {p10} (P10) en {p90} (P90)",
    "memo_range_neg": "meerkosten tussen {low} (P90) en {high} (P10)",
    "memo_range_mixed": "meerkosten van {extra} (P10) tot een besparing van {saving} (P90)",
    "memo_unc_several": "Met de bandbreedtes van de invoer geeft in {year} {parts}.",
    "memo_unc_part": "{label} {phrase}",
    "memo_unc_none": "De invoer van {label} heeft geen bandbreedtes: de onzekerheid is niet berekend.",
    "memo_best": "Van de vergeleken scenario's bespaart {label} de gemeente het meest in {year} ({amount}).",
    "memo_see_method": "Hoe de cijfers zijn berekend, staat onder Verantwoording; de bronnen van de invoer "
                       "onder Bronnen.",
    # Vergelijking
    "memo_compare_intro": "De scenario's naast elkaar in {year}. {star}",
    # Waar komt de besparing vandaan
    "memo_mech_intro": "De besparing is het verschil tussen wat de gemeente zonder en met buurtkamer uitgeeft. "
                       "De tabel verdeelt dat verschil over de oorzaken; samen tellen ze op tot de besparing. "
                       "De harde besparing laat de substitutie-aanname weg.",
    "memo_mech_table": "Waar komt de besparing vandaan, {year}, {label}",
    "memo_fig_savings": "Besparing per jaar tegen het doel",
    "memo_fig_mechanisms": "Waar komt de besparing vandaan, {year}, {label}",
    # Financiering
    "memo_fin_intro": "Overbruggingsfinanciering is het geld dat de organisatie op haar slechtste moment moet "
                      "lenen of uit reserves halen: het diepste punt van haar cumulatieve resultaat (buurtkamer "
                      "en projecten). Daarnaast staat wanneer de gemeente als geheel haar geld terug heeft.",
    "memo_fin_table": "Financiering en positie van de gemeente, {label}",
    # Onzekerheid
    "memo_unc_intro": "Veel invoer is een bandbreedte (laag, meest waarschijnlijk, hoog) in plaats van één getal. "
                      "Voor deze notitie is elk scenario {draws} keer doorgerekend met getrokken waarden "
                      "(Monte Carlo, vaste startwaarde {seed}, zodat dezelfde berekening dezelfde uitkomst "
                      "geeft). P10 en P90: in 10 % van de trekkingen is de uitkomst lager, in 10 % hoger.",
    "memo_unc_table": "Spreiding in {year}, {label}",
    "memo_unc_point": "Puntwaarde",
    "memo_unc_p10": "P10",
    "memo_unc_p50": "Mediaan",
    "memo_unc_p90": "P90",
    "memo_unc_chances": "De kans dat het doel wordt gehaald is {p} (op harde besparing {p_hard}); de kans "
                        "dat de buurtkamer in een jaar tot en met {year} een tekort heeft, is {p_deficit}.",
    # Bronnen
    "memo_sources_intro": "De tabellen verwijzen met een nummer naar deze noten. Een bron die begint met "
                          "\u2018aanname\u2019 is een veronderstelling waarvoor geen gepubliceerd cijfer is gevonden.",
    "memo_sources_files": "Scenariobestanden: {files}.",
    # errors
}

EN: dict[str, str] = {
    "memo_kind": "Memo",
    "memo_title": "Wmo savings from buurtkamers",
    "memo_subject": "Subject",
    "memo_date": "Date",
    "memo_scenarios": "Scenarios",
    "memo_scenario": "Scenario",
    "memo_made_with": "Computed with",
    "memo_made_with_value": "aldlan-model {version}; every figure can be checked with aldlan explain",
    "memo_page": "Page {page} of {pages}",
    "memo_figure": "Figure {n} \u2013 {title}",
    "memo_table_source": "Source: scenario {label} ({file}), aldlan-model {version}, {date}",
    "memo_h_summary": "Summary",
    "memo_h_compare": "Comparison",
    "memo_h_mechanisms": "Where the saving comes from",
    "memo_h_financing": "Financing",
    "memo_h_uncertainty": "Uncertainty",
    "memo_h_sources": "Sources",
    "memo_h_method": "Method",
    "memo_one_room": "One buurtkamer of {label}",
    "memo_rooms": "The scenario {label} with {rooms} buurtkamers",
    "memo_saves": "{who} saves the municipality {savings} in {year}, of which {hard} is hard: money the "
                  "municipality demonstrably no longer spends.",
    "memo_saves_no_hard": "{who} saves the municipality {savings} in {year}, but that saving rests entirely on "
                          "the assumption that riders-along would otherwise get an indicatie; without it there "
                          "are {hard} of extra costs.",
    "memo_costs_more": "With {who} the municipality spends {extra} more in {year} than without: extra costs "
                       "({extra_hard} without the substitution assumption).",
    "memo_share": "That is {share} of the target of {amount} ({share_hard} on hard savings).",
    "memo_needed": "The target of {amount} needs {rooms} buurtkamers of this design ({rooms_hard} on hard savings "
                   "alone).",
    "memo_needed_no_hard": "The target of {amount} needs {rooms} buurtkamers of this design; on hard savings "
                           "alone no number of rooms reaches it.",
    "memo_needed_never": "No number of buurtkamers of this design reaches the target of {amount}: the design "
                         "saves nothing.",
    "memo_reached": "The target is reached from {year}.",
    "memo_mech_main": "The saving comes from {parts}.",
    "memo_mech_part": "{name} ({amount})",
    "memo_and": "and",
    "memo_mech_tariff_difference": "the buurtkamer's lower tariff",
    "memo_mech_transport_avoided": "Wmo transport no longer needed",
    "memo_mech_replaced": "existing spending the buurtkamer takes over",
    "memo_mech_moved_clients": "former clients whose indicatie has ended",
    "memo_mech_soft": "Of this, {amount} rests on the assumption that riders-along would otherwise get an "
                      "indicatie (substitution); no evidence for that was found.",
    "memo_mech_paid": "The municipality also pays {amount} in subsidy or for projects; that amount is already "
                      "counted in.",
    "memo_fin_end_short": "At the end of {year} the organisation is {amount} short in total: the bridge is not "
                          "paid back within the period.",
    "memo_fin_back": "The bridge is paid back in {year}.",
    "memo_fin_none": "The organisation needs no bridge financing: its cumulative result is never negative.",
    "memo_unc_sentence": "With the ranges of the inputs, this design gives {saving} in {year}, {hard} without "
                         "the substitution assumption; the chance of reaching the target is {chance}.",
    "memo_range_pos": "a saving between {p10} (P10) and {p90} (P90)",
    "memo_range_neg": "extra costs between {low} (P90) and {high} (P10)",
    "memo_range_mixed": "extra costs of {extra} (P10) to a saving of {saving} (P90)",
    "memo_unc_several": "With the ranges of the inputs, in {year} {parts}.",
    "memo_unc_part": "{label} gives {phrase}",
    "memo_unc_none": "The inputs of {label} have no ranges: the uncertainty was not computed.",
    "memo_best": "Of the scenarios compared, {label} saves the municipality most in {year} ({amount}).",
    "memo_see_method": "How the figures are computed is set out under Method; the sources of the inputs under "
                       "Sources.",
    "memo_compare_intro": "The scenarios side by side in {year}. {star}",
    "memo_mech_intro": "The saving is the difference between what the municipality spends without and with the "
                       "buurtkamer. The table splits that difference by cause; together they add up to the "
                       "saving. The hard saving leaves out the substitution assumption.",
    "memo_mech_table": "Where the saving comes from, {year}, {label}",
    "memo_fig_savings": "Savings per year against the target",
    "memo_fig_mechanisms": "Where the saving comes from, {year}, {label}",
    "memo_fin_intro": "Bridge financing is the money the organisation must borrow or take from reserves at its "
                      "worst moment: the lowest point of its cumulative result (buurtkamer and projects). "
                      "Beside it: when the municipality as a whole has its money back.",
    "memo_fin_table": "Financing and the municipality's position, {label}",
    "memo_unc_intro": "Many inputs are a range (low, most likely, high) rather than one number. For this memo "
                      "each scenario was computed {draws} times with drawn values (Monte Carlo, fixed seed "
                      "{seed}, so the same calculation gives the same outcome). P10 and P90: in 10 % of the "
                      "draws the outcome is lower, in 10 % higher.",
    "memo_unc_table": "Spread in {year}, {label}",
    "memo_unc_point": "Point value",
    "memo_unc_p10": "P10",
    "memo_unc_p50": "Median",
    "memo_unc_p90": "P90",
    "memo_unc_chances": "The chance of reaching the target is {p} ({p_hard} on hard savings); the chance "
                        "that the buurtkamer runs a deficit in a year up to {year} is {p_deficit}.",
    "memo_sources_intro": "The tables refer to these notes by number. A source that starts with \u2018aanname\u2019 "
                          "(assumption) is an assumption for which no published figure was found.",
    "memo_sources_files": "Scenario files: {files}.",
}
