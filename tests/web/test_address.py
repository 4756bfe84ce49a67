"""Which hosts count as this computer only, and the address printed for the browser."""

from __future__ import annotations

import pytest

from mixerpult.web import address
from mixerpult.web.address import (
    FONT_SIZES,
    browser_url,
    is_loopback,
    listen_hosts,
    readable_font_size,
)


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


@pytest.mark.parametrize(
    ("asked", "given"),
    [(0, 10), (-5, 10), (9, 10), (10, 10), (24, 24), (40, 40), (41, 40), (200, 40),
     ("0", 10), ("200", 40), ("24", 24), ("", 24), ("abc", 24), ("1e9", 24), (None, 24)],
)  # fmt: skip
def test_a_font_size_is_kept_readable(asked: int | str | None, given: int) -> None:
    """0 px drew no terminal at all, 200 px one of 10x2 cells."""
    assert readable_font_size(asked) == given
    assert FONT_SIZES.start == 10 and FONT_SIZES.stop == 41


def test_this_computer_is_served_on_both_loopbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(address, "_has_ipv6_loopback", lambda: True)
    assert listen_hosts("127.0.0.1") == listen_hosts("localhost") == ["127.0.0.1", "::1"]
    assert listen_hosts("::1") == ["::1"]
    assert listen_hosts("0.0.0.0") == ["0.0.0.0"]
    monkeypatch.setattr(address, "_has_ipv6_loopback", lambda: False)
    assert listen_hosts("127.0.0.1") == ["127.0.0.1"]
