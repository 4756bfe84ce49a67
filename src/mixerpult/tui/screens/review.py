"""The review: every step with its answers and the fader bank, each item editable.

Unanswered questions and private answers are marked in words (not only in
colour), so the marks survive NO_COLOR and screen readers.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from mixerpult.questionnaire import Question, Step, tr
from mixerpult.tui.flow import FINISH, MIXERPULT, REVIEW
from mixerpult.tui.format import answer_text
from mixerpult.tui.screens.page import PageScreen
from mixerpult.tui.text import plain
from mixerpult.tui.widgets.review_item import ReviewItem


def fader_bar(position: int | None, scale: int) -> str:
    """A fader's position drawn small, e.g. '■■□□□' for 2 of 5."""
    if position is None:
        return "·" * scale
    return "■" * position + "□" * (scale - position)


class ReviewScreen(PageScreen):
    """All answers on one page."""

    def __init__(self, *, focus: str | None = None) -> None:
        super().__init__(REVIEW)
        self.focus_target = focus

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "review"

    def compose(self) -> ComposeResult:
        app = self.wizard
        yield self.top_bar()
        with VerticalScroll(id="body", can_focus=False):
            yield Static(plain(self.t("review_intro")), classes="page-intro")
            missing = self.missing_hard()
            if missing:
                yield Static(
                    plain(self.t("review_missing_hard", count=len(missing))),
                    classes="review-warning",
                )
            for page in app.flow.pages:
                if page in (REVIEW, FINISH):
                    continue
                yield Static(plain(app.flow.title(page, app.ui_lang)), classes="review-section")
                if page == MIXERPULT:
                    yield from self._fader_items()
                else:
                    yield from self._step_items(app.pack.step(page))
        yield from self.nav_bar(next_label=self.t("button_make_sheet"))
        yield Footer()

    def _step_items(self, step: Step) -> ComposeResult:
        app = self.wizard
        visible = app.pack.visible_questions(step, app.s.facts())
        if not visible:
            yield Static(plain(self.t("review_no_questions")), classes="review-empty")
        for question in visible:
            content = self._question_content(question)
            yield ReviewItem(content, step.id, question.id, id=f"r-{question.id}")

    def _question_content(self, question: Question) -> Content:
        app = self.wizard
        lang = app.ui_lang
        value = app.s.answer(question.id)
        head: list[Content | tuple[str, str] | str] = [(tr(question.label, lang), "bold")]
        if app.s.is_private(question.id):
            head.append(("  " + self.t("review_private_mark"), "italic $warning"))
        if value is None:
            mark = self.t("review_unanswered")
            if question.required == "hard":
                mark = self.t("review_unanswered_required")
            body = Content.styled(mark, "italic $text-muted")
        else:
            body = plain(answer_text(question, value, lang))
        return Content.assemble(*head, "\n", body)

    def _fader_items(self) -> ComposeResult:
        app = self.wizard
        mixer = app.pack.mixerpult
        assert mixer is not None
        lang = app.ui_lang
        for channel in mixer.channels:
            setting = app.s.fader(channel.id)
            scale = mixer.scale_of(channel)
            level = (
                mixer.level(channel, setting.position, lang)
                if setting.position is not None
                else self.t("fader_unset")
            )
            parts: list[Content | tuple[str, str] | str] = [
                (tr(channel.label, lang), "bold"),
                "  ",
                fader_bar(setting.position, scale),
                "  ",
                (level, "italic" if setting.position is None else ""),
            ]
            if setting.note.strip():
                parts.extend(["\n", plain(setting.note)])
            yield ReviewItem(
                Content.assemble(*parts), MIXERPULT, channel.id, id=f"r-fader-{channel.id}"
            )

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
            self.call_after_refresh(target.focus)

    def missing_hard(self) -> list[Question]:
        """Visible hard-required questions without an answer, in questionnaire order."""
        app = self.wizard
        facts = app.s.facts()
        return [
            q
            for step in app.pack.steps
            for q in app.pack.visible_questions(step, facts)
            if q.required == "hard" and app.s.answer(q.id) is None
        ]

    @on(ReviewItem.Opened)
    def _open(self, event: ReviewItem.Opened) -> None:
        self.wizard.go(event.item.page, focus=event.item.target, from_review=True)

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
