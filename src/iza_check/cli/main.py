"""Command-line entry point: click stays here; the core never prints."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from iza_check import __version__
from iza_check.cli.exitcodes import EXIT_INVALID_INPUT, EXIT_OK

_PATHS = click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=False, dir_okay=True)
)
_MAX_BYTES = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=1_048_576,
    show_default=True,
    help="Maximale grootte van één profielbestand in bytes.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iza-check")
def main() -> None:
    """iza-check toetst zelfregie- en herstelinitiatieven aan de tien IZA-kenmerken,
    de kwaliteitseisen en de drie bouwstenen, en schrijft een rapport met advies.

    \b
    Exitcodes:
      0  alles in orde
      1  bevindingen op of boven het --fail-on-niveau
      2  ongeldige invoer of verkeerd gebruik
    """


@main.command()
@_PATHS
@_MAX_BYTES
def validate(paths: tuple[Path, ...], max_bytes: int) -> None:
    """Controleer profielen alleen op vorm (schema), zonder de regels toe te passen.

    PATHS zijn bestanden of mappen (mappen worden doorzocht op *.yaml en *.yml).
    """
    from iza_check.validate import load_many

    files = 0
    broken = 0
    for result in load_many(paths, max_bytes=max_bytes):
        files += 1
        if result.problems:
            broken += 1
            for problem in result.problems:
                click.echo(problem.format())
    summary = f"{files} bestand(en) gecontroleerd, {broken} met fouten."
    click.echo(summary, err=True)
    sys.exit(EXIT_INVALID_INPUT if broken or files == 0 else EXIT_OK)


@main.command()
@click.option(
    "--kind",
    type=click.Choice(["profile", "rules"]),
    default="profile",
    show_default=True,
    help="Welk schema: het profiel of de regelbestanden.",
)
def schema(kind: str) -> None:
    """Print het JSON Schema van een profiel (of van de regelbestanden)."""
    from iza_check.profile.schema import dumps_schema, profile_json_schema

    if kind == "profile":
        click.echo(dumps_schema(profile_json_schema()), nl=False)
    else:
        from iza_check.rules.model import rules_json_schema

        click.echo(dumps_schema(rules_json_schema()), nl=False)
