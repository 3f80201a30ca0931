"""The regional overview as text: per region its counts, what is missing, bouwstenen A, B and C and every
initiative per gemeente, then what is missing in each region together."""

from __future__ import annotations

from iza_check.funders.overview import BOUWSTENEN_B, BOUWSTENEN_C, Overview, RegionOverview
from iza_check.i18n import format_date, t
from iza_check.report._common import clean, problem_text
from iza_check.report.funder_common import bouwsteen_label, ft, verdict_short
from iza_check.report.funder_common import check_lang as _check_lang
from iza_check.report.funder_common import count_text as _count
from iza_check.report.funder_common import legend_outcomes as _legend_outcomes
from iza_check.report.funder_common import symbol as _symbol
from iza_check.report.funder_common import wrap as _wrap
from iza_check.report.overview_common import a_status as _a_status
from iza_check.report.overview_common import gemeente_dagdelen as _gemeente_dagdelen
from iza_check.report.overview_common import initiative_names as _names
from iza_check.report.overview_common import missing_groups as _missing_groups
from iza_check.report.overview_common import region_counts as _region_counts
from iza_check.report.overview_common import region_dagdelen as _region_dagdelen
from iza_check.report.overview_common import region_heading as _region_heading
from iza_check.report.overview_common import region_name


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
    for bouwsteen in region.bouwstenen_a:
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
        initiatives = _count("overview.initiatives", len(gemeente.initiatives), lang)
        lines += ["", f"   {name} — {initiatives} · {_gemeente_dagdelen(gemeente, lang)}"]
        for entry in gemeente.initiatives:
            dagdelen = "?" if entry.dagdelen_open is None else str(entry.dagdelen_open)
            ids = region.bouwstenen_a
            blocks = " ".join(f"{b} {_symbol(o) or ' '}" for b, o in zip(ids, entry.a_outcomes(ids), strict=True))
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
