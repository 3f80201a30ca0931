"""Run the ``voorbeelden`` of every rule: each example is a small profile with an expected outcome."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import ValidationError

from iza_check.engine.outcomes import Outcome, RuleResult
from iza_check.profile.model import Profile
from iza_check.rules.meaning import complete_fragment, profile_error_text
from iza_check.rules.model import Catalogue, Rule, Voorbeeld

if TYPE_CHECKING:
    from iza_check.engine import Engine


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """One example: ``actual`` is None when the example's profile is not valid."""

    rule_id: str
    naam: str
    expected: Outcome
    actual: Outcome | None
    ok: bool
    detail: str


def _explain(result: RuleResult) -> str:
    parts: list[str] = []
    if result.facts:
        parts.append("feiten: " + ", ".join(f"{f.path}={f.value!r}" for f in result.facts))
    if result.missing:
        parts.append("ontbreekt: " + ", ".join(result.missing))
    return "; ".join(parts) or "geen van de gebruikte feiten is ingevuld"


def example_profile(rule: Rule, example: Voorbeeld) -> Profile:
    """The example's fragment as a profile (``initiatief.naam`` filled in); raises ValidationError."""
    return Profile.model_validate(complete_fragment(example.profiel, f"Voorbeeld {rule.id}: {example.naam}"))


def run_examples(catalogue: Catalogue, engine: Engine, *, peildatum: dt.date) -> list[ExampleResult]:
    """Every example of every rule, evaluated for that rule only, in catalogue order."""
    results: list[ExampleResult] = []
    for rule in catalogue.rules:
        for example in rule.voorbeelden:
            expected = Outcome(example.verwacht)
            try:
                profile = example_profile(rule, example)
            except ValidationError as error:
                texts = [profile_error_text(d) for d in error.errors(include_url=False)]
                detail = "het voorbeeldprofiel klopt niet: " + "; ".join(texts)
                results.append(ExampleResult(rule.id, example.naam, expected, None, False, detail))
                continue
            result = engine.evaluate_rule(profile, rule.id, peildatum=example.peildatum or peildatum)
            ok = result.outcome is expected
            results.append(ExampleResult(rule.id, example.naam, expected, result.outcome, ok, _explain(result)))
    return results
