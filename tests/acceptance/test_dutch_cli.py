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


def test_the_projects_own_texts_are_dutch_by_default(tmp_path: Path) -> None:
    """Not only Click's messages: the help texts, the commands' usage errors and their lines on stderr."""
    help_text = _run("check", "--help").stdout
    assert "Toets profielen aan de regels" in help_text and "Rapportvorm" in help_text
    assert "--format VORM[=BESTAND]" in help_text and "-o, --output BESTAND" in help_text
    assert "--rules MAP" in help_text and "--exclude PATROON" in help_text
    assert "Check profiles" not in help_text and "Report format" not in help_text
    dossier = _run("dossier", "--help").stdout
    assert "-o, --output-dir MAP" in dossier and "[vereist]" in dossier and "[required]" not in dossier
    top = _run("--help").stdout
    assert "Exitcodes:" in top and "Dossier voor financiers" in top
    usage = _run("check", "x.yaml", "--format", "csv")
    assert usage.returncode == 2
    assert usage.stderr == "De vorm csv hoort bij de samenvatting: gebruik --summary --format csv.\n"
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert "Geen profielen gevonden" in _run("validate", str(empty)).stderr
    validated = _run("validate", str(REPO / "profiles"))
    assert "bestand(en) gecontroleerd, 0 met fouten." in validated.stderr


def test_lang_nl_keeps_dutch_under_an_english_locale() -> None:
    result = _run("check", "x.yaml", "--format", "csv", "--lang", "nl", lang_env="en_US.UTF-8")
    assert result.returncode == 2 and result.stderr.startswith("De vorm csv hoort bij de samenvatting")
    assert _run("check", "--lang", "nl", "--help", lang_env="en_US.UTF-8").stdout.startswith("Gebruik:")
