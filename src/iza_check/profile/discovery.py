"""Which profile files a run reads: paths and folders (``*.yaml``, ``*.yml``) and glob patterns, standard input
(``-``), and what ``--exclude`` leaves out; a path that cannot be used is a located :class:`Problem`, not an
exception."""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from iza_check.problems import InputError, Problem
from iza_check.yamlsafe import (
    DEFAULT_MAX_BYTES,
)

PROFILE_SUFFIXES = (".yaml", ".yml")

_GLOB_CHARS = re.compile(r"[*?[]")

# The argument that stands for standard input, and the name its profile has unless --stdin-filename gives one.
STDIN_ARGUMENT = "-"
STDIN_NAME = "<stdin>"

if TYPE_CHECKING:
    _LocalPath = Path
else:
    _LocalPath = type(Path())  # PosixPath or WindowsPath: Path itself cannot be subclassed before 3.12


class StdinProfile(_LocalPath):
    """The profile given on standard input (``-``), read once, before any profile is checked.

    It is a path only so that it travels with the other inputs (to a worker process too, bytes and all);
    its name is what messages and reports show: ``<stdin>``, or the real file's name (``--stdin-filename``)
    so that a location points into that file. It is never read from the disk, nor found twice.
    """

    data: bytes = b""
    error: str | None = None

    def raw(self, source: str) -> bytes:
        """The bytes read, or :class:`InputError` when standard input could not be read."""
        if self.error is not None:
            raise InputError([Problem(source, f"de standaardinvoer kan niet gelezen worden ({self.error})", "unreadable")])
        return self.data

    def __reduce__(self) -> tuple[Callable[[str, bytes, str | None], StdinProfile], tuple[str, bytes, str | None]]:
        return _stdin_profile, (str(self), self.data, self.error)


def _stdin_profile(name: str, data: bytes, error: str | None) -> StdinProfile:
    profile = StdinProfile(name)
    profile.data = data
    profile.error = error
    return profile


def read_stdin(name: str = STDIN_NAME, *, max_bytes: int = DEFAULT_MAX_BYTES) -> StdinProfile:
    """Read standard input, never more than one byte past the limit (the loader then calls it too large).

    A terminal is read like a pipe (until Ctrl-D); what cannot be read becomes the profile's problem.
    """
    stream = sys.stdin
    try:
        if stream is None:
            raise OSError("er is geen standaardinvoer")
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data = buffer.read(max_bytes + 1)
        else:  # a text-only stdin (an embedding program's StringIO)
            data = stream.read(max_bytes + 1).encode("utf-8")
    except (OSError, ValueError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error) or error.__class__.__name__
        return _stdin_profile(name, b"", reason)
    return _stdin_profile(name, data or b"", None)


@dataclass(frozen=True, slots=True)
class ExcludePattern:
    """One ``--exclude`` glob (fnmatch), matched against a path relative to ``base`` (None: the working
    directory) written with ``/``: against the whole path, each leading part of it (a folder: everything
    below it is excluded) and each single name in it. ``concepten``, ``profielen/concepten``, ``concepten/*``
    and ``*.antwoorden.yaml`` all work; a leading ``./`` and a trailing ``/`` are left off."""

    pattern: str
    base: Path | None = None

    @classmethod
    def of(cls, text: str, base: Path | None = None) -> ExcludePattern:
        pattern = text
        while pattern.startswith("./"):
            pattern = pattern[2:]
        return cls(pattern.rstrip("/") or pattern, base)


class _Exclusion:
    """Whether a path is excluded, and how many files and folders were."""

    def __init__(self, patterns: Sequence[ExcludePattern]) -> None:
        cwd = os.getcwd()
        bases: dict[str, list[str]] = {}
        for item in patterns:
            base = os.path.abspath(item.base) if item.base is not None else cwd
            bases.setdefault(base, []).append(item.pattern)
        self._bases = [(base, tuple(found)) for base, found in bases.items()]
        self.hits = 0

    def __call__(self, path: Path) -> bool:
        absolute = os.path.abspath(path)
        for base, patterns in self._bases:
            try:
                relative = os.path.relpath(absolute, base)
            except ValueError:  # another drive (Windows): the path as it is
                relative = absolute
            if _excluded(relative.replace(os.sep, "/"), patterns):
                self.hits += 1
                return True
        return False


