"""Checkboxes, radio buttons, selection lists and the sharing level, whose state
shows in their shape or their words.

Textual draws a ticked and an unticked box alike (`▐X▌`), told apart only by
colour: with NO_COLOR, in the ANSI theme or for a colour-blind user, a tick
would not say whether something is chosen. Here an unticked box is empty (`▐ ▌`)
and an unchosen radio button has no dot. Who an answer is shared with is said in
words ("alle på arket", "kun kommunen", "kun mig"), never by a colour.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Checkbox, RadioButton, Select, SelectionList
from textual.widgets._select import NoSelection, SelectCurrent, SelectOverlay
from textual.widgets.option_list import OptionDoesNotExist

from mixerpult.answers import LEVELS, Level
from mixerpult.i18n import t
from mixerpult.tui.text import localize_bindings

EMPTY = " "


if TYPE_CHECKING:
    from textual.widgets._toggle_button import ToggleButton as _Toggle
else:
    _Toggle = object


class _StateInShape(_Toggle):
    """Draws `MARK` inside the button when on, nothing when off."""

    MARK: ClassVar[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._show_state()

    def watch_value(self) -> None:
        super().watch_value()
        self._show_state()

    def _show_state(self) -> None:
        # Read by Textual when it draws the button; an instance attribute per state.
        self.BUTTON_INNER = self.MARK if self.value else EMPTY


class Tick(_StateInShape, Checkbox):
    """A checkbox: `X` when ticked, empty when not."""

    MARK = Checkbox.BUTTON_INNER


class Choice(_StateInShape, RadioButton):
    """A radio button: a dot when chosen, empty when not."""

    MARK = RadioButton.BUTTON_INNER


class TickList(SelectionList[str]):
    """A selection list whose unselected boxes are empty."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        # The same option Textual looked up to draw this line's box.
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        is_box = len(segments) > 2 and segments[0].text == Checkbox.BUTTON_LEFT
        if not is_box or option.value in self.selected:
            return strip
        inner = segments[1]
        segments[1] = Segment(EMPTY * len(inner.text), inner.style, inner.control)
        return Strip(segments, strip.cell_length)


class LevelCurrent(SelectCurrent):
    """A level's line once its list has been opened: the words, then the arrow.

    Textual's `SelectCurrent` is a row of three `Static`s (the words, an arrow down and
    an arrow up, one of them hidden); this draws the same cells itself, with the
    styles Textual gives `SelectCurrent`. Until its list is first opened, a
    `LevelSelect` draws this line without it.
    """

    DEFAULT_CSS = """
    LevelCurrent {
        height: 1;
        & > .level-current--arrow {
            color: $foreground 50%;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"level-current--arrow"}

    def __init__(self, placeholder: str, label: Content) -> None:
        # Built showing its level (as Textual's is only once mounted and updated): a
        # class set then would style the widget a second time, on every page.
        Horizontal.__init__(self, classes="-has-value")
        self.placeholder = placeholder
        self.label: RenderableType | NoSelection = label
        self.set_reactive(SelectCurrent.has_value, True)

    def compose(self) -> ComposeResult:
        return iter(())

    def update(self, label: RenderableType | NoSelection) -> None:
        self.label = label
        self.has_value = not isinstance(label, NoSelection)
        self.refresh(layout=False)

    def render(self) -> Content:
        label = self.label
        words = Content(self.placeholder) if isinstance(label, NoSelection) else label
        assert isinstance(words, Content), "a level's words are Content"
        return words

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        if y:
            return line
        return _level_line(self, line, isinstance(self.parent, Select) and self.parent.expanded)


def _level_line(widget: Widget, line: Strip, expanded: bool) -> Strip:
    """The words as Textual draws a label, then a blank and the arrow as Textual's
    `.arrow` draws them; blank cells carry the background only, as Textual's do."""
    width = widget.content_size.width
    if width < 3:
        return line
    blank = RichStyle(bgcolor=widget.visual_style.rich_style.bgcolor)
    style = widget.get_visual_style("level-current--arrow").rich_style
    arrow = Segment("▲" if expanded else "▼", style)
    words = line.crop(0, width - 2).adjust_cell_length(width - 2, blank)
    return Strip.join([words, Strip([Segment(" ", blank), arrow], 2)])


