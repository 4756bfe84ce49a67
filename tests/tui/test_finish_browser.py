"""Served to a browser, the finish hands every sheet to the browser with `deliver_binary`,
and leaves nothing of it on the serving machine."""

from __future__ import annotations

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

        names = [d["save_filename"] for d in deliveries.files]
        assert names == [
            "forberedelse.pdf",
            "forberedelse.html",
            "forberedelse.md",
            "forberedelse.txt",
        ]
        assert all(d["data"] == b"sheet" for d in deliveries.files)
        assert all(d.get("open_method", "download") == "download" for d in deliveries.files)
        # Made in a temporary folder, which is gone again; nothing beside the answers.
        out_dir = sheet.calls[0]["out_dir"]
        assert out_dir != answers_path.parent
        assert not out_dir.exists()
        assert not list(answers_path.parent.glob("forberedelse*"))
        assert "browser" in text_of(screen.query_one("#result"))

        # "Open PDF" hands the PDF over once more, to be shown in a tab.
        open_pdf = screen.query_one("#open-pdf", Button)
        assert not open_pdf.disabled
        await pilot.click("#open-pdf")
        assert deliveries.files[-1]["save_filename"] == "forberedelse.pdf"
        assert deliveries.files[-1]["open_method"] == "browser"


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
