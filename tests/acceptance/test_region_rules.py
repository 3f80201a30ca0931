"""A region's own rules work end to end: a kenmerk of its own decides the verdict and appears in the funders'
tables, a bouwsteen of its own appears in the summary and the overview, and plans may name them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from iza_check.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "tests" / "fixtures" / "rules" / "regio_eigen"
BRUG = ROOT / "profiles" / "zelfregiecentrum-de-brug.yaml"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--rules", str(RULES), "--reference-date", "2026-11-01"])
    return result.exit_code, result.output


def test_an_own_kenmerk_decides_the_verdict(tmp_path: Path) -> None:
    profile = tmp_path / "brug.yaml"
    profile.write_text(BRUG.read_text(encoding="utf-8").replace("crisisafspraken_113: true", "crisisafspraken_113: false"), encoding="utf-8")
    _code, out = _run("check", str(profile), "--format", "json")
    document = json.loads(out)
    verdict = document["profiles"][0]["verdict"]
    assert verdict["kind"] == "groeiroute" and verdict["missing_kenmerken"] == ["R1"]
    _code, out = _run("check", str(profile))
    assert "R1 Samen met de wijk — voldoet niet" in out
    first = out[out.index("Eerst: wat het oordeel verandert") : out.index("Wie kan helpen")]
    assert "R1 Samen met de wijk" in first


def test_own_rules_are_columns_of_the_summary_and_the_overview() -> None:
    _code, out = _run("check", str(BRUG), "--summary", "--format", "json")
    row = json.loads(out)["profiles"][0]
    assert "R1" in row["kenmerken"] and row["bouwstenen"]["B9"] == "voldoet"
    assert row["onderbouwd"]["of"] == 11
    _code, out = _run("check", str(BRUG), "--summary", "--format", "csv")
    header = out.splitlines()[0]
    assert '"R1"' in header and '"B9"' in header
    _code, out = _run("overview", str(BRUG), "--format", "json")
    entry = json.loads(out)["regions"][0]["gemeenten"][0]["initiatives"][0]
    assert entry["bouwstenen_a"]["B9"] == "voldoet"
