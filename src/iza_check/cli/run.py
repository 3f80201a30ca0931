"""The CLI's glue: call the core with a plain options object, print, return an exit code."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

import click

from iza_check import __version__
from iza_check.cli.exitcodes import EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK
from iza_check.cli.options import (
    NO_PROFILES,
    ExitTracker,
    ReportOptions,
    cannot_write,
    open_output,
    refuse_output_over_input,
    write_output,
)
from iza_check.cli.progress import interactive, with_progress
from iza_check.engine import engine_name
from iza_check.findings import ProblemRef, ProfileReport
from iza_check.problems import InputError, Problem

if TYPE_CHECKING:
    from iza_check.checker import FileOutcome
    from iza_check.report.stream import StreamFormat


def _print_problems(problems: list[Problem]) -> int:
    for problem in problems:
        click.echo(problem.format(), err=True)
    return EXIT_INVALID_INPUT


def _engine_unavailable(error: Exception) -> int:
    click.echo(str(error), err=True)
    return EXIT_INVALID_INPUT


# The formats that are one document (html, sarif, junit: a summary, a rule index or counts at the top) are
# rendered from the whole report in memory. Streaming them would mean a second pass or rewriting each renderer;
# bounding them is simpler and just as safe, and json and concise already stream any number. Measured peak
# memory with -j 2: html about 0.4 MB per profile, sarif and junit about 0.2 MB (1,000 profiles: html 404 MB,
# sarif 201 MB, junit 209 MB; 2,000: 768 / 363 / 373 MB; json 48-52 MB for either). README, "Limits".
WHOLE_REPORT_MAX_PROFILES = 1000


def run_check(options: ReportOptions) -> int:
    from iza_check.checker import CheckOptions, TooManyProfiles, check_paths
    from iza_check.engine import EngineUnavailable
    from iza_check.report.registry import stream_format

    if refuse_output_over_input(options.output, options.paths):
        return EXIT_INVALID_INPUT
    stream = stream_format(options.fmt)
    if options.quiet:
        from iza_check.report.concise import QUIET

        stream = QUIET
    render = None if stream is None else partial(_render_utf8, stream.profile, lang=options.lang, colour=options.colour)
    check_options = CheckOptions(
        paths=options.paths,
        rule_dirs=options.rule_dirs,
        peildatum=options.peildatum,
        max_bytes=options.max_bytes,
        jobs=options.jobs,
        render=render,
        max_files=WHOLE_REPORT_MAX_PROFILES if stream is None else None,
    )
    try:
        outcomes = check_paths(check_options)
        # The first outcome comes after the catalogue has loaded: a broken rule file stops the run
        # before anything is written.
        first = next(outcomes, None)
        all_outcomes: Iterable[FileOutcome] = chain(() if first is None else (first,), outcomes)
        # A counter on stderr only when the report does not go to the same terminal.
        show = interactive(sys.stderr) and (options.output is not None or not sys.stdout.isatty())
        all_outcomes = with_progress(all_outcomes, sys.stderr, lang=options.lang, enabled=show)
        tracker = ExitTracker(options.fail_on, options.fail_on_unknown)
        if stream is None:
            _write_whole(options, tracker.watch(all_outcomes))
        else:
            # The concise form ends with the run's tally, known once every outcome has been written.
            closing = (lambda: tracker.tally(options.lang) + "\n") if options.fmt == "concise" else None
            _write_stream(options, stream, tracker.watch(all_outcomes), closing)
    except InputError as error:
        return _print_problems(error.problems)
    except EngineUnavailable as error:
        return _engine_unavailable(error)
    except TooManyProfiles as error:
        click.echo(
            f"--format {options.fmt} maakt één document van het hele rapport en is daarom begrensd op "
            f"{error.limit} profielen; dit zijn er {error.count}. Er is niets gecontroleerd of geschreven. "
            "Gebruik --format json of --format concise (die schrijven elk profiel meteen weg, voor elk aantal), "
            "of verdeel de profielen over meer runs.",
            err=True,
        )
        return EXIT_INVALID_INPUT
    except OSError as error:
        click.echo(cannot_write(options.output, error), err=True)
        return EXIT_INVALID_INPUT
    if not tracker.files:
        click.echo(NO_PROFILES, err=True)
    if options.output is not None:
        # Nothing of the report reaches the log: say what was written and why the run ends as it does,
        # with the files that could not be read (the cause of an exit code 2) on their own lines.
        from iza_check.report._common import problem_text

        for problem in tracker.problems:
            click.echo(problem_text(problem), err=True)
        click.echo(
            f"{options.output}: {options.fmt} · {tracker.tally(options.lang)} · {tracker.reason(options.lang)}",
            err=True,
        )
    return tracker.result


def _render_utf8(render: Callable[..., str], report: ProfileReport, *, lang: str, colour: bool) -> bytes:
    return render(report, lang=lang, colour=colour).encode("utf-8")


def _write_stream(
    options: ReportOptions,
    stream: StreamFormat,
    outcomes: Iterable[FileOutcome],
    closing: Callable[[], str] | None = None,
) -> None:
    from iza_check.report.stream import ReportHead

    problems: list[ProblemRef] = []
    written = 0
    with open_output(options.output) as out:
        write = _byte_writer(out)
        write(stream.head(ReportHead(options.peildatum, __version__, engine_name()), options.lang, options.colour).encode("utf-8"))
        separator = stream.separator.encode("utf-8")
        for outcome in outcomes:
            problems.extend(outcome.problems)
            if outcome.rendered is not None:
                if written:
                    write(separator)
                write(outcome.rendered)
                written += 1
        write(stream.tail(tuple(problems), written, options.lang, options.colour).encode("utf-8"))
        if closing is not None:
            write(closing().encode("utf-8"))
        out.flush()


def _byte_writer(out: TextIO) -> Callable[[bytes], object]:
    """Writes UTF-8 bytes to the stream's byte layer (the profiles come encoded by their worker)."""
    raw: BinaryIO | None = getattr(out, "buffer", None)
    if raw is None:  # a text-only stdout (an embedding program's StringIO)
        return lambda data: out.write(data.decode("utf-8"))
    out.flush()
    return raw.write


