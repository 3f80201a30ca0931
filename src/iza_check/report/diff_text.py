"""The diff for people to read: two versions of one profile as text or markdown, two rounds as text.

Text and markdown of two files say the same things in the same order, so they share the lines built here.
"""

from __future__ import annotations

from typing import Final

from iza_check.funders.diff import (
    ChangeKind,
    PlanProgress,
    PlanStatus,
    ProfileDiff,
    RealisedBy,
    RoundsDiff,
    RoundStatus,
    RuleChange,
)
from iza_check.i18n import format_date, t
from iza_check.report._common import clean
from iza_check.report.diff_common import MOVE_MARK as _MOVE_MARK
from iza_check.report.diff_common import moves as _moves
from iza_check.report.diff_common import outcome_text as _outcome_text
from iza_check.report.diff_common import overdue_groups as _overdue_groups
from iza_check.report.diff_common import overdue_text as _overdue_text
from iza_check.report.diff_common import problem_lines as _problem_lines
from iza_check.report.diff_common import rounds_result as _rounds_result
from iza_check.report.diff_common import tidy as _tidy
from iza_check.report.diff_common import verdicts as _verdicts
from iza_check.report.funder_common import check_lang as _check_lang
from iza_check.report.funder_common import ft, verdict_short
from iza_check.report.funder_common import wrap as _wrap
from iza_check.report.markdown import md, md_block


def _verdict_line(diff: ProfileDiff, lang: str) -> str:
    old = t(f"verdict.{diff.old_verdict.value}", lang)
    new = t(f"verdict.{diff.new_verdict.value}", lang)
    if diff.verdict_changed:
        return ft("diff.verdict_changed", lang, old=old, new=new)
    return ft("diff.verdict_same", lang, verdict=new)


def _plan_detail(plan: PlanProgress, lang: str) -> str:
    parts = [ft(f"diff.status.{plan.status.value}", lang)]
    if plan.realised_by is RealisedBy.marked:
        parts.append(ft("diff.realised.gemarkeerd", lang))
    elif plan.realised_by is RealisedBy.criteria:
        parts.append(ft("diff.realised.criteria", lang, ids=", ".join(plan.betreft)))
    old, new = plan.streefdatum, plan.new_streefdatum
    if old is not None and new is not None and old != new:
        parts.append(ft("diff.moved", lang, old=format_date(old, lang), new=format_date(new, lang)))
    else:
        date = new or old
        parts.append(
            t("plan.target", lang, date=format_date(date, lang)) if date is not None else t("plan.no_target", lang)
        )
    return "; ".join(parts)


_PLAN_SYMBOL: Final = {
    PlanStatus.realised: "✔",
    PlanStatus.overdue: "⚠",
    PlanStatus.open: "…",
    PlanStatus.dropped: "–",
}


def _result_line(diff: ProfileDiff, lang: str) -> str:
    return ft(
        "diff.result",
        lang,
        improved=len(diff.improved),
        regressed=len(diff.regressed),
        realised=len(diff.plans_with(PlanStatus.realised)),
        overdue=len(diff.plans_with(PlanStatus.overdue)),
    )


def _change_sections(diff: ProfileDiff) -> list[tuple[str, tuple[RuleChange, ...]]]:
    return [
        ("diff.improved", diff.improved),
        ("diff.regressed", diff.regressed),
        ("diff.changed", diff.of_kind(ChangeKind.changed)),
    ]


def _plan_lines(plan: PlanProgress, lang: str) -> list[str]:
    head = f"{_PLAN_SYMBOL[plan.status]} [{', '.join(clean(i) for i in plan.betreft)}] {clean(plan.stap)}"
    return _wrap(head, "  ", "      ") + _wrap(_plan_detail(plan, lang), "      ", "      ")


def render_diff_text(diff: ProfileDiff, *, lang: str = "nl") -> str:
    _check_lang(lang)
    lines = [
        (f"{ft('diff.title', lang)}: {clean(diff.new_naam)} · {t('report.peildatum', lang).lower()} "
        f"{format_date(diff.peildatum, lang)}"),
        f"   {ft('diff.old', lang)}: {clean(diff.old_source)}"
        + (f" ({ft('diff.renamed', lang, name=clean(diff.old_naam))})" if diff.old_naam != diff.new_naam else ""),
        f"   {ft('diff.new', lang)}: {clean(diff.new_source)}",
        "",
        f"{t('verdict.heading', lang)}: {_verdict_line(diff, lang)}",
        _result_line(diff, lang),
    ]
    for key, changes in _change_sections(diff):
        lines += ["", f"{ft(key, lang)} ({len(changes)})"]
        if not changes:
            lines.append(f"  {ft('diff.none', lang)}")
        for change in changes:
            lines += _wrap(
                f"{clean(change.rule_id).ljust(5)} {_outcome_text(change.old, lang)} → {_outcome_text(change.new, lang)}"
                f" · {clean(change.title.get(lang))}",
                "  ",
                "        ",
            )
    lines += ["", ft("diff.unchanged", lang, count=len(diff.of_kind(ChangeKind.unchanged)))]
    lines += ["", ft("diff.plans", lang)]
    if not diff.plans:
        lines.append(f"  {ft('diff.no_plans', lang)}")
    for plan in diff.plans:
        lines += _plan_lines(plan, lang)
    if diff.new_plans:
        lines += ["", ft("diff.new_plans", lang)]
        for plan in diff.new_plans:
            lines += _plan_lines(plan, lang)
    return "\n".join(lines) + "\n"


