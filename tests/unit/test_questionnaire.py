"""The self-assessment questionnaire (engine and catalogue) and the profile writer, without a terminal."""

from __future__ import annotations

import datetime as dt
import os
import re
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from test_rule_kit import catalogue, rule_data

from iza_check.profile import model as pm
from iza_check.profile.loader import load_profile
from iza_check.profile.writer import (
    ProfileExistsError,
    quote,
    render_profile,
    schema_ref_for,
    write_profile,
)
from iza_check.questionnaire.questions import criteria_of
from iza_check.questionnaire.session import (
    CATALOGUE,
    LABELS,
    ItemGroup,
    PlanOffer,
    Question,
    Questionnaire,
    QuestionnaireAborted,
    Stats,
    Text,
    enum_of,
    field_info,
    human_date,
    iter_questions,
    parse_date,
)

TODAY = dt.date(2025, 1, 15)
REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "profiles").glob("*.yaml"))


class Script:
    """Answers keyed by the field being asked; Enter for everything else. Records what was asked."""

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.queues = {key: list(values) for key, values in answers.items()}
        self.asked: list[str] = []
        self.questionnaire: Questionnaire | None = None

    def __call__(self, prompt: str) -> str:
        assert prompt == "> "
        assert self.questionnaire is not None
        key = self.questionnaire.current
        self.asked.append(key)
        queue = self.queues.get(key)
        return queue.pop(0) if queue else ""

    def leftovers(self) -> dict[str, list[str]]:
        return {key: queue for key, queue in self.queues.items() if queue}


def run(answers: dict[str, list[str]], *, lang: str = "nl", existing: pm.Profile | None = None,
        name: str = "Herstelplek De Kiem") -> tuple[pm.Profile, str, Script]:
    answers = {"initiatief.naam": [name], **answers} if existing is None and name else answers
    script = Script(answers)
    lines: list[str] = []
    questionnaire = Questionnaire(script, lines.append, lang, existing, TODAY)  # type: ignore[arg-type]
    script.questionnaire = questionnaire
    profile = questionnaire.run()
    assert script.leftovers() == {}, "scripted answers that were never asked for"
    return profile, "\n".join(lines), script


def facts(profile: pm.Profile) -> dict[str, Any]:
    return profile.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


# ------------------------------------------------------------------------------------------- basics

def test_only_the_name_gives_a_profile_with_only_the_name() -> None:
    profile, output, _ = run({})
    assert facts(profile) == {"initiatief": {"naam": "Herstelplek De Kiem"}}
    assert "Deel 9 van 9" in output
    assert "Klaar." in output


def test_every_question_explains_why_it_matters() -> None:
    _, output, script = run({})
    numbered = re.findall(r"^\d+\. ", output, flags=re.MULTILINE)
    assert len(numbered) == len(script.asked)
    assert output.count("   Waarom: ") == len(script.asked)


def test_the_name_is_required_and_bounded() -> None:
    profile, output, _ = run({"initiatief.naam": ["", "?", "x" * 201, "  De Brug  "]}, name="")
    assert profile.initiatief.naam == "De Brug"
    assert output.count("Dit antwoord is nodig") == 2
    assert "hooguit 200 tekens (nu 201)" in output


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("ja", True), ("J", True), ("yes", True), (" Ja. ", True), ("n", False), ("Nee", False), ("no", False)],
)
def test_yes_no_words(answer: str, expected: bool) -> None:
    profile, _, _ = run({"toegang.inloop_zonder_afspraak": [answer]})
    assert profile.toegang is not None
    assert profile.toegang.inloop_zonder_afspraak is expected


def test_a_yes_no_question_reasks_until_it_understands() -> None:
    profile, output, _ = run({"werkwijze.intervisie": ["misschien", "1", "ja"]})
    assert profile.werkwijze is not None and profile.werkwijze.intervisie is True
    assert output.count("Dat begrijp ik niet. Typ ja of nee, of ? als u het niet weet, of g als het gepland is.") == 2


@pytest.mark.parametrize("answer", ["?", "weet ik niet", "Weet ik niet.", "onbekend", "weet niet"])
def test_weet_ik_niet_leaves_the_field_out(answer: str) -> None:
    profile, _, _ = run({"toegang.indicatie_nodig": [answer], "toegang.naasten_welkom": ["ja"]})
    assert facts(profile)["toegang"] == {"naasten_welkom": True}


# ------------------------------------------------------------------------------------------- plans

def test_planned_records_not_yet_and_a_plan_with_a_real_target_date() -> None:
    profile, output, _ = run({
        "kwaliteit.klachtenprocedure.aanwezig": ["g"],
        "kwaliteit.klachtenprocedure.aanwezig.stap": ["De klachtenregeling van De Brug aanpassen en vaststellen"],
        "kwaliteit.klachtenprocedure.aanwezig.streefdatum": ["volgend jaar", "2025-02-30", "2024-12-01",
                                                            "2040-01-01", "15-6-2025"],
    })
    kwaliteit = facts(profile)["kwaliteit"]
    assert kwaliteit["klachtenprocedure"] == {"aanwezig": False}
    assert kwaliteit["in_ontwikkeling"] == [{
        "betreft": ["Q1"], "stap": "De klachtenregeling van De Brug aanpassen en vaststellen",
        "streefdatum": "2025-06-15",
    }]
    assert "Dat kan ik niet als datum lezen" in output
    assert "Die datum bestaat niet" in output
    assert "Een streefdatum ligt in de toekomst (vandaag is het 15 januari 2025)" in output
    assert "Kies een streefdatum binnen tien jaar" in output
    assert "Begrepen als 15 juni 2025." in output


def test_planned_on_a_question_where_no_is_good_records_the_current_yes() -> None:
    profile, _, _ = run({
        "toegang.indicatie_nodig": ["gepland"],
        "toegang.indicatie_nodig.stap": ["Afspraak met de gemeente: inloop zonder indicatie"],
        "toegang.indicatie_nodig.streefdatum": [""],
    })
    toegang = facts(profile)["toegang"]
    assert toegang["indicatie_nodig"] is True
    assert toegang["in_ontwikkeling"] == [
        {"betreft": ["K1"], "stap": "Afspraak met de gemeente: inloop zonder indicatie", "streefdatum": "2025-07-01"}
    ]


def test_planned_on_a_choice_adds_a_plan_and_no_fact() -> None:
    profile, _, _ = run({
        "team.coordinatie": ["g"],
        "team.coordinatie.stap": ["Een ervaringsdeskundige wordt coördinator"],
        "team.coordinatie.streefdatum": ["2025-09-01"],
    })
    assert facts(profile)["team"] == {"in_ontwikkeling": [
        {"betreft": ["K9", "Q7"], "stap": "Een ervaringsdeskundige wordt coördinator", "streefdatum": "2025-09-01"}
    ]}


