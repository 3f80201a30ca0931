"""Property-based tests over profiles built from the pydantic model itself.

The strategies walk ``Profile``'s fields (types, bounds, patterns, enums, nested models, lists), so a
field added to the model is generated without touching this file. Every optional key can be left
out, which is how hypothesis shrinks a failing profile to the facts that matter.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
import types
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic_core import Url

from iza_check.assess.findings import Outcome, Report
from iza_check.checker import Checker, CheckOptions, check_paths
from iza_check.i18n import LANGS
from iza_check.profile.loader import load_profile
from iza_check.profile.model import Profile
from iza_check.report.registry import REPORTERS, render
from iza_check.rules.conditions import Lijst, iter_leaves
from iza_check.rules.operators import Bestaat, ConditionBase, Ontbreekt

pytestmark = pytest.mark.slow  # property tests: deselect with -m "not slow" for a fast loop

PEILDATUM = dt.date(2026, 11, 1)
REPO = Path(__file__).resolve().parents[2]
SETTINGS = settings(
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ------------------------------------------------------------------------------------ strategies


def _unwrap(annotation: Any, bounds: dict[str, Any]) -> Any:
    """The annotation without Optional/Annotated layers; their constraints are collected in ``bounds``."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *metadata = get_args(annotation)
            _collect(metadata, bounds)
        elif origin is Union or origin is types.UnionType:
            members = [arg for arg in get_args(annotation) if arg is not type(None)]
            assert len(members) == 1, f"unsupported union {annotation!r}"
            annotation = members[0]
        else:
            return annotation


def _collect(metadata: Any, bounds: dict[str, Any]) -> None:
    for item in metadata:
        if isinstance(getattr(item, "metadata", None), list):
            _collect(item.metadata, bounds)
        for name in ("ge", "le", "min_length", "max_length", "pattern"):
            value = getattr(item, name, None)
            if value is not None and not callable(value):
                bounds[name] = value


def _text(bounds: dict[str, Any]) -> st.SearchStrategy[str]:
    low = bounds.get("min_length", 0)
    return st.text(st.characters(codec="utf-8"), min_size=low, max_size=min(bounds.get("max_length", 30), low + 30))


_URLS = st.builds(
    "https://{}.example.nl/{}".format,
    st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True),
    st.from_regex(r"[a-z0-9_-]{0,12}", fullmatch=True),
)


def _strategy(annotation: Any, bounds: dict[str, Any], name: str) -> st.SearchStrategy[Any]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_strategy(annotation)
    if get_origin(annotation) is list:
        item_bounds: dict[str, Any] = {}
        item = _unwrap(get_args(annotation)[0], item_bounds)
        low = bounds.get("min_length", 0)
        high = low + (6 if name == "aanbod" else 3)
        return st.lists(_strategy(item, item_bounds, name), min_size=low, max_size=high)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return st.sampled_from([member.value for member in annotation])
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(bounds.get("ge"), bounds.get("le"))
    if annotation is float:
        return st.floats(bounds.get("ge"), bounds.get("le"), allow_nan=False, allow_infinity=False)
    if annotation is dt.date:
        return st.dates()
    if annotation is Url:
        return _URLS
    if annotation is str:
        if name == "betreft":  # a plan names a rule of the catalogue (an unknown code is refused, tested apart)
            return st.sampled_from(_RULE_IDS)
        if "pattern" in bounds:
            return st.from_regex(bounds["pattern"], fullmatch=True)
        return _text(bounds)
    raise TypeError(f"no strategy for {annotation!r} ({name})")


def _rule_ids() -> list[str]:
    from iza_check.resources import rules_dir
    from iza_check.rules.loader import load_catalogue

    return [rule.id for rule in load_catalogue([rules_dir()]).rules]


_RULE_IDS = _rule_ids()