def _excluded(relative: str, patterns: tuple[str, ...]) -> bool:
    segments = relative.split("/")
    for index, segment in enumerate(segments):
        if segment in ("", ".", ".."):
            continue
        leading = "/".join(segments[: index + 1])
        if any(fnmatch.fnmatch(segment, p) or fnmatch.fnmatch(leading, p) for p in patterns):
            return True
    return False


class Discovered(_LocalPath):
    """A file already found by :func:`select_profiles` (or the problem found in its place): searching it
    again gives the same, without expanding folders or patterns anew."""

    problem: Problem | None = None

    def __reduce__(self) -> tuple[type[Path], tuple[str]]:
        return Path, (str(self),)  # a worker process only reads the file


def _discovered(item: Path | Problem) -> Path:
    if isinstance(item, StdinProfile):
        return item
    if isinstance(item, Problem):
        found = Discovered(item.file)
        found.problem = item
        return found
    return Discovered(item)


@dataclass(frozen=True, slots=True)
class Selection:
    """What :func:`select_profiles` found: the inputs to check, and whether ``--exclude`` left anything out."""

    paths: tuple[Path, ...]
    files: int
    excluded: int


def select_profiles(paths: Iterable[Path], exclude: Sequence[ExcludePattern]) -> Selection:
    """The profile files under ``paths`` without those ``exclude`` matches, as arguments that
    :func:`iter_profile_files` (and so every command) takes as they are. The profile on standard input is
    never excluded: it was given on purpose, and its name need not be a file here."""
    exclusion = _Exclusion(exclude)
    found = [_discovered(item) for item in _iter_profile_files(paths, exclusion)]
    files = sum(1 for item in found if not isinstance(item, Discovered) or item.problem is None)
    return Selection(tuple(found), files, exclusion.hits)


