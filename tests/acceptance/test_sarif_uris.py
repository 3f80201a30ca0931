"""SARIF locations point at the very file, whatever its name holds (issue 17): RFC 3986 percent-encoding
of the name's bytes, with ``/`` between folders."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote_to_bytes, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
NAMES = [b"back\\slash.yaml", b"new\nline.yaml", b"latin1-\xe9.yaml", b"spatie en %.yaml", b"a:b.yaml",
         "Súdwest-Fryslân.yaml".encode()]


@pytest.mark.skipif(os.sep != "/", reason="POSIX file names")
def test_sarif_uris_of_awkward_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "map met spatie"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(REPO / "profiles" / "starter-vrijwilligers.yaml", os.path.join(os.fsencode(folder), name))
    result = subprocess.run(
        [sys.executable, "-m", "iza_check", "check", "map met spatie", "--format", "sarif", "-o", "uit.sarif"],
        cwd=tmp_path, capture_output=True, timeout=120, check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert b"Traceback" not in result.stderr
    document = json.loads((tmp_path / "uit.sarif").read_text(encoding="utf-8"))
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for run in document["runs"] for found in run["results"] for location in found["locations"]
    }
    expected = {b"map met spatie/" + name for name in NAMES}
    assert {unquote_to_bytes(uri) for uri in uris} == expected
    for uri in uris:
        assert uri.isascii() and uri.isprintable() and " " not in uri and "\\" not in uri
        assert urlsplit(uri).scheme == ""  # relative, also for a:b.yaml (the colon is encoded)
    assert "map%20met%20spatie/back%5Cslash.yaml" in uris
    assert "map%20met%20spatie/new%0Aline.yaml" in uris
    assert "map%20met%20spatie/latin1-%E9.yaml" in uris


def test_absolute_paths_are_file_uris() -> None:
    from iza_check.report.sarif import artifact_uri

    assert artifact_uri("/srv/profielen/de kiem.yaml") == "file:///srv/profielen/de%20kiem.yaml"
    assert artifact_uri("./profielen/kiem.yaml") == "profielen/kiem.yaml"
    assert artifact_uri(os.fsdecode(b"/x/\xff\n.yaml")) == "file:///x/%FF%0A.yaml"
