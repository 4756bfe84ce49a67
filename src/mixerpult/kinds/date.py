"""`date`: a calendar date, stored as a YAML date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from mixerpult.i18n import format_date
from mixerpult.kinds.base import Kind, is_date
from mixerpult.questionnaire import Question


class DateKind(Kind):
    name = "date"

    def fits(self, question: Question, value: Any) -> bool:
        # A blank string is what an emptied field left in older files.
        return isinstance(value, dt.date) or (isinstance(value, str) and not value.strip())

    def words(self, question: Question, value: Any, lang: str) -> str:
        if isinstance(value, dt.date):
            return format_date(value, lang)
        return super().words(question, value, lang)

    def comparison_problem(self, raw: Mapping[str, Any], op: str, values: list[Any]) -> str | None:
        if op == "contains" or not all(is_date(v) for v in values):
            return f"'{raw.get('id')}' is a date: compare it with a date such as 2026-12-01"
        return None


DATE = DateKind()
