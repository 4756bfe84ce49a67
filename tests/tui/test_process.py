"""The real program in a real terminal (a pty): SIGTERM and SIGHUP lose nothing.

This is what happens when someone closes the terminal window or logs out
while typing: the words typed a moment ago, before the autosave ran, must
be in the file afterwards.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from mixerpult import store

from .conftest import SHIPPED_PACK

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


class Terminal:
    """The wizard running in a pseudo-terminal of 100×30."""

    def __init__(self, answers: Path, home: Path) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        os.set_blocking(self.master, False)
        env = {**os.environ, "HOME": str(home), "TERM": "xterm-256color"}
        env.pop("NO_COLOR", None)
        command = [sys.executable, "-m", "mixerpult", "--file", str(answers)]
        command += ["--questions", str(SHIPPED_PACK)]
        self.process = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.screen = b""

    def read(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    self.screen += os.read(self.master, 65536)
                except OSError:
                    return

    def wait_for(self, text: str, timeout: float = 20) -> None:
        end = time.monotonic() + timeout
        while text.encode() not in self.screen:
            if time.monotonic() > end or self.process.poll() is not None:
                raise AssertionError(f"{text!r} never appeared")
            self.read(0.1)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def hang_up(self) -> None:
        """What a terminal window does when it is closed: its end of the pty goes away."""
        os.close(self.master)
        self.master = -1

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        if self.master >= 0:
            os.close(self.master)


def _start_typing(terminal: Terminal, answers: Path, text: str) -> None:
    terminal.wait_for("Begynd")
    terminal.read(0.3)
    terminal.type("\r")  # "Begynd" has the focus
    terminal.wait_for("Dit fornavn")
    terminal.read(0.3)
    terminal.type(text)
    terminal.read(0.3)  # well under the autosave's half second
    assert text not in answers.read_text(encoding="utf-8"), "not saved yet"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_typing_loses_nothing(sig: signal.Signals, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    terminal = Terminal(answers, tmp_path)
    try:
        _start_typing(terminal, answers, "Mette [/] [b]x")
        terminal.process.send_signal(sig)
        code = terminal.process.wait(15)
    finally:
        terminal.close()
    assert code == 0
    saved = store.load(answers)
    assert saved.answers["fornavn"] == "Mette [/] [b]x"
    assert saved.current_step == "om_dig"
    assert not list(tmp_path.glob("mixerpult-rescued-*")), "the normal save worked"


def test_closing_the_terminal_window_loses_nothing(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    terminal = Terminal(answers, tmp_path)
    try:
        _start_typing(terminal, answers, "Lukket vindue")
        terminal.hang_up()
        terminal.process.send_signal(signal.SIGHUP)
        terminal.process.wait(15)
    finally:
        terminal.close()
    assert store.load(answers).answers["fornavn"] == "Lukket vindue"
