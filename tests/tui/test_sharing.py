"""Who sees what, in the wizard: the level of a console note, the preview of each
audience's sheet (from the review, the finish page and the palette) with its levels
changed there, a shared screen's preview, and an old file's `private` told once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from textual.widgets import RadioSet

from mixerpult import store
from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.preview import PreviewScreen
from mixerpult.tui.widgets.toggles import Choice, LevelSelect

from .conftest import AppFactory
from .helpers import drawn, review_text, run_command, text_of, wait_until

SECRET = "behandlingen er hver anden tirsdag formiddag"  # in the example's "only me" answer


def _preview_text(app: MixerpultApp) -> str:
    screen = app.screen
    assert isinstance(screen, PreviewScreen)
    # A level draws itself until opened: its words are read as a Static's.
    return "\n".join(text_of(w) for w in screen.query("#pv-body Static, #pv-body LevelSelect"))


def _level(app: MixerpultApp, ident: str) -> str:
    return drawn(app.screen.query_one(f"#{ident}", LevelSelect))


async def test_a_note_has_its_own_level_that_follows_the_chosen_channel(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("mixerpult")
        await pilot.pause()
        assert _level(app, "note-level").startswith("alle på arket")
        await pilot.press("enter")  # into the note of "Timer/tid"
        await pilot.press("tab")  # … and on to its level
        assert app.focused is app.screen.query_one("#note-level")
        await pilot.press("enter", "down", "down", "enter")
        await pilot.pause()
        assert app.s.sharing.notes == {"timer": "me"}
        # Another channel shows its own level, and choosing nothing stores nothing.
        app.screen.query_one("#fader-opgaver").focus()
        await pilot.pause()
        assert _level(app, "note-level").startswith("alle på arket")
        app.screen.query_one("#fader-timer").focus()
        await pilot.pause()
        assert _level(app, "note-level").startswith("kun mig")
        assert app.s.sharing.notes == {"timer": "me"}
        review = await review_text(app, pilot)
        assert "Starte med 3 timer om dagen" in review and "[kun mig – på intet ark]" in review
    saved = yaml.safe_load(example_answers.read_text(encoding="utf-8"))
    assert saved["sharing"]["notes"] == {"timer": "me"}
    sheet = store.load(example_answers)
    from mixerpult.sheet.render import render_text
    from mixerpult.sheet.view import build_view

    text = render_text(build_view(sheet, app.pack, "da"), "txt")
    assert "Starte med 3 timer om dagen" not in text, 'an "only me" note is on no sheet'
    assert "Ingen forældresamtaler" in text


async def test_the_preview_shows_each_sheet_and_changes_a_level_there(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("review")
        await pilot.pause()
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, PreviewScreen), "previewed")
        text = _preview_text(app)
        radio = app.screen.query_one("#pv-audience", RadioSet)
        assert radio.pressed_index == 0
        assert "Kommunens ark" in text_of(radio.query("Choice").first())
        situation = app.s.answer("situation_nu")
        assert isinstance(situation, str) and situation[:30] in text
        assert SECRET not in text, 'an "only me" answer is on no sheet'
        assert "Ikke med på dette ark" in text
        health = app.pack.questions["situation_nu"]
        assert app.screen.query_one("#pv-level-situation_nu", LevelSelect).level == (
            "municipality"
        ), f"{health.id}: health starts as the municipality's"

        await pilot.press("w")  # the employer's sheet
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#pv-audience", RadioSet).pressed_index == 1
        text = _preview_text(app)
        assert situation[:30] not in text, "an answer about health is not the employer's"
        assert "kun kommunen" in text, "… but named, with its level, as left out"

        # Bring it onto the employer's sheet from here, by keyboard.
        app.screen.query_one("#pv-level-situation_nu").focus()
        await pilot.press("enter", "up", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.s.sharing.answers["situation_nu"] == "everyone"
        assert situation[:30] in _preview_text(app)
        assert app.focused is app.screen.query_one("#pv-level-situation_nu")

        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, PreviewScreen)
        item = text_of(app.screen.query_one("#r-situation_nu"))
        assert "kun kommunen" not in item, "the review is drawn anew with the new level"
    saved = yaml.safe_load(example_answers.read_text(encoding="utf-8"))
    assert saved["sharing"]["answers"]["situation_nu"] == "everyone"


async def test_the_preview_opens_from_the_finish_page_and_the_palette(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("finish")
        await pilot.pause()
        app.screen.query_one("#audience", RadioSet).query(Choice).last().value = True
        await pilot.pause()
        await pilot.click("#preview")
        await wait_until(pilot, lambda: isinstance(app.screen, PreviewScreen), "previewed")
        # The RadioSet learns which button is pressed when it is mounted, a moment
        # after the screen is on top: under load the test could look in between.
        await wait_until(
            pilot,
            lambda: app.screen.query_one("#pv-audience", RadioSet).pressed_index == 1,
            "the employer's version chosen",
        )
        assert "only what you share with everyone" in _preview_text(app)
        await pilot.click("#close")
        await pilot.pause()
        assert app.page == "finish"
        await run_command(pilot, "See the sheet")
        await wait_until(pilot, lambda: isinstance(app.screen, PreviewScreen), "previewed")


async def test_a_shared_screen_previews_only_the_watchers_sheet(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app(shared_screen=True)
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("review")
        await pilot.pause()
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, PreviewScreen), "previewed")
        assert not app.screen.query("#pv-audience"), "no other version to switch to"
        assert "Kommunens ark" in text_of(app.screen.query_one("#pv-only"))
        text = _preview_text(app)
        assert "Ikke med på dette ark" not in text and SECRET not in text
        assert not app.screen.query("#pv-level-behandling")


async def test_an_old_private_list_is_told_once_and_saved_in_the_new_form(
    make_app: AppFactory, example_answers: Path
) -> None:
    data: dict[str, Any] = yaml.safe_load(example_answers.read_text(encoding="utf-8"))
    data.pop("sharing")
    data["private"] = ["behandling", "fornavn"]
    example_answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    said: list[str] = []
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        said = [n.message for n in app._notifications]
        await wait_until(pilot, lambda: not app.dirty, "saved")
        assert app.s.is_private("fornavn")
    told = [m for m in said if "»Kun mig«" in m]
    assert told == [
        "2 svar var markeret som private. De hedder nu »Kun mig« og kommer stadig ikke med "
        "på noget ark. Ved hvert svar kan du nu også vælge »Kun kommunen«."
    ]
    saved = yaml.safe_load(example_answers.read_text(encoding="utf-8"))
    assert "private" not in saved
    assert saved["sharing"]["answers"] == {"behandling": "me", "fornavn": "me"}
    again = make_app()
    async with again.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert not [n for n in again._notifications if "»Kun mig«" in n.message]
