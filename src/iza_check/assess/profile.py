"""One profile through the pipeline: engine outcomes -> findings -> verdict -> ProfileReport."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from iza_check.assess.context import answer_questions, reference_figures
from iza_check.assess.evidence import AREAS, Evidence, evidence_for
from iza_check.assess.evidence import collect as collect_evidence
from iza_check.assess.evidence import reach as evidence_reach
from iza_check.assess.findings import (
    EvidenceRef,
    FactRef,
    Finding,
    ListItem,
    Outcome,
    PlanRef,
    ProfileReport,
    Severity,
    Text,
)
from iza_check.assess.verdict import decide
from iza_check.engine.base import basis
from iza_check.engine.facts import ReasonFunction, compile_reasons, plain
from iza_check.engine.outcomes import RuleResult
from iza_check.profile.loader import LoadedProfile
from iza_check.profile.model import Plan, Profile
from iza_check.rules.conditions import iter_leaves
from iza_check.rules.model import Advies, Rule, Tekst


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
        return tuple(ListItem(str(item.get("naam", "?")), item.get("soort") or item.get("categorie")) for item in value)
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
    reach: frozenset[str]  # the fields the rule's conditions pass through (see iza_check.assess.evidence.reach)
    # advies_als: each situation's condition, its advice and its link (else the rule's), in the rule's order
    situations: tuple[tuple[ReasonFunction, Text, str | None], ...]
    verdict_role: str | None


_RULE_TEXTS: dict[int, tuple[Rule, _RuleTexts]] = {}


def _rule_texts(rule: Rule) -> _RuleTexts:
    cached = _RULE_TEXTS.get(id(rule))
    if cached is not None and cached[0] is rule:
        return cached[1]
    texts = _RuleTexts(
        group=rule.groep.value,
        severity=rule.ernst,
        title=_text(rule.titel),
        advice=_text(rule.advies),
        link=_link(rule.advies),
        source=f"{rule.bron.bestand}, {rule.bron.sectie}",
        nvt_reason=_text(rule.nvt.reden) if rule.nvt is not None else None,
        reach=evidence_reach(leaf.path for condition in rule.parts().values() for leaf in iter_leaves(condition)),
        situations=tuple(
            (compile_reasons(v.als, Profile), _text(v.advies), _link(v.advies) or _link(rule.advies))
            for v in rule.advies_als
        ),
        verdict_role=rule.oordeel.value if rule.oordeel is not None else None,
    )
    _RULE_TEXTS[id(rule)] = (rule, texts)  # the rule is kept, so its id cannot be reused
    return texts


def _link(advice: Advies) -> str | None:
    return str(advice.link) if advice.link else None


def _advice(
    texts: _RuleTexts, profile: Profile, peildatum: dt.date, lookups: dict[str, object] | None
) -> tuple[Text, str | None]:
    """The rule's advice and link for this profile: the first situation (``advies_als``) that holds, else the
    general one. A situation without a link of its own keeps the rule's."""
    for holds, advice, link in texts.situations:
        if holds(profile, peildatum, lookups).truth is True:
            return advice, link
    return texts.advice, texts.link


