"""`plan`: a return plan, week by week, stored as a list of rows.

Each row is a mapping with up to four keys, every one optional:

- `from`: when the row starts, a week of the plan (1 is its first week) or a date;
- `hours`: hours of work a week;
- `days`: which days, in the employee's words;
- `eased`: what is eased (tasks, responsibility …), in the employee's words.

A row may hold keys a newer mixerpult wrote: they are kept. A row that cannot be
read (not a mapping, or a cell of the wrong kind) is kept as it is, shown as
written, and named when the file is opened (`unreadable_rows`); it is never dropped.

The checks (`plan_warnings`) are warnings only, said kindly: a plan is the
employee's proposal, and the conversation is where it is settled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from mixerpult.i18n import format_date, format_number, t
from mixerpult.kinds.base import Kind, is_date, is_number
from mixerpult.questionnaire import Question

ROW_KEYS = ("from", "hours", "days", "eased")
"""The keys of a row this version reads, in the table's order."""
MIN_ABSENCE = 4
"""Hours of absence a week a partial sick leave needs at least (delvis raskmelding)."""


def _cell_fits(key: str, value: Any) -> bool:
    if value is None:
        return True
    if key == "from":
        return is_date(value) or (
            isinstance(value, int) and not isinstance(value, bool) and value >= 1
        )
    if key == "hours":
        return is_number(value) and value >= 0
    return isinstance(value, str)


def row_fits(row: Any) -> bool:
    """Whether `row` reads as a row of a plan (unknown keys do not matter)."""
    return isinstance(row, Mapping) and all(_cell_fits(k, row.get(k)) for k in ROW_KEYS)


def unreadable_rows(rows: Sequence[Any]) -> list[int]:
    """The rows (counted from 1) that cannot be read as rows of a plan."""
    return [n for n, row in enumerate(rows, 1) if not row_fits(row)]


def hours_of(row: Any) -> float | None:
    """The row's hours a week, None when not given (or not a number)."""
    if not isinstance(row, Mapping):
        return None
    hours = row.get("hours")
    return hours if is_number(hours) else None


def from_words(value: Any, lang: str) -> str:
    """When a row starts, in words: 'Fra uge 3', 'Fra 7. december 2026' ('' if not said)."""
    if value is None or value == "":
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return t("plan_from_week", lang, week=value)
    if isinstance(value, dt.date):
        return t("plan_from_date", lang, date=format_date(value, lang))
    return str(value)


def hours_words(value: Any, lang: str) -> str:
    """A row's hours as a table cell: '20' ('' if not said); anything else as written."""
    if value is None or value == "":
        return ""
    return format_number(value, lang) if is_number(value) else str(value)


def cell_words(row: Any, key: str, lang: str) -> str:
    """One cell of a row in words, as the table shows it."""
    if not isinstance(row, Mapping):
        return ""
    value = row.get(key)
    if key == "from":
        # Under the heading "Fra": 'Uge 3', '7. december 2026'.
        if isinstance(value, int) and not isinstance(value, bool):
            return t("plan_week", lang, week=value)
        if isinstance(value, dt.date):
            return format_date(value, lang)
        return from_words(value, lang)
    if key == "hours":
        return hours_words(value, lang)
    return "" if value is None else str(value).strip()


def row_words(row: Any, lang: str) -> str:
    """A row in one line: 'Fra uge 1: 20 timer om ugen; man–ons; færre opgaver'."""
    if not isinstance(row, Mapping):
        return str(row)  # kept and shown as written, never dropped
    parts: list[str] = []
    hours = row.get("hours")
    if hours is not None and hours != "":
        if is_number(hours):
            parts.append(t("plan_hours_a_week", lang, hours=format_number(hours, lang)))
        else:
            parts.append(str(hours))
    parts += [cell_words(row, key, lang) for key in ("days", "eased")]
    body = "; ".join(p for p in parts if p)
    when = from_words(row.get("from"), lang)
    if when and body:
        return f"{when}: {body}"
    return when or body


