"""Rule documentation is generated from the rule files; these fail when docs/ drifts."""

from __future__ import annotations

import pytest

from iza_check.resources import rules_dir
from iza_check.rules.docs import rule_markdown
from iza_check.rules.loader import load_catalogue


@pytest.fixture(scope="module")
def catalogue():  # type: ignore[no-untyped-def]
    return load_catalogue([rules_dir()])


def test_every_rule_is_documented_in_the_same_shape(catalogue) -> None:  # type: ignore[no-untyped-def]
    for rule in catalogue.rules:
        for lang, headings in {
            "nl": ("**Wat het controleert.**", "**Waarom het ertoe doet.**", "**Wat te doen.**", "### Voorbeelden"),
            "en": ("**What it checks.**", "**Why it matters.**", "**What to do.**", "### Examples"),
        }.items():
            text = rule_markdown(rule, lang)
            positions = [text.find(h) for h in headings]
            assert all(p >= 0 for p in positions), (rule.id, lang)
            assert positions == sorted(positions), (rule.id, lang)
            assert rule.bron.bestand in text


def test_every_rule_cites_an_existing_source_file(catalogue) -> None:  # type: ignore[no-untyped-def]
    known = {
        "000_5e69ab7167cb3b70.txt",
        "001_2715bf62c8552a50.txt",
        "002_bd6a1f13a11948c7.txt",
        "003_79303bbc280151f4.txt",
        "004_b6d483b5d7efa298.txt",
    }
    for rule in catalogue.rules:
        assert rule.bron.bestand in known, rule.id


def test_a_situation_with_a_link_of_its_own_shows_it(catalogue) -> None:  # type: ignore[no-untyped-def]
    rule = catalogue.get("Q1")
    own = "https://voorbeeld.nl/klachtenregeling-gastorganisatie"
    variant = rule.advies_als[0]
    linked = variant.model_copy(update={"advies": variant.advies.model_copy(update={"link": own})})
    for lang in ("nl", "en"):
        text = rule_markdown(rule.model_copy(update={"advies_als": (linked,)}), lang)
        assert text.index(variant.advies.nl if lang == "nl" else variant.advies.en) < text.index(f"<{own}>")
        assert f"<{own}>" not in rule_markdown(rule, lang)
