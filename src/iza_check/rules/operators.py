"""The operators of the condition language, one class each (a subclass of :class:`AtomBase`) carrying the whole
of its meaning: how it is checked against the profile model, the fact the engine derives for it, its truth on that
fact and on a value of the profile, and its tests for durable-rules. Adding an operator is adding a class here (and its
docs and tests): :data:`ATOM_FORMS` takes every class with a ``form``; ``tests/unit/test_operators.py`` checks that
it brings every part. The forms that combine conditions are in :mod:`iza_check.rules.conditions`."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Hashable
from functools import partial
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
)

from iza_check.profile.paths import FieldType
from iza_check.rules.values import (
    MISSING,
    Comparable,
    Count,
    FieldPath,
    Issue,
    Scalar,
    age_in_years,
    encode_scalar,
    encoder,
    item_encoder,
    model_hint,
    value_issues,
)


class ConditionBase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    # The key that tells this form apart; also the tag of the discriminated union.
    form: ClassVar[str]

    def identity(self) -> Hashable:
        """A value equal for equal conditions and different for different ones (``1``, ``1.0`` and ``true`` too):
        the engines' key of a condition. Made from the fields rather than by pydantic's serializer, which a run
        would otherwise build for every condition model at start-up."""
        known = _IDENTITIES.get(id(self))
        if known is not None and known[0] is self:
            return known[1]
        identity = (self.form, tuple((name, _identity(getattr(self, name))) for name in type(self).model_fields))
        _IDENTITIES[id(self)] = (self, identity)
        return identity


# Conditions live as long as their catalogue, and the engines ask for the identity of each part of each one.
_IDENTITIES: dict[int, tuple[ConditionBase, Hashable]] = {}


def _identity(value: object) -> Hashable:
    if isinstance(value, ConditionBase):
        return value.identity()
    if isinstance(value, (list, tuple)):
        return ("list", tuple(_identity(item) for item in value))
    return (type(value).__name__, value)


# ---------------------------------------------------------------------------------------------
# The operators

Truth = bool | None
# The truth of an operator on the raw value of its field (MISSING when absent) at a peildatum.
ValueTest = Callable[[object, dt.date], Truth]
# The value of a derived fact from the raw value of a field (never MISSING) at a peildatum; MISSING when unusable.
Deriver = Callable[[object, dt.date], object]
# One test of a durable-rules network rule on the flat fact.
Test = dict[str, Any]


class AtomBase(ConditionBase):
    """A test on one field. Each operator is a subclass that carries the whole of its meaning:

    * :meth:`check`: whether it fits the field it tests in the profile model (the loader reports the issues);
    * ``fact`` and :meth:`derive`: the one value the engine derives from the field for it (operators that name
      the same ``fact`` share it, and its :meth:`derive`); :meth:`fact_operand` is what, besides the path and
      ``fact``, tells such values apart;
    * :meth:`holds`: its truth on that value, and :meth:`value_test`, its three-valued truth on the field's raw
      value (derive, then hold), which is what the Python evaluator reads;
    * :meth:`durable`: the same truth as durable-rules tests on the derived fact, for when it holds and for
      when it fails.

    ``needs_whole_list``: its falsity is an absence from a list, which only a complete list shows (else the
    truth is unknown). ``judges_absence``: an absent field is no unknown but decides it (bestaat, ontbreekt).
    """

    veld: FieldPath

    @property
    def path(self) -> str:
        return self.veld

    @property
    def operand(self) -> Any:
        return getattr(self, type(self).operand_attr)

    operand_attr: ClassVar[str]
    fact: ClassVar[str]
    needs_whole_list: ClassVar[bool] = False
    judges_absence: ClassVar[bool] = False

    def check(self, ftype: FieldType) -> list[Issue]:
        """Why this operator does not fit ``ftype``, the type of the field it tests; empty when it does."""
        raise NotImplementedError

    def fact_operand(self, ftype: FieldType) -> Hashable:
        """What tells this operator's fact apart from others of its kind on the same field (default: nothing)."""
        return None

    @classmethod
    def derive(cls, ftype: FieldType, operand: Any) -> Deriver:
        """The fact ``cls.fact`` (with ``operand`` from :meth:`fact_operand`) from the raw value of a ``ftype`` field."""
        raise NotImplementedError

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        """The truth of this operator on its fact's value (never MISSING)."""
        raise NotImplementedError

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        """The durable-rules tests on the fact at ``key`` that all match when this operator holds (``positive``)
        or fails. An absent fact matches no test but ``$nex``, so when neither set matches the truth is
        unknown. The engine adds the list's completeness to the failing tests of a ``needs_whole_list`` operator."""
        raise NotImplementedError

    def value_test(self, ftype: FieldType) -> ValueTest:
        """The truth on the field's raw value: its fact's value held to :meth:`holds`; None when there is none."""
        derive = type(self).derive(ftype, self.fact_operand(ftype))
        holds = self.holds(ftype)

        def test(raw: object, peildatum: dt.date) -> Truth:
            value = derive(raw, peildatum)  # MISSING for MISSING, as for any value it cannot use
            return None if value is MISSING else holds(value)

        return test


