"""A profile checked against the model: every pydantic error becomes a :class:`Problem` in plain Dutch, located at the
line and column of the value (or of the key) it is about."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import ValidationError

from iza_check.problems import Problem
from iza_check.profile.core_schema import validator
from iza_check.profile.model import Profile
from iza_check.profile.paths import field_at, model_at
from iza_check.yamlsafe import (
    Mark,
    YamlDocument,
)

Loc = tuple[str | int, ...]
_T = TypeVar("_T")


def validate(doc: YamlDocument, source: str) -> tuple[Profile | None, list[Problem]]:
    stored = validator()
    try:
        if stored is not None:
            return stored.validate_python(doc.data), []
        return Profile.model_validate(doc.data), []
    except ValidationError as error:
        problems = [_problem(detail, doc, source) for detail in error.errors(include_url=False)]
        problems.sort(key=lambda problem: (problem.line or 0, problem.column or 0))
        return None, problems


def is_under_any(path: str | None, prefixes: list[str]) -> bool:
    if path is None:
        return False
    for prefix in prefixes:
        if path == prefix or not prefix:
            return True
        if path.startswith(prefix) and path[len(prefix)] in ".[":
            return True
    return False


def path_of(loc: Loc) -> str:
    """Turn a pydantic location such as ``('aanbod', 0, 'soort')`` into ``aanbod[0].soort``."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(f".{part}" if parts else str(part))
    return "".join(parts)


def _position(marks: dict[str, Mark], loc: Loc) -> tuple[Mark | None, str]:
    """The mark of ``loc`` or of its nearest ancestor that has one."""
    for end in range(len(loc), -1, -1):
        path = path_of(loc[:end])
        if path in marks:
            return marks[path], path
    return None, path_of(loc)


def _problem(detail: Any, doc: YamlDocument, source: str) -> Problem:
    kind: str = detail["type"]
    loc: Loc = tuple(detail["loc"])
    path = path_of(loc)
    ctx: dict[str, Any] = detail.get("ctx") or {}
    value = detail.get("input")

    if kind == "extra_forbidden":
        mark = doc.key_marks.get(path) or _position(doc.marks, loc)[0]
        return _located(source, _unknown_field(loc), "unknown-key", mark, path)
    if kind == "missing":
        parent = path_of(loc[:-1])
        mark = _position(doc.marks, loc[:-1])[0]
        where = f" in '{parent}'" if parent else ""
        message = f"verplicht veld '{loc[-1]}' ontbreekt{where}"
        return _located(source, message, "missing-field", mark, path)
    if kind == "invalid_key":
        parent = path_of(loc[:-1])
        key_path = f"{parent}.{value}" if parent else str(value)
        mark = doc.key_marks.get(key_path) or _position(doc.marks, loc[:-1])[0]
        message = f"veldnaam {_show(value)} moet gewone tekst zijn"
        return _located(source, message, "invalid-key", mark, parent)

    mark = _position(doc.marks, loc)[0]
    allowed = _enum_values(loc) if kind == "enum" else ()
    message = value_message(kind, ctx, value, detail["msg"], allowed=allowed, code_field="betreft" in loc)
    return _located(source, message, "invalid-value", mark, path)


def _located(source: str, message: str, code: str, mark: Mark | None, path: str) -> Problem:
    line, column = mark if mark is not None else (None, None)
    return Problem(source, message, code, line, column, path)


def _unknown_field(loc: Loc) -> str:
    name = str(loc[-1])
    model = model_at(Profile, _strip_indexes(loc[:-1]))
    known = list(model.model_fields) if model is not None else []
    match = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if match:
        return f"onbekend veld '{name}'; bedoelde u '{match[0]}'?"
    if known:
        return f"onbekend veld '{name}'; mogelijke velden hier: {', '.join(known)}"
    return f"onbekend veld '{name}'"


