"""The walkthrough: sections by Page Down/Up, open an item and come back, private answers
hidden (and shown again), the bank drawn large, and the sheet's own tool suggestions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.pilot import Pilot
from textual.widgets import Button, Input, TextArea

from mixerpult import store
from mixerpult.sheet.view import build_view
from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.finish import FinishScreen
from mixerpult.tui.screens.mixerpult import MixerpultScreen
from mixerpult.tui.screens.review import ReviewScreen
from mixerpult.tui.screens.step import StepScreen
from mixerpult.tui.screens.walkthrough import WalkthroughScreen
from mixerpult.tui.widgets.fader import Fader
from mixerpult.tui.widgets.hidden_answer import HiddenAnswer
from mixerpult.tui.widgets.question import QuestionField
from mixerpult.tui.widgets.walk_bank import FaderView
from mixerpult.tui.widgets.walk_section import WalkSection

from .conftest import AppFactory
from .helpers import run_command, text_of, wait_until

SECTIONS = [
    "om_dig",
    "situation",
    "aftalt",
    "mixerpult",
    "refleksion",
    "plan_tilbage",
    "spoergsmaal",
    "samtalen",
    "tools",
    "agreements",
]


def walk(app: MixerpultApp) -> WalkthroughScreen:
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen)
    return screen


async def walk_from_review(app: MixerpultApp, pilot: Pilot[Any]) -> WalkthroughScreen:
    """Open the walkthrough the way a user does: Ctrl+G on the review."""
    app.go("review")
    await pilot.pause()
    await pilot.press("ctrl+g")
    await pilot.pause()
    return walk(app)


def footer_keys(app: MixerpultApp) -> dict[str, str]:
    """The footer's descriptions by action, as shown now."""
    return {
        b.binding.action: b.binding.description
        for b in app.screen.active_bindings.values()
        if b.binding.show
    }


