"""The JSON Schema (draft 2020-12) of the JSON report (:mod:`iza_check.report.json_report`), and the two
helpers other schemas build with: :func:`nullable` and :func:`schema_object`.

``schema/report.schema.json`` is generated from :func:`report_json_schema` (see :mod:`iza_check.generated`) and
drift-tested; the funder's summary schema (:mod:`iza_check.report.summary_formats`) reuses the helpers and the
report's ``problem``.
"""

from __future__ import annotations

from typing import Any

from iza_check.assess.findings import Outcome, Severity, VerdictKind
from iza_check.report.json_report import FORMAT_VERSION

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def schema_object(description: str, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
    }


_STR: dict[str, Any] = {"type": "string"}
_POS: dict[str, Any] = {"type": "integer", "minimum": 1}
_STRINGS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
_DATE: dict[str, Any] = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def report_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the JSON report, of the format version it writes (FORMAT_VERSION)."""
    from iza_check.engine import BACKENDS

    fact = schema_object(
        "A profile fact a finding or answer rests on, with its place in the profile (1-based).",
        {
            "path": {**_STR, "description": "Field path in the profile, e.g. toegang.indicatie_nodig."},
            "value": {"description": "The fact's value as found in the profile (dates as JJJJ-MM-DD)."},
            "line": nullable(_POS),
            "column": nullable(_POS),
        },
    )
    plan = schema_object(
        "A stated plan (in_ontwikkeling) that addresses the criterion.",
        {
            "stap": _STR,
            "streefdatum": nullable(_DATE),
            "gerealiseerd": nullable({"type": "boolean"}),
            "verlopen": {"type": "boolean", "description": "Target date before the peildatum and not realised."},
            "line": nullable(_POS),
        },
    )
    evidence = schema_object(
        "A document, web address or date in the profile that backs the facts an outcome rests on.",
        {
            "path": {**_STR, "description": "Where it stands: a bewijs entry or a dated field, e.g. kwaliteit.rie.datum."},
            "document": nullable(_STR),
            "url": nullable(_STR),
            "datum": nullable(_DATE),
            "line": nullable(_POS),
        },
    )
    outcomes = [o.value for o in Outcome]
    finding = schema_object(
        "The outcome of one rule for one profile.",
        {
            "rule_id": {**_STR, "description": "Criterion id, e.g. K7 or Q6."},
            "group": {**_STR, "description": "kenmerken, kwaliteit, bouwstenen, integraal, ..."},
            "outcome": {"enum": outcomes},
            "outcome_label": {**_STR, "description": "The outcome in the report language."},
            "severity": {"enum": [s.value for s in Severity]},
            "severity_label": _STR,
            "is_gap": {"type": "boolean", "description": "True for deels and voldoet_niet."},
            "title": _STR,
            "advice": nullable(_STR),
            "nvt_reason": nullable(_STR),
            "link": nullable(_STR),
            "source": {**_STR, "description": "The source document and section the rule rests on."},
            "facts": {"type": "array", "items": {"$ref": "#/$defs/fact"}},
            "causes": {
                "type": "array",
                "items": {"$ref": "#/$defs/fact"},
                "description": "The facts that kept it from voldoet (deels, voldoet_niet, or deels at best): whose "
                "values made its voldoet condition false (for voldoet_niet also its deels condition). An item of a "
                "list is named by its index, e.g. aanbod[2].verwijzing_nodig. line/column of the finding point at the first.",
            },
            "evidence": {
                "type": "array",
                "items": {"$ref": "#/$defs/evidence"},
                "description": "Evidence backing a fact the outcome rests on, or naming this criterion (betreft).",
            },
            "onderbouwd": {
                "type": ["boolean", "null"],
                "description": "true: the outcome rests on a fact backed by a document, URL or date (onderbouwd); "
                "false: only on the initiative's statements (verklaard); null for onbekend. Evidence never changes an outcome.",
            },
            "missing": {
                **_STRINGS,
                "description": "Absent field paths that could still change the outcome (those under undecided parts).",
            },
            "at_best": {
                "enum": ["deels", None],
                "description": "For onbekend: deels when the known facts already rule out voldoet, else null.",
            },
            "at_least": {
                "enum": ["deels", None],
                "description": "For onbekend: deels when the known facts already rule out voldoet_niet (deels or "
                "voldoet, as the missing facts decide), else null.",
            },
            "plans": {"type": "array", "items": {"$ref": "#/$defs/plan"}},
            "field_path": nullable(_STR),
            "line": nullable(_POS),
            "column": nullable(_POS),
        },
    )
    question = schema_object(
        "One of the funder's questions, answered from the profile.",
        {
            "number": _POS,
            "question": _STR,
            "facts": {"type": "array", "items": {"$ref": "#/$defs/fact"}},
            "toelichting": {**_STRINGS, "description": "The initiative's own words, quoted."},
            "related_rules": _STRINGS,
            "answer": {
                **nullable(_STR),
                "description": "An answer worked out from the outcomes of the related rules (question 1: the kenmerken); "
                "when answerable is false, plainly that it cannot be answered yet; else null (see facts and toelichting).",
            },
            "answerable": {
                "type": "boolean",
                "description": "false: the profile gives no facts, own words or outcomes for it: cannot be answered yet.",
            },
        },
    )
    figure = schema_object(
        "A reference figure: for comparison, never part of the verdict.",
        {
            "label": _STR,
            "value": nullable({"type": "number"}),
            "reference": {"type": "number"},
            "reference_source": _STR,
            "unit": _STR,
        },
    )
    verdict = schema_object(
        "The overall verdict for one profile.",
        {
            "kind": {"enum": [k.value for k in VerdictKind]},
            "label": _STR,
            "summary": _STR,
            "missing_kenmerken": _STRINGS,
            "unknown_kenmerken": _STRINGS,
            "planned_kenmerken": _STRINGS,
            "overdue_plans": {"type": "integer", "minimum": 0},
            "voorlopig": {
                "type": "boolean",
                "description": "Decided although some kenmerken are onbekend: whatever they turn out to be, the verdict stays.",
            },
            "possible": {
                "type": "array",
                "items": {"enum": [k.value for k in VerdictKind if k is not VerdictKind.onvoldoende_gegevens]},
                "description": "The verdicts the unknowns still leave possible, worst first (one when decided).",
            },
            "deciding_kenmerken": {**_STRINGS, "description": "Unknown kenmerken that can move the verdict."},
            "realised_with_gap": {**_STRINGS, "description": "Kenmerken with a gap whose plan is marked realised."},
        },
    )
    counts = schema_object(
        "Number of findings per outcome.",
        {o: {"type": "integer", "minimum": 0} for o in outcomes},
    )
    profile = schema_object(
        "Everything reported about one profile.",
        {
            "source": {**_STR, "description": "The profile's path as given."},
            "naam": _STR,
            "gemeente": nullable(_STR),
            "regio": nullable(_STR),
            "verdict": {"$ref": "#/$defs/verdict"},
            "counts": {"$ref": "#/$defs/counts"},
            "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
            "questions": {"type": "array", "items": {"$ref": "#/$defs/question"}},
            "figures": {"type": "array", "items": {"$ref": "#/$defs/figure"}},
        },
    )
    problem = schema_object(
        "A file that could not be judged.",
        {
            "file": _STR,
            "message": _STR,
            "code": _STR,
            "line": nullable(_POS),
            "column": nullable(_POS),
            "field_path": nullable(_STR),
        },
    )
    root = schema_object(
        "iza-check report: the findings for each profile and the files that could not be judged.",
        {
            "format_version": {"const": FORMAT_VERSION},
            "tool": schema_object(
                "The tool that made the report, and the engine back-end that evaluated the rules.",
                {"name": {"const": "iza-check"}, "version": _STR, "engine": {"enum": list(BACKENDS)}},
            ),
            "lang": {"enum": ["nl", "en"]},
            "peildatum": {**_DATE, "description": "Reference date for date checks (JJJJ-MM-DD)."},
            "profiles": {"type": "array", "items": {"$ref": "#/$defs/profile"}},
            "problems": {"type": "array", "items": {"$ref": "#/$defs/problem"}},
        },
    )
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "iza-check JSON report",
        **root,
        "$defs": {
            "counts": counts,
            "evidence": evidence,
            "fact": fact,
            "figure": figure,
            "finding": finding,
            "plan": plan,
            "problem": problem,
            "profile": profile,
            "question": question,
            "verdict": verdict,
        },
    }
