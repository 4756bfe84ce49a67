"""Textual-side helpers of the benchmarks: the anchor app and a watch on what gets painted.

Imported by the child driver (`_drive.py`) and by the in-process benchmarks
(fader, scale). It imports Textual but never mixerpult, so that importing it
first changes nothing about what the wizard itself loads.

"Painted" means: the screen's compositor has rendered an update and handed it
to `App._display`, the point where a real terminal driver would write it out.
Headless, `_display` writes nothing, but everything before it (layout,
styles, every dirty widget's `render_lines`) has run.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any, ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Label

SIZE = (100, 40)
"""Terminal size of every benchmarked app (columns, rows)."""


class MinimalApp(App[None]):
    """The anchor: the smallest app that does what the wizard's first page does."""

    TITLE = "Minimal"
    BINDINGS: ClassVar[list[Any]] = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("What is your first name?")
        yield Input(placeholder="Name", id="name")
        yield Footer()


class PaintWatch:
    """Notes every paint of the app's current screen; waits for the first paint where a
    condition holds.

    `when(predicate)` arms the watch; `await wait()` returns the `time.monotonic()`
    of the first paint after arming at which `predicate()` was true.
    """

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.paints = 0
        self._predicate: Callable[[], bool] | None = None
        self._event: asyncio.Event | None = None
        self.painted_at = 0.0
        self.last_paint = time.monotonic()
        original = app._display

        def display(screen: Screen[Any], renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None or app._batch_count or screen is not app.screen:
                return
            self.paints += 1
            self.last_paint = time.monotonic()
            if self._predicate is not None and self._predicate():
                self.painted_at = time.monotonic()
                self._predicate = None
                if self._event is not None:
                    self._event.set()

        app._display = display  # type: ignore[method-assign]

    def when(self, predicate: Callable[[], bool]) -> None:
        self._event = asyncio.Event()
        self._predicate = predicate

    async def quiet(self, seconds: float) -> None:
        """Return once nothing has been painted for `seconds`."""
        while (left := self.last_paint + seconds - time.monotonic()) > 0:
            await asyncio.sleep(left)

    async def wait(self, timeout: float = 30) -> float:
        assert self._event is not None, "when() first"
        await asyncio.wait_for(self._event.wait(), timeout)
        return self.painted_at


class RenderedValue:
    """Remembers the `value` a widget had the last time the compositor rendered it."""

    def __init__(self, widget: Widget) -> None:
        self.value: Any = object()
        original = widget.render_lines

        def render_lines(crop: Any) -> Any:
            lines = original(crop)
            self.value = getattr(widget, "value", None)
            return lines

        widget.render_lines = render_lines  # type: ignore[method-assign]


def ready(app: App[Any]) -> bool:
    """The first page is interactive: a widget on the current screen has the focus."""
    try:
        return app.screen.focused is not None
    except Exception:  # no screen yet
        return False


def send_key(app: App[Any], key: str) -> None:
    """A key press as a terminal would deliver it (what `Pilot.press` sends, without its
    fixed idle waits, which would swamp a figure of a few milliseconds)."""
    char = key if len(key) == 1 else None
    event = events.Key(key, char)
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)
