"""Hostile and broken input through the real command line: exit code 2, a located message, no traceback.

Most cases run ``check``, the whole pipeline; variations of one kind run ``validate``, which shares
the loader and starts faster.

Each hostile file runs in its own process with the address space capped at 1 GiB, so an input that
makes the loader allocate without bound fails the test instead of the machine.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from iza_check.cli.main import main
from iza_check.report.registry import REPORTERS

# Some fifty runs of the whole CLI in a subprocess (about 20 s): deselect with -m "not slow" for a fast loop;
# tests/unit/test_yamlsafe.py keeps the parser's guards in it.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1 << 30
TIMEOUT_S = 120  # a hang, not slowness, is what this catches

VALID = """\
versie: 1
initiatief:
  naam: Het Anker
  gemeente: Zwolle
toegang:
  indicatie_nodig: false
  naasten_welkom: true
kwaliteit:
  cao: Sociaal Werk
"""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH", "")]))
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [sys.executable, "-c", "from iza_check.cli.main import main; main()", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT_S,
        preexec_fn=_limit_memory,
    )


def assert_rejected(
    result: subprocess.CompletedProcess[str], code: str, name: str, line: int | None = None, column: int | None = None
) -> str:
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    assert f"({code})" in output, output
    if line is not None:
        where = f"{name}:{line}:{column}:" if column is not None else f"{name}:{line}:"
        assert where in output, output
    return output


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------ size


def test_billion_laughs_is_stopped_by_the_node_limit(tmp_path: Path) -> None:
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    write(tmp_path, "bom.yaml", "initiatief: {naam: x}\n" + "\n".join(levels) + "\n")
    result = run_cli("check", "bom.yaml", cwd=tmp_path)
    output = assert_rejected(result, "too-many-nodes", "bom.yaml")
    assert re.search(r"bom\.yaml:\d+:\d+:", output)


def test_fifty_mib_file_is_refused_by_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "groot.yaml"
    line = "# " + "x" * 1022 + "\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("initiatief:\n  naam: Groot\n")
        handle.write(line * (50 * 1024))
    assert path.stat().st_size > 50 * 1024 * 1024
    output = assert_rejected(run_cli("check", path.name, cwd=tmp_path), "too-large", "groot.yaml")
    assert "1048576" in output


def test_max_bytes_option_lowers_the_limit(tmp_path: Path) -> None:
    write(tmp_path, "p.yaml", VALID + "# " + "x" * 5000 + "\n")
    assert_rejected(run_cli("validate", "--max-bytes", "4096", "p.yaml", cwd=tmp_path), "too-large", "p.yaml")


@pytest.mark.parametrize(
    ("kind", "body", "line"),
    [
        ("flow-sequence", "bewijs: " + "[" * 10_000 + "]" * 10_000, 2),
        ("flow-mapping", "x: " + "{a: " * 10_000 + "1" + "}" * 10_000, 2),
        ("block-sequence", "x:\n" + "- " * 10_000 + "x", 3),
    ],
)
def test_ten_thousand_levels_of_nesting(tmp_path: Path, kind: str, body: str, line: int) -> None:
    write(tmp_path, "diep.yaml", "initiatief: {naam: x}\n" + body + "\n")
    result = run_cli("check", "diep.yaml", cwd=tmp_path)
    assert result.returncode >= 0, f"killed by signal {-result.returncode}"  # libyaml recursion must not crash
    output = assert_rejected(result, "too-deep", "diep.yaml")
    assert f"diep.yaml:{line}:" in output


# ------------------------------------------------------------------------------------ encodings


def test_binary_file(tmp_path: Path) -> None:
    write(tmp_path, "plaatje.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    # The first NUL byte is on line 3 ("\x89PNG\r\n", "\x1a\n", then NUL).
    assert_rejected(run_cli("check", "plaatje.yaml", cwd=tmp_path), "binary", "plaatje.yaml", 3, 1)


def test_utf16_with_bom_is_refused_with_advice(tmp_path: Path) -> None:
    write(tmp_path, "utf16.yaml", VALID.encode("utf-16"))
    output = assert_rejected(run_cli("check", "utf16.yaml", cwd=tmp_path), "utf16", "utf16.yaml")
    assert "UTF-8" in output


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    write(tmp_path, "bom.yaml", b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    result = run_cli("check", "bom.yaml", "--format", "json", "--reference-date", "2026-11-01", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert [p["naam"] for p in report["profiles"]] == ["Het Anker"]
    assert report["problems"] == []


def test_invalid_utf8(tmp_path: Path) -> None:
    write(tmp_path, "latin1.yaml", "initiatief:\n  naam: Café\n".encode("latin-1"))
    assert_rejected(run_cli("check", "latin1.yaml", cwd=tmp_path), "not-utf8", "latin1.yaml", 2, 12)


# -------------------------------------------------------------------------------- YAML surprises


def test_duplicate_keys(tmp_path: Path) -> None:
    write(tmp_path, "dubbel.yaml", VALID + "toegang:\n  epa_welkom: true\n")
    output = assert_rejected(run_cli("check", "dubbel.yaml", cwd=tmp_path), "duplicate-key", "dubbel.yaml", 10, 1)
    assert "toegang" in output


def test_duplicate_nested_key(tmp_path: Path) -> None:
    write(tmp_path, "dubbel.yaml", VALID.replace("  naasten_welkom: true\n", "  naasten_welkom: true\n  naasten_welkom: false\n"))
    assert_rejected(run_cli("check", "dubbel.yaml", cwd=tmp_path), "duplicate-key", "dubbel.yaml", 8, 3)


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "OFF", "ja", "nee"])
def test_yaml11_booleans_are_refused(tmp_path: Path, word: str) -> None:
    write(tmp_path, "bool.yaml", VALID.replace("naasten_welkom: true", f"naasten_welkom: {word}"))
    output = assert_rejected(run_cli("validate", "bool.yaml", cwd=tmp_path), "yaml11-boolean", "bool.yaml", 7, 19)
    assert "true of false" in output


@pytest.mark.parametrize(
    ("number", "instead"),
    [("010", "schrijf 10 (zonder voorloopnul)"), ("0x10", "schrijf 16"), ("0b10", "schrijf 2"),
     ("1_0", "schrijf 10 (zonder '_')"), ("1:30", "schrijf 90")],
)
def test_yaml11_numbers_are_refused(tmp_path: Path, number: str, instead: str) -> None:
    write(tmp_path, "getal.yaml", VALID.replace("  naasten_welkom: true\n", f"  dagdelen_open_per_week: {number}\n"))
    result = run_cli("check", "getal.yaml", cwd=tmp_path)
    output = assert_rejected(result, "yaml11-number", "getal.yaml", 7, 27)
    assert instead in output


def test_quoted_yes_is_plain_text(tmp_path: Path) -> None:
    write(tmp_path, "tekst.yaml", VALID.replace("gemeente: Zwolle", "gemeente: 'yes'"))
    result = run_cli("validate", "tekst.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("payload", "line"),
    [
        ('!!python/object/apply:os.system ["touch {marker}"]', 3),
        ('!!python/object/apply:subprocess.check_call [["touch", "{marker}"]]', 3),
        ('!!python/object/new:os.system ["touch {marker}"]', 3),
        ("!!python/name:os.system", 3),
        ('!!python/object/apply:builtins.exec ["open(\'{marker}\', \'w\')"]', 3),
    ],
)
def test_python_tags_are_refused_and_nothing_runs(tmp_path: Path, payload: str, line: int) -> None:
    marker = tmp_path / "GEHACKT"
    write(tmp_path, "tag.yaml", "versie: 1\ninitiatief:\n  naam: " + payload.format(marker=marker) + "\n")
    assert_rejected(run_cli("check", "tag.yaml", cwd=tmp_path), "unsafe-tag", "tag.yaml", line, 9)
    assert not marker.exists()


def test_python_tag_on_a_mapping_and_a_key(tmp_path: Path) -> None:
    marker = tmp_path / "GEHACKT"
    write(
        tmp_path,
        "tag.yaml",
        f"initiatief: !!python/object/apply:os.system {{args: ['touch {marker}']}}\n"
        f"? !!python/object/apply:os.system ['touch {marker}']\n: x\n",
    )
    result = run_cli("check", "tag.yaml", cwd=tmp_path)
    assert_rejected(result, "unsafe-tag", "tag.yaml", 1, 13)
    assert not marker.exists()


@pytest.mark.parametrize(("date", "column"), [("2024-02-30", 26), ("2023-02-29", 26), ("2024-13-01", 26)])
def test_impossible_dates(tmp_path: Path, date: str, column: int) -> None:
    write(tmp_path, "datum.yaml", f"initiatief:\n  naam: x\nkwaliteit:\n  vog:\n    oudste_afgiftedatum: {date}\n")
    output = assert_rejected(run_cli("validate", "datum.yaml", cwd=tmp_path), "invalid-date", "datum.yaml", 5, column)
    assert date in output


def test_tab_indentation(tmp_path: Path) -> None:
    write(tmp_path, "tab.yaml", "initiatief:\n\tnaam: x\n")
    output = assert_rejected(run_cli("check", "tab.yaml", cwd=tmp_path), "yaml-syntax", "tab.yaml", 2, 1)
    assert "tab" in output


def test_raw_control_character_in_text(tmp_path: Path) -> None:
    write(tmp_path, "ctrl.yaml", "initiatief:\n  naam: Het \x07Anker\n")
    assert_rejected(run_cli("check", "ctrl.yaml", cwd=tmp_path), "invalid-character", "ctrl.yaml", 2)


# ------------------------------------------------------------------------------- batches, paths


def test_one_broken_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    write(folder, "a-goed.yaml", VALID)
    write(folder, "b-kapot.yaml", "initiatief:\n  naam: [onafgesloten\n")
    write(folder, "c-goed.yaml", VALID.replace("Het Anker", "De Linde"))
    result = run_cli("check", "map", "--format", "json", "--reference-date", "2026-11-01", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert sorted(p["naam"] for p in report["profiles"]) == ["De Linde", "Het Anker"]
    assert [Path(p["file"]).name for p in report["problems"]] == ["b-kapot.yaml"]


def test_directory_symlink_loop_terminates(tmp_path: Path) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    write(folder, "p.yaml", VALID)
    (folder / "lus").symlink_to(folder, target_is_directory=True)
    result = run_cli("validate", "map", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 bestand(en)" in result.stderr


def test_missing_path(tmp_path: Path) -> None:
    assert_rejected(run_cli("check", "bestaat-niet.yaml", cwd=tmp_path), "not-found", "bestaat-niet.yaml")


# -------------------------------------------------------------------------------- broken rules


def _rules_dir(tmp_path: Path, content: str) -> Path:
    folder = tmp_path / "regels"
    folder.mkdir()
    write(folder, "extra.yaml", content)
    write(tmp_path, "p.yaml", VALID)
    return folder


def test_rule_file_with_yaml_syntax_error(tmp_path: Path) -> None:
    _rules_dir(tmp_path, "groep: kenmerken\nregels:\n  - id: [K99\n")
    result = run_cli("check", "p.yaml", "--rules", "regels", cwd=tmp_path)
    assert_rejected(result, "yaml-syntax", "extra.yaml")
    assert re.search(r"extra\.yaml:\d+:\d+:", result.stderr), result.stderr


def _first_rule_with(tmp_path: Path, old: str, new: str) -> Path:
    """A rule file holding a copy of the catalogue's first kwaliteit rule, under a new id, edited."""
    text = (REPO / "rules" / "kwaliteit.yaml").read_text(encoding="utf-8")
    header, _, rest = text.partition("\n  - id: ")
    first_rule = rest.split("\n  - id: ")[0]
    rule_id = first_rule.split("\n", 1)[0]
    body = "\n  - id: " + first_rule.replace(rule_id, "Q9", 1).replace(old, new, 1) + "\n"
    return _rules_dir(tmp_path, header.split("\nregels:")[0] + "\nregels:" + body)


