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
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from iza_check.findings import Finding, Outcome, PlanRef, ProfileReport, Severity, Text, VerdictKind

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


def classify(old: Outcome | None, new: Outcome | None) -> ChangeKind:
    if old == new:
        return ChangeKind.unchanged
    if old in _SCALE and new in _SCALE:
        return ChangeKind.improved if _SCALE[new] > _SCALE[old] else ChangeKind.regressed  # type: ignore[index]
    if old is Outcome.onbekend and new in _SCALE:
        return ChangeKind.improved
    if old in _SCALE and new is Outcome.onbekend:
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
                kind=classify(old_outcome, new_outcome),
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
