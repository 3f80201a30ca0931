"""Command-line entry point: click stays here; the core never prints."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, NoReturn

import click

from iza_check import __version__, collector
from iza_check.cli.exitcodes import EXIT_INVALID_INPUT, EXIT_OK
from iza_check.cli.inputs import EXCLUDE, STDIN_FILENAME, exclude_option, select_paths, with_stdin
from iza_check.cli.lang import localize, say, say_usage
from iza_check.cli.options import ENGINE, FORMATS, ReportOptions, no_profiles
from iza_check.cli.outputs import FormatSpec, FormatSpecType, TargetError, plan_targets
from iza_check.cli.shared import (
    DEFAULT_MAX_BYTES,
    FAIL_ON,
    FAIL_ON_UNKNOWN,
    JOBS,
    LANG,
    MAX_BYTES,
    OUTPUT,
    REFERENCE_DATE,
    RULES,
)

_PATHS = click.argument(
    # readable=False: a file that cannot be read is that file's problem, reported with the others, not a usage error
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=False, dir_okay=True, readable=False)
)
_PATHS_HELP = (
    "PATHS zijn bestanden of mappen (mappen worden doorzocht op *.yaml en *.yml); - is één profiel op de "
    "standaardinvoer."
)


EXIT_INTERRUPTED = 130


def _silence_stdout() -> None:
    """After a closed pipe (``| head``): nothing more to say, and nothing for Python to flush at exit."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _apply_settings(ctx: click.Context) -> None:
    """Defaults from the nearest .iza-check.yaml or [tool.iza-check] (options given on the command line win)."""
    from iza_check.cli import config
    from iza_check.problems import InputError

    found = config.find(Path.cwd())
    if found is None:
        return
    try:
        settings = config.load(found)
    except InputError as error:
        for problem in error.problems:
            click.echo(problem.format(), err=True)
        ctx.exit(EXIT_INVALID_INPUT)
    ctx.default_map = settings.default_map()


