"""Readable names for every field and value of the profile model (src/iza_check/profile/labels.yaml)."""

from __future__ import annotations

from enum import Enum

import pytest

from iza_check.profile import labels
from iza_check.profile.labels import _data, field_label, readable_path, value_label
from iza_check.profile.model import Profile
from iza_check.profile.paths import walk


def _named(path: str) -> bool:
    data = _data()
    return path in data["velden"] or path in data["gebieden"] or labels._generic(path) is not None


def test_every_field_of_the_profile_model_has_a_readable_name() -> None:
    missing = [path for path in labels.paths() if not _named(path)]
    assert missing == [], f"add these to src/iza_check/profile/labels.yaml (velden): {missing}"


def test_every_value_of_every_choice_has_a_readable_name_in_both_languages() -> None:
    values = _data()["waarden"]
    enums: set[type[Enum]] = {e for _, f in walk(Profile) if (e := f.inner.enum) is not None}
    for enum in enums:
        for member in enum:
            entry = values.get(enum.__name__, {}).get(member.value)
            assert entry is not None and entry["nl"] and entry["en"], f"{enum.__name__}.{member.value}"


def test_the_file_names_nothing_the_model_does_not_have() -> None:
    paths = set(labels.paths())
    stale = [key for key in _data()["velden"] if key not in paths]
    assert stale == [], f"remove from labels.yaml (no such field): {stale}"
    enums = {e.__name__ for _, f in walk(Profile) if (e := f.inner.enum) is not None}
    assert set(_data()["waarden"]) <= enums


@pytest.mark.parametrize(
    ("path", "nl", "en"),
    [
        ("toegang.registratie_nodig", "inschrijving nodig", "registration required"),
        ("aanbod[1].methode", "activiteit 2 (WRAP-training): methode", "activity 2 (WRAP-training): method"),
        ("aanbod[0]", "activiteit 1 (Inloop)", "activity 1 (Inloop)"),
        ("samenwerking.partners[2]", "partner 3", "partner 3"),
        ("kwaliteit.klachtenprocedure.bewijs[0].datum", "bewijsstuk 1: datum", "piece of evidence 1: date"),
        ("werkwijze.toelichting", "toelichting", "explanation"),
    ],
)
def test_paths_read_as_people_say_them(path: str, nl: str, en: str) -> None:
    names = {"aanbod[1]": "WRAP-training", "aanbod[0]": "Inloop"}
    assert readable_path(path, "nl", names) == nl
    assert readable_path(path, "en", names) == en


def test_values_of_choices_and_unknown_fields() -> None:
    assert value_label("werkwijze.bezoekersrollen", "gastvrouw_gastheer", "nl") == "gastvrouw of gastheer"
    assert value_label("werkwijze.bezoekersrollen", "gastvrouw_gastheer", "en") == "host"
    assert value_label("aanbod[3].soort", "herstelcursus", "en") == "recovery course"
    assert value_label("kwaliteit.cao", "Cao Sociaal Werk", "nl") == "Cao Sociaal Werk"
    assert field_label("regio.eigen_veld", "nl") == "eigen veld"  # a field the file does not know
