"""What every rendering of a diff shares: how an outcome reads, which rules moved and how, the overdue plans,
the one-line result of two rounds and the problems that kept profiles out of the comparison.

The renderers are :mod:`iza_check.report.diff_text` (text and markdown), :mod:`iza_check.report.diff_html` and
:mod:`iza_check.report.diff_data` (json and csv); :mod:`iza_check.report.diff_formats` picks one.
"""

from __future__ import annotations

from typing import Final

from iza_check.assess.findings import Outcome
from iza_check.funders.diff import (
    Ambiguity,
    ChangeKind,
    PlanProgress,
    ProfileProgress,
    RoundsDiff,
    RuleChange,
)
from iza_check.i18n import format_date, t
from iza_check.report._common import OUTCOME_SYMBOL, clean, problem_text
from iza_check.report.funder_common import ft, verdict_short


def outcome_text(outcome: Outcome | None, lang: str) -> str:
    if outcome is None:
        return ft("diff.absent", lang)
    return f"{OUTCOME_SYMBOL[outcome]} {t(f'outcome.{outcome.value}', lang)}"


MOVE_MARK: Final = {ChangeKind.regressed: "↓", ChangeKind.improved: "↑"}


def moves(progress: ProfileProgress) -> tuple[RuleChange, ...]:
    """The rules that moved down, then those that moved up (catalogue order within each)."""
    return progress.diff.regressed + progress.diff.improved


def tidy(text: str) -> str:
    return " ".join(clean(text).split())


def verdicts(progress: ProfileProgress, lang: str) -> str:
    diff = progress.diff
    old, new = verdict_short(diff.old_verdict, lang), verdict_short(diff.new_verdict, lang)
    return ft("diff.verdict_changed", lang, old=old, new=new) if diff.verdict_changed else new


def overdue_text(plan: PlanProgress, lang: str) -> str:
    """``[Q10] RI&E doen (streefdatum 30 juni 2026 voorbij)``."""
    date = plan.new_streefdatum or plan.streefdatum
    when = ft("summary.plan.overdue", lang, date=format_date(date, lang)) if date else t("plan.no_target", lang)
    return f"[{', '.join(clean(i) for i in plan.betreft)}] {clean(plan.stap)} ({when})"


def _identity_text(ambiguity: Ambiguity, lang: str) -> str:
    if ambiguity.identity[0] == "naam":
        return ft("rounds.identity.naam", lang, naam=clean(ambiguity.naam), gemeente=clean(ambiguity.gemeente or ""))
    return ft("rounds.identity.pad", lang, path=clean(ambiguity.naam))


def ambiguity_text(ambiguity: Ambiguity, lang: str) -> str:
    """The problem, in one line: which round, which identity, which files were left out."""
    return ft(
        "rounds.ambiguous",
        lang,
        round=ft(f"rounds.round.{ambiguity.round}", lang),
        count=ambiguity.count,
        identity=_identity_text(ambiguity, lang),
        files=", ".join(clean(s) for s in ambiguity.sources),
    )


def rounds_result(rounds: RoundsDiff, lang: str) -> str:
    return ft(
        "rounds.result",
        lang,
        compared=len(rounds.compared),
        improved=len(rounds.improved),
        regressed=len(rounds.regressed),
        unchanged=len(rounds.unchanged),
        new=len(rounds.new),
        gone=len(rounds.gone),
        overdue=rounds.overdue_count,
    )


def problem_lines(rounds: RoundsDiff, lang: str) -> list[str]:
    return [ambiguity_text(a, lang) for a in rounds.ambiguous] + [problem_text(p) for p in rounds.problems]


def overdue_groups(rounds: RoundsDiff) -> list[tuple[str, str | None, tuple[PlanProgress, ...]]]:
    """(name, gemeente, plans) for every initiative of the new round with a plan past its target date."""
    groups: list[tuple[str, str | None, tuple[PlanProgress, ...]]] = [
        (p.diff.new_naam, p.gemeente, p.overdue) for p in rounds.compared if p.overdue
    ]
    groups += [(p.naam, p.gemeente, p.overdue) for p in rounds.new if p.overdue]
    return sorted(groups, key=lambda g: (g[0].casefold(), (g[1] or "").casefold()))
