"""Whether durable-rules loads here, and loading it: the one module that imports durable-rules.

Apart from the adaptor (:mod:`iza_check.engine.durable`), so that ``--version`` and the choice of a back-end
can find out without importing the engine, the condition language and the profile model.
"""

from __future__ import annotations

import sys
from typing import Any

from iza_check.engine import EngineUnavailable

# durable-rules 2.0.28, its last release, does not load from Python 3.13 on (PyEval_CallObject).
LOADS_BELOW = (3, 13)


def unavailable(reason_nl: str, reason_en: str) -> EngineUnavailable:
    version = ".".join(str(v) for v in sys.version_info[:3])
    return EngineUnavailable(
        f"De regelengine durable-rules werkt niet in deze Python ({version}): {reason_nl}. "
        "Gebruik --engine python (de eigen evaluator van iza-check, dezelfde uitkomsten).\n"
        f"The durable-rules engine does not work in this Python ({version}): {reason_en}. "
        "Use --engine python (iza-check's own evaluator, the same outcomes).",
        reason_en,
    )


def load_durable() -> tuple[Any, Any]:
    if sys.version_info >= LOADS_BELOW:
        raise unavailable(
            "durable-rules 2.0.28 laadt niet in Python 3.13 en nieuwer",
            "durable-rules 2.0.28 does not load in Python 3.13 and newer",
        )
    try:
        import durable.engine as durable_engine
        import durable_rules_engine
    except ImportError as error:
        raise unavailable(f"het pakket kan niet geladen worden ({error})", f"the package cannot be imported ({error})") from None
    return durable_engine, durable_rules_engine
