"""The row under an answer: "Deles med:", the answer's level, and how much of a text's
allowed length is used.

The row draws the words before the level and the count itself, where a `Static`
each drew them before: two widgets fewer per question, of the eight a question had
(every widget is mounted, styled and laid out as a page goes up, issue 16). The
cells are the same: the words in the row's colours, the count right-aligned in its
own, blank cells with the background only, as Textual draws a label.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.containers import Horizontal
from textual.strip import Strip
from textual.widget import Widget


class AnswerRow(Horizontal):
    """`label`, then the children (the level first, placed after the label), then the
    count (`show_count`) at the right end."""

    DEFAULT_CSS = """
    AnswerRow {
        height: 1;
        & > .answer-row--count {
            color: $text-muted;
        }
        &.-over > .answer-row--count {
            color: $warning;
            text-style: bold;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"answer-row--count"}

    def __init__(self, label: str, *children: Widget, classes: str | None = None) -> None:
        super().__init__(*children, classes=classes)
        self.label = label
        self.count = ""
        if children:
            # Where the label's own widget ended, and one blank (its margin) after it.
            children[0].styles.margin = (0, 0, 0, cell_len(label) + 1)

    def show_count(self, count: str, *, over: bool) -> None:
        """Show `count` ("12/60 tegn") at the right end; `over` the limit, as a warning."""
        self.count = count
        self.set_class(over, "-over")
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        if y or width <= 0:
            return super().render_line(y)
        style = self.visual_style.rich_style
        blank = RichStyle(bgcolor=style.bgcolor)
        count_style = self.get_visual_style("answer-row--count").rich_style
        gap = max(width - cell_len(self.label) - cell_len(self.count), 1)
        segments = [Segment(self.label, style), Segment(" " * gap, blank)]
        if self.count:
            segments.append(Segment(self.count, count_style))
        return Strip(segments).crop(0, width)
