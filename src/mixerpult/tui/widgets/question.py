"""One question on a step page: its label, help, input, sharing level and message.

The field turns what is typed into an answer value (dates, numbers, option
ids) and posts it; the screen decides what to store. Text that does not parse
yet (a half-typed date) is posted as a draft so it can be kept in memory, and
the stored answer is only replaced by a value that makes sense.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import AwaitMount, Widget
from textual.widgets import (
    Button,
    Input,
    RadioSet,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.selection_list import Selection

from mixerpult.answers import AnswerValue, Level
from mixerpult.questionnaire import (
    ChoiceQuestion,
    NumberQuestion,
    PlanQuestion,
    Question,
    TextQuestion,
    tr,
)
from mixerpult.tui.format import (
    impossible_date,
    parse_date,
    parse_number,
    show_date,
    show_number,
    shown,
)
from mixerpult.tui.text import plain, ui
from mixerpult.tui.widgets.answer_row import AnswerRow
from mixerpult.tui.widgets.plan_editor import PlanEditor
from mixerpult.tui.widgets.question_head import QuestionHead
from mixerpult.tui.widgets.text_fields import TextBox, TextInput
from mixerpult.tui.widgets.toggles import Choice, LevelSelect, TickList, sharing_words

MessageKind = Literal["error", "warning"]


class QuestionField(Vertical):
    """Everything that belongs to one question."""

    class Answered(Message):
        """The user changed the answer; `valid` is False for text that does not parse yet."""

        def __init__(
            self, field: QuestionField, value: AnswerValue | None, valid: bool, raw: str | None
        ) -> None:
            super().__init__()
            self.field = field
            self.value = value
            self.valid = valid
            self.raw = raw

    class LevelChosen(Message):
        """The user chose who the answer is shared with."""

        def __init__(self, field: QuestionField, level: Level) -> None:
            super().__init__()
            self.field = field
            self.level = level

    class ClearRequested(Message):
        """The user asked to take back a choice (radio buttons cannot be unpressed)."""

        def __init__(self, field: QuestionField) -> None:
            super().__init__()
            self.field = field

    def __init__(
        self,
        question: Question,
        value: AnswerValue | None,
        *,
        level: Level,
        lang: str,
        draft: str | None = None,
    ) -> None:
        super().__init__(id=f"q-{question.id}", classes="question")
        self.question = question
        self.value = value
        self.level = level
        self.lang = lang
        self.draft = draft
        self.problem: str | None = None
        """Why the current text cannot be stored (bad date, number out of range …)."""
        self._warned_length = False
        self._message_mounted: AwaitMount | None = None
        self._typed: str | None = None
        """The field's latest text, not yet carried to the page (see `_carry_later`)."""

    @property
    def input_id(self) -> str:
        return f"answer-{self.question.id}"

    # -- composing -----------------------------------------------------------

    def compose(self) -> ComposeResult:
        q = self.question
        label = tr(q.label, self.lang)
        parts: list[Content | tuple[str, str] | str] = [(label, "bold")]
        if q.required == "hard":
            parts.append((" " + ui(self, "required_marker"), "italic"))
        help_text = shown(tr(q.help, self.lang)) if q.help else None
        yield QuestionHead(Content.assemble(*parts), help_text, classes="q-label")
        yield from self._compose_input()
        row: list[Widget] = [
            LevelSelect(self.level, sharing_words(self.lang), classes="q-level", id=f"level-{q.id}")
        ]
        if INPUTS[q.type].clearable:
            row.append(
                Button(
                    plain(ui(self, "clear_answer")),
                    compact=True,
                    classes="q-clear",
                    id=f"clear-{q.id}",
                )
            )
        # The words before the level and the count of a text are drawn by the row.
        yield AnswerRow(ui(self, "level_label"), *row)
        # No ".q-message" yet: most questions never show one, and every widget costs a
        # new page time (`_message` adds it the first time there is something to say).

    def _compose_input(self) -> ComposeResult:
        yield from INPUTS[self.question.type].compose(self)

    def on_mount(self) -> None:
        self._update_counter()
        if self.draft is not None and INPUTS[self.question.type].parse is not None:
            self._parse(self.draft, post=False)

    # -- focus and messages --------------------------------------------------

    @property
    def input_widget(self) -> Widget:
        return self.query_one(f"#{self.input_id}", Widget)

    @property
    def focus_widget(self) -> Widget:
        """What takes the focus when the page lands on this question."""
        return self.input_widget

    def focus_input(self, *, scroll: bool = True) -> None:
        """Put the cursor in this question's input and bring it into view."""
        self.input_widget.focus()
        if scroll:
            self.scroll_visible(animate=False)

    def _message(self) -> Static:
        """The line under the question that says what is wrong, added when first needed."""
        for message in self.query_children(".q-message"):
            return cast(Static, message)
        message = Static("", classes="q-message")
        self._message_mounted = self.mount(message)
        return message

    def after_message(self, callback: Callable[[], object]) -> None:
        """Call `callback` once the message line is laid out (it may just be added)."""
        mounted = self._message_mounted

        async def laid_out() -> None:
            if mounted is not None:
                await mounted
            self.call_after_refresh(callback)

        self.call_later(laid_out)

    def show_message(self, text: str, kind: MessageKind = "error") -> None:
        message = self._message()
        message.update(plain(text))
        message.set_classes(f"q-message -{kind}")

    def clear_message(self) -> None:
        for message in self.query_children(".q-message"):
            cast(Static, message).update("")
            message.set_classes("q-message")

    def _update_counter(self, text: str | None = None) -> None:
        """Show how much of the allowed length is used, and warn beyond it.

        Over-long text is still stored and nothing is cut off (a paste would
        otherwise lose words); the warning asks the user to shorten it.
        """
        q = self.question
        if not isinstance(q, TextQuestion) or not q.max_length:
            return
        if text is None:
            text = self.value if isinstance(self.value, str) else ""
        over = len(text) > q.max_length
        row = self.query_one(AnswerRow)
        row.show_count(ui(self, "char_counter", count=len(text), max=q.max_length), over=over)
        if over:
            self.show_message(ui(self, "text_too_long", max=q.max_length), "warning")
            self._warned_length = True
        elif self._warned_length:
            self._warned_length = False
            self.clear_message()

    # -- parsing -------------------------------------------------------------

    def shown_answer(self) -> QuestionField.Answered | None:
        """The typed answer as the field shows it now, as the message that will carry
        it to the page (None for the choice types, whose changes are not typed)."""
        widget = next(iter(self.query(f"#{self.input_id}")), None)
        if isinstance(widget, TextArea):
            return self.Answered(self, widget.text, True, widget.text)
        if not isinstance(widget, Input):
            return None
        if INPUTS[self.question.type].parse is not None:
            return self._parse(widget.value, post=False)
        return self.Answered(self, widget.value, True, widget.value)

    def _parse(self, raw: str, *, post: bool = True) -> QuestionField.Answered:
        """Turn typed text into an answer, or explain why it cannot be one yet."""
        value: AnswerValue | None
        problem: str | None = None
        parse = INPUTS[self.question.type].parse
        if not raw.strip() or parse is None:
            value = None
        else:
            value, problem = parse(self, raw)
        self.problem = problem
        if problem:
            self.show_message(problem)
        else:
            self.clear_message()
        message = self.Answered(self, value, problem is None, raw)
        if post:
            self.post_message(message)
        return message

    # -- events from the input widgets -------------------------------------------

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == self.input_id:
            self._carry_later(event.value)

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._carry_later(event.text_area.text)

    def _carry_later(self, text: str) -> None:
        """Carry `text` to the page once the changes already queued here are read.

        A burst of keys (a fast typist, a paste of many lines, a busy laptop) brings a
        Changed for each key, and the page's work for each answer is larger than the
        field's: the page hears once, of the last text. (What quitting or a signal
        saves is read from the field itself, see `shown_answer`.)
        """
        pending = self._typed is not None
        self._typed = text
        if not pending:
            self.call_later(self._carry)

    def _carry(self) -> None:
        text, self._typed = self._typed, None
        if text is None or not self.is_attached:
            return
        if INPUTS[self.question.type].parse is not None:
            self._parse(text)
            return
        self._update_counter(text)
        self.post_message(self.Answered(self, text, True, text))

    @on(RadioSet.Changed)
    def _radio_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        q = self.question
        # yes_no has two buttons: "yes" first.
        value: AnswerValue = (
            q.options[event.index].id if isinstance(q, ChoiceQuestion) else event.index == 0
        )
        self.post_message(self.Answered(self, value, True, None))

    @on(SelectionList.SelectedChanged)
    def _selection_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        q = self.question
        assert isinstance(q, ChoiceQuestion)
        chosen = set(event.selection_list.selected)
        value = [o.id for o in q.options if o.id in chosen]  # in the pack's order
        self.post_message(self.Answered(self, value, True, None))

    @on(PlanEditor.Changed)
    def _plan_changed(self, event: PlanEditor.Changed) -> None:
        event.stop()
        self.post_message(self.Answered(self, event.rows, True, None))

    @on(Select.Changed, ".q-level")
    def _level_changed(self, event: Select.Changed) -> None:
        event.stop()
        assert isinstance(event.select, LevelSelect)
        level = event.select.level
        if level != self.level:  # also posted for the level it was built with
            self.level = level
            self.post_message(self.LevelChosen(self, level))

    @on(Button.Pressed, ".q-clear")
    def _clear_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.ClearRequested(self))


