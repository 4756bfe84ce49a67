"""A page of the journey: top bar, content, back/next buttons, footer."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Static

from mixerpult.tui.flow import REVIEW, WALKTHROUGH
from mixerpult.tui.screens.base import WizardScreen
from mixerpult.tui.text import plain
from mixerpult.tui.widgets.topbar import TopBar


class PageScreen(WizardScreen):
    """One page in the order of `Flow`; subclasses fill in the middle."""

    page: str

    # Keys that reach the wizard in a browser and in the common terminals: a browser
    # keeps Ctrl+N (new window) for itself, tmux Ctrl+B (its prefix). Those two and
    # Ctrl+R stay bound as extras for whoever is used to them; the footer shows the
    # first. (Ctrl+F: "frem", forward; Ctrl+O: oversigt, overview.)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Tilbage"),
        Binding("ctrl+b", "back", "Tilbage", show=False),
        Binding("ctrl+f", "next", "Næste"),
        Binding("ctrl+n", "next", "Næste", show=False),
        Binding("ctrl+o", "review", "Oversigt"),
        Binding("ctrl+r", "review", "Oversigt", show=False),
    ]

    one_at_a_time: ClassVar[bool] = True
    """Whether the page's screen is the only one showing it, and so can be known by the
    id `page-ID`; a step's page is also built ahead while the one of the same step
    may still be being taken down."""

    def __init__(self, page: str, *, return_to: str | None = None) -> None:
        super().__init__(id=f"page-{page}" if self.one_at_a_time else None)
        self.page = page
        self.return_to = return_to
        """Opened from the review or the walkthrough to edit something: "next" leads
        back there (None: "next" goes on to the following page)."""

    @property
    def from_review(self) -> bool:
        """Opened to edit something from the review or the walkthrough."""
        return self.return_to is not None

    def return_label(self) -> str:
        """The "next" button's words on a page opened to edit something."""
        if self.return_to == WALKTHROUGH:
            return self.t("button_to_walkthrough")
        if self.return_to == REVIEW:
            return self.t("button_to_review")
        return self.t("button_done")

    # -- parts -------------------------------------------------------------------

    def top_bar(self) -> TopBar:
        flow = self.wizard.flow
        lang = self.wizard.ui_lang
        where = self.t("page_of", number=flow.number(self.page), count=flow.count)
        return TopBar(flow.title(self.page, lang), where)

    def nav_bar(self, next_label: str | None = None) -> ComposeResult:
        with Horizontal(id="nav"):
            if not self.from_review:
                # Opened to edit something: "next" is the one way back, and says where.
                yield Button(plain(self.t("button_back")), id="back")
            yield Static("", id="nav-status", markup=False)
            label = (
                self.return_label() if self.from_review else (next_label or self.t("button_next"))
            )
            yield Button(plain(label), id="next", variant="primary")

    def set_status(self, text: str) -> None:
        # `#nav-status` has a fixed size in the CSS, so the page needs no new layout.
        self.query_one("#nav-status", Static).update(plain(text), layout=False)

    # -- moving on -------------------------------------------------------------

    def review_focus(self) -> str | None:
        """The review item to focus when going back there (its widget id)."""
        return None

    def can_leave(self) -> bool:
        """Whether "next" may leave the page (subclasses check required answers)."""
        return True

    def action_back(self) -> None:
        if self.return_to is not None:
            # Back from an item opened to edit is back to where it was opened from,
            # never the page before it (from page 1, the welcome).
            self.wizard.go(self.return_to, focus=self.review_focus())
            return
        previous = self.wizard.flow.previous(self.page)
        if previous is None:
            from mixerpult.tui.screens.welcome import WelcomeScreen

            self.wizard.save_now()
            self.app.switch_screen(WelcomeScreen())
        else:
            self.wizard.go(previous)

    def action_next(self) -> None:
        if not self.can_leave():
            return
        if self.return_to is not None:
            self.wizard.go(self.return_to, focus=self.review_focus())
            return
        following = self.wizard.flow.next(self.page)
        if following is not None:
            self.wizard.go(following)

    def action_review(self) -> None:
        self.wizard.go(REVIEW)

    @on(Button.Pressed, "#back")
    def _back_pressed(self) -> None:
        self.action_back()

    @on(Button.Pressed, "#next")
    def _next_pressed(self) -> None:
        self.action_next()
