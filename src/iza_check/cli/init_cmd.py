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
from iza_check.questionnaire import Msg, QuestionnaireAborted, run_questionnaire

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
    existing = _load_existing(update_from, lang) if update_from is not None else None

    try:
        profile = run_questionnaire(_ask, click.echo, lang=lang, existing=existing)
    except QuestionnaireAborted:
        click.echo("", err=True)
        click.echo(_t("aborted", lang), err=True)
        sys.exit(EXIT_INVALID_INPUT)

    from iza_check.profile.writer import ProfileExistsError, RenderError, write_profile

    try:
        write_profile(profile, target, force=force)
    except ProfileExistsError:
        click.echo(_t("exists", lang, path=target), err=True)
        sys.exit(EXIT_INVALID_INPUT)
    except (RenderError, InputError) as error:
        click.echo(_t("internal", lang, reason=error), err=True)
        sys.exit(EXIT_INVALID_INPUT)
    except OSError as error:
        click.echo(_t("write_failed", lang, path=target, reason=error.strerror or error), err=True)
        sys.exit(EXIT_INVALID_INPUT)

    click.echo("")
    click.echo(_t("saved", lang, path=target))
    _show_report(target, lang)
    sys.exit(EXIT_OK)


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


def _load_existing(path: Path, lang: Lang) -> Profile:
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


def _load(path: Path) -> Profile:
    try:
        from iza_check.profile.loader import load_profile
    except ImportError:
        return _load_plain(path)
    return load_profile(path).profile


def _load_plain(path: Path) -> Profile:
    """Fallback when the strict loader is not installed: safe YAML and the model, problems without lines."""
    import yaml
    from pydantic import ValidationError

    source = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        return Profile.model_validate(data)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError([Problem(source, str(error), "unreadable")]) from error
    except ValidationError as error:
        raise InputError([
            Problem(source, detail["msg"], "invalid", field_path=".".join(str(p) for p in detail["loc"]))
            for detail in error.errors()
        ]) from error


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
