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
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from iza_check.problems import InputError, Problem

Mark = tuple[int, int]

DEFAULT_MAX_BYTES = 1_048_576
DEFAULT_MAX_DEPTH = 50
DEFAULT_MAX_NODES = 100_000

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Nesting is limited by our own count, never by the parser's: older libyaml composes recursively in C and
# crashes the process somewhere between 10,000 and 100,000 levels, newer libyaml (PyYAML 6.0.4 wheels)
# stops at its own limit with a scanner error. Below this many structure characters composing is safe.
_COMPOSE_SAFE_DEPTH = 1000
_STRUCTURE_BYTES = (b"[", b"{", b"-", b"?", b":")

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_INT = _TAG + "int"
_FLOAT = _TAG + "float"
_BOOL = _TAG + "bool"
_NULL = _TAG + "null"
_TIMESTAMP = _TAG + "timestamp"
_VALUE = _TAG + "value"
_MERGE = _TAG + "merge"
_SEQ = _TAG + "seq"
_MAP = _TAG + "map"

YAML11_BOOLEAN_WORDS = frozenset({"yes", "no", "on", "off", "y", "n", "ja", "nee"})
_YAML11_MAX_LEN = max(len(word) for word in YAML11_BOOLEAN_WORDS)

_SCALAR_KINDS = {_INT: "heel getal", _FLOAT: "getal", _BOOL: "true of false"}

# The only integer form accepted: YAML 1.1 also reads octal (010), hex, binary, '_' and sexagesimal (1:30).
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)", re.ASCII)
# Plain 0o17 is text to PyYAML, but its int constructor reads it as 15 behind an explicit !!int.
_OCTAL_0O = re.compile(r"[-+]?0o[0-7_]+", re.ASCII)
# Longer YAML 1.1 numbers are refused without working out what YAML 1.1 would read (1:00:00:... grows big).
_YAML11_READING_MAX_LEN = 40

_UTF8_BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00", b"\xff\xfe", b"\xfe\xff")

_constructor = SafeConstructor()

