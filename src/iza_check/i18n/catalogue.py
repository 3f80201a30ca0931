"""Every UI string of the reports, in Dutch and English, in one place.

Rule titles and advice are not here: they travel with the findings as ``Text`` values.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

LANGS: Final = ("nl", "en")
DEFAULT_LANG: Final = "nl"

# key -> (nl, en). A tuple, so a missing translation is a syntax error rather than a runtime surprise.
ENTRIES: Final[dict[str, tuple[str, str]]] = {
    # Outcomes, severities, verdicts, groups
    "outcome.voldoet": ("voldoet", "meets"),
    "outcome.deels": ("deels", "partly"),
    "outcome.voldoet_niet": ("voldoet niet", "does not meet"),
    "outcome.onbekend": ("onbekend", "unknown"),
    "outcome.nvt": ("n.v.t.", "n/a"),
    "severity.verplicht": ("verplicht", "required"),
    "severity.aanbevolen": ("aanbevolen", "recommended"),
    "severity.informatief": ("informatief", "informative"),
    "verdict.past": (
        "Past bij de 10 kenmerken van een laagdrempelig steunpunt",
        "Fits the 10 kenmerken of a low-threshold support centre",
    ),
    "verdict.groeiroute": (
        "Op de groeiroute: de kern is er, nog niet alle kenmerken",
        "On the growth route: the core is there, not all kenmerken yet",
    ),
    "verdict.niet_op_voorhand": (
        "Past niet op voorhand bij de 10 kenmerken",
        "Does not fit the 10 kenmerken a priori",
    ),
    "verdict.onvoldoende_gegevens": (
        "Nog te weinig gegevens voor een oordeel",
        "Not enough information for a verdict yet",
    ),
    "group.kenmerken": (
        "Kenmerken van een laagdrempelig steunpunt",
        "Characteristics of a low-threshold support centre",
    ),
    "group.kwaliteit": ("Kwaliteitseisen", "Quality requirements"),
    "group.bouwstenen": ("Bouwstenen", "Building blocks"),
    "group.integraal": ("Integrale onderdelen", "Integral parts"),
    "group.financiering": ("Financiering", "Funding"),
    # Values and locations
    "value.true": ("ja", "yes"),
    "value.false": ("nee", "no"),
    "value.none": ("leeg", "empty"),
    "value.empty_list": ("geen", "none"),
    "value.unknown": ("onbekend", "unknown"),
    "loc.line": ("regel {line}", "line {line}"),
    "loc.line_col": ("regel {line}, kolom {column}", "line {line}, column {column}"),
    # Report and profile headings
    "report.title": ("Rapport IZA-check", "IZA check report"),
    "report.subtitle": (
        ("Zelfregie- en herstelinitiatieven naast de kenmerken, kwaliteitseisen en bouwstenen van het "
        "Integraal Zorgakkoord"),
        ("Self-management and recovery initiatives alongside the characteristics, quality requirements and "
        "building blocks of the Integrated Care Agreement (IZA)"),
    ),
    "report.peildatum": ("Peildatum", "Reference date"),
    "report.tool": ("Gemaakt met", "Made with"),
    "report.profiles": ("Beoordeelde profielen", "Profiles assessed"),
    "report.no_profiles": ("Er zijn geen profielen beoordeeld.", "No profiles were assessed."),
    "report.spirit": (
        ("Dit rapport is het begin van een gesprek, geen afvinklijst. Het oordeel rust op de feiten in het "
        "profiel; wat ontbreekt staat er als ‘onbekend’, niet als tekort."),
        ("This report is the start of a conversation, not a checklist. The verdict rests on the facts in the "
        "profile; what is missing is shown as ‘unknown’, not as a shortcoming."),
    ),
    "report.overview": ("Overzicht", "Overview"),
    "report.contents": ("Inhoud", "Contents"),
    "profile.file": ("Bestand", "File"),
    "profile.gemeente": ("Gemeente", "Municipality"),
    "profile.regio": ("Regio", "Region"),
    "verdict.heading": ("Oordeel", "Verdict"),
    "verdict.missing": ("Kenmerken met een tekort", "Characteristics with a gap"),
    "verdict.unknown": ("Kenmerken waarover gegevens ontbreken", "Characteristics lacking information"),
    "verdict.planned": ("Kenmerken waarvoor een plan is", "Characteristics with a plan"),
    "verdict.overdue": ("Plannen over de streefdatum", "Plans past their target date"),
    "summary.heading": ("Samenvatting", "Summary"),
    # Parts of a finding
    "finding.facts": ("Feiten", "Facts"),
    "finding.missing": ("Ontbreekt in het profiel", "Missing from the profile"),
    "finding.at_best": (
        "Volgens de bekende feiten hooguit deels: volledig voldoen kan niet meer",
        "On the known facts partly at best: fully meeting it is ruled out",
    ),
    "finding.at_least": (
        "Volgens de bekende feiten minstens deels: met de ontbrekende feiten kan het nog volledig voldoen",
        "On the known facts at least partly: with the missing facts it can still be met in full",
    ),
    "finding.cause": ("oorzaak", "cause"),
    "finding.causes": ("Oorzaak", "Cause"),
    "finding.evidence": ("Onderbouwd met", "Backed by"),
    "backing.onderbouwd": ("onderbouwd", "backed"),
    "backing.verklaard": ("verklaard", "declared"),
    "backing.note": (
        ("Onderbouwd: de uitkomst rust op een feit met een document, webadres of datum in het profiel. "
        "Verklaard: de uitkomst rust alleen op wat het initiatief zelf opgeeft. Bewijs maakt van een tekort "
        "nooit een voldoet; het laat zien hoe stevig een uitkomst staat."),
        ("Backed: the outcome rests on a fact with a document, web address or date in the profile. Declared: "
        "the outcome rests only on what the initiative states itself. Evidence never turns a gap into a "
        "pass; it shows how firm an outcome is."),
    ),
    "finding.advice": ("Advies", "Advice"),
    "finding.plans": ("Plannen", "Plans"),
    "finding.nvt_reason": ("Reden", "Reason"),
    "finding.more": ("Meer informatie", "More information"),
    "finding.source": ("Bron", "Source"),
    "plan.target": ("streefdatum {date}", "target date {date}"),
    "plan.no_target": ("geen streefdatum", "no target date"),
    "plan.done": ("gerealiseerd", "done"),
    "plan.not_done": ("nog niet gerealiseerd", "not done yet"),
    "plan.overdue": ("streefdatum verstreken", "target date passed"),
    # Sections of the document for people
    "section.good": ("Wat gaat goed", "What is going well"),
    "section.better": ("Wat kan beter", "What could be better"),
    "section.unknown": ("Wat we nog niet weten", "What we do not know yet"),
    "section.next": ("Volgende stappen", "Next steps"),
    "section.help": ("Wie kan helpen", "Who can help"),
    "section.questions": ("Vragen van de financier", "The funder's questions"),
    "section.figures": ("Ter vergelijking", "For comparison"),
    "section.all": ("Alle criteria", "All criteria"),
    "section.problems": ("Bestanden die niet beoordeeld konden worden", "Files that could not be assessed"),
    # The coordinator's report: what changes the verdict first, then the rest, then the appendix
    "section.first": ("Eerst: wat het oordeel verandert", "First: what changes the verdict"),
    "section.then": ("Daarna: andere punten om aan te werken", "Then: other points to work on"),
    "section.open": ("Nog onbekend", "Not known yet"),
    "section.info": ("Ter informatie", "For information"),
    "section.appendix": ("Bijlage: alle criteria met hun feiten", "Appendix: every criterion with its facts"),
    "first.past": (
        "Niets: het initiatief past bij alle kenmerken.",
        "Nothing: the initiative fits every kenmerk.",
    ),
    "open.intro": (
        "Hierover zegt het profiel nog niets. Dat is geen tekort; vul het aan, dan kan het worden beoordeeld.",
        ("The profile does not say anything about these yet. That is not a shortcoming; add it, and it can be "
        "assessed."),
    ),
    "open.fill_in": ("vul aan", "add"),
    "point.why": ("Waarom", "Why"),
    "point.plan": ("Plan", "Plan"),
    "point.same_advice": ("Advies: zie {rule}.", "Advice: see {rule}."),
    "point.same_plan": ("Plan: zie {rules}.", "Plan: see {rules}."),
    "good.intro": ("Waaraan het initiatief voldoet", "What the initiative meets"),
    "appendix.hint": (
        ("Alle feiten per criterium, met de plaats in het profiel, de vragen van de financier en cijfers ter "
        "vergelijking staan in de bijlage (iza-check check --appendix)."),
        ("Every criterion's facts with their place in the profile, the funder's questions and figures for "
        "comparison are in the appendix (iza-check check --appendix)."),
    ),
    "appendix.open": ("Bijlage openen", "Open the appendix"),
    "empty.good": (
        "Nog geen criteria waaraan het initiatief aantoonbaar voldoet.",
        "No criteria met demonstrably yet.",
    ),
    "empty.better": ("Geen tekorten gevonden.", "No gaps found."),
    "empty.unknown": (
        "Het profiel geeft over alle criteria genoeg gegevens.",
        "The profile gives enough information on every criterion.",
    ),
    "empty.next": ("Er zijn op dit moment geen volgende stappen nodig.", "No next steps are needed at the moment."),
    "unknown.intro": (
        ("Over deze punten zegt het profiel (nog) niets. Dat is geen tekort: vul de ontbrekende gegevens aan, "
        "dan kan het punt worden beoordeeld."),
        ("The profile says nothing (yet) about these points. That is not a shortcoming: add the missing "
        "information and the point can be assessed."),
    ),
    "figures.note": (
        ("Ter vergelijking, niet om te beoordelen. De cijfers zetten het initiatief in perspectief; ze tellen "
        "niet mee in het oordeel."),
        ("For comparison, not for judging. The figures put the initiative in perspective; they do not count "
        "towards the verdict."),
    ),
    "questions.intro": (
        "De vragen die een gemeente of zorgverzekeraar stelt, beantwoord met wat het profiel zegt.",
        "The questions a municipality or health insurer asks, answered with what the profile says.",
    ),
    "questions.number": ("Vraag {number}", "Question {number}"),
    "questions.profile_says": ("Wat het profiel zegt", "What the profile says"),
    "questions.own_words": ("In eigen woorden", "In their own words"),
    "questions.related": ("Hoort bij", "Related criteria"),
    "questions.nothing": (
        "Nog niet te beantwoorden: het profiel zegt hier nog niets over.",
        "Cannot be answered yet: the profile does not say anything about this yet.",
    ),
    "questions.unanswerable": ("nog niet te beantwoorden", "cannot be answered yet"),
    # Column headers
    "col.id": ("Nr.", "No."),
    "col.criterion": ("Criterium", "Criterion"),
    "col.outcome": ("Uitkomst", "Outcome"),
    "col.severity": ("Belang", "Weight"),
    "col.basis": ("Waarop gebaseerd", "Based on"),
    "col.initiative": ("Initiatief", "Initiative"),
    "col.location": ("Plaats", "Location"),
    "col.message": ("Melding", "Message"),
    "col.figure": ("Gegeven", "Figure"),
    "col.value": ("Dit initiatief", "This initiative"),
    "col.reference": ("Gemiddelde in de sector", "Sector average"),
    "col.count": ("Aantal", "Count"),
    "col.gaps": ("Tekorten", "Gaps"),
    "col.unknown": ("Onbekend", "Unknown"),
    # Who can help
    "help.regie.name": ("Regie in de Regio (MIND)", "Regie in de Regio (MIND)"),
    "help.regie.text": (
        ("Landelijk ondersteuningsprogramma van MIND voor zelfregie- en herstelinitiatieven. Het helpt "
        "initiatieven die naar de kenmerken toe willen groeien, bijvoorbeeld door ze in contact te brengen met "
        "initiatieven die een herstelaanbod al draaien, en via publicaties als ‘Bouwstenen voor participatie "
        "en herstel’ en de ‘Handreiking financiering en inbedding’."),
        ("MIND's national support programme for self-management and recovery initiatives. It helps initiatives "
        "that want to grow towards the characteristics, for instance by connecting them with initiatives that "
        "already run a recovery offer, and through publications such as ‘Bouwstenen voor participatie en "
        "herstel’ and the funding guide ‘Handreiking financiering en inbedding’."),
    ),
    "help.nvzh.name": (
        "NVZH — Nederlandse Vereniging voor Zelfregie en Herstel",
        "NVZH — Dutch association for self-management and recovery",
    ),
    "help.nvzh.text": (
        ("De branchevereniging: kent de lidmaatschapscriteria en de praktijk van de tien kenmerken, en "
        "beantwoordt via het Loket Laagdrempelige Steunpunten vragen van initiatieven en gemeenten."),
        ("The sector association: knows the membership criteria and how the ten characteristics work in "
        "practice, and answers questions from initiatives and municipalities through its help desk for "
        "low-threshold support centres (Loket Laagdrempelige Steunpunten)."),
    ),
    "help.mind.name": ("MIND", "MIND"),
    "help.mind.text": (
        ("De landelijke koepel van cliënten- en naastenorganisaties in de ggz. De MIND-Atlas laat zien welke "
        "cliënten-, familie- en lotgenotenorganisaties er in de regio zijn om mee samen te werken."),
        ("The national umbrella of client and family organisations in mental health care. The MIND-Atlas shows "
        "which client, family and peer organisations in the region could be partners."),
    ),
    # Machine formats
    "sarif.invalid_input.name": ("Ongeldige invoer", "Invalid input"),
    "sarif.invalid_input.text": (
        "Het bestand kon niet worden gelezen of past niet bij het profielschema.",
        "The file could not be read or does not fit the profile schema.",
    ),
    "junit.invalid_input": ("ongeldige invoer", "invalid input"),
}

_MONTHS: Final[tuple[tuple[str, ...], tuple[str, ...]]] = (
    (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
)


def _index(lang: str) -> int:
    if lang == "nl":
        return 0
    if lang == "en":
        return 1
    raise ValueError(f"unknown language {lang!r}; choose one of: {', '.join(LANGS)}")


def t(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The UI string ``key`` in ``lang``, with ``{name}`` placeholders filled from ``params``."""
    text = ENTRIES[key][_index(lang)]
    return text.format(**params) if params else text


