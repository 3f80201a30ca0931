"""The engine: outcomes per the rule format, explanations, encodings, peildatum and the sharp edges."""

from __future__ import annotations

import builtins
import datetime as dt
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from engine_marks import requires_durable
from test_rule_kit import PEILDATUM, catalogue, profile, rule_data

import iza_check.engine as engine_package
import iza_check.engine.durable as engine_module
from iza_check.engine import Engine, EngineUnavailable, create_engine, decide
from iza_check.engine.base import bounds
from iza_check.engine.outcomes import Fact, Outcome
from iza_check.profile.model import Profile, Team, Toegang
from iza_check.resources import rules_dir
from iza_check.rules.loader import load_catalogue
from iza_check.rules.model import Catalogue

INDICATIE_NEE = {"veld": "toegang.indicatie_nodig", "gelijk": False}
NAASTEN_JA = {"veld": "toegang.naasten_welkom", "gelijk": True}
GEEN_MEDEWERKERS = {"veld": "team.betaalde_medewerkers", "gelijk": 0}

OUTCOME_CATALOGUE = catalogue(
    rule_data(
        "R1",
        {"alle": [INDICATIE_NEE, NAASTEN_JA]},
        deels={"een_van": [INDICATIE_NEE, NAASTEN_JA]},
        nvt=GEEN_MEDEWERKERS,
    ),
    rule_data("R2", {"alle": [INDICATIE_NEE, NAASTEN_JA]}),
    rule_data("R3", {"lijst": "aanbod", "waar": {"veld": "door_en_voor", "gelijk": True}, "minstens": 1}),
)
TYPED = catalogue(
    rule_data("BOOL", {"veld": "toegang.indicatie_nodig", "gelijk": True}),
    rule_data("NUM", {"veld": "team.vrijwilligers", "minstens": 18}),
    rule_data("TEXT", {"veld": "initiatief.gemeente", "gelijk": "true"}),
    rule_data("ONE", {"veld": "team.vrijwilligers", "gelijk": 1}),
)


@pytest.fixture(scope="module")
def outcome_engine(make_engine: Callable[[Catalogue], Engine]) -> Engine:
    return make_engine(OUTCOME_CATALOGUE)


@pytest.mark.parametrize(
    ("areas", "expected"),
    [
        ({"toegang": {"indicatie_nodig": False, "naasten_welkom": True}}, Outcome.voldoet),
        ({"toegang": {"indicatie_nodig": False, "naasten_welkom": False}}, Outcome.deels),
        ({"toegang": {"indicatie_nodig": False}}, Outcome.onbekend),  # deels known true, voldoet unknown: deels at least
        ({"toegang": {"indicatie_nodig": True, "naasten_welkom": False}}, Outcome.voldoet_niet),
        ({"toegang": {"indicatie_nodig": True}}, Outcome.onbekend),  # voldoet false, deels unknown
        ({}, Outcome.onbekend),
        # nvt wins over everything, and an unknown nvt condition does not block the other outcomes.
        ({"team": {"betaalde_medewerkers": 0}, "toegang": {"indicatie_nodig": True, "naasten_welkom": False}}, Outcome.nvt),
        ({"team": {"betaalde_medewerkers": 2}, "toegang": {"indicatie_nodig": False, "naasten_welkom": True}}, Outcome.voldoet),
        ({"team": {"betaalde_medewerkers": 2}, "toegang": {"indicatie_nodig": True, "naasten_welkom": False}}, Outcome.voldoet_niet),
    ],
)
def test_outcome_precedence(outcome_engine: Engine, areas: dict[str, Any], expected: Outcome) -> None:
    assert outcome_engine.evaluate_rule(profile(**areas), "R1", peildatum=PEILDATUM).outcome is expected


def test_onbekend_is_not_voldoet_niet(outcome_engine: Engine) -> None:
    """Not telling is not the same as not doing: R2 without deels, one fact false vs one fact missing."""
    told_no = outcome_engine.evaluate_rule(profile(toegang={"indicatie_nodig": True}), "R2", peildatum=PEILDATUM)
    not_told = outcome_engine.evaluate_rule(profile(toegang={"indicatie_nodig": False}), "R2", peildatum=PEILDATUM)
    assert told_no.outcome is Outcome.voldoet_niet
    assert not_told.outcome is Outcome.onbekend
    assert not_told.missing == ("toegang.naasten_welkom",)
    assert not_told.facts == (Fact("toegang.indicatie_nodig", False),)


