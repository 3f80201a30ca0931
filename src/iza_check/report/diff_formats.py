"""Progress (``diff``): of two versions of one profile, or of two rounds of profiles.

Pure functions of the result types in :mod:`iza_check.funders.diff`; each returns the whole output as text.

- Two files: ``text``, ``json`` and ``markdown`` (:func:`render_diff`).
- Two rounds (folders or patterns): ``text``, ``html`` (self-contained, no script), ``csv`` (one row per
  initiative, with what moved, for a spreadsheet) and ``json`` (:func:`render_rounds`).
"""

from __future__ import annotations

from typing import Any, Final

from iza_check.assess.findings import Outcome, VerdictKind
from iza_check.funders.diff import (
    Ambiguity,
    ChangeKind,
    PlanProgress,
    PlanStatus,
    ProfileDiff,
    ProfileProgress,
    RealisedBy,
    RoundsDiff,
    RoundStatus,
    RuleChange,
)
from iza_check.i18n import format_date, t
from iza_check.problems import Problem
from iza_check.report._common import OUTCOME_SYMBOL, clean, problem_text
from iza_check.report.funder_common import (
    FORMAT_VERSION,
    csv_document,
    csv_text,
    ft,
    html_document,
    outcome_word,
    verdict_short,
)
from iza_check.report.funder_common import check_lang as _check_lang
from iza_check.report.funder_common import date_json as _date
from iza_check.report.funder_common import html_text as _e
from iza_check.report.funder_common import json_document as _json
from iza_check.report.funder_common import outcome_json as _outcome_json
from iza_check.report.funder_common import wrap as _wrap
from iza_check.report.json_report import json_text as _s
from iza_check.report.json_report import problem_json
from iza_check.report.markdown import md, md_block

DIFF_FORMATS: Final = ("text", "json", "markdown")
ROUNDS_FORMATS: Final = ("text", "html", "csv", "json")

def _outcome_text(outcome: Outcome | None, lang: str) -> str:
    if outcome is None:
        return ft("diff.absent", lang)
    return f"{OUTCOME_SYMBOL[outcome]} {t(f'outcome.{outcome.value}', lang)}"


def _verdict_line(diff: ProfileDiff, lang: str) -> str:
    old = t(f"verdict.{diff.old_verdict.value}", lang)
    new = t(f"verdict.{diff.new_verdict.value}", lang)
    if diff.verdict_changed:
        return ft("diff.verdict_changed", lang, old=old, new=new)
    return ft("diff.verdict_same", lang, verdict=new)


def _plan_detail(plan: PlanProgress, lang: str) -> str:
    parts = [ft(f"diff.status.{plan.status.value}", lang)]
    if plan.realised_by is RealisedBy.marked:
        parts.append(ft("diff.realised.gemarkeerd", lang))
    elif plan.realised_by is RealisedBy.criteria:
        parts.append(ft("diff.realised.criteria", lang, ids=", ".join(plan.betreft)))
    old, new = plan.streefdatum, plan.new_streefdatum
    if old is not None and new is not None and old != new:
        parts.append(ft("diff.moved", lang, old=format_date(old, lang), new=format_date(new, lang)))
    else:
        date = new or old
        parts.append(
            t("plan.target", lang, date=format_date(date, lang)) if date is not None else t("plan.no_target", lang)
        )
    return "; ".join(parts)


_PLAN_SYMBOL: Final = {
    PlanStatus.realised: "✔",
    PlanStatus.overdue: "⚠",
    PlanStatus.open: "…",
    PlanStatus.dropped: "–",
}


def _result_line(diff: ProfileDiff, lang: str) -> str:
    return ft(
        "diff.result",
        lang,
        improved=len(diff.improved),
        regressed=len(diff.regressed),
        realised=len(diff.plans_with(PlanStatus.realised)),
        overdue=len(diff.plans_with(PlanStatus.overdue)),
    )


