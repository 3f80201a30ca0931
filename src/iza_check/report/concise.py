"""Concise: one line per gap, ``file:line:col: K1 deels [verplicht] title``, as linters print them.

The default when more than one profile is checked, and in the pre-commit hooks: a funder or a CI log
sees every gap and every unreadable file at once, with where to look, and a closing tally (written by
the command, which counts the run: see :func:`tally_text`). Each profile starts with its verdict line.
Informative rules and *onbekend* stay out of it; the full report (``--format text``) has them.
"""

from __future__ import annotations

from collections.abc import Mapping

from iza_check.assess.findings import Finding, ProfileReport, Report, VerdictKind, counts_as_gap
from iza_check.problems import Problem
from iza_check.report._common import clean, file_location, outcome_label, problem_text, severity_label
from iza_check.report.stream import ReportHead, StreamFormat, compose
from iza_check.report.summary_formats import verdict_short

_WORDS: dict[str, tuple[str, str]] = {
    "verdict": ("oordeel", "verdict"),
    "provisional": ("voorlopig", "provisional"),
    "profiles": ("{n} profielen", "{n} profiles"),
    "profile": ("1 profiel", "1 profile"),
    "gaps": ("{n} tekorten", "{n} gaps"),
    "gap": ("1 tekort", "1 gap"),
    "broken": ("{n} bestanden onleesbaar", "{n} files unreadable"),
    "broken_one": ("1 bestand onleesbaar", "1 file unreadable"),
    "none": ("geen profielen", "no profiles"),
    "planned": ("plan met streefdatum {date}", "plan with target date {date}"),
    "overdue": ("plan over de streefdatum", "plan past its target date"),
}


def word(key: str, lang: str, **values: object) -> str:
    nl, en = _WORDS[key]
    return (en if lang == "en" else nl).format(**values)


def counted(count: int, one: str, many: str, lang: str) -> str:
    return word(one, lang) if count == 1 else word(many, lang, n=count)


def tally_text(verdicts: Mapping[VerdictKind, int], gaps: int, broken: int, lang: str) -> str:
    """``6 profielen: 1 past · 3 groeiroute · 2 niet op voorhand · 21 tekorten · 1 bestand onleesbaar``."""
    profiles = sum(verdicts.values())
    head = counted(profiles, "profile", "profiles", lang) if profiles else word("none", lang)
    parts = [f"{n} {verdict_short(kind, lang)}" for kind in VerdictKind if (n := verdicts.get(kind, 0))]
    parts.append(counted(gaps, "gap", "gaps", lang))
    if broken:
        parts.append(counted(broken, "broken_one", "broken", lang))
    return f"{head}: " + " · ".join(parts)


def _finding(finding: Finding, lang: str) -> str:
    where = file_location(finding.profile, finding.line, finding.column)
    return (
        f"{where}: {clean(finding.rule_id)} {outcome_label(finding.outcome, lang)} "
        f"[{severity_label(finding.severity, lang)}] {clean(finding.title.get(lang))}{_plan_note(finding, lang)}"
    )


def _plan_note(finding: Finding, lang: str) -> str:
    """The plan that carries the gap (its streefdatum), or that it is overdue: a CI log shows both."""
    current = sorted(p.streefdatum for p in finding.plans if p.streefdatum and not p.gerealiseerd and not p.verlopen)
    if current:
        return f" ({word('planned', lang, date=current[0].isoformat())})"
    if any(p.verlopen for p in finding.plans):
        return f" ({word('overdue', lang)})"
    return ""


def _head(head: ReportHead, lang: str, colour: bool) -> str:
    return ""


def _profile(profile: ProfileReport, lang: str, colour: bool) -> str:
    verdict = profile.verdict
    note = f" ({word('provisional', lang)})" if verdict.voorlopig else ""
    lines = [
        f"{clean(profile.source)}: {word('verdict', lang)} {verdict_short(verdict.kind, lang)}{note} — {clean(profile.naam)}"
    ]
    lines += [_finding(finding, lang) for finding in profile.findings if counts_as_gap(finding)]
    return "".join(_line(line) for line in lines)


def _line(text: str) -> str:
    # A CI log runner (GitHub Actions) takes a line that starts with '::' as a command: a file name must
    # never start one.
    return f" {text}\n" if text.startswith("::") else f"{text}\n"


def _tail(problems: tuple[Problem, ...], written: int, lang: str, colour: bool) -> str:
    return "".join(_line(problem_text(problem)) for problem in problems)


STREAM = StreamFormat(head=_head, profile=_profile, separator="", tail=_tail)


def _nothing(profile: ProfileReport, lang: str, colour: bool) -> str:
    return ""


# -q: only the files that could not be read, and the tally.
QUIET = StreamFormat(head=_head, profile=_nothing, separator="", tail=_tail)


def render(report: Report, *, lang: str = "nl", colour: bool = False) -> str:
    verdicts: dict[VerdictKind, int] = {}
    for profile in report.profiles:
        verdicts[profile.verdict.kind] = verdicts.get(profile.verdict.kind, 0) + 1
    gaps = sum(1 for profile in report.profiles for finding in profile.findings if counts_as_gap(finding))
    tally = tally_text(verdicts, gaps, len({p.file for p in report.problems}), lang)
    return compose(STREAM, report, lang, colour) + tally + "\n"
