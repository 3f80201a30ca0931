"""The HTML report: self-contained, accessible, printable, and every quoted text escaped."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import pairwise

import pytest
from report_fixtures import SCRIPT, empty_report, hostile_report, sample_report

from iza_check.report import html
from iza_check.report.stream import View


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str | None]
    text: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    """Every element in document order, with the text directly inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[_Element] = []
        self.stack: list[_Element] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = _Element(tag, dict(attrs))
        self.elements.append(element)
        if tag not in ("br", "meta", "link", "img", "input", "hr"):
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.stack:
            self.stack[-1].text.append(data)

    def all(self, tag: str) -> list[_Element]:
        return [e for e in self.elements if e.tag == tag]


def _parse(doc: str) -> _Collector:
    collector = _Collector()
    collector.feed(doc)
    collector.close()
    return collector


@pytest.fixture(params=["sample-nl", "sample-en", "hostile-nl", "hostile-en"])
def rendered(request: pytest.FixtureRequest) -> tuple[str, str, _Collector]:
    name, lang = request.param.split("-")
    report = sample_report() if name == "sample" else hostile_report()
    doc = html.render(report, lang=lang)
    return lang, doc, _parse(doc)


def test_document_is_self_contained(rendered: tuple[str, str, _Collector]) -> None:
    _, doc, parsed = rendered
    assert doc.startswith("<!DOCTYPE html>")
    assert parsed.all("script") == [] and parsed.all("link") == [] and parsed.all("img") == []
    assert not any("src" in e.attrs for e in parsed.elements)
    style = "".join("".join(e.text) for e in parsed.all("style"))
    assert "@import" not in style and "url(" not in style


def test_language_and_heading_hierarchy(rendered: tuple[str, str, _Collector]) -> None:
    lang, _, parsed = rendered
    assert [e.attrs.get("lang") for e in parsed.all("html")] == [lang]
    levels = [int(e.tag[1]) for e in parsed.elements if e.tag in ("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in pairwise(levels)), "a heading level is skipped"


def test_table_headers_have_a_scope(rendered: tuple[str, str, _Collector]) -> None:
    _, _, parsed = rendered
    headers = parsed.all("th")
    assert headers
    assert {e.attrs.get("scope") for e in headers} <= {"col", "row"}


def test_outcomes_are_words_not_only_colour(rendered: tuple[str, str, _Collector]) -> None:
    lang, _, parsed = rendered
    labels = {
        "nl": ("voldoet", "deels", "voldoet niet", "onbekend"),
        "en": ("meets", "partly", "does not meet", "unknown"),
    }
    outcome_text = " ".join("".join(e.text) for e in parsed.elements if "oc" in (e.attrs.get("class") or "").split())
    for label in labels[lang]:
        assert label in outcome_text


def test_links_are_anchors_or_web_addresses(rendered: tuple[str, str, _Collector]) -> None:
    _, _, parsed = rendered
    ids = {e.attrs["id"] for e in parsed.elements if e.attrs.get("id")}
    for a in parsed.all("a"):
        href = a.attrs.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in ids, href
        else:
            assert href.startswith("https://"), href


def test_no_control_characters_reach_the_document(rendered: tuple[str, str, _Collector]) -> None:
    _, doc, _ = rendered
    assert not any(ord(ch) < 0x20 and ch != "\n" for ch in doc)


def test_hostile_text_is_escaped_and_shown() -> None:
    doc = html.render(hostile_report())
    parsed = _parse(doc)
    text = "".join(parsed.text)
    assert SCRIPT in text, "the markup must be visible as text"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    assert "<script>" not in doc
    assert "&quot;quotes&quot; &amp; ampersands" in doc
    assert "javascript:" not in "".join(a.attrs.get("href") or "" for a in parsed.all("a"))
    assert "\ufffd" in text


def test_the_coordinator_reads_the_verdict_then_what_changes_it_then_the_rest() -> None:
    doc = html.render(sample_report())
    order = [
        "Op de groeiroute: de kern is er, nog niet alle kenmerken",
        ">Eerst: wat het oordeel verandert<",
        ">Daarna: andere punten om aan te werken<",
        ">Nog onbekend<",
        ">Wat gaat goed<",
        ">Wie kan helpen<",
        ">Bijlage: alle criteria met hun feiten<",
        ">Vragen van de financier<",
        ">Ter vergelijking<",
    ]
    positions = [doc.index(marker) for marker in order]
    assert positions == sorted(positions)
    for organisation in ("Regie in de Regio", "NVZH", "MIND"):
        assert organisation in doc
    assert "Ter vergelijking, niet om te beoordelen" in doc
    assert "streefdatum verstreken" in doc
    assert "Handvatten netwerk laagdrempelige steunpunten (IZA-werkgroep, 2023), §2" in doc
    assert "002_bd6a1f13a11948c7.txt" not in doc


def test_the_appendix_prints_only_when_asked() -> None:
    closed = html.render(sample_report())
    assert '<details class="appendix"><summary>' in closed
    assert "details.appendix:not([open]) { display: none; }" in closed
    opened = html.render(sample_report(), view=View(appendix=True))
    assert '<details class="appendix" open><summary>' in opened


def test_fields_and_values_have_readable_names() -> None:
    doc = html.render(sample_report())
    assert "kwaliteit.vertrouwenspersoon" not in doc and "toegang.indicatie_nodig" not in doc
    assert "vertrouwenspersoon: nee" in doc
    assert "gastvrouw of gastheer" in doc and "gastvrouw_gastheer" not in doc


def test_no_red_cross_in_the_headline() -> None:
    parsed = _parse(html.render(sample_report()))
    kind = next(e for e in parsed.all("p") if e.attrs.get("class") == "verdict-kind")
    assert "✘" not in "".join(kind.text)


def test_reads_on_a_phone() -> None:
    doc = html.render(sample_report())
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in doc
    assert "@media (max-width: 640px)" in doc


def test_funder_questions_are_answered_with_facts_and_own_words() -> None:
    parsed = _parse(html.render(sample_report()))
    questions = [e for e in parsed.all("div") if e.attrs.get("class") == "question"]
    assert len(questions) == 7
    quotes = ["".join(e.text) for e in parsed.all("blockquote")]
    assert "Wie hier binnenkomt, kan morgen gastvrouw zijn." in quotes


def test_printable_on_a4_with_a_page_per_profile() -> None:
    doc = html.render(hostile_report())
    assert "@page { size: A4;" in doc
    assert ".profile + .profile" in doc and "break-before: page" in doc
    assert doc.count('<article class="profile"') == 2
    assert "Overzicht" in doc  # several profiles get an overview first


def test_problems_are_listed() -> None:
    doc = html.render(hostile_report(), lang="en")
    assert "Files that could not be assessed" in doc
    assert "profiles/kapot bestand.yaml:7:5" in doc


def test_empty_report() -> None:
    doc = html.render(empty_report())
    assert "Er zijn geen profielen beoordeeld." in doc
