"""The overall verdict per profile: the verdict model of criteria.md, derived from the IZA text (002 §2).

- ``past``: all ten kenmerken are met (*past bij de 10 kenmerken*; whether the initiative joins the
  network is the funder's and the region's decision, not the tool's).
- ``groeiroute``: not all met, but the core of a steunpunt is there: K2 (herstelaanbod) and K3
  (co-creation) each at least *deels* — the potential the source names.
- ``niet_op_voorhand``: the core is missing: K2 or K3 *voldoet niet* (the source's own example is a
  welcoming place with neither herstelaanbod nor co-creation).
- ``onvoldoende_gegevens``: the unknowns leave more than one of these possible.

The verdict is decided on the known facts first: every *onbekend* kenmerk is taken as *voldoet* (the
best case; *deels* when its known facts already rule out *voldoet*) and as *voldoet niet* (the worst case;
*deels* when its known facts already rule out *voldoet niet*). The verdict is monotone in each kenmerk, so when the
two cases agree every filling-in of the unknowns gives that verdict, and it is marked *voorlopig* with
the unknowns named; when they differ, every verdict between them is possible, and the unknown kenmerken
that move it are named with the facts that would settle them.

A rule outcome *n.v.t.* counts as met. Intention (the plans, ``in_ontwikkeling``) is shown beside the
verdict, never instead of a fact. Only the rules the catalogue marks with ``oordeel`` (K1–K10; ``kern``: K2
and K3) decide the verdict; quality and bouwstenen gaps are reported beside it, never hidden in it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from iza_check.assess.findings import Finding, Outcome, PlanRef, Text, Verdict, VerdictKind

_MET = (Outcome.voldoet, Outcome.nvt)
_AT_LEAST_PART = (Outcome.voldoet, Outcome.deels, Outcome.nvt)
# From the worst verdict to the best; the verdict never gets worse when a kenmerk gets better.
_ORDER = (VerdictKind.niet_op_voorhand, VerdictKind.groeiroute, VerdictKind.past)

_LABEL = {
    VerdictKind.past: Text(nl="past bij de 10 kenmerken", en="fits the 10 kenmerken"),
    VerdictKind.groeiroute: Text(nl="op de groeiroute", en="on the growth route"),
    VerdictKind.niet_op_voorhand: Text(nl="past niet op voorhand", en="does not fit a priori"),
}


def classify(outcomes: Mapping[str, Outcome], core: Sequence[str]) -> VerdictKind:
    """The verdict for kenmerk outcomes without unknowns; ``core`` names the kenmerken that are the core."""
    if all(outcome in _MET for outcome in outcomes.values()):
        return VerdictKind.past
    if all(outcomes[k] in _AT_LEAST_PART for k in core):
        return VerdictKind.groeiroute
    return VerdictKind.niet_op_voorhand


class _Bounds:
    """What the known facts already settle about the onbekend kenmerken: deels at best (``ceilings``) or at
    least (``floors``)."""

    def __init__(self, by_id: Mapping[str, Finding]) -> None:
        unknown = [f for f in by_id.values() if f.outcome is Outcome.onbekend]
        self.ceilings = {f.rule_id: f.at_best for f in unknown if f.at_best is not None}
        self.floors = {f.rule_id: f.at_least for f in unknown if f.at_least is not None}

    def best(self, k: str) -> Outcome:
        return self.ceilings.get(k, Outcome.voldoet)

    def worst(self, k: str) -> Outcome:
        return self.floors.get(k, Outcome.voldoet_niet)

    def filled(self, outcomes: Mapping[str, Outcome], unknown: Sequence[str], best: bool) -> dict[str, Outcome]:
        """The outcomes with every unknown at its best (or worst) within what the known facts allow."""
        filled = dict(outcomes)
        for k in unknown:
            filled[k] = self.best(k) if best else self.worst(k)
        return filled


def _ids(ids: Sequence[str]) -> str:
    return ", ".join(ids)


def _current(plans: Sequence[PlanRef]) -> list[PlanRef]:
    return [p for p in plans if not p.gerealiseerd]


def decide(findings: Sequence[Finding]) -> Verdict:
    """The verdict from the findings of the rules that decide it (``Finding.verdict_role``), in catalogue order."""
    by_id = {f.rule_id: f for f in findings if f.decides_verdict}
    kenmerken = tuple(by_id)
    core = tuple(k for k, f in by_id.items() if f.is_core)
    outcomes = {k: by_id[k].outcome for k in kenmerken}
    bounds = _Bounds(by_id)
    unknown = tuple(k for k in kenmerken if outcomes[k] is Outcome.onbekend)
    gaps = tuple(k for k in kenmerken if outcomes[k] in (Outcome.deels, Outcome.voldoet_niet))
    planned = tuple(k for k in gaps if _current(by_id[k].plans))
    # A plan can name several kenmerken: it is overdue (or contradicted) once, not once per kenmerk.
    overdue = {(p.stap, p.line) for k in gaps for p in by_id[k].plans if p.verlopen}
    contradicted = tuple(k for k in gaps if any(p.gerealiseerd for p in by_id[k].plans))

    best = classify(bounds.filled(outcomes, unknown, best=True), core)
    worst = classify(bounds.filled(outcomes, unknown, best=False), core)
    possible = _ORDER[_ORDER.index(worst) : _ORDER.index(best) + 1]
    deciding = _deciding(outcomes, unknown, best, worst, bounds, core)
    common: dict[str, Any] = {
        "missing_kenmerken": gaps,
        "unknown_kenmerken": unknown,
        "planned_kenmerken": planned,
        "overdue_plans": len(overdue),
        "realised_with_gap": contradicted,
        "possible": possible,
        "deciding_kenmerken": deciding,
    }
    if best is not worst:
        return Verdict(VerdictKind.onvoldoende_gegevens, _undecided_text(possible, deciding, by_id), **common)
    kind = best
    # Not all met: the gaps, and the unknowns whose known facts already rule out voldoet.
    short = gaps + tuple(k for k in unknown if k in bounds.ceilings)
    summary = {
        VerdictKind.past: _past_text,
        VerdictKind.groeiroute: _growth_text,
        VerdictKind.niet_op_voorhand: _not_a_priori_text,
    }[kind](core, short, by_id)
    if unknown:
        summary = _join(
            summary,
            Text(
                nl=f"Dit oordeel is voorlopig: over {_ids(unknown)} geeft het profiel nog te weinig feiten, maar "
                "wat daar ook blijkt, het oordeel blijft hetzelfde.",
                en=f"This verdict is provisional: the profile gives too few facts about {_ids(unknown)}, but "
                "whatever they turn out to be, the verdict stays the same.",
            ),
        )
    if contradicted:
        summary = _join(
            summary,
            Text(
                nl=f"Let op: bij {_ids(contradicted)} staat een plan als gerealiseerd, terwijl het kenmerk nog "
                "niet (helemaal) aanwezig is. Klopt het plan, of moeten de feiten worden bijgewerkt?",
                en=f"Note: for {_ids(contradicted)} a plan is marked as realised while the kenmerk is not "
                "(fully) in place yet. Is the plan right, or do the facts need updating?",
            ),
        )
    return Verdict(kind, summary, voorlopig=bool(unknown), **common)


def _deciding(
    outcomes: Mapping[str, Outcome],
    unknown: Sequence[str],
    best: VerdictKind,
    worst: VerdictKind,
    bounds: _Bounds,
    core: Sequence[str],
) -> tuple[str, ...]:
    """The unknown kenmerken that on their own can move the verdict between the best and worst case."""
    if best is worst:
        return ()
    others_best = bounds.filled(outcomes, unknown, best=True)
    others_worst = bounds.filled(outcomes, unknown, best=False)
    out = []
    for k in unknown:
        moves_best = classify({**others_best, k: bounds.worst(k)}, core) is not best
        moves_worst = classify({**others_worst, k: bounds.best(k)}, core) is not worst
        if moves_best or moves_worst:
            out.append(k)
    return tuple(out)


def _join(first: Text, second: Text) -> Text:
    return Text(nl=f"{first.nl} {second.nl}", en=f"{first.en} {second.en}")


def _past_text(_core: Sequence[str], _gaps: Sequence[str], _by_id: Mapping[str, Finding]) -> Text:
    return Text(
        nl="Het initiatief past bij alle 10 kenmerken van een laagdrempelig steunpunt. Of het deel uitmaakt "
        "van het regionale netwerk, beslissen de financier en de regio samen met het initiatief.",
        en="The initiative fits all 10 kenmerken of a low-threshold support point. Whether it is part of the "
        "regional network is for the funder and the region to decide together with the initiative.",
    )


# The bundled core kenmerken in a few words; a region's own core rule is named by its title.
_CORE_WORDS = {
    "K2": Text(nl="een herstelaanbod (K2)", en="a recovery offer (K2)"),
    "K3": Text(nl="samen vormgeven, halen én brengen (K3)", en="shaping it together, taking and giving (K3)"),
}


def _core_words(ids: Sequence[str], by_id: Mapping[str, Finding]) -> Text:
    words = [_CORE_WORDS.get(k) or Text(nl=f"{k} ({by_id[k].title.nl})", en=f"{k} ({by_id[k].title.en})") for k in ids]
    return Text(nl=_listed([w.nl for w in words], "en"), en=_listed([w.en for w in words], "and"))


def _growth_text(core: Sequence[str], short: Sequence[str], by_id: Mapping[str, Finding]) -> Text:
    whole = [k for k in core if by_id[k].outcome in _MET]
    if len(whole) == len(core):
        words = _core_words(core, by_id)
        core_text = Text(nl=f"De kern van een steunpunt is er: {words.nl}.", en=f"The core of a support point is there: {words.en}.")
    else:
        # The core is there at least in part: met, deels, or onbekend with deels at least.
        part = [k for k in core if by_id[k].outcome is Outcome.deels]
        open_ = [k for k in core if by_id[k].outcome is Outcome.onbekend]
        pieces: list[Text] = []
        for ids, nl_one, nl_more, en_one, en_more in (
            (whole, "is er", "zijn er", "is in place", "are in place"),
            (part, "nog maar ten dele", "nog maar ten dele", "only in part", "only in part"),
            (open_, "in elk geval ten dele", "in elk geval ten dele", "at least in part", "at least in part"),
        ):
            if ids:
                words = _core_words(ids, by_id)
                many = len(ids) > 1
                pieces.append(Text(nl=f"{words.nl} {nl_more if many else nl_one}", en=f"{words.en} {en_more if many else en_one}"))
        core_text = Text(
            nl=f"De kern van een steunpunt is er, ten minste ten dele: {', '.join(p.nl for p in pieces)}.",
            en=f"The core of a support point is there, at least in part: {', '.join(p.en for p in pieces)}.",
        )
    return _join(
        core_text,
        Text(
            nl=f"Nog niet alle kenmerken zijn er ({_ids(short)}): daar ligt de groeiroute. Het programma Regie in "
            "de Regio van MIND kan initiatieven op die route ondersteunen.",
            en=f"Not all kenmerken are in place yet ({_ids(short)}): that is the growth route. MIND's programme "
            "Regie in de Regio can support initiatives on that route.",
        ),
    )


def _not_a_priori_text(core: Sequence[str], _gaps: Sequence[str], by_id: Mapping[str, Finding]) -> Text:
    missing = [k for k in core if by_id[k].outcome is Outcome.voldoet_niet]
    words = _core_words(missing, by_id)
    nl, en = words.nl, words.en
    text = Text(
        nl=f"De kern van een steunpunt ontbreekt nog: {nl}. Daarom past het initiatief niet op voorhand bij "
        "de 10 kenmerken; dat zegt niets over de waarde van wat het nu biedt.",
        en=f"The core of a support point is still missing: {en}. So the initiative does not fit the 10 "
        "kenmerken a priori; that says nothing about the value of what it offers now.",
    )
    planned = [k for k in missing if k in by_id and _current(by_id[k].plans)]
    if planned and len(planned) == len(missing):
        text = _join(
            text,
            Text(
                nl=f"Er staat een plan voor {_ids(planned)}: met dat voornemen is er een groeiroute, en het "
                "programma Regie in de Regio van MIND kan het initiatief daarbij ondersteunen.",
                en=f"There is a plan for {_ids(planned)}: with that intention there is a growth route, and "
                "MIND's programme Regie in de Regio can support the initiative on it.",
            ),
        )
    return text


def _listed(items: Sequence[str], last: str) -> str:
    """``a, b of c`` / ``a, b or c``."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def _undecided_text(possible: Sequence[VerdictKind], deciding: Sequence[str], _by_id: Mapping[str, Finding]) -> Text:
    options_nl = _listed([f"‘{_LABEL[k].nl}’" for k in reversed(possible)], "of")
    options_en = _listed([f"‘{_LABEL[k].en}’" for k in reversed(possible)], "or")
    return Text(
        nl=f"Op de bekende feiten is nog geen oordeel te geven: het kan nog uitkomen op {options_nl}. Dat hangt "
        f"af van {_listed(list(deciding), 'en')}; hieronder staat welke feiten daarvoor nodig zijn. Wat al in "
        "het profiel staat, telt mee.",
        en=f"On the known facts no verdict can be given yet: it can still turn out {options_en}. That depends "
        f"on {_listed(list(deciding), 'and')}; below is which facts are needed for it. What the profile already "
        "says counts.",
    )
