"""The condition language of the rule files: its forms as pydantic models, the union that reads them, and the walks
over a condition tree.

A condition is a mapping with exactly one form: ``alle``, ``een_van``, ``niet``, ``lijst`` (with
``waar`` and ``minstens``) or ``veld`` with exactly one operator. See rules/README.md.

Every operator is one class in :mod:`iza_check.rules.operators` that carries the whole of its meaning; the
values it compares are in :mod:`iza_check.rules.values`. The compound forms are read in one place each: their
three-valued (Kleene) truth and the ``lijst`` counts in :mod:`iza_check.engine.facts`, their expansion into
conjunctions (De Morgan) in :func:`disjunctive_form` here. Adding an operator is adding a class (and its
docs and tests); ``tests/unit/test_operators.py`` checks that it brings every part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, TypeVar, Union

from pydantic import (
    Discriminator,
    Field,
    StrictBool,
    Tag,
)

from iza_check.rules.operators import (
    ATOM_FORMS,
    OPERATORS,
    AantalMinstens,
    AtomBase,
    Bestaat,
    Bevat,
    BevatEenVan,
    ConditionBase,
    Gelijk,
    Hoogstens,
    In,
    MeerDan,
    MinderDan,
    Minstens,
    NietNaPeildatum,
    NietOuderDanJaren,
    Ongelijk,
    Ontbreekt,
)
from iza_check.rules.values import Count, FieldPath


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
    """At least ``minstens`` items of a list of objects satisfy ``waar`` (paths in ``waar`` are item-relative).

    ``alleen_genoemde``: only the items listed count, as if the list were whole (a list that is not there has no
    items that count). For a rule where whatever is not listed is covered by another fact (an activity that
    says nothing follows the initiative's own answer).
    """

    form: ClassVar[str] = "lijst"
    lijst: FieldPath
    waar: Condition
    minstens: Count
    alleen_genoemde: StrictBool | None = None

    @property
    def listed_only(self) -> bool:
        return self.alleen_genoemde is True

    @property
    def path(self) -> str:
        return self.lijst


COMPOUND_FORMS: tuple[type[ConditionBase], ...] = (Alle, EenVan, Niet, Lijst)
FORM_KEYS: tuple[str, ...] = ("alle", "een_van", "niet", "lijst", "veld")
# Every key a condition mapping may contain, for did-you-mean suggestions.
# The keys of a ``lijst`` condition (see :class:`Lijst`).
LIST_KEYS: tuple[str, ...] = ("lijst", "waar", "minstens", "alleen_genoemde")
ALL_KEYS: tuple[str, ...] = ("alle", "een_van", "niet", *LIST_KEYS, "veld", *OPERATORS)


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
