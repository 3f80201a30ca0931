"""What every rendering of the regional overview shares: how a region is named and counted, the opening hours
(dagdelen) of a region and a gemeente, a long list of names cut short, the missing bouwstenen per group and how far
bouwsteen A is covered.

The renderers are :mod:`iza_check.report.overview_text`, :mod:`iza_check.report.overview_html` and
:mod:`iza_check.report.overview_data` (json and csv); :mod:`iza_check.report.overview_formats` picks one.
"""

from __future__ import annotations

from iza_check.funders.overview import Coverage, GemeenteOverview, RegionOverview
from iza_check.report._common import clean
from iza_check.report.funder_common import count_text as _count
from iza_check.report.funder_common import ft


def region_name(region: RegionOverview, lang: str) -> str:
    if region.naam is None:
        return ft("overview.no_regio", lang)
    return clean(region.naam) if region.stated else ft("overview.unit_no_regio", lang, name=clean(region.naam))


def region_heading(region: RegionOverview, lang: str) -> str:
    if region.naam is None or not region.stated:
        return region_name(region, lang)
    return ft("overview.region", lang, name=clean(region.naam))


def region_counts(region: RegionOverview, lang: str) -> str:
    return ft(
        "overview.region_counts",
        lang,
        initiatives=_count("overview.initiatives", region.initiatives, lang),
        gemeenten=_count("overview.gemeenten", len(region.gemeenten), lang),
    )


def _dagdelen(total: int, unknown: int, known: int, lang: str) -> str:
    """Opening hours summed over the initiatives that state them (004 stap 1: quantify what is there)."""
    if not known:
        return ft("overview.dagdelen_all_unknown", lang)
    text = ft("overview.dagdelen.one", lang) if total == 1 else ft("overview.dagdelen", lang, count=total)
    if unknown:
        text += f" ({ft('overview.dagdelen_unknown', lang, count=_count('overview.initiatives', unknown, lang))})"
    return text


def region_dagdelen(region: RegionOverview, lang: str) -> str:
    return _dagdelen(region.dagdelen_open, region.dagdelen_unknown, region.initiatives - region.dagdelen_unknown, lang)


def gemeente_dagdelen(gemeente: GemeenteOverview, lang: str) -> str:
    known = len(gemeente.initiatives) - gemeente.dagdelen_unknown
    return _dagdelen(gemeente.dagdelen_open, gemeente.dagdelen_unknown, known, lang)


def initiative_names(names: tuple[str, ...], lang: str, limit: int | None = 6) -> str:
    """Names of initiatives, the first ``limit`` of them in a long list (a big region has hundreds)."""
    if limit is None or len(names) <= limit:
        return ", ".join(clean(n) for n in names)
    shown = ", ".join(clean(n) for n in names[: limit - 1])
    return f"{shown} {ft('overview.and_more', lang, count=len(names) - limit + 1)}"


def missing_groups(region: RegionOverview, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    groups = [
        (ft("overview.short.a", lang), region.missing_a),
        (ft("overview.short.b", lang), region.missing_b),
        (ft("overview.short.c", lang), region.missing_c),
    ]
    return [(label, ids) for label, ids in groups if ids]


def a_status(coverage: Coverage, total: int, lang: str) -> str:
    text = ft("overview.a_count", lang, present=len(coverage.present), total=total)
    if coverage.partly:
        text += f", {ft('overview.a_partly', lang, count=len(coverage.partly))}"
    return text
