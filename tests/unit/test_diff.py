"""Progress between two versions of a profile, and between two rounds of profiles: rule changes, plans, verdict,
formats and exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from iza_check.assess.findings import (
    Finding,
    Outcome,
    PlanRef,
    ProfileReport,
    Severity,
    Text,
    Verdict,
    VerdictKind,
)
from iza_check.cli.main import main
from iza_check.funders.diff import ChangeKind, PlanStatus, RealisedBy, classify, diff_reports
from iza_check.report.diff_formats import render_diff

PEILDATUM = dt.date(2026, 11, 1)
V, D, N, O, NA = Outcome.voldoet, Outcome.deels, Outcome.voldoet_niet, Outcome.onbekend, Outcome.nvt


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        (N, D, ChangeKind.improved),
        (D, V, ChangeKind.improved),
        (N, V, ChangeKind.improved),
        (O, N, ChangeKind.improved),  # now known, even if it is a gap: the profile tells more
        (O, V, ChangeKind.improved),
        (V, D, ChangeKind.regressed),
        (D, N, ChangeKind.regressed),
        (V, O, ChangeKind.regressed),  # a fact went missing
        (NA, V, ChangeKind.changed),
        (N, NA, ChangeKind.changed),
        (O, NA, ChangeKind.changed),
        (V, V, ChangeKind.unchanged),
        (O, O, ChangeKind.unchanged),
        (None, V, ChangeKind.changed),
        (V, None, ChangeKind.changed),
    ],
)
def test_classify(old: Outcome | None, new: Outcome | None, kind: ChangeKind) -> None:
    assert classify(old, new) is kind


LEAST, BEST, OPEN = (None, Outcome.deels), (Outcome.deels, None), (None, None)


@pytest.mark.parametrize(
    ("old", "old_bounds", "new", "new_bounds", "kind"),
    [
        # an onbekend whose known facts make it deels at least: losing that is a regression
        (Outcome.onbekend, LEAST, Outcome.voldoet_niet, OPEN, ChangeKind.regressed),
        (Outcome.onbekend, LEAST, Outcome.voldoet, OPEN, ChangeKind.improved),
        (Outcome.voldoet_niet, OPEN, Outcome.onbekend, LEAST, ChangeKind.improved),
        (Outcome.voldoet, OPEN, Outcome.onbekend, BEST, ChangeKind.regressed),
        (Outcome.voldoet, OPEN, Outcome.onbekend, LEAST, ChangeKind.regressed),
        (Outcome.onbekend, BEST, Outcome.deels, OPEN, ChangeKind.improved),
        (Outcome.onbekend, LEAST, Outcome.onbekend, BEST, ChangeKind.unchanged),  # shown as onbekend -> onbekend
        # what is known at least stays: settled at it, or only what it could become moved
        (Outcome.onbekend, LEAST, Outcome.deels, OPEN, ChangeKind.changed),
        (Outcome.deels, OPEN, Outcome.onbekend, LEAST, ChangeKind.changed),
        (Outcome.onbekend, BEST, Outcome.voldoet_niet, OPEN, ChangeKind.changed),
        (Outcome.onbekend, LEAST, Outcome.onbekend, LEAST, ChangeKind.unchanged),
    ],
)
def test_classify_reads_what_an_onbekend_already_settles(
    old: Outcome, old_bounds: tuple[Outcome | None, Outcome | None], new: Outcome,
    new_bounds: tuple[Outcome | None, Outcome | None], kind: ChangeKind,
) -> None:
    assert classify(old, new, old_bounds, new_bounds) is kind


def _plan(stap: str, streefdatum: dt.date | None, gerealiseerd: bool | None = None) -> PlanRef:
    overdue = streefdatum is not None and streefdatum < PEILDATUM and not gerealiseerd
    return PlanRef(stap, streefdatum, gerealiseerd, overdue)


def _report(
    outcomes: dict[str, Outcome],
    plans: dict[str, tuple[PlanRef, ...]] | None = None,
    *,
    kind: VerdictKind = VerdictKind.groeiroute,
    source: str = "oud.yaml",
    naam: str = "De Kiem",
) -> ProfileReport:
    plans = plans or {}
    findings = tuple(
        Finding(
            rule_id,
            "kenmerken" if rule_id.startswith("K") else "kwaliteit",
            outcome,
            Severity.verplicht,
            Text(f"Titel {rule_id}", f"Title {rule_id}"),
            source,
            None,
            plans=plans.get(rule_id, ()),
        )
        for rule_id, outcome in outcomes.items()
    )
    return ProfileReport(source, naam, "Hengelo", "Twente", Verdict(kind, Text("", "")), findings)


def test_rule_changes_in_catalogue_order() -> None:
    old = _report({"K1": O, "K2": N, "K3": V, "Q4": NA, "Q6": V})
    new = _report({"K1": V, "K2": D, "K3": V, "Q4": V, "Q6": D}, source="nieuw.yaml")
    diff = diff_reports(old, new, PEILDATUM)
    assert [c.rule_id for c in diff.changes] == ["K1", "K2", "K3", "Q4", "Q6"]
    assert [c.rule_id for c in diff.improved] == ["K1", "K2"]
    assert [c.rule_id for c in diff.regressed] == ["Q6"]
    assert [c.rule_id for c in diff.of_kind(ChangeKind.changed)] == ["Q4"]
    assert not diff.verdict_changed


def test_plan_realised_when_marked_or_when_its_criteria_now_meet() -> None:
    marked = _plan("Privacyverklaring opstellen", dt.date(2025, 9, 1))
    by_criteria = _plan("Bezoekersoverleg starten", dt.date(2026, 3, 1))
    both = _plan("Cursus en zelfhulp", dt.date(2027, 4, 1))
    old = _report(
        {"K3": D, "K2": N, "K7": N, "Q2": N},
        {"Q2": (marked,), "K3": (by_criteria,), "K2": (both,), "K7": (both,)},
    )
    new = _report(
        {"K3": V, "K2": V, "K7": D, "Q2": N},
        {"Q2": (_plan("Privacyverklaring opstellen", dt.date(2025, 9, 1), True),), "K2": (both,), "K7": (both,)},
    )
    diff = diff_reports(old, new, PEILDATUM)
    status = {p.stap: p for p in diff.plans}
    assert status["Privacyverklaring opstellen"].status is PlanStatus.realised
    assert status["Privacyverklaring opstellen"].realised_by is RealisedBy.marked
    assert status["Bezoekersoverleg starten"].status is PlanStatus.realised  # dropped from NEW, but K3 now voldoet
    assert status["Bezoekersoverleg starten"].realised_by is RealisedBy.criteria
    assert status["Cursus en zelfhulp"].betreft == ("K2", "K7")  # one plan, listed once
    assert status["Cursus en zelfhulp"].status is PlanStatus.open  # K7 is not there yet
    assert len(diff.plans) == 3


def test_plan_overdue_uses_the_new_target_date_when_it_moved() -> None:
    slipped = _plan("Klachtenregeling", dt.date(2026, 6, 1))
    moved = _plan("Klachtenregeling", dt.date(2027, 2, 1))
    stuck = _plan("RI&E doen", dt.date(2026, 6, 30))
    old = _report({"Q1": N, "Q10": N}, {"Q1": (slipped,), "Q10": (stuck,)})
    new = _report({"Q1": N, "Q10": N}, {"Q1": (moved,), "Q10": (stuck,)})
    diff = diff_reports(old, new, PEILDATUM)
    status = {p.stap: p for p in diff.plans}
    assert status["Klachtenregeling"].status is PlanStatus.open
    assert (status["Klachtenregeling"].streefdatum, status["Klachtenregeling"].new_streefdatum) == (
        dt.date(2026, 6, 1),
        dt.date(2027, 2, 1),
    )
    assert status["RI&E doen"].status is PlanStatus.overdue


def test_plan_dropped_and_overdue_when_no_longer_mentioned() -> None:
    future = _plan("Later iets", dt.date(2027, 1, 1))
    past = _plan("Vroeger iets", dt.date(2026, 1, 1))
    old = _report({"K8": N, "K9": N}, {"K8": (future,), "K9": (past,)})
    new = _report({"K8": N, "K9": N})
    status = {p.stap: p.status for p in diff_reports(old, new, PEILDATUM).plans}
    assert status == {"Later iets": PlanStatus.dropped, "Vroeger iets": PlanStatus.overdue}


def test_reworded_plan_is_matched_by_criteria_and_date() -> None:
    old = _report({"K8": N}, {"K8": (_plan("Intervisie regelen", dt.date(2027, 1, 1)),)})
    new = _report({"K8": N}, {"K8": (_plan("Intervisie regelen met Regie in de Regio", dt.date(2027, 1, 1), True),)})
    diff = diff_reports(old, new, PEILDATUM)
    assert diff.plans[0].status is PlanStatus.realised and diff.plans[0].realised_by is RealisedBy.marked
    assert diff.new_plans == ()


def test_whitespace_and_case_do_not_make_a_new_plan() -> None:
    old = _report({"K8": N}, {"K8": (_plan("Intervisie  regelen\n", dt.date(2027, 1, 1)),)})
    new = _report({"K8": N}, {"K8": (_plan("intervisie regelen", dt.date(2027, 3, 1)),)})
    diff = diff_reports(old, new, PEILDATUM)
    assert diff.plans[0].status is PlanStatus.open and diff.plans[0].new_streefdatum == dt.date(2027, 3, 1)
    assert diff.new_plans == ()


def test_new_plans_are_listed() -> None:
    old = _report({"K10": D})
    new = _report({"K10": D}, {"K10": (_plan("Huisartsen leren kennen", dt.date(2027, 5, 1)),)})
    diff = diff_reports(old, new, PEILDATUM)
    assert diff.plans == ()
    assert [(p.stap, p.status, p.new_streefdatum) for p in diff.new_plans] == [
        ("Huisartsen leren kennen", PlanStatus.open, dt.date(2027, 5, 1))
    ]


def _sample_diff():  # type: ignore[no-untyped-def]
    old = _report(
        {"K1": O, "K10": N, "Q6": V},
        {"K10": (_plan("Afspraken <maken> & *vastleggen*", dt.date(2026, 6, 1)),)},
        kind=VerdictKind.niet_op_voorhand,
        naam="De Kiem (2025)",
    )
    new = _report({"K1": V, "K10": D, "Q6": D}, source="nieuw.yaml")
    return diff_reports(old, new, PEILDATUM)


def test_text_shows_verdict_change_changes_and_plans() -> None:
    text = render_diff("text", _sample_diff(), lang="nl")
    assert "Oordeel: Past niet op voorhand bij de 10 kenmerken → Op de groeiroute: de kern is er, nog niet alle kenmerken" in text
    assert "andere naam in de nieuwe versie: De Kiem (2025)" in text
    assert "K1    ? onbekend → ✔ voldoet · Titel K1" in text
    assert "Achteruitgang (1)\n  Q6    ✔ voldoet → ◐ deels · Titel Q6" in text
    assert "2 verbeterd, 1 verslechterd, 0 plan(nen) gerealiseerd, 1 over de streefdatum" in text
    assert "⚠ [K10] Afspraken <maken> & *vastleggen*" in text


def test_markdown_escapes_plan_text() -> None:
    markdown = render_diff("markdown", _sample_diff(), lang="en")
    assert "Afspraken &lt;maken&gt; &amp; \\*vastleggen\\*" in markdown
    assert "| Q6 | Title Q6 | ✔ meets | ◐ partly |" in markdown
    assert "## Regressed (1)" in markdown


def test_json_lists_only_changes_and_counts_all() -> None:
    document = json.loads(render_diff("json", _sample_diff(), lang="nl"))
    assert document["kind"] == "diff" and document["format_version"] == 2
    assert document["verdict_changed"] is True
    assert document["old"]["verdict"] == "niet_op_voorhand" and document["new"]["verdict"] == "groeiroute"
    assert document["counts"] == {"verbeterd": 2, "verslechterd": 1, "gewijzigd": 0, "ongewijzigd": 0}
    assert [c["rule_id"] for c in document["changes"]] == ["K1", "K10", "Q6"]
    assert document["plans"][0]["status"] == "verlopen"
    assert document["plans"][0]["streefdatum"] == "2026-06-01"


# --- the command -----------------------------------------------------------------------------------------

VERSIES = Path(__file__).resolve().parents[1] / "fixtures" / "versies"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["diff", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_command_reports_regressions_with_exit_1() -> None:
    code, out, _ = _run(
        str(VERSIES / "de-kiem-2025.yaml"), str(VERSIES / "de-kiem-2026.yaml"), "--reference-date", "2026-11-01"
    )
    assert code == 1
    assert "Achteruitgang (1)" in out


def test_command_without_regressions_exits_0() -> None:
    code, out, _ = _run(
        str(VERSIES / "de-kiem-2026.yaml"), str(VERSIES / "de-kiem-2026.yaml"), "--reference-date", "2026-11-01"
    )
    assert code == 0
    assert "Vooruitgang (0)" in out and "Achteruitgang (0)" in out


def test_command_with_a_broken_or_missing_file_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.yaml"
    broken.write_text("versie: 1\ninitiatief:\n  naam: X\n  gemeenteX: Utrecht\n", encoding="utf-8")
    code, out, err = _run(str(VERSIES / "de-kiem-2025.yaml"), str(broken))
    assert code == 2 and out == ""
    assert f"{broken}:4:3:" in err and "gemeenteX" in err
    code, _, err = _run(str(VERSIES / "de-kiem-2025.yaml"), str(tmp_path / "weg.yaml"))
    assert code == 2 and "weg.yaml" in err
    code, _, err = _run(str(VERSIES / "de-kiem-2025.yaml"), str(tmp_path))
    assert code == 2


def test_command_help_documents_the_exit_codes() -> None:
    result = CliRunner().invoke(main, ["diff", "--help"])
    assert result.exit_code == 0
    assert "1  minstens één regel ging achteruit" in result.output


# --- two rounds ------------------------------------------------------------------------------------------

def _in_round(report: ProfileReport, gemeente: str | None = "Hengelo"):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from iza_check.assess.findings import FileOutcome

    return FileOutcome(report.source, report=replace(report, gemeente=gemeente))


def _rounds(old: list, new: list, old_problems: tuple = (), new_problems: tuple = ()):  # type: ignore[no-untyped-def]
    """``old`` and ``new``: (outcome, path in the round) pairs."""
    from iza_check.assess.findings import FileOutcome
    from iza_check.funders.diff import RoundsBuilder

    builder = RoundsBuilder(PEILDATUM, "ronde-1", "ronde-2")
    for side, entries, problems in (("old", old, old_problems), ("new", new, new_problems)):
        for outcome, relative in entries:
            builder.add(side, outcome, relative)
        for problem in problems:
            builder.add(side, FileOutcome(problem.file, problems=(problem,)), problem.file)
    return builder.build()


def test_identity_is_name_and_gemeente_normalised_else_the_path() -> None:
    from dataclasses import replace

    from iza_check.funders.diff import identity_of

    report = _report({"K1": V}, naam="  De   KIEM ")
    assert identity_of(report, "a/b.yaml") == ("naam", "de kiem", "hengelo")
    assert identity_of(replace(report, gemeente="  "), "A\\B.yaml") == ("pad", "a/b.yaml", "")
    assert identity_of(replace(report, gemeente=None), "x.yaml") == ("pad", "x.yaml", "")


def test_rounds_sort_initiatives_into_new_gone_improved_regressed_unchanged() -> None:
    kiem_old = _report({"K1": O, "Q6": V}, naam="De Kiem", source="r1/kiem.yaml")
    kiem_new = _report({"K1": V, "Q6": D}, naam="de kiem", source="r2/andere-naam.yaml")
    brug_old = _report({"K1": N}, naam="De Brug", source="r1/brug.yaml")
    brug_new = _report({"K1": D}, naam="De Brug", source="r2/brug.yaml")
    same = _report({"K1": V, "K2": NA}, naam="Zelfde", source="r1/z.yaml")
    same_new = _report({"K1": V, "K2": V}, naam="Zelfde", source="r2/z.yaml")  # from nvt: neither better nor worse
    gone = _report({"K1": V}, naam="Weg", source="r1/weg.yaml")
    fresh = _report({"K1": N}, {"K1": (_plan("Inloop openen", dt.date(2026, 3, 1)),)}, naam="Nieuw", source="r2/n.yaml")
    rounds = _rounds(
        [(_in_round(kiem_old), "kiem.yaml"), (_in_round(brug_old), "brug.yaml"), (_in_round(same), "z.yaml"),
         (_in_round(gone), "weg.yaml")],
        [(_in_round(kiem_new, " HENGELO"), "andere-naam.yaml"), (_in_round(brug_new), "brug.yaml"),
         (_in_round(same_new), "z.yaml"), (_in_round(fresh), "n.yaml")],
    )
    assert [(p.diff.new_naam, p.status.value) for p in rounds.compared] == [
        ("De Brug", "verbeterd"), ("de kiem", "verslechterd"), ("Zelfde", "ongewijzigd")
    ]
    assert [p.naam for p in rounds.new] == ["Nieuw"] and [p.naam for p in rounds.gone] == ["Weg"]
    assert [c.rule_id for c in rounds.regressed[0].diff.improved] == ["K1"]  # it improved too, and shows it
    (overdue,) = rounds.new[0].overdue
    assert (overdue.stap, overdue.betreft, overdue.new_streefdatum) == ("Inloop openen", ("K1",), dt.date(2026, 3, 1))
    assert rounds.overdue_count == 1 and not rounds.incomplete


def test_reports_are_slimmed_to_what_a_diff_needs() -> None:
    from dataclasses import replace

    from iza_check.assess.findings import FactRef
    from iza_check.funders.diff import slim

    report = _report({"K1": D})
    fat = replace(report, findings=tuple(replace(f, facts=(FactRef("toegang.x", True),), missing=("a",)) for f in report.findings))
    thin = slim(fat)
    assert thin.findings[0].facts == () and thin.findings[0].missing == ()
    assert (thin.findings[0].rule_id, thin.findings[0].outcome, thin.findings[0].title) == ("K1", D, fat.findings[0].title)
    assert diff_reports(thin, thin, PEILDATUM) == diff_reports(fat, fat, PEILDATUM)


def test_an_identity_twice_in_a_round_is_a_problem_and_compared_in_neither() -> None:
    a = _report({"K1": V}, naam="Dubbel", source="r2/a.yaml")
    b = _report({"K1": N}, naam="DUBBEL", source="r2/b.yaml")
    old = _report({"K1": V}, naam="Dubbel", source="r1/a.yaml")
    other = _report({"K1": V}, naam="Ander", source="r1/x.yaml")
    rounds = _rounds(
        [(_in_round(old), "a.yaml"), (_in_round(other), "x.yaml")],
        [(_in_round(a), "a.yaml"), (_in_round(b), "b.yaml"), (_in_round(other), "x.yaml")],
    )
    (ambiguity,) = rounds.ambiguous
    assert (ambiguity.round, ambiguity.count, ambiguity.naam) == ("new", 2, "Dubbel")
    assert ambiguity.sources == ("r1/a.yaml", "r2/a.yaml", "r2/b.yaml")
    assert [p.diff.new_naam for p in rounds.compared] == ["Ander"]
    assert rounds.new == () and rounds.gone == ()  # not "new" nor "gone": it could not be matched
    assert rounds.incomplete


def test_the_same_path_twice_without_gemeente_is_ambiguous_too() -> None:
    first = _report({"K1": V}, naam="A", source="r1/x.yaml")
    second = _report({"K1": V}, naam="B", source="r1/X.yaml")
    rounds = _rounds([(_in_round(first, None), "x.yaml"), (_in_round(second, None), "X.yaml")], [])
    (ambiguity,) = rounds.ambiguous
    assert ambiguity.identity == ("pad", "x.yaml", "") and ambiguity.naam == "x.yaml"


def test_unreadable_files_are_kept_per_round() -> None:
    from iza_check.problems import Problem

    broken = Problem("r2/kapot.yaml", "kapot", "yaml-syntax", 1, 1)
    rounds = _rounds([], [], new_problems=(broken,))
    assert rounds.new_problems == (broken,) and rounds.old_problems == () and rounds.incomplete


def _sample_rounds():  # type: ignore[no-untyped-def]
    from iza_check.problems import Problem

    old = _report({"K1": O, "Q6": V}, {"Q6": (_plan("VOG <aanvragen> & *snel*", dt.date(2026, 6, 1)),)}, naam="De Kiem")
    new = _report({"K1": V, "Q6": D}, {"Q6": (_plan("VOG <aanvragen> & *snel*", dt.date(2026, 6, 1)),)}, naam="De Kiem",
                  source="nieuw.yaml")
    gone = _report({"K1": V}, naam="=Weg()", source="r1/weg.yaml")
    return _rounds(
        [(_in_round(old), "kiem.yaml"), (_in_round(gone), "weg.yaml")],
        [(_in_round(new), "kiem.yaml")],
        new_problems=(Problem("r2/kapot.yaml", "kapot", "yaml-syntax", 2, 3),),
    )


def test_rounds_text() -> None:
    from iza_check.report.diff_formats import render_rounds

    text = render_rounds("text", _sample_rounds(), lang="nl")
    assert text.startswith("Voortgang tussen twee rondes · peildatum 1 november 2026\n   Oude ronde: ronde-1\n")
    assert "1 vergeleken: 0 vooruit, 1 achteruit, 0 gelijk; 0 nieuw, 1 niet meer in de ronde; 1 plan(nen)" in text
    assert "Achteruitgang (1)\n  De Kiem (Hengelo) · groeiroute\n      oud.yaml → nieuw.yaml\n" in text
    assert "    ↓ Q6    ✔ voldoet → ◐ deels · Titel Q6" in text and "    ↑ K1    ? onbekend → ✔ voldoet" in text
    assert "⚠ [Q6] VOG <aanvragen> & *snel* (streefdatum 1 juni 2026 voorbij)" in text
    assert "  =Weg() (Hengelo) · groeiroute · r1/weg.yaml" in text
    assert "Niet elk bestand kon worden gelezen of gekoppeld" in text and "r2/kapot.yaml:2:3: kapot" in text


def test_rounds_html_is_escaped_and_self_contained() -> None:
    from iza_check.report.diff_formats import render_rounds

    html = render_rounds("html", _sample_rounds(), lang="en")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert "<aanvragen>" not in html and "VOG &lt;aanvragen&gt; &amp; *snel*" in html
    assert "<script" not in html and "default-src 'none'" in html
    assert "Regressed (1)" in html and "No longer in this round (1)" in html


def test_rounds_csv_has_one_row_per_initiative_and_per_problem() -> None:
    import csv
    import io

    from iza_check.report.diff_formats import render_rounds

    text = render_rounds("csv", _sample_rounds(), lang="nl")
    assert text.startswith("\ufeff") and text.count("\r\n") == 4
    header, kiem, gone, problem = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    assert header[0] == "Verandering" and header[-1] == "Melding" and len(header) == 12
    assert kiem[:8] == ["achteruit", "De Kiem", "Hengelo", "Twente", "oud.yaml", "nieuw.yaml", "groeiroute", "groeiroute"]
    assert kiem[8:11] == [
        "K1: onbekend → voldoet", "Q6: voldoet → deels", "[Q6] VOG <aanvragen> & *snel* (streefdatum 1 juni 2026 voorbij)"
    ]
    assert gone[:2] == ["verdwenen", "'=Weg()"] and gone[4] == "r1/weg.yaml" and gone[5] == ""
    assert problem[0] == "probleem" and problem[5] == "r2/kapot.yaml" and problem[-1] == "r2/kapot.yaml:2:3: kapot (yaml-syntax)"


def test_rounds_json() -> None:
    from iza_check.report.diff_formats import render_rounds

    document = json.loads(render_rounds("json", _sample_rounds(), lang="nl"))
    assert (document["kind"], document["format_version"]) == ("diff_rounds", 2)
    assert document["counts"] == {
        "compared": 1, "verbeterd": 0, "verslechterd": 1, "ongewijzigd": 0, "nieuw": 0, "verdwenen": 1,
        "overdue_plans": 1, "problems": 1,
    }
    kiem, gone = document["profiles"]
    assert kiem["status"] == "verslechterd" and [c["rule_id"] for c in kiem["changes"]] == ["K1", "Q6"]
    assert kiem["overdue_plans"][0]["status"] == "verlopen"
    assert gone["status"] == "verdwenen" and gone["new"] is None and gone["old"]["source"] == "r1/weg.yaml"
    assert document["problems"][0]["round"] == "new"


def test_rounds_empty_and_unknown_format() -> None:
    from iza_check.report.diff_formats import render_rounds

    empty = _rounds([], [])
    assert "Geen profielen om te vergelijken." in render_rounds("text", empty)
    assert "No profiles to compare." in render_rounds("html", empty, lang="en")
    with pytest.raises(ValueError, match="two rounds"):
        render_rounds("markdown", empty)
    with pytest.raises(ValueError, match="unknown language"):
        render_rounds("text", empty, lang="de")


def test_round_root_and_path_in_round(tmp_path: Path) -> None:
    from iza_check.cli.funders_run import is_round, path_in_round, round_root

    assert round_root(tmp_path) == tmp_path
    assert round_root(Path("ronde/*/x.yaml")) == Path("ronde") and round_root(Path("**/*.yaml")) == Path()
    assert path_in_round(str(tmp_path / "a" / "b.yaml"), tmp_path) == "a/b.yaml"
    assert path_in_round("/elders/x.yaml", tmp_path) == "/elders/x.yaml"
    assert is_round(tmp_path) and is_round(Path("nergens/*.yaml")) and not is_round(Path("nergens.yaml"))
