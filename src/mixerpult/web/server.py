"""textual-serve's server, adapted: no fonts from the internet, Danish page, own start-up text,
a tab whose wizard found its answers file in use says so, both loopbacks, a quiet console."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import textual_serve
from aiohttp import web
from textual_serve.server import Server

from mixerpult import files
from mixerpult.i18n import t
from mixerpult.web.address import FONT_SIZES, is_loopback, listen_hosts, readable_font_size

_PAGE = Path(__file__).resolve().parent / "page"
_STATIC = Path(textual_serve.__file__).resolve().parent / "static"


class _OneLine(logging.Formatter):
    """A problem in one line, without the traceback: textual-serve's shows every frame's
    local variables, and on this server they can hold a request or a wizard's answers."""

    def format(self, record: logging.LogRecord) -> str:
        text = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            text = f"{text}: {' '.join(str(record.exc_info[1]).split())}"
        return f"mixerpult serve: {text}"


class MixerpultServer(Server):
    """Serves one wizard process per browser tab.

    The stock page loads its font from Google; health information must not
    announce itself to anyone, so our page uses the font shipped with
    textual-serve. URLs are built from the request's own Host so that the page
    works under whichever name the browser used.
    """

    RELEASE_WAIT = 2.0
    """Seconds to wait for the answers file to be let go before calling it in use (a
    wizard that has just ended may still hold it for a moment)."""

    def __init__(
        self,
        command: str,
        host: str,
        port: int,
        *,
        answers: Path,
        font_size: int,
        banner: str,
        remote: bool = False,
    ) -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title="Mixerpult",
            statics_path=_STATIC,
            templates_path=_PAGE,
        )
        self.answers = answers
        self.font_size = font_size
        self.banner = banner
        self.remote = remote

    def initialize_logging(self) -> None:
        """Warnings and errors only, one line each: no log of every request (it names the
        browser of everyone who opens the page) and no tracebacks."""
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_OneLine())
        logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C or SIGTERM (textual-serve's, with our logging and addresses)."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self.request_exit)
        web.run_app(
            self._make_app(),
            host=listen_hosts(self.host),
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=None,
            access_log=None,
        )

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        app.router.add_get("/in-use", self.handle_in_use)
        return app

    def in_use(self) -> bool:
        """Whether another wizard (another tab, or one in a terminal) has the answers open.

        The wizard's own lock is asked, so this holds whatever the lock's rules are;
        the probe holds it only for an instant.
        """
        lock = files.Lock(self.answers)
        try:
            lock.acquire()
        except files.FileLocked:
            return True
        except OSError:
            return False  # no place for a lock: the wizard will say what is wrong
        lock.release()
        return False

    async def handle_in_use(self, request: web.Request) -> web.Response:
        """Asked by a page whose wizard ended: was it because the file is in use?

        Only then, and not before the page is served: a reloaded tab's old page, and
        its wizard, live on until the new page has arrived.
        """
        end = time.monotonic() + self.RELEASE_WAIT
        while self.in_use():
            if time.monotonic() > end:
                return web.json_response({"in_use": True})
            await asyncio.sleep(0.1)
        return web.json_response({"in_use": False})

    def allowed(self, request: web.Request) -> bool:
        """Whether a request may reach the wizard.

        A browser lets any web page open a WebSocket to 127.0.0.1, and a page
        that did would get a wizard on the user's answers. So a request sent
        from another page (its Origin is not this server) is refused, and, unless
        the user chose --allow-remote, so is a Host that is not a loopback name:
        a name of someone else's that resolves to 127.0.0.1 (DNS rebinding)
        makes the browser treat that site as the same origin.
        """
        if not self.remote and not is_loopback(request.url.host or ""):
            return False
        origin = request.headers.get("Origin")
        # No Origin: not a browser page's script (a browser sends one on every
        # WebSocket), so nothing that the user could not do on this machine anyway.
        return origin is None or origin == f"{request.scheme}://{request.host}"

    @web.middleware
    async def _guard(
        self,
        request: web.Request,
        handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
    ) -> web.StreamResponse:
        if not self.allowed(request):
            return web.Response(status=403, text="Forbidden: mixerpult serves only its own page.")
        return await handler(request)

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(self.banner, highlight=False, markup=False, soft_wrap=True)

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        base = f"{request.scheme}://{request.host}"
        name = self.answers.name
        return {
            "in_use_message": [(lang, t("serve_in_use", lang, name=name)) for lang in ("da", "en")],
            "font_size": readable_font_size(request.query.get("fontsize"), self.font_size),
            "font_sizes": [FONT_SIZES.start, FONT_SIZES.stop - 1, self.font_size],
            "app_websocket_url": f"ws://{request.host}/ws",
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }
