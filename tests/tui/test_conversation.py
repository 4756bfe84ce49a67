"""After the meeting on the review: the next follow-up on top, and each channel that
needs easing with no agreed step about it marked; the finish page offers the
mulighedserklæring's part 1."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from textual.widgets import RadioButton, RadioSet

from mixerpult.tui.screens.finish import SHEET_CHOICES, FinishScreen
from mixerpult.tui.screens.review import ReviewScreen

from .conftest import AppFactory
from .helpers import text_of


async def test_review_shows_follow_up_and_marks_open_channels(
    make_app: AppFactory, example_answers: Path
) -> None:
    data = yaml.safe_load(example_answers.read_text(encoding="utf-8"))
    data["agreements"] = {
        "notes": "",
        "next_steps": [
            {"what": "Timeplan", "who": "Mette", "by": dt.date(2026, 12, 10), "channel": "timer"}
        ],
    }
    example_answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go("review")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert text_of(screen.query_one("#follow-up")) == "Næste opfølgning: 10. december 2026"
        assert "[ingen aftale endnu]" in text_of(screen.query_one("#r-fader-ansvar"))
        assert "ingen aftale" not in text_of(screen.query_one("#r-fader-timer"))
        assert "ingen aftale" not in text_of(screen.query_one("#r-fader-fysiske_rammer"))


async def test_review_marks_nothing_before_the_meeting(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go("review")
        await pilot.pause()
        assert not app.screen.query("#follow-up")
        assert "ingen aftale" not in text_of(app.screen.query_one("#r-fader-ansvar"))


async def test_finish_offers_the_statement(make_app: AppFactory, example_answers: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.go("finish")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FinishScreen)
        radio = screen.query_one("#audience", RadioSet)
        last = list(radio.query(RadioButton))[-1]
        assert "Mulighedserklæring, del 1" in str(last.label)
        last.value = True
        await pilot.pause()
        assert screen.chosen_audience() == SHEET_CHOICES[-1]
