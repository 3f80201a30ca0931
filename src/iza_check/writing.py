"""Small helpers for writing files the way users expect: the usual permissions, devices left alone."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def new_file_mode() -> int:
    """The mode ``open()`` would give a new file (0o666 less the umask); mkstemp's is 0o600."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def replace_mode(target: Path) -> int:
    """The mode for a file that replaces ``target``: the old file's, else a new file's."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return new_file_mode()


def is_special(path: Path) -> bool:
    """True for an existing path that is not a regular file (``/dev/null``, a FIFO, a terminal).

    Such a path is written into; replacing it with a file would break it for every other program.
    """
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)
