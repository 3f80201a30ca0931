"""Load rule files into a :class:`Catalogue`, reporting every problem with file:line:column.

Three checks, in order: the JSON Schema of a rule file (shape, with messages in Dutch), the pydantic
model, and the meaning: every ``veld``/``lijst`` path exists in the profile model, operators fit the
field's type, values fit the field (enum values, dates), ids are unique, an override is explicit
(``vervangt: true``), and every example is a valid profile fragment.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from iza_check.problems import InputError, Problem
from iza_check.profile.model import Profile
from iza_check.rules.conditions import ALL_KEYS, Condition, Lijst, Niet, children, dnf_size
from iza_check.rules.model import GROUP_ORDER, Catalogue, Rule, RuleFile, rules_json_schema
from iza_check.rules.operators import OPERATORS, AtomBase, ConditionBase
from iza_check.rules.paths import PathError, did_you_mean, resolve, suggest
from iza_check.rules.values import PATH_PATTERN, jsonable, shown
from iza_check.yamlsafe import YamlDocument, load_yaml_file

__all__ = [
    "MAX_TERMS",
    "MAX_TERMS_PER_CATALOGUE",
    "MAX_TERMS_PER_RULE",
    "Catalogue",
    "load_catalogue",
    "load_rule_document",
    "load_rule_file",
    "rule_cost",
]

Loc = tuple[str | int, ...]

# What the engine can run, checked by the loader (so by `rules lint` and before every check). A condition
# is compiled twice, as itself and as its negation, each a disjunction of conjunctions; every conjunction is
# one network rule of durable-rules (see iza_check.engine.durable). Measured on durable-rules 2.0.28 with
# generated rule sets (one profile, Python 3.11, 2 cores): every network rule costs about 37 KB of memory and
# 0.22 ms to build, in each worker process: 264 network rules 48 MB / 0.08 s, 2,640: 137 MB / 0.5 s,
# 10,560: 430 MB / 2.3 s, 26,400: 1.0 GB / 5.8 s (and 105,600, the 400 rules of issue 17: 4.1 GB). The bundled
# catalogue needs 313, at most 36 for one rule. The budgets below leave room for a region's own rules, and
# keep one worker below about 200 MB and 1.2 s to build. Counted before the engine's own simplification (an
# upper bound, the same for both back-ends), so a rule set that lints runs on either.
#
# Conjunctions for one form of one condition (voldoet, deels or nvt.als, or its negation).
MAX_TERMS = 256
# Conjunctions for one rule: both forms of all its parts together.
MAX_TERMS_PER_RULE = 512
# Conjunctions for the whole catalogue the engine builds (the bundled rules and every --rules set).
MAX_TERMS_PER_CATALOGUE = 5000

RULE_FILE_SUFFIXES = (".yaml", ".yml")

_TYPE_NL = {
    "object": "een mapping (sleutel: waarde)",
    "array": "een lijst",
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "true of false",
    "null": "niets",
}

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

_condition_adapter: TypeAdapter[Any] = TypeAdapter(Condition)


@cache
def _validator() -> Draft202012Validator:
    # Imported here: only a rule file the model rejects needs the schema pass (jsonschema costs ~0.1 s).
    import jsonschema

    return jsonschema.Draft202012Validator(rules_json_schema())


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class _FileContext:
    """Positions and problems for one rule file."""

    def __init__(self, source: str, marks: dict[str, tuple[int, int]], key_marks: dict[str, tuple[int, int]]) -> None:
        self.source = source
        self.marks = marks
        self.key_marks = key_marks
        self.problems: list[Problem] = []

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int | None, int | None]:
        path = _dotted(loc)
        if key and path in self.key_marks:
            return self.key_marks[path]
        probe = list(loc)
        while True:
            dotted = _dotted(tuple(probe))
            if dotted in self.marks:
                return self.marks[dotted]
            if not probe:
                return None, None
            probe.pop()

    def add(self, loc: Loc, message: str, code: str, *, key: bool = False) -> None:
        line, column = self.position(loc, key=key)
        self.problems.append(Problem(self.source, message, code, line, column, _dotted(loc) or None))


def _is_condition_schema(schema: dict[str, Any]) -> bool:
    options = schema.get("oneOf") or []
    return bool(options) and all("$ref" in o for o in options) and any(o["$ref"].endswith("/Gelijk") for o in options)


def _schema_problems(data: Any, ctx: _FileContext) -> None:
    errors = sorted(_validator().iter_errors(jsonable(data)), key=lambda e: [str(p) for p in e.absolute_path])
    # A misspelt key is also a missing one: report it once, as the misspelling with a suggestion.
    suggested: set[tuple[Loc, str]] = set()
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = list(error.schema.get("properties", {}))
            for extra in error.instance:
                if extra not in allowed and (match := suggest(str(extra), allowed)):
                    suggested.add((tuple(error.absolute_path), match))
    for error in errors:
        loc: Loc = tuple(error.absolute_path)
        kind = error.validator
        instance = error.instance
        if kind == "oneOf" and _is_condition_schema(error.schema):
            before = len(ctx.problems)
            _diagnose_condition(instance, loc, ctx)
            if len(ctx.problems) == before:
                ctx.add(loc, "deze voorwaarde klopt niet; zie rules/README.md voor de vormen", "condition")
        elif kind == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            for extra in [k for k in instance if k not in allowed]:
                ctx.add(
                    (*loc, extra),
                    f"onbekende sleutel '{extra}'.{did_you_mean(extra, allowed)} Toegestaan: {', '.join(allowed)}",
                    "unknown-key",
                    key=True,
                )
        elif kind == "required":
            for name in error.validator_value:
                if isinstance(instance, dict) and name not in instance and (loc, name) not in suggested:
                    ctx.add(loc, f"verplichte sleutel '{name}' ontbreekt", "missing-key")
        elif kind == "enum":
            options = [str(o) for o in error.validator_value]
            ctx.add(
                loc,
                f"'{instance}' is geen geldige waarde.{did_you_mean(str(instance), options)} Kies uit: {', '.join(options)}",
                "bad-value",
            )
        elif kind == "const":
            ctx.add(loc, f"hier is alleen {json.dumps(error.validator_value)} toegestaan", "bad-value")
        elif kind == "type":
            wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
            names = " of ".join(_TYPE_NL.get(w) or str(w) for w in wanted)
            ctx.add(loc, f"verwacht {names}, niet {shown(instance)}", "bad-type")
        elif kind == "pattern":
            if loc and loc[-1] == "id":
                message = (
                    f"ongeldig id '{instance}': begin met een hoofdletter, daarna hoogstens 15 letters, "
                    "cijfers of '_' (bijv. K7 of K10a)"
                )
            elif loc and loc[-1] in ("veld", "lijst"):
                message = f"ongeldig pad '{instance}': kleine letters, cijfers en '_', gescheiden door punten"
            else:
                message = f"'{instance}' heeft niet de juiste vorm"
            ctx.add(loc, message, "bad-value")
        elif kind == "minItems":
            ctx.add(loc, f"minstens {error.validator_value} nodig, er staan er {len(instance)}", "too-few", key=True)
        elif kind == "minLength":
            ctx.add(loc, "mag niet leeg zijn", "empty-value")
        elif kind in ("maxLength", "maxItems"):
            ctx.add(loc, f"te lang (hoogstens {error.validator_value})", "too-long")
        elif kind in ("minimum", "exclusiveMinimum"):
            ctx.add(loc, f"{shown(instance)} is te klein (minstens {error.validator_value})", "bad-value")
        elif kind in ("maximum", "exclusiveMaximum"):
            ctx.add(loc, f"{shown(instance)} is te groot (hoogstens {error.validator_value})", "bad-value")
        elif kind == "anyOf":
            ctx.add(loc, f"ongeldige waarde {shown(instance)}", "bad-value")
        else:
            ctx.add(loc, f"klopt niet met het schema: {error.message}", "schema")


def _diagnose_condition(value: Any, loc: Loc, ctx: _FileContext) -> None:
    """Explain why a mapping is not a valid condition, as precisely as we can."""
    if not isinstance(value, dict):
        ctx.add(loc, f"een voorwaarde moet een mapping zijn, bijv. {{veld: ..., gelijk: ...}}, niet {shown(value)}", "condition")
        return
    unknown = [k for k in value if k not in ALL_KEYS]
    for key in unknown:
        ctx.add((*loc, key), f"onbekende sleutel '{key}' in een voorwaarde.{did_you_mean(str(key), ALL_KEYS)}", "unknown-key", key=True)
    forms = [k for k in ("alle", "een_van", "niet", "lijst", "veld") if k in value]
    if not forms:
        if not unknown:
            ctx.add(loc, "een voorwaarde moet beginnen met alle, een_van, niet, lijst of veld", "condition")
        return
    if len(forms) > 1:
        ctx.add(loc, f"een voorwaarde heeft precies één vorm, hier staan er meer: {', '.join(forms)}", "condition")
        return
    form = forms[0]
    allowed = {"alle": {"alle"}, "een_van": {"een_van"}, "niet": {"niet"}, "lijst": {"lijst", "waar", "minstens"}}
    if form in allowed:
        for key in value:
            if key in ALL_KEYS and key not in allowed[form]:
                ctx.add((*loc, key), f"'{key}' hoort niet bij een '{form}'-voorwaarde", "unknown-key", key=True)
        if unknown:
            return
    if form in ("alle", "een_van"):
        items = value[form]
        if not isinstance(items, list) or not items:
            ctx.add((*loc, form), f"'{form}' verwacht een lijst met minstens één voorwaarde", "condition")
            return
        for index, item in enumerate(items):
            _diagnose_condition(item, (*loc, form, index), ctx)
        return
    if form == "niet":
        _diagnose_condition(value["niet"], (*loc, "niet"), ctx)
        return
    if form == "lijst":
        for needed in ("waar", "minstens"):
            if needed not in value:
                ctx.add(loc, f"een 'lijst'-voorwaarde heeft ook '{needed}' nodig", "missing-key")
        if "waar" in value:
            _diagnose_condition(value["waar"], (*loc, "waar"), ctx)
        if "minstens" in value and (type(value["minstens"]) is not int or value["minstens"] < 0):
            ctx.add((*loc, "minstens"), "'minstens' verwacht een geheel getal van 0 of meer", "bad-value")
        _check_path_text(value.get("lijst"), (*loc, "lijst"), ctx)
        return
    operators = [k for k in OPERATORS if k in value]
    if unknown:
        return
    if not operators:
        ctx.add(loc, f"bij 'veld' hoort één operator: {', '.join(OPERATORS)}", "condition")
        return
    if len(operators) > 1:
        ctx.add(loc, f"bij 'veld' hoort precies één operator, hier staan er meer: {', '.join(operators)}", "condition")
        return
    if not _check_path_text(value.get("veld"), (*loc, "veld"), ctx):
        return
    try:
        _condition_adapter.validate_python(value)
    except ValidationError as error:
        _pydantic_problems(error, value, loc, ctx)


def _check_path_text(path: Any, loc: Loc, ctx: _FileContext) -> bool:
    if not isinstance(path, str) or not re.match(PATH_PATTERN, path):
        ctx.add(loc, f"ongeldig pad {shown(path)}: kleine letters, cijfers en '_', gescheiden door punten", "bad-value")
        return False
    return True


def _data_loc(data: Any, pydantic_loc: tuple[Any, ...]) -> Loc:
    """Follow a pydantic error location through the data, skipping union tags that are not keys."""
    out: list[str | int] = []
    current = data
    for part in pydantic_loc:
        if (isinstance(current, dict) and part in current) or (isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)):
            out.append(part)
            current = current[part]
        elif part == "in_" and isinstance(current, dict) and "in" in current:
            out.append("in")
            current = current["in"]
    return tuple(out)


def _pydantic_problems(error: ValidationError, data: Any, base: Loc, ctx: _FileContext) -> None:
    for detail in error.errors(include_url=False):
        loc = (*base, *_data_loc(data, tuple(detail["loc"])))
        ctx.add(loc, detail["msg"], "bad-value" if detail["type"] == "unusable_number" else "invalid")


# ---------------------------------------------------------------------------------------------
# Meaning: paths, operators and values against the profile model


def _check_semantics(
    condition: ConditionBase, model: type[BaseModel], loc: Loc, ctx: _FileContext, *, in_item: bool, root: str
) -> None:
    if isinstance(condition, Lijst):
        if in_item:
            ctx.add((*loc, "lijst"), "een 'lijst' binnen 'waar' wordt niet ondersteund", "nested-list")
            return
        try:
            ftype = resolve(model, condition.lijst, root_label=root)
        except PathError as error:
            ctx.add((*loc, "lijst"), str(error), "unknown-path")
            return
        item = ftype.item
        if ftype.kind != "list" or item is None or item.kind != "model" or item.model is None:
            hint = " Gebruik 'veld' met 'bevat' voor een lijst van waarden." if ftype.kind == "list" else ""
            ctx.add((*loc, "lijst"), f"'lijst' verwacht een lijst van objecten; '{condition.lijst}' is een {ftype.describe()}.{hint}", "wrong-operator")
            return
        _check_semantics(condition.waar, item.model, (*loc, "waar"), ctx, in_item=True, root=f"een item van '{condition.lijst}'")
        return
    if isinstance(condition, Niet):
        _check_semantics(condition.niet, model, (*loc, "niet"), ctx, in_item=in_item, root=root)
        return
    if not isinstance(condition, AtomBase):  # alle, een_van: their parts
        for index, child in enumerate(children(condition)):
            _check_semantics(child, model, (*loc, condition.form, index), ctx, in_item=in_item, root=root)
        return
    try:
        ftype = resolve(model, condition.veld, root_label=root)
    except PathError as error:
        ctx.add((*loc, "veld"), str(error), "unknown-path")
        return
    # The operator says whether it fits the field (see AtomBase.check).
    for issue in condition.check(ftype):
        ctx.add((*loc, condition.form, *issue.at), issue.message, issue.code)


def _check_rule(rule_data: dict[str, Any], spec: Any, index: int, ctx: _FileContext) -> None:
    base: Loc = ("regels", index)
    parts: list[tuple[Loc, ConditionBase]] = [((*base, "voldoet"), spec.voldoet)]
    if spec.deels is not None:
        parts.append(((*base, "deels"), spec.deels))
    if spec.nvt is not None:
        parts.append(((*base, "nvt", "als"), spec.nvt.als))
    situations = [((*base, "advies_als", n, "als"), variant.als) for n, variant in enumerate(spec.advies_als)]
    for loc, condition in situations:  # read by the assessment, not by the engine: no network rules
        _check_semantics(condition, Profile, loc, ctx, in_item=False, root="het profiel")
    total = 0
    sound = True
    for loc, condition in parts:
        before = len(ctx.problems)
        _check_semantics(condition, Profile, loc, ctx, in_item=False, root="het profiel")
        if len(ctx.problems) != before:
            sound = False
            continue
        size = max(dnf_size(condition, True), dnf_size(condition, False))
        total += dnf_size(condition, True) + dnf_size(condition, False)
        if size > MAX_TERMS:
            sound = False
            ctx.add(loc, f"deze voorwaarde is te ingewikkeld ({size} combinaties, hoogstens {MAX_TERMS}); splits haar op", "too-complex")
            continue
        facts, limit = _facts_per_conjunction(condition)
        if facts > limit:
            sound = False
            ctx.add(
                loc,
                f"deze voorwaarde test {facts} verschillende feiten in één combinatie, de regelengine aanvaardt er "
                f"hoogstens {limit}; splits haar op in meer regels",
                "too-many-facts",
            )
    if sound and total > MAX_TERMS_PER_RULE:
        ctx.add(
            (*base, "id"),
            f"deze regel is te groot voor de regelengine ({total} netwerkregels voor voldoet, deels en nvt samen, "
            f"hoogstens {MAX_TERMS_PER_RULE}); maak de voorwaarden eenvoudiger of splits de regel",
            "too-complex",
        )
    for number, example in enumerate(rule_data.get("voorbeelden", [])):
        fragment = example.get("profiel") if isinstance(example, dict) else None
        if isinstance(fragment, dict):
            for problem in example_problems(fragment):
                loc = (*base, "voorbeelden", number, "profiel", *_data_loc(fragment, problem[0]))
                ctx.add(loc, f"voorbeeldprofiel klopt niet: {problem[1]}", "bad-example")


def _facts_per_conjunction(condition: ConditionBase) -> tuple[int, int]:
    """The most facts one network rule of ``condition`` tests, and the engine's limit for it."""
    # Compiles as the durable back-end does; durable-rules itself is not loaded (this works on every Python).
    from iza_check.engine.durable import MAX_FACTS_PER_CONJUNCTION, facts_per_conjunction

    most = max(facts_per_conjunction(condition, True), facts_per_conjunction(condition, False))
    return most, MAX_FACTS_PER_CONJUNCTION


