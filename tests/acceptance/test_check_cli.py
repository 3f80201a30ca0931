"""``iza-check check`` end to end through the command line: exit codes, output files, the batch summary."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from iza_check.cli.main import main

REPO = Path(__file__).resolve().parents[2]
PROFILES = REPO / "profiles"
PEILDATUM = "2026-11-01"


def _check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", *args, "--reference-date", PEILDATUM], catch_exceptions=False)


def test_a_mature_profile_passes_and_a_growing_one_fails_on_verplicht() -> None:
    mature = _check(str(PROFILES / "zelfregiecentrum-de-brug.yaml"))
    assert mature.exit_code == 0, mature.output
    assert "Zelfregiecentrum De Brug" in mature.stdout
    # Every gap of the starter has a current plan with a streefdatum: a waiver that the initiative owns...
    growing = _check(str(PROFILES / "starter-vrijwilligers.yaml"))
    assert growing.exit_code == 0
    # ...until its date passes: then the plan is overdue and the gap fails the run.
    later = CliRunner().invoke(
        main, ["check", str(PROFILES / "starter-vrijwilligers.yaml"), "--reference-date", "2028-01-01"]
    )
    assert later.exit_code == 1
    assert CliRunner().invoke(
        main, ["check", str(PROFILES / "starter-vrijwilligers.yaml"), "--reference-date", "2028-01-01", "--fail-on", "never"]
    ).exit_code == 0
    # A gap without a plan fails at once.
    assert _check(str(PROFILES / "inloop-koffie-welzijn.yaml")).exit_code == 1


def test_fail_on_unknown_asks_for_complete_profiles() -> None:
    incomplete = str(PROFILES / "onvolledig-profiel.yaml")
    assert _check(incomplete).exit_code == 0  # missing data is not a failure...
    assert _check(incomplete, "--fail-on-unknown").exit_code == 1  # ...unless the repository asks for it
    assert _check(str(PROFILES / "zelfregiecentrum-de-brug.yaml"), "--fail-on-unknown").exit_code == 0


def test_a_broken_file_in_a_batch_gives_2_and_the_others_are_still_reported(tmp_path: Path) -> None:
    shutil.copy(PROFILES / "zelfregiecentrum-de-brug.yaml", tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text("initiatief:\n  naam: X\n  naam: Y\n", encoding="utf-8")
    result = _check(str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert [p["naam"] for p in document["profiles"]] == ["Zelfregiecentrum De Brug"]
    assert document["problems"][0]["file"].endswith("b.yaml")
    assert document["problems"][0]["line"] == 3


def test_the_report_goes_to_the_output_file_and_nothing_else_changes(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    shutil.copy(PROFILES / "naasten-steunpunt.yaml", profile)
    before = profile.read_bytes()
    target = tmp_path / "rapport.html"
    result = _check(str(profile), "--format", "html", "-o", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert profile.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml", "rapport.html"]


def test_a_new_report_gets_the_usual_mode_and_a_replaced_one_keeps_its_own(tmp_path: Path) -> None:
    profile = str(PROFILES / "zelfregiecentrum-de-brug.yaml")
    old_mask = os.umask(0o022)
    try:
        new = tmp_path / "nieuw.txt"
        assert _check(profile, "-o", str(new)).exit_code == 0
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        kept = tmp_path / "oud.txt"
        kept.write_text("oud", encoding="utf-8")
        kept.chmod(0o640)
        assert _check(profile, "-o", str(kept)).exit_code == 0
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
        assert kept.read_text(encoding="utf-8") != "oud"
    finally:
        os.umask(old_mask)


def test_a_symbolic_link_as_output_keeps_the_link_and_replaces_its_target(tmp_path: Path) -> None:
    target = tmp_path / "rapporten" / "laatste.json"
    target.parent.mkdir()
    target.write_text("{}", encoding="utf-8")
    link = tmp_path / "rapport.json"
    link.symlink_to(target)
    assert _check(str(PROFILES / "zelfregiecentrum-de-brug.yaml"), "--format", "json", "-o", str(link)).exit_code == 0
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["profiles"][0]["naam"] == "Zelfregiecentrum De Brug"
    assert sorted(p.name for p in target.parent.iterdir()) == ["laatste.json"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_as_output_is_written_into_not_replaced(tmp_path: Path) -> None:
    """Like /dev/null or /dev/stdout: replacing such a path with a file would break it for everyone."""
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = _check(str(PROFILES / "zelfregiecentrum-de-brug.yaml"), "--format", "json", "-o", str(fifo))
    reader.join(timeout=60)
    assert result.exit_code == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["profiles"][0]["naam"] == "Zelfregiecentrum De Brug"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pijp"]


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_stdout_in_a_non_utf8_locale_gets_the_report_in_utf8(fmt: str) -> None:
    """A terminal or pipe set to ASCII or Latin-1 must not stop the report at its first box-drawing line."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    command = [sys.executable, "-m", "iza_check", "check", str(PROFILES / "zelfregiecentrum-de-brug.yaml"),
               "--format", fmt, "--reference-date", PEILDATUM]
    done = subprocess.run(command, capture_output=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr
    in_utf8 = subprocess.run(command, capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120)
    assert done.stdout == in_utf8.stdout
    assert "Zelfregiecentrum De Brug" in done.stdout.decode("utf-8")


@pytest.mark.parametrize(
    ("command", "expected"),
    [(["check", "--format", "json"], '{"format_version"'), (["check", "--summary", "--format", "csv"], "\"Bestand\""),
     (["overview", "--format", "json"], "{")],
)
def test_output_dash_means_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    args = [*command[:1], str(PROFILES), *command[1:], "-o", "-", "--reference-date", PEILDATUM]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    assert result.stdout.lstrip("\ufeff").startswith(expected), result.stdout[:200]
    assert list(tmp_path.iterdir()) == []  # no file named "-"


def test_a_text_only_stdout_still_gets_the_streamed_report(monkeypatch: pytest.MonkeyPatch) -> None:
    """A program that runs the CLI with a StringIO as stdout (no byte layer) gets the whole report."""
    captured = io.StringIO()
    monkeypatch.setattr(sys, "stdout", captured)
    with pytest.raises(SystemExit) as stop:
        main(["check", str(PROFILES / "zelfregiecentrum-de-brug.yaml"), "--format", "json",
              "--reference-date", PEILDATUM])
    assert stop.value.code == 0
    assert json.loads(captured.getvalue())["profiles"][0]["naam"] == "Zelfregiecentrum De Brug"


def test_an_output_file_in_a_missing_folder_is_a_clear_message(tmp_path: Path) -> None:
    target = tmp_path / "bestaat-niet" / "rapport.txt"
    result = _check(str(PROFILES / "zelfregiecentrum-de-brug.yaml"), "-o", str(target))
    assert result.exit_code == 2
    assert "kan niet schrijven" in result.stderr and str(target) in result.stderr
    assert "Traceback" not in result.output


def test_csv_belongs_to_the_summary() -> None:
    result = _check(str(PROFILES), "--format", "csv")
    assert result.exit_code == 2
    assert "--summary" in result.stderr


def test_summary_csv_to_a_file_has_one_row_per_profile(tmp_path: Path) -> None:
    target = tmp_path / "aanvragen.csv"
    result = _check(str(PROFILES), "--summary", "--format", "csv", "-o", str(target))
    assert result.exit_code == 1
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0].startswith('"Bestand";"Initiatief"')
    assert len([line for line in lines[1:] if line]) == len(list(PROFILES.glob("*.yaml")))


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "sarif", "junit", "github", "html"])
def test_every_format_reports_every_example_profile(fmt: str) -> None:
    result = _check(str(PROFILES), "--format", fmt, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert "Koffiehoek De Schakel" in result.stdout or fmt in ("sarif", "github")
    assert result.stdout.strip()


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "github", "sarif"])
def test_a_batch_written_as_a_stream_from_workers_equals_the_whole_report(tmp_path: Path, fmt: str) -> None:
    import datetime as dt

    from iza_check import __version__
    from iza_check.assess.findings import Report
    from iza_check.checker import Checker
    from iza_check.report.registry import render

    for copy in range(3):
        for profile in sorted(PROFILES.glob("*.yaml")):
            shutil.copy(profile, tmp_path / f"{copy}-{profile.name}")
    (tmp_path / "9-kapot.yaml").write_text("toegang:\n  indicatie_nodg: false\n", encoding="utf-8")
    files = sorted(tmp_path.glob("*.yaml"))
    assert len(files) >= 16  # large enough for the process pool

    result = _check(str(tmp_path), "--format", fmt, "--jobs", "2")
    assert result.exit_code == 2  # the broken file

    checker = Checker((), dt.date.fromisoformat(PEILDATUM))
    outcomes = [checker.check_file(path) for path in files]
    expected = Report(
        dt.date.fromisoformat(PEILDATUM),
        __version__,
        checker.engine.name,
        tuple(o.report for o in outcomes if o.report is not None),
        tuple(p for o in outcomes for p in o.problems),
    )
    assert result.stdout == render(fmt, expected, lang="nl")


