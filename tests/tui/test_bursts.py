"""Fast typing never scrambles a field: keys sent as one burst land in the order typed.

A terminal hands over everything typed since the app last read it at once, so a fast
typist, a paste, a macro or a busy laptop delivers keys in bursts. Printable keys go
straight to the focused field, while its bound keys (Backspace, Delete, arrows,
Home/End, Ctrl+V) used to travel up to the app and back first (Textual #6605), so
"Backspace ×16, Mette" came out as letters typed and then deleted. Each burst here goes
through the driver's queue, as a terminal's would, into every kind of field the wizard
has, and both the field and what is stored must read exactly what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.message import Message
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, TextArea

from mixerpult.answers import AnswerValue
from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.agreements import AgreementsScreen
from mixerpult.tui.screens.mixerpult import MixerpultScreen
from mixerpult.tui.widgets.next_step_row import Field, NextStepRow
from mixerpult.tui.widgets.question import QuestionField

from .conftest import AppFactory
from .helpers import wait_until
from .test_safety import burst

Key = tuple[str, str | None]
Item = Key | events.Paste

REPEATS = 1
"""How often each burst is sent. Once is enough: the whole burst is in the app's queue
before the field reads any of it, so a key that can be overtaken is, every time."""


def typed(text: str) -> list[Key]:
    """`text` as a terminal's keys (the key names Textual's own parser gives)."""
    return [(c if c.isalnum() else _character_to_key(c), c) for c in text]


def keys(name: str, times: int = 1) -> list[Key]:
    return [(name, None)] * times


BACKSPACE: Key = ("backspace", "\x7f")


@dataclass
class Case:
    """One burst: the field holds `start` (cursor at the end), then `items` arrive."""

    name: str
    start: str
    items: list[Item]
    clipboard: str = ""


def cases(target: str, *, lines: bool = False) -> list[Case]:
    """Bursts that all leave exactly `target` (one line of four characters or more)."""
    first, second, middle, last = target[0], target[1], target[2:-1], target[-1]
    junk = "Annabella Jensen"
    found = [
        Case("backspace", junk, [*[BACKSPACE] * len(junk), *typed(target)]),
        Case(
            "delete",
            "XX" + target[1:],
            [*keys("home"), *keys("delete", 2), *typed(first)],
        ),
        Case(
            "left/right",
            first + middle,
            [
                *keys("home"),
                *keys("right", 2),
                *keys("left"),
                *typed(second),
                *keys("right", len(middle)),
                *typed(last),
            ],
        ),
        Case(
            "home/end",
            second + middle,
            [*keys("home"), *typed(first), *keys("end"), *typed(last)],
        ),
        Case("paste", "Annabella", [*[BACKSPACE] * 9, events.Paste(target)]),
        Case("ctrl+v", first, [*keys("ctrl+v"), *typed(last)], clipboard=second + middle),
    ]
    if lines:  # a second line, reached by Up/Down
        found.append(
            Case(
                "up/down",
                f"{target[:-1]}\n{target}",
                [*keys("up"), *keys("end"), *typed(last), *keys("down"), *typed("!")],
            )
        )
    return found


def expected(case: Case, target: str) -> str:
    return f"{target}\n{target}!" if case.name == "up/down" else target


def deliver(app: MixerpultApp, items: Sequence[Item]) -> None:
    """All of `items` into the driver's queue at once, nothing waited for."""
    for item in items:
        if isinstance(item, events.Paste):
            paste = events.Paste(item.text)  # a message is delivered once: a new one
            paste.set_sender(app)
            app._driver.send_message(paste)  # type: ignore[union-attr]
        else:
            burst(app, [item])


def shown(widget: Widget) -> str:
    if isinstance(widget, TextArea):
        return widget.text
    assert isinstance(widget, Input)
    return widget.value


def reset(widget: Widget, text: str) -> None:
    if isinstance(widget, TextArea):
        widget.text = text
        widget.move_cursor(widget.document.end)
    else:
        assert isinstance(widget, Input)
        widget.value = text
        widget.cursor_position = len(text)


async def settle(pilot: Pilot[Any], widget: Widget) -> None:
    """Until the burst has gone through (the field has stopped changing)."""
    last = None
    for _ in range(100):
        await pilot.pause()
        now = shown(widget)
        if now == last:
            return
        last = now


@dataclass
class Target:
    """A field of the wizard, where it is, and how what it holds is stored."""

    page: str
    """The page it is on (one wizard for each page keeps the test quick)."""
    name: str
    text: str
    open: Callable[[MixerpultApp, Pilot[Any]], Awaitable[Widget]]
    stored: Callable[[MixerpultApp], object]
    value: object = None
    """What the session must hold afterwards (None: the text itself)."""
    lines: bool = False


async def step_field(app: MixerpultApp, pilot: Pilot[Any], page: str, qid: str) -> Widget:
    if app.page != page:
        app.go(page)
        await pilot.pause()
    widget = app.screen.query_one(f"#answer-{qid}", Widget)
    widget.focus()
    await pilot.pause()
    return widget


def answer(qid: str) -> Callable[[MixerpultApp], AnswerValue | None]:
    return lambda app: app.s.answers.get(qid)


async def note(app: MixerpultApp, pilot: Pilot[Any]) -> Widget:
    app.go("mixerpult")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MixerpultScreen)
    await pilot.press("enter")  # the channel's note
    await pilot.pause()
    note = screen.note
    assert note is not None and app.focused is note
    return note


