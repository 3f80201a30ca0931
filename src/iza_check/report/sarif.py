"""SARIF 2.1.0 for code-scanning tools: one run, the rules seen, results for gaps and unknowns.

Gaps take their level from the rule's severity; ``onbekend`` is a note; files that could not be read are
results of the rule ``invalid-input``. Columns are counted in code points, as the profile loader does.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from typing import Any
from urllib.parse import quote_from_bytes

from iza_check.assess.findings import Finding, Outcome, Report, Severity
from iza_check.i18n import t
from iza_check.problems import Problem
from iza_check.report._common import clean, finding_message, safe_url

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INVALID_INPUT = "invalid-input"
LEVEL: dict[Severity, str] = {
    Severity.verplicht: "error",
    Severity.aanbevolen: "warning",
    Severity.informatief: "note",
}


def artifact_uri(path: str) -> str:
    """The file's URI reference (RFC 3986): the bytes of its name percent-encoded, ``/`` between folders.

    Encoded from the name's bytes, never from a cleaned-up text: a ``\\`` in a POSIX name, a newline or a
    byte that is not UTF-8 (Python's surrogate escapes) all point at the very file. Only where ``\\`` is the
    separator (Windows) does it become ``/``. Relative paths stay relative (a ``:`` is encoded, so a first
    segment never reads as a scheme); absolute ones become ``file://`` URIs.
    """
    if os.sep != "/":
        path = path.replace(os.sep, "/")
        if os.altsep and os.altsep != "/":
            path = path.replace(os.altsep, "/")
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate that no file name decodes to
        raw = path.encode("utf-8", "surrogatepass")
    while raw.startswith(b"./"):
        raw = raw[2:]
    if os.sep != "/" and re.match(rb"[A-Za-z]:/", raw):  # a drive letter: C:/x -> file:///C:/x
        return "file:///" + quote_from_bytes(raw, safe="/:")
    if raw.startswith(b"/"):
        return "file://" + quote_from_bytes(raw, safe="/")
    return quote_from_bytes(raw, safe="/")


def _location(path: str, line: int | None, column: int | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(path)}}
    if line is not None:
        region: dict[str, Any] = {"startLine": line}
        if column is not None:
            region["startColumn"] = column
        physical["region"] = region
    return {"physicalLocation": physical}


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "replace")).hexdigest()[:32]


def _rule(finding: Finding, lang: str) -> dict[str, Any]:
    title = clean(finding.title.get(lang))
    full = f"{title}. {t('finding.source', lang)}: {clean(finding.source)}" if finding.source else title
    rule: dict[str, Any] = {
        "id": clean(finding.rule_id),
        "name": title,
        "shortDescription": {"text": title},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": LEVEL[finding.severity]},
        "properties": {"group": clean(finding.group), "severity": finding.severity.value},
    }
    link = safe_url(finding.link)
    if link:
        rule["helpUri"] = link
    return rule


def _invalid_input_rule(lang: str) -> dict[str, Any]:
    name = t("sarif.invalid_input.name", lang)
    return {
        "id": INVALID_INPUT,
        "name": name,
        "shortDescription": {"text": name},
        "fullDescription": {"text": t("sarif.invalid_input.text", lang)},
        "defaultConfiguration": {"level": "error"},
    }


def _finding_result(finding: Finding, index: int, lang: str) -> dict[str, Any]:
    level = LEVEL[finding.severity] if finding.is_gap else "note"
    return {
        "ruleId": clean(finding.rule_id),
        "ruleIndex": index,
        "level": level,
        "message": {"text": finding_message(finding, lang)},
        "locations": [_location(finding.profile, finding.line, finding.column)],
        "partialFingerprints": {"izaCheck/v1": _fingerprint(finding.profile, finding.rule_id)},
        "properties": {"outcome": finding.outcome.value, "severity": finding.severity.value},
    }


def _problem_result(problem: Problem, index: int) -> dict[str, Any]:
    where = f" [{clean(problem.field_path)}]" if problem.field_path else ""
    return {
        "ruleId": INVALID_INPUT,
        "ruleIndex": index,
        "level": "error",
        "message": {"text": f"{clean(problem.message)}{where} ({clean(problem.code)})"},
        "locations": [_location(problem.file, problem.line, problem.column)],
        "partialFingerprints": {
            "izaCheck/v1": _fingerprint(problem.file, INVALID_INPUT, problem.code, str(problem.line))
        },
    }


def sarif_document(report: Report, lang: str = "nl") -> dict[str, Any]:
    rules: list[dict[str, Any]] = []
    index_of: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    for profile in report.profiles:
        for finding in profile.findings:
            if finding.rule_id not in index_of:
                index_of[finding.rule_id] = len(rules)
                rules.append(_rule(finding, lang))
            if finding.is_gap or finding.outcome is Outcome.onbekend:
                results.append(_finding_result(finding, index_of[finding.rule_id], lang))
    if report.problems:
        index = len(rules)
        rules.append(_invalid_input_rule(lang))
        results += [_problem_result(problem, index) for problem in report.problems]
    driver = {
        "name": "iza-check",
        "version": clean(report.tool_version),
        "semanticVersion": clean(report.tool_version),
        "properties": {"engine": report.engine},
        "language": lang,
        "rules": rules,
    }
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "language": lang,
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"peildatum": report.peildatum.isoformat()},
            }
        ],
    }


def render(report: Report, *, lang: str = "nl", colour: bool = False) -> str:
    del colour
    return json.dumps(sarif_document(report, lang), indent=2, ensure_ascii=False) + "\n"
