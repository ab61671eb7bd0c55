"""Labels of the version 2 figures (mechanisms, hard savings, financing, projects);
merged into labels.NL/EN. nl and en have the same keys (a test checks it).

One term per concept, as in docs/glossary.md: "Harde besparing" is the saving without the
substitution assumption; "Overbruggingsfinanciering" the financing need at the worst moment.
"""

NL: dict[str, str] = {
    # mechanisms (MODEL.md §3.4)
    "tariff_difference": "Lager tarief buurtkamer",
    "transport_avoided": "Vervoer dat vervalt",
    "substitution": "Meelifters die anders een indicatie kregen (aanname)",
    "replaced": "Vervangen bestaande uitgaven",
    "moved_clients": "Oud-cliënten zonder indicatie",
    "paid": "Subsidie en Wmo-bijdrage aan projecten",
    "mechanism_kind": "Soort",
    "mechanism_hard": "hard",
    "mechanism_soft": "aanname",
    "mechanism_paid": "kosten",
    "heading_mechanisms": "Waar komt de besparing vandaan, {year}",
    "mechanism_amount": "Bedrag",
    "savings_hard": "Harde besparing (zonder substitutie-aanname)",
    "savings_hard_short": "Harde besparing",
    "mechanisms_note": (
        "Hard: geld dat de gemeente aantoonbaar niet meer uitgeeft. Aanname: meelifters zonder "
        "indicatie die anders een indicatie zouden krijgen; daarvoor is geen bewijs gevonden."
    ),
    # financing (MODEL.md §3.5)
    "heading_financing": "Financiering van de organisatie en positie van de gemeente",
    "organisation_result": "Resultaat organisatie (kamer en projecten)",
    "cumulative_result": "Cumulatief resultaat organisatie",
    "net_municipality": "Netto voor de gemeente (alle budgetten)",
    "cumulative_net_municipality": "Cumulatief netto voor de gemeente",
    "financing_need": "Benodigde overbruggingsfinanciering",
    "payback_year": "Gemeente heeft haar geld terug in",
    "payback_never_waits": "de gemeente wacht nooit op haar geld",
    "payback_never": "niet binnen de periode",
    "financing_sentence": (
        "De organisatie heeft {need} overbruggingsfinanciering nodig; {payback}."
    ),
    "financing_payback_in": "de gemeente heeft haar geld terug in {year}",
    "financing_sentence_label": "Kort gezegd:",
    "cost_per_dagdeel": "Kosten per deelnemer-dagdeel (doeljaar)",
    "savings_hard_headline": "Harde besparing {year}",
    "of_target_rooms": "{share} van het doel; {rooms} buurtkamers nodig",
    "of_target_no_rooms": "{share} van het doel; geen aantal buurtkamers haalt het doel",
    # projects (MODEL.md §2.3, §3.3)
    "heading_funding": "Dekkingsplan {period}",
    "funding_room": "Buurtkamer (exploitatie)",
    "funding_cost": "Kosten",
    "funding_wmo": "Wmo",
    "funding_municipal": "Overig gemeente",
    "funding_external": "Extern",
    "funding_result": "Resultaat",
    "funding_note": (
        "Wmo: telt mee tegen de Wmo-besparing. Overig gemeente: andere gemeentelijke budgetten "
        "(jeugd, onderwijs, accommodaties). Extern: fondsen, sponsors, deelnemers, huur."
    ),
    "projects_cost": "Kosten projecten",
    "projects_wmo": "Wmo-bijdrage aan projecten",
    "projects_municipal": "Bijdrage overig gemeente aan projecten",
    "projects_external": "Externe bijdragen aan projecten",
    "projects_funding": "Financiering projecten",
    "projects_result": "Resultaat projecten",
    "position_wmo": "Wmo-besparing {year}",
    "position_net": "Netto voor alle gemeentelijke budgetten {year}",
    "period_whole": "hele periode {first}\u2013{last}",
    # compare rows
    "cmp_savings_hard": "Harde besparing",
    "cmp_share_hard": "Deel van het doel (hard)",
    "cmp_locations_needed_hard": "Buurtkamers nodig (hard)",
    "cmp_financing_need": "Overbruggingsfinanciering",
    "cmp_payback_year": "Geld terug in",
    "cmp_net_municipality": "Netto gemeente (alle budgetten)",
    "cmp_projects_cost": "Kosten projecten",
}

EN: dict[str, str] = {
    "tariff_difference": "Lower buurtkamer tariff",
    "transport_avoided": "Transport no longer needed",
    "substitution": "Riders-along who would otherwise get an indicatie (assumption)",
    "replaced": "Existing spending replaced",
    "moved_clients": "Former clients without indicatie",
    "paid": "Subsidy and Wmo funding of projects",
    "mechanism_kind": "Kind",
    "mechanism_hard": "hard",
    "mechanism_soft": "assumption",
    "mechanism_paid": "cost",
    "heading_mechanisms": "Where the saving comes from, {year}",
    "mechanism_amount": "Amount",
    "savings_hard": "Hard saving (without the substitution assumption)",
    "savings_hard_short": "Hard saving",
    "mechanisms_note": (
        "Hard: money the municipality demonstrably no longer spends. Assumption: riders-along without "
        "indicatie who would otherwise get one; no evidence for this was found."
    ),
    "heading_financing": "Financing of the organisation and the municipality's position",
    "organisation_result": "Organisation result (room and projects)",
    "cumulative_result": "Cumulative organisation result",
    "net_municipality": "Net for the municipality (all budgets)",
    "cumulative_net_municipality": "Cumulative net for the municipality",
    "financing_need": "Bridge financing needed",
    "payback_year": "Municipality has its money back in",
    "payback_never_waits": "the municipality never waits for its money",
    "payback_never": "not within the period",
    "financing_sentence": "The organisation needs {need} of bridge financing; {payback}.",
    "financing_payback_in": "the municipality has its money back in {year}",
    "financing_sentence_label": "In short:",
    "cost_per_dagdeel": "Cost per participant-dagdeel (target year)",
    "savings_hard_headline": "Hard saving {year}",
    "of_target_rooms": "{share} of the target; {rooms} buurtkamers needed",
    "of_target_no_rooms": "{share} of the target; no number of buurtkamers reaches the target",
    "heading_funding": "Funding plan {period}",
    "funding_room": "Buurtkamer (operation)",
    "funding_cost": "Cost",
    "funding_wmo": "Wmo",
    "funding_municipal": "Other municipal",
    "funding_external": "External",
    "funding_result": "Result",
    "funding_note": (
        "Wmo: counts against the Wmo savings. Other municipal: other municipal budgets (youth, "
        "education, buildings). External: funds, sponsors, participants, rent."
    ),
    "projects_cost": "Project costs",
    "projects_wmo": "Wmo funding of projects",
    "projects_municipal": "Other municipal funding of projects",
    "projects_external": "External funding of projects",
    "projects_funding": "Project funding",
    "projects_result": "Project result",
    "position_wmo": "Wmo saving {year}",
    "position_net": "Net over all municipal budgets {year}",
    "period_whole": "whole period {first}\u2013{last}",
    "cmp_savings_hard": "Hard saving",
    "cmp_share_hard": "Share of target (hard)",
    "cmp_locations_needed_hard": "Buurtkamers needed (hard)",
    "cmp_financing_need": "Bridge financing",
    "cmp_payback_year": "Money back in",
    "cmp_net_municipality": "Net municipality (all budgets)",
    "cmp_projects_cost": "Project costs",
}