def test_planned_is_refused_where_no_criterion_is_served() -> None:
    profile, output, _ = run({"financiering.lumpsum": ["g", "nee"], "bereik.bezoekers_per_jaar": ["gepland", "80"]})
    assert output.count("Bij deze vraag kan 'gepland' niet") == 2
    assert facts(profile)["financiering"] == {"lumpsum": False}
    assert facts(profile)["bereik"] == {"bezoekers_per_jaar": 80}


def test_the_plan_step_is_checked_like_any_text() -> None:
    profile, output, _ = run({
        "werkwijze.intervisie": ["g"],
        "werkwijze.intervisie.stap": ["x" * 5001, "Maandelijkse intervisie met de regio"],
        "werkwijze.intervisie.streefdatum": ["2025-03-01"],
    })
    assert "hooguit 5000 tekens" in output
    assert profile.werkwijze is not None
    assert profile.werkwijze.in_ontwikkeling[0].stap == "Maandelijkse intervisie met de regio"


def test_a_plan_needs_the_initiatives_own_words_enter_is_no_plan() -> None:
    profile, output, script = run({
        "werkwijze.intervisie": ["g", "nee"],
        "werkwijze.intervisie.stap": [""],
    })
    # The example is shown as an example; Enter is "geen plan", never the example taken over.
    assert 'Een voorbeeld van hoe dat kan klinken: "Regelmatig intervisie organiseren"' in output
    assert "[Enter = geen plan]" in output
    assert "[Enter = Regelmatig intervisie organiseren]" not in output
    assert "Er is geen plan opgeschreven." in output
    assert script.asked.count("werkwijze.intervisie") == 2  # then the question itself once more
    assert facts(profile)["werkwijze"] == {"intervisie": False}
    assert "Regelmatig intervisie organiseren" not in str(facts(profile))


def test_a_plan_step_of_only_ja_or_g_is_not_taken_as_words() -> None:
    profile, output, _ = run({
        "werkwijze.intervisie": ["g"],
        "werkwijze.intervisie.stap": ["ja", "g", "Elke maand intervisie met De Brug"],
        "werkwijze.intervisie.streefdatum": [""],
    })
    assert output.count("Schrijf de stap in uw eigen woorden") == 2
    assert profile.werkwijze is not None
    assert [plan.stap for plan in profile.werkwijze.in_ontwikkeling] == ["Elke maand intervisie met De Brug"]


def test_no_step_for_a_planned_list_asks_the_list_question_again() -> None:
    profile, _, script = run({
        "samenwerking.partners": ["g", "nee"],
        "samenwerking.partners.stap": [""],
    })
    assert script.asked.count("samenwerking.partners") == 2
    assert facts(profile)["samenwerking"] == {"partners": []}


# ----------------------------------------------------------------------------------- question types

def test_choice_by_number_reasks_out_of_range() -> None:
    profile, output, script = run({"initiatief.organisatievorm": ["0", "8", "een club", "2"]})
    assert profile.initiatief.organisatievorm == "vereniging"
    assert output.count("Typ een nummer van 1 tot en met 7.") == 3
    assert "initiatief.gastorganisatie" not in script.asked


def test_choice_by_its_words_and_a_follow_up_question() -> None:
    profile, _, script = run({
        "initiatief.organisatievorm": ["onderdeel van een ggz-instelling"],
        "initiatief.gastorganisatie": ["GGZ Oost"],
    })
    assert profile.initiatief.organisatievorm == "onderdeel_ggz_instelling"
    assert profile.initiatief.gastorganisatie == "GGZ Oost"
    assert "initiatief.gastorganisatie" in script.asked


def test_multiple_choice() -> None:
    profile, output, _ = run({
        "initiatief.door_en_voor": ["1,x", "9", "4, 2,2"],
        "werkwijze.bezoekersrollen": ["geen"],
        "werkwijze.wensen_ophalen": ["5 1"],
    })
    assert profile.initiatief.door_en_voor == ["epa", "naasten"]
    assert profile.werkwijze is not None
    assert profile.werkwijze.bezoekersrollen == []
    assert profile.werkwijze.wensen_ophalen == ["bezoekersoverleg", "evaluatie_na_activiteit"]
    assert "'x' is geen nummer uit de lijst" in output
    assert "'9' is geen nummer uit de lijst" in output


def test_integers_are_bounded_by_the_model() -> None:
    profile, output, _ = run({
        "toegang.dagdelen_open_per_week": ["22", "-1", "twee", "5"],
        "initiatief.opgericht": ["2026", "1899", "2019"],
        "financiering.omzet_euro": ["€ 250.000"],
    })
    assert profile.toegang is not None and profile.toegang.dagdelen_open_per_week == 5
    assert profile.initiatief.opgericht == 2019
    assert profile.financiering is not None and profile.financiering.omzet_euro == 250_000
    assert "Het getal mag niet groter zijn dan 21." in output
    assert "Het getal moet 0 of meer zijn." in output
    assert "Typ een heel getal, zonder letters" in output
    assert "Het getal mag niet groter zijn dan 2025." in output
    assert "Het getal moet 1900 of meer zijn." in output


def test_staff_with_lived_experience_cannot_outnumber_the_staff() -> None:
    profile, output, _ = run({
        "team.betaalde_medewerkers": ["3"],
        "team.betaalde_medewerkers_ervaringsdeskundig": ["4", "2"],
        "team.fte": ["2,5"],
        "kwaliteit.cao": ["Sociaal Werk"],
    })
    assert "meer dan het aantal betaalde medewerkers (3)" in output
    assert facts(profile)["team"] == {"betaalde_medewerkers": 3, "betaalde_medewerkers_ervaringsdeskundig": 2,
                                      "fte": 2.5}
    assert facts(profile)["kwaliteit"] == {"cao": "Sociaal Werk"}


def test_no_paid_staff_skips_the_staff_questions() -> None:
    profile, _, script = run({"team.betaalde_medewerkers": ["0"]})
    assert "team.betaalde_medewerkers_ervaringsdeskundig" not in script.asked
    assert "kwaliteit.cao" not in script.asked
    assert facts(profile)["team"] == {"betaalde_medewerkers": 0}


@pytest.mark.parametrize("answer", ["geen", "Geen cao", "n.v.t.", "niet van toepassing", "none"])
def test_cao_geen_sets_the_flag(answer: str) -> None:
    profile, _, _ = run({"kwaliteit.cao": [answer]})
    assert facts(profile)["kwaliteit"] == {"geen_cao": True}


def test_a_cao_name_is_kept_as_written() -> None:
    profile, _, _ = run({"kwaliteit.cao": ["Cao Sociaal Werk"]})
    assert facts(profile)["kwaliteit"] == {"cao": "Cao Sociaal Werk"}


