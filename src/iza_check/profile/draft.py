"""A questionnaire in progress, kept beside the profile it will become: ``profiel.yaml.concept``.

``iza-check init`` saves one after every answer, so that stopping (Ctrl-C, a closed window, a power cut)
never loses what was typed. The next ``init`` for the same file offers to go on where it stopped: the typed
answers are replayed through the questionnaire, which brings it back to the very question it was at.

The name ends in ``.concept``, not ``.yaml``: ``iza-check check DIR`` and ``validate DIR`` look for
``*.yaml``/``*.yml`` only, so a draft is never read as a (half-finished) profile. The file is YAML all the
same, with a comment that says what it is, so a curious reader sees the answers in plain text.

It is written atomically (a temporary file in the same folder, then a rename), so a stop halfway through a
save leaves the previous draft, never half of one.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from iza_check.writing import write_atomically

DRAFT_SUFFIX = ".concept"
DRAFT_FORMAT = 1
# A draft holds typed answers: far below this. Anything larger is not a draft iza-check wrote.
_MAX_BYTES = 4 * 1024 * 1024

_HEADER = (
    "# Concept van iza-check init: de antwoorden tot nu toe, nog geen profiel.",
    "# Typ dezelfde opdracht (iza-check init ...) nog eens om verder te gaan waar u was.",
    "# Dit bestand verdwijnt vanzelf zodra het profiel is opgeslagen.",
)


class DraftError(ValueError):
    """The file is not a draft this version can read (damaged, or written by something else)."""


@dataclass(frozen=True)
class Session:
    """From answer number ``start`` on, the answers were typed in ``lang`` on ``today``."""

    start: int
    lang: str
    today: dt.date


@dataclass(frozen=True)
class Draft:
    """What is needed to go on where a questionnaire stopped.

    ``answers`` are the lines typed, in order; replayed under the language and date of the ``sessions`` they
    were typed in, with the same ``flow`` (:func:`iza_check.questionnaire.session.answer_flow`), the same scope and the
    same starting profile (``source`` with its SHA-256 ``source_digest``, or none for a new profile) they lead
    to the same question again. ``data`` are the answers as profile data: what is kept when the draft cannot
    be resumed.
    """

    target: str
    flow: str
    sessions: tuple[Session, ...]
    saved: dt.datetime
    answers: tuple[str, ...]
    source: str | None = None
    source_digest: str | None = None
    sections: tuple[str, ...] = ()
    only_open: bool = False
    data: Mapping[str, Any] = field(default_factory=dict)


def draft_path(target: Path) -> Path:
    """Where the draft for ``target`` lives: beside it, ``<name>.concept``."""
    return target.with_name(target.name + DRAFT_SUFFIX)


def plain(value: Any) -> Any:
    """Profile data as YAML can write it: enums as their value, web addresses as text, dates kept."""
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if value is None or isinstance(value, (bool, int, float, str, dt.date)):
        return value
    return str(value)


def render_draft(draft: Draft) -> str:
    doc = {
        "concept": DRAFT_FORMAT,
        "profiel": draft.target,
        "bron": draft.source,
        "bron_sha256": draft.source_digest,
        "secties": list(draft.sections),
        "alleen_open": draft.only_open,
        "sessies": [{"vanaf": x.start, "taal": x.lang, "vandaag": x.today} for x in draft.sessions],
        "opgeslagen": draft.saved.isoformat(timespec="seconds"),
        "vragenlijst": draft.flow,
        "antwoorden": list(draft.answers),
        "gegevens": plain(draft.data),
    }
    # libyaml's emitter where PyYAML has it: a draft is written after every answer.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    body = yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return "\n".join(_HEADER) + "\n" + body


def write_draft(draft: Draft, path: Path) -> Path:
    """Write ``draft`` to ``path`` atomically (``OSError`` when the folder is not writable)."""
    write_atomically(path, render_draft(draft), newline="\n")
    return path


def read_draft(path: Path) -> Draft:
    """The draft at ``path``; :class:`DraftError` when it cannot be read as one (``OSError`` passes through)."""
    with open(path, "rb") as handle:
        raw = handle.read(_MAX_BYTES + 1)
    if len(raw) > _MAX_BYTES:
        raise DraftError("too large for a draft")
    try:
        doc = yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (UnicodeDecodeError, yaml.YAMLError, RecursionError) as error:
        raise DraftError(f"not readable: {error}") from None
    if not isinstance(doc, Mapping) or doc.get("concept") != DRAFT_FORMAT:
        raise DraftError("not a draft of this version")
    try:
        saved = dt.datetime.fromisoformat(_typed(doc, "opgeslagen", str))
    except ValueError as error:
        raise DraftError(f"'opgeslagen': {error}") from None
    answers = _typed(doc, "antwoorden", list)
    sections = _typed(doc, "secties", list)
    if not all(isinstance(line, str) for line in (*answers, *sections)):
        raise DraftError("'antwoorden' and 'secties' hold text only")
    sessions = tuple(_session(entry) for entry in _typed(doc, "sessies", list))
    if not sessions or sessions[0].start != 0 or [x.start for x in sessions] != sorted(x.start for x in sessions):
        raise DraftError("'sessies' do not start at the first answer")
    data = doc.get("gegevens") or {}
    if not isinstance(data, Mapping):
        raise DraftError("'gegevens' is not a mapping")
    return Draft(
        target=_typed(doc, "profiel", str),
        flow=_typed(doc, "vragenlijst", str),
        sessions=sessions,
        saved=saved,
        answers=tuple(answers),
        source=_optional(doc, "bron"),
        source_digest=_optional(doc, "bron_sha256"),
        sections=tuple(sections),
        only_open=_typed(doc, "alleen_open", bool),
        data=data,
    )


def _session(entry: Any) -> Session:
    if not isinstance(entry, Mapping):
        raise DraftError("a session is not a mapping")
    today = entry.get("vandaag")
    if not isinstance(today, dt.date) or isinstance(today, dt.datetime):
        raise DraftError("'vandaag' is not a date")
    start = _typed(entry, "vanaf", int)
    if isinstance(start, bool) or start < 0:
        raise DraftError("'vanaf' is not a count")
    return Session(start, _typed(entry, "taal", str), today)


def _typed(doc: Mapping[str, Any], key: str, kind: type) -> Any:
    value = doc.get(key)
    if not isinstance(value, kind):
        raise DraftError(f"'{key}' is missing or not {kind.__name__}")
    return value


def _optional(doc: Mapping[str, Any], key: str) -> str | None:
    value = doc.get(key)
    if value is not None and not isinstance(value, str):
        raise DraftError(f"'{key}' is not text")
    return value


def remove_draft(path: Path) -> None:
    """Remove the draft (it is superseded); a draft that is already gone is fine."""
    path.unlink(missing_ok=True)


def set_aside(path: Path, suffix: str = ".onleesbaar") -> Path:
    """Rename a draft that cannot be used to a free name beside it (never replacing anything); the new path."""
    for number in range(1, 1000):
        candidate = path.with_name(f"{path.name}{suffix}" if number == 1 else f"{path.name}{suffix}-{number}")
        if candidate.exists():
            continue
        try:
            os.link(path, candidate)
        except FileExistsError:
            continue
        except OSError:
            if candidate.exists():
                continue
            os.replace(path, candidate)
            return candidate
        path.unlink()
        return candidate
    raise FileExistsError(str(path))


__all__ = [
    "DRAFT_SUFFIX",
    "Draft",
    "DraftError",
    "Session",
    "draft_path",
    "plain",
    "read_draft",
    "remove_draft",
    "render_draft",
    "set_aside",
    "write_draft",
]
