"""The concise form (the default for several profiles), -q, and the line on stderr that says what -o got."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from iza_check.cli.main import main

REPO = Path(__file__).resolve().parents[2]
PROFILES = REPO / "profiles"
LINE = re.compile(r"^(?P<file>[^:]+\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z]\d+[a-d]?) (?P<rest>.+)$")


def _check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", *args, "--reference-date", "2026-11-01"], catch_exceptions=False)


def _folder(tmp_path: Path, broken: bool = False) -> Path:
    tmp_path.mkdir(exist_ok=True)
    for name in ("starter-vrijwilligers.yaml", "zelfregiecentrum-de-brug.yaml", "inloop-koffie-welzijn.yaml"):
        shutil.copy(PROFILES / name, tmp_path / name)
    if broken:
        (tmp_path / "kapot.yaml").write_text("initiatief:\n  naam: X\n  naam: Y\n", encoding="utf-8")
    return tmp_path


def test_several_profiles_give_one_line_per_gap_and_a_tally(tmp_path: Path) -> None:
    result = _check(str(_folder(tmp_path)))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    gaps = [LINE.match(line) for line in lines]
    assert sum(1 for m in gaps if m) >= 10
    for match in filter(None, gaps):
        assert Path(match["file"]).exists() and int(match["line"]) >= 1
        assert re.match(r"(deels|voldoet niet) \[(verplicht|aanbevolen)\] ", match["rest"]), match["rest"]
    verdicts = [line for line in lines if ": oordeel " in line]
    assert len(verdicts) == 3 and any(line.endswith("oordeel past — Zelfregiecentrum De Brug") for line in verdicts)
    assert lines[-1].startswith("3 profielen: 1 past · 1 groeiroute · 1 niet op voorhand · ")
    assert lines[-1].endswith(f"{sum(1 for m in gaps if m)} tekorten")


def test_one_profile_keeps_the_full_report_and_concise_can_be_asked_for() -> None:
    one = str(PROFILES / "starter-vrijwilligers.yaml")
    assert _check(one).stdout.startswith("Rapport IZA-check")
    assert _check(one, "--format", "concise").stdout.splitlines()[0].endswith("oordeel groeiroute — Herstelplek De Kiem")


def test_quiet_prints_only_unreadable_files_and_the_tally(tmp_path: Path) -> None:
    result = _check(str(_folder(tmp_path, broken=True)), "-q", "--lang", "en")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(str(tmp_path / "kapot.yaml") + ":3:3: ") and lines[0].endswith("(duplicate-key)")
    assert lines[1].startswith("3 profiles: 1 fits · 1 growth route · 1 not a priori · ") and lines[1].endswith(
        "1 file unreadable"
    )


def test_writing_to_a_file_says_what_was_written_and_why_the_exit_code(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "in", broken=True)
    target = tmp_path / "rapport.sarif"
    result = _check(str(folder), "--format", "sarif", "-o", str(target))
    assert result.exit_code == 2 and result.stdout == "" and target.exists()
    errors = result.stderr.splitlines()
    assert any("kapot.yaml:3:3:" in line and "(duplicate-key)" in line for line in errors)
    assert errors[-1].startswith(f"{target}: sarif · 3 profielen: ")
    assert errors[-1].endswith("exitcode 2: ongeldige invoer: niet elk bestand kon worden gelezen")
    clean = _check(str(PROFILES / "zelfregiecentrum-de-brug.yaml"), "-o", str(tmp_path / "r.txt"))
    assert clean.exit_code == 0
    assert clean.stderr.strip().endswith("exitcode 0: geen tekorten op niveau --fail-on verplicht")


def test_quiet_goes_with_concise_only() -> None:
    result = _check(str(PROFILES), "-q", "--format", "json")
    assert result.exit_code == 2 and "--quiet" in result.stderr


def test_a_file_name_cannot_start_a_ci_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "::error::x.yaml").write_text("initiatief: [\n", encoding="utf-8")
    shutil.copy(PROFILES / "starter-vrijwilligers.yaml", tmp_path / "::warning::y.yaml")
    monkeypatch.chdir(tmp_path)
    output = _check(".", "--format", "concise").stdout
    assert "::error::x.yaml" in output and "::warning::y.yaml" in output
    assert not any(line.startswith("::") for line in output.splitlines())
