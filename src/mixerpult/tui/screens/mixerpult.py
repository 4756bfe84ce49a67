"""The mixerpult page: six channel strips side by side, like the drawing in the leaflet.

"Alm. vilkår" is at the top of every fader and "Skånebehov" at the bottom.
Left/right choose a channel, up/down move its fader; the note field under the
bank, and who the note is shared with beside it, belong to the channel that was
focused last.

The console holds still: whichever channel is chosen, the bank keeps its size
(the help under it is as tall as the longest channel's help), so a click lands
on the position that is then drawn; Tab leaves the bank and comes back to the
chosen channel, not to the first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, Input, Label, Select, Static

from mixerpult.present.disclosure import note_level
from mixerpult.present.visibility import fader_facts
from mixerpult.present.words import bad_end, level_words
from mixerpult.questionnaire import Channel, Mixerpult, tr
from mixerpult.tui.flow import MIXERPULT
from mixerpult.tui.screens.base import WizardModal
from mixerpult.tui.screens.page import PageScreen
from mixerpult.tui.text import plain
from mixerpult.tui.widgets.channel import ChannelBank, ChannelStrip, FaderScale
from mixerpult.tui.widgets.fader import Fader
from mixerpult.tui.widgets.footer import KeyFooter
from mixerpult.tui.widgets.text_fields import TextInput
from mixerpult.tui.widgets.toggles import LevelSelect, sharing_words

if TYPE_CHECKING:
    from textual.css.styles import RulesMap


class ChannelHelp(Static):
    """The chosen channel's help, always as tall as the longest channel's help.

    Grown and shrunk with each help, it moved the bank above it: the scale's rows
    changed between channels, and a click on a fader that is not yet chosen landed
    on one position while the knob was drawn rows away, once the help had changed.
    """

    def __init__(self, texts: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._texts = [plain(text) for text in texts]

    def show(self, text: str) -> None:
        # The height does not depend on the text shown: no new layout of the page.
        self.update(plain(text), layout=False)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not width:
            return 0
        # As Widget measures its own visual: by the widget's styles (wrapping, overflow).
        rules = cast("RulesMap", self.styles)
        return max((text.get_height(rules, width) for text in self._texts), default=0)


class RangeWords(Static):
    """A console with ranges: the chosen channel's good day and bad day in words, the
    knob that moves marked ("▸"), or how to give it a bad day of its own.

    Always as tall as the longest of these texts can be at this width, so the bank
    above it holds still whatever is chosen or moved.
    """

    def __init__(self, longest: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._longest = [plain(text) for text in longest]

    def show(self, text: str) -> None:
        self.update(plain(text), layout=False)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not width:
            return 0
        rules = cast("RulesMap", self.styles)
        return max((text.get_height(rules, width) for text in self._longest), default=1)


class ExplanationScreen(WizardModal):
    """The console's own explanation of what up and down mean, where the page has no
    room to show it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i,q", "close", "Luk", show=False),
    ]
    AUTO_FOCUS: ClassVar[str | None] = "#close"

    def __init__(self, title: Content, body: Content) -> None:
        super().__init__(classes="dialog-screen")
        self._title = title
        self._body = body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self._title, classes="dialog-title")
            yield Static(self._body, classes="dialog-body")
            yield Button(plain(self.t("button_close")), id="close", variant="primary")

    @on(Button.Pressed, "#close")
    def _close_pressed(self) -> None:
        self.dismiss(None)


