"""The footer of every page: Textual's, rebuilt once however often the keys change.

Textual's `Footer` rebuilds all its keys after the next refresh every time the
screen says its bindings changed, and a page says so five or six times in its
first moments (mounted, resized, focused, its key words translated, the focus
moved to the first question): each rebuild made and styled every key again, an
eighth of the time a new page took. This footer rebuilds once for all the
changes heard before that refresh, from the bindings as they are then, which
is what the last of those rebuilds showed. The footer of a page being left
is not rebuilt at all (Textual tells it too, as its screen is taken away).
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A `Footer` whose rebuilds after a change of the keys are coalesced."""

    _rebuild_pending = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Textual 8.2's own method (the pin is <8.3), but with one rebuild pending at most.
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if not self.is_attached or screen is not self.screen or self._rebuild_pending:
            return
        if screen not in self.app.screen_stack:
            return  # a page being left: nobody will see it again
        self._rebuild_pending = True
        self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if self.is_attached and self.screen in self.app.screen_stack:
            await self.recompose()
