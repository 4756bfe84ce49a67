"""`number`: an int or float, read with the question's unit."""

from __future__ import annotations

from typing import Any

from mixerpult.i18n import format_number
from mixerpult.kinds.base import Kind
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


NUMBER = NumberKind()
