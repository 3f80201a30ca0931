"""Every form of the condition language through the engine: true, false and unknown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from test_rule_kit import PEILDATUM, catalogue, profile, rule_data

from iza_check.engine import Engine
from iza_check.engine.outcomes import Outcome
from iza_check.rules.conditions import disjunctive_form, dnf_size
from iza_check.rules.model import Catalogue, RuleSpec

V, N, U = Outcome.voldoet, Outcome.voldoet_niet, Outcome.onbekend

CONDITIONS: dict[str, dict[str, Any]] = {
    "EQ_BOOL": {"veld": "toegang.indicatie_nodig", "gelijk": False},
    "EQ_ENUM": {"veld": "toegang.eigen_bijdrage", "gelijk": "geen"},
    "EQ_INT": {"veld": "team.vrijwilligers", "gelijk": 3},
    "EQ_DATE": {"veld": "kwaliteit.rie.datum", "gelijk": dt.date(2024, 1, 31)},
    "EQ_DATE_TEXT": {"veld": "kwaliteit.rie.datum", "gelijk": "2024-01-31"},
    "EQ_TEXT": {"veld": "initiatief.gemeente", "gelijk": "Utrecht"},
    "NEQ": {"veld": "team.coordinatie", "ongelijk": "professional"},
    "GTE": {"veld": "team.vrijwilligers", "minstens": 5},
    "LTE": {"veld": "toegang.dagdelen_open_per_week", "hoogstens": 2},
    "GT_FLOAT": {"veld": "team.fte", "meer_dan": 0.5},
    "LT": {"veld": "financiering.langste_afspraak_jaren", "minder_dan": 2},
    "DATE_GTE": {"veld": "kwaliteit.rie.datum", "minstens": dt.date(2024, 1, 1)},
    "IN": {"veld": "toegang.eigen_bijdrage", "in": ["geen", "vrijwillig"]},
    "BESTAAT": {"veld": "kwaliteit.cao", "bestaat": True},
    "ONTBREEKT": {"veld": "kwaliteit.cao", "ontbreekt": True},
    "BESTAAT_GROEP": {"veld": "kwaliteit.vog", "bestaat": True},
    "BEVAT": {"veld": "werkwijze.bezoekersrollen", "bevat": "co_trainer"},
    "BEVAT_EEN": {"veld": "werkwijze.bezoekersrollen", "bevat_een_van": ["co_trainer", "bestuurslid"]},
    "AANTAL": {"veld": "samenwerking.partners", "aantal_minstens": 2},
    "AANTAL_BEWIJS": {"veld": "toegang.bewijs", "aantal_minstens": 1},
    "LIJST": {"lijst": "aanbod", "waar": {"veld": "soort", "in": ["herstelcursus", "herstelgroep"]}, "minstens": 1},
    "LIJST_DEV": {"lijst": "aanbod", "waar": {"veld": "door_en_voor", "gelijk": True}, "minstens": 2},
    "GEEN_HERSTEL": {"niet": {"lijst": "aanbod", "waar": {"veld": "soort", "in": ["herstelcursus", "herstelgroep"]}, "minstens": 1}},
    "OUDER": {"veld": "kwaliteit.vog.oudste_afgiftedatum", "niet_ouder_dan_jaren": 3},
    "NA_PEIL": {"veld": "kwaliteit.rie.datum", "niet_na_peildatum": True},
    "ALLE": {"alle": [{"veld": "toegang.indicatie_nodig", "gelijk": False}, {"veld": "toegang.naasten_welkom", "gelijk": True}]},
    "EEN_VAN": {"een_van": [{"veld": "toegang.indicatie_nodig", "gelijk": False}, {"veld": "toegang.naasten_welkom", "gelijk": True}]},
    "NIET": {"niet": {"veld": "toegang.indicatie_nodig", "gelijk": True}},
    "NIET_ALLE": {"niet": {"alle": [{"veld": "toegang.indicatie_nodig", "gelijk": True}, {"veld": "toegang.naasten_welkom", "gelijk": True}]}},
}


def _activity(soort: str, **extra: Any) -> dict[str, Any]:
    return {"naam": soort, "soort": soort, **extra}


def _partner(categorie: str) -> dict[str, Any]:
    return {"naam": categorie, "categorie": categorie}


CASES: list[tuple[str, dict[str, Any], Outcome]] = [
    ("EQ_BOOL", {"toegang": {"indicatie_nodig": False}}, V),
    ("EQ_BOOL", {"toegang": {"indicatie_nodig": True}}, N),
    ("EQ_BOOL", {"toegang": {}}, U),
    ("EQ_BOOL", {}, U),
    ("EQ_ENUM", {"toegang": {"eigen_bijdrage": "geen"}}, V),
    ("EQ_ENUM", {"toegang": {"eigen_bijdrage": "laag"}}, N),
    ("EQ_ENUM", {}, U),
    ("EQ_INT", {"team": {"vrijwilligers": 3}}, V),
    ("EQ_INT", {"team": {"vrijwilligers": 4}}, N),
    ("EQ_INT", {"team": {}}, U),
    ("EQ_DATE", {"kwaliteit": {"rie": {"datum": dt.date(2024, 1, 31)}}}, V),
    ("EQ_DATE", {"kwaliteit": {"rie": {"datum": dt.date(2024, 2, 1)}}}, N),
    ("EQ_DATE", {"kwaliteit": {"rie": {}}}, U),
    ("EQ_DATE_TEXT", {"kwaliteit": {"rie": {"datum": dt.date(2024, 1, 31)}}}, V),
    ("EQ_DATE_TEXT", {"kwaliteit": {"rie": {"datum": dt.date(2023, 1, 31)}}}, N),
    ("EQ_DATE_TEXT", {"kwaliteit": {"rie": {"uitgevoerd": True}}}, U),
    ("EQ_TEXT", {"initiatief": {"gemeente": "Utrecht"}}, V),
    ("EQ_TEXT", {"initiatief": {"gemeente": "utrecht"}}, N),
    ("EQ_TEXT", {}, U),
    ("NEQ", {"team": {"coordinatie": "gedeeld"}}, V),
    ("NEQ", {"team": {"coordinatie": "professional"}}, N),
    ("NEQ", {"team": {}}, U),
    ("GTE", {"team": {"vrijwilligers": 5}}, V),
    ("GTE", {"team": {"vrijwilligers": 4}}, N),
    ("GTE", {}, U),
    ("LTE", {"toegang": {"dagdelen_open_per_week": 2}}, V),
    ("LTE", {"toegang": {"dagdelen_open_per_week": 3}}, N),
    ("LTE", {"toegang": {}}, U),
    ("GT_FLOAT", {"team": {"fte": 0.6}}, V),
    ("GT_FLOAT", {"team": {"fte": 0.5}}, N),
    ("GT_FLOAT", {"team": {"fte": 0}}, N),
    ("GT_FLOAT", {"team": {}}, U),
    ("LT", {"financiering": {"langste_afspraak_jaren": 1}}, V),
    ("LT", {"financiering": {"langste_afspraak_jaren": 2}}, N),
    ("LT", {}, U),
    ("DATE_GTE", {"kwaliteit": {"rie": {"datum": dt.date(2024, 1, 1)}}}, V),
    ("DATE_GTE", {"kwaliteit": {"rie": {"datum": dt.date(2023, 12, 31)}}}, N),
    ("DATE_GTE", {"kwaliteit": {}}, U),
    ("IN", {"toegang": {"eigen_bijdrage": "vrijwillig"}}, V),
    ("IN", {"toegang": {"eigen_bijdrage": "hoog"}}, N),
    ("IN", {"toegang": {}}, U),
    ("BESTAAT", {"kwaliteit": {"cao": "Sociaal Werk"}}, V),
    ("BESTAAT", {"kwaliteit": {}}, N),
    ("BESTAAT", {}, N),
    ("ONTBREEKT", {}, V),
    ("ONTBREEKT", {"kwaliteit": {"cao": "Sociaal Werk"}}, N),
    ("BESTAAT_GROEP", {"kwaliteit": {"vog": {}}}, V),
    ("BESTAAT_GROEP", {"kwaliteit": {}}, N),
    ("BEVAT", {"werkwijze": {"bezoekersrollen": ["vrijwilliger", "co_trainer"]}}, V),
    # A list proves what is in it; an absence only when it is the whole list (or given empty).
    ("BEVAT", {"werkwijze": {"bezoekersrollen": ["vrijwilliger"]}}, U),
    ("BEVAT", {"werkwijze": {"bezoekersrollen": ["vrijwilliger"], "bezoekersrollen_volledig": True}}, N),
    ("BEVAT", {"werkwijze": {"bezoekersrollen": ["vrijwilliger"], "bezoekersrollen_volledig": False}}, U),
    ("BEVAT", {"werkwijze": {"bezoekersrollen": []}}, N),
    ("BEVAT", {"werkwijze": {}}, U),
    ("BEVAT_EEN", {"werkwijze": {"bezoekersrollen": ["bestuurslid"]}}, V),
    ("BEVAT_EEN", {"werkwijze": {"bezoekersrollen": ["bestuurslid", "co_trainer"]}}, V),
    ("BEVAT_EEN", {"werkwijze": {"bezoekersrollen": ["vrijwilliger"]}}, U),
    ("BEVAT_EEN", {"werkwijze": {"bezoekersrollen": ["vrijwilliger"], "bezoekersrollen_volledig": True}}, N),
    ("BEVAT_EEN", {}, U),
    ("AANTAL", {"samenwerking": {"partners": [_partner("welzijn"), _partner("huisartsen")]}}, V),
    ("AANTAL", {"samenwerking": {"partners": [_partner("welzijn")]}}, U),
    ("AANTAL", {"samenwerking": {"partners": [_partner("welzijn")], "partners_volledig": True}}, N),
    ("AANTAL", {"samenwerking": {"partners": []}}, N),
    ("AANTAL", {"samenwerking": {}}, U),
    # A list with a default: left out of the file is unknown, an explicit empty list is known.
    ("AANTAL_BEWIJS", {"toegang": {"bewijs": [{"document": "Folder"}]}}, V),
    ("AANTAL_BEWIJS", {"toegang": {"bewijs": []}}, N),
    ("AANTAL_BEWIJS", {"toegang": {}}, U),
    ("LIJST", {"aanbod": [_activity("inloop"), _activity("herstelgroep")]}, V),
    ("LIJST", {"aanbod": [_activity("inloop")]}, U),
    ("LIJST", {"aanbod": [_activity("inloop")], "aanbod_volledig": True}, N),
    ("LIJST", {"aanbod": []}, N),
    ("LIJST", {}, U),
    # "There is no X" is shown only by the whole list; "there is an X" by any list.
    ("GEEN_HERSTEL", {"aanbod": [_activity("inloop")]}, U),
    ("GEEN_HERSTEL", {"aanbod": [_activity("inloop")], "aanbod_volledig": True}, V),
    ("GEEN_HERSTEL", {"aanbod": []}, V),
    ("GEEN_HERSTEL", {"aanbod": [_activity("herstelgroep")]}, N),
    ("LIJST_DEV", {"aanbod": [_activity("inloop", door_en_voor=True), _activity("sport", door_en_voor=True)]}, V),
    ("LIJST_DEV", {"aanbod": [_activity("inloop", door_en_voor=True), _activity("sport", door_en_voor=False)]}, U),
    ("LIJST_DEV", {"aanbod": [_activity("inloop", door_en_voor=True), _activity("sport", door_en_voor=False)], "aanbod_volledig": True}, N),
    ("LIJST_DEV", {"aanbod": [_activity("inloop", door_en_voor=True), _activity("sport")]}, U),
    ("LIJST_DEV", {"aanbod": [_activity("inloop", door_en_voor=True)]}, U),
    ("LIJST_DEV", {"aanbod": [_activity("inloop", door_en_voor=True)], "aanbod_volledig": True}, N),
    ("OUDER", {"kwaliteit": {"vog": {"oudste_afgiftedatum": dt.date(2022, 6, 15)}}}, V),
    ("OUDER", {"kwaliteit": {"vog": {"oudste_afgiftedatum": dt.date(2022, 6, 14)}}}, N),
    ("OUDER", {"kwaliteit": {"vog": {"oudste_afgiftedatum": dt.date(2025, 7, 1)}}}, V),
    ("OUDER", {"kwaliteit": {"vog": {"voor": "iedereen"}}}, U),
    ("NA_PEIL", {"kwaliteit": {"rie": {"datum": PEILDATUM}}}, V),
    ("NA_PEIL", {"kwaliteit": {"rie": {"datum": PEILDATUM + dt.timedelta(days=1)}}}, N),
    ("NA_PEIL", {"kwaliteit": {"rie": {"uitgevoerd": True}}}, U),
    ("ALLE", {"toegang": {"indicatie_nodig": False, "naasten_welkom": True}}, V),
    ("ALLE", {"toegang": {"indicatie_nodig": True}}, N),  # false beats unknown
    ("ALLE", {"toegang": {"indicatie_nodig": False}}, U),
    ("EEN_VAN", {"toegang": {"naasten_welkom": True}}, V),  # true beats unknown
    ("EEN_VAN", {"toegang": {"indicatie_nodig": True, "naasten_welkom": False}}, N),
    ("EEN_VAN", {"toegang": {"indicatie_nodig": True}}, U),
    ("NIET", {"toegang": {"indicatie_nodig": False}}, V),
    ("NIET", {"toegang": {"indicatie_nodig": True}}, N),
    ("NIET", {}, U),
    ("NIET_ALLE", {"toegang": {"indicatie_nodig": False}}, V),
    ("NIET_ALLE", {"toegang": {"indicatie_nodig": True, "naasten_welkom": True}}, N),
    ("NIET_ALLE", {"toegang": {"indicatie_nodig": True}}, U),
]


@pytest.fixture(scope="module")
def engine(make_engine: Callable[[Catalogue], Engine]) -> Engine:
    return make_engine(catalogue(*(rule_data(rule_id, condition) for rule_id, condition in CONDITIONS.items())))


@pytest.mark.parametrize(("rule_id", "areas", "expected"), CASES)
def test_condition_outcome(engine: Engine, rule_id: str, areas: dict[str, Any], expected: Outcome) -> None:
    result = engine.evaluate_rule(profile(**areas), rule_id, peildatum=PEILDATUM)
    assert result.outcome is expected, result


def test_every_form_is_covered_true_false_and_unknown() -> None:
    seen: dict[str, set[Outcome]] = {}
    for rule_id, _, expected in CASES:
        seen.setdefault(rule_id, set()).add(expected)
    never_unknown = {"BESTAAT", "ONTBREEKT", "BESTAAT_GROEP"}
    for rule_id in CONDITIONS:
        wanted = {V, N} if rule_id in never_unknown else {V, N, U}
        assert wanted <= seen.get(rule_id, set()), rule_id
    forms = {RuleSpec.model_validate(rule_data("X", c)).voldoet.form for c in CONDITIONS.values()}
    inner = {"gelijk", "in", "alle"}  # also used inside niet/lijst
    assert forms | inner >= {
        "alle", "een_van", "niet", "lijst", "gelijk", "ongelijk", "minstens", "hoogstens", "meer_dan",
        "minder_dan", "in", "bestaat", "ontbreekt", "bevat", "bevat_een_van", "aantal_minstens",
        "niet_ouder_dan_jaren", "niet_na_peildatum",
    }


def test_dnf_size_follows_de_morgan() -> None:
    spec = RuleSpec.model_validate(
        rule_data(
            "X",
            {
                "alle": [
                    {"een_van": [{"veld": "team.fte", "meer_dan": 1}, {"veld": "team.fte", "minder_dan": 0.5}]},
                    {"een_van": [{"veld": "team.vrijwilligers", "minstens": 1}, {"veld": "team.vrijwilligers", "gelijk": 0}]},
                    {"veld": "toegang.indicatie_nodig", "gelijk": False},
                ]
            },
        )
    )
    assert dnf_size(spec.voldoet, True) == 4  # (a|b) & (c|d) & e
    assert dnf_size(spec.voldoet, False) == 3  # (!a & !b) | (!c & !d) | !e
    negated = RuleSpec.model_validate(rule_data("X", {"niet": spec.voldoet.model_dump(by_alias=True)})).voldoet
    assert dnf_size(negated, True) == 3


@pytest.mark.parametrize("rule_id", sorted(CONDITIONS))
@pytest.mark.parametrize("positive", [True, False])
def test_dnf_size_counts_the_expansion(rule_id: str, positive: bool) -> None:
    """The size the loader limits is the number of conjunctions the durable back-end builds."""
    condition = RuleSpec.model_validate(rule_data("X", CONDITIONS[rule_id])).voldoet
    terms = disjunctive_form(condition, positive, lambda leaf, holds: [(leaf.path, holds)])
    assert len(terms) == dnf_size(condition, positive)
    assert all(terms)


def test_disjunctive_form_follows_de_morgan() -> None:
    a, b, c = ({"veld": "team.vrijwilligers", "minstens": n} for n in (1, 2, 3))
    condition = RuleSpec.model_validate(rule_data("X", {"alle": [a, {"niet": {"een_van": [b, c]}}]})).voldoet

    def leaf(atom: Any, holds: bool) -> list[str]:
        return [("" if holds else "!") + str(atom.operand)]

    assert disjunctive_form(condition, True, leaf) == [["1", "!2", "!3"]]  # a & !b & !c
    assert disjunctive_form(condition, False, leaf) == [["!1"], ["2"], ["3"]]  # !a | b | c


def test_every_list_the_catalogue_tests_can_be_marked_complete() -> None:
    """Without a ``<list>_volledig`` field an absence from that list could never be shown."""
    from iza_check.profile.model import COMPLETE_SUFFIX, Profile
    from iza_check.profile.paths import resolve
    from iza_check.resources import rules_dir
    from iza_check.rules.conditions import Lijst, iter_leaves
    from iza_check.rules.loader import load_catalogue
    from iza_check.rules.operators import AtomBase

    lists = {
        leaf.path
        for rule in load_catalogue([rules_dir()]).rules
        for condition in (rule.voldoet, rule.deels, rule.nvt.als if rule.nvt else None)
        if condition is not None
        for leaf in iter_leaves(condition)
        if isinstance(leaf, Lijst) or (isinstance(leaf, AtomBase) and leaf.needs_whole_list)
    }
    assert lists
    for path in sorted(lists):
        assert resolve(Profile, path + COMPLETE_SUFFIX).kind == "bool", path


def test_a_conditions_identity_tells_apart_what_differs_and_only_that() -> None:
    """The engines key their compiled conditions by ``identity()``: equal conditions share it, and values that
    Python finds equal but the rules do not (``1``, ``1.0``, ``true``) do not."""
    from pydantic import TypeAdapter

    from iza_check.rules.conditions import Condition

    adapter: TypeAdapter[Any] = TypeAdapter(Condition)
    parsed = {name: adapter.validate_python(data) for name, data in CONDITIONS.items()}
    again = {name: adapter.validate_python(data) for name, data in CONDITIONS.items()}
    assert all(parsed[name].identity() == again[name].identity() for name in CONDITIONS)
    assert len({condition.identity() for condition in parsed.values()}) == len(CONDITIONS)
    values = [adapter.validate_python({"veld": "team.vrijwilligers", "gelijk": value}) for value in (1, 1.0, True)]
    assert len({condition.identity() for condition in values}) == 3
    nested = [adapter.validate_python({"alle": [CONDITIONS["GTE"], {"niet": CONDITIONS[name]}]}) for name in ("LT", "LTE")]
    assert nested[0].identity() != nested[1].identity()
