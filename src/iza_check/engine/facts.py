"""The one pre-processing step: (Profile, peildatum) -> the small flat fact the engine is given.

durable-rules compares single values of one flat fact. What it cannot express natively is derived
here, and nothing else is: the engine then decides every comparison and the alle/een_van/niet
structure. A :class:`FactPlan` lists the derived quantities the catalogue refers to, each under a
safe short key (``f0``, ``f1``, ...); :meth:`FactPlan.facts` computes them for one profile.

Encodings (chosen so that loose comparisons in the engine can never mix types):

* ``value`` — a scalar field. ja/nee as the strings ``'ja'``/``'nee'`` (so ``True``, ``1`` and
  ``'true'`` cannot be confused), numbers as numbers (never a bool), text and enum values as
  strings, dates as day numbers (``date.toordinal()``), so dates compare as numbers.
* ``present`` — ``1`` when the path has a value (for ``bestaat``/``ontbreekt``).
* ``has`` — ``1``/``0``: a list of scalars contains one value (``bevat``).
* ``has_count`` — how many of the listed values the list contains (``bevat_een_van``).
* ``length`` — the number of items of a list (``aantal_minstens``).
* ``count_true`` / ``count_possible`` — for ``lijst ... waar ... minstens``: the number of items for
  which ``waar`` is true, and for which it is true or unknown. ``waar`` is evaluated per item here,
  with three-valued logic (a missing item field is unknown), by :func:`compile_condition`.
* ``age_years`` — the age of a date at the peildatum in years: the number of whole years, plus one
  half when the date is not exactly on an anniversary. So ``age_years <= N`` holds exactly when the
  date is not more than N years before the peildatum (``niet_ouder_dan_jaren``).
* ``days_after_peildatum`` — date minus peildatum in days (``niet_na_peildatum``: ``<= 0``).
* ``complete`` — ``1`` when a list is the whole list (given empty, or ``<list>_volledig: true`` beside
  it), else ``0``. A list proves what is in it; that something is *not* in it (``bevat`` false, fewer
  than ``minstens`` items) counts only for a complete list, and is unknown otherwise.

A missing fact (``None``, an absent group, a list field left out of the file) is left out of the
fact, so every test on it fails to match and the engine leaves it undecided (onbekend). A value of
the wrong Python type (only possible for a profile built without validation) is left out too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any, Literal, NamedTuple, get_args

from pydantic import AnyUrl, BaseModel

from iza_check.profile.model import COMPLETE_SUFFIX
from iza_check.rules.conditions import (
    AantalMinstens,
    Alle,
    AtomBase,
    Bestaat,
    Bevat,
    BevatEenVan,
    ConditionBase,
    EenVan,
    Gelijk,
    Hoogstens,
    In,
    Lijst,
    MeerDan,
    MinderDan,
    Minstens,
    Niet,
    NietNaPeildatum,
    NietOuderDanJaren,
    Ongelijk,
    Ontbreekt,
    iter_leaves,
)
from iza_check.rules.paths import FieldType, resolve

DerivedKind = Literal[
    "value",
    "present",
    "has",
    "has_count",
    "length",
    "count_true",
    "count_possible",
    "age_years",
    "days_after_peildatum",
    "complete",
]


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: object = _Missing()

YES, NO = "ja", "nee"


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


Encoder = Callable[[object], object]


def _encode_bool(value: object) -> object:
    if value is True:
        return YES
    if value is False:
        return NO
    return MISSING


def _encode_int(value: object) -> object:
    return value if type(value) is int else MISSING


def _encode_float(value: object) -> object:
    return value if type(value) is int or type(value) is float else MISSING


def _encode_str(value: object) -> object:
    if type(value) is str:
        return value
    if isinstance(value, Enum) and isinstance(value.value, str):
        return value.value
    if isinstance(value, AnyUrl):
        return str(value)
    return MISSING


def _encode_date(value: object) -> object:
    if isinstance(value, dt.datetime):
        return MISSING
    if isinstance(value, dt.date):
        return value.toordinal()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).toordinal()
        except ValueError:
            return MISSING
    return MISSING


def _missing(_value: object) -> object:
    return MISSING


@cache
def encoder(ftype: FieldType) -> Encoder:
    """The function that encodes a value of this type for the engine (MISSING for a wrong type)."""
    if ftype.kind == "bool":
        return _encode_bool
    if ftype.kind == "int":
        return _encode_int
    if ftype.kind == "float":
        return _encode_float
    if ftype.kind == "str":
        return _encode_str
    if ftype.kind == "date":
        return _encode_date
    if ftype.kind == "enum":
        allowed = frozenset(ftype.enum_values)

        def _encode_enum(value: object) -> object:
            text = value.value if isinstance(value, Enum) else value
            return text if type(text) is str and text in allowed else MISSING

        return _encode_enum
    return _missing


def encode_scalar(value: object, ftype: FieldType) -> object:
    """A profile value or rule operand in the engine's encoding, or MISSING if the type is wrong."""
    return encoder(ftype)(value)


