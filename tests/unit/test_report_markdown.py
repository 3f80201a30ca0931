"""The markdown report: quoted text can neither format, link, inject HTML nor break a table."""

from __future__ import annotations

import re

from report_fixtures import empty_report, hostile_report, report_with_text, sample_report

from iza_check.report import markdown
from iza_check.report.markdown import md, md_block
from iza_check.report.stream import View

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def test_special_characters_are_escaped() -> None:
    assert md("a|b*c_d`e[f](g)#h<i>&j") == r"a\|b\*c\_d\`e\[f\]\(g\)\#h&lt;i&gt;&amp;j"
    assert md("@iedereen") == "@\u200biedereen"
    assert md("regel\neen") == "regel een"


def test_text_at_a_line_start_cannot_start_a_list() -> None:
    assert md_block("- punt") == r"\- punt"
    assert md_block("3. punt") == r"3\. punt"
    assert md_block("versie 0.1.0") == "versie 0.1.0"


def test_tables_keep_their_shape_with_hostile_text() -> None:
    out = markdown.render(hostile_report())
    for table in re.findall(r"(?:^\|.*\|\n)+", out, flags=re.M):
        widths = {len(_UNESCAPED_PIPE.findall(row)) for row in table.splitlines()}
        assert len(widths) == 1, table


def test_no_raw_html_except_line_breaks() -> None:
    out = markdown.render(report_with_text("<img src=x onerror=alert(1)> | @team [x](javascript:y)"))
    assert "<img" not in out and "](javascript:" not in out
    leftovers = re.sub(r"<br>", "", out)
    assert "<" not in leftovers


def test_content() -> None:
    out = markdown.render(sample_report())
    assert out.startswith("# Rapport IZA-check\n")
    assert "**Oordeel: Op de groeiroute: de kern is er, nog niet alle kenmerken**" in out
    assert "- **K7 Aanbod van methodische zelfhulp, zonder vaste trajecten** — ✘ voldoet niet (verplicht, verklaard)" in out
    assert "  - Waarom: vertrouwenspersoon: nee" in out
    assert "⚠ **streefdatum verstreken**" in out
    assert out.index("### Eerst: wat het oordeel verandert") < out.index("### Daarna") < out.index("### Wat gaat goed")
    assert "### Bijlage" not in out and "kwaliteit.vertrouwenspersoon" not in out
    appendix = markdown.render(sample_report(), view=View(appendix=True))
    assert "| **K7** | Aanbod van methodische zelfhulp, zonder vaste trajecten | ✘ voldoet niet |" in appendix
    assert "### Bijlage: alle criteria met hun feiten" in appendix and "(regel 14, kolom 3)" in appendix


def test_english_and_problems() -> None:
    out = markdown.render(hostile_report(), lang="en", view=View(appendix=True))
    assert "## Files that could not be assessed" in out
    assert "profiles/kapot bestand.yaml:7:5" in out
    assert "Regel 2 \ufffd" in out


def test_empty_report() -> None:
    assert "Er zijn geen profielen beoordeeld." in markdown.render(empty_report())