def _tolerant_console() -> None:
    """A console that cannot show a character (Latin-1, ASCII) gets a replacement, never an exception."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            try:
                reconfigure(errors="replace")
            except (OSError, ValueError):
                pass


class _LazyGroup(click.Group):
    """Imports a command's module only when that command runs (or help lists it): ``check`` then
    does not pay for the questionnaire and the funders' overviews."""

    lazy: ClassVar[dict[str, tuple[str, str]]] = {
        "init": ("iza_check.cli.init_cmd", "init_command"),
        "overview": ("iza_check.cli.funders", "overview_command"),
        "diff": ("iza_check.cli.funders", "diff_command"),
        "dossier": ("iza_check.cli.funders", "dossier_command"),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        collector.hold()
        try:
            return self._main(args, *rest, **kwargs)
        finally:
            collector.release()

    def _main(self, args: Sequence[str] | None, *rest: Any, **kwargs: Any) -> Any:
        _tolerant_console()
        from iza_check.cli import dutch, lang

        # The command line's language, decided once for this run: Click's messages, --help, usage errors.
        lang.start(sys.argv[1:] if args is None else list(args))
        dutch.install()
        lang.localize(self)
        try:
            return super().main(args, *rest, **kwargs)
        finally:
            lang.reset()

    def invoke(self, ctx: click.Context) -> object:
        """Every command ends with an exit code and a line, never a traceback: Ctrl-C gives 130 (the
        convention), SIGTERM 143 (a report being written is not left half-done, see open_output), an
        output that cannot be written (a closed pipe, a full disk) gives 2."""
        from iza_check.cli.exitcodes import EXIT_TERMINATED
        from iza_check.stop import (
            Terminated,
            on_sigterm_raise,
            restore_sigterm,
            run_cleanups,
        )

        previous = on_sigterm_raise()
        try:
            _apply_settings(ctx)
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\n" + say("Afgebroken (Ctrl-C).", "Stopped (Ctrl-C)."), err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except Terminated:
            run_cleanups()  # worker processes stopped before the interpreter exits (iza_check.checker)
            click.echo("\n" + say("Afgebroken (SIGTERM).", "Stopped (SIGTERM)."), err=True)
            ctx.exit(EXIT_TERMINATED)
        except OSError as error:
            if isinstance(error, BrokenPipeError):
                _silence_stdout()  # nothing more reaches the reader; stderr says why the output stops
            reason = error.strerror or error
            click.echo(say(f"kan niet schrijven ({reason}).", f"cannot write ({reason})."), err=True)
            ctx.exit(EXIT_INVALID_INPUT)
        finally:
            restore_sigterm(previous)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            import importlib

            module, attribute = self.lazy[cmd_name]
            command = getattr(importlib.import_module(module), attribute)
            if cmd_name in _SEARCHING:
                command = _with_exclude(command, _SEARCHING[cmd_name])
            self.add_command(command, cmd_name)
            localize(command, cmd_name)  # its --help in the command line's language
        return super().get_command(ctx, cmd_name)


# The commands defined elsewhere that search folders for profiles, with their paths parameter: they get
# --exclude here, as check and validate have it, with the same meaning (select_paths).
_SEARCHING = {"overview": "dirs", "dossier": "paths"}


def _with_exclude(command: click.Command, paths_parameter: str) -> click.Command:
    """A copy of ``command`` with ``--exclude``: the files it leaves out are gone before the command runs."""
    import copy
    import functools

    callback = command.callback
    names = {param.name for param in command.params}
    if callback is None or paths_parameter not in names or "exclude" in names:
        return command
    searching = copy.copy(command)
    searching.params = [*command.params, exclude_option()]

    def run(*args: Any, exclude: tuple[Any, ...] = (), **kwargs: Any) -> Any:
        kwargs[paths_parameter] = select_paths(kwargs[paths_parameter], exclude)
        return callback(*args, **kwargs)

    searching.callback = functools.update_wrapper(run, callback)
    return searching


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """The version, and which engine back-end a run here would use (and why, when it is not durable-rules)."""
    if not value or ctx.resilient_parsing:
        return
    import os

    from iza_check.engine import BACKENDS, choose_backend, durable_problem, engine_name

    chosen = os.environ.get("IZA_CHECK_ENGINE")
    choose_backend(chosen if chosen in BACKENDS else None)
    name = engine_name()
    problem = durable_problem()
    line = f"iza-check, version {__version__}\nengine: {name}"
    if name == "durable":
        from importlib.metadata import version

        line += f" (durable-rules {version('durable_rules')})"
    elif problem is not None:
        line += f" (durable-rules is not used: {problem.reason})"
    click.echo(line)
    ctx.exit()


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Toon de versie en de regelengine, en stop.",
)
def main() -> None:
    """iza-check toetst zelfregie- en herstelinitiatieven aan de tien IZA-kenmerken,
    de kwaliteitseisen en de drie bouwstenen, en schrijft een rapport met advies.

    \b
    Exitcodes:
      0  alles in orde
      1  bevindingen op of boven het --fail-on-niveau
      2  ongeldige invoer of verkeerd gebruik
    """


@main.command(epilog=_PATHS_HELP)
@_PATHS
@MAX_BYTES
@EXCLUDE
@STDIN_FILENAME
def validate(paths: tuple[Path, ...], max_bytes: int, exclude: tuple[Any, ...], stdin_filename: str | None) -> None:
    """Controleer profielen alleen op vorm (schema), zonder de regels toe te passen."""
    from iza_check.validate import load_many

    paths = _inputs(paths, exclude, stdin_filename, max_bytes)
    files = 0
    broken = 0
    for result in load_many(paths, max_bytes=max_bytes):
        files += 1
        if result.problems:
            broken += 1
            for problem in result.problems:
                click.echo(problem.format())
    if files == 0:
        click.echo(no_profiles(), err=True)
    summary = say(
        f"{files} bestand(en) gecontroleerd, {broken} met fouten.", f"{files} file(s) checked, {broken} with errors."
    )
    click.echo(summary, err=True)
    sys.exit(EXIT_INVALID_INPUT if broken or files == 0 else EXIT_OK)


