"""The preview: one audience's sheet as it will be, before it is made, and who sees what.

Drawn from `present.preview`, which is built from the sheet's own overview, so the
preview holds exactly what that version of the sheet holds. Each answer and note
has its level beside it, to change there; under the sheet's content, the answers
this version leaves out are named by their questions only, each with its level, so
one can be brought onto the sheet where the difference is seen. `w` (or the
buttons at the top) switches between the municipality's and the employer's sheet.

On a shared screen only the version for whoever is watching is offered, and the
left-out answers are not named: the preview shows nothing that person may not see.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, RadioSet, Select, Static

from mixerpult.answers import Level
from mixerpult.present.disclosure import note_level, sharing_level
from mixerpult.present.preview import Preview, build_preview
from mixerpult.present.viewers import AUDIENCES, audience_of
from mixerpult.tui.format import shown
from mixerpult.tui.screens.base import WizardModal, WizardScreen
from mixerpult.tui.text import plain
from mixerpult.tui.widgets.toggles import Choice, LevelSelect, sharing_words

ANSWER = "pv-level-"
NOTE = "pv-note-"


class PreviewScreen(WizardModal):
    """What the sheet for one audience holds, with each level at hand."""

    CSS_PATH = "preview.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "switch_audience", "Skift ark"),
    ]

    def __init__(self, audience: str | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self._wanted = audience
        self.changed = False

    @property
    def audiences(self) -> tuple[str, ...]:
        """The versions offered: both alone, only the watcher's on a shared screen."""
        viewer = self.wizard.viewer
        return (audience_of(viewer),) if viewer.is_shared else AUDIENCES

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self._focus_first)

    @property
    def audience(self) -> str:
        if self._wanted in self.audiences:
            return self._wanted
        return self.audiences[0]

    def preview(self) -> Preview:
        app = self.wizard
        return build_preview(app.pack, app.s, self.audience, app.ui_lang)

    # -- drawing -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog preview-dialog"):
            yield Static(plain(self.t("preview_title")), classes="dialog-title")
            if len(self.audiences) > 1:
                with RadioSet(id="pv-audience", compact=True):
                    for audience in self.audiences:
                        yield Choice(
                            plain(self.t(f"preview_for_{audience}")),
                            audience == self.audience,
                        )
            else:
                yield Static(plain(self.t(f"preview_for_{self.audience}")), id="pv-only")
            with VerticalScroll(id="pv-body"):
                yield from self._items()
            # Compact: at 60×20 every row of the sheet counts.
            yield Button(plain(self.t("button_close")), id="close", compact=True)

    def _items(self) -> list[Widget]:
        """The sheet's content, then what it leaves out; user text always plain."""
        lang = self.wizard.ui_lang
        words = sharing_words(lang)
        preview = self.preview()
        widgets: list[Widget] = [
            Static(plain(self.t(f"preview_intro_{self.audience}")), classes="pv-intro")
        ]
        if not preview.sections:
            widgets.append(Static(plain(self.t("preview_empty")), classes="pv-intro"))
        for section in preview.sections:
            widgets.append(Static(plain(section.title), classes="pv-section"))
            for item in section.items:
                head = Content.styled(shown(item.label), "bold") if item.label else Content("")
                body = Content(shown(item.text)) if item.text else Content("")
                text = Content("\n").join([c for c in (head, body) if c.plain])
                row: list[Widget] = [Static(text, classes="pv-text")]
                if item.level is not None:
                    prefix = ANSWER if item.kind == "answer" else NOTE
                    row.append(LevelSelect(item.level, words, id=f"{prefix}{item.id}"))
                widgets.append(Horizontal(*row, classes="pv-item"))
        if preview.left_out and not self.wizard.viewer.is_shared:
            widgets.append(Static(plain(self.t("preview_left_out")), classes="pv-section"))
            for left in preview.left_out:
                # Its level is the drop-down beside it: said once, not twice.
                label = Content.styled(shown(left.label), "bold")
                widgets.append(
                    Horizontal(
                        Static(label, classes="pv-text"),
                        LevelSelect(left.level, words, id=f"{ANSWER}{left.id}"),
                        classes="pv-item pv-left-out",
                    )
                )
        return widgets

    async def _rebuild(self, focus: str | None = None) -> None:
        body = self.query_one("#pv-body", VerticalScroll)
        await body.remove_children()
        await body.mount_all(self._items())
        if focus is not None:
            for widget in self.query(f"#{focus}"):
                widget.focus()
                return
        self._focus_first()

    def _focus_first(self) -> None:
        for widget in self.query("#pv-audience, #pv-body LevelSelect, #close"):
            widget.focus()
            return

    # -- switching and choosing ------------------------------------------------------

    def action_switch_audience(self) -> None:
        choices = self.audiences
        if len(choices) > 1:
            self._wanted = choices[(choices.index(self.audience) + 1) % len(choices)]
            radio = self.query_one("#pv-audience", RadioSet)
            with radio.prevent(RadioSet.Changed):
                list(radio.query(Choice))[choices.index(self._wanted)].value = True
            self.call_later(self._rebuild)

    @on(RadioSet.Changed, "#pv-audience")
    async def _audience_chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        self._wanted = self.audiences[event.index]
        await self._rebuild()

    @on(Select.Changed, "#pv-body LevelSelect")
    async def _level_chosen(self, event: Select.Changed) -> None:
        event.stop()
        select = event.select
        assert isinstance(select, LevelSelect)
        ident = select.id or ""
        app = self.wizard
        level: Level = select.level
        if ident.startswith(ANSWER):
            qid = ident.removeprefix(ANSWER)
            question = app.pack.questions[qid]
            if sharing_level(question, app.s) == level:
                return  # posted for the level it was built with
            app.s.set_level(qid, level)
        else:
            cid = ident.removeprefix(NOTE)
            if note_level(app.pack.channels[cid], app.s) == level:
                return
            app.s.set_note_level(cid, level)
        app.mark_dirty()
        self.changed = True
        # The item may leave the sheet (or come onto it): drawn anew, focus stays put.
        await self._rebuild(focus=ident)

    @on(Button.Pressed, "#close")
    def _close_pressed(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        if self.changed:
            # The pages below show levels too: they are drawn anew with the new ones.
            for screen in self.app.screen_stack:
                if isinstance(screen, WizardScreen) and screen.follows_viewer:
                    screen.relanguage()
        self.dismiss(None)
