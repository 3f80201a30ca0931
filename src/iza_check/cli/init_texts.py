"""What ``iza-check init`` says around the questions (a file that exists, a draft to resume, a profile saved or
not), in Dutch and English; the questions themselves and the session's own lines are in
:mod:`iza_check.questionnaire`."""

from __future__ import annotations

from typing import Literal

from iza_check.i18n.text import Text

Lang = Literal["nl", "en"]

TEXTS: dict[str, Text] = {
    "exists": Text(
        "{path} bestaat al. Er is niets veranderd.\n"
        "  Overschrijven: iza-check init {path} --force\n"
        "  Bijwerken:     iza-check init --update {path} --force\n"
        "  Of kies een andere naam: iza-check init nieuw-profiel.yaml",
        "{path} already exists. Nothing was changed.\n"
        "  Overwrite: iza-check init {path} --force\n"
        "  Update:    iza-check init --update {path} --force\n"
        "  Or choose another name: iza-check init new-profile.yaml",
    ),
    "is_dir": Text("{path} is een map, geen bestand. Geef een bestandsnaam, bijv. {path}/profiel.yaml.",
                  "{path} is a folder, not a file. Give a file name, e.g. {path}/profiel.yaml."),
    "no_folder": Text("De map {folder} bestaat niet. Maak die eerst aan of kies een andere plek.",
                     "The folder {folder} does not exist. Create it first or choose another place."),
    "scope_needs_update": Text(
        "--sectie en --alleen-open werken alleen bij het bijwerken van een profiel: "
        "iza-check init --update {path} --force --sectie team",
        "--section and --only-open only work when updating a profile: "
        "iza-check init --update {path} --force --section team",
    ),
    "update_missing": Text("{path} bestaat niet; er is niets om bij te werken. Begin een nieuw profiel met: "
                          "iza-check init {path}",
                          "{path} does not exist; there is nothing to update. Start a new profile with: "
                          "iza-check init {path}"),
    "update_invalid": Text("{path} kan niet worden bijgewerkt, omdat het bestand fouten bevat:",
                          "{path} cannot be updated because the file has errors:"),
    "update_fix": Text("Verbeter deze fouten eerst (of begin opnieuw met iza-check init).",
                      "Please fix these errors first (or start again with iza-check init)."),
    "stopped_kept": Text("Gestopt. Uw antwoorden tot nu toe zijn bewaard in {draft}.\n"
                        "Verder gaan waar u was: typ dezelfde opdracht nog eens.",
                        "Stopped. Your answers so far are kept in {draft}.\n"
                        "To go on where you were: type the same command again."),
    "stopped_nothing": Text("Gestopt. Er was nog niets ingevuld, dus er is niets opgeslagen.",
                           "Stopped. Nothing had been answered yet, so nothing was saved."),
    "stopped_lost": Text("Gestopt. Uw antwoorden konden niet worden bewaard ({reason}).",
                        "Stopped. Your answers could not be kept ({reason})."),
    "draft_failed": Text("Let op: uw antwoorden kunnen niet tussendoor worden bewaard in {draft} ({reason}). "
                        "Ze gaan pas naar het profiel als de vragenlijst af is.",
                        "Note: your answers cannot be kept along the way in {draft} ({reason}). They only reach "
                        "the profile when the questionnaire is finished."),
    "resume_ask": Text("Er is een concept van {when} ({draft}). Verder gaan waar u was? [J/n]",
                      "There is a draft of {when} ({draft}). Go on where you were? [Y/n]"),
    "resume_yes_no": Text("Typ j (verder gaan) of n (opnieuw beginnen).", "Type y (go on) or n (start again)."),
    "resume_fresh": Text("U begint opnieuw. Het concept is niet weg: de antwoorden daaruit staan nu in {side}.",
                        "You start again. The draft is not lost: its answers are now in {side}."),
    "resume_mismatch": Text("Er is een concept van {when}, maar {reason}. Het kan daarom niet worden hervat; de "
                           "antwoorden daaruit staan nu in {side}. U begint opnieuw.",
                           "There is a draft of {when}, but {reason}. So it cannot be resumed; its answers are "
                           "now in {side}. You start again."),
    "reason_source": Text("het hoort bij een andere opdracht", "it belongs to another command"),
    "reason_changed": Text("{source} is sindsdien veranderd", "{source} has changed since"),
    "reason_version": Text("het is gemaakt met een andere versie van iza-check",
                          "it was made with another version of iza-check"),
    "resume_unreadable": Text("Het concept {draft} kon niet worden gelezen ({reason}). Het staat nu in {aside}; "
                             "u begint opnieuw.",
                             "The draft {draft} could not be read ({reason}). It is now in {aside}; you start "
                             "again."),
    "resume_keep_failed": Text("Het concept {draft} kon niet opzij worden gezet ({reason}). Er is niets veranderd.",
                              "The draft {draft} could not be set aside ({reason}). Nothing was changed."),
    "draft_note": Text("Antwoorden uit een concept van iza-check init voor {path} ({when}), niet hervat.",
                      "Answers from a draft of iza-check init for {path} ({when}), not resumed."),
    "gaps_failed": Text("De regels konden nu niet worden toegepast ({reason}); er worden geen plannen voorgesteld "
                       "bij vragen die al beantwoord zijn.",
                       "The rules could not be applied now ({reason}); no plans are suggested for questions "
                       "that are already answered."),
    "write_failed": Text("{path} kon niet worden opgeslagen: {reason}. Er is niets veranderd.",
                        "{path} could not be saved: {reason}. Nothing was changed."),
    "internal": Text("Het profiel kon niet worden opgeslagen door een fout in iza-check ({reason}). "
                    "Er is niets veranderd; meld dit alstublieft.",
                    "The profile could not be saved because of an error in iza-check ({reason}). "
                    "Nothing was changed; please report this."),
    "changed": Text("{path} is veranderd terwijl de vragen liepen (in een editor of door een ander programma). "
                   "Het is niet overschreven, zodat die wijzigingen blijven staan.",
                   "{path} was changed while the questions ran (in an editor or by another program). "
                   "It was not overwritten, so those changes stay."),
    "invalid_answers": Text("De antwoorden samen vormen geen geldig profiel, dus {path} is niet opgeslagen:",
                           "Together the answers do not make a valid profile, so {path} was not saved:"),
    "edit_failed": Text("{path} kon niet worden bijgewerkt zonder de rest van het bestand te veranderen ({reason}). "
                       "Er is niets veranderd.",
                       "{path} could not be updated without changing the rest of the file ({reason}). "
                       "Nothing was changed."),
    "kept": Text("Uw antwoorden zijn bewaard in {side}, er is niets verloren. Neem ze daaruit over in {path}.",
                "Your answers were kept in {side}, nothing is lost. Copy them from there into {path}."),
    "kept_failed": Text("Ook uw antwoorden konden niet worden bewaard ({reason}).",
                       "Your answers could not be kept either ({reason})."),
    "kept_in_draft": Text("Uw antwoorden staan nog in {draft}.", "Your answers are still in {draft}."),
    "side_note": Text("Antwoorden uit iza-check init, niet opgeslagen in {path}: {why}",
                     "Answers from iza-check init, not saved in {path}: {why}"),
    "saved": Text("Opgeslagen: {path}", "Saved: {path}"),
    "next": Text("Profiel aangepast? Bekijk het rapport opnieuw met:  iza-check check {path}",
                "Changed the profile? See the report again with:  iza-check check {path}"),
    "report_failed": Text("Het rapport kon nu niet worden gemaakt ({reason}). Probeer later: iza-check check {path}",
                         "The report could not be made now ({reason}). Try later: iza-check check {path}"),
}


def say(key: str, lang: Lang, **values: object) -> str:
    return TEXTS[key](lang).format(**values)
