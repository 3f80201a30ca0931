"""Declared vs. backed: which outcomes rest on a document, a web address or a date (*onderbouwd*).

Most facts in a profile are the initiative's own statements (*verklaard*). That is fine for a development
conversation, but a funder wants to see which outcomes are backed. Evidence in a profile:

- a ``bewijs`` entry (document, url or datum) beside an object the rules read — a regulation, an activity,
  a partner: it backs the facts of that object (``aanbod[2].bewijs`` backs what ``aanbod[2]`` says);
- a ``bewijs`` entry beside an area (``werkwijze.bewijs``): it backs the criteria it names in ``betreft``
  (an area holds facts for many criteria, so it has to say which); any entry may name criteria;
- a date the sources or the rules attach to a document: when a regulation was adopted
  (``vastgesteld_op``), when the RI&E was done, the date of the oldest VOG.

A date after the peildatum backs nothing: no document is dated in the future (it is a typo, or a plan).

A finding is *onderbouwd* when one of the facts its outcome rests on (``RuleResult.basis``) is backed, or an
entry names its criterion. Evidence never changes an outcome: it shows how firm it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel

from iza_check.assess.findings import EvidenceRef
from iza_check.profile.model import Bewijs, Profile, Regeling, Rie, Vog, _Area

# The areas of a profile, in the order of the model (and of a profile written by init).
AREAS = ("initiatief", "toegang", "werkwijze", "team", "samenwerking", "kwaliteit", "financiering", "bereik")

Marks = dict[str, tuple[int, int]]

# Dated fields that are evidence of the object they stand in: the date of a document.
DATED_FIELDS: dict[type[BaseModel], str] = {Regeling: "vastgesteld_op", Rie: "datum", Vog: "oudste_afgiftedatum"}


@dataclass(frozen=True, slots=True)
class Backing:
    """One piece of evidence: the object whose facts it backs (None for an area) and the criteria it names."""

    ref: EvidenceRef
    backs: str | None
    criteria: frozenset[str]


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith((f"{prefix}.", f"{prefix}["))


def usable(entry: Bewijs, peildatum: dt.date) -> bool:
    """An entry counts when it gives a document, a web address or a date not after the peildatum: a name of
    criteria alone is no evidence."""
    return entry.document is not None or entry.url is not None or (entry.datum is not None and entry.datum <= peildatum)


def _holders(profile: Profile) -> Iterator[tuple[str, BaseModel]]:
    """Every object that can hold evidence, with its path, in the order of the model: the areas, the
    activities (between toegang and werkwijze), the partners, the regulations, the RI&E and the VOG."""
    for area_name in AREAS:
        area = getattr(profile, area_name, None)
        if area is not None:
            yield area_name, area
            if area_name == "samenwerking":
                for index, partner in enumerate(area.partners or ()):
                    yield f"samenwerking.partners[{index}]", partner
            elif area_name == "kwaliteit":
                for name in ("klachtenprocedure", "privacyregeling", "vertrouwenspersoon", "vog", "rie"):
                    part = getattr(area, name, None)
                    if part is not None:
                        yield f"kwaliteit.{name}", part
        if area_name == "toegang":
            for index, activity in enumerate(profile.aanbod or ()):
                yield f"aanbod[{index}]", activity


def _entries(obj: BaseModel, path: str) -> Iterator[tuple[str, Bewijs]]:
    for index, entry in enumerate(getattr(obj, "bewijs", None) or ()):
        yield f"{path}.bewijs[{index}]", entry


def _line(marks: Marks, path: str) -> int | None:
    return marks.get(path, (None, None))[0]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A profile's evidence, indexed: by the criteria entries name, and by the field holding the backed object."""

    backings: tuple[Backing, ...] = ()
    named: dict[str, tuple[Backing, ...]] = field(default_factory=dict)
    # ``aanbod`` for ``aanbod[2]``, ``kwaliteit.rie`` for itself: where a rule's fact path would reach it.
    by_field: dict[str, tuple[Backing, ...]] = field(default_factory=dict)
    # (backed object, facts an outcome rests on) -> whether one of them is of that object: rules share both.
    _backs: dict[tuple[str, tuple[str, ...]], bool] = field(default_factory=dict, compare=False, repr=False)

    def backs(self, obj: str, rests_on: tuple[str, ...]) -> bool:
        """Whether one of the facts ``rests_on`` is a fact of the object at ``obj`` (remembered per profile)."""
        key = (obj, rests_on)
        found = self._backs.get(key)
        if found is None:
            found = self._backs[key] = any(_under(path, obj) for path in rests_on)
        return found

    def __bool__(self) -> bool:
        return bool(self.backings)


