"""One self-contained HTML document for people: readable on screen, printable on A4, no scripts.

Written for a coordinator or a funder who never saw the YAML: verdict first, then what goes well, what could be
better, what is not known yet, next steps, who can help, the funder's questions and reference figures. Every
text from a profile goes through :func:`_e` (cleaned, then ``html.escape`` with ``quote=True``).
"""

from __future__ import annotations

from html import escape

from iza_check.findings import (
    FactRef,
    Figure,
    Finding,
    Outcome,
    PlanRef,
    ProblemRef,
    ProfileReport,
    QuestionAnswer,
    Report,
    Severity,
)
from iza_check.i18n import HELP_CONTACTS, format_date, t
from iza_check.report._common import (
    OUTCOME_ORDER,
    OUTCOME_SYMBOL,
    backing_label,
    clean,
    evidence_text,
    extra_causes,
    file_location,
    format_number,
    format_value,
    group_label,
    grouped,
    humanize_path,
    location_text,
    outcome_counts,
    outcome_label,
    plan_status,
    safe_url,
    severity_label,
)

_SEVERITY_RANK = {Severity.verplicht: 0, Severity.aanbevolen: 1, Severity.informatief: 2}
_VERDICT_SYMBOL = {"past": "✔", "groeiroute": "➜", "niet_op_voorhand": "✘", "onvoldoende_gegevens": "?"}

