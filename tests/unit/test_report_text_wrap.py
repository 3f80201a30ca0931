"""The text report's own line filling (report.text._wrap) gives exactly textwrap's lines, for every text."""

from __future__ import annotations

import random
import textwrap

import pytest

from iza_check.report import text as text_report

_PIECES = ("a", "ab", "woord", "herstelacademie", "K10a", "—", "(verplicht)", "é", "\x1b[31mdeels\x1b[0m", "x" * 30,
           "x" * 95, "naam-met-streepjes", ";", "2026-11-01")
_GLUE = (" ", " ", " ", " ", "  ", "\t", "\n", "\u00a0", " \u2009")


def _textwrap(text: str, first: str, rest: str, width: int) -> tuple[str, ...]:
    if len(first) + len(text) <= width:
        return (first + text,)
    return tuple(
        textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)
        or [first]
    )


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words = [rng.choice(_PIECES) for _ in range(rng.randint(0, 40))]
        plain = rng.random() < 0.7
        glue = [" " if plain else rng.choice(_GLUE) for _ in words]
        text = "".join(word + space for word, space in zip(words, glue, strict=True))
        texts.append(text[:-1] if plain and text else text)
    return texts


@pytest.mark.parametrize("width", [40, 60, 100])
@pytest.mark.parametrize(("first", "rest"), [("", ""), ("  • ", "    "), ("    ", "      ")])
def test_the_fast_filling_gives_textwraps_lines(width: int, first: str, rest: str) -> None:
    text_report._wrap.cache_clear()
    for text in _texts(width * 7 + len(first), 400):
        assert text_report._wrap(text, first, rest, width) == _textwrap(text, first, rest, width), repr(text)
