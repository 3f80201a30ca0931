"""The plain options object the CLI builds (the core never sees click), the exit code it tracks, and the option
types of the report formats, the failing level and the engine. Where profiles come from is in
:mod:`iza_check.cli.inputs`, where reports go in :mod:`iza_check.cli.outputs`."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from iza_check.assess.findings import Severity, VerdictKind
from iza_check.cli.exitcodes import EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK
from iza_check.cli.lang import say
from iza_check.cli.outputs import Target, text_width
from iza_check.engine import BACKENDS
from iza_check.problems import Problem
from iza_check.report.registry import FORMATS as REPORT_FORMATS

if TYPE_CHECKING:
    from iza_check.assess.findings import FileOutcome

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


def no_profiles(lang: str | None = None) -> str:
    """The line for a run that found no profile, in ``lang`` (else the output language)."""
    return say(NO_PROFILES, "No profiles found (*.yaml, *.yml).", lang)


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
    # Every report of a ``check`` run; empty: the one in ``fmt`` to ``output`` (see sinks()).
    targets: tuple[Target, ...] = ()
    appendix: bool = False  # the reports for people with their appendix (--appendix)

    @classmethod
    def build(
        cls,
        *,
        colour: bool | None,
        peildatum: object,
        output: Path | None,
        targets: Sequence[tuple[str, Path | None, bool]] = (),
        **kwargs: object,
    ) -> ReportOptions:
        """``colour`` None: colour where the report goes to a terminal (each target on its own)."""
        date = peildatum.date() if isinstance(peildatum, dt.datetime) else (peildatum or dt.date.today())
        appendix = bool(kwargs.get("appendix", False))
        reports = tuple(
            Target(fmt, path, _colour(colour, path), quiet, text_width(path), appendix) for fmt, path, quiet in targets
        )
        return cls(colour=_colour(colour, output), peildatum=date, output=output, targets=reports, **kwargs)  # type: ignore[arg-type]

    def sinks(self) -> tuple[Target, ...]:
        """The reports to write: ``targets``, or the one in ``fmt`` to ``output``."""
        return self.targets or (
            Target(self.fmt, self.output, self.colour, self.quiet, text_width(self.output), self.appendix),
        )


def _colour(colour: bool | None, path: Path | None) -> bool:
    return colour if colour is not None else path is None and colour_wanted(sys.stdout)


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
        self.problems: list[Problem] = []
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
