"""``--exclude PATTERN`` for ``check``, ``validate`` and ``overview``, and ``exclude`` in the settings file.

A file is left out when its path relative to the working directory (with ``/``), a folder above it, or a
single name in it matches the fnmatch pattern; a file named on the command line too. Hidden folders stay
skipped, patterns in the settings file are relative to that file, and ``--exclude`` adds to them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from iza_check.cli.config import config_json_schema
from iza_check.cli.main import main
from iza_check.cli.options import NO_PROFILES
from iza_check.profile.discovery import ExcludePattern, iter_profile_files, select_profiles

REPO = Path(__file__).resolve().parents[2]
PROFILES = REPO / "profiles"
PEILDATUM = "2026-11-01"
BROKEN = "initiatief:\n  naam: X\n  naam: Y\n"
NOTHING_LEFT = "Alles wat gevonden werd, valt onder --exclude"


def _cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _check_json(*args: str) -> tuple[Result, list[str]]:
    """``check ... --format json``, and the files the report judged or could not read (relative names)."""
    result = _cli("check", *args, "--format", "json", "--reference-date", PEILDATUM)
    assert "Traceback" not in result.output
    if result.exit_code not in (0, 1, 2) or not result.stdout:
        return result, []
    document = json.loads(result.stdout)
    sources = [p["source"] for p in document["profiles"]] + [p["file"] for p in document["problems"]]
    return result, sorted(source.replace("\\", "/") for source in sources)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """profielen/ with two profiles, a draft folder with a broken one, saved answers, and a hidden folder."""
    root = tmp_path / "profielen"
    (root / "twente").mkdir(parents=True)
    (root / "concepten").mkdir()
    (root / ".verborgen").mkdir()
    shutil.copy(PROFILES / "zelfregiecentrum-de-brug.yaml", root / "brug.yaml")
    shutil.copy(PROFILES / "naasten-steunpunt.yaml", root / "twente" / "naasten.yaml")
    (root / "concepten" / "kapot.yaml").write_text(BROKEN, encoding="utf-8")
    (root / "twente" / "kiem.antwoorden.yaml").write_text(BROKEN, encoding="utf-8")
    (root / ".verborgen" / "ook-kapot.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


ALL = ["profielen/brug.yaml", "profielen/concepten/kapot.yaml", "profielen/twente/kiem.antwoorden.yaml",
       "profielen/twente/naasten.yaml"]
CLEAN = ["profielen/brug.yaml", "profielen/twente/naasten.yaml"]


def test_without_exclude_everything_but_hidden_folders_is_checked(tree: Path) -> None:
    result, sources = _check_json("profielen")
    assert result.exit_code == 2 and sources == ALL  # .verborgen/ is skipped, as before


@pytest.mark.parametrize(
    "patterns",
    [
        ["profielen/concepten/*", "*.antwoorden.yaml"],  # the whole relative path
        ["concepten", "*.antwoorden.yaml"],  # a folder's name anywhere
        ["profielen/concepten", "profielen/twente/kiem.*"],  # a folder above the file
        ["profielen/concepten/", "./profielen/twente/kiem.antwoorden.yaml"],  # a trailing / and a leading ./
        ["*/concepten/*", "kiem*"],
    ],
)
def test_excluded_files_are_not_checked(tree: Path, patterns: list[str]) -> None:
    args = [arg for pattern in patterns for arg in ("--exclude", pattern)]
    result, sources = _check_json("profielen", *args)
    assert result.exit_code == 1, result.output  # the broken files are gone: only gaps are left
    assert sources == CLEAN


def test_a_pattern_does_not_match_part_of_a_name_or_the_start_of_a_path(tree: Path) -> None:
    # "concept" is not "concepten", and "concepten/*" is relative to the working directory, which holds
    # profielen/, not concepten/.
    for pattern in ("concept", "concepten/*", "twente/naasten.yaml"):
        _result, sources = _check_json("profielen", "--exclude", pattern)
        assert sources == ALL, pattern


def test_the_relative_path_is_taken_from_the_working_directory(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree / "profielen")
    result, sources = _check_json(".", "--exclude", "concepten/*", "--exclude", "twente/kiem.antwoorden.yaml")
    assert result.exit_code == 1 and sources == ["brug.yaml", "twente/naasten.yaml"]


def test_a_file_named_on_the_command_line_is_excluded_too(tree: Path) -> None:
    result, sources = _check_json("profielen/concepten/kapot.yaml", "profielen/brug.yaml", "--exclude", "concepten")
    assert result.exit_code == 0 and sources == ["profielen/brug.yaml"]


def test_a_missing_path_is_still_an_error(tree: Path) -> None:
    result, sources = _check_json("profielen", "bestaat-niet.yaml", "--exclude", "concepten", "--exclude", "kiem*")
    assert result.exit_code == 2 and sources == ["bestaat-niet.yaml", *CLEAN]


def test_a_pattern_reaches_hidden_folders_only_when_named(tree: Path) -> None:
    # A hidden file named on the command line is checked (as before) unless an exclusion matches it.
    assert _check_json("profielen/.verborgen/ook-kapot.yaml")[0].exit_code == 2
    result = _cli("check", "profielen/.verborgen/ook-kapot.yaml", "--exclude", ".verborgen")
    assert result.exit_code == 2 and NO_PROFILES in result.stderr


@pytest.mark.parametrize("command", ["check", "validate", "overview"])
def test_excluding_everything_is_the_usual_no_profiles_exit_2(tree: Path, command: str) -> None:
    result = _cli(command, "profielen", "--exclude", "*.yaml")
    assert result.exit_code == 2
    assert NO_PROFILES in result.stderr and NOTHING_LEFT in result.stderr
    assert "Traceback" not in result.output


def test_validate_skips_what_is_excluded(tree: Path) -> None:
    assert _cli("validate", "profielen").exit_code == 2
    result = _cli("validate", "profielen", "--exclude", "concepten", "--exclude", "*.antwoorden.yaml")
    assert result.exit_code == 0, result.output
    assert "2 bestand(en) gecontroleerd, 0 met fouten." in result.stderr


def test_overview_skips_what_is_excluded(tree: Path) -> None:
    before = _cli("overview", "profielen", "--format", "json", "--reference-date", PEILDATUM)
    assert before.exit_code == 2  # the broken files are listed in the overview
    result = _cli("overview", "profielen", "--format", "json", "--reference-date", PEILDATUM,
                  "--exclude", "concepten", "--exclude", "*.antwoorden.yaml")
    assert result.exit_code == 0, result.output
    assert "kapot.yaml" not in result.stdout and "antwoorden" not in result.stdout
    assert "--exclude" in _cli("overview", "--help").stdout


def test_an_empty_pattern_is_a_usage_error(tree: Path) -> None:
    result = _cli("check", "profielen", "--exclude", "")
    assert result.exit_code == 2 and "leeg patroon" in result.stderr


def test_the_output_over_input_refusal_still_holds(tree: Path) -> None:
    before = (tree / "profielen" / "brug.yaml").read_bytes()
    result = _cli("check", "profielen", "--exclude", "concepten", "-o", "profielen/brug.yaml")
    assert result.exit_code == 2 and "dit uitvoerbestand is het invoerbestand" in result.stderr
    assert (tree / "profielen" / "brug.yaml").read_bytes() == before


# The settings file: exclude: [...], relative to the file's folder; --exclude adds to it.


def test_settings_exclude_applies_to_every_searching_command(tree: Path) -> None:
    (tree / ".iza-check.yaml").write_text("exclude: [profielen/concepten, '*.antwoorden.yaml']\n", encoding="utf-8")
    result, sources = _check_json("profielen")
    assert result.exit_code == 1 and sources == CLEAN
    assert _cli("validate", "profielen").exit_code == 0
    assert _cli("overview", "profielen", "--reference-date", PEILDATUM).exit_code == 0


def test_settings_patterns_are_relative_to_the_settings_file(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tree / ".iza-check.yaml").write_text("exclude: [profielen/concepten/*, profielen/twente/kiem.*]\n", encoding="utf-8")
    monkeypatch.chdir(tree / "profielen")  # the settings are found upwards; the patterns still mean the same files
    result, sources = _check_json(".")
    assert result.exit_code == 1 and sources == ["brug.yaml", "twente/naasten.yaml"]


def test_the_command_line_adds_to_the_settings(tree: Path) -> None:
    (tree / ".iza-check.yaml").write_text("exclude: [concepten]\n", encoding="utf-8")
    result, sources = _check_json("profielen", "--exclude", "*.antwoorden.yaml")
    assert result.exit_code == 1 and sources == CLEAN  # both: the file's and the command line's
    result, sources = _check_json("profielen")
    assert sources == ["profielen/brug.yaml", "profielen/twente/kiem.antwoorden.yaml", "profielen/twente/naasten.yaml"]


def test_the_same_in_pyproject(tree: Path) -> None:
    (tree / "pyproject.toml").write_text('[tool.iza-check]\nexclude = ["concepten", "*.antwoorden.yaml"]\n',
                                         encoding="utf-8")
    result, sources = _check_json("profielen")
    assert result.exit_code == 1 and sources == CLEAN


@pytest.mark.parametrize(("text", "message"), [
    ("exclude: concepten\n", "1:10: 'exclude': verwacht een lijst"),
    ("exclude: ['']\n", "1:10: 'exclude'"),
    ("exlude: [concepten]\n", "1:1: onbekende instelling 'exlude'. Bedoelde u 'exclude'?"),
])
def test_a_wrong_exclude_setting_is_a_located_problem(tree: Path, text: str, message: str) -> None:
    (tree / ".iza-check.yaml").write_text(text, encoding="utf-8")
    result = _cli("check", "profielen")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"{tree / '.iza-check.yaml'}:{message}"), result.stderr


def test_the_settings_schema_has_exclude() -> None:
    result = _cli("schema", "--kind", "config")
    schema = json.loads(result.stdout)
    assert schema == config_json_schema()
    assert schema["properties"]["exclude"]["type"] == "array"


# The matching itself.


@pytest.mark.parametrize(
    ("pattern", "excluded"),
    [
        ("a", ["a/b/c.yaml", "a/d.yaml"]),
        ("b", ["a/b/c.yaml"]),
        ("a/b", ["a/b/c.yaml"]),
        ("a/*", ["a/b/c.yaml", "a/d.yaml"]),  # fnmatch's * crosses /
        ("*.yaml", ["a/b/c.yaml", "a/d.yaml", "e.yaml"]),
        ("c.yaml", ["a/b/c.yaml"]),
        ("a/b/c.yaml", ["a/b/c.yaml"]),
        ("b/c.yaml", []),  # not from the start of the path, and not one name
        ("[ae]*", ["a/b/c.yaml", "a/d.yaml", "e.yaml"]),
    ],
)
def test_what_a_pattern_matches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str,
                                excluded: list[str]) -> None:
    for name in ("a/b/c.yaml", "a/d.yaml", "e.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    selection = select_profiles([Path()], [ExcludePattern.of(pattern)])
    kept = sorted(str(item).replace("\\", "/") for item in iter_profile_files(selection.paths))
    assert kept == sorted({"a/b/c.yaml", "a/d.yaml", "e.yaml"} - set(excluded))
    assert bool(selection.excluded) == bool(excluded)