# -- the input of each question type: one row each ------------------------------------

Parsed = tuple[AnswerValue | None, str | None]


@dataclass(frozen=True)
class AnswerInput:
    """How a question type is answered on a step page."""

    compose: Callable[[QuestionField], ComposeResult]
    parse: Callable[[QuestionField, str], Parsed] | None = None
    """For typed text that must read as a value (a number, a date): the value, or why
    the text is none yet (it is then kept as a draft)."""
    clearable: bool = False
    """Radio buttons cannot be unpressed: a button takes the answer back."""


def _typed(field: QuestionField, shown: str) -> str:
    # What the user typed last wins over the last value that parsed.
    return field.draft if field.draft is not None else shown


def _text(field: QuestionField) -> ComposeResult:
    value = field.value
    yield TextInput(
        str(value) if isinstance(value, str) else "", id=field.input_id, classes="q-input"
    )


def _long_text(field: QuestionField) -> ComposeResult:
    value = field.value
    yield TextBox(
        str(value) if isinstance(value, str) else "", id=field.input_id, classes="q-input q-long"
    )


def _number(field: QuestionField) -> ComposeResult:
    q, value = field.question, field.value
    shown = ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        shown = show_number(value)
    text = _typed(field, shown)
    with Horizontal(classes="q-number-row"):
        # No filter on the keys: "ca. 37 timer" is shown as typed, told to be no number
        # yet, and kept as a draft, rather than losing its letters (and a pasted control
        # character is drawn as a symbol, as anywhere).
        yield TextInput(text, id=field.input_id, classes="q-input q-number")
        unit = tr(q.unit, field.lang) if isinstance(q, NumberQuestion) else ""
        if unit:
            yield Static(plain(unit), classes="q-unit")


