"""The model's one definition: frozen dataclasses, read from plain data and written back.

The question pack and the conditions are stdlib dataclasses. `mixerpult check`
validates a pack against these very classes with pydantic (which reads stdlib
dataclasses, their `field(metadata=...)` constraints and the `Pydantic` marks
below), so the checker's schema cannot drift from the model. At run time a pack
comes from the validated-pack cache as plain JSON data, and `build` turns it
into the dataclasses without pydantic: importing pydantic and building its
validators costs more than the whole rest of loading a checked pack.

`build` trusts the shape it is given only as far as it checks it: a key or a
value that does not fit the type hints raises `ValueError`, so a damaged cache
file is noticed and the pack is checked in full again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable, Iterator
from typing import Annotated, Any, ClassVar, Literal, Union

DataclassType = type[Any]


class Frozen:
    """The base of the pack's dataclasses: the checker refuses keys they do not have."""

    __slots__ = ()
    # pydantic reads a stdlib dataclass's config from this attribute; a plain dict
    # (ConfigDict is a TypedDict) so that nothing here imports pydantic.
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}


class Pydantic:
    """Pydantic metadata on a type (a `Tag`, a `Discriminator`, an `AfterValidator`),
    named here and made only when the checker builds its schema from the model."""

    __slots__ = ("args", "kwargs", "name")

    def __init__(self, name: str, *args: Any, **kwargs: Any) -> None:
        self.name = name
        self.args = args
        self.kwargs = kwargs

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        import pydantic

        metadata = getattr(pydantic, self.name)(*self.args, **self.kwargs)
        return handler.generate_schema(Annotated[source, metadata])


def key_of(item: dataclasses.Field[Any]) -> str:
    """The key a field has in the data (`in` for the field `in_`)."""
    alias = item.metadata.get("alias")
    return alias if isinstance(alias, str) else item.name


def data_fields(cls: DataclassType) -> list[dataclasses.Field[Any]]:
    """The fields of `cls` that the data holds (not those the program fills in)."""
    return [f for f in dataclasses.fields(cls) if not f.metadata.get("exclude")]


def dataclasses_in(tp: Any) -> list[DataclassType]:
    """Every dataclass reachable from the type `tp` through its fields, `tp` first."""
    seen: list[DataclassType] = []
    todo = [tp]
    while todo:
        here = todo.pop()
        for cls in _classes_in(here):
            if cls not in seen:
                seen.append(cls)
                todo.extend(_hints(cls)[f.name] for f in dataclasses.fields(cls))
    return seen


def _is_class(tp: Any) -> bool:
    return isinstance(tp, type) and dataclasses.is_dataclass(tp)


def _classes_in(tp: Any) -> Iterator[DataclassType]:
    if _is_class(tp):
        yield tp
    for arg in typing.get_args(tp):
        yield from _classes_in(arg)


_HINTS: dict[DataclassType, dict[str, Any]] = {}


def _hints(cls: DataclassType) -> dict[str, Any]:
    # Resolved on first use: a module's later names (a union defined after its
    # members) exist by then. Annotated's metadata is stripped: it is the checker's.
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


# ------------------------------------------------------------------ plain data out


