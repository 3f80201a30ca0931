"""The project's settings file: ``.iza-check.yaml`` or ``[tool.iza-check]`` in ``pyproject.toml``.

The first one found from the working directory upwards is read (in each folder ``.iza-check.yaml`` comes
first); options on the command line win. Its keys are the long option names, and each applies to every
command that has that option, through click's ``default_map``. Paths in ``rules`` are relative to the file.
Like every other input, a wrong settings file is a located problem, never silently ignored; its messages are in
the command line's language (the settings are read before the command's own ``--lang``).
Patterns in ``exclude`` are matched against paths relative to the file's folder, and ``--exclude`` on the
command line adds to them (every other option on the command line replaces its setting).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iza_check.cli.lang import say_usage
from iza_check.problems import InputError, Problem

YAML_NAME = ".iza-check.yaml"
TOML_NAME = "pyproject.toml"
TOML_TABLE = "tool.iza-check"

# Key -> (the commands that take it, their parameter name). Nested commands as "rules test". Every command with
# the option --KEY is listed (tests/acceptance/test_config.py walks the commands), except `format`: the other
# commands' --format has other forms (overview, diff).
_APPLIES: dict[str, tuple[tuple[str, ...], str]] = {
    "fail-on": (("check", "dossier"), "fail_on"),
    "fail-on-unknown": (("check", "dossier"), "fail_on_unknown"),
    "format": (("check",), "formats"),
    "exclude": (("check", "validate", "overview", "dossier"), "exclude"),
    "lang": (("check", "overview", "diff", "dossier", "explain", "init"), "lang"),
    "rules": (("check", "overview", "diff", "dossier", "explain", "rules lint", "rules test"), "rule_dirs"),
    "reference-date": (("check", "overview", "diff", "dossier", "rules test"), "peildatum"),
    "engine": (("check", "overview", "diff", "dossier", "init", "rules test"), "engine"),
    "jobs": (("check", "overview", "diff", "dossier"), "jobs"),
    "max-bytes": (("check", "validate", "diff", "dossier"), "max_bytes"),
}


def config_json_schema() -> dict[str, Any]:
    """The settings file's JSON Schema (``iza-check schema --kind config``)."""
    from iza_check.cli.options import FAIL_LEVELS, FORMATS, LANGS
    from iza_check.engine import BACKENDS

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://iza-check.nl/schema/config.schema.json",
        "title": "iza-check instellingen (.iza-check.yaml of [tool.iza-check] in pyproject.toml)",
        "description": "Standaardwaarden voor de opties; een optie op de opdrachtregel gaat voor.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "fail-on": {"enum": list(FAIL_LEVELS), "description": "Zoals --fail-on."},
            "fail-on-unknown": {"type": "boolean", "description": "Zoals --fail-on-unknown."},
            "format": {
                "enum": [*FORMATS, "csv"],
                "description": "Zoals --format van check: de vorm op het scherm of in --output (één vorm).",
            },
            "exclude": {
                "type": "array",
                "items": {"type": "string", "minLength": 1},
                "description": "Bestanden die check, validate, overview en dossier overslaan: fnmatch-patronen voor "
                "het pad ten opzichte van dit bestand, een map erboven of een naam erin (zoals --exclude, dat erbij "
                "komt).",
            },
            "lang": {"enum": list(LANGS), "description": "Zoals --lang."},
            "rules": {
                "type": "array",
                "items": {"type": "string", "minLength": 1},
                "description": "Extra mappen met regelbestanden, ten opzichte van dit bestand (zoals --rules).",
            },
            "reference-date": {
                "type": "string",
                "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                "description": "Peildatum JJJJ-MM-DD (zoals --reference-date).",
            },
            "engine": {"enum": list(BACKENDS), "description": "Zoals --engine."},
            "jobs": {"type": "integer", "minimum": 0, "description": "Zoals --jobs."},
            "max-bytes": {"type": "integer", "minimum": 1, "description": "Zoals --max-bytes."},
        },
    }


