"""Where the reports of a run go: ``--format VORM[=BESTAND]`` and ``--output`` planned into targets, the width of
text on a terminal, output files written whole and never over an input, and the messages when that fails."""

from __future__ import annotations

import io
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

import click
from click.shell_completion import CompletionItem

from iza_check.cli.lang import say, say_usage
from iza_check.report.registry import EXTENSIONS, VIEWED
from iza_check.report.stream import View
from iza_check.writing import is_special, replace_mode

if TYPE_CHECKING:
    pass

@dataclass(frozen=True, slots=True)
class FormatSpec:
    """One ``--format`` of ``check``: ``FMT`` (to stdout, or to ``--output``) or ``FMT=PATH`` (``-``: stdout)."""

    fmt: str
    path: Path | None = None
    to_file: bool = False  # given as FMT=PATH; path None then means stdout (FMT=-)


class FormatSpecType(click.ParamType):
    """``FMT`` or ``FMT=PATH``; the formats are the registry's (report.registry.FORMATS), plus what the
    command adds (csv for the summary)."""

    name = "vorm"

    def __init__(self, choices: Sequence[str]) -> None:
        self.choices = tuple(choices)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> FormatSpec:
        if isinstance(value, FormatSpec):
            return value
        name, equals, target = str(value).partition("=")
        fmt = click.Choice(self.choices).convert(name, param, ctx)  # click's own message for an unknown one
        if not equals:
            return FormatSpec(fmt)
        if not target:
            example = f"{fmt}=iza-check{EXTENSIONS.get(fmt, '.txt')}"
            self.fail(
                say_usage(
                    f"na '{fmt}=' hoort een bestand, bijvoorbeeld {example}.",
                    f"'{fmt}=' needs a file after it, for example {example}.",
                ),
                param,
                ctx,
            )
        # Made here, not at import, so that its messages are in the language the command line speaks.
        path = click.Path(path_type=Path, dir_okay=False, writable=True, allow_dash=True).convert(target, param, ctx)
        return FormatSpec(fmt, None if str(path) == "-" else Path(path), to_file=True)

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
        return [CompletionItem(choice) for choice in self.choices if choice.startswith(incomplete)]


class TargetError(ValueError):
    """Formats and outputs that do not go together (exit 2, the message on stderr)."""


@dataclass(frozen=True, slots=True)
class Target:
    """One report a run writes: a format, where to (None: stdout), in colour or not, quiet (concise -q), and for
    the reports for people its line width and whether the appendix is in it."""

    fmt: str
    path: Path | None
    colour: bool = False
    quiet: bool = False
    width: int = 100
    appendix: bool = False

    @property
    def shown(self) -> bool | View:
        """What the format's pieces take: a View for the reports for people, the colour flag for the others."""
        if self.fmt in VIEWED:
            return View(colour=self.colour, width=self.width, appendix=self.appendix)
        return self.colour

    @property
    def view(self) -> View | None:
        shown = self.shown
        return shown if isinstance(shown, View) else None


# Text for a terminal follows its width, within limits that stay readable; a file or a pipe gets the default.
_TEXT_WIDTH = (60, 100, 160)


def text_width(path: Path | None) -> int:
    """The line width of a text report: the terminal's (or ``COLUMNS``) when it goes to one, else 100."""
    low, default, high = _TEXT_WIDTH
    if path is not None:
        return default
    if not os.environ.get("COLUMNS") and not (getattr(sys.stdout, "isatty", None) and sys.stdout.isatty()):
        return default
    columns = shutil.get_terminal_size((default, 24)).columns
    return max(low, min(high, columns))


def plan_targets(
    specs: Sequence[FormatSpec], output: Path | None, *, quiet: bool, default: Callable[[], str]
) -> list[tuple[str, Path | None, bool]]:
    """The reports of one ``check`` run as (format, path or None for stdout, quiet), the first for stdout or
    ``--output``. A plain ``--format`` goes there; without one it gets concise with ``-q``, the default form
    (``default()``) when ``--output`` is given or no ``--format`` at all, and else nothing. Raises TargetError
    for two formats to stdout or two to one file."""
    plain = [spec for spec in specs if not spec.to_file]
    if len(plain) > 1:
        example = f"--format {plain[1].fmt}=iza-check{EXTENSIONS.get(plain[1].fmt, '.txt')}"
        raise TargetError(
            say_usage(
                f"Hoogstens één --format zonder bestand: die gaat "
                f"{f'naar {output}' if output is not None else 'naar het scherm'}. Geef de andere een eigen "
                f"bestand, bijvoorbeeld {example}.",
                f"At most one --format without a file: it goes "
                f"{f'to {output}' if output is not None else 'to the screen'}. Give the others a file of their "
                f"own, for example {example}.",
            )
        )
    main = plain[0].fmt if plain else "concise" if quiet else default() if output is not None or not specs else None
    targets: list[tuple[str, Path | None, bool]] = [] if main is None else [(main, output, quiet)]
    targets += [(spec.fmt, spec.path, False) for spec in specs if spec.to_file]
    to_stdout = [fmt for fmt, path, _quiet in targets if path is None]
    if len(to_stdout) > 1:
        example = f"--format {to_stdout[1]}=iza-check{EXTENSIONS.get(to_stdout[1], '.txt')}"
        raise TargetError(
            say_usage(
                f"Hoogstens één rapportvorm kan naar het scherm, niet {' en '.join(to_stdout)}. Geef de andere een "
                f"eigen bestand, bijvoorbeeld {example}.",
                f"At most one report format can go to the screen, not {' and '.join(to_stdout)}. Give the others "
                f"a file of their own, for example {example}.",
            )
        )
    seen: dict[str, str] = {}
    for fmt, path, _quiet in targets:
        if path is None:
            continue
        key = os.path.normcase(os.path.realpath(path))
        if key in seen:
            raise TargetError(
                say_usage(
                    f"{path}: twee rapportvormen ({seen[key]} en {fmt}) naar hetzelfde bestand. Geef elke vorm een "
                    "eigen bestand.",
                    f"{path}: two report formats ({seen[key]} and {fmt}) to the same file. Give each format a file "
                    "of its own.",
                )
            )
        seen[key] = fmt
    return targets


