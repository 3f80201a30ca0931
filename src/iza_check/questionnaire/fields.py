"""The profile data a session fills in, by field path: what the model allows in a field (its validator and
bounds), setting and deleting a value, dropping mappings left empty, the plans in the data; and the markers a
question returns or stores for an answer that is not a value."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter

from iza_check.questionnaire.questions import Data, FieldPath, field_info


class Special(Enum):
    UNKNOWN = "unknown"
    PLANNED = "planned"


# The answer "geen" to a text question with a ``none_flag`` (the cao question).
NONE_MARK: Any = object()
# The current state "no name, but the flag says false" (``geen_cao: false``: a cao applies, name not given).
FLAG_FALSE_MARK: Any = object()


@cache
def adapter(root: type[BaseModel], path: FieldPath) -> TypeAdapter[Any]:
    info = field_info(root, path)
    annotation: Any = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return TypeAdapter(annotation)


@cache
def bounds(root: type[BaseModel], path: FieldPath) -> dict[str, Any]:
    """minimum/maximum/minLength/maxLength as the model states them (one source of truth)."""
    schema = adapter(root, path).json_schema()
    found: dict[str, Any] = {}

    def walk(node: Mapping[str, Any]) -> None:
        for key in ("minimum", "maximum", "minLength", "maxLength"):
            if key in node:
                found[key] = node[key]
        for option in node.get("anyOf", ()):
            walk(option)

    walk(schema)
    return found


def set_value(data: Data, path: FieldPath, value: Any) -> None:
    node = data
    for key in path[:-1]:
        child = node.get(key)
        if not isinstance(child, dict):
            child = {}
            node[key] = child
        node = child
    node[path[-1]] = value


def delete_value(data: Data, path: FieldPath) -> None:
    node: Any = data
    for key in path[:-1]:
        node = node.get(key) if isinstance(node, dict) else None
        if node is None:
            return
    if isinstance(node, dict):
        node.pop(path[-1], None)


def prune(data: Data) -> None:
    """Drop mappings left empty (an area without facts is the same as no area); lists keep meaning."""
    for key in list(data):
        value = data[key]
        if isinstance(value, dict):
            prune(value)
            if not value and key != "initiatief":
                del data[key]


def all_plans(data: Data) -> Iterator[Mapping[str, Any]]:
    for value in data.values():
        if isinstance(value, dict):
            yield from value.get("in_ontwikkeling", ())
