"""The JSON report: stable, versioned (``format_version``), sorted keys, documented by a JSON Schema.

Identifiers (outcomes, severities, verdict kinds, rule ids, field paths) are the same in every language;
texts meant for people (titles, advice, labels) are in the requested language. The schema in
``schema/report.schema.json`` is generated from :func:`iza_check.report.json_schema.report_json_schema` and
drift-tested; the schema's names can still be imported from here.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from enum import Enum
from functools import lru_cache
from json.encoder import encode_basestring as _encode_string
from typing import Any

from iza_check.assess.findings import (
    EvidenceRef,
    FactRef,
    Figure,
    Finding,
    Outcome,
    PlanRef,
    ProfileReport,
    QuestionAnswer,
    Report,
    Severity,
    Text,
)
from iza_check.i18n import t
from iza_check.problems import Problem
from iza_check.report._common import outcome_counts, outcome_label, severity_label
from iza_check.report.stream import ReportHead, StreamFormat, compose

FORMAT_VERSION = 3
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(text: str) -> str:
    """Keep text exact (json escapes control characters itself) except lone surrogates, which UTF-8 cannot hold."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def _opt(text: str | None) -> str | None:
    return None if text is None else json_text(text)


def _value(value: object) -> Any:
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return json_text(value)
    if isinstance(value, Enum):
        return _value(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_value(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_value(item) for item in value), key=str)
    if isinstance(value, dict):
        return {json_text(str(key)): _value(item) for key, item in value.items()}
    return json_text(str(value))


def _fact(ref: FactRef) -> dict[str, Any]:
    return {"path": json_text(ref.path), "value": _value(ref.value), "line": ref.line, "column": ref.column}


def _evidence(ref: EvidenceRef) -> dict[str, Any]:
    return {
        "path": json_text(ref.path),
        "document": _opt(ref.document),
        "url": _opt(ref.url),
        "datum": ref.datum.isoformat() if ref.datum else None,
        "line": ref.line,
    }


def _plan(plan: PlanRef) -> dict[str, Any]:
    return {
        "stap": json_text(plan.stap),
        "streefdatum": plan.streefdatum.isoformat() if plan.streefdatum else None,
        "gerealiseerd": plan.gerealiseerd,
        "verlopen": plan.verlopen,
        "line": plan.line,
    }


def _finding(finding: Finding, lang: str) -> dict[str, Any]:
    return {
        "rule_id": json_text(finding.rule_id),
        "group": json_text(finding.group),
        "outcome": finding.outcome.value,
        "outcome_label": outcome_label(finding.outcome, lang),
        "at_best": finding.at_best.value if finding.at_best else None,
        "at_least": finding.at_least.value if finding.at_least else None,
        "severity": finding.severity.value,
        "severity_label": severity_label(finding.severity, lang),
        "is_gap": finding.is_gap,
        "title": json_text(finding.title.get(lang)),
        "advice": _opt(finding.advice.get(lang)) if finding.advice else None,
        "nvt_reason": _opt(finding.nvt_reason.get(lang)) if finding.nvt_reason else None,
        "link": _opt(finding.link),
        "source": json_text(finding.source),
        "facts": [_fact(ref) for ref in finding.facts],
        "causes": [_fact(ref) for ref in finding.causes],
        "evidence": [_evidence(ref) for ref in finding.evidence],
        "onderbouwd": finding.onderbouwd,
        "missing": [json_text(path) for path in finding.missing],
        "plans": [_plan(plan) for plan in finding.plans],
        "field_path": _opt(finding.field_path),
        "line": finding.line,
        "column": finding.column,
    }


def _question(question: QuestionAnswer, lang: str) -> dict[str, Any]:
    return {
        "number": question.number,
        "question": json_text(question.question.get(lang)),
        "facts": [_fact(ref) for ref in question.facts],
        "toelichting": [json_text(words) for words in question.toelichting],
        "related_rules": [json_text(rule) for rule in question.related_rules],
        "answer": (
            _opt(question.answer.get(lang))
            if question.answer is not None
            else (None if question.answerable else t("questions.nothing", lang))
        ),
        "answerable": question.answerable,
    }


