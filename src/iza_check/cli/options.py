"""The plain options object the CLI builds; the core never sees click."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from iza_check.cli.exitcodes import EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK
from iza_check.findings import Report, Severity

FORMATS = ("text", "html", "markdown", "json", "sarif", "junit", "github")
LANGS = ("nl", "en")
FAIL_LEVELS = ("verplicht", "aanbevolen", "never")

_FAILING: dict[str, frozenset[Severity]] = {
    "verplicht": frozenset({Severity.verplicht}),
    "aanbevolen": frozenset({Severity.verplicht, Severity.aanbevolen}),
    "never": frozenset(),
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

    @classmethod
    def build(cls, *, colour: bool | None, peildatum: object, output: Path | None, **kwargs: object) -> "ReportOptions":
        if colour is None:
            colour = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        date = peildatum.date() if isinstance(peildatum, dt.datetime) else (peildatum or dt.date.today())
        return cls(colour=colour, peildatum=date, output=output, **kwargs)  # type: ignore[arg-type]


def exit_code(report: Report, fail_on: str) -> int:
    """2 for invalid input; 1 for a gap at or above the fail level; else 0."""
    from iza_check.checker import gap_severities

    return exit_code_for(bool(report.problems), (gap_severities(p) for p in report.profiles), fail_on)


def exit_code_for(has_problems: bool, gaps: Iterable[frozenset[Severity]], fail_on: str) -> int:
    """The exit code from what a run kept: whether a file was broken, and the gap severities per profile."""
    if has_problems:
        return EXIT_INVALID_INPUT
    failing = _FAILING[fail_on]
    return EXIT_FINDINGS if any(failing & severities for severities in gaps) else EXIT_OK


@contextmanager
def open_output(output: Path | None) -> Iterator[TextIO]:
    """stdout, or a file written atomically: a half-written report never replaces a good one."""
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    directory = output.resolve().parent
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_output(text: str, output: Path | None) -> None:
    with open_output(output) as handle:
        handle.write(text)
