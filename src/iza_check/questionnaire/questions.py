"""The questions behind ``iza-check init``: plain-language questions, each mapped to one field of the profile.

This module is data: the sections in the order of the sources, the questions with their ``why`` (a neutral
explanation of what is asked, never a hint at which answer scores), the plain labels of every choice, and
the example steps shown when something is planned. The engine that asks them is :mod:`iza_check.questionnaire.session`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal, get_args

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from iza_check.i18n.text import Text
from iza_check.profile import model as pm
from iza_check.profile.labels import value_texts

Lang = Literal["nl", "en"]
Data = dict[str, Any]
FieldPath = tuple[str, ...]
Kind = Literal["yesno", "choice", "multi", "integer", "number", "date", "text", "url", "evidence"]


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


# ------------------------------------------------------------------------------------------ the model

def _unwrap_model(annotation: Any) -> type[BaseModel]:
    """The model class inside ``X | None`` or ``list[X] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        try:
            return _unwrap_model(arg)
        except LookupError:
            continue
    raise LookupError(annotation)


def field_info(root: type[BaseModel], path: FieldPath) -> FieldInfo:
    """The pydantic field at ``path`` below ``root`` (lists and optionals are looked through)."""
    model = root
    for key in path[:-1]:
        model = _unwrap_model(model.model_fields[key].annotation)
    return model.model_fields[path[-1]]


# --------------------------------------------------------------------------------------- the catalogue

@dataclass(frozen=True, slots=True)
class Question:
    """One question; ``path`` is absolute for area questions and relative to the item for item questions."""

    path: FieldPath
    kind: Kind
    text: Text
    why: Text
    serves: tuple[str, ...] = ()
    # yes/no: the answer that favours the criteria; "gepland" then records the other one ("not yet").
    good: bool | None = None
    required: bool = False
    when: Callable[[Data], bool] | None = None
    # After "gepland": an example of a next step, shown as an example only (a plan is in the person's words).
    step: Text | None = None
    # Text questions: "geen" sets this flag field (in the same area) instead of the text.
    none_flag: str | None = None
    # Integer questions: the value at this path is the upper bound.
    at_most: FieldPath | None = None
    # Dates of facts lie in the past; that is checked against the reference date.
    past_only: bool = True

    @property
    def key(self) -> str:
        return ".".join(self.path)

    @property
    def plannable(self) -> bool:
        return bool(self.serves) and self.step is not None


@dataclass(frozen=True, slots=True)
class ItemGroup:
    """A repeated list of items (activities, partners): asked one by one with "nog een?"."""

    path: FieldPath
    model: type[BaseModel]
    intro: Text
    why: Text
    noun: Text
    questions: tuple[Question, ...]
    serves: tuple[str, ...] = ()
    step: Text | None = None
    plan_area: str = "initiatief"

    @property
    def key(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True, slots=True)
class PlanOffer:
    """A yes/no question whose "ja" records a plan (no fact field of its own)."""

    key: str
    text: Text
    why: Text
    serves: tuple[str, ...]
    step: Text
    area: str
    when: Callable[[Data], bool]


Step = Question | ItemGroup | PlanOffer


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: Text
    intro: Text
    steps: tuple[Step, ...]
    # Area sections carry toelichting and in_ontwikkeling; "aanbod" is a bare list.
    is_area: bool = True


def _yn(path: str, text: tuple[str, str], why: tuple[str, str], serves: str = "", good: bool | None = True,
        step: tuple[str, str] | None = None, when: Callable[[Data], bool] | None = None) -> Question:
    return Question(
        tuple(path.split(".")), "yesno", Text(*text), Text(*why), tuple(serves.split()), good,
        when=when, step=Text(*step) if step else None,
    )


def _q(kind: Kind, path: str, text: tuple[str, str], why: tuple[str, str], serves: str = "",
       step: tuple[str, str] | None = None, **extra: Any) -> Question:
    return Question(
        tuple(path.split(".")), kind, Text(*text), Text(*why), tuple(serves.split()),
        step=Text(*step) if step else None, **extra,
    )


def get_value(data: Mapping[str, Any], path: FieldPath) -> Any:
    node: Any = data
    for key in path:
        if not isinstance(node, Mapping) or key not in node:
            return MISSING
        node = node[key]
    return node


def _value_is(path: str, *values: object) -> Callable[[Data], bool]:
    keys = tuple(path.split("."))
    return lambda data: get_value(data, keys) in values


def _value_is_not(path: str, *values: object) -> Callable[[Data], bool]:
    keys = tuple(path.split("."))
    return lambda data: get_value(data, keys) not in values


RECOVERY_KINDS = frozenset(
    {"herstelcursus", "empowermentcursus", "herstelgroep", "schrijfgroep", "zelfhulpgroep", "lotgenotengroep"}
)

# Labels for every enum value shown in a numbered list: plain words instead of keys, the same words the reports
# use (profile/labels.yaml).
LABELS: dict[type[Enum], dict[str, Text]] = value_texts()

# Headings inside the long list of activity kinds, so the bouwstenen are visible while choosing.
CHOICE_GROUPS: dict[type[Enum], dict[str, Text]] = {
    pm.Soort: {
        "inloop": Text("Meedoen en ontmoeten (bouwsteen 1)", "Social participation (building block 1)"),
        "vrijwilligerswerkplek": Text("Meedoen in de samenleving en werk (bouwsteen 2)",
                                     "Participation in society and work (building block 2)"),
        "herstelcursus": Text("Herstel, ontplooiing en zelfhulp (bouwsteen 3)",
                             "Recovery, personal growth and self-help (building block 3)"),
        "informatie_en_advies": Text("Voor de hele regio", "For the whole region"),
        "beleidsparticipatie": Text("Voor een gastvrije omgeving", "For a welcoming community"),
        "anders": Text("Anders", "Other"),
    },
}

def enum_of(root: type[BaseModel], path: FieldPath) -> type[Enum]:
    """The enum behind a choice or multiple-choice field."""
    info = field_info(root, path)

    def find(annotation: Any) -> type[Enum] | None:
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            return annotation
        for arg in get_args(annotation):
            found = find(arg)
            if found is not None:
                return found
        return None

    found = find(info.annotation)
    if found is None:
        raise LookupError(path)
    return found


_NOT_PAID_ZERO = _value_is_not("team.betaalde_medewerkers", 0)
_NO_REAL_KEURMERK = _value_is("kwaliteit.keurmerk.naam", "geen", MISSING)

