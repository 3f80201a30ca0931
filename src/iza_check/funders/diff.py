"""Progress between two versions of one profile: what improved, what regressed, what became of the plans.

Both versions are checked against the same catalogue at the same peildatum, so only the profile differs.

- A rule *improved* when its outcome moved up the scale voldoet_niet → deels → voldoet, or when it was
  onbekend and is now known (the profile tells more).
- A rule *regressed* when it moved down that scale, or when it was known and is now onbekend.
- Moves to or from nvt are *changed*: the rule started or stopped applying; neither better nor worse.
- A plan (``in_ontwikkeling``) of the old version is *realised* when the new version marks it gerealiseerd or
  when every criterion it addresses now voldoet; *overdue* when not realised and its target date (the new
  version's, if it moved) lies before the peildatum; *dropped* when the new version no longer mentions it;
  otherwise *open*.

Two rounds of profiles (two folders, a funder's applications of two years) are compared initiative by
initiative: :class:`RoundsBuilder` matches them by identity (see "two rounds" below) and diffs each pair; an
initiative is *regressed* when any rule regressed, else *improved* when any improved, else *unchanged*; the
others are *new* or *gone*.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING

from iza_check.assess.findings import (
    Finding,
    Outcome,
    PlanRef,
    ProfileReport,
    Severity,
    Text,
    VerdictKind,
)
from iza_check.problems import Problem

if TYPE_CHECKING:
    from iza_check.assess.findings import FileOutcome

_SCALE = {Outcome.voldoet_niet: 0, Outcome.deels: 1, Outcome.voldoet: 2}


class ChangeKind(str, Enum):
    improved = "verbeterd"
    regressed = "verslechterd"
    changed = "gewijzigd"
    unchanged = "ongewijzigd"


class PlanStatus(str, Enum):
    realised = "gerealiseerd"
    overdue = "verlopen"
    open = "loopt"
    dropped = "vervallen"


class RealisedBy(str, Enum):
    marked = "gemarkeerd"  # the new version says gerealiseerd: true
    criteria = "criteria"  # every criterion it addresses now voldoet


@dataclass(frozen=True, slots=True)
class RuleChange:
    rule_id: str
    group: str
    title: Text
    severity: Severity
    old: Outcome | None  # None: the rule gave no result for that version
    new: Outcome | None
    kind: ChangeKind


@dataclass(frozen=True, slots=True)
class PlanProgress:
    stap: str
    betreft: tuple[str, ...]  # criteria with a rule that the plan addresses
    streefdatum: dt.date | None  # in the old version
    new_streefdatum: dt.date | None  # in the new version, when the plan is still there
    status: PlanStatus
    realised_by: RealisedBy | None = None


@dataclass(frozen=True, slots=True)
class ProfileDiff:
    old_source: str
    new_source: str
    old_naam: str
    new_naam: str
    peildatum: dt.date
    old_verdict: VerdictKind
    new_verdict: VerdictKind
    changes: tuple[RuleChange, ...]  # every rule, in catalogue order
    plans: tuple[PlanProgress, ...]  # the old version's plans
    new_plans: tuple[PlanProgress, ...]  # plans only the new version has (status open or overdue)

    def of_kind(self, kind: ChangeKind) -> tuple[RuleChange, ...]:
        return tuple(c for c in self.changes if c.kind is kind)

    @property
    def improved(self) -> tuple[RuleChange, ...]:
        return self.of_kind(ChangeKind.improved)

    @property
    def regressed(self) -> tuple[RuleChange, ...]:
        return self.of_kind(ChangeKind.regressed)

    @property
    def verdict_changed(self) -> bool:
        return self.old_verdict is not self.new_verdict

    def plans_with(self, status: PlanStatus) -> tuple[PlanProgress, ...]:
        return tuple(p for p in self.plans if p.status is status)


Bounds = tuple[Outcome | None, Outcome | None]  # an onbekend's (at_best, at_least), see RuleResult
_OPEN: Bounds = (None, None)


def _span(outcome: Outcome | None, bounds: Bounds) -> tuple[int, int] | None:
    """Where an outcome lies on the scale voldoet niet < deels < voldoet: a point, or for an onbekend the range
    its known facts leave (deels at best: 0-1, deels at least: 1-2); None when nothing is settled."""
    if outcome in _SCALE:
        return _SCALE[outcome], _SCALE[outcome]
    at_best, at_least = bounds
    if outcome is Outcome.onbekend and at_best is not None:
        return 0, _SCALE[at_best]
    if outcome is Outcome.onbekend and at_least is not None:
        return _SCALE[at_least], 2
    return None


def classify(old: Outcome | None, new: Outcome | None, old_bounds: Bounds = _OPEN, new_bounds: Bounds = _OPEN) -> ChangeKind:
    """Improved or regressed: on the scale, or from onbekend to known and back. For an onbekend whose known facts
    settle part of it (``bounds``) what counts is what is known at least: improved when that rose, regressed when
    it fell, changed when only what it could still become moved."""
    if old == new:  # also onbekend to onbekend: the reports show no bounds beside an outcome, so no move either
        return ChangeKind.unchanged
    before, after = _span(old, old_bounds), _span(new, new_bounds)
    if before is not None and after is not None:
        if after[0] != before[0]:
            return ChangeKind.improved if after[0] > before[0] else ChangeKind.regressed
        return ChangeKind.unchanged if before == after else ChangeKind.changed
    if old is Outcome.onbekend and before is None and after is not None:
        return ChangeKind.improved
    if before is not None and new is Outcome.onbekend and after is None:
        return ChangeKind.regressed
    return ChangeKind.changed


def _plan_key(stap: str) -> str:
    return " ".join(stap.split()).casefold()


def _plans_of(findings: tuple[Finding, ...]) -> dict[str, tuple[PlanRef, list[str]]]:
    """Each distinct plan once (a plan for [K2, K7] appears under both findings), with the criteria it addresses."""
    plans: dict[str, tuple[PlanRef, list[str]]] = {}
    for finding in findings:
        for plan in finding.plans:
            key = _plan_key(plan.stap)
            if key not in plans:
                plans[key] = (plan, [])
            if finding.rule_id not in plans[key][1]:
                plans[key][1].append(finding.rule_id)
    return plans


def _new_plan_for(
    key: str, old: PlanRef, betreft: list[str], new_plans: dict[str, tuple[PlanRef, list[str]]]
) -> str | None:
    """The new version's plan: same words, or else the only one for the same criteria and target date."""
    if key in new_plans:
        return key
    candidates = [
        k for k, (plan, criteria) in new_plans.items()
        if sorted(criteria) == sorted(betreft) and plan.streefdatum == old.streefdatum
    ]
    return candidates[0] if len(candidates) == 1 else None


