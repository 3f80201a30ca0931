"""The one bilingual text type: every text a user reads, in Dutch and English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    """A text in both languages; ``get(lang)`` (or calling it) gives the one to show, Dutch unless ``en``."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl

    __call__ = get
