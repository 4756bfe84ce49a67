"""The sick leave's timeline: the facts' deadlines with real dates, from the first sick day.

A fact may carry a `timeline` mark in the pack (a week counted from the first sick
day, and whether it is a deadline, a window that closes, or a point in time). Given
the answer to the question with role `first_sick_day`, and only if the viewer may
see that answer, each mark gets its date. Everything is judged as of the date of
the conversation, when the viewer sees it (the sheet and the review are read
there), else as of `today`, which the caller passes: this module never reads the
clock.

Without a first sick day the timeline is None: nothing is dated, and every fact is
printed as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mixerpult.answers import Session
from mixerpult.i18n import format_date, t
from mixerpult.present.disclosure import Disclosure, disclose
from mixerpult.present.viewers import Viewer
from mixerpult.questionnaire import LegalFact, Question, Questionnaire, tr


@dataclass(frozen=True)
class TimelineEntry:
    """One dated mark: a fact's deadline, window or point in time."""

    fact: LegalFact
    week: int
    date: dt.date
    when: str
    """The date in words with its kind and week: 'Senest 9. december 2026 (uge 4)'."""
    label: str
    """The pack's short name for it."""
    passed: bool
    """The date lies before the day the timeline is judged on."""
    note: str = ""
    """'datoen er passeret' when passed, else ''."""

    @property
    def id(self) -> str:
        return self.fact.id

    @property
    def kind(self) -> str:
        assert self.fact.timeline is not None
        return self.fact.timeline.kind

    @property
    def words(self) -> str:
        """The whole entry in one line."""
        line = f"{self.when}: {self.label}"
        return f"{line} ({self.note})" if self.note else line


@dataclass(frozen=True)
class Timeline:
    """The dated marks of one session, for one viewer, in one language."""

    title: str
    question: str
    """The id of the question the first sick day is answered in."""
    first_day: dt.date
    first_day_line: str
    """'Første sygedag: 12. november 2026.'"""
    as_of: dt.date
    """The day it is judged on: the conversation's date if the viewer sees it, else today."""
    now_line: str
    """Which week of the sick leave that day is in ('' if it is before the first sick day)."""
    entries: tuple[TimelineEntry, ...]
    """In date order (the pack's order for the same day)."""
    closed: frozenset[str]
    """The facts whose window has closed: no longer advice, so on no view at all."""

    @property
    def intro(self) -> str:
        """The first sick day and the week it is now, as one paragraph."""
        return f"{self.first_day_line} {self.now_line}" if self.now_line else self.first_day_line


def _date_answer(session: Session, seen: Disclosure, question: Question | None) -> dt.date | None:
    if question is None or not seen.shows(question.id):
        return None
    value = session.answer(question.id)
    # A datetime is a date too, but its day is what counts here.
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def week_of(first_day: dt.date, day: dt.date) -> int:
    """The week of the sick leave `day` falls in: 1 from the first sick day on (0 or less
    before it)."""
    return (day - first_day).days // 7 + 1


def mark_date(first_day: dt.date, week: int) -> dt.date:
    """The last day of week `week` of the sick leave, the first sick day being day 1."""
    return first_day + dt.timedelta(days=7 * week - 1)


def build_timeline(
    pack: Questionnaire,
    session: Session,
    viewer: Viewer,
    lang: str,
    *,
    today: dt.date,
    seen: Disclosure | None = None,
) -> Timeline | None:
    """The timeline `viewer` sees, or None without a first sick day they may see.

    `seen`: the viewer's disclosure, when the caller has it already.
    """
    if not any(f.timeline is not None for f in pack.facts):
        return None
    seen = seen if seen is not None else disclose(pack, session, viewer)
    question = pack.by_role("first_sick_day")
    first_day = _date_answer(session, seen, question)
    if question is None or first_day is None:
        return None
    meeting = _date_answer(session, seen, pack.by_role("meeting_date"))
    as_of = meeting or today
    entries: list[TimelineEntry] = []
    closed: set[str] = set()
    for fact in pack.facts:
        mark = fact.timeline
        if mark is None:
            continue
        date = mark_date(first_day, mark.week)
        passed = date < as_of
        if passed and mark.kind == "until":
            # A window that has closed is left out, not shown as "passed": what it offers
            # can no longer be asked for, and a line about it on a sheet read at the
            # conversation would read as advice all the same. A passed deadline stays
            # (marked so): whether it was met is worth raising at the conversation.
            closed.add(fact.id)
            continue
        words = format_date(date, lang)
        entries.append(
            TimelineEntry(
                fact,
                mark.week,
                date,
                t(f"timeline_{mark.kind}", lang, date=words, week=mark.week),
                tr(mark.label, lang),
                passed,
                t("timeline_passed", lang) if passed else "",
            )
        )
    entries.sort(key=lambda e: e.date)  # stable: the pack's order within a day
    week = week_of(first_day, as_of)
    now_key = "timeline_now_meeting" if meeting is not None else "timeline_now_today"
    now_line = t(now_key, lang, date=format_date(as_of, lang), week=week) if week >= 1 else ""
    return Timeline(
        t("timeline_title", lang),
        question.id,
        first_day,
        t("timeline_first_day", lang, date=format_date(first_day, lang)),
        as_of,
        now_line,
        tuple(entries),
        frozenset(closed),
    )
