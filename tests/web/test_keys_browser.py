"""In a real headless Chromium, every key the footer shows on a page reaches the wizard.

The wizard runs as `keylog.py`, which logs each key it receives with the page and
the footer on screen. On each page the test turns on the log's probe mode (keys
are logged, not acted on), reads the footer from the log, presses each of its
keys as Chromium's input would, and checks that the wizard got that very key.
Between the pages it moves with the footer's own keys, acted on.

Headless Chromium gives the page even the keys a windowed browser keeps for
itself (Ctrl+N opens a window there): tests/tui/test_keys.py keeps the footer
clear of those.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from mixerpult.packs import load_pack

from . import cdp
from .conftest import free_port, listening, needs_chromium

ROOT = Path(__file__).resolve().parents[2]
KEYLOG = Path(__file__).resolve().parent / "keylog.py"

NAMED = {
    "escape": ("Escape", "Escape", 27, ""),
    "enter": ("Enter", "Enter", 13, "\r"),
    "tab": ("Tab", "Tab", 9, "\t"),
    "pageup": ("PageUp", "PageUp", 33, ""),
    "pagedown": ("PageDown", "PageDown", 34, ""),
    "question_mark": ("?", "Slash", 191, "?"),
}


def key_event(name: str) -> dict[str, Any]:
    """The `Input.dispatchKeyEvent` fields of the Textual key `name` ("ctrl+f", "f1")."""
    *modifiers, base = name.split("+")
    flags = {"alt": 1, "ctrl": 2, "meta": 4, "shift": 8}
    mask = sum(flags[m] for m in modifiers)
    if base in NAMED:
        key, code, vk, text = NAMED[base]
        if base == "question_mark":
            mask |= flags["shift"]
    elif base[:1] == "f" and base[1:].isdigit():
        key, code, vk, text = base.upper(), base.upper(), 111 + int(base[1:]), ""
    else:
        assert len(base) == 1, name
        key, code, vk = base, f"Key{base.upper()}", ord(base.upper())
        text = "" if mask & (flags["ctrl"] | flags["alt"]) else base
    event = {"key": key, "code": code, "windowsVirtualKeyCode": vk, "modifiers": mask}
    return {**event, "text": text} if text else event


class Wizard:
    """A served wizard that logs its keys, and the tab that shows it."""

    def __init__(self, log: Path, page: cdp.Page) -> None:
        self.log = log
        self.probe_flag = log.with_name(log.name + ".probe")
        self.page = page
        self.footer: list[list[str]] = []
        """The last footer probed: [key, as shown, words] for each key."""

    def entries(self) -> list[dict[str, Any]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text("utf-8").splitlines()]

    async def press(self, name: str) -> dict[str, Any]:
        """Press `name` in the browser; what the wizard logged for it."""
        before = len(self.entries())
        event = key_event(name)
        down = "keyDown" if "text" in event else "rawKeyDown"
        await self.page.send("Input.dispatchKeyEvent", type=down, **event)
        up = {k: v for k, v in event.items() if k != "text"}
        await self.page.send("Input.dispatchKeyEvent", type="keyUp", **up)
        end = time.monotonic() + 20
        while len(self.entries()) <= before:
            assert time.monotonic() < end, f"{name} never reached the wizard"
            await asyncio.sleep(0.05)
        return self.entries()[before]

    async def probing(self, screen: str, page: str | None) -> list[list[str]]:
        """Turn on probe mode once the wizard shows `screen`/`page`; its footer's keys."""
        self.probe_flag.touch()
        end = time.monotonic() + 30
        while True:
            entry = await self.press("x")  # logged, not typed: probe mode
            if entry["screen"] == screen and entry["page"] == page and entry["footer"]:
                assert entry["web"], "the wizard knows it is in a browser"
                self.footer = list(entry["footer"])
                return self.footer
            trail = [(e["key"], e["page"]) for e in self.entries()[-40:]]
            assert time.monotonic() < end, f"never on {screen}/{page}: {trail}"
            await asyncio.sleep(0.3)

    async def check_footer(self, screen: str, page: str | None) -> list[str]:
        footer = await self.probing(screen, page)
        for key, shown, words in footer:
            entry = await self.press(key)
            assert entry["key"] == key, f"on {screen}: {shown} {words} arrived as {entry['key']}"
        self.probe_flag.unlink()
        return [key for key, _, _ in footer]

    async def go(self, key: str) -> None:
        """Press `key` for what it does (probe mode off)."""
        assert not self.probe_flag.exists()
        await self.press(key)


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    """The example answers, resuming on the console."""
    pack = load_pack(ROOT / "questions" / "sygeopfoelgning.yaml")
    path = tmp_path / "svar.yaml"
    shutil.copy(ROOT / "examples" / "answers.da.yaml", path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questionnaire"]["hash"] = pack.content_hash
    data["current_step"] = "mixerpult"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@contextlib.asynccontextmanager
async def served_wizard(answers: Path, tmp_path: Path, *extra: str) -> AsyncIterator[Wizard]:
    """`keylog.py serve` on `answers`, and a tab of headless Chromium that shows it."""
    log = tmp_path / "keys.jsonl"
    port = free_port()
    env = {**os.environ, "MIXERPULT_KEYLOG": str(log)}
    command = [sys.executable, str(KEYLOG), "serve", "--file", str(answers), "--port", str(port)]
    server = subprocess.Popen(
        [*command, *extra],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        end = time.monotonic() + 30
        while not listening(port):
            assert server.poll() is None and time.monotonic() < end, "the server never listened"
            await asyncio.sleep(0.05)
        async with (
            cdp.browser(tmp_path / "profile") as (http, devtools),
            cdp.open_page(http, devtools) as tab,
        ):
            await tab.send("Page.navigate", url=f"http://127.0.0.1:{port}/")
            await tab.wait_for_text("Velkommen")
            await asyncio.sleep(0.5)
            await tab.focus_terminal()
            yield Wizard(log, tab)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@needs_chromium
async def test_every_footer_key_reaches_the_wizard(answers: Path, tmp_path: Path) -> None:
    seen: dict[str, list[str]] = {}
    async with served_wizard(answers, tmp_path) as wizard:
        seen["welcome"] = await wizard.check_footer("WelcomeScreen", None)
        await wizard.go("enter")  # "Fortsæt": the console
        seen["mixerpult"] = await wizard.check_footer("MixerpultScreen", "mixerpult")
        await wizard.go("escape")
        seen["step"] = await wizard.check_footer("StepScreen", "aftalt")
        # The same page again, now built while the page before it was read.
        await wizard.go("escape")
        await asyncio.sleep(0.5)
        await wizard.go("ctrl+f")
        seen["step built ahead"] = await wizard.check_footer("StepScreen", "aftalt")
        await wizard.go("ctrl+o")
        seen["review"] = await wizard.check_footer("ReviewScreen", "review")
        await wizard.go("ctrl+f")
        seen["finish"] = await wizard.check_footer("FinishScreen", "finish")
        await wizard.go("escape")
        await wizard.probing("ReviewScreen", "review")
        wizard.probe_flag.unlink()
        await wizard.go("g")
        seen["walkthrough"] = await wizard.check_footer("WalkthroughScreen", "walkthrough")
        await wizard.go("a")
        seen["agreements"] = await wizard.check_footer("AgreementsScreen", "agreements")
    # The keys that move from page to page were among those checked.
    assert "escape" in seen["mixerpult"] and "ctrl+o" in seen["step"]
    assert seen["step built ahead"] == seen["step"]
    assert "ctrl+f" in seen["review"] and "f1" in seen["welcome"]
    assert "v" in seen["review"], "the preview of each sheet"
    assert all("ctrl+q" not in keys and "ctrl+n" not in keys for keys in seen.values()), seen


@needs_chromium
async def test_the_bad_day_key_reaches_a_console_of_ranges(tmp_path: Path) -> None:
    """A pack of good days and bad days: the key that switches to the bad day's knob,
    and the one back, arrive from the browser as the footer shows them."""
    pack = ROOT / "tests" / "packs" / "valid" / "ranges.yaml"
    answers = tmp_path / "svar.yaml"
    questionnaire = load_pack(pack)
    answers.write_text(
        yaml.safe_dump(
            {
                "format": 1,
                "questionnaire": {
                    "id": questionnaire.id,
                    "version": questionnaire.version,
                    "hash": questionnaire.content_hash,
                },
                "language": "da",
                "current_step": "mixerpult",
                "faders": {"tid": {"position": 3}},
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    async with served_wizard(answers, tmp_path, "--questions", str(pack)) as wizard:
        await wizard.go("enter")  # "Fortsæt": the console
        await wizard.check_footer("MixerpultScreen", "mixerpult")
        assert ["b", "b", "Dårlig dag"] in wizard.footer, wizard.footer
        await wizard.go("b")  # acted on: the bad day's knob moves now
        end = time.monotonic() + 20  # the footer follows after the next paint
        while ["b", "b", "God dag"] not in await wizard.probing("MixerpultScreen", "mixerpult"):
            assert time.monotonic() < end, wizard.footer
            await asyncio.sleep(0.2)
        wizard.probe_flag.unlink()
        await wizard.check_footer("MixerpultScreen", "mixerpult")
