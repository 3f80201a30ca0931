"""Benchmark iza-check against the parse floor, in one run, so the ratios hold on a noisy machine.

    python benchmarks/run.py [--sizes 1,100,1000,10000] [--quick] [--hot-path 1000]

For every size N it generates N profiles (benchmarks/generate.py, fixed seed) and measures

(a) the parse floor: ``yaml.load(Loader=yaml.CSafeLoader)`` of the same files, in this process;
(b) ``iza-check validate DIR`` and (c) ``iza-check check DIR --format json --output FILE``, each as a
    whole process on all cores;
(d) ``check-jsonschema`` against schema/profile.schema.json on the same files (when installed);

then (e) the whole-process latency of one profile: ``iza-check check ONE.yaml`` beside
``python -c "import yaml"`` and check-jsonschema, as medians of several runs.

Every subprocess is timed by wall clock and CPU (user + system); memory is the peak RSS of the
largest single process (``wait4``) and the peak of the summed PSS of the whole process tree
(sampled), because a process pool shares pages with its parent. Results go to
benchmarks/results/latest.json and a markdown table is printed.

``--instructions N`` counts the instructions of each stage per profile under valgrind (callgrind), and of
the parse floor: exact where times on a shared machine are not, for comparing two versions of the code.

``--hot-path N`` instead times the stages of ``Checker.check_file`` in this process over N
generated files (read and YAML, pydantic, facts, engine, assess, a reporter, imports) and prints the
functions that take the most time under cProfile.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml
from generate import DEFAULT_SEED, write_profiles

REFERENCE_DATE = "2026-11-01"
SCHEMA = ROOT / "schema" / "profile.schema.json"
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
ONE_PROFILE = ROOT / "profiles" / "zelfregiecentrum-de-brug.yaml"
CLI = [sys.executable, "-c", "from iza_check.cli.main import main; main()"]
_CSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The targets from the issue "Speed and robustness".
TARGET_THROUGHPUT = 1000.0  # profiles/s for check at 10,000 profiles
TARGET_SINGLE_S = 0.25  # wall seconds for one profile, whole process
TARGET_RSS_MIB = 120.0  # peak at 10,000 profiles


@dataclass
class Run:
    """One measured subprocess (or in-process step, without memory figures)."""

    wall_s: float
    cpu_s: float
    exit_code: int = 0
    max_rss_mib: float | None = None  # the largest single process
    tree_pss_mib: float | None = None  # sampled peak of the whole tree, shared pages split


@dataclass
class Step:
    name: str
    runs: list[Run] = field(default_factory=list)
    note: str = ""

    def median(self, attribute: str) -> float | None:
        values = [getattr(run, attribute) for run in self.runs if getattr(run, attribute) is not None]
        return statistics.median(values) if values else None

    def peak(self, attribute: str) -> float | None:
        values = [getattr(run, attribute) for run in self.runs if getattr(run, attribute) is not None]
        return max(values) if values else None


# --------------------------------------------------------------------------------------------
# Measuring


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.extend(int(part) for part in handle.read().split())
        except OSError:
            continue
    return found


def _memory_kib(pid: int) -> int:
    """PSS when the kernel offers it (shared pages split between processes), else RSS."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except OSError:
        return 0


class _TreeSampler(threading.Thread):
    """Samples the summed memory of a process and all its descendants until stopped."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_kib = 0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            pending, total = [self.pid], 0
            while pending:
                pid = pending.pop()
                total += _memory_kib(pid)
                pending.extend(_children(pid))
            self.peak_kib = max(self.peak_kib, total)
            self._halt.wait(self.interval)

    def stop(self) -> int:
        self._halt.set()
        self.join()
        return self.peak_kib


# A process started from this (large) one would inherit its peak RSS at exec, so when GNU time is
# there it starts the command: its own footprint is about 2 MiB, and it reports the command's peak.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def measure(command: Sequence[str], env: dict[str, str], *, stdout: Path | None = None) -> Run:
    """Run ``command`` to completion; wall and CPU time, exit code, peak memory."""
    with tempfile.NamedTemporaryFile(prefix="iza-rss-", suffix=".txt", delete=False) as handle:
        rss_file = Path(handle.name)
    if GNU_TIME is not None:
        command = [GNU_TIME, "-f", "%M", "-o", str(rss_file), *command]
    out = open(stdout, "wb") if stdout is not None else subprocess.DEVNULL  # noqa: SIM115 - closed below
    try:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.PIPE if stdout is None else out)
        sampler = _TreeSampler(process.pid)
        sampler.start()
        if process.stderr is not None:
            process.stderr.read()  # drain, so a chatty child cannot block on a full pipe
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        tree_kib = sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.stderr is not None:
            process.stderr.close()
        lines = rss_file.read_text().split() if GNU_TIME is not None else []
    finally:
        if stdout is not None:
            out.close()  # type: ignore[union-attr]
        rss_file.unlink(missing_ok=True)
    # ru_maxrss (KiB on Linux) of the largest single process of the tree; inflated without GNU time.
    max_rss_kib = int(lines[-1]) if lines and lines[-1].isdigit() else usage.ru_maxrss
    return Run(
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        exit_code=process.returncode,
        max_rss_mib=max_rss_kib / 1024,
        tree_pss_mib=tree_kib / 1024 if tree_kib else None,
    )


def parse_floor(files: Sequence[Path]) -> Run:
    """Read and parse every file with libyaml's safe loader, nothing else."""
    cpu = time.process_time()
    start = time.perf_counter()
    for path in files:
        with open(path, "rb") as handle:
            yaml.load(handle.read(), Loader=_CSafeLoader)
    return Run(wall_s=time.perf_counter() - start, cpu_s=time.process_time() - cpu)


