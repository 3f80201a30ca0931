"""Golden-file plugin: compare a rendered report with its expected file, or rewrite it on request.

Regenerate with ``IZA_UPDATE_GOLDEN=1 python -m pytest tests/golden`` or ``python -m pytest tests/golden
--update-golden`` (the option exists when pytest starts in this folder), then review the diff before committing.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

EXPECTED = Path(__file__).resolve().parent / "expected"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/expected/ from the current reporters instead of comparing",
    )


def _updating(config: pytest.Config) -> bool:
    return bool(config.getoption("update_golden", default=False)) or os.environ.get("IZA_UPDATE_GOLDEN") == "1"


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """``golden(file_name, actual)`` fails with a diff when ``actual`` differs from the expected file."""
    updating = _updating(request.config)

    def check(name: str, actual: str) -> None:
        path = EXPECTED / name
        if updating:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8", newline="")
            return
        if not path.exists():
            pytest.fail(f"{path} is missing: run .ci/regenerate (or IZA_UPDATE_GOLDEN=1 python -m pytest tests/golden)")
        with open(path, encoding="utf-8", newline="") as handle:
            expected = handle.read()
        if actual != expected:
            diff = difflib.unified_diff(
                expected.splitlines(keepends=True), actual.splitlines(keepends=True), str(path), "actual", n=2
            )
            shown = "".join(list(diff)[:80])
            pytest.fail(f"{name} differs from its golden file (.ci/regenerate rewrites it; review the diff):\n{shown}")

    return check
