"""The language the command line speaks in this process, and its texts in both languages.

Two decisions, each made once:

- the *command line's* language, for ``--help``, usage errors and Click's own messages: ``--lang en`` on the
  command line or an English locale (see :func:`iza_check.cli.dutch.wants_english`), decided in ``main()``
  before anything is parsed;
- the *output* language, for the lines a run writes to stderr (what was written, why it stopped, what could
  not be read): the command's own ``--lang`` where it has one (also when it comes from the settings file),
  else the command line's.

Dutch is the default for both, also for a program that calls the runners without ``main()``. A text in both
languages is the project's :class:`iza_check.assess.findings.Text`; :func:`say` picks one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from iza_check.assess.findings import Text

if TYPE_CHECKING:
    import click

__all__ = [
    "EPILOG", "Text", "cli_lang", "english", "localize", "output_lang", "remember_lang", "reset", "say", "say_usage",
    "start",
]

_state: dict[str, str | None] = {"cli": "nl", "output": None}


def start(argv: Sequence[str]) -> str:
    """Decide the command line's language for this run (``main()`` calls this once); returns it."""
    from iza_check.cli.dutch import wants_english

    _state["cli"] = "en" if wants_english(argv) else "nl"
    _state["output"] = None
    return cli_lang()


def reset() -> None:
    """Back to the default (Dutch) once a run is over, for whatever the process does next without ``main()``."""
    _state["cli"] = "nl"
    _state["output"] = None


def cli_lang() -> str:
    """``nl`` or ``en``: the language of ``--help``, usage errors and Click's own messages."""
    return _state["cli"] or "nl"


def english() -> bool:
    return cli_lang() == "en"


def output_lang() -> str:
    """``nl`` or ``en``: the command's ``--lang`` once it is known, else the command line's language."""
    return _state["output"] or cli_lang()


def remember_lang(_ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
    """The callback of every ``--lang`` option: that value decides the language of the run's own lines."""
    if value in ("nl", "en"):
        _state["output"] = value
    return value


def say(nl: str, en: str, lang: str | None = None) -> str:
    """The Dutch or the English text: in ``lang``, or else in the output language (:func:`output_lang`)."""
    return Text(nl, en).get(lang or output_lang())


def say_usage(nl: str, en: str) -> str:
    """A usage error (a wrong combination of options, a wrong value): in the command line's language."""
    return Text(nl, en).get(cli_lang())


# --- --help in the command line's language ---------------------------------------------------------------

# Where a command or parameter keeps its Dutch texts (the ones in the source) once it has been localized.
_DUTCH = "_iza_check_nl"
# The key of a command's epilog in help_en.HELP_EN (never a parameter's name: not an identifier).
EPILOG = "(epilog)"


def _path_kind(kind: click.Path) -> str:
    """Click's word for a Path type (its ``name``, in its messages), as its constructor chooses it."""
    if kind.file_okay and not kind.dir_okay:
        return "file"
    if kind.dir_okay and not kind.file_okay:
        return "directory"
    return "path"


def _english(table: dict[str, str], key: str, dutch: str | None) -> str | None:
    """The English twin of a help text from ``table`` (empty: Dutch is wanted), else the Dutch text."""
    text = table.get(key)
    if text is None or dutch is None:
        return dutch
    if "{formats}" in text:
        from iza_check.report.registry import FORMATS

        text = text.replace("{formats}", ", ".join(FORMATS))
    if "{sections}" in text:  # only init's help says it, and init has loaded the questionnaire
        from iza_check.questionnaire.questions import SECTION_KEYS

        text = text.replace("{sections}", ", ".join(SECTION_KEYS))
    return text


def localize(command: click.Command, path: str = "") -> None:
    """Give ``command`` and its sub-commands the help texts of the command line's language.

    The Dutch texts are the ones in the source; the English ones are in :data:`iza_check.cli.help_en.HELP_EN`
    under the command's path (``""`` for iza-check itself, ``"rules lint"``). The Dutch texts are kept on each
    object, so a later run in the same process (tests, an embedding program) can switch back. A text without an
    English twin stays Dutch (tests/acceptance/test_english_cli.py fails on that).
    """
    import click

    from iza_check.cli import dutch

    en = english()
    table: dict[str, str] = {}
    metavars: dict[str, str] = {}
    if en:
        from iza_check.cli.help_en import HELP_EN, METAVARS_EN

        table, metavars = HELP_EN.get(path, {}), METAVARS_EN
    dutch_texts: dict[str, str | None] = command.__dict__.setdefault(
        _DUTCH, {"": command.help, EPILOG: command.epilog}
    )
    command.help = _english(table, "", dutch_texts[""])
    command.epilog = _english(table, EPILOG, dutch_texts[EPILOG])
    for param in command.params:
        help_nl, metavar_nl = param.__dict__.setdefault(_DUTCH, (getattr(param, "help", None), param.metavar))
        if isinstance(param, click.Option):
            param.help = _english(table, param.name or "", help_nl)
        if metavar_nl is not None:
            param.metavar = metavars.get(metavar_nl, metavar_nl)
        if isinstance(param.type, click.Path):
            param.type.name = dutch.gettext(_path_kind(param.type))
    help_option = getattr(command, "_help_option", None)  # click caches it, with the text of its first run
    if isinstance(help_option, click.Option):
        help_option.help = dutch.gettext("Show this message and exit.")
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            localize(sub, f"{path} {name}".strip())
