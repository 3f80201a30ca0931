"""The catalogue cache (iza_check.rules.cache): the same catalogue as the loader's, renewed when a rule file changes,
never used across versions of the tool, Python or pydantic, and a damaged or foreign cache file is ignored."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest
from engine_marks import requires_durable

from iza_check.problems import InputError
from iza_check.resources import rules_dir
from iza_check.rules import cache
from iza_check.rules.loader import load_catalogue


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("IZA_CHECK_CACHE_DIR", str(where))
    monkeypatch.delenv("IZA_CHECK_NO_CACHE", raising=False)
    return where


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    return copy


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("catalogue-*.pickle")) if folder.exists() else []


def test_the_cached_catalogue_equals_the_loaded_one(folder: Path) -> None:
    fresh = load_catalogue([rules_dir()])
    first = cache.load_catalogue_cached([rules_dir()])
    assert len(_files(folder)) == 1
    second = cache.load_catalogue_cached([rules_dir()])
    assert first.rules == fresh.rules and second.rules == fresh.rules
    assert [rule.id for rule in second] == [rule.id for rule in fresh]
    assert all(second.get(rule.id) == rule for rule in fresh)


def test_the_second_run_reads_the_cache_and_does_not_load(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = cache.load_catalogue_cached([rules_dir()])
    import iza_check.rules.loader as loader

    def refuse(_dirs: object) -> None:
        raise AssertionError("the loader ran although the cache was there")

    monkeypatch.setattr(loader, "load_catalogue", refuse)
    assert cache.load_catalogue_cached([rules_dir()]).rules == expected.rules


def test_a_changed_rule_file_is_loaded_anew(folder: Path, rules: Path) -> None:
    before = cache.load_catalogue_cached([rules])
    path = rules / "kenmerken.yaml"
    text = path.read_text(encoding="utf-8")
    title = before.get("K1").titel.nl
    assert title in text
    path.write_text(text.replace(title, "Een andere titel", 1), encoding="utf-8")
    after = cache.load_catalogue_cached([rules])
    assert after.get("K1").titel.nl == "Een andere titel"
    assert len(_files(folder)) == 2


def test_a_new_file_in_a_rule_folder_changes_the_key(rules: Path) -> None:
    key = cache.catalogue_key([rules])
    (rules / "notes.txt").write_text("x", encoding="utf-8")
    assert cache.catalogue_key([rules]) != key


def test_a_broken_rule_file_is_an_error_and_not_cached(folder: Path, rules: Path) -> None:
    (rules / "kenmerken.yaml").write_text("groep: kenmerken\nregels: [1]\n", encoding="utf-8")
    with pytest.raises(InputError):
        cache.load_catalogue_cached([rules])
    assert _files(folder) == []


@pytest.mark.parametrize(
    "change",
    ["tool", "python", "pydantic", "source"],
)
def test_never_across_versions(folder: Path, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    key = cache.catalogue_key([rules_dir()])
    if change == "tool":
        monkeypatch.setattr("iza_check.__version__", "999.0")
    elif change == "python":
        monkeypatch.setattr(cache.sys, "version", cache.sys.version + " (another build)")
    elif change == "pydantic":
        monkeypatch.setattr("pydantic.VERSION", "0.0.1")
    else:
        monkeypatch.setattr(cache, "_SOURCE", [b"the code of another version"])
    assert cache.catalogue_key([rules_dir()]) != key


def test_a_changed_module_of_the_tool_is_another_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "iza_check"
    shutil.copytree(cache._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", package)
    before = cache._source_digest()
    assert cache._source_digest() == before
    module = package / "rules" / "conditions.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert cache._source_digest() != before


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle at all", "truncated", "other key", "not a catalogue"],
)
def test_a_damaged_cache_file_is_ignored_and_replaced(folder: Path, damage: bytes | str) -> None:
    fresh = cache.load_catalogue_cached([rules_dir()])
    (path,) = _files(folder)
    key = cache.catalogue_key([rules_dir()])
    assert key is not None
    head = cache._header("catalogue", key)
    if damage == "truncated":
        data = path.read_bytes()[: len(path.read_bytes()) // 2]
    elif damage == "other key":
        data = cache._header("catalogue", "0" * len(key)) + path.read_bytes()[len(head):]
    elif damage == "not a catalogue":
        data = head + pickle.dumps({"rules": ()})
    else:
        assert isinstance(damage, bytes)
        data = damage
    path.write_bytes(data)
    assert cache.read(folder, key) is None
    again = cache.load_catalogue_cached([rules_dir()])
    assert again.rules == fresh.rules
    assert cache.read(folder, key) is not None  # written anew


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file ownership is POSIX")
def test_a_cache_others_can_write_is_not_trusted(folder: Path) -> None:
    cache.load_catalogue_cached([rules_dir()])
    key = cache.catalogue_key([rules_dir()])
    assert key is not None and cache.read(folder, key) is not None
    folder.chmod(0o777)
    try:
        assert cache.read(folder, key) is None
    finally:
        folder.chmod(0o700)
    (path,) = _files(folder)
    path.chmod(0o666)
    assert cache.read(folder, key) is None


def test_the_cache_can_be_turned_off(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IZA_CHECK_NO_CACHE", "1")
    assert cache.cache_dir() is None
    cache.load_catalogue_cached([rules_dir()])
    assert _files(folder) == []


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("IZA_CHECK_CACHE_DIR", str(blocked / "cache"))
    assert len(cache.load_catalogue_cached([rules_dir()])) == len(load_catalogue([rules_dir()]))


def test_old_cache_files_are_pruned(folder: Path, rules: Path) -> None:
    path = rules / "kenmerken.yaml"
    text = path.read_text(encoding="utf-8")
    for number in range(cache._KEEP + 3):
        path.write_text(text + f"\n# {number}\n", encoding="utf-8")
        cache.load_catalogue_cached([rules])
    assert len(_files(folder)) == cache._KEEP


def _networks(folder: Path) -> list[Path]:
    return sorted(folder.glob("durable-network-*.pickle")) if folder.exists() else []


@requires_durable
def test_the_durable_network_is_compiled_once_and_read_back_the_same(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the durable-rules engine compiles from a cached catalogue is kept beside it; an engine built from the
    stored network has the same rulesets, fact keys and results as one that compiled it."""
    from iza_check.engine import create_engine
    from iza_check.engine.durable import compile_network
    from iza_check.rules import load_rules

    first = create_engine(load_rules(), "durable")
    assert len(_networks(folder)) == 1
    import iza_check.engine.durable as durable

    def refuse(_rules: object) -> None:
        raise AssertionError("compiled again although the cache held the network")

    monkeypatch.setattr(durable, "compile_network", refuse)
    second = create_engine(load_rules(), "durable")
    assert list(second.plan.derived.items()) == list(first.plan.derived.items()) != []
    assert [(r.base, r.keys, r.owners) for r in second._rulesets] == [(r.base, r.keys, r.owners) for r in first._rulesets]
    assert compile_network(first._rules) == compile_network(second._rules)
    from test_rule_kit import PEILDATUM

    from iza_check.profile.loader import load_profile

    for path in sorted(Path(__file__).resolve().parents[2].glob("profiles/*.yaml")):
        profile = load_profile(path).profile
        assert first.evaluate(profile, peildatum=PEILDATUM) == second.evaluate(profile, peildatum=PEILDATUM)


@requires_durable
def test_a_damaged_network_is_compiled_again(folder: Path) -> None:
    from iza_check.engine import create_engine
    from iza_check.rules import load_rules

    rulesets = create_engine(load_rules(), "durable").rulesets
    (path,) = _networks(folder)
    path.write_bytes(path.read_bytes()[:100])
    assert create_engine(load_rules(), "durable").rulesets == rulesets
    assert len(path.read_bytes()) > 100  # written anew


def test_a_catalogue_made_elsewhere_compiles_every_time(folder: Path) -> None:
    catalogue = load_catalogue([rules_dir()])
    assert catalogue.cache_key is None
    made: list[int] = []
    assert cache.compiled(catalogue, "durable-network", int, lambda: made.append(1) or len(made)) == 1
    assert cache.compiled(catalogue, "durable-network", int, lambda: made.append(1) or len(made)) == 2
    assert _networks(folder) == []
