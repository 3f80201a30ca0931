"""The project's own result model: what every reporter consumes.

Reporters never see engine, pydantic or jsonschema objects — only these small frozen types.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Self

from iza_check.engine.outcomes import Outcome, Severity
from iza_check.i18n.text import Text
from iza_check.problems import Problem

__all__ = [
    "EvidenceRef",
    "FactRef",
    "Figure",
    "FileOutcome",
    "Finding",
    "ListItem",
    "Outcome",
    "PlanRef",
    "ProfileReport",
    "QuestionAnswer",
    "Report",
    "Severity",
    "Text",
    "Verdict",
    "VerdictKind",
    "count_gaps",
    "counts_as_gap",
    "gap_severities",
    "unknown_severities",
    "waived",
]


class VerdictKind(str, Enum):
    past = "past"
    groeiroute = "groeiroute"
    niet_op_voorhand = "niet_op_voorhand"
    onvoldoende_gegevens = "onvoldoende_gegevens"


class ListItem(str):
    """One object of a list (an activity, a partner) as facts quote it: ``"WRAP-training (herstelcursus)"``.

    A string, so machine formats write it as before; readable reports use its parts (name and kind).
    """

    naam: str
    soort: str | None

    def __new__(cls, naam: str, soort: str | None) -> Self:
        item = super().__new__(cls, f"{naam} ({soort})" if soort else naam)
        item.naam = naam
        item.soort = soort
        return item

    def __reduce__(self) -> tuple[type[ListItem], tuple[str, str | None]]:
        return (ListItem, (self.naam, self.soort))


@dataclass(frozen=True, slots=True)
class FactRef:
    """A profile fact a finding rests on, with where it stands in the profile (1-based)."""

    path: str
    value: object
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """A document, web address or date in the profile that backs a finding (see iza_check.assess.evidence).

    ``path`` is where it stands: a ``bewijs`` entry (``kwaliteit.klachtenprocedure.bewijs[0]``) or a dated
    field (``kwaliteit.klachtenprocedure.vastgesteld_op``).
    """

    path: str
    document: str | None = None
    url: str | None = None
    datum: dt.date | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class PlanRef:
    """A stated plan (``in_ontwikkeling``) that addresses a criterion."""

    stap: str
    streefdatum: dt.date | None
    gerealiseerd: bool | None
    verlopen: bool  # target date before the peildatum and not realised
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """The outcome of one rule for one profile."""

    rule_id: str
    group: str  # kenmerken | kwaliteit | bouwstenen | integraal | ...
    outcome: Outcome
    severity: Severity
    title: Text
    profile: str  # the profile's source path
    advice: Text | None  # only when the outcome is not voldoet/nvt
    link: str | None = None
    source: str = ""  # the rule's bron: "file, section"
    nvt_reason: Text | None = None
    facts: tuple[FactRef, ...] = ()
    missing: tuple[str, ...] = ()
    plans: tuple[PlanRef, ...] = ()
    field_path: str | None = None  # the main fact judged: the first cause, else the first fact or missing path
    at_best: Outcome | None = None  # onbekend, but the known facts already rule out voldoet: deels at best
    at_least: Outcome | None = None  # onbekend, but the known facts already rule out voldoet niet: deels at least
    line: int | None = None  # where field_path stands in the profile
    column: int | None = None
    # The facts that kept it from voldoet (deels, voldoet niet, deels at best); an item of a list by its index.
    causes: tuple[FactRef, ...] = ()
    # Documents, web addresses and dates that back the facts the outcome rests on (not for onbekend).
    evidence: tuple[EvidenceRef, ...] = ()
    # The rule's part in the verdict (its ``oordeel`` in the rule file): "kenmerk", "kern" (a kenmerk that is the
    # core of a steunpunt) or None (quality, bouwstenen, context: shown beside the verdict, never in it).
    verdict_role: str | None = None

    @property
    def decides_verdict(self) -> bool:
        return self.verdict_role is not None

    @property
    def is_core(self) -> bool:
        return self.verdict_role == "kern"

    @property
    def is_gap(self) -> bool:
        return self.outcome in (Outcome.deels, Outcome.voldoet_niet)

    @property
    def onderbouwd(self) -> bool | None:
        """True: the outcome rests on a fact backed by a document, URL or date; False: only on statements
        (*verklaard*); None for onbekend, which rests on nothing yet."""
        if self.outcome is Outcome.onbekend:
            return None
        return bool(self.evidence)

    def is_cause(self, ref: FactRef) -> bool:
        """Whether a fact of this finding is (or holds, for a list) one of its causes."""
        return any(
            cause.path == ref.path or cause.path.startswith((f"{ref.path}[", f"{ref.path}."))
            for cause in self.causes
        )


def counts_as_gap(finding: Finding) -> bool:
    """A gap that the tallies count and the concise form lists: deels or voldoet niet, not informative."""
    return finding.is_gap and finding.severity is not Severity.informatief


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict model of criteria.md (see iza_check.assess.verdict)."""

    kind: VerdictKind
    summary: Text  # one or two sentences explaining why
    missing_kenmerken: tuple[str, ...] = ()  # ids of kenmerken with a gap
    unknown_kenmerken: tuple[str, ...] = ()
    planned_kenmerken: tuple[str, ...] = ()  # gaps with a current (not realised) plan
    overdue_plans: int = 0  # distinct plans for a gap whose target date has passed
    voorlopig: bool = False  # decided although some kenmerken are unknown: they cannot change it
    possible: tuple[VerdictKind, ...] = ()  # the verdicts the unknowns still leave open, worst first
    deciding_kenmerken: tuple[str, ...] = ()  # unknown kenmerken that can move the verdict
    realised_with_gap: tuple[str, ...] = ()  # gaps with a plan marked realised: a contradiction


