"""Checkboxes, radio buttons and selection lists whose state shows in their shape.

Textual draws a ticked and an unticked box alike (`▐X▌`), told apart only by
colour: with NO_COLOR, in the ANSI theme or for a colour-blind user, "Privat"
would not say whether an answer is kept off the sheet. Here an unticked box is
empty (`▐ ▌`) and an unchosen radio button has no dot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

EMPTY = " "


if TYPE_CHECKING:
    from textual.widgets._toggle_button import ToggleButton as _Toggle
else:
    _Toggle = object


class _StateInShape(_Toggle):
    """Draws `MARK` inside the button when on, nothing when off."""

    MARK: ClassVar[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._show_state()

    def watch_value(self) -> None:
        super().watch_value()
        self._show_state()

    def _show_state(self) -> None:
        # Read by Textual when it draws the button; an instance attribute per state.
        self.BUTTON_INNER = self.MARK if self.value else EMPTY


class Tick(_StateInShape, Checkbox):
    """A checkbox: `X` when ticked, empty when not."""

    MARK = Checkbox.BUTTON_INNER


class Choice(_StateInShape, RadioButton):
    """A radio button: a dot when chosen, empty when not."""

    MARK = RadioButton.BUTTON_INNER


class TickList(SelectionList[str]):
    """A selection list whose unselected boxes are empty."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        # The same option Textual looked up to draw this line's box.
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        is_box = len(segments) > 2 and segments[0].text == Checkbox.BUTTON_LEFT
        if not is_box or option.value in self.selected:
            return strip
        inner = segments[1]
        segments[1] = Segment(EMPTY * len(inner.text), inner.style, inner.control)
        return Strip(segments, strip.cell_length)
