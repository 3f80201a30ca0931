"""The English ``--help``: every command's and option's help text, for ``--lang en`` or an English locale.

The Dutch texts stay where they are defined (the commands' docstrings and their options' ``help=``): Dutch is the
default. This is the one table of their English twins, applied by :func:`iza_check.cli.lang.localize`:
``{command path: {"": command help, "(epilog)": epilog, option's parameter name: help}}``, the path without
``iza-check`` (``""`` is iza-check itself, ``"rules lint"`` a sub-command). ``{formats}`` and ``{sections}``
are filled in with the report formats and the questionnaire's sections. tests/acceptance/test_english_cli.py
fails when a Dutch text has no English twin here, or this table names what no longer exists.
"""

from __future__ import annotations

# The metavars of the Dutch help and their English words.
METAVARS_EN: dict[str, str] = {
    "VORM[=BESTAND]": "FORMAT[=FILE]",
    "BESTAND": "FILE",
    "MAP": "DIR",
    "PATROON": "PATTERN",
    "NAAM": "NAME",
}

_PATHS = (
    "PATHS are files or folders (folders are searched for *.yaml and *.yml); - is one profile on standard input."
)
# The options several commands take (iza_check.cli.shared, and --exclude, --stdin-filename and --engine in
# iza_check.cli.options), by parameter name: one English text each, as each has one Dutch text.
_SHARED: dict[str, str] = {
    "output": "Write the output to this file instead of to the screen (-: the screen).",
    "lang": "Language of the output.",
    "peildatum": "Reference date (YYYY-MM-DD) for date checks, such as the VOG and the target dates of plans; "
    "default today.",
    "rule_dirs": "Extra folder with rule files (repeatable). A rule with an existing id is an error, unless the "
    "rule has `vervangt: true`.",
    "jobs": "Number of processes (0: all cores).",
    "max_bytes": "Maximum size of one profile file in bytes.",
    "fail_on": "Exit code 1 for a gap (deels or voldoet niet) in a rule of this level or higher; 'nooit' (never) "
    "never gives 1. A gap with a current plan with a target date only counts once that date has passed. Invalid "
    "input always gives 2.",
    "fail_on_unknown": "Also exit code 1 for a rule of that level that is unknown (onbekend), for those who ask "
    "for complete profiles.",
    "exclude": "Skip files whose path (relative to the working directory, with /), a folder above it or a name in "
    "it matches this pattern (fnmatch; repeatable), e.g. 'concepten/*' or '*.antwoorden.yaml'; also a file you "
    "name yourself. Adds to 'exclude' from the settings file. The profile on standard input (-) is never skipped.",
    "stdin_filename": "The name of the profile on standard input (-) in messages and reports, so that a location "
    "points to the real file (default <stdin>).",
    "engine": "Which rules engine applies the rules: durable (durable-rules) or python (iza-check's own evaluator, "
    "the same outcomes). Default: durable where it loads (Python 3.11 and 3.12), else python.",
}


def _shared(*names: str) -> dict[str, str]:
    """The English help of the shared options ``names`` (parameter names), for one command's table."""
    return {name: _SHARED[name] for name in names}


