"""The settings file: .iza-check.yaml or [tool.iza-check], found upwards; the command line wins."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from iza_check.cli.config import config_json_schema
from iza_check.cli.main import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "profielen").mkdir()
    shutil.copy(REPO / "profiles" / "starter-vrijwilligers.yaml", tmp_path / "profielen" / "kiem.yaml")
    monkeypatch.chdir(tmp_path / "profielen")  # the settings are found upwards
    return tmp_path


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_yaml_settings_apply_and_the_command_line_wins(project: Path) -> None:
    (project / ".iza-check.yaml").write_text(
        "fail-on: nooit\nformat: concise\nlang: en\nreference-date: 2026-11-01\n", encoding="utf-8"
    )
    result = _run("check", "kiem.yaml")
    assert result.exit_code == 0 and result.stdout.splitlines()[-1].startswith("1 profile: 1 growth route")
    # Its gaps are covered by plans until 2027; a later reference date makes them count.
    assert _run("check", "kiem.yaml", "--fail-on", "verplicht", "--reference-date", "2028-01-01").exit_code == 1
    assert _run("check", "kiem.yaml", "--lang", "nl").stdout.splitlines()[-1].startswith("1 profiel:")


def test_pyproject_table_with_rules_relative_to_the_file(project: Path) -> None:
    (project / "regels").mkdir()
    rule = (REPO / "tests" / "fixtures" / "rules" / "override_ok" / "extra.yaml").read_text(encoding="utf-8")
    (project / "regels" / "regio.yaml").write_text(rule[: rule.index("  - id: T9")].replace("    vervangt: true\n", "").replace("T1", "R1"), encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.iza-check]\nformat = "json"\nrules = ["regels"]\n', encoding="utf-8"
    )
    result = _run("check", "kiem.yaml")
    assert result.exit_code in (0, 1), result.stderr
    findings = json.loads(result.stdout)["profiles"][0]["findings"]
    assert "R1" in [finding["rule_id"] for finding in findings]  # the region's rule, found next to the settings


def test_the_nearest_file_counts(project: Path) -> None:
    (project / ".iza-check.yaml").write_text("format: json\n", encoding="utf-8")
    (project / "profielen" / ".iza-check.yaml").write_text("format: concise\n", encoding="utf-8")
    assert _run("check", "kiem.yaml").stdout.startswith("kiem.yaml: oordeel")


def test_a_wrong_setting_is_a_located_problem_and_exit_2(project: Path) -> None:
    (project / ".iza-check.yaml").write_text("fail-on: altijd\nformaat: concise\njobs: -1\n", encoding="utf-8")
    result = _run("check", "kiem.yaml")
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{project / '.iza-check.yaml'}:1:10: 'fail-on': kies uit verplicht, aanbevolen, nooit")
    assert lines[1].startswith(f"{project / '.iza-check.yaml'}:2:1: onbekende instelling 'formaat'. Bedoelde u 'format'?")
    assert lines[2].startswith(f"{project / '.iza-check.yaml'}:3:7: 'jobs': minstens 0")


def test_a_wrong_setting_in_pyproject_names_its_line(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.iza-check]\nlang = "fr"\n', encoding="utf-8")
    result = _run("check", "kiem.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{project / 'pyproject.toml'}:2:8: 'lang': kies uit nl, en")


def test_the_schema_is_printed_and_valid() -> None:
    result = _run("schema", "--kind", "config")
    schema = json.loads(result.stdout)
    assert schema == config_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
