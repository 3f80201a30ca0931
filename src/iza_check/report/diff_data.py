"""The diff as data: the json documents of two files and of two rounds (versioned, ``format_version``) and the
csv of two rounds (one row per initiative, with what moved, for a spreadsheet)."""

from __future__ import annotations

from typing import Any

from iza_check.assess.findings import VerdictKind
from iza_check.funders.diff import (
    ChangeKind,
    PlanProgress,
    ProfileDiff,
    RoundsDiff,
    RoundStatus,
    RuleChange,
)
from iza_check.i18n import t
from iza_check.problems import Problem
from iza_check.report._common import clean, problem_text
from iza_check.report.diff_common import ambiguity_text
from iza_check.report.diff_common import overdue_text as _overdue_text
from iza_check.report.funder_common import (
    FORMAT_VERSION,
    csv_document,
    csv_text,
    ft,
    outcome_word,
    verdict_short,
)
from iza_check.report.funder_common import check_lang as _check_lang
from iza_check.report.funder_common import date_json as _date
from iza_check.report.funder_common import outcome_json as _outcome_json
from iza_check.report.json_report import json_text as _s
from iza_check.report.json_report import problem_json


def _change_json(c: RuleChange, lang: str) -> dict[str, Any]:
    return {
        "rule_id": _s(c.rule_id),
        "group": _s(c.group),
        "title": _s(c.title.get(lang)),
        "severity": c.severity.value,
        "old": _outcome_json(c.old),
        "new": _outcome_json(c.new),
        "change": c.kind.value,
    }


def _plan_json(p: PlanProgress) -> dict[str, Any]:
    return {
        "stap": _s(p.stap),
        "betreft": [_s(i) for i in p.betreft],
        "streefdatum": _date(p.streefdatum),
        "new_streefdatum": _date(p.new_streefdatum),
        "status": p.status.value,
        "realised_by": None if p.realised_by is None else p.realised_by.value,
    }


def diff_document(diff: ProfileDiff, lang: str = "nl") -> dict[str, Any]:
    _check_lang(lang)
    return {
        "format_version": FORMAT_VERSION,
        "kind": "diff",
        "lang": lang,
        "peildatum": diff.peildatum.isoformat(),
        "old": {"source": _s(diff.old_source), "naam": _s(diff.old_naam), "verdict": diff.old_verdict.value},
        "new": {"source": _s(diff.new_source), "naam": _s(diff.new_naam), "verdict": diff.new_verdict.value},
        "verdict_changed": diff.verdict_changed,
        "counts": {kind.value: len(diff.of_kind(kind)) for kind in ChangeKind},
        "changes": [_change_json(c, lang) for c in diff.changes if c.kind is not ChangeKind.unchanged],
        "plans": [_plan_json(p) for p in diff.plans],
        "new_plans": [_plan_json(p) for p in diff.new_plans],
    }


def _move_text(change: RuleChange, lang: str) -> str:
    """``Q6: voldoet → deels``, with words, for a spreadsheet cell."""
    old = outcome_word(change.old, lang) or ft("diff.absent", lang)
    new = outcome_word(change.new, lang) or ft("diff.absent", lang)
    return f"{clean(change.rule_id)}: {old} → {new}"


def _rounds_csv_rows(rounds: RoundsDiff, lang: str) -> list[list[str]]:
    def status(value: str) -> str:
        return ft(f"rounds.status.{value}", lang)

    rows: list[list[str]] = []
    for wanted in (RoundStatus.regressed, RoundStatus.improved, RoundStatus.unchanged):
        for p in rounds.with_status(wanted):
            diff = p.diff
            rows.append(
                [
                    status(p.status.value),
                    csv_text(diff.new_naam),
                    csv_text(p.gemeente),
                    csv_text(p.regio),
                    csv_text(diff.old_source),
                    csv_text(diff.new_source),
                    verdict_short(diff.old_verdict, lang),
                    verdict_short(diff.new_verdict, lang),
                    csv_text("; ".join(_move_text(c, lang) for c in diff.improved)),
                    csv_text("; ".join(_move_text(c, lang) for c in diff.regressed)),
                    csv_text("; ".join(_overdue_text(plan, lang) for plan in p.overdue)),
                    "",
                ]
            )
    for profile, is_new in [*((q, True) for q in rounds.new), *((q, False) for q in rounds.gone)]:
        rows.append(
            [
                status("nieuw" if is_new else "verdwenen"),
                csv_text(profile.naam),
                csv_text(profile.gemeente),
                csv_text(profile.regio),
                "" if is_new else csv_text(profile.source),
                csv_text(profile.source) if is_new else "",
                "" if is_new else verdict_short(profile.verdict, lang),
                verdict_short(profile.verdict, lang) if is_new else "",
                "",
                "",
                csv_text("; ".join(_overdue_text(plan, lang) for plan in profile.overdue)),
                "",
            ]
        )
    for ambiguity in rounds.ambiguous:
        naam = ambiguity.naam if ambiguity.identity[0] == "naam" else ""
        rows.append(
            [status("probleem"), csv_text(naam), csv_text(ambiguity.gemeente), "", "", "", "", "", "", "", "",
             csv_text(ambiguity_text(ambiguity, lang))]
        )
    for problems, is_new in ((rounds.old_problems, False), (rounds.new_problems, True)):
        for problem in problems:
            file = csv_text(problem.file)
            rows.append(
                [status("probleem"), "", "", "", "" if is_new else file, file if is_new else "", "", "", "", "", "",
                 csv_text(problem_text(problem))]
            )
    return rows


