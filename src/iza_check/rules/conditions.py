"""The condition language of the rule files: its forms as pydantic models, and what each operator means.

A condition is a mapping with exactly one form: ``alle``, ``een_van``, ``niet``, ``lijst`` (with
``waar`` and ``minstens``) or ``veld`` with exactly one operator. See rules/README.md.

Every operator is one class (a subclass of :class:`AtomBase`) that carries the whole of its meaning: how it
is checked against the profile model, the fact the engine derives for it, its truth on that fact and on a
value of the profile, and its tests for durable-rules. The compound forms are read in one place each: their
three-valued (Kleene) truth and the ``lijst`` counts in :mod:`iza_check.engine.facts`, their expansion into
conjunctions (De Morgan) in :func:`disjunctive_form` here. Adding an operator is adding a class (and its
docs and tests); ``tests/unit/test_operators.py`` checks that it brings every part.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import operator
from collections.abc import Callable, Hashable, Iterator
from enum import Enum
from functools import cache, partial
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, NamedTuple, TypeVar, Union

from pydantic import (
    AfterValidator,
    AnyUrl,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    Tag,
)
from pydantic_core import PydanticCustomError

from iza_check.rules.paths import FieldType, did_you_mean

PATH_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$"
ISO_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

# Bounds of a float operand. NaN and infinity are no numbers to compare with (a rule with them is silently
# onbekend or wrong), and durable-rules reads its ruleset as JSON without exponents: Python writes a float
# with an exponent from 1e16 up and below 1e-4 (1e+16, 1e-05), and creating the ruleset then fails
# (durable-rules errors 202/204). Every float operand must therefore be 0 or lie between these bounds in
# size, which leaves room for any count, fte, amount or percentage a profile holds. Integers are exact
# and not bounded here.
FLOAT_OPERAND_MAX = 1e15
FLOAT_OPERAND_MIN = 1e-4


def _usable_float(value: Any) -> Any:
    """``value`` unchanged, unless it is a float a rule cannot compare with (see FLOAT_OPERAND_MAX)."""
    if type(value) is not float or value == 0 or FLOAT_OPERAND_MIN <= abs(value) <= FLOAT_OPERAND_MAX:
        return value
    if value != value:
        message = "'.nan' (geen getal) kan niet in een voorwaarde staan; schrijf een gewoon getal"
    elif abs(value) == float("inf"):
        message = "'{shown}' (oneindig) kan niet in een voorwaarde staan; schrijf een getal tussen -10^15 en 10^15"
    elif abs(value) > FLOAT_OPERAND_MAX:
        message = "het getal {shown} is te groot voor een voorwaarde; schrijf een getal tussen -10^15 en 10^15"
    else:
        message = "het getal {shown} ligt te dicht bij 0 voor een voorwaarde; schrijf 0 of een getal van minstens 0.0001"
    shown = (("-" if value < 0 else "") + ".inf") if abs(value) == float("inf") else repr(value)
    raise PydanticCustomError("unusable_number", message, {"shown": shown})


FieldPath = Annotated[str, Field(pattern=PATH_PATTERN, max_length=200, description="Pad in het profiel, bijv. toegang.indicatie_nodig.")]
# The float check runs after the union, so a refused float gives one message, not one per member.
Scalar = Annotated[
    StrictBool | StrictInt | StrictFloat | dt.date | StrictStr,
    Field(union_mode="smart", description="Een waarde: ja/nee (true/false), getal, tekst, keuzewaarde of datum."),
    AfterValidator(_usable_float),
]
Comparable = Annotated[
    StrictInt | StrictFloat | dt.date | Annotated[str, Field(pattern=ISO_DATE_PATTERN)],
    Field(union_mode="smart", description="Een getal of een datum (JJJJ-MM-DD)."),
    AfterValidator(_usable_float),
]
Count = Annotated[int, Field(ge=0, le=1_000_000, strict=True)]


class ConditionBase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    # The key that tells this form apart; also the tag of the discriminated union.
    form: ClassVar[str]


class Alle(ConditionBase):
    """All sub-conditions hold (Kleene and)."""

    form: ClassVar[str] = "alle"
    alle: list[Condition] = Field(min_length=1)


class EenVan(ConditionBase):
    """At least one sub-condition holds (Kleene or)."""

    form: ClassVar[str] = "een_van"
    een_van: list[Condition] = Field(min_length=1)


class Niet(ConditionBase):
    """The sub-condition does not hold."""

    form: ClassVar[str] = "niet"
    niet: Condition


class Lijst(ConditionBase):
    """At least ``minstens`` items of a list of objects satisfy ``waar`` (paths in ``waar`` are item-relative)."""

    form: ClassVar[str] = "lijst"
    lijst: FieldPath
    waar: Condition
    minstens: Count

    @property
    def path(self) -> str:
        return self.lijst


# ---------------------------------------------------------------------------------------------
# Values as the engine compares them


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


#: No usable value: the field is absent (or of the wrong type, only possible without validation).
MISSING: object = _Missing()

YES, NO = "ja", "nee"

# A value in the engine's encoding (chosen so that loose comparisons can never mix types): ja/nee as the
# strings 'ja'/'nee' (so True, 1 and 'true' cannot be confused), numbers as numbers (never a bool), text and
# enum values as strings, dates as day numbers (date.toordinal()), so dates compare as numbers.
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


def _item_encoder(ftype: FieldType) -> Encoder:
    """The encoder of the items of a list."""
    return encoder(ftype.item if ftype.item is not None else FieldType("other"))


def _shift_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later (earlier when negative); 29 February becomes the 28th."""
    year = day.year + years
    return dt.date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def age_in_years(day: dt.date, peildatum: dt.date) -> float:
    """Whole years from ``day`` to ``peildatum``, plus 0.5 when not exactly on an anniversary.

    So ``age <= N`` holds exactly when ``day`` is not more than N years before the peildatum.
    """
    whole = peildatum.year - day.year
    if _shift_years(peildatum, -whole) < day:
        whole -= 1
    exact = _shift_years(peildatum, -whole) == day
    return float(whole) if exact else whole + 0.5


