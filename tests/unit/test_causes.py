"""Findings name their cause: the facts that kept a rule from voldoet, and only missing facts that matter.

The engine works the causes out once (engine/base.py ``explain``, from the condition tree with Kleene logic),
so both back-ends give the same; the finding's location points at the first cause, and every report marks it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_rule_kit import PEILDATUM, catalogue, profile, rule_data

from iza_check.assess.findings import ProfileReport, Report
from iza_check.assess.profile import assess
from iza_check.engine import Engine, create_engine
from iza_check.engine.base import basis
from iza_check.engine.facts import compile_reasons
from iza_check.engine.outcomes import Outcome
from iza_check.profile.loader import load_profile
from iza_check.profile.model import Profile
from iza_check.report import concise, github, html, json_report, junit, markdown, sarif, text
from iza_check.report.stream import View
from iza_check.resources import rules_dir
from iza_check.rules.loader import load_catalogue
from iza_check.rules.model import Catalogue
from iza_check.rules.operators import ConditionBase

INDICATIE_NEE = {"veld": "toegang.indicatie_nodig", "gelijk": False}
VERWIJZING_NEE = {"veld": "toegang.verwijzing_nodig", "gelijk": False}
NAASTEN_JA = {"veld": "toegang.naasten_welkom", "gelijk": True}
EPA_JA = {"veld": "toegang.epa_welkom", "gelijk": True}
INLOOP_JA = {"veld": "toegang.inloop_zonder_afspraak", "gelijk": True}
REFERRAL = {"lijst": "aanbod", "waar": {"veld": "verwijzing_nodig", "gelijk": True}, "minstens": 1}
RECOVERY = {"lijst": "aanbod", "waar": {"veld": "soort", "in": ["herstelcursus", "herstelgroep"]}, "minstens": 1}

CAUSES = catalogue(
    # alle: the false parts are the causes, not every part
    rule_data("ALLE", {"alle": [INDICATIE_NEE, VERWIJZING_NEE, NAASTEN_JA]}),
    # een_van false: every part is a cause
    rule_data("EEN", {"een_van": [NAASTEN_JA, EPA_JA]}),
    # niet swaps: niet(een_van) is false because of the part that is true
    rule_data("NIET", {"niet": {"een_van": [NAASTEN_JA, EPA_JA]}}),
    # a list item that holds, under niet: the item's field is the cause
    rule_data("ITEM", {"alle": [INDICATIE_NEE, {"niet": REFERRAL}]}),
    # a list that does not hold: the list is the cause
    rule_data("LIJST", RECOVERY),
    # voldoet niet: what made deels false counts too
    rule_data("BEIDE", {"alle": [INDICATIE_NEE, NAASTEN_JA]}, deels={"een_van": [INDICATIE_NEE, INLOOP_JA]}),
    # deels: only what kept it from voldoet
    rule_data("DEELS", {"alle": [INDICATIE_NEE, NAASTEN_JA]}, deels=INDICATIE_NEE),
    # an unknown that cannot change the outcome is not missing
    rule_data("OPEN", {"alle": [{"een_van": [NAASTEN_JA, EPA_JA]}, INLOOP_JA]}),
)


@pytest.fixture(scope="module")
def engine(make_engine: Callable[[Catalogue], Engine]) -> Engine:
    return make_engine(CAUSES)


def _result(engine: Engine, rule_id: str, **areas: Any) -> Any:
    return engine.evaluate_rule(profile(**areas), rule_id, peildatum=PEILDATUM)


def test_alle_false_names_only_its_false_parts(engine: Engine) -> None:
    result = _result(engine, "ALLE", toegang={"indicatie_nodig": False, "verwijzing_nodig": True, "naasten_welkom": False})
    assert result.outcome is Outcome.voldoet_niet
    assert result.causes == ("toegang.verwijzing_nodig", "toegang.naasten_welkom")


def test_een_van_false_names_every_part(engine: Engine) -> None:
    result = _result(engine, "EEN", toegang={"naasten_welkom": False, "epa_welkom": False})
    assert result.outcome is Outcome.voldoet_niet and result.causes == ("toegang.naasten_welkom", "toegang.epa_welkom")


def test_niet_swaps_truth_and_falsity(engine: Engine) -> None:
    result = _result(engine, "NIET", toegang={"naasten_welkom": False, "epa_welkom": True})
    assert result.outcome is Outcome.voldoet_niet and result.causes == ("toegang.epa_welkom",)


def test_an_item_of_a_list_is_named_by_its_index(engine: Engine) -> None:
    aanbod = [
        {"naam": "Inloop", "soort": "inloop", "verwijzing_nodig": False},
        {"naam": "Groep", "soort": "herstelgroep", "verwijzing_nodig": True},
    ]
    result = _result(engine, "ITEM", toegang={"indicatie_nodig": False}, aanbod=aanbod, aanbod_volledig=True)
    assert result.outcome is Outcome.voldoet_niet and result.causes == ("aanbod[1].verwijzing_nodig",)


def test_a_list_that_does_not_hold_is_the_cause_itself(engine: Engine) -> None:
    result = _result(engine, "LIJST", aanbod=[{"naam": "Koffie", "soort": "inloop"}], aanbod_volledig=True)
    assert result.outcome is Outcome.voldoet_niet and result.causes == ("aanbod",)


def test_voldoet_niet_names_what_made_deels_false_too(engine: Engine) -> None:
    result = _result(engine, "BEIDE", toegang={"indicatie_nodig": True, "naasten_welkom": True, "inloop_zonder_afspraak": False})
    assert result.outcome is Outcome.voldoet_niet
    assert result.causes == ("toegang.indicatie_nodig", "toegang.inloop_zonder_afspraak")


def test_deels_names_what_kept_it_from_voldoet(engine: Engine) -> None:
    result = _result(engine, "DEELS", toegang={"indicatie_nodig": False, "naasten_welkom": False})
    assert result.outcome is Outcome.deels and result.causes == ("toegang.naasten_welkom",)
    # deels holds while voldoet is still open: no gap yet but onbekend, deels at least; the open fact is missing
    open_result = _result(engine, "DEELS", toegang={"indicatie_nodig": False})
    assert open_result.outcome is Outcome.onbekend and open_result.at_least is Outcome.deels
    assert open_result.causes == () and open_result.at_best is None
    assert open_result.missing == ("toegang.naasten_welkom",)


def test_a_decided_outcome_has_no_causes_but_a_basis(engine: Engine) -> None:
    toegang = {"indicatie_nodig": False, "verwijzing_nodig": False, "naasten_welkom": True}
    result = _result(engine, "ALLE", toegang=toegang)
    assert result.outcome is Outcome.voldoet and result.causes == ()
    rule = next(r for r in CAUSES.rules if r.id == "ALLE")
    assert basis(rule, result, profile(toegang=toegang), PEILDATUM) == (
        "toegang.indicatie_nodig", "toegang.verwijzing_nodig", "toegang.naasten_welkom"
    )
    # deels rests on its causes and on what made deels true
    deels = {"indicatie_nodig": False, "naasten_welkom": False}
    partly = _result(engine, "DEELS", toegang=deels)
    rule = next(r for r in CAUSES.rules if r.id == "DEELS")
    assert basis(rule, partly, profile(toegang=deels), PEILDATUM) == ("toegang.naasten_welkom", "toegang.indicatie_nodig")


def test_missing_lists_only_facts_that_could_change_the_outcome(engine: Engine) -> None:
    # een_van is already true (naasten welkom): epa_welkom cannot change anything; inloop can
    result = _result(engine, "OPEN", toegang={"naasten_welkom": True})
    assert result.outcome is Outcome.onbekend and result.missing == ("toegang.inloop_zonder_afspraak",)
    # while the een_van is open, both its unknowns matter
    both = _result(engine, "OPEN", toegang={"naasten_welkom": False, "inloop_zonder_afspraak": True})
    assert both.outcome is Outcome.onbekend and both.missing == ("toegang.epa_welkom",)


def test_an_onbekend_that_is_deels_at_best_names_what_rules_out_voldoet(engine: Engine) -> None:
    result = _result(engine, "BEIDE", toegang={"indicatie_nodig": True, "naasten_welkom": True})
    assert result.outcome is Outcome.onbekend and result.at_best is Outcome.deels
    assert result.causes == ("toegang.indicatie_nodig",) and result.missing == ("toegang.inloop_zonder_afspraak",)


def test_reasons_agree_with_the_truth_of_the_condition() -> None:
    from iza_check.engine.base import item_types
    from iza_check.engine.facts import compile_condition

    for rule in CAUSES.rules:
        condition: ConditionBase = rule.voldoet
        truth = compile_condition(condition, item_types(condition, Profile))
        reasons = compile_reasons(condition, Profile)
        for areas in ({}, {"toegang": {"naasten_welkom": True}}, {"toegang": {"indicatie_nodig": True, "epa_welkom": False}}):
            item = profile(**areas)
            assert reasons(item, PEILDATUM).truth == truth(item, PEILDATUM), rule.id


# ----------------------------------------------------------------------------- the real rules, end to end

PROFILE = """\
versie: 1
initiatief:
  naam: Herstelplek Test
