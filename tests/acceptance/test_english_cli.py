"""The command line in English: ``--lang en`` or an English locale turns the project's own texts English too.

Its ``--help`` (every command's and option's text, and the metavars), the usage errors the commands raise and
the lines a run writes to stderr; Dutch stays the default (tests/acceptance/test_dutch_cli.py). The English
help texts live in one table, iza_check.cli.help_en; the drift tests here fail when a Dutch help text has no
English twin, or the table names what is gone.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from iza_check.cli.help_en import HELP_EN, METAVARS_EN
from iza_check.cli.lang import EPILOG
from iza_check.cli.main import main

REPO = Path(__file__).resolve().parents[2]
PROFILE = REPO / "profiles" / "inloop-koffie-welzijn.yaml"  # gaps on required rules: exit 1 by default
DATE = ("--reference-date", "2026-11-01")
ENGLISH_LOCALE = {"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": None, "LANG": "en_US.UTF-8"}
DUTCH_LOCALE = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}
# Words that only the Dutch texts use (help, usage, Click's own).
DUTCH_WORDS = ("Rapportvorm", "Toets profielen", "Gebruik:", "Opties", "Opdrachten", "standaard", "Toon deze hulp",
               "BESTAND", "PATROON", "NAAM", "VORM", " MAP", "bestanden", "regelbestanden")


def _cli(*args: str, locale: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=locale or DUTCH_LOCALE, catch_exceptions=False)


def _process(*args: str, lang_env: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    if lang_env:
        env["LANG"] = lang_env
    return subprocess.run(
        [sys.executable, "-m", "iza_check", *args], capture_output=True, text=True, timeout=120, check=False, env=env
    )


def _commands() -> Iterator[tuple[str, click.Command]]:
    """Every command with its path (``""`` for iza-check itself), the lazily loaded ones and ``rules`` too."""
    context = click.Context(main)

    def walk(command: click.Command, path: str) -> Iterator[tuple[str, click.Command]]:
        yield path, command
        if isinstance(command, click.Group):
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                assert sub is not None, name
                yield from walk(sub, f"{path} {name}".strip())

    return walk(main, "")


def _squash(text: str) -> str:
    return " ".join(text.split())


# --- --help ----------------------------------------------------------------------------------------------

def test_check_help_in_english_with_lang_en() -> None:
    text = _cli("check", "--lang", "en", "--help").stdout
    assert text.startswith("Usage:") and "Options:" in text and "Show this message and exit." in text
    assert "Check profiles against the rules and show the report." in text
    assert "--format FORMAT[=FILE]" in text and "-o, --output FILE" in text and "--rules DIR" in text
    assert "--exclude PATTERN" in text and "--stdin-filename NAME" in text
    assert "Report format (text, html" in _squash(text) and "[default: nl]" in text
    for word in DUTCH_WORDS:
        assert word not in text, word


def test_the_default_help_stays_dutch() -> None:
    text = _cli("check", "--help").stdout
    assert text.startswith("Gebruik:") and "Rapportvorm" in text and "Toets profielen" in text
    assert "--format VORM[=BESTAND]" in text and "-o, --output BESTAND" in text and "--rules MAP" in text


def test_an_english_locale_gives_english_help_without_lang() -> None:
    result = _process("check", "--help", lang_env="en_US.UTF-8")
    assert result.returncode == 0
    assert result.stdout.startswith("Usage:") and "Report format" in result.stdout
    assert "Rapportvorm" not in result.stdout and "Toets profielen" not in result.stdout
    top = _process("--help", lang_env="en_US.UTF-8").stdout
    assert "Commands:" in top and "Dossier for funders" in top and "Exit codes:" in top
    assert "Opdrachten" not in top and "Toets" not in top


def test_lang_nl_wins_over_an_english_locale() -> None:
    text = _cli("check", "--lang", "nl", "--help", locale=ENGLISH_LOCALE).stdout
    assert text.startswith("Gebruik:") and "Rapportvorm" in text


def test_one_process_switches_back_and_forth() -> None:
    """The help texts are swapped per run, not once: an embedding program or a test runs both."""
    for _ in range(2):
        english = _cli("dossier", "--lang", "en", "--help").stdout
        assert "-o, --output-dir DIR" in english and "Dossier for funders" in english and "[required]" in english
        dutch = _cli("dossier", "--help").stdout
        assert "-o, --output-dir MAP" in dutch and "Dossier voor financiers" in dutch and "[vereist]" in dutch
        assert "Toon deze hulp en stop." in dutch


@pytest.mark.parametrize("path", [path for path, _command in _commands()])
def test_every_help_page_is_english(path: str) -> None:
    """Each command's whole help page under an English locale: no Dutch word, no Dutch text of its own."""
    result = _cli(*path.split(), "--help", locale=ENGLISH_LOCALE)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("Usage:") and "Show this message and exit." in text and "{" not in text
    for word in ("Gebruik:", "Opties", "Opdrachten", "standaard", "Toon ", *(f" {m}" for m in METAVARS_EN)):
        assert word not in text, word
    command = dict(_commands())[path]
    dutch_texts = command.__dict__.get("_iza_check_nl", {})
    for dutch in (dutch_texts.get(""), dutch_texts.get(EPILOG)):
        if dutch:
            first = _squash(dutch)[:40]
            assert first not in _squash(text), first


