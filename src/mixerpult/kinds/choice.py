"""`choice` and `multi_choice`: option ids, read as the options' labels."""

from __future__ import annotations

from typing import Any

from mixerpult.kinds.base import Kind
from mixerpult.questionnaire import ChoiceQuestion, Question, tr


class ChoiceKind(Kind):
    def __init__(self, name: str, many: bool) -> None:
        self.name = name
        self.many = many

    def fits(self, question: Question, value: Any) -> bool:
        return isinstance(value, list) if self.many else isinstance(value, str)

    def _labels(self, question: Question, value: Any, lang: str) -> list[str]:
        options = question.options if isinstance(question, ChoiceQuestion) else []
        labels = {o.id: tr(o.label, lang) for o in options}
        chosen = value if isinstance(value, list) else [value]
        # An option the pack no longer has is shown by its id rather than dropped.
        return [labels.get(str(v), str(v)) for v in chosen]

    def words(self, question: Question, value: Any, lang: str) -> str:
        return ", ".join(self._labels(question, value, lang))

    def items(self, question: Question, value: Any, lang: str) -> list[str]:
        return self._labels(question, value, lang) if self.many else []


CHOICE = ChoiceKind("choice", many=False)
MULTI_CHOICE = ChoiceKind("multi_choice", many=True)