def iter_profile_files(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    """Files as given; directories searched recursively for ``*.yaml`` and ``*.yml``, sorted.

    A path that does not exist yields a :class:`Problem` (code ``not-found``) instead of a file.
    A path with ``*``, ``?`` or ``[`` that does not exist is a pattern (``**`` for any depth), for shells
    and CI files that pass patterns unexpanded; a pattern that matches nothing is a ``not-found`` problem.
    Symbolic links to directories are not followed, so a link loop cannot hang the search. A file reached
    twice (overlapping arguments such as ``ov ov/twente``, or a link) counts once. What is not a regular file
    (a FIFO, a device, a link to ``/dev/stdin``) is a ``not-a-file`` problem: reading it could block for ever.
    A :class:`StdinProfile` is yielded as it is (once), and a :class:`Discovered` path as it was found.
    """
    return _iter_profile_files(paths, None)


def _iter_profile_files(paths: Iterable[Path], excluded: _Exclusion | None) -> Iterator[Path | Problem]:
    seen: set[tuple[int, int]] = set()
    stdin_seen = False
    for item in _candidates(paths, excluded):
        if isinstance(item, StdinProfile):
            if not stdin_seen:
                stdin_seen = True
                yield item
            continue
        if isinstance(item, Problem):
            yield item
            continue
        if excluded is not None and excluded(item):
            continue
        try:
            info = item.stat()
        except OSError:
            yield item  # the reader reports why it cannot be read
            continue
        if not stat.S_ISREG(info.st_mode):
            yield Problem(str(item), "dit is geen gewoon bestand (maar bijv. een pijp of apparaat)", "not-a-file")
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        yield item


def _candidates(paths: Iterable[Path], excluded: _Exclusion | None) -> Iterator[Path | Problem]:
    for path in paths:
        if isinstance(path, StdinProfile):
            yield path
        elif isinstance(path, Discovered):
            yield path if path.problem is None else path.problem
        elif path.is_dir():
            yield from _profiles_in(path, excluded)
        elif path.exists():
            yield path
        elif _GLOB_CHARS.search(str(path)):
            matches = _pattern_matches(path)
            if not matches:
                yield Problem(str(path), "geen bestanden gevonden die bij dit patroon passen", "not-found")
            for match in matches:
                if match.is_dir():
                    yield from _profiles_in(match, excluded)
                else:
                    yield match
        else:
            yield Problem(str(path), "bestand of map niet gevonden", "not-found")


def _pattern_matches(pattern: Path) -> list[Path]:
    """What a shell's ``**`` pattern matches, without following links to folders (glob does, and two links to
    ``..`` make it walk for ever). As in a shell, ``*`` does not match a name that starts with a dot."""
    parts = pattern.parts
    fixed = 0
    while fixed < len(parts) and not _GLOB_CHARS.search(parts[fixed]):
        fixed += 1
    root = Path(*parts[:fixed]) if fixed else Path()
    segments = tuple(None if part == "**" else re.compile(fnmatch.translate(part)) for part in parts[fixed:])
    hidden_ok = tuple(part.startswith(".") for part in parts[fixed:])
    found: list[Path] = []
    if not root.is_dir():
        return found
    # Only as deep as the pattern reaches, and hidden folders (.git, .venv) only when the pattern names one.
    depth = None if None in segments else len(segments) - 1
    for folder, dirs, files in os.walk(root):  # os.walk does not enter links to folders
        relative = Path(folder).relative_to(root).parts
        if depth is not None and len(relative) >= depth:
            dirs.clear()
        elif not any(hidden_ok):
            dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in (*dirs, *files):
            if _segments_match(segments, hidden_ok, (*relative, name)):
                found.append(Path(folder) / name)
    return sorted(found)


def _segments_match(segments: tuple[re.Pattern[str] | None, ...], hidden_ok: tuple[bool, ...], names: tuple[str, ...]) -> bool:
    if not segments:
        return not names
    if segments[0] is None:  # **: zero or more folders, never hidden ones
        if _segments_match(segments[1:], hidden_ok[1:], names):
            return True
        return bool(names) and not names[0].startswith(".") and _segments_match(segments, hidden_ok, names[1:])
    if not names or (names[0].startswith(".") and not hidden_ok[0]):
        return False
    return bool(segments[0].match(names[0])) and _segments_match(segments[1:], hidden_ok[1:], names[1:])


def _profiles_in(directory: Path, excluded: _Exclusion | None = None) -> list[Path | Problem]:
    """The profiles below a folder. Hidden files and folders (.github, .pre-commit-config.yaml, the settings
    in .iza-check.yaml) are not profiles; name one explicitly to check it. An excluded folder is not entered.
    A folder that cannot be read is a problem: the profiles in it would otherwise be missed without a word."""
    found: list[Path] = []
    unreadable: list[Problem] = []

    def refused(error: OSError) -> None:
        reason = "geen toestemming om deze map te lezen" if isinstance(error, PermissionError) else (
            f"de map kan niet gelezen worden ({error.strerror or error})"
        )
        unreadable.append(Problem(str(error.filename or directory), reason, "unreadable"))

    for root, dirs, files in os.walk(directory, onerror=refused):
        base = Path(root)
        dirs[:] = [
            name for name in dirs if not name.startswith(".") and not (excluded is not None and excluded(base / name))
        ]
        found.extend(
            base / name for name in files if name.lower().endswith(PROFILE_SUFFIXES) and not name.startswith(".")
        )
    found.sort(key=lambda path: path.relative_to(directory).parts)
    return [*found, *unreadable]