def _change_sections(diff: ProfileDiff) -> list[tuple[str, tuple[RuleChange, ...]]]:
    return [
        ("diff.improved", diff.improved),
        ("diff.regressed", diff.regressed),
        ("diff.changed", diff.of_kind(ChangeKind.changed)),
    ]


def _plan_lines(plan: PlanProgress, lang: str) -> list[str]:
    head = f"{_PLAN_SYMBOL[plan.status]} [{', '.join(clean(i) for i in plan.betreft)}] {clean(plan.stap)}"
    return _wrap(head, "  ", "      ") + _wrap(_plan_detail(plan, lang), "      ", "      ")


def render_diff_text(diff: ProfileDiff, *, lang: str = "nl") -> str:
    _check_lang(lang)
    lines = [
        (f"{ft('diff.title', lang)}: {clean(diff.new_naam)} · {t('report.peildatum', lang).lower()} "
        f"{format_date(diff.peildatum, lang)}"),
        f"   {ft('diff.old', lang)}: {clean(diff.old_source)}"
        + (f" ({ft('diff.renamed', lang, name=clean(diff.old_naam))})" if diff.old_naam != diff.new_naam else ""),
        f"   {ft('diff.new', lang)}: {clean(diff.new_source)}",
        "",
        f"{t('verdict.heading', lang)}: {_verdict_line(diff, lang)}",
        _result_line(diff, lang),
    ]
    for key, changes in _change_sections(diff):
        lines += ["", f"{ft(key, lang)} ({len(changes)})"]
        if not changes:
            lines.append(f"  {ft('diff.none', lang)}")
        for change in changes:
            lines += _wrap(
                f"{clean(change.rule_id).ljust(5)} {_outcome_text(change.old, lang)} → {_outcome_text(change.new, lang)}"
                f" · {clean(change.title.get(lang))}",
                "  ",
                "        ",
            )
    lines += ["", ft("diff.unchanged", lang, count=len(diff.of_kind(ChangeKind.unchanged)))]
    lines += ["", ft("diff.plans", lang)]
    if not diff.plans:
        lines.append(f"  {ft('diff.no_plans', lang)}")
    for plan in diff.plans:
        lines += _plan_lines(plan, lang)
    if diff.new_plans:
        lines += ["", ft("diff.new_plans", lang)]
        for plan in diff.new_plans:
            lines += _plan_lines(plan, lang)
    return "\n".join(lines) + "\n"


def render_diff_markdown(diff: ProfileDiff, *, lang: str = "nl") -> str:
    _check_lang(lang)
    lines = [
        f"# {md(ft('diff.title', lang))}: {md(diff.new_naam)}",
        "",
        f"- **{md(t('report.peildatum', lang))}:** {md(format_date(diff.peildatum, lang))}",
        f"- **{md(ft('diff.old', lang))}:** `{clean(diff.old_source).replace('`', '')}`"
        + (f" ({md(ft('diff.renamed', lang, name=diff.old_naam))})" if diff.old_naam != diff.new_naam else ""),
        f"- **{md(ft('diff.new', lang))}:** `{clean(diff.new_source).replace('`', '')}`",
        f"- **{md(t('verdict.heading', lang))}:** {md(_verdict_line(diff, lang))}",
        "",
        md_block(_result_line(diff, lang)),
    ]
    for key, changes in _change_sections(diff):
        lines += ["", f"## {md(ft(key, lang))} ({len(changes)})", ""]
        if not changes:
            lines.append(md_block(ft("diff.none", lang)))
            continue
        lines += [
            (f"| {md(t('col.id', lang))} | {md(t('col.criterion', lang))} | {md(ft('diff.old', lang))} "
            f"| {md(ft('diff.new', lang))} |"),
            "|---|---|---|---|",
        ]
        for change in changes:
            lines.append(
                f"| {md(change.rule_id)} | {md(change.title.get(lang))} | {md(_outcome_text(change.old, lang))} "
                f"| {md(_outcome_text(change.new, lang))} |"
            )
    lines += ["", md_block(ft("diff.unchanged", lang, count=len(diff.of_kind(ChangeKind.unchanged))))]
    for key, plans, empty in (
        ("diff.plans", diff.plans, ft("diff.no_plans", lang)),
        ("diff.new_plans", diff.new_plans, None),
    ):
        if not plans and empty is None:
            continue
        lines += ["", f"## {md(ft(key, lang))}", ""]
        if not plans:
            lines.append(md_block(empty))
        for plan in plans:
            lines.append(
                f"- {_PLAN_SYMBOL[plan.status]} **{md(', '.join(plan.betreft))}** {md(plan.stap)} "
                f"— {md(_plan_detail(plan, lang))}"
            )
    return "\n".join(lines) + "\n"


