"""What the funders' renderers share: their string table, escaping, the HTML page and the CSV conventions.

The funders' outputs live in :mod:`iza_check.report.summary_formats` (``check --summary`` and the dossier's
index), :mod:`iza_check.report.overview_formats` (``overview``) and :mod:`iza_check.report.diff_formats`
(``diff``, of two files or of two rounds). Each is a pure function of small frozen result types and returns the
whole output as text.

Every text from a profile passes through :func:`clean` and then the escaping of its format: :func:`html_text`
for HTML, :func:`csv_text` for CSV, :func:`json_text` for JSON.

A CSV is made to open correctly in a Dutch Excel: ``;`` as delimiter, UTF-8 with a byte order mark, CRLF line
ends, every field quoted by the csv module, outcomes written as words. A text field that starts with
``= + - @`` (or a tab or carriage return) gets a leading apostrophe so a spreadsheet never runs a profile's
name as a formula.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import io
import json
import textwrap
from collections.abc import Iterable
from html import escape
from typing import Any, Final

from iza_check.assess.findings import Outcome, VerdictKind
from iza_check.i18n import t
from iza_check.report._common import OUTCOME_SYMBOL, clean
from iza_check.report.json_report import json_text

FORMAT_VERSION: Final = 2

# UI strings of these journeys, key -> (nl, en); anything else comes from the shared catalogue.
_STRINGS: Final[dict[str, tuple[str, str]]] = {
    "summary.title": ("Samenvatting IZA-check", "IZA check summary"),
    "summary.col.quality": ("Q-tekorten", "Q gaps"),
    "summary.col.place": ("Gemeente (regio)", "Municipality (region)"),
    "summary.col.plans": ("Plannen", "Plans"),
    "summary.plan.dated": ("streefdatum {date}", "target date {date}"),
    "summary.plan.overdue": ("streefdatum {date} voorbij", "target date {date} passed"),
    "summary.plan.undated": ("nog zonder streefdatum", "no target date yet"),
    "summary.col.quality_unknown": ("Q onbekend", "Q unknown"),
    "summary.col.backed": ("Onderbouwd", "Backed"),
    "summary.col.file": ("Bestand", "File"),
    "summary.invalid": ("ongeldig", "invalid"),
    "summary.more_problems.one": ("(en nog 1 melding)", "(and 1 more problem)"),
    "summary.more_problems.many": ("(en nog {count} meldingen)", "(and {count} more problems)"),
    "summary.legend": ("Legenda", "Legend"),
    "summary.legend.k": ("K1–K10: de tien kenmerken", "K1–K10: the ten characteristics"),
    "summary.legend.backed": (
        "Onderbouwd: hoeveel kenmerken rusten op een document, webadres of datum, niet alleen op eigen opgave",
        "Backed: how many kenmerken rest on a document, web address or date, not only on the initiative's word",
    ),
    "summary.legend.q": (
        "Q-tekorten: aantal kwaliteitseisen met deels of voldoet niet (+N?: nog N onbekend)",
        "Q gaps: number of quality requirements partly or not met (+N?: N more unknown)",
    ),
    "summary.legend.b": (
        "B1–B3: bouwstenen sociale participatie, maatschappelijke participatie, ontplooiing en zelfhulp",
        "B1–B3: building blocks social participation, societal participation, development and self-help",
    ),
    "summary.legend.none": ("leeg: regel niet in de catalogus", "empty: rule not in the catalogue"),
    "summary.totals": ("{count} bestanden", "{count} files"),
    "summary.sort_hint": (
        "Klik op een kolomkop om te sorteren.", "Click a column heading to sort."
    ),
    "summary.empty": ("Geen profielen gevonden.", "No profiles found."),
    "verdict_short.past": ("past", "fits"),
    "verdict_short.groeiroute": ("groeiroute", "growth route"),
    "verdict_short.niet_op_voorhand": ("niet op voorhand", "not a priori"),
    "verdict_short.onvoldoende_gegevens": ("onvoldoende gegevens", "insufficient data"),
    "bouwsteen.B1": ("sociale participatie", "social participation"),
    "bouwsteen.B2": ("maatschappelijke participatie", "societal participation"),
    "bouwsteen.B3": ("ontplooiing en methodische zelfhulp", "personal development and structured self-help"),
    "bouwsteen.informatie_en_advies": ("informatie en advies", "information and advice"),
    "bouwsteen.individuele_ondersteuning": ("individuele ondersteuning", "individual support"),
    "bouwsteen.kwaliteitsontwikkeling_ervaringsdeskundigheid": (
        "kwaliteitsontwikkeling ervaringsdeskundigheid",
        "quality development of lived-experience expertise",
    ),
    "bouwsteen.beleidsparticipatie": ("beleidsparticipatie", "policy participation"),
    "bouwsteen.kwartiermaken": ("kwartiermaken en anti-stigma", "kwartiermaken (inclusion) and anti-stigma"),
    "bouwsteen.deskundigheidsbevordering_professionals": (
        "deskundigheidsbevordering professionals",
        "training for professionals",
    ),
    "bouwsteen.ondersteuning_naasten": ("ondersteuning familie en naasten", "support for family and loved ones"),
    "overview.title": ("Regionaal overzicht IZA-check", "IZA check regional overview"),
    "overview.subtitle": (
        "Stap 1 van het stappenplan voor gemeenten: wat is er al in de regio?",
        "Step 1 of the municipalities' step-by-step plan: what is already there in the region?",
    ),
    "overview.no_regio": ("(geen regio)", "(no region)"),
    "overview.unit_no_regio": ("{name} (geen regio opgegeven)", "{name} (no region given)"),
    "overview.open": ("nog onbekend", "not known yet"),
    "overview.no_gemeente": ("(geen gemeente)", "(no municipality)"),
    "overview.region": ("Regio {name}", "Region {name}"),
    "overview.initiatives.one": ("1 initiatief", "1 initiative"),
    "overview.initiatives.many": ("{count} initiatieven", "{count} initiatives"),
    "overview.gemeenten.one": ("1 gemeente", "1 municipality"),
    "overview.gemeenten.many": ("{count} gemeenten", "{count} municipalities"),
    "overview.region_counts": ("{initiatives} in {gemeenten}", "{initiatives} in {gemeenten}"),
    "overview.dagdelen": ("{count} dagdelen open per week", "open {count} day parts a week"),
    "overview.dagdelen.one": ("1 dagdeel open per week", "open 1 day part a week"),
    "overview.dagdelen_unknown": ("onbekend bij {count}", "unknown for {count}"),
    "overview.dagdelen_all_unknown": ("dagdelen open onbekend", "day parts open unknown"),
    "overview.short.a": ("bouwstenen A", "building blocks A"),
    "overview.short.b": ("bouwstenen B", "building blocks B"),
    "overview.short.c": ("bouwstenen C", "building blocks C"),
    "overview.group.a": ("Bouwstenen A (in elk initiatief)", "Building blocks A (in every initiative)"),
    "overview.group.b": ("Bouwstenen B (in elke regio)", "Building blocks B (in every region)"),
    "overview.group.c": ("Bouwstenen C (kansrijke context)", "Building blocks C (favourable context)"),
    "overview.present": ("Aanwezig", "Present"),
    "overview.missing": ("Ontbreekt in de regio", "Missing in the region"),
    "overview.missing_none": ("Alle bouwstenen zijn ergens in de regio aanwezig.", "Every building block is present somewhere in the region."),
    "overview.a_count": ("{present} van {total} voldoet", "{present} of {total} meet it"),
    "overview.a_partly": ("{count} deels", "{count} partly"),
    "overview.offered_by": ("door {names}", "by {names}"),
    "overview.and_more": ("en nog {count}", "and {count} more"),
    "overview.col.dagdelen": ("Dagdelen", "Day parts"),
    "overview.col.regional": ("Regionaal aanbod (B en C)", "Regional offer (B and C)"),
    "overview.col.verdict": ("Oordeel", "Verdict"),
    "overview.col.region": ("Regio", "Region"),
    "overview.col.initiatives": ("Initiatieven", "Initiatives"),
    "overview.matrix": ("Dekking per regio", "Coverage per region"),
    "overview.matrix_intro": (
        ("Per regio en bouwsteen: het aantal initiatieven dat de bouwsteen invult. Een rood vak met ✘ betekent "
        "dat de bouwsteen in die regio ontbreekt; ◐ dat initiatieven hem alleen deels invullen."),
        ("Per region and building block: the number of initiatives that provide it. A red cell with ✘ means "
        "the building block is missing in that region; ◐ that initiatives provide it only partly."),
    ),
    "overview.matrix_table": ("Dekking per regio als tabel", "Coverage per region as a table"),
    "overview.matrix_desc": ("{region}: ontbreekt {missing}.", "{region}: missing {missing}."),
    "overview.matrix_desc_none": ("{region}: niets ontbreekt.", "{region}: nothing missing."),
    "overview.missing_heading": ("Ontbrekende bouwstenen per regio", "Missing building blocks per region"),
    "overview.empty": ("Geen geldige profielen gevonden.", "No valid profiles found."),
    "overview.note": (
        ("Een overzicht van wat de profielen zeggen, niet van alles wat er in de regio is: bouwstenen B en C "
        "kunnen ook buiten de zelfregie- en herstelinitiatieven bestaan."),
        ("An overview of what the profiles say, not of everything in the region: building blocks B and C may "
        "also exist outside the self-management and recovery initiatives."),
    ),
    "overview.legend.covered": ("aanwezig", "present"),
    "overview.legend.partly": ("alleen deels", "only partly"),
    "overview.legend.missing": ("ontbreekt", "missing"),
    "overview.legend.unknown": ("nog onbekend", "not known yet"),
    "diff.title": ("Voortgang IZA-check", "IZA check progress"),
    "diff.old": ("Oud", "Old"),
    "diff.new": ("Nieuw", "New"),
    "diff.renamed": ("andere naam in de nieuwe versie: {name}", "different name in the new version: {name}"),
    "diff.verdict_changed": ("{old} → {new}", "{old} → {new}"),
    "diff.verdict_same": ("ongewijzigd: {verdict}", "unchanged: {verdict}"),
    "diff.improved": ("Vooruitgang", "Improved"),
    "diff.regressed": ("Achteruitgang", "Regressed"),
    "diff.changed": ("Anders, niet beter of slechter", "Changed, neither better nor worse"),
    "diff.unchanged": ("{count} regels ongewijzigd", "{count} rules unchanged"),
    "diff.none": ("geen", "none"),
    "diff.plans": ("Plannen uit de oude versie", "Plans from the old version"),
    "diff.new_plans": ("Nieuwe plannen", "New plans"),
    "diff.no_plans": ("De oude versie noemt geen plannen.", "The old version names no plans."),
    "diff.status.gerealiseerd": ("gerealiseerd", "realised"),
    "diff.status.verlopen": ("over de streefdatum", "overdue"),
    "diff.status.loopt": ("loopt nog", "in progress"),
    "diff.status.vervallen": ("niet meer genoemd", "no longer mentioned"),
    "diff.realised.gemarkeerd": ("als gerealiseerd gemeld", "reported as done"),
    "diff.realised.criteria": ("{ids} voldoet nu", "{ids} now met"),
    "diff.moved": ("streefdatum verschoven van {old} naar {new}", "target date moved from {old} to {new}"),
    "diff.absent": ("geen uitkomst", "no outcome"),
    "diff.col.change": ("Verandering", "Change"),
    "diff.result": (
        ("{improved} verbeterd, {regressed} verslechterd, {realised} plan(nen) gerealiseerd, {overdue} over de "
        "streefdatum"),
        "{improved} improved, {regressed} regressed, {realised} plan(s) realised, {overdue} overdue",
    ),
    "made_with": ("Gemaakt met iza-check", "Made with iza-check"),
    # check --summary --format json, the dossier's index
    "dossier.hint": ("Klik op een naam voor het volledige rapport.", "Click a name for the full report."),
    # overview --format csv
    "overview.offers.yes": ("ja", "yes"),
    "overview.offers.no": ("nee", "no"),
    "overview.offers.unknown": ("onbekend", "unknown"),
    # diff OLD_DIR NEW_DIR: two rounds
    "rounds.title": ("Voortgang tussen twee rondes", "Progress between two rounds"),
    "rounds.old": ("Oude ronde", "Old round"),
    "rounds.new": ("Nieuwe ronde", "New round"),
    "rounds.round.old": ("oude ronde", "old round"),
    "rounds.round.new": ("nieuwe ronde", "new round"),
    "rounds.identity": (
        ("Profielen zijn gekoppeld op naam en gemeente (zonder gemeente: op het pad binnen de ronde), "
        "ongeacht hoofdletters en spaties."),
        ("Profiles are matched by name and municipality (without one: by their path within the round), "
        "regardless of case and spacing."),
    ),
    "rounds.result": (
        ("{compared} vergeleken: {improved} vooruit, {regressed} achteruit, {unchanged} gelijk; {new} nieuw, "
        "{gone} niet meer in de ronde; {overdue} plan(nen) over de streefdatum"),
        ("{compared} compared: {improved} improved, {regressed} regressed, {unchanged} unchanged; {new} new, "
        "{gone} no longer in the round; {overdue} plan(s) past their target date"),
    ),
    "rounds.section.verslechterd": ("Achteruitgang", "Regressed"),
    "rounds.section.verbeterd": ("Vooruitgang", "Improved"),
    "rounds.section.ongewijzigd": ("Gelijk gebleven", "Unchanged"),
    "rounds.section.nieuw": ("Nieuw in deze ronde", "New in this round"),
    "rounds.section.verdwenen": ("Niet meer in deze ronde", "No longer in this round"),
    "rounds.section.overdue": ("Plannen over de streefdatum", "Plans past their target date"),
    "rounds.status.verslechterd": ("achteruit", "regressed"),
    "rounds.status.verbeterd": ("vooruit", "improved"),
    "rounds.status.ongewijzigd": ("gelijk", "unchanged"),
    "rounds.status.nieuw": ("nieuw", "new"),
    "rounds.status.verdwenen": ("verdwenen", "gone"),
    "rounds.status.probleem": ("probleem", "problem"),
    "rounds.also": ("ook vooruit: {rules}", "also improved: {rules}"),
    "rounds.ambiguous": (
        "{round}: {count} profielen zijn niet uit elkaar te houden ({identity}) en zijn niet vergeleken: {files}",
        "{round}: {count} profiles cannot be told apart ({identity}) and were not compared: {files}",
    ),
    "rounds.identity.naam": ("naam en gemeente: {naam}, {gemeente}", "name and municipality: {naam}, {gemeente}"),
    "rounds.identity.pad": ("pad: {path}", "path: {path}"),
    "rounds.caveat": (
        ("Niet elk bestand kon worden gelezen of gekoppeld (zie Problemen): wat hier nieuw of niet meer in de "
        "ronde heet, kan daarbij horen."),
        ("Not every file could be read or matched (see Problems): what shows as new or no longer in the round "
        "here may be one of them."),
    ),
    "rounds.empty": ("Geen profielen om te vergelijken.", "No profiles to compare."),
    "rounds.col.old_file": ("Bestand oud", "Old file"),
    "rounds.col.new_file": ("Bestand nieuw", "New file"),
    "rounds.col.old_verdict": ("Oordeel oud", "Old verdict"),
    "rounds.col.new_verdict": ("Oordeel nieuw", "New verdict"),
    "rounds.col.improved": ("Vooruitgang", "Improved"),
    "rounds.col.regressed": ("Achteruitgang", "Regressed"),
    "rounds.col.overdue": ("Plannen over de streefdatum", "Plans past their target date"),
    "rounds.col.rules": ("Regels", "Rules"),
}

VERDICT_SYMBOL: Final = {
    VerdictKind.past: "✔",
    VerdictKind.groeiroute: "➜",
    VerdictKind.niet_op_voorhand: "✘",
    VerdictKind.onvoldoende_gegevens: "?",
}
# Sort keys for the html tables: worst first, so a funder sees what needs attention on the first click.
OUTCOME_RANK: Final = {
    Outcome.voldoet_niet: 0, Outcome.deels: 1, Outcome.onbekend: 2, Outcome.voldoet: 3, Outcome.nvt: 4,
}
VERDICT_RANK: Final = {
    VerdictKind.niet_op_voorhand: 0,
    VerdictKind.onvoldoende_gegevens: 1,
    VerdictKind.groeiroute: 2,
    VerdictKind.past: 3,
}


def ft(key: str, lang: str, **params: object) -> str:
    """A UI string of the funders' journeys, falling back to the shared report catalogue."""
    entry = _STRINGS.get(key)
    if entry is None:
        return t(key, lang, **params)
    if lang not in ("nl", "en"):
        raise ValueError(f"unknown language {lang!r}; choose one of: nl, en")
    text = entry[0] if lang == "nl" else entry[1]
    return text.format(**params) if params else text


