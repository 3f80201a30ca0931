"""The regional overview as one self-contained html page (no script, no network): what is missing per region, a
coverage matrix as an inline SVG chart with the same figures as a table, then each region with its initiatives."""

from __future__ import annotations

from iza_check.funders.overview import (
    BOUWSTENEN_B,
    BOUWSTENEN_C,
    REGIONAL,
    Coverage,
    Overview,
    RegionOverview,
)
from iza_check.i18n import format_date, t
from iza_check.report._common import clean, problem_text
from iza_check.report.funder_common import bouwsteen_label, ft, verdict_short
from iza_check.report.funder_common import check_lang as _check_lang
from iza_check.report.funder_common import fit as _fit
from iza_check.report.funder_common import html_document as _html_document
from iza_check.report.funder_common import html_text as _e
from iza_check.report.funder_common import outcome_cell as _outcome_cell
from iza_check.report.overview_common import a_status as _a_status
from iza_check.report.overview_common import gemeente_dagdelen as _gemeente_dagdelen
from iza_check.report.overview_common import initiative_names as _names
from iza_check.report.overview_common import missing_groups as _missing_groups
from iza_check.report.overview_common import region_counts as _region_counts
from iza_check.report.overview_common import region_dagdelen as _region_dagdelen
from iza_check.report.overview_common import region_heading as _region_heading
from iza_check.report.overview_common import region_name


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
