"""One profile through the pipeline: engine outcomes -> findings -> verdict -> ProfileReport."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from iza_check.context import answer_questions, reference_figures
from iza_check.findings import FactRef, Finding, Outcome, PlanRef, ProfileReport, Severity, Text
from iza_check.profile.loader import LoadedProfile
from iza_check.profile.model import Plan, Profile
from iza_check.outcomes import RuleResult
from iza_check.rules.model import Advies, Rule, Tekst
from iza_check.verdict import decide

AREAS = (
    "initiatief",
    "toegang",
    "werkwijze",
    "team",
    "samenwerking",
    "kwaliteit",
    "financiering",
    "bereik",
)


def collect_plans(
    profile: Profile, marks: dict[str, tuple[int, int]], peildatum: dt.date
) -> dict[str, list[PlanRef]]:
    """All ``in_ontwikkeling`` plans of every area, by the criterion ids they address."""
    plans: dict[str, list[PlanRef]] = defaultdict(list)
    for area_name in AREAS:
        area = getattr(profile, area_name, None)
        items: Iterable[Plan] = getattr(area, "in_ontwikkeling", None) or ()
        for index, plan in enumerate(items):
            overdue = (
                plan.streefdatum is not None and plan.streefdatum < peildatum and not plan.gerealiseerd
            )
            line = marks.get(f"{area_name}.in_ontwikkeling[{index}]", (None, None))[0]
            ref = PlanRef(plan.stap, plan.streefdatum, plan.gerealiseerd, overdue, line)
            for criterion in plan.betreft:
                plans[criterion].append(ref)
    return plans


def _summarise(value: object) -> object:
    """Lists of objects (activities, partners) are quoted by name and kind, not dumped whole."""
    if isinstance(value, list | tuple) and value and all(isinstance(v, dict) for v in value):
        items = []
        for item in value:
            kind = item.get("soort") or item.get("categorie")
            name = item.get("naam", "?")
            items.append(f"{name} ({kind})" if kind else str(name))
        return tuple(items)
    return value


def _text(value: Tekst | Advies) -> Text:
    return Text(nl=value.nl, en=value.en)


@dataclass(frozen=True, slots=True)
class _RuleTexts:
    """What every finding of one rule shares: made once per rule, so findings share these objects."""

    group: str
    severity: Severity
    title: Text
    advice: Text
    link: str | None
    source: str
    nvt_reason: Text | None


_RULE_TEXTS: dict[int, tuple[Rule, _RuleTexts]] = {}


def _rule_texts(rule: Rule) -> _RuleTexts:
    cached = _RULE_TEXTS.get(id(rule))
    if cached is not None and cached[0] is rule:
        return cached[1]
    texts = _RuleTexts(
        group=rule.groep.value,
        severity=Severity(rule.ernst.value),
        title=_text(rule.titel),
        advice=_text(rule.advies),
        link=str(rule.advies.link) if rule.advies.link else None,
        source=f"{rule.bron.bestand}, {rule.bron.sectie}",
        nvt_reason=_text(rule.nvt.reden) if rule.nvt is not None else None,
    )
    _RULE_TEXTS[id(rule)] = (rule, texts)  # the rule is kept, so its id cannot be reused
    return texts


def build_finding(
    rule: Rule,
    result: RuleResult,
    loaded: LoadedProfile,
    plans: list[PlanRef],
    fact_refs: dict[str, FactRef],
) -> Finding:
    """One rule's finding; ``fact_refs`` shares the FactRef of a path between the findings of one profile."""
    outcome = result.outcome
    marks = loaded.marks
    facts_list: list[FactRef] = []
    for fact in result.facts:
        ref = fact_refs.get(fact.path)
        if ref is None:
            ref = fact_refs[fact.path] = FactRef(fact.path, _summarise(fact.value), *marks.get(fact.path, (None, None)))
        facts_list.append(ref)
    facts = tuple(facts_list)
    missing = result.missing
    # For onbekend the next step is to supply the missing facts (listed); gap advice would presume a gap.
    gap = outcome in (Outcome.deels, Outcome.voldoet_niet)
    main_path = facts[0].path if facts else (missing[0] if missing else None)
    line, column = (facts[0].line, facts[0].column) if facts else (None, None)
    if line is None and main_path is not None:
        parent = main_path.rsplit(".", 1)[0]
        line, column = marks.get(parent, (None, None))
    texts = _rule_texts(rule)
    return Finding(
        rule_id=rule.id,
        group=texts.group,
        outcome=outcome,
        severity=texts.severity,
        title=texts.title,
        profile=loaded.source,
        advice=texts.advice if gap else None,
        link=texts.link,
        source=texts.source,
        nvt_reason=texts.nvt_reason if outcome is Outcome.nvt else None,
        facts=facts,
        missing=missing,
        plans=tuple(plans),
        at_best=result.at_best,
        field_path=main_path,
        line=line,
        column=column,
    )


def assess(
    loaded: LoadedProfile, rules: Iterable[Rule], results: Iterable[RuleResult], peildatum: dt.date
) -> ProfileReport:
    """Turn the engine's results for one profile into the report model."""
    profile = loaded.profile
    plans = collect_plans(profile, loaded.marks, peildatum)
    by_id = {r.rule_id: r for r in results}
    # The engine gives every rule that looks at a path the same value; quote it once per profile.
    fact_refs: dict[str, FactRef] = {}
    findings = tuple(
        build_finding(rule, by_id[rule.id], loaded, plans.get(rule.id, []), fact_refs)
        for rule in rules
        if rule.id in by_id
    )
    return ProfileReport(
        source=loaded.source,
        naam=profile.initiatief.naam,
        gemeente=profile.initiatief.gemeente,
        regio=profile.initiatief.regio,
        verdict=decide(findings),
        findings=findings,
        questions=answer_questions(profile, loaded.marks),
        figures=reference_figures(profile),
        dagdelen_open=profile.toegang.dagdelen_open_per_week if profile.toegang else None,
        activiteiten=tuple(sorted({item.soort for item in profile.aanbod or ()})),
        activiteiten_volledig=profile.aanbod_volledig is True or profile.aanbod == [],
    )
