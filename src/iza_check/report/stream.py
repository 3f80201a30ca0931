"""Formats that can be written one profile at a time: a head, one fragment per profile, a tail.

A batch of thousands then never holds every report in memory, and the fragments can be rendered in the
worker processes that judged the profiles. ``compose`` builds the whole text from the same pieces, so a
report written in one go and one written as a stream are the same, byte for byte.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from iza_check.findings import ProblemRef, ProfileReport, Report


@dataclass(frozen=True, slots=True)
class ReportHead:
    """What a report says before its first profile."""

    peildatum: dt.date
    tool_version: str
    engine: str


@dataclass(frozen=True, slots=True)
class StreamFormat:
    head: Callable[[ReportHead, str, bool], str]
    profile: Callable[[ProfileReport, str, bool], str]
    separator: str
    # The problems of files that could not be judged, and how many profiles were written.
    tail: Callable[[tuple[ProblemRef, ...], int, str, bool], str]


def compose(stream: StreamFormat, report: Report, lang: str, colour: bool) -> str:
    parts = [stream.head(ReportHead(report.peildatum, report.tool_version, report.engine), lang, colour)]
    for index, profile in enumerate(report.profiles):
        if index:
            parts.append(stream.separator)
        parts.append(stream.profile(profile, lang, colour))
    parts.append(stream.tail(report.problems, len(report.profiles), lang, colour))
    return "".join(parts)
