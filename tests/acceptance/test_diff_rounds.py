"""``iza-check diff OLD_DIR NEW_DIR``: two rounds of profiles, matched by identity, through the command line.

The rounds come from :mod:`funder_rounds`; the golden files of the happy path are in test_funders.py. Here: the
exit codes, patterns, the problems (unreadable files, identities that are not unique), formats that belong to
one mode only, and escaping.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from funder_rounds import VERSIES, make_rounds

from iza_check.cli.main import main

PEILDATUM = "2026-11-01"


def _diff(*args: str) -> Result:
    return CliRunner().invoke(main, ["diff", *args, "--reference-date", PEILDATUM], catch_exceptions=False)


@pytest.fixture
def rounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.chdir(tmp_path)
    old, new = make_rounds(Path())
    return old, new


def _json(result: Result) -> dict:  # type: ignore[type-arg]
    return json.loads(result.stdout)


def _statuses(document: dict) -> dict[str, str]:  # type: ignore[type-arg]
    return {p["naam"]: p["status"] for p in document["profiles"]}


def test_a_round_against_itself_is_all_unchanged_and_exits_0(rounds: tuple[Path, Path]) -> None:
    old, _ = rounds
    result = _diff(str(old), str(old), "--format", "json")
    assert result.exit_code == 0, result.output
    document = _json(result)
    assert set(_statuses(document).values()) == {"ongewijzigd"}
    assert document["counts"]["compared"] == 5


def test_without_regressions_exit_0_and_with_one_exit_1(rounds: tuple[Path, Path]) -> None:
    old, new = rounds
    (new / "aanvragen" / "kiem-2026.yaml").unlink()  # De Kiem, the one that regressed, is gone now
    result = _diff(str(old), str(new), "--format", "json")
    assert result.exit_code == 0, result.output
    assert _statuses(_json(result))["Herstelplek De Kiem"] == "verdwenen"
    assert _diff(str(new), str(old)).exit_code == 1  # the other way round, Herstelcafé went back


def test_patterns_are_rounds_and_paths_are_relative_to_their_fixed_part(rounds: tuple[Path, Path]) -> None:
    result = _diff("ronde-2025/*.yaml", "ronde-2026/**/*.yaml", "--format", "json")
    assert result.exit_code == 1
    document = _json(result)
    assert _statuses(document)["Naastenhuis Zeist"] == "ongewijzigd"  # matched by its path naasten.yaml
    assert document["rounds"] == {"old": "ronde-2025/*.yaml", "new": "ronde-2026/**/*.yaml"}


def test_profiles_without_gemeente_are_matched_by_path_only(rounds: tuple[Path, Path]) -> None:
    old, new = rounds
    (new / "naasten.yaml").rename(new / "naastenhuis.yaml")
    document = _json(_diff(str(old), str(new), "--format", "json"))
    naasten = [p for p in document["profiles"] if p["naam"] == "Naastenhuis Zeist"]
    assert sorted(p["status"] for p in naasten) == ["nieuw", "verdwenen"]


def test_an_unreadable_profile_is_a_problem_the_rest_is_compared(rounds: tuple[Path, Path]) -> None:
    old, new = rounds
    (new / "kapot.yaml").write_text("versie: 1\ninitiatief:\n  naam: X\n  gemeenteX: Utrecht\n", encoding="utf-8")
    result = _diff(str(old), str(new))
    assert result.exit_code == 2  # before the regression's 1
    assert "ronde-2026/kapot.yaml:4:3:" in result.stdout and "gemeenteX" in result.stdout
    assert "Niet elk bestand kon worden gelezen of gekoppeld" in result.stdout  # new/gone may be that file
    assert "Achteruitgang (1)" in result.stdout  # the others were compared all the same
    document = _json(_diff(str(old), str(new), "--format", "json"))
    assert [(p["file"], p["round"], p["code"]) for p in document["problems"]] == [
        ("ronde-2026/kapot.yaml", "new", "unknown-key")
    ]
    assert document["counts"]["problems"] == 1


def test_an_unreadable_profile_in_the_old_round_too(rounds: tuple[Path, Path]) -> None:
    old, new = rounds
    (old / "leeg.yaml").write_text("", encoding="utf-8")
    result = _diff(str(old), str(new), "--format", "csv")
    assert result.exit_code == 2
    records = list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8")[1:], newline=""), delimiter=";"))
    problem = records[-1]
    assert problem[0] == "probleem" and problem[4] == "ronde-2025/leeg.yaml" and problem[5] == ""
    assert problem[-1].startswith("ronde-2025/leeg.yaml")


def test_two_profiles_with_one_identity_are_reported_and_not_compared(rounds: tuple[Path, Path]) -> None:
    old, new = rounds
    shutil.copy(new / "de-brug.yaml", new / "de-brug-kopie.yaml")  # the same name and gemeente twice
    result = _diff(str(old), str(new), "--format", "json")
    assert result.exit_code == 2
    document = _json(result)
    (ambiguous,) = document["ambiguous"]
    assert ambiguous["round"] == "new" and ambiguous["count"] == 2
    assert ambiguous["identity"] == {"kind": "naam", "key": ["zelfregiecentrum de brug", "utrecht"]}
    assert ambiguous["sources"] == ["ronde-2025/de-brug.yaml", "ronde-2026/de-brug-kopie.yaml", "ronde-2026/de-brug.yaml"]
    assert "Zelfregiecentrum De Brug" not in _statuses(document)  # not compared, and not "new" or "gone" either
    assert _statuses(document)["Herstelplek De Kiem"] == "verslechterd"  # the rest is
    text = " ".join(_diff(str(old), str(new)).stdout.split())
    assert "nieuwe ronde: 2 profielen zijn niet uit elkaar te houden (naam en gemeente: Zelfregiecentrum De Brug, Utrecht)" in text
    english = " ".join(_diff(str(old), str(new), "--lang", "en").stdout.split())
    assert "new round: 2 profiles cannot be told apart (name and municipality: Zelfregiecentrum De Brug, Utrecht)" in english


def test_identity_ignores_case_and_spacing_so_such_duplicates_are_found_too(rounds: tuple[Path, Path]) -> None:
    old, new = rounds
    text = (old / "de-brug.yaml").read_text(encoding="utf-8").replace(
        "naam: Zelfregiecentrum De Brug", "naam: '  zelfregiecentrum   de BRUG'"
    )
    (old / "brug-2.yaml").write_text(text, encoding="utf-8")
    document = _json(_diff(str(old), str(new), "--format", "json"))
    assert [a["round"] for a in document["ambiguous"]] == ["old"]


def test_a_file_and_a_folder_cannot_be_compared(rounds: tuple[Path, Path]) -> None:
    old, new = rounds
    result = _diff(str(old / "de-kiem.yaml"), str(new))
    assert result.exit_code == 2 and result.stdout == ""
    assert "niet een bestand met een map" in result.stderr


def test_a_round_that_is_not_there(rounds: tuple[Path, Path]) -> None:
    _, new = rounds
    result = _diff("ronde-2024", str(new))
    assert result.exit_code == 2 and result.stdout == ""
    assert "ronde-2024: bestand of map niet gevonden." in result.stderr
    result = _diff("ronde-2024/*.yaml", str(new), "--format", "json")  # a pattern that matches nothing
    assert result.exit_code == 2
    assert [p["code"] for p in _json(result)["problems"]] == ["not-found"]


@pytest.mark.parametrize("fmt", ["html", "csv"])
def test_two_files_keep_their_formats(fmt: str) -> None:
    result = _diff(str(VERSIES / "de-kiem-2025.yaml"), str(VERSIES / "de-kiem-2026.yaml"), "--format", fmt)
    assert result.exit_code == 2 and result.stdout == ""
    assert "text, json, markdown" in result.stderr


def test_two_rounds_have_no_markdown(rounds: tuple[Path, Path]) -> None:
    result = _diff(*map(str, rounds), "--format", "markdown")
    assert result.exit_code == 2 and "text, html, csv, json" in result.stderr


def test_empty_rounds_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    result = _diff(str(tmp_path / "a"), str(tmp_path / "b"))
    assert result.exit_code == 2 and "Geen profielen gevonden" in result.stderr


def test_output_never_replaces_a_profile_of_a_round(rounds: tuple[Path, Path]) -> None:
    old, new = rounds
    target = new / "de-brug.yaml"
    before = target.read_bytes()
    result = _diff(str(old), str(new), "-o", str(target))
    assert result.exit_code == 2 and target.read_bytes() == before


def test_output_to_a_file(rounds: tuple[Path, Path], tmp_path: Path) -> None:
    result = _diff(*map(str, rounds), "--format", "html", "-o", str(tmp_path / "voortgang.html"))
    assert result.exit_code == 1 and result.stdout == ""
    assert (tmp_path / "voortgang.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_hostile_names_are_escaped_in_every_format(rounds: tuple[Path, Path]) -> None:
    old, new = rounds
    for folder in (old, new):
        text = (folder / "de-brug.yaml").read_text(encoding="utf-8")
        text = text.replace("naam: Zelfregiecentrum De Brug", "naam: '=HYPERLINK(\"x\") <script>alert(1)</script>'")
        (folder / "de-brug.yaml").write_text(text, encoding="utf-8")
    (new / "de-brug.yaml").write_text(
        (new / "de-brug.yaml").read_text(encoding="utf-8").replace("gemeente: Utrecht", "gemeente: Vianen"),
        encoding="utf-8",
    )  # now gone and new: the name shows in both lists
    page = _diff(str(old), str(new), "--format", "html").stdout
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    records = list(csv.reader(io.StringIO(_diff(str(old), str(new), "--format", "csv").stdout[1:]), delimiter=";"))
    names = [r[1] for r in records if "HYPERLINK" in r[1]]
    assert names and all(name.startswith("'=") for name in names)


def test_help_documents_both_modes() -> None:
    result = CliRunner().invoke(main, ["diff", "--help"])
    assert result.exit_code == 0
    assert "twee rondes" in result.output and "naam en gemeente" in result.output
    assert "1  minstens één regel ging achteruit" in result.output


def test_two_files_still_compare_as_before() -> None:
    result = _diff(str(VERSIES / "de-kiem-2025.yaml"), str(VERSIES / "de-kiem-2026.yaml"))
    assert result.exit_code == 1 and "Achteruitgang (1)" in result.stdout
