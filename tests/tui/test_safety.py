"""Nothing typed is ever lost: resume, signals, locks, broken files, failing disks."""

from __future__ import annotations

import os
import signal
import stat
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from mixerpult import files, store
from mixerpult.answers import Session, reconcile
from mixerpult.questionnaire import Questionnaire
from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.screens.broken import BrokenFileScreen
from mixerpult.tui.screens.confirm import ConfirmScreen
from mixerpult.tui.screens.save_as import SaveAsScreen
from mixerpult.tui.screens.step import StepScreen
from mixerpult.tui.screens.welcome import WelcomeScreen
from mixerpult.tui.widgets.fader import Fader

from .conftest import AppFactory
from .helpers import review_text, text_of


async def test_resume_after_quitting_returns_to_the_same_page(
    make_app: AppFactory, answers_path: Path
) -> None:
    app = make_app(save_delay=5)  # only the quit itself can have saved this
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Mette")
        app.go("refleksion")
        await pilot.pause()
        await pilot.press(*"Små opgaver [/]")
        app.screen.query_one("#answer-timer_delvis", Input).focus()
        await pilot.press(*"12,5")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.dirty

    again = make_app()
    async with again.run_test(size=(100, 40)) as pilot:
        assert isinstance(again.screen, WelcomeScreen)
        info = text_of(again.screen.query_one("#resume-info"))
        assert "Besvarede spørgsmål: 3 ·" in info and "Hvad kan du selv gøre?" in info
        await pilot.press("enter")  # "continue where you left off" has the focus
        await pilot.pause()
        assert again.page == "refleksion"
        assert again.screen.query_one("#answer-opgaver_kan").text == "Små opgaver [/]"  # type: ignore[attr-defined]
        assert again.screen.query_one("#answer-timer_delvis", Input).value == "12,5"
        assert again.s.answers["timer_delvis"] == 12.5
        assert again.s.answers["fornavn"] == "Mette"


async def test_sigterm_in_the_middle_saves_everything(
    make_app: AppFactory, answers_path: Path
) -> None:
    app = make_app(save_delay=30)  # the autosave has certainly not run yet
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Ingen ord går tabt [b]")
        app.go("mixerpult")
        await pilot.pause()
        await pilot.press("up", "up")
        assert app.dirty
        app.handle_signal(signal.SIGTERM)
        await pilot.pause()
    assert app.return_code == 0
    saved = store.load(answers_path)
    assert saved.answers["fornavn"] == "Ingen ord går tabt [b]"
    assert saved.faders["timer"].position == 4
    assert saved.current_step == "mixerpult"


async def test_autosave_comes_within_a_second(make_app: AppFactory, answers_path: Path) -> None:
    app = make_app(save_delay=0.2)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        typed = time.monotonic()
        await pilot.press(*"Mette")
        # Not saved at once (a loaded machine may take the 0.2 s just to type).
        assert app.save_state == "pending" or time.monotonic() - typed >= 0.2
        # 0.2 s by design; the rest is slack for a loaded CI machine.
        for _ in range(40):
            await pilot.pause(0.05)
            if str(app.save_state) == "saved":  # str(): mypy narrowed it to "pending"
                break
        assert str(app.save_state) == "saved"
        assert store.load(answers_path).answers["fornavn"] == "Mette"


