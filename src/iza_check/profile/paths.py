"""Field paths of the profile model: what a dotted path points at, found by walking the pydantic classes.

The one walker of the model: the rules (which paths exist, which operators fit), the labels of fields and values,
the questions of ``init`` and the messages about an invalid profile all ask it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel
from pydantic_core import Url

Kind = Literal["bool", "int", "float", "str", "enum", "date", "model", "list", "other"]
SCALAR_KINDS: frozenset[str] = frozenset({"bool", "int", "float", "str", "enum", "date"})

KIND_NAMES_NL: dict[str, str] = {
    "bool": "ja/nee-veld",
    "int": "geheel getal",
    "float": "getal",
    "str": "tekst",
    "enum": "keuzelijst",
    "date": "datum",
    "model": "groep velden",
    "list": "lijst",
    "other": "onbekend type",
}


_PLURAL_NL: dict[str, str] = {
    "bool": "ja/nee-waarden",
    "int": "gehele getallen",
    "float": "getallen",
    "str": "teksten",
    "enum": "keuzewaarden",
    "date": "datums",
    "model": "objecten",
}


@dataclass(frozen=True, slots=True)
class FieldType:
    """What a path points at. ``item`` describes list items; ``model`` the class of a group of fields."""

    kind: Kind
    enum_values: tuple[str, ...] = ()
    model: type[BaseModel] | None = None
    item: FieldType | None = None
    enum: type[Enum] | None = None
    # A web address: text to the rules, but pydantic keeps it as a Url object.
    url: bool = False

    @property
    def is_scalar(self) -> bool:
        return self.kind in SCALAR_KINDS

    @property
    def inner(self) -> FieldType:
        """The type of the items of a list, else this one: what a choice or a group of fields holds."""
        return self.item if self.kind == "list" and self.item is not None else self

    def describe(self) -> str:
        if self.kind == "list" and self.item is not None:
            return f"lijst van {_PLURAL_NL.get(self.item.kind, 'waarden')}"
        return KIND_NAMES_NL[self.kind]


class PathError(ValueError):
    """A path that does not exist in the model, with a message that says what would."""


def classify(annotation: Any) -> FieldType:
    """The FieldType of a (possibly Optional/Annotated) type annotation."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return classify(typing.get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(options) == 1:
            return classify(options[0])
        return FieldType("other")
    if origin is list:
        (item,) = typing.get_args(annotation)
        return FieldType("list", item=classify(item))
    if not isinstance(annotation, type):
        return FieldType("other")
    if issubclass(annotation, bool):
        return FieldType("bool")
    if issubclass(annotation, Enum):
        return FieldType("enum", enum_values=tuple(str(m.value) for m in annotation), enum=annotation)
    if issubclass(annotation, int):
        return FieldType("int")
    if issubclass(annotation, float):
        return FieldType("float")
    if issubclass(annotation, Url):
        return FieldType("str", url=True)
    if issubclass(annotation, str):
        return FieldType("str")
    if issubclass(annotation, dt.datetime):
        return FieldType("other")
    if issubclass(annotation, dt.date):
        return FieldType("date")
    if issubclass(annotation, BaseModel):
        return FieldType("model", model=annotation)
    return FieldType("other")


@cache
def field_types(model: type[BaseModel]) -> dict[str, FieldType]:
    return {name: classify(info.annotation) for name, info in model.model_fields.items()}


def suggest(word: str, options: typing.Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, options: typing.Iterable[str]) -> str:
    match = suggest(word, options)
    return f" Bedoelde u '{match}'?" if match else ""


@cache
def all_paths(model: type[BaseModel]) -> tuple[str, ...]:
    """Every dotted path below ``model`` that does not run through a list."""
    found: list[str] = []
    for name, ftype in field_types(model).items():
        found.append(name)
        if ftype.kind == "model" and ftype.model is not None:
            found.extend(f"{name}.{sub}" for sub in all_paths(ftype.model))
    return tuple(found)


def resolve(model: type[BaseModel], path: str, *, root_label: str = "het profiel") -> FieldType:
    """The type at ``path`` below ``model``; raises PathError naming the first wrong segment."""
    current = FieldType("model", model=model)
    walked: list[str] = []
    for segment in path.split("."):
        if current.kind == "list":
            raise PathError(
                f"'{'.'.join(walked)}' is een lijst; een pad kan niet door een lijst heen lopen. "
                "Gebruik 'lijst' met 'waar' voor een voorwaarde op de items."
            )
        if current.kind != "model" or current.model is None:
            raise PathError(f"'{'.'.join(walked)}' is een {current.describe()} en heeft geen veld '{segment}'.")
        fields = field_types(current.model)
        if segment not in fields:
            where = f"'{'.'.join(walked)}'" if walked else root_label
            close = suggest(segment, fields)
            guess = ".".join([*walked, close]) if close else suggest(path, all_paths(model))
            hint = f" Bedoelde u '{guess}'?" if guess else ""
            raise PathError(f"Onbekend veld '{segment}' in {where}.{hint}")
        walked.append(segment)
        current = fields[segment]
    return current


def model_at(root: type[BaseModel], names: typing.Sequence[str]) -> type[BaseModel] | None:
    """The class of the group of fields at ``names`` below ``root``, looking through lists (``aanbod`` gives the
    class of one activity); None when a name is not a field or not a group of fields."""
    model: type[BaseModel] | None = root
    for name in names:
        ftype = field_types(model).get(name) if model is not None else None
        model = ftype.inner.model if ftype is not None else None
        if model is None:
            return None
    return model


def field_at(root: type[BaseModel], names: typing.Sequence[str]) -> FieldType | None:
    """The type of the field at ``names`` below ``root``, looking through lists; None when there is none."""
    parent = model_at(root, names[:-1]) if names else None
    return field_types(parent).get(names[-1]) if parent is not None else None


def walk(model: type[BaseModel], prefix: str = "") -> typing.Iterator[tuple[str, FieldType]]:
    """Every field below ``model`` as (dotted path without indices, its type), groups of fields and the items of
    lists walked, in the order of the model."""
    for name, ftype in field_types(model).items():
        path = f"{prefix}{name}"
        yield path, ftype
        nested = ftype.inner.model
        if nested is not None:
            yield from walk(nested, f"{path}.")
