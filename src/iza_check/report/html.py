"""One self-contained HTML document for people: readable on screen, printable on A4, no scripts.

Written for a coordinator or a funder who never saw the YAML: verdict first, then what goes well, what could be
better, what is not known yet, next steps, who can help, the funder's questions and reference figures. Every
text from a profile goes through :func:`_e` (:func:`iza_check.report.html_common.html_text`: cleaned, then
``html.escape`` with ``quote=True``).

This module holds the page (its head, CSS and header), the overview of several profiles and each profile's body;
the appendix (facts per criterion, the funder's questions, the figures) is :mod:`iza_check.report.html_appendix`,
and the small pieces both use are :mod:`iza_check.report.html_common`.
"""

from __future__ import annotations

from iza_check.assess.findings import (
    Finding,
    Outcome,
    PlanRef,
    ProfileReport,
    Report,
)
from iza_check.i18n import HELP_CONTACTS, format_date, t
from iza_check.problems import Problem
from iza_check.report._common import (
    OUTCOME_ORDER,
    bound_note,
    file_location,
    outcome_counts,
    plan_status,
    safe_url,
)
from iza_check.report.coordinator import Point, layout
from iza_check.report.html_appendix import appendix_html as _appendix
from iza_check.report.html_common import backing_html as _backing
from iza_check.report.html_common import html_multiline as _e_multiline
from iza_check.report.html_common import html_text as _e
from iza_check.report.html_common import outcome_html as _outcome
from iza_check.report.html_common import section_html as _section
from iza_check.report.html_common import severity_html as _severity
from iza_check.report.html_common import table_head as _head
from iza_check.report.stream import View

# Respectful marks: an initiative that does not fit yet is not "wrong" (no red cross in the headline).
_VERDICT_SYMBOL = {"past": "✔", "groeiroute": "➜", "niet_op_voorhand": "○", "onvoldoende_gegevens": "?"}

