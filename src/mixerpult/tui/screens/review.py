"""The review: every step with its answers, the fader bank, the timeline (given a
first sick day) and the agreements, each item editable.

How an item reads is decided in `mixerpult.tui.summary`, shared with the walkthrough.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Static

from mixerpult.present.conversation import after_meeting
from mixerpult.present.overview import Overview
from mixerpult.present.timeline import build_timeline
from mixerpult.present.visibility import visible
from mixerpult.questionnaire import Question, tr
from mixerpult.tui.flow import AGREEMENTS, FINISH, REVIEW
from mixerpult.tui.screens.base import PRIVATE_BINDINGS, private_action_state
from mixerpult.tui.screens.page import PageScreen
from mixerpult.tui.text import plain
from mixerpult.tui.widgets.footer import KeyFooter
from mixerpult.tui.widgets.review_item import ReviewItem, agreement_items, section_items

__all__ = ["ReviewScreen"]


def today() -> dt.date:
    """The day the timeline is judged on when no conversation date is given (the tests
    set it, so that nothing they see depends on the clock)."""
    return dt.date.today()


class ReviewScreen(PageScreen):
    """All answers on one page."""

    follows_viewer: ClassVar[bool] = True

    BINDINGS: ClassVar[list[BindingType]] = [
        *PRIVATE_BINDINGS,
        Binding("g", "walkthrough", "Gennemgang", show=False),
        Binding("a", "agreements", "Aftaler", show=False),
        Binding("v", "preview", "Se arket"),
    ]

    def __init__(self, *, focus: str | None = None) -> None:
        super().__init__(REVIEW)
        self.focus_target = focus

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = private_action_state(self, action)
        if state is not None:
            return state
        return action != "review"

    def compose(self) -> ComposeResult:
        app = self.wizard
        overview = app.overview()
        yield self.top_bar()
        with VerticalScroll(id="body", can_focus=False):
            after = after_meeting(overview)
            if after.follow_up is not None:
                # At the top: after the meeting, the date is what the review is opened for.
                when = self.t("review_follow_up", when=after.follow_up.when)
                yield Static(plain(when), classes="review-warning", id="follow-up")
            yield Static(plain(self.t("review_intro")), classes="page-intro")
            missing = self.missing_hard()
            if missing:
                yield Static(
                    plain(self.t("review_missing_hard", count=len(missing))),
                    classes="review-warning",
                )
            for section in overview.sections:
                yield Static(
                    plain(app.flow.title(section.id, app.ui_lang)), classes="review-section"
                )
                yield from section_items(
                    section,
                    app.ui_lang,
                    self.t("review_no_questions"),
                    unagreed=after.unagreed_ids,
                )
            yield from self._timeline(overview)
            yield Static(plain(self.t("agreements_title")), classes="review-section")
            yield from agreement_items(overview.agreements, app.ui_lang)
        with Horizontal(id="nav"):
            yield Button(plain(self.t("button_back")), id="back")
            yield Button(plain(self.t("button_walkthrough")), id="walkthrough")
            yield Static("", id="nav-status", markup=False)
            yield Button(plain(self.t("button_make_sheet")), id="next", variant="primary")
        yield KeyFooter()

    def _timeline(self, overview: Overview) -> Iterator[Widget]:
        """The dated deadlines, given a first sick day the viewer may see; the line of
        the first sick day opens its question."""
        app = self.wizard
        timeline = build_timeline(
            app.pack, app.s, app.viewer, app.ui_lang, today=today(), seen=overview.disclosure
        )
        if timeline is None:
            return
        yield Static(plain(timeline.title), classes="review-section")
        page = app.pack.step_of[timeline.question].id
        yield ReviewItem(plain(timeline.intro), page, timeline.question, id="r-timeline")
        for entry in timeline.entries:
            passed = " passed" if entry.passed else ""
            yield Static(plain(f"• {entry.words}"), classes=f"review-timeline{passed}")

    def on_mount(self) -> None:
        self.set_status("")
        target = None
        if self.focus_target:
            target = next(
                (item for item in self.query(ReviewItem) if item.id == self.focus_target),
                None,
            )
        if target is None:
            target = next(iter(self.query(ReviewItem)), None)
        if target is not None:
            self.focus_now(target)  # keys pressed before the first paint must count

    def missing_hard(self) -> list[Question]:
        """Visible hard-required questions without an answer, in questionnaire order."""
        app = self.wizard
        shown = visible(app.pack, app.s)
        return [
            q
            for q in app.pack.questions.values()
            if q.id in shown and q.required == "hard" and app.s.answer(q.id) is None
        ]

    @on(ReviewItem.Opened)
    def _open(self, event: ReviewItem.Opened) -> None:
        item = event.item
        if item.page == AGREEMENTS:
            self.wizard.open_agreements(focus=item.target)
        elif item.page is not None:
            self.wizard.go(item.page, focus=item.target, return_to=REVIEW)

    def action_walkthrough(self) -> None:
        self.wizard.open_walkthrough()

    def action_agreements(self) -> None:
        self.wizard.open_agreements()

    def action_preview(self) -> None:
        from mixerpult.tui.screens.preview import PreviewScreen

        self.app.push_screen(PreviewScreen())

    @on(Button.Pressed, "#walkthrough")
    def _walkthrough_pressed(self) -> None:
        self.wizard.open_walkthrough()

    def can_leave(self) -> bool:
        missing = self.missing_hard()
        if not missing:
            return True
        lang = self.wizard.ui_lang
        names = ", ".join(tr(q.label, lang) for q in missing[:3])
        self.notify(self.t("finish_blocked", names=names), severity="error", markup=False)
        item = self.query_one(f"#r-{missing[0].id}", ReviewItem)
        item.focus()
        return False

    def action_next(self) -> None:
        if self.can_leave():
            self.wizard.go(FINISH)
