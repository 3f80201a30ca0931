"""JUnit XML for CI dashboards: one test suite per profile, one test case per rule.

Mapping: a gap at ``verplicht`` is a failure; a gap at ``aanbevolen`` or ``informatief`` passes with the
gap in ``<system-out>`` (it should be seen, not break a build); ``onbekend`` is skipped with the missing
facts; ``nvt`` is skipped with its reason; a file that could not be read is an error.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from iza_check.assess.findings import Finding, Outcome, ProfileReport, Report, Severity
from iza_check.i18n import t
from iza_check.problems import Problem
from iza_check.report._common import (
    clean,
    finding_message,
    format_value,
    location_text,
    outcome_label,
    plan_text,
    problem_text,
)


def _x(text: str) -> str:
    """Text safe for XML 1.0: ElementTree escapes markup, :func:`clean` drops characters XML forbids."""
    return clean(text, keep_newlines=True)


def _details(finding: Finding, lang: str) -> str:
    lines = [finding_message(finding, lang)]
    for ref in finding.facts:
        where = location_text(ref.line, ref.column, lang)
        lines.append(f"- {clean(ref.path)} = {format_value(ref.value, lang)}" + (f" ({where})" if where else ""))
    lines += [f"- {t('finding.plans', lang)}: {plan_text(plan, lang)}" for plan in finding.plans]
    return "\n".join(lines)


def _testcase(suite: ET.Element, profile: ProfileReport, finding: Finding, lang: str) -> str:
    """Add the test case; return its status: passed, failure or skipped."""
    case = ET.SubElement(
        suite,
        "testcase",
        classname=_x(profile.source),
        name=_x(f"{finding.rule_id} {finding.title.get(lang)}"),
        time="0",
    )
    if finding.line is not None:
        case.set("file", _x(finding.profile))
        case.set("line", str(finding.line))
    label = outcome_label(finding.outcome, lang)
    if finding.is_gap and finding.severity is Severity.verplicht:
        failure = ET.SubElement(case, "failure", message=_x(finding_message(finding, lang)), type=finding.outcome.value)
        failure.text = _x(_details(finding, lang))
        return "failure"
    if finding.outcome is Outcome.onbekend:
        missing = ", ".join(finding.missing)
        message = f"{label}: {t('finding.missing', lang)}: {missing}" if missing else label
        ET.SubElement(case, "skipped", message=_x(message))
        return "skipped"
    if finding.outcome is Outcome.nvt:
        reason = finding.nvt_reason.get(lang) if finding.nvt_reason else ""
        ET.SubElement(case, "skipped", message=_x(f"{label}: {reason}" if reason else label))
        return "skipped"
    if finding.is_gap:
        out = ET.SubElement(case, "system-out")
        out.text = _x(_details(finding, lang))
    return "passed"


def _suite(parent: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(parent, "testsuite", name=_x(name))


def _close(suite: ET.Element, counts: dict[str, int]) -> None:
    suite.set("tests", str(sum(counts.values())))
    for key in ("failures", "errors", "skipped"):
        suite.set(key, str(counts.get(key, 0)))
    suite.set("time", "0")


def _problems_suite(root: ET.Element, problems: tuple[Problem, ...], lang: str) -> dict[str, int]:
    suite = _suite(root, t("section.problems", lang))
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    for file, items in by_file.items():
        case = ET.SubElement(suite, "testcase", classname=_x(file), name="invalid-input", time="0")
        error = ET.SubElement(
            case,
            "error",
            message=_x(f"{t('junit.invalid_input', lang)}: {clean(items[0].message)}"),
            type=_x(items[0].code),
        )
        error.text = _x("\n".join(problem_text(p) for p in items))
    counts = {"errors": len(by_file)}
    _close(suite, counts)
    return counts


def render(report: Report, *, lang: str = "nl", colour: bool = False) -> str:
    del colour
    root = ET.Element("testsuites", name="iza-check")
    totals = {"passed": 0, "failures": 0, "errors": 0, "skipped": 0}
    for profile in report.profiles:
        suite = _suite(root, profile.source)
        props = ET.SubElement(suite, "properties")
        for name, value in (
            ("naam", profile.naam),
            ("oordeel", profile.verdict.kind.value),
            ("peildatum", report.peildatum.isoformat()),
            ("engine", report.engine),
        ):
            ET.SubElement(props, "property", name=name, value=_x(value))
        counts = {"passed": 0, "failures": 0, "skipped": 0}
        for finding in profile.findings:
            status = _testcase(suite, profile, finding, lang)
            counts["failures" if status == "failure" else status] += 1
        _close(suite, counts)
        for key, count in counts.items():
            totals[key] += count
    if report.problems:
        for key, count in _problems_suite(root, report.problems, lang).items():
            totals[key] += count
    _close(root, totals)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
