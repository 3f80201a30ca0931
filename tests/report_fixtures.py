"""Builders of realistic Report objects for the reporter tests (fictional initiatives).

``sample_report()``: one initiative on the growth route, with every outcome, plans (one overdue), the funder's
questions and reference figures. ``hostile_report()``: two profiles and two broken files, with text a profile
author could use to break an output: markup, quotes and ampersands, control characters, very long text,
workflow-command and markdown syntax, and Dutch diacritics.
"""

from __future__ import annotations

import datetime as dt

from iza_check.assess.findings import (
    EvidenceRef,
    FactRef,
    Figure,
    Finding,
    Outcome,
    PlanRef,
    ProfileReport,
    QuestionAnswer,
    Report,
    Severity,
    Text,
    Verdict,
    VerdictKind,
)
from iza_check.problems import Problem

PEILDATUM = dt.date(2025, 6, 1)
_KENMERKEN = frozenset(f"K{n}" for n in range(1, 11))
TOOL_VERSION = "0.1.0"
SCRIPT = "<script>alert(1)</script>"
QUOTES = '"quotes" & ampersands'
CONTROL = "".join(chr(c) for c in range(0x20))
LONG = ("Wij werken aan een plek waar iedereen welkom is, óók naasten en buren. " * 80).strip()

