"""Update a profile file by editing it, not by writing it anew: ``iza-check init --update``.

Only the values the questionnaire changed are touched. Everything else stays as the person wrote it:
comments, key order, quoting, folded text, explicit empties (``bewijs: []``), values this version of
iza-check would write differently, line endings and a byte order mark.

Library choice: ruamel.yaml in round-trip mode. It is the maintained Python YAML library that keeps
comments, key order, flow or block style and the original text of unchanged scalars on a load/dump cycle
(PyYAML, which reads every file elsewhere in iza-check, drops comments at the scanner). It is pure Python
(no compiler needed on 3.11-3.13) and is used here only to edit; whether the edited text says exactly what
the answers say is decided by the project's own strict loader afterwards (:func:`updated_text` callers),
so a difference between ruamel's YAML 1.2 and the loader's YAML 1.1 can never slip into a profile.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.error import YAMLError as RoundTripYAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
)
from ruamel.yaml.tokens import CommentToken

from iza_check.profile.writer import _FLOW_KEYS, SECTION_COMMENTS, WIDTH, scalar

# (mapping, sequence, offset) indentations tried in this order; the first that reproduces the file is used.
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (3, 5, 3))
_BOM = "\ufeff"


class EditError(ValueError):
    """The file could not be edited in place (a structure the editor cannot follow); nothing was written."""


def updated_text(original: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    """``original`` (a profile's text) with the differences between ``old`` and ``new`` applied.

    ``old`` and ``new`` are the profile's data before and after (``model_dump(exclude_unset=True,
    exclude_none=True)``); keys equal in both are never touched in the text.
    """
    bom = original.startswith(_BOM)
    text = original[1:] if bom else original
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    try:
        yaml = _yaml_for(text)
        doc = yaml.load(text)
        if not isinstance(doc, CommentedMap):
            raise EditError("the file is not a mapping")
        _apply(doc, old, new, top=True)
        out = io.StringIO()
        yaml.dump(doc, out)
    except (RoundTripYAMLError, RecursionError, TypeError, AttributeError, KeyError, IndexError) as error:
        raise EditError(str(error)) from error
    result = out.getvalue().replace("\n", newline)
    return (_BOM if bom else "") + result


def _new_yaml(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    yaml.representer.add_representer(float, _represent_float)
    return yaml


def _yaml_for(text: str) -> YAML:
    """A round-trip YAML whose indentation reproduces ``text`` unchanged, when one of the usual ones does."""
    for indent in _INDENTS:
        yaml = _new_yaml(indent)
        out = io.StringIO()
        yaml.dump(yaml.load(text), out)
        if out.getvalue() == text:
            return yaml
    return _new_yaml(_INDENTS[0])


def _represent_float(representer: Any, value: float) -> Any:
    # Positional notation: YAML 1.1 (the loader) reads 1e-07 as text; str(Decimal) of repr is exact.
    return representer.represent_scalar("tag:yaml.org,2002:float", scalar(value))


# ------------------------------------------------------------------------------------------ the diff

def _apply(node: CommentedMap, old: Mapping[str, Any], new: Mapping[str, Any], *, top: bool = False) -> None:
    for key in list(old):
        if key not in new and key in node:
            _remove(node, key)
    order = list(new)
    for index, (key, value) in enumerate(new.items()):
        if top and key == "versie" and key not in old and key not in node:
            continue  # the questionnaire always sets versie; a file without it means the same
        before = old.get(key, _ABSENT)
        if key in node and before == value:
            continue
        current = node.get(key) if key in node else _ABSENT
        if _shared(current):
            node[key] = _fresh(value, key)  # an anchored node is also used elsewhere: change only this place
        elif isinstance(current, CommentedMap) and isinstance(before, Mapping) and isinstance(value, Mapping):
            _apply(current, before, value)
        elif isinstance(current, CommentedSeq) and _is_items(before) and _is_items(value):
            _apply_items(current, before, value)
        elif current is not _ABSENT:
            node[key] = _fresh(value, key)
        else:
            _insert(node, key, _fresh(value, key), order[:index], order[index + 1:], top)


_ABSENT: Any = object()


def _shared(node: Any) -> bool:
    """True for a node with an anchor (``&regeling``): its aliases (``*regeling``) are the same object."""
    anchor = getattr(node, "anchor", None)
    return isinstance(node, (CommentedMap, CommentedSeq)) and getattr(anchor, "value", None) is not None


def _is_items(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, Mapping) for item in value)


def _apply_items(seq: CommentedSeq, old: list[Any], new: list[Any]) -> None:
    """A list of mappings (activities, partners, plans): keep each item's own text where it is still there."""
    if len(seq) != len(old) or not all(isinstance(item, CommentedMap) and not _shared(item) for item in seq):
        seq[:] = [_fresh(item, "") for item in new]
        return
    used: set[int] = set()
    chosen: list[int | None] = []
    for item in new:
        match = next((j for j, was in enumerate(old) if j not in used and was == item), None)
        if match is None and "naam" in item:
            match = next((j for j, was in enumerate(old) if j not in used and was.get("naam") == item["naam"]), None)
        if match is None and len(new) == len(old) and len(chosen) not in used:
            match = len(chosen)
        if match is not None:
            used.add(match)
        chosen.append(match)
    if chosen == list(range(len(old))):
        for index, item in enumerate(new):
            _apply(seq[index], old[index], item)
        return
    nodes = []
    for j, item in zip(chosen, new, strict=True):
        if j is None:
            nodes.append(_fresh(item, ""))
        else:
            _apply(seq[j], old[j], item)
            nodes.append(seq[j])
    trailing = _take_trailing(seq, len(seq) - 1) if len(seq) else None
    seq.ca.items.clear()
    seq[:] = nodes
    if trailing and nodes:
        _give_trailing(seq, len(seq) - 1, trailing)


