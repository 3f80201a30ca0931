"""Renderers for the funders' journeys: the batch summary, the regional overview and the progress diff.

Pure functions of the small frozen result types in :mod:`iza_check.summary`, :mod:`iza_check.overview` and
:mod:`iza_check.diff`; each returns the whole output as text.

- Summary: ``text``, ``html`` (self-contained; the table sorts with a small inline script, needs no network and
  reads fine without script) and ``csv``.
- Overview: ``text``, ``html`` (with an inline SVG coverage chart and the same data as a table) and ``json``.
- Diff: ``text``, ``json`` and ``markdown``.

The CSV is made to open correctly in a Dutch Excel: ``;`` as delimiter, UTF-8 with a byte order mark, CRLF line
ends, every field quoted by the csv module, outcomes written as words. A text field that starts with
``= + - @`` gets a leading apostrophe so a spreadsheet never runs a profile's name as a formula.

Every text from a profile passes through :func:`clean` and then the escaping of its format.
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
from pathlib import PurePath
from typing import Any, Final

from iza_check.diff import ChangeKind, PlanProgress, PlanStatus, ProfileDiff, RealisedBy, RuleChange
from iza_check.findings import Outcome, PlanRef, VerdictKind
from iza_check.i18n import format_date, t
from iza_check.overview import (
    BOUWSTENEN_A,
    BOUWSTENEN_B,
    BOUWSTENEN_C,
    Coverage,
    GemeenteOverview,
    Overview,
    RegionOverview,
)
from iza_check.report._common import ANSI_RESET, OUTCOME_ANSI, OUTCOME_SYMBOL, clean, problem_text
from iza_check.report.json_report import json_text as _s, problem_json
from iza_check.report.markdown import md, md_block
from iza_check.summary import BOUWSTENEN_A as SUMMARY_B, KENMERKEN, SummaryRow, totals

SUMMARY_FORMATS: Final = ("text", "html", "csv")
OVERVIEW_FORMATS: Final = ("text", "html", "json")
DIFF_FORMATS: Final = ("text", "json", "markdown")
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
        "Per regio en bouwsteen: het aantal initiatieven dat de bouwsteen invult. Een rood vak met ✘ betekent "
        "dat de bouwsteen in die regio ontbreekt; ◐ dat initiatieven hem alleen deels invullen.",
        "Per region and building block: the number of initiatives that provide it. A red cell with ✘ means "
        "the building block is missing in that region; ◐ that initiatives provide it only partly.",
    ),
    "overview.matrix_table": ("Dekking per regio als tabel", "Coverage per region as a table"),
    "overview.matrix_desc": ("{region}: ontbreekt {missing}.", "{region}: missing {missing}."),
    "overview.matrix_desc_none": ("{region}: niets ontbreekt.", "{region}: nothing missing."),
    "overview.missing_heading": ("Ontbrekende bouwstenen per regio", "Missing building blocks per region"),
    "overview.empty": ("Geen geldige profielen gevonden.", "No valid profiles found."),
    "overview.note": (
        "Een overzicht van wat de profielen zeggen, niet van alles wat er in de regio is: bouwstenen B en C "
        "kunnen ook buiten de zelfregie- en herstelinitiatieven bestaan.",
        "An overview of what the profiles say, not of everything in the region: building blocks B and C may "
        "also exist outside the self-management and recovery initiatives.",
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
        "{improved} verbeterd, {regressed} verslechterd, {realised} plan(nen) gerealiseerd, {overdue} over de "
        "streefdatum",
        "{improved} improved, {regressed} regressed, {realised} plan(s) realised, {overdue} overdue",
    ),
    "made_with": ("Gemaakt met iza-check", "Made with iza-check"),
}

_VERDICT_SYMBOL: Final = {
    VerdictKind.past: "✔",
    VerdictKind.groeiroute: "➜",
    VerdictKind.niet_op_voorhand: "✘",
    VerdictKind.onvoldoende_gegevens: "?",
}
# Sort keys for the html table: worst first, so a funder sees what needs attention on the first click.
_OUTCOME_RANK: Final = {
    Outcome.voldoet_niet: 0, Outcome.deels: 1, Outcome.onbekend: 2, Outcome.voldoet: 3, Outcome.nvt: 4,
}
_VERDICT_RANK: Final = {
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


def _check_lang(lang: str) -> None:
    ft("summary.title", lang)


def _symbol(outcome: Outcome | None) -> str:
    return "" if outcome is None else OUTCOME_SYMBOL[outcome]


def _outcome_word(outcome: Outcome | None, lang: str) -> str:
    return "" if outcome is None else t(f"outcome.{outcome.value}", lang)


def _place(row: SummaryRow) -> str:
    """``Hengelo (Twente)``: the gemeente, and the region a funder groups by."""
    gemeente = clean(row.gemeente) if row.gemeente else "-"
    return f"{gemeente} ({clean(row.regio)})" if row.regio else gemeente


def _plan_text(plan: PlanRef, lang: str, limit: int | None = None) -> str:
    """``WRAP-cursus starten (streefdatum 1 april 2027)``, or ``… (streefdatum … voorbij)`` when overdue."""
    if plan.streefdatum is None:
        when = ft("summary.plan.undated", lang)
    else:
        key = "summary.plan.overdue" if plan.verlopen else "summary.plan.dated"
        when = ft(key, lang, date=format_date(plan.streefdatum, lang))
    stap = clean(plan.stap) if limit is None else _fit(clean(plan.stap), limit)
    return f"{stap} ({when})"


def _quality(row: SummaryRow, lang: str) -> str:
    """``2``, or ``2 +5?`` when 5 requirements are onbekend: a 0 with unknowns is not a clean record."""
    del lang
    return str(row.quality_gaps) + (f" +{row.quality_unknown}?" if row.quality_unknown else "")


def verdict_short(kind: VerdictKind | None, lang: str) -> str:
    return ft("summary.invalid", lang) if kind is None else ft(f"verdict_short.{kind.value}", lang)


def bouwsteen_label(bouwsteen: str, lang: str) -> str:
    key = f"bouwsteen.{bouwsteen}"
    return ft(key, lang) if key in _STRINGS else clean(bouwsteen).replace("_", " ")


def _e(text: object) -> str:
    return escape(clean(str(text)), quote=True)


def _legend_outcomes(lang: str) -> str:
    return " · ".join(f"{OUTCOME_SYMBOL[o]} {t(f'outcome.{o.value}', lang)}" for o in Outcome)


def _json(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# --- summary ---------------------------------------------------------------------------------------------

_TEXT_NAME_WIDTH = 34
_TEXT_PLACE_WIDTH = 18


def _fit(text: str, width: int) -> str:
    text = clean(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _display_name(row: SummaryRow) -> str:
    return row.naam if row.naam is not None else PurePath(row.source).name


def _problem_line(row: SummaryRow, lang: str) -> str:
    assert row.problem is not None
    more = row.problem_count - 1
    suffix = f" {_count('summary.more_problems', more, lang)}" if more > 0 else ""
    return problem_text(row.problem) + suffix


def _totals_line(rows: list[SummaryRow], lang: str) -> str:
    total = totals(rows)
    parts = [f"{count} {verdict_short(kind, lang)}" for kind, count in total.verdicts if count]
    if total.invalid:
        parts.append(f"{total.invalid} {ft('summary.invalid', lang)}")
    return ft("summary.totals", lang, count=total.rows) + (": " + " · ".join(parts) if parts else "")


def render_summary_text(
    rows: Iterable[SummaryRow], *, peildatum: dt.date, lang: str = "nl", colour: bool = False
) -> str:
    _check_lang(lang)
    rows = list(rows)
    paint = (lambda o, s: f"{OUTCOME_ANSI[o]}{s}{ANSI_RESET}" if o is not None else s) if colour else (lambda o, s: s)
    names = [_fit(_display_name(r), _TEXT_NAME_WIDTH) for r in rows]
    name_w = max([len(t("col.initiative", lang)), *map(len, names)])
    place_head = ft("summary.col.place", lang)
    place_w = max([len(place_head), *(len(_fit(_place(r), _TEXT_PLACE_WIDTH)) for r in rows)])
    verdict_w = max(len(ft(f"verdict_short.{k.value}", lang)) for k in VerdictKind)
    verdict_w = max(verdict_w, len(ft("summary.invalid", lang)), len(t("verdict.heading", lang)))
    q_head = ft("summary.col.quality", lang)
    backed_head = ft("summary.col.backed", lang)
    cells = [c.ljust(3) for c in KENMERKEN]
    header = (
        f"{t('col.initiative', lang).ljust(name_w)}  {place_head.ljust(place_w)}  "
        f"{t('verdict.heading', lang).ljust(verdict_w)}  {' '.join(cells)}  {backed_head}  {q_head}  "
        f"{' '.join(b.ljust(2) for b in SUMMARY_B)}"
    )
    lines = [
        f"{ft('summary.title', lang)} · {t('report.peildatum', lang).lower()} {format_date(peildatum, lang)}",
        "",
        header.rstrip(),
        "─" * len(header.rstrip()),
    ]
    for row, name in zip(rows, names):
        place = _fit(_place(row), _TEXT_PLACE_WIDTH)
        start = f"{name.ljust(name_w)}  {place.ljust(place_w)}  "
        if not row.valid:
            lines.append(f"{start}{ft('summary.invalid', lang).ljust(verdict_w)}  {_problem_line(row, lang)}")
            continue
        marks = " ".join(paint(o, _symbol(o).ljust(3)) for o in row.kenmerken)
        blocks = " ".join(paint(o, _symbol(o).ljust(2)) for o in row.bouwstenen)
        line = (
            f"{start}{verdict_short(row.verdict, lang).ljust(verdict_w)}  {marks}  "
            f"{row.onderbouwd_text.rjust(len(backed_head))}  {_quality(row, lang).rjust(len(q_head))}  {blocks}"
        )
        lines.append(line.rstrip())
        lines += [f"    → {_plan_text(plan, lang, limit=110)}" for plan in row.plans]
    if not rows:
        lines.append(ft("summary.empty", lang))
    lines += [
        "",
        _totals_line(rows, lang),
        "",
        f"{ft('summary.legend', lang)}: {_legend_outcomes(lang)}",
        f"  {ft('summary.legend.k', lang)}",
        f"  {ft('summary.legend.backed', lang)}",
        f"  {ft('summary.legend.q', lang)}",
        f"  {ft('summary.legend.b', lang)}",
        f"  {ft('summary.legend.none', lang)}",
    ]
    return "\n".join(lines) + "\n"


_SORT_SCRIPT = """
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
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SORT_SCRIPT.encode("utf-8")).digest()).decode("ascii")

