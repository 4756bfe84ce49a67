"""The answers file cannot be read: say which file and why; start anew or quit.

Starting anew sets the broken file aside under a new name first; it is never
deleted or overwritten, so nothing can be lost by choosing it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from mixerpult.store import AnswersFileError
from mixerpult.tui.screens.base import WizardScreen
from mixerpult.tui.text import plain, short_path
from mixerpult.tui.widgets.footer import KeyFooter
from mixerpult.tui.widgets.topbar import TopBar


class BrokenFileScreen(WizardScreen):
    """Shown instead of the welcome when the answers file is unreadable."""

    AUTO_FOCUS: ClassVar[str | None] = "#broken-anew"

    def __init__(self, error: AnswersFileError) -> None:
        super().__init__(id="broken")
        self.error = error

    def compose(self) -> ComposeResult:
        yield TopBar(self.t("broken_title"))
        with VerticalScroll(id="body", can_focus=False):
            yield Static(
                plain(
                    self.t(
                        "store_unreadable",
                        path=short_path(self.error.path),
                        reason=self.error.reason_in(self.wizard.ui_lang),
                    )
                ),
                id="broken-reason",
            )
            yield Static(plain(self.t("broken_body")), classes="page-intro")
            with Horizontal(classes="button-row"):
                yield Button(plain(self.t("broken_anew")), id="broken-anew", variant="primary")
                yield Button(plain(self.t("button_quit")), id="broken-quit")
        yield KeyFooter()

    @on(Button.Pressed, "#broken-anew")
    def _anew(self) -> None:
        self.wizard.start_anew()

    @on(Button.Pressed, "#broken-quit")
    def _quit(self) -> None:
        self.app.exit(1)
