"""Loading rule files: the catalogue, rule sets and overrides, and every mistake reported with file:line."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from test_rule_kit import rule_data, write_rules

from iza_check.problems import InputError, Problem
from iza_check.resources import rules_dir
from iza_check.rules.loader import load_catalogue, load_rule_document, load_rule_file
from iza_check.yamlsafe import load_yaml_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "rules"
BROKEN = FIXTURES / "broken"


def _problems(path: Path) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load_rule_file(path)
    return caught.value.problems


def _line_of(path: Path, needle: str) -> int:
    """The line of the last occurrence of ``needle``."""
    found = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in line]
    assert found, f"{needle!r} not in {path}"
    return found[-1]


def test_the_bundled_catalogue_loads() -> None:
    catalogue = load_catalogue([rules_dir()])
    ids = [rule.id for rule in catalogue.rules]
    assert len(ids) == len(set(ids)) >= 20
    assert ids[0].startswith("K")  # kenmerken come first
    first = catalogue.rules[0]
    assert first.source_file.endswith("kenmerken.yaml")
    assert first.source_line is not None and first.source_line > 1
    assert catalogue.get(first.id) is first


def test_rules_know_their_group_file_and_line() -> None:
    catalogue = load_catalogue([FIXTURES / "basis"])
    assert [(r.id, r.groep.value) for r in catalogue.rules] == [("T1", "kenmerken"), ("T2", "kenmerken"), ("T3", "kwaliteit")]
    t2 = catalogue.get("T2")
    assert t2.source_line == _line_of(FIXTURES / "basis" / "kenmerken.yaml", "id: T2")
    assert t2.location.endswith(f"kenmerken.yaml:{t2.source_line}")
    with pytest.raises(KeyError):
        catalogue.get("T7")


def test_a_later_rule_set_may_replace_a_rule_explicitly() -> None:
    catalogue = load_catalogue([FIXTURES / "basis", FIXTURES / "override_ok"])
    assert [r.id for r in catalogue.rules] == ["T1", "T2", "T3", "T9"]  # the replacement keeps its place
    replaced = catalogue.get("T1")
    assert replaced.vervangt and replaced.source_file.endswith("override_ok/extra.yaml")


def test_a_clash_without_vervangt_is_an_error() -> None:
    with pytest.raises(InputError) as caught:
        load_catalogue([FIXTURES / "basis", FIXTURES / "override_missing"])
    (problem,) = caught.value.problems
    assert problem.code == "duplicate-id"
    assert "vervangt: true" in problem.message and "kenmerken.yaml" in problem.message
    assert problem.file.endswith("override_missing/extra.yaml") and problem.line == 4


def test_vervangt_without_an_earlier_rule_is_an_error() -> None:
    with pytest.raises(InputError) as caught:
        load_catalogue([FIXTURES / "basis", FIXTURES / "override_nothing"])
    (problem,) = caught.value.problems
    assert problem.code == "nothing-to-replace" and problem.line == 4


def test_a_missing_rules_folder_is_reported() -> None:
    with pytest.raises(InputError) as caught:
        load_catalogue([FIXTURES / "does_not_exist"])
    assert caught.value.problems[0].code == "not-found"


def test_duplicate_id_across_files_of_one_set(tmp_path: Path) -> None:
    write_rules(tmp_path, "a.yaml", rule_data("D1", {"veld": "team.fte", "minstens": 1}))
    write_rules(tmp_path, "b.yaml", rule_data("D1", {"veld": "team.fte", "minstens": 2}), groep="kwaliteit")
    with pytest.raises(InputError) as caught:
        load_catalogue([tmp_path])
    (problem,) = caught.value.problems
    assert problem.code == "duplicate-id" and problem.file.endswith("b.yaml") and "a.yaml" in problem.message


@pytest.mark.parametrize(
    ("name", "code", "needle", "words"),
    [
        ("path_typo.yaml", "unknown-path", "indicatie_nodg", ["indicatie_nodg", "Bedoelde u 'toegang.indicatie_nodig'?"]),
        ("bad_enum.yaml", "bad-value", "gratis", ["'gratis'", "geen, vrijwillig, laag, hoog"]),
        ("duplicate_id.yaml", "duplicate-id", "id: T1", ["'T1'", "al eerder", "(regel 4)"]),
        ("unknown_key.yaml", "unknown-key", "advise:", ["'advise'", "Bedoelde u 'advies'?"]),
        ("two_operators.yaml", "condition", "minstens: 2", ["precies één operator", "gelijk, minstens"]),
        ("operator_typo.yaml", "unknown-key", "gelijkk", ["'gelijkk'", "Bedoelde u 'gelijk'?"]),
        ("bool_as_text.yaml", "bad-value", '"nee"', ["ja/nee-veld", "true of false"]),
        ("bad_id.yaml", "bad-value", "id: t1", ["ongeldig id 't1'"]),
        ("bad_example.yaml", "bad-example", "naam: fout", ["voorbeeldprofiel", "'toegang.indicatie'", "Bedoelde u 'indicatie_nodig'?"]),
        ("nested_lijst.yaml", "nested-list", "lijst: aanbod", ["binnen 'waar'"]),
        ("one_example.yaml", "too-few", "voorbeelden:", ["minstens 2"]),
    ],
)
def test_mistakes_are_reported_with_file_line_and_message(name: str, code: str, needle: str, words: list[str]) -> None:
    path = BROKEN / name
    problems = _problems(path)
    assert [p.code for p in problems] == [code], problems
    problem = problems[0]
    assert problem.file == str(path)
    assert problem.line == _line_of(path, needle)
    assert problem.column is not None and problem.column >= 1
    for word in words:
        assert word in problem.message, problem.message
    assert problem.format().startswith(f"{path}:{problem.line}:{problem.column}: ")


def test_operators_must_fit_the_field_type() -> None:
    path = BROKEN / "wrong_operator.yaml"
    problems = _problems(path)
    assert [p.code for p in problems] == ["wrong-operator"] * 4
    messages = [p.message for p in problems]
    assert "alleen op een datum" in messages[0] and "geheel getal" in messages[0]
    assert "lijst van waarden" in messages[1] and "'gelijk' of 'in'" in messages[1]
    assert "één waarde" in messages[2] and "bevat" in messages[2]
    assert "lijst van objecten" in messages[3] and "bevat" in messages[3]
    assert [p.line for p in problems] == [_line_of(path, needle) for needle in ("niet_ouder", "bevat: true", "gelijk: co_trainer", "lijst: werkwijze")]


@pytest.mark.parametrize(
    ("condition", "fragment"),
    [
        ({"veld": "aanbod.soort", "gelijk": "inloop"}, "niet door een lijst"),
        ({"veld": "toegang", "gelijk": True}, "groep velden; kies een veld erin: toelichting"),
        ({"veld": "toegang.dagdelen_open_per_week", "minstens": 2.5}, "geheel getal"),
        ({"veld": "toegang.eigen_bijdrage", "minstens": 1}, "alleen op getallen en datums"),
        ({"veld": "kwaliteit.rie.datum", "minstens": "2024-13-01"}, "JJJJ-MM-DD"),
        ({"veld": "werkwijze.bezoekersrollen", "bevat": "cotrainer"}, "Bedoelde u 'co_trainer'?"),
        ({"veld": "team.coordinatie", "in": ["gedeeld", "leiding"]}, "'leiding' is geen waarde"),
        ({"veld": "toegang.indicatie_nodig", "aantal_minstens": 1}, "alleen op een lijst"),
        ({"lijst": "aanbod", "waar": {"veld": "soortt", "gelijk": "inloop"}, "minstens": 1}, "een item van 'aanbod'. Bedoelde u 'soort'?"),
        ({"veld": "vog.voor", "gelijk": "iedereen"}, "Bedoelde u 'kwaliteit.vog.voor'?"),
    ],
)
def test_meaning_checks(tmp_path: Path, condition: dict[str, object], fragment: str) -> None:
    path = write_rules(tmp_path, "r.yaml", rule_data("M1", condition))
    problems = _problems(path)
    assert len(problems) == 1 and fragment in problems[0].message, problems
    assert problems[0].line is not None


@pytest.mark.parametrize(
    ("condition", "fragment"),
    [
        ({"veld": "kwaliteit.vog.oudste_afgiftedatum", "niet_ouder_dan_jaren": 99999}, "99999 is te groot"),
        ({"veld": "kwaliteit.vog.oudste_afgiftedatum", "niet_na_peildatum": False}, "toegestaan: true"),
        ({"veld": "team.vrijwilligers", "in": []}, "de lijst moet minstens 1 onderdeel bevatten"),
        (
            {"lijst": "aanbod", "waar": {"veld": "door_en_voor", "gelijk": True}, "minstens": 1, "alleen_genoemde": 1},
            "'alleen_genoemde' verwacht true of false",
        ),
    ],
)
def test_a_value_the_rule_model_refuses_is_said_in_dutch(tmp_path: Path, condition: dict[str, object], fragment: str) -> None:
    path = write_rules(tmp_path, "r.yaml", rule_data("M1", condition))
    problems = _problems(path)
    assert problems and all(p.line is not None for p in problems), problems
    assert any(fragment in p.message for p in problems), problems
    assert not any("should" in p.message or "Input" in p.message for p in problems), problems


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    path = write_rules(
        tmp_path,
        "r.yaml",
        rule_data("M1", {"veld": "toegang.indicatie_nodg", "gelijk": False}),
        rule_data("M2", {"veld": "toegang.eigen_bijdrage", "gelijk": "gratis"}, deels={"veld": "team.fte", "bevat": 1}),
    )
    assert [p.code for p in _problems(path)] == ["unknown-path", "bad-value", "wrong-operator"]


def test_a_too_complex_condition_is_refused(tmp_path: Path) -> None:
    pair = {"een_van": [{"veld": "team.fte", "minstens": 1}, {"veld": "team.vrijwilligers", "minstens": 1}]}
    path = write_rules(tmp_path, "r.yaml", rule_data("C1", {"alle": [pair] * 9}))  # 2**9 conjunctions
    (problem,) = _problems(path)
    assert problem.code == "too-complex" and "512" in problem.message


def test_yaml_errors_come_through_with_position(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("groep: kenmerken\nregels: [\n", encoding="utf-8")
    problems = _problems(path)
    assert problems[0].file == str(path) and problems[0].line is not None


def _mutate(value: object, rng: random.Random) -> object:
    junk = [None, 0, -1, 2.5, True, "", "x", "K1", [], {}, [None], {"veld": None}, {"alle": []}, dt.date(2024, 1, 1)]
    if isinstance(value, dict) and value and rng.random() < 0.7:
        key = rng.choice(list(value))
        copy = dict(value)
        roll = rng.random()
        if roll < 0.2:
            del copy[key]
        elif roll < 0.3:
            copy[key + "x"] = copy.pop(key)
        else:
            copy[key] = _mutate(copy[key], rng)
        return copy
    if isinstance(value, list) and value and rng.random() < 0.7:
        copy_list = list(value)
        index = rng.randrange(len(copy_list))
        copy_list[index] = _mutate(copy_list[index], rng)
        return copy_list
    return rng.choice(junk)


def test_damaged_rule_files_give_problems_never_a_crash() -> None:
    document = load_yaml_file(FIXTURES / "basis" / "kenmerken.yaml")
    rng = random.Random(7)
    failures = 0
    for _ in range(400):
        data = document.data
        for _ in range(rng.randint(1, 3)):
            data = _mutate(data, rng)
        try:
            load_rule_document(type(document)(data, document.marks, document.key_marks), "kapot.yaml")
        except InputError as error:
            failures += 1
            assert error.problems and all(p.file == "kapot.yaml" and p.message for p in error.problems)
    assert failures > 300


NAN = float("nan")
INF = float("inf")


@pytest.mark.parametrize(
    ("condition", "operand", "fragment"),
    [
        ({"veld": "team.fte", "minstens": NAN}, "minstens", "'.nan' (geen getal)"),
        ({"veld": "team.fte", "hoogstens": INF}, "hoogstens", "'.inf' (oneindig)"),
        ({"veld": "team.fte", "meer_dan": -INF}, "meer_dan", "'-.inf' (oneindig)"),
        ({"veld": "team.fte", "minder_dan": 1e308}, "minder_dan", "1e+308 is te groot"),
        ({"veld": "team.fte", "minstens": -1e16}, "minstens", "-1e+16 is te groot"),
        ({"veld": "team.fte", "minstens": 5e-324}, "minstens", "5e-324 ligt te dicht bij 0"),
        ({"veld": "team.fte", "minstens": 1e-5}, "minstens", "1e-05 ligt te dicht bij 0"),
        ({"veld": "team.fte", "gelijk": NAN}, "gelijk", "'.nan' (geen getal)"),
        ({"veld": "team.fte", "ongelijk": INF}, "ongelijk", "'.inf' (oneindig)"),
        ({"veld": "team.fte", "in": [1.5, NAN]}, "in", "'.nan' (geen getal)"),
        ({"veld": "werkwijze.bezoekersrollen", "bevat": -INF}, "bevat", "'-.inf' (oneindig)"),
        ({"veld": "werkwijze.bezoekersrollen", "bevat_een_van": ["co_trainer", 1e300]}, "bevat_een_van", "te groot"),
    ],
)
def test_float_operands_a_rule_cannot_compare_with_are_refused_at_their_position(
    tmp_path: Path, condition: dict[str, object], operand: str, fragment: str
) -> None:
    path = write_rules(tmp_path, "r.yaml", rule_data("F1", {"alle": [{"veld": "team.fte", "bestaat": True}, condition]}))
    (problem,) = _problems(path)
    assert problem.code == "bad-value"
    assert fragment in problem.message, problem.message
    # At the refused value itself: the operand, or the list item.
    where = f"regels[0].voldoet.alle[1].{operand}" + ("[1]" if isinstance(condition[operand], list) else "")
    assert problem.field_path == where
    line, column = load_yaml_file(path).marks[where]
    assert (problem.line, problem.column) == (line, column)
    text = path.read_text(encoding="utf-8").splitlines()[line - 1][column - 1 :]
    assert text.startswith((".nan", ".inf", "-.inf", "1.0e", "-1.0e", "5.0e"))


@pytest.mark.parametrize("value", [0.0, -0.0, 1e-4, -0.0001, 2.5, 1e15, -1e15, 999999999999999.9, 10**20])
def test_ordinary_numbers_are_fine_as_operands(tmp_path: Path, value: float) -> None:
    path = write_rules(tmp_path, "r.yaml", rule_data("F1", {"veld": "team.fte", "minstens": value}))
    (_, rules) = load_rule_file(path)
    assert rules[0].voldoet.operand == value  # type: ignore[union-attr]


def test_rules_lint_names_file_line_and_column_of_a_nan_operand(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from iza_check.cli.main import main

    folder = tmp_path / "regels"
    path = write_rules(folder, "eigen.yaml", rule_data("F1", {"veld": "team.fte", "minstens": NAN}))
    line = _line_of(path, "minstens: .nan")
    column = path.read_text(encoding="utf-8").splitlines()[line - 1].index(".nan") + 1
    result = CliRunner().invoke(main, ["rules", "lint", "--rules", str(folder)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert f"{path}:{line}:{column}: '.nan' (geen getal) kan niet in een voorwaarde staan" in result.output
    assert "(bad-value)" in result.output
