"""The pre-commit hooks and the CI files in docs/ci/: every command in them is run here, so none can rot."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

pytestmark = pytest.mark.slow  # runs the pre-commit and CI commands as subprocesses; deselect with -m "not slow"

REPO = Path(__file__).resolve().parents[2]
HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
EXAMPLES = REPO / "profiles"


def _command(words: list[str]) -> list[str]:
    """``iza-check ...`` as this environment runs it: the installed script next to this Python."""
    assert words[0] == "iza-check", words
    script = shutil.which("iza-check", path=str(Path(sys.executable).parent))
    head = [script] if script else [sys.executable, "-m", "iza_check"]
    return head + words[1:]


def _run(words: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_command(words), cwd=cwd, capture_output=True, text=True, timeout=300, check=False)


def test_the_hooks_file_has_what_pre_commit_needs() -> None:
    assert [hook["id"] for hook in HOOKS] == ["iza-check-validate", "iza-check"]
    for hook in HOOKS:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        assert shlex.split(hook["entry"])[0] == "iza-check"
        pattern = re.compile(hook["files"])
        assert pattern.search("profiles/de-brug.yaml") and pattern.search("regio/profiles/x.yml")
        assert not pattern.search("rules/kenmerken.yaml")


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "profiles")
    (tmp_path / "kapot.yaml").write_text("toegang:\n  indicatie_nodig: nee\n", encoding="utf-8")
    return tmp_path


# hook id -> exit code for: the mature centre, the coffee corner (gaps in required rules, no plans), a broken file
HOOK_EXPECTATIONS = {"iza-check-validate": (0, 0, 2), "iza-check": (0, 1, 2)}


@pytest.mark.parametrize("hook", HOOKS, ids=[hook["id"] for hook in HOOKS])
def test_each_hook_entry_runs_on_the_files_pre_commit_passes(hook: dict[str, Any], workdir: Path) -> None:
    entry = shlex.split(hook["entry"]) + list(hook.get("args", []))
    files = ("profiles/zelfregiecentrum-de-brug.yaml", "profiles/inloop-koffie-welzijn.yaml", "kapot.yaml")
    codes = []
    for name in files:
        result = _run([*entry, name], workdir)
        assert "Traceback" not in result.stderr, result.stderr
        codes.append(result.returncode)
    assert tuple(codes) == HOOK_EXPECTATIONS[hook["id"]]
    broken = _run([*entry, "kapot.yaml"], workdir)
    assert "kapot.yaml:2:20:" in broken.stdout + broken.stderr


def _ci_commands() -> list[tuple[str, str]]:
    github = yaml.safe_load((REPO / "docs" / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((REPO / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    lines = [("github", step["run"]) for job in github["jobs"].values() for step in job["steps"] if "run" in step]
    lines += [("gitlab", line) for job in gitlab.values() for line in job["script"]]
    # "|| true" keeps a report step from ending the job early: the command itself is what is tested.
    lines = [(where, line.removesuffix(" || true")) for where, line in lines]
    return [(where, line) for where, line in lines if line.startswith("iza-check ")]


CI_COMMANDS = _ci_commands()


def test_the_ci_files_lint_validate_and_report() -> None:
    commands = CI_COMMANDS
    assert {where for where, _ in commands} == {"github", "gitlab"}
    assert any("--format sarif" in line for _, line in commands)


@pytest.mark.parametrize(("where", "line"), CI_COMMANDS, ids=[f"{w}: {c}" for w, c in CI_COMMANDS])
def test_each_ci_command_runs_on_the_example_profiles(where: str, line: str, tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "profiles")
    words = shlex.split(line)
    result = _run(words, tmp_path)
    assert "Traceback" not in result.stderr, result.stderr
    expected = 1 if "--fail-on verplicht" in line else 0  # the examples have gaps; never means never
    assert result.returncode == expected, result.stdout[-2000:] + result.stderr[-2000:]
    if "--output" in words:
        output = tmp_path / words[words.index("--output") + 1]
        if "sarif" in line:
            document = json.loads(output.read_text(encoding="utf-8"))
            assert document["version"] == "2.1.0" and document["runs"][0]["results"]
        elif "junit" in line:
            assert ET.parse(output).getroot().tag == "testsuites"
        elif "gitlab" in line:
            issues = json.loads(output.read_text(encoding="utf-8"))
            assert issues and all({"description", "fingerprint", "severity", "location"} <= set(i) for i in issues)
            assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_the_github_recipe_shows_everything_whatever_a_step_found() -> None:
    github = yaml.safe_load((REPO / "docs" / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = [step for job in github["jobs"].values() for step in job["steps"]]
    checks = [step for step in steps if str(step.get("run", "")).startswith("iza-check ")]
    assert all(step.get("if", "").startswith("always()") for step in checks)
    assert checks[-1]["run"].endswith("--format concise --fail-on verplicht")  # the full log decides the job
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    assert upload["uses"].endswith("@v4") and "head.repo.full_name == github.repository" in upload["if"]


def test_the_ci_guide_names_every_hook_and_file() -> None:
    guide = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    for hook in HOOKS:
        assert f"id: {hook['id']}" in guide
    assert "ci/github-workflow.yml" in guide and "ci/gitlab-ci.yml" in guide


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "iza_check", "--version"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0 and result.stdout.startswith("iza-check, version ")