def test_decimal_numbers() -> None:
    profile, output, _ = run({"financiering.reservemarge_procent": ["101", "1,5%"], "team.fte": ["1.000,5", "0.8"]})
    assert profile.financiering is not None and profile.financiering.reservemarge_procent == 1.5
    assert profile.team is not None and profile.team.fte == 0.8
    assert "Het getal mag niet groter zijn dan 100." in output
    assert "Typ een getal, bijv. 2,5." in output


def test_dates_of_facts_are_real_and_not_in_the_future() -> None:
    profile, output, script = run({
        "kwaliteit.klachtenprocedure.aanwezig": ["ja"],
        "kwaliteit.klachtenprocedure.vastgesteld_op": ["vorig voorjaar", "2024-13-01", "2025-01-16", "1899-12-31",
                                                      "15-03-2024"],
    })
    assert "kwaliteit.privacyregeling.vastgesteld_op" not in script.asked
    assert facts(profile)["kwaliteit"] == {"klachtenprocedure": {"aanwezig": True, "vastgesteld_op": "2024-03-15"}}
    for message in ("Dat kan ik niet als datum lezen", "Die datum bestaat niet", "Die datum ligt in de toekomst",
                    "Die datum ligt voor 1900", "Begrepen als 15 maart 2024."):
        assert message in output


@pytest.mark.parametrize("typed", ["2027-03-01", "01-03-2027", "1-3-2027", "1/3/2027", "1.3.2027", "1 maart 2027",
                                   "1 Maart 2027", "1 mrt 2027", "1 mrt. 2027", "1e maart 2027", "1 march 2027",
                                   "March 1, 2027", " 1-3-2027 "])
def test_a_date_is_understood_as_dutch_people_write_it(typed: str) -> None:
    assert parse_date(typed) == dt.date(2027, 3, 1)
    assert human_date(parse_date(typed), "nl") == "1 maart 2027"
    assert human_date(parse_date(typed), "en") == "1 March 2027"


