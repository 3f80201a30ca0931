"""Bounded fuzzing of the loaders: whatever the bytes, the result is a document or an InputError.

Never another exception, never a hang, and every problem is a usable message: a code, text, and a
position inside the input when it has one.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from iza_check.problems import InputError, Problem
from iza_check.profile import model as model_module
from iza_check.profile.loader import LoadedProfile, load_profile, validate_profile_data
from iza_check.profile.model import Profile
from iza_check.yamlsafe import YamlDocument, load_yaml_bytes

pytestmark = pytest.mark.slow  # fuzzers: deselect with -m "not slow" for a fast loop

REPO = Path(__file__).resolve().parents[2]
SOURCE = "fuzz.yaml"
FUZZ = settings(
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def _check_problems(error: InputError, raw: bytes, source: str = SOURCE) -> None:
    assert error.problems, "an InputError must say what is wrong"
    for problem in error.problems:
        assert isinstance(problem, Problem)
        assert problem.file == source
        assert problem.code and problem.message.strip()
        assert "Traceback" not in problem.message
        if problem.line is not None:
            # YAML also breaks lines at \r, U+0085, U+2028 and U+2029, so bound by bytes, not by "\n".
            assert 1 <= problem.line <= len(raw) + 1, problem
        if problem.column is not None:
            assert problem.line is not None and problem.column >= 1, problem


def _load_bytes(raw: bytes, **limits: int) -> YamlDocument | None:
    try:
        return load_yaml_bytes(raw, SOURCE, **limits)
    except InputError as error:
        _check_problems(error, raw)
        return None


def _validate(document: YamlDocument, raw: bytes) -> LoadedProfile | None:
    try:
        return validate_profile_data(document, SOURCE)
    except InputError as error:
        _check_problems(error, raw)
        return None


# ------------------------------------------------------------------------------ strategies

_MODELS = [value for value in vars(model_module).values() if isinstance(value, type) and issubclass(value, BaseModel)]
_FIELD_NAMES = sorted({name for model in _MODELS for name in model.model_fields})
_TOKENS = [
    *_FIELD_NAMES,
    ": ", ":", "- ", "-", "\n", "\n  ", "\n    ", "\t", " ", "#", "# x\n", "---\n", "...\n", "? ",
    "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "<<: *a\n", "!!str ", "!!int ", "!!binary ", "!!set ",
    "!!python/object/apply:os.system ", "!!python/name:os.system", "!local ", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n",
    "true", "false", "yes", "No", "ON", "ja", "nee", "~", "null", "0", "-1", "1.5", "1e400", ".nan", "-.inf",
    "0x1F", "0o17", "1_000", "2024-02-29", "2023-02-29", "2024-13-01", "2024-01-01T10:00:00Z", "'", '"', "'a'",
    '"\\u00e9"', '"\\x00"', "|\n  x\n", ">-\n  y\n", "\ufeff", "\u2028", "\x85", "\r\n", "é", "\U0001f600",
    "K1", "Q10", "inloop", "stichting", "https://x.example.nl",
]
_VALUES = [token for token in _TOKENS if token.strip() and token not in _FIELD_NAMES]
_PRINTABLE = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF, exclude_categories=("Cc",)), max_size=8)


@st.composite
def yamlish(draw: st.DrawFn) -> str:
    """Lines that look like a profile (indented keys, list dashes, values), with stray tokens among them."""
    lines = ["initiatief:\n  naam: x"] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(0, 25))):
        if draw(st.integers(0, 9)) == 0:
            lines.append(draw(st.sampled_from(_TOKENS) | st.text(max_size=6)))
            continue
        indent = " " * draw(st.sampled_from((0, 0, 2, 2, 4, 6, 1, 3)))
        dash = draw(st.sampled_from(("", "", "", "- ")))
        key = draw(st.sampled_from(_FIELD_NAMES) | _PRINTABLE)
        value = draw(st.sampled_from(("", "", *_VALUES)) | _PRINTABLE)
        lines.append(f"{indent}{dash}{key}:" + (f" {value}" if value else ""))
    return "\n".join(lines) + draw(st.sampled_from(("\n", "", "\r\n")))
_EXAMPLES = [path.read_bytes() for path in sorted((REPO / "profiles").glob("*.yaml"))]


@st.composite
def mutated_examples(draw: st.DrawFn) -> bytes:
    """An example profile with a few bytes changed, inserted or removed, or cut short."""
    raw = bytearray(draw(st.sampled_from(_EXAMPLES)))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    for _ in range(draw(st.integers(1, 8))):
        position = rng.randrange(len(raw) + 1)
        action = rng.choice(("flip", "insert", "delete", "cut", "token"))
        # Mostly printable bytes: random ones nearly always stop at the UTF-8 check.
        byte = rng.randrange(256) if rng.random() < 0.2 else rng.randrange(32, 127)
        if action == "flip" and position < len(raw):
            raw[position] = byte
        elif action == "insert":
            raw[position:position] = bytes([byte])
        elif action == "delete" and position < len(raw):
            del raw[position]
        elif action == "cut":
            del raw[position:]
        else:
            raw[position:position] = rng.choice(_TOKENS).encode("utf-8")
    return bytes(raw)


# ---------------------------------------------------------------------------------- the fuzz


@settings(FUZZ, max_examples=300)
@given(raw=st.binary(max_size=512))
def test_arbitrary_bytes(raw: bytes) -> None:
    document = _load_bytes(raw)
    if document is not None:
        _validate(document, raw)


@settings(FUZZ, max_examples=600)
@given(text=yamlish())
def test_yamlish_text(text: str) -> None:
    raw = text.encode("utf-8", "surrogatepass")
    document = _load_bytes(raw)
    if document is not None:
        assert isinstance(document.data, dict)
        _validate(document, raw)


@settings(FUZZ, max_examples=200)
@given(text=yamlish(), depth=st.integers(1, 4), nodes=st.integers(1, 30))
def test_yamlish_text_with_tight_limits(text: str, depth: int, nodes: int) -> None:
    raw = text.encode("utf-8", "surrogatepass")
    _load_bytes(raw, max_depth=depth, max_nodes=nodes, max_bytes=256)


@settings(FUZZ, max_examples=300)
@given(raw=mutated_examples())
def test_mutated_example_profiles_through_load_profile(raw: bytes, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzz-profiel.yaml"
    path.write_bytes(raw)
    try:
        loaded = load_profile(path)
    except InputError as error:
        _check_problems(error, raw, str(path))
    else:
        assert isinstance(loaded.profile, Profile)
