"""The safe YAML loader: every guard, positions, and 'nothing but InputError ever escapes'."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iza_check import yamlsafe
from iza_check.problems import InputError, Problem
from iza_check.yamlsafe import YamlDocument, load_yaml_bytes, load_yaml_file

FIXTURES = Path(__file__).parent.parent / "fixtures"
BROKEN = FIXTURES / "broken"
VALID = FIXTURES / "valid"

TOO_DEEP = "de gegevens zijn te diep genest (meer dan 50 niveaus)"
WIDE = "het bestand is opgeslagen als UTF-16 of UTF-32; sla het op als UTF-8"
EMPTY = "het bestand is leeg (of bevat alleen commentaar)"
BOOLEAN_HINT = "schrijf true of false (of zet de tekst tussen aanhalingstekens)"

# fixture, max_bytes, line, column, code, message (for syntax errors: the Dutch part before " [YAML: ")
GUARDS: list[tuple[str, int | None, int | None, int | None, str, str]] = [
    (
        "yaml_syntax.yaml", None, 2, 16, "yaml-syntax",
        ("onverwachte dubbele punt; zet tekst met een ':' erin tussen aanhalingstekens, "
        "of controleer het inspringen"),
    ),
    ("tab_indent.yaml", None, 2, 1, "yaml-syntax", "er staat een tab; spring in met spaties, niet met tabs"),
    (
        "unclosed_quote.yaml", None, 2, 9, "yaml-syntax",
        "deze tekst tussen aanhalingstekens wordt nergens afgesloten; ontbreekt een aanhalingsteken?",
    ),
    (
        "undefined_alias.yaml", None, 4, 20, "yaml-syntax",
        "de verwijzing '*regeling' hoort bij een anker ('&naam') dat niet (eerder) in het bestand staat",
    ),
    (
        "duplicate_key.yaml", None, 4, 3, "duplicate-key",
        "het veld 'naam' staat hier twee keer (eerst op regel 2)",
    ),
    (
        "yaml11_boolean.yaml", None, 4, 20, "yaml11-boolean",
        f"'nee' is geen geldige ja/nee-waarde: {BOOLEAN_HINT}",
    ),
    ("invalid_date.yaml", None, 6, 12, "invalid-date", "'2024-02-31' is geen bestaande datum; gebruik JJJJ-MM-DD"),
    ("too_large.yaml", 64, None, None, "too-large", "het bestand is te groot (meer dan 64 bytes)"),
    ("too_deep.yaml", None, 2, 57, "too-deep", TOO_DEEP),
    (
        "alias_bomb.yaml", None, 1, 43, "too-many-nodes",
        "het bestand bevat te veel waarden (meer dan 100000, verwijzingen met '*' meegeteld)",
    ),
    (
        "not_utf8.yaml", None, 2, 12, "not-utf8",
        "het bestand is geen geldige UTF-8-tekst (byte 0xE9); sla het op als UTF-8",
    ),
    ("binary.yaml", None, 2, 11, "binary", "het bestand bevat een NUL-teken; dit is geen tekstbestand (YAML)"),
    ("utf16_bom.yaml", None, None, None, "utf16", WIDE),
    ("utf16_no_bom.yaml", None, None, None, "utf16", WIDE),
    ("utf32_bom.yaml", None, None, None, "utf16", WIDE),
    ("control_character.yaml", None, 2, 12, "invalid-character", "ongeldig teken U+0007 in de tekst; haal het weg"),
    ("empty.yaml", None, None, None, "empty", EMPTY),
    ("comments_only.yaml", None, None, None, "empty", EMPTY),
    (
        "multiple_documents.yaml", None, 3, 1, "multiple-documents",
        "het bestand bevat meer dan één YAML-document ('---'); gebruik één document per bestand",
    ),
    (
        "not_a_mapping.yaml", None, 1, 1, "not-a-mapping",
        "het bestand moet bestaan uit velden ('veld: waarde'), niet uit een lijst",
    ),
    (
        "unsafe_tag.yaml", None, 2, 9, "unsafe-tag",
        "het label '!!python/object/apply:os.system' is niet toegestaan: een profiel bevat alleen gewone waarden",
    ),
    ("unknown_tag.yaml", None, 3, 16, "unsafe-tag", "onbekend label '!include'; laat het label weg"),
    ("invalid_key.yaml", None, 3, 3, "invalid-key", "een veldnaam moet gewone tekst zijn, geen lijst of blok"),
]


@pytest.fixture(params=["libyaml", "python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with libyaml and again with PyYAML's pure-Python loader (the fallback)."""
    if request.param == "python":
        monkeypatch.setattr(yamlsafe, "_Loader", yamlsafe._loader_class(yaml.SafeLoader))
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML is installed without libyaml")
    return request.param


