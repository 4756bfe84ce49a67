"""Keys: the footer and the help show keys that reach the wizard where it runs, written
as people read them, and never cut off; one way back from an item opened to edit.

Which keys a browser or a terminal keeps for itself cannot be seen from a test
(headless Chromium hands even Ctrl+N to the page), so what they keep is written
down here, with the reason; tests/web/test_keys_browser.py checks in a real
browser that the keys the footer shows do arrive.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.help import HelpScreen
from mixerpult.tui.widgets import footer as footer_widget
from mixerpult.tui.widgets.footer import KeyLine, ShownKey
from mixerpult.tui.widgets.review_item import ReviewItem

from .conftest import AppFactory
from .helpers import FakeSheet, text_of, wait_until

BROWSERS_KEEP = {
    # Chromium's reserved shortcuts: a page never sees them.
    "ctrl+n": "new window",
    "ctrl+t": "new tab",
    "ctrl+w": "close tab",
    "ctrl+tab": "next tab",
    "ctrl+shift+tab": "previous tab",
    "ctrl+pageup": "previous tab",
    "ctrl+pagedown": "next tab",
    "ctrl+shift+n": "private window",
    "ctrl+shift+t": "reopen tab",
    "ctrl+shift+w": "close window",
    "ctrl+shift+q": "quit Chromium",
    # Firefox on Linux quits on Ctrl+Q, whatever the page does.
    "ctrl+q": "quit Firefox",
    "f5": "reload",
    "f6": "address bar",
    "f7": "caret browsing",
    "f10": "menu bar",
    "f11": "full screen",
    "f12": "developer tools",
    # Firefox's menus (Alt+letter), Chromium's menu and address bar.
    **{f"alt+{letter}": "a browser menu" for letter in "fevsbthd"},
    "alt+left": "history back",
    "alt+right": "history forward",
}
"""Keys a browser keeps for itself (Chromium and Firefox, Linux and Windows)."""

TERMINALS_KEEP = {
    "ctrl+b": "tmux's prefix",
    "ctrl+a": "GNU screen's prefix",
    "f10": "GNOME Terminal's menu",
    "f11": "full screen (GNOME Terminal, xterm)",
    "ctrl+left": "macOS: Mission Control",
    "ctrl+right": "macOS: Mission Control",
    "ctrl+up": "macOS: Mission Control",
    "ctrl+down": "macOS: Mission Control",
    **{f"alt+{letter}": "macOS Terminal types a letter" for letter in "abcdefghijklmnopqrstuvwxyz"},
}
"""Keys a common terminal (tmux, xterm, GNOME Terminal, macOS Terminal) keeps.
(F1 is GNOME Terminal's help: the footer shows "?" beside it.)"""

SIZES = [(80, 24), (60, 20)]

Visit = Callable[[MixerpultApp, Pilot[Any]], Awaitable[None]]


def go(page: str, **kwargs: Any) -> Visit:
    async def visit(app: MixerpultApp, pilot: Pilot[Any]) -> None:
        app.go(page, **kwargs)
        await pilot.pause()

    return visit


async def welcome(app: MixerpultApp, pilot: Pilot[Any]) -> None:
    await pilot.pause()


async def note_focused(app: MixerpultApp, pilot: Pilot[Any]) -> None:
    app.go("mixerpult")
    await pilot.pause()
    await pilot.press("enter")


async def from_review(app: MixerpultApp, pilot: Pilot[Any]) -> None:
    app.go("review")
    await pilot.pause()
    app.go("om_dig", return_to="review")


async def tools_section(app: MixerpultApp, pilot: Pilot[Any]) -> None:
    app.go("walkthrough")
    await pilot.pause()
    for _ in range(7):  # the last but one section: the tools, the longest title
        await pilot.press("pagedown")


PAGES: dict[str, Visit] = {
    "welcome": welcome,
    "step": go("om_dig"),
    "mixerpult": go("mixerpult"),
    "mixerpult-note": note_focused,
    "review": go("review"),
    "finish": go("finish"),
    "walkthrough": go("walkthrough"),
    "walkthrough-tools": tools_section,
    "agreements": go("agreements"),
    "step-from-review": from_review,
}


def in_browser(monkeypatch: pytest.MonkeyPatch, web: bool) -> None:
    monkeypatch.setattr(MixerpultApp, "in_browser", property(lambda self: web))


def footer_keys(app: MixerpultApp) -> list[ShownKey]:
    return footer_widget.footer_keys(app.screen)


def rows(app: MixerpultApp) -> list[str]:
    """The screen's rows as the terminal would show them."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def settle(app: MixerpultApp, pilot: Pilot[Any]) -> None:
    """Let the footer catch up with the focus (it is rebuilt after a refresh)."""
    for _ in range(3):
        await pilot.pause()
    await wait_until(pilot, lambda: bool(footer_keys(app)), "a footer")
    await pilot.pause()


# -- which keys ---------------------------------------------------------------------


@pytest.mark.parametrize("web", [False, True], ids=["terminal", "browser"])
@pytest.mark.parametrize("page", list(PAGES))
async def test_the_footer_shows_only_keys_that_arrive(
    make_app: AppFactory,
    example_answers: Path,
    monkeypatch: pytest.MonkeyPatch,
    page: str,
    web: bool,
) -> None:
    in_browser(monkeypatch, web)
    keeps = BROWSERS_KEEP if web else TERMINALS_KEEP
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await PAGES[page](app, pilot)
        await settle(app, pilot)
        shown = {key.key: key.description for key in footer_keys(app)}
        kept = {key: f"{shown[key]}: {keeps[key]}" for key in shown if key in keeps}
        assert not kept, f"the footer shows keys that never reach the wizard: {kept}"
        if web:
            assert "ctrl+q" not in shown


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_keys_are_written_as_people_read_them(
    make_app: AppFactory, example_answers: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        for page, visit_page in PAGES.items():
            await visit_page(app, pilot)
            await settle(app, pilot)
            for key in footer_keys(app):
                shown = key.key_display
                assert "^" not in shown and "⏎" not in shown, (page, shown)
                assert shown[:1].isupper() or shown in ("?", "a", "p", "v", "w"), (page, shown)
                if key.key.startswith("ctrl+"):
                    assert shown.startswith("Ctrl+"), (page, shown)
        assert app.get_key_display_for("escape") == "Esc"
        assert app.get_key_display_for("pagedown") == "PgDn"
        assert app.get_key_display_for("ctrl+f") == "Ctrl+F"


async def test_the_shown_keys_do_what_they_say(
    make_app: AppFactory, example_answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = FakeSheet()
    sheet.install(monkeypatch)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go("om_dig")
        await pilot.pause()
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: app.page == "situation", "on the next page")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.page == "om_dig", "back")
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: app.page == "review", "on the review")
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: app.page == "finish", "on the finish")
        await pilot.press("ctrl+f")
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: bool(sheet.calls), "the sheet made")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.page == "review", "back on the review")


async def test_a_click_on_a_footer_key_does_what_the_key_does(
    make_app: AppFactory, example_answers: Path
) -> None:
    """The footer's keys are one line drawn by one widget: a click finds the key under
    the pointer, which is lit while the pointer is over it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go("om_dig")
        await settle(app, pilot)
        line = app.screen.query_one(KeyLine)
        footer = rows(app)[-1]
        x = footer.index("Ctrl+O Oversigt") + 3
        unlit = line.render()
        await pilot.hover(line, offset=(x, 0))
        lit = line.render()
        assert isinstance(lit, Text) and isinstance(unlit, Text)
        (extra,) = set(lit.spans) - set(unlit.spans)
        assert lit.plain[extra.start : extra.end] == "Ctrl+O Oversigt", "lit under the pointer"
        await pilot.click(line, offset=(footer.index("Ctrl+F Næste"), 0))
        await wait_until(pilot, lambda: app.page == "situation", "on the next page")
        await settle(app, pilot)
        footer = rows(app)[-1]
        await pilot.click(KeyLine, offset=(x, 0))
        await wait_until(pilot, lambda: app.page == "review", "on the review")
        await pilot.click(KeyLine, offset=(79 - 10, 0))  # past the last key: nothing
        await pilot.pause()
        assert app.page == "review"


async def test_escape_in_a_note_goes_to_the_fader_first(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await note_focused(app, pilot)
        await settle(app, pilot)
        assert isinstance(app.focused, Input)
        shown = [key.description for key in footer_keys(app) if key.key == "escape"]
        assert shown == ["Til skyderen"], "one Esc in the footer, saying what it does"
        await pilot.press("escape")
        await pilot.pause()
        assert app.page == "mixerpult" and not isinstance(app.focused, Input)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.page == "aftalt", "on the page before")


@pytest.mark.parametrize("web", [False, True], ids=["terminal", "browser"])
@pytest.mark.parametrize("lang", ["da", "en"])
async def test_the_help_lists_the_keys_of_where_it_runs(
    make_app: AppFactory,
    example_answers: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    web: bool,
) -> None:
    in_browser(monkeypatch, web)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        app.go("om_dig")
        await pilot.pause()
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "help open")
        grid = app.screen.query_one("#help-keys")
        plain = " ".join(text_of(cell) for cell in grid.query(Static))
        for key in ("Ctrl+F", "Esc", "Ctrl+O", "Ctrl+G", "Ctrl+P", "Ctrl+S", "F1"):
            assert key in plain, key
        for key in ("Ctrl+N", "Ctrl+B", "^"):
            assert key not in plain, key
        assert ("Ctrl+Q" in plain) is not web


