"""`mixerpult serve`: a real server, a real headless Chromium, the real wizard behind it."""

from __future__ import annotations

import asyncio
import base64
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mixerpult import store

from . import cdp
from .conftest import Served, free_port, listening, needs_chromium


def test_prints_the_address_and_where_the_answers_stay(tmp_path: Path) -> None:
    # Longer than a console line: it must still come out whole, to be copied.
    answers = tmp_path / ("en-mappe-med-et-langt-navn-" * 3) / "svar.yaml"
    server = Served(answers, "--font-size", "24")
    out, _ = server.stop()
    assert f"http://127.0.0.1:{server.port}/?fontsize=24" in out
    assert str(answers) in out


def test_the_address_has_a_font_size_for_a_shared_screen(tmp_path: Path) -> None:
    server = Served(tmp_path / "svar.yaml")
    out, _ = server.stop()
    assert f"http://127.0.0.1:{server.port}/?fontsize=24" in out
    server = Served(tmp_path / "svar.yaml", "--font-size", "200")
    out, _ = server.stop()
    assert f"http://127.0.0.1:{server.port}/?fontsize=40" in out


def page(served: Served, query: str) -> str:
    import urllib.request

    with urllib.request.urlopen(served.url + query, timeout=10) as reply:
        return str(reply.read().decode())


def test_the_page_keeps_the_font_readable(served: Served) -> None:
    assert 'data-font-size="10"' in page(served, "?fontsize=0")
    assert 'data-font-size="40"' in page(served, "?fontsize=200")
    assert 'data-font-size="24"' in page(served, "?fontsize=abc")
    assert 'data-font-size="24"' in page(served, "")


def test_the_page_fetches_nothing_from_the_internet(served: Served) -> None:
    import urllib.request

    with urllib.request.urlopen(served.url + "?fontsize=30", timeout=10) as reply:
        page = reply.read().decode()
    assert '<html lang="da">' in page
    assert 'data-font-size="30"' in page
    assert "googleapis" not in page
    external = [part for part in page.split('"') if part.startswith(("http://", "https://"))]
    assert external and all(url.startswith(served.url) for url in external), external


def status(served: Served, path: str, **headers: str) -> int:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host="Host" in headers)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


WEBSOCKET = {
    "Upgrade": "websocket",
    "Connection": "Upgrade",
    "Sec-WebSocket-Version": "13",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
}


def test_another_web_page_cannot_open_the_wizard(served: Served) -> None:
    """Any page in the browser may try ws://127.0.0.1:PORT/ws; only our own page gets in."""
    own = f"http://127.0.0.1:{served.port}"
    assert status(served, "/", Origin=own) == 200
    assert status(served, "/ws", Origin="https://evil.example", **WEBSOCKET) == 403
    assert status(served, "/ws", Origin="null", **WEBSOCKET) == 403
    assert status(served, "/download/x", Origin="https://evil.example") == 403
    # DNS rebinding: a foreign name that points at 127.0.0.1 is the page's own origin.
    rebound = f"evil.example:{served.port}"
    assert status(served, "/", Host=rebound) == 403
    assert status(served, "/ws", Host=rebound, Origin=f"http://{rebound}", **WEBSOCKET) == 403
    assert status(served, "/", Host=f"localhost:{served.port}") == 200


def raw_request(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        return connection.recv(200)


def test_the_console_shows_no_traceback_and_no_request_log(tmp_path: Path) -> None:
    """A traceback would print local variables on the console; a log of each request, the browser."""
    server = Served(tmp_path / "svar.yaml")
    try:
        assert raw_request(server.port, b"GET / HTTP/1.1\r\n\r\n").startswith(b"HTTP/1.0 400")
        assert raw_request(server.port, b"GET / HTTP/1.1\r\nHost: [\r\n\r\n").split()[1] in (
            b"400",
            b"403",
        )
        agent = "Mozilla/5.0 (mixerpult-test-agent)"
        assert status(server, "/", **{"User-Agent": agent}) == 200
    finally:
        out, err = server.stop()
    console = out + err
    assert "Traceback" not in console and "locals" not in console, console
    assert "mixerpult-test-agent" not in console and "GET /" not in console, console


def ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not ipv6_loopback(), reason="this machine has no IPv6 loopback")
def test_ipv6_loopback_is_served_too(served: Served) -> None:
    import http.client

    assert listening(served.port, "::1")
    connection = http.client.HTTPConnection("::1", served.port, timeout=10)
    try:
        own = f"http://[::1]:{served.port}"
        connection.request("GET", "/", headers={"Origin": own})
        reply = connection.getresponse()
        assert reply.status == 200
        assert f'data-session-websocket-url="ws://[::1]:{served.port}/ws"' in reply.read().decode()
    finally:
        connection.close()


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.org"])
def test_a_network_address_is_refused_without_allow_remote(host: str, tmp_path: Path) -> None:
    port = free_port()
    result = subprocess.run(
        [sys.executable, "-m", "mixerpult", "serve", "--host", host, "--port", str(port),
         "--file", str(tmp_path / "svar.yaml")],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert result.returncode == 2
    assert "--allow-remote" in result.stderr and "helbred" in result.stderr
    assert not listening(port)
    assert not (tmp_path / "svar.yaml").exists()


def test_allow_remote_serves_with_a_warning(tmp_path: Path) -> None:
    server = Served(tmp_path / "svar.yaml", "--host", "0.0.0.0", "--allow-remote")
    _, err = server.stop()
    assert "ADVARSEL" in err and "helbred" in err


def test_a_busy_port_gives_a_clear_message(served: Served, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mixerpult", "serve", "--port", str(served.port),
         "--file", str(tmp_path / "other.yaml")],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert result.returncode == 1
    assert f"127.0.0.1:{served.port}" in result.stderr and "--port" in result.stderr
    assert "Traceback" not in result.stderr


@needs_chromium
async def test_a_browser_shows_the_welcome_in_danish(served: Served, tmp_path: Path) -> None:
    async with (
        cdp.browser(tmp_path / "profile") as (http, devtools),
        cdp.open_page(http, devtools) as page,
    ):
        await page.send("Page.navigate", url=served.url)
        await page.wait_for_text("Velkommen")
        await page.wait_for_text("Begynd")
        shot = await page.send("Page.captureScreenshot", format="png")
    png = base64.b64decode(shot["data"])
    assert png.startswith(b"\x89PNG") and len(png) > 10_000, "the page painted something"
    (tmp_path / "welcome.png").write_bytes(png)  # kept with the test's files, to look at


@needs_chromium
async def test_closing_the_tab_loses_nothing(served: Served, tmp_path: Path) -> None:
    answers = tmp_path / "svar.yaml"
    async with cdp.browser(tmp_path / "profile") as (http, devtools):
        async with cdp.open_page(http, devtools) as page:
            await page.send("Page.navigate", url=served.url)
            await page.wait_for_text("Begynd")
            await asyncio.sleep(0.3)
            await page.focus_terminal()
            await page.press_enter()
            await page.wait_for_text("Dit fornavn")
            await asyncio.sleep(0.3)
            await page.type_text("Mette [b]i browseren")
            await page.wait_for_text("browseren")
            await page.send("Page.close")
        end = time.monotonic() + 20
        while "browseren" not in (answers.read_text("utf-8") if answers.exists() else ""):
            assert time.monotonic() < end, "the answer never reached the file"
            await asyncio.sleep(0.1)
    assert store.load(answers).answers["fornavn"] == "Mette [b]i browseren"
