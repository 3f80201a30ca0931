"""The questions about plans: the next step and its target date when an answer is ``g`` (gepland), the offer of
a plan where a fact keeps a rule from voldoet, whether an earlier plan is done; and the yes/no question they
are asked with."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from iza_check.profile import model as pm
from iza_check.questionnaire.answers import (
    NO,
    PLANNED_WORDS,
    UNKNOWN_WORDS,
    YES,
    Invalid,
    _parse_date,
    check_text,
    human_date,
    normalise,
    shorten_answer,
)
from iza_check.questionnaire.conversation import Conversation
from iza_check.questionnaire.fields import all_plans as _all_plans
from iza_check.questionnaire.fields import bounds as _bounds
from iza_check.questionnaire.questions import Data, PlanOffer, Text
from iza_check.questionnaire.texts import UI, ui


def _plan_default_date(today: dt.date) -> dt.date:
    """The first day of the month, about six months ahead: a sensible first suggestion."""
    month = today.month + 6
    return dt.date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


class PlanQuestions(Conversation):
    """Asks for plans, in the person's own words, and records them in the area's ``in_ontwikkeling``."""

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


def _rule_order(rules: frozenset[str]) -> list[str]:
    """Criterion codes in a stable, readable order: K1 before K10, K before Q."""
    def key(code: str) -> tuple[str, int, str]:
        match = re.fullmatch(r"([A-Za-z]+)(\d*)(.*)", code)
        if match is None:
            return (code, 0, "")
        letters, number, rest = match.groups()
        return (letters, int(number) if number else 0, rest)

    return sorted(rules, key=key)