def has(key: str) -> bool:
    return key in ENTRIES


def keys() -> tuple[str, ...]:
    return tuple(ENTRIES)


def format_date(day: dt.date, lang: str = DEFAULT_LANG) -> str:
    """A date as people write it: ``1 juni 2025`` / ``1 June 2025``."""
    return f"{day.day} {_MONTHS[_index(lang)][day.month - 1]} {day.year}"


# The sector's documents the rules cite, by file name: what a reader sees instead of the file name.
SOURCE_TITLES: Final[dict[str, tuple[str, str]]] = {
    "000_5e69ab7167cb3b70.txt": (
        "Handreiking financiering en inbedding van zelfregie- en herstelinitiatieven (VNG en MIND, 2020)",
        "Guide to funding and embedding self-direction and recovery initiatives (VNG and MIND, 2020)",
    ),
    "001_2715bf62c8552a50.txt": ("Feiten & cijfers (NVZH, 2024)", "Facts & figures (NVZH, 2024)"),
    "002_bd6a1f13a11948c7.txt": (
        "Handvatten netwerk laagdrempelige steunpunten (IZA-werkgroep, 2023)",
        "Guidance for the network of low-threshold support points (IZA working group, 2023)",
    ),
    "003_79303bbc280151f4.txt": (
        "Bouwstenen voor participatie en herstel (MIND, 2020)",
        "Building blocks for participation and recovery (MIND, 2020)",
    ),
    "004_b6d483b5d7efa298.txt": (
        "Stappenplan en scenario's voor gemeenten (NVZH)",
        "Step-by-step plan and scenarios for municipalities (NVZH)",
    ),
}


def source_title(source: str, lang: str = DEFAULT_LANG) -> str:
    """``"002_bd6a1f13a11948c7.txt, §2"`` -> ``"Handvatten netwerk … (IZA-werkgroep, 2023), §2"``; a file
    that is not one of the sector's documents (a region's own rules) keeps its name."""
    name, comma, rest = source.partition(",")
    titles = SOURCE_TITLES.get(name.strip())
    if titles is None:
        return source
    return titles[_index(lang)] + (comma + rest if comma else "")


# Who can help, in the order a report lists them: (catalogue key prefix, web address).
HELP_CONTACTS: Final[tuple[tuple[str, str], ...]] = (
    ("help.regie", "https://www.mindplatform.nl"),
    ("help.nvzh", "https://www.nvzh.nl"),
    ("help.mind", "https://wijzijnmind.nl"),
)
