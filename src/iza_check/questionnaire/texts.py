"""What the questionnaire says to the person answering it, in Dutch and English (questions are in questions.py)."""

from __future__ import annotations

from iza_check.i18n.text import Text
from iza_check.questionnaire.questions import Lang

UI: dict[str, Text] = {
    "welcome": Text(
        "Welkom. Met deze vragenlijst maakt u een profiel van uw initiatief voor iza-check.",
        "Welcome. This questionnaire makes a profile of your initiative for iza-check.",
    ),
    "howto": Text(
        "Zo antwoordt u: typ uw antwoord en druk op Enter. Alleen Enter neemt het voorstel tussen [ ] over.\n"
        "  ?  = weet ik niet (dan staat er later 'onbekend'; dat is geen fout)\n"
        "  g  = nog niet, maar gepland (u schrijft dan op wat u gaat doen en wanneer)\n"
        "Stoppen kan altijd met Ctrl-C. Uw antwoorden tot nu toe worden bewaard; de volgende keer gaat u "
        "verder waar u was.",
        "How to answer: type your answer and press Enter. Just Enter takes the suggestion in [ ].\n"
        "  ?  = don't know (the report will then say 'unknown'; that is not a failure)\n"
        "  g  = not yet, but planned (you then write down what you will do and when)\n"
        "You can always stop with Ctrl-C. Your answers so far are kept; next time you go on where you were.",
    ),
    "update": Text(
        "U werkt een bestaand profiel bij: bij elke vraag staat het huidige antwoord als voorstel.",
        "You are updating an existing profile: each question suggests the current answer.",
    ),
    "scope.sections": Text("U krijgt alleen de vragen over: {names}.", "You only get the questions about: {names}."),
    "scope.open": Text(
        "U krijgt alleen de vragen die nog open staan. Waar het rapport nog iets te doen ziet, vraagt "
        "iza-check of er een plan is.",
        "You only get the questions that are still open. Where the report sees something still to do, "
        "iza-check asks whether there is a plan.",
    ),
    "scope.nothing": Text("Er staan hier geen vragen meer open.", "No questions are open here."),
    "resumed": Text("Verder waar u was: {part}", "Going on where you were: {part}"),
    "part": Text("Deel {n} van {total}", "Part {n} of {total}"),
    "why": Text("Waarom", "Why"),
    "enter": Text("Enter = {value}", "Enter = {value}"),
    "unknown_value": Text("weet ik niet", "don't know"),
    "nothing": Text("niets", "nothing"),
    "yes": Text("ja", "yes"),
    "no": Text("nee", "no"),
    "none_list": Text("geen", "none"),
    "flag_false": Text("er geldt een cao, naam niet ingevuld", "a cao applies, name not given"),
    "hint.yesno": Text("ja / nee", "yes / no"),
    "hint.choice": Text("typ een nummer", "type a number"),
    "hint.multi": Text("typ een of meer nummers met komma's ertussen (bijv. 1,3), of 'geen'",
                      "type one or more numbers separated by commas (e.g. 1,3), or 'none'"),
    "hint.integer": Text("typ een heel getal van {lo} tot en met {hi}", "type a whole number from {lo} to {hi}"),
    "hint.integer_open": Text("typ een heel getal, 0 of meer", "type a whole number, 0 or more"),
    "hint.number": Text("typ een getal, bijv. 2,5", "type a number, e.g. 2.5"),
    "hint.date": Text("typ de datum, bijv. 15-3-2024 of 15 maart 2024",
                     "type the date, e.g. 15 March 2024 or 2024-03-15"),
    "hint.text": Text("typ uw antwoord", "type your answer"),
    "hint.text_none": Text("typ de naam, of 'geen'", "type the name, or 'none'"),
    "hint.toelichting": Text("typ uw toelichting", "type your explanation"),
    "hint.toelichting_replace": Text("typ een nieuwe toelichting; - = weghalen",
                                    "type a new explanation; - = remove"),
    "hint.url": Text("typ het webadres", "type the web address"),
    "hint.evidence": Text("typ een webadres of de naam van het document, of 'geen'",
                         "type a web address or the name of the document, or 'none'"),
    "hint.unknown": Text("? = weet ik niet", "? = don't know"),
    "hint.planned": Text("g = gepland", "g = planned"),
    "date.understood": Text("Begrepen als {date}.", "Understood as {date}."),
    "err.yesno": Text("Dat begrijp ik niet. Typ ja of nee{extra}.", "I don't understand. Type yes or no{extra}."),
    "err.yesno_extra_unknown": Text(", of ? als u het niet weet", ", or ? if you don't know"),
    "err.yesno_extra_planned": Text(", of g als het gepland is", ", or g if it is planned"),
    "err.required": Text("Dit antwoord is nodig; typ iets in.", "This answer is needed; please type something."),
    "err.no_planned": Text("Bij deze vraag kan 'gepland' niet. Typ een antwoord of ? (weet ik niet).",
                          "'Planned' is not possible for this question. Type an answer or ? (don't know)."),
    "err.choice": Text("Typ een nummer van 1 tot en met {n}.", "Type a number from 1 to {n}."),
    "err.multi": Text("'{part}' is geen nummer uit de lijst. Typ nummers van 1 tot en met {n}, met komma's "
                     "ertussen, of 'geen'.",
                     "'{part}' is not a number from the list. Type numbers from 1 to {n}, separated by commas, "
                     "or 'none'."),
    "err.integer": Text("Typ een heel getal, zonder letters (bijv. 12).",
                       "Type a whole number, without letters (e.g. 12)."),
    "err.number": Text("Typ een getal, bijv. 2,5.", "Type a number, e.g. 2.5."),
    "err.low": Text("Het getal moet {lo} of meer zijn.", "The number must be {lo} or more."),
    "err.high": Text("Het getal mag niet groter zijn dan {hi}.", "The number must not be more than {hi}."),
    "err.more_than_paid": Text("Dat zijn er meer dan het aantal betaalde medewerkers ({hi}).",
                              "That is more than the number of paid staff ({hi})."),
    "err.date_format": Text("Dat kan ik niet als datum lezen. Typ bijvoorbeeld 15-3-2024, 15 maart 2024 of "
                           "2024-03-15.",
                           "I cannot read that as a date. Type for example 15 March 2024, 15-3-2024 or "
                           "2024-03-15."),
    "err.date_year": Text("Schrijf het jaar voluit, met vier cijfers: bijvoorbeeld 15-3-2024.",
                         "Write the year in full, with four digits: for example 15 March 2024."),
    "err.date_ambiguous": Text("Die datum kan twee dingen betekenen: {one} of {other}. Schrijf de maand in "
                              "letters, bijvoorbeeld {one}.",
                              "That date can mean two things: {one} or {other}. Write the month in letters, "
                              "for example {one}."),
    "err.date_real": Text("Die datum bestaat niet. Kijk nog eens naar de maand en de dag.",
                         "That date does not exist. Please check the month and the day."),
    "err.date_future": Text("Die datum ligt in de toekomst. Typ de datum waarop het is gebeurd.",
                           "That date is in the future. Type the date on which it happened."),
    "err.date_old": Text("Die datum ligt voor 1900. Kijk nog eens naar het jaartal.",
                        "That date is before 1900. Please check the year."),
    "err.date_past": Text("Een streefdatum ligt in de toekomst (vandaag is het {today}).",
                         "A target date lies in the future (today is {today})."),
    "err.date_far": Text("Kies een streefdatum binnen tien jaar.", "Choose a target date within ten years."),
    "err.too_long": Text("Dat is te lang: hooguit {n} tekens (nu {length}).",
                        "That is too long: at most {n} characters (now {length})."),
    "err.characters": Text("Het antwoord bevat tekens die niet kunnen. Typ het nog eens.",
                          "The answer contains characters that are not allowed. Please type it again."),
    "err.url": Text("Dat is geen geldig webadres. Typ het zoals www.voorbeeld.nl.",
                   "That is not a valid web address. Type it like www.example.org."),
    "err.model": Text("Dit antwoord past niet bij de vraag. Probeer het nog eens.",
                     "This answer does not fit the question. Please try again."),
    "err.read": Text("Dat kon ik niet lezen. Typ het nog eens.", "I could not read that. Please type it again."),
    "err.plan_words": Text("Schrijf de stap in uw eigen woorden, of druk alleen op Enter als er (nog) geen plan is.",
                          "Write the step in your own words, or just press Enter if there is no plan (yet)."),
    "plan.intro": Text("Goed: dan schrijven we het op als plan.", "Fine: we will write it down as a plan."),
    "plan.step": Text("Wat is de volgende stap? Schrijf het in uw eigen woorden, zo concreet mogelijk.",
                     "What is the next step? Write it in your own words, as concrete as possible."),
    "plan.example": Text("Een voorbeeld van hoe dat kan klinken: \"{example}\"",
                        "An example of how that may sound: \"{example}\""),
    "plan.no_plan": Text("geen plan", "no plan"),
    "plan.none": Text("Er is geen plan opgeschreven.", "No plan was written down."),
    "plan.ask_again": Text("Dan de vraag nog een keer:", "Then the question once more:"),
    "plan.date": Text("Wanneer moet die stap klaar zijn? (bijv. 1-3-2027 of 1 maart 2027)",
                     "When should that step be done? (e.g. 1 March 2027 or 2027-03-01)"),
    "plan.existing": Text("Eerder gepland: '{stap}' (streefdatum {datum}). Is deze stap inmiddels gezet?",
                         "Planned earlier: '{stap}' (target date {datum}). Has this step been taken?"),
    "plan.existing_why": Text("Een gezette stap telt in het rapport als gerealiseerd.",
                             "A step that has been taken counts as done in the report."),
    "gap.now": Text("Nu in het profiel: {value}.", "Now in the profile: {value}."),
    "gap.offer": Text("Is hier een plan voor? Bij 'ja' schrijft u de volgende stap op, met een datum.",
                     "Is there a plan for this? With 'yes' you write down the next step, with a date."),
    "gap.why": Text("Het rapport ziet hier nog iets te doen; een plan laat zien dat u ermee bezig bent.",
                   "The report sees something still to do here; a plan shows that you are working on it."),
    "no_date": Text("geen", "none"),
    "item.first": Text("{noun} {n}", "{noun} {n}"),
    "item.named": Text("{noun} {n}: {name}", "{noun} {n}: {name}"),
    "item.keep": Text("Bestaande {noun} {n}: {name}. Wilt u deze houden?",
                     "Existing {noun} {n}: {name}. Do you want to keep it?"),
    "item.keep_why": Text("Bij 'nee' haalt u deze {noun} uit het profiel.",
                         "Answering 'no' removes this {noun} from the profile."),
    "item.more": Text("Nog een {noun}?", "Another {noun}?"),
    "item.more_why": Text("U kunt er zoveel invullen als u wilt.", "You can enter as many as you like."),
    "stop.saved": Text("Stoppen? Uw antwoorden tot nu toe zijn bewaard in {place}. [j/N]",
                      "Stop? Your answers so far are kept in {place}. [y/N]"),
    "stop.unsaved": Text("Stoppen? Let op: uw antwoorden konden niet worden bewaard. [j/N]",
                        "Stop? Note: your answers could not be kept. [y/N]"),
    "stop.nothing": Text("Stoppen? Er is nog niets ingevuld. [j/N]", "Stop? Nothing has been answered yet. [y/N]"),
    "stop.go_on": Text("Dan gaan we verder.", "Then we go on."),
    "done": Text("Klaar. Ingevuld: {answered}; weet ik niet: {unknown}; gepland: {planned}.",
                "Done. Answered: {answered}; don't know: {unknown}; planned: {planned}."),
}


def ui(key: str, lang: Lang, **values: object) -> str:
    return UI[key](lang).format(**values)
