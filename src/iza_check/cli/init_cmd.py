"""``iza-check init``: make (or update) a profile by answering questions instead of writing YAML.

Progress is kept as it goes: after every answer the session is saved beside the target as a draft
(``<name>.concept``, see :mod:`iza_check.profile.draft`). Ctrl-C asks before stopping; the next ``init``
for the same file offers to go on where it stopped. The draft goes once the profile is saved.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from iza_check.cli.exitcodes import EXIT_INVALID_INPUT, EXIT_OK
from iza_check.cli.init_texts import Lang
from iza_check.cli.init_texts import say as _t
from iza_check.cli.options import ENGINE
from iza_check.cli.shared import lang_option
from iza_check.problems import InputError, Problem
from iza_check.profile.model import Profile
from iza_check.profile.writer import Snapshot
from iza_check.questionnaire.questions import SECTION_KEYS
from iza_check.questionnaire.session import (
    AnswersInvalid,
    QuestionnaireAborted,
    answer_flow,
    human_date,
    run_questionnaire,
)

if TYPE_CHECKING:
    from iza_check.profile.draft import Draft, Session
    from iza_check.questionnaire.session import Gaps, Questionnaire

DEFAULT_FILE = Path("profiel.yaml")
# Ctrl-C, as everywhere in the CLI (128 + SIGINT).
EXIT_INTERRUPTED = 130

_SECTIONS_HELP = ", ".join(SECTION_KEYS)


@click.command("init")
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=True))
@click.option("--force", is_flag=True, help="Overschrijf FILE als het al bestaat.")
@click.option(
    "--update",
    "update_from",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    metavar="BESTAND",
    help="Werk dit bestaande profiel bij: elke vraag krijgt het huidige antwoord als voorstel. "
    "Zonder FILE wordt dit bestand zelf bijgewerkt (dan is --force nodig).",
)
@click.option(
    "--sectie",
    "--section",
    "sections",
    multiple=True,
    type=click.Choice(SECTION_KEYS, case_sensitive=False),
    metavar="NAAM",
    help=f"Met --update: alleen de vragen van dit deel (mag vaker). NAAM is een van: {_SECTIONS_HELP}.",
)
@click.option(
    "--alleen-open",
    "--only-open",
    "only_open",
    is_flag=True,
    help="Met --update: alleen de vragen die nog open staan (onbekend), en een plan waar het rapport nog "
    "iets te doen ziet. Wat al beantwoord is, wordt overgeslagen.",
)
@lang_option("Taal van de vragen.")
@ENGINE
def init_command(file: Path | None, force: bool, update_from: Path | None, sections: tuple[str, ...],
                 only_open: bool, lang: Lang) -> None:
    """Maak een profiel door vragen te beantwoorden, zonder zelf YAML te schrijven.

    FILE is het bestand dat wordt gemaakt (standaard profiel.yaml). Een bestaand bestand wordt alleen
    overschreven met --force. Uw antwoorden worden onderweg bewaard in FILE.concept: stopt u (Ctrl-C), dan
    gaat u de volgende keer verder waar u was.
    """
    target = file or update_from or DEFAULT_FILE
    if (sections or only_open) and update_from is None:
        _fail(_t("scope_needs_update", lang, path=target))
    problem = _target_problem(target, force, lang)
    if problem is not None:
        _fail(problem)
    loaded = _load_existing(update_from, lang) if update_from is not None else None
    existing = loaded[0] if loaded is not None else None

    from iza_check.profile.draft import Session, draft_path

    today = dt.date.today()
    keeper = _DraftKeeper(
        path=draft_path(target),
        target=target,
        sessions=[Session(0, lang, today)],
        source=str(update_from.resolve()) if update_from is not None else None,
        source_digest=loaded[1].digest if loaded is not None else None,
        sections=tuple(dict.fromkeys(name.lower() for name in sections)),
        only_open=only_open,
        lang=lang,
    )
    resumed = _resume(keeper, lang)
    if resumed is not None:
        # Go on as that session went: its scope, and each earlier answer read as it was typed then.
        keeper.sections, keeper.only_open = resumed.sections, resumed.only_open
        keeper.sessions = [*resumed.sessions, Session(len(resumed.answers), lang, today)]
    # The plan questions depend on the gaps: worked out on the first session's day, so a resume asks the same.
    first_day = keeper.sessions[0].today
    gaps: Gaps = _gaps(existing, first_day, lang) if keeper.only_open and existing is not None else {}

    try:
        profile = run_questionnaire(
            _ask, click.echo, lang=lang, existing=existing, today=today,
            sections=keeper.sections or None, only_open=keeper.only_open, gaps=gaps,
            replay=resumed.answers if resumed is not None else (),
            replay_sessions=[(x.start, _lang(x.lang), x.today) for x in keeper.sessions],
            checkpoint=keeper.save,
        )
    except QuestionnaireAborted as stop:
        _stopped(keeper, lang, interrupted=stop.interrupted)
    except AnswersInvalid as invalid:
        _keep_answers(invalid.data, target, lang, _t("invalid_answers", lang, path=target), keeper,
                      show_problems=True)
        sys.exit(EXIT_INVALID_INPUT)

    from iza_check.profile.edit import EditError
    from iza_check.profile.writer import (
        ProfileExistsError,
        RenderError,
        SourceChangedError,
        write_profile,
        write_updated_profile,
    )

    failure: str | None = None
    try:
        if loaded is not None:
            write_updated_profile(profile, target, source=loaded[1], before=loaded[0], force=force)
        else:
            write_profile(profile, target, force=force)
    except ProfileExistsError:
        failure = _t("exists", lang, path=target)
    except SourceChangedError as error:
        failure = _t("changed", lang, path=error.path)
    except EditError as error:
        failure = _t("edit_failed", lang, path=target, reason=error)
    except (RenderError, InputError) as error:
        failure = _t("internal", lang, reason=error)
    except OSError as error:
        failure = _t("write_failed", lang, path=target, reason=error.strerror or error)
    if failure is not None:
        data = profile.model_dump(mode="python", exclude_none=True, exclude_unset=True)
        _keep_answers(data, target, lang, failure, keeper)
        sys.exit(EXIT_INVALID_INPUT)

    keeper.discard()
    click.echo("")
    click.echo(_t("saved", lang, path=target))
    _show_report(target, lang)
    sys.exit(EXIT_OK)


def _fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(EXIT_INVALID_INPUT)


def _lang(value: str) -> Lang:
    return "en" if value == "en" else "nl"


# ------------------------------------------------------------------------------------------- drafts

@dataclass
class _DraftKeeper:
    """Saves the session beside the target after every answer (the questionnaire's checkpoint)."""

    path: Path
    target: Path
    sessions: list[Session]
    source: str | None
    source_digest: str | None
    sections: tuple[str, ...]
    only_open: bool
    lang: Lang = "nl"
    saved_answers: int = -1
    failure: str | None = None
    questionnaire: Questionnaire | None = field(default=None, repr=False)

    def draft(self, answers: tuple[str, ...], data: object) -> Draft:
        from iza_check.profile.draft import Draft

        return Draft(
            target=self.target.name, flow=answer_flow(), sessions=tuple(self.sessions),
            saved=dt.datetime.now().replace(microsecond=0), answers=answers, source=self.source,
            source_digest=self.source_digest, sections=self.sections, only_open=self.only_open,
            data=data if isinstance(data, dict) else {},
        )

    def save(self, questionnaire: Questionnaire) -> str | None:
        from iza_check.profile.draft import write_draft

        self.questionnaire = questionnaire
        try:
            write_draft(self.draft(tuple(questionnaire.log), questionnaire.data), self.path)
        except OSError as error:
            reason = error.strerror or str(error)
            if self.failure is None:
                click.echo(_t("draft_failed", self.lang, draft=self.path, reason=reason), err=True)
            self.failure = reason
            return None
        self.failure = None
        self.saved_answers = len(questionnaire.log)
        return str(self.path)

    def save_last(self) -> None:
        """At a stop: the answers read since the last save (there are none, unless that save failed)."""
        questionnaire = self.questionnaire
        if questionnaire is not None and len(questionnaire.log) != self.saved_answers:
            self.save(questionnaire)

    def discard(self) -> None:
        from iza_check.profile.draft import remove_draft

        try:
            remove_draft(self.path)
        except OSError:
            pass  # a draft that cannot be removed is offered next time; nothing is lost


def _stopped(keeper: _DraftKeeper, lang: Lang, *, interrupted: bool) -> NoReturn:
    keeper.save_last()
    click.echo("", err=True)
    if keeper.failure is not None:
        click.echo(_t("stopped_lost", lang, reason=keeper.failure), err=True)
    elif keeper.path.exists():
        click.echo(_t("stopped_kept", lang, draft=keeper.path), err=True)
    else:
        click.echo(_t("stopped_nothing", lang), err=True)
    sys.exit(EXIT_INTERRUPTED if interrupted else EXIT_INVALID_INPUT)


def _when(draft: Draft, lang: Lang) -> str:
    return f"{human_date(draft.saved.date(), lang)}, {draft.saved:%H:%M}"


def _resume(keeper: _DraftKeeper, lang: Lang) -> Draft | None:
    """The draft to go on with, if there is one and the person wants to; else None (a fresh start).

    A draft that cannot be resumed (another command, a changed profile, another version) or that the
    person does not want is never just dropped: its answers are kept in ``<name>.antwoorden`` first.
    """
    from iza_check.profile.draft import DraftError, read_draft, set_aside

    path = keeper.path
    if not path.is_file():
        return None
    try:
        draft = read_draft(path)
    except (DraftError, OSError) as error:
        problem = error.strerror if isinstance(error, OSError) and error.strerror else error
        try:
            aside = set_aside(path)
        except OSError as failure:
            _fail(_t("resume_keep_failed", lang, draft=path, reason=failure.strerror or failure))
        click.echo(_t("resume_unreadable", lang, draft=path, reason=problem, aside=aside), err=True)
        return None
    when = _when(draft, lang)
    if draft.flow != answer_flow():
        reason = _t("reason_version", lang)
    elif draft.source != keeper.source:
        reason = _t("reason_source", lang)
    elif draft.source_digest != keeper.source_digest:
        reason = _t("reason_changed", lang, source=draft.source)
    else:
        reason = None
    if reason is not None:
        side = _set_aside_answers(draft, keeper, lang)
        click.echo(_t("resume_mismatch", lang, when=when, reason=reason, side=side), err=True)
        return None
    click.echo(_t("resume_ask", lang, when=when, draft=path))
    while True:
        try:
            word = _ask("> ").strip().lower()
        except KeyboardInterrupt:
            click.echo("", err=True)
            click.echo(_t("stopped_kept", lang, draft=path), err=True)
            sys.exit(EXIT_INTERRUPTED)
        except EOFError:
            click.echo("", err=True)
            click.echo(_t("stopped_kept", lang, draft=path), err=True)
            sys.exit(EXIT_INVALID_INPUT)
        if word in ("", "j", "ja", "y", "yes"):
            return draft
        if word in ("n", "nee", "no"):
            side = _set_aside_answers(draft, keeper, lang)
            click.echo(_t("resume_fresh", lang, side=side))
            return None
        click.echo(_t("resume_yes_no", lang))


def _set_aside_answers(draft: Draft, keeper: _DraftKeeper, lang: Lang) -> Path:
    """Keep a draft's answers in ``<name>.antwoorden`` and remove the draft (exit 2 when that cannot be done)."""
    from iza_check.profile.draft import remove_draft
    from iza_check.profile.writer import save_answers

    note = (_t("draft_note", lang, path=keeper.target, when=_when(draft, lang)),)
    try:
        side = save_answers(dict(draft.data), keeper.target, note=note)
        remove_draft(keeper.path)
    except OSError as error:
        _fail(_t("resume_keep_failed", lang, draft=keeper.path, reason=error.strerror or error))
    return side


def _gaps(profile: Profile, today: dt.date, lang: Lang) -> Gaps:
    """Which facts keep which rules from *voldoet* (their causes), for ``--alleen-open``'s plan questions.

    A fact inside a list item (``aanbod[2].verwijzing_nodig``) names no criterion of its own in the
    questionnaire, so there only rules that are more than information are offered a plan.
    """
    from iza_check.engine.outcomes import Outcome

    try:
        from iza_check.engine import create_engine
        from iza_check.rules import load_rules

        catalogue = load_rules()
        results = create_engine(catalogue).evaluate(profile, peildatum=today)
    except Exception as error:  # the questions still work without plan suggestions
        click.echo(_t("gaps_failed", lang, reason=error), err=True)
        return {}
    informational = {rule.id for rule in catalogue.rules if rule.ernst == "informatief"}
    found: dict[str, set[str]] = {}
    for result in results:
        if result.outcome not in (Outcome.deels, Outcome.voldoet_niet):
            continue
        for path in result.causes:
            if "[" in path and result.rule_id in informational:
                continue
            found.setdefault(path, set()).add(result.rule_id)
    return {path: frozenset(ids) for path, ids in found.items()}


# ------------------------------------------------------------------------------------- the answers

def _keep_answers(data: dict[str, object], target: Path, lang: Lang, problem: str, keeper: _DraftKeeper, *,
                  show_problems: bool = False) -> None:
    """Say why nothing was saved and keep every answer beside ``target``, so no answer is ever lost.

    Once they are kept there the draft is superseded and goes; if they cannot be kept, the draft stays.
    """
    from iza_check.profile.writer import save_answers
    from iza_check.report._common import clean

    click.echo("", err=True)
    click.echo(clean(problem, keep_newlines=True), err=True)
    first_line = problem.splitlines()[0] if problem else ""
    try:
        side = save_answers(data, target, note=(_t("side_note", lang, path=target, why=first_line),))
    except OSError as error:
        click.echo(_t("kept_failed", lang, reason=error.strerror or error), err=True)
        if keeper.path.exists():
            click.echo(_t("kept_in_draft", lang, draft=keeper.path), err=True)
        return
    keeper.discard()
    if show_problems:
        # The saved answers read with the strict loader: every problem with its line in the side file.
        try:
            from iza_check.profile.loader import load_profile

            load_profile(side)
        except InputError as error:
            for found in error.problems:
                click.echo(f"  {found.format()}", err=True)
    click.echo(_t("kept", lang, side=side, path=target), err=True)


def _ask(prompt: str) -> str:
    return input(prompt)


def _target_problem(target: Path, force: bool, lang: Lang) -> str | None:
    """Refuse before the first question, so nobody answers fifty questions for nothing."""
    if target.is_dir():
        return _t("is_dir", lang, path=target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        return _t("no_folder", lang, folder=folder)
    if target.exists() and not force:
        return _t("exists", lang, path=target)
    return None


def _load_existing(path: Path, lang: Lang) -> tuple[Profile, Snapshot]:
    if not path.is_file():
        _fail(_t("update_missing", lang, path=path))
    try:
        return _load(path)
    except InputError as error:
        click.echo(_t("update_invalid", lang, path=path), err=True)
        for problem in error.problems:
            click.echo(f"  {problem.format()}", err=True)
        _fail(_t("update_fix", lang))


def _load(path: Path) -> tuple[Profile, Snapshot]:
    """The profile and the bytes it was read from: the update edits those bytes and refuses when they change."""
    from iza_check.profile.loader import load_profile_bytes
    from iza_check.yamlsafe import read_limited

    raw = read_limited(path, str(path))
    try:
        snapshot = Snapshot.take(path, raw)
    except OSError as error:
        raise InputError([Problem(str(path), str(error.strerror or error), "unreadable")]) from error
    return load_profile_bytes(raw, str(path)).profile, snapshot


def _show_report(path: Path, lang: Lang) -> None:
    """Show the report for the new profile, then say how to see it again after editing."""
    from iza_check.cli.main import show_report

    click.echo("")
    try:
        show_report(path, lang)
    except (SystemExit, click.exceptions.Exit):
        # The report may end with a findings exit code; the profile itself was saved fine.
        pass
    except Exception as error:  # the profile is saved; a report failure must not hide that
        click.echo(_t("report_failed", lang, path=path, reason=error), err=True)
        return
    click.echo("")
    click.echo(_t("next", lang, path=path))
