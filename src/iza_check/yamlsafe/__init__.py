"""Safe YAML loading with positions and guards, shared by the profile and rule loaders.

Only plain data comes out: dict, list, str, int, float, bool, None and ``datetime.date``
(``datetime.datetime`` for timestamps with a time). Next to the data we keep the 1-based
(line, column) of every value and every key, addressed by a field path such as
``toegang.indicatie_nodig`` or ``aanbod[0].soort`` (``""`` is the root).

Rules stricter than PyYAML's ``safe_load``, because a typo must never silently change a fact:

* Booleans are only ``true`` and ``false``. YAML 1.1 also reads ``yes``/``no``/``on``/``off`` as
  booleans, and people write ``ja``/``nee``/``y``/``n`` expecting the same. An *unquoted*
  ``yes``, ``no``, ``on``, ``off``, ``y``, ``n``, ``ja`` or ``nee`` (any case) is therefore an
  error: write ``true`` or ``false``, or put the text between quotes (``'ja'``) when text is meant.
  As a *key* such a word is simply text (PyYAML would turn the key ``on`` into ``True``).
* Numbers are plain decimal. YAML 1.1 reads ``010`` as 8 (octal), ``0x10`` as 16, ``0b10`` as 2,
  ``1_000`` as 1000 and ``1:30`` as 90 (sexagesimal, also ``1:30.5``); such a value is an error:
  write the decimal number, or put the text between quotes when text is meant. Plain decimals
  (``0``, ``-3``, ``+4``), ordinary floats (``1.5``, ``.5``, ``1.0e+3``, ``.inf``, ``.nan``) and forms
  PyYAML reads as text anyway (``1e3``, ``0o17``, ``09``) are unaffected. As a key such a value is text.
* A key that appears twice in one mapping is an error (PyYAML silently keeps the last one).
* A date that does not exist (``2024-02-31``) is an error at its position.
* Tags other than the standard scalar ones (``!!str``, ``!!int``, ``!!float``, ``!!bool``,
  ``!!null``, ``!!timestamp``) are refused; nothing is ever executed or imported.

Guards against hostile or broken files, each reported as a :class:`~iza_check.problems.Problem`
with a stable code: size limit (``too-large``), nesting depth (``too-deep``), alias expansion
(``too-many-nodes``), encoding (``not-utf8``, ``utf16``, ``binary``, ``invalid-character``),
``empty``, ``multiple-documents``, ``not-a-mapping``, ``unsafe-tag``, ``duplicate-key``,
``yaml11-boolean``, ``yaml11-number``, ``invalid-date``, ``invalid-value``, ``invalid-key`` and ``yaml-syntax``.
A UTF-8 byte order mark is accepted. Merge keys (``<<: *anker``) work as in PyYAML.

No exception other than :class:`~iza_check.problems.InputError` leaves the public functions.

This module reads (with the size limit), decodes, guards the depth and chooses between the two
builders of :mod:`.build`; :mod:`.scalars` holds the tags and typed values, :mod:`.messages` the
located syntax problems. The reading stays here because the tests swap ``_Loader`` (for PyYAML's
pure-Python parser) and ``_parse_plain_document`` on this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.events import DocumentEndEvent, DocumentStartEvent, MappingStartEvent, StreamEndEvent, StreamStartEvent

from iza_check.problems import InputError, Problem
from iza_check.yamlsafe.build import Abort, Builder, EventBuilder, node_mark
from iza_check.yamlsafe.messages import Mark, reader_problem, syntax_problem
from iza_check.yamlsafe.scalars import NULL, YAML11_BOOLEAN_WORDS, resolve

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_NODES",
    "YAML11_BOOLEAN_WORDS",
    "Mark",
    "YamlDocument",
    "load_yaml_bytes",
    "load_yaml_file",
    "parse_yaml_bytes",
    "read_limited",
]

DEFAULT_MAX_BYTES = 1_048_576
DEFAULT_MAX_DEPTH = 50
DEFAULT_MAX_NODES = 100_000

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Nesting is limited by our own count, never by the parser's: older libyaml composes recursively in C and
# crashes the process somewhere between 10,000 and 100,000 levels, newer libyaml (PyYAML 6.0.4 wheels)
# stops at its own limit with a scanner error. Below this many structure characters composing is safe.
_COMPOSE_SAFE_DEPTH = 1000
_STRUCTURE_BYTES = (b"[", b"{", b"-", b"?", b":")

_UTF8_BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00", b"\xff\xfe", b"\xfe\xff")


def _loader_class(base: type) -> type:
    """``base`` (a safe loader) with the cached resolver; path resolvers are never used here."""
    return type(
        "IzaSafeLoader",
        (base,),
        {"resolve": resolve, "descend_resolver": _no_path_resolvers, "ascend_resolver": _no_path_resolvers},
    )


def _no_path_resolvers(*_: Any) -> None:
    return None


_Loader = _loader_class(_BaseLoader)
_PythonLoader = _loader_class(yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """Plain data plus the position of every value (``marks``) and every key (``key_marks``)."""

    data: Any
    marks: dict[str, Mark]
    key_marks: dict[str, Mark]


def load_yaml_bytes(
    raw: bytes,
    source: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> YamlDocument:
    """Parse ``raw`` into plain data with marks; raise :class:`InputError` with every problem found."""
    document, problems = parse_yaml_bytes(
        raw, source, max_bytes=max_bytes, max_depth=max_depth, max_nodes=max_nodes
    )
    if problems or document is None:
        raise InputError(problems)
    return document


def load_yaml_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> YamlDocument:
    """Read at most ``max_bytes + 1`` bytes of ``path`` and parse them like :func:`load_yaml_bytes`."""
    source = str(path)
    raw = read_limited(path, source, max_bytes=max_bytes)
    return load_yaml_bytes(raw, source, max_bytes=max_bytes)


def read_limited(path: Path, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file, never more than one byte past the limit; unreadable files become problems."""
    try:
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        problem = Problem(source, "bestand niet gevonden", "not-found")
    except IsADirectoryError:
        problem = Problem(source, "dit is een map, geen bestand", "unreadable")
    except PermissionError:
        problem = Problem(source, "geen toestemming om dit bestand te lezen", "unreadable")
    except OSError as error:
        reason = error.strerror or error.__class__.__name__
        problem = Problem(source, f"het bestand kan niet gelezen worden ({reason})", "unreadable")
    raise InputError([problem])


