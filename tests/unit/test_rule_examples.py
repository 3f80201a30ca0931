"""The voorbeelden of the rules: run through the engine one rule at a time."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from test_rule_kit import PEILDATUM, catalogue, rule_data

from iza_check.engine import create_engine
from iza_check.engine.outcomes import Outcome
from iza_check.resources import rules_dir
from iza_check.rules.examples import run_examples
from iza_check.rules.loader import load_catalogue
from iza_check.rules.model import Catalogue, Voorbeeld

VOG = {"veld": "kwaliteit.vog.oudste_afgiftedatum", "niet_ouder_dan_jaren": 3}


def test_every_example_of_the_bundled_catalogue_holds(backend: str) -> None:
    cat = load_catalogue([rules_dir()])
    results = run_examples(cat, create_engine(cat, backend), peildatum=dt.date.today())
    assert len(results) >= 2 * len(cat.rules)
    failed = [r for r in results if not r.ok]
    assert not failed, failed


@pytest.fixture(scope="module")
def small() -> Catalogue:
    return catalogue(
        rule_data(
            "E1",
            VOG,
            voorbeelden=[
                {"naam": "recent", "profiel": {"kwaliteit": {"vog": {"oudste_afgiftedatum": dt.date(2024, 1, 1)}}}, "verwacht": "voldoet"},
                {"naam": "verkeerd verwacht", "profiel": {"kwaliteit": {"vog": {"oudste_afgiftedatum": dt.date(2020, 1, 1)}}}, "verwacht": "voldoet"},
                {"naam": "naam ingevuld", "profiel": {"initiatief": {"gemeente": "Zeist"}}, "verwacht": "onbekend"},
            ],
        ),
        rule_data("E2", {"veld": "toegang.indicatie_nodig", "gelijk": False}),
    )


def test_results_report_expected_actual_and_why(small: Catalogue, backend: str) -> None:
    results = run_examples(small, create_engine(small, backend), peildatum=PEILDATUM)
    assert [(r.rule_id, r.naam, r.ok) for r in results] == [
        ("E1", "recent", True),
        ("E1", "verkeerd verwacht", False),
        ("E1", "naam ingevuld", True),
        ("E2", "leeg", True),
        ("E2", "ook leeg", True),
    ]
    wrong = results[1]
    assert wrong.expected is Outcome.voldoet and wrong.actual is Outcome.voldoet_niet
    assert "kwaliteit.vog.oudste_afgiftedatum" in wrong.detail and "2020" in wrong.detail
    assert "ontbreekt: kwaliteit.vog.oudste_afgiftedatum" in results[2].detail


def test_the_peildatum_reaches_the_examples(small: Catalogue, backend: str) -> None:
    later = run_examples(small, create_engine(small, backend), peildatum=dt.date(2030, 1, 1))
    assert later[0].ok is False and later[0].actual is Outcome.voldoet_niet


def test_an_invalid_example_profile_is_a_failed_example(small: Catalogue, backend: str) -> None:
    rule = small.get("E2")
    broken = Voorbeeld.model_construct(naam="kapot", profiel={"toegang": {"indicatie_nodig": "nee"}}, verwacht=Outcome.voldoet)
    patched = Catalogue((rule.model_copy(update={"voorbeelden": [broken]}),))
    (result,) = run_examples(patched, create_engine(patched, backend), peildatum=PEILDATUM)
    assert result.ok is False and result.actual is None
    assert "toegang.indicatie_nodig" in result.detail and "true of false" in result.detail


def test_an_example_with_its_own_peildatum_keeps_holding_as_the_years_pass(backend: str) -> None:
    fixed = catalogue(
        rule_data(
            "E3",
            VOG,
            voorbeelden=[
                {"naam": "recent in 2026", "peildatum": dt.date(2026, 11, 1),
                 "profiel": {"kwaliteit": {"vog": {"oudste_afgiftedatum": dt.date(2025, 6, 1)}}}, "verwacht": "voldoet"},
                {"naam": "zonder eigen peildatum", "profiel": {"kwaliteit": {"vog": {"oudste_afgiftedatum": dt.date(2025, 6, 1)}}},
                 "verwacht": "voldoet"},
            ],
        ),
    )
    results = run_examples(fixed, create_engine(fixed, backend), peildatum=dt.date(2040, 1, 1))
    assert [(r.naam, r.ok) for r in results] == [("recent in 2026", True), ("zonder eigen peildatum", False)]


def test_the_bundled_examples_hold_in_the_years_to_come(backend: str) -> None:
    cat = load_catalogue([rules_dir()])
    failed = [r for r in run_examples(cat, create_engine(cat, backend), peildatum=dt.date(2045, 1, 1)) if not r.ok]
    assert not failed, failed


def test_advice_fits_the_situation_the_facts_show() -> None:
    """The volunteers-only starter is not told to negotiate a lumpsum on agreed outputs (F1)."""
    from iza_check.checker import Checker

    checker = Checker((), dt.date(2026, 11, 1))
    root = Path(__file__).resolve().parents[2]

    def f1_advice(profile: Path) -> str:
        outcome = checker.check_file(profile)
        assert outcome.report is not None
        (finding,) = [f for f in outcome.report.findings if f.rule_id == "F1"]
        assert finding.advice is not None
        return finding.advice.nl

    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        volunteers = Path(folder) / "vrijwilligers.yaml"
        shutil.copy(root / "profiles" / "inloop-koffie-welzijn.yaml", volunteers)
        text = volunteers.read_text(encoding="utf-8").replace("betaalde_medewerkers: 1", "betaalde_medewerkers: 0")
        text = text.replace("  betaalde_medewerkers_ervaringsdeskundig: 0\n", "").replace("fte: 0.4", "fte: 0")
        volunteers.write_text(text, encoding="utf-8")
        assert "alleen met vrijwilligers" in f1_advice(volunteers) and "lumpsum" not in f1_advice(volunteers)
    assert "lumpsum" in f1_advice(root / "profiles" / "inloop-koffie-welzijn.yaml")


def test_a_situation_with_a_wrong_path_is_refused_by_lint(tmp_path: Path) -> None:
    from iza_check.problems import InputError

    source = (Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "rules" / "override_ok" / "extra.yaml")
    text = source.read_text(encoding="utf-8")
    rule = text[: text.index("  - id: T9")].replace("    vervangt: true\n", "").replace("T1", "R1")
    rule = rule.replace("    advies: {nl: Advies, en: Advice}\n", "    advies: {nl: Advies, en: Advice}\n    advies_als:\n"
                        "      - {als: {veld: team.betaalde_medewerkerz, gelijk: 0}, advies: {nl: a, en: b}}\n")
    (tmp_path / "r.yaml").write_text(rule, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_catalogue([rules_dir(), tmp_path])
    assert any("betaalde_medewerkerz" in p.message for p in caught.value.problems)
