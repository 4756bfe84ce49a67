"""Just enough of the Chrome DevTools Protocol to drive a headless Chromium.

aiohttp (which textual-serve already brings) speaks the websocket; a browser
driver library would add a download of its own browser, which CI cannot do.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import re
import shutil
import subprocess
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp

_ANSI = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--window-size=1280,900",
    "--remote-debugging-port=0",
]


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


class Page:
    """One tab, with the terminal's output as the browser received it."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.ids = itertools.count(1)
        self.pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.received = b""
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self.pending:
                self.pending.pop(data["id"]).set_result(data)
            elif data.get("method") == "Network.webSocketFrameReceived":
                frame = data["params"]["response"]
                payload = frame["payloadData"]
                if frame["opcode"] == 2:
                    self.received += base64.b64decode(payload)
                else:
                    self.received += payload.encode()

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        key = next(self.ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.pending[key] = future
        await self.ws.send_json({"id": key, "method": method, "params": params})
        reply = await asyncio.wait_for(future, 30)
        assert "error" not in reply, reply
        return reply.get("result", {})

    def text(self) -> str:
        """What the terminal was told to show, without its escape sequences."""
        return _ANSI.sub(b"", self.received).decode("utf-8", "replace")

    async def wait_for_text(self, text: str, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while text not in self.text():
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} never reached the page; got {self.text()[-500:]!r}")
            await asyncio.sleep(0.1)

    async def focus_terminal(self) -> None:
        """Keys go to xterm.js's hidden textarea, as they would after a click on the page."""
        await self.send("Emulation.setFocusEmulationEnabled", enabled=True)
        await self.send(
            "Runtime.evaluate",
            expression="document.querySelector('.xterm-helper-textarea').focus()",
        )

    async def type_text(self, text: str) -> None:
        await self.send("Input.insertText", text=text)

    async def press_enter(self) -> None:
        for kind in ("keyDown", "keyUp"):
            await self.send("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter",
                            windowsVirtualKeyCode=13, text="\r" if kind == "keyDown" else "")  # fmt: skip


@asynccontextmanager
async def browser(profile: Path) -> AsyncIterator[tuple[aiohttp.ClientSession, str]]:
    """A headless Chromium with an empty profile; yields (http session, devtools base URL)."""
    executable = chromium()
    assert executable is not None
    process = subprocess.Popen(
        [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        end = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            assert process.poll() is None, "chromium exited at start"
            assert time.monotonic() < end, "chromium did not open its DevTools port"
            await asyncio.sleep(0.1)
        port = port_file.read_text().split()[0]
        async with aiohttp.ClientSession() as http:
            yield http, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@asynccontextmanager
async def open_page(http: aiohttp.ClientSession, devtools: str) -> AsyncIterator[Page]:
    async with http.put(f"{devtools}/json/new?about:blank") as reply:
        target = await reply.json()
    async with http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
        page = Page(ws)
        await page.send("Network.enable")
        await page.send("Page.enable")
        try:
            yield page
        finally:
            page.reader.cancel()
    # The tab may already be closed by the test.
    async with http.get(f"{devtools}/json/close/{target['id']}"):
        pass