def problems_of(raw: bytes, **limits: Any) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load_yaml_bytes(raw, "test.yaml", **limits)
    return caught.value.problems


def only_problem(raw: bytes, **limits: Any) -> Problem:
    problems = problems_of(raw, **limits)
    assert len(problems) == 1, problems
    return problems[0]


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(("name", "max_bytes", "line", "column", "code", "message"), GUARDS, ids=[g[0] for g in GUARDS])
def test_guard_reports_file_position_message_and_code(
    name: str, max_bytes: int | None, line: int | None, column: int | None, code: str, message: str
) -> None:
    path = BROKEN / name
    limits = {"max_bytes": max_bytes} if max_bytes is not None else {}
    with pytest.raises(InputError) as caught:
        load_yaml_file(path, **limits)
    problem = caught.value.problems[0]
    assert problem.file == str(path)
    assert (problem.line, problem.column) == (line, column)
    assert problem.code == code
    if code == "yaml-syntax":
        dutch, _, detail = problem.message.partition(" [YAML: ")
        assert dutch == message
        assert detail.endswith("]")
    else:
        assert problem.message == message
    assert str(path) in str(caught.value)


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize("path", sorted(VALID.glob("*.yaml")), ids=lambda path: path.name)
def test_valid_files_give_the_same_data_as_safe_load(path: Path) -> None:
    document = load_yaml_file(path)
    assert document.data == yaml.safe_load(path.read_bytes())


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    "scalar",
    [
        "12", "-3", "+4", "0", "-0", "0o17", "09", "010.5", "1.5", "-.5", "1.", "1e3",
        "1.0e+3", ".inf", "-.Inf", "~", "null", "Null", "", "true", "True", "FALSE", "2024-01-05",
        "2024-01-05 10:11:12", "2024-01-05T10:11:12Z", "2024-01-05 10:11:12.5 +01:00", "2024-1-5",
        "tekst", "'12'", '"true"', "'yes'", "!!str 12", "!!int '12'", "!!float 3", "!!null ''",
        "'12:30'", "'2024-02-31'", "3.14.15", "'0612345678'", "'010'", "'1_000'", "'0x1F'",
    ],
)
def test_scalars_match_safe_load(scalar: str) -> None:
    raw = f"waarde: {scalar}\n".encode()
    assert load_yaml_bytes(raw, "s.yaml").data == yaml.safe_load(raw)


def test_yaml11_value_and_merge_words_are_plain_text() -> None:
    # safe_load refuses these; a volunteer writing "=" or "<<" as a value means the text.
    assert load_yaml_bytes(b"a: =\nb: <<\n", "s.yaml").data == {"a": "=", "b": "<<"}


def test_nan_is_read_as_a_float() -> None:
    value = load_yaml_bytes(b"x: .nan", "s.yaml").data["x"]
    assert isinstance(value, float) and value != value