def test_a_plan_for_a_criterion_no_rule_has_is_refused_at_its_code(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("initiatief:\n  naam: X\n  in_ontwikkeling:\n    - {betreft: [K2, K11], stap: x}\n", encoding="utf-8")
    result = _check(str(profile), "--format", "concise")
    assert result.exit_code == 2
    assert f"{profile}:4:22: onbekende code 'K11'" in result.stdout and "K10a–K10d" in result.stdout


def test_a_plan_for_a_regions_own_rule_and_for_k10a_is_accepted(tmp_path: Path) -> None:
    rules = tmp_path / "regels"
    rules.mkdir()
    rule = (REPO / "tests" / "fixtures" / "rules" / "override_ok" / "extra.yaml").read_text(encoding="utf-8")
    (rules / "regio.yaml").write_text(rule[: rule.index("  - id: T9")].replace("    vervangt: true\n", "").replace("T1", "R1"), encoding="utf-8")
    profile = tmp_path / "p.yaml"
    profile.write_text("initiatief:\n  naam: X\n  in_ontwikkeling:\n    - {betreft: [R1, K10a], stap: x}\n", encoding="utf-8")
    result = _check(str(profile), "--rules", str(rules), "--format", "json")
    assert result.exit_code in (0, 1), result.output
    findings = {f["rule_id"]: f for f in json.loads(result.stdout)["profiles"][0]["findings"]}
    assert findings["R1"]["plans"] and findings["K10a"]["plans"]


def test_evidence_for_a_criterion_no_rule_has_is_refused_at_its_code(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("initiatief:\n  naam: X\n  bewijs:\n    - {document: Folder, betreft: [K99]}\n", encoding="utf-8")
    result = _check(str(profile), "--format", "concise")
    assert result.exit_code == 2 and f"{profile}:4:36: onbekende code 'K99'" in result.stdout