def _shift_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later (earlier when negative); 29 February becomes the 28th."""
    year = day.year + years
    return dt.date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def age_in_years(day: dt.date, peildatum: dt.date) -> float:
    """Whole years from ``day`` to ``peildatum``, plus 0.5 when not exactly on an anniversary."""
    whole = peildatum.year - day.year
    if _shift_years(peildatum, -whole) < day:
        whole -= 1
    exact = _shift_years(peildatum, -whole) == day
    return float(whole) if exact else whole + 0.5


@dataclass(frozen=True)
class Derived:
    """One derived quantity. ``operand`` holds the encoded value(s) for ``has``/``has_count``."""

    kind: DerivedKind
    path: str
    ftype: FieldType
    operand: object = None
    # For count_true/count_possible: the item condition, identified by its canonical JSON.
    waar_key: str = ""
    waar: ConditionBase | None = field(default=None, compare=False, hash=False)


Truth = bool | None
ItemPredicate = Callable[[BaseModel, dt.date], Truth]


def compile_condition(condition: ConditionBase, item_types: dict[str, FieldType]) -> ItemPredicate:
    """A function giving the three-valued truth (None = unknown) of a condition for one model instance.

    This is the condition language's meaning with Kleene logic: a missing value is unknown, ``alle`` is
    false as soon as one part is false, ``een_van`` true as soon as one part is true, ``niet`` keeps
    unknown unknown, and ``lijst`` is true when ``minstens`` items are true, false when fewer than
    ``minstens`` items can still be true. It serves a ``waar`` on one item (the counts) and, on the whole
    profile, the Python back-end. ``item_types`` maps each path the condition names (relative to the
    instance) to its type (checked at loading).
    """
    if isinstance(condition, Lijst):
        return _list_predicate(condition, item_types[condition.lijst])
    if isinstance(condition, (Alle, EenVan)):
        parts = [compile_condition(c, item_types) for c in (condition.alle if isinstance(condition, Alle) else condition.een_van)]
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
        inner = compile_condition(condition.niet, item_types)

        def _negation(item: BaseModel, peildatum: dt.date) -> Truth:
            value = inner(item, peildatum)
            return None if value is None else not value

        return _negation
    if not isinstance(condition, AtomBase):
        raise TypeError(f"unsupported condition inside waar: {type(condition).__name__}")
    parts_path = tuple(condition.veld.split("."))
    ftype = item_types[condition.veld]
    if isinstance(condition, (Bestaat, Ontbreekt)):
        want_present = isinstance(condition, Bestaat)
        return lambda item, _peildatum: (_lookup_parts(item, parts_path) is not MISSING) == want_present
    test = _value_test(condition, ftype)
    if isinstance(condition, LIST_OPERATORS):

        def _list_atom(item: BaseModel, peildatum: dt.date) -> Truth:
            raw = _lookup_parts(item, parts_path)
            if raw is MISSING:
                return None
            value = test(raw, peildatum)
            return None if value is False and not is_complete(item, parts_path, raw) else value

        return _list_atom

    def _atom(item: BaseModel, peildatum: dt.date) -> Truth:
        raw = _lookup_parts(item, parts_path)
        if raw is MISSING:
            return None
        return test(raw, peildatum)

    return _atom


# Operators whose falsity is an absence from a list: proven only by a complete list.
LIST_OPERATORS = (Bevat, BevatEenVan, AantalMinstens)


def _list_predicate(condition: Lijst, ftype: FieldType) -> ItemPredicate:
    assert ftype.item is not None and ftype.item.model is not None
    model = ftype.item.model
    inner = compile_condition(condition.waar, {leaf.path: resolve(model, leaf.path) for leaf in iter_leaves(condition.waar)})
    parts_path = tuple(condition.lijst.split("."))
    minimum = condition.minstens

    def _list(obj: BaseModel, peildatum: dt.date) -> Truth:
        raw = _lookup_parts(obj, parts_path)
        if not isinstance(raw, list):
            return None
        truths = [inner(item, peildatum) for item in raw]
        if truths.count(True) >= minimum:
            return True
        if len(truths) - truths.count(False) < minimum and is_complete(obj, parts_path, raw):
            return False
        return None

    return _list


def _value_test(atom: AtomBase, ftype: FieldType) -> Callable[[object, dt.date], Truth]:
    """A test on a present value; None when the value cannot be used (wrong type)."""
    if isinstance(atom, (Bevat, BevatEenVan)):
        item_encode = encoder(ftype.item if ftype.item is not None else FieldType("other"))
        wanted_raw = [atom.bevat] if isinstance(atom, Bevat) else list(atom.bevat_een_van)
        wanted = frozenset(item_encode(v) for v in wanted_raw)

        def _contains(raw: object, _peildatum: dt.date) -> Truth:
            if not isinstance(raw, list):
                return None
            return any(item_encode(v) in wanted for v in raw)

        return _contains
    if isinstance(atom, AantalMinstens):
        minimum = atom.aantal_minstens
        return lambda raw, _peildatum: (len(raw) >= minimum) if isinstance(raw, list) else None
    if isinstance(atom, NietOuderDanJaren):
        years = atom.niet_ouder_dan_jaren

        def _recent(raw: object, peildatum: dt.date) -> Truth:
            if isinstance(raw, dt.datetime) or not isinstance(raw, dt.date):
                return None
            return age_in_years(raw, peildatum) <= years

        return _recent
    if isinstance(atom, NietNaPeildatum):

        def _not_after(raw: object, peildatum: dt.date) -> Truth:
            if isinstance(raw, dt.datetime) or not isinstance(raw, dt.date):
                return None
            return raw <= peildatum

        return _not_after
    encode = encoder(ftype)
    if isinstance(atom, In):
        options = frozenset(encode(v) for v in atom.in_)

        def _member(raw: object, _peildatum: dt.date) -> Truth:
            value = encode(raw)
            return None if value is MISSING else value in options

        return _member
    operand: Any = encode(atom.operand)
    compare: Callable[[Any, Any], bool]
    if isinstance(atom, Gelijk):
        compare = operator.eq
    elif isinstance(atom, Ongelijk):
        compare = operator.ne
    elif isinstance(atom, Minstens):
        compare = operator.ge
    elif isinstance(atom, Hoogstens):
        compare = operator.le
    elif isinstance(atom, MeerDan):
        compare = operator.gt
    elif isinstance(atom, MinderDan):
        compare = operator.lt
    else:
        raise TypeError(f"unsupported operator: {type(atom).__name__}")

    def _compare(raw: object, _peildatum: dt.date) -> Truth:
        value: Any = encode(raw)
        return None if value is MISSING else compare(value, operand)

    return _compare


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


# Compiled once per condition (and model): rules repeat conditions (a list test in K2, K7, B3 and I3; the same
# part in voldoet and deels), and one profile's results of such a part are remembered in its ``lookups``.
_COMPILED: dict[tuple[type[BaseModel], str], ReasonFunction] = {}
_MEMO = "\x00reasons"  # the key in ``lookups`` under which the results of one profile are kept: never a path


def compile_reasons(condition: ConditionBase, model: type[BaseModel]) -> ReasonFunction:
    """Like :func:`compile_condition`, with the paths behind the truth (see :class:`Reason`).

    Paths are relative to ``model`` (the profile, or the item of a list inside a ``lijst``). It reads the
    condition with the same Kleene logic, so its truth equals :func:`compile_condition`'s.
    """
    key = (model, condition.model_dump_json(by_alias=True))
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
        parts = [compile_reasons(c, model) for c in (condition.alle if isinstance(condition, Alle) else condition.een_van)]
        decisive = not isinstance(condition, Alle)

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
    path = condition.veld
    parts_path = tuple(path.split("."))
    own: tuple[str, ...] = (path,)
    missing_reason = Reason(None, (), own)
    if isinstance(condition, (Bestaat, Ontbreekt)):
        want_present = isinstance(condition, Bestaat)

        def _presence(obj: BaseModel, _peildatum: dt.date, lookups: dict[str, object] | None = None) -> Reason:
            present = _raw(obj, path, parts_path, lookups) is not MISSING
            return Reason(present == want_present, own if present else ())

        return _presence
    test = _value_test(condition, resolve(model, path))
    about_a_list = isinstance(condition, LIST_OPERATORS)
    complete = _completeness_field(model, path) if about_a_list else None

    def _atom(obj: BaseModel, peildatum: dt.date, lookups: dict[str, object] | None = None) -> Reason:
        raw = _raw(obj, path, parts_path, lookups)
        if raw is MISSING:
            return missing_reason
        value = test(raw, peildatum)
        if value is None:
            return _NO_REASON  # a value of the wrong type: nothing to supply
        if value is False and about_a_list and not is_complete(obj, parts_path, raw):
            # Not in the list, and the list does not say it is whole (a list without a completeness field
            # never does, unless given empty): unknown, and that field, if there is one, could settle it.
            if complete is None or _lookup_parts(obj, complete[1]) is not MISSING:
                return Reason(None, (), ())
            return Reason(None, (), (complete[0],))
        return Reason(value, own)

    return _atom


def _list_reasons(condition: Lijst, model: type[BaseModel]) -> ReasonFunction:
    ftype = resolve(model, condition.lijst)
    assert ftype.item is not None and ftype.item.model is not None
    inner = compile_reasons(condition.waar, ftype.item.model)
    path = condition.lijst
    parts_path = tuple(path.split("."))
    own: tuple[str, ...] = (path,)
    minimum = condition.minstens
    complete = _completeness_field(model, path)

    def _list(obj: BaseModel, peildatum: dt.date, lookups: dict[str, object] | None = None) -> Reason:
        raw = _raw(obj, path, parts_path, lookups)
        if raw is MISSING:
            return Reason(None, (), own)
        if not isinstance(raw, list):
            return _NO_REASON
        reasons = [inner(item, peildatum, None) for item in raw]
        holding = [index for index, reason in enumerate(reasons) if reason[0] is True]
        if len(holding) >= minimum:
            deciding = _union(
                [tuple(f"{path}[{index}].{sub}" for sub in reasons[index][1]) or (f"{path}[{index}]",) for index in holding]
            ) if holding else ()
            return Reason(True, deciding or own)
        whole = is_complete(obj, parts_path, raw)
        if len(reasons) - sum(1 for r in reasons if r[0] is False) < minimum and whole:
            return Reason(False, own)
        open_paths = [tuple(f"{path}[{index}].{sub}" for sub in r[2]) for index, r in enumerate(reasons) if r[0] is None]
        if not whole and complete is not None and _lookup_parts(obj, complete[1]) is MISSING:
            open_paths.append((complete[0],))
        return Reason(None, (), _union(open_paths))

    return _list


# A deriver turns the raw value at a path (never MISSING) into the fact value (or MISSING).
Deriver = Callable[[object, dt.date, dict[Any, Any]], object]


def _deriver(derived: Derived, item_types: dict[str, FieldType] | None) -> Deriver:
    kind = derived.kind
    if kind == "value":
        encode = encoder(derived.ftype)
        return lambda raw, _p, _c: encode(raw)
    if kind == "present":
        return lambda _raw, _p, _c: 1
    if kind in ("has", "has_count", "length"):
        item_encode = encoder(derived.ftype.item if derived.ftype.item is not None else FieldType("other"))
        if kind == "length":
            return lambda raw, _p, _c: len(raw) if isinstance(raw, list) else MISSING
        if kind == "has":
            wanted = derived.operand
            return lambda raw, _p, _c: (1 if any(item_encode(v) == wanted for v in raw) else 0) if isinstance(raw, list) else MISSING
        assert isinstance(derived.operand, tuple)
        options = frozenset(derived.operand)
        return lambda raw, _p, _c: len(options & {item_encode(v) for v in raw}) if isinstance(raw, list) else MISSING
    if kind in ("count_true", "count_possible"):
        assert derived.waar is not None and item_types is not None
        predicate = compile_condition(derived.waar, item_types)
        cache_key = (derived.path, derived.waar_key)
        position = 0 if kind == "count_true" else 1

        def _count(raw: object, peildatum: dt.date, counts: dict[Any, Any]) -> object:
            if not isinstance(raw, list):
                return MISSING
            pair = counts.get(cache_key)
            if pair is None:
                truths = [predicate(item, peildatum) for item in raw]
                pair = counts[cache_key] = (truths.count(True), len(truths) - truths.count(False))
            return pair[position]

        return _count
    if kind == "age_years":
        return lambda raw, p, _c: age_in_years(raw, p) if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime) else MISSING
    if kind == "days_after_peildatum":
        return lambda raw, p, _c: raw.toordinal() - p.toordinal() if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime) else MISSING
    raise ValueError(f"unknown derived fact: {kind}")


class FactPlan:
    """The derived quantities a catalogue refers to, each with its fact key."""

    def __init__(self) -> None:
        self._keys: dict[Derived, str] = {}
        self._steps: list[tuple[str, str, tuple[str, ...], Deriver | None]] = []

    def key(self, derived: Derived, item_types: dict[str, FieldType] | None = None) -> str:
        """The fact key of ``derived``, allocating ``f<n>`` on first use.

        ``item_types`` (for count_true/count_possible) gives the types of the item-relative paths.
        """
        existing = self._keys.get(derived)
        if existing is not None:
            return existing
        name = f"f{len(self._keys)}"
        self._keys[derived] = name
        parts = tuple(derived.path.split("."))
        # None: the list's completeness, which reads the field beside the list too (see facts()).
        deriver = None if derived.kind == "complete" else _deriver(derived, item_types)
        self._steps.append((name, derived.path, parts, deriver))
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
        for key, path, parts, derive in self._steps:
            raw = raw_values.get(path, _UNSET)
            if raw is _UNSET:
                raw = raw_values[path] = _lookup_parts(profile, parts)
            if raw is MISSING:
                continue
            if derive is None:
                values[key] = 1 if is_complete(profile, parts, raw) else 0
                continue
            value = derive(raw, peildatum, counts)
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
    for info in model.model_fields.values():
        for kind in _annotation_types(info.annotation):
            if isinstance(kind, type) and (issubclass(kind, AnyUrl) or (issubclass(kind, BaseModel) and _holds_url(kind))):
                return True
    return False


def _annotation_types(annotation: object) -> Iterator[object]:
    yield annotation
    for argument in get_args(annotation):
        yield from _annotation_types(argument)


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
    if isinstance(value, AnyUrl):
        return str(value)
    return value
