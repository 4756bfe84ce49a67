"""YAML loading that remembers where every key and value stood in the file.

PyYAML's safe loader forgets positions and lets a repeated key silently win;
a pack author needs `FILE:LINE:COLUMN` for both, so this module composes the
node tree itself and records marks by path while building plain data.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

try:  # the C loader is several times faster on large packs
    FastLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    FastLoader = yaml.SafeLoader


@dataclass(frozen=True)
class Position:
    """A 1-based line and column."""

    line: int
    column: int


@dataclass
class SourceMap:
    """Positions of the values and keys of a loaded document, by path."""

    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)
    duplicates: list[tuple[Path_, Position]] = field(default_factory=list)

    def find(self, path: Path_, *, key: bool = False) -> Position:
        """The position of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if key and probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Position(1, 1))


MAX_DEPTH = 100
"""Nesting levels a document may have; a pack or an answers file needs fewer than ten."""
MAX_EXPANSION = 10_000
"""Collections that aliases may add beyond those written out (a "billion laughs" adds 10⁹)."""


class YamlLimitError(yaml.YAMLError):
    """A document nested too deeply or expanded too far by aliases to be read safely."""

    def __init__(self, message: str, mark: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


def _openers(text: str) -> int:
    # Every collection is opened by one of these characters (a flow bracket, a block
    # entry or a key's colon or question mark), so their number bounds the depth.
    return sum(text.count(c) for c in "[{-:?")


def check_nesting(text: str, limit: int = MAX_DEPTH) -> None:
    """YamlLimitError if `text` nests collections more than `limit` deep.

    libyaml composes nodes recursively on the C stack: some tens of thousands of
    `[` crash the whole process, which no `except` can catch. Its parser is not
    recursive, so the events are counted first (only when the text could be deep).
    """
    if _openers(text) <= limit:
        return
    depth = 0
    for event in yaml.parse(text, Loader=FastLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > limit:
                raise YamlLimitError(f"nested more than {limit} levels deep", event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def check_expansion(node: yaml.Node) -> None:
    """YamlLimitError if aliases make the document under `node` too deep or too large.

    An alias is a reference, cheap to compose; but anything that walks the data
    (a check, a validation, a save) walks every reference again, so nine anchors
    of nine aliases each become 10⁹ collections, and an alias chain can nest
    deeper than any recursion. Sizes are counted once per node, so this is linear.
    """
    seen: dict[int, tuple[int, int]] = {}  # node -> (collections within, levels)

    def walk(current: yaml.Node, depth: int) -> tuple[int, int]:
        if not isinstance(current, yaml.CollectionNode):
            return 0, 0
        known = seen.get(id(current))
        if known is None:
            if depth > MAX_DEPTH:  # also where an alias refers to its own ancestor
                raise YamlLimitError(too_deep, current.start_mark)
            children = (
                [n for pair in current.value for n in pair]
                if isinstance(current, yaml.MappingNode)
                else current.value
            )
            walked = [walk(child, depth + 1) for child in children]
            known = 1 + sum(w[0] for w in walked), 1 + max((w[1] for w in walked), default=0)
            seen[id(current)] = known
        if depth + known[1] > MAX_DEPTH:
            raise YamlLimitError(too_deep, current.start_mark)
        return known

    too_deep = f"nested more than {MAX_DEPTH} levels deep (through aliases)"
    total, _ = walk(node, 0)
    if total > len(seen) + MAX_EXPANSION:
        raise YamlLimitError(
            f"aliases expand it to {total:,} collections ({len(seen):,} written)",
            node.start_mark,
        )


def compose_checked(text: str) -> yaml.Node | None:
    """The node tree of one YAML document, refused (YamlLimitError) when too deep or too
    large once aliases are followed; other problems raise yaml.YAMLError as usual."""
    check_nesting(text)
    loader = FastLoader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
    finally:
        loader.dispose()
    if node is not None:
        check_expansion(node)
    return node


def load_checked(text: str) -> Any:
    """Plain data of one YAML document (the safe loader's types), after `compose_checked`."""
    node = compose_checked(text)
    if node is None:
        return None
    return yaml.SafeLoader("").construct_document(node)


class YamlSyntaxError(Exception):
    """The text is not YAML (or not a single document); carries a position."""

    def __init__(self, message: str, position: Position) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def load_text(text: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain data and a map of positions."""
    try:
        node = compose_checked(text)
    except YamlLimitError as exc:
        where = _position(exc.mark) if exc.mark is not None else Position(1, 1)
        raise YamlSyntaxError(exc.message, where) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _position(mark) if mark is not None else Position(1, 1)
        problem = exc.problem or str(exc)
        if exc.context:
            problem = f"{exc.context}: {problem}"
        raise YamlSyntaxError(problem, where) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc), Position(1, 1)) from exc
    smap = SourceMap()
    if node is None:
        return None, smap
    constructor = yaml.SafeLoader("")
    try:
        data = _build(node, (), smap, constructor)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        where = _position(mark) if mark is not None else Position(1, 1)
        raise YamlSyntaxError(exc.problem or str(exc), where) from exc
    return data, smap


def load_file(path: Path) -> tuple[Any, SourceMap]:
    """Read and parse a YAML file; decoding errors become YamlSyntaxError."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlSyntaxError("the file is not UTF-8 text", Position(line, 1)) from exc
    return load_text(text)


def _build(node: yaml.Node, path: Path_, smap: SourceMap, constructor: yaml.SafeLoader) -> Any:
    smap.values[path] = _position(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        constructor.flatten_mapping(node)  # resolves YAML merge keys (<<)
        result: dict[Hashable, Any] = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, constructor)
            if not isinstance(key, Hashable):
                raise YamlSyntaxError(
                    "a mapping key must be a plain value", _position(key_node.start_mark)
                )
            child = (*path, key if isinstance(key, str | int) else str(key))
            if key in result:
                smap.duplicates.append((child, _position(key_node.start_mark)))
            smap.keys[child] = _position(key_node.start_mark)
            result[key] = _build(value_node, child, smap, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), smap, constructor) for i, item in enumerate(node.value)]
    return _construct(node, constructor)


def _construct(node: yaml.Node, constructor: yaml.SafeLoader) -> Any:
    try:
        return constructor.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:
        # PyYAML builds dates and numbers as it reads: 2026-02-30 or an integer
        # of 5,000 digits fails here, not in the parser.
        text = str(node.value)
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise YamlSyntaxError(
            f"{shown!r} is not a possible value ({str(exc)[:80]})", _position(node.start_mark)
        ) from exc
