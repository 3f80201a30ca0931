"""How the reports for people are shown from the command line: the appendix on request, the terminal's width."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from iza_check.cli.main import main

EXAMPLE = Path(__file__).resolve().parents[2] / "profiles" / "herstelacademie-ggz.yaml"
DATE = ("--reference-date", "2026-11-01")


def _check(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(main, ["check", str(EXAMPLE), *DATE, *args], env=env)
    assert result.exit_code in (0, 1), result.output
    return result.output


def test_the_appendix_comes_on_request_in_text_and_markdown() -> None:
    plain = _check()
    assert "Bijlage: alle criteria met hun feiten" not in plain and "(regel " not in plain
    full = _check("--appendix")
    assert "Bijlage: alle criteria met hun feiten" in full and "(regel " in full
    assert "Vragen van de financier" in full
    assert "Bijlage: alle criteria met hun feiten" in _check("--appendix", "--format", "markdown")


def test_html_always_has_the_appendix_folded_and_open_on_request(tmp_path: Path) -> None:
    folded, opened = tmp_path / "a.html", tmp_path / "b.html"
    _check("--format", "html", "-o", str(folded))
    _check("--format", "html", "-o", str(opened), "--appendix")
    assert '<details class="appendix"><summary>' in folded.read_text(encoding="utf-8")
    assert '<details class="appendix" open><summary>' in opened.read_text(encoding="utf-8")


def test_one_run_gives_each_format_its_appendix(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    out = _check("--appendix", "--format", "text", "--format", f"markdown={target}", "--format", f"json={tmp_path / 'r.json'}")
    assert "Bijlage: alle criteria" in out and "### Bijlage: alle criteria" in target.read_text(encoding="utf-8")


def _widest(report: str) -> int:
    """The longest line of wrapped text: not the heading, nor the profile's path, quoted whole (it is as long as
    the directory the tests run in)."""
    lines = report.splitlines()[1:]
    return max(len(line) for line in lines if str(EXAMPLE) not in line)


def test_text_follows_the_width_of_the_terminal() -> None:
    narrow = _check(env={"COLUMNS": "70"})
    assert _widest(narrow) <= 70
    wide = _check(env={"COLUMNS": "140"})
    assert _widest(wide) > 100
    assert len(wide.splitlines()) < len(narrow.splitlines())
    tiny = _check(env={"COLUMNS": "20"})  # too narrow to read: the text keeps a minimum width
    assert _widest(tiny) <= 60
    assert f"Bestand: {EXAMPLE}" in tiny


def test_a_file_gets_the_default_width_whatever_the_terminal(tmp_path: Path) -> None:
    target = tmp_path / "r.txt"
    _check("-o", str(target), env={"COLUMNS": "140"})
    assert _widest(target.read_text(encoding="utf-8")) <= 100
