"""The profile model: every fact the criteria catalogue needs, with Dutch domain keys.

Every fact is optional: a missing fact becomes *onbekend* in the report, never a failure.
Unknown keys are rejected (``extra="forbid"``) so a typo never silently disappears.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import Url, core_schema

# The shape of a rule id. Which ids exist is the catalogue's to say (a region adds its own rules): a plan for
# an id that no loaded rule has is refused when the profile is checked (see iza_check.checker).
CRITERION_ID_PATTERN = r"^[A-Z][A-Za-z0-9_]{0,15}$"

Text = Annotated[str, Field(min_length=1, max_length=5000)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]
Count = Annotated[int, Field(ge=0, le=10_000_000, strict=True)]
# Strict: a quoted "yes" or "1" must not silently become True.
Flag = Annotated[bool, Field(strict=True)]

# A list proves what is in it; it proves an absence only when the profile says it is the whole list:
# with ``<list>_volledig: true`` beside it, or when it is given empty (``[]``: none).
COMPLETE_SUFFIX = "_volledig"
COMPLETE_DESCRIPTION = (
    "Is dit de hele lijst? true: wat er niet in staat, is er ook niet. Zonder dit veld bewijst de lijst "
    "alleen wat erin staat; een lege lijst ([]) betekent: geen."
)


def _no_items() -> list:
    """An empty list, the default of every list field. A function of its own rather than ``list``: pydantic reads
    the signature of each default factory when it builds the model, and that of a builtin costs ten times more."""
    return []


class _Strict(BaseModel):
    # defer_build: the parts are built as part of Profile; a part's own validator only when a part is validated on
    # its own (the questionnaire), which a check never does: a one-profile run starts sooner.
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True, defer_build=True)


CriterionId = Annotated[str, Field(pattern=CRITERION_ID_PATTERN)]


class _WebAddress:
    """What pydantic's ``HttpUrl`` checks (http or https, a host, at most 2083 characters), as pydantic-core's own
    URL schema: ``HttpUrl`` lives in ``pydantic.networks``, whose import cost a one-profile run some 20 ms."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.url_schema(max_length=2083, allowed_schemes=["http", "https"])


# A web address; the value is a pydantic-core ``Url`` (``str()`` gives it normalised, as ``HttpUrl`` does).
WebUrl = Annotated[Url, _WebAddress()]


class Bewijs(_Strict):
    """A piece of evidence: a document, a web page, a date; and which criteria it supports.

    Evidence shows how firm an outcome is (*onderbouwd* rather than only *verklaard*); it never changes one.
    Beside a regulation, an activity or a partner it backs the facts of that regulation, activity or partner;
    beside an area it backs the criteria it names in ``betreft``.
    """

    document: ShortText | None = Field(None, description="Naam van het document, bijv. 'Klachtenregeling 2024'.")
    url: WebUrl | None = Field(None, description="Waar het document te vinden is.")
    datum: dt.date | None = Field(None, description="Datum van het document (JJJJ-MM-DD).")
    betreft: list[CriterionId] = Field(
        default_factory=_no_items,
        description="Welke kenmerken of eisen dit bewijs onderbouwt, bijv. [K2] of [Q1, Q3]. Nodig voor bewijs bij "
        "een onderdeel (toegang, werkwijze, ...); bij een regeling, activiteit of partner hoort het al bij die.",
    )


class Plan(_Strict):
    """A concrete planned step: what, for which criterion, by when."""

    betreft: list[CriterionId] = Field(
        min_length=1, description="Voor welke kenmerken of eisen dit plan is, bijv. [K2] of [Q1, Q3]."
    )
    stap: Text = Field(description="Wat gaat u doen? Zo concreet mogelijk.")
    streefdatum: dt.date | None = Field(None, description="Wanneer moet het klaar zijn (JJJJ-MM-DD)?")
    gerealiseerd: Flag | None = Field(None, description="Is deze stap inmiddels gezet?")


