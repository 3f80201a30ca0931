"""GitHub workflow commands: levels, locations, and escaping that no profile text can break."""

from __future__ import annotations

from report_fixtures import CONTROL, empty_report, hostile_report, report_with_text, sample_report

from iza_check.report import github
from iza_check.report.github import escape_data, escape_property


def test_escaping_follows_githubs_rules() -> None:
    assert escape_data("100%\r\nklaar") == "100%25%0Aklaar"
    assert escape_data("a\rb") == "a%0Ab"
    assert escape_property("K2: a, b%") == "K2%3A a%2C b%25"


def test_levels_per_outcome_and_severity() -> None:
    lines = github.render(sample_report()).splitlines()
    by_rule = {line.split("title=")[1].split(" ")[0]: line.split(" ")[0] for line in lines}
    assert by_rule["K7"] == "::error" and by_rule["K2"] == "::error"
    assert by_rule["Q9"] == "::warning"
    assert by_rule["K4"] == "::notice" and by_rule["Q10"] == "::notice"
    assert by_rule["I4"] == "::notice"
    assert "K1" not in by_rule and "Q4" not in by_rule


def test_location_properties() -> None:
    lines = github.render(sample_report()).splitlines()
    k7 = next(line for line in lines if "title=K7" in line)
    assert k7.startswith("::error file=profiles/herstelcafe-de-kiem.yaml,line=31,col=5,title=K7 Aanbod van methodische")
    k4 = next(line for line in lines if "title=K4" in line)
    assert "line=" not in k4


def test_every_line_is_exactly_one_command() -> None:
    for report in (hostile_report(), report_with_text(f"x\n::error::y\r%0A, :{CONTROL}")):
        out = github.render(report)
        for line in out.splitlines():
            assert line.startswith(("::error ", "::warning ", "::notice "))
            head, _, message = line.partition("::")[2].partition("::")
            assert "\n" not in message and "\r" not in message
            props = head.split(" ", 1)[1]
            for prop in props.split(","):
                key, _, value = prop.partition("=")
                assert key in ("file", "line", "col", "title") and ":" not in value


def test_invalid_files_are_errors_with_forward_slashes() -> None:
    lines = github.render(hostile_report(), lang="en").splitlines()
    assert lines[-1].startswith("::error file=profiles/oud/te-groot.yaml,title=Invalid input::")
    assert "%0A::error::ingevoegd" in lines[-1]
    assert lines[-2].startswith("::error file=profiles/kapot bestand.yaml,line=7,col=5,title=Invalid input::")


def test_nothing_to_say() -> None:
    assert github.render(empty_report()) == ""
