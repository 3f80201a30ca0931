"""The options that several commands take, each declared once, with one Dutch help text that is true for every
command using it (the English twins are in :mod:`iza_check.cli.help_en`).

``--exclude``, ``--stdin-filename`` and ``--engine`` are in :mod:`iza_check.cli.options`, beside the types and
callbacks they need. The parameter names (``rule_dirs``, ``peildatum``, ...) are also the keys of the settings
file (:mod:`iza_check.cli.config`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
from click.decorators import FC

from iza_check.cli.lang import remember_lang
from iza_check.cli.options import LANGS, FailLevel
from iza_check.cli.outputs import dash_is_stdout

# yamlsafe.DEFAULT_MAX_BYTES, written out: importing it would load PyYAML for every --help and --version.
DEFAULT_MAX_BYTES = 1_048_576

OUTPUT = click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False, writable=True, allow_dash=True),
    default=None,
    callback=dash_is_stdout,
    metavar="BESTAND",
    help="Schrijf de uitvoer naar dit bestand in plaats van naar het scherm (-: het scherm).",
)


def lang_option(help_text: str = "Taal van de uitvoer.") -> Callable[[FC], FC]:
    """``--lang``; a command whose output is of one kind can say which (``init``: the questions)."""
    return click.option(
        "--lang",
        type=click.Choice(LANGS),
        default="nl",
        show_default=True,
        callback=remember_lang,
        help=help_text,
    )


LANG = lang_option()

REFERENCE_DATE = click.option(
    "--reference-date",
    "peildatum",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Peildatum (JJJJ-MM-DD) voor datumcontroles, zoals de VOG en de streefdatums van plannen; standaard "
    "vandaag.",
)

RULES = click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    metavar="MAP",
    help="Extra map met regelbestanden (herhaalbaar). Een regel met een bestaand id is een fout, "
    "tenzij de regel `vervangt: true` heeft.",
)

JOBS = click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Aantal processen (0: alle kernen).")

MAX_BYTES = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Maximale grootte van één profielbestand in bytes.",
)

FAIL_ON = click.option(
    "--fail-on",
    type=FailLevel(),
    default="verplicht",
    show_default=True,
    help="Exitcode 1 bij een gat (deels of voldoet niet) in een regel van dit niveau of hoger; "
    "'nooit' geeft nooit 1. Een gat met een lopend plan met streefdatum telt pas mee als die datum voorbij "
    "is. Ongeldige invoer geeft altijd 2.",
)

FAIL_ON_UNKNOWN = click.option(
    "--fail-on-unknown",
    is_flag=True,
    default=False,
    help="Ook exitcode 1 bij een regel van dat niveau die onbekend is (voor wie complete profielen vraagt).",
)