def plain(value: Any) -> Any:
    """`value` as JSON-ready data: dataclasses as mappings by their keys, dates as ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {key_of(f): plain(getattr(value, f.name)) for f in data_fields(type(value))}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# ------------------------------------------------------------------ plain data in


Builder = Callable[[Any], Any]
_BUILDERS: dict[Any, Builder] = {}


def build(tp: Any, data: Any) -> Any:
    """The value of type `tp` that `plain` gave `data` for; ValueError if it does not fit."""
    return _builder(tp)(data)


def _builder(tp: Any) -> Builder:
    found = _BUILDERS.get(tp)
    if found is None:
        found = _BUILDERS[tp] = _make(tp)
    return found


def _wrong(data: Any, what: Any) -> ValueError:
    return ValueError(f"{data!r:.60} is not {what}")


def _make(tp: Any) -> Builder:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if _is_class(tp):
        return _dataclass_builder(tp)
    if origin is Union or origin is types.UnionType:
        return _union_builder(args)
    if origin is list:
        item = _lazy(args[0])
        return lambda data: [item(v) for v in _checked(data, list)]
    if origin is dict:
        key, value = _lazy(args[0]), _lazy(args[1])
        return lambda data: {key(k): value(v) for k, v in _checked(data, dict).items()}
    if origin is Literal:
        allowed = frozenset(args)

        def literal(data: Any) -> Any:
            if data in allowed and not isinstance(data, bool | float):
                return data
            raise _wrong(data, f"one of {sorted(map(str, allowed))}")

        return literal
    if tp is type(None):
        return lambda data: _exact(data, type(None))
    if tp is bool or tp is str:
        return lambda data: _exact(data, tp)
    if tp is int:
        return lambda data: _exact(data, int)
    if tp is float:
        return _float
    if tp is dt.date:
        return _date
    raise TypeError(f"no builder for {tp!r}")  # a new kind of field: teach it here


def _lazy(tp: Any) -> Builder:
    # Found on first call, so that recursive types (a condition of conditions) resolve.
    def run(data: Any) -> Any:
        return _builder(tp)(data)

    return run


def _checked(data: Any, kind: type) -> Any:
    if not isinstance(data, kind):
        raise _wrong(data, kind.__name__)
    return data


def _exact(data: Any, kind: type) -> Any:
    if type(data) is not kind:
        raise _wrong(data, kind.__name__)
    return data


def _float(data: Any) -> float:
    if type(data) is float:
        return data
    if type(data) is int:
        return float(data)  # as pydantic gives it: a bound of 10 reads 10.0 either way
    raise _wrong(data, "a number")


def _date(data: Any) -> dt.date:
    if type(data) is dt.date:
        return data
    if isinstance(data, str):
        return dt.date.fromisoformat(data)
    raise _wrong(data, "a date")


def _dataclass_builder(cls: DataclassType) -> Builder:
    fields: list[tuple[str, str, Builder]] = []
    required: set[str] = set()
    for f in data_fields(cls):
        fields.append((key_of(f), f.name, _lazy_hint(cls, f.name)))
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.add(key_of(f))
    keys = {key for key, _, _ in fields}

    def run(data: Any) -> Any:
        if not isinstance(data, dict):
            raise _wrong(data, cls.__name__)
        if not keys.issuperset(data) or not required.issubset(data):
            raise _wrong(data, f"a {cls.__name__}")
        return cls(**{name: make(data[key]) for key, name, make in fields if key in data})

    return run


def _lazy_hint(cls: DataclassType, name: str) -> Builder:
    def run(data: Any) -> Any:
        return _builder(_hints(cls)[name])(data)

    return run


def _fits(cls: DataclassType) -> Callable[[dict[str, Any]], bool]:
    """Whether mapping data could be a `cls`: its keys, and the values of its Literal fields."""
    hints = _hints(cls)
    keys = {key_of(f) for f in data_fields(cls)}
    required = {
        key_of(f)
        for f in data_fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    tags = {
        key_of(f): frozenset(typing.get_args(hints[f.name]))
        for f in data_fields(cls)
        if typing.get_origin(hints[f.name]) is Literal
    }

    def fits(data: dict[str, Any]) -> bool:
        return (
            keys.issuperset(data)
            and required.issubset(data)
            and all(data.get(key) in allowed for key, allowed in tags.items())
        )

    return fits


def _union_builder(members: tuple[Any, ...]) -> Builder:
    classes = [m for m in members if _is_class(m)]
    others = [m for m in members if not _is_class(m)]
    tests: list[tuple[Callable[[dict[str, Any]], bool], DataclassType]] = []

    def run(data: Any) -> Any:
        if isinstance(data, dict) and classes:
            if not tests:
                tests.extend((_fits(cls), cls) for cls in classes)
            for fits, cls in tests:
                if fits(data):
                    return _builder(cls)(data)
            raise _wrong(data, " or ".join(c.__name__ for c in classes))
        # As pydantic's smart mode: the member of the value's own type first, then
        # one that takes it (an int for a float), else the next.
        for member in others:
            if type(data) is member or (member is type(None) and data is None):
                return data
        for member in others:
            try:
                return _builder(member)(data)
            except ValueError:
                continue
        raise _wrong(data, " or ".join(map(str, members)))

    return run
