"""Write a profile as commented YAML that the strict loader reads back unchanged.

The YAML is rendered by hand rather than by ``yaml.dump`` so that the file reads like the examples:
Dutch comments per section, unquoted dates, and strings quoted whenever a plain scalar could be
misread (``ja``, ``no``, ``12``, ``2024-01-01``, leading spaces, ``#``...). Before anything touches the
disk the text is parsed again and compared with the profile; the file is then written atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from iza_check.profile.model import Profile
from iza_check.writing import replace_mode, write_atomically

SCHEMA_FILE = Path("schema") / "profile.schema.json"

SECTION_COMMENTS: dict[str, tuple[str, ...]] = {
    "versie": ("Versie van het profielformaat.",),
    "initiatief": ("--- Wie zijn wij? ---",),
    "toegang": ("--- Voor wie? Hoe makkelijk kan iemand meedoen (kenmerk 1) ---",),
    "aanbod": ("--- Waartoe? De activiteiten (kenmerk 2 en 7, bouwstenen) ---",),
    "werkwijze": ("--- Hoe? De manier van werken (kenmerken 3 tot en met 8) ---",),
    "team": ("--- Door wie? Wie het werk doet (kenmerk 9 en eis 7) ---",),
    "samenwerking": ("--- Met wie? Partners (kenmerk 10) en afspraken bij een crisis ---",),
    "kwaliteit": ("--- Kwaliteit: regelingen en afspraken (eisen 1 tot en met 10) ---",),
    "financiering": ("--- Financiering: telt niet mee als eis, laat zien hoe stevig het geld geregeld is ---",),
    "bereik": ("--- Bereik: cijfers om te vergelijken, ze worden niet beoordeeld ---",),
}

HEADER = (
    "Profiel voor iza-check: feiten over een zelfregie- of herstelinitiatief.",
    "",
    "Zo leest u dit bestand:",
    "- Regels die met # beginnen zijn uitleg; het programma slaat ze over.",
    "- U schrijft feiten op, geen oordelen. Weet u iets niet, laat het dan weg:",
    "  dan staat er in het rapport 'onbekend'. Een lege lijst [] betekent 'geen'.",
    "- Ja/nee schrijft u als true/false. Datums als JJJJ-MM-DD.",
    "- Onder in_ontwikkeling staan plannen: voor welk kenmerk of welke eis (betreft),",
    "  wat u gaat doen (stap) en wanneer het klaar moet zijn (streefdatum).",
    "- Controleren: iza-check check {name}",
)

# Plain scalars that a YAML 1.1 or 1.2 reader could take for something else than text.
_RESERVED = frozenset(
    {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "ja", "nee", "j", "~"}
)
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
WIDTH = 100
# Area fields beside the facts; written after the facts, as in the example profiles.
_AREA_TAIL = ("toelichting", "bewijs", "in_ontwikkeling")
# Flow lists for short codes (as the examples write them); block lists elsewhere.
_FLOW_KEYS = frozenset({"betreft"})


class ProfileExistsError(FileExistsError):
    """The target exists and overwriting was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


class RenderError(ValueError):
    """The rendered text did not read back as the same profile (a bug, never the user's fault)."""


def schema_ref_for(target: Path) -> str | None:
    """The schema line's reference for a profile at ``target``: a path relative to its folder, or None.

    The profile's folder and those above it are searched for ``schema/profile.schema.json`` (a checkout of
    iza-check, or a project that keeps the schema beside its profiles). The relative path keeps working when
    the folder moves with the profiles in it. Outside such a project there is no reference that would keep
    working (an absolute path breaks when the file is moved or shared), so then no schema line is written.
    """
    folder = target.resolve().parent
    for candidate in (folder, *folder.parents):
        schema = candidate / SCHEMA_FILE
        if schema.is_file():
            return Path(os.path.relpath(schema, folder)).as_posix()
    return None


# ------------------------------------------------------------------------------------------ scalars

