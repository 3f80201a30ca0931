"""Plain-text report for a terminal: the verdict in a sentence, what changes it, the rest, an optional appendix.

The order and the contents come from :mod:`iza_check.report.coordinator`; this module only lays them out in
lines of the terminal's width.
"""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache

from iza_check.assess.findings import (
    Finding,
    PlanRef,
    ProfileReport,
    Report,
)
from iza_check.i18n import HELP_CONTACTS, format_date, source_title, t
from iza_check.problems import Problem
from iza_check.report._common import (
    ANSI_RESET,
    OUTCOME_ANSI,
    OUTCOME_ORDER,
    OUTCOME_SYMBOL,
    backing_label,
    bound_note,
    clean,
    group_label,
    grouped,
    outcome_counts,
    outcome_label,
    plan_text,
    problem_text,
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

WIDTH = 100
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RED = "\x1b[31m"


class _Style:
    """ANSI styling that collapses to nothing when colour is off, so layout code stays the same."""

    def __init__(self, view: View) -> None:
        self.colour = view.colour
        self.width = max(40, view.width)

    def __call__(self, text: str, code: str) -> str:
        return f"{code}{text}{ANSI_RESET}" if self.colour else text

    def wrap(self, text: str, indent: str, hanging: str | None = None) -> list[str]:
        return list(_wrap(text, indent, indent if hanging is None else hanging, self.width))


# Whitespace other than the plain space: textwrap turns it into spaces and splits on runs of it.
_OTHER_SPACE = re.compile(r"[^\S ]")


@lru_cache(maxsize=4096)
def _wrap(text: str, first: str, rest: str, width: int) -> tuple[str, ...]:
    # Many texts (advice, titles) are the same for every profile: wrapping them once saves most of the time.
    if len(first) + len(text) <= width:
        return (first + text,)
    words = text.split(" ")
    # The texts that differ per profile (causes, missing facts, plans) are words between single spaces: then
    # textwrap's greedy filling is this loop, at a fifth of the cost (textwrap splits with a regex and handles
    # tabs, runs of spaces and words longer than a line, which go to textwrap below). Same lines, byte for byte
    # (tests/unit/test_report_text_wrap.py compares the two).
    if "" not in words and _OTHER_SPACE.search(text) is None and max(map(len, words)) <= width - max(len(first), len(rest)):
        lines: list[str] = []
        indent, limit = first, width - len(first)
        current: list[str] = []
        length = 0
        for word in words:
            if current and length + 1 + len(word) > limit:
                lines.append(indent + " ".join(current))
                indent, limit = rest, width - len(rest)
                current, length = [word], len(word)
            else:
                length += len(word) + 1 if current else len(word)
                current.append(word)
        lines.append(indent + " ".join(current))
        return tuple(lines)
    return tuple(
        textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)
        or [first]
    )


def _plan_lines(plan: PlanRef, lang: str, style: _Style, indent: str) -> list[str]:
    wrapped = style.wrap(f"{t('point.plan', lang)}: {plan_text(plan, lang)}", indent, indent + "  ")
    return [style(line, _RED) for line in wrapped] if plan.verlopen else wrapped