def _fresh(value: Any, key: str) -> Any:
    """Plain data as round-trip nodes, written the way :mod:`iza_check.profile.writer` writes them."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, Mapping):
        node = CommentedMap()
        for child_key, child in value.items():
            node[child_key] = _fresh(child, child_key)
        return node
    if isinstance(value, Sequence) and not isinstance(value, str):
        seq = CommentedSeq(_fresh(item, "") for item in value)
        if key in _FLOW_KEYS:
            seq.fa.set_flow_style()
        return seq
    if value is None or isinstance(value, (bool, int, float, dt.date)):
        return value
    # New text is plain only where no YAML 1.1 or 1.2 reader could take it for anything else (as the writer).
    text = str(value)
    return text if scalar(text) == text else DoubleQuotedScalarString(text)


# ------------------------------------------------------------------------------------------ comments
#
# ruamel.yaml keeps the comment lines that follow a value with that value: after the last key of a section
# sits the heading of the next one. Removing or inserting a key must move those lines, not lose them.

def _last_slot(container: Any, key: Any) -> tuple[Any, Any, int]:
    """The (container, key, position) where the comment lines after ``container[key]`` are kept."""
    value = container[key]
    while isinstance(value, (CommentedMap, CommentedSeq)) and len(value):
        container, key = value, (list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1)
        value = container[key]
    return container, key, 2 if isinstance(container, CommentedMap) else 0


def _take_trailing(container: Any, key: Any) -> str | None:
    """Remove and return the full comment lines after ``container[key]`` (its end-of-line comment stays)."""
    owner, slot, position = _last_slot(container, key)
    entry = owner.ca.items.get(slot)
    token = entry[position] if entry and len(entry) > position else None
    if not isinstance(token, CommentToken) or "\n" not in token.value:
        return None
    if isinstance(owner[slot], (FoldedScalarString, LiteralScalarString)):
        first, rest = "", token.value  # a block scalar ends its own line: every line here comes after it
    else:
        first, rest = token.value.split("\n", 1)
        first += "\n"
    if not rest:
        return None
    token.value = first
    return rest


def _give_trailing(container: Any, key: Any, text: str) -> None:
    """Put comment lines (``text``) right after ``container[key]``."""
    owner, slot, position = _last_slot(container, key)
    entry = owner.ca.items.setdefault(slot, [None, None, None, None])
    while len(entry) <= position:
        entry.append(None)
    token = entry[position]
    if isinstance(token, CommentToken):
        token.value = token.value + text if token.value.endswith("\n") else token.value + "\n" + text
    else:
        entry[position] = CommentToken("\n" + text, CommentMark(0), None)


def _remove(node: CommentedMap, key: str) -> None:
    keys = list(node)
    index = keys.index(key)
    trailing = _take_trailing(node, key)
    del node[key]
    node.ca.items.pop(key, None)
    if trailing is None:
        return
    if index > 0:
        _give_trailing(node, keys[index - 1], trailing)
    elif len(node):
        node.yaml_set_comment_before_after_key(next(iter(node)), before=_uncomment(trailing), indent=0)


def _uncomment(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()]
    return "\n".join(line[1:].lstrip() if line.startswith("#") else line for line in lines if line)


def _insert(node: CommentedMap, key: str, value: Any, before: list[str], after: list[str], top: bool) -> None:
    previous = next((k for k in reversed(before) if k in node), None)
    following = next((k for k in after if k in node), None)
    if previous is not None:
        position = list(node).index(previous) + 1
    elif following is not None:
        position = list(node).index(following)
    else:
        position = len(node)
    heading = SECTION_COMMENTS.get(key, ()) if top and isinstance(value, CommentedMap) else ()
    trailing = _take_trailing(node, previous) if previous is not None else None
    node.insert(position, key, value)
    if previous is not None:
        lead = "".join(f"# {line}\n" for line in heading)
        if lead or trailing:
            _give_trailing(node, previous, "\n" + lead if lead else "")
        if trailing:
            _give_trailing(node, key, trailing)


__all__ = ["EditError", "updated_text"]