# rule id -> (group, severity, title nl/en, advice nl/en, source)
_RULES: dict[str, tuple[str, Severity, tuple[str, str], tuple[str, str], str]] = {
    "K1": (
        "kenmerken",
        Severity.verplicht,
        ("Laagdrempelig toegankelijk voor iedereen", "Low-threshold access for everyone"),
        (
            "Maak binnenlopen zonder afspraak, indicatie of verwijzing mogelijk.",
            "Make it possible to walk in without an appointment, assessment or referral.",
        ),
        "002_bd6a1f13a11948c7.txt, §2",
    ),
    "K2": (
        "kenmerken",
        Severity.verplicht,
        ("Gericht op leren, herstel en ontwikkeling", "Aimed at learning, recovery and development"),
        (
            ("Begin naast de inloop met een herstelaanbod, bijvoorbeeld een herstelgroep of een door&voor-cursus; "
            "Regie in de Regio brengt u in contact met initiatieven die dat al doen."),
            ("Add a recovery offer to the drop-in, for instance a recovery group or a peer-run course; Regie in de "
            "Regio can connect you with initiatives that already run one."),
        ),
        "002_bd6a1f13a11948c7.txt, §2",
    ),
    "K3": (
        "kenmerken",
        Severity.verplicht,
        ("Halen én brengen: samen maken en samen dragen", "Taking and giving: co-creation and shared ownership"),
        (
            "Geef bezoekers rollen, zoals gastvrouw of co-trainer, en laat hen meebeslissen.",
            "Give visitors roles, such as host or co-trainer, and let them take part in decisions.",
        ),
        "002_bd6a1f13a11948c7.txt, §2",
    ),
    "K4": (
        "kenmerken",
        Severity.verplicht,
        ("Ondersteuning vanuit de eigen behoefte", "Support shaped by people's own needs"),
        (
            "Beschrijf hoe u wensen van bezoekers ophaalt en wat daaruit is ontstaan.",
            "Describe how you collect visitors' wishes and what came of them.",
        ),
        "002_bd6a1f13a11948c7.txt, §2",
    ),
    "K5": (
        "kenmerken",
        Severity.verplicht,
        ("Mensen ontmoeten elkaar als mens", "People meet as people"),
        (
            "Werk zonder dossiers en diagnoses; spreek van bezoekers of deelnemers.",
            "Work without case files and diagnoses; speak of visitors or participants.",
        ),
        "002_bd6a1f13a11948c7.txt, §2",
    ),
    "K6": (
        "kenmerken",
        Severity.verplicht,
        ("Wederkerigheid en gelijkwaardigheid", "Reciprocity and equality"),
        ("Maak steun van lotgenoten aan elkaar de gewone werkvorm.", "Make peer support the usual way of working."),
        "002_bd6a1f13a11948c7.txt, §2",
    ),
    "K7": (
        "kenmerken",
        Severity.verplicht,
        ("Aanbod van methodische zelfhulp, zonder vaste trajecten", "Structured self-help without fixed programmes"),
        (
            "Bied een vorm van methodische zelfhulp aan, zoals WRAP of Herstellen doe je zelf.",
            "Offer structured self-help, such as WRAP or Herstellen doe je zelf.",
        ),
        "002_bd6a1f13a11948c7.txt, §2",
    ),
    "K8": (
        "kenmerken",
        Severity.verplicht,
        ("Collectieve ervaringskennis komt samen", "Collective experiential knowledge comes together"),
        (
            "Organiseer intervisie en wissel ervaringen uit met andere initiatieven.",
            "Organise peer review and exchange experience with other initiatives.",
        ),
        "002_bd6a1f13a11948c7.txt, §2",
    ),
    "K9": (
        "kenmerken",
        Severity.verplicht,
        ("Ervaringsdeskundigen hebben de leiding", "Experts by experience lead"),
        (
            "Leg de coördinatie bij een ervaringsdeskundige of deel haar.",
            "Put coordination in the hands of an expert by experience, or share it.",
        ),
        "002_bd6a1f13a11948c7.txt, §2",
    ),
    "K10": (
        "kenmerken",
        Severity.verplicht,
        ("Samenwerking met formele en informele partners", "Cooperation with formal and informal partners"),
        (
            "Zoek contact met de ontbrekende partners, te beginnen bij huisartsen en de ggz in de wijk.",
            "Get in touch with the missing partners, starting with GPs and local mental health care.",
        ),
        "002_bd6a1f13a11948c7.txt, §2 en §5",
    ),
    "Q1": (
        "kwaliteit",
        Severity.verplicht,
        ("Klachtenprocedure", "Complaints procedure"),
        (
            "Stel een klachtenregeling op en maak haar bekend aan bezoekers.",
            "Draw up a complaints procedure and make it known to visitors.",
        ),
        "000_5e69ab7167cb3b70.txt, Kwaliteit",
    ),
    "Q2": (
        "kwaliteit",
        Severity.verplicht,
        ("Privacyregeling (AVG)", "Privacy policy (GDPR)"),
        ("Leg vast hoe u met persoonsgegevens omgaat.", "Write down how you handle personal data."),
        "000_5e69ab7167cb3b70.txt, Kwaliteit",
    ),
    "Q3": (
        "kwaliteit",
        Severity.verplicht,
        ("Vertrouwenspersoon", "Confidential adviser"),
        (
            "Wijs een vertrouwenspersoon aan, eventueel samen met een ander initiatief.",
            "Appoint a confidential adviser, possibly together with another initiative.",
        ),
        "000_5e69ab7167cb3b70.txt, Kwaliteit",
    ),
    "Q4": (
        "kwaliteit",
        Severity.verplicht,
        ("Cao voor medewerkers", "Collective agreement for employees"),
        ("Kies een cao die in de branche gebruikelijk is.", "Choose a collective agreement customary in the sector."),
        "000_5e69ab7167cb3b70.txt, Kwaliteit",
    ),
    "Q5": (
        "kwaliteit",
        Severity.verplicht,
        ("Vrijwilligersbeleid", "Volunteer policy"),
        (
            "Vul het vrijwilligersbeleid aan met veiligheid en waardering.",
            "Complete the volunteer policy with safety and appreciation.",
        ),
        "000_5e69ab7167cb3b70.txt, Kwaliteit",
    ),
    "Q6": (
        "kwaliteit",
        Severity.verplicht,
        ("VOG niet ouder dan drie jaar", "Certificate of conduct at most three years old"),
        (
            "Vraag nieuwe VOG's aan voor wie bezoekers ondersteunt; die zijn voor vrijwilligers vaak gratis.",
            "Request new certificates of conduct for everyone supporting visitors; for volunteers they are often free.",
        ),
        "000_5e69ab7167cb3b70.txt, Kwaliteit",
    ),
    "Q7": (
        "kwaliteit",
        Severity.verplicht,
        ("Voldoende deskundige medewerkers", "Enough qualified staff"),
        (
            "Beschrijf de opleiding van medewerkers en de achtervang bij zware problemen.",
            "Describe staff training and the back-up for serious problems.",
        ),
        "000_5e69ab7167cb3b70.txt, Kwaliteit",
    ),
    "Q8": (
        "kwaliteit",
        Severity.verplicht,
        ("Medezeggenschap", "Participation in decisions"),
        (
            "Richt een deelnemersraad of een vergelijkbare vorm van inspraak in.",
            "Set up a participants' council or a similar form of say.",
        ),
        "000_5e69ab7167cb3b70.txt, Kwaliteit",
    ),
    "Q9": (
        "kwaliteit",
        Severity.aanbevolen,
        ("Keurmerk of kwaliteitsafspraken", "Quality mark or quality agreements"),
        (
            "Maak als starter kwaliteitsafspraken met de financier of begin een opbouwtraject naar een keurmerk.",
            "As a starter, agree on quality with the funder or begin working towards a quality mark.",
        ),
        "000_5e69ab7167cb3b70.txt, Kwaliteit",
    ),
    "Q10": (
        "kwaliteit",
        Severity.aanbevolen,
        ("Risico-inventarisatie en -evaluatie", "Risk assessment"),
        (
            "Voer een RI&E uit; de branche biedt daarvoor een eenvoudig instrument.",
            "Carry out a risk assessment; the sector offers a simple tool for it.",
        ),
        "000_5e69ab7167cb3b70.txt, Kwaliteit",
    ),
    "B1": (
        "bouwstenen",
        Severity.verplicht,
        ("Sociale participatie", "Social participation"),
        (
            "Bied een vorm van ontmoeting aan, zoals inloop of een gezamenlijke maaltijd.",
            "Offer a way to meet, such as a drop-in or a shared meal.",
        ),
        "003_79303bbc280151f4.txt, Bouwstenen A",
    ),
    "B2": (
        "bouwstenen",
        Severity.verplicht,
        ("Maatschappelijke participatie", "Participation in society"),
        ("Bied vrijwilligerswerkplekken of werkprojecten aan.", "Offer volunteer positions or work projects."),
        "003_79303bbc280151f4.txt, Bouwstenen A",
    ),
    "B3": (
        "bouwstenen",
        Severity.verplicht,
        ("Ontplooiing en methodische zelfhulp", "Personal growth and structured self-help"),
        ("Start een herstel- of empowermentcursus.", "Start a recovery or empowerment course."),
        "003_79303bbc280151f4.txt, Bouwstenen A",
    ),
    "I4": (
        "integraal",
        Severity.informatief,
        ("Groeivijver", "Growth path from visitor to staff"),
        (
            "Laat bezoekers doorgroeien naar vrijwilliger en betaalde kracht.",
            "Let visitors grow into volunteers and paid staff.",
        ),
        "002_bd6a1f13a11948c7.txt, Bijlage 1",
    ),
}


