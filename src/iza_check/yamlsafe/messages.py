"""Syntax and reader errors from PyYAML as located :class:`~iza_check.problems.Problem` objects.

PyYAML's English errors become one Dutch hint with the original text kept in brackets, at the
1-based (line, column) where the fix is (the opening quote of an unclosed string, not the end of
the file). Also the position type :data:`Mark` and :func:`clip`, which shortens a value quoted in a
message; both are shared by the other modules of the package.
"""

from __future__ import annotations

import re

import yaml

from iza_check.problems import Problem

Mark = tuple[int, int]


def clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("tab character", "er staat een tab; spring in met spaties, niet met tabs"),
    (
        "mapping values are not allowed",
        ("onverwachte dubbele punt; zet tekst met een ':' erin tussen aanhalingstekens, "
        "of controleer het inspringen"),
    ),
    ("could not find expected ':'", "hier ontbreekt een ':' na de veldnaam, of het inspringen klopt niet"),
    (
        "did not find expected key",
        "het inspringen klopt niet: een veld moet even ver inspringen als de velden erboven",
    ),
    ("expected <block end>", "het inspringen klopt niet: controleer of deze regel goed inspringt"),
    ("did not find expected '-' indicator", "het inspringen van de lijst klopt niet"),
    (
        "did not find expected ',' or",
        "een lijst of blok tussen haakjes is niet goed afgesloten; controleer ']' of '}' en de komma's",
    ),
    ("duplicate anchor", "hetzelfde anker ('&naam') komt twee keer voor"),
    (
        "unknown escape character",
        "onbekende code na '\\' in tekst tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens",
    ),
    (
        "cannot start any token",
        "dit teken kan hier niet staan; zet de waarde tussen aanhalingstekens",
    ),
    ("node content", "hier ontbreekt een waarde"),
    ("document start", "onverwachte inhoud na het einde van het document"),
)


def syntax_problem(error: yaml.MarkedYAMLError, text: str, source: str) -> Problem:
    problem = error.problem or ""
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    unclosed_quote = "end of stream" in problem and "quoted" in context
    if unclosed_quote and error.context_mark is not None:
        # The end of the file is not where the fix is: point at the opening quote.
        mark = error.context_mark
    line = column = None
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    if "single document" in context:
        message = "het bestand bevat meer dan één YAML-document ('---'); gebruik één document per bestand"
        return Problem(source, message, "multiple-documents", line, column)
    rest = _line_at(text, mark.line)[mark.column :] if mark is not None else ""
    if rest.startswith("\t"):
        hint = "er staat een tab; spring in met spaties, niet met tabs"
    elif unclosed_quote:
        hint = "deze tekst tussen aanhalingstekens wordt nergens afgesloten; ontbreekt een aanhalingsteken?"
    elif "end of stream" in problem:
        hint = "het bestand houdt onverwacht op"
    elif "undefined alias" in problem:
        name = _ALIAS.match(rest)
        shown = f" '{name.group(0)}'" if name else ""
        hint = f"de verwijzing{shown} hoort bij een anker ('&naam') dat niet (eerder) in het bestand staat"
    else:
        hint = next(
            (dutch for needle, dutch in _SYNTAX_HINTS if needle in problem or needle in context),
            "de YAML-opmaak klopt niet",
        )
        if error.context_mark is not None and mark is not None and error.context_mark.line != mark.line:
            hint += f" (begonnen op regel {error.context_mark.line + 1})"
    detail = "; ".join(part for part in (context, problem) if part)
    message = f"{hint} [YAML: {detail}]" if detail else hint
    return Problem(source, message, "yaml-syntax", line, column)


_ALIAS = re.compile(r"\*[^\s,\[\]{}]+")


def _line_at(text: str, line: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line] if line < len(lines) else ""


def reader_problem(error: yaml.reader.ReaderError, text: str, source: str) -> Problem:
    # libyaml reports a byte offset and PyYAML a character index; the character itself is unambiguous.
    character = error.character if isinstance(error.character, int) else ord(error.character)
    index = text.find(chr(character))
    line = column = None
    if index >= 0:
        line, column = _text_position(text, index)
    message = f"ongeldig teken U+{character:04X} in de tekst; haal het weg"
    return Problem(source, message, "invalid-character", line, column)


def _text_position(text: str, index: int) -> Mark:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1

