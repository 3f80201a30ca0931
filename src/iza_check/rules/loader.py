"""Load rule files into a :class:`Catalogue`, reporting every problem with file:line:column.

Three checks, in order: the JSON Schema of a rule file (shape, with messages in Dutch), the pydantic
model, and the meaning: every ``veld``/``lijst`` path exists in the profile model, operators fit the
field's type, values fit the field (enum values, dates), ids are unique, an override is explicit
(``vervangt: true``), and every example is a valid profile fragment.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import ValidationError

from iza_check.problems import InputError, Problem
from iza_check.rules.meaning import (
    budget_problem,
    check_rule,
)
from iza_check.rules.model import GROUP_ORDER, Catalogue, Rule, RuleFile
from iza_check.rules.shape import FileContext, pydantic_problems, schema_problems
from iza_check.yamlsafe import YamlDocument, load_yaml_file

__all__ = ["Catalogue", "load_catalogue", "load_rule_document", "load_rule_file"]

RULE_FILE_SUFFIXES = (".yaml", ".yml")


def load_rule_file(path: Path) -> tuple[str, list[Rule]]:
    """The group and rules of one file; raises InputError with every problem found."""
    return load_rule_document(load_yaml_file(path), str(path))


def load_rule_document(document: YamlDocument, source: str) -> tuple[str, list[Rule]]:
    """The group and rules of one parsed rule file; raises InputError with every problem found."""
    ctx = FileContext(source, document.marks, document.key_marks)
    data = document.data
    # The JSON Schema pass only words the problems better (it is ~90 % of the catalogue's load time);
    # a file the model accepts does not need it.
    try:
        parsed = RuleFile.model_validate(data)
    except ValidationError as error:
        schema_problems(data, ctx)
        if not ctx.problems:
            pydantic_problems(error, data, (), ctx)
        raise InputError(ctx.problems) from None
    seen: dict[str, int] = {}
    for index, spec in enumerate(parsed.regels):
        if spec.id in seen:
            first_line = ctx.position(("regels", seen[spec.id], "id"))[0]
            ctx.add(("regels", index, "id"), f"id '{spec.id}' staat al eerder in dit bestand (regel {first_line})", "duplicate-id")
        else:
            seen[spec.id] = index
        check_rule(data["regels"][index], spec, index, ctx)
    if ctx.problems:
        raise InputError(ctx.problems)
    rules: list[Rule] = []
    for index, spec in enumerate(parsed.regels):
        line, column = ctx.position(("regels", index, "id"), key=True)
        fields = {name: getattr(spec, name) for name in type(spec).model_fields}
        rules.append(
            Rule.model_construct(
                **fields, groep=parsed.groep, source_file=source, source_line=line, source_column=column
            )
        )
    return parsed.groep.value, rules


def _rule_files(directory: Path) -> Iterator[Path]:
    if directory.is_file():
        yield directory
        return
    for path in sorted(directory.iterdir()):
        if path.is_file() and path.suffix in RULE_FILE_SUFFIXES:
            yield path


def load_catalogue(dirs: Sequence[Path]) -> Catalogue:
    """All rules of the rule sets in ``dirs`` (folders of rule files, or single files).

    ``dirs[0]`` is normally the bundled catalogue; a later set adds rules, and may replace a rule
    with the same id only when that rule says ``vervangt: true``.
    """
    problems: list[Problem] = []
    ordered: list[Rule] = []
    owner: dict[str, tuple[int, Rule]] = {}
    for set_index, directory in enumerate(dirs):
        directory = Path(directory)
        if not directory.exists():
            problems.append(Problem(str(directory), "map met regels niet gevonden", "not-found"))
            continue
        loaded: list[tuple[int, str, list[Rule]]] = []
        for path in _rule_files(directory):
            try:
                group, rules = load_rule_file(path)
            except InputError as error:
                problems.extend(error.problems)
                continue
            loaded.append((GROUP_ORDER.index(group), path.name, rules))
        loaded.sort(key=lambda item: (item[0], item[1]))
        for _, _, rules in loaded:
            for rule in rules:
                previous = owner.get(rule.id)
                if previous is None:
                    if rule.vervangt:
                        problems.append(
                            Problem(rule.source_file, f"'{rule.id}' heeft 'vervangt: true', maar er is geen eerdere regel met dit id", "nothing-to-replace", rule.source_line, rule.source_column, "id")
                        )
                        continue
                    owner[rule.id] = (set_index, rule)
                    ordered.append(rule)
                    continue
                prev_set, prev_rule = previous
                if prev_set == set_index:
                    problems.append(
                        Problem(rule.source_file, f"id '{rule.id}' bestaat al ({prev_rule.location})", "duplicate-id", rule.source_line, rule.source_column, "id")
                    )
                elif not rule.vervangt:
                    problems.append(
                        Problem(
                            rule.source_file,
                            f"id '{rule.id}' bestaat al in een eerdere regelset ({prev_rule.location}); "
                            "zet 'vervangt: true' bij deze regel als u die bewust wilt vervangen",
                            "duplicate-id",
                            rule.source_line,
                            rule.source_column,
                            "id",
                        )
                    )
                else:
                    owner[rule.id] = (set_index, rule)
                    ordered[ordered.index(prev_rule)] = rule
    if not problems:
        budget = budget_problem(ordered)
        if budget is not None:
            problems.append(budget)
    if problems:
        raise InputError(problems)
    return Catalogue(tuple(ordered))
