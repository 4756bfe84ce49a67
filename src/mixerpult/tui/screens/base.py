"""What every wizard screen shares: the app, the words, and switching language live."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events
from textual.binding import ActiveBinding, Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Footer

from mixerpult.tui import collector
from mixerpult.tui.text import fit_footer, localize_bindings, ui

if TYPE_CHECKING:
    from mixerpult.tui.wizard import Wizard

COMPACT_BELOW = 100
"""Below this many columns the footer drops its spacing."""


class Wizardly:
    """Helpers for screens of the wizard (mixed into Screen and ModalScreen)."""

    @property
    def wizard(self) -> Wizard:
        return cast("Wizard", cast(Screen[Any], self).app)

    def t(self, key: str, /, **values: Any) -> str:
        """The UI string `key` in the current language."""
        return ui(cast(Screen[Any], self), key, **values)

    def localize(self) -> None:
        """Put this screen's and its widgets' key descriptions into the current language."""
        screen = cast(Screen[Any], self)
        lang = self.wizard.ui_lang
        for node in screen.walk_children(with_self=True):
            localize_bindings(node, lang)
        screen.refresh_bindings()

    def on_recomposed(self) -> None:
        """Fill in what `on_mount` fills in, after a rebuild in another language."""

    def refocus(self) -> None:
        """After a rebuild, focus what stands for the widget that had the focus and is gone
        (a button that showed hidden answers, a field without an id)."""

    def relanguage(self) -> None:
        """Rebuild the screen in the new language; the answers live in the session."""
        screen = cast(Screen[Any], self)
        focused = screen.focused.id if screen.focused is not None else None

        async def rebuild() -> None:
            # A page left just after the switch (who is watching, the language) is not
            # rebuilt: it is being taken down, and half of it may be gone already.
            if screen not in screen.app.screen_stack:
                return
            await screen.recompose()
            if screen not in screen.app.screen_stack:
                return
            self.localize()
            self.fit_footer()  # a new footer: compact again where the page is narrow
            self.on_recomposed()
            self.restore_focus(focused)

        screen.call_later(rebuild)

    def fit_footer(self) -> None:
        """Below 100 columns the footer drops its spacing, so that the last keys
        ("Afslut", "Hjælp") are not cut off."""
        screen = cast(Screen[Any], self)
        for footer in screen.query(Footer):
            footer.compact = screen.app.size.width < COMPACT_BELOW

    def restore_focus(self, widget_id: str | None) -> None:
        """After a rebuild: focus the widget that had the focus before, by its id."""
        screen = cast(Screen[Any], self)
        for widget in screen.query(f"#{widget_id}") if widget_id else ():
            widget.focus()
            return
        self.refocus()


PRIVATE_BINDINGS: list[BindingType] = [
    # One key, two bindings: the footer shows the one that applies now, in words
    # that say what pressing it will do.
    Binding("p", "hide_private", "Delt skærm"),
    Binding("p", "show_private", "Vis alt"),
]
"""The shared-screen switch (what the watcher may see, or everything), for the screens
that show answers."""


def private_action_state(screen: Wizardly, action: str) -> bool | None:
    """Whether `action` is one of the private switch's and applies now (None: not one)."""
    if action == "hide_private":
        return not screen.wizard.hide_private
    if action == "show_private":
        return screen.wizard.hide_private
    return None


class WizardScreen(Wizardly, Screen[None]):
    """A full-screen page of the wizard."""

    page: str | None = None
    """The page this screen shows (a step id, 'mixerpult', 'review', 'finish',
    'walkthrough', 'agreements'), if any."""

    follows_viewer: ClassVar[bool] = False
    """Whether what the screen shows depends on who is watching (answers, their levels,
    the plan's rows), and so is rebuilt when the viewer changes."""

    def commit(self) -> None:
        """Put into the session what the page shows but its messages have not carried
        there yet: a key handled just before Ctrl+Q or a signal (Backspace, a fader's
        arrow) changes the field at once, its Changed message only later."""

    _styled_at_mount = True

    def focus_now(self, widget: Widget, *, scroll_visible: bool = True) -> None:
        """Focus `widget` before this returns, also while the page is still mounting.

        `Widget.focus()` only queues the focus on the app, behind the mounting of every
        widget of a new page: the page was painted, and laid out again, several times
        with nothing focused before it could take a key (8 paints and 6 layouts for a
        step of 12 questions, against 2 and 3 for a focus set at once).
        """
        if not widget.focusable:
            # A container that hands the focus on (the plan's table) decides itself.
            widget.focus(scroll_visible)
            return
        widget.refresh()
        self.set_focus(widget, scroll_visible=scroll_visible)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # A page shown for the first time was styled node by node as it mounted:
        # Textual's resume would style every node of it once more (a fifth of the
        # styling of a page change). Later resumes (after a dialog) restyle as usual.
        if self._styled_at_mount and self.is_mounted:
            event.refresh_styles = False
        self._styled_at_mount = False
        super()._on_screen_resume(event)
        if collector.is_paused():
            # Painted: the page left behind is freed now, before the user's first key.
            self.call_after_refresh(collector.resume)
        # Then, while the user reads this page, the next one is built (`tui.ahead`).
        self.call_after_refresh(self.wizard.build_ahead)

    def on_mount(self) -> None:
        self.localize()
        self.fit_footer()

    def on_resize(self) -> None:
        self.fit_footer()
        # Another width may fit more keys, or fewer: the footer chooses again.
        self.refresh_bindings()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys the footer shows: those that reach the wizard where it runs, and
        only as many as fit whole (see `text.fit_footer`); every one still works."""
        app = self.app
        return fit_footer(
            super().active_bindings,
            self.size.width or app.size.width,
            compact=app.size.width < COMPACT_BELOW,
            display=app.get_key_display,
            palette_key=app.COMMAND_PALETTE_BINDING,
            hidden=self.wizard.footer_hidden,
        )

    def action_hide_private(self) -> None:
        self.wizard.set_hide_private(True)

    def action_show_private(self) -> None:
        self.wizard.set_hide_private(False)


class WizardModal(Wizardly, ModalScreen[Any]):
    """A question or panel shown over a page; Escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Luk")]

    def on_mount(self) -> None:
        self.localize()

    def action_close(self) -> None:
        self.dismiss(None)