# ---------------------------------------------------------------------------------------------
# Checks of an operator against the field it tests (the loader reports them with their position)


def jsonable(value: Any) -> Any:
    """YAML data as JSON would carry it (dates become ISO text)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def shown(value: Any) -> str:
    """A value of a rule file as a message quotes it: JSON, cut at 60 characters."""
    text = json.dumps(jsonable(value), ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


class Issue(NamedTuple):
    """Why an operator does not fit its field: the message, its code, and where below the operator's key
    (the index of the value in a list of values, or nothing for the operator itself)."""

    message: str
    code: str = "bad-value"
    at: tuple[int, ...] = ()


def _value_problem(value: Any, ftype: FieldType, path: str) -> str | None:
    """Why ``value`` cannot be compared with the field at ``path``, or None when it fits."""
    kind = ftype.kind
    if kind == "bool":
        return None if isinstance(value, bool) else f"'{path}' is een ja/nee-veld: gebruik true of false, niet {shown(value)}"
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return f"'{path}' is een geheel getal, niet {shown(value)}"
        return None
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"'{path}' is een getal, niet {shown(value)}"
        return None
    if kind == "str":
        return None if isinstance(value, str) else f"'{path}' is tekst, niet {shown(value)}"
    if kind == "enum":
        if isinstance(value, str) and value in ftype.enum_values:
            return None
        hint = did_you_mean(str(value), ftype.enum_values)
        return f"'{value}' is geen waarde van '{path}'.{hint} Kies uit: {', '.join(ftype.enum_values)}"
    if kind == "date":
        if isinstance(value, dt.datetime):
            return f"'{path}' is een datum zonder tijd (JJJJ-MM-DD)"
        if isinstance(value, dt.date):
            return None
        if isinstance(value, str):
            try:
                dt.date.fromisoformat(value)
                return None
            except ValueError:
                pass
        return f"'{path}' is een datum: schrijf JJJJ-MM-DD, niet {shown(value)}"
    return f"'{path}' kan niet vergeleken worden ({ftype.describe()})"


def _model_hint(ftype: FieldType, path: str) -> str:
    if ftype.kind == "model" and ftype.model is not None:
        return f" '{path}' is een groep velden; kies een veld erin: {', '.join(ftype.model.model_fields)}"
    return ""


def _value_issues(values: list[Any], ftype: FieldType, path: str, *, indexed: bool) -> list[Issue]:
    """An issue for each value that does not fit the field (``indexed``: the values are a list in the file)."""
    issues = []
    for index, value in enumerate(values):
        problem = _value_problem(value, ftype, path)
        if problem:
            issues.append(Issue(problem, "bad-value", (index,) if indexed else ()))
    return issues


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
            hint = " Gebruik 'bevat' voor een lijst." if ftype.kind == "list" else _model_hint(ftype, path)
            return [Issue(f"'{form}' werkt op één waarde; '{path}' is een {ftype.describe()}.{hint}", "wrong-operator")]
        return _value_issues([self.operand], ftype, path, indexed=False)


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


class In(_OneValue):
    form: ClassVar[str] = "in"
    operand_attr: ClassVar[str] = "in_"
    in_: list[Scalar] = Field(alias="in", min_length=1)

    def check(self, ftype: FieldType) -> list[Issue]:
        if not ftype.is_scalar:
            return super().check(ftype)
        return _value_issues(self.in_, ftype, self.veld, indexed=True)

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return frozenset(encode_scalar(v, ftype) for v in self.in_).__contains__

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        # One test, an $or of values that exclude each other, so it never fires twice.
        values = list(dict.fromkeys(encode_scalar(v, ftype) for v in self.in_))
        if positive:
            return [{key: values[0]}] if len(values) == 1 else [{"$or": [{key: v} for v in values]}]
        return [{"$neq": {key: v}} for v in values]


class _Ordered(_OneValue):
    """Compares the field's number or date with a bound (dates as day numbers)."""

    def check(self, ftype: FieldType) -> list[Issue]:
        path, form = self.veld, self.form
        if ftype.kind not in ("int", "float", "date"):
            return [
                Issue(
                    f"'{form}' werkt alleen op getallen en datums; '{path}' is een {ftype.describe()}.{_model_hint(ftype, path)}",
                    "wrong-operator",
                )
            ]
        return _value_issues([self.operand], ftype, path, indexed=False)

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
        return _value_issues(values, item, path, indexed=listed)