def parse_yaml_bytes(
    raw: bytes,
    source: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> tuple[YamlDocument | None, list[Problem]]:
    """Like :func:`load_yaml_bytes`, but return the problems instead of raising.

    The document is ``None`` when the file cannot be read as a whole. When it is returned together
    with problems, the problems concern single values (their paths are in ``field_path``); those
    values hold the raw text, so a caller can go on validating and report everything at once.
    """
    if len(raw) > max_bytes:
        message = f"het bestand is te groot (meer dan {max_bytes} bytes)"
        return None, [Problem(source, message, "too-large")]
    text_or_problem = _decode(raw, source)
    if isinstance(text_or_problem, Problem):
        return None, [text_or_problem]
    text = text_or_problem
    fast = _parse_plain_document(text, max_depth, max_nodes)
    if fast is not None:
        return fast, []
    try:
        if sum(raw.count(char) for char in _STRUCTURE_BYTES) > _COMPOSE_SAFE_DEPTH:
            deep = _prescan_depth(text, source, max_depth)
            if deep is not None:
                return None, [deep]
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        return None, [_depth_problem(text, source, max_depth) or syntax_problem(error, text, source)]
    except yaml.reader.ReaderError as error:
        return None, [reader_problem(error, text, source)]
    except yaml.YAMLError as error:
        return None, [Problem(source, f"de YAML-opmaak klopt niet ({error})", "yaml-syntax")]
    except RecursionError:
        message = f"de gegevens zijn te diep genest (meer dan {max_depth} niveaus)"
        return None, [Problem(source, message, "too-deep")]

    if root is None or (root.tag == NULL and root.id == "scalar" and not root.value):
        return None, [Problem(source, "het bestand is leeg (of bevat alleen commentaar)", "empty")]
    if root.id != "mapping":
        kind = "een lijst" if root.id == "sequence" else "een losse waarde"
        line, column = node_mark(root)
        message = f"het bestand moet bestaan uit velden ('veld: waarde'), niet uit {kind}"
        return None, [Problem(source, message, "not-a-mapping", line, column, "")]

    builder = Builder(source, max_depth, max_nodes)
    try:
        data = builder.node(root, "", 1)
    except Abort as abort:
        return None, [abort.problem]
    except RecursionError:
        message = f"de gegevens zijn te diep genest (meer dan {max_depth} niveaus)"
        return None, [Problem(source, message, "too-deep")]
    # A value behind an anchor is walked once per alias; report each position once.
    unique = list({(p.code, p.line, p.column): p for p in reversed(builder.problems)}.values())
    unique.sort(key=lambda p: (p.line or 0, p.column or 0))
    return YamlDocument(data, builder.marks, builder.key_marks), unique


def _decode(raw: bytes, source: str) -> str | Problem:
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    elif raw.startswith(_WIDE_BOMS) or _looks_wide(raw):
        message = "het bestand is opgeslagen als UTF-16 of UTF-32; sla het op als UTF-8"
        return Problem(source, message, "utf16")
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _byte_position(raw, nul)
        message = "het bestand bevat een NUL-teken; dit is geen tekstbestand (YAML)"
        return Problem(source, message, "binary", line, column)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(raw, error.start)
        byte = raw[error.start]
        message = f"het bestand is geen geldige UTF-8-tekst (byte 0x{byte:02X}); sla het op als UTF-8"
        return Problem(source, message, "not-utf8", line, column)


def _looks_wide(raw: bytes) -> bool:
    """UTF-16/32 without a byte order mark: plain text then has a NUL at every other position."""
    head = raw[:64]
    if len(head) < 2 or b"\x00" not in head[:4]:
        return False
    even = head[0::2]
    odd = head[1::2]
    even_nul = even.count(0) == len(even)
    odd_nul = odd.count(0) == len(odd)
    return even_nul != odd_nul


def _byte_position(raw: bytes, offset: int) -> Mark:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


def _prescan_depth(text: str, source: str, max_depth: int) -> Problem | None:
    """Check nesting on the event stream, which both parsers produce without recursion."""
    try:
        return _scan_depth(text, source, max_depth, _Loader)
    except yaml.YAMLError:
        return _depth_problem(text, source, max_depth)


def _depth_problem(text: str, source: str, max_depth: int) -> Problem | None:
    """``too-deep`` when the text nests deeper than ``max_depth``, counted by PyYAML's pure-Python parser.

    Used when the fast parser raised: libyaml may stop deep nesting at a limit of its own (a version
    detail, reported as a syntax error), and the file must then be refused for its depth all the same.
    """
    try:
        return _scan_depth(text, source, max_depth, _PythonLoader)
    except yaml.YAMLError:
        return None


def _scan_depth(text: str, source: str, max_depth: int, loader: type) -> Problem | None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                mark = event.start_mark
                message = f"de gegevens zijn te diep genest (meer dan {max_depth} niveaus)"
                if mark is None:
                    return Problem(source, message, "too-deep")
                return Problem(source, message, "too-deep", mark.line + 1, mark.column + 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _parse_plain_document(text: str, max_depth: int, max_nodes: int) -> YamlDocument | None:
    """The common case in one pass over libyaml's events, without composing a node tree.

    Handles a single mapping document of plain keys and values that has no problem; anything else
    (anchors, aliases, tags, merge keys, non-text keys, duplicate keys, YAML 1.1 booleans, invalid
    values, syntax errors, limits) returns None, and the caller takes the full path, which reports it.
    Both paths give the same data and positions (a test compares them).
    """
    try:
        loader = _Loader(text)
    except Exception:  # the pure-Python reader checks characters here
        return None
    try:
        get = loader.get_event
        if type(get()) is not StreamStartEvent or type(get()) is not DocumentStartEvent:
            return None
        event = get()
        if type(event) is not MappingStartEvent:
            return None
        builder = EventBuilder(get, max_depth, max_nodes)
        data = builder.value(event, "", 1)
        if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
            return None
        return YamlDocument(data, builder.marks, builder.key_marks)
    except Exception:  # _NotPlain, or anything libyaml or a constructor raises: the full path reports it
        return None
    finally:
        loader.dispose()