def fact(path: str, value: object, line: int | None = None, column: int | None = None) -> FactRef:
    return FactRef(path=path, value=value, line=line, column=column)


def plan(stap: str, streefdatum: dt.date | None, gerealiseerd: bool | None, line: int | None = None) -> PlanRef:
    overdue = streefdatum is not None and streefdatum < PEILDATUM and not gerealiseerd
    return PlanRef(stap=stap, streefdatum=streefdatum, gerealiseerd=gerealiseerd, verlopen=overdue, line=line)


def finding(
    profile: str,
    rule_id: str,
    outcome: Outcome,
    *,
    facts: tuple[FactRef, ...] = (),
    missing: tuple[str, ...] = (),
    plans: tuple[PlanRef, ...] = (),
    nvt_reason: Text | None = None,
    link: str | None = None,
    title: Text | None = None,
    causes: tuple[FactRef, ...] = (),
    evidence: tuple[EvidenceRef, ...] = (),
) -> Finding:
    group, severity, (title_nl, title_en), (advice_nl, advice_en), source = _RULES[rule_id]
    needs_advice = outcome not in (Outcome.voldoet, Outcome.nvt)
    # As the bundled catalogue marks them (`oordeel`): K1-K10 decide the verdict, K2 and K3 are the core.
    role = ("kern" if rule_id in ("K2", "K3") else "kenmerk") if rule_id in _KENMERKEN else None
    main = causes[0] if causes else (facts[0] if facts else None)
    return Finding(
        rule_id=rule_id,
        group=group,
        outcome=outcome,
        severity=severity,
        title=title or Text(title_nl, title_en),
        profile=profile,
        advice=Text(advice_nl, advice_en) if needs_advice else None,
        link=link,
        source=source,
        nvt_reason=nvt_reason,
        facts=facts,
        missing=missing,
        plans=plans,
        verdict_role=role,
        field_path=main.path if main else (missing[0] if missing else None),
        line=main.line if main else None,
        column=main.column if main else None,
        causes=causes,
        evidence=evidence,
    )


