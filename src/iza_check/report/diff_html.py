"""Two rounds of profiles as one self-contained html page (no script, no network): the funder's overview of
what moved between the rounds."""

from __future__ import annotations

from iza_check.assess.findings import Outcome, VerdictKind
from iza_check.funders.diff import ChangeKind, ProfileProgress, RoundsDiff, RoundStatus
from iza_check.i18n import format_date, t
from iza_check.report.diff_common import MOVE_MARK as _MOVE_MARK
from iza_check.report.diff_common import moves as _moves
from iza_check.report.diff_common import outcome_text as _outcome_text
from iza_check.report.diff_common import overdue_groups as _overdue_groups
from iza_check.report.diff_common import overdue_text as _overdue_text
from iza_check.report.diff_common import problem_lines as _problem_lines
from iza_check.report.diff_common import rounds_result as _rounds_result
from iza_check.report.diff_common import tidy as _tidy
from iza_check.report.diff_common import verdicts as _verdicts
from iza_check.report.funder_common import check_lang as _check_lang
from iza_check.report.funder_common import ft, html_document, verdict_short
from iza_check.report.funder_common import html_text as _e

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