class _Area(_Strict):
    """Fields every area of the profile may carry beside its facts."""

    toelichting: Text | None = Field(None, description="Vrije toelichting in eigen woorden.")
    bewijs: list[Bewijs] = Field(default_factory=_no_items, description="Documenten die de feiten onderbouwen.")
    in_ontwikkeling: list[Plan] = Field(default_factory=_no_items, description="Geplande stappen met streefdatum.")


class Organisatievorm(str, Enum):
    stichting = "stichting"
    vereniging = "vereniging"
    cooperatie = "cooperatie"
    onderdeel_ggz_instelling = "onderdeel_ggz_instelling"
    onderdeel_welzijnsorganisatie = "onderdeel_welzijnsorganisatie"
    informeel_collectief = "informeel_collectief"
    anders = "anders"


class Doelgroep(str, Enum):
    psychische_kwetsbaarheid = "psychische_kwetsbaarheid"
    epa = "epa"
    sociaal_emotionele_kwetsbaarheid = "sociaal_emotionele_kwetsbaarheid"
    naasten = "naasten"
    verslaving = "verslaving"
    dak_en_thuisloosheid = "dak_en_thuisloosheid"
    iedereen = "iedereen"


class Initiatief(_Area):
    """Who and where: the initiative itself."""

    naam: ShortText = Field(description="De naam van het initiatief.")
    gemeente: ShortText | None = Field(None, description="Gemeente van de (hoofd)locatie.")
    regio: ShortText | None = Field(None, description="Regio, bijv. de centrumgemeente of zorgkantoorregio.")
    organisatievorm: Organisatievorm | None = None
    gastorganisatie: ShortText | None = Field(
        None, description="Als het initiatief onderdeel is van een grotere organisatie: welke."
    )
    opgericht: Annotated[int, Field(ge=1900, le=2100)] | None = Field(None, description="Jaar van oprichting.")
    website: WebUrl | None = None
    locaties: Annotated[int, Field(ge=0, le=1000)] | None = Field(None, description="Aantal locaties.")
    door_en_voor: list[Doelgroep] | None = Field(
        None, description="Door en voor wie is het initiatief opgezet?"
    )
    door_en_voor_volledig: Flag | None = Field(None, description=COMPLETE_DESCRIPTION)


class EigenBijdrage(str, Enum):
    geen = "geen"
    vrijwillig = "vrijwillig"
    laag = "laag"
    hoog = "hoog"


class Toegang(_Area):
    """Voor wie? (K1) — how low the threshold is."""

    indicatie_nodig: Flag | None = Field(None, description="Is een indicatie nodig om mee te doen?")
    verwijzing_nodig: Flag | None = Field(None, description="Is een verwijzing (bijv. van de huisarts) nodig?")
    diagnose_nodig: Flag | None = Field(None, description="Moet iemand een diagnose hebben?")
    registratie_nodig: Flag | None = Field(None, description="Moet iemand zich inschrijven of registreren?")
    registratie_alleen_voor_cursus: Flag | None = Field(
        None,
        description="Is inschrijven alleen nodig voor een cursus of training, terwijl iemand eerst zonder "
        "inschrijving kan binnenlopen?",
    )
    inloop_zonder_afspraak: Flag | None = Field(None, description="Kan iemand zonder afspraak binnenlopen?")
    eigen_bijdrage: EigenBijdrage | None = Field(None, description="Wat betaalt een bezoeker?")
    naasten_welkom: Flag | None = Field(None, description="Zijn naasten (familie, vrienden) welkom?")
    epa_welkom: Flag | None = Field(
        None, description="Zijn mensen met ernstige psychische aandoeningen (EPA) uitdrukkelijk welkom?"
    )
    dagdelen_open_per_week: Annotated[int, Field(ge=0, le=21)] | None = Field(
        None, description="Hoeveel dagdelen per week is de inloop open (ochtend, middag, avond)?"
    )


