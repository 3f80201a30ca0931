"""The settings file: .iza-check.yaml or [tool.iza-check], found upwards; the command line wins."""

from __future__ import annotations

import json
import re
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


def test_a_pyproject_value_of_the_wrong_kind_is_a_located_problem_not_ignored(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool]\niza-check = 5\n', encoding="utf-8")
    result = _run("check", "kiem.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{project / 'pyproject.toml'}:5:1: [tool.iza-check] moet een tabel zijn")


def test_an_inline_pyproject_table_applies(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool]\niza-check = {fail-on = "nooit", format = "concise", lang = "en"}\n', encoding="utf-8"
    )
    result = _run("check", "kiem.yaml", "--reference-date", "2028-01-01")
    assert result.exit_code == 0 and result.stdout.splitlines()[-1].startswith("1 profile:")


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ('[project.scripts]\niza-check = "iza_check.cli.main:main"\n', False),
        ('[tool.poetry.dependencies]\niza-check = "^0.1"\n', False),
        ('[tool.iza-check]\nlang = "en"\n', True),
        ("[tool]\niza-check = 5\n", True),
        ('[tool]  # settings\niza-check = {lang = "en"}\n', True),
        ('tool.iza-check.lang = "en"\n[project]\nname = "x"\n', True),
        ("[tool]\nblack = 1\n[other]\niza-check = 2\n", False),
    ],
)
def test_only_a_pyproject_that_gives_settings_counts(text: str, mentions: bool) -> None:
    from iza_check.cli.config import mentions_table

    assert mentions_table(text) is mentions


def test_a_pyproject_that_only_names_iza_check_does_not_hide_the_settings_above(project: Path) -> None:
    (project / "profielen" / "pyproject.toml").write_text('[project.scripts]\niza-check = "x:y"\n', encoding="utf-8")
    (project / ".iza-check.yaml").write_text("fail-on: nooit\nformat: concise\n", encoding="utf-8")
    result = _run("check", "kiem.yaml")
    assert result.exit_code == 0 and result.stdout.splitlines()[-1].startswith("1 profiel:")


@pytest.mark.parametrize(
    ("text", "where"),
    [('[tool]\niza-check = {format = "concise", lang = "fr"}\n', "2:41"), ('tool.iza-check.lang = "fr"\n', "1:23")],
)
def test_a_wrong_setting_in_an_inline_or_dotted_table_names_its_line(project: Path, text: str, where: str) -> None:
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    result = _run("check", "kiem.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{project / 'pyproject.toml'}:{where}: 'lang': kies uit nl, en"), result.stderr


def test_the_schema_is_printed_and_valid() -> None:
    result = _run("schema", "--kind", "config")
    schema = json.loads(result.stdout)
    assert schema == config_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_settings_reach_dossier(project: Path) -> None:
    (project / ".iza-check.yaml").write_text(
        "lang: en\nfail-on: nooit\nreference-date: 2028-01-01\njobs: 1\nengine: python\n", encoding="utf-8"
    )
    result = _run("dossier", "kiem.yaml", "-o", str(project / "dossier"))
    assert result.exit_code == 0, result.stderr
    assert "dossier with 1 report" in result.stderr and "--fail-on nooit" in result.stderr
    assert '<html lang="en">' in (project / "dossier" / "index.html").read_text(encoding="utf-8")
    # The reference date of the settings makes the plans' dates pass; the command line's --fail-on wins.
    assert _run("dossier", "kiem.yaml", "-o", str(project / "dossier"), "--fail-on", "verplicht").exit_code == 1
    (project / ".iza-check.yaml").write_text("max-bytes: 100\n", encoding="utf-8")
    too_big = _run("dossier", "kiem.yaml", "-o", str(project / "dossier"))
    assert too_big.exit_code == 2 and "kiem.yaml" in too_big.stderr


def test_the_settings_reach_diff(project: Path) -> None:
    (project / ".iza-check.yaml").write_text("max-bytes: 100\njobs: 1\n", encoding="utf-8")
    assert _run("diff", "kiem.yaml", "kiem.yaml").exit_code == 2  # too big for the setting
    assert _run("diff", "kiem.yaml", "kiem.yaml", "--max-bytes", "1000000").exit_code == 0
    rounds = _run("diff", ".", ".")
    assert rounds.exit_code == 2 and "kiem.yaml" in rounds.stdout + rounds.stderr


