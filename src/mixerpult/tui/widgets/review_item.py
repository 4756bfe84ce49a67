"""A line of the review: one answer or one fader, opened with Enter or a click."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Static


class ReviewItem(Static, can_focus=True):
    """A focusable summary of one answer that leads back to where it is edited."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "open", "Edit"),
        Binding("up", "neighbour(-1)", "Previous", show=False),
        Binding("down", "neighbour(1)", "Next", show=False),
    ]

    class Opened(Message):
        """The user wants to edit this item."""

        def __init__(self, item: ReviewItem) -> None:
            super().__init__()
            self.item = item

    def __init__(self, content: Content, page: str, target: str, *, id: str | None = None) -> None:
        super().__init__(content, id=id, classes="review-item", markup=False)
        self.page = page
        """The page where the item is edited (a step id or 'mixerpult')."""
        self.target = target
        """The question or channel id to focus there."""

    def action_open(self) -> None:
        self.post_message(self.Opened(self))

    def action_neighbour(self, direction: int) -> None:
        if direction < 0:
            self.screen.focus_previous(ReviewItem)
        else:
            self.screen.focus_next(ReviewItem)

    def on_click(self) -> None:
        self.post_message(self.Opened(self))

    def on_focus(self) -> None:
        self.scroll_visible(animate=False)