async def test_page_down_steps_through_the_sections(
    make_app: AppFactory, meeting_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await walk_from_review(app, pilot)
        assert [s.key for s in screen.query(WalkSection)] == SECTIONS
        assert app.focused is screen.query_one("#h-om_dig")
        assert text_of(screen.query_one("#topbar-where")) == "Afsnit 1/10"
        for number, key in enumerate(SECTIONS[1:], start=2):
            await pilot.press("pagedown")
            await pilot.pause()
            assert app.focused is screen.query_one(f"#h-{key}"), key
            assert text_of(screen.query_one("#topbar-where")) == f"Afsnit {number}/{len(SECTIONS)}"
            # The heading is at the top of the view (the last ones as far as it goes).
            body = screen.query_one("#walk-body")
            heading = screen.query_one(f"#h-{key}")
            assert heading.region.y >= body.region.y
            assert heading.region.bottom <= body.region.bottom
        await pilot.press("pagedown")  # past the end: stays on the last section
        await pilot.pause()
        assert app.focused is screen.query_one("#h-agreements")
        await pilot.press("pageup")
        await pilot.pause()
        assert app.focused is screen.query_one("#h-tools")
        await pilot.press("pageup", "pageup", "pageup", "pageup")
        await pilot.pause()
        assert app.focused is screen.query_one("#h-refleksion")
        # Down moves item by item: from a heading into its section.
        screen.show_section(0)
        await pilot.press("down")
        assert app.focused is screen.query_one("#r-fornavn")
        assert text_of(screen.query_one("#topbar-title")) == "Gennemgang · Om dig"
        # Escape leads back to where the walkthrough was opened.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_showing_private_answers_keeps_the_place(
    make_app: AppFactory, meeting_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await walk_from_review(app, pilot)
        await pilot.press(*["pagedown"] * 4)
        await pilot.pause()
        key = SECTIONS[4]
        assert app.focused is screen.query_one(f"#h-{key}")
        top = screen.query_one(f"#h-{key}").region.y  # where PageDown put the heading
        await pilot.press("p")  # show the private answers: the page is rebuilt
        await wait_until(pilot, lambda: not app.hide_private, "shown")
        await pilot.pause()
        heading = screen.query_one(f"#h-{key}")
        assert app.focused is heading
        assert heading.region.y == top, "the section is still at the top"
        assert text_of(screen.query_one("#topbar-where")) == "Afsnit 5/10"
        await pilot.press("down")
        item = app.focused
        assert item is not None and item is not heading
        await pilot.press("p")
        await wait_until(pilot, lambda: app.hide_private, "hidden")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == item.id
        body = screen.query_one("#walk-body")
        assert body.region.contains_region(app.focused.region), "the item is in view"


async def test_open_an_item_edit_it_and_return(
    make_app: AppFactory, meeting_answers: Path, answers_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go("finish")
        await pilot.pause()
        # The finish page's button (below the form at 80×24: pressed by keys).
        app.screen.query_one("#walkthrough", Button).focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = walk(app)
        assert "37 timer" in text_of(screen.query_one("#r-timer_uge"))
        screen.query_one("#r-timer_uge").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen) and app.page == "om_dig"
        assert app.focused is not None and app.focused.id == "answer-timer_uge"
        assert text_of(app.screen.query_one("#next")) == "Tilbage til gennemgangen"
        await pilot.press("ctrl+u", *"30")
        await pilot.press("ctrl+n")
        await pilot.pause()
        screen = walk(app)
        assert app.focused is screen.query_one("#r-timer_uge"), "back on the same item"
        assert "30 timer" in text_of(screen.query_one("#r-timer_uge"))
        assert store.load(answers_path).answers["timer_uge"] == 30

        # A click opens an item too; the console opens at the channel clicked in the bank.
        screen.show_section(SECTIONS.index("mixerpult"))
        await pilot.pause()
        await pilot.click("#bank-ansvar", offset=(2, 2))
        await pilot.pause()
        assert isinstance(app.screen, MixerpultScreen)
        assert app.focused is app.screen.query_one("#fader-ansvar", Fader)
        await pilot.press("up")
        await pilot.press("ctrl+n")
        await pilot.pause()
        screen = walk(app)
        assert app.focused is screen.query_one("#r-fader-ansvar")
        assert screen.query_one("#bank-ansvar").has_class("-focused")
        assert screen.query_one("#bank-ansvar FaderView", FaderView).value == 2

        # Editing and coming back keeps the walkthrough's own way back: to the finish page.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen)


async def test_the_bank_only_shows_the_faders(make_app: AppFactory, meeting_answers: Path) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        app.open_walkthrough()
        await pilot.pause()
        screen = walk(app)
        positions = {f.parent.id: f.value for f in screen.query(FaderView) if f.parent}
        assert positions == {
            "bank-timer": 2,
            "bank-fysiske_rammer": 3,
            "bank-opgaver": 2,
            "bank-ansvar": 1,
            "bank-forudsigelighed": 2,
            "bank-arbejdsintensitet": 2,
        }
        assert not any(f.can_focus for f in screen.query(FaderView))
        screen.show_section(SECTIONS.index("mixerpult"))
        await pilot.pause()
        # Zoomed (60 columns): the scale's ends are a legend, and the whole bank is in view.
        assert screen.has_class("-narrow")
        assert screen.query_one("#walk-legend").display
        body = screen.query_one("#walk-body")
        bank = screen.query_one("#walk-bank-row")
        assert body.region.contains_region(bank.region)
        fader = screen.query_one("#bank-timer FaderView", FaderView)
        await pilot.mouse_down(fader, offset=(fader.size.width // 2, 0))
        await pilot.mouse_up(fader, offset=(fader.size.width // 2, 0))
        await pilot.pause()
        assert app.s.fader("timer").position == 2, "the picture never moves a fader"


async def test_private_answers_are_hidden_until_shown(
    make_app: AppFactory, meeting_answers: Path, answers_path: Path
) -> None:
    app = make_app()
    secret = "hver anden tirsdag"
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("review")
        await pilot.pause()
        assert not app.hide_private, "alone at a terminal, private answers show"
        assert secret in text_of(app.screen.query_one("#r-behandling"))
        await pilot.press("ctrl+g")
        await pilot.pause()
        screen = walk(app)
        assert app.hide_private, "the walkthrough starts with private answers hidden"
        item = text_of(screen.query_one("#r-behandling"))
        assert secret not in item and "skjult" in item
        assert footer_keys(app)["show_private"] == "Vis alt"
        assert "hide_private" not in footer_keys(app)
        assert text_of(screen.query_one("#walk-private")) == (
            "Ser med: sagsbehandleren · »kun mig« skjult"
        )

        # Opening a hidden answer leads to its step, where it stays hidden.
        screen.query_one("#r-behandling").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.page == "refleksion"
        hidden = app.screen.query_one("#hidden-behandling", HiddenAnswer)
        assert app.focused is hidden.query_one(Button)
        assert not app.screen.query("#q-behandling")
        assert secret not in "".join(text_of(s) for s in hidden.query("Static"))
        assert app.screen.query_one("#q-netvaerk", QuestionField), "the others are there"

        # The employee shows them: the button, then the field is right there.
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert not app.hide_private
        field = app.screen.query_one("#q-behandling", QuestionField)
        assert secret in field.query_one("#answer-behandling", TextArea).text
        assert app.focused is field.query_one("#answer-behandling"), "right where it was"
        await pilot.press("ctrl+n")
        await pilot.pause()
        screen = walk(app)
        assert not app.hide_private, "coming back keeps the employee's choice"
        assert secret in text_of(screen.query_one("#r-behandling"))
        assert footer_keys(app)["hide_private"] == "Delt skærm"

        # p hides them again; the key is in the footer in the other language too.
        await pilot.press("p")
        await pilot.pause()
        await pilot.pause()
        screen = walk(app)
        assert app.hide_private
        assert secret not in text_of(screen.query_one("#r-behandling"))
        app.set_language("en")
        await pilot.pause()
        await pilot.pause()
        assert footer_keys(app)["show_private"] == "Show all"
        assert "hidden" in text_of(walk(app).query_one("#r-behandling"))
    # Hiding is about the screen only: nothing private changed in the file.
    assert store.load(answers_path).sharing.answers == {"behandling": "me"}


async def test_the_shared_screen_switches_from_the_command_palette(
    make_app: AppFactory, meeting_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("review")
        await pilot.pause()
        await run_command(pilot, "delt skærm")
        await pilot.pause()
        assert app.hide_private
        assert "skjult" in text_of(app.screen.query_one("#r-behandling"))

        await run_command(pilot, "gennemgang")
        assert isinstance(app.screen, WalkthroughScreen)


@pytest.mark.parametrize(
    ("shared_screen", "in_browser", "hidden"),
    [(None, False, False), (None, True, True), (True, False, True), (False, True, False)],
)
async def test_private_answers_start_hidden_on_a_shared_screen(
    make_app: AppFactory,
    meeting_answers: Path,
    monkeypatch: pytest.MonkeyPatch,
    shared_screen: bool | None,
    in_browser: bool,
    hidden: bool,
) -> None:
    monkeypatch.setattr(MixerpultApp, "in_browser", property(lambda self: in_browser))
    app = make_app(shared_screen=shared_screen)
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("refleksion")
        await pilot.pause()
        assert app.hide_private is hidden
        assert bool(app.screen.query("#hidden-behandling")) is hidden


async def test_the_suggested_tools_are_the_sheets(
    make_app: AppFactory, meeting_answers: Path
) -> None:
    # A private answer that leads to a suggestion: hidden, the tool must not show it.
    data = yaml.safe_load(meeting_answers.read_text(encoding="utf-8"))
    data["private"] = ["behandling", "har_fastholdelsesplan"]
    meeting_answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.open_walkthrough()
        await pilot.pause()
        screen = walk(app)
        shown = [text_of(t).split("\n")[0] for t in screen.query(".walk-tool")]
        expected = build_view(app.s, app.pack, "da").tools
        assert shown == [tool.name for tool in expected]
        assert "Fastholdelsesplan" not in shown
        first = text_of(screen.query(".walk-tool").first())
        assert "Foreslået ud fra dine svar: Timer/tid (En del skånebehov)" in first

        await pilot.press("p")
        await pilot.pause()
        await pilot.pause()
        shown = [text_of(t).split("\n")[0] for t in walk(app).query(".walk-tool")]
        assert "Fastholdelsesplan" in shown


async def test_start_in_the_walkthrough(make_app: AppFactory, meeting_answers: Path) -> None:
    app = make_app(start_in_walkthrough=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        assert app.hide_private
        await pilot.press("escape")
        await pilot.pause()
        # Nowhere to go back to: where the wizard would resume (the example was in the review).
        assert isinstance(app.screen, ReviewScreen)
        assert app.s.current_step == "review", "the walkthrough is never the page to resume on"


async def test_start_in_the_walkthrough_with_a_new_file(make_app: AppFactory) -> None:
    app = make_app(start_in_walkthrough=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = walk(app)
        assert "ikke besvaret" in text_of(screen.query_one("#r-fornavn"))
        assert "Ingen forslag" in text_of(screen.query_one("#walk-tools .review-empty"))
        await pilot.press("escape")
        await pilot.pause()
        assert app.page == "om_dig"
        assert isinstance(app.focused, Input)


@pytest.mark.parametrize(
    ("options", "walkthrough", "hidden"),
    [
        ([], False, False),
        (["--shared-screen"], False, True),
        (["--walkthrough"], True, True),
    ],
)
async def test_the_command_line_opens_the_walkthrough_for_a_meeting(
    meeting_answers: Path, options: list[str], walkthrough: bool, hidden: bool
) -> None:
    from mixerpult.cli import build_parser
    from mixerpult.tui import build_app

    args = build_parser().parse_args(["--file", str(meeting_answers), *options])
    app = build_app(args)
    assert isinstance(app, MixerpultApp)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen) is walkthrough
        assert app.hide_private is hidden


def test_the_command_line_says_why_a_pack_is_unusable(tmp_path: Path) -> None:
    from mixerpult.cli import build_parser
    from mixerpult.tui import build_app

    missing = tmp_path / "nowhere.yaml"
    args = build_parser().parse_args(["--questions", str(missing)])
    problem = build_app(args)
    assert isinstance(problem, str)
    assert str(missing) in problem
