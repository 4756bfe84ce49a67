"""The pieces without a whole app: page order, answers in words, hyphenation, the fader."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest
from textual.app import App, ComposeResult

from mixerpult.answers import Session
from mixerpult.present.words import answer_words
from mixerpult.questionnaire import Questionnaire
from mixerpult.tui.flow import Flow
from mixerpult.tui.format import impossible_date, parse_date, parse_number
from mixerpult.tui.widgets.channel import ChannelName, hyphenate
from mixerpult.tui.widgets.fader import Fader, position_rows


def test_flow_puts_the_mixerpult_after_its_step(shipped_pack: Questionnaire) -> None:
    flow = Flow(shipped_pack)
    assert flow.pages == [
        "om_dig",
        "situation",
        "aftalt",
        "mixerpult",
        "refleksion",
        "plan_tilbage",
        "spoergsmaal",
        "samtalen",
        "review",
        "finish",
    ]
    assert flow.next("aftalt") == "mixerpult"
    assert flow.previous("om_dig") is None
    assert flow.count == 10 and flow.number("review") == 9 and flow.number("finish") == 10
    assert flow.title("mixerpult", "en") == "The mixing console"


def test_resume_page(shipped_pack: Questionnaire) -> None:
    flow = Flow(shipped_pack)
    session = Session.new(shipped_pack)
    assert flow.resume_page(session) == "om_dig"
    session.current_step = "refleksion"
    assert flow.resume_page(session) == "refleksion"
    session.current_step = "a_step_that_was_removed"
    assert flow.resume_page(session) == "om_dig"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03-12-2026", dt.date(2026, 12, 3)),
        ("2026-12-03", dt.date(2026, 12, 3)),
        ("3.12.2026", dt.date(2026, 12, 3)),
        ("03/12/2026", dt.date(2026, 12, 3)),
        ("31-02-2026", None),
        ("3/12-26", dt.date(2026, 12, 3)),
        ("24-12-69", dt.date(2069, 12, 24)),
        ("3-12-2026x", None),
        ("12-2026", None),
        ("01-01-0202", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_impossible_date() -> None:
    assert impossible_date("31-02-2026") and impossible_date("2026-13-01")
    assert impossible_date("32/12-26")
    assert not impossible_date("03-12-2026") and not impossible_date("i morgen")
    assert not impossible_date("01-01-0202"), "a real day, only not a likely year"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("37", 37),
        ("7,5", 7.5),
        ("7.5", 7.5),
        (" 12 ", 12),
        ("", None),
        ("-", None),
        ("1e999", None),
    ],
)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


def test_answers_in_words(shipped_pack: Questionnaire) -> None:
    q = shipped_pack.questions
    assert answer_words(q["moededato"], dt.date(2026, 12, 3), "da") == "3. december 2026"
    assert answer_words(q["timer_uge"], 37.5, "da") == "37,5 timer"
    assert answer_words(q["sygemeldt_grad"], "delvist", "en") == "Partly on sick leave"
    assert answer_words(q["fornavn"], "[b]", "da") == "[b]"
    assert answer_words(q["fornavn"], None, "da") == ""


@pytest.mark.parametrize(
    ("word", "width", "lines"),
    [
        # The leaflet's own break, and the dictionary's (pyphen da_DK): never "Arbejd-sinten-sitet".
        ("Forudsigelighed", 11, ["Forudsi-", "gelighed"]),
        ("Arbejdsintensitet", 11, ["Arbejds-", "intensitet"]),
        ("Arbejdsintensitet", 9, ["Arbejds-", "inten-", "sitet"]),
        ("Arbejdsintensitet", 6, ["Ar-", "bejds-", "inten-", "sitet"]),
        ("Tydeligt skånebehov", 9, ["Tydeligt", "skåne-", "behov"]),
        ("Fysiske rammer", 11, ["Fysiske", "rammer"]),
        ("Timer/tid", 11, ["Timer/tid"]),
        ("Arbejdsintensitet", 20, ["Arbejdsintensitet"]),
    ],
)
def test_hyphenate(word: str, width: int, lines: list[str]) -> None:
    assert hyphenate(word, width) == lines
    assert all(len(line) <= width for line in hyphenate(word, width))


@pytest.mark.parametrize(
    ("word", "width", "lines"),
    [
        ("Predictability", 11, ["Predict-", "ability"]),
        ("Responsibility", 9, ["Respons-", "ibility"]),
        ("Hours/time", 9, ["Hours/", "time"]),
    ],
)
def test_hyphenate_english(word: str, width: int, lines: list[str]) -> None:
    assert hyphenate(word, width, "en") == lines


@pytest.mark.parametrize("lang", ["da", "en"])
def test_channel_names_break_where_the_sheet_does(shipped_pack: Questionnaire, lang: str) -> None:
    # Every break a strip makes is one of the sheet's soft hyphens (or after a slash).
    from mixerpult.hyphenation import SOFT_HYPHEN, soft_hyphenated

    for channel in shipped_pack.channels.values():
        name = channel.label[lang]
        for word in name.split():
            soft = soft_hyphenated(word, lang).split(SOFT_HYPHEN)
            allowed = {len("".join(soft[:k])) for k in range(1, len(soft))}
            allowed |= {i + 1 for i, ch in enumerate(word) if ch == "/"}
            # From the narrowest strip in which each piece between two points fits.
            for width in range(max(map(len, soft)) + 2, 12):
                pieces = [p.removesuffix("-") for p in hyphenate(word, width, lang)]
                ends = {len("".join(pieces[: k + 1])) for k in range(len(pieces) - 1)}
                assert ends <= allowed, (word, width, pieces)


@pytest.mark.parametrize("width", range(5, 13))
@pytest.mark.parametrize("name", ["Physical setting", "Arbejdsintensitet", "Forudsigelighed"])
def test_a_free_column_never_costs_a_line(name: str, width: int) -> None:
    spaced = ChannelName(name, gap=True)._lines(width)
    assert len(spaced) == len(hyphenate(name, width))
    assert all(len(line) <= width for line in spaced)


@pytest.mark.parametrize("height", range(2, 40))
@pytest.mark.parametrize("scale", [2, 3, 5, 7, 10])
def test_position_rows(scale: int, height: int) -> None:
    rows = position_rows(scale, height)
    ordered = [rows[p] for p in range(scale, 0, -1)]
    assert all(0 <= r < height for r in ordered)
    assert ordered == sorted(ordered), "higher positions are higher up"
    if height >= scale:
        assert len(set(ordered)) == scale, "every position has its own row"
    gaps = {b - a for a, b in pairwise(ordered)}
    if height >= scale:
        assert len(gaps) == 1, "evenly spaced whenever each position has a row"


class FaderApp(App[None]):
    """The fader on its own, as any other program could use it."""

    def __init__(self) -> None:
        super().__init__()
        self.changes: list[int | None] = []

    def compose(self) -> ComposeResult:
        yield Fader(scale=7, id="one")
        yield Fader(scale=3, value=2, id="two")

    def on_fader_changed(self, event: Fader.Changed) -> None:
        self.changes.append(event.value)


async def test_the_fader_stands_alone() -> None:
    app = FaderApp()
    async with app.run_test(size=(20, 20)) as pilot:
        one = app.query_one("#one", Fader)
        assert app.focused is one
        await pilot.press("up", "pageup", "end", "home", "down", "backspace")
        assert app.changes == [4, 6, 1, 7, 6, None]
        await pilot.press("right")
        assert app.focused is app.query_one("#two")
        await pilot.press("up", "up")
        assert app.query_one("#two", Fader).value == 3, "clamped at the top"
        one.value = 99
        assert one.value == 7
        await pilot.click("#one", offset=(2, one.rows()[1]))
        assert one.value == 1
        await pilot.pause()
        for _ in range(3):
            await pilot.mouse_down("#two", offset=(2, 0))  # scroll-free drag start
            await pilot.mouse_up("#two", offset=(2, 0))
        assert app.query_one("#two", Fader).value == 3


async def test_a_moved_fader_looks_as_if_drawn_anew() -> None:
    # A move repaints only the rows between the old and the new knob.
    app = FaderApp()
    async with app.run_test(size=(20, 30)) as pilot:
        one = app.query_one("#one", Fader)
        for key in ["up", "up", "pageup", "end", "down", "home", "pagedown", "backspace", "up"]:
            await pilot.press(key)
            await pilot.pause()
            moved = app.export_screenshot()
            one.refresh()
            await pilot.pause()
            assert app.export_screenshot() == moved, f"after {key}"


def test_every_question_type_has_its_kind_and_its_input() -> None:
    """A new question type is a kind (mixerpult.kinds) and an input (one row each)."""
    from mixerpult.kinds import KINDS
    from mixerpult.questionnaire import QUESTION_TYPES
    from mixerpult.tui.widgets.question import INPUTS

    assert tuple(KINDS) == tuple(INPUTS) == QUESTION_TYPES
