"""Blocks and logs every attempt to reach the network, for the privacy tests.

Put this folder first on PYTHONPATH and set MIXERPULT_TEST_NET_LOG to a file:
Python imports `sitecustomize` at start-up, before any of mixerpult, so every
internet socket (AF_INET, AF_INET6) that connects or sends, and every name
lookup, is written to the log and refused. Local sockets (AF_UNIX, which
asyncio's self-pipe uses) are left alone. Compiled code with sockets of its own
(Typst) is out of its sight: test_privacy.py runs `render` with no network too.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from typing import Any

_INTERNET = (socket.AF_INET, socket.AF_INET6)


def block(log: str) -> Callable[[], None]:
    """Refuse and log network use from now on; returns a function that undoes it."""

    def refuse(what: str) -> OSError:
        with open(log, "a", encoding="utf-8") as file:
            file.write(what + "\n")
        return OSError(f"network blocked by the privacy test: {what}")

    originals: list[tuple[Any, str, Any]] = []

    def replace(owner: Any, name: str, function: Any) -> None:
        originals.append((owner, name, getattr(owner, name)))
        setattr(owner, name, function)

    def guarded(name: str) -> Callable[..., Any]:
        real = getattr(socket.socket, name)

        def method(self: socket.socket, *args: Any) -> Any:
            if self.family in _INTERNET:
                raise refuse(f"{name} {args[-1]!r}")
            return real(self, *args)

        return method

    for name in ("connect", "connect_ex", "sendto"):
        replace(socket.socket, name, guarded(name))

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        raise refuse(f"create_connection {address!r}")

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        raise refuse(f"getaddrinfo {host!r}")

    replace(socket, "create_connection", create_connection)
    replace(socket, "getaddrinfo", getaddrinfo)

    def undo() -> None:
        for owner, name, original in reversed(originals):
            setattr(owner, name, original)

    return undo


if os.environ.get("MIXERPULT_TEST_NET_LOG"):
    block(os.environ["MIXERPULT_TEST_NET_LOG"])