def row_label(row: Any, number: int, lang: str) -> str:
    """How a warning names a row: 'Række 2 (fra uge 3)'."""
    when = from_words(row.get("from"), lang) if isinstance(row, Mapping) else ""
    if when:
        return t("plan_row_when", lang, row=number, when=when[:1].lower() + when[1:])
    return t("plan_row", lang, row=number)


def plan_warnings(rows: Sequence[Any], usual: float | None, lang: str) -> list[str]:
    """What is worth a second look in a plan, kindly, in `lang`; never a reason to stop.

    With the usual weekly hours: a row above them, and a row below them but with less
    than `MIN_ABSENCE` hours of absence (while partly sick, at least 4 hours a week are
    absence). Without them, only a step down, said once for the whole plan.
    """
    warnings: list[str] = []
    previous: float | None = None
    step_down: str | None = None
    for number, row in enumerate(rows, 1):
        hours = hours_of(row)
        if hours is None:
            continue
        label = row_label(row, number, lang)
        if usual is not None and usual > 0:
            shown, normal = format_number(hours, lang), format_number(usual, lang)
            if hours > usual:
                warnings.append(t("plan_warn_above", lang, row=label, hours=shown, usual=normal))
            elif usual - MIN_ABSENCE < hours < usual:
                warnings.append(
                    t(
                        "plan_warn_absence",
                        lang,
                        row=label,
                        hours=shown,
                        usual=normal,
                        most=format_number(usual - MIN_ABSENCE, lang),
                    )
                )
        if previous is not None and hours < previous and step_down is None:
            step_down = t("plan_warn_step_down", lang, row=label[:1].lower() + label[1:])
        previous = hours
    if step_down is not None:
        warnings.append(step_down)
    return warnings


def seed_rows(
    usual: float | None,
    proposed: float | None,
    position: int | None = None,
    scale: int | None = None,
) -> list[dict[str, Any]]:
    """A first sketch of a plan from what the employee has said already ([] if nothing).

    The first row starts with the proposed hours; without them, with the usual hours in
    the proportion the hours channel stands at (position 1 of 5: a fifth), kept at least
    `MIN_ABSENCE` hours under the usual ones. A second row then returns to the usual hours,
    from a week left for the employee to fill in.
    """
    start: float | None = proposed
    if start is None and usual and position is not None and scale and position < scale:
        start = max(0, min(round(usual * position / scale), usual - MIN_ABSENCE))
    rows: list[dict[str, Any]] = []
    if start is not None:
        rows.append({"from": 1, "hours": start})
    if usual and (start is None or start < usual):
        rows.append({"hours": usual})
    return rows


class PlanKind(Kind):
    name = "plan"

    def fits(self, question: Question, value: Any) -> bool:
        return isinstance(value, list) and not unreadable_rows(value)

    def words(self, question: Question, value: Any, lang: str) -> str:
        if not isinstance(value, list):
            return super().words(question, value, lang)
        return "\n".join(w for w in (row_words(row, lang) for row in value) if w)

    def columns(self, question: Question, lang: str) -> tuple[str, ...]:
        return tuple(t(f"plan_col_{key}", lang) for key in ROW_KEYS)

    def table(self, question: Question, value: Any, lang: str) -> list[tuple[str, ...]]:
        if not isinstance(value, list):
            return []
        rows: list[tuple[str, ...]] = []
        for row in value:
            if not isinstance(row, Mapping):
                # Kept and shown as written, in the first cell, never dropped.
                rows.append((str(row), *("" for _ in ROW_KEYS[1:])))
                continue
            cells = tuple(cell_words(row, key, lang) for key in ROW_KEYS)
            if any(cells):
                rows.append(cells)
        return rows

    def comparison_problem(self, raw: Mapping[str, Any], op: str, values: list[Any]) -> str | None:
        return f"'{raw.get('id')}' is a plan: a condition can ask only whether it is answered"


PLAN = PlanKind()
