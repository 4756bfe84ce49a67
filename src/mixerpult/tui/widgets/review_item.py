"""A line of the review or the walkthrough: one answer, fader or agreement, opened with
Enter or a click.

Everything that can be opened carries the class `openable`, whatever its widget
(the walkthrough's fader columns are containers): up and down move between them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from mixerpult.i18n import t
from mixerpult.present.overview import (
    AgreementsSection,
    AnswerItem,
    ChannelItem,
    ConsoleSection,
    Section,
)
from mixerpult.tui.flow import AGREEMENTS, MIXERPULT
from mixerpult.tui.summary import answer_summary, channel_summary, next_step_summary, notes_summary

OPENABLE = "openable"
"""The class of everything the arrow keys step through on the review and the walkthrough."""


def step_focus(widget: Widget, direction: int) -> None:
    """Move the focus to the openable thing before (-1) or after (1) `widget`."""
    if direction < 0:
        widget.screen.focus_previous(f".{OPENABLE}")
    else:
        widget.screen.focus_next(f".{OPENABLE}")


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

    def __init__(
        self,
        content: Content,
        page: str | None,
        target: str,
        *,
        id: str | None = None,
        classes: str = "review-item",
    ) -> None:
        super().__init__(content, id=id, classes=f"{classes} {OPENABLE}", markup=False)
        self.page = page
        """The page where the item is edited (a step id, 'mixerpult', 'agreements'),
        or None for something that is only read (a suggested tool's heading)."""
        self.target = target
        """The question, channel or row to focus there ('' for the page's first)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Something only to read (a heading of suggestions) offers no "edit" key.
        return not (action == "open" and self.page is None)

    def action_open(self) -> None:
        if self.page is not None:
            self.post_message(self.Opened(self))

    def action_neighbour(self, direction: int) -> None:
        step_focus(self, direction)

    def on_click(self) -> None:
        if self.page is not None:
            self.post_message(self.Opened(self))

    def on_focus(self) -> None:
        self.scroll_visible(animate=False)


# -- the items both overviews show ---------------------------------------------------


def question_item(item: AnswerItem, lang: str, *, classes: str = "review-item") -> ReviewItem:
    """An answer, opened on its step page."""
    content = answer_summary(item, lang)
    return ReviewItem(content, item.page, item.id, id=f"r-{item.id}", classes=classes)


def fader_item(
    item: ChannelItem, lang: str, *, classes: str = "review-item", mark: str = ""
) -> ReviewItem:
    """A fader with its note, opened on the console at that channel."""
    content = channel_summary(item, lang, mark)
    return ReviewItem(content, MIXERPULT, item.id, id=f"r-fader-{item.id}", classes=classes)


def section_items(
    section: Section,
    lang: str,
    empty: str,
    *,
    classes: str = "review-item",
    unagreed: frozenset[str] = frozenset(),
) -> Iterator[Widget]:
    """The items of one step or of the console, each opened where it is edited;
    `unagreed`: the channels to mark as needing easing with nothing agreed."""
    if isinstance(section, ConsoleSection):
        mark = t("review_unagreed_mark", lang)
        for channel in section.items:
            yield fader_item(
                channel, lang, classes=classes, mark=mark if channel.id in unagreed else ""
            )
        return
    if not section.items:
        yield Static(Content(empty), classes="review-empty")
    for item in section.items:
        yield question_item(item, lang, classes=classes)


def agreement_items(
    agreements: AgreementsSection, lang: str, *, classes: str = "review-item"
) -> list[ReviewItem]:
    """The meeting's notes and next steps, each opened on the agreements page."""
    items = [
        ReviewItem(
            notes_summary(agreements.notes, lang),
            AGREEMENTS,
            "notes",
            id="r-agreements-notes",
            classes=classes,
        )
    ]
    for step in agreements.next_steps:
        items.append(
            ReviewItem(
                next_step_summary(step, lang),
                AGREEMENTS,
                f"step-{step.index}",
                id=f"r-agreements-{step.index}",
                classes=classes,
            )
        )
    if not agreements.next_steps:
        items.append(
            ReviewItem(
                Content.styled(t("agreements_no_steps", lang), "italic"),
                AGREEMENTS,
                "add",
                id="r-agreements-add",
                classes=classes,
            )
        )
    return items