# --------------------------------------------------------------------------------------------
# The benchmark


def machine() -> dict[str, Any]:
    model = ""
    try:
        with open("/proc/cpuinfo") as handle:
            model = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_model": model or platform.processor(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "libyaml": hasattr(yaml, "CSafeLoader"),
        "load_average_at_start": list(os.getloadavg()),
        "peak_rss_by": "GNU time" if GNU_TIME else "wait4 (includes this process's size at start)",
    }


_CACHES = Path(tempfile.gettempdir()) / f"iza-bench-caches-{os.getpid()}"


def _environment() -> dict[str, str]:
    """The environment of every measured process. Bytecode is written and read (to a folder of this run), as in
    an installed package (pip compiles it): with PYTHONDONTWRITEBYTECODE every start-up compiles iza-check's
    modules again (~0.15 s). The catalogue cache (iza_check.rules.cache) is a folder of this run too, filled by
    the warm-up runs; ``check ONE.yaml, no catalogue cache`` shows the first run after a change of the rules."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH", "")]))
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("IZA_CHECK_NO_CACHE", None)
    env["PYTHONPYCACHEPREFIX"] = str(_CACHES / "pycache")
    env["IZA_CHECK_CACHE_DIR"] = str(_CACHES / "iza-check")
    env["NO_COLOR"] = "1"
    return env


def _tool(name: str) -> list[str] | None:
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return [str(beside)]
    found = shutil.which(name)
    return [found] if found else None


def _check_jsonschema() -> list[str] | None:
    return _tool("check-jsonschema")


def _link_subset(source: Sequence[Path], target: Path) -> list[Path]:
    """Hard links (copies where links are refused) to the first files, in a folder of their own."""
    target.mkdir(parents=True)
    out: list[Path] = []
    for path in source:
        destination = target / path.parent.name / path.name
        destination.parent.mkdir(exist_ok=True)
        try:
            os.link(path, destination)
        except OSError:
            shutil.copyfile(path, destination)
        out.append(destination)
    return out


def _check_report(path: Path, expected: int) -> str:
    """A note when the JSON report does not hold every profile: then the timing would mean little."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return f"geen geldig JSON-rapport: {error}"
    profiles, problems = len(report.get("profiles", [])), len(report.get("problems", []))
    if profiles != expected or problems:
        return f"rapport bevat {profiles} profielen en {problems} problemen (verwacht {expected} en 0)"
    return ""


def bench_size(size: int, files: list[Path], folder: Path, env: dict[str, str], repeats: int,
               jsonschema: list[str] | None, jobs: int, peer_runs: int) -> dict[str, Step]:
    names = ("parse_floor", "validate", "check", "check_j2", "check_python", "check_jsonschema")
    steps: dict[str, Step] = {name: Step(name) for name in names}
    report = folder.parent / f"report-{size}.json"
    check = [*CLI, "check", str(folder), "--format", "json", "--output", str(report), "--reference-date", REFERENCE_DATE]
    if jobs:
        check += ["--jobs", str(jobs)]
    # The default (--jobs 0) leaves cores that other processes keep busy to them (checker.worker_count); --jobs 2
    # always uses both cores. Only from 1,000 profiles, where a pool is worth comparing.
    variants = {"check": check}
    if size >= 1000:
        variants["check_j2"] = [*check, "--jobs", "2"]
        variants["check_python"] = [*check, "--engine", "python"]
    for run in range(repeats):
        steps["parse_floor"].runs.append(parse_floor(files))
        steps["validate"].runs.append(measure([*CLI, "validate", str(folder)], env))
        for name, command in variants.items():
            steps[name].runs.append(measure(command, env))
            if not steps[name].note:
                steps[name].note = _check_report(report, size)
        if jsonschema is not None and run < peer_runs:
            steps["check_jsonschema"].runs.append(
                measure([*jsonschema, "--schemafile", str(SCHEMA), *map(str, files)], env)
            )
    if jsonschema is None:
        steps["check_jsonschema"].note = "niet geïnstalleerd (pip install '.[bench]')"
    for name in ("validate", "check_jsonschema"):
        codes = {run.exit_code for run in steps[name].runs}
        if codes - {0}:
            steps[name].note = f"exitcode {sorted(codes)}"
    for name in variants:
        codes = {run.exit_code for run in steps[name].runs}
        if codes - {0, 1}:
            steps[name].note = (steps[name].note + f"; exitcode {sorted(codes)}").lstrip("; ")
    return steps


def bench_single(one: Path, env: dict[str, str], repeats: int, jsonschema: list[str] | None) -> dict[str, Step]:
    commands: dict[str, list[str]] = {
        "python_pass": [sys.executable, "-c", "pass"],
        "python_import_yaml": [sys.executable, "-c", "import yaml"],
    }
    yamllint = _tool("yamllint")
    if yamllint is not None:
        commands["yamllint"] = [*yamllint, str(one)]
    commands.update({
        "iza_version": [*CLI, "--version"],
        "iza_validate": [*CLI, "validate", str(one)],
        "iza_check": [*CLI, "check", str(one), "--reference-date", REFERENCE_DATE],
        "iza_check_python": [*CLI, "check", str(one), "--reference-date", REFERENCE_DATE, "--engine", "python"],
        "iza_check_no_cache": [*CLI, "check", str(one), "--reference-date", REFERENCE_DATE],
    })
    if jsonschema is not None:
        commands["check_jsonschema"] = [*jsonschema, "--schemafile", str(SCHEMA), str(one)]
    steps = {name: Step(name) for name in commands}
    uncached = {**env, "IZA_CHECK_NO_CACHE": "1"}
    for command in commands.values():  # warm-up: bytecode and catalogue cache written, files in the page cache
        measure(command, env)
    for _ in range(repeats):  # interleaved, so a burst of load elsewhere hits every command alike
        for name, command in commands.items():
            steps[name].runs.append(measure(command, uncached if name == "iza_check_no_cache" else env))
    for step in steps.values():
        codes = {run.exit_code for run in step.runs}
        if codes - {0, 1}:
            step.note = f"exitcode {sorted(codes)}"
    return steps


