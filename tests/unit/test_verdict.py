"""The verdict model of criteria.md: decided on the known facts first, unknowns taken as best and worst."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from iza_check.assess.findings import Finding, Outcome, PlanRef, Severity, Text, VerdictKind
from iza_check.assess.verdict import classify, decide

# The catalogue marks these with `oordeel` (K2 and K3 as `kern`); decide() reads the marks from the findings.
KENMERKEN = tuple(f"K{n}" for n in range(1, 11))
CORE = ("K2", "K3")

V, D, N, U, X = Outcome.voldoet, Outcome.deels, Outcome.voldoet_niet, Outcome.onbekend, Outcome.nvt
# "~": onbekend, deels at best (voldoet is ruled out); "+": onbekend, deels at least (voldoet niet is ruled out).
_LETTER = {"V": V, "D": D, "N": N, "?": U, "-": X, "~": U, "+": U}
_BOUNDS = {"~": {"at_best": D}, "+": {"at_least": D}}
# What an unknown can still turn out to be, per letter.
_FILLINGS = {"?": (V, D, N, X), "~": (D, N), "+": (V, D)}


def finding(
    rule_id: str,
    outcome: Outcome,
    plans: tuple[PlanRef, ...] = (),
    missing: tuple[str, ...] = (),
    at_best: Outcome | None = None,
    at_least: Outcome | None = None,
) -> Finding:
    role = "kern" if rule_id in CORE else "kenmerk"
    return Finding(
        rule_id, "kenmerken", outcome, Severity.verplicht, Text("t", "t"), "p.yaml", None, plans=plans, missing=missing,
        verdict_role=role, at_best=at_best, at_least=at_least,
    )


def findings(letters: str, **extra: dict[str, object]) -> list[Finding]:
    return [
        finding(k, _LETTER[c], **{**_BOUNDS.get(c, {}), **extra.get(k, {})})  # type: ignore[arg-type]
        for k, c in zip(KENMERKEN, letters, strict=True)
    ]


@pytest.mark.parametrize(
    ("letters", "kind", "voorlopig", "possible"),
    [
        ("VVVVVVVVVV", VerdictKind.past, False, ("past",)),
        ("VVVVVVVVV-", VerdictKind.past, False, ("past",)),  # n.v.t. counts as met
        ("VVVVVVVVVD", VerdictKind.groeiroute, False, ("groeiroute",)),
        ("VDDVVVVVVN", VerdictKind.groeiroute, False, ("groeiroute",)),  # the core at least deels
        ("VNVVVVVVVV", VerdictKind.niet_op_voorhand, False, ("niet_op_voorhand",)),  # no herstelaanbod
        ("VVNVVVVVVV", VerdictKind.niet_op_voorhand, False, ("niet_op_voorhand",)),  # no co-creation
        # Unknowns that cannot change it: the verdict, marked voorlopig.
        ("VVVV???VVD", VerdictKind.groeiroute, True, ("groeiroute",)),
        ("?N????????", VerdictKind.niet_op_voorhand, True, ("niet_op_voorhand",)),
        # Unknowns that can: every verdict between the best and the worst case.
        ("VVVVVVVVV?", VerdictKind.onvoldoende_gegevens, False, ("groeiroute", "past")),
        ("V?VVVVVVVD", VerdictKind.onvoldoende_gegevens, False, ("niet_op_voorhand", "groeiroute")),
        ("V?VVVVVVVV", VerdictKind.onvoldoende_gegevens, False, ("niet_op_voorhand", "groeiroute", "past")),
        ("??????????", VerdictKind.onvoldoende_gegevens, False, ("niet_op_voorhand", "groeiroute", "past")),
        # What the known facts already settle about an unknown: deels at best, or deels at least.
        ("VVVVVVVVV~", VerdictKind.groeiroute, True, ("groeiroute",)),
        ("V+VVVVVVVV", VerdictKind.onvoldoende_gegevens, False, ("groeiroute", "past")),
        ("VV+VVVVVVN", VerdictKind.groeiroute, True, ("groeiroute",)),  # the core is there at least in part
        ("V++VVVVVVV", VerdictKind.onvoldoende_gegevens, False, ("groeiroute", "past")),
    ],
)
def test_the_verdict_model(letters: str, kind: VerdictKind, voorlopig: bool, possible: tuple[str, ...]) -> None:
    verdict = decide(findings(letters))
    assert verdict.kind is kind
    assert verdict.voorlopig is voorlopig
    assert tuple(k.value for k in verdict.possible) == possible


def test_a_decided_verdict_holds_for_every_filling_in_of_the_unknowns() -> None:
    """The best and worst case bound every case: checked over all fillings of up to three unknowns."""
    for letters in ("VVVV???VVD", "?N????????", "D?VVVV?VVV", "VVVVVVV?V?", "NNV?VVVVVV", "V+?VVV~VVV", "+~VVVVVVV?"):
        verdict = decide(findings(letters))
        unknown = [i for i, c in enumerate(letters) if c in _FILLINGS]
        seen = set()
        for filling in itertools.product(*(_FILLINGS[letters[i]] for i in unknown)):
            outcomes = {k: _LETTER[c] for k, c in zip(KENMERKEN, letters, strict=True)}
            for index, value in zip(unknown, filling, strict=True):
                outcomes[KENMERKEN[index]] = value
            seen.add(classify(outcomes, CORE))
        if verdict.kind is VerdictKind.onvoldoende_gegevens:
            assert seen == set(verdict.possible), letters
        else:
            assert seen == {verdict.kind}, letters


def test_undecided_names_the_kenmerken_that_decide_in_plain_words() -> None:
    marks = findings("V?VVVVVVVD", K2={"missing": ("aanbod",)})
    verdict = decide(marks)
    assert verdict.deciding_kenmerken == ("K2",)
    text = verdict.summary.nl
    assert "‘op de groeiroute’ of ‘past niet op voorhand’" in text and "hangt af van K2;" in text
    assert "aanbod" not in text, "the facts to add are listed, readably, with the kenmerk in the report"
    assert "‘on the growth route’ or ‘does not fit a priori’" in verdict.summary.en
    # K1 unknown next to a known gap elsewhere cannot move a growth-route verdict: not deciding.
    assert decide(findings("?VVVVVVVVD")).deciding_kenmerken == ()


def test_past_never_claims_membership_of_the_network() -> None:
    text = decide(findings("VVVVVVVVVV")).summary
    assert "past bij alle 10 kenmerken" in text.nl and "hoort bij het netwerk" not in text.nl
    assert "financier" in text.nl


PEIL = dt.date(2026, 11, 1)


def plan(stap: str, line: int, *, datum: dt.date | None = None, gerealiseerd: bool | None = None) -> PlanRef:
    return PlanRef(stap, datum, gerealiseerd, datum is not None and datum < PEIL and not gerealiseerd, line)


def test_an_overdue_plan_for_several_kenmerken_counts_once() -> None:
    late = plan("herstelgroep starten", 40, datum=dt.date(2026, 1, 1))
    verdict = decide(findings("VVVDVDVVVV", K4={"plans": (late,)}, K6={"plans": (late,)}))
    assert verdict.overdue_plans == 1
    assert verdict.planned_kenmerken == ("K4", "K6")


def test_a_plan_marked_realised_while_the_gap_remains_is_a_contradiction_not_an_intention() -> None:
    done = plan("intervisie", 12, gerealiseerd=True)
    verdict = decide(findings("VVVVVVVDVV", K8={"plans": (done,)}))
    assert verdict.realised_with_gap == ("K8",) and verdict.planned_kenmerken == ()
    assert "gerealiseerd" in verdict.summary.nl


def test_not_a_priori_with_a_plan_for_the_core_gets_the_growth_route_text() -> None:
    intention = plan("eerste herstelcursus", 30, datum=dt.date(2027, 3, 1))
    with_plan = decide(findings("VNVVVVVVVV", K2={"plans": (intention,)}))
    without = decide(findings("VNVVVVVVVV"))
    assert with_plan.kind is without.kind is VerdictKind.niet_op_voorhand
    assert "Regie in de Regio" in with_plan.summary.nl and "Regie in de Regio" not in without.summary.nl


def test_an_unknown_that_is_at_best_deels_keeps_the_verdict_from_past() -> None:
    """K5 is onbekend, but its known facts already rule out voldoet: 'past' is no longer possible."""
    marks = findings("VVVV?VVVVV")
    capped = [f if f.rule_id != "K5" else finding("K5", U) for f in marks]
    assert decide(capped).kind is VerdictKind.onvoldoende_gegevens
    from dataclasses import replace

    capped = [replace(f, at_best=D) if f.rule_id == "K5" else f for f in marks]
    verdict = decide(capped)
    assert verdict.kind is VerdictKind.groeiroute and verdict.voorlopig and verdict.unknown_kenmerken == ("K5",)


def test_the_catalogue_says_which_rules_decide_the_verdict() -> None:
    """A region's own kenmerk (marked `oordeel: kenmerk`) counts; an unmarked rule never does."""
    base = findings("VVVVVVVVVV")
    own = Finding("R1", "lokaal", N, Severity.verplicht, Text("t", "t"), "p.yaml", None, verdict_role="kenmerk")
    unmarked = Finding("Q1", "kwaliteit", N, Severity.verplicht, Text("t", "t"), "p.yaml", None)
    assert decide([*base, unmarked]).kind is VerdictKind.past
    verdict = decide([*base, own])
    assert verdict.kind is VerdictKind.groeiroute and verdict.missing_kenmerken == ("R1",)
    own_core = Finding("R2", "lokaal", N, Severity.verplicht, Text("De eigen kern", "Our core"), "p.yaml", None, verdict_role="kern")
    verdict = decide([*base, own_core])
    assert verdict.kind is VerdictKind.niet_op_voorhand and "R2 (De eigen kern)" in verdict.summary.nl


