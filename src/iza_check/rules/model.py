"""The rule-file model (Dutch keys, as in rules/*.yaml) and its JSON Schema.

``RuleFile`` is exactly the shape of one file; ``Rule`` adds where the rule came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

from iza_check.engine.outcomes import Outcome, Severity
from iza_check.profile.model import CRITERION_ID_PATTERN, WebUrl
from iza_check.rules.conditions import Condition
from iza_check.rules.operators import ConditionBase

RULE_ID_PATTERN = CRITERION_ID_PATTERN
SCHEMA_ID = "https://iza-check.nl/schema/rules.schema.json"

NonEmpty = Annotated[str, Field(min_length=1, max_length=5000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False, defer_build=True)


class Groep(StrEnum):
    kenmerken = "kenmerken"
    kwaliteit = "kwaliteit"
    bouwstenen = "bouwstenen"
    integraal = "integraal"
    financiering = "financiering"
    lokaal = "lokaal"


# Catalogue order of the groups: reports list kenmerken first.
GROUP_ORDER: tuple[str, ...] = tuple(g.value for g in Groep)


class Oordeel(StrEnum):
    """The part a rule plays in the overall verdict (see iza_check.assess.verdict)."""

    kenmerk = "kenmerk"  # one of the kenmerken the verdict weighs
    kern = "kern"  # a kenmerk that is the core of a steunpunt: without it, not op voorhand


class Tekst(_Strict):
    """A text in Dutch and English."""

    nl: NonEmpty
    en: NonEmpty


class Bron(_Strict):
    """Where the criterion comes from: a file in the sources folder and the section."""

    bestand: Annotated[str, Field(min_length=1, max_length=200)]
    sectie: Annotated[str, Field(min_length=1, max_length=500)]


class Uitleg(_Strict):
    wat: Tekst = Field(description="Wat de regel controleert.")
    waarom: Tekst = Field(description="Waarom het ertoe doet (op grond van de bron).")


class Nvt(_Strict):
    als: Condition = Field(description="Wanneer de regel niet van toepassing is.")
    reden: Tekst


class Advies(_Strict):
    nl: NonEmpty
    en: NonEmpty
    link: WebUrl | None = None


class AdviesAls(_Strict):
    """Advice for a situation: used instead of ``advies`` when ``als`` holds for the profile (first one wins)."""

    als: Condition
    advies: Advies


class Voorbeeld(_Strict):
    naam: Annotated[str, Field(min_length=1, max_length=200)]
    profiel: dict[str, Any] = Field(
        description="Stukje profiel; initiatief.naam wordt aangevuld als die ontbreekt."
    )
    verwacht: Outcome
    # Examples that depend on a date (a VOG of June 2025 is recent) fix their own peildatum, so they do
    # not start failing as the years pass.
    peildatum: dt.date | None = Field(
        default=None, description="Peildatum voor dit voorbeeld (JJJJ-MM-DD); zonder: de peildatum van de run."
    )


class RuleSpec(_Strict):
    """One rule, as written in a rule file."""

    id: Annotated[str, Field(pattern=RULE_ID_PATTERN)]
    titel: Tekst
    ernst: Severity
    bron: Bron
    uitleg: Uitleg
    voldoet: Condition
    deels: Condition | None = None
    nvt: Nvt | None = None
    advies: Advies
    # Advice that fits the situation the facts show (volunteers only, a starter, hosted by a ggz
    # organisation): the first whose condition is true replaces ``advies``.
    advies_als: list[AdviesAls] = Field(default_factory=list)
    voorbeelden: list[Voorbeeld] = Field(min_length=2)
    vervangt: StrictBool = Field(
        False, description="Vervangt bewust een regel met hetzelfde id uit een eerdere regelset."
    )
    oordeel: Oordeel | None = Field(
        None,
        description="Telt mee in het oordeel (past, groeiroute, niet op voorhand): 'kenmerk', of 'kern' voor een "
        "kenmerk dat de kern van een steunpunt is (zonder de kern past een initiatief niet op voorhand). Alleen "
        "bij ernst verplicht.",
    )

    def parts(self) -> dict[str, ConditionBase]:
        """The conditions the engine decides the outcome by, by part: ``voldoet``, and ``deels`` and ``nvt`` where the
        rule has them (``advies_als`` only chooses the advice)."""
        parts: dict[str, ConditionBase] = {"voldoet": self.voldoet}
        if self.deels is not None:
            parts["deels"] = self.deels
        if self.nvt is not None:
            parts["nvt"] = self.nvt.als
        return parts

    @model_validator(mode="after")
    def _verdict_rules_are_required(self) -> RuleSpec:
        if self.oordeel is not None and self.ernst is not Severity.verplicht:
            raise ValueError("een regel die meetelt in het oordeel (oordeel: ...) heeft ernst: verplicht")
        return self


class RuleFile(_Strict):
    """One rule file: a group of rules."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        defer_build=True,
        title="iza-check regelbestand",
        json_schema_extra={"$id": SCHEMA_ID},
    )

    groep: Groep
    titel: Tekst
    regels: list[RuleSpec] = Field(min_length=1)


