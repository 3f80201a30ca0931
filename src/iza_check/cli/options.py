"""The plain options object the CLI builds; the core never sees click."""

from __future__ import annotations

import datetime as dt
import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from iza_check.cli.exitcodes import EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK
from iza_check.engine import BACKENDS
from iza_check.findings import ProblemRef, Severity, VerdictKind
from iza_check.report.registry import FORMATS as REPORT_FORMATS
from iza_check.writing import is_special, replace_mode

if TYPE_CHECKING:
    from iza_check.checker import FileOutcome

FORMATS = REPORT_FORMATS
LANGS = ("nl", "en")
FAIL_LEVELS = ("verplicht", "aanbevolen", "nooit")
# The English word of earlier versions, still understood.
FAIL_LEVEL_ALIASES = {"never": "nooit"}


class FailLevel(click.Choice):
    """The --fail-on levels, in Dutch; the old English 'never' still works and means 'nooit'."""

    def __init__(self) -> None:
        super().__init__(FAIL_LEVELS)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return super().convert(FAIL_LEVEL_ALIASES.get(value, value), param, ctx)
NO_PROFILES = "Geen profielen gevonden (*.yaml, *.yml)."


def _choose_engine(_ctx: object, _param: object, value: str | None) -> None:
    from iza_check.engine import choose_backend

    choose_backend(value)


ENGINE = click.option(
    "--engine",
    type=click.Choice(BACKENDS),
    default=None,
    envvar="IZA_CHECK_ENGINE",
    expose_value=False,
    callback=_choose_engine,
    help="Welke regelengine de regels toepast: durable (durable-rules) of python (de eigen evaluator van "
    "iza-check, dezelfde uitkomsten). Standaard durable waar die laadt (Python 3.11 en 3.12), anders python.",
)

_FAILING: dict[str, frozenset[Severity]] = {
    "verplicht": frozenset({Severity.verplicht}),
    "aanbevolen": frozenset({Severity.verplicht, Severity.aanbevolen}),
    "nooit": frozenset(),
}


@dataclass(frozen=True, slots=True)
class ReportOptions:
    paths: tuple[Path, ...]
    fmt: str
    output: Path | None
    lang: str
    fail_on: str
    colour: bool
    jobs: int
    rule_dirs: tuple[Path, ...]
    peildatum: dt.date
    max_bytes: int
    quiet: bool = False
    fail_on_unknown: bool = False

    @classmethod
    def build(cls, *, colour: bool | None, peildatum: object, output: Path | None, **kwargs: object) -> "ReportOptions":
        if colour is None:
            colour = output is None and colour_wanted(sys.stdout)
        date = peildatum.date() if isinstance(peildatum, dt.datetime) else (peildatum or dt.date.today())
        return cls(colour=colour, peildatum=date, output=output, **kwargs)  # type: ignore[arg-type]