class Soort(str, Enum):
    """Kinds of activity. Bouwstenen A, B and C (003) follow from them."""

    # Bouwsteen A1 — sociale participatie
    inloop = "inloop"
    ontmoeting = "ontmoeting"
    ontspanning = "ontspanning"
    sport = "sport"
    creatief = "creatief"
    maaltijd = "maaltijd"
    maatjescontact = "maatjescontact"
    # Bouwsteen A2 — maatschappelijke participatie
    vrijwilligerswerkplek = "vrijwilligerswerkplek"
    werkproject = "werkproject"
    toeleiding_betaald_werk = "toeleiding_betaald_werk"
    # Bouwsteen A3 — ontplooiing en methodische zelfhulp
    herstelcursus = "herstelcursus"
    empowermentcursus = "empowermentcursus"
    herstelgroep = "herstelgroep"
    schrijfgroep = "schrijfgroep"
    zelfhulpgroep = "zelfhulpgroep"
    lotgenotengroep = "lotgenotengroep"
    # Bouwstenen B (in every region)
    informatie_en_advies = "informatie_en_advies"
    individuele_ondersteuning = "individuele_ondersteuning"
    kwaliteitsontwikkeling_ervaringsdeskundigheid = "kwaliteitsontwikkeling_ervaringsdeskundigheid"
    # Bouwstenen C (kansrijke context)
    beleidsparticipatie = "beleidsparticipatie"
    kwartiermaken = "kwartiermaken"
    deskundigheidsbevordering_professionals = "deskundigheidsbevordering_professionals"
    ondersteuning_naasten = "ondersteuning_naasten"
    anders = "anders"


class Methode(str, Enum):
    herstellen_doe_je_zelf = "herstellen_doe_je_zelf"
    wrap = "wrap"
    werken_met_eigen_ervaring = "werken_met_eigen_ervaring"
    hop = "hop"
    eigen_methode = "eigen_methode"
    geen = "geen"


class Activiteit(_Strict):
    """One activity the initiative offers."""

    naam: ShortText = Field(description="Naam van de activiteit, bijv. 'Herstellen doe je zelf'.")
    soort: Soort = Field(description="Wat voor activiteit is het?")
    methode: Methode | None = Field(None, description="Volgens welke methode van zelfhulp (als die er is)?")
    door_en_voor: Flag | None = Field(
        None, description="Ontwikkeld en gegeven door ervaringsdeskundigen, voor lotgenoten?"
    )
    ontwikkeld_met_deelnemers: Flag | None = Field(
        None, description="Is de activiteit samen met deelnemers ontwikkeld of bijgesteld?"
    )
    gestart_door_bezoekers: Flag | None = Field(None, description="Is de activiteit op initiatief van bezoekers begonnen?")
    verwijzing_nodig: Flag | None = Field(None, description="Is voor deze activiteit een verwijzing nodig?")
    per_jaar: Annotated[int, Field(ge=0, le=10_000)] | None = Field(
        None, description="Hoe vaak per jaar (bijkomsten, cursusreeksen)?"
    )
    bewijs: list[Bewijs] = Field(
        default_factory=_no_items, description="Waar de activiteit te vinden is, bijv. de cursuskalender of een folder."
    )


class Rol(str, Enum):
    gastvrouw_gastheer = "gastvrouw_gastheer"
    vrijwilliger = "vrijwilliger"
    co_trainer = "co_trainer"
    organisator_activiteit = "organisator_activiteit"
    bestuurslid = "bestuurslid"
    betaalde_kracht = "betaalde_kracht"


class WensenOphalen(str, Enum):
    bezoekersoverleg = "bezoekersoverleg"
    ideeenbus = "ideeenbus"
    enquete = "enquete"
    persoonlijk_gesprek = "persoonlijk_gesprek"
    evaluatie_na_activiteit = "evaluatie_na_activiteit"


class Aanspreekvorm(str, Enum):
    bezoeker = "bezoeker"
    deelnemer = "deelnemer"
    lid = "lid"
    gast = "gast"
    client = "client"
    patient = "patient"


