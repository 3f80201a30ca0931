"""Shared reporter helpers: cleaning, value formatting, URIs, grouping."""

from __future__ import annotations

import datetime as dt

import pytest
from report_fixtures import PEILDATUM, growth_profile, plan

from iza_check.assess.findings import Outcome
from iza_check.report._common import (
    artifact_uri,
    clean,
    format_number,
    format_value,
    grouped,
    humanize_path,
    plan_status,
    safe_url,
    shorten,
)


def test_clean_replaces_every_control_character_but_keeps_text() -> None:
    text = "a" + "".join(chr(c) for c in range(0x20)) + "\x7f\x85\u202e\ud800\ufffe" + "Één"
    cleaned = clean(text)
    assert cleaned.startswith("a") and cleaned.endswith("Één")
    assert all(ch.isprintable() or ch == " " for ch in cleaned)
    assert "\u202e" not in cleaned and "\ud800" not in cleaned and "\x1b" not in cleaned


def test_clean_keeps_line_breaks_only_when_asked() -> None:
    assert clean("een\r\ntwee\rdrie\nvier") == "een twee drie vier"
    assert clean("een\r\ntwee\rdrie", keep_newlines=True) == "een\ntwee\ndrie"
    assert clean("tab\there") == "tab here"


def test_clean_leaves_ordinary_text_alone() -> None:
    text = 'Stichting "Ça va" & Zoon <b> — Súdwest-Fryslân'
    assert clean(text) is text


@pytest.mark.parametrize(
    ("number", "lang", "expected"),
    [(938528, "nl", "938.528"), (938528, "en", "938,528"), (2.04, "nl", "2,04"), (2.2, "en", "2.2"), (3.0, "nl", "3")],
)
def test_numbers_follow_the_language(number: float, lang: str, expected: str) -> None:
    assert format_number(number, lang) == expected


def test_values_read_like_text() -> None:
    assert format_value(True, "nl") == "ja"
    assert format_value(False, "en") == "no"
    assert format_value([], "nl") == "geen"
    assert format_value(["inloop", "maaltijd"], "nl") == "inloop, maaltijd"
    assert format_value(dt.date(2021, 2, 1), "nl") == "2021-02-01"
    assert format_value(2015, "nl") == "2015"
    assert format_value(None, "en") == "empty"


def test_paths_read_without_yaml_knowledge() -> None:
    assert humanize_path("activiteiten[0].soort") == "activiteiten › soort"
    assert humanize_path("toegang.indicatie_nodig") == "toegang › indicatie nodig"


def test_only_plain_web_links_survive() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "https://exa mple.org", "//evil", "", None):
        assert safe_url(bad) is None


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("profiles/a.yaml", "profiles/a.yaml"),
        ("./profiles/a.yaml", "profiles/a.yaml"),
        ("profiles\\oud\\a b.yaml", "profiles/oud/a%20b.yaml"),
        ("profiles/ça va & zoon.yaml", "profiles/%C3%A7a%20va%20%26%20zoon.yaml"),
        ("/srv/p/a.yaml", "file:///srv/p/a.yaml"),
        ("C:\\p\\a.yaml", "file:///C:/p/a.yaml"),
    ],
)
def test_artifact_uris_use_forward_slashes(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


def test_groups_come_in_the_order_of_the_findings_which_is_the_catalogues() -> None:
    profile = growth_profile()
    assert [name for name, _ in grouped(profile.findings)] == ["kenmerken", "kwaliteit", "bouwstenen", "integraal"]
    assert [name for name, _ in grouped(reversed(profile.findings))] == ["integraal", "bouwstenen", "kwaliteit", "kenmerken"]
    from iza_check.resources import rules_dir
    from iza_check.rules.loader import load_catalogue

    groups = list(dict.fromkeys(rule.groep.value for rule in load_catalogue([rules_dir()]).rules))
    assert groups[0] == "kenmerken", "reports list the kenmerken first because the catalogue does"


def test_overdue_plans_say_so_last() -> None:
    overdue = plan("stap", dt.date(2025, 1, 1), False)
    assert overdue.verlopen and overdue.streefdatum < PEILDATUM
    assert plan_status(overdue, "nl")[-1] == "streefdatum verstreken"
    assert plan_status(plan("stap", dt.date(2026, 1, 1), None), "en") == ["target date 1 January 2026"]


def test_shorten_marks_the_cut() -> None:
    assert shorten("x" * 10, 20) == "x" * 10
    cut = shorten("woord " * 100, 50)
    assert len(cut) <= 50 and cut.endswith("…")


def test_outcome_order_is_stable() -> None:
    assert [o.value for o in Outcome] == ["voldoet", "deels", "voldoet_niet", "onbekend", "nvt"]