FORMATS = ("json", "concise", "text")


def bench_formats(folder: Path, env: dict[str, str], repeats: int) -> dict[str, Step]:
    """``check --format F -o FILE`` over the same profiles in one process (--jobs 1), so CPU per profile compares."""
    steps = {fmt: Step(fmt) for fmt in FORMATS}
    for _ in range(repeats):
        for fmt in FORMATS:
            out = folder.parent / f"formats.{fmt}"
            command = [*CLI, "check", str(folder), "--format", fmt, "-o", str(out), "--reference-date", REFERENCE_DATE,
                       "--jobs", "1"]
            steps[fmt].runs.append(measure(command, env))
    return steps


LOAD_JOBS = ("1", "2", "0")


def bench_under_load(folder: Path, env: dict[str, str], repeats: int) -> dict[str, dict[str, Step]]:
    """``check --jobs 1|2|0`` over the same profiles on the machine as it is, and beside one more busy process
    (a Python loop) that keeps a core busy: the default (0) must not be slower than one process."""
    out = folder.parent / "load.json"
    phases: dict[str, dict[str, Step]] = {phase: {j: Step(j) for j in LOAD_JOBS} for phase in ("as_is", "one_busy_core")}
    for _ in range(repeats):
        for phase, steps in phases.items():
            hog = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if phase == "one_busy_core" else None
            try:
                if hog is not None:
                    time.sleep(0.5)  # so the hog is running when iza-check samples the machine
                for jobs, step in steps.items():
                    command = [*CLI, "check", str(folder), "--format", "json", "-o", str(out), "--reference-date",
                               REFERENCE_DATE, "--jobs", jobs]
                    step.runs.append(measure(command, env))
            finally:
                if hog is not None:
                    hog.kill()
                    hog.wait()
    return phases


def stages(files: Sequence[Path], engine: str) -> dict[str, float]:
    """CPU ms per profile of each stage of ``Checker.check_file`` with ``engine``, in this process (after a
    warm-up of 50 files), and of the renderers' fragments."""
    from functools import partial

    from iza_check.assess.profile import assess
    from iza_check.checker import Checker
    from iza_check.engine import choose_backend
    from iza_check.engine.durable import DurableEngine
    from iza_check.profile.loader import validate_profile_data
    from iza_check.report.registry import stream_format
    from iza_check.yamlsafe import parse_yaml_bytes

    choose_backend(engine)
    try:
        peildatum = dt.date.fromisoformat(REFERENCE_DATE)
        checker = Checker((), peildatum)
        renderers = {fmt: partial(stream_format(fmt).profile, lang="nl", colour=False) for fmt in FORMATS}  # type: ignore[union-attr]
        names = ("read", "YAML (yamlsafe)", "pydantic + marks", "facts", "engine (incl. facts)", "assess",
                 *(f"render {fmt}" for fmt in FORMATS))
        totals: dict[str, float] = dict.fromkeys(names, 0.0)
        clock = time.process_time
        for warm_up in (True, False):
            for path in files[:50] if warm_up else files:
                marks = [clock()]
                raw = path.read_bytes()
                marks.append(clock())
                document, _problems = parse_yaml_bytes(raw, str(path))
                marks.append(clock())
                loaded = validate_profile_data(document, str(path))  # type: ignore[arg-type]
                marks.append(clock())
                if isinstance(checker.engine, DurableEngine):  # the python back-end derives no separate fact
                    checker.engine.facts(loaded.profile, peildatum=peildatum)
                marks.append(clock())
                results = checker.engine.evaluate(loaded.profile, peildatum=peildatum)
                marks.append(clock())
                report = assess(loaded, checker.catalogue.rules, results, peildatum)
                marks.append(clock())
                for fmt in FORMATS:
                    renderers[fmt](report).encode()
                    marks.append(clock())
                if not warm_up:
                    for name, start, end in zip(names, marks[:-1], marks[1:], strict=True):
                        totals[name] += end - start
        start = clock()
        for path in files:
            checker.check_file(path)
        totals["Checker.check_file (all, without rendering)"] = clock() - start
        return {name: value / len(files) * 1000 for name, value in totals.items()}
    finally:
        choose_backend(None)


def scaled_catalogue(factor: int) -> Any:
    """The bundled catalogue and ``factor - 1`` copies of every rule whose conditions differ from the original
    (each part also asks that the initiative is not called "kopie k"), so an engine cannot share them."""
    from pydantic import TypeAdapter

    from iza_check.rules import load_rules
    from iza_check.rules.conditions import Condition
    from iza_check.rules.model import Catalogue

    adapter: TypeAdapter[Any] = TypeAdapter(Condition)
    base = load_rules()
    rules = list(base.rules)
    for k in range(1, factor):
        guard = {"niet": {"veld": "initiatief.naam", "gelijk": f"kopie {k}"}}

        def distinct(part: Any, guard: dict[str, Any] = guard) -> Any:
            if part is None:
                return None
            return adapter.validate_python({"alle": [part.model_dump(by_alias=True, exclude_none=True), guard]})

        for rule in base.rules:
            update: dict[str, Any] = {"id": f"{rule.id}x{k}", "voldoet": distinct(rule.voldoet), "deels": distinct(rule.deels)}
            rules.append(rule.model_copy(update=update))
    return Catalogue(tuple(rules))