def _progress(
    plan: PlanRef, betreft: list[str], new_plan: PlanRef | None, new_outcomes: dict[str, Outcome], peildatum: dt.date
) -> PlanProgress:
    target = new_plan.streefdatum if new_plan is not None else plan.streefdatum
    realised_by = None
    if (new_plan is not None and new_plan.gerealiseerd) or (new_plan is None and plan.gerealiseerd):
        realised_by = RealisedBy.marked
    elif betreft and all(new_outcomes.get(c) is Outcome.voldoet for c in betreft):
        realised_by = RealisedBy.criteria
    if realised_by is not None:
        status = PlanStatus.realised
    elif target is not None and target < peildatum:
        status = PlanStatus.overdue
    elif new_plan is None:
        status = PlanStatus.dropped
    else:
        status = PlanStatus.open
    return PlanProgress(
        stap=plan.stap,
        betreft=tuple(betreft),
        streefdatum=plan.streefdatum,
        new_streefdatum=new_plan.streefdatum if new_plan is not None else None,
        status=status,
        realised_by=realised_by,
    )


def diff_reports(old: ProfileReport, new: ProfileReport, peildatum: dt.date) -> ProfileDiff:
    old_by_id = {f.rule_id: f for f in old.findings}
    new_by_id = {f.rule_id: f for f in new.findings}
    order = [f.rule_id for f in new.findings] + [f.rule_id for f in old.findings if f.rule_id not in new_by_id]
    changes = []
    for rule_id in order:
        before, after = old_by_id.get(rule_id), new_by_id.get(rule_id)
        about = after or before
        assert about is not None
        old_outcome = before.outcome if before else None
        new_outcome = after.outcome if after else None
        changes.append(
            RuleChange(
                rule_id=rule_id,
                group=about.group,
                title=about.title,
                severity=about.severity,
                old=old_outcome,
                new=new_outcome,
                kind=classify(
                    old_outcome,
                    new_outcome,
                    (before.at_best, before.at_least) if before else _OPEN,
                    (after.at_best, after.at_least) if after else _OPEN,
                ),
            )
        )
    new_outcomes = {rule_id: f.outcome for rule_id, f in new_by_id.items()}
    old_plans = _plans_of(old.findings)
    new_plans = _plans_of(new.findings)
    matched: set[str] = set()
    progress = []
    for key, (plan, betreft) in old_plans.items():
        new_key = _new_plan_for(key, plan, betreft, {k: v for k, v in new_plans.items() if k not in matched})
        if new_key is not None:
            matched.add(new_key)
        new_plan = new_plans[new_key][0] if new_key is not None else None
        progress.append(_progress(plan, betreft, new_plan, new_outcomes, peildatum))
    fresh = [
        PlanProgress(
            stap=plan.stap,
            betreft=tuple(betreft),
            streefdatum=None,
            new_streefdatum=plan.streefdatum,
            status=PlanStatus.realised if plan.gerealiseerd else (
                PlanStatus.overdue if plan.verlopen else PlanStatus.open
            ),
            realised_by=RealisedBy.marked if plan.gerealiseerd else None,
        )
        for key, (plan, betreft) in new_plans.items()
        if key not in matched
    ]
    return ProfileDiff(
        old_source=old.source,
        new_source=new.source,
        old_naam=old.naam,
        new_naam=new.naam,
        peildatum=peildatum,
        old_verdict=old.verdict.kind,
        new_verdict=new.verdict.kind,
        changes=tuple(changes),
        plans=tuple(progress),
        new_plans=tuple(fresh),
    )


