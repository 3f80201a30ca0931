"""Markdown report for pull-request comments and wikis (GitHub-flavoured tables).

Quoted text is escaped so it can neither format nor link: markdown punctuation gets a backslash, ``& < >``
become entities (no raw HTML), and ``@`` gets a zero-width space so a profile cannot mention people.
"""

from __future__ import annotations

import re

from iza_check.findings import FactRef, Finding, Outcome, ProblemRef, ProfileReport, Report, Severity
from iza_check.i18n import format_date, t
from iza_check.report._common import (
    OUTCOME_ORDER,
    OUTCOME_SYMBOL,
    backing_label,
    clean,
    evidence_text,
    extra_causes,
    file_location,
    format_value,
    group_label,
    grouped,
    location_text,
    outcome_counts,
    outcome_label,
    plan_status,
    safe_url,
    severity_label,
    shorten,
)
from iza_check.report.stream import ReportHead, StreamFormat, compose

_ESCAPES = {ord(ch): "\\" + ch for ch in "\\`*_{}[]()#+!|~"}
_ESCAPES.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord("@"): "@\u200b"})
_LEADING_LIST = re.compile(r"^(\d+)([.)])")
_SEVERITY_RANK = {Severity.verplicht: 0, Severity.aanbevolen: 1, Severity.informatief: 2}


def md(text: object) -> str:
    """Escape text for inline markdown (also safe inside a table cell)."""
    return clean(str(text)).translate(_ESCAPES)


def md_block(text: object) -> str:
    """Escape text that starts a line, where ``- x``, ``= x`` or ``1. x`` would start a list or heading."""
    escaped = md(text)
    if escaped.startswith(("-", "=")):
        escaped = "\\" + escaped
    return _LEADING_LIST.sub(r"\1\\\2", escaped)


def _outcome(outcome: Outcome, lang: str) -> str:
    return f"{OUTCOME_SYMBOL[outcome]} {md(outcome_label(outcome, lang))}"


def _outcome_backing(finding: Finding, lang: str) -> str:
    """The outcome, and whether it is onderbouwd or only verklaard."""
    backing = backing_label(finding, lang)
    return _outcome(finding.outcome, lang) + (f"<br>{md(backing)}" if backing is not None else "")


def _fact(ref: FactRef, lang: str) -> str:
    where = location_text(ref.line, ref.column, lang)
    suffix = f" ({md(where)})" if where else ""
    return f"{md(ref.path)} = {md(shorten(format_value(ref.value, lang)))}{suffix}"


