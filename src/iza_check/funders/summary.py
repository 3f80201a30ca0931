"""The funder's batch summary: one small row per initiative, built while the profiles stream past.

A row keeps only what the table shows (verdict, the kenmerken, how many of them are onderbouwd, the number of
quality gaps, the bouwstenen), so a run over thousands of profiles never holds their full reports. A file that
could not be checked becomes a row too, marked invalid with its first problem. Which columns there are comes from
the catalogue: the rules that decide the verdict (``oordeel``) and the rules of the group ``bouwstenen``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from iza_check.assess.findings import (
    FileOutcome,
    Outcome,
    PlanRef,
    ProfileReport,
    Severity,
    VerdictKind,
)
from iza_check.problems import Problem

QUALITY_GROUP = "kwaliteit"
BOUWSTENEN_GROUP = "bouwstenen"
_GAPS = (Outcome.deels, Outcome.voldoet_niet)


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One initiative in the summary table; ``problem`` is set (and ``verdict`` is None) for a broken file."""

    source: str
    naam: str | None = None
    gemeente: str | None = None
    regio: str | None = None
    verdict: VerdictKind | None = None
    kenmerken: tuple[tuple[str, Outcome], ...] = ()  # (rule id, outcome) of the rules that decide the verdict
    quality_gaps: int = 0
    quality_unknown: int = 0  # quality requirements that are onbekend: '0 gaps' is then not the whole story
    bouwstenen: tuple[tuple[str, Outcome], ...] = ()
    problem: Problem | None = None
    problem_count: int = 0
    onderbouwd: int = 0  # kenmerken whose outcome rests on a document, URL or date (not only on statements)
    plans: tuple[PlanRef, ...] = ()  # the current plans for its gaps: who is on the growth route, until when

    @property
    def valid(self) -> bool:
        return self.problem is None and self.verdict is not None

    @property
    def onderbouwd_text(self) -> str:
        """``4/10``: kenmerken onderbouwd out of the kenmerken in the catalogue."""
        return f"{self.onderbouwd}/{len(self.kenmerken)}"

    def kenmerk_outcomes(self, ids: Iterable[str]) -> tuple[Outcome | None, ...]:
        """The outcomes for the columns ``ids``; None where the profile's catalogue has no such rule."""
        found = dict(self.kenmerken)
        return tuple(found.get(i) for i in ids)

    def bouwsteen_outcomes(self, ids: Iterable[str]) -> tuple[Outcome | None, ...]:
        found = dict(self.bouwstenen)
        return tuple(found.get(i) for i in ids)


def columns(rows: Iterable[SummaryRow]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The kenmerk and bouwsteen columns of a table of ``rows``: every id any row has, in catalogue order."""
    kenmerken: dict[str, None] = {}
    bouwstenen: dict[str, None] = {}
    for row in rows:
        kenmerken.update(dict.fromkeys(i for i, _ in row.kenmerken))
        bouwstenen.update(dict.fromkeys(i for i, _ in row.bouwstenen))
    return tuple(kenmerken), tuple(bouwstenen)


def row_for_report(report: ProfileReport) -> SummaryRow:
    quality_gaps = sum(1 for f in report.findings if f.group == QUALITY_GROUP and f.outcome in _GAPS)
    quality_unknown = sum(1 for f in report.findings if f.group == QUALITY_GROUP and f.outcome is Outcome.onbekend)
    onderbouwd = sum(1 for f in report.findings if f.decides_verdict and f.onderbouwd)
    return SummaryRow(
        source=report.source,
        naam=report.naam,
        gemeente=report.gemeente,
        regio=report.regio,
        verdict=report.verdict.kind,
        kenmerken=tuple((f.rule_id, f.outcome) for f in report.findings if f.decides_verdict),
        quality_gaps=quality_gaps,
        quality_unknown=quality_unknown,
        bouwstenen=tuple(
            (f.rule_id, f.outcome)
            for f in report.findings
            if f.group == BOUWSTENEN_GROUP and f.severity is not Severity.informatief
        ),
        onderbouwd=onderbouwd,
        plans=_plans_for_gaps(report),
    )


def _plans_for_gaps(report: ProfileReport) -> tuple[PlanRef, ...]:
    """Each plan once (a plan can name several criteria), for the gaps it addresses, by streefdatum."""
    found: dict[tuple[str, int | None], PlanRef] = {}
    for finding in report.findings:
        if finding.outcome in _GAPS:
            for plan in finding.plans:
                if not plan.gerealiseerd:
                    found.setdefault((plan.stap, plan.line), plan)
    return tuple(sorted(found.values(), key=lambda p: (p.streefdatum is None, p.streefdatum or dt.date.max, p.stap)))


def row_for_outcome(outcome: FileOutcome) -> SummaryRow:
    if outcome.report is not None:
        return row_for_report(outcome.report)
    first = outcome.problems[0] if outcome.problems else Problem(outcome.source, "", "unknown")
    return SummaryRow(source=outcome.source, problem=first, problem_count=len(outcome.problems))


def summary_rows(outcomes: Iterable[FileOutcome]) -> Iterator[SummaryRow]:
    """One row per outcome, in input order; each report can be dropped as soon as its row exists."""
    for outcome in outcomes:
        yield row_for_outcome(outcome)


@dataclass(frozen=True, slots=True)
class SummaryTotals:
    """Counts for the table's closing line."""

    rows: int
    invalid: int
    verdicts: tuple[tuple[VerdictKind, int], ...]


def totals(rows: Iterable[SummaryRow]) -> SummaryTotals:
    counts = dict.fromkeys(VerdictKind, 0)
    total = invalid = 0
    for row in rows:
        total += 1
        if row.verdict is None:
            invalid += 1
        else:
            counts[row.verdict] += 1
    return SummaryTotals(total, invalid, tuple(counts.items()))
