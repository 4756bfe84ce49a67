"""One agreed next step on the agreements page: what, who, by when, and a remove button.

The row only reports what was typed; the screen decides what to store. "By
when" may be a date (17-12-2026) or words ("next week"): a date is stored as a
date, anything else as the words typed, so nothing the user writes is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Input

from mixerpult.answers import NextStep
from mixerpult.tui.format import impossible_date, parse_date, show_date, shown
from mixerpult.tui.text import plain, ui
from mixerpult.tui.widgets.text_fields import TextInput

Field = Literal["what", "who", "by"]
FIELDS: tuple[Field, ...] = ("what", "who", "by")


def parse_by(text: str) -> dt.date | str | None:
    """What "by when" stores: a date if the text is one, else the text ('' is None)."""
    if not text.strip():
        return None
    return parse_date(text) or text


def by_field(by: dt.date | str | None) -> str:
    """A "by when" as the field edits it: a date as it is typed (DD-MM-YYYY)."""
    return show_date(by) if isinstance(by, dt.date) else (by or "")


class NextStepRow(Horizontal):
    """Three fields and a button, in one line."""

    class Changed(Message):
        """A field of the row was edited."""

        def __init__(self, row: NextStepRow, field: Field, value: dt.date | str | None) -> None:
            super().__init__()
            self.row = row
            self.field = field
            self.value = value

    class RemoveRequested(Message):
        def __init__(self, row: NextStepRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, step: NextStep, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="step-row")
        self.step = step
        self._warned_by: str | None = None

    def compose(self) -> ComposeResult:
        values = {"what": self.step.what, "who": self.step.who, "by": by_field(self.step.by)}
        for name in FIELDS:
            yield TextInput(
                values[name],
                placeholder=ui(self, f"agreements_{name}_placeholder"),
                classes=f"step-{name} step-field",
                compact=True,
            )
        yield Button(plain(ui(self, "agreements_remove")), classes="step-remove", compact=True)

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
                self.post_message(self.Changed(self, name, value))
                return

    @on(Input.Blurred, ".step-by")
    def _left_by(self, event: Input.Blurred) -> None:
        # Words are welcome here ("om fire uger"), but 32-13-2026 is a typo of a
        # date: kept as written, and said when the field is left, once for each
        # such text (not again when the window merely loses the focus).
        if not self.app.app_focus or event.value == self._warned_by:
            return
        if impossible_date(event.value):
            self._warned_by = event.value
            message = ui(self, "agreements_by_not_a_date", text=shown(event.value))
            self.notify(message, severity="warning", markup=False)

    @on(Input.Submitted, ".step-field")
    def _submitted(self, event: Input.Submitted) -> None:
        # Enter moves on to the next field, as Tab does: a row is filled in one go.
        event.stop()
        self.screen.focus_next()

    @on(Button.Pressed, ".step-remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.RemoveRequested(self))
