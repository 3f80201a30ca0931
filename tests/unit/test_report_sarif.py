"""SARIF 2.1.0 output.

The official OASIS schema is not vendored here, so the test holds a strict subset of it: every object we emit,
with the official property names, required properties, enumerations and minimums, and no other properties.
If ``tests/schemas/sarif-schema-2.1.0.json`` (the official file) is present, outputs are checked against it too.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from report_fixtures import empty_report, hostile_report, report_with_text, sample_report

from iza_check.assess.findings import Outcome, Severity
from iza_check.report import sarif

_LEVEL = {"enum": ["none", "note", "warning", "error"]}
_MESSAGE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["text"],
    "properties": {"text": {"type": "string"}, "markdown": {"type": "string"}},
}


def _obj(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}


_PROPERTY_BAG = {"type": "object"}
_REGION = {
    **_obj([], {"startLine": {"type": "integer", "minimum": 1}, "startColumn": {"type": "integer", "minimum": 1}}),
    "anyOf": [{"required": ["startLine"]}],
}
_LOCATION = _obj(
    [],
    {
        "physicalLocation": {
            **_obj(
                [],
                {
                    "artifactLocation": _obj(
                        [], {"uri": {"type": "string", "format": "uri-reference"}, "uriBaseId": {"type": "string"}}
                    ),
                    "region": _REGION,
                },
            ),
            "anyOf": [{"required": ["artifactLocation"]}],
        }
    },
)
_RULE = _obj(
    ["id"],
    {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "shortDescription": _MESSAGE,
        "fullDescription": _MESSAGE,
        "helpUri": {"type": "string", "format": "uri"},
        "defaultConfiguration": _obj([], {"level": _LEVEL}),
        "properties": _PROPERTY_BAG,
    },
)
_RESULT = _obj(
    ["message"],
    {
        "ruleId": {"type": "string"},
        "ruleIndex": {"type": "integer", "minimum": -1},
        "level": _LEVEL,
        "kind": {"enum": ["notApplicable", "pass", "fail", "review", "open", "informational"]},
        "message": {**_MESSAGE, "anyOf": [{"required": ["text"]}]},
        "locations": {"type": "array", "items": _LOCATION},
        "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
        "properties": _PROPERTY_BAG,
    },
)
SARIF_SUBSET = _obj(
    ["version", "runs"],
    {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"enum": ["2.1.0"]},
        "runs": {
            "type": "array",
            "items": _obj(
                ["tool"],
                {
                    "tool": _obj(
                        ["driver"],
                        {
                            "driver": _obj(
                                ["name"],
                                {
                                    "name": {"type": "string"},
                                    "version": {"type": "string"},
                                    "semanticVersion": {"type": "string"},
                                    "informationUri": {"type": "string", "format": "uri"},
                                    "language": {"type": "string", "pattern": "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$"},
                                    "rules": {"type": "array", "items": _RULE, "uniqueItems": True},
                                    "properties": _PROPERTY_BAG,
                                },
                            )
                        },
                    ),
                    "language": {"type": "string", "pattern": "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$"},
                    "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                    "results": {"type": "array", "items": _RESULT},
                    "properties": _PROPERTY_BAG,
                },
            ),
        },
    },
)

_OFFICIAL = Path(__file__).resolve().parent.parent / "schemas" / "sarif-schema-2.1.0.json"


def _documents() -> list[dict[str, Any]]:
    return [
        json.loads(sarif.render(build(), lang=lang))
        for build in (sample_report, hostile_report, empty_report)
        for lang in ("nl", "en")
    ] + [json.loads(sarif.render(report_with_text('a:b,c"d\\e\n<f>')))]


def test_outputs_fit_the_sarif_subset() -> None:
    validator = jsonschema.Draft7Validator(SARIF_SUBSET, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    for document in _documents():
        validator.validate(document)


@pytest.mark.skipif(not _OFFICIAL.exists(), reason="official SARIF schema not vendored in tests/schemas/")
def test_outputs_fit_the_official_schema() -> None:  # pragma: no cover - runs only when the file is present
    schema = json.loads(_OFFICIAL.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    for document in _documents():
        validator.validate(document)


def test_one_run_with_the_tool_and_its_rules() -> None:
    document = json.loads(sarif.render(sample_report()))
    assert document["version"] == "2.1.0"
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "iza-check"
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids[:3] == ["K1", "K2", "K3"] and len(ids) == len(set(ids)) == 24
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in driver["rules"]}
    assert (levels["K7"], levels["Q9"], levels["I4"]) == ("error", "warning", "note")


def test_results_only_for_gaps_and_unknowns_with_the_right_level() -> None:
    report = sample_report()
    document = json.loads(sarif.render(report))
    results = document["runs"][0]["results"]
    findings = report.profiles[0].findings
    expected = [f for f in findings if f.is_gap or f.outcome is Outcome.onbekend]
    assert [r["ruleId"] for r in results] == [f.rule_id for f in expected]
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    for result, finding in zip(results, expected, strict=True):
        assert rules[result["ruleIndex"]]["id"] == finding.rule_id
        if finding.outcome is Outcome.onbekend:
            assert result["level"] == "note"
        else:
            assert (
                result["level"]
                == {Severity.verplicht: "error", Severity.aanbevolen: "warning", Severity.informatief: "note"}[
                    finding.severity
                ]
            )


def test_locations_are_relative_with_a_region_only_when_known() -> None:
    results = json.loads(sarif.render(sample_report()))["runs"][0]["results"]
    k7 = next(r for r in results if r["ruleId"] == "K7")
    assert k7["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "profiles/herstelcafe-de-kiem.yaml"},
        "region": {"startLine": 31, "startColumn": 5},
    }
    k4 = next(r for r in results if r["ruleId"] == "K4")
    assert "region" not in k4["locations"][0]["physicalLocation"]
    assert "Ontbreekt in het profiel: werkwijze.wensen_ophalen" in k4["message"]["text"]


def test_invalid_files_are_results_of_the_invalid_input_rule() -> None:
    run = json.loads(sarif.render(hostile_report()))["runs"][0]
    invalid = [r for r in run["results"] if r["ruleId"] == "invalid-input"]
    assert len(invalid) == 2
    assert run["tool"]["driver"]["rules"][invalid[0]["ruleIndex"]]["id"] == "invalid-input"
    assert all(r["level"] == "error" for r in invalid)
    # A backslash separates folders only where it is the separator; on POSIX it is part of the name (issue 17).
    expected = "profiles/oud/te-groot.yaml" if os.sep == "\\" else "profiles%5Coud%5Cte-groot.yaml"
    assert invalid[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == expected
    assert invalid[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 7, "startColumn": 5}


def test_unsafe_links_are_not_help_uris() -> None:
    rules = json.loads(sarif.render(hostile_report()))["runs"][0]["tool"]["driver"]["rules"]
    uris = [rule.get("helpUri") for rule in rules if "helpUri" in rule]
    assert uris == ["https://example.org/klachten?a=1&b=2"]
