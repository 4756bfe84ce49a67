"""Input and TextArea that never draw a control character as it is.

An answer may hold ESC, NUL and their like (pasted from anywhere); drawn as they
are, a terminal would obey them (`\\x1b[2J` clears the screen). These widgets keep
the value exactly as typed and draw each control character as its visible symbol
(`format.pictured`), as the review does.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len, get_character_cell_size
from rich.highlighter import Highlighter
from rich.text import Text
from textual import events
from textual.expand_tabs import expand_tabs_inline
from textual.widgets import Input, TextArea

from mixerpult.tui.format import pictured

_LINE_BREAK_PICTURE = {0x0A: 0x2424}


def _drawn(text: str) -> str:
    return pictured(text).translate(_LINE_BREAK_PICTURE)


class _Pictured(Highlighter):
    """A "highlighter" that changes no style, only how control characters look."""

    def highlight(self, text: Text) -> None:
        # One character for one, so every span and the cursor stay where they were.
        text.plain = _drawn(text.plain)


class TextInput(Input):
    """A one-line field for user text."""

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        # Selecting on focus would let the next key replace a whole answer.
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, highlighter=_Pictured(), **kwargs)

    # Input measures the cursor and the mouse in cells of the value as stored, where a
    # control character takes none; drawn as a symbol it takes one. Measured on what is
    # drawn, the field scrolls to the cursor and a click lands where it points.
    # (Both are Textual 8.2's own helpers, overridden here: the pin is <8.3.)

    def _position_to_cell(self, position: int) -> int:
        return cell_len(expand_tabs_inline(_drawn(self.value[:position]), 4))

    def _cell_offset_to_index(self, offset: int) -> int:
        scroll_x, _ = self.scroll_offset
        offset += scroll_x
        cell = 0
        for index, character in enumerate(_drawn(self.value)):
            width = get_character_cell_size(character)
            if cell <= offset < cell + width:
                return index
            cell += width
        return max(0, min(offset, len(self.value)))


class TextBox(TextArea):
    """A multi-line field for user text: wrapped, and Tab leaves it, as in a form."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("show_line_numbers", False)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(text, **kwargs)
        self._focused_once = False

    def on_focus(self, _event: events.Focus) -> None:
        # TextArea starts with the cursor before the first character, so what a
        # user adds to an earlier answer would land in front of it. The first time
        # the field is entered the cursor goes to the end (a click then puts it
        # where it was clicked); after that the field keeps where the user left it.
        if not self._focused_once and self.cursor_location == (0, 0):
            self.move_cursor(self.document.end)
        self._focused_once = True

    def get_line(self, line_index: int) -> Text:
        # Lines wrap by the width of the text as stored, so a line with many control
        # characters may run a few cells past the edge; nothing is obeyed or lost.
        line = super().get_line(line_index)
        line.plain = pictured(line.plain)
        return line
