"""Progress (``diff``): of two versions of one profile, or of two rounds of profiles.

Pure functions of the result types in :mod:`iza_check.funders.diff`; each returns the whole output as text.

- Two files: ``text``, ``json`` and ``markdown`` (:func:`render_diff`).
- Two rounds (folders or patterns): ``text``, ``html`` (self-contained, no script), ``csv`` (one row per
  initiative, with what moved, for a spreadsheet) and ``json`` (:func:`render_rounds`).

This module names the formats and picks the renderer; the renderers live in :mod:`iza_check.report.diff_text`
(text, markdown), :mod:`iza_check.report.diff_html` and :mod:`iza_check.report.diff_data` (json, csv), and
what they share in :mod:`iza_check.report.diff_common`.
"""

from __future__ import annotations

from typing import Final

from iza_check.funders.diff import ProfileDiff, RoundsDiff
from iza_check.report.diff_common import ambiguity_text
from iza_check.report.diff_data import diff_document, render_rounds_csv, rounds_document
from iza_check.report.diff_html import render_rounds_html
from iza_check.report.diff_text import render_diff_markdown, render_diff_text, render_rounds_text
from iza_check.report.funder_common import json_document as _json

DIFF_FORMATS: Final = ("text", "json", "markdown")
ROUNDS_FORMATS: Final = ("text", "html", "csv", "json")


def render_diff(fmt: str, diff: ProfileDiff, *, lang: str = "nl") -> str:
    """Two versions of one profile (``diff OLD.yaml NEW.yaml``)."""
    if fmt not in DIFF_FORMATS:
        raise ValueError(f"unknown diff format {fmt!r}; choose one of: {', '.join(DIFF_FORMATS)}")
    if fmt == "text":
        return render_diff_text(diff, lang=lang)
    if fmt == "markdown":
        return render_diff_markdown(diff, lang=lang)
    return _json(diff_document(diff, lang))


def render_rounds(fmt: str, rounds: RoundsDiff, *, lang: str = "nl") -> str:
    """Two rounds of profiles (``diff OLD_DIR NEW_DIR``)."""
    if fmt == "text":
        return render_rounds_text(rounds, lang=lang)
    if fmt == "html":
        return render_rounds_html(rounds, lang=lang)
    if fmt == "csv":
        return render_rounds_csv(rounds, lang=lang)
    if fmt == "json":
        return _json(rounds_document(rounds, lang))
    raise ValueError(f"unknown format {fmt!r} for two rounds; choose one of: {', '.join(ROUNDS_FORMATS)}")


__all__ = [
    "DIFF_FORMATS", "ROUNDS_FORMATS", "ambiguity_text", "diff_document", "render_diff", "render_rounds",
    "rounds_document",
]
