"""Exact output of every format, in both languages, for two example profiles, made the way users make it:
``iza-check check profiles/NAME.yaml --format F --lang L`` (from the repository root, fixed peildatum).

The golden files are made with ``--engine python``, which runs on every Python; where durable-rules loads,
its output must be the same, but for the engine's name in the report's metadata."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_report_golden import SUFFIX

from iza_check.cli.main import main
from iza_check.engine import BACKENDS, durable_problem
from iza_check.report.registry import REPORTERS

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = ("zelfregiecentrum-de-brug", "starter-vrijwilligers")
EXIT = {"zelfregiecentrum-de-brug": 0, "starter-vrijwilligers": 0}  # its gaps all have current dated plans
CASES = [(example, lang, fmt) for example in EXAMPLES for lang in ("nl", "en") for fmt in REPORTERS]


@pytest.mark.parametrize("engine", BACKENDS)
@pytest.mark.parametrize(("example", "lang", "fmt"), CASES)
def test_report_of_an_example_profile_matches_golden_file(
    example: str, lang: str, fmt: str, engine: str, golden: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    if engine == "durable" and durable_problem() is not None:
        pytest.skip("durable-rules does not load here")
    monkeypatch.chdir(REPO)  # the report names the file as given: profiles/NAME.yaml on every machine
    args = ["check", f"profiles/{example}.yaml", "--format", fmt, "--lang", lang, "--reference-date", "2026-11-01"]
    result = CliRunner().invoke(main, [*args, "--engine", engine], catch_exceptions=False)
    assert result.exit_code == EXIT[example], result.stderr
    output = result.stdout if engine == "python" else result.stdout.replace("durable", "python")
    golden(f"examples/{example}.{lang}.{SUFFIX[fmt]}", output)


def test_no_example_golden_file_is_orphaned() -> None:
    folder = Path(__file__).resolve().parent / "expected" / "examples"
    wanted = {f"{example}.{lang}.{SUFFIX[fmt]}" for example, lang, fmt in CASES}
    assert {path.name for path in folder.iterdir()} == wanted