def _point_lines(point: Point, lang: str, style: _Style) -> list[str]:
    finding = point.finding
    head = f"{clean(finding.rule_id)} {clean(finding.title.get(lang))}"
    word = style(outcome_label(finding.outcome, lang), OUTCOME_ANSI[finding.outcome])
    tags = [severity_label(finding.severity, lang)]
    backing = backing_label(finding, lang)
    if backing is not None:
        tags.append(backing)
    lines = style.wrap(f"{head} — {word} ({', '.join(tags)})", "  • ", "    ")
    pad = "    "
    if point.why:
        lines += style.wrap(f"{t('point.why', lang)}: {'; '.join(point.why)}", pad, pad + "  ")
    bound = bound_note(finding, lang)
    if bound is not None:
        lines += style.wrap(bound, pad, pad + "  ")
    if point.missing:
        lines += style.wrap(f"{t('open.fill_in', lang).capitalize()}: {', '.join(point.missing)}", pad, pad + "  ")
    if point.advice is not None:
        lines += style.wrap(f"{t('finding.advice', lang)}: {point.advice}", pad, pad + "  ")
    elif point.same_advice_as is not None:
        lines += style.wrap(t("point.same_advice", lang, rule=clean(point.same_advice_as)), pad)
    for plan in point.plans:
        lines += _plan_lines(plan, lang, style, pad)
    if point.same_plans_as:
        lines += style.wrap(t("point.same_plan", lang, rules=", ".join(point.same_plans_as)), pad)
    return lines


def _open_line(point: Point, lang: str, style: _Style) -> list[str]:
    finding = point.finding
    text = f"{clean(finding.rule_id)} {clean(finding.title.get(lang))}"
    if point.missing:
        text += f" — {t('open.fill_in', lang)}: {', '.join(point.missing)}"
    return style.wrap(text, "  • ", "    ")


def _short_line(finding: Finding, lang: str, style: _Style) -> list[str]:
    word = style(outcome_label(finding.outcome, lang), OUTCOME_ANSI[finding.outcome])
    return style.wrap(f"{clean(finding.rule_id)} {clean(finding.title.get(lang))} — {word}", "  • ", "    ")


def _section(title: str, style: _Style) -> list[str]:
    return ["", style(title, _BOLD)]


def _profile_lines(profile: ProfileReport, lang: str, style: _Style, appendix: bool) -> list[str]:
    place = ", ".join(clean(part) for part in (profile.gemeente, profile.regio) if part)
    title = clean(profile.naam) + (f" ({place})" if place else "")
    lines = [style(f"━━ {title}", _BOLD), f"   {t('profile.file', lang)}: {clean(profile.source)}", ""]

    verdict = profile.verdict
    headline = style.wrap(f"{t('verdict.heading', lang)}: {t(f'verdict.{verdict.kind.value}', lang)}", "", "   ")
    lines += [style(line, _BOLD) for line in headline]
    lines += style.wrap(clean(verdict.summary.get(lang)), "   ")
    if verdict.overdue_plans:
        lines.append(style(f"   {t('verdict.overdue', lang)}: {verdict.overdue_plans}", _RED))
    counts = outcome_counts(profile.findings)
    tally = " · ".join(f"{counts[o]} {outcome_label(o, lang)}" for o in OUTCOME_ORDER if counts[o])
    lines += style.wrap(f"{t('summary.heading', lang)}: {tally or '-'}", "   ", "     ")

    parts = layout(profile, lang)
    lines += _section(t("section.first", lang), style)
    if parts.first:
        for point in parts.first:
            lines += _point_lines(point, lang, style)
    else:
        lines += style.wrap(t("first.past", lang), "  ")
    if parts.then:
        lines += _section(t("section.then", lang), style)
        for point in parts.then:
            lines += _point_lines(point, lang, style)
    if parts.open:
        lines += _section(t("section.open", lang), style)
        lines += style.wrap(t("open.intro", lang), "  ")
        for point in parts.open:
            lines += _open_line(point, lang, style)
    if parts.info:
        lines += _section(t("section.info", lang), style)
        for point in parts.info:
            lines += _short_line(point.finding, lang, style)
    if parts.good:
        lines += _section(t("section.good", lang), style)
        for finding in parts.good:
            backing = backing_label(finding, lang)
            tag = f" ({backing})" if backing else ""
            lines += style.wrap(f"{clean(finding.rule_id)} {clean(finding.title.get(lang))}{tag}", "  • ", "    ")
    lines += _section(t("section.help", lang), style)
    for key, url in HELP_CONTACTS:
        lines += style.wrap(f"{t(f'{key}.name', lang)} ({url}): {t(f'{key}.text', lang)}", "  • ", "    ")
    if appendix:
        lines += _appendix_lines(profile, lang, style)
    else:
        lines += [""] + style.wrap(t("appendix.hint", lang), "", "")
    return lines