@pytest.mark.usefixtures("loader")
def test_marks_point_at_values_and_keys_in_nested_list_items() -> None:
    raw = (
        b"initiatief:\n"
        b"  naam: X\n"
        b"aanbod:\n"
        b"  - naam: Inloop\n"
        b"    soort: inloop\n"
        b"  - naam: Cursus\n"
        b"    soort: herstelcursus\n"
        b"    extra:\n"
        b"      - [a, {b: c}]\n"
    )
    document = load_yaml_bytes(raw, "m.yaml")
    assert document.marks[""] == (1, 1)
    assert document.marks["initiatief"] == (2, 3)
    assert document.marks["initiatief.naam"] == (2, 9)
    assert document.marks["aanbod"] == (4, 3)
    assert document.marks["aanbod[0]"] == (4, 5)
    assert document.marks["aanbod[1].soort"] == (7, 12)
    assert document.key_marks["aanbod[1].soort"] == (7, 5)
    assert document.marks["aanbod[1].extra[0][1].b"] == (9, 17)
    assert document.key_marks["aanbod[1].extra[0][1].b"] == (9, 14)
    assert "aanbod[1]" not in document.key_marks
    assert set(document.key_marks) == {p for p in document.marks if p and not p.endswith("]")}


def test_utf8_bom_is_accepted_and_does_not_shift_columns() -> None:
    document = load_yaml_bytes(b"\xef\xbb\xbfnaam: Caf\xc3\xa9\nplaats: x\n", "bom.yaml")
    assert document.data == {"naam": "Café", "plaats": "x"}
    assert document.key_marks["naam"] == (1, 1)
    assert document.marks["naam"] == (1, 7)


def test_columns_count_characters_not_bytes() -> None:
    problem = only_problem("naam: Café\nnaam: é: x\n".encode())
    assert (problem.line, problem.column) == (2, 8)
    assert problem.code == "yaml-syntax"


def test_not_utf8_column_counts_characters_before_the_bad_byte() -> None:
    problem = only_problem(b"x: 1\na: \xc3\xa9\xc3\xa9 \xff")
    assert (problem.line, problem.column, problem.code) == (2, 7, "not-utf8")


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize("word", ["yes", "No", "ON", "off", "y", "N", "ja", "Nee", "JA"])
def test_unquoted_yaml11_booleans_are_errors(word: str) -> None:
    problem = only_problem(f"veld: {word}\n".encode())
    assert problem.code == "yaml11-boolean"
    assert problem.message == f"'{word}' is geen geldige ja/nee-waarde: {BOOLEAN_HINT}"
    assert (problem.line, problem.column, problem.field_path) == (1, 7, "veld")


@pytest.mark.parametrize("text", ["'yes'", '"nee"', "'ja'", "ja hoor", "nooit", "yesterday", "true", "False"])
def test_quoted_words_and_longer_text_are_fine(text: str) -> None:
    raw = f"veld: {text}\n".encode()
    assert load_yaml_bytes(raw, "b.yaml").data == yaml.safe_load(raw)


def test_yaml11_boolean_in_lists_and_flow_mappings() -> None:
    problems = problems_of(b"lijst: [true, on]\nblok: {a: N}\n")
    assert [(p.code, p.line, p.column, p.field_path) for p in problems] == [
        ("yaml11-boolean", 1, 15, "lijst[1]"),
        ("yaml11-boolean", 2, 11, "blok.a"),
    ]