_CSS = """
@page { size: A4; margin: 12mm 13mm 13mm; }
:root {
  --ink: #1c2230; --muted: #556070; --line: #d3d8e0; --soft: #f3f5f8;
  --good: #1d6b3a; --part: #7a5200; --bad: #a3262b; --unknown: #24548f; --na: #556070;
}
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt;
  line-height: 1.45; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 190mm; padding: 10mm 6mm 14mm; }
h1 { font-size: 21pt; line-height: 1.2; margin: 0 0 1mm; }
h2 { font-size: 16pt; line-height: 1.25; margin: 9mm 0 1mm; padding-bottom: 1.5mm;
  border-bottom: 2px solid var(--ink); }
h3 { font-size: 12.5pt; margin: 7mm 0 2mm; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
a { color: #1a4d8c; }
.doc-header { border-bottom: 1px solid var(--line); padding-bottom: 4mm; margin-bottom: 2mm; }
.subtitle { color: var(--muted); margin: 0 0 3mm; }
.meta { display: flex; flex-wrap: wrap; gap: 1mm 8mm; margin: 0; }
.meta div { display: flex; gap: 2mm; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; font-weight: 600; }
.spirit { font-size: 9.5pt; color: var(--muted); margin-top: 3mm; }
.where { color: var(--muted); margin-bottom: 3mm; }
.verdict { border: 1.5px solid var(--line); border-left: 6px solid var(--muted); border-radius: 2mm;
  padding: 3mm 4mm; margin: 3mm 0 2mm; background: var(--soft); break-inside: avoid;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.verdict h3 { margin: 0 0 1mm; font-size: 9pt; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.verdict-kind { font-size: 14pt; font-weight: 700; margin: 0 0 1.5mm; }
.verdict--past { border-left-color: var(--good); }
.verdict--groeiroute { border-left-color: var(--part); }
.verdict--niet_op_voorhand { border-left-color: var(--bad); }
.verdict--onvoldoende_gegevens { border-left-color: var(--unknown); }
.verdict dl { margin: 2mm 0 0; }
.verdict dl div { display: flex; gap: 4mm; margin-bottom: .8mm; }
.verdict dt { color: var(--muted); flex: 0 0 52mm; }
.verdict dd { margin: 0; flex: 1 1 auto; min-width: 0; }
.counts { display: flex; flex-wrap: wrap; gap: 1mm 5mm; list-style: none; padding: 0; margin: 2mm 0 0; }
.oc { font-weight: 600; white-space: nowrap; }
.oc-voldoet { color: var(--good); }
.oc-deels { color: var(--part); }
.oc-voldoet_niet { color: var(--bad); }
.oc-onbekend { color: var(--unknown); }
.oc-nvt { color: var(--na); }
.sev { font-size: 9pt; color: var(--muted); white-space: nowrap; }
.sev-verplicht { color: var(--ink); font-weight: 600; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin: 1mm 0 2mm; }
caption { text-align: left; font-size: 9pt; color: var(--muted); padding-bottom: 1mm; }
th, td { text-align: left; vertical-align: top; padding: 1.4mm 2mm; border-bottom: 1px solid var(--line);
  overflow-wrap: break-word; }
table.criteria { table-layout: fixed; }
.w-id { width: 7%; } .w-title { width: 24%; } .w-outcome { width: 17%; } .w-sev { width: 12%; }
.criteria .oc { white-space: normal; }
thead th { border-bottom: 1.5px solid var(--ink); font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; }
.rule-id { font-weight: 700; white-space: nowrap; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.good { columns: 2; column-gap: 8mm; }
ul.good li { break-inside: avoid; }
ul.facts { margin: 0; padding-left: 4mm; }
.long { white-space: pre-line; }
.fact-loc { color: var(--muted); font-size: 8.5pt; white-space: nowrap; }
.missing { color: var(--unknown); }
li.cause { font-weight: 600; }
.cause-mark { color: var(--bad); white-space: nowrap; }
.cause-label, .evidence { margin: 1mm 0 0; font-size: 9pt; color: var(--muted); }
.backing { font-size: 8.5pt; white-space: nowrap; border-radius: 1mm; padding: 0 1mm; }
.backing-onderbouwd { color: var(--good); border: 1px solid var(--good); }
.backing-verklaard { color: var(--muted); border: 1px dashed var(--line); }
ul.steps { list-style: none; padding: 0; margin: 0; }
ul.steps > li { margin-bottom: 2.5mm; padding-left: 3mm; border-left: 2px solid var(--line); }
.point-head { font-weight: 600; margin-bottom: .5mm; break-after: avoid; }
.point-head .sev, .point-head .oc { font-weight: 400; }
.why, .advice { margin: 0 0 1mm; }
.source { font-size: 8.5pt; color: var(--muted); margin: 1mm 0 0; }
details.appendix { margin-top: 8mm; border-top: 1px solid var(--line); padding-top: 2mm; }
details.appendix > summary { font-size: 13pt; font-weight: 700; cursor: pointer; }
.plan-label { margin: 1mm 0 0; font-weight: 600; font-size: 9.5pt; }
.plan { margin: .5mm 0 0 3mm; }
.overdue { color: var(--bad); font-weight: 700; }
.quote { white-space: pre-line; overflow-wrap: anywhere; border-left: 3px solid var(--line);
  margin: 1mm 0 2mm; padding: .5mm 0 .5mm 3mm; font-style: italic; }
.help dt { font-weight: 700; margin-top: 2mm; }
.help dd { margin: 0 0 1mm; }
.note { font-size: 9.5pt; color: var(--muted); border: 1px dashed var(--line); padding: 2mm 3mm; }
.question { break-inside: avoid; }
.related { font-size: 9pt; color: var(--muted); }
.profile + .profile, .problems.after-profiles { break-before: page; }
footer { margin-top: 10mm; border-top: 1px solid var(--line); padding-top: 2mm; font-size: 8.5pt; color: var(--muted); }
@media (max-width: 640px) {
  html { font-size: 11pt; }
  body { padding: 4mm 3mm 8mm; }
  h1 { font-size: 17pt; }
  h2 { font-size: 14pt; }
  ul.good { columns: 1; }
  .meta { display: block; }
  table.criteria, table.criteria tbody, table.criteria tr, table.criteria th, table.criteria td { display: block; width: auto; }
  table.criteria thead { display: none; }
  table.criteria tr { border-bottom: 1px solid var(--line); padding: 1mm 0; }
  table.criteria th, table.criteria td { border: 0; padding: .5mm 0; }
  table { display: block; overflow-x: auto; }
}
@media print {
  html { font-size: 9.5pt; line-height: 1.35; }
  h2 { margin-top: 4mm; }
  h3 { margin: 4mm 0 1.5mm; }
  ul.steps > li { margin-bottom: 1.5mm; }
  .doc-header { padding-bottom: 2mm; }
  body { max-width: none; padding: 0; }
  details.appendix:not([open]) { display: none; }
  details.appendix[open] { break-before: page; }
  a { color: inherit; text-decoration: none; }
  .help a[href]::after { content: " — " attr(href); font-weight: 400; color: var(--muted); }
}
"""


