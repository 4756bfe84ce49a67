"""The timeline on the sheet, read back from the rendered Markdown and text: real dates
with a first sick day, a closed window (fast track after week 5) neither on the
timeline nor among the facts, and nothing dated without a first sick day.

The example's conversation is on 3 December 2026; "today" is passed in.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mixerpult.questionnaire import tr
from mixerpult.sheet.render import render_pdf, render_text
from mixerpult.sheet.view import build_view

from .helpers import example, markdown_text, pack, pdf_text, spaced, squeezed

TODAY = dt.date(2026, 11, 20)
WEEK_3, WEEK_6, WEEK_10 = dt.date(2026, 11, 17), dt.date(2026, 10, 27), dt.date(2026, 9, 28)


def read(first_day: dt.date | None, lang: str, fmt: str, audience: str = "jobcenter") -> str:
    """What a reader of the example's sheet sees, whitespace-normalised."""
    session = example()
    if first_day is not None:
        session.set_answer("foerste_sygedag", first_day)
    text = render_text(build_view(session, pack(), lang, audience, today=TODAY), fmt)
    return spaced(markdown_text(text) if fmt == "md" else text)


def fact_text(fact_id: str, lang: str) -> str:
    return spaced(tr(next(f for f in pack().facts if f.id == fact_id).text, lang))


CASES = {
    (WEEK_3, "da"): [
        "Tidslinje",
        "Første sygedag: 17. november 2026. Samtalen den 3. december 2026 er i uge 3 af sygemeldingen.",
        "Senest 14. december 2026 (uge 4): Sygefraværssamtale med arbejdsgiveren",
        "Til og med 21. december 2026 (uge 5): Arbejdsgiveren kan bede om fast track",
        "Senest 11. januar 2027 (uge 8): Første opfølgningssamtale med jobcentret/kommunen",
    ],
    (WEEK_6, "en"): [
        "Timeline",
        "First day of sick leave: 27 October 2026. The conversation on 3 December 2026 is in week 6",
        "By 23 November 2026 (week 4): Sickness absence conversation with the employer"
        " (this date has passed)",
        "By 21 December 2026 (week 8): First follow-up conversation with the jobcenter/municipality",
    ],
    (WEEK_10, "da"): [
        "uge 10 af sygemeldingen",
        "Senest 22. november 2026 (uge 8): Første opfølgningssamtale med jobcentret/kommunen"
        " (datoen er passeret)",
    ],
    (WEEK_10, "en"): [
        "is in week 10 of the sick leave",
        "22 November 2026 (week 8): Retention plan, if a return to work is not expected by then"
        " (this date has passed)",
    ],
}


@pytest.mark.parametrize("fmt", ["md", "txt"])
@pytest.mark.parametrize(("first_day", "lang"), list(CASES))
def test_the_timeline_with_real_dates(fmt: str, first_day: dt.date, lang: str) -> None:
    seen = read(first_day, lang, fmt)
    for line in CASES[(first_day, lang)]:
        assert spaced(line) in seen, line


@pytest.mark.parametrize("fmt", ["md", "txt"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_closed_window_is_not_offered_as_advice(fmt: str, lang: str) -> None:
    fast_track = fact_text("fast_track", lang)
    assert fast_track in read(WEEK_3, lang, fmt)  # still open at the conversation
    for first_day in (WEEK_6, WEEK_10):
        seen = read(first_day, lang, fmt)
        assert fast_track not in seen
        # The deadline that passed is still there, and so is its fact.
        assert fact_text("sygefravaerssamtale_4_uger", lang) in seen


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_the_closed_window_is_off_the_timeline(fmt: str) -> None:
    assert "Til og med" in read(WEEK_3, "da", fmt)
    assert "Til og med" not in read(WEEK_6, "da", fmt)
    assert "Until" not in read(WEEK_10, "en", fmt)


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_nothing_is_dated_without_a_first_sick_day(fmt: str, lang: str) -> None:
    session = example()
    assert session.answer("foerste_sygedag") is None
    view = build_view(session, pack(), lang, today=TODAY)
    assert view.timeline is None
    text = render_text(view, fmt)
    assert "Tidslinje" not in text and "Timeline" not in text
    assert fact_text("fast_track", lang) in spaced(markdown_text(text) if fmt == "md" else text)
    # Whatever "today" is, the sheet is the same.
    later = build_view(example(), pack(), lang, today=dt.date(2027, 6, 1))
    assert render_text(later, fmt) == text


def test_a_private_first_sick_day_dates_nothing_on_either_sheet() -> None:
    session = example()
    session.set_answer("foerste_sygedag", WEEK_6)
    session.set_private("foerste_sygedag", True)
    for audience in ("jobcenter", "arbejdsgiver"):
        view = build_view(session, pack(), "da", audience, today=TODAY)
        assert view.timeline is None
        assert "fast_track" in [f.id for f in view.facts]
        assert "27. oktober 2026" not in render_text(view, "md")


def test_the_employer_sheet_has_the_timeline_too() -> None:
    # The first sick day says nothing about health.
    seen = read(WEEK_6, "da", "md", "arbejdsgiver")
    assert "Første sygedag: 27. oktober 2026." in seen


def test_the_timeline_in_html_and_pdf() -> None:
    session = example()
    session.set_answer("foerste_sygedag", WEEK_6)
    view = build_view(session, pack(), "da", today=TODAY)
    html = render_text(view, "html")
    assert '<li class="passed"><strong>Senest 23. november 2026 (uge 4):</strong>' in html
    line = "Senest 21. december 2026 (uge 8): Første opfølgningssamtale med jobcentret/kommunen"
    assert squeezed(line) in squeezed(pdf_text(render_pdf(view)))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_closed_window_takes_its_tool_off_the_sheet(lang: str) -> None:
    """Fast track is a tool too: after week 5 it is neither suggested nor listed."""
    name = tr(next(t for t in pack().tools if t.id == "fast_track").name, lang)
    session = example()
    session.set_answer("foerste_sygedag", WEEK_3)
    open_view = build_view(session, pack(), lang, today=TODAY)
    assert "fast_track" in [t.id for t in open_view.other_tools]
    session.set_answer("foerste_sygedag", WEEK_6)
    closed_view = build_view(session, pack(), lang, today=TODAY)
    assert "fast_track" not in [t.id for t in closed_view.other_tools + closed_view.tools]
    assert name not in render_text(closed_view, "txt")
