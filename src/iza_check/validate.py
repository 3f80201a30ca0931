"""Schema-only validation of many profile files: every file is checked, problems are data."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from iza_check import collector
from iza_check.problems import InputError, Problem
from iza_check.profile.discovery import iter_profile_files
from iza_check.profile.loader import LoadedProfile, load_profile
from iza_check.yamlsafe import DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class FileResult:
    source: str
    problems: tuple[Problem, ...]
    loaded: LoadedProfile | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def load_many(paths: Iterable[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[FileResult]:
    """Load every profile under ``paths``; a broken file yields its problems and the batch goes on."""
    collector.work_begins()
    for item in iter_profile_files(paths):
        if isinstance(item, Problem):
            yield FileResult(item.file, (item,))
            continue
        try:
            loaded = load_profile(item, max_bytes=max_bytes)
        except InputError as error:
            yield FileResult(str(item), tuple(error.problems))
        else:
            yield FileResult(str(item), (), loaded)
