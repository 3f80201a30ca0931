"""A command imports what it uses: ``--version`` names the engine a run would use without loading it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]

_PROBE = (
    "import sys\n"
    "from iza_check.cli.main import main\n"
    "try:\n"
    "    main([{args}])\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(sorted(m for m in sys.modules if m.startswith(('iza_check', 'pydantic', 'durable'))), file=sys.stderr)\n"
)


def _loaded(*args: str, env: dict[str, str] | None = None) -> tuple[str, list[str]]:
    code = _PROBE.format(args=", ".join(repr(a) for a in args))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return done.stdout, eval(done.stderr.strip().splitlines()[-1])


def test_the_version_says_the_engine_without_loading_the_engine() -> None:
    out, modules = _loaded("--version")
    assert "engine: " in out
    assert "iza_check.engine.durable" not in modules
    assert "iza_check.profile.model" not in modules and "iza_check.rules.model" not in modules
    assert not any(m == "pydantic" or m.startswith("pydantic.") for m in modules)


def test_a_check_makes_no_pydantic_schema_at_start_up(tmp_path: Path) -> None:
    """The profile's validator comes from the stored core schema, the rules from the catalogue cache (filled by the
    first run): pydantic neither generates a schema nor looks for plugins (which imports importlib.metadata)."""
    env = {**os.environ, "IZA_CHECK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("IZA_CHECK_NO_CACHE", None)
    args = ("check", str(_ROOT / "profiles" / "starter-vrijwilligers.yaml"), "--format", "concise")
    _, first = _loaded(*args, env=env)
    assert "pydantic.plugin._loader" in first  # the rule files were read and validated
    _, modules = _loaded(*args, env=env)
    assert "iza_check.profile.core_schema" in modules
    assert "pydantic.plugin._loader" not in modules


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


def test_a_check_collects_again_once_its_work_begins() -> None:
    """The collector is held off while the run starts (iza_check.collector), and on again, with what start-up
    made frozen, by the time profiles are checked."""
    code = (
        "import gc, sys\n"
        "from iza_check.cli.main import main\n"
        "import iza_check.checker as checker\n"
        "seen = []\n"
        "original = checker.Checker.check_file\n"
        "def check_file(self, path):\n"
        "    seen.append((gc.isenabled(), gc.get_freeze_count() > 0))\n"
        "    return original(self, path)\n"
        "checker.Checker.check_file = check_file\n"
        "try:\n"
        "    main(['check', 'profiles/starter-vrijwilligers.yaml', '--format', 'concise'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(seen, gc.isenabled(), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=_ROOT)
    assert done.stderr.strip().splitlines()[-1] == "[(True, True)] True"


def test_the_collector_is_on_after_a_command_that_never_reaches_its_work() -> None:
    import gc

    from click.testing import CliRunner

    from iza_check.cli.main import main

    assert gc.isenabled()
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert gc.isenabled()


def test_a_batch_in_workers_collects_in_the_parent_too(tmp_path: Path) -> None:
    """With a pool the parent builds no Checker; its hold on the collector ends when the workers start."""
    folder = tmp_path / "profielen"
    folder.mkdir()
    example = (_ROOT / "profiles" / "starter-vrijwilligers.yaml").read_text(encoding="utf-8")
    for number in range(20):
        (folder / f"p{number:02}.yaml").write_text(example, encoding="utf-8")
    code = (
        "import gc, sys\n"
        "from iza_check.cli.main import main\n"
        "import iza_check.checker as checker\n"
        "seen = []\n"
        "original = checker.check_paths\n"
        "def check_paths(options):\n"
        "    for outcome in original(options):\n"
        "        seen.append(gc.isenabled())\n"
        "        yield outcome\n"
        "checker.check_paths = check_paths\n"
        "try:\n"
        f"    main(['check', {str(folder)!r}, '--format', 'concise', '--jobs', '2'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(len(seen), all(seen), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=_ROOT)
    assert done.stderr.strip().splitlines()[-1] == "20 True"
