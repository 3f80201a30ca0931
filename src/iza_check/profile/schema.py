"""The profile JSON Schema, generated from the pydantic model (one source; drift-tested)."""

from __future__ import annotations

import json
from typing import Any

from iza_check.profile.model import Profile

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def profile_json_schema() -> dict[str, Any]:
    schema = Profile.model_json_schema(mode="validation")
    return {"$schema": SCHEMA_DIALECT, **schema}


def dumps_schema(schema: dict[str, Any]) -> str:
    """The canonical text of a schema file: stable key order, UTF-8, trailing newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