@main.command()
@click.option(
    "--kind",
    type=click.Choice(["profile", "rules", "config"]),
    default="profile",
    show_default=True,
    help="Welk schema: het profiel, de regelbestanden of het instellingenbestand (.iza-check.yaml).",
)
def schema(kind: str) -> None:
    """Print het JSON Schema van een profiel (of van de regelbestanden of het instellingenbestand)."""
    from iza_check.profile.schema import dumps_schema, profile_json_schema

    if kind == "profile":
        click.echo(dumps_schema(profile_json_schema()), nl=False)
    elif kind == "config":
        from iza_check.cli.config import config_json_schema

        click.echo(dumps_schema(config_json_schema()), nl=False)
    else:
        from iza_check.rules.model import rules_json_schema

        click.echo(dumps_schema(rules_json_schema()), nl=False)


_QUIET_IS_CONCISE = (
    "--quiet hoort bij de vorm concise (zonder --summary).",
    "--quiet belongs to the concise format (without --summary).",
)


def _inputs(
    paths: tuple[Path, ...], exclude: tuple[Any, ...], stdin_filename: str | None, max_bytes: int
) -> tuple[Path, ...]:
    """The command's paths with ``-`` read from standard input and without what ``--exclude`` leaves out;
    a wrong combination is a message and exit 2."""
    try:
        paths = with_stdin(paths, stdin_filename, max_bytes)
    except TargetError as error:
        click.echo(str(error), err=True)
        sys.exit(EXIT_INVALID_INPUT)
    return select_paths(paths, exclude)


@main.command(epilog=_PATHS_HELP)
@_PATHS
@click.option(
    "--format",
    "formats",
    type=FormatSpecType((*FORMATS, "csv")),
    multiple=True,
    metavar="VORM[=BESTAND]",
    help=f"Rapportvorm ({', '.join(FORMATS)}), herhaalbaar: het profiel wordt één keer getoetst en elke vorm "
    "geschreven. VORM=BESTAND schrijft die vorm naar BESTAND; een vorm zonder bestand gaat naar het scherm "
    "(of naar --output). Standaard: text (het volledige rapport) voor één profiel, concise (één regel per "
    "tekort en een telling) voor meer. Met --summary één vorm zonder bestand (zoals html of csv).",
)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    default=False,
    help="Alleen onleesbare bestanden en de telling (in de vorm concise).",
)
@click.option(
    "--summary",
    is_flag=True,
    default=False,
    help="Eén regel per initiatief (voor financiers die veel aanvragen bekijken) in plaats van het "
    "volledige rapport; csv opent goed in Excel.",
)
@OUTPUT
@LANG
@FAIL_ON
@FAIL_ON_UNKNOWN
@click.option("--color/--no-color", "colour", default=None, help="Kleur in de tekstweergave (standaard: als het een terminal is).")
@click.option(
    "--appendix",
    is_flag=True,
    default=False,
    help="Met bijlage (text, markdown, html): alle feiten per criterium met hun plaats in het profiel, de vragen "
    "van de financier en de cijfers ter vergelijking. In html staat de bijlage er altijd in, dichtgeklapt; met "
    "--appendix open, zodat hij ook wordt afgedrukt.",
)
@JOBS
@RULES
@REFERENCE_DATE
@MAX_BYTES
@EXCLUDE
@STDIN_FILENAME
@ENGINE
def check(
    paths: tuple[Path, ...],
    formats: tuple[FormatSpec, ...],
    output: Path | None,
    lang: str,
    fail_on: str,
    colour: bool | None,
    jobs: int,
    rule_dirs: tuple[Path, ...],
    peildatum: object,
    max_bytes: int,
    summary: bool,
    quiet: bool,
    fail_on_unknown: bool,
    exclude: tuple[Any, ...],
    stdin_filename: str | None,
    appendix: bool,
) -> None:
    """Toets profielen aan de regels en toon het rapport.

    \b
    Meer vormen in één run, bijvoorbeeld in CI:
      iza-check check profiles/ --format concise --format sarif=iza-check.sarif --format junit=junit.xml
    """
    from iza_check.cli.run import run_check

    def usage(message: str) -> NoReturn:
        click.echo(message, err=True)
        sys.exit(EXIT_INVALID_INPUT)

    def default() -> str:
        return "concise" if _several_profiles(paths) else "text"

    if summary and (len(formats) > 1 or any(spec.to_file for spec in formats)):
        from iza_check.report.summary_formats import SUMMARY_FORMATS

        names = ", ".join(SUMMARY_FORMATS)
        usage(
            say_usage(
                f"--summary maakt één overzicht in één vorm ({names}), naar het scherm of naar --output; meer "
                "vormen tegelijk en VORM=BESTAND horen bij check zonder --summary.",
                f"--summary makes one overview in one format ({names}), to the screen or to --output; several "
                "formats at once and FORMAT=FILE belong to check without --summary.",
            )
        )
    if not summary and any(spec.fmt == "csv" for spec in formats):
        usage(
            say_usage(
                "De vorm csv hoort bij de samenvatting: gebruik --summary --format csv.",
                "The csv format belongs to the summary: use --summary --format csv.",
            )
        )
    if quiet and summary:
        usage(say_usage(*_QUIET_IS_CONCISE))
    paths = _inputs(paths, exclude, stdin_filename, max_bytes)
    try:
        targets = (
            [(formats[0].fmt if formats else "text", output, False)]
            if summary
            else plan_targets(formats, output, quiet=quiet, default=default)
        )
    except TargetError as error:
        usage(str(error))
    if quiet and targets[0][0] != "concise":
        usage(say_usage(*_QUIET_IS_CONCISE))

    options = ReportOptions.build(
        paths=paths,
        fmt=targets[0][0],
        output=output,
        targets=() if summary else targets,
        lang=lang,
        fail_on=fail_on,
        colour=colour,
        jobs=jobs,
        rule_dirs=rule_dirs,
        peildatum=peildatum,
        max_bytes=max_bytes,
        quiet=quiet,
        fail_on_unknown=fail_on_unknown,
        appendix=appendix,
    )
    if summary:
        from iza_check.cli.funders_run import run_summary

        sys.exit(run_summary(options))
    sys.exit(run_check(options))


