"""GitHub Actions workflow commands: annotations on the profile lines in a pull request.

``::error`` for gaps at verplicht and for files that could not be read, ``::warning`` for gaps at
aanbevolen, ``::notice`` for onbekend (and for informative gaps). Escaping follows GitHub's rules, so a
profile text can never end a command early or start a new one.
"""

from __future__ import annotations

from iza_check.assess.findings import Finding, Outcome, ProfileReport, Report, Severity
from iza_check.i18n import t
from iza_check.problems import Problem
from iza_check.report._common import clean, finding_message
from iza_check.report.stream import ReportHead, StreamFormat, compose

_DATA = {ord("%"): "%25", ord("\r"): "%0D", ord("\n"): "%0A"}
_PROPERTY = {**_DATA, ord(":"): "%3A", ord(","): "%2C"}
_COMMAND: dict[Severity, str] = {
    Severity.verplicht: "error",
    Severity.aanbevolen: "warning",
    Severity.informatief: "notice",
}


def escape_data(text: str) -> str:
    return clean(text, keep_newlines=True).translate(_DATA)


def escape_property(text: str) -> str:
    return clean(text, keep_newlines=True).translate(_PROPERTY)


def _command(kind: str, message: str, *, file: str, line: int | None, column: int | None, title: str) -> str:
    props = [f"file={escape_property(file.replace(chr(92), '/'))}"]
    if line is not None:
        props.append(f"line={line}")
        if column is not None:
            props.append(f"col={column}")
    props.append(f"title={escape_property(title)}")
    return f"::{kind} {','.join(props)}::{escape_data(message)}"


def _finding(finding: Finding, lang: str) -> str | None:
    if finding.is_gap:
        kind = _COMMAND[finding.severity]
    elif finding.outcome is Outcome.onbekend:
        kind = "notice"
    else:
        return None
    return _command(
        kind,
        finding_message(finding, lang),
        file=finding.profile,
        line=finding.line,
        column=finding.column,
        title=f"{finding.rule_id} {finding.title.get(lang)}",
    )


def _problem(problem: Problem, lang: str) -> str:
    where = f" [{problem.field_path}]" if problem.field_path else ""
    return _command(
        "error",
        f"{problem.message}{where} ({problem.code})",
        file=problem.file,
        line=problem.line,
        column=problem.column,
        title=t("sarif.invalid_input.name", lang),
    )


def _head(head: ReportHead, lang: str, colour: bool) -> str:
    return ""


def _profile(profile: ProfileReport, lang: str, colour: bool) -> str:
    commands = (_finding(finding, lang) for finding in profile.findings)
    return "".join(f"{command}\n" for command in commands if command is not None)


def _tail(problems: tuple[Problem, ...], written: int, lang: str, colour: bool) -> str:
    return "".join(f"{_problem(problem, lang)}\n" for problem in problems)


STREAM = StreamFormat(head=_head, profile=_profile, separator="", tail=_tail)


def render(report: Report, *, lang: str = "nl", colour: bool = False) -> str:
    return compose(STREAM, report, lang, colour)
