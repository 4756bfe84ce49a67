"""The console holds still: the bank keeps its height and its scale whatever channel is
chosen, the wheel scrolls the page and never moves a fader, Tab leaves and re-enters the
bank at the chosen channel, and the console's own explanation can always be read."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.mixerpult import MixerpultScreen
from mixerpult.tui.widgets.fader import Fader

from .conftest import AppFactory
from .helpers import text_of

SIZES = [
    pytest.param((80, 24), id="80x24"),
    pytest.param((60, 20), id="60x20"),  # a browser tab with a large font
    pytest.param((120, 40), id="120x40"),
]
CHANNELS = ["timer", "fysiske_rammer", "opgaver", "ansvar", "forudsigelighed", "arbejdsintensitet"]


async def console(app: MixerpultApp, pilot: Pilot[Any], focus: str | None = None) -> None:
    app.go("mixerpult", focus=focus)
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, MixerpultScreen)


def fader(app: MixerpultApp, channel_id: str) -> Fader:
    return app.screen.query_one(f"#fader-{channel_id}", Fader)


def knob_width(widget: Fader) -> int:
    assert widget.value is not None
    row = widget.rows()[widget.value]
    drawn = "".join(segment.text for segment in widget.render_line(row))
    return sum(drawn.count(c) for c in "▀█")


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("size", SIZES)
async def test_the_bank_keeps_its_height_and_scale_on_every_channel(
    make_app: AppFactory, example_answers: Path, size: tuple[int, int], lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await console(app, pilot)
        seen = set()
        for channel_id in CHANNELS:
            assert app.focused is fader(app, channel_id)
            bank = app.screen.query_one("#bank")
            rows = fader(app, channel_id).rows()
            seen.add((bank.region, tuple(rows.values())))
            await pilot.press("right")
            await pilot.pause()
        assert len(seen) == 1, f"the bank moved or changed its scale: {seen}"
        ((_, positions),) = seen
        assert len({b - a for a, b in pairwise(positions)}) == 1, f"uneven scale: {positions}"
        widths = {channel_id: knob_width(fader(app, channel_id)) for channel_id in CHANNELS}
        assert len(set(widths.values())) == 1, widths


@pytest.mark.parametrize("width", [63, 65, 67, 76, 79, 86, 100])
async def test_knobs_are_the_same_width_at_every_width(
    make_app: AppFactory, example_answers: Path, width: int
) -> None:
    app = make_app()
    async with app.run_test(size=(width, 30)) as pilot:
        await console(app, pilot)
        widths = {channel_id: knob_width(fader(app, channel_id)) for channel_id in CHANNELS}
        assert len(set(widths.values())) == 1, widths


@pytest.mark.parametrize("size", SIZES)
async def test_a_click_lands_where_the_knob_is_then_drawn(
    make_app: AppFactory, example_answers: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await console(app, pilot, focus="timer")
        for channel_id in ("fysiske_rammer", "ansvar", "timer"):
            target = fader(app, channel_id)
            row = target.rows()[2]
            screen_row = target.region.y + row
            await pilot.click(target, offset=(target.size.width // 2, row))
            await pilot.pause()
            assert target.value == 2
            assert target.region.y + target.rows()[2] == screen_row, channel_id


async def test_the_wheel_scrolls_the_page_and_never_moves_a_fader(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await console(app, pilot, focus="opgaver")
        before = {channel_id: fader(app, channel_id).value for channel_id in CHANNELS}
        page = app.screen.query_one("#mixer")
        assert page.max_scroll_y > 0, "at 60×20 the page scrolls"
        for channel_id, event in [
            ("opgaver", events.MouseScrollDown),
            ("timer", events.MouseScrollUp),
            ("ansvar", events.MouseScrollDown),
        ]:
            target = fader(app, channel_id)
            landed = await pilot._post_mouse_events([event], target, offset=(2, 2))
            assert landed, channel_id
            await pilot.pause()
            after = {channel_id: fader(app, channel_id).value for channel_id in CHANNELS}
            assert after == before, f"{event.__name__} over {channel_id}"
        assert page.scroll_y > 0, "the wheel over a fader scrolls the page"


@pytest.mark.parametrize("size", SIZES)
async def test_tab_leaves_and_reenters_the_bank_at_the_chosen_channel(
    make_app: AppFactory, example_answers: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await console(app, pilot, focus="timer")
        await pilot.press("right", "right")
        assert app.focused is fader(app, "opgaver")
        await pilot.press("tab")
        assert isinstance(app.focused, Input) and app.focused.id == "note-opgaver"
        await pilot.press("shift+tab")
        assert app.focused is fader(app, "opgaver")
        await pilot.press("shift+tab")
        assert not isinstance(app.focused, Fader), "Shift+Tab leaves the bank"
        await pilot.press("tab")
        assert app.focused is fader(app, "opgaver")
        # Round the page: Tab through the buttons comes back to the chosen channel too.
        for _ in range(len(app.screen.focus_chain)):
            await pilot.press("tab")
        assert app.focused is fader(app, "opgaver")
        await pilot.press("left")
        assert app.focused is fader(app, "fysiske_rammer"), "←/→ still choose the channel"


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_console_explains_itself_on_a_key_when_there_is_no_room(
    make_app: AppFactory, example_answers: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await console(app, pilot, focus="ansvar")
        assert not app.screen.query_one("#mixer-help").display
        if size[0] >= 80:
            # At 60 columns the footer keeps the keys that fit (Help first); F1 lists
            # this one, and it works all the same.
            offered = app.active_bindings.get("i")
            assert offered is not None and offered.binding.show and offered.enabled, "in footer"
        await pilot.press("i")
        await pilot.pause()
        shown = "\n".join(text_of(w) for w in app.screen.query(".dialog-body"))
        assert shown.startswith("Tænk på dit arbejde, som det var før sygemeldingen.")
        assert "helt oppe, hvis du kan klare det som før (alm. vilkår)" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MixerpultScreen)
        assert app.focused is fader(app, "ansvar")
        await pilot.press("enter", "i")  # in a note, "i" is a letter
        await pilot.pause()
        assert isinstance(app.screen, MixerpultScreen)
        assert isinstance(app.focused, Input) and app.focused.value.endswith("i")
        offered = app.active_bindings.get("i")
        assert offered is None or not offered.enabled


async def test_with_room_the_explanation_is_on_the_page_and_no_key_is_offered(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await console(app, pilot)
        assert app.screen.query_one("#mixer-help").display
        offered = app.active_bindings.get("i")
        assert offered is None or not (offered.binding.show and offered.enabled)
