"""One channel strip of the mixerpult: its fader, its name, its position in words.

At 80 columns a strip is only about eleven cells wide, and Danish words such
as "Forudsigelighed" are longer; `hyphenate` breaks them the way the leaflet's
drawing does ("Forudsi-gelighed") instead of letting them be cut anywhere.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.scalar import Unit
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from mixerpult.tui.widgets.fader import Fader, position_rows

_VOWELS = set("aeiouyæøåAEIOUYÆØÅéÉ")


def _joining_s(word: str, i: int) -> bool:
    """Whether `i` follows the joining s of a Danish compound: "Arbejds-intensitet".

    Only before a vowel and two consonants, so not "Foruds-igelighed".
    """
    if i < 2 or i + 2 >= len(word) or word[i - 1] != "s":
        return False
    before, vowel, after_1, after_2 = word[i - 2], word[i], word[i + 1], word[i + 2]
    consonant = [c.isalpha() and c not in _VOWELS for c in (before, after_1, after_2)]
    return all(consonant) and vowel in _VOWELS


def _break_points(word: str) -> list[int]:
    """Where `word` may be hyphenated: before a consonant that starts a syllable."""
    points = []
    # Never fewer than three letters before the hyphen: "Ar-bejds…" reads worse than a cut.
    for i in range(3, len(word) - 1):
        a, b, c = word[i - 1], word[i], word[i + 1]
        if not (a.isalpha() and b.isalpha() and c.isalpha()):
            continue
        vowel_a, vowel_b, vowel_c = a in _VOWELS, b in _VOWELS, c in _VOWELS
        # V-CV: "Forudsi-ge", and VC-CV: "Arbejdsin-tensitet".
        if (
            (vowel_a and not vowel_b and vowel_c)
            or (not vowel_a and not vowel_b and vowel_c and word[i - 2] in _VOWELS)
            or _joining_s(word, i)
        ):
            points.append(i)
    return points


def _split_word(word: str, width: int) -> list[str]:
    """`word` in pieces no wider than `width`, hyphenated where possible.

    A slash is the best place of all: "Hours/time" breaks as "Hours/" and "time".
    """
    head, slash, tail = word.partition("/")
    if len(word) > width and slash and tail and len(head) + 1 <= width:
        return [head + slash, *_split_word(tail, width)]
    pieces = []
    while len(word) > width:
        fits = [i for i in _break_points(word) if i + 1 <= width and len(word) - i >= 2]
        # The joint of a compound reads best ("Arbejds-intensitet", not
        # "Arbejdsin-tensitet") when the rest then fits on one line.
        joints = [i for i in fits if _joining_s(word, i) and len(word) - i <= width]
        cut = max(joints) if joints else max(fits) if fits else max(1, width - 1)
        pieces.append(word[:cut] + "-")
        word = word[cut:]
    pieces.append(word)
    return pieces


def hyphenate(text: str, width: int) -> list[str]:
    """`text` wrapped to `width` columns, long words hyphenated."""
    if width < 2:
        return [text]
    lines: list[str] = []
    current = ""
    for raw in text.split():
        for piece in _split_word(raw, width):
            candidate = f"{current} {piece}" if current else piece
            if len(candidate) <= width:
                current = candidate
            else:
                if current:
                    lines.append(current)
                current = piece
    if current or not lines:
        lines.append(current)
    return lines


class ChannelName(Static):
    """A channel's name (or its level in words), centred and hyphenated to the strip.

    With `gap`, one column stays free where that takes no extra line: words of
    neighbouring strips that both fill their strip would otherwise run together
    ("skånebehovskånebehov").
    """

    def __init__(
        self, text: str, *, gap: bool = False, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.text = text
        self.gap = gap

    def _lines(self, width: int) -> list[str]:
        full = hyphenate(self.text, width)
        if not self.gap or width <= 2:
            return full
        spaced = hyphenate(self.text, width - 1)
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
    ) -> None:
        super().__init__(id=f"strip-{channel_id}", classes="strip")
        self.channel_id = channel_id
        self._label = label
        self._scale = scale
        self._position = position
        self._level = level

    def compose(self) -> ComposeResult:
        yield Fader(self._scale, self._position, id=f"fader-{self.channel_id}")
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
