"""The questions about lists of items (``aanbod``, ``samenwerking``, …): whether there are any, each item's facts,
whether an existing item stays, and whether there is one more."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from iza_check.questionnaire.answers import shorten_answer
from iza_check.questionnaire.facts import FactQuestions
from iza_check.questionnaire.fields import Special as _Special
from iza_check.questionnaire.fields import delete_value as _delete
from iza_check.questionnaire.fields import set_value as _set
from iza_check.questionnaire.questions import MISSING, Data, ItemGroup, Question, criteria_of
from iza_check.questionnaire.questions import get_value as _get
from iza_check.questionnaire.texts import ui


class ItemQuestions(FactQuestions):
    """Asks a list item by item, each with the group's fact questions."""

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
            if self._record_plan(group.plan_area, criteria_of(group), group.step, data):
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
        rules = self.gaps.get(group.key, frozenset()) & frozenset(criteria_of(group))
        if rules and not self._planned_for(rules, data):
            names = [str(item.get("naam", "")) for item in items]
            shown = shorten_answer(", ".join(names), 60) if names else ui("none_list", lang)
            self._offer_gap_plan(group.intro(lang), shown, group.key, group.plan_area, rules, group.step, data)


class _IntroModel(BaseModel):
    """Stands in for the field of a list's opening yes/no question, which has none in the profile."""

    value: bool | None = None