class Werkwijze(_Area):
    """Hoe? (K3–K8) — the way of working."""

    bezoekersrollen: list[Rol] | None = Field(
        None, description="Welke rollen kunnen bezoekers op zich nemen?"
    )
    bezoekersrollen_volledig: Flag | None = Field(None, description=COMPLETE_DESCRIPTION)
    bezoekers_beslissen_mee: Flag | None = Field(
        None, description="Beslissen bezoekers mee over activiteiten en koers?"
    )
    wensen_ophalen: list[WensenOphalen] | None = Field(
        None, description="Hoe worden de wensen van bezoekers opgehaald?"
    )
    wensen_ophalen_volledig: Flag | None = Field(None, description=COMPLETE_DESCRIPTION)
    aanbod_vanuit_behoefte: Flag | None = Field(
        None, description="Ontstaan nieuwe activiteiten uit wat bezoekers zelf willen?"
    )
    clientdossier: Flag | None = Field(None, description="Wordt er een dossier per bezoeker bijgehouden?")
    diagnoses_geregistreerd: Flag | None = Field(None, description="Worden diagnoses van bezoekers vastgelegd?")
    aanspreekvorm: Aanspreekvorm | None = Field(None, description="Hoe worden mensen genoemd?")
    peer_support: Flag | None = Field(None, description="Is steun van lotgenoten aan elkaar de gewone werkvorm?")
    hierarchie_helper_geholpene: Flag | None = Field(
        None, description="Is er een vaste verdeling tussen wie helpt en wie geholpen wordt?"
    )
    verplichte_trajecten: Flag | None = Field(
        None, description="Moeten bezoekers een vast traject, stappenplan of protocol volgen?"
    )
    intervisie: Flag | None = Field(None, description="Is er intervisie tussen medewerkers/vrijwilligers?")
    uitwisseling_andere_initiatieven: Flag | None = Field(
        None, description="Wisselt u ervaringen uit met andere initiatieven?"
    )
    ervaringskennis_vastgelegd: Flag | None = Field(
        None, description="Wordt ervaringskennis opgeschreven en gedeeld (bijv. in een werkboek)?"
    )
    methode_beschreven: Flag | None = Field(None, description="Is de werkwijze op papier gezet?")
    vrije_ruimte: Text | None = Field(
        None, description="Hoe maakt u ruimte voor wat bezoekers zelf willen (de 'vrije ruimte')?"
    )


class Coordinatie(str, Enum):
    ervaringsdeskundige = "ervaringsdeskundige"
    gedeeld = "gedeeld"
    professional = "professional"


class Team(_Area):
    """Door wie? (K9, Q7) — who does the work."""

    coordinatie: Coordinatie | None = Field(
        None, description="Wie heeft de leiding: een ervaringsdeskundige, gedeeld, of een professional zonder?"
    )
    dagelijkse_leiding_ervaringsdeskundige: Flag | None = Field(
        None,
        description="Heeft een ervaringsdeskundige de dagelijkse leiding van het team, ook als daarboven een "
        "leidinggevende zonder ervaringsdeskundigheid staat (bijv. van de gastorganisatie)?",
    )
    betaalde_medewerkers: Count | None = Field(None, description="Aantal betaalde medewerkers (personen).")
    betaalde_medewerkers_ervaringsdeskundig: Count | None = Field(
        None, description="Hoeveel van hen zetten hun ervaringsdeskundigheid in?"
    )
    fte: Annotated[float, Field(ge=0, le=100_000)] | None = Field(None, description="Totaal aantal fte betaald.")
    vrijwilligers: Count | None = Field(None, description="Aantal vrijwilligers.")
    opgeleide_ervaringsdeskundigen: Count | None = Field(
        None, description="Aantal medewerkers met een opleiding ervaringsdeskundigheid (mbo/hbo of gelijkwaardig)."
    )
    scholingsplan: Flag | None = Field(None, description="Is er een plan voor scholing van medewerkers en vrijwilligers?")
    professionele_achtervang: Flag | None = Field(
        None, description="Kunnen medewerkers terugvallen op een professional bij zware problematiek?"
    )
    coaching: Flag | None = Field(
        None, description="Krijgen medewerkers en vrijwilligers coaching of supervisie bij hun werk?"
    )
    doorstroom_naar_vrijwilliger: Flag | None = Field(
        None, description="Worden bezoekers vrijwilliger (de groeivijver)?"
    )
    doorstroom_naar_betaald_werk: Flag | None = Field(
        None, description="Stromen vrijwilligers door naar betaald werk, hier of elders?"
    )