def test_explanation_lists_present_facts_and_missing_paths(outcome_engine: Engine) -> None:
    result = outcome_engine.evaluate_rule(profile(toegang={"indicatie_nodig": True}), "R1", peildatum=PEILDATUM)
    assert result.outcome is Outcome.onbekend
    assert result.facts == (Fact("toegang.indicatie_nodig", True),)
    # deels and nvt stayed undecided: their absent facts are what is needed.
    assert result.missing == ("toegang.naasten_welkom", "team.betaalde_medewerkers")
    decided = outcome_engine.evaluate_rule(
        profile(toegang={"indicatie_nodig": False, "naasten_welkom": True}), "R1", peildatum=PEILDATUM
    )
    assert decided.outcome is Outcome.voldoet and decided.missing == ()


def test_missing_points_at_list_items_that_left_a_count_open(outcome_engine: Engine) -> None:
    aanbod = [{"naam": "a", "soort": "inloop", "door_en_voor": False}, {"naam": "b", "soort": "sport"}]
    result = outcome_engine.evaluate_rule(profile(aanbod=aanbod), "R3", peildatum=PEILDATUM)
    assert result.outcome is Outcome.onbekend
    # The second activity's fact, or word that the list is the whole offer, could settle it.
    assert result.missing == ("aanbod[1].door_en_voor", "aanbod_volledig")
    whole = outcome_engine.evaluate_rule(profile(aanbod=aanbod, aanbod_volledig=True), "R3", peildatum=PEILDATUM)
    assert whole.outcome is Outcome.onbekend and whole.missing == ("aanbod[1].door_en_voor",)
    told = [aanbod[0], {**aanbod[1], "door_en_voor": False}]
    assert outcome_engine.evaluate_rule(profile(aanbod=told), "R3", peildatum=PEILDATUM).missing == ("aanbod_volledig",)
    decided = outcome_engine.evaluate_rule(profile(aanbod=told, aanbod_volledig=True), "R3", peildatum=PEILDATUM)
    assert decided.outcome is Outcome.voldoet_niet and decided.missing == ()
    assert result.facts[0].path == "aanbod"
    assert result.facts[0].value == [
        {"naam": "a", "soort": "inloop", "door_en_voor": False},
        {"naam": "b", "soort": "sport"},
    ]


def test_results_come_in_catalogue_order(outcome_engine: Engine) -> None:
    results = outcome_engine.evaluate(profile(), peildatum=PEILDATUM)
    assert [r.rule_id for r in results] == ["R1", "R2", "R3"]


def test_decide_follows_the_format() -> None:
    assert decide({"voldoet": None, "nvt": True}) is Outcome.nvt
    assert decide({"voldoet": False, "deels": None}) is Outcome.onbekend
    assert decide({"voldoet": False}) is Outcome.voldoet_niet
    assert decide({"voldoet": None, "deels": True}) is Outcome.onbekend  # deels at least: no gap yet
    assert decide({"voldoet": False, "deels": True}) is Outcome.deels
    assert bounds({"voldoet": None, "deels": True}) == (None, Outcome.deels)
    assert bounds({"voldoet": False, "deels": None}) == (Outcome.deels, None)
    assert bounds({"voldoet": False, "deels": None, "nvt": None}) == (None, None)  # n.v.t. (met) is still open
    assert bounds({"voldoet": False, "deels": None, "nvt": False}) == (Outcome.deels, None)
    assert bounds({"voldoet": None, "deels": None}) == bounds({"voldoet": None}) == (None, None)
    assert decide({"voldoet": False, "deels": False, "nvt": None}) is Outcome.voldoet_niet


# --- encodings: durable compares loosely ('9' >= 18, 1 == True, 'true' == True) ----------------------


