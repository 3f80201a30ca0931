"""The condition language of the rule files, as pydantic models.

A condition is a mapping with exactly one form: ``alle``, ``een_van``, ``niet``, ``lijst`` (with
``waar`` and ``minstens``) or ``veld`` with exactly one operator. See rules/README.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Union

from pydantic import (
    AfterValidator,
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


class AtomBase(ConditionBase):
    """A test on one field."""

    veld: FieldPath

    @property
    def path(self) -> str:
        return self.veld

    @property
    def operand(self) -> Any:
        return getattr(self, type(self).operand_attr)

    operand_attr: ClassVar[str]


class Gelijk(AtomBase):
    form: ClassVar[str] = "gelijk"
    operand_attr: ClassVar[str] = "gelijk"
    gelijk: Scalar


class Ongelijk(AtomBase):
    form: ClassVar[str] = "ongelijk"
    operand_attr: ClassVar[str] = "ongelijk"
    ongelijk: Scalar


class Minstens(AtomBase):
    form: ClassVar[str] = "minstens"
    operand_attr: ClassVar[str] = "minstens"
    minstens: Comparable


class Hoogstens(AtomBase):
    form: ClassVar[str] = "hoogstens"
    operand_attr: ClassVar[str] = "hoogstens"
    hoogstens: Comparable


class MeerDan(AtomBase):
    form: ClassVar[str] = "meer_dan"
    operand_attr: ClassVar[str] = "meer_dan"
    meer_dan: Comparable


class MinderDan(AtomBase):
    form: ClassVar[str] = "minder_dan"
    operand_attr: ClassVar[str] = "minder_dan"
    minder_dan: Comparable


class In(AtomBase):
    form: ClassVar[str] = "in"
    operand_attr: ClassVar[str] = "in_"
    in_: list[Scalar] = Field(alias="in", min_length=1)


class Bestaat(AtomBase):
    form: ClassVar[str] = "bestaat"
    operand_attr: ClassVar[str] = "bestaat"
    bestaat: Literal[True]


class Ontbreekt(AtomBase):
    form: ClassVar[str] = "ontbreekt"
    operand_attr: ClassVar[str] = "ontbreekt"
    ontbreekt: Literal[True]


class Bevat(AtomBase):
    form: ClassVar[str] = "bevat"
    operand_attr: ClassVar[str] = "bevat"
    bevat: Scalar


class BevatEenVan(AtomBase):
    form: ClassVar[str] = "bevat_een_van"
    operand_attr: ClassVar[str] = "bevat_een_van"
    bevat_een_van: list[Scalar] = Field(min_length=1)


class AantalMinstens(AtomBase):
    form: ClassVar[str] = "aantal_minstens"
    operand_attr: ClassVar[str] = "aantal_minstens"
    aantal_minstens: Count


class NietOuderDanJaren(AtomBase):
    form: ClassVar[str] = "niet_ouder_dan_jaren"
    operand_attr: ClassVar[str] = "niet_ouder_dan_jaren"
    niet_ouder_dan_jaren: Annotated[int, Field(ge=0, le=200, strict=True)]


class NietNaPeildatum(AtomBase):
    form: ClassVar[str] = "niet_na_peildatum"
    operand_attr: ClassVar[str] = "niet_na_peildatum"
    niet_na_peildatum: Literal[True]


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

    The engine compiles each conjunction into one network rule, so this bounds its size.
    """
    if isinstance(condition, Niet):
        return dnf_size(condition.niet, not positive)
    if isinstance(condition, (Alle, EenVan)):
        items = condition.alle if isinstance(condition, Alle) else condition.een_van
        sizes = [dnf_size(c, positive) for c in items]
        conjunctive = isinstance(condition, Alle) == positive
        if conjunctive:
            product = 1
            for size in sizes:
                product *= size
            return product
        return sum(sizes)
    return 1
