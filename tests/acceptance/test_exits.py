"""Every command ends with a line and a conventional exit code, never a traceback."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from iza_check import checker
from iza_check.cli.options import colour_wanted

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iza_check", *args], capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, **(env or {})}, **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_a_line_and_exit_2() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "iza_check", "schema"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60,
            check=False,
        )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "kan niet schrijven" in result.stderr


@pytest.mark.parametrize("args", [("explain", "K1"), ("rules", "test"), ("schema",)])
def test_a_latin1_console_gets_replacements_not_a_crash(args: tuple[str, ...]) -> None:
    result = _run(*args, env={"PYTHONIOENCODING": "latin-1"}, cwd=REPO, encoding="latin-1")
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "UnicodeEncodeError" not in result.stderr


@pytest.mark.slow
def test_ctrl_c_in_a_batch_is_one_line_and_exit_130(tmp_path: Path) -> None:
    for n in range(400):
        shutil.copy(REPO / "profiles" / "starter-vrijwilligers.yaml", tmp_path / f"p{n:03}.yaml")
    process = subprocess.Popen(
        [sys.executable, "-m", "iza_check", "check", str(tmp_path), "--format", "json", "-j", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    time.sleep(2.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    if process.returncode in (0, 1):
        pytest.skip("the batch finished before the signal")
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "Afgebroken" in stderr


def test_never_more_processes_than_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert checker.worker_count(64) == 2 and checker.worker_count(0) == 2 and checker.worker_count(1) == 1


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("env", "tty", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),  # only a non-empty NO_COLOR counts
        ({"TERM": "dumb"}, True, False),
        ({"FORCE_COLOR": "1"}, False, True),  # a CI log that shows colour
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, True, False),
    ],
)
def test_colour_follows_the_conventions(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tty: bool, expected: bool) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert colour_wanted(_Stream(tty)) is expected


def test_a_closed_pipe_is_a_line_and_exit_2_like_check(tmp_path: Path) -> None:
    for n in range(1500):  # each gives a problem line: more than a pipe holds
        (tmp_path / f"p{n:04}.yaml").write_text("initiatief:\n  naam: X\n  naam: Y\n", encoding="utf-8")
    for args in (("validate", str(tmp_path)),):
        process = subprocess.Popen(
            [sys.executable, "-m", "iza_check", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO
        )
        assert process.stdout is not None
        process.stdout.read(10)
        process.stdout.close()  # the reader goes away, as `| head -1` does
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 2, stderr
        assert b"Traceback" not in stderr and b"kan niet schrijven" in stderr