def _plan(plan: PlanRef, lang: str) -> str:
    words = [_e(word) for word in plan_status(plan, lang)]
    if plan.verlopen:  # plan_status puts the overdue marker last
        words[-1] = f'<span class="overdue">⚠ {words[-1]}</span>'
    status = "; ".join(words)
    return f'<li class="plan"><strong>{_e(t("point.plan", lang))}:</strong> {_e_multiline(plan.stap)} — {status}</li>'


def _verdict(profile: ProfileReport, lang: str) -> str:
    verdict = profile.verdict
    kind = verdict.kind.value
    overdue = (
        f'<p class="overdue">⚠ {_e(t("verdict.overdue", lang))}: {verdict.overdue_plans}</p>'
        if verdict.overdue_plans
        else ""
    )
    counts = outcome_counts(profile.findings)
    count_items = "".join(f"<li>{counts[o]} × {_outcome(o, lang)}</li>" for o in OUTCOME_ORDER if counts[o])
    return (
        f'<section class="verdict verdict--{kind}"><h3>{_e(t("verdict.heading", lang))}</h3>'
        f'<p class="verdict-kind"><span aria-hidden="true">{_VERDICT_SYMBOL.get(kind, "")}</span> '
        f"{_e(t(f'verdict.{kind}', lang))}</p>"
        f"<p>{_e(verdict.summary.get(lang))}</p>{overdue}"
        f'<ul class="counts" aria-label="{_e(t("summary.heading", lang))}">{count_items}</ul></section>'
    )


def _point(point: Point, lang: str) -> str:
    f = point.finding
    body = []
    if point.why:
        body.append(f'<p class="why">{_e(t("point.why", lang))}: {_e("; ".join(point.why))}</p>')
    bound = bound_note(f, lang)
    if bound is not None:
        body.append(f'<p class="missing">{_e(bound)}</p>')
    if point.missing:
        fill = _e(t("open.fill_in", lang).capitalize())
        body.append(f'<p class="missing">{fill}: {_e(", ".join(point.missing))}</p>')
    if point.advice is not None:
        link = safe_url(f.link)
        more = f' <a href="{_e(link)}">{_e(t("finding.more", lang))}</a>' if link else ""
        body.append(f'<p class="advice"><strong>{_e(t("finding.advice", lang))}:</strong> {_e(point.advice)}{more}</p>')
    elif point.same_advice_as is not None:
        body.append(f'<p class="advice">{_e(t("point.same_advice", lang, rule=point.same_advice_as))}</p>')
    if point.plans:
        body.append(f'<ul class="plain">{"".join(_plan(p, lang) for p in point.plans)}</ul>')
    if point.same_plans_as:
        body.append(f'<p class="plan">{_e(t("point.same_plan", lang, rules=", ".join(point.same_plans_as)))}</p>')
    return (
        f'<li><p class="point-head"><span class="rule-id">{_e(f.rule_id)}</span> {_e(f.title.get(lang))} — '
        f"{_outcome(f.outcome, lang)} {_severity(f.severity, lang)}{_backing(f, lang)}</p>{''.join(body)}</li>"
    )


def _points(points: tuple[Point, ...], lang: str) -> str:
    return f'<ul class="steps">{"".join(_point(p, lang) for p in points)}</ul>'


def _short(findings: list[Finding], lang: str, *, with_outcome: bool) -> str:
    items = "".join(
        f'<li><span class="rule-id">{_e(f.rule_id)}</span> {_e(f.title.get(lang))}'
        + (f" — {_outcome(f.outcome, lang)}" if with_outcome else _backing(f, lang))
        + "</li>"
        for f in findings
    )
    return f'<ul class="plain good">{items}</ul>'


def _open(points: tuple[Point, ...], lang: str) -> str:
    fill = _e(t("open.fill_in", lang))
    items = "".join(
        f'<li><span class="rule-id">{_e(p.finding.rule_id)}</span> {_e(p.finding.title.get(lang))}'
        + (f' — <span class="missing">{fill}: {_e(", ".join(p.missing))}</span>' if p.missing else "")
        + "</li>"
        for p in points
    )
    return f'<p>{_e(t("open.intro", lang))}</p><ul class="plain">{items}</ul>'


def _help(lang: str) -> str:
    items = "".join(
        f'<div><dt><a href="{_e(url)}">{_e(t(f"{key}.name", lang))}</a></dt><dd>{_e(t(f"{key}.text", lang))}</dd></div>'
        for key, url in HELP_CONTACTS
    )
    return f'<dl class="help">{items}</dl>'


