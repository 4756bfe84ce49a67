"""Driving the wizard to a field, for the robustness tests."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.welcome import WelcomeScreen


async def open_field(
    app: MixerpultApp, pilot: Pilot[int], page: str, widget_id: str
) -> Input | TextArea:
    """From the welcome, go to `page` and put the cursor in the field `widget_id`, at the
    end of its text."""
    if isinstance(app.screen, WelcomeScreen):
        await pilot.press("enter")
        await pilot.pause()
    app.go(page)
    await pilot.pause()
    if widget_id.startswith("step-"):  # a next step's field: of the last row, or a new one
        if not app.screen.query(f"Input.{widget_id}"):
            await pilot.click("#add-step")
            await pilot.pause()
        widget = app.screen.query(f"Input.{widget_id}").last()
    else:
        if widget_id.startswith("note-"):  # as a user does: the channel's fader first
            app.screen.query_one(f"#fader-{widget_id.removeprefix('note-')}").focus()
            await pilot.pause()
        widget = app.screen.query_one(f"#{widget_id}")
    assert isinstance(widget, Input | TextArea)
    widget.focus()
    await pilot.pause()
    if isinstance(widget, TextArea):
        widget.move_cursor(widget.document.end)
    elif isinstance(widget, Input):
        widget.action_end()
    return widget


def paste(widget: Input | TextArea, text: str) -> None:
    """A paste as the terminal sends it: to the app, which hands it to the focused widget."""
    assert widget.has_focus
    widget.app.post_message(events.Paste(text))


async def type_keys(app: MixerpultApp, pilot: Pilot[int], text: str) -> None:
    """Type `text` key by key, each key sent as the terminal driver sends it.

    `Pilot.press` waits for the app to be idle after every key (some 80 ms here);
    the keys are queued in order all the same, through the same bindings.
    """
    driver = app._driver
    assert driver is not None
    for character in text:
        key = events.Key(_character_to_key(character), character)
        key.set_sender(app)
        driver.send_message(key)
    await pilot.pause()