# Tag resolution is a third of the composing time; plain scalars such as keys, enum values and
# booleans repeat in every file, so short ones are resolved once per process.
_IMPLICIT_RESOLVERS: dict[Any, list[tuple[str, re.Pattern[str]]]] = {
    first: list(resolvers) for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_PLAIN_TAGS: dict[str, str] = {}
_PLAIN_TAGS_LIMIT = 8192
_PLAIN_TAGS_MAX_LEN = 40


def _resolve_plain(value: str) -> str:
    candidates = _IMPLICIT_RESOLVERS.get(value[0] if value else "", [])
    for tag, pattern in candidates + _IMPLICIT_RESOLVERS.get(None, []):
        if pattern.match(value):
            return tag
    return _STR


def _resolve(self: Any, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
    if kind is ScalarNode:
        if not implicit[0]:
            return _STR
        tag = _PLAIN_TAGS.get(value)
        if tag is None:
            tag = _resolve_plain(value)
            if len(value) <= _PLAIN_TAGS_MAX_LEN and len(_PLAIN_TAGS) < _PLAIN_TAGS_LIMIT:
                _PLAIN_TAGS[value] = tag
        return tag
    return _SEQ if kind is SequenceNode else _MAP


def _loader_class(base: type) -> type:
    """``base`` (a safe loader) with the cached resolver; path resolvers are never used here."""
    return type(
        "IzaSafeLoader",
        (base,),
        {"resolve": _resolve, "descend_resolver": _no_path_resolvers, "ascend_resolver": _no_path_resolvers},
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


class _Abort(Exception):
    """Stops the walk at a problem that makes the rest of the file meaningless."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


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
        return None, [_depth_problem(text, source, max_depth) or _syntax_problem(error, text, source)]
    except yaml.reader.ReaderError as error:
        return None, [_reader_problem(error, text, source)]
    except yaml.YAMLError as error:
        return None, [Problem(source, f"de YAML-opmaak klopt niet ({error})", "yaml-syntax")]
    except RecursionError:
        message = f"de gegevens zijn te diep genest (meer dan {max_depth} niveaus)"
        return None, [Problem(source, message, "too-deep")]

    if root is None or (root.tag == _NULL and root.id == "scalar" and not root.value):
        return None, [Problem(source, "het bestand is leeg (of bevat alleen commentaar)", "empty")]
    if root.id != "mapping":
        kind = "een lijst" if root.id == "sequence" else "een losse waarde"
        line, column = _mark(root)
        message = f"het bestand moet bestaan uit velden ('veld: waarde'), niet uit {kind}"
        return None, [Problem(source, message, "not-a-mapping", line, column, "")]

    builder = _Builder(source, max_depth, max_nodes)
    try:
        data = builder.node(root, "", 1)
    except _Abort as abort:
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


def _text_position(text: str, index: int) -> Mark:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


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


def _mark(node: Node) -> Mark:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


_UNTYPED = object()
_YAML11_NUMBER = object()


def _typed_value(tag: str, value: str) -> Any:
    """A scalar with an int, float, bool or timestamp tag, as PyYAML constructs it; _UNTYPED for other tags.

    _YAML11_NUMBER for a number that YAML 1.1 reads differently from what it looks like (octal ``010``,
    hex, binary, ``1_000``, sexagesimal ``1:30``): the callers refuse it. Raises (as PyYAML's
    constructors do) for a malformed value. Plain decimal numbers and plain dates, by far the most
    common, give the same result without PyYAML's regexes.
    """
    if tag == _INT:
        if value.isdigit() and value.isascii() and (value[0] != "0" or value == "0"):
            return int(value)
        if not _DECIMAL_INT.fullmatch(value) and (_resolve_plain(value) == _INT or _OCTAL_0O.fullmatch(value)):
            return _YAML11_NUMBER
        return _constructor.construct_yaml_int(ScalarNode(tag, value))
    if tag == _BOOL:
        return _constructor.bool_values[value.lower()]  # what construct_yaml_bool does, without a node
    if tag == _TIMESTAMP:
        if _PLAIN_DATE.fullmatch(value):
            return dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))
        return _constructor.construct_yaml_timestamp(ScalarNode(tag, value))
    if tag == _FLOAT:
        if ("_" in value or ":" in value) and _resolve_plain(value) in (_INT, _FLOAT):
            return _YAML11_NUMBER
        return _constructor.construct_yaml_float(ScalarNode(tag, value))
    return _UNTYPED


def _yaml11_number_message(tag: str, value: str) -> str:
    """Why ``value`` (a _YAML11_NUMBER) is refused and what to write instead, in Dutch."""
    sign = "-" if value.startswith("-") else ""
    body = value.lstrip("+-").lower()
    digits = body.replace("_", "")
    if ":" in body:
        how, suggestion = "zestigtallig, zoals uren en minuten", None
    elif body.startswith("0x"):
        how, suggestion = "zestientallig", None
    elif body.startswith("0b"):
        how, suggestion = "tweetallig", None
    elif body.startswith("0o"):
        how, suggestion = "achttallig", None
    elif tag == _INT and len(digits) > 1 and digits.startswith("0"):
        how, suggestion = "achttallig, door de voorloopnul", f"{sign}{digits.lstrip('0') or '0'} (zonder voorloopnul)"
    else:
        how, suggestion = "de '_' telt niet mee", f"{sign}{digits} (zonder '_')"
    if len(value) <= _YAML11_READING_MAX_LEN:
        constructor = _constructor.construct_yaml_int if tag == _INT else _constructor.construct_yaml_float
        reading = _clip(repr(constructor(ScalarNode(tag, value))))
        read_as = f": YAML 1.1 leest het als {reading} ({how})"
        suggestion = suggestion or reading
    else:
        read_as = f" voor YAML 1.1 ({how})"
        suggestion = _clip(suggestion) if suggestion else "het getal gewoon decimaal"
    return (
        f"'{_clip(value)}' is geen gewoon getal{read_as}; schrijf {suggestion} "
        "of zet de tekst tussen aanhalingstekens als tekst bedoeld is"
    )


class _NotPlain(Exception):
    """The document needs the full walk: it has anchors, tags, merge keys, odd keys or a problem."""


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
        builder = _EventBuilder(get, max_depth, max_nodes)
        data = builder.value(event, "", 1)
        if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
            return None
        return YamlDocument(data, builder.marks, builder.key_marks)
    except Exception:  # _NotPlain, or anything libyaml or a constructor raises: the full path reports it
        return None
    finally:
        loader.dispose()


class _EventBuilder:
    """The plain-document part of :class:`_Builder`, fed by events instead of nodes."""

    __slots__ = ("count", "get", "key_marks", "marks", "max_depth", "max_nodes")

    def __init__(self, get: Any, max_depth: int, max_nodes: int) -> None:
        self.get = get
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.count = 0
        self.marks: dict[str, Mark] = {}
        self.key_marks: dict[str, Mark] = {}

    def value(self, event: Any, path: str, depth: int) -> Any:
        self.count += 1
        if self.count > self.max_nodes or event.anchor is not None or event.tag is not None:
            raise _NotPlain
        mark = event.start_mark
        self.marks[path] = (mark.line + 1, mark.column + 1)
        kind = type(event)
        if kind is ScalarEvent:
            return self.scalar(event) if event.implicit[0] else event.value  # quoted: text
        if depth > self.max_depth:
            raise _NotPlain
        if kind is MappingStartEvent:
            return self.mapping(path, depth + 1)
        if kind is not SequenceStartEvent:
            raise _NotPlain  # an alias
        get = self.get
        walk = self.value
        prefix = path + "["
        items: list[Any] = []
        event = get()
        while type(event) is not SequenceEndEvent:
            items.append(walk(event, f"{prefix}{len(items)}]", depth + 1))
            event = get()
        return items

    def mapping(self, path: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        prefix = path + "." if path else ""
        key_marks = self.key_marks
        get = self.get
        walk = self.value
        event = get()
        while type(event) is not MappingEndEvent:
            self.count += 1
            if type(event) is not ScalarEvent or event.anchor is not None or event.tag is not None:
                raise _NotPlain
            key = event.value
            if event.implicit[0] and (_PLAIN_TAGS.get(key) or _resolve(None, ScalarNode, key, event.implicit)) != _STR:
                raise _NotPlain  # a key read as a number, boolean, date or merge
            if key in result:
                raise _NotPlain  # a duplicate key: the full path reports it
            mark = event.start_mark
            assert mark is not None  # the parser always sets it
            child = f"{prefix}{key}"
            key_marks[child] = (mark.line + 1, mark.column + 1)
            result[key] = walk(get(), child, depth)
            event = get()
        return result

    @staticmethod
    def scalar(event: Any) -> Any:
        value: str = event.value
        if not event.implicit[0]:
            return value  # quoted: text
        if len(value) <= _YAML11_MAX_LEN and value.lower() in YAML11_BOOLEAN_WORDS:
            raise _NotPlain  # yes, no, on, off, y, n, ja, nee unquoted: the full path reports it
        tag = _PLAIN_TAGS.get(value) or _resolve(None, ScalarNode, value, event.implicit)
        if tag == _STR:
            return value
        if tag == _NULL:
            return None
        typed = _typed_value(tag, value)  # a malformed value raises: the full path reports it
        if typed is _UNTYPED or typed is _YAML11_NUMBER:
            raise _NotPlain  # 010, 0x10, 1_000, 1:30 ...: the full path reports it
        return typed


class _Builder:
    """Turns a composed node tree into plain data in one walk, recording marks and soft problems."""

    __slots__ = ("count", "key_marks", "marks", "max_depth", "max_nodes", "problems", "source")

    def __init__(self, source: str, max_depth: int, max_nodes: int) -> None:
        self.source = source
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.count = 0
        self.marks: dict[str, Mark] = {}
        self.key_marks: dict[str, Mark] = {}
        self.problems: list[Problem] = []

    def node(self, node: Node, path: str, depth: int) -> Any:
        self.count += 1
        mark = node.start_mark
        position = (mark.line + 1, mark.column + 1)
        if self.count > self.max_nodes:
            message = (
                f"het bestand bevat te veel waarden (meer dan {self.max_nodes}, "
                "verwijzingen met '*' meegeteld)"
            )
            raise _Abort(Problem(self.source, message, "too-many-nodes", *position, path))
        self.marks[path] = position
        if isinstance(node, ScalarNode):
            value = node.value
            # Plain text is by far the most common value; only short words need the boolean check.
            if node.tag == _STR and (node.style or len(value) > _YAML11_MAX_LEN):
                return value
            return self.scalar(node, path, position)
        if depth > self.max_depth:
            message = f"de gegevens zijn te diep genest (meer dan {self.max_depth} niveaus)"
            raise _Abort(Problem(self.source, message, "too-deep", *position, path))
        if isinstance(node, MappingNode):
            if node.tag != _MAP:
                self.refuse_tag(node.tag, position, path)
            return self.mapping(node, path, depth)
        if node.tag != _SEQ:
            self.refuse_tag(node.tag, position, path)
        prefix = path + "["
        return [self.node(item, f"{prefix}{index}]", depth + 1) for index, item in enumerate(node.value)]

    def scalar(self, node: ScalarNode, path: str, position: Mark, key: bool = False) -> Any:
        value: str = node.value
        tag: str = node.tag
        if not node.style and len(value) <= _YAML11_MAX_LEN and value.lower() in YAML11_BOOLEAN_WORDS:
            if key:
                return value
            message = (
                f"'{value}' is geen geldige ja/nee-waarde: schrijf true of false "
                "(of zet de tekst tussen aanhalingstekens)"
            )
            self.problems.append(Problem(self.source, message, "yaml11-boolean", *position, path))
            return value
        if tag in (_STR, _VALUE, _MERGE):
            return value
        if tag == _NULL:
            return None
        try:
            typed = _typed_value(tag, value)
            if typed is _YAML11_NUMBER:
                if key:
                    return value
                message = _yaml11_number_message(tag, value)
                self.problems.append(Problem(self.source, message, "yaml11-number", *position, path))
                return value
            if typed is not _UNTYPED:
                return typed
        # PyYAML's constructors raise ValueError, KeyError or AttributeError for malformed,
        # explicitly tagged scalars, and ValueError for dates that do not exist.
        except Exception:
            if tag == _TIMESTAMP:
                code = "invalid-date"
                message = f"'{_clip(value)}' is geen bestaande datum; gebruik JJJJ-MM-DD"
            else:
                code = "invalid-value"
                kind = _SCALAR_KINDS.get(tag, _short_tag(tag))
                message = f"'{_clip(value)}' kan niet gelezen worden als {kind}"
            self.problems.append(Problem(self.source, message, code, *position, path))
            return value
        self.refuse_tag(tag, position, path)
        return value

    def mapping(self, node: Node, path: str, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        prefix = path + "." if path else ""
        merges = [value for key, value in node.value if key.tag == _MERGE and key.id == "scalar"]
        if merges:
            self.merge(result, merges, path, depth)
        explicit: set[Any] = set()
        key_marks = self.key_marks
        walk = self.node
        depth += 1
        for key_node, value_node in node.value:
            self.count += 1
            mark = key_node.start_mark
            key_position = (mark.line + 1, mark.column + 1)
            if key_node.id != "scalar":
                message = "een veldnaam moet gewone tekst zijn, geen lijst of blok"
                self.problems.append(Problem(self.source, message, "invalid-key", *key_position, path))
                continue
            tag = key_node.tag
            if tag == _STR:
                key = key_node.value
            elif tag == _MERGE:
                continue
            else:
                key = self.scalar(key_node, path, key_position, key=True)
            child = f"{prefix}{key}"
            if key in explicit:
                first_line = key_marks[child][0]
                message = f"het veld '{_clip(str(key))}' staat hier twee keer (eerst op regel {first_line})"
                self.problems.append(Problem(self.source, message, "duplicate-key", *key_position, child))
                continue
            explicit.add(key)
            key_marks[child] = key_position
            result[key] = walk(value_node, child, depth)
        return result

    def merge(self, result: dict[Any, Any], merges: list[Node], path: str, depth: int) -> None:
        """``<<: *anker`` as in PyYAML: explicit keys win, earlier merged mappings beat later ones."""
        sources: list[Node] = []
        for value in merges:
            if isinstance(value, MappingNode):
                sources.append(value)
            elif isinstance(value, SequenceNode) and all(isinstance(item, MappingNode) for item in value.value):
                sources.extend(value.value)
            else:
                message = "na '<<:' moet een verwijzing naar een blok met velden staan (bijv. '<<: *basis')"
                self.problems.append(Problem(self.source, message, "yaml-syntax", *_mark(value), path))
        if sources and depth >= self.max_depth:
            message = f"de gegevens zijn te diep genest (meer dan {self.max_depth} niveaus)"
            raise _Abort(Problem(self.source, message, "too-deep", *_mark(sources[0]), path))
        for source in reversed(sources):
            self.count += 1
            # One level deeper: a mapping merged into itself would otherwise never stop.
            result.update(self.mapping(source, path, depth + 1))

    def refuse_tag(self, tag: str, position: Mark, path: str) -> None:
        shown = _short_tag(tag)
        if tag.startswith(_TAG + "python/"):
            message = f"het label '{shown}' is niet toegestaan: een profiel bevat alleen gewone waarden"
        else:
            message = f"onbekend label '{shown}'; laat het label weg"
        self.problems.append(Problem(self.source, message, "unsafe-tag", *position, path))


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("tab character", "er staat een tab; spring in met spaties, niet met tabs"),
    (
        "mapping values are not allowed",
        ("onverwachte dubbele punt; zet tekst met een ':' erin tussen aanhalingstekens, "
        "of controleer het inspringen"),
    ),
    ("could not find expected ':'", "hier ontbreekt een ':' na de veldnaam, of het inspringen klopt niet"),
    (
        "did not find expected key",
        "het inspringen klopt niet: een veld moet even ver inspringen als de velden erboven",
    ),
    ("expected <block end>", "het inspringen klopt niet: controleer of deze regel goed inspringt"),
    ("did not find expected '-' indicator", "het inspringen van de lijst klopt niet"),
    (
        "did not find expected ',' or",
        "een lijst of blok tussen haakjes is niet goed afgesloten; controleer ']' of '}' en de komma's",
    ),
    ("duplicate anchor", "hetzelfde anker ('&naam') komt twee keer voor"),
    (
        "unknown escape character",
        "onbekende code na '\\' in tekst tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens",
    ),
    (
        "cannot start any token",
        "dit teken kan hier niet staan; zet de waarde tussen aanhalingstekens",
    ),
    ("node content", "hier ontbreekt een waarde"),
    ("document start", "onverwachte inhoud na het einde van het document"),
)


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, source: str) -> Problem:
    problem = error.problem or ""
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    unclosed_quote = "end of stream" in problem and "quoted" in context
    if unclosed_quote and error.context_mark is not None:
        # The end of the file is not where the fix is: point at the opening quote.
        mark = error.context_mark
    line = column = None
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    if "single document" in context:
        message = "het bestand bevat meer dan één YAML-document ('---'); gebruik één document per bestand"
        return Problem(source, message, "multiple-documents", line, column)
    rest = _line_at(text, mark.line)[mark.column :] if mark is not None else ""
    if rest.startswith("\t"):
        hint = "er staat een tab; spring in met spaties, niet met tabs"
    elif unclosed_quote:
        hint = "deze tekst tussen aanhalingstekens wordt nergens afgesloten; ontbreekt een aanhalingsteken?"
    elif "end of stream" in problem:
        hint = "het bestand houdt onverwacht op"
    elif "undefined alias" in problem:
        name = _ALIAS.match(rest)
        shown = f" '{name.group(0)}'" if name else ""
        hint = f"de verwijzing{shown} hoort bij een anker ('&naam') dat niet (eerder) in het bestand staat"
    else:
        hint = next(
            (dutch for needle, dutch in _SYNTAX_HINTS if needle in problem or needle in context),
            "de YAML-opmaak klopt niet",
        )
        if error.context_mark is not None and mark is not None and error.context_mark.line != mark.line:
            hint += f" (begonnen op regel {error.context_mark.line + 1})"
    detail = "; ".join(part for part in (context, problem) if part)
    message = f"{hint} [YAML: {detail}]" if detail else hint
    return Problem(source, message, "yaml-syntax", line, column)


_ALIAS = re.compile(r"\*[^\s,\[\]{}]+")


def _line_at(text: str, line: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line] if line < len(lines) else ""


def _reader_problem(error: yaml.reader.ReaderError, text: str, source: str) -> Problem:
    # libyaml reports a byte offset and PyYAML a character index; the character itself is unambiguous.
    character = error.character if isinstance(error.character, int) else ord(error.character)
    index = text.find(chr(character))
    line = column = None
    if index >= 0:
        line, column = _text_position(text, index)
    message = f"ongeldig teken U+{character:04X} in de tekst; haal het weg"
    return Problem(source, message, "invalid-character", line, column)
