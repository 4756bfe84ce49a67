"""The walkthrough's scrolling body and its sections.

The body leaves Page Up/Down to the screen, which uses them to go from section
to section (a scroll container would otherwise take them to scroll by a page).
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll


class WalkBody(VerticalScroll, inherit_bindings=False):
    """A vertical scroll without the page keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("home", "scroll_home", "Scroll home", show=False),
        Binding("end", "scroll_end", "Scroll end", show=False),
    ]


class WalkSection(Vertical):
    """One section of the walkthrough: a heading and what belongs to it."""

    def __init__(self, key: str, heading: str) -> None:
        super().__init__(id=f"walk-{key}", classes="walk-section")
        self.key = key
        """The page the section shows (a step id, 'mixerpult'), or 'tools', 'agreements'."""
        self.heading = heading
