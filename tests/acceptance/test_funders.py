"""The funders' journeys end to end through the command line: batch summary, regional overview, progress diff.

A seeded generator writes 200 fictional initiatives over five regions (each designed to lack known regional
bouwstenen) plus one broken profile; the small fixed sets (profiles/ and tests/fixtures/versies/) are compared
with golden files. Rewrite those with ``IZA_UPDATE_GOLDEN=1 python -m pytest tests/acceptance/test_funders.py``
and review the diff before committing.
"""

from __future__ import annotations

import csv
import difflib
import importlib.util
import io
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner, Result

from iza_check.cli.main import main

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden_funders"
PEILDATUM = "2026-11-01"
COUNT = 200


def _load_generator() -> ModuleType:
    path = REPO / "tests" / "fixtures" / "region" / "generate.py"
    spec = importlib.util.spec_from_file_location("region_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


generate = _load_generator()


def _summary(*args: str) -> Result:
    return _cli("check", "--summary", *args)


def _cli(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--reference-date", PEILDATUM], catch_exceptions=False)


def _squash(text: str) -> str:
    return " ".join(text.split())


# --- 200 initiatives over five regions ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:  # type: ignore[type-arg]
    directory = tmp_path_factory.mktemp("regio")
    manifest = generate.generate(directory, COUNT, seed=7, broken=True)
    return directory, manifest


def test_generator_is_reproducible(tmp_path: Path) -> None:
    first = generate.generate(tmp_path / "a", 30, seed=3)
    second = generate.generate(tmp_path / "b", 30, seed=3)
    assert first == second
    for item in first:
        assert (tmp_path / "a" / item.file).read_bytes() == (tmp_path / "b" / item.file).read_bytes()


def test_summary_has_one_row_per_initiative_and_reports_the_broken_file(region) -> None:  # type: ignore[no-untyped-def]
    directory, manifest = region
    result = _summary(str(directory), "--format", "csv")
    assert result.exit_code == 2  # the broken file; the batch went on
    data = result.stdout_bytes.decode("utf-8")
    assert data.startswith("\ufeff") and "\r\n" in data
    records = list(csv.reader(io.StringIO(data[1:], newline=""), delimiter=";"))
    header, rows = records[0], records[1:]
    assert len(rows) == COUNT + 1
    column = {name: index for index, name in enumerate(header)}
    for row, item in zip(rows, manifest, strict=False):  # the broken file has a row but no manifest entry
        assert Path(row[column["Bestand"]]).name == item.file
        assert row[column["Initiatief"]] == item.naam
        assert row[column["Gemeente"]] == item.gemeente
        assert row[column["Oordeel"]] in {"past", "groeiroute", "niet op voorhand", "onvoldoende gegevens"}
        assert all(row[column[k]] for k in ("K1", "K5", "K10", "B1", "B3"))
        assert int(row[column["Q-tekorten"]]) >= 0
    broken = rows[-1]
    assert broken[column["Oordeel"]] == "ongeldig"
    assert "zz-kapot.yaml:4:3:" in broken[column["Melding"]] and "gemeenteX" in broken[column["Melding"]]
    verdicts = {row[column["Oordeel"]] for row in rows[:-1]}
    assert len(verdicts) >= 2  # the generator varies enough to give different verdicts


def test_overview_counts_and_names_what_each_region_lacks(region) -> None:  # type: ignore[no-untyped-def]
    directory, manifest = region
    result = _cli("overview", str(directory), "--format", "json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["initiatives"] == COUNT
    assert len(document["problems"]) == 1 and document["problems"][0]["file"].endswith("zz-kapot.yaml")
    regions = {r["regio"]: r for r in document["regions"] if r["regio"] is not None}
    designed = {r.naam: r for r in generate.REGIONS if r.naam is not None}
    assert set(regions) == set(designed)
    # Profiles without a regio are not lumped together: each gemeente is a unit of its own, after the regions.
    (no_region,) = [r for r in generate.REGIONS if r.naam is None]
    units = [r for r in document["regions"] if r["regio"] is None]
    assert [u["label"] for u in units] == [f"{g} (geen regio opgegeven)" for g in sorted(no_region.gemeenten)]
    assert document["regions"][-len(units):] == units
    for name, spec in designed.items():
        mine = [item for item in manifest if item.region == name]
        got = regions[name]
        assert got["initiatives"] == len(mine)
        assert got["dagdelen_open"] == sum(item.dagdelen or 0 for item in mine)
        assert got["dagdelen_unknown"] == sum(1 for item in mine if item.dagdelen is None)
        assert sorted(g["gemeente"] for g in got["gemeenten"]) == sorted({item.gemeente for item in mine})
        for gemeente in got["gemeenten"]:
            assert len(gemeente["initiatives"]) == sum(1 for item in mine if item.gemeente == gemeente["gemeente"])
        offered = {soort for item in mine for soort in item.soorten}
        missing = got["missing"]["b"] + got["missing"]["c"]
        assert missing == [s for s in generate.REGIONAL if s not in offered]
        assert missing == [s for s in generate.REGIONAL if s in spec.missing]  # as the region was designed


def test_overview_text_names_the_missing_bouwstenen_per_region(region) -> None:  # type: ignore[no-untyped-def]
    directory, _ = region
    result = _cli("overview", str(directory))
    assert result.exit_code == 2
    text = result.stdout
    assert "zz-kapot.yaml:4:3:" in text
    closing = _squash(text.split("Ontbrekende bouwstenen per regio")[1])
    assert (
        "Groningen: bouwstenen B: informatie en advies, individuele ondersteuning, kwaliteitsontwikkeling "
        "ervaringsdeskundigheid bouwstenen C: kwartiermaken en anti-stigma, deskundigheidsbevordering "
        "professionals, ondersteuning familie en naasten"
    ) in closing
    assert "Rijnmond: bouwstenen B: individuele ondersteuning Twente:" in closing
    assert "Twente: bouwstenen C: kwartiermaken en anti-stigma, ondersteuning familie en naasten" in closing
    assert "Utrecht: Alle bouwstenen zijn ergens in de regio aanwezig." in closing
    sections = text.split("━━ ")
    twente = next(s for s in sections if s.startswith("Regio Twente"))
    assert "Ontbreekt in de regio:" in twente and "TWENTE" not in text  # the upper-case spelling is grouped in


# --- golden files for the small fixed sets -----------------------------------------------------------------

def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("IZA_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    if not path.exists():
        pytest.fail(f"{path} is missing: run .ci/regenerate")
    with open(path, encoding="utf-8", newline="") as handle:
        expected = handle.read()
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True), str(path), "actual", n=2
        )
        pytest.fail(f"{name} differs from its golden file (.ci/regenerate rewrites it; review the diff):\n{''.join(list(diff)[:80])}")


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # relative paths in the outputs, the same on every machine


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize(("fmt", "lang"), [("text", "nl"), ("text", "en"), ("html", "nl"), ("csv", "nl")])
def test_summary_of_the_example_profiles(fmt: str, lang: str) -> None:
    result = _summary("profiles", "--format", fmt, "--lang", lang)
    assert result.exit_code == 1  # the examples have gaps at the verplicht level, and no broken file
    _golden(f"summary-{lang}.{'txt' if fmt == 'text' else fmt}", result.stdout_bytes.decode("utf-8"))


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize(("fmt", "lang"), [("text", "nl"), ("text", "en"), ("html", "nl"), ("json", "nl")])
def test_overview_of_the_example_profiles(fmt: str, lang: str) -> None:
    result = _cli("overview", "profiles", "--format", fmt, "--lang", lang)
    assert result.exit_code == 0
    _golden(f"overview-{lang}.{'txt' if fmt == 'text' else fmt}", result.stdout)


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize(("fmt", "lang"), [("text", "nl"), ("markdown", "en"), ("json", "nl")])
def test_diff_of_two_versions(fmt: str, lang: str) -> None:
    result = _cli(
        "diff", "tests/fixtures/versies/de-kiem-2025.yaml", "tests/fixtures/versies/de-kiem-2026.yaml",
        "--format", fmt, "--lang", lang,
    )
    assert result.exit_code == 1  # Q6 regressed
    extension = {"text": "txt", "markdown": "md", "json": "json"}[fmt]
    _golden(f"diff-{lang}.{extension}", result.stdout)


@pytest.mark.usefixtures("in_repo")
def test_diff_golden_tells_the_story_of_de_kiem() -> None:
    """What the versions were written to show, checked apart from the golden file so a rewrite cannot hide it."""
    result = _cli(
        "diff", "tests/fixtures/versies/de-kiem-2025.yaml", "tests/fixtures/versies/de-kiem-2026.yaml",
        "--format", "json",
    )
    document = json.loads(result.stdout)
    # The core (K2, and K3 at least deels) was there in 2025 already: a growth route then and now.
    assert (document["old"]["verdict"], document["new"]["verdict"]) == ("groeiroute", "groeiroute")
    changes = {c["rule_id"]: (c["old"], c["new"], c["change"]) for c in document["changes"]}
    assert changes["K1"] == ("onbekend", "voldoet", "verbeterd")
    assert changes["K3"][2] == "verbeterd" and changes["Q2"] == ("voldoet_niet", "voldoet", "verbeterd")
    assert changes["Q6"] == ("voldoet", "deels", "verslechterd")
    plans = {p["betreft"][0]: p for p in document["plans"]}
    assert plans["K3"]["status"] == "gerealiseerd" and plans["K3"]["realised_by"] == "criteria"
    assert plans["Q2"]["status"] == "gerealiseerd" and plans["Q2"]["realised_by"] == "gemarkeerd"
    assert plans["Q10"]["status"] == "verlopen"
    assert plans["Q1"]["status"] == "loopt" and plans["Q1"]["new_streefdatum"] == "2027-02-01"
    assert [p["betreft"] for p in document["new_plans"]] == [["K10"]]


def test_overview_without_profiles_exits_2(tmp_path: Path) -> None:
    result = _cli("overview", str(tmp_path))
    assert result.exit_code == 2
    assert "Geen profielen gevonden" in result.stderr


def test_summary_rejects_a_format_it_does_not_have(tmp_path: Path) -> None:
    result = _summary(str(tmp_path), "--format", "sarif")
    assert result.exit_code == 2
    assert "text, html, csv" in result.stderr


# --- the formats added for funders: summary json, overview csv, two rounds, the dossier ------------------

@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_summary_json_of_the_example_profiles(lang: str) -> None:
    result = _summary("profiles", "--format", "json", "--lang", lang)
    assert result.exit_code == 1  # as for the other summary formats
    _golden(f"summary-{lang}.json", result.stdout)


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_overview_csv_of_the_example_profiles(lang: str) -> None:
    result = _cli("overview", "profiles", "--format", "csv", "--lang", lang)
    assert result.exit_code == 0
    _golden(f"overview-{lang}.csv", result.stdout_bytes.decode("utf-8"))


@pytest.fixture
def rounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    from funder_rounds import make_rounds

    make_rounds(tmp_path)
    monkeypatch.chdir(tmp_path)  # relative paths in the outputs, the same on every machine
    return "ronde-2025", "ronde-2026"


@pytest.mark.parametrize(
    ("fmt", "lang"),
    [("text", "nl"), ("text", "en"), ("html", "nl"), ("html", "en"), ("csv", "nl"), ("csv", "en"), ("json", "nl")],
)
def test_diff_of_two_rounds(rounds: tuple[str, str], fmt: str, lang: str) -> None:
    result = _cli("diff", *rounds, "--format", fmt, "--lang", lang)
    assert result.exit_code == 1  # De Kiem regressed on Q6
    _golden(f"rounds-{lang}.{'txt' if fmt == 'text' else fmt}", result.stdout_bytes.decode("utf-8"))


def test_two_rounds_tell_their_story(rounds: tuple[str, str]) -> None:
    """What the rounds were made to show (tests/acceptance/funder_rounds.py), apart from the golden files."""
    document = json.loads(_cli("diff", *rounds, "--format", "json").stdout)
    status = {p["naam"]: p["status"] for p in document["profiles"]}
    assert status == {
        "Herstelplek De Kiem": "verslechterd",  # another file name, the same name and gemeente
        "Herstelcafé Nieuwegein": "verbeterd",  # gemeente 'NIEUWEGEIN ' in 2026: case and spacing do not count
        "Zelfregiecentrum De Brug": "ongewijzigd",
        "Naastenhuis Zeist": "ongewijzigd",  # no gemeente: matched by its path, naasten.yaml
        "Koffiehoek De Schakel": "verdwenen",
        "Herstelacademie Twente": "nieuw",
    }
    kiem = next(p for p in document["profiles"] if p["naam"] == "Herstelplek De Kiem")
    assert kiem["old"]["source"] == "ronde-2025/de-kiem.yaml"
    assert kiem["new"]["source"] == "ronde-2026/aanvragen/kiem-2026.yaml"
    moved = {c["rule_id"]: c["change"] for c in kiem["changes"]}
    assert moved["Q6"] == "verslechterd" and moved["K1"] == "verbeterd"
    assert [p["betreft"] for p in kiem["overdue_plans"]] == [["Q10"]]
    assert document["counts"]["overdue_plans"] == 1
    assert document["ambiguous"] == [] and document["problems"] == []


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dossier_of_the_example_profiles(tmp_path: Path, lang: str) -> None:
    result = _cli("dossier", "profiles", "-o", str(tmp_path / "dossier"), "--lang", lang)
    assert result.exit_code == 1  # as check --summary: gaps at the verplicht level
    pages = sorted(p.name for p in (tmp_path / "dossier").iterdir())
    assert pages == [
        "herstelacademie-ggz.html", "index.html", "inloop-koffie-welzijn.html", "naasten-steunpunt.html",
        "onvolledig-profiel.html", "starter-vrijwilligers.html", "zelfregiecentrum-de-brug.html",
    ]
    # The pages are the html report's (another module, with its own tests); the index is the summary's.
    _golden(f"dossier-index-{lang}.html", (tmp_path / "dossier" / "index.html").read_text(encoding="utf-8"))