# --- two rounds ------------------------------------------------------------------------------------------
#
# Funders compare two rounds of applications: two folders (or patterns) of profiles. A profile of one round is
# matched with the other round's by its identity: the initiative's name and gemeente, compared without regard to
# case and spacing; a profile without a gemeente is matched by its path within its round (relative to the folder,
# or to the fixed part of the pattern) instead. Two profiles of one round with the same identity cannot be told
# apart: that identity is reported (an Ambiguity) and its profiles are compared in neither round.


class RoundStatus(str, Enum):
    """What became of one initiative between the rounds."""

    regressed = "verslechterd"  # at least one rule got worse (whatever else improved)
    improved = "verbeterd"  # rules improved and none got worse
    unchanged = "ongewijzigd"  # no rule moved up or down (a move to or from nvt is neither)
    new = "nieuw"  # only in the new round
    gone = "verdwenen"  # only in the old round


Identity = tuple[str, str, str]  # ("naam", naam, gemeente) or ("pad", relative path, ""), normalised


def _normal(text: str | None) -> str:
    return " ".join(text.split()).casefold() if text else ""


def identity_of(report: ProfileReport, relative: str) -> Identity:
    """Name and gemeente, normalised; without a gemeente (or a name), the path within the round."""
    naam, gemeente = _normal(report.naam), _normal(report.gemeente)
    if naam and gemeente:
        return ("naam", naam, gemeente)
    return ("pad", _normal(relative.replace("\\", "/")), "")


def slim(report: ProfileReport) -> ProfileReport:
    """What a diff needs of a report (outcomes, titles, plans, verdict), so a round of thousands fits in memory."""
    findings = tuple(
        replace(f, facts=(), causes=(), evidence=(), missing=(), advice=None, nvt_reason=None)
        for f in report.findings
    )
    return replace(report, findings=findings, questions=(), figures=())


def overdue_plans(report: ProfileReport) -> tuple[PlanProgress, ...]:
    """The profile's own plans whose target date has passed (not realised): for an initiative that is new."""
    return tuple(
        PlanProgress(plan.stap, tuple(betreft), None, plan.streefdatum, PlanStatus.overdue)
        for plan, betreft in _plans_of(report.findings).values()
        if plan.verlopen and not plan.gerealiseerd
    )


@dataclass(frozen=True, slots=True)
class RoundProfile:
    """An initiative that is in one round only."""

    source: str
    naam: str
    gemeente: str | None
    regio: str | None
    verdict: VerdictKind
    overdue: tuple[PlanProgress, ...] = ()  # its plans past their target date (new round only)


@dataclass(frozen=True, slots=True)
class ProfileProgress:
    """An initiative in both rounds: its diff, and what that means for the funder."""

    diff: ProfileDiff
    gemeente: str | None  # as the new round says
    regio: str | None
    status: RoundStatus

    @property
    def overdue(self) -> tuple[PlanProgress, ...]:
        """Plans of the old version not realised by their (possibly moved) target date, and the new version's
        own plans that are past theirs."""
        return self.diff.plans_with(PlanStatus.overdue) + tuple(
            p for p in self.diff.new_plans if p.status is PlanStatus.overdue
        )


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """Profiles that share one identity within a round; none with that identity is compared."""

    round: str  # "old" or "new": the round in which the identity is not unique
    identity: Identity
    naam: str  # as the first profile spells it (for a path identity: the path)
    gemeente: str | None
    count: int  # how many profiles of that round have it
    sources: tuple[str, ...]  # every file with this identity, in both rounds