# -- nothing cut -------------------------------------------------------------------


@pytest.mark.parametrize("web", [False, True], ids=["terminal", "browser"])
@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_nothing_in_the_footer_or_the_top_bar_is_cut(
    make_app: AppFactory,
    example_answers: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    lang: str,
    web: bool,
) -> None:
    in_browser(monkeypatch, web)
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        for page, visit_page in PAGES.items():
            await visit_page(app, pilot)
            await settle(app, pilot)
            screen_rows = rows(app)
            footer = screen_rows[-1]
            keys = footer_keys(app)
            assert any(key.action.endswith("help") for key in keys), (page, footer)
            for key in keys:
                words = f"{key.key_display} {key.description}"
                assert words in footer, f"{page}: {words!r} cut in {footer!r}"
            leftover = footer
            for key in keys:
                leftover = leftover.replace(f"{key.key_display} {key.description}", "")
            assert not leftover.replace("▏", "").strip(), f"{page}: stray {leftover!r}"
            title = app.screen.query_one("#topbar-title")
            title_text = str(getattr(title.render(), "plain", ""))
            box = title.region
            bar = " ".join(row[box.x : box.right] for row in screen_rows[box.y : box.bottom])
            assert " ".join(title_text.split()) in " ".join(bar.split()), (page, bar)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
