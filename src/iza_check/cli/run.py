"""The CLI's glue: call the core with a plain options object, print, return an exit code."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

import click

from iza_check import __version__
from iza_check.assess.findings import ProfileReport
from iza_check.cli.exitcodes import EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK
from iza_check.cli.lang import say
from iza_check.cli.options import ExitTracker, ReportOptions, no_profiles
from iza_check.cli.outputs import NamedOutput, OutputError, Target, cannot_write, refuse_outputs_over_inputs
from iza_check.cli.progress import interactive, with_progress
from iza_check.engine import engine_name
from iza_check.problems import InputError, Problem

if TYPE_CHECKING:
    from iza_check.assess.findings import FileOutcome
    from iza_check.checker import TooManyProfiles
    from iza_check.report.stream import StreamFormat, View


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
    """Check the profiles once and write every report of ``options.sinks()`` from the same outcomes."""
    from iza_check.checker import TooManyProfiles
    from iza_check.engine import EngineUnavailable

    targets = options.sinks()
    outputs = [(target.path, _option_for(target, options)) for target in targets]
    if refuse_outputs_over_inputs(outputs, options.paths):
        return EXIT_INVALID_INPUT
    skipped: tuple[Target, ...] = ()
    try:
        try:
            tracker = _check_into(options, targets)
        except TooManyProfiles as error:
            # Nothing was checked yet. The whole-report formats are not written; the others (the log that
            # shows everything) are, so a CI job still shows every finding, and the run ends with 2.
            skipped = tuple(target for target in targets if _stream_of(target) is None)
            targets = tuple(target for target in targets if target not in skipped)
            click.echo(_too_many_message(skipped, error, written=bool(targets), lang=options.lang), err=True)
            if not targets:
                return EXIT_INVALID_INPUT
            tracker = _check_into(options, targets)
    except InputError as error:
        return _print_problems(error.problems)
    except EngineUnavailable as error:
        return _engine_unavailable(error)
    except OutputError as error:
        click.echo(cannot_write(error.path, error.error, options.lang), err=True)
        return EXIT_INVALID_INPUT
    if not tracker.files:
        click.echo(no_profiles(options.lang), err=True)
    files = [target for target in targets if target.path is not None]
    if files or skipped:
        # Say what was written and why the run ends as it does; when no report reached the log, also the
        # files that could not be read (the cause of an exit code 2), each on its own line.
        from iza_check.report._common import problem_text

        if all(target.path is not None for target in targets):
            for problem in tracker.problems:
                click.echo(problem_text(problem), err=True)
        written = ", ".join(f"{target.path}: {target.fmt}" for target in files)
        reason = _not_written_reason(skipped, options.lang) if skipped else tracker.reason(options.lang)
        click.echo(" · ".join(part for part in (written, tracker.tally(options.lang), reason) if part), err=True)
    return EXIT_INVALID_INPUT if skipped else tracker.result


def _option_for(target: Target, options: ReportOptions) -> str:
    """The option that named a report's file, for a message about it."""
    return "--output" if target.path == options.output else f"--format {target.fmt}=" + say("BESTAND", "FILE", options.lang)


def _stream_of(target: Target) -> StreamFormat | None:
    """How a target is written profile by profile, or None when its format needs the whole report."""
    from iza_check.report.registry import stream_format

    if target.quiet:
        from iza_check.report.concise import QUIET

        return QUIET
    return stream_format(target.fmt)


@dataclass(frozen=True, slots=True)
class _TooManyWords:
    """The words of the message about formats that hold the whole report and so have a limit: joining the format
    names, the verbs and noun for one format and for several, and the sentences."""

    join: str
    one: tuple[str, str, str]
    several: tuple[str, str, str]
    head: str
    written: str
    nothing: str


_TOO_MANY: dict[str, _TooManyWords] = {
    "nl": _TooManyWords(
        join=" en ",
        one=("maakt", "is", "dat rapport"),
        several=("maken elk", "zijn", "die rapporten"),
        head="{names} {makes} één document van het hele rapport en {is_} daarom begrensd op {limit} profielen; "
        "dit zijn er {count}. ",
        written="{Report} {is_} niet geschreven; de andere vormen wel (die schrijven elk profiel meteen weg, voor "
        "elk aantal). Verdeel de profielen over meer runs voor {report}.",
        nothing="Er is niets gecontroleerd of geschreven. Gebruik --format json of --format concise (die schrijven "
        "elk profiel meteen weg, voor elk aantal), of verdeel de profielen over meer runs.",
    ),
    "en": _TooManyWords(
        join=" and ",
        one=("makes", "is", "that report"),
        several=("each make", "are", "those reports"),
        head="{names} {makes} one document of the whole report and {is_} therefore limited to {limit} profiles; "
        "these are {count}. ",
        written="{Report} {is_} not written; the other formats are (they write each profile at once, for any "
        "number). Split the profiles over more runs for {report}.",
        nothing="Nothing was checked or written. Use --format json or --format concise (they write each profile "
        "at once, for any number), or split the profiles over more runs.",
    ),
}