def engines_at_scale(files: Sequence[Path], factors: Sequence[int] = (1, 5)) -> dict[str, dict[str, float]]:
    """CPU ms per profile of the engine's evaluation and of the assessment, for both engines, at each catalogue
    size (``factors`` times the bundled rules), in this process after a warm-up of 20 files."""
    from iza_check.assess.profile import assess
    from iza_check.engine import create_engine
    from iza_check.profile.loader import load_profile

    peildatum = dt.date.fromisoformat(REFERENCE_DATE)
    loaded = [load_profile(path) for path in files]
    clock = time.process_time
    out: dict[str, dict[str, float]] = {}
    for factor in factors:
        catalogue = scaled_catalogue(factor)
        for engine_name in ("durable", "python"):
            start = clock()
            engine = create_engine(catalogue, engine_name)
            build = clock() - start
            for item in loaded[:20]:
                engine.evaluate(item.profile, peildatum=peildatum)
            evaluate = judge = 0.0
            for item in loaded:
                start = clock()
                results = engine.evaluate(item.profile, peildatum=peildatum)
                middle = clock()
                assess(item, catalogue.rules, results, peildatum)
                evaluate += middle - start
                judge += clock() - middle
            out[f"{engine_name} ×{factor} ({len(catalogue.rules)} rules)"] = {
                "build_ms": build * 1000,
                "evaluate_ms": evaluate / len(loaded) * 1000,
                "assess_ms": judge / len(loaded) * 1000,
            }
    return out


def _print_scale(result: dict[str, dict[str, float]], count: int) -> None:
    print(f"Both engines by catalogue size, one process, {count} profiles, CPU ms:\n")
    print("| engine and catalogue | build (once) | evaluate per profile | assess per profile |")
    print("|---|---:|---:|---:|")
    for name, row in result.items():
        print(f"| {name} | {row['build_ms']:.1f} | {row['evaluate_ms']:.3f} | {row['assess_ms']:.3f} |")


def _summary(size: int, steps: dict[str, Step]) -> dict[str, Any]:
    floor = steps["parse_floor"].median("wall_s")
    floor_cpu = steps["parse_floor"].median("cpu_s")
    out: dict[str, Any] = {}
    for name, step in steps.items():
        wall = step.median("wall_s")
        cpu = step.median("cpu_s")
        out[name] = {
            "runs": [asdict(run) for run in step.runs],
            "wall_s": wall,
            "cpu_s": cpu,
            "profiles_per_s": size / wall if wall else None,
            "ms_per_profile": wall / size * 1000 if wall else None,
            "cpu_ms_per_profile": cpu / size * 1000 if cpu is not None else None,
            "x_parse_floor_wall": wall / floor if wall and floor else None,
            "x_parse_floor_cpu": cpu / floor_cpu if cpu and floor_cpu else None,
            "max_rss_mib": step.peak("max_rss_mib"),
            "tree_pss_mib": step.peak("tree_pss_mib"),
            "note": step.note,
        }
    return out


def _single_summary(steps: dict[str, Step]) -> dict[str, Any]:
    return {
        name: {
            "runs": [asdict(run) for run in step.runs],
            "wall_s": step.median("wall_s"),
            "cpu_s": step.median("cpu_s"),
            "max_rss_mib": step.peak("max_rss_mib"),
            "note": step.note,
        }
        for name, step in steps.items()
    }