def _change_json(c: RuleChange, lang: str) -> dict[str, Any]:
    return {
        "rule_id": _s(c.rule_id),
        "group": _s(c.group),
        "title": _s(c.title.get(lang)),
        "severity": c.severity.value,
        "old": _outcome_json(c.old),
        "new": _outcome_json(c.new),
        "change": c.kind.value,
    }


def _plan_json(p: PlanProgress) -> dict[str, Any]:
    return {
        "stap": _s(p.stap),
        "betreft": [_s(i) for i in p.betreft],
        "streefdatum": _date(p.streefdatum),
        "new_streefdatum": _date(p.new_streefdatum),
        "status": p.status.value,
        "realised_by": None if p.realised_by is None else p.realised_by.value,
    }


def diff_document(diff: ProfileDiff, lang: str = "nl") -> dict[str, Any]:
    _check_lang(lang)
    return {
        "format_version": FORMAT_VERSION,
        "kind": "diff",
        "lang": lang,
        "peildatum": diff.peildatum.isoformat(),
        "old": {"source": _s(diff.old_source), "naam": _s(diff.old_naam), "verdict": diff.old_verdict.value},
        "new": {"source": _s(diff.new_source), "naam": _s(diff.new_naam), "verdict": diff.new_verdict.value},
        "verdict_changed": diff.verdict_changed,
        "counts": {kind.value: len(diff.of_kind(kind)) for kind in ChangeKind},
        "changes": [_change_json(c, lang) for c in diff.changes if c.kind is not ChangeKind.unchanged],
        "plans": [_plan_json(p) for p in diff.plans],
        "new_plans": [_plan_json(p) for p in diff.new_plans],
    }


def render_diff(fmt: str, diff: ProfileDiff, *, lang: str = "nl") -> str:
    """Two versions of one profile (``diff OLD.yaml NEW.yaml``)."""
    if fmt not in DIFF_FORMATS:
        raise ValueError(f"unknown diff format {fmt!r}; choose one of: {', '.join(DIFF_FORMATS)}")
    if fmt == "text":
        return render_diff_text(diff, lang=lang)
    if fmt == "markdown":
        return render_diff_markdown(diff, lang=lang)
    return _json(diff_document(diff, lang))


# --- two rounds ------------------------------------------------------------------------------------------

_MOVE_MARK: Final = {ChangeKind.regressed: "↓", ChangeKind.improved: "↑"}


def _moves(progress: ProfileProgress) -> tuple[RuleChange, ...]:
    """The rules that moved down, then those that moved up (catalogue order within each)."""
    return progress.diff.regressed + progress.diff.improved


def _move_text(change: RuleChange, lang: str) -> str:
    """``Q6: voldoet → deels``, with words, for a spreadsheet cell."""
    old = outcome_word(change.old, lang) or ft("diff.absent", lang)
    new = outcome_word(change.new, lang) or ft("diff.absent", lang)
    return f"{clean(change.rule_id)}: {old} → {new}"


def _tidy(text: str) -> str:
    return " ".join(clean(text).split())