def _profile(profile: ProfileReport, lang: str, index: int, appendix: bool) -> str:
    heading_id = f"profiel-{index}"
    where = [
        f"{_e(t(key, lang))}: {_e(value)}"
        for key, value in (("profile.gemeente", profile.gemeente), ("profile.regio", profile.regio))
        if value
    ]
    where.append(f"{_e(t('profile.file', lang))}: {_e(profile.source)}")
    parts_of = layout(profile, lang)
    first = _points(parts_of.first, lang) if parts_of.first else f"<p>{_e(t('first.past', lang))}</p>"
    parts = [
        f'<article class="profile" aria-labelledby="{heading_id}">',
        f'<h2 id="{heading_id}">{_e(profile.naam)}</h2>',
        f'<p class="where">{" · ".join(where)}</p>',
        _verdict(profile, lang),
        _section(t("section.first", lang), first),
    ]
    if parts_of.then:
        parts.append(_section(t("section.then", lang), _points(parts_of.then, lang)))
    if parts_of.open:
        parts.append(_section(t("section.open", lang), _open(parts_of.open, lang)))
    if parts_of.info:
        parts.append(_section(t("section.info", lang), _short([p.finding for p in parts_of.info], lang, with_outcome=True)))
    if parts_of.good:
        parts.append(_section(t("section.good", lang), _short(list(parts_of.good), lang, with_outcome=False)))
    parts.append(_section(t("section.help", lang), _help(lang)))
    parts.append(_appendix(profile, lang, index, appendix))
    parts.append("</article>")
    return "".join(parts)


def _overview(report: Report, lang: str) -> str:
    columns = (("col.initiative", ""), ("profile.gemeente", ""), ("verdict.heading", ""), ("col.gaps", "num"),
               ("col.unknown", "num"))
    head = _head(columns, lang)
    rows = []
    for index, profile in enumerate(report.profiles, start=1):
        counts = outcome_counts(profile.findings)
        rows.append(
            f'<tr><th scope="row"><a href="#profiel-{index}">{_e(profile.naam)}</a></th>'
            f"<td>{_e(profile.gemeente or '')}</td><td>{_e(t(f'verdict.{profile.verdict.kind.value}', lang))}</td>"
            f'<td class="num">{counts[Outcome.deels] + counts[Outcome.voldoet_niet]}</td>'
            f'<td class="num">{counts[Outcome.onbekend]}</td></tr>'
        )
    return (
        f'<section class="overview"><h2>{_e(t("report.overview", lang))}</h2>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _problems(problems: tuple[Problem, ...], lang: str, after_profiles: bool) -> str:
    head = _head((("profile.file", ""), ("col.location", ""), ("col.message", "")), lang)
    rows = "".join(
        f'<tr><th scope="row">{_e(p.file)}</th>'
        f"<td>{_e(file_location(p.file, p.line, p.column) if p.line is not None else '')}</td>"
        f"<td>{_e(p.message)}{f' ({_e(p.field_path)})' if p.field_path else ''}</td></tr>"
        for p in problems
    )
    cls = "problems after-profiles" if after_profiles else "problems"
    return (
        f'<section class="{cls}"><h2>{_e(t("section.problems", lang))}</h2>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>"
    )


def render(report: Report, *, lang: str = "nl", colour: bool = False, view: View | None = None) -> str:
    del colour  # an HTML report always shows colour together with words and symbols
    appendix = view is not None and view.appendix
    title = t("report.title", lang)
    if len(report.profiles) == 1:
        title = f"{title} — {report.profiles[0].naam}"
    meta = "".join(
        f"<div><dt>{_e(label)}</dt><dd>{_e(value)}</dd></div>"
        for label, value in (
            (t("report.peildatum", lang), format_date(report.peildatum, lang)),
            (t("report.profiles", lang), str(len(report.profiles))),
            (t("report.tool", lang), f"iza-check {report.tool_version} (engine: {report.engine})"),
        )
    )
    body = [
        '<header class="doc-header">',
        f"<h1>{_e(t('report.title', lang))}</h1>",
        f'<p class="subtitle">{_e(t("report.subtitle", lang))}</p>',
        f'<dl class="meta">{meta}</dl>',
        f'<p class="spirit">{_e(t("report.spirit", lang))}</p>',
        "</header><main>",
    ]
    if not report.profiles:
        body.append(f"<p>{_e(t('report.no_profiles', lang))}</p>")
    if len(report.profiles) > 1:
        body.append(_overview(report, lang))
    body += [_profile(profile, lang, index, appendix) for index, profile in enumerate(report.profiles, start=1)]
    if report.problems:
        body.append(_problems(report.problems, lang, after_profiles=bool(report.profiles)))
    body.append(
        f"</main><footer><p>{_e(t('report.title', lang))} · {_e(format_date(report.peildatum, lang))}"
        f" · iza-check {_e(report.tool_version)}</p></footer>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
