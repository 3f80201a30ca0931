"""The funders' commands, ``overview``, ``diff`` and ``dossier``: their options and help; what they do is in
:mod:`iza_check.cli.funders_run`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from iza_check.cli.funders_run import run_diff, run_dossier, run_overview
from iza_check.cli.options import ENGINE
from iza_check.cli.shared import (
    FAIL_ON,
    FAIL_ON_UNKNOWN,
    JOBS,
    LANG,
    MAX_BYTES,
    OUTPUT,
    REFERENCE_DATE,
    RULES,
)
from iza_check.report.diff_formats import DIFF_FORMATS, ROUNDS_FORMATS
from iza_check.report.overview_formats import OVERVIEW_FORMATS


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.today()


@click.command("overview")
@click.argument("dirs", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option(
    "--format", "fmt", type=click.Choice(OVERVIEW_FORMATS), default="text", show_default=True,
    help="Vorm van het overzicht (csv: één rij per initiatief, opent goed in Excel).",
)
@OUTPUT
@LANG
@REFERENCE_DATE
@RULES
@JOBS
@ENGINE
def overview_command(
    dirs: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    lang: str,
    peildatum: object,
    rule_dirs: tuple[Path, ...],
    jobs: int,
) -> None:
    """Regionaal overzicht: wat is er al? (stap 1 van het stappenplan voor gemeenten)

    Per regio en gemeente: welke initiatieven er zijn, hoeveel dagdelen ze open zijn, welke van de
    bouwstenen A (B1–B3) ze invullen, en welke bouwstenen B en C ergens in de regio bestaan en welke
    ontbreken. Profielen zonder regio worden niet op één hoop gegooid: elke gemeente zonder regio staat
    apart, als "Hengelo (geen regio opgegeven)", na de regio's; een profiel zonder regio en gemeente staat
    alleen.

    DIRS zijn mappen of bestanden (mappen worden doorzocht op *.yaml en *.yml).

    \b
    Exitcodes:
      0  overzicht gemaakt (ontbrekende bouwstenen zijn geen fout)
      2  een bestand kon niet worden gelezen (het staat in het overzicht), of geen profielen gevonden
    """
    sys.exit(
        run_overview(
            dirs, fmt=fmt, output=output, lang=lang, rule_dirs=rule_dirs, peildatum=_date(peildatum), jobs=jobs
        )
    )


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path, readable=False))
@click.argument("new", type=click.Path(path_type=Path, readable=False))
@click.option(
    "--format", "fmt", type=click.Choice(tuple(dict.fromkeys((*DIFF_FORMATS, *ROUNDS_FORMATS)))),
    default="text", show_default=True,
    help="Vorm van de vergelijking: text, json of markdown voor twee bestanden; text, html, csv of json voor "
    "twee rondes.",
)
@OUTPUT
@LANG
@REFERENCE_DATE
@RULES
@JOBS
@MAX_BYTES
@ENGINE
def diff_command(
    old: Path,
    new: Path,
    fmt: str,
    output: Path | None,
    lang: str,
    peildatum: object,
    rule_dirs: tuple[Path, ...],
    jobs: int,
    max_bytes: int,
) -> None:
    """Voortgang: vergelijk twee versies van een profiel, of twee rondes.

    Twee bestanden (OLD en NEW): per regel wat beter werd (voldoet niet → deels → voldoet, of onbekend →
    bekend) en wat achteruitging, de verandering van het oordeel, en welke plannen uit OLD gerealiseerd zijn
    (gemeld als gerealiseerd, of het criterium voldoet nu) of over hun streefdatum zijn.

    Twee mappen of patronen (twee rondes aanvragen): welke initiatieven nieuw zijn, welke er niet meer zijn,
    welke vooruit- en welke achteruitgingen (met de regels die bewogen), en welke plannen over hun
    streefdatum zijn. Profielen worden gekoppeld op naam en gemeente (hoofdletters en spaties tellen niet
    mee); een profiel zonder gemeente op zijn pad binnen de ronde. Twee profielen in één ronde met dezelfde
    naam en gemeente worden als probleem gemeld en niet vergeleken.

    \b
    Exitcodes:
      0  geen achteruitgang
      1  minstens één regel ging achteruit (slechtere uitkomst, of bekend → onbekend)
      2  OLD of NEW kon niet worden gelezen; bij rondes: een bestand kon niet worden gelezen
         of twee profielen zijn niet uit elkaar te houden (ze staan in de uitvoer)
    """
    sys.exit(
        run_diff(
            old, new, fmt=fmt, output=output, lang=lang, rule_dirs=rule_dirs, peildatum=_date(peildatum),
            jobs=jobs, max_bytes=max_bytes,
        )
    )


@click.command("dossier")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option(
    "--output-dir",
    "-o",
    "output_dir",
    required=True,
    type=click.Path(path_type=Path),
    metavar="MAP",
    help="De map voor het dossier; wordt gemaakt als die er niet is. Bestaande bestanden die niet bij het "
    "dossier horen, blijven staan.",
)
@LANG
@FAIL_ON
@FAIL_ON_UNKNOWN
@REFERENCE_DATE
@RULES
@JOBS
@MAX_BYTES
@ENGINE
def dossier_command(
    paths: tuple[Path, ...],
    output_dir: Path,
    lang: str,
    fail_on: str,
    fail_on_unknown: bool,
    peildatum: object,
    rule_dirs: tuple[Path, ...],
    jobs: int,
    max_bytes: int,
) -> None:
    """Dossier voor financiers: een map met per profiel het volledige rapport (html) en een index.

    index.html is de samenvatting (één rij per initiatief, te sorteren); de naam van elk initiatief
    verwijst naar zijn eigen rapport. Bestanden die niet gelezen konden worden, staan in de index met hun
    probleem. De naam van elk rapport volgt uit het pad van het profiel (twente/de-kiem.yaml →
    twente--de-kiem.html): dezelfde bij elke run, zonder vreemde tekens, en uniek. Een invoerbestand wordt
    nooit overschreven; elk bestand wordt in één keer geschreven.

    PATHS zijn bestanden, mappen of patronen (mappen worden doorzocht op *.yaml en *.yml).

    \b
    Exitcodes:
      0  dossier gemaakt, geen tekorten op het --fail-on-niveau
      1  tekorten op of boven het --fail-on-niveau
      2  een bestand kon niet worden gelezen (het staat in de index), geen profielen gevonden,
         of de map kon niet worden geschreven
    """
    sys.exit(
        run_dossier(
            paths,
            output_dir=output_dir,
            lang=lang,
            fail_on=fail_on,
            fail_on_unknown=fail_on_unknown,
            rule_dirs=rule_dirs,
            peildatum=_date(peildatum),
            jobs=jobs,
            max_bytes=max_bytes,
        )
    )
