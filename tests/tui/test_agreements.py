"""Agreements from the meeting: notes and next steps, added, edited and removed by keys and
by the mouse, saved as everything else is, shown in the walkthrough, and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from textual.widgets import Button, Select, TextArea
from textual.widgets._select import SelectOverlay

from mixerpult import store
from mixerpult.answers import NextStep
from mixerpult.present.viewers import Viewer
from mixerpult.tui.screens.agreements import AgreementsScreen
from mixerpult.tui.screens.confirm import ConfirmScreen
from mixerpult.tui.screens.review import ReviewScreen
from mixerpult.tui.screens.walkthrough import WalkthroughScreen
from mixerpult.tui.widgets.footer import footer_keys
from mixerpult.tui.widgets.next_step_row import NextStepRow, parse_by

from .conftest import AppFactory
from .helpers import text_of, wait_until


def rows(app: object) -> list[NextStepRow]:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, AgreementsScreen)
    return list(screen.query(NextStepRow))


def shown(select: Select[object]) -> str:
    """What a drop-down shows while closed."""
    return text_of(select.query_one("SelectCurrent #label"))


def test_by_when_keeps_dates_and_words() -> None:
    assert parse_by("17-12-2026") == dt.date(2026, 12, 17)
    assert parse_by("2026-12-17") == dt.date(2026, 12, 17)
    assert parse_by("om to uger") == "om to uger"
    assert parse_by("17-12") == "17-12", "half a date is kept as typed"
    assert parse_by("   ") is None


async def test_add_edit_and_remove_next_steps(
    make_app: AppFactory, example_answers: Path, answers_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_walkthrough()
        await pilot.pause()
        await pilot.press("a")  # the walkthrough's key for the agreements
        await pilot.pause()
        assert isinstance(app.screen, AgreementsScreen)
        notes = app.screen.query_one("#agreements-notes", TextArea)
        assert app.focused is notes
        await pilot.press(*"Ja [/]", "enter", *"Nå")
        assert store.load(answers_path).agreements.notes == "Ja [/]\nNå"

        # Keyboard only: Tab to "add", Enter, then the three fields.
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#add-step")
        await pilot.press("enter")
        await pilot.pause()
        first = rows(app)[0]
        assert app.focused is first.field("what")
        await pilot.press(*"Plan", "tab", *"Mette", "tab", *"10-12-2026")
        saved = store.load(answers_path).agreements.next_steps
        assert saved == [NextStep(what="Plan", who="Mette", by=dt.date(2026, 12, 10))]

        # The mouse: "add" again; Enter moves from field to field.
        await pilot.click("#add-step")
        await pilot.pause()
        second = rows(app)[1]
        assert app.focused is second.field("what")
        await pilot.press(*"Møde", "enter", *"Sb", "enter", *"32-13-2026")
        assert app.focused is second.field("by")
        await pilot.press("shift+tab")  # leaving a date that is no date: said, and kept
        await pilot.pause()
        assert "»32-13-2026« er ikke en dato" in str(second.border_subtitle)
        await pilot.press("tab", "shift+tab")  # in and out again, unchanged: still said
        await pilot.pause()
        assert second.has_class("-not-a-date")
        second.field("by").focus()
        await pilot.press("ctrl+u", *"snart", "tab", "shift+tab")
        await pilot.pause()
        assert not second.has_class("-not-a-date") and not second.border_subtitle
        saved = store.load(answers_path).agreements.next_steps
        assert [s.by for s in saved] == [dt.date(2026, 12, 10), "snart"]
        assert text_of(app.screen.query_one("#nav-status")) == "Næste skridt: 2"

        # Removing a step with words in it asks first; "no" is focused, so Enter keeps it.
        first.query_one(".step-remove", Button).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert len(rows(app)) == 2
        first.query_one(".step-remove", Button).focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert [r.field("what").value for r in rows(app)] == ["Møde"]
        assert app.focused is rows(app)[0].field("what"), "the focus moves to the next row"
        saved = store.load(answers_path).agreements.next_steps
        assert [s.what for s in saved] == ["Møde"]

        # An empty step goes without asking.
        await pilot.click("#add-step")
        await pilot.pause()
        assert len(rows(app)) == 2
        await pilot.click(rows(app)[1].query_one(".step-remove", Button))
        await pilot.pause()
        assert len(rows(app)) == 1
        assert len(store.load(answers_path).agreements.next_steps) == 1

        # Done: back to the walkthrough, which shows what was agreed.
        rows(app)[0].field("who").focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        assert app.focused is screen.query_one("#r-agreements-0")
        shown = text_of(screen.query_one("#r-agreements-0"))
        assert "Møde" in shown and "Sb" in shown and "snart" in shown
        assert "Ja [/]\nNå" in text_of(screen.query_one("#r-agreements-notes"))

    # Read back by a new run of the wizard.
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        again.go("agreements")
        await pilot.pause()
        assert again.screen.query_one("#agreements-notes", TextArea).text == "Ja [/]\nNå"
        (row,) = rows(again)
        assert [row.field(n).value for n in ("what", "who", "by")] == ["Møde", "Sb", "snart"]


async def test_agreements_are_saved_by_the_same_autosave(
    make_app: AppFactory, meeting_answers: Path, answers_path: Path
) -> None:
    # Long enough that a loaded machine types the ten keys within it.
    app = make_app(save_delay=3)
    async with app.run_test(size=(80, 24)) as pilot:
        app.go("agreements")
        await pilot.pause()
        assert [r.field("by").value for r in rows(app)] == ["10-12-2026", "om fire uger"]
        rows(app)[1].field("by").focus()
        await pilot.press("ctrl+u", *"17.12.2026")
        assert app.save_state == "pending", "saved a moment later, not at every key"
        assert app.dirty
        await wait_until(pilot, lambda: app.save_state == "saved", "saved")
        assert store.load(answers_path).agreements.next_steps[1].by == dt.date(2026, 12, 17)
        app.set_language("en")  # switching language rebuilds the page; the cursor stays
        await pilot.pause()
        await pilot.pause()
        assert app.focused is rows(app)[1].field("by")
        assert text_of(app.screen.query_one("#steps-head .step-by")) == "By when"


async def test_reached_from_the_review_and_back(
    make_app: AppFactory, meeting_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("review")
        await pilot.pause()
        item = app.screen.query_one("#r-agreements-1")
        assert "om fire uger" in text_of(item)
        item.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgreementsScreen)
        assert app.focused is rows(app)[1].field("what")
        assert text_of(app.screen.query_one("#next")) == "Tilbage til oversigten"
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.focused is app.screen.query_one("#r-agreements-1")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgreementsScreen)
        assert isinstance(app.focused, TextArea)


async def test_the_agreements_are_plain_text(make_app: AppFactory, meeting_answers: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.open_walkthrough()
        await pilot.pause()
        notes = text_of(app.screen.query_one("#r-agreements-notes"))
        assert "[b]ikke fed[/b]" in notes


async def test_a_step_is_tied_to_a_channel_and_a_plan_row_by_keys_and_mouse(
    make_app: AppFactory, meeting_answers: Path, answers_path: Path
) -> None:
    """Under each step, what it is about: a channel of the console (so the meeting's
    "nothing agreed" mark goes) and a row of the return plan (named on the sheet)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go("agreements")
        await pilot.pause()
        first = rows(app)[0]
        channel = first.query_one(".step-channel", Select)
        plan_row = first.query_one(".step-plan-row", Select)
        assert channel.is_blank() and plan_row.is_blank()

        # Keyboard: Tab from "by when" past "remove" to the channel, Enter opens the list.
        first.field("by").focus()
        await pilot.press("tab", "tab")
        assert app.focused is channel
        await pilot.press("enter")
        await pilot.pause()
        assert "Esc Luk listen" in app.screen._compositor.render_strips()[-1].text
        await pilot.press("down", "enter")
        await pilot.pause()
        assert channel.value == "timer"
        step = store.load(answers_path).agreements.next_steps[0]
        assert (step.channel, step.plan_row) == ("timer", None)

        # The mouse: open the plan's list and click its second row.
        await pilot.click(plan_row)
        await pilot.pause()
        await pilot.click(plan_row.query_one(SelectOverlay), offset=(4, 2))  # blank, 1, 2
        await pilot.pause()
        assert plan_row.value == 2
        assert "Række 2 i planen, uge 4" in shown(plan_row)
        step = store.load(answers_path).agreements.next_steps[0]
        assert (step.channel, step.plan_row) == ("timer", 2)

        # A row added now speaks the wizard's language in its lists too.
        await pilot.click("#add-step")
        await pilot.pause()
        rows(app)[-1].query_one(".step-channel", Select).focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: bool(footer_keys(app.screen)), "a footer")
        assert "Luk listen" in [key.description for key in footer_keys(app.screen)]
        await pilot.press("escape")

        # Back to none: the step is about no row in particular again.
        plan_row.focus()
        await pilot.press("enter", "home", "enter")
        await pilot.pause()
        assert store.load(answers_path).agreements.next_steps[0].plan_row is None
        # The review: the hours have an agreement now, the tasks still none.
        app.go("review")
        await pilot.pause()
        assert "ingen aftale endnu" not in text_of(app.screen.query_one("#r-fader-timer"))
        assert "ingen aftale endnu" in text_of(app.screen.query_one("#r-fader-opgaver"))