ACTIVITY_QUESTIONS: tuple[Question, ...] = (
    _q("text", "naam",
       ("Hoe heet de activiteit?", "What is the activity called?"),
       ("Zo is de activiteit in het rapport terug te vinden.", "So the activity can be found in the report."),
       required=True),
    _q("choice", "soort",
       ("Wat voor activiteit is het?", "What kind of activity is it?"),
       ("Kies de soort die het best past; de kopjes in de lijst helpen bij het zoeken.",
        "Choose the kind that fits best; the headings in the list help you find it."),
       required=True),
    _q("choice", "methode",
       ("Volgens welke methode van zelfhulp werkt deze activiteit?",
        "Which self-help method does this activity follow?"),
       ("Een methode van zelfhulp is een vaste, beschreven aanpak, zoals WRAP of Herstellen doe je zelf.",
        "A self-help method is a fixed, written approach, such as WRAP or Herstellen doe je zelf."),
       when=lambda item: item.get("soort") in RECOVERY_KINDS | {"anders"}),
    _yn("door_en_voor",
        ("Is de activiteit bedacht en gegeven door ervaringsdeskundigen, voor lotgenoten?",
         "Was the activity designed and run by peer experts, for peers?"),
        (("'Door en voor' betekent: mensen met eigen ervaring bedenken en geven de activiteit, voor mensen die iets "
         "vergelijkbaars meemaken."),
         ("'By and for' means: people with lived experience design and run the activity, for people going through "
         "something similar.")), good=None),
    _yn("ontwikkeld_met_deelnemers",
        ("Is de activiteit samen met deelnemers bedacht of aangepast?",
         "Was the activity designed or adapted together with participants?"),
        ("Samen bedenken of bijstellen heet ook wel co-creatie.",
         "Designing or adjusting together is also called co-creation."), good=None),
    _yn("gestart_door_bezoekers",
        ("Is de activiteit begonnen op initiatief van bezoekers?", "Did visitors start this activity?"),
        ("Het gaat erom wie het idee had en de eerste stap zette.",
         "This is about who had the idea and took the first step."), good=None),
    _yn("verwijzing_nodig",
        ("Is voor deze activiteit een verwijzing nodig (bijv. van de huisarts)?",
         "Is a referral needed for this activity (e.g. from a GP)?"),
        ("Een verwijzing komt bijvoorbeeld van de huisarts, het wijkteam of de ggz.",
         "A referral comes from, for example, a GP, the neighbourhood team or mental health care."), good=None),
    _q("integer", "per_jaar",
       ("Hoe vaak per jaar is deze activiteit? (bijv. het aantal bijeenkomsten)",
        "How often per year does this activity take place? (e.g. number of sessions)"),
       ("Dat geeft een beeld van hoe groot het aanbod is.", "This shows how large the offer is.")),
    _q("evidence", "bewijs",
       (("Waar staat deze activiteit beschreven, bijv. in een cursuskalender of folder? Typ het webadres of de "
        "naam van het document."),
        ("Where is this activity described, e.g. in a course calendar or leaflet? Type the web address or the "
        "name of the document.")),
       ("Een document of webadres laat lezers zien waar ze meer over de activiteit vinden.",
        "A document or web address shows readers where to find more about the activity."),
       when=lambda item: item.get("soort") in RECOVERY_KINDS),
)

PARTNER_QUESTIONS: tuple[Question, ...] = (
    _q("text", "naam",
       ("Wat is de naam van de partner?", "What is the partner's name?"),
       ("Zo is te zien met wie u precies samenwerkt.", "So it is clear whom exactly you work with."),
       required=True),
    _q("choice", "categorie",
       ("Wat voor partner is het?", "What kind of partner is it?"),
       ("Kies de soort organisatie die het best past.",
        "Choose the kind of organisation that fits best."),
       required=True),
    _yn("afspraken_vastgelegd",
        ("Staan de afspraken met deze partner op papier?", "Are the arrangements with this partner written down?"),
        ("Op papier: bijvoorbeeld in een convenant, een samenwerkingsovereenkomst of een e-mail met de afspraken.",
         "Written down: for example in a covenant, a cooperation agreement or an e-mail with the arrangements."), good=None),
)


