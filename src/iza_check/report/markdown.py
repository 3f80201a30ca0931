"""Markdown report for pull-request comments and wikis (GitHub-flavoured tables).

Quoted text is escaped so it can neither format nor link: markdown punctuation gets a backslash, ``& < >``
become entities (no raw HTML), and ``@`` gets a zero-width space so a profile cannot mention people.
"""

from __future__ import annotations

import re

from iza_check.assess.findings import Outcome, ProfileReport, Report
from iza_check.i18n import HELP_CONTACTS, format_date, source_title, t
from iza_check.problems import Problem
from iza_check.report._common import (
    OUTCOME_ORDER,
    OUTCOME_SYMBOL,
    backing_label,
    bound_note,
    clean,
    file_location,
    group_label,
    grouped,
    outcome_counts,
    outcome_label,
    plan_status,
    safe_url,
    severity_label,
)
from iza_check.report.coordinator import (
    Point,
    appendix_lines,
    figure_value,
    layout,
    names_of,
    readable_fact,
)
from iza_check.report.stream import ReportHead, StreamFormat, View, compose, view_of

_ESCAPES = {ord(ch): "\\" + ch for ch in "\\`*_{}[]()#+!|~"}
_ESCAPES.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord("@"): "@\u200b"})
_LEADING_LIST = re.compile(r"^(\d+)([.)])")


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