_DATE_ERRORS = {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}
_INT_ERRORS = {"int_type", "int_parsing", "int_from_float", "int_parsing_size"}
_FLOAT_ERRORS = {"float_type", "float_parsing", "finite_number"}
_URL_ERRORS = {"url_type", "url_parsing", "url_scheme", "url_syntax_violation", "url_too_long"}
_MAPPING_ERRORS = {"model_type", "model_attributes_type", "dict_type"}
# What value_message says in Dutch without a profile's enum choices or its mapping hint: what a rule file's
# values are checked with (see iza_check.rules.shape); other kinds keep pydantic's text there.
PLAIN_VALUE_KINDS = frozenset(
    {
        "literal_error", "bool_type", "greater_than_equal", "greater_than", "less_than_equal", "less_than",
        "string_type", "string_too_short", "string_too_long", "string_pattern_mismatch", "list_type", "too_short",
        *_DATE_ERRORS, *_INT_ERRORS, *_FLOAT_ERRORS, *_URL_ERRORS,
    }
)


def value_message(
    kind: str, ctx: dict[str, Any], value: Any, fallback: str, *, allowed: Sequence[str] = (), code_field: bool = False
) -> str:
    """A value pydantic refused, in plain Dutch: for a profile, and for a rule file (see iza_check.rules.shape).

    ``allowed`` are the choices of an enum; ``code_field``: the value is a criterion code (``betreft``).
    """
    shown = _show(value)
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("True", "true").replace("False", "false")
        return f"ongeldige waarde {shown}; toegestaan: {expected}"
    if kind == "enum":
        choices = ", ".join(allowed) if allowed else str(ctx.get("expected", ""))
        match = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6) if isinstance(value, str) else []
        if match:
            return f"ongeldige waarde {shown}; bedoelde u '{match[0]}'? Kies uit: {choices}"
        return f"ongeldige waarde {shown}; kies uit: {choices}"
    if kind in _DATE_ERRORS:
        return f"ongeldige datum {shown}; gebruik JJJJ-MM-DD (bijvoorbeeld 2024-03-31)"
    if kind == "bool_type":
        return f"verwacht true of false, niet {shown}"
    if kind in _INT_ERRORS or kind in _FLOAT_ERRORS:
        expected = "een heel getal" if kind in _INT_ERRORS else "een getal (met een punt als decimaalteken)"
        quoted = isinstance(value, str) and value.strip().replace(".", "", 1).isdigit()
        hint = "; laat de aanhalingstekens weg" if quoted else ""
        return f"verwacht {expected}, niet {shown}{hint}"
    if kind in {"greater_than_equal", "greater_than"}:
        bound = ctx.get("ge", ctx.get("gt"))
        word = "minstens" if kind == "greater_than_equal" else "groter dan"
        return f"{shown} is te klein: de waarde moet {word} {bound} zijn"
    if kind in {"less_than_equal", "less_than"}:
        bound = ctx.get("le", ctx.get("lt"))
        word = "hoogstens" if kind == "less_than_equal" else "kleiner dan"
        return f"{shown} is te groot: de waarde mag {word} {bound} zijn"
    if kind == "string_type":
        return f"verwacht tekst, niet {shown}; zet de tekst eventueel tussen aanhalingstekens"
    if kind == "string_too_short":
        return "de tekst mag niet leeg zijn; laat het veld weg als het onbekend is"
    if kind == "string_too_long":
        return f"de tekst is te lang (hoogstens {ctx.get('max_length')} tekens)"
    if kind == "string_pattern_mismatch":
        if code_field:
            return f"ongeldige code {shown}; een code is die van een regel, bijv. K2 of Q10"
        return f"ongeldige waarde {shown}"
    if kind == "list_type":
        return f"verwacht een lijst (regels die beginnen met '- '), niet {shown}"
    if kind == "too_short":
        return f"de lijst moet minstens {ctx.get('min_length', 1)} onderdeel bevatten"
    if kind in _MAPPING_ERRORS:
        return f"verwacht velden ('veld: waarde') op een nieuwe regel, ingesprongen, niet {shown}"
    if kind in _URL_ERRORS:
        return f"ongeldig webadres {shown}; begin met https://"
    return f"ongeldige waarde {shown} ({fallback})"


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "een blok met velden"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, str):
        text = repr(value)
    elif isinstance(value, bool) or value is None:
        text = {True: "true", False: "false", None: "een lege waarde"}[value]
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _strip_indexes(loc: Loc) -> tuple[str, ...]:
    return tuple(part for part in loc if isinstance(part, str))


def _enum_values(loc: Loc) -> list[str]:
    names = _strip_indexes(loc)
    ftype = field_at(Profile, names) if names else None
    return list(ftype.inner.enum_values) if ftype is not None else []