NUMBER_HINT = "of zet de tekst tussen aanhalingstekens als tekst bedoeld is"


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    ("scalar", "reading"),
    [
        ("010", "YAML 1.1 leest het als 8 (achttallig, door de voorloopnul); schrijf 10 (zonder voorloopnul)"),
        ("-010", "YAML 1.1 leest het als -8 (achttallig, door de voorloopnul); schrijf -10 (zonder voorloopnul)"),
        ("00", "YAML 1.1 leest het als 0 (achttallig, door de voorloopnul); schrijf 0 (zonder voorloopnul)"),
        ("0x10", "YAML 1.1 leest het als 16 (zestientallig); schrijf 16"),
        ("0b10", "YAML 1.1 leest het als 2 (tweetallig); schrijf 2"),
        ("1_000", "YAML 1.1 leest het als 1000 (de '_' telt niet mee); schrijf 1000 (zonder '_')"),
        ("1_000.5", "YAML 1.1 leest het als 1000.5 (de '_' telt niet mee); schrijf 1000.5 (zonder '_')"),
        ("1:30", "YAML 1.1 leest het als 90 (zestigtallig, zoals uren en minuten); schrijf 90"),
        ("190:20:30", "YAML 1.1 leest het als 685230 (zestigtallig, zoals uren en minuten); schrijf 685230"),
        ("1:30.5", "YAML 1.1 leest het als 90.5 (zestigtallig, zoals uren en minuten); schrijf 90.5"),
        ("-1:30.5", "YAML 1.1 leest het als -90.5 (zestigtallig, zoals uren en minuten); schrijf -90.5"),
    ],
)
def test_unquoted_yaml11_numbers_are_errors(scalar: str, reading: str) -> None:
    document, problems = yamlsafe.parse_yaml_bytes(f"a: 1\nveld: {scalar}\n".encode(), "n.yaml")
    assert [(p.code, p.line, p.column, p.field_path, p.message) for p in problems] == [
        ("yaml11-number", 2, 7, "veld", f"'{scalar}' is geen gewoon getal: {reading} {NUMBER_HINT}"),
    ]
    # Like a refused yes/no, the value keeps its text for the checks that follow.
    assert document is not None and document.data == {"a": 1, "veld": scalar}


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    ("scalar", "expected"),
    [
        ("0", 0), ("10", 10), ("-3", -3), ("+4", 4), ("1.5", 1.5), ("-0.5", -0.5), ("010.5", 10.5), ("1.0e+3", 1000.0),
        ("1e3", "1e3"), ("0o10", "0o10"), ("09", "09"), ("2024-01-05", dt.date(2024, 1, 5)),
        ("'010'", "010"), ('"0x10"', "0x10"), ("'1_000'", "1_000"), ("'1:30'", "1:30"), ("12:30 uur", "12:30 uur"),
    ],
)
def test_decimal_numbers_quoted_text_and_dates_are_unaffected(scalar: str, expected: Any) -> None:
    data = load_yaml_bytes(f"veld: {scalar}\n".encode(), "n.yaml").data
    assert repr(data["veld"]) == repr(expected)


def test_yaml11_numbers_in_lists_flow_mappings_and_behind_tags() -> None:
    problems = problems_of(b"lijst: [10, 010]\nblok: {a: 1:30}\nlabel: !!int '0x1F'\n")
    assert [(p.code, p.line, p.column, p.field_path) for p in problems] == [
        ("yaml11-number", 1, 13, "lijst[1]"),
        ("yaml11-number", 2, 11, "blok.a"),
        ("yaml11-number", 3, 8, "label"),
    ]


def test_long_yaml11_numbers_are_refused_without_working_them_out() -> None:
    problem = only_problem(b"a: 1" + b":00" * 100_000 + b"\n")
    assert problem.code == "yaml11-number"
    assert "zestigtallig" in problem.message and "schrijf het getal gewoon decimaal" in problem.message


def test_yaml11_numbers_as_keys_are_text() -> None:
    assert load_yaml_bytes(b"010: a\n1_000: b\n1:30: c\n", "k.yaml").data == {"010": "a", "1_000": "b", "1:30": "c"}


