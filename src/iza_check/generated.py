"""Every file in the repository that is generated from a source, and the function that makes it.

`.ci/regenerate` writes them all (and the golden files of the tests); tests/unit/test_generated_artefacts.py fails,
naming that command, when a committed file differs from what its source makes now.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def _profile_schema() -> str:
    from iza_check.profile.schema import dumps_schema, profile_json_schema

    return dumps_schema(profile_json_schema())


def _profile_core_schema() -> str:
    from iza_check.profile.core_schema import dumps_core_schema

    return dumps_core_schema()


def _report_schema() -> str:
    from iza_check.profile.schema import dumps_schema
    from iza_check.report.json_schema import report_json_schema

    return dumps_schema(report_json_schema())


def _rules_schema() -> str:
    from iza_check.profile.schema import dumps_schema
    from iza_check.rules.model import rules_json_schema

    return dumps_schema(rules_json_schema())


def _summary_schema() -> str:
    from iza_check.profile.schema import dumps_schema
    from iza_check.report.summary_formats import summary_json_schema

    return dumps_schema(summary_json_schema())


def _rule_docs(lang: str) -> Callable[[], str]:
    def make() -> str:
        from iza_check.rules import load_rules
        from iza_check.rules.docs import catalogue_markdown

        return catalogue_markdown(load_rules().rules, lang)

    return make


# Path relative to the repository -> what its source makes.
ARTEFACTS: dict[str, Callable[[], str]] = {
    "schema/profile.schema.json": _profile_schema,
    "src/iza_check/profile/core_schema.json": _profile_core_schema,
    "schema/report.schema.json": _report_schema,
    "schema/rules.schema.json": _rules_schema,
    "schema/summary.schema.json": _summary_schema,
    **{f"docs/{name}": _rule_docs(lang) for lang, name in (("nl", "regels.md"), ("en", "rules.en.md"))},
}
REGENERATE = ".ci/regenerate"


def write_all(root: Path) -> list[str]:
    """Write every artefact under ``root``; the paths that changed."""
    changed = []
    for name, make in ARTEFACTS.items():
        path = root / name
        text = make()
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


def main(argv: list[str]) -> int:
    """Write every artefact under the folder named in ``argv`` (default: here); 2 with the problems of a rule file
    that does not load, as ``rules lint`` words them."""
    import sys

    from iza_check.problems import InputError

    try:
        for name in write_all(Path(argv[0] if argv else ".")):
            print(f"rewritten: {name}")
    except InputError as error:
        for problem in error.problems:
            print(problem.format(), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
