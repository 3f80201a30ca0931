"""The overall verdict per profile, in the IZA text's own terms (002 §2).

- *netwerk*: all ten kenmerken are met.
- *groeiroute*: not all yet, but every kenmerk with a gap has a stated plan (``in_ontwikkeling``).
- *niet op voorhand*: gaps without a plan — e.g. a welcoming place without herstelaanbod and co-creation.
- *onvoldoende gegevens*: too much is onbekend to judge (or only unknowns stand between the profile and the network).

Only K1–K10 decide the verdict; quality and bouwstenen gaps are reported beside it, never hidden in it.
"""

from __future__ import annotations

from collections.abc import Sequence

from iza_check.findings import Finding, Outcome, Text, Verdict, VerdictKind

KENMERKEN = tuple(f"K{n}" for n in range(1, 11))
# With this many kenmerken unknown, any verdict would rest more on guesses than on facts.
MAX_UNKNOWN_FOR_VERDICT = 3


def _ids(ids: Sequence[str]) -> str:
    return ", ".join(ids)


def decide(findings: Sequence[Finding]) -> Verdict:
    by_id = {f.rule_id: f for f in findings if f.rule_id in KENMERKEN}
    unknown = tuple(k for k in KENMERKEN if k not in by_id or by_id[k].outcome is Outcome.onbekend)
    gaps = tuple(k for k in KENMERKEN if k in by_id and by_id[k].is_gap)
    planned = tuple(k for k in gaps if by_id[k].plans)
    overdue = sum(1 for k in gaps for p in by_id[k].plans if p.verlopen)
    common = {
        "missing_kenmerken": gaps,
        "unknown_kenmerken": unknown,
        "planned_kenmerken": planned,
        "overdue_plans": overdue,
    }

    if len(unknown) > MAX_UNKNOWN_FOR_VERDICT or (unknown and not gaps):
        return Verdict(
            VerdictKind.onvoldoende_gegevens,
            Text(
                nl=f"Over {len(unknown)} van de 10 kenmerken geeft het profiel (nog) te weinig feiten "
                f"({_ids(unknown)}). Vul die aan; dan kan het oordeel worden gegeven.",
                en=f"For {len(unknown)} of the 10 kenmerken the profile does not (yet) give enough facts "
                f"({_ids(unknown)}). Add them so that a verdict can be given.",
            ),
            **common,
        )
    if not gaps:
        return Verdict(
            VerdictKind.netwerk,
            Text(
                nl="Het initiatief voldoet aan alle 10 kenmerken en hoort bij het netwerk van "
                "laagdrempelige steunpunten.",
                en="The initiative meets all 10 kenmerken and belongs to the network of low-threshold "
                "support points.",
            ),
            **common,
        )
    if len(planned) == len(gaps):
        return Verdict(
            VerdictKind.groeiroute,
            Text(
                nl=f"Nog niet alle kenmerken zijn er ({_ids(gaps)}), maar voor elk daarvan staat een concreet "
                "plan. Daarmee is het initiatief op weg: het programma Regie in de Regio van MIND "
                "ondersteunt juist zulke initiatieven.",
                en=f"Not all kenmerken are in place yet ({_ids(gaps)}), but each has a concrete plan. The "
                "initiative is on its way: MIND's programme Regie in de Regio supports exactly such initiatives.",
            ),
            **common,
        )
    unplanned = tuple(k for k in gaps if k not in planned)
    return Verdict(
        VerdictKind.niet_op_voorhand,
        Text(
            nl=f"Bij {len(gaps)} kenmerk(en) is er nog een gat ({_ids(gaps)}); voor {_ids(unplanned)} is "
            "nog geen plan beschreven. Het initiatief hoort daarom niet op voorhand bij het netwerk. "
            "Met een concreet plan per kenmerk komt de groeiroute in zicht.",
            en=f"{len(gaps)} kenmerk(en) still show a gap ({_ids(gaps)}); for {_ids(unplanned)} no plan is "
            "described yet. The initiative therefore does not belong to the network a priori. A concrete "
            "plan per kenmerk opens the growth route.",
        ),
        **common,
    )
