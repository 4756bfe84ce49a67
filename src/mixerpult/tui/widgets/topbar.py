"""The line at the top of every page: where you are, and whether everything is saved.

Seeing "everything is saved" matters to people who are afraid of losing what
they wrote, so the save state is always on screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from mixerpult.tui.text import plain, ui


class TopBar(Horizontal):
    """Page title on the left; page number and save state on the right."""

    def __init__(self, title: str, where: str = "") -> None:
        super().__init__(id="topbar")
        self._title = title
        self._where = where
        self._shown: tuple[str, bool] | None = None

    def compose(self) -> ComposeResult:
        yield Static(plain(self._title), id="topbar-title", markup=False)
        yield Static(plain(self._where), id="topbar-where", markup=False)
        yield Static("", id="topbar-saved", markup=False)

    def show(self, title: str, where: str = "") -> None:
        """Change the title and the place (the walkthrough names the section in view)."""
        self._title, self._where = title, where
        self.query_one("#topbar-title", Static).update(plain(title))
        self.query_one("#topbar-where", Static).update(plain(where))

    def on_mount(self) -> None:
        # Later changes come from the app (`MixerpultApp.watch_save_state`), not from
        # a watcher of our own: Textual forgets a removed widget's watchers only when
        # the value next changes, so every page left behind stayed alive while
        # everything was saved.
        self.show_current_save_state()

    def show_current_save_state(self) -> None:
        """Say what the app's save state is now (a page built ahead, shown later)."""
        self.show_save_state(getattr(self.app, "save_state", "clean"))

    def show_save_state(self, state: str) -> None:
        """Say whether everything is saved ("clean", "pending", "saved" or "failed")."""
        # Without a session (an unreadable file) there is nothing to call saved.
        has_session = getattr(self.app, "session", None) is not None
        if (state, has_session) == self._shown:
            return  # the same words again would lay the page out anew
        self._shown = (state, has_session)
        status = self.query_one("#topbar-saved", Static)
        status.update(plain(ui(self, f"save_state_{state}") if has_session else ""))
        status.set_classes(f"-{state}")
