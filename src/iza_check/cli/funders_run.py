"""What the funders' commands do: :func:`run_overview`, :func:`run_diff` and :func:`run_dossier` behind ``overview``,
``diff`` and ``dossier`` (:mod:`iza_check.cli.funders`), and :func:`run_summary` behind ``check --summary``.

Each runner streams the checked profiles through a small result type (a summary row, an overview entry, a slimmed
report for a diff of two rounds), so no run holds every full report, renders it, writes it, and returns an exit
code.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from iza_check.cli.exitcodes import EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK
from iza_check.cli.lang import say
from iza_check.cli.options import ExitTracker, ReportOptions, no_profiles
from iza_check.cli.outputs import cannot_write, refuse_output_over_input, write_output
from iza_check.cli.progress import with_progress
from iza_check.cli.shared import (
    DEFAULT_MAX_BYTES,
)
from iza_check.report.diff_formats import DIFF_FORMATS, ROUNDS_FORMATS
from iza_check.report.summary_formats import SUMMARY_FORMATS

if TYPE_CHECKING:
    from iza_check.checker import CheckOptions

_GLOB_CHARS = re.compile(r"[*?[]")


def _write(text: str, output: Path | None, lang: str) -> bool:
    """Like write_output, with a clear message instead of a traceback when the file cannot be written."""
    try:
        write_output(text, output)
    except OSError as error:
        click.echo(cannot_write(output, error, lang), err=True)
        return False
    return True


def _check_options(
    paths: tuple[Path, ...], rule_dirs: tuple[Path, ...], peildatum: dt.date, max_bytes: int | None, jobs: int
) -> CheckOptions:
    from iza_check.checker import CheckOptions

    if max_bytes is None:
        return CheckOptions(paths=paths, rule_dirs=rule_dirs, peildatum=peildatum, jobs=jobs)
    return CheckOptions(paths=paths, rule_dirs=rule_dirs, peildatum=peildatum, jobs=jobs, max_bytes=max_bytes)


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
    """``check --summary``: one row per initiative in ``options.fmt`` (text, html, csv or json), written to
    ``options.output`` or stdout; returns the exit code of ``check``."""
    from iza_check.checker import check_paths
    from iza_check.funders.summary import summary_rows
    from iza_check.report.summary_formats import render_summary

    if options.fmt not in SUMMARY_FORMATS:
        names = ", ".join(SUMMARY_FORMATS)
        click.echo(
            say(
                f"De samenvatting kent de vormen {names}, niet '{options.fmt}'.",
                f"The summary comes in the formats {names}, not '{options.fmt}'.",
                options.lang,
            ),
            err=True,
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
    if not _write(text, options.output, options.lang):
        return EXIT_INVALID_INPUT
    if tracker.files == 0:
        click.echo(no_profiles(options.lang), err=True)
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
    from iza_check.funders.overview import OverviewBuilder
    from iza_check.report.overview_formats import render_overview

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
    if not _write(render_overview(fmt, overview, lang=lang), output, lang):
        return EXIT_INVALID_INPUT
    if files == 0:
        click.echo(no_profiles(lang), err=True)
        return EXIT_INVALID_INPUT
    return EXIT_INVALID_INPUT if overview.problems else EXIT_OK


# --- diff ------------------------------------------------------------------------------------------------

def is_round(path: Path) -> bool:
    """A folder, or a pattern (``"ronde-2026/*.yaml"``) that is not a file: a round of profiles."""
    return path.is_dir() or (not path.exists() and bool(_GLOB_CHARS.search(str(path))))


def run_diff(
    old: Path,
    new: Path,
    *,
    fmt: str,
    output: Path | None,
    lang: str,
    rule_dirs: tuple[Path, ...] = (),
    peildatum: dt.date,
    jobs: int = 0,
    max_bytes: int | None = None,
) -> int:
    """Progress from OLD to NEW: two versions of a profile, or two rounds (folders or patterns) of profiles.

    Two files: 2 when either cannot be read (nothing is written), 1 when a rule regressed, else 0. Two rounds:
    2 when a file could not be read or two profiles of a round cannot be told apart (they are listed), or none
    was found; else 1 when an initiative regressed; else 0.
    """
    old_round, new_round = is_round(old), is_round(new)
    if old_round != new_round:
        file, folder = (new, old) if old_round else (old, new)
        if not file.exists():
            click.echo(f"{file}: " + say("bestand of map niet gevonden.", "file or folder not found.", lang), err=True)
            return EXIT_INVALID_INPUT
        click.echo(
            say(
                "Vergelijk twee bestanden (twee versies van één profiel) of twee mappen of patronen (twee rondes), "
                f"niet een bestand met een map: {file} is een bestand, {folder} een map of patroon.",
                "Compare two files (two versions of one profile) or two folders or patterns (two rounds), not a "
                f"file with a folder: {file} is a file, {folder} a folder or pattern.",
                lang,
            ),
            err=True,
        )
        return EXIT_INVALID_INPUT
    if old_round:
        if fmt not in ROUNDS_FORMATS:
            names = ", ".join(ROUNDS_FORMATS)
            click.echo(
                say(
                    f"Twee rondes vergelijken kan in de vormen {names}, niet '{fmt}'.",
                    f"Two rounds are compared in the formats {names}, not '{fmt}'.",
                    lang,
                ),
                err=True,
            )
            return EXIT_INVALID_INPUT
        return _run_rounds(
            old, new, fmt=fmt, output=output, lang=lang, rule_dirs=rule_dirs, peildatum=peildatum, jobs=jobs,
            max_bytes=max_bytes,
        )
    if fmt not in DIFF_FORMATS:
        names = ", ".join(DIFF_FORMATS)
        click.echo(
            say(
                f"Twee versies van een profiel vergelijken kan in de vormen {names}, niet '{fmt}' "
                "(die vorm is er voor twee rondes: twee mappen).",
                f"Two versions of a profile are compared in the formats {names}, not '{fmt}' "
                "(that format is for two rounds: two folders).",
                lang,
            ),
            err=True,
        )
        return EXIT_INVALID_INPUT
    return _run_two_files(
        old, new, fmt=fmt, output=output, lang=lang, rule_dirs=rule_dirs, peildatum=peildatum, max_bytes=max_bytes
    )


def _run_two_files(
    old: Path,
    new: Path,
    *,
    fmt: str,
    output: Path | None,
    lang: str,
    rule_dirs: tuple[Path, ...],
    peildatum: dt.date,
    max_bytes: int | None,
) -> int:
    from iza_check.checker import Checker
    from iza_check.funders.diff import diff_reports
    from iza_check.report._common import problem_text
    from iza_check.report.diff_formats import render_diff

    if refuse_output_over_input(output, (old, new)):
        return EXIT_INVALID_INPUT
    try:
        checker = Checker(rule_dirs, peildatum, DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
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
    if not _write(render_diff(fmt, diff, lang=lang), output, lang):
        return EXIT_INVALID_INPUT
    return EXIT_FINDINGS if diff.regressed else EXIT_OK


def round_root(argument: Path) -> Path:
    """The folder a round's paths are relative to: the folder itself, or a pattern's part before its first
    wildcard (``ronde/*/x.yaml`` → ``ronde``)."""
    if argument.is_dir():
        return argument
    parts = argument.parts
    fixed = 0
    while fixed < len(parts) and not _GLOB_CHARS.search(parts[fixed]):
        fixed += 1
    return Path(*parts[:fixed]) if fixed else Path()


def path_in_round(source: str, root: Path) -> str:
    """A profile's path within its round (``/`` as separator), the fallback identity for a profile without
    a gemeente."""
    try:
        relative = os.path.relpath(os.path.abspath(source), os.path.abspath(root))
    except ValueError:  # another drive (Windows)
        return source
    return source if relative.startswith("..") else relative.replace(os.sep, "/")


def _run_rounds(
    old: Path,
    new: Path,
    *,
    fmt: str,
    output: Path | None,
    lang: str,
    rule_dirs: tuple[Path, ...],
    peildatum: dt.date,
    jobs: int,
    max_bytes: int | None,
) -> int:
    from iza_check.checker import check_paths
    from iza_check.funders.diff import RoundsBuilder
    from iza_check.report.diff_formats import render_rounds

    if refuse_output_over_input(output, (old, new)):
        return EXIT_INVALID_INPUT
    builder = RoundsBuilder(peildatum, str(old), str(new))
    files = 0
    try:
        for side, argument in (("old", old), ("new", new)):
            root = round_root(argument)
            options = _check_options((argument,), rule_dirs, peildatum, max_bytes, jobs)
            for outcome in with_progress(check_paths(options), sys.stderr, lang=lang):
                files += 1
                builder.add(side, outcome, path_in_round(outcome.source, root))
    except _stopping_errors() as error:
        return _stopping_error(error)
    rounds = builder.build()
    if not _write(render_rounds(fmt, rounds, lang=lang), output, lang):
        return EXIT_INVALID_INPUT
    if files == 0:
        click.echo(no_profiles(lang), err=True)
        return EXIT_INVALID_INPUT
    if rounds.incomplete:
        return EXIT_INVALID_INPUT
    return EXIT_FINDINGS if rounds.regressed else EXIT_OK


# --- dossier ---------------------------------------------------------------------------------------------

def _input_files(items: Iterable[object]) -> set[tuple[int, int]]:
    """(device, inode) of every input file, so that no report replaces one (also through a link)."""
    found = set()
    for item in items:
        if isinstance(item, Path):
            try:
                info = os.stat(item)
            except (OSError, ValueError):
                continue
            found.add((info.st_dev, info.st_ino))
    return found


def _replaces_input(target: Path, inputs: set[tuple[int, int]]) -> bool:
    try:
        info = os.stat(target)
    except (OSError, ValueError):
        return False
    return (info.st_dev, info.st_ino) in inputs


def run_dossier(
    paths: tuple[Path, ...],
    *,
    output_dir: Path,
    lang: str,
    fail_on: str = "verplicht",
    fail_on_unknown: bool = False,
    rule_dirs: tuple[Path, ...] = (),
    peildatum: dt.date,
    jobs: int = 0,
    max_bytes: int | None = None,
) -> int:
    """A folder with each profile's html report and an index page (the summary, each name a link); the exit
    code of ``check --summary``: 2 for a file that could not be read (it is in the index) or none found, 1 for
    a gap at the fail level, else 0."""
    from iza_check import __version__
    from iza_check.assess.findings import Report
    from iza_check.checker import check_paths
    from iza_check.engine import engine_name
    from iza_check.funders.summary import SummaryRow, row_for_outcome
    from iza_check.profile.discovery import iter_profile_files
    from iza_check.report._common import problem_text
    from iza_check.report.dossier import INDEX, PageNames
    from iza_check.report.registry import render
    from iza_check.report.summary_formats import render_summary_html

    if output_dir.exists() and not output_dir.is_dir():
        click.echo(
            f"{output_dir}: "
            + say(
                "dit is een bestand, geen map; kies een (nieuwe) map voor --output-dir.",
                "this is a file, not a folder; choose a (new) folder for --output-dir.",
                lang,
            ),
            err=True,
        )
        return EXIT_INVALID_INPUT
    items = list(iter_profile_files(paths))
    if not items:
        click.echo(no_profiles(lang), err=True)
        return EXIT_INVALID_INPUT
    names = PageNames(str(item) for item in items if isinstance(item, Path))
    inputs = _input_files(items)
    for name in (INDEX, *names.names().values()):
        if _replaces_input(output_dir / name, inputs):
            click.echo(
                f"{output_dir / name}: "
                + say(
                    "dit is een van de invoerbestanden; het dossier zou het overschrijven. Kies een andere map "
                    "voor --output-dir.",
                    "this is one of the input files; the dossier would overwrite it. Choose another folder for "
                    "--output-dir.",
                    lang,
                ),
                err=True,
            )
            return EXIT_INVALID_INPUT
    tracker = ExitTracker(fail_on, fail_on_unknown)
    rows: list[SummaryRow] = []
    links: dict[str, str] = {}
    writing = output_dir  # what a write error is about
    try:
        outcomes = with_progress(
            tracker.watch(check_paths(_check_options(paths, rule_dirs, peildatum, max_bytes, jobs))),
            sys.stderr,
            lang=lang,
        )
        for outcome in outcomes:
            rows.append(row_for_outcome(outcome))
            if outcome.report is None:
                continue
            name = names[outcome.source]
            target = output_dir / name
            if _replaces_input(target, inputs):  # a link made while the run went on
                click.echo(
                    f"{target}: "
                    + say(
                        "dit is een van de invoerbestanden; niet overschreven.",
                        "this is one of the input files; not overwritten.",
                        lang,
                    ),
                    err=True,
                )
                return EXIT_INVALID_INPUT
            report = Report(peildatum, __version__, engine_name(), (outcome.report,), ())
            page = render("html", report, lang=lang)
            writing = output_dir
            output_dir.mkdir(parents=True, exist_ok=True)
            writing = target
            write_output(page, target)
            links[outcome.source] = name
        writing = output_dir
        output_dir.mkdir(parents=True, exist_ok=True)
        writing = output_dir / INDEX
        write_output(render_summary_html(rows, peildatum=peildatum, lang=lang, links=links), writing)
    except _stopping_errors() as error:
        return _stopping_error(error)
    except OSError as error:
        click.echo(cannot_write(writing, error, lang), err=True)
        return EXIT_INVALID_INPUT
    for problem in tracker.problems:
        click.echo(problem_text(problem), err=True)
    count = len(links)
    made = say(
        "dossier met 1 rapport" if count == 1 else f"dossier met {count} rapporten",
        "dossier with 1 report" if count == 1 else f"dossier with {count} reports",
        lang,
    )
    click.echo(f"{output_dir / INDEX}: {made} · {tracker.tally(lang)} · {tracker.reason(lang)}", err=True)
    return tracker.result


# --- the commands ----------------------------------------------------------------------------------------