class Rule(RuleSpec):
    """A loaded rule: the file's fields plus its group and where its ``id`` stands (1-based)."""

    groep: Groep
    source_file: str
    source_line: int | None = None
    source_column: int | None = None

    @property
    def location(self) -> str:
        parts = [self.source_file]
        if self.source_line is not None:
            parts.append(str(self.source_line))
        return ":".join(parts)


@dataclass(frozen=True)
class Catalogue:
    """The rules in catalogue order (group order, then file order); ids are unique."""

    rules: tuple[Rule, ...]
    _by_id: dict[str, Rule] = field(init=False, repr=False, compare=False)
    # The catalogue cache's key when it came through the cache (see iza_check.rules.cache.compiled).
    cache_key: str | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {rule.id: rule for rule in self.rules})

    def get(self, rule_id: str) -> Rule:
        try:
            return self._by_id[rule_id]
        except KeyError:
            raise KeyError(f"Onbekende regel '{rule_id}'") from None

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)


# Editors show these; the class docstrings stay English for readers of the code.
_DESCRIPTIONS_NL: dict[str, str] = {
    "RuleFile": "Een regelbestand: één groep regels (zie rules/README.md).",
    "RuleSpec": "Eén regel: wat hij controleert, wanneer het voldoet, advies en voorbeelden.",
    "Tekst": "Tekst in het Nederlands en het Engels.",
    "Bron": "Bronbestand (in de map met bronnen) en de sectie.",
    "Uitleg": "Uitleg: wat de regel controleert en waarom het ertoe doet.",
    "Nvt": "Wanneer de regel niet van toepassing is, met de reden.",
    "Advies": "Concrete volgende stap en wie daarbij helpt.",
    "Voorbeeld": "Een klein profiel met de verwachte uitkomst.",
    "Alle": "Alle voorwaarden gelden (en).",
    "EenVan": "Minstens één voorwaarde geldt (of).",
    "Niet": "De voorwaarde geldt niet.",
    "Lijst": "Minstens zoveel items van een lijst van objecten voldoen aan 'waar' (paden in 'waar' zijn relatief aan het item).",
    "Gelijk": "Het veld is gelijk aan de waarde.",
    "Ongelijk": "Het veld is niet gelijk aan de waarde.",
    "Minstens": "Het veld is minstens (>=) het getal of de datum.",
    "Hoogstens": "Het veld is hoogstens (<=) het getal of de datum.",
    "MeerDan": "Het veld is meer dan (>) het getal of de datum.",
    "MinderDan": "Het veld is minder dan (<) het getal of de datum.",
    "In": "Het veld heeft een van de waarden.",
    "Bestaat": "Het veld is ingevuld (nooit onbekend).",
    "Ontbreekt": "Het veld is niet ingevuld (nooit onbekend).",
    "Bevat": "De lijst van waarden bevat de waarde.",
    "BevatEenVan": "De lijst van waarden bevat minstens een van de waarden.",
    "AantalMinstens": "De lijst heeft minstens zoveel items.",
    "NietOuderDanJaren": "De datum ligt niet meer dan zoveel jaar voor de peildatum.",
    "NietNaPeildatum": "De datum ligt op of voor de peildatum.",
}


def rules_json_schema() -> dict[str, Any]:
    """The JSON Schema of a rule file (draft 2020-12), as written to schema/rules.schema.json."""
    schema = RuleFile.model_json_schema(by_alias=True)
    for name, definition in schema.get("$defs", {}).items():
        if name in _DESCRIPTIONS_NL:
            definition["description"] = _DESCRIPTIONS_NL[name]
        else:
            definition.pop("description", None)
    schema["description"] = _DESCRIPTIONS_NL["RuleFile"]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
