"""`choice` and `multi_choice`: option ids, read as the options' labels."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mixerpult.kinds.base import Kind, did_you_mean
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

    def comparison_problem(self, raw: Mapping[str, Any], op: str, values: list[Any]) -> str | None:
        qid, name = raw.get("id"), self.name
        if op in ("at_least", "at_most"):
            return f"'{qid}' is a {name}, not a number"
        if not self.many and op == "contains":
            return f"'{qid}' is a single choice; use 'equals'"
        if self.many and op in ("equals", "not_equals", "in"):
            return f"'{qid}' is a multi_choice; use 'contains'"
        raw_options = raw.get("options")
        options = [
            str(o.get("id"))
            for o in (raw_options if isinstance(raw_options, list) else [])
            if isinstance(o, Mapping)
        ]
        for v in values:
            if isinstance(v, bool):
                return (
                    f"'{qid}' is a {name}: compare it with an option id "
                    "(YAML reads yes, no, on and off as true/false: put the id in quotes)"
                )
            if v not in options:
                return f"'{qid}' has no option '{v}'{did_you_mean(str(v), options)}"
        return None


CHOICE = ChoiceKind("choice", many=False)
MULTI_CHOICE = ChoiceKind("multi_choice", many=True)
