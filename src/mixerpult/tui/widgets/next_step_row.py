"""One agreed next step on the agreements page: what, who, by when, and a remove button;
under them, what the step is about (a channel of the console, a row of the plan).

The row only reports what was typed; the screen decides what to store. "By
when" may be a date (17-12-2026) or words ("next week"): a date is stored as a
date, anything else as the words typed, so nothing the user writes is refused.
A text that looks like a date but is none (32-13-2026) is marked on the row, in
words under it, for as long as it stands there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Button, Input, Label, Select

from mixerpult.answers import NextStep
from mixerpult.tui.format import impossible_date, parse_date, show_date, shown
from mixerpult.tui.text import plain, ui
from mixerpult.tui.widgets.text_fields import TextInput

Field = Literal["what", "who", "by"]
FIELDS: tuple[Field, ...] = ("what", "who", "by")
Topic = Literal["channel", "plan_row"]


def parse_by(text: str) -> dt.date | str | None:
    """What "by when" stores: a date if the text is one, else the text ('' is None)."""
    if not text.strip():
        return None
    return parse_date(text) or text


def by_field(by: dt.date | str | None) -> str:
    """A "by when" as the field edits it: a date as it is typed (DD-MM-YYYY)."""
    return show_date(by) if isinstance(by, dt.date) else (by or "")


class NextStepRow(Vertical):
    """Three fields and a button in one line; the two choices of what it is about under them."""

    class Changed(Message):
        """A field of the row was edited, or what it is about chosen."""

        def __init__(
            self, row: NextStepRow, field: Field | Topic, value: dt.date | str | int | None
        ) -> None:
            super().__init__()
            self.row = row
            self.field = field
            self.value = value

    class RemoveRequested(Message):
        def __init__(self, row: NextStepRow) -> None:
            super().__init__()
            self.row = row

    def __init__(
        self,
        step: NextStep,
        *,
        channels: Sequence[tuple[str, str]] = (),
        plan_rows: Sequence[tuple[int, str]] = (),
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="step-row")
        self.step = step
        self.channels = list(channels)
        """(id, name) of each channel the step can be about."""
        self.plan_rows = list(plan_rows)
        """(number, words) of each row of the plan the viewer sees."""

    def compose(self) -> ComposeResult:
        values = {"what": self.step.what, "who": self.step.who, "by": by_field(self.step.by)}
        with Horizontal(classes="step-line"):
            for name in FIELDS:
                yield TextInput(
                    values[name],
                    placeholder=ui(self, f"agreements_{name}_placeholder"),
                    classes=f"step-{name} step-field",
                    compact=True,
                )
            yield Button(plain(ui(self, "agreements_remove")), classes="step-remove", compact=True)
        with Horizontal(classes="step-about-line"):
            yield Label(plain(ui(self, "agreements_about")), classes="step-about")
            yield self._choice("channel", self.channels, self.step.channel or None)
            yield self._choice("plan_row", self.plan_rows, self.step.plan_row)

    def _choice(self, topic: Topic, options: list[Any], value: Any) -> Select[Any]:
        known = [v for v, _ in options]
        if value is not None and value not in known:
            # What the file says stays chosen, and is kept, even when this screen cannot
            # name it (a channel of another pack, a row of a plan the viewer does not see).
            words = (
                ui(self, "agreements_channel_unknown", channel=value)
                if topic == "channel"
                else ui(self, "plan_row", row=value)
            )
            options = [*options, (value, words)]
        blank = "agreements_no_channel" if topic == "channel" else "agreements_no_plan_row"
        return Select(
            [(plain(words), v) for v, words in options],
            prompt=ui(self, blank),  # Select shows its prompt as plain text, never markup
            value=Select.NULL if value is None else value,
            # A letter typed would choose unseen: only arrows, Enter and clicks.
            type_to_search=False,
            classes=f"step-{topic.replace('_', '-')} step-topic",
            compact=True,
        )

    def on_mount(self) -> None:
        # A file may hold such a text already (written by hand, or kept as typed).
        self._mark_by(self.field("by").value)

    def field(self, name: Field) -> Input:
        return self.query_one(f".step-{name}", Input)

    @property
    def has_content(self) -> bool:
        return any(self.field(name).value.strip() for name in FIELDS)

    def focus_first(self) -> None:
        self.field("what").focus()

    @on(Input.Changed, ".step-field")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        for name in FIELDS:
            if event.input.has_class(f"step-{name}"):
                value = parse_by(event.value) if name == "by" else event.value
                if name == "by" and not impossible_date(event.value):
                    self._mark_by(event.value)  # put right: the mark goes at once
                self.post_message(self.Changed(self, name, value))
                return

    @on(Select.Changed, ".step-topic")
    def _topic_changed(self, event: Select.Changed) -> None:
        event.stop()
        chosen = event.value
        if event.select.has_class("step-channel"):
            channel = chosen if isinstance(chosen, str) else ""
            self.post_message(self.Changed(self, "channel", channel))
        else:
            row = chosen if isinstance(chosen, int) else None
            self.post_message(self.Changed(self, "plan_row", row))

    @on(Input.Blurred, ".step-field")
    def _left(self, event: Input.Blurred) -> None:
        # A long text stays scrolled to where it was written; left, it shows its start,
        # as the other rows do.
        event.input.scroll_to(x=0, animate=False, immediate=True)
        if event.input.has_class("step-by"):
            self._mark_by(event.value)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Entered again, the field shows where its cursor is (it was scrolled to its start).
        field = event.widget
        if isinstance(field, Input):
            cell = field.cursor_screen_offset.x - field.content_region.x + int(field.scroll_x)
            field.scroll_to_region(Region(cell, 0, 1, 1), animate=False, immediate=True)

    def _mark_by(self, text: str) -> None:
        """Mark the row while "by when" holds a typo of a date.

        Words are welcome here ("om fire uger"), but 32-13-2026 is a date that is
        none: it is kept as written, and said on the row (a notice would be gone in
        five seconds, over the page's buttons, or on the next page).
        """
        wrong = impossible_date(text)
        self.set_class(wrong, "-not-a-date")
        self.field("by").set_class(wrong, "-not-a-date")
        self.border_subtitle = (
            plain(ui(self, "agreements_by_not_a_date_mark", text=shown(text))) if wrong else None
        )

    @on(Input.Submitted, ".step-field")
    def _submitted(self, event: Input.Submitted) -> None:
        # Enter moves on to the next field, as Tab does: a row is filled in one go.
        event.stop()
        self.screen.focus_next()

    @on(Button.Pressed, ".step-remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.RemoveRequested(self))