def _targets(sizes: dict[str, Any], single: dict[str, Any], results: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    targets: list[dict[str, Any]] = []
    results = results or {}
    big = sizes.get("10000")
    if big is not None:
        rate = big["check"]["profiles_per_s"]
        targets.append({"target": f"check at 10,000: >= {TARGET_THROUGHPUT:,.0f} profiles/s", "measured": rate,
                        "met": rate is not None and rate >= TARGET_THROUGHPUT})
        rss = big["check"]["max_rss_mib"]
        targets.append({"target": f"check at 10,000: peak RSS <= {TARGET_RSS_MIB:.0f} MiB (largest process)",
                        "measured": rss, "met": rss is not None and rss <= TARGET_RSS_MIB})
        tree = big["check"]["tree_pss_mib"]
        targets.append({"target": f"check at 10,000: all processes together <= {TARGET_RSS_MIB:.0f} MiB (PSS)",
                        "measured": tree, "met": tree is not None and tree <= TARGET_RSS_MIB})
    wall = single["iza_check"]["wall_s"]
    targets.append({"target": f"one profile: <= {TARGET_SINGLE_S} s wall", "measured": wall,
                    "met": wall is not None and wall <= TARGET_SINGLE_S})
    cpu = single["iza_check"]["cpu_s"]
    # CPU time hardly depends on what else the machine is doing; wall time does.
    targets.append({"target": f"one profile: <= {TARGET_SINGLE_S} s CPU (less sensitive to other load)",
                    "measured": cpu, "met": cpu is not None and cpu <= TARGET_SINGLE_S})
    if "check_jsonschema" in single:
        peer = single["check_jsonschema"]["wall_s"]
        targets.append({"target": "one profile: faster than check-jsonschema", "measured": wall,
                        "peer": peer, "met": wall is not None and peer is not None and wall < peer})
    formats = results.get("formats")
    if formats:
        json_cpu = formats["json"]["cpu_s"]
        for fmt in ("concise", "text"):
            ratio = formats[fmt]["cpu_s"] / json_cpu
            targets.append({"target": f"{fmt} costs no more than json per profile (CPU, × json)", "measured": ratio,
                            "met": ratio <= 1.0})
    loaded = results.get("under_load", {}).get("one_busy_core")
    if loaded:
        ratio = loaded["0"]["wall_s"] / loaded["1"]["wall_s"]
        # 5 % is the noise between two medians of the same command on this machine
        targets.append({"target": "one busy core: default --jobs no slower than one process (wall, × --jobs 1)",
                        "measured": ratio, "met": ratio <= 1.05})
    return targets


def _fmt(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


_LABELS = {
    "parse_floor": "parse floor (CSafeLoader, 1 process)",
    "validate": "`iza-check validate`",
    "check": "`iza-check check --format json` (default --jobs 0)",
    "check_j2": "`iza-check check --format json --jobs 2`",
    "check_python": "`iza-check check --format json --engine python`",
    "check_jsonschema": "check-jsonschema",
    "yamllint": "`yamllint ONE.yaml`",
    "iza_version": "`iza-check --version`",
    "iza_check_python": "`iza-check check ONE.yaml --engine python`",
    "iza_check_no_cache": "`iza-check check ONE.yaml`, no catalogue cache",
    "python_pass": "`python -c pass`",
    "python_import_yaml": "`python -c \"import yaml\"`",
    "iza_validate": "`iza-check validate ONE.yaml`",
    "iza_check": "`iza-check check ONE.yaml`",
}


def markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        (f"Machine: {m['nproc']} cores ({m['cpu_model']}), Python {m['python']}, libyaml {'yes' if m['libyaml'] else 'no'}; "
        f"load average (1, 5, 15 min) at start {', '.join(f'{v:.2f}' for v in m['load_average_at_start'])}, at end "
        f"{', '.join(f'{v:.2f}' for v in results.get('load_average_at_end', []))}; {results['date']}."),
        "",
        ("| profiles | step | wall (s) | profiles/s | ms/profile | CPU ms/profile | × parse floor (wall) "
        "| × parse floor (CPU) | peak RSS, largest process (MiB) | peak PSS, all processes (MiB) |"),
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, steps in results["sizes"].items():
        for name, row in steps.items():
            if not row["runs"]:
                continue
            note = f" ({row['note']})" if row["note"] else ""
            lines.append(
                f"| {int(size):,} | {_LABELS[name]}{note} | {_fmt(row['wall_s'], 3)} | {_fmt(row['profiles_per_s'], 0)} "
                f"| {_fmt(row['ms_per_profile'])} | {_fmt(row['cpu_ms_per_profile'])} | {_fmt(row['x_parse_floor_wall'], 1)} "
                f"| {_fmt(row['x_parse_floor_cpu'], 1)} | {_fmt(row['max_rss_mib'], 0)} | {_fmt(row['tree_pss_mib'], 0)} |"
            )
    lines += [
        "",
        f"One profile ({results['single_profile']}), whole process, median of {results['repeats_single']} runs:",
        "",
        ("| command | wall (s) | CPU (s) | × `import yaml` (wall) | × `import yaml` (CPU) | × yamllint (wall) "
         "| × yamllint (CPU) | peak RSS (MiB) |"),
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    single = results["single"]
    base = single.get("python_import_yaml", {})
    lint = single.get("yamllint", {})

    def ratio(row: dict[str, Any], other: dict[str, Any], key: str) -> str:
        return _fmt(row[key] / other[key], 1) if row.get(key) and other.get(key) else "–"

    for name, row in single.items():
        note = f" ({row['note']})" if row["note"] else ""
        lines.append(
            f"| {_LABELS[name]}{note} | {_fmt(row['wall_s'], 3)} | {_fmt(row['cpu_s'], 3)} | {ratio(row, base, 'wall_s')} "
            f"| {ratio(row, base, 'cpu_s')} | {ratio(row, lint, 'wall_s')} | {ratio(row, lint, 'cpu_s')} "
            f"| {_fmt(row['max_rss_mib'], 0)} |"
        )
    if "formats" in results:
        formats = results["formats"]
        json_cpu = formats["json"]["cpu_s"]
        lines += [
            "",
            (f"Formats: `check --format F -o FILE --jobs 1` over {results['formats_profiles']:,} profiles, median of "
            f"{results['repeats_formats']}:"),
            "",
            "| format | wall (s) | CPU (s) | CPU ms/profile | × json (CPU) |",
            "|---|---:|---:|---:|---:|",
        ]
        for fmt, row in formats.items():
            lines.append(
                f"| {fmt} | {_fmt(row['wall_s'], 2)} | {_fmt(row['cpu_s'], 2)} "
                f"| {_fmt(row['cpu_s'] / results['formats_profiles'] * 1000)} | {_fmt(row['cpu_s'] / json_cpu)} |"
            )
    if "under_load" in results:
        lines += [
            "",
            (f"Under load: `check --format json -o FILE --jobs J` over {results['formats_profiles']:,} profiles, median of "
            f"{results['repeats_formats']}; beside one extra busy process or not (the machine's own load as it was):"),
            "",
            "| machine | --jobs | wall (s) | CPU (s) | × --jobs 1 (wall) |",
            "|---|---:|---:|---:|---:|",
        ]
        for phase, steps in results["under_load"].items():
            one = steps["1"]["wall_s"]
            for jobs, row in steps.items():
                label = "as it was" if phase == "as_is" else "+ one busy process"
                jobs_label = "0 (default)" if jobs == "0" else jobs
                lines.append(f"| {label} | {jobs_label} | {_fmt(row['wall_s'], 2)} | {_fmt(row['cpu_s'], 2)} "
                             f"| {_fmt(row['wall_s'] / one)} |")
    if "stages" in results:
        engines = list(results["stages"])
        lines += [
            "",
            f"Where the time goes, in one process over {results['stages_profiles']:,} profiles (CPU ms/profile):",
            "",
            "| stage | " + " | ".join(f"--engine {engine}" for engine in engines) + " |",
            "|---|" + "---:|" * len(engines),
            "| parse floor (read + CSafeLoader) | " + " | ".join(_fmt(results["stages_floor_ms"], 3) for _ in engines) + " |",
        ]
        for stage in results["stages"][engines[0]]:
            lines.append(f"| {stage} | " + " | ".join(_fmt(results["stages"][e][stage], 3) for e in engines) + " |")
    if "scale" in results:
        lines += ["", (f"Both engines by catalogue size, in one process over {results['stages_profiles']:,} profiles "
                  "(CPU ms):"), "", "| engine and catalogue | build (once) | evaluate per profile | assess per profile |",
                  "|---|---:|---:|---:|"]
        lines += [f"| {name} | {_fmt(row['build_ms'], 1)} | {_fmt(row['evaluate_ms'], 3)} | {_fmt(row['assess_ms'], 3)} |"
                  for name, row in results["scale"].items()]
    lines += ["", "| target | measured | met |", "|---|---:|:---:|"]
    for target in results["targets"]:
        peer = f" (check-jsonschema {_fmt(target['peer'], 3)})" if "peer" in target else ""
        lines.append(f"| {target['target']} | {_fmt(target['measured'])}{peer} | {'yes' if target['met'] else 'no'} |")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# Where the time goes


_CHECK_IMPORTS = (
    "import iza_check.cli.main, iza_check.cli.run, iza_check.checker, iza_check.engine, iza_check.assess.profile, "
    "iza_check.report.registry, iza_check.rules.loader, iza_check.engine.durable"
)


def import_times(env: dict[str, str]) -> dict[str, float]:
    """Import time (ms) per package for the check command's modules (``python -X importtime``).

    For a library: the cumulative time of its first import (including what it pulls in first).
    For iza_check: its modules' own time, one entry per module.
    """
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _CHECK_IMPORTS], env=env, capture_output=True, text=True, check=False
    )
    totals: dict[str, float] = {}
    for line in result.stderr.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        own, cumulative, name = int(parts[0].split(":")[-1]), int(parts[1]), parts[2].strip()
        if name.startswith("iza_check"):
            totals[name] = own / 1000
        elif "." not in name and not name.startswith("_"):
            totals[name] = cumulative / 1000
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def hot_path(count: int, folder: Path) -> dict[str, Any]:
    """CPU time of each stage of Checker.check_file over ``count`` generated files, in this process.

    CPU time rather than wall time: other work on the machine then hardly changes the numbers.
    """
    env = _environment()
    processes: dict[str, dict[str, float]] = {}
    for name, code in {
        "python -c pass": "pass",
        "import yaml": "import yaml",
        "import the check command's modules": _CHECK_IMPORTS,
        "iza-check --version": "from iza_check.cli.main import main; main(['--version'])",
    }.items():
        runs = [measure([sys.executable, "-c", code], env) for _ in range(5)]
        processes[name] = {
            "wall_s": statistics.median(run.wall_s for run in runs),
            "cpu_s": statistics.median(run.cpu_s for run in runs),
        }

    from iza_check.assess.findings import Report
    from iza_check.assess.profile import assess
    from iza_check.checker import Checker
    from iza_check.engine import create_engine
    from iza_check.engine.durable import DurableEngine
    from iza_check.profile.loader import load_profile, validate_profile_data
    from iza_check.report.registry import REPORTERS, render
    from iza_check.resources import rules_dir
    from iza_check.rules.loader import load_catalogue
    from iza_check.yamlsafe import parse_yaml_bytes

    clock = time.process_time
    files = write_profiles(folder, count, DEFAULT_SEED)
    peildatum = dt.date.fromisoformat(REFERENCE_DATE)
    t0 = clock()
    catalogue = load_catalogue([rules_dir()])
    t1 = clock()
    create_engine(catalogue)
    t2 = clock()
    checker = Checker((), peildatum)
    build = {"load_catalogue": t1 - t0, "Engine(catalogue)": t2 - t1, "Checker() (both)": clock() - t2}

    names = ("read", "yaml (yamlsafe)", "pydantic + marks (loader)", "facts", "engine (incl. facts)", "assess")
    stages: dict[str, float] = dict.fromkeys(names, 0.0)
    reports = []
    for warm_up in (True, False):
        for path in files[:100] if warm_up else files:
            c0 = clock()
            raw = path.read_bytes()
            c1 = clock()
            document, _problems = parse_yaml_bytes(raw, str(path))
            c2 = clock()
            loaded = validate_profile_data(document, str(path))  # type: ignore[arg-type]
            c3 = clock()
            if isinstance(checker.engine, DurableEngine):  # the python back-end derives no separate fact
                checker.engine.facts(loaded.profile, peildatum=peildatum)
            c4 = clock()
            results = checker.engine.evaluate(loaded.profile, peildatum=peildatum)
            c5 = clock()
            report = assess(loaded, checker.catalogue.rules, results, peildatum)
            c6 = clock()
            if warm_up:
                continue
            reports.append(report)
            for name, span in zip(names, (c1 - c0, c2 - c1, c3 - c2, c4 - c3, c5 - c4, c6 - c5), strict=True):
                stages[name] += span
    whole_report = Report(peildatum=peildatum, tool_version="bench", engine=checker.engine.name, profiles=tuple(reports))
    renderers: dict[str, float] = {}
    for name in REPORTERS:
        c0 = clock()
        render(name, whole_report)
        renderers[name] = clock() - c0

    c0 = clock()
    parse_floor(files)
    floor = clock() - c0
    c0 = clock()
    for path in files:
        load_profile(path)
    load_only = clock() - c0
    c0 = clock()
    for path in files:
        checker.check_file(path)
    whole = clock() - c0

    profiler = cProfile.Profile()
    profiler.enable()
    for path in files:
        checker.check_file(path)
    profiler.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("tottime").print_stats(20)
    stats.sort_stats("cumulative").print_stats(25)
    return {
        "files": count,
        "processes": processes,
        "import_ms_by_package": import_times(env),
        "build_cpu_s": build,
        "stages_cpu_ms_per_profile": {name: value / count * 1000 for name, value in stages.items()},
        "check_file_cpu_ms_per_profile": whole / count * 1000,
        "load_profile_cpu_ms_per_profile": load_only / count * 1000,
        "parse_floor_cpu_ms_per_profile": floor / count * 1000,
        "render_cpu_ms_per_profile": {name: value / count * 1000 for name, value in renderers.items()},
        "cprofile": buffer.getvalue(),
    }


def _print_hot_path(result: dict[str, Any]) -> None:
    print(f"Hot path over {result['files']:,} files, one process, CPU ms per profile:\n")
    print("| stage | CPU ms/profile |\n|---|---:|")
    print(f"| parse floor (read + CSafeLoader) | {result['parse_floor_cpu_ms_per_profile']:.3f} |")
    for name, value in result["stages_cpu_ms_per_profile"].items():
        print(f"| {name} | {value:.3f} |")
    print(f"| load_profile (read + yaml + pydantic) | {result['load_profile_cpu_ms_per_profile']:.3f} |")
    print(f"| Checker.check_file (all of it) | {result['check_file_cpu_ms_per_profile']:.3f} |")
    for name, value in result["render_cpu_ms_per_profile"].items():
        print(f"| render {name} (whole report / profiles) | {value:.3f} |")
    print("\nOnce per process (CPU s):")
    for name, value in result["build_cpu_s"].items():
        print(f"  {name}: {value * 1000:.0f} ms")
    print("\nWhole processes (median of 5):")
    for name, value in result["processes"].items():
        print(f"  {name}: {value['wall_s'] * 1000:.0f} ms wall, {value['cpu_s'] * 1000:.0f} ms CPU")
    print("\nImport time (python -X importtime, ms; libraries cumulative, iza_check modules their own):")
    for name, value in list(result["import_ms_by_package"].items())[:20]:
        print(f"  {name}: {value:.0f}")
    print("\n" + result["cprofile"])


# --------------------------------------------------------------------------------------------
# Instructions: deterministic where times are not (valgrind's callgrind counts every instruction).

_STAGE_SCRIPT = """
import datetime as dt, gc, sys, yaml
from functools import partial
from pathlib import Path
stage, folder, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
files = sorted(folder.rglob("*.yaml"))[:count]
if stage == "floor":
    for f in files:
        yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)
    raise SystemExit
from iza_check.assess.profile import assess
from iza_check.checker import Checker
from iza_check.profile.loader import load_profile
from iza_check.report.registry import stream_format
day = dt.date.fromisoformat(sys.argv[4])
json_fragment = partial(stream_format("json").profile, lang="nl", colour=False)
checker = Checker((), day, render=json_fragment)
checker.check_file(files[0])  # first-use work (caches, lazy imports) is start-up, not per profile
gc.freeze()
order = ["load", "engine", "assess", "json"]
for f in files if stage != "none" else ():
    loaded = load_profile(f)
    if order.index(stage) < 1: continue
    results = checker.engine.evaluate(loaded.profile, peildatum=day)
    if order.index(stage) < 2: continue
    report = assess(loaded, checker.catalogue.rules, results, day)
    if order.index(stage) < 3: continue
    json_fragment(report)
"""

INSTRUCTION_STAGES = ("load", "engine", "assess", "json")


def _callgrind(arguments: Sequence[str], env: dict[str, str]) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", _STAGE_SCRIPT]
    done = subprocess.run([*command, *arguments], env={**env, "PYTHONHASHSEED": "0"}, capture_output=True, text=True)
    found = [line for line in done.stderr.splitlines() if "Collected :" in line]
    if done.returncode != 0 or not found:
        raise SystemExit(f"callgrind mislukt: {done.stderr[-2000:]}")
    return int(found[-1].split(":")[-1])


def instructions(count: int, folder: Path) -> dict[str, Any]:
    """Instructions per profile of each stage of a check, and of the parse floor, under callgrind.

    Each stage runs as a whole process over ``count`` files and once over none; the difference divided by
    ``count`` is the stage's cost per profile, start-up excluded. Slow (valgrind runs ~50x slower), exact.
    """
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is niet geïnstalleerd (nodig voor --instructions)")
    write_profiles(folder, count, DEFAULT_SEED)
    env = _environment()
    common = [str(folder), str(count), REFERENCE_DATE]
    empty = [str(folder), "0", REFERENCE_DATE]
    floor = (_callgrind(["floor", *common], env) - _callgrind(["floor", *empty], env)) / count
    base = _callgrind(["none", *common], env)
    stages: dict[str, float] = {}
    previous = base
    for stage in INSTRUCTION_STAGES:
        total = _callgrind([stage, *common], env)
        stages[stage] = (total - previous) / count
        previous = total
    return {"profiles": count, "parse_floor": floor, "stages": stages, "check": sum(stages.values())}


def _print_instructions(result: dict[str, Any]) -> None:
    floor = result["parse_floor"]
    print(f"Instructions per profile over {result['profiles']:,} files (callgrind, start-up excluded):\n")
    print("| stage | M instructions/profile | × parse floor |\n|---|---:|---:|")
    print(f"| parse floor (read + CSafeLoader) | {floor / 1e6:.2f} | 1.00 |")
    for stage, value in result["stages"].items():
        print(f"| {stage} | {value / 1e6:.2f} | {value / floor:.2f} |")
    print(f"| **check + JSON fragment** | {result['check'] / 1e6:.2f} | {result['check'] / floor:.2f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=None, help="aantallen profielen, bijv. 1,100,1000,10000")
    parser.add_argument("--quick", action="store_true", help="alleen 1 en 100 profielen, minder herhalingen")
    parser.add_argument("--repeats", type=int, default=None, help="herhalingen per meting (kleine aantallen)")
    parser.add_argument("--jobs", type=int, default=0, help="doorgeven aan iza-check check --jobs (0: alle kernen)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="resultaten (JSON)")
    parser.add_argument("--no-jsonschema", action="store_true", help="check-jsonschema overslaan")
    parser.add_argument("--jsonschema-max", type=int, default=1000,
                        help="check-jsonschema alleen tot dit aantal profielen (bij 10.000 duurt één run minuten)")
    parser.add_argument("--engine", choices=("durable", "python"), help="engine voor --hot-path")
    parser.add_argument("--no-formats", action="store_true", help="vormen, belasting en stappen overslaan")
    parser.add_argument("--formats-profiles", type=int, default=1000, help="profielen voor vormen en belasting")
    parser.add_argument("--stage-profiles", type=int, default=500, help="profielen voor de stappen per engine")
    parser.add_argument("--hot-path", type=int, metavar="N", help="alleen: waar gaat de tijd heen (N bestanden)")
    parser.add_argument("--scale", type=int, metavar="N", help="alleen: beide engines bij de catalogus ×1 en ×5 (N bestanden)")
    parser.add_argument(
        "--instructions", type=int, metavar="N", help="alleen: instructies per profiel per stap (valgrind, N bestanden)"
    )
    args = parser.parse_args(argv)

    if args.instructions:
        with tempfile.TemporaryDirectory(prefix="iza-instr-") as tmp:
            _print_instructions(instructions(args.instructions, Path(tmp) / "profiles"))
        return 0

    if args.scale:
        with tempfile.TemporaryDirectory(prefix="iza-scale-") as tmp:
            _print_scale(engines_at_scale(write_profiles(Path(tmp) / "profiles", args.scale, DEFAULT_SEED)), args.scale)
        return 0

    if args.hot_path:
        if args.engine:
            from iza_check.engine import choose_backend

            choose_backend(args.engine)
        with tempfile.TemporaryDirectory(prefix="iza-hot-") as tmp:
            _print_hot_path(hot_path(args.hot_path, Path(tmp) / "profiles"))
        return 0

    sizes = [int(part) for part in (args.sizes or ("1,100" if args.quick else "1,100,1000,10000")).split(",")]
    repeats = args.repeats or (2 if args.quick else 3)
    repeats_single = 3 if args.quick else 7
    jsonschema = None if args.no_jsonschema else _check_jsonschema()
    env = _environment()
    results: dict[str, Any] = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "seed": DEFAULT_SEED,
        "reference_date": REFERENCE_DATE,
        "command": " ".join(CLI[:2]) + " '...main()'",
        "sizes": {},
    }
    with tempfile.TemporaryDirectory(prefix="iza-bench-") as tmp:
        base = Path(tmp)
        print(f"{max(sizes):,} profielen genereren…", file=sys.stderr)
        every = write_profiles(base / "all", max(sizes), DEFAULT_SEED)
        for size in sorted(sizes):
            folder = base / f"n{size}"
            files = _link_subset(every[:size], folder)
            # The machine's load changes over minutes, so every size is run several times (medians);
            # check-jsonschema not above --jsonschema-max profiles (27 ms a profile: at 10,000 one run takes minutes).
            peer_runs = repeats if size <= args.jsonschema_max else 0
            print(f"{size:,} profielen meten ({repeats}×)…", file=sys.stderr)
            steps = bench_size(size, files, folder, env, repeats, jsonschema, args.jobs, peer_runs)
            results["sizes"][str(size)] = _summary(size, steps)
        one = base / "one" / ONE_PROFILE.name
        one.parent.mkdir()
        shutil.copyfile(ONE_PROFILE, one)
        print(f"één profiel meten ({repeats_single}×)…", file=sys.stderr)
        results["single_profile"] = ONE_PROFILE.name
        results["repeats_single"] = repeats_single
        results["single"] = _single_summary(bench_single(one, env, repeats_single, jsonschema))
        if not args.no_formats:
            folder = base / "formats"
            files = _link_subset(every[:args.formats_profiles], folder)
            print(f"vormen en belasting meten ({args.formats_profiles:,} profielen, {repeats}×)…", file=sys.stderr)
            results["formats_profiles"] = args.formats_profiles
            results["repeats_formats"] = repeats
            results["formats"] = _single_summary(bench_formats(folder, env, repeats))
            results["under_load"] = {
                phase: _single_summary(steps) for phase, steps in bench_under_load(folder, env, repeats).items()
            }
            print("stappen per engine meten…", file=sys.stderr)
            stage_files = files[:args.stage_profiles]
            results["stages_profiles"] = len(stage_files)
            floor = parse_floor(stage_files)
            results["stages_floor_ms"] = floor.cpu_s / len(stage_files) * 1000
            os.environ.update({k: v for k, v in env.items() if k == "IZA_CHECK_CACHE_DIR"})
            results["stages"] = {engine: stages(stage_files, engine) for engine in ("durable", "python")}
            print("beide engines bij de catalogus ×1 en ×5…", file=sys.stderr)
            results["scale"] = engines_at_scale(stage_files)
        results["load_average_at_end"] = list(os.getloadavg())
    results["self_cpu_s"] = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    results["targets"] = _targets(results["sizes"], results["single"], results)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(_CACHES, ignore_errors=True)
    print(markdown(results))
    print(f"Resultaten: {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
