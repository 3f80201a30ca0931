"""Small helpers for writing files the way users expect: the usual permissions, devices left alone."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
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


def write_atomically(
    target: Path,
    text: str,
    *,
    mode: int | None = None,
    newline: str = "",
    suffix: str = ".tmp",
    prepare: Callable[[Path], None] | None = None,
    place: Callable[[Path, Path], None] = os.replace,
) -> None:
    """Write ``text`` so that ``target`` is either as it was or whole, never half-written.

    The text goes to a temporary file beside ``target`` (synced to disk, with ``mode`` when given); ``prepare``
    may check that file or refuse (by raising); ``place`` puts it at ``target`` (``os.replace``, or a function
    that refuses to overwrite). On any failure, also Ctrl-C, the temporary file is removed.
    """
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        if prepare is not None:
            prepare(tmp)
        place(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