class LevelSelect(Select[str]):
    """Who an answer or a note is shared with: one of the three levels, in words.

    A drop-down of the library's (keyboard: Enter, ↑/↓, Enter; the mouse: a click on
    it, a click on a level), never blank: an answer always has a level.

    Its list is built the first time it is opened. Every answer of a page has one of
    these, and Textual's list (an `OptionList` with its options, styled and laid out
    as the page goes up) was four tenths of the time a new page took, for lists that
    are rarely opened. Until then it has no widget inside: it draws its line itself,
    with the styles of Textual's `SelectCurrent` (class `-bare`), cell for cell as
    Textual's `Select` draws itself; opened, it gets a `LevelCurrent` and the list.
    """

    DEFAULT_CSS = """
    LevelSelect.-bare {
        height: 1;
        color: $foreground;
        background: $surface;
        padding: 0 1 0 0;
        pointer: pointer;
        &:focus {
            background-tint: $foreground 5%;
        }
        &:ansi {
            color: ansi_default;
            background: ansi_default;
        }
    }
    LevelSelect > .level-current--arrow {
        color: $foreground 50%;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"level-current--arrow"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,down,space,up", "open_list", show=False),  # Select's keys
    ]

    def __init__(
        self,
        level: Level,
        words: Mapping[Level, Content],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(
            [(words[each], each) for each in LEVELS],
            value=level,
            allow_blank=False,
            compact=False,  # made compact below
            # Typing a letter would jump between levels unseen: only arrows and clicks.
            type_to_search=False,
            id=id,
            classes=" ".join(filter(None, (classes, "-bare"))),
        )
        self._shown = words[level]
        # Compact without `compact = True`, whose class change styles the widget while it
        # is built, before it is styled again as it mounts.
        self.set_reactive(LevelSelect.compact, True)
        self.add_class("-textual-compact", update=False)
        # As wide as the longest level and no wider (Textual's Select takes the whole
        # row): the arrow and the list's frame and padding take four cells more.
        self.styles.width = max(each.cell_length for each in words.values()) + 4

    @property
    def level(self) -> Level:
        value = self.value
        assert value in LEVELS, "never blank"
        return value

    # -- the list, built when first opened ----------------------------------------

    def compose(self) -> ComposeResult:
        return iter(())

    def render(self) -> Content:
        return self._shown

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        if y or not self.has_class("-bare"):
            return line
        return _level_line(self, line, expanded=False)

    async def _on_click(self, event: events.Click) -> None:
        # Opened, its LevelCurrent takes the clicks (and says so to this widget).
        if self.has_class("-bare"):
            event.stop()
            self.post_message(SelectCurrent.Toggle())

    def _on_mount(self, event: events.Mount) -> None:
        # Instead of Select's, which fills the list (Textual calls the `_on_mount` of
        # every class of the widget unless one prevents it; Widget's has nothing for
        # a widget that does not scroll) and sets the value anew, restyling the words
        # and announcing a change that is none.
        event.prevent_default()
        self.set_reactive(LevelSelect.value, self._value)  # type: ignore[misc]  # generic base

    def _overlay(self) -> SelectOverlay | None:
        for overlay in self.query_children(SelectOverlay):
            return overlay
        return None

    async def _build_overlay(self) -> SelectOverlay:
        overlay = self._overlay()
        if overlay is None:
            # The line it drew becomes Textual's, over which the list opens.
            await self.mount(LevelCurrent(self.prompt, self._shown))
            self.remove_class("-bare")
            overlay = SelectOverlay(type_to_search=self._type_to_search)
            # A level's compactness never changes: set, where Select binds it.
            overlay.compact = self.compact
            await self.mount(overlay)
            # Its Esc is shown in the footer, in the wizard's language.
            localize_bindings(overlay, str(getattr(self.app, "ui_lang", "da")))
            self._setup_options_renderables()
            overlay.highlighted = LEVELS.index(self.level)
            self.screen.refresh_bindings()
        return overlay

    def _watch_value(self, value: str | NoSelection) -> None:
        # Select's own sets the highlighted option of a list that may not be there yet.
        self._value = value
        prompt = next(shown for shown, each in self._options if each == value)
        assert isinstance(prompt, Content), "a level's words are Content"
        self._shown = prompt
        currents = list(self.query_children(LevelCurrent))
        for current in currents:
            current.update(prompt)
        if not currents:
            self.refresh()  # drawn by itself, until opened
        overlay = self._overlay()
        if overlay is not None:
            overlay.highlighted = LEVELS.index(self.level)
        self.post_message(self.Changed(self, value))

    def _watch_expanded(self, expanded: bool) -> None:
        super()._watch_expanded(expanded)
        for current in self.query_children(LevelCurrent):
            current.refresh()  # its arrow turns

    async def action_open_list(self) -> None:
        await self._build_overlay()
        self.action_show_overlay()

    @on(SelectCurrent.Toggle)
    async def _toggle_built_list(self, event: SelectCurrent.Toggle) -> None:
        # Instead of Select's handler, which would open a list that is not built yet.
        event.stop()
        event.prevent_default()
        if not self.expanded:
            await self._build_overlay()
        self.expanded = not self.expanded


def sharing_words(lang: str) -> dict[Level, Content]:
    """The three levels in `lang`, as a `LevelSelect` lists them."""
    return {each: Content(t(f"level_{each}", lang)) for each in LEVELS}
