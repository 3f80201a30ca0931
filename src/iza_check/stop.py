"""SIGTERM as an exception: a batch stopped by a CI runner, ``kill`` or a container ends as Ctrl-C does.

The CLI installs :func:`on_sigterm_raise` around every command and turns :class:`Terminated` into one line
and exit 143 (128 + 15); the checker's pool stops its workers at once when it sees it (iza_check.checker).
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from typing import Any


class Terminated(BaseException):
    """SIGTERM arrived. A BaseException, like KeyboardInterrupt, so that every ``finally`` and ``except
    BaseException`` on the way out runs (the atomic report writer removes its temporary file) and no
    ``except Exception`` swallows it."""


_terminating = False
_cleanups: list[Callable[[], None]] = []


def terminating() -> bool:
    """True once SIGTERM has arrived: from then on nothing may wait on worker processes (they may be gone)."""
    return _terminating


def on_termination(cleanup: Callable[[], None]) -> None:
    """Run ``cleanup`` when a command ends by SIGTERM (see :func:`run_cleanups`)."""
    if cleanup not in _cleanups:
        _cleanups.append(cleanup)


def run_cleanups() -> None:
    """Called by the CLI when it turns :class:`Terminated` into exit 143, before the interpreter exits."""
    for cleanup in _cleanups:
        try:
            cleanup()
        except Exception:
            pass


def _raise_terminated(signum: int, frame: object) -> None:
    global _terminating
    _terminating = True
    raise Terminated()


def on_sigterm_raise() -> object:
    """Make SIGTERM raise :class:`Terminated` in this (main) thread; returns what :func:`restore_sigterm` needs.

    Only where SIGTERM still has its default action: an embedding program's own handler is left alone.
    """
    if threading.current_thread() is not threading.main_thread():
        return None
    previous = signal.getsignal(signal.SIGTERM)
    if previous is not signal.SIG_DFL:
        return None
    signal.signal(signal.SIGTERM, _raise_terminated)
    hook = sys.unraisablehook

    def quiet_about_terminated(unraisable: Any) -> None:
        """SIGTERM raised where Python cannot pass an exception on (a __del__, a weakref callback): Python
        would print "Exception ignored in ..."; the flag stays set and the batch stops at its next step."""
        if not isinstance(getattr(unraisable, "exc_value", None), Terminated):
            hook(unraisable)

    sys.unraisablehook = quiet_about_terminated
    return (previous, hook, quiet_about_terminated)


def restore_sigterm(installed: object) -> None:
    """Undo :func:`on_sigterm_raise` (given what it returned)."""
    if not isinstance(installed, tuple):
        return
    previous, hook, ours = installed
    signal.signal(signal.SIGTERM, previous)
    if sys.unraisablehook is ours:
        sys.unraisablehook = hook
