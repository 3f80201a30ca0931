"""What a rule means: every path, operator and value checked against the profile model, the engine's budgets (how
many network rules a condition, a rule and the catalogue may cost), and the worked examples read as profiles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from iza_check.problems import Problem
from iza_check.profile.model import Profile
from iza_check.profile.paths import PathError, did_you_mean, resolve
from iza_check.rules.conditions import Lijst, Niet, children, dnf_size
from iza_check.rules.model import Rule
from iza_check.rules.operators import AtomBase, ConditionBase
from iza_check.rules.shape import FileContext, Loc, data_loc
from iza_check.rules.values import shown

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




def _check_semantics(
    condition: ConditionBase, model: type[BaseModel], loc: Loc, ctx: FileContext, *, in_item: bool, root: str
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


def check_rule(rule_data: dict[str, Any], spec: Any, index: int, ctx: FileContext) -> None:
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
                loc = (*base, "voorbeelden", number, "profiel", *data_loc(fragment, problem[0]))
                ctx.add(loc, f"voorbeeldprofiel klopt niet: {problem[1]}", "bad-example")


def _facts_per_conjunction(condition: ConditionBase) -> tuple[int, int]:
    """The most facts one network rule of ``condition`` tests, and the engine's limit for it."""
    # Compiles as the durable back-end does; durable-rules itself is not loaded (this works on every Python).
    from iza_check.engine.durable import MAX_FACTS_PER_CONJUNCTION, facts_per_conjunction

    most = max(facts_per_conjunction(condition, True), facts_per_conjunction(condition, False))
    return most, MAX_FACTS_PER_CONJUNCTION


def rule_cost(rule: Rule) -> int:
    """The network rules ``rule`` costs the engine at most: both forms of each of its parts."""
    return sum(dnf_size(part, True) + dnf_size(part, False) for part in rule.parts().values())


def budget_problem(rules: Sequence[Rule]) -> Problem | None:
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
