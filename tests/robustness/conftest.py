"""Fixtures of the robustness suite: the wizard's own (private HOME, frozen cursor, a
test answers file, the app factory), shared rather than written again."""

from __future__ import annotations

from tests.tui.conftest import (
    _frozen_cursor,
    _home,
    answers_path,
    example_answers,
    make_app,
    shipped_pack,
)

__all__ = [
    "_frozen_cursor",
    "_home",
    "answers_path",
    "example_answers",
    "make_app",
    "shipped_pack",
]
