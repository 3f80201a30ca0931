"""The JSON report: versioned, sorted, and valid against the committed schema."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
from report_fixtures import CONTROL, empty_report, hostile_report, report_with_text, sample_report

from iza_check.assess.findings import Outcome
from iza_check.report import json_report, json_schema


def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json_schema.report_json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema.report_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("build", [sample_report, hostile_report, empty_report])
def test_outputs_validate(build, lang: str) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(json_report.render(build(), lang=lang))
    _validator().validate(document)
    assert document["format_version"] == 3
    assert document["lang"] == lang


def test_schema_rejects_what_it_should() -> None:
    document = json.loads(json_report.render(sample_report()))
    document["profiles"][0]["findings"][0]["outcome"] = "goed"
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(document)
    document = json.loads(json_report.render(sample_report()))
    document["extra"] = 1
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(document)


@pytest.mark.parametrize("build", [sample_report, hostile_report, empty_report])
def test_output_is_stable_and_one_line_per_profile(build) -> None:  # type: ignore[no-untyped-def]
    report = build()
    out = json_report.render(report)
    assert out == json_report.render(report)
    assert json.loads(out) == json_report.report_document(report)
    lines = out.splitlines()
    assert lines[0].startswith('{"format_version": 3, "lang": "nl"') and lines[0].endswith('"profiles": [')
    profile_lines = lines[1 : 1 + len(report.profiles)]
    for line, profile in zip(profile_lines, report.profiles, strict=True):
        data = json.loads(line.rstrip(","))
        assert data["source"] == profile.source
        assert list(data) == sorted(data)


def test_identifiers_are_language_independent_and_texts_follow_the_language() -> None:
    nl = json.loads(json_report.render(sample_report(), lang="nl"))["profiles"][0]
    en = json.loads(json_report.render(sample_report(), lang="en"))["profiles"][0]
    k7_nl = next(f for f in nl["findings"] if f["rule_id"] == "K7")
    k7_en = next(f for f in en["findings"] if f["rule_id"] == "K7")
    assert k7_nl["outcome"] == k7_en["outcome"] == "voldoet_niet"
    assert (k7_nl["outcome_label"], k7_en["outcome_label"]) == ("voldoet niet", "does not meet")
    assert k7_nl["plans"][0] == {
        "stap": "Cursus Herstellen doe je zelf starten met twee getrainde ervaringsdeskundigen",
        "streefdatum": "2025-03-01",
        "gerealiseerd": False,
        "verlopen": True,
        "line": 70,
    }
    assert nl["verdict"]["kind"] == "groeiroute"
    assert nl["counts"] == {"voldoet": 12, "deels": 4, "voldoet_niet": 4, "onbekend": 3, "nvt": 1}


def test_profile_text_is_kept_exactly() -> None:
    document = json.loads(json_report.render(report_with_text(f"a{CONTROL}b\u202e<&>")))
    assert document["profiles"][0]["naam"] == f"a{CONTROL}b\u202e<&>"


def test_lone_surrogates_become_replacement_characters() -> None:
    out = json_report.render(report_with_text("x\ud800y"))
    out.encode("utf-8")
    assert json.loads(out)["profiles"][0]["naam"] == "x\ufffdy"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("build", [sample_report, hostile_report, lambda: report_with_text("x\ud800y\u2028<&>")])
def test_profile_fragment_equals_the_plain_encoding(build, lang: str) -> None:  # type: ignore[no-untyped-def]
    # The stream writes each finding from pre-encoded pieces; it must say exactly what json.dumps says.
    for profile in build().profiles:
        expected = "\n" + json.dumps(json_report._profile(profile, lang), sort_keys=True, ensure_ascii=False)
        assert json_report.STREAM.profile(profile, lang, False) == expected


@pytest.mark.parametrize(
    "value",
    [
        "", "tekst", "x\ud800y", "a\x00\x1b\u202e\"\\", None, True, False, 0, -7, 2**70, 1.5, float("nan"),
        [], ("a", "b\ud800"), ["a", 1], [{"b": 1, "a": [None]}], {"z": 1, "a": "é"}, dt.date(2026, 11, 1),
        Outcome.deels, (True, "x"),
    ],
)
def test_fact_value_encoding_equals_the_plain_encoding(value: object) -> None:
    expected = json.dumps(json_report._value(value), sort_keys=True, ensure_ascii=False)
    assert json_report._value_text(value) == expected
