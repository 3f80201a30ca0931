"""The folders are the pipeline, and the imports go one way: input, rules, engine, assessment, funders, reports,
command line. These fail when a module reaches back against the flow (docs/architecture.md draws it)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "iza_check"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


# folder -> what its modules must never import (the later stages of the flow)
FORBIDDEN = {
    "profile": ("iza_check.rules", "iza_check.engine", "iza_check.assess.profile", "iza_check.checker",
                "iza_check.funders", "iza_check.report", "iza_check.cli"),
    "rules": ("iza_check.assess", "iza_check.checker", "iza_check.funders", "iza_check.report", "iza_check.cli"),
    "engine": ("iza_check.assess.profile", "iza_check.checker", "iza_check.funders", "iza_check.report",
               "iza_check.cli"),
    "assess": ("iza_check.checker", "iza_check.funders", "iza_check.report", "iza_check.cli"),
    "funders": ("iza_check.checker", "iza_check.engine", "iza_check.assess.profile", "iza_check.cli"),
    "report": ("iza_check.checker", "iza_check.engine.durable", "iza_check.assess.profile", "iza_check.cli"),
    "yamlsafe": ("iza_check.profile", "iza_check.rules", "iza_check.engine", "iza_check.assess", "iza_check.checker",
                 "iza_check.funders", "iza_check.report", "iza_check.cli"),
}


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_imports_follow_the_flow(folder: str) -> None:
    wrong = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _modules(folder)
        for name in sorted(_imports(path))
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[folder])
    ]
    assert wrong == []


def test_durable_rules_is_imported_by_its_loader_only() -> None:
    users = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if any(name == "durable" or name.startswith("durable.") for name in _imports(path))
    ]
    assert users == ["engine/durable_load.py"]


def test_no_module_sits_beside_the_folders_without_a_reason() -> None:
    """The top level holds the orchestrator and small shared utilities; everything else lives in its stage."""
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert top == [
        "__init__", "__main__", "checker", "collector", "generated", "problems", "resources", "stop", "validate", "writing",
    ]
