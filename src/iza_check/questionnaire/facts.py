"""The questions about facts: one field of the profile (or of one item of a list) asked, its answer read,
checked against the model and stored; in only-open mode a plan offered where a known fact causes a gap."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError

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
    parse_int,
    parse_multi,
    parse_number,
    parse_url,
    says_none,
    shorten_answer,
)
from iza_check.questionnaire.fields import FLAG_FALSE_MARK as _FLAG_FALSE_MARK
from iza_check.questionnaire.fields import NONE_MARK as _NONE_MARK
from iza_check.questionnaire.fields import Special as _Special
from iza_check.questionnaire.fields import adapter as _adapter
from iza_check.questionnaire.fields import bounds as _bounds
from iza_check.questionnaire.fields import delete_value as _delete
from iza_check.questionnaire.fields import set_value as _set
from iza_check.questionnaire.plans import PlanQuestions
from iza_check.questionnaire.questions import MISSING, Data, FieldPath, Question, criteria_of, enum_of
from iza_check.questionnaire.questions import get_value as _get
from iza_check.questionnaire.texts import UI, ui


class FactQuestions(PlanQuestions):
    """Asks one fact at a time; ``?`` leaves it out (onbekend), ``g`` records a plan instead."""

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
            allowed = frozenset(criteria_of(q)) if root is pm.Profile else None
            self._gap_plan(q, root, current, gap_key or q.key, allowed, plan_area or area, data)
            return
        plannable = q.plannable and area is not None
        while True:
            answer = self._ask_value(q, root, path, current, plannable, container)
            if answer is not _Special.PLANNED:
                break
            assert area is not None and q.step is not None
            if self._record_plan(area, criteria_of(q), q.step, data):
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
            if q.none_flag is not None and says_none(word):
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
