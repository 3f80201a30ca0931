"""Reporters by name. Each is a pure function of a Report plus options, returning the whole output as text."""

from __future__ import annotations

from typing import Protocol

from iza_check.findings import Report
from iza_check.i18n import DEFAULT_LANG, LANGS
from iza_check.report import github, html, json_report, junit, markdown, sarif, text
from iza_check.report.stream import StreamFormat


class Reporter(Protocol):
    def __call__(self, report: Report, *, lang: str = ..., colour: bool = ...) -> str: ...


REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "html": html.render,
    "markdown": markdown.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
}

# Formats that can be written one profile at a time (see report.stream); the others need the whole report.
STREAMS: dict[str, StreamFormat] = {
    "text": text.STREAM,
    "markdown": markdown.STREAM,
    "json": json_report.STREAM,
    "github": github.STREAM,
}

# The usual file name extension per format, for commands that write a report to a file.
EXTENSIONS: dict[str, str] = {
    "text": ".txt",
    "html": ".html",
    "markdown": ".md",
    "json": ".json",
    "sarif": ".sarif",
    "junit": ".xml",
    "github": ".txt",
}


def render(name: str, report: Report, *, lang: str = DEFAULT_LANG, colour: bool = False) -> str:
    """Render ``report`` in format ``name``; ``colour`` only affects the text format (ANSI)."""
    reporter = REPORTERS.get(name)
    if reporter is None:
        raise ValueError(f"unknown report format {name!r}; choose one of: {', '.join(REPORTERS)}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of: {', '.join(LANGS)}")
    return reporter(report, lang=lang, colour=colour)