def _range_message(field: QuestionField, q: NumberQuestion) -> str:
    low = show_number(q.min) if q.min is not None else None
    high = show_number(q.max) if q.max is not None else None
    if low is not None and high is not None:
        return ui(field, "number_between", min=low, max=high)
    if low is not None:
        return ui(field, "number_at_least", min=low)
    return ui(field, "number_at_most", max=high)


def _parse_number(field: QuestionField, raw: str) -> Parsed:
    q = field.question
    number = parse_number(raw)
    if number is None:
        return None, ui(field, "number_invalid")
    if isinstance(q, NumberQuestion) and (
        (q.min is not None and number < q.min) or (q.max is not None and number > q.max)
    ):
        return number, _range_message(field, q)
    return number, None


def _date(field: QuestionField) -> ComposeResult:
    value = field.value
    text = _typed(field, show_date(value) if isinstance(value, dt.date) else "")
    with Horizontal(classes="q-number-row"):
        yield TextInput(
            text,
            placeholder=ui(field, "date_placeholder"),
            id=field.input_id,
            classes="q-input q-date",
        )
        yield Static(plain(ui(field, "date_hint")), classes="q-unit")


def _parse_date(field: QuestionField, raw: str) -> Parsed:
    value = parse_date(raw)
    if value is None:
        return None, ui(field, "date_impossible" if impossible_date(raw) else "date_invalid")
    return value, None


def _options(field: QuestionField) -> list[tuple[str, str]]:
    q = field.question
    options = q.options if isinstance(q, ChoiceQuestion) else []
    return [(o.id, tr(o.label, field.lang)) for o in options]


def _multi_choice(field: QuestionField) -> ComposeResult:
    chosen = field.value if isinstance(field.value, list) else []
    yield TickList(
        *[Selection(plain(label), oid, oid in chosen) for oid, label in _options(field)],
        id=field.input_id,
        classes="q-input q-multi",
    )


def _choice(field: QuestionField) -> ComposeResult:
    with RadioSet(id=field.input_id, classes="q-input q-choice"):
        for oid, label in _options(field):
            yield Choice(plain(label), field.value == oid)


def _yes_no(field: QuestionField) -> ComposeResult:
    with RadioSet(id=field.input_id, classes="q-input q-choice q-yes-no"):
        yield Choice(plain(ui(field, "answer_yes")), field.value is True)
        yield Choice(plain(ui(field, "answer_no")), field.value is False)


def _plan(field: QuestionField) -> ComposeResult:
    q = field.question
    assert isinstance(q, PlanQuestion)
    yield PlanEditor(q, field.value, id=field.input_id)


INPUTS: dict[str, AnswerInput] = {
    "text": AnswerInput(_text),
    "long_text": AnswerInput(_long_text),
    "number": AnswerInput(_number, _parse_number),
    "choice": AnswerInput(_choice, clearable=True),
    "multi_choice": AnswerInput(_multi_choice),
    "yes_no": AnswerInput(_yes_no, clearable=True),
    "date": AnswerInput(_date, _parse_date),
    "plan": AnswerInput(_plan),
}
"""Every question type's input, in the order of `QUESTION_TYPES` (a test checks)."""
