"""Language, themes, help, the command palette, and the words on screen."""

from __future__ import annotations

import gc
import re
import weakref
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Input, Static

from mixerpult.i18n import strings
from mixerpult.questionnaire import Questionnaire
from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.help import HelpScreen
from mixerpult.tui.screens.mixerpult import MixerpultScreen
from mixerpult.tui.themes import HIGH_CONTRAST, choose_theme
from mixerpult.tui.widgets.question import QuestionField
from mixerpult.tui.widgets.topbar import TopBar

from .conftest import AppFactory
from .helpers import run_command, text_of

TUI = Path(__file__).resolve().parents[2] / "src" / "mixerpult" / "tui"


async def test_language_switches_while_running_and_keeps_answers(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Mette")
        field = app.screen.query_one("#q-fornavn", QuestionField)
        assert text_of(field.query_one(".q-label")).startswith("Dit fornavn\n")
        app.set_language("en")
        await pilot.pause()
        field = app.screen.query_one("#q-fornavn", QuestionField)
        assert text_of(field.query_one(".q-label")).startswith("Your first name\n")
        assert field.query_one(Input).value == "Mette"
        assert app.focused is field.query_one(Input), "the focus stays where it was"
        assert text_of(app.screen.query_one("#next")) == "Next →"
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Next", "Back", "Quit", "Help"} <= descriptions
        assert app.s.language == "en"
    assert app.s.answers["fornavn"] == "Mette"


async def test_command_palette_goes_to_a_page_and_switches_language(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await run_command(pilot, "mixerp")
        assert isinstance(app.screen, MixerpultScreen)

        await run_command(pilot, "engl")
        assert app.ui_lang == "en"
        await pilot.pause()
        assert "Ordinary terms" in text_of(app.screen.query_one("#scale-words"))
        assert text_of(app.screen.query_one("#note-label")) == (
            "What exactly should change? (Hours/time)"
        )
        assert "faders set" in text_of(app.screen.query_one("#nav-status"))

        await run_command(pilot, "contr")
        assert app.theme == HIGH_CONTRAST.name


async def test_help_opens_with_f1_and_question_mark(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")  # the focus is on a button, not in a text field
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_question_mark_in_a_text_field_is_just_a_character(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Hvad?")
        assert not isinstance(app.screen, HelpScreen)
        assert app.s.answers["fornavn"] == "Hvad?"


@pytest.mark.parametrize(
    ("requested", "no_color", "expected"),
    [
        (None, False, "textual-dark"),
        (None, True, HIGH_CONTRAST.name),
        ("ansi", True, "ansi-dark"),
        ("high-contrast", False, HIGH_CONTRAST.name),
        ("default", True, "textual-dark"),
    ],
)
def test_theme_choice(requested: str | None, no_color: bool, expected: str) -> None:
    assert choose_theme(requested, no_color) == expected


def test_no_color_picks_the_high_contrast_theme(
    monkeypatch: pytest.MonkeyPatch, answers_path: Path, shipped_pack: Questionnaire
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = MixerpultApp(answers_path, shipped_pack)
    assert app.no_color
    assert app.theme == HIGH_CONTRAST.name
    assert MixerpultApp(answers_path, shipped_pack, theme="ansi").theme == "ansi-dark"


# -- the words ---------------------------------------------------------------


def _keys_used_in_code() -> set[str]:
    pattern = re.compile(r"""(?:\bt|self\.t|ui)\(\s*(?:self,\s*)?"([a-z_\-]+)\"""")
    found: set[str] = set()
    for file in TUI.rglob("*.py"):
        found.update(pattern.findall(file.read_text(encoding="utf-8")))
    return found


def test_every_ui_string_exists_in_danish_and_english() -> None:
    table = strings()
    used = _keys_used_in_code()
    assert len(used) > 60, "the scan found the strings"
    missing = sorted(k for k in used if k not in table)
    assert missing == []
    for key, entry in table.items():
        assert set(entry) >= {"da", "en"}, key
        # A text with plural forms has one per CLDR category (tests/core/test_strings.py).
        forms = [f for v in entry.values() for f in (v.values() if isinstance(v, dict) else [v])]
        assert all(isinstance(f, str) and f.strip() for f in forms), key


async def test_ctrl_c_explains_how_to_quit(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert any("Ctrl+Q" in str(n.message) for n in app._notifications)


def _saved_words(screen: Screen[Any]) -> str:
    return text_of(screen.query_one("#topbar-saved", Static))


async def test_top_bar_follows_the_save_state_also_under_a_dialog(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app(lang="en", save_delay=60)
    async with app.run_test(size=(100, 40)) as pilot:
        app.resume()
        await pilot.pause()
        page = app.screen
        assert _saved_words(page) == "Everything is saved"
        app.mark_dirty()
        await pilot.pause()
        assert _saved_words(page) == "Saving …"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        app.save_now()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is page
        assert _saved_words(page) == "Everything is saved ✓"
        app.go(app.flow.next(str(app.page)) or "review")
        await pilot.pause()
        assert _saved_words(app.screen) == "Everything is saved ✓", "a new page reads the state"


async def test_pages_left_behind_are_freed(make_app: AppFactory, example_answers: Path) -> None:
    # Each page's top bar used to watch the app's save state, which kept every
    # page alive until the state next changed.
    app = make_app(save_delay=60)
    async with app.run_test(size=(100, 40)) as pilot:
        app.go(app.flow.first)
        await pilot.pause()
        left: list[weakref.ref[TopBar]] = []
        for _ in range(3):
            left.append(weakref.ref(app.screen.query_one(TopBar)))
            app.go(app.flow.next(str(app.page)) or "review")
            await pilot.pause()
        # A page's last scheduled callbacks (focus after refresh, a field's burst being
        # carried) may hold it for a moment on a busy machine; a leak holds it for good.
        # Each screen's message loop also keeps the last message it handled until the
        # next one comes, and a message names the page that was active when it was sent
        # (`_sender`): a no-op message to every screen lets go of that.
        for _ in range(40):
            for screen in app.screen_stack:
                screen.call_later(lambda: None)
            await pilot.pause(0.05)
            gc.collect()
            if all(ref() is None for ref in left):
                break
        assert [ref() for ref in left] == [None, None, None]
