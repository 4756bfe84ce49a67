"""The return plan on its step page: a table of rows (from, hours a week, days, what is
eased), edited by keyboard alone.

Tab and Shift+Tab go from cell to cell, Enter moves on as Tab does, each row's
"Fjern" takes it out and "Fortryd" under the rows puts the last one removed back
where it was, "Tilføj række" adds one at the end. The editor only reports the
rows; the page decides what to store.

A cell keeps what was typed: "ca. 20" in the hours is stored as written and said
to be no number yet, rather than lost. A row that cannot be read at all (a hand
edit) is shown as written, kept in its place, and can only be removed.

Opened empty for the first time (no answer at all, not a plan emptied by hand), the
plan starts from a sketch of what the viewer may see of the other answers
(`present.plan.first_sketch`), said so in a line above it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static

from mixerpult.kinds.base import is_number
from mixerpult.kinds.plan import ROW_KEYS, row_fits
from mixerpult.present import plan as plan_view
from mixerpult.questionnaire import PlanQuestion
from mixerpult.tui.format import parse_date, parse_number, show_date, show_number, shown
from mixerpult.tui.text import plain, ui
from mixerpult.tui.widgets.text_fields import TextInput

if TYPE_CHECKING:
    from mixerpult.tui.wizard import Wizard

_WEEK = re.compile(r"^\s*(?:uge|week|u)?\.?\s*(\d{1,3})\s*$", re.IGNORECASE)


def parse_cell(key: str, text: str) -> Any:
    """What a cell stores for `text`: None when empty; a week or a date for "from", a
    number for the hours; else the text as typed (kept, and said to be none yet)."""
    if not text.strip():
        return None
    if key == "from":
        week = _WEEK.match(text)
        if week and int(week.group(1)) >= 1:
            return int(week.group(1))
        return parse_date(text) or text
    if key == "hours":
        number = parse_number(text)
        return number if number is not None and number >= 0 else text
    return text


def cell_text(key: str, value: Any) -> str:
    """A stored cell as its field edits it."""
    if value is None:
        return ""
    if key == "from" and isinstance(value, dt.date):
        return show_date(value)
    if key == "hours" and is_number(value):
        return show_number(value)
    return str(value)


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


class PlanRow(Horizontal):
    """One row: a field for each cell and a button to remove it."""

    def __init__(self, row: Any) -> None:
        super().__init__(classes="plan-row")
        self.row = row
        self.readable = isinstance(row, Mapping)

    def compose(self) -> ComposeResult:
        if not self.readable:
            # Shown as written; kept as it is until removed.
            yield Static(
                plain(ui(self, "plan_unreadable_row", text=shown(str(self.row)))),
                classes="plan-unreadable",
            )
        else:
            row = cast(Mapping[str, Any], self.row)
            for key in ROW_KEYS:
                yield TextInput(
                    cell_text(key, row.get(key)),
                    placeholder=ui(self, f"plan_placeholder_{key}"),
                    classes=f"plan-cell plan-{key}",
                    compact=True,
                )
        yield Button(plain(ui(self, "plan_remove")), classes="plan-remove", compact=True)

    def cell(self, key: str) -> Input:
        return self.query_one(f".plan-{key}", Input)

    def focus_first(self) -> None:
        if self.readable:
            self.cell("from").focus()
        else:
            self.query_one(".plan-remove", Button).focus()


class PlanEditor(Vertical):
    """The rows of a plan, their headings, the add button and what is worth a look."""

    class Changed(Message):
        """The rows changed (a copy: the editor keeps its own)."""

        def __init__(self, editor: PlanEditor, rows: list[Any]) -> None:
            super().__init__()
            self.editor = editor
            self.rows = rows

    def __init__(self, question: PlanQuestion, value: Any, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="plan-editor")
        self.question = question
        self.rows: list[Any] = list(value) if isinstance(value, list) else []
        self._unset = value is None
        self.seeded = False
        self._removed: tuple[int, Any] | None = None
        """The row removed last and where it stood, for "Fortryd"."""

    @property
    def wizard(self) -> Wizard:
        return cast("Wizard", self.app)

    def compose(self) -> ComposeResult:
        if self._unset:
            app = self.wizard
            self.rows = plan_view.first_sketch(app.pack, app.s, self.question, app.viewer)
            self.seeded = bool(self.rows)
        if self.seeded:
            yield Static(plain(ui(self, "plan_seeded")), classes="plan-seeded")
        with Horizontal(classes="plan-head"):
            for key in ROW_KEYS:
                yield Static(plain(ui(self, f"plan_head_{key}")), classes=f"plan-{key}")
            yield Static("", classes="plan-remove-space")
        with Vertical(classes="plan-rows"):
            for row in self.rows:
                yield PlanRow(row)
        with Horizontal(classes="plan-buttons"):
            undo = Button("", classes="plan-undo", compact=True)
            undo.display = False
            yield undo
            yield Button(plain(ui(self, "plan_add")), classes="plan-add", compact=True)
        yield Static("", classes="plan-notes")

    def on_mount(self) -> None:
        self._update_notes()
        if self.seeded:
            # The sketch is an answer from now on: stored, and on the sheet until changed.
            self.post_message(self.Changed(self, self._copy()))

    def focus(self, scroll_visible: bool = True) -> Self:
        """The first cell, or the add button of a plan with no rows."""
        rows = self.row_widgets
        if rows:
            rows[0].focus_first()
        else:
            self.query_one(".plan-add", Button).focus(scroll_visible)
        return self

    @property
    def row_widgets(self) -> list[PlanRow]:
        return list(self.query(PlanRow))

    def _copy(self) -> list[Any]:
        return [dict(r) if isinstance(r, Mapping) else r for r in self.rows]

    def _changed(self) -> None:
        self._update_notes()
        self.post_message(self.Changed(self, self._copy()))

    # -- cells ----------------------------------------------------------------------

    @on(Input.Changed, ".plan-cell")
    def _cell_changed(self, event: Input.Changed) -> None:
        event.stop()
        row_widget = next(a for a in event.input.ancestors if isinstance(a, PlanRow))
        index = self.row_widgets.index(row_widget)
        key = next(k for k in ROW_KEYS if event.input.has_class(f"plan-{k}"))
        old = self.rows[index]
        assert isinstance(old, Mapping)
        value = parse_cell(key, event.value)
        # A copy with the one cell changed: keys a newer mixerpult wrote stay.
        new = {k: v for k, v in old.items() if k != key}
        if value is not None:
            new[key] = value
        if new == dict(old):
            return
        self.rows[index] = new
        event.input.set_class(not row_fits({key: value}), "-not-read")
        self._changed()

    @on(Input.Submitted, ".plan-cell")
    def _submitted(self, event: Input.Submitted) -> None:
        # Enter moves on to the next cell, as Tab does: a row is filled in one go.
        event.stop()
        self.screen.focus_next()

    # -- rows -----------------------------------------------------------------------

    @on(Button.Pressed, ".plan-add")
    async def add_row(self, event: Button.Pressed | None = None) -> None:
        """An empty row at the end, with the cursor in its first cell."""
        if event is not None:
            event.stop()
        self.rows.append({})
        row = PlanRow({})
        await self.query_one(".plan-rows", Vertical).mount(row)
        row.focus_first()
        row.scroll_visible(animate=False)
        self._changed()

    @on(Button.Pressed, ".plan-remove")
    async def _remove_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        row = next(a for a in event.button.ancestors if isinstance(a, PlanRow))
        await self.remove_row(row)

    async def remove_row(self, row: PlanRow) -> None:
        """Take `row` out of the plan, and offer to put it back; the focus moves to the
        next row (or the add button)."""
        rows = self.row_widgets
        if row not in rows:
            return
        index = rows.index(row)
        self._removed = (index, self.rows.pop(index))
        await row.remove()
        rows = self.row_widgets
        undo = self.query_one(".plan-undo", Button)
        undo.label = plain(ui(self, "plan_undo", row=index + 1))
        undo.display = True
        if rows:
            rows[min(index, len(rows) - 1)].focus_first()
        else:
            undo.focus()
        self._changed()

    @on(Button.Pressed, ".plan-undo")
    async def undo_remove(self, event: Button.Pressed | None = None) -> None:
        """Put the row removed last back where it was."""
        if event is not None:
            event.stop()
        if self._removed is None:
            return
        index, value = self._removed
        self._removed = None
        index = min(index, len(self.rows))
        self.rows.insert(index, value)
        row = PlanRow(value)
        container = self.query_one(".plan-rows", Vertical)
        rows = self.row_widgets
        if index < len(rows):
            await container.mount(row, before=rows[index])
        else:
            await container.mount(row)
        self.query_one(".plan-undo", Button).display = False
        row.focus_first()
        self._changed()

    # -- what is worth a second look --------------------------------------------------

    def _update_notes(self) -> None:
        app = self.wizard
        lines = [
            ui(self, "plan_not_read", row=n, text=shown(str(r.get(k))))
            for n, r in enumerate(self.rows, 1)
            if isinstance(r, Mapping)
            for k in ROW_KEYS
            if _filled(r.get(k)) and not row_fits({k: r.get(k)})
        ]
        lines += plan_view.warnings(app.pack, app.s, self.rows, app.viewer, app.ui_lang)
        notes = self.query_one(".plan-notes", Static)
        notes.update(plain("\n".join(lines)))
        notes.display = bool(lines)
