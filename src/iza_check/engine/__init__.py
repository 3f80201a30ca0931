"""Evaluation: a catalogue against one profile at a time, by one of two back-ends.

``durable`` (durable-rules) is the engine wherever it loads; ``python`` is the project's own evaluator
of the same condition language, for the Pythons and machines where durable-rules does not load. Both
give the same results (``tests/unit/test_differential.py``). :func:`create_engine` builds one.

This module stays light (the CLI reads :data:`BACKENDS` at start-up); the back-ends load on use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from iza_check.engine.base import Engine
    from iza_check.rules.model import Catalogue

BACKENDS = ("durable", "python")

__all__ = [
    "BACKENDS",
    "Engine",
    "EngineError",
    "EngineUnavailable",
    "choose_backend",
    "create_engine",
    "decide",
    "durable_problem",
    "engine_name",
]


class EngineUnavailable(RuntimeError):
    """The chosen back-end cannot be used in this Python; ``reason`` says why in a few words."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


class EngineError(RuntimeError):
    """The engine could not evaluate a profile (an internal failure, never bad input)."""


_chosen: list[str] = []
_durable_problem: list[EngineUnavailable | None] = []


def choose_backend(name: str | None) -> None:
    """Make ``name`` the back-end of every engine this process builds (None: back to the default).

    The CLI's ``--engine`` sets it once; forked workers inherit it.
    """
    if name is not None and name not in BACKENDS:
        raise ValueError(f"unknown engine back-end: {name!r} (one of {', '.join(BACKENDS)})")
    _chosen[:] = [] if name is None else [name]


def durable_problem() -> EngineUnavailable | None:
    """Why durable-rules cannot be used here, or None when it loads (found out once per process)."""
    if not _durable_problem:
        from iza_check.engine.durable_load import load_durable

        try:
            load_durable()
        except EngineUnavailable as error:
            _durable_problem.append(error)
        else:
            _durable_problem.append(None)
    return _durable_problem[0]


def engine_name() -> str:
    """The back-end an engine built now would use: the chosen one, else durable where it loads, else python."""
    if _chosen:
        return _chosen[0]
    return "python" if durable_problem() is not None else "durable"


def create_engine(catalogue: Catalogue, backend: str | None = None) -> Engine:
    """An engine for ``catalogue`` with ``backend`` (default: :func:`engine_name`).

    Raises :class:`EngineUnavailable` when ``durable`` is asked for where it does not load.
    """
    name = backend or engine_name()
    if name == "durable":
        from iza_check.engine.durable import DurableEngine

        return DurableEngine(catalogue)
    if name == "python":
        from iza_check.engine.python import PythonEngine

        return PythonEngine(catalogue)
    raise ValueError(f"unknown engine back-end: {name!r} (one of {', '.join(BACKENDS)})")


def __getattr__(name: str) -> Any:
    if name in ("Engine", "decide"):
        from iza_check.engine import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
