"""The appendix of the HTML report (``--appendix`` opens it): per group of criteria a table with each
criterion's outcome and the facts it rests on (their place in the profile, what kept it from voldoet, evidence,
what is missing, the source), then the funder's questions answered from the profile and the reference figures."""

from __future__ import annotations

from collections.abc import Mapping

from iza_check.assess.findings import FactRef, Figure, Finding, Outcome, ProfileReport, QuestionAnswer
from iza_check.i18n import source_title, t
from iza_check.report._common import (
    bound_note,
    evidence_text,
    extra_causes,
    group_label,
    grouped,
    location_text,
    safe_url,
)
from iza_check.report.coordinator import fact_label, figure_value, missing_facts, names_of, readable_value
from iza_check.report.html_common import backing_html as _backing
from iza_check.report.html_common import html_multiline as _e_multiline
from iza_check.report.html_common import html_text as _e
from iza_check.report.html_common import outcome_html as _outcome
from iza_check.report.html_common import section_html as _section
from iza_check.report.html_common import severity_html as _severity
from iza_check.report.html_common import table_head as _head


def _fact(ref: FactRef, lang: str, names: Mapping[str, str], *, cause: bool = False) -> str:
    where = location_text(ref.line, ref.column, lang)
    loc = f' <span class="fact-loc">({_e(where)})</span>' if where else ""
    value = readable_value(ref.path, ref.value, lang)
    name = fact_label(ref, lang, names)
    label = "" if name is None else f"{_e(name)}: "
    # A long quoted text reads better in regular weight; short values stand out.
    shown = f"<strong>{_e(value)}</strong>" if len(value) <= 80 else f'<span class="long">{_e_multiline(value)}</span>'
    if not cause:
        return f"<li>{label}{shown}{loc}</li>"
    mark = f' <span class="cause-mark">← {_e(t("finding.cause", lang))}</span>'
    return f'<li class="cause">{label}{shown}{loc}{mark}</li>'


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


def _basis(finding: Finding, lang: str, names: Mapping[str, str]) -> str:
    parts: list[str] = []
    if finding.facts:
        parts.append(
            '<ul class="facts">'
            + "".join(_fact(ref, lang, names, cause=finding.is_cause(ref)) for ref in finding.facts)
            + "</ul>"
        )
    extra = extra_causes(finding)
    if extra:
        parts.append(
            f'<p class="cause-label">{_e(t("finding.causes", lang))}:</p><ul class="facts">'
            + "".join(_fact(ref, lang, names, cause=True) for ref in extra)
            + "</ul>"
        )
    if finding.evidence:
        parts.append(_evidence(finding, lang))
    bound = bound_note(finding, lang)
    if bound is not None:
        parts.append(f'<p class="missing">{_e(bound)}</p>')
    if finding.missing:
        missing = ", ".join(_e(text) for text in missing_facts(finding, lang, names))
        parts.append(f'<p class="missing">{_e(t("finding.missing", lang))}: {missing}</p>')
    if finding.outcome is Outcome.nvt and finding.nvt_reason is not None:
        parts.append(f"<p>{_e(t('finding.nvt_reason', lang))}: {_e(finding.nvt_reason.get(lang))}</p>")
    if finding.source:
        parts.append(f'<p class="source">{_e(t("finding.source", lang))}: {_e(source_title(finding.source, lang))}</p>')
    return "".join(parts)


def _anchor(index: int, rule_id: str) -> str:
    return f"p{index}-{_e(rule_id)}"


def _criteria_table(findings: list[Finding], lang: str, index: int, names: Mapping[str, str]) -> str:
    rows = []
    for f in findings:
        rows.append(
            f'<tr id="{_anchor(index, f.rule_id)}"><th scope="row" class="rule-id">{_e(f.rule_id)}</th>'
            f"<td>{_e(f.title.get(lang))}</td><td>{_outcome(f.outcome, lang)}{_backing(f, lang)}</td>"
            f"<td>{_severity(f.severity, lang)}</td><td>{_basis(f, lang, names)}</td></tr>"
        )
    columns = [
        ("col.id", "w-id"),
        ("col.criterion", "w-title"),
        ("col.outcome", "w-outcome"),
        ("col.severity", "w-sev"),
        ("col.basis", "w-basis"),
    ]
    return f'<table class="criteria"><thead><tr>{_head(columns, lang)}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _question(question: QuestionAnswer, lang: str, index: int, known: set[str], names: Mapping[str, str]) -> str:
    body = []
    if question.answer is not None:
        body.append(f"<p>{_e(question.answer.get(lang))}</p>")
    if question.facts:
        body.append('<ul class="facts">' + "".join(_fact(ref, lang, names) for ref in question.facts) + "</ul>")
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


def _figures(figures: tuple[Figure, ...], lang: str) -> str:
    head = _head((("col.figure", ""), ("col.value", "num"), ("col.reference", "num"), ("finding.source", "")), lang)
    rows = "".join(
        f'<tr><th scope="row">{_e(fig.label.get(lang))}</th>'
        f'<td class="num">{_e(figure_value(fig.value, fig.unit, lang))}</td>'
        f'<td class="num">{_e(figure_value(fig.reference, fig.unit, lang))}</td>'
        f"<td>{_e(source_title(fig.reference_source, lang))}</td></tr>"
        for fig in figures
    )
    return (
        f'<p class="note">{_e(t("figures.note", lang))}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def appendix_html(profile: ProfileReport, lang: str, index: int, open_: bool) -> str:
    """The appendix of profile number ``index`` (its anchors), a ``<details>`` that is open when ``open_``."""
    names = names_of(profile)
    findings = profile.findings
    parts = [f'<p class="note">{_e(t("backing.note", lang))}</p>']
    parts += [
        f"<h4>{_e(group_label(group, lang))}</h4>{_criteria_table(items, lang, index, names)}"
        for group, items in grouped(findings)
    ]
    if profile.questions:
        known = {f.rule_id for f in findings}
        questions = "".join(_question(q, lang, index, known, names) for q in profile.questions)
        parts.append(_section(t("section.questions", lang), f"<p>{_e(t('questions.intro', lang))}</p>{questions}"))
    if profile.figures:
        parts.append(_section(t("section.figures", lang), _figures(profile.figures, lang)))
    return (
        f'<details class="appendix"{" open" if open_ else ""}><summary>{_e(t("section.appendix", lang))}</summary>'
        f"{''.join(parts)}</details>"
    )