def _who(naam: str, gemeente: str | None) -> str:
    """``Herstelplek De Kiem (Hengelo)``."""
    return f"{_tidy(naam)} ({_tidy(gemeente)})" if gemeente and gemeente.strip() else _tidy(naam)


def _verdicts(progress: ProfileProgress, lang: str) -> str:
    diff = progress.diff
    old, new = verdict_short(diff.old_verdict, lang), verdict_short(diff.new_verdict, lang)
    return ft("diff.verdict_changed", lang, old=old, new=new) if diff.verdict_changed else new


def _overdue_text(plan: PlanProgress, lang: str) -> str:
    """``[Q10] RI&E doen (streefdatum 30 juni 2026 voorbij)``."""
    date = plan.new_streefdatum or plan.streefdatum
    when = ft("summary.plan.overdue", lang, date=format_date(date, lang)) if date else t("plan.no_target", lang)
    return f"[{', '.join(clean(i) for i in plan.betreft)}] {clean(plan.stap)} ({when})"


def _identity_text(ambiguity: Ambiguity, lang: str) -> str:
    if ambiguity.identity[0] == "naam":
        return ft("rounds.identity.naam", lang, naam=clean(ambiguity.naam), gemeente=clean(ambiguity.gemeente or ""))
    return ft("rounds.identity.pad", lang, path=clean(ambiguity.naam))


def ambiguity_text(ambiguity: Ambiguity, lang: str) -> str:
    """The problem, in one line: which round, which identity, which files were left out."""
    return ft(
        "rounds.ambiguous",
        lang,
        round=ft(f"rounds.round.{ambiguity.round}", lang),
        count=ambiguity.count,
        identity=_identity_text(ambiguity, lang),
        files=", ".join(clean(s) for s in ambiguity.sources),
    )


def _rounds_result(rounds: RoundsDiff, lang: str) -> str:
    return ft(
        "rounds.result",
        lang,
        compared=len(rounds.compared),
        improved=len(rounds.improved),
        regressed=len(rounds.regressed),
        unchanged=len(rounds.unchanged),
        new=len(rounds.new),
        gone=len(rounds.gone),
        overdue=rounds.overdue_count,
    )


def _problem_lines(rounds: RoundsDiff, lang: str) -> list[str]:
    return [ambiguity_text(a, lang) for a in rounds.ambiguous] + [problem_text(p) for p in rounds.problems]


def _overdue_groups(rounds: RoundsDiff) -> list[tuple[str, str | None, tuple[PlanProgress, ...]]]:
    """(name, gemeente, plans) for every initiative of the new round with a plan past its target date."""
    groups: list[tuple[str, str | None, tuple[PlanProgress, ...]]] = [
        (p.diff.new_naam, p.gemeente, p.overdue) for p in rounds.compared if p.overdue
    ]
    groups += [(p.naam, p.gemeente, p.overdue) for p in rounds.new if p.overdue]
    return sorted(groups, key=lambda g: (g[0].casefold(), (g[1] or "").casefold()))