def string_keys() -> tuple[str, ...]:
    """The keys of this string table (for the test that each has both languages)."""
    return tuple(_STRINGS)


def check_lang(lang: str) -> None:
    """Reject an unknown language before any work."""
    ft("summary.title", lang)


def symbol(outcome: Outcome | None) -> str:
    return "" if outcome is None else OUTCOME_SYMBOL[outcome]


def outcome_word(outcome: Outcome | None, lang: str) -> str:
    return "" if outcome is None else t(f"outcome.{outcome.value}", lang)


def outcome_json(outcome: Outcome | None) -> str | None:
    return None if outcome is None else outcome.value


def date_json(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def verdict_short(kind: VerdictKind | None, lang: str) -> str:
    return ft("summary.invalid", lang) if kind is None else ft(f"verdict_short.{kind.value}", lang)


def bouwsteen_label(bouwsteen: str, lang: str) -> str:
    key = f"bouwsteen.{bouwsteen}"
    return ft(key, lang) if key in _STRINGS else clean(bouwsteen).replace("_", " ")


def count_text(key: str, count: int, lang: str) -> str:
    """``{key}.one`` for 1, else ``{key}.many`` with the count."""
    return ft(f"{key}.one", lang) if count == 1 else ft(f"{key}.many", lang, count=count)


def legend_outcomes(lang: str) -> str:
    return " · ".join(f"{OUTCOME_SYMBOL[o]} {t(f'outcome.{o.value}', lang)}" for o in Outcome)


def fit(text: str, width: int) -> str:
    """Cleaned, and cut to ``width`` characters with an ellipsis."""
    text = clean(text)
    return text if len(text) <= width else text[: width - 1] + "…"


TEXT_WIDTH: Final = 100


def wrap(text: str, indent: str, hanging: str) -> list[str]:
    return textwrap.wrap(
        text, width=TEXT_WIDTH, initial_indent=indent, subsequent_indent=hanging, break_on_hyphens=False
    ) or [indent.rstrip()]


# --- JSON ------------------------------------------------------------------------------------------------

def json_document(document: dict[str, Any]) -> str:
    """Pretty, with sorted keys: a document a person can read and a diff tool can compare."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def json_opt(text: str | None) -> str | None:
    return None if text is None else json_text(text)


# --- HTML ------------------------------------------------------------------------------------------------

def html_text(text: object) -> str:
    """Cleaned, then escaped for HTML text and attribute values."""
    return escape(clean(str(text)), quote=True)


SORT_SCRIPT: Final = """
(function () {
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var cell = row.cells[index];
          return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b), nx = Number(x), ny = Number(y);
          var order = (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "nl");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
"""
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(SORT_SCRIPT.encode("utf-8")).digest()).decode("ascii")

BASE_CSS: Final = """
:root { --ink: #1c2230; --muted: #556070; --line: #d3d8e0; --soft: #f3f5f8;
  --good: #1d6b3a; --part: #7a5200; --bad: #a3262b; --unknown: #24548f; --na: #556070; }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt;
  line-height: 1.45; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 290mm; padding: 8mm 6mm 12mm; }
h1 { font-size: 19pt; margin: 0 0 1mm; }
h2 { font-size: 14pt; margin: 8mm 0 2mm; padding-bottom: 1mm; border-bottom: 2px solid var(--ink); }
h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; }
p { margin: 0 0 2mm; }
.muted, .subtitle { color: var(--muted); }
table { border-collapse: collapse; font-size: 9.5pt; margin: 1mm 0 3mm; }
caption { text-align: left; color: var(--muted); padding-bottom: 1mm; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 1.5px solid var(--ink); white-space: nowrap; }
td.c, th.c { text-align: center; }
td.num, th.num { text-align: right; }
.oc-voldoet { color: var(--good); } .oc-deels { color: var(--part); } .oc-voldoet_niet { color: var(--bad); }
.oc-onbekend { color: var(--unknown); } .oc-nvt { color: var(--na); }
.v-past { color: var(--good); } .v-groeiroute { color: var(--part); } .v-niet_op_voorhand { color: var(--bad); }
.v-onvoldoende_gegevens { color: var(--unknown); } .v-ongeldig { color: var(--bad); font-weight: 700; }
.problem { color: var(--bad); font-size: 9pt; overflow-wrap: anywhere; }
.file { color: var(--muted); font-size: 8.5pt; overflow-wrap: anywhere; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
ul.legend { list-style: none; padding: 0; margin: 0; color: var(--muted); font-size: 9pt; }
footer { margin-top: 8mm; border-top: 1px solid var(--line); padding-top: 2mm; font-size: 8.5pt; color: var(--muted); }
@media print { body { max-width: none; padding: 0; } th button { all: inherit; } }
"""
SORTABLE_CSS: Final = """
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th button::after { content: " ⇅"; color: var(--muted); font-weight: 400; }
th[aria-sort="ascending"] button::after { content: " ↑"; }
th[aria-sort="descending"] button::after { content: " ↓"; }
tbody tr:nth-child(even) { background: var(--soft); }
td.name { min-width: 16em; }
td[class^="v-"] { white-space: nowrap; }
"""


def html_document(title: str, lang: str, body: list[str], *, css: str, script: str | None = None) -> str:
    """A self-contained page: no network, and a script only when its hash is in the page's policy."""
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    if script is not None:
        if script != SORT_SCRIPT:
            raise ValueError("only the sort script has its hash in the policy")
        policy += f"; script-src 'sha256-{_SCRIPT_HASH}'"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_text(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html_text(title)}</title>\n<style>{BASE_CSS}{css}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + (f"\n<script>{script}</script>" if script is not None else "")
        + "\n</body>\n</html>\n"
    )


def sort_head(label: str, cls: str = "", title: str | None = None) -> str:
    """A column heading of a sortable table: a button, so keyboards and screen readers can sort too."""
    attr = f' class="{cls}"' if cls else ""
    tip = f' title="{html_text(title)}"' if title else ""
    return f'<th scope="col"{attr}{tip}><button type="button">{html_text(label)}</button></th>'


def outcome_cell(outcome: Outcome | None, lang: str) -> str:
    if outcome is None:
        return '<td class="c" data-sort="9"></td>'
    word = html_text(outcome_word(outcome, lang))
    return (
        f'<td class="c oc-{outcome.value}" data-sort="{OUTCOME_RANK[outcome]}" title="{word}">'
        f'<span aria-hidden="true">{symbol(outcome)}</span><span class="sr">{word}</span></td>'
    )


# --- CSV -------------------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str | None) -> str:
    """A text for a spreadsheet cell: cleaned, and never read as a formula, also not after a spreadsheet trims
    the spaces (and tabs, which :func:`clean` makes spaces) in front."""
    if not text:
        return ""
    text = clean(text)
    return "'" + text if text.lstrip().startswith(_FORMULA_START) else text


def csv_document(header: list[str], rows: Iterable[list[str]]) -> str:
    """``;``-separated, every field quoted, CRLF, with a byte order mark: opens as it is in a Dutch Excel.

    Texts from a profile must have passed :func:`csv_text`; headers and words from the tables are safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()