class Bevat(_InList):
    form: ClassVar[str] = "bevat"
    operand_attr: ClassVar[str] = "bevat"
    fact: ClassVar[str] = "has"  # 1 when the list contains the value, else 0
    bevat: Scalar

    def _values(self) -> tuple[list[Any], bool]:
        return [self.bevat], False

    def fact_operand(self, ftype: FieldType) -> Hashable:
        return _item_encoder(ftype)(self.bevat)

    @classmethod
    def derive(cls, ftype: FieldType, operand: Any) -> Deriver:
        item_encode = _item_encoder(ftype)

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
        encode = _item_encoder(ftype)
        return tuple(sorted({encode(v) for v in self.bevat_een_van}, key=repr))

    @classmethod
    def derive(cls, ftype: FieldType, operand: Any) -> Deriver:
        item_encode = _item_encoder(ftype)
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


COMPOUND_FORMS: tuple[type[ConditionBase], ...] = (Alle, EenVan, Niet, Lijst)
ATOM_FORMS: tuple[type[AtomBase], ...] = (
    Gelijk,
    Ongelijk,
    Minstens,
    Hoogstens,
    MeerDan,
    MinderDan,
    In,
    Bestaat,
    Ontbreekt,
    Bevat,
    BevatEenVan,
    AantalMinstens,
    NietOuderDanJaren,
    NietNaPeildatum,
)
OPERATORS: tuple[str, ...] = tuple(f.form for f in ATOM_FORMS)
FORM_KEYS: tuple[str, ...] = ("alle", "een_van", "niet", "lijst", "veld")
# Every key a condition mapping may contain, for did-you-mean suggestions.
ALL_KEYS: tuple[str, ...] = ("alle", "een_van", "niet", "lijst", "waar", "minstens", "veld", *OPERATORS)


