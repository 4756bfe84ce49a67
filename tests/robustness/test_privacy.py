"""Privacy: answers and sheets readable by the user alone, and no network connection.

Protects `files.write_private` as the wizard and `mixerpult render` use it
(files 0600, a new folder 0700, even over a file that was 0644), and the
promise that no command but `serve` opens a network connection: `check`,
`render --format all` and the wizard itself run with every internet socket
and name lookup of Python's blocked and logged (netguard/sitecustomize.py).
Typst is compiled code that the guard cannot see, so `render` is also run in
a network namespace of its own, where no network exists at all (`unshare`).
That `serve` binds loopback by default is tested in tests/web/test_serve.py.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from tests.tui.conftest import EXAMPLE_ANSWERS, AppFactory
from tests.tui.test_process import Terminal, _start_typing

from mixerpult import store

from .corpus import mixerpult
from .wizard import open_field

GUARD = Path(__file__).resolve().parent / "netguard"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _guarded_env(log: Path) -> dict[str, str]:
    """The environment of a process whose network use is refused and written to `log`."""
    path = [str(GUARD), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path), "MIXERPULT_TEST_NET_LOG": str(log)}


def _attempts(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_the_guard_blocks_the_internet_and_keeps_local_sockets(tmp_path: Path) -> None:
    # Without this the other tests could pass with a guard that never loaded.
    log = tmp_path / "net.log"
    code = (
        "import asyncio, socket\n"
        "asyncio.run(asyncio.sleep(0))\n"
        "a, b = socket.socketpair(); a.sendall(b'x'); assert b.recv(1) == b'x'\n"
        "print('local ok', flush=True)\n"
        "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9/', timeout=2)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=30,
        env=_guarded_env(log),
    )
    assert result.stdout == "local ok\n"
    assert result.returncode != 0 and "blocked by the privacy test" in result.stderr
    assert _attempts(log), "the connection was logged"


def test_check_and_render_open_no_connection_and_write_private_sheets(
    tmp_path: Path,
) -> None:
    log = tmp_path / "net.log"
    env = _guarded_env(log)
    checked = mixerpult("check", env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    out = tmp_path / "ark" / "til-samtalen"
    rendered = mixerpult(
        "render", str(EXAMPLE_ANSWERS), "--format", "all", "-o", str(out), timeout=60, env=env
    )
    assert rendered.returncode == 0, rendered.stdout + rendered.stderr
    assert _attempts(log) == []

    sheets = sorted(p.suffix for p in out.iterdir())
    assert sheets == [".html", ".md", ".pdf", ".txt"]
    assert {p.name: _mode(p) for p in out.iterdir()} == {p.name: 0o600 for p in out.iterdir()}
    assert _mode(out) == 0o700


def _without_network() -> list[str] | None:
    """The command prefix that runs a process with no network at all, if this machine
    lets a test make one (a user namespace, or root)."""
    for prefix in (["unshare", "--net"], ["unshare", "--map-root-user", "--net"]):
        try:
            if subprocess.run([*prefix, "true"], capture_output=True, timeout=10).returncode == 0:
                return prefix
        except (OSError, subprocess.TimeoutExpired):
            continue
    return None


def test_the_sheet_is_made_with_no_network_at_all(tmp_path: Path) -> None:
    prefix = _without_network()
    if prefix is None:
        pytest.skip("this machine allows no network namespace")
    out = tmp_path / "ark"
    render = ["render", str(EXAMPLE_ANSWERS), "--format", "all", "-o", str(out)]
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "mixerpult", *render],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.suffix for p in out.iterdir()) == [".html", ".md", ".pdf", ".txt"]


def test_no_template_asks_typst_for_a_package(root: Path) -> None:
    # Typst fetches `@preview/...` packages from the internet when they are imported.
    for template in (root / "templates").iterdir():
        assert "@preview/" not in template.read_text(encoding="utf-8"), template.name


def test_the_wizard_opens_no_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "net.log"
    for name, value in _guarded_env(log).items():
        monkeypatch.setenv(name, value)
    answers = tmp_path / "mine" / "answers.yaml"
    terminal = Terminal(answers, tmp_path)
    try:
        _start_typing(terminal, answers, "Mette")
        terminal.process.send_signal(signal.SIGTERM)
        assert terminal.process.wait(15) == 0
    finally:
        terminal.close()
    assert _attempts(log) == []
    assert store.load(answers).answers["fornavn"] == "Mette"
    assert (_mode(answers), _mode(answers.parent)) == (0o600, 0o700)


async def test_the_wizard_makes_an_open_answers_file_private(
    make_app: AppFactory, example_answers: Path
) -> None:
    example_answers.chmod(0o644)  # copied, say, from a shared folder
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_field(app, pilot, "om_dig", "answer-fornavn")
        await pilot.press("x")
        await pilot.pause()
        assert app.save_state == "saved"
    assert store.load(example_answers).answers["fornavn"] == "Mettex"
    assert _mode(example_answers) == 0o600
    assert [p.name for p in example_answers.parent.glob(".answers.yaml.*.tmp")] == []