@dataclass(frozen=True, slots=True)
class QuestionAnswer:
    """One of the seven questions a funder asks (002 §5), answered from the profile."""

    number: int
    question: Text
    facts: tuple[FactRef, ...]
    toelichting: tuple[str, ...]  # the initiative's own words, quoted
    related_rules: tuple[str, ...]
    answer: Text | None = None  # an answer worked out from the outcomes (question 1: the kenmerken)

    @property
    def answerable(self) -> bool:
        """False when the profile gives nothing to answer it with yet: no facts, no own words, no outcomes."""
        return bool(self.facts or self.toelichting or self.answer is not None)


@dataclass(frozen=True, slots=True)
class Figure:
    """A reference figure: the profile's value beside a sector average, for context only."""

    label: Text
    value: float | None
    reference: float
    reference_source: str
    unit: str = ""


@dataclass(frozen=True, slots=True)
class ProfileReport:
    """Everything reported about one profile."""

    source: str
    naam: str
    gemeente: str | None
    regio: str | None
    verdict: Verdict
    findings: tuple[Finding, ...]
    questions: tuple[QuestionAnswer, ...] = ()
    figures: tuple[Figure, ...] = ()
    # Facts the funder's overviews group by (004 stap 1): opening hours and the kinds of activity offered.
    dagdelen_open: int | None = None
    activiteiten: tuple[str, ...] = ()  # sorted distinct `aanbod[].soort` values
    activiteiten_volledig: bool = False  # the list of activities is the whole offer (or given empty)
    # The names of the items of lists (``aanbod[1]`` -> "WRAP-training"), so reports can say which one.
    item_names: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """A whole run: profiles that could be judged, and problems with files that could not."""

    peildatum: dt.date
    tool_version: str
    engine: str  # the back-end that evaluated the rules: durable or python
    profiles: tuple[ProfileReport, ...]
    problems: tuple[Problem, ...] = field(default_factory=tuple)



@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What became of one input file: a report (or its rendered text), or the problems that stopped it."""

    source: str
    report: ProfileReport | None = None
    problems: tuple[Problem, ...] = ()
    rendered: bytes | None = None
    # Kept only when the report itself is not (it was rendered in the worker); see gap_severities().
    gaps: frozenset[Severity] = frozenset()
    unknowns: frozenset[Severity] = frozenset()
    verdict: VerdictKind | None = None
    gap_count: int = 0

    def gap_severities(self) -> frozenset[Severity]:
        """The severities of the rules with a deels or voldoet niet that no current dated plan covers."""
        return self.gaps if self.report is None else gap_severities(self.report)

    def unknown_severities(self) -> frozenset[Severity]:
        """The severities of the rules that are onbekend."""
        return self.unknowns if self.report is None else unknown_severities(self.report)

    def verdict_kind(self) -> VerdictKind | None:
        return self.verdict if self.report is None else self.report.verdict.kind

    def gaps_counted(self) -> int:
        """How many gaps the tallies count (see counts_as_gap)."""
        return self.gap_count if self.report is None else count_gaps(self.report)


def count_gaps(report: ProfileReport) -> int:
    return sum(1 for finding in report.findings if counts_as_gap(finding))


def gap_severities(report: ProfileReport) -> frozenset[Severity]:
    """Severities of the gaps that fail a run. A gap with a current, dated plan does not: the plan is the
    initiative's own waiver, and it expires on its streefdatum (then the plan is overdue and the gap fails)."""
    return frozenset(
        f.severity for f in report.findings if f.outcome in (Outcome.deels, Outcome.voldoet_niet) and not waived(f)
    )


def waived(finding: Finding) -> bool:
    return any(p.streefdatum is not None and not p.gerealiseerd and not p.verlopen for p in finding.plans)


def unknown_severities(report: ProfileReport) -> frozenset[Severity]:
    return frozenset(f.severity for f in report.findings if f.outcome is Outcome.onbekend)