def render_rounds_text(rounds: RoundsDiff, *, lang: str = "nl") -> str:
    _check_lang(lang)
    lines = [
        f"{ft('rounds.title', lang)} · {t('report.peildatum', lang).lower()} {format_date(rounds.peildatum, lang)}",
        f"   {ft('rounds.old', lang)}: {clean(rounds.old_round)}",
        f"   {ft('rounds.new', lang)}: {clean(rounds.new_round)}",
        *_wrap(ft("rounds.identity", lang), "", ""),
        "",
        *_wrap(_rounds_result(rounds, lang), "", ""),
    ]
    if rounds.incomplete:
        lines += _wrap(ft("rounds.caveat", lang), "", "")
    for status in (RoundStatus.regressed, RoundStatus.improved):
        found = rounds.with_status(status)
        lines += ["", f"{ft(f'rounds.section.{status.value}', lang)} ({len(found)})"]
        if not found:
            lines.append(f"  {ft('diff.none', lang)}")
        for progress in found:
            diff = progress.diff
            lines += _wrap(f"{_who(diff.new_naam, progress.gemeente)} · {_verdicts(progress, lang)}", "  ", "    ")
            lines += _wrap(f"{clean(diff.old_source)} → {clean(diff.new_source)}", "      ", "      ")
            for change in _moves(progress):
                lines += _wrap(
                    f"{_MOVE_MARK[change.kind]} {clean(change.rule_id).ljust(5)} {_outcome_text(change.old, lang)} → "
                    f"{_outcome_text(change.new, lang)} · {clean(change.title.get(lang))}",
                    "    ",
                    "            ",
                )
    for key, alone in (("nieuw", rounds.new), ("verdwenen", rounds.gone)):
        lines += ["", f"{ft(f'rounds.section.{key}', lang)} ({len(alone)})"]
        if not alone:
            lines.append(f"  {ft('diff.none', lang)}")
        for profile in alone:
            lines += _wrap(
                f"{_who(profile.naam, profile.gemeente)} · {verdict_short(profile.verdict, lang)} · "
                f"{clean(profile.source)}",
                "  ",
                "    ",
            )
    groups = _overdue_groups(rounds)
    lines += ["", f"{ft('rounds.section.overdue', lang)} ({rounds.overdue_count})"]
    if not groups:
        lines.append(f"  {ft('diff.none', lang)}")
    for naam, gemeente, plans in groups:
        lines.append(f"  {_who(naam, gemeente)}")
        for plan in plans:
            lines += _wrap(f"⚠ {_overdue_text(plan, lang)}", "    ", "      ")
    unchanged = rounds.unchanged
    lines += ["", f"{ft('rounds.section.ongewijzigd', lang)} ({len(unchanged)})"]
    if not unchanged:
        lines.append(f"  {ft('diff.none', lang)}")
    for progress in unchanged:
        lines += _wrap(f"{_who(progress.diff.new_naam, progress.gemeente)} · {_verdicts(progress, lang)}", "  ", "    ")
    problems = _problem_lines(rounds, lang)
    if problems:
        lines += ["", t("section.problems", lang)]
        for line in problems:
            lines += _wrap(line, "  ", "    ")
    if not (rounds.compared or rounds.new or rounds.gone):
        lines += ["", ft("rounds.empty", lang)]
    return "\n".join(lines) + "\n"


_ROUNDS_CSS = """
td.name { min-width: 14em; }
ul.moves { list-style: none; margin: 0; padding: 0; }
ul.moves li { margin: 0 0 .5mm; }
.down { color: var(--bad); font-weight: 700; } .up { color: var(--good); font-weight: 700; }
.caveat { border-left: 5px solid var(--part); background: var(--soft); padding: 2mm 3mm; }
"""


def _outcome_html(outcome: Outcome | None, lang: str) -> str:
    if outcome is None:
        return _e(ft("diff.absent", lang))
    return f'<span class="oc-{outcome.value}">{_e(_outcome_text(outcome, lang))}</span>'


def _name_html(naam: str, gemeente: str | None, files: str) -> str:
    place = f' <span class="muted">({_e(_tidy(gemeente))})</span>' if gemeente and gemeente.strip() else ""
    return f'<td class="name"><strong>{_e(naam)}</strong>{place}<div class="file">{_e(files)}</div></td>'


def _verdict_html(kind: VerdictKind, lang: str) -> str:
    return f'<span class="v-{kind.value}">{_e(verdict_short(kind, lang))}</span>'


def _moves_html(progress: ProfileProgress, lang: str) -> str:
    items = []
    for change in _moves(progress):
        cls = "down" if change.kind is ChangeKind.regressed else "up"
        items.append(
            f'<li><span class="{cls}" aria-hidden="true">{_MOVE_MARK[change.kind]}</span> '
            f"<strong>{_e(change.rule_id)}</strong> {_outcome_html(change.old, lang)} → "
            f'{_outcome_html(change.new, lang)} <span class="muted">{_e(change.title.get(lang))}</span></li>'
        )
    return '<ul class="moves">' + "".join(items) + "</ul>"


