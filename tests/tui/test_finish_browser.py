"""Served to a browser, the finish hands the sheet to the browser with `deliver_binary`
(one download: a browser lets a page start only one by itself), says only what
arrived, and leaves nothing of it on the serving machine."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Button, SelectionList

from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.finish import FinishScreen

from .conftest import AppFactory
from .helpers import FakeSheet, text_of


class Deliveries:
    """Stands in for App.deliver_binary: what the browser would have been given."""

    def __init__(self) -> None:
        self.files: list[dict[str, Any]] = []

    def __call__(self, path_or_file: Any, **kwargs: Any) -> str:
        self.files.append({"data": path_or_file.read(), **kwargs})
        return f"key-{len(self.files)}"


@pytest.fixture
def in_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MixerpultApp, "in_browser", property(lambda self: True))


async def test_the_sheet_goes_to_the_browser(
    make_app: AppFactory,
    example_answers: Path,
    answers_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    in_browser: None,
) -> None:
    sheet = FakeSheet()
    sheet.install(monkeypatch)
    deliveries = Deliveries()
    app = make_app()
    monkeypatch.setattr(app, "deliver_binary", deliveries)
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("finish")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FinishScreen)
        assert not screen.query("#folder"), "no folder to choose on someone else's machine"
        screen.query_one("#formats", SelectionList).select_all()
        await pilot.press("ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()

        # One download: the browser's pop-up blocker would stop a second one.
        assert [d["save_filename"] for d in deliveries.files] == ["forberedelse.zip"]
        assert deliveries.files[0].get("open_method", "download") == "download"
        with zipfile.ZipFile(io.BytesIO(deliveries.files[0]["data"])) as bundle:
            assert bundle.namelist() == [
                "forberedelse.pdf",
                "forberedelse.html",
                "forberedelse.md",
                "forberedelse.txt",
            ]
            assert all(bundle.read(name) == b"sheet" for name in bundle.namelist())
            # Unpacked, the sheets are as private as the answers.
            assert all(info.external_attr >> 16 == 0o100600 for info in bundle.infolist())
        # Made in a temporary folder, which is gone again; nothing beside the answers.
        out_dir = sheet.calls[0]["out_dir"]
        assert out_dir != answers_path.parent
        assert not out_dir.exists()
        assert not list(answers_path.parent.glob("forberedelse*"))

        # Sent is not arrived: the page says so only when Textual says the browser has it.
        result = screen.query_one("#result")
        assert "hentet" not in text_of(result)
        assert "forberedelse.zip" in text_of(result)
        app.post_message(events.DeliveryComplete("key-1", name="forberedelse.zip"))
        await pilot.pause()
        shown = text_of(result)
        assert "Din browser har hentet forberedelse.zip" in shown, shown
        assert all(f"forberedelse.{f}" in shown for f in ("pdf", "html", "md", "txt"))

        # "Open PDF" hands the PDF over once more, to be shown in a tab.
        open_pdf = screen.query_one("#open-pdf", Button)
        assert not open_pdf.disabled
        await pilot.click("#open-pdf")
        assert deliveries.files[-1]["save_filename"] == "forberedelse.pdf"
        assert deliveries.files[-1]["open_method"] == "browser"
        assert deliveries.files[-1]["data"] == b"sheet"


async def test_one_format_arrives_as_itself_or_is_told_lost(
    make_app: AppFactory,
    example_answers: Path,
    monkeypatch: pytest.MonkeyPatch,
    in_browser: None,
) -> None:
    FakeSheet().install(monkeypatch)
    deliveries = Deliveries()
    app = make_app(lang="en")
    monkeypatch.setattr(app, "deliver_binary", deliveries)
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("finish")
        await pilot.pause()
        await pilot.click("#make")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [d["save_filename"] for d in deliveries.files] == ["forberedelse.pdf"]
        assert deliveries.files[0]["data"] == b"sheet"
        result = app.screen.query_one("#result")
        assert "Sending the sheet to your browser: forberedelse.pdf" in text_of(result)
        # Another delivery's news (a PDF opened earlier) changes nothing here.
        app.post_message(events.DeliveryComplete("key-0", name="forberedelse.pdf"))
        await pilot.pause()
        assert "Sending" in text_of(result)
        app.post_message(
            events.DeliveryFailed("key-1", OSError("tab closed [/]"), "forberedelse.pdf")
        )
        await pilot.pause()
        shown = text_of(result)
        assert "forberedelse.pdf could not be sent" in shown and "tab closed [/]" in shown, shown


async def test_a_failing_sheet_in_the_browser_is_reported(
    make_app: AppFactory,
    example_answers: Path,
    monkeypatch: pytest.MonkeyPatch,
    in_browser: None,
) -> None:
    sheet = FakeSheet()

    def broken(*args: object, **kwargs: object) -> list[Path]:
        raise RuntimeError("typst [/] exploded")

    sheet.render_session = broken  # type: ignore[method-assign]
    sheet.install(monkeypatch)
    deliveries = Deliveries()
    app = make_app(lang="en")
    monkeypatch.setattr(app, "deliver_binary", deliveries)
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("finish")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "typst [/] exploded" in text_of(app.screen.query_one("#result"))
        assert deliveries.files == []
        assert not app.screen.query_one("#make").disabled


async def test_a_failed_delivery_is_told(make_app: AppFactory, example_answers: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.post_message(
            events.DeliveryFailed("key-1", OSError("the tab was closed [/]"), "forberedelse.pdf")
        )
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("forberedelse.pdf" in m and "the tab was closed [/]" in m for m in messages), (
            messages
        )
