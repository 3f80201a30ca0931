"""Several formats from one ``check`` run: ``--format FMT=PATH`` (repeatable) beside one ``--format FMT`` for
stdout or ``-o``. The profiles are checked once, every report comes from the same outcomes (byte for byte what
a run in that one format writes), the exit code is worked out once, and the usual guarantees hold for each file:
never over an input, atomic, nothing half-written after Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import json
import shlex
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from iza_check import checker
from iza_check.assess.findings import FileOutcome
from iza_check.cli import run
from iza_check.cli.main import main
from iza_check.report.registry import FORMATS, stream_format
from iza_check.stop import Terminated

REPO = Path(__file__).resolve().parents[2]
PROFILES = REPO / "profiles"
PEILDATUM = "2026-11-01"
BROKEN = "initiatief:\n  naam: X\n  naam: Y\n"
WHOLE = [fmt for fmt in FORMATS if stream_format(fmt) is None]
STREAMING = [fmt for fmt in FORMATS if stream_format(fmt) is not None]
TALLY = f"{len(list(PROFILES.glob('*.yaml')))} profielen: "  # the examples; the broken file is counted apart


def _check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", *args, "--reference-date", PEILDATUM], catch_exceptions=False)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example profiles and a broken one in profielen/, the working directory one above."""
    shutil.copytree(PROFILES, tmp_path / "profielen")
    (tmp_path / "profielen" / "kapot.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _files(folder: Path) -> dict[str, bytes]:
    """Every file outside profielen/ (reports, and any temporary file left behind)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_one_run_writes_every_format_as_a_run_in_that_format_alone(folder: Path) -> None:
    targets = [f"{fmt}=uit.{fmt}" for fmt in FORMATS if fmt != "concise"]
    args = [arg for target in targets for arg in ("--format", target)]
    together = _check("profielen", "--format", "concise", *args, "-j", "1")
    assert together.exit_code == 2, together.output  # kapot.yaml
    for fmt in FORMATS:
        alone = _check("profielen", "--format", fmt, "-j", "1")
        assert alone.exit_code == together.exit_code
        written = together.stdout if fmt == "concise" else (folder / f"uit.{fmt}").read_text(encoding="utf-8")
        assert written == alone.stdout, fmt
    assert not [name for name in _files(folder) if name.endswith(".tmp")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_streaming_formats_together_from_the_workers_equal_each_alone(tmp_path: Path, jobs: str) -> None:
    """Every target streams: the workers render every format (one message per profile), also in a pool."""
    for n in range(20):  # more than checker._POOL_THRESHOLD
        source = sorted(PROFILES.glob("*.yaml"))[n % 5]
        shutil.copy(source, tmp_path / f"p{n:02}.yaml")
    out = tmp_path.parent / f"{tmp_path.name}-uit"
    out.mkdir()
    args = [arg for fmt in STREAMING if fmt != "text" for arg in ("--format", f"{fmt}={out / fmt}")]
    together = _check(str(tmp_path), "--format", "text", *args, "-j", jobs)
    assert together.exit_code == 1, together.output
    for fmt in STREAMING:
        alone = _check(str(tmp_path), "--format", fmt, "-j", "1")
        written = together.stdout if fmt == "text" else (out / fmt).read_text(encoding="utf-8")
        assert written == alone.stdout, fmt


def test_the_profiles_are_checked_once(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[str] = []
    original = checker.Checker.check_file

    def counting(self: checker.Checker, path: Path) -> FileOutcome:
        checked.append(str(path))
        return original(self, path)

    monkeypatch.setattr(checker.Checker, "check_file", counting)
    result = _check("profielen", "--format", "concise", "--format", "sarif=a.sarif", "--format", "json=a.json",
                    "--format", "junit=a.xml", "-j", "1")
    assert result.exit_code == 2
    assert len(checked) == len(set(checked)) == len(list((folder / "profielen").glob("*.yaml")))


def test_the_line_on_stderr_names_every_file_and_the_one_exit_code(folder: Path) -> None:
    result = _check("profielen", "--format", "concise", "--format", "sarif=a.sarif", "--format", "junit=a.xml")
    assert result.exit_code == 2
    line = result.stderr.splitlines()[-1]
    assert line.startswith(f"a.sarif: sarif, a.xml: junit · {TALLY}")
    assert line.endswith("exitcode 2: ongeldige invoer: niet elk bestand kon worden gelezen")
    # The report on stdout lists the unreadable file; stderr does not repeat it.
    assert "kapot.yaml:3:3:" in result.stdout and "kapot.yaml" not in result.stderr


def test_without_a_report_on_stdout_stderr_names_the_unreadable_files(folder: Path) -> None:
    result = _check("profielen", "--format", "sarif=a.sarif", "--format", "github=a.txt", "--lang", "en")
    assert result.exit_code == 2 and result.stdout == ""  # every format has its file: stdout stays empty
    lines = result.stderr.splitlines()
    assert any("kapot.yaml:3:3:" in line for line in lines)
    assert lines[-1].startswith(f"a.sarif: sarif, a.txt: github · {TALLY.replace('profielen', 'profiles')}")
    assert lines[-1].endswith("exitcode 2: invalid input: not every file could be read")


def test_output_gets_the_plain_format_or_the_default(folder: Path) -> None:
    result = _check("profielen", "--format", "json", "--format", "sarif=a.sarif", "-o", "rapport.json")
    assert result.exit_code == 2 and result.stdout == ""
    assert json.loads((folder / "rapport.json").read_text(encoding="utf-8"))["format_version"]
    assert result.stderr.splitlines()[-1].startswith("rapport.json: json, a.sarif: sarif · ")
    default = _check("profielen", "--format", "sarif=b.sarif", "-o", "log.txt")
    assert (folder / "log.txt").read_text(encoding="utf-8").splitlines()[-1].startswith(TALLY)  # concise
    assert default.stderr.splitlines()[-1].startswith("log.txt: concise, b.sarif: sarif · ")


def test_quiet_goes_to_stdout_beside_the_files(folder: Path) -> None:
    result = _check("profielen", "-q", "--format", "sarif=a.sarif")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[-1].startswith(TALLY) and len(result.stdout.splitlines()) == 2
    assert (folder / "a.sarif").exists()


def test_dash_as_a_target_is_stdout(folder: Path) -> None:
    result = _check("profielen", "--format", "json=-", "--format", "junit=a.xml")
    assert json.loads(result.stdout)["format_version"] and (folder / "a.xml").exists()
    assert not (folder / "-").exists()


# Usage errors: exit 2, a Dutch line, nothing checked or written.


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml=a.xml"], "'xml' is niet een van"),
        (["--format", "pdf"], "'pdf' is niet een van"),
        (["--format", "sarif="], "na 'sarif=' hoort een bestand"),
        (["--format", "sarif=profielen"], "is een map"),
        (["--format", "concise", "--format", "json"], "Hoogstens één --format zonder bestand"),
        (["--format", "concise", "--format", "json=-"], "Hoogstens één rapportvorm kan naar het scherm"),
        (["--format", "sarif=a", "--format", "junit=a"], "a: twee rapportvormen (sarif en junit) naar hetzelfde bestand"),
        (["--format", "sarif=./a", "--format", "junit=sub/../a"], "twee rapportvormen (sarif en junit)"),
        (["--format", "json", "-o", "a", "--format", "sarif=a"], "a: twee rapportvormen (json en sarif)"),
        (["--format", "csv=a.csv"], "De vorm csv hoort bij de samenvatting"),
        (["--summary", "--format", "text", "--format", "html"], "--summary maakt één overzicht in één vorm"),
        (["--summary", "--format", "html=a.html"], "--summary maakt één overzicht in één vorm"),
        (["-q", "--format", "json", "--format", "sarif=a"], "--quiet hoort bij de vorm concise"),
    ],
)
def test_formats_that_do_not_go_together_are_a_usage_error(folder: Path, args: list[str], message: str) -> None:
    (folder / "sub").mkdir()
    before = _files(folder)
    result = _check("profielen", *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr, result.stderr
    assert result.stdout == "" and "Traceback" not in result.output
    assert _files(folder) == before


@pytest.mark.parametrize("target", ["profielen/naasten-steunpunt.yaml", "link.yaml"])
def test_no_target_may_be_an_input(folder: Path, target: str) -> None:
    (folder / "link.yaml").symlink_to(folder / "profielen" / "naasten-steunpunt.yaml")
    before = (folder / "profielen" / "naasten-steunpunt.yaml").read_bytes()
    result = _check("profielen", "--format", "concise", "--format", "json=a.json", "--format", f"sarif={target}")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{target}: dit uitvoerbestand is het invoerbestand" in result.stderr
    assert "Kies een ander bestand voor --format sarif=BESTAND." in result.stderr
    assert (folder / "profielen" / "naasten-steunpunt.yaml").read_bytes() == before
    assert not (folder / "a.json").exists()


def test_a_target_that_cannot_be_written_is_named_and_no_other_is_half_written(folder: Path) -> None:
    (folder / "a.json").write_text("oud\n", encoding="utf-8")
    result = _check("profielen", "--format", "json=a.json", "--format", "sarif=ontbreekt/b.sarif")
    assert result.exit_code == 2
    assert "ontbreekt/b.sarif: kan niet schrijven" in result.stderr and "Traceback" not in result.output
    assert _files(folder) == {"a.json": b"oud\n"}  # kept as it was, no temporary file left behind


@pytest.mark.parametrize(("stop", "code"), [(KeyboardInterrupt, 130), (Terminated, 143)])
def test_a_stop_halfway_leaves_every_file_as_it_was(folder: Path, monkeypatch: pytest.MonkeyPatch,
                                                    stop: type[BaseException], code: int) -> None:
    for name in ("a.json", "a.sarif", "a.txt"):
        (folder / name).write_text("oud\n", encoding="utf-8")

    def stopping(outcomes: Iterable[Any], *_args: Any, **_kwargs: Any) -> Iterator[Any]:
        for number, outcome in enumerate(outcomes):
            if number == 3:
                raise stop()
            yield outcome

    monkeypatch.setattr(run, "with_progress", stopping)
    result = CliRunner().invoke(main, ["check", "profielen", "--format", "json=a.json", "--format", "sarif=a.sarif",
                                       "--format", "concise=a.txt", "-j", "1"])
    assert result.exit_code == code, result.output
    assert "Afgebroken" in result.stderr
    assert _files(folder) == {"a.json": b"oud\n", "a.sarif": b"oud\n", "a.txt": b"oud\n"}


def test_beyond_the_bound_the_whole_report_formats_are_left_out_and_the_log_shows_all(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "WHOLE_REPORT_MAX_PROFILES", 3)
    result = _check("profielen", "--format", "concise", "--format", "sarif=a.sarif", "--format", "json=a.json",
                    "-j", "1")
    assert result.exit_code == 2, result.output
    assert result.stdout.splitlines()[-1].startswith(TALLY)  # every profile in the log
    assert "--format sarif maakt één document van het hele rapport en is daarom begrensd op 3 profielen; " \
           f"dit zijn er {len(list((folder / 'profielen').glob('*.yaml')))}." in result.stderr
    assert not (folder / "a.sarif").exists() and (folder / "a.json").exists()
    assert result.stderr.splitlines()[-1].endswith("exitcode 2: niet geschreven, te veel profielen: --format sarif")
    # Only whole-report formats: nothing is checked or written, as for one such format.
    only = _check("profielen", "--format", "sarif=b.sarif", "--format", "junit=b.xml")
    assert only.exit_code == 2 and "Er is niets gecontroleerd of geschreven." in only.stderr
    assert not (folder / "b.sarif").exists() and not (folder / "b.xml").exists()


def test_the_settings_format_is_one_value(folder: Path) -> None:
    (folder / ".iza-check.yaml").write_text("format: [concise, sarif]\n", encoding="utf-8")
    result = _check("profielen")
    assert result.exit_code == 2 and result.stderr.startswith(f"{folder / '.iza-check.yaml'}:1:9: 'format': kies uit")
    (folder / ".iza-check.yaml").write_text("format: json\n", encoding="utf-8")
    assert json.loads(_check("profielen").stdout)["format_version"]
    beside = _check("profielen", "--format", "concise", "--format", "sarif=a.sarif")  # the command line wins
    assert beside.stdout.splitlines()[-1].startswith(TALLY) and (folder / "a.sarif").exists()


# The CI recipes in docs/ci/: one check writes every report the later steps use.


def _recipe_commands() -> list[tuple[str, str]]:
    github = yaml.safe_load((REPO / "docs" / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((REPO / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    lines = [("github", s["run"]) for job in github["jobs"].values() for s in job["steps"] if "run" in s]
    lines += [("gitlab", line) for job in gitlab.values() for line in job["script"]]
    return [(where, line) for where, line in lines if line.startswith("iza-check ")]


def _targets(line: str) -> dict[str, str]:
    words = shlex.split(line)
    specs = [words[i + 1] for i, word in enumerate(words) if word == "--format"]
    return dict(spec.split("=", 1) for spec in specs if "=" in spec)


def test_each_recipe_checks_once_and_writes_log_and_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    commands = _recipe_commands()
    assert sorted(where for where, _ in commands) == ["github", "gitlab"]  # one check each
    for where, line in commands:
        folder = tmp_path / where
        shutil.copytree(PROFILES, folder / "profiles")
        monkeypatch.chdir(folder)
        result = CliRunner().invoke(main, shlex.split(line)[1:], catch_exceptions=False)
        assert result.exit_code == 1, result.output  # gaps in required rules: the job fails
        assert result.stdout.splitlines()[-1].startswith(TALLY)  # the concise log, everything
        targets = _targets(line)
        assert set(targets) == ({"sarif", "github"} if where == "github" else {"gitlab", "junit"})
        for fmt, path in targets.items():
            text = (folder / path).read_text(encoding="utf-8")
            if fmt == "sarif":
                assert json.loads(text)["version"] == "2.1.0" and json.loads(text)["runs"][0]["results"]
            elif fmt == "junit":
                assert ET.fromstring(text).tag == "testsuites"
            elif fmt == "gitlab":
                issues = json.loads(text)
                assert issues and len({i["fingerprint"] for i in issues}) == len(issues)
            else:
                assert text.startswith("::")


def test_the_github_recipe_uses_what_the_check_wrote_whatever_it_found() -> None:
    github = yaml.safe_load((REPO / "docs" / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = [step for job in github["jobs"].values() for step in job["steps"]]
    index = next(i for i, step in enumerate(steps) if str(step.get("run", "")).startswith("iza-check "))
    targets = _targets(steps[index]["run"])
    assert steps[index]["run"].endswith("--format concise --fail-on verplicht")  # the log decides the job
    later = steps[index + 1:]
    assert later and all(step.get("if", "").startswith("always()") for step in [steps[index], *later])
    upload = next(step for step in later if "upload-sarif" in step.get("uses", ""))
    assert upload["with"]["sarif_file"] == targets["sarif"] and f"hashFiles('{targets['sarif']}')" in upload["if"]
    annotations = next(step for step in later if targets["github"] in step.get("run", ""))
    assert annotations["run"] == f"cat {targets['github']}"


def test_the_gitlab_recipe_keeps_what_the_check_wrote() -> None:
    gitlab = yaml.safe_load((REPO / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    job = gitlab["iza-check"]
    [line] = [line for line in job["script"] if line.startswith("iza-check ")]
    targets = _targets(line)
    assert line.endswith("--format concise --fail-on verplicht") and "|| true" not in line
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"] == {"codequality": targets["gitlab"], "junit": targets["junit"]}
    assert sorted(job["artifacts"]["paths"]) == sorted(targets.values())


def test_whole_and_streaming_formats_come_from_the_one_registry() -> None:
    assert set(WHOLE) == {"html", "sarif", "junit", "gitlab"}
    help_text = CliRunner().invoke(main, ["check", "--help"]).stdout
    assert all(fmt in help_text for fmt in FORMATS) and "VORM[=BESTAND]" in help_text