def rule_cost(rule: Rule) -> int:
    """The network rules ``rule`` costs the engine at most: both forms of each of its parts."""
    parts = [rule.voldoet, rule.deels, rule.nvt.als if rule.nvt is not None else None]
    return sum(dnf_size(part, True) + dnf_size(part, False) for part in parts if part is not None)


def _budget_problem(rules: Sequence[Rule]) -> Problem | None:
    """The catalogue as a whole must fit the engine's budget; the problem names the rules that cost most."""
    costs = [(rule_cost(rule), rule) for rule in rules]
    total = sum(cost for cost, _ in costs)
    if total <= MAX_TERMS_PER_CATALOGUE:
        return None
    running = 0
    crossing = costs[-1][1]
    for cost, rule in costs:
        running += cost
        if running > MAX_TERMS_PER_CATALOGUE:
            crossing = rule
            break
    dearest = sorted(costs, key=lambda item: -item[0])[:5]
    listed = ", ".join(f"{rule.id} {cost}" for cost, rule in dearest)
    return Problem(
        crossing.source_file,
        f"de regels samen zijn te groot voor de regelengine: {total} netwerkregels, hoogstens "
        f"{MAX_TERMS_PER_CATALOGUE} (hier wordt de grens overschreden; de duurste regels: {listed}); "
        "maak regels eenvoudiger of laat er weg",
        "too-large-ruleset",
        crossing.source_line,
        crossing.source_column,
        "id",
    )


