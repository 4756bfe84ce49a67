"""A step page: every question type, required answers, validation, live visibility, privacy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widgets import Footer, Input, RadioSet, SelectionList, TextArea
from textual.widgets._select import SelectOverlay

from mixerpult import store
from mixerpult.questionnaire import Questionnaire
from mixerpult.tui.screens.mixerpult import MixerpultScreen
from mixerpult.tui.screens.step import StepScreen
from mixerpult.tui.widgets.answer_row import AnswerRow
from mixerpult.tui.widgets.question import QuestionField
from mixerpult.tui.widgets.toggles import LevelSelect

from .conftest import AppFactory
from .helpers import drawn, review_text, text_of


def _field(app: object, qid: str) -> QuestionField:
    return app.screen.query_one(f"#q-{qid}", QuestionField)  # type: ignore[attr-defined, no-any-return]


async def test_hard_required_blocks_and_soft_required_warns_once(
    make_app: AppFactory, types_pack: Questionnaire
) -> None:
    app = make_app(types_pack)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)

        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.page == "basis", "a hard-required date is missing"
        date = _field(app, "dato")
        assert text_of(date.query_one(".q-message")) == "Skriv en dato [/]"
        assert app.focused is date.input_widget
        assert "-missing" in date.classes

        await pilot.press(*"2026-12-03")
        await pilot.pause()
        assert app.s.answers["dato"] == dt.date(2026, 12, 3)
        assert "-missing" not in date.classes

        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.page == "basis", "the soft-required one warns first"
        grad = _field(app, "grad")
        assert "Næste igen" in text_of(grad.query_one(".q-message"))

        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, MixerpultScreen), "… but only once"


async def test_dates_numbers_and_their_mistakes(
    make_app: AppFactory, types_pack: Questionnaire
) -> None:
    app = make_app(types_pack)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        date_input = _field(app, "dato").query_one(Input)
        date_input.focus()
        await pilot.press(*"3.12.2026")
        await pilot.pause()
        assert app.s.answers["dato"] == dt.date(2026, 12, 3)

        await pilot.press("backspace")
        await pilot.pause()
        assert "dag-måned-år" in text_of(_field(app, "dato").query_one(".q-message"))
        assert app.s.drafts["dato"] == "3.12.202", "what the field shows is what is kept"
        assert app.s.answers["dato"] is None, "… and it is no answer"

        await pilot.press("ctrl+u", *"31-02-2026")
        await pilot.pause()
        assert app.s.answers["dato"] is None
        assert app.s.drafts["dato"] == "31-02-2026"
        message = text_of(_field(app, "dato").query_one(".q-message"))
        assert "findes ikke i kalenderen" in message, "written right, but no such day"

        hours = _field(app, "timer").query_one(Input)
        hours.focus()
        await pilot.press(*"41")
        await pilot.pause()
        assert "mellem 0 og 40" in text_of(_field(app, "timer").query_one(".q-message"))
        assert app.s.answers["timer"] is None, "41 is no answer, nor is the 4 typed on the way"
        assert app.s.drafts["timer"] == "41"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.page == "basis", "a number out of range blocks"
        assert app.focused is _field(app, "dato").input_widget, "the first problem has the focus"

        hours.focus()
        await pilot.press("backspace", "backspace", *"7,5")
        await pilot.pause()
        assert app.s.answers["timer"] == 7.5
        assert "timer" not in app.s.drafts
        assert text_of(_field(app, "timer").query_one(".q-message")) == ""

        # Half-typed text survives leaving the page and coming back, even where
        # an older answer that parsed is stored.
        date_input = _field(app, "dato").query_one(Input)
        date_input.focus()
        await pilot.press("ctrl+u", *"1-1-2027")
        await pilot.pause()
        assert app.s.answers["dato"] == dt.date(2027, 1, 1)
        await pilot.press("backspace")
        app.go("slut")
        await pilot.pause()
        app.go("basis")
        await pilot.pause()
        assert _field(app, "dato").query_one(Input).value == "1-1-202"
        assert "dag-måned-år" in text_of(_field(app, "dato").query_one(".q-message"))


async def test_text_that_is_no_answer_is_saved_and_comes_back(
    make_app: AppFactory, types_pack: Questionnaire, answers_path: Path
) -> None:
    app = make_app(types_pack)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        _field(app, "timer").query_one(Input).focus()
        await pilot.press(*"450")
        _field(app, "dato").query_one(Input).focus()
        await pilot.press(*"31-02-2026")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    saved = store.load(answers_path)
    assert saved.drafts == {"timer": "450", "dato": "31-02-2026"}
    assert saved.answers.get("timer") is None and saved.answers.get("dato") is None

    again = make_app(types_pack)
    async with again.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert _field(again, "timer").query_one(Input).value == "450"
        assert "mellem 0 og 40" in text_of(_field(again, "timer").query_one(".q-message"))
        assert _field(again, "dato").query_one(Input).value == "31-02-2026"
        review = await review_text(again, pilot)
        assert "450  (ikke et gyldigt svar endnu)" in review


async def test_visible_if_private_and_clearing(
    make_app: AppFactory, types_pack: Questionnaire
) -> None:
    app = make_app(types_pack)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        plan_text = _field(app, "plan_tekst")
        assert not plan_text.display
        assert "af 6 besvaret" in text_of(app.screen.query_one("#nav-status"))

        _field(app, "plan").query_one(RadioSet).focus()
        await pilot.press("enter")  # "Ja"
        await pilot.pause()
        assert app.s.answers["plan"] is True
        assert plan_text.display, "shown as soon as the answer makes it relevant"
        assert "1 af 7 besvaret" in text_of(app.screen.query_one("#nav-status"))

        plan_text.query_one(TextArea).focus()
        await pilot.press(*("x" * 9))
        await pilot.pause()
        assert "længere end 8 tegn" in text_of(plan_text.query_one(".q-message"))
        assert app.s.answers["plan_tekst"] == "x" * 9, "over-long text is kept whole"

        await pilot.click("#clear-plan")
        await pilot.pause()
        assert app.s.answers["plan"] is None
        assert not plan_text.display
        assert app.s.answers["plan_tekst"] == "x" * 9, "a hidden answer is not thrown away"

        _field(app, "hjaelp").query_one(SelectionList).focus()
        await pilot.press("down", "space")
        await pilot.pause()
        assert app.s.answers["hjaelp"] == ["kolleger"]

        level = app.screen.query_one("#level-hjaelp", LevelSelect)
        assert drawn(level).startswith("alle på arket")
        level.focus()
        await pilot.press("enter", "down", "down", "enter")  # the third level
        await pilot.pause()
        assert app.s.sharing.answers == {"hjaelp": "me"}
        assert drawn(level).startswith("kun mig")
        # By mouse: open it, click the middle level.
        await pilot.click("#level-hjaelp")
        await pilot.pause()
        overlay = level.query_one(SelectOverlay)
        await pilot.click(overlay, offset=(2, 1))
        await pilot.pause()
        assert app.s.sharing.answers == {"hjaelp": "municipality"}
        assert "[kun kommunen – ikke på arbejdsgiverens ark]" in await review_text(app, pilot)


async def test_a_level_list_is_built_only_when_first_opened(
    make_app: AppFactory, types_pack: Questionnaire
) -> None:
    """A page goes up without the lists of its answers' levels (they were four tenths
    of a new page's time); the one opened works as Textual's, its Esc in Danish."""
    app = make_app(types_pack)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        levels = list(app.screen.query(LevelSelect))
        assert len(levels) > 1
        assert not app.screen.query(SelectOverlay)
        level = app.screen.query_one("#level-hjaelp", LevelSelect)
        level.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert [o.parent for o in app.screen.query(SelectOverlay)] == [level]
        assert "Esc Luk listen" in app.screen._compositor.render_strips()[-1].text
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.s.sharing.answers == {"hjaelp": "municipality"}
        assert drawn(level).startswith("kun kommunen")
        # Opened again, the same list, on the level chosen.
        await pilot.press("enter")
        await pilot.pause()
        overlay = level.query_one(SelectOverlay)
        assert len(app.screen.query(SelectOverlay)) == 1
        assert overlay.highlighted == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is level and not level.expanded


async def test_a_closed_level_is_one_widget_that_draws_its_words_and_arrow(
    make_app: AppFactory, types_pack: Questionnaire
) -> None:
    """Until opened, a level is drawn by one widget with nothing inside (Textual's is
    five: the select, a row, the words and two arrows); it shows the level in words,
    and its arrow turns while it is open."""
    app = make_app(types_pack)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        level = app.screen.query_one("#level-hjaelp", LevelSelect)
        assert not level.children
        assert drawn(level) == "alle på arket  ▼ "
        level.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert level.expanded
        assert drawn(level).startswith("alle på arket  ▲ ")
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert drawn(level) == "kun mig        ▼ "


async def test_an_answers_row_draws_its_words_and_count_around_the_level(
    make_app: AppFactory, types_pack: Questionnaire
) -> None:
    """ "Deles med:", the level, and a text's count on one line, drawn by the row: its
    only widget is the level (two widgets fewer per question than a Static each)."""
    app = make_app(types_pack)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        name = _field(app, "navn")
        row = name.query_one(AnswerRow)
        assert [type(w) for w in row.query("*")] == [LevelSelect]
        line = drawn(row)
        assert line.startswith("Deles med: alle på arket  ▼ ")
        assert line.endswith(" 0/20 tegn")
        name.query_one(Input).focus()
        await pilot.press(*"Ada")
        await pilot.pause()
        assert drawn(row).endswith(" 3/20 tegn")
        await pilot.press(*("x" * 20))
        await pilot.pause()
        assert drawn(row).endswith(" 23/20 tegn")
        assert row.has_class("-over"), "beyond the limit, the count is a warning"


async def test_a_new_page_styles_each_level_once(
    make_app: AppFactory, types_pack: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A level is built showing its level: nothing about it changes as it mounts, so it
    is not styled again (Textual's sets it then, a second styling of every answer's)."""
    styled: list[object] = []
    apply = Stylesheet.apply

    def counting(self: Stylesheet, node: DOMNode, **options: Any) -> None:
        styled.append(node)
        apply(self, node, **options)

    monkeypatch.setattr(Stylesheet, "apply", counting)
    app = make_app(types_pack)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        # The question holding the focus is styled anew as it takes it (`:focus-within`).
        focused = app.screen.query_one(".question:focus-within")
        levels = [
            level for level in app.screen.query(LevelSelect) if focused not in level.ancestors
        ]
        assert len(levels) > 1
        for level in levels:
            assert styled.count(level) == 1, level


