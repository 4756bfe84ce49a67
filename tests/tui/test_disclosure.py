"""Every view agrees on what each viewer sees: the eight defects of issue 12.

Each test drives a real view (a page, the review, the walkthrough, the sheet, the
command line) and fails if that view decides for itself what the presentation
layer decides.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import RadioButton

from mixerpult import cli, store
from mixerpult.answers import FaderSetting, Session
from mixerpult.packs import load_pack
from mixerpult.present.disclosure import disclose
from mixerpult.present.overview import build_overview
from mixerpult.present.viewers import Viewer
from mixerpult.questionnaire import Questionnaire
from mixerpult.sheet.view import build_view
from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.mixerpult import MixerpultScreen
from mixerpult.tui.screens.step import StepScreen
from mixerpult.tui.screens.walkthrough import WalkthroughScreen
from mixerpult.tui.widgets.question import QuestionField
from mixerpult.tui.widgets.review_item import ReviewItem

from .conftest import TEST_PACKS, AppFactory
from .helpers import text_of, wait_until

PACK_FILE = TEST_PACKS / "disclosure.yaml"


@pytest.fixture(scope="module")
def pack() -> Questionnaire:
    return load_pack(PACK_FILE)


def session_of(pack: Questionnaire, **answers: Any) -> Session:
    session = Session.new(pack, "en")
    for qid, value in answers.items():
        session.set_answer(qid, value)
    return session


def save(path: Path, session: Session) -> Path:
    store.save(path, session)
    return path


def screen_text(app: Any) -> str:
    return "\n".join(text_of(item) for item in app.screen.query(ReviewItem))


async def open_walkthrough(app: Any, pilot: Pilot[Any]) -> WalkthroughScreen:
    app.go("review")
    await pilot.pause()
    await pilot.press("ctrl+g")
    await wait_until(pilot, lambda: isinstance(app.screen, WalkthroughScreen), "walking")
    await pilot.pause()
    assert isinstance(app.screen, WalkthroughScreen)
    return app.screen


# 1. A follow-up of a private answer gives that answer away on the shared screen.
async def test_walkthrough_hides_the_follow_up_of_a_private_answer(
    make_app: AppFactory, example_answers: Path
) -> None:
    data = yaml.safe_load(example_answers.read_text(encoding="utf-8"))
    data["private"] = ["sundhedsforsikring"]
    example_answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walkthrough(app, pilot)
        text = screen_text(app)
        assert "Hvilken hjælp kan forsikringen give dig?" not in text
        assert "Psykolog" not in text
        assert not app.screen.query("#r-sundhedsforsikring_hjaelp")


# 2. A condition that holds through a shared answer keeps its question on the sheet,
#    though it also names a question that is not shown.
def test_the_sheet_keeps_a_question_whose_condition_holds(pack: Questionnaire) -> None:
    session = session_of(
        pack, forsikring="ja", uden_forsikring="stale", plan="ja", opfoelgning="Meeting"
    )
    view = build_view(session, pack, "en")
    shown = {a.id: a.text for s in view.sections for a in s.questions}
    assert shown.get("opfoelgning") == "Meeting"
    assert "uden_forsikring" not in shown


# 3. Visibility is transitive on the step page: a question that depends on a hidden
#    one is hidden too, and not counted.
async def test_a_question_that_depends_on_a_hidden_one_is_hidden(
    make_app: AppFactory, answers_path: Path, pack: Questionnaire
) -> None:
    save(answers_path, session_of(pack, forsikring="nej", forsikring_hjaelp="Psych", kaede="k"))
    app = make_app(pack)
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("svar")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StepScreen)
        fields = {f.question.id: f for f in screen.query(QuestionField)}
        assert not fields["forsikring_hjaelp"].display
        assert not fields["kaede"].display
        status = text_of(screen.query_one("#nav-status"))
        # forsikring, uden_forsikring, plan, helbred are shown (opfoelgning is not).
        assert status == "1 of 4 answered", status


# 4. Who is watching: "only for you" answers are hidden from the caseworker, health
#    answers from the employer too, and the walkthrough says who is watching.
async def test_walkthrough_shows_what_the_person_watching_may_see(
    make_app: AppFactory, answers_path: Path, pack: Questionnaire
) -> None:
    save(answers_path, session_of(pack, navn="Kim", dagbog="Dear diary", helbred="Migraine"))
    app = make_app(pack)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_walkthrough(app, pilot)
        text = screen_text(app)
        assert "Dear diary" not in text
        assert "Migraine" in text
        assert "caseworker" in text_of(screen.query_one("#walk-private"))
        await pilot.press("w")
        await wait_until(pilot, lambda: "Migraine" not in screen_text(app), "health hidden")
        assert "Dear diary" not in screen_text(app)
        assert "employer" in text_of(app.screen.query_one("#walk-private"))
        await pilot.press("p")  # the employee alone again
        await wait_until(pilot, lambda: "Dear diary" in screen_text(app), "shown again")


# 5. A channel without notes shows no note anywhere, not even one written by hand.
async def test_a_channel_without_notes_has_no_note_on_any_view(
    make_app: AppFactory, answers_path: Path, pack: Questionnaire
) -> None:
    session = session_of(pack)
    session.faders = {"krop": FaderSetting(position=2, note="secret by hand")}
    save(answers_path, session)
    app = make_app(pack)
    async with app.run_test(size=(120, 40)) as pilot:
        app.go("mixerpult", focus="krop")
        await wait_until(pilot, lambda: isinstance(app.screen, MixerpultScreen), "on the desk")
        await pilot.pause()
        assert not app.screen.query("#note-krop")
        shown = {b.binding.action for b in app.screen.active_bindings.values() if b.binding.show}
        assert "edit_note" not in shown
        app.go("review")
        await pilot.pause()
        assert "secret by hand" not in screen_text(app)


# 6. The welcome counts the answers its viewer sees: not hidden ones, not "only for you".
async def test_the_welcome_counts_only_the_answers_shown(
    make_app: AppFactory, answers_path: Path, pack: Questionnaire
) -> None:
    save(answers_path, session_of(pack, dagbog="x", forsikring="ja", uden_forsikring="stale"))
    app = make_app(pack, shared_screen=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        info = text_of(app.screen.query_one("#resume-info"))
        assert "Questions answered: 1 " in info, info


# 7. An answers file that does not say its language speaks the pack's first language.
def test_render_without_a_language_uses_the_packs_first(
    tmp_path: Path, pack: Questionnaire, capsys: pytest.CaptureFixture[str]
) -> None:
    session = session_of(pack, forsikring="ja")
    data = session.to_data()
    del data["language"]
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "sheet.md"
    code = cli.main(
        ["render", str(answers), "--questions", str(PACK_FILE), "--format", "md", "-o", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    assert "I decide what I share" in out.read_text(encoding="utf-8")


# 8. The wizard speaks of the conversation in the pack's own words.
async def test_the_wizard_uses_the_packs_own_words(
    make_app: AppFactory, answers_path: Path, pack: Questionnaire
) -> None:
    session = session_of(pack, forsikring="ja")
    session.faders = {"tid": FaderSetting(position=1)}
    save(answers_path, session)
    app = make_app(pack)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        welcome = "\n".join(text_of(w) for w in app.screen.query(".page-intro"))
        assert "Prepare for the talk with your union." in welcome
        assert "jobcenter" not in welcome and "leaflet" not in welcome
        app.go("finish")
        await pilot.pause()
        labels = [
            str(c.label) for c in app.screen.query("#audience RadioButton").results(RadioButton)
        ]
        # The audiences in the pack's words; the mulighedserklæring is a sheet of its own.
        assert labels[:2] == ["The union", "The manager"] and len(labels) == 3
    view = build_view(session, pack, "en")
    assert view.tools[0].reasons == ["Time (1/5)"]  # the pack has no level words


# Every screen shows what the overview shows, for generated sessions (the sheets are
# checked against it in tests/core/test_disclosure_properties.py).
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
async def test_the_pages_the_review_and_the_walkthrough_agree(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory, pack: Questionnaire
) -> None:
    session = Session.new(pack, "en")
    for qid, q in pack.questions.items():
        if data.draw(st.booleans(), label=f"answer {qid}"):
            value = data.draw(st.sampled_from(["ja", "nej"])) if q.type == "choice" else "X"
            session.set_answer(qid, value)
            session.set_private(qid, data.draw(st.booleans(), label=f"private {qid}"))
    path = save(tmp_path_factory.mktemp("agree") / "answers.yaml", session)
    app = MixerpultApp(path, pack, save_delay=0)
    async with app.run_test(size=(120, 50)) as pilot:
        for viewer in (Viewer.ALONE, Viewer.CASEWORKER):
            app.set_viewer(viewer)
            expected = [i.id for i in build_overview(pack, session, viewer, "en").answers]
            app.go("review")
            await wait_until(
                pilot,
                lambda: app.page == "review" and bool(app.screen.query(ReviewItem)),
                "on the review",
            )
            await pilot.pause()
            shown = [w.id.removeprefix("r-") for w in app.screen.query(ReviewItem) if w.id]
            assert [s for s in shown if s in pack.questions] == expected, viewer
            seen = disclose(pack, session, viewer)
            app.go("svar")
            await wait_until(
                pilot,
                lambda: app.page == "svar" and bool(app.screen.query(".question")),
                "on the step",
            )
            await pilot.pause()
            fields = [f.question.id for f in app.screen.query(QuestionField) if f.display]
            assert fields == [q.id for q in pack.step("svar").questions if seen.shows(q.id)]
