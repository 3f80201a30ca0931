"""The dossier's file names: stable, safe and unique, derived from the profiles' paths."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from iza_check.report.dossier import INDEX, PageNames, page_names

_SAFE = re.compile(r"^[a-z0-9_][a-z0-9_-]*\.html$")


def test_names_follow_the_path_below_the_shared_folder() -> None:
    names = page_names(["aanvragen/twente/de-kiem.yaml", "aanvragen/utrecht/De Brug (2026).yml"])
    assert names == {
        "aanvragen/twente/de-kiem.yaml": "twente--de-kiem.html",
        "aanvragen/utrecht/De Brug (2026).yml": "utrecht--de-brug-2026.html",
    }
    assert page_names(["/ergens/een.yaml"]) == {"/ergens/een.yaml": "een.html"}


def test_accents_are_dropped_and_other_characters_made_safe() -> None:
    names = page_names(["/r/in/Herstelcafé Zoë ≠ «x».yaml", "/r/in/.verborgen.yaml", "/r/in/😀.yaml", "/r/x.yaml"])
    assert names["/r/in/Herstelcafé Zoë ≠ «x».yaml"] == "in--herstelcafe-zoe-x.html"
    assert names["/r/in/.verborgen.yaml"] == "in--verborgen.html"  # never hidden
    assert names["/r/in/😀.yaml"] == "in--profiel.html"
    assert all(_SAFE.match(name) for name in names.values())


def test_a_name_is_one_component_in_the_dossier_folder_whatever_the_path() -> None:
    names = page_names(["/r/in/../../etc/passwd", "/r/in/a.yaml", "/r/in/sub\\..\\x.yaml"])
    assert names == {
        "/r/in/../../etc/passwd": "etc--passwd.html",
        "/r/in/a.yaml": "r--in--a.html",
        "/r/in/sub\\..\\x.yaml": "r--in--sub-x.html",
    }


def test_collisions_get_a_number_also_when_only_case_differs() -> None:
    names = page_names(["m/kiem.yaml", "m/Kiem.yml", "m/KIEM.yaml", "m/kiem-2.yaml"])
    # In the order of the paths (case-blind first): kiem-2.yaml, KIEM.yaml, kiem.yaml, Kiem.yml.
    assert names == {
        "m/kiem-2.yaml": "kiem-2.html", "m/KIEM.yaml": "kiem.html", "m/kiem.yaml": "kiem-3.html", "m/Kiem.yml": "kiem-4.html"
    }


def test_index_and_names_windows_reserves_are_never_used() -> None:
    names = page_names(["m/index.yaml", "m/CON.yaml", "m/nul.yaml", "m/com1.yaml", "m/Index.yml"])
    assert INDEX not in names.values()
    assert names["m/index.yaml"] == "index-profiel.html" and names["m/CON.yaml"] == "con-profiel.html"
    assert names["m/Index.yml"] == "index-profiel-2.html"


def test_long_names_are_cut_and_stay_unique() -> None:
    long_a, long_b = "d/" + "a" * 200 + "1.yaml", "d/" + "a" * 200 + "2.yaml"
    names = page_names([long_a, long_b])
    assert names[long_a] != names[long_b]
    assert all(len(name) <= 80 + len(".html") for name in names.values())


def test_names_do_not_depend_on_the_order_of_checking() -> None:
    paths = ["r/b.yaml", "r/a.yaml", "r/B.yml", "r/x/a.yaml"]
    assert page_names(paths) == page_names(list(reversed(paths)))


def test_a_source_not_known_up_front_is_named_and_unique(tmp_path: Path) -> None:
    names = PageNames(["r/kiem.yaml"])
    assert names["r/kiem.yaml"] == "kiem.html"
    assert names["elders/kiem.yaml"] == "kiem-2.html"
    assert names["elders/kiem.yaml"] == "kiem-2.html"  # once named, always the same


@settings(max_examples=200)
@given(st.lists(st.text(min_size=1, max_size=30).filter(lambda s: "\x00" not in s), min_size=1, max_size=12))
def test_any_file_names_give_safe_unique_names(parts: list[str]) -> None:
    sources = [f"ronde/{part.replace('/', '_')}.yaml" for part in parts]
    names = page_names(sources)
    assert len(names) == len(set(sources))
    assert len({n.casefold() for n in names.values()}) == len(names)
    assert all(_SAFE.match(name) and name != INDEX for name in names.values())