@pytest.mark.parametrize(("typed", "message"), [
    ("1-3-27", "Schrijf het jaar voluit"),             # 1927 or 2027?
    ("1 maart", "Schrijf het jaar voluit"),
    ("1-3", "Schrijf het jaar voluit"),
    ("31-2-2027", "Die datum bestaat niet"),
    ("2027-02-29", "Die datum bestaat niet"),
    ("13-13-2027", "Die datum bestaat niet"),
    ("1 maar 2027", "Dat kan ik niet als datum lezen"),
    ("2027-3", "Dat kan ik niet als datum lezen"),
    ("1-3/2027", "Dat kan ik niet als datum lezen"),
    ("morgen", "Dat kan ik niet als datum lezen"),
])
def test_an_ambiguous_or_impossible_date_is_refused_plainly(typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date(typed)


def test_in_english_a_date_that_reads_both_ways_is_refused() -> None:
    with pytest.raises(ValueError, match="can mean two things: 4 March 2027 or 3 April 2027"):
        parse_date("4/3/2027", "en")
    assert parse_date("4/3/2027", "nl") == dt.date(2027, 3, 4)    # Dutch: day before month
    assert parse_date("25/3/2027", "en") == dt.date(2027, 3, 25)  # only one reading
    assert parse_date("3 April 2027", "en") == dt.date(2027, 4, 3)


def test_a_typed_date_is_echoed_and_refused_dates_are_asked_again() -> None:
    profile, output, script = run({
        "kwaliteit.rie.uitgevoerd": ["ja"],
        "kwaliteit.rie.datum": ["1-3-24", "31-2-2024", "1 maart 2024"],
    })
    assert facts(profile)["kwaliteit"]["rie"] == {"uitgevoerd": True, "datum": "2024-03-01"}
    assert script.asked.count("kwaliteit.rie.datum") == 3
    assert "Schrijf het jaar voluit, met vier cijfers" in output
    assert "Die datum bestaat niet" in output
    assert output.count("Begrepen als 1 maart 2024.") == 1
    assert "typ de datum, bijv. 15-3-2024 of 15 maart 2024" in output


def test_web_address() -> None:
    profile, output, _ = run({"initiatief.website": ["geen idee", "http://", "www.dekiem.example"]})
    assert str(profile.initiatief.website) == "https://www.dekiem.example/"
    assert output.count("Dat is geen geldig webadres") == 2


def test_text_refuses_control_characters() -> None:
    profile, output, _ = run({"initiatief.gemeente": ["Hen\x07gelo", "Hengelo"]})
    assert profile.initiatief.gemeente == "Hengelo"
    assert "tekens die niet kunnen" in output


def test_toelichting_per_area() -> None:
    profile, _, _ = run({"toegang.toelichting": ["Koffie is gratis; soep ook."]})
    assert facts(profile)["toegang"] == {"toelichting": "Koffie is gratis; soep ook."}


# ------------------------------------------------------------------------------------ repeated items

def test_activities_one_by_one() -> None:
    profile, _, script = run({
        "aanbod": ["ja"],
        "aanbod.naam": ["Herstellen doe je zelf", "Inloop"],
        "aanbod.soort": ["11", "inloop"],
        "aanbod.methode": ["1"],
        "aanbod.door_en_voor": ["ja", "ja"],
        "aanbod.per_jaar": ["4", ""],
        "aanbod.nog_een": ["misschien", "ja", "nee"],
    })
    assert facts(profile)["aanbod"] == [
        {"naam": "Herstellen doe je zelf", "soort": "herstelcursus", "methode": "herstellen_doe_je_zelf",
         "door_en_voor": True, "per_jaar": 4},
        {"naam": "Inloop", "soort": "inloop", "door_en_voor": True},
    ]
    assert script.asked.count("aanbod.methode") == 1
    assert "aanbod.herstelaanbod_gepland" not in script.asked


def test_no_recovery_activity_offers_to_plan_one() -> None:
    profile, _, _ = run({
        "aanbod": ["ja"],
        "aanbod.naam": ["Koffie-inloop"],
        "aanbod.soort": ["1"],
        "aanbod.herstelaanbod_gepland": ["ja"],
        "aanbod.herstelaanbod_gepland.stap": ["Met de buurvrouw van de bieb een WRAP-groep beginnen"],
        "aanbod.herstelaanbod_gepland.streefdatum": ["1 oktober 2025"],
    })
    data = facts(profile)
    assert data["aanbod"] == [{"naam": "Koffie-inloop", "soort": "inloop"}]
    assert data["initiatief"]["in_ontwikkeling"] == [{
        "betreft": ["K2", "K7", "B3"],
        "stap": "Met de buurvrouw van de bieb een WRAP-groep beginnen",
        "streefdatum": "2025-10-01",
    }]


def test_a_plan_offer_with_an_empty_step_records_no_plan() -> None:
    profile, output, _ = run({
        "aanbod": ["ja"],
        "aanbod.naam": ["Koffie-inloop"],
        "aanbod.soort": ["1"],
        "aanbod.herstelaanbod_gepland": ["ja"],
        "aanbod.herstelaanbod_gepland.stap": [""],
    })
    assert "in_ontwikkeling" not in facts(profile)["initiatief"]
    assert "Er is geen plan opgeschreven." in output


def test_no_activities_is_an_empty_list() -> None:
    profile, _, _ = run({"aanbod": ["nee"], "aanbod.herstelaanbod_gepland": ["nee"]})
    assert profile.aanbod == []


def test_evidence_is_asked_for_the_regulations_and_the_recovery_offer() -> None:
    profile, output, script = run({
        "aanbod": ["ja"],
        "aanbod.naam": ["WRAP", "Inloop"],
        "aanbod.soort": ["11", "inloop"],
        "aanbod.bewijs": ["www.voorbeeld.nl/cursussen"],
        "aanbod.nog_een": ["ja", "nee"],
        "kwaliteit.klachtenprocedure.aanwezig": ["ja"],
        "kwaliteit.klachtenprocedure.bewijs": ["https://", "Klachtenregeling 2024"],
        "kwaliteit.privacyregeling.aanwezig": ["ja"],
        "kwaliteit.privacyregeling.bewijs": ["https://voorbeeld.nl/privacy"],
        "kwaliteit.vertrouwenspersoon.aanwezig": ["nee"],
    })
    assert script.asked.count("aanbod.bewijs") == 1  # only for the recovery activity, not for the inloop
    assert "kwaliteit.vertrouwenspersoon.bewijs" not in script.asked  # no regulation, no evidence to ask for
    data = facts(profile)
    assert data["aanbod"][0]["bewijs"] == [{"url": "https://www.voorbeeld.nl/cursussen"}]
    assert "bewijs" not in data["aanbod"][1]
    quality = data["kwaliteit"]
    assert quality["klachtenprocedure"]["bewijs"] == [{"document": "Klachtenregeling 2024"}]
    assert "Dat is geen geldig webadres" in output  # a broken address is asked again
    assert quality["privacyregeling"]["bewijs"] == [{"url": "https://voorbeeld.nl/privacy"}]
    assert "Typ het webadres of de naam van het document" in output


def test_evidence_already_in_the_profile_is_kept_and_added_to() -> None:
    existing = pm.Profile.model_validate({
        "initiatief": {"naam": "De Kiem"},
        "kwaliteit": {"klachtenprocedure": {"aanwezig": True, "bewijs": [{"document": "Regeling 2020"}]},
                      "privacyregeling": {"aanwezig": True, "bewijs": [{"document": "Verklaring"}]}},
    })
    profile, _, _ = run({"kwaliteit.klachtenprocedure.bewijs": ["Regeling 2024"]}, existing=existing)
    assert profile.kwaliteit is not None and profile.kwaliteit.klachtenprocedure is not None
    assert [b.document for b in profile.kwaliteit.klachtenprocedure.bewijs] == ["Regeling 2020", "Regeling 2024"]
    assert profile.kwaliteit.privacyregeling is not None
    assert [b.document for b in profile.kwaliteit.privacyregeling.bewijs] == ["Verklaring"]  # Enter keeps it


def test_partners_planned_means_none_yet_and_a_plan() -> None:
    profile, _, _ = run({
        "samenwerking.partners": ["g"],
        "samenwerking.partners.stap": ["Op de koffie bij het wijkteam en de praktijkondersteuner"],
        "samenwerking.partners.streefdatum": ["1-4-2025"],
    })
    assert facts(profile)["samenwerking"] == {"partners": [], "in_ontwikkeling": [{
        "betreft": ["K10"], "stap": "Op de koffie bij het wijkteam en de praktijkondersteuner",
        "streefdatum": "2025-04-01"}]}


def test_partners() -> None:
    profile, _, _ = run({
        "samenwerking.partners": ["j"],
        "samenwerking.partners.naam": ["Gemeente Hengelo", "Huisartsenpraktijk Zuid"],
        "samenwerking.partners.categorie": ["1", "3"],
        "samenwerking.partners.afspraken_vastgelegd": ["ja", "?"],
        "samenwerking.partners.nog_een": ["ja", ""],
    })
    assert facts(profile)["samenwerking"]["partners"] == [
        {"naam": "Gemeente Hengelo", "categorie": "sociaal_domein", "afspraken_vastgelegd": True},
        {"naam": "Huisartsenpraktijk Zuid", "categorie": "huisartsen"},
    ]


# --------------------------------------------------------------------------------------- update mode

@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_update_with_only_enter_keeps_everything(example: Path) -> None:
    original = load_profile(example).profile
    updated, output, _ = run({}, existing=original)
    assert updated == original
    assert "U werkt een bestaand profiel bij" in output


def test_update_changes_only_what_is_answered() -> None:
    original = load_profile(REPO / "profiles" / "starter-vrijwilligers.yaml").profile
    assert original.aanbod is not None and len(original.aanbod) == 3
    updated, output, _ = run({
        "aanbod.houden": ["", "nee", ""],
        "aanbod.naam": ["", "Inloop op dinsdag"],
        "toegang.dagdelen_open_per_week": ["4"],
        "werkwijze.in_ontwikkeling.gerealiseerd": ["ja"],
        "team.toelichting": ["-"],
    }, existing=original)
    assert updated.aanbod is not None
    assert [a.naam for a in updated.aanbod] == [original.aanbod[0].naam, "Inloop op dinsdag"]
    assert updated.toegang is not None and updated.toegang.dagdelen_open_per_week == 4
    assert updated.werkwijze is not None and original.werkwijze is not None
    assert updated.werkwijze.in_ontwikkeling[0].gerealiseerd is True
    assert updated.werkwijze.in_ontwikkeling[1:] == original.werkwijze.in_ontwikkeling[1:]
    assert updated.team is not None and updated.team.toelichting is None
    assert updated.kwaliteit == original.kwaliteit
    assert "[Enter = 2]" in output  # the current number of opening part-days is the suggestion


def test_update_shows_current_values_as_suggestions() -> None:
    original = load_profile(REPO / "profiles" / "starter-vrijwilligers.yaml").profile
    _, output, _ = run({}, existing=original)
    assert "[Enter = nee]" in output
    assert "[Enter = 1. stichting]" in output
    assert "[Enter = Herstelplek De Kiem]" in output


# ---------------------------------------------------------------------------------- stopping, language

@pytest.mark.parametrize("stop", [EOFError, KeyboardInterrupt])
def test_stopping_raises_aborted(stop: type[BaseException]) -> None:
    answers = iter(["De Kiem", "Hengelo"])

    def ask(prompt: str) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise stop from None

    with pytest.raises(QuestionnaireAborted):
        Questionnaire(ask, lambda line: None, "nl", None, TODAY).run()


def test_english() -> None:
    profile, output, _ = run({"toegang.verwijzing_nodig": ["perhaps", "no"]}, lang="en")
    assert "Is a referral needed, e.g. from a GP?" in output
    assert "I don't understand. Type yes or no" in output
    assert "Part 2 of 9" in output
    assert "Waarom" not in output
    assert profile.toegang is not None and profile.toegang.verwijzing_nodig is False


# --------------------------------------------------------------------- Ctrl-C, saving progress, resuming

class Keys:
    """Keys pressed in order, whatever is asked: a text is typed, an exception class is that key (Ctrl-C,
    Ctrl-D). When they run out: Enter, or ``end`` when given."""

    def __init__(self, keys: list[Any], end: type[BaseException] | None = None) -> None:
        self.keys = list(keys)
        self.end = end

    def __call__(self, prompt: str) -> str:
        if not self.keys:
            if self.end is not None:
                raise self.end
            return ""
        key = self.keys.pop(0)
        if isinstance(key, type) and issubclass(key, BaseException):
            raise key
        return str(key)


def ask_with(keys: Keys, *, checkpoint: Any = None, existing: pm.Profile | None = None, lang: str = "nl",
             **scope: Any) -> tuple[Questionnaire, list[str]]:
    lines: list[str] = []
    questionnaire = Questionnaire(keys, lines.append, lang, existing, TODAY,  # type: ignore[arg-type]
                                  checkpoint=checkpoint, **scope)
    return questionnaire, lines


def test_ctrl_c_asks_before_stopping_and_no_goes_on_with_the_same_question() -> None:
    questionnaire, lines = ask_with(Keys(["De Kiem", KeyboardInterrupt, "n", "Hengelo"]),
                                    checkpoint=lambda q: "kiem.yaml.concept")
    profile = questionnaire.run()
    assert profile.initiatief.gemeente == "Hengelo"
    output = "\n".join(lines)
    stop = output.index("Stoppen? Uw antwoorden tot nu toe zijn bewaard in kiem.yaml.concept. [j/N]")
    after = output[stop:]
    assert after.index("Dan gaan we verder.") < after.index("2. In welke gemeente is de (hoofd)locatie?")
    assert output.count("2. In welke gemeente") == 2  # shown again after the answer "n"


@pytest.mark.parametrize("second", ["j", "ja", KeyboardInterrupt, EOFError])
def test_ctrl_c_then_yes_or_a_second_stop_ends_with_the_answers_saved(second: Any) -> None:
    saved: list[list[str]] = []

    def checkpoint(q: Questionnaire) -> str:
        saved.append(list(q.log))
        return "kiem.yaml.concept"

    questionnaire, _ = ask_with(Keys(["De Kiem", "Hengelo", KeyboardInterrupt, second]), checkpoint=checkpoint)
    with pytest.raises(QuestionnaireAborted) as stopped:
        questionnaire.run()
    assert stopped.value.interrupted is True
    assert saved[-1] == ["De Kiem", "Hengelo"]
    assert questionnaire.data["initiatief"] == {"naam": "De Kiem", "gemeente": "Hengelo"}


def test_end_of_input_stops_without_asking() -> None:
    questionnaire, lines = ask_with(Keys(["De Kiem"], end=EOFError), checkpoint=lambda q: "x.concept")
    with pytest.raises(QuestionnaireAborted) as stopped:
        questionnaire.run()
    assert stopped.value.interrupted is False
    assert not any(line.startswith("Stoppen?") for line in lines)


def test_ctrl_c_before_any_answer_says_nothing_is_lost() -> None:
    questionnaire, lines = ask_with(Keys([KeyboardInterrupt, "j"]), checkpoint=lambda q: "x.concept")
    with pytest.raises(QuestionnaireAborted):
        questionnaire.run()
    assert "Stoppen? Er is nog niets ingevuld. [j/N]" in lines


def test_ctrl_c_when_the_answers_could_not_be_saved_says_so() -> None:
    questionnaire, lines = ask_with(Keys(["De Kiem", KeyboardInterrupt, "j"]), checkpoint=lambda q: None)
    with pytest.raises(QuestionnaireAborted):
        questionnaire.run()
    assert "Stoppen? Let op: uw antwoorden konden niet worden bewaard. [j/N]" in lines


def test_progress_is_saved_after_every_answer_before_the_next_question() -> None:
    saved: list[tuple[int, str]] = []

    def checkpoint(q: Questionnaire) -> str:
        saved.append((len(q.log), q.current))
        return "x.concept"

    keys = Keys(["De Kiem", "Hengelo", "?", "x", "1"], end=EOFError)
    questionnaire, _ = ask_with(keys, checkpoint=checkpoint)
    with pytest.raises(QuestionnaireAborted):
        questionnaire.run()
    # Once per answer, also a refused one ("x"): the saved answers always lead back to the question asked now.
    assert saved == [(1, "initiatief.gemeente"), (2, "initiatief.regio"), (3, "initiatief.organisatievorm"),
                     (4, "initiatief.organisatievorm"), (5, "initiatief.opgericht")]


FULL_SESSION = {
    "initiatief.naam": ["De Kiem"],
    "initiatief.organisatievorm": ["2"],
    "toegang.indicatie_nodig": ["g"],
    "toegang.indicatie_nodig.stap": [""],
    "toegang.verwijzing_nodig": ["misschien", "nee"],
    "aanbod": ["ja"],
    "aanbod.naam": ["WRAP", "Inloop"],
    "aanbod.soort": ["11", "1"],
    "aanbod.methode": ["2"],
    "aanbod.nog_een": ["ja", "nee"],
    "werkwijze.intervisie": ["g"],
    "werkwijze.intervisie.stap": ["Elke maand intervisie met De Brug"],
    "werkwijze.intervisie.streefdatum": ["1-3-2024", "1 maart 2025"],
    "kwaliteit.rie.uitgevoerd": ["ja"],
    "kwaliteit.rie.datum": ["4-3-2024"],
    "bereik.bezoekers_per_jaar": ["120"],
}


def _full_run() -> tuple[pm.Profile, list[str], Stats]:
    script = Script({key: list(values) for key, values in FULL_SESSION.items()})
    questionnaire = Questionnaire(script, lambda line: None, "nl", None, TODAY)  # type: ignore[arg-type]
    script.questionnaire = questionnaire
    profile = questionnaire.run()
    return profile, list(questionnaire.log), questionnaire.stats


def test_a_stopped_session_replayed_goes_on_at_the_very_question_it_stopped() -> None:
    profile, log, stats = _full_run()
    assert len(log) > 60
    for cut in range(len(log) + 1):
        lines: list[str] = []
        rest = Keys(log[cut:], end=EOFError)
        resumed = Questionnaire(rest, lines.append, "nl", None, TODAY + dt.timedelta(days=30),  # type: ignore[arg-type]
                                replay=log[:cut], replay_sessions=[(0, "nl", TODAY)])
        assert resumed.run() == profile, cut
        assert resumed.stats == stats
        assert resumed.log == log
        if 0 < cut < len(log):
            # Nothing of the earlier answers is shown again; the question it stopped at is.
            assert lines[1].startswith("== Verder waar u was: Deel "), (cut, lines[:3])
            assert not any("Welkom" in line for line in lines)


def test_each_replayed_answer_is_read_in_the_language_and_on_the_day_it_was_typed() -> None:
    script = Script({"initiatief.naam": ["De Kiem"], "kwaliteit.rie.uitgevoerd": ["ja"],
                     "kwaliteit.rie.datum": ["4-3-2024"]})
    first = Questionnaire(script, lambda line: None, "nl", None, TODAY)  # type: ignore[arg-type]
    script.questionnaire = first
    profile = first.run()
    log = list(first.log)
    # In English "4-3-2024" reads two ways and is refused; replayed as typed (in Dutch) it is 4 March.
    again = Questionnaire(Keys([], end=EOFError), lambda line: None, "en", None, TODAY,  # type: ignore[arg-type]
                          replay=log, replay_sessions=[(0, "nl", TODAY)])
    assert again.run() == profile
    assert profile.kwaliteit is not None and profile.kwaliteit.rie is not None
    assert profile.kwaliteit.rie.datum == dt.date(2024, 3, 4)


# ------------------------------------------------------------------------------------ a narrower update

def test_one_section_only() -> None:
    original = load_profile(REPO / "profiles" / "starter-vrijwilligers.yaml").profile
    script = Script({"team.vrijwilligers": ["14"]})
    lines: list[str] = []
    questionnaire = Questionnaire(script, lines.append, "nl", original, TODAY,  # type: ignore[arg-type]
                                  sections=frozenset({"team"}))
    script.questionnaire = questionnaire
    updated = questionnaire.run()
    assert script.asked and all(key.startswith("team.") for key in script.asked)
    assert updated.team is not None and updated.team.vrijwilligers == 14
    assert updated.model_copy(update={"team": original.team}) == original
    assert "Deel 1 van 1: Door wie? - Team" in "\n".join(lines)


STARTER_GAPS = {
    "toegang.dagdelen_open_per_week": frozenset({"K1"}),          # a gap without a plan: offered
    "kwaliteit.klachtenprocedure.aanwezig": frozenset({"Q1"}),    # a gap with a current plan: not offered
    "toegang.naasten_welkom": frozenset({"Q5"}),                  # a rule the question does not serve
    "aanbod[0].door_en_voor": frozenset({"K7"}),                  # inside an activity
}


def test_only_open_skips_what_is_answered_and_asks_for_plans_where_there_are_gaps() -> None:
    original = load_profile(REPO / "profiles" / "starter-vrijwilligers.yaml").profile
    script = Script({
        "toegang.dagdelen_open_per_week.plan": ["ja"],
        "toegang.dagdelen_open_per_week.plan.stap": ["Op woensdag ook open, met twee nieuwe gastvrouwen"],
        "toegang.dagdelen_open_per_week.plan.streefdatum": ["1 september 2025"],
        "aanbod[0].door_en_voor.plan": ["nee"],
        "initiatief.website": ["www.dekiem.example"],
    })
    lines: list[str] = []
    questionnaire = Questionnaire(script, lines.append, "nl", original, TODAY,  # type: ignore[arg-type]
                                  only_open=True, gaps=STARTER_GAPS)
    script.questionnaire = questionnaire
    updated = questionnaire.run()
    output = "\n".join(lines)
    assert _asked_again(original, script.asked) == []
    assert "toegang.dagdelen_open_per_week.plan" in script.asked
    assert "kwaliteit.klachtenprocedure.aanwezig.plan" not in script.asked
    assert "toegang.naasten_welkom.plan" not in script.asked
    assert "initiatief.gemeente" not in script.asked and "initiatief.website" in script.asked
    assert "Nu in het profiel: 2." in output
    assert "Wilt u nog iets toelichten" not in output
    assert updated.toegang is not None and original.toegang is not None
    assert updated.toegang.in_ontwikkeling[-1].model_dump(exclude_none=True) == {
        "betreft": ["K1"], "stap": "Op woensdag ook open, met twee nieuwe gastvrouwen",
        "streefdatum": dt.date(2025, 9, 1)}
    assert updated.toegang.dagdelen_open_per_week == original.toegang.dagdelen_open_per_week
    assert str(updated.initiatief.website) == "https://www.dekiem.example/"
    assert updated.kwaliteit == original.kwaliteit


def _asked_again(profile: pm.Profile, asked: list[str]) -> list[str]:
    """The asked keys that name a fact the profile already gives (list items are checked per item elsewhere)."""
    known = profile.model_dump(mode="python", exclude_none=True, exclude_unset=True)
    again = []
    for key in asked:
        if key.endswith((".plan", ".stap", ".streefdatum", ".gerealiseerd")):
            continue
        node: Any = known
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node is not None:
            again.append(key)
    return again


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_only_open_with_enter_everywhere_changes_nothing_and_asks_nothing_known(example: Path) -> None:
    original = load_profile(example).profile
    script = Script({})
    questionnaire = Questionnaire(script, lambda line: None, "nl", original, TODAY,  # type: ignore[arg-type]
                                  only_open=True)
    script.questionnaire = questionnaire
    assert questionnaire.run() == original
    assert _asked_again(original, script.asked) == []
    full = Script({})
    everything = Questionnaire(full, lambda line: None, "nl", original, TODAY)  # type: ignore[arg-type]
    full.questionnaire = everything
    everything.run()
    assert len(script.asked) < len(full.asked)


def test_only_open_asks_an_activity_only_what_it_does_not_say_yet() -> None:
    original = load_profile(REPO / "profiles" / "starter-vrijwilligers.yaml").profile
    assert original.aanbod is not None
    script = Script({"aanbod.verwijzing_nodig": ["nee", "nee", "nee"]})
    lines: list[str] = []
    questionnaire = Questionnaire(script, lines.append, "nl", original, TODAY,  # type: ignore[arg-type]
                                  only_open=True)
    script.questionnaire = questionnaire
    updated = questionnaire.run()
    assert updated.aanbod is not None
    for before, after in zip(original.aanbod, updated.aanbod, strict=True):
        assert after.verwijzing_nodig is False
        assert after.model_copy(update={"verwijzing_nodig": before.verwijzing_nodig}) == before
    asked = [key for key in script.asked if key.startswith("aanbod.")]
    assert "aanbod.naam" not in asked and "aanbod.soort" not in asked and "aanbod.door_en_voor" not in asked
    assert "   -- Activiteit 1: Inloop op dinsdag- en vrijdagmiddag --" in lines


# ----------------------------------------------------------------------------------- the catalogue

_NOT_ASKED = {"versie", "toelichting", "bewijs", "in_ontwikkeling", "geen_cao"}


def _fact_paths(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, info in model.model_fields.items():
        if name in _NOT_ASKED:
            continue
        inner = _model_in(info.annotation)
        if inner is None:
            yield (*prefix, name)
        elif inner not in (pm.Bewijs, pm.Plan):
            yield from _fact_paths(inner, (*prefix, name))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _asked_paths() -> set[tuple[str, ...]]:
    """The fact questions' paths; evidence (``bewijs``) is asked where it matters, not as a fact."""
    paths: set[tuple[str, ...]] = set()
    for section in CATALOGUE:
        for step in section.steps:
            if isinstance(step, Question) and step.kind != "evidence":
                paths.add(step.path)
            elif isinstance(step, ItemGroup):
                paths.update((*step.path, *question.path) for question in step.questions if question.kind != "evidence")
    return paths


def test_every_fact_in_the_model_is_asked() -> None:
    facts_in_model = set(_fact_paths(pm.Profile))
    assert facts_in_model - _asked_paths() == set()
    assert _asked_paths() - facts_in_model == set()


def test_sections_follow_the_sources_order() -> None:
    assert [section.key for section in CATALOGUE] == [
        "initiatief", "toegang", "aanbod", "werkwijze", "team", "samenwerking", "kwaliteit", "financiering",
        "bereik",
    ]


_KIND_TYPES = {"yesno": bool, "integer": int, "number": float, "date": dt.date, "text": str}


@pytest.mark.parametrize("entry", list(iter_questions()), ids=lambda entry: ".".join(entry[1]))
def test_each_question_fits_its_field(entry: tuple[type[BaseModel], tuple[str, ...], Question]) -> None:
    root, path, question = entry
    info = field_info(root, path)
    annotation = repr(info.annotation)
    if question.kind in ("choice", "multi"):
        enum = enum_of(root, path)
        assert set(LABELS[enum]) == {member.value for member in enum}
        assert ("list[" in annotation) is (question.kind == "multi")
    elif question.kind == "url":
        assert "_WebAddress" in annotation
    elif question.kind == "evidence":
        assert "Bewijs" in annotation and path[-1] == "bewijs"
    else:
        expected = _KIND_TYPES[question.kind]
        assert expected.__name__ in annotation or info.annotation is expected, (path, annotation)
    for criterion in question.serves:
        assert re.fullmatch(pm.CRITERION_ID_PATTERN, criterion)
    if question.serves and question.kind == "yesno":
        assert question.step is not None, "a plannable yes/no question needs a suggested step"
    if question.required:
        assert info.is_required()


def _messages() -> Iterator[Text]:
    for _, _, question in iter_questions():
        yield question.text
        yield question.why
        if question.step is not None:
            yield question.step
    for section in CATALOGUE:
        yield section.title
        yield section.intro
        for step in section.steps:
            if isinstance(step, (ItemGroup, PlanOffer)):
                yield step.intro if isinstance(step, ItemGroup) else step.text
                yield step.why
    for labels in LABELS.values():
        yield from labels.values()


def test_every_text_is_one_line_in_both_languages() -> None:
    for message in _messages():
        for text in (message.nl, message.en):
            assert text.strip() and "\n" not in text, message
        assert not re.search(r"\b(AI|generated)\b", message.nl + message.en)


# Words that tie a question to the criterion it is scored on: a question asks for a fact, and its hint says
# what a term means, never which kenmerk or eis the answer serves (that signposts the 'right' answer).
_CRITERION_WORDS = re.compile(
    r"kenmerk|characteristic|\beisen?\b|requirement|bouwsteen|building block|\b[KQBIFT]\d+\b|financier\)"
    r"|funder's question|steunpunt|support centre|verplicht|required|aanbevolen|recommended|telt mee|counts",
    re.IGNORECASE,
)


def _question_texts() -> Iterator[Text]:
    for _, _, question in iter_questions():
        yield question.text
        yield question.why
    for section in CATALOGUE:
        for step in section.steps:
            if isinstance(step, Question):
                yield step.text
                yield step.why
            elif isinstance(step, (ItemGroup, PlanOffer)):
                yield step.intro if isinstance(step, ItemGroup) else step.text
                yield step.why


def test_no_question_or_hint_names_the_criterion_it_is_scored_on() -> None:
    found = [text for message in _question_texts() for text in (message.nl, message.en)
             if _CRITERION_WORDS.search(text)]
    assert found == []


def test_the_questions_as_shown_name_no_criterion() -> None:
    _, output, _ = run({"aanbod": ["ja"], "aanbod.naam": ["WRAP"], "aanbod.soort": ["11"]})
    asked = [line for line in output.splitlines() if re.match(r"(\d+\. |   Waarom: )", line)]
    assert len(asked) > 100
    assert [line for line in asked if _CRITERION_WORDS.search(line)] == []


# --------------------------------------------------------------------------------------- the writer

def _profile(**initiatief: Any) -> pm.Profile:
    return pm.Profile.model_validate({"initiatief": {"naam": "De Kiem", **initiatief}})


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_render_reads_back_the_same(example: Path) -> None:
    profile = load_profile(example).profile
    text = render_profile(profile, schema_ref="../schema/profile.schema.json")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/profile.schema.json"
    assert pm.Profile.model_validate(yaml.safe_load(text)) == profile


def test_render_comments_sections_quotes_text_and_leaves_dates_bare() -> None:
    profile = pm.Profile.model_validate({
        "initiatief": {"naam": "ja", "gemeente": "2024-01-01", "regio": "# niet"},
        "toegang": {"naasten_welkom": True},
        "kwaliteit": {"rie": {"uitgevoerd": True, "datum": dt.date(2024, 5, 1)}},
        "samenwerking": {"partners": []},
    })
    text = render_profile(profile)
    assert '  naam: "ja"' in text
    assert '  gemeente: "2024-01-01"' in text
    assert '  regio: "# niet"' in text
    assert "    datum: 2024-05-01" in text
    assert "  partners: []" in text
    assert "# --- Voor wie? Hoe makkelijk kan iemand meedoen (kenmerk 1) ---\ntoegang:" in text
    assert "# --- Kwaliteit" in text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300))