def _table(heads: list[str], rows: list[str]) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in heads)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _none_html(lang: str) -> str:
    return f'<p class="muted">{_e(ft("diff.none", lang))}</p>'


def render_rounds_html(rounds: RoundsDiff, *, lang: str = "nl") -> str:
    _check_lang(lang)
    col_who, col_verdict = t("col.initiative", lang), t("verdict.heading", lang)
    body = [
        "<header>",
        f"<h1>{_e(ft('rounds.title', lang))}</h1>",
        (f'<p class="subtitle">{_e(t("report.peildatum", lang))}: {_e(format_date(rounds.peildatum, lang))} · '
        f"{_e(ft('rounds.old', lang))}: {_e(rounds.old_round)} · {_e(ft('rounds.new', lang))}: "
        f"{_e(rounds.new_round)}</p>"),
        "</header><main>",
        f"<p><strong>{_e(_rounds_result(rounds, lang))}</strong></p>",
        f'<p class="muted">{_e(ft("rounds.identity", lang))}</p>',
    ]
    if rounds.incomplete:
        body.append(f'<p class="caveat">{_e(ft("rounds.caveat", lang))}</p>')
    for status in (RoundStatus.regressed, RoundStatus.improved):
        found = rounds.with_status(status)
        body.append(f"<h2>{_e(ft(f'rounds.section.{status.value}', lang))} ({len(found)})</h2>")
        rows = [
            "<tr>"
            + _name_html(p.diff.new_naam, p.gemeente, f"{p.diff.old_source} → {p.diff.new_source}")
            + f"<td>{_e(_verdicts(p, lang))}</td><td>{_moves_html(p, lang)}</td></tr>"
            for p in found
        ]
        body.append(_table([col_who, col_verdict, ft("rounds.col.rules", lang)], rows) if rows else _none_html(lang))
    for key, alone in (("nieuw", rounds.new), ("verdwenen", rounds.gone)):
        body.append(f"<h2>{_e(ft(f'rounds.section.{key}', lang))} ({len(alone)})</h2>")
        rows = [
            "<tr>" + _name_html(p.naam, p.gemeente, p.source) + f"<td>{_verdict_html(p.verdict, lang)}</td></tr>"
            for p in alone
        ]
        body.append(_table([col_who, col_verdict], rows) if rows else _none_html(lang))
    groups = _overdue_groups(rounds)
    body.append(f"<h2>{_e(ft('rounds.section.overdue', lang))} ({rounds.overdue_count})</h2>")
    if groups:
        rows = [
            f'<tr><td class="name"><strong>{_e(naam)}</strong>'
            + (f' <span class="muted">({_e(_tidy(gemeente))})</span>' if gemeente and gemeente.strip() else "")
            + "</td><td><ul class=\"moves\">"
            + "".join(f"<li>⚠ {_e(_overdue_text(plan, lang))}</li>" for plan in plans)
            + "</ul></td></tr>"
            for naam, gemeente, plans in groups
        ]
        body.append(_table([col_who, ft("summary.col.plans", lang)], rows))
    else:
        body.append(_none_html(lang))
    unchanged = rounds.unchanged
    body.append(f"<h2>{_e(ft('rounds.section.ongewijzigd', lang))} ({len(unchanged)})</h2>")
    rows = [
        "<tr>" + _name_html(p.diff.new_naam, p.gemeente, p.diff.new_source) + f"<td>{_e(_verdicts(p, lang))}</td></tr>"
        for p in unchanged
    ]
    body.append(_table([col_who, col_verdict], rows) if rows else _none_html(lang))
    problems = _problem_lines(rounds, lang)
    if problems:
        items = "".join(f"<li>{_e(line)}</li>" for line in problems)
        body.append(f'<h2>{_e(t("section.problems", lang))}</h2><ul class="problem">{items}</ul>')
    if not (rounds.compared or rounds.new or rounds.gone):
        body.append(f"<p>{_e(ft('rounds.empty', lang))}</p>")
    body.append(
        f"</main><footer><p>{_e(ft('made_with', lang))} · {_e(format_date(rounds.peildatum, lang))}</p></footer>"
    )
    return html_document(ft("rounds.title", lang), lang, body, css=_ROUNDS_CSS)


