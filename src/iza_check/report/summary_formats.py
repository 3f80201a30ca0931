"""The funder's batch summary (``check --summary``): one row per initiative, as text, html, csv or json.

Pure functions of the small frozen rows of :mod:`iza_check.funders.summary`; each returns the whole output as text.
The html table sorts with a small inline script, needs no network and reads fine without script; the
dossier's index page is that table with each name linking to the initiative's own report. The csv opens in a
Dutch Excel as it is (see :mod:`iza_check.report.funder_common`). The json is versioned (``format_version``)
and described by ``schema/summary.schema.json``, generated from :func:`summary_json_schema`.

The overview and diff renderers moved to :mod:`iza_check.report.overview_formats` and
:mod:`iza_check.report.diff_formats`; their names can still be imported from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import PurePath
from typing import Any, Final
from urllib.parse import quote

from iza_check.assess.findings import Outcome, PlanRef, VerdictKind
from iza_check.funders.summary import SummaryRow, columns, totals
from iza_check.i18n import format_date, t
from iza_check.report._common import ANSI_RESET, OUTCOME_ANSI, clean, problem_text
from iza_check.report.funder_common import (
    FORMAT_VERSION,
    SORT_SCRIPT,
    SORTABLE_CSS,
    VERDICT_RANK,
    VERDICT_SYMBOL,
    bouwsteen_label,
    count_text,
    csv_document,
    csv_text,
    date_json,
    fit,
    ft,
    html_document,
    json_document,
    json_opt,
    legend_outcomes,
    outcome_cell,
    outcome_json,
    outcome_word,
    sort_head,
    symbol,
    verdict_short,
)
from iza_check.report.funder_common import check_lang as _check_lang
from iza_check.report.funder_common import html_text as _e
from iza_check.report.json_report import json_text, problem_json

SUMMARY_FORMATS: Final = ("text", "html", "csv", "json")

_TEXT_NAME_WIDTH = 34
_TEXT_PLACE_WIDTH = 18


def _place(row: SummaryRow) -> str:
    """``Hengelo (Twente)``: the gemeente, and the region a funder groups by."""
    gemeente = clean(row.gemeente) if row.gemeente else "-"
    return f"{gemeente} ({clean(row.regio)})" if row.regio else gemeente


def _plan_text(plan: PlanRef, lang: str, limit: int | None = None) -> str:
    """``WRAP-cursus starten (streefdatum 1 april 2027)``, or ``… (streefdatum … voorbij)`` when overdue."""
    if plan.streefdatum is None:
        when = ft("summary.plan.undated", lang)
    else:
        key = "summary.plan.overdue" if plan.verlopen else "summary.plan.dated"
        when = ft(key, lang, date=format_date(plan.streefdatum, lang))
    stap = clean(plan.stap) if limit is None else fit(clean(plan.stap), limit)
    return f"{stap} ({when})"


def _quality(row: SummaryRow) -> str:
    """``2``, or ``2 +5?`` when 5 requirements are onbekend: a 0 with unknowns is not a clean record."""
    return str(row.quality_gaps) + (f" +{row.quality_unknown}?" if row.quality_unknown else "")


def _display_name(row: SummaryRow) -> str:
    return row.naam if row.naam is not None else PurePath(row.source).name


def _problem_line(row: SummaryRow, lang: str) -> str:
    assert row.problem is not None
    more = row.problem_count - 1
    suffix = f" {count_text('summary.more_problems', more, lang)}" if more > 0 else ""
    return problem_text(row.problem) + suffix


def _totals_line(rows: list[SummaryRow], lang: str) -> str:
    total = totals(rows)
    parts = [f"{count} {verdict_short(kind, lang)}" for kind, count in total.verdicts if count]
    if total.invalid:
        parts.append(f"{total.invalid} {ft('summary.invalid', lang)}")
    return ft("summary.totals", lang, count=total.rows) + (": " + " · ".join(parts) if parts else "")


# --- text ------------------------------------------------------------------------------------------------

def render_summary_text(
    rows: Iterable[SummaryRow], *, peildatum: dt.date, lang: str = "nl", colour: bool = False
) -> str:
    _check_lang(lang)
    rows = list(rows)

    def paint(outcome: Outcome | None, text: str) -> str:
        return f"{OUTCOME_ANSI[outcome]}{text}{ANSI_RESET}" if colour and outcome is not None else text

    names = [fit(_display_name(r), _TEXT_NAME_WIDTH) for r in rows]
    name_w = max([len(t("col.initiative", lang)), *map(len, names)])
    place_head = ft("summary.col.place", lang)
    place_w = max([len(place_head), *(len(fit(_place(r), _TEXT_PLACE_WIDTH)) for r in rows)])
    verdict_w = max(len(ft(f"verdict_short.{k.value}", lang)) for k in VerdictKind)
    verdict_w = max(verdict_w, len(ft("summary.invalid", lang)), len(t("verdict.heading", lang)))
    q_head = ft("summary.col.quality", lang)
    backed_head = ft("summary.col.backed", lang)
    kenmerk_ids, bouwsteen_ids = columns(rows)
    k_width = max([3, *map(len, kenmerk_ids)])
    b_width = max([2, *map(len, bouwsteen_ids)])
    cells = [c.ljust(k_width) for c in kenmerk_ids]
    header = (
        f"{t('col.initiative', lang).ljust(name_w)}  {place_head.ljust(place_w)}  "
        f"{t('verdict.heading', lang).ljust(verdict_w)}  {' '.join(cells)}  {backed_head}  {q_head}  "
        f"{' '.join(b.ljust(b_width) for b in bouwsteen_ids)}"
    )
    lines = [
        f"{ft('summary.title', lang)} · {t('report.peildatum', lang).lower()} {format_date(peildatum, lang)}",
        "",
        header.rstrip(),
        "─" * len(header.rstrip()),
    ]
    for row, name in zip(rows, names, strict=True):
        place = fit(_place(row), _TEXT_PLACE_WIDTH)
        start = f"{name.ljust(name_w)}  {place.ljust(place_w)}  "
        if not row.valid:
            lines.append(f"{start}{ft('summary.invalid', lang).ljust(verdict_w)}  {_problem_line(row, lang)}")
            continue
        marks = " ".join(paint(o, symbol(o).ljust(k_width)) for o in row.kenmerk_outcomes(kenmerk_ids))
        blocks = " ".join(paint(o, symbol(o).ljust(b_width)) for o in row.bouwsteen_outcomes(bouwsteen_ids))
        line = (
            f"{start}{verdict_short(row.verdict, lang).ljust(verdict_w)}  {marks}  "
            f"{row.onderbouwd_text.rjust(len(backed_head))}  {_quality(row).rjust(len(q_head))}  {blocks}"
        )
        lines.append(line.rstrip())
        lines += [f"    → {_plan_text(plan, lang, limit=110)}" for plan in row.plans]
    if not rows:
        lines.append(ft("summary.empty", lang))
    lines += [
        "",
        _totals_line(rows, lang),
        "",
        f"{ft('summary.legend', lang)}: {legend_outcomes(lang)}",
        f"  {ft('summary.legend.k', lang)}",
        f"  {ft('summary.legend.backed', lang)}",
        f"  {ft('summary.legend.q', lang)}",
        f"  {ft('summary.legend.b', lang)}",
        f"  {ft('summary.legend.none', lang)}",
    ]
    return "\n".join(lines) + "\n"


# --- html ------------------------------------------------------------------------------------------------

def _name_cell(row: SummaryRow, lang: str, href: str | None) -> str:
    name = _display_name(row)
    shown = f"<strong>{_e(name)}</strong>"
    if href is not None:
        shown = f'<a href="{_e(href)}">{shown}</a>'
    detail = (
        f'<div class="file">{_e(row.source)}</div>'
        if row.valid
        else f'<div class="problem">{_e(_problem_line(row, lang))}</div>'
    )
    return f'<td class="name" data-sort="{_e(name.casefold())}">{shown}{detail}</td>'


def _summary_html_row(
    row: SummaryRow, lang: str, cols: tuple[tuple[str, ...], tuple[str, ...]], href: str | None = None
) -> str:
    kenmerk_ids, bouwsteen_ids = cols
    cells = [
        _name_cell(row, lang, href),
        f"<td>{_e(_place(row) if row.gemeente or row.regio else '')}"
        + (
            '<ul class="plans">' + "".join(f"<li>{_e(_plan_text(p, lang))}</li>" for p in row.plans) + "</ul>"
            if row.plans
            else ""
        )
        + "</td>",
    ]
    if not row.valid:
        cells.append(f'<td class="v-ongeldig" data-sort="9">{_e(ft("summary.invalid", lang))}</td>')
        cells += ['<td class="c" data-sort="9"></td>'] * len(kenmerk_ids)
        cells.append('<td class="num" data-sort="-1"></td>')
        cells.append('<td class="num" data-sort="-1"></td>')
        cells += ['<td class="c" data-sort="9"></td>'] * len(bouwsteen_ids)
    else:
        assert row.verdict is not None
        mark = VERDICT_SYMBOL[row.verdict]
        cells.append(
            f'<td class="v-{row.verdict.value}" data-sort="{VERDICT_RANK[row.verdict]}">'
            f'<span aria-hidden="true">{mark} </span>{_e(verdict_short(row.verdict, lang))}</td>'
        )
        cells += [outcome_cell(o, lang) for o in row.kenmerk_outcomes(kenmerk_ids)]
        cells.append(f'<td class="num" data-sort="{row.onderbouwd}">{_e(row.onderbouwd_text)}</td>')
        cells.append(f'<td class="num" data-sort="{row.quality_gaps}">{_e(_quality(row))}</td>')
        cells += [outcome_cell(o, lang) for o in row.bouwsteen_outcomes(bouwsteen_ids)]
    return "<tr>" + "".join(cells) + "</tr>"


def link_href(file_name: str) -> str:
    """A relative link to a file beside the page (percent-encoded; html-escaped where it is written)."""
    return quote(file_name, safe="")


def render_summary_html(
    rows: Iterable[SummaryRow],
    *,
    peildatum: dt.date,
    lang: str = "nl",
    links: Mapping[str, str] | None = None,
) -> str:
    """The sortable table. ``links`` maps a row's source to the file name of its own report beside this page
    (the dossier's index); a row without one, such as a file that could not be read, has no link."""
    _check_lang(lang)
    rows = list(rows)
    links = links or {}
    heads = [
        sort_head(t("col.initiative", lang)),
        sort_head(ft("summary.col.place", lang)),
        sort_head(t("verdict.heading", lang)),
    ]
    cols = columns(rows)
    heads += [sort_head(k, "c") for k in cols[0]]
    heads.append(sort_head(ft("summary.col.backed", lang), "num", ft("summary.legend.backed", lang)))
    heads.append(sort_head(ft("summary.col.quality", lang), "num", ft("summary.legend.q", lang)))
    heads += [sort_head(b, "c", bouwsteen_label(b, lang)) for b in cols[1]]
    legend_items = [
        legend_outcomes(lang),
        ft("summary.legend.k", lang),
        ft("summary.legend.backed", lang),
        ft("summary.legend.q", lang),
        ft("summary.legend.b", lang),
        ft("summary.legend.none", lang),
    ]
    hint = ft("summary.sort_hint", lang) + (f" {ft('dossier.hint', lang)}" if links else "")
    body = [
        "<header>",
        f"<h1>{_e(ft('summary.title', lang))}</h1>",
        f'<p class="subtitle">{_e(t("report.peildatum", lang))}: {_e(format_date(peildatum, lang))}</p>',
        "</header><main>",
        '<table class="sortable">',
        f"<caption>{_e(_totals_line(rows, lang))}. {_e(hint)}</caption>",
        "<thead><tr>" + "".join(heads) + "</tr></thead>",
        "<tbody>",
        *(
            _summary_html_row(row, lang, cols, link_href(links[row.source]) if row.source in links else None)
            for row in rows
        ),
        "</tbody></table>",
    ]
    if not rows:
        body.append(f"<p>{_e(ft('summary.empty', lang))}</p>")
    body += [
        f"<h2>{_e(ft('summary.legend', lang))}</h2>",
        '<ul class="legend">' + "".join(f"<li>{_e(item)}</li>" for item in legend_items) + "</ul>",
        f"</main><footer><p>{_e(ft('made_with', lang))} · {_e(format_date(peildatum, lang))}</p></footer>",
    ]
    return html_document(ft("summary.title", lang), lang, body, css=SORTABLE_CSS, script=SORT_SCRIPT)


# --- csv -------------------------------------------------------------------------------------------------

def render_summary_csv(rows: Iterable[SummaryRow], *, lang: str = "nl") -> str:
    _check_lang(lang)
    rows = list(rows)
    kenmerk_ids, bouwsteen_ids = columns(rows)
    header = [
        ft("summary.col.file", lang),
        t("col.initiative", lang),
        t("profile.gemeente", lang),
        t("profile.regio", lang),
        t("verdict.heading", lang),
        *kenmerk_ids,
        ft("summary.col.backed", lang),
        ft("summary.col.quality", lang),
        ft("summary.col.quality_unknown", lang),
        *bouwsteen_ids,
        ft("summary.col.plans", lang),
        t("col.message", lang),
    ]

    def record(row: SummaryRow) -> list[str]:
        if not row.valid:
            empty = [""] * (len(kenmerk_ids) + 4 + len(bouwsteen_ids))
            return [
                csv_text(row.source), "", "", "", ft("summary.invalid", lang), *empty,
                csv_text(_problem_line(row, lang)),
            ]
        return [
            csv_text(row.source),
            csv_text(row.naam),
            csv_text(row.gemeente),
            csv_text(row.regio),
            verdict_short(row.verdict, lang),
            *(outcome_word(o, lang) for o in row.kenmerk_outcomes(kenmerk_ids)),
            row.onderbouwd_text,
            str(row.quality_gaps),  # numbers, for a spreadsheet to add up
            str(row.quality_unknown),
            *(outcome_word(o, lang) for o in row.bouwsteen_outcomes(bouwsteen_ids)),
            csv_text("; ".join(_plan_text(p, lang) for p in row.plans)),
            "",
        ]

    return csv_document(header, (record(row) for row in rows))


# --- json ------------------------------------------------------------------------------------------------

def _row_json(row: SummaryRow, lang: str) -> dict[str, Any]:
    valid = row.valid
    return {
        "source": json_text(row.source),
        "valid": valid,
        "naam": json_opt(row.naam),
        "gemeente": json_opt(row.gemeente),
        "regio": json_opt(row.regio),
        "verdict": None if row.verdict is None else row.verdict.value,
        "verdict_label": verdict_short(row.verdict, lang),
        "kenmerken": {k: outcome_json(o) for k, o in row.kenmerken} if valid else None,
        "onderbouwd": {"count": row.onderbouwd, "of": len(row.kenmerken)} if valid else None,
        "quality": {"gaps": row.quality_gaps, "unknown": row.quality_unknown} if valid else None,
        "bouwstenen": {b: outcome_json(o) for b, o in row.bouwstenen} if valid else None,
        "plans": [
            {
                "stap": json_text(plan.stap),
                "streefdatum": date_json(plan.streefdatum),
                "verlopen": plan.verlopen,
                "line": plan.line,
            }
            for plan in row.plans
        ],
        "problem": None if row.problem is None else problem_json(row.problem),
        "problem_count": row.problem_count,
    }


def summary_document(rows: Iterable[SummaryRow], *, peildatum: dt.date, lang: str = "nl") -> dict[str, Any]:
    """The summary as plain JSON data: one object per profile (or unreadable file), in input order."""
    _check_lang(lang)
    rows = list(rows)
    total = totals(rows)
    return {
        "format_version": FORMAT_VERSION,
        "kind": "summary",
        "lang": lang,
        "peildatum": peildatum.isoformat(),
        "profiles": [_row_json(row, lang) for row in rows],
        "totals": {
            "files": total.rows,
            "invalid": total.invalid,
            "verdicts": {kind.value: count for kind, count in total.verdicts},
        },
    }


def summary_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``check --summary --format json``; committed as schema/summary.schema.json."""
    from iza_check.profile.model import CRITERION_ID_PATTERN
    from iza_check.report.json_schema import SCHEMA_DIALECT, nullable, report_json_schema, schema_object

    string: dict[str, Any] = {"type": "string"}
    count: dict[str, Any] = {"type": "integer", "minimum": 0}
    position: dict[str, Any] = {"type": "integer", "minimum": 1}
    date: dict[str, Any] = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    outcome = {"enum": [*(o.value for o in Outcome), None]}

    def outcomes(what: str) -> dict[str, Any]:
        return nullable(
            {
                "type": "object",
                "description": f"The outcome per rule id of {what}, as the catalogue has them.",
                "propertyNames": {"pattern": CRITERION_ID_PATTERN},
                "additionalProperties": outcome,
            }
        )

    plan = schema_object(
        "A current plan (in_ontwikkeling, not realised) for one of the profile's gaps: who is on the growth route, "
        "until when.",
        {
            "stap": string,
            "streefdatum": nullable(date),
            "verlopen": {"type": "boolean", "description": "Target date before the peildatum: the plan is overdue."},
            "line": nullable(position),
        },
    )
    profile = schema_object(
        "One initiative (valid) or a file that could not be checked (not valid: only source and problem).",
        {
            "source": {**string, "description": "The profile's path as given."},
            "valid": {"type": "boolean"},
            "naam": nullable(string),
            "gemeente": nullable(string),
            "regio": nullable(string),
            "verdict": {"enum": [*(k.value for k in VerdictKind), None]},
            "verdict_label": {**string, "description": "The verdict in the report language ('ongeldig' when not valid)."},
            "kenmerken": outcomes("the kenmerken (the rules that decide the verdict)"),
            "onderbouwd": nullable(
                schema_object(
                    "How many kenmerken rest on a document, web address or date, of the kenmerken in the catalogue.",
                    {"count": count, "of": count},
                )
            ),
            "quality": nullable(
                schema_object(
                    "Quality requirements with a gap (deels or voldoet_niet), and those still onbekend.",
                    {"gaps": count, "unknown": count},
                )
            ),
            "bouwstenen": outcomes("the bouwstenen A"),
            "plans": {"type": "array", "items": {"$ref": "#/$defs/plan"}},
            "problem": nullable({"$ref": "#/$defs/problem"}),
            "problem_count": {**count, "description": "How many problems the file has; the first is in problem."},
        },
    )
    verdict_counts = schema_object("Profiles per verdict.", {k.value: count for k in VerdictKind})
    root = schema_object(
        "iza-check funder summary (check --summary --format json): one object per profile, in input order.",
        {
            "format_version": {"const": FORMAT_VERSION},
            "kind": {"const": "summary"},
            "lang": {"enum": ["nl", "en"]},
            "peildatum": {**date, "description": "Reference date for date checks and target dates (JJJJ-MM-DD)."},
            "profiles": {"type": "array", "items": {"$ref": "#/$defs/profile"}},
            "totals": schema_object(
                "Counts for the whole run.",
                {"files": count, "invalid": count, "verdicts": {"$ref": "#/$defs/verdict_counts"}},
            ),
        },
    )
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "iza-check summary",
        **root,
        "$defs": {
            "plan": plan,
            "problem": report_json_schema()["$defs"]["problem"],
            "profile": profile,
            "verdict_counts": verdict_counts,
        },
    }


def render_summary(
    fmt: str, rows: Iterable[SummaryRow], *, peildatum: dt.date, lang: str = "nl", colour: bool = False
) -> str:
    if fmt == "text":
        return render_summary_text(rows, peildatum=peildatum, lang=lang, colour=colour)
    if fmt == "html":
        return render_summary_html(rows, peildatum=peildatum, lang=lang)
    if fmt == "csv":
        return render_summary_csv(rows, lang=lang)
    if fmt == "json":
        return json_document(summary_document(rows, peildatum=peildatum, lang=lang))
    raise ValueError(f"unknown summary format {fmt!r}; choose one of: {', '.join(SUMMARY_FORMATS)}")


# Names that lived here before the overview and diff renderers had modules of their own.
_MOVED: Final = {
    "OVERVIEW_FORMATS": "overview_formats",
    "overview_document": "overview_formats",
    "render_overview": "overview_formats",
    "render_overview_html": "overview_formats",
    "render_overview_text": "overview_formats",
    "region_name": "overview_formats",
    "DIFF_FORMATS": "diff_formats",
    "diff_document": "diff_formats",
    "render_diff": "diff_formats",
}


def __getattr__(name: str) -> Any:
    """The moved names, imported on first use only: ``check --format concise`` (which takes
    :func:`verdict_short` from here) does not pay for the overview and the diff."""
    module = _MOVED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"iza_check.report.{module}"), name)


__all__ = [
    "SUMMARY_FORMATS", "bouwsteen_label", "ft", "link_href", "render_summary", "render_summary_csv",
    "render_summary_html", "render_summary_text", "summary_document", "summary_json_schema", "verdict_short",
]
