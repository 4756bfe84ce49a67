"""What the fields edit: dates and numbers as typed and read back, and text with its
control characters drawn (no Textual here). Answers in words for the overviews are
`mixerpult.present.words`."""

from __future__ import annotations

import datetime as dt
import re

# Danes also write "3/12-26": two-digit years are this century's.
_DATE_FORMATS = ("%d-%m-%Y", "%Y-%m-%d", "%d-%m-%y")
_DATE_SHAPE = re.compile(r"\d{1,2}-\d{1,2}-(\d{2}|\d{4})|\d{4}-\d{1,2}-\d{1,2}")

# Line breaks of every kind are one "\n" on screen, as on the sheet (sheet/escape.py).
_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Other C0 controls and DEL as their Unicode pictures (␛, ␀ …); C1 controls and lone
# surrogates, which have none, as the replacement character.
_PICTURES = {
    **{c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)},
    0x7F: 0x2421,
    **dict.fromkeys([*range(0x80, 0xA0), *range(0xD800, 0xE000)], 0xFFFD),
}


def shown(text: str) -> str:
    """`text` as the screen shows it: printable characters as they are, control
    characters as visible symbols.

    Written to the terminal as they are, ESC, CSI and their like would be obeyed
    (an answer holding `\\x1b[2J` clears the screen) and NUL is drawn as nothing;
    the stored answer keeps them all, the sheet drops them.
    """
    return _BREAKS.sub("\n", text).translate(_PICTURES)


def pictured(text: str) -> str:
    """`text` with control characters as visible symbols, one character for one.

    For the fields being edited: their cursor counts characters, so nothing may be
    added or taken away. Line breaks stay (a text area splits its lines on them).
    """
    return text.translate(_PICTURES)


def parse_date(text: str) -> dt.date | None:
    """A date written DD-MM-YYYY or YYYY-MM-DD ('.' and '/' also separate); None if not one.

    Only years 1900-2200 count: anything else is a typo, not a meeting date.
    """
    day = _calendar_date(_date_text(text))
    # strptime takes "0202" as a year; in this program that can only be a typo.
    return day if day is not None and 1900 <= day.year <= 2200 else None


def _date_text(text: str) -> str:
    return re.sub(r"[./]", "-", re.sub(r"\s+", "", text))


def _calendar_date(cleaned: str) -> dt.date | None:
    for fmt in _DATE_FORMATS:
        try:
            day = dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
        if fmt.endswith("%y"):  # Python would make "69" 1969
            day = day.replace(year=2000 + day.year % 100)
        return day
    return None


def impossible_date(text: str) -> bool:
    """True for text written as a date that the calendar does not have ("31-02-2026")."""
    cleaned = _date_text(text)
    return _DATE_SHAPE.fullmatch(cleaned) is not None and _calendar_date(cleaned) is None


def show_date(value: dt.date) -> str:
    """The Danish everyday way of writing a date: DD-MM-YYYY."""
    return value.strftime("%d-%m-%Y")


def parse_number(text: str) -> int | float | None:
    """A number typed by the user (a decimal comma is accepted); None if not one."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return int(number) if number.is_integer() else number


def show_number(value: int | float) -> str:
    """A number as a Dane writes it (decimal comma)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")
