"""The Python back-end: the condition language evaluated straight on the profile.

It runs wherever durable-rules does not load (Python 3.13 and newer, a machine without a C compiler)
and gives the same results: each condition is read with the three-valued logic of
:func:`iza_check.facts.compile_condition`, the same definition the durable-rules back-end uses for the
items of a ``lijst``; ``tests/unit/test_differential.py`` holds the two back-ends equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from iza_check.engine.base import Engine, Truths, explain, item_types
from iza_check.facts import ItemPredicate, compile_condition
from iza_check.outcomes import Fact, RuleResult
from iza_check.profile.model import Profile
from iza_check.rules.model import Catalogue


class PythonEngine(Engine):
    """Evaluates profiles against a catalogue in plain Python."""

    name = "python"

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__(catalogue)
        self._predicates: list[tuple[tuple[str, ItemPredicate], ...]] = [
            tuple((part, compile_condition(condition, item_types(condition, Profile))) for part, condition in compiled.parts.items())
            for compiled in self._rules
        ]

    def _evaluate(self, profile: Profile, peildatum: dt.date, indices: Sequence[int]) -> list[RuleResult]:
        lookups: dict[str, object] = {}
        fact_cache: dict[str, Fact | None] = {}
        results = []
        for index in indices:
            truth: Truths = {part: predicate(profile, peildatum) for part, predicate in self._predicates[index]}
            results.append(explain(self._rules[index], truth, profile, peildatum, lookups, fact_cache))
        return results