def test_a_rule_that_decides_the_verdict_must_be_required() -> None:
    from pydantic import ValidationError

    from iza_check.rules.model import RuleSpec

    with pytest.raises(ValidationError, match="ernst: verplicht"):
        RuleSpec.model_validate(
            {
                "id": "R9",
                "titel": {"nl": "t", "en": "t"},
                "ernst": "aanbevolen",
                "oordeel": "kenmerk",
                "bron": {"bestand": "x.txt", "sectie": "1"},
                "uitleg": {"wat": {"nl": "w", "en": "w"}, "waarom": {"nl": "w", "en": "w"}},
                "voldoet": {"veld": "toegang.naasten_welkom", "gelijk": True},
                "advies": {"nl": "a", "en": "a"},
                "voorbeelden": [
                    {"naam": "a", "profiel": {}, "verwacht": "onbekend"},
                    {"naam": "b", "profiel": {}, "verwacht": "onbekend"},
                ],
            }
        )


def test_the_growth_route_says_which_part_of_the_core_is_there_only_in_part() -> None:
    whole = decide(findings("VVVVVVVVVD")).summary
    assert whole.nl.startswith("De kern van een steunpunt is er: een herstelaanbod (K2) en samen vormgeven")
    partly = decide(findings("VDVVVVVVVD")).summary
    assert partly.nl.startswith(
        "De kern van een steunpunt is er, ten minste ten dele: samen vormgeven, halen én brengen (K3) is er, "
        "een herstelaanbod (K2) nog maar ten dele."
    ), partly.nl
    assert partly.en.startswith("The core of a support point is there, at least in part:") and "(K2) only in part" in partly.en
    both = decide(findings("VDDVVVVVVV")).summary
    assert "ten dele: een herstelaanbod (K2) en samen vormgeven, halen én brengen (K3) nog maar ten dele." in both.nl
    # deels at least: it may be met in full, so it is not said to be there only in part
    open_core = decide(findings("VD+VVVVVVV")).summary
    assert "(K3) in elk geval ten dele" in open_core.nl and "(K3) at least in part" in open_core.en


def test_the_growth_route_names_what_is_short_also_when_it_is_an_unknown_at_best_deels() -> None:
    text = decide(findings("VVVVVVVVV~")).summary
    assert "Nog niet alle kenmerken zijn er (K10)" in text.nl and "()" not in text.nl and "()" not in text.en