def cannot_write(output: Path | None, error: OSError, lang: str | None = None) -> str:
    """The line for a report that could not be written, in ``lang`` (else the output language)."""
    reason = error.strerror or error
    return f"{output or '<stdout>'}: " + say(f"kan niet schrijven ({reason}).", f"cannot write ({reason}).", lang)


def refuse_output_over_input(output: Path | None, inputs: Iterable[Path], option: str = "--output") -> bool:
    """True, after saying why on stderr, when the report would replace one of the input files.

    Called by ``check``, ``check --summary``, ``overview`` and ``diff`` before anything is read or written.
    """
    return refuse_outputs_over_inputs(((output, option),), inputs)


def refuse_outputs_over_inputs(outputs: Sequence[tuple[Path | None, str]], inputs: Iterable[Path]) -> bool:
    """:func:`refuse_output_over_input` for several outputs, each with the option that named it.

    ``inputs`` are the command's arguments: files, directories and patterns, expanded the way the
    profiles are found. The same file is the same file through a symbolic or a hard link (device and
    inode), and a profile on standard input (``-``) is the file stdin was redirected from. Only an existing
    regular file can be an input, so without one nothing is searched; else the inputs are searched once for
    every output.
    """
    targets: list[tuple[Path, str, os.stat_result]] = []
    for output, option in outputs:
        if output is None:
            continue
        try:
            target = os.stat(output)
        except (OSError, ValueError):
            continue  # not there (yet): it cannot be an input; a real problem shows when it is written
        if stat.S_ISREG(target.st_mode):  # /dev/null, a FIFO: written into, never replaced
            targets.append((output, option, target))
    if not targets:
        return False
    from iza_check.profile.discovery import StdinProfile, iter_profile_files

    for item in iter_profile_files(inputs):
        if not isinstance(item, Path):
            continue
        found = _stdin_stat() if isinstance(item, StdinProfile) else []
        try:
            found.append(os.stat(item))  # for stdin: the file --stdin-filename names, if it is there
        except (OSError, ValueError):
            pass
        for output, option, target in targets:
            if any(os.path.samestat(one, target) for one in found):
                click.echo(
                    say(
                        f"{output}: dit uitvoerbestand is het invoerbestand {item}; het rapport zou het profiel "
                        f"overschrijven. Kies een ander bestand voor {option}.",
                        f"{output}: this output file is the input file {item}; the report would overwrite the "
                        f"profile. Choose another file for {option}.",
                    ),
                    err=True,
                )
                return True
    return False


def _stdin_stat() -> list[os.stat_result]:
    """The file standard input was redirected from (``< profiel.yaml``), if it is a regular file."""
    try:
        found = os.fstat(sys.stdin.fileno())
    except (OSError, ValueError, AttributeError):  # no stdin, or one without a descriptor (a test runner's)
        return []
    return [found] if stat.S_ISREG(found.st_mode) else []


def dash_is_stdout(_ctx: object, _param: object, value: Path | None) -> Path | None:
    """The ``--output`` callback: ``-o -`` means stdout, as in most command-line tools."""
    return None if value is not None and str(value) == "-" else value


@contextmanager
def open_output(output: Path | None) -> Iterator[TextIO]:
    """stdout, or a file written atomically: a half-written report never replaces a good one.

    A device or FIFO (``/dev/null``, ``/dev/stdout``) is written into, never replaced; through a
    symbolic link, the file it points to is replaced and the link kept. The report gets the mode of
    the file it replaces, or that of a new file.
    """
    if output is None:
        yield from _stdout_utf8()
        return
    if is_special(output):
        with open(output, "w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    target = output.resolve()
    mode = replace_mode(target)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _stdout_utf8() -> Iterator[TextIO]:
    """stdout, getting the bytes a report file gets: UTF-8 whatever the locale (a character the terminal's
    encoding lacks must not stop the report) and line ends as written (a CSV keeps its CRLF everywhere)."""
    stdout = sys.stdout
    buffer = getattr(stdout, "buffer", None)
    if buffer is None:  # a text-only stdout (an embedding program's StringIO)
        yield stdout
        stdout.flush()
        return
    stdout.flush()
    exact = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield exact
    finally:
        exact.flush()
        exact.detach()  # stdout's own byte stream stays open


def write_output(text: str, output: Path | None) -> None:
    with open_output(output) as handle:
        handle.write(text)


class OutputError(Exception):
    """An OSError while one report was opened, written or put in place, with that report's path (None:
    stdout), so that a run writing several names the one that failed."""

    def __init__(self, path: Path | None, error: OSError) -> None:
        super().__init__(str(error))
        self.path = path
        self.error = error


class NamedOutput:
    """:func:`open_output` whose own failures (opening, putting the file in place) become OutputError.

    An exception from the body (another report, a signal) passes through as it is, after the temporary
    file is removed.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._context = open_output(path)

    def __enter__(self) -> TextIO:
        try:
            return self._context.__enter__()
        except OSError as error:
            raise OutputError(self.path, error) from error

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> bool | None:
        if kind is not None:
            return self._context.__exit__(kind, value, traceback)
        try:
            return self._context.__exit__(None, None, None)
        except OSError as error:
            raise OutputError(self.path, error) from error