class Partnercategorie(str, Enum):
    sociaal_domein = "sociaal_domein"
    welzijn = "welzijn"
    huisartsen = "huisartsen"
    zorgaanbieders = "zorgaanbieders"
    onderwijs = "onderwijs"
    werk_en_inkomen = "werk_en_inkomen"
    overig = "overig"


class Partner(_Strict):
    naam: ShortText = Field(description="Naam van de partner.")
    categorie: Partnercategorie = Field(description="Soort partner (10a–d in de kenmerken).")
    afspraken_vastgelegd: Flag | None = Field(None, description="Zijn de afspraken op papier gezet?")
    bewijs: list[Bewijs] = Field(
        default_factory=_no_items, description="De vastgelegde afspraken, bijv. een getekend convenant."
    )


class Samenwerking(_Area):
    """Met wie? (K10) — partners and crisis arrangements."""

    partners: list[Partner] | None = Field(
        None, description="Met wie werkt u samen? Een lege lijst betekent: met niemand."
    )
    partners_volledig: Flag | None = Field(None, description=COMPLETE_DESCRIPTION)
    crisisafspraken_ggz: Flag | None = Field(
        None, description="Zijn er afspraken met de ggz voor als iemand in crisis raakt?"
    )
    crisisafspraken_113: Flag | None = Field(None, description="Zijn er afspraken met 113 Zelfmoordpreventie?")


class Regeling(_Strict):
    """A written arrangement (klachtenprocedure, privacyregeling, …)."""

    aanwezig: Flag | None = Field(
        None, description="Is deze regeling er? Ook ja als de regeling van de gastorganisatie voor het steunpunt geldt."
    )
    vastgesteld_op: dt.date | None = Field(None, description="Wanneer is de regeling vastgesteld?")
    bewijs: list[Bewijs] = Field(default_factory=_no_items)


class VogVoor(str, Enum):
    iedereen = "iedereen"
    alleen_betaalde_medewerkers = "alleen_betaalde_medewerkers"
    deel_van_vrijwilligers = "deel_van_vrijwilligers"
    niemand = "niemand"


class Vog(_Strict):
    voor: VogVoor | None = Field(
        None, description="Wie die bezoekers ondersteunt heeft een Verklaring Omtrent het Gedrag?"
    )
    oudste_afgiftedatum: dt.date | None = Field(
        None, description="Datum van de oudste VOG die nu gebruikt wordt (JJJJ-MM-DD)."
    )


class VrijwilligersOnderwerp(str, Enum):
    continuiteit = "continuiteit"
    kwaliteit_ondersteuning = "kwaliteit_ondersteuning"
    veiligheid = "veiligheid"
    deskundigheid = "deskundigheid"
    waardering = "waardering"


class Vrijwilligersbeleid(_Strict):
    aanwezig: Flag | None = None
    onderwerpen: list[VrijwilligersOnderwerp] | None = Field(
        None, description="Welke onderwerpen regelt het beleid?"
    )
    onderwerpen_volledig: Flag | None = Field(None, description=COMPLETE_DESCRIPTION)


class Medezeggenschap(_Strict):
    deelnemers: Flag | None = Field(None, description="Hebben deelnemers/bezoekers inspraak (bijv. een deelnemersraad)?")
    vrijwilligers: Flag | None = Field(None, description="Hebben vrijwilligers inspraak?")
    medewerkers: Flag | None = Field(None, description="Hebben medewerkers inspraak (bijv. OR of PVT)?")
    vroeg_betrokken_bij_beleid: Flag | None = Field(
        None, description="Worden zij al vroeg betrokken bij nieuw beleid?"
    )


class KeurmerkNaam(str, Enum):
    iso_9001 = "iso_9001"
    hkz = "hkz"
    nen_en_15224 = "nen_en_15224"
    pso = "pso"
    anders = "anders"
    geen = "geen"