def build_finding(
    rule: Rule,
    result: RuleResult,
    loaded: LoadedProfile,
    plans: list[PlanRef],
    fact_refs: dict[str, FactRef],
    profile_evidence: Evidence | None = None,
    peildatum: dt.date | None = None,
    lookups: dict[str, object] | None = None,
) -> Finding:
    """One rule's finding; ``fact_refs`` shares the FactRef of a path between the findings of one profile, and
    ``lookups`` the profile's values and the readings of conditions that rules share.

    ``profile_evidence`` is the profile's evidence (see iza_check.assess.evidence): it decides onderbouwd or verklaard.
    """
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
    causes = tuple(_cause_ref(path, loaded, fact_refs) for path in result.causes) if result.causes else ()
    # For onbekend the next step is to supply the missing facts (listed); gap advice would presume a gap.
    gap = outcome in (Outcome.deels, Outcome.voldoet_niet)
    # Where to look: the first cause of a gap, else the first fact the rule read, else the first missing one.
    first = causes[0] if causes else (facts[0] if facts else None)
    main_path = first.path if first is not None else (missing[0] if missing else None)
    line, column = (first.line, first.column) if first is not None else (None, None)
    if line is None and main_path is not None:
        parent = main_path.rsplit(".", 1)[0]
        line, column = marks.get(parent, (None, None))
    texts = _rule_texts(rule)
    day = peildatum if peildatum is not None else dt.date.today()
    advice, link = _advice(texts, loaded.profile, day, lookups) if gap else (None, texts.link)
    evidence: tuple[EvidenceRef, ...] = ()
    if outcome is not Outcome.onbekend and profile_evidence:
        evidence = evidence_for(
            rule.id, texts.reach, profile_evidence, lambda: basis(rule, result, loaded.profile, day, lookups)
        )
    return Finding(
        rule_id=rule.id,
        group=texts.group,
        outcome=outcome,
        severity=texts.severity,
        title=texts.title,
        profile=loaded.source,
        advice=advice,
        link=link,
        source=texts.source,
        nvt_reason=texts.nvt_reason if outcome is Outcome.nvt else None,
        facts=facts,
        missing=missing,
        plans=tuple(plans),
        at_best=result.at_best,
        at_least=result.at_least,
        field_path=main_path,
        line=line,
        column=column,
        causes=causes,
        evidence=evidence,
        verdict_role=texts.verdict_role,
    )


def _cause_ref(path: str, loaded: LoadedProfile, fact_refs: dict[str, FactRef]) -> FactRef:
    """A cause as a fact: shared with the facts list when the rule quoted it, else looked up (a list item)."""
    ref = fact_refs.get(path)
    if ref is None:
        value = _item_value(loaded.profile, path)
        ref = fact_refs[path] = FactRef(path, _summarise(value), *loaded.marks.get(path, (None, None)))
    return ref


def _item_value(profile: Profile, path: str) -> object:
    """The plain value at a path that may index a list (``aanbod[2].soort``); None when absent."""
    node: object = profile
    for segment in path.split("."):
        name, _, index = segment.partition("[")
        node = getattr(node, name, None)
        if index and isinstance(node, list):
            position = int(index.rstrip("]"))
            node = node[position] if position < len(node) else None
        if node is None:
            return None
    return plain(node)


def assess(
    loaded: LoadedProfile, rules: Iterable[Rule], results: Iterable[RuleResult], peildatum: dt.date
) -> ProfileReport:
    """Turn the engine's results for one profile into the report model."""
    profile = loaded.profile
    plans = collect_plans(profile, loaded.marks, peildatum)
    by_id = {r.rule_id: r for r in results}
    # The engine gives every rule that looks at a path the same value; quote it once per profile.
    fact_refs: dict[str, FactRef] = {}
    evidence = collect_evidence(profile, loaded.marks, peildatum)
    lookups: dict[str, object] = {}
    findings = tuple(
        build_finding(rule, by_id[rule.id], loaded, plans.get(rule.id, []), fact_refs, evidence, peildatum, lookups)
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
        questions=answer_questions(profile, loaded.marks, findings),
        figures=reference_figures(profile),
        dagdelen_open=profile.toegang.dagdelen_open_per_week if profile.toegang else None,
        activiteiten=tuple(sorted({item.soort for item in profile.aanbod or ()})),
        activiteiten_volledig=profile.aanbod_volledig is True or profile.aanbod == [],
        item_names=item_names(profile),
    )


def item_names(profile: Profile) -> tuple[tuple[str, str], ...]:
    """The activities and partners by their paths, for reports that name them ("activiteit 2 (WRAP)")."""
    names = [(f"aanbod[{i}]", item.naam) for i, item in enumerate(profile.aanbod or ())]
    partners = profile.samenwerking.partners if profile.samenwerking else None
    names += [(f"samenwerking.partners[{i}]", partner.naam) for i, partner in enumerate(partners or ())]
    return tuple(names)