def collect(profile: Profile, marks: Marks, peildatum: dt.date) -> Evidence:
    """All evidence in a profile on the peildatum."""
    found: list[Backing] = []
    for path, obj in _holders(profile):
        backs = None if isinstance(obj, _Area) else path  # an area backs only the criteria an entry names
        for where, entry in _entries(obj, path):
            if usable(entry, peildatum):
                url = str(entry.url) if entry.url is not None else None
                ref = EvidenceRef(where, entry.document, url, entry.datum, _line(marks, where))
                found.append(Backing(ref, backs, frozenset(entry.betreft)))
        dated = DATED_FIELDS.get(type(obj))
        day = getattr(obj, dated, None) if dated is not None else None
        if dated is not None and day is not None and day <= peildatum:
            where = f"{path}.{dated}"
            found.append(Backing(EvidenceRef(where, datum=day, line=_line(marks, where)), path, frozenset()))
    if not found:
        return Evidence()
    named: dict[str, list[Backing]] = {}
    by_field: dict[str, list[Backing]] = {}
    for backing in found:
        for criterion in backing.criteria:
            named.setdefault(criterion, []).append(backing)
        if backing.backs is not None:
            by_field.setdefault(backing.backs.split("[", 1)[0], []).append(backing)
    return Evidence(
        tuple(found),
        {key: tuple(items) for key, items in named.items()},
        {key: tuple(items) for key, items in by_field.items()},
    )


def reach(paths: Iterable[str]) -> frozenset[str]:
    """Every field a rule's paths pass through (``kwaliteit``, ``kwaliteit.rie``, ``kwaliteit.rie.datum``): where
    evidence of an object would stand near a fact the rule reads."""
    out: set[str] = set()
    for path in paths:
        parts = path.split(".")
        out.update(".".join(parts[: index + 1]) for index in range(len(parts)))
    return frozenset(out)


def evidence_for(
    rule_id: str,
    fields: frozenset[str],
    evidence: Evidence,
    basis: Callable[[], tuple[str, ...]],
) -> tuple[EvidenceRef, ...]:
    """The evidence that backs a finding: entries naming its criterion, and evidence of an object that holds a
    fact its outcome rests on. ``basis`` gives those facts; it is asked only when evidence stands in a field the
    rule reads (``fields``, see :func:`reach`), because working it out costs more than the rest of the finding."""
    if not evidence:
        return ()
    named = evidence.named.get(rule_id, ())
    if fields.isdisjoint(evidence.by_field):  # no evidence of an object near anything the rule reads
        return tuple(b.ref for b in named)
    chosen = {id(b) for b in named}
    near = [b for key, items in evidence.by_field.items() if key in fields for b in items]
    if near:
        rests_on = basis()
        for backing in near:
            if backing.backs is not None and evidence.backs(backing.backs, rests_on):
                chosen.add(id(backing))
    if not chosen:
        return ()
    return tuple(b.ref for b in evidence.backings if id(b) in chosen)


def criterion_codes(profile: Profile) -> Iterator[tuple[str, str]]:
    """Every criterion code an evidence entry names (``bewijs[].betreft``), with the path where it stands."""
    for path, obj in _holders(profile):
        for where, entry in _entries(obj, path):
            for position, code in enumerate(entry.betreft):
                yield f"{where}.betreft[{position}]", code