def test_yaml11_words_as_keys_are_text() -> None:
    assert load_yaml_bytes(b"on: 1\ny: 2\nNee: 3\n", "k.yaml").data == {"on": 1, "y": 2, "Nee": 3}


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    "raw",
    [
        b"a: " + b"[" * 10_000 + b"]" * 10_000,
        b"a: " + b"[" * 1_000_000,
        b"- " * 10_000 + b"x",
        b"".join(b" " * level + b"k:\n" for level in range(1200)),
        b"a:\n" + b"".join(b" " * level + b"-\n" for level in range(1200)),
        b"a: " + b"{x: " * 5_000 + b"1" + b"}" * 5_000,
    ],
    ids=["flow-10k", "flow-1M", "dash-10k", "block-mapping-1200", "block-seq-1200", "flow-map-5k"],
)
def test_very_deep_input_is_refused_without_crashing(raw: bytes) -> None:
    problem = only_problem(raw)
    assert problem.code == "too-deep"
    assert problem.message == TOO_DEEP
    assert problem.line is not None and problem.column is not None


def test_depth_limit_is_exact_and_configurable() -> None:
    def nested(levels: int) -> bytes:
        return b"a: " + b"[" * (levels - 1) + b"]" * (levels - 1)

    assert load_yaml_bytes(nested(50), "d.yaml").data is not None
    assert only_problem(nested(51)).code == "too-deep"
    assert only_problem(nested(4), max_depth=3).message == "de gegevens zijn te diep genest (meer dan 3 niveaus)"


def test_a_self_referencing_alias_is_stopped() -> None:
    assert only_problem(b"a: &x [1, *x]\n").code == "too-deep"
    assert only_problem(b"a: &x {b: 1, <<: *x}\n").code == "too-deep"


def test_aliases_count_towards_the_node_limit() -> None:
    raw = b"a: &a [1, 2, 3, 4]\nb: [*a, *a, *a]\n"
    # root + 2 keys + 2 lists + 4 numbers + 3 expanded copies of 5 nodes = 24
    assert load_yaml_bytes(raw, "n.yaml", max_nodes=24).data["b"] == [[1, 2, 3, 4]] * 3
    problem = only_problem(raw, max_nodes=23)
    assert problem.code == "too-many-nodes"
    assert problem.message == "het bestand bevat te veel waarden (meer dan 23, verwijzingen met '*' meegeteld)"


def test_size_limit_counts_bytes_and_is_inclusive(tmp_path: Path) -> None:
    raw = b"# opvulling\n" * 20 + b"a: 1\n"
    assert load_yaml_bytes(raw, "s.yaml", max_bytes=len(raw)).data == {"a": 1}
    assert only_problem(raw, max_bytes=len(raw) - 1).code == "too-large"
    big = tmp_path / "groot.yaml"
    big.write_bytes(b"a: 1\n" + b"# opvulling\n" * 200_000)
    with pytest.raises(InputError) as caught:
        load_yaml_file(big)
    assert [p.code for p in caught.value.problems] == ["too-large"]


def test_duplicate_keys_are_all_reported_and_the_first_value_kept() -> None:
    with pytest.raises(InputError) as caught:
        load_yaml_bytes(b"a: 1\nb: {c: 1, c: 2}\na: 3\n", "d.yaml")
    assert [(p.code, p.line, p.column, p.field_path) for p in caught.value.problems] == [
        ("duplicate-key", 2, 11, "b.c"),
        ("duplicate-key", 3, 1, "a"),
    ]
    document, problems = yamlsafe.parse_yaml_bytes(b"a: 1\na: 3\n", "d.yaml")
    assert document is not None and document.data == {"a": 1}
    assert document.key_marks["a"] == (1, 1)
    assert len(problems) == 1


