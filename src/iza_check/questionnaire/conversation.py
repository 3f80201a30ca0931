"""One session's state and its side of the conversation: showing lines, reading answers (those of an earlier
session first, silently), saving at checkpoints and asking before stopping on Ctrl-C.

The kinds of question are layers on top of it, each in its own module: :mod:`~iza_check.questionnaire.plans`,
:mod:`~iza_check.questionnaire.facts`, :mod:`~iza_check.questionnaire.items`; :class:`Questionnaire` in
:mod:`~iza_check.questionnaire.session` runs them in catalogue order.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from iza_check.profile import model as pm
from iza_check.questionnaire.answers import YES, normalise
from iza_check.questionnaire.questions import Data, FieldPath, Lang
from iza_check.questionnaire.texts import ui

if TYPE_CHECKING:
    from iza_check.questionnaire.session import Questionnaire

Ask = Callable[[str], str]
Say = Callable[[str], None]
# The fact path (``toegang.indicatie_nodig``, ``aanbod[2].verwijzing_nodig``) -> the rules it keeps from voldoet.
Gaps = Mapping[str, frozenset[str]]

PROMPT = "> "


class QuestionnaireAborted(Exception):
    """The person stopped: the input ended (Ctrl-D) or Ctrl-C was confirmed. No profile must be written.

    ``interrupted`` is True for Ctrl-C (the CLI exits 130), False for the end of the input.
    """

    def __init__(self, *, interrupted: bool = False) -> None:
        super().__init__("stopped with Ctrl-C" if interrupted else "the input ended")
        self.interrupted = interrupted


@dataclass
class Stats:
    answered: int = 0
    unknown: int = 0
    planned: int = 0


@dataclass
class Conversation:
    """The fields of a session (described at :class:`Questionnaire`) and how it shows and reads."""

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
        # Only ever a Questionnaire's conversation; the hook is typed for the whole session it saves.
        self.saved_in = self.checkpoint(cast("Questionnaire", self))

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
