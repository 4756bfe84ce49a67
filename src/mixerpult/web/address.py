"""Which addresses `serve` may listen on, and the address to open."""

from __future__ import annotations

import ipaddress


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


def browser_url(host: str, port: int, font_size: int | None = None) -> str:
    """The address to open in a browser for a server on `host`:`port`."""
    if host in ("0.0.0.0", "::", ""):
        # Listening everywhere: this computer can still open its own loopback address.
        host = "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    url = f"http://{host}:{port}/"
    return f"{url}?fontsize={font_size}" if font_size else url
