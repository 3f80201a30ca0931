"""What the report for people says, in which order: made once here, written by text, markdown and HTML.

The coordinator reads the verdict first, then what changes it, then the other points to work on, then what is
not known yet, what goes well and who can help. Each criterion appears once in that part and each advice text
once; facts are named with readable labels (``labels.yaml``), never as YAML paths. The full list of facts with
their place in the profile, the funder's questions and the reference figures form an optional appendix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from iza_check.assess.findings import (
    FactRef,
    Finding,
    ListItem,
    Outcome,
    PlanRef,
    ProfileReport,
    Severity,
    VerdictKind,
)
from iza_check.i18n import format_date, source_title, t
from iza_check.profile.labels import readable_path, value_label
from iza_check.report._common import clean, evidence_text, extra_causes, format_number, location_text, shorten

_SEVERITY_RANK = {Severity.verplicht: 0, Severity.aanbevolen: 1, Severity.informatief: 2}


@dataclass(frozen=True, slots=True)
class Point:
    """One criterion as the report for people tells it."""

    finding: Finding
    why: tuple[str, ...]  # the causes, readable ("inschrijving nodig: ja")
    missing: tuple[str, ...]  # the facts that could still change it, readable
    advice: str | None  # None when the same advice was given at an earlier point
    same_advice_as: str | None  # the rule whose advice this repeats
    plans: tuple[PlanRef, ...]  # the plans not shown at an earlier point
    same_plans_as: tuple[str, ...] = ()  # the rules where its other plans were shown


@dataclass(frozen=True, slots=True)
class Layout:
    """The parts of one profile's report for people, in reading order."""

    first: tuple[Point, ...]  # what changes the verdict
    then: tuple[Point, ...]  # other gaps to work on
    open: tuple[Point, ...]  # not known yet (and not among the above)
    info: tuple[Point, ...]  # informative rules: context, never a gap
    good: tuple[Finding, ...]  # voldoet
    not_applicable: tuple[Finding, ...]


def readable_value(path: str, value: object, lang: str) -> str:
    """A fact's value in words: ja/nee, the label of a choice, dates as people write them, items by name."""
    if value is None:
        return t("value.none", lang)
    if isinstance(value, bool):
        return t("value.true" if value else "value.false", lang)
    if isinstance(value, ListItem):
        kind = value_label(f"{path}.soort", value.soort, lang) if value.soort else None
        if kind is not None and kind == value.soort:
            kind = value_label(f"{path}.categorie", value.soort, lang)
        # The short form of the kind: "lotgenotengroep", not "lotgenotengroep (mensen met dezelfde ervaring)".
        return f"{clean(value.naam)} ({clean(kind.split(' (')[0])})" if kind else clean(value.naam)
    if isinstance(value, str):
        return clean(value_label(path, value, lang))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_number(value, lang, grouping=False)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        if not items:
            return t("value.empty_list", lang)
        return ", ".join(readable_value(path, item, lang) for item in items)
    return clean(str(value))


def figure_value(value: float | None, unit: str, lang: str) -> str:
    """A reference figure as people write it: ``€ 938.528``, ``1,6 fte``, ``onbekend``."""
    if value is None:
        return t("value.unknown", lang)
    number = format_number(value, lang)
    return f"€ {number}" if unit == "€" else f"{number} {unit}".strip()


def names_of(profile: ProfileReport) -> dict[str, str]:
    return {path: clean(name) for path, name in profile.item_names}


def fact_label(ref: FactRef, lang: str, names: Mapping[str, str]) -> str | None:
    """The readable name of a fact's field; None for an item quoted by itself: its name and kind say it all."""
    if isinstance(ref.value, ListItem) and ref.path.endswith("]"):
        return None
    return clean(readable_path(ref.path, lang, names))


def readable_fact(ref: FactRef, lang: str, names: Mapping[str, str], *, limit: int | None = 240) -> str:
    """``label: value`` for a person (``activiteit 2 (WRAP-training): methode: geen vaste methode``)."""
    label = fact_label(ref, lang, names)
    value = readable_value(ref.path, ref.value, lang)
    text = value if label is None else f"{label}: {value}"
    return shorten(text, limit) if limit is not None else text


def missing_facts(finding: Finding, lang: str, names: Mapping[str, str]) -> tuple[str, ...]:
    """The facts that could still change a finding, in words, each once (two paths can read alike)."""
    return tuple(dict.fromkeys(clean(readable_path(path, lang, names)) for path in finding.missing))


@dataclass(frozen=True, slots=True)
class AppendixLine:
    """One line of a criterion in the appendix, in parts each format escapes: ``label: text (where)``; ``fact``
    lines hang under their first line, ``cause`` ones are marked as what kept the criterion from voldoet."""

    text: str
    label: str | None = None
    where: str | None = None
    fact: bool = False
    cause: bool = False


