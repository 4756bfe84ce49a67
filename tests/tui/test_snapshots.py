"""Every screen as a picture, at 80×24 and 120×40, in Danish and English.

Deterministic by construction: the cursor does not blink (conftest), saving
is immediate (the top bar always says "saved"), paths are under a HOME that
reads as ~, and the example file carries fixed timestamps.
Update with `pytest tests/tui/test_snapshots.py --snapshot-update`, then look.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.pilot import Pilot

from mixerpult.questionnaire import Questionnaire
from mixerpult.tui.app import MixerpultApp

from .conftest import AppFactory
from .helpers import FakeSheet, wait_until

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
LANGS = ["da", "en"]

Snap = Callable[..., bool]
RunBefore = Callable[[Pilot[Any]], Awaitable[None]]


def go(page: str, **kwargs: Any) -> RunBefore:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app = pilot.app
        assert isinstance(app, MixerpultApp)
        app.go(page, **kwargs)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
class TestStart:
    def test_welcome_new(
        self, snap_compare: Snap, make_app: AppFactory, size: Any, lang: str
    ) -> None:
        assert snap_compare(make_app(lang=lang), terminal_size=size)

    def test_welcome_resume(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, size: Any, lang: str
    ) -> None:
        assert snap_compare(make_app(lang=lang), terminal_size=size)

    def test_confirm_start_anew(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, size: Any, lang: str
    ) -> None:
        async def run_before(pilot: Pilot[Any]) -> None:
            await pilot.click("#anew")
            # The button shows it was pressed for a moment (Textual's -active): the
            # picture is of the question, once the button under it is still again.
            button = pilot.app.screen_stack[-2].query_one("#anew")
            await wait_until(pilot, lambda: not button.has_class("-active"), "still")

        assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=run_before)

    def test_broken_file(
        self, snap_compare: Snap, make_app: AppFactory, answers_path: Path, size: Any, lang: str
    ) -> None:
        answers_path.write_text("format: 1\nanswers: [unclosed\n", encoding="utf-8")
        assert snap_compare(make_app(lang=lang), terminal_size=size)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
class TestPages:
    def test_step(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, size: Any, lang: str
    ) -> None:
        assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=go("om_dig"))

    def test_step_with_missing_answer(
        self,
        snap_compare: Snap,
        make_app: AppFactory,
        types_pack: Questionnaire,
        size: Any,
        lang: str,
    ) -> None:
        async def run_before(pilot: Pilot[Any]) -> None:
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("ctrl+n")
            await pilot.pause()

        app = make_app(types_pack, lang=lang)
        assert snap_compare(app, terminal_size=size, run_before=run_before)

    def test_mixerpult(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, size: Any, lang: str
    ) -> None:
        app = make_app(lang=lang)
        assert snap_compare(app, terminal_size=size, run_before=go("mixerpult", focus="opgaver"))

    def test_review(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, size: Any, lang: str
    ) -> None:
        assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=go("review"))

    def test_finish(
        self,
        snap_compare: Snap,
        make_app: AppFactory,
        example_answers: Path,
        monkeypatch: pytest.MonkeyPatch,
        size: Any,
        lang: str,
    ) -> None:
        FakeSheet().install(monkeypatch)

        async def run_before(pilot: Pilot[Any]) -> None:
            await go("finish")(pilot)
            await pilot.press("ctrl+n")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

        assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=run_before)


def _plan_with_a_warning(answers: Path) -> None:
    # 35 of 37 hours: under 4 hours of absence, said under the table.
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    data["answers"]["tilbage_plan"][1]["hours"] = 35
    answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
class TestPlan:
    """The return plan's table: every column and button in view, and its warnings."""

    @pytest.mark.parametrize("size", SIZES)
    def test_plan(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, size: Any, lang: str
    ) -> None:
        _plan_with_a_warning(example_answers)
        app = make_app(lang=lang)
        assert snap_compare(app, terminal_size=size, run_before=go("plan_tilbage"))

    def test_plan_60x20(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, lang: str
    ) -> None:
        app = make_app(lang=lang)
        assert snap_compare(app, terminal_size=(60, 20), run_before=go("plan_tilbage"))


