"""Structured conditions (`visible_if`, `suggest_if`) and their evaluation.

Conditions are YAML data (all/any/not over comparisons), never strings handed
to `eval`: a pack written by someone else cannot run code here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from mixerpult.model import Frozen, Pydantic

Scalar = str | int | float | bool | dt.date

OPERATORS = ("equals", "not_equals", "in", "contains", "at_least", "at_most", "answered")
ENDS = ("good", "bad", "either")
"""Which end of a fader's range a comparison looks at (`mixerpult: range: true`)."""
End = Literal["good", "bad", "either"]


class _Strict(Frozen):
    __slots__ = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Compare(_Strict):
    """One answer or one fader compared with a value."""

    answer: str | None = None
    fader: str | None = None
    equals: Scalar | None = None
    not_equals: Scalar | None = None
    in_: list[Scalar] | None = field(default=None, metadata={"alias": "in"})
    contains: str | None = None
    # A date bound compares with date answers only, a number with numbers and fader
    # positions only; the checker refuses the other pairings.
    at_least: float | dt.date | None = None
    at_most: float | dt.date | None = None
    answered: bool | None = None
    end: End | None = None
    """On a fader of a pack with ranges: the good day (the position), the bad day,
    or either of them; None is the position, as in a pack without ranges."""

    def __post_init__(self) -> None:
        # Run by pydantic in the checker too, which reports it as the comparison's error.
        if (self.answer is None) == (self.fader is None):
            raise ValueError("a comparison names exactly one of 'answer' or 'fader'")
        if self.end is not None and self.fader is None:
            raise ValueError("'end' goes with a 'fader' only: an answer has no good or bad day")
        given = [op for op in OPERATORS if self.operand(op) is not None]
        if len(given) != 1:
            raise ValueError(
                "a comparison has exactly one operator, one of: " + ", ".join(OPERATORS)
            )

    def operand(self, op: str) -> Any:
        """The value given for operator `op` (None when absent)."""
        return self.in_ if op == "in" else getattr(self, op)

    @property
    def operator(self) -> str:
        """The single operator this comparison uses."""
        return next(op for op in OPERATORS if self.operand(op) is not None)

    @property
    def subject(self) -> tuple[Literal["answer", "fader"], str]:
        """Whether an answer or a fader is compared, and its id."""
        if self.answer is not None:
            return "answer", self.answer
        assert self.fader is not None
        return "fader", self.fader


@dataclass(frozen=True, kw_only=True, slots=True)
class AllOf(_Strict):
    all: list[Condition]


@dataclass(frozen=True, kw_only=True, slots=True)
class AnyOf(_Strict):
    any: list[Condition]


@dataclass(frozen=True, kw_only=True, slots=True)
class NotOf(_Strict):
    not_: Condition = field(metadata={"alias": "not"})


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        for key in ("all", "any", "not"):
            if key in value:
                return key
        return "compare"
    return {AllOf: "all", AnyOf: "any", NotOf: "not"}.get(type(value), "compare")


# The tag tells the checker which member to report errors of: the one the key names.
Condition = Annotated[
    Annotated[AllOf, Pydantic("Tag", "all")]
    | Annotated[AnyOf, Pydantic("Tag", "any")]
    | Annotated[NotOf, Pydantic("Tag", "not")]
    | Annotated[Compare, Pydantic("Tag", "compare")],
    Pydantic("Discriminator", _kind),
]


class Facts:
    """What a condition can look at: the answers and the fader positions.

    `faders` are the positions (a range's good-day end); `bad` the bad-day ends of
    the channels that have one of their own: a channel missing there is the same on
    both days, as one position in the answers file means both ends.
    """

    def __init__(
        self,
        answers: Mapping[str, Any],
        faders: Mapping[str, int | None],
        bad: Mapping[str, int | None] | None = None,
    ) -> None:
        self.answers = answers
        self.faders = faders
        self.bad: Mapping[str, int | None] = bad or {}

    def value(self, compare: Compare, end: str = "good") -> Any:
        kind, ident = compare.subject
        if kind == "answer":
            value = self.answers.get(ident)
        else:
            value = self.faders.get(ident)
            if end == "bad" and value is not None:
                value = self.bad.get(ident) or value
        if value in ("", [], None):
            return None
        return value


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return float(value)
        except OverflowError:  # an integer of hundreds of digits, from a hand edit
            return float("inf") if value > 0 else float("-inf")
    return None


def _compare(compare: Compare, facts: Facts) -> bool:
    if compare.end == "either":
        return _compare_end(compare, facts, "good") or _compare_end(compare, facts, "bad")
    return _compare_end(compare, facts, compare.end or "good")


def _compare_end(compare: Compare, facts: Facts, end: str) -> bool:
    value = facts.value(compare, end)
    op = compare.operator
    operand = compare.operand(op)
    if op == "answered":
        return bool((value is not None) == operand)
    if op == "not_equals":
        return bool(value != operand)
    if value is None:
        return False
    if op == "equals":
        return bool(value == operand)
    if op == "in":
        return value in operand
    if op == "contains":
        return isinstance(value, list) and operand in value
    if isinstance(operand, dt.date):
        if not isinstance(value, dt.date):
            return False
        if isinstance(value, dt.datetime):  # a time of day, written into the file by hand
            value = value.date()
        return bool(value >= operand if op == "at_least" else value <= operand)
    number = None if isinstance(value, dt.date) else _number(value)
    if number is None:
        return False
    return bool(number >= operand if op == "at_least" else number <= operand)


def holds(condition: Condition | None, facts: Facts) -> bool:
    """Whether `condition` holds; no condition always holds."""
    if condition is None:
        return True
    if isinstance(condition, AllOf):
        return all(holds(c, facts) for c in condition.all)
    if isinstance(condition, AnyOf):
        return any(holds(c, facts) for c in condition.any)
    if isinstance(condition, NotOf):
        return not holds(condition.not_, facts)
    return _compare(condition, facts)


def reasons(condition: Condition, facts: Facts) -> list[Compare]:
    """The comparisons that made `condition` hold, to explain a suggestion.

    A negated branch gives no positive reason, so it contributes nothing.
    """
    if isinstance(condition, AllOf):
        return [r for c in condition.all for r in reasons(c, facts)]
    if isinstance(condition, AnyOf):
        return [r for c in condition.any if holds(c, facts) for r in reasons(c, facts)]
    if isinstance(condition, NotOf):
        return []
    return [condition] if _compare(condition, facts) else []


def comparisons(condition: Condition | None) -> Iterator[Compare]:
    """Every comparison in `condition`, depth first."""
    if condition is None:
        return
    if isinstance(condition, AllOf | AnyOf):
        for child in condition.all if isinstance(condition, AllOf) else condition.any:
            yield from comparisons(child)
    elif isinstance(condition, NotOf):
        yield from comparisons(condition.not_)
    else:
        yield condition


def compare_holds(compare: Compare, facts: Facts) -> bool:
    """Whether one comparison holds (for evaluators that walk conditions themselves)."""
    return _compare(compare, facts)
