"""One source, generated artefacts: these fail when a committed artefact drifts from its source."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import jsonschema
import pytest

from iza_check.generated import ARTEFACTS, REGENERATE
from iza_check.profile.schema import profile_json_schema


@pytest.mark.parametrize("name", sorted(ARTEFACTS))
def test_a_generated_file_matches_its_source(repo: Path, name: str) -> None:
    committed = (repo / name).read_text(encoding="utf-8")
    assert committed == ARTEFACTS[name](), f"{name} is out of date: run `{REGENERATE}` and review the diff"


def test_every_generated_file_is_listed(repo: Path) -> None:
    """A schema or rule doc that is not in the list would drift unnoticed."""
    present = {f"schema/{p.name}" for p in (repo / "schema").glob("*.json")}
    present |= {"docs/regels.md", "docs/rules.en.md"}
    assert present <= set(ARTEFACTS)


def test_profile_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(profile_json_schema())


def test_ci_runs_the_readme_test_command(repo: Path) -> None:
    readme = (repo / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, flags=re.S)
    assert len(blocks) >= 2
    test_command = blocks[1].strip()
    assert "pytest" in test_command
    ci = (repo / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_readme_main_command_checks_the_example_profiles(repo: Path) -> None:
    readme = (repo / "README.md").read_text(encoding="utf-8")
    main_command = re.findall(r"```bash\n(.*?)\n```", readme, flags=re.S)[0]
    assert "iza-check check profiles/" in main_command


def test_example_profiles_carry_the_editor_schema_line(repo: Path) -> None:
    profiles = sorted((repo / "profiles").glob("*.yaml"))
    assert len(profiles) >= 5
    for path in profiles:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/profile.schema.json", path


def test_every_subpackage_is_listed_for_installation(repo: Path) -> None:
    import tomllib

    config = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    source = repo / "src"
    found = {
        ".".join(init.parent.relative_to(source).parts)
        for init in source.rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert "iza_check.catalogue" in listed


def test_every_data_file_of_the_package_is_installed(repo: Path) -> None:
    """A file beside the modules that is not Python (questions, labels, rules, schemas) is package data."""
    import fnmatch
    import tomllib

    config = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    patterns: dict[str, list[str]] = config["tool"]["setuptools"]["package-data"]
    source = repo / "src"
    listing = subprocess.run(["git", "ls-files", "--", "src/iza_check"], cwd=repo, capture_output=True, text=True)
    if listing.returncode != 0:
        pytest.skip("not a git checkout: the files of the package are not known")
    tracked = listing.stdout.split()
    missing = []
    for name in tracked:
        path = repo / name
        if path.suffix in (".py", ".typed") or "__pycache__" in path.parts:
            continue
        package = ".".join(path.parent.relative_to(source).parts)
        if not any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns.get(package, [])):
            missing.append(name)
    assert missing == [], "add to [tool.setuptools.package-data]"


def test_the_profile_schema_describes_its_parts_in_dutch() -> None:
    from iza_check.profile.schema import DESCRIPTIONS

    schema = profile_json_schema()
    described = {name for name, d in schema["$defs"].items() if "description" in d} | {"Profile"}
    assert described == set(DESCRIPTIONS), "each described part of the schema needs a Dutch text in DESCRIPTIONS"
    assert schema["description"] == DESCRIPTIONS["Profile"]
    assert all(d.get("description", DESCRIPTIONS.get(n)) == DESCRIPTIONS.get(n) for n, d in schema["$defs"].items())


def test_regenerating_with_a_broken_rule_file_says_where(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import iza_check.generated as generated
    from iza_check.problems import InputError, Problem

    def broken() -> str:
        raise InputError([Problem("rules/x.yaml", "onbekend veld 'aanwezg'", "unknown-path", 3, 5)])

    monkeypatch.setitem(generated.ARTEFACTS, "docs/regels.md", broken)
    for folder in ("schema", "docs"):
        (tmp_path / folder).mkdir()
    assert generated.main([str(tmp_path)]) == 2
    assert "rules/x.yaml:3:5: onbekend veld 'aanwezg'" in capsys.readouterr().err