def test_rule_file_duplicating_an_id(tmp_path: Path) -> None:
    folder = tmp_path / "regels"
    folder.mkdir()
    shutil.copyfile(REPO / "rules" / "kwaliteit.yaml", folder / "kwaliteit.yaml")
    write(tmp_path, "p.yaml", VALID)
    result = run_cli("check", "p.yaml", "--rules", "regels", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert re.search(r"kwaliteit\.yaml:\d+:\d+:", result.stderr), result.stderr


def test_rule_file_with_unknown_operator(tmp_path: Path) -> None:
    _first_rule_with(tmp_path, "gelijk:", "gelijkaan:")
    result = run_cli("check", "p.yaml", "--rules", "regels", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert re.search(r"extra\.yaml:\d+:\d+:", result.stderr), result.stderr


def test_rule_file_with_python_tag(tmp_path: Path) -> None:
    marker = tmp_path / "GEHACKT"
    _rules_dir(tmp_path, f"groep: kenmerken\nregels: !!python/object/apply:os.system ['touch {marker}']\n")
    result = run_cli("check", "p.yaml", "--rules", "regels", cwd=tmp_path)
    assert_rejected(result, "unsafe-tag", "extra.yaml", 2, 9)
    assert not marker.exists()


# ------------------------------------------------------------------- markup in the reports

HOSTILE_TEXT = 'Kwaadwillig <script>alert(1)</script> **vet** [klik](javascript:alert(1)) &amp; @iedereen \\e[31m \\a \\x00 \\u202e'
_HOSTILE_PROFILE = f"""\
versie: 1
initiatief:
  naam: "Anker {HOSTILE_TEXT}"
  gemeente: "<img src=x onerror=alert(1)>"
  toelichting: "{HOSTILE_TEXT}"
aanbod:
  - naam: "</td></tr><tr><td>{HOSTILE_TEXT}"
    soort: inloop
werkwijze:
  vrije_ruimte: "]]></failure><failure>{HOSTILE_TEXT}"
kwaliteit:
  cao: "{HOSTILE_TEXT}"
  in_ontwikkeling:
    - betreft: [Q1]
      stap: "::error file=x::{HOSTILE_TEXT}"
      streefdatum: 2020-01-01
"""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202e]")


@pytest.fixture(scope="module")
def hostile_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("markup") / "markup.yaml"
    path.write_text(_HOSTILE_PROFILE, encoding="utf-8")
    return path


def _render(fmt: str, path: Path, *, shows_names: bool = True) -> str:
    if fmt not in REPORTERS:
        pytest.skip(f"report format '{fmt}' does not exist yet (not in report.registry.REPORTERS)")
    result = CliRunner().invoke(
        main, ["check", str(path), "--format", fmt, "--reference-date", "2026-11-01", "--no-color"]
    )
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if shows_names:
        assert "Kwaadwillig" in result.output, "the hostile text should be shown, escaped, not dropped"
    if fmt != "json":  # JSON carries the text exactly (see its own test)
        assert not _CONTROL.search(result.output), repr(_CONTROL.search(result.output))
    return result.output


def test_html_escapes_markup(hostile_profile: Path) -> None:
    output = _render("html", hostile_profile)
    lowered = output.lower()
    assert "<script>alert" not in lowered
    assert "<img src=x" not in lowered
    assert "javascript:" not in re.sub(r">[^<]*<", "><", lowered), "javascript: must not appear inside a tag"
    assert "&lt;script&gt;" in output


def test_markdown_escapes_markup(hostile_profile: Path) -> None:
    output = _render("markdown", hostile_profile)
    assert "<script>" not in output
    assert "<img" not in output
    assert "**vet**" not in output
    assert "[klik](javascript" not in output
    assert "@iedereen" not in output  # no mentions
    assert "</td>" not in output


def test_junit_is_well_formed_xml(hostile_profile: Path) -> None:
    output = _render("junit", hostile_profile, shows_names=False)
    root = ET.fromstring(output)  # raises on control characters and broken-out CDATA
    assert not list(root.iter("script"))
    assert "<script>" not in output


def test_sarif_is_valid_json_without_control_characters(hostile_profile: Path) -> None:
    output = _render("sarif", hostile_profile, shows_names=False)
    document = json.loads(output)

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for item in value.values() for s in strings(item)]
        if isinstance(value, list):
            return [s for item in value for s in strings(item)]
        return []

    assert not any(_CONTROL.search(text) for text in strings(document))


def test_text_carries_no_control_characters(hostile_profile: Path) -> None:
    _render("text", hostile_profile)


def test_github_annotations_cannot_be_injected(hostile_profile: Path) -> None:
    output = _render("github", hostile_profile, shows_names=False)
    # A workflow command only counts at the start of a line; quoted text must never start one.
    assert not re.search(r"^::error file=x::", output, re.MULTILINE)


def test_json_keeps_the_text_exactly(hostile_profile: Path) -> None:
    import yaml

    expected = yaml.safe_load(_HOSTILE_PROFILE)["initiatief"]["naam"]
    assert "\x1b" in expected and "\x00" in expected
    report = json.loads(_render("json", hostile_profile))
    assert [profile["naam"] for profile in report["profiles"]] == [expected]
