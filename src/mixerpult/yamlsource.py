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
    loader = FastLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _position(mark) if mark is not None else Position(1, 1)
        problem = exc.problem or str(exc)
        if exc.context:
            problem = f"{exc.context}: {problem}"
        raise YamlSyntaxError(problem, where) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc), Position(1, 1)) from exc
    finally:
        loader.dispose()
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
            key = constructor.construct_object(key_node, deep=True)
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
    return constructor.construct_object(node, deep=True)
