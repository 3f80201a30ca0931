"""The command line speaks the report's language: Click's own messages in Dutch by default, English on request."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str, lang_env: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    if lang_env:
        env["LANG"] = lang_env
    return subprocess.run(
        [sys.executable, "-m", "iza_check", *args], capture_output=True, text=True, timeout=60, check=False, env=env
    )


def test_usage_errors_and_help_are_dutch_by_default() -> None:
    result = _run("check", "--format", "pdf", "x.yaml")
    assert result.returncode == 2
    assert "Gebruik:" in result.stderr and "Fout: Ongeldige waarde voor '--format'" in result.stderr
    assert "is niet een van" in result.stderr and "Usage:" not in result.stderr
    unknown = _run("chek")
    assert "Onbekende opdracht 'chek'." in unknown.stderr and "Bedoelde u" in unknown.stderr
    help_text = _run("check", "--help").stdout
    assert help_text.startswith("Gebruik:") and "Opties:" in help_text and "Toon deze hulp en stop." in help_text


@pytest.mark.parametrize(("args", "lang_env"), [(("--lang", "en"), ""), ((), "en_GB.UTF-8")])
def test_english_on_request(args: tuple[str, ...], lang_env: str) -> None:
    result = _run("check", "--format", "pdf", *args, "x.yaml", lang_env=lang_env)
    assert "Usage:" in result.stderr and "Error: Invalid value for '--format'" in result.stderr


def test_fail_on_takes_dutch_values_and_the_old_english_one(tmp_path: Path) -> None:
    profile = str(REPO / "profiles" / "inloop-koffie-welzijn.yaml")
    assert _run("check", profile, "--fail-on", "nooit").returncode == 0
    assert _run("check", profile, "--fail-on", "never").returncode == 0
    assert _run("check", profile, "--fail-on", "verplicht").returncode == 1
    assert "nooit" in _run("check", "--help").stdout
