"""The funder's seven questions (002 §5) and reference figures (001, 003): context beside the verdict.

Both are answered from the profile's facts and the initiative's own words; neither judges.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from iza_check.assess.findings import (
    FactRef,
    Figure,
    Finding,
    ListItem,
    Outcome,
    QuestionAnswer,
    Text,
)
from iza_check.profile.model import Profile

Marks = dict[str, tuple[int, int]]


def _lookup(profile: Profile, path: str) -> object | None:
    node: object = profile
    for part in path.split("."):
        node = getattr(node, part, None)
        if node is None:
            return None
    return node


def _fact(profile: Profile, marks: Marks, path: str) -> FactRef | None:
    value = _lookup(profile, path)
    if value is None or value == []:
        return None
    if isinstance(value, list):
        value = tuple(getattr(v, "naam", v) for v in value)
    line, column = marks.get(path, (None, None))
    return FactRef(path, value, line, column)


@dataclass(frozen=True, slots=True)
class _Question:
    question: Text
    fact_paths: tuple[str, ...]
    toelichting_areas: tuple[str, ...]
    related_rules: tuple[str, ...]
    extra: Callable[[Profile, Marks], Iterator[FactRef]] | None = None
    # Answered from the outcomes of the related rules (question 1: the kenmerken as reference).
    from_outcomes: bool = False


def _door_en_voor_aanbod(profile: Profile, marks: Marks) -> Iterator[FactRef]:
    for index, item in enumerate(profile.aanbod or ()):
        if item.door_en_voor is not None:
            path = f"aanbod[{index}].door_en_voor"
            line, column = marks.get(path, (None, None))
            yield FactRef(path, item.door_en_voor, line, column)


def _partners(profile: Profile, marks: Marks) -> Iterator[FactRef]:
    partners = profile.samenwerking.partners if profile.samenwerking else None
    for index, partner in enumerate(partners or ()):
        line, column = marks.get(f"samenwerking.partners[{index}]", (None, None))
        yield FactRef(f"samenwerking.partners[{index}]", ListItem(partner.naam, partner.categorie), line, column)


QUESTIONS: tuple[_Question, ...] = (
    _Question(
        Text(
            nl="Hoe verhoudt het initiatief zich tot de tien kenmerken van een laagdrempelig steunpunt?",
            en="How does the initiative relate to the ten kenmerken of a low-threshold support point?",
        ),
        (),
        (),
        (),  # the kenmerken of the catalogue (the rules that decide the verdict)
        from_outcomes=True,
    ),
    _Question(
        Text(
            nl="Hoe geeft het initiatief wederkerigheid vorm: halen én brengen?",
            en="How does the initiative shape reciprocity: both taking and giving?",
        ),
        ("werkwijze.bezoekersrollen", "werkwijze.peer_support", "werkwijze.hierarchie_helper_geholpene"),
        ("werkwijze",),
        ("K3", "K6"),
    ),
    _Question(
        Text(
            nl="Hoe maakt het initiatief de 'vrije ruimte' mogelijk, waarin bezoekers zelf bepalen wat er gebeurt?",
            en="How does the initiative make the 'free space' possible, where visitors decide what happens?",
        ),
        ("werkwijze.vrije_ruimte", "werkwijze.aanbod_vanuit_behoefte", "werkwijze.wensen_ophalen"),
        (),
        ("K4", "K7"),
    ),
    _Question(
        Text(
            nl="Worden het herstelaanbod, de cursussen en trainingen door en voor ervaringsdeskundigen ontwikkeld "
            "en gegeven?",
            en="Are the recovery offer, courses and trainings developed and given by and for people with lived "
            "experience?",
        ),
        (),
        ("initiatief",),
        ("K2", "K7", "I2", "I3"),
        _door_en_voor_aanbod,
    ),
    _Question(
        Text(
            nl="Hoe bewaakt het initiatief de kwaliteit van de werkwijze en van de inzet van "
            "ervaringsdeskundigheid?",
            en="How does the initiative guard the quality of its way of working and of the use of lived "
            "experience?",
        ),
        (
            "werkwijze.intervisie",
            "werkwijze.methode_beschreven",
            "werkwijze.uitwisseling_andere_initiatieven",
            "team.scholingsplan",
            "team.opgeleide_ervaringsdeskundigen",
            "team.professionele_achtervang",
        ),
        ("team", "kwaliteit"),
        ("K8", "K9", "Q7"),
    ),
    _Question(
        Text(
            nl="Hoe is de verbinding met de ggz en met 113 geregeld voor als iemand in crisis raakt?",
            en="How is the link with mental health care and with 113 arranged for when someone is in crisis?",
        ),
        ("samenwerking.crisisafspraken_ggz", "samenwerking.crisisafspraken_113"),
        (),
        ("T6",),
    ),
    _Question(
        Text(
            nl="Werkt het initiatief samen met de relevante partners in de keten, en hoe?",
            en="Does the initiative work with the relevant partners in the chain, and how?",
        ),
        (),
        ("samenwerking",),
        ("K10",),
        _partners,
    ),
)


def kenmerken_answer(findings: Sequence[Finding], kenmerken: Sequence[str]) -> Text | None:
    """Question 1 answered from the outcomes: how many kenmerken are met, and which are not (yet).

    None when none of them is known: then the question cannot be answered yet.
    """
    outcomes = {f.rule_id: f.outcome for f in findings}
    present = [k for k in kenmerken if k in outcomes]
    if not present or all(outcomes[k] is Outcome.onbekend for k in present):
        return None
    by_outcome = {o: [k for k in present if outcomes[k] is o] for o in Outcome}
    met = len(by_outcome[Outcome.voldoet])
    nl = [f"Voldoet aan {met} van de {len(present)} kenmerken."]
    en = [f"Meets {met} of the {len(present)} kenmerken."]
    for outcome, word_nl, word_en in (
        (Outcome.deels, "Deels", "Partly"),
        (Outcome.voldoet_niet, "Nog niet", "Not yet"),
        (Outcome.onbekend, "Nog onbekend", "Not known yet"),
        (Outcome.nvt, "Niet van toepassing", "Not applicable"),
    ):
        ids = by_outcome[outcome]
        if ids:
            nl.append(f"{word_nl}: {', '.join(ids)}.")
            en.append(f"{word_en}: {', '.join(ids)}.")
    return Text(nl=" ".join(nl), en=" ".join(en))


def answer_questions(profile: Profile, marks: Marks, findings: Sequence[Finding] = ()) -> tuple[QuestionAnswer, ...]:
    """The seven questions, each with the facts and own words that answer it; question 1 from ``findings``."""
    answers = []
    for number, question in enumerate(QUESTIONS, start=1):
        facts = [f for path in question.fact_paths if (f := _fact(profile, marks, path)) is not None]
        if question.extra is not None:
            facts.extend(question.extra(profile, marks))
        toelichting = tuple(
            text
            for area in question.toelichting_areas
            if (text := getattr(getattr(profile, area, None), "toelichting", None))
        )
        related = question.related_rules
        answer = None
        if question.from_outcomes:
            related = tuple(f.rule_id for f in findings if f.decides_verdict)
            answer = kenmerken_answer(findings, related)
        answers.append(QuestionAnswer(number, question.question, tuple(facts), toelichting, related, answer))
    return tuple(answers)


def _per_location(total: float | None, locations: int | None) -> float | None:
    if total is None or not locations:
        return None
    return total / locations


def reference_figures(profile: Profile) -> tuple[Figure, ...]:
    """The profile beside sector averages — shown for context, never used to judge."""
    team, money, reach = profile.team, profile.financiering, profile.bereik
    locations = profile.initiatief.locaties
    nvzh = "001_2715bf62c8552a50.txt, Aantal fte werkzaam / Omzet organisaties (2024)"
    return (
        Figure(
            Text(nl="Betaalde fte per locatie", en="Paid fte per location"),
            _per_location(team.fte if team else None, locations),
            2.04,
            nvzh,
        ),
        Figure(
            Text(nl="Omzet per locatie", en="Turnover per location"),
            _per_location(money.omzet_euro if money else None, locations),
            198_841,
            nvzh,
            "€",
        ),
        Figure(
            Text(nl="Aantal financieringsbronnen", en="Number of financing sources"),
            float(len(money.bronnen)) if money and money.bronnen is not None else None,
            2.2,
            "001_2715bf62c8552a50.txt, Financieringsbronnen (2024)",
        ),
        Figure(
            Text(nl="Bezoekers per jaar", en="Visitors per year"),
            float(reach.bezoekers_per_jaar) if reach and reach.bezoekers_per_jaar is not None else None,
            500,
            "003_79303bbc280151f4.txt, Kosten en baten (2020)",
        ),
        Figure(
            Text(nl="Vrijwilligers", en="Volunteers"),
            float(team.vrijwilligers) if team and team.vrijwilligers is not None else None,
            50,
            "003_79303bbc280151f4.txt, Kosten en baten (2020)",
        ),
    )
