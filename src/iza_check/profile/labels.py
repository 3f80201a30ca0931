"""Readable names for the profile's fields and values (``labels.yaml``), for reports people read.

``toegang.registratie_nodig`` reads "inschrijving nodig", ``aanbod[1].methode`` reads "activiteit 2
(WRAP-training): methode" and ``gastvrouw_gastheer`` reads "gastvrouw of gastheer". Machine formats keep the
keys; a test holds the file complete for every field and value of the profile model.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
from functools import cache
from importlib import resources
from typing import Any

import yaml

from iza_check.i18n.text import Text
from iza_check.profile.paths import walk

_INDEX = re.compile(r"\[(\d+)\]")


@cache
def _data() -> dict[str, Any]:
    text = resources.files("iza_check.profile").joinpath("labels.yaml").read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return loaded


def _pick(entry: Mapping[str, str], lang: str) -> str:
    return entry["en"] if lang == "en" else entry["nl"]


@cache
def _enums() -> dict[str, type[Enum]]:
    from iza_check.profile.model import Profile

    return {path: ftype.inner.enum for path, ftype in walk(Profile) if ftype.inner.enum is not None}


def _generic(path: str) -> str | None:
    """``kwaliteit.klachtenprocedure.bewijs.document`` -> ``bewijs.document`` (a field every area has)."""
    common = _data()["algemeen"]
    parts = path.split(".")
    for start in range(len(parts)):
        tail = ".".join(parts[start:])
        if tail in common:
            return str(tail)
    return None


def field_label(path: str, lang: str) -> str:
    """The readable name of a field; indices are ignored (``aanbod[1].soort`` -> "soort")."""
    key = _INDEX.sub("", path)
    data = _data()
    entry = data["velden"].get(key) or data["gebieden"].get(key)
    if entry is None:
        generic = _generic(key)
        entry = data["algemeen"][generic] if generic is not None else None
    if entry is None:
        return key.rsplit(".", 1)[-1].replace("_", " ")
    return _pick(entry, lang)


def value_label(path: str, value: str, lang: str) -> str:
    """The readable name of a choice (``gastvrouw_gastheer`` -> "gastvrouw of gastheer"); else the value."""
    enum = _enums().get(_INDEX.sub("", path))
    if enum is None:
        return value
    entry = _data()["waarden"].get(enum.__name__, {}).get(value)
    return _pick(entry, lang) if entry is not None else value


def value_texts() -> dict[type[Enum], dict[str, Text]]:
    """Every choice of the profile model with its readable name in both languages, per enum."""
    values = _data()["waarden"]
    enums = dict.fromkeys(_enums().values())
    return {
        enum: {str(m.value): Text(**values[enum.__name__][str(m.value)]) for m in enum}
        for enum in enums
    }


def item_word(list_path: str, lang: str) -> str | None:
    """The word for one item of a list (``aanbod`` -> "activiteit"), or None for a list of plain values."""
    key = _INDEX.sub("", list_path)
    items = _data()["items"]
    entry = items.get(key) or items.get(key.rsplit(".", 1)[-1])
    return _pick(entry, lang) if entry is not None else None


def readable_path(path: str, lang: str, names: Mapping[str, str] | None = None) -> str:
    """A fact's path as a person reads it: ``aanbod[1].methode`` -> "activiteit 2 (WRAP-training): methode".

    ``names`` gives an item's name by its path (``aanbod[1]`` -> "WRAP-training"); items are numbered from 1.
    """
    indices = list(_INDEX.finditer(path))
    match = indices[-1] if indices else None
    if match is None:
        return field_label(path, lang)
    item_path = path[: match.end()]
    list_path = path[: match.start()]
    word = item_word(list_path, lang) or field_label(list_path, lang)
    item = f"{word} {int(match.group(1)) + 1}"
    name = (names or {}).get(item_path)
    if name:
        item += f" ({name})"
    rest = path[match.end() :].lstrip(".")
    return f"{item}: {field_label(path, lang)}" if rest else item


def paths() -> tuple[str, ...]:
    """Every field path of the profile model (for the completeness test)."""
    from iza_check.profile.model import Profile

    return tuple(path for path, _ in walk(Profile))
