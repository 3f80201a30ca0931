"""The pieces of the HTML report that its body (:mod:`iza_check.report.html`) and its appendix
(:mod:`iza_check.report.html_appendix`) share: escaping any text (every text from a profile goes through
:func:`html_text`: cleaned, then ``html.escape`` with ``quote=True``), an outcome and a severity as marked-up words,
how a finding is backed, a section with its heading and a table's column headings.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from iza_check.assess.findings import Finding, Outcome, Severity
from iza_check.i18n import t
from iza_check.report._common import OUTCOME_SYMBOL, backing_label, clean, outcome_label, severity_label


def html_text(text: object) -> str:
    """Clean and escape any text for HTML element content and attribute values."""
    return escape(clean(str(text)), quote=True)


def html_multiline(text: str) -> str:
    return escape(clean(text, keep_newlines=True), quote=True)


def outcome_html(outcome: Outcome, lang: str) -> str:
    return (
        f'<span class="oc oc-{outcome.value}"><span aria-hidden="true">{OUTCOME_SYMBOL[outcome]}</span> '
        f"{html_text(outcome_label(outcome, lang))}</span>"
    )


def severity_html(severity: Severity, lang: str) -> str:
    return f'<span class="sev sev-{severity.value}">{html_text(severity_label(severity, lang))}</span>'


def backing_html(finding: Finding, lang: str) -> str:
    label = backing_label(finding, lang)
    if label is None:
        return ""
    kind = "onderbouwd" if finding.onderbouwd else "verklaard"
    return f' <span class="backing backing-{kind}">{html_text(label)}</span>'


def section_html(title: str, body: str, cls: str = "") -> str:
    class_attr = f' class="{cls}"' if cls else ""
    return f"<section{class_attr}><h3>{html_text(title)}</h3>{body}</section>"


def table_head(columns: Iterable[tuple[str, str]], lang: str) -> str:
    """A table's column headings from (text key, CSS class or "")."""
    return "".join(
        f'<th scope="col"{_class(cls)}>{html_text(t(key, lang))}</th>' for key, cls in columns
    )


def _class(cls: str) -> str:
    return f' class="{cls}"' if cls else ""