class Keurmerk(_Strict):
    naam: KeurmerkNaam | None = Field(None, description="Welk keurmerk of kwaliteitssysteem?")
    kwaliteitsafspraken_financier: Flag | None = Field(
        None, description="Zijn er kwaliteitsafspraken met de financier (voor starters)?"
    )
    opbouwtraject: Flag | None = Field(None, description="Loopt er een opbouwtraject naar een keurmerk?")


class Rie(_Strict):
    uitgevoerd: Flag | None = Field(None, description="Is er een risico-inventarisatie en -evaluatie (RI&E) gedaan?")
    datum: dt.date | None = None


class Kwaliteit(_Area):
    """Kwaliteit (Q1–Q10)."""

    klachtenprocedure: Regeling | None = None
    privacyregeling: Regeling | None = None
    vertrouwenspersoon: Regeling | None = None
    cao: ShortText | None = Field(
        None, description="Welke cao geldt voor de medewerkers? Laat leeg als die er niet is."
    )
    geen_cao: Flag | None = Field(None, description="Zet op true als er bewust geen cao geldt.")
    vrijwilligersbeleid: Vrijwilligersbeleid | None = None
    vog: Vog | None = None
    medezeggenschap: Medezeggenschap | None = None
    keurmerk: Keurmerk | None = None
    rie: Rie | None = None


class Financieringsbron(str, Enum):
    gemeente_wmo = "gemeente_wmo"
    gemeente_subsidie = "gemeente_subsidie"
    zorgverzekeraar = "zorgverzekeraar"
    zorgkantoor_wlz = "zorgkantoor_wlz"
    ggz_instelling = "ggz_instelling"
    fondsen = "fondsen"
    donaties = "donaties"
    eigen_inkomsten = "eigen_inkomsten"
    anders = "anders"


class Financiering(_Area):
    """Financiering — health of the money (informative)."""

    bronnen: list[Financieringsbron] | None = Field(None, description="Waar komt het geld vandaan?")
    bronnen_volledig: Flag | None = Field(None, description=COMPLETE_DESCRIPTION)
    langste_afspraak_jaren: Annotated[int, Field(ge=0, le=50)] | None = Field(
        None, description="Voor hoeveel jaar loopt de langste financieringsafspraak?"
    )
    lumpsum: Flag | None = Field(None, description="Wordt u gefinancierd met een lumpsum op afgesproken prestaties?")
    reservemarge_procent: Annotated[float, Field(ge=0, le=100)] | None = None
    omzet_euro: Annotated[int, Field(ge=0, le=10_000_000_000)] | None = Field(None, description="Jaaromzet in euro.")


class Bereik(_Area):
    """Bereik — reference figures, shown for context, never judged."""

    bezoekers_per_jaar: Count | None = Field(None, description="Hoeveel verschillende bezoekers per jaar?")
    bezoeken_per_week: Count | None = None


class Profile(_Strict):
    """A zelfregie- of herstelinitiatief, described by facts."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_enum_values=True,
        title="iza-check profiel",
        json_schema_extra={"$id": "https://iza-check.nl/schema/profile.schema.json"},
        # A check validates with pydantic-core's validator made from the stored core schema (profile/core_schema.py),
        # so the model's own is built only where it is used otherwise (the questionnaire, the writer).
        defer_build=True,
    )

    versie: Annotated[int, Field(ge=1, le=1)] = Field(1, description="Versie van het profielformaat.")
    initiatief: Initiatief
    toegang: Toegang | None = None
    aanbod: list[Activiteit] | None = Field(
        None, description="De activiteiten. Een lege lijst betekent: geen activiteiten."
    )
    aanbod_volledig: Flag | None = Field(None, description=COMPLETE_DESCRIPTION)
    werkwijze: Werkwijze | None = None
    team: Team | None = None
    samenwerking: Samenwerking | None = None
    kwaliteit: Kwaliteit | None = None
    financiering: Financiering | None = None
    bereik: Bereik | None = None
