"""``--output`` never replaces an input profile: ``check``, ``check --summary``, ``overview`` and ``diff``.

The same file is recognised as given, through a symbolic link, through a hard link, and among the files a
directory or a pattern expands to. The command stops with exit code 2 and a message naming the file before
anything is written, and the profile keeps its bytes.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from iza_check.cli.main import main

REPO = Path(__file__).resolve().parents[2]
PROFILES = REPO / "profiles"
VERSIES = REPO / "tests" / "fixtures" / "versies"
PEILDATUM = "2026-11-01"
REFUSED = "dit uitvoerbestand is het invoerbestand"


def _cli(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--reference-date", PEILDATUM], catch_exceptions=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two profiles in a folder, and the old and new version of a third for ``diff``."""
    shutil.copy(PROFILES / "naasten-steunpunt.yaml", tmp_path / "naasten.yaml")
    shutil.copy(PROFILES / "zelfregiecentrum-de-brug.yaml", tmp_path / "brug.yaml")
    shutil.copy(VERSIES / "de-kiem-2025.yaml", tmp_path / "kiem-oud.yml")
    shutil.copy(VERSIES / "de-kiem-2026.yaml", tmp_path / "kiem-nieuw.yml")
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def _assert_refused(result: Result, output: Path, same: Path, before: dict[str, bytes], folder: Path) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert f"{output}: {REFUSED} {same};" in result.stderr, result.stderr
    assert "Kies een ander bestand voor --output." in result.stderr
    assert "Traceback" not in result.output
    # Nothing written: every file keeps its bytes, no temporary report file is left behind.
    assert _snapshot(folder) == before


# Each command with the input arguments it gets, relative to the folder, and the input the output hits.
COMMANDS: list[tuple[str, list[str], str]] = [
    ("check", ["naasten.yaml", "brug.yaml"], "brug.yaml"),
    ("check --summary", ["naasten.yaml"], "naasten.yaml"),
    ("overview", ["naasten.yaml", "brug.yaml"], "naasten.yaml"),
    ("diff", ["kiem-oud.yml", "kiem-nieuw.yml"], "kiem-oud.yml"),
]


def _args(command: str, inputs: list[str], folder: Path) -> list[str]:
    return [*command.split(), *(str(folder / name) for name in inputs)]


@pytest.mark.parametrize(("command", "inputs", "hit"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_the_output_may_not_be_an_input_file(folder: Path, command: str, inputs: list[str], hit: str) -> None:
    before = _snapshot(folder)
    output = folder / hit
    result = _cli(*_args(command, inputs, folder), "-o", str(output))
    _assert_refused(result, output, folder / hit, before, folder)


@pytest.mark.parametrize(("command", "inputs", "hit"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_a_symbolic_link_to_an_input_file_is_the_input_file(
    folder: Path, tmp_path_factory: pytest.TempPathFactory, command: str, inputs: list[str], hit: str
) -> None:
    elsewhere = tmp_path_factory.mktemp("rapporten")
    link = elsewhere / "rapport.txt"
    link.symlink_to(folder / hit)
    before = _snapshot(folder)
    result = _cli(*_args(command, inputs, folder), "-o", str(link))
    _assert_refused(result, link, folder / hit, before, folder)
    assert link.is_symlink()


def test_an_input_given_as_a_symbolic_link_is_its_target(folder: Path) -> None:
    link = folder / "via-link.yaml"
    link.symlink_to(folder / "naasten.yaml")
    before = _snapshot(folder)
    output = folder / "naasten.yaml"
    result = _cli("check", str(link), "-o", str(output))
    _assert_refused(result, output, link, before, folder)


def test_a_hard_link_to_an_input_file_is_the_input_file(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("rapporten")
    hard = elsewhere / "rapport.html"
    os.link(folder / "brug.yaml", hard)
    before = _snapshot(folder)
    result = _cli("check", str(folder / "brug.yaml"), "--format", "html", "-o", str(hard))
    _assert_refused(result, hard, folder / "brug.yaml", before, folder)


@pytest.mark.parametrize("command", ["check", "check --summary", "overview"])
def test_a_file_found_in_an_input_directory_is_an_input_file(folder: Path, command: str) -> None:
    sub = folder / "regio"
    sub.mkdir()
    shutil.move(folder / "brug.yaml", sub / "brug.yaml")
    before = _snapshot(sub)
    output = sub / "brug.yaml"
    result = _cli(*command.split(), str(folder), "-o", str(output))
    _assert_refused(result, output, output, before, sub)


def test_a_file_a_pattern_matches_is_an_input_file(folder: Path) -> None:
    before = _snapshot(folder)
    output = folder / "naasten.yaml"
    result = _cli("check", str(folder / "*.yaml"), "-o", str(output))
    _assert_refused(result, output, output, before, folder)


@pytest.mark.parametrize(("command", "inputs", "hit"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_another_output_file_next_to_the_inputs_is_written(folder: Path, command: str, inputs: list[str], hit: str) -> None:
    before = _snapshot(folder)
    output = folder / "rapport.txt"
    output.write_text("vorig rapport\n", encoding="utf-8")  # an existing report is replaced, as always
    result = _cli(*_args(command, inputs, folder), "-o", str(output))
    assert result.exit_code in (0, 1), result.output
    assert REFUSED not in result.stderr
    assert output.read_text(encoding="utf-8") != "vorig rapport\n"
    assert {name: data for name, data in _snapshot(folder).items() if name != "rapport.txt"} == before
