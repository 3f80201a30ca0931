"""``check -`` and ``validate -``: one profile from standard input, named ``<stdin>`` or ``--stdin-filename``.

The bytes are read once, as UTF-8, within ``--max-bytes``; every message still has file:line:col, and ``-``
goes together with other paths. ``-o -`` (stdout) is another thing and stays so.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from iza_check.cli.main import main

REPO = Path(__file__).resolve().parents[2]
PROFILES = REPO / "profiles"
PEILDATUM = "2026-11-01"
GROWING = (PROFILES / "inloop-koffie-welzijn.yaml").read_bytes()  # gaps in required rules: exit 1
BROKEN = b"initiatief:\n  naam: X\n  naam: Y\n"


def _cli(*args: str, stdin: bytes = b"") -> Result:
    return CliRunner().invoke(main, [*args, "--reference-date", PEILDATUM] if args[0] == "check" else list(args),
                              input=stdin, catch_exceptions=False)


def test_check_reads_one_profile_from_stdin_named_stdin() -> None:
    result = _cli("check", "-", "--format", "concise", stdin=GROWING)
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("<stdin>: oordeel ")
    assert any(line.startswith("<stdin>:") and "[verplicht]" in line and line.split(":")[1].isdigit()
               for line in lines[1:])
    assert lines[-1].startswith("1 profiel: ")


def test_one_profile_on_stdin_gets_the_full_text_report_by_default() -> None:
    result = _cli("check", "-", stdin=GROWING)
    assert result.exit_code == 1
    assert "<stdin>" in result.stdout and "oordeel" not in result.stdout.splitlines()[0]


def test_stdin_filename_names_it_so_locations_point_to_the_real_file() -> None:
    name = "profielen/inloop.yaml"  # need not exist here
    concise = _cli("check", "-", "--stdin-filename", name, "--format", "concise", stdin=GROWING)
    assert concise.exit_code == 1
    assert all(line.startswith(f"{name}:") for line in concise.stdout.splitlines()[:-1])
    document = json.loads(_cli("check", "-", "--stdin-filename", name, "--format", "json", stdin=GROWING).stdout)
    assert document["profiles"][0]["source"] == name
    sarif = json.loads(_cli("check", "-", "--stdin-filename", name, "--format", "sarif", stdin=GROWING).stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {name}


def test_a_broken_profile_on_stdin_is_located() -> None:
    result = _cli("check", "-", "--format", "concise", stdin=BROKEN)
    assert result.exit_code == 2
    assert result.stdout.startswith("<stdin>:3:3: ") and "(duplicate-key)" in result.stdout
    named = _cli("validate", "-", "--stdin-filename", "x/kiem.yaml", stdin=BROKEN)
    assert named.exit_code == 2 and named.stdout.startswith("x/kiem.yaml:3:3: ")


@pytest.mark.parametrize("command", ["check", "validate"])
def test_stdin_goes_with_other_paths(command: str) -> None:
    result = _cli(command, str(PROFILES / "zelfregiecentrum-de-brug.yaml"), "-", stdin=BROKEN)
    assert result.exit_code == 2
    if command == "check":
        assert "Zelfregiecentrum De Brug" in result.stdout and "<stdin>:3:3:" in result.stdout
        assert result.stdout.splitlines()[-1].startswith("1 profiel: ") and "1 bestand onleesbaar" in result.stdout
    else:
        assert result.stdout.startswith("<stdin>:3:3: ")
        assert "2 bestand(en) gecontroleerd, 1 met fouten." in result.stderr


def test_stdin_named_as_a_file_that_is_also_given_is_checked_as_well() -> None:
    """An editor pipes the unsaved buffer of a file that is also on disk: both are checked, not merged."""
    path = str(PROFILES / "zelfregiecentrum-de-brug.yaml")
    result = _cli("check", path, "-", "--stdin-filename", path, "--format", "json", stdin=GROWING)
    names = [p["naam"] for p in json.loads(result.stdout)["profiles"]]
    assert len(names) == 2 and names[0] == "Zelfregiecentrum De Brug" and names[1] != names[0]


def test_dash_twice_is_one_profile() -> None:
    result = _cli("validate", "-", "-", stdin=GROWING)
    assert result.exit_code == 0 and "1 bestand(en) gecontroleerd, 0 met fouten." in result.stderr


def test_validate_reads_stdin() -> None:
    result = _cli("validate", "-", stdin=b"toegang:\n  indicatie_nodig: nee\n")
    assert result.exit_code == 2
    assert "<stdin>:2:20:" in result.stdout


def test_max_bytes_applies_to_stdin() -> None:
    result = _cli("check", "-", "--max-bytes", "100", "--format", "concise", stdin=GROWING)
    assert result.exit_code == 2 and "<stdin>: het bestand is te groot (meer dan 100 bytes)" in result.stdout
    assert _cli("validate", "-", "--max-bytes", str(len(GROWING)), stdin=GROWING).exit_code == 0


def test_stdin_is_read_as_utf8_with_or_without_a_bom() -> None:
    assert _cli("validate", "-", stdin=b"\xef\xbb\xbf" + GROWING).exit_code == 0
    latin1 = _cli("validate", "-", stdin=GROWING.replace(b"initiatief:", b"# caf\xe9\ninitiatief:", 1))
    assert latin1.exit_code == 2 and latin1.stdout.startswith("<stdin>:")


def test_empty_stdin_is_a_located_problem_not_a_crash() -> None:
    result = _cli("check", "-", "--format", "concise")
    assert result.exit_code == 2 and result.stdout.startswith("<stdin>: ")


def test_stdin_filename_without_dash_is_a_usage_error() -> None:
    for command in ("check", "validate"):
        result = _cli(command, str(PROFILES / "zelfregiecentrum-de-brug.yaml"), "--stdin-filename", "x.yaml")
        assert result.exit_code == 2 and "--stdin-filename" in result.stderr and "'-'" in result.stderr


def test_dash_as_input_and_dash_as_output_are_not_confused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = _cli("check", "-", "-o", "-", "--format", "json", stdin=GROWING)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["profiles"][0]["source"] == "<stdin>"
    assert list(tmp_path.iterdir()) == []  # no file named "-" read or written


def test_stdin_is_never_excluded() -> None:
    result = _cli("check", "-", "--stdin-filename", "concepten/x.yaml", "--exclude", "concepten", stdin=GROWING)
    assert result.exit_code == 1 and "concepten/x.yaml" in result.stdout


def test_an_output_onto_the_file_stdin_is_named_after_is_refused(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_bytes(GROWING)
    result = _cli("check", "-", "--stdin-filename", str(profile), "-o", str(profile), stdin=GROWING)
    assert result.exit_code == 2 and "dit uitvoerbestand is het invoerbestand" in result.stderr
    assert profile.read_bytes() == GROWING


@pytest.mark.parametrize("how", [["-o", "{p}"], ["--format", "json={p}"], ["--summary", "-o", "{p}"]])
def test_an_output_onto_the_file_stdin_is_redirected_from_is_refused(tmp_path: Path, how: list[str]) -> None:
    """``check - -o p.yaml < p.yaml``: the shell gives the profile as stdin; the report must not replace it."""
    profile = tmp_path / "p.yaml"
    profile.write_bytes(GROWING)
    with profile.open("rb") as stdin:
        result = subprocess.run(
            [sys.executable, "-m", "iza_check", "check", "-", *(arg.format(p=profile) for arg in how)],
            stdin=stdin, capture_output=True, timeout=120, check=False,
        )
    assert result.returncode == 2 and "dit uitvoerbestand is het invoerbestand <stdin>" in result.stderr.decode()
    assert profile.read_bytes() == GROWING and b"Traceback" not in result.stderr


def test_stdin_travels_to_the_worker_processes(tmp_path: Path) -> None:
    for n in range(20):  # enough for a pool (checker._POOL_THRESHOLD)
        shutil.copy(PROFILES / "zelfregiecentrum-de-brug.yaml", tmp_path / f"p{n:02}.yaml")
    result = _cli("check", str(tmp_path), "-", "--stdin-filename", "uit-de-pijp.yaml", "-j", "2",
                  "--format", "concise", stdin=GROWING)
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[-1].startswith("21 profielen: ")
    assert "uit-de-pijp.yaml: oordeel" in result.stdout


def test_a_real_pipe_and_a_closed_stdin() -> None:
    piped = subprocess.run([sys.executable, "-m", "iza_check", "check", "-", "--format", "concise"],
                           input=BROKEN, capture_output=True, timeout=120, check=False)
    assert piped.returncode == 2 and piped.stdout.startswith(b"<stdin>:3:3: ")
    closed = subprocess.run([sys.executable, "-m", "iza_check", "validate", "-"], stdin=subprocess.DEVNULL,
                            capture_output=True, timeout=120, check=False)
    assert closed.returncode == 2 and b"Traceback" not in closed.stderr and closed.stdout.startswith(b"<stdin>: ")
