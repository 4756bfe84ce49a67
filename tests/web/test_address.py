"""Which hosts count as this computer only, and the address printed for the browser."""

from __future__ import annotations

import pytest

from mixerpult.web.address import browser_url, is_loopback


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.8.9.1", "::1", "[::1]", "localhost", "LOCALHOST."]
)
def test_loopback(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize(
    "host", ["0.0.0.0", "::", "10.0.0.1", "192.168.0.2", "myhost", "localhost.evil.com", ""]
)
def test_not_loopback(host: str) -> None:
    assert not is_loopback(host)


def test_browser_url() -> None:
    assert browser_url("127.0.0.1", 8000) == "http://127.0.0.1:8000/"
    assert browser_url("::1", 8001, 24) == "http://[::1]:8001/?fontsize=24"
    assert browser_url("0.0.0.0", 8002) == "http://127.0.0.1:8002/"
