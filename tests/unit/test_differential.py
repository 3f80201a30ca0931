"""Differential test: the two engine back-ends on thousands of random profiles and catalogues.

durable-rules (``durable``) evaluates tests on the derived facts; the Python back-end (``python``) reads
each condition straight off the profile with Kleene logic. Any difference in outcome, explanation (the
facts quoted) or missing facts fails. Where durable-rules does not load there is nothing to compare.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from engine_marks import requires_durable
from test_rule_kit import catalogue, profile, rule_data

from iza_check.engine import create_engine
from iza_check.engine.outcomes import Outcome
from iza_check.profile.model import Profile
from iza_check.rules.model import Catalogue

pytestmark = [pytest.mark.slow, requires_durable]


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


# --------------------------------------------------------------------------------------------------
# Random profiles and rules

PEILDATA = [dt.date(2024, 2, 29), dt.date(2025, 3, 1), dt.date(2023, 12, 31), dt.date(2025, 6, 15)]


def _dates() -> list[dt.date]:
    out = {dt.date(2020, 1, 1), dt.date(2026, 1, 1)}
    for peil in PEILDATA:
        for years in range(5):
            anniversary = _years_before(peil, years)
            out.update({anniversary, anniversary - dt.timedelta(days=1), anniversary + dt.timedelta(days=1)})
    return sorted(out)


DATES = _dates()
SCALARS: dict[str, list[Any]] = {
    "toegang.indicatie_nodig": [True, False],
    "toegang.naasten_welkom": [True, False],
    "werkwijze.peer_support": [True, False],
    "kwaliteit.klachtenprocedure.aanwezig": [True, False],
    "toegang.dagdelen_open_per_week": [0, 1, 2, 3, 5],
    "team.betaalde_medewerkers": [0, 1, 2, 4],
    "team.vrijwilligers": [0, 1, 3, 9, 18],
    "team.fte": [0.0, 0.5, 1, 1.5, 2.25],
    "toegang.eigen_bijdrage": ["geen", "vrijwillig", "laag", "hoog"],
    "team.coordinatie": ["ervaringsdeskundige", "gedeeld", "professional"],
    "kwaliteit.vog.voor": ["iedereen", "alleen_betaalde_medewerkers", "niemand"],
    # Text beyond ASCII must compare as written: accents, a combining accent, emoji, and escapes.
    "initiatief.gemeente": ["Utrecht", "Zeist", "true", "9", "Súdwest-Fryslân", "Su\u0301dwest", "Ede 🌱", "a\\b \"c\""],
    "kwaliteit.vog.oudste_afgiftedatum": DATES,
    "kwaliteit.rie.datum": DATES,
}
ORDERED = {"toegang.dagdelen_open_per_week", "team.betaalde_medewerkers", "team.vrijwilligers", "team.fte"}
DATE_FIELDS = {"kwaliteit.vog.oudste_afgiftedatum", "kwaliteit.rie.datum"}
VALUE_LISTS: dict[str, list[str]] = {
    "werkwijze.bezoekersrollen": ["gastvrouw_gastheer", "vrijwilliger", "co_trainer", "bestuurslid"],
    "financiering.bronnen": ["gemeente_wmo", "fondsen", "donaties"],
}
OBJECT_LISTS: dict[str, dict[str, list[Any]]] = {
    "aanbod": {
        "soort": ["inloop", "herstelcursus", "herstelgroep", "sport"],
        "methode": ["wrap", "hop", "geen"],
        "door_en_voor": [True, False],
        "per_jaar": [0, 2, 12],
    },
    "samenwerking.partners": {"categorie": ["welzijn", "huisartsen", "zorgaanbieders"], "afspraken_vastgelegd": [True, False]},
    "toegang.bewijs": {"document": ["Folder", "Jaarverslag"], "datum": DATES[:8]},
}
REQUIRED_ITEM_FIELDS = {"aanbod": {"naam": "x", "soort": "inloop"}, "samenwerking.partners": {"naam": "p", "categorie": "welzijn"}, "toegang.bewijs": {}}


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for name in parents:
        data = data.setdefault(name, {})
    data[last] = value


def random_profile(rng: random.Random) -> Profile:
    data: dict[str, Any] = {}
    for path, domain in SCALARS.items():
        if rng.random() < 0.6:
            _set(data, path, rng.choice(domain))
    for path, domain in VALUE_LISTS.items():
        if rng.random() < 0.6:
            _set(data, path, rng.sample(domain, rng.randint(0, len(domain))))
    for path, fields in OBJECT_LISTS.items():
        if rng.random() < 0.6:
            items = []
            for _ in range(rng.randint(0, 3)):
                item = dict(REQUIRED_ITEM_FIELDS[path])
                for name, domain in fields.items():
                    if name in item or rng.random() < 0.6:
                        item[name] = rng.choice(domain)
                items.append(item)
            _set(data, path, items)
    if rng.random() < 0.1:
        _set(data, "kwaliteit.vog", {})  # a group that is there but empty
    return profile(**data)


def _operand(rng: random.Random, path: str) -> Any:
    value = rng.choice(SCALARS[path])
    if path in DATE_FIELDS and rng.random() < 0.5:
        return value.isoformat()  # dates may be written as text too
    return value


def random_leaf(rng: random.Random) -> dict[str, Any]:
    kind = rng.random()
    if kind < 0.55:
        path = rng.choice(list(SCALARS))
        ops = ["gelijk", "ongelijk", "in", "bestaat", "ontbreekt"]
        if path in ORDERED or path in DATE_FIELDS:
            ops += ["minstens", "hoogstens", "meer_dan", "minder_dan"] * 2
        if path in DATE_FIELDS:
            ops += ["niet_ouder_dan_jaren", "niet_na_peildatum"] * 3
        op = rng.choice(ops)
        if op in ("bestaat", "ontbreekt", "niet_na_peildatum"):
            return {"veld": path, op: True}
        if op == "in":
            return {"veld": path, "in": [_operand(rng, path) for _ in range(rng.randint(1, 3))]}
        if op == "niet_ouder_dan_jaren":
            return {"veld": path, op: rng.randint(0, 4)}
        return {"veld": path, op: _operand(rng, path)}
    if kind < 0.75:
        path = rng.choice(list(VALUE_LISTS))
        op = rng.choice(["bevat", "bevat_een_van", "aantal_minstens", "bestaat"])
        if op == "bevat":
            return {"veld": path, op: rng.choice(VALUE_LISTS[path])}
        if op == "bevat_een_van":
            return {"veld": path, op: rng.sample(VALUE_LISTS[path], rng.randint(1, 2))}
        if op == "bestaat":
            return {"veld": path, op: True}
        return {"veld": path, op: rng.randint(0, 3)}
    path = rng.choice(list(OBJECT_LISTS))
    if rng.random() < 0.25:
        return {"veld": path, "aantal_minstens": rng.randint(0, 3)}
    return {"lijst": path, "waar": random_item_condition(rng, OBJECT_LISTS[path], 0), "minstens": rng.randint(0, 2)}


def random_item_condition(rng: random.Random, fields: dict[str, list[Any]], depth: int) -> dict[str, Any]:
    if depth < 2 and rng.random() < 0.3:
        form = rng.choice(["alle", "een_van", "niet"])
        if form == "niet":
            return {"niet": random_item_condition(rng, fields, depth + 1)}
        return {form: [random_item_condition(rng, fields, depth + 1) for _ in range(rng.randint(1, 2))]}
    name = rng.choice(list(fields))
    op = rng.choice(["gelijk", "ongelijk", "in", "bestaat"] + (["minstens", "niet_ouder_dan_jaren"] if name in ("per_jaar", "datum") else []))
    if op == "bestaat":
        return {"veld": name, op: True}
    if op == "in":
        return {"veld": name, op: rng.sample(fields[name], 1)}
    if op == "niet_ouder_dan_jaren":
        op = "minstens" if name == "per_jaar" else op
        if op == "niet_ouder_dan_jaren":
            return {"veld": name, op: rng.randint(0, 3)}
    return {"veld": name, op: rng.choice(fields[name])}


def random_condition(rng: random.Random, depth: int = 0) -> dict[str, Any]:
    if depth < 3 and rng.random() < 0.45:
        form = rng.choice(["alle", "een_van", "niet", "alle", "een_van"])
        if form == "niet":
            return {"niet": random_condition(rng, depth + 1)}
        return {form: [random_condition(rng, depth + 1) for _ in range(rng.randint(1, 3))]}
    return random_leaf(rng)


def random_catalogue(rng: random.Random, size: int) -> Catalogue:
    rules = []
    for n in range(size):
        deels = random_condition(rng) if rng.random() < 0.4 else None
        nvt = random_leaf(rng) if rng.random() < 0.25 else None
        rules.append(rule_data(f"D{n}", random_condition(rng), deels=deels, nvt=nvt))
    return catalogue(*rules)


# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_back_ends_agree(seed: int) -> None:
    rng = random.Random(seed)
    cat = random_catalogue(rng, 40)
    durable = create_engine(cat, "durable")
    python = create_engine(cat, "python")
    seen: set[Outcome] = set()
    for _ in range(1500):
        item = random_profile(rng)
        peildatum = rng.choice(PEILDATA)
        expected = python.evaluate(item, peildatum=peildatum)
        actual = durable.evaluate(item, peildatum=peildatum)
        for rule, want, got in zip(cat.rules, expected, actual, strict=True):
            assert got == want, (rule.model_dump(include={"voldoet", "deels", "nvt"}), item, peildatum)
            seen.add(want.outcome)
    assert seen == set(Outcome)  # the generated cases reach every outcome


def test_text_beyond_ascii_is_compared_as_written() -> None:
    """Every text operator with accents, combining characters and emoji, on both back-ends."""
    texts = ["Súdwest-Fryslân", "Su\u0301dwest", "Ede 🌱", "Zeist"]
    rules = []
    for n, text in enumerate(texts):
        rules += [
            rule_data(f"G{n}", {"veld": "initiatief.gemeente", "gelijk": text}),
            rule_data(f"O{n}", {"veld": "initiatief.gemeente", "ongelijk": text}),
            rule_data(f"I{n}", {"veld": "initiatief.gemeente", "in": [text, "Elders"]}),
        ]
    cat = catalogue(*rules)
    for backend in ("durable", "python"):
        engine = create_engine(cat, backend)
        for text in texts:
            results = {r.rule_id: r.outcome for r in engine.evaluate(profile(initiatief={"gemeente": text}), peildatum=PEILDATA[0])}
            for n, other in enumerate(texts):
                same = other == text
                assert results[f"G{n}"] is (Outcome.voldoet if same else Outcome.voldoet_niet), (backend, text, other)
                assert results[f"O{n}"] is (Outcome.voldoet_niet if same else Outcome.voldoet), (backend, text, other)
                assert results[f"I{n}"] is (Outcome.voldoet if same else Outcome.voldoet_niet), (backend, text, other)
