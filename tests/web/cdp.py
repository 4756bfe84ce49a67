"""Just enough of the Chrome DevTools Protocol to drive a headless Chromium.

aiohttp (which textual-serve already brings) speaks the websocket; a browser
driver library would add a download of its own browser, which CI cannot do.
What the terminal shows is read back with pyte, a terminal emulator: the
browser draws xterm.js on a canvas, so there is no text to ask the page for.
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
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pyte

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
        self.terminal: list[bytes | tuple[int, int]] = []
        """The terminal's bytes, and each size the page gave it, in order."""
        self.messages: list[Any] = []
        """The text frames the server sent (JSON: deliveries, pongs)."""
        self.documents = 0
        """How many pages the tab has received (a reload is one more)."""
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
                    data = base64.b64decode(payload)
                    self.received += data
                    self.terminal.append(data)
                else:
                    self.received += payload.encode()
                    self.messages.append(json.loads(payload))
            elif data.get("method") == "Network.responseReceived":
                self.documents += data["params"]["type"] == "Document"
            elif data.get("method") == "Network.webSocketCreated":
                query = parse_qs(urlsplit(data["params"]["url"]).query)
                if "width" in query:
                    self.terminal.append((int(query["width"][0]), int(query["height"][0])))
            elif data.get("method") == "Network.webSocketFrameSent":
                sent = json.loads(data["params"]["response"]["payloadData"])
                if sent[0] == "resize":
                    self.terminal.append((sent[1]["width"], sent[1]["height"]))

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        key = next(self.ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.pending[key] = future
        await self.ws.send_json({"id": key, "method": method, "params": params})
        reply = await asyncio.wait_for(future, 30)
        assert "error" not in reply, reply
        result: dict[str, Any] = reply.get("result", {})
        return result

    def text(self) -> str:
        """What the terminal was told to show, without its escape sequences."""
        return _ANSI.sub(b"", self.received).decode("utf-8", "replace")

    async def wait_for_text(self, text: str, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while text not in self.text():
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} never reached the page; got {self.text()[-500:]!r}")
            await asyncio.sleep(0.1)

    def size(self) -> tuple[int, int]:
        """The terminal's last size (columns, rows), as the page told the server."""
        sizes = [item for item in self.terminal if isinstance(item, tuple)]
        assert sizes, "the page never opened its terminal"
        return sizes[-1]

    def screen(self) -> list[str]:
        """The terminal's rows as they are shown now (none before the page opened it)."""
        if not any(isinstance(item, tuple) for item in self.terminal):
            return []
        columns, rows = self.size()
        screen = pyte.Screen(columns, rows)
        stream = pyte.ByteStream(screen)
        for item in self.terminal:
            if isinstance(item, tuple):
                screen.resize(item[1], item[0])
            else:
                stream.feed(item)
        return list(screen.display)

    async def wait_for_screen(self, text: str, timeout: float = 30) -> list[str]:
        """Wait until `text` is on the screen (not only somewhere in the output)."""
        end = time.monotonic() + timeout
        while True:
            rows = self.screen()
            if any(text in row for row in rows):
                return rows
            if time.monotonic() > end:
                shown = "\n".join(rows)
                raise AssertionError(f"{text!r} never on the screen; it shows:\n{shown}")
            await asyncio.sleep(0.1)

    async def evaluate(self, expression: str) -> Any:
        reply = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return reply["result"].get("value")

    async def click_text(self, text: str, *, beside: str = "") -> None:
        """Click the middle of `text` where the terminal first shows it (on a row with `beside`)."""
        rows = await self.wait_for_screen(text)
        found = [
            (y, row.index(text)) for y, row in enumerate(rows) if text in row and beside in row
        ]
        assert found, f"{text!r} is on no row with {beside!r}"
        y, x = found[0]
        columns, lines = self.size()
        box = await self.evaluate(
            "(() => { const r = document.querySelector('.xterm-screen').getBoundingClientRect();"
            " return [r.left, r.top, r.width, r.height]; })()"
        )
        left, top, width, height = box
        px = left + (x + len(text) / 2) * width / columns
        py = top + (y + 0.5) * height / lines
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            await self.send("Input.dispatchMouseEvent", type=kind, x=px, y=py,
                            button="left" if kind != "mouseMoved" else "none",
                            clickCount=1 if kind != "mouseMoved" else 0)  # fmt: skip
            await asyncio.sleep(0.05)

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
async def downloads(
    http: aiohttp.ClientSession, devtools: str, folder: Path
) -> AsyncIterator[Path]:
    """While open, the whole browser (every tab a download opens too) saves into `folder`.

    Chromium forgets the setting when the connection that made it closes.
    """
    folder.mkdir(exist_ok=True)
    async with http.get(f"{devtools}/json/version") as reply:
        endpoint = (await reply.json())["webSocketDebuggerUrl"]
    async with http.ws_connect(endpoint, max_msg_size=0) as ws:
        await ws.send_json({"id": 1, "method": "Browser.setDownloadBehavior",
                            "params": {"behavior": "allow", "downloadPath": str(folder)}})  # fmt: skip
        async for message in ws:
            if json.loads(message.data).get("id") == 1:
                break
        yield folder


def downloaded(folder: Path) -> list[str]:
    """The names of the files saved in `folder` so far (not those still arriving)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".crdownload"))


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
