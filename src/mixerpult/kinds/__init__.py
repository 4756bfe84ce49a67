"""Question kinds: what each question type stores, which values fit, how an answer
reads, registered in one table.

A new question type is one module here (and its row in `KINDS`), its model in
`questionnaire`, and its widget in `tui.widgets.question` (the widget table there).
Nothing else dispatches on `Question.type`.
"""

from __future__ import annotations

from mixerpult.kinds.base import Kind
from mixerpult.kinds.choice import CHOICE, MULTI_CHOICE
from mixerpult.kinds.date import DATE
from mixerpult.kinds.number import NUMBER
from mixerpult.kinds.plan import PLAN
from mixerpult.kinds.text import LONG_TEXT, TEXT
from mixerpult.kinds.yes_no import YES_NO
from mixerpult.questionnaire import QUESTION_TYPES, Question

KINDS: dict[str, Kind] = {
    kind.name: kind for kind in (TEXT, LONG_TEXT, NUMBER, CHOICE, MULTI_CHOICE, YES_NO, DATE, PLAN)
}
assert tuple(KINDS) == QUESTION_TYPES, "every question type has exactly one kind"


def kind_of(question: Question) -> Kind:
    """The kind of `question`."""
    return KINDS[question.type]


__all__ = ["KINDS", "Kind", "kind_of"]
