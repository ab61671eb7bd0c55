"""The message catalogue: every message a user reads besides the reports, in Dutch and English.

``MESSAGES`` maps a key to ``(nl, en)``; both have the same ``{placeholders}``
(``tests/test_i18n.py`` checks that, and that ``docs/errors.md`` lists every message).
The library builds a message with :func:`msg` in the current language: a context variable,
Dutch unless set otherwise (the CLI sets it once from ``--lang`` or ``ALDLAN_LANG``).
The library never prints.

A fact that itself depends on the language (``34,5`` / ``34.5``) is given as :class:`L`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

LANGS = ("nl", "en")
_LANG: ContextVar[str] = ContextVar("aldlan_lang", default="nl")


@dataclass(frozen=True)
class L:
    """A fact in both languages; :func:`msg` picks the current one."""

    nl: str
    en: str

    def __str__(self) -> str:
        return self.nl if current() == "nl" else self.en


def current() -> str:
    """The language messages are built in: 'nl' (the default) or 'en'."""
    return _LANG.get()


def set_lang(lang: str | None) -> None:
    """Set the language of messages (unknown values keep Dutch)."""
    _LANG.set("en" if (lang or "").strip().lower().startswith("en") else "nl")


@contextlib.contextmanager
def use_lang(lang: str) -> Iterator[None]:
    token = _LANG.set("en" if lang == "en" else "nl")
    try:
        yield
    finally:
        _LANG.reset(token)


def startup_lang(argv: list[str] | None = None) -> str:
    """The language of ``--help`` texts, chosen before options are parsed: ``--lang en`` (or
    ``--lang=en``) on the command line, else ``ALDLAN_LANG``, else Dutch."""
    argv = sys.argv[1:] if argv is None else argv
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1].lower().startswith("en") else "nl"
        if arg.startswith("--lang="):
            return "en" if arg[7:].lower().startswith("en") else "nl"
    return "en" if os.environ.get("ALDLAN_LANG", "").strip().lower().startswith("en") else "nl"


def template(_key: str, lang: str | None = None) -> str:
    """The message ``key`` with its placeholders unfilled."""
    nl, en = MESSAGES[_key]
    return en if (lang or current()) == "en" else nl


def msg(_key: str, **facts: Any) -> str:
    """The message ``key`` in the current language with its facts filled in."""
    lang = current()
    shown = {k: (v.en if lang == "en" else v.nl) if isinstance(v, L) else v for k, v in facts.items()}
    return template(_key, lang).format(**shown)


def either(nl: str, en: str) -> L:
    return L(nl, en)


def grouped(n: int | float) -> L:
    """A whole number with thousands separators: 1.000.000 in Dutch, 1,000,000 in English."""
    en = f"{int(n):,}"
    return L(en.replace(",", "."), en)


# ---------------------------------------------------------------------------------------------
# The catalogue. Keys are grouped as in docs/errors.md; placeholders are the same in both.
MESSAGES: dict[str, tuple[str, str]] = {
    # reading the file
    "file_not_found": ("bestand niet gevonden", "file not found"),
    "file_not_found_nul": ("bestand niet gevonden (de naam bevat een NUL-teken)",
                           "file not found (the name contains a NUL character)"),
    "is_folder": ("is een map, geen scenariobestand", "is a folder, not a scenario file"),
    "not_regular": ("is geen gewoon bestand (een apparaat of socket?); geef een scenariobestand",
                    "is not a regular file (a device or socket?); give a scenario file"),
    "permission_denied": ("geen toegang: het bestand kan niet gelezen worden",
                          "permission denied: cannot read the file"),
    "cannot_read": ("het bestand kan niet gelezen worden ({why})", "cannot read the file ({why})"),
    "too_large_file": ("het bestand is te groot ({size} bytes; de grens is {limit})",
                       "file is too large ({size} bytes; the limit is {limit})"),
    "too_large_stream": ("het bestand is te groot (meer dan de grens van {limit} bytes)",
                         "file is too large (more than the limit of {limit} bytes)"),
    "kernel_file": ("is geen scenariobestand (een /proc- of /sys-bestand?); geef een scenariobestand",
                    "is not a scenario file (a /proc or /sys file?); give a scenario file"),
    "utf16": ("het bestand is UTF-16-tekst; sla het op als UTF-8", "the file is UTF-16 text; save it as UTF-8"),
    "utf16_like": ("het bestand lijkt UTF-16-tekst; sla het op als UTF-8",
                   "the file looks like UTF-16 text; save it as UTF-8"),
    "not_utf8": ("geen UTF-8-tekst (byte 0x{byte}); sla het bestand op als UTF-8",
                 "not UTF-8 text (byte 0x{byte}); save the file as UTF-8"),
    "nul_char": ("bevat een NUL-teken; dit is geen tekstbestand", "contains a NUL character; this is not a text file"),
    "empty_file": ("het bestand is leeg; verwacht een scenario (name, period, tariffs, …)",
                   "the file is empty; expected a scenario (name, period, tariffs, …)"),
    "not_a_scenario": ("geen scenario: geen van de sleutels is een scenariosleutel",
                       "not a scenario: none of its keys is a scenario key"),
    "top_not_mapping": ("verwacht sleutels met waarden (name: …, period: …), maar dit is {kind}",
                        "expected a mapping of keys (name: …, period: …), got {kind}"),
    # YAML syntax
    "yaml_tab": ("geen geldige YAML: een tab; spring in met spaties, nooit met tabs",
                 "not valid YAML: a tab character; indent with spaces, never tabs"),
    "yaml_second_doc": ("een scenariobestand bevat één YAML-document; verwijder de tweede '---' en wat volgt",
                        "a scenario file holds one YAML document; remove the second '---' and what follows"),
    "yaml_too_deep": ("het document is te diep genest", "the document is nested too deeply"),
    "yaml_missing_colon": ("geen dubbele punt na '{key}'; schrijf {fixed}",
                           "no colon after '{key}'; write {fixed}"),
    "yaml_colon_in_text": ("een dubbele punt met een spatie erna midden in een waarde; zet de tekst tussen "
                           "aanhalingstekens: {fixed}",
                           "a colon followed by a space inside a value; put the text in quotes: {fixed}"),
    "yaml_indent_deeper": ("deze regel springt verder in dan de sleutel erboven (regel {above}); "
                           "zet hem recht onder de sleutels waar hij bij hoort",
                           "this line is indented further than the key above it (line {above}); "
                           "align it with the keys it belongs to"),
    "yaml_indent_odd": ("de inspringing van deze regel past bij geen sleutel erboven; zet hem recht onder "
                        "de sleutels waar hij bij hoort",
                        "the indentation of this line matches no key above it; align it with the keys "
                        "it belongs to"),
    "yaml_unclosed_quote": ("het aanhalingsteken {quote} hier wordt nooit gesloten; zet er een {quote} achter "
                            "de tekst",
                            "the quote {quote} opened here is never closed; put a {quote} after the text"),
    "yaml_unclosed_flow": ("de {open} hier wordt niet gesloten met {close} (of er ontbreekt een komma tussen "
                           "twee items)",
                           "the {open} opened here is not closed with {close} (or a comma between two items "
                           "is missing)"),
    "yaml_undefined_alias": ("*{name} zonder bijbehorende &{name}", "*{name} without a matching &{name}"),
    "yaml_other": ("geen geldige YAML: {problem}", "not valid YAML: {problem}"),
    "yaml_bad_char": ("geen geldige YAML: het teken U+{code} mag niet in een YAML-bestand staan",
                      "not valid YAML: the character U+{code} is not allowed in a YAML file"),
    "nbsp": ("onzichtbare harde spatie (U+00A0) op regel {line}, kolom {col}; vervang door een gewone spatie",
             "invisible no-break space (U+00A0) on line {line}, column {col}; replace it with a plain space"),
    "flow_comma": ("binnen {{ }} scheidt een komma de items, dus {written} wordt in stukken gelezen; schrijf "
                   "{fixed}",
                   "inside {{ }} a comma separates entries, so {written} is read in pieces; write {fixed}"),
    "too_many_nodes": ("het document breidt uit tot meer dan {limit} waarden (aliassen te vaak herhaald?)",
                       "the document expands to more than {limit} values (aliases repeated too often?)"),
    "bad_tag": ("YAML-tag {tag} wordt niet ondersteund; een scenario bevat alleen getallen, tekst, true/false, "
                "lijsten en sleutels met waarden",
                "unsupported YAML tag {tag}; a scenario holds only numbers, text, true/false, lists and mappings"),
    "merge_key": ("samenvoegsleutels (<<) worden niet ondersteund; gebruik extends, of schrijf de sleutels uit",
                  "merge keys (<<) are not supported; use extends, or write the keys out"),
    "key_list": ("sleutels moeten woorden zijn, maar dit is een lijst", "keys must be words, got a list"),
    "key_mapping": ("sleutels moeten woorden zijn, maar dit zijn sleutels met waarden",
                    "keys must be words, got a mapping"),
    "key_bool": ("sleutels moeten woorden zijn, maar dit is {raw} (YAML leest het als ja/nee; zet het tussen "
                 "aanhalingstekens)",
                 "keys must be words, got {raw} (YAML reads it as yes/no; quote it)"),
    "key_empty": ("sleutels moeten woorden zijn, maar deze sleutel is leeg", "keys must be words, got an empty key"),
    "key_number": ("sleutels moeten woorden zijn, maar dit is {raw}", "keys must be words, got {raw}"),
    "duplicate_key": ("dubbele sleutel (eerst geschreven op regel {line})",
                      "duplicate key (first written on line {line})"),
    "huge_digits": ("getal is te groot (de grens is 1.000.000.000.000), maar dit is een getal van {digits} cijfers",
                    "number is too large (the limit is 1,000,000,000,000), got a number of {digits} digits"),
    "base60": ("'{raw}' is in YAML een zestigtallig getal (1:30 betekent 90); schrijf het getal decimaal, of zet "
               "het als tekst tussen aanhalingstekens",
               "'{raw}' is a base-60 number in YAML (1:30 means 90); write the number in decimal, or quote it "
               "as text"),
    "hex": ("'{raw}' is een hexadecimaal, octaal of binair getal; schrijf het getal decimaal",
            "'{raw}' is a hexadecimal, octal or binary number; write the number in decimal"),
    "octal": ("'{raw}' is in YAML een octaal getal (010 betekent 8); schrijf het zonder de voorloopnul",
              "'{raw}' is an octal number in YAML (010 means 8); write it without the leading zero"),
    # numbers
    "num_yesno_value": ("verwacht een getal, maar dit is de ja/nee-waarde {raw}",
                        "expected a number, got the yes/no value {raw}"),
    "num_text": ("verwacht een getal, maar dit is de tekst {raw}{hint}", "expected a number, got the text {raw}{hint}"),
    "num_kind": ("verwacht een getal, maar dit is {kind}", "expected a number, got {kind}"),
    "num_too_large": ("getal is te groot (de grens is 1.000.000.000.000), maar dit is {raw}",
                      "number is too large (the limit is 1,000,000,000,000), got {raw}"),
    "num_too_small": ("getal is te klein om iets te betekenen (het kleinste naast 0 is 0.000000001), maar dit is {raw}",
                      "number is too small to mean anything (the smallest besides 0 is 0.000000001), got {raw}"),
    "num_finite": ("moet een eindig getal zijn, maar dit is {raw}", "must be a finite number, got {raw}"),
    "num_digits": ("een getal van ongeveer {digits} cijfers", "a number of about {digits} digits"),
    "hint_thousands": ("; schrijf het zonder scheidingstekens voor duizendtallen en met een decimale punt: {plain}",
                       "; write it without thousands separators and with a decimal point: {plain}"),
    "hint_decimal_comma": ("; schrijf decimalen met een punt: {plain}", "; write decimals with a point: {plain}"),
    "hint_quotes": ("; haal de aanhalingstekens weg: {plain}", "; remove the quotes: {plain}"),
    "hint_percent": ("; schrijf {pct} % als {fraction}", "; write {pct} % as {fraction}"),
    "hint_euro": ("; schrijf het bedrag zonder €-teken: {plain}", "; write the amount without the € sign: {plain}"),
    "hint_fraction": (" (een fractie: schrijf {pct} % als {fraction})", " (a fraction: write {pct} % as {fraction})"),
    "range_both": ("een bereik heeft zowel 'low' als 'high' nodig", "a range needs both 'low' and 'high'"),
    "mode_needs_range": ("'mode' heeft 'low' en 'high' nodig", "'mode' needs 'low' and 'high'"),
    "num_needs_value": ("geef 'value', of een bereik met 'low' en 'high'",
                        "give 'value', or a range with 'low' and 'high'"),
    "low_high": ("low moet ≤ high zijn, maar dit is low {low} en high {high}",
                 "low must be ≤ high, got low {low} and high {high}"),
    "mode_between": ("mode moet tussen low en high liggen, maar dit is {low} ≤ {mode} ≤ {high}",
                     "mode must lie between low and high, got {low} ≤ {mode} ≤ {high}"),
    "whole": ("{p}moet een heel getal zijn, maar dit is {v}", "{p}must be a whole number, got {v}"),
    "bound": ("{p}moet {sign} {b} zijn, maar dit is {v}{hint}", "{p}must be {sign} {b}, got {v}{hint}"),
    # keys and structure
    "did_you_mean": ("; bedoelde u '{hint}'?", "; did you mean '{hint}'?"),
    "unknown_key": ("onbekende sleutel '{key}'{hint}", "unknown key '{key}'{hint}"),
    "unknown_key_choices": ("onbekende sleutel '{key}'; verwacht een van: {choices}",
                            "unknown key '{key}'; expected one of: {choices}"),
    "unknown_key_bare": ("onbekende sleutel '{key}'", "unknown key '{key}'"),
    "missing_key": ("verplichte sleutel '{key}' ontbreekt", "missing required key '{key}'"),
    "missing_key_bare": ("verplichte sleutel ontbreekt", "missing required key"),
    "num_yesno": ("verwacht een getal, maar dit is {raw} (YAML leest het als ja/nee)",
                  "expected a number, got {raw} (YAML reads it as yes/no)"),
    "bool_expected": ("verwacht true of false, maar dit is {raw}", "expected true or false, got {raw}"),
    "text_empty": ("mag niet leeg zijn; verwacht tekst", "must not be empty; expected text"),
    "text_got_kind": ("verwacht tekst, maar dit is {kind}", "expected text, got {kind}"),
    "text_got_raw": ("verwacht tekst, maar dit is {raw} (zet het tussen aanhalingstekens om het als tekst te "
                     "gebruiken)",
                     "expected text, got {raw} (put it in quotes to use it as text)"),
    "mapping_expected": ("verwacht sleutels met waarden ({keys}), maar dit is {got}",
                         "expected a mapping of keys ({keys}), got {got}"),
    "list_ramp_up": ("verwacht een lijst, bijv. [0.5, 0.8, 1.0]", "expected a list, e.g. [0.5, 0.8, 1.0]"),
    "list_staff": ("verwacht een lijst van medewerkers, elk beginnend met '- role: …' op een eigen regel",
                   "expected a list of staff members, each starting with '- role: …' on its own line"),
    "list_expected": ("verwacht een lijst", "expected a list"),
    "not_empty": ("mag niet leeg zijn", "must not be empty"),
    "kind_expected": ("verwacht 'professional' of 'volunteer', maar dit is {got}{hint}",
                      "expected 'professional' or 'volunteer', got {got}{hint}"),
    "text_too_long": ("mag hoogstens {limit} tekens lang zijn, maar dit zijn er {n}",
                      "must be at most {limit} characters, got {n}"),
    "choice_expected": ("verwacht een van {choices}, maar dit is {got}{hint}",
                        "expected one of {choices}, got {got}{hint}"),
    "subsidy_expected": ("verwacht een getal of het woord cover_deficit, maar dit is {raw}{hint}",
                         "expected a number or the word cover_deficit, got {raw}{hint}"),
    # extends
    "ext_expected_name": ("verwacht de bestandsnaam van een ander scenario, bijv. base.yaml",
                          "expected the file name of another scenario, e.g. base.yaml"),
    "ext_absolute": ("moet een pad zijn ten opzichte van dit bestand, maar dit is het absolute pad {ref}",
                     "must be a path relative to this file, got the absolute path {ref}"),
    "ext_not_found": ("bestand niet gevonden: {name}{hint}", "file not found: {name}{hint}"),
    "ext_did_you_mean": ("; bedoelde u {name}?", "; did you mean {name}?"),
    "ext_loop": ("kan {ref} niet volgen (een lus van symbolische koppelingen?)",
                 "cannot follow {ref} (a symbolic link loop?)"),
    "ext_cannot_follow": ("kan {ref} niet volgen ({why})", "cannot follow {ref} ({why})"),
    "ext_cycle": ("extends vormt een kring: {names}", "extends forms a cycle: {names}"),
    "ext_too_deep": ("de extends-keten is langer dan {limit} bestanden", "extends chain is longer than {limit} files"),
    "ext_folder": ("{ref} is een map, geen scenariobestand", "{ref} is a folder, not a scenario file"),
    "ext_not_yaml": ("{ref} is geen scenariobestand: alleen .yaml/.yml-bestanden kunnen uitgebreid worden",
                     "{ref} is not a scenario file: only .yaml/.yml files can be extended"),
    "ext_not_regular": ("{ref} is geen gewoon bestand (een apparaat of pipe?), geen scenariobestand",
                        "{ref} is not a regular file (a device or pipe?), not a scenario file"),
    # --set
    "set_syntax": ("verwacht PAD=WAARDE, bijv. participants.zin.count=14",
                   "expected PATH=VALUE, e.g. participants.zin.count=14"),
    "set_empty_part": ("leeg deel in het sleutelpad", "empty part in the key path"),
    "set_extends": ("extends kan niet met --set gezet worden; schrijf het in het bestand",
                    "extends cannot be set with --set; write it in the file"),
    "set_is_list": ("{path} is een lijst: geef een itemnummer of naam, bijv. {path}.0",
                    "{path} is a list: give an item number or name, e.g. {path}.0"),
    "set_list_items": ("geen sleutelpad: {path} heeft {items}", "no such key path: {path} has {items}"),
    "set_items_range": ("items 0–{last}", "items 0–{last}"),
    "set_no_items": ("geen items", "no items"),
    "set_did_you_mean": ("geen sleutelpad; bedoelde u '{hint}'?", "no such key path; did you mean '{hint}'?"),
    "set_no_path": ("dit sleutelpad bestaat niet in dit scenario", "no such key path in this scenario"),
    "set_name_ambiguous": ("{name} noemt {n} items van {path}; gebruik het itemnummer ({numbers})",
                           "{name} names {n} items of {path}; use the item number ({numbers})"),
    "set_no_name": ("geen item met de naam {name} in {path}{hint} (namen: {names}; of gebruik het itemnummer)",
                    "no item named {name} in {path}{hint} (names: {names}; or use the item number)"),
    "set_none": ("geen", "none"),
    "plan_refused_single": ("dit bestand is een plan met meerdere locaties; deze opdracht vraagt één scenario "
                            "(run, compare, explain, chart en validate nemen plannen)",
                            "this file is a plan of several locations; this command needs a single scenario "
                            "(run, compare, explain, chart and validate take plans)"),
    # rules between keys (scenario.cross_checks)
    "last_before_first": ("moet ≥ period.first ({first}) zijn, maar dit is {last}",
                          "must be ≥ period.first ({first}), got {last}"),
    "period_too_long": ("de periode mag hoogstens 100 jaar beslaan, maar dit is {n}",
                        "the period may span at most 100 years, got {n}"),
    "start_in_period": ("moet tussen period.first en period.last liggen ({first}–{last}), maar dit is {start}",
                        "must lie between period.first and period.last ({first}–{last}), got {start}"),
    "year_in_period": ("moet binnen de periode {first}–{last} liggen, maar dit is {year}",
                       "must lie within the period {first}–{last}, got {year}"),
    "dagdelen_over_opening": ("moet ≤ opening.dagdelen_per_week ({opening}) zijn, maar dit is {got}",
                              "must be ≤ opening.dagdelen_per_week ({opening}), got {got}"),
    "not_for_professional": ("'{key}' hoort niet bij een professional (het is een sleutel voor vrijwilligers)",
                             "'{key}' does not apply to a professional (it is a volunteer key)"),
    "not_for_volunteer": ("'{key}' hoort niet bij een vrijwilliger (het is een sleutel voor professionals)",
                          "'{key}' does not apply to a volunteer (it is a professional key)"),
    "pro_both": ("een professional heeft óf fte + salary óf hours_per_week + hourly_cost, nooit beide",
                 "a professional has either fte + salary or hours_per_week + hourly_cost, never both"),
    "pro_fte_needs": ("verplichte sleutel '{key}' ontbreekt (een professional met fte heeft fte en salary nodig)",
                      "missing required key '{key}' (a professional with fte needs fte and salary)"),
    "pro_hours_needs": ("verplichte sleutel '{key}' ontbreekt (een professional per uur heeft hours_per_week en "
                        "hourly_cost nodig)",
                        "missing required key '{key}' (a professional paid by the hour needs hours_per_week and "
                        "hourly_cost)"),
    "pro_needs": ("een professional heeft fte + salary nodig, of hours_per_week + hourly_cost",
                  "a professional needs fte + salary, or hours_per_week + hourly_cost"),
    "vol_needs": ("verplichte sleutel '{key}' ontbreekt (een vrijwilliger heeft count en hours_per_week nodig)",
                  "missing required key '{key}' (a volunteer needs count and hours_per_week)"),
    "dup_project": ("dubbele projectnaam {name} (ook item {item})", "duplicate project name {name} (also item {item})"),
    "end_before_start": ("moet ≥ start ({start}) zijn, maar dit is {end}", "must be ≥ start ({start}), got {end}"),
    "funding_one": ("een financieringsitem heeft precies één van 'yearly', 'one_off' of 'rest: true' nodig, "
                    "maar dit is {given}",
                    "a funding item needs exactly one of 'yearly', 'one_off' or 'rest: true', got {given}"),
    "funding_none": ("geen ervan", "none of them"),
    "funding_and": (" en ", " and "),
    "funding_rest_once": ("hoogstens één financieringsitem per project mag 'rest: true' hebben (ook item {item})",
                          "at most one funding item per project may have 'rest: true' (also item {item})"),
    # plans
    "plan_no_location": ("geen locatie {name} in dit plan{hint} (locaties: {names})",
                         "no location {name} in this plan{hint} (locations: {names})"),
    "plan_rooms_whole": ("moet een heel getal van 1 tot {limit} zijn, maar dit is {got}",
                         "must be a whole number from 1 to {limit}, got {got}"),
    "plan_empty": ("een plan heeft minstens één locatie nodig, of schrijf een aantal ruimtes",
                   "a plan needs at least one location, or write a number of rooms"),
    "plan_item_mapping": ("verwacht sleutels met waarden met minstens een naam, bijv. {{name: Oost, count: 2}}",
                          "expected a mapping with at least a name, e.g. {{name: Oost, count: 2}}"),
    "plan_item_name": ("elke locatie heeft een naam nodig, bijv. {{name: Oost}}",
                       "each location needs a name, e.g. {{name: Oost}}"),
    "plan_dup_name": ("dubbele locatienaam {name} (ook item {item})",
                      "duplicate location name {name} (also item {item})"),
    "plan_whole_key": ("'{key}' geldt voor het hele plan en kan niet per locatie verschillen",
                       "'{key}' applies to the whole plan and cannot differ per location"),
    "plan_no_valid": ("het plan heeft geen geldige locatie", "the plan has no valid location"),
    "plan_period": ("elke locatie deelt de periode van het plan {first}–{last}; alleen period.start mag verschillen, "
                    "maar dit is {got}",
                    "every location must share the plan's period {first}–{last}; only period.start may differ, "
                    "got {got}"),
    "plan_too_many": ("een plan mag in totaal hoogstens {limit} ruimtes hebben, maar dit zijn er {n}",
                      "a plan may have at most {limit} rooms in all, got {n}"),
    # notes: valid values that are probably mistakes
    "note_thousands": ("{raw} wordt gelezen als {read}; schrijf voor {words} {plain}",
                       "{raw} is read as {read}; for {words} write {plain}"),
    "note_no_dagdelen": ("{count} deelnemers maar 0 dagdelen per week: ze komen nergens (dagdelen_per_week is "
                         "standaard 0)",
                         "{count} participants but 0 dagdelen per week: they attend nothing "
                         "(dagdelen_per_week defaults to 0)"),
    # the command line
    "cli_error": ("fout:", "error:"),
    "cli_note": ("let op:", "note:"),
    "cli_wrote": ("geschreven: {path}", "wrote {path}"),
    "cli_interrupted": ("onderbroken", "interrupted"),
    "cli_cannot_show": ("fout: het teken {char} kan niet getoond worden in de codering {encoding}; zet "
                        "PYTHONIOENCODING=utf-8 of schrijf naar een bestand met -o",
                        "error: cannot show the character {char} in the encoding {encoding}; set "
                        "PYTHONIOENCODING=utf-8 or write to a file with -o"),
    "cli_cannot_write": ("fout: de uitvoer kan niet geschreven worden: {why}", "error: cannot write the output: {why}"),
    "cli_internal": ("interne fout — meld dit alstublieft, draai met --debug voor details ({name})",
                     "internal error — please report, run with --debug for details ({name})"),
    "new_from_not_yaml": ("--from {name}: alleen .yaml/.yml-scenariobestanden kunnen uitgebreid worden",
                          "--from {name}: only .yaml/.yml scenario files can be extended"),
    "new_exists": ("{path} bestaat al; kies een andere naam (aldlan new overschrijft nooit)",
                   "{path} already exists; choose another name (aldlan new never overwrites)"),
    # output files
    "out_name_too_long": ("{path}: de bestandsnaam is te lang voor het bestandssysteem; kies een kortere naam.",
                          "{path}: the file name is too long for the file system; choose a shorter name."),
    "out_no_folder": ("Map {path} bestaat niet; maak hem aan of kies een ander pad.",
                      "Folder {path} does not exist; create it or choose another path."),
    "out_parent_not_folder": ("{path} is geen map; kies een ander uitvoerpad.",
                              "{path} is not a folder; choose another output path."),
    "out_is_folder": ("{path} is een map; geef een bestandsnaam voor de uitvoer.",
                      "{path} is a folder; give a file name for the output."),
    "out_not_writable": ("In map {path} kan niet geschreven worden; kies een andere uitvoermap.",
                         "Folder {path} is not writable; choose another output folder."),
    "out_exists": ("{path} bestaat al; gebruik --force om het te overschrijven.",
                   "{path} already exists; use --force to overwrite."),
    "out_not_regular": ("{path} is geen gewoon bestand (een apparaat, pipe of socket); --force overschrijft alleen "
                        "gewone bestanden, kies een ander uitvoerpad.",
                        "{path} is not a regular file (a device, pipe or socket); --force overwrites regular files "
                        "only, choose another output path."),
    "out_could_not_write": ("Kon {path} niet schrijven: {why}.", "Could not write {path}: {why}."),
    "new_builds_on": ("# Bouwt voort op {rel}: sleutels worden per sleutel samengevoegd (dit bestand wint), "
                      "lijsten vervangen.",
                      "# Builds on {rel}: mappings merge key by key (this file wins), lists are replaced."),
    "new_uncomment": ("# Haal het commentaarteken weg en pas aan wat anders is; controleer met:  aldlan validate "
                      "BESTAND",
                      "# Uncomment and change what differs; check it with:  aldlan validate FILE"),
    "new_variant": ("variant", "variant"),
    "validate_ok": ("bestand is in orde", "file is valid"),
    "yaml_key_too_long": ("een sleutel is hoogstens 1024 tekens lang", "a key is at most 1024 characters long"),
    "yaml_bad_start": ("het teken {char} kan in YAML geen waarde of sleutel beginnen; zet de tekst tussen "
                       "aanhalingstekens",
                       "the character {char} cannot start a value or key in YAML; put the text in quotes"),
    "yaml_after_end": ("tekst na het einde van het document (een regel '...' erboven); verwijder de '...'",
                       "text after the end of the document (a line '...' above it); remove the '...'"),
    "yaml_version": ("alleen YAML 1.1 en 1.2 worden gelezen; verwijder de regel '%YAML'",
                     "only YAML 1.1 and 1.2 are read; remove the '%YAML' line"),
    "memo_no_pdf": ("kan {path} niet schrijven: de notitie wordt geschreven als .docx of .html; maak daarvan een "
                    "PDF met uw tekstverwerker of browser (bijv. soffice --headless --convert-to pdf notitie.docx)",
                    "cannot write {path}: the memo is written as .docx or .html; make a PDF from either with your "
                    "word processor or browser (e.g. soffice --headless --convert-to pdf notitie.docx)"),
    "memo_ext": ("kan de notitie niet naar {path} schrijven: gebruik een bestand dat eindigt op .docx of .html",
                 "cannot write the memo to {path}: use a file ending in .docx or .html"),
    "unknown_format": ("onbekend formaat {fmt}; verwacht een van: {choices}",
                       "unknown format {fmt}; expected one of: {choices}"),
    "format_from_ext": ("kan het formaat van {path} niet afleiden uit de extensie ({ext}); gebruik een van "
                        "{exts} of geef --format ({formats})",
                        "cannot tell the format of {path} from its extension ({ext}); use one of {exts} or give "
                        "--format ({formats})"),
    "no_extension": ("geen extensie", "no extension"),
    "format_needs_file": ("--format {name} schrijft een bestand; geef er een met -o, bijv. -o rapport.{name}",
                          "--format {name} writes a file; give one with -o, e.g. -o rapport.{name}"),
    "flow_comma_list": ("binnen [ ] scheidt een komma de items, dus {written} wordt als twee getallen gelezen; "
                        "schrijf {fixed}",
                        "inside [ ] a comma separates items, so {written} is read as two numbers; write {fixed}"),
    # compare, solve, sweep (analysis)
    "an_unknown_metric": ("onbekend bedrag {metric}{hint}; kies een van: {choices}",
                          "unknown metric {metric}{hint}; choose one of: {choices}"),
    "an_year_outside": ("--year {year} ligt buiten de periode {first}–{last}",
                        "--year {year} lies outside the period {first}–{last}"),
    "an_compare_year": ("{year} ligt buiten de periode van {label} ({first}–{last}); kies met --year een jaar dat "
                        "alle scenario's delen",
                        "{year} lies outside the period of {label} ({first}–{last}); choose a year all scenarios "
                        "share with --year"),
    "an_plan_refused": ("dit bestand is een plan met meerdere locaties; solve en sweep variëren een getal van één "
                        "scenario. Om een plan met andere waarden te zien, vergelijk het met zichzelf: aldlan compare "
                        "PLAN PLAN PAD=WAARDE (run, compare, explain, validate en chart nemen plannen)",
                        "this file is a plan of several locations; solve and sweep vary a number of a single "
                        "scenario. To see a plan with changed values, compare it with itself: aldlan compare PLAN "
                        "PLAN PATH=VALUE (run, compare, explain, validate and chart take plans)"),
    "an_must_follow": ("{token} moet na een scenariobestand komen, bijv. aldlan compare scenarios/aldlan-mix.yaml "
                       "scenarios/aldlan-mix.yaml {token}",
                       "{token} must follow a scenario file, e.g. aldlan compare scenarios/aldlan-mix.yaml "
                       "scenarios/aldlan-mix.yaml {token}"),
    "an_no_file": ("geef minstens één scenariobestand", "give at least one scenario file"),
    "an_subsidy_cover": ("income.subsidy is in dit scenario cover_deficit: de subsidie volgt het tekort en bepaalt "
                         "de berekening, dus kan niet gevarieerd worden; zet eerst een getal, bijv. --set "
                         "income.subsidy=60000",
                         "income.subsidy is cover_deficit in this scenario: the subsidy follows the deficit and "
                         "shapes the calculation, so it cannot be varied; set a number first, e.g. --set "
                         "income.subsidy=60000"),
    "an_yes_no": ("{path} is een ja/nee-instelling en kan niet gevarieerd worden; gebruik --set {path}=true of false",
                  "{path} is a yes/no setting and cannot be varied; use --set {path}=true or false"),
    "an_structural": ("{path} bepaalt de opbouw van de berekening ({why}) en kan niet gevarieerd worden; wijzig het "
                      "in het bestand of met --set. Te variëren zijn onder meer period.start, target.year, locations "
                      "en elk getal onder participants, staff, costs, income, tariffs, transport, municipality, "
                      "indexation en norms",
                      "{path} shapes the structure of the calculation ({why}) and cannot be varied; change it in "
                      "the file or with --set. Parameters that can be varied include period.start, target.year, "
                      "locations and every number under participants, staff, costs, income, tariffs, transport, "
                      "municipality, indexation and norms"),
    "an_why_first": ("het eerste jaar van de jarenas van het model", "the first year of the model's year axis"),
    "an_why_last": ("het laatste jaar van de jarenas van het model", "the last year of the model's year axis"),
    "an_why_period": ("de jaren van het model", "the years of the model"),
    "an_why_ramp_up": ("de lengte van de ramp_up-lijst", "the length of the ramp-up list"),
    "an_why_staff": ("de lijst van medewerkers", "the list of staff members"),
    "an_why_kind": ("het soort medewerker", "the kind of a staff member"),
    "an_staff_number": ("staff.{i} ({label}) heeft geen getal {name}; zijn getallen zijn: {own}",
                        "staff.{i} ({label}) has no number {name}; its numbers are: {own}"),
    "an_ramp_up": ("ramp_up heeft in dit scenario {n} waarde(n) (ramp_up.0–ramp_up.{last}); de lengte bepaalt de "
                   "berekening en kan niet gevarieerd worden",
                   "ramp_up has {n} value(s) in this scenario (ramp_up.0–ramp_up.{last}); its length shapes the "
                   "calculation and cannot be varied"),
    "an_not_numeric": ("{path} is geen getal van dit scenario dat gevarieerd kan worden{hint}",
                       "{path} is not a numeric parameter of this scenario{hint}"),
    "an_goal_syntax": ("--goal verwacht BEDRAG=WAARDE, bijv. result=0 of savings=3600000, maar dit is {text}",
                       "--goal expects METRIC=VALUE, e.g. result=0 or savings=3600000, got {text}"),
    "an_goal_not_number": ("--goal {text}: {raw} is geen getal", "--goal {text}: {raw} is not a number"),
    "an_goal_finite": ("--goal {text}: de waarde moet een eindig getal zijn", "--goal {text}: the value must be a "
                       "finite number"),
    "an_chance_syntax": ("--goal verwacht p_target=KANS, p_target_hard=KANS of p_deficit=KANS, maar dit is {text}",
                         "--goal expects p_target=CHANCE, p_target_hard=CHANCE or p_deficit=CHANCE, got {text}"),
    "an_chance_range": ("--goal {text}: een kans ligt van 0 tot 1 (0.9 of 90%), maar dit is {raw}",
                        "--goal {text}: a chance lies from 0 to 1 (0.9 or 90%), got {raw}"),
    "an_unknown_chance": ("onbekende kans {metric}; kies een van: {choices}",
                          "unknown chance {metric}; choose one of: {choices}"),
    "an_chance_between": ("een kans ligt van 0 tot 1, maar dit is {goal}", "a chance lies from 0 to 1, got {goal}"),
    "an_chance_draws": ("--draws mag bij een kansdoel hoogstens {limit} zijn, maar dit is {draws}",
                        "--draws may be at most {limit} for a chance goal, got {draws}"),
    "an_seed": ("--seed moet 0 of meer zijn, maar dit is {seed}", "--seed must be 0 or more, got {seed}"),
    "an_grid_numbers": ("{where}: START, STOP en STEP moeten getallen zijn, bijv. 8:16:2",
                        "{where}: START, STOP and STEP must be numbers, e.g. 8:16:2"),
    "an_grid_finite": ("{where}: START, STOP en STEP moeten eindige getallen zijn",
                       "{where}: START, STOP and STEP must be finite numbers"),
    "an_grid_magnitude": ("{where}: getallen in een scenario liggen binnen ±{limit}",
                          "{where}: numbers in a scenario lie within ±{limit}"),
    "an_grid_step": ("{where}: STEP moet groter dan 0 zijn, maar dit is {step}",
                     "{where}: STEP must be greater than 0, got {step}"),
    "an_grid_order": ("{where}: STOP moet ≥ START zijn (het rooster loopt omhoog), maar dit is {start} > {stop}",
                      "{where}: STOP must be ≥ START (the grid runs upwards), got {start} > {stop}"),
    "an_grid_huge": ("{where}: meer dan het maximum van {limit} punten; gebruik een grotere STEP",
                     "{where}: more than the maximum of {limit} points; use a larger STEP"),
    "an_grid_points": ("{where}: {n} punten, meer dan het maximum van {limit}; gebruik een grotere STEP",
                       "{where}: {n} points, more than the maximum of {limit}; use a larger STEP"),
    "an_sweep_none": ("geef minstens één --set PAD=START:STOP:STEP, bijv. --set participants.zin.count=8:16:2",
                      "give at least one --set PATH=START:STOP:STEP, e.g. --set participants.zin.count=8:16:2"),
    "an_sweep_axes": ("hoogstens {limit} parameters kunnen tegelijk afgelopen worden, maar dit zijn er {n}: {paths}",
                      "at most {limit} parameters can be swept at once, got {n}: {paths}"),
    "an_sweep_twice": ("{path} wordt twee keer afgelopen; geef elke parameter één START:STOP:STEP",
                       "{path} is swept twice; give each parameter one START:STOP:STEP"),
    "an_sweep_structure": ("{paths} aflopen verandert de opbouw van de berekening",
                           "sweeping {paths} changes the structure of the calculation"),
    "an_grid_total": ("het rooster heeft {n} punten, meer dan het maximum van {limit}; gebruik grotere stappen",
                      "the grid has {n} points, more than the maximum of {limit}; use larger steps"),
    "an_grid_table": ("een rooster van {shape} waarden is te groot voor een tabel in de terminal (hoogstens {rows} "
                      "rijen × {cols} kolommen); gebruik --format csv of json, of grotere stappen",
                      "a grid of {shape} values is too large for a terminal table (at most {rows} rows × {cols} "
                      "columns); use --format csv or json, or larger steps"),
    "an_no_solution": ("geen waarde van {path} {low} {high} brengt {metric} op {how} {goal}: over dat bereik loopt "
                       "{metric} van {least} tot {most}",
                       "no value of {path} {low} {high} brings {metric} to {how} {goal}: over that range {metric} "
                       "runs from {least} to {most}"),
    "an_above": ("boven {x}", "above {x}"),
    "an_from": ("van {x}", "from {x}"),
    "an_to_cap": ("tot {x} (de zoekgrens)", "to {x} (the search cap)"),
    "an_below": ("onder {x}", "below {x}"),
    "an_to": ("tot {x}", "to {x}"),
    "an_at_least": ("minstens", "at least"),
    "an_at_most": ("hoogstens", "at most"),
    "an_no_chance_solution": ("geen waarde van {path} van {low} tot {high} brengt {metric} op {how} {goal} met "
                              "{draws} trekkingen (seed {seed}): aan de uiteinden van dat bereik is het {f_lo} en "
                              "{f_hi}; het beste is {best}",
                              "no value of {path} from {low} to {high} brings {metric} to {how} {goal} with {draws} "
                              "draws (seed {seed}): at the ends of that range it is {f_lo} and {f_hi}; the best is "
                              "{best}"),
    "an_no_value": ("geen waarde haalt het doel", "no value reaches the goal"),
    # explain
    "ex_location_plans": ("--location hoort bij plannen (een scenario waarvan locations een lijst van ruimtes is)",
                          "--location applies to plans (a scenario whose locations are a list of rooms)"),
    "ex_project_figure": ("--project hoort bij een projectbedrag: projects_cost, projects_wmo, projects_municipal, "
                          "projects_external, projects_funding of projects_result",
                          "--project goes with a project figure: projects_cost, projects_wmo, projects_municipal, "
                          "projects_external, projects_funding or projects_result"),
    "ex_unknown_metric": ("onbekend bedrag {metric}{hint} (kies een van: {choices})",
                          "unknown metric {metric}{hint} (choose one of: {choices})"),
    "ex_no_project": ("geen project {name} in dit scenario{hint} (projecten: {names})",
                      "no project {name} in this scenario{hint} (projects: {names})"),
    "did_you_mean_paren": (" (bedoelde u '{hint}'?)", " (did you mean '{hint}'?)"),
    "ex_year_outside": ("jaar {year} ligt buiten de periode {first}–{last}",
                        "year {year} lies outside the period {first}–{last}"),
    # uncertainty and charts
    "draws_too_few": ("--draws moet minstens 1 zijn, gekregen {draws}", "--draws must be at least 1, got {draws}"),
    "draws_too_many": ("--draws mag hoogstens {limit} zijn, gekregen {draws}",
                       "--draws may be at most {limit}, got {draws}"),
    "draws_memory": ("{draws} trekkingen vragen ongeveer {need} MB geheugen en er is maar {available} MB vrij; "
                     "gebruik minder --draws",
                     "{draws} draws need about {need} MB of memory and only {available} MB is available; "
                     "use fewer --draws"),
    "year_outside": ("--year {year} ligt buiten de periode {first}–{last}",
                     "--year {year} lies outside the period {first}–{last}"),
    "seed_negative": ("--seed moet 0 of meer zijn, gekregen {seed}", "--seed must be 0 or more, got {seed}"),
    "sens_unknown_metric": ("onbekende maat {metric}; kies een van: {choices}",
                            "unknown metric {metric}; choose one of: {choices}"),
    "today_bad": ("ALDLAN_TODAY moet een datum zijn als 2026-01-01, gekregen {got}",
                  "ALDLAN_TODAY must be a date like 2026-01-01, got {got}"),
    "chart_bad_file": ("kan geen grafiek maken in {path}: gebruik een bestand dat eindigt op {formats}",
                       "cannot draw a chart to {path}: use a file ending in {formats}"),
    "chart_bad_kind": ("onbekende soort grafiek {kind}; kies een van: {choices}",
                       "unknown chart kind {kind}; expected one of: {choices}"),
    "chart_no_files": ("geef minstens één scenariobestand om te tekenen", "give at least one scenario file to draw"),
    "chart_bad_format": ("onbekend grafiekformaat {fmt}; kies een van: {choices}",
                         "unknown chart format {fmt}; expected one of: {choices}"),
    "chart_one_scenario": ("de grafiek {kind} toont één scenario tegelijk; geef één bestand",
                           "the {kind} chart shows one scenario at a time; give one file"),
    # ---- BEGIN v3 messages (MODEL.md v3: origins, income lines, staff, dated values) ----
    "dated_not_here": ("een waarde per jaar (jaar: waarde) mag hier niet: alleen geldbedragen en indexeringen "
                       "kunnen per jaar verschillen (zie scenario-format.md, 'Waarden per jaar')",
                       "a value per year (year: value) is not allowed here: only money inputs and indexation "
                       "rates may change by year (see scenario-format.md, 'Values by year')"),
    "dated_empty": ("een lege mapping: geef een getal, of jaren met hun waarde (zoals 2022: 10500)",
                    "an empty mapping: give a number, or years with their values (such as 2022: 10500)"),
    "dated_key_not_year": ("{key} is geen jaar: de sleutels van een waarde per jaar zijn jaren van 1900 tot en met "
                           "2200",
                           "{key} is not a year: the keys of a value per year are years from 1900 to 2200"),
    "dated_cover_deficit": ("cover_deficit kan niet per jaar: schrijf subsidy: cover_deficit, of per jaar een bedrag",
                            "cover_deficit cannot be given per year: write subsidy: cover_deficit, or an amount "
                            "per year"),
    "origin_none": ("noem minstens één aandeel: reindicated, same_product of new (samen 1)",
                    "name at least one share: reindicated, same_product or new (together 1)"),
    "origin_sum": ("de aandelen reindicated, same_product en new moeten samen 1 zijn, maar dit is {total}",
                   "the shares reindicated, same_product and new must add up to 1, got {total}"),
    "origin_range": ("een aandeel van origin kan geen bereik zijn (de som ligt vast): vergelijk of sweep "
                     "verschillende aandelen",
                     "an origin share cannot be a range (their sum is fixed): compare or sweep different shares"),
    "other_income_dup": ("dubbele naam {name} (ook item {item})", "duplicate name {name} (also item {item})"),
    "pro_fte_and_hours": ("een professional heeft óf fte óf hours_per_week, niet beide (salary met hours_per_week "
                          "rekent fte = hours_per_week / norms.hours_per_fte)",
                          "a professional has either fte or hours_per_week, not both (salary with hours_per_week "
                          "means fte = hours_per_week / norms.hours_per_fte)"),
    "pro_salary_and_hourly": ("een professional heeft óf salary óf hourly_cost, niet beide",
                              "a professional has either salary or hourly_cost, not both"),
    "fte_ratio": ("verwacht een getal, maar dit is de tekst {raw}; schrijf {value}, of schrijf de uren: "
                  "hours_per_week: {hours} met salary",
                  "expected a number, got the text {raw}; write {value}, or give the hours: "
                  "hours_per_week: {hours} with salary"),
    "hint_ratio": ("; schrijf het getal zelf: {value}", "; write the number itself: {value}"),
    "set_not_dated": ("{path} is geen waarde per jaar; geef de hele waarde per jaar, zoals '{path}=' gevolgd door "
                      "jaren met hun waarde tussen accolades",
                      "{path} is not a value per year; give the whole value per year: '{path}=' followed by years "
                      "with their values in braces"),
    "an_dated_whole": ("{path} is een waarde per jaar; varieer één jaar ervan: {years}",
                       "{path} is a value per year; vary one of its years: {years}"),
    "range_not_here": ("hier kan geen bereik staan (het bepaalt de opbouw van de berekening): geef één getal, en "
                       "vergelijk of sweep andere waarden",
                       "a range cannot stand here (it shapes the calculation): give one number, and compare or "
                       "sweep other values"),
    # ---- END v3 messages ----
}


# ---------------------------------------------------------------------------------------------
# --help texts: evaluated when the command line is built, before options are parsed, so their
# language comes from ``--lang en`` in sys.argv or ALDLAN_LANG (:func:`startup_lang`).
HELP: dict[str, tuple[str, str]] = {
    "app": ("Kostenbesparingsmodel voor Nederlandse buurtkamers en wijkgerichte dagbesteding (Wmo).\n\n"
            "Voorbeeld: aldlan run scenarios/aldlan-mix.yaml\n\n"
            "Meldingen in het Nederlands; in het Engels met --lang en of ALDLAN_LANG=en.",
            "Cost-savings modeller for Dutch buurtkamers and wijkgerichte dagbesteding (Wmo).\n\n"
            "Example: aldlan run scenarios/aldlan-mix.yaml\n\n"
            "Messages in Dutch; in English with --lang en or ALDLAN_LANG=en."),
    "opt_version": ("Toon de versie en stop.", "Show the version and exit."),
    "opt_debug": ("Toon de traceback van interne fouten.", "Show tracebacks of internal errors."),
    "opt_set": ("Wijzig een waarde zonder het bestand aan te passen, bijv. --set participants.zin.count=14 "
                "(herhaalbaar).",
                "Override a value without editing the file, e.g. --set participants.zin.count=14 (repeatable)."),
    "opt_lang": ("Taal van meldingen, labels en getallen: nl (standaard) of en; ook ALDLAN_LANG=en.",
                 "Language of messages, labels and numbers: nl (default) or en; also ALDLAN_LANG=en."),
    "opt_year": ("Het jaar om te tonen (standaard: het doeljaar).", "Year to show (default: the target year)."),
    "opt_sources": ("Bronnen als genummerde noten: none (alleen de tabellen), short (invoer met een bron, de "
                    "standaard) of full (alle invoer, met de bandbreedte).",
                    "Sources as numbered notes: none (only the tables), short (sourced inputs, the default) or "
                    "full (every input, with its range)."),
    "opt_format": ("Uitvoerformaat: table (terminal, standaard), markdown, html, csv, xlsx, docx of json. Met -o "
                   "volgt het formaat de extensie (.txt .md .html .csv .xlsx .docx .json); xlsx en docx vragen -o.",
                   "Output format: table (terminal, default), markdown, html, csv, xlsx, docx or json. With -o the "
                   "format follows the file extension (.txt .md .html .csv .xlsx .docx .json); xlsx and docx "
                   "need -o."),
    "opt_output": ("Schrijf naar dit bestand in plaats van de terminal (overschrijft nooit zonder --force).",
                   "Write to this file instead of the terminal (never overwrites without --force)."),
    "opt_force": ("Overschrijf het uitvoerbestand als het bestaat.", "Overwrite the output file if it exists."),
    "arg_scenario": ("Scenariobestand.", "Scenario file."),
    "arg_scenario_or_plan": ("Scenario- of planbestand.", "Scenario or plan file."),
    "cmd_validate": ("Controleer scenariobestanden en meld elk probleem met bestand, regel en kolom.\n\n"
                     "Voorbeeld: aldlan validate scenarios/*.yaml",
                     "Check scenario files and report every problem with file, line and column.\n\n"
                     "Example: aldlan validate scenarios/*.yaml"),
    "arg_validate_files": ("Te controleren scenariobestanden.", "Scenario files to check."),
    "cmd_schema": ("Druk het JSON Schema van het scenarioformaat af, voor editors met een YAML-taalserver.\n\n"
                   "Voorbeeld: aldlan schema > scenario.schema.json",
                   "Print the JSON Schema of the scenario format, for editors with a YAML language server.\n\n"
                   "Example: aldlan schema > scenario.schema.json"),
    "cmd_new": ("Schrijf een startscenario met uitleg dat zo, zoals het er staat, geldig is (overschrijft nooit).\n\n"
                "Voorbeeld: aldlan new mijn-buurtkamer.yaml --from scenarios/aldlan-mix.yaml",
                "Write a commented starting scenario that validates as written (never overwrites).\n\n"
                "Example: aldlan new mijn-buurtkamer.yaml --from scenarios/aldlan-mix.yaml"),
    "arg_new_file": ("Het scenariobestand dat gemaakt wordt.", "The scenario file to create."),
    "opt_new_from": ("Begin bij dit scenario (het nieuwe bestand breidt het uit met extends).",
                     "Start from this scenario (the new file extends it)."),
    "cmd_run": ("Reken een scenario door: besparing tegenover de doelstelling, de exploitatie van de aanbieder, "
                "bezetting.\n\nVoorbeeld: aldlan run scenarios/aldlan-mix.yaml --set participants.zin.count=14",
                "Compute a scenario: savings against the target, the operator's exploitation, staffing.\n\n"
                "Example: aldlan run scenarios/aldlan-mix.yaml --set participants.zin.count=14"),
    "cmd_explain": ("Laat zien hoe één bedrag berekend is: de regel, de formule met getallen, de invoer en de "
                    "bronnen.\n\nVoorbeeld: aldlan explain scenarios/aldlan-mix.yaml savings --year 2021",
                    "Show how one figure was computed: the rule, the formula with numbers, the inputs and "
                    "sources.\n\nExample: aldlan explain scenarios/aldlan-mix.yaml savings --year 2021"),
    "arg_explain_metric": ("Het bedrag: savings, savings_hard, baseline, scenario, een mechanisme "
                           "(tariff_difference, transport_avoided, substitution, replaced, moved_clients, paid), "
                           "net_municipality, organisation_result, financing_need, payback_year, projects_cost, "
                           "projects_wmo, cost, income, result of een regel van de exploitatie.",
                           "The figure: savings, savings_hard, baseline, scenario, a mechanism (tariff_difference, "
                           "transport_avoided, substitution, replaced, moved_clients, paid), net_municipality, "
                           "organisation_result, financing_need, payback_year, projects_cost, projects_wmo, cost, "
                           "income, result or an operator line."),
    "opt_explain_location": ("Bij een plan: verklaar het bedrag van deze locatie (haar naam).",
                             "For a plan: explain the figure of this location (its name)."),
    "opt_explain_project": ("Bij een projectbedrag (projects_cost, projects_wmo, …): verklaar dit project (zijn "
                            "naam).",
                            "For a project figure (projects_cost, projects_wmo, …): explain this project (its "
                            "name)."),
    "cmd_compare": ("Vergelijk scenario's naast elkaar: uitgaven, besparing, de aanbieder en bezetting, de beste "
                    "waarde per rij ★.\n\n"
                    "De rij \"Gemiste besparing\" laat zien hoeveel minder elke kolom bespaart dan de eerste, "
                    "opgeteld: de kosten van later beginnen.\n\n"
                    "\b\n"
                    "Voorbeeld: aldlan compare scenarios/aldlan-mix.yaml scenarios/volunteers-only.yaml "
                    "scenarios/commercial.yaml\n"
                    "Voorbeeld, de kosten van beginnen in 2020 of 2021 in plaats van 2019:\n"
                    "  aldlan compare scenarios/aldlan-mix.yaml \\\n"
                    "    scenarios/aldlan-mix.yaml period.start=2020 scenarios/aldlan-mix.yaml period.start=2021",
                    "Compare scenarios side by side: spending, savings, the operator and staffing, best value per "
                    "row ★.\n\n"
                    "The row \"Gemiste besparing\" (foregone savings) shows how much less each column saves than "
                    "the first one, cumulatively: the cost of starting later.\n\n"
                    "\b\n"
                    "Example: aldlan compare scenarios/aldlan-mix.yaml scenarios/volunteers-only.yaml "
                    "scenarios/commercial.yaml\n"
                    "Example, the cost of starting in 2020 or 2021 instead of 2019:\n"
                    "  aldlan compare scenarios/aldlan-mix.yaml \\\n"
                    "    scenarios/aldlan-mix.yaml period.start=2020 scenarios/aldlan-mix.yaml period.start=2021"),
    "arg_compare_items": ("Scenariobestanden, één kolom per bestand. PAD=WAARDE na een bestand wijzigt alleen die "
                          "kolom, zodat hetzelfde bestand meermaals met andere waarden gegeven kan worden.",
                          "Scenario files, one column each. PATH=VALUE after a file changes that column only, so "
                          "the same file may be given several times with different values."),
    "opt_compare_set": ("Wijzig een waarde in elke kolom, bijv. --set locations=9 (herhaalbaar).",
                        "Override a value in every column, e.g. --set locations=9 (repeatable)."),
    "opt_compare_years": ("Voeg een tabel toe met de besparing per jaar per scenario.",
                          "Add a table of the savings per year per scenario."),
    "cmd_solve": ("Doelzoeken: de waarde van één getal waarbij een bedrag een doel haalt (in het doeljaar of "
                  "--year).\n\n"
                  "Een doel is eenzijdig: savings, share, result en income minstens het doel; cost, subsidy, baseline "
                  "en scenario hoogstens (of schrijf METRIC>=WAARDE / METRIC<=WAARDE). Hele getallen (locations, "
                  "jaren) geven de grens van de waarden die het doel halen: de kleinste als het bedrag stijgt met "
                  "het getal, de grootste (\"tot en met\") als het daalt. Andere getallen geven de precieze waarde "
                  "waar het bedrag het doel kruist, gezocht tot 1.000.000.000 als ze geen bovengrens hebben.\n"
                  "Plannen (locations als een lijst van ruimtes) worden geweigerd: vergelijk een plan met zichzelf.\n\n"
                  "\b\n"
                  "Voorbeeld, het break-evenaantal ZIN-deelnemers:\n"
                  "  aldlan solve scenarios/aldlan-mix.yaml --vary participants.zin.count --goal result=0\n"
                  "Voorbeeld, de buurtkamers die nodig zijn voor de doelstelling:\n"
                  "  aldlan solve scenarios/aldlan-mix.yaml --vary locations --goal savings=3600000\n"
                  "Voorbeeld, de buurtkamers voor 90 % kans op de doelstelling (gemeenschappelijke trekkingen, "
                  "seed 1):\n"
                  "  aldlan solve scenarios/aldlan-mix.yaml --vary locations --goal p_target=0.9 --draws 100000",
                  "Goal seek: the value of one number at which a figure reaches a goal (in the target year or "
                  "--year).\n\n"
                  "A goal is one-sided: savings, share, result and income at least the goal; cost, subsidy, baseline "
                  "and scenario at most (or write METRIC>=VALUE / METRIC<=VALUE). Whole numbers (locations, years) "
                  "give the boundary of the values that reach the goal: the smallest when the figure rises with the "
                  "number, the largest (\"up to and including\") when it falls. Other numbers give the exact value "
                  "where the figure crosses the goal, searched up to 1,000,000,000 when they have no upper bound.\n"
                  "Plans (locations as a list of rooms) are refused: compare a plan with itself instead.\n\n"
                  "\b\n"
                  "Example, break-even number of ZIN participants:\n"
                  "  aldlan solve scenarios/aldlan-mix.yaml --vary participants.zin.count --goal result=0\n"
                  "Example, buurtkamers needed for the target:\n"
                  "  aldlan solve scenarios/aldlan-mix.yaml --vary locations --goal savings=3600000\n"
                  "Example, buurtkamers needed for a 90 % chance of the target (common random numbers, seed 1):\n"
                  "  aldlan solve scenarios/aldlan-mix.yaml --vary locations --goal p_target=0.9 --draws 100000"),
    "opt_solve_vary": ("Het getal waarvoor opgelost wordt, bijv. participants.zin.count, tariffs.buurtkamer.zin, "
                       "locations.",
                       "The number to solve for, e.g. participants.zin.count, tariffs.buurtkamer.zin, locations."),
    "opt_solve_goal": ("Wat gehaald moet worden, bijv. result=0 of savings=3600000 (minstens; cost, subsidy, "
                       "baseline en scenario: hoogstens; of schrijf >= of <=). METRIC: savings, cumulative_savings, "
                       "result, cost, income, subsidy, baseline, scenario of share (besparing / doelstelling). Een "
                       "kans: p_target=0.9 (minstens 90 % kans de doelstelling te halen), p_target_hard=0.9 (op harde "
                       "besparing) of p_deficit=0.1 (hoogstens 10 % kans op een tekort bij de aanbieder), met Monte "
                       "Carlo.",
                       "What to reach, e.g. result=0 or savings=3600000 (at least; cost, subsidy, baseline and "
                       "scenario: at most; or write >= or <=). METRIC: savings, cumulative_savings, result, cost, "
                       "income, subsidy, baseline, scenario or share (savings / target). A chance: p_target=0.9 (at "
                       "least 90 % chance to reach the target), p_target_hard=0.9 (on hard savings) or "
                       "p_deficit=0.1 (at most 10 % chance of an operator deficit), by Monte Carlo."),
    "opt_solve_draws": ("Kansdoelen: Monte Carlo-trekkingen per geprobeerde waarde.",
                        "Chance goals: Monte Carlo draws per value tried."),
    "opt_solve_seed": ("Kansdoelen: de seed van de trekkingen (zoals bij simulate).",
                       "Chance goals: the seed of the draws (as in simulate)."),
    "cmd_sweep": ("Loop één of twee getallen af over een rooster; cellen die het doel halen krijgen ✓. Niet voor "
                  "plannen.\n\n"
                  "Hoogstens 1.000.000 punten (json, csv); een tabel in de terminal toont hoogstens 100 rijen × 24 "
                  "kolommen.\n"
                  "csv: een regel per punt; json: {\"metric\", \"year\", \"parameters\": [{\"path\", \"values\"}], "
                  "\"values\", \"marked\"}.\n\n"
                  "\b\n"
                  "Voorbeeld:\n"
                  "  aldlan sweep scenarios/aldlan-mix.yaml --set participants.zin.count=8:16:2 "
                  "--set locations=30:40:2",
                  "Sweep one or two numbers over a grid; cells that reach the goal are marked ✓. Not for plans.\n\n"
                  "At most 1,000,000 points (json, csv); a terminal table shows at most 100 rows × 24 columns.\n"
                  "csv: a line per point; json: {\"metric\", \"year\", \"parameters\": [{\"path\", \"values\"}], "
                  "\"values\", \"marked\"}.\n\n"
                  "\b\n"
                  "Example:\n"
                  "  aldlan sweep scenarios/aldlan-mix.yaml --set participants.zin.count=8:16:2 "
                  "--set locations=30:40:2"),
    "opt_sweep_set": ("Een parameter die van START tot en met STOP in stappen van STEP loopt; één of twee ervan. "
                      "--set PAD=WAARDE (zonder dubbele punten) is een vaste wijziging.",
                      "A parameter to sweep from START to STOP (included) in steps of STEP; one or two of them. "
                      "--set PATH=VALUE (no colons) is a fixed override."),
    "opt_sweep_metric": ("Het bedrag in elke cel: savings, cumulative_savings, result, cost, income, subsidy, "
                         "baseline, scenario of share.",
                         "The figure in each cell: savings, cumulative_savings, result, cost, income, subsidy, "
                         "baseline, scenario or share."),
    "cmd_chart": ("Teken een grafiek van scenario's naast elkaar, klaar voor een brief (leesbaar in zwart-wit).\n\n"
                  "Een plan (locations als een lijst van ruimtes) wordt getekend als de totalen over alle ruimtes.\n\n"
                  "Voorbeeld: aldlan chart scenarios/aldlan-mix.yaml scenarios/commercial.yaml -o besparing.png",
                  "Draw a chart of scenarios side by side, ready for a letter (readable in black and white).\n\n"
                  "A plan (locations as a list of rooms) is drawn as its totals over all rooms.\n\n"
                  "Example: aldlan chart scenarios/aldlan-mix.yaml scenarios/commercial.yaml -o besparing.png"),
    "arg_chart_files": ("Scenario- of planbestanden, één lijn of groep staven per bestand.",
                        "Scenario or plan files, one line or bar group each."),
    "opt_chart_output": ("Het grafiekbestand: .png, .svg of .pdf (overschrijft nooit zonder --force).",
                         "The chart file: .png, .svg or .pdf (never overwrites without --force)."),
    "opt_chart_kind": ("savings: besparing per jaar tegenover de doelstelling; costs: kosten- en opbrengstregels in "
                       "het doeljaar; target: buurtkamers nodig om de doelstelling te halen; mechanisms: waar de "
                       "besparing vandaan komt (één scenario); funding: wie de ruimte en elk project betaalt (één "
                       "scenario).",
                       "savings: savings per year against the target; costs: cost and income lines in the target "
                       "year; target: buurtkamers needed to reach the target; mechanisms: where the saving comes "
                       "from (one scenario); funding: who pays for the room and each project (one scenario)."),
    "cmd_simulate": ("Monte Carlo over elke invoer die als bandbreedte geschreven is: P10/P50/P90 van de "
                     "besparing, harde besparing, opgetelde besparing, nettopositie, resultaat van de aanbieder, "
                     "subsidie en financieringsbehoefte, en de kans om de doelstelling te halen (ook op harde "
                     "besparing) of een tekort te lijden.\n\n"
                     "{low, high} wordt uniform getrokken, {low, mode, high} driehoekig; elk ander getal blijft op "
                     "zijn waarde. locations, period.start en target.year worden afgerond op hele getallen. Een "
                     "tekort is een resultaat onder nul in enig exploitatiejaar tot en met het rapportjaar. Een plan "
                     "(locations als een lijst van ruimtes): invoer die via het planbestand gedeeld wordt, wordt per "
                     "trekking één keer getrokken voor alle ruimtes, een bandbreedte in de eigen regel van een ruimte "
                     "alleen voor die ruimte; de ruimtes die het meest uitmaken worden genoemd.\n\n"
                     "\b\n"
                     "Voorbeeld: aldlan simulate scenarios/aldlan-mix.yaml --draws 100000 --seed 7 -o besparing.png",
                     "Monte Carlo over every input written as a range: P10/P50/P90 of savings, hard savings, "
                     "cumulative savings, net position, operator result, subsidy and financing need, and the chance "
                     "of reaching the target (also on hard savings) or running a deficit.\n\n"
                     "{low, high} is drawn uniform, {low, mode, high} triangular; every other number stays at its "
                     "value. locations, period.start and target.year are rounded to whole numbers. A deficit is a "
                     "result below zero in any operating year up to the report year. A plan (locations as a list of "
                     "rooms): an input shared through the plan file is drawn once per draw for every room, a range "
                     "in a room's own entry for that room alone; the rooms that matter most are listed.\n\n"
                     "\b\n"
                     "Example: aldlan simulate scenarios/aldlan-mix.yaml --draws 100000 --seed 7 -o besparing.png"),
    "opt_sim_draws": ("Aantal Monte Carlo-trekkingen (1 tot 10.000.000).",
                      "Number of Monte Carlo draws (1 to 10,000,000)."),
    "opt_sim_seed": ("Seed van de trekkingen: dezelfde seed geeft op elke computer hetzelfde resultaat.",
                     "Seed of the random draws: the same seed gives the same result on any machine."),
    "opt_sim_output": ("Schrijf naar dit bestand: .png/.svg/.pdf tekent een histogram van de besparing; "
                       ".md/.html/.csv/.xlsx/.docx/.json/.txt schrijven het rapport.",
                       "Write to this file: .png/.svg/.pdf draws a histogram of the savings; "
                       ".md/.html/.csv/.xlsx/.docx/.json/.txt write the report."),
    "cmd_sensitivity": ("Eén voor één elke invoer die als bandbreedte geschreven is op zijn lage en zijn hoge "
                        "waarde (de andere op hun puntwaarde), gerangschikt naar hoe ver het bedrag uitslaat: een "
                        "tornadotabel en -grafiek.\n\n"
                        "\b\n"
                        "Voorbeeld: aldlan sensitivity scenarios/aldlan-mix.yaml --metric result -o tornado.png",
                        "One at a time, each input written as a range at its low and its high value (the others at "
                        "their point value), ranked by how far the figure swings: a tornado table and chart.\n\n"
                        "\b\n"
                        "Example: aldlan sensitivity scenarios/aldlan-mix.yaml --metric result -o tornado.png"),
    "opt_sens_metric": ("Het bedrag: savings, cumulative_savings, result, cost, income, subsidy, baseline, scenario, "
                        "savings_hard, net_municipality of financing_need.",
                        "The figure: savings, cumulative_savings, result, cost, income, subsidy, baseline, scenario, "
                        "savings_hard, net_municipality or financing_need."),
    "opt_sens_output": ("Schrijf naar dit bestand: .png/.svg/.pdf tekent een tornadografiek; "
                        ".md/.html/.csv/.xlsx/.docx/.json/.txt schrijven het rapport.",
                        "Write to this file: .png/.svg/.pdf draws a tornado chart; "
                        ".md/.html/.csv/.xlsx/.docx/.json/.txt write the report."),
    "cmd_report": ("Schrijf een notitie voor een raadsbrief: samenvatting, vergelijking, waar de besparing vandaan "
                   "komt, financiering, onzekerheid (20.000 trekkingen, seed 1), grafieken, bronnen en de "
                   "methode.\n\n"
                   "\b\n"
                   "Voorbeeld: aldlan report scenarios/aldlan-mix.yaml -o notitie.docx\n"
                   "Voorbeeld: aldlan report scenarios/aldlan-mix.yaml scenarios/commercial.yaml -o notitie.html "
                   "--lang en",
                   "Write a memo for a letter to the council: summary, comparison, where the saving comes from, "
                   "financing, uncertainty (20,000 draws, seed 1), charts, sources and the method.\n\n"
                   "\b\n"
                   "Example: aldlan report scenarios/aldlan-mix.yaml -o notitie.docx\n"
                   "Example: aldlan report scenarios/aldlan-mix.yaml scenarios/commercial.yaml -o notitie.html "
                   "--lang en"),
    "arg_report_items": ("Scenario- of planbestanden. PAD=WAARDE na een bestand wijzigt alleen dat scenario (zoals "
                         "bij compare).",
                         "Scenario or plan files. PATH=VALUE after a file changes that scenario only (as in "
                         "compare)."),
    "opt_report_output": ("De notitie: .docx (Word) of .html (overschrijft nooit zonder --force).",
                          "The memo: .docx (Word) or .html (never overwrites without --force)."),
    "opt_report_set": ("Wijzig een waarde in elk scenario (herhaalbaar).", "Override a value in every scenario "
                       "(repeatable)."),
}


def h(key: str) -> str:
    """A --help text in the language chosen at start-up."""
    nl, en = HELP[key]
    return en if startup_lang() == "en" else nl
