"""Check many profiles: load, evaluate, assess. The core never prints; it yields results as data.

The engine is built once per process. Batches run in worker processes (durable-rules is not
thread-safe), each with its own engine; results stream back in input order.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from iza_check.findings import ProblemRef, ProfileReport
from iza_check.problems import InputError, Problem
from iza_check.yamlsafe import DEFAULT_MAX_BYTES

# Below this many files a pool costs more to start than it saves.
_POOL_THRESHOLD = 16
_CHUNKSIZE = 8


@dataclass(frozen=True, slots=True)
class CheckOptions:
    paths: tuple[Path, ...]
    rule_dirs: tuple[Path, ...] = ()
    peildatum: dt.date = field(default_factory=dt.date.today)
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int = 0  # 0: all cores


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What became of one input file: a report, or the problems that stopped it."""

    source: str
    report: ProfileReport | None = None
    problems: tuple[ProblemRef, ...] = ()


def problem_ref(problem: Problem) -> ProblemRef:
    return ProblemRef(problem.file, problem.message, problem.code, problem.line, problem.column, problem.field_path)


class Checker:
    """Evaluates profiles against a catalogue in this process."""

    def __init__(self, rule_dirs: Sequence[Path], peildatum: dt.date, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        from iza_check.engine import Engine
        from iza_check.resources import rules_dir
        from iza_check.rules.loader import load_catalogue

        self.catalogue = load_catalogue([rules_dir(), *rule_dirs])
        self.engine = Engine(self.catalogue)
        self.peildatum = peildatum
        self.max_bytes = max_bytes

    def check_file(self, path: Path) -> FileOutcome:
        from iza_check.assess import assess
        from iza_check.profile.loader import load_profile

        try:
            loaded = load_profile(path, max_bytes=self.max_bytes)
        except InputError as error:
            return FileOutcome(str(path), problems=tuple(problem_ref(p) for p in error.problems))
        results = self.engine.evaluate(loaded.profile, peildatum=self.peildatum)
        return FileOutcome(loaded.source, report=assess(loaded, self.catalogue.rules, results, self.peildatum))


_worker: Checker | None = None


def _init_worker(rule_dirs: tuple[Path, ...], peildatum: dt.date, max_bytes: int) -> None:
    global _worker
    _worker = Checker(rule_dirs, peildatum, max_bytes)


def _check_in_worker(path: Path) -> FileOutcome:
    assert _worker is not None
    return _worker.check_file(path)


def _expand(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    from iza_check.profile.loader import iter_profile_files

    return iter_profile_files(paths)


def check_paths(options: CheckOptions) -> Iterator[FileOutcome]:
    """Every profile under ``options.paths``, checked; broken files become outcomes with problems.

    Raises InputError only for problems that stop the whole run (a broken rule catalogue).
    """
    items = list(_expand(options.paths))
    files = [item for item in items if isinstance(item, Path)]
    jobs = options.jobs or os.cpu_count() or 1
    # Validate the catalogue in this process first, so a broken rule file is one clear error.
    if jobs > 1 and len(files) >= _POOL_THRESHOLD:
        from iza_check.resources import rules_dir
        from iza_check.rules.loader import load_catalogue

        load_catalogue([rules_dir(), *options.rule_dirs])
        for item in items:
            if isinstance(item, Problem):
                yield FileOutcome(item.file, problems=(problem_ref(item),))
        context = multiprocessing.get_context("fork")
        with context.Pool(
            processes=min(jobs, len(files)),
            initializer=_init_worker,
            initargs=(options.rule_dirs, options.peildatum, options.max_bytes),
        ) as pool:
            yield from pool.imap(_check_in_worker, files, chunksize=_CHUNKSIZE)
        return
    checker = Checker(options.rule_dirs, options.peildatum, options.max_bytes)
    for item in items:
        if isinstance(item, Problem):
            yield FileOutcome(item.file, problems=(problem_ref(item),))
        else:
            yield checker.check_file(item)