def _point(point: Point, lang: str) -> list[str]:
    finding = point.finding
    tags = [severity_label(finding.severity, lang)]
    backing = backing_label(finding, lang)
    if backing is not None:
        tags.append(backing)
    head = f"- **{md(finding.rule_id)} {md(finding.title.get(lang))}** — {_outcome(finding.outcome, lang)}"
    lines = [f"{head} ({md(', '.join(tags))})"]
    if point.why:
        lines.append(f"  - {md(t('point.why', lang))}: {md('; '.join(point.why))}")
    bound = bound_note(finding, lang)
    if bound is not None:
        lines.append(f"  - {md(bound)}")
    if point.missing:
        lines.append(f"  - {md(t('open.fill_in', lang).capitalize())}: {md(', '.join(point.missing))}")
    if point.advice is not None:
        link = safe_url(finding.link)
        more = f" [{md(t('finding.more', lang))}](<{link}>)" if link else ""
        lines.append(f"  - {md(t('finding.advice', lang))}: {md(point.advice)}{more}")
    elif point.same_advice_as is not None:
        lines.append(f"  - {md(t('point.same_advice', lang, rule=point.same_advice_as))}")
    for plan in point.plans:
        status = [md(word) for word in plan_status(plan, lang)]
        if plan.verlopen:
            status[-1] = f"⚠ **{status[-1]}**"
        lines.append(f"  - {md(t('point.plan', lang))}: {md(plan.stap)} ({'; '.join(status)})")
    if point.same_plans_as:
        lines.append(f"  - {md(t('point.same_plan', lang, rules=', '.join(point.same_plans_as)))}")
    return lines


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], numeric: tuple[int, ...] = ()) -> list[str]:
    align = "|".join("---:" if i in numeric else "---" for i in range(len(header)))
    lines = [f"| {' | '.join(header)} |", f"|{align}|"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return lines


def _appendix(profile: ProfileReport, lang: str) -> list[str]:
    names = names_of(profile)
    lines = ["", f"### {md(t('section.appendix', lang))}"]
    header = tuple(md(t(key, lang)) for key in ("col.id", "col.criterion", "col.outcome", "col.basis"))
    marker = f" **← {md(t('finding.cause', lang))}**"
    for group, findings in grouped(profile.findings):
        rows = []
        for f in findings:
            basis = [
                (f"{md(part.label)}: " if part.label else "")
                + md(part.text)
                + (f" ({md(part.where)})" if part.where else "")
                + (marker if part.cause else "")
                for part in appendix_lines(f, lang, names)
            ]
            row: tuple[str, ...] = (f"**{md(f.rule_id)}**", md(f.title.get(lang)), _outcome(f.outcome, lang), "<br>".join(basis))
            rows.append(row)
        lines += ["", f"#### {md(group_label(group, lang))}", "", *_table(header, rows)]
    if profile.questions:
        lines += ["", f"#### {md(t('section.questions', lang))}", ""]
        for q in profile.questions:
            lines.append(f"{q.number}\\. **{md(q.question.get(lang))}**")
            if q.answer is not None:
                lines.append(f"   {md(q.answer.get(lang))}")
            lines += [f"   - {md(readable_fact(ref, lang, names))}" for ref in q.facts]
            lines += [f"   - “{md(words)}”" for words in q.toelichting]
            if not q.answerable:
                lines.append(f"   - {md(t('questions.nothing', lang))}")
    if profile.figures:
        lines += ["", f"#### {md(t('section.figures', lang))}", "", md_block(t("figures.note", lang)), ""]
        lines += _table(
            tuple(md(t(key, lang)) for key in ("col.figure", "col.value", "col.reference", "finding.source")),
            [
                (
                    md(fig.label.get(lang)),
                    md(figure_value(fig.value, fig.unit, lang)),
                    md(figure_value(fig.reference, fig.unit, lang)),
                    md(source_title(fig.reference_source, lang)),
                )
                for fig in profile.figures
            ],
            numeric=(1, 2),
        )
    return lines


def _profile(profile: ProfileReport, lang: str, appendix: bool) -> list[str]:
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
    if verdict.overdue_plans:
        lines += [f"⚠ {md(t('verdict.overdue', lang))}: {verdict.overdue_plans}", ""]
    counts = outcome_counts(profile.findings)
    tally = " · ".join(f"{counts[o]} {md(outcome_label(o, lang))}" for o in OUTCOME_ORDER if counts[o])
    lines.append(f"{md(t('summary.heading', lang))}: {tally or '-'}")
    parts = layout(profile, lang)
    lines += ["", f"### {md(t('section.first', lang))}", ""]
    if parts.first:
        for point in parts.first:
            lines += _point(point, lang)
    else:
        lines.append(md_block(t("first.past", lang)))
    if parts.then:
        lines += ["", f"### {md(t('section.then', lang))}", ""]
        for point in parts.then:
            lines += _point(point, lang)
    if parts.open:
        lines += ["", f"### {md(t('section.open', lang))}", "", md_block(t("open.intro", lang)), ""]
        for point in parts.open:
            fill = f" — {md(t('open.fill_in', lang))}: {md(', '.join(point.missing))}" if point.missing else ""
            lines.append(f"- **{md(point.finding.rule_id)}** {md(point.finding.title.get(lang))}{fill}")
    if parts.info:
        lines += ["", f"### {md(t('section.info', lang))}", ""]
        lines += [
            f"- **{md(p.finding.rule_id)}** {md(p.finding.title.get(lang))} — {_outcome(p.finding.outcome, lang)}"
            for p in parts.info
        ]
    if parts.good:
        lines += ["", f"### {md(t('section.good', lang))}", ""]
        lines += [
            f"- **{md(f.rule_id)}** {md(f.title.get(lang))}" + (f" ({md(b)})" if (b := backing_label(f, lang)) else "")
            for f in parts.good
        ]
    lines += ["", f"### {md(t('section.help', lang))}", ""]
    lines += [
        f"- [{md(t(f'{key}.name', lang))}]({url}): {md(t(f'{key}.text', lang))}" for key, url in HELP_CONTACTS
    ]
    if appendix:
        lines += _appendix(profile, lang)
    else:
        lines += ["", md_block(t("appendix.hint", lang))]
    return lines


def _head(head: ReportHead, lang: str, colour: bool | View) -> str:
    return (
        f"# {md(t('report.title', lang))}\n\n"
        f"{md_block(t('report.peildatum', lang))}: {md(format_date(head.peildatum, lang))}"
        f" · iza-check {md(head.tool_version)} (engine: {md(head.engine)})\n\n"
    )


def _profile_text(profile: ProfileReport, lang: str, colour: bool | View) -> str:
    return "\n".join(_profile(profile, lang, view_of(colour).appendix)).rstrip("\n") + "\n"


def _tail(problems: tuple[Problem, ...], written: int, lang: str, colour: bool | View) -> str:
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


def render(report: Report, *, lang: str = "nl", colour: bool = False, view: View | None = None) -> str:
    return compose(STREAM, report, lang, view if view is not None else View(colour=colour))
