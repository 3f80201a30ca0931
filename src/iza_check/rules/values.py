"""Values of the condition language: the operands a rule file may write (and their bounds), how the engine encodes a
profile's values to compare them, and the checks of an operand against the type of the field it tests."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Annotated, Any, NamedTuple

from pydantic import (
    AfterValidator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
)
from pydantic_core import PydanticCustomError, Url

from iza_check.profile.paths import FieldType, did_you_mean

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
    if isinstance(value, Url):
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


def item_encoder(ftype: FieldType) -> Encoder:
    """The encoder of the items of a list."""
    return encoder(ftype.item if ftype.item is not None else FieldType("other"))


def age_in_years(day: dt.date, peildatum: dt.date) -> float:
    """Whole years from ``day`` to ``peildatum``, plus 0.5 when not exactly on an anniversary.

    So ``age <= N`` holds exactly when ``day`` is not more than N years before the peildatum. The peildatum
    is moved into ``day``'s own year to compare (29 February becoming the 28th), never past year 9999.
    """
    whole = peildatum.year - day.year
    moved = (peildatum.month, min(peildatum.day, calendar.monthrange(day.year, peildatum.month)[1]))
    here = (day.month, day.day)
    if moved < here:
        return whole - 1 + 0.5
    return float(whole) if moved == here else whole + 0.5


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


def model_hint(ftype: FieldType, path: str) -> str:
    if ftype.kind == "model" and ftype.model is not None:
        return f" '{path}' is een groep velden; kies een veld erin: {', '.join(ftype.model.model_fields)}"
    return ""


def value_issues(values: list[Any], ftype: FieldType, path: str, *, indexed: bool) -> list[Issue]:
    """An issue for each value that does not fit the field (``indexed``: the values are a list in the file)."""
    issues = []
    for index, value in enumerate(values):
        problem = _value_problem(value, ftype, path)
        if problem:
            issues.append(Issue(problem, "bad-value", (index,) if indexed else ()))
    return issues
