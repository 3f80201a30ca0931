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
  with three-valued logic (a missing item field is unknown), by :func:`item_truth`.
* ``age_years`` — the age of a date at the peildatum in years: the number of whole years, plus one
  half when the date is not exactly on an anniversary. So ``age_years <= N`` holds exactly when the
  date is not more than N years before the peildatum (``niet_ouder_dan_jaren``).
* ``days_after_peildatum`` — date minus peildatum in days (``niet_na_peildatum``: ``<= 0``).

A missing fact (``None``, an absent group, a list field left out of the file) is left out of the
fact, so every test on it fails to match and the engine leaves it undecided (onbekend). A value of
the wrong Python type (only possible for a profile built without validation) is left out too.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from pydantic import AnyUrl, BaseModel

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
)
from iza_check.rules.paths import FieldType

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


def lookup(obj: object, path: str) -> object:
    """The value at a dotted path below a model instance, or :data:`MISSING`."""
    for segment in path.split("."):
        if not isinstance(obj, BaseModel):
            return MISSING
        value = getattr(obj, segment, None)
        if value is None:
            return MISSING
        if segment not in obj.model_fields_set and segment in _defaulted_fields(type(obj)):
            return MISSING
        obj = value
    return obj


def encode_scalar(value: object, ftype: FieldType) -> object:
    """A profile value or rule operand in the engine's encoding, or MISSING if the type is wrong."""
    kind = ftype.kind
    if kind == "bool":
        return (YES if value else NO) if isinstance(value, bool) else MISSING
    if kind in ("int", "float"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return MISSING
        if kind == "int" and isinstance(value, float):
            return MISSING
        return value
    if kind in ("str", "enum"):
        if isinstance(value, AnyUrl):
            return str(value)
        if hasattr(value, "value") and isinstance(getattr(value, "value"), str):
            value = getattr(value, "value")
        if not isinstance(value, str):
            return MISSING
        if kind == "enum" and value not in ftype.enum_values:
            return MISSING
        return value
    if kind == "date":
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
    return MISSING


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


def item_truth(condition: ConditionBase, item: BaseModel, item_types: dict[str, FieldType], peildatum: dt.date) -> Truth:
    """Three-valued truth of a ``waar`` condition for one list item (None = unknown).

    ``item_types`` maps each item-relative path used in the condition to its type (checked when
    the rules were loaded).
    """
    if isinstance(condition, Alle):
        values = [item_truth(c, item, item_types, peildatum) for c in condition.alle]
        if any(v is False for v in values):
            return False
        return True if all(v is True for v in values) else None
    if isinstance(condition, EenVan):
        values = [item_truth(c, item, item_types, peildatum) for c in condition.een_van]
        if any(v is True for v in values):
            return True
        return False if all(v is False for v in values) else None
    if isinstance(condition, Niet):
        inner = item_truth(condition.niet, item, item_types, peildatum)
        return None if inner is None else not inner
    if not isinstance(condition, AtomBase):
        raise TypeError(f"unsupported condition inside waar: {type(condition).__name__}")
    raw = lookup(item, condition.veld)
    if isinstance(condition, Bestaat):
        return raw is not MISSING
    if isinstance(condition, Ontbreekt):
        return raw is MISSING
    if raw is MISSING:
        return None
    ftype = item_types[condition.veld]
    return _atom_truth(condition, raw, ftype, peildatum)


def _atom_truth(atom: AtomBase, raw: object, ftype: FieldType, peildatum: dt.date) -> Truth:
    if isinstance(atom, (Bevat, BevatEenVan)):
        return _list_counts(atom, raw, ftype) > 0
    if isinstance(atom, AantalMinstens):
        return isinstance(raw, list) and len(raw) >= atom.aantal_minstens
    if isinstance(atom, (NietOuderDanJaren, NietNaPeildatum)):
        if not isinstance(raw, dt.date):
            return None
        if isinstance(atom, NietOuderDanJaren):
            return age_in_years(raw, peildatum) <= atom.niet_ouder_dan_jaren
        return raw <= peildatum
    value = encode_scalar(raw, ftype)
    if value is MISSING:
        return None
    if isinstance(atom, In):
        return any(value == encode_scalar(v, ftype) for v in atom.in_)
    operand = encode_scalar(atom.operand, ftype)
    if isinstance(atom, Gelijk):
        return value == operand
    if isinstance(atom, Ongelijk):
        return value != operand
    if isinstance(atom, Minstens):
        return value >= operand  # type: ignore[operator]
    if isinstance(atom, Hoogstens):
        return value <= operand  # type: ignore[operator]
    if isinstance(atom, MeerDan):
        return value > operand  # type: ignore[operator]
    if isinstance(atom, MinderDan):
        return value < operand  # type: ignore[operator]
    raise TypeError(f"unsupported operator: {type(atom).__name__}")


def _list_counts(atom: Bevat | BevatEenVan, raw: object, ftype: FieldType) -> int:
    item_type = ftype.item if ftype.item is not None else FieldType("other")
    wanted = [atom.bevat] if isinstance(atom, Bevat) else list(atom.bevat_een_van)
    if not isinstance(raw, list):
        return 0
    present = {encode_scalar(v, item_type) for v in raw}
    return len({encode_scalar(w, item_type) for w in wanted} & present)


class FactPlan:
    """The derived quantities a catalogue refers to, each with its fact key."""

    def __init__(self) -> None:
        self._keys: dict[Derived, str] = {}
        # For every lijst: the types of the item-relative paths its waar condition uses.
        self._item_types: dict[str, dict[str, FieldType]] = {}

    def key(self, derived: Derived, item_types: dict[str, FieldType] | None = None) -> str:
        """The fact key of ``derived``, allocating ``f<n>`` on first use."""
        existing = self._keys.get(derived)
        if existing is not None:
            return existing
        name = f"f{len(self._keys)}"
        self._keys[derived] = name
        if item_types is not None:
            self._item_types[f"{derived.path}\x00{derived.waar_key}"] = item_types
        return name

    @property
    def derived(self) -> dict[Derived, str]:
        return dict(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def facts(self, profile: BaseModel, peildatum: dt.date, keys: Iterable[str] | None = None) -> dict[str, object]:
        """The flat fact for one profile: key -> encoded value, absent facts left out.

        ``keys`` limits the result to those keys (a ruleset only gets what it tests).
        """
        wanted = None if keys is None else set(keys)
        values: dict[str, object] = {}
        cache_: dict[str, object] = {}
        counts: dict[str, tuple[int, int]] = {}
        for derived, key in self._keys.items():
            if wanted is not None and key not in wanted:
                continue
            raw = cache_.get(derived.path, _UNSET)
            if raw is _UNSET:
                raw = cache_[derived.path] = lookup(profile, derived.path)
            if derived.kind == "present":
                if raw is not MISSING:
                    values[key] = 1
                continue
            if raw is MISSING:
                continue
            value = self._derive(derived, raw, peildatum, counts)
            if value is not MISSING:
                values[key] = value
        return values

    def _derive(
        self, derived: Derived, raw: object, peildatum: dt.date, counts: dict[str, tuple[int, int]]
    ) -> object:
        kind = derived.kind
        if kind == "value":
            return encode_scalar(raw, derived.ftype)
        if kind in ("has", "has_count", "length"):
            if not isinstance(raw, list):
                return MISSING
            if kind == "length":
                return len(raw)
            item_type = derived.ftype.item if derived.ftype.item is not None else FieldType("other")
            present = {encode_scalar(v, item_type) for v in raw}
            if kind == "has":
                return 1 if derived.operand in present else 0
            assert isinstance(derived.operand, tuple)
            return len(set(derived.operand) & present)
        if kind in ("count_true", "count_possible"):
            if not isinstance(raw, list):
                return MISSING
            cache_key = f"{derived.path}\x00{derived.waar_key}"
            pair = counts.get(cache_key)
            if pair is None:
                assert derived.waar is not None
                item_types = self._item_types[cache_key]
                truths = [item_truth(derived.waar, item, item_types, peildatum) for item in raw]
                pair = counts[cache_key] = (
                    sum(1 for t in truths if t is True),
                    sum(1 for t in truths if t is not False),
                )
            return pair[0] if kind == "count_true" else pair[1]
        if kind in ("age_years", "days_after_peildatum"):
            if isinstance(raw, dt.datetime) or not isinstance(raw, dt.date):
                return MISSING
            if kind == "age_years":
                return age_in_years(raw, peildatum)
            return raw.toordinal() - peildatum.toordinal()
        return MISSING


_UNSET = object()


def plain(value: object) -> object:
    """A profile value as plain data for explanations: models become dicts without empty fields."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, AnyUrl):
        return str(value)
    return value
