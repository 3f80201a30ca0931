"""`rules lint` refuses what the engine cannot run, naming the limit (issue 17).

Measured limits (see iza_check.rules.loader and iza_check.engine.durable): one network rule tests at most
250 distinct facts (durable-rules error 302 beyond), one condition form compiles to at most 256 network
rules, one rule to at most 512, the whole catalogue to at most 5,000.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from engine_marks import requires_durable

from iza_check.engine import create_engine
from iza_check.problems import InputError
from iza_check.profile.loader import load_profile
from iza_check.resources import rules_dir
from iza_check.rules.loader import load_catalogue
from iza_check.rules.meaning import MAX_TERMS_PER_CATALOGUE, rule_cost

REPO = Path(__file__).resolve().parents[2]
HEAD = [
    "groep: kenmerken",
    "titel: {nl: Test, en: Test}",
    "regels:",
]


def _rule(number: int, voldoet: list[str], deels: list[str] | None = None) -> list[str]:
    lines = [
        f"  - id: X{number}",
        f"    titel: {{nl: Regel X{number}, en: Rule X{number}}}",
        "    ernst: verplicht",
        '    bron: {bestand: 002_bd6a1f13a11948c7.txt, sectie: "§2"}',
        "    uitleg: {wat: {nl: Wat, en: What}, waarom: {nl: Waarom, en: Why}}",
        "    voldoet:",
        *voldoet,
    ]
    if deels is not None:
        lines += ["    deels:", *deels]
    return lines + [
        "    advies: {nl: Advies, en: Advice}",
        "    voorbeelden:",
        "      - {naam: leeg, profiel: {}, verwacht: onbekend}",
        "      - {naam: ook leeg, profiel: {}, verwacht: onbekend}",
    ]


def _alle_over_facts(count: int) -> list[str]:
    """An ``alle`` over ``count`` distinct facts: a ``lijst`` count with a threshold of its own each."""
    return ["      alle:"] + [
        f"        - {{lijst: aanbod, waar: {{veld: per_jaar, minstens: {n + 1}}}, minstens: 1}}" for n in range(count)
    ]


def _pairs(number: int, pairs: int = 8) -> list[str]:
    """An ``alle`` over ``pairs`` ``een_van`` pairs: 2**pairs network rules for the pass form."""
    lines = ["      alle:"]
    for n in range(pairs):
        base = number * 100 + n * 2
        lines.append(f"        - een_van: [{{veld: team.vrijwilligers, minstens: {base + 1}}}, "
                     f"{{veld: team.fte, minstens: {base + 2}}}]")
    return lines


def _write(folder: Path, rules: list[list[str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "x.yaml").write_text("\n".join(HEAD + [line for rule in rules for line in rule]) + "\n", encoding="utf-8")
    return folder


def _problems(folder: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_catalogue([rules_dir(), folder])
    return [problem.format() for problem in caught.value.problems]


def test_an_alle_over_more_facts_than_the_engine_takes_is_refused_with_the_limit(tmp_path: Path) -> None:
    load_catalogue([rules_dir(), _write(tmp_path / "ok", [_rule(0, _alle_over_facts(250))])])
    problems = _problems(_write(tmp_path / "te-veel", [_rule(0, _alle_over_facts(254))]))
    assert len(problems) == 1
    assert "x.yaml:10:7:" in problems[0]
    assert "254 verschillende feiten in één combinatie" in problems[0] and "hoogstens 250" in problems[0]
    assert "(too-many-facts)" in problems[0]


@requires_durable
def test_the_largest_accepted_alle_runs_on_durable_rules(tmp_path: Path) -> None:
    catalogue = load_catalogue([rules_dir(), _write(tmp_path / "ok", [_rule(0, _alle_over_facts(250))])])
    engine = create_engine(catalogue, "durable")
    profile = load_profile(REPO / "profiles" / "starter-vrijwilligers.yaml").profile
    results = engine.evaluate(profile, peildatum=dt.date(2026, 11, 1))
    assert len(results) == len(catalogue.rules)


def test_a_rule_beyond_its_budget_is_refused_at_its_id(tmp_path: Path) -> None:
    folder = _write(tmp_path / "groot", [_rule(0, _pairs(0), deels=_pairs(1))])
    problems = _problems(folder)
    assert len(problems) == 1
    assert "x.yaml:4:9:" in problems[0]
    assert "528 netwerkregels" in problems[0] and "hoogstens 512" in problems[0]


def test_a_catalogue_beyond_its_budget_is_refused_naming_the_dearest_rules(tmp_path: Path) -> None:
    load_catalogue([rules_dir(), _write(tmp_path / "klein", [_rule(n, _pairs(n)) for n in range(10)])])
    folder = _write(tmp_path / "groot", [_rule(n, _pairs(n)) for n in range(20)])
    problems = _problems(folder)
    assert len(problems) == 1
    assert f"hoogstens {MAX_TERMS_PER_CATALOGUE}" in problems[0] and "de duurste regels: X0 264" in problems[0]
    assert "(too-large-ruleset)" in problems[0]


def test_the_bundled_catalogue_is_well_within_the_budget() -> None:
    costs = [rule_cost(rule) for rule in load_catalogue([rules_dir()]).rules]
    assert sum(costs) * 4 < MAX_TERMS_PER_CATALOGUE


@pytest.mark.parametrize("command", [["rules", "lint"], ["check", str(REPO / "profiles" / "starter-vrijwilligers.yaml")]])
def test_lint_and_check_refuse_with_exit_2_and_no_traceback(tmp_path: Path, command: list[str]) -> None:
    folder = _write(tmp_path / "te-veel", [_rule(0, _alle_over_facts(254))])
    result = subprocess.run([sys.executable, "-m", "iza_check", *command, "--rules", str(folder)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "hoogstens 250" in result.stdout + result.stderr
