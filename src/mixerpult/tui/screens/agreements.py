"""Agreements from the meeting: free notes, and next steps as rows of what / who / by when,
each with what it is about (a channel, a row of the plan) chosen under it.

Filled in at the meeting (often from the walkthrough), saved as everything else
is (`mark_dirty`, the app's throttled autosave), and printed on the sheet.
Leaving leads back to where the page was opened from.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static, TextArea

from mixerpult.answers import NextStep
from mixerpult.present.topics import Topics, step_topics
from mixerpult.tui.flow import AGREEMENTS
from mixerpult.tui.screens.confirm import ConfirmScreen
from mixerpult.tui.screens.page import PageScreen
from mixerpult.tui.text import plain
from mixerpult.tui.widgets.footer import KeyFooter
from mixerpult.tui.widgets.next_step_row import FIELDS, Field, NextStepRow
from mixerpult.tui.widgets.text_fields import TextBox
from mixerpult.tui.widgets.topbar import TopBar


class AgreementsScreen(PageScreen):
    """The notes and next steps of the meeting."""

    AUTO_FOCUS: ClassVar[str | None] = ""
    follows_viewer: ClassVar[bool] = True  # the plan's rows it offers

    def __init__(self, *, focus: str | None = None, return_to: str | None = None) -> None:
        super().__init__(AGREEMENTS, return_to=return_to)
        self.focus_target = focus or "notes"
        """What to focus: 'notes', 'step-<n>' (a row, from 0) or 'add'."""
        self.focus_field: Field = "what"
        """The field of the row to focus."""
        self._serial = 0
        self._topics = Topics((), ())

    # -- composing -----------------------------------------------------------------

    def top_bar(self) -> TopBar:
        return TopBar(self.t("agreements_title"))

    def compose(self) -> ComposeResult:
        agreements = self.wizard.s.agreements
        self._topics = step_topics(self.wizard.overview())
        yield self.top_bar()
        with VerticalScroll(id="body", can_focus=False):
            yield Static(plain(self.t("agreements_intro")), classes="page-intro")
            yield Label(plain(self.t("agreements_notes")), classes="field-label")
            yield TextBox(agreements.notes, id="agreements-notes")
            yield Label(plain(self.t("agreements_next_steps")), classes="field-label")
            with Horizontal(id="steps-head"):
                for name in ("what", "who", "by"):
                    yield Static(plain(self.t(f"agreements_{name}")), classes=f"step-{name}")
                yield Static("", classes="step-remove-space")
            with Vertical(id="steps"):
                for step in agreements.next_steps:
                    yield self._row(step)
            with Horizontal(id="add-row"):
                yield Button(plain(self.t("agreements_add")), id="add-step", compact=True)
        with Horizontal(id="nav"):
            if not self.from_review:
                # Opened from somewhere: "next" names it, and is the one way back.
                yield Button(plain(self.t("button_back")), id="back")
            yield Static("", id="nav-status", markup=False)
            yield Button(plain(self.return_label()), id="next", variant="primary")
        yield KeyFooter()

    def _row(self, step: NextStep) -> NextStepRow:
        self._serial += 1
        topics = self._topics
        return NextStepRow(
            step,
            channels=topics.channels,
            plan_rows=topics.plan_rows,
            id=f"step-row-{self._serial}",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self._update_status()
        # At once, not after the first paint: keys typed meanwhile would be lost.
        self._focus_target()

    def on_recomposed(self) -> None:
        self._update_status()

    def refocus(self) -> None:
        self._focus_target()

    def _focus_target(self) -> None:
        target = self.focus_target
        rows = self.rows
        if target.startswith("step-"):
            index = target.removeprefix("step-")
            if index.isdigit() and int(index) < len(rows):
                self.focus_now(rows[int(index)].field(self.focus_field))
                return
        if target == "add":
            self.focus_now(self.query_one("#add-step", Button))
            return
        self.focus_now(self.query_one("#agreements-notes", TextArea))

    @property
    def rows(self) -> list[NextStepRow]:
        return list(self.query(NextStepRow))

    def _update_status(self) -> None:
        self.set_status(self.t("agreements_count", count=len(self.rows)))

    # -- where to go back to -----------------------------------------------------------

    @on(events.DescendantFocus)
    def _remember(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        if widget.id == "agreements-notes":
            self.focus_target = "notes"
        elif widget.id == "add-step":
            self.focus_target = "add"
        for node in widget.ancestors_with_self:
            if isinstance(node, NextStepRow):
                self.focus_target = f"step-{self.rows.index(node)}"
                self.focus_field = next(
                    (name for name in FIELDS if widget.has_class(f"step-{name}")), "what"
                )
                break

    def review_focus(self) -> str | None:
        """The item that shows what was edited last, on the review or the walkthrough."""
        target = self.focus_target
        if target.startswith("step-"):
            index = target.removeprefix("step-")
            if index.isdigit() and int(index) < len(self.wizard.s.agreements.next_steps):
                return f"r-agreements-{index}"
        if target == "add":
            return "r-agreements-0" if self.wizard.s.agreements.next_steps else "r-agreements-add"
        return "r-agreements-notes"

    def action_back(self) -> None:
        self.wizard.leave_aside(AGREEMENTS, focus=self.review_focus())

    def action_next(self) -> None:
        self.wizard.leave_aside(AGREEMENTS, focus=self.review_focus())

    # -- changes -------------------------------------------------------------------------

    @on(TextArea.Changed, "#agreements-notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        app = self.wizard
        text = event.text_area.text
        if app.s.agreements.notes != text:
            app.s.agreements.notes = text
            app.mark_dirty()

    @on(NextStepRow.Changed)
    def _step_changed(self, event: NextStepRow.Changed) -> None:
        app = self.wizard
        index = self.rows.index(event.row)
        steps = list(app.s.agreements.next_steps)
        # Rows and steps are added and removed together; should they ever differ, what
        # was typed is still kept.
        steps += [NextStep() for _ in range(index + 1 - len(steps))]
        old = steps[index]
        if getattr(old, event.field) == event.value:
            return
        # A copy with the one field changed: keys a newer mixerpult added stay.
        change: dict[str, Any] = {event.field: event.value}
        steps[index] = dataclasses.replace(old, **change)
        app.s.agreements.next_steps = steps
        app.mark_dirty()

    @on(Button.Pressed, "#add-step")
    async def add_step(self) -> None:
        """A new, empty next step at the end, with the cursor in its first field."""
        app = self.wizard
        step = NextStep()
        app.s.agreements.next_steps = [*app.s.agreements.next_steps, step]
        app.mark_dirty()
        row = self._row(step)
        await self.query_one("#steps", Vertical).mount(row)
        self.localize()  # the row's drop-downs say their keys in the wizard's language
        self._update_status()
        row.focus_first()
        row.scroll_visible(animate=False)

    @on(NextStepRow.RemoveRequested)
    def _remove_requested(self, event: NextStepRow.RemoveRequested) -> None:
        row = event.row
        if not row.has_content:
            self.call_later(self.remove_step, row)
            return
        what = row.field("what").value.strip() or self.t("agreements_no_what")

        async def answered(yes: bool | None) -> None:
            if yes:
                await self.remove_step(row)

        self.app.push_screen(
            ConfirmScreen(
                self.t("agreements_remove_title"),
                self.t("agreements_remove_body", what=what),
                yes=self.t("agreements_remove_yes"),
                no=self.t("agreements_remove_no"),
            ),
            answered,
        )

    async def remove_step(self, row: NextStepRow) -> None:
        """Take the row's next step out of the agreements; the focus moves to the next row."""
        rows = self.rows
        if row not in rows:
            return
        index = rows.index(row)
        app = self.wizard
        steps = list(app.s.agreements.next_steps)
        if index < len(steps):
            del steps[index]
            app.s.agreements.next_steps = steps
            app.mark_dirty()
        await row.remove()
        rows = self.rows
        self._update_status()
        if index < len(rows):
            rows[index].focus_first()
        elif rows:
            rows[-1].focus_first()
        else:
            self.query_one("#add-step", Button).focus()