def _catalogue() -> tuple[Section, ...]:
    return (
        Section("initiatief",
                Text("Voor wie? - Het initiatief", "For whom? - The initiative"),
                Text("Eerst iets over het initiatief zelf.", "First, something about the initiative itself."), (
            _q("text", "initiatief.naam",
               ("Wat is de naam van het initiatief?", "What is the name of the initiative?"),
               ("Aan de naam herkent iedereen het profiel en het rapport.",
                "Everyone recognises the profile and the report by its name."), required=True),
            _q("text", "initiatief.gemeente",
               ("In welke gemeente is de (hoofd)locatie?", "In which municipality is the (main) location?"),
               ("De gemeente van de (hoofd)locatie; het rapport noemt die bij het initiatief.",
                "The municipality of the (main) location; the report names it with the initiative.")),
            _q("text", "initiatief.regio",
               ("In welke regio werkt het initiatief? (bijv. de naam van de centrumgemeente)",
                "In which region does the initiative work? (e.g. the name of the central municipality)"),
               ("Met de regio kan een gemeente zien welke initiatieven er in de regio zijn.",
                "With the region, a municipality can see which initiatives the region has.")),
            _q("choice", "initiatief.organisatievorm",
               ("Wat voor organisatie is het?", "What kind of organisation is it?"),
               ("Zo weet de lezer of het initiatief zelfstandig is of deel van een grotere organisatie.",
                "This tells the reader whether the initiative is independent or part of a larger organisation.")),
            _q("text", "initiatief.gastorganisatie",
               ("Van welke organisatie is het initiatief een onderdeel?",
                "Which organisation is the initiative part of?"),
               ("Dan is duidelijk wie mee verantwoordelijk is.", "This makes clear who shares responsibility."),
               when=_value_is("initiatief.organisatievorm", "onderdeel_ggz_instelling",
                              "onderdeel_welzijnsorganisatie")),
            _q("integer", "initiatief.opgericht",
               ("In welk jaar is het initiatief begonnen?", "In which year did the initiative start?"),
               ("Voor starters gelden soms andere afspraken, bijvoorbeeld over een keurmerk.",
                "Starters sometimes have different arrangements, for example about a quality mark.")),
            _q("url", "initiatief.website",
               ("Wat is het webadres? (bijv. www.voorbeeld.nl)", "What is the website? (e.g. www.example.org)"),
               ("Daar kunnen bezoekers en geldgevers meer lezen.", "Visitors and funders can read more there.")),
            _q("integer", "initiatief.locaties",
               ("Op hoeveel plekken (locaties) is het initiatief actief?",
                "At how many places (locations) is the initiative active?"),
               ("Cijfers per locatie maken vergelijken eerlijker.", "Figures per location make comparisons fairer.")),
            _q("multi", "initiatief.door_en_voor",
               ("Door en voor wie is het initiatief opgezet?", "By and for whom was the initiative set up?"),
               ("Kies de groepen voor wie en door wie het initiatief is opgezet; meer dan één mag.",
                "Choose the groups the initiative was set up by and for; more than one is fine.")),
        )),
        Section("toegang",
                Text("Voor wie? - Toegang (kenmerk 1)", "For whom? - Access (characteristic 1)"),
                Text("Hoe makkelijk kan iemand meedoen?", "How easily can someone join in?"), (
            _yn("toegang.indicatie_nodig",
                (("Heeft iemand een indicatie nodig om mee te doen? (een indicatie is een besluit dat iemand "
                 "recht heeft op zorg of hulp)"),
                 "Does someone need an assessment (indicatie: a formal decision granting care) to join?"),
                ("Het gaat om wat iemand nodig heeft voordat hij of zij kan meedoen.",
                 "This is about what someone needs before they can join in."),
                "K1", good=False,
                step=("Meedoen mogelijk maken zonder indicatie", "Make it possible to join without an assessment")),
            _yn("toegang.verwijzing_nodig",
                ("Is een verwijzing nodig, bijvoorbeeld van de huisarts?", "Is a referral needed, e.g. from a GP?"),
                ("Een verwijzing komt bijvoorbeeld van de huisarts, het wijkteam of de ggz.",
                 "A referral comes from, for example, a GP, the neighbourhood team or mental health care."),
                "K1", good=False,
                step=("Meedoen mogelijk maken zonder verwijzing", "Make it possible to join without a referral")),
            _yn("toegang.diagnose_nodig",
                ("Moet iemand een diagnose hebben om mee te doen?", "Does someone need a diagnosis to join?"),
                (("Een diagnose is een benoemde psychische aandoening, vastgesteld door bijvoorbeeld een psychiater "
                 "of psycholoog."),
                 ("A diagnosis is a named mental health condition, established by for example a psychiatrist or "
                 "psychologist.")),
                "K1", good=False,
                step=("Meedoen mogelijk maken zonder diagnose", "Make it possible to join without a diagnosis")),
            _yn("toegang.registratie_nodig",
                ("Moet iemand zich eerst inschrijven of registreren?", "Does someone have to register first?"),
                ("Inschrijven of registreren: naam en gegevens opgeven voordat iemand kan meedoen.",
                 "Registering: giving a name and details before someone can join in."),
                "K1", good=False,
                step=("Meedoen mogelijk maken zonder inschrijving", "Make it possible to join without registering")),
            _yn("toegang.registratie_alleen_voor_cursus",
                (("Is dat inschrijven alleen nodig voor een cursus of training, terwijl iemand eerst zonder "
                 "inschrijving kan binnenlopen?"),
                 ("Is registering only needed for a course or training, while someone can first walk in without "
                 "registering?")),
                (("Zo is het verschil te zien tussen aanmelden voor een cursus en inschrijven om binnen te mogen "
                 "komen."),
                 "This shows the difference between signing up for a course and registering to be let in."),
                "K1", step=("Eerst vrij binnenlopen mogelijk maken; inschrijven alleen voor een cursus",
                            "Let people walk in freely first; registration only for a course"),
                when=_value_is("toegang.registratie_nodig", True)),
            _yn("toegang.inloop_zonder_afspraak",
                ("Kan iemand zonder afspraak binnenlopen?", "Can someone walk in without an appointment?"),
                ("Zonder afspraak: iemand komt langs wanneer het uitkomt, zonder dat vooraf te regelen.",
                 "Without an appointment: someone drops by when it suits them, without arranging it first."),
                "K1", step=("Een inloop zonder afspraak starten", "Start a drop-in without appointments")),
            _q("choice", "toegang.eigen_bijdrage",
               ("Wat betaalt een bezoeker?", "What does a visitor pay?"),
               ("De eigen bijdrage is wat een bezoeker zelf betaalt om mee te doen.",
                "The own contribution is what a visitor pays to take part."),
               "K1", ("De eigen bijdrage verlagen of vrijwillig maken",
                      "Lower the contribution or make it voluntary")),
            _yn("toegang.naasten_welkom",
                ("Zijn naasten welkom (familie, vrienden, buren)?", "Are loved ones welcome (family, friends)?"),
                ("Naasten zijn de mensen om iemand heen: familie, vrienden, buren.",
                 "Loved ones are the people around someone: family, friends, neighbours."),
                "K1", step=("Naasten uitnodigen en welkom heten", "Invite and welcome loved ones")),
            _yn("toegang.epa_welkom",
                ("Zijn mensen met EPA uitdrukkelijk welkom? (EPA: ernstige psychische problemen die lang duren)",
                 "Are people with EPA explicitly welcome? (EPA: severe, long-term mental illness)"),
                (("Uitdrukkelijk: het initiatief zegt het zelf, bijvoorbeeld op de website, in een folder of tegen "
                 "verwijzers."),
                 ("Explicitly: the initiative says so itself, for example on its website, in a leaflet or to "
                 "referrers.")),
                "K1", step=("Mensen met EPA actief uitnodigen, bijvoorbeeld via de ggz",
                            "Actively invite people with EPA, for example through mental health care")),
            _q("integer", "toegang.dagdelen_open_per_week",
               ("Hoeveel dagdelen per week is de inloop open? (een dagdeel is een ochtend, middag of avond)",
                "How many part-days a week is the drop-in open? (a part-day is a morning, afternoon or evening)"),
               (("Tel de ochtenden, middagen en avonden waarop de inloop open is; vijf hele dagen zijn tien "
                "dagdelen."),
                ("Count the mornings, afternoons and evenings the drop-in is open; five full days are ten "
                "part-days.")),
               "K1", ("De inloop vaker openen", "Open the drop-in more often")),
        )),
        Section("aanbod",
                Text("Waartoe? - Activiteiten (kenmerk 2 en 7, bouwstenen)",
                    "What for? - Activities (characteristics 2 and 7, building blocks)"),
                Text("Wat kunnen mensen bij u doen? U vult de activiteiten een voor een in.",
                    "What can people do with you? You enter the activities one by one."), (
            ItemGroup(("aanbod",), pm.Activiteit,
                      Text("Heeft het initiatief al activiteiten?", "Does the initiative have activities yet?"),
                      Text("Denk aan alles wat mensen er kunnen doen, groot en klein. Na 'ja' vult u de activiteiten "
                          "een voor een in: de naam, de soort en een paar vragen.",
                          "Think of everything people can do there, big and small. After 'yes' you enter the "
                          "activities one by one: the name, the kind and a few questions."),
                      Text("activiteit", "activity"), ACTIVITY_QUESTIONS,
                      serves=("K2", "B1", "B2", "B3"),
                      step=Text("De eerste activiteiten starten", "Start the first activities")),
            PlanOffer("aanbod.herstelaanbod_gepland",
                      Text("U noemde geen herstelcursus of herstelgroep. Bent u van plan zo'n herstelaanbod te "
                          "starten?",
                          "You did not mention a recovery course or group. Do you plan to start one?"),
                      Text("Herstelaanbod is bijvoorbeeld een herstelcursus, een herstelgroep of een zelfhulpgroep. "
                          "Bij 'ja' schrijft u de eerste stap op, met een datum.",
                          "Recovery activities are, for example, a recovery course, a recovery group or a self-help "
                          "group. With 'yes' you write down the first step, with a date."),
                      ("K2", "K7", "B3"),
                      Text("Een herstelcursus of herstelgroep starten, bijvoorbeeld Herstellen doe je zelf",
                          "Start a recovery course or group, for example Herstellen doe je zelf"),
                      "initiatief",
                      when=lambda data: not any(
                          isinstance(a, Mapping) and a.get("soort") in RECOVERY_KINDS
                          for a in (data.get("aanbod") or ())
                      )),
        ), is_area=False),
        Section("werkwijze",
                Text("Hoe? - Werkwijze (kenmerk 3 tot en met 8)", "How? - Way of working (characteristics 3 to 8)"),
                Text("Hoe gaat het er bij u aan toe?", "How do things work with you?"), (
            _q("multi", "werkwijze.bezoekersrollen",
               ("Welke rollen kunnen bezoekers op zich nemen?", "Which roles can visitors take on?"),
               ("Een rol is een taak die een bezoeker zelf op zich neemt, zoals gastvrouw of co-trainer.",
                "A role is a task a visitor takes on, such as host or co-trainer."),
               "K3 B2 I4", ("Bezoekers uitnodigen voor een rol, bijvoorbeeld als gastvrouw of gastheer",
                      "Invite visitors to take a role, for example as host")),
            _yn("werkwijze.bezoekers_beslissen_mee",
                ("Beslissen bezoekers mee over de activiteiten en de koers?",
                 "Do visitors have a say in activities and direction?"),
                (("Meebeslissen kan op veel manieren, bijvoorbeeld in een bezoekersoverleg of bij het maken van het "
                 "programma."),
                 ("Having a say can take many forms, for example a visitors' meeting or helping to make the "
                 "programme.")),
                "K3", step=("Een vaste manier afspreken waarop bezoekers meebeslissen",
                            "Agree on a regular way for visitors to decide along")),
            _q("multi", "werkwijze.wensen_ophalen",
               ("Hoe hoort u wat bezoekers willen?", "How do you find out what visitors want?"),
               ("Kies alle manieren die u gebruikt; meer dan één mag.",
                "Choose every way you use; more than one is fine."),
               "K4", ("Regelmatig aan bezoekers vragen wat zij willen", "Regularly ask visitors what they want")),
            _yn("werkwijze.aanbod_vanuit_behoefte",
                ("Ontstaan nieuwe activiteiten uit wat bezoekers zelf willen?",
                 "Do new activities arise from what visitors want?"),
                ("Het gaat erom waar het idee voor een nieuwe activiteit meestal vandaan komt.",
                 "This is about where the idea for a new activity usually comes from."),
                "K4", step=("Nieuwe activiteiten samen met bezoekers bedenken",
                            "Design new activities together with visitors")),
            _yn("werkwijze.clientdossier",
                ("Houdt u per bezoeker een dossier bij?", "Do you keep a file on each visitor?"),
                ("Een dossier is een map of bestand met gegevens en aantekeningen over één persoon.",
                 "A file is a folder or record with details and notes about one person."),
                "K5", good=False, step=("Stoppen met dossiers per bezoeker", "Stop keeping files on visitors")),
            _yn("werkwijze.diagnoses_geregistreerd",
                ("Schrijft u diagnoses van bezoekers op?", "Do you record visitors' diagnoses?"),
                ("Opschrijven: op papier of in de computer, bijvoorbeeld bij de aanmelding.",
                 "Recording: on paper or on a computer, for example when someone signs up."),
                "K5", good=False, step=("Stoppen met het vastleggen van diagnoses", "Stop recording diagnoses")),
            _q("choice", "werkwijze.aanspreekvorm",
               ("Hoe noemt u de mensen die komen?", "What do you call the people who come?"),
               ("Kies het woord dat u meestal gebruikt, in gesprekken en op papier.",
                "Choose the word you usually use, in conversation and in writing."),
               "K5", ("Spreken over bezoekers of deelnemers in plaats van cliënten",
                      "Speak of visitors or participants instead of clients")),
            _yn("werkwijze.peer_support",
                ("Steunen lotgenoten elkaar, en is dat de gewone manier van werken?",
                 "Do peers support each other, and is that the usual way of working?"),
                ("Lotgenoten zijn mensen die iets vergelijkbaars meemaken of hebben meegemaakt.",
                 "Peers are people who are going or went through something similar."),
                "K6 K7", step=("Steun van lotgenoten aan elkaar de gewone werkvorm maken",
                            "Make peer support the usual way of working")),
            _yn("werkwijze.hierarchie_helper_geholpene",
                ("Is er een vaste verdeling tussen wie helpt en wie geholpen wordt?",
                 "Is there a fixed split between who helps and who is helped?"),
                ("Een vaste verdeling: sommigen helpen altijd en anderen worden altijd geholpen.",
                 "A fixed split: some people always help and others are always helped."),
                "K6", good=False, step=("De vaste verdeling tussen helper en geholpene loslaten",
                                        "Let go of the fixed split between helper and helped")),
            _yn("werkwijze.verplichte_trajecten",
                ("Moeten bezoekers een vast traject, stappenplan of protocol volgen?",
                 "Must visitors follow a fixed programme, step plan or protocol?"),
                ("Een vast traject is een reeks stappen die iedereen in dezelfde volgorde doorloopt.",
                 "A fixed programme is a series of steps everyone goes through in the same order."),
                "K7", good=False, step=("Verplichte trajecten vervangen door vrije keuze",
                                        "Replace compulsory programmes by free choice")),
            _yn("werkwijze.intervisie",
                ("Is er intervisie? (medewerkers en vrijwilligers bespreken samen hun werk en leren van elkaar)",
                 ("Is there peer review (intervisie)? (staff and volunteers discuss their work and learn "
                 "from each other)")),
                ("Intervisie is een vast moment waarop mensen samen situaties uit hun werk bespreken.",
                 "Peer review is a regular meeting where people discuss situations from their work together."),
                "K8 Q7", step=("Regelmatig intervisie organiseren", "Organise regular peer review")),
            _yn("werkwijze.uitwisseling_andere_initiatieven",
                ("Wisselt u ervaringen uit met andere initiatieven?", ("Do you exchange experiences with other "
                                                                     "initiatives?")),
                (("Uitwisselen kan bijvoorbeeld door bij elkaar op bezoek te gaan, in een regionaal overleg of in "
                 "een landelijk netwerk."),
                 "Exchange can be, for example, visiting each other, a regional meeting or a national network."),
                "K8", step=("Contact zoeken met andere initiatieven, bijvoorbeeld via Regie in de Regio of de NVZH",
                            "Get in touch with other initiatives, e.g. through Regie in de Regio or the NVZH")),
            _yn("werkwijze.ervaringskennis_vastgelegd",
                ("Schrijft u ervaringskennis op en deelt u die (bijv. in een werkboek)?",
                 "Do you write down and share experiential knowledge (e.g. in a workbook)?"),
                ("Ervaringskennis is wat mensen uit hun eigen ervaring over herstel hebben geleerd.",
                 "Experiential knowledge is what people have learned about recovery from their own experience."),
                "K8", step=("Opschrijven wat werkt en dat delen", "Write down what works and share it")),
            _yn("werkwijze.methode_beschreven",
                ("Is uw manier van werken op papier gezet?", "Is your way of working written down?"),
                ("Op papier: bijvoorbeeld een werkboek, een handboek of een beschrijving op de website.",
                 "Written down: for example a workbook, a handbook or a description on the website."),
                "K8", step=("De werkwijze op papier zetten", "Write down the way of working")),
            _q("text", "werkwijze.vrije_ruimte",
               ("Hoe maakt u ruimte voor wat bezoekers zelf willen? (in eigen woorden)",
                "How do you make room for what visitors want themselves? (in your own words)"),
               ("Geldgevers vragen hier vaak naar; uw eigen woorden komen zo in het rapport.",
                "Funders often ask about this; this way your own words go into the report.")),
        )),
        Section("team",
                Text("Door wie? - Team (kenmerk 9, kwaliteitseis 7)", "By whom? - Team (characteristic 9, "
                                                                       "quality requirement 7)"),
                Text("Wie doet het werk? Een ervaringsdeskundige zet eigen ervaring met herstel bewust in om "
                    "anderen te steunen.",
                    "Who does the work? A peer expert (ervaringsdeskundige) uses their own experience of recovery "
                    "to support others."), (
            _q("choice", "team.coordinatie",
               ("Wie heeft de leiding?", "Who is in charge?"),
               ("Een ervaringsdeskundige zet eigen ervaring met herstel bewust in om anderen te steunen.",
                "A peer expert consciously uses their own experience of recovery to support others."),
               "K9", ("Een ervaringsdeskundige (mede) de leiding geven", "Give a peer expert (shared) leadership")),
            _yn("team.dagelijkse_leiding_ervaringsdeskundige",
                (("Heeft een ervaringsdeskundige wel de dagelijkse leiding van het team? (bijvoorbeeld als een "
                 "leidinggevende van de gastorganisatie eindverantwoordelijk is)"),
                 ("Does a peer expert lead the team day to day? (for example when a manager of the host "
                 "organisation has final responsibility)")),
                ("Dagelijkse leiding is de leiding van het werk van elke dag, los van wie eindverantwoordelijk is.",
                 "The day-to-day lead is the lead of the everyday work, apart from who has final responsibility."),
                "K9", step=("Een ervaringsdeskundige de dagelijkse leiding van het team geven",
                            "Give a peer expert the day-to-day lead of the team"),
                when=_value_is("team.coordinatie", "professional")),
            _q("integer", "team.betaalde_medewerkers",
               ("Hoeveel betaalde medewerkers zijn er? (aantal mensen)", ("How many paid staff are there? "
                                                                         "(number of people)")),
               ("Tel mensen, geen uren.",
                "Count people, not hours.")),
            _q("integer", "team.betaalde_medewerkers_ervaringsdeskundig",
               ("Hoeveel van hen zetten hun eigen ervaring bewust in (ervaringsdeskundig)?",
                "How many of them consciously use their own experience (peer experts)?"),
               ("Ervaringsdeskundig: iemand die eigen ervaring met herstel bewust inzet in het werk.",
                "Peer expert: someone who consciously uses their own experience of recovery in the work."),
               "K9 Q7", ("Ervaringsdeskundigen in dienst nemen", "Hire peer experts"),
               when=_NOT_PAID_ZERO, at_most=("team", "betaalde_medewerkers")),
            _q("number", "team.fte",
               ("Hoeveel fte betaald werk is dat samen? (1 fte is een volle werkweek; bijv. 2,5)",
                "How many FTE of paid work is that in total? (1 FTE is a full working week; e.g. 2.5)"),
               ("Zo kan het rapport uw initiatief naast landelijke cijfers zetten.",
                "So the report can set your initiative beside national figures.")),
            _q("integer", "team.vrijwilligers",
               ("Hoeveel vrijwilligers zijn er?", "How many volunteers are there?"),
               ("Tel de mensen die nu geregeld als vrijwilliger meedoen.",
                "Count the people who volunteer regularly at the moment.")),
            _q("integer", "team.opgeleide_ervaringsdeskundigen",
               ("Hoeveel mensen hebben een opleiding ervaringsdeskundigheid (mbo, hbo of vergelijkbaar)?",
                "How many people are trained as peer experts (vocational, higher education or similar)?"),
               ("Bijvoorbeeld een mbo- of hbo-opleiding ervaringsdeskundigheid, of een vergelijkbare scholing.",
                "For example a vocational or higher education course for peer experts, or similar training."),
               "Q7 K9", ("Iemand de opleiding ervaringsdeskundigheid laten volgen",
                         "Have someone take the peer expert training")),
            _yn("team.scholingsplan",
                ("Is er een plan voor scholing van medewerkers en vrijwilligers?",
                 "Is there a training plan for staff and volunteers?"),
                ("Een scholingsplan zegt wie welke cursus of training volgt, en wanneer.",
                 "A training plan says who takes which course or training, and when."),
                "Q7", step=("Een scholingsplan maken", "Make a training plan")),
            _yn("team.professionele_achtervang",
                ("Kunnen medewerkers terugvallen op een professional als problemen zwaar worden?",
                 "Can staff fall back on a professional when problems get serious?"),
                ("Achtervang: een professional die u kunt bellen of inschakelen als het te zwaar wordt.",
                 "Back-up: a professional you can call or bring in when things get too heavy."),
                "Q7", step=("Afspraken maken over achtervang door een professional",
                            "Arrange professional back-up")),
            _yn("team.coaching",
                ("Krijgen medewerkers en vrijwilligers coaching of supervisie bij hun werk?",
                 "Do staff and volunteers get coaching or supervision in their work?"),
                ("Coaching of supervisie: iemand die geregeld met u meekijkt naar het werk en hoe het gaat.",
                 "Coaching or supervision: someone who regularly looks with you at the work and how it goes."),
                "Q7", step=("Coaching of supervisie regelen, bijvoorbeeld door een ervaren ervaringsdeskundige",
                            "Arrange coaching or supervision, for example by an experienced peer expert")),
            _yn("team.doorstroom_naar_vrijwilliger",
                ("Worden bezoekers na een tijd zelf vrijwilliger?", "Do visitors become volunteers after a while?"),
                ("Het gaat om wat er in de praktijk gebeurt, ook als het maar af en toe is.",
                 "This is about what happens in practice, even if only now and then."),
                "I4", step=("Bezoekers uitnodigen om vrijwilliger te worden", "Invite visitors to volunteer")),
            _yn("team.doorstroom_naar_betaald_werk",
                ("Stromen vrijwilligers door naar betaald werk, hier of ergens anders?",
                 "Do volunteers move on to paid work, here or elsewhere?"),
                ("Het gaat om wat er in de praktijk gebeurt, ook als het maar af en toe is.",
                 "This is about what happens in practice, even if only now and then."),
                "B2 I4", step=("Vrijwilligers helpen op weg naar betaald werk",
                            "Help volunteers on their way to paid work")),
        )),
        Section("samenwerking",
                Text("Met wie? - Samenwerking (kenmerk 10)", "With whom? - Cooperation (characteristic 10)"),
                Text("Met wie werkt u samen, zodat mensen bij de juiste plek terechtkomen?",
                    "Whom do you work with, so people end up in the right place?"), (
            ItemGroup(("samenwerking", "partners"), pm.Partner,
                      Text("Werkt het initiatief samen met andere organisaties?",
                          "Does the initiative work with other organisations?"),
                      Text("Partners zijn organisaties waarmee u geregeld samenwerkt, bijvoorbeeld de gemeente, het "
                          "welzijnswerk, huisartsen of de ggz. Na 'ja' vult u ze een voor een in.",
                          "Partners are organisations you work with regularly, for example the municipality, welfare "
                          "services, GPs or mental health care. After 'yes' you enter them one by one."),
                      Text("partner", "partner"), PARTNER_QUESTIONS,
                      serves=("K10",),
                      step=Text("Kennismaken met de gemeente, welzijn, huisartsen en de ggz",
                               "Get to know the municipality, welfare, GPs and mental health care"),
                      plan_area="samenwerking"),
            _yn("samenwerking.crisisafspraken_ggz",
                ("Zijn er afspraken met de ggz voor als iemand in een crisis raakt?",
                 "Are there arrangements with mental health care for when someone is in crisis?"),
                ("Afspraken: bijvoorbeeld wie u belt en wie er komt als iemand in een crisis raakt.",
                 "Arrangements: for example whom you call and who comes when someone is in crisis."),
                "T6", step=("Crisisafspraken maken met de ggz", "Make crisis arrangements with mental health care")),
            _yn("samenwerking.crisisafspraken_113",
                ("Zijn er afspraken met 113 Zelfmoordpreventie? (113 is de hulplijn bij gedachten aan zelfdoding)",
                 "Are there arrangements with 113 Zelfmoordpreventie? (the Dutch suicide prevention line)"),
                (("Afspraken: bijvoorbeeld hoe u iemand in contact brengt met 113, of een vaste contactpersoon "
                 "daar."),
                 ("Arrangements: for example how you put someone in touch with 113, or a fixed contact person "
                 "there.")),
                "T6", step=("Afspraken maken met 113 Zelfmoordpreventie",
                             "Make arrangements with 113 Zelfmoordpreventie")),
        )),
        Section("kwaliteit",
                Text("Kwaliteit (kwaliteitseisen 1 tot en met 10)", "Quality (quality requirements 1 to 10)"),
                Text("Welke regelingen en afspraken zijn er?", "Which arrangements are in place?"), (
            _yn("kwaliteit.klachtenprocedure.aanwezig",
                ("Is er een klachtenregeling? (hoe iemand een klacht indient en wat er dan gebeurt)",
                 "Is there a complaints procedure? (how to complain and what happens next)"),
                ("Een regeling is hier iets wat op papier staat en is vastgesteld, bijvoorbeeld door het bestuur.",
                 "A procedure here means something written down and adopted, for example by the board."),
                "Q1", step=("Een klachtenregeling opstellen en vaststellen", ("Draw up and adopt a complaints "
                                                                           "procedure"))),
            _q("date", "kwaliteit.klachtenprocedure.vastgesteld_op",
               ("Wanneer is de klachtenregeling vastgesteld?", "When was the complaints procedure adopted?"),
               ("Met een datum is te zien of de regeling actueel is.", "A date shows whether it is up to date."),
               when=_value_is("kwaliteit.klachtenprocedure.aanwezig", True)),
            _regulation_evidence("klachtenprocedure", ("de klachtenregeling", "the complaints procedure")),
            _yn("kwaliteit.privacyregeling.aanwezig",
                ("Is er een privacyregeling? (hoe u omgaat met gegevens van mensen, volgens de AVG, de privacywet)",
                 "Is there a privacy policy? (how you handle personal data under the GDPR)"),
                ("De regeling zegt welke gegevens u van mensen bewaart, waarom, en hoe u die beschermt.",
                 "The policy says which personal data you keep, why, and how you protect it."),
                "Q2", step=("Een privacyregeling opstellen", "Draw up a privacy policy")),
            _q("date", "kwaliteit.privacyregeling.vastgesteld_op",
               ("Wanneer is de privacyregeling vastgesteld?", "When was the privacy policy adopted?"),
               ("Met een datum is te zien of de regeling actueel is.", "A date shows whether it is up to date."),
               when=_value_is("kwaliteit.privacyregeling.aanwezig", True)),
            _regulation_evidence("privacyregeling", ("de privacyregeling", "the privacy policy")),
            _yn("kwaliteit.vertrouwenspersoon.aanwezig",
                ("Is er een vertrouwenspersoon? (iemand bij wie bezoekers en medewerkers terechtkunnen met zorgen)",
                 "Is there a confidential adviser? (someone visitors and staff can turn to with worries)"),
                ("Een vertrouwenspersoon luistert in vertrouwen en kan helpen bij een klacht of melding.",
                 "A confidential adviser listens in confidence and can help with a complaint or report."),
                "Q3", step=("Een vertrouwenspersoon aanstellen", "Appoint a confidential adviser")),
            _q("date", "kwaliteit.vertrouwenspersoon.vastgesteld_op",
               ("Wanneer is de regeling voor de vertrouwenspersoon vastgesteld?",
                "When was the confidential adviser procedure adopted?"),
               ("Met een datum is te zien of de regeling actueel is.", "A date shows whether it is up to date."),
               when=_value_is("kwaliteit.vertrouwenspersoon.aanwezig", True)),
            _regulation_evidence("vertrouwenspersoon", ("de regeling voor de vertrouwenspersoon", "the confidential adviser procedure")),
            _q("text", "kwaliteit.cao",
               (("Welke cao geldt voor de betaalde medewerkers? (een cao zijn afspraken over loon en werktijden "
                "voor een hele sector) Typ de naam, of 'geen'."),
                "Which collective labour agreement (cao) applies to paid staff? Type its name, or 'none'."),
               ("Bijvoorbeeld de cao Sociaal Werk of de cao GGZ.",
                "For example the cao Sociaal Werk or the cao GGZ."),
               "Q4", ("Een passende cao kiezen en toepassen", "Choose and apply a suitable collective agreement"),
               when=_NOT_PAID_ZERO, none_flag="geen_cao"),
            _yn("kwaliteit.vrijwilligersbeleid.aanwezig",
                ("Is er vrijwilligersbeleid op papier?", "Is there a written volunteer policy?"),
                (("Vrijwilligersbeleid beschrijft hoe u met vrijwilligers werkt, bijvoorbeeld begeleiding, "
                 "veiligheid en waardering."),
                 ("A volunteer policy describes how you work with volunteers, for example support, safety and "
                 "appreciation.")),
                "Q5", step=("Vrijwilligersbeleid op papier zetten", "Write a volunteer policy")),
            _q("multi", "kwaliteit.vrijwilligersbeleid.onderwerpen",
               ("Over welke onderwerpen gaat het vrijwilligersbeleid?", ("Which topics does the volunteer policy "
                                                                        "cover?")),
               ("Kies alle onderwerpen die in het beleid staan.",
                "Choose every topic the policy covers."),
               "Q5", ("De ontbrekende onderwerpen toevoegen aan het vrijwilligersbeleid",
                      "Add the missing topics to the volunteer policy"),
               when=_value_is("kwaliteit.vrijwilligersbeleid.aanwezig", True)),
            _q("choice", "kwaliteit.vog.voor",
               (("Wie heeft een VOG? (Verklaring Omtrent het Gedrag: een bewijs van de overheid dat iemands "
                "verleden geen bezwaar is voor dit werk)"),
                "Who has a VOG? (certificate of conduct from the Dutch government)"),
               ("Kies wat op dit moment geldt.",
                "Choose what applies now."),
               "Q6", ("Een VOG aanvragen voor iedereen die bezoekers ondersteunt",
                      "Apply for a VOG for everyone who supports visitors")),
            _q("date", "kwaliteit.vog.oudste_afgiftedatum",
               ("Wat is de datum van de oudste VOG die nu nog gebruikt wordt?",
                "What is the date of the oldest VOG still in use?"),
               ("De datum van afgifte staat op de VOG zelf.",
                "The date of issue is on the VOG itself."),
               "Q6", ("Nieuwe VOG's aanvragen voor wie een VOG van meer dan 3 jaar oud heeft",
                      "Apply for new VOGs for everyone whose VOG is more than 3 years old"),
               when=_value_is_not("kwaliteit.vog.voor", "niemand", MISSING)),
            _yn("kwaliteit.medezeggenschap.deelnemers",
                ("Hebben bezoekers of deelnemers inspraak, bijvoorbeeld via een deelnemersraad?",
                 "Do visitors or participants have a say, e.g. through a participants' council?"),
                (("Inspraak: meepraten en advies geven over besluiten, bijvoorbeeld in een raad of een vast "
                 "overleg."),
                 "A say: taking part in and advising on decisions, for example in a council or a regular meeting."),
                "Q8", step=("Inspraak voor deelnemers regelen", "Arrange a say for participants")),
            _yn("kwaliteit.medezeggenschap.vrijwilligers",
                ("Hebben vrijwilligers inspraak?", "Do volunteers have a say?"),
                (("Inspraak: meepraten en advies geven over besluiten, bijvoorbeeld in een raad of een vast "
                 "overleg."),
                 "A say: taking part in and advising on decisions, for example in a council or a regular meeting."),
                "Q8", step=("Inspraak voor vrijwilligers regelen", "Arrange a say for volunteers")),
            _yn("kwaliteit.medezeggenschap.medewerkers",
                (("Hebben medewerkers inspraak, bijvoorbeeld via een ondernemingsraad (OR) of "
                 "personeelsvertegenwoordiging (PVT)?"),
                 "Do staff have a say, e.g. through a works council?"),
                ("Een ondernemingsraad of personeelsvertegenwoordiging praat namens de medewerkers mee.",
                 "A works council or staff representation speaks for the staff."),
                "Q8", step=("Inspraak voor medewerkers regelen", "Arrange a say for staff")),
            _yn("kwaliteit.medezeggenschap.vroeg_betrokken_bij_beleid",
                ("Worden zij al vroeg betrokken bij nieuw beleid?", "Are they involved early in new policy?"),
                ("Vroeg: voordat het besluit valt, zodat hun mening nog iets kan veranderen.",
                 "Early: before the decision is made, so their views can still change it."),
                "Q8", step=("Deelnemers en vrijwilligers vroeg betrekken bij nieuw beleid",
                            "Involve participants and volunteers early in new policy")),
            _q("choice", "kwaliteit.keurmerk.naam",
               ("Heeft het initiatief een keurmerk of kwaliteitssysteem?",
                "Does the initiative have a quality mark or quality system?"),
               (("Een keurmerk of kwaliteitssysteem is een erkende manier om kwaliteit te bewaken, bijvoorbeeld HKZ "
                "of ISO 9001."),
                "A quality mark or system is a recognised way to guard quality, for example HKZ or ISO 9001."),
               "Q9", ("Een opbouwtraject naar een keurmerk starten", "Start working towards a quality mark")),
            _yn("kwaliteit.keurmerk.kwaliteitsafspraken_financier",
                ("Zijn er afspraken over kwaliteit met de geldgever?", ("Are there quality agreements with the "
                                                                      "funder?")),
                ("De geldgever is bijvoorbeeld de gemeente of een fonds.",
                 "The funder is, for example, the municipality or a charitable fund."),
                "Q9", step=("Kwaliteitsafspraken maken met de geldgever", "Make quality agreements with the funder"),
                when=_NO_REAL_KEURMERK),
            _yn("kwaliteit.keurmerk.opbouwtraject",
                ("Werkt u stap voor stap naar een keurmerk toe (een opbouwtraject)?",
                 "Are you working step by step towards a quality mark?"),
                ("Een opbouwtraject is een plan om in een paar jaar een keurmerk te halen.",
                 "A build-up path is a plan to obtain a quality mark within a few years."),
                "Q9", step=("Een opbouwtraject naar een keurmerk starten", "Start working towards a quality mark"),
                when=_NO_REAL_KEURMERK),
            _yn("kwaliteit.rie.uitgevoerd",
                (("Is er een RI&E gedaan? (risico-inventarisatie en -evaluatie: een check van de risico's voor "
                 "veiligheid en gezondheid op het werk)"),
                 "Has a risk assessment (RI&E) been done? (a check of safety and health risks at work)"),
                ("Een RI&E wordt vaak gedaan met een hulpmiddel van de branche of door een arbodienst.",
                 "A risk assessment is often done with a sector tool or by an occupational health service."),
                "Q10", step=("Een RI&E laten doen", "Have a risk assessment done")),
            _q("date", "kwaliteit.rie.datum",
               ("Wanneer is de RI&E gedaan?", "When was the risk assessment done?"),
               ("Met een datum is te zien of de RI&E actueel is.", "A date shows whether it is up to date."),
               when=_value_is("kwaliteit.rie.uitgevoerd", True)),
        )),
        Section("financiering",
                Text("Financiering", "Funding"),
                Text("Deze vragen zijn geen eis; ze laten zien hoe stevig het geld geregeld is.",
                    "These questions are not requirements; they show how solid the funding is."), (
            _q("multi", "financiering.bronnen",
               ("Waar komt het geld vandaan?", "Where does the money come from?"),
               ("Kies alle bronnen waar nu geld vandaan komt; meer dan één mag.",
                "Choose every source money comes from now; more than one is fine."),
               "F2", ("Een tweede geldbron zoeken, bijvoorbeeld een fonds", ("Find a second source of money, "
                                                                           "for example a charitable fund"))),
            _q("integer", "financiering.langste_afspraak_jaren",
               ("Voor hoeveel jaar loopt de langste afspraak over geld? (0 als die korter is dan een jaar)",
                "For how many years does the longest funding agreement run? (0 if under a year)"),
               ("Het gaat om de afspraak die het langst loopt, bijvoorbeeld een subsidie voor meerdere jaren.",
                "This is about the agreement that runs longest, for example a grant for several years."),
               "F1", ("Met de gemeente praten over een afspraak voor minstens drie jaar",
                      "Discuss an agreement of at least three years with the municipality")),
            _yn("financiering.lumpsum",
                (("Krijgt u een vast bedrag voor afgesproken resultaten (lumpsum), in plaats van betaling per uur "
                 "of per persoon?"),
                 "Do you receive a fixed sum for agreed results (lump sum) instead of payment per hour or person?"),
                (("Bij een lumpsum krijgt u één bedrag en legt u verantwoording af over resultaten, niet over elk "
                 "uur."),
                 "With a lump sum you get one amount and report on results, not on every hour."),
                good=None),
            _q("number", "financiering.reservemarge_procent",
               ("Hoeveel procent van het budget mag u opzij zetten als reserve? (bijv. 1,5)",
                "What percentage of the budget may you keep as a reserve? (e.g. 1.5)"),
               ("Een reserve is geld dat u mag bewaren voor tegenvallers.",
                "A reserve is money you may keep for setbacks.")),
            _q("integer", "financiering.omzet_euro",
               ("Hoeveel geld gaat er per jaar om in het initiatief? (omzet in euro)",
                "How much money does the initiative handle per year? (turnover in euro)"),
               ("Zo kan het rapport uw initiatief naast landelijke cijfers zetten.",
                "So the report can set your initiative beside national figures.")),
        )),
        Section("bereik",
                Text("Bereik", "Reach"),
                Text("Deze cijfers geven een beeld; ze worden niet beoordeeld. Een schatting is goed.",
                    "These figures give a picture; they are not judged. An estimate is fine."), (
            _q("integer", "bereik.bezoekers_per_jaar",
               ("Hoeveel verschillende mensen komen er per jaar?", "How many different people come per year?"),
               ("Dat laat zien hoeveel mensen u bereikt.", "This shows how many people you reach.")),
            _q("integer", "bereik.bezoeken_per_week",
               ("Hoeveel bezoeken zijn er per week?", "How many visits are there per week?"),
               ("Dat laat zien hoe druk het is.", "This shows how busy it is.")),
        )),
    )