def _too_many_message(skipped: tuple[Target, ...], error: TooManyProfiles, *, written: bool, lang: str = "nl") -> str:
    words = _TOO_MANY["en" if lang == "en" else "nl"]
    names = words.join.join(f"--format {target.fmt}" for target in skipped)
    makes, is_, report = words.one if len(skipped) == 1 else words.several
    head = words.head.format(names=names, makes=makes, is_=is_, limit=error.limit, count=error.count)
    tail = (words.written if written else words.nothing).format(Report=report.capitalize(), is_=is_, report=report)
    return head + tail


def _not_written_reason(skipped: tuple[Target, ...], lang: str) -> str:
    names = ", ".join(f"--format {target.fmt}" for target in skipped)
    if lang == "en":
        return f"exitcode {EXIT_INVALID_INPUT}: not written, too many profiles: {names}"
    return f"exitcode {EXIT_INVALID_INPUT}: niet geschreven, te veel profielen: {names}"


def _check_into(options: ReportOptions, targets: tuple[Target, ...]) -> ExitTracker:
    """Check the profiles once and write each target from the same outcomes.

    The streaming formats are written profile by profile: rendered in the worker that judged the profile
    when every target streams (several formats packed into one message, see _render_packed), else here
    from the report, which the whole-report formats (bounded, see WHOLE_REPORT_MAX_PROFILES) keep until
    the end. Every target is opened before the first profile is written and put in place only when the
    run is complete: a stop (Ctrl-C, SIGTERM, a failed write) leaves each file as it was.
    """
    from iza_check.assess.findings import Report
    from iza_check.checker import CheckOptions, check_paths
    from iza_check.report.registry import render as render_whole
    from iza_check.report.stream import ReportHead

    kinds = [_stream_of(target) for target in targets]
    streams = [(index, stream) for index, stream in enumerate(kinds) if stream is not None]
    whole = [index for index, stream in enumerate(kinds) if stream is None]
    render: Callable[[ProfileReport], bytes] | None = None
    if not whole and len(streams) == 1:
        render = partial(_render_utf8, streams[0][1].profile, lang=options.lang, colour=targets[streams[0][0]].shown)
    elif not whole:
        pieces = tuple((stream.profile, targets[index].shown) for index, stream in streams)
        render = partial(_render_packed, pieces, lang=options.lang)
    check_options = CheckOptions(
        paths=options.paths,
        rule_dirs=options.rule_dirs,
        peildatum=options.peildatum,
        max_bytes=options.max_bytes,
        jobs=options.jobs,
        render=render,
        max_files=WHOLE_REPORT_MAX_PROFILES if whole else None,
    )
    outcomes = check_paths(check_options)
    # The first outcome comes after the catalogue has loaded: a broken rule file stops the run
    # before anything is written.
    first = next(outcomes, None)
    all_outcomes: Iterable[FileOutcome] = chain(() if first is None else (first,), outcomes)
    # A counter on stderr only when no report goes to the same terminal.
    to_stdout = any(target.path is None for target in targets)
    show = interactive(sys.stderr) and (not to_stdout or not sys.stdout.isatty())
    all_outcomes = with_progress(all_outcomes, sys.stderr, lang=options.lang, enabled=show)
    tracker = ExitTracker(options.fail_on, options.fail_on_unknown)
    problems: list[Problem] = []
    profiles: list[ProfileReport] = []
    written = 0
    with ExitStack() as stack:
        sinks = [_Sink(target, stack) for target in targets]
        head = ReportHead(options.peildatum, __version__, engine_name())
        for index, stream in streams:
            sinks[index].write(stream.head(head, options.lang, targets[index].shown))
        for outcome in tracker.watch(all_outcomes):
            problems.extend(outcome.problems)
            if render is not None:
                if outcome.rendered is None:
                    continue
                fragments = [outcome.rendered] if len(streams) == 1 else _unpack(outcome.rendered)
            else:
                if outcome.report is None:
                    continue
                profiles.append(outcome.report)
                fragments = [
                    stream.profile(outcome.report, options.lang, targets[index].shown).encode("utf-8")
                    for index, stream in streams
                ]
            for (index, stream), fragment in zip(streams, fragments, strict=True):
                if written:
                    sinks[index].write(stream.separator)
                sinks[index].write(fragment)
            written += 1
        for index, stream in streams:
            sinks[index].write(stream.tail(tuple(problems), written, options.lang, targets[index].shown))
            if targets[index].fmt == "concise":  # the concise form ends with the run's tally
                sinks[index].write(tracker.tally(options.lang) + "\n")
        if whole:
            report = Report(options.peildatum, __version__, engine_name(), tuple(profiles), tuple(problems))
            for index in whole:
                target = targets[index]
                sinks[index].write(
                    render_whole(target.fmt, report, lang=options.lang, colour=target.colour, view=target.view)
                )
        for sink in sinks:
            sink.flush()
    return tracker