def colour_wanted(stream: object) -> bool:
    """Colour by the usual conventions: a non-empty NO_COLOR turns it off, a non-empty FORCE_COLOR on (also
    into a pipe or a CI log); otherwise only on a terminal that is not ``TERM=dumb``."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


class ExitTracker:
    """The ``check`` exit code, worked out one outcome at a time, keeping no report: 2 for any invalid file
    (or none at all), 1 for a gap at the fail level, else 0."""

    def __init__(self, fail_on: str, fail_on_unknown: bool = False) -> None:
        self.fail_on = FAIL_LEVEL_ALIASES.get(fail_on, fail_on)
        self.fail_on_unknown = fail_on_unknown
        self.files = 0
        self.has_problems = False
        self.gaps: set[frozenset[Severity]] = set()
        self.broken = 0
        self.problems: list[ProblemRef] = []
        self.gap_count = 0
        self.verdicts: dict[VerdictKind, int] = {}

    def watch(self, outcomes: Iterable[FileOutcome]) -> Iterator[FileOutcome]:
        for outcome in outcomes:
            self.files += 1
            self.has_problems = self.has_problems or bool(outcome.problems)
            self.broken += bool(outcome.problems)
            self.problems.extend(outcome.problems)
            self.gaps.add(outcome.gap_severities())
            if self.fail_on_unknown:
                self.gaps.add(outcome.unknown_severities())
            kind = outcome.verdict_kind()
            if kind is not None:
                self.verdicts[kind] = self.verdicts.get(kind, 0) + 1
                self.gap_count += outcome.gaps_counted()
            yield outcome

    def tally(self, lang: str) -> str:
        """What the run found, in one line (see report.concise.tally_text)."""
        from iza_check.report.concise import tally_text

        return tally_text(self.verdicts, self.gap_count, self.broken, lang)

    def reason(self, lang: str) -> str:
        """Why the run ends with its exit code, in a few words."""
        code = self.result
        nl, en = (
            (f"geen tekorten op niveau --fail-on {self.fail_on}", f"no gaps at level --fail-on {self.fail_on}")
            if code == EXIT_OK
            else (
                f"tekorten{' of onbekende regels' if self.fail_on_unknown else ''} op niveau --fail-on {self.fail_on}",
                f"gaps{' or unknown rules' if self.fail_on_unknown else ''} at level --fail-on {self.fail_on}",
            )
            if code == EXIT_FINDINGS
            else ("geen profielen gevonden", "no profiles found")
            if self.files == 0
            else ("ongeldige invoer: niet elk bestand kon worden gelezen", "invalid input: not every file could be read")
        )
        return f"exitcode {code}: {en if lang == 'en' else nl}"

    @property
    def result(self) -> int:
        if self.files == 0 or self.has_problems:
            return EXIT_INVALID_INPUT
        failing = _FAILING[self.fail_on]
        return EXIT_FINDINGS if any(failing & severities for severities in self.gaps) else EXIT_OK


def cannot_write(output: Path | None, error: OSError) -> str:
    return f"{output or '<stdout>'}: kan niet schrijven ({error.strerror or error})."


def output_is_input(output: Path | None, inputs: Iterable[Path]) -> Path | None:
    """The input profile file that writing the report to ``output`` would replace, or None.

    ``inputs`` are the command's arguments: files, directories and patterns, expanded the way the
    profiles are found. The same file is the same file through a symbolic or a hard link (device and
    inode). Only an existing regular file can be an input, so without one nothing is searched.
    """
    if output is None:
        return None
    try:
        target = os.stat(output)
    except (OSError, ValueError):
        return None  # not there (yet): it cannot be an input; a real problem shows when it is written
    if not stat.S_ISREG(target.st_mode):
        return None  # /dev/null, a FIFO: written into, never replaced
    from iza_check.profile.loader import iter_profile_files

    for item in iter_profile_files(inputs):
        if isinstance(item, Path):
            try:
                if os.path.samestat(os.stat(item), target):
                    return item
            except (OSError, ValueError):
                continue
    return None


def refuse_output_over_input(output: Path | None, inputs: Iterable[Path]) -> bool:
    """True, after saying why on stderr, when the report would replace one of the input files.

    Called by ``check``, ``check --summary``, ``overview`` and ``diff`` before anything is read or written.
    """
    same = output_is_input(output, inputs)
    if same is None:
        return False
    click.echo(
        f"{output}: dit uitvoerbestand is het invoerbestand {same}; het rapport zou het profiel "
        "overschrijven. Kies een ander bestand voor --output.",
        err=True,
    )
    return True


def dash_is_stdout(_ctx: object, _param: object, value: Path | None) -> Path | None:
    """The ``--output`` callback: ``-o -`` means stdout, as in most command-line tools."""
    return None if value is not None and str(value) == "-" else value


@contextmanager
def open_output(output: Path | None) -> Iterator[TextIO]:
    """stdout, or a file written atomically: a half-written report never replaces a good one.

    A device or FIFO (``/dev/null``, ``/dev/stdout``) is written into, never replaced; through a
    symbolic link, the file it points to is replaced and the link kept. The report gets the mode of
    the file it replaces, or that of a new file.
    """
    if output is None:
        yield from _stdout_utf8()
        return
    if is_special(output):
        with open(output, "w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    target = output.resolve()
    mode = replace_mode(target)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _stdout_utf8() -> Iterator[TextIO]:
    """stdout, getting the bytes a report file gets: UTF-8 whatever the locale (a character the terminal's
    encoding lacks must not stop the report) and line ends as written (a CSV keeps its CRLF everywhere)."""
    stdout = sys.stdout
    buffer = getattr(stdout, "buffer", None)
    if buffer is None:  # a text-only stdout (an embedding program's StringIO)
        yield stdout
        stdout.flush()
        return
    stdout.flush()
    exact = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield exact
    finally:
        exact.flush()
        exact.detach()  # stdout's own byte stream stays open


def write_output(text: str, output: Path | None) -> None:
    with open_output(output) as handle:
        handle.write(text)