def render_rounds_csv(rounds: RoundsDiff, *, lang: str = "nl") -> str:
    """One row per initiative: regressed, improved, unchanged, new, gone; then one per problem."""
    _check_lang(lang)
    header = [
        ft("diff.col.change", lang),
        t("col.initiative", lang),
        t("profile.gemeente", lang),
        t("profile.regio", lang),
        ft("rounds.col.old_file", lang),
        ft("rounds.col.new_file", lang),
        ft("rounds.col.old_verdict", lang),
        ft("rounds.col.new_verdict", lang),
        ft("rounds.col.improved", lang),
        ft("rounds.col.regressed", lang),
        ft("rounds.col.overdue", lang),
        t("col.message", lang),
    ]
    return csv_document(header, _rounds_csv_rows(rounds, lang))


def _side(source: str, naam: str, verdict: VerdictKind) -> dict[str, Any]:
    return {"source": _s(source), "naam": _s(naam), "verdict": verdict.value}


def _problem_json(problem: Problem, round_: str) -> dict[str, Any]:
    return {**problem_json(problem), "round": round_}


def rounds_document(rounds: RoundsDiff, lang: str = "nl") -> dict[str, Any]:
    _check_lang(lang)
    profiles: list[dict[str, Any]] = []
    for p in rounds.compared:
        diff = p.diff
        profiles.append(
            {
                "status": p.status.value,
                "naam": _s(diff.new_naam),
                "gemeente": None if p.gemeente is None else _s(p.gemeente),
                "regio": None if p.regio is None else _s(p.regio),
                "old": _side(diff.old_source, diff.old_naam, diff.old_verdict),
                "new": _side(diff.new_source, diff.new_naam, diff.new_verdict),
                "verdict_changed": diff.verdict_changed,
                "changes": [_change_json(c, lang) for c in diff.changes if c.kind is not ChangeKind.unchanged],
                "plans": [_plan_json(plan) for plan in diff.plans],
                "new_plans": [_plan_json(plan) for plan in diff.new_plans],
                "overdue_plans": [_plan_json(plan) for plan in p.overdue],
            }
        )
    for alone, status in ((rounds.new, RoundStatus.new), (rounds.gone, RoundStatus.gone)):
        for q in alone:
            side = _side(q.source, q.naam, q.verdict)
            profiles.append(
                {
                    "status": status.value,
                    "naam": _s(q.naam),
                    "gemeente": None if q.gemeente is None else _s(q.gemeente),
                    "regio": None if q.regio is None else _s(q.regio),
                    "old": side if status is RoundStatus.gone else None,
                    "new": side if status is RoundStatus.new else None,
                    "verdict_changed": False,
                    "changes": [],
                    "plans": [],
                    "new_plans": [],
                    "overdue_plans": [_plan_json(plan) for plan in q.overdue],
                }
            )
    return {
        "format_version": FORMAT_VERSION,
        "kind": "diff_rounds",
        "lang": lang,
        "peildatum": rounds.peildatum.isoformat(),
        "rounds": {"old": _s(rounds.old_round), "new": _s(rounds.new_round)},
        "identity": "naam+gemeente, else path",
        "counts": {
            "compared": len(rounds.compared),
            **{s.value: len(rounds.with_status(s)) for s in (
                RoundStatus.improved, RoundStatus.regressed, RoundStatus.unchanged
            )},
            RoundStatus.new.value: len(rounds.new),
            RoundStatus.gone.value: len(rounds.gone),
            "overdue_plans": rounds.overdue_count,
            "problems": len(rounds.problems) + len(rounds.ambiguous),
        },
        "profiles": profiles,
        "ambiguous": [
            {
                "round": a.round,
                "identity": {"kind": a.identity[0], "key": [_s(part) for part in a.identity[1:] if part]},
                "count": a.count,
                "sources": [_s(source) for source in a.sources],
                "message": _s(ambiguity_text(a, lang)),
            }
            for a in rounds.ambiguous
        ],
        "problems": [_problem_json(p, "old") for p in rounds.old_problems]
        + [_problem_json(p, "new") for p in rounds.new_problems],
    }