async def test_what_a_step_is_about_is_offered_as_the_viewer_sees_it(
    make_app: AppFactory, meeting_answers: Path, answers_path: Path
) -> None:
    """A plan the caseworker does not see offers no rows on the shared screen, and a
    step's tie that the screen cannot name stays chosen and stored, never dropped."""
    data = yaml.safe_load(meeting_answers.read_text(encoding="utf-8"))
    data["sharing"]["answers"]["tilbage_plan"] = "me"
    data["agreements"]["next_steps"][0].update(channel="kaffe", plan_row=3)
    meeting_answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go("agreements")
        await pilot.pause()
        own = rows(app)[1].query_one(".step-plan-row", Select)
        assert len(own._options) == 4, "the employee alone: no row, and the plan's three"
        app.set_viewer(Viewer.CASEWORKER)
        await pilot.pause()
        await pilot.pause()
        first, second = rows(app)
        shared = second.query_one(".step-plan-row", Select)
        assert len(shared._options) == 1, "no row of a plan the caseworker does not see"
        kept = first.query_one(".step-plan-row", Select)
        assert kept.value == 3 and "Række 3" in shown(kept)
        odd = first.query_one(".step-channel", Select)
        assert odd.value == "kaffe" and "ikke i pakken" in shown(odd)
        first.field("what").focus()
        await pilot.press("end", "!")
        await pilot.pause()
    step = store.load(answers_path).agreements.next_steps[0]
    assert (step.what[-1], step.channel, step.plan_row) == ("!", "kaffe", 3)
