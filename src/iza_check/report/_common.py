"""Helpers every reporter shares: cleaning quoted text, formatting values, grouping findings.

Everything a profile author wrote passes through :func:`clean` before any format-specific escaping, so a
control character or a bidi override never reaches a terminal, an XML parser or a browser.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from enum import Enum
from urllib.parse import quote, urlsplit

from iza_check.assess.findings import EvidenceRef, FactRef, Finding, Outcome, PlanRef, Severity
from iza_check.i18n import format_date, has, t
from iza_check.problems import Problem

REPLACEMENT = "\ufffd"
OUTCOME_ORDER: tuple[Outcome, ...] = tuple(Outcome)
OUTCOME_SYMBOL: dict[Outcome, str] = {
    Outcome.voldoet: "✔",
    Outcome.deels: "◐",
    Outcome.voldoet_niet: "✘",
    Outcome.onbekend: "?",
    Outcome.nvt: "–",
}

# Terminal colours per outcome (the text report and the text summary).
ANSI_RESET = "\x1b[0m"
OUTCOME_ANSI: dict[Outcome, str] = {
    Outcome.voldoet: "\x1b[32m",
    Outcome.deels: "\x1b[33m",
    Outcome.voldoet_niet: "\x1b[31m",
    Outcome.onbekend: "\x1b[36m",
    Outcome.nvt: "\x1b[2m",
}


def _unsafe_code_points() -> list[int]:
    points = [c for c in range(0x20) if c not in (0x09, 0x0A)]
    points += [0x7F, *range(0x80, 0xA0)]
    points += [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]  # bidi overrides and isolates
    points += [*range(0xD800, 0xE000), 0xFFFE, 0xFFFF]  # lone surrogates and XML non-characters
    return points


_MULTILINE = {c: REPLACEMENT for c in _unsafe_code_points()}
_SINGLE_LINE = {**_MULTILINE, 0x09: " ", 0x0A: " "}


def clean(text: str, *, keep_newlines: bool = False) -> str:
    """Replace characters that could corrupt an output (controls, bidi overrides, surrogates) by U+FFFD.

    Line breaks become ``\\n`` when kept and a space otherwise; a tab becomes a space on one line.
    """
    if text.isprintable():
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_MULTILINE if keep_newlines else _SINGLE_LINE)


def format_number(number: float, lang: str, *, grouping: bool = True) -> str:
    """``938528`` -> ``938.528`` (nl) / ``938,528`` (en); at most two decimals."""
    if not math.isfinite(number):
        return t("value.unknown", lang)
    text = f"{number:{',' if grouping else ''}.2f}".rstrip("0").rstrip(".")
    if lang == "nl":
        text = text.translate({ord(","): ".", ord("."): ","})
    return text


def format_value(value: object, lang: str) -> str:
    """A fact's value as a reader sees it (never the Python repr)."""
    if value is None:
        return t("value.none", lang)
    if isinstance(value, bool):
        return t("value.true" if value else "value.false", lang)
    if isinstance(value, Enum):
        return clean(str(value.value))
    if isinstance(value, int):
        return str(value)  # years and counts: no thousands separator
    if isinstance(value, float):
        return format_number(value, lang, grouping=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        if not items:
            return t("value.empty_list", lang)
        return ", ".join(format_value(item, lang) for item in items)
    if isinstance(value, dict):
        return "; ".join(f"{clean(str(k))}: {format_value(v, lang)}" for k, v in value.items())
    return clean(str(value))


_INDEX = re.compile(r"\[\d*\]")


def humanize_path(path: str) -> str:
    """``activiteiten[0].soort`` -> ``activiteiten › soort``: readable without knowing YAML."""
    return _INDEX.sub("", clean(path)).replace("_", " ").replace(".", " › ")


def location_text(line: int | None, column: int | None, lang: str) -> str | None:
    if line is None:
        return None
    if column is None:
        return t("loc.line", lang, line=line)
    return t("loc.line_col", lang, line=line, column=column)


def file_location(file: str, line: int | None, column: int | None) -> str:
    """``file:line:col`` as compilers print it; parts that are unknown are left out."""
    parts = [clean(file)]
    if line is not None:
        parts.append(str(line))
        if column is not None:
            parts.append(str(column))
    return ":".join(parts)


def problem_text(problem: Problem) -> str:
    """A problem as one line: ``file:line:col: message [field] (code)``."""
    where = f" [{clean(problem.field_path)}]" if problem.field_path else ""
    location = file_location(problem.file, problem.line, problem.column)
    return f"{location}: {clean(problem.message)}{where} ({clean(problem.code)})"


def group_label(group: str, lang: str) -> str:
    key = f"group.{group}"
    return t(key, lang) if has(key) else clean(group).replace("_", " ").capitalize()


def grouped(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings per group, in the order they come: findings come in the catalogue's order (rules.loader)."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.group, []).append(finding)
    return list(groups.items())


def outcome_counts(findings: Iterable[Finding]) -> dict[Outcome, int]:
    counts = dict.fromkeys(OUTCOME_ORDER, 0)
    for finding in findings:
        counts[finding.outcome] += 1
    return counts


def outcome_label(outcome: Outcome, lang: str) -> str:
    return t(f"outcome.{outcome.value}", lang)


def severity_label(severity: Severity, lang: str) -> str:
    return t(f"severity.{severity.value}", lang)


def plan_status(plan: PlanRef, lang: str) -> list[str]:
    """The plan's status words, e.g. ``["streefdatum 1 maart 2025", "nog niet gerealiseerd"]``."""
    status = [
        t("plan.target", lang, date=format_date(plan.streefdatum, lang))
        if plan.streefdatum is not None
        else t("plan.no_target", lang)
    ]
    if plan.gerealiseerd is not None:
        status.append(t("plan.done" if plan.gerealiseerd else "plan.not_done", lang))
    if plan.verlopen:
        status.append(t("plan.overdue", lang))
    return status


def plan_text(plan: PlanRef, lang: str) -> str:
    return f"{clean(plan.stap)} ({'; '.join(plan_status(plan, lang))})"


def fact_text(ref: FactRef, lang: str) -> str:
    """``path = value`` for one line of plain text (long values shortened)."""
    return f"{clean(ref.path)} = {shorten(format_value(ref.value, lang), 120)}"


def extra_causes(finding: Finding) -> tuple[FactRef, ...]:
    """The causes that are not themselves among the finding's facts: items of a list it quotes whole."""
    paths = {ref.path for ref in finding.facts}
    return tuple(cause for cause in finding.causes if cause.path not in paths)


def backing_label(finding: Finding, lang: str) -> str | None:
    """``onderbouwd`` / ``verklaard`` (``backed`` / ``declared``); None for onbekend."""
    backed = finding.onderbouwd
    if backed is None:
        return None
    return t("backing.onderbouwd" if backed else "backing.verklaard", lang)


def evidence_text(ref: EvidenceRef, lang: str, *, readable_path: bool = False) -> str:
    """A piece of evidence as a reader sees it: the document, its web address and date, or the dated field
    (``kwaliteit.rie.datum = 18 maart 2025``; with ``readable_path`` the path as :func:`humanize_path` writes it)."""
    parts = [clean(text) for text in (ref.document, ref.url) if text]
    if ref.datum is not None:
        day = format_date(ref.datum, lang)
        if parts or "bewijs[" in ref.path:
            parts.append(day)
        else:
            parts.append(f"{humanize_path(ref.path)}: {day}" if readable_path else f"{clean(ref.path)} = {day}")
    return ", ".join(parts)


def bound_note(finding: Finding, lang: str) -> str | None:
    """For an onbekend finding, what the known facts already settle (deels at best, or at least), as a sentence."""
    if finding.at_best is not None:
        return f"{t('finding.at_best', lang)}."
    if finding.at_least is not None:
        return f"{t('finding.at_least', lang)}."
    return None


def finding_message(finding: Finding, lang: str) -> str:
    """One plain-text sentence group for machine formats: title, outcome, cause, missing facts, advice."""
    parts = [f"{clean(finding.title.get(lang))}: {outcome_label(finding.outcome, lang)}."]
    if finding.causes:
        parts.append(f"{t('finding.causes', lang)}: {'; '.join(fact_text(c, lang) for c in finding.causes)}.")
    bound = bound_note(finding, lang)
    if bound is not None:
        parts.append(bound)
    if finding.missing:
        parts.append(f"{t('finding.missing', lang)}: {', '.join(clean(m) for m in finding.missing)}.")
    if finding.advice is not None:
        parts.append(clean(finding.advice.get(lang)))
    if finding.outcome is Outcome.nvt and finding.nvt_reason is not None:
        parts.append(f"{t('finding.nvt_reason', lang)}: {clean(finding.nvt_reason.get(lang))}")
    return " ".join(parts)


def safe_url(url: str | None) -> str | None:
    """The URL when it is plain http(s), else None: never a ``javascript:`` link in any output."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    if any(ch.isspace() or not ch.isprintable() or ch in "<>\"'`\\{}|^" for ch in url):
        return None
    return url


def artifact_uri(path: str) -> str:
    """A profile path as a URI reference: forward slashes, relative when the path is, percent-encoded."""
    posix = clean(path).replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    if len(posix) > 1 and posix[1] == ":":  # a Windows drive letter: C:/x -> file:///C:/x
        return "file:///" + quote(posix, safe="/:")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")


def kenmerken_list(ids: Sequence[str]) -> str:
    return ", ".join(clean(i) for i in ids)


def shorten(text: str, limit: int = 240) -> str:
    """Cut quoted text for a terminal or a PR comment; the HTML report shows it whole."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
