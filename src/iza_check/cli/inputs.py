"""Where the profiles of a run come from: the paths given, ``-`` for standard input (``--stdin-filename``), and
what ``--exclude`` leaves out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from iza_check.cli.lang import say, say_usage
from iza_check.cli.outputs import TargetError

if TYPE_CHECKING:
    from iza_check.profile.discovery import ExcludePattern

def _exclude_with_settings(ctx: click.Context, param: click.Parameter, value: tuple[ExcludePattern, ...]) -> tuple[ExcludePattern, ...]:
    """``--exclude`` on the command line adds to ``exclude`` in the settings file (which click would drop)."""
    if param.name is None or ctx.get_parameter_source(param.name) is not ParameterSource.COMMANDLINE:
        return value
    settings = (ctx.default_map or {}).get(param.name) or ()
    return (*param.type_cast_value(ctx, settings), *value)


class ExcludeType(click.ParamType):
    """An ``--exclude`` pattern; from the settings file it comes with the file's folder as its base."""

    name = "patroon"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> ExcludePattern:
        # The loader (and the profile model) only when a pattern is given.
        from iza_check.profile.discovery import ExcludePattern

        pattern = value if isinstance(value, ExcludePattern) else ExcludePattern.of(str(value))
        if not pattern.pattern:
            self.fail(
                say_usage(
                    "een leeg patroon sluit niets uit; bijvoorbeeld 'concepten/*' of '*.antwoorden.yaml'.",
                    "an empty pattern excludes nothing; for example 'concepten/*' or '*.antwoorden.yaml'.",
                ),
                param,
                ctx,
            )
        return pattern


_EXCLUDE_HELP = (
    "Sla bestanden over waarvan het pad (ten opzichte van de werkmap, met /), een map erboven of een naam erin "
    "bij dit patroon past (fnmatch; herhaalbaar), bijv. 'concepten/*' of '*.antwoorden.yaml'; ook een bestand "
    "dat u zelf noemt. Komt bij 'exclude' uit het instellingenbestand. Het profiel op de standaardinvoer (-) "
    "wordt nooit overgeslagen."
)


def exclude_option() -> click.Option:
    """The ``--exclude`` option, as an object to add to a command that is defined elsewhere."""
    return click.Option(
        ["--exclude"], multiple=True, type=ExcludeType(), metavar="PATROON", callback=_exclude_with_settings,
        help=_EXCLUDE_HELP,
    )


EXCLUDE = click.option(
    "--exclude", multiple=True, type=ExcludeType(), metavar="PATROON", callback=_exclude_with_settings,
    help=_EXCLUDE_HELP,
)

STDIN_FILENAME = click.option(
    "--stdin-filename",
    metavar="NAAM",
    default=None,
    help="De naam van het profiel op de standaardinvoer (-) in meldingen en rapporten, zodat een locatie naar "
    "het echte bestand wijst (standaard <stdin>).",
)


def select_paths(paths: tuple[Path, ...], exclude: Sequence[ExcludePattern]) -> tuple[Path, ...]:
    """``paths`` without the files ``--exclude`` (and the settings' ``exclude``) leave out, for any command
    that searches for profiles. When nothing is left, says so; the command then says it found no profiles."""
    if not exclude:
        return paths
    from iza_check.profile.discovery import select_profiles

    selection = select_profiles(paths, exclude)
    if selection.excluded and not selection.files:
        click.echo(
            say(
                "Alles wat gevonden werd, valt onder --exclude (of 'exclude' in het instellingenbestand).",
                "Everything that was found falls under --exclude (or 'exclude' in the settings file).",
            ),
            err=True,
        )
    return selection.paths


def with_stdin(paths: tuple[Path, ...], stdin_filename: str | None, max_bytes: int) -> tuple[Path, ...]:
    """``paths`` with ``-`` as the profile read from standard input (read once, here, named ``<stdin>`` or
    ``--stdin-filename``). Raises TargetError for a ``--stdin-filename`` without ``-``."""
    from iza_check.profile.discovery import STDIN_ARGUMENT, STDIN_NAME, read_stdin

    if not any(str(path) == STDIN_ARGUMENT for path in paths):
        if stdin_filename is not None:
            context = click.get_current_context(silent=True)
            command = context.command_path if context is not None else "iza-check check"
            example = f"{command} - --stdin-filename {stdin_filename} < {stdin_filename}"
            raise TargetError(
                say_usage(
                    "--stdin-filename geeft het profiel op de standaardinvoer een naam; geef dat profiel als '-', "
                    f"bijvoorbeeld: {example}",
                    "--stdin-filename names the profile on standard input; give that profile as '-', for "
                    f"example: {example}",
                )
            )
        return paths
    if stdin_filename is not None and not stdin_filename.strip():
        raise TargetError(say_usage("--stdin-filename heeft een naam nodig.", "--stdin-filename needs a name."))
    profile = read_stdin(stdin_filename or STDIN_NAME, max_bytes=max_bytes)
    return tuple(profile if str(path) == STDIN_ARGUMENT else path for path in paths)
