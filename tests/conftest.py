"""Shared test helpers, and the Hypothesis profiles.

``HYPOTHESIS_PROFILE`` picks one (``.ci/run`` sets ``ci``); without it, ``ci`` where the ``CI`` variable is
set (as Hypothesis itself does) and ``dev`` elsewhere:

- ``ci``: the numbers the tests ask for, derandomized so a run is reproducible (so no example database), no
  deadline, and a failing example printed as a blob for ``@reproduce_failure``; Hypothesis' own ``ci``
  profile plus these settings;
- ``dev``: a fast local loop: every test's ``max_examples``, also one set in its own ``@settings(...)``,
  divided by :data:`DEV_DIVISOR` (but at least the dev default of 5, or the test's own number when that is
  smaller), with random examples, so that repeated runs keep exploring.

The profile is loaded here, before the test modules are imported, because ``@given`` reads the default
settings when it decorates a test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent

DEV_DIVISOR = 20

settings.register_profile("ci", settings.get_profile("ci"), deadline=None, derandomize=True, print_blob=True)
_DEFAULT = settings.get_profile("default")
settings.register_profile("dev", _DEFAULT, deadline=None, max_examples=max(1, _DEFAULT.max_examples // DEV_DIVISOR))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(autouse=True)
def _dutch_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI speaks English under an English locale; tests that expect Dutch must not depend on the machine's
    LANG, so every test starts without one (tests of the English CLI set it themselves)."""
    for name in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)


def pytest_report_header(config: pytest.Config) -> str:
    return f"hypothesis profile: {settings.get_current_profile_name()} (HYPOTHESIS_PROFILE; ci or dev)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """In the ``dev`` profile, scale down the ``max_examples`` a test sets in its own ``@settings``.

    An explicit ``@settings(max_examples=N)`` wins over any profile, so the profile alone cannot shorten those
    tests. Hypothesis keeps a test's settings in ``_hypothesis_internal_use_settings`` (``@settings`` and
    ``@given`` set it; ``@given`` reads it at each call); should that ever change, ``dev`` stops scaling the
    explicit numbers and nothing else changes.
    """
    if settings.get_current_profile_name() != "dev":
        return
    scaled: set[int] = set()
    for item in items:
        test = getattr(item, "obj", None)
        own = getattr(test, "_hypothesis_internal_use_settings", None)
        if not getattr(test, "is_hypothesis_test", False) or not isinstance(own, settings) or id(test) in scaled:
            continue
        scaled.add(id(test))
        fewer = max(min(own.max_examples, settings.default.max_examples), own.max_examples // DEV_DIVISOR)
        if fewer != own.max_examples:
            test._hypothesis_internal_use_settings = settings(own, max_examples=fewer)  # type: ignore[union-attr]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO
