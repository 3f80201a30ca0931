"""The two builders that turn YAML into plain data plus the position of every value and key.

:class:`EventBuilder` reads the common case, a plain mapping document without anchors, tags, merge
keys or problems, in one pass over the parser's events, and gives up on anything else. :class:`Builder`
walks the composed node tree of any document: it follows aliases and merge keys, enforces the depth
and node limits (raising :class:`Abort`) and collects the soft problems of single values (YAML 1.1
booleans and numbers, duplicate keys, invalid values, dates and tags). Both give the same data and
positions for a document the event builder accepts.
"""

from __future__ import annotations

from typing import Any

from yaml.events import MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from iza_check.problems import Problem
from iza_check.yamlsafe.messages import Mark, clip
from iza_check.yamlsafe.scalars import (
    MAP,
    MERGE,
    NULL,
    PLAIN_TAGS,
    SCALAR_KINDS,
    SEQ,
    STR,
    TAG,
    TIMESTAMP,
    UNTYPED,
    VALUE,
    YAML11_BOOLEAN_WORDS,
    YAML11_MAX_LEN,
    YAML11_NUMBER,
    resolve,
    short_tag,
    typed_value,
    yaml11_number_message,
)


class Abort(Exception):
    """Stops the walk at a problem that makes the rest of the file meaningless."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def node_mark(node: Node) -> Mark:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


class _NotPlain(Exception):
    """The document needs the full walk: it has anchors, tags, merge keys, odd keys or a problem."""


class EventBuilder:
    """The plain-document part of :class:`Builder`, fed by events instead of nodes."""

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
            if event.implicit[0] and (PLAIN_TAGS.get(key) or resolve(None, ScalarNode, key, event.implicit)) != STR:
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
        if len(value) <= YAML11_MAX_LEN and value.lower() in YAML11_BOOLEAN_WORDS:
            raise _NotPlain  # yes, no, on, off, y, n, ja, nee unquoted: the full path reports it
        tag = PLAIN_TAGS.get(value) or resolve(None, ScalarNode, value, event.implicit)
        if tag == STR:
            return value
        if tag == NULL:
            return None
        typed = typed_value(tag, value)  # a malformed value raises: the full path reports it
        if typed is UNTYPED or typed is YAML11_NUMBER:
            raise _NotPlain  # 010, 0x10, 1_000, 1:30 ...: the full path reports it
        return typed


class Builder:
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
            raise Abort(Problem(self.source, message, "too-many-nodes", *position, path))
        self.marks[path] = position
        if isinstance(node, ScalarNode):
            value = node.value
            # Plain text is by far the most common value; only short words need the boolean check.
            if node.tag == STR and (node.style or len(value) > YAML11_MAX_LEN):
                return value
            return self.scalar(node, path, position)
        if depth > self.max_depth:
            message = f"de gegevens zijn te diep genest (meer dan {self.max_depth} niveaus)"
            raise Abort(Problem(self.source, message, "too-deep", *position, path))
        if isinstance(node, MappingNode):
            if node.tag != MAP:
                self.refuse_tag(node.tag, position, path)
            return self.mapping(node, path, depth)
        if node.tag != SEQ:
            self.refuse_tag(node.tag, position, path)
        prefix = path + "["
        return [self.node(item, f"{prefix}{index}]", depth + 1) for index, item in enumerate(node.value)]

    def scalar(self, node: ScalarNode, path: str, position: Mark, key: bool = False) -> Any:
        value: str = node.value
        tag: str = node.tag
        if not node.style and len(value) <= YAML11_MAX_LEN and value.lower() in YAML11_BOOLEAN_WORDS:
            if key:
                return value
            message = (
                f"'{value}' is geen geldige ja/nee-waarde: schrijf true of false "
                "(of zet de tekst tussen aanhalingstekens)"
            )
            self.problems.append(Problem(self.source, message, "yaml11-boolean", *position, path))
            return value
        if tag in (STR, VALUE, MERGE):
            return value
        if tag == NULL:
            return None
        try:
            typed = typed_value(tag, value)
            if typed is YAML11_NUMBER:
                if key:
                    return value
                message = yaml11_number_message(tag, value)
                self.problems.append(Problem(self.source, message, "yaml11-number", *position, path))
                return value
            if typed is not UNTYPED:
                return typed
        # PyYAML's constructors raise ValueError, KeyError or AttributeError for malformed,
        # explicitly tagged scalars, and ValueError for dates that do not exist.
        except Exception:
            if tag == TIMESTAMP:
                code = "invalid-date"
                message = f"'{clip(value)}' is geen bestaande datum; gebruik JJJJ-MM-DD"
            else:
                code = "invalid-value"
                kind = SCALAR_KINDS.get(tag, short_tag(tag))
                message = f"'{clip(value)}' kan niet gelezen worden als {kind}"
            self.problems.append(Problem(self.source, message, code, *position, path))
            return value
        self.refuse_tag(tag, position, path)
        return value

    def mapping(self, node: Node, path: str, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        prefix = path + "." if path else ""
        merges = [value for key, value in node.value if key.tag == MERGE and key.id == "scalar"]
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
            if tag == STR:
                key = key_node.value
            elif tag == MERGE:
                continue
            else:
                key = self.scalar(key_node, path, key_position, key=True)
            child = f"{prefix}{key}"
            if key in explicit:
                first_line = key_marks[child][0]
                message = f"het veld '{clip(str(key))}' staat hier twee keer (eerst op regel {first_line})"
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
                self.problems.append(Problem(self.source, message, "yaml-syntax", *node_mark(value), path))
        if sources and depth >= self.max_depth:
            message = f"de gegevens zijn te diep genest (meer dan {self.max_depth} niveaus)"
            raise Abort(Problem(self.source, message, "too-deep", *node_mark(sources[0]), path))
        for source in reversed(sources):
            self.count += 1
            # One level deeper: a mapping merged into itself would otherwise never stop.
            result.update(self.mapping(source, path, depth + 1))

    def refuse_tag(self, tag: str, position: Mark, path: str) -> None:
        shown = short_tag(tag)
        if tag.startswith(TAG + "python/"):
            message = f"het label '{shown}' is niet toegestaan: een profiel bevat alleen gewone waarden"
        else:
            message = f"onbekend label '{shown}'; laat het label weg"
        self.problems.append(Problem(self.source, message, "unsafe-tag", *position, path))