def _appendix_finding(finding: Finding, lang: str, style: _Style, names: dict[str, str]) -> list[str]:
    symbol = OUTCOME_SYMBOL[finding.outcome]
    lines = style.wrap(
        f"{clean(finding.rule_id)} {symbol} {outcome_label(finding.outcome, lang)} — {clean(finding.title.get(lang))}",
        "  ",
        "      ",
    )
    pad = "      "
    marker = style(f"  ← {t('finding.cause', lang)}", _BOLD)
    for part in appendix_lines(finding, lang, names):
        text = (f"{clean(part.label)}: " if part.label else "") + clean(part.text)
        text += (f" ({part.where})" if part.where else "") + (marker if part.cause else "")
        lines += style.wrap(text, pad, pad + "  " if part.fact else pad)
    return lines


def _appendix_lines(profile: ProfileReport, lang: str, style: _Style) -> list[str]:
    names = names_of(profile)
    lines = _section(t("section.appendix", lang), style)
    for group, findings in grouped(profile.findings):
        lines += ["", style(group_label(group, lang), _BOLD)]
        for finding in findings:
            lines += _appendix_finding(finding, lang, style, names)
    if profile.questions:
        lines += _section(t("section.questions", lang), style)
        for question in profile.questions:
            lines += style.wrap(f"{question.number}. {clean(question.question.get(lang))}", "  ", "     ")
            if question.answer is not None:
                lines += style.wrap(clean(question.answer.get(lang)), "     ")
            for ref in question.facts:
                lines += style.wrap(readable_fact(ref, lang, names), "     - ", "       ")
            for words in question.toelichting:
                lines += style.wrap(f"“{clean(words)}”", "     ", "      ")
            if not question.answerable:
                lines += style.wrap(t("questions.nothing", lang), "     ")
    if profile.figures:
        lines += _section(t("section.figures", lang), style)
        lines += style.wrap(t("figures.note", lang), "  ")
        for figure in profile.figures:
            text = (
                f"{clean(figure.label.get(lang))}: {figure_value(figure.value, figure.unit, lang)} "
                f"({t('col.reference', lang).lower()}: {figure_value(figure.reference, figure.unit, lang)}; "
                f"{clean(source_title(figure.reference_source, lang))})"
            )
            lines += style.wrap(text, "  • ", "    ")
    return lines


def _head(head: ReportHead, lang: str, colour: bool | View) -> str:
    style = _Style(view_of(colour))
    return (
        style(t("report.title", lang), _BOLD)
        + f" · {t('report.peildatum', lang).lower()} {format_date(head.peildatum, lang)}"
        + f" · iza-check {clean(head.tool_version)} (engine: {clean(head.engine)})\n\n"
    )


def _profile(profile: ProfileReport, lang: str, colour: bool | View) -> str:
    shown = view_of(colour)
    return "\n".join(_profile_lines(profile, lang, _Style(shown), shown.appendix)).rstrip("\n")


def _tail(problems: tuple[Problem, ...], written: int, lang: str, colour: bool | View) -> str:
    style = _Style(view_of(colour))
    text = "" if written else t("report.no_profiles", lang) + "\n"
    if problems:
        lines = [style(t("section.problems", lang), _BOLD), *(f"  {problem_text(p)}" for p in problems)]
        text += "\n\n" + "\n".join(lines)
    return text + "\n" if written or problems else text


STREAM = StreamFormat(head=_head, profile=_profile, separator="\n\n\n", tail=_tail)


def render(report: Report, *, lang: str = "nl", colour: bool = False, view: View | None = None) -> str:
    return compose(STREAM, report, lang, view if view is not None else View(colour=colour))
