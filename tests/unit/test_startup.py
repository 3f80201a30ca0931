"""A command imports what it uses: ``--version`` names the engine a run would use without loading it."""

from __future__ import annotations

import subprocess
import sys

_PROBE = (
    "import sys\n"
    "from iza_check.cli.main import main\n"
    "try:\n"
    "    main([{args}])\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(sorted(m for m in sys.modules if m.startswith(('iza_check', 'pydantic', 'durable'))), file=sys.stderr)\n"
)


def _loaded(*args: str) -> tuple[str, list[str]]:
    code = _PROBE.format(args=", ".join(repr(a) for a in args))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout, eval(done.stderr.strip().splitlines()[-1])


def test_the_version_says_the_engine_without_loading_the_engine() -> None:
    out, modules = _loaded("--version")
    assert "engine: " in out
    assert "iza_check.engine.durable" not in modules
    assert "iza_check.profile.model" not in modules and "iza_check.rules.model" not in modules
    assert not any(m == "pydantic" or m.startswith("pydantic.") for m in modules)


def test_the_engine_named_by_the_version_is_the_one_a_check_uses() -> None:
    out, _ = _loaded("--version")
    name = out.split("engine: ")[1].split()[0]
    from iza_check.engine import engine_name

    assert name == engine_name()


def test_the_command_lines_size_limit_is_the_loaders() -> None:
    """Written out in cli/shared.py so that --help does not load PyYAML; it must stay the loader's own."""
    from iza_check.cli.shared import DEFAULT_MAX_BYTES
    from iza_check.yamlsafe import DEFAULT_MAX_BYTES as LOADER_MAX_BYTES

    assert DEFAULT_MAX_BYTES == LOADER_MAX_BYTES
