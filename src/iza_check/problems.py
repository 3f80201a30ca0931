"""Problems with input files: parse errors are data, so one broken file never stops a batch."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in an input file, located as precisely as we can (1-based line and column)."""

    file: str
    message: str
    code: str
    line: int | None = None
    column: int | None = None
    field_path: str | None = None

    def format(self) -> str:
        """``file:line:col: message [field] (code)``, with anything that could steer a terminal made inert."""
        from iza_check.report._common import problem_text

        return problem_text(self)


class InputError(Exception):
    """Raised by loaders when a file cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.format() for p in problems))
        self.problems = problems
