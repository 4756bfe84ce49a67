"""Help (F1 or ?): how to move around, what is saved where, what "private" means.

The keys are listed as the footer writes them and only those that reach the
wizard where it runs (in a browser, Ctrl+Q may quit the browser instead: there
the tab is simply closed). They stand in a grid, the words beside their key,
so that a narrow window wraps the words and never the table.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
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

    def key_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do), as the help shows them here."""
        app = self.wizard
        key = app.get_key_display_for
        rows = [
            (f"{key('tab')} / {key('shift+tab')}", self.t("help_row_fields")),
            (key("ctrl+f"), self.t("help_row_next")),
            (key("escape"), self.t("help_row_back")),
            (key("ctrl+o"), self.t("help_row_review")),
            (key("ctrl+g"), self.t("help_row_walkthrough")),
            (key("ctrl+p"), self.t("help_row_palette")),
            (key("ctrl+s"), self.t("help_row_save_as")),
        ]
        if "quit" not in app.footer_hidden:
            rows.append((key("ctrl+q"), self.t("help_row_quit")))
        rows.append((f"{key('f1')} {self.t('help_or')} ?", self.t("help_row_help")))
        return rows

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help-dialog"):
            yield Static(plain(self.t("help_title")), classes="dialog-title")
            with VerticalScroll(id="help-text", can_focus=True):
                with Grid(id="help-keys", classes="help-keys"):
                    for keys, words in self.key_rows():
                        yield Static(plain(keys), classes="help-key")
                        yield Static(plain(words), classes="help-words")
                if "quit" in self.wizard.footer_hidden:
                    yield Static(plain(self.t("help_browser_end")), classes="dialog-body")
                yield Static(plain(self.t("help_mixer")), classes="dialog-body")
                yield Static(plain(self.t("help_walk")), classes="dialog-body")
                yield Static(
                    plain(self.t("help_body", path=short_path(self.wizard.answers_path))),
                    classes="dialog-body",
                )
            yield Button(plain(self.t("button_close")), id="close", variant="primary")

    def on_button_pressed(self) -> None:
        self.dismiss(None)