def model_strategy(model: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for name, info in model.model_fields.items():
        bounds: dict[str, Any] = {}
        _collect(info.metadata, bounds)
        strategy = _strategy(_unwrap(info.annotation, bounds), bounds, name)
        (required if info.is_required() else optional)[name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


profiles = st.deferred(lambda: model_strategy(Profile))


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # The strict loader refuses unquoted ja/nee/y/n, which PyYAML itself would write bare.
    style = "'" if value.lower() in {"ja", "nee", "y", "n"} else None
    # PyYAML's emitter writes NEL, LS and PS raw in plain and single-quoted scalars, where YAML reads them as
    # line breaks (folded to spaces); only double quotes escape them.
    if any(char in value for char in "\x85\u2028\u2029"):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style) if style else dumper.represent_str(value)


_Dumper.add_representer(str, _represent_str)


def dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


# ---------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker((), PEILDATUM)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


# ---------------------------------------------------------------------------------- properties


@settings(SETTINGS, max_examples=60)
@given(data=profiles)
def test_any_valid_profile_loads_back_exactly_and_evaluates(data: dict[str, Any], checker: Checker, workdir: Path) -> None:
    expected = Profile.model_validate(data)
    path = workdir / "profiel.yaml"
    path.write_text(dump(data), encoding="utf-8")
    assert load_profile(path).profile == expected  # nothing lost or changed on the way through YAML
    outcome = checker.check_file(path)
    assert outcome.problems == ()
    assert outcome.report is not None
    findings = outcome.report.findings
    assert [f.rule_id for f in findings] == [rule.id for rule in checker.catalogue.rules]
    assert all(isinstance(f.outcome, Outcome) for f in findings)


_REPORT_SCHEMA = json.loads((REPO / "schema" / "report.schema.json").read_text(encoding="utf-8"))


@settings(SETTINGS, max_examples=25)
@given(data=profiles)
def test_every_report_format_renders_any_valid_profile(data: dict[str, Any], checker: Checker, workdir: Path) -> None:
    path = workdir / "rapport.yaml"
    path.write_text(dump(data), encoding="utf-8")
    outcome = checker.check_file(path)
    assert outcome.report is not None
    report = Report(peildatum=PEILDATUM, tool_version="0.0.0", engine="python", profiles=(outcome.report,))
    for name in REPORTERS:
        for lang in LANGS:
            text = render(name, report, lang=lang, colour=name == "text")
            assert isinstance(text, str) and text.strip(), (name, lang)
            if name == "json":
                jsonschema.validate(json.loads(text), _REPORT_SCHEMA)


# -------------------------------------------------------------------------------- monotonicity
#
# Each part of a rule (nvt.als, voldoet, deels) is a condition in Kleene's three-valued logic, and a
# test on an absent fact is unknown. Kleene logic is monotone in information: if a condition is
# true or false with fewer facts, it has the same value with more facts. So, from fewer facts to
# more, each part either keeps its value or goes from unknown to true/false.
#
# The outcome follows the parts in a fixed order (engine.decide): nvt if nvt is true; else voldoet
# if voldoet is true; else deels if deels is true; else voldoet_niet if voldoet is false and deels
# is false or absent; else onbekend. Hence, when the outcome with fewer facts is decided, the
# outcome with more facts is the same, except that a part of higher rank that was unknown may have
# become true:
#
#   fewer facts    more facts
#   nvt            nvt
#   voldoet        voldoet, nvt                 (nvt was unknown)
#   deels          deels, voldoet, nvt          (voldoet or nvt was unknown)
#   voldoet_niet   voldoet_niet, nvt            (nvt was unknown)
#   onbekend       anything
#
# In particular, removing a fact never turns onbekend into a decided outcome, and never turns one
# decided outcome into another, except into one that was waiting for the removed fact.
#
# `bestaat` and `ontbreekt` are the exception: for them the absence of a fact *is* the information
# (ontbreekt is true exactly when the fact is gone), so they are not monotone. A rule that tests the
# presence of a path is exempt when the removed fact is that path or contains it; removing any other
# fact leaves the presence unchanged, and the property holds for that rule too.

ALLOWED_WITH_MORE_FACTS: dict[Outcome, frozenset[Outcome]] = {
    Outcome.nvt: frozenset({Outcome.nvt}),
    Outcome.voldoet: frozenset({Outcome.voldoet, Outcome.nvt}),
    Outcome.deels: frozenset({Outcome.deels, Outcome.voldoet, Outcome.nvt}),
    Outcome.voldoet_niet: frozenset({Outcome.voldoet_niet, Outcome.nvt}),
    Outcome.onbekend: frozenset(Outcome),
}


def _presence_paths(condition: ConditionBase, prefix: str = "") -> set[str]:
    """Paths (``[]`` for any item) whose presence or absence the condition tests."""
    found: set[str] = set()
    for leaf in iter_leaves(condition):
        if isinstance(leaf, Lijst):
            found |= _presence_paths(leaf.waar, f"{prefix}{leaf.lijst}[].")
        elif isinstance(leaf, (Bestaat, Ontbreekt)):
            found.add(prefix + leaf.veld)
    return found


def _rule_presence_paths(checker: Checker) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for rule in checker.catalogue.rules:
        parts = [rule.voldoet, rule.deels, rule.nvt.als if rule.nvt is not None else None]
        out[rule.id] = set().union(*(_presence_paths(part) for part in parts if part is not None))
    return out


def _droppable(data: dict[str, Any], model: type[BaseModel], prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Locations (key paths) of every optional fact present; list items are never removed.

    Removing an item would not be less information but a different list (fewer activities).
    """
    found: list[tuple[Any, ...]] = []
    for name, value in data.items():
        info = model.model_fields[name]
        here = (*prefix, name)
        if not info.is_required():
            found.append(here)
        inner = _unwrap(info.annotation, {})
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            found += _droppable(value, inner, here)
        elif get_origin(inner) is list:
            item = _unwrap(get_args(inner)[0], {})
            if isinstance(item, type) and issubclass(item, BaseModel):
                for index, element in enumerate(value):
                    found += _droppable(element, item, (*here, index))
    return found


def _without(data: Any, location: tuple[Any, ...]) -> Any:
    if len(location) == 1:
        return {key: value for key, value in data.items() if key != location[0]}
    head, *rest = location
    if isinstance(data, list):
        return [(_without(item, tuple(rest)) if index == head else item) for index, item in enumerate(data)]
    return {key: (_without(value, tuple(rest)) if key == head else value) for key, value in data.items()}


def _generic(location: tuple[Any, ...]) -> str:
    """``('aanbod', 2, 'soort')`` -> ``aanbod[].soort``, the form of :func:`_presence_paths`."""
    text = ""
    for part in location:
        text += "[]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _touches(dropped: str, presence: str) -> bool:
    return presence == dropped or presence.startswith(dropped + ".") or presence.startswith(dropped + "[")


@settings(SETTINGS, max_examples=80)
@given(data=profiles, choice=st.integers(min_value=0))
def test_removing_a_fact_never_changes_a_decided_outcome(data: dict[str, Any], choice: int, checker: Checker) -> None:
    locations = _droppable(data, Profile)
    if not locations:
        return
    location = locations[choice % len(locations)]
    fewer = Profile.model_validate(_without(data, location))
    more = Profile.model_validate(data)
    dropped = _generic(location)
    presence = _rule_presence_paths(checker)
    before = checker.engine.evaluate(more, peildatum=PEILDATUM)
    after = checker.engine.evaluate(fewer, peildatum=PEILDATUM)
    for with_more, with_fewer in zip(before, after, strict=True):
        if any(_touches(dropped, path) for path in presence[with_more.rule_id]):
            continue  # decided by absence: see the comment above
        assert with_more.outcome in ALLOWED_WITH_MORE_FACTS[with_fewer.outcome], (
            f"{with_more.rule_id}: without {dropped} {with_fewer.outcome.value}, with it {with_more.outcome.value}"
        )


# ------------------------------------------------------------------------------ alone vs batch


@settings(SETTINGS, max_examples=3)
@given(batch=st.lists(profiles, min_size=16, max_size=20))
def test_outcomes_alone_equal_outcomes_in_a_parallel_batch(
    batch: list[dict[str, Any]], checker: Checker, workdir: Path
) -> None:
    folder = Path(tempfile.mkdtemp(dir=workdir))
    try:
        for index, data in enumerate(batch):
            (folder / f"p{index:02d}.yaml").write_text(dump(data), encoding="utf-8")
        together = list(check_paths(CheckOptions(paths=(folder,), peildatum=PEILDATUM, jobs=2)))
        alone = [checker.check_file(path) for path in sorted(folder.glob("*.yaml"))]
        assert [o.source for o in together] == [o.source for o in alone]
        for in_batch, by_itself in zip(together, alone, strict=True):
            assert in_batch == by_itself, in_batch.source
    finally:
        shutil.rmtree(folder)
