"""What every question kind offers: a value that fits, and the answer in words."""

from __future__ import annotations

from typing import Any

from mixerpult.questionnaire import Question


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
