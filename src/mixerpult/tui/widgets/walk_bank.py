"""The fader bank drawn large and read-only, for the walkthrough.

It reuses the console's own pieces (the fader's drawing, the hyphenated
channel names, the words beside the scale) so it looks like the page where
the faders are set, only bigger and without keys: at a desk it is a picture to
talk about. A click on a channel opens the console at that channel.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static

from mixerpult.present.overview import ConsoleSection
from mixerpult.questionnaire import Mixerpult
from mixerpult.tui.text import plain
from mixerpult.tui.widgets.channel import ChannelName, FaderScale
from mixerpult.tui.widgets.fader import Fader


class FaderView(Fader, can_focus=False):
    """A fader that only shows its position: the mouse neither moves nor captures it."""

    SOLID_KNOB: ClassVar[bool] = True

    # prevent_default keeps Fader's own handlers from running; the events still
    # bubble, so a click opens the channel and the wheel scrolls the page.
    def on_mouse_down(self, event: events.MouseDown) -> None:
        event.prevent_default()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        event.prevent_default()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        event.prevent_default()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.prevent_default()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.prevent_default()


class BankColumn(Vertical):
    """One channel of the bank: its fader and its name."""

    class Opened(Message):
        """The channel was clicked: open it on the console."""

        def __init__(self, channel_id: str) -> None:
            super().__init__()
            self.channel_id = channel_id

    def __init__(
        self,
        channel_id: str,
        label: str,
        scale: int,
        position: int | None,
        bad: int | None = None,
    ) -> None:
        super().__init__(id=f"bank-{channel_id}", classes="bank-column")
        self.channel_id = channel_id
        self._label = label
        self._scale = scale
        self._position = position
        self._bad = bad
        """The bad day's end, where it differs from the good day's: drawn as a band."""

    def compose(self) -> ComposeResult:
        yield FaderView(
            self._scale,
            self._position,
            classes="bank-fader",
            ranged=self._bad is not None,
            bad=self._bad,
        )
        yield ChannelName(self._label, classes="bank-name")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Opened(self.channel_id))


class WalkBank(Vertical):
    """Every channel the viewer sees side by side, the ends of the scale beside (or,
    narrow, above) them."""

    def __init__(self, console: ConsoleSection, mixer: Mixerpult | None) -> None:
        super().__init__(id="walk-bank")
        self.console = console
        self.scale = mixer.scale if mixer is not None else 5

    def compose(self) -> ComposeResult:
        console = self.console
        high = console.high + " ▲"
        low = console.low + " ▼"
        # Shown instead of the scale column when the screen is narrow.
        yield Static(plain(f"▲ {console.high}   ▼ {console.low}"), id="walk-legend")
        with Horizontal(id="walk-bank-row"):
            with Vertical(id="walk-scale") as scale:
                scale.styles.width = max(len(high), len(low)) + 1
                yield FaderScale(high, low, self.scale, id="walk-scale-words")
                yield Static("", id="walk-scale-foot")
            for item in console.items:
                yield BankColumn(item.id, item.label, item.scale, item.position, item.bad)

    def highlight(self, channel_id: str | None) -> None:
        """Mark the channel whose line has the focus (None: none)."""
        for column in self.query(BankColumn):
            column.set_class(column.channel_id == channel_id, "-focused")
