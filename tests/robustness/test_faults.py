"""Faults: a killed save, a full or read-only disk, and a second wizard on the same file.

Protects the atomic write in `files.write_private` (SIGKILL at any moment
leaves the old file or the new one, never half of one), the wizard's answer
to an `OSError` deep in a save (a message in Danish, the answers kept in
memory, "save as" offered, the file on disk untouched), and the lock that
keeps a second wizard, in another terminal, off a file in use. SIGTERM and
SIGHUP while typing are in tests/tui/test_process.py; a failing `store.save`
as such is in tests/tui/test_safety.py.
"""

from __future__ import annotations

import errno
import os
import random
import re
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.tui.conftest import AppFactory
from tests.tui.helpers import text_of
from tests.tui.test_process import Terminal, _start_typing
from textual.widgets import Input

from mixerpult import store
from mixerpult.answers import Session
from mixerpult.i18n import t
from mixerpult.questionnaire import Questionnaire
from mixerpult.tui.screens.save_as import SaveAsScreen

from .wizard import open_field

KILLS = 20


def _version(i: int) -> str:
    # Sizes up to 300 KB, so a kill often lands in the middle of writing one.
    return f"{i}:" + "skånebehov [/]\n" * random.Random(i).randrange(1, 20_000)


def _save_forever(path: Path, pack: Questionnaire, ready: int) -> None:
    session = Session.new(pack)
    i = 0
    while True:
        session.set_answer("situation_nu", _version(i))
        store.save(path, session)
        if i == 0:
            os.write(ready, b"x")
        i += 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_during_saves_never_leaves_a_broken_file(
    tmp_path: Path, shipped_pack: Questionnaire
) -> None:
    path = tmp_path / "answers.yaml"
    rng = random.Random(2026)
    for _ in range(KILLS):
        read_end, write_end = os.pipe()
        # A fork, not a new interpreter: twenty start-ups would cost more than the saves.
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            try:
                os.close(read_end)
                _save_forever(path, shipped_pack, write_end)
            finally:
                os._exit(1)
        os.close(write_end)
        assert os.read(read_end, 1) == b"x", "the child saved once"
        os.close(read_end)
        time.sleep(rng.uniform(0, 0.05))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)

        text = store.load(path).answers["situation_nu"]
        assert isinstance(text, str)
        number, _ = text.split(":", 1)
        assert text == _version(int(number)), "a whole version, never a mix or a cut"

    for leftover in tmp_path.iterdir():
        if leftover.name != "answers.yaml":
            # What a kill leaves is hidden and named .tmp: nothing takes it for answers.
            assert re.fullmatch(r"\.answers\.yaml\.\w+\.tmp", leftover.name), leftover.name
    assert len(list(tmp_path.iterdir())) <= KILLS + 1


def _fail_on(path: Path, call: Callable[..., object], code: int) -> Callable[..., object]:
    """`call` as it fails on a full disk or a read-only file system, for saves to `path`
    (given by name, or as the descriptor of its temporary file)."""

    def aimed_at(arg: object) -> bool:
        if isinstance(arg, int):
            arg = os.readlink(f"/proc/self/fd/{arg}")
        if not isinstance(arg, str | os.PathLike):
            return False
        target = Path(arg)
        return target == path or (
            target.parent == path.parent and target.name.startswith(f".{path.name}.")
        )

    def failing(*args: object, **kwargs: object) -> object:
        if any(aimed_at(a) for a in args):
            raise OSError(code, os.strerror(code))
        return call(*args, **kwargs)

    return failing


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
@pytest.mark.parametrize(
    ("name", "code", "reason"),
    [
        ("fsync", errno.ENOSPC, "reason_disk_full"),
        ("replace", errno.EROFS, "reason_not_writable"),
    ],
)
async def test_a_full_or_read_only_disk_keeps_the_answers_and_the_file(
    name: str,
    code: int,
    reason: str,
    make_app: AppFactory,
    example_answers: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_field(app, pilot, "om_dig", "answer-fornavn")
        before = example_answers.read_bytes()
        monkeypatch.setattr(os, name, _fail_on(example_answers, getattr(os, name), code))
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen), "the first failed save offers another place"
        problem = text_of(app.screen.query_one(".dialog-problem"))
        assert "Kunne ikke gemme i ~/answers.yaml" in problem
        assert t(reason, "da") in problem
        await pilot.press("escape")
        await pilot.press(*"[b]Kim")
        await pilot.pause()
        assert app.s.answers["fornavn"] == "Mette [b]Kim", "kept in memory"
        assert example_answers.read_bytes() == before, "the old file is whole"
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []

        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#save-as-path", Input).value = str(tmp_path / "usb" / "svar.yaml")
        await pilot.press("enter")
        await pilot.pause()
        assert app.save_state == "saved"
    assert store.load(tmp_path / "usb" / "svar.yaml").answers["fornavn"] == "Mette [b]Kim"
    assert example_answers.read_bytes() == before


def _plain(screen: bytes) -> str:
    """What a terminal shows, roughly: escape sequences and line breaks taken out."""
    text = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]", b"", screen)
    return " ".join(text.decode("utf-8", "replace").split())


def test_a_second_wizard_on_the_same_file_is_told_and_changes_nothing(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    first = Terminal(answers, tmp_path)
    second: Terminal | None = None
    try:
        _start_typing(first, answers, "Først")
        deadline = time.monotonic() + 15  # the autosave's half second, on a busy machine
        while store.load(answers).answers.get("fornavn") != "Først":
            assert time.monotonic() < deadline, "the first wizard saved what was typed"
            first.read(0.1)
        saved = answers.read_bytes()

        second = Terminal(answers, tmp_path)
        code = second.process.wait(20)
        second.read(0.5)
        assert code == 1
        shown = _plain(second.screen)
        assert "~/answers.yaml er allerede åben i et andet mixerpult-vindue" in shown, shown
        assert "Traceback" not in shown
        assert answers.read_bytes() == saved, "the second wizard wrote nothing"

        first.type(" og sidst")
        first.wait_for("sidst")  # drawn, so the keys reached the field
        first.process.send_signal(signal.SIGTERM)
        assert first.process.wait(15) == 0
    finally:
        first.close()
        if second is not None:
            second.close()
    assert store.load(answers).answers["fornavn"] == "Først og sidst"


async def test_going_to_the_page_shown_does_not_crash(make_app: AppFactory) -> None:
    app = make_app(save_delay=5)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Mette")
        field = app.focused
        app.go("om_dig")  # what the palette's "Gå til: Om dig" does on that page
        await pilot.pause()
        assert app.is_running and app.page == "om_dig"
        assert app.focused is field, "the cursor stays where it was"
        assert app.s.answers["fornavn"] == "Mette"
        app.go("review")
        await pilot.pause()
        await pilot.press("ctrl+r")  # "Oversigt" on the review itself
        await pilot.pause()
        assert app.is_running and app.page == "review"
