"""A counter on the terminal while a long batch runs; nothing in a pipe, a log file or CI."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

_T = TypeVar("_T")

# A progress line appears only after this long, so quick runs stay quiet.
_PROGRESS_DELAY = 0.5
_PROGRESS_INTERVAL = 0.1
_PROGRESS = {"nl": "Gecontroleerd: {count} bestand(en)…", "en": "Checked: {count} file(s)…"}


def interactive(stream: TextIO) -> bool:
    """Progress goes to a person at a terminal only: never into a pipe, a log file or CI."""
    try:
        return stream.isatty() and not os.environ.get("CI")
    except (AttributeError, ValueError):
        return False


def with_progress(
    items: Iterable[_T],
    stream: TextIO,
    *,
    lang: str = "nl",
    enabled: bool | None = None,
    delay: float = _PROGRESS_DELAY,
    interval: float = _PROGRESS_INTERVAL,
) -> Iterator[_T]:
    """Pass ``items`` through, showing a counter on ``stream`` once the run takes longer than ``delay`` seconds."""
    if enabled is None:
        enabled = interactive(stream)
    if not enabled:
        yield from items
        return
    start = time.monotonic()
    last = 0.0
    width = 0
    count = 0
    try:
        for item in items:
            count += 1
            now = time.monotonic()
            if now - start >= delay and now - last >= interval:
                message = _PROGRESS.get(lang, _PROGRESS["nl"]).format(count=count)
                stream.write("\r" + message)
                stream.flush()
                width, last = len(message), now
            yield item
    finally:
        if width:
            stream.write("\r" + " " * width + "\r")
            stream.flush()
