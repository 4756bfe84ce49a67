"""`yes_no`: true or false."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mixerpult.i18n import t
from mixerpult.kinds.base import Kind
from mixerpult.questionnaire import Question


class YesNoKind(Kind):
    name = "yes_no"

    def fits(self, question: Question, value: Any) -> bool:
        return isinstance(value, bool)

    def words(self, question: Question, value: Any, lang: str) -> str:
        if isinstance(value, bool):
            return t("answer_yes" if value else "answer_no", lang)
        return super().words(question, value, lang)

    def comparison_problem(self, raw: Mapping[str, Any], op: str, values: list[Any]) -> str | None:
        if op in ("at_least", "at_most", "contains") or not all(
            isinstance(v, bool) for v in values
        ):
            return f"'{raw.get('id')}' is yes/no: compare it with true or false (without quotes)"
        return None


YES_NO = YesNoKind()