def complete_fragment(fragment: dict[str, Any], name: str) -> dict[str, Any]:
    """An example's profile fragment with ``initiatief.naam`` filled in when absent."""
    data = dict(fragment)
    initiatief = data.get("initiatief")
    if initiatief is None:
        data["initiatief"] = {"naam": name}
    elif isinstance(initiatief, dict) and "naam" not in initiatief:
        data["initiatief"] = {**initiatief, "naam": name}
    return data


def example_problems(fragment: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """(pydantic location, message) for every problem of an example fragment as a profile."""
    try:
        Profile.model_validate(complete_fragment(fragment, "Voorbeeld"))
    except ValidationError as error:
        return [(tuple(d["loc"]), profile_error_text(d)) for d in error.errors(include_url=False)]
    return []


def profile_error_text(detail: Any) -> str:
    """A pydantic error on a profile in Dutch, naming the field path (with a suggestion for typos)."""
    loc = [str(p) for p in detail["loc"] if not isinstance(p, int)]
    path = ".".join(loc)
    kind = detail["type"]
    if kind == "extra_forbidden":
        hint = ""
        try:
            parent = resolve(Profile, ".".join(loc[:-1])) if loc[:-1] else None
        except PathError:
            parent = None
        model = Profile if parent is None else (parent.item.model if parent.item is not None else parent.model)
        if model is not None:
            hint = did_you_mean(loc[-1], model.model_fields)
        return f"onbekend veld '{path}'.{hint}"
    if kind == "missing":
        return f"verplicht veld '{path}' ontbreekt"
    if kind == "bool_type":
        return f"'{path}' verwacht true of false"
    if kind == "enum":
        expected = detail.get("ctx", {}).get("expected", "")
        return f"'{path}' heeft een ongeldige waarde {shown(detail.get('input'))}; kies uit {expected}"
    return f"'{path}': {detail['msg']}"


# ---------------------------------------------------------------------------------------------


def load_rule_file(path: Path) -> tuple[str, list[Rule]]:
    """The group and rules of one file; raises InputError with every problem found."""
    return load_rule_document(load_yaml_file(path), str(path))


def load_rule_document(document: YamlDocument, source: str) -> tuple[str, list[Rule]]:
    """The group and rules of one parsed rule file; raises InputError with every problem found."""
    ctx = _FileContext(source, document.marks, document.key_marks)
    data = document.data
    # The JSON Schema pass only words the problems better (it is ~90 % of the catalogue's load time);
    # a file the model accepts does not need it.
    try:
        parsed = RuleFile.model_validate(data)
    except ValidationError as error:
        _schema_problems(data, ctx)
        if not ctx.problems:
            _pydantic_problems(error, data, (), ctx)
        raise InputError(ctx.problems) from None
    seen: dict[str, int] = {}
    for index, spec in enumerate(parsed.regels):
        if spec.id in seen:
            first_line = ctx.position(("regels", seen[spec.id], "id"))[0]
            ctx.add(("regels", index, "id"), f"id '{spec.id}' staat al eerder in dit bestand (regel {first_line})", "duplicate-id")
        else:
            seen[spec.id] = index
        _check_rule(data["regels"][index], spec, index, ctx)
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
        budget = _budget_problem(ordered)
        if budget is not None:
            problems.append(budget)
    if problems:
        raise InputError(problems)
    return Catalogue(tuple(ordered))
