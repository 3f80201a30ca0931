"""The rule catalogue: its model, loader, condition language and cache.

:func:`load_rules` is the way to get the catalogue a run uses; the imports stay inside it, so that importing a
module of this package costs nothing extra.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iza_check.rules.model import Catalogue


def load_rules(extra_dirs: Sequence[Path] = ()) -> Catalogue:
    """The bundled rules plus those in ``extra_dirs`` (``--rules``), from the cache when nothing they depend on
    changed (:mod:`iza_check.rules.cache`). Raises the loader's InputError (each problem with its file, line and
    column) for a broken catalogue."""
    from iza_check.resources import rules_dir
    from iza_check.rules.cache import load_catalogue_cached

    return load_catalogue_cached([rules_dir(), *extra_dirs])
