"""Ticked and unticked, chosen and not: told apart by shape, not only by colour."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import RadioSet
from textual.widgets.selection_list import Selection

from mixerpult.tui.widgets.toggles import Choice, Tick, TickList

from .helpers import text_of


class _Toggles(App[None]):
    def compose(self) -> ComposeResult:
        yield Tick("Privat", False, id="private")
        with RadioSet():
            yield Choice("Ja", True, id="yes")
            yield Choice("Nej", False, id="no")
        yield TickList(Selection("PDF", "pdf", True), Selection("HTML", "html"), id="formats")


def _line(widget: object, y: int = 0) -> str:
    return "".join(segment.text for segment in widget.render_line(y))  # type: ignore[attr-defined]


async def test_the_state_is_in_the_shape() -> None:
    app = _Toggles()
    async with app.run_test(size=(60, 12)) as pilot:
        private = app.query_one("#private", Tick)
        assert text_of(private).startswith("▐ ▌"), "unticked: an empty box"
        private.toggle()
        await pilot.pause()
        assert text_of(private).startswith("▐X▌"), "ticked: a cross"

        yes, no = app.query_one("#yes", Choice), app.query_one("#no", Choice)
        assert text_of(yes).startswith("▐●▌") and text_of(no).startswith("▐ ▌")
        await pilot.click("#no")
        assert text_of(yes).startswith("▐ ▌") and text_of(no).startswith("▐●▌")

        formats = app.query_one("#formats", TickList)
        assert _line(formats, 0).startswith("▐X▌ PDF")
        assert _line(formats, 1).startswith("▐ ▌ HTML")
        formats.select("html")
        formats.deselect("pdf")
        await pilot.pause()
        assert _line(formats, 0).startswith("▐ ▌ PDF")
        assert _line(formats, 1).startswith("▐X▌ HTML")
