"""The regional overview (``overview``): text, html (with an inline SVG coverage chart), json and csv.

Pure functions of :class:`iza_check.funders.overview.Overview`; each returns the whole output as text.

The csv has one row per initiative, in the overview's order (region, gemeente, name), for a policy officer to
filter and pivot in Excel: its region (as the overview groups it: a gemeente without a region is a unit of its
own), gemeente, name, file, dagdelen open (a number, empty when unknown), verdict, B1–B3 as outcome words, and
per regional bouwsteen B and C whether it offers it: ``ja``, ``nee`` (its list of activities is complete) or
``onbekend``. A file that could not be read is a row of its own at the end, with its problem in the last
column. Same conventions as the summary's csv (``;``, UTF-8 with BOM, CRLF).
"""

from __future__ import annotations

from typing import Any, Final

from iza_check.funders.overview import (
    BOUWSTENEN_B,
    BOUWSTENEN_C,
    REGIONAL,
    Coverage,
    GemeenteOverview,
    InitiativeEntry,
    Overview,
    RegionOverview,
)
from iza_check.i18n import format_date, t
from iza_check.problems import Problem
from iza_check.report._common import clean, problem_text
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
from iza_check.report.funder_common import fit as _fit
from iza_check.report.funder_common import html_document as _html_document
from iza_check.report.funder_common import html_text as _e
from iza_check.report.funder_common import json_document as _json
from iza_check.report.funder_common import legend_outcomes as _legend_outcomes
from iza_check.report.funder_common import outcome_cell as _outcome_cell
from iza_check.report.funder_common import outcome_json as _outcome_json
from iza_check.report.funder_common import symbol as _symbol
from iza_check.report.funder_common import wrap as _wrap
from iza_check.report.json_report import json_text as _s
from iza_check.report.json_report import problem_json

OVERVIEW_FORMATS: Final = ("text", "html", "json", "csv")



def region_name(region: RegionOverview, lang: str) -> str:
    if region.naam is None:
        return ft("overview.no_regio", lang)
    return clean(region.naam) if region.stated else ft("overview.unit_no_regio", lang, name=clean(region.naam))


def _region_heading(region: RegionOverview, lang: str) -> str:
    if region.naam is None or not region.stated:
        return region_name(region, lang)
    return ft("overview.region", lang, name=clean(region.naam))


def _region_counts(region: RegionOverview, lang: str) -> str:
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


def _region_dagdelen(region: RegionOverview, lang: str) -> str:
    return _dagdelen(region.dagdelen_open, region.dagdelen_unknown, region.initiatives - region.dagdelen_unknown, lang)


def _gemeente_dagdelen(gemeente: GemeenteOverview, lang: str) -> str:
    known = len(gemeente.initiatives) - gemeente.dagdelen_unknown
    return _dagdelen(gemeente.dagdelen_open, gemeente.dagdelen_unknown, known, lang)


def _names(names: tuple[str, ...], lang: str, limit: int | None = 6) -> str:
    """Names of initiatives, the first ``limit`` of them in a long list (a big region has hundreds)."""
    if limit is None or len(names) <= limit:
        return ", ".join(clean(n) for n in names)
    shown = ", ".join(clean(n) for n in names[: limit - 1])
    return f"{shown} {ft('overview.and_more', lang, count=len(names) - limit + 1)}"


