"""The welcome: what this is for, that it stays here, resume or start anew, language.

"Start anew" on an existing file always asks first, and then sets the old
file aside as a backup: nothing the user wrote is ever overwritten or deleted.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Label, RadioSet, Static

from mixerpult.i18n import LANGUAGES
from mixerpult.questionnaire import tr
from mixerpult.tui.screens.base import WizardScreen
from mixerpult.tui.screens.confirm import ConfirmScreen
from mixerpult.tui.text import plain, short_path
from mixerpult.tui.widgets.footer import KeyFooter
from mixerpult.tui.widgets.toggles import Choice
from mixerpult.tui.widgets.topbar import TopBar

LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}


class WelcomeScreen(WizardScreen):
    """The first screen."""

    # Not AUTO_FOCUS, which scrolls the button into view: on a short screen (a browser
    # at 32 px) that would open the page at its bottom, title and language out of sight.
    AUTO_FOCUS: ClassVar[str | None] = ""

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#resume, #begin"), scroll_visible=False)

    def compose(self) -> ComposeResult:
        app = self.wizard
        session = app.s
        lang = app.ui_lang
        yield TopBar(self.t("welcome_title"))
        with VerticalScroll(id="body", can_focus=False):
            yield Static(plain(tr(app.pack.title, lang)), classes="page-title")
            # The language comes first: someone who reads no Danish must find it at once.
            with Horizontal(id="language-row"):
                yield Label(plain(self.t("welcome_language")), classes="field-label")
                with RadioSet(id="language", compact=True):
                    for code in LANGUAGES:
                        yield Choice(plain(LANGUAGE_NAMES.get(code, code)), code == lang)
            if app.pack.intro:
                yield Static(plain(tr(app.pack.intro, lang)), classes="page-intro")
            yield Static(plain(self.t("welcome_body")), classes="page-intro")
            if session.current_step or session.answers or session.faders:
                # Counted as the person looking at the screen sees the answers.
                overview = app.overview()
                console = overview.console
                page = app.flow.resume_page(session)
                yield Static(
                    plain(
                        self.t(
                            "welcome_resume_info",
                            updated=session.updated.strftime("%d-%m-%Y %H:%M"),
                            answered=overview.answered_count,
                            faders=console.faders_set if console else 0,
                            channels=len(console.items) if console else 0,
                            page=app.flow.title(page, lang),
                        )
                    ),
                    id="resume-info",
                )
                with Horizontal(classes="button-row"):
                    yield Button(plain(self.t("button_resume")), id="resume", variant="primary")
                    yield Button(plain(self.t("button_start_anew")), id="anew")
            else:
                with Horizontal(classes="button-row"):
                    yield Button(plain(self.t("button_begin")), id="begin", variant="primary")
            yield Static(
                plain(self.t("welcome_where", path=short_path(app.answers_path))),
                id="welcome-where",
            )
        yield KeyFooter()

    @on(Button.Pressed, "#begin")
    def _begin(self) -> None:
        self.wizard.go(self.wizard.flow.first)

    @on(Button.Pressed, "#resume")
    def _resume(self) -> None:
        self.wizard.resume()

    @on(Button.Pressed, "#anew")
    def _anew(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.wizard.start_anew()

        self.app.push_screen(
            ConfirmScreen(
                self.t("anew_title"),
                self.t("anew_body", path=short_path(self.wizard.answers_path)),
                yes=self.t("anew_yes"),
                no=self.t("anew_no"),
            ),
            answered,
        )

    @on(RadioSet.Changed, "#language")
    def _language(self, event: RadioSet.Changed) -> None:
        self.wizard.set_language(LANGUAGES[event.index])