class MixerpultScreen(PageScreen):
    """The console of faders, one per channel, with a note for each."""

    # "-tall" (32 rows or more): room for the console's own explanation of what a
    # position means; at 24 rows the faders need every row.
    # (Textual declares these without ClassVar, so mypy forbids saying so here.)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]  # noqa: RUF012
    # "-narrow" (under 80 columns: a browser with a large font): strips so thin that
    # a name may need three lines and the level words no longer fit (the fader
    # itself shows the position, and the page scrolls to the note).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer: the line above the bank says it, and at 80 columns the
        # footer's room is the explanation's.
        Binding("enter", "edit_note", "Note", show=False),
        # One key, two bindings (these replace the page's Esc): in a note, Esc goes
        # to the fader; on the fader, back to the page before.
        Binding("escape", "leave_note", "Til skyderen"),
        Binding("escape", "back", "Tilbage"),
        Binding("i", "explain", "Forklaring"),
        # A console with ranges: one key, two bindings, the footer naming the knob
        # that the key moves to (the bad day's, or back to the good day's).
        Binding("b", "bad_day", "Dårlig dag"),
        Binding("b", "good_day", "God dag"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        writing = isinstance(self.focused, Input) and self.focused.has_class("note")
        if action == "leave_note":  # shown and used only while a note is being written
            return writing
        if action == "back":
            return not writing
        if action in ("bad_day", "good_day"):
            fader = self.focused
            if not self.mixer.range or not isinstance(fader, Fader):
                return False  # in a note, "b" is a letter
            if fader.moving_bad != (action == "good_day"):
                return False
            return True if fader.value is not None else None  # a fader not set: one knob
        if action == "edit_note":  # a channel without notes (`note: false`) offers none
            return self._channel(self.channel_id).note
        if action == "explain":
            # Offered only where the page has no room to show it, and not while a note
            # is being written (there "i" is a letter).
            helps = self.query("#mixer-help")
            shown = bool(helps) and helps.first().display
            return bool(helps) and not shown and isinstance(self.focused, Fader)
        return True

    def __init__(self, *, focus: str | None = None, return_to: str | None = None) -> None:
        super().__init__(MIXERPULT, return_to=return_to)
        mixer = self.wizard.pack.mixerpult
        assert mixer is not None, "the pack has no mixerpult"
        self.mixer: Mixerpult = mixer
        self.channel_id: str = focus or mixer.channels[0].id
        """The channel whose note and help are shown (the last one focused)."""

    def _channel(self, channel_id: str) -> Channel:
        return self.wizard.pack.channels[channel_id]

    def _level(self, channel: Channel, position: int | None) -> str:
        return level_words(self.mixer, channel, position, self.wizard.ui_lang)

    # -- composing -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        app = self.wizard
        lang = app.ui_lang
        mixer = self.mixer
        yield self.top_bar()
        # Scrolls (a small window must still reach the note) but never takes the
        # focus: a click on the page's text must leave the fader focused.
        with VerticalScroll(id="mixer", can_focus=False):
            yield Static(plain(tr(mixer.question, lang)), id="mixer-question")
            # The arrows are not in the footer (it has no room), so they are said here.
            yield Static(plain(self.t("mixer_keys")), id="mixer-keys")
            if mixer.help:
                yield Static(plain(tr(mixer.help, lang)), id="mixer-help")
            with ChannelBank(id="bank", classes="-range" if mixer.range else None):
                high = tr(mixer.high, lang) + " ▲"
                low = tr(mixer.low, lang) + " ▼"
                with Vertical(id="scale") as scale:
                    # As wide as the longer word, whatever the language, and no
                    # wider: at 80 columns every cell counts for the strips.
                    scale.styles.width = max(len(high), len(low))
                    yield FaderScale(high, low, mixer.scale, id="scale-words")
                    yield Static("", id="scale-foot")
                for channel in mixer.channels:
                    setting = app.s.fader(channel.id)
                    position = mixer.on_scale(channel, setting.position)
                    yield ChannelStrip(
                        channel.id,
                        tr(channel.label, lang),
                        mixer.scale_of(channel),
                        position,
                        self._level(channel, position),
                        ranged=mixer.range,
                        bad=bad_end(mixer, channel, position, setting.bad_day),
                    )
            if mixer.range:
                yield RangeWords(self._longest_range_words(), id="range-words")
            yield ChannelHelp([tr(c.help, lang) for c in mixer.channels], id="channel-help")
            # One field per channel, only the chosen one shown: each keeps its own
            # text, so a keystroke can never land in another channel's note.
            # A channel without notes (`note: false`) has no field at all: nothing
            # stored by hand in the file shows here, as on every other view.
            noted = [channel for channel in mixer.channels if channel.note]
            initial = f"note-{self.channel_id}" if self._channel(self.channel_id).note else None
            # The label beside the field where the page is wide: at 80×24 that row
            # is what the scale needs to keep two rows between its positions.
            with Horizontal(id="note-row") as row:
                row.display = bool(noted)
                yield Label("", id="note-label")
                with ContentSwitcher(id="notes", initial=initial):
                    for channel in noted:
                        yield TextInput(
                            app.s.fader(channel.id).note,
                            id=f"note-{channel.id}",
                            classes="note",
                            placeholder=self.t("note_placeholder"),
                            compact=True,
                        )
                # One for every channel, set to the chosen one's level (see _show_channel).
                first = self._channel(noted[0].id if noted else self.channel_id)
                yield LevelSelect(note_level(first, app.s), sharing_words(lang), id="note-level")
        yield from self.nav_bar()
        yield KeyFooter()

    # -- good days and bad days (a pack with `range: true`) ---------------------------

    def _range_words(self, fader: Fader) -> str:
        """The chosen channel's ends in words, the knob that moves marked."""
        lang = self.wizard.ui_lang
        channel = self._channel(self.channel_id)
        if fader.value is None:
            return self._level(channel, None)
        good = self.mixer.level(channel, fader.value, lang)
        if fader.bad is None and not fader.moving_bad:
            return self.t("range_one", level=good)
        bad = self.mixer.level(channel, fader.bad or fader.value, lang)
        marks = ("", "▸ ") if fader.moving_bad else ("▸ ", "")
        return self.t("range_both", good=good, bad=bad, good_mark=marks[0], bad_mark=marks[1])

    def _longest_range_words(self) -> list[str]:
        """Every text the range line can show that may be the tallest: the longest level
        word of each channel at both ends, with either knob marked."""
        lang = self.wizard.ui_lang
        texts = [self._level(self._channel(self.channel_id), None)]
        for channel in self.mixer.channels:
            scale = self.mixer.scale_of(channel)
            words = max((self.mixer.level(channel, p, lang) for p in range(1, scale + 1)), key=len)
            texts.append(self.t("range_one", level=words))
            for marks in (("▸ ", ""), ("", "▸ ")):
                texts.append(
                    self.t(
                        "range_both", good=words, bad=words, good_mark=marks[0], bad_mark=marks[1]
                    )
                )
        return texts

    def _show_range(self) -> None:
        if self.mixer.range:
            fader = self.query_one(f"#fader-{self.channel_id}", Fader)
            self.query_one("#range-words", RangeWords).show(self._range_words(fader))

    def action_bad_day(self) -> None:
        """The keys now move the bad day's knob (at first where the good day is)."""
        fader = self.focused
        if isinstance(fader, Fader) and not fader.moving_bad:
            fader.action_switch_end()

    def action_good_day(self) -> None:
        """The keys move the good day's knob again."""
        fader = self.focused
        if isinstance(fader, Fader) and fader.moving_bad:
            fader.action_switch_end()

    def on_mount(self) -> None:
        self._show_channel(self.channel_id)
        self._update_progress()
        fader = self.query_one(f"#fader-{self.channel_id}", Fader)
        self.focus_now(fader)  # keys pressed before the first paint must move it

    def on_recomposed(self) -> None:
        self._show_channel(self.channel_id)
        self._update_progress()

    def on_resize(self) -> None:
        super().on_resize()
        # Whether the explanation fits on the page changes with the height.
        self.call_after_refresh(self.refresh_bindings)

    def action_explain(self) -> None:
        lang = self.wizard.ui_lang
        title, body = tr(self.mixer.question, lang), tr(self.mixer.help, lang)
        self.app.push_screen(ExplanationScreen(plain(title), plain(body)))

    @property
    def focus_chain(self) -> list[Widget]:
        """The focus chain with one fader in it, the chosen one: Tab and Shift+Tab leave
        the bank and come back to it at the channel last chosen (←/→ move along it)."""
        chosen = f"fader-{self.channel_id}"
        return [
            widget
            for widget in super().focus_chain
            if not isinstance(widget, Fader) or widget.id == chosen or widget is self.focused
        ]

    # -- the focused channel ---------------------------------------------------------

    def _show_channel(self, channel_id: str) -> None:
        """Point the help and the note field at `channel_id`."""
        self.channel_id = channel_id
        channel = self._channel(channel_id)
        lang = self.wizard.ui_lang
        self.query_one("#channel-help", ChannelHelp).show(tr(channel.help, lang))
        note_label = tr(self.mixer.note_label, lang) or self.t("note_label")
        label = f"{note_label} ({tr(channel.label, lang)})"
        self.query_one("#note-label", Label).update(plain(label))
        notes = self.query_one("#notes", ContentSwitcher)
        # Hidden but keeping its row for a channel without notes: the bank holds still.
        self.query_one("#note-row").visible = channel.note
        if channel.note:
            notes.current = f"note-{channel_id}"
            select = self.query_one("#note-level", LevelSelect)
            # Set, not chosen: nothing to store (and no message to mistake for a choice).
            with select.prevent(Select.Changed):
                select.value = note_level(channel, self.wizard.s)
        self._show_range()
        self.refresh_bindings()

    @property
    def note(self) -> Input | None:
        """The note field of the chosen channel (None for a channel without notes)."""
        return next(iter(self.query(f"#note-{self.channel_id}").results(Input)), None)

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, Fader) and widget.id:
            channel_id = widget.id.removeprefix("fader-")
            if channel_id != self.channel_id:
                self._show_channel(channel_id)

    def review_focus(self) -> str | None:
        return f"r-fader-{self.channel_id}"

    def action_edit_note(self) -> None:
        note = self.note
        if isinstance(self.focused, Fader) and note is not None:
            note.focus()

    @on(Input.Submitted, ".note")
    def action_leave_note(self) -> None:
        """Enter or Escape in the note goes back to the channel's fader (it is saved)."""
        self.query_one(f"#fader-{self.channel_id}", Fader).focus()

    # -- changes -------------------------------------------------------------------

    def commit(self) -> None:
        for fader in self.query(Fader):
            self._fader_moved(Fader.Changed(fader, fader.value, fader.bad))
        for note in self.query(".note").results(Input):
            self._note_changed(Input.Changed(note, note.value))

    @on(Fader.Changed)
    def _fader_moved(self, event: Fader.Changed) -> None:
        fader = event.fader
        if not fader.id:
            return
        channel_id = fader.id.removeprefix("fader-")
        channel = self._channel(channel_id)
        app = self.wizard
        strip = self.query_one(f"#strip-{channel_id}", ChannelStrip)
        strip.show_level(self._level(channel, event.value))
        setting = app.s.fader(channel_id)
        if setting.position != event.value:
            if event.value is None:
                # set_fader(position=None) means "leave as is"; this one unsets.
                app.s.clear_fader(channel_id)
            else:
                app.s.set_fader(channel_id, position=event.value)
            app.mark_dirty()
        if self.mixer.range and event.value is not None:
            # A bad day where the good day is, is one position: the file says so too.
            bad = None if event.bad == event.value else event.bad
            if app.s.fader(channel_id).bad_day != bad:
                if bad is None:
                    app.s.clear_bad_day(channel_id)
                else:
                    app.s.set_fader(channel_id, bad_day=bad)
                app.mark_dirty()
        if channel_id == self.channel_id:
            self._show_range()
            self.refresh_bindings()
        self._update_progress()

    @on(Input.Changed, ".note")
    def _note_changed(self, event: Input.Changed) -> None:
        app = self.wizard
        channel_id = (event.input.id or "").removeprefix("note-")
        if channel_id in app.pack.channels and app.s.fader(channel_id).note != event.value:
            app.s.set_fader(channel_id, note=event.value)
            app.mark_dirty()

    @on(Select.Changed, "#note-level")
    def _note_level_chosen(self, event: Select.Changed) -> None:
        app = self.wizard
        assert isinstance(event.select, LevelSelect)
        channel = self._channel(self.channel_id)
        if channel.note and note_level(channel, app.s) != event.select.level:
            app.s.set_note_level(channel.id, event.select.level)
            app.mark_dirty()

    def _update_progress(self) -> None:
        app = self.wizard
        done = len(fader_facts(app.pack, app.s))
        self.set_status(self.t("progress_faders", done=done, count=len(self.mixer.channels)))
