"""The sick leave's timeline (`mixerpult.present.timeline`): real dates from the first
sick day, judged as of the conversation, shown only to a viewer who may see the day.

The dates are fixed (the conversation on 3 December 2026, the first sick day 3, 6
and 10 weeks before it) and "today" is passed in, so no test depends on the clock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from mixerpult.answers import Session
from mixerpult.packs import load_pack
from mixerpult.present.timeline import Timeline, build_timeline, mark_date, week_of
from mixerpult.present.viewers import Viewer
from mixerpult.questionnaire import LegalFact, Questionnaire, TimelineMark

ROOT = Path(__file__).resolve().parents[2]
MEETING = dt.date(2026, 12, 3)
TODAY = dt.date(2026, 11, 20)
# The first sick day, so that the conversation falls in week 3, 6 and 10 of the leave.
WEEK_3, WEEK_6, WEEK_10 = dt.date(2026, 11, 17), dt.date(2026, 10, 27), dt.date(2026, 9, 28)


@pytest.fixture(scope="module")
def pack() -> Questionnaire:
    return load_pack(ROOT / "questions" / "sygeopfoelgning.yaml")


def session(
    pack: Questionnaire, first_day: dt.date | None, meeting: dt.date | None = MEETING
) -> Session:
    s = Session.new(pack)
    if first_day is not None:
        s.set_answer("foerste_sygedag", first_day)
    if meeting is not None:
        s.set_answer("moededato", meeting)
    return s


def lines(timeline: Timeline | None) -> list[str]:
    assert timeline is not None
    return [e.words for e in timeline.entries]


def test_weeks_are_counted_from_the_first_sick_day_as_day_one() -> None:
    first = dt.date(2026, 11, 2)  # a Monday
    assert week_of(first, first) == 1
    assert week_of(first, dt.date(2026, 11, 8)) == 1
    assert week_of(first, dt.date(2026, 11, 9)) == 2
    assert mark_date(first, 1) == dt.date(2026, 11, 8)  # the end of the first week
    assert mark_date(first, 22) == first + dt.timedelta(days=153)


def test_week_3_before_the_conversation_everything_is_ahead(pack: Questionnaire) -> None:
    timeline = build_timeline(pack, session(pack, WEEK_3), Viewer.ALONE, "da", today=TODAY)
    assert lines(timeline) == [
        "Senest 14. december 2026 (uge 4): Sygefraværssamtale med arbejdsgiveren",
        "Til og med 21. december 2026 (uge 5): Arbejdsgiveren kan bede om fast track",
        "11. januar 2027 (uge 8): Fastholdelsesplan, hvis en tilbagevenden ikke ventes inden da",
        "Senest 11. januar 2027 (uge 8): Første opfølgningssamtale med jobcentret/kommunen",
        "19. april 2027 (uge 22): Tidligste revurdering af sygedagpengene (efter 22 ugers udbetaling)",
    ]
    assert timeline is not None and timeline.closed == frozenset()
    assert timeline.first_day_line == "Første sygedag: 17. november 2026."
    assert timeline.now_line == "Samtalen den 3. december 2026 er i uge 3 af sygemeldingen."


def test_week_6_the_fast_track_window_has_closed(pack: Questionnaire) -> None:
    timeline = build_timeline(pack, session(pack, WEEK_6), Viewer.ALONE, "en", today=TODAY)
    assert lines(timeline) == [
        "By 23 November 2026 (week 4): Sickness absence conversation with the employer"
        " (this date has passed)",
        "21 December 2026 (week 8): Retention plan, if a return to work is not expected by then",
        "By 21 December 2026 (week 8): First follow-up conversation with the jobcenter/municipality",
        "29 March 2027 (week 22): Earliest reassessment of sickness benefit (after 22 weeks of payment)",
    ]
    assert timeline is not None and timeline.closed == {"fast_track"}
    assert (
        timeline.now_line == "The conversation on 3 December 2026 is in week 6 of the sick leave."
    )


def test_week_10_every_mark_before_the_conversation_has_passed(pack: Questionnaire) -> None:
    timeline = build_timeline(pack, session(pack, WEEK_10), Viewer.ALONE, "da", today=TODAY)
    assert lines(timeline) == [
        "Senest 25. oktober 2026 (uge 4): Sygefraværssamtale med arbejdsgiveren (datoen er passeret)",
        "22. november 2026 (uge 8): Fastholdelsesplan, hvis en tilbagevenden ikke ventes inden da"
        " (datoen er passeret)",
        "Senest 22. november 2026 (uge 8): Første opfølgningssamtale med jobcentret/kommunen"
        " (datoen er passeret)",
        "28. februar 2027 (uge 22): Tidligste revurdering af sygedagpengene (efter 22 ugers udbetaling)",
    ]
    assert timeline is not None and timeline.closed == {"fast_track"}


def test_the_last_day_of_a_window_is_still_open(pack: Questionnaire) -> None:
    # Week 5 ends on day 35: the fast-track window is open on it, closed the day after.
    first = MEETING - dt.timedelta(days=34)
    open_on_last_day = build_timeline(pack, session(pack, first), Viewer.ALONE, "da", today=TODAY)
    assert open_on_last_day is not None and open_on_last_day.closed == frozenset()
    first -= dt.timedelta(days=1)
    closed = build_timeline(pack, session(pack, first), Viewer.ALONE, "da", today=TODAY)
    assert closed is not None and closed.closed == {"fast_track"}


def test_without_a_conversation_date_it_is_judged_as_of_today(pack: Questionnaire) -> None:
    s = session(pack, WEEK_6, meeting=None)  # 20 November is in week 4
    timeline = build_timeline(pack, s, Viewer.ALONE, "da", today=TODAY)
    assert timeline is not None and timeline.as_of == TODAY and timeline.closed == frozenset()
    assert timeline.now_line == "I dag, 20. november 2026, er det uge 4 af sygemeldingen."
    later = build_timeline(pack, s, Viewer.ALONE, "da", today=dt.date(2026, 12, 1))
    assert later is not None and later.closed == {"fast_track"}


def test_nothing_is_dated_without_a_first_sick_day(pack: Questionnaire) -> None:
    for viewer in Viewer:
        assert build_timeline(pack, session(pack, None), viewer, "da", today=TODAY) is None


def test_a_private_first_sick_day_dates_nothing_for_others(pack: Questionnaire) -> None:
    s = session(pack, WEEK_6)
    s.set_private("foerste_sygedag", True)
    assert build_timeline(pack, s, Viewer.ALONE, "da", today=TODAY) is not None
    for viewer in (
        Viewer.CASEWORKER,
        Viewer.EMPLOYER,
        Viewer.MUNICIPALITY_SHEET,
        Viewer.EMPLOYER_SHEET,
    ):
        assert build_timeline(pack, s, viewer, "da", today=TODAY) is None


def test_a_private_conversation_date_is_not_what_others_judge_on(pack: Questionnaire) -> None:
    s = session(pack, WEEK_6)
    s.set_private("moededato", True)
    shared = build_timeline(pack, s, Viewer.MUNICIPALITY_SHEET, "da", today=TODAY)
    assert shared is not None and shared.as_of == TODAY and shared.closed == frozenset()
    alone = build_timeline(pack, s, Viewer.ALONE, "da", today=TODAY)
    assert alone is not None and alone.as_of == MEETING


def test_the_revurdering_at_22_weeks(pack: Questionnaire) -> None:
    revurdering = LegalFact(
        id="revurdering_22_uger",
        timeline=TimelineMark(
            week=22, kind="at", label={"da": "Revurdering", "en": "Reassessment"}
        ),
        text={"da": "Revurdering efter 22 uger.", "en": "Reassessment after 22 weeks."},
        source="sygedagpengeloven § 24",
        checked=dt.date(2026, 12, 1),
    )
    with_it = dataclasses.replace(pack, facts=[*pack.facts, revurdering])
    timeline = build_timeline(with_it, session(with_it, WEEK_10), Viewer.ALONE, "en", today=TODAY)
    assert lines(timeline)[-1] == "28 February 2027 (week 22): Reassessment"


def test_a_first_sick_day_after_the_conversation_names_no_week(pack: Questionnaire) -> None:
    later = MEETING + dt.timedelta(days=3)
    timeline = build_timeline(pack, session(pack, later), Viewer.ALONE, "da", today=TODAY)
    assert timeline is not None and timeline.now_line == ""
    assert timeline.intro == "Første sygedag: 6. december 2026."
    assert not any(e.passed for e in timeline.entries) and timeline.closed == frozenset()
