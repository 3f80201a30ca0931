"""The plain options object the CLI builds; the core never sees click."""

from __future__ import annotations

import datetime as dt
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
from click.core import ParameterSource
from click.shell_completion import CompletionItem

from iza_check.assess.findings import Severity, VerdictKind
from iza_check.cli.exitcodes import EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK
from iza_check.cli.lang import say, say_usage
from iza_check.engine import BACKENDS
from iza_check.problems import Problem
from iza_check.report.registry import EXTENSIONS, VIEWED
from iza_check.report.registry import FORMATS as REPORT_FORMATS
from iza_check.report.stream import View
from iza_check.writing import is_special, replace_mode

if TYPE_CHECKING:
    from iza_check.assess.findings import FileOutcome
    from iza_check.profile.loader import ExcludePattern

FORMATS = REPORT_FORMATS
LANGS = ("nl", "en")
FAIL_LEVELS = ("verplicht", "aanbevolen", "nooit")
# The English word of earlier versions, still understood.
FAIL_LEVEL_ALIASES = {"never": "nooit"}


class FailLevel(click.Choice):
    """The --fail-on levels, in Dutch; the old English 'never' still works and means 'nooit'."""

    def __init__(self) -> None:
        super().__init__(FAIL_LEVELS)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return super().convert(FAIL_LEVEL_ALIASES.get(value, value), param, ctx)


NO_PROFILES = "Geen profielen gevonden (*.yaml, *.yml)."


def no_profiles(lang: str | None = None) -> str:
    """The line for a run that found no profile, in ``lang`` (else the output language)."""
    return say(NO_PROFILES, "No profiles found (*.yaml, *.yml).", lang)


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


def _exclude_with_settings(ctx: click.Context, param: click.Parameter, value: tuple[ExcludePattern, ...]) -> tuple[ExcludePattern, ...]:
    """``--exclude`` on the command line adds to ``exclude`` in the settings file (which click would drop)."""
    if param.name is None or ctx.get_parameter_source(param.name) is not ParameterSource.COMMANDLINE:
        return value
    settings = (ctx.default_map or {}).get(param.name) or ()
    return (*param.type_cast_value(ctx, settings), *value)


class ExcludeType(click.ParamType):
    """An ``--exclude`` pattern; from the settings file it comes with the file's folder as its base."""

    name = "patroon"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> ExcludePattern:
        # The loader (and the profile model) only when a pattern is given.
        from iza_check.profile.loader import ExcludePattern

        pattern = value if isinstance(value, ExcludePattern) else ExcludePattern.of(str(value))
        if not pattern.pattern:
            self.fail(
                say_usage(
                    "een leeg patroon sluit niets uit; bijvoorbeeld 'concepten/*' of '*.antwoorden.yaml'.",
                    "an empty pattern excludes nothing; for example 'concepten/*' or '*.antwoorden.yaml'.",
                ),
                param,
                ctx,
            )
        return pattern


_EXCLUDE_HELP = (
    "Sla bestanden over waarvan het pad (ten opzichte van de werkmap, met /), een map erboven of een naam erin "
    "bij dit patroon past (fnmatch; herhaalbaar), bijv. 'concepten/*' of '*.antwoorden.yaml'; ook een bestand "
    "dat u zelf noemt. Komt bij 'exclude' uit het instellingenbestand. Het profiel op de standaardinvoer (-) "
    "wordt nooit overgeslagen."
)


def exclude_option() -> click.Option:
    """The ``--exclude`` option, as an object to add to a command that is defined elsewhere."""
    return click.Option(
        ["--exclude"], multiple=True, type=ExcludeType(), metavar="PATROON", callback=_exclude_with_settings,
        help=_EXCLUDE_HELP,
    )


EXCLUDE = click.option(
    "--exclude", multiple=True, type=ExcludeType(), metavar="PATROON", callback=_exclude_with_settings,
    help=_EXCLUDE_HELP,
)

STDIN_FILENAME = click.option(
    "--stdin-filename",
    metavar="NAAM",
    default=None,
    help="De naam van het profiel op de standaardinvoer (-) in meldingen en rapporten, zodat een locatie naar "
    "het echte bestand wijst (standaard <stdin>).",
)