def _questions(
    facts_by_number: dict[int, tuple[FactRef, ...]],
    words: dict[int, tuple[str, ...]],
    answers: dict[int, Text] | None = None,
) -> tuple[QuestionAnswer, ...]:
    texts = (
        (
            "Hoe verhoudt het initiatief zich tot de tien kenmerken?",
            "How does the initiative relate to the ten characteristics?",
            ("K1", "K10"),
        ),
        ("Hoe krijgt wederkerigheid vorm?", "How is reciprocity shaped?", ("K3", "K6")),
        (
            "Hoe wordt de vrije ruimte voor bezoekers mogelijk gemaakt?",
            "How is free space for visitors made possible?",
            ("K4",),
        ),
        (
            "Worden cursussen door en voor ervaringsdeskundigen ontwikkeld?",
            "Are courses developed by and for experts by experience?",
            ("K2", "K7"),
        ),
        (
            "Hoe wordt de kwaliteit van werkwijze en ervaringsdeskundigheid bewaakt?",
            "How is the quality of the work and of experiential expertise guarded?",
            ("K8", "Q7"),
        ),
        (
            "Welke afspraken zijn er met de ggz en 113 voor crisissituaties?",
            "What arrangements exist with mental health care and 113 for crises?",
            ("K10",),
        ),
        (
            "Met welke ketenpartners wordt samengewerkt?",
            "Which chain partners does the initiative work with?",
            ("K10",),
        ),
    )
    return tuple(
        QuestionAnswer(
            number=number,
            question=Text(nl, en),
            facts=facts_by_number.get(number, ()),
            toelichting=words.get(number, ()),
            related_rules=related,
            answer=(answers or {}).get(number),
        )
        for number, (nl, en, related) in enumerate(texts, start=1)
    )


def _figures(fte: float | None, visitors: float | None) -> tuple[Figure, ...]:
    return (
        Figure(
            Text("Betaalde fte per locatie", "Paid FTE per location"), fte, 2.04, "NVZH Feiten & cijfers 2024", "fte"
        ),
        Figure(
            Text("Financieringsbronnen", "Funding sources"),
            2.0 if fte is not None else None,
            2.2,
            "NVZH Feiten & cijfers 2024",
        ),
        Figure(
            Text("Omzet per organisatie", "Turnover per organisation"), None, 938528, "NVZH Feiten & cijfers 2024", "€"
        ),
        Figure(Text("Bezoekers per jaar", "Visitors per year"), visitors, 500, "MIND Bouwstenen 2020"),
    )


