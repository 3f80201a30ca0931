"""JUnit XML: parses, one case per profile × rule, the outcome mapping, and safe text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from report_fixtures import CONTROL, SCRIPT, empty_report, hostile_report, report_with_text, sample_report

from iza_check.report import junit


def _cases(xml: str) -> dict[str, ET.Element]:
    root = ET.fromstring(xml.encode("utf-8"))
    return {case.get("name", "").split(" ")[0]: case for case in root.iter("testcase")}


def test_one_case_per_rule_with_profile_as_classname() -> None:
    report = sample_report()
    root = ET.fromstring(junit.render(report).encode("utf-8"))
    cases = list(root.iter("testcase"))
    assert len(cases) == len(report.profiles[0].findings)
    assert {c.get("classname") for c in cases} == {"profiles/herstelcafe-de-kiem.yaml"}
    assert cases[0].get("name") == "K1 Laagdrempelig toegankelijk voor iedereen"


def test_outcome_mapping() -> None:
    cases = _cases(junit.render(sample_report()))
    assert cases["K7"].find("failure") is not None  # verplicht gap
    assert cases["K2"].find("failure") is not None  # deels at verplicht is a gap too
    q9 = cases["Q9"]  # aanbevolen gap: passes, shown in system-out
    assert q9.find("failure") is None and q9.find("skipped") is None
    assert "Keurmerk of kwaliteitsafspraken: voldoet niet." in (q9.findtext("system-out") or "")
    k4 = cases["K4"].find("skipped")
    assert k4 is not None and "werkwijze.wensen_ophalen, werkwijze.aanbod_vanuit_behoefte" in (k4.get("message") or "")
    q4 = cases["Q4"].find("skipped")
    assert q4 is not None and "geen eigen medewerkers" in (q4.get("message") or "")
    k1 = cases["K1"]
    assert list(k1) == []


def test_counts_add_up() -> None:
    root = ET.fromstring(junit.render(hostile_report()).encode("utf-8"))
    suites = root.findall("testsuite")
    assert len(suites) == 3  # two profiles and the broken files
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "-1")) == len(cases)
        assert int(suite.get("failures", "-1")) == sum(c.find("failure") is not None for c in cases)
        assert int(suite.get("skipped", "-1")) == sum(c.find("skipped") is not None for c in cases)
        assert int(suite.get("errors", "-1")) == sum(c.find("error") is not None for c in cases)
    assert int(root.get("tests", "-1")) == sum(int(s.get("tests", "0")) for s in suites)
    assert int(root.get("errors", "-1")) == 2


def test_invalid_files_are_errors() -> None:
    root = ET.fromstring(junit.render(hostile_report(), lang="en").encode("utf-8"))
    errors = [case for case in root.iter("testcase") if case.find("error") is not None]
    assert [case.get("classname") for case in errors] == ["profiles/kapot bestand.yaml", "profiles\\oud\\te-groot.yaml"]
    assert "profiles/kapot bestand.yaml:7:5:" in (errors[0].findtext("error") or "")


def test_hostile_text_survives_as_text() -> None:
    xml = junit.render(report_with_text(f"{SCRIPT}{CONTROL}]]>&\ud800"))
    root = ET.fromstring(xml.encode("utf-8"))
    names = [case.get("classname") for case in root.iter("testcase")]
    assert any(SCRIPT in (name or "") for name in names)
    assert not any(ord(ch) < 0x20 and ch not in "\n" for ch in xml)


def test_empty_report_parses() -> None:
    root = ET.fromstring(junit.render(empty_report()).encode("utf-8"))
    assert root.get("tests") == "0"