def _regulation_evidence(name: str, what: tuple[str, str]) -> Question:
    """Where a regulation can be read: its document or web address makes the outcome onderbouwd."""
    return _q("evidence", f"kwaliteit.{name}.bewijs",
              (f"Waar is {what[0]} te vinden? Typ het webadres of de naam van het document.",
               f"Where can {what[1]} be found? Type the web address or the name of the document."),
              ("Met een document of webadres is de regeling onderbouwd, niet alleen genoemd.",
               "With a document or web address the regulation is backed, not only stated."),
              when=_value_is(f"kwaliteit.{name}.aanwezig", True))


def _given_and_not_empty(path: FieldPath) -> Callable[[Data], bool]:
    return lambda data: bool(get_value(data, path))


def _completeness(path: FieldPath) -> Question:
    """"Is dit alles?" after a list: only a complete list shows that something is not there."""
    return Question(
        (*path[:-1], path[-1] + pm.COMPLETE_SUFFIX),
        "yesno",
        Text("Is dit alles? Staat hiermee alles erin wat er is?", "Is this all? Does this list everything there is?"),
        Text("Alleen als de lijst compleet is, telt wat er niet in staat als 'is er niet'. Anders blijft dat "
            "onbekend: geen fout, wel een open vraag.",
            "Only if the list is complete does what is not in it count as 'not there'. Otherwise it stays "
            "unknown: not a failure, but an open question."),
        good=None,
        when=_given_and_not_empty(path),
    )


