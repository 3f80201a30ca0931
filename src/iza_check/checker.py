"""Check many profiles: load, evaluate, assess. The core never prints; it yields results as data.

The engine is built once per process, with the back-end chosen for the run (see iza_check.engine).
Batches run in worker processes (durable-rules is not thread-safe), each with its own engine; results
stream back in input order.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import signal
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iza_check import collector, stop
from iza_check.assess.findings import (
    FileOutcome,
    ProfileReport,
    count_gaps,
    gap_severities,
    unknown_severities,
)
from iza_check.problems import InputError, Problem
from iza_check.yamlsafe import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from iza_check.profile.loader import LoadedProfile
    from iza_check.rules.model import Catalogue

# Below this many files a pool costs more to start than it saves.
_POOL_THRESHOLD = 16
# Files per task sent to a worker. Every task costs the parent a round of messages (measured at 10,000
# profiles: 5.2 s parent CPU with 8 per task, 3.6 s with 32, 3.0 s with 64), but finished tasks wait in
# the parent until written (peak RSS 55 MiB with 32, 64 MiB with 64), and a batch needs enough tasks to
# keep every worker busy to the end.
_MIN_CHUNKSIZE = 4
_MAX_CHUNKSIZE = 32
_TASKS_PER_WORKER = 8


def worker_count(jobs: int) -> int:
    """The processes for ``--jobs`` (0: every core). More than one per core never finishes sooner, and each
    holds an engine of its own, so there are never more than the cores.

    Every core also when another process keeps one busy: measured on two cores beside one busy process (and the
    machine's other load), two workers took 0.72 and 0.87 times as long as one process (benchmarks/README.md,
    "Under load"); a version that left a busy core alone ran as slowly as one process."""
    cores = os.cpu_count() or 1
    return min(jobs or cores, cores)


def _chunksize(files: int, workers: int) -> int:
    return max(_MIN_CHUNKSIZE, min(_MAX_CHUNKSIZE, files // (workers * _TASKS_PER_WORKER)))


@dataclass(frozen=True, slots=True)
class CheckOptions:
    paths: tuple[Path, ...]
    rule_dirs: tuple[Path, ...] = ()
    peildatum: dt.date = field(default_factory=dt.date.today)
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int = 0  # 0: all cores
    # When set, each report is rendered and encoded where it was made (in the worker) and only the bytes
    # come back: a batch then neither ships nor holds whole reports, and the parent only copies bytes.
    render: Callable[[ProfileReport], bytes] | None = None
    # At most this many profile files, or TooManyProfiles before any is checked (for the report formats that
    # hold the whole report in memory; see iza_check.cli.run).
    max_files: int | None = None


class TooManyProfiles(Exception):
    """More profile files than ``CheckOptions.max_files``; raised before the first one is checked."""

    def __init__(self, count: int, limit: int) -> None:
        super().__init__(f"{count} profiles, at most {limit}")
        self.count = count
        self.limit = limit


def unknown_criteria(loaded: LoadedProfile, rule_ids: frozenset[str]) -> list[Problem]:
    """A plan or an evidence entry for a criterion that no loaded rule has would silently count for nothing:
    a problem at each such code."""
    from iza_check.assess.evidence import criterion_codes

    problems = []
    for path, code in (*_plan_codes(loaded), *criterion_codes(loaded.profile)):
        if code not in rule_ids:
            line, column = loaded.marks.get(path, (None, None))
            what = "bij bewijs" if ".bewijs[" in path else "in een plan"
            message = f"onbekende code '{code}' {what}: geen van de regels heeft die code; de regels zijn {_id_ranges(rule_ids)}"
            problems.append(Problem(loaded.source, message, "unknown-criterion", line, column, path))
    return problems


def _plan_codes(loaded: LoadedProfile) -> Iterator[tuple[str, str]]:
    """Every criterion code a plan names (``in_ontwikkeling[].betreft``), with the path where it stands."""
    from iza_check.assess.profile import AREAS

    for area_name in AREAS:
        area = getattr(loaded.profile, area_name, None)
        for index, plan in enumerate(getattr(area, "in_ontwikkeling", None) or ()):
            for position, code in enumerate(plan.betreft):
                yield f"{area_name}.in_ontwikkeling[{index}].betreft[{position}]", code


def _id_ranges(rule_ids: frozenset[str]) -> str:
    """``K1–K10, K10a–K10d, Q1–Q10, …``: the catalogue's ids, grouped by their letters."""
    import re

    groups: dict[str, list[str]] = {}
    for rule_id in rule_ids:
        # K1…K10 together, and K10a…K10d together: letters, number, and a trailing letter if any.
        key = re.sub(r"[a-z]$", "*", rule_id) if re.search(r"\d[a-z]$", rule_id) else re.sub(r"\d+", "#", rule_id)
        groups.setdefault(key, []).append(rule_id)

    def order(rule_id: str) -> tuple[str, int, str]:
        match = re.match(r"(\D*)(\d*)(.*)", rule_id)
        assert match is not None
        return match[1], int(match[2] or 0), match[3]

    parts = []
    for ids in sorted(groups.values(), key=lambda ids: order(min(ids, key=order))):
        ids.sort(key=order)
        parts.append(ids[0] if len(ids) == 1 else f"{ids[0]}–{ids[-1]}")
    return ", ".join(parts)