def growth_profile(source: str = "profiles/herstelcafe-de-kiem.yaml") -> ProfileReport:
    p = source
    K = Outcome
    findings = (
        finding(
            p,
            "K1",
            K.voldoet,
            facts=(
                fact("toegang.indicatie_nodig", False, 14, 3),
                fact("toegang.verwijzing_nodig", False, 15, 3),
                fact("toegang.inloop_zonder_afspraak", True, 18, 3),
                fact("toegang.eigen_bijdrage", "geen", 19, 3),
                fact("toegang.dagdelen_open_per_week", 8, 22, 3),
            ),
        ),
        finding(
            p,
            "K2",
            K.deels,
            facts=(fact("activiteiten[].soort", ["inloop", "maaltijd", "herstelgroep"], 31, 5),),
            causes=(fact("activiteiten[2].per_jaar", 0, 44, 14),),  # an item of a list quoted whole
        ),
        finding(
            p,
            "K3",
            K.voldoet,
            facts=(
                fact("werkwijze.bezoekersrollen", ["gastvrouw_gastheer", "vrijwilliger", "co_trainer"], 52, 3),
                fact("werkwijze.bezoekers_beslissen_mee", True, 53, 3),
            ),
        ),
        finding(p, "K4", K.onbekend, missing=("werkwijze.wensen_ophalen", "werkwijze.aanbod_vanuit_behoefte")),
        finding(
            p,
            "K5",
            K.voldoet,
            facts=(
                fact("werkwijze.clientdossier", False, 56, 3),
                fact("werkwijze.aanspreekvorm", "deelnemer", 58, 3),
            ),
        ),
        finding(p, "K6", K.voldoet, facts=(fact("werkwijze.peer_support", True, 59, 3),)),
        finding(
            p,
            "K7",
            K.voldoet_niet,
            facts=(fact("activiteiten[].methode", [], 31, 5),),
            causes=(fact("activiteiten[].methode", [], 31, 5),),
            plans=(
                plan(
                    "Cursus Herstellen doe je zelf starten met twee getrainde ervaringsdeskundigen",
                    dt.date(2025, 3, 1),
                    False,
                    70,
                ),
                plan("WRAP-training voor vrijwilligers", dt.date(2025, 11, 1), None, 74),
            ),
        ),
        finding(
            p,
            "K8",
            K.voldoet,
            facts=(
                fact("werkwijze.intervisie", True, 61, 3),
                fact("werkwijze.uitwisseling_andere_initiatieven", True, 62, 3),
            ),
        ),
        finding(p, "K9", K.voldoet, facts=(fact("team.coordinatie", "ervaringsdeskundige", 80, 3),)),
        finding(
            p,
            "K10",
            K.deels,
            facts=(
                fact("samenwerking.crisisafspraken_ggz", True, 101, 3),
                fact("samenwerking.partners[].categorie", ["sociaal_domein", "welzijn"], 95, 5),
            ),
            missing=("samenwerking.crisisafspraken_113",),
            causes=(fact("samenwerking.partners[].categorie", ["sociaal_domein", "welzijn"], 95, 5),),
            evidence=(EvidenceRef("samenwerking.bewijs[0]", "Convenant wijkteam Zwolle-Zuid", None, dt.date(2024, 9, 1), 104),),
        ),
        finding(
            p,
            "Q1",
            K.voldoet,
            facts=(fact("kwaliteit.klachtenprocedure.aanwezig", True, 110, 5),),
            evidence=(
                EvidenceRef(
                    "kwaliteit.klachtenprocedure.bewijs[0]",
                    "Klachtenregeling 2024",
                    "https://www.herstelcafe-dekiem.example/klachten",
                    None,
                    112,
                ),
                EvidenceRef("kwaliteit.klachtenprocedure.vastgesteld_op", None, None, dt.date(2024, 3, 12), 111),
            ),
        ),
        finding(p, "Q2", K.voldoet, facts=(fact("kwaliteit.privacyregeling.aanwezig", True, 113, 5),)),
        finding(
            p,
            "Q3",
            K.voldoet_niet,
            facts=(fact("kwaliteit.vertrouwenspersoon.aanwezig", False, 116, 5),),
            causes=(fact("kwaliteit.vertrouwenspersoon.aanwezig", False, 116, 5),),
        ),
        finding(
            p,
            "Q4",
            K.nvt,
            facts=(fact("team.betaalde_medewerkers", 0, 82, 3),),
            nvt_reason=Text(
                "Het initiatief heeft geen eigen medewerkers in dienst.", "The initiative has no employees of its own."
            ),
        ),
        finding(
            p,
            "Q5",
            K.deels,
            facts=(fact("kwaliteit.vrijwilligersbeleid.onderwerpen", ["continuiteit", "deskundigheid"], 121, 7),),
        ),
        finding(
            p,
            "Q6",
            K.voldoet_niet,
            facts=(
                fact("kwaliteit.vog.voor", "iedereen", 124, 7),
                fact("kwaliteit.vog.oudste_afgiftedatum", dt.date(2021, 2, 1), 125, 7),
            ),
        ),
        finding(p, "Q7", K.onbekend, missing=("team.opgeleide_ervaringsdeskundigen", "team.professionele_achtervang")),
        finding(p, "Q8", K.voldoet, facts=(fact("kwaliteit.medezeggenschap.deelnemers", True, 128, 7),)),
        finding(p, "Q9", K.voldoet_niet, facts=(fact("kwaliteit.keurmerk.naam", "geen", 133, 7),)),
        finding(p, "Q10", K.onbekend, missing=("kwaliteit.rie.uitgevoerd",)),
        finding(p, "B1", K.voldoet, facts=(fact("activiteiten[].soort", ["inloop", "maaltijd"], 31, 5),)),
        finding(p, "B2", K.voldoet, facts=(fact("werkwijze.bezoekersrollen", ["vrijwilliger"], 52, 3),)),
        finding(p, "B3", K.voldoet, facts=(fact("activiteiten[].soort", ["herstelgroep"], 40, 5),)),
        finding(
            p,
            "I4",
            K.deels,
            facts=(
                fact("team.doorstroom_naar_vrijwilliger", True, 86, 3),
                fact("team.doorstroom_naar_betaald_werk", False, 87, 3),
            ),
        ),
    )
    verdict = Verdict(
        kind=VerdictKind.groeiroute,
        summary=Text(
            "Het initiatief voldoet aan zes van de tien kenmerken en heeft concrete plannen voor methodische "
            "zelfhulp. Daarmee staat het op de groeiroute; Regie in de Regio kan hierbij ondersteunen.",
            "The initiative meets six of the ten characteristics and has concrete plans for structured "
            "self-help. That puts it on the growth route; Regie in de Regio can support it.",
        ),
        missing_kenmerken=("K2", "K7", "K10"),
        unknown_kenmerken=("K4",),
        planned_kenmerken=("K7",),
        overdue_plans=1,
    )
    questions = _questions(
        {
            2: (
                fact("werkwijze.bezoekersrollen", ["gastvrouw_gastheer", "vrijwilliger", "co_trainer"], 52, 3),
                fact("werkwijze.peer_support", True, 59, 3),
            ),
            3: (fact("werkwijze.vrije_ruimte", "Elke maand kiezen deelnemers zelf een thema.", 64, 3),),
            6: (fact("samenwerking.crisisafspraken_ggz", True, 101, 3),),
            7: (fact("samenwerking.partners[].naam", ["Gemeente Zwolle", "Travers Welzijn"], 96, 7),),
        },
        {
            2: ("Wie hier binnenkomt, kan morgen gastvrouw zijn.",),
            5: ("We houden elke zes weken intervisie met De Ruimte in Kampen.",),
        },
        {
            1: Text(
                "Voldoet aan 6 van de 10 kenmerken. Deels: K2, K10. Nog niet: K7. Nog onbekend: K4.",
                "Meets 6 of the 10 kenmerken. Partly: K2, K10. Not yet: K7. Not known yet: K4.",
            )
        },
    )
    return ProfileReport(
        source=source,
        naam="Herstelcafé De Kiem",
        gemeente="Zwolle",
        regio="IJsselland",
        verdict=verdict,
        findings=findings,
        questions=questions,
        figures=_figures(1.6, 420),
    )


