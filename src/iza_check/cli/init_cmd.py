"""``iza-check init``: make (or update) a profile by answering questions instead of writing YAML."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

import click

from iza_check.cli.exitcodes import EXIT_INVALID_INPUT, EXIT_OK
from iza_check.cli.options import ENGINE
from iza_check.problems import InputError, Problem
from iza_check.profile.model import Profile
from iza_check.profile.writer import Snapshot
from iza_check.questionnaire import AnswersInvalid, Msg, QuestionnaireAborted, run_questionnaire

Lang = Literal["nl", "en"]
DEFAULT_FILE = Path("profiel.yaml")

_TEXT: dict[str, Msg] = {
    "exists": Msg(
        "{path} bestaat al. Er is niets veranderd.\n"
        "  Overschrijven: iza-check init {path} --force\n"
        "  Bijwerken:     iza-check init --update {path} --force\n"
        "  Of kies een andere naam: iza-check init nieuw-profiel.yaml",
        "{path} already exists. Nothing was changed.\n"
        "  Overwrite: iza-check init {path} --force\n"
        "  Update:    iza-check init --update {path} --force\n"
        "  Or choose another name: iza-check init new-profile.yaml",
    ),
    "is_dir": Msg("{path} is een map, geen bestand. Geef een bestandsnaam, bijv. {path}/profiel.yaml.",
                  "{path} is a folder, not a file. Give a file name, e.g. {path}/profiel.yaml."),
    "no_folder": Msg("De map {folder} bestaat niet. Maak die eerst aan of kies een andere plek.",
                     "The folder {folder} does not exist. Create it first or choose another place."),
    "update_missing": Msg("{path} bestaat niet; er is niets om bij te werken. Begin een nieuw profiel met: "
                          "iza-check init {path}",
                          "{path} does not exist; there is nothing to update. Start a new profile with: "
                          "iza-check init {path}"),
    "update_invalid": Msg("{path} kan niet worden bijgewerkt, omdat het bestand fouten bevat:",
                          "{path} cannot be updated because the file has errors:"),
    "update_fix": Msg("Verbeter deze fouten eerst (of begin opnieuw met iza-check init).",
                      "Please fix these errors first (or start again with iza-check init)."),
    "aborted": Msg("Gestopt. Er is niets opgeslagen.", "Stopped. Nothing was saved."),
    "write_failed": Msg("{path} kon niet worden opgeslagen: {reason}. Er is niets veranderd.",
                        "{path} could not be saved: {reason}. Nothing was changed."),
    "internal": Msg("Het profiel kon niet worden opgeslagen door een fout in iza-check ({reason}). "
                    "Er is niets veranderd; meld dit alstublieft.",
                    "The profile could not be saved because of an error in iza-check ({reason}). "
                    "Nothing was changed; please report this."),
    "changed": Msg("{path} is veranderd terwijl de vragen liepen (in een editor of door een ander programma). "
                   "Het is niet overschreven, zodat die wijzigingen blijven staan.",
                   "{path} was changed while the questions ran (in an editor or by another program). "
                   "It was not overwritten, so those changes stay."),
    "invalid_answers": Msg("De antwoorden samen vormen geen geldig profiel, dus {path} is niet opgeslagen:",
                           "Together the answers do not make a valid profile, so {path} was not saved:"),
    "edit_failed": Msg("{path} kon niet worden bijgewerkt zonder de rest van het bestand te veranderen ({reason}). "
                       "Er is niets veranderd.",
                       "{path} could not be updated without changing the rest of the file ({reason}). "
                       "Nothing was changed."),
    "kept": Msg("Uw antwoorden zijn bewaard in {side}, er is niets verloren. Neem ze daaruit over in {path}.",
                "Your answers were kept in {side}, nothing is lost. Copy them from there into {path}."),
    "kept_failed": Msg("Ook uw antwoorden konden niet worden bewaard ({reason}).",
                       "Your answers could not be kept either ({reason})."),
    "side_note": Msg("Antwoorden uit iza-check init, niet opgeslagen in {path}: {why}",
                     "Answers from iza-check init, not saved in {path}: {why}"),
    "saved": Msg("Opgeslagen: {path}", "Saved: {path}"),
    "next": Msg("Profiel aangepast? Bekijk het rapport opnieuw met:  iza-check check {path}",
                "Changed the profile? See the report again with:  iza-check check {path}"),
    "report_failed": Msg("Het rapport kon nu niet worden gemaakt ({reason}). Probeer later: iza-check check {path}",
                         "The report could not be made now ({reason}). Try later: iza-check check {path}"),
}


def _t(key: str, lang: Lang, **values: object) -> str:
    return _TEXT[key](lang).format(**values)



@click.command("init")
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=True))
@click.option("--force", is_flag=True, help="Overschrijf FILE als het al bestaat.")
@click.option(
    "--update",
    "update_from",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Werk dit bestaande profiel bij: elke vraag krijgt het huidige antwoord als voorstel. "
    "Zonder FILE wordt dit bestand zelf bijgewerkt (dan is --force nodig).",
)
@click.option(
    "--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Taal van de vragen."
)
@ENGINE
def init_command(file: Path | None, force: bool, update_from: Path | None, lang: Lang) -> None:
    """Maak een profiel door vragen te beantwoorden, zonder zelf YAML te schrijven.

    FILE is het bestand dat wordt gemaakt (standaard profiel.yaml). Een bestaand bestand wordt alleen
    overschreven met --force. Stoppen zonder op te slaan kan altijd met Ctrl-D of Ctrl-C.
    """
    target = file or update_from or DEFAULT_FILE
    problem = _target_problem(target, force, lang)
    if problem is not None:
        click.echo(problem, err=True)
        sys.exit(EXIT_INVALID_INPUT)
    loaded = _load_existing(update_from, lang) if update_from is not None else None
    existing = loaded[0] if loaded is not None else None

    try:
        profile = run_questionnaire(_ask, click.echo, lang=lang, existing=existing)
    except QuestionnaireAborted:
        click.echo("", err=True)
        click.echo(_t("aborted", lang), err=True)
        sys.exit(EXIT_INVALID_INPUT)
    except AnswersInvalid as invalid:
        _keep_answers(invalid.data, target, lang, _t("invalid_answers", lang, path=target), show_problems=True)
        sys.exit(EXIT_INVALID_INPUT)

    from iza_check.profile.edit import EditError
    from iza_check.profile.writer import (
        ProfileExistsError,
        RenderError,
        SourceChangedError,
        write_profile,
        write_updated_profile,
    )

    problem: str | None = None
    try:
        if loaded is not None:
            write_updated_profile(profile, target, source=loaded[1], before=loaded[0], force=force)
        else:
            write_profile(profile, target, force=force)
    except ProfileExistsError:
        problem = _t("exists", lang, path=target)
    except SourceChangedError as error:
        problem = _t("changed", lang, path=error.path)
    except EditError as error:
        problem = _t("edit_failed", lang, path=target, reason=error)
    except (RenderError, InputError) as error:
        problem = _t("internal", lang, reason=error)
    except OSError as error:
        problem = _t("write_failed", lang, path=target, reason=error.strerror or error)
    if problem is not None:
        data = profile.model_dump(mode="python", exclude_none=True, exclude_unset=True)
        _keep_answers(data, target, lang, problem)
        sys.exit(EXIT_INVALID_INPUT)

    click.echo("")
    click.echo(_t("saved", lang, path=target))
    _show_report(target, lang)
    sys.exit(EXIT_OK)


def _keep_answers(data: dict[str, object], target: Path, lang: Lang, problem: str, *,
                  show_problems: bool = False) -> None:
    """Say why nothing was saved and keep every answer beside ``target``, so no answer is ever lost."""
    from iza_check.report._common import clean
    from iza_check.profile.writer import save_answers

    click.echo("", err=True)
    click.echo(clean(problem, keep_newlines=True), err=True)
    first_line = problem.splitlines()[0] if problem else ""
    try:
        side = save_answers(data, target, note=(_t("side_note", lang, path=target, why=first_line),))
    except OSError as error:
        click.echo(_t("kept_failed", lang, reason=error.strerror or error), err=True)
        return
    if show_problems:
        # The saved answers read with the strict loader: every problem with its line in the side file.
        try:
            from iza_check.profile.loader import load_profile

            load_profile(side)
        except InputError as error:
            for found in error.problems:
                click.echo(f"  {found.format()}", err=True)
    click.echo(_t("kept", lang, side=side, path=target), err=True)


def _ask(prompt: str) -> str:
    return input(prompt)


def _target_problem(target: Path, force: bool, lang: Lang) -> str | None:
    """Refuse before the first question, so nobody answers fifty questions for nothing."""
    if target.is_dir():
        return _t("is_dir", lang, path=target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        return _t("no_folder", lang, folder=folder)
    if target.exists() and not force:
        return _t("exists", lang, path=target)
    return None


def _load_existing(path: Path, lang: Lang) -> tuple[Profile, Snapshot]:
    if not path.is_file():
        click.echo(_t("update_missing", lang, path=path), err=True)
        sys.exit(EXIT_INVALID_INPUT)
    try:
        return _load(path)
    except InputError as error:
        click.echo(_t("update_invalid", lang, path=path), err=True)
        for problem in error.problems:
            click.echo(f"  {problem.format()}", err=True)
        click.echo(_t("update_fix", lang), err=True)
        sys.exit(EXIT_INVALID_INPUT)


def _load(path: Path) -> tuple[Profile, Snapshot]:
    """The profile and the bytes it was read from: the update edits those bytes and refuses when they change."""
    from iza_check.profile.loader import load_profile_bytes
    from iza_check.yamlsafe import read_limited

    raw = read_limited(path, str(path))
    try:
        snapshot = Snapshot.take(path, raw)
    except OSError as error:
        raise InputError([Problem(str(path), str(error.strerror or error), "unreadable")]) from error
    return load_profile_bytes(raw, str(path)).profile, snapshot


def _show_report(path: Path, lang: Lang) -> None:
    """Show the report for the new profile, then say how to see it again after editing."""
    from iza_check.cli.main import show_report

    click.echo("")
    try:
        show_report(path, lang)
    except (SystemExit, click.exceptions.Exit):
        # The report may end with a findings exit code; the profile itself was saved fine.
        pass
    except Exception as error:  # noqa: BLE001 - the profile is saved; a report failure must not hide that
        click.echo(_t("report_failed", lang, path=path, reason=error), err=True)
        return
    click.echo("")
    click.echo(_t("next", lang, path=path))