class Checker:
    """Evaluates profiles against a catalogue in this process."""

    def __init__(
        self,
        rule_dirs: Sequence[Path],
        peildatum: dt.date,
        max_bytes: int = DEFAULT_MAX_BYTES,
        *,
        catalogue: Catalogue | None = None,
        render: Callable[[ProfileReport], bytes] | None = None,
    ) -> None:
        from iza_check.engine import create_engine
        from iza_check.rules import load_rules

        self.catalogue = catalogue if catalogue is not None else load_rules(rule_dirs)
        self.engine = create_engine(self.catalogue)
        self._rule_ids = frozenset(rule.id for rule in self.catalogue.rules)
        self.peildatum = peildatum
        self.max_bytes = max_bytes
        self.render = render
        collector.work_begins()

    def check_file(self, path: Path) -> FileOutcome:
        from iza_check.assess.profile import assess
        from iza_check.profile.loader import load_profile

        try:
            loaded = load_profile(path, max_bytes=self.max_bytes)
        except InputError as error:
            return FileOutcome(str(path), problems=tuple(error.problems))
        unknown = unknown_criteria(loaded, self._rule_ids)
        if unknown:
            return FileOutcome(loaded.source, problems=tuple(unknown))
        results = self.engine.evaluate(loaded.profile, peildatum=self.peildatum)
        report = assess(loaded, self.catalogue.rules, results, self.peildatum)
        if self.render is None:
            return FileOutcome(loaded.source, report=report)
        return FileOutcome(
            loaded.source,
            rendered=self.render(report),
            gaps=gap_severities(report),
            unknowns=unknown_severities(report),
            verdict=report.verdict.kind,
            gap_count=count_gaps(report),
        )


_worker: Checker | None = None


# The pools alive in this process, so that a SIGTERM can stop their workers before the interpreter exits.
_POOLS: weakref.WeakSet[Any] = weakref.WeakSet()


def _terminate(pool: Any) -> None:
    _POOLS.discard(pool)
    pool.terminate()


def _abandon_all() -> None:
    for pool in list(_POOLS):
        _abandon(pool)


def _abandon(pool: Any) -> None:
    """SIGTERM: kill the workers now and leave the pool's threads be.

    Pool.terminate() cannot be trusted here: when the same SIGTERM reached the workers (a CI runner or a
    container signals the whole process group), one may have died halfway through writing a result, and the
    pool's result thread then waits for the rest of that message forever (seen in about one run in ten). So
    the workers are killed outright, and the pool's own exit-time terminate is cancelled; its threads are
    daemons and end with the process.
    """
    from multiprocessing.pool import TERMINATE

    # First stop the thread that replaces dead workers (as terminate() does), else it starts new ones.
    handler = getattr(pool, "_worker_handler", None)
    if handler is not None:
        handler._state = TERMINATE
        notifier = getattr(pool, "_change_notifier", None)
        if notifier is not None:
            notifier.put(None)
        if threading.current_thread() is not handler:  # the generator may be closed from any thread
            handler.join(timeout=5)
    for process in list(getattr(pool, "_pool", ())):  # the worker processes (multiprocessing.pool keeps them here)
        try:
            process.kill()
            process.join(timeout=5)
        except (OSError, ValueError, AttributeError, AssertionError, RuntimeError):
            pass
    finalizer = getattr(pool, "_terminate", None)
    if finalizer is not None and hasattr(finalizer, "cancel"):
        finalizer.cancel()
    _POOLS.discard(pool)