def network_profile(source: str = "profiles/steunpunt-het-anker.yaml") -> ProfileReport:
    p = source
    facts_ok = {rid: (fact("toelichting", "aanwezig", 10 + i, 3),) for i, rid in enumerate(_RULES)}
    findings = tuple(
        finding(p, rid, Outcome.nvt, nvt_reason=Text("Geen eigen personeel.", "No staff of its own."))
        if rid == "Q4"
        else finding(p, rid, Outcome.voldoet, facts=facts_ok[rid])
        for rid in _RULES
    )
    verdict = Verdict(
        kind=VerdictKind.past,
        summary=Text(
            "Het initiatief voldoet aan alle tien kenmerken.", "The initiative meets all ten characteristics."
        ),
    )
    return ProfileReport(
        source=source,
        naam="Steunpunt Het Anker",
        gemeente="Den Haag",
        regio="Haaglanden",
        verdict=verdict,
        findings=findings,
    )


def hostile_profile(source: str = "profiles/ça va & zoon.yaml") -> ProfileReport:
    p = source
    naam = f"Stichting {QUOTES} {SCRIPT} — Één Ça Va"
    findings = (
        finding(p, "K1", Outcome.onbekend, missing=("toegang.indicatie_nodig", f"toegang.{SCRIPT}")),
        finding(
            p,
            "K2",
            Outcome.voldoet_niet,
            facts=(
                fact(
                    "activiteiten[].naam",
                    [f"Koffie {SCRIPT}", "| tabel | *vet* _schuin_ `code` [link](javascript:x) # kop"],
                    12,
                    5,
                ),
                fact("toelichting", f"Regel 1\nRegel 2 {CONTROL} einde\r\n::error::nep%0Aregel", 3, 14),
            ),
            plans=(
                plan(f"Plan met {SCRIPT}\n::warning file=x::ingevoegd, 100% zeker", dt.date(2024, 1, 31), False, 20),
            ),
            link="javascript:alert(1)",
            causes=(fact(f"activiteiten[0].{SCRIPT}", f"*vet* {QUOTES}\n::error::nep", 12, 9),),
        ),
        finding(
            p,
            "K9",
            Outcome.deels,
            facts=(fact("team.toelichting", LONG, 40, 3),),
            title=Text(f"Titel met {QUOTES}", f"Title with {QUOTES}"),
        ),
        finding(
            p,
            "Q1",
            Outcome.voldoet,
            facts=(fact("kwaliteit.klachtenprocedure.aanwezig", True, 50, 5),),
            link="https://example.org/klachten?a=1&b=2",
            evidence=(
                EvidenceRef("kwaliteit.klachtenprocedure.bewijs[0]", f"Regeling {SCRIPT} | *x* {QUOTES}", "javascript:alert(1)", None, 52),
                EvidenceRef("kwaliteit.klachtenprocedure.bewijs[1]", None, "https://example.org/a?b=1&c=<2>", None, 53),
            ),
        ),
        finding(p, "Q9", Outcome.voldoet_niet, facts=(fact("kwaliteit.keurmerk.naam", "geen", 55, 7),)),
        finding(p, "I4", Outcome.voldoet_niet, facts=(fact("team.doorstroom_naar_vrijwilliger", False, 60, 3),)),
        finding(p, "Q4", Outcome.nvt, nvt_reason=Text(f"Geen personeel {SCRIPT}", f"No staff {SCRIPT}")),
    )
    verdict = Verdict(
        kind=VerdictKind.onvoldoende_gegevens,
        summary=Text(
            "Over vier kenmerken zegt het profiel nog niets; vul die gegevens aan voor een oordeel.",
            "The profile says nothing yet about four characteristics; add that information for a verdict.",
        ),
        missing_kenmerken=("K2",),
        unknown_kenmerken=("K1", "K3", "K4", "K5"),
        overdue_plans=1,
    )
    questions = _questions(
        {4: (fact("activiteiten[].door_en_voor", True, 13, 7),)},
        {1: (f"Wij zeggen: {QUOTES} {SCRIPT}", "Met\x00controle\x1b[31mtekens\x07 en\nnieuwe regel"), 3: (LONG,)},
    )
    return ProfileReport(
        source=source,
        naam=naam,
        gemeente="Súdwest-Fryslân",
        regio=None,
        verdict=verdict,
        findings=findings,
        questions=questions,
        figures=_figures(None, None),
    )


