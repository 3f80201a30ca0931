"""The self-assessment questionnaire behind ``iza-check init``: the engine that asks the questions.

The questions themselves (texts, the field each fills, plain labels) are data in
:mod:`iza_check.questionnaire.questions`. The engine asks them through an injected ``ask`` (reads one answer)
and ``say`` (shows one line); it never touches a terminal, so every path is testable with scripted answers.

Answers that are not facts have their own words: ``?`` (weet ik niet) leaves the field out, so it is
*onbekend* later; ``g`` (gepland) records an ``in_ontwikkeling`` plan, in the initiative's own words, for
the criteria that field serves.

Every answer typed is kept in :attr:`Questionnaire.log`, and a ``checkpoint`` hook may save it before each
new question: a stopped session can then be resumed by replaying those answers (``replay``), which brings the
questionnaire back to exactly the question where it stopped. Ctrl-C asks before stopping.

The session is built in layers, one module each: :mod:`~iza_check.questionnaire.conversation` (its state, showing
and reading, checkpoints, Ctrl-C), :mod:`~iza_check.questionnaire.plans`, :mod:`~iza_check.questionnaire.facts`
and :mod:`~iza_check.questionnaire.items` (the kinds of question); :class:`Questionnaire` here runs the sections.
Profile data by field path is :mod:`~iza_check.questionnaire.fields`.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import ValidationError

from iza_check.profile import model as pm
from iza_check.questionnaire.answers import (
    UNKNOWN_WORDS,
    Invalid,
    check_text,
    human_date,
    normalise,
    parse_date,
    shorten_answer,
)
from iza_check.questionnaire.conversation import PROMPT, Ask, Gaps, QuestionnaireAborted, Say, Stats
from iza_check.questionnaire.fields import bounds as _bounds
from iza_check.questionnaire.fields import delete_value as _delete
from iza_check.questionnaire.fields import prune as _prune
from iza_check.questionnaire.fields import set_value as _set
from iza_check.questionnaire.items import ItemQuestions
from iza_check.questionnaire.questions import (
    CATALOGUE,
    LABELS,
    MISSING,
    SECTION_KEYS,
    TOELICHTING,
    Data,
    ItemGroup,
    Lang,
    PlanOffer,
    Question,
    Section,
    Text,
    catalogue_fingerprint,
    enum_of,
    field_info,
    iter_questions,
)
from iza_check.questionnaire.questions import get_value as _get
from iza_check.questionnaire.texts import ui

# Bumped when the same typed answers could lead somewhere else: a saved session then is not replayed.
ANSWER_FLOW_VERSION = 2

__all__ = [
    "CATALOGUE",
    "LABELS",
    "PROMPT",
    "SECTION_KEYS",
    "AnswersInvalid",
    "ItemGroup",
    "PlanOffer",
    "Question",
    "Questionnaire",
    "QuestionnaireAborted",
    "Section",
    "Stats",
    "Text",
    "answer_flow",
    "enum_of",
    "field_info",
    "human_date",
    "iter_questions",
    "parse_date",
    "run_questionnaire",
    "ui",
]


class AnswersInvalid(ValueError):
    """All questions were answered, but together they do not make a valid profile.

    ``data`` holds every answer, so the caller can keep them (``init`` saves them beside the profile).
    """

    def __init__(self, data: dict[str, Any], error: ValidationError) -> None:
        super().__init__(str(error))
        self.data = data
        self.error = error


def answer_flow() -> str:
    """Which questions follow which answers: typed answers saved under another flow are not replayed."""
    return f"{ANSWER_FLOW_VERSION}-{catalogue_fingerprint()}"


class Questionnaire(ItemQuestions):
    """Asks every question once, in catalogue order, and returns a validated :class:`Profile`.

    ``current`` names the field being asked (``toegang.indicatie_nodig``, ``aanbod.naam``,
    ``kwaliteit.klachtenprocedure.aanwezig.stap``); scripted answerers in tests key on it.

    The scope can be narrowed for an update: ``sections`` (keys of :data:`SECTION_KEYS`) asks only those
    sections; ``only_open`` skips every fact that is already answered and, where ``gaps`` names a known fact
    as the cause of a gap that no current plan covers yet, asks whether there is a plan for it.

    ``replay`` are answers typed in an earlier session that stopped (:attr:`log` of that session): they are
    read first, silently, which brings the questionnaire back to where it stopped. ``replay_sessions`` say in
    which language and on which day they were typed: ``(first answer, lang, today)`` per session, so that
    each is read again exactly as it was then. ``checkpoint`` is called before each question that follows a new
    answer; it saves the session and returns where (or None when it could not).
    """

    def run(self) -> pm.Profile:
        # exclude_unset, not exclude_defaults: what the file says stays said, also when it equals a default
        # (``bewijs: []`` is "none", not "unknown").
        data: Data = (
            self.existing.model_dump(mode="python", exclude_none=True, exclude_unset=True)
            if self.existing is not None
            else {}
        )
        self.data = data
        self._pending = deque(self.replay)
        self._saved_count = len(self._pending)
        if self._pending:
            self._live = (self.lang, self.today)
            self._as_typed(0)
        earlier_plans = {
            area: list(range(len(data.get(area, {}).get("in_ontwikkeling", ()))))
            for area in data
            if isinstance(data.get(area), dict)
        }
        sections = [s for s in CATALOGUE if self.sections is None or s.key in self.sections]
        self._say(ui("welcome", self.lang))
        self._say(ui("howto", self.lang))
        if self.existing is not None:
            self._say(ui("update", self.lang))
        if self.sections is not None:
            self._say(ui("scope.sections", self.lang, names=", ".join(s.key for s in sections)))
        if self.only_open:
            self._say(ui("scope.open", self.lang))
        for number, section in enumerate(sections, start=1):
            self._part = f"{ui('part', self.lang, n=number, total=len(sections))}: {section.title(self.lang)}"
            self._say("")
            self._say(f"== {self._part} ==")
            self._say(section.intro(self.lang))
            asked = self._number
            self._section(section, data, earlier_plans.get(section.key, []))
            if self.only_open and self._number == asked:
                self._say(ui("scope.nothing", self.lang))
        if self._live is not None:
            self._end_replay(show=False)
        data["versie"] = 1
        _prune(data)
        try:
            profile = pm.Profile.model_validate(data)
        except ValidationError as error:
            raise AnswersInvalid(data, error) from error
        self._say("")
        self._say(ui("done", self.lang, answered=self.stats.answered, unknown=self.stats.unknown,
                     planned=self.stats.planned))
        return profile

    def _section(self, section: Section, data: Data, earlier: Sequence[int]) -> None:
        for step in section.steps:
            if isinstance(step, Question):
                self._fact(step, data, data, section.key)
            elif isinstance(step, ItemGroup):
                self._items(step, data)
            elif step.when(data):
                self._plan_offer(step, data)
        if section.is_area:
            self._earlier_plans(section.key, data, earlier)
            if not self.only_open:
                self._toelichting(section.key, data)

    # --------------------------------------------------------------------------------- toelichting

    def _toelichting(self, area: str, data: Data) -> None:
        self.current = f"{area}.toelichting"
        path = (area, "toelichting")
        current = _get(data, path)
        lang = self.lang
        if current is MISSING:
            hint = f"{ui('hint.toelichting', lang)}   [{ui('enter', lang, value=ui('nothing', lang))}]"
        else:
            shown = shorten_answer(str(current), 50)
            hint = f"{ui('hint.toelichting_replace', lang)}   [{ui('enter', lang, value=shown)}]"
        self._show(TOELICHTING[0](lang), TOELICHTING[1](lang), (), hint)
        while True:
            raw = self._read()
            word = normalise(raw)
            if word == "":
                return
            if word in UNKNOWN_WORDS or word == "-":
                _delete(data, path)
                return
            try:
                text = check_text(raw.strip(), _bounds(pm.Profile, path))
            except Invalid as invalid:
                self._error(invalid.text(lang))
                continue
            _set(data, path, text)
            self.stats.answered += 1
            return


def run_questionnaire(ask: Ask, say: Say, *, lang: Lang = "nl", existing: pm.Profile | None = None,
                      today: dt.date | None = None, sections: Sequence[str] | None = None,
                      only_open: bool = False, gaps: Gaps | None = None, replay: Sequence[str] = (),
                      replay_sessions: Sequence[tuple[int, Lang, dt.date]] = (),
                      checkpoint: Callable[[Questionnaire], str | None] | None = None) -> pm.Profile:
    """Ask the questions and return the validated profile.

    Raises :class:`QuestionnaireAborted` when the person stops, :class:`AnswersInvalid` when the answers
    together do not make a valid profile. See :class:`Questionnaire` for the other arguments.
    """
    questionnaire = Questionnaire(
        ask, say, lang, existing, today or dt.date.today(),
        sections=frozenset(sections) if sections else None, only_open=only_open, gaps=gaps or {},
        replay=tuple(replay), replay_sessions=tuple(replay_sessions), checkpoint=checkpoint,
    )
    return questionnaire.run()
