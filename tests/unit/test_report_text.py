"""The plain-text report: the verdict, what changes it first, the rest; readable labels; an optional appendix."""

from __future__ import annotations

from report_fixtures import empty_report, hostile_report, sample_report

from iza_check.report import text
from iza_check.report.stream import View

ORDER = (
    "Oordeel: Op de groeiroute: de kern is er, nog niet alle kenmerken",
    "Eerst: wat het oordeel verandert",
    "Daarna: andere punten om aan te werken",
    "Nog onbekend",
    "Wat gaat goed",
    "Wie kan helpen",
)


def test_the_verdict_then_what_changes_it_then_the_rest() -> None:
    out = text.render(sample_report())
    positions = [out.index(heading) for heading in ORDER]
    assert positions == sorted(positions)


def test_what_changes_the_verdict_puts_gaps_without_a_plan_before_gaps_with_one() -> None:
    out = text.render(sample_report())
    first = out[out.index("Eerst:") : out.index("Daarna:")]
    # K7 has plans; K2 and K10 have none: they come first, even though K7 is 'voldoet niet'.
    assert first.index("K2 ") < first.index("K7 ") and first.index("K10 ") < first.index("K7 ")
    # Quality requirements never decide the verdict: they come after it.
    assert "Q3 " not in first and "Q3 Vertrouwenspersoon — voldoet niet" in out


def _flat(out: str) -> str:
    return " ".join(out.split())


def test_facts_are_named_in_words_not_as_paths_or_locations() -> None:
    out = _flat(text.render(sample_report()))
    assert "Waarom: vertrouwenspersoon: nee" in out
    assert "kwaliteit.vertrouwenspersoon" not in out and "toegang.indicatie_nodig" not in out
    assert "regel 14" not in out, "line and column belong to the appendix and the CI formats"
    assert "Vul aan: afspraken met 113" in out
    assert "vul aan: hoe wensen worden opgehaald, aanbod groeit uit wat bezoekers vragen" in out


def test_nothing_is_said_twice() -> None:
    out = text.render(sample_report())
    assert out.count("Bied een vorm van methodische zelfhulp aan") == 1
    assert out.count("WRAP-training voor vrijwilligers") == 1
    assert out.count("K1 Laagdrempelig toegankelijk voor iedereen") == 1


def test_plans_show_their_date_and_whether_they_are_overdue() -> None:
    out = _flat(text.render(sample_report()))
    assert "streefdatum 1 maart 2025; nog niet gerealiseerd; streefdatum verstreken" in out
    assert "Plannen over de streefdatum: 1" in out


def test_the_appendix_has_every_fact_with_its_place_the_questions_and_the_figures() -> None:
    plain = text.render(sample_report())
    assert "Bijlage: alle criteria" not in plain and "--appendix" in plain
    out = text.render(sample_report(), view=View(appendix=True))
    appendix = out[out.index("Bijlage: alle criteria met hun feiten") :]
    assert "indicatie nodig: nee (regel 14, kolom 3)" in appendix
    assert "Reden: Het initiatief heeft geen eigen medewerkers in dienst." in appendix
    assert "Bron: Handvatten netwerk laagdrempelige steunpunten (IZA-werkgroep, 2023), §2" in appendix
    assert "002_bd6a1f13a11948c7.txt" not in out
    assert "Vragen van de financier" in appendix and "Ter vergelijking" in appendix
    assert "1,6 fte" in appendix


def test_english() -> None:
    out = text.render(sample_report(), lang="en")
    assert "Verdict: On the growth route: the core is there, not all kenmerken yet" in out
    assert "First: what changes the verdict" in out
    assert "Q3 Confidential adviser — does not meet" in out
    assert "Why: confidential adviser: no" in out
    assert "Oordeel" not in out and "Waarom" not in out


def test_no_colour_unless_asked() -> None:
    assert "\x1b[" not in text.render(sample_report())
    coloured = text.render(sample_report(), colour=True)
    assert "\x1b[31mvoldoet niet\x1b[0m" in coloured


def test_no_red_cross_in_the_headline() -> None:
    out = text.render(sample_report(), colour=True)
    headline = next(line for line in out.splitlines() if "Oordeel:" in line)
    assert "✘" not in headline and "\x1b[31m" not in headline


def test_lines_follow_the_width_asked_for() -> None:
    for width in (60, 100, 140):
        out = text.render(sample_report(), view=View(width=width, appendix=True))
        assert max(len(line) for line in out.splitlines() if not line.startswith("Rapport")) <= width
    narrow = text.render(sample_report(), view=View(width=60))
    assert len(narrow.splitlines()) > len(text.render(sample_report()).splitlines())


def test_profile_text_cannot_send_escape_sequences_to_the_terminal() -> None:
    for appendix in (False, True):
        out = text.render(hostile_report(), view=View(appendix=appendix))
        assert "\x1b" not in out and "\x00" not in out and "\x07" not in out and "\r" not in out
    assert "\ufffd" in out  # the appendix quotes the facts with control characters, replaced


def test_problems_are_listed_with_their_location() -> None:
    out = text.render(hostile_report())
    assert "  profiles/kapot bestand.yaml:7:5: onbekende sleutel 'indicatie_nodg'" in out
    assert "  profiles\\oud\\te-groot.yaml: bestand groter dan 1048576 bytes ::error::ingevoegd (too-large)" in out


def test_long_text_is_wrapped_and_shortened() -> None:
    out = text.render(hostile_report(), view=View(appendix=True))
    assert max(len(line) for line in out.splitlines() if "Wij werken" in line) <= 100
    assert "…" in out


def test_empty_report_says_so() -> None:
    assert "Er zijn geen profielen beoordeeld." in text.render(empty_report())
