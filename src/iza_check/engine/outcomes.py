"""What the engine says about one rule for one profile: the outcome and the facts behind it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum


class Severity(str, Enum):
    """How much a rule weighs (``ernst`` in a rule file): verplicht, aanbevolen or informatief."""

    verplicht = "verplicht"
    aanbevolen = "aanbevolen"
    informatief = "informatief"


class Outcome(StrEnum):
    """Three-valued logic plus *deels* and *nvt*; a missing fact gives ``onbekend``, never ``voldoet_niet``."""

    voldoet = "voldoet"
    deels = "deels"
    voldoet_niet = "voldoet_niet"
    onbekend = "onbekend"
    nvt = "nvt"


@dataclass(frozen=True, slots=True)
class Fact:
    """A profile fact a rule looked at: its dotted path and its value as found in the profile."""

    path: str
    value: object


@dataclass(frozen=True, slots=True)
class RuleResult:
    """The outcome of one rule.

    ``facts`` are the referenced paths that were present (with their values); ``missing`` are the
    absent paths that could still change the outcome. ``at_best`` is set for an *onbekend* that the known
    facts already keep from *voldoet*: it can still become *deels* at best. ``at_least`` is set for an
    *onbekend* that the known facts already make *deels* at least: it can still become *voldoet*.

    ``causes`` name what kept the rule from *voldoet* (for deels, voldoet niet and a deels at best): the
    facts whose values made its ``voldoet`` condition false (and for voldoet niet its ``deels`` condition
    too), as paths to facts with a value in the profile, an item of a list named by its index
    (``aanbod[2].verwijzing_nodig``). What any outcome rests on: :func:`iza_check.engine.base.basis`.
    """

    rule_id: str
    outcome: Outcome
    facts: tuple[Fact, ...]
    missing: tuple[str, ...]
    at_best: Outcome | None = None
    causes: tuple[str, ...] = ()
    at_least: Outcome | None = None