_BASE_CSS = """
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
_SUMMARY_CSS = """
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th button::after { content: " ⇅"; color: var(--muted); font-weight: 400; }
th[aria-sort="ascending"] button::after { content: " ↑"; }
th[aria-sort="descending"] button::after { content: " ↓"; }
tbody tr:nth-child(even) { background: var(--soft); }
td.name { min-width: 16em; }
td[class^="v-"] { white-space: nowrap; }
"""


def _html_document(title: str, lang: str, body: list[str], *, css: str, script: str | None = None) -> str:
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    if script is not None:
        policy += f"; script-src 'sha256-{_SCRIPT_HASH}'"
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_BASE_CSS}{css}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + (f"\n<script>{script}</script>" if script is not None else "")
        + "\n</body>\n</html>\n"
    )


def _outcome_cell(outcome: Outcome | None, lang: str) -> str:
    if outcome is None:
        return '<td class="c" data-sort="9"></td>'
    word = _e(_outcome_word(outcome, lang))
    return (
        f'<td class="c oc-{outcome.value}" data-sort="{_OUTCOME_RANK[outcome]}" title="{word}">'
        f'<span aria-hidden="true">{_symbol(outcome)}</span><span class="sr">{word}</span></td>'
    )


def _summary_html_row(row: SummaryRow, lang: str) -> str:
    name = _display_name(row)
    cells = [
        f'<td class="name" data-sort="{_e(name.casefold())}"><strong>{_e(name)}</strong>'
        + (
            f'<div class="file">{_e(row.source)}</div>'
            if row.valid
            else f'<div class="problem">{_e(_problem_line(row, lang))}</div>'
        )
        + "</td>",
        f"<td>{_e(_place(row) if row.gemeente or row.regio else '')}"
        + (
            '<ul class="plans">' + "".join(f"<li>{_e(_plan_text(p, lang))}</li>" for p in row.plans) + "</ul>"
            if row.plans
            else ""
        )
        + "</td>",
    ]
    if not row.valid:
        cells.append(f'<td class="v-ongeldig" data-sort="9">{_e(ft("summary.invalid", lang))}</td>')
        cells += ['<td class="c" data-sort="9"></td>'] * len(KENMERKEN)
        cells.append('<td class="num" data-sort="-1"></td>')
        cells.append('<td class="num" data-sort="-1"></td>')
        cells += ['<td class="c" data-sort="9"></td>'] * len(SUMMARY_B)
    else:
        assert row.verdict is not None
        symbol = _VERDICT_SYMBOL[row.verdict]
        cells.append(
            f'<td class="v-{row.verdict.value}" data-sort="{_VERDICT_RANK[row.verdict]}">'
            f'<span aria-hidden="true">{symbol} </span>{_e(verdict_short(row.verdict, lang))}</td>'
        )
        cells += [_outcome_cell(o, lang) for o in row.kenmerken]
        cells.append(f'<td class="num" data-sort="{row.onderbouwd}">{_e(row.onderbouwd_text)}</td>')
        cells.append(f'<td class="num" data-sort="{row.quality_gaps}">{_e(_quality(row, lang))}</td>')
        cells += [_outcome_cell(o, lang) for o in row.bouwstenen]
    return "<tr>" + "".join(cells) + "</tr>"


def render_summary_html(rows: Iterable[SummaryRow], *, peildatum: dt.date, lang: str = "nl") -> str:
    _check_lang(lang)
    rows = list(rows)

    def head(label: str, cls: str = "", title: str | None = None) -> str:
        attr = f' class="{cls}"' if cls else ""
        tip = f' title="{_e(title)}"' if title else ""
        return f'<th scope="col"{attr}{tip}><button type="button">{_e(label)}</button></th>'

    heads = [head(t("col.initiative", lang)), head(ft("summary.col.place", lang)), head(t("verdict.heading", lang))]
    heads += [head(k, "c") for k in KENMERKEN]
    heads.append(head(ft("summary.col.backed", lang), "num", ft("summary.legend.backed", lang)))
    heads.append(head(ft("summary.col.quality", lang), "num", ft("summary.legend.q", lang)))
    heads += [head(b, "c", bouwsteen_label(b, lang)) for b in SUMMARY_B]
    legend_items = [
        _legend_outcomes(lang),
        ft("summary.legend.k", lang),
        ft("summary.legend.backed", lang),
        ft("summary.legend.q", lang),
        ft("summary.legend.b", lang),
        ft("summary.legend.none", lang),
    ]
    body = [
        "<header>",
        f"<h1>{_e(ft('summary.title', lang))}</h1>",
        f'<p class="subtitle">{_e(t("report.peildatum", lang))}: {_e(format_date(peildatum, lang))}</p>',
        "</header><main>",
        '<table class="sortable">',
        f'<caption>{_e(_totals_line(rows, lang))}. {_e(ft("summary.sort_hint", lang))}</caption>',
        "<thead><tr>" + "".join(heads) + "</tr></thead>",
        "<tbody>",
        *(_summary_html_row(row, lang) for row in rows),
        "</tbody></table>",
    ]
    if not rows:
        body.append(f"<p>{_e(ft('summary.empty', lang))}</p>")
    body += [
        f"<h2>{_e(ft('summary.legend', lang))}</h2>",
        '<ul class="legend">' + "".join(f"<li>{_e(item)}</li>" for item in legend_items) + "</ul>",
        f"</main><footer><p>{_e(ft('made_with', lang))} · {_e(format_date(peildatum, lang))}</p></footer>",
    ]
    return _html_document(ft("summary.title", lang), lang, body, css=_SUMMARY_CSS, script=_SORT_SCRIPT)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(text: str | None) -> str:
    if not text:
        return ""
    text = clean(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_summary_csv(rows: Iterable[SummaryRow], *, lang: str = "nl") -> str:
    _check_lang(lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(
        [
            ft("summary.col.file", lang),
            t("col.initiative", lang),
            t("profile.gemeente", lang),
            t("profile.regio", lang),
            t("verdict.heading", lang),
            *KENMERKEN,
            ft("summary.col.backed", lang),
            ft("summary.col.quality", lang),
            ft("summary.col.quality_unknown", lang),
            *SUMMARY_B,
            ft("summary.col.plans", lang),
            t("col.message", lang),
        ]
    )
    for row in rows:
        if row.valid:
            writer.writerow(
                [
                    _csv_text(row.source),
                    _csv_text(row.naam),
                    _csv_text(row.gemeente),
                    _csv_text(row.regio),
                    verdict_short(row.verdict, lang),
                    *(_outcome_word(o, lang) for o in row.kenmerken),
                    row.onderbouwd_text,
                    str(row.quality_gaps),  # numbers, for a spreadsheet to add up
                    str(row.quality_unknown),
                    *(_outcome_word(o, lang) for o in row.bouwstenen),
                    _csv_text("; ".join(_plan_text(p, lang) for p in row.plans)),
                    "",
                ]
            )
        else:
            empty = [""] * (len(KENMERKEN) + 4 + len(SUMMARY_B))
            writer.writerow(
                [_csv_text(row.source), "", "", "", ft("summary.invalid", lang), *empty, _csv_text(_problem_line(row, lang))]
            )
    return "\ufeff" + buffer.getvalue()


def render_summary(
    fmt: str, rows: Iterable[SummaryRow], *, peildatum: dt.date, lang: str = "nl", colour: bool = False
) -> str:
    if fmt == "text":
        return render_summary_text(rows, peildatum=peildatum, lang=lang, colour=colour)
    if fmt == "html":
        return render_summary_html(rows, peildatum=peildatum, lang=lang)
    if fmt == "csv":
        return render_summary_csv(rows, lang=lang)
    raise ValueError(f"unknown summary format {fmt!r}; choose one of: {', '.join(SUMMARY_FORMATS)}")


# --- overview --------------------------------------------------------------------------------------------

def region_name(region: RegionOverview, lang: str) -> str:
    if region.naam is None:
        return ft("overview.no_regio", lang)
    return clean(region.naam) if region.stated else ft("overview.unit_no_regio", lang, name=clean(region.naam))


def _region_heading(region: RegionOverview, lang: str) -> str:
    if region.naam is None or not region.stated:
        return region_name(region, lang)
    return ft("overview.region", lang, name=clean(region.naam))


def _count(key: str, count: int, lang: str) -> str:
    return ft(f"{key}.one", lang) if count == 1 else ft(f"{key}.many", lang, count=count)


def _region_counts(region: RegionOverview, lang: str) -> str:
    return ft(
        "overview.region_counts",
        lang,
        initiatives=_count("overview.initiatives", region.initiatives, lang),
        gemeenten=_count("overview.gemeenten", len(region.gemeenten), lang),
    )


def _dagdelen(total: int, unknown: int, known: int, lang: str) -> str:
    """Opening hours summed over the initiatives that state them (004 stap 1: quantify what is there)."""
    if not known:
        return ft("overview.dagdelen_all_unknown", lang)
    text = ft("overview.dagdelen.one", lang) if total == 1 else ft("overview.dagdelen", lang, count=total)
    if unknown:
        text += f" ({ft('overview.dagdelen_unknown', lang, count=_count('overview.initiatives', unknown, lang))})"
    return text


def _region_dagdelen(region: RegionOverview, lang: str) -> str:
    return _dagdelen(region.dagdelen_open, region.dagdelen_unknown, region.initiatives - region.dagdelen_unknown, lang)


def _gemeente_dagdelen(gemeente: GemeenteOverview, lang: str) -> str:
    known = len(gemeente.initiatives) - gemeente.dagdelen_unknown
    return _dagdelen(gemeente.dagdelen_open, gemeente.dagdelen_unknown, known, lang)


def _names(names: tuple[str, ...], lang: str, limit: int | None = 6) -> str:
    """Names of initiatives, the first ``limit`` of them in a long list (a big region has hundreds)."""
    if limit is None or len(names) <= limit:
        return ", ".join(clean(n) for n in names)
    shown = ", ".join(clean(n) for n in names[: limit - 1])
    return f"{shown} {ft('overview.and_more', lang, count=len(names) - limit + 1)}"


def _missing_groups(region: RegionOverview, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    groups = [
        (ft("overview.short.a", lang), region.missing_a),
        (ft("overview.short.b", lang), region.missing_b),
        (ft("overview.short.c", lang), region.missing_c),
    ]
    return [(label, ids) for label, ids in groups if ids]


def _missing_sentence(region: RegionOverview, lang: str) -> str:
    groups = _missing_groups(region, lang)
    text = (
        "; ".join(f"{label}: {', '.join(bouwsteen_label(b, lang) for b in ids)}" for label, ids in groups)
        if groups
        else ft("overview.missing_none", lang) if not region.open else ""
    )
    if region.open:  # nobody is known to offer it, but a profile's activities are not all listed
        open_text = f"{ft('overview.open', lang)}: {', '.join(bouwsteen_label(b, lang) for b in region.open)}"
        text = f"{text}; {open_text}" if text else open_text
    return text


def _a_status(coverage: Coverage, total: int, lang: str) -> str:
    text = ft("overview.a_count", lang, present=len(coverage.present), total=total)
    if coverage.partly:
        text += f", {ft('overview.a_partly', lang, count=len(coverage.partly))}"
    return text


_WIDTH = 100


def _wrap(text: str, indent: str, hanging: str) -> list[str]:
    return textwrap.wrap(
        text, width=_WIDTH, initial_indent=indent, subsequent_indent=hanging, break_on_hyphens=False
    ) or [indent.rstrip()]


def _missing_lines(region: RegionOverview, lang: str, indent: str, label: str | None = None) -> list[str]:
    head = f"{indent}{label if label is not None else ft('overview.missing', lang)}:"
    groups = _missing_groups(region, lang)
    if not groups and not region.open:
        return _wrap(f"{head} {ft('overview.missing_none', lang)}", "", indent + "  ")
    lines = [head]
    for group, ids in groups:
        text = f"{group}: {', '.join(bouwsteen_label(b, lang) for b in ids)}"
        lines += _wrap(text, indent + "  ", indent + "    ")
    if region.open:  # nobody is known to offer it, but not every profile lists all its activities
        text = f"{ft('overview.open', lang)}: {', '.join(bouwsteen_label(b, lang) for b in region.open)}"
        lines += _wrap(text, indent + "  ", indent + "    ")
    return lines


def _region_text(region: RegionOverview, lang: str) -> list[str]:
    lines = [
        f"━━ {_region_heading(region, lang)} — {_region_counts(region, lang)} · {_region_dagdelen(region, lang)}",
        *_missing_lines(region, lang, "   "),
        "",
        f"   {ft('overview.group.a', lang)}:",
    ]
    for bouwsteen in BOUWSTENEN_A:
        coverage = region.of(bouwsteen)
        lines.append(
            f"     {bouwsteen} {bouwsteen_label(bouwsteen, lang)}: {_a_status(coverage, region.initiatives, lang)}"
        )
    for key, ids in (("overview.group.b", BOUWSTENEN_B), ("overview.group.c", BOUWSTENEN_C)):
        lines.append(f"   {ft(key, lang)}:")
        for bouwsteen in ids:
            coverage = region.of(bouwsteen)
            status = (
                f"✔ {ft('overview.offered_by', lang, names=_names(coverage.present, lang))}"
                if coverage.covered
                else f"? {ft('overview.legend.unknown', lang)}"
                if coverage.state == "unknown"
                else f"✘ {ft('overview.legend.missing', lang)}"
            )
            lines += _wrap(f"{bouwsteen_label(bouwsteen, lang)}: {status}", "     ", "       ")
    for gemeente in region.gemeenten:
        name = clean(gemeente.naam) if gemeente.naam else ft("overview.no_gemeente", lang)
        lines += ["", f"   {name} — {_count('overview.initiatives', len(gemeente.initiatives), lang)} · "
                  f"{_gemeente_dagdelen(gemeente, lang)}"]
        for entry in gemeente.initiatives:
            dagdelen = "?" if entry.dagdelen_open is None else str(entry.dagdelen_open)
            blocks = " ".join(f"{b} {_symbol(o) or ' '}" for b, o in zip(BOUWSTENEN_A, entry.bouwstenen_a))
            regional = ", ".join(bouwsteen_label(s, lang) for s in entry.regional) or "-"
            lines += _wrap(
                f"• {clean(entry.naam)} — {ft('overview.col.dagdelen', lang).lower()}: {dagdelen} · {blocks}"
                f" · {verdict_short(entry.verdict, lang)}",
                "     ",
                "       ",
            )
            lines += _wrap(f"{ft('overview.col.regional', lang)}: {regional}", "       ", "         ")
    return lines


def render_overview_text(overview: Overview, *, lang: str = "nl") -> str:
    _check_lang(lang)
    lines = [
        f"{ft('overview.title', lang)} · {t('report.peildatum', lang).lower()} {format_date(overview.peildatum, lang)}",
        ft("overview.subtitle", lang),
        "",
    ]
    if not overview.regions:
        lines += [ft("overview.empty", lang), ""]
    for region in overview.regions:
        lines += _region_text(region, lang) + ["", ""]
    if overview.regions:
        lines.append(ft("overview.missing_heading", lang))
        for region in overview.regions:
            lines += _missing_lines(region, lang, "  ", label=region_name(region, lang))
        lines += [""]
        lines += _wrap(ft("overview.note", lang), "", "")
        lines.append(f"{ft('summary.legend', lang)}: {_legend_outcomes(lang)}")
    if overview.problems:
        lines += ["", t("section.problems", lang)]
        lines += [f"  {problem_text(p)}" for p in overview.problems]
    return "\n".join(lines).rstrip("\n") + "\n"


_COLUMNS: Final = BOUWSTENEN_A + BOUWSTENEN_B + BOUWSTENEN_C
_CELL = 46
_LABEL_W = 170
_HEAD_H = 200
_RIGHT = 150  # room for the last rotated column labels
_SVG_FILL = {"covered": "#cfe8d6", "partly": "#f3e2bd", "unknown": "#e4e4e4", "missing": "#f4cfd0"}
_SVG_MARK = {"partly": "◐", "unknown": "?", "missing": "✘"}


def _cell_state(coverage: Coverage) -> str:
    return coverage.state


def _column_label(bouwsteen: str, lang: str) -> str:
    return (f"{bouwsteen} " if bouwsteen in BOUWSTENEN_A else "") + bouwsteen_label(bouwsteen, lang)


def _matrix_svg(overview: Overview, lang: str) -> str:
    width = _LABEL_W + _CELL * len(_COLUMNS) + _RIGHT
    height = _HEAD_H + _CELL * len(overview.regions) + 10
    desc = " ".join(
        ft("overview.matrix_desc", lang, region=region_name(r, lang), missing=", ".join(
            bouwsteen_label(b, lang) for b in (*r.missing_a, *r.missing_b, *r.missing_c)
        ))
        if (r.missing_a or r.missing_b or r.missing_c)
        else ft("overview.matrix_desc_none", lang, region=region_name(r, lang))
        for r in overview.regions
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="matrix-title matrix-desc" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-size="12" '
        'font-family="Segoe UI, Liberation Sans, DejaVu Sans, Arial, sans-serif">',
        f'<title id="matrix-title">{_e(ft("overview.matrix", lang))}</title>',
        f'<desc id="matrix-desc">{_e(desc)}</desc>',
    ]
    for index, bouwsteen in enumerate(_COLUMNS):
        x = _LABEL_W + _CELL * index + _CELL / 2
        label = _column_label(bouwsteen, lang)
        parts.append(
            f'<text x="{x:.0f}" y="{_HEAD_H - 6}" transform="rotate(-55 {x:.0f} {_HEAD_H - 6})">{_e(_fit(label, 34))}</text>'
        )
    for group, start, count in (("A", 0, 3), ("B", 3, 3), ("C", 6, 4)):
        x = _LABEL_W + _CELL * start
        parts.append(
            f'<line x1="{x}" y1="{_HEAD_H - 2}" x2="{x + _CELL * count - 4}" y2="{_HEAD_H - 2}" stroke="#1c2230" stroke-width="2"/>'
        )
        parts.append(f'<text x="{x}" y="14" font-weight="700">{group}</text>')
    for row, region in enumerate(overview.regions):
        y = _HEAD_H + _CELL * row
        parts.append(
            f'<text x="{_LABEL_W - 8}" y="{y + _CELL / 2 + 4:.0f}" text-anchor="end">{_e(_fit(region_name(region, lang), 24))}</text>'
        )
        for index, bouwsteen in enumerate(_COLUMNS):
            coverage = region.of(bouwsteen)
            state = _cell_state(coverage)
            x = _LABEL_W + _CELL * index
            text = str(len(coverage.present)) if coverage.covered else _SVG_MARK[state]
            parts.append(
                f'<rect x="{x}" y="{y}" width="{_CELL - 4}" height="{_CELL - 4}" rx="3" fill="{_SVG_FILL[state]}"/>'
                f'<text x="{x + (_CELL - 4) / 2:.0f}" y="{y + (_CELL - 4) / 2 + 5:.0f}" text-anchor="middle" '
                f'font-weight="700">{text}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _matrix_table(overview: Overview, lang: str) -> str:
    heads = "".join(
        f'<th scope="col" class="c">{_e(_column_label(b, lang))}</th>' for b in _COLUMNS
    )
    rows = []
    for region in overview.regions:
        cells = []
        for bouwsteen in _COLUMNS:
            coverage = region.of(bouwsteen)
            state = _cell_state(coverage)
            word = ft(f"overview.legend.{state}", lang)
            count = f" ({len(coverage.present)})" if coverage.covered else (
                f" ({len(coverage.partly)})" if coverage.partly else ""
            )
            cells.append(f'<td class="c m-{state}">{_e(word)}{count}</td>')
        rows.append(f'<tr><th scope="row">{_e(region_name(region, lang))}</th>{"".join(cells)}</tr>')
    return (
        '<table class="matrix">'
        f"<caption>{_e(ft('overview.matrix_table', lang))}</caption>"
        f'<thead><tr><th scope="col">{_e(ft("overview.col.region", lang))}</th>{heads}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _region_html(region: RegionOverview, index: int, lang: str) -> str:
    parts = [
        f'<section class="region" id="regio-{index}">',
        f"<h2>{_e(_region_heading(region, lang))}</h2>",
        f'<p class="muted">{_e(_region_counts(region, lang))} · {_e(_region_dagdelen(region, lang))}</p>',
        f'<p class="missing"><strong>{_e(ft("overview.missing", lang))}:</strong> {_e(_missing_sentence(region, lang))}</p>',
        "<dl class=\"blocks\">",
    ]
    for bouwsteen in BOUWSTENEN_A:
        coverage = region.of(bouwsteen)
        parts.append(
            f"<div><dt>{_e(bouwsteen)} {_e(bouwsteen_label(bouwsteen, lang))}</dt>"
            f"<dd>{_e(_a_status(coverage, region.initiatives, lang))}</dd></div>"
        )
    for bouwsteen in BOUWSTENEN_B + BOUWSTENEN_C:
        coverage = region.of(bouwsteen)
        value = (
            f'<span class="oc-voldoet">✔</span> {_e(ft("overview.offered_by", lang, names=_names(coverage.present, lang, limit=12)))}'
            if coverage.covered
            else f'<span class="oc-onbekend">? {_e(ft("overview.legend.unknown", lang))}</span>'
            if coverage.state == "unknown"
            else f'<span class="oc-voldoet_niet">✘ {_e(ft("overview.legend.missing", lang))}</span>'
        )
        parts.append(f"<div><dt>{_e(bouwsteen_label(bouwsteen, lang))}</dt><dd>{value}</dd></div>")
    parts.append("</dl>")
    for gemeente in region.gemeenten:
        name = clean(gemeente.naam) if gemeente.naam else ft("overview.no_gemeente", lang)
        parts.append(
            f'<h3>{_e(name)} <span class="muted">· {_e(_gemeente_dagdelen(gemeente, lang))}</span></h3>'
        )
        heads = "".join(f'<th scope="col" class="c" title="{_e(bouwsteen_label(b, lang))}">{b}</th>' for b in BOUWSTENEN_A)
        parts.append(
            "<table><thead><tr>"
            f'<th scope="col">{_e(t("col.initiative", lang))}</th>'
            f'<th scope="col" class="num">{_e(ft("overview.col.dagdelen", lang))}</th>{heads}'
            f'<th scope="col">{_e(ft("overview.col.verdict", lang))}</th>'
            f'<th scope="col">{_e(ft("overview.col.regional", lang))}</th></tr></thead><tbody>'
        )
        for entry in gemeente.initiatives:
            dagdelen = "?" if entry.dagdelen_open is None else str(entry.dagdelen_open)
            cells = "".join(_outcome_cell(o, lang) for o in entry.bouwstenen_a)
            regional = ", ".join(bouwsteen_label(s, lang) for s in entry.regional) or "–"
            parts.append(
                f'<tr><td><strong>{_e(entry.naam)}</strong><div class="file">{_e(entry.source)}</div></td>'
                f'<td class="num">{dagdelen}</td>{cells}'
                f'<td class="v-{entry.verdict.value}">{_e(verdict_short(entry.verdict, lang))}</td>'
                f"<td>{_e(regional)}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "\n".join(parts)


_OVERVIEW_CSS = """
.blocks { display: grid; grid-template-columns: max-content 1fr; gap: .6mm 6mm; margin: 2mm 0; }
.blocks div { display: contents; }
.blocks dt { color: var(--muted); }
.blocks dd { margin: 0; }
.missing { border-left: 5px solid var(--bad); background: var(--soft); padding: 2mm 3mm; }
.matrix { table-layout: fixed; width: 100%; }
.matrix th, .matrix td { font-size: 8.5pt; padding: 1mm; }
.matrix thead th { white-space: normal; overflow-wrap: anywhere; hyphens: auto; vertical-align: bottom; }
.m-covered { background: #cfe8d6; } .m-partly { background: #f3e2bd; } .m-unknown { background: #e4e4e4; } .m-missing { background: #f4cfd0; font-weight: 700; }
svg { max-width: 100%; height: auto; }
svg text { fill: #1c2230; }
.region { break-before: page; }
@media screen { .region { break-before: auto; } }
"""


def render_overview_html(overview: Overview, *, lang: str = "nl") -> str:
    _check_lang(lang)
    body = [
        "<header>",
        f"<h1>{_e(ft('overview.title', lang))}</h1>",
        f'<p class="subtitle">{_e(ft("overview.subtitle", lang))}</p>',
        f'<p class="subtitle">{_e(t("report.peildatum", lang))}: {_e(format_date(overview.peildatum, lang))}</p>',
        "</header><main>",
    ]
    if not overview.regions:
        body.append(f"<p>{_e(ft('overview.empty', lang))}</p>")
    else:
        missing = "".join(
            f"<li><strong>{_e(region_name(r, lang))}</strong>: {_e(_missing_sentence(r, lang))}</li>"
            for r in overview.regions
        )
        legend = " · ".join(
            f'<span class="m-{state}">&nbsp;{_e(ft(f"overview.legend.{state}", lang))}&nbsp;</span>'
            for state in ("covered", "partly", "unknown", "missing")
        )
        body += [
            f"<h2>{_e(ft('overview.missing_heading', lang))}</h2>",
            f"<ul>{missing}</ul>",
            f"<h2>{_e(ft('overview.matrix', lang))}</h2>",
            f"<p>{_e(ft('overview.matrix_intro', lang))}</p>",
            f"<figure>{_matrix_svg(overview, lang)}<figcaption>{legend}</figcaption></figure>",
            _matrix_table(overview, lang),
            f'<p class="muted">{_e(ft("overview.note", lang))}</p>',
        ]
        body += [_region_html(region, index, lang) for index, region in enumerate(overview.regions, start=1)]
    if overview.problems:
        items = "".join(f"<li>{_e(problem_text(p))}</li>" for p in overview.problems)
        body.append(f"<h2>{_e(t('section.problems', lang))}</h2><ul class=\"problem\">{items}</ul>")
    body.append(
        f"</main><footer><p>{_e(ft('made_with', lang))} · {_e(format_date(overview.peildatum, lang))}</p></footer>"
    )
    return _html_document(ft("overview.title", lang), lang, body, css=_OVERVIEW_CSS)


def _outcome_json(outcome: Outcome | None) -> str | None:
    return None if outcome is None else outcome.value


def overview_document(overview: Overview, lang: str = "nl") -> dict[str, Any]:
    _check_lang(lang)

    def coverage(c: Coverage) -> dict[str, Any]:
        return {
            "bouwsteen": c.bouwsteen,
            "label": bouwsteen_label(c.bouwsteen, lang),
            "covered": c.covered,
            "state": c.state,
            "present": [_s(n) for n in c.present],
            "partly": [_s(n) for n in c.partly],
            "unknown": [_s(n) for n in c.unknown],
        }

    regions = []
    for region in overview.regions:
        regions.append(
            {
                "regio": None if region.naam is None or not region.stated else _s(region.naam),
                "label": region_name(region, lang),
                "initiatives": region.initiatives,
                "dagdelen_open": region.dagdelen_open,
                "dagdelen_unknown": region.dagdelen_unknown,
                "missing": {"a": list(region.missing_a), "b": list(region.missing_b), "c": list(region.missing_c)},
                "open": list(region.open),
                "coverage": [coverage(c) for c in region.coverage],
                "gemeenten": [
                    {
                        "gemeente": None if g.naam is None else _s(g.naam),
                        "dagdelen_open": g.dagdelen_open,
                        "dagdelen_unknown": g.dagdelen_unknown,
                        "initiatives": [
                            {
                                "naam": _s(i.naam),
                                "source": _s(i.source),
                                "dagdelen_open": i.dagdelen_open,
                                "verdict": i.verdict.value,
                                "bouwstenen_a": {b: _outcome_json(o) for b, o in zip(BOUWSTENEN_A, i.bouwstenen_a)},
                                "regional": list(i.regional),
                            }
                            for i in g.initiatives
                        ],
                    }
                    for g in region.gemeenten
                ],
            }
        )
    return {
        "format_version": FORMAT_VERSION,
        "kind": "overview",
        "lang": lang,
        "peildatum": overview.peildatum.isoformat(),
        "initiatives": overview.initiatives,
        "regions": regions,
        "problems": [problem_json(p) for p in overview.problems],
    }


def render_overview(fmt: str, overview: Overview, *, lang: str = "nl") -> str:
    if fmt == "text":
        return render_overview_text(overview, lang=lang)
    if fmt == "html":
        return render_overview_html(overview, lang=lang)
    if fmt == "json":
        return _json(overview_document(overview, lang))
    raise ValueError(f"unknown overview format {fmt!r}; choose one of: {', '.join(OVERVIEW_FORMATS)}")


# --- diff ------------------------------------------------------------------------------------------------

def _outcome_text(outcome: Outcome | None, lang: str) -> str:
    if outcome is None:
        return ft("diff.absent", lang)
    return f"{OUTCOME_SYMBOL[outcome]} {t(f'outcome.{outcome.value}', lang)}"


def _verdict_line(diff: ProfileDiff, lang: str) -> str:
    old = t(f"verdict.{diff.old_verdict.value}", lang)
    new = t(f"verdict.{diff.new_verdict.value}", lang)
    if diff.verdict_changed:
        return ft("diff.verdict_changed", lang, old=old, new=new)
    return ft("diff.verdict_same", lang, verdict=new)


def _plan_detail(plan: PlanProgress, lang: str) -> str:
    parts = [ft(f"diff.status.{plan.status.value}", lang)]
    if plan.realised_by is RealisedBy.marked:
        parts.append(ft("diff.realised.gemarkeerd", lang))
    elif plan.realised_by is RealisedBy.criteria:
        parts.append(ft("diff.realised.criteria", lang, ids=", ".join(plan.betreft)))
    old, new = plan.streefdatum, plan.new_streefdatum
    if old is not None and new is not None and old != new:
        parts.append(ft("diff.moved", lang, old=format_date(old, lang), new=format_date(new, lang)))
    else:
        date = new or old
        parts.append(
            t("plan.target", lang, date=format_date(date, lang)) if date is not None else t("plan.no_target", lang)
        )
    return "; ".join(parts)


_PLAN_SYMBOL: Final = {
    PlanStatus.realised: "✔",
    PlanStatus.overdue: "⚠",
    PlanStatus.open: "…",
    PlanStatus.dropped: "–",
}


def _result_line(diff: ProfileDiff, lang: str) -> str:
    return ft(
        "diff.result",
        lang,
        improved=len(diff.improved),
        regressed=len(diff.regressed),
        realised=len(diff.plans_with(PlanStatus.realised)),
        overdue=len(diff.plans_with(PlanStatus.overdue)),
    )


def _change_sections(diff: ProfileDiff) -> list[tuple[str, tuple[RuleChange, ...]]]:
    return [
        ("diff.improved", diff.improved),
        ("diff.regressed", diff.regressed),
        ("diff.changed", diff.of_kind(ChangeKind.changed)),
    ]


def _plan_lines(plan: PlanProgress, lang: str) -> list[str]:
    head = f"{_PLAN_SYMBOL[plan.status]} [{', '.join(clean(i) for i in plan.betreft)}] {clean(plan.stap)}"
    return _wrap(head, "  ", "      ") + _wrap(_plan_detail(plan, lang), "      ", "      ")


def render_diff_text(diff: ProfileDiff, *, lang: str = "nl") -> str:
    _check_lang(lang)
    lines = [
        f"{ft('diff.title', lang)}: {clean(diff.new_naam)} · {t('report.peildatum', lang).lower()} "
        f"{format_date(diff.peildatum, lang)}",
        f"   {ft('diff.old', lang)}: {clean(diff.old_source)}"
        + (f" ({ft('diff.renamed', lang, name=clean(diff.old_naam))})" if diff.old_naam != diff.new_naam else ""),
        f"   {ft('diff.new', lang)}: {clean(diff.new_source)}",
        "",
        f"{t('verdict.heading', lang)}: {_verdict_line(diff, lang)}",
        _result_line(diff, lang),
    ]
    for key, changes in _change_sections(diff):
        lines += ["", f"{ft(key, lang)} ({len(changes)})"]
        if not changes:
            lines.append(f"  {ft('diff.none', lang)}")
        for change in changes:
            lines += _wrap(
                f"{clean(change.rule_id).ljust(5)} {_outcome_text(change.old, lang)} → {_outcome_text(change.new, lang)}"
                f" · {clean(change.title.get(lang))}",
                "  ",
                "        ",
            )
    lines += ["", ft("diff.unchanged", lang, count=len(diff.of_kind(ChangeKind.unchanged)))]
    lines += ["", ft("diff.plans", lang)]
    if not diff.plans:
        lines.append(f"  {ft('diff.no_plans', lang)}")
    for plan in diff.plans:
        lines += _plan_lines(plan, lang)
    if diff.new_plans:
        lines += ["", ft("diff.new_plans", lang)]
        for plan in diff.new_plans:
            lines += _plan_lines(plan, lang)
    return "\n".join(lines) + "\n"


def render_diff_markdown(diff: ProfileDiff, *, lang: str = "nl") -> str:
    _check_lang(lang)
    lines = [
        f"# {md(ft('diff.title', lang))}: {md(diff.new_naam)}",
        "",
        f"- **{md(t('report.peildatum', lang))}:** {md(format_date(diff.peildatum, lang))}",
        f"- **{md(ft('diff.old', lang))}:** `{clean(diff.old_source).replace('`', '')}`"
        + (f" ({md(ft('diff.renamed', lang, name=diff.old_naam))})" if diff.old_naam != diff.new_naam else ""),
        f"- **{md(ft('diff.new', lang))}:** `{clean(diff.new_source).replace('`', '')}`",
        f"- **{md(t('verdict.heading', lang))}:** {md(_verdict_line(diff, lang))}",
        "",
        md_block(_result_line(diff, lang)),
    ]
    for key, changes in _change_sections(diff):
        lines += ["", f"## {md(ft(key, lang))} ({len(changes)})", ""]
        if not changes:
            lines.append(md_block(ft("diff.none", lang)))
            continue
        lines += [
            f"| {md(t('col.id', lang))} | {md(t('col.criterion', lang))} | {md(ft('diff.old', lang))} "
            f"| {md(ft('diff.new', lang))} |",
            "|---|---|---|---|",
        ]
        for change in changes:
            lines.append(
                f"| {md(change.rule_id)} | {md(change.title.get(lang))} | {md(_outcome_text(change.old, lang))} "
                f"| {md(_outcome_text(change.new, lang))} |"
            )
    lines += ["", md_block(ft("diff.unchanged", lang, count=len(diff.of_kind(ChangeKind.unchanged))))]
    for key, plans, empty in (
        ("diff.plans", diff.plans, ft("diff.no_plans", lang)),
        ("diff.new_plans", diff.new_plans, None),
    ):
        if not plans and empty is None:
            continue
        lines += ["", f"## {md(ft(key, lang))}", ""]
        if not plans:
            lines.append(md_block(empty))
        for plan in plans:
            lines.append(
                f"- {_PLAN_SYMBOL[plan.status]} **{md(', '.join(plan.betreft))}** {md(plan.stap)} "
                f"— {md(_plan_detail(plan, lang))}"
            )
    return "\n".join(lines) + "\n"


def _date(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def diff_document(diff: ProfileDiff, lang: str = "nl") -> dict[str, Any]:
    _check_lang(lang)

    def change(c: RuleChange) -> dict[str, Any]:
        return {
            "rule_id": _s(c.rule_id),
            "group": _s(c.group),
            "title": _s(c.title.get(lang)),
            "severity": c.severity.value,
            "old": _outcome_json(c.old),
            "new": _outcome_json(c.new),
            "change": c.kind.value,
        }

    def plan(p: PlanProgress) -> dict[str, Any]:
        return {
            "stap": _s(p.stap),
            "betreft": [_s(i) for i in p.betreft],
            "streefdatum": _date(p.streefdatum),
            "new_streefdatum": _date(p.new_streefdatum),
            "status": p.status.value,
            "realised_by": None if p.realised_by is None else p.realised_by.value,
        }

    return {
        "format_version": FORMAT_VERSION,
        "kind": "diff",
        "lang": lang,
        "peildatum": diff.peildatum.isoformat(),
        "old": {"source": _s(diff.old_source), "naam": _s(diff.old_naam), "verdict": diff.old_verdict.value},
        "new": {"source": _s(diff.new_source), "naam": _s(diff.new_naam), "verdict": diff.new_verdict.value},
        "verdict_changed": diff.verdict_changed,
        "counts": {kind.value: len(diff.of_kind(kind)) for kind in ChangeKind},
        "changes": [change(c) for c in diff.changes if c.kind is not ChangeKind.unchanged],
        "plans": [plan(p) for p in diff.plans],
        "new_plans": [plan(p) for p in diff.new_plans],
    }


def render_diff(fmt: str, diff: ProfileDiff, *, lang: str = "nl") -> str:
    if fmt == "text":
        return render_diff_text(diff, lang=lang)
    if fmt == "markdown":
        return render_diff_markdown(diff, lang=lang)
    if fmt == "json":
        return _json(diff_document(diff, lang))
    raise ValueError(f"unknown diff format {fmt!r}; choose one of: {', '.join(DIFF_FORMATS)}")


__all__ = [
    "DIFF_FORMATS", "OVERVIEW_FORMATS", "SUMMARY_FORMATS", "bouwsteen_label", "diff_document", "ft",
    "overview_document", "render_diff", "render_overview", "render_summary", "verdict_short",
]