def sample_report() -> Report:
    return Report(peildatum=PEILDATUM, tool_version=TOOL_VERSION, engine="durable", profiles=(growth_profile(),))


def hostile_report() -> Report:
    return Report(
        peildatum=PEILDATUM,
        tool_version=TOOL_VERSION,
        engine="durable",
        profiles=(hostile_profile(), network_profile()),
        problems=(
            Problem(
                file="profiles/kapot bestand.yaml",
                message=f"onbekende sleutel 'indicatie_nodg' — bedoelde u 'indicatie_nodig'? {SCRIPT} {QUOTES}",
                code="unknown-key",
                line=7,
                column=5,
                field_path="toegang.indicatie_nodg",
            ),
            Problem(
                file="profiles\\oud\\te-groot.yaml",
                message="bestand groter dan 1048576 bytes\n::error::ingevoegd",
                code="too-large",
            ),
        ),
    )


def empty_report() -> Report:
    return Report(peildatum=PEILDATUM, tool_version=TOOL_VERSION, engine="durable", profiles=())


FIXTURES = {"sample": sample_report, "hostile": hostile_report}


def report_with_text(text: str) -> Report:
    """A report with ``text`` in every slot a profile or a file name can fill (for property tests)."""
    p = f"profiles/{text}.yaml"
    words = Text(text, text)
    findings = (
        finding(
            p,
            "K2",
            Outcome.voldoet_niet,
            facts=(fact(text, text, 3, 1), fact("lijst", [text, text], 4, 2)),
            plans=(plan(text, dt.date(2024, 1, 1), False, 9),),
            title=words,
        ),
        finding(p, "Q9", Outcome.deels, facts=(fact("x", text, 5, 1),), link=text),
        finding(p, "K4", Outcome.onbekend, missing=(text,)),
        finding(p, "Q4", Outcome.nvt, nvt_reason=words),
        finding(p, "K1", Outcome.voldoet, facts=(fact("toegang", {text: text}, 1, 1),)),
    )
    profile = ProfileReport(
        source=p,
        naam=text,
        gemeente=text,
        regio=text,
        verdict=Verdict(kind=VerdictKind.groeiroute, summary=words, missing_kenmerken=(text,), overdue_plans=1),
        findings=findings,
        questions=(QuestionAnswer(1, words, (fact(text, text, 2, 2),), (text,), (text, "K2")),),
        figures=(Figure(words, 1.5, 2.0, text, text),),
    )
    problem = Problem(file=text, message=text, code=text, line=1, column=1, field_path=text)
    return Report(peildatum=PEILDATUM, tool_version=TOOL_VERSION, engine="durable", profiles=(profile,), problems=(problem,))