def select_paths(paths: tuple[Path, ...], exclude: Sequence[ExcludePattern]) -> tuple[Path, ...]:
    """``paths`` without the files ``--exclude`` (and the settings' ``exclude``) leave out, for any command
    that searches for profiles. When nothing is left, says so; the command then says it found no profiles."""
    if not exclude:
        return paths
    from iza_check.profile.loader import select_profiles

    selection = select_profiles(paths, exclude)
    if selection.excluded and not selection.files:
        click.echo(
            say(
                "Alles wat gevonden werd, valt onder --exclude (of 'exclude' in het instellingenbestand).",
                "Everything that was found falls under --exclude (or 'exclude' in the settings file).",
            ),
            err=True,
        )
    return selection.paths


def with_stdin(paths: tuple[Path, ...], stdin_filename: str | None, max_bytes: int) -> tuple[Path, ...]:
    """``paths`` with ``-`` as the profile read from standard input (read once, here, named ``<stdin>`` or
    ``--stdin-filename``). Raises TargetError for a ``--stdin-filename`` without ``-``."""
    from iza_check.profile.loader import STDIN_ARGUMENT, STDIN_NAME, read_stdin

    if not any(str(path) == STDIN_ARGUMENT for path in paths):
        if stdin_filename is not None:
            context = click.get_current_context(silent=True)
            command = context.command_path if context is not None else "iza-check check"
            example = f"{command} - --stdin-filename {stdin_filename} < {stdin_filename}"
            raise TargetError(
                say_usage(
                    "--stdin-filename geeft het profiel op de standaardinvoer een naam; geef dat profiel als '-', "
                    f"bijvoorbeeld: {example}",
                    "--stdin-filename names the profile on standard input; give that profile as '-', for "
                    f"example: {example}",
                )
            )
        return paths
    if stdin_filename is not None and not stdin_filename.strip():
        raise TargetError(say_usage("--stdin-filename heeft een naam nodig.", "--stdin-filename needs a name."))
    profile = read_stdin(stdin_filename or STDIN_NAME, max_bytes=max_bytes)
    return tuple(profile if str(path) == STDIN_ARGUMENT else path for path in paths)


def _choose_engine(_ctx: object, _param: object, value: str | None) -> None:
    from iza_check.engine import choose_backend

    choose_backend(value)


ENGINE = click.option(
    "--engine",
    type=click.Choice(BACKENDS),
    default=None,
    envvar="IZA_CHECK_ENGINE",
    expose_value=False,
    callback=_choose_engine,
    help="Welke regelengine de regels toepast: durable (durable-rules) of python (de eigen evaluator van "
    "iza-check, dezelfde uitkomsten). Standaard durable waar die laadt (Python 3.11 en 3.12), anders python.",
)

_FAILING: dict[str, frozenset[Severity]] = {
    "verplicht": frozenset({Severity.verplicht}),
    "aanbevolen": frozenset({Severity.verplicht, Severity.aanbevolen}),
    "nooit": frozenset(),
}


@dataclass(frozen=True, slots=True)
class ReportOptions:
    paths: tuple[Path, ...]
    fmt: str
    output: Path | None
    lang: str
    fail_on: str
    colour: bool
    jobs: int
    rule_dirs: tuple[Path, ...]
    peildatum: dt.date
    max_bytes: int
    quiet: bool = False
    fail_on_unknown: bool = False
    # Every report of a ``check`` run; empty: the one in ``fmt`` to ``output`` (see sinks()).
    targets: tuple[Target, ...] = ()
    appendix: bool = False  # the reports for people with their appendix (--appendix)

    @classmethod
    def build(
        cls,
        *,
        colour: bool | None,
        peildatum: object,
        output: Path | None,
        targets: Sequence[tuple[str, Path | None, bool]] = (),
        **kwargs: object,
    ) -> ReportOptions:
        """``colour`` None: colour where the report goes to a terminal (each target on its own)."""
        date = peildatum.date() if isinstance(peildatum, dt.datetime) else (peildatum or dt.date.today())
        appendix = bool(kwargs.get("appendix", False))
        reports = tuple(
            Target(fmt, path, _colour(colour, path), quiet, text_width(path), appendix) for fmt, path, quiet in targets
        )
        return cls(colour=_colour(colour, output), peildatum=date, output=output, targets=reports, **kwargs)  # type: ignore[arg-type]

    def sinks(self) -> tuple[Target, ...]:
        """The reports to write: ``targets``, or the one in ``fmt`` to ``output``."""
        return self.targets or (
            Target(self.fmt, self.output, self.colour, self.quiet, text_width(self.output), self.appendix),
        )


