"""The rule-file model and its JSON Schema (one source, drift-tested)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from pydantic import ValidationError
from test_rule_kit import catalogue, file_data, rule_data

from iza_check.resources import rules_dir
from iza_check.rules.conditions import Lijst
from iza_check.rules.model import RuleFile, RuleSpec, rules_json_schema
from iza_check.rules.operators import Gelijk, In, Minstens
from iza_check.yamlsafe import load_yaml_file


def test_schema_is_valid_and_accepts_the_bundled_catalogue() -> None:
    schema = rules_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted(Path(rules_dir()).glob("*.yaml"))
    assert files
    for path in files:
        data = load_yaml_file(path).data
        errors = list(validator.iter_errors(_json(data)))
        assert not errors, (path, errors[:1])


def _json(value: object) -> object:
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def test_schema_and_model_agree_on_condition_forms() -> None:
    validator = jsonschema.Draft202012Validator(rules_json_schema())
    good = file_data(rule_data("S1", {"veld": "team.fte", "minstens": 1, "gelijk": 2}))
    assert list(validator.iter_errors(good))  # two operators
    with pytest.raises(ValidationError):
        RuleFile.model_validate(good)
    fine = file_data(rule_data("S1", {"een_van": [{"veld": "team.fte", "minstens": 1}, {"veld": "team.fte", "in": [0, 2]}]}))
    assert not list(validator.iter_errors(fine))
    RuleFile.model_validate(fine)


def test_conditions_parse_into_their_forms() -> None:
    spec = RuleSpec.model_validate(
        rule_data(
            "S1",
            {"alle": [{"veld": "toegang.eigen_bijdrage", "in": ["geen"]}, {"lijst": "aanbod", "waar": {"veld": "soort", "gelijk": "inloop"}, "minstens": 1}]},
            deels={"veld": "kwaliteit.rie.datum", "minstens": dt.date(2024, 1, 1)},
        )
    )
    first, second = spec.voldoet.alle  # type: ignore[union-attr]
    assert isinstance(first, In) and first.in_ == ["geen"]
    assert isinstance(second, Lijst) and isinstance(second.waar, Gelijk)
    assert isinstance(spec.deels, Minstens) and spec.deels.minstens == dt.date(2024, 1, 1)
    # Values keep their YAML type: a quoted "true" is text, not a boolean.
    text = RuleSpec.model_validate(rule_data("S2", {"veld": "initiatief.gemeente", "gelijk": "true"}))
    assert text.voldoet.gelijk == "true"  # type: ignore[union-attr]
    flag = RuleSpec.model_validate(rule_data("S3", {"veld": "toegang.indicatie_nodig", "gelijk": True}))
    assert flag.voldoet.gelijk is True  # type: ignore[union-attr]


@pytest.mark.parametrize("bad_id", ["k1", "K-1", "1K", "K1234567890123456", ""])
def test_rule_ids_follow_the_pattern(bad_id: str) -> None:
    with pytest.raises(ValidationError):
        RuleSpec.model_validate(rule_data(bad_id, {"veld": "team.fte", "minstens": 1}))


def test_k10a_style_ids_are_allowed() -> None:
    assert RuleSpec.model_validate(rule_data("K10a", {"veld": "team.fte", "minstens": 1})).id == "K10a"


def test_the_examples_in_rules_readme_are_valid(repo: Path) -> None:
    text = (repo / "rules" / "README.md").read_text(encoding="utf-8")
    examples = text.split("## Voorbeelden", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", examples, flags=re.S)
    assert len(blocks) >= 6
    for number, block in enumerate(blocks):
        parts = yaml.safe_load(block)
        nvt = parts.get("nvt", {}).get("als")
        voldoet = parts.get("voldoet", nvt)
        catalogue(rule_data(f"V{number}", voldoet, deels=parts.get("deels"), nvt=nvt))
