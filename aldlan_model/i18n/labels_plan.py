"""Labels of plan reports (nl and en must have the same keys); merged into labels.NL/EN."""

NL: dict[str, str] = {
    "of_target": "van het doel",
    "with_overrides": "met aanpassingen: {overrides}",
    "heading_locations": "Buurtkamers in het plan",
    "location": "Buurtkamer",
    "count": "Aantal",
    "share_of_plan": "Deel van de besparing",
    "warnings_count": "Waarschuwingen",
    "ex_rule_plan": "De uitkomst van het plan is de som over de buurtkamers (elk × hun aantal). "
                    "Gebruik --location NAAM voor de berekening van één buurtkamer.",
}

EN: dict[str, str] = {
    "of_target": "of the target",
    "with_overrides": "with changes: {overrides}",
    "heading_locations": "Buurtkamers in the plan",
    "location": "Buurtkamer",
    "count": "Count",
    "share_of_plan": "Share of savings",
    "warnings_count": "Warnings",
    "ex_rule_plan": "The plan's figure is the sum over its buurtkamers (each × its count). "
                    "Use --location NAME for the computation of one buurtkamer.",
}