async def agreements(app: MixerpultApp, pilot: Pilot[Any]) -> AgreementsScreen:
    if not isinstance(app.screen, AgreementsScreen):
        app.open_agreements()
        await pilot.pause()
    screen = app.screen
    assert isinstance(screen, AgreementsScreen)
    return screen


def row_field(name: Field) -> Callable[[MixerpultApp, Pilot[Any]], Awaitable[Widget]]:
    async def open_it(app: MixerpultApp, pilot: Pilot[Any]) -> Widget:
        screen = await agreements(app, pilot)
        field = screen.query(NextStepRow).first().field(name)
        field.focus()
        await pilot.pause()
        return field

    return open_it


async def notes(app: MixerpultApp, pilot: Pilot[Any]) -> Widget:
    screen = await agreements(app, pilot)
    area = screen.query_one("#agreements-notes", TextArea)
    area.focus()
    await pilot.pause()
    return area


TARGETS = [
    Target(
        "om_dig",
        "text",
        "Mette Æblegård",
        lambda app, pilot: step_field(app, pilot, "om_dig", "fornavn"),
        answer("fornavn"),
    ),
    Target(
        "om_dig",
        "number",
        "32,5",
        lambda app, pilot: step_field(app, pilot, "om_dig", "timer_uge"),
        answer("timer_uge"),
        value=32.5,
    ),
    Target(
        "om_dig",
        "date",
        "03-12-2026",
        lambda app, pilot: step_field(app, pilot, "om_dig", "moededato"),
        answer("moededato"),
        value=dt.date(2026, 12, 3),
    ),
    Target(
        "situation",
        "long_text",
        "Træt om eftermiddagen",
        lambda app, pilot: step_field(app, pilot, "situation", "situation_nu"),
        answer("situation_nu"),
        lines=True,
    ),
    Target(
        "mixerpult",
        "fader note",
        "Færre timer i starten",
        note,
        lambda app: app.s.fader("timer").note,
    ),
    Target(
        "agreements",
        "agreement what",
        "Lave en plan",
        row_field("what"),
        lambda app: app.s.agreements.next_steps[0].what,
    ),
    Target(
        "agreements",
        "agreement who",
        "Mette og lederen",
        row_field("who"),
        lambda app: app.s.agreements.next_steps[0].who,
    ),
    Target(
        "agreements",
        "agreement by",
        "10-12-2026",
        row_field("by"),
        lambda app: app.s.agreements.next_steps[0].by,
        value=dt.date(2026, 12, 10),
    ),
    Target(
        "agreements",
        "agreement notes",
        "Ny samtale om fire uger",
        notes,
        lambda app: app.s.agreements.notes,
        lines=True,
    ),
]


PAGES = list(dict.fromkeys(t.page for t in TARGETS))


async def wrong_results(
    app: MixerpultApp, pilot: Pilot[Any], target: Target
) -> tuple[list[str], int]:
    """Every burst into `target`'s field; what came out wrong, and of how many."""
    widget = await target.open(app, pilot)
    wrong: list[str] = []
    runs = 0
    for case in cases(target.text, lines=target.lines):
        want = expected(case, target.text)
        value = want if target.value is None or case.name == "up/down" else target.value
        for _ in range(REPEATS):
            reset(widget, case.start)
            app.copy_to_clipboard(case.clipboard)
            await pilot.pause()
            deliver(app, case.items)
            await settle(pilot, widget)
            runs += 1
            got, kept = shown(widget), target.stored(app)
            assert app.focused is widget
            if got != want or kept != value:
                wrong.append(f"{target.name}, {case.name}: shows {got!r}, stored {kept!r}")
    return wrong, runs


@pytest.mark.parametrize("page", PAGES)
async def test_a_burst_of_keys_lands_in_the_order_typed(
    make_app: AppFactory, meeting_answers: Path, page: str
) -> None:
    app = make_app(save_delay=30)  # saving is not what is tested: keep it out of the way
    wrong: list[str] = []
    runs = 0
    async with app.run_test(size=(100, 40)) as pilot:
        for target in (t for t in TARGETS if t.page == page):
            more, count = await wrong_results(app, pilot, target)
            wrong += more
            runs += count
    assert not wrong, f"wrong {len(wrong)}/{runs} on the {page} page:\n" + "\n".join(wrong)


async def test_the_page_hears_of_a_burst_once_and_keeps_it_on_leaving(
    make_app: AppFactory,
) -> None:
    """A field tells its page of the last text of a burst, not of every key (the page's
    work is larger than the field's), and what was typed just before "next" arrives."""
    told: dict[int, str | None] = {}

    def hook(message: Message) -> None:
        if isinstance(message, QuestionField.Answered):
            told[id(message)] = message.raw

    app = make_app(save_delay=30)
    async with app.run_test(size=(100, 40), message_hook=hook) as pilot:
        name = await step_field(app, pilot, "situation", "situation_nu")
        deliver(app, typed("Træt om eftermiddagen"))
        await settle(pilot, name)
        assert app.s.answers["situation_nu"] == "Træt om eftermiddagen"
        assert 1 <= len(told) <= 3, f"the page was told {len(told)} times of 21 keys"

        deliver(app, [*typed("!!"), BACKSPACE, ("ctrl+n", None)])
        await wait_until(pilot, lambda: app.page == "aftalt", "on the next page")
        await pilot.pause()  # let the next page finish mounting before the test ends
        assert app.s.answers["situation_nu"] == "Træt om eftermiddagen!"