@dataclass(frozen=True, slots=True)
class RoundsDiff:
    peildatum: dt.date
    old_round: str  # the arguments as given
    new_round: str
    compared: tuple[ProfileProgress, ...]  # by name
    new: tuple[RoundProfile, ...]
    gone: tuple[RoundProfile, ...]
    ambiguous: tuple[Ambiguity, ...] = ()
    old_problems: tuple[Problem, ...] = ()  # files of the old round that could not be read
    new_problems: tuple[Problem, ...] = ()

    def with_status(self, status: RoundStatus) -> tuple[ProfileProgress, ...]:
        return tuple(p for p in self.compared if p.status is status)

    @property
    def regressed(self) -> tuple[ProfileProgress, ...]:
        return self.with_status(RoundStatus.regressed)

    @property
    def improved(self) -> tuple[ProfileProgress, ...]:
        return self.with_status(RoundStatus.improved)

    @property
    def unchanged(self) -> tuple[ProfileProgress, ...]:
        return self.with_status(RoundStatus.unchanged)

    @property
    def overdue_count(self) -> int:
        return sum(len(p.overdue) for p in self.compared) + sum(len(p.overdue) for p in self.new)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.old_problems + self.new_problems

    @property
    def incomplete(self) -> bool:
        """A file could not be read or matched: what shows as new or gone may be one of them."""
        return bool(self.ambiguous or self.problems)


def _status(diff: ProfileDiff) -> RoundStatus:
    if diff.regressed:
        return RoundStatus.regressed
    return RoundStatus.improved if diff.improved else RoundStatus.unchanged


def _order(report: ProfileReport) -> tuple[str, str, str]:
    return (_normal(report.naam), _normal(report.gemeente), report.source)


def _alone(report: ProfileReport, *, plans: bool) -> RoundProfile:
    return RoundProfile(
        report.source,
        report.naam,
        report.gemeente,
        report.regio,
        report.verdict.kind,
        overdue_plans(report) if plans else (),
    )


class RoundsBuilder:
    """Collects the slimmed reports of both rounds one outcome at a time, then matches them."""

    def __init__(self, peildatum: dt.date, old_round: str, new_round: str) -> None:
        self.peildatum = peildatum
        self.old_round = old_round
        self.new_round = new_round
        self._reports: dict[str, dict[Identity, list[ProfileReport]]] = {"old": {}, "new": {}}
        self._problems: dict[str, list[Problem]] = {"old": [], "new": []}

    def add(self, round_: str, outcome: FileOutcome, relative: str) -> None:
        """One outcome of ``round_`` ("old" or "new"); ``relative`` is its path within the round."""
        self._problems[round_].extend(outcome.problems)
        if outcome.report is not None:
            key = identity_of(outcome.report, relative)
            self._reports[round_].setdefault(key, []).append(slim(outcome.report))

    def build(self) -> RoundsDiff:
        old, new = self._reports["old"], self._reports["new"]
        ambiguous: list[Ambiguity] = []
        for round_, mine in (("old", old), ("new", new)):
            for key, reports in mine.items():
                if len(reports) > 1 and not any(a.identity == key for a in ambiguous):
                    everyone = old.get(key, []) + new.get(key, [])
                    first = reports[0]
                    naam = first.naam if key[0] == "naam" else key[1]
                    ambiguous.append(
                        Ambiguity(round_, key, naam, first.gemeente, len(reports), tuple(r.source for r in everyone))
                    )
        unclear = {a.identity for a in ambiguous}
        compared = []
        for key in (old.keys() & new.keys()) - unclear:
            before, after = old[key][0], new[key][0]
            diff = diff_reports(before, after, self.peildatum)
            compared.append((_order(after), ProfileProgress(diff, after.gemeente, after.regio, _status(diff))))
        fresh = [
            (_order(r[0]), _alone(r[0], plans=True))
            for key, r in new.items() if key not in old and key not in unclear
        ]
        gone = [
            (_order(r[0]), _alone(r[0], plans=False))
            for key, r in old.items() if key not in new and key not in unclear
        ]
        return RoundsDiff(
            peildatum=self.peildatum,
            old_round=self.old_round,
            new_round=self.new_round,
            compared=tuple(p for _, p in sorted(compared, key=lambda item: item[0])),
            new=tuple(p for _, p in sorted(fresh, key=lambda item: item[0])),
            gone=tuple(p for _, p in sorted(gone, key=lambda item: item[0])),
            ambiguous=tuple(sorted(ambiguous, key=lambda a: (a.round != "old", a.identity))),
            old_problems=tuple(self._problems["old"]),
            new_problems=tuple(self._problems["new"]),
        )
