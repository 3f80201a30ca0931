"""The funder's dossier (``iza-check dossier``): the file name of each profile's report in the dossier folder.

A name is derived from the profile's path relative to the folder that all the run's profiles share, so that
``aanvragen/twente/de-kiem.yaml`` becomes ``twente--de-kiem.html``. Each name is

- **safe**: one path component of lower-case ASCII letters, digits, ``_`` and ``-`` (accents are dropped, any
  other run of characters, dots too, becomes one ``-``), never starting with a dash, at most 80 characters
  before ``.html`` (a longer one is cut and ends with a short hash of the whole path), never ``index`` (the
  index page) nor a name Windows reserves (``con``, ``nul``, ``com1``, …);
- **unique**, also on a file system that ignores case: a name already taken gets ``-2``, ``-3``, …, in the
  order of the relative paths, so the same set of profiles gets the same names in every run;
- **stable**: it depends on the paths only, not on the order in which the profiles were checked.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import PurePath
from typing import Final

INDEX: Final = "index.html"
PAGE_SUFFIX: Final = ".html"
_MAX_STEM: Final = 80
_UNSAFE = re.compile(r"[^a-z0-9_]+")
_WINDOWS_RESERVED: Final = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)
_RESERVED: Final = frozenset({PurePath(INDEX).stem}) | _WINDOWS_RESERVED


def _slug(part: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode("ascii")
    return _UNSAFE.sub("-", ascii_text.lower()).strip("-")


def _relative_paths(sources: list[str]) -> dict[str, str]:
    """Each source's path relative to the deepest folder they all share (``/`` as separator)."""
    absolute = {source: os.path.abspath(source) for source in sources}
    try:
        root = os.path.commonpath([os.path.dirname(a) for a in absolute.values()]) if absolute else ""
    except ValueError:  # different drives (Windows): no shared folder
        root = ""
    result = {}
    for source, path in absolute.items():
        relative = os.path.relpath(path, root) if root else os.path.splitdrive(path)[1].lstrip("\\/")
        result[source] = relative.replace(os.sep, "/")
    return result


def _stem(relative: str) -> str:
    parts = [p for p in relative.split("/") if p not in ("", ".", "..")]
    if parts:
        parts[-1] = PurePath(parts[-1]).stem if PurePath(parts[-1]).suffix else parts[-1]
    slugs = [_slug(p) for p in parts] or [""]
    slugs[-1] = slugs[-1] or "profiel"  # a name of only symbols or emoji
    stem = "--".join(s for s in slugs if s)
    if len(stem) > _MAX_STEM:
        digest = hashlib.sha256(relative.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        stem = f"{stem[: _MAX_STEM - 9].rstrip('-')}-{digest}"
    if stem in _RESERVED:
        stem = f"{stem}-profiel"
    return stem


class PageNames:
    """The dossier's file name per profile source; the sources known up front are named in path order."""

    def __init__(self, sources: Iterable[str]) -> None:
        self._names: dict[str, str] = {}
        self._taken: set[str] = {INDEX.casefold()}
        relative = _relative_paths(list(dict.fromkeys(sources)))
        for source in sorted(relative, key=lambda s: (relative[s].casefold(), relative[s])):
            self._assign(source, relative[source])

    def _assign(self, source: str, relative: str) -> str:
        stem = _stem(relative)
        name, number = f"{stem}{PAGE_SUFFIX}", 1
        while name.casefold() in self._taken:
            number += 1
            name = f"{stem}-{number}{PAGE_SUFFIX}"
        self._taken.add(name.casefold())
        self._names[source] = name
        return name

    def __getitem__(self, source: str) -> str:
        """The name of a source; one not known up front is named after its file name, unique all the same."""
        known = self._names.get(source)
        return known if known is not None else self._assign(source, PurePath(source).name)

    def names(self) -> dict[str, str]:
        return dict(self._names)


def page_names(sources: Iterable[str]) -> dict[str, str]:
    """Source -> file name in the dossier folder (see the module's docstring)."""
    return PageNames(sources).names()
