"""A yes/no question over a page; "no" is focused, so Enter never does harm."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from mixerpult.tui.screens.base import WizardModal
from mixerpult.tui.text import plain


class ConfirmScreen(WizardModal):
    """Dismisses with True for yes, False (or None on Escape) for no."""

    AUTO_FOCUS: ClassVar[str | None] = "#no"

    def __init__(self, title: str, body: str, *, yes: str, no: str) -> None:
        super().__init__(classes="dialog-screen")
        self._title = title
        self._body = body
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self._title), classes="dialog-title")
            yield Static(plain(self._body), classes="dialog-body")
            with Horizontal(classes="button-row"):
                yield Button(plain(self._no), id="no", variant="primary")
                yield Button(plain(self._yes), id="yes", variant="warning")

    @on(Button.Pressed, "#yes")
    def _yes_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no_pressed(self) -> None:
        self.dismiss(False)
