"""`text` and `long_text`: the user's own words, stored as typed."""

from __future__ import annotations

from mixerpult.kinds.base import Kind


class TextKind(Kind):
    free_text = True

    def __init__(self, name: str) -> None:
        self.name = name


TEXT = TextKind("text")
LONG_TEXT = TextKind("long_text")
