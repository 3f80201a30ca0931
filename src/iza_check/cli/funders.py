"""The funders' commands: ``overview`` and ``diff``, and :func:`run_summary` behind ``check --summary``.

Each runner streams the checked profiles through a small result type (a summary row, an overview entry), so
no run holds every full report, renders it, writes it, and returns an exit code.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from iza_check.cli.exitcodes import EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK
from iza_check.cli.options import (
    ENGINE,
    LANGS,
    NO_PROFILES,
    ExitTracker,
    ReportOptions,
    cannot_write,
    dash_is_stdout,
    refuse_output_over_input,
    write_output,
)
from iza_check.cli.progress import with_progress
from iza_check.report.summary_formats import DIFF_FORMATS, OVERVIEW_FORMATS, SUMMARY_FORMATS

if TYPE_CHECKING:
    from iza_check.checker import CheckOptions


def _write(text: str, output: Path | None) -> bool:
    """Like write_output, with a clear message instead of a traceback when the file cannot be written."""
    try:
        write_output(text, output)
    except OSError as error:
        click.echo(cannot_write(output, error), err=True)
        return False
    return True


def _check_options(
    paths: tuple[Path, ...], rule_dirs: tuple[Path, ...], peildatum: dt.date, max_bytes: int | None, jobs: int
) -> CheckOptions:
    from iza_check.checker import CheckOptions

    extra = {} if max_bytes is None else {"max_bytes": max_bytes}
    return CheckOptions(paths=paths, rule_dirs=rule_dirs, peildatum=peildatum, jobs=jobs, **extra)


def _stopping_error(error: Exception) -> int:
    """A problem that stops the whole run (a broken rule catalogue, no engine): reported, never a traceback."""
    from iza_check.problems import InputError

    if isinstance(error, InputError):
        for problem in error.problems:
            click.echo(problem.format(), err=True)
    else:
        click.echo(str(error), err=True)
    return EXIT_INVALID_INPUT


def _stopping_errors() -> tuple[type[Exception], ...]:
    from iza_check.engine import EngineUnavailable
    from iza_check.problems import InputError

    return (InputError, EngineUnavailable)


def run_summary(options: ReportOptions) -> int:
    """``check --summary``: one row per initiative in ``options.fmt`` (text, html or csv), written to
    ``options.output`` or stdout; returns the exit code of ``check``."""
    from iza_check.checker import check_paths
    from iza_check.report.summary_formats import render_summary
    from iza_check.summary import summary_rows

    if options.fmt not in SUMMARY_FORMATS:
        click.echo(
            f"De samenvatting kent de vormen {', '.join(SUMMARY_FORMATS)}, niet '{options.fmt}'.", err=True
        )
        return EXIT_INVALID_INPUT
    if refuse_output_over_input(options.output, options.paths):
        return EXIT_INVALID_INPUT
    tracker = ExitTracker(options.fail_on, options.fail_on_unknown)
    check_options = _check_options(
        options.paths, options.rule_dirs, options.peildatum, options.max_bytes, options.jobs
    )
    try:
        outcomes = with_progress(tracker.watch(check_paths(check_options)), sys.stderr, lang=options.lang)
        text = render_summary(
            options.fmt,
            summary_rows(outcomes),
            peildatum=options.peildatum,
            lang=options.lang,
            colour=options.colour and options.fmt == "text",
        )
    except _stopping_errors() as error:
        return _stopping_error(error)
    if not _write(text, options.output):
        return EXIT_INVALID_INPUT
    if tracker.files == 0:
        click.echo(NO_PROFILES, err=True)
    return tracker.result


def run_overview(
    paths: tuple[Path, ...],
    *,
    fmt: str,
    output: Path | None,
    lang: str,
    rule_dirs: tuple[Path, ...] = (),
    peildatum: dt.date,
    jobs: int = 0,
    max_bytes: int | None = None,
) -> int:
    """The regional overview; 2 when a file could not be read (it is listed) or none was found, else 0."""
    from iza_check.checker import check_paths
    from iza_check.overview import OverviewBuilder
    from iza_check.report.summary_formats import render_overview

    if refuse_output_over_input(output, paths):
        return EXIT_INVALID_INPUT
    builder = OverviewBuilder(peildatum)
    files = 0
    try:
        for outcome in with_progress(
            check_paths(_check_options(paths, rule_dirs, peildatum, max_bytes, jobs)), sys.stderr, lang=lang
        ):
            files += 1
            builder.add(outcome)
    except _stopping_errors() as error:
        return _stopping_error(error)
    overview = builder.build()
    if not _write(render_overview(fmt, overview, lang=lang), output):
        return EXIT_INVALID_INPUT
    if files == 0:
        click.echo(NO_PROFILES, err=True)
        return EXIT_INVALID_INPUT
    return EXIT_INVALID_INPUT if overview.problems else EXIT_OK


def run_diff(
    old: Path,
    new: Path,
    *,
    fmt: str,
    output: Path | None,
    lang: str,
    rule_dirs: tuple[Path, ...] = (),
    peildatum: dt.date,
) -> int:
    """Progress from OLD to NEW; 2 when either cannot be read, 1 when a rule regressed, else 0."""
    from iza_check.checker import Checker
    from iza_check.diff import diff_reports
    from iza_check.report._common import problem_text
    from iza_check.report.summary_formats import render_diff

    if refuse_output_over_input(output, (old, new)):
        return EXIT_INVALID_INPUT
    try:
        checker = Checker(rule_dirs, peildatum)
        outcomes = [checker.check_file(old), checker.check_file(new)]
    except _stopping_errors() as error:
        return _stopping_error(error)
    problems = [p for o in outcomes for p in o.problems]
    if problems:
        for problem in problems:
            click.echo(problem_text(problem), err=True)
        return EXIT_INVALID_INPUT
    before, after = (o.report for o in outcomes)
    assert before is not None and after is not None
    diff = diff_reports(before, after, peildatum)
    if not _write(render_diff(fmt, diff, lang=lang), output):
        return EXIT_INVALID_INPUT
    return EXIT_FINDINGS if diff.regressed else EXIT_OK


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.today()


_OUTPUT = click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False, writable=True, allow_dash=True),
    default=None,
    callback=dash_is_stdout,
    help="Schrijf naar dit bestand in plaats van naar het scherm (-: het scherm).",
)
_LANG = click.option("--lang", type=click.Choice(LANGS), default="nl", show_default=True, help="Taal van de uitvoer.")
_PEILDATUM = click.option(
    "--reference-date",
    "peildatum",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Peildatum (JJJJ-MM-DD) voor datumcontroles en streefdatums; standaard vandaag.",
)
_RULES = click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    help="Extra map met regelbestanden (herhaalbaar).",
)


@click.command("overview")
@click.argument("dirs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(OVERVIEW_FORMATS), default="text", show_default=True, help="Vorm van het overzicht."
)
@_OUTPUT
@_LANG
@_PEILDATUM
@_RULES
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Aantal processen (0: alle kernen).")
@ENGINE
def overview_command(
    dirs: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    lang: str,
    peildatum: object,
    rule_dirs: tuple[Path, ...],
    jobs: int,
) -> None:
    """Regionaal overzicht: wat is er al? (stap 1 van het stappenplan voor gemeenten)

    Per regio en gemeente: welke initiatieven er zijn, hoeveel dagdelen ze open zijn, welke van de
    bouwstenen A (B1–B3) ze invullen, en welke bouwstenen B en C ergens in de regio bestaan en welke
    ontbreken. Profielen zonder regio staan onder "(geen regio)".

    DIRS zijn mappen of bestanden (mappen worden doorzocht op *.yaml en *.yml).

    \b
    Exitcodes:
      0  overzicht gemaakt (ontbrekende bouwstenen zijn geen fout)
      2  een bestand kon niet worden gelezen (het staat in het overzicht), of geen profielen gevonden
    """
    sys.exit(
        run_overview(
            dirs, fmt=fmt, output=output, lang=lang, rule_dirs=rule_dirs, peildatum=_date(peildatum), jobs=jobs
        )
    )


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("new", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format", "fmt", type=click.Choice(DIFF_FORMATS), default="text", show_default=True, help="Vorm van de vergelijking."
)
@_OUTPUT
@_LANG
@_PEILDATUM
@_RULES
@ENGINE
def diff_command(
    old: Path, new: Path, fmt: str, output: Path | None, lang: str, peildatum: object, rule_dirs: tuple[Path, ...]
) -> None:
    """Voortgang: vergelijk twee versies van een profiel (OLD en NEW).

    Per regel wat beter werd (voldoet niet → deels → voldoet, of onbekend → bekend) en wat
    achteruitging, de verandering van het oordeel, en welke plannen uit OLD gerealiseerd zijn
    (gemeld als gerealiseerd, of het criterium voldoet nu) of over hun streefdatum zijn.

    \b
    Exitcodes:
      0  geen achteruitgang
      1  minstens één regel ging achteruit (slechtere uitkomst, of bekend → onbekend)
      2  OLD of NEW kon niet worden gelezen
    """
    sys.exit(
        run_diff(old, new, fmt=fmt, output=output, lang=lang, rule_dirs=rule_dirs, peildatum=_date(peildatum))
    )
