"""The self-assessment questionnaire behind ``iza-check init``.

Two parts: a catalogue of plain-language questions, each mapped to one field of the profile model, and
an engine that asks them through an injected ``ask`` (reads one answer) and ``say`` (shows one line).
The engine never touches a terminal, so every path is testable with scripted answers.

Answers that are not facts have their own words: ``?`` (weet ik niet) leaves the field out, so it is
*onbekend* later; ``g`` (gepland) records an ``in_ontwikkeling`` plan for the criteria that field serves.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, HttpUrl, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from iza_check.profile import model as pm

Lang = Literal["nl", "en"]
Ask = Callable[[str], str]
Say = Callable[[str], None]
Data = dict[str, Any]
FieldPath = tuple[str, ...]
Kind = Literal["yesno", "choice", "multi", "integer", "number", "date", "text", "url", "evidence"]

PROMPT = "> "


@dataclass(frozen=True, slots=True)
class Msg:
    """One user-facing text in Dutch and English."""

    nl: str
    en: str

    def __call__(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.nl


class QuestionnaireAborted(Exception):
    """The person stopped (Ctrl-D or Ctrl-C); nothing must be written."""


class AnswersInvalid(ValueError):
    """All questions were answered, but together they do not make a valid profile.

    ``data`` holds every answer, so the caller can keep them (``init`` saves them beside the profile).
    """

    def __init__(self, data: dict[str, Any], error: ValidationError) -> None:
        super().__init__(str(error))
        self.data = data
        self.error = error


class _Special(Enum):
    UNKNOWN = "unknown"
    PLANNED = "planned"


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
# The answer "geen" to a text question with a ``none_flag`` (the cao question).
_NONE_MARK: Any = object()
# The current state "no name, but the flag says false" (``geen_cao: false``: a cao applies, name not given).
_FLAG_FALSE_MARK: Any = object()


class _Invalid(Exception):
    def __init__(self, message: Msg, **values: object) -> None:
        super().__init__(message.nl)
        self.message = message
        self.values = values

    def text(self, lang: Lang) -> str:
        return self.message(lang).format(**self.values)


# --------------------------------------------------------------------------------------------- words

def _normalise(raw: str) -> str:
    text = raw.strip().lower().replace("\u2019", "'")
    text = re.sub(r"\s+", " ", text)
    return text.rstrip(".!")


_YES = frozenset({"j", "ja", "y", "yes"})
_NO = frozenset({"n", "nee", "no"})
_UNKNOWN = frozenset({"?", "weet ik niet", "weet niet", "onbekend", "wn", "don't know", "dont know", "unknown"})
_PLANNED = frozenset({"g", "gepland", "nog niet, maar gepland", "nog niet maar gepland", "planned", "p"})
_NONE = frozenset({"geen", "niets", "niemand", "none", "nothing", "no one"})


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


@lru_cache(maxsize=None)
def _adapter(root: type[BaseModel], path: FieldPath) -> TypeAdapter[Any]:
    info = field_info(root, path)
    annotation: Any = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return TypeAdapter(annotation)


@lru_cache(maxsize=None)
def _bounds(root: type[BaseModel], path: FieldPath) -> dict[str, Any]:
    """minimum/maximum/minLength/maxLength as the model states them (one source of truth)."""
    schema = _adapter(root, path).json_schema()
    found: dict[str, Any] = {}

    def walk(node: Mapping[str, Any]) -> None:
        for key in ("minimum", "maximum", "minLength", "maxLength"):
            if key in node:
                found[key] = node[key]
        for option in node.get("anyOf", ()):
            walk(option)

    walk(schema)
    return found


# --------------------------------------------------------------------------------------- the catalogue

@dataclass(frozen=True, slots=True)
class Question:
    """One question; ``path`` is absolute for area questions and relative to the item for item questions."""

    path: FieldPath
    kind: Kind
    text: Msg
    why: Msg
    serves: tuple[str, ...] = ()
    # yes/no: the answer that favours the criteria; "gepland" then records the other one ("not yet").
    good: bool | None = None
    required: bool = False
    when: Callable[[Data], bool] | None = None
    step: Msg | None = None
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
    intro: Msg
    why: Msg
    noun: Msg
    questions: tuple[Question, ...]
    serves: tuple[str, ...] = ()
    step: Msg | None = None
    plan_area: str = "initiatief"

    @property
    def key(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True, slots=True)
class PlanOffer:
    """A yes/no question whose "ja" records a plan (no fact field of its own)."""

    key: str
    text: Msg
    why: Msg
    serves: tuple[str, ...]
    step: Msg
    area: str
    when: Callable[[Data], bool]


Step = Question | ItemGroup | PlanOffer


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: Msg
    intro: Msg
    steps: tuple[Step, ...]
    # Area sections carry toelichting and in_ontwikkeling; "aanbod" is a bare list.
    is_area: bool = True


def _yn(path: str, text: tuple[str, str], why: tuple[str, str], serves: str = "", good: bool | None = True,
        step: tuple[str, str] | None = None, when: Callable[[Data], bool] | None = None) -> Question:
    return Question(
        tuple(path.split(".")), "yesno", Msg(*text), Msg(*why), tuple(serves.split()), good,
        when=when, step=Msg(*step) if step else None,
    )


def _q(kind: Kind, path: str, text: tuple[str, str], why: tuple[str, str], serves: str = "",
       step: tuple[str, str] | None = None, **extra: Any) -> Question:
    return Question(
        tuple(path.split(".")), kind, Msg(*text), Msg(*why), tuple(serves.split()),
        step=Msg(*step) if step else None, **extra,
    )


def _get(data: Mapping[str, Any], path: FieldPath) -> Any:
    node: Any = data
    for key in path:
        if not isinstance(node, Mapping) or key not in node:
            return MISSING
        node = node[key]
    return node


def _value_is(path: str, *values: object) -> Callable[[Data], bool]:
    keys = tuple(path.split("."))
    return lambda data: _get(data, keys) in values


def _value_is_not(path: str, *values: object) -> Callable[[Data], bool]:
    keys = tuple(path.split("."))
    return lambda data: _get(data, keys) not in values


RECOVERY_KINDS = frozenset(
    {"herstelcursus", "empowermentcursus", "herstelgroep", "schrijfgroep", "zelfhulpgroep", "lotgenotengroep"}
)

# Labels for every enum value shown in a numbered list: plain words instead of keys.
LABELS: dict[type[Enum], dict[str, Msg]] = {
    pm.Organisatievorm: {
        "stichting": Msg("stichting", "foundation (stichting)"),
        "vereniging": Msg("vereniging", "association (vereniging)"),
        "cooperatie": Msg("coöperatie", "cooperative"),
        "onderdeel_ggz_instelling": Msg("onderdeel van een ggz-instelling", "part of a mental health care provider"),
        "onderdeel_welzijnsorganisatie": Msg("onderdeel van een welzijnsorganisatie", "part of a welfare organisation"),
        "informeel_collectief": Msg("informele groep, zonder rechtsvorm", "informal group, no legal entity"),
        "anders": Msg("anders", "other"),
    },
    pm.Doelgroep: {
        "psychische_kwetsbaarheid": Msg("mensen met psychische kwetsbaarheid", "people with mental vulnerability"),
        "epa": Msg("mensen met EPA (ernstige, langdurige psychische problemen)",
                   "people with EPA (severe, long-term mental illness)"),
        "sociaal_emotionele_kwetsbaarheid": Msg("mensen met sociaal-emotionele kwetsbaarheid",
                                                "people with social-emotional vulnerability"),
        "naasten": Msg("naasten (familie, vrienden)", "loved ones (family, friends)"),
        "verslaving": Msg("mensen met een verslaving", "people with an addiction"),
        "dak_en_thuisloosheid": Msg("dak- en thuislozen", "homeless people"),
        "iedereen": Msg("iedereen", "everyone"),
    },
    pm.EigenBijdrage: {
        "geen": Msg("niets, het is gratis", "nothing, it is free"),
        "vrijwillig": Msg("een vrijwillige bijdrage", "a voluntary contribution"),
        "laag": Msg("een kleine vaste bijdrage", "a small fixed contribution"),
        "hoog": Msg("een hogere vaste bijdrage", "a higher fixed contribution"),
    },
    pm.Soort: {
        "inloop": Msg("inloop", "drop-in"),
        "ontmoeting": Msg("ontmoeting", "meeting others"),
        "ontspanning": Msg("ontspanning en recreatie", "leisure and recreation"),
        "sport": Msg("sport en bewegen", "sport and exercise"),
        "creatief": Msg("creatieve activiteit", "creative activity"),
        "maaltijd": Msg("samen eten", "shared meal"),
        "maatjescontact": Msg("maatjescontact (een vast maatje)", "buddy contact"),
        "vrijwilligerswerkplek": Msg("vrijwilligerswerkplek", "volunteer work placement"),
        "werkproject": Msg("werkproject", "work project"),
        "toeleiding_betaald_werk": Msg("hulp op weg naar betaald werk", "support towards paid work"),
        "herstelcursus": Msg("herstelcursus", "recovery course"),
        "empowermentcursus": Msg("empowermentcursus (meer regie over je leven)",
                                 "empowerment course (more control over your life)"),
        "herstelgroep": Msg("herstelgroep", "recovery group"),
        "schrijfgroep": Msg("schrijfgroep", "writing group"),
        "zelfhulpgroep": Msg("zelfhulpgroep", "self-help group"),
        "lotgenotengroep": Msg("lotgenotengroep (mensen met dezelfde ervaring)",
                               "peer group (people with the same experience)"),
        "informatie_en_advies": Msg("informatie en advies", "information and advice"),
        "individuele_ondersteuning": Msg("persoonlijke steun door een ervaringsdeskundige",
                                         "one-to-one support by a peer expert"),
        "kwaliteitsontwikkeling_ervaringsdeskundigheid": Msg("scholing en intervisie voor ervaringsdeskundigen",
                                                             "training and peer review for peer experts"),
        "beleidsparticipatie": Msg("meepraten over beleid van gemeente of zorg",
                                   "having a say in municipal or care policy"),
        "kwartiermaken": Msg("kwartiermaken (de buurt gastvrij maken, tegen stigma)",
                             "community building against stigma (kwartiermaken)"),
        "deskundigheidsbevordering_professionals": Msg("training voor professionals", "training for professionals"),
        "ondersteuning_naasten": Msg("steun voor familie en naasten", "support for family and loved ones"),
        "anders": Msg("iets anders", "something else"),
    },
    pm.Methode: {
        "herstellen_doe_je_zelf": Msg("Herstellen doe je zelf", "Herstellen doe je zelf (recovery is up to you)"),
        "wrap": Msg("WRAP (een eigen plan om goed te blijven gaan)", "WRAP (Wellness Recovery Action Plan)"),
        "werken_met_eigen_ervaring": Msg("Werken met eigen ervaring", "Werken met eigen ervaring (working with "
                                         "your own experience)"),
        "hop": Msg("HOP (Honest, Open, Proud: kiezen of je vertelt over je ervaring)", "HOP (Honest, Open, Proud)"),
        "eigen_methode": Msg("een eigen methode", "a method of our own"),
        "geen": Msg("geen vaste methode", "no fixed method"),
    },
    pm.Rol: {
        "gastvrouw_gastheer": Msg("gastvrouw of gastheer", "host"),
        "vrijwilliger": Msg("vrijwilliger", "volunteer"),
        "co_trainer": Msg("co-trainer bij een cursus", "co-trainer of a course"),
        "organisator_activiteit": Msg("organisator van een activiteit", "organiser of an activity"),
        "bestuurslid": Msg("bestuurslid", "board member"),
        "betaalde_kracht": Msg("betaalde kracht", "paid staff member"),
    },
    pm.WensenOphalen: {
        "bezoekersoverleg": Msg("een overleg met bezoekers", "a visitors' meeting"),
        "ideeenbus": Msg("een ideeënbus", "a suggestion box"),
        "enquete": Msg("een vragenlijst (enquête)", "a questionnaire (survey)"),
        "persoonlijk_gesprek": Msg("persoonlijke gesprekken", "personal conversations"),
        "evaluatie_na_activiteit": Msg("samen terugkijken na een activiteit", "looking back together after an activity"),
    },
    pm.Aanspreekvorm: {
        "bezoeker": Msg("bezoeker", "visitor"),
        "deelnemer": Msg("deelnemer", "participant"),
        "lid": Msg("lid", "member"),
        "gast": Msg("gast", "guest"),
        "client": Msg("cliënt", "client"),
        "patient": Msg("patiënt", "patient"),
    },
    pm.Coordinatie: {
        "ervaringsdeskundige": Msg("een ervaringsdeskundige", "a peer expert"),
        "gedeeld": Msg("gedeeld: een ervaringsdeskundige samen met een professional",
                       "shared: a peer expert together with a professional"),
        "professional": Msg("een professional zonder eigen ervaringsdeskundigheid",
                            "a professional without lived-experience expertise"),
    },
    pm.Partnercategorie: {
        "sociaal_domein": Msg("gemeente of sociaal domein (bijv. het wijkteam)",
                              "municipality or social domain (e.g. the neighbourhood team)"),
        "welzijn": Msg("welzijnsorganisatie", "welfare organisation"),
        "huisartsen": Msg("huisarts of praktijkondersteuner (POH-ggz)", "GP or practice nurse for mental health"),
        "zorgaanbieders": Msg("zorgaanbieder (bijv. een ggz-instelling)", "care provider (e.g. mental health care)"),
        "onderwijs": Msg("onderwijs", "education"),
        "werk_en_inkomen": Msg("werk en inkomen (bijv. UWV, werkgevers)", "work and income (e.g. UWV, employers)"),
        "overig": Msg("anders", "other"),
    },
    pm.VrijwilligersOnderwerp: {
        "continuiteit": Msg("continuïteit (het werk gaat door als iemand uitvalt)",
                            "continuity (work goes on when someone drops out)"),
        "kwaliteit_ondersteuning": Msg("kwaliteit van de ondersteuning", "quality of support"),
        "veiligheid": Msg("veiligheid", "safety"),
        "deskundigheid": Msg("deskundigheid en scholing", "expertise and training"),
        "waardering": Msg("waardering van vrijwilligers", "appreciation of volunteers"),
    },
    pm.VogVoor: {
        "iedereen": Msg("iedereen die bezoekers ondersteunt, betaald en vrijwillig",
                        "everyone who supports visitors, paid and volunteer"),
        "alleen_betaalde_medewerkers": Msg("alleen de betaalde medewerkers", "only the paid staff"),
        "deel_van_vrijwilligers": Msg("een deel van de vrijwilligers", "some of the volunteers"),
        "niemand": Msg("niemand", "no one"),
    },
    pm.KeurmerkNaam: {
        "iso_9001": Msg("ISO 9001", "ISO 9001"),
        "hkz": Msg("HKZ", "HKZ"),
        "nen_en_15224": Msg("NEN-EN 15224", "NEN-EN 15224"),
        "pso": Msg("PSO (Prestatieladder Socialer Ondernemen)", "PSO (social enterprise performance ladder)"),
        "anders": Msg("een ander keurmerk", "another quality mark"),
        "geen": Msg("geen keurmerk", "no quality mark"),
    },
    pm.Financieringsbron: {
        "gemeente_wmo": Msg("gemeente, via de Wmo (wet voor ondersteuning thuis en meedoen)",
                            "municipality, through the Wmo (social support act)"),
        "gemeente_subsidie": Msg("gemeente, via een subsidie", "municipality, through a grant"),
        "zorgverzekeraar": Msg("zorgverzekeraar", "health insurer"),
        "zorgkantoor_wlz": Msg("zorgkantoor (Wlz, wet voor langdurige zorg)", "care office (Wlz, long-term care act)"),
        "ggz_instelling": Msg("ggz-instelling", "mental health care provider"),
        "fondsen": Msg("fondsen", "charitable funds"),
        "donaties": Msg("giften en donaties", "gifts and donations"),
        "eigen_inkomsten": Msg("eigen inkomsten", "own income"),
        "anders": Msg("anders", "other"),
    },
}

# Headings inside the long list of activity kinds, so the bouwstenen are visible while choosing.
CHOICE_GROUPS: dict[type[Enum], dict[str, Msg]] = {
    pm.Soort: {
        "inloop": Msg("Meedoen en ontmoeten (bouwsteen 1)", "Social participation (building block 1)"),
        "vrijwilligerswerkplek": Msg("Meedoen in de samenleving en werk (bouwsteen 2)",
                                     "Participation in society and work (building block 2)"),
        "herstelcursus": Msg("Herstel, ontplooiing en zelfhulp (bouwsteen 3)",
                             "Recovery, personal growth and self-help (building block 3)"),
        "informatie_en_advies": Msg("Voor de hele regio", "For the whole region"),
        "beleidsparticipatie": Msg("Voor een gastvrije omgeving", "For a welcoming community"),
        "anders": Msg("Anders", "Other"),
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
       ("De soort bepaalt bij welke bouwsteen de activiteit hoort: meedoen, werk of herstel.",
        "The kind decides which building block it belongs to: taking part, work or recovery."),
       required=True),
    _q("choice", "methode",
       ("Volgens welke methode van zelfhulp werkt deze activiteit?",
        "Which self-help method does this activity follow?"),
       ("Methodische zelfhulp, zoals WRAP of Herstellen doe je zelf, hoort bij kenmerk 7.",
        "Methodical self-help, such as WRAP or Herstellen doe je zelf, is part of characteristic 7."),
       when=lambda item: item.get("soort") in RECOVERY_KINDS | {"anders"}),
    _yn("door_en_voor",
        ("Is de activiteit bedacht en gegeven door ervaringsdeskundigen, voor lotgenoten?",
         "Was the activity designed and run by peer experts, for peers?"),
        ("Aanbod 'door en voor' lotgenoten is de kern van een herstelinitiatief (kenmerk 7).",
         "Activities 'by and for' peers are the core of a recovery initiative (characteristic 7)."), good=None),
    _yn("ontwikkeld_met_deelnemers",
        ("Is de activiteit samen met deelnemers bedacht of aangepast?",
         "Was the activity designed or adapted together with participants?"),
        ("Samen maken en samen bijstellen heet co-creatie (kenmerk 3 en 7).",
         "Making and adjusting things together is co-creation (characteristics 3 and 7)."), good=None),
    _yn("gestart_door_bezoekers",
        ("Is de activiteit begonnen op initiatief van bezoekers?", "Did visitors start this activity?"),
        ("Als bezoekers zelf iets starten, zijn zij mede-eigenaar (kenmerk 3 en 4).",
         "When visitors start something, they share ownership (characteristics 3 and 4)."), good=None),
    _yn("verwijzing_nodig",
        ("Is voor deze activiteit een verwijzing nodig (bijv. van de huisarts)?",
         "Is a referral needed for this activity (e.g. from a GP)?"),
        ("Ook per activiteit telt of iemand vrij kan meedoen (kenmerk 1).",
         "Per activity, too, it matters whether anyone can just join (characteristic 1)."), good=None),
    _q("integer", "per_jaar",
       ("Hoe vaak per jaar is deze activiteit? (bijv. het aantal bijeenkomsten)",
        "How often per year does this activity take place? (e.g. number of sessions)"),
       ("Dat geeft een beeld van hoe groot het aanbod is.", "This shows how large the offer is.")),
    _q("evidence", "bewijs",
       ("Waar staat deze activiteit beschreven, bijv. in een cursuskalender of folder? Typ het webadres of de "
        "naam van het document.",
        "Where is this activity described, e.g. in a course calendar or leaflet? Type the web address or the "
        "name of the document."),
       ("Met een document of webadres is het herstelaanbod onderbouwd, niet alleen genoemd (kenmerk 2 en 7).",
        "With a document or web address the recovery offer is backed, not only stated (characteristics 2 "
        "and 7)."),
       when=lambda item: item.get("soort") in RECOVERY_KINDS),
)

PARTNER_QUESTIONS: tuple[Question, ...] = (
    _q("text", "naam",
       ("Wat is de naam van de partner?", "What is the partner's name?"),
       ("Zo is te zien met wie u precies samenwerkt.", "So it is clear whom exactly you work with."),
       required=True),
    _q("choice", "categorie",
       ("Wat voor partner is het?", "What kind of partner is it?"),
       ("Kenmerk 10 vraagt om partners van vier soorten: gemeente, welzijn, huisartsen en zorg.",
        "Characteristic 10 asks for four kinds of partner: municipality, welfare, GPs and care."),
       required=True),
    _yn("afspraken_vastgelegd",
        ("Staan de afspraken met deze partner op papier?", "Are the arrangements with this partner written down?"),
        ("Afspraken op papier blijven gelden als mensen wisselen.",
         "Written arrangements last when people change jobs."), good=None),
)


def _catalogue() -> tuple[Section, ...]:
    return (
        Section("initiatief",
                Msg("Voor wie? - Het initiatief", "For whom? - The initiative"),
                Msg("Eerst iets over het initiatief zelf.", "First, something about the initiative itself."), (
            _q("text", "initiatief.naam",
               ("Wat is de naam van het initiatief?", "What is the name of the initiative?"),
               ("Aan de naam herkent iedereen het profiel en het rapport.",
                "Everyone recognises the profile and the report by its name."), required=True),
            _q("text", "initiatief.gemeente",
               ("In welke gemeente is de (hoofd)locatie?", "In which municipality is the (main) location?"),
               ("De gemeente is vaak de eerste partner en geldgever (kenmerk 10).",
                "The municipality is often the first partner and funder (characteristic 10).")),
            _q("text", "initiatief.regio",
               ("In welke regio werkt het initiatief? (bijv. de naam van de centrumgemeente)",
                "In which region does the initiative work? (e.g. the name of the central municipality)"),
               ("Sommige bouwstenen horen bij een regio; zo ziet een gemeente wat er in de regio is.",
                "Some building blocks belong to a region; this shows a municipality what the region has.")),
            _q("choice", "initiatief.organisatievorm",
               ("Wat voor organisatie is het?", "What kind of organisation is it?"),
               ("Zo weet de lezer of het initiatief zelfstandig is of deel van een grotere organisatie. Een "
                "ggz- of welzijnsorganisatie waar het initiatief deel van is, telt bij kenmerk 10 als partner "
                "van die soort.",
                "This tells the reader whether the initiative is independent or part of a larger organisation. "
                "A mental health or welfare organisation the initiative is part of counts as a partner of that "
                "kind for characteristic 10.")),
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
               ("Een steunpunt is er juist voor mensen met psychische of sociaal-emotionele kwetsbaarheid "
                "en hun naasten (kenmerk 1).",
                "A support centre is there especially for people with mental or social-emotional "
                "vulnerability and their loved ones (characteristic 1).")),
        )),
        Section("toegang",
                Msg("Voor wie? - Toegang (kenmerk 1)", "For whom? - Access (characteristic 1)"),
                Msg("Hoe makkelijk kan iemand meedoen?", "How easily can someone join in?"), (
            _yn("toegang.indicatie_nodig",
                ("Heeft iemand een indicatie nodig om mee te doen? (een indicatie is een besluit dat iemand "
                 "recht heeft op zorg of hulp)",
                 "Does someone need an assessment (indicatie: a formal decision granting care) to join?"),
                ("Een laagdrempelig steunpunt vraagt geen indicatie (kenmerk 1).",
                 "A low-threshold support centre asks for no assessment (characteristic 1)."),
                "K1", good=False,
                step=("Meedoen mogelijk maken zonder indicatie", "Make it possible to join without an assessment")),
            _yn("toegang.verwijzing_nodig",
                ("Is een verwijzing nodig, bijvoorbeeld van de huisarts?", "Is a referral needed, e.g. from a GP?"),
                ("Zonder verwijzing kan iedereen zelf binnenstappen (kenmerk 1).",
                 "Without a referral anyone can walk in (characteristic 1)."),
                "K1", good=False,
                step=("Meedoen mogelijk maken zonder verwijzing", "Make it possible to join without a referral")),
            _yn("toegang.diagnose_nodig",
                ("Moet iemand een diagnose hebben om mee te doen?", "Does someone need a diagnosis to join?"),
                ("Het steunpunt kijkt naar de mens, niet naar een diagnose (kenmerk 1).",
                 "The centre looks at the person, not at a diagnosis (characteristic 1)."),
                "K1", good=False,
                step=("Meedoen mogelijk maken zonder diagnose", "Make it possible to join without a diagnosis")),
            _yn("toegang.registratie_nodig",
                ("Moet iemand zich eerst inschrijven of registreren?", "Does someone have to register first?"),
                ("Ook inschrijven kan mensen tegenhouden (kenmerk 1).",
                 "Registration, too, can keep people away (characteristic 1)."),
                "K1", good=False,
                step=("Meedoen mogelijk maken zonder inschrijving", "Make it possible to join without registering")),
            _yn("toegang.registratie_alleen_voor_cursus",
                ("Is dat inschrijven alleen nodig voor een cursus of training, terwijl iemand eerst zonder "
                 "inschrijving kan binnenlopen?",
                 "Is registering only needed for a course or training, while someone can first walk in without "
                 "registering?"),
                ("Aanmelden voor een cursus is geen inschrijving als cliënt, als iemand eerst vrij kan "
                 "binnenlopen (kenmerk 1).",
                 "Signing up for a course is not registering as a client when someone can first walk in freely "
                 "(characteristic 1)."),
                "K1", step=("Eerst vrij binnenlopen mogelijk maken; inschrijven alleen voor een cursus",
                            "Let people walk in freely first; registration only for a course"),
                when=_value_is("toegang.registratie_nodig", True)),
            _yn("toegang.inloop_zonder_afspraak",
                ("Kan iemand zonder afspraak binnenlopen?", "Can someone walk in without an appointment?"),
                ("Vrij binnenlopen is de makkelijkste manier om kennis te maken (kenmerk 1).",
                 "Walking in freely is the easiest way to get acquainted (characteristic 1)."),
                "K1", step=("Een inloop zonder afspraak starten", "Start a drop-in without appointments")),
            _q("choice", "toegang.eigen_bijdrage",
               ("Wat betaalt een bezoeker?", "What does a visitor pay?"),
               ("Geld mag geen drempel zijn: gratis of een kleine bijdrage past bij kenmerk 1.",
                "Money must not be a barrier: free or a small contribution fits characteristic 1."),
               "K1", ("De eigen bijdrage verlagen of vrijwillig maken",
                      "Lower the contribution or make it voluntary")),
            _yn("toegang.naasten_welkom",
                ("Zijn naasten welkom (familie, vrienden, buren)?", "Are loved ones welcome (family, friends)?"),
                ("Ook naasten horen bij de mensen voor wie een steunpunt er is (kenmerk 1).",
                 "Loved ones, too, are among the people a support centre is for (characteristic 1)."),
                "K1", step=("Naasten uitnodigen en welkom heten", "Invite and welcome loved ones")),
            _yn("toegang.epa_welkom",
                ("Zijn mensen met EPA uitdrukkelijk welkom? (EPA: ernstige psychische problemen die lang duren)",
                 "Are people with EPA explicitly welcome? (EPA: severe, long-term mental illness)"),
                ("Het steunpunt is er juist ook voor deze groep (kenmerk 1).",
                 "The centre is there for this group in particular (characteristic 1)."),
                "K1", step=("Mensen met EPA actief uitnodigen, bijvoorbeeld via de ggz",
                            "Actively invite people with EPA, for example through mental health care")),
            _q("integer", "toegang.dagdelen_open_per_week",
               ("Hoeveel dagdelen per week is de inloop open? (een dagdeel is een ochtend, middag of avond)",
                "How many part-days a week is the drop-in open? (a part-day is a morning, afternoon or evening)"),
               ("Ruime openingstijden maken het steunpunt bereikbaar (kenmerk 1).",
                "Generous opening hours make the centre accessible (characteristic 1)."),
               "K1", ("De inloop vaker openen", "Open the drop-in more often")),
        )),
        Section("aanbod",
                Msg("Waartoe? - Activiteiten (kenmerk 2 en 7, bouwstenen)",
                    "What for? - Activities (characteristics 2 and 7, building blocks)"),
                Msg("Wat kunnen mensen bij u doen? U vult de activiteiten een voor een in.",
                    "What can people do with you? You enter the activities one by one."), (
            ItemGroup(("aanbod",), pm.Activiteit,
                      Msg("Heeft het initiatief al activiteiten?", "Does the initiative have activities yet?"),
                      Msg("Een steunpunt biedt meer dan koffie en een luisterend oor: ook leren en herstel "
                          "(kenmerk 2). Uit de activiteiten volgen ook de drie bouwstenen.",
                          "A support centre offers more than coffee and a listening ear: learning and recovery "
                          "too (characteristic 2). The activities also show the three building blocks."),
                      Msg("activiteit", "activity"), ACTIVITY_QUESTIONS,
                      serves=("K2", "B1", "B2", "B3"),
                      step=Msg("De eerste activiteiten starten", "Start the first activities")),
            PlanOffer("aanbod.herstelaanbod_gepland",
                      Msg("U noemde geen herstelcursus of herstelgroep. Bent u van plan zo'n herstelaanbod te "
                          "starten?",
                          "You did not mention a recovery course or group. Do you plan to start one?"),
                      Msg("Herstelaanbod maakt een plek tot steunpunt (kenmerk 2 en 7); een plan telt mee.",
                          "Recovery activities make a place a support centre (characteristics 2 and 7); a plan "
                          "counts."),
                      ("K2", "K7", "B3"),
                      Msg("Een herstelcursus of herstelgroep starten, bijvoorbeeld Herstellen doe je zelf",
                          "Start a recovery course or group, for example Herstellen doe je zelf"),
                      "initiatief",
                      when=lambda data: not any(
                          isinstance(a, Mapping) and a.get("soort") in RECOVERY_KINDS
                          for a in (data.get("aanbod") or ())
                      )),
        ), is_area=False),
        Section("werkwijze",
                Msg("Hoe? - Werkwijze (kenmerk 3 tot en met 8)", "How? - Way of working (characteristics 3 to 8)"),
                Msg("Hoe gaat het er bij u aan toe?", "How do things work with you?"), (
            _q("multi", "werkwijze.bezoekersrollen",
               ("Welke rollen kunnen bezoekers op zich nemen?", "Which roles can visitors take on?"),
               ("Bezoekers halen en brengen: zij kunnen ook zelf iets doen (kenmerk 3).",
                "Visitors both take and give: they can do things themselves too (characteristic 3)."),
               "K3 B2 I4", ("Bezoekers uitnodigen voor een rol, bijvoorbeeld als gastvrouw of gastheer",
                      "Invite visitors to take a role, for example as host")),
            _yn("werkwijze.bezoekers_beslissen_mee",
                ("Beslissen bezoekers mee over de activiteiten en de koers?",
                 "Do visitors have a say in activities and direction?"),
                ("Samen beslissen maakt bezoekers mede-eigenaar (kenmerk 3).",
                 "Deciding together makes visitors co-owners (characteristic 3)."),
                "K3", step=("Een vaste manier afspreken waarop bezoekers meebeslissen",
                            "Agree on a regular way for visitors to decide along")),
            _q("multi", "werkwijze.wensen_ophalen",
               ("Hoe hoort u wat bezoekers willen?", "How do you find out what visitors want?"),
               ("De steun krijgt vorm vanuit wat mensen zelf nodig hebben (kenmerk 4).",
                "Support takes shape from what people need themselves (characteristic 4)."),
               "K4", ("Regelmatig aan bezoekers vragen wat zij willen", "Regularly ask visitors what they want")),
            _yn("werkwijze.aanbod_vanuit_behoefte",
                ("Ontstaan nieuwe activiteiten uit wat bezoekers zelf willen?",
                 "Do new activities arise from what visitors want?"),
                ("Het aanbod groeit van onderop (kenmerk 4).", "The offer grows from the bottom up (characteristic 4)."),
                "K4", step=("Nieuwe activiteiten samen met bezoekers bedenken",
                            "Design new activities together with visitors")),
            _yn("werkwijze.clientdossier",
                ("Houdt u per bezoeker een dossier bij?", "Do you keep a file on each visitor?"),
                ("Mensen ontmoeten elkaar als mens, niet als cliënt met een dossier (kenmerk 5).",
                 "People meet as people, not as clients with a file (characteristic 5)."),
                "K5", good=False, step=("Stoppen met dossiers per bezoeker", "Stop keeping files on visitors")),
            _yn("werkwijze.diagnoses_geregistreerd",
                ("Schrijft u diagnoses van bezoekers op?", "Do you record visitors' diagnoses?"),
                ("Een diagnose vastleggen maakt van een bezoeker een cliënt (kenmerk 5).",
                 "Recording a diagnosis turns a visitor into a client (characteristic 5)."),
                "K5", good=False, step=("Stoppen met het vastleggen van diagnoses", "Stop recording diagnoses")),
            _q("choice", "werkwijze.aanspreekvorm",
               ("Hoe noemt u de mensen die komen?", "What do you call the people who come?"),
               ("Woorden als bezoeker of deelnemer passen bij gelijkwaardigheid (kenmerk 5).",
                "Words such as visitor or participant fit equality (characteristic 5)."),
               "K5", ("Spreken over bezoekers of deelnemers in plaats van cliënten",
                      "Speak of visitors or participants instead of clients")),
            _yn("werkwijze.peer_support",
                ("Steunen lotgenoten elkaar, en is dat de gewone manier van werken?",
                 "Do peers support each other, and is that the usual way of working?"),
                ("Wederkerigheid: mensen helpen elkaar vanuit eigen ervaring (kenmerk 6).",
                 "Reciprocity: people help each other from their own experience (characteristic 6)."),
                "K6 K7", step=("Steun van lotgenoten aan elkaar de gewone werkvorm maken",
                            "Make peer support the usual way of working")),
            _yn("werkwijze.hierarchie_helper_geholpene",
                ("Is er een vaste verdeling tussen wie helpt en wie geholpen wordt?",
                 "Is there a fixed split between who helps and who is helped?"),
                ("Bij gelijkwaardigheid kan iedereen allebei zijn (kenmerk 6).",
                 "With equality, everyone can be both (characteristic 6)."),
                "K6", good=False, step=("De vaste verdeling tussen helper en geholpene loslaten",
                                        "Let go of the fixed split between helper and helped")),
            _yn("werkwijze.verplichte_trajecten",
                ("Moeten bezoekers een vast traject, stappenplan of protocol volgen?",
                 "Must visitors follow a fixed programme, step plan or protocol?"),
                ("Een steunpunt werkt vanuit wat bij iemand past, zonder verplichte stappen (kenmerk 7).",
                 "A support centre works from what suits someone, without compulsory steps (characteristic 7)."),
                "K7", good=False, step=("Verplichte trajecten vervangen door vrije keuze",
                                        "Replace compulsory programmes by free choice")),
            _yn("werkwijze.intervisie",
                ("Is er intervisie? (medewerkers en vrijwilligers bespreken samen hun werk en leren van elkaar)",
                 "Is there peer review (intervisie)? (staff and volunteers discuss their work and learn "
                 "from each other)"),
                ("Zo komt ervaringskennis samen en blijft de kwaliteit goed (kenmerk 8, eis 7).",
                 "This brings experiential knowledge together and keeps quality up (characteristic 8, "
                 "requirement 7)."),
                "K8 Q7", step=("Regelmatig intervisie organiseren", "Organise regular peer review")),
            _yn("werkwijze.uitwisseling_andere_initiatieven",
                ("Wisselt u ervaringen uit met andere initiatieven?", "Do you exchange experiences with other "
                                                                     "initiatives?"),
                ("Ervaringskennis groeit als initiatieven van elkaar leren (kenmerk 8).",
                 "Experiential knowledge grows when initiatives learn from each other (characteristic 8)."),
                "K8", step=("Contact zoeken met andere initiatieven, bijvoorbeeld via Regie in de Regio of de NVZH",
                            "Get in touch with other initiatives, e.g. through Regie in de Regio or the NVZH")),
            _yn("werkwijze.ervaringskennis_vastgelegd",
                ("Schrijft u ervaringskennis op en deelt u die (bijv. in een werkboek)?",
                 "Do you write down and share experiential knowledge (e.g. in a workbook)?"),
                ("Opgeschreven ervaringskennis kunnen anderen ook gebruiken (kenmerk 8).",
                 "Written-down experiential knowledge can be used by others too (characteristic 8)."),
                "K8", step=("Opschrijven wat werkt en dat delen", "Write down what works and share it")),
            _yn("werkwijze.methode_beschreven",
                ("Is uw manier van werken op papier gezet?", "Is your way of working written down?"),
                ("Een beschreven werkwijze helpt nieuwe vrijwilligers en laat zien hoe u de kwaliteit bewaakt "
                 "(kenmerk 8).",
                 "A written method helps new volunteers and shows how you guard quality (characteristic 8)."),
                "K8", step=("De werkwijze op papier zetten", "Write down the way of working")),
            _q("text", "werkwijze.vrije_ruimte",
               ("Hoe maakt u ruimte voor wat bezoekers zelf willen? (in eigen woorden)",
                "How do you make room for what visitors want themselves? (in your own words)"),
               ("Geldgevers vragen hoe die 'vrije ruimte' mogelijk wordt gemaakt (kenmerk 4).",
                "Funders ask how this 'free space' is made possible (characteristic 4).")),
        )),
        Section("team",
                Msg("Door wie? - Team (kenmerk 9, kwaliteitseis 7)", "By whom? - Team (characteristic 9, "
                                                                       "quality requirement 7)"),
                Msg("Wie doet het werk? Een ervaringsdeskundige zet eigen ervaring met herstel bewust in om "
                    "anderen te steunen.",
                    "Who does the work? A peer expert (ervaringsdeskundige) uses their own experience of recovery "
                    "to support others."), (
            _q("choice", "team.coordinatie",
               ("Wie heeft de leiding?", "Who is in charge?"),
               ("Bij een steunpunt hebben ervaringsdeskundigen de leiding (kenmerk 9).",
                "At a support centre, peer experts are in the lead (characteristic 9)."),
               "K9", ("Een ervaringsdeskundige (mede) de leiding geven", "Give a peer expert (shared) leadership")),
            _yn("team.dagelijkse_leiding_ervaringsdeskundige",
                ("Heeft een ervaringsdeskundige wel de dagelijkse leiding van het team? (bijvoorbeeld als een "
                 "leidinggevende van de gastorganisatie eindverantwoordelijk is)",
                 "Does a peer expert lead the team day to day? (for example when a manager of the host "
                 "organisation has final responsibility)"),
                ("Een team dat een ervaringsdeskundige leidt, onder een leidinggevende zonder eigen ervaring, is "
                 "al een stap op weg (kenmerk 9).",
                 "A team led by a peer expert, under a manager without lived experience, is already a step on "
                 "the way (characteristic 9)."),
                "K9", step=("Een ervaringsdeskundige de dagelijkse leiding van het team geven",
                            "Give a peer expert the day-to-day lead of the team"),
                when=_value_is("team.coordinatie", "professional")),
            _q("integer", "team.betaalde_medewerkers",
               ("Hoeveel betaalde medewerkers zijn er? (aantal mensen)", "How many paid staff are there? "
                                                                         "(number of people)"),
               ("Zo is te zien wie het werk doet en of een cao nodig is (kenmerk 9, eis 4).",
                "This shows who does the work and whether a collective agreement is needed "
                "(characteristic 9, requirement 4).")),
            _q("integer", "team.betaalde_medewerkers_ervaringsdeskundig",
               ("Hoeveel van hen zetten hun eigen ervaring bewust in (ervaringsdeskundig)?",
                "How many of them consciously use their own experience (peer experts)?"),
               ("Ervaringsdeskundigen horen het werk te dragen (kenmerk 9).",
                "Peer experts should carry the work (characteristic 9)."),
               "K9 Q7", ("Ervaringsdeskundigen in dienst nemen", "Hire peer experts"),
               when=_NOT_PAID_ZERO, at_most=("team", "betaalde_medewerkers")),
            _q("number", "team.fte",
               ("Hoeveel fte betaald werk is dat samen? (1 fte is een volle werkweek; bijv. 2,5)",
                "How many FTE of paid work is that in total? (1 FTE is a full working week; e.g. 2.5)"),
               ("Zo kan het rapport uw initiatief naast landelijke cijfers zetten.",
                "So the report can set your initiative beside national figures.")),
            _q("integer", "team.vrijwilligers",
               ("Hoeveel vrijwilligers zijn er?", "How many volunteers are there?"),
               ("Vrijwilligers dragen veel initiatieven; daar hoort vrijwilligersbeleid bij (eis 5).",
                "Volunteers carry many initiatives; that calls for a volunteer policy (requirement 5).")),
            _q("integer", "team.opgeleide_ervaringsdeskundigen",
               ("Hoeveel mensen hebben een opleiding ervaringsdeskundigheid (mbo, hbo of vergelijkbaar)?",
                "How many people are trained as peer experts (vocational, higher education or similar)?"),
               ("Er moeten genoeg ervaren en geschoolde mensen zijn voor de vragen van bezoekers (eis 7).",
                "There must be enough experienced, trained people for visitors' needs (requirement 7)."),
               "Q7 K9", ("Iemand de opleiding ervaringsdeskundigheid laten volgen",
                         "Have someone take the peer expert training")),
            _yn("team.scholingsplan",
                ("Is er een plan voor scholing van medewerkers en vrijwilligers?",
                 "Is there a training plan for staff and volunteers?"),
                ("Scholing houdt de deskundigheid op peil (eis 7).", "Training keeps expertise up (requirement 7)."),
                "Q7", step=("Een scholingsplan maken", "Make a training plan")),
            _yn("team.professionele_achtervang",
                ("Kunnen medewerkers terugvallen op een professional als problemen zwaar worden?",
                 "Can staff fall back on a professional when problems get serious?"),
                ("Zo staat niemand er alleen voor bij zware problemen (eis 7).",
                 "So no one faces serious problems alone (requirement 7)."),
                "Q7", step=("Afspraken maken over achtervang door een professional",
                            "Arrange professional back-up")),
            _yn("team.coaching",
                ("Krijgen medewerkers en vrijwilligers coaching of supervisie bij hun werk?",
                 "Do staff and volunteers get coaching or supervision in their work?"),
                ("Eigen ervaring plus steun, zoals coaching, intervisie of een professional als achtervang, "
                 "maakt iemand toegerust voor het werk, ook zonder diploma (eis 7).",
                 "Lived experience plus support, such as coaching, peer review or a professional as back-up, "
                 "equips someone for the work, also without a diploma (requirement 7)."),
                "Q7", step=("Coaching of supervisie regelen, bijvoorbeeld door een ervaren ervaringsdeskundige",
                            "Arrange coaching or supervision, for example by an experienced peer expert")),
            _yn("team.doorstroom_naar_vrijwilliger",
                ("Worden bezoekers na een tijd zelf vrijwilliger?", "Do visitors become volunteers after a while?"),
                ("Van bezoeker naar vrijwilliger groeien (de 'groeivijver') hoort bij een herstelinitiatief.",
                 "Growing from visitor to volunteer (the 'talent pool') is part of a recovery initiative."),
                "I4", step=("Bezoekers uitnodigen om vrijwilliger te worden", "Invite visitors to volunteer")),
            _yn("team.doorstroom_naar_betaald_werk",
                ("Stromen vrijwilligers door naar betaald werk, hier of ergens anders?",
                 "Do volunteers move on to paid work, here or elsewhere?"),
                ("Op weg naar betaald werk hoort bij meedoen in de samenleving (bouwsteen 2).",
                 "The way towards paid work is part of taking part in society (building block 2)."),
                "B2 I4", step=("Vrijwilligers helpen op weg naar betaald werk",
                            "Help volunteers on their way to paid work")),
        )),
        Section("samenwerking",
                Msg("Met wie? - Samenwerking (kenmerk 10)", "With whom? - Cooperation (characteristic 10)"),
                Msg("Met wie werkt u samen, zodat mensen bij de juiste plek terechtkomen?",
                    "Whom do you work with, so people end up in the right place?"), (
            ItemGroup(("samenwerking", "partners"), pm.Partner,
                      Msg("Werkt het initiatief samen met andere organisaties?",
                          "Does the initiative work with other organisations?"),
                      Msg("Met partners kunt u mensen verder helpen: gemeente, welzijn, huisarts en zorg "
                          "(kenmerk 10).",
                          "Partners let you help people further: municipality, welfare, GP and care "
                          "(characteristic 10)."),
                      Msg("partner", "partner"), PARTNER_QUESTIONS,
                      serves=("K10",),
                      step=Msg("Kennismaken met de gemeente, welzijn, huisartsen en de ggz",
                               "Get to know the municipality, welfare, GPs and mental health care"),
                      plan_area="samenwerking"),
            _yn("samenwerking.crisisafspraken_ggz",
                ("Zijn er afspraken met de ggz voor als iemand in een crisis raakt?",
                 "Are there arrangements with mental health care for when someone is in crisis?"),
                ("Geldgevers vragen naar een goede lijn met de ggz bij een crisis (vraag 6 van de financier).",
                 "Funders ask about a good line to mental health care in a crisis (funder's question 6)."),
                "T6", step=("Crisisafspraken maken met de ggz", "Make crisis arrangements with mental health care")),
            _yn("samenwerking.crisisafspraken_113",
                ("Zijn er afspraken met 113 Zelfmoordpreventie? (113 is de hulplijn bij gedachten aan zelfdoding)",
                 "Are there arrangements with 113 Zelfmoordpreventie? (the Dutch suicide prevention line)"),
                ("Ook die lijn hoort bij goede afspraken voor een crisis (vraag 6 van de financier).",
                 "That line is part of good crisis arrangements too (funder's question 6)."),
                "T6", step=("Afspraken maken met 113 Zelfmoordpreventie",
                             "Make arrangements with 113 Zelfmoordpreventie")),
        )),
        Section("kwaliteit",
                Msg("Kwaliteit (kwaliteitseisen 1 tot en met 10)", "Quality (quality requirements 1 to 10)"),
                Msg("Welke regelingen en afspraken zijn er?", "Which arrangements are in place?"), (
            _yn("kwaliteit.klachtenprocedure.aanwezig",
                ("Is er een klachtenregeling? (hoe iemand een klacht indient en wat er dan gebeurt)",
                 "Is there a complaints procedure? (how to complain and what happens next)"),
                ("Een klachtenregeling is verplicht, ook zonder keurmerk (eis 1).",
                 "A complaints procedure is required, also without a quality mark (requirement 1)."),
                "Q1", step=("Een klachtenregeling opstellen en vaststellen", "Draw up and adopt a complaints "
                                                                           "procedure")),
            _q("date", "kwaliteit.klachtenprocedure.vastgesteld_op",
               ("Wanneer is de klachtenregeling vastgesteld?", "When was the complaints procedure adopted?"),
               ("Met een datum is te zien of de regeling actueel is.", "A date shows whether it is up to date."),
               when=_value_is("kwaliteit.klachtenprocedure.aanwezig", True)),
            _regulation_evidence("klachtenprocedure", ("de klachtenregeling", "the complaints procedure")),
            _yn("kwaliteit.privacyregeling.aanwezig",
                ("Is er een privacyregeling? (hoe u omgaat met gegevens van mensen, volgens de AVG, de privacywet)",
                 "Is there a privacy policy? (how you handle personal data under the GDPR)"),
                ("Een privacyregeling volgens de AVG is verplicht (eis 2).",
                 "A GDPR privacy policy is required (requirement 2)."),
                "Q2", step=("Een privacyregeling opstellen", "Draw up a privacy policy")),
            _q("date", "kwaliteit.privacyregeling.vastgesteld_op",
               ("Wanneer is de privacyregeling vastgesteld?", "When was the privacy policy adopted?"),
               ("Met een datum is te zien of de regeling actueel is.", "A date shows whether it is up to date."),
               when=_value_is("kwaliteit.privacyregeling.aanwezig", True)),
            _regulation_evidence("privacyregeling", ("de privacyregeling", "the privacy policy")),
            _yn("kwaliteit.vertrouwenspersoon.aanwezig",
                ("Is er een vertrouwenspersoon? (iemand bij wie bezoekers en medewerkers terechtkunnen met zorgen)",
                 "Is there a confidential adviser? (someone visitors and staff can turn to with worries)"),
                ("Een regeling voor een vertrouwenspersoon is verplicht, ook zonder keurmerk (eis 3).",
                 "A confidential adviser procedure is required, also without a quality mark (requirement 3)."),
                "Q3", step=("Een vertrouwenspersoon aanstellen", "Appoint a confidential adviser")),
            _q("date", "kwaliteit.vertrouwenspersoon.vastgesteld_op",
               ("Wanneer is de regeling voor de vertrouwenspersoon vastgesteld?",
                "When was the confidential adviser procedure adopted?"),
               ("Met een datum is te zien of de regeling actueel is.", "A date shows whether it is up to date."),
               when=_value_is("kwaliteit.vertrouwenspersoon.aanwezig", True)),
            _regulation_evidence("vertrouwenspersoon", ("de regeling voor de vertrouwenspersoon", "the confidential adviser procedure")),
            _q("text", "kwaliteit.cao",
               ("Welke cao geldt voor de betaalde medewerkers? (een cao zijn afspraken over loon en werktijden "
                "voor een hele sector) Typ de naam, of 'geen'.",
                "Which collective labour agreement (cao) applies to paid staff? Type its name, or 'none'."),
               ("Voor medewerkers in loondienst hoort een cao die in de sector gebruikelijk is (eis 4).",
                "Employees should have a collective agreement that is usual in the sector (requirement 4)."),
               "Q4", ("Een passende cao kiezen en toepassen", "Choose and apply a suitable collective agreement"),
               when=_NOT_PAID_ZERO, none_flag="geen_cao"),
            _yn("kwaliteit.vrijwilligersbeleid.aanwezig",
                ("Is er vrijwilligersbeleid op papier?", "Is there a written volunteer policy?"),
                ("Vrijwilligersbeleid regelt onder meer continuïteit, veiligheid en waardering (eis 5).",
                 "A volunteer policy covers continuity, safety and appreciation, among others (requirement 5)."),
                "Q5", step=("Vrijwilligersbeleid op papier zetten", "Write a volunteer policy")),
            _q("multi", "kwaliteit.vrijwilligersbeleid.onderwerpen",
               ("Over welke onderwerpen gaat het vrijwilligersbeleid?", "Which topics does the volunteer policy "
                                                                        "cover?"),
               ("De eis noemt vijf onderwerpen; zo ziet u welke nog ontbreken (eis 5).",
                "The requirement names five topics; this shows which are still missing (requirement 5)."),
               "Q5", ("De ontbrekende onderwerpen toevoegen aan het vrijwilligersbeleid",
                      "Add the missing topics to the volunteer policy"),
               when=_value_is("kwaliteit.vrijwilligersbeleid.aanwezig", True)),
            _q("choice", "kwaliteit.vog.voor",
               ("Wie heeft een VOG? (Verklaring Omtrent het Gedrag: een bewijs van de overheid dat iemands "
                "verleden geen bezwaar is voor dit werk)",
                "Who has a VOG? (certificate of conduct from the Dutch government)"),
               ("Wie bezoekers ondersteunt heeft een VOG nodig die niet ouder is dan 3 jaar (eis 6).",
                "Everyone who supports visitors needs a VOG no older than 3 years (requirement 6)."),
               "Q6", ("Een VOG aanvragen voor iedereen die bezoekers ondersteunt",
                      "Apply for a VOG for everyone who supports visitors")),
            _q("date", "kwaliteit.vog.oudste_afgiftedatum",
               ("Wat is de datum van de oudste VOG die nu nog gebruikt wordt?",
                "What is the date of the oldest VOG still in use?"),
               ("Een VOG mag niet ouder zijn dan 3 jaar (eis 6).", "A VOG must be no older than 3 years "
                                                                  "(requirement 6)."),
               "Q6", ("Nieuwe VOG's aanvragen voor wie een VOG van meer dan 3 jaar oud heeft",
                      "Apply for new VOGs for everyone whose VOG is more than 3 years old"),
               when=_value_is_not("kwaliteit.vog.voor", "niemand", MISSING)),
            _yn("kwaliteit.medezeggenschap.deelnemers",
                ("Hebben bezoekers of deelnemers inspraak, bijvoorbeeld via een deelnemersraad?",
                 "Do visitors or participants have a say, e.g. through a participants' council?"),
                ("Inspraak, passend bij de grootte van het initiatief, is een eis (eis 8).",
                 "A say, fitting the size of the initiative, is a requirement (requirement 8)."),
                "Q8", step=("Inspraak voor deelnemers regelen", "Arrange a say for participants")),
            _yn("kwaliteit.medezeggenschap.vrijwilligers",
                ("Hebben vrijwilligers inspraak?", "Do volunteers have a say?"),
                ("Inspraak, passend bij de grootte van het initiatief, is een eis (eis 8).",
                 "A say, fitting the size of the initiative, is a requirement (requirement 8)."),
                "Q8", step=("Inspraak voor vrijwilligers regelen", "Arrange a say for volunteers")),
            _yn("kwaliteit.medezeggenschap.medewerkers",
                ("Hebben medewerkers inspraak, bijvoorbeeld via een ondernemingsraad (OR) of "
                 "personeelsvertegenwoordiging (PVT)?",
                 "Do staff have a say, e.g. through a works council?"),
                ("Inspraak, passend bij de grootte van het initiatief, is een eis (eis 8).",
                 "A say, fitting the size of the initiative, is a requirement (requirement 8)."),
                "Q8", step=("Inspraak voor medewerkers regelen", "Arrange a say for staff")),
            _yn("kwaliteit.medezeggenschap.vroeg_betrokken_bij_beleid",
                ("Worden zij al vroeg betrokken bij nieuw beleid?", "Are they involved early in new policy?"),
                ("Inspraak telt vooral als die vroeg komt (eis 8).", "A say counts most when it comes early "
                                                                     "(requirement 8)."),
                "Q8", step=("Deelnemers en vrijwilligers vroeg betrekken bij nieuw beleid",
                            "Involve participants and volunteers early in new policy")),
            _q("choice", "kwaliteit.keurmerk.naam",
               ("Heeft het initiatief een keurmerk of kwaliteitssysteem?",
                "Does the initiative have a quality mark or quality system?"),
               ("Een keurmerk wordt aanbevolen; voor starters kan ook een afspraak met de geldgever (eis 9).",
                "A quality mark is recommended; starters may agree on quality with the funder instead "
                "(requirement 9)."),
               "Q9", ("Een opbouwtraject naar een keurmerk starten", "Start working towards a quality mark")),
            _yn("kwaliteit.keurmerk.kwaliteitsafspraken_financier",
                ("Zijn er afspraken over kwaliteit met de geldgever?", "Are there quality agreements with the "
                                                                      "funder?"),
                ("Voor starters kan dat in de plaats komen van een keurmerk (eis 9).",
                 "For starters this can take the place of a quality mark (requirement 9)."),
                "Q9", step=("Kwaliteitsafspraken maken met de geldgever", "Make quality agreements with the funder"),
                when=_NO_REAL_KEURMERK),
            _yn("kwaliteit.keurmerk.opbouwtraject",
                ("Werkt u stap voor stap naar een keurmerk toe (een opbouwtraject)?",
                 "Are you working step by step towards a quality mark?"),
                ("Ook een opbouwtraject van een paar jaar telt (eis 9).", "A build-up path of a few years counts "
                                                                          "too (requirement 9)."),
                "Q9", step=("Een opbouwtraject naar een keurmerk starten", "Start working towards a quality mark"),
                when=_NO_REAL_KEURMERK),
            _yn("kwaliteit.rie.uitgevoerd",
                ("Is er een RI&E gedaan? (risico-inventarisatie en -evaluatie: een check van de risico's voor "
                 "veiligheid en gezondheid op het werk)",
                 "Has a risk assessment (RI&E) been done? (a check of safety and health risks at work)"),
                ("Een RI&E wordt aanbevolen voor veilig en gezond werken (eis 10).",
                 "A risk assessment is recommended for safe and healthy work (requirement 10)."),
                "Q10", step=("Een RI&E laten doen", "Have a risk assessment done")),
            _q("date", "kwaliteit.rie.datum",
               ("Wanneer is de RI&E gedaan?", "When was the risk assessment done?"),
               ("Met een datum is te zien of de RI&E actueel is.", "A date shows whether it is up to date."),
               when=_value_is("kwaliteit.rie.uitgevoerd", True)),
        )),
        Section("financiering",
                Msg("Financiering", "Funding"),
                Msg("Deze vragen zijn geen eis; ze laten zien hoe stevig het geld geregeld is.",
                    "These questions are not requirements; they show how solid the funding is."), (
            _q("multi", "financiering.bronnen",
               ("Waar komt het geld vandaan?", "Where does the money come from?"),
               ("Meer bronnen maakt een initiatief minder kwetsbaar.", "More sources make an initiative less "
                                                                      "vulnerable."),
               "F2", ("Een tweede geldbron zoeken, bijvoorbeeld een fonds", "Find a second source of money, "
                                                                           "for example a charitable fund")),
            _q("integer", "financiering.langste_afspraak_jaren",
               ("Voor hoeveel jaar loopt de langste afspraak over geld? (0 als die korter is dan een jaar)",
                "For how many years does the longest funding agreement run? (0 if under a year)"),
               ("Afspraken voor drie jaar of langer geven rust om te bouwen.",
                "Agreements of three years or more give room to build."),
               "F1", ("Met de gemeente praten over een afspraak voor minstens drie jaar",
                      "Discuss an agreement of at least three years with the municipality")),
            _yn("financiering.lumpsum",
                ("Krijgt u een vast bedrag voor afgesproken resultaten (lumpsum), in plaats van betaling per uur "
                 "of per persoon?",
                 "Do you receive a fixed sum for agreed results (lump sum) instead of payment per hour or person?"),
                ("Een vast bedrag geeft ruimte en minder papierwerk.", "A fixed sum gives room and less paperwork."),
                good=None),
            _q("number", "financiering.reservemarge_procent",
               ("Hoeveel procent van het budget mag u opzij zetten als reserve? (bijv. 1,5)",
                "What percentage of the budget may you keep as a reserve? (e.g. 1.5)"),
               ("Een reserve van 1 tot 2 procent helpt om tegenvallers op te vangen.",
                "A reserve of 1 to 2 percent helps to absorb setbacks.")),
            _q("integer", "financiering.omzet_euro",
               ("Hoeveel geld gaat er per jaar om in het initiatief? (omzet in euro)",
                "How much money does the initiative handle per year? (turnover in euro)"),
               ("Zo kan het rapport uw initiatief naast landelijke cijfers zetten.",
                "So the report can set your initiative beside national figures.")),
        )),
        Section("bereik",
                Msg("Bereik", "Reach"),
                Msg("Deze cijfers geven een beeld; ze worden niet beoordeeld. Een schatting is goed.",
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
    return lambda data: bool(_get(data, path))


def _completeness(path: FieldPath) -> Question:
    """"Is dit alles?" after a list: only a complete list shows that something is not there."""
    return Question(
        (*path[:-1], path[-1] + pm.COMPLETE_SUFFIX),
        "yesno",
        Msg("Is dit alles? Staat hiermee alles erin wat er is?", "Is this all? Does this list everything there is?"),
        Msg("Alleen als de lijst compleet is, telt wat er niet in staat als 'is er niet'. Anders blijft dat "
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

TOELICHTING = (
    Msg("Wilt u nog iets toelichten over dit onderdeel? (in eigen woorden)",
        "Anything you want to explain about this part? (in your own words)"),
    Msg("Uw uitleg helpt in het gesprek met de gemeente of een andere geldgever.",
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


# ------------------------------------------------------------------------------------------ UI texts

_UI: dict[str, Msg] = {
    "welcome": Msg(
        "Welkom. Met deze vragenlijst maakt u een profiel van uw initiatief voor iza-check.",
        "Welcome. This questionnaire makes a profile of your initiative for iza-check.",
    ),
    "howto": Msg(
        "Zo antwoordt u: typ uw antwoord en druk op Enter. Alleen Enter neemt het voorstel tussen [ ] over.\n"
        "  ?  = weet ik niet (dan staat er later 'onbekend'; dat is geen fout)\n"
        "  g  = nog niet, maar gepland (u vertelt dan wat u gaat doen en wanneer)\n"
        "Stoppen zonder op te slaan: Ctrl-D (of Ctrl-C).",
        "How to answer: type your answer and press Enter. Just Enter takes the suggestion in [ ].\n"
        "  ?  = don't know (the report will then say 'unknown'; that is not a failure)\n"
        "  g  = not yet, but planned (you then say what you will do and when)\n"
        "Stop without saving: Ctrl-D (or Ctrl-C).",
    ),
    "update": Msg(
        "U werkt een bestaand profiel bij: bij elke vraag staat het huidige antwoord als voorstel.",
        "You are updating an existing profile: each question suggests the current answer.",
    ),
    "part": Msg("Deel {n} van {total}", "Part {n} of {total}"),
    "why": Msg("Waarom", "Why"),
    "enter": Msg("Enter = {value}", "Enter = {value}"),
    "unknown_value": Msg("weet ik niet", "don't know"),
    "nothing": Msg("niets", "nothing"),
    "yes": Msg("ja", "yes"),
    "no": Msg("nee", "no"),
    "none_list": Msg("geen", "none"),
    "flag_false": Msg("er geldt een cao, naam niet ingevuld", "a cao applies, name not given"),
    "hint.yesno": Msg("ja / nee", "yes / no"),
    "hint.choice": Msg("typ een nummer", "type a number"),
    "hint.multi": Msg("typ een of meer nummers met komma's ertussen (bijv. 1,3), of 'geen'",
                      "type one or more numbers separated by commas (e.g. 1,3), or 'none'"),
    "hint.integer": Msg("typ een heel getal van {lo} tot en met {hi}", "type a whole number from {lo} to {hi}"),
    "hint.integer_open": Msg("typ een heel getal, 0 of meer", "type a whole number, 0 or more"),
    "hint.number": Msg("typ een getal, bijv. 2,5", "type a number, e.g. 2.5"),
    "hint.date": Msg("schrijf de datum als JJJJ-MM-DD, bijv. 2024-03-15",
                     "write the date as YYYY-MM-DD, e.g. 2024-03-15"),
    "hint.date_format": Msg("JJJJ-MM-DD", "YYYY-MM-DD"),
    "hint.text": Msg("typ uw antwoord", "type your answer"),
    "hint.text_none": Msg("typ de naam, of 'geen'", "type the name, or 'none'"),
    "hint.toelichting": Msg("typ uw toelichting", "type your explanation"),
    "hint.toelichting_replace": Msg("typ een nieuwe toelichting; - = weghalen",
                                    "type a new explanation; - = remove"),
    "hint.url": Msg("typ het webadres", "type the web address"),
    "hint.evidence": Msg("typ een webadres of de naam van het document, of 'geen'",
                         "type a web address or the name of the document, or 'none'"),
    "hint.unknown": Msg("? = weet ik niet", "? = don't know"),
    "hint.planned": Msg("g = gepland", "g = planned"),
    "hint.item_yesno": Msg("ja / nee", "yes / no"),
    "err.yesno": Msg("Dat begrijp ik niet. Typ ja of nee{extra}.", "I don't understand. Type yes or no{extra}."),
    "err.yesno_extra_unknown": Msg(", of ? als u het niet weet", ", or ? if you don't know"),
    "err.yesno_extra_planned": Msg(", of g als het gepland is", ", or g if it is planned"),
    "err.required": Msg("Dit antwoord is nodig; typ iets in.", "This answer is needed; please type something."),
    "err.no_planned": Msg("Bij deze vraag kan 'gepland' niet. Typ een antwoord of ? (weet ik niet).",
                          "'Planned' is not possible for this question. Type an answer or ? (don't know)."),
    "err.choice": Msg("Typ een nummer van 1 tot en met {n}.", "Type a number from 1 to {n}."),
    "err.multi": Msg("'{part}' is geen nummer uit de lijst. Typ nummers van 1 tot en met {n}, met komma's "
                     "ertussen, of 'geen'.",
                     "'{part}' is not a number from the list. Type numbers from 1 to {n}, separated by commas, "
                     "or 'none'."),
    "err.integer": Msg("Typ een heel getal, zonder letters (bijv. 12).", "Type a whole number, without letters "
                                                                         "(e.g. 12)."),
    "err.number": Msg("Typ een getal, bijv. 2,5.", "Type a number, e.g. 2.5."),
    "err.low": Msg("Het getal moet {lo} of meer zijn.", "The number must be {lo} or more."),
    "err.high": Msg("Het getal mag niet groter zijn dan {hi}.", "The number must not be more than {hi}."),
    "err.more_than_paid": Msg("Dat zijn er meer dan het aantal betaalde medewerkers ({hi}).",
                              "That is more than the number of paid staff ({hi})."),
    "err.date_format": Msg("Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2024-03-15.",
                           "Write the date as YYYY-MM-DD, for example 2024-03-15."),
    "err.date_real": Msg("Die datum bestaat niet. Kijk nog eens naar de maand en de dag.",
                         "That date does not exist. Please check the month and the day."),
    "err.date_future": Msg("Die datum ligt in de toekomst. Typ de datum waarop het is gebeurd.",
                           "That date is in the future. Type the date on which it happened."),
    "err.date_old": Msg("Die datum ligt voor 1900. Kijk nog eens naar het jaartal.",
                        "That date is before 1900. Please check the year."),
    "err.date_past": Msg("Een streefdatum ligt in de toekomst (vandaag is {today}).",
                         "A target date lies in the future (today is {today})."),
    "err.date_far": Msg("Kies een streefdatum binnen tien jaar.", "Choose a target date within ten years."),
    "err.too_long": Msg("Dat is te lang: hooguit {n} tekens (nu {length}).", "That is too long: at most {n} "
                                                                              "characters (now {length})."),
    "err.characters": Msg("Het antwoord bevat tekens die niet kunnen. Typ het nog eens.",
                          "The answer contains characters that are not allowed. Please type it again."),
    "err.url": Msg("Dat is geen geldig webadres. Typ het zoals www.voorbeeld.nl.",
                   "That is not a valid web address. Type it like www.example.org."),
    "err.model": Msg("Dit antwoord past niet bij de vraag. Probeer het nog eens.",
                     "This answer does not fit the question. Please try again."),
    "err.read": Msg("Dat kon ik niet lezen. Typ het nog eens.", "I could not read that. Please type it again."),
    "plan.intro": Msg("Goed: dan noteren we het als plan.", "Fine: we will note it as a plan."),
    "plan.step": Msg("Wat is de volgende stap? (zo concreet mogelijk)", "What is the next step? (as concrete "
                                                                       "as possible)"),
    "plan.date": Msg("Wanneer moet die stap klaar zijn?", "When should that step be done?"),
    "plan.existing": Msg("Eerder gepland: '{stap}' (streefdatum {datum}). Is deze stap inmiddels gezet?",
                         "Planned earlier: '{stap}' (target date {datum}). Has this step been taken?"),
    "plan.existing_why": Msg("Een gezette stap telt in het rapport als gerealiseerd.",
                             "A step that has been taken counts as done in the report."),
    "no_date": Msg("geen", "none"),
    "item.first": Msg("{noun} {n}", "{noun} {n}"),
    "item.keep": Msg("Bestaande {noun} {n}: {name}. Wilt u deze houden?",
                     "Existing {noun} {n}: {name}. Do you want to keep it?"),
    "item.keep_why": Msg("Bij 'nee' haalt u deze {noun} uit het profiel.",
                         "Answering 'no' removes this {noun} from the profile."),
    "item.more": Msg("Nog een {noun}?", "Another {noun}?"),
    "item.more_why": Msg("U kunt er zoveel invullen als u wilt.", "You can enter as many as you like."),
    "done": Msg("Klaar. Ingevuld: {answered}; weet ik niet: {unknown}; gepland: {planned}.",
                "Done. Answered: {answered}; don't know: {unknown}; planned: {planned}."),
}


def ui(key: str, lang: Lang, **values: object) -> str:
    return _UI[key](lang).format(**values)


def _plan_default_date(today: dt.date) -> dt.date:
    """The first day of the month, about six months ahead: a sensible first suggestion."""
    month = today.month + 6
    return dt.date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def _safe_text(text: str) -> bool:
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Co", "Cn") or char in "\u2028\u2029\ufeff":
            return False
    return True


# ---------------------------------------------------------------------------------------- the engine

@dataclass
class Stats:
    answered: int = 0
    unknown: int = 0
    planned: int = 0


@dataclass
class Questionnaire:
    """Asks every question once, in catalogue order, and returns a validated :class:`Profile`.

    ``current`` names the field being asked (``toegang.indicatie_nodig``, ``aanbod.naam``,
    ``kwaliteit.klachtenprocedure.aanwezig.stap``); scripted answerers in tests key on it.
    """

    ask: Ask
    say: Say
    lang: Lang = "nl"
    existing: pm.Profile | None = None
    today: dt.date = field(default_factory=dt.date.today)
    current: str = ""
    stats: Stats = field(default_factory=Stats)
    # The answers so far, as profile data (kept by the caller when the profile cannot be saved).
    data: Data = field(default_factory=dict)
    _number: int = 0
    _item_prefix: FieldPath = ()

    def run(self) -> pm.Profile:
        # exclude_unset, not exclude_defaults: what the file says stays said, also when it equals a default
        # (``bewijs: []`` is "none", not "unknown").
        data: Data = (
            self.existing.model_dump(mode="python", exclude_none=True, exclude_unset=True)
            if self.existing is not None
            else {}
        )
        self.data = data
        earlier_plans = {
            area: list(range(len(data.get(area, {}).get("in_ontwikkeling", ()))))
            for area in data
            if isinstance(data.get(area), dict)
        }
        self.say(ui("welcome", self.lang))
        self.say(ui("howto", self.lang))
        if self.existing is not None:
            self.say(ui("update", self.lang))
        for number, section in enumerate(CATALOGUE, start=1):
            self.say("")
            self.say(f"== {ui('part', self.lang, n=number, total=len(CATALOGUE))}: {section.title(self.lang)} ==")
            self.say(section.intro(self.lang))
            for step in section.steps:
                if isinstance(step, Question):
                    self._fact(step, data, data, section.key)
                elif isinstance(step, ItemGroup):
                    self._items(step, data)
                elif step.when(data):
                    self._plan_offer(step, data)
            if section.is_area:
                self._earlier_plans(section.key, data, earlier_plans.get(section.key, []))
                self._toelichting(section.key, data)
        data["versie"] = 1
        _prune(data)
        try:
            profile = pm.Profile.model_validate(data)
        except ValidationError as error:
            raise AnswersInvalid(data, error) from error
        self.say("")
        self.say(ui("done", self.lang, answered=self.stats.answered, unknown=self.stats.unknown,
                    planned=self.stats.planned))
        return profile

    # ----------------------------------------------------------------------------------- reading

    def _read(self) -> str:
        while True:
            try:
                return self.ask(PROMPT)
            except (EOFError, KeyboardInterrupt) as stop:
                raise QuestionnaireAborted() from stop
            except UnicodeDecodeError:
                self._error(ui("err.read", self.lang))

    def _error(self, text: str) -> None:
        self.say(f"   ! {text}")

    def _show(self, text: str, why: str, options: Sequence[str], hint: str) -> None:
        self._number += 1
        self.say("")
        self.say(f"{self._number}. {text}")
        self.say(f"   {ui('why', self.lang)}: {why}")
        for line in options:
            self.say(line)
        self.say(f"   {hint}")

    # ---------------------------------------------------------------------------- fact questions

    def _fact(self, q: Question, data: Data, container: Data, area: str | None,
              root: type[BaseModel] = pm.Profile) -> None:
        """Ask ``q`` and store the answer in ``container`` (the profile, or one item of a list)."""
        if q.when is not None and not q.when(container):
            return
        path = q.path
        self.current = q.key if root is pm.Profile else f"{'.'.join(self._item_prefix)}.{q.key}"
        current = _get(container, path)
        if q.none_flag is not None and current is MISSING:
            flag = _get(container, (*path[:-1], q.none_flag))
            if flag is True:
                current = _NONE_MARK
            elif flag is False:
                current = _FLAG_FALSE_MARK
        plannable = q.plannable and area is not None
        answer = self._ask_value(q, root, path, current, plannable, container)
        if answer is _Special.UNKNOWN:
            self.stats.unknown += 1
            _delete(container, path)
            if q.none_flag is not None:
                _delete(container, (*path[:-1], q.none_flag))
            return
        if answer is _Special.PLANNED:
            assert area is not None and q.step is not None
            self.stats.planned += 1
            if q.kind == "yesno" and q.good is not None:
                _set(container, path, not q.good)
            self._record_plan(area, q.serves, q.step, data)
            return
        self.stats.answered += 1
        if answer is _FLAG_FALSE_MARK:
            return  # Enter kept "a cao applies, name not given" (geen_cao: false) as it was
        if q.none_flag is not None:
            if answer is _NONE_MARK:
                _delete(container, path)
                _set(container, (*path[:-1], q.none_flag), True)
                return
            _delete(container, (*path[:-1], q.none_flag))
        _set(container, path, answer)

    def _ask_value(self, q: Question, root: type[BaseModel], path: FieldPath, current: Any, plannable: bool,
                   container: Data) -> Any:
        lang = self.lang
        enum = enum_of(root, path) if q.kind in ("choice", "multi") else None
        options = _numbered(enum, lang) if enum is not None else []
        allow_unknown = not q.required
        default_text = (
            self._display(q, enum, current) if current is not MISSING
            else (ui("unknown_value", lang) if allow_unknown else None)
        )
        hint_parts = [self._hint(q, root, path, container)]
        if allow_unknown:
            hint_parts.append(ui("hint.unknown", lang))
        if plannable:
            hint_parts.append(ui("hint.planned", lang))
        hint = " / ".join(hint_parts) if q.kind == "yesno" else "; ".join(hint_parts)
        if default_text is not None:
            hint += f"   [{ui('enter', lang, value=default_text)}]"
        self._show(q.text(lang), q.why(lang), options, hint)
        while True:
            raw = self._read()
            word = _normalise(raw)
            if word == "":
                if current is not MISSING:
                    return current
                if allow_unknown:
                    return _Special.UNKNOWN
                self._error(ui("err.required", lang))
                continue
            if word in _UNKNOWN:
                if allow_unknown:
                    return _Special.UNKNOWN
                self._error(ui("err.required", lang))
                continue
            if word in _PLANNED:
                if plannable:
                    return _Special.PLANNED
                if q.kind != "text":
                    self._error(ui("err.no_planned", lang))
                    continue
            try:
                value = self._parse(q, root, path, raw, word, enum, container, plannable)
            except _Invalid as invalid:
                self._error(invalid.text(lang))
                continue
            return value

    def _hint(self, q: Question, root: type[BaseModel], path: FieldPath, container: Data) -> str:
        lang = self.lang
        if q.kind == "integer":
            lo, hi = self._int_bounds(root, path, container, q)
            if hi >= 10_000:
                return ui("hint.integer_open", lang) if lo == 0 else ui("hint.integer", lang, lo=lo, hi=hi)
            return ui("hint.integer", lang, lo=lo, hi=hi)
        if q.kind == "text" and q.none_flag is not None:
            return ui("hint.text_none", lang)
        return ui(f"hint.{q.kind}", lang)

    def _int_bounds(self, root: type[BaseModel], path: FieldPath, container: Data, q: Question) -> tuple[int, int]:
        bounds = _bounds(root, path)
        lo = int(bounds.get("minimum", 0))
        hi = int(bounds.get("maximum", 10_000_000))
        if path[-1] == "opgericht":
            hi = min(hi, self.today.year)
        if q.at_most is not None:
            limit = _get(container, q.at_most)
            if isinstance(limit, int) and not isinstance(limit, bool):
                hi = min(hi, limit)
        return lo, hi

    def _display(self, q: Question, enum: type[Enum] | None, value: Any) -> str:
        lang = self.lang
        if value is _NONE_MARK:
            return ui("none_list", lang)
        if value is _FLAG_FALSE_MARK:
            return ui("flag_false", lang)
        if q.kind == "yesno":
            return ui("yes" if value else "no", lang)
        if q.kind == "choice" and enum is not None:
            values = [member.value for member in enum]
            return f"{values.index(value) + 1}. {_label(enum, value, lang)}"
        if q.kind == "multi" and enum is not None:
            if not value:
                return ui("none_list", lang)
            values = [member.value for member in enum]
            return ",".join(str(values.index(v) + 1) for v in value)
        if q.kind == "evidence":
            names = [str(entry.get("document") or entry.get("url") or entry.get("datum", "")) for entry in value]
            return _shorten("; ".join(names), 60) if names else ui("none_list", lang)
        if q.kind == "number":
            text = _format_number(value)
            return text.replace(".", ",") if lang == "nl" else text
        if isinstance(value, dt.date):
            return value.isoformat()
        text = str(value)
        return text if len(text) <= 60 else text[:57] + "..."

    def _parse(self, q: Question, root: type[BaseModel], path: FieldPath, raw: str, word: str,
               enum: type[Enum] | None, container: Data, plannable: bool) -> Any:
        value: Any
        if q.kind == "yesno":
            if word in _YES:
                value = True
            elif word in _NO:
                value = False
            else:
                extra = "" if q.required else ui("err.yesno_extra_unknown", self.lang)
                if plannable:
                    extra += ui("err.yesno_extra_planned", self.lang)
                raise _Invalid(_UI["err.yesno"], extra=extra)
        elif q.kind == "choice":
            assert enum is not None
            value = _parse_choice(enum, word)
        elif q.kind == "multi":
            assert enum is not None
            value = _parse_multi(enum, word)
        elif q.kind == "integer":
            value = _parse_int(word)
            lo, hi = self._int_bounds(root, path, container, q)
            if value < lo:
                raise _Invalid(_UI["err.low"], lo=lo)
            if value > hi:
                if q.at_most is not None and _get(container, q.at_most) == hi:
                    raise _Invalid(_UI["err.more_than_paid"], hi=hi)
                raise _Invalid(_UI["err.high"], hi=hi)
        elif q.kind == "number":
            value = _parse_number(word)
            bounds = _bounds(root, path)
            if value < bounds.get("minimum", 0):
                raise _Invalid(_UI["err.low"], lo=_format_number(bounds.get("minimum", 0)))
            if "maximum" in bounds and value > bounds["maximum"]:
                raise _Invalid(_UI["err.high"], hi=_format_number(bounds["maximum"]))
        elif q.kind == "date":
            value = _parse_date(word)
            if value > self.today:
                raise _Invalid(_UI["err.date_future"])
            if value.year < 1900:
                raise _Invalid(_UI["err.date_old"])
        elif q.kind == "url":
            value = _parse_url(raw.strip())
        elif q.kind == "evidence":
            value = self._evidence(raw.strip(), word, root, path, container)
        else:
            text = raw.strip()
            if q.none_flag is not None and word in _NONE:
                return _NONE_MARK
            value = _check_text(text, _bounds(root, path))
        try:
            _adapter(root, path).validate_python(value)
        except ValidationError as error:
            raise _Invalid(_UI["err.model"]) from error
        return value

    def _evidence(self, text: str, word: str, root: type[BaseModel], path: FieldPath, container: Data) -> list[Any]:
        """The evidence list with the new entry added: a web address as ``url``, anything else as ``document``."""
        if word in _NONE:
            return []
        current = _get(container, path)
        entries = [dict(entry) for entry in current] if isinstance(current, list) else []
        looks_like_url = " " not in text and (word.startswith(("http://", "https://", "www.")))
        if looks_like_url:
            entry: Data = {"url": _parse_url(text)}
        else:
            entry = {"document": _check_text(text, _bounds(pm.Bewijs, ("document",)))}
        if entry not in entries:
            entries.append(entry)
        return entries

    # ------------------------------------------------------------------------------------- plans

    def _record_plan(self, area: str, serves: Sequence[str], suggestion: Msg, data: Data) -> None:
        lang = self.lang
        self.say(f"   {ui('plan.intro', lang)}")
        base = self.current
        self.current = f"{base}.stap"
        stap = self._ask_plain_text(ui("plan.step", lang), suggestion(lang), (pm.Plan, ("stap",)))
        self.current = f"{base}.streefdatum"
        streefdatum = self._ask_target_date()
        plan = {"betreft": list(serves), "stap": stap, "streefdatum": streefdatum}
        plans = data.setdefault(area, {}).setdefault("in_ontwikkeling", [])
        if plan not in plans:
            plans.append(plan)
        self.current = base

    def _ask_plain_text(self, text: str, default: str, field_at: tuple[type[BaseModel], FieldPath]) -> str:
        lang = self.lang
        self.say(f"   {text}")
        self.say(f"   [{ui('enter', lang, value=default)}]")
        while True:
            raw = self._read().strip()
            if raw == "":
                return default
            try:
                return _check_text(raw, _bounds(*field_at))
            except _Invalid as invalid:
                self._error(invalid.text(lang))

    def _ask_target_date(self) -> dt.date:
        lang = self.lang
        default = _plan_default_date(self.today)
        self.say(f"   {ui('plan.date', lang)} ({ui('hint.date_format', lang)})")
        self.say(f"   [{ui('enter', lang, value=default.isoformat())}]")
        while True:
            word = _normalise(self._read())
            if word == "":
                return default
            try:
                value = _parse_date(word)
                if value < self.today:
                    raise _Invalid(_UI["err.date_past"], today=self.today.isoformat())
                if value > self.today + dt.timedelta(days=3653):
                    raise _Invalid(_UI["err.date_far"])
            except _Invalid as invalid:
                self._error(invalid.text(lang))
                continue
            return value

    def _plan_offer(self, offer: PlanOffer, data: Data) -> None:
        if any(set(offer.serves) & set(plan.get("betreft", ())) for plan in _all_plans(data)):
            return
        self.current = offer.key
        answer = self._yes_no(offer.text(self.lang), offer.why(self.lang), default=None)
        if answer is True:
            self.stats.planned += 1
            self._record_plan(offer.area, offer.serves, offer.step, data)
        elif answer is False:
            self.stats.answered += 1
        else:
            self.stats.unknown += 1

    def _earlier_plans(self, area: str, data: Data, indexes: Sequence[int]) -> None:
        plans = data.get(area, {}).get("in_ontwikkeling", [])
        for index in indexes:
            plan = plans[index]
            if plan.get("gerealiseerd") is True:
                continue
            self.current = f"{area}.in_ontwikkeling.gerealiseerd"
            datum = plan.get("streefdatum")
            text = ui("plan.existing", self.lang, stap=_shorten(plan["stap"]),
                      datum=datum.isoformat() if isinstance(datum, dt.date) else ui("no_date", self.lang))
            answer = self._yes_no(text, ui("plan.existing_why", self.lang), default=plan.get("gerealiseerd"))
            if answer is None:
                plan.pop("gerealiseerd", None)
            else:
                plan["gerealiseerd"] = answer
                self.stats.answered += 1

    def _yes_no(self, text: str, why: str, default: bool | None, allow_unknown: bool = True) -> bool | None:
        """A yes/no question outside the catalogue (no field path of its own)."""
        lang = self.lang
        if default is None:
            shown = ui("unknown_value", lang) if allow_unknown else None
        else:
            shown = ui("yes" if default else "no", lang)
        hint = ui("hint.yesno", lang) + (f" / {ui('hint.unknown', lang)}" if allow_unknown else "")
        if shown is not None:
            hint += f"   [{ui('enter', lang, value=shown)}]"
        self._show(text, why, (), hint)
        while True:
            word = _normalise(self._read())
            if word == "":
                if default is not None or allow_unknown:
                    return default
            elif word in _YES:
                return True
            elif word in _NO:
                return False
            elif word in _UNKNOWN and allow_unknown:
                return None
            extra = ui("err.yesno_extra_unknown", lang) if allow_unknown else ""
            self._error(ui("err.yesno", lang, extra=extra))

    # ------------------------------------------------------------------------------------- items

    def _items(self, group: ItemGroup, data: Data) -> None:
        lang = self.lang
        existing = _get(data, group.path)
        items: list[Data] = list(existing) if isinstance(existing, list) else []
        self.current = group.key
        current: Any = MISSING if existing is MISSING else bool(items)
        intro = Question(group.path, "yesno", group.intro, group.why, group.serves, True, step=group.step)
        answer = self._ask_value(intro, _IntroModel, ("value",), current, intro.plannable, {})
        if answer is _Special.UNKNOWN:
            self.stats.unknown += 1
            _delete(data, group.path)
            return
        if answer is _Special.PLANNED:
            self.stats.planned += 1
            if existing is MISSING:
                _set(data, group.path, [])
            assert group.step is not None
            self._record_plan(group.plan_area, group.serves, group.step, data)
            return
        self.stats.answered += 1
        if answer is False:
            _set(data, group.path, [])
            return
        noun = group.noun(lang)
        kept: list[Data] = []
        self._item_prefix = group.path
        try:
            for number, item in enumerate(items, start=1):
                self.current = f"{group.key}.houden"
                name = str(item.get("naam", ""))
                keep = self._yes_no(ui("item.keep", lang, noun=noun, n=number, name=name),
                                    ui("item.keep_why", lang, noun=noun), default=True, allow_unknown=False)
                if keep:
                    self._item(group, item)
                    kept.append(item)
            if not items:
                self.say(f"\n   -- {ui('item.first', lang, noun=noun.capitalize(), n=1)} --")
                kept.append(self._item(group, {}))
            while True:
                self.current = f"{group.key}.nog_een"
                more = self._yes_no(ui("item.more", lang, noun=noun), ui("item.more_why", lang), default=False,
                                    allow_unknown=False)
                if not more:
                    break
                self.say(f"\n   -- {ui('item.first', lang, noun=noun.capitalize(), n=len(kept) + 1)} --")
                kept.append(self._item(group, {}))
        finally:
            self._item_prefix = ()
        _set(data, group.path, kept)

    def _item(self, group: ItemGroup, item: Data) -> Data:
        for question in group.questions:
            self._fact(question, item, item, None, root=group.model)
        return item

    # --------------------------------------------------------------------------------- toelichting

    def _toelichting(self, area: str, data: Data) -> None:
        self.current = f"{area}.toelichting"
        path = (area, "toelichting")
        current = _get(data, path)
        lang = self.lang
        if current is MISSING:
            hint = f"{ui('hint.toelichting', lang)}   [{ui('enter', lang, value=ui('nothing', lang))}]"
        else:
            shown = _shorten(str(current), 50)
            hint = f"{ui('hint.toelichting_replace', lang)}   [{ui('enter', lang, value=shown)}]"
        self._show(TOELICHTING[0](lang), TOELICHTING[1](lang), (), hint)
        while True:
            raw = self._read()
            word = _normalise(raw)
            if word == "":
                return
            if word in _UNKNOWN or word == "-":
                _delete(data, path)
                return
            try:
                text = _check_text(raw.strip(), _bounds(pm.Profile, path))
            except _Invalid as invalid:
                self._error(invalid.text(lang))
                continue
            _set(data, path, text)
            self.stats.answered += 1
            return


class _IntroModel(BaseModel):
    """Stands in for the field of a list's opening yes/no question, which has none in the profile."""

    value: bool | None = None


