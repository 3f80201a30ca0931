"""The durable-rules back-end: the catalogue compiled to durable-rules, one profile evaluated at a time.

durable-rules itself is imported by :mod:`iza_check.engine.durable_load` alone, lazily, so the rest of the tool
works without it and a run can find out whether it loads without loading this module.

How a rule becomes network rules
--------------------------------
Every part of a rule (``nvt.als``, ``voldoet``, ``deels``) is compiled twice: a *pass* form that
matches when the condition is true and a *fail* form that matches when it is false (its negation by
De Morgan; ``niet`` swaps the two). A test on a fact that is absent never matches, not even
``$neq``, so when neither form matches the part is unknown. Each form is written as a disjunction
of conjunctions and every conjunction becomes one network rule::

    {'$and': [{'kind': 'profile'}, {'g3': 1}, <tests on f-keys>]}

Conjunctions that can never hold (``x = 'ja'`` and ``x = 'nee'``), that a smaller conjunction of the
same part already covers, or that another part shares, are dropped or shared before compiling: the
engine's cost per profile grows with the number of network rules. An ``in`` stays one test
(``$or`` of values that exclude each other), so it never fires twice.

``kind`` guards against matching the engine's own session-state fact. ``gN`` is a group guard: the
C core fails (error 303, after which its state is corrupt) when more than 64 conditions are true at
one node, so every group holds at most 16 network rules and every ruleset at most 32 groups; a large
catalogue is spread over several rulesets, each given only the fact keys it tests (at most 255
properties per fact).

Each profile is asserted as one fact (from :mod:`iza_check.engine.facts`, with an id of its own) in the
ruleset's one session, the fired rules are collected, then the fact is retracted, so nothing carries
over between profiles. The session is kept: creating one clears about 8 KB per network node, which
cost more than the evaluation itself. A fact that matched no rule would leave a session that can be
neither deleted (segfault) nor kept (they pile up), so every ruleset has a sentinel rule that matches
every profile fact. When anything goes wrong mid-evaluation the session is deleted, and the next
fact starts a fresh one.

Dispatching fired rules
-----------------------
durable's own action dispatch decodes the whole fact from JSON and re-encodes the session state for
every fired rule (about 30 µs each, most of the cost of an evaluation). Our host dispatches instead:
the action of every network rule is "record my name", done straight from the engine's action queue
(about 3 µs). The host's timer threads are switched off: they call into the C core concurrently and
crash the process; one engine per process, parallelism with processes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from iza_check.engine import EngineError
from iza_check.engine.base import PARTS, CompiledRule, Engine, Truths, explain
from iza_check.engine.durable_load import load_durable
from iza_check.engine.facts import MISSING, Derived, FactPlan
from iza_check.engine.outcomes import Fact, RuleResult
from iza_check.profile.model import Profile
from iza_check.profile.paths import FieldType, resolve
from iza_check.rules.conditions import Lijst, disjunctive_form
from iza_check.rules.model import Catalogue
from iza_check.rules.operators import AtomBase, ConditionBase, Test

RULES_PER_GROUP = 16
GROUPS_PER_RULESET = 32
MAX_KEYS_PER_RULESET = 200

SENTINEL = "always"

Term = list[Test]


_ruleset_numbers = itertools.count()
_fact_numbers = itertools.count(1)
SESSION = "1"


def _noop(_closure: object) -> None:
    """The registered action; our host records the rule name itself (see module docstring)."""


def _make_host(durable_engine: Any, core: Any) -> Any:
    class _Host(durable_engine.Host):
        def _run(self) -> None:
            """No timer threads: they call into the C core concurrently and crash the process."""

        def fire(self, ruleset_name: str, fact: dict[str, object]) -> list[str]:
            """Assert ``fact`` in the ruleset's session; the names of the rules that fired; retract it."""
            handle = self.get_ruleset(ruleset_name)._handle
            mid = str(next(_fact_numbers))
            fact["sid"] = SESSION
            fact["id"] = mid
            names: list[str] = []
            try:
                code, state_handle = core.assert_fact(handle, json.dumps(fact, ensure_ascii=False))
            except Exception as error:  # the C core raises plain exceptions with an error code
                raise EngineError(f"durable-rules refused the fact: {error}") from error
            if code != 0:
                # 1: nothing matched; the session can then be neither kept nor deleted (see the module
                # docstring). The sentinel rule of every ruleset makes this impossible.
                raise EngineError(f"durable-rules did not handle the fact (code {code})")
            try:
                result = core.start_action_for_state(handle, state_handle)
                while result:
                    message = result[1] if isinstance(result, tuple) else result
                    # The message is {"<rule name>": {...}}; our names never contain quotes.
                    names.append(message[2 : message.index('"', 2)])
                    result = core.complete_and_start_action(handle, state_handle)
                # The state is JSON; it is decoded only when it may carry an exception.
                state_text = core.get_state(handle, SESSION)
                if '"exception"' in state_text:
                    state = json.loads(state_text)
                    if "exception" in state:
                        raise EngineError(f"durable-rules: {state['exception']}")
                code, _ = core.retract_fact(handle, f'{{"sid":"{SESSION}","id":"{mid}"}}')
                if code != 0:
                    raise EngineError(f"durable-rules did not retract the fact (code {code})")
            except BaseException:
                core.delete_state(handle, SESSION)  # the next fact starts a fresh session
                raise
            return names

    return _Host()


