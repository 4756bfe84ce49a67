"""Nothing covers, cuts or hides: what a page has to say is said on the page, where it
is about, and scrolled into view; no notice is left over a button or on the next page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Size
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Footer, Input, SelectionList

from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.agreements import AgreementsScreen
from mixerpult.tui.screens.finish import FinishScreen
from mixerpult.tui.screens.step import StepScreen
from mixerpult.tui.widgets.next_step_row import NextStepRow
from mixerpult.tui.widgets.question import QuestionField

from .conftest import AppFactory
from .helpers import FakeSheet, text_of

SMALL = [pytest.param((80, 24), id="80x24"), pytest.param((60, 20), id="60x20")]


def in_view(widget: Widget, page: Widget) -> bool:
    """Whether all of `widget` is inside the visible part of the scrolling `page`."""
    region = widget.region
    return region.height > 0 and page.region.contains_region(region)


def fits(widget: Widget) -> bool:
    """Whether the text of `widget` takes no more lines than are seen of it (the footer,
    docked at the same edge, covers the last row of the buttons' bar)."""
    width, height = widget.content_size
    lines = widget.get_content_height(Size(width, height), Size(width, height), width)
    footer = widget.screen.query_one(Footer).region
    top = (height - lines) // 2  # centred, as the status line is
    drawn = widget.content_region.y + top
    return all(not footer.contains(widget.content_region.x, drawn + i) for i in range(lines))


def notices(app: MixerpultApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


# -- the finish --------------------------------------------------------------------


async def finish(app: MixerpultApp, pilot: Pilot[Any]) -> FinishScreen:
    app.go("finish")
    await pilot.pause()
    assert isinstance(app.screen, FinishScreen)
    app.clear_notifications()  # whatever the start had to say (none belongs to this page)
    return app.screen


@pytest.mark.parametrize("size", SMALL)
async def test_the_made_sheet_is_told_on_the_page_and_its_button_is_in_view(
    make_app: AppFactory,
    example_answers: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    FakeSheet().install(monkeypatch)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await finish(app, pilot)
        await pilot.pause()
        assert screen.query_one("#body").scroll_y == 0, "the page opens at its top"
        await pilot.press("ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        body = screen.query_one("#body")
        result = screen.query_one("#result")
        assert text_of(result).startswith("Arket er lavet:")
        open_pdf = screen.query_one("#open-pdf")
        assert app.focused is open_pdf
        assert in_view(open_pdf, body), "the focused button is on screen"
        assert in_view(result, body)
        assert notices(app) == [], "no notice over Afslut and Lav arket"

        opened: list[str] = []
        app.open_url = lambda url, *, new_tab=True: opened.append(url)  # type: ignore[method-assign]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert opened, "the PDF is opened"
        shown = text_of(result)
        assert "PDF'en åbnes" in shown and "~/Documents/Mixerpult/forberedelse.pdf" in shown, (
            "said on the page"
        )
        assert notices(app) == []
        assert in_view(result, body) and in_view(open_pdf, body)


@pytest.mark.parametrize("size", SMALL)
async def test_a_failed_sheet_and_a_missing_format_are_told_on_the_page(
    make_app: AppFactory,
    example_answers: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    sheet = FakeSheet()

    def broken(*args: object, **kwargs: object) -> list[Path]:
        raise RuntimeError("typst gik i stå")

    sheet.render_session = broken  # type: ignore[method-assign]
    sheet.install(monkeypatch)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await finish(app, pilot)
        body = screen.query_one("#body")
        result = screen.query_one("#result")
        await pilot.press("ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert "typst gik i stå" in text_of(result)
        assert notices(app) == []
        assert in_view(result, body)

        screen.query_one("#formats", SelectionList).deselect_all()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.pause()
        assert text_of(result) == "Vælg mindst ét format."
        assert notices(app) == []
        assert in_view(result, body)


# -- a skipped soft-required question ------------------------------------------------


@pytest.mark.parametrize("size", SMALL)
async def test_a_skipped_soft_question_is_told_where_it_is_and_only_on_its_page(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()  # a new file: the meeting date and "helt/delvist" are soft-required
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        app.clear_notifications()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StepScreen) and screen.page == "om_dig"
        body = screen.query_one("#body")
        warned = [f for f in screen.query(QuestionField) if f.has_class("-missing")]
        assert len(warned) == 2
        first = warned[0]
        message = first.query_one(".q-message")
        assert "-warning" in message.classes and text_of(message).startswith("Du har ikke")
        assert app.focused is first.input_widget
        assert in_view(message, body), "the note is beside the question, in view"
        assert in_view(first.input_widget, body)
        status = screen.query_one("#nav-status")
        assert text_of(status).startswith("2 spørgsmål er ikke besvaret"), text_of(status)
        assert fits(status), "said whole between the buttons"
        assert notices(app) == [], "said on the page, not in a notice over Næste"

        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.page == "situation"
        assert notices(app) == [], "nothing of the last page on this one"


@pytest.mark.parametrize("size", SMALL)
@pytest.mark.parametrize("lang", ["da", "en"])
async def test_a_blocked_page_says_so_on_the_page(
    make_app: AppFactory, types_pack: Any, size: tuple[int, int], lang: str
) -> None:
    app = make_app(types_pack, lang=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.clear_notifications()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StepScreen)
        status = screen.query_one("#nav-status")
        start = {"da": "Et svar mangler", "en": "An answer is missing"}[lang]
        assert text_of(status).startswith(start), text_of(status)
        assert fits(status)
        assert notices(app) == []
        field = screen.query_one("#q-dato", QuestionField)
        assert in_view(field.query_one(".q-message"), screen.query_one("#body"))
        await pilot.press(*"2026-12-03")
        await pilot.pause()
        progress = {"da": "1 af 6 besvaret", "en": "1 of 6 answered"}[lang]
        assert text_of(screen.query_one("#nav-status")) == progress, "answered: progress again"


# -- the agreements -------------------------------------------------------------------


async def agreements(app: MixerpultApp, pilot: Pilot[Any]) -> AgreementsScreen:
    app.open_agreements()
    await pilot.pause()
    assert isinstance(app.screen, AgreementsScreen)
    app.clear_notifications()
    return app.screen


@pytest.mark.parametrize("size", SMALL)
async def test_what_shows_its_start_again_when_left(
    make_app: AppFactory, meeting_answers: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await agreements(app, pilot)
        row = screen.query(NextStepRow).first()
        what = row.field("what")
        what.focus()
        await pilot.press("end", *" og en aftale om, hvem der gør hvad og hvornår")
        await pilot.pause()
        assert what.scroll_x > 0, "scrolled to the cursor while written"
        await pilot.press("tab")
        await pilot.pause()
        assert what.scroll_x == 0, "left: its start is shown again"
        drawn = "".join(segment.text for segment in what.render_line(0)).strip()
        assert drawn and what.value.startswith(drawn), drawn
        await pilot.press("shift+tab", *"!")
        await pilot.pause()
        assert what.value.endswith("hvornår!"), "back in it, the cursor is where it was"
        assert what.scroll_x > 0


@pytest.mark.parametrize("size", SMALL)
async def test_a_by_when_that_is_no_date_is_marked_on_its_row(
    make_app: AppFactory, meeting_answers: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await agreements(app, pilot)
        row = screen.query(NextStepRow).first()
        by = row.field("by")
        by.focus()
        await pilot.press("ctrl+u", *"32-13-2026")
        await pilot.pause()
        assert not row.has_class("-not-a-date"), "not while it is being written"
        await pilot.press("tab")
        await pilot.pause()
        assert row.has_class("-not-a-date") and by.has_class("-not-a-date")
        assert "»32-13-2026« er ikke en dato" in str(row.border_subtitle)
        assert notices(app) == [], "on the row, not in a notice"
        body = screen.query_one("#body")
        assert in_view(row, body)
        row_bottom = row.region.bottom
        assert row_bottom <= body.region.bottom, "the mark is drawn, not cut"

        by.focus()
        await pilot.press("ctrl+u", *"17-12-2026", "tab")
        await pilot.pause()
        assert not row.has_class("-not-a-date") and not row.border_subtitle
        by.focus()
        await pilot.press("ctrl+u", *"om fire uger", "tab")
        await pilot.pause()
        assert not row.has_class("-not-a-date"), "words are welcome"


async def test_a_stored_by_when_that_is_no_date_is_marked_at_once(
    make_app: AppFactory, meeting_answers: Path
) -> None:
    import yaml

    data = yaml.safe_load(meeting_answers.read_text(encoding="utf-8"))
    data["agreements"]["next_steps"][1]["by"] = "31-02-2027"
    meeting_answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await agreements(app, pilot)
        first, second = screen.query(NextStepRow)
        assert not first.has_class("-not-a-date")
        assert second.has_class("-not-a-date")
        assert isinstance(second.field("by"), Input)