@pytest.mark.parametrize("lang", LANGS)
class TestConsole:
    """The console where it is cramped: a browser tab with a large font, and its
    explanation, which 80×24 has no room for on the page."""

    def test_mixerpult_60x20(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, lang: str
    ) -> None:
        app = make_app(lang=lang)
        run_before = go("mixerpult", focus="ansvar")
        assert snap_compare(app, terminal_size=(60, 20), run_before=run_before)

    def test_explanation(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, lang: str
    ) -> None:
        async def run_before(pilot: Pilot[Any]) -> None:
            await go("mixerpult")(pilot)
            await pilot.press("i")
            await pilot.pause()

        assert snap_compare(make_app(lang=lang), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
class TestDialogs:
    def test_help(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, size: Any, lang: str
    ) -> None:
        assert snap_compare(make_app(lang=lang), terminal_size=size, press=["f1"])

    def test_save_as(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, size: Any, lang: str
    ) -> None:
        assert snap_compare(make_app(lang=lang), terminal_size=size, press=["ctrl+s"])


@pytest.mark.parametrize("theme", ["high-contrast", "ansi"])
def test_themes(
    snap_compare: Snap, make_app: AppFactory, example_answers: Path, theme: str
) -> None:
    app = make_app(theme=theme)
    assert snap_compare(app, terminal_size=(80, 24), run_before=go("mixerpult"))


WALK_SIZES = [
    pytest.param((60, 20), id="60x20"),  # a browser tab with a large font
    pytest.param((80, 24), id="80x24"),
    pytest.param((120, 40), id="120x40"),
]


def pages_down(count: int) -> RunBefore:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        for _ in range(count):
            await pilot.press("pagedown")
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("lang", LANGS)
class TestMeeting:
    """The walkthrough (started in it, as `--walkthrough` will) and the agreements."""

    @pytest.mark.parametrize("size", WALK_SIZES)
    def test_walkthrough(
        self, snap_compare: Snap, make_app: AppFactory, meeting_answers: Path, size: Any, lang: str
    ) -> None:
        # Three sections down: the fader bank, drawn large.
        app = make_app(lang=lang, start_in_walkthrough=True)
        assert snap_compare(app, terminal_size=size, run_before=pages_down(3))

    def test_walkthrough_private_hidden(
        self, snap_compare: Snap, make_app: AppFactory, meeting_answers: Path, lang: str
    ) -> None:
        # As after editing an answer: the walkthrough opens with that item in the middle.
        app = make_app(lang=lang)
        run_before = go("walkthrough", focus="r-behandling")
        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)

    def test_agreements(
        self, snap_compare: Snap, make_app: AppFactory, meeting_answers: Path, lang: str
    ) -> None:
        async def run_before(pilot: Pilot[Any]) -> None:
            await pilot.pause()
            await pilot.press("a")
            await pilot.pause()

        app = make_app(lang=lang, start_in_walkthrough=True)
        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)

    def test_agreements_by_when_not_a_date(
        self, snap_compare: Snap, make_app: AppFactory, meeting_answers: Path, lang: str
    ) -> None:
        # Kept as written, and marked on its row.
        data = yaml.safe_load(meeting_answers.read_text(encoding="utf-8"))
        data["agreements"]["next_steps"][0]["by"] = "32-13-2026"
        meeting_answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        app = make_app(lang=lang)
        run_before = go("agreements", focus="step-1")
        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def preview(*keys: str) -> RunBefore:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app = pilot.app
        assert isinstance(app, MixerpultApp)
        app.go("review")
        await pilot.pause()
        await pilot.press("v", *keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("lang", LANGS)
class TestSharing:
    """The preview of each audience's sheet, with the levels beside its items."""

    @pytest.mark.parametrize("size", [*SIZES, pytest.param((60, 20), id="60x20")])
    def test_preview_municipality(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, size: Any, lang: str
    ) -> None:
        assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=preview())

    @pytest.mark.parametrize("size", SIZES)
    def test_preview_employer_left_out(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, size: Any, lang: str
    ) -> None:
        # The employer's version, scrolled to its end: what it leaves out, and why.
        run_before = preview("w", "tab", "end")
        assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=run_before)

    def test_level_open(
        self, snap_compare: Snap, make_app: AppFactory, example_answers: Path, lang: str
    ) -> None:
        # The three levels of an answer, opened on its step page.
        async def run_before(pilot: Pilot[Any]) -> None:
            await pilot.pause()
            app = pilot.app
            assert isinstance(app, MixerpultApp)
            app.go("om_dig")
            await pilot.pause()
            await pilot.press("tab", "enter")
            await pilot.pause()

        assert snap_compare(make_app(lang=lang), terminal_size=(80, 24), run_before=run_before)