def test_value_problems_keep_the_document_for_further_checks() -> None:
    document, problems = yamlsafe.parse_yaml_bytes(b"d: 2023-02-29\nok: 2024-02-29\nb: nee\n", "v.yaml")
    assert isinstance(document, YamlDocument)
    assert document.data == {"d": "2023-02-29", "ok": dt.date(2024, 2, 29), "b": "nee"}
    assert [(p.code, p.field_path) for p in problems] == [("invalid-date", "d"), ("yaml11-boolean", "b")]


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        (b"a: !!int abc", "invalid-value", "'abc' kan niet gelezen worden als heel getal"),
        (b"a: !!float abc", "invalid-value", "'abc' kan niet gelezen worden als getal"),
        (b"a: !!bool misschien", "invalid-value", "'misschien' kan niet gelezen worden als true of false"),
        (b"a: !!timestamp gisteren", "invalid-date", "'gisteren' is geen bestaande datum; gebruik JJJJ-MM-DD"),
        (b"a: 2024-13-01", "invalid-date", "'2024-13-01' is geen bestaande datum; gebruik JJJJ-MM-DD"),
        (b"a: !!binary aGFsbG8=", "unsafe-tag", "onbekend label '!!binary'; laat het label weg"),
        (b"a: !!set {x, y}", "unsafe-tag", "onbekend label '!!set'; laat het label weg"),
        (b"a: !!omap [x: 1]", "unsafe-tag", "onbekend label '!!omap'; laat het label weg"),
        (
            b"a: !!python/name:os.system x",
            "unsafe-tag",
            "het label '!!python/name:os.system' is niet toegestaan: een profiel bevat alleen gewone waarden",
        ),
        (b"<<: 3\n", "yaml-syntax", "na '<<:' moet een verwijzing naar een blok met velden staan (bijv. '<<: *basis')"),
    ],
)
def test_tagged_and_malformed_scalars(raw: bytes, code: str, message: str) -> None:
    problem = only_problem(raw)
    assert (problem.code, problem.message, problem.line) == (code, message, 1)


def test_an_integer_too_long_for_python_is_a_problem_not_a_crash() -> None:
    problem = only_problem(b"a: " + b"9" * 5000)
    assert problem.code == "invalid-value"
    assert problem.message.endswith("kan niet gelezen worden als heel getal")
    assert (problem.line, problem.column) == (1, 4)


def test_merge_keys_work_like_pyyaml_and_keep_marks() -> None:
    raw = b"basis: &b {x: 1, y: 2}\nandere: &c {y: 9, z: 3}\nitem:\n  <<: [*b, *c]\n  x: 5\n"
    document = load_yaml_bytes(raw, "m.yaml")
    assert document.data == yaml.safe_load(raw)
    assert document.marks["item.x"] == (5, 6)
    assert document.marks["item.y"] == (1, 21)
    assert document.marks["item.z"] == (2, 22)


def test_python_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "uitgevoerd"
    raw = f'a: !!python/object/apply:os.system ["touch {marker}"]\n'.encode()
    assert only_problem(raw).code == "unsafe-tag"
    assert not marker.exists()


def test_missing_file_and_directory_are_problems(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml_file(tmp_path / "bestaat-niet.yaml")
    assert [(p.code, p.message) for p in caught.value.problems] == [("not-found", "bestand niet gevonden")]
    with pytest.raises(InputError) as caught:
        load_yaml_file(tmp_path)
    assert [(p.code, p.file) for p in caught.value.problems] == [("unreadable", str(tmp_path))]


def test_nul_pattern_of_utf16_big_endian_is_recognised() -> None:
    problem = only_problem("a: 1\n".encode("utf-16-be"))
    assert (problem.code, problem.line) == ("utf16", None)


def test_a_lone_nul_byte_at_the_start_is_binary_not_utf16() -> None:
    assert only_problem(b"\x00\x00\x00\x00").code == "binary"
    assert only_problem(b"a: 1\n\x00").code == "binary"


_TOKENS = [
    "a", "b", "naam", ": ", ":", "- ", "-", "? ", "\n", "  ", "    ", "\t", "[", "]", "{", "}", ", ", "'", '"',
    "&x ", "*x", "&y ", "*y", "<<: ", "!!python/object:os.system ", "!foo ", "!!int ", "!!timestamp ",
    "yes", "nee", "2024-02-31", "2024-01-01", "1_0", "0x", ".inf", "~", "---", "...", "#", "|", ">", "%YAML 1.1",
    "\\", "é", "\x00", "\x07", "\ufeff", "\r", "9" * 40,
]


def _never_anything_but_input_error(raw: bytes) -> None:
    try:
        document = load_yaml_bytes(raw, "fuzz.yaml", max_nodes=2000, max_depth=20)
    except InputError as error:
        assert error.problems
        assert all(problem.file == "fuzz.yaml" and problem.code for problem in error.problems)
        assert all(problem.line is None or problem.line >= 1 for problem in error.problems)
        assert all(problem.column is None or problem.column >= 1 for problem in error.problems)
    else:
        assert isinstance(document.data, dict)
        assert document.marks[""] >= (1, 1)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_raise_nothing_but_input_error(raw: bytes) -> None:
    _never_anything_but_input_error(raw)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_raises_nothing_but_input_error(text: str) -> None:
    _never_anything_but_input_error(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=60))