def _several_profiles(paths: tuple[Path, ...]) -> bool:
    """Whether the arguments name more than one profile (or file that could not be read)."""
    from iza_check.profile.discovery import iter_profile_files

    return any(found > 1 for found, _item in enumerate(iter_profile_files(paths), start=1))


def show_report(path: Path, lang: str) -> int:
    """The text report for one profile, as `iza-check check FILE` prints it (used by `init`)."""
    from iza_check.cli.run import run_check

    options = ReportOptions.build(
        paths=(path,),
        fmt="text",
        output=None,
        lang=lang,
        fail_on="nooit",
        colour=None,
        jobs=1,
        rule_dirs=(),
        peildatum=None,
        max_bytes=DEFAULT_MAX_BYTES,
    )
    return run_check(options)


@main.group()
def rules() -> None:
    """Werk met de regelbestanden."""


@rules.command("lint")
@RULES
def rules_lint(rule_dirs: tuple[Path, ...]) -> None:
    """Controleer de regelbestanden (schema, veldpaden, dubbele id's)."""
    from iza_check.cli.run import run_rules_lint

    sys.exit(run_rules_lint(rule_dirs))


@rules.command("test")
@RULES
@REFERENCE_DATE
@ENGINE
def rules_test(rule_dirs: tuple[Path, ...], peildatum: object) -> None:
    """Voer de voorbeelden uit die in elke regel staan, en vergelijk met de verwachte uitkomst."""
    from iza_check.cli.run import run_rules_test

    sys.exit(run_rules_test(rule_dirs, peildatum))


@main.command()
@click.argument("rule_id")
@RULES
@LANG
def explain(rule_id: str, rule_dirs: tuple[Path, ...], lang: str) -> None:
    """Toon de uitleg van een regel: wat, waarom, wat te doen, voorbeelden."""
    from iza_check.cli.run import run_explain

    sys.exit(run_explain(rule_id, rule_dirs, lang))

