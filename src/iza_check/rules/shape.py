"""The shape of a rule file: the problems of a file the rule model rejects, found by its JSON Schema and by pydantic,
worded in Dutch and located by line and column (:class:`FileContext` holds one file's positions and problems)."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError

from iza_check.problems import Problem
from iza_check.profile.paths import did_you_mean, suggest
from iza_check.rules.conditions import ALL_KEYS, LIST_KEYS, Condition
from iza_check.rules.model import rules_json_schema
from iza_check.rules.operators import OPERATORS
from iza_check.rules.values import PATH_PATTERN, jsonable, shown

Loc = tuple[str | int, ...]

_TYPE_NL = {
    "object": "een mapping (sleutel: waarde)",
    "array": "een lijst",
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "true of false",
    "null": "niets",
}

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

_condition_adapter: TypeAdapter[Any] = TypeAdapter(Condition)


@cache
def _validator() -> Draft202012Validator:
    # Imported here: only a rule file the model rejects needs the schema pass (jsonschema costs ~0.1 s).
    import jsonschema

    return jsonschema.Draft202012Validator(rules_json_schema())


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class FileContext:
    """Positions and problems for one rule file."""

    def __init__(self, source: str, marks: dict[str, tuple[int, int]], key_marks: dict[str, tuple[int, int]]) -> None:
        self.source = source
        self.marks = marks
        self.key_marks = key_marks
        self.problems: list[Problem] = []

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int | None, int | None]:
        path = _dotted(loc)
        if key and path in self.key_marks:
            return self.key_marks[path]
        probe = list(loc)
        while True:
            dotted = _dotted(tuple(probe))
            if dotted in self.marks:
                return self.marks[dotted]
            if not probe:
                return None, None
            probe.pop()

    def add(self, loc: Loc, message: str, code: str, *, key: bool = False) -> None:
        line, column = self.position(loc, key=key)
        self.problems.append(Problem(self.source, message, code, line, column, _dotted(loc) or None))


def _is_condition_schema(schema: dict[str, Any]) -> bool:
    options = schema.get("oneOf") or []
    return bool(options) and all("$ref" in o for o in options) and any(o["$ref"].endswith("/Gelijk") for o in options)


def schema_problems(data: Any, ctx: FileContext) -> None:
    errors = sorted(_validator().iter_errors(jsonable(data)), key=lambda e: [str(p) for p in e.absolute_path])
    # A misspelt key is also a missing one: report it once, as the misspelling with a suggestion.
    suggested: set[tuple[Loc, str]] = set()
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = list(error.schema.get("properties", {}))
            for extra in error.instance:
                if extra not in allowed and (match := suggest(str(extra), allowed)):
                    suggested.add((tuple(error.absolute_path), match))
    for error in errors:
        loc: Loc = tuple(error.absolute_path)
        kind = error.validator
        instance = error.instance
        if kind == "oneOf" and _is_condition_schema(error.schema):
            before = len(ctx.problems)
            _diagnose_condition(instance, loc, ctx)
            if len(ctx.problems) == before:
                ctx.add(loc, "deze voorwaarde klopt niet; zie rules/README.md voor de vormen", "condition")
        elif kind == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            for extra in [k for k in instance if k not in allowed]:
                ctx.add(
                    (*loc, extra),
                    f"onbekende sleutel '{extra}'.{did_you_mean(extra, allowed)} Toegestaan: {', '.join(allowed)}",
                    "unknown-key",
                    key=True,
                )
        elif kind == "required":
            for name in error.validator_value:
                if isinstance(instance, dict) and name not in instance and (loc, name) not in suggested:
                    ctx.add(loc, f"verplichte sleutel '{name}' ontbreekt", "missing-key")
        elif kind == "enum":
            options = [str(o) for o in error.validator_value]
            ctx.add(
                loc,
                f"'{instance}' is geen geldige waarde.{did_you_mean(str(instance), options)} Kies uit: {', '.join(options)}",
                "bad-value",
            )
        elif kind == "const":
            ctx.add(loc, f"hier is alleen {json.dumps(error.validator_value)} toegestaan", "bad-value")
        elif kind == "type":
            wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
            names = " of ".join(_TYPE_NL.get(w) or str(w) for w in wanted)
            ctx.add(loc, f"verwacht {names}, niet {shown(instance)}", "bad-type")
        elif kind == "pattern":
            if loc and loc[-1] == "id":
                message = (
                    f"ongeldig id '{instance}': begin met een hoofdletter, daarna hoogstens 15 letters, "
                    "cijfers of '_' (bijv. K7 of K10a)"
                )
            elif loc and loc[-1] in ("veld", "lijst"):
                message = f"ongeldig pad '{instance}': kleine letters, cijfers en '_', gescheiden door punten"
            else:
                message = f"'{instance}' heeft niet de juiste vorm"
            ctx.add(loc, message, "bad-value")
        elif kind == "minItems":
            ctx.add(loc, f"minstens {error.validator_value} nodig, er staan er {len(instance)}", "too-few", key=True)
        elif kind == "minLength":
            ctx.add(loc, "mag niet leeg zijn", "empty-value")
        elif kind in ("maxLength", "maxItems"):
            ctx.add(loc, f"te lang (hoogstens {error.validator_value})", "too-long")
        elif kind in ("minimum", "exclusiveMinimum"):
            ctx.add(loc, f"{shown(instance)} is te klein (minstens {error.validator_value})", "bad-value")
        elif kind in ("maximum", "exclusiveMaximum"):
            ctx.add(loc, f"{shown(instance)} is te groot (hoogstens {error.validator_value})", "bad-value")
        elif kind == "anyOf":
            ctx.add(loc, f"ongeldige waarde {shown(instance)}", "bad-value")
        else:
            ctx.add(loc, f"klopt niet met het schema: {error.message}", "schema")


def _diagnose_condition(value: Any, loc: Loc, ctx: FileContext) -> None:
    """Explain why a mapping is not a valid condition, as precisely as we can."""
    if not isinstance(value, dict):
        ctx.add(loc, f"een voorwaarde moet een mapping zijn, bijv. {{veld: ..., gelijk: ...}}, niet {shown(value)}", "condition")
        return
    unknown = [k for k in value if k not in ALL_KEYS]
    for key in unknown:
        ctx.add((*loc, key), f"onbekende sleutel '{key}' in een voorwaarde.{did_you_mean(str(key), ALL_KEYS)}", "unknown-key", key=True)
    forms = [k for k in ("alle", "een_van", "niet", "lijst", "veld") if k in value]
    if not forms:
        if not unknown:
            ctx.add(loc, "een voorwaarde moet beginnen met alle, een_van, niet, lijst of veld", "condition")
        return
    if len(forms) > 1:
        ctx.add(loc, f"een voorwaarde heeft precies één vorm, hier staan er meer: {', '.join(forms)}", "condition")
        return
    form = forms[0]
    allowed = {"alle": {"alle"}, "een_van": {"een_van"}, "niet": {"niet"}, "lijst": set(LIST_KEYS)}
    if form in allowed:
        for key in value:
            if key in ALL_KEYS and key not in allowed[form]:
                ctx.add((*loc, key), f"'{key}' hoort niet bij een '{form}'-voorwaarde", "unknown-key", key=True)
        if unknown:
            return
    if form in ("alle", "een_van"):
        items = value[form]
        if not isinstance(items, list) or not items:
            ctx.add((*loc, form), f"'{form}' verwacht een lijst met minstens één voorwaarde", "condition")
            return
        for index, item in enumerate(items):
            _diagnose_condition(item, (*loc, form, index), ctx)
        return
    if form == "niet":
        _diagnose_condition(value["niet"], (*loc, "niet"), ctx)
        return
    if form == "lijst":
        for needed in ("waar", "minstens"):
            if needed not in value:
                ctx.add(loc, f"een 'lijst'-voorwaarde heeft ook '{needed}' nodig", "missing-key")
        if "waar" in value:
            _diagnose_condition(value["waar"], (*loc, "waar"), ctx)
        if "minstens" in value and (type(value["minstens"]) is not int or value["minstens"] < 0):
            ctx.add((*loc, "minstens"), "'minstens' verwacht een geheel getal van 0 of meer", "bad-value")
        if value.get("alleen_genoemde") is not None and type(value["alleen_genoemde"]) is not bool:
            ctx.add((*loc, "alleen_genoemde"), "'alleen_genoemde' verwacht true of false", "bad-value")
        _check_path_text(value.get("lijst"), (*loc, "lijst"), ctx)
        return
    operators = [k for k in OPERATORS if k in value]
    if unknown:
        return
    if not operators:
        ctx.add(loc, f"bij 'veld' hoort één operator: {', '.join(OPERATORS)}", "condition")
        return
    if len(operators) > 1:
        ctx.add(loc, f"bij 'veld' hoort precies één operator, hier staan er meer: {', '.join(operators)}", "condition")
        return
    if not _check_path_text(value.get("veld"), (*loc, "veld"), ctx):
        return
    try:
        _condition_adapter.validate_python(value)
    except ValidationError as error:
        pydantic_problems(error, value, loc, ctx)


def _check_path_text(path: Any, loc: Loc, ctx: FileContext) -> bool:
    if not isinstance(path, str) or not re.match(PATH_PATTERN, path):
        ctx.add(loc, f"ongeldig pad {shown(path)}: kleine letters, cijfers en '_', gescheiden door punten", "bad-value")
        return False
    return True


def data_loc(data: Any, pydantic_loc: tuple[Any, ...]) -> Loc:
    """Follow a pydantic error location through the data, skipping union tags that are not keys."""
    out: list[str | int] = []
    current = data
    for part in pydantic_loc:
        if (isinstance(current, dict) and part in current) or (isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)):
            out.append(part)
            current = current[part]
        elif part == "in_" and isinstance(current, dict) and "in" in current:
            out.append("in")
            current = current["in"]
    return tuple(out)


def pydantic_problems(error: ValidationError, data: Any, base: Loc, ctx: FileContext) -> None:
    from iza_check.profile.validation import PLAIN_VALUE_KINDS, value_message

    for detail in error.errors(include_url=False):
        loc = (*base, *data_loc(data, tuple(detail["loc"])))
        kind = detail["type"]
        # A message of the project's own (a PydanticCustomError) is Dutch already; pydantic's are put in Dutch.
        message = detail["msg"] if kind not in PLAIN_VALUE_KINDS else value_message(
            kind, detail.get("ctx") or {}, detail.get("input"), detail["msg"]
        )
        ctx.add(loc, message, "bad-value" if kind == "unusable_number" else "invalid")

