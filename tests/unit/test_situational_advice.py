"""Advice that fits the situation the facts show (``advies_als``).

A rule's ``voorbeelden`` only assert the outcome, not which advice is given. Here every situation of every
bundled rule is run through the whole check (profile file -> engine -> finding) on one of the rule's own
examples, and the finding's advice must be that situation's text; on an example where the situation does
not hold, or is not known, it must be the rule's general advice.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from iza_check.assess.findings import Finding, Outcome
from iza_check.checker import Checker
from iza_check.resources import rules_dir
from iza_check.rules.loader import load_catalogue
from iza_check.rules.meaning import complete_fragment
from iza_check.rules.model import Catalogue, Rule

PEILDATUM = dt.date(2026, 11, 1)
GENERAL = None

# (rule, name of one of its voorbeelden, the situation whose advice it must get: its index in advies_als,
# or GENERAL for the rule's own advice). Every example here has a gap (deels or voldoet_niet): only a gap
# gets advice.
CASES: tuple[tuple[str, str, int | None], ...] = (
    # hosted by a ggz or welzijn organisation
    ("K1", "Herstelacademie binnen de ggz, de herstelgroep in de kliniek alleen met verwijzing", 0),
    ("K1", "Open inloop, maar de herstelgroep alleen met verwijzing van een behandelaar", GENERAL),
    ("K2", "Koffiehoek van een welzijnsorganisatie, alleen koffie en ontmoeting", 0),
    ("K2", "Alleen koffie en ontmoeting", GENERAL),
    ("K5", "Herstelacademie binnen de ggz, aanmelden via het dossiersysteem van de instelling", 0),
    ("K5", "Geen diagnoses, maar een dossier per bezoeker", GENERAL),
    ("K9", "Leidinggevende van de ggz boven een team dat een ervaringsdeskundige leidt", 0),
    ("K9", "Onderdeel van een welzijnsorganisatie, een sociaal werker leidt ook van dag tot dag", 0),
    ("K9", "Professional zonder ervaringsdeskundigheid aan het roer, ook van dag tot dag", GENERAL),
    ("K9", "Gedeelde leiding", GENERAL),
    ("K10", "Herstelacademie binnen de ggz, zonder partner aan de sociale kant", 0),
    ("K10", "Inloop van een welzijnsorganisatie, zonder partner aan de zorgkant", 1),
    ("K10", "Alleen gemeente en welzijn, alleen de sociale kant", GENERAL),
    ("K10", "Met niemand samenwerking", GENERAL),
    ("Q1", "Onderdeel van een ggz-instelling, er geldt geen klachtenregeling, ook niet die van de instelling", 0),
    ("Q1", "Geen klachtenregeling", GENERAL),
    ("Q2", "Onderdeel van een welzijnsorganisatie, er geldt geen privacyregeling, ook niet die van de organisatie", 0),
    ("Q2", "Geen privacyregeling", GENERAL),
    ("Q3", "Onderdeel van een ggz-instelling, geen vertrouwenspersoon voor het steunpunt", 0),
    ("Q3", "Geen vertrouwenspersoon", GENERAL),
    ("Q4", "Onderdeel van een ggz-instelling, volgens het profiel geldt er geen cao", 0),
    ("Q4", "Medewerkers in dienst, bewust geen cao", GENERAL),
    # volunteers only (no paid staff), and hosted
    ("Q5", "Alleen vrijwilligers, geen vrijwilligersbeleid", 0),
    ("Q5", "Onderdeel van een ggz-instelling, het beleid regelt continuïteit en kwaliteit niet", 1),
    ("Q5", "Geen vrijwilligersbeleid", GENERAL),
    ("Q7", "Alleen vrijwilligers, een van hen opgeleid, nog geen intervisie, coaching of achtervang", 0),
    ("Q7", "Onderdeel van een welzijnsorganisatie, achtervang maar niemand met eigen ervaring", 1),
    ("Q7", "Niemand opgeleid of ervaringsdeskundig, geen steun en geen plan", GENERAL),
    ("Q8", "Alleen vrijwilligers; zij praten mee, maar pas als een plan al vastligt", 0),
    ("Q8", "Herstelacademie binnen de ggz, het studentenpanel praat pas laat mee", 1),
    ("Q8", "Met medewerkers in dienst praten alleen de vrijwilligers mee", GENERAL),
    ("Q8", "Geen enkele vorm van medezeggenschap", GENERAL),
    ("Q9", "Alleen vrijwilligers, geen keurmerk, nog geen afspraken en geen opbouw", 0),
    ("Q9", "Onderdeel van een welzijnsorganisatie, geen keurmerk voor het steunpunt genoemd", 1),
    ("Q9", "Geen keurmerk, geen afspraken, geen opbouw", GENERAL),
    ("Q10", "Alleen vrijwilligers, nog geen RI&E", 0),
    ("Q10", "Onderdeel van een ggz-instelling, geen RI&E voor het steunpunt", 1),
    ("Q10", "Geen RI&E", GENERAL),
    ("B2", "Alleen vrijwilligers, maar bezoekers hebben geen rol", 0),
    ("B2", "Alleen inloop en bezoekers hebben geen rol", GENERAL),
    ("I4", "Alleen vrijwilligers; bezoekers worden vrijwilliger, betaald werk is er (nog) niet", 0),
    ("I4", "Geen rollen en geen doorstroom", GENERAL),
    # funding: volunteers only, hosted, no agreement, one source, lumpsum already there
    ("F1", "Twee vrijwilligers, een startsubsidie voor een jaar", 0),
    ("F1", "Koffiehoek van een welzijnsorganisatie, jaarlijkse opdracht van de gemeente", 1),
    ("F1", "Geen lopende afspraak, alleen giften", 2),
    ("F1", "Alleen de gemeente, voor een jaar", 3),
    ("F1", "Lumpsum van gemeente en zorgverzekeraar, voor twee jaar", 4),
    ("F1", "Alleen geld voor een jaar", GENERAL),
    ("F1", "Tweejarige afspraak", GENERAL),
    ("F2", "Twee vrijwilligers, nog geen enkele geldbron", 0),
    ("F2", "Onderdeel van een ggz-instelling, geen eigen geldbron genoemd", 1),
    ("F2", "Geen enkele financieringsbron", GENERAL),
)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue([rules_dir()])


@pytest.fixture(scope="module")
def checker(catalogue: Catalogue) -> Checker:
    return Checker((), PEILDATUM, catalogue=catalogue)


def _finding(checker: Checker, rule: Rule, example_name: str, folder: Path) -> tuple[Finding, Outcome]:
    """The rule's finding when the example's profile is checked as a file, and the outcome it expects."""
    (example,) = [e for e in rule.voorbeelden if e.naam == example_name]
    profile = complete_fragment(example.profiel, f"Voorbeeld {rule.id}: {example.naam}")
    path = folder / "profiel.yaml"
    path.write_text(yaml.safe_dump(profile, allow_unicode=True, sort_keys=False), encoding="utf-8")
    outcome = checker.check_file(path)
    assert outcome.report is not None, outcome.problems
    (finding,) = [f for f in outcome.report.findings if f.rule_id == rule.id]
    return finding, Outcome(example.verwacht)


@pytest.mark.parametrize(("rule_id", "example_name", "situation"), CASES, ids=[f"{r}-{n}" for r, n, _ in CASES])
def test_the_advice_is_the_one_for_the_situation(
    catalogue: Catalogue, checker: Checker, tmp_path: Path, rule_id: str, example_name: str, situation: int | None
) -> None:
    rule = catalogue.get(rule_id)
    finding, expected = _finding(checker, rule, example_name, tmp_path)
    assert finding.outcome is expected and expected in (Outcome.deels, Outcome.voldoet_niet)
    wanted = rule.advies if situation is GENERAL else rule.advies_als[situation].advies
    assert finding.advice is not None
    assert (finding.advice.nl, finding.advice.en) == (wanted.nl, wanted.en)


def test_every_situation_of_every_rule_is_shown_by_an_example(catalogue: Catalogue) -> None:
    covered = {(rule_id, situation) for rule_id, _, situation in CASES}
    wanted = {(rule.id, n) for rule in catalogue.rules for n in range(len(rule.advies_als))}
    wanted |= {(rule.id, GENERAL) for rule in catalogue.rules if rule.advies_als}
    assert wanted - covered == set()


def test_the_two_volunteer_starter_is_not_told_to_negotiate_a_lumpsum(
    catalogue: Catalogue, checker: Checker, tmp_path: Path
) -> None:
    f1, _ = _finding(checker, catalogue.get("F1"), "Twee vrijwilligers, een startsubsidie voor een jaar", tmp_path)
    assert f1.advice is not None and "lumpsum" not in f1.advice.nl and "lump sum" not in f1.advice.en
    assert "vrijwilligers" in f1.advice.nl
    general, _ = _finding(checker, catalogue.get("F1"), "Alleen geld voor een jaar", tmp_path)
    assert general.advice is not None and "lumpsum" in general.advice.nl


def test_an_unknown_situation_gets_the_general_advice(catalogue: Catalogue, checker: Checker, tmp_path: Path) -> None:
    """A situation counts only when the facts show it: not knowing the staff or the host is not a situation."""
    rule = catalogue.get("Q9")
    fragment = {"kwaliteit": {"keurmerk": {"naam": "geen", "kwaliteitsafspraken_financier": False, "opbouwtraject": False}},
                "initiatief": {"gastorganisatie": "Stichting X", "organisatievorm": "stichting"}}
    path = tmp_path / "onbekend.yaml"
    path.write_text(yaml.safe_dump(complete_fragment(fragment, "Onbekend"), allow_unicode=True), encoding="utf-8")
    outcome = checker.check_file(path)
    assert outcome.report is not None
    (finding,) = [f for f in outcome.report.findings if f.rule_id == "Q9"]
    assert finding.advice is not None and finding.advice.nl == rule.advies.nl


def test_situational_advice_is_plain_text_in_both_languages(catalogue: Catalogue) -> None:
    """No web addresses in a situation's text (the rule's link is shown beside it), and a real alternative."""
    for rule in catalogue.rules:
        for variant in rule.advies_als:
            for text in (variant.advies.nl, variant.advies.en):
                assert not re.search(r"https?://|www\.", text), (rule.id, text)
            assert variant.advies.nl != rule.advies.nl and variant.advies.en != rule.advies.en, rule.id


def test_regie_in_de_regio_is_credited_only_with_what_the_sources_say(catalogue: Catalogue) -> None:
    """002 §2: the programme supports initiatives with the intention or potential to grow towards the kenmerken."""
    for rule in catalogue.rules:
        for advice in (rule.advies, *(v.advies for v in rule.advies_als)):
            for sentence in re.split(r"(?<=[.;])\s+", advice.nl):
                if "Regie in de Regio" in sentence:
                    assert "ondersteunt initiatieven die naar de kenmerken toe willen groeien" in sentence, (rule.id, sentence)


def test_a_situation_with_a_link_of_its_own_shows_it(catalogue: Catalogue, tmp_path: Path) -> None:
    """A situation's advice replaces the general advice whole: its own link too; without one, the rule's stays."""
    rule = catalogue.get("Q1")
    own = "https://voorbeeld.nl/klachtenregeling-gastorganisatie"
    variant = rule.advies_als[0]
    with_link = rule.model_copy(
        update={"advies_als": (variant.model_copy(update={"advies": variant.advies.model_copy(update={"link": own})}),)}
    )
    hosted = "Onderdeel van een ggz-instelling, er geldt geen klachtenregeling, ook niet die van de instelling"
    for candidate, wanted in ((with_link, own), (rule, str(rule.advies.link))):
        checker = Checker((), PEILDATUM, catalogue=Catalogue((candidate,)))
        finding, _ = _finding(checker, candidate, hosted, tmp_path)
        assert finding.advice is not None and finding.advice.nl == variant.advies.nl
        assert finding.link == wanted
    general, _ = _finding(Checker((), PEILDATUM, catalogue=Catalogue((with_link,))), with_link, "Geen klachtenregeling", tmp_path)
    assert general.advice is not None and general.advice.nl == rule.advies.nl
    assert general.link == str(rule.advies.link)
