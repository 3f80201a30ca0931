"""html, sarif and junit are one document made from the whole report in memory: they are bounded, with a
clear message and exit 2 before anything is checked, and json and concise stream any number (issue 17)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from iza_check.cli import run
from iza_check.cli.main import main

REPO = Path(__file__).resolve().parents[2]


def _profiles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        shutil.copy(REPO / "profiles" / "starter-vrijwilligers.yaml", folder / f"p{n}.yaml")
    return folder


@pytest.mark.parametrize("fmt", ["html", "sarif", "junit"])
def test_a_whole_report_format_beyond_its_bound_is_refused(tmp_path: Path, fmt: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run, "WHOLE_REPORT_MAX_PROFILES", 3)
    folder = _profiles(tmp_path / "p", 4)
    out = tmp_path / f"uit.{fmt}"
    result = CliRunner().invoke(main, ["check", str(folder), "--format", fmt, "-j", "1", "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"--format {fmt} maakt één document van het hele rapport en is daarom begrensd op 3 profielen; " \
           "dit zijn er 4." in result.output
    assert "--format json of --format concise" in result.output
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["p"]


@pytest.mark.parametrize("fmt", ["html", "sarif", "junit", "json", "concise"])
def test_up_to_the_bound_and_streaming_formats_are_not_refused(tmp_path: Path, fmt: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run, "WHOLE_REPORT_MAX_PROFILES", 3)
    folder = _profiles(tmp_path / "p", 3 if fmt in ("html", "sarif", "junit") else 5)
    result = CliRunner().invoke(main, ["check", str(folder), "--format", fmt, "-j", "1", "-o", str(tmp_path / "uit")])
    assert result.exit_code in (0, 1), result.output
    assert (tmp_path / "uit").stat().st_size > 0


def test_the_bound_is_the_documented_one() -> None:
    assert run.WHOLE_REPORT_MAX_PROFILES == 1000
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "1,000 profiles" in readme