async def test_a_page_works_out_what_it_shows_once_as_it_goes_up(
    make_app: AppFactory, example_answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answered choice reports its answer as the page mounts; the same answer again
    changes nothing, so the page does not work out its questions and progress anew."""
    from mixerpult.present.disclosure import disclose

    calls: list[object] = []

    def counting(*args: Any) -> Any:
        calls.append(args)
        return disclose(*args)

    # Where the step page looks it up.
    monkeypatch.setattr("mixerpult.tui.screens.step.disclose", counting)
    app = make_app()
    # The pages are built at "next" here, not while the one before is read.
    monkeypatch.setattr(app, "build_ahead", lambda: None)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.go("refleksion")  # an answered choice among its questions
        await pilot.pause()
        calls.clear()
        app.go("plan_tilbage")
        await pilot.pause()
        app.go("refleksion")
        await pilot.pause()
        assert app.screen.query(RadioSet), "the page has a choice"
        # Composing the page, and its progress once mounted.
        assert len(calls) == 4, len(calls)


async def test_escape_leaves_a_note_for_its_fader_and_keeps_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("mixerpult")
        await pilot.pause()
        # On the fader, Esc is "back" (the page before); in a note, it leaves the note.
        assert app.screen.active_bindings["escape"].binding.action == "back"
        await pilot.press("enter")
        await pilot.pause()
        note = app.focused
        assert isinstance(note, Input) and note.id == "note-timer"
        assert app.screen.active_bindings["escape"].binding.description == "Til skyderen"
        await pilot.press(*"Korte dage", "escape")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#fader-timer")
        assert app.s.fader("timer").note == "Korte dage"


async def test_hostile_text_is_shown_literally(
    make_app: AppFactory, types_pack: Questionnaire
) -> None:
    hostile = "[/] [b]x [@click=app.quit]y"
    app = make_app(types_pack)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(_field(app, "navn").query_one(".q-label")) == "Navn [b]fed\nHjælp [/]"
        assert "[@click=app.quit]klik[/]" in text_of(app.screen.query_one(".page-intro"))
        await pilot.press(*hostile)
        await pilot.pause()
        assert app.s.answers["navn"] == hostile
        app.go("mixerpult")
        await pilot.pause()
        assert text_of(app.screen.query_one("#channel-help")) == "Tid [b]"
        await pilot.press("enter", *"[/][b]", "enter")
        await pilot.press("right")
        await pilot.pause()
        assert "Ansvar [/]" in text_of(app.screen.query_one("#strip-ansvar .strip-name"))
        assert not app.screen.query("#note-ansvar"), "this channel has no note"
        app.go("review")
        await pilot.pause()
        assert hostile in text_of(app.screen.query_one("#r-navn"))
        assert "[/][b]" in text_of(app.screen.query_one("#r-fader-tid"))
        await pilot.click("#r-navn")
        await pilot.pause()
        assert app.is_running, "no markup got to run an action"
        assert app.page == "basis"


async def test_typing_into_an_earlier_long_answer_adds_to_its_end(
    make_app: AppFactory, example_answers: Path
) -> None:
    """A tired user who comes back to an answer adds to it; the cursor must not sit
    before the first word (TextArea's own start), or the new words go in front."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        before = app.s.answers["fysiske_forhold"]
        app.go("refleksion", focus="fysiske_forhold")
        await pilot.pause()
        box = app.focused
        assert isinstance(box, TextArea)
        await pilot.press(*" og godt lys")
        await pilot.pause()
        assert isinstance(before, str)
        assert app.s.answers["fysiske_forhold"] == before + " og godt lys"
        box.move_cursor((0, 0))  # moved by the user: kept when the field is entered again
        await pilot.press("shift+tab", "tab", "X")
        await pilot.pause()
        assert app.s.answers["fysiske_forhold"] == "X" + before + " og godt lys"


async def test_the_soft_warning_counts_the_questions(make_app: AppFactory) -> None:
    app = make_app()  # the shipped pack: the meeting date and "helt/delvist" are soft
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        status = text_of(app.screen.query_one("#nav-status"))
        assert status == "2 spørgsmål er ikke besvaret. Tryk Næste igen."


async def test_the_console_explains_itself_when_there_is_room(make_app: AppFactory) -> None:
    for size, shown in (((100, 40), True), ((80, 24), False)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            app.go("mixerpult")
            await pilot.pause()
            help_text = app.screen.query_one("#mixer-help")
            assert help_text.display is shown, size
            assert text_of(help_text).startswith("Tænk på dit arbejde, som det var før")


async def test_a_note_stays_in_view_in_a_small_window(
    make_app: AppFactory, example_answers: Path
) -> None:
    """60×20: a browser tab with a large font. The page scrolls to the note being written."""
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        app.go("mixerpult")
        await pilot.pause()
        await pilot.press("enter", *"xyz")
        await pilot.pause()
        note = app.focused
        assert isinstance(note, Input) and note.value.endswith("xyz")
        page = app.screen.query_one("#mixer")
        assert note.region.height == 1 and page.region.contains_region(note.region)


async def test_letters_in_a_number_field_are_kept_and_explained(
    make_app: AppFactory, answers_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        field = _field(app, "timer_uge")
        field.query_one(Input).focus()
        await pilot.press(*"ca. 37 timer")
        await pilot.pause()
        assert field.query_one(Input).value == "ca. 37 timer", "no key is swallowed"
        assert "Skriv et tal" in text_of(field.query_one(".q-message"))
        assert app.s.answers["timer_uge"] is None
    assert store.load(answers_path).drafts["timer_uge"] == "ca. 37 timer"


async def test_a_control_character_in_a_number_or_date_field_is_drawn_as_a_symbol(
    make_app: AppFactory,
) -> None:
    """The fields take any key now; what a terminal would obey is shown, not obeyed."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for qid in ("timer_uge", "moededato"):
            field = _field(app, qid).query_one(Input)
            field.value = "3\x1b[2J7"
            await pilot.pause()
            drawn = "".join(segment.text for segment in field.render_line(0))
            assert "3␛[2J7" in drawn and "\x1b" not in drawn, qid
            assert app.s.drafts[qid] == "3\x1b[2J7", "kept as typed"


async def test_the_console_page_gives_the_focus_to_faders_only(make_app: AppFactory) -> None:
    """The page scrolls in a small window, but a click on its text keeps the fader."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.go("mixerpult")
        await pilot.pause()
        assert app.screen.focus_chain[0].id == "fader-timer"
        await pilot.click("#mixer-question")
        await pilot.press("down")
        assert app.focused is app.screen.query_one("#fader-timer")


async def test_a_rebuilt_page_keeps_its_compact_footer(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(Footer).compact
        app.set_language("en")
        await pilot.pause()
        assert app.screen.query_one(Footer).compact, "a new footer after the rebuild"
