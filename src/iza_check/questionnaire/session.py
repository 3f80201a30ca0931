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
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from iza_check.profile import model as pm
from iza_check.questionnaire.answers import (
    NO,
    NONE_WORDS,
    PLANNED_WORDS,
    UNKNOWN_WORDS,
    YES,
    Invalid,
    _parse_date,
    check_text,
    choice_label,
    format_number,
    human_date,
    normalise,
    numbered_choices,
    parse_choice,
    parse_date,
    parse_int,
    parse_multi,
    parse_number,
    parse_url,
    shorten_answer,
)
from iza_check.questionnaire.questions import (
    CATALOGUE,
    LABELS,
    MISSING,
    SECTION_KEYS,
    TOELICHTING,
    Data,
    FieldPath,
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
from iza_check.questionnaire.texts import UI, ui

Ask = Callable[[str], str]
Say = Callable[[str], None]
# The fact path (``toegang.indicatie_nodig``, ``aanbod[2].verwijzing_nodig``) -> the rules it keeps from voldoet.
Gaps = Mapping[str, frozenset[str]]

PROMPT = "> "
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


class QuestionnaireAborted(Exception):
    """The person stopped: the input ended (Ctrl-D) or Ctrl-C was confirmed. No profile must be written.

    ``interrupted`` is True for Ctrl-C (the CLI exits 130), False for the end of the input.
    """

    def __init__(self, *, interrupted: bool = False) -> None:
        super().__init__("stopped with Ctrl-C" if interrupted else "the input ended")
        self.interrupted = interrupted


class AnswersInvalid(ValueError):
    """All questions were answered, but together they do not make a valid profile.

    ``data`` holds every answer, so the caller can keep them (``init`` saves them beside the profile).
    """

    def __init__(self, data: dict[str, Any], error: ValidationError) -> None:
        super().__init__(str(error))
        self.data = data
        self.error = error


class _Special(Enum):
    UNKNOWN = "unknown"
    PLANNED = "planned"


# The answer "geen" to a text question with a ``none_flag`` (the cao question).
_NONE_MARK: Any = object()
# The current state "no name, but the flag says false" (``geen_cao: false``: a cao applies, name not given).
_FLAG_FALSE_MARK: Any = object()


def answer_flow() -> str:
    """Which questions follow which answers: typed answers saved under another flow are not replayed."""
    return f"{ANSWER_FLOW_VERSION}-{catalogue_fingerprint()}"


@cache
def _adapter(root: type[BaseModel], path: FieldPath) -> TypeAdapter[Any]:
    info = field_info(root, path)
    annotation: Any = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return TypeAdapter(annotation)


@cache
def _bounds(root: type[BaseModel], path: FieldPath) -> dict[str, Any]:
    """minimum/maximum/minLength/maxLength as the model states them (one source of truth)."""
    schema = _adapter(root, path).json_schema()
    found: dict[str, Any] = {}

    def walk(node: Mapping[str, Any]) -> None:
        for key in ("minimum", "maximum", "minLength", "maxLength"):
            if key in node:
                found[key] = node[key]
        for option in node.get("anyOf", ()):
            walk(option)

    walk(schema)
    return found


def _plan_default_date(today: dt.date) -> dt.date:
    """The first day of the month, about six months ahead: a sensible first suggestion."""
    month = today.month + 6
    return dt.date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


# ---------------------------------------------------------------------------------------- the engine

@dataclass
class Stats:
    answered: int = 0
    unknown: int = 0
    planned: int = 0


@dataclass
class Questionnaire:
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

    ask: Ask
    say: Say
    lang: Lang = "nl"
    existing: pm.Profile | None = None
    today: dt.date = field(default_factory=dt.date.today)
    current: str = ""
    stats: Stats = field(default_factory=Stats)
    # The answers so far, as profile data (kept by the caller when the profile cannot be saved).
    data: Data = field(default_factory=dict)
    sections: frozenset[str] | None = None
    only_open: bool = False
    gaps: Gaps = field(default_factory=dict)
    replay: Sequence[str] = ()
    replay_sessions: Sequence[tuple[int, Lang, dt.date]] = ()
    checkpoint: Callable[[Questionnaire], str | None] | None = None
    # Every answer read, in order (replayed ones first): what a checkpoint saves.
    log: list[str] = field(default_factory=list)
    # Where the last checkpoint saved the answers (None: not saved, or nothing to save yet).
    saved_in: str | None = None
    _number: int = 0
    _item_prefix: FieldPath = ()
    _pending: deque[str] = field(default_factory=deque)
    _live: tuple[Lang, dt.date] | None = None
    _saved_count: int = 0
    # The lines of the question being asked, to show again after a Ctrl-C or a resume.
    _block: list[str] = field(default_factory=list)
    _part: str = ""
    _header: str | None = None

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

    # ----------------------------------------------------------------------------------- reading

    def _say(self, line: str) -> None:
        """Show a line (not while replaying an earlier session) and remember it as part of the question."""
        self._block.append(line)
        if self._live is None:
            self.say(line)

    def _as_typed(self, index: int) -> None:
        """While replaying: the language and the day the answer with this index was typed in."""
        for start, lang, today in self.replay_sessions:
            if start <= index:
                self.lang, self.today = lang, today

    def _read(self) -> str:
        if self._pending:
            self._as_typed(len(self.log))
            line = self._pending.popleft()
            self.log.append(line)
            return line
        if self._live is not None:
            self._end_replay(show=True)
        self._save_progress()
        while True:
            try:
                line = self.ask(PROMPT)
            except EOFError as stop:
                raise QuestionnaireAborted(interrupted=False) from stop
            except KeyboardInterrupt as stop:
                if self._confirm_stop():
                    raise QuestionnaireAborted(interrupted=True) from stop
                continue
            except UnicodeDecodeError:
                self._error(ui("err.read", self.lang))
                continue
            self.log.append(line)
            return line

    def _save_progress(self) -> None:
        if self.checkpoint is None or len(self.log) == self._saved_count:
            return
        self._saved_count = len(self.log)
        self.saved_in = self.checkpoint(self)

    def _confirm_stop(self) -> bool:
        """After Ctrl-C: stop only when the person says so; a second Ctrl-C or the end of input also stops."""
        if not self.log:
            question = ui("stop.nothing", self.lang)
        elif self.saved_in is not None:
            question = ui("stop.saved", self.lang, place=self.saved_in)
        else:
            question = ui("stop.unsaved", self.lang)
        self.say("")
        self.say(question)
        try:
            word = normalise(self.ask(PROMPT))
        except (EOFError, KeyboardInterrupt):
            return True
        except UnicodeDecodeError:
            word = ""
        if word in YES:
            return True
        self.say(ui("stop.go_on", self.lang))
        self.say("")
        for line in self._block:
            self.say(line)
        return False

    def _end_replay(self, *, show: bool) -> None:
        """The earlier session's answers are all read: from here on, show and ask as usual."""
        assert self._live is not None
        self.lang, self.today = self._live
        self._live = None
        if show:
            self.say("")
            self.say(f"== {ui('resumed', self.lang, part=self._part)} ==")
            for line in self._block:
                self.say(line)

    def _error(self, text: str) -> None:
        self._say(f"   ! {text}")

    def _start_block(self) -> None:
        """A new question begins: what a Ctrl-C or a resume shows again starts here."""
        self._block = []
        if self._header is not None:
            header, self._header = self._header, None
            self._say("")
            self._say(header)

    def _show(self, text: str, why: str, options: Sequence[str], hint: str, notes: Sequence[str] = ()) -> None:
        self._number += 1
        self._say("")
        self._start_block()
        self._say(f"{self._number}. {text}")
        for line in notes:
            self._say(line)
        self._say(f"   {ui('why', self.lang)}: {why}")
        for line in options:
            self._say(line)
        self._say(f"   {hint}")

    # ---------------------------------------------------------------------------- fact questions

    def _fact(self, q: Question, data: Data, container: Data, area: str | None,
              root: type[BaseModel] = pm.Profile, *, gap_key: str | None = None,
              plan_area: str | None = None) -> None:
        """Ask ``q`` and store the answer in ``container`` (the profile, or one item of a list)."""
        if q.when is not None and not q.when(container):
            return
        path = q.path
        self.current = q.key if root is pm.Profile else f"{'.'.join(self._item_prefix)}.{q.key}"
        current = _get(container, path)
        if q.none_flag is not None and current is MISSING:
            flag = _get(container, (*path[:-1], q.none_flag))
            if flag is True:
                current = _NONE_MARK
            elif flag is False:
                current = _FLAG_FALSE_MARK
        if self.only_open and current is not MISSING:
            allowed = frozenset(q.serves) if root is pm.Profile else None
            self._gap_plan(q, root, current, gap_key or q.key, allowed, plan_area or area, data)
            return
        plannable = q.plannable and area is not None
        while True:
            answer = self._ask_value(q, root, path, current, plannable, container)
            if answer is not _Special.PLANNED:
                break
            assert area is not None and q.step is not None
            if self._record_plan(area, q.serves, q.step, data):
                self.stats.planned += 1
                if q.kind == "yesno" and q.good is not None:
                    _set(container, path, not q.good)
                return
            self._say(f"   {ui('plan.ask_again', self.lang)}")
        if answer is _Special.UNKNOWN:
            self.stats.unknown += 1
            _delete(container, path)
            if q.none_flag is not None:
                _delete(container, (*path[:-1], q.none_flag))
            return
        self.stats.answered += 1
        if answer is _FLAG_FALSE_MARK:
            return  # Enter kept "a cao applies, name not given" (geen_cao: false) as it was
        if q.none_flag is not None:
            if answer is _NONE_MARK:
                _delete(container, path)
                _set(container, (*path[:-1], q.none_flag), True)
                return
            _delete(container, (*path[:-1], q.none_flag))
        _set(container, path, answer)

    def _ask_value(self, q: Question, root: type[BaseModel], path: FieldPath, current: Any, plannable: bool,
                   container: Data) -> Any:
        lang = self.lang
        enum = enum_of(root, path) if q.kind in ("choice", "multi") else None
        options = numbered_choices(enum, lang) if enum is not None else []
        allow_unknown = not q.required
        default_text = (
            self._display(q, enum, current) if current is not MISSING
            else (ui("unknown_value", lang) if allow_unknown else None)
        )
        hint_parts = [self._hint(q, root, path, container)]
        if allow_unknown:
            hint_parts.append(ui("hint.unknown", lang))
        if plannable:
            hint_parts.append(ui("hint.planned", lang))
        hint = " / ".join(hint_parts) if q.kind == "yesno" else "; ".join(hint_parts)
        if default_text is not None:
            hint += f"   [{ui('enter', lang, value=default_text)}]"
        self._show(q.text(lang), q.why(lang), options, hint)
        while True:
            raw = self._read()
            word = normalise(raw)
            if word == "":
                if current is not MISSING:
                    return current
                if allow_unknown:
                    return _Special.UNKNOWN
                self._error(ui("err.required", lang))
                continue
            if word in UNKNOWN_WORDS:
                if allow_unknown:
                    return _Special.UNKNOWN
                self._error(ui("err.required", lang))
                continue
            if word in PLANNED_WORDS:
                if plannable:
                    return _Special.PLANNED
                if q.kind != "text":
                    self._error(ui("err.no_planned", lang))
                    continue
            try:
                value = self._parse(q, root, path, raw, word, enum, container, plannable)
            except Invalid as invalid:
                self._error(invalid.text(lang))
                continue
            if q.kind == "date":
                self._say(f"   {ui('date.understood', lang, date=human_date(value, lang))}")
            return value

    def _hint(self, q: Question, root: type[BaseModel], path: FieldPath, container: Data) -> str:
        lang = self.lang
        if q.kind == "integer":
            lo, hi = self._int_bounds(root, path, container, q)
            if hi >= 10_000:
                return ui("hint.integer_open", lang) if lo == 0 else ui("hint.integer", lang, lo=lo, hi=hi)
            return ui("hint.integer", lang, lo=lo, hi=hi)
        if q.kind == "text" and q.none_flag is not None:
            return ui("hint.text_none", lang)
        return ui(f"hint.{q.kind}", lang)

    def _int_bounds(self, root: type[BaseModel], path: FieldPath, container: Data, q: Question) -> tuple[int, int]:
        bounds = _bounds(root, path)
        lo = int(bounds.get("minimum", 0))
        hi = int(bounds.get("maximum", 10_000_000))
        if path[-1] == "opgericht":
            hi = min(hi, self.today.year)
        if q.at_most is not None:
            limit = _get(container, q.at_most)
            if isinstance(limit, int) and not isinstance(limit, bool):
                hi = min(hi, limit)
        return lo, hi

    def _display(self, q: Question, enum: type[Enum] | None, value: Any) -> str:
        lang = self.lang
        if value is _NONE_MARK:
            return ui("none_list", lang)
        if value is _FLAG_FALSE_MARK:
            return ui("flag_false", lang)
        if q.kind == "yesno":
            return ui("yes" if value else "no", lang)
        if q.kind == "choice" and enum is not None:
            values = [member.value for member in enum]
            return f"{values.index(value) + 1}. {choice_label(enum, value, lang)}"
        if q.kind == "multi" and enum is not None:
            if not value:
                return ui("none_list", lang)
            values = [member.value for member in enum]
            return ",".join(str(values.index(v) + 1) for v in value)
        if q.kind == "evidence":
            names = [str(entry.get("document") or entry.get("url") or entry.get("datum", "")) for entry in value]
            return shorten_answer("; ".join(names), 60) if names else ui("none_list", lang)
        if q.kind == "number":
            text = format_number(value)
            return text.replace(".", ",") if lang == "nl" else text
        if isinstance(value, dt.date):
            return human_date(value, lang)
        text = str(value)
        return text if len(text) <= 60 else text[:57] + "..."

    def _parse(self, q: Question, root: type[BaseModel], path: FieldPath, raw: str, word: str,
               enum: type[Enum] | None, container: Data, plannable: bool) -> Any:
        value: Any
        if q.kind == "yesno":
            if word in YES:
                value = True
            elif word in NO:
                value = False
            else:
                extra = "" if q.required else ui("err.yesno_extra_unknown", self.lang)
                if plannable:
                    extra += ui("err.yesno_extra_planned", self.lang)
                raise Invalid(UI["err.yesno"], extra=extra)
        elif q.kind == "choice":
            assert enum is not None
            value = parse_choice(enum, word)
        elif q.kind == "multi":
            assert enum is not None
            value = parse_multi(enum, word)
        elif q.kind == "integer":
            value = parse_int(word)
            lo, hi = self._int_bounds(root, path, container, q)
            if value < lo:
                raise Invalid(UI["err.low"], lo=lo)
            if value > hi:
                if q.at_most is not None and _get(container, q.at_most) == hi:
                    raise Invalid(UI["err.more_than_paid"], hi=hi)
                raise Invalid(UI["err.high"], hi=hi)
        elif q.kind == "number":
            value = parse_number(word)
            bounds = _bounds(root, path)
            if value < bounds.get("minimum", 0):
                raise Invalid(UI["err.low"], lo=format_number(bounds.get("minimum", 0)))
            if "maximum" in bounds and value > bounds["maximum"]:
                raise Invalid(UI["err.high"], hi=format_number(bounds["maximum"]))
        elif q.kind == "date":
            value = _parse_date(word, self.lang)
            if value > self.today:
                raise Invalid(UI["err.date_future"])
            if value.year < 1900:
                raise Invalid(UI["err.date_old"])
        elif q.kind == "url":
            value = parse_url(raw.strip())
        elif q.kind == "evidence":
            value = self._evidence(raw.strip(), word, root, path, container)
        else:
            text = raw.strip()
            if q.none_flag is not None and word in NONE_WORDS:
                return _NONE_MARK
            value = check_text(text, _bounds(root, path))
        try:
            _adapter(root, path).validate_python(value)
        except ValidationError as error:
            raise Invalid(UI["err.model"]) from error
        return value

    def _evidence(self, text: str, word: str, root: type[BaseModel], path: FieldPath, container: Data) -> list[Any]:
        """The evidence list with the new entry added: a web address as ``url``, anything else as ``document``."""
        if word in NONE_WORDS:
            return []
        current = _get(container, path)
        entries = [dict(entry) for entry in current] if isinstance(current, list) else []
        looks_like_url = " " not in text and (word.startswith(("http://", "https://", "www.")))
        if looks_like_url:
            entry: Data = {"url": parse_url(text)}
        else:
            entry = {"document": check_text(text, _bounds(pm.Bewijs, ("document",)))}
        if entry not in entries:
            entries.append(entry)
        return entries

    # ------------------------------------------------------------------------------------- plans

    def _record_plan(self, area: str, serves: Sequence[str], example: Text | None, data: Data) -> bool:
        """Ask for the next step in the person's own words and its target date; an empty step is no plan."""
        lang = self.lang
        self._say(f"   {ui('plan.intro', lang)}")
        base = self.current
        self.current = f"{base}.stap"
        stap = self._ask_plan_step(example)
        if stap is None:
            self._say(f"   {ui('plan.none', lang)}")
            self.current = base
            return False
        self.current = f"{base}.streefdatum"
        streefdatum = self._ask_target_date()
        plan = {"betreft": list(serves), "stap": stap, "streefdatum": streefdatum}
        plans = data.setdefault(area, {}).setdefault("in_ontwikkeling", [])
        if plan not in plans:
            plans.append(plan)
        self.current = base
        return True

    def _ask_plan_step(self, example: Text | None) -> str | None:
        lang = self.lang
        self._start_block()
        self._say(f"   {ui('plan.step', lang)}")
        if example is not None:
            self._say(f"   {ui('plan.example', lang, example=example(lang))}")
        self._say(f"   [{ui('enter', lang, value=ui('plan.no_plan', lang))}]")
        while True:
            raw = self._read().strip()
            if raw == "":
                return None
            if normalise(raw) in YES | NO | UNKNOWN_WORDS | PLANNED_WORDS:
                self._error(ui("err.plan_words", lang))
                continue
            try:
                return check_text(raw, _bounds(pm.Plan, ("stap",)))
            except Invalid as invalid:
                self._error(invalid.text(lang))

    def _ask_target_date(self) -> dt.date:
        lang = self.lang
        default = _plan_default_date(self.today)
        self._start_block()
        self._say(f"   {ui('plan.date', lang)}")
        self._say(f"   [{ui('enter', lang, value=human_date(default, lang))}]")
        while True:
            word = normalise(self._read())
            if word == "":
                return default
            try:
                value = _parse_date(word, lang)
                if value < self.today:
                    raise Invalid(UI["err.date_past"], today=human_date(self.today, lang))
                if value > self.today + dt.timedelta(days=3653):
                    raise Invalid(UI["err.date_far"])
            except Invalid as invalid:
                self._error(invalid.text(lang))
                continue
            self._say(f"   {ui('date.understood', lang, date=human_date(value, lang))}")
            return value

    def _plan_offer(self, offer: PlanOffer, data: Data) -> None:
        if self._planned_for(frozenset(offer.serves), data):
            return
        self.current = offer.key
        answer = self._yes_no(offer.text(self.lang), offer.why(self.lang), default=None)
        if answer is True:
            if self._record_plan(offer.area, offer.serves, offer.step, data):
                self.stats.planned += 1
        elif answer is False:
            self.stats.answered += 1
        else:
            self.stats.unknown += 1

    def _planned_for(self, rules: frozenset[str], data: Data) -> bool:
        """Whether a current plan (not marked done) already names one of ``rules``."""
        return any(
            rules & set(plan.get("betreft", ())) and plan.get("gerealiseerd") is not True
            for plan in _all_plans(data)
        )

    def _gap_plan(self, q: Question, root: type[BaseModel], current: Any, key: str,
                  allowed: frozenset[str] | None, area: str | None, data: Data) -> None:
        """Only-open mode, a fact already answered: a plan is asked for only where it causes a gap."""
        rules = self.gaps.get(key, frozenset())
        if allowed is not None:
            rules &= allowed
        if not rules or area is None or self._planned_for(rules, data):
            return
        enum = enum_of(root, q.path) if q.kind in ("choice", "multi") else None
        shown = self._display(q, enum, current)
        self._offer_gap_plan(q.text(self.lang), shown, key, area, rules, q.step, data)

    def _offer_gap_plan(self, text: str, shown: str, key: str, area: str, rules: frozenset[str],
                        example: Text | None, data: Data) -> None:
        lang = self.lang
        self.current = f"{key}.plan"
        notes = (f"   {ui('gap.now', lang, value=shown)}", f"   {ui('gap.offer', lang)}")
        wanted = self._yes_no(text, ui("gap.why", lang), default=False, allow_unknown=False, notes=notes)
        if wanted and self._record_plan(area, _rule_order(rules), example, data):
            self.stats.planned += 1

    def _earlier_plans(self, area: str, data: Data, indexes: Sequence[int]) -> None:
        plans = data.get(area, {}).get("in_ontwikkeling", [])
        for index in indexes:
            plan = plans[index]
            if plan.get("gerealiseerd") is True:
                continue
            self.current = f"{area}.in_ontwikkeling.gerealiseerd"
            datum = plan.get("streefdatum")
            text = ui("plan.existing", self.lang, stap=shorten_answer(plan["stap"]),
                      datum=human_date(datum, self.lang) if isinstance(datum, dt.date) else ui("no_date", self.lang))
            answer = self._yes_no(text, ui("plan.existing_why", self.lang), default=plan.get("gerealiseerd"))
            if answer is None:
                plan.pop("gerealiseerd", None)
            else:
                plan["gerealiseerd"] = answer
                self.stats.answered += 1

    def _yes_no(self, text: str, why: str, default: bool | None, allow_unknown: bool = True,
                notes: Sequence[str] = ()) -> bool | None:
        """A yes/no question outside the catalogue (no field path of its own)."""
        lang = self.lang
        if default is None:
            shown = ui("unknown_value", lang) if allow_unknown else None
        else:
            shown = ui("yes" if default else "no", lang)
        hint = ui("hint.yesno", lang) + (f" / {ui('hint.unknown', lang)}" if allow_unknown else "")
        if shown is not None:
            hint += f"   [{ui('enter', lang, value=shown)}]"
        self._show(text, why, (), hint, notes)
        while True:
            word = normalise(self._read())
            if word == "":
                if default is not None or allow_unknown:
                    return default
            elif word in YES:
                return True
            elif word in NO:
                return False
            elif word in UNKNOWN_WORDS and allow_unknown:
                return None
            extra = ui("err.yesno_extra_unknown", lang) if allow_unknown else ""
            self._error(ui("err.yesno", lang, extra=extra))

    # ------------------------------------------------------------------------------------- items

    def _items(self, group: ItemGroup, data: Data) -> None:
        lang = self.lang
        existing = _get(data, group.path)
        if self.only_open and existing is not MISSING:
            self._open_items(group, data, existing if isinstance(existing, list) else [])
            return
        items: list[Data] = list(existing) if isinstance(existing, list) else []
        current: Any = MISSING if existing is MISSING else bool(items)
        intro = Question(group.path, "yesno", group.intro, group.why, group.serves, True, step=group.step)
        while True:
            self.current = group.key
            answer = self._ask_value(intro, _IntroModel, ("value",), current, intro.plannable, {})
            if answer is not _Special.PLANNED:
                break
            assert group.step is not None
            if self._record_plan(group.plan_area, group.serves, group.step, data):
                self.stats.planned += 1
                if existing is MISSING:
                    _set(data, group.path, [])
                return
            self._say(f"   {ui('plan.ask_again', lang)}")
        if answer is _Special.UNKNOWN:
            self.stats.unknown += 1
            _delete(data, group.path)
            return
        self.stats.answered += 1
        if answer is False:
            _set(data, group.path, [])
            return
        noun = group.noun(lang)
        kept: list[Data] = []
        self._item_prefix = group.path
        try:
            for number, item in enumerate(items, start=1):
                self.current = f"{group.key}.houden"
                name = str(item.get("naam", ""))
                keep = self._yes_no(ui("item.keep", lang, noun=noun, n=number, name=name),
                                    ui("item.keep_why", lang, noun=noun), default=True, allow_unknown=False)
                if keep:
                    self._item(group, item)
                    kept.append(item)
                # The answers so far, for a checkpoint: kept items, and the ones still to be reviewed.
                _set(data, group.path, kept + items[number:])
            if not items:
                self._say(f"\n   -- {ui('item.first', lang, noun=noun.capitalize(), n=1)} --")
                kept.append({})
                _set(data, group.path, kept)
                self._item(group, kept[-1])
            while True:
                self.current = f"{group.key}.nog_een"
                more = self._yes_no(ui("item.more", lang, noun=noun), ui("item.more_why", lang), default=False,
                                    allow_unknown=False)
                if not more:
                    break
                self._say(f"\n   -- {ui('item.first', lang, noun=noun.capitalize(), n=len(kept) + 1)} --")
                kept.append({})
                _set(data, group.path, kept)
                self._item(group, kept[-1])
        finally:
            self._item_prefix = ()
        _set(data, group.path, kept)

    def _item(self, group: ItemGroup, item: Data) -> Data:
        for question in group.questions:
            self._fact(question, item, item, None, root=group.model)
        return item

    def _open_items(self, group: ItemGroup, data: Data, items: list[Data]) -> None:
        """Only-open mode, a list already given: each item's open facts, then a plan where the list falls short."""
        lang = self.lang
        noun = group.noun(lang).capitalize()
        self._item_prefix = group.path
        try:
            for index, item in enumerate(items):
                self._header = f"   -- {ui('item.named', lang, noun=noun, n=index + 1, name=item.get('naam', ''))} --"
                for question in group.questions:
                    self._fact(question, item, item, None, root=group.model,
                               gap_key=f"{group.key}[{index}].{question.key}", plan_area=group.plan_area)
                self._header = None
        finally:
            self._item_prefix = ()
            self._header = None
        rules = self.gaps.get(group.key, frozenset()) & frozenset(group.serves)
        if rules and not self._planned_for(rules, data):
            names = [str(item.get("naam", "")) for item in items]
            shown = shorten_answer(", ".join(names), 60) if names else ui("none_list", lang)
            self._offer_gap_plan(group.intro(lang), shown, group.key, group.plan_area, rules, group.step, data)

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


def _rule_order(rules: frozenset[str]) -> list[str]:
    """Criterion codes in a stable, readable order: K1 before K10, K before Q."""
    def key(code: str) -> tuple[str, int, str]:
        match = re.fullmatch(r"([A-Za-z]+)(\d*)(.*)", code)
        if match is None:
            return (code, 0, "")
        letters, number, rest = match.groups()
        return (letters, int(number) if number else 0, rest)

    return sorted(rules, key=key)


class _IntroModel(BaseModel):
    """Stands in for the field of a list's opening yes/no question, which has none in the profile."""

    value: bool | None = None


def _set(data: Data, path: FieldPath, value: Any) -> None:
    node = data
    for key in path[:-1]:
        child = node.get(key)
        if not isinstance(child, dict):
            child = {}
            node[key] = child
        node = child
    node[path[-1]] = value


def _delete(data: Data, path: FieldPath) -> None:
    node: Any = data
    for key in path[:-1]:
        node = node.get(key) if isinstance(node, dict) else None
        if node is None:
            return
    if isinstance(node, dict):
        node.pop(path[-1], None)


def _prune(data: Data) -> None:
    """Drop mappings left empty (an area without facts is the same as no area); lists keep meaning."""
    for key in list(data):
        value = data[key]
        if isinstance(value, dict):
            _prune(value)
            if not value and key != "initiatief":
                del data[key]


def _all_plans(data: Data) -> Iterator[Mapping[str, Any]]:
    for value in data.values():
        if isinstance(value, dict):
            yield from value.get("in_ontwikkeling", ())


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
