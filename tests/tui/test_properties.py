"""Properties over many inputs (hypothesis): nothing typed or shown is changed or lost."""

from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import Static

from mixerpult.tui.format import parse_date, parse_number, show_date, show_number
from mixerpult.tui.text import plain
from mixerpult.tui.widgets.channel import hyphenate

MARKUPISH = st.text(alphabet=st.sampled_from("[]/@=bi$:()\\ xæ\n"), max_size=40)


@settings(max_examples=200)
@given(MARKUPISH)
def test_user_text_is_shown_exactly(text: str) -> None:
    widget = Static(plain(text))
    assert widget.render().plain == text  # type: ignore[union-attr]


@given(
    st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=60),
    st.integers(2, 30),
)
def test_hyphenation_loses_no_letter(text: str, width: int) -> None:
    lines = hyphenate(text, width)
    shown = "".join(line.removesuffix("-") if line.endswith("-") else line for line in lines)
    original = "".join(text.split())
    # Every letter survives, in order (the only additions are break hyphens).
    assert shown.replace(" ", "") == original or shown.replace(" ", "").replace("-", "") == (
        original.replace("-", "")
    )
    # A mark or a format character (a soft hyphen, a joiner) stays with the letter
    # before it, so a word of such pairs may not fit two columns; any other does.
    if not any(unicodedata.category(ch) in ("Mn", "Mc", "Me", "Cf") for ch in text):
        assert all(len(line) <= width for line in lines)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_dates_read_back_as_written(day: dt.date) -> None:
    assert parse_date(show_date(day)) == day
    assert parse_date(day.isoformat()) == day


@given(st.one_of(st.integers(-10_000, 10_000), st.floats(-1e6, 1e6, allow_nan=False)))
def test_numbers_read_back_as_written(number: float) -> None:
    assert parse_number(show_number(number)) == number
