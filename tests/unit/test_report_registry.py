"""The registry, and properties every format keeps for any text a profile can hold."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixtures import empty_report, hostile_report, report_with_text, sample_report

from iza_check.report.registry import EXTENSIONS, REPORTERS, render

FORMATS = ("text", "html", "markdown", "json", "sarif", "junit", "github", "concise", "gitlab")


def test_all_formats_are_registered() -> None:
    assert tuple(REPORTERS) == FORMATS
    assert set(EXTENSIONS) == set(FORMATS)


@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_format_renders_every_fixture(name: str, lang: str) -> None:
    for build in (sample_report, hostile_report, empty_report):
        out = render(name, build(), lang=lang)
        assert isinstance(out, str)
        out.encode("utf-8")
        assert out == render(name, build(), lang=lang), "output must be deterministic"


@pytest.mark.parametrize("name", ["html", "markdown", "json", "sarif", "junit", "text"])
def test_languages_give_different_output(name: str) -> None:
    assert render(name, sample_report(), lang="nl") != render(name, sample_report(), lang="en")


def test_unknown_format_or_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'; choose one of: text, html"):
        render("pdf", sample_report())
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        render("text", sample_report(), lang="fr")


class _ScriptFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs += [name for name, _ in attrs]


_PIECES = ["]]>", "::", "<script>", "%0A", "javascript:", "@team", "\r\n", "- ", "1. "]
_TEXT = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=8),
        st.text(alphabet=list("<>&\"'`|*_[]()#%:,\\\n\r\t\x00\x1b\u202e\ud800"), min_size=1, max_size=4),
        st.sampled_from(_PIECES),
    ),
    min_size=1,
    max_size=8,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(text=_TEXT)
def test_no_text_breaks_any_format(text: str) -> None:
    report = report_with_text(text)
    outputs = {name: render(name, report) for name in FORMATS}
    for out in outputs.values():
        out.encode("utf-8")
    finder = _ScriptFinder()
    finder.feed(outputs["html"])
    assert "script" not in finder.tags and not any(a.startswith("on") for a in finder.attrs)
    assert json.loads(outputs["json"])["profiles"][0]["naam"] == text.translate(
        {c: "\ufffd" for c in range(0xD800, 0xE000)}
    )
    json.loads(outputs["sarif"])
    ET.fromstring(outputs["junit"].encode("utf-8"))
    assert all(line.startswith("::") for line in outputs["github"].splitlines())
    assert "\x1b" not in outputs["text"] and "\x00" not in outputs["text"]


def test_a_format_streams_exactly_when_its_module_has_the_pieces() -> None:
    import importlib

    from iza_check.report.registry import _MODULES, stream_format

    for name in FORMATS:
        module = importlib.import_module(f"iza_check.report.{_MODULES[name]}")
        assert (stream_format(name) is not None) == hasattr(module, "STREAM"), name


def test_checking_one_profile_imports_only_the_chosen_format() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from iza_check.report.registry import render, stream_format; stream_format('json'); "
        "print(sorted(m for m in sys.modules if m.startswith('iza_check.report.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "iza_check.report.json_report" in out
    assert "iza_check.report.html" not in out and "iza_check.report.sarif" not in out
