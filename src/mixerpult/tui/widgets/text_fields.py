"""Input and TextArea that keep keys in the order typed and never draw a control
character as it is.

An answer may hold ESC, NUL and their like (pasted from anywhere); drawn as they
are, a terminal would obey them (`\\x1b[2J` clears the screen). These widgets keep
the value exactly as typed and draw each control character as its visible symbol
(`format.pictured`), as the review does.

Textual's fields insert a typed character as soon as its key arrives, but run their
bound keys (Backspace, Delete, arrows, Home/End, Ctrl+V) only once the key has
bubbled up to the app and come back as a binding, behind every key typed after it
(Textual #6605). A burst (a fast typist, a macro, a busy laptop, a slow ssh link)
then comes out scrambled: 16 Backspaces and "Mette" left "MeMette". These fields run
their own bindings as the key arrives, in order with the typed characters.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len, get_character_cell_size
from rich.highlighter import Highlighter
from rich.text import Text
from textual import events
from textual.expand_tabs import expand_tabs_inline
from textual.widget import Widget
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


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run `widget`'s own binding for `event` now, as the app would once the key had
    come back up to it; True if one ran (and the key is then used up).

    The focused widget is the first place the app looks for a binding, and priority
    bindings were tried before the key was handed down, so what runs is what would
    have run, only no later key can overtake it. (Textual PR #6631 proposes the same
    inside Input and TextArea; with it, this is a no-op.)
    """
    if event.is_printable:
        return False  # typed text: the field inserts it itself, as it arrives
    bindings = widget._bindings
    keymap = widget.app._keymap  # a user's rebinding applies here as it would up there
    if keymap:
        bindings = bindings.copy()
        bindings.apply_keymap(keymap)
    for binding in bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()  # used up: nothing else may act on it again
            return True
    return False


class TextInput(Input):
    """A one-line field for user text."""

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        # Selecting on focus would let the next key replace a whole answer.
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, highlighter=_Pictured(), **kwargs)

    async def _on_key(self, event: events.Key) -> None:
        if await run_own_binding(self, event):
            # Input's own key handler, which no longer runs for this key, would have
            # restarted the blink (a Textual 8.2 helper; the pin is <8.3).
            self._restart_blink()

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

    async def _on_key(self, event: events.Key) -> None:
        if await run_own_binding(self, event):
            self._restart_blink()  # as TextInput's

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
