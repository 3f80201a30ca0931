"""The HTML report in a real browser: headless Chromium renders it, screenshots it and prints it to PDF.

Skipped when Chromium is not installed, except in CI (``CI=true``), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from report_fixtures import FIXTURES, SCRIPT

from iza_check.report.registry import render

pytestmark = pytest.mark.slow  # a real browser: seconds per test; deselect with -m "not slow"

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
)

# Chromium logs page console output as "...:INFO:CONSOLE:1] ..." (older builds: "CONSOLE(1)").
_CONSOLE = re.compile(r":CONSOLE[:(]")


def _chromium() -> str:
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed; .ci/run installs it before the tests")
        pytest.skip("chromium is not installed (/usr/bin/chromium): `apt-get install chromium` to run this test")
    return path


def _run(browser: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile_dir = tmp_path / f"chromium-profile-{len(list(tmp_path.glob('chromium-profile-*')))}"
    result = subprocess.run(
        [browser, *_FLAGS, f"--user-data-dir={profile_dir}", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if _CONSOLE.search(line) or "Uncaught" in line]
    assert console == [], "the page wrote to the console (it has no scripts of its own):\n" + "\n".join(console)
    return result


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_report_renders_prints_and_keeps_profile_markup_as_text(fixture: str, lang: str, tmp_path: Path) -> None:
    browser = _chromium()
    report = FIXTURES[fixture]()
    page = tmp_path / f"{fixture}.{lang}.html"
    page.write_text(render("html", report, lang=lang), encoding="utf-8")
    url = page.as_uri()

    dom = _run(browser, tmp_path, "--dump-dom", url).stdout
    assert f'<html lang="{lang}">' in dom
    assert "<script" not in dom, "markup from a profile became an element"
    if fixture == "hostile":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom, f"{SCRIPT} should be shown as text"

    screenshot = tmp_path / f"{fixture}.{lang}.png"
    _run(browser, tmp_path, "--window-size=1240,1754", "--hide-scrollbars", f"--screenshot={screenshot}", url)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000, "the screenshot looks empty"

    pdf = tmp_path / f"{fixture}.{lang}.pdf"
    _run(browser, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    # Every profile starts on a new page; the list of broken files too.
    assert pages >= len(report.profiles) + (1 if report.problems else 0), pages


_EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "profiles").glob("*.yaml"))


@pytest.mark.parametrize("example", _EXAMPLES, ids=[p.stem for p in _EXAMPLES])
def test_the_report_of_each_example_profile_renders_and_prints(example: Path, tmp_path: Path) -> None:
    """The whole way a coordinator goes: ``iza-check check PROFILE --format html -o FILE``, opened and printed."""
    from click.testing import CliRunner

    from iza_check.cli.main import main

    browser = _chromium()
    page = tmp_path / f"{example.stem}.html"
    result = CliRunner().invoke(
        main, ["check", str(example), "--format", "html", "-o", str(page), "--reference-date", "2026-11-01"]
    )
    assert result.exit_code in (0, 1), result.output
    url = page.as_uri()

    dom = _run(browser, tmp_path, "--dump-dom", url).stdout
    assert '<html lang="nl">' in dom and "Rapport IZA-check" in dom
    screenshot = tmp_path / f"{example.stem}.png"
    _run(browser, tmp_path, "--window-size=1240,1754", "--hide-scrollbars", f"--screenshot={screenshot}", url)
    assert screenshot.stat().st_size > 20_000, "the screenshot looks empty"
    pdf = tmp_path / f"{example.stem}.pdf"
    _run(browser, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
    assert pdf.read_bytes().startswith(b"%PDF-")


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def _example_page(name: str, tmp_path: Path, *extra: str) -> Path:
    from click.testing import CliRunner

    from iza_check.cli.main import main

    page = tmp_path / f"{name}.html"
    example = Path(__file__).resolve().parents[2] / "profiles" / f"{name}.yaml"
    args = ["check", str(example), "--format", "html", "-o", str(page), "--reference-date", "2026-11-01", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    return page


# A mature initiative and a naastenorganisatie: the profiles a coordinator typically brings.
@pytest.mark.parametrize("name", ["zelfregiecentrum-de-brug", "naasten-steunpunt"])
def test_a_typical_report_prints_on_two_a4_pages_without_its_appendix(name: str, tmp_path: Path) -> None:
    browser = _chromium()
    url = _example_page(name, tmp_path).as_uri()
    pdf = tmp_path / f"{name}.pdf"
    _run(browser, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
    assert _pages(pdf) <= 2


def test_the_appendix_prints_on_pages_of_its_own_when_asked(tmp_path: Path) -> None:
    browser = _chromium()
    short, full = tmp_path / "short.pdf", tmp_path / "full.pdf"
    _run(browser, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={short}", _example_page("naasten-steunpunt", tmp_path).as_uri())
    (tmp_path / "with").mkdir()
    page = _example_page("naasten-steunpunt", tmp_path / "with", "--appendix")
    _run(browser, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={full}", page.as_uri())
    assert _pages(full) > _pages(short)


def test_the_report_reads_at_phone_width(tmp_path: Path) -> None:
    """At 390 CSS pixels nothing is wider than the screen: the page does not scroll sideways."""
    browser = _chromium()
    page = _example_page("starter-vrijwilligers", tmp_path)
    # Without scripts of our own, the width is measured from a copy with one probe script that writes the
    # document's scroll width into the title.
    probe = tmp_path / "probe.html"
    probe.write_text(
        page.read_text(encoding="utf-8").replace(
            "</body>",
            "<script>document.title='W'+document.documentElement.scrollWidth+'/'+window.innerWidth</script></body>",
        ),
        encoding="utf-8",
    )
    profile_dir = tmp_path / "phone-profile"
    result = subprocess.run(
        [browser, *_FLAGS, f"--user-data-dir={profile_dir}", "--window-size=390,844", "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=180, check=False,
    )
    match = re.search(r"<title>W(\d+)/(\d+)</title>", result.stdout)
    assert match is not None, result.stdout[:500]
    scroll, inner = int(match.group(1)), int(match.group(2))
    assert scroll <= inner, f"the page is {scroll}px wide on a {inner}px screen"
    screenshot = tmp_path / "phone.png"
    _run(browser, tmp_path, "--window-size=390,844", "--hide-scrollbars", f"--screenshot={screenshot}", page.as_uri())
    assert screenshot.stat().st_size > 10_000
