"""Answers, fader positions, dates and counts in words: one wording for every view.

The words are plain text. Each view makes them safe for its medium (control
characters drawn as symbols on screen, dropped on the sheet, escaped for HTML,
Typst and Markdown); none of them words an answer itself.
"""

from __future__ import annotations

import datetime as dt

from mixerpult.answers import AnswerValue
from mixerpult.i18n import format_date, t
from mixerpult.kinds import kind_of
from mixerpult.questionnaire import Channel, Mixerpult, Question


def answer_words(question: Question, value: AnswerValue | None, lang: str) -> str:
    """An answer in words ('' when unanswered)."""
    if value is None or value == "" or value == []:
        return ""
    return kind_of(question).words(question, value, lang)


def answer_items(question: Question, value: AnswerValue | None, lang: str) -> list[str]:
    """The chosen options of an answer that lists them, one item each."""
    if value is None:
        return []
    return kind_of(question).items(question, value, lang)


def answer_table(question: Question, value: AnswerValue | None, lang: str) -> list[tuple[str, ...]]:
    """An answer that is a table (a plan), its cells in words row by row ([] if not one)."""
    if value is None:
        return []
    return kind_of(question).table(question, value, lang)


def shortened(text: str, limit: int = 80) -> str:
    """The start of a long answer, for quoting it where the answer itself is in full."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] or line[:limit]
    return cut.rstrip(" ,.;:–-") + " …"


def quoted(question: Question, value: AnswerValue | None, lang: str) -> str:
    """An answer as a reason quotes it: free text shortened, 'not answered' if none."""
    words = answer_words(question, value, lang)
    if not words:
        return t("words_not_answered", lang)
    return shortened(words) if kind_of(question).free_text else words


KNOB, STOP, UNSET, BAND = "●", "○", "·", "━"


def fader_bar(position: int | None, scale: int, bad: int | None = None) -> str:
    """A fader drawn in a line, low end first: the knob where it stands ('○●○○○' for 2
    of 5), so it cannot be read backwards as an amount; dots when not set. With a
    bad-day end, a knob at each end and the band between them ('○●━●○')."""
    if position is None:
        return UNSET * scale
    low, high = sorted((position, position if bad is None else bad))
    return "".join(
        KNOB if p in (low, high) else BAND if low < p < high else STOP for p in range(1, scale + 1)
    )


def level_words(mixer: Mixerpult, channel: Channel, position: int | None, lang: str) -> str:
    """A fader position in words; 'not set' also for one off the scale (a hand edit)."""
    if mixer.on_scale(channel, position) is None:
        return t("words_not_set", lang)
    return mixer.level(channel, position, lang)


def bad_end(
    mixer: Mixerpult, channel: Channel, position: int | None, bad: int | None
) -> int | None:
    """The bad-day end as every view shows it: on the scale, of a fader that is set, in a
    pack with ranges, and other than the good day; else None (one position, both days)."""
    if not mixer.range or mixer.on_scale(channel, position) is None:
        return None
    bad = mixer.on_scale(channel, bad)
    return None if bad == position else bad


def range_words(
    mixer: Mixerpult, channel: Channel, position: int | None, bad: int | None, lang: str
) -> str:
    """Both ends in words ('God dag: Noget skånebehov, dårlig dag: Stort skånebehov'), or
    the one position's words when the two days are alike (or the pack has no ranges)."""
    bad = bad_end(mixer, channel, position, bad)
    if bad is None:
        return level_words(mixer, channel, position, lang)
    return t(
        "words_range",
        lang,
        good=mixer.level(channel, position, lang),
        bad=mixer.level(channel, bad, lang),
    )


def by_words(by: dt.date | str | None, lang: str) -> str:
    """When a next step is due: a date in words, else as written ('' when not said)."""
    if isinstance(by, dt.date):
        return format_date(by, lang)
    return (by or "").strip()


def date_words(value: dt.date, lang: str) -> str:
    """A date in words ('3. december 2026')."""
    return format_date(value, lang)
