"""Rule documentation, written once in the rule files and rendered here for `explain` and docs/.

Every rule is documented in the same shape: what it checks, why it matters (with its source),
what to do, and examples with their expected outcome.
"""

from __future__ import annotations

from collections.abc import Iterable

import yaml

from iza_check.i18n import source_title
from iza_check.rules.model import Rule

_LABELS = {
    "nl": {
        "severity": "Niveau",
        "source": "Bron",
        "kenmerk": "telt mee in het oordeel",
        "kern": "telt mee in het oordeel, als kern van een steunpunt",
        "what": "Wat het controleert",
        "why": "Waarom het ertoe doet",
        "todo": "Wat te doen",
        "todo_when": "Wat te doen in plaats daarvan, als",
        "when": "Hoe de regel beslist",
        "voldoet": "Voldoet als",
        "deels": "Deels als",
        "nvt": "Niet van toepassing als",
        "examples": "Voorbeelden",
        "expected": "verwacht",
        "more": "Meer informatie",
        "title": "Regels van iza-check",
        "intro": "Dit bestand wordt gemaakt uit de regelbestanden in `rules/` "
        "(`.ci/regenerate`); pas het niet met de hand aan.",
        "condition_help": "De voorwaarden gebruiken de taal uit `rules/README.md`; "
        "ontbreekt een feit, dan is de uitkomst *onbekend*.",
    },
    "en": {
        "severity": "Level",
        "kenmerk": "counts in the verdict",
        "kern": "counts in the verdict, as the core of a support point",
        "source": "Source",
        "what": "What it checks",
        "why": "Why it matters",
        "todo": "What to do",
        "todo_when": "What to do instead, when",
        "when": "How the rule decides",
        "voldoet": "Met when",
        "deels": "Partly met when",
        "nvt": "Not applicable when",
        "examples": "Examples",
        "expected": "expected",
        "more": "More information",
        "title": "iza-check rules",
        "intro": "This file is made from the rule files in `rules/` (`.ci/regenerate`); "
        "do not edit it by hand.",
        "condition_help": "Conditions use the language described in `rules/README.md`; "
        "when a fact is missing the outcome is *onbekend* (unknown).",
    },
}


def _yaml(value: object) -> str:
    text: str = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100)
    return text.rstrip("\n")


def _condition(condition: object) -> str:
    dumped = condition.model_dump(mode="json", exclude_none=True, by_alias=True)  # type: ignore[attr-defined]
    return f"```yaml\n{_yaml(dumped)}\n```"


def _source(rule: Rule, lang: str) -> str:
    """The document by its title and section; the file name beside it, so a rule author can open it."""
    cited = f"{rule.bron.bestand}, {rule.bron.sectie}"
    titled = source_title(cited, lang)
    return titled if titled == cited else f"{titled} (`{rule.bron.bestand}`)"


def rule_markdown(rule: Rule, lang: str) -> str:
    """One rule's documentation as Markdown (also what `iza-check explain` prints)."""
    labels = _LABELS["en" if lang == "en" else "nl"]
    pick = (lambda t: t.en) if lang == "en" else (lambda t: t.nl)
    advies = rule.advies.en if lang == "en" else rule.advies.nl
    lines = [
        f"## {rule.id} — {pick(rule.titel)}",
        "",
        f"*{labels['severity']}:* {rule.ernst.value}"
        + (f" ({labels[rule.oordeel.value]})" if rule.oordeel is not None else "")
        + f" · *{labels['source']}:* {_source(rule, lang)}",
        "",
        f"**{labels['what']}.** {pick(rule.uitleg.wat)}",
        "",
        f"**{labels['why']}.** {pick(rule.uitleg.waarom)}",
        "",
        f"**{labels['todo']}.** {advies}",
    ]
    if rule.advies.link:
        lines += ["", f"{labels['more']}: <{rule.advies.link}>"]
    for variant in rule.advies_als:
        lines += ["", f"**{labels['todo_when']}:**", "", _condition(variant.als), "", pick(variant.advies)]
        if variant.advies.link:
            lines += ["", f"{labels['more']}: <{variant.advies.link}>"]
    lines += ["", f"### {labels['when']}", "", f"{labels['voldoet']}:", "", _condition(rule.voldoet)]
    if rule.deels is not None:
        lines += ["", f"{labels['deels']}:", "", _condition(rule.deels)]
    if rule.nvt is not None:
        lines += ["", f"{labels['nvt']} ({pick(rule.nvt.reden)}):", "", _condition(rule.nvt.als)]
    lines += ["", f"### {labels['examples']}", ""]
    for example in rule.voorbeelden:
        lines += [
            f"- **{example.naam}** — {labels['expected']}: *{example.verwacht.value}*",
            "",
            "  ```yaml",
            *(f"  {line}" for line in _yaml(example.profiel or {}).splitlines()),
            "  ```",
            "",
        ]
    return "\n".join(lines).rstrip("\n") + "\n"


def catalogue_markdown(rules: Iterable[Rule], lang: str) -> str:
    labels = _LABELS["en" if lang == "en" else "nl"]
    parts = [f"# {labels['title']}", "", labels["intro"], "", labels["condition_help"], ""]
    parts += [rule_markdown(rule, lang) for rule in rules]
    return "\n".join(parts)