def _escape(char: str) -> str:
    code = ord(char)
    if char == '"':
        return '\\"'
    if char == "\\":
        return "\\\\"
    named = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}
    if char in named:
        return named[char]
    printable = (
        0x20 <= code <= 0x7E
        or (0xA0 <= code <= 0xD7FF and char not in "\u2028\u2029")
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or code >= 0x10000
    )
    if printable:
        return char
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``text``."""
    return '"' + "".join(_escape(char) for char in text) + '"'


def _wrapped(text: str, indent: int, room: int) -> str:
    """A long text as a double-quoted scalar over several lines; each line break reads back as one space."""
    # Break only at a single space between two other characters, never right after a backslash.
    words = [_escape_all(word) for word in re.split(r"(?<=[^ \\]) (?=[^ ])", text)]
    lines: list[str] = []
    line = '"' + words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) > room:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}"
    lines.append(line + '"')
    return ("\n" + " " * indent).join(lines)


def _escape_all(text: str) -> str:
    return "".join(_escape(char) for char in text)


def scalar(value: Any) -> str:
    if isinstance(value, Enum):
        value = value.value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise RenderError(f"not a finite number: {value!r}")
        text = repr(value)
        if "e" in text or "E" in text:
            # YAML 1.1 reads 1e-07 as text: write the same number positionally, every digit kept.
            text = format(Decimal(text), "f")
            text = text if "." in text else text + ".0"
        return text
    if isinstance(value, dt.datetime):
        raise RenderError("timestamps are not part of a profile")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return quote(text)


# ----------------------------------------------------------------------------------------- structure

def _mapping(data: Mapping[str, Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key, value in data.items():
        if isinstance(value, Mapping):
            if value:
                out.append(f"{pad}{key}:")
                _mapping(value, indent + 2, out)
            else:
                out.append(f"{pad}{key}: {{}}")
        elif isinstance(value, Sequence) and not isinstance(value, str):
            _sequence(key, value, indent, out)
        else:
            rendered = scalar(value)
            head = f"{pad}{key}: "
            if rendered.startswith('"') and len(head) + len(rendered) > WIDTH:
                rendered = _wrapped(str(value), indent + 2, max(WIDTH - len(head), 40))
            out.append(head + rendered)


def _sequence(key: str, items: Sequence[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    if not items:
        out.append(f"{pad}{key}: []")
    elif all(isinstance(item, Mapping) for item in items):
        out.append(f"{pad}{key}:")
        for item in items:
            if not item:
                out.append(f"{pad}  - {{}}")
                continue
            lines: list[str] = []
            _mapping(item, indent + 4, lines)
            out.append(f"{pad}  - {lines[0][indent + 4:]}")
            out.extend(lines[1:])
    elif key in _FLOW_KEYS:
        out.append(f"{pad}{key}: [{', '.join(scalar(item) for item in items)}]")
    else:
        out.append(f"{pad}{key}:")
        out.extend(f"{pad}  - {scalar(item)}" for item in items)


def _comment(lines: Sequence[str]) -> list[str]:
    return [f"# {line}".rstrip() for line in lines]


def profile_data(profile: Profile) -> dict[str, Any]:
    """The facts to write: defaults and empty fields left out, ``versie`` always first."""
    data = profile.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
    ordered: dict[str, Any] = {"versie": profile.versie}
    for key, value in data.items():
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if k not in _AREA_TAIL} | {
                k: value[k] for k in _AREA_TAIL if k in value
            }
        if key != "versie":
            ordered[key] = value
    return ordered


def render_profile(profile: Profile, *, schema_ref: str | None = None, name: str = "profiel.yaml") -> str:
    """The YAML text of ``profile``; checked to read back as the very same profile.

    With ``schema_ref`` the text starts with the editor's schema line (``# yaml-language-server: $schema=``).
    """
    out = [f"# yaml-language-server: $schema={schema_ref}", "#"] if schema_ref else []
    out.extend(_comment([line.format(name=name) for line in HEADER]))
    for key, value in profile_data(profile).items():
        out.append("")
        out.extend(_comment(SECTION_COMMENTS.get(key, ())))
        _mapping({key: value}, 0, out)
    text = "\n".join(out) + "\n"
    _check_round_trip(text, profile)
    return text


def _check_round_trip(text: str, profile: Profile) -> None:
    try:
        again = Profile.model_validate(yaml.safe_load(text))
    except (yaml.YAMLError, ValidationError) as error:
        raise RenderError(f"the rendered profile does not load: {error}") from error
    if again != profile:
        raise RenderError("the rendered profile reads back differently")


# ------------------------------------------------------------------------------------------- writing

def _check_with_loader(path: Path, profile: Profile) -> None:
    """Read the written file back with the project's strict loader: it must find the same profile."""
    from iza_check.profile.loader import load_profile

    if load_profile(path).profile != profile:
        raise RenderError("the written profile reads back differently")


def write_profile(profile: Profile, path: Path, *, force: bool = False, schema_ref: str | None = None,
                  source: Snapshot | None = None) -> Path:
    """Write ``profile`` to ``path`` atomically; an existing file is replaced only with ``force``.

    A symbolic link stays a link: the file it points to is written. With ``source`` (the profile the
    answers started from), nothing is written when that file changed in the meantime.

    Raises :class:`ProfileExistsError`, :class:`SourceChangedError`, :class:`RenderError`, ``InputError``
    (the strict loader refused the text) or ``OSError`` (disk, permissions). On any error the target is
    untouched and no temporary file is left behind.
    """
    path = Path(path)
    text = render_profile(profile, schema_ref=schema_ref or schema_ref_for(path), name=path.name)
    return _write_checked(text, path, force=force, source=source, check=lambda tmp: _check_with_loader(tmp, profile))


