"""The condition language evaluated: its three-valued truth with the facts behind it, and the flat fact.

What each operator means lives with its class in :mod:`iza_check.rules.conditions`; this module reads the
compound forms: Kleene's three-valued logic over the operators' own truth functions
(:meth:`~iza_check.rules.conditions.AtomBase.value_test`), and the completeness of lists. :func:`compile_reasons`
gives the truth with the paths that decide it or could still settle an unknown; the Python back-end and the
explanation of every result read it. :func:`compile_condition` gives the same truth alone, settled as soon as
it is known: the ``lijst`` counts of the flat fact read it on every item, where collecting paths would be work
thrown away (the durable back-end's facts took more than twice as long when the counts read
:func:`compile_reasons`).

The one pre-processing step for durable-rules: (Profile, peildatum) -> the small flat fact the engine is
given. durable-rules compares single values of one flat fact. What it cannot express natively is derived
here, and nothing else is: the engine then decides every comparison and the alle/een_van/niet structure. A
:class:`FactPlan` lists the derived quantities the catalogue refers to, each under a safe short key (``f0``,
``f1``, ...); :meth:`FactPlan.facts` computes them for one profile. Each operator names the fact it tests
(``value``, ``present``, ``has``, ``has_count``, ``length``, ``age_years``, ``days_after_peildatum``; see
their classes) and derives it; two more belong to the compound forms:

* ``count_true`` / ``count_possible`` — for ``lijst ... waar ... minstens``: the number of items for
  which ``waar`` is true, and for which it is true or unknown, by the evaluator above (a missing item
  field is unknown).
* ``complete`` — ``1`` when a list is the whole list (given empty, or ``<list>_volledig: true`` beside
  it), else ``0``. A list proves what is in it; that something is *not* in it (``bevat`` false, fewer
  than ``minstens`` items) counts only for a complete list, and is unknown otherwise.

A missing fact (``None``, an absent group, a list field left out of the file) is left out of the
fact, so every test on it fails to match and the engine leaves it undecided (onbekend). A value of
the wrong Python type (only possible for a profile built without validation) is left out too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from pydantic import BaseModel
from pydantic_core import Url

from iza_check.profile.model import COMPLETE_SUFFIX
from iza_check.profile.paths import FieldType, resolve, walk
from iza_check.rules.conditions import Alle, EenVan, Lijst, Niet, children, iter_leaves
from iza_check.rules.operators import AtomBase, ConditionBase, Deriver, Truth
from iza_check.rules.values import MISSING


@cache
def _defaulted_fields(model: type[BaseModel]) -> frozenset[str]:
    """Fields filled by a default factory (lists): left out of the file means unknown, not empty."""
    return frozenset(name for name, info in model.model_fields.items() if info.default_factory is not None)


def _lookup_parts(obj: object, parts: tuple[str, ...]) -> object:
    for segment in parts:
        if not isinstance(obj, BaseModel):
            return MISSING
        value = getattr(obj, segment, None)
        if value is None:
            return MISSING
        if type(value) is list and segment not in obj.model_fields_set and segment in _defaulted_fields(type(obj)):
            return MISSING
        obj = value
    return obj


def is_complete(obj: object, parts: tuple[str, ...], raw: object) -> bool:
    """Whether the list ``raw``, found at ``parts`` below ``obj``, is the whole list: given empty, or flagged."""
    if type(raw) is list and not raw:
        return True
    return _lookup_parts(obj, (*parts[:-1], parts[-1] + COMPLETE_SUFFIX)) is True


def completeness_path(path: str) -> str:
    """The field that says the list at ``path`` is complete."""
    return path + COMPLETE_SUFFIX


def lookup(obj: object, path: str) -> object:
    """The value at a dotted path below a model instance, or :data:`MISSING`."""
    return _lookup_parts(obj, tuple(path.split(".")))


def item_types(condition: ConditionBase, model: type[BaseModel]) -> dict[str, FieldType]:
    """The type of each path the condition names, relative to ``model`` (checked at loading)."""
    return {leaf.path: resolve(model, leaf.path) for leaf in iter_leaves(condition)}


@dataclass(frozen=True)
class Derived:
    """One derived quantity. ``operand`` holds what tells facts of one kind on one path apart (the values of
    ``has``/``has_count``); ``source`` is the operator class that derives it."""

    kind: str
    path: str
    ftype: FieldType
    operand: object = None
    # For count_true/count_possible: the item condition, by its identity.
    waar_key: Hashable = None
    waar: ConditionBase | None = field(default=None, compare=False, hash=False)
    # For an operator's fact: its class (operators that name the same kind derive it alike).
    source: type[AtomBase] | None = field(default=None, compare=False, hash=False)
    # For the counts of a ``lijst`` with ``alleen_genoemde``: a list that is not there has no items that count.
    missing_as_empty: bool = False


ItemPredicate = Callable[[BaseModel, dt.date], Truth]


class Reason(NamedTuple):
    """A condition's truth for one instance, and the fields behind it (a tuple: made very often).

    ``deciding``: when the truth is known, the paths of the facts whose values settle it, each with a value
    in the profile (an absence is no fact to point at). For ``alle`` false, those of its false parts; for
    ``een_van`` true, of its true parts; otherwise those of every part; ``niet`` keeps its part's. A
    ``lijst`` that holds names the items that hold it (``aanbod[2].soort``), one that does not names the list.
    ``open``: when the truth is unknown, the absent paths that could still settle it: only below parts that
    are themselves unknown (a part already decided cannot change the whole), the unknown fields of the
    items of a list, and the field that would say a list is complete.
    """

    truth: Truth
    deciding: tuple[str, ...] = ()
    open: tuple[str, ...] = ()


# (instance, peildatum, lookups): ``lookups`` remembers the raw value per path of the profile (see
# :func:`lookup_once`); None below the items of a list.
ReasonFunction = Callable[[BaseModel, dt.date, "dict[str, object] | None"], Reason]
_NO_REASON = Reason(None)


def _union(groups: list[tuple[str, ...]]) -> tuple[str, ...]:
    if len(groups) == 1:
        return groups[0]
    seen: dict[str, None] = {}
    for group in groups:
        for path in group:
            seen[path] = None
    return tuple(seen)


def _raw(obj: BaseModel, path: str, parts: tuple[str, ...], lookups: dict[str, object] | None) -> object:
    if lookups is None:
        return _lookup_parts(obj, parts)
    raw = lookups.get(path, _UNSET)
    if raw is _UNSET:
        raw = lookups[path] = _lookup_parts(obj, parts)
    return raw


def _completeness_field(model: type[BaseModel], path: str) -> tuple[str, tuple[str, ...]] | None:
    """The field beside the list at ``path`` that says it is complete (path and parts), if the model has one."""
    candidate = completeness_path(path)
    try:
        resolve(model, candidate)
    except (KeyError, ValueError, TypeError):
        return None
    return candidate, tuple(candidate.split("."))


def compile_condition(condition: ConditionBase, types: dict[str, FieldType]) -> ItemPredicate:
    """The three-valued truth (None = unknown) of a condition for one model instance, without the paths behind it.

    The truth of :func:`compile_reasons`, read the same way, but settled as soon as it is known (an ``alle``
    stops at its first false part): it counts the items of a ``lijst`` for the flat fact, on every item of
    every list of every profile. ``types`` maps each path the condition names (relative to the
    instance) to its type (checked at loading).
    """
    if isinstance(condition, Lijst):
        return _list_predicate(condition, types[condition.lijst])
    if isinstance(condition, (Alle, EenVan)):
        parts = [compile_condition(c, types) for c in children(condition)]
        decisive = not isinstance(condition, Alle)  # the value that settles it: False for alle, True for een_van

        def _junction(item: BaseModel, peildatum: dt.date) -> Truth:
            result: Truth = not decisive
            for part in parts:
                value = part(item, peildatum)
                if value is decisive:
                    return decisive
                if value is None:
                    result = None
            return result

        return _junction
    if isinstance(condition, Niet):
        inner = compile_condition(condition.niet, types)

        def _negation(item: BaseModel, peildatum: dt.date) -> Truth:
            value = inner(item, peildatum)
            return None if value is None else not value

        return _negation
    if not isinstance(condition, AtomBase):
        raise TypeError(f"unsupported condition: {type(condition).__name__}")
    parts_path = tuple(condition.veld.split("."))
    test = condition.value_test(types[condition.veld])
    if condition.judges_absence:
        return lambda item, peildatum: test(_lookup_parts(item, parts_path), peildatum)
    whole_list = condition.needs_whole_list

    def _atom(item: BaseModel, peildatum: dt.date) -> Truth:
        raw = _lookup_parts(item, parts_path)
        if raw is MISSING:
            return None
        value = test(raw, peildatum)
        return None if value is False and whole_list and not is_complete(item, parts_path, raw) else value

    return _atom


def _list_predicate(condition: Lijst, ftype: FieldType) -> ItemPredicate:
    assert ftype.item is not None and ftype.item.model is not None
    inner = compile_condition(condition.waar, item_types(condition.waar, ftype.item.model))
    parts_path = tuple(condition.lijst.split("."))
    minimum = condition.minstens
    listed_only = condition.listed_only

    def _list(obj: BaseModel, peildatum: dt.date) -> Truth:
        raw = _lookup_parts(obj, parts_path)
        if raw is MISSING and listed_only:
            raw = []  # only listed items count: none are listed
        if not isinstance(raw, list):
            return None
        truths = [inner(item, peildatum) for item in raw]
        if truths.count(True) >= minimum:
            return True
        if len(truths) - truths.count(False) < minimum and (listed_only or is_complete(obj, parts_path, raw)):
            return False
        return None

    return _list


# Compiled once per condition (and model): rules repeat conditions (a list test in K2, K7, B3 and I3; the same
# part in voldoet and deels), and one profile's results of such a part are remembered in its ``lookups``.
_COMPILED: dict[tuple[type[BaseModel], Hashable], ReasonFunction] = {}
_MEMO = "\x00reasons"  # the key in ``lookups`` under which the results of one profile are kept: never a path


def compile_reasons(condition: ConditionBase, model: type[BaseModel]) -> ReasonFunction:
    """The condition's meaning: its three-valued truth for an instance of ``model``, with the paths behind it.

    Kleene logic: a missing value is unknown, ``alle`` is false as soon as one part is false, ``een_van``
    true as soon as one part is true, ``niet`` keeps unknown unknown, and ``lijst`` is true when ``minstens``
    items are true, false when fewer than ``minstens`` items can still be true and the list is complete. An
    atom is its operator's :meth:`~iza_check.rules.conditions.AtomBase.value_test`; an operator that
    ``needs_whole_list`` is false only on a complete list. Paths are relative to ``model`` (the profile, or
    the item of a list inside a ``lijst``); see :class:`Reason`.
    """
    key = (model, condition.identity())
    found = _COMPILED.get(key)
    if found is not None:
        return found
    inner = _compile_reasons(condition, model)
    if isinstance(condition, AtomBase):
        function = inner
    else:

        def function(obj: BaseModel, peildatum: dt.date, lookups: dict[str, object] | None = None) -> Reason:
            if lookups is None:
                return inner(obj, peildatum, None)
            memo = lookups.get(_MEMO)
            if memo is None:
                memo = lookups[_MEMO] = {}
            result = memo.get(function)  # type: ignore[attr-defined]
            if result is None:
                result = memo[function] = inner(obj, peildatum, lookups)  # type: ignore[index]
            return result

    _COMPILED[key] = function
    return function


def _compile_reasons(condition: ConditionBase, model: type[BaseModel]) -> ReasonFunction:
    if isinstance(condition, Lijst):
        return _list_reasons(condition, model)
    if isinstance(condition, (Alle, EenVan)):
        parts = [compile_reasons(c, model) for c in children(condition)]
        decisive = not isinstance(condition, Alle)  # the value that settles it: False for alle, True for een_van

        def _junction(obj: BaseModel, peildatum: dt.date, lookups: dict[str, object] | None = None) -> Reason:
            settling: list[tuple[str, ...]] = []
            unknown: list[tuple[str, ...]] = []
            other: list[tuple[str, ...]] = []
            for part in parts:
                truth, deciding, open_paths = part(obj, peildatum, lookups)
                if truth is decisive:
                    settling.append(deciding)
                elif truth is None:
                    unknown.append(open_paths)
                else:
                    other.append(deciding)
            if settling:
                return Reason(decisive, _union(settling))
            if unknown:
                return Reason(None, (), _union(unknown))
            return Reason(not decisive, _union(other))

        return _junction
    if isinstance(condition, Niet):
        inner = compile_reasons(condition.niet, model)

        def _negation(obj: BaseModel, peildatum: dt.date, lookups: dict[str, object] | None = None) -> Reason:
            reason = inner(obj, peildatum, lookups)
            truth = reason[0]
            return reason if truth is None else Reason(not truth, reason[1])

        return _negation
    if not isinstance(condition, AtomBase):
        raise TypeError(f"unsupported condition: {type(condition).__name__}")
    return _atom_reasons(condition, model)


def _atom_reasons(atom: AtomBase, model: type[BaseModel]) -> ReasonFunction:
    path = atom.veld
    parts_path = tuple(path.split("."))
    own: tuple[str, ...] = (path,)
    missing_reason = Reason(None, (), own)
    test = atom.value_test(resolve(model, path))
    if atom.judges_absence:
        # (truth, the field is absent) -> the reason; made once: a reason is immutable, and made very often
        judged = {
            (True, False): Reason(True, own), (False, False): Reason(False, own),
            (True, True): Reason(True), (False, True): Reason(False),
            (None, True): missing_reason, (None, False): _NO_REASON,
        }

        def _judged(obj: BaseModel, peildatum: dt.date, lookups: dict[str, object] | None = None) -> Reason:
            raw = _raw(obj, path, parts_path, lookups)
            return judged[test(raw, peildatum), raw is MISSING]

        return _judged
    whole_list = atom.needs_whole_list
    complete = _completeness_field(model, path) if whole_list else None
    holds_reason, fails_reason = Reason(True, own), Reason(False, own)

    def _atom(obj: BaseModel, peildatum: dt.date, lookups: dict[str, object] | None = None) -> Reason:
        raw = _raw(obj, path, parts_path, lookups)
        if raw is MISSING:
            return missing_reason
        value = test(raw, peildatum)
        if value is None:
            return _NO_REASON  # a value of the wrong type: nothing to supply
        if value is False and whole_list and not is_complete(obj, parts_path, raw):
            # Not in the list, and the list does not say it is whole (a list without a completeness field
            # never does, unless given empty): unknown, and that field, if there is one, could settle it.
            if complete is None or _lookup_parts(obj, complete[1]) is not MISSING:
                return Reason(None, (), ())
            return Reason(None, (), (complete[0],))
        return holds_reason if value else fails_reason

    return _atom


def _list_reasons(condition: Lijst, model: type[BaseModel]) -> ReasonFunction:
    ftype = resolve(model, condition.lijst)
    assert ftype.item is not None and ftype.item.model is not None
    inner = compile_reasons(condition.waar, ftype.item.model)
    path = condition.lijst
    parts_path = tuple(path.split("."))
    own: tuple[str, ...] = (path,)
    minimum = condition.minstens
    listed_only = condition.listed_only
    complete = None if listed_only else _completeness_field(model, path)

    def _list(obj: BaseModel, peildatum: dt.date, lookups: dict[str, object] | None = None) -> Reason:
        raw = _raw(obj, path, parts_path, lookups)
        if raw is MISSING:
            # Only listed items count and none are listed; an absence is no fact to point at.
            return Reason(minimum == 0, ()) if listed_only else Reason(None, (), own)
        if not isinstance(raw, list):
            return _NO_REASON
        reasons = [inner(item, peildatum, None) for item in raw]
        holding = [index for index, reason in enumerate(reasons) if reason[0] is True]
        if len(holding) >= minimum:
            deciding = _union(
                [tuple(f"{path}[{index}].{sub}" for sub in reasons[index][1]) or (f"{path}[{index}]",) for index in holding]
            ) if holding else ()
            return Reason(True, deciding or own)
        whole = listed_only or is_complete(obj, parts_path, raw)
        if len(reasons) - sum(1 for r in reasons if r[0] is False) < minimum and whole:
            return Reason(False, own)
        open_paths = [tuple(f"{path}[{index}].{sub}" for sub in r[2]) for index, r in enumerate(reasons) if r[0] is None]
        if not whole and complete is not None and _lookup_parts(obj, complete[1]) is MISSING:
            open_paths.append((complete[0],))
        return Reason(None, (), _union(open_paths))

    return _list


# A count also gets the counts of this profile's lists so far: count_true and count_possible share them.
CountDeriver = Callable[[object, dt.date, dict[Any, Any]], object]


def _count_deriver(derived: Derived) -> CountDeriver:
    assert derived.waar is not None and derived.ftype.item is not None and derived.ftype.item.model is not None
    predicate = compile_condition(derived.waar, item_types(derived.waar, derived.ftype.item.model))
    cache_key = (derived.path, derived.waar_key)
    position = 0 if derived.kind == "count_true" else 1

    def _count(raw: object, peildatum: dt.date, counts: dict[Any, Any]) -> object:
        if not isinstance(raw, list):
            return MISSING
        pair = counts.get(cache_key)
        if pair is None:
            truths = [predicate(item, peildatum) for item in raw]
            pair = counts[cache_key] = (truths.count(True), len(truths) - truths.count(False))
        return pair[position]

    return _count


class FactPlan:
    """The derived quantities a catalogue refers to, each with its fact key."""

    def __init__(self) -> None:
        self._keys: dict[Derived, str] = {}
        # key, path, its parts, and how the value is derived: by an operator, by counting, or (neither) the
        # list's completeness, which reads the field beside the list too (see facts()).
        self._steps: list[tuple[str, str, tuple[str, ...], Deriver | None, CountDeriver | None, bool]] = []

    def key(self, derived: Derived) -> str:
        """The fact key of ``derived``, allocating ``f<n>`` on first use."""
        existing = self._keys.get(derived)
        if existing is not None:
            return existing
        name = f"f{len(self._keys)}"
        self._keys[derived] = name
        parts = tuple(derived.path.split("."))
        derive: Deriver | None = None
        count: CountDeriver | None = None
        if derived.kind in ("count_true", "count_possible"):
            count = _count_deriver(derived)
        elif derived.kind != "complete":
            if derived.source is None:
                raise ValueError(f"derived fact without an operator: {derived.kind}")
            derive = derived.source.derive(derived.ftype, derived.operand)
        self._steps.append((name, derived.path, parts, derive, count, derived.missing_as_empty))
        return name

    @property
    def derived(self) -> dict[Derived, str]:
        return dict(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def facts(
        self, profile: BaseModel, peildatum: dt.date, lookups: dict[str, object] | None = None
    ) -> dict[str, object]:
        """The flat fact for one profile: key -> encoded value, absent facts left out.

        ``lookups`` (path -> raw value or MISSING) is filled as a side effect, for explanations.
        """
        raw_values: dict[str, object] = {} if lookups is None else lookups
        counts: dict[Any, Any] = {}
        values: dict[str, object] = {}
        for key, path, parts, derive, count, missing_as_empty in self._steps:
            raw = raw_values.get(path, _UNSET)
            if raw is _UNSET:
                raw = raw_values[path] = _lookup_parts(profile, parts)
            if raw is MISSING:
                if not missing_as_empty:
                    continue
                raw = []
            if derive is not None:
                value = derive(raw, peildatum)
            elif count is not None:
                value = count(raw, peildatum, counts)
            else:
                values[key] = 1 if is_complete(profile, parts, raw) else 0
                continue
            if value is not MISSING:
                values[key] = value
        return values


_UNSET = object()


def lookup_once(obj: BaseModel, path: str, lookups: dict[str, object]) -> object:
    """:func:`lookup`, remembered in ``lookups`` (the dict :meth:`FactPlan.facts` fills for the same profile)."""
    raw = lookups.get(path, _UNSET)
    if raw is _UNSET:
        raw = lookups[path] = lookup(obj, path)
    return raw


@cache
def _holds_url(model: type[BaseModel]) -> bool:
    """Whether a model, or a model inside it, has a URL field (pydantic's dump keeps those as Url objects)."""
    return any(ftype.inner.url for _, ftype in walk(model))


def plain(value: object) -> object:
    """A profile value as plain data for explanations: models become dicts of the fields given."""
    if isinstance(value, BaseModel):
        if not _holds_url(type(value)):
            # pydantic's own dump gives the same (fields given, None left out, enums and dates kept), faster.
            return value.model_dump(exclude_unset=True, exclude_none=True)
        out: dict[str, object] = {}
        for name in type(value).model_fields:
            if name in value.model_fields_set:
                item = getattr(value, name)
                if item is not None:
                    out[name] = plain(item)
        return out
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, Url):
        return str(value)
    return value
