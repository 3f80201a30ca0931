"""Every condition operator is one class (src/iza_check/rules/operators.py) that brings every part of its meaning,
and the parts agree: its truth on a value, the fact it derives, its durable-rules tests and its check against the
profile model. A new operator that forgets a part, or whose parts disagree, fails here."""

from __future__ import annotations

import ast
import datetime as dt
import operator
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest
from pydantic import TypeAdapter
from test_rule_kit import catalogue, profile, rule_data

import iza_check.rules.operators as operators
from iza_check.engine import BACKENDS, create_engine, durable_problem
from iza_check.engine.durable import _Compiler
from iza_check.engine.facts import FactPlan, compile_condition, compile_reasons, item_types
from iza_check.engine.outcomes import Outcome
from iza_check.profile.model import Profile
from iza_check.profile.paths import FieldType, resolve
from iza_check.rules.conditions import Condition
from iza_check.rules.model import Catalogue
from iza_check.rules.operators import ATOM_FORMS, OPERATORS, AtomBase, Deriver, Test
from iza_check.rules.values import MISSING, Issue

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "src" / "iza_check"
PEILDATA = [dt.date(2025, 6, 15), dt.date(2024, 2, 29)]

# The parts an operator class must implement itself (or take from an operator base class), not leave to AtomBase.
# ``value_test`` is not among them: AtomBase's is the operator's fact held to its ``holds``.
PARTS = ("check", "derive", "holds", "durable")

# Each operator on a field it fits, with raw values to judge (MISSING is added to each): values of the field's
# type, edge cases, and values of a wrong type (only possible for a profile built without validation).
DAY = dt.date(2023, 6, 15)
DATES = [DAY, DAY - dt.timedelta(days=1), DAY + dt.timedelta(days=1), dt.date(2025, 6, 15), dt.date(2025, 6, 16),
         dt.date(2021, 2, 28), dt.datetime(2024, 1, 1, 12, 0), "2024-01-01", 5]
SAMPLES: list[tuple[dict[str, Any], list[Any]]] = [
    ({"veld": "toegang.indicatie_nodig", "gelijk": True}, [True, False, 1, "true", "ja"]),
    ({"veld": "toegang.indicatie_nodig", "ongelijk": False}, [True, False, 0]),
    ({"veld": "initiatief.gemeente", "gelijk": "Zeist"}, ["Zeist", "zeist", 9, True]),
    ({"veld": "toegang.eigen_bijdrage", "in": ["geen", "laag"]}, ["geen", "laag", "hoog", "onzin", 3]),
    ({"veld": "team.vrijwilligers", "in": [3]}, [3, 4, 3.0, True]),
    ({"veld": "team.vrijwilligers", "minstens": 3}, [2, 3, 4, True, 3.5, "3"]),
    ({"veld": "team.fte", "hoogstens": 1.5}, [0, 1, 1.5, 2.25, False]),
    ({"veld": "team.fte", "meer_dan": 0.5}, [0.5, 0.75, 1, 0]),
    ({"veld": "team.vrijwilligers", "minder_dan": 3}, [2, 3, 4]),
    ({"veld": "kwaliteit.rie.datum", "minstens": "2023-06-15"}, DATES),
    ({"veld": "kwaliteit.rie.datum", "minder_dan": dt.date(2023, 6, 15)}, DATES),
    ({"veld": "kwaliteit.cao", "bestaat": True}, ["Sociaal Werk", ""]),
    ({"veld": "kwaliteit.vog", "ontbreekt": True}, [{}]),
    ({"veld": "werkwijze.bezoekersrollen", "bevat": "co_trainer"}, [[], ["co_trainer"], ["vrijwilliger"], "co_trainer"]),
    ({"veld": "werkwijze.bezoekersrollen", "bevat_een_van": ["co_trainer", "bestuurslid"]},
     [[], ["bestuurslid", "co_trainer"], ["vrijwilliger", "bestuurslid"], ["vrijwilliger"], 3]),
    ({"veld": "samenwerking.partners", "aantal_minstens": 2}, [[], ["a"], ["a", "b"], ["a", "b", "c"], "ab"]),
    ({"veld": "samenwerking.partners", "aantal_minstens": 0}, [[], ["a"]]),
    ({"veld": "kwaliteit.rie.datum", "niet_ouder_dan_jaren": 2}, DATES),
    ({"veld": "kwaliteit.rie.datum", "niet_ouder_dan_jaren": 0}, DATES),
    ({"veld": "kwaliteit.rie.datum", "niet_na_peildatum": True}, DATES),
]

