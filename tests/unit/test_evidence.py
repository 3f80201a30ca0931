"""Declared vs. backed: an outcome resting on a document, URL or date is onderbouwd, else verklaard.

Evidence never changes an outcome. Every report shows it per kenmerk; the funder summary counts it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from iza_check.assess.evidence import collect
from iza_check.assess.findings import FileOutcome, Finding, Outcome, ProfileReport, Report
from iza_check.assess.profile import assess
from iza_check.checker import unknown_criteria
from iza_check.engine import create_engine
from iza_check.funders.summary import row_for_report
from iza_check.profile.loader import load_profile
from iza_check.profile.model import Profile
from iza_check.report import html, json_report, markdown, text
from iza_check.report.stream import View
from iza_check.report.summary_formats import render_summary_csv, render_summary_html, render_summary_text
from iza_check.resources import rules_dir
from iza_check.rules.loader import load_catalogue

PEILDATUM = dt.date(2026, 11, 1)
CATALOGUE = load_catalogue([rules_dir()])

BASE: dict[str, Any] = {
    "versie": 1,
    "initiatief": {"naam": "Steunpunt Test"},
    "werkwijze": {"clientdossier": False, "diagnoses_geregistreerd": False, "aanspreekvorm": "bezoeker"},
    "kwaliteit": {"klachtenprocedure": {"aanwezig": True}},
    "aanbod": [
        {"naam": "Inloop", "soort": "inloop", "bewijs": [{"document": "Openingstijden op de deur"}]},
        {"naam": "WRAP", "soort": "herstelcursus", "methode": "wrap", "per_jaar": 2},
    ],
    "aanbod_volledig": True,
}


def _with(**changes: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(BASE))
    for dotted, value in changes.items():
        node = data
        *parents, last = dotted.split("__")
        for name in parents:
            node = node[int(name)] if isinstance(node, list) else node.setdefault(name, {})
        node[last] = value
    return data


def _report(tmp_path: Path, data: dict[str, Any]) -> ProfileReport:
    path = tmp_path / "profiel.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded = load_profile(path)
    results = create_engine(CATALOGUE, "python").evaluate(loaded.profile, peildatum=PEILDATUM)
    return assess(loaded, CATALOGUE.rules, results, PEILDATUM)


def _finding(report: ProfileReport, rule_id: str) -> Finding:
    return next(f for f in report.findings if f.rule_id == rule_id)


def test_a_regulation_with_its_adoption_date_is_onderbouwd(tmp_path: Path) -> None:
    declared = _finding(_report(tmp_path, BASE), "Q1")
    assert declared.outcome is Outcome.voldoet and declared.onderbouwd is False and declared.evidence == ()
    backed = _finding(_report(tmp_path, _with(kwaliteit__klachtenprocedure__vastgesteld_op="2024-03-01")), "Q1")
    assert backed.outcome is Outcome.voldoet and backed.onderbouwd is True
    assert [(e.path, e.datum) for e in backed.evidence] == [
        ("kwaliteit.klachtenprocedure.vastgesteld_op", dt.date(2024, 3, 1))
    ]


def test_a_regulation_with_a_document_or_url_is_onderbouwd(tmp_path: Path) -> None:
    data = _with(kwaliteit__klachtenprocedure__bewijs=[{"url": "https://example.org/klachten"}])
    q1 = _finding(_report(tmp_path, data), "Q1")
    assert q1.onderbouwd is True and q1.evidence[0].url == "https://example.org/klachten"
    assert q1.evidence[0].path == "kwaliteit.klachtenprocedure.bewijs[0]" and q1.evidence[0].line is not None


def test_area_evidence_backs_only_the_criteria_it_names(tmp_path: Path) -> None:
    unnamed = _with(werkwijze__bewijs=[{"document": "Werkboek", "datum": "2024-05-01"}])
    assert _finding(_report(tmp_path, unnamed), "K5").onderbouwd is False  # an area holds facts for many criteria
    named = _with(werkwijze__bewijs=[{"document": "Werkboek", "datum": "2024-05-01", "betreft": ["K5"]}])
    report = _report(tmp_path, named)
    assert _finding(report, "K5").onderbouwd is True and _finding(report, "K5").evidence[0].document == "Werkboek"
    assert _finding(report, "K6").onderbouwd is None  # onbekend rests on nothing yet


def test_evidence_of_an_activity_backs_the_criteria_that_rest_on_that_activity(tmp_path: Path) -> None:
    # the inloop has a document; K2 (herstelaanbod) rests on the WRAP course, which has none
    report = _report(tmp_path, BASE)
    assert _finding(report, "K2").outcome is Outcome.voldoet and _finding(report, "K2").onderbouwd is False
    assert _finding(report, "B1").onderbouwd is True  # sociale participatie rests on the inloop
    backed = _report(tmp_path, _with(aanbod__1__bewijs=[{"document": "Cursuskalender 2026"}]))
    assert _finding(backed, "K2").onderbouwd is True
    assert [e.document for e in _finding(backed, "K2").evidence] == ["Cursuskalender 2026"]


def test_evidence_never_turns_a_gap_into_voldoet(tmp_path: Path) -> None:
    gap = _with(
        kwaliteit__klachtenprocedure__aanwezig=False,
        kwaliteit__bewijs=[{"document": "Klachtenregeling (concept)", "betreft": ["Q1"]}],
    )
    q1 = _finding(_report(tmp_path, gap), "Q1")
    assert q1.outcome is Outcome.voldoet_niet and q1.is_gap


def test_a_name_of_criteria_alone_is_no_evidence(tmp_path: Path) -> None:
    data = _with(werkwijze__bewijs=[{"betreft": ["K5"]}])
    assert _finding(_report(tmp_path, data), "K5").onderbouwd is False


def test_betreft_is_checked_like_plan_codes(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        Profile.model_validate(_with(werkwijze__bewijs=[{"document": "x", "betreft": ["k 5"]}]))
    data = _with(werkwijze__bewijs=[{"document": "x", "betreft": ["K5", "K99"]}])
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    loaded = load_profile(path)
    rule_ids = frozenset(rule.id for rule in CATALOGUE.rules)
    problems = unknown_criteria(loaded, rule_ids)
    assert [(p.field_path, p.code) for p in problems] == [("werkwijze.bewijs[0].betreft[1]", "unknown-criterion")]
    assert problems[0].line is not None and "K99" in problems[0].message


def test_collect_finds_every_kind_of_evidence(tmp_path: Path) -> None:
    data = _with(
        kwaliteit__rie={"uitgevoerd": True, "datum": "2025-01-01"},
        kwaliteit__vog={"voor": "iedereen", "oudste_afgiftedatum": "2024-01-01"},
        samenwerking={"partners": [{"naam": "Wijkteam", "categorie": "sociaal_domein", "bewijs": [{"document": "Convenant"}]}]},
    )
    evidence = collect(Profile.model_validate(data), {}, PEILDATUM)
    assert {(b.ref.path, b.backs) for b in evidence.backings} == {
        ("aanbod[0].bewijs[0]", "aanbod[0]"),
        ("kwaliteit.rie.datum", "kwaliteit.rie"),
        ("kwaliteit.vog.oudste_afgiftedatum", "kwaliteit.vog"),
        ("samenwerking.partners[0].bewijs[0]", "samenwerking.partners[0]"),
    }


def test_a_date_after_the_peildatum_backs_nothing() -> None:
    """No document is dated in the future: such a date is a typo or a plan, and no evidence (a document still is)."""
    data = _with(
        kwaliteit__rie={"uitgevoerd": True, "datum": "2062-01-01"},
        kwaliteit__vog={"voor": "iedereen", "oudste_afgiftedatum": "2062-01-01"},
        kwaliteit__klachtenprocedure={"aanwezig": True, "vastgesteld_op": "2062-05-01"},
        werkwijze__bewijs=[{"datum": "2062-01-01", "betreft": ["K5"]}, {"document": "Werkboek", "datum": "2062-01-01", "betreft": ["K8"]}],
    )
    evidence = collect(Profile.model_validate(data), {}, PEILDATUM)
    assert [b.ref.path for b in evidence.backings] == ["aanbod[0].bewijs[0]", "werkwijze.bewijs[1]"]
    assert {b.ref.path for b in collect(Profile.model_validate(data), {}, dt.date(2062, 6, 1)).backings} >= {
        "kwaliteit.rie.datum", "kwaliteit.vog.oudste_afgiftedatum", "kwaliteit.klachtenprocedure.vastgesteld_op"
    }


def _named_report(tmp_path: Path) -> Report:
    data = _with(
        kwaliteit__klachtenprocedure__vastgesteld_op="2024-03-01",
        werkwijze__bewijs=[{"document": "Werkboek", "url": "https://example.org/werkboek", "betreft": ["K5"]}],
    )
    return Report(PEILDATUM, "0", "python", (_report(tmp_path, data),))


def test_every_report_shows_onderbouwd_or_verklaard_per_kenmerk(tmp_path: Path) -> None:
    report = _named_report(tmp_path)
    plain = text.render(report)
    assert "K5 Mensen ontmoeten elkaar als mens, niet in de rol van cliënt en hulpverlener (onderbouwd)" in plain
    assert "(verklaard)" in plain
    assert "Werkboek, https://example.org/werkboek" in text.render(report, view=View(appendix=True))
    assert "(backed)" in text.render(report, lang="en")
    assert "(onderbouwd)" in markdown.render(report)
    page = html.render(report)
    assert 'class="backing backing-onderbouwd">onderbouwd' in page and 'href="https://example.org/werkboek"' in page
    findings = json.loads(json_report.render(report))["profiles"][0]["findings"]
    k5 = next(f for f in findings if f["rule_id"] == "K5")
    assert k5["onderbouwd"] is True and k5["evidence"][0]["document"] == "Werkboek"
    assert next(f for f in findings if f["rule_id"] == "K1")["onderbouwd"] is None  # onbekend


def test_the_summary_counts_onderbouwd_kenmerken(tmp_path: Path) -> None:
    row = row_for_report(_named_report(tmp_path).profiles[0])
    assert row.onderbouwd == 1 and row.onderbouwd_text == "1/10"
    assert "1/10" in render_summary_text([row], peildatum=PEILDATUM)
    assert "Onderbouwd" in render_summary_text([row], peildatum=PEILDATUM)
    assert ">1/10</td>" in render_summary_html([row], peildatum=PEILDATUM)
    records = list(csv.reader(io.StringIO(render_summary_csv([row])[1:], newline=""), delimiter=";"))
    assert records[0][15] == "Onderbouwd" and records[1][15] == "1/10"
    broken = FileOutcome("kapot.yaml", problems=())
    lines = render_summary_csv([row_for_outcome(broken), row]).splitlines()
    assert len({line.count(";") for line in lines}) == 1, "a broken file's row has every column too"


def row_for_outcome(outcome: FileOutcome) -> Any:
    from iza_check.funders.summary import row_for_outcome as build

    return build(outcome)
