"""Helpers shared by the rule and engine tests: small rules and profiles without the boilerplate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from iza_check.profile.model import Profile
from iza_check.rules.loader import load_rule_document
from iza_check.rules.model import Catalogue
from iza_check.yamlsafe import YamlDocument

PEILDATUM = dt.date(2025, 6, 15)


def _text(label: str) -> dict[str, str]:
    return {"nl": f"{label} (nl)", "en": f"{label} (en)"}


def rule_data(
    rule_id: str,
    voldoet: dict[str, Any],
    *,
    deels: dict[str, Any] | None = None,
    nvt: dict[str, Any] | None = None,
    voorbeelden: list[dict[str, Any]] | None = None,
    vervangt: bool = False,
) -> dict[str, Any]:
    """A complete rule mapping around the given conditions."""
    data: dict[str, Any] = {
        "id": rule_id,
        "titel": _text(f"Regel {rule_id}"),
        "ernst": "verplicht",
        "bron": {"bestand": "002_bd6a1f13a11948c7.txt", "sectie": "§2"},
        "uitleg": {"wat": _text("wat"), "waarom": _text("waarom")},
        "voldoet": voldoet,
        "advies": _text("advies"),
        "voorbeelden": voorbeelden
        or [
            {"naam": "leeg", "profiel": {}, "verwacht": "onbekend"},
            {"naam": "ook leeg", "profiel": {}, "verwacht": "onbekend"},
        ],
    }
    if deels is not None:
        data["deels"] = deels
    if nvt is not None:
        data["nvt"] = {"als": nvt, "reden": _text("reden")}
    if vervangt:
        data["vervangt"] = True
    return data


def file_data(*rules: dict[str, Any], groep: str = "kenmerken") -> dict[str, Any]:
    return {"groep": groep, "titel": _text("Testregels"), "regels": list(rules)}


def catalogue(*rules: dict[str, Any]) -> Catalogue:
    """A validated catalogue of the given rule mappings (no file needed)."""
    _, loaded = load_rule_document(YamlDocument(file_data(*rules), {}, {}), "<test>")
    return Catalogue(tuple(loaded))


def write_rules(folder: Path, name: str, *rules: dict[str, Any], groep: str = "kenmerken") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(file_data(*rules, groep=groep), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def profile(**areas: Any) -> Profile:
    """A profile from area mappings; ``initiatief.naam`` is filled in."""
    data: dict[str, Any] = dict(areas)
    data.setdefault("initiatief", {})
    data["initiatief"] = {"naam": "Test", **data["initiatief"]}
    return Profile.model_validate(data)


def test_kit_builds_a_valid_catalogue() -> None:
    built = catalogue(rule_data("T1", {"veld": "toegang.indicatie_nodig", "gelijk": False}))
    assert [rule.id for rule in built.rules] == ["T1"]
    assert built.get("T1").groep == "kenmerken"
    assert profile(toegang={"indicatie_nodig": False}).toegang is not None