def write_updated_profile(profile: Profile, path: Path, *, source: Snapshot, before: Profile,
                          force: bool = False) -> Path:
    """Write the answers of ``init --update`` by editing the text of ``source`` (the file they started from).

    Only what changed between ``before`` (the profile as read) and ``profile`` is touched: comments, key
    order, explicit empties and the spelling of every other value stay as they were (:mod:`.edit`).
    Raises what :func:`write_profile` raises, and :class:`~iza_check.profile.edit.EditError`.
    """
    from iza_check.profile.edit import EditError, updated_text

    old = before.model_dump(mode="python", exclude_none=True, exclude_unset=True)
    new = profile.model_dump(mode="python", exclude_none=True, exclude_unset=True)
    try:
        original = source.raw.decode("utf-8")
    except UnicodeDecodeError as error:  # the loader accepted it, so this cannot happen; never write garbage
        raise RenderError(f"the profile is not UTF-8: {error}") from error
    text = updated_text(original, old, new)

    def check(tmp: Path) -> None:
        from iza_check.profile.loader import load_profile

        again = load_profile(tmp).profile
        said = again.model_dump(mode="python", exclude_none=True, exclude_unset=True)
        if "versie" not in old:
            said.pop("versie", None)
            new.pop("versie", None)
        if again != profile or said != new:
            # A structure the editor cannot follow (merge keys, say): nothing is written, the answers are kept.
            raise EditError("the edited file would not say what the answers say")

    return _write_checked(text, Path(path), force=force, source=source, check=check)


def _write_checked(text: str, path: Path, *, force: bool, source: Snapshot | None,
                   check: Callable[[Path], None]) -> Path:
    if path.is_dir():
        raise IsADirectoryError(str(path))
    if path.exists() and not force:
        raise ProfileExistsError(path)
    # Through a symbolic link: the file it points to is replaced, the link stays.
    real = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = real.parent if str(real.parent) else Path(".")

    def prepare(tmp: Path) -> None:
        check(tmp)
        if source is not None and source.changed():
            raise SourceChangedError(source.path)

    write_atomically(
        real, text, mode=replace_mode(real), suffix=".tmp.yaml", prepare=prepare,
        place=os.replace if force else _place_new,
    )
    _sync_folder(folder)
    return path


@dataclass(frozen=True)
class Snapshot:
    """A profile file as it was read: its bytes and what tells a later change (time, size, contents)."""

    path: Path
    raw: bytes
    mtime_ns: int
    size: int
    digest: str

    @classmethod
    def take(cls, path: Path, raw: bytes) -> Snapshot:
        """``raw`` as just read from ``path``; a file that changes while it is read counts as changed later."""
        info = os.stat(path)
        return cls(Path(path), raw, info.st_mtime_ns, info.st_size, hashlib.sha256(raw).hexdigest())

    def changed(self) -> bool:
        try:
            info = os.stat(self.path)
            if (info.st_mtime_ns, info.st_size) != (self.mtime_ns, self.size):
                return True
            with open(self.path, "rb") as handle:
                return hashlib.sha256(handle.read()).hexdigest() != self.digest
        except OSError:
            return True


class SourceChangedError(RuntimeError):
    """The profile being updated was changed by someone else while the questions ran."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def render_answers(data: Mapping[str, Any], *, note: Sequence[str] = ()) -> str:
    """Answers that could not be saved as a profile, as YAML to read, repair and use (never checked)."""
    out = _comment(note)
    for key, value in data.items():
        out.append("")
        try:
            lines: list[str] = []
            _mapping({key: value}, 0, lines)
        except (RenderError, TypeError, ValueError):
            lines = [f"{key}: {quote(repr(value))}"]
        out.extend(lines)
    return "\n".join(out) + "\n"


def save_answers(data: Mapping[str, Any], target: Path, *, note: Sequence[str] = ()) -> Path:
    """Write ``data`` beside ``target`` as ``<name>.antwoorden`` (``.antwoorden-2``... when taken); never replaces."""
    text = render_answers(data, note=note)
    folder = target.parent if str(target.parent) else Path(".")
    for number in range(1, 1000):
        suffix = ".antwoorden" if number == 1 else f".antwoorden-{number}"
        candidate = folder / f"{target.name}{suffix}"
        try:
            with open(candidate, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(str(folder / f"{target.name}.antwoorden"))


def _place_new(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` only if ``path`` still does not exist (a hard link never overwrites)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise ProfileExistsError(path) from None
    except OSError:
        # Some file systems have no hard links; then a last check is the best we can do.
        if path.exists():
            raise ProfileExistsError(path) from None
        os.replace(tmp, path)
        return
    tmp.unlink()


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = [
    "ProfileExistsError",
    "RenderError",
    "Snapshot",
    "SourceChangedError",
    "profile_data",
    "quote",
    "render_profile",
    "save_answers",
    "scalar",
    "schema_ref_for",
    "write_profile",
    "write_updated_profile",
]
