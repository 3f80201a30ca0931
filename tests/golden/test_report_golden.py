"""Exact expected output per format, for two fixture reports, in both languages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from report_fixtures import FIXTURES

from iza_check.report.registry import REPORTERS, VIEWED, render
from iza_check.report.stream import View

EXPECTED = Path(__file__).resolve().parent / "expected"

SUFFIX = {
    "text": "txt",
    "html": "html",
    "markdown": "md",
    "json": "json",
    "sarif": "sarif",
    "junit": "junit.xml",
    "github": "github.txt",
    "concise": "concise.txt",
    "gitlab": "gitlab.json",
}
CASES = [(fixture, lang, name) for fixture in FIXTURES for lang in ("nl", "en") for name in REPORTERS]
# The reports for people with their appendix (--appendix).
APPENDIX_CASES = [("sample", lang, name) for lang in ("nl", "en") for name in sorted(VIEWED)]


def _file_name(fixture: str, lang: str, name: str, *, appendix: bool = False) -> str:
    return f"{fixture}.{lang}.{'appendix.' if appendix else ''}{SUFFIX[name]}"


@pytest.mark.parametrize(("fixture", "lang", "name"), CASES)
def test_output_matches_golden_file(fixture: str, lang: str, name: str, golden: Callable[[str, str], None]) -> None:
    golden(_file_name(fixture, lang, name), render(name, FIXTURES[fixture](), lang=lang))


@pytest.mark.parametrize(("fixture", "lang", "name"), APPENDIX_CASES)
def test_the_appendix_matches_golden_file(fixture: str, lang: str, name: str, golden: Callable[[str, str], None]) -> None:
    view = View(appendix=True)
    golden(_file_name(fixture, lang, name, appendix=True), render(name, FIXTURES[fixture](), lang=lang, view=view))


def test_every_format_has_a_suffix_and_no_golden_file_is_orphaned() -> None:
    assert set(SUFFIX) == set(REPORTERS)
    wanted = {_file_name(*case) for case in CASES} | {_file_name(*case, appendix=True) for case in APPENDIX_CASES}
    present = {path.name for path in EXPECTED.iterdir() if path.is_file()}
    assert present - wanted == set(), "golden files without a test: delete them"