# ------------------------------------------------------------------------------------------ parsing

def _label(enum: type[Enum], value: str, lang: Lang) -> str:
    return LABELS[enum][value](lang)


def _numbered(enum: type[Enum], lang: Lang) -> list[str]:
    groups = CHOICE_GROUPS.get(enum, {})
    lines: list[str] = []
    for number, member in enumerate(enum, start=1):
        if member.value in groups:
            lines.append(f"   {groups[member.value](lang)}:")
        lines.append(f"   {number:>4}. {_label(enum, member.value, lang)}")
    return lines


def _match_member(enum: type[Enum], word: str) -> str | None:
    values = [str(member.value) for member in enum]
    if word.isdigit():
        index = int(word)
        return values[index - 1] if 1 <= index <= len(values) else None
    for value in values:
        labels = LABELS[enum][value]
        if word in (value, value.replace("_", " "), _normalise(labels.nl), _normalise(labels.en)):
            return value
    return None


def _parse_choice(enum: type[Enum], word: str) -> str:
    found = _match_member(enum, word)
    if found is None:
        raise _Invalid(_UI["err.choice"], n=len(list(enum)))
    return found


def _parse_multi(enum: type[Enum], word: str) -> list[str]:
    if word in _NONE:
        return []
    chosen: list[str] = []
    for part in re.split(r"[,;]|\s+", word):
        part = part.strip()
        if not part:
            continue
        found = _match_member(enum, part)
        if found is None:
            raise _Invalid(_UI["err.multi"], part=part, n=len(list(enum)))
        if found not in chosen:
            chosen.append(found)
    if not chosen:
        raise _Invalid(_UI["err.multi"], part=word, n=len(list(enum)))
    # Keep the list order, so the file reads the same however the numbers were typed.
    order = [member.value for member in enum]
    return sorted(chosen, key=order.index)


