"""Input and TextArea that never draw a control character as it is.

An answer may hold ESC, NUL and their like (pasted from anywhere); drawn as they
are, a terminal would obey them (`\\x1b[2J` clears the screen). These widgets keep
the value exactly as typed and draw each control character as its visible symbol
(`format.pictured`), as the review does.
"""

from __future__ import annotations

from typing import Any

from rich.highlighter import Highlighter
from rich.text import Text
from textual.widgets import Input, TextArea

from mixerpult.tui.format import pictured

_LINE_BREAK_PICTURE = {0x0A: 0x2424}


class _Pictured(Highlighter):
    """A "highlighter" that changes no style, only how control characters look."""

    def highlight(self, text: Text) -> None:
        # One character for one, so every span and the cursor stay where they were.
        text.plain = pictured(text.plain).translate(_LINE_BREAK_PICTURE)


class TextInput(Input):
    """A one-line field for user text."""

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        # Selecting on focus would let the next key replace a whole answer.
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, highlighter=_Pictured(), **kwargs)


class TextBox(TextArea):
    """A multi-line field for user text: wrapped, and Tab leaves it, as in a form."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("show_line_numbers", False)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(text, **kwargs)

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        line.plain = pictured(line.plain)
        return line
