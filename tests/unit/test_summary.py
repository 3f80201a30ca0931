"""The batch summary: rows from outcomes, exit codes while streaming, and the text, html, csv and json tables."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator

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
from iza_check.cli.options import ExitTracker
from iza_check.cli.progress import interactive, with_progress
from iza_check.funders.summary import (
    SummaryRow,
    columns,
    row_for_outcome,
    summary_rows,
    totals,
)
from iza_check.problems import Problem
from iza_check.report.summary_formats import (
    render_summary,
    render_summary_csv,
    render_summary_html,
    render_summary_text,
)

PEILDATUM = dt.date(2026, 11, 1)
# As the bundled catalogue marks them (`oordeel`); the summary reads the marks from the findings.
KENMERKEN = tuple(f"K{n}" for n in range(1, 11))
V, D, N, O, NA = Outcome.voldoet, Outcome.deels, Outcome.voldoet_niet, Outcome.onbekend, Outcome.nvt

_GROUP = {"K": "kenmerken", "Q": "kwaliteit", "B": "bouwstenen", "I": "integraal"}


def _finding(rule_id: str, outcome: Outcome, severity: Severity = Severity.verplicht) -> Finding:
    role = ("kern" if rule_id in ("K2", "K3") else "kenmerk") if rule_id in KENMERKEN else None
    return Finding(
        rule_id=rule_id,
        group=_GROUP[rule_id[0]],
        outcome=outcome,
        severity=severity,
        title=Text(f"Titel {rule_id}", f"Title {rule_id}"),
        profile="p.yaml",
        advice=None,
        verdict_role=role,
    )


def _report(
    naam: str,
    outcomes: dict[str, Outcome],
    *,
    kind: VerdictKind = VerdictKind.groeiroute,
    gemeente: str | None = "Hengelo",
    severity: dict[str, Severity] | None = None,
) -> ProfileReport:
    severity = severity or {}
    findings = tuple(_finding(r, o, severity.get(r, Severity.verplicht)) for r, o in outcomes.items())
    return ProfileReport(
        source=f"profiles/{naam.lower().replace(' ', '-')}.yaml",
        naam=naam,
        gemeente=gemeente,
        regio="Twente",
        verdict=Verdict(kind, Text("", "")),
        findings=findings,
    )


def _all_kenmerken(outcome: Outcome) -> dict[str, Outcome]:
    return {k: outcome for k in KENMERKEN}


def _broken(source: str = "kapot.yaml", count: int = 1) -> FileOutcome:
    problems = tuple(
        Problem(source, f"probleem {n}", "yaml-syntax", line=2 + n, column=5) for n in range(count)
    )
    return FileOutcome(source, problems=problems)


def test_row_takes_kenmerken_quality_gaps_and_bouwstenen_from_the_findings() -> None:
    outcomes = {**_all_kenmerken(V), "K3": D, "K7": N, "K9": O, "K10a": N}
    outcomes |= {"Q1": D, "Q2": N, "Q3": V, "Q4": NA, "Q5": O, "B1": V, "B2": N, "I1": N}
    row = row_for_outcome(FileOutcome("x.yaml", report=_report("De Kiem", outcomes)))
    assert row.valid
    assert row.kenmerk_outcomes(KENMERKEN) == (V, V, D, V, V, V, N, V, O, V)
    assert "K10a" not in dict(row.kenmerken)  # informative: it does not decide the verdict
    assert row.quality_gaps == 2  # Q1 deels and Q2 voldoet niet; not K10a, not I1, not onbekend
    assert row.bouwsteen_outcomes(("B1", "B2", "B3")) == (V, N, None)  # B3 has no rule here
    assert columns([row]) == (KENMERKEN, ("B1", "B2"))
    assert (row.naam, row.gemeente, row.regio, row.verdict) == ("De Kiem", "Hengelo", "Twente", VerdictKind.groeiroute)


def test_broken_file_becomes_an_invalid_row_with_its_first_problem() -> None:
    row = row_for_outcome(_broken(count=3))
    assert not row.valid
    assert row.verdict is None
    assert row.problem is not None and row.problem.message == "probleem 0"
    assert row.problem_count == 3


def test_rows_stream_one_per_outcome_in_input_order() -> None:
    consumed: list[str] = []

    def outcomes() -> Iterator[FileOutcome]:
        for name in ("A", "B", "C"):
            consumed.append(name)
            yield FileOutcome(name, report=_report(name, _all_kenmerken(V)))

    rows = summary_rows(outcomes())
    first = next(rows)
    assert first.naam == "A" and consumed == ["A"]  # lazily: nothing read ahead
    assert [r.naam for r in rows] == ["B", "C"]


def test_totals_count_verdicts_and_invalid_rows() -> None:
    rows = [
        row_for_outcome(FileOutcome("a", report=_report("A", _all_kenmerken(V), kind=VerdictKind.past))),
        row_for_outcome(FileOutcome("b", report=_report("B", _all_kenmerken(D)))),
        row_for_outcome(FileOutcome("c", report=_report("C", _all_kenmerken(D)))),
        row_for_outcome(_broken()),
    ]
    result = totals(rows)
    assert result.rows == 4 and result.invalid == 1
    assert dict(result.verdicts)[VerdictKind.groeiroute] == 2
    assert dict(result.verdicts)[VerdictKind.past] == 1


def _rows() -> list[SummaryRow]:
    return [
        row_for_outcome(FileOutcome("a", report=_report("Zelfregiecentrum De Brug", _all_kenmerken(V) | {"B1": V}, kind=VerdictKind.past))),
        row_for_outcome(FileOutcome("b", report=_report("Koffiehoek", {**_all_kenmerken(N), "K1": V, "Q1": N}, kind=VerdictKind.niet_op_voorhand))),
        row_for_outcome(_broken("map/kapot.yaml", count=2)),
    ]


def test_text_table_aligns_symbols_under_their_columns_and_has_a_legend() -> None:
    text = render_summary_text(_rows(), peildatum=PEILDATUM, lang="nl")
    lines = text.splitlines()
    assert lines[0] == "Samenvatting IZA-check · peildatum 1 november 2026"
    header = next(line for line in lines if line.startswith("Initiatief"))
    brug = next(line for line in lines if line.startswith("Zelfregiecentrum De Brug"))
    koffie = next(line for line in lines if line.startswith("Koffiehoek"))
    for k in ("K1", "K2", "K10"):
        column = re.search(rf"\b{k}\b", header).start()  # type: ignore[union-attr]
        assert brug[column] == "✔"
        assert koffie[column] == ("✔" if k == "K1" else "✘")
    assert "past" in brug and "niet op voorhand" in koffie
    invalid = next(line for line in lines if line.startswith("kapot.yaml"))
    assert "ongeldig" in invalid and "map/kapot.yaml:2:5: probleem 0" in invalid and "(en nog 1 melding)" in invalid
    assert "3 bestanden: 1 past · 1 niet op voorhand · 1 ongeldig" in text
    assert "Legenda: ✔ voldoet · ◐ deels · ✘ voldoet niet · ? onbekend · – n.v.t." in text
    assert "\x1b[" not in text


def test_text_in_english_and_with_colour() -> None:
    text = render_summary_text(_rows(), peildatum=PEILDATUM, lang="en", colour=True)
    assert text.startswith("IZA check summary · reference date 1 November 2026")
    assert "invalid" in text and "Legend:" in text and "fits" in text
    assert "\x1b[32m✔" in text and "\x1b[31m✘" in text


def test_text_cleans_control_characters_from_names() -> None:
    row = row_for_outcome(FileOutcome("a", report=_report("Evil\x1b[31mName\u202e", _all_kenmerken(V))))
    text = render_summary_text([row], peildatum=PEILDATUM)
    assert "\x1b" not in text and "\u202e" not in text


def test_html_is_self_contained_escaped_and_sortable() -> None:
    hostile = row_for_outcome(
        FileOutcome("a", report=_report('<script>alert(1)</script> "&"', _all_kenmerken(V), gemeente="<b>x</b>"))
    )
    html = render_summary_html([*_rows(), hostile], peildatum=PEILDATUM, lang="nl")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&quot;" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing from the network
    assert html.count("<script>") == 1 and 'class="sortable"' in html
    assert "Content-Security-Policy" in html and "script-src 'sha256-" in html
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    assert body.count("<tr>") == 4
    row_cells = [r.count("<td") for r in body.split("</tr>") if "<tr>" in r]
    assert len(set(row_cells)) == 1  # every row, also the invalid one, has all cells: sorting keeps columns
    assert 'class="v-ongeldig"' in html and "map/kapot.yaml:2:5: probleem 0" in html
    assert '<span class="sr">voldoet</span>' in html  # the symbol has its word for screen readers


def test_html_script_hash_matches_the_policy() -> None:
    import base64
    import hashlib

    html = render_summary_html(_rows(), peildatum=PEILDATUM)
    script = html.split("<script>")[1].split("</script>")[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in html


def test_csv_opens_in_a_dutch_excel() -> None:
    text = render_summary_csv(_rows(), lang="nl")
    assert text.startswith("\ufeff")
    assert text.count("\r\n") == 4 and "\n" not in text.replace("\r\n", "")
    records = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    assert records[0][:5] == ["Bestand", "Initiatief", "Gemeente", "Regio", "Oordeel"]
    assert records[0][5:15] == list(KENMERKEN)
    assert len({len(r) for r in records}) == 1
    assert records[1][4] == "past" and records[1][5] == "voldoet"
    assert records[2][5:7] == ["voldoet", "voldoet niet"] and records[2][16] == "1"
    assert records[3][4] == "ongeldig" and records[3][-1].startswith("map/kapot.yaml:2:5: probleem 0")
    # every field quoted, also empty ones
    for line in text[1:].split("\r\n")[:-1]:
        fields = line.split(";")  # no value in this table holds a ';'
        assert all(len(f) >= 2 and f[0] == f[-1] == '"' for f in fields), line


def test_csv_guards_a_formula_behind_spaces_and_tabs_in_every_export() -> None:
    """A spreadsheet that trims leading blanks must still not read a formula: one guard for every CSV."""
    from iza_check.report.funder_common import csv_text

    assert csv_text(" =1") == "' =1" and csv_text("\t=1+1") == "' =1+1" and csv_text(" Zeist") == " Zeist"


def test_csv_never_lets_a_spreadsheet_run_a_name_as_formula() -> None:
    row = row_for_outcome(FileOutcome("a", report=_report("=HYPERLINK(\"http://x\")", _all_kenmerken(V), gemeente="+31")))
    records = list(csv.reader(io.StringIO(render_summary_csv([row])[1:], newline=""), delimiter=";"))
    assert records[1][1] == "'=HYPERLINK(\"http://x\")"
    assert records[1][2] == "'+31"


def test_csv_in_english() -> None:
    text = render_summary_csv(_rows(), lang="en")
    header = next(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert header[:5] == ["File", "Initiative", "Municipality", "Region", "Verdict"]
    assert '"fits";"meets"' in text


def test_render_summary_rejects_unknown_formats_and_languages() -> None:
    with pytest.raises(ValueError, match="unknown summary format"):
        render_summary("pdf", [], peildatum=PEILDATUM)
    with pytest.raises(ValueError, match="unknown language"):
        render_summary("text", [], peildatum=PEILDATUM, lang="de")


def test_empty_summary_says_so() -> None:
    assert "Geen profielen gevonden." in render_summary("text", [], peildatum=PEILDATUM)
    assert "Geen profielen gevonden." in render_summary("html", [], peildatum=PEILDATUM)


@pytest.mark.parametrize(
    ("outcomes", "fail_on", "expected"),
    [
        ([FileOutcome("a", report=_report("A", _all_kenmerken(V)))], "verplicht", 0),
        ([FileOutcome("a", report=_report("A", {"K1": D}))], "verplicht", 1),
        ([FileOutcome("a", report=_report("A", {"K1": D}))], "never", 0),
        ([FileOutcome("a", report=_report("A", {"Q9": N}, severity={"Q9": Severity.aanbevolen}))], "verplicht", 0),
        ([FileOutcome("a", report=_report("A", {"Q9": N}, severity={"Q9": Severity.aanbevolen}))], "aanbevolen", 1),
        ([FileOutcome("a", report=_report("A", {"K1": D})), _broken()], "verplicht", 2),
        ([_broken(), FileOutcome("a", report=_report("A", {"K1": D}))], "verplicht", 2),
        ([], "verplicht", 2),
    ],
)
def test_exit_tracker_follows_the_check_exit_codes(outcomes: list[FileOutcome], fail_on: str, expected: int) -> None:
    tracker = ExitTracker(fail_on)
    passed = list(tracker.watch(outcomes))
    assert passed == outcomes
    assert tracker.result == expected


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_only_at_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert interactive(_Stream(True))
    assert not interactive(_Stream(False))
    monkeypatch.setenv("CI", "true")
    assert not interactive(_Stream(True))


def test_progress_counts_and_clears_its_line() -> None:
    stream = _Stream(True)
    items = list(with_progress(range(5), stream, enabled=True, delay=0.0, interval=0.0))
    assert items == [0, 1, 2, 3, 4]
    written = stream.getvalue()
    assert "\rGecontroleerd: 1 bestand(en)…" in written and "\rGecontroleerd: 5 bestand(en)…" in written
    assert written.endswith("\r")  # the counter is wiped so the report starts on a clean line


def test_no_progress_when_piped() -> None:
    stream = _Stream(False)
    assert list(with_progress(range(3), stream, delay=0.0)) == [0, 1, 2]
    assert stream.getvalue() == ""


def test_quality_unknowns_are_not_shown_as_zero_gaps() -> None:
    from iza_check.report.summary_formats import render_summary_text

    report = _report("Leeg", {"K1": Outcome.voldoet, "Q1": Outcome.onbekend, "Q2": Outcome.onbekend, "Q3": Outcome.deels})
    row = row_for_outcome(FileOutcome("a", report=report))
    assert (row.quality_gaps, row.quality_unknown) == (1, 2)
    assert "1 +2?" in render_summary_text([row], peildatum=PEILDATUM, lang="nl")


def test_the_growth_route_shows_with_its_plans_and_dates() -> None:
    from dataclasses import replace

    from iza_check.assess.findings import PlanRef
    from iza_check.report.summary_formats import render_summary_csv, render_summary_text

    dated = PlanRef("Herstelgroep starten", dt.date(2027, 4, 1), None, False, 40)
    late = PlanRef("Klachtenregeling", dt.date(2026, 2, 1), None, True, 50)
    report = _report("Kiem", {"K1": Outcome.voldoet, "K2": Outcome.deels, "Q1": Outcome.voldoet_niet})
    findings = tuple(
        replace(f, plans=(dated,)) if f.rule_id == "K2" else replace(f, plans=(late, dated)) if f.rule_id == "Q1" else f
        for f in report.findings
    )
    row = row_for_outcome(FileOutcome("a", report=replace(report, findings=findings)))
    assert row.plans == (late, dated)  # each plan once, by streefdatum
    text = render_summary_text([row], peildatum=PEILDATUM, lang="nl")
    assert "Hengelo (Twente)" in text
    assert "→ Klachtenregeling (streefdatum 1 februari 2026 voorbij)" in text
    assert "→ Herstelgroep starten (streefdatum 1 april 2027)" in text
    assert "Klachtenregeling (streefdatum 1 februari 2026 voorbij); Herstelgroep starten" in render_summary_csv([row], lang="nl")


# --- json, and its schema --------------------------------------------------------------------------------

def _summary_validator():  # type: ignore[no-untyped-def]
    import jsonschema

    from iza_check.report.summary_formats import summary_json_schema

    return jsonschema.Draft202012Validator(
        summary_json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _planned_row() -> SummaryRow:
    from dataclasses import replace

    from iza_check.assess.findings import PlanRef

    late = PlanRef("Klachtenregeling <b>", dt.date(2026, 2, 1), None, True, 50)
    report = _report("Kiem", {**_all_kenmerken(V), "K2": D, "Q1": N, "Q2": O, "B1": V})
    findings = tuple(replace(f, plans=(late,)) if f.rule_id == "Q1" else f for f in report.findings)
    return row_for_outcome(FileOutcome("a", report=replace(report, findings=findings)))


def test_json_has_what_the_table_has_per_profile() -> None:
    import json

    rows = [*_rows(), _planned_row()]
    document = json.loads(render_summary("json", rows, peildatum=PEILDATUM, lang="nl"))
    assert (document["format_version"], document["kind"], document["lang"]) == (2, "summary", "nl")
    assert document["peildatum"] == "2026-11-01"
    brug, koffie, broken, kiem = document["profiles"]
    assert brug["valid"] and brug["verdict"] == "past" and brug["verdict_label"] == "past"
    assert brug["kenmerken"] == dict.fromkeys(KENMERKEN, "voldoet")
    assert brug["bouwstenen"] == {"B1": "voldoet"}  # only the rules its catalogue has
    assert (brug["naam"], brug["gemeente"], brug["regio"]) == ("Zelfregiecentrum De Brug", "Hengelo", "Twente")
    assert koffie["quality"] == {"gaps": 1, "unknown": 0} and koffie["kenmerken"]["K1"] == "voldoet"
    assert kiem["onderbouwd"] == {"count": 0, "of": 10}
    assert kiem["quality"] == {"gaps": 1, "unknown": 1}
    assert kiem["plans"] == [
        {"stap": "Klachtenregeling <b>", "streefdatum": "2026-02-01", "verlopen": True, "line": 50}
    ]
    assert broken == {
        "source": "map/kapot.yaml", "valid": False, "naam": None, "gemeente": None, "regio": None,
        "verdict": None, "verdict_label": "ongeldig", "kenmerken": None, "onderbouwd": None, "quality": None,
        "bouwstenen": None, "plans": [], "problem_count": 2,
        "problem": {
            "file": "map/kapot.yaml", "message": "probleem 0", "code": "yaml-syntax", "line": 2, "column": 5,
            "field_path": None,
        },
    }
    assert document["totals"] == {
        "files": 4, "invalid": 1,
        "verdicts": {"past": 1, "groeiroute": 1, "niet_op_voorhand": 1, "onvoldoende_gegevens": 0},
    }
    english = json.loads(render_summary("json", rows, peildatum=PEILDATUM, lang="en"))
    assert english["profiles"][0]["verdict_label"] == "fits" and english["profiles"][2]["verdict_label"] == "invalid"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_json_is_valid_against_its_schema(lang: str) -> None:
    import json

    hostile = row_for_outcome(FileOutcome("a", report=_report("\ud800 <x> \x00", _all_kenmerken(O), gemeente=None)))
    for rows in ([], [*_rows(), _planned_row(), hostile]):
        document = json.loads(render_summary("json", rows, peildatum=PEILDATUM, lang=lang))
        _summary_validator().validate(document)


def test_schema_rejects_what_it_should() -> None:
    import json

    import jsonschema

    document = json.loads(render_summary("json", _rows(), peildatum=PEILDATUM))
    document["profiles"][0]["kenmerken"]["K1"] = "goed"
    with pytest.raises(jsonschema.ValidationError):
        _summary_validator().validate(document)
    document = json.loads(render_summary("json", _rows(), peildatum=PEILDATUM))
    document["extra"] = 1
    with pytest.raises(jsonschema.ValidationError):
        _summary_validator().validate(document)


def test_summary_schema_is_valid() -> None:
    import jsonschema

    from iza_check.report.summary_formats import summary_json_schema

    jsonschema.Draft202012Validator.check_schema(summary_json_schema())


def test_the_cli_writes_json_with_the_exit_codes_of_check(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    from pathlib import Path

    from click.testing import CliRunner

    from iza_check.cli.main import main

    profiles = Path(__file__).resolve().parents[2] / "profiles"
    runner = CliRunner()
    result = runner.invoke(main, ["check", "--summary", "--format", "json", str(profiles / "zelfregiecentrum-de-brug.yaml")])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["profiles"][0]["verdict"] == "past"
    (tmp_path / "kapot.yaml").write_text("a: [", encoding="utf-8")
    result = runner.invoke(main, ["check", "--summary", "--format", "json", str(tmp_path)])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["profiles"][0]["valid"] is False


def test_index_links_rows_to_their_pages_and_only_those() -> None:
    rows = _rows()
    html = render_summary_html(rows, peildatum=PEILDATUM, links={"profiles/koffiehoek.yaml": "map--koffie hoek.html"})
    assert html.count("<a href=") == 1
    assert '<a href="map--koffie%20hoek.html"><strong>Koffiehoek</strong></a>' in html
    assert "Klik op een naam voor het volledige rapport." in html
    assert "volledige rapport" not in render_summary_html(rows, peildatum=PEILDATUM)  # the plain summary


# --- the funders' string table and modules ---------------------------------------------------------------

def test_every_funder_string_has_both_languages_with_the_same_placeholders() -> None:
    import string

    from iza_check.report.funder_common import _STRINGS

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, (nl, en) in _STRINGS.items():
        assert nl.strip() and en.strip(), key
        assert fields(nl) == fields(en), key


def test_moved_renderers_can_still_be_imported_from_summary_formats() -> None:
    from iza_check.report import diff_formats, overview_formats, summary_formats

    assert summary_formats.render_diff is diff_formats.render_diff
    assert summary_formats.OVERVIEW_FORMATS is overview_formats.OVERVIEW_FORMATS
    with pytest.raises(AttributeError):
        summary_formats.no_such_name


def test_the_concise_form_does_not_load_the_overview_or_diff_renderers() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import iza_check.report.concise; "
        "print(sorted(m for m in sys.modules if m.startswith('iza_check.report.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "iza_check.report.summary_formats" in out
    assert "overview_formats" not in out and "diff_formats" not in out
