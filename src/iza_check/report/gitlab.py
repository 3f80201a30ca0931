"""GitLab Code Quality: a JSON array of issues, which a merge request shows beside the changed lines.

Each gap becomes an issue (required rule ``major``, recommended ``minor``, informative ``info``), each
*onbekend* an ``info``, and each file that could not be read a ``critical`` one. The fingerprint is stable
for the same profile, rule and outcome, so GitLab can tell new issues from fixed ones between pipelines.
See https://docs.gitlab.com/ee/ci/testing/code_quality.html (the format is Code Climate's subset).
"""

from __future__ import annotations

import hashlib
import json

from iza_check.assess.findings import Finding, Outcome, Report, Severity
from iza_check.problems import Problem
from iza_check.report._common import clean, finding_message

_SEVERITY = {Severity.verplicht: "major", Severity.aanbevolen: "minor", Severity.informatief: "info"}


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _path(file: str) -> str:
    return clean(file).replace("\\", "/")


def _issue(finding: Finding, lang: str) -> str | None:
    if finding.is_gap:
        severity = _SEVERITY[finding.severity]
    elif finding.outcome is Outcome.onbekend:
        severity = "info"
    else:
        return None
    issue = {
        "type": "issue",
        "check_name": clean(finding.rule_id),
        "description": f"{clean(finding.rule_id)} {finding_message(finding, lang)}",
        "severity": severity,
        "fingerprint": _fingerprint(finding.profile, finding.rule_id, finding.outcome.value),
        "location": {"path": _path(finding.profile), "lines": {"begin": finding.line or 1}},
    }
    return json.dumps(issue, ensure_ascii=False, sort_keys=True)


def _problem(problem: Problem) -> str:
    where = f" [{problem.field_path}]" if problem.field_path else ""
    issue = {
        "type": "issue",
        "check_name": clean(problem.code),
        "description": clean(f"{problem.message}{where} ({problem.code})"),
        "severity": "critical",
        "fingerprint": _fingerprint(problem.file, problem.code, str(problem.line), str(problem.column)),
        "location": {"path": _path(problem.file), "lines": {"begin": problem.line or 1}},
    }
    return json.dumps(issue, ensure_ascii=False, sort_keys=True)


def render(report: Report, *, lang: str = "nl", colour: bool = False) -> str:
    del colour
    issues = [issue for profile in report.profiles for f in profile.findings if (issue := _issue(f, lang)) is not None]
    issues += [_problem(problem) for problem in report.problems]
    return "[" + ",".join(f"\n{issue}" for issue in issues) + ("\n" if issues else "") + "]\n"
