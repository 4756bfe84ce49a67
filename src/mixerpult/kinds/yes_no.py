"""`yes_no`: true or false."""

from __future__ import annotations

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


YES_NO = YesNoKind()
