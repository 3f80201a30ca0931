"""Reading what a person types: yes/no/don't know, choices by number or word, numbers, dates as people write
them, web addresses and free text. A wrong answer raises Invalid with a message to show, and the question is asked
again."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from enum import Enum
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import Url

from iza_check.i18n.text import Text
from iza_check.profile.model import WebUrl
from iza_check.questionnaire.questions import CHOICE_GROUPS, LABELS, Lang
from iza_check.questionnaire.texts import UI


class Invalid(Exception):
    def __init__(self, message: Text, **values: object) -> None:
        super().__init__(message.nl)
        self.message = message
        self.values = values

    def text(self, lang: Lang) -> str:
        return self.message(lang).format(**self.values)


def normalise(raw: str) -> str:
    text = raw.strip().lower().replace("\u2019", "'")
    text = re.sub(r"\s+", " ", text)
    return text.rstrip(".!")


YES = frozenset({"j", "ja", "y", "yes"})
NO = frozenset({"n", "nee", "no"})
UNKNOWN_WORDS = frozenset({"?", "weet ik niet", "weet niet", "onbekend", "wn", "don't know", "dont know", "unknown"})
PLANNED_WORDS = frozenset({"g", "gepland", "nog niet, maar gepland", "nog niet maar gepland", "planned", "p"})
NONE_WORDS = frozenset({"geen", "niets", "niemand", "none", "nothing", "no one"})
# Answers to a named thing (the cao) that say there is none: "geen cao", "n.v.t.", "not applicable".
_NOT_APPLICABLE = frozenset({"nvt", "n.v.t.", "n.v.t", "niet van toepassing", "nee", "no", "n/a", "not applicable", "-"})


def says_none(word: str) -> bool:
    """Whether an answer that should name something says there is none ("geen", "geen cao", "n.v.t.")."""
    return word in NONE_WORDS or word in _NOT_APPLICABLE or word.split(" ", 1)[0] in {"geen", "no", "none"}


def safe_text(text: str) -> bool:
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Co", "Cn") or char in "\u2028\u2029\ufeff":
            return False
    return True



def choice_label(enum: type[Enum], value: str, lang: Lang) -> str:
    return LABELS[enum][value](lang)


def numbered_choices(enum: type[Enum], lang: Lang) -> list[str]:
    groups = CHOICE_GROUPS.get(enum, {})
    lines: list[str] = []
    for number, member in enumerate(enum, start=1):
        if member.value in groups:
            lines.append(f"   {groups[member.value](lang)}:")
        lines.append(f"   {number:>4}. {choice_label(enum, member.value, lang)}")
    return lines


def match_member(enum: type[Enum], word: str) -> str | None:
    values = [str(member.value) for member in enum]
    if word.isdigit():
        index = int(word)
        return values[index - 1] if 1 <= index <= len(values) else None
    for value in values:
        labels = LABELS[enum][value]
        if word in (value, value.replace("_", " "), normalise(labels.nl), normalise(labels.en)):
            return value
    return None


def parse_choice(enum: type[Enum], word: str) -> str:
    found = match_member(enum, word)
    if found is None:
        raise Invalid(UI["err.choice"], n=len(list(enum)))
    return found


def parse_multi(enum: type[Enum], word: str) -> list[str]:
    if word in NONE_WORDS:
        return []
    chosen: list[str] = []
    for part in re.split(r"[,;]|\s+", word):
        part = part.strip()
        if not part:
            continue
        found = match_member(enum, part)
        if found is None:
            raise Invalid(UI["err.multi"], part=part, n=len(list(enum)))
        if found not in chosen:
            chosen.append(found)
    if not chosen:
        raise Invalid(UI["err.multi"], part=word, n=len(list(enum)))
    # Keep the list order, so the file reads the same however the numbers were typed.
    order = [member.value for member in enum]
    return sorted(chosen, key=order.index)


def parse_int(word: str) -> int:
    text = word.replace("€", "").replace("eur", "").strip()
    text = re.sub(r"(?<=\d)[ _](?=\d{3}\b)", "", text)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    if re.fullmatch(r"-\d+", text):
        raise Invalid(UI["err.low"], lo=0)
    if not re.fullmatch(r"\d{1,12}", text):
        raise Invalid(UI["err.integer"])
    return int(text)


def parse_number(word: str) -> float:
    text = word.replace("%", "").strip()
    if re.fullmatch(r"-\d+([.,]\d+)?", text):
        raise Invalid(UI["err.low"], lo=0)
    if not re.fullmatch(r"\d{1,9}([.,]\d{1,6})?", text):
        raise Invalid(UI["err.number"])
    return float(text.replace(",", "."))


def format_number(value: float) -> str:
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = f"{value:.10f}".rstrip("0")
        if text.endswith("."):
            text += "0"
    return text.removesuffix(".0")


_MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "february": 2,
    "maart": 3, "mrt": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH_NAMES: dict[Lang, tuple[str, ...]] = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
_SEP = r"[-/.]"


def human_date(value: dt.date, lang: Lang) -> str:
    """A date as people write it: ``1 maart 2027`` (``1 March 2027``)."""
    return f"{value.day} {_MONTH_NAMES[lang][value.month - 1]} {value.year}"


def parse_date(text: str, lang: Lang = "nl") -> dt.date:
    """A typed date: ``2027-03-01``, ``01-03-2027``, ``1-3-2027``, ``1/3/2027``, ``1 maart 2027``, ``March 1, 2027``.

    Day before month, as in Dutch. Raises ``ValueError`` with a plain message (in ``lang``) for a text that is
    no date, a year without its century, an impossible date (``31-2-2027``) and, in English, a numeric date that
    reads as day-month and as month-day alike (``4/3/2027``).
    """
    try:
        return _parse_date(normalise(text), lang)
    except Invalid as invalid:
        raise ValueError(invalid.text(lang)) from None


def _parse_date(word: str, lang: Lang) -> dt.date:
    word = re.sub(r"(?<=[a-z])\.", "", word.replace(",", " "))  # "1 mrt. 2027", "March 1, 2027"
    word = re.sub(r"\s+", " ", word).strip()
    if match := re.fullmatch(rf"(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})", word):
        year, month, day = (int(part) for part in match.groups())
    elif match := re.fullmatch(rf"(\d{{1,2}})({_SEP})(\d{{1,2}})\2(\d{{4}})", word):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
        if lang == "en" and day != month and day <= 12 and month <= 12:
            one, other = _real_date(year, month, day), _real_date(year, day, month)
            raise Invalid(UI["err.date_ambiguous"], one=human_date(one, lang), other=human_date(other, lang))
    elif match := re.fullmatch(r"(\d{1,2})(?:e|ste|de|st|nd|rd|th)? ([a-z]+) (\d{4})", word):
        day, month, year = int(match[1]), _month(match[2]), int(match[3])
    elif match := re.fullmatch(r"([a-z]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})", word):
        month, day, year = _month(match[1]), int(match[2]), int(match[3])
    elif _missing_century(word):
        raise Invalid(UI["err.date_year"])
    else:
        raise Invalid(UI["err.date_format"])
    return _real_date(year, month, day)


def _missing_century(word: str) -> bool:
    """A date without a year, or with only two digits of it (``1-3-27``: 1927 or 2027?)."""
    if re.fullmatch(rf"\d{{1,2}}{_SEP}\d{{1,2}}(?:{_SEP}\d{{2}})?", word):
        return True
    match = re.fullmatch(r"(?:\d{1,2}(?:e|ste|de|st|nd|rd|th)? ([a-z]+)|([a-z]+) \d{1,2}(?:st|nd|rd|th)?)(?: \d{2})?", word)
    return match is not None and (match[1] or match[2]).rstrip(".") in _MONTHS


def _month(word: str) -> int:
    month = _MONTHS.get(word.rstrip("."))
    if month is None:
        raise Invalid(UI["err.date_format"])
    return month


def _real_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise Invalid(UI["err.date_real"]) from error


_URL_ADAPTER: TypeAdapter[Url] = TypeAdapter(WebUrl)


def parse_url(text: str) -> str:
    candidate = text if re.match(r"(?i)https?://", text) else f"https://{text}"
    if " " in candidate or not safe_text(candidate):
        raise Invalid(UI["err.url"])
    try:
        url = _URL_ADAPTER.validate_python(candidate)
    except ValidationError as error:
        raise Invalid(UI["err.url"]) from error
    if url.host is None or "." not in url.host:
        raise Invalid(UI["err.url"])
    return str(url)


def check_text(text: str, bounds: Mapping[str, Any]) -> str:
    if not safe_text(text):
        raise Invalid(UI["err.characters"])
    limit = int(bounds.get("maxLength", 5000))
    if len(text) > limit:
        raise Invalid(UI["err.too_long"], n=limit, length=len(text))
    if len(text) < int(bounds.get("minLength", 1)):
        raise Invalid(UI["err.required"])
    return text


def shorten_answer(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


# ------------------------------------------------------------------------------------- data helpers
