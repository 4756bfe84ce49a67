"""The timeline on the review: dated from the first sick day as the presentation layer
dates it, hidden with the answer it comes from, absent without one.

The example's conversation is on 3 December 2026; the review's "today" is set, so
nothing here depends on the clock.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from mixerpult import store
from mixerpult.tui.screens import review
from mixerpult.tui.screens.step import StepScreen
from mixerpult.tui.widgets.question import QuestionField

from .conftest import AppFactory
from .helpers import text_of, wait_until

TODAY = dt.date(2026, 11, 20)
WEEK_3, WEEK_6, WEEK_10 = dt.date(2026, 11, 17), dt.date(2026, 10, 27), dt.date(2026, 9, 28)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review, "today", lambda: TODAY)


def with_first_day(path: Path, first_day: dt.date | None, *, private: bool = False) -> None:
    session = store.load(path)
    session.set_answer("foerste_sygedag", first_day)
    session.set_private("foerste_sygedag", private)
    store.save(path, session)


def timeline_text(app: Any) -> list[str]:
    """The timeline section of the review, line by line (empty when there is none)."""
    screen = app.screen
    lines = [text_of(w) for w in screen.query("#r-timeline, .review-timeline")]
    return [" ".join(line.split()) for line in lines]


async def open_review(app: Any, pilot: Pilot[Any]) -> None:
    await pilot.pause()
    app.go("review")
    await pilot.pause()


CASES = {
    (WEEK_3, "da"): [
        "Første sygedag: 17. november 2026. Samtalen den 3. december 2026 er i uge 3 af"
        " sygemeldingen.",
        "• Senest 14. december 2026 (uge 4): Sygefraværssamtale med arbejdsgiveren",
        "• Til og med 21. december 2026 (uge 5): Arbejdsgiveren kan bede om fast track",
        "• 11. januar 2027 (uge 8): Fastholdelsesplan, hvis en tilbagevenden ikke ventes inden da",
        "• Senest 11. januar 2027 (uge 8): Første opfølgningssamtale med jobcentret/kommunen",
        "• 19. april 2027 (uge 22): Tidligste revurdering af sygedagpengene (efter 22 ugers udbetaling)",
    ],
    (WEEK_6, "en"): [
        "First day of sick leave: 27 October 2026. The conversation on 3 December 2026 is in"
        " week 6 of the sick leave.",
        "• By 23 November 2026 (week 4): Sickness absence conversation with the employer"
        " (this date has passed)",
        "• 21 December 2026 (week 8): Retention plan, if a return to work is not expected by then",
        "• By 21 December 2026 (week 8): First follow-up conversation with the"
        " jobcenter/municipality",
        "• 29 March 2027 (week 22): Earliest reassessment of sickness benefit (after 22 weeks of payment)",
    ],
    (WEEK_10, "da"): [
        "Første sygedag: 28. september 2026. Samtalen den 3. december 2026 er i uge 10 af"
        " sygemeldingen.",
        "• Senest 25. oktober 2026 (uge 4): Sygefraværssamtale med arbejdsgiveren"
        " (datoen er passeret)",
        "• 22. november 2026 (uge 8): Fastholdelsesplan, hvis en tilbagevenden ikke ventes inden"
        " da (datoen er passeret)",
        "• Senest 22. november 2026 (uge 8): Første opfølgningssamtale med jobcentret/kommunen"
        " (datoen er passeret)",
        "• 28. februar 2027 (uge 22): Tidligste revurdering af sygedagpengene (efter 22 ugers udbetaling)",
    ],
    (WEEK_10, "en"): [
        "First day of sick leave: 28 September 2026. The conversation on 3 December 2026 is in"
        " week 10 of the sick leave.",
        "• By 25 October 2026 (week 4): Sickness absence conversation with the employer"
        " (this date has passed)",
        "• 22 November 2026 (week 8): Retention plan, if a return to work is not expected by then"
        " (this date has passed)",
        "• By 22 November 2026 (week 8): First follow-up conversation with the"
        " jobcenter/municipality (this date has passed)",
        "• 28 February 2027 (week 22): Earliest reassessment of sickness benefit (after 22 weeks of payment)",
    ],
}


@pytest.mark.parametrize(("first_day", "lang"), list(CASES))
async def test_the_review_shows_the_timeline_before_the_agreements(
    make_app: AppFactory, example_answers: Path, first_day: dt.date, lang: str
) -> None:
    with_first_day(example_answers, first_day)
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(app, pilot)
        assert timeline_text(app) == CASES[(first_day, lang)]
        sections = [text_of(s) for s in app.screen.query(".review-section")]
        assert sections[-2:] == [
            "Tidslinje" if lang == "da" else "Timeline",
            "Aftaler fra samtalen" if lang == "da" else "Agreements from the conversation",
        ]


async def test_no_timeline_without_a_first_sick_day(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app(lang="da")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(app, pilot)
        assert timeline_text(app) == []
        assert "Tidslinje" not in [text_of(s) for s in app.screen.query(".review-section")]


async def test_a_private_first_sick_day_is_dated_for_the_employee_alone(
    make_app: AppFactory, example_answers: Path
) -> None:
    with_first_day(example_answers, WEEK_6, private=True)
    app = make_app(lang="da")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(app, pilot)
        assert timeline_text(app)[0].startswith("Første sygedag: 27. oktober 2026.")
        await pilot.press("p")  # someone else is watching now
        await wait_until(pilot, lambda: timeline_text(app) == [], "the timeline hidden")


async def test_the_first_sick_day_line_opens_its_question(
    make_app: AppFactory, example_answers: Path
) -> None:
    with_first_day(example_answers, WEEK_3)
    app = make_app(lang="da")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(app, pilot)
        app.screen.query_one("#r-timeline").focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, StepScreen), "on the step")
        field = app.screen.query_one("#q-foerste_sygedag", QuestionField)
        await wait_until(pilot, lambda: field.has_focus_within, "at the first sick day")