def _parse_int(word: str) -> int:
    text = word.replace("€", "").replace("eur", "").strip()
    text = re.sub(r"(?<=\d)[ _](?=\d{3}\b)", "", text)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    if re.fullmatch(r"-\d+", text):
        raise _Invalid(_UI["err.low"], lo=0)
    if not re.fullmatch(r"\d{1,12}", text):
        raise _Invalid(_UI["err.integer"])
    return int(text)


def _parse_number(word: str) -> float:
    text = word.replace("%", "").strip()
    if re.fullmatch(r"-\d+([.,]\d+)?", text):
        raise _Invalid(_UI["err.low"], lo=0)
    if not re.fullmatch(r"\d{1,9}([.,]\d{1,6})?", text):
        raise _Invalid(_UI["err.number"])
    return float(text.replace(",", "."))


def _format_number(value: float) -> str:
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = f"{value:.10f}".rstrip("0")
        if text.endswith("."):
            text += "0"
    return text[:-2] if text.endswith(".0") else text


def _parse_date(word: str) -> dt.date:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", word)
    if match is None:
        raise _Invalid(_UI["err.date_format"])
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise _Invalid(_UI["err.date_real"]) from error


_URL_ADAPTER: TypeAdapter[HttpUrl] = TypeAdapter(HttpUrl)


