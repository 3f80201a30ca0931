"""The pre-processing step: profile + peildatum -> the small flat fact the engine is given."""

from __future__ import annotations

import datetime as dt

import pytest
from engine_marks import requires_durable
from test_rule_kit import PEILDATUM, catalogue, profile, rule_data

from iza_check.engine import create_engine
from iza_check.engine.facts import MISSING, lookup, plain
from iza_check.profile.model import Profile
from iza_check.profile.paths import FieldType
from iza_check.rules.values import age_in_years, encode_scalar


@pytest.mark.parametrize(
    ("day", "peildatum", "age"),
    [
        (dt.date(2022, 6, 15), dt.date(2025, 6, 15), 3.0),
        (dt.date(2022, 6, 14), dt.date(2025, 6, 15), 3.5),
        (dt.date(2022, 6, 16), dt.date(2025, 6, 15), 2.5),
        (dt.date(2025, 6, 15), dt.date(2025, 6, 15), 0.0),
        (dt.date(2025, 6, 16), dt.date(2025, 6, 15), -0.5),
        (dt.date(2021, 2, 28), dt.date(2024, 2, 29), 3.0),  # no 29 February in 2021
        (dt.date(2020, 2, 29), dt.date(2024, 2, 29), 4.0),
        (dt.date(2020, 2, 29), dt.date(2023, 2, 28), 2.5),
        (dt.date(1950, 1, 1), dt.date(2025, 1, 1), 75.0),
        # The far ends of the calendar: no date past 9999 is ever made.
        (dt.date(9999, 12, 31), dt.date(2025, 6, 15), -7974.5),
        (dt.date(9999, 6, 15), dt.date(2025, 6, 15), -7974.0),
        (dt.date(1, 1, 1), dt.date(9999, 12, 31), 9998.5),
    ],
)
def test_age_in_years_at_the_peildatum(day: dt.date, peildatum: dt.date, age: float) -> None:
    assert age_in_years(day, peildatum) == age


def test_age_matches_the_not_older_than_rule_everywhere() -> None:
    """age <= N exactly when the date is on or after the same day N years earlier (28 Feb for 29 Feb)."""
    peildata = [dt.date(2024, 2, 29), dt.date(2025, 3, 1), dt.date(2023, 12, 31)]
    for peildatum in peildata:
        for offset in range(-30, 6 * 366):
            day = peildatum - dt.timedelta(days=offset)
            for years in range(5):
                try:
                    cutoff = peildatum.replace(year=peildatum.year - years)
                except ValueError:
                    cutoff = peildatum.replace(year=peildatum.year - years, day=28)
                assert (age_in_years(day, peildatum) <= years) == (day >= cutoff), (day, peildatum, years)


def test_encodings_keep_types_apart() -> None:
    flag, number, whole, text, date = (FieldType(k) for k in ("bool", "float", "int", "str", "date"))
    assert encode_scalar(True, flag) == "ja" and encode_scalar(False, flag) == "nee"
    assert encode_scalar(1, flag) is MISSING and encode_scalar("true", flag) is MISSING
    assert encode_scalar(True, whole) is MISSING and encode_scalar("9", whole) is MISSING
    assert encode_scalar(2.5, whole) is MISSING and encode_scalar(2, number) == 2
    assert encode_scalar(1, text) is MISSING
    assert encode_scalar(dt.date(2024, 1, 2), date) == dt.date(2024, 1, 2).toordinal()
    assert encode_scalar("2024-01-02", date) == dt.date(2024, 1, 2).toordinal()
    assert encode_scalar(dt.datetime(2024, 1, 2, 3, 4), date) is MISSING
    choice = FieldType("enum", enum_values=("geen", "laag"))
    assert encode_scalar("laag", choice) == "laag" and encode_scalar("hoog", choice) is MISSING


def test_lookup_treats_absent_groups_null_and_left_out_lists_as_missing() -> None:
    item = profile(toegang={"indicatie_nodig": None, "bewijs": []}, kwaliteit={"klachtenprocedure": {"aanwezig": True}})
    assert lookup(item, "toegang.indicatie_nodig") is MISSING
    assert lookup(item, "toegang.bewijs") == []  # given, and empty
    assert lookup(item, "kwaliteit.klachtenprocedure.bewijs") is MISSING  # left out: unknown
    assert lookup(item, "team.vrijwilligers") is MISSING
    assert lookup(item, "kwaliteit.klachtenprocedure.aanwezig") is True


def test_plain_values_show_what_the_profile_says() -> None:
    item = profile(aanbod=[{"naam": "WRAP", "soort": "herstelcursus", "methode": "wrap"}], initiatief={"website": "https://example.nl"})
    assert plain(item.aanbod) == [{"naam": "WRAP", "soort": "herstelcursus", "methode": "wrap"}]
    assert plain(item.initiatief.website) == "https://example.nl/"


@requires_durable
def test_the_fact_holds_only_what_the_catalogue_refers_to() -> None:
    engine = create_engine(
        catalogue(
            rule_data("F1", {"veld": "toegang.indicatie_nodig", "gelijk": False}),
            rule_data("F2", {"alle": [{"veld": "toegang.indicatie_nodig", "gelijk": True}, {"veld": "kwaliteit.rie.datum", "niet_na_peildatum": True}]}),
            rule_data("F3", {"lijst": "aanbod", "waar": {"veld": "soort", "gelijk": "inloop"}, "minstens": 2}),
            rule_data("F4", {"veld": "werkwijze.bezoekersrollen", "bevat": "co_trainer"}),
        )
    )
    full = profile(
        toegang={"indicatie_nodig": True, "naasten_welkom": True, "verwijzing_nodig": False},
        kwaliteit={"rie": {"datum": PEILDATUM - dt.timedelta(days=3), "uitgevoerd": True}},
        aanbod=[{"naam": "a", "soort": "inloop"}, {"naam": "b", "soort": "sport"}, {"naam": "c", "soort": "inloop"}],
        werkwijze={"bezoekersrollen": ["vrijwilliger"], "peer_support": True},
        team={"vrijwilligers": 12},
    )
    facts = engine.facts(full, peildatum=PEILDATUM)
    # indicatie (shared by F1 and F2), days after the peildatum, count true and possible, one flag, and
    # whether the two lists are complete (neither says so).
    assert sorted(facts.values(), key=repr) == sorted(["ja", -3, 2, 2, 0, 0, 0], key=repr)
    assert all(key.startswith("f") and key[1:].isdigit() for key in facts)
    assert engine.facts(Profile.model_validate({"initiatief": {"naam": "x"}}), peildatum=PEILDATUM) == {}
