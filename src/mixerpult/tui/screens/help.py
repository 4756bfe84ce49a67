"""Help (F1 or ?): how to move around, what is saved where, what "private" means."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from mixerpult.tui.screens.base import WizardModal
from mixerpult.tui.text import plain, short_path


class HelpScreen(WizardModal):
    """Keys and reassurance, in the current language."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark,q", "close", "Luk", show=False),
    ]
    AUTO_FOCUS: ClassVar[str | None] = "#help-text"

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help-dialog"):
            yield Static(plain(self.t("help_title")), classes="dialog-title")
            with VerticalScroll(id="help-text", can_focus=True):
                yield Static(plain(self.t("help_keys")), classes="help-keys")
                yield Static(
                    plain(self.t("help_body", path=short_path(self.wizard.answers_path))),
                    classes="dialog-body",
                )
            yield Button(plain(self.t("button_close")), id="close", variant="primary")

    def on_button_pressed(self) -> None:
        self.dismiss(None)
