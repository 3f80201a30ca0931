"""The regional overview: grouping by regio and gemeente, bouwstenen coverage, and its four formats."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest

from iza_check.assess.findings import (
    FileOutcome,
    Finding,
    Outcome,
    ProfileReport,
    Severity,
    Text,
    Verdict,
    VerdictKind,
)
from iza_check.funders.overview import (
    BOUWSTENEN_B,
    BOUWSTENEN_C,
    REGIONAL,
    Overview,
    build_overview,
)
from iza_check.problems import Problem
from iza_check.profile.model import Soort
from iza_check.report.overview_formats import (
    overview_document,
    render_overview,
    render_overview_csv,
    render_overview_html,
    render_overview_text,
)

PEILDATUM = dt.date(2026, 11, 1)
V, D, N = Outcome.voldoet, Outcome.deels, Outcome.voldoet_niet


# The bundled catalogue's bouwstenen A; the overview reads them from the findings (group bouwstenen).
BOUWSTENEN_A = ("B1", "B2", "B3")


def _report(
    naam: str,
    gemeente: str | None,
    regio: str | None,
    *,
    dagdelen: int | None = 2,
    a: tuple[Outcome, Outcome, Outcome] = (V, V, V),
    soorten: tuple[str, ...] = (),
    complete: bool = True,
) -> ProfileReport:
    findings = tuple(
        Finding(b, "bouwstenen", o, Severity.verplicht, Text(b, b), "p.yaml", None)
        for b, o in zip(BOUWSTENEN_A, a, strict=True)
    )
    return ProfileReport(
        source=f"{naam}.yaml",
        naam=naam,
        gemeente=gemeente,
        regio=regio,
        verdict=Verdict(VerdictKind.groeiroute, Text("", "")),
        findings=findings,
        dagdelen_open=dagdelen,
        activiteiten=tuple(sorted({"inloop", *soorten})),
        activiteiten_volledig=complete,
    )


def _overview(*reports: ProfileReport, problems: tuple[Problem, ...] = ()) -> Overview:
    outcomes = [FileOutcome(r.source, report=r) for r in reports]
    outcomes += [FileOutcome(p.file, problems=(p,)) for p in problems]
    return build_overview(outcomes, PEILDATUM)


def test_the_regional_bouwstenen_are_the_model_kinds_of_activity() -> None:
    kinds = {s.value for s in Soort}
    assert set(REGIONAL) <= kinds
    assert len(BOUWSTENEN_B) == 3 and len(BOUWSTENEN_C) == 4


def test_groups_by_regio_then_gemeente_with_unnamed_last() -> None:
    overview = _overview(
        _report("Zeist 1", "Zeist", "Utrecht"),
        _report("Enschede 1", "Enschede", "Twente"),
        _report("Utrecht 2", "Utrecht", "Utrecht"),
        _report("Utrecht 1", "utrecht ", " UTRECHT"),
        _report("Nergens", "Baarn", None),
        _report("Zonder gemeente", None, "Twente"),
    )
    # A profile without a regio is not put in a pseudo-region: its gemeente is a unit of its own, last.
    assert [(r.naam, r.stated) for r in overview.regions] == [("Twente", True), ("Utrecht", True), ("Baarn", False)]
    utrecht = overview.regions[1]
    assert [g.naam for g in utrecht.gemeenten] == ["Utrecht", "Zeist"]  # alphabetical
    assert [i.naam for i in utrecht.gemeenten[0].initiatives] == ["Utrecht 1", "Utrecht 2"]
    assert utrecht.initiatives == 3
    twente = overview.regions[0]
    assert [g.naam for g in twente.gemeenten] == ["Enschede", None]
    assert overview.initiatives == 6


def test_first_spelling_names_a_group() -> None:
    overview = _overview(_report("A", "Hengelo", "Twente"), _report("B", "HENGELO", "twente"))
    assert overview.regions[0].naam == "Twente"
    assert overview.regions[0].gemeenten[0].naam == "Hengelo"
    assert len(overview.regions[0].gemeenten[0].initiatives) == 2


def test_coverage_names_what_is_missing_per_region() -> None:
    overview = _overview(
        _report("A", "Almelo", "Twente", a=(V, N, D), soorten=("informatie_en_advies", "kwartiermaken")),
        _report("B", "Hengelo", "Twente", a=(V, D, N), soorten=("kwartiermaken", "anders")),
        _report("C", "Zeist", "Utrecht", soorten=REGIONAL),
    )
    twente, utrecht = overview.regions
    assert twente.of("B1").present == ("A", "B")
    assert twente.of("B2").present == () and twente.of("B2").partly == ("B",)
    assert twente.of("B3").partly == ("A",)
    assert twente.missing_a == ("B2", "B3")
    assert twente.of("kwartiermaken").present == ("A", "B")
    assert twente.missing_b == ("individuele_ondersteuning", "kwaliteitsontwikkeling_ervaringsdeskundigheid")
    assert twente.missing_c == ("beleidsparticipatie", "deskundigheidsbevordering_professionals", "ondersteuning_naasten")
    assert utrecht.missing_a == utrecht.missing_b == utrecht.missing_c == ()


def test_dagdelen_add_up_and_unknown_ones_are_counted_apart() -> None:
    overview = _overview(
        _report("A", "Almelo", "Twente", dagdelen=4),
        _report("B", "Almelo", "Twente", dagdelen=None),
        _report("C", "Hengelo", "Twente", dagdelen=3),
    )
    region = overview.regions[0]
    assert (region.dagdelen_open, region.dagdelen_unknown) == (7, 1)
    almelo = region.gemeenten[0]
    assert (almelo.dagdelen_open, almelo.dagdelen_unknown) == (4, 1)
    text = render_overview_text(overview)
    assert "7 dagdelen open per week (onbekend bij 1 initiatief)" in text


def test_problems_are_kept_and_listed() -> None:
    problem = Problem("kapot.yaml", "onbekend veld", "unknown-key", 3, 4)
    overview = _overview(_report("A", "Almelo", "Twente"), problems=(problem,))
    assert overview.problems == (problem,)
    assert "kapot.yaml:3:4: onbekend veld" in render_overview_text(overview)
    assert overview_document(overview)["problems"][0]["line"] == 3


def _sample() -> Overview:
    return _overview(
        _report("Koffiehoek", "Almelo", "Twente", a=(V, N, N), dagdelen=4),
        _report("Academie", "Enschede", "Twente", soorten=("kwaliteitsontwikkeling_ervaringsdeskundigheid",)),
        _report("De Brug", "Utrecht", "Utrecht", soorten=REGIONAL, dagdelen=11),
        _report("Los", "Baarn", None, dagdelen=None),
    )


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_text_names_the_missing_bouwstenen_per_region() -> None:
    text = _squash(render_overview_text(_sample(), lang="nl"))
    assert "Regio Twente — 2 initiatieven in 2 gemeenten · 6 dagdelen open per week" in text
    assert (
        "Ontbreekt in de regio: bouwstenen B: informatie en advies, individuele ondersteuning "
        "bouwstenen C: beleidsparticipatie, kwartiermaken en anti-stigma, deskundigheidsbevordering "
        "professionals, ondersteuning familie en naasten"
    ) in text
    assert "Utrecht: Alle bouwstenen zijn ergens in de regio aanwezig." in text
    assert "Baarn (geen regio opgegeven) — 1 initiatief in 1 gemeente · dagdelen open onbekend" in text
    assert "kwaliteitsontwikkeling ervaringsdeskundigheid: ✔ door Academie" in text


def test_text_in_english() -> None:
    text = _squash(render_overview_text(_sample(), lang="en"))
    assert text.startswith("IZA check regional overview · reference date 1 November 2026")
    assert "Region Twente — 2 initiatives in 2 municipalities" in text
    assert "Baarn (no region given)" in text and "Missing in the region: building blocks B: information and advice" in text


def test_long_lists_of_names_are_shortened_in_text() -> None:
    reports = [_report(f"Initiatief {n:02d}", "Almelo", "Twente", soorten=("kwartiermaken",)) for n in range(10)]
    text = render_overview_text(_overview(*reports))
    assert "door Initiatief 00, Initiatief 01, Initiatief 02, Initiatief 03, Initiatief 04 en nog 5" in _squash(text)


def test_html_has_an_accessible_matrix_chart_and_escapes_names() -> None:
    overview = _overview(
        _report('<img src=x onerror="alert(1)">', "Almelo", "Twente"),
        _report("De Brug", "Utrecht", "<b>Utrecht</b>", soorten=REGIONAL),
    )
    html = render_overview_html(overview, lang="nl")
    assert "<img src=x" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "<b>Utrecht</b>" not in html
    assert "<script" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    root = ET.fromstring(svg)  # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "matrix-title matrix-desc"
    desc = root.find(f"{ns}desc")
    assert desc is not None and desc.text is not None
    assert "Twente: ontbreekt informatie en advies" in desc.text
    assert "<b>Utrecht</b>: niets ontbreekt." in desc.text  # escaped in the file, plain in the parsed text
    assert len(root.findall(f"{ns}rect")) == 2 * 10
    # the same data as a real table, for readers that skip the chart
    assert '<table class="matrix">' in html and html.count('class="c m-missing"') == 7


def test_json_document_is_stable_and_complete() -> None:
    document = json.loads(render_overview("json", _sample(), lang="nl"))
    assert document["format_version"] == 2 and document["kind"] == "overview"
    assert document["initiatives"] == 4
    regions = {r["label"]: r for r in document["regions"]}
    assert set(regions) == {"Twente", "Utrecht", "Baarn (geen regio opgegeven)"}
    assert regions["Baarn (geen regio opgegeven)"]["regio"] is None
    twente = regions["Twente"]
    assert twente["missing"]["b"] == ["informatie_en_advies", "individuele_ondersteuning"]
    assert twente["dagdelen_open"] == 6
    koffie = twente["gemeenten"][0]["initiatives"][0]
    assert koffie["bouwstenen_a"] == {"B1": "voldoet", "B2": "voldoet_niet", "B3": "voldoet_niet"}
    assert regions["Utrecht"]["gemeenten"][0]["initiatives"][0]["regional"] == list(REGIONAL)


def test_empty_overview() -> None:
    overview = _overview()
    assert "Geen geldige profielen gevonden." in render_overview_text(overview)
    assert "Geen geldige profielen gevonden." in render_overview_html(overview)
    assert json.loads(render_overview("json", overview))["regions"] == []


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown overview format"):
        render_overview("pdf", _sample())


def test_profiles_without_a_region_are_not_one_pseudo_region() -> None:
    overview = _overview(
        _report("A", "Baarn", None, soorten=("kwartiermaken",)),
        _report("B", "Soest", None),
        _report("C", None, None),
    )
    assert [(r.naam, r.stated, r.initiatives) for r in overview.regions] == [
        ("Baarn", False, 1), ("C", False, 1), ("Soest", False, 1)
    ]
    # Soest's own unit has no kwartiermaken; Baarn's offer does not cover it.
    soest = next(r for r in overview.regions if r.naam == "Soest")
    assert "kwartiermaken" in soest.missing_c


def test_missing_only_where_it_is_known_to_be_absent() -> None:
    overview = _overview(
        _report("Compleet", "Almelo", "Twente", soorten=("kwartiermaken",)),
        _report("Half", "Hengelo", "Twente", a=(V, Outcome.onbekend, V), complete=False),
    )
    (twente,) = overview.regions
    # Nobody lists individuele ondersteuning, but Half's list of activities is not the whole offer.
    assert twente.of("individuele_ondersteuning").state == "unknown"
    assert "individuele_ondersteuning" not in twente.missing_b and "individuele_ondersteuning" in twente.open
    assert twente.of("B2").state == "covered" and twente.missing_a == ()
    text = _squash(render_overview_text(overview, lang="nl"))
    assert "nog onbekend: informatie en advies, individuele ondersteuning" in text
    everyone_complete = _overview(_report("Compleet", "Almelo", "Twente"))
    assert "individuele_ondersteuning" in everyone_complete.regions[0].missing_b


# --- csv: one row per initiative -------------------------------------------------------------------------

def _csv(overview: Overview, lang: str = "nl") -> list[list[str]]:
    import csv
    import io

    text = render_overview_csv(overview, lang=lang)
    assert text.startswith("\ufeff") and "\n" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def test_csv_has_one_row_per_initiative_in_the_overviews_order() -> None:
    header, *rows = _csv(_sample())
    assert header[:9] == ["Regio", "Gemeente", "Initiatief", "Bestand", "Dagdelen", "Oordeel", "B1", "B2", "B3"]
    assert header[9:16] == [
        "informatie en advies", "individuele ondersteuning", "kwaliteitsontwikkeling ervaringsdeskundigheid",
        "beleidsparticipatie", "kwartiermaken en anti-stigma", "deskundigheidsbevordering professionals",
        "ondersteuning familie en naasten",
    ]
    assert header[-1] == "Melding" and len({len(r) for r in (header, *rows)}) == 1
    assert [r[:5] for r in rows] == [
        ["Twente", "Almelo", "Koffiehoek", "Koffiehoek.yaml", "4"],
        ["Twente", "Enschede", "Academie", "Academie.yaml", "2"],
        ["Utrecht", "Utrecht", "De Brug", "De Brug.yaml", "11"],
        ["Baarn (geen regio opgegeven)", "Baarn", "Los", "Los.yaml", ""],  # as the overview groups it; unknown empty
    ]
    koffie, academie, brug, _ = rows
    assert koffie[5:9] == ["groeiroute", "voldoet", "voldoet niet", "voldoet niet"]
    assert academie[9:16] == ["nee", "nee", "ja", "nee", "nee", "nee", "nee"]
    assert brug[9:16] == ["ja"] * 7


def test_csv_says_unknown_where_the_list_of_activities_is_not_complete() -> None:
    _, row = _csv(_overview(_report("Half", "Hengelo", "Twente", soorten=("kwartiermaken",), complete=False)))
    assert row[9:16] == ["onbekend", "onbekend", "onbekend", "onbekend", "ja", "onbekend", "onbekend"]


def test_csv_lists_each_unreadable_file_once_with_its_first_problem() -> None:
    problems = (
        Problem("kapot.yaml", "eerste", "yaml-syntax", line=3, column=1),
        Problem("kapot.yaml", "tweede", "yaml-syntax", line=4, column=1),
        Problem("=weg.yaml", "niet gevonden", "not-found"),
    )
    _, *rows = _csv(_overview(_report("A", "Almelo", "Twente"), problems=problems))
    assert len(rows) == 3
    assert rows[1][3] == "kapot.yaml" and rows[1][5] == "ongeldig"
    assert rows[1][-1] == "kapot.yaml:3:1: eerste (yaml-syntax) (en nog 1 melding)"
    assert rows[2][3] == "'=weg.yaml"  # never a formula


def test_csv_never_lets_a_spreadsheet_run_a_name_as_formula_and_cleans_controls() -> None:
    _, row = _csv(_overview(_report("=1+1\x1b[31m", "@Almelo", "+Twente")))
    assert row[:3] == ["'+Twente", "'@Almelo", "'=1+1\ufffd[31m"]


def test_csv_in_english() -> None:
    header, *rows = _csv(_sample(), lang="en")
    assert header[:6] == ["Region", "Municipality", "Initiative", "File", "Day parts", "Verdict"]
    assert rows[1][9:12] == ["no", "no", "yes"] and rows[3][0] == "Baarn (no region given)"


def test_empty_overview_csv_is_a_header() -> None:
    assert len(_csv(_overview())) == 1


def test_help_says_where_profiles_without_a_region_are() -> None:
    from click.testing import CliRunner

    from iza_check.cli.main import main

    result = CliRunner().invoke(main, ["overview", "--help"])
    assert result.exit_code == 0
    text = _squash(result.output)
    assert '"(geen regio)"' not in text  # what it said before: one pseudo-region, which there is not
    assert "elke gemeente zonder regio staat apart" in text and "(geen regio opgegeven)" in text
    assert "csv" in text