@pytest.fixture(scope="module")
def typed_engine(make_engine: Callable[[Catalogue], Engine]) -> Engine:
    return make_engine(TYPED)


@requires_durable
def test_booleans_are_asserted_as_ja_nee() -> None:
    typed_engine = create_engine(TYPED, "durable")
    facts = typed_engine.facts(profile(toegang={"indicatie_nodig": True}, team={"vrijwilligers": 1}), peildatum=PEILDATUM)
    assert "ja" in facts.values() and True not in [v for v in facts.values() if isinstance(v, bool)]
    assert all(not isinstance(v, bool) for v in facts.values())


def test_true_one_and_text_true_are_not_confused(typed_engine: Engine) -> None:
    results = {
        r.rule_id: r.outcome
        for r in typed_engine.evaluate(
            profile(toegang={"indicatie_nodig": False}, team={"vrijwilligers": 1}, initiatief={"gemeente": "true"}),
            peildatum=PEILDATUM,
        )
    }
    assert results == {"BOOL": Outcome.voldoet_niet, "NUM": Outcome.voldoet_niet, "TEXT": Outcome.voldoet, "ONE": Outcome.voldoet}


def test_values_of_the_wrong_type_are_never_asserted(typed_engine: Engine) -> None:
    """A profile built without validation: '9' must not pass 'minstens 18', 1 must not pass 'gelijk true'."""
    unchecked = Profile.model_construct(
        initiatief=profile().initiatief,
        toegang=Toegang.model_construct(indicatie_nodig=1),
        team=Team.model_construct(vrijwilligers="9"),
    )
    if isinstance(typed_engine, engine_module.DurableEngine):
        assert typed_engine.facts(unchecked, peildatum=PEILDATUM) == {}
    results = {r.rule_id: r.outcome for r in typed_engine.evaluate(unchecked, peildatum=PEILDATUM)}
    assert results["BOOL"] is Outcome.onbekend
    assert results["NUM"] is Outcome.onbekend


# --- the peildatum -----------------------------------------------------------------------------


def test_the_peildatum_decides_date_ages(make_engine: Callable[[Catalogue], Engine]) -> None:
    engine = make_engine(catalogue(rule_data("VOG", {"veld": "kwaliteit.vog.oudste_afgiftedatum", "niet_ouder_dan_jaren": 3})))
    vog = profile(kwaliteit={"vog": {"oudste_afgiftedatum": dt.date(2021, 3, 1)}})
    assert engine.evaluate_rule(vog, "VOG", peildatum=dt.date(2024, 3, 1)).outcome is Outcome.voldoet
    assert engine.evaluate_rule(vog, "VOG", peildatum=dt.date(2024, 3, 2)).outcome is Outcome.voldoet_niet
    assert engine.evaluate_rule(vog, "VOG", peildatum=dt.date(2022, 1, 1)).outcome is Outcome.voldoet
    leap = profile(kwaliteit={"vog": {"oudste_afgiftedatum": dt.date(2021, 2, 28)}})
    # Three years before 29 February 2024 is 28 February 2021.
    assert engine.evaluate_rule(leap, "VOG", peildatum=dt.date(2024, 2, 29)).outcome is Outcome.voldoet
    assert engine.evaluate_rule(leap, "VOG", peildatum=dt.date(2024, 3, 1)).outcome is Outcome.voldoet_niet


# --- isolation, size limits, threads ---------------------------------------------------------------


def _varied_profiles(count: int) -> list[Profile]:
    out = []
    for n in range(count):
        toegang: dict[str, Any] = {}
        if n % 3:
            toegang["indicatie_nodig"] = bool(n % 2)
        if n % 5:
            toegang["naasten_welkom"] = bool(n % 7 % 2)
        areas: dict[str, Any] = {"toegang": toegang}
        if n % 4 == 0:
            areas["team"] = {"betaalde_medewerkers": n % 3}
        if n % 6:
            areas["aanbod"] = [{"naam": "x", "soort": "inloop", **({"door_en_voor": n % 4 == 1} if n % 2 else {})}]
        out.append(profile(**areas))
    return out


