"""Plain-text report for a terminal: verdict first, then the findings per group, then broken files."""

from __future__ import annotations

import textwrap

from iza_check.findings import FactRef, Finding, Outcome, ProblemRef, ProfileReport, Report
from iza_check.i18n import format_date, t
from iza_check.report._common import (
    ANSI_RESET,
    OUTCOME_ANSI,
    OUTCOME_ORDER,
    OUTCOME_SYMBOL,
    backing_label,
    clean,
    evidence_text,
    extra_causes,
    group_label,
    grouped,
    kenmerken_list,
    location_text,
    outcome_counts,
    outcome_label,
    plan_text,
    problem_text,
    format_value,
    severity_label,
    shorten,
)
from iza_check.report.stream import ReportHead, StreamFormat, compose

WIDTH = 100
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RED = "\x1b[31m"


class _Style:
    """ANSI styling that collapses to nothing when colour is off, so layout code stays the same."""

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, code: str) -> str:
        return f"{code}{text}{ANSI_RESET}" if self.colour else text


def _wrap(text: str, indent: str, hanging: str | None = None) -> list[str]:
    first = indent
    rest = indent if hanging is None else hanging
    if len(first) + len(text) <= WIDTH:
        return [first + text]
    return textwrap.wrap(text, width=WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False) or [
        first
    ]


def _fact_line(ref: FactRef, lang: str) -> str:
    where = location_text(ref.line, ref.column, lang)
    return f"{clean(ref.path)} = {shorten(format_value(ref.value, lang))}" + (f"  ({where})" if where else "")


def _finding_lines(finding: Finding, lang: str, style: _Style, label_width: int) -> list[str]:
    symbol = OUTCOME_SYMBOL[finding.outcome]
    label = outcome_label(finding.outcome, lang)
    padding = " " * (label_width - len(label))
    tags = [severity_label(finding.severity, lang)]
    backing = backing_label(finding, lang)
    if backing is not None:
        tags.append(backing)
    tag = "[" + " · ".join(tags) + "]"
    head = (
        f"  {clean(finding.rule_id).ljust(4)} {style(f'{symbol} {label}', OUTCOME_ANSI[finding.outcome])}"
        f"{padding}  {clean(finding.title.get(lang))} {style(tag, _DIM)}"
    )
    lines = [head]
    pad = " " * 9
    marker = f"← {t('finding.cause', lang)}"
    if finding.facts:
        lines.append(f"{pad}{t('finding.facts', lang)}:")
        for ref in finding.facts:
            wrapped = _wrap(_fact_line(ref, lang), pad + "  ", pad + "    ")
            if finding.is_cause(ref):  # the marker stays whole: on the last line, or on one of its own
                if len(wrapped[-1]) + 2 + len(marker) <= WIDTH:
                    wrapped[-1] += f"  {style(marker, _BOLD)}"
                else:
                    wrapped.append(f"{pad}    {style(marker, _BOLD)}")
            lines += wrapped
    extra = extra_causes(finding)
    if extra:
        lines.append(f"{pad}{t('finding.causes', lang)}:")
        for ref in extra:
            lines += _wrap(_fact_line(ref, lang), pad + "  ", pad + "    ")
    if finding.evidence:
        lines.append(f"{pad}{t('finding.evidence', lang)}:")
        for evidence in finding.evidence:
            where = location_text(evidence.line, None, lang)
            lines += _wrap(evidence_text(evidence, lang) + (f"  ({where})" if where else ""), pad + "  ", pad + "    ")
    if finding.at_best is not None:
        lines += _wrap(f"{t('finding.at_best', lang)}.", pad, pad + "  ")
    if finding.missing:
        missing = ", ".join(clean(path) for path in finding.missing)
        lines += _wrap(f"{t('finding.missing', lang)}: {missing}", pad, pad + "  ")
    if finding.outcome is Outcome.nvt and finding.nvt_reason is not None:
        lines += _wrap(f"{t('finding.nvt_reason', lang)}: {clean(finding.nvt_reason.get(lang))}", pad, pad + "  ")
    if finding.advice is not None:
        lines += _wrap(f"{t('finding.advice', lang)}: {clean(finding.advice.get(lang))}", pad, pad + "  ")
    if finding.plans:
        lines.append(f"{pad}{t('finding.plans', lang)}:")
        for plan in finding.plans:
            where = location_text(plan.line, None, lang)
            text = plan_text(plan, lang) + (f"  ({where})" if where else "")
            wrapped = _wrap(text, pad + "  ", pad + "    ")
            lines += [style(line, _RED) for line in wrapped] if plan.verlopen else wrapped
    return lines


def _profile_lines(profile: ProfileReport, lang: str, style: _Style) -> list[str]:
    place = ", ".join(clean(part) for part in (profile.gemeente, profile.regio) if part)
    title = clean(profile.naam) + (f" ({place})" if place else "")
    lines = [style(f"━━ {title}", _BOLD), f"   {t('profile.file', lang)}: {clean(profile.source)}", ""]

    verdict = profile.verdict
    lines.append(style(f"{t('verdict.heading', lang)}: {t(f'verdict.{verdict.kind.value}', lang)}", _BOLD))
    lines += _wrap(clean(verdict.summary.get(lang)), "   ")
    for key, ids in (
        ("verdict.missing", verdict.missing_kenmerken),
        ("verdict.unknown", verdict.unknown_kenmerken),
        ("verdict.planned", verdict.planned_kenmerken),
    ):
        if ids:
            lines.append(f"   {t(key, lang)}: {kenmerken_list(ids)}")
    if verdict.overdue_plans:
        lines.append(style(f"   {t('verdict.overdue', lang)}: {verdict.overdue_plans}", _RED))

    counts = outcome_counts(profile.findings)
    summary = " · ".join(f"{counts[o]} {outcome_label(o, lang)}" for o in OUTCOME_ORDER if counts[o])
    lines.append(f"{t('summary.heading', lang)}: {summary}" if summary else t("summary.heading", lang) + ": -")

    label_width = max((len(outcome_label(o, lang)) for o in OUTCOME_ORDER), default=0)
    for group, findings in grouped(profile.findings):
        lines += ["", style(group_label(group, lang), _BOLD)]
        for finding in findings:
            lines += _finding_lines(finding, lang, style, label_width)
    return lines


def _head(head: ReportHead, lang: str, colour: bool) -> str:
    style = _Style(colour)
    return (
        style(t("report.title", lang), _BOLD)
        + f" · {t('report.peildatum', lang).lower()} {format_date(head.peildatum, lang)}"
        + f" · iza-check {clean(head.tool_version)} (engine: {clean(head.engine)})\n\n"
    )


def _profile(profile: ProfileReport, lang: str, colour: bool) -> str:
    return "\n".join(_profile_lines(profile, lang, _Style(colour))).rstrip("\n")


def _tail(problems: tuple[ProblemRef, ...], written: int, lang: str, colour: bool) -> str:
    style = _Style(colour)
    text = "" if written else t("report.no_profiles", lang) + "\n"
    if problems:
        lines = [style(t("section.problems", lang), _BOLD), *(f"  {problem_text(p)}" for p in problems)]
        text += "\n\n" + "\n".join(lines)
    return text + "\n" if written or problems else text


STREAM = StreamFormat(head=_head, profile=_profile, separator="\n\n\n", tail=_tail)


def render(report: Report, *, lang: str = "nl", colour: bool = False) -> str:
    return compose(STREAM, report, lang, colour)