@dataclass(frozen=True, slots=True)
class Settings:
    source: Path
    values: dict[str, Any]

    def default_map(self) -> dict[str, Any]:
        """The values as click's ``default_map``: per command (and sub-command) its parameters."""
        tree: dict[str, Any] = {}
        for key, value in self.values.items():
            commands, parameter = _APPLIES[key]
            if key == "rules":
                value = tuple(str((self.source.parent / item).resolve()) for item in value)
            elif key == "exclude":
                from iza_check.profile.discovery import ExcludePattern

                value = tuple(ExcludePattern.of(item, self.source.parent.absolute()) for item in value)
            elif key == "format":
                value = (value,)  # --format is repeatable; the setting is the one for the screen or --output
            elif key == "reference-date":
                value = dt.datetime.strptime(value, "%Y-%m-%d")
            for command in commands:
                node = tree
                for name in command.split():
                    node = node.setdefault(name, {})
                node[parameter] = value
        return tree


def find(start: Path) -> Path | None:
    """The settings file that applies in ``start``: the nearest folder upwards that has one."""
    for folder in (start, *start.parents):
        candidate = folder / YAML_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / TOML_NAME
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return mentions_table(text)


_HEADER = re.compile(r"^\s*\[\s*tool\s*\.\s*[\"']?iza-check[\"']?\s*\]", flags=re.MULTILINE)
_TOOL_HEADER = re.compile(r"^\s*\[\s*tool\s*\]\s*(#.*)?$")
_KEY = re.compile(r"^\s*[\"']?iza-check[\"']?\s*[=.]")
_DOTTED = re.compile(r"^\s*tool\s*\.\s*[\"']?iza-check[\"']?\s*[=.]")


def mentions_table(text: str) -> bool:
    """Whether a pyproject.toml gives iza-check settings: the ``[tool.iza-check]`` header, ``iza-check`` as a key
    of the ``[tool]`` table (an inline table, or a value of the wrong kind that must then be reported, not
    ignored), or ``tool.iza-check`` as a dotted key before the first table. Not ``iza-check`` elsewhere, such
    as a script or a dependency of that name."""
    if _HEADER.search(text):
        return True
    table: str | None = ""  # the table the line is in: "" before the first header
    for line in text.splitlines():
        if line.lstrip().startswith("["):
            table = "tool" if _TOOL_HEADER.match(line) else None
        elif (table == "tool" and _KEY.match(line)) or (table == "" and _DOTTED.match(line)):
            return True
    return False


def load(path: Path) -> Settings:
    """Read and check a settings file; raises InputError with located problems."""
    source = str(path)
    if path.name == TOML_NAME:
        values, marks = _read_toml(path, source)
    else:
        from iza_check.yamlsafe import load_yaml_file

        document = load_yaml_file(path)
        if not isinstance(document.data, dict):
            message = say_usage(
                "de instellingen moeten velden zijn ('sleutel: waarde')", "the settings must be fields ('key: value')"
            )
            raise InputError([Problem(source, message, "not-a-mapping", 1, 1)])
        # An unquoted date is read as a date; the setting takes it as written.
        values = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in document.data.items()}
        marks = {**document.marks, **{f"key:{k}": v for k, v in document.key_marks.items()}}
    from iza_check.cli.options import FAIL_LEVEL_ALIASES

    values = {k: FAIL_LEVEL_ALIASES.get(v, v) if k == "fail-on" else v for k, v in values.items()}
    _validate(values, marks, source)
    return Settings(path, dict(values))


