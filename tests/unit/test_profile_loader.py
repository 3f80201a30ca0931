"""The profile loader: located validation problems, did-you-mean, all problems at once, file discovery."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iza_check.problems import InputError, Problem
from iza_check.profile.discovery import iter_profile_files
from iza_check.profile.loader import LoadedProfile, load_profile, validate_profile_data
from iza_check.profile.model import Profile
from iza_check.profile.validation import path_of
from iza_check.yamlsafe import YamlDocument, load_yaml_bytes

FIXTURES = Path(__file__).parent.parent / "fixtures"
BROKEN = FIXTURES / "broken"
VALID = FIXTURES / "valid"

SOORTEN = (
    "inloop, ontmoeting, ontspanning, sport, creatief, maaltijd, maatjescontact, vrijwilligerswerkplek, "
    "werkproject, toeleiding_betaald_werk, herstelcursus, empowermentcursus, herstelgroep, schrijfgroep, "
    "zelfhulpgroep, lotgenotengroep, informatie_en_advies, individuele_ondersteuning, "
    "kwaliteitsontwikkeling_ervaringsdeskundigheid, beleidsparticipatie, kwartiermaken, "
    "deskundigheidsbevordering_professionals, ondersteuning_naasten, anders"
)


def problems_in(path: Path) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load_profile(path)
    return caught.value.problems


def problems_of(text: str) -> list[Problem]:
    document = load_yaml_bytes(text.encode(), "p.yaml")
    with pytest.raises(InputError) as caught:
        validate_profile_data(document, "p.yaml")
    return caught.value.problems


def summary(problems: list[Problem]) -> list[tuple[Any, ...]]:
    return [(p.line, p.column, p.code, p.field_path, p.message) for p in problems]


@pytest.mark.parametrize("path", sorted(VALID.glob("*.yaml")), ids=lambda path: path.name)
def test_valid_profiles_load(path: Path) -> None:
    loaded = load_profile(path)
    assert isinstance(loaded, LoadedProfile)
    assert loaded.source == str(path)
    assert isinstance(loaded.profile, Profile)
    assert loaded.profile.initiatief.naam
    assert loaded.marks["initiatief.naam"][0] >= 1


def test_full_profile_values_and_marks() -> None:
    loaded = load_profile(VALID / "full.yaml")
    profile = loaded.profile
    assert profile.toegang is not None and profile.toegang.indicatie_nodig is False
    assert profile.aanbod is not None and profile.aanbod[1].soort == "herstelcursus"
    assert profile.kwaliteit is not None and profile.kwaliteit.rie is not None
    assert profile.kwaliteit.rie.datum == dt.date(2023, 2, 10)
    assert loaded.marks["aanbod[1].soort"] == (33, 12)
    assert loaded.marks["samenwerking.partners[1].categorie"] == (95, 18)
    assert loaded.marks["samenwerking.in_ontwikkeling[0].betreft[0]"] == (106, 17)


def test_utf8_bom_profile_keeps_accents() -> None:
    assert load_profile(VALID / "utf8_bom.yaml").profile.initiatief.naam == "Café Herstel"


def test_anchors_and_merge_keys_in_a_profile() -> None:
    loaded = load_profile(VALID / "anchors.yaml")
    assert loaded.profile.aanbod is not None
    assert [a.naam for a in loaded.profile.aanbod] == ["Herstelcursus voorjaar", "Herstelcursus najaar"]
    assert loaded.profile.aanbod[1].methode == "herstellen_doe_je_zelf"
    assert loaded.marks["aanbod[1].soort"] == (7, 12)
    assert loaded.marks["aanbod[1].naam"] == (11, 11)


PROFILE_CASES: list[tuple[str, list[tuple[Any, ...]]]] = [
    (
        "unknown_key.yaml",
        [(4, 3, "unknown-key", "toegang.indicatie_nodg",
          "onbekend veld 'indicatie_nodg'; bedoelde u 'indicatie_nodig'?")],
    ),
    (
        "invalid_enum.yaml",
        [(7, 12, "invalid-value", "aanbod[1].soort",
          f"ongeldige waarde 'herstelcursussen'; bedoelde u 'herstelcursus'? Kies uit: {SOORTEN}")],
    ),
    (
        "missing_field.yaml",
        [(6, 5, "missing-field", "aanbod[1].soort", "verplicht veld 'soort' ontbreekt in 'aanbod[1]'")],
    ),
    (
        "missing_initiatief.yaml",
        [(1, 1, "missing-field", "initiatief", "verplicht veld 'initiatief' ontbreekt")],
    ),
    (
        "date_format.yaml",
        [(5, 26, "invalid-value", "kwaliteit.vog.oudste_afgiftedatum",
          "ongeldige datum '30-11-2021'; gebruik JJJJ-MM-DD (bijvoorbeeld 2024-03-31)")],
    ),
    (
        "yaml11_boolean.yaml",
        [
            (4, 20, "yaml11-boolean", "toegang.indicatie_nodig",
             "'nee' is geen geldige ja/nee-waarde: schrijf true of false (of zet de tekst tussen aanhalingstekens)"),
            (5, 19, "invalid-value", "toegang.naasten_welkom", "verwacht true of false, niet 'ja'"),
        ],
    ),
    (
        "many_problems.yaml",
        [
            (3, 20, "invalid-value", "initiatief.organisatievorm",
             ("ongeldige waarde 'stichtng'; bedoelde u 'stichting'? Kies uit: stichting, vereniging, cooperatie, "
             "onderdeel_ggz_instelling, onderdeel_welzijnsorganisatie, informeel_collectief, anders")),
            (5, 20, "yaml11-boolean", "toegang.indicatie_nodig",
             "'ja' is geen geldige ja/nee-waarde: schrijf true of false (of zet de tekst tussen aanhalingstekens)"),
            (6, 3, "unknown-key", "toegang.verwijzing_nodg",
             "onbekend veld 'verwijzing_nodg'; bedoelde u 'verwijzing_nodig'?"),
            (9, 12, "invalid-date", "kwaliteit.rie.datum", "'2023-02-29' is geen bestaande datum; gebruik JJJJ-MM-DD"),
            (11, 18, "invalid-value", "team.vrijwilligers", "verwacht een heel getal, niet 'veel'"),
        ],
    ),
    (
        "duplicate_key.yaml",
        [(4, 3, "duplicate-key", "initiatief.naam", "het veld 'naam' staat hier twee keer (eerst op regel 2)")],
    ),
]


@pytest.mark.parametrize(("name", "expected"), PROFILE_CASES, ids=[case[0] for case in PROFILE_CASES])
def test_profile_problems_are_located(name: str, expected: list[tuple[Any, ...]]) -> None:
    path = BROKEN / name
    problems = problems_in(path)
    assert all(problem.file == str(path) for problem in problems)
    assert summary(problems) == expected


def test_yaml_problems_stop_before_validation() -> None:
    problems = problems_in(BROKEN / "yaml_syntax.yaml")
    assert [p.code for p in problems] == ["yaml-syntax"]


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    problems = problems_in(tmp_path / "weg.yaml")
    assert [(p.code, p.file) for p in problems] == [("not-found", str(tmp_path / "weg.yaml"))]


def test_size_limit_applies_to_profiles() -> None:
    with pytest.raises(InputError) as caught:
        load_profile(BROKEN / "too_large.yaml", max_bytes=64)
    assert [p.code for p in caught.value.problems] == ["too-large"]
    assert load_profile(BROKEN / "too_large.yaml").profile.initiatief.naam == "De Ontmoeting"


@pytest.mark.parametrize(
    ("text", "path", "message"),
    [
        ("initiatief: {naam: X, gemeenet: Zwolle}", "initiatief.gemeenet",
         "onbekend veld 'gemeenet'; bedoelde u 'gemeente'?"),
        ("initiatief: {naam: X}\naanbod:\n  - naam: A\n    soortt: inloop\n    soort: inloop\n",
         "aanbod[0].soortt", "onbekend veld 'soortt'; bedoelde u 'soort'?"),
        ("initiatief: {naam: X}\nkwaliteit:\n  vog:\n    oudste_afgifte_datum: 2020-01-01\n",
         "kwaliteit.vog.oudste_afgifte_datum",
         "onbekend veld 'oudste_afgifte_datum'; bedoelde u 'oudste_afgiftedatum'?"),
        ("initiatief: {naam: X}\nsamenwerking:\n  in_ontwikkeling:\n    - betreft: [K10]\n      stapp: bellen\n",
         "samenwerking.in_ontwikkeling[0].stapp", "onbekend veld 'stapp'; bedoelde u 'stap'?"),
        ("initiatief: {naam: X}\ntoegangg: {}\n", "toegangg", "onbekend veld 'toegangg'; bedoelde u 'toegang'?"),
        ("initiatief: {naam: X}\nbereik: {publiek: 3}\n", "bereik.publiek",
         ("onbekend veld 'publiek'; mogelijke velden hier: toelichting, bewijs, in_ontwikkeling, "
         "bezoekers_per_jaar, bezoeken_per_week")),
    ],
)
def test_unknown_fields_suggest_the_closest_name(text: str, path: str, message: str) -> None:
    problems = [p for p in problems_of(text) if p.code == "unknown-key"]
    assert [(p.field_path, p.message) for p in problems] == [(path, message)]


def test_unknown_key_points_at_the_key_not_the_value() -> None:
    (problem,) = problems_of("initiatief:\n  naam: X\n  gemeenet:\n    - a\n")
    assert (problem.line, problem.column) == (3, 3)


@pytest.mark.parametrize(
    ("text", "path", "position", "message"),
    [
        ("versie: 2\ninitiatief: {naam: X}", "versie", (1, 9), "2 is te groot: de waarde mag hoogstens 1 zijn"),
        ("initiatief: {naam: ''}", "initiatief.naam", (1, 20),
         "de tekst mag niet leeg zijn; laat het veld weg als het onbekend is"),
        ("initiatief: {naam: X, website: www.x.nl}", "initiatief.website", (1, 32),
         "ongeldig webadres 'www.x.nl'; begin met https://"),
        ("initiatief: {naam: X, door_en_voor: naasten}", "initiatief.door_en_voor", (1, 37),
         "verwacht een lijst (regels die beginnen met '- '), niet 'naasten'"),
        ("initiatief: {naam: X}\nteam: {fte: '2,5'}", "team.fte", (2, 13),
         "verwacht een getal (met een punt als decimaalteken), niet '2,5'"),
        ("initiatief: {naam: X}\nteam: {vrijwilligers: '12'}", "team.vrijwilligers", (2, 23),
         "verwacht een heel getal, niet '12'; laat de aanhalingstekens weg"),
        ("initiatief: {naam: X}\nteam: {vrijwilligers: -1}", "team.vrijwilligers", (2, 23),
         "-1 is te klein: de waarde moet minstens 0 zijn"),
        ("initiatief: {naam: X}\nteam: {scholingsplan: 1}", "team.scholingsplan", (2, 23),
         "verwacht true of false, niet 1"),
        ("initiatief: {naam: X}\nwerkwijze: true", "werkwijze", (2, 12),
         "verwacht velden ('veld: waarde') op een nieuwe regel, ingesprongen, niet true"),
        ("initiatief: {naam: X}\nwerkwijze:\n  bezoekersrollen: [vrijwilliger, bestuur]",
         "werkwijze.bezoekersrollen[1]", (3, 35),
         ("ongeldige waarde 'bestuur'; bedoelde u 'bestuurslid'? Kies uit: gastvrouw_gastheer, vrijwilliger, "
         "co_trainer, organisator_activiteit, bestuurslid, betaalde_kracht")),
        ("initiatief: {naam: X}\nsamenwerking:\n  in_ontwikkeling:\n    - {betreft: [k2], stap: x}",
         "samenwerking.in_ontwikkeling[0].betreft[0]", (4, 18),
         "ongeldige code 'k2'; een code is die van een regel, bijv. K2 of Q10"),
        ("initiatief: {naam: X}\nsamenwerking:\n  in_ontwikkeling:\n    - {betreft: [], stap: x}",
         "samenwerking.in_ontwikkeling[0].betreft", (4, 17), "de lijst moet minstens 1 onderdeel bevatten"),
        ("initiatief: {naam: X}\nkwaliteit:\n  rie: {datum: 2024-01-01 10:11:12}", "kwaliteit.rie.datum", (3, 16),
         "ongeldige datum 2024-01-01 10:11:12; gebruik JJJJ-MM-DD (bijvoorbeeld 2024-03-31)"),
        ("initiatief: {naam: X}\ntoegang:\n  dagdelen_open_per_week: ~\n  eigen_bijdrage: gratis",
         "toegang.eigen_bijdrage", (4, 19), "ongeldige waarde 'gratis'; kies uit: geen, vrijwillig, laag, hoog"),
        ("initiatief: {naam: X, 12: z}", "initiatief", (1, 23), "veldnaam 12 moet gewone tekst zijn"),
    ],
)
def test_invalid_values_get_plain_dutch_messages(
    text: str, path: str, position: tuple[int, int], message: str
) -> None:
    (problem,) = problems_of(text)
    assert (problem.field_path, (problem.line, problem.column), problem.message) == (path, position, message)


def test_every_problem_is_reported_sorted_by_position() -> None:
    problems = problems_of(
        "toegang:\n  indicatie_nodig: 3\naanbod:\n  - naam: A\n  - soort: x\nbereik: {bezoekers_per_jaar: -4}\n"
    )
    assert [(p.line, p.code, p.field_path) for p in problems] == [
        (1, "missing-field", "initiatief"),
        (2, "invalid-value", "toegang.indicatie_nodig"),
        (4, "missing-field", "aanbod[0].soort"),
        (5, "missing-field", "aanbod[1].naam"),
        (5, "invalid-value", "aanbod[1].soort"),
        (6, "invalid-value", "bereik.bezoekers_per_jaar"),
    ]


def test_validate_profile_data_returns_marks() -> None:
    document = load_yaml_bytes(b"initiatief:\n  naam: X\n", "ok.yaml")
    loaded = validate_profile_data(document, "ok.yaml")
    assert loaded.source == "ok.yaml"
    assert loaded.marks is document.marks
    assert loaded.profile.initiatief.naam == "X"


@pytest.mark.parametrize(
    ("loc", "path"),
    [((), ""), (("toegang",), "toegang"), (("aanbod", 0, "soort"), "aanbod[0].soort"), (("a", 1, 2), "a[1][2]")],
)
def test_path_of(loc: tuple[str | int, ...], path: str) -> None:
    assert path_of(loc) == path


def test_iter_profile_files_walks_directories_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "diep").mkdir(parents=True)
    for name in ["z.yaml", "b/y.yml", "a/diep/x.YAML", "a/w.yaml", "a/leesmij.txt", "a.yaml"]:
        (tmp_path / name).write_text("initiatief: {naam: X}\n")
    single = tmp_path / "a" / "leesmij.txt"
    found = list(iter_profile_files([tmp_path, single, tmp_path / "ontbreekt"]))
    assert found[:6] == [
        tmp_path / "a" / "diep" / "x.YAML",
        tmp_path / "a" / "w.yaml",
        tmp_path / "a.yaml",
        tmp_path / "b" / "y.yml",
        tmp_path / "z.yaml",
        single,
    ]
    missing = found[6]
    assert isinstance(missing, Problem)
    assert (missing.code, missing.file) == ("not-found", str(tmp_path / "ontbreekt"))
    assert len(found) == 7


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_iter_profile_files_survives_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("initiatief: {naam: X}\n")
    try:
        (tmp_path / "lus").symlink_to(tmp_path, target_is_directory=True)
    except OSError:
        pytest.skip("cannot create symbolic links here")
    assert list(iter_profile_files([tmp_path])) == [tmp_path / "p.yaml"]


def _json_like() -> st.SearchStrategy[Any]:
    names = st.sampled_from(
        ["initiatief", "naam", "toegang", "aanbod", "soort", "kwaliteit", "vog", "datum", "bewijs", "url",
         "betreft", "stap", "in_ontwikkeling", "team", "fte", "versie", "x"]
    )
    scalars = st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10), st.dates(),
        st.sampled_from(["inloop", "K1", "https://x.nl", "2024-01-01", "stichting"]),
    )
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=3), st.dictionaries(st.one_of(names, st.integers()), children, max_size=4)
        ),
        max_leaves=25,
    )


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["initiatief", "toegang", "aanbod", "kwaliteit", "team", "zomaar"]),
                       _json_like(), max_size=4))
def test_validation_raises_nothing_but_input_error(data: dict[str, Any]) -> None:
    document = YamlDocument(data, {"": (1, 1)}, {})
    try:
        loaded = validate_profile_data(document, "h.yaml")
    except InputError as error:
        assert error.problems
        assert all(p.line == 1 and p.column == 1 for p in error.problems)
        assert all(p.code in {"unknown-key", "missing-field", "invalid-value", "invalid-key"} for p in error.problems)
    else:
        assert isinstance(loaded.profile, Profile)


def test_an_unexpanded_pattern_finds_profiles_and_an_empty_one_is_a_problem(tmp_path: Path) -> None:
    from iza_check.profile.discovery import iter_profile_files

    (tmp_path / "regio" / "noord").mkdir(parents=True)
    for name in ("regio/a.yaml", "regio/noord/b.yml", "regio/noord/c.txt", "d.yaml"):
        (tmp_path / name).write_text("initiatief: {naam: X}\n", encoding="utf-8")
    found = list(iter_profile_files([tmp_path / "regio" / "**" / "*.y*ml"]))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["regio/a.yaml", "regio/noord/b.yml"]
    (problem,) = iter_profile_files([tmp_path / "nergens" / "*.yaml"])
    assert isinstance(problem, Problem) and problem.code == "not-found" and "patroon" in problem.message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_double_star_pattern_does_not_follow_links_to_folders(tmp_path: Path) -> None:
    """Two links to '..' made glob's ** walk for minutes; links to folders are not entered."""
    from iza_check.profile.discovery import iter_profile_files

    (tmp_path / "d" / "e").mkdir(parents=True)
    (tmp_path / "d" / "e" / "p.yaml").write_text("initiatief: {naam: X}\n", encoding="utf-8")
    (tmp_path / "d" / ".verborgen").mkdir()
    (tmp_path / "d" / ".verborgen" / "q.yaml").write_text("initiatief: {naam: Y}\n", encoding="utf-8")
    try:
        (tmp_path / "d" / "e" / "omhoog").symlink_to("..", target_is_directory=True)
        (tmp_path / "d" / "e" / "nogeens").symlink_to("..", target_is_directory=True)
    except OSError:
        pytest.skip("cannot create symbolic links here")
    found = list(iter_profile_files([tmp_path / "d" / "**" / "*.yaml"]))
    assert found == [tmp_path / "d" / "e" / "p.yaml"]
    hidden = list(iter_profile_files([tmp_path / "d" / ".verborgen" / "*.yaml"]))
    assert hidden == [tmp_path / "d" / ".verborgen" / "q.yaml"]


