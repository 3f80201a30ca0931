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

from pydantic import BaseModel

from iza_check.facts import (
    LIST_OPERATORS,
    MISSING,
    ItemPredicate,
    compile_condition,
    completeness_path,
    lookup,
    lookup_once,
    plain,
)
from iza_check.outcomes import Fact, Outcome, RuleResult
from iza_check.profile.model import Profile
from iza_check.rules.conditions import Bestaat, ConditionBase, Lijst, Ontbreekt, iter_leaves
from iza_check.rules.model import Catalogue, Rule
from iza_check.rules.paths import FieldType, resolve

PARTS = ("nvt", "voldoet", "deels")

Truths = dict[str, bool | None]


@dataclass(frozen=True, slots=True)
class Leaf:
    """A path a part looks at; for a lijst, the item test and item paths (to explain item-level gaps)."""

    path: str
    can_be_unknown: bool
    item_test: ItemPredicate | None = None
    item_paths: tuple[str, ...] = ()
    # For a test whose falsity is an absence from a list: the field that says the list is complete.
    complete_path: str | None = None


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: Rule
    parts: dict[str, ConditionBase]
    leaves: dict[str, tuple[Leaf, ...]]
    paths: tuple[str, ...]  # every referenced path, in order of first use


def item_types(condition: ConditionBase, model: type[BaseModel]) -> dict[str, FieldType]:
    return {leaf.path: resolve(model, leaf.path) for leaf in iter_leaves(condition)}


def _complete_path(path: str) -> str | None:
    candidate = completeness_path(path)
    try:
        resolve(Profile, candidate)
    except (KeyError, ValueError, TypeError):
        return None
    return candidate


def _leaves_of(condition: ConditionBase) -> tuple[Leaf, ...]:
    out: list[Leaf] = []
    for leaf in iter_leaves(condition):
        if isinstance(leaf, Lijst):
            ftype = resolve(Profile, leaf.lijst)
            assert ftype.item is not None and ftype.item.model is not None
            types = item_types(leaf.waar, ftype.item.model)
            test = compile_condition(leaf.waar, types)
            out.append(Leaf(leaf.lijst, True, test, tuple(types), _complete_path(leaf.lijst)))
        elif isinstance(leaf, LIST_OPERATORS):
            out.append(Leaf(leaf.veld, True, complete_path=_complete_path(leaf.veld)))
        else:
            out.append(Leaf(leaf.veld, not isinstance(leaf, (Bestaat, Ontbreekt))))
    return tuple(out)


def compile_rule(rule: Rule) -> CompiledRule:
    parts: dict[str, ConditionBase] = {"voldoet": rule.voldoet}
    if rule.deels is not None:
        parts["deels"] = rule.deels
    if rule.nvt is not None:
        parts["nvt"] = rule.nvt.als
    leaves = {name: _leaves_of(condition) for name, condition in parts.items()}
    paths = tuple(dict.fromkeys(leaf.path for name in ("voldoet", "deels", "nvt") for leaf in leaves.get(name, ())))
    return CompiledRule(rule, parts, leaves, paths)


def decide(truth: Truths) -> Outcome:
    """The outcome from the truth of each part (None = unknown; an absent part is not in ``truth``).

    nvt if ``nvt`` is true; else voldoet if ``voldoet`` is true; else deels if ``deels`` is true;
    else voldoet_niet if ``voldoet`` is false and ``deels`` is absent or false; else onbekend.
    """
    if truth.get("nvt") is True:
        return Outcome.nvt
    if truth["voldoet"] is True:
        return Outcome.voldoet
    if truth.get("deels") is True:
        return Outcome.deels
    if truth["voldoet"] is False and truth.get("deels", False) is False:
        return Outcome.voldoet_niet
    return Outcome.onbekend


def explain(
    compiled: CompiledRule,
    truth: Truths,
    profile: Profile,
    peildatum: dt.date,
    lookups: dict[str, object],
    fact_cache: dict[str, Fact | None],
) -> RuleResult:
    """The rule's result: its outcome, the facts it looked at, and what is missing when it is open.

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
    if outcome is Outcome.deels and truth["voldoet"] is None:
        undecided: tuple[str, ...] = ("voldoet",)
    elif outcome is Outcome.onbekend:
        undecided = tuple(part for part in ("voldoet", "deels", "nvt") if part in truth and truth[part] is None)
    else:
        return RuleResult(compiled.rule.id, outcome, tuple(present), ())
    missing: dict[str, None] = {}
    for part in undecided:
        for leaf in compiled.leaves[part]:
            if not leaf.can_be_unknown:
                continue
            raw = lookup_once(profile, leaf.path, lookups)
            if raw is MISSING:
                missing.setdefault(leaf.path, None)
                continue
            if leaf.item_test is not None and isinstance(raw, list):
                for position, item in enumerate(raw):
                    if leaf.item_test(item, peildatum) is None:
                        for item_path in leaf.item_paths:
                            if lookup(item, item_path) is MISSING:
                                missing.setdefault(f"{leaf.path}[{position}].{item_path}", None)
            if leaf.complete_path is not None and lookup_once(profile, leaf.complete_path, lookups) is MISSING:
                if isinstance(raw, list) and raw:  # a list given empty is complete already
                    missing.setdefault(leaf.complete_path, None)
    # voldoet is known false, deels open: whatever the unknowns turn out to be, this is not voldoet.
    at_best = Outcome.deels if outcome is Outcome.onbekend and truth["voldoet"] is False else None
    return RuleResult(compiled.rule.id, outcome, tuple(present), tuple(missing), at_best)


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