def _figure(figure: Figure, lang: str) -> dict[str, Any]:
    return {
        "label": json_text(figure.label.get(lang)),
        "value": _value(figure.value),
        "reference": _value(figure.reference),
        "reference_source": json_text(figure.reference_source),
        "unit": json_text(figure.unit),
    }


def _profile(profile: ProfileReport, lang: str, *, findings: bool = True) -> dict[str, Any]:
    verdict = profile.verdict
    data = {
        "source": json_text(profile.source),
        "naam": json_text(profile.naam),
        "gemeente": _opt(profile.gemeente),
        "regio": _opt(profile.regio),
        "verdict": {
            "kind": verdict.kind.value,
            "label": t(f"verdict.{verdict.kind.value}", lang),
            "summary": json_text(verdict.summary.get(lang)),
            "missing_kenmerken": [json_text(i) for i in verdict.missing_kenmerken],
            "unknown_kenmerken": [json_text(i) for i in verdict.unknown_kenmerken],
            "planned_kenmerken": [json_text(i) for i in verdict.planned_kenmerken],
            "overdue_plans": verdict.overdue_plans,
            "voorlopig": verdict.voorlopig,
            "possible": [k.value for k in verdict.possible],
            "deciding_kenmerken": [json_text(i) for i in verdict.deciding_kenmerken],
            "realised_with_gap": [json_text(i) for i in verdict.realised_with_gap],
        },
        "counts": {outcome.value: count for outcome, count in outcome_counts(profile.findings).items()},
        "questions": [_question(q, lang) for q in profile.questions],
        "figures": [_figure(fig, lang) for fig in profile.figures],
    }
    if findings:
        data["findings"] = [_finding(f, lang) for f in profile.findings]
    return data


def problem_json(problem: Problem) -> dict[str, Any]:
    return {
        "file": json_text(problem.file),
        "message": json_text(problem.message),
        "code": json_text(problem.code),
        "line": problem.line,
        "column": problem.column,
        "field_path": _opt(problem.field_path),
    }


def report_document(report: Report, lang: str = "nl") -> dict[str, Any]:
    """The report as plain JSON data (what :func:`render` serialises)."""
    t("report.title", lang)  # rejects an unknown language before any work
    return {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "iza-check", "version": json_text(report.tool_version), "engine": report.engine},
        "lang": lang,
        "peildatum": report.peildatum.isoformat(),
        "profiles": [_profile(p, lang) for p in report.profiles],
        "problems": [problem_json(p) for p in report.problems],
    }


# Compact, so the C encoder does the work (an indent would switch to the pure-Python one); made once,
# because json.dumps builds a new encoder on every call with these options.
_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False)


def _dump(data: object) -> str:
    return _ENCODER.encode(data)


