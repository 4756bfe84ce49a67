"""Conditions: structured YAML evaluated against answers and fader positions."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import TypeAdapter, ValidationError

from mixerpult.conditions import Compare, Condition, Facts, holds, reasons

ADAPTER: TypeAdapter[Condition] = TypeAdapter(Condition)


def cond(data: object) -> Condition:
    return ADAPTER.validate_python(data)


FACTS = Facts(
    answers={"plan": "ja", "timer": 20, "hjaelp": ["familie"], "forsikring": False, "tom": ""},
    faders={"tid": 2, "opgaver": None},
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"answer": "plan", "equals": "ja"}, True),
        ({"answer": "plan", "equals": "nej"}, False),
        ({"answer": "plan", "not_equals": "nej"}, True),
        ({"answer": "plan", "in": ["nej", "ja"]}, True),
        ({"answer": "timer", "at_least": 20}, True),
        ({"answer": "timer", "at_most": 19}, False),
        ({"answer": "hjaelp", "contains": "familie"}, True),
        ({"answer": "hjaelp", "contains": "venner"}, False),
        ({"answer": "forsikring", "equals": False}, True),
        ({"answer": "forsikring", "answered": True}, True),
        ({"answer": "tom", "answered": False}, True),
        ({"answer": "mangler", "answered": False}, True),
        ({"answer": "mangler", "equals": "ja"}, False),
        ({"answer": "mangler", "not_equals": "ja"}, True),
        ({"answer": "plan", "at_least": 1}, False),  # text is never a number
        ({"fader": "tid", "at_most": 2}, True),
        ({"fader": "opgaver", "at_most": 5}, False),  # an unset fader is not low
        ({"fader": "opgaver", "answered": False}, True),
        ({"all": [{"answer": "plan", "equals": "ja"}, {"fader": "tid", "at_most": 3}]}, True),
        ({"all": [{"answer": "plan", "equals": "ja"}, {"fader": "tid", "at_least": 3}]}, False),
        ({"any": [{"answer": "plan", "equals": "nej"}, {"fader": "tid", "equals": 2}]}, True),
        ({"not": {"answer": "plan", "equals": "ja"}}, False),
        ({"not": {"any": [{"answer": "plan", "equals": "nej"}]}}, True),
    ],
)
def test_holds(data: object, expected: bool) -> None:
    assert holds(cond(data), FACTS) is expected


DATES = Facts(
    answers={"moede": dt.date(2026, 12, 3), "stempel": dt.datetime(2026, 12, 3, 9, 0), "timer": 20},
    faders={"tid": 2},
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"answer": "moede", "at_least": dt.date(2026, 12, 1)}, True),
        ({"answer": "moede", "at_least": dt.date(2026, 12, 4)}, False),
        ({"answer": "moede", "at_most": dt.date(2026, 12, 3)}, True),
        ({"answer": "moede", "at_most": dt.date(2026, 12, 2)}, False),
        ({"answer": "stempel", "at_least": dt.date(2026, 12, 3)}, True),  # a time of day, by hand
        ({"answer": "moede", "at_least": 3}, False),  # a date is never a number
        ({"answer": "timer", "at_least": dt.date(2026, 1, 1)}, False),  # nor a number a date
        ({"fader": "tid", "at_most": dt.date(2026, 1, 1)}, False),
        ({"answer": "mangler", "at_least": dt.date(2026, 1, 1)}, False),
    ],
)
def test_dates_compare_with_dates_only(data: object, expected: bool) -> None:
    assert holds(cond(data), DATES) is expected


def test_a_date_operand_stays_a_date_and_a_number_a_number() -> None:
    on_date = cond({"answer": "moede", "at_least": dt.date(2026, 12, 1)})
    on_number = cond({"answer": "timer", "at_most": 3})
    assert isinstance(on_date, Compare) and on_date.at_least == dt.date(2026, 12, 1)
    assert isinstance(on_number, Compare) and on_number.at_most == 3.0


def test_no_condition_holds() -> None:
    assert holds(None, FACTS)


def test_reasons_name_the_comparisons_that_matched() -> None:
    c = cond({"any": [{"fader": "tid", "at_most": 2}, {"answer": "plan", "equals": "nej"},
                      {"answer": "timer", "at_least": 10}]})  # fmt: skip
    found = reasons(c, FACTS)
    assert [r.subject for r in found] == [("fader", "tid"), ("answer", "timer")]
    assert all(isinstance(r, Compare) for r in found)


@pytest.mark.parametrize(
    "data",
    [
        {"answer": "a", "fader": "b", "equals": 1},
        {"answer": "a"},
        {"answer": "a", "equals": 1, "at_most": 2},
        {"all": "not a list"},
        {"answer": "a", "equals": 1, "extra": 2},
        "__import__('os').system('true')",
    ],
)
def test_malformed_conditions_are_rejected(data: object) -> None:
    with pytest.raises(ValidationError):
        cond(data)


# Good days and bad days (`mixerpult: range: true`): `position` is the good day, a
# channel without a bad-day end is the same on both days.
RANGES = Facts(
    answers={},
    faders={"tid": 4, "ansvar": 3, "opgaver": None},
    bad={"tid": 2},
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"fader": "tid", "at_most": 2}, False),  # no end: the position, as before
        ({"fader": "tid", "end": "good", "at_most": 2}, False),
        ({"fader": "tid", "end": "bad", "at_most": 2}, True),
        ({"fader": "tid", "end": "either", "at_most": 2}, True),
        ({"fader": "tid", "end": "either", "at_least": 4}, True),
        ({"fader": "tid", "end": "either", "equals": 3}, False),
        ({"fader": "tid", "end": "bad", "equals": 4}, False),
        ({"fader": "ansvar", "end": "bad", "equals": 3}, True),  # one position: both ends
        ({"fader": "opgaver", "end": "bad", "at_most": 5}, False),
        ({"fader": "opgaver", "end": "either", "answered": False}, True),
        ({"fader": "tid", "end": "bad", "answered": True}, True),
        ({"not": {"fader": "tid", "end": "bad", "at_most": 2}}, False),
    ],
)
def test_conditions_on_each_end(data: object, expected: bool) -> None:
    assert holds(cond(data), RANGES) is expected


def test_end_belongs_to_a_fader() -> None:
    with pytest.raises(ValidationError):
        cond({"answer": "plan", "end": "bad", "equals": "ja"})
    with pytest.raises(ValidationError):
        cond({"fader": "tid", "end": "worst", "at_most": 2})