def _order_test(relation: str, key: str, bound: Any) -> Test:
    return {relation: {key: bound}}


class _OneValue(AtomBase):
    """Compares the field's one value; its fact is that value in the engine's encoding."""

    fact: ClassVar[str] = "value"

    @classmethod
    def derive(cls, ftype: FieldType, operand: Any) -> Deriver:
        encode = encoder(ftype)
        return lambda raw, _peildatum: encode(raw)

    def value_test(self, ftype: FieldType) -> ValueTest:
        # AtomBase's (derive, then hold) with the encoding called directly: the evaluator's most frequent step.
        encode = encoder(ftype)
        holds = self.holds(ftype)

        def test(raw: object, _peildatum: dt.date) -> Truth:
            value = encode(raw)
            return None if value is MISSING else holds(value)

        return test

    def check(self, ftype: FieldType) -> list[Issue]:
        path, form = self.veld, self.form
        if not ftype.is_scalar:
            hint = " Gebruik 'bevat' voor een lijst." if ftype.kind == "list" else model_hint(ftype, path)
            return [Issue(f"'{form}' werkt op één waarde; '{path}' is een {ftype.describe()}.{hint}", "wrong-operator")]
        return value_issues([self.operand], ftype, path, indexed=False)


class Gelijk(_OneValue):
    form: ClassVar[str] = "gelijk"
    operand_attr: ClassVar[str] = "gelijk"
    gelijk: Scalar

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return partial(operator.eq, encode_scalar(self.gelijk, ftype))

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        value = encode_scalar(self.gelijk, ftype)
        return [{key: value}] if positive else [{"$neq": {key: value}}]


class Ongelijk(_OneValue):
    form: ClassVar[str] = "ongelijk"
    operand_attr: ClassVar[str] = "ongelijk"
    ongelijk: Scalar

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return partial(operator.ne, encode_scalar(self.ongelijk, ftype))

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        value = encode_scalar(self.ongelijk, ftype)
        return [{"$neq": {key: value}}] if positive else [{key: value}]


class _Ordered(_OneValue):
    """Compares the field's number or date with a bound (dates as day numbers)."""

    def check(self, ftype: FieldType) -> list[Issue]:
        path, form = self.veld, self.form
        if ftype.kind not in ("int", "float", "date"):
            return [
                Issue(
                    f"'{form}' werkt alleen op getallen en datums; '{path}' is een {ftype.describe()}.{model_hint(ftype, path)}",
                    "wrong-operator",
                )
            ]
        return value_issues([self.operand], ftype, path, indexed=False)

    def bound(self, ftype: FieldType) -> Any:
        """The operand in the engine's encoding."""
        return encode_scalar(self.operand, ftype)


class Minstens(_Ordered):
    form: ClassVar[str] = "minstens"
    operand_attr: ClassVar[str] = "minstens"
    minstens: Comparable

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return partial(operator.le, self.bound(ftype))  # bound <= value

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        return [_order_test("$gte" if positive else "$lt", key, self.bound(ftype))]


class Hoogstens(_Ordered):
    form: ClassVar[str] = "hoogstens"
    operand_attr: ClassVar[str] = "hoogstens"
    hoogstens: Comparable

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return partial(operator.ge, self.bound(ftype))  # bound >= value

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        return [_order_test("$lte" if positive else "$gt", key, self.bound(ftype))]


class MeerDan(_Ordered):
    form: ClassVar[str] = "meer_dan"
    operand_attr: ClassVar[str] = "meer_dan"
    meer_dan: Comparable

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return partial(operator.lt, self.bound(ftype))  # bound < value

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        return [_order_test("$gt" if positive else "$lte", key, self.bound(ftype))]


