"""Which addresses `serve` may listen on, the address to open, and a font size to read."""

from __future__ import annotations

import ipaddress
import socket

FONT_SIZES = range(10, 41)
"""Font sizes in pixels that give a terminal to read: 0 drew none at all, 200 one of 10x2 cells."""

SHARED_SCREEN_FONT_SIZE = 24
"""Large enough to read across a desk, small enough for a page of the wizard on a laptop."""


def readable_font_size(asked: int | str | None, default: int = SHARED_SCREEN_FONT_SIZE) -> int:
    """`asked` (a number, or the text of one from the address) within FONT_SIZES; else `default`."""
    try:
        size = default if asked is None or asked == "" else int(asked)
    except ValueError:
        size = default
    return min(max(size, FONT_SIZES.start), FONT_SIZES.stop - 1)


def is_loopback(host: str) -> bool:
    """True when only this computer can reach `host`.

    A host name other than `localhost` is not resolved (that could ask the
    network) and counts as reachable from outside.
    """
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def listen_hosts(host: str) -> list[str]:
    """The addresses to listen on for `host`.

    This computer's name for itself (`localhost`, or 127.0.0.1, the default) means
    both loopbacks where there is an IPv6 one: a browser may open `[::1]` or resolve
    `localhost` to it.
    """
    if host.lower() in ("localhost", "127.0.0.1") and _has_ipv6_loopback():
        return ["127.0.0.1", "::1"]
    return [host]


def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


def browser_url(host: str, port: int, font_size: int | None = None) -> str:
    """The address to open in a browser for a server on `host`:`port`."""
    if host in ("0.0.0.0", "::", ""):
        # Listening everywhere: this computer can still open its own loopback address.
        host = "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    url = f"http://{host}:{port}/"
    return f"{url}?fontsize={font_size}" if font_size else url