def test_no_state_leaks_between_2000_profiles(outcome_engine: Engine) -> None:
    profiles = _varied_profiles(2100)
    batch = [[(r.rule_id, r.outcome) for r in outcome_engine.evaluate(p, peildatum=PEILDATUM)] for p in profiles]
    # The same profiles in reverse order, and a few in a fresh engine of their own.
    again = [[(r.rule_id, r.outcome) for r in outcome_engine.evaluate(p, peildatum=PEILDATUM)] for p in reversed(profiles)]
    assert batch == list(reversed(again))
    fresh = create_engine(outcome_engine.catalogue, outcome_engine.name)
    for index in range(0, 2100, 97):
        alone = [(r.rule_id, r.outcome) for r in fresh.evaluate(profiles[index], peildatum=PEILDATUM)]
        assert alone == batch[index]
    assert len({tuple(b) for b in batch}) > 5  # the profiles really differ


def _session(engine: Engine) -> tuple[str, str]:
    import durable_rules_engine as core

    (ruleset,) = engine._rulesets
    handle = engine._host.get_ruleset(ruleset.name)._handle
    return core.get_facts(handle, engine_module.SESSION), core.get_state(handle, engine_module.SESSION)


@requires_durable
def test_each_profile_fact_is_retracted_and_the_session_kept() -> None:
    outcome_engine = create_engine(OUTCOME_CATALOGUE, "durable")
    for item in _varied_profiles(40):
        outcome_engine.evaluate(item, peildatum=PEILDATUM)
        facts, state = _session(outcome_engine)
        assert facts == "[]"
        assert '"$s":1' in state  # the session's own state fact, never matched (no kind: profile)


@requires_durable
def test_a_failure_mid_evaluation_resets_the_session(monkeypatch: pytest.MonkeyPatch) -> None:
    import durable_rules_engine as core

    engine = create_engine(catalogue(rule_data("R2", {"alle": [INDICATIE_NEE, NAASTEN_JA]})), "durable")
    good = profile(toegang={"indicatie_nodig": False, "naasten_welkom": True})
    bad = profile(toegang={"indicatie_nodig": True})

    def refuse(handle: int, text: str) -> tuple[int, int]:
        return 2, 0

    with monkeypatch.context() as patch:
        patch.setattr(core, "retract_fact", refuse)
        with pytest.raises(engine_module.EngineError, match="did not retract"):
            engine.evaluate(good, peildatum=PEILDATUM)
    assert [r.outcome for r in engine.evaluate(bad, peildatum=PEILDATUM)] == [Outcome.voldoet_niet]
    assert [r.outcome for r in engine.evaluate(good, peildatum=PEILDATUM)] == [Outcome.voldoet]
    assert _session(engine)[0] == "[]"


@requires_durable
def test_profiles_that_match_no_rule_leave_no_session_behind() -> None:
    """Without the sentinel rule such sessions cannot be deleted (segfault) and pile up (MemoryError)."""
    engine = create_engine(catalogue(rule_data("E1", {"veld": "team.vrijwilligers", "minstens": 1})), "durable")
    empty = profile()
    for _ in range(1500):
        assert engine.evaluate(empty, peildatum=PEILDATUM)[0].outcome is Outcome.onbekend


def _wide_catalogue(count: int) -> Catalogue:
    """Many rules that are all true (or all false) for the same profile, each with its own test."""
    return catalogue(*(rule_data(f"W{n}", {"veld": "team.vrijwilligers", "minstens": n}) for n in range(count)))


def test_more_than_64_rules_true_at_once_with_group_guards(make_engine: Callable[[Catalogue], Engine]) -> None:
    engine = make_engine(_wide_catalogue(130))
    if isinstance(engine, engine_module.DurableEngine):
        assert engine.network_rules == 260
    many = engine.evaluate(profile(team={"vrijwilligers": 1000}), peildatum=PEILDATUM)
    assert {r.outcome for r in many} == {Outcome.voldoet}
    none = engine.evaluate(profile(team={"vrijwilligers": 0}), peildatum=PEILDATUM)
    assert [r.outcome for r in none] == [Outcome.voldoet] + [Outcome.voldoet_niet] * 129