def _read_toml(path: Path, source: str) -> tuple[dict[str, Any], dict[str, tuple[int, int]]]:
    import tomllib

    text = path.read_text(encoding="utf-8")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+), column (\d+)", str(error))
        line, column = (int(match[1]), int(match[2])) if match else (None, None)
        message = say_usage(f"de TOML-opmaak klopt niet ({error})", f"the TOML syntax is wrong ({error})")
        raise InputError([Problem(source, message, "toml-syntax", line, column)]) from None
    tool = document.get("tool", {})
    table = tool.get("iza-check", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        message = say_usage(f"[{TOML_TABLE}] moet een tabel zijn", f"[{TOML_TABLE}] must be a table")
        found = re.search(r"^(\s*)(tool\s*\.\s*)?[\"']?iza-check[\"']?\s*=", text, flags=re.MULTILINE)
        line, column = (text.count("\n", 0, found.start()) + 1, len(found[1]) + 1) if found else (None, None)
        raise InputError([Problem(source, message, "not-a-mapping", line, column)])
    # tomllib gives no positions: a key is found below the table's header, on a line of its own, or after
    # ``iza-check`` in an inline table (``iza-check = {lang = "en"}``) or a dotted key (``tool.iza-check.lang``).
    marks: dict[str, tuple[int, int]] = {}
    header = _HEADER.search(text)
    start = text.count("\n", 0, header.start()) if header else 0
    lines = text.splitlines()
    for key in table:
        quoted = rf"[\"']?{re.escape(key)}[\"']?\s*=\s*"
        for number in range(start, len(lines)):
            row = lines[number]
            found = re.match(rf"\s*{quoted}", row) if header else None
            if found is None and not header:
                found = re.search(rf"iza-check[\"']?\s*(=\s*\{{[^}}]*?|\.\s*)(?<![\w-]){quoted}", row)
            if found:
                end = found.end()
                marks[key] = (number + 1, end + 1)
                name = re.search(rf"[\"']?{re.escape(key)}[\"']?\s*=\s*$", row[:end])
                marks[f"key:{key}"] = (number + 1, (name.start() if name else 0) + 1)
                break
    return table, marks


def _validate(values: Mapping[str, Any], marks: Mapping[str, tuple[int, int]], source: str) -> None:
    import jsonschema

    from iza_check.profile.paths import suggest

    validator = jsonschema.Draft202012Validator(config_json_schema())
    problems: list[Problem] = []
    for error in sorted(validator.iter_errors(values), key=lambda e: list(e.absolute_path)):
        path = [str(part) for part in error.absolute_path]
        if error.validator == "additionalProperties":
            for key in _extra_keys(values):
                line, column = marks.get(f"key:{key}", (None, None))
                match = suggest(key, _APPLIES)
                message = say_usage(
                    f"onbekende instelling '{key}'." + (f" Bedoelde u '{match}'?" if match else ""),
                    f"unknown setting '{key}'." + (f" Did you mean '{match}'?" if match else ""),
                )
                problems.append(Problem(source, message, "unknown-key", line, column, key))
            continue
        key = path[0] if path else ""
        line, column = marks.get(key, marks.get(f"key:{key}", (None, None)))
        problems.append(Problem(source, f"'{key}': {_message(error)}", "invalid-value", line, column, key or None))
    if problems:
        raise InputError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))


def _extra_keys(values: Iterable[str]) -> list[str]:
    return [key for key in values if key not in _APPLIES]


_KINDS = {
    "integer": ("een geheel getal", "a whole number"),
    "array": ("een lijst", "a list"),
    "string": ("tekst", "text"),
    "object": ("velden", "fields"),
    "boolean": ("true of false", "true or false"),
}


def _message(error: Any) -> str:
    if error.validator == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        return say_usage(f"kies uit {options}", f"choose from {options}")
    if error.validator == "type":
        nl, en = _KINDS.get(error.validator_value, (error.validator_value, error.validator_value))
        return say_usage(f"verwacht {nl}", f"expected {en}")
    if error.validator == "pattern":
        return say_usage("schrijf een datum als JJJJ-MM-DD", "write a date as YYYY-MM-DD")
    if error.validator == "minimum":
        return say_usage(f"minstens {error.validator_value}", f"at least {error.validator_value}")
    if error.validator == "minLength":
        return say_usage("mag niet leeg zijn", "must not be empty")
    return str(error.message)
