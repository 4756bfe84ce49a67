"""The footer of every page: Textual's, with its keys drawn by one widget, drawn anew
(not rebuilt) however often the keys change.

Textual's `Footer` makes a widget of every key, each with two component classes
for its key and its words: a footer of six keys was 18 style nodes, styled again
whenever the page was put up, its focus moved or the footer turned compact, and
that was two fifths of all the styling a new page took. Here one `KeyLine` draws
the keys exactly as Textual's would (the same rules, `footer-key--key` and
`footer-key--description`, the same spacing, hover and click), and only the
command palette's key, docked on the right, is still Textual's own.

Textual's `Footer` also starts empty and rebuilds after the next refresh every
time the screen says its bindings changed, and a page says so five or six times
in its first moments (mounted, resized, focused, its key words translated, the
focus moved to the first question): each rebuild a layout of the page. This
footer shows the keys from the start, and after a change only draws its line
again, once for all the changes heard before the next refresh, from the bindings
as they are then. The footer of a page being left is not touched at all (Textual
tells it too, as its screen is taken away).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


@dataclass(frozen=True)
class ShownKey:
    """A key the footer shows: what to press, as written, what it does."""

    key: str
    key_display: str
    description: str
    action: str
    enabled: bool = True


class KeyLine(Widget):
    """The footer's keys, left to right, in one widget."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--key",
        "footer-key--description",
        "key-line--hover",
    }
    DEFAULT_CSS = """
    KeyLine {
        width: 1fr;
        height: 1;
        text-wrap: nowrap;
        text-overflow: clip;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-line--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, keys: Iterable[ShownKey]) -> None:
        super().__init__()
        self.keys = list(keys)
        self._spans: list[tuple[int, int, ShownKey]] = []
        self._hover: int | None = None

    @property
    def compact(self) -> bool:
        parent = self.parent
        return isinstance(parent, Footer) and parent.compact

    def render(self) -> Text:
        # Textual's FooterKey: the key padded 0 1 and its words 0 1 0 0, side by side;
        # compact, the key unpadded, the words 0 0 0 1 and one blank after each key.
        compact = self.compact
        key_style = self.get_component_rich_style("footer-key--key")
        words_style = self.get_component_rich_style("footer-key--description")
        hover = Style(bgcolor=self.get_component_rich_style("key-line--hover").bgcolor)
        text = Text(no_wrap=True, end="")
        self._spans = []
        for index, shown in enumerate(self.keys):
            start = text.cell_len
            key = shown.key_display if compact else f" {shown.key_display} "
            words = ""
            if shown.description:
                words = f" {shown.description}" if compact else f"{shown.description} "
            text.append(key, key_style)
            text.append(words, words_style)
            end = text.cell_len
            if index == self._hover:
                text.stylize(hover, start, end)
            if not shown.enabled:
                text.stylize(Style(dim=True), start, end)
            self._spans.append((start, end, shown))
            if compact:
                text.append(" ")
        text.stylize_before(self.rich_style)
        return text

    def _at(self, x: int) -> int | None:
        for index, (start, end, _shown) in enumerate(self._spans):
            if start <= x < end:
                return index
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._at(event.x)
        if index is None:
            return
        shown = self._spans[index][2]
        if shown.enabled:
            self.app.simulate_key(shown.key)
        else:
            self.app.bell()


class KeyFooter(Footer):
    """A `Footer` whose keys are one widget, changed in place when the keys change."""

    _rebuild_pending = False
    _palette: ShownKey | None = None
    """The command palette's key as composed (None: not shown)."""

    def _shown_now(self) -> tuple[list[ShownKey], ShownKey | None]:
        """The keys the screen's bindings offer now, and the command palette's."""
        active = self.screen.active_bindings
        palette = self.app.COMMAND_PALETTE_BINDING

        def shown(binding: Binding, enabled: bool) -> ShownKey:
            display = self.app.get_key_display(binding)
            return ShownKey(binding.key, display, binding.description, binding.action, enabled)

        keys: dict[str, ShownKey] = {}
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in keys and binding.key != palette:
                keys[binding.action] = shown(binding, enabled)
        palette_key = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette in active:
            _node, binding, enabled, _tooltip = active[palette]
            palette_key = shown(binding, enabled)
        return list(keys.values()), palette_key

    def compose(self) -> ComposeResult:
        # The line at once, empty until the screen says its keys are ready (as
        # Textual's footer, which then builds itself again: a layout more for every
        # page); it is filled in place then.
        keys, palette = self._shown_now()
        self._palette = palette
        yield KeyLine(keys if self._bindings_ready else [])
        if palette is not None:
            yield FooterKey(
                palette.key,
                palette.key_display,
                palette.description,
                palette.action,
                classes="-command-palette",
                disabled=not palette.enabled,
                tooltip=palette.description,
            )  # always compact, as Textual's own

    def _watch_compact(self, compact: bool) -> None:
        for line in self.query(KeyLine):
            line.refresh()

    @property
    def shown(self) -> list[ShownKey]:
        """Every key the footer shows, the command palette's last ([] until the page's
        keys are there)."""
        found = [shown for line in self.query(KeyLine) for shown in line.keys]
        if found and self._palette is not None:
            found.append(self._palette)
        return found

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Textual 8.2's own method (the pin is <8.3), but with one update pending at most.
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
        if not self.is_attached or self.screen not in self.app.screen_stack:
            return
        keys, palette = self._shown_now()
        lines = list(self.query(KeyLine))
        if len(lines) == 1 and palette == self._palette:
            # Only the keys changed: the line draws them anew, nothing is laid out again.
            line = lines[0]
            if line.keys != keys:
                line.keys = keys
                line.refresh()
            return
        await self.recompose()


def footer_keys(screen: Screen[object]) -> list[ShownKey]:
    """The keys the footer of `screen` shows now, left to right."""
    return [shown for footer in screen.query(KeyFooter) for shown in footer.shown]