def appendix_lines(finding: Finding, lang: str, names: Mapping[str, str]) -> list[AppendixLine]:
    """What the appendix says of one criterion, in order: the facts it read (with their place in the profile), the
    causes it did not quote, its evidence, why it does not apply, its source."""
    out = [
        AppendixLine(readable_fact(ref, lang, names), where=location_text(ref.line, ref.column, lang), fact=True,
                     cause=finding.is_cause(ref))
        for ref in finding.facts
    ]
    out += [
        AppendixLine(readable_fact(ref, lang, names), where=location_text(ref.line, ref.column, lang), fact=True,
                     cause=True)
        for ref in extra_causes(finding)
    ]
    out += [
        AppendixLine(evidence_text(evidence, lang, readable_path=True), label=t("finding.evidence", lang))
        for evidence in finding.evidence
    ]
    if finding.outcome is Outcome.nvt and finding.nvt_reason is not None:
        out.append(AppendixLine(finding.nvt_reason.get(lang), label=t("finding.nvt_reason", lang)))
    if finding.source:
        out.append(AppendixLine(source_title(finding.source, lang), label=t("finding.source", lang)))
    return out


def _advice_text(finding: Finding, lang: str) -> str | None:
    return clean(finding.advice.get(lang)) if finding.advice is not None else None


class _Builder:
    def __init__(self, profile: ProfileReport, lang: str) -> None:
        self.lang = lang
        self.names = names_of(profile)
        self.advice_seen: dict[str, str] = {}
        self.plans_seen: dict[tuple[str, int | None], str] = {}

    def point(self, finding: Finding) -> Point:
        lang = self.lang
        why = tuple(readable_fact(cause, lang, self.names) for cause in finding.causes)
        missing = missing_facts(finding, lang, self.names)
        advice = _advice_text(finding, lang) if finding.outcome is not Outcome.onbekend else None
        same = None
        if advice is not None:
            same = self.advice_seen.get(advice)
            if same is None:
                self.advice_seen[advice] = finding.rule_id
            else:
                advice = None
        plans: list[PlanRef] = []
        shown_at: list[str] = []
        for plan in finding.plans:
            earlier = self.plans_seen.setdefault((plan.stap, plan.line), finding.rule_id)
            if earlier == finding.rule_id:
                plans.append(plan)
            elif earlier not in shown_at:
                shown_at.append(earlier)
        return Point(finding, why, missing, advice, same, tuple(plans), tuple(shown_at))


def _has_current_plan(finding: Finding) -> bool:
    return any(not plan.gerealiseerd for plan in finding.plans)


def layout(profile: ProfileReport, lang: str) -> Layout:
    """The report's parts for ``profile``: each criterion in exactly one of them."""
    verdict = profile.verdict
    builder = _Builder(profile, lang)
    deciding = set(verdict.deciding_kenmerken)
    core_missing = verdict.kind is VerdictKind.niet_op_voorhand

    def first_rank(f: Finding) -> tuple[int, int]:
        # Unknowns that decide the verdict first, then gaps without a plan before gaps that already have one;
        # within each, the catalogue's order.
        return (0 if f.outcome is Outcome.onbekend else 1, 1 if _has_current_plan(f) else 0)

    findings = profile.findings
    order = {f.rule_id: index for index, f in enumerate(findings)}
    verdict_findings = [
        f
        for f in findings
        if f.decides_verdict
        and (
            (f.outcome is Outcome.onbekend and f.rule_id in deciding)
            # While the core is missing, only the core moves the verdict; on the growth route every gap does.
            or ((f.outcome is Outcome.voldoet_niet and f.is_core) if core_missing else f.is_gap)
        )
    ]
    verdict_findings.sort(key=lambda f: (*first_rank(f), order[f.rule_id]))
    first_ids = {f.rule_id for f in verdict_findings}
    then = [f for f in findings if f.is_gap and f.severity is not Severity.informatief and f.rule_id not in first_ids]
    then.sort(key=lambda f: (_SEVERITY_RANK[f.severity], _has_current_plan(f), order[f.rule_id]))
    open_ = [
        f
        for f in findings
        if f.outcome is Outcome.onbekend and f.severity is not Severity.informatief and f.rule_id not in first_ids
    ]
    info = [f for f in findings if f.severity is Severity.informatief and f.outcome not in (Outcome.nvt,)]
    return Layout(
        first=tuple(builder.point(f) for f in verdict_findings),
        then=tuple(builder.point(f) for f in then),
        open=tuple(builder.point(f) for f in open_),
        info=tuple(builder.point(f) for f in info),
        good=tuple(f for f in findings if f.outcome is Outcome.voldoet and f.severity is not Severity.informatief),
        not_applicable=tuple(f for f in findings if f.outcome is Outcome.nvt),
    )