@requires_durable
def test_a_catalogue_spread_over_several_rulesets_gives_the_same_outcomes(monkeypatch: pytest.MonkeyPatch) -> None:
    cat = load_catalogue([rules_dir()])
    profiles = _varied_profiles(60) + [_profile_file(p) for p in sorted((Path(rules_dir()).parent / "profiles").glob("*.yaml"))]
    whole = create_engine(cat, "durable")
    monkeypatch.setattr(engine_module, "GROUPS_PER_RULESET", 2)
    monkeypatch.setattr(engine_module, "MAX_KEYS_PER_RULESET", 12)
    split = create_engine(cat, "durable")
    assert whole.rulesets == 1 and split.rulesets > 5
    for item in profiles:
        assert whole.evaluate(item, peildatum=PEILDATUM) == split.evaluate(item, peildatum=PEILDATUM)


def _profile_file(path: Path) -> Profile:
    from iza_check.yamlsafe import load_yaml_file

    return Profile.model_validate(load_yaml_file(path).data)


def test_the_engine_starts_no_threads(make_engine: Callable[[Catalogue], Engine]) -> None:
    before = threading.active_count()
    engine = make_engine(_wide_catalogue(5))
    engine.evaluate(profile(team={"vrijwilligers": 3}), peildatum=PEILDATUM)
    time.sleep(0.3)  # durable's timers would start after 0.1 s
    assert threading.active_count() == before


# --- availability ----------------------------------------------------------------------------------


