"""Where the bundled data lives, both in a source checkout and in an installed package."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    """The bundled rule catalogue: the top-level ``rules/`` folder, installed as ``iza_check/catalogue``."""
    installed = _PACKAGE / "catalogue"
    if installed.is_dir():
        return installed
    # Source checkout or editable install: src/iza_check -> repository root.
    return _PACKAGE.parent.parent / "rules"


def schema_dir() -> Path:
    """The JSON Schemas: the top-level ``schema/`` folder, installed as ``iza_check/schemas``."""
    installed = _PACKAGE / "schemas"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / "schema"