def _basis(finding: Finding, lang: str) -> str:
    parts = []
    marker = f" **← {md(t('finding.cause', lang))}**"
    for ref in finding.facts:
        parts.append(_fact(ref, lang) + (marker if finding.is_cause(ref) else ""))
    extra = extra_causes(finding)
    if extra:
        parts.append(f"**{md(t('finding.causes', lang))}:** {'; '.join(_fact(ref, lang) for ref in extra)}")
    if finding.evidence:
        items = []
        for evidence in finding.evidence:
            where = location_text(evidence.line, None, lang)
            items.append(md(evidence_text(evidence, lang)) + (f" ({md(where)})" if where else ""))
        parts.append(f"{md(t('finding.evidence', lang))}: {'; '.join(items)}")
    if finding.at_best is not None:
        parts.append(f"{md(t('finding.at_best', lang))}.")
    if finding.missing:
        parts.append(f"{md(t('finding.missing', lang))}: {', '.join(md(m) for m in finding.missing)}")
    if finding.outcome is Outcome.nvt and finding.nvt_reason is not None:
        parts.append(f"{md(t('finding.nvt_reason', lang))}: {md(finding.nvt_reason.get(lang))}")
    return "<br>".join(parts)


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], numeric: tuple[int, ...] = ()) -> list[str]:
    align = "|".join("---:" if i in numeric else "---" for i in range(len(header)))
    lines = [f"| {' | '.join(header)} |", f"|{align}|"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return lines


def _profile(profile: ProfileReport, lang: str) -> list[str]:
    verdict = profile.verdict
    where = [
        f"{md(t(key, lang))}: {md(value)}"
        for key, value in (("profile.gemeente", profile.gemeente), ("profile.regio", profile.regio))
        if value
    ]
    where.append(f"{md(t('profile.file', lang))}: {md(profile.source)}")
    lines = [f"## {md(profile.naam)}", "", " · ".join(where), ""]
    lines += [
        f"**{md(t('verdict.heading', lang))}: {md(t(f'verdict.{verdict.kind.value}', lang))}**",
        "",
        md_block(verdict.summary.get(lang)),
        "",
    ]
    facts = [
        f"- {md(t(key, lang))}: {', '.join(md(i) for i in ids)}"
        for key, ids in (
            ("verdict.missing", verdict.missing_kenmerken),
            ("verdict.unknown", verdict.unknown_kenmerken),
            ("verdict.planned", verdict.planned_kenmerken),
        )
        if ids
    ]
    if verdict.overdue_plans:
        facts.append(f"- ⚠ {md(t('verdict.overdue', lang))}: {verdict.overdue_plans}")
    if facts:
        lines += [*facts, ""]
    counts = outcome_counts(profile.findings)
    lines += _table(
        (md(t("col.outcome", lang)), md(t("col.count", lang))),
        [(_outcome(o, lang), str(counts[o])) for o in OUTCOME_ORDER if counts[o]],
        numeric=(1,),
    )
    header = tuple(md(t(key, lang)) for key in ("col.id", "col.criterion", "col.outcome", "col.severity", "col.basis"))
    for group, findings in grouped(profile.findings):
        lines += ["", f"### {md(group_label(group, lang))}", ""]
        lines += _table(
            header,
            [
                (
                    f"**{md(f.rule_id)}**",
                    md(f.title.get(lang)),
                    _outcome_backing(f, lang),
                    md(severity_label(f.severity, lang)),
                    _basis(f, lang),
                )
                for f in findings
            ],
        )
    lines += ["", f"### {md(t('section.next', lang))}", ""]
    todo = [
        (f, f.advice)
        for f in profile.findings
        if f.advice is not None and f.outcome not in (Outcome.voldoet, Outcome.nvt)
    ]
    todo.sort(key=lambda pair: (pair[0].outcome is Outcome.onbekend, _SEVERITY_RANK[pair[0].severity]))
    if not todo:
        lines.append(md_block(t("empty.next", lang)))
    for number, (f, advice) in enumerate(todo, start=1):
        link = safe_url(f.link)
        more = f" [{md(t('finding.more', lang))}](<{link}>)" if link else ""
        lines.append(
            f"{number}. **{md(f.rule_id)} {md(f.title.get(lang))}** ({_outcome(f.outcome, lang)}, "
            f"{md(severity_label(f.severity, lang))}): {md(advice.get(lang))}{more}"
        )
        for plan in f.plans:
            status = [md(word) for word in plan_status(plan, lang)]
            if plan.verlopen:
                status[-1] = f"⚠ **{status[-1]}**"
            lines.append(f"   - {md(t('finding.plans', lang))}: {md(plan.stap)} ({'; '.join(status)})")
    return lines


def _head(head: ReportHead, lang: str, colour: bool) -> str:
    return (
        f"# {md(t('report.title', lang))}\n\n"
        f"{md_block(t('report.peildatum', lang))}: {md(format_date(head.peildatum, lang))}"
        f" · iza-check {md(head.tool_version)} (engine: {md(head.engine)})\n\n"
    )


def _profile_text(profile: ProfileReport, lang: str, colour: bool) -> str:
    return "\n".join(_profile(profile, lang)).rstrip("\n") + "\n"


def _tail(problems: tuple[ProblemRef, ...], written: int, lang: str, colour: bool) -> str:
    text = "" if written else md_block(t("report.no_profiles", lang)) + "\n"
    if problems:
        lines = [f"## {md(t('section.problems', lang))}", ""]
        lines += _table(
            tuple(md(t(key, lang)) for key in ("profile.file", "col.location", "col.message")),
            [
                (
                    md(p.file),
                    md(file_location(p.file, p.line, p.column)) if p.line is not None else "",
                    md(p.message) + (f" ({md(p.field_path)})" if p.field_path else ""),
                )
                for p in problems
            ],
        )
        text += "\n" + "\n".join(lines) + "\n"
    return text


STREAM = StreamFormat(head=_head, profile=_profile_text, separator="\n", tail=_tail)


def render(report: Report, *, lang: str = "nl", colour: bool = False) -> str:
    return compose(STREAM, report, lang, colour)
