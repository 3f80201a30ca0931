"""A cache of the loaded rule catalogue, so that a run does not parse and check the rule files again.

Loading the catalogue (YAML, the rule models, the condition language, the limits) costs a whole process tens of
milliseconds, the same every run; unpickling the result costs a few. The cache is a pickle per key in the user's
cache folder, and the key is a hash of everything the result depends on:

- the bytes and names of every file in every rule folder (not only the rule files: a superset is safe);
- the name, size and modification time of every module of iza_check (the loader, the models and the condition
  language may change without a new version number, in a checkout) and its version;
- the Python version and implementation, and the version of pydantic (the rules are pydantic models).

So a changed rule file, a different tool or a different Python never gets a catalogue made by another; the key is
computed again after loading, and a catalogue is stored only when nothing changed meanwhile. What an engine compiles
from a catalogue that came through the cache (the durable-rules network: :func:`compiled`) is kept beside it under the
same key, so it too is made once per change rather than once per run. A cache file that
cannot be read or unpickled, or holds something else than a catalogue, is ignored (and replaced). Only a cache
folder and files that belong to the current user, writable by nobody else, are trusted: a pickle runs code.

``IZA_CHECK_CACHE_DIR`` names the folder (default: ``$XDG_CACHE_HOME/iza-check`` or ``~/.cache/iza-check``);
``IZA_CHECK_NO_CACHE=1`` turns the cache off. A catalogue that does not load (a broken rule file) is never
cached: the loader's problems are raised as before.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from iza_check.rules.model import Catalogue

_PACKAGE = Path(__file__).resolve().parent.parent
# Bumped when the layout of a cache file changes.
_FORMAT = b"iza-check catalogue cache 2"
_CATALOGUE = "catalogue"
_SUFFIX = ".pickle"
# Cache files of each kind kept per folder (one per combination of rule folders in use); the oldest go first.
_KEEP = 8

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The folder for cache files, or None when the cache is off."""
    if os.environ.get("IZA_CHECK_NO_CACHE", "") not in ("", "0"):
        return None
    named = os.environ.get("IZA_CHECK_CACHE_DIR")
    if named is not None:
        return Path(named) if named else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "iza-check"


def _source_digest() -> bytes:
    """A hash of the name, size and modification time of every module of the package (the code that makes and reads
    a catalogue): what Python itself compares to use a module's compiled bytecode, so a change that Python would
    run is a change of key. Reading and hashing the sources instead cost a run several milliseconds."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        status = path.stat()
        digest.update(f"{path.relative_to(_PACKAGE).as_posix()}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    return digest.digest()


_SOURCE: list[bytes] = []


def catalogue_key(dirs: Sequence[Path]) -> str | None:
    """The cache key of the catalogue of ``dirs``, or None when it cannot be known (a folder is missing, a file
    cannot be read): then the catalogue is loaded without the cache."""
    from pydantic import VERSION as pydantic_version

    from iza_check import __version__

    if not _SOURCE:
        _SOURCE.append(_source_digest())
    digest = hashlib.sha256()
    for part in (_FORMAT, __version__, sys.version, sys.implementation.cache_tag or "", pydantic_version, _SOURCE[0]):
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    try:
        for directory in dirs:
            directory = Path(directory).resolve()
            files = [directory] if directory.is_file() else sorted(p for p in directory.iterdir() if p.is_file())
            digest.update(b"dir\0" + str(directory).encode() + b"\0")
            for path in files:
                content = path.read_bytes()
                digest.update(f"{path.name}\0{len(content)}\0".encode())
                digest.update(content)
    except OSError:
        return None
    return digest.hexdigest()


def _trusted(path: Path) -> bool:
    """Whether ``path`` (a folder or a file) belongs to this user and nobody else may write it."""
    try:
        status = path.lstat()
    except OSError:
        return False
    if stat.S_ISLNK(status.st_mode):
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is not None and status.st_uid != getuid():
        return False
    return not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _path(folder: Path, kind: str, key: str) -> Path:
    return folder / f"{kind}-{key}{_SUFFIX}"


def _header(kind: str, key: str) -> bytes:
    return _FORMAT + b"\n" + kind.encode() + b"\n" + key.encode() + b"\n"


def _load(folder: Path, kind: str, key: str) -> object | None:
    """What is stored as ``kind`` under ``key``, or None (absent, unreadable, corrupt or untrusted)."""
    path = _path(folder, kind, key)
    if not (_trusted(folder) and _trusted(path)):
        return None
    header = _header(kind, key)
    try:
        data = path.read_bytes()
        if not data.startswith(header):
            return None
        return pickle.loads(data[len(header):])
    except Exception:  # a damaged pickle raises nearly anything; the cache is then only skipped
        return None


def read(folder: Path, key: str) -> Catalogue | None:
    """The cached catalogue for ``key``, or None (absent, unreadable, corrupt, untrusted, or of another kind)."""
    from iza_check.rules.model import Catalogue

    catalogue = _load(folder, _CATALOGUE, key)
    if not isinstance(catalogue, Catalogue) or catalogue.cache_key != key:
        return None
    try:
        if any(catalogue.get(rule.id) is not rule for rule in catalogue.rules):
            return None
    except Exception:
        return None
    return catalogue


def _store(folder: Path, kind: str, key: str, value: object) -> None:
    """Store ``value`` as ``kind`` under ``key``, atomically; any failure leaves the cache as it was."""
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(folder):
            return
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=_SUFFIX, dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_header(kind, key))
                out.write(payload)
            os.replace(temporary, _path(folder, kind, key))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(folder, kind)
    except Exception:  # a read-only home, a full disk, an unpicklable rule: run without the cache
        return


def _prune(folder: Path, kind: str) -> None:
    entries = []
    for path in folder.glob(f"{kind}-*{_SUFFIX}"):
        try:
            entries.append((path.stat().st_mtime, path))
        except OSError:
            continue
    for _mtime, path in sorted(entries, reverse=True)[_KEEP:]:
        path.unlink(missing_ok=True)


def load_catalogue_cached(dirs: Sequence[Path]) -> Catalogue:
    """``rules.loader.load_catalogue(dirs)``, from the cache when the rule files, the code and the Python are
    the same as when it was stored. Raises the loader's InputError for a broken catalogue, as the loader does."""
    folder = cache_dir()
    key = catalogue_key(dirs) if folder is not None else None
    if folder is not None and key is not None:
        cached = read(folder, key)
        if cached is not None:
            return cached
    from iza_check.rules.loader import load_catalogue

    catalogue = load_catalogue(dirs)
    # Stored only when the files did not change while they were read (else the key would not describe them).
    if folder is not None and key is not None and catalogue_key(dirs) == key:
        catalogue = dataclasses.replace(catalogue, cache_key=key)
        _store(folder, _CATALOGUE, key, catalogue)
    return catalogue


def compiled(catalogue: Catalogue, kind: str, expected: type[T], build: Callable[[], T]) -> T:
    """``build()``, what an engine compiles from ``catalogue`` (plain data that pickles), stored as ``kind`` beside
    the cached catalogue and read from there next time. A catalogue that did not come through the cache (made in
    a test, or with the cache off) has no key: then it is built every time."""
    folder = cache_dir()
    key = catalogue.cache_key
    if folder is None or key is None:
        return build()
    found = _load(folder, kind, key)
    if isinstance(found, expected):
        return found
    value = build()
    _store(folder, kind, key, value)
    return value
