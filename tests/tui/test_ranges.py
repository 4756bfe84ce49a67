"""Good days and bad days on the console (a pack with `range: true`): both knobs by
keyboard and by mouse, the band, both ends in words, the bank holding still, the
walkthrough's picture; a pack without ranges keeps one knob."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.pilot import Pilot

from mixerpult.packs import load_pack
from mixerpult.questionnaire import Questionnaire
from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.mixerpult import MixerpultScreen
from mixerpult.tui.widgets.fader import Fader
from mixerpult.tui.widgets.walk_bank import FaderView

from .conftest import EXAMPLE_ANSWERS, SHIPPED_PACK, AppFactory
from .helpers import text_of

SIZES = [
    pytest.param((80, 24), id="80x24"),
    pytest.param((60, 20), id="60x20"),
    pytest.param((120, 40), id="120x40"),
]
CHANNELS = ["timer", "fysiske_rammer", "opgaver", "ansvar", "forudsigelighed", "arbejdsintensitet"]


@pytest.fixture(scope="session")
def range_pack(tmp_path_factory: pytest.TempPathFactory) -> Questionnaire:
    """The shipped pack with ranges turned on, and nothing else changed."""
    text = SHIPPED_PACK.read_text(encoding="utf-8")
    ranged = text.replace("\n  scale: 5\n  levels:", "\n  scale: 5\n  range: true\n  levels:", 1)
    assert ranged != text
    path = tmp_path_factory.mktemp("ranges") / "sygeopfoelgning.yaml"
    path.write_text(ranged, encoding="utf-8")
    return load_pack(path)


@pytest.fixture
def range_answers(answers_path: Path, range_pack: Questionnaire) -> Path:
    """The example answers, with a bad day of its own on two channels."""
    data = yaml.safe_load(EXAMPLE_ANSWERS.read_text(encoding="utf-8"))
    data["questionnaire"]["hash"] = range_pack.content_hash
    data["faders"]["timer"]["bad_day"] = 1
    data["faders"]["forudsigelighed"]["bad_day"] = 4
    answers_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return answers_path


async def console(app: MixerpultApp, pilot: Pilot[Any], focus: str | None = None) -> None:
    await pilot.pause()
    app.go("mixerpult", focus=focus)
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, MixerpultScreen)


def fader(app: MixerpultApp, channel_id: str) -> Fader:
    return app.screen.query_one(f"#fader-{channel_id}", Fader)


def words(app: MixerpultApp) -> str:
    return text_of(app.screen.query_one("#range-words"))


def footer_keys(app: MixerpultApp) -> set[str]:
    return {b.binding.action for b in app.screen.active_bindings.values() if b.enabled}


async def test_keyboard_both_knobs(
    make_app: AppFactory, range_pack: Questionnaire, range_answers: Path
) -> None:
    app = make_app(range_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await console(app, pilot, focus="opgaver")
        opgaver = fader(app, "opgaver")
        assert (opgaver.value, opgaver.bad) == (2, None)
        assert words(app) == "En del skånebehov på gode og dårlige dage · b: en dårlig dag for sig"
        assert "bad_day" in footer_keys(app) and "good_day" not in footer_keys(app)
        await pilot.press("b")
        assert opgaver.moving_bad
        assert "good_day" in footer_keys(app) and "bad_day" not in footer_keys(app)
        assert words(app) == "God dag: En del skånebehov · ▸ dårlig dag: En del skånebehov"
        await pilot.press("down")
        await pilot.pause()
        assert (opgaver.value, opgaver.bad) == (2, 1)
        setting = app.s.fader("opgaver")
        assert (setting.position, setting.bad_day) == (2, 1)
        assert words(app) == "God dag: En del skånebehov · ▸ dårlig dag: Stort skånebehov"
        # Back to the good day's knob: the arrows move it, the bad day stays.
        await pilot.press("b", "up", "up")
        await pilot.pause()
        assert not opgaver.moving_bad
        assert (app.s.fader("opgaver").position, app.s.fader("opgaver").bad_day) == (4, 1)
        assert words(app) == "▸ God dag: Lidt skånebehov · dårlig dag: Stort skånebehov"
        # On the bad day's knob, Delete joins the two ends again; on the good day's it
        # unsets the fader (both ends), as before.
        await pilot.press("b", "delete")
        await pilot.pause()
        assert (opgaver.value, opgaver.bad, opgaver.moving_bad) == (4, None, False)
        assert app.s.fader("opgaver").bad_day is None
        await pilot.press("b", "down", "b", "delete")
        await pilot.pause()
        assert (app.s.fader("opgaver").position, app.s.fader("opgaver").bad_day) == (None, None)
        assert words(app) == "Ikke stillet"
        shown = {b.binding.action: b.enabled for b in app.screen.active_bindings.values()}
        assert shown.get("bad_day") is False, "shown, greyed: a fader not set has one knob"
        await pilot.press("b")  # a fader not set has one knob: nothing to switch to
        assert not opgaver.moving_bad


async def test_a_bad_day_like_the_good_day_is_saved_as_one_position(
    make_app: AppFactory, range_pack: Questionnaire, range_answers: Path
) -> None:
    app = make_app(range_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await console(app, pilot, focus="timer")
        assert (fader(app, "timer").value, fader(app, "timer").bad) == (2, 1)
        await pilot.press("b", "up")
        await pilot.pause()
        assert app.s.fader("timer").bad_day is None, "on the good day's position: one position"
        await pilot.press("up")
        await pilot.pause()
        assert app.s.fader("timer").bad_day == 3


async def test_mouse_moves_the_nearer_knob(
    make_app: AppFactory, range_pack: Questionnaire, range_answers: Path
) -> None:
    app = make_app(range_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await console(app, pilot, focus="timer")
        timer = fader(app, "timer")
        rows = timer.rows()
        middle = timer.size.width // 2
        # Position 1 (the bad day) is nearer to the click on position 1's row …
        await pilot.click(timer, offset=(middle, rows[1]))
        await pilot.pause()
        assert timer.moving_bad and (timer.value, timer.bad) == (2, 1)
        # … a click on position 4 is nearer to the good day (2) than to the bad (1).
        await pilot.click(timer, offset=(middle, rows[4]))
        await pilot.pause()
        assert not timer.moving_bad and (timer.value, timer.bad) == (4, 1)
        assert (app.s.fader("timer").position, app.s.fader("timer").bad_day) == (4, 1)
        # A drag moves the knob it started on, past the other one too.
        await pilot.mouse_down(timer, offset=(middle, rows[1]))
        await pilot.hover(timer, offset=(middle, rows[5]))
        await pilot.mouse_up(timer, offset=(middle, rows[5]))
        await pilot.pause()
        assert (app.s.fader("timer").position, app.s.fader("timer").bad_day) == (4, 5)


@pytest.mark.parametrize("size", SIZES)
async def test_the_band_is_drawn_and_the_bank_holds_still(
    make_app: AppFactory, range_pack: Questionnaire, range_answers: Path, size: tuple[int, int]
) -> None:
    app = make_app(range_pack)
    async with app.run_test(size=size) as pilot:
        await console(app, pilot, focus="timer")
        timer = fader(app, "timer")
        kinds = timer._row_kinds(timer.content_size.height)
        rows = timer.rows()
        assert kinds[rows[2]] == "knob" and kinds[rows[1]] == "bad"
        assert all(kinds[r] in "║╫" for r in range(rows[2] + 1, rows[1]))
        drawn = "".join(s.text for s in timer.render_line(rows[1]))
        assert "▒" in drawn, "the bad day's knob has a shape of its own"
        bank = app.screen.query_one("#bank").region
        line = app.screen.query_one("#range-words").region
        seen = set()
        for channel_id in CHANNELS:
            assert app.focused is fader(app, channel_id)
            await pilot.press("b", "up", "b")
            await pilot.pause()
            seen.add(
                (app.screen.query_one("#bank").region, app.screen.query_one("#range-words").region)
            )
            await pilot.press("right")
            await pilot.pause()
        assert seen == {(bank, line)}


async def test_the_walkthrough_draws_the_band(
    make_app: AppFactory, range_pack: Questionnaire, range_answers: Path
) -> None:
    app = make_app(range_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.go("walkthrough")
        await pilot.pause()
        await pilot.pause()
        view = app.screen.query_one("#bank-timer FaderView", FaderView)
        assert (view.value, view.bad) == (2, 1)
        one = app.screen.query_one("#bank-ansvar FaderView", FaderView)
        assert (one.value, one.bad) == (1, None)


async def test_a_pack_without_ranges_keeps_one_knob(
    make_app: AppFactory, example_answers: Path, answers_path: Path
) -> None:
    data = yaml.safe_load(answers_path.read_text(encoding="utf-8"))
    data["faders"]["timer"]["bad_day"] = 1  # a hand edit, or a pack that had ranges
    answers_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await console(app, pilot, focus="timer")
        assert not app.screen.query("#range-words")
        assert not app.screen.query_one("#bank").has_class("-range")
        timer = fader(app, "timer")
        assert (timer.value, timer.bad) == (2, None)
        assert "bad_day" not in footer_keys(app)
        await pilot.press("b", "down")
        await pilot.pause()
        assert (timer.value, timer.moving_bad) == (1, False)
        assert app.s.fader("timer").bad_day == 1, "kept in the file, untouched"


Snap = Any


def _go_console(focus: str, keys: tuple[str, ...] = ()) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, MixerpultApp)
        await console(app, pilot, focus=focus)
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(
    "size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
)
class TestRangeSnapshots:
    def test_console_with_ranges(
        self,
        snap_compare: Snap,
        make_app: AppFactory,
        range_pack: Questionnaire,
        range_answers: Path,
        size: Any,
        lang: str,
    ) -> None:
        """The bad day's knob moving, on a channel with a band."""
        app = make_app(range_pack, lang=lang)
        assert snap_compare(app, terminal_size=size, run_before=_go_console("timer", ("b",)))

    def test_console_one_position(
        self,
        snap_compare: Snap,
        make_app: AppFactory,
        range_pack: Questionnaire,
        range_answers: Path,
        size: Any,
        lang: str,
    ) -> None:
        """A channel alike on both days: the line says how to give it a bad day."""
        app = make_app(range_pack, lang=lang)
        assert snap_compare(app, terminal_size=size, run_before=_go_console("opgaver"))


async def test_the_review_draws_both_ends(
    make_app: AppFactory, range_pack: Questionnaire, range_answers: Path
) -> None:
    app = make_app(range_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.go("review")
        await pilot.pause()
        await pilot.pause()
        text = text_of(app.screen.query_one("#r-fader-timer"))
        assert "●●○○○" in text
        assert "God dag: En del skånebehov, dårlig dag: Stort skånebehov" in text