def render_diff_markdown(diff: ProfileDiff, *, lang: str = "nl") -> str:
    _check_lang(lang)
    lines = [
        f"# {md(ft('diff.title', lang))}: {md(diff.new_naam)}",
        "",
        f"- **{md(t('report.peildatum', lang))}:** {md(format_date(diff.peildatum, lang))}",
        f"- **{md(ft('diff.old', lang))}:** `{clean(diff.old_source).replace('`', '')}`"
        + (f" ({md(ft('diff.renamed', lang, name=diff.old_naam))})" if diff.old_naam != diff.new_naam else ""),
        f"- **{md(ft('diff.new', lang))}:** `{clean(diff.new_source).replace('`', '')}`",
        f"- **{md(t('verdict.heading', lang))}:** {md(_verdict_line(diff, lang))}",
        "",
        md_block(_result_line(diff, lang)),
    ]
    for key, changes in _change_sections(diff):
        lines += ["", f"## {md(ft(key, lang))} ({len(changes)})", ""]
        if not changes:
            lines.append(md_block(ft("diff.none", lang)))
            continue
        lines += [
            (f"| {md(t('col.id', lang))} | {md(t('col.criterion', lang))} | {md(ft('diff.old', lang))} "
            f"| {md(ft('diff.new', lang))} |"),
            "|---|---|---|---|",
        ]
        for change in changes:
            lines.append(
                f"| {md(change.rule_id)} | {md(change.title.get(lang))} | {md(_outcome_text(change.old, lang))} "
                f"| {md(_outcome_text(change.new, lang))} |"
            )
    lines += ["", md_block(ft("diff.unchanged", lang, count=len(diff.of_kind(ChangeKind.unchanged))))]
    for key, plans, empty in (
        ("diff.plans", diff.plans, ft("diff.no_plans", lang)),
        ("diff.new_plans", diff.new_plans, None),
    ):
        if not plans and empty is None:
            continue
        lines += ["", f"## {md(ft(key, lang))}", ""]
        if not plans:
            lines.append(md_block(empty))
        for plan in plans:
            lines.append(
                f"- {_PLAN_SYMBOL[plan.status]} **{md(', '.join(plan.betreft))}** {md(plan.stap)} "
                f"— {md(_plan_detail(plan, lang))}"
            )
    return "\n".join(lines) + "\n"


def _who(naam: str, gemeente: str | None) -> str:
    """``Herstelplek De Kiem (Hengelo)``."""
    return f"{_tidy(naam)} ({_tidy(gemeente)})" if gemeente and gemeente.strip() else _tidy(naam)


def render_rounds_text(rounds: RoundsDiff, *, lang: str = "nl") -> str:
    _check_lang(lang)
    lines = [
        f"{ft('rounds.title', lang)} · {t('report.peildatum', lang).lower()} {format_date(rounds.peildatum, lang)}",
        f"   {ft('rounds.old', lang)}: {clean(rounds.old_round)}",
        f"   {ft('rounds.new', lang)}: {clean(rounds.new_round)}",
        *_wrap(ft("rounds.identity", lang), "", ""),
        "",
        *_wrap(_rounds_result(rounds, lang), "", ""),
    ]
    if rounds.incomplete:
        lines += _wrap(ft("rounds.caveat", lang), "", "")
    for status in (RoundStatus.regressed, RoundStatus.improved):
        found = rounds.with_status(status)
        lines += ["", f"{ft(f'rounds.section.{status.value}', lang)} ({len(found)})"]
        if not found:
            lines.append(f"  {ft('diff.none', lang)}")
        for progress in found:
            diff = progress.diff
            lines += _wrap(f"{_who(diff.new_naam, progress.gemeente)} · {_verdicts(progress, lang)}", "  ", "    ")
            lines += _wrap(f"{clean(diff.old_source)} → {clean(diff.new_source)}", "      ", "      ")
            for change in _moves(progress):
                lines += _wrap(
                    f"{_MOVE_MARK[change.kind]} {clean(change.rule_id).ljust(5)} {_outcome_text(change.old, lang)} → "
                    f"{_outcome_text(change.new, lang)} · {clean(change.title.get(lang))}",
                    "    ",
                    "            ",
                )
    for key, alone in (("nieuw", rounds.new), ("verdwenen", rounds.gone)):
        lines += ["", f"{ft(f'rounds.section.{key}', lang)} ({len(alone)})"]
        if not alone:
            lines.append(f"  {ft('diff.none', lang)}")
        for profile in alone:
            lines += _wrap(
                f"{_who(profile.naam, profile.gemeente)} · {verdict_short(profile.verdict, lang)} · "
                f"{clean(profile.source)}",
                "  ",
                "    ",
            )
    groups = _overdue_groups(rounds)
    lines += ["", f"{ft('rounds.section.overdue', lang)} ({rounds.overdue_count})"]
    if not groups:
        lines.append(f"  {ft('diff.none', lang)}")
    for naam, gemeente, plans in groups:
        lines.append(f"  {_who(naam, gemeente)}")
        for plan in plans:
            lines += _wrap(f"⚠ {_overdue_text(plan, lang)}", "    ", "      ")
    unchanged = rounds.unchanged
    lines += ["", f"{ft('rounds.section.ongewijzigd', lang)} ({len(unchanged)})"]
    if not unchanged:
        lines.append(f"  {ft('diff.none', lang)}")
    for progress in unchanged:
        lines += _wrap(f"{_who(progress.diff.new_naam, progress.gemeente)} · {_verdicts(progress, lang)}", "  ", "    ")
    problems = _problem_lines(rounds, lang)
    if problems:
        lines += ["", t("section.problems", lang)]
        for line in problems:
            lines += _wrap(line, "  ", "    ")
    if not (rounds.compared or rounds.new or rounds.gone):
        lines += ["", ft("rounds.empty", lang)]
    return "\n".join(lines) + "\n"