def test_every_dutch_help_text_has_an_english_twin() -> None:
    """Drift: a new command, option or epilog with Dutch help needs its entry in help_en.HELP_EN."""
    _cli("--help")  # the Dutch texts in place
    missing: list[str] = []
    known: set[tuple[str, str]] = set()
    for path, command in _commands():
        table = HELP_EN.get(path, {})
        if command.help:
            known.add((path, ""))
            if "" not in table:
                missing.append(f"{path or 'iza-check'}: the command's help")
        if command.epilog:
            known.add((path, EPILOG))
            if EPILOG not in table:
                missing.append(f"{path or 'iza-check'}: the epilog")
        for param in command.params:
            if isinstance(param, click.Option) and param.help:
                known.add((path, param.name or ""))
                if (param.name or "") not in table:
                    missing.append(f"{path or 'iza-check'} {param.opts[0]}: its help ({param.name})")
            if isinstance(param, click.Option) and param.metavar and param.metavar.isupper():
                assert param.metavar in METAVARS_EN or param.metavar.isascii(), param.metavar
    assert missing == []
    stale = sorted(f"{path}: {key}" for path, table in HELP_EN.items() for key in table if (path, key) not in known)
    assert stale == []


def test_every_option_path_metavar_has_an_english_word() -> None:
    """A file or folder option says BESTAND or MAP in Dutch and FILE or DIR in English (not Click's own word,
    which depends on when the module was imported)."""
    for path, command in _commands():
        for param in command.params:
            if isinstance(param, click.Option) and isinstance(param.type, click.Path):
                metavar = param.__dict__.get("_iza_check_nl", (None, param.metavar))[1]
                assert metavar in METAVARS_EN, f"{path} {param.opts[0]}: metavar {metavar!r}"


# --- usage errors ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("args", "dutch", "english"),
    [
        (("--format", "csv"), "De vorm csv hoort bij de samenvatting", "The csv format belongs to the summary"),
        (("--summary", "--format", "html=x.html"), "--summary maakt één overzicht", "--summary makes one overview"),
        (("--summary", "-q"), "--quiet hoort bij de vorm concise", "--quiet belongs to the concise format"),
        (("--format", "json", "--format", "text"), "Hoogstens één --format zonder bestand",
         "At most one --format without a file"),
        (("--stdin-filename", "x.yaml"), "--stdin-filename geeft het profiel", "--stdin-filename names the profile"),
        (("--format", "html="), "na 'html=' hoort een bestand", "'html=' needs a file after it"),
        (("--exclude", ""), "een leeg patroon sluit niets uit", "an empty pattern excludes nothing"),
    ],
)
def test_usage_errors_follow_the_language(args: tuple[str, ...], dutch: str, english: str) -> None:
    default = _cli("check", str(PROFILE), *args)
    assert default.exit_code == 2 and dutch in default.stderr and english not in default.stderr
    en = _cli("check", str(PROFILE), *args, "--lang", "en")
    assert en.exit_code == 2 and english in en.stderr and dutch not in en.stderr
    assert "Fout:" not in en.stderr and "Gebruik:" not in en.stderr


def test_a_usage_error_in_a_subprocess_under_an_english_locale() -> None:
    result = _process("check", str(PROFILE), "--format", "csv", lang_env="en_GB.UTF-8")
    assert result.returncode == 2 and result.stderr.startswith("The csv format belongs to the summary")


# --- lines on stderr -------------------------------------------------------------------------------------

