"""The profile JSON Schema, generated from the pydantic model (one source; drift-tested)."""

from __future__ import annotations

import json
from typing import Any

from iza_check.profile.model import Profile

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


# Editors show these to the people who write profiles, so they are Dutch; the model's docstrings are for
# developers and stay English. A test checks that every described part of the schema is in this list.
DESCRIPTIONS: dict[str, str] = {
    "Profile": "Een zelfregie- of herstelinitiatief, beschreven in feiten.",
    "Activiteit": "Eén activiteit die het initiatief aanbiedt.",
    "Bereik": "Bereik: kengetallen die alleen ter vergelijking in het rapport staan, nooit als oordeel.",
    "Bewijs": "Een bewijsstuk: een document, een webpagina, een datum.",
    "Financiering": "Financiering: hoe gezond de geldstromen zijn (ter informatie).",
    "Initiatief": "Wie en waar: het initiatief zelf.",
    "Kwaliteit": "Kwaliteit (eisen Q1 tot en met Q10).",
    "Plan": "Een concrete geplande stap: wat, voor welk kenmerk of welke eis, en wanneer.",
    "Regeling": "Een vastgelegde regeling (klachtenprocedure, privacyregeling, …).",
    "Samenwerking": "Met wie? Partners (kenmerk 10) en afspraken voor crisissituaties (vraag 6 van de financier).",
    "Soort": "Soorten activiteiten. Daaruit volgen de bouwstenen A, B en C.",
    "Team": "Door wie? (kenmerk 9, eis Q7): wie het werk doet.",
    "Toegang": "Voor wie? (kenmerk 1): hoe laag de drempel is.",
    "Werkwijze": "Hoe? (kenmerken 3 tot en met 8): de manier van werken.",
}


def profile_json_schema() -> dict[str, Any]:
    schema = Profile.model_json_schema(mode="validation")
    if "description" in schema:
        schema["description"] = DESCRIPTIONS["Profile"]
    for name, definition in schema.get("$defs", {}).items():
        if "description" in definition:
            definition["description"] = DESCRIPTIONS[name]
    return {"$schema": SCHEMA_DIALECT, **schema}


def dumps_schema(schema: dict[str, Any]) -> str:
    """The canonical text of a schema file: stable key order, UTF-8, trailing newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
