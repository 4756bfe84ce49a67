"""An answer kept off a step page while others may be looking.

When someone else looks at the screen (the walkthrough, a browser), a step page
shows the question of an answer that person may not see (its level: "kun mig", or
"kun kommunen" with the employer) but not the answer itself, with a button that
shows every answer again. Nothing about the answer is in the widget at all,
so no key or click can reveal it by accident.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from mixerpult.answers import Level
from mixerpult.questionnaire import Question, tr
from mixerpult.tui.summary import level_mark
from mixerpult.tui.text import plain, ui


class HiddenAnswer(Vertical):
    """The question of a hidden answer, its level, and the way to show it."""

    def __init__(self, question: Question, level: Level, lang: str) -> None:
        super().__init__(id=f"hidden-{question.id}", classes="question hidden-answer")
        self.question = question
        self.level = level
        self.lang = lang

    def compose(self) -> ComposeResult:
        label = tr(self.question.label, self.lang)
        yield Static(
            Content.assemble((label, "bold"), *level_mark(self.level, self.lang)),
            classes="q-label",
        )
        yield Static(plain(ui(self, "private_hidden_here")), classes="q-help")
        yield Button(
            plain(ui(self, "button_show_private")),
            id=f"show-{self.question.id}",
            classes="show-private",
            compact=True,
        )

    @property
    def focus_widget(self) -> Widget:
        """The button (the answer itself is not here)."""
        return self.query_one(Button)

    def focus_input(self, *, scroll: bool = True) -> None:
        """Focus the button (the answer itself is not here)."""
        self.focus_widget.focus()
        if scroll:
            self.scroll_visible(animate=False)
