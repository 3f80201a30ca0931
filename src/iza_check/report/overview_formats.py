"""The regional overview (``overview``): text, html (with an inline SVG coverage chart), json and csv.

Pure functions of :class:`iza_check.funders.overview.Overview`; each returns the whole output as text.

This module names the formats and picks the renderer; the renderers live in :mod:`iza_check.report.overview_text`,
:mod:`iza_check.report.overview_html` and :mod:`iza_check.report.overview_data` (json and csv; its docstring
describes the csv's columns), and what they share in :mod:`iza_check.report.overview_common`.
"""

from __future__ import annotations

from typing import Final

from iza_check.funders.overview import Overview
from iza_check.report.funder_common import json_document as _json
from iza_check.report.overview_common import region_name
from iza_check.report.overview_data import overview_document, render_overview_csv
from iza_check.report.overview_html import render_overview_html
from iza_check.report.overview_text import render_overview_text

OVERVIEW_FORMATS: Final = ("text", "html", "json", "csv")


def render_overview(fmt: str, overview: Overview, *, lang: str = "nl") -> str:
    if fmt == "text":
        return render_overview_text(overview, lang=lang)
    if fmt == "html":
        return render_overview_html(overview, lang=lang)
    if fmt == "json":
        return _json(overview_document(overview, lang))
    if fmt == "csv":
        return render_overview_csv(overview, lang=lang)
    raise ValueError(f"unknown overview format {fmt!r}; choose one of: {', '.join(OVERVIEW_FORMATS)}")


__all__ = [
    "OVERVIEW_FORMATS", "overview_document", "region_name", "render_overview", "render_overview_csv",
    "render_overview_html", "render_overview_text",
]
