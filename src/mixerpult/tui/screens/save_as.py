"""Save as: another place for the answers, when the usual one cannot be written.

Opened by Ctrl+S, and by itself when an autosave fails: the answers are
still in memory, and this is how the user gets them onto the disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from mixerpult.tui.screens.base import WizardModal
from mixerpult.tui.text import plain, short_path


class SaveAsScreen(WizardModal):
    """A path and a button; the app does the saving and says what went wrong."""

    AUTO_FOCUS: ClassVar[str | None] = "#save-as-path"

    def __init__(self, *, problem: str = "", quitting: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self.problem = problem
        self.quitting = quitting

    def compose(self) -> ComposeResult:
        app = self.wizard
        suggestion = app.answers_path.with_name("mixerpult-" + app.answers_path.name)
        with Vertical(classes="dialog"):
            yield Static(plain(self.t("save_as_title")), classes="dialog-title")
            if self.problem:
                yield Static(plain(self.problem), classes="dialog-problem")
            yield Label(plain(self.t("save_as_label")), classes="field-label")
            yield Input(short_path(suggestion), id="save-as-path")
            yield Static("", id="save-as-error", markup=False)
            with Horizontal(classes="button-row"):
                label = "save_as_and_quit" if self.quitting else "save_as_save"
                yield Button(plain(self.t(label)), id="save-as-save", variant="primary")
                yield Button(plain(self.t("button_cancel")), id="save-as-cancel")

    @on(Input.Submitted, "#save-as-path")
    @on(Button.Pressed, "#save-as-save")
    def _save(self) -> None:
        text = self.query_one("#save-as-path", Input).value.strip()
        if not text:
            return
        error = self.wizard.save_as(Path(text))
        if error:
            self.query_one("#save-as-error", Static).update(plain(error))
            return
        self.dismiss(None)
        if self.quitting:
            self.app.exit(0)

    @on(Button.Pressed, "#save-as-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
