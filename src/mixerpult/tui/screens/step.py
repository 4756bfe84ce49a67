"""A step of the questionnaire: its visible questions, re-evaluated as answers change.

What is shown is the presentation layer's disclosure for whoever looks at the
screen: while it is shared (the walkthrough, a browser) an answer that person may
not see is not put on the page at all (a `HiddenAnswer` stands in for it), and a
question shown only because of such an answer is not shown either.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from mixerpult.answers import AnswerValue
from mixerpult.present.disclosure import disclose, sharing_level, withheld
from mixerpult.questionnaire import Step, tr
from mixerpult.tui.screens.page import PageScreen
from mixerpult.tui.text import plain
from mixerpult.tui.widgets.footer import KeyFooter
from mixerpult.tui.widgets.hidden_answer import HiddenAnswer
from mixerpult.tui.widgets.question import QuestionField
from mixerpult.tui.widgets.topbar import TopBar

_EMPTY: tuple[object, ...] = (None, "", [])


def same_answer(old: AnswerValue | None, new: AnswerValue | None) -> bool:
    """Whether storing `new` would change nothing (None, '' and [] are all "no answer")."""
    if old in _EMPTY and new in _EMPTY:
        return True
    return type(old) is type(new) and old == new


class StepScreen(PageScreen):
    """The questions of one step, built when the step is visited, or while the page
    before it is read (`tui.ahead`)."""

    AUTO_FOCUS: ClassVar[str | None] = ""
    follows_viewer: ClassVar[bool] = True
    one_at_a_time: ClassVar[bool] = False

    def __init__(
        self, step: Step, *, focus: str | None = None, return_to: str | None = None
    ) -> None:
        super().__init__(step.id, return_to=return_to)
        self.step = step
        self.focus_target = focus
        self._built_from: tuple[object, ...] | None = None
        self._catch_up_at_mount = False

    def basis(self) -> tuple[object, ...]:
        """Everything the widgets of this page are built from, but the answers of other
        steps (they only show or hide questions: `catch_up`)."""
        app = self.wizard
        session = app.s
        return (
            session,
            app.ui_lang,
            app.viewer,
            app.hide_private,
            self.app.theme,
            tuple(
                (
                    repr(session.answers.get(q.id)),
                    session.drafts.get(q.id),
                    sharing_level(q, session),
                )
                for q in self.step.questions
            ),
        )

    def fresh(self) -> bool:
        """Whether a page built now would have the same widgets (true until it is built)."""
        return self._built_from is None or self._built_from == self.basis()

    def catch_up(self) -> None:
        """Built ahead and shown now: work out anew what the page before may have
        changed (which questions show, the progress), and the save state; once
        mounted, if it is not yet."""
        if not self.is_mounted:
            self._catch_up_at_mount = True
            return
        self._catch_up()

    def _catch_up(self) -> None:
        self._refresh_visibility()
        self._update_progress()
        self.query_one(TopBar).show_current_save_state()
        self.fit_footer()

    def compose(self) -> ComposeResult:
        app = self.wizard
        session = app.s
        lang = app.ui_lang
        self._built_from = self.basis()
        seen = disclose(app.pack, session, app.viewer)
        yield self.top_bar()
        with VerticalScroll(id="body", can_focus=False):
            if self.step.intro:
                yield Static(plain(tr(self.step.intro, lang)), classes="page-intro")
            for question in self.step.questions:
                if withheld(question, app.pack, session, app.viewer):
                    hidden = HiddenAnswer(question, sharing_level(question, session), lang)
                    hidden.display = seen.state(question.id) == "hidden"
                    yield hidden
                    continue
                field = QuestionField(
                    question,
                    session.answers.get(question.id),
                    level=sharing_level(question, session),
                    lang=lang,
                    draft=session.drafts.get(question.id),
                )
                field.display = seen.shows(question.id)
                yield field
            if not self.step.questions:
                yield Static(plain(self.t("step_empty")), classes="page-intro")
        yield from self.nav_bar()
        yield KeyFooter()

    def on_mount(self) -> None:
        if self._catch_up_at_mount:
            self._catch_up()
        else:
            self._update_progress()
        self._focus_target()

    def _focus_target(self) -> None:
        # Focus by hand: AUTO_FOCUS would also pick a hidden question's input.
        fields = [
            w
            for w in self.query(".question")
            if isinstance(w, QuestionField | HiddenAnswer) and w.display
        ]
        target = next((f for f in fields if f.question.id == self.focus_target), None)
        if target is None and fields:
            target = fields[0]
        # Focus now, not after the first paint: keys typed while the page goes up would
        # otherwise reach a page with nothing focused and be lost. Only the scrolling
        # needs the layout.
        if target is not None:
            self.focus_now(target.focus_widget, scroll_visible=False)
            self.call_after_refresh(target.scroll_visible, animate=False)
        else:
            self.focus_now(self.query_one("#next"))

    def on_recomposed(self) -> None:
        self._update_progress()

    def refocus(self) -> None:
        self._focus_target()

    @on(events.DescendantFocus)
    def _remember_question(self, event: events.DescendantFocus) -> None:
        for node in event.widget.ancestors_with_self:
            if isinstance(node, QuestionField | HiddenAnswer):
                self.focus_target = node.question.id
                break

    @on(Button.Pressed, ".show-private")
    def _show_private(self, event: Button.Pressed) -> None:
        event.stop()
        self.wizard.set_hide_private(False)

    def review_focus(self) -> str | None:
        return f"r-{self.focus_target}" if self.focus_target else None

    # -- answers -----------------------------------------------------------------

    def commit(self) -> None:
        for field in self.query(QuestionField):
            shown = field.shown_answer()
            if shown is not None:
                self._answered(shown)

    @on(QuestionField.Answered)
    def _answered(self, event: QuestionField.Answered) -> None:
        app = self.wizard
        question = event.field.question
        if not event.valid:
            # What the field shows is what is kept: the typed text, saved as a draft,
            # and no answer (an earlier value typed on the way, "45" of "450", is not one).
            if event.raw is not None and app.s.drafts.get(question.id) != event.raw:
                app.s.set_draft(question.id, event.raw)
                app.s.set_answer(question.id, None)
                event.field.value = None
                app.mark_dirty()
            return
        event.field.value = event.value
        changed = False
        if question.id in app.s.drafts:
            app.s.set_draft(question.id, None)
            changed = True
        if not same_answer(app.s.answers.get(question.id), event.value):
            app.s.set_answer(question.id, event.value)
            changed = True
        answered = app.s.answer(question.id) is not None and not event.field.problem
        if answered and event.field.has_class("-missing"):
            # An answer resolves a "please answer" message.
            event.field.remove_class("-missing")
            event.field.clear_message()
        if changed:
            # The same answer again (a choice reported as the page mounts) shows and
            # counts the same questions: nothing to work out anew.
            app.mark_dirty()
            self._refresh_visibility()
            self._update_progress()

    @on(QuestionField.LevelChosen)
    def _level(self, event: QuestionField.LevelChosen) -> None:
        app = self.wizard
        question = event.field.question
        if sharing_level(question, app.s) != event.level:
            app.s.set_level(question.id, event.level)
            app.mark_dirty()

    @on(QuestionField.ClearRequested)
    async def _clear(self, event: QuestionField.ClearRequested) -> None:
        app = self.wizard
        field = event.field
        app.s.set_answer(field.question.id, None)
        app.mark_dirty()
        field.value = None
        await field.recompose()
        field.focus_input()
        self._refresh_visibility()
        self._update_progress()

    def _refresh_visibility(self) -> None:
        """Show exactly the questions the disclosure shows, for the answers so far."""
        app = self.wizard
        seen = disclose(app.pack, app.s, app.viewer)
        for field in self.query(QuestionField):
            field.display = seen.shows(field.question.id)
        for hidden in self.query(HiddenAnswer):
            hidden.display = seen.state(hidden.question.id) == "hidden"

    def _update_progress(self) -> None:
        app = self.wizard
        seen = disclose(app.pack, app.s, app.viewer)
        shown = [q for q in self.step.questions if seen.shows(q.id)]
        answered = sum(app.s.answer(q.id) is not None for q in shown)
        self.set_status(self.t("progress_questions", answered=answered, count=len(shown)))

    # -- leaving -------------------------------------------------------------------

    def can_leave(self) -> bool:
        """Hard-required answers and unreadable text block; soft-required ones warn once."""
        app = self.wizard
        lang = app.ui_lang
        blocking: QuestionField | None = None
        warnings: list[QuestionField] = []
        for field in self.query(QuestionField):
            if not field.display:
                continue
            question = field.question
            if field.problem:
                field.show_message(field.problem)
                blocking = blocking or field
                continue
            if not question.required or app.s.answer(question.id) is not None:
                continue
            text = tr(question.error, lang) or self.t(f"required_{question.required}")
            if question.required == "hard":
                field.show_message(text, "error")
                field.add_class("-missing")
                blocking = blocking or field
            elif question.id not in app.warned:
                field.show_message(text, "warning")
                field.add_class("-missing")
                warnings.append(field)
        # Said on the page, where the question is and in the line between the buttons,
        # not in a notice: one sat over "Næste" and was still there on the next page.
        if blocking is not None:
            self.set_status(self.t("blocked_next"))
            self._show_question(blocking)
            return False
        if warnings:
            # Counted as warned only now: a warning hidden behind a hard block
            # has not really been seen yet.
            app.warned.update(f.question.id for f in warnings)
            self.set_status(self.t("soft_warning", count=len(warnings)))
            self._show_question(warnings[0])
            return False
        return True

    def _show_question(self, field: QuestionField) -> None:
        """Focus `field` and bring all of it into view, the message under it too."""
        field.focus_input()
        # Again once laid out: the message just shown makes the field taller.
        field.after_message(lambda: field.scroll_visible(animate=False))
