"""``iza-check dossier``: a folder with each profile's html report and an index page, through the command line.

The index's golden files are in test_funders.py; here the folder itself: names, links, what is refused, what
is left alone, and the exit codes.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from iza_check.cli.main import main

REPO = Path(__file__).resolve().parents[2]
PROFILES = REPO / "profiles"
BROKEN = "versie: 1\ninitiatief:\n  naam: X\n  gemeenteX: Utrecht\n"


def _dossier(*args: str) -> Result:
    return CliRunner().invoke(main, ["dossier", *args, "--reference-date", "2026-11-01"], catch_exceptions=False)


def _links(index: Path) -> dict[str, str]:
    """Name shown -> the page it links to."""
    html = index.read_text(encoding="utf-8")
    return {name: href for href, name in re.findall(r'<a href="([^"]+)"><strong>([^<]+)</strong></a>', html)}


@pytest.fixture
def applications(tmp_path: Path) -> Path:
    """Two regions' applications in sub-folders, and one file that cannot be read."""
    root = tmp_path / "aanvragen"
    (root / "twente").mkdir(parents=True)
    (root / "utrecht").mkdir()
    shutil.copy(PROFILES / "starter-vrijwilligers.yaml", root / "twente" / "de-kiem.yaml")
    shutil.copy(PROFILES / "inloop-koffie-welzijn.yaml", root / "twente" / "Koffiehoek.yaml")
    shutil.copy(PROFILES / "zelfregiecentrum-de-brug.yaml", root / "utrecht" / "de brug (2026).yaml")
    (root / "utrecht" / "kapot.yaml").write_text(BROKEN, encoding="utf-8")
    return root


def test_one_page_per_profile_and_an_index_that_links_them(applications: Path, tmp_path: Path) -> None:
    out = tmp_path / "nog" / "niet" / "er"  # made, with its parents
    result = _dossier(str(applications), "-o", str(out))
    assert result.exit_code == 2  # the broken file; every other profile has its page
    assert sorted(p.name for p in out.iterdir()) == [
        "index.html", "twente--de-kiem.html", "twente--koffiehoek.html", "utrecht--de-brug-2026.html",
    ]
    links = _links(out / "index.html")
    assert links == {
        "Herstelplek De Kiem": "twente--de-kiem.html",
        "Koffiehoek De Schakel": "twente--koffiehoek.html",
        "Zelfregiecentrum De Brug": "utrecht--de-brug-2026.html",
    }
    for name, page in links.items():
        html = (out / page).read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and name in html
        others = set(links) - {name}
        assert not any(other in html for other in others)  # a report of that one profile
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "kapot.yaml:4:3:" in index and "gemeenteX" in index and 'class="v-ongeldig"' in index
    assert "Klik op een naam voor het volledige rapport." in index
    assert not list(out.glob(".*"))  # written atomically: no temporary files left behind
    assert "kapot.yaml:4:3:" in result.stderr
    assert f"{out / 'index.html'}: dossier met 3 rapporten" in result.stderr and "exitcode 2" in result.stderr


@pytest.mark.parametrize(("fail_on", "expected"), [("verplicht", 1), ("nooit", 0)])
def test_exit_codes_follow_the_summary(tmp_path: Path, fail_on: str, expected: int) -> None:
    result = _dossier(str(PROFILES / "inloop-koffie-welzijn.yaml"), "-o", str(tmp_path / "d"), "--fail-on", fail_on)
    assert result.exit_code == expected
    assert (tmp_path / "d" / "inloop-koffie-welzijn.html").is_file()