def test_quote_reads_back_exactly(text: str) -> None:
    assert yaml.safe_load(f"value: {quote(text)}") == {"value": text}


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=400))
def test_long_free_text_round_trips(text: str) -> None:
    if not text.strip():
        text = "x" + text
    profile = pm.Profile.model_validate({"initiatief": {"naam": "De Kiem", "toelichting": text}})
    assert pm.Profile.model_validate(yaml.safe_load(render_profile(profile))) == profile


def test_write_is_atomic_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "profiel.yaml"
    write_profile(_profile(gemeente="Hengelo"), target)
    first = target.read_text(encoding="utf-8")
    with pytest.raises(ProfileExistsError):
        write_profile(_profile(gemeente="Almelo"), target)
    assert target.read_text(encoding="utf-8") == first
    write_profile(_profile(gemeente="Almelo"), target, force=True)
    assert load_profile(target).profile.initiatief.gemeente == "Almelo"
    assert sorted(os.listdir(tmp_path)) == ["profiel.yaml"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "profiel.yaml"
    write_profile(_profile(gemeente="Hengelo"), target)
    before = target.read_text(encoding="utf-8")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("iza_check.profile.writer.os.replace", broken_replace)
    with pytest.raises(OSError):
        write_profile(_profile(gemeente="Almelo"), target, force=True)
    assert target.read_text(encoding="utf-8") == before
    assert sorted(os.listdir(tmp_path)) == ["profiel.yaml"]


def test_without_hard_links_a_new_file_is_still_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: object, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr("iza_check.profile.writer.os.link", no_links)
    target = write_profile(_profile(), tmp_path / "profiel.yaml")
    assert load_profile(target).profile == _profile()
    assert sorted(os.listdir(tmp_path)) == ["profiel.yaml"]


def test_schema_reference_is_relative_inside_a_checkout(tmp_path: Path) -> None:
    assert schema_ref_for(REPO / "profiles" / "nieuw.yaml") == "../schema/profile.schema.json"
    assert schema_ref_for(REPO / "profiles" / "regio" / "oost" / "nieuw.yaml") == "../../../schema/profile.schema.json"
    # Outside a project with the schema, no reference would survive a move: none is written.
    assert schema_ref_for(tmp_path / "nieuw.yaml") is None


def test_a_written_profile_never_names_an_absolute_schema_path(tmp_path: Path) -> None:
    alone = write_profile(_profile(), tmp_path / "los.yaml")
    text = alone.read_text(encoding="utf-8")
    assert "yaml-language-server" not in text and "file://" not in text
    assert text.startswith("# Profiel voor iza-check")
    assert load_profile(alone).profile == _profile()

    project = tmp_path / "project"
    (project / "schema").mkdir(parents=True)
    (project / "schema" / "profile.schema.json").write_text("{}", encoding="utf-8")
    (project / "profielen").mkdir()
    inside = write_profile(_profile(), project / "profielen" / "kiem.yaml")
    first = inside.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/profile.schema.json"
    # The project moves as a whole: the reference still points at the schema.
    moved = tmp_path / "verhuisd"
    project.rename(moved)
    assert (moved / "profielen" / "../schema/profile.schema.json").resolve().is_file()


def test_questionnaire_output_is_written_and_loaded_by_the_strict_loader(tmp_path: Path) -> None:
    profile, _, _ = run({
        "initiatief.website": ["www.dekiem.example"],
        "toegang.toelichting": ['Zeg "ja" als je wilt: \\ en # mogen ook.'],
        "kwaliteit.vog.voor": ["3"],
        "kwaliteit.vog.oudste_afgiftedatum": ["2023-05-14"],
        "werkwijze.intervisie": ["g"],
        "werkwijze.intervisie.stap": ["Intervisie: elke maand, met de regio"],
        "werkwijze.intervisie.streefdatum": ["2025-05-01"],
    })
    target = write_profile(profile, tmp_path / "kiem.yaml")
    assert load_profile(target).profile == profile


# Fields a rule reads that are context (counts deciding n.v.t.), not something an initiative plans for.
_CONTEXT_FIELDS = {"team.betaalde_medewerkers", "team.vrijwilligers", "kwaliteit.geen_cao"}
_FIELD_IN_RULE = re.compile(
    r"\b(?:toegang|werkwijze|team|samenwerking|kwaliteit|financiering)(?:\.[a-z_0-9]+)+"
)


def test_a_plan_names_every_criterion_whose_rule_reads_that_field(repo: Path) -> None:
    serves: dict[str, set[str]] = {}
    for section in CATALOGUE:
        for step in section.steps:
            if isinstance(step, (Question, ItemGroup)):
                serves[step.key] = set(criteria_of(step))
    missing = []
    for rule_file in sorted((repo / "rules").glob("*.yaml")):
        for rule in yaml.safe_load(rule_file.read_text(encoding="utf-8"))["regels"]:
            if rule.get("ernst") == "informatief":
                continue  # shown as information (K10a-d, F1, F2): no plan needs to name them
            logic = yaml.safe_dump({k: v for k, v in rule.items() if k not in ("uitleg", "advies", "titel",
                                                                               "voorbeelden")})
            for path in set(_FIELD_IN_RULE.findall(logic)) - _CONTEXT_FIELDS:
                if rule["id"] not in serves.get(path, set()):
                    missing.append((rule["id"], path))
    assert missing == []


def test_is_this_all_is_asked_only_about_a_list_with_items() -> None:
    """Only a list with items can be whole; of a list skipped or answered with "?" nothing is known."""
    profile, _, script = run({"werkwijze.bezoekersrollen": ["1"], "werkwijze.bezoekersrollen_volledig": ["ja"]})
    assert profile.werkwijze is not None and profile.werkwijze.bezoekersrollen_volledig is True
    _, _, script = run({"werkwijze.bezoekersrollen": ["?"]})
    assert "werkwijze.bezoekersrollen" in script.asked
    assert "werkwijze.bezoekersrollen_volledig" not in script.asked
    _, _, script = run({})
    assert not any(key.endswith("_volledig") for key in script.asked)


def test_a_new_rule_is_named_by_the_plans_of_the_fields_it_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Which rules read a field comes from the catalogue: a rule added to it needs no edit of the questions."""
    import iza_check.rules as rules_package
    from iza_check.questionnaire import questions
    from iza_check.rules.model import Catalogue

    extra = catalogue(rule_data("Q99", {"veld": "kwaliteit.vertrouwenspersoon.aanwezig", "gelijk": True}))
    bundled = rules_package.load_rules()
    monkeypatch.setattr(rules_package, "load_rules", lambda *_: Catalogue((*bundled.rules, *extra.rules)))
    questions._readers.cache_clear()
    try:
        step = next(q for _, path, q in iter_questions() if path == ("kwaliteit", "vertrouwenspersoon", "aanwezig"))
        assert "Q99" in criteria_of(step)
        assert criteria_of(step)[: len(step.serves)] == step.serves  # the questions file's own order first
    finally:
        questions._readers.cache_clear()