class MinderDan(_Ordered):
    form: ClassVar[str] = "minder_dan"
    operand_attr: ClassVar[str] = "minder_dan"
    minder_dan: Comparable

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return partial(operator.gt, self.bound(ftype))  # bound > value

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        return [_order_test("$lt" if positive else "$gte", key, self.bound(ftype))]


class In(_OneValue):
    form: ClassVar[str] = "in"
    operand_attr: ClassVar[str] = "in_"
    in_: list[Scalar] = Field(alias="in", min_length=1)

    def check(self, ftype: FieldType) -> list[Issue]:
        if not ftype.is_scalar:
            return super().check(ftype)
        return value_issues(self.in_, ftype, self.veld, indexed=True)

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return frozenset(encode_scalar(v, ftype) for v in self.in_).__contains__

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        # One test, an $or of values that exclude each other, so it never fires twice.
        values = list(dict.fromkeys(encode_scalar(v, ftype) for v in self.in_))
        if positive:
            return [{key: values[0]}] if len(values) == 1 else [{"$or": [{key: v} for v in values]}]
        return [{"$neq": {key: v}} for v in values]


class _Presence(AtomBase):
    """Whether the field has a value; its fact is 1 when it has (and absent when not)."""

    fact: ClassVar[str] = "present"
    judges_absence: ClassVar[bool] = True
    want_present: ClassVar[bool]

    def check(self, ftype: FieldType) -> list[Issue]:
        return []  # any field has a value or not

    @classmethod
    def derive(cls, ftype: FieldType, operand: Any) -> Deriver:
        return lambda _raw, _peildatum: 1

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        want = type(self).want_present
        return lambda _present: want

    def value_test(self, ftype: FieldType) -> ValueTest:
        want = type(self).want_present
        return lambda raw, _peildatum: (raw is not MISSING) == want

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        exists = positive == type(self).want_present
        return [{"$ex" if exists else "$nex": {key: 1}}]


class Bestaat(_Presence):
    form: ClassVar[str] = "bestaat"
    operand_attr: ClassVar[str] = "bestaat"
    want_present: ClassVar[bool] = True
    bestaat: Literal[True]


class Ontbreekt(_Presence):
    form: ClassVar[str] = "ontbreekt"
    operand_attr: ClassVar[str] = "ontbreekt"
    want_present: ClassVar[bool] = False
    ontbreekt: Literal[True]


class _InList(AtomBase):
    """Whether a list of values contains one (or one of several): false only for a complete list."""

    needs_whole_list: ClassVar[bool] = True

    def _values(self) -> tuple[list[Any], bool]:
        """The values it looks for, and whether the file lists them (an issue then names its index)."""
        raise NotImplementedError

    def check(self, ftype: FieldType) -> list[Issue]:
        path, form = self.veld, self.form
        item = ftype.item
        if ftype.kind != "list" or item is None or not item.is_scalar:
            hint = " Gebruik 'lijst' met 'waar' voor een lijst van objecten." if ftype.kind == "list" else ""
            if ftype.is_scalar:
                hint = " Gebruik 'gelijk' of 'in' voor één waarde."
            return [Issue(f"'{form}' werkt alleen op een lijst van waarden; '{path}' is een {ftype.describe()}.{hint}", "wrong-operator")]
        values, listed = self._values()
        return value_issues(values, item, path, indexed=listed)


class Bevat(_InList):
    form: ClassVar[str] = "bevat"
    operand_attr: ClassVar[str] = "bevat"
    fact: ClassVar[str] = "has"  # 1 when the list contains the value, else 0
    bevat: Scalar

    def _values(self) -> tuple[list[Any], bool]:
        return [self.bevat], False

    def fact_operand(self, ftype: FieldType) -> Hashable:
        return item_encoder(ftype)(self.bevat)

    @classmethod
    def derive(cls, ftype: FieldType, operand: Any) -> Deriver:
        item_encode = item_encoder(ftype)

        def has(raw: object, _peildatum: dt.date) -> object:
            if not isinstance(raw, list):
                return MISSING
            return 1 if any(item_encode(v) == operand for v in raw) else 0

        return has

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return partial(operator.eq, 1)

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        return [{key: 1 if positive else 0}]


