"""The regional overview as data: the json document (versioned, ``format_version``) and the csv.

The csv has one row per initiative, in the overview's order (region, gemeente, name), for a policy officer to
filter and pivot in Excel: its region (as the overview groups it: a gemeente without a region is a unit of its
own), gemeente, name, file, dagdelen open (a number, empty when unknown), verdict, B1–B3 as outcome words, and
per regional bouwsteen B and C whether it offers it: ``ja``, ``nee`` (its list of activities is complete) or
``onbekend``. A file that could not be read is a row of its own at the end, with its problem in the last
column. Same conventions as the summary's csv (``;``, UTF-8 with BOM, CRLF).
"""

from __future__ import annotations

from typing import Any

from iza_check.funders.overview import REGIONAL, Coverage, InitiativeEntry, Overview
from iza_check.i18n import t
from iza_check.problems import Problem
from iza_check.report._common import problem_text
from iza_check.report.funder_common import (
    FORMAT_VERSION,
    bouwsteen_label,
    csv_document,
    csv_text,
    ft,
    outcome_word,
    verdict_short,
)
from iza_check.report.funder_common import check_lang as _check_lang
from iza_check.report.funder_common import count_text as _count
from iza_check.report.funder_common import outcome_json as _outcome_json
from iza_check.report.json_report import json_text as _s
from iza_check.report.json_report import problem_json
from iza_check.report.overview_common import region_name


def overview_document(overview: Overview, lang: str = "nl") -> dict[str, Any]:
    _check_lang(lang)

    def coverage(c: Coverage) -> dict[str, Any]:
        return {
            "bouwsteen": c.bouwsteen,
            "label": bouwsteen_label(c.bouwsteen, lang),
            "covered": c.covered,
            "state": c.state,
            "present": [_s(n) for n in c.present],
            "partly": [_s(n) for n in c.partly],
            "unknown": [_s(n) for n in c.unknown],
        }

    regions = []
    for region in overview.regions:
        regions.append(
            {
                "regio": None if region.naam is None or not region.stated else _s(region.naam),
                "label": region_name(region, lang),
                "initiatives": region.initiatives,
                "dagdelen_open": region.dagdelen_open,
                "dagdelen_unknown": region.dagdelen_unknown,
                "missing": {"a": list(region.missing_a), "b": list(region.missing_b), "c": list(region.missing_c)},
                "open": list(region.open),
                "coverage": [coverage(c) for c in region.coverage],
                "gemeenten": [
                    {
                        "gemeente": None if g.naam is None else _s(g.naam),
                        "dagdelen_open": g.dagdelen_open,
                        "dagdelen_unknown": g.dagdelen_unknown,
                        "initiatives": [
                            {
                                "naam": _s(i.naam),
                                "source": _s(i.source),
                                "dagdelen_open": i.dagdelen_open,
                                "verdict": i.verdict.value,
                                "bouwstenen_a": {b: _outcome_json(o) for b, o in i.bouwstenen_a},
                                "regional": list(i.regional),
                            }
                            for i in g.initiatives
                        ],
                    }
                    for g in region.gemeenten
                ],
            }
        )
    return {
        "format_version": FORMAT_VERSION,
        "kind": "overview",
        "lang": lang,
        "peildatum": overview.peildatum.isoformat(),
        "initiatives": overview.initiatives,
        "regions": regions,
        "problems": [problem_json(p) for p in overview.problems],
    }


# --- csv -------------------------------------------------------------------------------------------------

def _offers(entry: InitiativeEntry, soort: str, lang: str) -> str:
    if soort in entry.regional:
        return ft("overview.offers.yes", lang)
    return ft("overview.offers.no" if entry.activities_complete else "overview.offers.unknown", lang)


def _problem_rows(problems: tuple[Problem, ...], lang: str, a_columns: int) -> list[list[str]]:
    """One row per file that could not be read: its first problem, and how many more it has."""
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    rows = []
    width = 6 + a_columns + len(REGIONAL)
    for file, found in by_file.items():
        more = len(found) - 1
        message = problem_text(found[0]) + (f" {_count('summary.more_problems', more, lang)}" if more else "")
        row = [""] * width
        row[3] = csv_text(file)
        row[5] = ft("summary.invalid", lang)
        rows.append([*row, csv_text(message)])
    return rows


def render_overview_csv(overview: Overview, *, lang: str = "nl") -> str:
    """One row per initiative (see the module's docstring), then one per file that could not be read."""
    _check_lang(lang)
    header = [
        ft("overview.col.region", lang),
        t("profile.gemeente", lang),
        t("col.initiative", lang),
        ft("summary.col.file", lang),
        ft("overview.col.dagdelen", lang),
        ft("overview.col.verdict", lang),
        *overview.bouwstenen_a,
        *(bouwsteen_label(s, lang) for s in REGIONAL),
        t("col.message", lang),
    ]
    rows: list[list[str]] = []
    for region in overview.regions:
        region_label = csv_text(region_name(region, lang))
        for gemeente in region.gemeenten:
            for entry in gemeente.initiatives:
                rows.append(
                    [
                        region_label,
                        csv_text(gemeente.naam),
                        csv_text(entry.naam),
                        csv_text(entry.source),
                        "" if entry.dagdelen_open is None else str(entry.dagdelen_open),
                        verdict_short(entry.verdict, lang),
                        *(outcome_word(o, lang) for o in entry.a_outcomes(overview.bouwstenen_a)),
                        *(_offers(entry, s, lang) for s in REGIONAL),
                        "",
                    ]
                )
    rows += _problem_rows(overview.problems, lang, len(overview.bouwstenen_a))
    return csv_document(header, rows)
