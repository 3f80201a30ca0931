"""The funder's seven questions (002 §5): answered from the facts, the outcomes and the initiative's own words,
and plainly 'nog niet te beantwoorden' where the profile is silent."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from iza_check.assess.context import answer_questions, kenmerken_answer
from iza_check.assess.findings import Outcome, ProfileReport, Report
from iza_check.assess.profile import assess
from iza_check.engine import create_engine
from iza_check.profile.loader import load_profile
from iza_check.report import html, json_report
from iza_check.resources import rules_dir
from iza_check.rules.loader import load_catalogue

REPO = Path(__file__).resolve().parents[2]
PEILDATUM = dt.date(2026, 11, 1)
CATALOGUE = load_catalogue([rules_dir()])


def _report(path: Path) -> ProfileReport:
    loaded = load_profile(path)
    results = create_engine(CATALOGUE, "python").evaluate(loaded.profile, peildatum=PEILDATUM)
    return assess(loaded, CATALOGUE.rules, results, PEILDATUM)


def test_question_1_is_answered_from_the_kenmerken_for_a_profile_that_meets_all_ten() -> None:
    report = _report(REPO / "profiles" / "zelfregiecentrum-de-brug.yaml")
    first = report.questions[0]
    assert first.number == 1 and first.answerable
    assert first.answer is not None
    assert first.answer.nl == "Voldoet aan 10 van de 10 kenmerken."
    assert first.answer.en == "Meets 10 of the 10 kenmerken."


def test_question_1_names_the_kenmerken_not_met() -> None:
    report = _report(REPO / "profiles" / "starter-vrijwilligers.yaml")
    answer = report.questions[0].answer
    assert answer is not None and answer.nl == "Voldoet aan 7 van de 10 kenmerken. Deels: K7, K8, K10."
    assert answer.en == "Meets 7 of the 10 kenmerken. Partly: K7, K8, K10."


def test_a_question_with_nothing_to_go_on_cannot_be_answered_yet(tmp_path: Path) -> None:
    path = tmp_path / "leeg.yaml"
    path.write_text("versie: 1\ninitiatief:\n  naam: Nog leeg\n", encoding="utf-8")
    report = _report(path)
    assert all(f.outcome is Outcome.onbekend for f in report.findings if f.rule_id in {f"K{n}" for n in range(1, 11)})
    assert [q.answerable for q in report.questions] == [False] * 7
    one = Report(PEILDATUM, "0", "python", (report,))
    page = html.render(one)
    assert page.count("Nog niet te beantwoorden: het profiel zegt hier nog niets over.") == 7
    assert html.render(one, lang="en").count("Cannot be answered yet") == 7
    questions = json.loads(json_report.render(one))["profiles"][0]["questions"]
    assert [q["answerable"] for q in questions] == [False] * 7
    assert questions[0]["answer"] == "Nog niet te beantwoorden: het profiel zegt hier nog niets over."


def test_own_words_alone_answer_a_question(tmp_path: Path) -> None:
    path = tmp_path / "woorden.yaml"
    path.write_text(
        "versie: 1\ninitiatief:\n  naam: Woorden\nwerkwijze:\n  toelichting: Bezoekers helpen elkaar.\n",
        encoding="utf-8",
    )
    report = _report(path)
    second = report.questions[1]
    assert second.facts == () and second.toelichting == ("Bezoekers helpen elkaar.",) and second.answerable
    page = html.render(Report(PEILDATUM, "0", "python", (report,)))
    assert page.count("Nog niet te beantwoorden") == 6  # every question but 2 (reciprocity: werkwijze's words)


def test_the_kenmerken_answer_without_findings_is_none() -> None:
    assert kenmerken_answer((), ("K1", "K2")) is None
    report = _report(REPO / "profiles" / "naasten-steunpunt.yaml")
    assert answer_questions(load_profile(REPO / "profiles" / "naasten-steunpunt.yaml").profile, {})[0].answer is None
    assert report.questions[0].answer is not None