_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm; }
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
ol.steps { padding-left: 6mm; }
ol.steps > li { margin-bottom: 2.5mm; break-inside: avoid; }
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
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .help a[href]::after { content: " — " attr(href); font-weight: 400; color: var(--muted); }
}
"""


def _e(text: object) -> str:
    """Clean and escape any text for HTML element content and attribute values."""
    return escape(clean(str(text)), quote=True)


def _e_multiline(text: str) -> str:
    return escape(clean(text, keep_newlines=True), quote=True)


def _outcome(outcome: Outcome, lang: str) -> str:
    return (
        f'<span class="oc oc-{outcome.value}"><span aria-hidden="true">{OUTCOME_SYMBOL[outcome]}</span> '
        f"{_e(outcome_label(outcome, lang))}</span>"
    )


def _severity(severity: Severity, lang: str) -> str:
    return f'<span class="sev sev-{severity.value}">{_e(severity_label(severity, lang))}</span>'


def _fact(ref: FactRef, lang: str, *, cause: bool = False) -> str:
    where = location_text(ref.line, ref.column, lang)
    loc = f' <span class="fact-loc">({_e(where)})</span>' if where else ""
    value = format_value(ref.value, lang)
    # A long quoted text reads better in regular weight; short values stand out.
    shown = f"<strong>{_e(value)}</strong>" if len(value) <= 80 else f'<span class="long">{_e_multiline(value)}</span>'
    if not cause:
        return f"<li>{_e(humanize_path(ref.path))}: {shown}{loc}</li>"
    mark = f' <span class="cause-mark">← {_e(t("finding.cause", lang))}</span>'
    return f'<li class="cause">{_e(humanize_path(ref.path))}: {shown}{loc}{mark}</li>'


def _backing(finding: Finding, lang: str) -> str:
    label = backing_label(finding, lang)
    if label is None:
        return ""
    kind = "onderbouwd" if finding.onderbouwd else "verklaard"
    return f' <span class="backing backing-{kind}">{_e(label)}</span>'


def _evidence(finding: Finding, lang: str) -> str:
    items = []
    for evidence in finding.evidence:
        where = location_text(evidence.line, None, lang)
        loc = f' <span class="fact-loc">({_e(where)})</span>' if where else ""
        url = safe_url(evidence.url)
        text = _e(evidence_text(evidence, lang, readable_path=True))
        if url is not None:  # the address itself stays in the text, so a printed report shows it
            text = text.replace(_e(url), f'<a href="{_e(url)}">{_e(url)}</a>', 1)
        items.append(f"<li>{text}{loc}</li>")
    return f'<p class="evidence">{_e(t("finding.evidence", lang))}:</p><ul class="facts">{"".join(items)}</ul>'


def _basis(finding: Finding, lang: str) -> str:
    parts: list[str] = []
    if finding.facts:
        parts.append(
            '<ul class="facts">'
            + "".join(_fact(ref, lang, cause=finding.is_cause(ref)) for ref in finding.facts)
            + "</ul>"
        )
    extra = extra_causes(finding)
    if extra:
        parts.append(
            f'<p class="cause-label">{_e(t("finding.causes", lang))}:</p><ul class="facts">'
            + "".join(_fact(ref, lang, cause=True) for ref in extra)
            + "</ul>"
        )
    if finding.evidence:
        parts.append(_evidence(finding, lang))
    if finding.at_best is not None:
        parts.append(f'<p class="missing">{_e(t("finding.at_best", lang))}.</p>')
    if finding.missing:
        missing = ", ".join(_e(humanize_path(path)) for path in finding.missing)
        parts.append(f'<p class="missing">{_e(t("finding.missing", lang))}: {missing}</p>')
    if finding.outcome is Outcome.nvt and finding.nvt_reason is not None:
        parts.append(f"<p>{_e(t('finding.nvt_reason', lang))}: {_e(finding.nvt_reason.get(lang))}</p>")
    return "".join(parts)


def _plan(plan: PlanRef, lang: str) -> str:
    words = [_e(word) for word in plan_status(plan, lang)]
    if plan.verlopen:  # plan_status puts the overdue marker last
        words[-1] = f'<span class="overdue">⚠ {words[-1]}</span>'
    status = "; ".join(words)
    where = location_text(plan.line, None, lang)
    loc = f' <span class="fact-loc">({_e(where)})</span>' if where else ""
    return f'<li class="plan">{_e_multiline(plan.stap)} — {status}{loc}</li>'


def _anchor(index: int, rule_id: str) -> str:
    return f"p{index}-{_e(rule_id)}"


def _criteria_table(
    findings: list[Finding], lang: str, index: int, *, with_anchor: bool, with_outcome: bool = True
) -> str:
    rows = []
    for f in findings:
        row_id = f' id="{_anchor(index, f.rule_id)}"' if with_anchor else ""
        outcome = f"<td>{_outcome(f.outcome, lang)}{_backing(f, lang)}</td>" if with_outcome else ""
        rows.append(
            f'<tr{row_id}><th scope="row" class="rule-id">{_e(f.rule_id)}</th>'
            f"<td>{_e(f.title.get(lang))}</td>{outcome}"
            f"<td>{_severity(f.severity, lang)}</td><td>{_basis(f, lang)}</td></tr>"
        )
    columns = [
        ("col.id", "w-id"),
        ("col.criterion", "w-title"),
        ("col.outcome", "w-outcome"),
        ("col.severity", "w-sev"),
        ("col.basis", "w-basis"),
    ]
    if not with_outcome:
        del columns[2]
    head = "".join(f'<th scope="col" class="{cls}">{_e(t(key, lang))}</th>' for key, cls in columns)
    return f'<table class="criteria"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _section(title: str, body: str, cls: str = "") -> str:
    class_attr = f' class="{cls}"' if cls else ""
    return f"<section{class_attr}><h3>{_e(title)}</h3>{body}</section>"


def _verdict(profile: ProfileReport, lang: str) -> str:
    verdict = profile.verdict
    kind = verdict.kind.value
    titles = {f.rule_id: f.title.get(lang) for f in profile.findings}
    rows = []
    for key, ids in (
        ("verdict.missing", verdict.missing_kenmerken),
        ("verdict.unknown", verdict.unknown_kenmerken),
        ("verdict.planned", verdict.planned_kenmerken),
    ):
        if ids:
            names = ", ".join(f"{_e(i)} ({_e(titles[i])})" if i in titles else _e(i) for i in ids)
            rows.append(f"<div><dt>{_e(t(key, lang))}</dt><dd>{names}</dd></div>")
    if verdict.overdue_plans:
        rows.append(
            f'<div><dt>{_e(t("verdict.overdue", lang))}</dt><dd class="overdue">⚠ {verdict.overdue_plans}</dd></div>'
        )
    details = f"<dl>{''.join(rows)}</dl>" if rows else ""
    counts = outcome_counts(profile.findings)
    count_items = "".join(f"<li>{counts[o]} × {_outcome(o, lang)}</li>" for o in OUTCOME_ORDER if counts[o])
    return (
        f'<section class="verdict verdict--{kind}"><h3>{_e(t("verdict.heading", lang))}</h3>'
        f'<p class="verdict-kind"><span aria-hidden="true">{_VERDICT_SYMBOL.get(kind, "")}</span> '
        f"{_e(t(f'verdict.{kind}', lang))}</p>"
        f"<p>{_e(verdict.summary.get(lang))}</p>{details}"
        f'<ul class="counts" aria-label="{_e(t("summary.heading", lang))}">{count_items}</ul></section>'
    )


def _good(findings: tuple[Finding, ...], lang: str) -> str:
    good = [f for f in findings if f.outcome is Outcome.voldoet]
    if not good:
        return f"<p>{_e(t('empty.good', lang))}</p>"
    items = "".join(
        f'<li><span class="oc oc-voldoet" aria-hidden="true">{OUTCOME_SYMBOL[f.outcome]}</span> '
        f'<span class="rule-id">{_e(f.rule_id)}</span> {_e(f.title.get(lang))}{_backing(f, lang)}</li>'
        for f in good
    )
    return f'<ul class="plain good">{items}</ul>'


def _next_steps(findings: tuple[Finding, ...], lang: str) -> str:
    todo = [(f, f.advice) for f in findings if f.advice is not None and f.outcome not in (Outcome.voldoet, Outcome.nvt)]
    # Gaps before unknowns; within each, required before recommended before informative.
    todo.sort(key=lambda pair: (pair[0].outcome is Outcome.onbekend, _SEVERITY_RANK[pair[0].severity]))
    if not todo:
        return f"<p>{_e(t('empty.next', lang))}</p>"
    items = []
    for f, advice in todo:
        link = safe_url(f.link)
        more = f' <a href="{_e(link)}">{_e(t("finding.more", lang))}</a>' if link else ""
        plans = (
            f'<p class="plan-label">{_e(t("finding.plans", lang))}:</p>'
            f'<ul class="plain">{"".join(_plan(p, lang) for p in f.plans)}</ul>'
            if f.plans
            else ""
        )
        items.append(
            f'<li><strong><span class="rule-id">{_e(f.rule_id)}</span> {_e(f.title.get(lang))}</strong> '
            f"({_outcome(f.outcome, lang)}, {_severity(f.severity, lang)})<br>"
            f"{_e(advice.get(lang))}{more}{plans}</li>"
        )
    return f'<ol class="steps">{"".join(items)}</ol>'


def _help(lang: str) -> str:
    items = "".join(
        f'<div><dt><a href="{_e(url)}">{_e(t(f"{key}.name", lang))}</a></dt><dd>{_e(t(f"{key}.text", lang))}</dd></div>'
        for key, url in HELP_CONTACTS
    )
    return f'<dl class="help">{items}</dl>'


def _question(question: QuestionAnswer, lang: str, index: int, known: set[str]) -> str:
    body = []
    if question.answer is not None:
        body.append(f"<p>{_e(question.answer.get(lang))}</p>")
    if question.facts:
        body.append('<ul class="facts">' + "".join(_fact(ref, lang) for ref in question.facts) + "</ul>")
    for words in question.toelichting:
        body.append(f'<blockquote class="quote">{_e_multiline(words)}</blockquote>')
    if not question.answerable:
        body.append(f'<p class="missing">{_e(t("questions.nothing", lang))}</p>')
    if question.related_rules:
        links = ", ".join(
            f'<a href="#{_anchor(index, rule)}">{_e(rule)}</a>' if rule in known else _e(rule)
            for rule in question.related_rules
        )
        body.append(f'<p class="related">{_e(t("questions.related", lang))}: {links}</p>')
    number = t("questions.number", lang, number=question.number)
    return f'<div class="question"><h4>{_e(number)}. {_e(question.question.get(lang))}</h4>{"".join(body)}</div>'


def _figure_value(value: float | None, unit: str, lang: str) -> str:
    if value is None:
        return _e(t("value.unknown", lang))
    number = format_number(value, lang)
    if unit == "€":
        return _e(f"€ {number}")
    return _e(f"{number} {unit}".strip())


def _figures(figures: tuple[Figure, ...], lang: str) -> str:
    head = "".join(
        f'<th scope="col"{cls}>{_e(t(key, lang))}</th>'
        for key, cls in (
            ("col.figure", ""),
            ("col.value", ' class="num"'),
            ("col.reference", ' class="num"'),
            ("finding.source", ""),
        )
    )
    rows = "".join(
        f'<tr><th scope="row">{_e(fig.label.get(lang))}</th>'
        f'<td class="num">{_figure_value(fig.value, fig.unit, lang)}</td>'
        f'<td class="num">{_figure_value(fig.reference, fig.unit, lang)}</td>'
        f"<td>{_e(fig.reference_source)}</td></tr>"
        for fig in figures
    )
    return (
        f'<p class="note">{_e(t("figures.note", lang))}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def _profile(profile: ProfileReport, lang: str, index: int) -> str:
    heading_id = f"profiel-{index}"
    where = [
        f"{_e(t(key, lang))}: {_e(value)}"
        for key, value in (("profile.gemeente", profile.gemeente), ("profile.regio", profile.regio))
        if value
    ]
    where.append(f"{_e(t('profile.file', lang))}: {_e(profile.source)}")
    findings = profile.findings
    gaps = [f for f in findings if f.is_gap]
    gaps.sort(key=lambda f: _SEVERITY_RANK[f.severity])
    unknown = [f for f in findings if f.outcome is Outcome.onbekend]
    parts = [
        f'<article class="profile" aria-labelledby="{heading_id}">',
        f'<h2 id="{heading_id}">{_e(profile.naam)}</h2>',
        f'<p class="where">{" · ".join(where)}</p>',
        _verdict(profile, lang),
        _section(t("section.good", lang), _good(findings, lang)),
        _section(
            t("section.better", lang),
            _criteria_table(gaps, lang, index, with_anchor=False) if gaps else f"<p>{_e(t('empty.better', lang))}</p>",
        ),
        _section(
            t("section.unknown", lang),
            f"<p>{_e(t('unknown.intro', lang))}</p>"
            f"{_criteria_table(unknown, lang, index, with_anchor=False, with_outcome=False)}"
            if unknown
            else f"<p>{_e(t('empty.unknown', lang))}</p>",
        ),
        _section(t("section.next", lang), _next_steps(findings, lang)),
        _section(t("section.help", lang), _help(lang)),
    ]
    if profile.questions:
        known = {f.rule_id for f in findings}
        questions = "".join(_question(q, lang, index, known) for q in profile.questions)
        parts.append(_section(t("section.questions", lang), f"<p>{_e(t('questions.intro', lang))}</p>{questions}"))
    if profile.figures:
        parts.append(_section(t("section.figures", lang), _figures(profile.figures, lang)))
    groups = "".join(
        f"<h4>{_e(group_label(group, lang))}</h4>{_criteria_table(items, lang, index, with_anchor=True)}"
        for group, items in grouped(findings)
    )
    parts.append(_section(t("section.all", lang), f'<p class="note">{_e(t("backing.note", lang))}</p>{groups}'))
    parts.append("</article>")
    return "".join(parts)


def _overview(report: Report, lang: str) -> str:
    head = "".join(
        f'<th scope="col"{cls}>{_e(t(key, lang))}</th>'
        for key, cls in (
            ("col.initiative", ""),
            ("profile.gemeente", ""),
            ("verdict.heading", ""),
            ("col.gaps", ' class="num"'),
            ("col.unknown", ' class="num"'),
        )
    )
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


def _problems(problems: tuple[ProblemRef, ...], lang: str, after_profiles: bool) -> str:
    head = "".join(
        f'<th scope="col">{_e(t(key, lang))}</th>' for key in ("profile.file", "col.location", "col.message")
    )
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


def render(report: Report, *, lang: str = "nl", colour: bool = False) -> str:
    del colour  # an HTML report always shows colour together with words and symbols
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
    body += [_profile(profile, lang, index) for index, profile in enumerate(report.profiles, start=1)]
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