# ---------------------------------------------------------------------------------------------
# Compilation


def _owner(rule_index: int, part: str, positive: bool) -> int:
    """A network rule's owner as one int: which rule, which part, pass or fail form."""
    return (rule_index * len(PARTS) + PARTS.index(part)) * 2 + positive


@dataclass(slots=True)
class _Ruleset:
    name: str
    base: dict[str, object]  # kind and group guards
    keys: tuple[str, ...]
    owners: list[tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class _Packed:
    """One ruleset as compiled, before it has a name: its guards, its fact keys, the owners of each network rule
    (``t<n>``) and its rules as durable-rules' JSON (the sentinel and ``t0``, ``t1``, … without their actions)."""

    base: dict[str, object]
    keys: tuple[str, ...]
    owners: tuple[tuple[int, ...], ...]
    rules: str


@dataclass(frozen=True, slots=True)
class Network:
    """A catalogue compiled for durable-rules: plain data, so that the catalogue cache keeps it (the compiling costs
    a one-profile run more than reading it back). ``derived``: the fact plan's quantities in the order of their
    keys (``f0``, ``f1``, …)."""

    derived: tuple[Derived, ...]
    rulesets: tuple[_Packed, ...]
    network_rules: int


class _Compiler:
    def __init__(self, plan: FactPlan) -> None:
        self.plan = plan
        # count_true key -> count_possible key of the same lijst (count_true <= count_possible).
        self.count_pairs: dict[str, str] = {}

    def _complete(self, path: str, ftype: FieldType) -> Test:
        """The test that the list at ``path`` is complete: only then does an absence from it count."""
        return {self.plan.key(Derived("complete", path, ftype)): 1}

    def leaf(self, leaf: AtomBase | Lijst, positive: bool) -> Term:
        if isinstance(leaf, Lijst):
            ftype = resolve(Profile, leaf.lijst)
            waar_key = leaf.waar.identity()
            empty = leaf.listed_only  # a missing list counts as an empty one
            true_key = self.plan.key(Derived("count_true", leaf.lijst, ftype, None, waar_key, leaf.waar, missing_as_empty=empty))
            possible_key = self.plan.key(
                Derived("count_possible", leaf.lijst, ftype, None, waar_key, leaf.waar, missing_as_empty=empty)
            )
            self.count_pairs[true_key] = possible_key
            if positive:
                return [{"$gte": {true_key: leaf.minstens}}]
            if leaf.listed_only:  # only the listed items count: no completeness needed to fail
                return [{"$lt": {possible_key: leaf.minstens}}]
            return [{"$lt": {possible_key: leaf.minstens}}, self._complete(leaf.lijst, ftype)]
        # An operator: its own tests on the fact it derives.
        ftype = resolve(Profile, leaf.veld)
        key = self.plan.key(Derived(leaf.fact, leaf.veld, ftype, leaf.fact_operand(ftype), source=type(leaf)))
        term = leaf.durable(key, ftype, positive)
        if not positive and leaf.needs_whole_list:
            term.append(self._complete(leaf.veld, ftype))
        return term

    def dnf(self, condition: ConditionBase, positive: bool) -> list[Term]:
        """The condition (positive) or its negation as a list of conjunctions of tests."""
        return disjunctive_form(condition, positive, self.leaf)


_ORDER_OPS = {"$gte": (True, True), "$gt": (True, False), "$lte": (False, True), "$lt": (False, False)}


def _impossible(term: Term, count_pairs: dict[str, str]) -> bool:
    """True when no fact can satisfy every test of the conjunction (such a rule would never fire)."""
    equal: dict[str, set[str]] = {}
    unequal: dict[str, set[str]] = {}
    lower: dict[str, tuple[float, bool]] = {}  # key -> (bound, inclusive)
    upper: dict[str, tuple[float, bool]] = {}
    exists: set[str] = set()
    absent: set[str] = set()
    for test in term:
        ((name, body),) = test.items()
        if name in ("$or", "$and"):
            continue  # opaque; only its keys count as present
        if name == "$ex" or name == "$nex":
            (absent if name == "$nex" else exists).update(body)
            continue
        if name.startswith("$"):
            ((key, value),) = body.items()
            exists.add(key)
            if name == "$neq":
                unequal.setdefault(key, set()).add(json.dumps(value))
            else:
                is_lower, inclusive = _ORDER_OPS[name]
                bounds = lower if is_lower else upper
                old = bounds.get(key)
                tighter = old is None or (value > old[0] if is_lower else value < old[0]) or (value == old[0] and not inclusive)
                if tighter:
                    bounds[key] = (value, inclusive)
            continue
        exists.add(name)
        equal.setdefault(name, set()).add(json.dumps(body))
        if isinstance(body, (int, float)) and not isinstance(body, bool):
            for bounds, is_lower in ((lower, True), (upper, False)):
                old = bounds.get(name)
                if old is None or (body > old[0] if is_lower else body < old[0]):
                    bounds[name] = (body, True)
    if exists & absent:
        return True
    for key, values in equal.items():
        if len(values) > 1 or values & unequal.get(key, set()):
            return True

    def empty(low: tuple[float, bool] | None, high: tuple[float, bool] | None) -> bool:
        if low is None or high is None:
            return False
        return low[0] > high[0] or (low[0] == high[0] and not (low[1] and high[1]))

    for key in lower.keys() & upper.keys():
        if empty(lower[key], upper[key]):
            return True
    return any(empty(lower.get(true_key), upper.get(possible_key)) for true_key, possible_key in count_pairs.items())


def _simplify(terms: list[tuple[int, Term]], count_pairs: dict[str, str]) -> list[tuple[tuple[int, ...], Term]]:
    """Fewer network rules, same matches: drop impossible and absorbed conjunctions, share equal ones.

    The engine's cost grows with the number of network rules, and the fail form of a large ``alle``
    or the pass form of ``alle`` over ``een_van`` multiplies them.
    """
    by_owner: dict[int, list[tuple[frozenset[str], Term]]] = {}
    for owner, term in terms:
        unique = {json.dumps(test, sort_keys=True): test for test in term}
        if _impossible(list(unique.values()), count_pairs):
            continue
        canonical = [unique[k] for k in sorted(unique)]
        by_owner.setdefault(owner, []).append((frozenset(unique), canonical))
    shared: dict[frozenset[str], tuple[list[int], Term]] = {}
    for owner, owned in by_owner.items():
        for signature, term in owned:
            if any(other < signature for other, _ in owned):
                continue  # a smaller conjunction of the same owner already matches whenever this one does
            entry = shared.setdefault(signature, ([], term))
            if owner not in entry[0]:
                entry[0].append(owner)
    return [(tuple(owners), term) for owners, term in shared.values()]


def _keys_of(term: Term) -> set[str]:
    keys: set[str] = set()
    for test in term:
        for name, body in test.items():
            if name in ("$or", "$and"):
                for sub in body:
                    keys.update(_keys_of([sub]))
            elif name.startswith("$"):
                keys.update(body)
            else:
                keys.add(name)
    return keys


def compile_network(rules: Sequence[CompiledRule]) -> Network:
    """The network rules of every part of ``rules``, pass and fail form, simplified and packed into rulesets."""
    plan = FactPlan()
    compiler = _Compiler(plan)
    terms: list[tuple[int, Term]] = []
    for index, compiled in enumerate(rules):
        for part in PARTS:
            condition = compiled.parts.get(part)
            if condition is None:
                continue
            for positive in (True, False):
                for term in compiler.dnf(condition, positive):
                    terms.append((_owner(index, part, positive), term))
    simplified = _simplify(terms, compiler.count_pairs)
    return Network(tuple(plan.derived), tuple(_pack(simplified)), len(simplified))


def _pack(terms: list[tuple[tuple[int, ...], Term]]) -> list[_Packed]:
    packed: list[_Packed] = []
    chunk: list[tuple[tuple[int, ...], Term]] = []
    chunk_keys: set[str] = set()

    def flush() -> None:
        if not chunk:
            return
        # The sentinel matches every profile fact, so a session always has a match (see fire()).
        rules: dict[str, dict[str, Any]] = {SENTINEL: {"all": [{"m": {"kind": "profile"}}]}}
        groups = 0
        for number, (_, term) in enumerate(chunk):
            group = f"g{number // RULES_PER_GROUP}"
            groups = number // RULES_PER_GROUP + 1
            expression = {"$and": [{"kind": "profile"}, {group: 1}, *term]}
            rules[f"t{number}"] = {"all": [{"m": expression}]}
        base: dict[str, object] = {"kind": "profile", **{f"g{g}": 1 for g in range(groups)}}
        owners = tuple(owner for owner, _ in chunk)
        packed.append(_Packed(base, tuple(sorted(chunk_keys)), owners, json.dumps(rules, ensure_ascii=False)))
        chunk.clear()
        chunk_keys.clear()

    for owner, term in terms:
        keys = _keys_of(term)
        too_many_rules = len(chunk) >= RULES_PER_GROUP * GROUPS_PER_RULESET
        if chunk and (too_many_rules or len(chunk_keys | keys) > MAX_KEYS_PER_RULESET):
            flush()
        chunk.append((owner, term))
        chunk_keys.update(keys)
    flush()
    return packed


# The most distinct fact keys one network rule may test. Each conjunction is asserted against a fact that
# carries its keys plus kind, the group guard, sid and id; measured with generated rules (an ``alle`` over
# N ``lijst`` tests with thresholds of their own, durable-rules 2.0.28): N = 250 runs, N = 251 makes the C
# core refuse every fact ("Could not assert fact, error code: 302"). ``rules lint`` refuses beyond this.
MAX_FACTS_PER_CONJUNCTION = 250


def facts_per_conjunction(condition: ConditionBase, positive: bool) -> int:
    """The most fact keys any one network rule of ``condition`` (positive) or its negation tests.

    For ``rules lint``: compiles the condition as the engine does, without loading durable-rules.
    """
    compiler = _Compiler(FactPlan())
    return max((len(_keys_of(term)) for term in compiler.dnf(condition, positive)), default=0)


class DurableEngine(Engine):
    """Evaluates profiles against a catalogue with durable-rules. Build one per process."""

    name = "durable"

    def __init__(self, catalogue: Catalogue) -> None:
        durable_engine, core = load_durable()
        super().__init__(catalogue)
        self._owners = [
            tuple((part, _owner(index, part, True), _owner(index, part, False)) for part in compiled.parts)
            for index, compiled in enumerate(self._rules)
        ]
        from iza_check.rules.cache import compiled

        network = compiled(catalogue, "durable-network", Network, lambda: compile_network(self._rules))
        self.plan = FactPlan()
        for derived in network.derived:
            self.plan.key(derived)
        self._rulesets: list[_Ruleset] = []
        # Fresh dicts from the JSON: set_rulesets mutates its argument (it pops each 'run').
        definitions: dict[str, dict[str, dict[str, Any]]] = {}
        for packed in network.rulesets:
            name = f"iza{next(_ruleset_numbers)}"
            self._rulesets.append(_Ruleset(name, packed.base, packed.keys, list(packed.owners)))
            definitions[name] = {rule: {**body, "run": _noop} for rule, body in json.loads(packed.rules).items()}
        self._host = _make_host(durable_engine, core)
        self._host.set_rulesets(definitions)
        self.network_rules = network.network_rules

    @property
    def rulesets(self) -> int:
        return len(self._rulesets)

    def facts(self, profile: Profile, *, peildatum: dt.date) -> dict[str, object]:
        """The flat fact that is asserted for ``profile`` (without the guards), for inspection."""
        return self.plan.facts(profile, peildatum)

    def _evaluate(self, profile: Profile, peildatum: dt.date, indices: Sequence[int]) -> list[RuleResult]:
        wanted = list(indices)
        lookups: dict[str, object] = {}
        facts = self.plan.facts(profile, peildatum, lookups)
        fired: set[int] = set()
        wanted_set = set(wanted)
        for ruleset in self._rulesets:
            if len(wanted_set) < len(self._rules) and not any(o // (2 * len(PARTS)) in wanted_set for owners in ruleset.owners for o in owners):
                continue
            fact: dict[str, object] = dict(ruleset.base)
            for key in ruleset.keys:
                value = facts.get(key, MISSING)
                if value is not MISSING:
                    fact[key] = value
            for name in self._host.fire(ruleset.name, fact):
                if name != SENTINEL:
                    fired.update(ruleset.owners[int(name[1:])])
        fact_cache: dict[str, Fact | None] = {}
        return [
            explain(self._rules[index], self._truths(index, fired), profile, peildatum, lookups, fact_cache)
            for index in wanted
        ]

    def _truths(self, index: int, fired: set[int]) -> Truths:
        truth: Truths = {}
        for part, pass_owner, fail_owner in self._owners[index]:
            if pass_owner in fired:
                if fail_owner in fired:
                    raise EngineError(f"rule {self._rules[index].rule.id}: '{part}' both matched and failed")
                truth[part] = True
            else:
                truth[part] = False if fail_owner in fired else None
        return truth
