"""Tags, tag resolution and the typed value of a scalar, with YAML 1.1's surprises refused.

The resolver (:func:`resolve`, cached for short plain scalars, about a third of the composing time)
decides what a scalar is; :func:`typed_value` builds the int, float, bool or date as PyYAML would,
or says that the value is a YAML 1.1 number (``010``, ``0x10``, ``1_000``, ``1:30``) that the builders
refuse, with :func:`yaml11_number_message` explaining why and what to write instead. The words that
YAML 1.1 (or a Dutch writer) would read as a boolean are in :data:`YAML11_BOOLEAN_WORDS`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode, SequenceNode

from iza_check.yamlsafe.messages import clip

TAG = "tag:yaml.org,2002:"
STR = TAG + "str"
INT = TAG + "int"
FLOAT = TAG + "float"
BOOL = TAG + "bool"
NULL = TAG + "null"
TIMESTAMP = TAG + "timestamp"
VALUE = TAG + "value"
MERGE = TAG + "merge"
SEQ = TAG + "seq"
MAP = TAG + "map"

YAML11_BOOLEAN_WORDS = frozenset({"yes", "no", "on", "off", "y", "n", "ja", "nee"})
YAML11_MAX_LEN = max(len(word) for word in YAML11_BOOLEAN_WORDS)

SCALAR_KINDS = {INT: "heel getal", FLOAT: "getal", BOOL: "true of false"}

# The only integer form accepted: YAML 1.1 also reads octal (010), hex, binary, '_' and sexagesimal (1:30).
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)", re.ASCII)
# Plain 0o17 is text to PyYAML, but its int constructor reads it as 15 behind an explicit !!int.
_OCTAL_0O = re.compile(r"[-+]?0o[0-7_]+", re.ASCII)
# Longer YAML 1.1 numbers are refused without working out what YAML 1.1 would read (1:00:00:... grows big).
_YAML11_READING_MAX_LEN = 40

_constructor = SafeConstructor()

# Tag resolution is a third of the composing time; plain scalars such as keys, enum values and
# booleans repeat in every file, so short ones are resolved once per process.
_IMPLICIT_RESOLVERS: dict[Any, list[tuple[str, re.Pattern[str]]]] = {
    first: list(resolvers) for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
PLAIN_TAGS: dict[str, str] = {}
_PLAIN_TAGS_LIMIT = 8192
_PLAIN_TAGS_MAX_LEN = 40


def _resolve_plain(value: str) -> str:
    candidates = _IMPLICIT_RESOLVERS.get(value[0] if value else "", [])
    for tag, pattern in candidates + _IMPLICIT_RESOLVERS.get(None, []):
        if pattern.match(value):
            return tag
    return STR


def resolve(self: Any, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
    if kind is ScalarNode:
        if not implicit[0]:
            return STR
        tag = PLAIN_TAGS.get(value)
        if tag is None:
            tag = _resolve_plain(value)
            if len(value) <= _PLAIN_TAGS_MAX_LEN and len(PLAIN_TAGS) < _PLAIN_TAGS_LIMIT:
                PLAIN_TAGS[value] = tag
        return tag
    return SEQ if kind is SequenceNode else MAP


def short_tag(tag: str) -> str:
    return "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag


UNTYPED = object()
YAML11_NUMBER = object()


def typed_value(tag: str, value: str) -> Any:
    """A scalar with an int, float, bool or timestamp tag, as PyYAML constructs it; UNTYPED for other tags.

    YAML11_NUMBER for a number that YAML 1.1 reads differently from what it looks like (octal ``010``,
    hex, binary, ``1_000``, sexagesimal ``1:30``): the callers refuse it. Raises (as PyYAML's
    constructors do) for a malformed value. Plain decimal numbers and plain dates, by far the most
    common, give the same result without PyYAML's regexes.
    """
    if tag == INT:
        if value.isdigit() and value.isascii() and (value[0] != "0" or value == "0"):
            return int(value)
        if not _DECIMAL_INT.fullmatch(value) and (_resolve_plain(value) == INT or _OCTAL_0O.fullmatch(value)):
            return YAML11_NUMBER
        return _constructor.construct_yaml_int(ScalarNode(tag, value))
    if tag == BOOL:
        return _constructor.bool_values[value.lower()]  # what construct_yaml_bool does, without a node
    if tag == TIMESTAMP:
        if _PLAIN_DATE.fullmatch(value):
            return dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))
        return _constructor.construct_yaml_timestamp(ScalarNode(tag, value))
    if tag == FLOAT:
        if ("_" in value or ":" in value) and _resolve_plain(value) in (INT, FLOAT):
            return YAML11_NUMBER
        return _constructor.construct_yaml_float(ScalarNode(tag, value))
    return UNTYPED


def yaml11_number_message(tag: str, value: str) -> str:
    """Why ``value`` (a YAML11_NUMBER) is refused and what to write instead, in Dutch."""
    sign = "-" if value.startswith("-") else ""
    body = value.lstrip("+-").lower()
    digits = body.replace("_", "")
    if ":" in body:
        how, suggestion = "zestigtallig, zoals uren en minuten", None
    elif body.startswith("0x"):
        how, suggestion = "zestientallig", None
    elif body.startswith("0b"):
        how, suggestion = "tweetallig", None
    elif body.startswith("0o"):
        how, suggestion = "achttallig", None
    elif tag == INT and len(digits) > 1 and digits.startswith("0"):
        how, suggestion = "achttallig, door de voorloopnul", f"{sign}{digits.lstrip('0') or '0'} (zonder voorloopnul)"
    else:
        how, suggestion = "de '_' telt niet mee", f"{sign}{digits} (zonder '_')"
    if len(value) <= _YAML11_READING_MAX_LEN:
        constructor = _constructor.construct_yaml_int if tag == INT else _constructor.construct_yaml_float
        reading = clip(repr(constructor(ScalarNode(tag, value))))
        read_as = f": YAML 1.1 leest het als {reading} ({how})"
        suggestion = suggestion or reading
    else:
        read_as = f" voor YAML 1.1 ({how})"
        suggestion = clip(suggestion) if suggestion else "het getal gewoon decimaal"
    return (
        f"'{clip(value)}' is geen gewoon getal{read_as}; schrijf {suggestion} "
        "of zet de tekst tussen aanhalingstekens als tekst bedoeld is"
    )
