"""One channel strip of the mixerpult: its fader, its name, its position in words.

At 80 columns a strip is only about eleven cells wide, and Danish words such
as "Forudsigelighed" are longer; `hyphenate` breaks them at the Danish (or
English) dictionary's points, the same the sheet uses, and the way the leaflet's
drawing does ("Forudsi-gelighed"), instead of letting them be cut anywhere.
"""

from __future__ import annotations

from textual import events
from textual._context import NoActiveAppError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.scalar import Unit
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from mixerpult.hyphenation import wrap
from mixerpult.tui.widgets.fader import Fader, position_rows


def hyphenate(text: str, width: int, lang: str = "da") -> list[str]:
    """`text` wrapped to `width` columns, long words hyphenated as the sheet breaks them."""
    return wrap(text, width, lang)


class ChannelName(Static):
    """A channel's name (or its level in words), centred and hyphenated to the strip.

    With `gap`, one column stays free where that takes no extra line: words of
    neighbouring strips that both fill their strip would otherwise run together
    ("skånebehovskånebehov").
    """

    def __init__(
        self,
        text: str,
        *,
        gap: bool = False,
        lang: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.text = text
        self.gap = gap
        self.lang = lang
        """The words' language; None: the app's language at the time of drawing."""

    def _language(self) -> str:
        if self.lang is not None:
            return self.lang
        try:
            return str(getattr(self.app, "ui_lang", "da"))
        except NoActiveAppError:  # drawn outside an app (a unit test)
            return "da"

    def _lines(self, width: int) -> list[str]:
        lang = self._language()
        full = hyphenate(self.text, width, lang)
        if not self.gap or width <= 2:
            return full
        spaced = hyphenate(self.text, width - 1, lang)
        # The free column never costs a line: a strip's rows are counted.
        return spaced if len(spaced) <= len(full) else full

    def set_text(self, text: str, *, layout: bool = True) -> None:
        self.text = text
        self.refresh(layout=layout)

    def render(self) -> Content:
        width = self.content_size.width or len(self.text) + 1
        return Content("\n".join(self._lines(width)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))


class FaderScale(Static):
    """The words beside the bank: the top position's name level with the top, the
    bottom's level with the bottom, at whatever height the faders have."""

    def __init__(self, high: str, low: str, scale: int, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.high = high
        self.low = low
        self.scale = scale

    def set_words(self, high: str, low: str) -> None:
        self.high, self.low = high, low
        self.refresh()

    def render(self) -> Content:
        height = max(1, self.content_size.height)
        width = max(1, self.content_size.width)
        rows = position_rows(self.scale, height)
        lines = [""] * height
        lines[rows[self.scale]] = self.high
        lines[rows[1]] = self.low
        return Content("\n".join(line.rjust(width)[-width:] for line in lines))


class ChannelStrip(Vertical):
    """A fader with the channel's name and level under it."""

    def __init__(
        self,
        channel_id: str,
        label: str,
        scale: int,
        position: int | None,
        level: str,
        *,
        ranged: bool = False,
        bad: int | None = None,
    ) -> None:
        super().__init__(id=f"strip-{channel_id}", classes="strip")
        self.channel_id = channel_id
        self._label = label
        self._scale = scale
        self._position = position
        self._level = level
        self._ranged = ranged
        self._bad = bad

    def compose(self) -> ComposeResult:
        yield Fader(
            self._scale,
            self._position,
            id=f"fader-{self.channel_id}",
            ranged=self._ranged,
            bad=self._bad,
        )
        yield ChannelName(self._label, gap=True, classes="strip-name")
        yield ChannelName(self._level, gap=True, classes="strip-level")

    @property
    def fader(self) -> Fader:
        return self.query_one(Fader)

    def show_level(self, words: str) -> None:
        """Write the fader's position in words under it."""
        # `.strip-level` has a fixed size in the CSS: no need to lay the whole page
        # out again on every move of the fader (which also put the words on screen
        # a frame later).
        self.query_one(".strip-level", ChannelName).set_text(words, layout=False)

    def on_descendant_focus(self, _event: events.DescendantFocus) -> None:
        self.add_class("-focused")

    def on_descendant_blur(self, _event: events.DescendantBlur) -> None:
        self.remove_class("-focused")


class ChannelBank(Horizontal):
    """The strips side by side, each exactly as wide as the others.

    Shared out by `1fr`, the columns left over make some strips one cell wider
    than the rest, and a knob that fills its strip is then wider on some
    channels than on others; here every strip gets the same width and what is
    left over stays empty at the right.
    """

    def on_resize(self, _event: events.Resize) -> None:
        self.share_width()

    def share_width(self) -> None:
        """Give every strip the same whole number of cells."""
        strips = list(self.query_children(ChannelStrip))
        if not strips:
            return
        fixed = sum(_width_of(child) for child in self.children if child not in strips)
        fixed += sum(strip.styles.margin.width for strip in strips)
        width = max(1, (self.content_size.width - fixed) // len(strips))
        for strip in strips:
            current = strip.styles.width
            if current is None or current.unit != Unit.CELLS or current.value != width:
                strip.styles.width = width


def _width_of(widget: Widget) -> int:
    """The cells `widget` takes in a row: its width in cells if it was given one."""
    width = widget.styles.width
    if width is not None and width.unit == Unit.CELLS:
        return int(width.value) + widget.styles.margin.width
    return widget.outer_size.width