def test_every_command_with_the_option_takes_the_setting() -> None:
    """Drift: a key reaches every command that has its option (--KEY), under that option's parameter name;
    only `format` stays with check, because overview's and diff's --format have other forms."""
    import click

    from iza_check.cli.config import _APPLIES

    context = click.Context(main)
    having: dict[str, dict[str, str]] = {}

    def walk(command: click.Command, path: str) -> None:
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt[2:] in _APPLIES:
                    having.setdefault(opt[2:], {})[path] = param.name or ""
        if isinstance(command, click.Group):
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                assert sub is not None
                walk(sub, f"{path} {name}".strip())

    walk(main, "")
    for key, (commands, parameter) in _APPLIES.items():
        found = having.get(key, {})
        assert set(commands) <= set(found), (key, set(commands) - set(found))
        assert all(found[command] == parameter for command in commands), key
        if key != "format":
            assert set(commands) == set(found), (key, set(found) - set(commands))


def test_the_readme_names_every_key() -> None:
    from iza_check.cli.config import _APPLIES

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    settings = readme[readme.index("## Settings"):]
    listed = re.search(r"Keys: ((?:`[a-z-]+`(?:,\s+)?)+)", settings)
    assert listed is not None
    assert set(re.findall(r"`([a-z-]+)`", listed[1])) == set(_APPLIES)
    assert set(config_json_schema()["properties"]) == set(_APPLIES)


def test_dossier_takes_exclude_on_the_command_line_and_from_the_settings(project: Path) -> None:
    (project / "profielen" / "concepten").mkdir()
    (project / "profielen" / "concepten" / "half.yaml").write_text("initiatief:\n  naam: X\n  naam: Y\n", encoding="utf-8")
    everything = _run("dossier", ".", "-o", str(project / "alles"))
    assert everything.exit_code == 2 and "half.yaml" in everything.stderr  # the broken draft is read
    result = _run("dossier", ".", "-o", str(project / "zonder"), "--exclude", "concepten", "--reference-date", "2026-11-01")
    assert result.exit_code == 0, result.stderr
    assert sorted(path.name for path in (project / "zonder").iterdir()) == ["index.html", "kiem.html"]
    assert "half.yaml" not in (project / "zonder" / "index.html").read_text(encoding="utf-8")
    (project / ".iza-check.yaml").write_text("exclude: [profielen/concepten]\nreference-date: 2026-11-01\n", encoding="utf-8")
    settled = _run("dossier", ".", "-o", str(project / "instelling"))
    assert settled.exit_code == 0, settled.stderr
    assert sorted(path.name for path in (project / "instelling").iterdir()) == ["index.html", "kiem.html"]
    assert "--exclude" in _run("dossier", "--help").stdout


def test_settings_messages_follow_the_command_line(project: Path) -> None:
    (project / ".iza-check.yaml").write_text("formaat: concise\nfail-on: altijd\n", encoding="utf-8")
    english = CliRunner().invoke(main, ["check", "kiem.yaml", "--lang", "en"], catch_exceptions=False)
    assert english.exit_code == 2
    assert "'fail-on': choose from verplicht, aanbevolen, nooit" in english.stderr
    assert "unknown setting 'formaat'. Did you mean 'format'?" in english.stderr
    dutch = _run("check", "kiem.yaml")
    assert "onbekende instelling 'formaat'. Bedoelde u 'format'?" in dutch.stderr


def test_the_settings_lang_decides_the_output_not_the_usage(project: Path) -> None:
    """`lang: en` in the settings is the commands' --lang: their output is English; --help and usage errors
    follow the command line and the locale, as Click's own messages do (they come before the settings)."""
    (project / ".iza-check.yaml").write_text("lang: en\n", encoding="utf-8")
    (project / "leeg").mkdir()
    result = _run("check", str(project / "leeg"))
    assert result.exit_code == 2 and "No profiles found" in result.stderr
    assert "1 profile:" in _run("check", "kiem.yaml", "--format", "concise").stdout
    assert _run("check", "--help").stdout.startswith("Gebruik:")
