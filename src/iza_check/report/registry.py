"""Reporters by name. Each is a pure function of a Report plus options, returning the whole output as text."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from iza_check.assess.findings import Report
from iza_check.i18n import DEFAULT_LANG, LANGS
from iza_check.report.stream import StreamFormat, View


class Reporter(Protocol):
    def __call__(self, report: Report, *, lang: str = ..., colour: bool = ...) -> str: ...


@dataclass(frozen=True, slots=True)
class Format:
    """One report format: its module in iza_check.report (imported only when the format is used, so checking one
    profile does not pay for the others), the usual extension of its file, whether it can be written one profile
    at a time (the module has a STREAM; see report.stream), and whether it is for people (it follows a View: line
    width, the appendix; the machine formats always say everything)."""

    module: str
    extension: str
    streams: bool = False
    for_people: bool = False


# The one table of report formats; the CLI's choices, the streaming set and the extensions are read from it.
TABLE: dict[str, Format] = {
    "text": Format("text", ".txt", streams=True, for_people=True),
    "html": Format("html", ".html", for_people=True),
    "markdown": Format("markdown", ".md", streams=True, for_people=True),
    "json": Format("json_report", ".json", streams=True),
    "sarif": Format("sarif", ".sarif"),
    "junit": Format("junit", ".xml"),
    "github": Format("github", ".txt", streams=True),
    "concise": Format("concise", ".txt", streams=True),
    "gitlab": Format("gitlab", ".json"),
}
_MODULES: dict[str, str] = {name: entry.module for name, entry in TABLE.items()}
_STREAMING = frozenset(name for name, entry in TABLE.items() if entry.streams)
VIEWED = frozenset(name for name, entry in TABLE.items() if entry.for_people)


def _module(name: str) -> Any:
    return importlib.import_module(f"iza_check.report.{_MODULES[name]}")


class _Reporters(Mapping[str, Reporter]):
    def __getitem__(self, name: str) -> Reporter:
        if name not in _MODULES:
            raise KeyError(name)
        reporter: Reporter = _module(name).render
        return reporter

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


REPORTERS: Mapping[str, Reporter] = _Reporters()


def stream_format(name: str) -> StreamFormat | None:
    """The streaming pieces of format ``name``, or None when it needs the whole report at once."""
    if name not in _STREAMING:
        return None
    stream: StreamFormat = _module(name).STREAM
    return stream


# The usual file name extension per format, for commands that write a report to a file.
EXTENSIONS: dict[str, str] = {name: entry.extension for name, entry in TABLE.items()}
FORMATS: tuple[str, ...] = tuple(_MODULES)


def render(
    name: str, report: Report, *, lang: str = DEFAULT_LANG, colour: bool = False, view: View | None = None
) -> str:
    """Render ``report`` in format ``name``; ``colour`` only affects the text format (ANSI), ``view`` the formats
    for people (:data:`VIEWED`)."""
    reporter = REPORTERS.get(name)
    if reporter is None:
        raise ValueError(f"unknown report format {name!r}; choose one of: {', '.join(REPORTERS)}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of: {', '.join(LANGS)}")
    if view is not None and name in VIEWED:
        text: str = _module(name).render(report, lang=lang, colour=view.colour, view=view)
        return text
    return reporter(report, lang=lang, colour=colour)
