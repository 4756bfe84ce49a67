"""The next step's page, built while the user reads the one on screen.

Building a page of a dozen questions (composing, mounting and styling some 80
widgets, then laying them out) took 60–150 ms from "next" to the new page on a
2-core machine, where a bare Textual page of the same fields needs about 50
(issue 16). A user reads a page for seconds before pressing "next", so the wizard
uses that time: once a page is painted (and the collector has freed the page before
it) and is still shown `SETTLE` seconds later, the page of the step after it is
built off screen, styled and laid out at the terminal's size. "Next" then only shows
it: one paint. (Built for a page already left, it would be built in vain, beside
the page that "next" does need, by a user going through the pages quickly.)

A page built ahead must show what a page built at "next" would:

- it is used only if nothing it was built from has changed since (`StepScreen.basis`:
  the session, the language, who is watching, the theme, and the answers, drafts and
  sharing levels of its own questions); otherwise it is dropped and the page is
  built anew, as before;
- what may change on the page before it (an answer there can show or hide a
  question here) is worked out again as it is shown (`StepScreen.catch_up`);
- only the plain "next" uses it: a page opened to edit something (from the review,
  the walkthrough) is built for that.

Textual has no public way to build a screen that is not shown: this uses
`App._register` (what `App.switch_screen` does to a new screen) and
`Screen._refresh_layout` (what the screen's update timer does once it is shown),
of the Textual version pinned in pyproject.toml; tests/tui/test_ahead.py fails if
either stops working.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.widget import AwaitMount

if TYPE_CHECKING:
    from textual.app import App
    from textual.geometry import Size
    from textual.worker import Worker

    from mixerpult.tui.screens.step import StepScreen
    from mixerpult.tui.wizard import Wizard

SETTLE = 0.15
"""Seconds a page is shown before the next one is built."""

LAYOUT_ROUNDS = 8
"""Looks at most for a layout to do, off screen: laying out tells widgets their size,
and some (a text area wrapping its text, a scroll bar that now shows) ask for another."""

ROUND_PAUSE = 0.02
"""Seconds between them, for the widgets to handle their new size."""


def _lay_out(screen: StepScreen, size: Size) -> bool:
    """Lay `screen` out at `size` as its update timer would once shown; False if it
    needed nothing."""
    if not screen._layout_required and screen._size == size:
        return False
    screen._layout_required = False
    screen._refresh_layout(size)
    screen._dirty_widgets.clear()
    return True


class Ahead:
    """At most one step's page built ahead, for the page on screen now."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._screen: StepScreen | None = None
        self._worker: Worker[None] | None = None

    @property
    def screen(self) -> StepScreen | None:
        """The page built ahead, if any, built or still being built."""
        return self._screen

    @property
    def ready(self) -> bool:
        """Whether a page is built ahead and laid out: "next" would only paint it."""
        worker = self._worker
        return self._screen is not None and worker is not None and worker.is_finished

    def build(self, page: str) -> None:
        """Build the page of step `page` (the one "next" leads to), unless it is built."""
        from mixerpult.tui.screens.step import StepScreen

        held = self._screen
        if held is not None:
            if held.page == page and held.fresh():
                return
            self.drop()
        app = self._app
        screen = StepScreen(cast("Wizard", app).pack.step(page))
        self._screen = screen
        # The work as a function, not a coroutine: one cancelled before it starts
        # leaves no coroutine never awaited.
        work = partial(self._prepare, screen)
        self._worker = app.run_worker(work, group="ahead", exit_on_error=False)

    async def _prepare(self, screen: StepScreen) -> None:
        app = self._app
        # Compose, mount and style it, as switching to it would.
        await AwaitMount(screen, app._register(app, screen))
        settled = 0
        for _ in range(LAYOUT_ROUNDS):
            if self._screen is not screen or screen.is_current:
                return
            # Its widgets take their new sizes in their own time, and may ask for
            # another layout then: done once two looks in a row find nothing to do.
            settled = 0 if _lay_out(screen, app.size) else settled + 1
            if settled == 2:
                return
            await asyncio.sleep(ROUND_PAUSE)

    def take(self, page: str) -> StepScreen | None:
        """The page built ahead for step `page`, caught up with the session, if it can
        be shown as it is; None otherwise (then nothing is held any more)."""
        screen = self._screen
        if screen is not None and screen.page == page and screen.fresh():
            # Perhaps still being built ("next" pressed just as building began): shown
            # once built, rather than built a second time beside it. Its work stops by
            # itself once the page is shown.
            self._screen = self._worker = None
            screen.catch_up()
            return screen
        self.drop()
        return None

    def drop(self) -> None:
        """Let go of the page built ahead (another page is shown, or the app ends)."""
        screen, self._screen = self._screen, None
        worker, self._worker = self._worker, None
        if worker is not None and not worker.is_finished:
            # Still being built: a screen removed before it is mounted would keep its
            # worker waiting for the mount until the app ends.
            worker.cancel()
        if screen is not None:
            screen.remove()
