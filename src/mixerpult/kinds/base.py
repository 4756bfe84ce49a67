"""What every question kind offers: a value that fits, the answer in words, and what a
condition may compare it with."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from typing import Any

from mixerpult.questionnaire import Question


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_date(value: Any) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def did_you_mean(word: str, candidates: set[str] | list[str]) -> str:
    """'; did you mean 'x'?' for the closest candidate, '' when none is close."""
    match = difflib.get_close_matches(str(word), sorted(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


class Kind:
    """One question type. Subclasses override what differs from free text."""

    name: str = ""
    free_text: bool = False
    """An answer in the user's own words (shortened when quoted as a reason)."""

    def fits(self, question: Question, value: Any) -> bool:
        """Whether a stored `value` (not None) is an answer of this kind."""
        return isinstance(value, str)

    def words(self, question: Question, value: Any, lang: str) -> str:
        """The answer in words, as every view shows it (a value that does not fit its
        question, from an old file or a hand edit, is shown as written)."""
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    def items(self, question: Question, value: Any, lang: str) -> list[str]:
        """The chosen options, one item each, for a kind that lists them ([] if not)."""
        return []

    def columns(self, question: Question, lang: str) -> tuple[str, ...]:
        """The headings of an answer that is a table, such as a plan (() if not)."""
        return ()

    def table(self, question: Question, value: Any, lang: str) -> list[tuple[str, ...]]:
        """An answer that is a table, its cells in words row by row ([] if not one)."""
        return []

    def comparison_problem(self, raw: Mapping[str, Any], op: str, values: list[Any]) -> str | None:
        """Why a condition comparing a question of this kind (`raw`, as written in the
        pack) by `op` with `values` can never hold, in the author's words; None if it can.
        (`answered` always can.)"""
        return None
