"""The walkthrough: the whole session on one screen, for the employee and the caseworker
at one desk.

Sections in the wizard's order (every step, the fader bank drawn large), then the
tools worth asking about and the agreements. Page Down / Page Up step from
section to section; Enter or a click opens an item where it is edited, and
"next" there leads back here, to the same item.

Someone else is looking here: the walkthrough says who (the caseworker or the
employer; `w` switches) and shows what the presentation layer lets that person
see, the suggested tools included; `p` shows everything again to the employee
alone.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from mixerpult.present.overview import ConsoleSection, Overview
from mixerpult.present.viewers import Viewer
from mixerpult.tui.flow import AGREEMENTS, MIXERPULT, REVIEW, WALKTHROUGH
from mixerpult.tui.format import shown
from mixerpult.tui.screens.base import PRIVATE_BINDINGS, WizardScreen, private_action_state
from mixerpult.tui.text import plain
from mixerpult.tui.widgets.footer import KeyFooter
from mixerpult.tui.widgets.review_item import ReviewItem, agreement_items, section_items
from mixerpult.tui.widgets.topbar import TopBar
from mixerpult.tui.widgets.walk_bank import BankColumn, WalkBank
from mixerpult.tui.widgets.walk_section import WalkBody, WalkSection

TOOLS = "tools"
ITEM = "review-item walk-item"


class WalkthroughScreen(WizardScreen):
    """Everything at a glance, section by section."""

    page = WALKTHROUGH
    follows_viewer: ClassVar[bool] = True

    # Responsive classes: "-narrow" below 80 columns (a browser with a large font),
    # "-short" below 30 rows. The styles shrink the bank and drop extras there.
    # (Textual declares these without ClassVar, so mypy forbids saying so here.)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        # The private switch first: in a narrow footer it must stay in view.
        *PRIVATE_BINDINGS,
        Binding("w", "who_watches", "Hvem ser med"),
        Binding("a", "agreements", "Aftaler"),
        Binding("escape", "back", "Tilbage"),
        Binding("ctrl+b", "back", "Tilbage", show=False),
        # Not in the footer: the line under the top bar says PgDn/PgUp, and at 80
        # columns the footer needs the room for Afslut and Hjælp.
        Binding("pagedown", "next_section", "Næste afsnit", show=False),
        Binding("pageup", "previous_section", "Forrige afsnit", show=False),
        Binding("ctrl+o,ctrl+r", "review", "Oversigt", show=False),
    ]

    def __init__(self, *, focus: str | None = None) -> None:
        super().__init__(id="page-walkthrough")
        self.focus_target = focus
        self.section_index = 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = private_action_state(self, action)
        return True if state is None else state

    # -- composing -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        app = self.wizard
        lang = app.ui_lang
        overview = app.overview()
        yield TopBar(self.t("walkthrough_title"))
        with Horizontal(id="walk-status"):
            yield Static(plain(self.t(f"walk_viewer_{app.viewer.value}")), id="walk-private")
            yield Static(plain(self.t("walk_keys")), id="walk-keys")
        with WalkBody(id="walk-body", can_focus=False):
            for section in overview.sections:
                title = app.flow.title(section.id, lang)
                with WalkSection(section.id, title):
                    yield self._heading(title, section.id, section.id)
                    if isinstance(section, ConsoleSection):
                        yield Static(plain(section.question), id="walk-mixer-question")
                        yield WalkBank(section, app.pack.mixerpult)
                    yield from section_items(
                        section, lang, self.t("review_no_questions"), classes=ITEM
                    )
            title = self.t("walk_tools_title")
            with WalkSection(TOOLS, title):
                yield self._heading(title, TOOLS, None)
                yield from self._tools(overview)
            title = self.t("agreements_title")
            with WalkSection(AGREEMENTS, title):
                yield self._heading(title, AGREEMENTS, AGREEMENTS)
                yield from agreement_items(overview.agreements, lang, classes=ITEM)
        yield KeyFooter()

    def _heading(self, title: str, key: str, page: str | None) -> ReviewItem:
        return ReviewItem(plain(title), page, "", id=f"h-{key}", classes="walk-heading")

    def _tools(self, overview: Overview) -> ComposeResult:
        # The suggestions are the sheet's own, from what the person watching may see,
        # so a hidden answer cannot show through a tool or its reason.
        if not overview.suggested:
            yield Static(plain(self.t("walk_no_tools")), classes="review-empty")
        for tool in overview.suggested:
            parts: list[Content | tuple[str, str] | str] = [(shown(tool.name), "bold")]
            if tool.reasons:
                because = self.t("walk_because", reasons="; ".join(tool.reasons))
                parts.extend(["\n", (shown(because), "italic")])
            parts.extend(["\n", (shown(tool.summary), "$text-muted")])
            yield Static(Content.assemble(*parts), classes="walk-tool", markup=False)

    # -- start ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        super().on_mount()
        target = None
        if self.focus_target:
            target = next(
                (item for item in self.query(ReviewItem) if item.id == self.focus_target), None
            )
        if target is not None:
            self.call_after_refresh(self._bring_back, target)
        else:
            self.call_after_refresh(self.show_section, 0)

    @property
    def narrow(self) -> bool:
        """Fewer than 80 columns: a browser with a large font, most likely."""
        return self.app.size.width < 80

    def _bring_back(self, item: ReviewItem) -> None:
        """Focus the item just edited, in the middle of the view."""
        body = self.query_one("#walk-body", WalkBody)
        body.scroll_to_center(item, animate=False, immediate=True)
        item.focus(scroll_visible=False)

    def on_resize(self) -> None:
        self._show_place()

    def on_recomposed(self) -> None:
        self.call_after_refresh(self._show_place)

    def restore_focus(self, widget_id: str | None) -> None:
        # Rebuilt (private answers shown or hidden, another language): plain focus
        # would scroll only as far as needed, leaving a heading on the last line,
        # so the place is put back as PageDown and "open an item" leave it, once
        # the new page has its layout.
        self.call_after_refresh(self._restore_place, widget_id)

    def _restore_place(self, widget_id: str | None) -> None:
        item = next((w for w in self.query(ReviewItem) if w.id == widget_id), None)
        index = self._section_of(item) if item is not None else None
        if item is None or index is None:
            self.show_section(self.section_index)
        elif item.has_class("walk-heading"):
            self.show_section(index)
        else:
            self._bring_back(item)

    # -- sections ------------------------------------------------------------------------

    @property
    def sections(self) -> list[WalkSection]:
        return list(self.query(WalkSection))

    def _section_of(self, widget: object) -> int | None:
        sections = self.sections
        node = widget
        while node is not None:
            if isinstance(node, WalkSection):
                return sections.index(node)
            node = getattr(node, "parent", None)
        return None

    def current_section(self) -> int:
        """The section with the focus, else the one at the top of the view."""
        index = self._section_of(self.focused)
        if index is not None:
            return index
        body = self.query_one("#walk-body", WalkBody)
        current = 0
        for i, section in enumerate(self.sections):
            if section.virtual_region.y <= body.scroll_y:
                current = i
        return current

    def show_section(self, index: int) -> None:
        """Bring section `index` to the top of the view and focus its heading."""
        sections = self.sections
        index = max(0, min(index, len(sections) - 1))
        section = sections[index]
        body = self.query_one("#walk-body", WalkBody)
        body.scroll_to_widget(section, top=True, animate=False, immediate=True)
        section.query_one(".walk-heading", ReviewItem).focus(scroll_visible=False)
        self.section_index = index
        self._show_place()

    def action_next_section(self) -> None:
        self.show_section(self.current_section() + 1)

    def action_previous_section(self) -> None:
        self.show_section(self.current_section() - 1)

    def _show_place(self) -> None:
        """Name the section in view in the top bar."""
        sections = self.sections
        if not sections:
            return
        index = max(0, min(self.section_index, len(sections) - 1))
        section = sections[index]
        # Narrow, the section's name alone: the save state must keep its room.
        title = section.heading
        if not self.narrow:
            title = f"{self.t('walkthrough_title')} · {title}"
        where = self.t("walk_where", number=index + 1, count=len(sections))
        self.query_one(TopBar).show(title, where)

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        index = self._section_of(event.widget)
        if index is not None:
            self.section_index = index
            self._show_place()
        channel = None
        widget_id = event.widget.id or ""
        if widget_id.startswith("r-fader-"):
            channel = widget_id.removeprefix("r-fader-")
        for bank in self.query(WalkBank):
            bank.highlight(channel)

    # -- opening and leaving -------------------------------------------------------------

    @on(ReviewItem.Opened)
    def _open(self, event: ReviewItem.Opened) -> None:
        item = event.item
        if item.page == AGREEMENTS:
            self.wizard.open_agreements(focus=item.target)
        elif item.page is not None:
            self.wizard.go(item.page, focus=item.target, return_to=WALKTHROUGH)

    @on(BankColumn.Opened)
    def _open_channel(self, event: BankColumn.Opened) -> None:
        self.wizard.go(MIXERPULT, focus=event.channel_id, return_to=WALKTHROUGH)

    def action_agreements(self) -> None:
        self.wizard.open_agreements()

    def action_who_watches(self) -> None:
        """The caseworker or the employer is watching (from the employee alone: the
        caseworker)."""
        app = self.wizard
        watching = Viewer.EMPLOYER if app.viewer == Viewer.CASEWORKER else Viewer.CASEWORKER
        app.set_viewer(watching)

    def action_back(self) -> None:
        self.wizard.leave_aside(WALKTHROUGH)

    def action_review(self) -> None:
        self.wizard.go(REVIEW)
