"""The questions behind ``iza-check init``: plain-language questions, each mapped to one field of the profile.

The questions are data, in ``questions.yaml`` beside this module (its header explains every key): the sections in
the order of the sources, the questions with their ``why`` (a neutral explanation of what is asked, never a hint at
which answer scores), when each is asked, the headings inside long lists of choices, and the example steps shown
when something is planned. This module holds their types, reads that file once at import, and answers questions
about the profile model. The engine that asks them is :mod:`iza_check.questionnaire.session`. It runs past 500
lines because the reader checks every key, path, kind and value of the file against the profile model, so that a
mistake in the questions is reported at its line before anyone is asked anything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, Literal, NoReturn, get_args

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from iza_check.i18n.text import Text
from iza_check.problems import InputError
from iza_check.profile import model as pm
from iza_check.profile.labels import item_word, value_texts
from iza_check.profile.paths import field_at, model_at
from iza_check.yamlsafe import YamlDocument, load_yaml_file

Lang = Literal["nl", "en"]
Data = dict[str, Any]
FieldPath = tuple[str, ...]
Kind = Literal["yesno", "choice", "multi", "integer", "number", "date", "text", "url", "evidence"]

QUESTIONS_FILE = Path(__file__).with_name("questions.yaml")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


# ------------------------------------------------------------------------------------------ the model

def field_info(root: type[BaseModel], path: FieldPath) -> FieldInfo:
    """The pydantic field at ``path`` below ``root`` (lists and optionals are looked through); KeyError if none."""
    parent = model_at(root, path[:-1])
    if parent is None:
        raise KeyError(".".join(path))
    return parent.model_fields[path[-1]]


def enum_of(root: type[BaseModel], path: FieldPath) -> type[Enum]:
    """The enum behind a choice or multiple-choice field."""
    ftype = field_at(root, path)
    if ftype is None or ftype.inner.enum is None:
        raise LookupError(path)
    return ftype.inner.enum


def get_value(data: Mapping[str, Any], path: FieldPath) -> Any:
    node: Any = data
    for key in path:
        if not isinstance(node, Mapping) or key not in node:
            return MISSING
        node = node[key]
    return node


# --------------------------------------------------------------------------------------- the catalogue

@dataclass(frozen=True, slots=True)
class Condition:
    """When a question is asked (``alleen_als`` in questions.yaml); called with the data it is asked against."""

    path: FieldPath
    # "in": the value is one of these; "niet_in" (negate): it is none of them.
    values: tuple[Any, ...] = ()
    negate: bool = False
    # "gevuld": the value is not empty.
    filled: bool = False
    # The outcome when the field is not there at all ("als_ontbreekt"); null is a value.
    if_missing: bool = False
    # "lijst ... geen": no item of the list at ``path`` meets this condition.
    no_item: Condition | None = None

    def __call__(self, data: Mapping[str, Any]) -> bool:
        return _holds(self, data)


def _holds(condition: Condition, data: Mapping[str, Any]) -> bool:
    """The one interpreter of ``alleen_als``."""
    value = get_value(data, condition.path)
    if condition.no_item is not None:
        items = None if value is MISSING else value
        return not any(isinstance(item, Mapping) and _holds(condition.no_item, item) for item in items or ())
    if value is MISSING:
        return condition.if_missing
    if condition.filled:
        return bool(value)
    return (value in condition.values) != condition.negate


@dataclass(frozen=True, slots=True)
class Question:
    """One question; ``path`` is absolute for area questions and relative to the item for item questions."""

    path: FieldPath
    kind: Kind
    text: Text
    why: Text
    serves: tuple[str, ...] = ()
    # yes/no: the answer that favours the criteria; "gepland" then records the other one ("not yet").
    good: bool | None = None
    required: bool = False
    when: Condition | None = None
    # After "gepland": an example of a next step, shown as an example only (a plan is in the person's words).
    step: Text | None = None
    # Text questions: "geen" sets this flag field (in the same area) instead of the text.
    none_flag: str | None = None
    # Integer questions: the value at this path is the upper bound.
    at_most: FieldPath | None = None
    # Dates of facts lie in the past; that is checked against the reference date.
    past_only: bool = True

    @property
    def key(self) -> str:
        return ".".join(self.path)

    @property
    def plannable(self) -> bool:
        return bool(self.serves) and self.step is not None


@dataclass(frozen=True, slots=True)
class ItemGroup:
    """A repeated list of items (activities, partners): asked one by one with "nog een?"."""

    path: FieldPath
    model: type[BaseModel]
    intro: Text
    why: Text
    noun: Text
    questions: tuple[Question, ...]
    serves: tuple[str, ...] = ()
    step: Text | None = None
    plan_area: str = "initiatief"

    @property
    def key(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True, slots=True)
class PlanOffer:
    """A yes/no question whose "ja" records a plan (no fact field of its own)."""

    key: str
    text: Text
    why: Text
    serves: tuple[str, ...]
    step: Text
    area: str
    when: Condition


Step = Question | ItemGroup | PlanOffer


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: Text
    intro: Text
    steps: tuple[Step, ...]
    # Area sections carry toelichting and in_ontwikkeling; "aanbod" is a bare list.
    is_area: bool = True


# -------------------------------------------------------------------------------- reading questions.yaml

class QuestionsFileError(ValueError):
    """questions.yaml does not describe a questionnaire: a developer error, located by file, line and column."""


@dataclass(frozen=True, slots=True)
class _Contents:
    recovery_kinds: frozenset[str]
    choice_groups: dict[type[Enum], dict[str, Text]]
    toelichting: tuple[Text, Text]
    complete: tuple[Text, Text]
    sections: tuple[Section, ...]


_KINDS: tuple[str, ...] = get_args(Kind)


class _Reader:
    """Turns the plain data of questions.yaml into the catalogue's objects, or fails naming the place."""

    def __init__(self, document: YamlDocument, source: str) -> None:
        self.document = document
        self.source = source

    def fail(self, where: str, message: str, *, key: bool = False) -> NoReturn:
        """Raise naming the place: the value at ``where`` (its key with ``key``), or the nearest one around it."""
        marks = self.document.key_marks if key and where in self.document.key_marks else self.document.marks
        place = where
        while place not in marks and place:
            cut = max(place.rfind("."), place.rfind("["))
            place = place[:cut] if cut > 0 else ""
        line, column = marks.get(place, (1, 1))
        raise QuestionsFileError(f"{self.source}:{line}:{column}: {message} (at {where or 'the top'})")

    def fields(self, value: Any, where: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
               ) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, f"expected a mapping with {', '.join(required)}")
        for key in value:
            if key not in required and key not in optional:
                self.fail(_join(where, key), f"unknown key {key!r}; allowed: {', '.join(required + optional)}",
                          key=True)
        for key in required:
            if key not in value:
                self.fail(where, f"{key!r} is missing")
        return value

    def string(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value:
            self.fail(where, "expected a text")
        return value

    def flag(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            self.fail(where, "expected true or false")
        return value

    def text(self, value: Any, where: str) -> Text:
        entry = self.fields(value, where, ("nl", "en"))
        return Text(self.string(entry["nl"], f"{where}.nl"), self.string(entry["en"], f"{where}.en"))

    def strings(self, value: Any, where: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.fail(where, "expected a list")
        return tuple(self.string(item, f"{where}[{index}]") for index, item in enumerate(value))

    def path(self, value: Any, where: str, root: type[BaseModel]) -> FieldPath:
        path = tuple(self.string(value, where).split("."))
        try:
            field_info(root, path)
        except (KeyError, LookupError):
            pass
        else:
            return path
        self.fail(where, f"{'.'.join(path)!r} is not a field of {root.__name__}")

    def area(self, value: Any, where: str) -> str:
        area = self.string(value, where)
        self.path(area, where, pm.Profile)
        return area

    def item_model(self, root: type[BaseModel], path: FieldPath, where: str) -> type[BaseModel]:
        model = model_at(root, path)
        if model is not None:
            return model
        self.fail(where, "expected a list of items")

    def values(self, value: Any, where: str) -> tuple[Any, ...]:
        """The values of ``in`` or ``niet_in``; a list among them (``*herstelsoorten``) counts as its values."""
        if not isinstance(value, list):
            self.fail(where, "expected a list of values")
        out: list[Any] = []
        for index, item in enumerate(value):
            for inner in item if isinstance(item, list) else [item]:
                if isinstance(inner, (dict, list)):
                    self.fail(f"{where}[{index}]", "expected a plain value")
                out.append(inner)
        return tuple(out)

    def condition(self, value: Any, where: str, root: type[BaseModel]) -> Condition:
        if isinstance(value, dict) and "lijst" in value:
            entry = self.fields(value, where, ("lijst", "geen"))
            path = self.path(entry["lijst"], f"{where}.lijst", root)
            item_model = self.item_model(root, path, f"{where}.lijst")
            return Condition(path, no_item=self.condition(entry["geen"], f"{where}.geen", item_model))
        forms = ("in", "niet_in", "gevuld")
        entry = self.fields(value, where, ("veld",), (*forms, "als_ontbreekt"))
        given = [form for form in forms if form in entry]
        if len(given) != 1:
            self.fail(where, f"expected exactly one of {', '.join(forms)}")
        path = self.path(entry["veld"], f"{where}.veld", root)
        form = given[0]
        if form == "gevuld":
            if entry["gevuld"] is not True:
                self.fail(f"{where}.gevuld", "write 'gevuld: true'")
            condition = Condition(path, filled=True)
        else:
            negate = form == "niet_in"
            condition = Condition(path, self.values(entry[form], f"{where}.{form}"), negate, if_missing=negate)
        if "als_ontbreekt" in entry:
            missing = self.flag(entry["als_ontbreekt"], f"{where}.als_ontbreekt")
            condition = replace(condition, if_missing=missing)
        return condition

    def question(self, value: Any, where: str, root: type[BaseModel]) -> Question:
        entry = self.fields(value, where, ("veld", "soort", "vraag", "waarom"),
                            ("alleen_als", "dient", "gunstig", "stap", "verplicht", "bij_geen", "hoogstens"))
        path = self.path(entry["veld"], f"{where}.veld", root)
        kind = entry["soort"]
        if kind not in _KINDS:
            self.fail(f"{where}.soort", f"unknown kind {kind!r}; known: {', '.join(_KINDS)}")
        good: bool | None = True if kind == "yesno" else None
        if "gunstig" in entry:
            if kind != "yesno":
                self.fail(f"{where}.gunstig", "only a yes/no question has a favourable answer")
            good = entry["gunstig"]
            if good is not None:
                good = self.flag(good, f"{where}.gunstig")
        none_flag: str | None = None
        if "bij_geen" in entry:
            none_flag = self.string(entry["bij_geen"], f"{where}.bij_geen")
            self.path(".".join((*path[:-1], none_flag)), f"{where}.bij_geen", root)
        return Question(
            path, kind, self.text(entry["vraag"], f"{where}.vraag"), self.text(entry["waarom"], f"{where}.waarom"),
            self.strings(entry.get("dient", []), f"{where}.dient"), good,
            required=self.flag(entry.get("verplicht", False), f"{where}.verplicht"),
            when=self.condition(entry["alleen_als"], f"{where}.alleen_als", root) if "alleen_als" in entry else None,
            step=self.text(entry["stap"], f"{where}.stap") if "stap" in entry else None,
            none_flag=none_flag,
            at_most=self.path(entry["hoogstens"], f"{where}.hoogstens", root) if "hoogstens" in entry else None,
        )

    def group(self, value: Any, where: str) -> ItemGroup:
        entry = self.fields(value, where, ("lijst", "vraag", "waarom", "vragen"), ("dient", "stap", "plan_bij"))
        path = self.path(entry["lijst"], f"{where}.lijst", pm.Profile)
        model = self.item_model(pm.Profile, path, f"{where}.lijst")
        # The word for one item is the reports' word (profile/labels.yaml, items).
        noun = (item_word(".".join(path), "nl"), item_word(".".join(path), "en"))
        if noun[0] is None or noun[1] is None:
            self.fail(f"{where}.lijst", "profile/labels.yaml has no word for one item of this list (items)")
        questions = entry["vragen"]
        if not isinstance(questions, list) or not questions:
            self.fail(f"{where}.vragen", "expected a list of questions")
        return ItemGroup(
            path, model, self.text(entry["vraag"], f"{where}.vraag"), self.text(entry["waarom"], f"{where}.waarom"),
            Text(noun[0], noun[1]),
            tuple(self.question(item, f"{where}.vragen[{index}]", model) for index, item in enumerate(questions)),
            self.strings(entry.get("dient", []), f"{where}.dient"),
            self.text(entry["stap"], f"{where}.stap") if "stap" in entry else None,
            self.area(entry.get("plan_bij", "initiatief"), f"{where}.plan_bij"),
        )

    def offer(self, value: Any, where: str) -> PlanOffer:
        entry = self.fields(value, where, ("plan", "alleen_als", "vraag", "waarom", "dient", "stap", "plan_bij"))
        return PlanOffer(
            self.string(entry["plan"], f"{where}.plan"), self.text(entry["vraag"], f"{where}.vraag"),
            self.text(entry["waarom"], f"{where}.waarom"), self.strings(entry["dient"], f"{where}.dient"),
            self.text(entry["stap"], f"{where}.stap"), self.area(entry["plan_bij"], f"{where}.plan_bij"),
            self.condition(entry["alleen_als"], f"{where}.alleen_als", pm.Profile),
        )

    def section(self, value: Any, where: str) -> Section:
        entry = self.fields(value, where, ("onderdeel", "titel", "intro", "vragen"), ("gebied",))
        steps: list[Step] = []
        items = entry["vragen"]
        if not isinstance(items, list) or not items:
            self.fail(f"{where}.vragen", "expected a list of questions")
        for index, item in enumerate(items):
            at = f"{where}.vragen[{index}]"
            if isinstance(item, dict) and "lijst" in item:
                steps.append(self.group(item, at))
            elif isinstance(item, dict) and "plan" in item:
                steps.append(self.offer(item, at))
            else:
                steps.append(self.question(item, at, pm.Profile))
        return Section(
            self.string(entry["onderdeel"], f"{where}.onderdeel"), self.text(entry["titel"], f"{where}.titel"),
            self.text(entry["intro"], f"{where}.intro"), tuple(steps),
            self.flag(entry.get("gebied", True), f"{where}.gebied"),
        )

    def choice_groups(self, value: Any, where: str) -> dict[type[Enum], dict[str, Text]]:
        if not isinstance(value, dict):
            self.fail(where, "expected a mapping of enum names")
        out: dict[type[Enum], dict[str, Text]] = {}
        for name, headings in value.items():
            at = _join(where, name)
            enum = getattr(pm, name, None)
            if not (isinstance(enum, type) and issubclass(enum, Enum)):
                self.fail(at, f"{name!r} is not a choice list (enum) of the profile model", key=True)
            if not isinstance(headings, dict):
                self.fail(at, "expected a mapping of values to headings")
            known = {str(member.value) for member in enum}
            for key in headings:
                if key not in known:
                    self.fail(_join(at, key), f"{key!r} is not a value of {name}", key=True)
            out[enum] = {key: self.text(heading, _join(at, key)) for key, heading in headings.items()}
        return out

    def contents(self) -> _Contents:
        top = self.fields(self.document.data, "", ("herstelsoorten", "keuzegroepen", "toelichting", "volledig",
                                                   "onderdelen"))
        kinds = self.strings(top["herstelsoorten"], "herstelsoorten")
        for index, kind in enumerate(kinds):
            if kind not in {member.value for member in pm.Soort}:
                self.fail(f"herstelsoorten[{index}]", f"{kind!r} is not a kind of activity (Soort)")
        toelichting = self.fields(top["toelichting"], "toelichting", ("vraag", "waarom"))
        complete = self.fields(top["volledig"], "volledig", ("vraag", "waarom"))
        sections = top["onderdelen"]
        if not isinstance(sections, list) or not sections:
            self.fail("onderdelen", "expected a list of sections")
        return _Contents(
            frozenset(kinds),
            self.choice_groups(top["keuzegroepen"], "keuzegroepen"),
            (self.text(toelichting["vraag"], "toelichting.vraag"),
             self.text(toelichting["waarom"], "toelichting.waarom")),
            (self.text(complete["vraag"], "volledig.vraag"), self.text(complete["waarom"], "volledig.waarom")),
            tuple(self.section(item, f"onderdelen[{index}]") for index, item in enumerate(sections)),
        )


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _read(path: Path) -> _Contents:
    try:
        document = load_yaml_file(path)
    except InputError as error:
        raise QuestionsFileError(str(error)) from error
    return _Reader(document, str(path)).contents()


_CONTENTS = _read(QUESTIONS_FILE)


def _completeness(path: FieldPath) -> Question:
    """"Is dit alles?" after a list: only a complete list shows that something is not there."""
    text, why = _CONTENTS.complete
    # Asked when the list has items: an empty list is whole already, and of a list that was skipped or answered
    # with "?" nothing is known to be whole.
    return Question((*path[:-1], path[-1] + pm.COMPLETE_SUFFIX), "yesno", text, why, good=None,
                    when=Condition(path, filled=True))


def _with_completeness(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Every list question followed by its "is dit alles?", for each list the profile model can mark complete."""
    out = []
    for section in sections:
        steps: list[Step] = []
        for step in section.steps:
            steps.append(step)
            path = step.path if isinstance(step, (Question, ItemGroup)) else None
            if path is None or (isinstance(step, Question) and step.kind != "multi"):
                continue
            parent = model_at(pm.Profile, path[:-1])
            if parent is not None and path[-1] + pm.COMPLETE_SUFFIX in parent.model_fields:
                steps.append(_completeness(path))
        out.append(Section(section.key, section.title, section.intro, tuple(steps), section.is_area))
    return tuple(out)


def _item_questions(key: str) -> tuple[Question, ...]:
    for section in _CONTENTS.sections:
        for step in section.steps:
            if isinstance(step, ItemGroup) and step.key == key:
                return step.questions
    raise QuestionsFileError(f"{QUESTIONS_FILE}: no list '{key}' (lijst: {key}) among the questions")


# The kinds of activity that are a recovery offer (herstelaanbod).
RECOVERY_KINDS: frozenset[str] = _CONTENTS.recovery_kinds

# Labels for every enum value shown in a numbered list: plain words instead of keys, the same words the reports
# use (profile/labels.yaml).
LABELS: dict[type[Enum], dict[str, Text]] = value_texts()

# Headings inside the long list of activity kinds, so the bouwstenen are visible while choosing.
CHOICE_GROUPS: dict[type[Enum], dict[str, Text]] = _CONTENTS.choice_groups

ACTIVITY_QUESTIONS: tuple[Question, ...] = _item_questions("aanbod")
PARTNER_QUESTIONS: tuple[Question, ...] = _item_questions("samenwerking.partners")

CATALOGUE: tuple[Section, ...] = _with_completeness(_CONTENTS.sections)
# The sections by key, in the order they are asked (``init --update --sectie NAAM``).
SECTION_KEYS: tuple[str, ...] = tuple(section.key for section in CATALOGUE)

# The question after each area: its text and its why.
TOELICHTING: tuple[Text, Text] = _CONTENTS.toelichting


@cache
def _readers() -> dict[str, tuple[str, ...]]:
    """Field path -> the rules whose condition (voldoet, deels, nvt) reads it, in the catalogue's order; rules that
    only inform (``ernst: informatief``) need no plan."""
    from iza_check.engine.outcomes import Severity
    from iza_check.rules import load_rules
    from iza_check.rules.conditions import iter_leaves

    found: dict[str, dict[str, None]] = {}
    for rule in load_rules().rules:
        if rule.ernst is Severity.informatief:
            continue
        for part in rule.parts().values():
            for leaf in iter_leaves(part):
                found.setdefault(leaf.path, {})[rule.id] = None
    return {path: tuple(ids) for path, ids in found.items()}


def criteria_of(step: Question | ItemGroup) -> tuple[str, ...]:
    """The criteria a plan made at this step names: those the questions file gives (``dient``), then every other
    rule of the catalogue whose condition reads the step's field, so that a new rule is named without editing the
    questions."""
    return tuple(dict.fromkeys((*step.serves, *_readers().get(step.key, ()))))


def iter_questions() -> Iterator[tuple[type[BaseModel], FieldPath, Question]]:
    """Every fact question with the model it is asked against and its absolute path."""
    for section in CATALOGUE:
        for step in section.steps:
            if isinstance(step, Question):
                yield pm.Profile, step.path, step
            elif isinstance(step, ItemGroup):
                for question in step.questions:
                    yield step.model, question.path, question


def _signature(step: Step) -> str:
    if isinstance(step, Question):
        return f"Q {step.key} {step.kind} {step.required} {step.plannable} {step.good} {step.none_flag} {step.at_most}"
    if isinstance(step, ItemGroup):
        inner = "/".join(_signature(question) for question in step.questions)
        return f"G {step.key} {bool(step.serves) and step.step is not None} {step.plan_area} [{inner}]"
    return f"P {step.key} {step.area}"


def catalogue_fingerprint() -> str:
    """A short digest of which questions are asked, of which kind, with which choices.

    Answers typed for one catalogue replay exactly only against the same one: a saved, stopped session
    (``init``'s draft) made with another version is not replayed.
    """
    parts = [f"{section.key}:" + "|".join(_signature(step) for step in section.steps) for section in CATALOGUE]
    parts += [f"{enum.__name__}:" + ",".join(labels) for enum, labels in LABELS.items()]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]