toegang:
  indicatie_nodig: false
  verwijzing_nodig: false
  diagnose_nodig: false
  registratie_nodig: false
  inloop_zonder_afspraak: true
  dagdelen_open_per_week: 2
  eigen_bijdrage: geen
  naasten_welkom: true
  epa_welkom: true
aanbod:
  - naam: Inloop
    soort: inloop
  - naam: Lotgenotengroep
    soort: lotgenotengroep
    verwijzing_nodig: true
    per_jaar: 20
aanbod_volledig: true
team:
  opgeleide_ervaringsdeskundigen: 1
  scholingsplan: false
  coaching: false
  professionele_achtervang: false
werkwijze:
  intervisie: false
"""


def _report(tmp_path: Path, text_: str = PROFILE) -> ProfileReport:
    path = tmp_path / "profiel.yaml"
    path.write_text(text_, encoding="utf-8")
    loaded = load_profile(path)
    rules = load_catalogue([rules_dir()])
    results = create_engine(rules, "python").evaluate(loaded.profile, peildatum=dt.date(2026, 11, 1))
    return assess(loaded, rules.rules, results, dt.date(2026, 11, 1))


def test_the_finding_points_at_its_cause_not_at_its_first_fact(tmp_path: Path) -> None:
    report = _report(tmp_path)
    k1 = next(f for f in report.findings if f.rule_id == "K1")
    assert k1.outcome is Outcome.deels
    # the referral makes it count against K1, and so does being held (per_jaar above 0)
    assert [c.path for c in k1.causes] == ["aanbod[1].verwijzing_nodig", "aanbod[1].per_jaar"]
    assert (k1.line, k1.column) == (19, 23) and k1.field_path == "aanbod[1].verwijzing_nodig"
    assert k1.facts[0].path == "toegang.indicatie_nodig" and k1.facts[0].line == 5  # the first fact is elsewhere
    assert k1.causes[0].value is True
    q7 = next(f for f in report.findings if f.rule_id == "Q7")
    assert q7.is_gap and q7.line == q7.causes[0].line and q7.causes[0].path == "werkwijze.intervisie"


def _one(report: ProfileReport) -> Report:
    return Report(peildatum=dt.date(2026, 11, 1), tool_version="0", engine="python", profiles=(report,))


def test_every_format_marks_or_locates_the_cause(tmp_path: Path) -> None:
    report = _one(_report(tmp_path))
    shown = text.render(report)
    assert "Waarom: activiteit 2 (Lotgenotengroep): verwijzing nodig: ja" in shown
    appendix = View(appendix=True)
    assert "activiteit 2 (Lotgenotengroep): verwijzing nodig: ja (regel 19, kolom 23)" in text.render(report, view=appendix)
    assert "← oorzaak" in text.render(report, view=appendix)
    assert "← cause" in text.render(report, lang="en", view=appendix)
    assert "**← oorzaak**" in markdown.render(report, view=appendix)
    page = html.render(report)
    assert 'class="cause"' in page and "← oorzaak" in page
    document = json.loads(json_report.render(report))
    k1 = next(f for f in document["profiles"][0]["findings"] if f["rule_id"] == "K1")
    assert k1["causes"][0] == {"column": 23, "line": 19, "path": "aanbod[1].verwijzing_nodig", "value": True}
    assert (k1["line"], k1["column"]) == (19, 23)
    assert "profiel.yaml:19:23: K1 deels" in concise.render(report)
    assert any(line.startswith("::error") and "line=19,col=23" in line and "title=K1 " in line for line in github.render(report).splitlines())
    results = sarif.sarif_document(report)["runs"][0]["results"]
    k1_result = next(r for r in results if r["ruleId"] == "K1")
    assert k1_result["locations"][0]["physicalLocation"]["region"] == {"startLine": 19, "startColumn": 23}
    assert 'line="19"' in next(line for line in junit.render(report).splitlines() if 'name="K1 ' in line)


def test_a_list_without_a_completeness_field_proves_no_absence_unless_empty() -> None:
    """``toegang.bewijs`` has no ``_volledig`` field: one document does not show there is no second one."""
    from iza_check.rules.operators import AantalMinstens

    condition = AantalMinstens.model_validate({"veld": "toegang.bewijs", "aantal_minstens": 2})
    reasons = compile_reasons(condition, Profile)
    one = profile(toegang={"bewijs": [{"document": "Folder"}]})
    assert reasons(one, PEILDATUM, None).truth is None
    assert reasons(profile(toegang={"bewijs": []}), PEILDATUM, None).truth is False