def _value_text(value: object) -> str:
    """``_dump(_value(value))``, without the encoder's overhead for the values facts mostly hold."""
    if value is None or isinstance(value, str):
        return _string(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    if type(value) in (list, tuple) and all(type(item) is str for item in value):  # type: ignore[attr-defined]
        return "[" + ", ".join(_string(item) for item in value) + "]"  # type: ignore[attr-defined]
    return _dump(_value(value))


def _head(head: ReportHead, lang: str, colour: bool) -> str:
    t("report.title", lang)  # rejects an unknown language before any work
    fields = {
        "format_version": FORMAT_VERSION,
        "lang": lang,
        "peildatum": head.peildatum.isoformat(),
        "tool": {"name": "iza-check", "version": json_text(head.tool_version), "engine": head.engine},
    }
    return _dump(fields)[:-1] + ', "profiles": ['


# A finding's texts, labels and link are the same for every profile a rule judges with the same outcome,
# and they are most of its JSON: they are encoded once per rule, outcome and language, and only the
# profile's own facts, paths and positions are encoded per finding. The output equals _dump(_finding()).
_Segments = tuple[str, str, str, str, str, str]


def _members(data: dict[str, Any]) -> str:
    """The members of an object as json.dumps writes them, without the braces."""
    return _dump(data)[1:-1]


@lru_cache(maxsize=4096)
def _finding_segments(
    rule_id: str, group: str, outcome: Outcome, severity: Severity, title: Text, advice: Text | None,
    nvt_reason: Text | None, link: str | None, source: str, lang: str,
) -> _Segments:
    static = Finding(
        rule_id=rule_id, group=group, outcome=outcome, severity=severity, title=title, profile="",
        advice=advice, link=link, source=source, nvt_reason=nvt_reason,
    )
    data = _finding(static, lang)
    return (
        _members({"advice": data["advice"]}),
        _members({"group": data["group"], "is_gap": data["is_gap"]}),
        _members({"link": data["link"]}),
        _members({"nvt_reason": data["nvt_reason"]}),
        _members({k: data[k] for k in ("outcome", "outcome_label")}),
        _members({k: data[k] for k in ("rule_id", "severity", "severity_label", "source", "title")}),
    )


def _position(number: int | None) -> str:
    return "null" if number is None else str(int(number))


def _string(text: str | None) -> str:
    return "null" if text is None else _encode_string(json_text(text))


def _fact_text(ref: FactRef, encoded: dict[int, str]) -> str:
    # Findings of one profile share their FactRefs (see assess), so each is encoded once per profile.
    text = encoded.get(id(ref))
    if text is None:
        text = encoded[id(ref)] = (
            f'{{"column": {_position(ref.column)}, "line": {_position(ref.line)}, '
            f'"path": {_string(ref.path)}, "value": {_value_text(ref.value)}}}'
        )
    return text


# Missing paths come from the rules' conditions, so the same lists recur in every profile.
@lru_cache(maxsize=4096)
def _missing_text(paths: tuple[str, ...]) -> str:
    return "[" + ", ".join(_string(path) for path in paths) + "]"


_BACKING = {None: "null", True: "true", False: "false"}


def _finding_text(finding: Finding, lang: str, encoded: dict[int, str]) -> str:
    advice, group, link, nvt, outcome, rule = _finding_segments(
        finding.rule_id, finding.group, finding.outcome, finding.severity, finding.title, finding.advice,
        finding.nvt_reason, finding.link, finding.source, lang,
    )
    facts = "[" + ", ".join([_fact_text(ref, encoded) for ref in finding.facts]) + "]" if finding.facts else "[]"
    causes = "[" + ", ".join([_fact_text(ref, encoded) for ref in finding.causes]) + "]" if finding.causes else "[]"
    evidence = _dump([_evidence(ref) for ref in finding.evidence]) if finding.evidence else "[]"
    missing = _missing_text(tuple(finding.missing)) if finding.missing else "[]"
    plans = _dump([_plan(plan) for plan in finding.plans]) if finding.plans else "[]"
    return (
        f'{{{advice}, "at_best": {_string(finding.at_best)}, "at_least": {_string(finding.at_least)}, "causes": {causes}, "column": {_position(finding.column)}, '
        f'"evidence": {evidence}, "facts": {facts}, '
        f'"field_path": {_string(finding.field_path)}, {group}, "line": {_position(finding.line)}, {link}, '
        f'"missing": {missing}, {nvt}, "onderbouwd": {_BACKING[finding.onderbouwd]}, {outcome}, "plans": {plans}, {rule}}}'
    )


def _profile_text(profile: ProfileReport, lang: str, colour: bool) -> str:
    data = _profile(profile, lang, findings=False)
    # Keys in sorted order, as _dump(_profile(profile, lang)) writes them: findings after figures.
    before = _dump({"counts": data.pop("counts"), "figures": data.pop("figures")})
    after = _dump(data)
    encoded: dict[int, str] = {}  # the profile's findings are alive meanwhile, so an id stays theirs
    findings = ", ".join(_finding_text(finding, lang, encoded) for finding in profile.findings)
    return f'\n{before[:-1]}, "findings": [{findings}], {after[1:]}'


def _tail(problems: tuple[Problem, ...], written: int, lang: str, colour: bool) -> str:
    items = ",".join("\n" + _dump(problem_json(p)) for p in problems)
    return "\n" + '], "problems": [' + items + ("\n" if items else "") + "]}\n"


# One profile per line, so a batch of thousands can be written (and read with jq) one profile at a time.
STREAM = StreamFormat(head=_head, profile=_profile_text, separator=",", tail=_tail)


def render(report: Report, *, lang: str = "nl", colour: bool = False) -> str:
    return compose(STREAM, report, lang, colour)