def test_english(tmp_path: Path) -> None:
    brug = str(PROFILES / "zelfregiecentrum-de-brug.yaml")
    result = _dossier(brug, "--output-dir", str(tmp_path / "d"), "--lang", "en")
    assert result.exit_code == 0
    index = (tmp_path / "d" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and "Click a name for the full report." in index
    assert '<html lang="en">' in (tmp_path / "d" / "zelfregiecentrum-de-brug.html").read_text(encoding="utf-8")


def test_a_rerun_replaces_its_pages_and_leaves_other_files_alone(applications: Path, tmp_path: Path) -> None:
    out = tmp_path / "dossier"
    out.mkdir()
    (out / "notities.txt").write_text("van de beleidsmedewerker", encoding="utf-8")
    (out / "oud-rapport.html").write_text("<p>vorige ronde</p>", encoding="utf-8")
    _dossier(str(applications), "-o", str(out))
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    _dossier(str(applications), "-o", str(out))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first  # the same names, the same pages
    assert (out / "notities.txt").read_text(encoding="utf-8") == "van de beleidsmedewerker"
    assert (out / "oud-rapport.html").read_text(encoding="utf-8") == "<p>vorige ronde</p>"


def test_output_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "dossier"
    target.write_text("ik ben een bestand", encoding="utf-8")
    result = _dossier(str(PROFILES), "-o", str(target))
    assert result.exit_code == 2
    assert "dit is een bestand, geen map" in result.stderr
    assert target.read_text(encoding="utf-8") == "ik ben een bestand"


def test_an_input_file_is_never_overwritten(tmp_path: Path) -> None:
    # A profile may have any name when it is named on the command line; its page would have that name.
    out = tmp_path / "dossier"
    out.mkdir()
    profile = out / "de-kiem.html"
    shutil.copy(PROFILES / "starter-vrijwilligers.yaml", profile)
    before = profile.read_bytes()
    result = _dossier(str(profile), "-o", str(out))
    assert result.exit_code == 2
    assert "invoerbestanden" in result.stderr
    assert profile.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["de-kiem.html"]  # nothing written at all


def test_an_input_named_index_gets_another_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PROFILES / "zelfregiecentrum-de-brug.yaml", folder / "index.yaml")
    result = _dossier(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert _links(tmp_path / "out" / "index.html") == {"Zelfregiecentrum De Brug": "index-profiel.html"}


def test_the_same_name_twice_is_made_unique(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PROFILES / "naasten-steunpunt.yaml", folder / "kiem.yaml")
    shutil.copy(PROFILES / "starter-vrijwilligers.yaml", folder / "Kiem.yml")
    result = _dossier(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert sorted(_links(tmp_path / "out" / "index.html").values()) == ["kiem-2.html", "kiem.html"]


def test_no_profiles_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    result = _dossier(str(tmp_path / "leeg"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "Geen profielen gevonden" in result.stderr
    assert not (tmp_path / "out").exists()


def test_only_unreadable_files_give_an_index_with_their_problems(tmp_path: Path) -> None:
    (tmp_path / "kapot.yaml").write_text(BROKEN, encoding="utf-8")
    result = _dossier(str(tmp_path / "kapot.yaml"), str(tmp_path / "weg.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["index.html"]
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "gemeenteX" in index and "weg.yaml" in index and "<a href" not in index


def test_hostile_names_are_escaped_in_the_index(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (PROFILES / "zelfregiecentrum-de-brug.yaml").read_text(encoding="utf-8")
    text = text.replace("naam: Zelfregiecentrum De Brug", "naam: '<img src=x onerror=alert(1)> \"&'")
    (folder / '<b>"x".yaml').write_text(text, encoding="utf-8")
    result = _dossier(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<img" not in index and "&lt;img src=x onerror=alert(1)&gt; &quot;&amp;" in index
    assert [p.name for p in (tmp_path / "out").iterdir() if p.name != "index.html"] == ["b-x.html"]
    assert 'href="b-x.html"' in index


def test_unwritable_dossier_folder_exits_2(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "zelfregiecentrum-de-brug.html").mkdir()  # a folder where a page must go
    result = _dossier(str(PROFILES / "zelfregiecentrum-de-brug.yaml"), "-o", str(out))
    assert result.exit_code == 2 and "kan niet schrijven" in result.stderr
    assert str(out / "zelfregiecentrum-de-brug.html") in result.stderr


def test_help_names_the_exit_codes() -> None:
    result = CliRunner().invoke(main, ["dossier", "--help"])
    assert result.exit_code == 0
    assert "--output-dir" in result.output and "index.html" in result.output
    assert "2  een bestand kon niet worden gelezen" in result.output


def test_dossier_is_a_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert "dossier" in result.output