def _init_worker(catalogue: Catalogue, options: CheckOptions) -> None:
    global _worker
    # Ctrl-C is the parent's to handle (one line, exit 130); a worker just stops with the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # SIGTERM: the parent raises Terminated (exit 143, its report's temporary file removed, see check_paths);
    # a forked worker must not inherit that handler (a traceback per worker): it just dies, as the pool's
    # own terminate() expects.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # A forked worker inherits the parent's catalogue; only the engine is built anew (one per process).
    _worker = Checker(options.rule_dirs, options.peildatum, options.max_bytes, catalogue=catalogue,
                      render=options.render)
    # Everything alive now (catalogue, engine, models) lives as long as the worker: keep it out of the
    # collector's way. Measured: garbage collection 6 % of a worker's time before, 2 % after.
    gc.freeze()


def _check_chunk_in_worker(paths: list[Path]) -> list[FileOutcome]:
    return [_check_in_worker(path) for path in paths]


def _check_in_worker(path: Path) -> FileOutcome:
    assert _worker is not None
    return _worker.check_file(path)


def _expand(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    from iza_check.profile.discovery import iter_profile_files

    return iter_profile_files(paths)


def check_paths(options: CheckOptions) -> Iterator[FileOutcome]:
    """Every profile under ``options.paths``, checked; broken files become outcomes with problems.

    Raises InputError only for problems that stop the whole run (a broken rule catalogue).
    """
    items = list(_expand(options.paths))
    files = [item for item in items if isinstance(item, Path)]
    if options.max_files is not None and len(files) > options.max_files:
        raise TooManyProfiles(len(files), options.max_files)
    jobs = worker_count(options.jobs)
    # Validate the catalogue in this process first, so a broken rule file is one clear error.
    if jobs > 1 and len(files) >= _POOL_THRESHOLD:
        from iza_check.rules import load_rules

        catalogue = load_rules(options.rule_dirs)
        for item in items:
            if isinstance(item, Problem):
                yield FileOutcome(item.file, problems=(item,))
        import multiprocessing  # only here: one profile needs no pool, and the import costs 13 ms

        # This process's work begins: it collects what the workers send back, for the rest of the batch.
        collector.work_begins()
        context = multiprocessing.get_context("fork")
        workers = min(jobs, len(files))
        pool = context.Pool(processes=workers, initializer=_init_worker, initargs=(catalogue, options))
        _POOLS.add(pool)
        try:
            size = _chunksize(len(files), workers)
            chunks = [files[start:start + size] for start in range(0, len(files), size)]
            # Chunks made here (not imap's chunksize) so that the iterator is imap's own, with a timeout.
            results = pool.imap(_check_chunk_in_worker, chunks)
            while True:
                # Wake up now and then: a signal that the kernel hands to one of the pool's threads is only
                # acted on (Ctrl-C, SIGTERM) when the main thread runs again, and the workers may be gone.
                if stop.terminating():  # also when SIGTERM landed where it could not raise (stop.py)
                    raise stop.Terminated()
                try:
                    outcomes = results.next(timeout=0.25)
                except multiprocessing.TimeoutError:
                    continue
                except StopIteration:
                    break
                yield from outcomes
        except BaseException:
            (_abandon if stop.terminating() else _terminate)(pool)
            raise
        _terminate(pool)
        return
    checker = Checker(options.rule_dirs, options.peildatum, options.max_bytes, render=options.render)
    for item in items:
        if isinstance(item, Problem):
            yield FileOutcome(item.file, problems=(item,))
        else:
            yield checker.check_file(item)


stop.on_termination(_abandon_all)
