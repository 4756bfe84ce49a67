"""`text` and `long_text`: the user's own words, stored as typed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mixerpult.kinds.base import Kind, is_date


class TextKind(Kind):
    free_text = True

    def __init__(self, name: str) -> None:
        self.name = name

    def comparison_problem(self, raw: Mapping[str, Any], op: str, values: list[Any]) -> str | None:
        qid = raw.get("id")
        if op in ("at_least", "at_most"):
            return f"'{qid}' is text, not a {'date' if is_date(values[0]) else 'number'}"
        if op == "contains":
            return f"'{qid}' is text; 'contains' is for a multi_choice"
        if not all(isinstance(v, str) for v in values):
            return f"'{qid}' is text: compare it with text"
        return None


TEXT = TextKind("text")
LONG_TEXT = TextKind("long_text")
