"""The profile model's validator from its core schema kept as data, so that a run does not make the schema again.

Making ``Profile``'s validator the usual way costs a one-profile run about a sixth of its time: pydantic generates
the model's core schema in Python and looks for plugins (which imports ``importlib.metadata``), the same work every
run. The core schema is pydantic-core's own, documented description of what to validate; ``core_schema.json`` holds
it as pydantic made it, written by ``.ci/regenerate`` (a drift test names that command), and :func:`validator` builds
pydantic-core's ``SchemaValidator`` from it directly. The result validates exactly as ``Profile.model_validate``:
the same instances and the same errors (``tests/unit/test_profile_core_schema.py`` holds the two equal).

In the file, what JSON cannot hold is written as an object with one key: ``{"$class": "module:name"}`` (a model or
enum class), ``{"$member": ["module:name", "member"]}``, ``{"$function": "module:name"}`` (a default factory) and
``{"$attrgetter": "name"}`` (how pydantic reads an enum's value). ``metadata`` (pydantic's notes for JSON Schema,
which pydantic-core does not read) is left out. A file made with another pydantic or pydantic-core than the one
installed is not used: pydantic then builds the validator as usual.
"""

from __future__ import annotations

import importlib
import json
import operator
import re
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

_FILE = "core_schema.json"


def _module_path(obj: Any) -> str:
    return f"{obj.__module__}:{obj.__qualname__}"


def _resolve(path: str) -> Any:
    module, _, name = path.partition(":")
    found: Any = importlib.import_module(module)
    for part in name.split("."):
        found = getattr(found, part)
    return found


def _dump(value: Any) -> Any:
    if isinstance(value, dict):
        # A reference's name ends in the id() of its class: the same in every run only without it.
        return {
            key: re.sub(r":\d+$", "", item) if key in ("ref", "schema_ref") else _dump(item)
            for key, item in value.items()
            if key != "metadata"
        }
    if isinstance(value, (list, tuple)):
        return [_dump(item) for item in value]
    if isinstance(value, Enum):
        return {"$member": [_module_path(type(value)), value.name]}
    if isinstance(value, type):
        return {"$class": _module_path(value)}
    if isinstance(value, operator.attrgetter):
        reduced: Any = value.__reduce__()
        return {"$attrgetter": reduced[1][0]}
    if callable(value):
        return {"$function": _module_path(value)}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"no JSON form for {value!r} in the profile's core schema")


def _load(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            ((key, item),) = value.items()
            if key == "$class" or key == "$function":
                return _resolve(item)
            if key == "$member":
                return getattr(_resolve(item[0]), item[1])
            if key == "$attrgetter":
                return operator.attrgetter(item)
        return {key: _load(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_load(item) for item in value]
    return value


def _versions() -> dict[str, str]:
    """What made the file: another pydantic may make another schema of the same model."""
    import pydantic_core
    from pydantic.version import VERSION

    return {"pydantic": VERSION, "pydantic_core": pydantic_core.__version__}


def dumps_core_schema() -> str:
    """The file: ``Profile``'s core schema and config as pydantic makes them now (for ``.ci/regenerate``)."""
    from iza_check.profile.model import Profile

    Profile.model_rebuild()  # defer_build: made here, as a validation would
    # What pydantic built the model's validator from (a SchemaValidator pickles as its schema and config).
    reduced: Any = Profile.__pydantic_validator__.__reduce__()
    schema, config = reduced[1][:2]
    data = {"versions": _versions(), "config": _dump(config), "schema": _dump(schema)}
    # Not sorted: the order of a model's fields is the order of its values.
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@cache
def validator() -> Any:
    """pydantic-core's validator of ``Profile`` from the file, or None when the file does not fit the installed
    pydantic-core (or cannot be read): then ``Profile.model_validate`` is the way."""
    import pydantic_core

    try:
        data = json.loads(Path(__file__).with_name(_FILE).read_text(encoding="utf-8"))
        if data["versions"] != _versions():
            return None
        return pydantic_core.SchemaValidator(_load(data["schema"]), _load(data["config"]))
    except Exception:  # a missing or foreign file: the usual way, slower but the same
        return None
