"""Quitting the real program in a real terminal: it says where the answers are, and leaves
no lock file behind."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from mixerpult import store
from mixerpult.tui.app import MixerpultApp

from .conftest import AppFactory
from .test_process import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")

_ESCAPES = re.compile(rb"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][A-Z0-9]|.)")


def _after_the_app(screen: bytes) -> str:
    """What the terminal shows once the app has given it back (leaving the alternate screen)."""
    tail = screen.rsplit(b"\x1b[?1049l", 1)[-1]
    return _ESCAPES.sub(b"", tail).decode("utf-8", "replace")


def test_ctrl_q_says_where_the_answers_are_and_leaves_no_lock(tmp_path: Path) -> None:
    answers = tmp_path / "svar" / "answers.yaml"
    terminal = Terminal(answers, tmp_path)
    try:
        terminal.wait_for("Begynd")
        terminal.read(0.3)
        assert (answers.parent / ".answers.yaml.lock").exists(), "locked while it runs"
        terminal.type("\r")
        terminal.wait_for("Dit fornavn")
        terminal.read(0.3)
        terminal.type("Mette")
        terminal.read(0.2)
        terminal.type("\x11")  # Ctrl+Q
        code = terminal.process.wait(15)
        terminal.read(0.5)
    finally:
        terminal.close()
    assert code == 0
    assert store.load(answers).answers["fornavn"] == "Mette"
    told = " ".join(_after_the_app(terminal.screen).split())
    assert f"Dine svar er gemt i {answers}" in told, told
    assert sorted(p.name for p in answers.parent.iterdir()) == ["answers.yaml"], "no lock file"


@pytest.mark.parametrize(
    ("lang", "served", "told"),
    [("en", False, "Your answers are saved in "), ("da", True, None)],
)
async def test_the_farewell_speaks_the_wizards_language_and_not_to_a_browsers_server(
    make_app: AppFactory,
    answers_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    served: bool,
    told: str | None,
) -> None:
    monkeypatch.setattr(MixerpultApp, "in_browser", property(lambda self: served))
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 40)) as pilot:
        assert app.farewell() is None, "nothing saved yet: nothing to point at"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Mette")
        await pilot.press("ctrl+q")
        await pilot.pause()
    # In a browser tab the terminal is the server's (and its pipe to the browser).
    assert app.farewell() == (None if told is None else f"{told}{answers_path}")
