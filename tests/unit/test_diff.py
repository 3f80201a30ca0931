"""Progress between two versions of a profile: rule changes, plans, verdict, formats and exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from iza_check.cli.main import main
from iza_check.diff import ChangeKind, PlanStatus, RealisedBy, classify, diff_reports
from iza_check.findings import Finding, Outcome, PlanRef, ProfileReport, Severity, Text, Verdict, VerdictKind
from iza_check.report.summary_formats import render_diff

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
