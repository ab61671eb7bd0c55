"""Labels of the letters reports (nl and en must have the same keys); merged into labels.NL/EN."""

NL: dict[str, str] = {}
EN: dict[str, str] = {}
