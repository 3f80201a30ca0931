"""The profile validator made from the stored core schema (iza_check.profile.core_schema) validates exactly as
``Profile.model_validate``: the same instances for any valid profile, the same errors for broken ones."""

from __future__ import annotations

from typing import Any

import pydantic_core
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from test_properties import model_strategy

from iza_check.profile import core_schema
from iza_check.profile.model import Profile

profiles = st.deferred(lambda: model_strategy(Profile))
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Wrong in some way for nearly every field: type, strictness, range, length, form.
_BAD_VALUES: list[Any] = [
    "ja", "yes", 1, 3.5, -1, 10**12, True, None, "", "x" * 6000, "2024-02-31", "niet-een-datum", "http//x",
    "ftp://voorbeeld.nl", {"onbekend": 1}, [1], ["geen_waarde"],
]


def _stored() -> Any:
    validator = core_schema.validator()
    assert validator is not None, "the stored core schema is not used: run .ci/regenerate"
    return validator


def _places(data: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key and list position in ``data``."""
    found: list[tuple[Any, ...]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found.append((*at, key))
        found.extend(_places(value, (*at, key)))
    return found


def _replaced(data: Any, place: tuple[Any, ...], value: Any) -> Any:
    if not place:
        return value
    head, rest = place[0], place[1:]
    if isinstance(data, dict):
        return {**data, head: _replaced(data[head], rest, value)}
    copy = list(data)
    copy[head] = _replaced(data[head], rest, value)
    return copy


def _outcome(validate: Any, data: Any) -> tuple[str, Any]:
    try:
        profile = validate(data)
    except ValidationError as error:
        return "errors", (error.title, error.errors(include_url=False))
    return "profile", (profile, repr(profile), profile.model_dump(exclude_unset=True))


@settings(SETTINGS, max_examples=60)
@given(data=profiles)
def test_any_valid_profile_is_the_same_instance(data: dict[str, Any]) -> None:
    stored = _outcome(_stored().validate_python, data)
    assert stored[0] == "profile"
    assert stored == _outcome(Profile.model_validate, data)
    assert type(stored[1][0]) is Profile


@settings(SETTINGS, max_examples=150)
@given(data=profiles, choice=st.integers(min_value=0), bad=st.sampled_from(_BAD_VALUES), unknown=st.booleans())
def test_any_broken_profile_gives_the_same_errors(data: dict[str, Any], choice: int, bad: Any, unknown: bool) -> None:
    places = _places(data)
    place = places[choice % len(places)]
    if unknown and isinstance(data.get(place[0]), dict):
        broken = _replaced(data, place[:1], {**data[place[0]], "onbekend_veld": bad})
    else:
        broken = _replaced(data, place, bad)
    assert _outcome(_stored().validate_python, broken) == _outcome(Profile.model_validate, broken)


def test_a_file_made_with_another_pydantic_core_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from iza_check.profile.validation import validate
    from iza_check.yamlsafe import parse_yaml_bytes

    document, _ = parse_yaml_bytes(b"initiatief:\n  naam: Het Anker\n", "anker.yaml")
    assert document is not None
    expected = validate(document, "anker.yaml")
    core_schema.validator.cache_clear()
    monkeypatch.setattr(pydantic_core, "__version__", "0.0.1")
    try:
        assert core_schema.validator() is None
        assert validate(document, "anker.yaml")[0] == expected[0]
    finally:
        core_schema.validator.cache_clear()