def _colour(colour: bool | None, path: Path | None) -> bool:
    return colour if colour is not None else path is None and colour_wanted(sys.stdout)


def colour_wanted(stream: object) -> bool:
    """Colour by the usual conventions: a non-empty NO_COLOR turns it off, a non-empty FORCE_COLOR on (also
    into a pipe or a CI log); otherwise only on a terminal that is not ``TERM=dumb``."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


class ExitTracker:
    """The ``check`` exit code, worked out one outcome at a time, keeping no report: 2 for any invalid file
    (or none at all), 1 for a gap at the fail level, else 0."""

    def __init__(self, fail_on: str, fail_on_unknown: bool = False) -> None:
        self.fail_on = FAIL_LEVEL_ALIASES.get(fail_on, fail_on)
        self.fail_on_unknown = fail_on_unknown
        self.files = 0
        self.has_problems = False
        self.gaps: set[frozenset[Severity]] = set()
        self.broken = 0
        self.problems: list[Problem] = []
        self.gap_count = 0
        self.verdicts: dict[VerdictKind, int] = {}

    def watch(self, outcomes: Iterable[FileOutcome]) -> Iterator[FileOutcome]:
        for outcome in outcomes:
            self.files += 1
            self.has_problems = self.has_problems or bool(outcome.problems)
            self.broken += bool(outcome.problems)
            self.problems.extend(outcome.problems)
            self.gaps.add(outcome.gap_severities())
            if self.fail_on_unknown:
                self.gaps.add(outcome.unknown_severities())
            kind = outcome.verdict_kind()
            if kind is not None:
                self.verdicts[kind] = self.verdicts.get(kind, 0) + 1
                self.gap_count += outcome.gaps_counted()
            yield outcome

    def tally(self, lang: str) -> str:
        """What the run found, in one line (see report.concise.tally_text)."""
        from iza_check.report.concise import tally_text

        return tally_text(self.verdicts, self.gap_count, self.broken, lang)

    def reason(self, lang: str) -> str:
        """Why the run ends with its exit code, in a few words."""
        code = self.result
        nl, en = (
            (f"geen tekorten op niveau --fail-on {self.fail_on}", f"no gaps at level --fail-on {self.fail_on}")
            if code == EXIT_OK
            else (
                f"tekorten{' of onbekende regels' if self.fail_on_unknown else ''} op niveau --fail-on {self.fail_on}",
                f"gaps{' or unknown rules' if self.fail_on_unknown else ''} at level --fail-on {self.fail_on}",
            )
            if code == EXIT_FINDINGS
            else ("geen profielen gevonden", "no profiles found")
            if self.files == 0
            else ("ongeldige invoer: niet elk bestand kon worden gelezen", "invalid input: not every file could be read")
        )
        return f"exitcode {code}: {en if lang == 'en' else nl}"

    @property
    def result(self) -> int:
        if self.files == 0 or self.has_problems:
            return EXIT_INVALID_INPUT
        failing = _FAILING[self.fail_on]
        return EXIT_FINDINGS if any(failing & severities for severities in self.gaps) else EXIT_OK


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
    inode). Only an existing regular file can be an input, so without one nothing is searched; else the
    inputs are searched once for every output.
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
    from iza_check.profile.loader import iter_profile_files

    for item in iter_profile_files(inputs):
        if not isinstance(item, Path):
            continue
        try:
            found = os.stat(item)
        except (OSError, ValueError):
            continue
        for output, option, target in targets:
            if os.path.samestat(found, target):
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
