"""The whole journey, driven by keys and the mouse: start, answer, faders, review, edit, finish."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from mixerpult import store
from mixerpult.tui.screens.finish import FinishScreen
from mixerpult.tui.screens.mixerpult import MixerpultScreen
from mixerpult.tui.screens.review import ReviewScreen
from mixerpult.tui.screens.step import StepScreen
from mixerpult.tui.screens.welcome import WelcomeScreen
from mixerpult.tui.widgets.fader import Fader
from mixerpult.tui.widgets.question import QuestionField
from mixerpult.tui.widgets.review_item import ReviewItem

from .conftest import AppFactory
from .helpers import FakeSheet, text_of


async def test_whole_journey(
    make_app: AppFactory, answers_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = FakeSheet()
    sheet.install(monkeypatch)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        # -- welcome: a new file, "Begin" is focused
        assert isinstance(app.screen, WelcomeScreen)
        assert not answers_path.exists(), "opening the wizard writes nothing by itself"
        await pilot.press("enter")
        await pilot.pause()

        # -- om_dig: text, date, number, choice, private
        assert isinstance(app.screen, StepScreen) and app.page == "om_dig"
        assert app.focused is not None and app.focused.id == "answer-fornavn"
        await pilot.press(*"Mette [/]")
        # The sharing level right under the name: the third, "only me".
        await pilot.press("tab", "enter", "down", "down", "enter")
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "answer-moededato"
        await pilot.press(*"03-12-2026")
        app.screen.query_one("#answer-timer_uge", Input).focus()
        await pilot.press(*"37")
        app.screen.query_one("#answer-sygemeldt_grad").focus()
        await pilot.press("down", "enter")  # the second option: partly
        await pilot.pause()
        session = app.s
        assert session.answers["fornavn"] == "Mette [/]"
        assert session.is_private("fornavn")
        assert session.answers["moededato"] == dt.date(2026, 12, 3)
        assert session.answers["timer_uge"] == 37
        assert session.answers["sygemeldt_grad"] == "delvist"
        await pilot.press("ctrl+n")
        await pilot.pause()

        # -- situation: a long text with a line break
        assert app.page == "situation"
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"Jeg er træt", "enter", *"[b]men glad")
        await pilot.press("ctrl+n")
        await pilot.pause()

        # -- aftalt: an answer reveals a question (visible_if, re-evaluated live)
        assert app.page == "aftalt"
        follow_up = app.screen.query_one("#q-allerede_talt_om", QuestionField)
        assert not follow_up.display
        await pilot.press("enter")  # "Ja" on the first question, which has the focus
        await pilot.pause()
        assert follow_up.display
        await pilot.press("ctrl+n")
        await pilot.pause()

        # -- the mixerpult, by keys
        assert isinstance(app.screen, MixerpultScreen)
        timer = app.screen.query_one("#fader-timer", Fader)
        assert app.focused is timer and timer.value is None
        await pilot.press("up")  # an unset fader lands in the middle first
        assert timer.value == 3
        await pilot.press("up", "up", "up")
        assert timer.value == 5, "the top is the end of the scale"
        await pilot.press("end")
        assert timer.value == 1
        await pilot.press("pageup")
        assert timer.value == 3
        await pilot.press("home", "down", "down")
        assert timer.value == 3
        await pilot.press("enter", *"Tre timer [b]", "enter")
        assert app.focused is timer, "Enter in the note goes back to the fader"
        await pilot.press("right")
        assert app.focused is app.screen.query_one("#fader-fysiske_rammer")

        # -- … and by the mouse: a click, then a drag
        opgaver = app.screen.query_one("#fader-opgaver", Fader)
        rows = opgaver.rows()
        await pilot.click(opgaver, offset=(opgaver.size.width // 2, rows[1]))
        assert opgaver.value == 1
        assert app.focused is opgaver
        ansvar = app.screen.query_one("#fader-ansvar", Fader)
        x = ansvar.size.width // 2
        await pilot.mouse_down(ansvar, offset=(x, ansvar.rows()[2]))
        assert ansvar.value == 2
        await pilot.hover(ansvar, offset=(x, ansvar.rows()[4]))
        assert ansvar.value == 4
        await pilot.mouse_up(ansvar, offset=(x, ansvar.rows()[4]))
        await pilot.pause()
        assert session.fader("timer").position == 3
        assert session.fader("timer").note == "Tre timer [b]"
        assert session.fader("opgaver").position == 1
        assert session.fader("ansvar").position == 4
        level = app.screen.query_one("#strip-ansvar .strip-level")
        assert text_of(level).split() == ["Lidt", "skånebehov"]

        # -- the review shows answers, private marks and unanswered questions
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        name = text_of(app.screen.query_one("#r-fornavn", ReviewItem))
        assert "Mette [/]" in name and "[kun mig – på intet ark]" in name
        assert "3. december 2026" in text_of(app.screen.query_one("#r-moededato", ReviewItem))
        assert "ikke besvaret" in text_of(app.screen.query_one("#r-opgaver_kan", ReviewItem))
        assert "Tre timer [b]" in text_of(app.screen.query_one("#r-fader-timer", ReviewItem))

        # -- edit from the review, then back to it
        app.screen.query_one("#r-timer_uge", ReviewItem).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.page == "om_dig"
        assert app.focused is not None and app.focused.id == "answer-timer_uge"
        await pilot.press("ctrl+u", *"30")
        await pilot.press("ctrl+n")  # "back to the overview"
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "30 timer" in text_of(app.screen.query_one("#r-timer_uge", ReviewItem))
        assert app.focused is app.screen.query_one("#r-timer_uge")

        # -- a fader item leads to the console with that channel
        app.screen.query_one("#r-fader-ansvar", ReviewItem).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MixerpultScreen)
        assert app.focused is app.screen.query_one("#fader-ansvar")
        await pilot.press("ctrl+n")
        await pilot.pause()

        # -- finish: the sheet is made, and where it went is shown
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen)
        folder = app.screen.query_one("#folder", Input).value
        assert folder == "~/Documents/Mixerpult", "the page says where the sheet goes"
        await pilot.press("ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(sheet.calls) == 1
        call = sheet.calls[0]
        assert call["formats"] == ["pdf"]
        assert call["audience"] == "jobcenter"
        assert call["lang"] == "da"
        documents = answers_path.parent / "Documents" / "Mixerpult"  # HOME is tmp_path
        assert call["out_dir"] == documents, "not the hidden data folder of the answers"
        assert call["session"].answers["timer_uge"] == 30
        result = text_of(app.screen.query_one("#result"))
        assert "~/Documents/Mixerpult/forberedelse.pdf" in result
        assert not app.screen.query_one("#open-pdf").disabled
        opened: list[str] = []

        def open_url(url: str, *, new_tab: bool = True) -> None:
            opened.append(url)  # no viewer is started by a test

        app.open_url = open_url
        await pilot.click("#open-pdf")
        await pilot.pause()
        assert opened == [(documents / "forberedelse.pdf").resolve().as_uri()]
        result = text_of(app.screen.query_one("#result"))
        assert "~/Documents/Mixerpult/forberedelse.pdf" in result, "where it is, said"

    # Everything is on disk, and the wizard would resume in the review.
    saved = store.load(answers_path)
    assert saved.answers["fornavn"] == "Mette [/]"
    assert saved.answers["situation_nu"] == "Jeg er træt\n[b]men glad"
    assert saved.answers["har_sygefravaerssamtale"] == "ja"
    assert saved.answers["timer_uge"] == 30
    assert saved.faders["ansvar"].position == 4
    assert saved.sharing.answers == {"fornavn": "me"}
    assert saved.current_step == "review"


async def test_finish_without_a_working_sheet_module_says_so(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "mixerpult.sheet.render", None)  # import fails
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("finish")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        result = text_of(app.screen.query_one("#result"))
        assert "Arket kunne ikke laves" in result and "Dine svar er gemt" in result
        assert not app.screen.query_one("#make").disabled


async def test_finish_reports_a_failing_sheet(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = FakeSheet()

    def broken(*args: object, **kwargs: object) -> list[Path]:
        raise RuntimeError("typst [/] exploded")

    sheet.render_session = broken  # type: ignore[method-assign]
    sheet.install(monkeypatch)
    app = make_app(lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("finish")
        await pilot.pause()
        await pilot.click("#make")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "typst [/] exploded" in text_of(app.screen.query_one("#result"))


async def test_a_sheet_folder_that_is_a_file_is_told_in_danish(
    make_app: AppFactory, example_answers: Path, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "ark.pdf"
    not_a_folder.write_text("a file, not a folder")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("finish")
        await pilot.pause()
        app.screen.query_one("#folder", Input).value = str(not_a_folder)
        await pilot.click("#make")
        await app.workers.wait_for_complete()
        await pilot.pause()
        result = text_of(app.screen.query_one("#result"))
        assert "en del af stien er en fil, ikke en mappe" in result
        assert "Not a directory" not in result
    assert not_a_folder.read_text() == "a file, not a folder"
