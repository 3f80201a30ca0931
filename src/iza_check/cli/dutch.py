"""Click's own messages in Dutch, so that a Dutch command line does not switch to English on an error.

Click marks its messages for gettext (``_("Usage:")``) but ships no Dutch catalogue; each of its modules binds
``_`` and ``ngettext`` at import time, so the functions below are installed in their place. They look the
message up in the Dutch table unless the command line's language (:mod:`iza_check.cli.lang`, decided once per
run in ``main()``) is English: Dutch is the default, as for the reports; ``--lang en`` on the command line or an
English ``LANG`` keeps Click's English. A message missing from the table stays English rather than being lost.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from iza_check.cli.lang import english

_MESSAGES: dict[str, str] = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Probeer '{command} {option}' voor hulp.",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "Missing {param_type}": "Ontbrekend: {param_type}",
    "Missing command.": "De opdracht ontbreekt.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Aborted!": "Afgebroken.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal ({number_type}).",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename!r} niet openen: {message}",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "deprecated": "verouderd",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "required": "vereist",
}
_PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Bedoelde u {possibility}?",
        "(Bedoelde u een van: {possibilities}?)",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Optie {name!r} heeft een waarde nodig.",
        "Optie {name!r} heeft {nargs} waarden nodig.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} is niet {choice}.",
        "{value!r} is niet een van {choices}.",
    ),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."): (
        "{value!r} past niet bij de vorm {format}.",
        "{value!r} past niet bij de vormen {formats}.",
    ),
}
_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


def gettext(message: str) -> str:
    return message if english() else _MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    one, many = (singular, plural) if english() else _PLURALS.get((singular, plural), (singular, plural))
    return one if count == 1 else many


def wants_english(argv: Sequence[str]) -> bool:
    """``--lang en`` on the command line, or an English locale without ``--lang nl``."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1] == "en"
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1] == "en"
    locale = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return locale.lower().startswith("en")


def install() -> None:
    """Click speaks the command line's language from now on in this process (again and again: idempotent)."""
    import importlib

    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
