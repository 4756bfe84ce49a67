"""The next step's page is built while the user reads this one, and shown as built at "next".

A page built ahead (`tui.ahead`) must show exactly what a page built at "next"
would: the same widgets, the questions an answer on the page before shows, and
nothing stale. What it was built from changed, it is not used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widget import Widget

from mixerpult import store
from mixerpult.packs import load_pack
from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.step import StepScreen
from mixerpult.tui.widgets.footer import KeyFooter
from mixerpult.tui.widgets.question import QuestionField

from .conftest import AppFactory
from .helpers import wait_until

CROSS_STEP_PACK = """\
format: 1
id: ahead
version: "1"
languages: [da, en]
title: {da: "Forud", en: "Ahead"}
steps:
  - id: foer
    title: {da: "Før", en: "Before"}
    questions:
      - id: ja_nej
        type: yes_no
        label: {da: "Ja eller nej?", en: "Yes or no?"}
  - id: efter
    title: {da: "Efter", en: "After"}
    questions:
      - id: altid
        type: text
        label: {da: "Altid", en: "Always"}
      - id: hvis_ja
        type: text
        visible_if: {answer: ja_nej, equals: true}
        label: {da: "Hvis ja", en: "If yes"}
"""


async def _built_ahead(pilot: Any, app: MixerpultApp, page: str) -> StepScreen:
    await wait_until(pilot, lambda: app.ahead.ready, f"the page {page} built ahead")
    ahead = app.ahead.screen
    assert ahead is not None and ahead.page == page
    return ahead


def _cross_step_app(make_app: AppFactory, tmp_path: Path) -> MixerpultApp:
    """A wizard on a pack whose second step shows a question for an answer of the first."""
    pack_file = tmp_path / "ahead.yaml"
    pack_file.write_text(CROSS_STEP_PACK, encoding="utf-8")
    return make_app(load_pack(pack_file))


def _field(screen: Screen[Any], question: str) -> QuestionField:
    return next(f for f in screen.query(QuestionField) if f.question.id == question)


async def test_next_paints_the_page_built_ahead_without_building_it_again(
    make_app: AppFactory, example_answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("om_dig")
        await pilot.pause()
        ahead = await _built_ahead(pilot, app, "situation")
        assert ahead not in app.screen_stack, "built off screen"
        assert ahead.size == app.size, "laid out at the terminal's size"
        done: list[tuple[str, object]] = []

        def spy(name: str, original: Any) -> Any:
            def call(*args: Any, **kwargs: Any) -> Any:
                node = args[0] if args else None
                result = original(*args, **kwargs)
                ours = node is ahead or ahead in getattr(node, "ancestors", ())
                if ours and (name != "size" or result):  # a size that changed
                    done.append((name, node))
                return result

            return call

        # Between "next" and the first paint: no widget of it made, styled or sized anew
        # (the page left behind is styled as it loses the focus, and taken down).
        monkeypatch.setattr(StepScreen, "compose", spy("compose", StepScreen.compose))
        monkeypatch.setattr(app.stylesheet, "apply", spy("style", app.stylesheet.apply))
        monkeypatch.setattr(Widget, "_size_updated", spy("size", Widget._size_updated))
        at_first_paint: list[list[tuple[str, object]]] = []
        paint = app._display

        def display(screen: Screen[Any], renderable: Any) -> None:
            paint(screen, renderable)
            if screen is ahead and renderable is not None and not at_first_paint:
                at_first_paint.append(list(done))

        app._display = display  # type: ignore[method-assign]
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: bool(at_first_paint), "the page painted")
        assert app.screen is ahead
        assert not at_first_paint[0], at_first_paint[0]
        assert ahead.focused is not None and ahead.focused.has_focus
        # And the page after it is built in turn.
        following = await _built_ahead(pilot, app, "aftalt")
        assert following is not ahead


async def _screenshot(app: MixerpultApp, ahead: bool) -> str:
    if not ahead:
        app.build_ahead = lambda: None  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        app.go("situation")
        await pilot.pause()
        if ahead:
            await _built_ahead(pilot, app, "aftalt")
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: app.page == "aftalt", "on the next page")
        await pilot.pause()
        assert (app.screen is not None) and isinstance(app.screen, StepScreen)
        return app.export_screenshot()


async def test_a_page_built_ahead_draws_as_one_built_at_next(
    make_app: AppFactory, example_answers: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.yaml"
    other.write_bytes(example_answers.read_bytes())
    built_at_next = await _screenshot(make_app(path=other), ahead=False)
    built_ahead = await _screenshot(make_app(), ahead=True)
    assert built_ahead == built_at_next


async def test_an_answer_on_the_page_before_shows_its_question_on_the_page_built_ahead(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = _cross_step_app(make_app, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("foer")
        await pilot.pause()
        ahead = await _built_ahead(pilot, app, "efter")
        assert not _field(ahead, "hvis_ja").display, "built before the answer"
        before = app.screen
        assert isinstance(before, StepScreen)
        await pilot.press("space")  # "Ja", the first of the two
        await wait_until(pilot, lambda: app.s.answer("ja_nej") is True, "answered")
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: app.page == "efter", "on the next page")
        await pilot.pause()
        assert app.screen is ahead, "the answer is not one of its own: it is still used"
        assert _field(ahead, "hvis_ja").display
        assert "0 af 2" in str(ahead.query_one("#nav-status").render())


async def test_a_page_whose_answers_changed_since_is_built_anew(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("situation")
        await pilot.pause()
        ahead = await _built_ahead(pilot, app, "aftalt")
        # However it came to change (this is what the page's handler stores).
        app.s.set_answer("allerede_talt_om", "Et nyt svar")
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: app.page == "aftalt", "on the next page")
        await pilot.pause()
        assert app.screen is not ahead
        assert _field(app.screen, "allerede_talt_om").value == "Et nyt svar"
        await wait_until(pilot, lambda: not ahead.is_attached, "the old one taken down")


async def test_a_page_built_ahead_in_another_language_is_built_anew(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("situation")
        await pilot.pause()
        ahead = await _built_ahead(pilot, app, "aftalt")
        app.set_language("en")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: app.page == "aftalt", "on the next page")
        await pilot.pause()
        assert app.screen is not ahead
        assert "Page 3 of" in str(app.screen.query_one("#topbar-where").render())


async def test_a_page_opened_to_edit_a_question_is_built_for_it(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("situation")
        await pilot.pause()
        ahead = await _built_ahead(pilot, app, "aftalt")
        app.go("aftalt", focus="har_mulighedserklaering", return_to="review")
        await wait_until(pilot, lambda: app.page == "aftalt", "on the page")
        await pilot.pause()
        assert app.screen is not ahead
        focused = app.screen.focused
        assert focused is not None
        assert _field(app.screen, "har_mulighedserklaering") in focused.ancestors_with_self
        await wait_until(pilot, lambda: not ahead.is_attached, "the one built ahead let go")
        assert app.ahead.screen is None, "nothing is built ahead of a page opened to edit"


async def test_a_page_built_ahead_is_shown_at_the_size_the_terminal_has_now(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("om_dig")
        await pilot.pause()
        ahead = await _built_ahead(pilot, app, "situation")
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert app.ahead.screen is ahead, "its widgets do not depend on the size"
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: app.page == "situation", "on the next page")
        await pilot.pause()
        assert app.screen is ahead
        assert ahead.size == (60, 20)
        footer = ahead.query_one(KeyFooter)
        assert footer.compact, "the footer drops its spacing below 100 columns"


@pytest.mark.parametrize("pause", [0.0, 0.1, 0.2, 0.4])
async def test_going_back_and_forth_at_any_pace_shows_each_step_whole(
    make_app: AppFactory, example_answers: Path, pause: float
) -> None:
    """Pages left before, while and after the next one is built ahead: every page shown
    is the step it says, with its own questions, and no answer changes."""
    app = make_app()
    before = store.load(example_answers)
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("om_dig")
        await pilot.pause()
        # om_dig → situation → aftalt → situation → aftalt → situation → aftalt
        for key in ["ctrl+f", "ctrl+f", "escape", "ctrl+f", "escape", "ctrl+f"]:
            await pilot.press(key)
            await pilot.pause(pause)
        await wait_until(pilot, lambda: app.page == "aftalt", "on the third page")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, StepScreen) and screen.step.id == "aftalt"
        shown = [f.question.id for f in screen.query(QuestionField)]
        assert shown == [q.id for q in app.pack.step("aftalt").questions]
        assert screen.focused is not None
        assert app.ahead.screen is None, "the page after it is the console, not a step"
    assert store.load(example_answers).answers == before.answers


async def test_a_page_left_before_it_settles_has_nothing_built_for_it(
    make_app: AppFactory, example_answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Going through the pages quickly (Ctrl+F held down), a page is built ahead only for
    the page still shown when its time comes, not for one already left."""
    monkeypatch.setattr("mixerpult.tui.app.SETTLE", 60.0)  # the timers wait; fired below
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("refleksion")
        await pilot.pause()
        left = app.screen
        app.go("plan_tilbage")
        await pilot.pause()
        app._build_ahead(left)  # the time of the page left comes
        assert app.ahead.screen is None
        app._build_ahead(app.screen)  # that of the page shown
        await _built_ahead(pilot, app, "spoergsmaal")


async def test_next_pressed_as_the_page_began_to_be_built_shows_that_page(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = _cross_step_app(make_app, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("foer")
        await pilot.pause()
        app.s.set_answer("ja_nej", True)
        app.ahead.build("efter")
        building = app.ahead.screen
        app.go("efter")  # before it is composed, let alone mounted
        await wait_until(pilot, lambda: app.page == "efter", "on the next page")
        await pilot.pause()
        assert app.screen is building, "not built a second time"
        assert _field(building, "hvis_ja").display
        assert "0 af 2" in str(building.query_one("#nav-status").render())
        assert building.focused is not None