class _Sink:
    """One report being written: opened in ``stack`` (atomically, see open_output), taking text or the
    UTF-8 bytes a worker made; a failure names this report's path (OutputError)."""

    def __init__(self, target: Target, stack: ExitStack) -> None:
        self.path = target.path
        self.out = stack.enter_context(NamedOutput(target.path))
        self._write = _byte_writer(self.out)

    def write(self, data: str | bytes) -> None:
        try:
            self._write(data.encode("utf-8") if isinstance(data, str) else data)
        except OSError as error:
            raise OutputError(self.path, error) from error

    def flush(self) -> None:
        try:
            self.out.flush()
        except OSError as error:
            raise OutputError(self.path, error) from error


def _render_utf8(render: Callable[..., str], report: ProfileReport, *, lang: str, colour: bool | View) -> bytes:
    return render(report, lang, colour).encode("utf-8")


def _render_packed(
    renders: tuple[tuple[Callable[..., str], bool | View], ...], report: ProfileReport, *, lang: str
) -> bytes:
    """Every streaming format of a run for one profile, in the worker, as one message: each part's length
    (8 bytes) before it. The parent splits it with _unpack."""
    parts = [render(report, lang, colour).encode("utf-8") for render, colour in renders]
    return b"".join(len(part).to_bytes(8, "big") + part for part in parts)


def _unpack(packed: bytes) -> list[bytes]:
    parts: list[bytes] = []
    view = memoryview(packed)
    index = 0
    while index < len(view):
        size = int.from_bytes(view[index:index + 8], "big")
        parts.append(bytes(view[index + 8:index + 8 + size]))
        index += 8 + size
    return parts


def _byte_writer(out: TextIO) -> Callable[[bytes], object]:
    """Writes UTF-8 bytes to the stream's byte layer (the profiles come encoded by their worker)."""
    raw: BinaryIO | None = getattr(out, "buffer", None)
    if raw is None:  # a text-only stdout (an embedding program's StringIO)
        return lambda data: out.write(data.decode("utf-8"))
    out.flush()
    return raw.write


def run_rules_lint(rule_dirs: tuple[Path, ...]) -> int:
    from iza_check.rules import load_rules

    try:
        catalogue = load_rules(rule_dirs)
    except InputError as error:
        return _print_problems(error.problems)
    count = len(catalogue.rules)
    click.echo(say(f"{count} regels gecontroleerd: geen fouten.", f"{count} rules checked: no errors."))
    return EXIT_OK


def run_rules_test(rule_dirs: tuple[Path, ...], peildatum: object) -> int:
    from iza_check.engine import EngineUnavailable, create_engine
    from iza_check.rules import load_rules
    from iza_check.rules.examples import run_examples

    date = peildatum.date() if isinstance(peildatum, dt.datetime) else dt.date.today()
    try:
        catalogue = load_rules(rule_dirs)
        engine = create_engine(catalogue)
    except InputError as error:
        return _print_problems(error.problems)
    except EngineUnavailable as error:
        return _engine_unavailable(error)
    results = run_examples(catalogue, engine, peildatum=date)
    failed = [r for r in results if not r.ok]
    for result in results:
        mark = "ok  " if result.ok else say("FOUT", "FAIL")
        line = f"{mark} {result.rule_id}: {result.naam} — " + say(
            f"verwacht {result.expected}, kreeg {result.actual}", f"expected {result.expected}, got {result.actual}"
        )
        click.echo(line)
        if not result.ok and result.detail:
            click.echo(f"       {result.detail}")
    total, passed = len(results), len(results) - len(failed)
    click.echo(
        say(
            f"{total} voorbeelden, {passed} geslaagd, {len(failed)} mislukt.",
            f"{total} examples, {passed} passed, {len(failed)} failed.",
        )
    )
    return EXIT_FINDINGS if failed else EXIT_OK


def run_explain(rule_id: str, rule_dirs: tuple[Path, ...], lang: str) -> int:
    from iza_check.rules import load_rules
    from iza_check.rules.docs import rule_markdown

    try:
        catalogue = load_rules(rule_dirs)
    except InputError as error:
        return _print_problems(error.problems)
    matches = [r for r in catalogue.rules if r.id.lower() == rule_id.lower()]
    if not matches:
        known = ", ".join(r.id for r in catalogue.rules)
        click.echo(
            say(f"Onbekende regel '{rule_id}'. Bekende regels: {known}", f"Unknown rule '{rule_id}'. Known rules: {known}", lang),
            err=True,
        )
        return EXIT_INVALID_INPUT
    click.echo(rule_markdown(matches[0], lang), nl=False)
    return EXIT_OK