def _parse_url(text: str) -> str:
    candidate = text if re.match(r"(?i)https?://", text) else f"https://{text}"
    if " " in candidate or not _safe_text(candidate):
        raise _Invalid(_UI["err.url"])
    try:
        url = _URL_ADAPTER.validate_python(candidate)
    except ValidationError as error:
        raise _Invalid(_UI["err.url"]) from error
    if url.host is None or "." not in url.host:
        raise _Invalid(_UI["err.url"])
    return str(url)


def _check_text(text: str, bounds: Mapping[str, Any]) -> str:
    if not _safe_text(text):
        raise _Invalid(_UI["err.characters"])
    limit = int(bounds.get("maxLength", 5000))
    if len(text) > limit:
        raise _Invalid(_UI["err.too_long"], n=limit, length=len(text))
    if len(text) < int(bounds.get("minLength", 1)):
        raise _Invalid(_UI["err.required"])
    return text


def _shorten(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


# ------------------------------------------------------------------------------------- data helpers

def _set(data: Data, path: FieldPath, value: Any) -> None:
    node = data
    for key in path[:-1]:
        child = node.get(key)
        if not isinstance(child, dict):
            child = {}
            node[key] = child
        node = child
    node[path[-1]] = value


def _delete(data: Data, path: FieldPath) -> None:
    node: Any = data
    for key in path[:-1]:
        node = node.get(key) if isinstance(node, dict) else None
        if node is None:
            return
    if isinstance(node, dict):
        node.pop(path[-1], None)


def _prune(data: Data) -> None:
    """Drop mappings left empty (an area without facts is the same as no area); lists keep meaning."""
    for key in list(data):
        value = data[key]
        if isinstance(value, dict):
            _prune(value)
            if not value and key != "initiatief":
                del data[key]


def _all_plans(data: Data) -> Iterator[Mapping[str, Any]]:
    for value in data.values():
        if isinstance(value, dict):
            yield from value.get("in_ontwikkeling", ())


def run_questionnaire(ask: Ask, say: Say, *, lang: Lang = "nl", existing: pm.Profile | None = None,
                      today: dt.date | None = None) -> pm.Profile:
    """Ask every question and return the validated profile; raises :class:`QuestionnaireAborted` on EOF."""
    questionnaire = Questionnaire(ask, say, lang, existing, today or dt.date.today())
    return questionnaire.run()
