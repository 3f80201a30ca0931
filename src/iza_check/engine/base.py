"""What every back-end shares: the rule's parts, the three-valued outcome, and its explanation.

A back-end decides the truth of each part of a rule (``nvt.als``, ``voldoet``, ``deels``: true, false
or unknown); everything after that — the outcome, the facts quoted, the paths that would settle an
unknown — is worked out here, once, so the back-ends can differ only in how they reach the truths.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

from iza_check.engine.facts import MISSING, ReasonFunction, compile_reasons, lookup_once, plain
from iza_check.engine.facts import item_types as item_types  # re-exported: the types of a condition's paths
from iza_check.engine.outcomes import Fact, Outcome, RuleResult
from iza_check.profile.model import Profile
from iza_check.rules.conditions import iter_leaves
from iza_check.rules.model import Catalogue, Rule
from iza_check.rules.operators import ConditionBase

PARTS = ("nvt", "voldoet", "deels")

Truths = dict[str, bool | None]


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: Rule
    parts: dict[str, ConditionBase]
    # Per part: its truth with the facts behind it (see iza_check.engine.facts.Reason), for the explanation.
    reasons: dict[str, ReasonFunction]
    paths: tuple[str, ...]  # every referenced path, in order of first use


# Compiled once per rule object, shared by every engine and by :func:`basis` (the rule is kept, so its id stays).
_REASONS: dict[int, tuple[Rule, dict[str, ReasonFunction]]] = {}


def rule_reasons(rule: Rule) -> dict[str, ReasonFunction]:
    """Per part of the rule: its truth with the facts behind it (see iza_check.engine.facts.Reason)."""
    cached = _REASONS.get(id(rule))
    if cached is not None and cached[0] is rule:
        return cached[1]
    reasons = {name: compile_reasons(condition, Profile) for name, condition in rule.parts().items()}
    _REASONS[id(rule)] = (rule, reasons)
    return reasons


def compile_rule(rule: Rule) -> CompiledRule:
    parts = rule.parts()
    paths = tuple(dict.fromkeys(leaf.path for condition in parts.values() for leaf in iter_leaves(condition)))
    return CompiledRule(rule, parts, rule_reasons(rule), paths)


def decide(truth: Truths) -> Outcome:
    """The outcome from the truth of each part (None = unknown; an absent part is not in ``truth``).

    nvt if ``nvt`` is true; else voldoet if ``voldoet`` is true; else deels if ``voldoet`` is false and
    ``deels`` is true; else voldoet_niet if ``voldoet`` is false and ``deels`` is absent or false; else
    onbekend. A true ``deels`` beside an unknown ``voldoet`` is onbekend: the missing facts could still make
    it voldoet, so it is no gap yet (see :func:`bounds`).
    """
    if truth.get("nvt") is True:
        return Outcome.nvt
    if truth["voldoet"] is True:
        return Outcome.voldoet
    if truth["voldoet"] is False and truth.get("deels") is True:
        return Outcome.deels
    if truth["voldoet"] is False and truth.get("deels", False) is False:
        return Outcome.voldoet_niet
    return Outcome.onbekend


def bounds(truth: Truths) -> tuple[Outcome | None, Outcome | None]:
    """For an onbekend outcome, what the known facts already settle: (at best, at least).

    At best deels: ``voldoet`` is false and ``deels`` open, so whatever the unknowns turn out to be, it is not
    voldoet; not while ``nvt`` is open, which would make it n.v.t. (met). At least deels: ``deels`` is true and
    ``voldoet`` open, so it is deels or voldoet (or n.v.t.), never voldoet niet.
    """
    if truth["voldoet"] is False:
        return (None if "nvt" in truth and truth["nvt"] is None else Outcome.deels), None
    if truth["voldoet"] is None and truth.get("deels") is True:
        return None, Outcome.deels
    return None, None


def explain(
    compiled: CompiledRule,
    truth: Truths,
    profile: Profile,
    peildatum: dt.date,
    lookups: dict[str, object],
    fact_cache: dict[str, Fact | None],
) -> RuleResult:
    """The rule's result: its outcome, the facts it looked at, what caused a gap, and what could change it.

    ``causes`` (for deels and voldoet niet, and for an onbekend that can be deels at best) are the facts
    that made the rule's ``voldoet`` condition false, and for voldoet niet also those that made ``deels``
    false. ``missing`` lists only absent facts that could still change the outcome: those below the
    undecided parts of the rule that are themselves undecided. Both come from the condition tree
    (:func:`iza_check.engine.facts.compile_reasons`), whichever back-end decided the truths.
    ``lookups`` and ``fact_cache`` are shared by the rules of one profile (rules share paths).
    """
    outcome = decide(truth)
    present: list[Fact] = []
    for path in compiled.paths:
        fact = fact_cache.get(path, MISSING)
        if fact is MISSING:
            raw = lookup_once(profile, path, lookups)
            fact = fact_cache[path] = None if raw is MISSING else Fact(path, plain(raw))
        if fact is not None:
            present.append(fact)  # type: ignore[arg-type]
    if outcome is Outcome.voldoet or outcome is Outcome.nvt:
        return RuleResult(compiled.rule.id, outcome, tuple(present), ())
    reasons = compiled.reasons

    def deciding(part: str, value: bool) -> tuple[str, ...]:
        """The facts that made ``part`` true or false; none when the engine did not find it so."""
        return reasons[part](profile, peildatum, lookups).deciding if part in truth and truth[part] is value else ()

    causes: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    at_best = at_least = None
    if outcome is Outcome.deels:
        causes = deciding("voldoet", False)
    elif outcome is Outcome.voldoet_niet:
        causes = _merge(deciding("voldoet", False), deciding("deels", False))
    else:
        at_best, at_least = bounds(truth)
        if truth["voldoet"] is False:  # what kept it from voldoet, also while an open nvt keeps it from deels at best
            causes = deciding("voldoet", False)
        missing = _merge(
            *(
                reasons[part](profile, peildatum, lookups).open
                for part in ("voldoet", "deels", "nvt")
                if part in truth and truth[part] is None
            )
        )
    return RuleResult(compiled.rule.id, outcome, tuple(present), missing, at_best, causes, at_least)


def basis(
    rule: Rule, result: RuleResult, profile: Profile, peildatum: dt.date, lookups: dict[str, object] | None = None
) -> tuple[str, ...]:
    """The facts the outcome rests on (for evidence: is one of them backed?); none for onbekend.

    voldoet and nvt: what made that part true; deels: the causes and what made ``deels`` true; voldoet
    niet: the causes. Worked out on demand: most findings never need it. ``lookups``, shared by the rules of
    one profile, remembers values and readings that rules share (see :func:`explain`).
    """
    reasons = rule_reasons(rule)

    def holding(part: str) -> tuple[str, ...]:
        if part not in reasons:
            return ()
        reason = reasons[part](profile, peildatum, lookups)
        return reason.deciding if reason.truth is True else ()

    if result.outcome is Outcome.voldoet:
        return holding("voldoet")
    if result.outcome is Outcome.nvt:
        return holding("nvt")
    if result.outcome is Outcome.deels:
        return _merge(result.causes, holding("deels"))
    if result.outcome is Outcome.voldoet_niet:
        return result.causes
    return ()


def _merge(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(path for group in groups for path in group))


class Engine(ABC):
    """Evaluates profiles against a catalogue. Build one per process (see :func:`create_engine`)."""

    #: The back-end's name, as ``--engine`` takes it and the reports show it.
    name: str

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._rules = [compile_rule(rule) for rule in catalogue.rules]
        self._index = {compiled.rule.id: index for index, compiled in enumerate(self._rules)}

    def evaluate(self, profile: Profile, *, peildatum: dt.date) -> list[RuleResult]:
        """The outcome of every rule for one profile, in catalogue order."""
        return self._evaluate(profile, peildatum, range(len(self._rules)))

    def evaluate_rule(self, profile: Profile, rule_id: str, *, peildatum: dt.date) -> RuleResult:
        """The outcome of one rule."""
        return self._evaluate(profile, peildatum, [self._index[rule_id]])[0]

    @abstractmethod
    def _evaluate(self, profile: Profile, peildatum: dt.date, indices: Sequence[int]) -> list[RuleResult]:
        """The results of the rules at ``indices``, in that order."""