def _missing_groups(region: RegionOverview, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    groups = [
        (ft("overview.short.a", lang), region.missing_a),
        (ft("overview.short.b", lang), region.missing_b),
        (ft("overview.short.c", lang), region.missing_c),
    ]
    return [(label, ids) for label, ids in groups if ids]


def _missing_sentence(region: RegionOverview, lang: str) -> str:
    groups = _missing_groups(region, lang)
    text = (
        "; ".join(f"{label}: {', '.join(bouwsteen_label(b, lang) for b in ids)}" for label, ids in groups)
        if groups
        else ft("overview.missing_none", lang) if not region.open else ""
    )
    if region.open:  # nobody is known to offer it, but a profile's activities are not all listed
        open_text = f"{ft('overview.open', lang)}: {', '.join(bouwsteen_label(b, lang) for b in region.open)}"
        text = f"{text}; {open_text}" if text else open_text
    return text


def _a_status(coverage: Coverage, total: int, lang: str) -> str:
    text = ft("overview.a_count", lang, present=len(coverage.present), total=total)
    if coverage.partly:
        text += f", {ft('overview.a_partly', lang, count=len(coverage.partly))}"
    return text


def _missing_lines(region: RegionOverview, lang: str, indent: str, label: str | None = None) -> list[str]:
    head = f"{indent}{label if label is not None else ft('overview.missing', lang)}:"
    groups = _missing_groups(region, lang)
    if not groups and not region.open:
        return _wrap(f"{head} {ft('overview.missing_none', lang)}", "", indent + "  ")
    lines = [head]
    for group, ids in groups:
        text = f"{group}: {', '.join(bouwsteen_label(b, lang) for b in ids)}"
        lines += _wrap(text, indent + "  ", indent + "    ")
    if region.open:  # nobody is known to offer it, but not every profile lists all its activities
        text = f"{ft('overview.open', lang)}: {', '.join(bouwsteen_label(b, lang) for b in region.open)}"
        lines += _wrap(text, indent + "  ", indent + "    ")
    return lines


def _region_text(region: RegionOverview, lang: str) -> list[str]:
    lines = [
        f"━━ {_region_heading(region, lang)} — {_region_counts(region, lang)} · {_region_dagdelen(region, lang)}",
        *_missing_lines(region, lang, "   "),
        "",
        f"   {ft('overview.group.a', lang)}:",
    ]
    for bouwsteen in region.bouwstenen_a:
        coverage = region.of(bouwsteen)
        lines.append(
            f"     {bouwsteen} {bouwsteen_label(bouwsteen, lang)}: {_a_status(coverage, region.initiatives, lang)}"
        )
    for key, ids in (("overview.group.b", BOUWSTENEN_B), ("overview.group.c", BOUWSTENEN_C)):
        lines.append(f"   {ft(key, lang)}:")
        for bouwsteen in ids:
            coverage = region.of(bouwsteen)
            status = (
                f"✔ {ft('overview.offered_by', lang, names=_names(coverage.present, lang))}"
                if coverage.covered
                else f"? {ft('overview.legend.unknown', lang)}"
                if coverage.state == "unknown"
                else f"✘ {ft('overview.legend.missing', lang)}"
            )
            lines += _wrap(f"{bouwsteen_label(bouwsteen, lang)}: {status}", "     ", "       ")
    for gemeente in region.gemeenten:
        name = clean(gemeente.naam) if gemeente.naam else ft("overview.no_gemeente", lang)
        initiatives = _count("overview.initiatives", len(gemeente.initiatives), lang)
        lines += ["", f"   {name} — {initiatives} · {_gemeente_dagdelen(gemeente, lang)}"]
        for entry in gemeente.initiatives:
            dagdelen = "?" if entry.dagdelen_open is None else str(entry.dagdelen_open)
            ids = region.bouwstenen_a
            blocks = " ".join(f"{b} {_symbol(o) or ' '}" for b, o in zip(ids, entry.a_outcomes(ids), strict=True))
            regional = ", ".join(bouwsteen_label(s, lang) for s in entry.regional) or "-"
            lines += _wrap(
                f"• {clean(entry.naam)} — {ft('overview.col.dagdelen', lang).lower()}: {dagdelen} · {blocks}"
                f" · {verdict_short(entry.verdict, lang)}",
                "     ",
                "       ",
            )
            lines += _wrap(f"{ft('overview.col.regional', lang)}: {regional}", "       ", "         ")
    return lines


def render_overview_text(overview: Overview, *, lang: str = "nl") -> str:
    _check_lang(lang)
    lines = [
        f"{ft('overview.title', lang)} · {t('report.peildatum', lang).lower()} {format_date(overview.peildatum, lang)}",
        ft("overview.subtitle", lang),
        "",
    ]
    if not overview.regions:
        lines += [ft("overview.empty", lang), ""]
    for region in overview.regions:
        lines += _region_text(region, lang) + ["", ""]
    if overview.regions:
        lines.append(ft("overview.missing_heading", lang))
        for region in overview.regions:
            lines += _missing_lines(region, lang, "  ", label=region_name(region, lang))
        lines += [""]
        lines += _wrap(ft("overview.note", lang), "", "")
        lines.append(f"{ft('summary.legend', lang)}: {_legend_outcomes(lang)}")
    if overview.problems:
        lines += ["", t("section.problems", lang)]
        lines += [f"  {problem_text(p)}" for p in overview.problems]
    return "\n".join(lines).rstrip("\n") + "\n"


def _columns(overview: Overview) -> tuple[str, ...]:
    return overview.bouwstenen_a + BOUWSTENEN_B + BOUWSTENEN_C


_CELL = 46
_LABEL_W = 170
_HEAD_H = 200
_RIGHT = 150  # room for the last rotated column labels
_SVG_FILL = {"covered": "#cfe8d6", "partly": "#f3e2bd", "unknown": "#e4e4e4", "missing": "#f4cfd0"}
_SVG_MARK = {"partly": "◐", "unknown": "?", "missing": "✘"}


def _cell_state(coverage: Coverage) -> str:
    return coverage.state


def _column_label(bouwsteen: str, lang: str) -> str:
    return (f"{bouwsteen} " if bouwsteen not in REGIONAL else "") + bouwsteen_label(bouwsteen, lang)


def _matrix_svg(overview: Overview, lang: str) -> str:
    columns = _columns(overview)
    width = _LABEL_W + _CELL * len(columns) + _RIGHT
    height = _HEAD_H + _CELL * len(overview.regions) + 10
    desc = " ".join(
        ft("overview.matrix_desc", lang, region=region_name(r, lang), missing=", ".join(
            bouwsteen_label(b, lang) for b in (*r.missing_a, *r.missing_b, *r.missing_c)
        ))
        if (r.missing_a or r.missing_b or r.missing_c)
        else ft("overview.matrix_desc_none", lang, region=region_name(r, lang))
        for r in overview.regions
    )
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="matrix-title matrix-desc" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-size="12" '
            'font-family="Segoe UI, Liberation Sans, DejaVu Sans, Arial, sans-serif">'
        ),
        f'<title id="matrix-title">{_e(ft("overview.matrix", lang))}</title>',
        f'<desc id="matrix-desc">{_e(desc)}</desc>',
    ]
    for index, bouwsteen in enumerate(columns):
        x = _LABEL_W + _CELL * index + _CELL / 2
        label = _column_label(bouwsteen, lang)
        parts.append(
            f'<text x="{x:.0f}" y="{_HEAD_H - 6}" transform="rotate(-55 {x:.0f} {_HEAD_H - 6})">{_e(_fit(label, 34))}</text>'
        )
    a, b = len(overview.bouwstenen_a), len(BOUWSTENEN_B)
    for group, start, count in (("A", 0, a), ("B", a, b), ("C", a + b, len(BOUWSTENEN_C))):
        if not count:
            continue
        x = _LABEL_W + _CELL * start
        parts.append(
            f'<line x1="{x}" y1="{_HEAD_H - 2}" x2="{x + _CELL * count - 4}" y2="{_HEAD_H - 2}" stroke="#1c2230" stroke-width="2"/>'
        )
        parts.append(f'<text x="{x}" y="14" font-weight="700">{group}</text>')
    for row, region in enumerate(overview.regions):
        y = _HEAD_H + _CELL * row
        parts.append(
            f'<text x="{_LABEL_W - 8}" y="{y + _CELL / 2 + 4:.0f}" text-anchor="end">{_e(_fit(region_name(region, lang), 24))}</text>'
        )
        for index, bouwsteen in enumerate(columns):
            coverage = region.of(bouwsteen)
            state = _cell_state(coverage)
            x = _LABEL_W + _CELL * index
            text = str(len(coverage.present)) if coverage.covered else _SVG_MARK[state]
            parts.append(
                f'<rect x="{x}" y="{y}" width="{_CELL - 4}" height="{_CELL - 4}" rx="3" fill="{_SVG_FILL[state]}"/>'
                f'<text x="{x + (_CELL - 4) / 2:.0f}" y="{y + (_CELL - 4) / 2 + 5:.0f}" text-anchor="middle" '
                f'font-weight="700">{text}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _matrix_table(overview: Overview, lang: str) -> str:
    columns = _columns(overview)
    heads = "".join(
        f'<th scope="col" class="c">{_e(_column_label(b, lang))}</th>' for b in columns
    )
    rows = []
    for region in overview.regions:
        cells = []
        for bouwsteen in columns:
            coverage = region.of(bouwsteen)
            state = _cell_state(coverage)
            word = ft(f"overview.legend.{state}", lang)
            count = f" ({len(coverage.present)})" if coverage.covered else (
                f" ({len(coverage.partly)})" if coverage.partly else ""
            )
            cells.append(f'<td class="c m-{state}">{_e(word)}{count}</td>')
        rows.append(f'<tr><th scope="row">{_e(region_name(region, lang))}</th>{"".join(cells)}</tr>')
    return (
        '<table class="matrix">'
        f"<caption>{_e(ft('overview.matrix_table', lang))}</caption>"
        f'<thead><tr><th scope="col">{_e(ft("overview.col.region", lang))}</th>{heads}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _region_html(region: RegionOverview, index: int, lang: str) -> str:
    parts = [
        f'<section class="region" id="regio-{index}">',
        f"<h2>{_e(_region_heading(region, lang))}</h2>",
        f'<p class="muted">{_e(_region_counts(region, lang))} · {_e(_region_dagdelen(region, lang))}</p>',
        f'<p class="missing"><strong>{_e(ft("overview.missing", lang))}:</strong> {_e(_missing_sentence(region, lang))}</p>',
        "<dl class=\"blocks\">",
    ]
    for bouwsteen in region.bouwstenen_a:
        coverage = region.of(bouwsteen)
        parts.append(
            f"<div><dt>{_e(bouwsteen)} {_e(bouwsteen_label(bouwsteen, lang))}</dt>"
            f"<dd>{_e(_a_status(coverage, region.initiatives, lang))}</dd></div>"
        )
    for bouwsteen in BOUWSTENEN_B + BOUWSTENEN_C:
        coverage = region.of(bouwsteen)
        value = (
            f'<span class="oc-voldoet">✔</span> {_e(ft("overview.offered_by", lang, names=_names(coverage.present, lang, limit=12)))}'
            if coverage.covered
            else f'<span class="oc-onbekend">? {_e(ft("overview.legend.unknown", lang))}</span>'
            if coverage.state == "unknown"
            else f'<span class="oc-voldoet_niet">✘ {_e(ft("overview.legend.missing", lang))}</span>'
        )
        parts.append(f"<div><dt>{_e(bouwsteen_label(bouwsteen, lang))}</dt><dd>{value}</dd></div>")
    parts.append("</dl>")
    for gemeente in region.gemeenten:
        name = clean(gemeente.naam) if gemeente.naam else ft("overview.no_gemeente", lang)
        parts.append(
            f'<h3>{_e(name)} <span class="muted">· {_e(_gemeente_dagdelen(gemeente, lang))}</span></h3>'
        )
        heads = "".join(
            f'<th scope="col" class="c" title="{_e(bouwsteen_label(b, lang))}">{_e(b)}</th>' for b in region.bouwstenen_a
        )
        parts.append(
            "<table><thead><tr>"
            f'<th scope="col">{_e(t("col.initiative", lang))}</th>'
            f'<th scope="col" class="num">{_e(ft("overview.col.dagdelen", lang))}</th>{heads}'
            f'<th scope="col">{_e(ft("overview.col.verdict", lang))}</th>'
            f'<th scope="col">{_e(ft("overview.col.regional", lang))}</th></tr></thead><tbody>'
        )
        for entry in gemeente.initiatives:
            dagdelen = "?" if entry.dagdelen_open is None else str(entry.dagdelen_open)
            cells = "".join(_outcome_cell(o, lang) for o in entry.a_outcomes(region.bouwstenen_a))
            regional = ", ".join(bouwsteen_label(s, lang) for s in entry.regional) or "–"
            parts.append(
                f'<tr><td><strong>{_e(entry.naam)}</strong><div class="file">{_e(entry.source)}</div></td>'
                f'<td class="num">{dagdelen}</td>{cells}'
                f'<td class="v-{entry.verdict.value}">{_e(verdict_short(entry.verdict, lang))}</td>'
                f"<td>{_e(regional)}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "\n".join(parts)


_OVERVIEW_CSS = """
.blocks { display: grid; grid-template-columns: max-content 1fr; gap: .6mm 6mm; margin: 2mm 0; }
.blocks div { display: contents; }
.blocks dt { color: var(--muted); }
.blocks dd { margin: 0; }
.missing { border-left: 5px solid var(--bad); background: var(--soft); padding: 2mm 3mm; }
.matrix { table-layout: fixed; width: 100%; }
.matrix th, .matrix td { font-size: 8.5pt; padding: 1mm; }
.matrix thead th { white-space: normal; overflow-wrap: anywhere; hyphens: auto; vertical-align: bottom; }
.m-covered { background: #cfe8d6; } .m-partly { background: #f3e2bd; } .m-unknown { background: #e4e4e4; } .m-missing { background: #f4cfd0; font-weight: 700; }
svg { max-width: 100%; height: auto; }
svg text { fill: #1c2230; }
.region { break-before: page; }
@media screen { .region { break-before: auto; } }
"""


def render_overview_html(overview: Overview, *, lang: str = "nl") -> str:
    _check_lang(lang)
    body = [
        "<header>",
        f"<h1>{_e(ft('overview.title', lang))}</h1>",
        f'<p class="subtitle">{_e(ft("overview.subtitle", lang))}</p>',
        f'<p class="subtitle">{_e(t("report.peildatum", lang))}: {_e(format_date(overview.peildatum, lang))}</p>',
        "</header><main>",
    ]
    if not overview.regions:
        body.append(f"<p>{_e(ft('overview.empty', lang))}</p>")
    else:
        missing = "".join(
            f"<li><strong>{_e(region_name(r, lang))}</strong>: {_e(_missing_sentence(r, lang))}</li>"
            for r in overview.regions
        )
        legend = " · ".join(
            f'<span class="m-{state}">&nbsp;{_e(ft(f"overview.legend.{state}", lang))}&nbsp;</span>'
            for state in ("covered", "partly", "unknown", "missing")
        )
        body += [
            f"<h2>{_e(ft('overview.missing_heading', lang))}</h2>",
            f"<ul>{missing}</ul>",
            f"<h2>{_e(ft('overview.matrix', lang))}</h2>",
            f"<p>{_e(ft('overview.matrix_intro', lang))}</p>",
            f"<figure>{_matrix_svg(overview, lang)}<figcaption>{legend}</figcaption></figure>",
            _matrix_table(overview, lang),
            f'<p class="muted">{_e(ft("overview.note", lang))}</p>',
        ]
        body += [_region_html(region, index, lang) for index, region in enumerate(overview.regions, start=1)]
    if overview.problems:
        items = "".join(f"<li>{_e(problem_text(p))}</li>" for p in overview.problems)
        body.append(f"<h2>{_e(t('section.problems', lang))}</h2><ul class=\"problem\">{items}</ul>")
    body.append(
        f"</main><footer><p>{_e(ft('made_with', lang))} · {_e(format_date(overview.peildatum, lang))}</p></footer>"
    )
    return _html_document(ft("overview.title", lang), lang, body, css=_OVERVIEW_CSS)


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