_adapter: TypeAdapter[Any] = TypeAdapter(Condition)


def _atom(data: dict[str, Any]) -> AtomBase:
    atom = _adapter.validate_python(data)
    assert isinstance(atom, AtomBase)
    return atom


def _operator_classes() -> list[type[AtomBase]]:
    """Every class of the operators module below AtomBase that is an operator (has a ``form``)."""
    found: list[type[AtomBase]] = []
    pending = list(AtomBase.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__ == operators.__name__ and "form" in vars(cls):
            found.append(cls)
    return found


# ----------------------------------------------------------------------------------- every part, in one class


@pytest.mark.parametrize("cls", ATOM_FORMS, ids=lambda cls: cls.form)
def test_every_operator_brings_every_part(cls: type[AtomBase]) -> None:
    for part in PARTS:
        owner = next(klass for klass in cls.__mro__ if part in vars(klass))
        assert owner is not AtomBase, f"{cls.__name__} does not implement {part}()"
    assert isinstance(cls.fact, str) and cls.fact, f"{cls.__name__} names no fact"
    assert cls.form in OPERATORS
    assert cls.operand_attr in cls.model_fields, f"{cls.__name__}.operand_attr is not one of its fields"
    assert (cls.model_fields[cls.operand_attr].alias or cls.operand_attr) == cls.form  # the key in a rule file


def test_every_operator_class_is_in_the_language() -> None:
    """A class of the operators module with a ``form`` is listed in ATOM_FORMS, so rule files can use it."""
    assert sorted(cls.__name__ for cls in _operator_classes()) == sorted(cls.__name__ for cls in ATOM_FORMS)


def test_every_operator_is_documented_for_rule_writers() -> None:
    """A row of the table of forms in rules/README.md: ``| `{veld: PAD, gelijk: W}` | ... |``."""
    readme = (REPO / "rules" / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `\{veld: [A-Z]+, ([a-z_]+): ", readme, flags=re.MULTILINE)
    assert sorted(rows) == sorted(OPERATORS)


def test_every_operator_has_samples_here() -> None:
    assert {_atom(data).form for data, _ in SAMPLES} == set(OPERATORS)


def test_operators_of_one_fact_derive_it_alike() -> None:
    """The engine shares a fact between operators that name the same kind on the same field."""
    derivers: dict[str, set[object]] = {}
    for cls in ATOM_FORMS:
        derivers.setdefault(cls.fact, set()).add(cls.derive.__func__)  # type: ignore[attr-defined]
    assert {fact: len(found) for fact, found in derivers.items() if len(found) > 1} == {}
    assert not set(derivers) & {"count_true", "count_possible", "complete"}  # the compound forms' own facts


def test_the_engine_and_the_loader_read_operators_only_through_their_parts() -> None:
    """No module but the language's own (the operators and the union of forms) names an operator class: no
    isinstance ladder can come back."""
    names = {cls.__name__ for cls in ATOM_FORMS}
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        if path.name in ("operators.py", "conditions.py") and path.parent.name == "rules":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in ("iza_check.rules.operators", "iza_check.rules.conditions"):
                found += [f"{path.relative_to(SOURCE)}: {alias.name}" for alias in node.names if alias.name in names]
    assert found == []


# ----------------------------------------------------------------------------------- the parts agree


def _matches(test: Test, fact: dict[str, object]) -> bool:
    """A durable-rules test on a flat fact, as the engine reads it: a test on an absent key never matches."""
    ((name, body),) = test.items()
    if name == "$or":
        return any(_matches(sub, fact) for sub in body)
    if name in ("$ex", "$nex"):
        return all((key in fact) == (name == "$ex") for key in body)
    if name.startswith("$"):
        ((key, bound),) = body.items()
        compare: Callable[[Any, Any], bool] = {
            "$neq": operator.ne, "$gte": operator.ge, "$gt": operator.gt, "$lte": operator.le, "$lt": operator.lt
        }[name]
        return key in fact and compare(fact[key], bound)
    return name in fact and fact[name] == body


def _cases() -> list[tuple[str, AtomBase, FieldType, Any]]:
    cases = []
    for data, raws in SAMPLES:
        atom = _atom(data)
        for raw in [MISSING, *raws]:
            cases.append((f"{atom.form}:{atom.path}:{raw!r}", atom, resolve(Profile, atom.path), raw))
    return cases


@pytest.mark.parametrize(("atom", "ftype", "raw"), [case[1:] for case in _cases()], ids=[case[0] for case in _cases()])
def test_truth_fact_and_durable_tests_agree(atom: AtomBase, ftype: FieldType, raw: Any) -> None:
    derive: Deriver = type(atom).derive(ftype, atom.fact_operand(ftype))
    holds = atom.holds(ftype)
    test = atom.value_test(ftype)
    for peildatum in PEILDATA:
        truth = test(raw, peildatum)
        value = MISSING if raw is MISSING else derive(raw, peildatum)
        if value is not MISSING:
            assert type(value) is not bool, "facts never hold a bool (True == 1 would mix types)"
            assert truth is holds(value)
        elif not atom.judges_absence:
            assert truth is None  # no value, no truth: unknown
        fact = {} if value is MISSING else {"k": value}
        passing = all(_matches(t, fact) for t in atom.durable("k", ftype, True))
        failing = all(_matches(t, fact) for t in atom.durable("k", ftype, False))
        assert (passing, failing) == (truth is True, truth is False), (peildatum, value)


@pytest.mark.parametrize("data", [data for data, _ in SAMPLES], ids=lambda data: f"{data}")
def test_every_operator_fits_its_sample_field_and_refuses_a_group(data: dict[str, Any]) -> None:
    atom = _atom(data)
    assert atom.check(resolve(Profile, atom.path)) == []
    issues = atom.check(resolve(Profile, "kwaliteit"))  # a group of fields: only a presence can be asked of it
    if atom.judges_absence:
        assert issues == []
    else:
        assert issues and all(isinstance(issue, Issue) and issue.code == "wrong-operator" for issue in issues)
        assert all(f"'{atom.form}'" in issue.message for issue in issues)


# ----------------------------------------------------------------------------------- a new operator is one class


class DeelbaarDoor(AtomBase):
    """``deelbaar_door: N``: the number is a multiple of N. It exists only in this test, as one class."""

    form: ClassVar[str] = "deelbaar_door"
    operand_attr: ClassVar[str] = "deelbaar_door"
    fact: ClassVar[str] = "remainder"  # the number modulo N
    deelbaar_door: int

    def check(self, ftype: FieldType) -> list[Issue]:
        return [] if ftype.kind == "int" else [Issue(f"'deelbaar_door' werkt op een geheel getal; '{self.veld}' niet", "wrong-operator")]

    def fact_operand(self, ftype: FieldType) -> int:
        return self.deelbaar_door

    @classmethod
    def derive(cls, ftype: FieldType, operand: Any) -> Deriver:
        return lambda raw, _peildatum: raw % operand if type(raw) is int else MISSING

    def holds(self, ftype: FieldType) -> Callable[[Any], bool]:
        return lambda remainder: remainder == 0

    def durable(self, key: str, ftype: FieldType, positive: bool) -> list[Test]:
        return [{key: 0}] if positive else [{"$neq": {key: 0}}]


def _catalogue_with(condition: AtomBase) -> Catalogue:
    """A catalogue of one rule whose voldoet is ``condition`` (rule files cannot name a class of a test)."""
    (rule,) = catalogue(rule_data("X1", {"veld": "team.vrijwilligers", "bestaat": True})).rules
    return Catalogue((rule.model_copy(update={"voldoet": condition}),))


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_operator_that_is_only_a_class_runs_on_every_back_end(backend: str) -> None:
    if backend == "durable" and durable_problem() is not None:
        pytest.skip("durable-rules does not load here")
    condition = DeelbaarDoor(veld="team.vrijwilligers", deelbaar_door=3)
    engine = create_engine(_catalogue_with(condition), backend)
    expected = {0: Outcome.voldoet, 1: Outcome.voldoet_niet, 6: Outcome.voldoet, 7: Outcome.voldoet_niet, None: Outcome.onbekend}
    for count, outcome in expected.items():
        item = profile(team={} if count is None else {"vrijwilligers": count})
        result = engine.evaluate_rule(item, "X1", peildatum=PEILDATA[0])
        assert result.outcome is outcome, (count, result)
        assert result.missing == (("team.vrijwilligers",) if count is None else ())
    # the evaluator's truth without the paths, and the network rules of the durable back-end
    truth = compile_condition(condition, item_types(condition, Profile))
    assert [truth(profile(team={"vrijwilligers": n}), PEILDATA[0]) for n in (3, 4)] == [True, False]
    assert compile_reasons(condition, Profile)(profile(team={"vrijwilligers": 9}), PEILDATA[0], None).deciding == ("team.vrijwilligers",)
    compiler = _Compiler(FactPlan())
    assert compiler.dnf(condition, True) == [[{"f0": 0}]] and compiler.dnf(condition, False) == [[{"$neq": {"f0": 0}}]]
