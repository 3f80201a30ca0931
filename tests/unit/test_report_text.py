"""The plain-text report: verdict first, groups, facts with line numbers, colour only on request."""

from __future__ import annotations

from iza_check.report import text
from report_fixtures import empty_report, hostile_report, sample_report


def test_verdict_comes_before_the_findings() -> None:
    out = text.render(sample_report())
    assert out.index("Oordeel: Op de groeiroute: de kern is er, nog niet alle kenmerken") < out.index("Kenmerken van een laagdrempelig")
    assert out.index("Kenmerken van een laagdrempelig") < out.index("Kwaliteitseisen") < out.index("Bouwstenen")


def test_a_finding_shows_its_facts_missing_facts_advice_and_plans() -> None:
    out = text.render(sample_report())
    assert "toegang.indicatie_nodig = nee  (regel 14, kolom 3)" in out
    assert "Ontbreekt in het profiel: werkwijze.wensen_ophalen, werkwijze.aanbod_vanuit_behoefte" in out
    assert "Advies: Bied een vorm van methodische zelfhulp aan" in out
    assert "streefdatum 1 maart 2025; nog niet gerealiseerd; streefdatum verstreken" in out
    assert "Reden: Het initiatief heeft geen eigen medewerkers in dienst." in out


def test_english() -> None:
    out = text.render(sample_report(), lang="en")
    assert "Verdict: On the growth route: the core is there, not all kenmerken yet" in out
    assert "K7   ✘ does not meet" in out
    assert "Oordeel" not in out


def test_no_colour_unless_asked() -> None:
    assert "\x1b[" not in text.render(sample_report())
    coloured = text.render(sample_report(), colour=True)
    assert "\x1b[31m✘ voldoet niet\x1b[0m" in coloured


def test_profile_text_cannot_send_escape_sequences_to_the_terminal() -> None:
    out = text.render(hostile_report(), colour=False)
    assert "\x1b" not in out and "\x00" not in out and "\x07" not in out and "\r" not in out
    assert "\ufffd" in out


def test_problems_are_listed_with_their_location() -> None:
    out = text.render(hostile_report())
    assert "  profiles/kapot bestand.yaml:7:5: onbekende sleutel 'indicatie_nodg'" in out
    assert "  profiles\\oud\\te-groot.yaml: bestand groter dan 1048576 bytes ::error::ingevoegd (too-large)" in out


def test_long_text_is_wrapped_and_shortened() -> None:
    out = text.render(hostile_report())
    assert max(len(line) for line in out.splitlines() if "Wij werken" in line) <= 100
    assert "…" in out


def test_empty_report_says_so() -> None:
    assert "Er zijn geen profielen beoordeeld." in text.render(empty_report())