def test_the_summary_after_output_follows_lang(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    english = _cli("check", str(PROFILE), *DATE, "-o", str(report), "--lang", "en")
    assert english.exit_code == 1
    assert english.stderr == (
        f"{report}: text · 1 profile: 1 not a priori · 14 gaps · exitcode 1: gaps at level --fail-on verplicht\n"
    )
    dutch = _cli("check", str(PROFILE), *DATE, "-o", str(report))
    assert dutch.exit_code == 1
    assert dutch.stderr == (
        f"{report}: text · 1 profiel: 1 niet op voorhand · 14 tekorten · exitcode 1: tekorten op niveau --fail-on "
        "verplicht\n"
    )
    # Under an English locale without --lang the report and its line stay Dutch: --lang decides the output.
    assert "1 profiel:" in _cli("check", str(PROFILE), *DATE, "-o", str(report), locale=ENGLISH_LOCALE).stderr


def test_the_dossier_line_follows_lang(tmp_path: Path) -> None:
    english = _cli("dossier", str(PROFILE), *DATE, "-o", str(tmp_path / "en"), "--lang", "en")
    dutch = _cli("dossier", str(PROFILE), *DATE, "-o", str(tmp_path / "nl"))
    assert english.exit_code == dutch.exit_code == 1
    assert "dossier with 1 report · 1 profile:" in english.stderr and "exitcode 1: gaps" in english.stderr
    assert "dossier met 1 rapport · 1 profiel:" in dutch.stderr and "exitcode 1: tekorten" in dutch.stderr


def test_no_profiles_and_cannot_write_follow_lang(tmp_path: Path) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    for command in (("check",), ("overview",), ("dossier", "-o", str(tmp_path / "d"))):
        english = _cli(*command, str(empty), "--lang", "en")
        dutch = _cli(*command, str(empty))
        assert english.exit_code == dutch.exit_code == 2, command
        assert "No profiles found (*.yaml, *.yml)." in english.stderr and "Geen profielen" not in english.stderr
        assert "Geen profielen gevonden (*.yaml, *.yml)." in dutch.stderr
    missing = tmp_path / "er-niet" / "rapport.txt"
    english = _cli("check", str(PROFILE), "-o", str(missing), "--lang", "en")
    assert english.exit_code == 2 and f"{missing}: cannot write (" in english.stderr
    assert f"{missing}: kan niet schrijven (" in _cli("check", str(PROFILE), "-o", str(missing)).stderr


def test_an_output_over_an_input_is_refused_in_english(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    shutil.copy(PROFILE, profile)
    result = _cli("check", str(profile), "--format", f"json={profile}", "--lang", "en")
    assert result.exit_code == 2
    assert "this output file is the input file" in result.stderr and "--format json=FILE" in result.stderr


def test_validate_and_rules_speak_the_locale() -> None:
    english = _cli("validate", str(REPO / "profiles"), locale=ENGLISH_LOCALE)
    assert english.exit_code == 0 and re.search(r"\d+ file\(s\) checked, 0 with errors\.", english.stderr)
    dutch = _cli("validate", str(REPO / "profiles"))
    assert dutch.exit_code == 0 and re.search(r"\d+ bestand\(en\) gecontroleerd, 0 met fouten\.", dutch.stderr)
    assert "rules checked: no errors." in _cli("rules", "lint", locale=ENGLISH_LOCALE).stdout
    unknown = _cli("explain", "K99", "--lang", "en")
    assert unknown.exit_code == 2 and unknown.stderr.startswith("Unknown rule 'K99'. Known rules:")


def test_a_diff_usage_message_in_english(tmp_path: Path) -> None:
    result = _cli("diff", str(PROFILE), str(REPO / "profiles"), "--lang", "en")
    assert result.exit_code == 2
    assert "Compare two files (two versions of one profile) or two folders" in result.stderr


# --- exit codes ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "args",
    [
        ("check", str(PROFILE), *DATE),
        ("check", str(PROFILE), *DATE, "--fail-on", "nooit"),
        ("check", str(REPO / "profiles"), *DATE, "--format", "concise"),
        ("check", "--summary", str(REPO / "profiles"), *DATE),
        ("check", str(PROFILE), "--format", "csv"),
        ("check", "--format", "pdf", str(PROFILE)),
        ("overview", str(REPO / "profiles"), *DATE),
        ("diff", str(PROFILE), str(PROFILE), *DATE),
        ("explain", "K1"),
    ],
)
def test_the_exit_codes_do_not_depend_on_the_language(args: tuple[str, ...]) -> None:
    dutch = _cli(*args)
    assert _cli(*args, "--lang", "en").exit_code == dutch.exit_code
    assert _cli(*args, locale=ENGLISH_LOCALE).exit_code == dutch.exit_code


def test_beyond_the_bound_of_the_whole_report_formats_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from iza_check.cli import run

    monkeypatch.setattr(run, "WHOLE_REPORT_MAX_PROFILES", 1)
    folder = tmp_path / "p"
    folder.mkdir()
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(PROFILE, folder / name)
    refused = _cli("check", str(folder), "--format", "html", "-o", str(tmp_path / "r.html"), "--lang", "en")
    assert refused.exit_code == 2
    assert "--format html makes one document of the whole report and is therefore limited to 1 profiles" in refused.stderr
    assert "Nothing was checked or written." in refused.stderr and "exitcode" not in refused.stderr
    partly = _cli("check", str(folder), *DATE, "--format", "concise", "--format", f"html={tmp_path / 'r.html'}",
                  "-o", str(tmp_path / "r.txt"), "--lang", "en")
    assert partly.exit_code == 2
    assert "That report is not written; the other formats are" in partly.stderr
    assert "exitcode 2: not written, too many profiles: --format html" in partly.stderr