def _write_whole(options: ReportOptions, outcomes: Iterable[FileOutcome]) -> None:
    from iza_check.findings import Report
    from iza_check.report.registry import render

    profiles: list[ProfileReport] = []
    problems: list[ProblemRef] = []
    for outcome in outcomes:
        problems.extend(outcome.problems)
        if outcome.report is not None:
            profiles.append(outcome.report)
    report = Report(options.peildatum, __version__, engine_name(), tuple(profiles), tuple(problems))
    write_output(render(options.fmt, report, lang=options.lang, colour=options.colour), options.output)


def _load(rule_dirs: tuple[Path, ...]):  # type: ignore[no-untyped-def]
    from iza_check.resources import rules_dir
    from iza_check.rules.loader import load_catalogue

    return load_catalogue([rules_dir(), *rule_dirs])


def run_rules_lint(rule_dirs: tuple[Path, ...]) -> int:
    try:
        catalogue = _load(rule_dirs)
    except InputError as error:
        return _print_problems(error.problems)
    click.echo(f"{len(catalogue.rules)} regels gecontroleerd: geen fouten.")
    return EXIT_OK


def run_rules_test(rule_dirs: tuple[Path, ...], peildatum: object) -> int:
    from iza_check.engine import EngineUnavailable, create_engine
    from iza_check.rules.examples import run_examples

    date = peildatum.date() if isinstance(peildatum, dt.datetime) else dt.date.today()
    try:
        catalogue = _load(rule_dirs)
        engine = create_engine(catalogue)
    except InputError as error:
        return _print_problems(error.problems)
    except EngineUnavailable as error:
        return _engine_unavailable(error)
    results = run_examples(catalogue, engine, peildatum=date)
    failed = [r for r in results if not r.ok]
    for result in results:
        mark = "ok  " if result.ok else "FOUT"
        line = f"{mark} {result.rule_id}: {result.naam} — verwacht {result.expected}, kreeg {result.actual}"
        click.echo(line)
        if not result.ok and result.detail:
            click.echo(f"       {result.detail}")
    click.echo(f"{len(results)} voorbeelden, {len(results) - len(failed)} geslaagd, {len(failed)} mislukt.")
    return EXIT_FINDINGS if failed else EXIT_OK


def run_explain(rule_id: str, rule_dirs: tuple[Path, ...], lang: str) -> int:
    from iza_check.ruledocs import rule_markdown

    try:
        catalogue = _load(rule_dirs)
    except InputError as error:
        return _print_problems(error.problems)
    matches = [r for r in catalogue.rules if r.id.lower() == rule_id.lower()]
    if not matches:
        known = ", ".join(r.id for r in catalogue.rules)
        click.echo(f"Onbekende regel '{rule_id}'. Bekende regels: {known}", err=True)
        return EXIT_INVALID_INPUT
    click.echo(rule_markdown(matches[0], lang), nl=False)
    return EXIT_OK