def _rounds_csv_rows(rounds: RoundsDiff, lang: str) -> list[list[str]]:
    def status(value: str) -> str:
        return ft(f"rounds.status.{value}", lang)

    rows: list[list[str]] = []
    for wanted in (RoundStatus.regressed, RoundStatus.improved, RoundStatus.unchanged):
        for p in rounds.with_status(wanted):
            diff = p.diff
            rows.append(
                [
                    status(p.status.value),
                    csv_text(diff.new_naam),
                    csv_text(p.gemeente),
                    csv_text(p.regio),
                    csv_text(diff.old_source),
                    csv_text(diff.new_source),
                    verdict_short(diff.old_verdict, lang),
                    verdict_short(diff.new_verdict, lang),
                    csv_text("; ".join(_move_text(c, lang) for c in diff.improved)),
                    csv_text("; ".join(_move_text(c, lang) for c in diff.regressed)),
                    csv_text("; ".join(_overdue_text(plan, lang) for plan in p.overdue)),
                    "",
                ]
            )
    for profile, is_new in [*((q, True) for q in rounds.new), *((q, False) for q in rounds.gone)]:
        rows.append(
            [
                status("nieuw" if is_new else "verdwenen"),
                csv_text(profile.naam),
                csv_text(profile.gemeente),
                csv_text(profile.regio),
                "" if is_new else csv_text(profile.source),
                csv_text(profile.source) if is_new else "",
                "" if is_new else verdict_short(profile.verdict, lang),
                verdict_short(profile.verdict, lang) if is_new else "",
                "",
                "",
                csv_text("; ".join(_overdue_text(plan, lang) for plan in profile.overdue)),
                "",
            ]
        )
    for ambiguity in rounds.ambiguous:
        naam = ambiguity.naam if ambiguity.identity[0] == "naam" else ""
        rows.append(
            [status("probleem"), csv_text(naam), csv_text(ambiguity.gemeente), "", "", "", "", "", "", "", "",
             csv_text(ambiguity_text(ambiguity, lang))]
        )
    for problems, is_new in ((rounds.old_problems, False), (rounds.new_problems, True)):
        for problem in problems:
            file = csv_text(problem.file)
            rows.append(
                [status("probleem"), "", "", "", "" if is_new else file, file if is_new else "", "", "", "", "", "",
                 csv_text(problem_text(problem))]
            )
    return rows


def render_rounds_csv(rounds: RoundsDiff, *, lang: str = "nl") -> str:
    """One row per initiative: regressed, improved, unchanged, new, gone; then one per problem."""
    _check_lang(lang)
    header = [
        ft("diff.col.change", lang),
        t("col.initiative", lang),
        t("profile.gemeente", lang),
        t("profile.regio", lang),
        ft("rounds.col.old_file", lang),
        ft("rounds.col.new_file", lang),
        ft("rounds.col.old_verdict", lang),
        ft("rounds.col.new_verdict", lang),
        ft("rounds.col.improved", lang),
        ft("rounds.col.regressed", lang),
        ft("rounds.col.overdue", lang),
        t("col.message", lang),
    ]
    return csv_document(header, _rounds_csv_rows(rounds, lang))


def _side(source: str, naam: str, verdict: VerdictKind) -> dict[str, Any]:
    return {"source": _s(source), "naam": _s(naam), "verdict": verdict.value}