async def test_the_help_table_keeps_its_columns(
    make_app: AppFactory, example_answers: Path, lang: str, size: tuple[int, int]
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "help open")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        keys = [keys for keys, _ in screen.key_rows()]
        table = screen.query_one("#help-keys")
        scroll = screen.query_one("#help-text", VerticalScroll)
        column = 0
        lines: list[str] = []
        for _ in range(20):  # page through the help, reading what is in view each time
            box = table.region.intersection(scroll.region)
            shown = [row[box.x : box.right].rstrip() for row in rows(app)[box.y : box.bottom]]
            if not column:
                first = shown[0]
                assert first.strip().startswith(keys[0]), shown
                indent = len(first) - len(first.lstrip())
                after = first[indent + len(keys[0]) :]
                column = indent + len(keys[0]) + len(after) - len(after.lstrip())
            lines += [line for line in shown if line.strip()]
            if box.bottom >= table.region.bottom or scroll.scroll_y >= scroll.max_scroll_y:
                break
            scroll.scroll_to(y=scroll.scroll_y + box.height, animate=False, immediate=True)
            await pilot.pause()
        else:
            raise AssertionError(f"never reached the end of the help: {lines}")
        # Every line is a key and the start of its words, or words going on under the
        # words: never words that wrapped back under the keys.
        for line in lines:
            head = line[:column].strip()
            assert head == "" or head in keys, f"{line!r} breaks the table"
        seen = [line[:column].strip() for line in lines if line[:column].strip()]
        assert list(dict.fromkeys(seen)) == keys, "every key has its own row"


# -- one way back ------------------------------------------------------------------


@pytest.mark.parametrize("page", ["om_dig", "mixerpult"])
async def test_an_item_opened_from_the_review_has_one_way_back(
    make_app: AppFactory, example_answers: Path, page: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go("review")
        await pilot.pause()
        app.go(page, return_to="review")
        await pilot.pause()
        buttons = [str(button.label) for button in app.screen.query(Button)]
        back = [label for label in buttons if "Tilbage" in label or "oversigten" in label]
        assert back == ["Tilbage til oversigten"], buttons
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.page == "review", "back on the review")
        focused = app.focused
        assert isinstance(focused, ReviewItem) and focused.page == page


async def test_the_agreements_from_the_review_have_one_way_back(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go("review")
        await pilot.pause()
        app.open_agreements()
        await pilot.pause()
        labels = [str(button.label) for button in app.screen.query(Button)]
        assert "← Tilbage" not in labels and "Tilbage til oversigten" in labels, labels
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.page == "review", "back on the review")
