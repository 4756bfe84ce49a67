"""Python's cycle collector waits while a page is built, and runs once it is painted."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen

from mixerpult.tui import collector, run_wizard

from .conftest import AppFactory
from .helpers import wait_until


@pytest.fixture
def collections() -> Iterator[list[tuple[str, object]]]:
    """What happened, in order: ("gc", generation) for each collection, and whatever
    the test adds."""
    seen: list[tuple[str, object]] = []

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(("gc", info["generation"]))

    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)


async def test_no_collection_between_next_and_the_new_page_painted(
    make_app: AppFactory, example_answers: Path, collections: list[tuple[str, object]]
) -> None:
    app = make_app()  # on the example answers: "next" leads on at once
    async with app.run_test(size=(100, 40)) as pilot:
        app.go(app.flow.first)
        await pilot.pause()
        first = app.page
        paint = app._display

        def display(screen: Screen[Any], renderable: Any) -> None:
            paint(screen, renderable)
            if renderable is not None and screen.focused is not None:
                collections.append(("paint", getattr(screen, "page", None)))

        app._display = display  # type: ignore[method-assign]
        await wait_until(pilot, gc.isenabled, "collecting again after the first page")
        collections.clear()
        await pilot.press("ctrl+n")
        await wait_until(pilot, gc.isenabled, "collecting again after the page")
        await pilot.pause()
        page = app.page
        assert page != first
        painted = collections.index(("paint", page))
        assert collections[:painted] == [], "nothing collected before the page was there"
        assert ("gc", 2) in collections[painted:], "one full collection once it is painted"


async def test_the_collector_is_held_at_most_a_moment(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pause that no painted page ends (a page that failed, say) ends by itself."""
    monkeypatch.setattr(collector, "LONGEST_PAUSE", 0.1)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, gc.isenabled, "collecting once the welcome page is painted")
        app._hold_collector()
        assert not gc.isenabled()
        await pilot.pause(0.3)
        assert gc.isenabled()


async def test_the_app_leaves_the_collector_as_it_found_it(make_app: AppFactory) -> None:
    frozen = gc.get_freeze_count()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        assert gc.get_freeze_count() > frozen, "start-up's objects are frozen"
        app._hold_collector()
        await pilot.pause()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_a_wizard_that_cannot_start_leaves_the_collector_running(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("steps: [", encoding="utf-8")
    args = argparse.Namespace(questions=broken, file=tmp_path / "answers.yaml", lang="da")
    assert run_wizard(args) == 2
    assert "broken.yaml" in capsys.readouterr().err
    assert gc.isenabled()
