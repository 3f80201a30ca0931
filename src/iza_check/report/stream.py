"""Formats that can be written one profile at a time: a head, one fragment per profile, a tail.

A batch of thousands then never holds every report in memory, and the fragments can be rendered in the
worker processes that judged the profiles. ``compose`` builds the whole text from the same pieces, so a
report written in one go and one written as a stream are the same, byte for byte.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from iza_check.assess.findings import ProfileReport, Report
from iza_check.problems import Problem


@dataclass(frozen=True, slots=True)
class ReportHead:
    """What a report says before its first profile."""

    peildatum: dt.date
    tool_version: str
    engine: str


@dataclass(frozen=True, slots=True)
class View:
    """How a report for people is shown: colour (text), line width (text) and the appendix (text, markdown,
    HTML). Machine formats ignore it."""

    colour: bool = False
    width: int = 100
    appendix: bool = False


def view_of(value: bool | View) -> View:
    """A :class:`View` from a view or from the plain colour flag that callers passed before views existed."""
    return value if isinstance(value, View) else View(colour=bool(value))


@dataclass(frozen=True, slots=True)
class StreamFormat:
    # The third argument is the colour flag, or a View for the formats for people (see registry.VIEWED).
    head: Callable[[ReportHead, str, Any], str]
    profile: Callable[[ProfileReport, str, Any], str]
    separator: str
    # The problems of files that could not be judged, and how many profiles were written.
    tail: Callable[[tuple[Problem, ...], int, str, Any], str]


def compose(stream: StreamFormat, report: Report, lang: str, view: bool | View) -> str:
    parts = [stream.head(ReportHead(report.peildatum, report.tool_version, report.engine), lang, view)]
    for index, profile in enumerate(report.profiles):
        if index:
            parts.append(stream.separator)
        parts.append(stream.profile(profile, lang, view))
    parts.append(stream.tail(report.problems, len(report.profiles), lang, view))
    return "".join(parts)
