"""The return plan's page: seeded from the hours, rows added, edited and removed by keys
alone, warnings said under the table, nothing the viewer may not see used, a row that
cannot be read kept, and the plan in the walkthrough."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Button, Input

from mixerpult import store
from mixerpult.answers import Session
from mixerpult.present.viewers import Viewer
from mixerpult.questionnaire import Questionnaire
from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.step import StepScreen
from mixerpult.tui.screens.walkthrough import WalkthroughScreen
from mixerpult.tui.widgets.plan_editor import PlanEditor, PlanRow, parse_cell

from .conftest import AppFactory
from .helpers import text_of, wait_until

STEP, PLAN = "plan_tilbage", "tilbage_plan"


def _session(pack: Questionnaire, path: Path, **answers: Any) -> Session:
    session = Session.new(pack)
    for qid, value in answers.items():
        session.set_answer(qid, value)
    store.save(path, session)
    return session


def editor(app: MixerpultApp) -> PlanEditor:
    assert isinstance(app.screen, StepScreen)
    return app.screen.query_one(PlanEditor)


def rows(app: MixerpultApp) -> list[PlanRow]:
    return editor(app).row_widgets


def saved(path: Path) -> Any:
    return store.load(path).answers.get(PLAN)


def notes(app: MixerpultApp) -> str:
    return text_of(editor(app).query_one(".plan-notes"))


def test_cells_read_weeks_dates_and_hours_and_keep_anything_else() -> None:
    import datetime as dt

    assert parse_cell("from", "3") == 3
    assert parse_cell("from", "uge 12") == 12
    assert parse_cell("from", "Week 2") == 2
    assert parse_cell("from", "07-12-2026") == dt.date(2026, 12, 7)
    assert parse_cell("from", "efter jul") == "efter jul"
    assert parse_cell("from", "0") == "0"
    assert parse_cell("hours", "22,5") == 22.5
    assert parse_cell("hours", "ca. 20") == "ca. 20"
    assert parse_cell("days", "  ") is None


async def test_an_unanswered_plan_starts_from_the_proposed_and_usual_hours(
    make_app: AppFactory, answers_path: Path, shipped_pack: Questionnaire
) -> None:
    _session(shipped_pack, answers_path, timer_uge=37, timer_delvis=12)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go(STEP)
        await pilot.pause()
        await wait_until(pilot, lambda: saved(answers_path) is not None, "saved")
        assert saved(answers_path) == [{"from": 1, "hours": 12}, {"hours": 37}]
        assert "første udkast" in text_of(editor(app).query_one(".plan-seeded"))
        assert app.focused is rows(app)[0].cell("from")
        assert [r.cell("hours").value for r in rows(app)] == ["12", "37"]
        assert not editor(app).query_one(".plan-notes").display, "nothing to warn about"


async def test_the_hours_channel_seeds_when_no_start_is_proposed(
    make_app: AppFactory, answers_path: Path, shipped_pack: Questionnaire
) -> None:
    session = _session(shipped_pack, answers_path, timer_uge=37)
    session.set_fader("timer", position=2)
    store.save(answers_path, session)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go(STEP)
        await pilot.pause()
        await wait_until(pilot, lambda: saved(answers_path) is not None, "saved")
        assert saved(answers_path) == [{"from": 1, "hours": 15}, {"hours": 37}]


async def test_a_plan_emptied_by_hand_is_not_seeded_again(
    make_app: AppFactory, answers_path: Path, shipped_pack: Questionnaire
) -> None:
    _session(shipped_pack, answers_path, timer_uge=37, timer_delvis=12, tilbage_plan=[])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go(STEP)
        await pilot.pause()
        assert rows(app) == []
        assert not editor(app).query(".plan-seeded")
        assert app.focused is editor(app).query_one(".plan-add", Button)


async def test_add_edit_and_remove_rows_by_keys_alone(
    make_app: AppFactory, answers_path: Path, shipped_pack: Questionnaire
) -> None:
    _session(shipped_pack, answers_path, tilbage_plan=[])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go(STEP)
        await pilot.pause()
        await pilot.press("enter")  # "+ Tilføj række" is focused in an empty plan
        await pilot.pause()
        assert app.focused is rows(app)[0].cell("from")
        # Enter moves on as Tab does.
        await pilot.press("1", "enter", *"10", "tab", *"man, ons", "enter", *"Ingen [/] vagter")
        await pilot.pause()
        assert saved(answers_path) == [
            {"from": 1, "hours": 10, "days": "man, ons", "eased": "Ingen [/] vagter"}
        ]
        await pilot.press("tab", "tab", "enter")  # past "Fjern" to "Tilføj række"
        await pilot.pause()
        assert len(rows(app)) == 2 and app.focused is rows(app)[1].cell("from")
        await pilot.press(*"uge 3", "tab", *"20")
        await pilot.pause()
        assert saved(answers_path)[1] == {"from": 3, "hours": 20}

        # Remove the first row: the next one takes the focus, and "Fortryd" puts it back.
        rows(app)[0].query_one(".plan-remove", Button).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert saved(answers_path) == [{"from": 3, "hours": 20}]
        assert app.focused is rows(app)[0].cell("from")
        undo = editor(app).query_one(".plan-undo", Button)
        assert undo.display and "række 1" in str(undo.label)
        undo.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert [r["from"] for r in saved(answers_path)] == [1, 3]
        assert not undo.display
        assert rows(app)[0].cell("eased").value == "Ingen [/] vagter"


async def test_warnings_are_said_under_the_table_and_never_stop_anyone(
    make_app: AppFactory, answers_path: Path, shipped_pack: Questionnaire
) -> None:
    _session(shipped_pack, answers_path, timer_uge=37, tilbage_plan=[{"from": 1, "hours": 20}])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go(STEP)
        await pilot.pause()
        hours = rows(app)[0].cell("hours")
        hours.focus()
        await pilot.press("ctrl+u", *"35")
        await pilot.pause()
        assert "fraværende mindst 4 timer om ugen" in notes(app)
        await pilot.press("ctrl+u", *"40")
        await pilot.pause()
        assert "flere end dine sædvanlige 37 timer" in notes(app)
        assert "fraværende" not in notes(app)
        await pilot.press("ctrl+u", *"ca. 20")
        await pilot.pause()
        assert "»ca. 20« kan ikke læses" in notes(app)
        assert hours.has_class("-not-read")
        assert saved(answers_path) == [{"from": 1, "hours": "ca. 20"}], "kept as typed"
        await pilot.press("ctrl+f")  # a warning is no block
        await pilot.pause()
        assert getattr(app.screen, "page", None) != STEP


async def test_a_step_down_is_said_once(
    make_app: AppFactory, answers_path: Path, shipped_pack: Questionnaire
) -> None:
    plan = [{"hours": 20}, {"hours": 10}, {"hours": 25}, {"hours": 15}]
    _session(shipped_pack, answers_path, tilbage_plan=plan)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go(STEP)
        await pilot.pause()
        assert notes(app).count("går ned i timer") == 1


async def test_a_shared_screen_uses_no_hours_it_may_not_show(
    make_app: AppFactory, answers_path: Path, shipped_pack: Questionnaire
) -> None:
    session = _session(shipped_pack, answers_path, timer_uge=37, timer_delvis=12)
    session.set_private("timer_delvis", True)
    store.save(answers_path, session)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_viewer(Viewer.CASEWORKER)
        await pilot.pause()
        app.go(STEP)
        await pilot.pause()
        await wait_until(pilot, lambda: saved(answers_path) is not None, "saved")
        # The private proposed start is not used: only the usual hours seed a row.
        assert saved(answers_path) == [{"hours": 37}]


async def test_a_row_that_cannot_be_read_is_kept_while_others_are_edited(
    make_app: AppFactory, answers_path: Path, shipped_pack: Questionnaire
) -> None:
    _session(shipped_pack, answers_path, tilbage_plan=["skrevet i hånden", {"hours": 10}])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go(STEP)
        await pilot.pause()
        first, second = rows(app)
        assert "skrevet i hånden" in text_of(first.query_one(".plan-unreadable"))
        assert not first.query(Input)
        second.cell("days").focus()
        await pilot.press(*"fre")
        await pilot.pause()
        assert saved(answers_path) == ["skrevet i hånden", {"hours": 10, "days": "fre"}]


async def test_the_plan_is_in_the_walkthrough_and_opens_there(
    make_app: AppFactory, example_answers: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_walkthrough()
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        item = app.screen.query_one(f"#r-{PLAN}")
        assert "Fra uge 4: 20 timer om ugen" in text_of(item)
        item.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen) and app.screen.page == STEP
        rows(app)[2].cell("days").focus()
        await pilot.press(*"man-fre")
        await pilot.press("ctrl+f")  # "next" leads back to the walkthrough
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        assert "Fra uge 8: 37 timer om ugen; man-fre" in text_of(app.screen.query_one(f"#r-{PLAN}"))