@pytest.fixture
def fresh_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process found out about durable-rules and which back-end was chosen."""
    monkeypatch.setattr(engine_package, "_durable_problem", [])
    monkeypatch.setattr(engine_package, "_chosen", [])


@pytest.mark.usefixtures("fresh_choice")
def test_python_313_runs_the_python_engine_and_durable_gets_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "version_info", (3, 13, 0, "final", 0))
    assert engine_package.engine_name() == "python"
    assert create_engine(_wide_catalogue(1)).name == "python"
    with pytest.raises(EngineUnavailable) as caught:
        create_engine(_wide_catalogue(1), "durable")
    message = str(caught.value)
    assert "3.13.0" in message and "--engine python" in message and "regelengine" in message


@pytest.mark.usefixtures("fresh_choice")
def test_a_missing_durable_falls_back_to_python_and_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def failing_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("durable"):
            raise ImportError(f"No module named '{name}'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(sys, "version_info", (3, 11, 7, "final", 0))  # a Python where it could load
    monkeypatch.setattr(builtins, "__import__", failing_import)
    assert engine_package.engine_name() == "python"
    with pytest.raises(EngineUnavailable) as caught:
        create_engine(_wide_catalogue(1), "durable")
    message = str(caught.value)
    assert "No module named 'durable" in message and "--engine python" in message


@pytest.mark.usefixtures("fresh_choice")
def test_a_chosen_back_end_is_used_by_every_engine_built() -> None:
    engine_package.choose_backend("python")
    assert engine_package.engine_name() == "python"
    assert create_engine(_wide_catalogue(1)).name == "python"
    with pytest.raises(ValueError, match="unknown engine"):
        engine_package.choose_backend("drools")


# --- a larger catalogue -----------------------------------------------------------------------------------
# (its speed is measured in benchmarks/, never asserted here)


def test_a_40_rule_catalogue_judges_every_profile_the_same_as_rule_by_rule(make_engine: Callable[[Catalogue], Engine]) -> None:
    bundled = load_catalogue([rules_dir()])
    extra = catalogue(*(rule_data(f"X{n}", {"veld": "team.vrijwilligers", "minstens": n}) for n in range(40 - len(bundled.rules))))
    cat = Catalogue(bundled.rules + extra.rules)
    assert len(cat.rules) == 40
    engine = make_engine(cat)
    profiles = [_profile_file(p) for p in sorted((Path(rules_dir()).parent / "profiles").glob("*.yaml"))]
    profiles += _varied_profiles(20)
    for item in profiles:
        together = engine.evaluate(item, peildatum=PEILDATUM)
        assert [r.rule_id for r in together] == [r.id for r in cat.rules]
        alone = [engine.evaluate_rule(item, rule.id, peildatum=PEILDATUM) for rule in cat.rules]
        assert [r.outcome for r in together] == [r.outcome for r in alone]


def test_an_onbekend_that_cannot_become_voldoet_says_so(outcome_engine: Engine) -> None:
    """R1: voldoet needs both facts; one is false, deels depends on the other: deels at best."""
    staff = {"betaalde_medewerkers": 2}  # so R1's nvt (no paid staff) is known false
    open_deels = outcome_engine.evaluate_rule(profile(toegang={"indicatie_nodig": True}, team=staff), "R1", peildatum=PEILDATUM)
    assert open_deels.outcome is Outcome.onbekend and open_deels.at_best is Outcome.deels
    # With nvt still open it may yet be n.v.t., which counts as met: no ceiling then.
    nvt_open = outcome_engine.evaluate_rule(profile(toegang={"indicatie_nodig": True}), "R1", peildatum=PEILDATUM)
    assert nvt_open.outcome is Outcome.onbekend and nvt_open.at_best is None
    nothing_known = outcome_engine.evaluate_rule(profile(), "R1", peildatum=PEILDATUM)
    assert nothing_known.outcome is Outcome.onbekend and nothing_known.at_best is None


def test_a_date_at_the_end_of_the_calendar_is_judged_not_a_crash(make_engine: Callable[[Catalogue], Engine]) -> None:
    """A VOG dated 31 December 9999 (a placeholder, a typo) once made the age reckoning step past year 9999."""
    bundled = load_catalogue([rules_dir()])
    engine = make_engine(bundled)
    for day, peildatum in ((dt.date(9999, 12, 31), PEILDATUM), (dt.date(9999, 12, 31), dt.date(9999, 1, 1))):
        vog = {"voor": "iedereen", "oudste_afgiftedatum": day}
        (q6,) = [r for r in engine.evaluate(profile(kwaliteit={"vog": vog}), peildatum=peildatum) if r.rule_id == "Q6"]
        assert q6.outcome is not Outcome.voldoet  # a VOG dated after the peildatum is no recent VOG


LISTED_ONLY = catalogue(
    rule_data(
        "LIJST",
        {"niet": {"lijst": "aanbod", "waar": {"veld": "verwijzing_nodig", "gelijk": True}, "minstens": 1}},
    ),
    rule_data(
        "GENOEMD",
        {"niet": {"lijst": "aanbod", "waar": {"veld": "verwijzing_nodig", "gelijk": True}, "minstens": 1,
                  "alleen_genoemde": True}},
    ),
)


@pytest.mark.parametrize(
    ("aanbod", "volledig", "lijst", "genoemd"),
    [
        ([{"naam": "Inloop", "soort": "inloop", "verwijzing_nodig": False}], None, Outcome.onbekend, Outcome.voldoet),
        ([{"naam": "Inloop", "soort": "inloop", "verwijzing_nodig": False}], True, Outcome.voldoet, Outcome.voldoet),
        ([{"naam": "Groep", "soort": "herstelgroep", "verwijzing_nodig": True}], None, Outcome.voldoet_niet, Outcome.voldoet_niet),
        ([{"naam": "Inloop", "soort": "inloop"}], None, Outcome.onbekend, Outcome.onbekend),  # the item itself says nothing
        (None, None, Outcome.onbekend, Outcome.voldoet),  # no list at all: nothing listed counts
    ],
)
def test_alleen_genoemde_counts_only_the_listed_items(
    make_engine: Callable[[Catalogue], Engine], aanbod: list[dict[str, Any]] | None, volledig: bool | None,
    lijst: Outcome, genoemd: Outcome,
) -> None:
    engine = make_engine(LISTED_ONLY)
    extra: dict[str, Any] = {} if volledig is None else {"aanbod_volledig": volledig}
    if aanbod is not None:
        extra["aanbod"] = aanbod
    results = {r.rule_id: r for r in engine.evaluate(profile(**extra), peildatum=PEILDATUM)}
    assert (results["LIJST"].outcome, results["GENOEMD"].outcome) == (lijst, genoemd)
    assert "aanbod_volledig" not in results["GENOEMD"].missing
