"""Fixtures for the unit tests: the engine back-ends."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from iza_check.engine import BACKENDS, Engine, create_engine, durable_problem
from iza_check.rules.model import Catalogue


@pytest.fixture(params=BACKENDS, scope="module")
def backend(request: pytest.FixtureRequest) -> str:
    """Each engine back-end in turn; durable is skipped where it does not load."""
    if request.param == "durable" and durable_problem() is not None:
        pytest.skip(f"durable-rules does not load here: {durable_problem().reason}")  # type: ignore[union-attr]
    return str(request.param)


@pytest.fixture(scope="module")
def make_engine(backend: str) -> Callable[[Catalogue], Engine]:
    """Builds an engine with the back-end of this run of the test."""
    return lambda catalogue: create_engine(catalogue, backend)
