"""A vertical fader: one slider of a mixing console.

Textual has no slider, and the third-party ones are GPL or experiments, so
this is a small focusable widget of its own. It knows nothing of mixerpult:
the top is the highest position (`scale`), the bottom is 1, and `None` means
"not set yet". Keys, mouse clicks and drags move it; the wheel does not (it
scrolls whatever the fader is in: scrolling a page must never change an
answer). Every change posts `Fader.Changed`. Styles live in DEFAULT_CSS because
it stands alone.

A fader made with `ranged=True` may hold a range: a second end (`bad`, None while it
is the same as `value`) with the band between the two drawn on the rail. `switch_end`
chooses which knob the keys move; a click moves the knob nearer to it. The second
knob is drawn in another shape (a shaded block), so the two can be told apart
without colours.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import Widget


def position_rows(scale: int, height: int) -> dict[int, int]:
    """Where each position 1 … `scale` sits in `height` rows (0 = top, `scale` on top).

    Positions are evenly spaced whenever every one can have a row of its own (the
    rows left over are shared above and below), so the scale reads as a scale and
    the same step up or down is the same distance everywhere; only when there are
    fewer rows than positions do some share a row.
    """
    if scale < 2:
        return {1: 0}
    step = (height - 1) // (scale - 1)
    if step >= 1:
        top = (height - (step * (scale - 1) + 1)) // 2
        return {p: top + (scale - p) * step for p in range(1, scale + 1)}
    span = max(0, height - 1)
    return {p: round((scale - p) * span / (scale - 1)) for p in range(1, scale + 1)}


TRACK_PARTS = {"┃": "fader--fill", "╂": "fader--fill", "║": "fader--band", "╫": "fader--band"}
"""The component style of each glyph of the rail: below the lower knob it is filled,
between the two knobs of a range it is the band, above it the bare track."""


class Fader(Widget, can_focus=True):
    """A vertical fader with positions 1 (bottom) … `scale` (top), or unset."""

    DEFAULT_CSS = """
    Fader {
        width: 1fr;
        height: 1fr;
        min-width: 5;
        min-height: 3;
    }
    Fader:focus {
        background: $boost;
    }
    Fader > .fader--track {
        color: $foreground 45%;
    }
    Fader > .fader--fill {
        color: $primary;
    }
    Fader > .fader--knob {
        color: $foreground;
        text-style: bold;
    }
    Fader > .fader--band {
        color: $warning;
    }
    Fader:focus > .fader--knob {
        color: $accent;
        text-style: bold;
    }
    Fader:disabled > .fader--knob {
        color: $foreground 50%;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "fader--track",
        "fader--fill",
        "fader--knob",
        "fader--band",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "nudge(1)", "Up", show=False),
        Binding("down,j", "nudge(-1)", "Down", show=False),
        Binding("pageup", "page(1)", "Page up", show=False),
        Binding("pagedown", "page(-1)", "Page down", show=False),
        Binding("home", "to_top", "Top", show=False),
        Binding("end", "to_bottom", "Bottom", show=False),
        Binding("delete,backspace", "unset", "Unset", show=False),
        Binding("left", "neighbour(-1)", "Previous", show=False),
        Binding("right", "neighbour(1)", "Next", show=False),
    ]

    SOLID_KNOB: ClassVar[bool] = False
    """Draw the knob as a full block even without focus (a fader that is only shown)."""

    value: reactive[int | None] = reactive(None, repaint=False)
    """The position, 1 … scale, or None while the fader has not been set (`watch_value`
    repaints only the rows that change)."""

    bad: reactive[int | None] = reactive(None, repaint=False, init=False)
    """A ranged fader's second end (the bad day), None while it is where `value` is."""

    moving_bad: reactive[bool] = reactive(False, init=False)
    """Whether the keys move the second end (`bad`) rather than `value`."""

    class Changed(Message):
        """The fader was moved (by the user or by code)."""

        def __init__(self, fader: Fader, value: int | None, bad: int | None = None) -> None:
            super().__init__()
            self.fader = fader
            self.value = value
            self.bad = bad
            """The second end of a ranged fader, None where it is the same as `value`."""

        @property
        def control(self) -> Fader:
            return self.fader

    def __init__(
        self,
        scale: int = 5,
        value: int | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        ranged: bool = False,
        bad: int | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        if scale < 2:
            raise ValueError("a fader needs at least two positions")
        self.scale = scale
        self.ranged = ranged
        # set_reactive: the initial position is not a change, so no Changed message.
        self.set_reactive(Fader.value, self._clamp(value))
        self.set_reactive(Fader.bad, self.validate_bad(bad) if ranged else None)
        self._dragging = False
        self._strips: dict[tuple[str, bool, int], Strip] = {}
        self._kinds_key: tuple[int, int | None, int | None, bool] | None = None
        self._kinds: list[str] = []

    # -- value -------------------------------------------------------------

    def _clamp(self, value: int | None) -> int | None:
        if value is None:
            return None
        return max(1, min(self.scale, int(value)))

    def validate_value(self, value: int | None) -> int | None:
        return self._clamp(value)

    def validate_bad(self, bad: int | None) -> int | None:
        # A second end only beside a set first one.
        return None if self.value is None else self._clamp(bad)

    def watch_value(self, old: int | None, value: int | None) -> None:
        if value is None:
            self.set_reactive(Fader.bad, None)
            self.set_reactive(Fader.moving_bad, False)
        # Passing the other knob keeps it: a bad day where the good day is reads as
        # one position (every view says so), and stands apart again when moved on.
        self._repaint(old, value)
        self.post_message(self.Changed(self, value, self.bad))

    def watch_bad(self, old: int | None, bad: int | None) -> None:
        value = self.value
        self._repaint(value if old is None else old, value if bad is None else bad)
        self.post_message(self.Changed(self, value, bad))

    def watch_moving_bad(self, moving: bool) -> None:
        if not moving and self.bad == self.value:
            self.bad = None
        self.refresh()
        # Not a move, but whoever shows which knob moves must hear of it.
        self.post_message(self.Changed(self, self.value, self.bad))

    def _repaint(self, old: int | None, new: int | None) -> None:
        if old is None or new is None:
            self.refresh()
        else:
            # Only the rows from the old knob to the new one change; a smaller dirty
            # region is less for Textual's compositor to paint again (the fader is
            # tall, and the widgets around it are painted with it).
            rows = self.rows()
            top, bottom = sorted((rows[old], rows[new]))
            self.refresh(Region(0, top, self.content_size.width, bottom - top + 1))

    @property
    def has_range(self) -> bool:
        """Whether the two ends stand apart."""
        return self.value is not None and self.bad is not None and self.bad != self.value

    @property
    def moving_end(self) -> int | None:
        """The position of the end that the keys move."""
        if self.moving_bad and self.value is not None:
            return self.value if self.bad is None else self.bad
        return self.value

    def _move(self, position: int | None) -> None:
        """Put the end that moves at `position`."""
        if self.moving_bad and self.value is not None and position is not None:
            self.bad = position
        else:
            self.value = position

    def action_switch_end(self) -> None:
        """Choose the other knob of a ranged fader (a fader not set has only one)."""
        if self.ranged and self.value is not None:
            self.moving_bad = not self.moving_bad

    @property
    def _middle(self) -> int:
        return (self.scale + 1) // 2

    def action_nudge(self, steps: int) -> None:
        """Move by `steps`; an unset fader first lands in the middle."""
        end = self.moving_end
        self._move(self._middle if end is None else end + steps)

    def action_page(self, direction: int) -> None:
        """Move by a quarter of the scale (at least two positions)."""
        size = max(2, self.scale // 4)
        self.action_nudge(direction * size)

    def action_to_top(self) -> None:
        self._move(self.scale)

    def action_to_bottom(self) -> None:
        self._move(1)

    def action_unset(self) -> None:
        """Unset the fader; on the second knob, join the two ends into one position."""
        if self.moving_bad and self.value is not None:
            self.bad = None
            self.moving_bad = False
        else:
            self.value = None

    def action_neighbour(self, direction: int) -> None:
        """Left/right: move the focus to the fader beside this one (round at the ends).

        The faders are taken in the order of the page, not from the focus chain: a
        page may keep all but the chosen fader out of the Tab order.
        """
        faders = [fader for fader in self.screen.query(Fader) if fader.focusable]
        if self in faders and len(faders) > 1:
            # At once, not as `focus()` does it (later): in a burst of keys the next
            # one, "End" say, must reach the fader the arrow went to.
            self.screen.set_focus(faders[(faders.index(self) + direction) % len(faders)])

    # -- geometry ----------------------------------------------------------

    def rows(self) -> dict[int, int]:
        """The row (0 = top) of every position at the fader's current height."""
        return position_rows(self.scale, max(1, self.content_size.height))

    def position_at(self, y: int) -> int:
        """The position nearest to row `y`."""
        rows = self.rows()
        return min(rows, key=lambda p: (abs(rows[p] - y), -p))

    # -- mouse ---------------------------------------------------------------

    def _move_to(self, event: events.MouseEvent) -> None:
        offset = event.get_content_offset_capture(self)
        self._move(self.position_at(offset.y))

    def _grab_nearer_knob(self, event: events.MouseEvent) -> None:
        """Where the two ends stand apart, a click takes the knob nearer to it (the one
        that moves on a tie); the drag then moves that knob."""
        if self.value is None or self.bad is None:
            return
        rows = self.rows()
        y = event.get_content_offset_capture(self).y
        to_good, to_bad = abs(rows[self.value] - y), abs(rows[self.bad] - y)
        if to_good != to_bad:
            self.moving_bad = to_bad < to_good

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if self.disabled:
            return
        self.focus()
        self.capture_mouse()
        self._dragging = True
        self._grab_nearer_knob(event)
        self._move_to(event)
        event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self._move_to(event)
            event.stop()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
            event.stop()

    # -- drawing -------------------------------------------------------------
    #
    # The Line API rather than `render()`: a fader has only a handful of kinds of
    # row (blank, track, tick, filled track, filled tick, knob), so each is built
    # once per width and style and reused, instead of building a Rich Text of the
    # whole fader and having Textual convert it on every move. The segments are
    # those Textual made of the Text (base style plus component style), so the
    # fader looks exactly as it did.

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def _row_kinds(self, height: int) -> list[str]:
        """What each of `height` rows shows: "", "knob", "bad" (the second knob) or a
        track glyph: filled below the lower knob, the band (double) between the two."""
        value, bad = self.value, self.bad if self.value is not None else None
        key = (height, value, bad, self.moving_bad)
        if self._kinds_key == key:
            return self._kinds
        rows = position_rows(self.scale, height)
        knob_row = None if value is None else rows[value]
        bad_row = None if bad is None or knob_row is None else rows[bad]
        if bad_row == knob_row and not self.moving_bad:
            bad_row = None  # one position: one knob
        lowest = knob_row if bad_row is None or knob_row is None else max(knob_row, bad_row)
        highest = knob_row if bad_row is None or knob_row is None else min(knob_row, bad_row)
        ticks = set(rows.values())
        top, bottom = rows[self.scale], rows[1]
        kinds = []
        for row in range(height):
            # Where the knobs meet, the one that moves is drawn.
            if row == bad_row and (row != knob_row or self.moving_bad):
                kinds.append("bad")
            elif row == knob_row:
                kinds.append("knob")
            elif not top <= row <= bottom:
                kinds.append("")
            elif lowest is not None and row > lowest:
                kinds.append("╂" if row in ticks else "┃")
            elif highest is not None and lowest is not None and highest < row < lowest:
                kinds.append("╫" if row in ticks else "║")
            else:
                kinds.append("┼" if row in ticks else "│")
        self._kinds_key, self._kinds = key, kinds
        return kinds

    def _strip(self, kind: str, width: int) -> Strip:
        # Focus shows in the shape of the knob as well as its colour, so it stays
        # visible without colours (NO_COLOR, monochrome terminals).
        if kind == "knob":
            solid = (self.has_focus and not self.moving_bad) or self.SOLID_KNOB
        else:
            solid = kind == "bad" and self.has_focus and self.moving_bad
        key = (kind, solid, width)
        strip = self._strips.get(key)
        if strip is not None:
            return strip
        base = self.visual_style
        # As Textual renders a Text's unstyled runs: the base over the base.
        plain = (base + base).rich_style
        if not kind:
            segments = [Segment(" " * width, plain)]
        elif kind in ("knob", "bad"):
            knob_width = max(1, min(width - 2 if width > 4 else width, 9))
            if knob_width % 2 == 0:
                knob_width -= 1
            knob_left = (width - 1) // 2 - knob_width // 2
            knob = self._component_style("fader--knob")
            glyph = "█" if solid else "▀" if kind == "knob" else "▒"
            segments = [
                Segment(" " * knob_left, plain),
                Segment(glyph * knob_width, knob),
                Segment(" " * (width - knob_left - knob_width), plain),
            ]
        else:
            centre = (width - 1) // 2
            part = TRACK_PARTS.get(kind, "fader--track")
            segments = [
                Segment(" " * centre, plain),
                Segment(kind, self._component_style(part)),
                Segment(" " * (width - centre - 1), plain),
            ]
        strip = Strip([segment for segment in segments if segment.text], width)
        self._strips[key] = strip
        return strip

    def _component_style(self, name: str) -> RichStyle:
        """A component's style laid over the fader's own, as Textual does with a Text's spans."""
        base = self.visual_style
        rich = self.get_component_rich_style(name)
        component = VisualStyle.from_rich_style(rich, self.app.ansi_theme)
        return (base + VisualStyle.combine([base, component])).rich_style

    def render_line(self, y: int) -> Strip:
        width, height = self.content_size
        width, height = max(1, width), max(1, height)
        kinds = self._row_kinds(height)
        if not 0 <= y < height:
            return Strip.blank(width, self.visual_style.rich_style)
        # Offsets as Textual gives every rendered row: they are what text selection
        # reads, and they keep neighbouring runs apart as before (the strip caches them).
        return self._strip(kinds[y], width).apply_offsets(0, y)

    def watch_has_focus(self, focused: bool) -> None:
        # Widget's own watcher applies the :focus styles; overriding it without
        # calling it left the focus background behind after a blur.
        super().watch_has_focus(focused)
        self.refresh()