def _with_completeness(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Every list question followed by its "is dit alles?", for each list the profile model can mark complete."""
    out = []
    for section in sections:
        steps: list[Step] = []
        for step in section.steps:
            steps.append(step)
            path = step.path if isinstance(step, (Question, ItemGroup)) else None
            if path is None or (isinstance(step, Question) and step.kind != "multi"):
                continue
            parent = _unwrap_model(field_info(pm.Profile, path[:-1]).annotation) if len(path) > 1 else pm.Profile
            if path[-1] + pm.COMPLETE_SUFFIX in parent.model_fields:
                steps.append(_completeness(path))
        out.append(Section(section.key, section.title, section.intro, tuple(steps), section.is_area))
    return tuple(out)


CATALOGUE: tuple[Section, ...] = _with_completeness(_catalogue())
# The sections by key, in the order they are asked (``init --update --sectie NAAM``).
SECTION_KEYS: tuple[str, ...] = tuple(section.key for section in CATALOGUE)

TOELICHTING = (
    Text("Wilt u nog iets toelichten over dit onderdeel? (in eigen woorden)",
        "Anything you want to explain about this part? (in your own words)"),
    Text("Uw uitleg helpt in het gesprek met de gemeente of een andere geldgever.",
        "Your explanation helps in the conversation with the municipality or another funder."),
)


def iter_questions() -> Iterator[tuple[type[BaseModel], FieldPath, Question]]:
    """Every fact question with the model it is asked against and its absolute path."""
    for section in CATALOGUE:
        for step in section.steps:
            if isinstance(step, Question):
                yield pm.Profile, step.path, step
            elif isinstance(step, ItemGroup):
                for question in step.questions:
                    yield step.model, question.path, question


def _signature(step: Step) -> str:
    if isinstance(step, Question):
        return f"Q {step.key} {step.kind} {step.required} {step.plannable} {step.good} {step.none_flag} {step.at_most}"
    if isinstance(step, ItemGroup):
        inner = "/".join(_signature(question) for question in step.questions)
        return f"G {step.key} {bool(step.serves) and step.step is not None} {step.plan_area} [{inner}]"
    return f"P {step.key} {step.area}"


def catalogue_fingerprint() -> str:
    """A short digest of which questions are asked, of which kind, with which choices.

    Answers typed for one catalogue replay exactly only against the same one: a saved, stopped session
    (``init``'s draft) made with another version is not replayed.
    """
    parts = [f"{section.key}:" + "|".join(_signature(step) for step in section.steps) for section in CATALOGUE]
    parts += [f"{enum.__name__}:" + ",".join(labels) for enum, labels in LABELS.items()]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]