def test_yaml_like_token_soup_raises_nothing_but_input_error(tokens: list[str]) -> None:
    _never_anything_but_input_error("".join(tokens).encode("utf-8", "surrogatepass"))


def _nested_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(), st.booleans(), st.integers(), st.text(max_size=20), st.dates(),
        st.floats(allow_nan=False, allow_infinity=False),
    )
    keys = st.text(min_size=1, max_size=10)
    return st.recursive(
        scalars,
        lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)),
        max_leaves=20,
    )


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=10), _nested_values(), min_size=1, max_size=5))
def test_what_pyyaml_dumps_reads_back_identically(data: dict[str, Any]) -> None:
    raw = yaml.safe_dump(data, allow_unicode=True).encode()
    expected = yaml.safe_load(raw)
    try:
        document = load_yaml_bytes(raw, "rt.yaml")
    except InputError as error:
        # safe_dump writes plain yes/no/y/n style words unquoted only where YAML 1.1 reads them as text.
        assert {problem.code for problem in error.problems} <= {"yaml11-boolean"}
        return
    assert document.data == expected
    assert all(mark >= (1, 1) for mark in document.marks.values())


def _walk_paths(value: Any, path: str = "") -> Iterator[str]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _walk_paths(child, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _walk_paths(child, f"{path}[{index}]")


@pytest.mark.parametrize("path", sorted(VALID.glob("*.yaml")), ids=lambda path: path.name)
def test_every_value_has_a_mark(path: Path) -> None:
    document = load_yaml_file(path)
    assert set(_walk_paths(document.data)) <= set(document.marks)


class _ParserWithOwnLimit(yaml.SafeLoader):
    """A parser that stops nesting at a limit of its own, as libyaml 0.2.6 does at 1,000 levels."""

    own_limit = 10

    def get_event(self) -> Any:
        event = super().get_event()
        self.__dict__["_open"] = self.__dict__.get("_open", 0) + isinstance(event, yaml.CollectionStartEvent)
        if self.__dict__["_open"] > self.own_limit:
            raise yaml.scanner.ScannerError("while increasing flow level", None, "exceeded maximum nesting depth", event.start_mark)
        return event


def test_depth_is_counted_by_the_project_whatever_limit_the_parser_has(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "_Loader", yamlsafe._loader_class(_ParserWithOwnLimit))
    deep = b"a: " + b"[" * 30 + b"]" * 30
    problem = only_problem(deep, max_depth=20)
    assert (problem.code, problem.message, problem.line, problem.column) == (
        "too-deep",
        "de gegevens zijn te diep genest (meer dan 20 niveaus)",
        1,
        23,
    )
    shallow_for_us = b"a: " + b"[" * 15 + b"]" * 15
    assert only_problem(shallow_for_us, max_depth=20).code == "yaml-syntax"