def test_a_folder_search_leaves_hidden_files_and_folders_alone(tmp_path: Path) -> None:
    """`validate .` in a repository must not read .github/, .pre-commit-config.yaml or .iza-check.yaml."""
    from iza_check.profile.discovery import iter_profile_files

    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yaml").write_text("on: push\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text("initiatief: {naam: X}\n", encoding="utf-8")
    assert list(iter_profile_files([tmp_path])) == [tmp_path / "p.yaml"]
    assert list(iter_profile_files([tmp_path / ".pre-commit-config.yaml"])) == [tmp_path / ".pre-commit-config.yaml"]


def test_overlapping_arguments_and_links_count_a_file_once(tmp_path: Path) -> None:
    from iza_check.profile.discovery import iter_profile_files

    (tmp_path / "ov" / "twente").mkdir(parents=True)
    (tmp_path / "ov" / "a.yaml").write_text("initiatief: {naam: A}\n", encoding="utf-8")
    (tmp_path / "ov" / "twente" / "b.yaml").write_text("initiatief: {naam: B}\n", encoding="utf-8")
    found = list(iter_profile_files([tmp_path / "ov", tmp_path / "ov" / "twente", tmp_path / "ov" / "a.yaml"]))
    assert found == [tmp_path / "ov" / "a.yaml", tmp_path / "ov" / "twente" / "b.yaml"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_not_read(tmp_path: Path) -> None:
    """Reading a FIFO named *.yaml (or a link to /dev/stdin) would block for ever."""
    from iza_check.profile.discovery import iter_profile_files

    os.mkfifo(tmp_path / "pijp.yaml")
    (tmp_path / "p.yaml").write_text("initiatief: {naam: X}\n", encoding="utf-8")
    items = list(iter_profile_files([tmp_path]))
    problems = [item for item in items if isinstance(item, Problem)]
    assert [p.code for p in problems] == ["not-a-file"] and tmp_path / "p.yaml" in items
    (explicit,) = iter_profile_files([tmp_path / "pijp.yaml"])
    assert isinstance(explicit, Problem) and explicit.code == "not-a-file"
