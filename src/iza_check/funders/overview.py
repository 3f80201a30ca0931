"""The regional overview: step 1 of the municipalities' stappenplan, "what is already there?" (004).

Per regio and per gemeente: which initiatives there are, how many dagdelen they are open, which of the
bouwstenen A (B1–B3) each one realises, and which of the regional bouwstenen B and C (003) exist somewhere in
the region — and, named explicitly, which do not. Bouwstenen B and C belong to a region, not to one
initiative, so they are read from the kinds of activity (``aanbod[].soort``) of all initiatives together.

A bouwsteen is said to be missing only where that is known: every initiative of the region has the
bouwsteen's outcome (A) or a complete list of activities (B, C, see ``aanbod_volledig``); otherwise it is
"nog onbekend". Profiles that name no region are not lumped into one pseudo-region: each gemeente without a
region is a unit of its own, and a profile with neither stands alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from iza_check.assess.findings import FileOutcome, Outcome, ProfileReport, Severity, VerdictKind
from iza_check.problems import Problem
from iza_check.profile.model import Soort

# The bouwstenen A are the catalogue's rules of this group (B1–B3 in the bundled rules); B and C are kinds of activity.
A_GROUP = "bouwstenen"
BOUWSTENEN_B: tuple[str, ...] = (
    Soort.informatie_en_advies.value,
    Soort.individuele_ondersteuning.value,
    Soort.kwaliteitsontwikkeling_ervaringsdeskundigheid.value,
)
BOUWSTENEN_C: tuple[str, ...] = (
    Soort.beleidsparticipatie.value,
    Soort.kwartiermaken.value,
    Soort.deskundigheidsbevordering_professionals.value,
    Soort.ondersteuning_naasten.value,
)
REGIONAL: tuple[str, ...] = BOUWSTENEN_B + BOUWSTENEN_C


@dataclass(frozen=True, slots=True)
class InitiativeEntry:
    naam: str
    source: str
    dagdelen_open: int | None
    verdict: VerdictKind
    bouwstenen_a: tuple[tuple[str, Outcome], ...]  # (rule id, outcome) of the catalogue's bouwstenen A
    regional: tuple[str, ...]  # the bouwstenen B and C it offers, in REGIONAL order
    activities_complete: bool = False  # its list of activities is the whole offer: what is not in it, is not there

    def a_outcomes(self, ids: Iterable[str]) -> tuple[Outcome | None, ...]:
        """The outcomes of bouwstenen A ``ids``; None where its catalogue has no such rule."""
        found = dict(self.bouwstenen_a)
        return tuple(found.get(i) for i in ids)


@dataclass(frozen=True, slots=True)
class GemeenteOverview:
    naam: str | None  # None: the profiles did not say
    initiatives: tuple[InitiativeEntry, ...]

    @property
    def dagdelen_open(self) -> int:
        return sum(i.dagdelen_open or 0 for i in self.initiatives)

    @property
    def dagdelen_unknown(self) -> int:
        return sum(1 for i in self.initiatives if i.dagdelen_open is None)


@dataclass(frozen=True, slots=True)
class Coverage:
    """How one bouwsteen stands in one region."""

    bouwsteen: str  # B1–B3 or a REGIONAL soort
    present: tuple[str, ...]  # names of initiatives that realise it (A: outcome voldoet)
    partly: tuple[str, ...] = ()  # A only: outcome deels
    unknown: tuple[str, ...] = ()  # initiatives of which it is not known (onbekend, or an incomplete list)

    @property
    def covered(self) -> bool:
        return bool(self.present)

    @property
    def known_missing(self) -> bool:
        """Nobody realises it (fully), and that is known of every initiative."""
        return not self.present and not self.unknown

    @property
    def state(self) -> str:
        """covered, partly, unknown or missing."""
        if self.present:
            return "covered"
        if self.partly:
            return "partly"
        return "unknown" if self.unknown else "missing"


@dataclass(frozen=True, slots=True)
class RegionOverview:
    naam: str | None  # the regio; without one, the gemeente or the initiative that stands alone (see stated)
    gemeenten: tuple[GemeenteOverview, ...]
    coverage: tuple[Coverage, ...]  # the bouwstenen A (Overview.bouwstenen_a), then REGIONAL, in that order
    stated: bool = True  # False: the profiles name no regio, and naam is their gemeente (or the initiative)

    @property
    def initiatives(self) -> int:
        return sum(len(g.initiatives) for g in self.gemeenten)

    @property
    def dagdelen_open(self) -> int:
        return sum(g.dagdelen_open for g in self.gemeenten)

    @property
    def dagdelen_unknown(self) -> int:
        return sum(g.dagdelen_unknown for g in self.gemeenten)

    @property
    def bouwstenen_a(self) -> tuple[str, ...]:
        return tuple(c.bouwsteen for c in self.coverage if c.bouwsteen not in REGIONAL)

    def of(self, bouwsteen: str) -> Coverage:
        return next(c for c in self.coverage if c.bouwsteen == bouwsteen)

    @property
    def missing_a(self) -> tuple[str, ...]:
        return tuple(c.bouwsteen for c in self.coverage if c.bouwsteen not in REGIONAL and c.known_missing)

    @property
    def missing_b(self) -> tuple[str, ...]:
        return tuple(c.bouwsteen for c in self.coverage if c.bouwsteen in BOUWSTENEN_B and c.known_missing)

    @property
    def missing_c(self) -> tuple[str, ...]:
        return tuple(c.bouwsteen for c in self.coverage if c.bouwsteen in BOUWSTENEN_C and c.known_missing)

    @property
    def open(self) -> tuple[str, ...]:
        """Bouwstenen that nobody is known to realise, but that may be there: not known to be missing."""
        return tuple(c.bouwsteen for c in self.coverage if c.state == "unknown")


@dataclass(frozen=True, slots=True)
class Overview:
    peildatum: dt.date
    regions: tuple[RegionOverview, ...]
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    bouwstenen_a: tuple[str, ...] = ()  # the ids of the bouwstenen A in the catalogue's order

    @property
    def initiatives(self) -> int:
        return sum(r.initiatives for r in self.regions)


def entry_for(report: ProfileReport) -> InitiativeEntry:
    offered = set(report.activiteiten)
    return InitiativeEntry(
        naam=report.naam,
        source=report.source,
        dagdelen_open=report.dagdelen_open,
        verdict=report.verdict.kind,
        bouwstenen_a=tuple(
            (f.rule_id, f.outcome)
            for f in report.findings
            if f.group == A_GROUP and f.severity is not Severity.informatief
        ),
        regional=tuple(s for s in REGIONAL if s in offered),
        activities_complete=report.activiteiten_volledig,
    )


def _key(name: str | None) -> str | None:
    """Group "Utrecht", "utrecht " and "UTRECHT" together; a blank name counts as none."""
    if name is None or not name.strip():
        return None
    return " ".join(name.split()).casefold()


def _coverage(initiatives: list[InitiativeEntry], a_ids: tuple[str, ...]) -> tuple[Coverage, ...]:
    result = []
    for bouwsteen in a_ids:
        outcomes = [(i.naam, i.a_outcomes((bouwsteen,))[0]) for i in initiatives]
        present = tuple(naam for naam, o in outcomes if o is Outcome.voldoet)
        partly = tuple(naam for naam, o in outcomes if o is Outcome.deels)
        unknown = tuple(naam for naam, o in outcomes if o in (Outcome.onbekend, None))
        result.append(Coverage(bouwsteen, present, partly, unknown))
    for soort in REGIONAL:
        present = tuple(i.naam for i in initiatives if soort in i.regional)
        unknown = tuple(i.naam for i in initiatives if soort not in i.regional and not i.activities_complete)
        result.append(Coverage(soort, present, (), unknown))
    return tuple(result)


class OverviewBuilder:
    """Collects small entries one outcome at a time; full reports are not kept."""

    def __init__(self, peildatum: dt.date) -> None:
        self.peildatum = peildatum
        self._entries: dict[str, dict[str | None, list[InitiativeEntry]]] = {}
        self._names: dict[str | None, str] = {}
        self._problems: list[Problem] = []

    def add(self, outcome: FileOutcome) -> None:
        self._problems.extend(outcome.problems)
        report = outcome.report
        if report is None:
            return
        regio, gemeente = _key(report.regio), _key(report.gemeente)
        if regio is None:
            # No pseudo-region: a gemeente without a regio is a unit of its own, an initiative with neither too.
            unit = gemeente if gemeente is not None else f"{report.naam}\x00{report.source}"
            regio = f"\x01{unit}"
            self._names.setdefault(regio, " ".join((report.gemeente or report.naam).split()))
        # The first spelling seen names the group, so output does not depend on casefolding.
        self._names.setdefault(regio, " ".join((report.regio or "").split()))
        gemeente_label = None if gemeente is None else f"{regio}\x00{gemeente}"
        if gemeente_label is not None:
            self._names.setdefault(gemeente_label, " ".join((report.gemeente or "").split()))
        self._entries.setdefault(regio, {}).setdefault(gemeente_label, []).append(entry_for(report))

    def build(self) -> Overview:
        regions = []
        a_ids = tuple(
            dict.fromkeys(
                rule_id
                for by_gemeente in self._entries.values()
                for entries in by_gemeente.values()
                for entry in entries
                for rule_id, _ in entry.bouwstenen_a
            )
        )
        # Stated regions first, then the units without one; each by name.
        for regio in sorted(self._entries, key=lambda k: (k.startswith("\x01"), self._names[k].casefold(), k)):
            by_gemeente = self._entries[regio]
            gemeenten = []
            everyone: list[InitiativeEntry] = []
            for label in sorted(by_gemeente, key=lambda k: (k is None, self._names.get(k, "").casefold() if k else "")):
                entries = sorted(by_gemeente[label], key=lambda e: (e.naam.casefold(), e.source))
                everyone.extend(entries)
                gemeenten.append(GemeenteOverview(self._names.get(label) if label else None, tuple(entries)))
            regions.append(
                RegionOverview(
                    self._names[regio], tuple(gemeenten), _coverage(everyone, a_ids), not regio.startswith("\x01")
                )
            )
        return Overview(self.peildatum, tuple(regions), tuple(self._problems), a_ids)


def build_overview(outcomes: Iterable[FileOutcome], peildatum: dt.date) -> Overview:
    builder = OverviewBuilder(peildatum)
    for outcome in outcomes:
        builder.add(outcome)
    return builder.build()
