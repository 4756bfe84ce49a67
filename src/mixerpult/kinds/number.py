"""`number`: an int or float, read with the question's unit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mixerpult.i18n import format_number
from mixerpult.kinds.base import Kind, is_number
from mixerpult.questionnaire import NumberQuestion, Question, tr


class NumberKind(Kind):
    name = "number"

    def fits(self, question: Question, value: Any) -> bool:
        return isinstance(value, int | float) and not isinstance(value, bool)

    def words(self, question: Question, value: Any, lang: str) -> str:
        if not self.fits(question, value):
            return super().words(question, value, lang)
        text = format_number(value, lang)
        unit = tr(question.unit, lang) if isinstance(question, NumberQuestion) else ""
        return f"{text} {unit}" if unit else text

    def comparison_problem(self, raw: Mapping[str, Any], op: str, values: list[Any]) -> str | None:
        qid = raw.get("id")
        if op == "contains" or not all(is_number(v) for v in values):
            return f"'{qid}' is a number: compare it with a number"
        low, high = raw.get("min"), raw.get("max")
        for v in values:
            if op in ("equals", "in", "at_least") and is_number(high) and v > high:
                return f"'{qid}' is at most {high}"
            if op in ("equals", "in", "at_most") and is_number(low) and v < low:
                return f"'{qid}' is at least {low}"
        return None


NUMBER = NumberKind()
