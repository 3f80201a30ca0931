"""SIGTERM during a batch (a CI job cancelled, a container stopped): a clean stop, as Ctrl-C is (issue 17).

One line, exit 143 (128 + 15), no traceback from the parent or any worker, no temporary report file left
behind next to the output, and no worker process left running. Sent to the parent alone (``kill``) and to
the whole process group (a CI runner, ``timeout``), where the workers get it too.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _alive_in_group(group: int) -> list[str]:
    found = subprocess.run(["pgrep", "-g", str(group)], capture_output=True, text=True, check=False)
    return found.stdout.split()


@pytest.mark.skipif(shutil.which("pgrep") is None, reason="needs pgrep")
@pytest.mark.parametrize("group", [False, True], ids=["parent", "process-group"])
def test_sigterm_in_a_batch_with_output_is_one_line_143_and_no_temporary_file(tmp_path: Path, group: bool) -> None:
    profiles = tmp_path / "profielen"
    profiles.mkdir()
    for n in range(600):
        shutil.copy(REPO / "profiles" / "starter-vrijwilligers.yaml", profiles / f"p{n:03}.yaml")
    out = tmp_path / "uit"
    out.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "iza_check", "check", str(profiles), "--format", "json", "-j", "2",
         "-o", str(out / "out.json")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not any(out.iterdir()) and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.02)  # the report has started: its temporary file is there
        time.sleep(0.3)
        if group:
            os.killpg(process.pid, signal.SIGTERM)  # what a CI runner or `timeout -s TERM` to the group does
        else:
            process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:  # never leave a hung run behind
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    time.sleep(0.2)
    leftover = _alive_in_group(process.pid)
    for pid in leftover:
        os.kill(int(pid), signal.SIGKILL)
    assert leftover == [], "worker processes were left running"
    if process.returncode in (0, 1, -signal.SIGTERM):
        pytest.skip("the batch finished before the signal")
    assert process.returncode == 143, stderr
    assert "Traceback" not in stderr and "Traceback" not in stdout
    assert stderr.strip() == "Afgebroken (SIGTERM).", stderr
    written = list(out.iterdir())
    # Nothing, or (the signal came just after the report was in place) the complete report.
    assert written in ([], [out / "out.json"]), written
    if written:
        json.loads((out / "out.json").read_text(encoding="utf-8"))
