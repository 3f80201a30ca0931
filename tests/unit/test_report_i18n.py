"""The UI string catalogue: complete in both languages, placeholders consistent."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from iza_check.assess.findings import Outcome, Severity, VerdictKind
from iza_check.i18n import HELP_CONTACTS, LANGS, format_date, has, keys, t
from iza_check.i18n.catalogue import ENTRIES


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", keys())
def test_every_entry_is_filled_in_both_languages_with_the_same_placeholders(key: str) -> None:
    nl, en = ENTRIES[key]
    assert nl.strip() and en.strip()
    assert _placeholders(nl) == _placeholders(en)


def test_every_outcome_severity_and_verdict_has_a_label() -> None:
    wanted = [f"outcome.{o.value}" for o in Outcome]
    wanted += [f"severity.{s.value}" for s in Severity]
    wanted += [f"verdict.{k.value}" for k in VerdictKind]
    missing = [key for key in wanted if not has(key)]
    assert missing == []
    for lang in LANGS:
        labels = [t(f"outcome.{o.value}", lang) for o in Outcome]
        assert len(set(labels)) == len(labels), "two outcomes with the same label cannot be told apart"


def test_languages_differ_where_they_should() -> None:
    assert t("outcome.voldoet_niet", "nl") == "voldoet niet"
    assert t("outcome.voldoet_niet", "en") == "does not meet"
    assert t("section.next", "nl") != t("section.next", "en")


def test_placeholders_are_filled() -> None:
    assert t("loc.line_col", "nl", line=12, column=5) == "regel 12, kolom 5"
    assert t("questions.number", "en", number=3) == "Question 3"


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown language 'de'"):
        t("report.title", "de")


def test_dates_are_written_out() -> None:
    assert format_date(dt.date(2025, 3, 1), "nl") == "1 maart 2025"
    assert format_date(dt.date(2025, 12, 31), "en") == "31 December 2025"


def test_help_contacts_name_the_three_organisations() -> None:
    names = " ".join(t(f"{key}.name", "nl") for key, _ in HELP_CONTACTS)
    for organisation in ("Regie in de Regio", "NVZH", "MIND"):
        assert organisation in names
    assert all(url.startswith("https://") for _, url in HELP_CONTACTS)