async def test_signal_handlers_are_installed_and_removed(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test():
        assert set(app._signals_installed) == {signal.SIGTERM, signal.SIGHUP}
    assert app._signals_installed == []


async def test_a_locked_file_exits_non_zero(make_app: AppFactory, answers_path: Path) -> None:
    other = files.Lock(answers_path)
    other.acquire()
    try:
        app = make_app()
        async with app.run_test() as pilot:
            await pilot.pause()
        assert app.return_code == 1
        assert app.session is None
    finally:
        other.release()


async def test_a_broken_file_is_set_aside_never_deleted(
    make_app: AppFactory, answers_path: Path
) -> None:
    answers_path.write_text("format: 1\nanswers: [unclosed\n", encoding="utf-8")
    original = answers_path.read_bytes()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        assert isinstance(app.screen, BrokenFileScreen)
        reason = text_of(app.screen.query_one("#broken-reason"))
        assert "~/answers.yaml" in reason and "ikke gyldig YAML" in reason
        await pilot.pause()
        await pilot.press("ctrl+q")  # quitting must not write over the broken file
        await pilot.pause()
    assert answers_path.read_bytes() == original

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.click("#broken-anew")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        await pilot.press(*"Ny")
        await pilot.pause()
    backups = list(answers_path.parent.glob("answers.yaml.broken-*"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == original
    assert store.load(answers_path).answers["fornavn"] == "Ny"


async def test_start_anew_asks_and_keeps_a_backup(
    make_app: AppFactory, example_answers: Path
) -> None:
    before = example_answers.read_bytes()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.click("#anew")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # "no" has the focus: Enter does no harm
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert example_answers.read_bytes() == before

        await pilot.click("#anew")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert app.page == "om_dig"
        assert app.s.answers == {}
    backups = list(example_answers.parent.glob("answers.yaml.backup-*"))
    assert [b.read_bytes() for b in backups] == [before]
    assert not list(example_answers.parent.glob("answers.yaml.broken-*"))


def _failing_save(monkeypatch: pytest.MonkeyPatch, bad: Path) -> None:
    """Saving to `bad` fails as a read-only folder would (chmod is no use as root)."""
    real = store.save

    def save(path: Path, session: Session) -> None:
        if path == bad:
            raise store.SaveError(path, "not_writable")
        real(path, session)

    monkeypatch.setattr(store, "save", save)


async def test_start_anew_sets_nothing_aside_while_the_answers_cannot_be_saved(
    make_app: AppFactory, example_answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing_save(monkeypatch, example_answers)
    before = example_answers.read_bytes()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.s.set_answer("fornavn", "Ikke gemt endnu")
        app.mark_dirty()
        app.start_anew()  # what "Yes" under "Start forfra" does
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen), "the unsaved answers get a place first"
        assert app.s.answers["fornavn"] == "Ikke gemt endnu"
    assert example_answers.read_bytes() == before
    assert not list(example_answers.parent.glob("answers.yaml.backup-*"))


async def _type_a_name_that_cannot_be_saved(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("escape")  # the "save as" that the failing save opened
    await pilot.press(*"Hansen")
    await pilot.pause()


async def test_start_anew_keeps_answers_that_were_never_saved(
    make_app: AppFactory, answers_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every save failed from the start, so there is no file to set aside: the
    answers in memory are all there is, and "start over" must not drop them."""
    _failing_save(monkeypatch, answers_path)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _type_a_name_that_cannot_be_saved(pilot)
        assert not answers_path.exists()
        app.start_anew()
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen), "the unsaved answers get a place first"
        assert app.s.answers["fornavn"] == "Hansen"


async def test_quitting_with_a_rescue_copy_says_where_it_is(
    make_app: AppFactory, answers_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing_save(monkeypatch, answers_path)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _type_a_name_that_cannot_be_saved(pilot)
        await pilot.press("ctrl+q")  # saving fails: "save as" opens
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen)
        await pilot.press("ctrl+q")  # quit anyway
        await pilot.pause()
    message = app.final_save()
    assert message is not None and str(app.rescued) in message
    assert app.rescued is not None and app.rescued.name.startswith("mixerpult-rescued-")
    assert store.load(app.rescued).answers["fornavn"] == "Hansen"


async def test_a_failing_save_keeps_the_answers_and_offers_save_as(
    make_app: AppFactory, answers_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing_save(monkeypatch, answers_path)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen), "a failed save opens 'save as'"
        assert "Kunne ikke gemme" in text_of(app.screen.query_one(".dialog-problem"))
        assert app.save_state == "failed"
        await pilot.press("escape")
        await pilot.press(*"Mette [/]")
        await pilot.pause()
        assert not isinstance(app.screen, SaveAsScreen), "it is offered once, not at every key"
        assert app.s.answers["fornavn"] == "Mette [/]", "the answers stay in memory"

        await pilot.press("ctrl+s")
        await pilot.pause()
        field = app.screen.query_one("#save-as-path", Input)
        field.value = str(tmp_path / "elsewhere.yaml")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SaveAsScreen)
        assert app.answers_path == tmp_path / "elsewhere.yaml"
        assert app.save_state == "saved"
    assert store.load(tmp_path / "elsewhere.yaml").answers["fornavn"] == "Mette [/]"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
async def test_a_read_only_folder_is_reported(make_app: AppFactory, tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    app = make_app(path=folder / "answers.yaml")
    async with app.run_test(size=(100, 40)) as pilot:
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SaveAsScreen)
            assert app.save_state == "failed"
        finally:
            folder.chmod(stat.S_IRWXU)


async def test_save_as_never_overwrites_another_file(make_app: AppFactory, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("precious", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.save_as(other) is not None
    assert other.read_text(encoding="utf-8") == "precious"


async def test_quit_while_saving_fails_offers_another_place(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(save_delay=30)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Mette")

        def fail(path: Path, session: object) -> None:
            raise store.SaveError(path, "disk_full")

        monkeypatch.setattr(store, "save", fail)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen) and app.screen.quitting
        assert app.is_running
        monkeypatch.undo()
        app.screen.query_one("#save-as-path", Input).value = str(tmp_path / "safe.yaml")
        await pilot.click("#save-as-save")
        await pilot.pause()
    assert app.return_code == 0
    assert store.load(tmp_path / "safe.yaml").answers["fornavn"] == "Mette"


async def test_a_changed_questionnaire_keeps_every_answer(
    make_app: AppFactory, answers_path: Path, shipped_pack: Questionnaire
) -> None:
    data = {
        "format": 1,
        "questionnaire": {"id": "sygeopfoelgning", "version": "2020.1", "hash": "sha256:old"},
        "answers": {"fornavn": "Mette", "gammelt_spoergsmaal": "kept [/]"},
        "faders": {"timer": {"position": 2, "note": ""}},
    }
    answers_path.write_text(yaml.safe_dump(data), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*" K.")
        await pilot.pause()
    saved = store.load(answers_path)
    assert saved.answers["gammelt_spoergsmaal"] == "kept [/]"
    assert saved.answers["fornavn"] == "Mette K."
    # Told once: saved answers now go with this questionnaire (the orphan is still told).
    assert saved.questionnaire.hash == shipped_pack.content_hash
    kinds = {notice.kind for notice in reconcile(saved, shipped_pack)}
    assert kinds == {"orphan"}


async def test_a_fader_off_the_scale_is_shown_as_not_set_everywhere(
    make_app: AppFactory, example_answers: Path
) -> None:
    # A file edited by hand, or a pack whose scale was made shorter.
    data = yaml.safe_load(example_answers.read_text(encoding="utf-8"))
    data["faders"]["timer"]["position"] = 99
    data["faders"]["ansvar"]["position"] = 0
    example_answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = make_app()
    told: list[str] = []
    notify = app.notify

    def noting(message: str, **options: Any) -> None:
        told.append(message)
        notify(message, **options)

    app.notify = noting  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("Skyderen »Timer/tid« står uden for" in message for message in told), told
        await pilot.press("enter")  # "Fortsæt, hvor du slap": the review
        for page in ("review", "mixerpult", "walkthrough"):
            app.go(page)
            await pilot.pause()
            assert app.is_running and app.page == page
        review = await review_text(app, pilot)
        assert "Timer/tid  ·····  Ikke stillet" in review
        assert "Ansvar  ·····  Ikke stillet" in review
    assert store.load(example_answers).faders["timer"].position == 99, "kept in the file"


async def test_a_crash_report_shows_no_answer_and_the_answers_are_saved(
    make_app: AppFactory, answers_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    app = make_app(save_delay=5)
    with pytest.raises(RuntimeError, match="a bug"):
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press(*"Søren")

            def buggy() -> None:
                answers = app.s.answers  # a local variable, as any frame of the app has
                raise RuntimeError(f"a bug, with {len(answers)} answers at hand")

            app.call_later(buggy)
            await pilot.pause()
    report = capfd.readouterr().err  # where Textual prints its report of a crash
    assert "a bug, with 1 answers at hand" in report, "the error itself is reported"
    assert "Søren" not in report, "no answer on a screen that may be shared"
    assert store.load(answers_path).answers["fornavn"] == "Søren"


async def test_fader_can_be_unset_again(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.go("mixerpult")
        await pilot.pause()
        await pilot.press("up")
        assert app.s.fader("timer").position == 3
        await pilot.press("delete")
        assert app.screen.query_one("#fader-timer", Fader).value is None
        assert app.s.fader("timer").position is None


async def test_keys_typed_just_before_ctrl_q_are_saved(
    make_app: AppFactory, answers_path: Path
) -> None:
    """A burst of keys and Ctrl+Q at once, as a terminal delivers them when the app is
    busy: Ctrl+Q must not run before the field has read the keys ahead of it."""
    app = make_app(save_delay=30)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        burst(app, [*zip("Annabella", "Annabella", strict=True), ("ctrl+q", None)])
        await pilot.pause(0.5)
    assert app.return_code == 0
    assert store.load(answers_path).answers["fornavn"] == "Annabella"


async def test_a_deletion_just_before_ctrl_q_is_saved(
    make_app: AppFactory, answers_path: Path
) -> None:
    """Backspace is the field's binding: the app runs it as the key comes back up, and
    the page hears of the change only later. Quitting takes what the field shows."""
    app = make_app(save_delay=30)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter", *"Annabellx")
        await pilot.pause()
        burst(app, [("backspace", "\x08"), ("ctrl+q", None)])
        await pilot.pause(0.5)
    assert app.return_code == 0
    assert store.load(answers_path).answers["fornavn"] == "Annabell"


async def test_a_fader_moved_just_before_ctrl_q_is_saved(
    make_app: AppFactory, answers_path: Path
) -> None:
    app = make_app(save_delay=30)
    async with app.run_test(size=(100, 40)) as pilot:
        app.go("mixerpult")
        await pilot.pause()
        burst(app, [("home", None), ("right", None), ("end", None), ("ctrl+q", None)])
        await pilot.pause(0.5)
    saved = store.load(answers_path)
    assert saved.fader("timer").position == 5 and saved.fader("fysiske_rammer").position == 1


def burst(app: MixerpultApp, keys: list[tuple[str, str | None]]) -> None:
    """Keys as the terminal driver delivers them: all at once, nothing waited for."""
    for key, char in keys:
        event = events.Key(key, char)
        event.set_sender(app)
        assert app._driver is not None
        app._driver.send_message(event)


async def test_keys_typed_the_moment_a_page_appears_land_in_its_first_field(
    make_app: AppFactory, answers_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys that arrive while a page is being put up (a typist who does not wait, a
    shared screen over the network) must reach its first field, not a page that has
    nothing focused yet."""
    mounted = StepScreen.on_mount
    sent: list[bool] = []

    def on_mount(screen: StepScreen) -> None:
        mounted(screen)
        if not sent:  # the keys queue up behind the mount, before any refresh
            sent.append(True)
            burst(app, list(zip("Mette", "Mette", strict=True)))

    monkeypatch.setattr(StepScreen, "on_mount", on_mount)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert isinstance(app.screen, StepScreen)
    assert store.load(answers_path).answers.get("fornavn") == "Mette"
