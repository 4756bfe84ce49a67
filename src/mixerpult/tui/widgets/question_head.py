"""A question's label and help text in one widget.

A page's time to build grows with its widget count (benchmarks/README.md, page
change), so the help is a styled part of the label's widget rather than a Static
of its own. Its colour comes from the stylesheet's `question-head--help`
component class, looked up at render time so that a theme change follows.
"""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.widgets import Static


class QuestionHead(Static):
    """The label (already styled) and, when the question has one, the help below it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"question-head--help"}

    def __init__(self, label: Content, help_text: str | None, *, classes: str) -> None:
        super().__init__(label, classes=classes)
        self._label = label
        self._help = help_text

    def render(self) -> Content:
        if not self._help:
            return self._label
        help_style = self.get_visual_style("question-head--help", partial=True)
        return Content.assemble(self._label, "\n", Content(self._help).stylize(help_style))
