"""The bundled example profiles, judged as the sources would judge them.

The table was reviewed against criteria.md and the source documents: each profile was written to show one
kind of initiative, and its outcomes follow from the facts in it (see the comments in ``profiles/``). A rule added
to the catalogue later is held to its outcomes on these profiles by the golden files (``.ci/regenerate``), until
it gets a column here.
V voldoet, D deels, N voldoet niet, ? onbekend, - n.v.t.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from iza_check.assess.findings import Outcome, ProfileReport, VerdictKind
from iza_check.checker import Checker

PROFILES = Path(__file__).resolve().parents[2] / "profiles"
PEILDATUM = dt.date(2026, 11, 1)

RULES = ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8", "K9", "K10", "K10a", "K10b", "K10c", "K10d", "T6", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10", "B1", "B2", "B3", "I1", "I2", "I3", "I4", "F1", "F2"]
#                                            K1........K10 abcdT Q1......Q10 B.. I... F.
EXPECTED: dict[str, tuple[VerdictKind, str]] = {
    "zelfregiecentrum-de-brug.yaml": (VerdictKind.past,              "VVVVVVVVVV VVVVV VVVVVVVVVV VVV VVVV VV"),
    "herstelacademie-ggz.yaml": (VerdictKind.groeiroute,                "DVDVDVVVDV VNVV? VVVVDDVDVV VVV VNVV NV"),
    "starter-vrijwilligers.yaml": (VerdictKind.groeiroute,              "VVVVVVDDVD VVNNN NVN-NDDVVN VVV VNV? NV"),
    "naasten-steunpunt.yaml": (VerdictKind.past,                        "VVVVVVVVVV VVNVV VVVVVDVVV? VVV VVVD DV"),
    "inloop-koffie-welzijn.yaml": (VerdictKind.niet_op_voorhand,        "VNNNVNDNNV VVVN? VVVVVVDDVV VNN VNNN NV"),
    "onvolledig-profiel.yaml": (VerdictKind.onvoldoende_gegevens,       "?????????? ????? ?????????? ??? ???? ?V"),
}
_LETTER = {"V": Outcome.voldoet, "D": Outcome.deels, "N": Outcome.voldoet_niet, "?": Outcome.onbekend, "-": Outcome.nvt}


@pytest.fixture(scope="module")
def reports() -> dict[str, ProfileReport]:
    checker = Checker((), PEILDATUM)
    out: dict[str, ProfileReport] = {}
    for path in sorted(PROFILES.glob("*.yaml")):
        outcome = checker.check_file(path)
        assert outcome.report is not None, outcome.problems
        out[path.name] = outcome.report
    return out


def test_the_table_covers_every_example_profile(reports: dict[str, ProfileReport]) -> None:
    assert set(reports) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_verdict_and_outcome_per_criterion(reports: dict[str, ProfileReport], name: str) -> None:
    verdict, letters = EXPECTED[name]
    report = reports[name]
    expected = dict(zip(RULES, (_LETTER[c] for c in letters.replace(" ", "")), strict=True))
    actual = {f.rule_id: f.outcome for f in report.findings if f.rule_id in expected}
    assert actual == expected
    assert report.verdict.kind is verdict


def test_the_coffee_drop_in_is_not_a_network_member(reports: dict[str, ProfileReport]) -> None:
    report = reports["inloop-koffie-welzijn.yaml"]
    assert report.verdict.kind is VerdictKind.niet_op_voorhand
    assert {"K2", "K9"} <= set(report.verdict.missing_kenmerken)


def test_the_volunteer_starter_is_on_the_growth_route_to_regie_in_de_regio(reports: dict[str, ProfileReport]) -> None:
    report = reports["starter-vrijwilligers.yaml"]
    assert report.verdict.kind is VerdictKind.groeiroute
    assert "Regie in de Regio" in report.verdict.summary.nl
    assert set(report.verdict.missing_kenmerken) <= set(report.verdict.planned_kenmerken)


def test_an_incomplete_profile_is_unknown_not_failing(reports: dict[str, ProfileReport]) -> None:
    report = reports["onvolledig-profiel.yaml"]
    assert not [f.rule_id for f in report.findings if f.outcome is Outcome.voldoet_niet]
    for finding in report.findings:
        if finding.outcome is Outcome.onbekend:
            assert finding.missing, finding.rule_id


def test_a_vog_older_than_three_years_is_a_gap_with_its_date(reports: dict[str, ProfileReport]) -> None:
    """Everyone has a VOG, the oldest is over 3 years old: partly, a smaller gap than nobody having one."""
    (q6,) = [f for f in reports["naasten-steunpunt.yaml"].findings if f.rule_id == "Q6"]
    assert q6.outcome is Outcome.deels
    dates = [fact.value for fact in q6.facts if fact.path == "kwaliteit.vog.oudste_afgiftedatum"]
    assert dates == [dt.date(2022, 9, 15)]
    assert q6.line is not None and q6.advice is not None