HELP_EN: dict[str, dict[str, str]] = {
    "": {
        "": "iza-check assesses self-management and recovery initiatives against the ten IZA characteristics "
        "(kenmerken), the quality requirements and the three building blocks (bouwstenen), and writes a report "
        "with advice.\n\n"
        "\b\n"
        "Exit codes:\n"
        "  0  all is well\n"
        "  1  findings at or above the --fail-on level\n"
        "  2  invalid input or wrong usage",
        "version": "Show the version and the rules engine, and exit.",
    },
    "check": {
        "": "Check profiles against the rules and show the report.\n\n"
        "\b\n"
        "Several formats in one run, for example in CI:\n"
        "  iza-check check profiles/ --format concise --format sarif=iza-check.sarif --format junit=junit.xml",
        "(epilog)": _PATHS,
        "formats": "Report format ({formats}), repeatable: the profiles are checked once and every format is "
        "written. FORMAT=FILE writes that format to FILE; a format without a file goes to the screen (or to "
        "--output). Default: text (the full report) for one profile, concise (one line per gap and a tally) for "
        "more. With --summary one format without a file (such as html or csv).",
        "quiet": "Only unreadable files and the tally (in the concise format).",
        "summary": "One row per initiative (for funders who look at many applications) instead of the full "
        "report; csv opens well in Excel.",
        "colour": "Colour in the text output (default: when it is a terminal).",
        "appendix": "With the appendix (text, markdown, html): every fact per criterion with its place in the "
        "profile, the funder's questions and the reference figures. In html the appendix is always there, "
        "folded; with --appendix open, so that it is printed too.",
        **_shared(
            "output", "lang", "fail_on", "fail_on_unknown", "jobs", "rule_dirs", "peildatum", "max_bytes", "exclude",
            "stdin_filename", "engine",
        ),
    },
    "validate": {
        "": "Check profiles only for their form (schema), without applying the rules.",
        "(epilog)": _PATHS,
        **_shared("max_bytes", "exclude", "stdin_filename"),
    },
    "schema": {
        "": "Print the JSON Schema of a profile (or of the rule files, or of the settings file).",
        "kind": "Which schema: the profile, the rule files or the settings file (.iza-check.yaml).",
    },
    "rules": {
        "": "Work with the rule files.",
    },
    "rules lint": {
        "": "Check the rule files (schema, field paths, duplicate ids).",
        **_shared("rule_dirs"),
    },
    "rules test": {
        "": "Run the examples in every rule, and compare with the expected outcome.",
        **_shared("rule_dirs", "peildatum", "engine"),
    },
    "explain": {
        "": "Show a rule's documentation: what, why, what to do, examples.",
        **_shared("rule_dirs", "lang"),
    },
    "init": {
        "": "Make a profile by answering questions, without writing YAML yourself.\n\n"
        "FILE is the file that is made (default profiel.yaml). An existing file is only overwritten with --force. "
        "Your answers are kept along the way in FILE.concept: if you stop (Ctrl-C), the next time you go on "
        "where you were.",
        "force": "Overwrite FILE when it exists.",
        "update_from": "Update this existing profile: every question gets the current answer as its suggestion. "
        "Without FILE this file itself is updated (then --force is needed).",
        "sections": "With --update: only the questions of this part (repeatable). NAME is one of: {sections}.",
        "only_open": "With --update: only the questions that are still open (unknown), and a plan where the "
        "report still sees something to do. What is answered already is skipped.",
        "lang": "Language of the questions.",
        **_shared("engine"),
    },
    "overview": {
        "": "Regional overview: what is there already? (step 1 of the step-by-step plan for gemeenten)\n\n"
        "Per region and gemeente: which initiatives there are, how many half-days (dagdelen) they are open, which "
        "of the building blocks A (B1–B3) they fill in, and which building blocks B and C exist somewhere in the "
        "region and which are missing. Profiles without a region are not lumped together: each gemeente without "
        'a region stands apart, as "Hengelo (geen regio opgegeven)", after the regions; a profile without region '
        "and gemeente stands alone.\n\n"
        "DIRS are folders or files (folders are searched for *.yaml and *.yml).\n\n"
        "\b\n"
        "Exit codes:\n"
        "  0  overview made (missing building blocks are no error)\n"
        "  2  a file could not be read (it is in the overview), or no profiles found",
        "fmt": "Format of the overview (csv: one row per initiative, opens well in Excel).",
        **_shared("output", "lang", "peildatum", "rule_dirs", "jobs", "engine", "exclude"),
    },
    "diff": {
        "": "Progress: compare two versions of a profile, or two rounds.\n\n"
        "Two files (OLD and NEW): per rule what improved (voldoet niet → deels → voldoet, or onbekend → known) "
        "and what regressed, the change of the verdict, and which plans from OLD were realised (reported as "
        "realised, or the criterion is met now) or are past their target date.\n\n"
        "Two folders or patterns (two rounds of applications): which initiatives are new, which are gone, which "
        "improved and which regressed (with the rules that moved), and which plans are past their target date. "
        "Profiles are matched by name and gemeente (case and spaces do not count); a profile without a gemeente "
        "by its path within the round. Two profiles in one round with the same name and gemeente are reported "
        "as a problem and not compared.\n\n"
        "\b\n"
        "Exit codes:\n"
        "  0  no regression\n"
        "  1  at least one rule regressed (a worse outcome, or known → unknown)\n"
        "  2  OLD or NEW could not be read; for rounds: a file could not be read\n"
        "     or two profiles cannot be told apart (they are in the output)",
        "fmt": "Format of the comparison: text, json or markdown for two files; text, html, csv or json for two "
        "rounds.",
        **_shared("output", "lang", "peildatum", "rule_dirs", "jobs", "max_bytes", "engine"),
    },
    "dossier": {
        "": "Dossier for funders: a folder with each profile's full report (html) and an index.\n\n"
        "index.html is the summary (one row per initiative, sortable); each initiative's name links to its own "
        "report. Files that could not be read are in the index with their problem. Each report's name follows "
        "from the profile's path (twente/de-kiem.yaml → twente--de-kiem.html): the same in every run, without "
        "odd characters, and unique. An input file is never overwritten; every file is written in one go.\n\n"
        "PATHS are files, folders or patterns (folders are searched for *.yaml and *.yml).\n\n"
        "\b\n"
        "Exit codes:\n"
        "  0  dossier made, no gaps at the --fail-on level\n"
        "  1  gaps at or above the --fail-on level\n"
        "  2  a file could not be read (it is in the index), no profiles found,\n"
        "     or the folder could not be written",
        "output_dir": "The folder for the dossier; made when it is not there. Existing files that do not belong "
        "to the dossier stay.",
        **_shared(
            "lang", "fail_on", "fail_on_unknown", "peildatum", "rule_dirs", "jobs", "max_bytes", "engine", "exclude"
        ),
    },
}