class BevatEenVan(_InList):
    form: ClassVar[str] = "bevat_een_van"
    operand_attr: ClassVar[str] = "bevat_een_van"
    fact: ClassVar[str] = "has_count"  # how many of the values the list contains
    bevat_een_van: list[Scalar] = Field(min_length=1)

    def _values(self) -> tuple[list[Any], bool]:
        return list(self.bevat_een_van), True

    def fact_operand(self, ftype: FieldType) -> Hashable:
        encode = item_encoder(ftype)
        return tuple(sorted({encode(v) for v in self.bevat_een_van}, key=repr))

    @classmethod
    def derive(cls, ftype: FieldType, operand: Any) -> Deriver:
        item_encode = item_encoder(ftype)
        options = frozenset(operand)

        def has_count(raw: object, _peildatum: dt.date) -> object:
            if not isinstance(raw, list):
                return MISSING
            return len(options & {item_encode(v) for v in raw})

        return has_count

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return partial(operator.le, 1)  # 1 <= count

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        return [_order_test("$gte", key, 1)] if positive else [{key: 0}]


class AantalMinstens(AtomBase):
    form: ClassVar[str] = "aantal_minstens"
    operand_attr: ClassVar[str] = "aantal_minstens"
    fact: ClassVar[str] = "length"  # the number of items of a list
    needs_whole_list: ClassVar[bool] = True
    aantal_minstens: Count

    def check(self, ftype: FieldType) -> list[Issue]:
        if ftype.kind != "list":
            return [Issue(f"'aantal_minstens' werkt alleen op een lijst; '{self.veld}' is een {ftype.describe()}", "wrong-operator")]
        return []

    @classmethod
    def derive(cls, ftype: FieldType, operand: Any) -> Deriver:
        return lambda raw, _peildatum: len(raw) if isinstance(raw, list) else MISSING

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return partial(operator.le, self.aantal_minstens)  # minimum <= length

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        return [_order_test("$gte" if positive else "$lt", key, self.aantal_minstens)]


class _OnADate(AtomBase):
    """A test on a date field, against the peildatum."""

    def check(self, ftype: FieldType) -> list[Issue]:
        if ftype.kind != "date":
            return [Issue(f"'{self.form}' werkt alleen op een datum; '{self.veld}' is een {ftype.describe()}", "wrong-operator")]
        return []


class NietOuderDanJaren(_OnADate):
    form: ClassVar[str] = "niet_ouder_dan_jaren"
    operand_attr: ClassVar[str] = "niet_ouder_dan_jaren"
    # The age at the peildatum in years (see age_in_years): age <= N exactly when the date is not more than N
    # years before the peildatum.
    fact: ClassVar[str] = "age_years"
    niet_ouder_dan_jaren: Annotated[int, Field(ge=0, le=200, strict=True)]

    @classmethod
    def derive(cls, ftype: FieldType, operand: Any) -> Deriver:
        def age_years(raw: object, peildatum: dt.date) -> object:
            return age_in_years(raw, peildatum) if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime) else MISSING

        return age_years

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return partial(operator.ge, self.niet_ouder_dan_jaren)  # years >= age

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        return [_order_test("$lte" if positive else "$gt", key, self.niet_ouder_dan_jaren)]


class NietNaPeildatum(_OnADate):
    form: ClassVar[str] = "niet_na_peildatum"
    operand_attr: ClassVar[str] = "niet_na_peildatum"
    fact: ClassVar[str] = "days_after_peildatum"  # the date minus the peildatum, in days
    niet_na_peildatum: Literal[True]

    @classmethod
    def derive(cls, ftype: FieldType, operand: Any) -> Deriver:
        def days_after_peildatum(raw: object, peildatum: dt.date) -> object:
            if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
                return raw.toordinal() - peildatum.toordinal()
            return MISSING

        return days_after_peildatum

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return partial(operator.ge, 0)  # 0 >= days after

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        return [_order_test("$lte" if positive else "$gt", key, 0)]


# Every operator, in the order of this module: a class with a ``form`` is in the language (and in the rule schema),
# so adding an operator is adding its class.
ATOM_FORMS: tuple[type[AtomBase], ...] = tuple(
    value
    for value in dict(globals()).values()
    if isinstance(value, type) and issubclass(value, AtomBase) and "form" in vars(value)
)
OPERATORS: tuple[str, ...] = tuple(f.form for f in ATOM_FORMS)