def _problem_json(problem: Problem, round_: str) -> dict[str, Any]:
    return {**problem_json(problem), "round": round_}


def rounds_document(rounds: RoundsDiff, lang: str = "nl") -> dict[str, Any]:
    _check_lang(lang)
    profiles: list[dict[str, Any]] = []
    for p in rounds.compared:
        diff = p.diff
        profiles.append(
            {
                "status": p.status.value,
                "naam": _s(diff.new_naam),
                "gemeente": None if p.gemeente is None else _s(p.gemeente),
                "regio": None if p.regio is None else _s(p.regio),
                "old": _side(diff.old_source, diff.old_naam, diff.old_verdict),
                "new": _side(diff.new_source, diff.new_naam, diff.new_verdict),
                "verdict_changed": diff.verdict_changed,
                "changes": [_change_json(c, lang) for c in diff.changes if c.kind is not ChangeKind.unchanged],
                "plans": [_plan_json(plan) for plan in diff.plans],
                "new_plans": [_plan_json(plan) for plan in diff.new_plans],
                "overdue_plans": [_plan_json(plan) for plan in p.overdue],
            }
        )
    for alone, status in ((rounds.new, RoundStatus.new), (rounds.gone, RoundStatus.gone)):
        for q in alone:
            side = _side(q.source, q.naam, q.verdict)
            profiles.append(
                {
                    "status": status.value,
                    "naam": _s(q.naam),
                    "gemeente": None if q.gemeente is None else _s(q.gemeente),
                    "regio": None if q.regio is None else _s(q.regio),
                    "old": side if status is RoundStatus.gone else None,
                    "new": side if status is RoundStatus.new else None,
                    "verdict_changed": False,
                    "changes": [],
                    "plans": [],
                    "new_plans": [],
                    "overdue_plans": [_plan_json(plan) for plan in q.overdue],
                }
            )
    return {
        "format_version": FORMAT_VERSION,
        "kind": "diff_rounds",
        "lang": lang,
        "peildatum": rounds.peildatum.isoformat(),
        "rounds": {"old": _s(rounds.old_round), "new": _s(rounds.new_round)},
        "identity": "naam+gemeente, else path",
        "counts": {
            "compared": len(rounds.compared),
            **{s.value: len(rounds.with_status(s)) for s in (
                RoundStatus.improved, RoundStatus.regressed, RoundStatus.unchanged
            )},
            RoundStatus.new.value: len(rounds.new),
            RoundStatus.gone.value: len(rounds.gone),
            "overdue_plans": rounds.overdue_count,
            "problems": len(rounds.problems) + len(rounds.ambiguous),
        },
        "profiles": profiles,
        "ambiguous": [
            {
                "round": a.round,
                "identity": {"kind": a.identity[0], "key": [_s(part) for part in a.identity[1:] if part]},
                "count": a.count,
                "sources": [_s(source) for source in a.sources],
                "message": _s(ambiguity_text(a, lang)),
            }
            for a in rounds.ambiguous
        ],
        "problems": [_problem_json(p, "old") for p in rounds.old_problems]
        + [_problem_json(p, "new") for p in rounds.new_problems],
    }


def render_rounds(fmt: str, rounds: RoundsDiff, *, lang: str = "nl") -> str:
    """Two rounds of profiles (``diff OLD_DIR NEW_DIR``)."""
    if fmt == "text":
        return render_rounds_text(rounds, lang=lang)
    if fmt == "html":
        return render_rounds_html(rounds, lang=lang)
    if fmt == "csv":
        return render_rounds_csv(rounds, lang=lang)
    if fmt == "json":
        return _json(rounds_document(rounds, lang))
    raise ValueError(f"unknown format {fmt!r} for two rounds; choose one of: {', '.join(ROUNDS_FORMATS)}")


__all__ = [
    "DIFF_FORMATS", "ROUNDS_FORMATS", "ambiguity_text", "diff_document", "render_diff", "render_rounds",
    "rounds_document",
]
