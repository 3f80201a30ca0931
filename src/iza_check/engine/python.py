"""The Python back-end: the condition language evaluated straight on the profile.

It runs wherever durable-rules does not load (Python 3.13 and newer, a machine without a C compiler)
and gives the same results: each part of a rule is read with the three-valued logic of
:func:`iza_check.engine.facts.compile_reasons`, the evaluator that also explains every result, so the truths and
their explanation come from one reading of the profile; ``tests/unit/test_differential.py`` holds the two
back-ends equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from iza_check.engine.base import Engine, Truths, explain
from iza_check.engine.outcomes import Fact, RuleResult
from iza_check.profile.model import Profile


class PythonEngine(Engine):
    """Evaluates profiles against a catalogue in plain Python."""

    name = "python"

    def _evaluate(self, profile: Profile, peildatum: dt.date, indices: Sequence[int]) -> list[RuleResult]:
        # One ``lookups`` per profile: it also remembers each part's reading, which explain() then reuses.
        lookups: dict[str, object] = {}
        fact_cache: dict[str, Fact | None] = {}
        results = []
        for index in indices:
            compiled = self._rules[index]
            truth: Truths = {part: reason(profile, peildatum, lookups).truth for part, reason in compiled.reasons.items()}
            results.append(explain(compiled, truth, profile, peildatum, lookups, fact_cache))
        return results
