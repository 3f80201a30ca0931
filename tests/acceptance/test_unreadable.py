"""A file or folder that cannot be read is that input's problem: named, exit 2, and the others still checked.

Permissions mean nothing to root, so as root the commands run without the capabilities that override them
(``setpriv``); where neither works, the tests are skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PROFILES = Path(__file__).resolve().parents[2] / "profiles"
_DROP = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]


def _prefix() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root ignores permissions and setpriv is not there to drop that")
    probe = subprocess.run([*_DROP, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("cannot drop the capabilities that let root read anything")
    return _DROP


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [*_prefix(), sys.executable, "-m", "iza_check", *args]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "tree" / "sub").mkdir(parents=True)
    shutil.copy(PROFILES / "onvolledig-profiel.yaml", tmp_path / "tree" / "a.yaml")
    shutil.copy(PROFILES / "starter-vrijwilligers.yaml", tmp_path / "tree" / "sub" / "b.yaml")
    shutil.copy(PROFILES / "starter-vrijwilligers.yaml", tmp_path / "noperm.yaml")
    shutil.copy(PROFILES / "naasten-steunpunt.yaml", tmp_path / "good.yaml")
    (tmp_path / "tree" / "sub").chmod(0)
    (tmp_path / "noperm.yaml").chmod(0)
    yield tmp_path
    (tmp_path / "tree" / "sub").chmod(0o755)
    (tmp_path / "noperm.yaml").chmod(0o644)


@pytest.mark.parametrize("command", [["check", "--format", "concise"], ["validate"], ["overview"]])
def test_a_folder_that_cannot_be_read_is_named_not_skipped(folder: Path, command: list[str]) -> None:
    result = _run(folder, *command, "tree")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "tree/sub: geen toestemming om deze map te lezen" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["check", "--format", "concise"], ["validate"], ["check", "--summary"]])
def test_a_named_file_that_cannot_be_read_does_not_stop_the_others(folder: Path, command: list[str]) -> None:
    result = _run(folder, *command, "noperm.yaml", "good.yaml")
    assert result.returncode == 2, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "noperm.yaml: geen toestemming om dit bestand te lezen" in output and "Ongeldige waarde" not in output
    if command[0] == "check" and len(command) > 1 and command[1] == "--format":
        assert "good.yaml:" in result.stdout  # the readable profile was checked all the same
