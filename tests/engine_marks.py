"""Marks for tests that need durable-rules (a module of its own: ``conftest`` names clash between test folders)."""

from __future__ import annotations

import pytest

from iza_check.engine import durable_problem

_PROBLEM = durable_problem()

requires_durable = pytest.mark.skipif(
    _PROBLEM is not None, reason=f"durable-rules does not load here: {_PROBLEM and _PROBLEM.reason}"
)
