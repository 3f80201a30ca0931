"""Load profile files: safe YAML, then the pydantic model, every problem located at file:line:column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from iza_check.problems import InputError
from iza_check.profile.discovery import StdinProfile
from iza_check.profile.model import Profile
from iza_check.profile.validation import is_under_any, validate
from iza_check.yamlsafe import (
    DEFAULT_MAX_BYTES,
    Mark,
    YamlDocument,
    parse_yaml_bytes,
    read_limited,
)


@dataclass(frozen=True, slots=True)
class LoadedProfile:
    """A valid profile together with where each value stands in its file."""

    source: str
    profile: Profile
    marks: dict[str, Mark]


def load_profile(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedProfile:
    """Read, parse and validate one profile; raise :class:`InputError` listing all problems.

    A :class:`StdinProfile` gives the bytes that were read from standard input, under its name.
    """
    source = str(path)
    raw = path.raw(source) if isinstance(path, StdinProfile) else read_limited(path, source, max_bytes=max_bytes)
    return load_profile_bytes(raw, source, max_bytes=max_bytes)


def load_profile_bytes(raw: bytes, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedProfile:
    """:func:`load_profile` for bytes already read (``init --update`` keeps them to edit and compare)."""
    document, problems = parse_yaml_bytes(raw, source, max_bytes=max_bytes)
    if document is None:
        raise InputError(problems)
    profile, invalid = validate(document, source)
    if problems:
        # A value the YAML layer already rejected holds its raw text; do not report it twice.
        flagged = [problem.field_path for problem in problems if problem.field_path is not None]
        invalid = [problem for problem in invalid if not is_under_any(problem.field_path, flagged)]
    every = problems + invalid
    if every or profile is None:
        every.sort(key=lambda problem: (problem.line or 0, problem.column or 0))
        raise InputError(every)
    return LoadedProfile(source, profile, document.marks)


def validate_profile_data(doc: YamlDocument, source: str) -> LoadedProfile:
    """Validate parsed YAML against the profile model; each pydantic error becomes a located problem."""
    profile, problems = validate(doc, source)
    if problems or profile is None:
        raise InputError(problems)
    return LoadedProfile(source, profile, doc.marks)