def condition_form(value: Any) -> str | None:
    """The tag of a condition mapping, or None when it has no single recognisable form."""
    if isinstance(value, ConditionBase):
        return value.form
    if not isinstance(value, dict):
        return None
    forms = [key for key in ("alle", "een_van", "niet", "lijst") if key in value]
    if "veld" in value:
        forms.append("veld")
    if len(forms) != 1:
        return None
    if forms[0] != "veld":
        return forms[0]
    operators = [key for key in OPERATORS if key in value]
    return operators[0] if len(operators) == 1 else None


if TYPE_CHECKING:
    Condition = ConditionBase  # what every form is; the union below is for pydantic
else:
    Condition = Annotated[
        Union[tuple(Annotated[form, Tag(form.form)] for form in (*COMPOUND_FORMS, *ATOM_FORMS))],  # noqa: UP007
        Discriminator(
            condition_form,
            custom_error_type="condition_form",
            custom_error_message="Een voorwaarde heeft precies één vorm: alle, een_van, niet, lijst of veld met één operator",
        ),
    ]

Atom = (
    Gelijk
    | Ongelijk
    | Minstens
    | Hoogstens
    | MeerDan
    | MinderDan
    | In
    | Bestaat
    | Ontbreekt
    | Bevat
    | BevatEenVan
    | AantalMinstens
    | NietOuderDanJaren
    | NietNaPeildatum
)

for _model in (Alle, EenVan, Niet, Lijst):
    _model.model_rebuild()


def children(condition: ConditionBase) -> tuple[ConditionBase, ...]:
    """The direct sub-conditions (``waar`` of a ``lijst`` is not a child: it is evaluated per item)."""
    if isinstance(condition, Alle):
        return tuple(condition.alle)
    if isinstance(condition, EenVan):
        return tuple(condition.een_van)
    if isinstance(condition, Niet):
        return (condition.niet,)
    return ()


def iter_leaves(condition: ConditionBase) -> Iterator[AtomBase | Lijst]:
    """Atoms and ``lijst`` conditions, depth first, in file order."""
    if isinstance(condition, (AtomBase, Lijst)):
        yield condition
        return
    for child in children(condition):
        yield from iter_leaves(child)


def referenced_paths(condition: ConditionBase) -> list[str]:
    """Top-level profile paths a condition looks at, in order of first use, without duplicates."""
    seen: dict[str, None] = {}
    for leaf in iter_leaves(condition):
        seen.setdefault(leaf.path, None)
    return list(seen)


def dnf_size(condition: ConditionBase, positive: bool) -> int:
    """Number of conjunctions when the condition (or its negation) is written as a disjunction.

    The engine compiles each conjunction into one network rule, so this bounds its size. It counts what
    :func:`disjunctive_form` would build, without building it.
    """
    if isinstance(condition, Niet):
        return dnf_size(condition.niet, not positive)
    if isinstance(condition, (Alle, EenVan)):
        sizes = [dnf_size(c, positive) for c in children(condition)]
        conjunctive = isinstance(condition, Alle) == positive
        if conjunctive:
            product = 1
            for size in sizes:
                product *= size
            return product
        return sum(sizes)
    return 1


T = TypeVar("T")


def disjunctive_form(
    condition: ConditionBase, positive: bool, leaf: Callable[[AtomBase | Lijst, bool], list[T]]
) -> list[list[T]]:
    """The condition (``positive``) or its negation as a disjunction of conjunctions, by De Morgan.

    ``niet`` swaps the two; ``alle`` that holds and ``een_van`` that fails are the product of their parts'
    forms, the other two the union. ``leaf(atom or lijst, positive)`` gives the conjunction of tests that
    says an atom or a ``lijst`` holds (or fails).
    """
    if isinstance(condition, Niet):
        return disjunctive_form(condition.niet, not positive, leaf)
    if isinstance(condition, (Alle, EenVan)):
        forms = [disjunctive_form(child, positive, leaf) for child in children(condition)]
        if isinstance(condition, Alle) == positive:
            terms: list[list[T]] = [[]]
            for form in forms:
                terms = [left + right for left in terms for right in form]
            return terms
        return [term for form in forms for term in form]
    assert isinstance(condition, (AtomBase, Lijst))
    return [leaf(condition, positive)]
