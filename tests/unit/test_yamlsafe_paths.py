"""The one-pass reader of plain documents and the full walk must agree on data and positions."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from iza_check import yamlsafe

ROOT = Path(__file__).resolve().parents[2]
LIMITS = (yamlsafe.DEFAULT_MAX_DEPTH, yamlsafe.DEFAULT_MAX_NODES)


def _full(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[yamlsafe.YamlDocument | None, list[Any]]:
    with monkeypatch.context() as patch:
        patch.setattr(yamlsafe, "_parse_plain_document", lambda *_: None)
        return yamlsafe.parse_yaml_bytes(text.encode("utf-8"), "x.yaml")


def _same(text: str, monkeypatch: pytest.MonkeyPatch) -> bool:
    """True when the one-pass reader took the document; then it must equal the full walk exactly."""
    fast = yamlsafe._parse_plain_document(text, *LIMITS)
    full, problems = _full(text, monkeypatch)
    if fast is None:
        return False
    assert full is not None and problems == []
    # repr tells True from 1, 1.0 from 1 and a date from a datetime.
    assert repr(fast.data) == repr(full.data)
    assert list(fast.marks.items()) == list(full.marks.items())
    assert list(fast.key_marks.items()) == list(full.key_marks.items())
    return True


def _corpus() -> list[Path]:
    files = [*ROOT.glob("profiles/*.yaml"), *ROOT.glob("rules/**/*.yaml"), *ROOT.glob("tests/fixtures/**/*.yaml")]
    return sorted(path for path in files if path.stat().st_size < 200_000)


def test_every_yaml_file_of_the_project_reads_the_same_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    skipped = []
    for path in _corpus():
        text = path.read_bytes().decode("utf-8", "replace").lstrip("\ufeff")
        if not _same(text, monkeypatch):
            skipped.append(path.relative_to(ROOT).as_posix())
    # The common case really takes the one-pass reader: only broken files and anchors do not.
    assert skipped and all(p.startswith("tests/fixtures/broken/") or "anchors" in p for p in skipped), skipped


PLAIN = [
    "a: 1\nb: -3\nc: +5\nd: 0\nh: 0o17\ni: 09\nj: '012'\n",
    "a: 1.5\nb: .5\nc: 1e3\nd: -.inf\ne: .nan\nf: 6.8523015e+5\n",
    "a: true\nb: False\nc: TRUE\nd: ~\ne: null\nf: Null\ng:\n",
    "a: 2026-11-01\nb: 2026-11-01T10:00:00Z\nc: 2026-11-01 10:00:00.5+02:00\nd: 2026-1-1\n",
    "a: 'ja'\nb: \"no\"\nc: |\n  regel\n  twee\nd: >\n  gevouwen\n  tekst\ne: 'yes sir'\n",
    "lijst:\n  - a\n  - {b: c, d: [1, 2, {e: f}]}\n  - []\n  - {}\n  -\n    - diep\n",
    "naam: De Brug\nwebsite: https://example.nl/a?b=c#d\nnoot: 'a: b'\ntekst: a # commentaar\n",
    "é: ü\n'sleutel met spatie': 1\n\"quoted\": 2\n",
    "{a: 1, b: [x, z]}\n",
]
NOT_PLAIN = [
    "a: yes\n", "a: Ja\n", "on: 1\n", "1: a\n", "a: 1\na: 2\n", "a: &x 1\nb: *x\n",
    "basis: &b {a: 1}\nx:\n  <<: *b\n", "a: !!str 1\n", "a: !!python/object:os.system x\n",
    "a: 2026-02-30\n", "- a\n", "a\n", "", "# alleen commentaar\n", "a: 1\n---\nb: 2\n", "a: [1\n",
    "? [a]\n: b\n", "a: !!binary aGk=\n", "2026-01-01: a\n", "null: a\n",
    # YAML 1.1 numbers: the full walk refuses them (yaml11-number), or reads them as text keys.
    "a: 012\n", "a: 0x1F\n", "a: 0b1\n", "a: 1_000\n", "a: 1:30\n", "a: 1_0.5\n", "a: 1:30.5\n", "010: a\n",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_documents_take_the_one_pass_reader(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _same(text, monkeypatch)


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_anything_else_takes_the_full_walk(text: str) -> None:
    assert yamlsafe._parse_plain_document(text, *LIMITS) is None


def test_limits_send_a_document_to_the_full_walk() -> None:
    deep = "a:\n" + "".join("  " * level + "- \n" for level in range(1, 10)) + "  " * 10 + "x: 1\n"
    assert yamlsafe._parse_plain_document(deep, 3, yamlsafe.DEFAULT_MAX_NODES) is None
    wide = "".join(f"k{i}: {i}\n" for i in range(50))
    assert yamlsafe._parse_plain_document(wide, yamlsafe.DEFAULT_MAX_DEPTH, 40) is None
    assert yamlsafe._parse_plain_document(wide, *LIMITS) is not None


_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.dates(),
    st.text(max_size=12),
    st.sampled_from(["yes", "ja", "on", "012", "1_0", "0x1F", "1:30", "2026-1-1", "~", "<<", "a: b", "- x"]),
)
_keys = st.one_of(st.text(min_size=1, max_size=8), st.sampled_from(["on", "ja", "1", "null", "<<", "a b"]))
_documents = st.dictionaries(
    _keys,
    st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4), max_leaves=12),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(_documents, st.sampled_from([None, True]))
def test_any_document_reads_the_same_both_ways(data: dict[str, Any], flow: bool | None) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow)
    with pytest.MonkeyPatch.context() as patch:
        _same(text, patch)


def test_generated_profiles_read_the_same_both_ways(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import write_profiles
    finally:
        sys.path.pop(0)
    write_profiles(tmp_path, 60, seed=random.Random(7).randrange(1 << 30))
    files = sorted(tmp_path.rglob("*.yaml"))
    assert files
    for path in files:
        assert _same(path.read_text(encoding="utf-8"), monkeypatch), path
